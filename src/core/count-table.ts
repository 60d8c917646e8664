/**
 * CountTable: a read-only map from string keys to integers over the text of "key\tinteger" lines, as the data files
 * store their count tables. Parsing hashes each key in place (FNV-1a over its UTF-16 units) into an open-addressing
 * table of line numbers: no string per line and no Map (a Map of the spelling data's 356k bigrams took ~270 ms to
 * build, this ~60 ms). Keys are compared with the text where they stand.
 */
export class CountTable implements ReadonlyMap<string, number> {
  private constructor(
    private readonly text: string,
    private readonly starts: Int32Array,
    private readonly ends: Int32Array,
    private readonly vals: Float64Array,
    private readonly slots: Int32Array,
    /** the key hash of each slot: a probe compares it before touching the key (most look-ups are for absent keys) */
    private readonly hashes: Int32Array,
  ) {}

  /**
   * Parses `count` lines "key\tinteger" (a key holds no tab or line break); returns an error message (not a table) on
   * a malformed line, a repeated key or a wrong count.
   */
  static parse(text: string, count: number): CountTable | string {
    const starts = new Int32Array(count);
    const ends = new Int32Array(count);
    const vals = new Float64Array(count);
    let cap = 16;
    while (cap < count * 2) cap <<= 1;
    const slots = new Int32Array(cap);
    const hashes = new Int32Array(cap);
    const table = new CountTable(text, starts, ends, vals, slots, hashes);
    const n = text.length;
    let a = 0;
    let i = 0;
    // (one call a line: a small function V8 optimizes after a few thousand lines, where a loop over all of them ran
    // unoptimized for most of its length)
    while (a < n && i < count) {
      a = table.line(i++, a);
      if (a < 0) return a === -1 ? 'bad line' : a === -2 ? 'bad number' : 'repeated key';
    }
    if (i !== count || a < n) return `${count} lines expected`;
    return table;
  }

  /** Reads line i starting at offset a into the table; the offset after its line break, or a negative error. */
  private line(i: number, a: number): number {
    const text = this.text;
    const n = text.length;
    let h = 0x811c9dc5 | 0;
    let t = a;
    let c = 0;
    for (; t < n; t++) {
      c = text.charCodeAt(t);
      if (c === 9 || c === 10) break;
      h = Math.imul(h ^ c, 0x01000193);
    }
    if (c !== 9 || t === n) return -1;
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
    this.starts[i] = a;
    this.ends[i] = t;
    this.vals[i] = neg ? -v : v;
    const slots = this.slots;
    const mask = slots.length - 1;
    let slot = h & mask;
    for (;;) {
      const r = slots[slot]!;
      if (r === 0) break;
      if (this.hashes[slot] === h && this.sameRange(r - 1, a, t)) return -3;
      slot = (slot + 1) & mask;
    }
    slots[slot] = i + 1;
    this.hashes[slot] = h;
    return k + 1;
  }

  get size(): number {
    return this.vals.length;
  }

  /** whether entry i's key equals text[from, to) */
  private sameRange(i: number, from: number, to: number): boolean {
    const a = this.starts[i]!;
    if (this.ends[i]! - a !== to - from) return false;
    const text = this.text;
    for (let k = 0; k < to - from; k++) if (text.charCodeAt(a + k) !== text.charCodeAt(from + k)) return false;
    return true;
  }

  private find(key: string): number {
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

  get(key: string): number | undefined {
    const i = this.find(key);
    return i < 0 ? undefined : this.vals[i];
  }

  has(key: string): boolean {
    return this.find(key) >= 0;
  }

  private key(i: number): string {
    return this.text.slice(this.starts[i], this.ends[i]);
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
 * LineIndex: the line number of each line of a text (lines joined by "\n", each a key), looked up where the lines stand:
 * each line hashed in place into an open-addressing table, no string per line (a Map of the spelling lexicon's 215k
 * words took ~60 ms to build). A line seen twice answers with its last number, as a Map filled in order would.
 */
export class LineIndex {
  private constructor(
    private readonly text: string,
    private readonly starts: Int32Array,
    private readonly slots: Int32Array,
    private readonly hashes: Int32Array,
  ) {}

  /** The index of the `count` lines of `text`; an error message when it holds another number of lines. */
  static of(text: string, count: number): LineIndex | string {
    if (count === 0) return text === '' ? new LineIndex('', new Int32Array(1), new Int32Array(16), new Int32Array(16)) : '0 lines expected';
    const starts = new Int32Array(count + 1);
    let cap = 16;
    while (cap < count * 2) cap <<= 1;
    const ix = new LineIndex(text, starts, new Int32Array(cap), new Int32Array(cap));
    let a = 0;
    let i = 0;
    while (i < count) {
      starts[i] = a;
      a = ix.line(i++, a);
      if (a > text.length + 1 || (a === text.length + 1 && i < count)) return `${count} lines expected`;
    }
    if (a !== text.length + 1) return `${count} lines expected`;
    starts[count] = a;
    return ix;
  }

  /** Indexes line i starting at a; the offset after its line break (text.length + 1 for the last line). */
  private line(i: number, a: number): number {
    const text = this.text;
    const n = text.length;
    let h = 0x811c9dc5 | 0;
    let t = a;
    for (; t < n; t++) {
      const c = text.charCodeAt(t);
      if (c === 10) break;
      h = Math.imul(h ^ c, 0x01000193);
    }
    const slots = this.slots;
    const mask = slots.length - 1;
    let slot = h & mask;
    for (;;) {
      const r = slots[slot]!;
      if (r === 0) break;
      if (this.hashes[slot] === h && this.sameLine(r - 1, a, t)) break; // a repeated line: the later number
      slot = (slot + 1) & mask;
    }
    slots[slot] = i + 1;
    this.hashes[slot] = h;
    return t + 1;
  }

  get size(): number {
    return this.starts.length - 1;
  }

  private sameLine(i: number, from: number, to: number): boolean {
    const a = this.starts[i]!;
    const text = this.text;
    let k = 0;
    for (; from + k < to; k++) if (text.charCodeAt(a + k) !== text.charCodeAt(from + k)) return false;
    return a + k === text.length || text.charCodeAt(a + k) === 10;
  }

  get(key: string): number | undefined {
    const { slots, hashes, text, starts } = this;
    const mask = slots.length - 1;
    const n = key.length;
    let h = 0x811c9dc5 | 0;
    for (let k = 0; k < n; k++) h = Math.imul(h ^ key.charCodeAt(k), 0x01000193);
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const r = slots[slot]!;
      if (r === 0) return undefined;
      if (hashes[slot] !== h) continue;
      const a = starts[r - 1]!;
      if (starts[r]! - 1 - a !== n) continue;
      let k = 0;
      while (k < n && text.charCodeAt(a + k) === key.charCodeAt(k)) k++;
      if (k === n) return r - 1;
    }
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }
}
