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

/** Builds a normalizer from loaded resources. Synchronous; does no I/O. */
export function createNormalizer(resources: NormalizerResources = {}): Normalizer {
  const model = resources.halfSpace;
  const normalizeAligned = (text: string, options?: NormalizeOptions): AlignedText => {
    if (typeof text !== 'string') {
      throw new DabirError('E_BAD_INPUT', `normalize expects a string, got ${text === null ? 'null' : typeof text}`, 'pass the text as a string');
    }
    const o = resolveOptions(options);
    FLATTEN.test(text); // a rope (e.g. from 'x'.repeat(n) or +=) is flattened once here, not on every charCodeAt
    let a = AlignedText.from(text, scanProtected(text));
    a = applyEdits(a, characterEdits(a, o));
    a = applyEdits(a, spacingEdits(a, o));
    if (o.halfSpace === 'fix' && model) a = applyEdits(a, halfSpaceEdits(a, model, o));
    return a;
  };
  return {
    normalizeAligned,
    normalize: (text, options) => normalizeAligned(text, options).text,
  };
}

export type { NormalizeOptions } from './options.js';
