/**
 * The half-space model: statistics learned from correctly written Persian text (PerDT + Seraji train text) and
 * lexicons, used to decide, for every gap inside a run-together word and every space between two Persian words,
 * whether it should be a ZWNJ.
 *
 * Binary format (little-endian), version 3:
 *   magic "DBHS" | u16 version | u16 0 | u32 headerBytes | header JSON (UTF-8, padded to 4) | sections
 * Each section is a Uint16 array (table keys as UTF-16 code units, with a `.off` Uint32 offsets section) or a Uint32
 * column; sections are 4-byte aligned.
 * Tables: `pieces` (piece, first, next, glued, flags, zAfter), `forms` (key, ZWNJ mask, count, glued, lexicons), `pairs`
 * ("a\u200cb", z, s).
 */
import { DabirError, kindOf, showValue } from '../errors.js';

export const HALFSPACE_FORMAT_VERSION = 4;

/** Flags of a piece. */
export const FLAG_VERB = 1; // a verb form that can follow می/نمی (present or past stem + ending)
export const FLAG_ADJ = 2; // an adjective (takes تر/ترین)
export const FLAG_LEX = 4; // listed in a lexicon (a real word)
export const FLAG_PARTICIPLE = 8; // a past participle ending in ه (takes ‌ام ‌ای ‌اند ...)
/**
 * a verb stem that heads compounds after a ZWNJ (فروش of دست‌فروش, کتاب‌فروشان; ستیز, نشین, پرست): in the training
 * text, the word types made of a known word + this stem (+ an ending) mostly put a ZWNJ between them
 */
export const FLAG_HEAD_STEM = 16;
/**
 * a word the training text types apart after a cardinal number (شش ماهه, 2 ماهه, پنج ساله) at least as often as it
 * writes it with a ZWNJ after one (سه‌ماهه): after a number word, the lexicons' ZWNJ form does not join it (lexJoins)
 */
export const FLAG_NUM_APART = 32;
/**
 * a part of a person's name: tagged a person (PER) in ParsTwiNER's train tweets or a proper noun (PROPN) in the early
 * PerDT train slice at least as often as anything else, and never seen after a ZWNJ in the training text (هود, دونالد,
 * گنجوی; not نظامی, a name 6 times in 54; not نژاد, پور, which head compounds): as the second of two words typed
 * apart it stops the lexicons' ZWNJ form of a name (رابین‌هود, مک‌دونالد, نظامی‌گنجوی) from joining them (lexJoins)
 */
export const FLAG_NAME = 64;
/**
 * the cardinal number words whose compounds FLAG_NUM_APART counts (not نه, "no" as often as "nine"): the training
 * script and the decoder read the same list
 */
export const NUMBER_WORDS: ReadonlySet<string> = new Set(
  'یک دو سه چهار پنج شش هفت هشت ده یازده دوازده سیزده چهارده پانزده شانزده هفده هجده هیجده نوزده بیست سی چهل پنجاه شصت هفتاد هشتاد نود صد یکصد دویست سیصد چهارصد پانصد ششصد هفتصد هشتصد نهصد هزار'.split(' '),
);
/**
 * The training script's reading of a glued word as a number word + a word (چهارساله = چهار + ساله) for FLAG_NUM_APART:
 * the first whole number word (NUMBER_WORDS) the word starts with whose rest, three letters or more, goes with numbers —
 * seen after a cardinal (`near`: typed apart or with a ZWNJ) in a tenth of its sightings at least (`seen`: alone or
 * with a ZWNJ after a number). A word that merely starts with a number word's letters is no compound of it: سیاست is not
 * سی + است (است: 5 times after a number in 4,648 sightings), nor صداست, سیمرغ, دونان. Null when there is none.
 */
export function numberCompoundRest(w: string, near: (b: string) => number, seen: (b: string) => number): string | null {
  for (let k = 2; k <= w.length - 3; k++) {
    if (!NUMBER_WORDS.has(w.slice(0, k))) continue;
    const b = w.slice(k);
    const n = near(b);
    if (n > 0 && n >= 0.1 * seen(b)) return b;
  }
  return null;
}
/** the endings a compound-heading stem may carry (longest first): دین‌فروشان, افیون‌خوری, نیک‌نهادان */
export const HEAD_STEM_ENDINGS = ['انی', 'ان', 'ی', ''];

