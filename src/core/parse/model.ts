/**
 * The parser model and its binary format, and greedy arc-hybrid decoding with the labeller.
 *
 * Every feature has shared weights and, optionally, weights for one treebank scheme (PerDT, Seraji, iPerUDT, early
 * PerDT; see SCHEMES in ./features.ts). Training sees them as separate features; for parsing, the model builds (on
 * first use of a scheme) one table whose weights are shared + that scheme's, so a feature costs one look-up. The
 * templates that read only one word's own columns (its form, tags, lemma, ...) are looked up once per word and scheme
 * and cached (WordRoles): each transition looks up only the templates that depend on the parser state.
 *
 * Binary format (little-endian):
 *   0  magic "DBPR"
 *   4  u16 format version | u16 0
 *   8  u32 payload length
 *   12 32 bytes: SHA-256 of the payload
 *   44 payload: u32 header length | header JSON (UTF-8, padded to 4) | sections, each 4-byte aligned:
 *      tkeys   Int32[nT]     transition feature keys (hashes, see ./features.ts), ascending
 *      tw      Int8[3·nT]    shared weights of SHIFT, LEFT, RIGHT (one scale per table: the argmax needs none)
 *      tsn     Uint8[nT]     number of scheme-specific rows of each transition feature (rows follow in order)
 *      tsSch   Uint8[nTS]    scheme of each scheme-specific row
 *      tsW     Int8[3·nTS]   ... their weights
 *      lkeys   Int32[nL]     labeller feature keys, ascending
 *      lcnt    Uint8[nL]     number of (label, weight) entries of each shared labeller row
 *      lcls    Uint8[nnz]    labels of those entries, row after row
 *      lw      Int8[nnz]     their weights
 *      lsn     Uint8[nL]     number of scheme-specific rows of each labeller feature
 *      lsSch   Uint8[nLS]    scheme of each scheme-specific row
 *      lsCnt   Uint8[nLS]    ... their entry counts
 *      lsCls   Uint8[nnzS]   ... labels
 *      lsW     Int8[nnzS]    ... weights
 *      ckeys   Int32[nC]     word classes: form codes, ascending
 *      cids    Uint16[nC]    ... their class (1-based)
 *   version 3 only (models with beam-search weights; a model without them is written as version 2, without these):
 *      gkeys, gw, gsn, gsSch, gsW   as tkeys ... tsW: the transition weights trained for beam search; header gscale
 * A wrong magic, length or checksum is E_RESOURCE_CORRUPT; another version is E_RESOURCE_VERSION.
 */
import { DabirError, dataArgument, kindOf, listArgument, numberArgument } from '../errors.js';
import {
  apply,
  LEFT,
  RIGHT,
  encodeSentence,
  labelArcFeatures,
  labelRoleFeatures,
  legal,
  legalCount,
  topK,
  L_ROLE_D,
  L_ROLE_H,
  L_ROLES,
  MAX_LABEL_FEATURES,
  MAX_TRANSITION_FEATURES,
  N_ACTIONS,
  State,
  T_ROLE_B0,
  T_ROLE_B1,
  T_ROLE_B2,
  T_ROLE_S0,
  T_ROLE_S1,
  T_ROLE_S2,
  T_ROLES,
  transitionRoleFeatures,
  transitionStateFeatures,
  type EncodedSentence,
  type ParseWord,
} from './features.js';
import { KeyTable } from './hash.js';
import { KeyMemo } from './memo.js';
import { deprojectivize, leafMarks, LIFT } from './projective.js';
import { postRules } from './postrules.js';
import { isEmoticon, isMarkupToken } from '../normalize/protect.js';
import { hasLetterOrDigit } from '../chars.js';

const PICTOGRAPHIC = /\p{Extended_Pictographic}/u;
/**
 * A word that heads no other, as punctuation: PUNCT, and the signs and markup the tagger marks SYM or X without a letter
 * or digit (an emoji, | >) or as a tag, an attribute or a character reference (<p, class="x">, &nbsp;). The treebanks have
 * none of the latter (no SYM or X without a letter or digit in their train parts); the parser had made them heads and
 * roots (<p the root of <p>سلام, | of a Markdown table row, > of a quotation line).
 */
export function isLeafWord(w: ParseWord): boolean {
  if (w.upos === 'PUNCT') return true;
  if (w.upos !== 'SYM' && w.upos !== 'X') return false;
  const f = w.form;
  // (and a citation's number, X: the tagger's [۱] glued after a word or mark)
  return !hasLetterOrDigit(f) || isMarkupToken(f) || (w.upos === 'X' && CITATION_NUMBER.test(f));
}
const CITATION_NUMBER = /^\p{Nd}{1,4}$/u;
/** an emoji (with its modifiers) or an ASCII emoticon */
function isEmojiWord(f: string): boolean {
  return (PICTOGRAPHIC.test(f) && !hasLetterOrDigit(f)) || isEmoticon(f);
}
import { sha256 } from '../sha256.js';

export const PARSER_FORMAT_VERSION = 3;
const MAGIC = [0x44, 0x42, 0x50, 0x52]; // DBPR
const PREFIX = 44;
/** scheme numbers are 0 (none) .. MAX_SCHEME */
const MAX_SCHEME = 15;

