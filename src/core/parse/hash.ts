/**
 * Hashing for the parser's features: strings → 32-bit codes, codes combined into 32-bit feature keys, and a
 * read-only open-addressing table from keys to rows. No strings are built while parsing: every feature key is a few
 * integer multiplications.
 */

/** FNV-1a over UTF-16 code units, then the murmur3 finalizer. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return fmix(h);
}

/** murmur3 32-bit finalizer. */
export function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

/** One murmur3 block step: mixes `v` into `h`. */
export function mix(h: number, v: number): number {
  v = Math.imul(v, 0xcc9e2d51);
  v = (v << 15) | (v >>> 17);
  v = Math.imul(v, 0x1b873593);
  h ^= v;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/** A feature key: never 0 (0 marks an empty slot). */
export function key(h: number): number {
  const k = fmix(h);
  return k === 0 ? 1 : k;
}

/** Read-only map from feature keys (non-zero int32) to row numbers 0..size-1. */
/** Row stored with key `k` in an open-addressing table (linear probing, 0 = empty slot), or -1. */
function probe(slots: Int32Array, rows: Int32Array, mask: number, k: number): number {
  for (let s = k & mask; ; s = (s + 1) & mask) {
    const v = slots[s]!;
    if (v === k) return rows[s]!;
    if (v === 0) return -1;
  }
}

export class KeyTable {
  readonly size: number;
  private readonly slots: Int32Array;
  private readonly rows: Int32Array;
  private readonly mask: number;

  constructor(keys: Int32Array) {
    this.size = keys.length;
    let cap = 16;
    while (cap < keys.length * 2) cap <<= 1;
    this.mask = cap - 1;
    this.slots = new Int32Array(cap);
    this.rows = new Int32Array(cap);
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i]!;
      let s = k & this.mask;
      while (this.slots[s] !== 0) s = (s + 1) & this.mask;
      this.slots[s] = k;
      this.rows[s] = i;
    }
  }

  /** Row of a key, or -1. */
  get(k: number): number {
    return probe(this.slots, this.rows, this.mask, k);
  }
}

/** Growable map from feature keys to row numbers (training). */
export class GrowTable {
  size = 0;
  private slots: Int32Array;
  private rows: Int32Array;
  private mask: number;

  constructor(cap = 1 << 16) {
    this.slots = new Int32Array(cap);
    this.rows = new Int32Array(cap);
    this.mask = cap - 1;
  }

  get(k: number): number {
    return probe(this.slots, this.rows, this.mask, k);
  }

  /** Row of a key, adding it (as row `size`) when absent. */
  add(k: number): number {
    if ((this.size + 1) * 2 > this.mask + 1) this.grow();
    const { slots, mask } = this;
    let s = k & mask;
    for (;;) {
      const v = slots[s]!;
      if (v === k) return this.rows[s]!;
      if (v === 0) {
        slots[s] = k;
        this.rows[s] = this.size;
        return this.size++;
      }
      s = (s + 1) & mask;
    }
  }

  /** keys by row */
  keys(): Int32Array {
    const out = new Int32Array(this.size);
    for (let s = 0; s <= this.mask; s++) if (this.slots[s] !== 0) out[this.rows[s]!] = this.slots[s]!;
    return out;
  }

  private grow(): void {
    const oldS = this.slots;
    const oldR = this.rows;
    const cap = (this.mask + 1) * 2;
    this.slots = new Int32Array(cap);
    this.rows = new Int32Array(cap);
    this.mask = cap - 1;
    for (let i = 0; i < oldS.length; i++) {
      const k = oldS[i]!;
      if (k === 0) continue;
      let s = k & this.mask;
      while (this.slots[s] !== 0) s = (s + 1) & this.mask;
      this.slots[s] = k;
      this.rows[s] = oldR[i]!;
    }
  }
}

export { mulberry32 } from '../prng.js';
