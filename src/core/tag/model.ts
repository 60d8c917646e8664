/**
 * The tagger model: two averaged-perceptron stages over hashed features, with a word-class lexicon.
 *
 *   stage 1  UPOS, greedy left to right (previous two tags as features), restricted to the tags of the scheme;
 *   stage 2  XPOS|FEATS as one label, chosen among the labels the scheme uses with the predicted UPOS (rows are per
 *            UPOS group), with the whole sentence's UPOS and the previous labels as features.
 *
 * Binary format (little-endian), version 1, written and checked by src/core/container.ts:
 *   0   magic "DBTG"
 *   4   u16 format version, u16 0
 *   8   u32 total byte length
 *   12  32 bytes: SHA-256 of bytes [44, end)
 *   44  u32 header length H, header JSON (UTF-8), padded to 4
 *   ... sections, each 4-byte aligned, described in header.sections as [name, type, byteOffset from the end of the
 *       padded header, count]
 * Sections: lexicon (`lex.ka` u32, `lex.kb` u16, `lex.hazm|lilak|c1|c2|ner|auto|big` u16; `big` rows also hold word pairs), and for each stage s in {t1, t2}:
 * `s.ka` u32, `s.kb` u16 (row keys), `s.len` u8 (entries per row), `s.lab` u8 (label, local to the row's group),
 * `s.w` i16 (weight / header.scale[s]; decoding never needs the scale, since only the argmax within a stage matters).
 */
import { VERB_NEGATIVE, VERB_PAST_STEM, VERB_PERSON_SHIFT, VERB_PRESENT_STEM } from '../lemmatize/index.js';
import { isAnyDigit } from '../chars.js';
import { MONTH_NAME } from '../months.js';
import { DabirError, showValue, dataArgument, kindOf, listArgument, numberArgument, optionsObject } from '../errors.js';
import { boundaryInfo, BOUNDARY, SentenceFeatures, stage1TagKeys, stage1WordKeys, stage2OtherKeys, stage2TagKeys, STAGE1_TAG_KEYS, STAGE2_TAG_KEYS, wordInfo, WordInfo, type WordClasses } from './features.js';
import { groupK1, groupK2 } from './hash.js';
import { encodeContainer, openContainer, type ContainerFormat, type SectionArray } from '../container.js';
import { KITCHEN_AND_COUNTING, WEIGHTS_AND_MEASURES } from '../units.js';

export const TAGGER_FORMAT_VERSION = 1;
/** Stage-2 boundary label id (rest ids may exceed 255). */
export const REST_BOUNDARY = 0xffff;

export interface TaggerHeader {
  meta: Record<string, unknown>;
  /** scheme (treebank) names; index = the treebank id used in features */
  schemes: string[];
  upos: string[];
  /** stage 2 labels "XPOS\tFEATS" */
  rest: string[];
  /** UPOS id of each stage 2 label */
  restGroup: number[];
  /** [scheme] → UPOS ids the decoder may choose (may include aliases) */
  allowedUpos: number[][];
  /** [scheme][upos] → the UPOS id output for it (e.g. Seraji has no PROPN: PROPN → NOUN) */
  uposAlias: number[][];
  /** [scheme][upos] → allowed rest ids (global) */
  allowedRest: number[][][];
  /** [upos] → rest id to use when a scheme has no label for that UPOS (or -1) */
  fallbackRest: number[];
  scale: { t1: number; t2: number };
  /**
   * the entity types of the named-entity recognizer whose labels the model reads as features (the tagger then needs
   * the `ner` model: `nerCode` of each word's token label); absent in a model trained without them
   */
  nerTypes?: string[];
  sections: [string, string, number, number][];
}

/** Plain data of a weight table: sorted rows (any order) with their sparse entries. */
export interface TableData {
  ka: Uint32Array;
  kb: Uint16Array;
  len: Uint8Array;
  lab: Uint8Array;
  w: Int16Array;
}

export interface LexiconData {
  ka: Uint32Array;
  kb: Uint16Array;
  hazm: Uint16Array;
  lilak: Uint16Array;
  c1: Uint16Array;
  c2: Uint16Array;
  ner: Uint16Array;
  auto: Uint16Array;
  big: Uint16Array;
}

export interface TaggerData {
  header: Omit<TaggerHeader, 'sections'>;
  lex: LexiconData;
  t1: TableData;
  t2: TableData;
}

/** Open-addressing index over (ka, kb) keys, built at load time. */
class KeyIndex {
  readonly slots: Int32Array;
  readonly mask: number;
  constructor(
    readonly ka: Uint32Array,
    readonly kb: Uint16Array,
  ) {
    const n = ka.length;
    let cap = 16;
    while (cap < n * 1.6) cap <<= 1;
    this.mask = cap - 1;
    const slots = new Int32Array(cap).fill(-1);
    for (let i = 0; i < n; i++) {
      let s = ka[i]! & this.mask;
      while (slots[s] !== -1) s = (s + 1) & this.mask;
      slots[s] = i;
    }
    this.slots = slots;
  }
  find(a: number, b: number): number {
    const { slots, ka, kb, mask } = this;
    a >>>= 0;
    let s = a & mask;
    for (;;) {
      const r = slots[s]!;
      if (r < 0) return -1;
      if (ka[r] === a && kb[r] === b) return r;
      s = (s + 1) & mask;
    }
  }
}

/** The word-class lexicon (lexicon POS sets and clusters by word hash). */
export class Lexicon implements WordClasses {
  private readonly index: KeyIndex;
  readonly hazm: Uint16Array;
  readonly lilak: Uint16Array;
  readonly c1: Uint16Array;
  readonly c2: Uint16Array;
  readonly ner: Uint16Array;
  readonly auto: Uint16Array;
  readonly big: Uint16Array;
  constructor(d: LexiconData) {
    this.index = new KeyIndex(d.ka, d.kb);
    this.hazm = d.hazm;
    this.lilak = d.lilak;
    this.c1 = d.c1;
    this.c2 = d.c2;
    this.ner = d.ner;
    this.auto = d.auto;
    this.big = d.big;
  }
  find(a: number, b: number): number {
    return this.index.find(a, b & 0xffff);
  }
}

/**
 * Weight rows by key. Laid out for few cache misses per lookup: each slot of the open-addressing table holds
 * [k1, k2, entry start, entry count] (count 0 = empty), and entries are interleaved [label (int), weight (float)].
 * A filter of the k1 keys (a blocked Bloom filter: two bits of one 32-bit word per key, from independent bits of k1,
 * which is a hash already) is small enough to stay in cache and rejects most absent keys without touching the table.
 */
class WeightTable {
  private readonly slots: Uint32Array;
  private readonly mask4: number;
  private readonly filter: Int32Array;
  private readonly fmask: number;
  /** entries packed as (label << 16) | (weight & 0xffff), weights in units of the table's scale */
  private readonly ent: Int32Array;
  readonly rows: number;
  /** scratch of addBatch */
  private pre = new Uint32Array(64);
  constructor(d: TableData) {
    const n = d.ka.length;
    this.rows = n;
    let cap = 16;
    while (cap < n * 1.3) cap <<= 1;
    const mask = cap - 1;
    this.mask4 = (cap << 2) - 1;
    const slots = new Uint32Array(cap * 4);
    const ent = new Int32Array(d.w.length);
    for (let j = 0; j < ent.length; j++) ent[j] = (d.lab[j]! << 16) | (d.w[j]! & 0xffff);
    let words = 16;
    while (words * 4 < n) words <<= 1; // 8-16 bits per key
    const filter = new Int32Array(words);
    this.fmask = words - 1;
    let o = 0;
    for (let i = 0; i < n; i++) {
      const a = d.ka[i]!;
      filter[(a >>> 10) & this.fmask] |= (1 << (a & 31)) | (1 << ((a >>> 5) & 31));
      let s = a & mask;
      while (slots[s * 4 + 3] !== 0) s = (s + 1) & mask;
      const L = d.len[i]!;
      slots[s * 4] = d.ka[i]!;
      slots[s * 4 + 1] = d.kb[i]!;
      slots[s * 4 + 2] = o;
      slots[s * 4 + 3] = L;
      o += L;
    }
    this.slots = slots;
    this.ent = ent;
    this.filter = filter;
  }
  /**
   * Adds the rows of the keys (ka[i], kb[i]), i < n, into scores, like add() for each key but in passes over all of
   * them: filter, then the home slots (independent loads, so the CPU overlaps their cache misses instead of waiting
   * for each key's filter word, slot and entries in turn), then the rows. Overwrites ka and kb.
   */
  addBatch(ka: Uint32Array, kb: Uint32Array, n: number, scores: Float64Array): void {
    const filter = this.filter;
    const fmask = this.fmask;
    let m = 0;
    for (let i = 0; i < n; i++) {
      const a = ka[i]!;
      const bits = (1 << (a & 31)) | (1 << ((a >>> 5) & 31));
      if ((filter[(a >>> 10) & fmask]! & bits) === bits) {
        ka[m] = a;
        kb[m] = kb[i]!;
        m++;
      }
    }
    const slots = this.slots;
    const mask4 = this.mask4;
    if (this.pre.length < m) this.pre = new Uint32Array(m * 2);
    const pre = this.pre;
    for (let i = 0; i < m; i++) pre[i] = slots[((ka[i]! << 2) & mask4) + 3]!;
    const ent = this.ent;
    for (let i = 0; i < m; i++) {
      if (pre[i] === 0) continue;
      const a = ka[i]!;
      const b = kb[i]!;
      for (let s = (a << 2) & mask4; ; s = (s + 4) & mask4) {
        const L = slots[s + 3]!;
        if (L === 0) break;
        if (slots[s] === a && slots[s + 1] === b) {
          for (let j = slots[s + 2]!, e = j + L; j < e; j++) {
            const v = ent[j]!;
            scores[v >>> 16] += (v << 16) >> 16;
          }
          break;
        }
      }
    }
  }

  /** Adds the row of a key (if present) into scores (in units of the table's scale: argmax does not need it). */
  add(a: number, b: number, scores: Float64Array): void {
    const bits = (1 << (a & 31)) | (1 << ((a >>> 5) & 31));
    if ((this.filter[(a >>> 10) & this.fmask]! & bits) !== bits) return;
    const slots = this.slots;
    a >>>= 0;
    let s = (a << 2) & this.mask4;
    for (;;) {
      const L = slots[s + 3]!;
      if (L === 0) return;
      if (slots[s] === a && slots[s + 1] === b) {
        const ent = this.ent;
        const st = slots[s + 2]!;
        const e = st + L;
        for (let j = st; j < e; j++) {
          const v = ent[j]!;
          scores[v >>> 16] += (v << 16) >> 16;
        }
        return;
      }
      s = (s + 4) & this.mask4;
    }
  }
}

interface CachedWord {
  info: WordInfo;
  /**
   * Stage 1 scores, UPOS count apart: of the intrinsic features, then of the word's features as a neighbour (ROLE_M1,
   * ROLE_P1, ROLE_M2, ROLE_P2). One array, not five: the cache holds up to CACHE_MAX words per scheme, and each typed
   * array of this size is an object, an ArrayBuffer and a separate allocation (with the role keys kept as well, a cached
   * word took ~4 KB, and a long stream through every model grew the heap by ~100 MB for the tagger alone).
   */
  sc: Float64Array;
  /** stage 2 scores of the intrinsic features, per UPOS group (computed on first use) */
  s2: (Float64Array | undefined)[];
  /** what the form says of a verb's labels (verbChecks; computed on first use) */
  verb?: number;
  /** the form is made only of punctuation marks (PUNCT_ONLY) */
  mark: boolean;
  /** the UPOS ids the form may take (Latin words, numbers in digits: see restrictOf), or undefined for any */
  only: Uint8Array | undefined;
  /** the verb analysis of the form (TaggerModel.analysisOf; computed on first use) */
  an?: number;
  /** the form is surely no verb (setNonVerbTest; computed on first use) */
  nv?: boolean;
}

/**
 * Of a scheme's `allowed` tags, the best scored whose UPOS (`alias`) passes `ok`: that UPOS, or -1 when none does (a word
 * that may take only some tags, restrictOf, or no verb tag, createNonVerbTest)
 */
function bestAllowedWhere(allowed: ArrayLike<number>, alias: ArrayLike<number>, scores: ArrayLike<number>, ok: (u: number) => boolean): number {
  let b = -1;
  for (let j = 0; j < allowed.length; j++) if (ok(alias[allowed[j]!]!) && (b < 0 || scores[allowed[j]!]! > scores[b]!)) b = allowed[j]!;
  return b < 0 ? -1 : alias[b]!;
}

const CACHE_MAX = 50_000;

export interface TagOptions {
  /** annotation scheme (treebank convention) */
  scheme?: string;
}

export interface TaggedWord {
  upos: string;
  xpos: string | undefined;
  feats: string | undefined;
}

