import { readShared } from './corpus.js';

/**
 * The last 5% of each train text file: held out when the model is trained with HOLDOUT=1, used to tune (with
 * SERAJI_HOLDOUT=0.3, as for the model trained so, the last 30% of the Seraji text; with PERDT_HOLDOUT=0.3 of the PerDT text).
 */
export function trainingLinesForTune(): string[] {
  const out: string[] = [];
  for (const f of ['text/perdt-train.txt', 'text/seraji-train.txt']) {
    const lines = readShared(f).split('\n').filter((l) => l.trim());
    const v = f.includes('seraji') ? process.env.SERAJI_HOLDOUT : process.env.PERDT_HOLDOUT;
    const share = v ? Number(v) : 0.05;
    out.push(...lines.slice(Math.floor(lines.length * (1 - share))));
  }
  return out;
}
