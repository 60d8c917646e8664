/**
 * Features of the named-entity recognizer. A feature is a string (template name + value) hashed to a 32-bit key
 * (Murmur3-style, src/core/tag/hash.ts); the model maps keys to weight rows. Static features depend on the words
 * only and are computed once per sentence; dynamic ones read the labels already chosen to the left.
 *
 * Word facts come from the model's lexicon, keyed by the hash of the word's feature form:
 *   bits 0-5   the word was part of an entity of type t (PER LOC ORG NAT EVE POG) in the training data
 *   bit 6      it began an entity more often than not; bit 7: it was inside an entity more often than outside
 *   bits 8-11  frequency class in the raw text (1 + floor(log2 count), capped at 15; 0 = unseen)
 *   bits 12-15 hazm word class (N, AJ, ADV, other listed; 0 = not in hazm's tagged list)
 */
import { hashRange, mixKey, SEED_A } from '../tag/hash.js';
import { MAX_WORD } from '../chars.js';
import { featForm } from '../tag/features.js';

export { featForm };

export const NER_TYPES = ['PER', 'LOC', 'ORG', 'NAT', 'EVE', 'POG'] as const;
export type NerType = (typeof NER_TYPES)[number];
/** O, then B-T and I-T for every type, in NER_TYPES order */
export const NER_LABELS: string[] = ['O', ...NER_TYPES.flatMap((t) => ['B-' + t, 'I-' + t])];

export const LEX_BEGIN = 1 << 6;
export const LEX_INSIDE = 1 << 7;
export const freqClass = (v: number): number => (v >>> 8) & 15;
export const hazmClass = (v: number): number => (v >>> 12) & 15;

/**
 * The spelling features read: featForm (letters unified, digits as 0-9, Latin lower case), and the Arabic teh
 * marbuta ة read as the Persian ه (فریضة is فریضه, a known word, not an unseen one: an unseen word before علی reads as
 * a name, and the hadith طلب العلم فریضة علی کل مسلم had فریضة علی PER). ParsTwiNER train has no ة, so training and
 * its figures are unchanged; the lexicons keep their keys (the few raw-text words with ة are not reached — keying them
 * by ه too moved 7 of 62,428 lexicon words and the held-out train tail's F1 72.15 → 71.05, training noise, dropped).
 * A form longer than MAX_WORD (a run of text without spaces) is one placeholder, so features never copy it.
 */
export function nerForm(w: string): string {
  if (w.length > MAX_WORD) return '<long>';
  const f = featForm(w);
  return f.includes('\u0629') ? f.replace(/\u0629/g, '\u0647') : f;
}

export function keyOf(s: string): number {
  return hashRange(s, 0, s.length, SEED_A);
}

/** Word-lexicon look-up: the facts of a feature form (0 when unknown). */
export type LexLookup = (form: string) => number;

function shape(f: string): string {
  let out = '';
  let last = '';
  for (let i = 0; i < f.length && out.length < 8; i++) {
    const c = f.charCodeAt(i);
    const k =
      c === 0x200c ? 'z' : c >= 48 && c <= 57 ? 'd' : (c >= 97 && c <= 122) || (c >= 65 && c <= 90) ? 'l' : c >= 0x0600 && c <= 0x06ff ? 'a' : c === 0x40 ? '@' : c === 0x23 ? '#' : c < 0x80 ? 'p' : 'o';
    if (k !== last) out += k;
    last = k;
  }
  return out;
}

function lexFeats(out: string[], p: string, v: number): void {
  for (let t = 0; t < NER_TYPES.length; t++) if (v & (1 << t)) out.push(p + 'gz=' + NER_TYPES[t]);
  if (v & LEX_BEGIN) out.push(p + 'gzB');
  if (v & LEX_INSIDE) out.push(p + 'gzI');
  out.push(p + 'fq=' + freqClass(v));
  out.push(p + 'hz=' + hazmClass(v));
}

/**
 * What a word contributes to the features of its own position and of its neighbours' — all of it depends on the
 * word alone, so a recognizer computes it once per spelling (NerModel keeps a memo).
 */
