/**
 * Scores the formalizer (src/core/formal) on Shekasteh (../shared/data/informal/shekasteh/dev.tsv: colloquial
 * sentences from subtitles, blogs and forums, each with a formal rewrite of its words — column 2, "word-fixed").
 *
 *   npm run eval:formal              # validation half (the table in the README); writes bench/results/formal-eval.json
 *   SET=dev npm run eval:formal      # development half (used to write the rules)
 *   SHOW=1 ...                       # also print each sentence: input, output, reference
 *   EVAL_OUT=- ...                   # print the figures as one JSON line too, write nothing (conformance test)
 *
 * Split (fixed): lines 1-458 are the development half, lines 459-917 the validation half; the validation half is
 * never read while writing rules or tables. Measures, after the normalizer (default options) in every row:
 *   - CER: character edit distance to the reference over the Persian letters only (spaces, ZWNJs, punctuation and
 *     digits dropped from both sides), divided by the reference's letters: robust to the reference's inconsistent
 *     spacing (بچه هایم / بچه‌هایم) and punctuation;
 *   - WER: word edit distance over the words (ZWNJs removed, punctuation dropped) divided by the reference's words;
 *   - words rewritten, and of those, how many match the reference word-for-word where the alignment is 1:1.
 * And on formal text — the `# text` lines of our PerDT and Seraji validation splits — how many words the formalizer
 * changes per 1,000 (every change there is a false change); with SET=dev, on the first 2,000 lines of their raw train text instead.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createFormalizer, normalizeFormalize, type FormalizeOptions } from '../src/core/formal/index.js';
import { decodeLemmaData } from '../src/core/lemmatize/data.js';
import { createNormalizer } from '../src/core/normalize/index.js';
import { HalfSpaceModel } from '../src/core/normalize/halfspace-model.js';
import { readConllu } from '../src/core/formats/conllu.js';
import { haveShared, readShared, ROOT } from './lib/corpus.js';
import { conlluBlocks, selectBlocks, SPLITS } from './lib/splits.js';
import { distance } from './lib/distance.js';

if (!haveShared()) {
  console.log('SKIP eval:formal: ../shared/data not found (set DABIR_SHARED)');
  process.exit(0);
}

const DEV_LINES = 458;
const set = process.env.SET === 'dev' ? 'dev' : 'validation';
const rows = readShared('informal/shekasteh/dev.tsv')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => l.split('\t'));
const pairs = (set === 'dev' ? rows.slice(0, DEV_LINES) : rows.slice(DEV_LINES)).map((r) => [r[0]!.trim(), (r[1] ?? '').trim()] as const);

const nz = createNormalizer({ halfSpace: HalfSpaceModel.fromBytes(readFileSync(`${ROOT}data/halfspace.bin`)) });
const fz = createFormalizer({ formal: JSON.parse(readFileSync(`${ROOT}data/formal.json`, 'utf8')), lemma: decodeLemmaData(readFileSync(`${ROOT}data/lemma.bin`)) });

const letters = (s: string): string => s.replace(/[^\u0621-\u064a\u067e\u0686\u0698\u06a9\u06af\u06cc\u0622]/g, '').replace(/ي/g, 'ی').replace(/ك/g, 'ک');
const wordsOf = (s: string): string[] =>
  s
    .replace(/\u200c/g, '')
    .replace(/ي/g, 'ی')
    .replace(/ك/g, 'ک')
    .split(/[^\u0621-\u064a\u067e\u0686\u0698\u06a9\u06af\u06cc\u0622]+/)
    .filter(Boolean);


type System = (s: string) => string;
const systems: [string, System][] = [
  ['input as written', (s) => s],
  ['normalize', (s) => nz.normalize(s)],
  ['normalize + formalize', (s) => normalizeFormalize(fz, nz, s)],
  ["normalize + formalize (register 'auto': colloquial lines only)", (s) => normalizeFormalize(fz, nz, s, { formalize: { register: 'auto' } })],
];

const results: Record<string, { cer: number; wer: number; sentencesChanged?: number }> = {};
const show = process.env.SHOW === '1';
for (const [name, sys] of systems) {
  let ce = 0;
  let cn = 0;
  let we = 0;
  let wn = 0;
  for (const [inp, ref] of pairs) {
    const out = sys(inp);
    const lo = letters(out);
    const lr = letters(ref);
    ce += distance(lo, lr);
    cn += lr.length;
    const wo = wordsOf(out);
    const wr = wordsOf(ref);
    we += distance(wo, wr);
    wn += wr.length;
    if (show && name === 'normalize + formalize') console.log(`< ${inp}\n> ${out}\n= ${ref}\n`);
  }
  results[name] = { cer: ce / cn, wer: we / wn };
}

// false changes on formal text
const formal: Record<string, { words: number; changed: number; changedAuto: number }> = {};
for (const key of ['perdt', 'seraji'] as const) {
  const split = SPLITS[key]!;
  // (development: the first 2,000 lines of the treebank's raw train text instead, so validation is never looked at)
  const texts =
    set === 'dev'
      ? readShared(`text/${key}-train.txt`).split('\n').slice(0, 2000)
      : selectBlocks(conlluBlocks(readShared(split.file)), split.validation).map((b) => readConllu(b).sentences[0]!.text);
  let words = 0;
  let changed = 0;
  let changedAuto = 0;
  const examples: string[] = [];
  const count = (o: FormalizeOptions): number => {
    let n = 0;
    for (const t of texts) {
      const nt = nz.normalize(t);
      const a = fz.formalizeAligned(nt, o);
      for (const c of a.changes()) {
        n++;
        if (o.register === 'informal' && examples.length < 60) {
          // the whole word around the change, as written and as rewritten
          let s = c.start;
          let z = c.end;
          while (s > 0 && /\S/.test(nt[s - 1]!)) s--;
          while (z < nt.length && /\S/.test(nt[z]!)) z++;
          examples.push(`${nt.slice(s, z)} → ${c.after}`);
        }
      }
    }
    return n;
  };
  for (const t of texts) words += wordsOf(t).length;
  changed = count({ register: 'informal' });
  changedAuto = count({ register: 'auto' });
  formal[key] = { words, changed, changedAuto };
  if (process.env.SHOW_FORMAL) console.log(key, examples.join(' | '));
}

const pct = (x: number): string => (100 * x).toFixed(2);
console.log(`Shekasteh ${set} half (${pairs.length} sentences): error rates against the formal reference (lower is better)\n`);
console.log('| system | CER (letters) | WER |');
console.log('|---|---|---|');
for (const [name, r] of Object.entries(results)) console.log(`| ${name} | ${pct(r.cer)} | ${pct(r.wer)} |`);
console.log('\nFormal text, words changed by the formalizer:\n');
console.log("| text | words | changed, every line | per 1,000 words | changed, register 'auto' |");
console.log('|---|---|---|---|---|');
for (const [k, r] of Object.entries(formal)) console.log(`| ${k === 'perdt' ? 'PerDT' : 'Seraji'} ${set === 'dev' ? 'train text (2,000 lines)' : 'validation'} | ${r.words} | ${r.changed} | ${((1000 * r.changed) / r.words).toFixed(2)} | ${r.changedAuto} |`);

// idempotence on real text: formalizing the output again changes nothing
let notIdempotent = 0;
for (const [inp] of pairs) {
  const once = normalizeFormalize(fz, nz, inp);
  if (normalizeFormalize(fz, nz, once) === once) continue;
  notIdempotent++;
  // SHOW_IDEM=1: print each output that changes again
  if (process.env.SHOW_IDEM) console.log(`${once}\n=> ${normalizeFormalize(fz, nz, once)}`);
}
console.log(`\nIdempotence: ${notIdempotent} of ${pairs.length} outputs change when formalized again`);
const summary = { set, sentences: pairs.length, shekasteh: results, formalText: formal, notIdempotent };
// EVAL_OUT=-: the figures as one JSON line (for the conformance test), nothing written
if (process.env.EVAL_OUT === '-') console.log('JSON:' + JSON.stringify(summary));
else if (set === 'validation') {
  mkdirSync(`${ROOT}bench/results`, { recursive: true });
  writeFileSync(`${ROOT}bench/results/formal-eval.json`, JSON.stringify(summary, null, 2) + '\n');
}
