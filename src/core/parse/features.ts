/**
 * Feature extraction for the parser. A sentence is first encoded into integer columns (hashes of the normalized
 * form, lemma, UPOS, XPOS, FEATS, suffixes, half-space pieces and word class); the transition classifier and the
 * labeller then compute "atoms" (column values of the stack/buffer words, their children, distances, label sets) and
 * build 32-bit feature keys by mixing a template number with a few atoms (data-driven templates, so the hashing is a
 * small, fully optimized loop). The template lists were chosen on held-out tails of the training ranges.
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
  let i = 0;
  while (i < s.length && featCode(s.charCodeAt(i)) === s.charCodeAt(i)) i++;
  if (i === s.length) return s; // nothing to change (most words): no copy
  // one UTF-16 unit in, at most one out: a buffer, not a string grown a unit at a time (a 10 MB token would build a
  // rope of millions of pieces)
  const buf = new Uint16Array(s.length);
  let n = 0;
  for (let k = 0; k < i; k++) buf[n++] = s.charCodeAt(k);
  for (; i < s.length; i++) {
    const c = featCode(s.charCodeAt(i));
    if (c >= 0) buf[n++] = c;
  }
  if (n === 0) return s;
  let out = '';
  for (let a = 0; a < n; a += 4096) out += String.fromCharCode.apply(null, buf.subarray(a, Math.min(n, a + 4096)) as unknown as number[]);
  return out;
}

/** The feature spelling of one UTF-16 unit (see featForm), or -1 to drop it. */
function featCode(c: number): number {
  if (c === 0x064a || c === 0x0649) return 0x06cc;
  if (c === 0x0643) return 0x06a9;
  if (c === 0x06c0) return 0x0647;
  if (c === 0x0640 || (c >= 0x064b && c <= 0x0652) || c === 0x0670 || c === 0x0654 || c === 0x200c || c === 0x200d) return -1;
  if ((c >= 0x30 && c <= 0x39) || (c >= 0x06f0 && c <= 0x06f9) || (c >= 0x0660 && c <= 0x0669)) return 0x30;
  if (c >= 0x41 && c <= 0x5a) return c + 32;
  return c;
}

/**
 * Treebank convention (scheme) of a sentence: PerDT, Seraji or iPerUDT. Conventions differ (e.g. Seraji's nmod:poss
 * and flat, PerDT's obl:arg), so every feature also exists in a copy conjoined with the scheme ("frustratingly easy"
 * domain adaptation): the shared copies learn what the treebanks agree on, the scheme copies what they do not.
 * Scheme numbers are 1 + index in SCHEMES; training also uses 4 for the early PerDT slice (its own conventions).
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
  C: Int32Array; // word class (clusters learned from raw text; 0 = unknown)
}

function featVal(feats: string, name: string): string {
  const i = feats.indexOf(name + '=');
  if (i < 0 || (i > 0 && feats[i - 1] !== '|')) return '';
  const j = feats.indexOf('|', i);
  return feats.slice(i + name.length + 1, j < 0 ? feats.length : j);
}

// Codes depend only on the strings, so they are memoized (bounded: cleared when full).
const CACHE_MAX = 100000;
const formCache = new Map<string, Int32Array>();
const featsCache = new Map<string, [number, number]>();

/** W, S2, S3, P1, PZ of a form */
function formCodes(raw: string): Int32Array {
  let c = formCache.get(raw);
  if (c) return c;
  const f = featForm(raw);
  c = new Int32Array(5);
  c[0] = hashString(f);
  c[1] = hashString(f.length > 2 ? f.slice(-2) : f);
  c[2] = hashString(f.length > 3 ? f.slice(-3) : f);
  const z1 = raw.indexOf('\u200c');
  c[3] = z1 > 0 ? hashString(featForm(raw.slice(0, z1))) : NONE;
  c[4] = z1 > 0 ? hashString(featForm(raw.slice(raw.lastIndexOf('\u200c') + 1))) : NONE;
  if (formCache.size >= CACHE_MAX) formCache.clear();
  formCache.set(raw, c);
  return c;
}

const tagCache = new Map<string, number>();
const lemmaCache = new Map<string, number>();

/** code of a tag string ('' or '_' → unknown) */
function tagCode(s: string | undefined): number {
  if (s === undefined || s === '' || s === '_') return UNK;
  let c = tagCache.get(s);
  if (c === undefined) {
    c = hashString(s);
    if (tagCache.size >= CACHE_MAX) tagCache.clear();
    tagCache.set(s, c);
  }
  return c;
}

