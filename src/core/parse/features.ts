/**
 * Feature extraction for the parser. A sentence is first encoded into integer columns (hashes of the normalized
 * form, lemma, UPOS, XPOS, FEATS, suffixes and half-space pieces); the transition classifier and the labeller then
 * build 32-bit feature keys from a parser state by mixing a template number with a few of those codes.
 */
import { hashString, key, mix } from './hash.js';

/** What the parser reads of a word. Missing tags are allowed (they hash to "unknown"). */
export interface ParseWord {
  form: string;
  lemma?: string | undefined;
  upos?: string | undefined;
  xpos?: string | undefined;
  feats?: string | undefined;
}

/** Canonical spelling for features: Persian ی ک, no diacritics or kashida, no ZWNJ, ASCII lowercase, digits → 0. */
export function featForm(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c === 0x064a || c === 0x0649) c = 0x06cc;
    else if (c === 0x0643) c = 0x06a9;
    else if (c === 0x06c0) {
      out += '\u0647';
      continue;
    } else if (c === 0x0640 || (c >= 0x064b && c <= 0x0652) || c === 0x0670 || c === 0x0654 || c === 0x200c || c === 0x200d) continue;
    else if ((c >= 0x30 && c <= 0x39) || (c >= 0x06f0 && c <= 0x06f9) || (c >= 0x0660 && c <= 0x0669)) c = 0x30;
    else if (c >= 0x41 && c <= 0x5a) c += 32;
    out += String.fromCharCode(c);
  }
  return out.length > 0 ? out : s;
}

/**
 * Treebank convention (scheme) of a sentence: PerDT, Seraji or iPerUDT. Conventions differ (e.g. Seraji's nmod:poss
 * and flat, PerDT's obl:arg), so every feature also exists in a copy conjoined with the scheme ("frustratingly easy"
 * domain adaptation): the shared copies learn what the treebanks agree on, the scheme copies what they do not.
 */
export const SCHEMES = ['perdt', 'seraji', 'iperudt'] as const;
export type Scheme = (typeof SCHEMES)[number];
export const SCHEME_UNKNOWN = 0;
const PERDT_XPOS = new Set(['PREP', 'POSTP', 'PUNC', 'CONJ', 'SUBR', 'N_IANM', 'N_ANM', 'V_ACT', 'V_PASS', 'ADJ_AJP', 'PR_PERS', 'PREM_DEMAJ']);
const SERAJI_XPOS = new Set(['P', 'DELM', 'CON', 'N_SING', 'N_PL', 'V_PA', 'V_PRS', 'V_SUB', 'ADJ', 'PRO', 'CLITIC']);

/**
 * The scheme number (1 + index in SCHEMES) of a sentence, read from its tags: PerDT XPOS → perdt; Seraji-style XPOS
 * → seraji, or iperudt when some word is PROPN (Seraji has no PROPN); no XPOS → perdt (the tagger's default).
 */
export function schemeOf(words: readonly ParseWord[]): number {
  let p = 0;
  let s = 0;
  let propn = false;
  for (const w of words) {
    if (w.upos === 'PROPN') propn = true;
    if (w.xpos === undefined) continue;
    if (PERDT_XPOS.has(w.xpos)) p++;
    else if (SERAJI_XPOS.has(w.xpos)) s++;
  }
  if (s > p) return propn ? 3 : 2;
  return 1;
}

const NONE = hashString('\u0000none');
const ROOTV = hashString('\u0000root');
const UNK = hashString('\u0000unk');