/** Plain arrays of a model, as produced by training (see the format above). */
export interface ParserModelData {
  meta: Record<string, unknown>;
  labels: string[];
  tscale: number;
  lscale: number;
  tkeys: Int32Array;
  tw: Int8Array;
  tsn: Uint8Array;
  tsSch: Uint8Array;
  tsW: Int8Array;
  lkeys: Int32Array;
  lcnt: Uint8Array;
  lcls: Uint8Array;
  lw: Int8Array;
  lsn: Uint8Array;
  lsSch: Uint8Array;
  lsCnt: Uint8Array;
  lsCls: Uint8Array;
  lsW: Int8Array;
  /** word classes: form codes (W, see ./features.ts) and their class (1-based) */
  ckeys: Int32Array;
  cids: Uint16Array;
  /**
   * Transition weights trained globally for beam search (as tkeys, tw, tsn, tsSch, tsW; empty when the model has
   * none: beam search then uses the greedy weights).
   */
  gscale: number;
  gkeys: Int32Array;
  gw: Int8Array;
  gsn: Uint8Array;
  gsSch: Uint8Array;
  gsW: Int8Array;
}

export interface ParseResult {
  /** 1-based heads, 0 = root */
  heads: number[];
  deprels: string[];
}

/** Look-up tables with the weights of one scheme merged in. */
interface Tables {
  /** open addressing, 2 ints per slot: key, the three weights packed as 10-bit signed fields */
  t: Int32Array;
  tmask: number;
  /** open addressing, 2 ints per slot: key, (first entry << 8) | entry count */
  l: Int32Array;
  lmask: number;
  /** (weight << 8) | label */
  ent: Int32Array;
  /** filters of the keys in t and l (see filterKeys) */
  tf: Int32Array;
  lf: Int32Array;
  /** cached weight sums of words in the roles of ./features.ts, by form (see WordRoles) */
  words: Map<string, WordRoles>;
  /** ... of the root (position n) and of "no word" (n + 1), whose columns are the same in every sentence */
  root: WordRoles;
  none: WordRoles;
}

/**
 * The weight sums of one word in the roles of ./features.ts (T_ROLE_*, L_ROLE_*): the templates that read only the
 * word's own columns score the same wherever the word stands, so they are looked up once per word and scheme instead
 * of at every transition. A word is its form (the map key) with the codes of its lemma, UPOS, XPOS and FEATS (every
 * column is a function of these); `next` chains the other words of the same form.
 */
class WordRoles {
  /** transition scores, [role * 3 + action] (filled in when the entry is made: every word takes most roles) */
  readonly tr = new Int32Array(T_ROLES * 3);
  /** labeller entries per [role * 2 + dir - 1], packed (weight << 8) | label as in Tables.ent (filled in on first use) */
  readonly lr: (Int32Array | undefined)[] = new Array<Int32Array | undefined>(L_ROLES * 2).fill(undefined);
  next: WordRoles | undefined = undefined;
  constructor(
    readonly l: number,
    readonly t: number,
    readonly x: number,
    readonly m: number,
    readonly a: number,
  ) {}
}

/** Bound on the words cached per scheme (the map is cleared when full). */
const ROLE_CACHE_MAX = 50000;

function corrupt(msg: string): DabirError {
  return new DabirError('E_RESOURCE_CORRUPT', `parser model: ${msg}`, 'reinstall dabir, or rebuild data/parser.bin with npm run train:parser');
}

/**
 * A filter of the keys of a table (a blocked Bloom filter: two bits of one 32-bit word per key, from independent
 * bits of the key, which are hashes already). At 8-16 bits per key it is small enough to stay in cache, and it
 * rejects most absent keys, so they cost no access to the much larger table (the look-ups wait on memory).
 */
function newFilter(nKeys: number): Int32Array {
  let words = 16;
  while (words * 4 < nKeys) words <<= 1;
  return new Int32Array(words);
}

function filterAdd(f: Int32Array, k: number): void {
  f[(k >>> 10) & (f.length - 1)] |= (1 << (k & 31)) | (1 << ((k >>> 5) & 31));
}

/** Moves the keys of buf[0..n) that may be in the filter's table to the front; returns their number. */
function filterKeys(f: Int32Array, buf: Int32Array, n: number): number {
  const fmask = f.length - 1;
  let m = 0;
  for (let i = 0; i < n; i++) {
    const k = buf[i]!;
    const bits = (1 << (k & 31)) | (1 << ((k >>> 5) & 31));
    if ((f[(k >>> 10) & fmask]! & bits) === bits) buf[m++] = k;
  }
  return m;
}

/** Offset of key `k` in a table of (key, value) pairs (linear probing, key 0 = empty slot), or -1. */
function findPair(tab: Int32Array, mask: number, k: number): number {
  for (let s = k & mask; ; s = (s + 1) & mask) {
    const o = s << 1;
    const v = tab[o]!;
    if (v === k) return o;
    if (v === 0) return -1;
  }
}

/** Adds packed (weight << 8) | label entries into scores by label. */
function addEntries(sc: Int32Array, ents: Int32Array): void {
  for (let j = 0; j < ents.length; j++) {
    const x = ents[j]!;
    sc[x & 255] += x >> 8;
  }
}

/** The transition look-up table of a scheme: shared + scheme weights, packed as three 10-bit fields. */
function transitionTable(sch: number, tkeys: Int32Array, tw: Int8Array, tsn: Uint8Array, tsSch: Uint8Array, tsW: Int8Array): { t: Int32Array; tmask: number; tf: Int32Array } {
  const nT = tkeys.length;
  let cap = 16;
  while (cap < nT * 1.5) cap <<= 1;
  const tmask = cap - 1;
  const t = new Int32Array(cap * 2);
  const tf = newFilter(nT);
  for (let i = 0, j = 0; i < nT; i++) {
    let a = tw[i * 3]!;
    let b = tw[i * 3 + 1]!;
    let c = tw[i * 3 + 2]!;
    for (let end = j + tsn[i]!; j < end; j++) {
      if (tsSch[j] !== sch) continue;
      a += tsW[j * 3]!;
      b += tsW[j * 3 + 1]!;
      c += tsW[j * 3 + 2]!;
    }
    if (a === 0 && b === 0 && c === 0) continue;
    const key = tkeys[i]!;
    let s = key & tmask;
    while (t[s * 2] !== 0) s = (s + 1) & tmask;
    t[s * 2] = key;
    t[s * 2 + 1] = (a & 1023) | ((b & 1023) << 10) | ((c & 1023) << 20);
    filterAdd(tf, key);
  }
  return { t, tmask, tf };
}