export class TaggerModel {
  readonly header: TaggerHeader;
  private readonly lex: Lexicon;
  private readonly t1: WeightTable;
  private readonly t2: WeightTable;
  private readonly sf = new SentenceFeatures();
  private readonly scores = new Float64Array(256);
  private readonly dyn = new Uint32Array(64);
  /** one position's keys, for WeightTable.addBatch (a position has at most ~20) */
  private readonly bka = new Uint32Array(256);
  private readonly bkb = new Uint32Array(256);
  private readonly restXpos: (string | undefined)[];
  private readonly restFeats: (string | undefined)[];
  /** local index of each rest label within its group, and each group's labels by local index */
  private readonly restLocal: Int32Array;
  private readonly groupRest: number[][];
  private readonly allowedLocal: Int32Array[][];
  /** per scheme: word form → cached word data */
  private readonly cache: Map<string, CachedWord>[];
  private words: WordInfo[] = [];
  /** per scheme: stage 1 scores of the tag-history features, by (p1, p2) (tabulated on first use) */
  private readonly hist1: (Float64Array | undefined)[][];
  /** per UPOS group: stage 2 scores of the neighbour-UPOS features, by (u[i-1], u[i+1]) (tabulated on first use) */
  private readonly hist2: (Float64Array | undefined)[][];
  /** per scheme: role scores of the sentence boundary (laid out as CachedWord.sc, the first UPOS count unused) */
  private readonly boundary: Float64Array[];
  private cached: CachedWord[] = [];
  /** person and number of each rest label's FEATS (personNumber), 0 when it has none */
  private readonly restPN: Int8Array;
  /** 1 for a rest label of a present, subjunctive or imperative form, or of a participle */
  private readonly restPresent: Uint8Array;
  /** 1 for a rest label with Polarity=Neg */
  private readonly restNeg: Uint8Array;
  /** 1 for a rest label of a subjunctive (Mood=Sub, or Seraji's and iPerUDT's XPOS V_SUB) */
  private readonly restSubj: Uint8Array;
  /** 1 for a superlative rest label (Degree=Sup, or an XPOS of superlatives: ADJ_SUP, ADJ_AJSUP) */
  private readonly restSup: Uint8Array;
  /** per scheme and UPOS group: the local ids of the labels any scheme uses with this scheme's XPOS tags */
  private readonly sharedLocal: Int32Array[][];
  /** the UPOS ids of VERB and AUX (-1 when the model has none) */
  private readonly verbGroups: [number, number];
  /** the UPOS ids the corrections after stage 1 use (-1 when the model has none) */
  private readonly punct: number;
  private readonly det: number;
  private readonly pron: number;
  private readonly num: number;
  private readonly noun: number;
  private readonly sconj: number;
  private readonly cconj: number;
  private readonly adp: number;
  private readonly adj: number;
  private readonly propn: number;
  private readonly part: number;
  private readonly adv: number;
  /** per scheme: 1 where the clitic م may be هم, PART (iPerUDT: cliticHam) */
  private readonly hamClitic: Uint8Array;
  /** per scheme: 1 where a demonstrative or همه read as PRON before a noun is DET (iPerUDT: determinerBeforeNoun) */
  private readonly detBeforeNoun: Uint8Array;
  /** per scheme: 1 where a number in digits after a word whose number names it is NOUN (PerDT), 0 where NUM (numberAfterHead) */
  private readonly namedNumberNoun: Uint8Array;
  /** per scheme: 1 where چند is ADJ (Seraji: chandAdjective) */
  private readonly chandAdj: Uint8Array;
  /** per scheme: 1 where هستن and نیستن are VERB, not AUX (PerDT, Seraji: existentialVerb) */
  private readonly hastVerb: Uint8Array;
  /** per scheme: 1 where a participle with a person ending (شده‌ایم) takes the participle's label (Seraji: V_PP) */
  private readonly perfectPart: Uint8Array;
  /** per scheme: 1 where a bound stem typed apart from its host is X, goeswith (iPerUDT: boundStemApart) */
  private readonly goesWith: Uint8Array;
  /** the UPOS id of X (-1 when the model has none) */
  private readonly x: number;
  /**
   * per scheme: the local id (in the ADJ group) of Seraji's participle label ADJ_INO Number=Sing|Person=3|VerbForm=Part
   * where the scheme uses it and writes an adjective in شده so (Seraji only), else -1
   */
  private readonly participleAdj: Int32Array;
  /** 1 for the UPOS ids a Latin-script word may take (NOUN, PROPN) */
  private readonly latinOk: Uint8Array;
  /** 1 for the UPOS ids a number in digits may take (NUM, NOUN) */
  private readonly numberOk: Uint8Array;
  /** per scheme: 1 where که after حالی, وقتی ... is CCONJ (Seraji: keAfterNoun) */
  private readonly keAfterNounCconj: Uint8Array;
  /** the verb analysis (setVerbAnalysis), when the tagger has one */
  private analysis: VerbAnalysis | undefined;
  /** 1 for a rest label of a present, subjunctive or imperative form (not a participle) */
  private readonly restPresTense: Uint8Array;
  /** 1 for a rest label of a past form or a participle */
  private readonly restPastOrPart: Uint8Array;
  /** per rest label of a verb: the labels of its UPOS group with the same XPOS and the other polarity, closest first */
  private readonly negTwins: number[][];
  /** per scheme: 1 when its treebank marks every negative verb Polarity=Neg (PerDT, iPerUDT; not Seraji) */
  private readonly polarityScheme: Uint8Array;
  /** per scheme: 1 where the word after the future auxiliary is always the main verb (PerDT: afterFuture) */
  private readonly futureMainVerb: Uint8Array;
  /** per scheme: 1 where the progressive داشتن is AUX (progressiveHave; not Seraji's, whose data show no progressive) */
  private readonly progressiveScheme: Uint8Array;

  constructor(header: TaggerHeader, lex: LexiconData, t1: TableData, t2: TableData) {
    taggerParts(header, lex, t1, t2, 'new TaggerModel');
    this.header = header;
    this.lex = new Lexicon(lex);
    this.t1 = new WeightTable(t1);
    this.t2 = new WeightTable(t2);
    this.restXpos = header.rest.map((r) => {
      const x = r.split('\t')[0]!;
      return x === '_' || x === '' ? undefined : x;
    });
    this.restFeats = header.rest.map((r) => {
      const f = r.split('\t')[1] ?? '_';
      return f === '_' || f === '' ? undefined : f;
    });
    this.restPN = Int8Array.from(this.restFeats, (f) => personNumber(f));
    this.restPresent = Uint8Array.from(this.restFeats, (f) => (f !== undefined && /(?:^|\|)(?:Tense=Pres|Mood=Sub|Mood=Imp|VerbForm=Part)(?:\||$)/.test(f) ? 1 : 0));
    this.restSup = Uint8Array.from(header.rest, (r) => (/(?:^|\|)Degree=Sup(?:\||$)|^[A-Z_]*SUP\t/.test(r) ? 1 : 0));
    this.restNeg = Uint8Array.from(this.restFeats, (f) => (f !== undefined && /(?:^|\|)Polarity=Neg(?:\||$)/.test(f) ? 1 : 0));
    this.restSubj = Uint8Array.from(header.rest, (r) => (/^V_SUB\t|(?:\t|\|)Mood=Sub(?:\||$)/.test(r) ? 1 : 0));
    this.restPresTense = Uint8Array.from(this.restFeats, (f) => (f !== undefined && /(?:^|\|)(?:Tense=Pres|Mood=Sub|Mood=Imp)(?:\||$)/.test(f) ? 1 : 0));
    this.restPastOrPart = Uint8Array.from(this.restFeats, (f) => (f !== undefined && /(?:^|\|)(?:Tense=Past|VerbForm=Part)(?:\||$)/.test(f) ? 1 : 0));
    this.verbGroups = [header.upos.indexOf('VERB'), header.upos.indexOf('AUX')];
    [this.punct, this.det, this.pron, this.num, this.noun, this.sconj, this.cconj] = ['PUNCT', 'DET', 'PRON', 'NUM', 'NOUN', 'SCONJ', 'CCONJ'].map((u) => header.upos.indexOf(u)) as [number, number, number, number, number, number, number];
    [this.adp, this.adj, this.propn] = ['ADP', 'ADJ', 'PROPN'].map((u) => header.upos.indexOf(u)) as [number, number, number];
    this.latinOk = Uint8Array.from(header.upos, (u) => (u === 'NOUN' || u === 'PROPN' ? 1 : 0));
    this.numberOk = Uint8Array.from(header.upos, (u) => (u === 'NUM' || u === 'NOUN' ? 1 : 0));
    this.keAfterNounCconj = Uint8Array.from(header.schemes, (s) => (s === 'seraji' ? 1 : 0));
    [this.part, this.adv] = ['PART', 'ADV'].map((u) => header.upos.indexOf(u)) as [number, number];
    this.hamClitic = Uint8Array.from(header.schemes, (s) => (s === 'iperudt' ? 1 : 0));
    this.detBeforeNoun = Uint8Array.from(header.schemes, (s) => (s === 'iperudt' ? 1 : 0));
    this.namedNumberNoun = Uint8Array.from(header.schemes, (s) => (s === 'perdt' ? 1 : 0));
    this.chandAdj = Uint8Array.from(header.schemes, (s) => (s === 'seraji' ? 1 : 0));
    this.goesWith = Uint8Array.from(header.schemes, (s) => (s === 'iperudt' ? 1 : 0));
    this.perfectPart = Uint8Array.from(header.schemes, (s) => (s === 'seraji' ? 1 : 0));
    this.hastVerb = Uint8Array.from(header.schemes, (s) => (s === 'iperudt' ? 0 : 1));
    this.x = header.upos.indexOf('X');
    const ino = header.rest.findIndex((r, id) => header.restGroup[id] === this.adj && r === 'ADJ_INO\tNumber=Sing|Person=3|VerbForm=Part');
    this.polarityScheme = Uint8Array.from(header.schemes, (s) => (s === 'seraji' ? 0 : 1));
    this.futureMainVerb = Uint8Array.from(header.schemes, (s) => (s === 'perdt' ? 1 : 0));
    this.progressiveScheme = Uint8Array.from(header.schemes, (s) => (s === 'seraji' ? 0 : 1));
    // a label's twins: the labels of its group with the same XPOS, the other polarity, and the same other features
    // (diff 0) or one feature more or less (diff 1: PerDT's past plural negative has no label of its own, its
    // `V_ACT Number=Plur|Person=3|Polarity=Neg|Voice=Act` has no Tense)
    const featSet = (id: number): Set<string> => new Set((this.restFeats[id] ?? '').split('|').filter((x) => x !== '' && x !== 'Polarity=Neg'));
    const sets = header.rest.map((_, id) => featSet(id));
    this.negTwins = header.rest.map((_, id) => {
      if (header.restGroup[id] !== this.verbGroups[0] && header.restGroup[id] !== this.verbGroups[1]) return [];
      const out: [number, number][] = [];
      header.rest.forEach((__, t) => {
        if (header.restGroup[t] !== header.restGroup[id] || this.restNeg[t] === this.restNeg[id] || this.restXpos[t] !== this.restXpos[id]) return;
        let diff = 0;
        for (const f of sets[id]!) if (!sets[t]!.has(f)) diff++;
        for (const f of sets[t]!) if (!sets[id]!.has(f)) diff++;
        if (diff <= 1) out.push([diff, t]);
      });
      return out.sort((a, b) => a[0] - b[0] || a[1] - b[1]).map((x) => x[1]);
    });
    this.restLocal = new Int32Array(header.rest.length);
    this.groupRest = header.upos.map(() => []);
    header.restGroup.forEach((g, id) => {
      this.restLocal[id] = this.groupRest[g]!.length;
      this.groupRest[g]!.push(id);
    });
    this.cache = header.schemes.map(() => new Map());
    this.hist1 = header.schemes.map(() => []);
    this.hist2 = header.upos.map(() => []);
    this.boundary = header.schemes.map((_, tb) => this.scoresOf(boundaryInfo(tb), false));
    this.allowedLocal = header.allowedRest.map((byUpos) => byUpos.map((ids) => Int32Array.from(ids, (id) => this.restLocal[id]!)));
    this.participleAdj = Int32Array.from(header.schemes, (sc, tb) =>
      sc === 'seraji' && ino >= 0 && this.adj >= 0 && TaggerModel.has(this.allowedLocal[tb]![this.adj]!, this.restLocal[ino]!) ? this.restLocal[ino]! : -1,
    );
    // per scheme and group: every label of the group that some scheme uses with an XPOS this scheme uses too (the verb
    // checks below may need one its own data never had: Seraji has no past 1st singular V_PA, iPerUDT has)
    this.sharedLocal = header.allowedRest.map((byUpos) => {
      const xs = new Set(byUpos.flat().map((id) => this.restXpos[id]));
      return byUpos.map((_, g) => {
        const ids = new Set<number>();
        for (const other of header.allowedRest) for (const id of other[g] ?? []) if (xs.has(this.restXpos[id])) ids.add(id);
        return Int32Array.from([...ids].sort((a, b) => a - b), (id) => this.restLocal[id]!);
      });
    });
  }

  /** whether rest label `id` agrees with a verb form's checks (verbChecks) */
  private fits(id: number, checks: number): boolean {
    const want = checks & 7;
    return (
      (want === 0 || this.restPN[id] === want) &&
      ((checks & PAST) === 0 || this.restPresent[id] === 0) &&
      ((checks & NEVER_NEG) === 0 || this.restNeg[id] === 0) &&
      ((checks & PAST_STEM) === 0 || this.restPresTense[id] === 0) &&
      ((checks & PRESENT_STEM) === 0 || this.restPastOrPart[id] === 0) &&
      ((checks & IMPERFECTIVE) === 0 || this.restSubj[id] === 0)
    );
  }