/** Column codes of a sentence; index n is the artificial root, index n+1 "no such word". */
export interface EncodedSentence {
  n: number;
  scheme: number;
  W: Int32Array; // form
  L: Int32Array; // lemma
  T: Int32Array; // UPOS
  X: Int32Array; // XPOS
  M: Int32Array; // FEATS (whole)
  A: Int32Array; // agreement: Number + Person
  S2: Int32Array; // last 2 letters
  S3: Int32Array; // last 3 letters
  P1: Int32Array; // first half-space piece (when the word has a ZWNJ)
  PZ: Int32Array; // last half-space piece
  WT: Int32Array; // form + UPOS
  isPunct: Uint8Array;
  isVerb: Uint8Array;
  /** number of verbs (VERB/AUX) / punctuation marks among words 0..i-1 */
  verbsBefore: Int32Array;
  punctBefore: Int32Array;
}

function featVal(feats: string, name: string): string {
  const i = feats.indexOf(name + '=');
  if (i < 0 || (i > 0 && feats[i - 1] !== '|')) return '';
  const j = feats.indexOf('|', i);
  return feats.slice(i + name.length + 1, j < 0 ? feats.length : j);
}

/** `scheme`: 1 + index in SCHEMES, 0 = none (shared features only), undefined = read from the tags. */
export function encodeSentence(words: readonly ParseWord[], scheme?: number): EncodedSentence {
  const n = words.length;
  const size = n + 2;
  const e: EncodedSentence = {
    n,
    scheme: scheme ?? schemeOf(words),
    W: new Int32Array(size),
    L: new Int32Array(size),
    T: new Int32Array(size),
    X: new Int32Array(size),
    M: new Int32Array(size),
    A: new Int32Array(size),
    S2: new Int32Array(size),
    S3: new Int32Array(size),
    P1: new Int32Array(size),
    PZ: new Int32Array(size),
    WT: new Int32Array(size),
    isPunct: new Uint8Array(size),
    isVerb: new Uint8Array(size),
    verbsBefore: new Int32Array(size + 1),
    punctBefore: new Int32Array(size + 1),
  };
  const cols = [e.W, e.L, e.T, e.X, e.M, e.A, e.S2, e.S3, e.P1, e.PZ, e.WT];
  for (const c of cols) {
    c[n] = ROOTV;
    c[n + 1] = NONE;
  }
  for (let i = 0; i < n; i++) {
    const w = words[i]!;
    const raw = w.form ?? '';
    const f = featForm(raw);
    const upos = w.upos ?? '';
    e.W[i] = hashString(f);
    let lemma = w.lemma;
    if (lemma !== undefined) {
      const h = lemma.indexOf('#');
      if (h > 0) lemma = lemma.slice(0, h);
    }
    e.L[i] = lemma !== undefined && lemma !== '' && lemma !== '_' ? hashString(featForm(lemma)) : e.W[i]!;
    e.T[i] = upos ? hashString(upos) : UNK;
    e.X[i] = w.xpos ? hashString(w.xpos) : UNK;
    const feats = w.feats && w.feats !== '_' ? w.feats : '';
    e.M[i] = hashString(feats);
    e.A[i] = hashString(featVal(feats, 'Number') + '/' + featVal(feats, 'Person'));
    e.S2[i] = hashString(f.length > 2 ? f.slice(-2) : f);
    e.S3[i] = hashString(f.length > 3 ? f.slice(-3) : f);
    const z1 = raw.indexOf('\u200c');
    if (z1 > 0) {
      e.P1[i] = hashString(featForm(raw.slice(0, z1)));
      e.PZ[i] = hashString(featForm(raw.slice(raw.lastIndexOf('\u200c') + 1)));
    } else {
      e.P1[i] = NONE;
      e.PZ[i] = NONE;
    }
    e.WT[i] = mix(e.W[i]!, e.T[i]!);
    e.isPunct[i] = upos === 'PUNCT' ? 1 : 0;
    e.isVerb[i] = upos === 'VERB' || upos === 'AUX' ? 1 : 0;
  }
  for (let i = 0; i < size; i++) {
    e.verbsBefore[i + 1] = e.verbsBefore[i]! + (i < n ? e.isVerb[i]! : 0);
    e.punctBefore[i + 1] = e.punctBefore[i]! + (i < n ? e.isPunct[i]! : 0);
  }
  return e;
}