/**
 * Beam search copies a state of O(n) per item and step, O(k n^2) per sentence: above this many words (no sentence of
 * the treebanks comes near; a text without punctuation can) a sentence is parsed greedily, so that any input parses in
 * linear time (a 16,000-word sentence took 5.4 s with beam 4, 0.1 s greedily).
 */
export const MAX_BEAM_WORDS = 1000;

export class ParserModel {
  readonly data: ParserModelData;
  readonly labels: string[];
  private readonly rootLabel: number;
  private readonly tables: (Tables | undefined)[] = [];
  private readonly gtables: (Tables | undefined)[] = [];
  private readonly tbuf = new Int32Array(MAX_TRANSITION_FEATURES);
  private readonly lbuf = new Int32Array(MAX_LABEL_FEATURES + 2);
  /** beam search: transition scores (3) and labels (1) of the key lists seen in the sentence (see KeyMemo) */
  private readonly tmemo = new KeyMemo(3);
  private readonly lmemo = new KeyMemo(1);
  /** whether beam search uses the memos (the same parses either way; off only in tests, to prove that) */
  beamMemo = true;
  /** whether the post-rules (./postrules.ts) correct the parse (off only to measure them) */
  postRules = true;
  private readonly pre = new Int32Array(MAX_TRANSITION_FEATURES);
  private readonly lscores: Int32Array;
  private readonly scores = new Float64Array(N_ACTIONS);
  /** scratch of the role look-ups (see WordRoles) */
  private readonly acc = new Int32Array(N_ACTIONS);
  private readonly rsum = new Int32Array(N_ACTIONS);
  private readonly rbuf = new Int32Array(MAX_TRANSITION_FEATURES);
  private readonly rscores = new Int32Array(256);
  private roles: WordRoles[] = [];
  /** the encoded sentence and the parser state, reused from sentence to sentence */
  private enc: EncodedSentence | undefined = undefined;
  private st = new State(0, 64);
  private rs = new Int32Array(64 * T_ROLES * 3);

  constructor(data: ParserModelData) {
    // (null was "Cannot read properties of null (reading 'labels')", {} "(reading 'length')")
    dataArgument(data, 'new ParserModel', 'the data of a parser model', ['labels', 'tkeys', 'tw', 'lkeys', 'lw', 'ckeys', 'cids'], 'to load data/parser.bin, ParserModel.fromBytes(its bytes) or parserModelOf(them)');
    this.data = data;
    this.labels = data.labels;
    const L = data.labels.length;
    this.rootLabel = data.labels.indexOf('root');
    if (this.rootLabel < 0 || L > 256) throw corrupt('invalid labels');
    const { tkeys, tw, tsn, tsSch, tsW, lkeys, lcnt, lcls, lw, lsn, lsSch, lsCnt, lsCls, lsW } = data;
    const nT = tkeys.length;
    const nL = lkeys.length;
    if (tw.length !== nT * 3 || tsn.length !== nT || tsW.length !== tsSch.length * 3) throw corrupt('transition sections disagree');
    const { gkeys, gw, gsn, gsSch, gsW } = data;
    if (gw.length !== gkeys.length * 3 || gsn.length !== gkeys.length || gsW.length !== gsSch.length * 3) throw corrupt('beam transition sections disagree');
    let gsum = 0;
    for (let i = 0; i < gsn.length; i++) gsum += gsn[i]!;
    if (gsum !== gsSch.length) throw corrupt('beam transition sections disagree');
    if (lcnt.length !== nL || lsn.length !== nL || lsCnt.length !== lsSch.length) throw corrupt('labeller sections disagree');
    let sum = 0;
    for (let i = 0; i < nT; i++) sum += tsn[i]!;
    if (sum !== tsSch.length) throw corrupt('transition sections disagree');
    sum = 0;
    for (let i = 0; i < nL; i++) sum += lsn[i]!;
    if (sum !== lsSch.length) throw corrupt('labeller sections disagree');
    sum = 0;
    for (let i = 0; i < nL; i++) sum += lcnt[i]!;
    if (sum !== lw.length || lcls.length !== lw.length) throw corrupt('labeller rows do not match the entries');
    sum = 0;
    for (let i = 0; i < lsCnt.length; i++) sum += lsCnt[i]!;
    if (sum !== lsW.length || lsCls.length !== lsW.length) throw corrupt('labeller rows do not match the entries');
    // a label byte >= L only adds to a score that is never read (lscores has room for any byte)
    this.lscores = new Int32Array(256);
    if (data.cids.length !== data.ckeys.length) throw corrupt('word class sections disagree');
    const ctab = new KeyTable(data.ckeys);
    const cids = data.cids;
    this.classOf = (w: number): number => {
      const r = ctab.get(w);
      return r < 0 ? 0 : cids[r]!;
    };
  }

  /** word class (1-based, 0 = unknown) of a form code */
  private readonly classOf: (w: number) => number;

  /** whether the model has a second set of transition weights trained for beam search (see ParserModelData.g*) */
  get hasBeamWeights(): boolean {
    return this.data.gkeys.length > 0;
  }