/** Plain-object form of the model, as built by the training script. */
export interface HalfSpaceData {
  meta: Record<string, unknown>;
  /** piece → [first-piece count, non-first count, whole-word-glued count, flags, times followed by a ZWNJ] */
  pieces: Map<string, [number, number, number, number, number]>;
  /** ZWNJ form → [count in text, count of the same letters written glued, number of lexicons listing it] */
  forms: Map<string, [number, number, number]>;
  /** "a\u200cb" → [count joined by ZWNJ inside a word, count separated by a space] */
  pairs: Map<string, [number, number]>;
  /**
   * Suffix attachment: "L\tb" (last letter of the stem, suffix piece) → [word types where b follows a ZWNJ after L,
   * word types written glued as known stem ending in L + b]
   */
  attach: Map<string, [number, number]>;
  /**
   * Informal (spoken-register) verb forms that may follow می/نمی, as chat and blogs write them: a present stem + an
   * informal ending (گیرن, کنین, زنه), an informal stem + ending (تونم, دونستم, شه, گن, دم), a past stem + ن / ین
   * (دادن, رفتین). A table of their own, not pieces: they are no words of their own and must not make a letter
   * sequence "known" to the other rules.
   */
  iverbs?: string[];
  /** informal spellings of words (hazm iwords.dat, shekar informal_words.csv: خونه, دونه, یه), a table of their own for the same reason */
  iwords?: string[];
}

/**
 * Read-only table: keys stored as UTF-16 code units in one typed array with offsets, looked up through an
 * open-addressing hash built when the model is loaded (no string objects, no Map: loading takes milliseconds).
 */
/** FNV-1a over UTF-16 units: the hash of every table key (32-bit, as Math.imul computes it). */
export const FNV_OFFSET = 0x811c9dc5 | 0;
export const FNV_PRIME = 0x01000193;

export class Table {
  private readonly chars: Uint16Array;
  private readonly off: Uint32Array;
  private readonly slots: Int32Array;
  private readonly mask: number;
  /**
   * One bit per bucket of the high bits of the key hashes (about 8 bits per key, so it stays in the CPU cache): most
   * look-ups (pieces of an unknown word, pairs of neighbouring words) are for keys that are not there, and a clear bit
   * answers them without touching the slot array.
   */
  private readonly bits: Int32Array;
  private readonly bitShift: number;
  readonly size: number;
  readonly cols: Uint32Array[];

  constructor(chars: Uint16Array, off: Uint32Array, cols: Uint32Array[]) {
    this.chars = chars;
    this.off = off;
    this.cols = cols;
    this.size = off.length - 1;
    let cap = 16;
    while (cap < this.size * 2) cap <<= 1;
    this.mask = cap - 1;
    this.slots = new Int32Array(cap);
    let nbits = 1 << 10;
    while (nbits < this.size * 8 && nbits < 1 << 30) nbits <<= 1;
    this.bits = new Int32Array(nbits >>> 5);
    this.bitShift = 32 - Math.log2(nbits);
    for (let i = 0; i < this.size; i++) {
      let h = FNV_OFFSET;
      for (let k = off[i]!; k < off[i + 1]!; k++) h = Math.imul(h ^ chars[k]!, FNV_PRIME);
      const b = h >>> this.bitShift;
      this.bits[b >>> 5] |= 1 << (b & 31);
      let slot = h & this.mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & this.mask;
      this.slots[slot] = i + 1;
    }
  }

  /** False when no key has the hash `h` (a key with it may still be absent). */
  private mayHave(h: number): boolean {
    const b = h >>> this.bitShift;
    return (this.bits[b >>> 5]! & (1 << (b & 31))) !== 0;
  }

  /** Row of a key, or -1. */
  get(key: string): number {
    return this.getRange(key, 0, key.length);
  }

