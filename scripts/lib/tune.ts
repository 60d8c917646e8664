import { readShared } from './corpus.js';

/** The last 5% of each train text file: held out when the model is trained with HOLDOUT=1, used to tune. */
export function trainingLinesForTune(): string[] {
  const out: string[] = [];
  for (const f of ['text/perdt-train.txt', 'text/seraji-train.txt']) {
    const lines = readShared(f).split('\n').filter((l) => l.trim());
    out.push(...lines.slice(Math.floor(lines.length * 0.95)));
  }
  return out;
}
