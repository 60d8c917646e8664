import { AlignedText, applyEdits, applyEditsPlain, type Edit, type StepText } from '../aligned.js';
import { badText, DabirError, kindOf, knownOptions, showValue } from '../errors.js';
import { characterEdits } from './characters.js';
import { halfSpaceEdits, invisibleZwnjSpace } from './halfspace.js';
import { keyboardEdits } from './keyboard.js';
import type { HalfSpaceModel } from './halfspace-model.js';
import { resolveOptions, type NormalizeOptions } from './options.js';
import { PRIME_TEXT } from './prime.js';
import { csvRows, scanProtected } from './protect.js';
import { transientBytes } from '../scratch.js';
import { spacingEdits } from './spacing.js';

/** Matching any regular expression flattens its subject string in V8; this one matches at once. */
const FLATTEN = /^/;

export interface NormalizerResources {
  /** The trained half-space model; without it the half-space step only removes meaningless ZWNJs. */
  halfSpace?: HalfSpaceModel | undefined;
}

export interface Normalizer {
  /** Returns the corrected text. Never throws on any string. */
  normalize(text: string, options?: NormalizeOptions): string;
  /** Returns the corrected text with its alignment map and the list of changes (offsets into the input). */
  normalizeAligned(text: string, options?: NormalizeOptions): AlignedText;
}

/**
 * Long texts are normalized in pieces of about this many UTF-16 units, cut after a line break outside protected
 * spans. Every step works within a line, so the result is the same (tested); the pieces keep the working arrays
 * small and let V8 optimize the steps as it does for the many short calls of line-by-line use, which made one
 * 1 MB string 2x slower than the same text line by line.
 */
const CHUNK = 1 << 15;

/**
 * Once a normalizer has been given PRIME_AFTER units of text in all, it runs PRIME_TEXT under these options once (at the
 * next call, before its text), so that V8 optimizes the steps with feedback from every branch (see prime.ts): a process that goes
 * on to normalize other kinds of text then keeps its optimized code. Not earlier: code built with every branch known
 * is larger and takes longer to compile, which a one-off run over a file (normalize or analyze 1 MB in a fresh
 * process) pays without getting it back (measured: +100-250 ms CPU on 1 MB of news text in a fresh process).
 */
const PRIME_AFTER = 1 << 20;
const PRIME_OPTIONS: (NormalizeOptions | undefined)[] = [
  undefined, // (the defaults object, and below copies of it: the two hidden classes the steps will see)
  { style: 'academy', digits: 'latin', diacritics: 'remove' },
  { letters: 'keep', kashida: 'keep', punctuation: 'keep', digits: 'keep', spacing: 'keep' },
];

/** @internal for tests: the piece size of long texts */
export interface NormalizerInternals {
  chunkSize?: number;
}