  /**
   * The look-up tables of a scheme (built on first use): with the greedy transition weights, or with the weights
   * trained for beam search (`beam`, when the model has them); the labeller's tables are shared by both.
   */
  private tablesFor(scheme: number, beam = false): Tables {
    const sch = scheme >= 0 && scheme <= MAX_SCHEME ? scheme : 0;
    const global = beam && this.hasBeamWeights;
    const list = global ? this.gtables : this.tables;
    const have = list[sch];
    if (have) return have;
    const d = this.data;
    const { t, tmask, tf } = global ? transitionTable(sch, d.gkeys, d.gw, d.gsn, d.gsSch, d.gsW) : transitionTable(sch, d.tkeys, d.tw, d.tsn, d.tsSch, d.tsW);
    const other = (global ? this.tables : this.gtables)[sch];
    const lab = other ?? this.labelTable(sch);
    const tb: Tables = { t, tmask, l: lab.l, lmask: lab.lmask, ent: lab.ent, tf, lf: lab.lf, words: new Map(), root: new WordRoles(0, 0, 0, 0, 0), none: new WordRoles(0, 0, 0, 0, 0) };
    // the root's and "no word"'s columns are constants: any sentence gives their role scores
    const e = encodeSentence([], 0);
    this.fillRoles(tb, e, tb.root, e.n);
    this.fillRoles(tb, e, tb.none, e.n + 1);
    list[sch] = tb;
    return tb;
  }

  /** The labeller's look-up table of a scheme. */
  private labelTable(sch: number): { l: Int32Array; lmask: number; ent: Int32Array; lf: Int32Array } {
    const { lkeys, lcnt, lcls, lw, lsn, lsSch, lsCnt, lsCls, lsW } = this.data;
    // labeller: union of the shared and scheme entries of each row
    const nL = lkeys.length;
    let cap = 16;
    while (cap < nL * 1.5) cap <<= 1;
    const lmask = cap - 1;
    const l = new Int32Array(cap * 2);
    const lf = newFilter(nL);
    const ent = new Int32Array(lw.length + lsW.length);
    const acc = new Int32Array(this.labels.length);
    const used = new Int32Array(this.labels.length);
    let ne = 0;
    for (let i = 0, p = 0, r = 0, q = 0; i < nL; i++) {
      let nu = 0;
      for (let end = p + lcnt[i]!; p < end; p++) {
        acc[lcls[p]!] = lw[p]!;
        used[nu++] = lcls[p]!;
      }
      for (let endR = r + lsn[i]!; r < endR; r++) {
        const m = lsCnt[r]!;
        if (lsSch[r] === sch) {
          for (let x = q; x < q + m; x++) {
            const c = lsCls[x]!;
            if (acc[c] === 0) used[nu++] = c;
            acc[c] += lsW[x]!;
          }
        }
        q += m;
      }
      const start = ne;
      for (let u = 0; u < nu; u++) {
        const c = used[u]!;
        if (acc[c] !== 0) ent[ne++] = (acc[c]! << 8) | c;
        acc[c] = 0;
      }
      if (ne === start) continue;
      const key = lkeys[i]!;
      let s = key & lmask;
      while (l[s * 2] !== 0) s = (s + 1) & lmask;
      l[s * 2] = key;
      l[s * 2 + 1] = (start << 8) | (ne - start);
      filterAdd(lf, key);
    }
    return { l, lmask, ent, lf };
  }

  /** Adds the transition weights of the keys buf[0..n) into acc[0..2] (integer units). */
  private lookupTransitions(tb: Tables, buf: Int32Array, n: number, acc: Int32Array): void {
    const nf = filterKeys(tb.tf, buf, n);
    const tab = tb.t;
    const mask = tb.tmask;
    let a = 0;
    let b = 0;
    let c = 0;
    // first touch every home slot (independent loads: the CPU overlaps the cache misses), then resolve
    const pre = this.pre;
    for (let i = 0; i < nf; i++) pre[i] = tab[(buf[i]! & mask) << 1]!;
    for (let i = 0; i < nf; i++) {
      if (pre[i] === 0) continue;
      const o = findPair(tab, mask, buf[i]!);
      if (o < 0) continue;
      const p = tab[o + 1]!;
      a += (p << 22) >> 22;
      b += (p << 12) >> 22;
      c += (p << 2) >> 22;
    }
    acc[0] = acc[0]! + a;
    acc[1] = acc[1]! + b;
    acc[2] = acc[2]! + c;
  }

  /** Adds the labeller entries of the keys buf[0..n) into sc (by label). */
  private lookupLabels(tb: Tables, buf: Int32Array, n: number, sc: Int32Array): void {
    const nf = filterKeys(tb.lf, buf, n);
    const tab = tb.l;
    const mask = tb.lmask;
    const ent = tb.ent;
    const pre = this.pre;
    for (let i = 0; i < nf; i++) pre[i] = tab[(buf[i]! & mask) << 1]!;
    for (let i = 0; i < nf; i++) {
      if (pre[i] === 0) continue;
      const o = findPair(tab, mask, buf[i]!);
      if (o < 0) continue;
      const p = tab[o + 1]!;
      for (let j = p >>> 8, end = j + (p & 255); j < end; j++) {
        const x = ent[j]!;
        sc[x & 255] += x >> 8;
      }
    }
  }

