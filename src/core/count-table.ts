/**
 * Tables over the text of a data file's lines, looked up where the lines stand: each key (a line, or a line up to its
 * tab) is hashed in place (FNV-1a over its UTF-16 units) into an open-addressing table of line numbers. No string per
 * line and no Map: a Map of the spelling data's 356k bigrams took ~270 ms to build, a CountTable ~60 ms; a Map of its
 * 215k words ~60 ms. Keys are compared with the text where they stand.
 */

/** Keys at [starts[i], ends[i]) of `text`, found through an open-addressing table of their hashes. */
abstract class HashedLines {
  protected readonly starts: Int32Array;
  protected readonly ends: Int32Array;
  private readonly slots: Int32Array;
  /** the key hash of each slot: a probe compares it before touching the key (most look-ups are for absent keys) */
  private readonly hashes: Int32Array;
  /** where the key hashed last (hashKey) ends */
  protected end = 0;

  protected constructor(
    protected readonly text: string,
    count: number,
  ) {
    this.starts = new Int32Array(count);
    this.ends = new Int32Array(count);
    let cap = 16;
    while (cap < count * 2) cap <<= 1;
    this.slots = new Int32Array(cap);
    this.hashes = new Int32Array(cap);
  }

  /** The hash of the key that starts at a and ends before a line break (or a tab, with `tab`); sets `end`. */
  protected hashKey(a: number, tab: boolean): number {
    const text = this.text;
    const n = text.length;
    let h = 0x811c9dc5 | 0;
    let t = a;
    for (; t < n; t++) {
      const c = text.charCodeAt(t);
      if (c === 10 || (tab && c === 9)) break;
      h = Math.imul(h ^ c, 0x01000193);
    }
    this.end = t;
    return h;
  }

  /**
   * Enters key i, text[a, t) with hash h. A key entered before: false with `unique`, else the later line takes its
   * place (as a Map filled in order).
   */
  protected insert(i: number, a: number, t: number, h: number, unique: boolean): boolean {
    this.starts[i] = a;
    this.ends[i] = t;
    const { slots, hashes } = this;
    const mask = slots.length - 1;
    let slot = h & mask;
    for (;;) {
      const r = slots[slot]!;
      if (r === 0) break;
      if (hashes[slot] === h && this.same(r - 1, a, t)) {
        if (unique) return false;
        break;
      }
      slot = (slot + 1) & mask;
    }
    slots[slot] = i + 1;
    hashes[slot] = h;
    return true;
  }

  /** whether key i equals text[from, to) */
  private same(i: number, from: number, to: number): boolean {
    const a = this.starts[i]!;
    if (this.ends[i]! - a !== to - from) return false;
    const text = this.text;
    for (let k = 0; k < to - from; k++) if (text.charCodeAt(a + k) !== text.charCodeAt(from + k)) return false;
    return true;
  }

  /** the number of the line whose key is `key`, or -1 */
  protected find(key: string): number {
    const { slots, hashes, text } = this;
    const mask = slots.length - 1;
    const n = key.length;
    let h = 0x811c9dc5 | 0;
    for (let k = 0; k < n; k++) h = Math.imul(h ^ key.charCodeAt(k), 0x01000193);
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const r = slots[slot]!;
      if (r === 0) return -1;
      if (hashes[slot] !== h) continue;
      const a = this.starts[r - 1]!;
      if (this.ends[r - 1]! - a !== n) continue;
      let k = 0;
      while (k < n && text.charCodeAt(a + k) === key.charCodeAt(k)) k++;
      if (k === n) return r - 1;
    }
  }

  has(key: string): boolean {
    return this.find(key) >= 0;
  }

  protected key(i: number): string {
    return this.text.slice(this.starts[i], this.ends[i]);
  }
}

/** A read-only map from string keys to integers over the text of "key\tinteger" lines (the data files' count tables). */
export class CountTable extends HashedLines implements ReadonlyMap<string, number> {
  private readonly vals: Float64Array;

  private constructor(text: string, count: number) {
    super(text, count);
    this.vals = new Float64Array(count);
  }

  /**
   * Parses `count` lines "key\tinteger" (a key holds no tab or line break); returns an error message (not a table) on
   * a malformed line, a repeated key or a wrong count.
   */
  static parse(text: string, count: number): CountTable | string {
    const table = new CountTable(text, count);
    const n = text.length;
    let a = 0;
    let i = 0;
    // (one call a line: a small function V8 optimizes after a few thousand lines)
    while (a < n && i < count) {
      a = table.line(i++, a);
      if (a < 0) return a === -1 ? 'bad line' : a === -2 ? 'bad number' : 'repeated key';
    }
    if (i !== count || a < n) return `${count} lines expected`;
    return table;
  }

