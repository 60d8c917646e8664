/**
 * Feature hashing. A feature is a template number combined with the hashes of one or two strings (or small ints);
 * its key is 48 bits: `k1` (32 bits, also used to place it in the model's open-addressing table) and `k2` (16 bits),
 * so two distinct features share a key with negligible probability. Deterministic, no allocation.
 */

const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Murmur3-style 32-bit hash of s[from, to) with a seed. */
export function hashRange(s: string, from: number, to: number, seed: number): number {
  let h = seed | 0;
  for (let i = from; i < to; i++) {
    let k = Math.imul(s.charCodeAt(i), C1);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, C2);
    h ^= k;
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  return fmix(h ^ (to - from));
}

export const SEED_A = 0x2545f491;
export const SEED_B = 0x9e3779b9;

/** A string value as two independent 32-bit hashes. */
export interface H2 {
  a: number;
  b: number;
}

export function h2(s: string): H2 {
  return { a: hashRange(s, 0, s.length, SEED_A), b: hashRange(s, 0, s.length, SEED_B) };
}

/** Combines a template id and up to two hashed values into a key; writes k1, k2 into out[i], out[i+1]. */
export function mixKey(t: number, a1: number, b1: number, a2: number, b2: number): number {
  let h = Math.imul(t + 1, 0x9e3779b1) ^ a1;
  h = fmix(h);
  h = fmix((h ^ Math.imul(a2, 0x27d4eb2f)) + 0x165667b1);
  return h;
}

export function mixKey2(t: number, a1: number, b1: number, a2: number, b2: number): number {
  let h = Math.imul(t + 7, 0x85ebca77) ^ b1;
  h = fmix(h);
  h = fmix((h ^ Math.imul(b2, 0xc2b2ae3d)) + 0x27d4eb2f);
  return h & 0xffff;
}

/** Key for a feature row of one label group (stage 2 rows are per UPOS group). */
export function groupK1(k1: number, group: number): number {
  return group === 0 ? k1 : fmix((k1 ^ Math.imul(group, 0x9e3779b1)) >>> 0);
}
export function groupK2(k2: number, group: number): number {
  return group === 0 ? k2 : (k2 ^ Math.imul(group, 0x5bd1e995)) & 0xffff;
}

export { mulberry32 } from '../prng.js';