  /**
   * Gives the tagger the lemmatizer's verb analysis (lemmatize's createVerbAnalysis), which tells a negative verb from a
   * stem in ن (نمی‌کنم, ننوشتند are negative, نوشتم is not) and a past stem from a present one: a verb's label must then
   * agree with it (see tagIds). Without one, only a form with no ن at all is known to be positive. Forgets the checks
   * of the words seen so far.
   */
  setVerbAnalysis(analysis: VerbAnalysis | undefined, nonVerb?: (form: string) => boolean, nonVerbLemma?: (form: string) => boolean): void {
    this.nonVerbLemma = nonVerbLemma;
    if (analysis === this.analysis && nonVerb === this.nonVerb) return;
    this.analysis = analysis;
    this.nonVerb = nonVerb;
    for (const m of this.cache) {
      for (const c of m.values()) {
        c.an = undefined;
        c.verb = undefined;
        c.nv = undefined;
      }
    }
  }
  /**
   * the lemma data's test of a form that is surely no verb (lemmatize's createNonVerbTest): stage 1 gives such a word
   * its best tag other than VERB and AUX (setVerbAnalysis sets it with the analysis)
   */
  private nonVerb: ((form: string) => boolean) | undefined;
  /**
   * the lemma data's test of a form the treebanks give as the lemma of a noun, adjective or other word that is no verb,
   * whatever the verb analysis reads in it (ساخت, خرید, پخت: createNonVerbTest without the analysis); see labelStem
   */
  private nonVerbLemma: ((form: string) => boolean) | undefined;

  /**
   * The progressive داشتن is an auxiliary (دارم می‌روم, داشتیم خونه رو مرتب می‌کردیم, داره میره): a finite form of داشتن
   * read as VERB becomes AUX when a verb in می (not negative) of the same tense follows it in its clause — before a
   * mark, a conjunction (که, و, تا ...) or another verb, at most seven words on — agreeing in person and number where
   * the verb analysis reads both. Stage 1 wrote VERB for 7 of the 10 such words in the held-out iPerUDT tail (all 10
   * AUX in the gold) and for none of PerDT's; the treebanks write داشتن + a verb in می AUX 48 times, VERB 27 (iPerUDT's
   * annotators disagree with themselves: داره درس میده VERB, داره میره AUX). Not in Seraji's scheme: its data have no
   * progressive to go by (applied there too, it changed one word of Seraji's validation text, from the gold VERB).
   */
  private progressiveHave(forms: readonly string[], upos: Int32Array, cached: CachedWord[], n: number): void {
    const [verb, aux] = this.verbGroups;
    if (verb < 0 || aux < 0) return;
    for (let i = 0; i < n; i++) {
      if (upos[i] !== verb || !PROGRESSIVE_HAVE.test(forms[i]!)) continue;
      const past = forms[i]!.startsWith('داشت');
      const a = this.analysisAt(cached[i]!, forms[i]!);
      const pn = (a >> VERB_PERSON_SHIFT) & 7;
      for (let j = i + 1; j < n && j <= i + 7; j++) {
        const f = forms[j]!;
        const u = upos[j]!;
        if (u === this.punct || CLAUSE_BOUNDARY.has(f)) break;
        if (u !== verb && u !== aux) continue;
        if (f.startsWith('می')) {
          const b = this.analysisAt(cached[j]!, f);
          const pnB = (b >> VERB_PERSON_SHIFT) & 7;
          if ((b & ANALYSED) !== 0 && (b & VERB_NEGATIVE) === 0 && (b & (past ? VERB_PAST_STEM : VERB_PRESENT_STEM)) !== 0 && (pn === 0 || pnB === 0 || pn === pnB)) upos[i] = aux;
        }
        break;
      }
    }
  }

  /**
   * In PerDT's scheme the passive شدن after a participle (داده شد, گذاشته شده, ساخته می‌شود) is VERB (XPOS AUX): all 34
   * such forms of its train part (its tail held out) after a participle tagged VERB; the model, which saw the early
   * slice's verbs as VERB or AUX, had written AUX for some. Seraji and iPerUDT write them AUX (12 and 10 of theirs).
   */
  private passiveAfterParticiple(forms: readonly string[], upos: Int32Array, n: number): void {
    const [verb, aux] = this.verbGroups;
    if (verb < 0 || aux < 0) return;
    for (let i = 1; i < n; i++) if (upos[i] === aux && upos[i - 1] === verb && SHODAN.test(forms[i]!) && PARTICIPLE_END.test(forms[i - 1]!)) upos[i] = verb;
  }

  /**
   * In PerDT's scheme the word after the future auxiliary is the main verb, بود too: VERB all 88 times in its train
   * range (خواهد کرد 30, خواهد شد 11, خواهد بود 3); stage 1 wrote AUX for two of the three خواهد بود of the held-out
   * PerDT tail. Seraji and iPerUDT write that بود AUX more often than not (8 of 10), so this is PerDT's only.
   */
  private afterFuture(forms: readonly string[], upos: Int32Array, n: number): void {
    const [verb, aux] = this.verbGroups;
    if (verb < 0 || aux < 0) return;
    for (let i = 0; i + 1 < n; i++) if (upos[i] === aux && upos[i + 1] === aux && FUTURE_AUX.test(forms[i]!)) upos[i + 1] = verb;
  }

  /**
   * ن + the bare present stem (نترس, نپرس) at the end of a clause — before a punctuation mark, و or the sentence's end — and
   * not after a noun, adjective or name it could qualify, is the negative imperative, no noun: the model, which never
   * saw نترس, read it from its stem ترس ("fear") as NOUN in نترس، من اینجام. Only where the verb analysis gives it the
   * negative present 2nd singular and nothing else, without the ی of the indicative (نکنی), and the treebanks give the
   * form as no lemma of another POS (نمک, a noun; nonVerbLemma). In the train ranges (PerDT slice, iPerUDT, gold tags
   * around) such a form in such a place is VERB once (نرو) and a treebank lemma of a noun 4 times (نمک, نخل, نروژ), left
   * out by that test; nothing else.
   */
  private negativeImperative(forms: readonly string[], upos: Int32Array, n: number): void {
    const { noun, adj, propn, punct, cconj } = this;
    const [verb] = this.verbGroups;
    if (noun < 0 || verb < 0 || this.analysis === undefined || this.nonVerbLemma === undefined) return;
    for (let i = 0; i < n; i++) {
      if (upos[i] !== noun) continue;
      const f = forms[i]!;
      if (f.length < 3 || f.charCodeAt(0) !== 0x0646 || f.charCodeAt(f.length - 1) === 0x06cc) continue;
      const next = i + 1 < n ? upos[i + 1]! : -1;
      if (next !== -1 && next !== punct && !(next === cconj && forms[i + 1] === 'و')) continue;
      const prev = i > 0 ? upos[i - 1]! : -1;
      if (prev === noun || prev === adj || prev === propn) continue;
      if (this.analysisOf(f) !== (ANALYSED | NEG_IMPERATIVE) || this.nonVerbLemma(f)) continue;
      upos[i] = verb;
    }
  }

  /**
   * A determiner needs a noun after it: one the tagger wrote DET right before a verb, an auxiliary or a mark (not an
   * opening one: این «...») is the pronoun (این است که, چه ؟, چه برسه, خدا را چه دیدی). The train ranges' gold has such a
   * DET 5 times in 1,133 (همان [, این «), PRON the rest, in all three treebanks.
   */
  private determinerAlone(forms: readonly string[], upos: Int32Array, n: number): void {
    const [verb, aux] = this.verbGroups;
    const { det, pron, punct } = this;
    if (det < 0 || pron < 0) return;
    for (let i = 0; i < n; i++) {
      if (upos[i] !== det) continue;
      const u = i + 1 < n ? upos[i + 1]! : -1;
      if (u === verb || u === aux || (u === punct && !OPENING_MARKS.has(forms[i + 1]!))) upos[i] = pron;
    }
  }

  /**
   * A unit of measure after a number in digits (۳۰۰ گرم, ۱/۲ پیمانه, ۲ بسته, ۵۰ میلی‌لیتر) is the noun the number counts:
   * the model read گرم as the adjective "warm", بسته as "closed", and guessed ADJ or PROPN for پیمانه, استکان,
   * میلی‌لیتر, and VERB for میلی‌گرم ending a line (آموکسی‌سیلین ۵۰۰ میلی‌گرم). In the train ranges' gold every unit after a number in digits is NOUN (درصد 32, متر 4, کیلومتر 2,
   * کیلوگرم, سانتیمتر, تن ...); an adjective there is a derived one (۲۰ ساله, ۵۳۱ کیلومتری, ۱۵۰۷ میلادی), none of
   * MEASURE_UNITS, or follows a number that names its noun (سال ۸۶ منتشر شد), as NUMBER_HEADS.
   */
  private unitAfterNumber(forms: readonly string[], upos: Int32Array, n: number): void {
    const { noun, adj, propn } = this;
    const [verb, aux] = this.verbGroups;
    if (noun < 0) return;
    for (let i = 0; i + 1 < n; i++) {
      const u = upos[i + 1]!;
      if ((u !== adj && u !== propn && u !== verb && u !== aux) || u < 0 || !MEASURE_UNITS.has(forms[i + 1]!) || !QUANTITY.test(forms[i]!)) continue;
      // (not after a number that names its noun: سال ۱۳۵۷ گرم بود, "the year 1357 was warm")
      if (i > 0 && isNumberHead(forms[i - 1]!)) continue;
      upos[i + 1] = noun;
    }
  }

  /**
   * A word whose number names it (NUMBER_HEADS: ماده ۱۰, بند ۲, سال ۱۳۵۷) before a number in digits is a noun: NOUN (or
   * PROPN, a month) all 79 times in the train ranges' gold. The model wrote ADJ for ماده ("female") after a designation
   * in brackets or quotes (بند «ب» ماده ۱۰, (الف) ماده ۵ این قانون).
   */
  private headBeforeNumber(forms: readonly string[], upos: Int32Array, n: number): void {
    const { noun, propn } = this;
    if (noun < 0) return;
    for (let i = 0; i + 1 < n; i++) {
      const u = upos[i]!;
      if (u !== noun && u !== propn && digitsOnly(forms[i + 1]!) && isNumberHead(forms[i]!)) upos[i] = noun;
    }
  }

  /**
   * A number word after a number in digits (۲۵ هزار, ۳ میلیارد) is part of the number: NUM, as the train ranges of PerDT,
   * Seraji and iPerUDT tag it (22 of 22; the early PerDT slice NOUN, 55 of 55). The model wrote PROPN for هزار there
   * (35 of the early slice's 35 with gold tokens, 8 of 9 in the raw train tails: ۲۵ هزار تومان); NUM and NOUN stay.
   * After a number in letters tagged NUM (ده هزار, سه میلیون) likewise, and from NOUN too: NUM all 12 times in those
   * train parts (their tails held out); the model wrote PROPN (ده هزار تومان, پنج هزار تومان) or NOUN there.
   */
  private numberWordAfterDigits(forms: readonly string[], upos: Int32Array, n: number): void {
    const { num, noun } = this;
    if (num < 0) return;
    for (let i = 0; i + 1 < n; i++) {
      const u = upos[i + 1]!;
      if (u === num || !LARGE_NUMBER_WORDS.has(forms[i + 1]!)) continue;
      if (QUANTITY.test(forms[i]!) ? u !== noun : upos[i] === num) upos[i + 1] = num;
    }
  }

  /**
   * The word after a number word of thousands or more (هزار, میلیون, میلیارد) tagged NUM is the noun it counts or a
   * conjunction, never a name: after such a word the train ranges' gold has NOUN 85 times, ADJ 3, NUM 2, و 39 and PROPN
   * none. The model wrote PROPN for واحد in ۴۵ هزار واحد (شاخص بورس ... ۴۵ هزار واحد افزایش یافت): PROPN → NOUN.
   */
  private nounAfterNumberWord(forms: readonly string[], upos: Int32Array, n: number): void {
    const { num, noun, propn } = this;
    if (num < 0 || noun < 0 || propn < 0) return;
    for (let i = 0; i + 1 < n; i++) {
      if (upos[i + 1] === propn && upos[i] === num && LARGE_NUMBER_WORDS.has(forms[i]!)) upos[i + 1] = noun;
    }
  }

  /**
   * A number in digits before a noun counts it (22 بهمن, 36 نفر, 3 ماه: NUM, nummod), unless a word that numbers take
   * as their head comes before it (سال 1357, ساعت 8, ماده 5: the number is the noun's name, NOUN in PerDT), nor when the
   * "noun" is digits too (a phone number written in groups, ۰۹۱۲ ۱۲۳ ۴۵۶۷). A decimal, a number in groups of
   * thousands or a fraction likewise (۲٫۵ میلیون, ۱۲٬۵۰۰ تومان, ۱/۲ پیمانه, ½ لیوان: the train ranges' two, 308/5 میلیون
   * and a decimal, are NUM; the model wrote NOUN for one at a sentence's start). The train
   * ranges' gold: digits before a noun NUM 46 times in PerDT, NOUN 5; the tagger wrote NOUN or PROPN for 5 such numbers
   * of the held-out PerDT tail (the early PerDT slice writes many such numbers NOUN).
   */
  private numberBeforeNoun(forms: readonly string[], upos: Int32Array, n: number): void {
    const { num, noun } = this;
    if (num < 0 || noun < 0) return;
    for (let i = 0; i + 1 < n; i++) {
      if (upos[i] === num || upos[i + 1] !== noun || !QUANTITY.test(forms[i]!) || digitsOnly(forms[i + 1]!)) continue;
      if (i > 0 && isNumberHead(forms[i - 1]!)) continue;
      upos[i] = num;
    }
  }

