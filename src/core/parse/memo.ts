/**
 * An exact memo of small integer results keyed by whole lists of feature keys. Beam search scores many items whose
 * features around the stack and the buffer are the same (they differ only in decisions further away), so the same
 * key list is looked up in the weight tables again and again; a hit here costs a hash and a comparison of the keys
 * instead of one random read of a large table per key. Exact: an entry matches only when every key is equal, so the
 * results (and the parses) are those of the look-ups themselves.
 *
 * Cleared per sentence by its user; bounded (entries and pooled keys), cleared when full: a memo only saves time.
 */
export class KeyMemo {
  private slots: Int32Array<ArrayBuffer> = new Int32Array(1024);
  private hashes: Int32Array<ArrayBuffer> = new Int32Array(512);
  private offs: Int32Array<ArrayBuffer> = new Int32Array(512);
  private lens: Int32Array<ArrayBuffer> = new Int32Array(512);
  /** the results, `width` per entry (entry e at vals[e * width ...]; see get and set) */
  private vals: Int32Array<ArrayBuffer>;
  private pool: Int32Array<ArrayBuffer> = new Int32Array(16384);
  private used = 0;
  private size = 0;

  constructor(
    readonly width: number,
    /** at most this many entries (then cleared) */
    private readonly maxEntries = 1 << 16,
  ) {
    this.vals = new Int32Array(512 * width);
  }

  clear(): void {
    if (this.size === 0) return;
    // (a long sentence grows the table: later short ones start small again rather than clear it all each time)
    if (this.slots.length > 4096) this.slots = new Int32Array(1024);
    else this.slots.fill(0);
    this.size = 0;
    this.used = 0;
  }

  /** result i of entry e */
  get(e: number, i: number): number {
    return this.vals[e * this.width + i]!;
  }

  set(e: number, i: number, v: number): void {
    this.vals[e * this.width + i] = v;
  }

  /** hash of the keys buf[0..n) */
  static hash(buf: Int32Array, n: number): number {
    let h = 0x811c9dc5 ^ n;
    for (let i = 0; i < n; i++) {
      h = Math.imul(h ^ buf[i]!, 0x01000193);
      h ^= h >>> 15;
    }
    return h | 0;
  }

  /** The entry of the keys buf[0..n) (hash h), or -1. */
  find(buf: Int32Array, n: number, h: number): number {
    const mask = this.slots.length - 1;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const e = this.slots[s]! - 1;
      if (e < 0) return -1;
      if (this.hashes[e] === h && this.lens[e] === n && this.same(e, buf, n)) return e;
    }
  }

  private same(e: number, buf: Int32Array, n: number): boolean {
    const pool = this.pool;
    for (let i = 0, o = this.offs[e]!; i < n; i++) if (pool[o + i] !== buf[i]) return false;
    return true;
  }

  /** Adds the keys buf[0..n) (hash h, not present); returns the new entry, whose results the caller sets. */
  add(buf: Int32Array, n: number, h: number): number {
    if (this.size >= this.maxEntries) this.clear();
    if (this.used + n > this.pool.length) this.pool = grow(this.pool, this.used + n);
    if (this.size >= this.hashes.length) {
      const m = this.hashes.length * 2;
      this.hashes = grow(this.hashes, m);
      this.offs = grow(this.offs, m);
      this.lens = grow(this.lens, m);
      this.vals = grow(this.vals, m * this.width);
    }
    if ((this.size + 1) * 2 > this.slots.length) this.rehash(this.slots.length * 2);
    const e = this.size++;
    this.hashes[e] = h;
    this.offs[e] = this.used;
    this.lens[e] = n;
    this.pool.set(buf.subarray(0, n), this.used);
    this.used += n;
    const mask = this.slots.length - 1;
    let s = h & mask;
    while (this.slots[s] !== 0) s = (s + 1) & mask;
    this.slots[s] = e + 1;
    return e;
  }

  private rehash(cap: number): void {
    const slots = new Int32Array(cap);
    const mask = cap - 1;
    for (let e = 0; e < this.size; e++) {
      let s = this.hashes[e]! & mask;
      while (slots[s] !== 0) s = (s + 1) & mask;
      slots[s] = e + 1;
    }
    this.slots = slots;
  }
}

function grow(a: Int32Array, min: number): Int32Array<ArrayBuffer> {
  let n = a.length * 2;
  while (n < min) n *= 2;
  const b = new Int32Array(n);
  b.set(a);
  return b;
}
