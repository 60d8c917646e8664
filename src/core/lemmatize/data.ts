/**
 * The lemmatizer's compiled data and its binary format. Pure: bytes in, objects out.
 *
 * Binary format (little-endian), version 2:
 *   magic "DBLM" | u16 version | u16 0 | u32 headerBytes | header JSON (UTF-8) | sections
 * Every section is a UTF-8 list of lines joined by "\n"; fields inside a line are joined by "\t". Tables are sorted
 * by key, so the same data always gives the same bytes; the two large "key\tinteger" tables (lexicon, freq) are
 * grouped by hash bucket instead, each followed by a section "<name>.index" of u32 byte offsets where each bucket's
 * lines start (version 1 had no index: the tables were hashed at load, ~40 ms).
 */
import { DabirError, kindOf } from '../errors.js';
import { lazyField } from '../resource.js';

export const LEMMA_FORMAT_VERSION = 2;

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
/**
 * the part-of-speech bits of the UPOS the training treebanks give the word as a lemma, shifted by this many bits (a
 * treebank word's own POS, apart from the lexicons', which give many adjectives a noun's too)
 */
export const GOLD_UPOS_SHIFT = 8;

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
  /** a "key\tinteger" table grouped by bucket, with the index of where each bucket starts (see BucketTable) */
  const addBucketed = (name: string, m: ReadonlyMap<string, number>): void => {
    const nb = bucketCount(m.size);
    const rows = byKey(m).map(([k, v]) => ({ b: bucketOf(k, nb), line: enc.encode(`${k}\t${v}`) }));
    rows.sort((x, y) => x.b - y.b); // (stable: by key within a bucket)
    // (lines joined by line breaks, none after the last)
    const total = Math.max(0, rows.reduce((n, row) => n + row.line.length + 1, 0) - 1);
    const index = new Uint32Array(nb + 1);
    let at = 0;
    let r = 0;
    for (let b = 0; b <= nb; b++) {
      index[b] = Math.min(at, total);
      for (; r < rows.length && rows[r]!.b === b; r++) at += rows[r]!.line.length + 1;
    }
    const text = new Uint8Array(total);
    let o = 0;
    for (const row of rows) {
      text.set(row.line, o);
      o += row.line.length;
      if (o < text.length) text[o++] = 10;
    }
    chunks.push({ name, data: text, count: rows.length });
    const ib = new Uint8Array(index.length * 4);
    const dv = new DataView(ib.buffer);
    for (let b = 0; b < index.length; b++) dv.setUint32(b * 4, index[b]!, true);
    chunks.push({ name: name + '.index', data: ib, count: index.length });
  };
  addBucketed('lexicon', data.lexicon);
  add('plurals', byKey(data.plurals).map(([k, v]) => `${k}\t${v}`));
  addBucketed('freq', data.freq);
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
  if (!(bytes instanceof Uint8Array)) throw new DabirError('E_RESOURCE_CORRUPT', `lemma data: not the bytes of data/lemma.bin (got ${kindOf(bytes)})`, 'pass the bytes of data/lemma.bin as a Uint8Array');
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
  /** "key\tinteger" lines grouped by bucket, looked up in their UTF-8 bytes (see BucketTable) */
  const numbers = (name: string): BucketTable => {
    const t = raw.get(name)!;
    const ix = raw.get(name + '.index');
    if (!ix) throw corrupt(`section ${name}.index missing`);
    const table = BucketTable.of(t.bytes, ix.bytes, t.count);
    if (typeof table === 'string') throw corrupt(`section ${name}: ${table}`);
    return table;
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


/** The number of buckets of a table of `count` keys: a power of two, about four keys a bucket. */
export function bucketCount(count: number): number {
  let nb = 1;
  while (nb * 4 < count) nb <<= 1;
  return nb;
}

/** The bucket of a key among `nb` (a power of two): FNV-1a over its UTF-16 units. */
export function bucketOf(key: string, nb: number): number {
  return hashRange(key, 0, key.length) & (nb - 1);
}

/**
 * A read-only map from string keys to integers over the UTF-8 bytes of a "key\tinteger" section whose lines the
 * encoder grouped by bucket (`bucketOf`), with the byte offset where each bucket's lines start. Loading does nothing
 * per entry: the bytes stay as they are and the index is copied once. A look-up hashes the key and compares it, in
 * UTF-8, with the few lines of its bucket (about four). Hashing the 140k entries of the two tables at load took ~40 ms,
 * most of it in code V8 had not optimized yet.
 */
export class BucketTable implements ReadonlyMap<string, number> {
  private text: string[] | undefined;
  private constructor(
    private readonly bytes: Uint8Array,
    private readonly index: Uint32Array,
    readonly size: number,
  ) {}

  /** The table over `bytes` with the u32 offsets of `indexBytes`; an error message (not a table) when they do not fit. */
  static of(bytes: Uint8Array, indexBytes: Uint8Array, count: number): BucketTable | string {
    const n = indexBytes.length >>> 2;
    if (n < 2 || indexBytes.length !== n * 4 || ((n - 1) & (n - 2)) !== 0) return 'bad index size';
    const index = new Uint32Array(n);
    if (LITTLE_ENDIAN) new Uint8Array(index.buffer).set(indexBytes);
    else {
      const dv = new DataView(indexBytes.buffer, indexBytes.byteOffset, indexBytes.byteLength);
      for (let i = 0; i < n; i++) index[i] = dv.getUint32(i * 4, true);
    }
    if (index[0] !== 0 || index[n - 1] !== bytes.length) return 'index does not cover the lines';
    for (let i = 1; i < n; i++) if (index[i]! < index[i - 1]!) return 'index not in order';
    return new BucketTable(bytes, index, count);
  }

  /** the byte offset of the value of `key` (after its tab), or -1 */
  private find(key: string): number {
    const { bytes, index } = this;
    const b = hashRange(key, 0, key.length) & (index.length - 2);
    const end = index[b + 1]!;
    const n = key.length;
    let p = index[b]!;
    while (p < end) {
      let q = p;
      let k = 0;
      // the key's UTF-8 against the line's, unit by unit (a lone surrogate matches nothing: no key holds one)
      for (; k < n; k++) {
        const c = key.charCodeAt(k);
        if (c < 0x80) {
          if (bytes[q] !== c) break;
          q++;
        } else if (c < 0x800) {
          if (bytes[q] !== (0xc0 | (c >> 6)) || bytes[q + 1] !== (0x80 | (c & 63))) break;
          q += 2;
        } else if (c < 0xd800 || c > 0xdfff) {
          if (bytes[q] !== (0xe0 | (c >> 12)) || bytes[q + 1] !== (0x80 | ((c >> 6) & 63)) || bytes[q + 2] !== (0x80 | (c & 63))) break;
          q += 3;
        } else {
          const d = c <= 0xdbff && k + 1 < n ? key.charCodeAt(k + 1) : 0;
          if (d < 0xdc00 || d > 0xdfff) break;
          const cp = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
          if (bytes[q] !== (0xf0 | (cp >> 18)) || bytes[q + 1] !== (0x80 | ((cp >> 12) & 63)) || bytes[q + 2] !== (0x80 | ((cp >> 6) & 63)) || bytes[q + 3] !== (0x80 | (cp & 63))) break;
          q += 4;
          k++;
        }
      }
      if (k === n && q < end && bytes[q] === 9) return q + 1;
      // the next line
      while (p < end && bytes[p] !== 10) p++;
      p++;
    }
    return -1;
  }

  get(key: string): number | undefined {
    let p = this.find(key);
    if (p < 0) return undefined;
    const bytes = this.bytes;
    const neg = bytes[p] === 0x2d;
    if (neg) p++;
    let v = 0;
    for (; p < bytes.length; p++) {
      const d = bytes[p]! - 48;
      if (d < 0 || d > 9) break;
      v = v * 10 + d;
    }
    return neg ? -v : v;
  }

  has(key: string): boolean {
    return this.find(key) >= 0;
  }

  /** the lines, decoded on first need (iteration only; look-ups never decode) */
  private lines(): string[] {
    return (this.text ??= this.bytes.length === 0 ? [] : new TextDecoder().decode(this.bytes).split('\n'));
  }

  *entries(): MapIterator<[string, number]> {
    for (const l of this.lines()) {
      const t = l.lastIndexOf('\t');
      yield [l.slice(0, t), Number(l.slice(t + 1))];
    }
  }

  *keys(): MapIterator<string> {
    for (const [k] of this.entries()) yield k;
  }

  *values(): MapIterator<number> {
    for (const [, v] of this.entries()) yield v;
  }

  [Symbol.iterator](): MapIterator<[string, number]> {
    return this.entries();
  }

  forEach(fn: (value: number, key: string, map: ReadonlyMap<string, number>) => void, thisArg?: unknown): void {
    for (const [k, v] of this.entries()) fn.call(thisArg, v, k, this);
  }
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function hashRange(s: string, from: number, to: number): number {
  let h = 0x811c9dc5 | 0;
  for (let k = from; k < to; k++) h = Math.imul(h ^ s.charCodeAt(k), 0x01000193);
  return h;
}

/**
 * "key\tvalue" lines sorted by key (UTF-16 order, as the encoder writes them): the bytes are decoded on the first
 * look-up, not at load, and indexed by a hash table of line offsets into the one decoded string (a look-up reads one
 * or two places of it; a binary search over the lines as separate strings read about 15, each a cache miss).
 */
export class SortedPairs implements LemmaCache {
  private s: string | undefined;
  /** 1 + the offset of a line, by the hash of its key (linear probing; 0 = empty) */
  private slots: Int32Array | undefined;
  private constructor(
    private readonly text: () => string,
    readonly size: number,
  ) {}
  /** the lines of a section decoded by `text` when first needed */
  static lazy(text: () => string, count: number): SortedPairs {
    return new SortedPairs(text, count);
  }
  /** the decoded text (decoded once) */
  private str(): string {
    return (this.s ??= this.size === 0 ? '' : this.text());
  }
  private index(): Int32Array {
    const s = this.str();
    let cap = 16;
    while (cap < this.size * 2) cap <<= 1;
    const slots = new Int32Array(cap);
    const mask = cap - 1;
    for (let start = 0; start < s.length; ) {
      let end = s.indexOf('\n', start);
      if (end < 0) end = s.length;
      const tab = keyEnd(s, start, end);
      let h = hashRange(s, start, tab) & mask;
      while (slots[h] !== 0) h = (h + 1) & mask;
      slots[h] = start + 1;
      start = end + 1;
    }
    return (this.slots = slots);
  }
  get(key: string): string | undefined {
    const slots = this.slots ?? this.index();
    const s = this.str();
    const mask = slots.length - 1;
    const n = key.length;
    for (let h = hashRange(key, 0, n) & mask; ; h = (h + 1) & mask) {
      const o = slots[h]! - 1;
      if (o < 0) return undefined;
      // the line's key is `key` when its n units match and a tab (or the line's end) follows
      const c = s.charCodeAt(o + n);
      if (c !== 9 && c !== 10 && o + n !== s.length) continue;
      let i = 0;
      while (i < n && s.charCodeAt(o + i) === key.charCodeAt(i)) i++;
      if (i < n) continue;
      if (c !== 9) return '';
      let end = s.indexOf('\n', o + n + 1);
      if (end < 0) end = s.length;
      return s.slice(o + n + 1, end);
    }
  }
  *entries(): IterableIterator<[string, string]> {
    const s = this.str();
    for (let start = 0; start < s.length; ) {
      let end = s.indexOf('\n', start);
      if (end < 0) end = s.length;
      const tab = keyEnd(s, start, end);
      yield [s.slice(start, tab), tab < end ? s.slice(tab + 1, end) : ''];
      start = end + 1;
    }
  }
}

/** the end of the key of the line s[start, end): its first tab, or the line's end */
function keyEnd(s: string, start: number, end: number): number {
  const t = s.indexOf('\t', start);
  return t < 0 || t > end ? end : t;
}