  /** The cached roles of the word at position i (found or made; see WordRoles). */
  private wordRoles(tb: Tables, form: string, e: EncodedSentence, i: number): WordRoles {
    const l = e.L[i]!;
    const t = e.T[i]!;
    const x = e.X[i]!;
    const m = e.M[i]!;
    const a = e.A[i]!;
    const first = tb.words.get(form);
    for (let r = first; r !== undefined; r = r.next) if (r.l === l && r.t === t && r.x === x && r.m === m && r.a === a) return r;
    if (first === undefined && tb.words.size >= ROLE_CACHE_MAX) tb.words.clear();
    const r = new WordRoles(l, t, x, m, a);
    r.next = first;
    tb.words.set(form, r);
    this.fillRoles(tb, e, r, i);
    return r;
  }

  /** Computes the transition scores of the word at position `pos` in every role. */
  private fillRoles(tb: Tables, e: EncodedSentence, r: WordRoles, pos: number): void {
    const buf = this.rbuf;
    const sum = this.rsum;
    for (let role = 0; role < T_ROLES; role++) {
      sum.fill(0);
      this.lookupTransitions(tb, buf, transitionRoleFeatures(e, role, pos, buf), sum);
      r.tr[role * 3] = sum[0]!;
      r.tr[role * 3 + 1] = sum[1]!;
      r.tr[role * 3 + 2] = sum[2]!;
    }
  }

  /** The labeller entries of word `pos` (its WordRoles `r`) in a role and direction, computed on first use. */
  private labelRole(tb: Tables, e: EncodedSentence, r: WordRoles, role: number, pos: number, dir: number): Int32Array {
    const k = role * 2 + dir - 1;
    let ents = r.lr[k];
    if (ents === undefined) {
      const buf = this.rbuf;
      const sc = this.rscores;
      sc.fill(0);
      this.lookupLabels(tb, buf, labelRoleFeatures(e, role, pos, dir, buf), sc);
      let nz = 0;
      for (let c = 0; c < 256; c++) if (sc[c] !== 0) nz++;
      ents = new Int32Array(nz);
      nz = 0;
      for (let c = 0; c < 256; c++) if (sc[c] !== 0) ents[nz++] = (sc[c]! << 8) | c;
      r.lr[k] = ents;
    }
    return ents;
  }

  /**
   * Scores of the three transitions (integer units): the state templates, plus the role scores of the six words at
   * s0..s2, b0..b2 (from `rs`, the sentence's copy of its words' WordRoles.tr, position after position).
   */
  private scoreTransitions(tb: Tables, e: EncodedSentence, st: State, rs: Int32Array, out: Float64Array, memo?: KeyMemo): void {
    const acc = this.acc;
    acc.fill(0);
    const buf = this.tbuf;
    const nk = transitionStateFeatures(e, st, buf);
    if (memo) {
      const h = KeyMemo.hash(buf, nk);
      let m = memo.find(buf, nk, h);
      if (m < 0) {
        m = memo.add(buf, nk, h);
        this.lookupTransitions(tb, buf, nk, acc);
        memo.set(m, 0, acc[0]!);
        memo.set(m, 1, acc[1]!);
        memo.set(m, 2, acc[2]!);
      } else {
        acc[0] = memo.get(m, 0);
        acc[1] = memo.get(m, 1);
        acc[2] = memo.get(m, 2);
      }
    } else this.lookupTransitions(tb, buf, nk, acc);
    const n = e.n;
    const b0 = st.b0();
    const b1 = b0 < n ? b0 + 1 : n + 1;
    const b2 = b1 < n ? b1 + 1 : n + 1;
    const W = T_ROLES * 3;
    const o0 = st.s(0) * W + T_ROLE_S0 * 3;
    const o1 = st.s(1) * W + T_ROLE_S1 * 3;
    const o2 = st.s(2) * W + T_ROLE_S2 * 3;
    const o3 = b0 * W + T_ROLE_B0 * 3;
    const o4 = b1 * W + T_ROLE_B1 * 3;
    const o5 = b2 * W + T_ROLE_B2 * 3;
    out[0] = acc[0]! + rs[o0]! + rs[o1]! + rs[o2]! + rs[o3]! + rs[o4]! + rs[o5]!;
    out[1] = acc[1]! + rs[o0 + 1]! + rs[o1 + 1]! + rs[o2 + 1]! + rs[o3 + 1]! + rs[o4 + 1]! + rs[o5 + 1]!;
    out[2] = acc[2]! + rs[o0 + 2]! + rs[o1 + 2]! + rs[o2 + 2]! + rs[o3 + 2]! + rs[o4 + 2]! + rs[o5 + 2]!;
  }

  /** Best label index for the arc h → d (never the root label unless h is the root). */
  private bestLabel(tb: Tables, e: EncodedSentence, st: State, roles: WordRoles[], h: number, d: number, memo?: KeyMemo): number {
    if (h === e.n) return this.rootLabel;
    const buf = this.lbuf;
    const nk = labelArcFeatures(e, st, h, d, buf);
    if (memo) {
      // the arc's keys and its two positions (the role entries below depend on them)
      buf[nk] = h;
      buf[nk + 1] = d;
      const hash = KeyMemo.hash(buf, nk + 2);
      const m = memo.find(buf, nk + 2, hash);
      if (m >= 0) return memo.get(m, 0);
      const added = memo.add(buf, nk + 2, hash); // (before the look-ups, which compact buf)
      const best = this.labelFromKeys(tb, e, roles, h, d, buf, nk);
      memo.set(added, 0, best);
      return best;
    }
    return this.labelFromKeys(tb, e, roles, h, d, buf, nk);
  }