export interface FormKeys {
  /** hash of the feature form (for the pair features) */
  h: number;
  /** its shape */
  shs: string;
  /** features of the word at its own position */
  own: number[];
  /** the word seen as the previous (left1) or next (right1) word, two before (left2) or after (right2) */
  left1: number[];
  right1: number[];
  left2: number;
  right2: number;
}

const BOS = '<s>';
const EOS = '</s>';

/** The FormKeys of a feature form (see nerForm) with lexicon facts `facts`. */
export function formKeys(f: string, facts: number): FormKeys {
  const own: string[] = ['b', 'w=' + f];
  for (let k = 1; k <= 4 && k < f.length; k++) own.push('s' + k + '=' + f.slice(-k));
  for (let k = 1; k <= 3 && k < f.length; k++) own.push('p' + k + '=' + f.slice(0, k));
  const sh = shape(f);
  own.push('sh=' + sh, 'len=' + Math.min(f.length, 10));
  const z = f.indexOf('\u200c');
  if (z > 0) own.push('zf=' + f.slice(0, z), 'zl=' + f.slice(f.lastIndexOf('\u200c') + 1));
  lexFeats(own, '', facts);
  const left1: string[] = ['w-1=' + f];
  lexFeats(left1, '-', facts);
  const right1: string[] = ['w+1=' + f];
  lexFeats(right1, '+', facts);
  return { h: keyOf(f), shs: sh, own: own.map(keyOf), left1: left1.map(keyOf), right1: right1.map(keyOf), left2: keyOf('w-2=' + f), right2: keyOf('w+2=' + f) };
}

// the neighbour features of the sentence boundaries (no lexicon facts)
const K_BOS1 = keyOf('w-1=' + BOS);
const K_EOS1 = keyOf('w+1=' + EOS);
const K_BOS2 = keyOf('w-2=' + BOS);
const K_EOS2 = keyOf('w+2=' + EOS);
const H_BOS = keyOf(BOS);
const H_EOS = keyOf(EOS);
// templates of the features made of two or three hashes
const T_BIGRAM_L = 1;
const T_BIGRAM_R = 2;
export const T_PREV_WORD = 4;

/** A feature key made of a template and two hashes (no string is built). */
export function pairKey(t: number, a: number, b: number): number {
  return mixKey(t, a, 0, b, 0);
}

/** The keys of the sentence boundaries as neighbours: before the first word (1 and 2 back), after the last. */
export const BOUNDARY_KEYS = { bos1: K_BOS1, eos1: K_EOS1, bos2: K_BOS2, eos2: K_EOS2 } as const;

/** The keys of word i that depend on its neighbours' spellings: the pairs (i-1, i), (i, i+1), the shapes around i. */
export function contextKeys(w: readonly { h: number; shs: string }[], i: number, out: number[]): number[] {
  const n = w.length;
  const me = w[i]!;
  out.push(pairKey(T_BIGRAM_L, i > 0 ? w[i - 1]!.h : H_BOS, me.h), pairKey(T_BIGRAM_R, me.h, i + 1 < n ? w[i + 1]!.h : H_EOS));
  // (the three shapes run together: ambiguous joins act as a coarser class, which scored better on held-out data)
  if (i > 0 && i + 1 < n) out.push(keyOf('sh3=' + w[i - 1]!.shs + me.shs + w[i + 1]!.shs));
  return out;
}

/**
 * The static feature keys of word i of a sentence whose words have FormKeys `w`: its own, its neighbours' (±2) and
 * contextKeys. (The recognizer sums the weights of the first two kinds once per spelling; training reads them all.)
 */
export function staticKeys(w: readonly FormKeys[], i: number, out: number[]): number[] {
  out.length = 0;
  const n = w.length;
  for (const k of w[i]!.own) out.push(k);
  if (i > 0) for (const k of w[i - 1]!.left1) out.push(k);
  else out.push(K_BOS1);
  if (i + 1 < n) for (const k of w[i + 1]!.right1) out.push(k);
  else out.push(K_EOS1);
  out.push(i > 1 ? w[i - 2]!.left2 : K_BOS2, i + 2 < n ? w[i + 2]!.right2 : K_EOS2);
  return contextKeys(w, i, out);
}