/** Parser configuration (arc-hybrid, root at the end of the buffer). Words 0..n-1, root = n, "none" = n+1. */
export class State {
  readonly n: number;
  readonly stack: Int32Array;
  sp = 0;
  /** front of the buffer; the buffer is b..n-1 followed by the root n */
  b = 0;
  readonly head: Int32Array;
  readonly label: Int32Array;
  readonly lc1: Int32Array;
  readonly lc2: Int32Array;
  readonly rc1: Int32Array;
  readonly rc2: Int32Array;
  readonly lv: Int32Array;
  readonly rv: Int32Array;
  /** bit sets of child labels (label index mod 31) */
  readonly lset: Int32Array;
  readonly rset: Int32Array;

  constructor(n: number) {
    this.n = n;
    this.stack = new Int32Array(n + 1);
    const m = n + 2;
    this.head = new Int32Array(m).fill(-1);
    this.label = new Int32Array(m).fill(-1);
    this.lc1 = new Int32Array(m).fill(n + 1);
    this.lc2 = new Int32Array(m).fill(n + 1);
    this.rc1 = new Int32Array(m).fill(n + 1);
    this.rc2 = new Int32Array(m).fill(n + 1);
    this.lv = new Int32Array(m);
    this.rv = new Int32Array(m);
    this.lset = new Int32Array(m);
    this.rset = new Int32Array(m);
  }

  get terminal(): boolean {
    return this.sp === 0 && this.b >= this.n;
  }

  s(i: number): number {
    return this.sp > i ? this.stack[this.sp - 1 - i]! : this.n + 1;
  }

  b0(): number {
    return this.b <= this.n ? this.b : this.n + 1;
  }

  addArc(h: number, d: number, lab: number): void {
    this.head[d] = h;
    this.label[d] = lab;
    const bit = 1 << (lab % 31);
    if (d < h) {
      // left children arrive right to left: the newest is the leftmost
      this.lc2[h] = this.lc1[h]!;
      this.lc1[h] = d;
      this.lv[h]!++;
      this.lset[h]! |= bit;
    } else {
      this.rc2[h] = this.rc1[h]!;
      this.rc1[h] = d;
      this.rv[h]!++;
      this.rset[h]! |= bit;
    }
  }
}

export const SHIFT = 0;
export const LEFT = 1;
export const RIGHT = 2;
export const N_ACTIONS = 3;

export function legal(st: State, a: number): boolean {
  if (a === SHIFT) return st.b < st.n;
  if (a === LEFT) return st.sp >= 1 && (st.b < st.n || st.sp === 1);
  return st.sp >= 2;
}

/** The dependent and head an arc action would create (-1 for SHIFT). */
export function arcOf(st: State, a: number): [number, number] {
  if (a === LEFT) return [st.s(0), st.b0()];
  if (a === RIGHT) return [st.s(0), st.s(1)];
  return [-1, -1];
}

/** Applies an action; for arc actions `lab` is the label index. */
export function apply(st: State, a: number, lab: number): void {
  if (a === SHIFT) {
    st.stack[st.sp++] = st.b++;
  } else if (a === LEFT) {
    const d = st.stack[--st.sp]!;
    st.addArc(st.b0(), d, lab);
  } else {
    const d = st.stack[--st.sp]!;
    st.addArc(st.stack[st.sp - 1]!, d, lab);
  }
}

const LNONE = 0x7ffffff0;


