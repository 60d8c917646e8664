/** Gap scoring for half-space restoration (see README "Quality"). */
import { isArabicLetter } from '../../src/core/chars.js';

export const NONE = 0;
export const ZW = 1;
export const SEP = 2;

/** Letters of a text and, for each pair of consecutive Arabic letters, the gap between them. */
export function gaps(s: string): { letters: string; gap: Uint8Array; hasGap: Uint8Array } {
  let letters = '';
  const gap: number[] = [];
  const hasGap: number[] = [];
  let pending = -1; // -1: no previous letter
  let sawZ = false;
  let sawOther = false;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (isArabicLetter(c)) {
      if (pending >= 0) {
        gap.push(sawOther ? SEP : sawZ ? ZW : NONE);
        hasGap.push(1);
      } else if (letters.length > 0) {
        gap.push(SEP);
        hasGap.push(0); // previous letter was not adjacent to an Arabic run (digit, Latin, ...) — not scored
      }
      letters += ch;
      pending = 0;
      sawZ = false;
      sawOther = false;
    } else if (c === 0x200c) {
      sawZ = true;
    } else if (c === 0x0654 || (c >= 0x064b && c <= 0x065f) || c === 0x0670 || c === 0x0640) {
      // marks and kashida belong to the letter
    } else {
      sawOther = true;
    }
  }
  return { letters, gap: Uint8Array.from(gap), hasGap: Uint8Array.from(hasGap) };
}

export interface GapScore {
  tp: number;
  fp: number;
  fn: number;
  boundaries: number;
  wrongJoins: number;
  gaps: number;
  skippedLines: number;
}

export function newScore(): GapScore {
  return { tp: 0, fp: 0, fn: 0, boundaries: 0, wrongJoins: 0, gaps: 0, skippedLines: 0 };
}

/** Adds the comparison of one predicted line with its gold line. Returns false when letters differ (skipped). */
export function scoreLine(score: GapScore, gold: string, pred: string): boolean {
  const g = gaps(gold);
  const p = gaps(pred);
  if (g.letters !== p.letters) {
    score.skippedLines++;
    return false;
  }
  for (let i = 0; i < g.gap.length; i++) {
    const gg = g.gap[i]!;
    const pp = p.gap[i]!;
    score.gaps++;
    if (gg === SEP) {
      score.boundaries++;
      if (pp !== SEP) score.wrongJoins++;
    }
    if (gg === ZW && pp === ZW) score.tp++;
    else if (pp === ZW) score.fp++;
    else if (gg === ZW) score.fn++;
  }
  return true;
}

export function prf(s: GapScore): { precision: number; recall: number; f1: number } {
  const precision = s.tp + s.fp ? s.tp / (s.tp + s.fp) : 1;
  const recall = s.tp + s.fn ? s.tp / (s.tp + s.fn) : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}
