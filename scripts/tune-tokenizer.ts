/**
 * Development tool for the tokenizer (never run by CI): scores Tokens and Words (CoNLL 2018 definitions, from raw
 * text) on the last 30% of the PerDT and Seraji TRAIN ranges with MWT data learned from the first 70%
 * (`TUNE=1 npm run train:tokenizer` writes .tmp/mwt-tune.json), and prints every sentence whose Words F1 is below 1.
 * The validation ranges are not read.
 *
 *   TUNE=1 npm run train:tokenizer && npx tsx scripts/tune-tokenizer.ts
 *   TOKENS=1 npx tsx scripts/tune-tokenizer.ts   # print the sentences whose Tokens F1 is below 1 instead
 * It also scores the last 20% of iPerUDT train with the informal data TUNE learned from the first 80%, read as eval:ud
 * reads iPerUDT dev (scheme iperudt, paragraphs of 10 sentences);
 *   ERRORS=1 npx tsx scripts/tune-tokenizer.ts   # and list its word-segmentation errors by class
 */
import { readFileSync } from 'node:fs';
import { Doc } from '../src/core/doc.js';
import { evaluate } from '../src/core/eval/ud-metrics.js';
import { readConllu } from '../src/core/formats/conllu.js';
import type { MwtData } from '../src/core/tokenize/mwt.js';
import { createPipeline, schemeOptions } from '../src/node/index.js';
import { haveShared, readShared, ROOT } from './lib/corpus.js';
import { conlluBlocks, selectBlocks, SPLITS } from './lib/splits.js';

if (!haveShared()) {
  console.log('SKIP tune-tokenizer: ../shared/data not found');
  process.exit(0);
}
const mwt = JSON.parse(readFileSync(process.env.MWT ?? `${ROOT}.tmp/mwt-tune.json`, 'utf8')) as MwtData;
for (const key of ['perdt', 'seraji']) {
  // each treebank in its own scheme, as eval:ud scores it
  const p = createPipeline({ components: ['normalizer', 'tokenizer'], resources: { mwt }, options: { tokenizer: { scheme: key } } });
  const r = SPLITS[key]!.train!;
  const from = r[0] + Math.floor((r[1] - r[0] + 1) * 0.7);
  const blocks = selectBlocks(conlluBlocks(readShared(SPLITS[key]!.file).replace(/\r\n?/g, '\n')), [from, r[1]]);
  const docs: Doc[] = [];
  for (const b of blocks) {
    const text = b.split('\n').find((l) => l.startsWith('# text = '))?.slice(9).replace(/[ \t]+$/, '') ?? readConllu(b).text;
    const doc = p.process(text);
    docs.push(doc);
    const sc = evaluate(b + '\n\n', doc, { strict: false });
    if (sc.ok && (process.env.TOKENS ? sc.metrics.Tokens.f1 : sc.metrics.Words.f1) < 1) {
      const show = (d: Doc): string => d.tokens.map((t) => (t.words.length > 1 ? `[${t.words.map((w) => w.form).join('+')}]` : t.form)).join(' ');
      console.log(`${key} ${sc.metrics.Words.f1.toFixed(3)}\n  G: ${show(readConllu(b))}\n  S: ${show(doc)}`);
    }
  }
  // the whole tuning range as one document (sentences joined by newlines: boundaries given)
  const text = docs.map((d) => d.text).join('\n');
  const sc = evaluate(blocks.join('\n\n') + '\n\n', p.process(text), { strict: false });
  if (sc.ok) console.log(`== ${key} ${from}-${r[1]}: Tokens ${(100 * sc.metrics.Tokens.f1).toFixed(2)} Words ${(100 * sc.metrics.Words.f1).toFixed(2)}`);
}

