/**
 * Feature extraction for the tagger, shared by training and tagging (so both hash exactly the same features).
 *
 * Static features of a word: normalized form, affixes 1-4, shape, ZWNJ pieces, multi-word-token position and token
 * form, neighbours ±2, word classes (hazm and lilak POS sets, NER gazetteer, clusters, raw-text UPOS profile) of the
 * word and its neighbours, word bigrams, and copies of the strongest ones conjoined with the treebank (scheme) id; the
 * classes of the pairs (i-1, i) and (i, i+1) when they are known pairs of a multi-word name (one look-up per word, only
 * when both words are listed as a pair's first / second word).
 * Features that read one word only (its intrinsic features, and its features as the i-1 / i+1 / i-2 / i+2 neighbour)
 * are grouped so the tagger can cache their weight sums per word form.
 * Dynamic features are added by the decoder: previous UPOS tags (stage 1), the sentence's UPOS tags and previous
 * XPOS|FEATS labels (stage 2).
 */
import { hashRange, mixKey, mixKey2, SEED_A, SEED_B } from './hash.js';

/** Word → lexicon/cluster classes (ids > 0; 0 = not listed). */
export interface WordClasses {
  /** row of a word key (hash pair of its normalized form), or -1 */
  find(a: number, b: number): number;
  readonly hazm: Uint16Array;
  readonly lilak: Uint16Array;
  readonly c1: Uint16Array;
  readonly c2: Uint16Array;
  /** named-entity gazetteer class (entity type and how often the word is inside an entity) */
  readonly ner: Uint16Array;
  /** profile of the UPOS the tagger gave the word in raw text (self-training at the type level) */
  readonly auto: Uint16Array;
  /**
   * rows keyed by bigramKey: class of a word pair (e.g. both inside one known multi-word name); word rows: bit 1 the
   * word starts such a pair, bit 2 it ends one (pairs are only looked up when both bits are set)
   */
  readonly big: Uint16Array;
}

/** Lexicon key of a word pair (from the two words' form hashes). */
export function bigramKey(a1: number, b1: number, a2: number, b2: number): [number, number] {
  return [mixKey(T_BIGKEY, a1, b1, a2, b2) >>> 0, mixKey2(T_BIGKEY, a1, b1, a2, b2)];
}

/** Canonical spelling for features: Persian ی ک ه, no kashida/diacritics (hamza above kept), ASCII digits, lowercase Latin. */
export function featForm(s: string): string {
  let changed = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x064a || c === 0x0649 || c === 0x0643 || c === 0x06d5 || c === 0x0640 || (c >= 0x064b && c <= 0x0653) || (c >= 0x0655 && c <= 0x065f) || c === 0x0670 || (c >= 0x06f0 && c <= 0x06f9) || (c >= 0x0660 && c <= 0x0669) || (c >= 0x41 && c <= 0x5a) || c === 0x06c0) {
      changed = true;
      break;
    }
  }
  if (!changed) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x064a || c === 0x0649) out += 'ی';
    else if (c === 0x0643) out += 'ک';
    else if (c === 0x06d5) out += 'ه';
    else if (c === 0x06c0) out += 'ه\u0654';
    else if (c === 0x0640 || (c >= 0x064b && c <= 0x0653) || (c >= 0x0655 && c <= 0x065f) || c === 0x0670) continue;
    else if (c >= 0x06f0 && c <= 0x06f9) out += String.fromCharCode(c - 0x06f0 + 48);
    else if (c >= 0x0660 && c <= 0x0669) out += String.fromCharCode(c - 0x0660 + 48);
    else if (c >= 0x41 && c <= 0x5a) out += String.fromCharCode(c + 32);
    else out += s[i];
  }
  return out;
}

