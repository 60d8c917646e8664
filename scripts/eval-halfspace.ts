/**
 * Scores half-space restoration on text the model never saw: the `# text` lines of the PerDT and Seraji dev
 * treebanks (neither overlaps the train text the model learns from). Each line is turned into three inputs —
 * joined (every ZWNJ deleted), spaced (every ZWNJ replaced by a space), clean (unchanged) — normalized, and every gap
 * between two Arabic-script letters is compared with the gold line as none / ZWNJ / separator.
 *
 *   npm run eval                 # prints the table, writes bench/results/halfspace-eval.json
 *   MODEL=.tmp/halfspace-tune.bin TUNE=1 npm run eval   # score the tuning model on the held-out 5% of train text
 *   SHOW=joined npm run eval     # also print wrong lines of one condition
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createNormalizer } from '../src/core/normalize/index.js';
import { HalfSpaceModel } from '../src/core/normalize/halfspace-model.js';
import { canon, conlluTexts, haveShared, ROOT } from './lib/corpus.js';
import { newScore, prf, scoreLine, type GapScore } from './lib/gaps.js';
import { trainingLinesForTune } from './lib/tune.js';

if (!haveShared()) {
  console.log('SKIP eval: ../shared/data not found (set DABIR_SHARED)');
  process.exit(0);
}
const modelPath = process.env.MODEL ?? `${ROOT}data/halfspace.bin`;
const model = HalfSpaceModel.fromBytes(readFileSync(modelPath));
const nz = createNormalizer({ halfSpace: model });
const show = process.env.SHOW;

const sets: [string, string[]][] = process.env.TUNE
  ? [['tune (5% of train text)', trainingLinesForTune()]]
  : [
      ['PerDT dev', conlluTexts('ud/fa_perdt-ud-dev.conllu')],
      ['Seraji dev', conlluTexts('ud/fa_seraji-ud-dev.conllu')],
    ];
const Z = /\u200c/g;
const results: Record<string, Record<string, GapScore & ReturnType<typeof prf>>> = {};
const opts = { digits: 'keep', punctuation: 'keep' } as const;
for (const [name, lines] of sets) {
  results[name] = {};
  const golds = lines.map(canon);
  const conds: [string, (s: string) => string][] = [
    ['joined', (s) => s.replace(Z, '')],
    ['spaced', (s) => s.replace(Z, ' ')],
    ['clean', (s) => s],
  ];
  for (const [cond, corrupt] of conds) {
    const sc = newScore();
    for (const gold of golds) {
      const out = canon(nz.normalize(corrupt(gold), opts));
      const before = sc.fp + sc.fn + sc.wrongJoins;
      scoreLine(sc, gold, out);
      if (show === cond && sc.fp + sc.fn + sc.wrongJoins > before) console.log(`- ${gold}\n+ ${out}`);
    }
    results[name][cond] = { ...sc, ...prf(sc) };
  }
}
const pct = (x: number): string => (100 * x).toFixed(2);
console.log('| set | input | P | R | F1 | wrong joins / boundaries | skipped lines |');
console.log('|---|---|---|---|---|---|---|');
for (const [name, r] of Object.entries(results)) {
  for (const [cond, s] of Object.entries(r)) {
    console.log(
      `| ${name} | ${cond} | ${pct(s.precision)} | ${pct(s.recall)} | **${pct(s.f1)}** | ${s.wrongJoins} / ${s.boundaries} (${pct(s.wrongJoins / Math.max(1, s.boundaries))}%) | ${s.skippedLines} |`,
    );
  }
}
if (process.env.EVAL_OUT === '-') console.log('JSON:' + JSON.stringify(results));
else if (!process.env.TUNE && !process.env.MODEL) {
  mkdirSync(`${ROOT}bench/results`, { recursive: true });
  writeFileSync(`${ROOT}bench/results/halfspace-eval.json`, JSON.stringify(results, null, 2) + '\n');
}
