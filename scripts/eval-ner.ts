/**
 * Scores the named-entity recognizer (data/ner.bin, or NER_BIN=path) on ParsTwiNER dev, our validation split (never
 * trained on; scripts/lib/ner-data.ts), and writes bench/results/ner-eval.json. Entity-level precision, recall and F1
 * (an entity counts when its type and its exact span match), overall and per type, two ways (EVAL_OUT=- prints the
 * JSON instead of writing it):
 *   gold tokens  the recognizer labels ParsTwiNER's own tokens
 *   raw text     each sentence's tokens joined by spaces go through the pipeline (normalizer, tokenizer, ner); an
 *                entity counts when its character span and type match the gold entity's
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createPipeline, decodeNer, spansOf } from '../src/node/index.js';
import { haveShared, ROOT } from './lib/corpus.js';
import { readParsTwiNer, scoreSpans, type NerScores } from './lib/ner-data.js';

if (!haveShared()) {
  console.log('SKIP eval:ner: ../shared/data not found (set DABIR_SHARED)');
  process.exit(0);
}

const bin = process.env.NER_BIN ?? `${ROOT}data/ner.bin`;
const bytes = new Uint8Array(readFileSync(bin));
const model = decodeNer(bytes);
const dev = readParsTwiNer('dev');

// gold tokens
const gold = dev.map((s) => spansOf(s.labels));
const tokenScores = scoreSpans(gold, dev.map((s) => spansOf(model.label(s.words))));

// raw text: spans as character offsets into the joined sentence
const pipeline = createPipeline({ components: ['normalizer', 'tokenizer', 'ner'], resources: { ner: bytes } });
const goldChars: [string, number, number][][] = [];
const predChars: [string, number, number][][] = [];
for (const s of dev) {
  const starts: number[] = [];
  let text = '';
  for (const w of s.words) {
    if (text) text += ' ';
    starts.push(text.length);
    text += w;
  }
  goldChars.push(spansOf(s.labels).map(([t, a, b]) => [t, starts[a]!, starts[b - 1]! + s.words[b - 1]!.length]));
  const doc = pipeline.process(text);
  predChars.push((doc.entities ?? []).map((e) => [e.type, e.start, e.end]));
}
const rawScores = scoreSpans(goldChars, predChars);

const pct = (x: number): string => (100 * x).toFixed(2);
const row = (name: string, sc: NerScores): string =>
  `| ${name} | ${pct(sc.precision)} | ${pct(sc.recall)} | **${pct(sc.f1)}** | ${Object.values(sc.byType).map((e) => pct(e.f1)).join(' | ')} |`;
console.log(`ParsTwiNER dev (validation): ${dev.length} sentences, ${tokenScores.gold} entities; model ${bin}\n`);
console.log(`| input | P | R | F1 | ${Object.keys(tokenScores.byType).join(' | ')} |`);
console.log(`|---|---|---|---|${Object.keys(tokenScores.byType).map(() => '---').join('|')}|`);
console.log(row('gold tokens', tokenScores));
console.log(row('raw text', rawScores));
const json = JSON.stringify({ data: { file: bin, bytes: bytes.length, sentences: dev.length }, goldTokens: tokenScores, rawText: rawScores }, null, 1);
// EVAL_OUT=- (the conformance test): the results on standard output after "JSON:", no file written
if (process.env.EVAL_OUT === '-') console.log('JSON:' + json);
else writeFileSync(`${ROOT}bench/results/ner-eval.json`, json + '\n');