function charClass(c: number): number {
  if (c === 0x200c) return 1; // ZWNJ
  if (c >= 48 && c <= 57) return 2; // digit (after featForm)
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) return 3; // Latin
  if ((c >= 0x0621 && c <= 0x064a) || (c >= 0x066e && c <= 0x06d3) || c === 0x06cc || c === 0x06a9 || c === 0x06af || c === 0x0654) return 4; // Arabic script letter
  if (c === 0x2e || c === 0x2c || c === 0x060c || c === 0x061b || c === 0x061f || c === 0x21 || c === 0x3f || c === 0x3a) return 5; // sentence punctuation
  if (c === 0x28 || c === 0x29 || c === 0x5b || c === 0x5d || c === 0xab || c === 0xbb || c === 0x22 || c === 0x27) return 6; // brackets, quotes
  if (c === 0x2d || c === 0x2f || c === 0x25 || c === 0x066a || c === 0x066b || c === 0x066c) return 7; // - / % and Arabic separators
  return 8;
}

// ---- templates ----
const T_BIAS = 1;
const T_W = 2;
const T_WM1 = 3;
const T_WP1 = 4;
const T_WM2 = 5;
const T_WP2 = 6;
const T_SUF = 7; // +k
const T_PRE = 12; // +k
const T_SHAPE = 17;
const T_LASTPIECE = 18;
const T_FIRSTPIECE = 19;
const T_MWTPOS = 20;
const T_MWTTOK = 21;
const T_MWTPOS_W = 22;
const T_HAZM = 23;
const T_LILAK = 24;
const T_HAZM_M1 = 25;
const T_HAZM_P1 = 26;
const T_C1 = 27;
const T_C2 = 28;
const T_C1_M1 = 29;
const T_C1_P1 = 30;
const T_C2_M1 = 31;
const T_C2_P1 = 32;
const T_SUF3_M1 = 33;
const T_SUF3_P1 = 34;
const T_BI_M1 = 35;
const T_BI_P1 = 36;
const T_LEN = 37;
const T_POSN = 38;
const T_LILAK_P1 = 39;
const T_LILAK_M1 = 40;
const T_LASTPIECE_LEX = 41;
const T_NER = 42;
const T_NER_M1 = 43;
const T_NER_P1 = 44;
const T_NER_W = 45;
const T_TB = 50; // treebank conjunctions: 50..
const T_TB_W = 51;
const T_TB_SUF2 = 52;
const T_TB_SUF3 = 53;
const T_TB_HAZM = 54;
const T_TB_C2 = 55;
const T_TB_WM1 = 56;
const T_TB_WP1 = 57;
const T_TB_NER = 58;
const T_AUTO = 59;
const T_AUTO_M1 = 60;
const T_AUTO_P1 = 61;
const T_TB_AUTO = 62;
const T_AUTO_HAZM = 63;
const T_BIGKEY = 110;
const T_BIG = 111;
/** the named-entity recognizer's label of the word (nerCode), alone, with the scheme, and with its neighbours' */
const T_NERL = 112;
const T_NERL_TB = 113;
const T_NERL3 = 114;
// dynamic, stage 1
export const D_T1 = 70;
export const D_T2 = 71;
export const D_T12 = 72;
export const D_T1_W = 73;
export const D_T1_TB = 74;
export const D_T1_WP1 = 75;
export const D_T1_SUF2 = 76;
// dynamic, stage 2
export const E_UM1 = 80;
export const E_UP1 = 81;
export const E_UM2 = 82;
export const E_UP2 = 83;
export const E_UM1P1 = 84;
export const E_R1 = 85;
export const E_R1_TB = 86;
export const E_UP1_WP1 = 87;
export const E_UM1_WM1 = 88;
export const E_R2 = 89;
export const E_R1_W = 90;
export const E_UM1_TB = 91;
export const E_UP1_TB = 92;

/** Value for "no word" (sentence boundary) in neighbour features. */
const NONE_A = 0x5a5a5a5a;
const NONE_B = 0x3c3c3c3c;
/** Boundary tag id used in tag-history features. */
export const BOUNDARY = 255;