// the label-history keys: previous label (-1..L-1), the two previous labels
const PREV1: number[] = [];
const PREV2: number[][] = [];
for (let a = -1; a < NER_LABELS.length; a++) {
  PREV1.push(keyOf('t-1=' + a));
  PREV2.push([]);
  for (let b = -1; b < NER_LABELS.length; b++) PREV2[a + 1]!.push(keyOf('t-2t-1=' + a + ' ' + b));
}

/** The label-history keys (previous label; the two previous labels) for previous labels prev2, prev1 (-1 = none). */
export function historyKeys(prev2: number, prev1: number): number[] {
  return [PREV1[prev1 + 1]!, PREV2[prev2 + 1]![prev1 + 1]!];
}

/** The dynamic feature keys of a word (hash `h`), given the labels chosen for the two words before (-1 = none). */
export function dynamicKeys(h: number, prev2: number, prev1: number, out: number[]): number[] {
  out.length = 0;
  out.push(...historyKeys(prev2, prev1), pairKey(T_PREV_WORD, prev1 + 1, h));
  return out;
}

/** The best-scoring label that may follow label `prev` (first of equals). */
export function bestAllowed(scores: Float64Array, prev: number): number {
  let best = 0;
  let bs = -Infinity;
  for (let l = 0; l < scores.length; l++) {
    if (allowed(prev, l) && scores[l]! > bs) {
      bs = scores[l]!;
      best = l;
    }
  }
  return best;
}

/** May label `to` follow label `from` (-1 = sentence start)? I-T only after B-T or I-T. */
export function allowed(from: number, to: number): boolean {
  if (to === 0 || (to & 1) === 1) return true; // O or B-T
  return from === to || from === to - 1;
}

/**
 * First-order Viterbi over BIO labels: the best sequence under score(i, prev, out, at), which writes the score of each
 * label l at word i after label `prev` (-1 at the start) to out[at + l]. I-T only after B-T or I-T (label ids: O = 0,
 * B-T odd, I-T = B-T + 1).
 */
export function viterbi(n: number, L: number, score: (i: number, prev: number, out: Float64Array, at: number) => void): Int32Array {
  const out = new Int32Array(n);
  if (n === 0) return out;
  // (a finite "impossible" score: no special case in the inner loops)
  const NEG = -1e300;
  const delta = new Float64Array(n * L);
  const bp = new Int8Array(n * L);
  const sc = new Float64Array(L * L);
  score(0, -1, sc, 0);
  for (let b = 0; b < L; b++) delta[b] = b === 0 || (b & 1) === 1 ? sc[b]! : NEG;
  for (let i = 1; i < n; i++) {
    const p = (i - 1) * L;
    const q = i * L;
    for (let a = 0; a < L; a++) score(i, a, sc, a * L);
    for (let b = 0; b < L; b++) {
      let best = NEG;
      let arg = 0;
      // I-T only after B-T (b - 1) or I-T (b); O and B-T after anything
      const from = b !== 0 && (b & 1) === 0 ? b - 1 : 0;
      const to = b !== 0 && (b & 1) === 0 ? b : L - 1;
      for (let a = from; a <= to; a++) {
        const v = delta[p + a]! + sc[a * L + b]!;
        if (v > best) {
          best = v;
          arg = a;
        }
      }
      delta[q + b] = best;
      bp[q + b] = arg;
    }
  }
  let b = 0;
  const last = (n - 1) * L;
  for (let l = 1; l < L; l++) if (delta[last + l]! > delta[last + b]!) b = l;
  for (let i = n - 1; i >= 0; i--) {
    out[i] = b;
    b = bp[i * L + b]!;
  }
  return out;
}

/** The first-order history keys (previous label only) for previous label prev1 (-1 = none). */
export function history1Keys(prev1: number): number[] {
  return [PREV1[prev1 + 1]!];
}