  /** bestLabel's look-ups: the arc's keys buf[0..nk) (compacted in place) and the role entries of h and d. */
  private labelFromKeys(tb: Tables, e: EncodedSentence, roles: WordRoles[], h: number, d: number, buf: Int32Array, nk: number): number {
    const sc = this.lscores;
    sc.fill(0);
    this.lookupLabels(tb, buf, nk, sc);
    const dir = d < h ? 1 : 2;
    addEntries(sc, this.labelRole(tb, e, roles[d]!, L_ROLE_D, d, dir));
    addEntries(sc, this.labelRole(tb, e, roles[h]!, L_ROLE_H, h, dir));
    let best = -1;
    let bs = -Infinity;
    for (let l = 0, L = this.labels.length; l < L; l++) {
      if (l === this.rootLabel) continue;
      if (sc[l]! > bs) {
        bs = sc[l]!;
        best = l;
      }
    }
    return best;
  }

  /**
   * Parses one sentence: always a tree (one word attached to 0 with "root", no cycles). `scheme`: 1 + index in
   * SCHEMES (treebank convention), 0 = shared weights only; default: read from the XPOS tags. `beam` > 1: beam search
   * over the transitions (the `beam` best sequences by summed transition scores are kept at each step; each arc is
   * labelled by the labeller when it is made), otherwise greedy decoding.
   */
  parse(words: readonly ParseWord[], scheme?: number, beam = 1): ParseResult {
    checkParseArguments('ParserModel.parse', words, scheme, beam, 'beam');
    return this.parseWith(words, scheme, beam > 1 ? Math.min(Math.floor(beam), 64) : 0);
  }

  /** Beam search with any width k >= 1 (k = 1 is the same parse as greedy decoding, by another path; for tests). */
  parseBeam(words: readonly ParseWord[], scheme: number | undefined, k: number): ParseResult {
    checkParseArguments('ParserModel.parseBeam', words, scheme, k, 'k');
    return this.parseWith(words, scheme, Math.max(1, Math.min(Math.floor(k), 64)));
  }

  /** k = 0: greedy decoding; k >= 1: beam search of width k (greedy above MAX_BEAM_WORDS words). */
  private parseWith(words: readonly ParseWord[], scheme: number | undefined, k: number): ParseResult {
    const n = words.length;
    if (n === 0) return { heads: [], deprels: [] };
    if (n > MAX_BEAM_WORDS) k = 0;
    const e = encodeSentence(words, scheme, this.classOf, this.enc);
    this.enc = e;
    const tb = this.tablesFor(e.scheme, k >= 1);
    // the cached roles of every position (the root and "no word" included), and a flat copy of their transition scores
    const roles = this.roles;
    roles.length = n + 2;
    for (let i = 0; i < n; i++) {
      const f = words[i]!.form;
      roles[i] = this.wordRoles(tb, typeof f === 'string' ? f : '', e, i);
    }
    roles[n] = tb.root;
    roles[n + 1] = tb.none;
    const W = T_ROLES * 3;
    if (this.rs.length < (n + 2) * W) this.rs = new Int32Array((n + 2) * W * 2);
    const rs = this.rs;
    for (let i = 0; i < n + 2; i++) rs.set(roles[i]!.tr, i * W);
    const st = k >= 1 ? this.decodeBeam(tb, e, roles, rs, k) : this.decodeGreedy(tb, e, roles, rs);
    const heads = new Array<number>(n);
    const deprels = new Array<string>(n);
    let lifted = false;
    for (let i = 0; i < n; i++) {
      const h = st.head[i]!;
      heads[i] = h === n ? 0 : h + 1;
      const l = this.labels[st.label[i]!]!;
      deprels[i] = l;
      if (l.includes(LIFT)) lifted = true;
    }
    if (lifted) deprojectivize(heads, deprels);
    leafMarks(heads, deprels, (i) => isLeafWord(words[i]!), (i) => (words[i]!.upos === 'PUNCT' ? 'punct' : 'dep'));
    // an emoji or an emoticon is discourse (UD); the treebanks have none, and the parser gave them any label
    for (let i = 0; i < n; i++) if (heads[i] !== 0 && words[i]!.upos === 'SYM' && isEmojiWord(words[i]!.form)) deprels[i] = 'discourse';
    if (this.postRules) postRules(words, heads, deprels, e.scheme);
    return { heads, deprels };
  }

  /** Greedy decoding: the best-scoring legal transition at each step. */
  private decodeGreedy(tb: Tables, e: EncodedSentence, roles: WordRoles[], rs: Int32Array): State {
    const n = e.n;
    if (this.st.capacity < n) this.st = new State(n, n * 2);
    const st = this.st;
    st.reset(n);
    const scores = this.scores;
    while (!st.terminal) {
      let best = -1;
      let nLegal = 0;
      for (let a = 0; a < N_ACTIONS; a++) {
        if (legal(st, a)) {
          nLegal++;
          best = a;
        }
      }
      if (nLegal > 1) {
        // only real choices are scored (a forced move needs no features)
        this.scoreTransitions(tb, e, st, rs, scores);
        best = -1;
        for (let a = 0; a < N_ACTIONS; a++) if (legal(st, a) && (best < 0 || scores[a]! > scores[best]!)) best = a;
      }
      let lab = -1;
      if (best === LEFT) lab = this.bestLabel(tb, e, st, roles, st.b0(), st.s(0));
      else if (best === RIGHT) lab = this.bestLabel(tb, e, st, roles, st.s(1), st.s(0));
      apply(st, best, lab);
    }
    return st;
  }

  /** states of the beam (two generations of up to 64) */
  private beamPool: State[] = [];
  private beamCand = { score: new Float64Array(192), from: new Int32Array(192), act: new Int32Array(192), order: new Int32Array(192) };

