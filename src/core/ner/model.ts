/**
 * The named-entity model (data/ner.bin): a linear model over hashed features (./features.ts) with one weight per
 * (feature, label), quantized to 16 bits, and a word lexicon (word facts keyed by the hash of the feature form).
 * Greedy left-to-right decoding over BIO labels; an I-T label only follows B-T or I-T.
 *
 * Binary format (little endian): "DBNE", u16 format version, u16 0, u32 total length, 32-byte SHA-256 of everything
 * from byte 44 on, u32 header length, the JSON header (labels, scale, meta, sections), padded to 4 bytes, then the
 * sections: lex.k (u32 keys), lex.v (u32 facts), w.k (u32 feature keys), w.v (i16, labels per key).
 */
import { DabirError } from '../errors.js';
import { sha256 } from '../sha256.js';
import { allowed, dynamicKeys, keyOf, NER_LABELS, nerForm, staticKeys } from './features.js';

export const NER_FORMAT_VERSION = 1;

export interface NerHeader {
  labels: string[];
  /** weight = stored i16 × scale */
  scale: number;
  meta: Record<string, unknown>;
}

export interface NerData {
  header: NerHeader;
  lexKeys: Uint32Array;
  lexVals: Uint32Array;
  wKeys: Uint32Array;
  /** wKeys.length × labels.length */
  w: Int16Array;
}

/** Open-addressing table from 32-bit keys to row numbers. */
class KeyTable {
  private readonly slots: Int32Array;
  private readonly keys: Uint32Array;
  private readonly mask: number;
  constructor(keys: Uint32Array) {
    let size = 16;
    while (size < keys.length * 2) size *= 2;
    this.slots = new Int32Array(size).fill(-1);
    this.keys = keys;
    this.mask = size - 1;
    for (let r = 0; r < keys.length; r++) {
      let s = keys[r]! & this.mask;
      while (this.slots[s] !== -1) s = (s + 1) & this.mask;
      this.slots[s] = r;
    }
  }
  row(k: number): number {
    const key = k >>> 0;
    for (let s = key & this.mask; ; s = (s + 1) & this.mask) {
      const r = this.slots[s]!;
      if (r === -1 || this.keys[r] === key) return r;
    }
  }
}

export class NerModel {
  readonly labels: string[];
  readonly meta: Record<string, unknown>;
  private readonly lex: KeyTable;
  private readonly lexVals: Uint32Array;
  private readonly wt: KeyTable;
  private readonly w: Int16Array;
  private readonly scale: number;
  private readonly L: number;

  constructor(d: NerData) {
    this.labels = d.header.labels;
    this.meta = d.header.meta;
    this.L = this.labels.length;
    this.lex = new KeyTable(d.lexKeys);
    this.lexVals = d.lexVals;
    this.wt = new KeyTable(d.wKeys);
    this.w = d.w;
    this.scale = d.header.scale;
  }

  /** The lexicon facts of a feature form. */
  readonly facts = (form: string): number => {
    const r = this.lex.row(keyOf(form));
    return r < 0 ? 0 : this.lexVals[r]!;
  };

  private add(scores: Float64Array, key: number): void {
    const r = this.wt.row(key);
    if (r < 0) return;
    const L = this.L;
    const o = r * L;
    for (let l = 0; l < L; l++) scores[l]! += this.w[o + l]!;
  }

  /** BIO label ids for the words of one sentence (surface forms; they are put in feature form here). */
  labelIds(words: readonly string[]): Int32Array {
    const forms = words.map(nerForm);
    const n = forms.length;
    const out = new Int32Array(n);
    if (n === 0) return out;
    const stat = staticKeys(forms, this.facts);
    const scores = new Float64Array(this.L);
    const dyn: number[] = [];
    let p2 = -1;
    let p1 = -1;
    for (let i = 0; i < n; i++) {
      scores.fill(0);
      for (const k of stat[i]!) this.add(scores, k);
      for (const k of dynamicKeys(forms, i, p2, p1, dyn)) this.add(scores, k);
      let best = 0;
      let bs = -Infinity;
      for (let l = 0; l < this.L; l++) {
        if (allowed(p1, l) && scores[l]! > bs) {
          bs = scores[l]!;
          best = l;
        }
      }
      out[i] = best;
      p2 = p1;
      p1 = best;
    }
    return out;
  }

  /** BIO labels ('O', 'B-PER', 'I-PER', ...) for the words of one sentence. */
  label(words: readonly string[]): string[] {
    return Array.from(this.labelIds(words), (l) => this.labels[l]!);
  }

  /** weight scale (for inspection and tests) */
  get weightScale(): number {
    return this.scale;
  }
}

// ---- binary encoding ----

const MAGIC = [0x44, 0x42, 0x4e, 0x45]; // "DBNE"
const HEAD = 44;