/** Everything about one word form that does not depend on its neighbours (cacheable per form and scheme). */
export class WordInfo {
  wa = 0;
  wb = 0;
  suf3a = 0;
  suf3b = 0;
  hazm = 0;
  lilak = 0;
  c1 = 0;
  c2 = 0;
  ner = 0;
  auto = 0;
  /** word-pair participation bits (see WordClasses.big) */
  bigf = 0;
  /** intrinsic feature keys */
  k1: Uint32Array;
  k2: Uint16Array;
  /**
   * Stage 1 keys of the features that read only this word when it is a neighbour: ROLE_M1 (it is at i-1),
   * ROLE_P1 (at i+1), ROLE_M2, ROLE_P2 — their weight sums can be cached per form.
   */
  roleK1: Uint32Array[] = [];
  roleK2: Uint16Array[] = [];
  constructor(k1: Uint32Array, k2: Uint16Array) {
    this.k1 = k1;
    this.k2 = k2;
  }
}

export const ROLE_M1 = 0;
export const ROLE_P1 = 1;
export const ROLE_M2 = 2;
export const ROLE_P2 = 3;

function setRoles(w: WordInfo, tb: number): void {
  const mk = (list: [number, number, number, number, number][]): void => {
    const a = new Uint32Array(list.length);
    const b = new Uint16Array(list.length);
    list.forEach(([t, a1, b1, a2, b2], i) => {
      a[i] = mixKey(t, a1, b1, a2, b2);
      b[i] = mixKey2(t, a1, b1, a2, b2);
    });
    w.roleK1.push(a);
    w.roleK2.push(b);
  };
  mk([
    [T_WM1, w.wa, w.wb, 0, 0],
    [T_HAZM_M1, w.hazm, 0, 0, 0],
    [T_LILAK_M1, w.lilak, 0, 0, 0],
    [T_C1_M1, w.c1, 0, 0, 0],
    [T_C2_M1, w.c2, 0, 0, 0],
    [T_SUF3_M1, w.suf3a, w.suf3b, 0, 0],
    [T_TB_WM1, w.wa, w.wb, tb, tb],
  ]);
  mk([
    [T_WP1, w.wa, w.wb, 0, 0],
    [T_HAZM_P1, w.hazm, 0, 0, 0],
    [T_LILAK_P1, w.lilak, 0, 0, 0],
    [T_C1_P1, w.c1, 0, 0, 0],
    [T_C2_P1, w.c2, 0, 0, 0],
    [T_SUF3_P1, w.suf3a, w.suf3b, 0, 0],
    [T_TB_WP1, w.wa, w.wb, tb, tb],
  ]);
  mk([[T_WM2, w.wa, w.wb, 0, 0]]);
  mk([[T_WP2, w.wa, w.wb, 0, 0]]);
}

/** The neighbour outside the sentence (its role keys only). */
export function boundaryInfo(tb: number): WordInfo {
  const w = new WordInfo(new Uint32Array(0), new Uint16Array(0));
  w.wa = NONE_A;
  w.wb = NONE_B;
  w.suf3a = NONE_A;
  w.suf3b = NONE_B;
  w.hazm = w.lilak = w.c1 = w.c2 = w.ner = w.auto = 0xffff;
  setRoles(w, tb);
  return w;
}

const scratch1 = new Uint32Array(64);
const scratch2 = new Uint16Array(64);