  /** Row of the key `s.slice(from, to)`, or -1 (without making the substring). */
  getRange(s: string, from: number, to: number): number {
    let h = FNV_OFFSET;
    for (let k = from; k < to; k++) h = Math.imul(h ^ s.charCodeAt(k), FNV_PRIME);
    return this.getRangeHashed(s, from, to, h);
  }

  /**
   * `getRange` with the key's hash given (`fnv(...)` of its units): a caller that looks up every extension of one
   * start position extends the hash a unit at a time instead of hashing each key from the start.
   */
  getRangeHashed(s: string, from: number, to: number, h: number): number {
    if (!this.mayHave(h)) return -1;
    const { slots, chars, off, mask } = this;
    const n = to - from;
    let slot = h & mask;
    for (;;) {
      const r = slots[slot]!;
      if (r === 0) return -1;
      const i = r - 1;
      const a = off[i]!;
      if (off[i + 1]! - a === n) {
        let k = 0;
        while (k < n && chars[a + k] === s.charCodeAt(from + k)) k++;
        if (k === n) return i;
      }
      slot = (slot + 1) & mask;
    }
  }

  /** Row of the key `s.slice(a0, a1) + String.fromCharCode(sep) + s.slice(b0, b1)`, or -1 (without making it). */
  getJoined(s: string, a0: number, a1: number, sep: number, b0: number, b1: number): number {
    let h = FNV_OFFSET;
    for (let k = a0; k < a1; k++) h = Math.imul(h ^ s.charCodeAt(k), FNV_PRIME);
    h = Math.imul(h ^ sep, FNV_PRIME);
    for (let k = b0; k < b1; k++) h = Math.imul(h ^ s.charCodeAt(k), FNV_PRIME);
    return this.getJoinedHashed(s, a0, a1, sep, b0, b1, h);
  }

  /** `getJoined` with the joined key's hash given (see getRangeHashed). */
  getJoinedHashed(s: string, a0: number, a1: number, sep: number, b0: number, b1: number, h: number): number {
    if (!this.mayHave(h)) return -1;
    const { slots, chars, off, mask } = this;
    const la = a1 - a0;
    const n = la + 1 + (b1 - b0);
    let slot = h & mask;
    for (;;) {
      const r = slots[slot]!;
      if (r === 0) return -1;
      const i = r - 1;
      const a = off[i]!;
      if (off[i + 1]! - a === n && chars[a + la] === sep) {
        let k = 0;
        while (k < la && chars[a + k] === s.charCodeAt(a0 + k)) k++;
        if (k === la) {
          let q = 0;
          const nb = b1 - b0;
          while (q < nb && chars[a + la + 1 + q] === s.charCodeAt(b0 + q)) q++;
          if (q === nb) return i;
        }
      }
      slot = (slot + 1) & mask;
    }
  }

  /** Row of the key `a + String.fromCharCode(sep) + b`, or -1 (without making it); `h` is that key's hash. */
  getConcatHashed(a: string, sep: number, b: string, h: number): number {
    if (!this.mayHave(h)) return -1;
    const { slots, chars, off, mask } = this;
    const la = a.length;
    const lb = b.length;
    const n = la + 1 + lb;
    let slot = h & mask;
    for (;;) {
      const r = slots[slot]!;
      if (r === 0) return -1;
      const i = r - 1;
      const o = off[i]!;
      if (off[i + 1]! - o === n && chars[o + la] === sep) {
        let k = 0;
        while (k < la && chars[o + k] === a.charCodeAt(k)) k++;
        if (k === la) {
          let q = 0;
          while (q < lb && chars[o + la + 1 + q] === b.charCodeAt(q)) q++;
          if (q === lb) return i;
        }
      }
      slot = (slot + 1) & mask;
    }
  }

  /**
   * Row of the key held in `units[from, to)` (another table's characters), whose hash is `h`; or -1. The same probe as
   * getRangeHashed over a Uint16Array instead of a string: one function for both sources would make the hot string
   * look-up polymorphic (this one runs only at start-up).
   */
  private getUnitsHashed(units: Uint16Array, from: number, to: number, h: number): number {
    if (!this.mayHave(h)) return -1;
    const { slots, chars, off, mask } = this;
    const n = to - from;
    let slot = h & mask;
    for (;;) {
      const r = slots[slot]!;
      if (r === 0) return -1;
      const i = r - 1;
      const a = off[i]!;
      if (off[i + 1]! - a === n) {
        let k = 0;
        while (k < n && chars[a + k] === units[from + k]) k++;
        if (k === n) return i;
      }
      slot = (slot + 1) & mask;
    }
  }