/** Builds a normalizer from loaded resources. Synchronous; does no I/O. */
export function createNormalizer(resources: NormalizerResources = {}, internals: NormalizerInternals = {}): Normalizer {
  // (null was "Cannot read properties of null", the model's bytes a TypeError on the first text, and a misspelt
  // { halfspace: model } a normalizer without half-space repair, silently)
  const model = knownOptions(resources, 'normalizer resource', ['halfSpace']).halfSpace;
  if (model !== undefined && (model === null || typeof model.piece !== 'function' || typeof model.form !== 'function')) {
    throw new DabirError('E_BAD_OPTION', `resource "halfSpace" cannot be ${model instanceof Uint8Array ? 'the bytes of the model' : kindOf(model)}`, 'give HalfSpaceModel.fromBytes(bytes of data/halfspace.bin), or leave it out', { option: 'halfSpace' });
  }
  /** the spacing step's question about ZWNJs that cannot show (a space meant, or the parts glued; asked under halfSpace 'fix') */
  const zwnjSpace = model ? invisibleZwnjSpace(model) : undefined;
  // (null was "Cannot read properties of null (reading 'chunkSize')"; "x" a chunk size of NaN: the text lost, normalize gave '')
  const chunkSize = knownOptions(internals, 'normalizer internal', ['chunkSize']).chunkSize;
  if (chunkSize !== undefined && !Number.isSafeInteger(chunkSize)) throw new DabirError('E_BAD_OPTION', `option "chunkSize" cannot be ${showValue(chunkSize)}`, 'give a whole number of UTF-16 units', { option: 'chunkSize', value: chunkSize });
  const chunk = Math.max(1, chunkSize ?? CHUNK);
  /** Persian typed on the English layout: its edits, with the protection of the Latin words they rewrite lifted */
  const keyboard = (text: string, protect: Uint8Array, o: ReturnType<typeof resolveOptions>): Edit[] | undefined => {
    if (o.keyboard !== 'fix' || !model) return undefined;
    const edits = keyboardEdits({ text, protect }, model, hardProtected(text, protect));
    for (const e of edits) protect.fill(0, e.start, e.end);
    return edits.length ? edits : undefined;
  };
  const piece = (text: string, protect: Uint8Array, o: ReturnType<typeof resolveOptions>, atStart = true): AlignedText => {
    const kb = keyboard(text, protect, o);
    let a = AlignedText.from(text, protect);
    if (kb) a = applyEdits(a, kb);
    a = applyEdits(a, characterEdits(a, o, atStart));
    a = applyEdits(a, spacingEdits(a, o, zwnjSpace));
    if (o.halfSpace === 'fix' && model) a = applyEdits(a, halfSpaceEdits(a, model, o));
    return a;
  };
  // the same steps without the alignment map, for normalize(), which returns only the string
  const plainPiece = (text: string, protect: Uint8Array, o: ReturnType<typeof resolveOptions>, atStart = true): string => {
    const kb = keyboard(text, protect, o);
    let a: StepText = { text, protect };
    if (kb) a = applyEditsPlain(a, kb);
    a = applyEditsPlain(a, characterEdits(a, o, atStart));
    a = applyEditsPlain(a, spacingEdits(a, o, zwnjSpace));
    if (o.halfSpace === 'fix' && model) a = applyEditsPlain(a, halfSpaceEdits(a, model, o));
    return a.text;
  };
  let seen = 0; // units given so far; -1 once primed
  const prime = (): void => {
    seen = -1; // (before the calls below, which come back here)
    for (const o of PRIME_OPTIONS) {
      normalize(PRIME_TEXT, o);
      if (o === undefined) normalizeAligned(PRIME_TEXT, o).changes();
    }
  };
  /** `plain`: for normalize(), whose protection flags never leave the call (transientBytes) */
  const prepare = (text: string, options: NormalizeOptions | undefined, plain: boolean) => {
    if (typeof text !== 'string') {
      throw badText(text, 'normalize');
    }
    const o = resolveOptions(options);
    if (seen >= 0) {
      if (seen >= PRIME_AFTER) prime();
      else seen += text.length;
    }
    FLATTEN.test(text); // a rope (e.g. from 'x'.repeat(n) or +=) is flattened once here, not on every charCodeAt
    // a line cut from a longer string (split, slice, a file read line by line) is a view into that string, which V8 reads
    // through its parent at every charCodeAt, and a line that no step edits reaches every step so: the steps read each
    // unit several times, so a text of one piece is copied once into a string of its own (join builds a new flat one;
    // a slice shorter than 13 units is already a copy)
    if (text.length >= 13 && text.length <= 2 * chunk) text = [text.slice(0, 1), text.slice(1)].join('');
    const protect = scanProtected(text, plain ? transientBytes(text.length) : undefined);
    // the commas, cell quotes and numbers of a comma-separated table's rows (csvRows)
    const csv = text.indexOf(',') >= 0 && csvRows(text, protect);
    return { text, o, protect, csv };
  };
  /** Piece boundaries of a long text: each piece ends just after a line break outside protected spans (or at the end). */
  const pieces = (text: string, protect: Uint8Array): number[] => {
    const n = text.length;
    const ends: number[] = [];
    let s = 0;
    while (s < n) {
      let e = Math.min(n, s + chunk);
      while (e < n && !(text.charCodeAt(e - 1) === 0x0a && protect[e - 1] === 0)) e++;
      if (n - e < chunk >> 1) e = n; // no small last piece
      ends.push(e);
      s = e;
    }
    return ends;
  };
  const normalizeAligned = (input: string, options?: NormalizeOptions): AlignedText => {
    const { text, o, protect, csv } = prepare(input, options, false);
    return csv ? csvUnprotected(alignedOf(text, protect, o)) : alignedOf(text, protect, o);
  };
  const alignedOf = (text: string, protect: Uint8Array, o: ReturnType<typeof resolveOptions>): AlignedText => {
    if (text.length <= 2 * chunk) return piece(text, protect, o);
    const parts: AlignedText[] = [];
    const starts: number[] = [];
    let s = 0;
    for (const e of pieces(text, protect)) {
      starts.push(s);
      parts.push(s === 0 && e === text.length ? piece(text, protect, o) : piece(text.slice(s, e), protect.slice(s, e), o, s === 0));
      s = e;
    }
    return parts.length === 1 ? parts[0]! : AlignedText.concat(text, parts, starts);
  };
  const normalize = (input: string, options?: NormalizeOptions): string => {
    const { text, o, protect } = prepare(input, options, true);
    if (text.length <= 2 * chunk) return plainPiece(text, protect, o);
    let out = '';
    let s = 0;
    for (const e of pieces(text, protect)) {
      out += s === 0 && e === text.length ? plainPiece(text, protect, o) : plainPiece(text.slice(s, e), protect.subarray(s, e), o, s === 0);
      s = e;
    }
    return out;
  };
  return { normalizeAligned, normalize };
}

export type { NormalizeOptions } from './options.js';

/**
 * The aligned text with the protection of a comma-separated table's commas, cell quotes and numbers lifted again (the
 * normalizer alone keeps them as written; the tokenizer reads them as marks and numbers, not as protected spans,
 * which it would glue to a protected word beside them: id, 1,). The rows are found again in the output, whose
 * table is the input's; a unit that scanProtected protects there stays protected.
 */
function csvUnprotected(a: AlignedText): AlignedText {
  const csv = new Uint8Array(a.text.length);
  if (!csvRows(a.text, csv)) return a;
  const own = scanProtected(a.text);
  const p = a.protect;
  for (let i = 0; i < csv.length; i++) if (csv[i] === 1 && own[i] === 0) p[i] = 0;
  return a;
}

/**
 * The protected units that are more than a plain Latin word (URLs, e-mail addresses, mentions, hashtags, code, markup,
 * entities): 1 on every unit of a protected span that holds a character a word of letters, digits and . , ' - _ does
 * not. The keyboard step may rewrite plain words only.
 */
function hardProtected(text: string, protect: Uint8Array): Uint8Array {
  const n = text.length;
  const hard = new Uint8Array(n);
  let i = 0;
  while (i < n) {
    if (!protect[i]) {
      i++;
      continue;
    }
    let j = i;
    let plain = true;
    while (j < n && protect[j]) {
      const c = text.charCodeAt(j);
      if (!((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x2e || c === 0x2c || c === 0x27 || c === 0x2d || c === 0x5f || c === 0x2019 || c === 0x3b || c === 0x5b || c === 0x5d || c === 0x5c)) plain = false;
      j++;
    }
    if (!plain) hard.fill(1, i, j);
    i = j;
  }
  return hard;
}