/** Computes the neighbour-independent data and features of a word form for a scheme. */
export function wordInfo(form: string, tb: number, lex: WordClasses | undefined): WordInfo {
  const f = featForm(form);
  const L = f.length;
  let n = 0;
  const push = (t: number, a1: number, b1: number, a2: number, b2: number): void => {
    scratch1[n] = mixKey(t, a1, b1, a2, b2);
    scratch2[n] = mixKey2(t, a1, b1, a2, b2);
    n++;
  };
  const wa = hashRange(f, 0, L, SEED_A);
  const wb = hashRange(f, 0, L, SEED_B);
  const s3 = Math.max(0, L - 3);
  const suf3a = hashRange(f, s3, L, SEED_A);
  const suf3b = hashRange(f, s3, L, SEED_B);
  const s2 = Math.max(0, L - 2);
  const suf2a = hashRange(f, s2, L, SEED_A);
  const suf2b = hashRange(f, s2, L, SEED_B);
  let hz = 0;
  let ll = 0;
  let c1 = 0;
  let c2 = 0;
  let ne = 0;
  let au = 0;
  let bf = 0;
  if (lex) {
    const r = lex.find(wa, wb);
    if (r >= 0) {
      au = lex.auto[r]!;
      bf = lex.big[r]!;
      hz = lex.hazm[r]!;
      ll = lex.lilak[r]!;
      c1 = lex.c1[r]!;
      c2 = lex.c2[r]!;
      ne = lex.ner[r]!;
    }
  }
  push(T_BIAS, 0, 0, 0, 0);
  push(T_W, wa, wb, 0, 0);
  for (let k = 1; k <= 4 && k <= L; k++) {
    push(T_SUF + k, hashRange(f, L - k, L, SEED_A), hashRange(f, L - k, L, SEED_B), 0, 0);
    push(T_PRE + k, hashRange(f, 0, k, SEED_A), hashRange(f, 0, k, SEED_B), 0, 0);
  }
  // shape: collapsed character classes (at most 6)
  let shape = 0;
  let prev = -1;
  let nc = 0;
  for (let j = 0; j < L && nc < 6; j++) {
    const c = charClass(f.charCodeAt(j));
    if (c !== prev) {
      shape = shape * 9 + c;
      prev = c;
      nc++;
    }
  }
  push(T_SHAPE, shape, shape, 0, 0);
  const z = f.lastIndexOf('\u200c');
  if (z > 0 && z < L - 1) {
    const la = hashRange(f, z + 1, L, SEED_A);
    const lb = hashRange(f, z + 1, L, SEED_B);
    push(T_LASTPIECE, la, lb, 0, 0);
    const z0 = f.indexOf('\u200c');
    push(T_FIRSTPIECE, hashRange(f, 0, z0, SEED_A), hashRange(f, 0, z0, SEED_B), 0, 0);
    if (lex) {
      // lexicon classes of the part before the last ZWNJ piece (a stem + suffix such as ها, تر, ای)
      const r = lex.find(hashRange(f, 0, z, SEED_A), hashRange(f, 0, z, SEED_B));
      push(T_LASTPIECE_LEX, la, lb, r >= 0 ? lex.hazm[r]! : 0, r >= 0 ? lex.lilak[r]! : 0);
    }
  }
  push(T_HAZM, hz, hz, 0, 0);
  push(T_LILAK, ll, ll, 0, 0);
  push(T_C1, c1, c1, 0, 0);
  push(T_C2, c2, c2, 0, 0);
  push(T_NER, ne, ne, 0, 0);
  push(T_NER_W, ne, ne, hz, ll);
  const lb = L <= 2 ? L : L <= 4 ? 3 : L <= 7 ? 4 : 5;
  push(T_LEN, lb, lb, 0, 0);
  // treebank conjunctions
  push(T_TB, tb, tb, 0, 0);
  push(T_TB_W, wa, wb, tb, tb);
  push(T_TB_SUF2, suf2a, suf2b, tb, tb);
  push(T_TB_SUF3, suf3a, suf3b, tb, tb);
  push(T_TB_HAZM, hz, ll, tb, tb);
  push(T_TB_C2, c2, c2, tb, tb);
  push(T_TB_NER, ne, ne, tb, tb);
  push(T_AUTO, au, au, 0, 0);
  push(T_TB_AUTO, au, au, tb, tb);
  push(T_AUTO_HAZM, au, au, hz, ll);
  const w = new WordInfo(scratch1.slice(0, n), scratch2.slice(0, n));
  w.wa = wa;
  w.wb = wb;
  w.suf3a = suf3a;
  w.suf3b = suf3b;
  w.hazm = hz;
  w.lilak = ll;
  w.c1 = c1;
  w.c2 = c2;
  w.ner = ne;
  w.auto = au;
  w.bigf = bf;
  setRoles(w, tb);
  return w;
}