  /**
   * For each row, the row in `other` of what follows the first `sep` unit of its key (of the whole key when it has
   * none), or -1: `other.get(key.slice(key.indexOf(sep) + 1))` for every key, without making the strings (this runs
   * at start-up, mostly before V8 optimizes it: per key a string built unit by unit, sliced and hashed cost ~20 ms).
   */
  rowsAfter(sep: number, other: Table): Int32Array {
    const { chars, off } = this;
    const out = new Int32Array(this.size);
    for (let i = 0; i < this.size; i++) {
      const start = off[i]!;
      const end = off[i + 1]!;
      let a = start;
      while (a < end && chars[a] !== sep) a++;
      a = a < end ? a + 1 : start;
      let h = FNV_OFFSET;
      for (let k = a; k < end; k++) h = Math.imul(h ^ chars[k]!, FNV_PRIME);
      out[i] = other.getUnitsHashed(chars, a, end, h);
    }
    return out;
  }

  key(i: number): string {
    return String.fromCharCode.apply(null, this.chars.subarray(this.off[i]!, this.off[i + 1]!) as unknown as number[]);
  }

  keys(): string[] {
    const out: string[] = new Array(this.size);
    for (let i = 0; i < this.size; i++) out[i] = this.key(i);
    return out;
  }
}

/** `s` is a string and [from, to) a range of it (whole numbers); false for anything else */
function isRange(s: unknown, from: unknown, to: unknown): boolean {
  return typeof s === 'string' && typeof from === 'number' && typeof to === 'number' && (from | 0) === from && (to | 0) === to && from >= 0 && from <= to && to <= s.length;
}
/** `row` is a whole number from 0 to n − 1 */
function isRow(row: unknown, n: number): boolean {
  return typeof row === 'number' && (row | 0) === row && row >= 0 && row < n;
}
/** a hash as the look-ups take it (FNV over UTF-16 units: a number) */
function isHash(h: unknown): boolean {
  return typeof h === 'number';
}
/**
 * The typed error of a HalfSpaceModel look-up called with what it does not take: E_BAD_INPUT when one of its first
 * `strings` arguments is no string, E_BAD_OPTION for an offset, row or hash that is no whole number in range (with
 * numbers out of range a look-up had run for ever; formText(NaN) overflowed the stack).
 */
function badLookup(method: string, args: unknown[], strings: number, expects: string): never {
  const k = args.findIndex((a, i) => i < strings && typeof a !== 'string');
  throw new DabirError(
    k >= 0 ? 'E_BAD_INPUT' : 'E_BAD_OPTION',
    `HalfSpaceModel.${method} expects ${expects}, got ${k >= 0 ? kindOf(args[k]) : args.slice(strings).map((a) => showValue(a)).join(', ')}`,
    'the look-ups serve the normalizer: pass strings, and whole offsets inside them (or a row the table gave)',
  );
}

export class HalfSpaceModel {
  readonly meta: Record<string, unknown>;
  /** piece → row of first/next/glued/flags/zAfter */
  readonly pieces: Table;
  readonly first: Uint32Array;
  readonly next: Uint32Array;
  readonly glued: Uint32Array;
  readonly flags: Uint32Array;
  readonly zAfter: Uint32Array;
  /** key (letters without ZWNJ) → row of formText/formCount/formGlued/formLex */
  private readonly formsT: Table;
  readonly formCount: Uint32Array;
  readonly formGlued: Uint32Array;
  readonly formLex: Uint32Array;
  private readonly formZmask: Uint32Array;
  /** "a\u200cb" → row of pairZ/pairS */
  private readonly pairsT: Table;
  readonly pairZ: Uint32Array;
  readonly pairS: Uint32Array;
  /** "L\tb" → row of attachZ/attachG */
  readonly attachT: Table;
  readonly attachZ: Uint32Array;
  readonly attachG: Uint32Array;
  /** informal verb forms (HalfSpaceData.iverbs) */
  private readonly iverbsT: Table;
  /** informal spellings of words (HalfSpaceData.iwords) */
  private readonly iwordsT: Table;

