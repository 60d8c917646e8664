/**
 * Node entry: the core wired to resources read from the package's data/ folder with `fs` (synchronously, once, on
 * first use).
 */
import { readFileSync } from 'node:fs';
import type { AlignedText } from '../core/aligned.js';
import { createNormalizer, HalfSpaceModel, type NormalizeOptions, type Normalizer } from '../core/index.js';

export * from '../core/index.js';

const DATA_DIR = new URL('../../data/', import.meta.url);

let normalizer: Normalizer | undefined;

/** Reads a resource file from the package's data folder. */
export function readResource(name: string): Uint8Array {
  return readFileSync(new URL(name, DATA_DIR));
}

/** Loads the half-space model shipped with the package. */
export function loadHalfSpaceModel(): HalfSpaceModel {
  return HalfSpaceModel.fromBytes(readResource('halfspace.bin'));
}

/** The default normalizer with every shipped resource (loaded lazily on first call). */
export function getNormalizer(): Normalizer {
  normalizer ??= createNormalizer({ halfSpace: loadHalfSpaceModel() });
  return normalizer;
}

/** Corrects Persian text: characters, digits, punctuation, spacing and half-spaces. Never throws on any string. */
export function normalize(text: string, options?: NormalizeOptions): string {
  return getNormalizer().normalize(text, options);
}

/** Like `normalize`, with the alignment map and the list of changes. */
export function normalizeAligned(text: string, options?: NormalizeOptions): AlignedText {
  return getNormalizer().normalizeAligned(text, options);
}