  /**
   * Beam search: the k best action sequences (summed transition scores; a forced move adds nothing, as in training)
   * are extended by every legal action and the k best kept; ties go to the earlier item and the lower action, so k = 1
   * is greedy decoding. Every sequence of legal actions ends in a tree, so the best final state is one.
   */
  private decodeBeam(tb: Tables, e: EncodedSentence, roles: WordRoles[], rs: Int32Array, k: number): State {
    const n = e.n;
    const pool = this.beamPool;
    if (pool.length < 2 * k || pool[0]!.capacity < n) {
      const cap = Math.max(n * 2, 64, pool[0]?.capacity ?? 0);
      for (let i = 0; i < 2 * k; i++) if (i >= pool.length || pool[i]!.capacity < n) pool[i] = new State(0, cap);
    }
    // the items of the beam, and the states not in it (2k in all: an item's state is extended in place by its first
    // survivor and copied for the others)
    let cur = pool.slice(0, 1);
    let next: State[] = [];
    const free = pool.slice(1, 2 * k);
    const curScore = new Float64Array(k);
    const labs = new Int32Array(k);
    const owner = new Int32Array(k);
    cur[0]!.reset(n);
    const { score: cs, from: cf, act: ca, order } = this.beamCand;
    const scores = this.scores;
    const tmemo = this.beamMemo ? this.tmemo : undefined;
    const lmemo = this.beamMemo ? this.lmemo : undefined;
    tmemo?.clear();
    lmemo?.clear();
    while (!cur[0]!.terminal) {
      let nc = 0;
      const size = cur.length;
      for (let i = 0; i < size; i++) {
        const st = cur[i]!;
        const nLegal = legalCount(st);
        if (nLegal > 1) this.scoreTransitions(tb, e, st, rs, scores, tmemo);
        for (let a = 0; a < N_ACTIONS; a++) {
          if (!legal(st, a)) continue;
          cs[nc] = curScore[i]! + (nLegal > 1 ? scores[a]! : 0);
          cf[nc] = i;
          ca[nc] = a;
          nc++;
        }
      }
      const m = topK(cs, nc, k, order);
      // labels first, on the items as they are; then copies for second and later survivors of an item; then moves
      owner.fill(-1, 0, size);
      for (let j = 0; j < m; j++) {
        const c = order[j]!;
        const i = cf[c]!;
        const src = cur[i]!;
        const a = ca[c]!;
        labs[j] = a === LEFT ? this.bestLabel(tb, e, src, roles, src.b0(), src.s(0), lmemo) : a === RIGHT ? this.bestLabel(tb, e, src, roles, src.s(1), src.s(0), lmemo) : -1;
        if (owner[i]! < 0) owner[i] = j;
      }
      next.length = m;
      for (let j = 0; j < m; j++) {
        const i = cf[order[j]!]!;
        if (owner[i] === j) continue;
        const dst = free.pop()!;
        dst.copyFrom(cur[i]!);
        next[j] = dst;
      }
      for (let i = 0; i < size; i++) {
        if (owner[i]! >= 0) next[owner[i]!] = cur[i]!;
        else free.push(cur[i]!);
      }
      // (the items' scores are read only while the candidates are made, above)
      for (let j = 0; j < m; j++) {
        const c = order[j]!;
        apply(next[j]!, ca[c]!, labs[j]!);
        curScore[j] = cs[c]!;
      }
      const t = cur;
      cur = next;
      next = t;
    }
    return cur[0]!;
  }

  toBytes(): Uint8Array {
    return encodeParserModel(this.data);
  }

  static fromBytes(bytes: Uint8Array): ParserModel {
    return new ParserModel(decodeParserModel(bytes));
  }
}

const pad4 = (n: number): number => (n + 3) & ~3;
const SECTIONS = ['tkeys', 'tw', 'tsn', 'tsSch', 'tsW', 'lkeys', 'lcnt', 'lcls', 'lw', 'lsn', 'lsSch', 'lsCnt', 'lsCls', 'lsW', 'ckeys', 'cids', 'gkeys', 'gw', 'gsn', 'gsSch', 'gsW'] as const;
type SectionName = (typeof SECTIONS)[number];
/** the sections of version 2 (no beam-search weights) */
const SECTIONS_V2 = SECTIONS.slice(0, 16);
const SECTION_TYPE: Record<SectionName, 'i32' | 'i8' | 'u8' | 'u16'> = {
  tkeys: 'i32',
  tw: 'i8',
  tsn: 'u8',
  tsSch: 'u8',
  tsW: 'i8',
  lkeys: 'i32',
  lcnt: 'u8',
  lcls: 'u8',
  lw: 'i8',
  lsn: 'u8',
  lsSch: 'u8',
  lsCnt: 'u8',
  lsCls: 'u8',
  lsW: 'i8',
  ckeys: 'i32',
  cids: 'u16',
  gkeys: 'i32',
  gw: 'i8',
  gsn: 'u8',
  gsSch: 'u8',
  gsW: 'i8',
};

/**
 * Version 3 when the model has beam-search weights; otherwise version 2 (the same bytes as before version 3 existed,
 * so older readers load greedy models).
 */
