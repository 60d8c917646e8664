/**
 * The spelling checker's data and its binary format. Pure: bytes in, objects out.
 *
 * Binary format (little-endian), version 1:
 *   0   magic "DBSP"
 *   4   u16 format version, u16 0
 *   8   u32 total byte length
 *   12  32 bytes: SHA-256 of bytes [44, end)
 *   44  u32 header length H, header JSON (UTF-8)
 *   ... sections, in header.sections order, each [name, byteLength, count]:
 *       words       UTF-8 lines, sorted (the lexicon of full forms)
 *       freq        u8 per word: frequency class = round(8 * log2(count per 10^9 words + 1)), 0 = unseen
 *       flags       u8 per word: FLAG_* bits
 *       confusions  UTF-8 lines "wrong\tcorrect\tkind\terrors\tcorrect uses[\tkey errors\tkey in-domain uses]"
 *                   (learned and listed confusion pairs; the last two fields are optional)
 *       unigrams    UTF-8 lines "word\tcount" of the context-model corpus (only the words the context model reads)
 *       bigrams     UTF-8 lines "left right\tcount" (only bigrams with a confusion-set word on one side)
 *       context     (optional) UTF-8 lines "word neighbour\tcount": words within three tokens of a confusion-set word
 *       contextTotals (optional) UTF-8 lines "word\tcount": all neighbours counted for that word
 * Every table is sorted by key, so the same sources always give the same bytes.
 */
import { DabirError, dataArgument } from '../errors.js';
import { sha256 } from '../sha256.js';
import { CountTable, LineIndex } from '../count-table.js';
import { lazyField } from '../resource.js';

export const SPELL_FORMAT_VERSION = 1;

/** takes noun/adjective suffixes (plural, ezafe, clitics, copula): a nominal lemma */
export const FLAG_NOMINAL = 1;
/** takes تر / ترین */
export const FLAG_ADJ = 2;
/** a proper name in a source lexicon */
export const FLAG_NAME = 4;
/** a verb form (generated from the stem tables or listed) */
export const FLAG_VERB = 8;
/** from a curated lexicon (hazm POS-tagged, lilak) rather than only a frequency list */
export const FLAG_CURATED = 16;
/** never suggested (known, but rare or suspicious as a correction) */
export const FLAG_NOSUGGEST = 32;
/** a plural form (broken plurals such as اساتید): takes no further plural suffix */
export const FLAG_PLURAL = 64;

export type ConfusionKind = 'real-word' | 'style';

export interface Confusion {
  wrong: string;
  correct: string;
  kind: ConfusionKind;
  /** times `wrong` was corrected to `correct` in the training pairs (0 for listed pairs) */
  errors: number;
  /** times `wrong` was used as a correct word in the training text */
  uses: number;
  /** times `wrong` is part of an error in the wrong sentences of the training pairs, whatever the correction */
  keyErrors?: number;
  /** times `wrong` is NOT part of an error in the wrong sentences of the training pairs (in-domain correct uses) */
  keyUses?: number;
}

export interface SpellData {
  meta: Record<string, unknown>;
  /** sorted lexicon of full forms */
  words: string[];
  /**
   * The number of each word of `words` (decoded data: an index over the section's text, built on first use without a
   * string per word; a checker built from plain data makes a Map)
   */
  wordIds?: { get(word: string): number | undefined; has(word: string): boolean };
  freq: Uint8Array;
  flags: Uint8Array;
  confusions: Confusion[];
  /** tokens of the context-model corpus */
  lmTotal: number;
  unigrams: ReadonlyMap<string, number>;
  bigrams: ReadonlyMap<string, number>;
  /** neighbours (within three tokens) of the single-token confusion-set words, "word neighbour" → count */
  context?: ReadonlyMap<string, number>;
  /** number of neighbours counted per confusion-set word (before pruning) */
  contextTotals?: ReadonlyMap<string, number>;
}

const MAGIC = [0x44, 0x42, 0x53, 0x50]; // DBSP
const HEAD = 44;

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Deterministic encoding. */
export function encodeSpellData(data: SpellData): Uint8Array {
  // (null was "Cannot read properties of null (reading 'words')")
  dataArgument(data, 'encodeSpellData', 'spelling data', ['meta', 'words'], 'pass what decodeSpellData gives, or data of the same fields (scripts/build-spell.ts)');
  const enc = new TextEncoder();
  const order = data.words.map((_, i) => i).sort((a, b) => cmp(data.words[a]!, data.words[b]!));
  const chunks: { name: string; data: Uint8Array; count: number }[] = [];
  chunks.push({ name: 'words', data: enc.encode(order.map((i) => data.words[i]!).join('\n')), count: order.length });
  chunks.push({ name: 'freq', data: Uint8Array.from(order.map((i) => data.freq[i]!)), count: order.length });
  chunks.push({ name: 'flags', data: Uint8Array.from(order.map((i) => data.flags[i]!)), count: order.length });
  const conf = data.confusions
    .map((c) => `${c.wrong}\t${c.correct}\t${c.kind}\t${c.errors}\t${c.uses}` + (c.keyErrors !== undefined ? `\t${c.keyErrors}\t${c.keyUses ?? 0}` : ''))
    .sort(cmp);
  chunks.push({ name: 'confusions', data: enc.encode(conf.join('\n')), count: conf.length });
  const uni = [...data.unigrams.entries()].sort((a, b) => cmp(a[0], b[0])).map(([k, v]) => `${k}\t${v}`);
  chunks.push({ name: 'unigrams', data: enc.encode(uni.join('\n')), count: uni.length });
  const bi = [...data.bigrams.entries()].sort((a, b) => cmp(a[0], b[0])).map(([k, v]) => `${k}\t${v}`);
  chunks.push({ name: 'bigrams', data: enc.encode(bi.join('\n')), count: bi.length });
  for (const name of ['context', 'contextTotals'] as const) {
    const m = data[name];
    if (!m) continue;
    const rows = [...m.entries()].sort((a, b) => cmp(a[0], b[0])).map(([k, v]) => `${k}\t${v}`);
    chunks.push({ name, data: enc.encode(rows.join('\n')), count: rows.length });
  }

  const header = enc.encode(
    JSON.stringify({ meta: data.meta, lmTotal: data.lmTotal, sections: chunks.map((c) => [c.name, c.data.length, c.count]) }),
  );
  const total = HEAD + 4 + header.length + chunks.reduce((n, c) => n + c.data.length, 0);
  const out = new Uint8Array(total);
  out.set(MAGIC, 0);
  const dv = new DataView(out.buffer);
  dv.setUint16(4, SPELL_FORMAT_VERSION, true);
  dv.setUint32(8, total, true);
  dv.setUint32(HEAD, header.length, true);
  out.set(header, HEAD + 4);
  let off = HEAD + 4 + header.length;
  for (const c of chunks) {
    out.set(c.data, off);
    off += c.data.length;
  }
  out.set(sha256(out.subarray(HEAD)), 12);
  return out;
}

