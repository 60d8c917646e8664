import { AlignedText, applyEdits } from '../aligned.js';
import { DabirError } from '../errors.js';
import { characterEdits } from './characters.js';
import { halfSpaceEdits } from './halfspace.js';
import type { HalfSpaceModel } from './halfspace-model.js';
import { resolveOptions, type NormalizeOptions } from './options.js';
import { scanProtected } from './protect.js';
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

/** @internal for tests: the piece size of long texts */
export interface NormalizerInternals {
  chunkSize?: number;
}

/** Builds a normalizer from loaded resources. Synchronous; does no I/O. */
export function createNormalizer(resources: NormalizerResources = {}, internals: NormalizerInternals = {}): Normalizer {
  const model = resources.halfSpace;
  const chunk = Math.max(1, internals.chunkSize ?? CHUNK);
  const piece = (text: string, protect: Uint8Array, o: ReturnType<typeof resolveOptions>): AlignedText => {
    let a = AlignedText.from(text, protect);
    a = applyEdits(a, characterEdits(a, o));
    a = applyEdits(a, spacingEdits(a, o));
    if (o.halfSpace === 'fix' && model) a = applyEdits(a, halfSpaceEdits(a, model, o));
    return a;
  };
  const normalizeAligned = (text: string, options?: NormalizeOptions): AlignedText => {
    if (typeof text !== 'string') {
      throw new DabirError('E_BAD_INPUT', `normalize expects a string, got ${text === null ? 'null' : typeof text}`, 'pass the text as a string');
    }
    const o = resolveOptions(options);
    FLATTEN.test(text); // a rope (e.g. from 'x'.repeat(n) or +=) is flattened once here, not on every charCodeAt
    const protect = scanProtected(text);
    const n = text.length;
    if (n <= 2 * chunk) return piece(text, protect, o);
    const parts: AlignedText[] = [];
    const starts: number[] = [];
    let s = 0;
    while (s < n) {
      let e = Math.min(n, s + chunk);
      // extend to just after a line break that lies outside protected spans (or to the end)
      while (e < n && !(text.charCodeAt(e - 1) === 0x0a && protect[e - 1] === 0)) e++;
      if (n - e < chunk >> 1) e = n; // no small last piece
      starts.push(s);
      parts.push(s === 0 && e === n ? piece(text, protect, o) : piece(text.slice(s, e), protect.slice(s, e), o));
      s = e;
    }
    return parts.length === 1 ? parts[0]! : AlignedText.concat(text, parts, starts);
  };
  return {
    normalizeAligned,
    normalize: (text, options) => normalizeAligned(text, options).text,
  };
}

export type { NormalizeOptions } from './options.js';