  private constructor(meta: Record<string, unknown>, pieces: Table, forms: Table, pairs: Table, attach: Table, iverbs: Table, iwords: Table) {
    // (private to TypeScript, callable from JavaScript: anything but the decoder's tables was "Cannot read properties
    // of undefined (reading 'cols')")
    for (const t of [pieces, forms, pairs, attach, iverbs, iwords]) {
      if (!(t instanceof Table)) throw new DabirError('E_BAD_INPUT', `new HalfSpaceModel expects the decoder's tables, got ${kindOf(t)}`, 'use HalfSpaceModel.fromBytes(the bytes of data/halfspace.bin)');
    }
    this.meta = meta;
    this.pieces = pieces;
    [this.first, this.next, this.glued, this.flags, this.zAfter] = pieces.cols as [Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array];
    this.formsT = forms;
    [this.formZmask, this.formCount, this.formGlued, this.formLex] = forms.cols as [Uint32Array, Uint32Array, Uint32Array, Uint32Array];
    this.pairsT = pairs;
    [this.pairZ, this.pairS] = pairs.cols as [Uint32Array, Uint32Array];
    this.attachT = attach;
    [this.attachZ, this.attachG] = attach.cols as [Uint32Array, Uint32Array];
    this.iverbsT = iverbs;
    this.iwordsT = iwords;
  }

  /** `p` is an informal spelling of a word (HalfSpaceData.iwords). */
  isInformalWord(p: string): boolean {
    if (typeof p !== 'string') badLookup('isInformalWord', [p], 1, 'a word (a string)');
    return this.iwordsT.get(p) >= 0;
  }

  /** `s.slice(from, to)` is an informal verb form (HalfSpaceData.iverbs); `h` is its hash (Table.getRangeHashed). */
  isInformalVerbHashed(s: string, from: number, to: number, h: number): boolean {
    if (!isRange(s, from, to) || !isHash(h)) badLookup('isInformalVerbHashed', [s, from, to, h], 1, 'a string, a range of it and its hash');
    return this.iverbsT.getRangeHashed(s, from, to, h) >= 0;
  }
  /** `p` is an informal verb form (HalfSpaceData.iverbs). */
  isInformalVerb(p: string): boolean {
    if (typeof p !== 'string') badLookup('isInformalVerb', [p], 1, 'a word (a string)');
    return this.iverbsT.get(p) >= 0;
  }