const corrupt = (what: string): DabirError =>
  new DabirError('E_RESOURCE_CORRUPT', `spell data: ${what}`, 'rebuild it with `npm run build:spell` or reinstall dabir');

/** Reads data/spell.bin. Throws DabirError (E_RESOURCE_CORRUPT / E_RESOURCE_VERSION) on bad bytes. */
export function decodeSpellData(bytes: Uint8Array): SpellData {
  if (!(bytes instanceof Uint8Array) || bytes.length < HEAD + 4 || MAGIC.some((m, i) => bytes[i] !== m)) throw corrupt('bad magic number');
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = dv.getUint16(4, true);
  if (version !== SPELL_FORMAT_VERSION) {
    throw new DabirError('E_RESOURCE_VERSION', `spell data has format ${version}, this dabir reads ${SPELL_FORMAT_VERSION}`, 'use the data shipped with this version of dabir');
  }
  if (dv.getUint32(8, true) !== bytes.length) throw corrupt(`length ${bytes.length} does not match the header (${dv.getUint32(8, true)})`);
  const sum = sha256(bytes.subarray(HEAD));
  for (let i = 0; i < 32; i++) if (sum[i] !== bytes[12 + i]) throw corrupt('checksum mismatch');
  const hlen = dv.getUint32(HEAD, true);
  const dec = new TextDecoder();
  let header: { meta: Record<string, unknown>; lmTotal: number; sections: [string, number, number][] };
  try {
    header = JSON.parse(dec.decode(bytes.subarray(HEAD + 4, HEAD + 4 + hlen)));
  } catch {
    throw corrupt('unreadable header');
  }
  const raw = new Map<string, { data: Uint8Array; count: number }>();
  let off = HEAD + 4 + hlen;
  for (const [name, len, count] of header.sections) {
    if (off + len > bytes.length) throw corrupt(`section ${name} truncated`);
    raw.set(name, { data: bytes.subarray(off, off + len), count });
    off += len;
  }
  const get = (name: string): { data: Uint8Array; count: number } => {
    const s = raw.get(name);
    if (!s) throw corrupt(`section ${name} missing`);
    return s;
  };
  const lines = (name: string): string[] => {
    const s = get(name);
    return s.count === 0 ? [] : dec.decode(s.data).split('\n');
  };
  /** "key\tcount" lines, looked up where they stand (see CountTable) */
  const counts = (name: string): CountTable => {
    const s = get(name);
    const t = CountTable.parse(s.count === 0 ? '' : dec.decode(s.data), s.count);
    if (typeof t === 'string') throw corrupt(`section ${name}: ${t}`);
    return t;
  };
  // the lexicon's text is decoded once; the list of words and the index of their numbers are made on first use (a
  // correct text never needs the list: look-ups go through the index)
  const ws = get('words');
  let wordsText: string | undefined;
  const wtext = (): string => (wordsText ??= ws.count === 0 ? '' : dec.decode(ws.data));
  const freq = get('freq').data.slice();
  const flags = get('flags').data.slice();
  if (freq.length !== ws.count || flags.length !== ws.count) throw corrupt('word tables differ in length');
  const confusions: Confusion[] = lines('confusions').map((l) => {
    const f = l.split('\t');
    const c: Confusion = { wrong: f[0]!, correct: f[1]!, kind: f[2] === 'style' ? 'style' : 'real-word', errors: Number(f[3]), uses: Number(f[4]) };
    if (f.length >= 7) {
      c.keyErrors = Number(f[5]);
      c.keyUses = Number(f[6]);
    }
    return c;
  });
  // the context model's tables are parsed on first use (most of the decoding time otherwise)
  const data = { meta: header.meta, freq, flags, confusions, lmTotal: header.lmTotal } as SpellData;
  lazyField(data, 'words', () => (ws.count === 0 ? [] : wtext().split('\n')));
  lazyField(
    data,
    'wordIds',
    () => {
      const ix = LineIndex.of(wtext(), ws.count);
      if (typeof ix === 'string') throw corrupt(`section words: ${ix}`);
      return ix;
    },
    false,
  );
  get('unigrams');
  get('bigrams');
  lazyField(data, 'unigrams', () => counts('unigrams'));
  lazyField(data, 'bigrams', () => counts('bigrams'));
  if (raw.has('context') && raw.has('contextTotals')) {
    lazyField(data, 'context', () => counts('context'));
    lazyField(data, 'contextTotals', () => counts('contextTotals'));
  }
  return data;
}