  /**
   * A number in digits after a word whose number names it (NUMBER_HEADS: سال ۱۹۸۲, بهمن ۵۷, ماده ۵) is NOUN in PerDT's
   * scheme and NUM in Seraji's and iPerUDT's: in the train parts (their tails held out) NOUN 49 times, NUM once in
   * PerDT's; NUM 7 of 7 in Seraji's, 4 of 4 in iPerUDT's. The model, with both conventions in its weights, wrote NOUN
   * for Seraji's سال ۱۹۸۲ and سال ۱۹۹۸ and NUM for PerDT's بهمن 57 in the tails. Only between the two tags.
   * So is a time or a date in digits (۱۴:۳۰, ۱۰:۲۳:۰۵, ۱۴۰۳/۰۸/۱۲, 2024-01-05), with or without a word that names it before
   * (ساعت ۱۰:۲۳): iPerUDT's train part writes its three times NUM (۱۱:۳۰, ۱:۳۰, ۴:۳۰); PerDT has no time in its train
   * part. The model, which has seen almost none, had written NOUN in all three schemes (the date in iPerUDT's and
   * Seraji's too).
   */
  private numberAfterHead(forms: readonly string[], upos: Int32Array, n: number, asNoun: boolean): void {
    const { num, noun } = this;
    if (num < 0 || noun < 0) return;
    const want = asNoun ? noun : num;
    for (let i = 0; i < n; i++) {
      const u = upos[i]!;
      if (u === want || (u !== num && u !== noun)) continue;
      const f = forms[i]!;
      if ((i > 0 && digitsOnly(f) && isNumberHead(forms[i - 1]!)) || (isAnyDigit(f.charCodeAt(0)) && TIME_OR_DATE.test(f))) upos[i] = want;
    }
  }

  /**
   * In PerDT's scheme an adjective in ی right after a name is part of the name (بانک مرکزی, میرزاجواد تبریزی, اروپای
   * باختری, جمهوری اسلامی): PROPN 66 times, ADJ 2 in PerDT's train part (its tail held out) after a PROPN; the model
   * wrote ADJ for 4 such words of the tail (and for 2 after a word it had wrongly read as a name). PerDT's scheme only:
   * iPerUDT writes such a word ADJ 3 times in 13 (قرآن جیبی, بهمن لعنتی), Seraji has no PROPN. Not a suffix ی after a
   * ZWNJ (the indefinite or ezafe ی of a word: کتاب‌ی).
   */
  private adjectiveInName(forms: readonly string[], upos: Int32Array, n: number): void {
    const { adj, propn } = this;
    if (adj < 0 || propn < 0) return;
    for (let i = 1; i < n; i++) if (upos[i] === adj && upos[i - 1] === propn && NISBA.test(forms[i]!)) upos[i] = propn;
  }

  /**
   * An ordinal typed after its noun (اول, دوم, سوم, پنجم: not دومین, which comes before it) follows a noun, never a
   * noun used as a preposition: a word the tagger wrote ADP before one is the noun (مورد اول, "the first item", at the
   * head of a list item was ADP + NOUN, مورد read as in مورد نظر), and the ordinal its adjective, unless the word is a
   * preposition proper, whose object the ordinal is (از اول, تا سوم). In the train ranges' gold an ordinal after a
   * NOUN is ADJ 105 times, NOUN 3; no ADP but a preposition proper stands before one.
   */
  private nounBeforeOrdinal(forms: readonly string[], upos: Int32Array, n: number): void {
    const { adp, noun, adj } = this;
    if (adp < 0 || noun < 0) return;
    for (let i = 0; i + 1 < n; i++) {
      if (upos[i] !== adp || !ORDINAL_AFTER.test(forms[i + 1]!) || PREPOSITIONS.has(forms[i]!)) continue;
      upos[i] = noun;
      if (upos[i + 1] === noun && adj >= 0) upos[i + 1] = adj;
    }
  }

  /**
   * An ordinal in letters read as a verb right before a copula or شدن (او دهم شد, نفر دهم بود, بیستم شد): دهم and نهم are
   * also present forms (دهم "I give", نهم "I put") and بیستم "I am twenty", but a finite verb never stands right before
   * the copula or شدن, so the ordinal is the predicate: NOUN, as PerDT writes it (دوم شد, NOUN root with شد its cop; the
   * early slice's اول شد, سوم شدند, NOUN: 4 of 4 ordinals before شدن in the train ranges, none a verb); after a noun it
   * is that noun's adjective, ADJ, as nounBeforeOrdinal counts (قرن بیستم است, نفر دهم بود). The verb reading stays
   * everywhere else (پایان دهم, نشان دهم که: iPerUDT's ناله سر دهم.).
   */
  private ordinalBeforeCopula(forms: readonly string[], upos: Int32Array, n: number): void {
    const { noun, adj } = this;
    const [verb, aux] = this.verbGroups;
    if (noun < 0 || adj < 0 || verb < 0) return;
    for (let i = 0; i + 1 < n; i++) {
      if ((upos[i] !== verb && upos[i] !== aux) || !ORDINAL_AFTER.test(forms[i]!)) continue;
      const g = upos[i + 1];
      if ((g === verb || g === aux) && COPULA_OR_SHODAN.test(forms[i + 1]!)) upos[i] = i > 0 && upos[i - 1] === noun ? adj : noun;
    }
  }

  /**
   * PerDT: an ordinal that names the day before a month's name (سوم بهمن‌ماه, and digits with an ordinal suffix, ۲۱ام
   * فروردین, which the model reads as سوم: ordinalStandIn) is a noun, the head of the date, as the early PerDT slice
   * writes all 5 of its own (اول دی‌ماه, سوم بهمن‌ماه, پنجم اردیبهشت: NOUN, the month its ezafe dependent); the model
   * wrote ADJ, and the date fell out of its noun phrase. Not after a noun, whose adjective the ordinal may be (روز اول
   * تیر: ADJ, PerDT's train range's one such date).
   */
  private ordinalBeforeMonth(forms: readonly string[], upos: Int32Array, n: number): void {
    const { noun, propn } = this;
    if (noun < 0) return;
    for (let i = 0; i + 1 < n; i++) {
      if (upos[i] === noun || !ORDINAL_AFTER.test(forms[i]!) || !MONTH_NAME.test(forms[i + 1]!)) continue;
      if (i > 0 && (upos[i - 1] === noun || upos[i - 1] === propn)) continue;
      upos[i] = noun;
    }
  }

  /**
   * An era written after a year, in one letter with its dot or without (۱۹۵۰ م., ۱۷۸۶ م, ۱۴۴۵ ق, ۱۳۵۷ ش.) or dotted in
   * two (ه.ق., ه.ش., ق.م.), is the adjective it stands for (میلادی, قمری, شمسی), ADJ as the treebanks' one such word (م.
   * in PerDT) — the model had read م as the pronoun من, ق as AUX and م. as VERB (سال ۱۹۵۰ م. بود).
   */
  private eraAfterYear(forms: readonly string[], upos: Int32Array, n: number): void {
    const { adj } = this;
    if (adj < 0) return;
    for (let i = 1; i < n; i++) {
      const f = forms[i]!;
      // (a letter without its dot after a year of four digits only: ۱۲۰ م is also 120 metres)
      if (ERA.test(f) && YEAR.test(forms[i - 1]!) && (f.length > 1 || forms[i - 1]!.length === 4)) upos[i] = adj;
    }
  }

  /**
   * A bare past stem between the noun that opens a sentence and a colon, when no verb follows the colon, is a label's
   * short infinitive (the مصدر مرخم, a noun): زمان پخت: ۳۰ دقیقه, تاریخ ساخت: ۱۴۰۲, قیمت خرید: ۲۰ هزار تومان — the
   * model read پخت and ساخت as VERB (the root). Only a stem the treebanks also give as the lemma of a word that is no
   * verb (nonVerbLemma: ساخت, خرید, پخت; not گفت, افزود), and only when what follows the colon has no verb: a speaker and
   * a verb of saying open a quotation, which has one (معاویه گفت: ..., مهاجرانی افزود: ...), a label a value. In the
   * train ranges' gold no sentence opens with a noun + such a stem + a colon (the 14 that open with a noun + a verb +
   * a colon have گفت or افزود). Not a light verb, whose noun is its non-verbal part (فریاد کرد: مروان!, "cried"): the
   * stems that head a compound:lvc in a third or more of their VERB uses in the train ranges' gold (LABEL_NOT_STEMS:
   * نمود 0.92, کرد 0.86, داد 0.79, برد 0.60, خورد 0.46, نهاد 0.45, آمد 0.34; ساخت 0.14, خرید and پخت 0), nor a verb of
   * saying or writing, which opens a quotation (روزنامه نوشت: ...). In the raw text of the train parts (31k lines,
   * 156 sentences of a word + a word + a colon) it fired once without these, on فریاد کرد, and fires on none with them.
   */
  private labelStem(forms: readonly string[], upos: Int32Array, n: number): void {
    const { noun, punct } = this;
    const [verb, aux] = this.verbGroups;
    if (noun < 0 || verb < 0 || this.analysis === undefined || this.nonVerbLemma === undefined) return;
    // (after list marks only: - زمان پخت:)
    let i = 0;
    while (i < n && upos[i] === punct) i++;
    if (i + 2 >= n || upos[i] !== noun || (upos[i + 1] !== verb && upos[i + 1] !== aux) || forms[i + 2] !== ':') return;
    for (let j = i + 3; j < n; j++) if (upos[j] === verb || upos[j] === aux) return;
    const stem = forms[i + 1]!;
    const a = this.analysisOf(stem);
    if ((a & VERB_PAST_STEM) === 0 || (a & VERB_NEGATIVE) !== 0 || LABEL_NOT_STEMS.has(stem) || !this.nonVerbLemma(stem)) return;
    upos[i + 1] = noun;
  }

  /**
   * Seraji writes the که of a conjunction made with a noun (در حالی که, وقتی که, طوری که, چنان که, هنگامی که) CCONJ: 12
   * of 12 times in its train range (PerDT and iPerUDT: SCONJ); the tagger, with the other schemes' SCONJ in its weights,
   * wrote SCONJ for the 7 of the held-out Seraji tail. Not after زمانی (تا زمانی که: SCONJ there).
   */
  private keAfterNoun(forms: readonly string[], upos: Int32Array, n: number): void {
    const { sconj, cconj } = this;
    if (sconj < 0 || cconj < 0) return;
    for (let i = 1; i < n; i++) if (upos[i] === sconj && forms[i] === 'که' && KE_CONJUNCTION_NOUNS.has(forms[i - 1]!)) upos[i] = cconj;
  }

  /**
   * The clitic م that ends a multi-word token after a pronoun (منم, اینم, after another clitic: استادمونم, موهامم) or an
   * adverb (بازم, الانم, شایدم) is no possessive "my" (خودم, the reflexive, is): it is هم, "too" (PART), or the copula
   * "am" (AUX: اینجام, منم "it is I", before a full stop). In iPerUDT's train part (its tail held out) such a م is PART 49
   * times, AUX 12 (6 of them before a mark, where PART never is) and the possessive 3; the model had read some as the
   * possessive, the most frequent م (ولی الانم کتاب رو خوندم): that reading becomes PART, the copula stays.
   */
  private cliticHam(forms: readonly string[], mwt: ArrayLike<number>, upos: Int32Array, n: number): void {
    const { part, pron, adv } = this;
    if (part < 0 || pron < 0) return;
    for (let i = 1; i < n; i++) {
      if (mwt[i] !== 3 || forms[i] !== 'م' || upos[i] !== pron) continue;
      const h = upos[i - 1]!;
      const m = mwt[i - 1]!;
      if ((h === pron && (m === 2 || (m === 1 && !REFLEXIVES.has(forms[i - 1]!)))) || (h === adv && m === 1)) upos[i] = part;
    }
  }

  /**
   * In iPerUDT's scheme a demonstrative or همه read as a pronoun right before a noun is its determiner (همه کلاسا رو,
   * مثل همه فرزندان, از اون آدما): DET 441 times, PRON 12 in iPerUDT's train part (its tail held out) for این, اون, آن,
   * همه, همین, همون before a NOUN not followed by a verb; the model wrote PRON for 9 of the tail's, 7 of them DET in the
   * gold. Not before a noun that a verb follows, the non-verbal part of a compound verb (همه فرار می‌کنند: PRON, the
   * subject). Not in PerDT's and Seraji's schemes: PerDT writes همه NOUN (18 of 21 before a noun), and after a
   * preposition آن is often the pronoun, its object (به آن استناد کرده بودند: PRON; 6 of the formal tails' 7).
   */
  private determinerBeforeNoun(forms: readonly string[], upos: Int32Array, n: number): void {
    const { pron, det, noun } = this;
    const verb = this.verbGroups[0];
    if (pron < 0 || det < 0 || noun < 0) return;
    for (let i = 0; i + 1 < n; i++) {
      if (upos[i] !== pron || upos[i + 1] !== noun || !DETERMINERS_BEFORE_NOUN.has(forms[i]!)) continue;
      if (i + 2 < n && upos[i + 2] === verb) continue;
      upos[i] = det;
    }
  }

  /**
   * A word the tagger wrote ADV right before the object marker (را, chat's رو) is the object, a noun: امشب رو بنویسم,
   * شام دیشب رو (the model read امشب, دیشب as adverbs of time). In the train parts (their tails held out) a word before
   * the object marker is ADV 4 times in some 1,100 (کجاها رو twice: the question word stays ADV), NOUN or PRON almost
   * always; in the tails the rule fixed 2 words of iPerUDT's and changed none of PerDT's or Seraji's.
   */
  private adverbAsObject(forms: readonly string[], upos: Int32Array, n: number): void {
    const { adv, noun, adp, part } = this;
    if (adv < 0 || noun < 0) return;
    for (let i = 0; i + 1 < n; i++) {
      const u = upos[i + 1]!;
      if (upos[i] === adv && OBJECT_MARKERS.has(forms[i + 1]!) && (u === adp || u === part) && !forms[i]!.startsWith('کجا')) upos[i] = noun;
    }
  }

  /**
   * Seraji writes چند ("a few", "how many") ADJ: once in its train part, 5 of 5 in its held-out tail (چند نفر, چند
   * صندوق, چند ساعت بعد), where the model, with PerDT's and iPerUDT's DET (20 and 49 times in theirs) in its weights,
   * wrote DET or NUM. A DET or NUM reading becomes ADJ in Seraji's scheme only.
   */
  private chandAdjective(forms: readonly string[], upos: Int32Array, n: number): void {
    const { adj, det, num } = this;
    if (adj < 0) return;
    for (let i = 0; i < n; i++) if (forms[i] === 'چند' && (upos[i] === det || upos[i] === num)) upos[i] = adj;
  }