/**
 * A sentence's words (their WordInfo, with intrinsic features) and the context features of every position, as 48-bit
 * keys (k1: u32, k2: u16) in flat arrays: the context keys of position i are at [start[i], start[i+1]).
 */
export class SentenceFeatures {
  n = 0;
  words: WordInfo[] = [];
  /** hashes of the normalized forms */
  wa = new Int32Array(64);
  wb = new Int32Array(64);
  start = new Int32Array(65);
  /**
   * Context keys of position i: [start[i], aEnd[i]) both stages, [aEnd[i], bEnd[i]) stage 2 only,
   * [bEnd[i], start[i+1]) stage 1 only.
   */
  aEnd = new Int32Array(64);
  bEnd = new Int32Array(64);
  k1 = new Uint32Array(64 * 32);
  k2 = new Uint16Array(64 * 32);
  private len = 0;
  /** class of the word pair (i, i+1) */
  private big = new Uint16Array(64);

  /** Appends one key. */
  push(t: number, a1: number, b1: number, a2: number, b2: number): void {
    if (this.len >= this.k1.length) {
      const k1 = new Uint32Array(this.k1.length * 2);
      k1.set(this.k1);
      this.k1 = k1;
      const k2 = new Uint16Array(this.k2.length * 2);
      k2.set(this.k2);
      this.k2 = k2;
    }
    this.k1[this.len] = mixKey(t, a1, b1, a2, b2);
    this.k2[this.len] = mixKey2(t, a1, b1, a2, b2);
    this.len++;
  }

