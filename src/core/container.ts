/**
 * The file format of the tagger and NER models (data/tagger.bin, data/ner.bin): a 44-byte prefix — magic (4 bytes),
 * format version (u16 at 4), total length (u32 at 8), SHA-256 of everything after the prefix (at 12) — then the
 * header length (u32), the JSON header with a `sections` table of [name, type, offset, length], padded to 4 bytes,
 * and the typed arrays, each 4-byte aligned. Deterministic: the same header and arrays give the same bytes.
 */
import { DabirError } from './errors.js';
import { sha256 } from './sha256.js';

export type SectionArray = Uint32Array | Uint16Array | Uint8Array | Int16Array;

/** What tells one model file from another, and what its errors say. */
export interface ContainerFormat {
  magic: readonly number[];
  version: number;
  /** for messages: "tagger model" */
  name: string;
  /** the npm script that rebuilds the file: "train:tagger" */
  train: string;
}

const HEAD = 44;

const TYPES: Record<string, { bytes: number; make: (b: ArrayBuffer, o: number, n: number) => SectionArray }> = {
  u32: { bytes: 4, make: (b, o, n) => new Uint32Array(b, o, n) },
  u16: { bytes: 2, make: (b, o, n) => new Uint16Array(b, o, n) },
  u8: { bytes: 1, make: (b, o, n) => new Uint8Array(b, o, n) },
  i16: { bytes: 2, make: (b, o, n) => new Int16Array(b, o, n) },
};
const typeOf = (a: SectionArray): string => (a instanceof Uint32Array ? 'u32' : a instanceof Uint16Array ? 'u16' : a instanceof Uint8Array ? 'u8' : 'i16');

/** The bytes of a model: `header` (a JSON object; `sections` is added) and the named arrays, in this order. */
export function encodeContainer(f: ContainerFormat, header: object, arrays: readonly [string, SectionArray][]): Uint8Array {
  const sections: [string, string, number, number][] = [];
  // section offsets are relative to the start of the data area (after the padded header)
  let off = 0;
  for (const [name, a] of arrays) {
    sections.push([name, typeOf(a), off, a.length]);
    off += Math.ceil(a.byteLength / 4) * 4;
  }
  const hbytes = new TextEncoder().encode(JSON.stringify({ ...header, sections }));
  const dataStart = HEAD + 4 + Math.ceil(hbytes.length / 4) * 4;
  const out = new Uint8Array(dataStart + off);
  out.set(f.magic, 0);
  const dv = new DataView(out.buffer);
  dv.setUint16(4, f.version, true);
  dv.setUint32(8, out.length, true);
  dv.setUint32(HEAD, hbytes.length, true);
  out.set(hbytes, HEAD + 4);
  arrays.forEach(([, a], i) => out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), dataStart + sections[i]![2]));
  out.set(sha256(out.subarray(HEAD)), 12);
  return out;
}

/** A checked model file: its JSON header and its sections (views into one aligned buffer). */
export interface Container {
  header: Record<string, unknown>;
  has(name: string): boolean;
  /** the named array; throws E_RESOURCE_CORRUPT when it is missing or out of bounds */
  section<T extends SectionArray>(name: string): T;
  /** a DabirError E_RESOURCE_CORRUPT about this file */
  corrupt(what: string): DabirError;
}

/**
 * Checks the bytes of a model file (length, magic, version, checksum, header) and opens it. Throws DabirError
 * E_RESOURCE_CORRUPT on bad bytes, E_RESOURCE_VERSION on another format version.
 */
export function openContainer(f: ContainerFormat, bytes: Uint8Array): Container {
  const corrupt = (what: string): DabirError =>
    new DabirError('E_RESOURCE_CORRUPT', `${f.name}: ${what}`, `rebuild it with \`npm run ${f.train}\` or reinstall dabir`);
  if (!(bytes instanceof Uint8Array) || bytes.length < HEAD + 4) throw corrupt('too short');
  for (let i = 0; i < 4; i++) if (bytes[i] !== f.magic[i]) throw corrupt('bad magic');
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = dv.getUint16(4, true);
  if (version !== f.version) {
    throw new DabirError('E_RESOURCE_VERSION', `${f.name} has format ${version}, this dabir reads ${f.version}`, 'use the data shipped with this version of dabir');
  }
  if (dv.getUint32(8, true) !== bytes.length) throw corrupt(`length ${bytes.length}, expected ${dv.getUint32(8, true)}`);
  const sum = sha256(bytes.subarray(HEAD));
  for (let i = 0; i < 32; i++) if (sum[i] !== bytes[12 + i]) throw corrupt('checksum mismatch');
  const hl = dv.getUint32(HEAD, true);
  let header: Record<string, unknown>;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(HEAD + 4, HEAD + 4 + hl))) as Record<string, unknown>;
  } catch {
    throw corrupt('bad header');
  }
  if (header === null || typeof header !== 'object' || !Array.isArray(header['sections'])) throw corrupt('bad header');
  const sections = header['sections'] as [string, string, number, number][];
  const dataStart = HEAD + 4 + Math.ceil(hl / 4) * 4;
  // typed arrays need aligned offsets: views into the caller's buffer when the bytes start aligned, else into one
  // copy (a real one: a Node Buffer's own slice() is a view into its pool)
  const aligned = bytes.byteOffset % 4 === 0;
  const buf = (aligned ? bytes.buffer : Uint8Array.prototype.slice.call(bytes).buffer) as ArrayBuffer;
  const base = aligned ? bytes.byteOffset : 0;
  const find = (name: string): [string, string, number, number] | undefined => sections.find((x) => Array.isArray(x) && x[0] === name);
  return {
    header,
    corrupt,
    has: (name) => find(name) !== undefined,
    section<T extends SectionArray>(name: string): T {
      const s = find(name);
      if (!s) throw corrupt(`missing section ${name}`);
      const t = TYPES[s[1]];
      if (!t || !(s[2] >= 0 && s[2] % 4 === 0 && s[3] >= 0) || dataStart + s[2] + s[3] * t.bytes > bytes.length) throw corrupt(`section ${name} out of bounds`);
      return t.make(buf, base + dataStart + s[2], s[3]) as T;
    },
  };
}