// feature writers: module-level (no closures per call); OUT/K are the current output buffer and count
let OUT: Int32Array = new Int32Array(0);
let K = 0;
let LAB: Int32Array = new Int32Array(0);
let N = 0;
function lab(i: number): number {
  return i <= N ? LAB[i]! : LNONE;
}
function f1(t: number, a: number): void {
  OUT[K++] = key(mix(t, a));
}
function f2(t: number, a: number, b: number): void {
  OUT[K++] = key(mix(mix(t, a), b));
}
function f3(t: number, a: number, b: number, c: number): void {
  OUT[K++] = key(mix(mix(mix(t, a), b), c));
}
function f4(t: number, a: number, b: number, c: number, d: number): void {
  OUT[K++] = key(mix(mix(mix(mix(t, a), b), c), d));
}

/** Appends the scheme copy of every key (none when the scheme is unknown); returns the key count. */
let BASE = 0;
/** Number of shared (not scheme-copied) keys written by the last feature call: copy i is of key i - base. */
export function lastBaseCount(): number {
  return BASE;
}

function augment(scheme: number): number {
  BASE = K;
  if (scheme === SCHEME_UNKNOWN) return K;
  const n = K;
  const salt = Math.imul(scheme, 0x9e3779b1);
  for (let i = 0; i < n; i++) OUT[K++] = key(mix(OUT[i]!, salt));
  return K;
}

function dist(a: number, b: number): number {
  const d = Math.abs(a - b);
  return d < 5 ? d : d < 8 ? 5 : d < 12 ? 6 : 7;
}

/**
 * Transition features. Writes keys into `out` and returns how many.
 */