  /**
   * A bound stem that makes a compound with the word before it (BOUND_STEMS: مصرف کننده, پیش نویس, نرم افزار, غبار
   * آلود, پس انداز), typed apart from it as chat often does, is iPerUDT's X (goeswith, the second part of a word typed
   * apart): 9 of 9 such words of iPerUDT's train part (its tail held out; کننده, پذیر, نشین, آفرین ...); the model, which
   * reads each part as a word, wrote NOUN or VERB. Not after a mark (no host). PerDT and Seraji have no such split words.
   */
  private boundStemApart(forms: readonly string[], upos: Int32Array, n: number): void {
    const { x, punct } = this;
    if (x < 0) return;
    for (let i = 1; i < n; i++) if (upos[i - 1] !== punct && BOUND_STEMS.has(forms[i]!)) upos[i] = x;
  }

  /**
   * A word read as ADV right before the copula (an AUX that is no modal nor the future or progressive auxiliary: است,
   * بود, نباشید, ه) whose second reading is ADJ is a predicative adjective: تنها نباشید, اگه تنها بودید. In the train
   * parts (their tails held out) a word that is also an adjective is ADJ before the copula 507 times and ADV never; the
   * 13 ADV there are question words and adverbs of place or time with no adjective reading (کجا, اینجا, هرگز, همیشه),
   * which stage 1 does not score second as ADJ.
   */
  private predicativeAdjective(forms: readonly string[], upos: Int32Array, runnerUp: Int32Array, n: number): void {
    const { adv, adj } = this;
    const aux = this.verbGroups[1];
    if (adv < 0 || adj < 0 || aux < 0) return;
    for (let i = 0; i + 1 < n; i++) {
      if (upos[i] === adv && runnerUp[i] === adj && upos[i + 1] === aux && !NOT_COPULA.test(forms[i + 1]!)) upos[i] = adj;
    }
  }

  /**
   * A word read as VERB right after a degree adverb (خیلی, بسیار, کاملاً: DEGREE_ADVERBS) whose second reading is ADJ and
   * which the treebanks give as the lemma of a non-verb (nonVerbLemma) is that adjective: خیلی نرم, where the verb
   * analysis also reads نرم as ن + رم (نروم, "I don't go") and the model, with no noun before it, took the verb.
   * A degree adverb qualifies an adjective or an adverb far more than a verb: in the train ranges' gold (PerDT, Seraji,
   * iPerUDT train, the early PerDT slice) the word after one is ADJ 98 times, NOUN 48, ADP 22, ADV 17, VERB 5 (رفتم,
   * می‌خوره, میفهمیم, می‌ارزه, داشته: no non-verb's lemma; the tagger reads all 5 VERB, before and after this rule,
   * which changes no tag of those ranges).
   */
  private adjectiveAfterDegree(forms: readonly string[], upos: Int32Array, runnerUp: Int32Array, n: number): void {
    const { adj } = this;
    const verb = this.verbGroups[0];
    if (adj < 0 || verb < 0 || this.nonVerbLemma === undefined) return;
    for (let i = 1; i < n; i++) {
      if (upos[i] === verb && runnerUp[i] === adj && DEGREE_ADVERBS.has(forms[i - 1]!) && this.nonVerbLemma(forms[i]!)) upos[i] = adj;
    }
  }

  /**
   * An ordinal in مین made of a number word (دومین, پانزدهمین, نهصدمین, چندمین) is an adjective, ADJ: 21 of 22 such
   * words in the train parts (their tails held out; one چهاردهمین NUM in Seraji's); the model had read the rarer ones
   * (ششمین, پانزدهمین) as NUM or NOUN. Ordinals in م (ششم) are left to the model: iPerUDT writes یکم ADV.
   */
  private ordinalAdjective(forms: readonly string[], upos: Int32Array, n: number): void {
    const { adj } = this;
    if (adj < 0) return;
    for (let i = 0; i < n; i++) if (upos[i] !== adj && ORDINAL_MIN.test(forms[i]!)) upos[i] = adj;
  }

  /**
   * PerDT and Seraji write every finite form of هستن and نیستن (هستم, هستید, هستند, نیست, نیستی) VERB, as copula or
   * as "there is": 47 of 47 in their train parts (their tails held out; one هستی more is the noun "existence"), where
   * iPerUDT writes them AUX (134 of 136, the other two nouns). The model, with iPerUDT's AUX in its weights, read a
   * PerDT هستیم, هستید as AUX: an AUX reading of such a form becomes VERB in those two schemes.
   */
  private existentialVerb(forms: readonly string[], upos: Int32Array, n: number): void {
    const [verb, aux] = this.verbGroups;
    if (verb < 0 || aux < 0) return;
    for (let i = 0; i < n; i++) if (upos[i] === aux && HAST_FINITE.test(forms[i]!)) upos[i] = verb;
  }

  /**
   * The modal باید in its literary forms (می‌باید, نمی‌باید, بایستی, می‌بایست, می‌بایستی) is the modal auxiliary, AUX, as
   * باید is (97 of 97 in the train parts, their tails held out) and as they are the three times they occur there
   * (بایستی twice in Seraji's, می‌بایستی once in PerDT's); the model read two of the four می‌باید of Seraji's tail as a
   * present VERB. A VERB reading becomes AUX; its label is then one with no person (the modal's V_MODL or V_AUX), not
   * a finite verb's, Mood=Ind where the scheme has one (Seraji). Not بایست alone, the imperative "stop!".
   */
  private modalAux(forms: readonly string[], upos: Int32Array, n: number): void {
    const [verb, aux] = this.verbGroups;
    if (verb < 0 || aux < 0) return;
    for (let i = 0; i < n; i++) if (upos[i] === verb && MODAL_FORMS.has(forms[i]!)) upos[i] = aux;
  }

  /** the verb analysis of a form: its bits + ANALYSED, or 0 when there is none (no analysis, or no reading) */
  private analysisOf(form: string): number {
    const a = this.analysis?.(form);
    return a === undefined ? 0 : a | ANALYSED;
  }

  /** analysisOf a cached word's form, kept on the word */
  private analysisAt(c: CachedWord, form: string): number {
    return (c.an ??= this.analysisOf(form));
  }

  /**
   * verbChecks of a form, and what its analysis says: only past readings (می‌کرد, نکرده) take no present,
   * subjunctive or imperative label, only present ones (نکن, می‌روم) no past or participle label; the person and
   * number the ending gives in every reading (بزند 3rd singular, نمی‌یابند 3rd plural, نکن 2nd singular) decide
   */
  private checksOf(c: CachedWord, form: string): number {
    let bits = verbChecks(form);
    if (this.analysis !== undefined) {
      const a = this.analysisAt(c, form);
      const past = (a & VERB_PAST_STEM) !== 0;
      const present = (a & VERB_PRESENT_STEM) !== 0;
      if (past && !present) bits |= PAST_STEM;
      else if (present && !past) bits |= PRESENT_STEM;
      // the person and number every reading's ending gives, where the form's last letter alone does not decide
      const pn = (a >> VERB_PERSON_SHIFT) & 7;
      if (pn !== 0 && (bits & 7) === 0) bits |= pn;
    }
    return bits;
  }

  /** whether the local id `local` of a label is among `list` */
  private static has(list: Int32Array, local: number): boolean {
    for (let j = 0; j < list.length; j++) if (list[j] === local) return true;
    return false;
  }

  /** the local id (in `list`) of the best-scoring label that fits `checks`, or -1 */
  private bestFitting(list: Int32Array, group: number[], scores: Float64Array, checks: number): number {
    let b = -1;
    for (let j = 0; j < list.length; j++) if (this.fits(group[list[j]!]!, checks) && (b < 0 || scores[list[j]!]! > scores[b]!)) b = list[j]!;
    return b;
  }

  /**
   * The stage 1 scores of a word laid out as CachedWord.sc (`intrinsic`: with those of its intrinsic features; the
   * boundary has none). The role keys are dropped from `info` once summed: nothing reads them again.
   */
  private scoresOf(info: WordInfo, intrinsic: boolean): Float64Array {
    const nU = this.header.upos.length;
    const sc = new Float64Array(5 * nU);
    if (intrinsic) {
      const s1 = sc.subarray(0, nU);
      for (let k = 0; k < info.k1.length; k++) this.t1.add(info.k1[k]!, info.k2[k]!, s1);
    }
    info.roleK1.forEach((a, r) => {
      const v = sc.subarray((r + 1) * nU, (r + 2) * nU);
      const b = info.roleK2[r]!;
      for (let k = 0; k < a.length; k++) this.t1.add(a[k]!, b[k]!, v);
    });
    info.roleK1 = [];
    info.roleK2 = [];
    return sc;
  }

  /** Index of a tag-history value (a UPOS id or BOUNDARY) in the tabulated scores. */
  private tagIndex(t: number): number {
    return t === BOUNDARY ? this.header.upos.length : t;
  }

  private history1(tb: number, p1: number, p2: number): Float64Array {
    const k = this.tagIndex(p1) * (this.header.upos.length + 1) + this.tagIndex(p2);
    let v = this.hist1[tb]![k];
    if (v === undefined) {
      v = new Float64Array(this.header.upos.length);
      stage1TagKeys(p1, p2, tb, this.dyn);
      for (let j = 0; j < STAGE1_TAG_KEYS; j++) this.t1.add(this.dyn[2 * j]!, this.dyn[2 * j + 1]!, v);
      this.hist1[tb]![k] = v;
    }
    return v;
  }

  private history2(g: number, um1: number, up1: number): Float64Array {
    const k = this.tagIndex(um1) * (this.header.upos.length + 1) + this.tagIndex(up1);
    let v = this.hist2[g]![k];
    if (v === undefined) {
      v = new Float64Array(this.groupRest[g]!.length);
      stage2TagKeys(um1, up1, this.dyn);
      for (let j = 0; j < STAGE2_TAG_KEYS; j++) this.t2.add(groupK1(this.dyn[2 * j]!, g + 1), groupK2(this.dyn[2 * j + 1]!, g + 1), v);
      this.hist2[g]![k] = v;
    }
    return v;
  }

  get schemes(): string[] {
    return this.header.schemes;
  }

  schemeId(scheme: string | undefined): number {
    if (scheme === undefined) return 0;
    const i = this.header.schemes.indexOf(scheme);
    if (i < 0) throw new DabirError('E_BAD_OPTION', `tagger scheme cannot be ${showValue(scheme)}`, `use one of: ${this.header.schemes.map((s) => JSON.stringify(s)).join(', ')}`);
    return i;
  }

