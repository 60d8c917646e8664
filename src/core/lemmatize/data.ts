/**
 * The lemmatizer's compiled data and its binary format. Pure: bytes in, objects out.
 *
 * Binary format (little-endian), version 1:
 *   magic "DBLM" | u16 version | u16 0 | u32 headerBytes | header JSON (UTF-8) | sections
 * Every section is a UTF-8 list of lines joined by "\n"; fields inside a line are joined by "\t". Tables are sorted
 * by key, so the same data always gives the same bytes.
 */
import { DabirError } from '../errors.js';

export const LEMMA_FORMAT_VERSION = 1;

/** Part-of-speech bits of a lexicon entry (a word known to be a lemma). */
export const POS_NOUN = 1;
export const POS_ADJ = 2;
export const POS_ADV = 4;
export const POS_PRON = 8;
export const POS_PROPN = 16;
export const POS_NUM = 32;
export const POS_OTHER = 64;
/** seen as a gold lemma in the training treebanks */
export const POS_GOLD = 128;

/** Plain-object form of the data, as built by scripts/train-lemmatizer.ts. */
export interface LemmaData {
  meta: Record<string, unknown>;
  /**
   * Verb stems: [past stem, weight, present stem, other present stems (informal, variants)...]. The weight is the
   * number of times the past stem was a gold verb lemma in training (a prior between competing analyses). An item
   * "=past" makes the row's stem a colloquial spelling of that past stem (تونست → توانست): its lemma is that one.
   */
  verbs: [string, number, ...string[]][];
  /** words known to be lemmas → POS bits */
  lexicon: ReadonlyMap<string, number>;
  /** irregular (broken) plurals → singular */
  plurals: Map<string, string>;
  /**
   * Suffix statistics for nominal analysis: "UPOS|chain|f" → [times the analysis was right, times it was wrong],
   * counted over the training word types. `f` is 1 when the whole form is itself a lexicon lemma.
   */
  stats: Map<string, [number, number]>;
  /** word frequency class: round(log2(count + 1)) in a large vocabulary (shekar) */
  freq: ReadonlyMap<string, number>;
  /** exceptions to the rules: "form\tUPOS" → lemma (UPOS "" = lemma when no UPOS is given) */
  exact: Map<string, string>;
  /** per-scheme overrides (e.g. "seraji"): "form\tUPOS" → lemma, plus "\tlemma\tX" → Y maps of whole lemmas */
  schemes: Record<string, Map<string, string>>;
  /**
   * The lemmas the rules give (no UPOS, scheme PerDT) to the frequent word forms of the raw train text, computed at
   * build time by this very data ('' = the form itself): a look-up instead of the analysis on a word's first sight.
   * Optional (older data has none); it never changes a result (tested: each entry equals the analysis).
   */
  cache?: LemmaCache;
}

/** form → lemma of the build-time cache ('' = the form itself) */
export interface LemmaCache {
  get(form: string): string | undefined;
  readonly size: number;
  entries(): IterableIterator<[string, string]>;
}

interface SectionInfo {
  name: string;
  bytes: number;
  count: number;
}

const MAGIC = [0x44, 0x42, 0x4c, 0x4d]; // DBLM

const byKey = <V>(m: ReadonlyMap<string, V>): [string, V][] => [...m.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));

/** Deterministic encoding. */
export function encodeLemmaData(data: LemmaData): Uint8Array {
  const enc = new TextEncoder();
  const chunks: { name: string; data: Uint8Array; count: number }[] = [];
  const add = (name: string, lines: string[]): void => {
    chunks.push({ name, data: enc.encode(lines.join('\n')), count: lines.length });
  };
  const verbs = [...data.verbs].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : (a[2] ?? '') < (b[2] ?? '') ? -1 : 1));
  add('verbs', verbs.map((v) => v.join('\t')));
  add('lexicon', byKey(data.lexicon).map(([k, v]) => `${k}\t${v}`));
  add('plurals', byKey(data.plurals).map(([k, v]) => `${k}\t${v}`));
  add('freq', byKey(data.freq).map(([k, v]) => `${k}\t${v}`));
  add('stats', byKey(data.stats).map(([k, v]) => `${k}\t${v[0]}\t${v[1]}`));
  add('exact', byKey(data.exact).map(([k, v]) => `${k}\t${v}`));
  const schemeNames = Object.keys(data.schemes).sort();
  for (const s of schemeNames) add(`scheme.${s}`, byKey(data.schemes[s]!).map(([k, v]) => `${k}\t${v}`));
  if (data.cache && data.cache.size) add('cache', [...data.cache.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([k, v]) => `${k}\t${v}`));

  const sections: SectionInfo[] = chunks.map((c) => ({ name: c.name, bytes: c.data.length, count: c.count }));
  const header = enc.encode(JSON.stringify({ meta: data.meta, schemes: schemeNames, sections }));
  const total = 12 + header.length + chunks.reduce((n, c) => n + c.data.length, 0);
  const out = new Uint8Array(total);
  out.set(MAGIC, 0);
  const dv = new DataView(out.buffer);
  dv.setUint16(4, LEMMA_FORMAT_VERSION, true);
  dv.setUint32(8, header.length, true);
  out.set(header, 12);
  let off = 12 + header.length;
  for (const c of chunks) {
    out.set(c.data, off);
    off += c.data.length;
  }
  return out;
}