// informal text: the last 20% of iPerUDT train with the informal data learned from the first 80%, read the way
// eval:ud reads iPerUDT dev (scripts/eval-ud.ts): the `# text` lines joined by spaces into paragraphs of 10 sentences,
// a pipeline with schemeOptions('iperudt'). A sentence whose `# text` carries characters its forms do not (bidi
// marks) is read from its forms instead (the characters must match for the CoNLL 2018 alignment).
// ERRORS=1 lists every word-segmentation error there (token by token, one sentence at a time) with its class, and
// counts the classes.
{
  const path = process.env.MWT_INFORMAL ?? `${ROOT}.tmp/mwt-informal-tune.json`;
  const informal = JSON.parse(readFileSync(path, 'utf8')) as MwtData;
  const comps = ['normalizer', 'tokenizer'];
  const pi = createPipeline({ components: comps, resources: { mwtInformal: informal }, options: schemeOptions('iperudt', comps) });
  const all = conlluBlocks(readShared(SPLITS.iperudtTrain!.file).replace(/\r\n?/g, '\n'));
  const cut = Math.floor(all.length * 0.8);
  const tail = all.slice(cut);
  const strip = (x: string): string => x.replace(/[\p{Zs}\t\n\r]/gu, '');
  const textOf = (b: string): string => {
    const g = readConllu(b);
    const line = b.split('\n').find((l) => l.startsWith('# text = '));
    const t = line !== undefined ? line.slice(9).replace(/[ \t]+$/, '') : g.text;
    return strip(t) === g.tokens.map((x) => strip(x.text)).join('') ? t : g.text;
  };
  const raw = tail.map((b, i) => (i === 0 ? '' : i % 10 === 0 ? '\n' : ' ') + textOf(b)).join('');
  const sc = evaluate(tail.join('\n\n') + '\n\n', pi.process(raw), { strict: false });
  if (sc.ok) console.log(`== iperudt train tail ${cut + 1}-${all.length} (eval:ud's reading): Tokens ${(100 * sc.metrics.Tokens.f1).toFixed(2)} Words ${(100 * sc.metrics.Words.f1).toFixed(2)}`);
  else console.log(`iperudt train tail: ${sc.error}`);
  if (process.env.ERRORS) {
    const counts = new Map<string, number>();
    /** token spans over the characters other than white space → the token's words */
    const spans = (toks: readonly { text: string; words: readonly { form: string }[] }[]): Map<string, string[]> => {
      const m = new Map<string, string[]>();
      let i = 0;
      for (const t of toks) {
        const f = [...strip(t.text)];
        if (!f.length) continue;
        m.set(`${i}:${i + f.length}`, t.words.length > 1 ? t.words.map((w) => w.form) : [f.join('')]);
        i += f.length;
      }
      return m;
    };
    const PRONOUN = /^(?:م|ت|ش|مون|تون|شون|مان|تان|شان|اش|ام|ات|یش|یت|یم)$/;
    const COPULA = /^(?:ه|س|ست|است|ام|ای|ایم|اید|اند|یم|ید|ین|ن|ند|ی|یی|ییم)$/;
    const classOf = (g: string[], s: string[]): string => {
      const bare = (w: string[]): string => w.join('+').replaceAll('\u200c', '');
      if (bare(g) === bare(s)) return 'zwnj';
      if (g.length === 1) return 'split, gold whole';
      if (s.length > 1) return 'split differently';
      const lastTwo = g.slice(-2);
      if (g.length > 2 && lastTwo.every((x) => PRONOUN.test(x) || COPULA.test(x) || x === 'و' || x === 'رو')) return 'not split: chain';
      const c = g[g.length - 1]!;
      if (c === 'و' || c === 'رو' || c === 'را') return 'not split: object marker';
      if (PRONOUN.test(c)) return 'not split: pronoun clitic';
      if (COPULA.test(c)) return 'not split: copula / person ending';
      return 'not split: compound';
    };
    for (const b of tail) {
      const g = readConllu(b);
      const gs = spans(g.tokens);
      const ss = spans(pi.process(textOf(b)).tokens);
      for (const [k, gw] of gs) {
        const sw = ss.get(k);
        let cls: string;
        let shown: string;
        if (!sw) {
          const [a, e] = k.split(':').map(Number) as [number, number];
          const over = [...ss].filter(([kk]) => {
            const [x, y] = kk.split(':').map(Number) as [number, number];
            return x < e && y > a;
          });
          shown = over.map(([, w]) => w.join('+')).join(' ');
          cls = /^[\p{P}\p{S}\p{Cf}\s]+$/u.test(shown) ? 'cut: marks' : 'cut: words';
        } else if (gw.join('+') !== sw.join('+')) {
          cls = classOf(gw, sw);
          shown = sw.join('+');
        } else continue;
        counts.set(cls, (counts.get(cls) ?? 0) + 1);
        console.log(`${cls}\t${gw.join('+')}\t${shown}\t${g.tokens.map((t) => t.text).join(' ')}`);
      }
    }
    for (const [c, n] of [...counts].sort((x, y) => y[1] - x[1])) console.log(`# ${n}\t${c}`);
  }
}