  /**
   * Tags one sentence given as word forms (with multi-word token positions: 0 single, 1 first, 2 middle, 3 last part,
   * and each part's token form). Returns UPOS ids and stage 2 label ids (global; -1 if none).
   * `extra` (optional, n × UPOS count, in the units of the stage 1 table) is added to the stage 1 scores of each word.
   * `ner` (per word: nerCode of its token's named-entity label) is read by a model trained with those labels
   * (header.nerTypes); without it such a model tags as if the recognizer had no opinion.
   */
  tagIds(forms: readonly string[], mwt: ArrayLike<number>, tokForms: readonly string[], tb: number, upos: Int32Array, rest: Int32Array, extra?: Float64Array, ner?: ArrayLike<number>): void {
    checkTagIds(this.cache.length, forms, mwt, tokForms, tb, upos, rest, extra, ner);
    if (extra === null) extra = undefined; // (null, as from JSON: none)
    if (ner === null) ner = undefined;
    const n = forms.length;
    const cache = this.cache[tb]!;
    if (this.runnerUp.length < n) this.runnerUp = new Int32Array(2 * n);
    const runnerUp = this.runnerUp;
    const nU = this.header.upos.length;
    const words = this.words;
    const cached = this.cached;
    words.length = n;
    cached.length = n;
    for (let i = 0; i < n; i++) {
      const f = forms[i]!;
      let c = cache.get(f);
      if (c === undefined) {
        const info = wordInfo(f, tb, this.lex);
        c = { info, sc: this.scoresOf(info, true), s2: [], mark: PUNCT_ONLY.test(f), only: this.restrictOf(f) };
        if (cache.size >= CACHE_MAX) cache.clear();
        cache.set(f, c);
      }
      cached[i] = c;
      words[i] = c.info;
    }
    const sf = this.sf;
    sf.compute(words, mwt, tokForms, tb, this.lex, this.header.nerTypes ? (ner ?? this.noNer(n)) : undefined);
    const scores = this.scores;
    const dyn = this.dyn;
    const allowed = this.header.allowedUpos[tb]!;
    const alias = this.header.uposAlias[tb]!;
    const { k1, k2, start } = sf;
    const t1 = this.t1;
    const bka = this.bka;
    const bkb = this.bkb;
    let p1 = BOUNDARY;
    let p2 = BOUNDARY;
    const bd = this.boundary[tb]!;
    const nU1 = nU;
    for (let i = 0; i < n; i++) {
      const s0 = cached[i]!.sc;
      const m1 = i > 0 ? cached[i - 1]!.sc : bd;
      const q1 = i + 1 < n ? cached[i + 1]!.sc : bd;
      const m2 = i > 1 ? cached[i - 2]!.sc : bd;
      const q2 = i + 2 < n ? cached[i + 2]!.sc : bd;
      for (let j = 0; j < nU1; j++) scores[j] = s0[j]! + (m1[nU1 + j]! + q1[2 * nU1 + j]! + m2[3 * nU1 + j]! + q2[4 * nU1 + j]!);
      const h = this.history1(tb, p1, p2);
      for (let j = 0; j < nU1; j++) scores[j] += h[j]!;
      // the context keys of both stages and of stage 1, and the dynamic keys, looked up in one batch
      let nb = 0;
      for (let k = start[i]!, e = sf.aEnd[i]!; k < e; k++, nb++) {
        bka[nb] = k1[k]!;
        bkb[nb] = k2[k]!;
      }
      for (let k = sf.bEnd[i]!, e = start[i + 1]!; k < e; k++, nb++) {
        bka[nb] = k1[k]!;
        bkb[nb] = k2[k]!;
      }
      const nd = stage1WordKeys(sf, i, p1, dyn, 0);
      for (let k = 0; k < nd; k++, nb++) {
        bka[nb] = dyn[2 * k]!;
        bkb[nb] = dyn[2 * k + 1]!;
      }
      t1.addBatch(bka, bkb, nb, scores);
      if (extra !== undefined) for (let j = 0; j < nU1; j++) scores[j] += extra[i * nU1 + j]!;
      let best = allowed[0]!;
      for (let j = 1; j < allowed.length; j++) if (scores[allowed[j]!]! > scores[best]!) best = allowed[j]!;
      let out = alias[best]!;
      // the runner-up (another tag after the scheme's aliases), for the corrections below
      let second = -1;
      for (let j = 0; j < allowed.length; j++) {
        const u = allowed[j]!;
        if (alias[u] !== out && (second < 0 || scores[u]! > scores[second]!)) second = u;
      }
      runnerUp[i] = second < 0 ? -1 : alias[second]!;
      // the future auxiliary never takes می / نمی: a prefixed form of خواستن is the verb "want" (نمی‌خواهیم, میخوام);
      // nor does any auxiliary but the modal توانستن, شدن and بودن (می‌توان, میشه, نمی‌باشیم): every prefixed AUX of the
      // train ranges is one of them (10 توان, 1 شه, 1 باشیم), and a prefixed form of another verb is VERB (chat's
      // نمی‌دونم had been AUX)
      if (out === this.verbGroups[1] && this.verbGroups[0] >= 0 && PREFIXED.test(forms[i]!) && (PREFIXED_KHAH.test(forms[i]!) || !PREFIXED_AUX.test(forms[i]!))) out = this.verbGroups[0];
      // a word made only of punctuation marks is PUNCT, as every such word of the treebanks but a few slips (٬ SCONJ in
      // iPerUDT): marks they never show (* # • — § { } _ ٪) had been read as NOUN, VERB or ADJ from their neighbours
      if (cached[i]!.mark && this.punct >= 0) out = this.punct;
      // a Latin-script word or a number in digits takes one of its few tags (restrictOf), the best of them
      else {
        const only = cached[i]!.only;
        if (only !== undefined && only[out] !== 1) {
          const b = bestAllowedWhere(allowed, alias, scores, (u) => only[u] === 1);
          if (b >= 0) out = b;
        }
      }
      // a word the lemma data knows as no verb (createNonVerbTest: بعد, هنوز) is not made one by its context (a
      // sentence-final word before a full stop, بعد.): its best other tag
      // a form shaped as no word (ببببب, a key held down; ب. or ب.ظ, an abbreviation) is no verb either
      if ((out === this.verbGroups[0] || out === this.verbGroups[1]) && (this.nonVerb !== undefined || NO_WORD_SHAPE.test(forms[i]!))) {
        const c = cached[i]!;
        if ((c.nv ??= NO_WORD_SHAPE.test(forms[i]!) || this.nonVerb!(forms[i]!))) {
          const [verb, aux] = this.verbGroups;
          const b = bestAllowedWhere(allowed, alias, scores, (u) => u !== verb && u !== aux);
          if (b >= 0) out = b;
        }
      }
      upos[i] = out;
      p2 = p1;
      p1 = out;
    }
    if (this.analysis !== undefined && this.progressiveScheme[tb] === 1) this.progressiveHave(forms, upos, cached, n);
    if (this.futureMainVerb[tb] === 1) this.afterFuture(forms, upos, n);
    // (PerDT's scheme too)
    if (this.futureMainVerb[tb] === 1) this.passiveAfterParticiple(forms, upos, n);
    this.determinerAlone(forms, upos, n);
    this.unitAfterNumber(forms, upos, n);
    this.numberWordAfterDigits(forms, upos, n);
    this.nounAfterNumberWord(forms, upos, n);
    this.headBeforeNumber(forms, upos, n);
    this.numberBeforeNoun(forms, upos, n);
    this.numberAfterHead(forms, upos, n, this.namedNumberNoun[tb] === 1);
    if (this.namedNumberNoun[tb] === 1) this.adjectiveInName(forms, upos, n);
    this.nounBeforeOrdinal(forms, upos, n);
    this.ordinalBeforeCopula(forms, upos, n);
    if (this.namedNumberNoun[tb] === 1) this.ordinalBeforeMonth(forms, upos, n);
    this.eraAfterYear(forms, upos, n);
    this.labelStem(forms, upos, n);
    if (this.keAfterNounCconj[tb] === 1) this.keAfterNoun(forms, upos, n);
    if (this.hamClitic[tb] === 1) this.cliticHam(forms, mwt, upos, n);
    if (this.detBeforeNoun[tb] === 1) this.determinerBeforeNoun(forms, upos, n);
    this.adverbAsObject(forms, upos, n);
    if (this.chandAdj[tb] === 1) this.chandAdjective(forms, upos, n);
    if (this.goesWith[tb] === 1) this.boundStemApart(forms, upos, n);
    this.predicativeAdjective(forms, upos, runnerUp, n);
    this.adjectiveAfterDegree(forms, upos, runnerUp, n);
    this.ordinalAdjective(forms, upos, n);
    if (this.hastVerb[tb] === 1) this.existentialVerb(forms, upos, n);
    this.modalAux(forms, upos, n);
    this.negativeImperative(forms, upos, n);
    const t2 = this.t2;
    let r1 = REST_BOUNDARY;
    for (let i = 0; i < n; i++) {
      const g = upos[i]!;
      const cands = this.allowedLocal[tb]![g]!;
      const group = this.groupRest[g]!;
      let id: number;
      if (cands.length === 0) id = this.header.fallbackRest[g] ?? -1;
      else if (cands.length === 1) id = group[cands[0]!]!;
      else {
        const gg = g + 1;
        const c = cached[i]!;
        let s2 = c.s2[g];
        if (s2 === undefined) {
          s2 = new Float64Array(group.length);
          const { k1: a, k2: b } = c.info;
          for (let k = 0; k < a.length; k++) t2.add(groupK1(a[k]!, gg), groupK2(b[k]!, gg), s2);
          c.s2[g] = s2;
        }
        scores.set(s2);
        const h = this.history2(g, i > 0 ? upos[i - 1]! : BOUNDARY, i + 1 < n ? upos[i + 1]! : BOUNDARY);
        for (let j = 0; j < h.length; j++) scores[j] += h[j]!;
        let nb = 0;
        for (let k = start[i]!, e = sf.bEnd[i]!; k < e; k++, nb++) {
          bka[nb] = groupK1(k1[k]!, gg);
          bkb[nb] = groupK2(k2[k]!, gg);
        }
        const nd = stage2OtherKeys(sf, i, upos, r1, dyn, 0);
        for (let k = 0; k < nd; k++, nb++) {
          bka[nb] = groupK1(dyn[2 * k]!, gg);
          bkb[nb] = groupK2(dyn[2 * k + 1]!, gg);
        }
        t2.addBatch(bka, bkb, nb, scores);
        let best = cands[0]!;
        for (let j = 1; j < cands.length; j++) if (scores[cands[j]!]! > scores[best]!) best = cands[j]!;
        // a verb's form rules out some labels (endingPersonNumber, pastShaped, a negative without ن, and with the verb
        // analysis the tense of its stem: checksOf): when the best label is one of them, the best that fits — of the
        // scheme's own labels, else of those another scheme uses with the same XPOS tags (Seraji's data has no past
        // 1st singular V_PA), else one with the right person only
        if (g === this.verbGroups[0] || g === this.verbGroups[1]) {
          const checks = (c.verb ??= this.checksOf(c, forms[i]!));
          if (checks !== 0 && !this.fits(group[best]!, checks)) {
            let agree = this.bestFitting(cands, group, scores, checks);
            if (agree < 0) agree = this.bestFitting(this.sharedLocal[tb]![g]!, group, scores, checks);
            // none at all: one with the right person and number only
            if (agree < 0 && (checks & 7) !== 0) agree = this.bestFitting(cands, group, scores, checks & 7);
            if (agree >= 0) best = agree;
          }
          // the verb analysis reads the form as negative (نمی‌کنم, ننوشتند) or not (نوشتم, a stem in ن): a label that
          // disagrees becomes its twin with or without Polarity=Neg (same XPOS, same other features), when the scheme
          // has it; nothing else changes. Not in Seraji's scheme, which leaves Polarity out of many negative verbs.
          if (this.analysis !== undefined && this.polarityScheme[tb] === 1) {
            const a = this.analysisAt(c, forms[i]!);
            const id0 = group[best]!;
            if (a !== 0 && this.restNeg[id0] !== ((a & VERB_NEGATIVE) !== 0 ? 1 : 0)) {
              for (const twin of this.negTwins[id0]!) {
                const local = this.restLocal[twin]!;
                if (TaggerModel.has(cands, local) || TaggerModel.has(this.sharedLocal[tb]![g]!, local)) {
                  best = local;
                  break;
                }
              }
            }
          }
        }
        // the literary modal (modalAux): a label with no person, the modal's, and an inflected one (Mood=Ind, as Seraji
        // writes بایستی 2 of 2) where the scheme has it
        if (g === this.verbGroups[1] && MODAL_FORMS.has(forms[i]!)) {
          let b = -1;
          let bInd = false;
          for (let j = 0; j < cands.length; j++) {
            const id1 = group[cands[j]!]!;
            if (this.restPN[id1] !== 0) continue;
            const ind = /(?:^|\|)Mood=Ind(?:\||$)/.test(this.restFeats[id1] ?? '');
            if (b < 0 || (ind && !bInd) || (ind === bInd && scores[cands[j]!]! > scores[b]!)) {
              b = cands[j]!;
              bInd = ind;
            }
          }
          if (b >= 0) best = b;
        }
        // Seraji writes a present perfect glued to its ending (برده‌ایم, شده‌اند, نکرده‌ای) as a participle, V_PP with
        // VerbForm=Part and the ending's person: 26 of 26 such verbs in its train part (tail held out), none a first
        // person; for the tail's three first persons (شده‌ایم, نکشته‌ام) the model wrote the past V_PA. The best V_PP
        // label that fits the form (of the scheme's, else of those the other schemes share), the form's polarity first.
        if ((g === this.verbGroups[0] || g === this.verbGroups[1]) && this.perfectPart[tb] === 1 && this.restXpos[group[best]!] !== 'V_PP' && PRESENT_PERFECT.test(forms[i]!)) {
          const checks = (c.verb ??= this.checksOf(c, forms[i]!));
          const neg = (this.analysisAt(c, forms[i]!) & VERB_NEGATIVE) !== 0 ? 1 : 0;
          for (const list of [cands, this.sharedLocal[tb]![g]!]) {
            let b = -1;
            let bNeg = false;
            for (let j = 0; j < list.length; j++) {
              const id1 = group[list[j]!]!;
              if (this.restXpos[id1] !== 'V_PP' || !this.fits(id1, checks)) continue;
              const okNeg = this.restNeg[id1] === neg;
              if (b < 0 || (okNeg && !bNeg) || (okNeg === bNeg && scores[list[j]!]! > scores[b]!)) {
                b = list[j]!;
                bNeg = okNeg;
              }
            }
            if (b >= 0) {
              best = b;
              break;
            }
          }
        }
        // a superlative ends in ین (بزرگ‌ترین, نخستین, آخرین): another word (نخست, اول) takes the best label that is
        // none, as every word of the treebanks' train parts (their tails held out) but two Arabic elatives (اسرع,
        // حداقل) and one slip: Seraji 30 + 1, iPerUDT 46 + 1, PerDT 12, its early slice 20 + 1
        if (this.restSup[group[best]!] === 1 && !SUPERLATIVE_SHAPE.test(forms[i]!)) {
          let b = -1;
          for (let j = 0; j < cands.length; j++) if (this.restSup[group[cands[j]!]!] === 0 && (b < 0 || scores[cands[j]!]! > scores[b]!)) b = cands[j]!;
          if (b >= 0) best = b;
        }
        // Seraji writes an adjective in شده (حذف‌شده, یادشده, زمان‌بندی‌شده) as a participle, ADJ_INO with
        // VerbForm=Part: 2 of 2 in its train part, 5 of 5 in its held-out tail, where the model wrote ADJ Degree=Pos
        if (g === this.adj && this.participleAdj[tb]! >= 0 && PARTICIPLE_ADJ.test(forms[i]!)) best = this.participleAdj[tb]!;
        id = group[best]!;
      }
      rest[i] = id;
      r1 = id < 0 ? REST_BOUNDARY : id;
    }
  }

  /** per word of the sentence being tagged: the UPOS stage 1 scored second best (-1: none) */
  private runnerUp = new Int32Array(64);
  private noNerCodes = new Uint8Array(0);
  /** n zeros: the "no label" codes of a sentence tagged without the recognizer */
  private noNer(n: number): Uint8Array {
    if (this.noNerCodes.length < n) this.noNerCodes = new Uint8Array(2 * n);
    return this.noNerCodes;
  }

  /** the entity types whose labels the model reads (see tagIds), or undefined */
  get nerTypes(): readonly string[] | undefined {
    return this.header.nerTypes;
  }