/** `copies`: append the scheme copies (training); parsing looks up merged weights with the shared keys only. */
export function transitionFeatures(e: EncodedSentence, st: State, out: Int32Array, copies = false): number {
  const { W, T, X, L, M, A, S2, S3, P1, PZ, WT } = e;
  const n = e.n;
  const s0 = st.s(0);
  const s1 = st.s(1);
  const s2 = st.s(2);
  const b0 = st.b0();
  const b1 = b0 < n ? b0 + 1 : n + 1; // b0+1 may be the root (n)
  const b2 = b1 < n ? b1 + 1 : n + 1;
  const s0l1 = st.lc1[s0]!;
  const s0l2 = st.lc2[s0]!;
  const s0r1 = st.rc1[s0]!;
  const s0r2 = st.rc2[s0]!;
  const s1l1 = st.lc1[s1]!;
  const s1r1 = st.rc1[s1]!;
  const s1r2 = st.rc2[s1]!;
  const b0l1 = st.lc1[b0]!;
  const b0l2 = st.lc2[b0]!;
  LAB = st.label;
  N = n;
  const s0n = s0 < n && s0 + 1 < b0 ? s0 + 1 : n + 1; // word after s0 (if not b0)
  const b0p = b0 < n && b0 - 1 >= 0 && b0 - 1 !== s0 ? b0 - 1 : n + 1; // word before b0 (if not s0)
  const d01 = s0 <= n && b0 <= n ? dist(s0, b0) : 8;
  const d10 = s0 <= n && s1 <= n ? dist(s1, s0) : 8;
  const sc = e.scheme;
  OUT = out;
  K = 0;
  // unigrams
  f1(1, W[s0]!);
  f1(2, T[s0]!);
  f1(3, WT[s0]!);
  f1(4, X[s0]!);
  f1(5, L[s0]!);
  f2(6, M[s0]!, T[s0]!);
  f1(7, W[s1]!);
  f1(8, T[s1]!);
  f1(9, WT[s1]!);
  f1(10, X[s1]!);
  f1(11, W[b0]!);
  f1(12, T[b0]!);
  f1(13, WT[b0]!);
  f1(14, X[b0]!);
  f1(15, L[b0]!);
  f2(16, M[b0]!, T[b0]!);
  f1(17, W[b1]!);
  f1(18, T[b1]!);
  f1(19, WT[b1]!);
  f1(20, T[b2]!);
  f1(21, T[s2]!);
  f1(22, L[s1]!);
  f2(23, M[s1]!, T[s1]!);
  f1(24, X[b1]!);
  // suffixes and half-space pieces
  f2(25, S2[s0]!, T[s0]!);
  f1(26, S3[s0]!);
  f2(27, S2[b0]!, T[b0]!);
  f1(28, S3[b0]!);
  f2(29, S2[s1]!, T[s1]!);
  f2(30, PZ[s0]!, T[s0]!);
  f2(31, PZ[b0]!, T[b0]!);
  f2(32, P1[b0]!, T[b0]!);
  f2(33, P1[s0]!, T[s0]!);
  // s0-b0 pairs
  f2(40, WT[s0]!, WT[b0]!);
  f2(41, WT[s0]!, W[b0]!);
  f2(42, W[s0]!, WT[b0]!);
  f2(43, WT[s0]!, T[b0]!);
  f2(44, T[s0]!, WT[b0]!);
  f2(45, W[s0]!, W[b0]!);
  f2(46, T[s0]!, T[b0]!);
  f2(47, X[s0]!, X[b0]!);
  f3(48, T[s0]!, T[b0]!, d01);
  f2(49, W[s0]!, d01);
  f2(50, W[b0]!, d01);
  f3(51, A[s0]!, A[b0]!, T[b0]!);
  f3(52, S2[s0]!, T[s0]!, T[b0]!);
  f3(53, L[s0]!, L[b0]!, T[b0]!);
  // s1-s0 pairs
  f2(60, WT[s1]!, WT[s0]!);
  f2(61, W[s1]!, W[s0]!);
  f2(62, T[s1]!, T[s0]!);
  f2(63, T[s1]!, W[s0]!);
  f2(64, W[s1]!, T[s0]!);
  f2(65, X[s1]!, X[s0]!);
  f3(66, T[s1]!, T[s0]!, d10);
  f3(67, A[s1]!, A[s0]!, T[s1]!);
  f3(68, S2[s1]!, T[s1]!, T[s0]!);
  f3(69, L[s1]!, L[s0]!, T[s0]!);
  f2(70, T[s1]!, T[b0]!);
  f3(71, T[s1]!, W[b0]!, T[s0]!);
  // trigrams of tags
  f3(80, T[b0]!, T[b1]!, T[b2]!);
  f3(81, T[s0]!, T[b0]!, T[b1]!);
  f3(82, T[s1]!, T[s0]!, T[b0]!);
  f3(83, T[s2]!, T[s1]!, T[s0]!);
  f2(84, T[b0]!, T[b1]!);
  f3(85, W[s0]!, T[b0]!, T[b1]!);
  f3(86, T[s0]!, W[b0]!, T[b1]!);
  f3(87, T[s1]!, T[s0]!, T[s0n]!);
  f3(88, T[s0]!, T[s0n]!, T[b0]!);
  f3(89, T[s0]!, T[b0p]!, T[b0]!);
  f2(90, W[s0n]!, T[s0]!);
  f3(91, X[s1]!, X[s0]!, X[b0]!);
  // children
  f3(100, T[s0]!, T[s0l1]!, T[b0]!);
  f3(101, T[s0]!, T[s0r1]!, T[b0]!);
  f3(102, T[s0]!, T[b0]!, T[b0l1]!);
  f3(103, T[s1]!, T[s0]!, T[s0l1]!);
  f3(104, T[s1]!, T[s0]!, T[s0r1]!);
  f3(105, T[s1]!, T[s1r1]!, T[s0]!);
  f3(106, T[s1]!, T[s1l1]!, T[s0]!);
  f2(107, W[s0l1]!, lab(s0l1));
  f2(108, T[s0l1]!, lab(s0l1));
  f2(109, W[s0r1]!, lab(s0r1));
  f2(110, T[s0r1]!, lab(s0r1));
  f2(111, T[s0l2]!, lab(s0l2));
  f2(112, T[s0r2]!, lab(s0r2));
  f2(113, T[s1r1]!, lab(s1r1));
  f2(114, T[s1l1]!, lab(s1l1));
  f2(115, W[b0l1]!, lab(b0l1));
  f2(116, T[b0l1]!, lab(b0l1));
  f2(117, T[b0l2]!, lab(b0l2));
  f4(118, T[s0]!, T[s0l1]!, T[s0l2]!, lab(s0l1));
  f4(119, T[s0]!, T[s0r1]!, T[s0r2]!, lab(s0r1));
  f4(120, T[s1]!, T[s1r1]!, T[s1r2]!, lab(s1r1));
  f4(121, T[b0]!, T[b0l1]!, T[b0l2]!, lab(b0l1));
  f3(122, lab(s0l1), lab(s0r1), T[s0]!);
  f3(123, T[s0]!, lab(s0r1), T[b0]!);
  f3(124, T[s0]!, lab(s0l1), T[b0]!);
  f3(125, T[s1]!, lab(s1r1), T[s0]!);
  // valency and label sets
  f3(130, W[s0]!, st.lv[s0]!, st.rv[s0]!);
  f3(131, T[s0]!, st.lv[s0]!, st.rv[s0]!);
  f2(132, WT[s1]!, st.rv[s1]!);
  f2(133, WT[b0]!, st.lv[b0]!);
  f2(134, T[s1]!, st.rv[s1]!);
  f2(135, T[b0]!, st.lv[b0]!);
  f3(136, T[s0]!, st.lset[s0]!, st.rset[s0]!);
  f2(137, T[b0]!, st.lset[b0]!);
  f2(138, T[s1]!, st.rset[s1]!);
  f3(139, WT[s0]!, st.rset[s0]!, T[b0]!);
  f3(140, T[s0]!, st.rset[s0]!, WT[b0]!);
  f4(141, T[s1]!, st.rset[s1]!, T[s0]!, st.lset[s0]!);
  // verbs and punctuation around: Persian is verb-final, so "is there a verb still to come" matters
  const vb = e.verbsBefore;
  const pb = e.punctBefore;
  const vAfter = b0 < n ? Math.min(2, vb[n]! - vb[b0 + 1]!) : 3;
  const vBetween = s0 < n && b0 <= n ? Math.min(2, vb[b0]! - vb[s0 + 1]!) : 3;
  const pBetween = s0 < n && b0 <= n ? Math.min(2, pb[b0]! - pb[s0 + 1]!) : 3;
  const vBetween10 = s1 < n && s0 < n ? Math.min(2, vb[s0]! - vb[s1 + 1]!) : 3;
  f3(142, T[b0]!, vAfter, T[s0]!);
  f4(143, T[s0]!, T[b0]!, vBetween, pBetween);
  f4(144, T[s1]!, T[s0]!, vBetween10, vAfter);
  f3(145, WT[b0]!, vAfter, vBetween);
  // scheme conjunctions
  f3(150, sc, T[s0]!, T[b0]!);
  f3(151, sc, T[s1]!, T[s0]!);
  f4(152, sc, T[s1]!, T[s0]!, T[b0]!);
  return augment(copies ? sc : SCHEME_UNKNOWN);
}

