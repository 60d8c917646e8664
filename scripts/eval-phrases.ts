/**
 * Scores phrasesOf (src/core/phrases: base noun phrases and verb groups read off the dependency trees) on OUR
 * validation splits (scripts/lib/splits.ts), never on training text. There is no gold chunk annotation in the data,
 * so the gold phrases are those the same rules read off the GOLD trees; the system's are read off the trees the
 * pipeline builds on the gold tokens (tags, lemmas and parse all predicted, in the split's scheme, as in eval:ud's
 * "gold" rows). A phrase counts when its type and its set of words are exactly right (a VP's lemma is scored apart:
 * the share of the VPs found whose lemma equals the gold trees' VP lemma). So the figures measure how well the tagger
 * and parser serve the phrases, not the definition of a phrase.
 *
 *   npm run eval:phrases            # validation splits; writes bench/results/phrases-eval.json
 *   SET=dev npm run eval:phrases    # the train ranges (the models were trained on them: for looking at rules only)
 *   EVAL_OUT=- ...                  # print the figures as one JSON line too, write nothing (conformance test)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Doc } from '../src/core/doc.js';
import { readConllu } from '../src/core/formats/conllu.js';
import { phrasesOf, type Phrase, type PhraseType } from '../src/core/phrases/index.js';
import { createPipeline, schemeOptions } from '../src/node/index.js';
import { haveShared, readShared, ROOT } from './lib/corpus.js';
import { conlluBlocks, selectBlocks, SPLITS } from './lib/splits.js';

if (!haveShared()) {
  console.log('SKIP eval:phrases: ../shared/data not found (set DABIR_SHARED)');
  process.exit(0);
}

const dev = process.env.SET === 'dev';
const SETS: [string, string, string][] = dev
  ? [
      ['PerDT (train part)', 'perdt', 'train'],
      ['Seraji (train part)', 'seraji', 'train'],
      ['iPerUDT train', 'iperudtTrain', 'train'],
    ]
  : [
      ['PerDT validation', 'perdt', 'validation'],
      ['Seraji validation', 'seraji', 'validation'],
      ['iPerUDT dev', 'iperudtDev', 'validation'],
    ];
const SCHEME: Record<string, string> = { perdt: 'perdt', seraji: 'seraji', iperudtTrain: 'iperudt', iperudtDev: 'iperudt' };
const COMPONENTS = ['normalizer', 'tokenizer', 'tagger', 'lemmatizer', 'parser']; // as eval:ud's gold rows

interface Score {
  gold: number;
  found: number;
  right: number;
  p: number;
  r: number;
  f1: number;
}
const key = (p: Phrase): string => `${p.sentence}:${p.type}:${p.words.join(',')}`;
const score = (gold: number, found: number, right: number): Score => {
  const p = found ? right / found : 0;
  const r = gold ? right / gold : 0;
  const f1 = p + r ? (2 * p * r) / (p + r) : 0;
  const k = (x: number): number => Math.round(x * 10000) / 100;
  return { gold, found, right, p: k(p), r: k(r), f1: k(f1) };
};

const results: Record<string, Record<string, Score | number>> = {};
for (const [label, name, part] of SETS) {
  const split = SPLITS[name]!;
  const blocks = selectBlocks(conlluBlocks(readShared(split.file).replace(/\r\n?/g, '\n')), part === 'train' ? split.train : split.validation);
  const conllu = blocks.join('\n\n') + '\n\n';
  const gold = readConllu(conllu);
  const blank: Doc = readConllu(conllu);
  for (const w of blank.words) {
    w.lemma = w.upos = w.xpos = w.feats = w.deprel = w.deps = w.misc = undefined;
    w.head = undefined;
  }
  const pipeline = createPipeline({ components: COMPONENTS, options: schemeOptions(SCHEME[name]!, COMPONENTS) });
  const system = pipeline.annotate(blank);
  const g = phrasesOf(gold);
  const s = phrasesOf(system);
  const row: Record<string, Score | number> = {};
  for (const type of ['NP', 'VP'] as PhraseType[]) {
    const gk = new Map(g.filter((p) => p.type === type).map((p) => [key(p), p]));
    const sk = s.filter((p) => p.type === type);
    const right = sk.filter((p) => gk.has(key(p)));
    row[type] = score(gk.size, sk.length, right.length);
    if (type === 'VP' && process.env.SHOW) for (const p of right) if (gk.get(key(p))!.lemma !== p.lemma) console.log(`${label}\tVP lemma\t${p.text}\tgold ${gk.get(key(p))!.lemma}\tgot ${p.lemma}`);
    if (type === 'VP') row['VP lemma'] = Math.round((right.filter((p) => gk.get(key(p))!.lemma === p.lemma).length / Math.max(1, right.length)) * 10000) / 100;
  }
  const all = new Set(g.map(key));
  row['all'] = score(g.length, s.length, s.filter((p) => all.has(key(p))).length);
  results[label] = row;
}

const fmt = (x: Score): string => `${x.p.toFixed(2)} / ${x.r.toFixed(2)} / **${x.f1.toFixed(2)}**`;
console.log(`Phrases read off predicted trees (gold tokens) vs off the gold trees, exact word sets${dev ? ' — TRAIN parts (the models saw them)' : ''}\n`);
console.log('| split | NP P / R / F1 | VP P / R / F1 | VP lemma right | all F1 | gold NP / VP |');
console.log('|---|---|---|---|---|---|');
for (const [label, row] of Object.entries(results)) {
  const np = row['NP'] as Score;
  const vp = row['VP'] as Score;
  console.log(`| ${label} | ${fmt(np)} | ${fmt(vp)} | ${(row['VP lemma'] as number).toFixed(2)} | ${(row['all'] as Score).f1.toFixed(2)} | ${np.gold} / ${vp.gold} |`);
}
const summary = Object.fromEntries(Object.entries(results).map(([k, row]) => [k, { NP: (row['NP'] as Score).f1, VP: (row['VP'] as Score).f1, all: (row['all'] as Score).f1 }]));
if (process.env.EVAL_OUT === '-') console.log('JSON:' + JSON.stringify(summary));
else if (!dev) {
  mkdirSync(`${ROOT}bench/results`, { recursive: true });
  writeFileSync(`${ROOT}bench/results/phrases-eval.json`, JSON.stringify({ results }, null, 2) + '\n');
}