  /**
   * Computes the features of a sentence.
   * @param words the WordInfo of each word (see wordInfo; callers may cache them per form)
   * @param mwt per word: 0 a single-word token, 1 first part of a multi-word token, 2 middle, 3 last
   * @param tokForms per word: the form of its multi-word token ('' for single-word tokens)
   * @param tb treebank / scheme id
   * @param lex word classes, for the word-pair (multi-word name) feature
   * @param nerl per word: the named-entity recognizer's label of its token (nerCode), for a model trained with them
   */
  compute(words: WordInfo[], mwt: ArrayLike<number>, tokForms: readonly string[], tb: number, lex?: WordClasses, nerl?: ArrayLike<number>): void {
    const n = words.length;
    const useBig = lex !== undefined;
    if (useBig) {
      if (this.big.length < n + 1) this.big = new Uint16Array(n * 2 + 1);
      for (let i = 0; i + 1 < n; i++) {
        const a = words[i]!;
        const b = words[i + 1]!;
        if ((a.bigf & 1) === 0 || (b.bigf & 2) === 0) {
          this.big[i] = 0;
          continue;
        }
        const [ka, kb] = bigramKey(a.wa, a.wb, b.wa, b.wb);
        const r = lex.find(ka, kb);
        this.big[i] = r >= 0 ? lex.big[r]! : 0;
      }
      if (n > 0) this.big[n - 1] = 0;
    }
    this.n = n;
    this.words = words;
    if (this.wa.length < n) {
      this.wa = new Int32Array(n * 2);
      this.wb = new Int32Array(n * 2);
      this.start = new Int32Array(n * 2 + 1);
      this.aEnd = new Int32Array(n * 2);
      this.bEnd = new Int32Array(n * 2);
    }
    for (let i = 0; i < n; i++) {
      this.wa[i] = words[i]!.wa;
      this.wb[i] = words[i]!.wb;
    }
    this.len = 0;
    const B = 0xffff;
    for (let i = 0; i < n; i++) {
      this.start[i] = this.len;
      const w = words[i]!;
      const p = i > 0 ? words[i - 1]! : undefined;
      const q = i + 1 < n ? words[i + 1]! : undefined;
      const pa = p ? p.wa : NONE_A;
      const pb = p ? p.wb : NONE_B;
      const na = q ? q.wa : NONE_A;
      const nb = q ? q.wb : NONE_B;
      // A: both stages
      const m = mwt[i]!;
      this.push(T_MWTPOS, m, m, 0, 0);
      if (m !== 0) {
        const tf = featForm(tokForms[i]!);
        this.push(T_MWTTOK, hashRange(tf, 0, tf.length, SEED_A), hashRange(tf, 0, tf.length, SEED_B), m, m);
        this.push(T_MWTPOS_W, w.wa, w.wb, m, m);
      }
      this.push(T_BI_M1, w.wa, w.wb, pa, pb);
      this.push(T_BI_P1, w.wa, w.wb, na, nb);
      this.aEnd[i] = this.len;
      // B: stage 2 only (stage 1 has these through the neighbours' role keys)
      this.push(T_WM1, pa, pb, 0, 0);
      this.push(T_WP1, na, nb, 0, 0);
      this.bEnd[i] = this.len;
      // C: stage 1 only
      const ne = w.ner;
      const neM1 = p ? p.ner : B;
      const neP1 = q ? q.ner : B;
      this.push(T_NER_M1, neM1, neM1, ne, ne);
      this.push(T_NER_P1, neP1, neP1, ne, ne);
      this.push(T_AUTO_M1, p ? p.auto : B, p ? p.auto : B, w.auto, w.auto);
      this.push(T_AUTO_P1, q ? q.auto : B, q ? q.auto : B, w.auto, w.auto);
      const pos = i === 0 ? 1 : i === n - 1 ? 2 : 0;
      this.push(T_POSN, pos, pos, 0, 0);
      if (useBig) {
        const l = i > 0 ? this.big[i - 1]! : 0;
        const r = this.big[i]!;
        if (l !== 0 || r !== 0) this.push(T_BIG, l, l, r, r);
      }
      if (nerl !== undefined) {
        const c = nerl[i]!;
        const cm = i > 0 ? nerl[i - 1]! : B;
        const cp = i + 1 < n ? nerl[i + 1]! : B;
        this.push(T_NERL, c, c, 0, 0);
        this.push(T_NERL_TB, c, c, tb, tb);
        this.push(T_NERL3, cm, cm, cp * 64 + c, cp * 64 + c);
      }
    }
    this.start[n] = this.len;
  }
}

/** Computes one dynamic feature key into out (k1 at out[0], k2 at out[1]). */
export function dynKey(t: number, a1: number, b1: number, a2: number, b2: number, out: Uint32Array, o: number): void {
  out[o] = mixKey(t, a1, b1, a2, b2);
  out[o + 1] = mixKey2(t, a1, b1, a2, b2);
}

/** Number of stage 1 dynamic keys that read only the tag history (their sums can be tabulated per (p1, p2)). */
export const STAGE1_TAG_KEYS = 4;
/** Number of stage 2 dynamic keys that read only the neighbours' UPOS (tabulated per (u[i-1], u[i+1])). */
export const STAGE2_TAG_KEYS = 3;

/** Stage 1 dynamic keys that read only the two previous UPOS ids. */
export function stage1TagKeys(p1: number, p2: number, tb: number, out: Uint32Array): void {
  dynKey(D_T1, p1, p1, 0, 0, out, 0);
  dynKey(D_T2, p2, p2, 0, 0, out, 2);
  dynKey(D_T12, p1, p1, p2, p2, out, 4);
  dynKey(D_T1_TB, p1, p1, tb, tb, out, 6);
}

