/**
 * Coordinate search over the decoder's scoring constants on the held-out 5% of train text (never on the dev
 * treebanks). Needs a model trained with HOLDOUT=1. Prints the best constants; copy them into PARAMS by hand.
 *   HOLDOUT=1 npm run train:halfspace && npx tsx scripts/tune-halfspace.ts
 */
import { readFileSync } from 'node:fs';
import { createNormalizer } from '../src/core/normalize/index.js';
import { HalfSpaceModel } from '../src/core/normalize/halfspace-model.js';
import { PARAMS } from '../src/core/normalize/halfspace.js';
import { canon, ROOT } from './lib/corpus.js';
import { newScore, prf, scoreLine } from './lib/gaps.js';
import { trainingLinesForTune } from './lib/tune.js';

const bytes = readFileSync(`${ROOT}.tmp/halfspace-tune.bin`);
const golds = trainingLinesForTune().map(canon);
const opts = { digits: 'keep', punctuation: 'keep' } as const;
function objective(): number {
  const nz = createNormalizer({ halfSpace: HalfSpaceModel.fromBytes(bytes) });
  let total = 0;
  for (const corrupt of [(s: string) => s.replace(/\u200c/g, ''), (s: string) => s.replace(/\u200c/g, ' ')]) {
    const sc = newScore();
    for (const g of golds) scoreLine(sc, g, canon(nz.normalize(corrupt(g), opts)));
    total += prf(sc).f1 - 0.5 * (sc.wrongJoins / sc.boundaries) * 100;
  }
  return total / 2;
}
const grid: Record<string, number[]> = {
  formRatio: [0.5, 0.7, 0.8, 0.9, 1.01, 1.5],
  cut: [0.5, 1, 1.5, 2],
  unkStem: [-3, -2, -1, -0.5],
  compound: [-1, 0, 1, 2],
  wc: [0.5, 1, 2],
  wz: [0, 0.25, 0.5, 1],
  backoff: [0.1, 0.3, 1],
  prefix: [-1, 0, 1, 2],
  pairW: [2, 5, 10],
  joinRatio: [2, 3, 5],
  spaceMinX: [1, 3, 10, 1e9],
  spaceRatio: [0.25, 0.5, 1, 2, 4],
  joinPairMin: [1, 2, 3],
  joinFormMin: [1, 2, 3],
  lexMin: [1, 2, 3, 99],
};
const P = PARAMS as unknown as Record<string, number>;
let best = objective();
console.log('start', best.toFixed(5));
for (let round = 0; round < 2; round++) {
  for (const [k, vals] of Object.entries(grid)) {
    const orig = P[k]!;
    let bestV = orig;
    for (const v of vals) {
      if (v === orig) continue;
      P[k] = v;
      const o = objective();
      if (o > best + 1e-6) {
        best = o;
        bestV = v;
      }
    }
    P[k] = bestV;
    console.log(k, bestV, best.toFixed(5));
  }
}
console.log(JSON.stringify(PARAMS));