  /** Row of a piece, or -1. */
  piece(p: string): number {
    if (typeof p !== 'string') badLookup('piece', [p], 1, 'a piece (a string)');
    return this.pieces.get(p);
  }
  /** Row of the ZWNJ form of a key (letters without ZWNJ), or -1. */
  form(key: string): number {
    if (typeof key !== 'string') badLookup('form', [key], 1, 'a key (a string)');
    return this.formsT.get(key);
  }
  /** The ZWNJ form of a row. */
  formText(row: number): string {
    if (!isRow(row, this.formsT.size)) badLookup('formText', [row], 0, `a row of the forms (0 to ${this.formsT.size - 1})`);
    return withZwnj(this.formsT.key(row), this.formZmask[row]!);
  }
  /**
   * `formText(row)` for `row = form(key)`: the same string, built from the caller's key (the row's key has the same
   * units) instead of from the table's characters one unit at a time.
   */
  formOf(key: string, row: number): string {
    if (typeof key !== 'string' || !isRow(row, this.formsT.size)) badLookup('formOf', [key, row], 1, `a key and its row (0 to ${this.formsT.size - 1})`);
    return withZwnj(key, this.formZmask[row]!);
  }
  /** Row of a piece pair "a\u200cb", or -1. */
  pair(key: string): number {
    if (typeof key !== 'string') badLookup('pair', [key], 1, 'a pair key (a string)');
    return this.pairsT.get(key);
  }
  /** The number of piece pairs, and the key ("a\u200cb") of pair row i. */
  get pairRows(): number {
    return this.pairsT.size;
  }
  pairKey(i: number): string {
    if (!isRow(i, this.pairsT.size)) badLookup('pairKey', [i], 0, `a pair row (0 to ${this.pairsT.size - 1})`);
    return this.pairsT.key(i);
  }
  /** Row of the piece `s.slice(from, to)`, or -1. */
  pieceRange(s: string, from: number, to: number): number {
    if (!isRange(s, from, to)) badLookup('pieceRange', [s, from, to], 1, 'a string and a range of it');
    return this.pieces.getRange(s, from, to);
  }
  /** Row of the pair `s.slice(a0, a1) + ZWNJ + s.slice(b0, b1)`, or -1. */
  pairRange(s: string, a0: number, a1: number, b0: number, b1: number): number {
    if (!isRange(s, a0, a1) || !isRange(s, b0, b1)) badLookup('pairRange', [s, a0, a1, b0, b1], 1, 'a string and two ranges of it');
    return this.pairsT.getJoined(s, a0, a1, 0x200c, b0, b1);
  }
  /** `pieceRange` with the key's hash given (Table.getRangeHashed). */
  pieceRangeHashed(s: string, from: number, to: number, h: number): number {
    if (!isRange(s, from, to) || !isHash(h)) badLookup('pieceRangeHashed', [s, from, to, h], 1, 'a string, a range of it and its hash');
    return this.pieces.getRangeHashed(s, from, to, h);
  }
  /** `pairRange` with the key's hash given. */
  pairRangeHashed(s: string, a0: number, a1: number, b0: number, b1: number, h: number): number {
    if (!isRange(s, a0, a1) || !isRange(s, b0, b1) || !isHash(h)) badLookup('pairRangeHashed', [s, a0, a1, b0, b1, h], 1, 'a string, two ranges of it and the hash');
    return this.pairsT.getJoinedHashed(s, a0, a1, 0x200c, b0, b1, h);
  }
  /** Row of the pair `a + ZWNJ + b`, or -1, with the key's hash given (FNV over its units): no string is made. */
  pairConcatHashed(a: string, b: string, h: number): number {
    if (typeof a !== 'string' || typeof b !== 'string' || !isHash(h)) badLookup('pairConcatHashed', [a, b, h], 2, 'two pieces (strings) and the hash');
    return this.pairsT.getConcatHashed(a, 0x200c, b, h);
  }
  /** `attachRange` with the key's hash given. */
  attachRangeHashed(s: string, l: number, b0: number, b1: number, h: number): number {
    if (typeof l !== 'number' || !isRange(s, l, l + 1) || !isRange(s, b0, b1) || !isHash(h)) badLookup('attachRangeHashed', [s, l, b0, b1, h], 1, 'a string, a letter of it, a range of it and the hash');
    return this.attachT.getJoinedHashed(s, l, l + 1, 0x09, b0, b1, h);
  }
  /** Row of the attachment of the piece `s.slice(b0, b1)` after the letter at `l`, or -1. */
  attachRange(s: string, l: number, b0: number, b1: number): number {
    if (typeof l !== 'number' || !isRange(s, l, l + 1) || !isRange(s, b0, b1)) badLookup('attachRange', [s, l, b0, b1], 1, 'a string, a letter of it and a range of it');
    return this.attachT.getJoined(s, l, l + 1, 0x09, b0, b1);
  }
  /** Row of a suffix attachment "L\tb", or -1. */
  attach(key: string): number {
    if (typeof key !== 'string') badLookup('attach', [key], 1, 'an attachment key (a string)');
    return this.attachT.get(key);
  }

  static fromData(data: HalfSpaceData): HalfSpaceModel {
    return HalfSpaceModel.fromBytes(encodeHalfSpace(data));
  }

  static fromBytes(bytes: Uint8Array): HalfSpaceModel {
    const r = readSections(bytes);
    const table = (name: string, ncols: number): Table =>
      new Table(r.u16(name), r.u32(`${name}.off`), Array.from({ length: ncols }, (_, c) => r.u32(`${name}.${c}`)));
    return new HalfSpaceModel(r.meta, table('pieces', 5), table('forms', 4), table('pairs', 2), table('attach', 2), table('iverbs', 0), table('iwords', 0));
  }