  /** Tags one sentence (see tagIds) and returns label strings. */
  tag(forms: readonly string[], options: TagOptions & { mwt?: ArrayLike<number>; tokForms?: readonly string[] } = {}): TaggedWord[] {
    listArgument(forms, 'TaggerModel.tag', 'a list of word forms', 'pass the forms of one sentence, e.g. ["او", "رفت"]', 'string');
    options = optionsObject(options, 'tag');
    const n = forms.length;
    const tb = this.schemeId(options.scheme);
    const upos = new Int32Array(n);
    const rest = new Int32Array(n);
    this.tagIds(forms, options.mwt ?? new Uint8Array(n), options.tokForms ?? forms.map(() => ''), tb, upos, rest);
    const out: TaggedWord[] = [];
    for (let i = 0; i < n; i++) {
      const r = rest[i]!;
      out.push({ upos: this.header.upos[upos[i]!]!, xpos: r >= 0 ? this.restXpos[r] : undefined, feats: r >= 0 ? this.restFeats[r] : undefined });
    }
    return out;
  }

  /**
   * The tags a form may take, when the treebanks allow it only a few: a Latin-script word (an English word or name, an
   * acronym: He, me, lol, HIV) is NOUN or PROPN, as all 14 of their train parts (NOUN 9 in the PerDT early slice, PROPN
   * 5 in PerDT's): the model, which has seen few, had read English words as VERB, PRON or PUNCT from their Persian
   * neighbours (He said hello to me: me VERB, the root); a number in digits (۱۲, 4,657,702, ۱۴۰۲/۰۱/۱۵) is NUM or NOUN,
   * as all 573 of theirs (NUM 435, NOUN 138): a number ending a tweet had been VERB (رویدادهای مثبت 4,657,702 .).
   */
  private restrictOf(f: string): Uint8Array | undefined {
    if (LATIN_WORD.test(f)) return this.latinOk;
    if (DIGITS_NUMBER.test(f)) return this.numberOk;
    return undefined;
  }

  uposLabel(id: number): string {
    return this.header.upos[id]!;
  }
  xposOf(rest: number): string | undefined {
    numberArgument(rest, 'TaggerModel.xposOf', 'a label id');
    return rest >= 0 ? this.restXpos[rest] : undefined;
  }
  featsOf(rest: number): string | undefined {
    numberArgument(rest, 'TaggerModel.featsOf', 'a label id');
    return rest >= 0 ? this.restFeats[rest] : undefined;
  }
}

/** a superlative's shape: ends in ین (ZWNJ or tatweel aside), or an Arabic elative اَفعَل (اسرع, اکثر, اقل) */
const SUPERLATIVE_SHAPE = /ی[\u200c\u0640]*ن$|^ا[^\sا]{3}$/;

/** whether a form may take a superlative label (Degree=Sup, ADJ_SUP): بزرگ‌ترین, نخستین, اسرع; not نخست, اول, بهتر */
export function superlativeShaped(form: string): boolean {
  return SUPERLATIVE_SHAPE.test(form);
}

/** a form of شدن (شد, شده, می‌شود, نمی‌شوند, بشود, شده‌اند) */
const SHODAN = /^(?:ن?می\u200c?|ن|ب)?(?:شد|شو)(?:ه|ی|یم|ید|ند|م|د|ن)?(?:\u200c?(?:است|ام|ای|ایم|اید|اند))?$/;
/**
 * the copula or شدن and its literary kin after a predicate (ordinalBeforeCopula): SHODAN's forms, بودن's (بود, بودند,
 * باشد, نبوده), است, هستن's and نیستن's, گشتن's and گردیدن's (گشت, گردید, می‌گردد)
 */
const COPULA_OR_SHODAN = /^(?:(?:ن?می\u200c?|ن|ب)?(?:شد|شو|بود|باش|گشت|گرد|گردید)(?:ه|ی|یم|ید|ند|م|د|ن)?(?:\u200c?(?:است|ام|ای|ایم|اید|اند))?|است|(?:ن?هست|نیست)(?:م|ی|یم|ید|ند)?)$/;
/** a past participle's ending (داده, گذاشته) */
const PARTICIPLE_END = /[^\u200c]ه$/;

/** the reflexive pronouns, whose clitic م is the possessive (خودم "myself") */
const REFLEXIVES = new Set(['خود', 'خویش', 'خویشتن']);

/** Person and number of a FEATS string as one code: person × 2 + (plural ? 1 : 0); 0 when either is missing. */
export function personNumber(feats: string | undefined): number {
  if (feats === undefined) return 0;
  const p = /(?:^|\|)Person=([123])(?:\||$)/.exec(feats);
  const n = /(?:^|\|)Number=(Sing|Plur)(?:\||$)/.exec(feats);
  return p && n ? Number(p[1]) * 2 + (n[1] === 'Plur' ? 1 : 0) : 0;
}

/**
 * The person and number a verb form's ending gives when it is unambiguous (personNumber's code), else 0: م (not یم,
 * which is also a stem in ی + م: می‌نمایم) is the 1st person singular, ی the 2nd. The prefix می alone is no form.
 */
export function endingPersonNumber(form: string): number {
  const w = form.replaceAll('\u200c', '');
  if (w.length < 2 || w === 'می' || w === 'نمی') return 0;
  const last = w.charCodeAt(w.length - 1);
  if (last === 0x0645) return w.charCodeAt(w.length - 2) === 0x06cc ? 0 : 2; // م: 1 Sing
  if (last === 0x06cc) return 4; // ی: 2 Sing
  return 0;
}

const PAST = 8;
const NEVER_NEG = 16;
/** می / نمی + the present stem of خواستن (خواه, chat's خوا): the verb "want", never the future auxiliary */
const PREFIXED_KHAH = /^ن?می\u200c?خوا/;
/** a form with the prefix می / نمی (ZWNJ or not) */
const PREFIXED = /^ن?می\u200c?\S/;
/** می / نمی + a stem of the auxiliaries that take the prefix: the modal توانستن (توان, chat's تون), شدن, بودن's باش, بایستن */
const PREFIXED_AUX = /^ن?می\u200c?(?:توان|تون|شو|شد|شه|شن|شی|شم|باش|بای)/;
/** a form made only of punctuation marks (Unicode P*: . ، « * # — • § _ ٪ ...; symbols such as + $ are SYM, see fixedTag) */
const PUNCT_ONLY = /^\p{P}+$/u;
/**
 * a number in digits of any script, with single separators between digit runs (12, ۱۲٬۵۰۰, 3.5, ۱۴۰۲/۰۱/۱۵, 10:30), a
 * power or a fraction after them (10⁸, ۲½), or a fraction alone (½)
 */
const DIGITS_NUMBER = /^(?:\p{Nd}+(?:[.,٫٬/:\-]\p{Nd}+)*[\u00b2\u00b3\u00b9\u2070\u2074-\u2079]*[\u00bc-\u00be\u2150-\u215e]?|[\u00bc-\u00be\u2150-\u215e])$/u;
/**
 * a word with a Latin (or Greek) letter and no other script (digits of any script, powers and indices, and ' ’ . - _ + #
 * / around it: don't, Node.js, C++, 4G, 120km/h, ۱۰MB/s, CO₂, ΔG, °C)
 */
const LATIN_WORD = /^[\p{Nd}'’.\-_+#/°]*[\p{Script=Latin}\p{Script=Greek}][\p{Script=Latin}\p{Script=Greek}\p{Nd}\u00b2\u00b3\u00b9\u2070-\u2089'’.\-_+#/]*$/u;
/** the future auxiliary (خواهد, نخواهیم) */
const FUTURE_AUX = /^ن?خواه(?:م|ی|د|یم|ید|ند)$/;
/** a finite form of داشتن without a prefix (the progressive auxiliary's forms, chat's داره, دارن too) */
const PROGRESSIVE_HAVE = /^(?:دار(?:م|ی|د|یم|ید|ند|ه|ن|ین)|داشت(?:م|ی|یم|ید|ند|ن|ین)?)$/;
/** the demonstratives and همه that iPerUDT writes DET before a noun (TaggerModel.determinerBeforeNoun) */
const DETERMINERS_BEFORE_NOUN = new Set(['این', 'اون', 'آن', 'همه', 'همه\u200cی', 'همهٔ', 'همین', 'همون']);
/**
 * stems that are no word by themselves, only the second part of a compound: agent nouns in ننده (کننده, دهنده) and
 * present stems of compounds (پذیر, نشین, آفرین, انداز, نویس, آلود; افزار of نرم‌افزار, ابزار)
 */
const BOUND_STEMS = new Set(['کننده', 'کنندگان', 'دهنده', 'دهندگان', 'پذیر', 'ناپذیر', 'نشین', 'آفرین', 'انداز', 'افزار', 'نویس', 'آلود']);
/** adverbs of degree, which qualify an adjective or an adverb (not زیاد, سخت, کمی: adjectives and quantities too) */
const DEGREE_ADVERBS = new Set(['خیلی', 'بسیار', 'کاملا', 'کاملاً', 'نسبتا', 'نسبتاً', 'فوق‌العاده', 'بی‌نهایت', 'چقدر', 'چه‌قدر']);
/** an auxiliary that is no copula: a modal (باید, می‌تواند), the future or the progressive auxiliary, a verb in می */
const NOT_COPULA = /^(?:ن?می|باید|بایست|ن?خواه|ن?توان|ن?تون|ن?دار|ن?داشت)/;
/** an adjective in ی (a relation or origin: مرکزی, تبریزی), not after a ZWNJ */
const NISBA = /[^\u200c]ی$/;
/** an adjective made of a participle of شدن (حذف‌شده, یادشده) */
const PARTICIPLE_ADJ = /شده$/;
/** the object marker, formal and chat */
const OBJECT_MARKERS = new Set(['را', 'رو']);
/** nouns that make a conjunction with که (در حالی که, وقتی که, همان طور که) */
const KE_CONJUNCTION_NOUNS = new Set(['حالی', 'هنگامی', 'وقتی', 'طوری', 'طور', 'چنان', 'همان‌طور', 'همانطور']);
/** a time (۱۴:۳۰, 10:23:05) or a date (۱۴۰۳/۰۸/۱۲, 2024-01-05, 05/01/2024) in digits of any script */
const TIME_OR_DATE = /^(?:\p{Nd}{1,2}:\p{Nd}{2}(?::\p{Nd}{2})?|\p{Nd}{4}\/\p{Nd}{1,2}\/\p{Nd}{1,2}|\p{Nd}{4}-\p{Nd}{1,2}-\p{Nd}{1,2}|\p{Nd}{1,2}\/\p{Nd}{1,2}\/\p{Nd}{2,4}|\p{Nd}{1,2}-\p{Nd}{1,2}-\p{Nd}{4})$/u;
/** a number in digits, any script (12, ۱۲, ١٢) */
function digitsOnly(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) if (!isAnyDigit(s.charCodeAt(i))) return false;
  return true;
}
/**
 * a number that counts: digits of any script, in groups of thousands or not, with one decimal separator (۲٫۵, 3.5), or a
 * fraction (۱/۲, ½, ۲½); not a date (۱۴۰۲/۰۱/۱۵) or a time (۱۰:۳۰)
 */
const QUANTITY = /^(?:\p{Nd}+(?:[.,٫٬/]\p{Nd}+)?|\p{Nd}{1,3}(?:[,٬]\p{Nd}{3})+(?:[.٫]\p{Nd}+)?)[\u00bc-\u00be\u2150-\u215e]?$|^[\u00bc-\u00be\u2150-\u215e]$/u;
/** the number words of thousands and more, written after digits (۲۵ هزار, ۳ میلیون) */
const LARGE_NUMBER_WORDS = new Set(['هزار', 'میلیون', 'میلیارد', 'بیلیون', 'تریلیون']);
/** past stems never read as a label's short infinitive (TaggerModel.labelStem): light verbs and verbs of saying or writing */
const LABEL_NOT_STEMS = new Set(['کرد', 'نمود', 'داد', 'برد', 'خورد', 'نهاد', 'آمد', 'داشت', 'زد', 'شد', 'گرفت', 'گفت', 'افزود', 'فرمود', 'پرسید', 'نوشت', 'سرود', 'خواند']);

/** units of measure and of counting that a number in digits takes (weights, volumes, lengths, a kitchen's measures) */
const MEASURE_UNITS: ReadonlySet<string> = new Set([...WEIGHTS_AND_MEASURES, ...KITCHEN_AND_COUNTING]);
/** words whose number names them (سال 1357, ساعت 8, ماده 5) */
const NUMBER_HEADS = new Set(['سال', 'سالهای', 'سال‌های', 'ساعت', 'شماره', 'ماده', 'بند', 'اصل', 'دهه', 'دههٔ', 'دهه‌ی', 'قرن', 'صفحه', 'فصل', 'تبصره', 'کد', 'پلاک', 'نسخه',
  // a year after its month (بهمن 1357: NOUN in PerDT, 5 of 5 in its train range and the early slice)
  'فروردین', 'اردیبهشت', 'خرداد', 'تیر', 'مرداد', 'شهریور', 'مهر', 'آبان', 'آذر', 'دی', 'بهمن', 'اسفند',
  'ژانویه', 'فوریه', 'مارس', 'آوریل', 'مه', 'ژوئن', 'ژوئیه', 'اوت', 'سپتامبر', 'اکتبر', 'نوامبر', 'دسامبر']);