export const MAX_TRANSITION_FEATURES = 320;
export const MAX_LABEL_FEATURES = 160;

/**
 * Labeller features for an arc h → d created in state `st` (d's subtree is complete when its arc is made).
 */
export function labelFeatures(e: EncodedSentence, st: State, h: number, d: number, out: Int32Array, copies = false): number {
  const { W, T, X, L, M, A, S2, S3, PZ, WT } = e;
  const n = e.n;
  const dir = d < h ? 1 : 2;
  const ds = dist(h, d);
  const hl = h === n ? n + 1 : h;
  const dl1 = st.lc1[d]!;
  const dr1 = st.rc1[d]!;
  const dl2 = st.lc2[d]!;
  LAB = st.label;
  N = n;
  // d's leftmost child: in Persian usually its preposition, determiner or subordinator
  const fw = dl1 < d ? dl1 : n + 1;
  const dp = d > 0 ? d - 1 : n + 1;
  const dn = d + 1 < n ? d + 1 : n + 1;
  const hp = h < n && h > 0 ? h - 1 : n + 1;
  const hn = h + 1 < n ? h + 1 : n + 1;
  const sc = e.scheme;
  OUT = out;
  K = 0;
  f1(1, W[d]!);
  f1(2, T[d]!);
  f1(3, WT[d]!);
  f1(4, X[d]!);
  f1(5, L[d]!);
  f2(6, M[d]!, T[d]!);
  f2(7, S2[d]!, T[d]!);
  f1(8, S3[d]!);
  f2(9, PZ[d]!, T[d]!);
  f1(10, W[hl]!);
  f1(11, T[hl]!);
  f1(12, WT[hl]!);
  f1(13, X[hl]!);
  f1(14, L[hl]!);
  f2(15, M[hl]!, T[hl]!);
  f2(16, dir, T[d]!);
  f3(20, T[hl]!, T[d]!, dir);
  f4(21, T[hl]!, T[d]!, dir, ds);
  f3(22, W[hl]!, T[d]!, dir);
  f3(23, T[hl]!, W[d]!, dir);
  f3(24, W[hl]!, W[d]!, dir);
  f3(25, X[hl]!, X[d]!, dir);
  f3(26, L[hl]!, L[d]!, dir);
  f3(27, M[hl]!, T[d]!, dir);
  f3(28, T[hl]!, M[d]!, dir);
  f3(29, A[hl]!, A[d]!, T[hl]!);
  f3(30, S2[d]!, T[d]!, T[hl]!);
  f3(31, X[hl]!, WT[d]!, dir);
  // d's subtree
  f3(40, W[dl1]!, lab(dl1), T[d]!);
  f3(41, T[dl1]!, lab(dl1), T[hl]!);
  f3(42, W[dr1]!, lab(dr1), T[d]!);
  f3(43, T[dr1]!, lab(dr1), T[hl]!);
  f4(44, W[dl1]!, lab(dl1), T[hl]!, dir);
  f4(45, W[fw]!, T[d]!, T[hl]!, dir);
  f4(46, W[fw]!, W[hl]!, T[d]!, dir);
  f3(47, T[dl2]!, lab(dl2), T[d]!);
  f3(48, st.lset[d]!, st.rset[d]!, T[d]!);
  f4(49, st.lset[d]!, T[d]!, T[hl]!, dir);
  f3(50, lab(dl1), lab(dl2), W[hl]!);
  // h's children so far
  f4(60, st.lset[hl]!, T[d]!, T[hl]!, dir);
  f4(61, st.rset[hl]!, T[d]!, T[hl]!, dir);
  f3(62, lab(st.lc1[hl]!), T[d]!, T[hl]!);
  f3(63, lab(st.rc1[hl]!), T[d]!, T[hl]!);
  // neighbours
  f3(70, T[dp]!, T[d]!, T[hl]!);
  f3(71, T[dn]!, T[d]!, T[hl]!);
  f3(72, T[hp]!, T[hl]!, T[d]!);
  f3(73, T[hn]!, T[hl]!, T[d]!);
  f3(74, W[dp]!, T[d]!, dir);
  f4(75, L[hl]!, W[fw]!, T[d]!, dir);
  f3(76, W[dr1]!, L[hl]!, T[d]!);
  f3(77, L[hl]!, W[d]!, dir);
  // scheme
  f4(80, sc, T[hl]!, T[d]!, dir);
  f2(81, sc, T[d]!);
  f3(82, sc, WT[d]!, T[hl]!);
  f4(83, sc, lab(dl1), T[d]!, T[hl]!);
  return augment(copies ? sc : SCHEME_UNKNOWN);
}