type Arr = Uint32Array | Uint16Array | Int16Array;
const SECTIONS: [string, 'u32' | 'u16' | 'i16'][] = [
  ['lex.k', 'u32'],
  ['lex.v', 'u32'],
  ['w.k', 'u32'],
  ['w.v', 'i16'],
];
const arraysOf = (d: NerData): Arr[] => [d.lexKeys, d.lexVals, d.wKeys, d.w];

/** Serializes a model (deterministic bytes for the same data). */
export function encodeNer(d: NerData): Uint8Array {
  const arrs = arraysOf(d);
  const sections: [string, string, number, number][] = [];
  let off = 0;
  arrs.forEach((a, i) => {
    sections.push([SECTIONS[i]![0], SECTIONS[i]![1], off, a.length]);
    off += Math.ceil(a.byteLength / 4) * 4;
  });
  const hbytes = new TextEncoder().encode(JSON.stringify({ ...d.header, sections }));
  const dataStart = HEAD + 4 + Math.ceil(hbytes.length / 4) * 4;
  const out = new Uint8Array(dataStart + off);
  out.set(MAGIC, 0);
  const dv = new DataView(out.buffer);
  dv.setUint16(4, NER_FORMAT_VERSION, true);
  dv.setUint32(8, out.length, true);
  dv.setUint32(HEAD, hbytes.length, true);
  out.set(hbytes, HEAD + 4);
  arrs.forEach((a, i) => out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), dataStart + sections[i]![2]));
  out.set(sha256(out.subarray(HEAD)), 12);
  return out;
}

const corrupt = (what: string): DabirError =>
  new DabirError('E_RESOURCE_CORRUPT', `named-entity model: ${what}`, 'rebuild it with `npm run train:ner` or reinstall dabir');

/** Reads data/ner.bin. Throws DabirError E_RESOURCE_CORRUPT on bad bytes, E_RESOURCE_VERSION on another format. */
export function decodeNerData(bytes: Uint8Array): NerData {
  if (!(bytes instanceof Uint8Array) || bytes.length < HEAD + 4) throw corrupt('too short');
  for (let i = 0; i < 4; i++) if (bytes[i] !== MAGIC[i]) throw corrupt('bad magic');
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = dv.getUint16(4, true);
  if (version !== NER_FORMAT_VERSION) {
    throw new DabirError('E_RESOURCE_VERSION', `named-entity model has format ${version}, this dabir reads ${NER_FORMAT_VERSION}`, 'use the data shipped with this version of dabir');
  }
  if (dv.getUint32(8, true) !== bytes.length) throw corrupt(`length ${bytes.length}, expected ${dv.getUint32(8, true)}`);
  const sum = sha256(bytes.subarray(HEAD));
  for (let i = 0; i < 32; i++) if (sum[i] !== bytes[12 + i]) throw corrupt('checksum mismatch');
  const hl = dv.getUint32(HEAD, true);
  let header: NerHeader & { sections: [string, string, number, number][] };
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(HEAD + 4, HEAD + 4 + hl)));
  } catch {
    throw corrupt('bad header');
  }
  if (!Array.isArray(header.labels) || !Array.isArray(header.sections) || typeof header.scale !== 'number') throw corrupt('bad header');
  const dataStart = HEAD + 4 + Math.ceil(hl / 4) * 4;
  // copy each section into its own aligned array (the input may be a Node Buffer slice at any offset)
  const get = (name: string): Arr => {
    const s = header.sections.find((x) => x[0] === name);
    if (!s) throw corrupt(`missing section ${name}`);
    const size = s[1] === 'u32' ? 4 : 2;
    const from = dataStart + s[2];
    if (from + s[3] * size > bytes.length) throw corrupt(`section ${name} out of bounds`);
    // (a copy: a Node Buffer's own slice() is a view into its pool)
    const raw = Uint8Array.prototype.slice.call(bytes, from, from + s[3] * size).buffer;
    return s[1] === 'u32' ? new Uint32Array(raw) : s[1] === 'u16' ? new Uint16Array(raw) : new Int16Array(raw);
  };
  const d: NerData = {
    header: { labels: header.labels, scale: header.scale, meta: header.meta ?? {} },
    lexKeys: get('lex.k') as Uint32Array,
    lexVals: get('lex.v') as Uint32Array,
    wKeys: get('w.k') as Uint32Array,
    w: get('w.v') as Int16Array,
  };
  if (d.lexVals.length !== d.lexKeys.length || d.w.length !== d.wKeys.length * d.header.labels.length) throw corrupt('section sizes disagree');
  return d;
}

export function decodeNer(bytes: Uint8Array): NerModel {
  return new NerModel(decodeNerData(bytes));
}

export { NER_LABELS };