/** code of a lemma in its feature form ('' or '_' → unknown) */
function lemmaCode(s: string | undefined): number {
  if (s === undefined || s === '' || s === '_') return UNK;
  let c = lemmaCache.get(s);
  if (c === undefined) {
    c = hashString(featForm(s));
    if (lemmaCache.size >= CACHE_MAX) lemmaCache.clear();
    lemmaCache.set(s, c);
  }
  return c;
}

function featsCodes(feats: string): [number, number] {
  let c = featsCache.get(feats);
  if (!c) {
    c = [hashString(feats), hashString(featVal(feats, 'Number') + '/' + featVal(feats, 'Person'))];
    if (featsCache.size >= CACHE_MAX) featsCache.clear();
    featsCache.set(feats, c);
  }
  return c;
}

/**
 * `scheme`: 1 + index in SCHEMES, 0 = none (shared features only), undefined = read from the tags.
 * `classOf`: word class (1-based, 0 = unknown) of a form code (W).
 */
export function encodeSentence(words: readonly ParseWord[], scheme?: number, classOf?: (w: number) => number, reuse?: EncodedSentence): EncodedSentence {
  const n = words.length;
  const size = n + 2;
  let e: EncodedSentence;
  if (reuse !== undefined && reuse.W.length >= size) {
    // parsing: the columns of the previous sentence are overwritten (entries past n + 1 are never read)
    e = reuse;
    e.n = n;
    e.scheme = scheme ?? schemeOf(words);
  } else {
    const cap = reuse !== undefined ? size * 2 : size;
    e = {
      n,
      scheme: scheme ?? schemeOf(words),
      W: new Int32Array(cap),
      L: new Int32Array(cap),
      T: new Int32Array(cap),
      X: new Int32Array(cap),
      M: new Int32Array(cap),
      A: new Int32Array(cap),
      S2: new Int32Array(cap),
      S3: new Int32Array(cap),
      P1: new Int32Array(cap),
      PZ: new Int32Array(cap),
      WT: new Int32Array(cap),
      C: new Int32Array(cap),
    };
  }
  for (const c of [e.W, e.L, e.T, e.X, e.M, e.A, e.S2, e.S3, e.P1, e.PZ, e.WT, e.C]) {
    c[n] = ROOTV;
    c[n + 1] = NONE;
  }
  for (let i = 0; i < n; i++) {
    const w = words[i]!;
    const fc = formCodes(typeof w.form === 'string' ? w.form : '');
    e.W[i] = fc[0]!;
    e.S2[i] = fc[1]!;
    e.S3[i] = fc[2]!;
    e.P1[i] = fc[3]!;
    e.PZ[i] = fc[4]!;
    let lemma = w.lemma;
    if (lemma !== undefined) {
      // iPerUDT-style past#present lemmas → the past stem
      const h = lemma.indexOf('#');
      if (h > 0) lemma = lemma.slice(0, h);
    }
    const lc = lemmaCode(lemma);
    e.L[i] = lc === UNK ? fc[0]! : lc;
    e.T[i] = tagCode(w.upos);
    e.X[i] = tagCode(w.xpos);
    const [m, a] = featsCodes(w.feats && w.feats !== '_' ? w.feats : '');
    e.M[i] = m;
    e.A[i] = a;
    e.WT[i] = mix(e.W[i]!, e.T[i]!);
    e.C[i] = classOf ? classOf(e.W[i]!) : 0;
  }
  return e;
}

/** Parser configuration (arc-hybrid, root at the end of the buffer). Words 0..n-1, root = n, "none" = n+1. */
export class State {
  n: number;
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

  constructor(n: number, capacity = n) {
    this.n = n;
    this.stack = new Int32Array(capacity + 1);
    const m = capacity + 2;
    this.head = new Int32Array(m);
    this.label = new Int32Array(m);
    this.lc1 = new Int32Array(m);
    this.lc2 = new Int32Array(m);
    this.rc1 = new Int32Array(m);
    this.rc2 = new Int32Array(m);
    this.lv = new Int32Array(m);
    this.rv = new Int32Array(m);
    this.lset = new Int32Array(m);
    this.rset = new Int32Array(m);
    this.reset(n);
  }