/** a word of NUMBER_HEADS, with its ezafe written or not (نسخهٔ ۱٫۱, صفحه‌ی ۵, سال‌های ۶۰) */
function isNumberHead(f: string): boolean {
  if (NUMBER_HEADS.has(f)) return true;
  if (f.endsWith('\u0654')) return NUMBER_HEADS.has(f.slice(0, -1));
  return f.endsWith('\u0647\u200c\u06cc') && NUMBER_HEADS.has(f.slice(0, -2));
}
/** marks that open something (a determiner before one still reads the noun after it) */
/** an era in one letter, with its dot or without (م, ق., ش), or dotted in two (ه.ق., ه.ش., ق.م.) */
const ERA = /^(?:[مقش]\.?|ه\.|(?:ه\.[قش]|ق\.م)\.?)$/;
/**
 * a form shaped as no word, never a verb: one letter typed three times or more and nothing else (ببببب, a key held
 * down; the treebanks have one such word, ممم, a PRON), or an abbreviation of one or two letters with dots (ب., ب.ظ,
 * ق.ظ., the treebanks have none: their tokens split such dots off). The model had read the sentence-final ببببب. and ب.
 * of ساعت ۳ ب. ظ. as VERB, the root.
 */
const NO_WORD_SHAPE = /^(\p{L})(?:\u200c?\1){2,}$|^\p{L}\.(?:\p{L}\.?)?$/u;
/** a year: three or four digits of any script */
const YEAR = /^\p{Nd}{3,4}$/u;
/** an ordinal typed after its noun: اول, نخست, a number word + م (دوم, سوم, پنجم, بیستم; not سی + م, سیم is "wire") */
const ORDINAL_AFTER = /^(?:اول|نخست|دوم|سوم|(?:چهار|پنج|شش|هفت|هشت|نه|ده|یازده|دوازده|سیزده|چهارده|پانزده|شانزده|هفده|هجده|نوزده|بیست|چهل|پنجاه|شصت|هفتاد|هشتاد|نود|صد|هزار)م)$/;
/** the prepositions proper (not nouns used as prepositions: مورد, دور, کنار), written alone or as chat writes them */
/** an ordinal in مین made of number words, with or without a ZWNJ between them (دومین, بیست‌و‌یکمین, صدوپنجمین) */
const ORDINAL_MIN =
  /^(?:(?:یک|دو|سه|چهار|پنج|شش|هفت|هشت|نه|ده|یازده|دوازده|سیزده|چهارده|پانزده|شانزده|هفده|هجده|هیجده|نوزده|بیست|سی|چهل|پنجاه|شصت|هفتاد|هشتاد|نود|صد|یکصد|دویست|سیصد|چهارصد|پانصد|ششصد|هفتصد|هشتصد|نهصد|هزار|میلیون|میلیارد)\u200c?(?:و\u200c?)?)*(?:یکم|دوم|سوم|چهارم|پنجم|ششم|هفتم|هشتم|نهم|دهم|یازدهم|دوازدهم|سیزدهم|چهاردهم|پانزدهم|شانزدهم|هفدهم|هجدهم|هیجدهم|نوزدهم|بیستم|سی\u200c?ام|چهلم|پنجاهم|شصتم|هفتادم|هشتادم|نودم|صدم|دویستم|سیصدم|چهارصدم|پانصدم|ششصدم|هفتصدم|هشتصدم|نهصدم|هزارم|میلیونم|میلیاردم|چندم)\u200c?ین$/;
/** a participle glued to a person ending, a present perfect (شده‌ایم, نکرده‌اند, رفته‌ای) */
const PRESENT_PERFECT = /[^\u200c]ه\u200c(?:ام|ای|ایم|اید|اند)$/;
/** the modal باید in its literary forms (modalAux) */
const MODAL_FORMS = new Set(['می\u200cباید', 'میباید', 'نمی\u200cباید', 'نمیباید', 'بایستی', 'می\u200cبایست', 'میبایست', 'نمی\u200cبایست', 'می\u200cبایستی', 'میبایستی', 'نمی\u200cبایستی']);
/** a finite form of هستن or نیستن (هست, هستیم, نیستند), no clitic glued on */
const HAST_FINITE = /^(?:ن?هست|نیست)(?:م|ی|یم|ید|ند)?$/;
const PREPOSITIONS = new Set(['از', 'به', 'با', 'در', 'بر', 'تا', 'برای', 'برا', 'واسه', 'بی', 'بدون', 'جز', 'الی', 'مثل', 'چون', 'تو', 'توی', 'را', 'رو']);
const OPENING_MARKS = new Set(['«', '(', '[', '{', '"', "'", '“', '‘', '<']);
/** words that end the clause of a progressive داشتن */
const CLAUSE_BOUNDARY = new Set(['که', 'و', 'تا', 'اگر', 'چون', 'ولی', 'اما', 'یا']);

/**
 * A verb analysis (lemmatize's createVerbAnalysis): bits VERB_NEGATIVE, VERB_PAST_STEM, VERB_PRESENT_STEM and the person
 * (VERB_PERSON_SHIFT); undefined when the form has
 * no reading.
 */
export type VerbAnalysis = (form: string) => number | undefined;
/** an analysed form (TaggerModel.analysisOf) */
const ANALYSED = 64;
/** the verb analysis of a negative present 2nd singular and nothing else (نکن, نترس) */
const NEG_IMPERATIVE = VERB_NEGATIVE | VERB_PRESENT_STEM | (4 << VERB_PERSON_SHIFT);
/** checks from the verb analysis: only past readings; only present readings */
const PAST_STEM = 32;
/**
 * verbChecks: the form has the imperfective prefix می‌ (می‌رود, نمی‌دوزند, برمی‌گردد), so it is no subjunctive: no verb
 * with it in the three train parts (tails held out) has Mood=Sub or V_SUB, 0 of 1,235 (Seraji 160, PerDT 434, iPerUDT
 * 641); the 8 subjunctives iPerUDT writes with a می are chat forms without the ZWNJ this asks for (میاد, میرن)
 */
const IMPERFECTIVE = 128;
const IMPERFECTIVE_PREFIX = /^(?:بر|در|فرا|باز|وا|فرو)?ن?می\u200c/;
const PRESENT_STEM = 64;
/**
 * What a verb's form says of its labels, as bits: its person and number (endingPersonNumber, bits 0-2), PAST
 * (pastShaped: no present, subjunctive, imperative or participle label), NEVER_NEG (no ن: not negative), IMPERFECTIVE
 * (the prefix می‌: no subjunctive label); 0 for nothing.
 */
export function verbChecks(form: string): number {
  return endingPersonNumber(form) | (pastShaped(form) ? PAST : 0) | (form.includes('ن') ? 0 : NEVER_NEG) | (IMPERFECTIVE_PREFIX.test(form) ? IMPERFECTIVE : 0);
}

/**
 * A finite verb that can only be past: a personal ending after a stem in د or ت (every past stem ends so), with no
 * prefix می, نمی or ب (رفتم, خریدیم, نوشتند; not می‌گردم, بخندید, nor کند, a present stem کن + د, which has no ending
 * to remove). A present stem in د or ت without a prefix (گردم) is rare in prose.
 */
export function pastShaped(form: string): boolean {
  const w = form.replaceAll('\u200c', '');
  // (and not the present of بودن, whose stem هست ends in ت: هستم, نیستند)
  if (w.startsWith('می') || w.startsWith('نمی') || w.startsWith('ب') || w.startsWith('هست') || w.startsWith('نیست')) return false;
  const m = /(?:یم|ید|ند|م|ی)$/.exec(w);
  if (!m || m.index < 2) return false;
  const c = w.charCodeAt(m.index - 1);
  return c === 0x062f || c === 0x062a;
}

// ---- binary encoding ----

const FORMAT: ContainerFormat = { magic: [0x44, 0x42, 0x54, 0x47] /* "DBTG" */, version: TAGGER_FORMAT_VERSION, name: 'tagger model', train: 'train:tagger' };

type Arr = SectionArray;

function sectionsOf(d: TaggerData): [string, Arr][] {
  const out: [string, Arr][] = [];
  for (const k of ['ka', 'kb', 'hazm', 'lilak', 'c1', 'c2', 'ner', 'auto', 'big'] as const) out.push([`lex.${k}`, d.lex[k]]);
  for (const t of ['t1', 't2'] as const) for (const k of ['ka', 'kb', 'len', 'lab', 'w'] as const) out.push([`${t}.${k}`, d[t][k]]);
  return out;
}
/**
 * The model data argument of `fn` (the constructor's four parts, as TaggerData), else E_BAD_INPUT: null was "Cannot
 * read properties of null (reading 'header')", and the constructor's "(reading 'ka')".
 */
const TAGGER_DATA_HINT = 'pass what trainTagger gives (the constructor: its header, lex, t1 and t2); to load data/tagger.bin, taggerModelOf(its bytes)';
function taggerDataArgument(d: TaggerData, fn: string): void {
  dataArgument(d, fn, 'the data of a tagger model', ['header', 'lex', 't1', 't2'], TAGGER_DATA_HINT);
  taggerParts(d.header, d.lex, d.t1, d.t2, fn);
}
/** the four parts, each checked as given (the constructor's arguments: a bad one is described itself, not the object made of them) */
function taggerParts(header: Omit<TaggerHeader, 'sections'>, lex: LexiconData, t1: TableData, t2: TableData, fn: string): void {
  dataArgument(header, fn, 'a tagger header', ['schemes', 'upos', 'rest'], TAGGER_DATA_HINT);
  dataArgument(lex, fn, 'a tagger lexicon', ['ka', 'kb'], TAGGER_DATA_HINT);
  for (const t of [t1, t2]) dataArgument(t, fn, 'a tagger weight table', ['ka', 'kb', 'len', 'lab', 'w'], TAGGER_DATA_HINT);
}

/** Serializes a model (deterministic bytes for the same data). */
export function encodeTagger(d: TaggerData): Uint8Array {
  taggerDataArgument(d, 'encodeTagger');
  return encodeContainer(FORMAT, d.header, sectionsOf(d));
}

/** Reads data/tagger.bin. Throws DabirError E_RESOURCE_CORRUPT on bad bytes, E_RESOURCE_VERSION on another format. */
export function decodeTagger(bytes: Uint8Array): TaggerModel {
  const c = openContainer(FORMAT, bytes);
  const header = c.header as unknown as TaggerHeader;
  const get = <T extends Arr>(name: string): T => c.section<T>(name);
  const lex: LexiconData = { ka: get('lex.ka'), kb: get('lex.kb'), hazm: get('lex.hazm'), lilak: get('lex.lilak'), c1: get('lex.c1'), c2: get('lex.c2'), ner: get('lex.ner'), auto: get('lex.auto'), big: new Uint16Array(0) };
  // word pairs (absent in models built before them: no pairs)
  lex.big = c.has('lex.big') ? get('lex.big') : new Uint16Array(lex.ka.length);
  const table = (t: string): TableData => ({ ka: get(`${t}.ka`), kb: get(`${t}.kb`), len: get(`${t}.len`), lab: get(`${t}.lab`), w: get(`${t}.w`) });
  return new TaggerModel(header, lex, table('t1'), table('t2'));
}

const TAG_IDS_HINT = 'tagIds(forms, mwt, tokForms, schemeId, upos, rest): the forms of one sentence, its multi-word positions and token forms (as many), a scheme id (schemeId), two Int32Arrays of that length to fill; or use tag(forms)';

/**
 * The arguments of TaggerModel.tagIds (its sentence-level entry, which the tagger component calls): each of the wrong
 * kind is E_BAD_INPUT (E_BAD_OPTION for the scheme id) naming it, not a TypeError or a RangeError from inside. One pass
 * over the forms: a test per word against the tagging that follows.
 */
function checkTagIds(schemes: number, forms: unknown, mwt: unknown, tokForms: unknown, tb: unknown, upos: unknown, rest: unknown, extra: unknown, ner: unknown): void {
  const fn = 'TaggerModel.tagIds';
  listArgument(forms, fn, 'a list of word forms', TAG_IDS_HINT, 'string');
  const n = (forms as unknown[]).length;
  const arrayLike = (v: unknown): boolean => v !== null && typeof v === 'object' && typeof (v as { length?: unknown }).length === 'number' && (v as { length: number }).length >= n;
  if (!arrayLike(mwt)) throw new DabirError('E_BAD_INPUT', `${fn} expects the multi-word positions of the ${n} forms, got ${kindOf(mwt)}`, TAG_IDS_HINT);
  listArgument(tokForms, fn, 'a list of token forms', TAG_IDS_HINT, 'string');
  if ((tokForms as unknown[]).length < n) throw new DabirError('E_BAD_INPUT', `${fn} expects a token form for each of the ${n} forms, got ${(tokForms as unknown[]).length}`, TAG_IDS_HINT);
  if (typeof tb !== 'number' || !Number.isInteger(tb) || tb < 0 || tb >= schemes) throw new DabirError('E_BAD_OPTION', `${fn} expects a scheme id from 0 to ${schemes - 1}, got ${typeof tb === 'number' ? String(tb) : kindOf(tb)}`, 'give schemeId(scheme)', { option: 'scheme', value: tb });
  for (const [name, a] of [['upos', upos], ['rest', rest]] as const) {
    if (!(a instanceof Int32Array) || a.length < n) throw new DabirError('E_BAD_INPUT', `${fn} expects ${name}, an Int32Array of ${n} or more, got ${kindOf(a)}`, TAG_IDS_HINT);
  }
  if (extra !== undefined && extra !== null && !(extra instanceof Float64Array)) throw new DabirError('E_BAD_INPUT', `${fn} expects extra, a Float64Array of scores (or none), got ${kindOf(extra)}`, TAG_IDS_HINT);
  if (ner !== undefined && ner !== null && !arrayLike(ner)) throw new DabirError('E_BAD_INPUT', `${fn} expects ner, a code for each of the ${n} forms (or none), got ${kindOf(ner)}`, TAG_IDS_HINT);
}