export function encodeParserModel(d: ParserModelData): Uint8Array {
  const v3 = d.gkeys.length > 0;
  const names = v3 ? SECTIONS : SECTIONS_V2;
  const header = {
    meta: d.meta,
    labels: d.labels,
    tscale: d.tscale,
    lscale: d.lscale,
    ...(v3 ? { gscale: d.gscale } : {}),
    lengths: names.map((s) => d[s].length),
  };
  const hjson = new TextEncoder().encode(JSON.stringify(header));
  const sections = names.map((s) => new Uint8Array(d[s].buffer, d[s].byteOffset, d[s].byteLength));
  let size = 4 + pad4(hjson.length);
  for (const s of sections) size += pad4(s.length);
  const payload = new Uint8Array(size);
  new DataView(payload.buffer).setUint32(0, hjson.length, true);
  payload.set(hjson, 4);
  let off = 4 + pad4(hjson.length);
  for (const s of sections) {
    payload.set(s, off); // typed arrays are little-endian on every platform this runs on
    off += pad4(s.length);
  }
  const out = new Uint8Array(PREFIX + size);
  out.set(MAGIC, 0);
  const odv = new DataView(out.buffer);
  odv.setUint16(4, v3 ? 3 : 2, true);
  odv.setUint32(8, size, true);
  out.set(sha256(payload), 12);
  out.set(payload, PREFIX);
  return out;
}

export function decodeParserModel(bytes: Uint8Array): ParserModelData {
  if (!(bytes instanceof Uint8Array) || bytes.length < PREFIX + 4) throw corrupt('too short');
  for (let i = 0; i < 4; i++) if (bytes[i] !== MAGIC[i]) throw corrupt('bad magic');
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = dv.getUint16(4, true);
  if (version !== PARSER_FORMAT_VERSION && version !== 2) {
    throw new DabirError('E_RESOURCE_VERSION', `parser model has format version ${version}, this code reads 2 and ${PARSER_FORMAT_VERSION}`, 'rebuild data/parser.bin with npm run train:parser');
  }
  const names = version === 2 ? SECTIONS_V2 : SECTIONS;
  const size = dv.getUint32(8, true);
  if (bytes.length !== PREFIX + size) throw corrupt(`length ${bytes.length}, expected ${PREFIX + size}`);
  // an aligned copy (typed-array views need alignment; also detaches from the caller's bytes). Not bytes.slice():
  // on a Node Buffer that is a view into a shared pool, not a copy.
  const payload = new Uint8Array(bytes.length - PREFIX);
  payload.set(bytes.subarray(PREFIX));
  // (of the caller's bytes, which hold the same: a digest a browser loader remembered for them applies)
  const digest = sha256(bytes.subarray(PREFIX));
  for (let i = 0; i < 32; i++) if (digest[i] !== bytes[12 + i]) throw corrupt('checksum mismatch');
  const hlen = new DataView(payload.buffer).getUint32(0, true);
  if (4 + hlen > payload.length) throw corrupt('bad header');
  let header: { meta: Record<string, unknown>; labels: string[]; tscale: number; lscale: number; gscale?: number; lengths: number[] };
  try {
    header = JSON.parse(new TextDecoder().decode(payload.subarray(4, 4 + hlen)));
  } catch {
    throw corrupt('bad header');
  }
  const lengths = header.lengths;
  const okCount = (x: unknown): boolean => Number.isInteger(x) && (x as number) >= 0 && (x as number) < 1 << 28;
  if (!Array.isArray(lengths) || lengths.length !== names.length || !lengths.every(okCount)) throw corrupt('bad header');
  if (!Array.isArray(header.labels) || !header.labels.every((l) => typeof l === 'string')) throw corrupt('bad header');
  let off = 4 + pad4(hlen);
  const out: Record<string, Int32Array | Int8Array | Uint8Array | Uint16Array> = {};
  for (const name of SECTIONS.slice(SECTIONS_V2.length)) out[name] = SECTION_TYPE[name] === 'i32' ? new Int32Array(0) : SECTION_TYPE[name] === 'i8' ? new Int8Array(0) : new Uint8Array(0);
  names.forEach((name, i) => {
    const n = lengths[i]!;
    const type = SECTION_TYPE[name];
    const bytesLen = type === 'i32' ? n * 4 : type === 'u16' ? n * 2 : n;
    if (off + bytesLen > payload.length) throw corrupt('truncated section');
    out[name] =
      type === 'i32' ? new Int32Array(payload.buffer, off, n) : type === 'u16' ? new Uint16Array(payload.buffer, off, n) : type === 'i8' ? new Int8Array(payload.buffer, off, n) : new Uint8Array(payload.buffer, off, n);
    off += pad4(bytesLen);
  });
  if (off !== payload.length) throw corrupt('unexpected trailing bytes');
  return {
    meta: header.meta ?? {},
    labels: header.labels,
    tscale: header.tscale,
    lscale: header.lscale,
    gscale: typeof header.gscale === 'number' ? header.gscale : 1,
    ...(out as unknown as Pick<ParserModelData, SectionName>),
  };
}

/**
 * The arguments of ParserModel.parse and parseBeam: a list of words with a string form, a scheme id (a number or
 * none) and a beam width (a number; NaN parses greedily, as below 1): else a typed error naming the method, not a
 * TypeError or a RangeError from inside ("Invalid array length" for a number in place of the words).
 */
function checkParseArguments(fn: string, words: unknown, scheme: unknown, beam: unknown, beamName: string): void {
  const hint = 'pass the words of one sentence, e.g. [{ form: "او", upos: "PRON" }, { form: "رفت", upos: "VERB" }]';
  listArgument(words, fn, 'a list of words ({ form, upos?, xpos?, feats?, lemma? })', hint, 'object');
  for (const w of words as { form?: unknown }[]) if (typeof w.form !== 'string') throw new DabirError('E_BAD_INPUT', `${fn} expects a list of words ({ form, upos?, xpos?, feats?, lemma? }), got a word whose form is ${kindOf(w.form)}`, hint);
  if (scheme !== undefined) numberArgument(scheme, fn, 'a scheme id');
  numberArgument(beam, fn, `a beam width (${beamName})`);
}
