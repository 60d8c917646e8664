/**
 * The half-space model: statistics learned from correctly written Persian text (PerDT + Seraji train text) and
 * lexicons, used to decide, for every gap inside a run-together word and every space between two Persian words,
 * whether it should be a ZWNJ.
 *
 * Binary format (little-endian), version 1:
 *   magic "DBHS" | u16 version | u16 0 | u32 headerBytes | header JSON (UTF-8, padded to 4) | sections
 * Each section is either a string list (UTF-8, entries joined by "\n") or a Uint32 column (4-byte aligned).
 * Tables: `pieces` (piece, first, next, glued, flags), `forms` (ZWNJ form, count, gluedCount), `pairs`
 * ("a\u200cb", z, s).
 */
import { DabirError } from '../errors.js';

export const HALFSPACE_FORMAT_VERSION = 1;

/** Flags of a piece. */
export const FLAG_VERB = 1; // a verb form that can follow می/نمی (present or past stem + ending)
export const FLAG_ADJ = 2; // an adjective (takes تر/ترین)
export const FLAG_LEX = 4; // listed in a lexicon (a real word)
export const FLAG_PARTICIPLE = 8; // a past participle ending in ه (takes ‌ام ‌ای ‌اند ...)

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
}

export class HalfSpaceModel {
  readonly meta: Record<string, unknown>;
  /** piece → index into the columns */
  readonly pieceIndex: Map<string, number>;
  readonly first: Uint32Array;
  readonly next: Uint32Array;
  readonly glued: Uint32Array;
  readonly flags: Uint32Array;
  readonly zAfter: Uint32Array;
  /** key (letters without ZWNJ) → [ZWNJ form, count, glued count] for the most frequent ZWNJ form of that key */
  readonly forms: Map<string, { form: string; count: number; glued: number; lex: number }>;
  readonly pairs: Map<string, { z: number; s: number }>;
  readonly attach: Map<string, { z: number; g: number }>;

  constructor(data: HalfSpaceData) {
    this.meta = data.meta;
    const n = data.pieces.size;
    this.pieceIndex = new Map();
    this.first = new Uint32Array(n);
    this.next = new Uint32Array(n);
    this.glued = new Uint32Array(n);
    this.flags = new Uint32Array(n);
    this.zAfter = new Uint32Array(n);
    let i = 0;
    for (const [p, [f, x, g, fl, za]] of data.pieces) {
      this.zAfter[i] = za;
      this.pieceIndex.set(p, i);
      this.first[i] = f;
      this.next[i] = x;
      this.glued[i] = g;
      this.flags[i] = fl;
      i++;
    }
    this.forms = new Map();
    for (const [form, [c, g, l]] of data.forms) this.forms.set(form.replaceAll('\u200c', ''), { form, count: c, glued: g, lex: l });
    this.pairs = new Map();
    for (const [k, [z, s]] of data.pairs) this.pairs.set(k, { z, s });
    this.attach = new Map();
    for (const [k, [z, g]] of data.attach) this.attach.set(k, { z, g });
  }

  static fromBytes(bytes: Uint8Array): HalfSpaceModel {
    return new HalfSpaceModel(decodeHalfSpace(bytes));
  }

  toBytes(): Uint8Array {
    return encodeHalfSpace(this.toData());
  }

  toData(): HalfSpaceData {
    const pieces = new Map<string, [number, number, number, number, number]>();
    for (const [p, i] of this.pieceIndex) pieces.set(p, [this.first[i]!, this.next[i]!, this.glued[i]!, this.flags[i]!, this.zAfter[i]!]);
    const forms = new Map<string, [number, number, number]>();
    for (const v of this.forms.values()) forms.set(v.form, [v.count, v.glued, v.lex]);
    const pairs = new Map<string, [number, number]>();
    for (const [k, v] of this.pairs) pairs.set(k, [v.z, v.s]);
    const attach = new Map<string, [number, number]>();
    for (const [k, v] of this.attach) attach.set(k, [v.z, v.g]);
    return { meta: this.meta, pieces, forms, pairs, attach };
  }
}