  /** The initial configuration of a sentence of n words (n at most the capacity; parsing reuses one State). */
  reset(n: number): void {
    this.n = n;
    this.sp = 0;
    this.b = 0;
    const m = n + 2;
    this.head.fill(-1, 0, m);
    this.label.fill(-1, 0, m);
    this.lc1.fill(n + 1, 0, m);
    this.lc2.fill(n + 1, 0, m);
    this.rc1.fill(n + 1, 0, m);
    this.rc2.fill(n + 1, 0, m);
    this.lv.fill(0, 0, m);
    this.rv.fill(0, 0, m);
    this.lset.fill(0, 0, m);
    this.rset.fill(0, 0, m);
  }

  /** Makes this state a copy of `o` (beam search; the capacity must be at least o.n). */
  copyFrom(o: State): void {
    const n = o.n;
    const m = n + 2;
    this.n = n;
    this.sp = o.sp;
    this.b = o.b;
    // plain loops: a subarray per field for TypedArray.set costs more than the copy at these lengths
    const stack = this.stack;
    const ostack = o.stack;
    for (let i = 0; i < o.sp; i++) stack[i] = ostack[i]!;
    const { head, label, lc1, lc2, rc1, rc2, lv, rv, lset, rset } = this;
    for (let i = 0; i < m; i++) {
      head[i] = o.head[i]!;
      label[i] = o.label[i]!;
      lc1[i] = o.lc1[i]!;
      lc2[i] = o.lc2[i]!;
      rc1[i] = o.rc1[i]!;
      rc2[i] = o.rc2[i]!;
      lv[i] = o.lv[i]!;
      rv[i] = o.rv[i]!;
      lset[i] = o.lset[i]!;
      rset[i] = o.rset[i]!;
    }
  }

