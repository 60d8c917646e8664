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
 * 2. Seraji and iPerUDT: a copula (AUX) at the root after a nominal is that predicate's cop. In the train parts, a
 *    nominal root spanning the word before its cop: Seraji 26 sentences, iPerUDT 380, PerDT 70; an AUX root that
 *    the rule would take for that (an existential هست, نیست, بود, "there is / was", with its subject before it):
 *    Seraji 0, iPerUDT 20 (95.0% for the rule), PerDT 10 (87.5%: not applied there). When the parser made such an AUX
 *    the root, the dependent of it that spans the word just before it (an nsubj, obl, obl:arg or xcomp that is a
 *    NOUN, PROPN, PRON, ADJ, NUM or ADV) becomes the root, the AUX its cop, and the AUX's other dependents (punctuation
 *    included) move to it.
 * 3. An Arabic quotation the tagger marked (X with XPOS FW, or N_IANM under PerDT: tag/index.ts arabicFormulaWords,
 *    arabicPassageWords) is one unit, as Seraji
 *    builds the quotations of its train part: its first word takes the relation of the whole (the head outside the run
 *    of its topmost word), the others hang on the first as flat:foreign (Seraji chains each on the one before it; UD
 *    puts every part of a flat on the first), and a word outside hung on one of the others moves to the first. The
 *    parser, which had never seen the formulas, made their words goeswith, ccomp and obl of each other.
 */
import type { ParseWord } from './features.js';

const PRED_LABELS: ReadonlySet<string> = new Set(['nsubj', 'obl', 'obl:arg', 'xcomp']);
const PRED_POS: ReadonlySet<string> = new Set(['NOUN', 'PROPN', 'PRON', 'ADJ', 'NUM', 'ADV']);

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
  // 3. an Arabic quotation (X / FW): one flat:foreign unit
  for (let a = 0; a < n; ) {
    if (!isQuoted(words[a]!)) {
      a++;
      continue;
    }
    let b = a + 1;
    while (b < n && isQuoted(words[b]!)) b++;
    if (b - a >= 2) flatRun(heads, deprels, a, b);
    a = b;
  }
  // 2. a copula at the root after its predicate (Seraji, iPerUDT)
  if (scheme === 2 || scheme === 3) {
    const root = heads.indexOf(0) + 1;
    if (root > 1 && words[root - 1]!.upos === 'AUX') {
      // the dependent of the root that spans the word before it
      let c = root - 1;
      for (let steps = 0; heads[c - 1] !== root && heads[c - 1] !== 0 && steps < n; steps++) c = heads[c - 1]!;
      if (heads[c - 1] === root && PRED_LABELS.has(deprels[c - 1]!) && PRED_POS.has(words[c - 1]!.upos ?? '')) {
        heads[c - 1] = 0;
        deprels[c - 1] = 'root';
        heads[root - 1] = c;
        deprels[root - 1] = 'cop';
        for (let d = 1; d <= n; d++) if (d !== c && heads[d - 1] === root) heads[d - 1] = c;
      }
    }
  }
}

/**
 * a word of an Arabic quotation as the tagger marks it: X with the scheme's XPOS of a foreign word (FW; N_IANM under
 * PerDT, whose tagger writes no X of its own: its other X, markup and citation marks, have no XPOS)
 */
const isQuoted = (w: ParseWord): boolean => w.upos === 'X' && (w.xpos === 'FW' || w.xpos === 'N_IANM');

/**
 * Makes words [a, b) (0-based) one flat:foreign unit headed by the first (post-rule 3), in place: the first takes the
 * head and relation of the run's topmost word (one whose chain up to the root has no other word of the run; its head
 * is outside), the others hang on it, and outside words hung on them move to it. No cycle: the new head's chain has no
 * word of the run.
 */
function flatRun(heads: number[], deprels: string[], a: number, b: number): void {
  const n = heads.length;
  const inRun = (h: number): boolean => h > a && h <= b; // (1-based)
  let top = -1;
  for (let k = a; k < b && top < 0; k++) {
    let h = heads[k]!;
    let steps = 0;
    while (h !== 0 && !inRun(h) && steps++ < n) h = heads[h - 1]!;
    if (h === 0) top = k;
  }
  if (top < 0) return;
  const head = heads[top]!;
  const rel = head === 0 ? 'root' : deprels[top] === 'goeswith' || deprels[top] === 'flat:foreign' ? 'dep' : deprels[top]!;
  for (let k = 0; k < n; k++) if ((k < a || k >= b) && inRun(heads[k]!)) heads[k] = a + 1;
  heads[a] = head;
  deprels[a] = rel;
  for (let k = a + 1; k < b; k++) {
    heads[k] = a + 1;
    deprels[k] = 'flat:foreign';
  }
}