interface SectionInfo {
  name: string;
  kind: 'strings' | 'u32';
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
  const chunks: { name: string; kind: 'strings' | 'u32'; data: Uint8Array; count: number }[] = [];
  const addStrings = (name: string, list: string[]): void => {
    chunks.push({ name, kind: 'strings', data: enc.encode(list.join('\n')), count: list.length });
  };
  const addU32 = (name: string, values: number[]): void => {
    const u = new Uint32Array(values);
    chunks.push({ name, kind: 'u32', data: new Uint8Array(u.buffer), count: values.length });
  };
  const pieces = sortedEntries(data.pieces);
  addStrings('pieces', pieces.map((e) => e[0]));
  for (let c = 0; c < 5; c++) addU32(`pieces.${c}`, pieces.map((e) => e[1][c]!));
  const forms = sortedEntries(data.forms);
  addStrings('forms', forms.map((e) => e[0]));
  for (let c = 0; c < 3; c++) addU32(`forms.${c}`, forms.map((e) => e[1][c]!));
  const pairs = sortedEntries(data.pairs);
  addStrings('pairs', pairs.map((e) => e[0]));
  for (let c = 0; c < 2; c++) addU32(`pairs.${c}`, pairs.map((e) => e[1][c]!));
  const attach = sortedEntries(data.attach);
  addStrings('attach', attach.map((e) => e[0]));
  for (let c = 0; c < 2; c++) addU32(`attach.${c}`, attach.map((e) => e[1][c]!));

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

export function decodeHalfSpace(bytes: Uint8Array): HalfSpaceData {
  if (bytes.length < 12 || MAGIC.some((m, i) => bytes[i] !== m)) {
    throw new DabirError('E_RESOURCE_CORRUPT', 'halfspace model: bad magic number', 'rebuild it with `npm run train:halfspace` or reinstall dabir');
  }
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = dv.getUint16(4, true);
  if (version !== HALFSPACE_FORMAT_VERSION) {
    throw new DabirError('E_RESOURCE_VERSION', `halfspace model has format ${version}, this dabir reads ${HALFSPACE_FORMAT_VERSION}`, 'use the model shipped with this version of dabir');
  }
  const hlen = dv.getUint32(8, true);
  const dec = new TextDecoder();
  let header: { meta: Record<string, unknown>; sections: SectionInfo[] };
  try {
    header = JSON.parse(dec.decode(bytes.subarray(12, 12 + hlen)));
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
  const strings = (name: string): string[] => {
    const s = get(name);
    if (s.count === 0) return [];
    return dec.decode(bytes.subarray(base + s.offset, base + s.offset + s.bytes)).split('\n');
  };
  const u32 = (name: string): Uint32Array => {
    const s = get(name);
    const start = bytes.byteOffset + base + s.offset;
    if (start % 4 === 0) return new Uint32Array(bytes.buffer, start, s.count);
    return new Uint32Array(bytes.slice(base + s.offset, base + s.offset + s.bytes).buffer);
  };
  const pieces = new Map<string, [number, number, number, number, number]>();
  {
    const names = strings('pieces');
    const cols = [0, 1, 2, 3, 4].map((c) => u32(`pieces.${c}`));
    names.forEach((p, i) => pieces.set(p, [cols[0]![i]!, cols[1]![i]!, cols[2]![i]!, cols[3]![i]!, cols[4]![i]!]));
  }
  const forms = new Map<string, [number, number, number]>();
  {
    const names = strings('forms');
    const cols = [0, 1, 2].map((c) => u32(`forms.${c}`));
    names.forEach((p, i) => forms.set(p, [cols[0]![i]!, cols[1]![i]!, cols[2]![i]!]));
  }
  const pairs = new Map<string, [number, number]>();
  {
    const names = strings('pairs');
    const cols = [0, 1].map((c) => u32(`pairs.${c}`));
    names.forEach((p, i) => pairs.set(p, [cols[0]![i]!, cols[1]![i]!]));
  }
  const attach = new Map<string, [number, number]>();
  {
    const names = strings('attach');
    const cols = [0, 1].map((c) => u32(`attach.${c}`));
    names.forEach((p, i) => attach.set(p, [cols[0]![i]!, cols[1]![i]!]));
  }
  return { meta: header.meta, pieces, forms, pairs, attach };
}