  /** Room for sentences of up to this many words. */
  get capacity(): number {
    return this.stack.length - 1;
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

/** How many actions are legal in `st` (a state with one legal action is a forced move: not scored). */
export function legalCount(st: State): number {
  let n = 0;
  for (let a = 0; a < N_ACTIONS; a++) if (legal(st, a)) n++;
  return n;
}

/**
 * The beam's selection: the indices of the (at most) k best of the candidate scores `cs[0..nc)`, best first, into
 * `order`; ties keep candidate order (insertion into a sorted prefix). Returns how many were kept. Decoding and
 * training share it, so both keep the same beam.
 */
export function topK(cs: Float64Array, nc: number, k: number, order: Int32Array): number {
  let m = 0;
  for (let c = 0; c < nc; c++) {
    const v = cs[c]!;
    if (m === k && v <= cs[order[m - 1]!]!) continue;
    let j = m < k ? m++ : k - 1;
    while (j > 0 && cs[order[j - 1]!]! < v) {
      order[j] = order[j - 1]!;
      j--;
    }
    order[j] = c;
  }
  return m;
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



/** Templates flattened: ids, atom lists and their offsets. */
interface Templates {
  ids: Int32Array;
  start: Int32Array;
  atoms: Int32Array;
}

function compileTemplates(list: number[][]): Templates {
  const ids = new Int32Array(list.length);
  const start = new Int32Array(list.length + 1);
  const atoms: number[] = [];
  list.forEach((t, i) => {
    ids[i] = t[0]!;
    for (let j = 1; j < t.length; j++) atoms.push(t[j]!);
    start[i + 1] = atoms.length;
  });
  return { ids, start, atoms: Int32Array.from(atoms) };
}

/**
 * The templates of `tp` (in order) whose atoms all have role `role` in `atomRole` (atoms of role WILDCARD, such as
 * the arc direction, go with any role), or with role -1 every other template.
 */
const WILDCARD = -2;
function selectTemplates(tp: Templates, atomRole: Int8Array, role: number): Templates {
  const list: number[][] = [];
  for (let t = 0; t < tp.ids.length; t++) {
    const atoms = Array.from(tp.atoms.subarray(tp.start[t]!, tp.start[t + 1]!));
    const roles = new Set(atoms.map((a) => atomRole[a]!).filter((r) => r !== WILDCARD));
    const own = roles.size === 1 ? [...roles][0]! : -1;
    if (own === role) list.push([tp.ids[t]!, ...atoms]);
  }
  return compileTemplates(list);
}

/** Feature keys of all templates from the atom values; a small loop, so the hashing is inlined. */
function applyTemplates(tp: Templates, v: Int32Array, out: Int32Array): number {
  const { ids, start, atoms } = tp;
  const n = ids.length;
  for (let t = 0; t < n; t++) {
    let h = ids[t]!;
    // mix() and key() of ./hash.ts written out: V8 stops inlining them once this loop is inlined in several callers
    for (let j = start[t]!, end = start[t + 1]!; j < end; j++) {
      let x = Math.imul(v[atoms[j]!]!, 0xcc9e2d51);
      x = (x << 15) | (x >>> 17);
      h ^= Math.imul(x, 0x1b873593);
      h = (h << 13) | (h >>> 19);
      h = (Math.imul(h, 5) + 0xe6546b64) | 0;
    }
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    out[t] = h === 0 ? 1 : h;
  }
  return n;
}

let BASE = 0;
/** Number of shared (not scheme-copied) keys written by the last feature call: copy i is of key i - base. */
export function lastBaseCount(): number {
  return BASE;
}

/** Appends the scheme copy of the first k keys (none when the scheme is unknown); returns the key count. */
function augment(out: Int32Array, k: number, scheme: number): number {
  BASE = k;
  if (scheme === SCHEME_UNKNOWN) return k;
  const n = k;
  const salt = Math.imul(scheme, 0x9e3779b1);
  for (let i = 0; i < n; i++) out[k++] = key(mix(out[i]!, salt));
  return k;
}

function dist(a: number, b: number): number {
  const d = Math.abs(a - b);
  return d < 5 ? d : d < 8 ? 5 : d < 12 ? 6 : 7;
}

/**
 * Transition templates: [template id, atom indices...]; the atoms are the values computed at the top of
 * transitionFeatures (s0, s1, s2 = stack top down; b0, b1, b2 = buffer; l1/l2 = leftmost children, r1/r2 =
 * rightmost; lbl = arc label; W form, T UPOS, X XPOS, L lemma, M FEATS, A number+person, S2/S3 suffixes, P1/PZ first
 * and last half-space pieces, WT form+UPOS).
 */
const T_TEMPLATES = compileTemplates([
  [1, 0], // W[s0]
  [2, 1], // T[s0]
  [3, 2], // WT[s0]
  [6, 4, 1], // M[s0] × T[s0]
  [7, 5], // W[s1]
  [8, 6], // T[s1]
  [9, 7], // WT[s1]
  [11, 8], // W[b0]
  [12, 9], // T[b0]
  [13, 10], // WT[b0]
  [14, 11], // X[b0]
  [15, 12], // L[b0]
  [17, 13], // W[b1]
  [18, 14], // T[b1]
  [19, 15], // WT[b1]
  [20, 16], // T[b2]
  [22, 18], // L[s1]
  [23, 19, 6], // M[s1] × T[s1]
  [25, 20, 1], // S2[s0] × T[s0]
  [27, 21, 9], // S2[b0] × T[b0]
  [28, 22], // S3[b0]
  [29, 23, 6], // S2[s1] × T[s1]
  [30, 24, 1], // PZ[s0] × T[s0]
  [31, 25, 9], // PZ[b0] × T[b0]
  [32, 26, 9], // P1[b0] × T[b0]
  [40, 2, 10], // WT[s0] × WT[b0]
  [41, 2, 8], // WT[s0] × W[b0]
  [42, 0, 10], // W[s0] × WT[b0]
  [43, 2, 9], // WT[s0] × T[b0]
  [44, 1, 10], // T[s0] × WT[b0]
  [45, 0, 8], // W[s0] × W[b0]
  [49, 0, 27], // W[s0] × d01
  [50, 8, 27], // W[b0] × d01
  [52, 20, 1, 9], // S2[s0] × T[s0] × T[b0]
  [53, 3, 12, 9], // L[s0] × L[b0] × T[b0]
  [60, 7, 2], // WT[s1] × WT[s0]
  [61, 5, 0], // W[s1] × W[s0]
  [63, 6, 0], // T[s1] × W[s0]
  [64, 5, 1], // W[s1] × T[s0]
  [66, 6, 1, 29], // T[s1] × T[s0] × d10
  [67, 30, 28, 6], // A[s1] × A[s0] × T[s1]
  [68, 23, 6, 1], // S2[s1] × T[s1] × T[s0]
  [69, 18, 3, 1], // L[s1] × L[s0] × T[s0]
  [70, 6, 9], // T[s1] × T[b0]
  [71, 6, 8, 1], // T[s1] × W[b0] × T[s0]
  [80, 9, 14, 16], // T[b0] × T[b1] × T[b2]
  [81, 1, 9, 14], // T[s0] × T[b0] × T[b1]
  [83, 17, 6, 1], // T[s2] × T[s1] × T[s0]
  [84, 9, 14], // T[b0] × T[b1]
  [85, 0, 9, 14], // W[s0] × T[b0] × T[b1]
  [86, 1, 8, 14], // T[s0] × W[b0] × T[b1]
  [87, 6, 1, 31], // T[s1] × T[s0] × T[s0n]
  [90, 32, 1], // W[s0n] × T[s0]
  [100, 1, 33, 9], // T[s0] × T[s0l1] × T[b0]
  [102, 1, 9, 34], // T[s0] × T[b0] × T[b0l1]
  [103, 6, 1, 33], // T[s1] × T[s0] × T[s0l1]
  [105, 6, 35, 1], // T[s1] × T[s1r1] × T[s0]
  [106, 6, 36, 1], // T[s1] × T[s1l1] × T[s0]
  [107, 37, 38], // W[s0l1] × lbl[s0l1]
  [108, 33, 38], // T[s0l1] × lbl[s0l1]
  [111, 40, 41], // T[s0l2] × lbl[s0l2]
  [113, 35, 42], // T[s1r1] × lbl[s1r1]
  [114, 36, 43], // T[s1l1] × lbl[s1l1]
  [115, 44, 45], // W[b0l1] × lbl[b0l1]
  [116, 34, 45], // T[b0l1] × lbl[b0l1]
  [118, 1, 33, 40, 38], // T[s0] × T[s0l1] × T[s0l2] × lbl[s0l1]
  [120, 6, 35, 47, 42], // T[s1] × T[s1r1] × T[s1r2] × lbl[s1r1]
  [121, 9, 34, 46, 45], // T[b0] × T[b0l1] × T[b0l2] × lbl[b0l1]
  [122, 38, 39, 1], // lbl[s0l1] × lbl[s0r1] × T[s0]
  [124, 1, 38, 9], // T[s0] × lbl[s0l1] × T[b0]
  [125, 6, 42, 1], // T[s1] × lbl[s1r1] × T[s0]
  [132, 7, 48], // WT[s1] × st.rv[s1]
  [133, 10, 49], // WT[b0] × st.lv[b0]
  [134, 6, 48], // T[s1] × st.rv[s1]
  [135, 9, 49], // T[b0] × st.lv[b0]
  [136, 1, 50, 51], // T[s0] × st.lset[s0] × st.rset[s0]
  [137, 9, 52], // T[b0] × st.lset[b0]
  [138, 6, 53], // T[s1] × st.rset[s1]
  [140, 1, 51, 10], // T[s0] × st.rset[s0] × WT[b0]
  [141, 6, 53, 1, 50], // T[s1] × st.rset[s1] × T[s0] × st.lset[s0]
  [152, 54, 6, 1, 9], // sc × T[s1] × T[s0] × T[b0]
  [160, 55], // C[s0]
  [161, 56], // C[b0]
  [162, 57], // C[s1]
  [163, 58], // C[b1]
  [164, 55, 56], // C[s0] × C[b0]
  [165, 55, 9], // C[s0] × T[b0]
  [166, 1, 56], // T[s0] × C[b0]
  [167, 57, 55], // C[s1] × C[s0]
  [168, 57, 1], // C[s1] × T[s0]
  [169, 6, 55], // T[s1] × C[s0]
]);
const T_ATOMS = new Int32Array(59);

/**
 * Roles of the transition atoms that read one word's own columns: the word at s0, s1, s2, b0, b1 or b2 (-1: an atom
 * that depends on the state or on two positions). A template whose atoms all have one role scores the same for a
 * word whenever the word is in that role, so the parser caches its weights per word (see ./model.ts).
 */
export const T_ROLE_S0 = 0;
export const T_ROLE_S1 = 1;
export const T_ROLE_S2 = 2;
export const T_ROLE_B0 = 3;
export const T_ROLE_B1 = 4;
export const T_ROLE_B2 = 5;
export const T_ROLES = 6;
const T_ATOM_ROLE = new Int8Array(59).fill(-1);
for (const a of [0, 1, 2, 3, 4, 20, 24, 28, 55]) T_ATOM_ROLE[a] = T_ROLE_S0;
for (const a of [5, 6, 7, 18, 19, 23, 30, 57]) T_ATOM_ROLE[a] = T_ROLE_S1;
T_ATOM_ROLE[17] = T_ROLE_S2;
for (const a of [8, 9, 10, 11, 12, 21, 22, 25, 26, 56]) T_ATOM_ROLE[a] = T_ROLE_B0;
for (const a of [13, 14, 15, 58]) T_ATOM_ROLE[a] = T_ROLE_B1;
T_ATOM_ROLE[16] = T_ROLE_B2;
/** the templates of each role, and the others (parsing computes only these per transition) */
const T_ROLE_TEMPLATES = Array.from({ length: T_ROLES }, (_, r) => selectTemplates(T_TEMPLATES, T_ATOM_ROLE, r));
const T_STATE_TEMPLATES = selectTemplates(T_TEMPLATES, T_ATOM_ROLE, -1);

/** The atoms that read the columns of one word each (stack s0..s2, buffer b0..b2). */
function transitionWordAtoms(e: EncodedSentence, v: Int32Array, s0: number, s1: number, s2: number, b0: number, b1: number, b2: number): void {
  const { W, T, X, L, M, A, S2, S3, P1, PZ, WT, C } = e;
  v[0] = W[s0]!;
  v[1] = T[s0]!;
  v[2] = WT[s0]!;
  v[3] = L[s0]!;
  v[4] = M[s0]!;
  v[5] = W[s1]!;
  v[6] = T[s1]!;
  v[7] = WT[s1]!;
  v[8] = W[b0]!;
  v[9] = T[b0]!;
  v[10] = WT[b0]!;
  v[11] = X[b0]!;
  v[12] = L[b0]!;
  v[13] = W[b1]!;
  v[14] = T[b1]!;
  v[15] = WT[b1]!;
  v[16] = T[b2]!;
  v[17] = T[s2]!;
  v[18] = L[s1]!;
  v[19] = M[s1]!;
  v[20] = S2[s0]!;
  v[21] = S2[b0]!;
  v[22] = S3[b0]!;
  v[23] = S2[s1]!;
  v[24] = PZ[s0]!;
  v[25] = PZ[b0]!;
  v[26] = P1[b0]!;
  v[28] = A[s0]!;
  v[30] = A[s1]!;
  v[55] = C[s0]!;
  v[56] = C[b0]!;
  v[57] = C[s1]!;
  v[58] = C[b1]!;
}

/** Fills every transition atom for a state. */
function transitionAtoms(e: EncodedSentence, st: State): void {
  const { W, T } = e;
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
  const s1l1 = st.lc1[s1]!;
  const s1r1 = st.rc1[s1]!;
  const s1r2 = st.rc2[s1]!;
  const b0l1 = st.lc1[b0]!;
  const b0l2 = st.lc2[b0]!;
  const lbl = st.label;
  const s0n = s0 < n && s0 + 1 < b0 ? s0 + 1 : n + 1; // word after s0 (if not b0)
  const v = T_ATOMS;
  transitionWordAtoms(e, v, s0, s1, s2, b0, b1, b2);
  v[27] = s0 <= n && b0 <= n ? dist(s0, b0) : 8; // d01
  v[29] = s0 <= n && s1 <= n ? dist(s1, s0) : 8; // d10
  v[31] = T[s0n]!;
  v[32] = W[s0n]!;
  v[33] = T[s0l1]!;
  v[34] = T[b0l1]!;
  v[35] = T[s1r1]!;
  v[36] = T[s1l1]!;
  v[37] = W[s0l1]!;
  v[38] = lbl[s0l1]!;
  v[39] = lbl[s0r1]!;
  v[40] = T[s0l2]!;
  v[41] = lbl[s0l2]!;
  v[42] = lbl[s1r1]!;
  v[43] = lbl[s1l1]!;
  v[44] = W[b0l1]!;
  v[45] = lbl[b0l1]!;
  v[46] = T[b0l2]!;
  v[47] = T[s1r2]!;
  v[48] = st.rv[s1]!;
  v[49] = st.lv[b0]!;
  v[50] = st.lset[s0]!;
  v[51] = st.rset[s0]!;
  v[52] = st.lset[b0]!;
  v[53] = st.rset[s1]!;
  v[54] = e.scheme;
}

/** `copies`: append the scheme copies (training); parsing looks up merged weights with the shared keys only. */
export function transitionFeatures(e: EncodedSentence, st: State, out: Int32Array, copies = false): number {
  transitionAtoms(e, st);
  const k = applyTemplates(T_TEMPLATES, T_ATOMS, out);
  return augment(out, k, copies ? e.scheme : SCHEME_UNKNOWN);
}

/**
 * Parsing: the keys of the templates that do not belong to one word role (transitionFeatures minus the role keys;
 * the scores of a sum do not depend on the order of its terms).
 */
export function transitionStateFeatures(e: EncodedSentence, st: State, out: Int32Array): number {
  transitionAtoms(e, st);
  return applyTemplates(T_STATE_TEMPLATES, T_ATOMS, out);
}

/** Parsing: the keys of the templates of one role (T_ROLE_*) for the word at position i (0..n+1). */
export function transitionRoleFeatures(e: EncodedSentence, role: number, i: number, out: Int32Array): number {
  transitionWordAtoms(e, T_ATOMS, i, i, i, i, i, i);
  return applyTemplates(T_ROLE_TEMPLATES[role]!, T_ATOMS, out);
}

export const MAX_TRANSITION_FEATURES = 320;
export const MAX_LABEL_FEATURES = 160;

/** Labeller templates for an arc hl → d (same notation; dl1/dr1 = d's outermost children, dp/dn/hp/hn = neighbours). */
const L_TEMPLATES = compileTemplates([
  [1, 0], // W[d]
  [2, 1], // T[d]
  [3, 2], // WT[d]
  [4, 3], // X[d]
  [5, 4], // L[d]
  [6, 5, 1], // M[d] × T[d]
  [7, 6, 1], // S2[d] × T[d]
  [9, 7, 1], // PZ[d] × T[d]
  [10, 8], // W[hl]
  [11, 9], // T[hl]
  [12, 10], // WT[hl]
  [14, 12], // L[hl]
  [16, 14, 1], // dir × T[d]
  [20, 9, 1, 14], // T[hl] × T[d] × dir
  [22, 8, 1, 14], // W[hl] × T[d] × dir
  [23, 9, 0, 14], // T[hl] × W[d] × dir
  [27, 13, 1, 14], // M[hl] × T[d] × dir
  [28, 9, 5, 14], // T[hl] × M[d] × dir
  [29, 15, 16, 9], // A[hl] × A[d] × T[hl]
  [30, 6, 1, 9], // S2[d] × T[d] × T[hl]
  [31, 11, 2, 14], // X[hl] × WT[d] × dir
  [40, 17, 18, 1], // W[dl1] × lbl[dl1] × T[d]
  [41, 19, 18, 9], // T[dl1] × lbl[dl1] × T[hl]
  [42, 20, 21, 1], // W[dr1] × lbl[dr1] × T[d]
  [43, 22, 21, 9], // T[dr1] × lbl[dr1] × T[hl]
  [44, 17, 18, 9, 14], // W[dl1] × lbl[dl1] × T[hl] × dir
  [47, 23, 24, 1], // T[dl2] × lbl[dl2] × T[d]
  [48, 25, 26, 1], // st.lset[d] × st.rset[d] × T[d]
  [49, 25, 1, 9, 14], // st.lset[d] × T[d] × T[hl] × dir
  [60, 27, 1, 9, 14], // st.lset[hl] × T[d] × T[hl] × dir
  [61, 28, 1, 9, 14], // st.rset[hl] × T[d] × T[hl] × dir
  [62, 29, 1, 9], // lbl[st.lc1[hl]] × T[d] × T[hl]
  [70, 30, 1, 9], // T[dp] × T[d] × T[hl]
  [71, 31, 1, 9], // T[dn] × T[d] × T[hl]
  [72, 32, 9, 1], // T[hp] × T[hl] × T[d]
  [73, 33, 9, 1], // T[hn] × T[hl] × T[d]
  [74, 34, 1, 14], // W[dp] × T[d] × dir
  [80, 35, 9, 1, 14], // sc × T[hl] × T[d] × dir
  [82, 35, 2, 9], // sc × WT[d] × T[hl]
  [83, 35, 18, 1, 9], // sc × lbl[dl1] × T[d] × T[hl]
  [90, 36], // C[d]
  [91, 37], // C[hl]
  [92, 37, 36, 14], // C[hl] × C[d] × dir
  [93, 37, 17, 1, 14], // C[hl] × W[dl1] × T[d] × dir
  [94, 37, 1, 14], // C[hl] × T[d] × dir
  [95, 9, 36, 14], // T[hl] × C[d] × dir
]);
const L_ATOMS = new Int32Array(38);

/** Roles of the labeller atoms (as T_ATOM_ROLE): the dependent's or the head's own columns; the direction goes with both. */
export const L_ROLE_D = 0;
export const L_ROLE_H = 1;
export const L_ROLES = 2;
const L_ATOM_ROLE = new Int8Array(38).fill(-1);
for (const a of [0, 1, 2, 3, 4, 5, 6, 7, 16, 36]) L_ATOM_ROLE[a] = L_ROLE_D;
for (const a of [8, 9, 10, 11, 12, 13, 15, 37]) L_ATOM_ROLE[a] = L_ROLE_H;
L_ATOM_ROLE[14] = WILDCARD;
const L_ROLE_TEMPLATES = Array.from({ length: L_ROLES }, (_, r) => selectTemplates(L_TEMPLATES, L_ATOM_ROLE, r));
const L_ARC_TEMPLATES = selectTemplates(L_TEMPLATES, L_ATOM_ROLE, -1);

/** The labeller atoms that read the columns of d or hl (and the direction). */
function labelWordAtoms(e: EncodedSentence, v: Int32Array, hl: number, d: number, dir: number): void {
  const { W, T, X, L, M, A, S2, PZ, WT, C } = e;
  v[0] = W[d]!;
  v[1] = T[d]!;
  v[2] = WT[d]!;
  v[3] = X[d]!;
  v[4] = L[d]!;
  v[5] = M[d]!;
  v[6] = S2[d]!;
  v[7] = PZ[d]!;
  v[8] = W[hl]!;
  v[9] = T[hl]!;
  v[10] = WT[hl]!;
  v[11] = X[hl]!;
  v[12] = L[hl]!;
  v[13] = M[hl]!;
  v[14] = dir;
  v[15] = A[hl]!;
  v[16] = A[d]!;
  v[36] = C[d]!;
  v[37] = C[hl]!;
}

/** Fills every labeller atom for an arc h → d. */
function labelAtoms(e: EncodedSentence, st: State, h: number, d: number): void {
  const { W, T } = e;
  const n = e.n;
  const dir = d < h ? 1 : 2;
  const hl = h === n ? n + 1 : h;
  const dl1 = st.lc1[d]!;
  const dr1 = st.rc1[d]!;
  const dl2 = st.lc2[d]!;
  const lbl = st.label;
  const dp = d > 0 ? d - 1 : n + 1;
  const dn = d + 1 < n ? d + 1 : n + 1;
  const hp = h < n && h > 0 ? h - 1 : n + 1;
  const hn = h + 1 < n ? h + 1 : n + 1;
  const v = L_ATOMS;
  labelWordAtoms(e, v, hl, d, dir);
  v[17] = W[dl1]!;
  v[18] = lbl[dl1]!;
  v[19] = T[dl1]!;
  v[20] = W[dr1]!;
  v[21] = lbl[dr1]!;
  v[22] = T[dr1]!;
  v[23] = T[dl2]!;
  v[24] = lbl[dl2]!;
  v[25] = st.lset[d]!;
  v[26] = st.rset[d]!;
  v[27] = st.lset[hl]!;
  v[28] = st.rset[hl]!;
  v[29] = lbl[st.lc1[hl]!]!;
  v[30] = T[dp]!;
  v[31] = T[dn]!;
  v[32] = T[hp]!;
  v[33] = T[hn]!;
  v[34] = W[dp]!;
  v[35] = e.scheme;
}

/**
 * Labeller features for an arc h → d created in state `st` (d's subtree is complete when its arc is made).
 */
export function labelFeatures(e: EncodedSentence, st: State, h: number, d: number, out: Int32Array, copies = false): number {
  labelAtoms(e, st, h, d);
  const k = applyTemplates(L_TEMPLATES, L_ATOMS, out);
  return augment(out, k, copies ? e.scheme : SCHEME_UNKNOWN);
}

/** Parsing: the labeller keys of the templates that do not belong to one word role (see transitionStateFeatures). */
export function labelArcFeatures(e: EncodedSentence, st: State, h: number, d: number, out: Int32Array): number {
  labelAtoms(e, st, h, d);
  return applyTemplates(L_ARC_TEMPLATES, L_ATOMS, out);
}

/** Parsing: the labeller keys of one role (L_ROLE_*) for the word at position i (0..n-1) and an arc direction (1 left, 2 right). */
export function labelRoleFeatures(e: EncodedSentence, role: number, i: number, dir: number, out: Int32Array): number {
  labelWordAtoms(e, L_ATOMS, i, i, dir);
  return applyTemplates(L_ROLE_TEMPLATES[role]!, L_ATOMS, out);
}