  toData(): HalfSpaceData {
    const pieces = new Map<string, [number, number, number, number, number]>();
    this.pieces.keys().forEach((p, i) => pieces.set(p, [this.first[i]!, this.next[i]!, this.glued[i]!, this.flags[i]!, this.zAfter[i]!]));
    const forms = new Map<string, [number, number, number]>();
    for (let i = 0; i < this.formsT.size; i++) forms.set(this.formText(i), [this.formCount[i]!, this.formGlued[i]!, this.formLex[i]!]);
    const pairs = new Map<string, [number, number]>();
    this.pairsT.keys().forEach((k, i) => pairs.set(k, [this.pairZ[i]!, this.pairS[i]!]));
    const attach = new Map<string, [number, number]>();
    this.attachT.keys().forEach((k, i) => attach.set(k, [this.attachZ[i]!, this.attachG[i]!]));
    return { meta: this.meta, pieces, forms, pairs, attach, iverbs: this.iverbsT.keys(), iwords: this.iwordsT.keys() };
  }

  toBytes(): Uint8Array {
    return encodeHalfSpace(this.toData());
  }
}

/** Bit i of the mask set: a ZWNJ follows letter i (0-based) of the key. */
function zmaskOf(form: string): number {
  let mask = 0;
  let letters = 0;
  for (let i = 0; i < form.length; i++) {
    if (form.charCodeAt(i) === 0x200c) mask |= 1 << (letters - 1);
    else letters++;
  }
  return mask >>> 0;
}

function withZwnj(key: string, mask: number): string {
  if (mask === 0) return key;
  // (the key in slices between the ZWNJs: a few concatenations instead of one per unit)
  let out = '';
  let from = 0;
  for (let i = 0; i < key.length && i < 31; i++) {
    if (((mask >>> i) & 1) === 0) continue;
    out += key.slice(from, i + 1) + '\u200c';
    from = i + 1;
  }
  return from === 0 ? key : out + key.slice(from);
}

interface SectionInfo {
  name: string;
  kind: 'u16' | 'u32';
  offset: number;
  bytes: number;
  count: number;
}

const MAGIC = [0x44, 0x42, 0x48, 0x53]; // DBHS