  /** Reads line i starting at offset a; the offset after its line break, or a negative error. */
  private line(i: number, a: number): number {
    const text = this.text;
    const n = text.length;
    const h = this.hashKey(a, true);
    const t = this.end;
    if (t === n || text.charCodeAt(t) !== 9) return -1;
    let k = t + 1;
    const neg = k < n && text.charCodeAt(k) === 0x2d;
    if (neg) k++;
    const d0 = k;
    let v = 0;
    for (; k < n; k++) {
      const d = text.charCodeAt(k) - 48;
      if (d < 0 || d > 9) break;
      v = v * 10 + d;
    }
    if (k === d0 || (k < n && text.charCodeAt(k) !== 10)) return -2;
    this.vals[i] = neg ? -v : v;
    return this.insert(i, a, t, h, true) ? k + 1 : -3;
  }

  get size(): number {
    return this.vals.length;
  }

  get(key: string): number | undefined {
    const i = this.find(key);
    return i < 0 ? undefined : this.vals[i];
  }

  /**
   * For keys of two words ("left right"), the number of keys per left word (the distinct right neighbours of each
   * word in a bigram table), without a string per key: a left word is sliced once per run of lines that share it.
   */
  countByFirstWord(): Map<string, number> {
    const out = new Map<string, number>();
    const text = this.text;
    let prevA = -1;
    let prevLen = -1;
    let prevKey = '';
    for (let i = 0; i < this.vals.length; i++) {
      const a = this.starts[i]!;
      const e = this.ends[i]!;
      let sp = a;
      while (sp < e && text.charCodeAt(sp) !== 32) sp++;
      // (a key of one word counts under itself less its last unit, as `k.slice(0, k.indexOf(' '))` did)
      if (sp === e) sp = Math.max(a, e - 1);
      const len = sp - a;
      let same = len === prevLen;
      for (let k = 0; same && k < len; k++) same = text.charCodeAt(a + k) === text.charCodeAt(prevA + k);
      if (!same) {
        prevKey = text.slice(a, sp);
        prevA = a;
        prevLen = len;
      }
      out.set(prevKey, (out.get(prevKey) ?? 0) + 1);
    }
    return out;
  }

  *entries(): MapIterator<[string, number]> {
    for (let i = 0; i < this.vals.length; i++) yield [this.key(i), this.vals[i]!];
  }

  *keys(): MapIterator<string> {
    for (let i = 0; i < this.vals.length; i++) yield this.key(i);
  }

  *values(): MapIterator<number> {
    for (let i = 0; i < this.vals.length; i++) yield this.vals[i]!;
  }

  [Symbol.iterator](): MapIterator<[string, number]> {
    return this.entries();
  }

  forEach(fn: (value: number, key: string, map: ReadonlyMap<string, number>) => void, thisArg?: unknown): void {
    for (let i = 0; i < this.vals.length; i++) fn.call(thisArg, this.vals[i]!, this.key(i), this);
  }
}

/**
 * LineIndex: the number of each line of a text (lines joined by "\n", each one a key). A line seen twice answers with
 * its last number, as a Map filled in order would.
 */
export class LineIndex extends HashedLines {
  private constructor(text: string, count: number) {
    super(text, count);
  }

  /** The index of the `count` lines of `text`; an error message when it holds another number of lines. */
  static of(text: string, count: number): LineIndex | string {
    if (count === 0) return text === '' ? new LineIndex('', 0) : '0 lines expected';
    const ix = new LineIndex(text, count);
    const n = text.length;
    let a = 0;
    for (let i = 0; i < count; i++) {
      if (a > n) return `${count} lines expected`;
      a = ix.line(i, a);
    }
    return a === n + 1 ? ix : `${count} lines expected`;
  }

  /** Indexes line i starting at a; the offset after its line break (text.length + 1 after the last line). */
  private line(i: number, a: number): number {
    const h = this.hashKey(a, false);
    this.insert(i, a, this.end, h, false);
    return this.end + 1;
  }

  get size(): number {
    return this.starts.length;
  }

  get(key: string): number | undefined {
    const i = this.find(key);
    return i < 0 ? undefined : i;
  }
}