const corrupt = (what: string): DabirError =>
  new DabirError('E_RESOURCE_CORRUPT', `lemma data: ${what}`, 'rebuild it with `npm run train:lemmatizer` or reinstall dabir');

/** Reads data/lemma.bin. Throws DabirError (E_RESOURCE_CORRUPT / E_RESOURCE_VERSION) on bad bytes. */
export function decodeLemmaData(bytes: Uint8Array): LemmaData {
  if (bytes.length < 12 || MAGIC.some((m, i) => bytes[i] !== m)) throw corrupt('bad magic number');
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = dv.getUint16(4, true);
  if (version !== LEMMA_FORMAT_VERSION) {
    throw new DabirError('E_RESOURCE_VERSION', `lemma data has format ${version}, this dabir reads ${LEMMA_FORMAT_VERSION}`, 'use the data shipped with this version of dabir');
  }
  const hlen = dv.getUint32(8, true);
  const dec = new TextDecoder();
  let header: { meta: Record<string, unknown>; schemes: string[]; sections: SectionInfo[] };
  try {
    header = JSON.parse(dec.decode(bytes.subarray(12, 12 + hlen)));
  } catch {
    throw corrupt('unreadable header');
  }
  // Each section is decoded (UTF-8) and parsed on its first use: the tagger's verb check reads the verb table only,
  // a lemmatizer given UPOS tags never reads the cache (all ~50 ms together)
  const raw = new Map<string, { bytes: Uint8Array; count: number }>();
  let off = 12 + hlen;
  for (const s of header.sections) {
    if (off + s.bytes > bytes.length) throw corrupt(`section ${s.name} truncated`);
    raw.set(s.name, { bytes: bytes.subarray(off, off + s.bytes), count: s.count });
    off += s.bytes;
  }
  const section = (name: string): { text: string; count: number } => {
    const t = raw.get(name);
    if (!t) throw corrupt(`section ${name} missing`);
    return { text: t.count === 0 ? '' : dec.decode(t.bytes), count: t.count };
  };
  // (a missing section is reported now, not on its first use)
  for (const name of ['verbs', 'lexicon', 'freq', 'stats', 'plurals', 'exact', ...header.schemes.map((x) => `scheme.${x}`)]) {
    if (!raw.has(name)) throw corrupt(`section ${name} missing`);
  }
  const get = (name: string): string[] => {
    const t = section(name);
    return t.count === 0 ? [] : t.text.split('\n');
  };
  /** "key\tinteger" lines, looked up in place (see NumberTable) */
  const numbers = (name: string): NumberTable => {
    const { text, count } = section(name);
    const t = NumberTable.parse(text, count);
    if (typeof t === 'string') throw corrupt(`section ${name}: ${t}`);
    return t;
  };
  const pairs = (name: string): Map<string, string> => {
    const m = new Map<string, string>();
    for (const l of get(name)) {
      const t = l.lastIndexOf('\t');
      m.set(l.slice(0, t), l.slice(t + 1));
    }
    return m;
  };
  const verbs = get('verbs').map((l) => {
    const f = l.split('\t');
    return [f[0]!, Number(f[1]), ...f.slice(2)] as [string, number, ...string[]];
  });
  const stats = (): Map<string, [number, number]> => {
    const m = new Map<string, [number, number]>();
    for (const l of get('stats')) {
      const f = l.split('\t');
      m.set(f[0]!, [Number(f[1]), Number(f[2])]);
    }
    return m;
  };
  const schemes = (): Record<string, Map<string, string>> => {
    const m: Record<string, Map<string, string>> = {};
    for (const x of header.schemes) m[x] = pairs(`scheme.${x}`);
    return m;
  };
  const cacheBytes = raw.get('cache');
  const cache = cacheBytes ? SortedPairs.lazy(() => dec.decode(cacheBytes.bytes), cacheBytes.count) : undefined;
  const out = { meta: header.meta, verbs, ...(cache ? { cache } : {}) } as LemmaData;
  lazyField(out, 'lexicon', () => numbers('lexicon'));
  lazyField(out, 'plurals', () => pairs('plurals'));
  lazyField(out, 'freq', () => numbers('freq'));
  lazyField(out, 'stats', stats);
  lazyField(out, 'exact', () => pairs('exact'));
  lazyField(out, 'schemes', schemes);
  return out;
}

/** Defines `key` on `o` as computed by `make` on its first read, then kept (an enumerable, read-only property). */
function lazyField<T extends object, K extends keyof T>(o: T, key: K, make: () => T[K]): void {
  let v: T[K] | undefined;
  let done = false;
  Object.defineProperty(o, key, {
    enumerable: true,
    get: () => {
      if (!done) {
        v = make();
        done = true;
      }
      return v;
    },
  });
}

