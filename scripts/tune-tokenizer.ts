/**
 * Development tool for the tokenizer (never run by CI): scores Tokens and Words (CoNLL 2018 definitions, from raw
 * text) on the last 30% of the PerDT and Seraji TRAIN ranges with MWT data learned from the first 70%
 * (`TUNE=1 npm run train:tokenizer` writes .tmp/mwt-tune.json), and prints every sentence whose Words F1 is below 1.
 * The validation ranges are not read.
 *
 *   TUNE=1 npm run train:tokenizer && npx tsx scripts/tune-tokenizer.ts
 *   TOKENS=1 npx tsx scripts/tune-tokenizer.ts   # print the sentences whose Tokens F1 is below 1 instead
 * It also scores the last 20% of iPerUDT train with the informal data TUNE learned from the first 80%.
 */
import { readFileSync } from 'node:fs';
import { Doc } from '../src/core/doc.js';
import { evaluate } from '../src/core/eval/ud-metrics.js';
import { readConllu } from '../src/core/formats/conllu.js';
import type { MwtData } from '../src/core/tokenize/mwt.js';
import { createPipeline } from '../src/node/index.js';
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

// informal text: the last 20% of iPerUDT train with the informal data learned from the first 80% (tokenizer scheme
// iperudt); the text is rebuilt from the gold forms (some # text lines carry bidi marks the forms do not)
{
  const path = `${ROOT}.tmp/mwt-informal-tune.json`;
  const informal = JSON.parse(readFileSync(path, 'utf8')) as MwtData;
  const pi = createPipeline({ components: ['normalizer', 'tokenizer'], resources: { mwtInformal: informal }, options: { tokenizer: { scheme: 'iperudt' } } });
  const all = conlluBlocks(readShared(SPLITS.iperudtTrain!.file).replace(/\r\n?/g, '\n'));
  const tail = all.slice(Math.floor(all.length * 0.8));
  const sc = evaluate(tail.join('\n\n') + '\n\n', pi.process(tail.map((b) => readConllu(b).text).join('\n')), { strict: false });
  if (sc.ok) console.log(`== iperudt train tail ${Math.floor(all.length * 0.8) + 1}-${all.length}: Tokens ${(100 * sc.metrics.Tokens.f1).toFixed(2)} Words ${(100 * sc.metrics.Words.f1).toFixed(2)}`);
  else console.log(`iperudt train tail: ${sc.error}`);
}
