/**
 * Scheme 'auto' on short texts: every validation sentence analysed alone (gold tokens, as a chat message would be),
 * with the register test of markers only (`colloquial: false`) and with the formalizer's strong readings beside them
 * (the Node default), UPOS / LAS / lemma (the past-stem part) against the gold; and how many lines of the raw text
 * each test reads as colloquial. Needs ../shared/data; prints one SKIP line without it.
 *
 *   npx tsx scripts/eval-register.ts
 */
import { readConllu } from '../src/core/formats/conllu.js';
import { detectRegister, registerWith } from '../src/core/register/index.js';
import { availableComponents, createPipeline, getFormalizer } from '../src/node/index.js';
import { haveShared, readShared } from './lib/corpus.js';
import { conlluBlocks, selectBlocks, SPLITS } from './lib/splits.js';

if (!haveShared()) {
  console.log('SKIP eval-register: ../shared/data not found (set DABIR_SHARED)');
  process.exit(0);
}
const comps = availableComponents().filter((c) => c !== 'spell' && c !== 'ner');
console.log('| split | sentences | markers only: UPOS / LAS / lemmas | with the formalizer: UPOS / LAS / lemmas |');
console.log('|---|---|---|---|');
const pipes = [createPipeline({ components: comps, scheme: 'auto', colloquial: false }), createPipeline({ components: comps, scheme: 'auto' })];
for (const key of ['perdt', 'seraji', 'iperudtDev'] as const) {
  const sp = SPLITS[key]!;
  const blocks = selectBlocks(conlluBlocks(readShared(sp.file)), sp.validation!);
  const cells = pipes.map((p) => {
    let n = 0;
    let upos = 0;
    let las = 0;
    let lem = 0;
    for (const b of blocks) {
      const gold = readConllu(b);
      const doc = readConllu(b);
      for (const w of doc.words) {
        w.lemma = w.upos = w.xpos = w.feats = w.deprel = w.deps = w.misc = undefined;
        w.head = undefined;
      }
      p.annotate(doc); // one sentence alone: its own register
      gold.words.forEach((g, i) => {
        const s = doc.words[i]!;
        n++;
        if (g.upos === s.upos) upos++;
        if (g.head === s.head && (g.deprel ?? '').split(':')[0] === (s.deprel ?? '').split(':')[0]) las++;
        if ((g.lemma ?? '').split('#')[0] === (s.lemma ?? '').split('#')[0]) lem++;
      });
    }
    return [upos, las, lem].map((x) => ((100 * x) / n).toFixed(2)).join(' / ');
  });
  console.log(`| ${key} | ${blocks.length} | ${cells[0]} | ${cells[1]} |`);
}
const fz = getFormalizer();
const test = (w: string): boolean => fz.colloquialWord(w) !== undefined;
console.log('\n| raw text (first 8,000 lines) | lines | colloquial: markers only | with the formalizer |');
console.log('|---|---|---|---|');
const texts: [string, string[]][] = [
  ['PerDT dev', conlluBlocks(readShared('ud/fa_perdt-ud-dev.conllu')).map((b) => /^# text = (.*)$/m.exec(b)?.[1] ?? '')],
  ['Seraji dev', conlluBlocks(readShared('ud/fa_seraji-ud-dev.conllu')).map((b) => /^# text = (.*)$/m.exec(b)?.[1] ?? '')],
  ['PerDT train text', readShared('text/perdt-train.txt').split('\n')],
  ['Seraji train text', readShared('text/seraji-train.txt').split('\n')],
  ['iPerUDT dev sentences', conlluBlocks(readShared('ud/iPerUDT_dev.conllu')).map((b) => /^# text = (.*)$/m.exec(b)?.[1] ?? '')],
  ['ParsTwiNER train tweets', readShared('ner/parstwiner/train.txt').split(/\n\s*\n/).map((s) => s.split('\n').map((l) => l.split(/\s+/)[0]).join(' '))],
];
for (const [name, all] of texts) {
  const lines = all.filter((l) => l.trim()).slice(0, 8000);
  let a = 0;
  let b = 0;
  for (const l of lines) {
    if (detectRegister(l) === 'informal') a++;
    if (registerWith(l, test) === 'informal') b++;
  }
  console.log(`| ${name} | ${lines.length} | ${a} | ${b} |`);
}