function sortedEntries<V>(m: Map<string, V>): [string, V][] {
  return [...m.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/** Deterministic encoding: tables sorted by key. */
export function encodeHalfSpace(data: HalfSpaceData): Uint8Array {
  const enc = new TextEncoder();
  const chunks: { name: string; kind: 'u16' | 'u32'; data: Uint8Array; count: number }[] = [];
  const addStrings = (name: string, list: string[]): void => {
    const total = list.reduce((n, k) => n + k.length, 0);
    const chars = new Uint16Array(total);
    const off = new Uint32Array(list.length + 1);
    let p = 0;
    list.forEach((k, i) => {
      off[i] = p;
      for (let j = 0; j < k.length; j++) chars[p++] = k.charCodeAt(j);
    });
    off[list.length] = p;
    chunks.push({ name, kind: 'u16', data: new Uint8Array(chars.buffer), count: total });
    chunks.push({ name: `${name}.off`, kind: 'u32', data: new Uint8Array(off.buffer), count: off.length });
  };
  const addU32 = (name: string, values: number[]): void => {
    const u = new Uint32Array(values);
    chunks.push({ name, kind: 'u32', data: new Uint8Array(u.buffer), count: values.length });
  };
  const pieces = sortedEntries(data.pieces);
  addStrings('pieces', pieces.map((e) => e[0]));
  for (let c = 0; c < 5; c++) addU32(`pieces.${c}`, pieces.map((e) => e[1][c]!));
  // forms are stored by key (letters without ZWNJ) with a bit mask of ZWNJ positions; keys longer than 32 letters
  // cannot carry a mask and are left out
  const forms = sortedEntries(
    new Map([...data.forms].filter(([f]) => f.replaceAll('\u200c', '').length <= 32).map(([f, v]) => [f.replaceAll('\u200c', ''), [zmaskOf(f), ...v]])),
  );
  addStrings('forms', forms.map((e) => e[0]));
  for (let c = 0; c < 4; c++) addU32(`forms.${c}`, forms.map((e) => e[1][c]!));
  const pairs = sortedEntries(data.pairs);
  addStrings('pairs', pairs.map((e) => e[0]));
  for (let c = 0; c < 2; c++) addU32(`pairs.${c}`, pairs.map((e) => e[1][c]!));
  const attach = sortedEntries(data.attach);
  addStrings('attach', attach.map((e) => e[0]));
  for (let c = 0; c < 2; c++) addU32(`attach.${c}`, attach.map((e) => e[1][c]!));
  addStrings('iverbs', [...new Set(data.iverbs ?? [])].sort());
  addStrings('iwords', [...new Set(data.iwords ?? [])].sort());

  const sections: SectionInfo[] = [];
  let off = 0;
  for (const ch of chunks) {
    sections.push({ name: ch.name, kind: ch.kind, offset: off, bytes: ch.data.length, count: ch.count });
    off += (ch.data.length + 3) & ~3;
  }
  const header = enc.encode(JSON.stringify({ meta: data.meta, sections }));
  const headerPadded = (header.length + 3) & ~3;
  const out = new Uint8Array(12 + headerPadded + off);
  out.set(MAGIC, 0);
  const dv = new DataView(out.buffer);
  dv.setUint16(4, HALFSPACE_FORMAT_VERSION, true);
  dv.setUint32(8, header.length, true);
  out.set(header, 12);
  const base = 12 + headerPadded;
  chunks.forEach((ch, k) => out.set(ch.data, base + sections[k]!.offset));
  return out;
}

interface Sections {
  meta: Record<string, unknown>;
  u16(name: string): Uint16Array;
  u32(name: string): Uint32Array;
}

function readSections(bytes: Uint8Array): Sections {
  if (bytes.length < 12 || MAGIC.some((m, i) => bytes[i] !== m)) {
    throw new DabirError('E_RESOURCE_CORRUPT', 'halfspace model: bad magic number', 'rebuild it with `npm run train:halfspace` or reinstall dabir');
  }
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = dv.getUint16(4, true);
  if (version !== HALFSPACE_FORMAT_VERSION) {
    throw new DabirError('E_RESOURCE_VERSION', `halfspace model has format ${version}, this dabir reads ${HALFSPACE_FORMAT_VERSION}`, 'use the model shipped with this version of dabir');
  }
  const hlen = dv.getUint32(8, true);
  let header: { meta: Record<string, unknown>; sections: SectionInfo[] };
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + hlen)));
  } catch {
    throw new DabirError('E_RESOURCE_CORRUPT', 'halfspace model: unreadable header', 'rebuild or reinstall the model');
  }
  const base = 12 + ((hlen + 3) & ~3);
  const sec = new Map(header.sections.map((s) => [s.name, s]));
  const get = (name: string): SectionInfo => {
    const s = sec.get(name);
    if (!s || base + s.offset + s.bytes > bytes.length) {
      throw new DabirError('E_RESOURCE_CORRUPT', `halfspace model: section ${name} missing or truncated`, 'rebuild or reinstall the model');
    }
    return s;
  };
  return {
    meta: header.meta,
    u16(name) {
      const s = get(name);
      const start = bytes.byteOffset + base + s.offset;
      if (start % 2 === 0) return new Uint16Array(bytes.buffer, start, s.count);
      return new Uint16Array(bytes.slice(base + s.offset, base + s.offset + s.bytes).buffer);
    },
    u32(name) {
      const s = get(name);
      const start = bytes.byteOffset + base + s.offset;
      if (start % 4 === 0) return new Uint32Array(bytes.buffer, start, s.count);
      return new Uint32Array(bytes.slice(base + s.offset, base + s.offset + s.bytes).buffer);
    },
  };
}

/** Decodes the bytes into the plain-object form (used by tests and tools; the model reads bytes directly). */
export function decodeHalfSpace(bytes: Uint8Array): HalfSpaceData {
  return HalfSpaceModel.fromBytes(bytes).toData();
}