/** Stage 1 dynamic keys that combine the previous UPOS with words; written from out[o]; returns their number. */
export function stage1WordKeys(sf: SentenceFeatures, i: number, p1: number, out: Uint32Array, o: number): number {
  const w = sf.words[i]!;
  const n = sf.n;
  dynKey(D_T1_W, w.wa, w.wb, p1, p1, out, o);
  dynKey(D_T1_WP1, i + 1 < n ? sf.wa[i + 1]! : NONE_A, i + 1 < n ? sf.wb[i + 1]! : NONE_B, p1, p1, out, o + 2);
  dynKey(D_T1_SUF2, w.suf3a, w.suf3b, p1, p1, out, o + 4);
  return 3;
}

/** Stage 1 (UPOS) dynamic features of position i given the two previous UPOS ids; returns the number of keys. */
export function stage1Dynamic(sf: SentenceFeatures, i: number, p1: number, p2: number, tb: number, out: Uint32Array): number {
  stage1TagKeys(p1, p2, tb, out);
  return STAGE1_TAG_KEYS + stage1WordKeys(sf, i, p1, out, 2 * STAGE1_TAG_KEYS);
}

/** Stage 2 dynamic keys that read only the UPOS of the neighbours i-1 and i+1. */
export function stage2TagKeys(um1: number, up1: number, out: Uint32Array): void {
  dynKey(E_UM1, um1, um1, 0, 0, out, 0);
  dynKey(E_UP1, up1, up1, 0, 0, out, 2);
  dynKey(E_UM1P1, um1, um1, up1, up1, out, 4);
}

/** The other stage 2 dynamic keys (previous label, words, UPOS at ±2); written from out[o]; returns their number. */
export function stage2OtherKeys(sf: SentenceFeatures, i: number, u: ArrayLike<number>, r1: number, out: Uint32Array, o: number): number {
  const n = sf.n;
  const um1 = i > 0 ? u[i - 1]! : BOUNDARY;
  const up1 = i + 1 < n ? u[i + 1]! : BOUNDARY;
  const um2 = i > 1 ? u[i - 2]! : BOUNDARY;
  const up2 = i + 2 < n ? u[i + 2]! : BOUNDARY;
  dynKey(E_R1, r1, r1, 0, 0, out, o);
  dynKey(E_UP1_WP1, i + 1 < n ? sf.wa[i + 1]! : NONE_A, i + 1 < n ? sf.wb[i + 1]! : NONE_B, up1, up1, out, o + 2);
  dynKey(E_UM1_WM1, i > 0 ? sf.wa[i - 1]! : NONE_A, i > 0 ? sf.wb[i - 1]! : NONE_B, um1, um1, out, o + 4);
  dynKey(E_R1_W, sf.wa[i]!, sf.wb[i]!, r1, r1, out, o + 6);
  dynKey(E_UM2, um2, um2, up2, up2, out, o + 8);
  return 5;
}

/**
 * Stage 2 (XPOS|FEATS) dynamic features of position i given the sentence's UPOS ids and the previous stage-2 label
 * (global id; REST_BOUNDARY at the sentence start); returns the number of keys.
 */
export function stage2Dynamic(sf: SentenceFeatures, i: number, u: ArrayLike<number>, r1: number, out: Uint32Array): number {
  const n = sf.n;
  stage2TagKeys(i > 0 ? u[i - 1]! : BOUNDARY, i + 1 < n ? u[i + 1]! : BOUNDARY, out);
  return STAGE2_TAG_KEYS + stage2OtherKeys(sf, i, u, r1, out, 2 * STAGE2_TAG_KEYS);
}

/**
 * The code of a named-entity label (the `ner` component's BIO labels) as a tagger feature: 1 for O, 2 + 2t for B-T and
 * 3 + 2t for I-T, t the type's index in `types`; 0 for a label it does not know.
 */
export function nerCode(label: string | undefined, types: readonly string[]): number {
  if (label === undefined) return 0;
  if (label === 'O') return 1;
  const t = types.indexOf(label.slice(2));
  if (t < 0) return 0;
  return (label.charCodeAt(0) === 0x42 ? 2 : 3) + 2 * t;
}