/**
 * A read-only map from string keys to integers over the text of a "key\tinteger" section: the keys stay where they
 * are in that text (start and end offsets), the values are parsed into an Int32Array and an open-addressing table of
 * FNV-1a hashes finds them. Building it hashes each key once and makes no string per entry; a Map of the same 140k
 * entries took ~100 ms to build, most of the lemmatizer's load time.
 */
export class NumberTable implements ReadonlyMap<string, number> {
  private constructor(
    private readonly text: string,
    private readonly starts: Int32Array,
    private readonly ends: Int32Array,
    private readonly vals: Int32Array,
    private readonly slots: Int32Array,
    /** the key hash of each slot: a probe compares it before touching the key (most look-ups are for absent keys) */
    private readonly hashes: Int32Array,
  ) {}

  /** Parses `count` lines; returns an error message (not a table) on a malformed line or a repeated key. */
  static parse(text: string, count: number): NumberTable | string {
    const starts = new Int32Array(count);
    const ends = new Int32Array(count);
    const vals = new Int32Array(count);
    let cap = 16;
    while (cap < count * 2) cap <<= 1;
    const slots = new Int32Array(cap);
    const hashes = new Int32Array(cap);
    const table = new NumberTable(text, starts, ends, vals, slots, hashes);
    const n = text.length;
    const mask = cap - 1;
    // one pass over the characters: hash the key up to the tab, then read the number up to the line break (keys hold
    // no tab: the encoder writes `${key}\t${value}`)
    let a = 0;
    let i = 0;
    while (a < n && i < count) {
      let h = 0x811c9dc5 | 0;
      let t = a;
      let c = 0;
      for (; t < n; t++) {
        c = text.charCodeAt(t);
        if (c === 9 || c === 10) break;
        h = Math.imul(h ^ c, 0x01000193);
      }
      if (c !== 9 || t === n) return 'bad line';
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
      if (k === d0 || (k < n && text.charCodeAt(k) !== 10)) return 'bad number';
      starts[i] = a;
      ends[i] = t;
      vals[i] = neg ? -v : v;
      let slot = h & mask;
      for (;;) {
        const r = slots[slot]!;
        if (r === 0) break;
        if (hashes[slot] === h && table.same(r - 1, text, a, t)) return 'repeated key';
        slot = (slot + 1) & mask;
      }
      slots[slot] = i + 1;
      hashes[slot] = h;
      i++;
      a = k + 1;
    }
    if (i !== count || a < n) return `${count} lines expected`;
    return table;
  }

  get size(): number {
    return this.vals.length;
  }

  private same(i: number, s: string, from: number, to: number): boolean {
    const a = this.starts[i]!;
    if (this.ends[i]! - a !== to - from) return false;
    const text = this.text;
    for (let k = 0; k < to - from; k++) if (text.charCodeAt(a + k) !== s.charCodeAt(from + k)) return false;
    return true;
  }

  private find(key: string): number {
    const { slots, hashes } = this;
    const mask = slots.length - 1;
    const h = hashRange(key, 0, key.length);
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const r = slots[slot]!;
      if (r === 0) return -1;
      if (hashes[slot] === h && this.same(r - 1, key, 0, key.length)) return r - 1;
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

function hashRange(s: string, from: number, to: number): number {
  let h = 0x811c9dc5 | 0;
  for (let k = from; k < to; k++) h = Math.imul(h ^ s.charCodeAt(k), 0x01000193);
  return h;
}

/**
 * "key\tvalue" lines sorted by key (UTF-16 order, as the encoder writes them), looked up by binary search: the bytes
 * are decoded and split into lines on the first look-up, not at load.
 */
export class SortedPairs implements LemmaCache {
  private lines: string[] | undefined;
  private constructor(
    private readonly text: () => string,
    readonly size: number,
  ) {}
  /** the lines of a section decoded by `text` when first needed */
  static lazy(text: () => string, count: number): SortedPairs {
    return new SortedPairs(text, count);
  }
  private all(): string[] {
    return (this.lines ??= this.size === 0 ? [] : this.text().split('\n'));
  }
  get(key: string): string | undefined {
    const lines = this.all();
    let lo = 0;
    let hi = lines.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const line = lines[mid]!;
      // compare key with the line's key (up to its tab), unit by unit
      let i = 0;
      let c = 0;
      for (;; i++) {
        const a = i < key.length ? key.charCodeAt(i) : -1;
        const b = line.charCodeAt(i);
        const lb = b === 9 ? -1 : b;
        if (a !== lb) {
          c = a < lb ? -1 : 1;
          break;
        }
        if (a === -1) break;
      }
      if (c === 0) return line.slice(i + 1);
      if (c < 0) hi = mid - 1;
      else lo = mid + 1;
    }
    return undefined;
  }
  *entries(): IterableIterator<[string, string]> {
    for (const l of this.all()) {
      const t = l.indexOf('\t');
      yield [l.slice(0, t), l.slice(t + 1)];
    }
  }
}
