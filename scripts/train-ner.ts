/**
 * Trains the named-entity recognizer (src/core/ner) on ParsTwiNER train and writes data/ner.bin (+ manifest entry),
 * then scores it on ParsTwiNER dev, our validation split (never trained on; scripts/lib/ner-data.ts).
 *
 *   npm run train:ner                 # train on all of train.txt, write data/ner.bin, score on dev (~1 min)
 *   NER_DEV=1 npm run train:ner       # hold out the last 10% of train.txt and score on it (design decisions); writes nothing
 *                                     # (NER_OUT=path: writes that model there, to score post-rules on the tail)
 *   NER_EPOCHS=N NER_SEED=N NER_MINCOUNT=N NER_FOLDS=N NER_PRUNE=F   as named (defaults below)
 *   NER_DECODER=greedy|viterbi [viterbi]; NER_PW=0 drops the previous-label-with-word feature (design only)
 *
 * Lexicon facts (src/core/ner/features.ts): the gazetteer of the training sentences (types a word was part of,
 * begin/inside majority), the word's frequency class in the raw text (text/*.txt) and its hazm word class. While
 * training, each sentence sees the gazetteer built from the other folds only (jackknifing, NER_FOLDS), so the model
 * learns how far a gazetteer hit can be trusted on words it has not memorized; the stored gazetteer is built from
 * all training sentences. Deterministic: same data and options, same bytes.
 */
import { writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { decodeNer, encodeNer, NER_LABELS, spansOf, trainNer, type NerTrainSentence } from '../src/core/ner/index.js';
import { haveShared, ROOT } from './lib/corpus.js';
import { updateManifest } from './lib/manifest.js';
import { backgroundLexicon, gazetteer, readParsTwiNer, scoreSpans, type NerSentence, type NerScores } from './lib/ner-data.js';

if (!haveShared()) {
  console.log('SKIP train:ner: ../shared/data not found (set DABIR_SHARED)');
  process.exit(0);
}

const DEV = process.env.NER_DEV === '1';
const EPOCHS = Number(process.env.NER_EPOCHS ?? 8);
const SEED = Number(process.env.NER_SEED ?? 1);
const MINCOUNT = Number(process.env.NER_MINCOUNT ?? 2);
const FOLDS = Number(process.env.NER_FOLDS ?? 10);
const PRUNE = Number(process.env.NER_PRUNE ?? 0.02);
const t0 = performance.now();
const log = (s: string): void => console.log(`[${((performance.now() - t0) / 1000).toFixed(1)}s] ${s}`);

const all = readParsTwiNer('train');
const cut = DEV ? Math.floor(all.length * 0.9) : all.length;
const train = all.slice(0, cut);
const evalSet: NerSentence[] = DEV ? all.slice(cut) : readParsTwiNer('dev');
log(`${train.length} training sentences, ${evalSet.length} ${DEV ? 'held-out train' : 'validation (dev)'} sentences`);

const background = backgroundLexicon();
const merged = (g: Map<string, number>) => (w: string) => (background.get(w) ?? 0) | (g.get(w) ?? 0);
const foldLex = Array.from({ length: FOLDS }, (_, k) => merged(gazetteer(train.filter((_, i) => i % FOLDS !== k))));
const sentences: NerTrainSentence[] = train.map((s, i) => ({
  words: s.words,
  labels: s.labels.map((l) => NER_LABELS.indexOf(l)),
  lex: foldLex[i % FOLDS]!,
}));
const full = gazetteer(train);
const lexicon = new Map<string, number>(background);
for (const [w, v] of full) lexicon.set(w, (lexicon.get(w) ?? 0) | v);

const data = trainNer(sentences, {
  epochs: EPOCHS,
  seed: SEED,
  minCount: MINCOUNT,
  prune: PRUNE,
  decoder: (process.env.NER_DECODER ?? 'viterbi') as 'greedy' | 'viterbi',
  prevWord: process.env.NER_PW !== '0',
  lexicon,
  log,
  meta: {
    name: 'ner',
    trainedOn: DEV ? 'ParsTwiNER train minus its last 10%' : 'ParsTwiNER train',
    sentences: train.length,
    folds: FOLDS,
    license: 'MIT (ParsTwiNER, hazm); CC BY-SA 4.0 (PerDT, Seraji raw text: word frequencies only)',
  },
});
const bytes = encodeNer(data);
const model = decodeNer(bytes);
log(`model: ${bytes.length} bytes (${gzipSync(bytes, { level: 9 }).length} gzipped), ${data.wKeys.length} feature rows, ${data.lexKeys.length} lexicon words`);

export function scoreModel(sents: NerSentence[]): NerScores {
  const gold = sents.map((s) => spansOf(s.labels));
  const pred = sents.map((s) => spansOf(model.label(s.words)));
  return scoreSpans(gold, pred);
}
const sc = scoreModel(evalSet);
const pct = (x: number): string => (100 * x).toFixed(2);
console.log(`\n${DEV ? 'held-out train tail' : 'ParsTwiNER dev (validation)'}, gold tokens: P ${pct(sc.precision)} R ${pct(sc.recall)} F1 ${pct(sc.f1)} (${sc.correct}/${sc.gold} gold, ${sc.predicted} predicted)`);
for (const [t, e] of Object.entries(sc.byType)) console.log(`  ${t.padEnd(4)} F1 ${pct(e.f1).padStart(6)}  P ${pct(e.precision).padStart(6)}  R ${pct(e.recall).padStart(6)}  (${e.gold} gold)`);

// (NER_DEV=1 NER_OUT=path: the model of the held-out run written there, to score post-rules on the tail)
if (DEV && process.env.NER_OUT) writeFileSync(process.env.NER_OUT, bytes);
if (!DEV) {
  writeFileSync(`${ROOT}data/ner.bin`, bytes);
  updateManifest('ner.bin', bytes, String(data.header.meta.license));
  log(`wrote data/ner.bin, sha256 ${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}…`);
}
