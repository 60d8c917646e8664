/**
 * Post-rules: corrections of the parser's output, each for a tree that a treebank's own train part builds the same way
 * (almost) always while the parser errs on it. Measured on the tails of the train ranges held out (train-parser.ts
 * --tune; see its header); each rule keeps the output a tree (one word on 0 labelled "root", no cycles) and needs
 * nothing but the words' UPOS and the parse.
 *
 * 1. A coordinating conjunction hangs on the conjunct after it (cc: head to the right in 99.2% / 99.8% / 99.8% of
 *    PerDT's / Seraji's / iPerUDT's train parts). When the parser hung a CCONJ (cc) on a word to its left and gave it
 *    exactly one dependent to its right (other than fixed or punct), it swapped the two: that dependent is the second
 *    conjunct — it becomes a conj of the conjunction's head, and the conjunction hangs on it.
 */
import type { ParseWord } from './features.js';

/**
 * Applies the post-rules to one parsed sentence in place: `heads` (1-based, 0 = root) and `deprels` of `words`.
 * `scheme`: 1 PerDT, 2 Seraji, 3 iPerUDT, anything else none of the scheme-specific rules.
 */
export function postRules(words: readonly ParseWord[], heads: number[], deprels: string[], scheme: number): void {
  const n = words.length;
  if (n < 2 || heads.length !== n || deprels.length !== n) return;
  // 1. a cc hung on the left with one dependent on its right: swapped
  for (let p = 1; p <= n; p++) {
    if (deprels[p - 1] !== 'cc' || words[p - 1]!.upos !== 'CCONJ') continue;
    const h = heads[p - 1]!;
    if (h === 0 || h > p) continue;
    let c = 0;
    let k = 0;
    for (let j = p + 1; j <= n; j++) {
      if (heads[j - 1] !== p || deprels[j - 1] === 'fixed' || deprels[j - 1] === 'punct') continue;
      if (c === 0) c = j;
      k++;
    }
    if (k !== 1) continue;
    // c is under p, and h above p: c moves up to h (no cycle), then p under c (c is no longer below p)
    heads[c - 1] = h;
    deprels[c - 1] = 'conj';
    heads[p - 1] = c;
  }
}
