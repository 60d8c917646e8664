import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rememberSha256, sha256, sha256Pure, useNativeSha256 } from './sha256.js';

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');
const nodeSha = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

describe('sha256', () => {
  it.each([
    ['empty input', '', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['FIPS 180-4 example "abc"', 'abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    ['two-block FIPS example (56 bytes: padding spills into a second block)', 'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq', '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1'],
  ])('%s', (_why, input, digest) => {
    expect(hex(sha256Pure(new TextEncoder().encode(input)))).toBe(digest);
  });

  it('the pure digest equals Node crypto on any bytes (lengths around the block and chunk sizes)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 9000 }), (b) => hex(sha256Pure(b)) === nodeSha(b)),
      { numRuns: 200 },
    );
  });

  it('an installed native hasher is used, and null restores the pure one', () => {
    const calls: number[] = [];
    useNativeSha256((b) => {
      calls.push(b.length);
      return new Uint8Array(createHash('sha256').update(b).digest());
    });
    try {
      expect(hex(sha256(new Uint8Array([1, 2, 3])))).toBe(nodeSha(new Uint8Array([1, 2, 3])));
      expect(calls).toEqual([3]);
    } finally {
      useNativeSha256(null);
    }
    expect(hex(sha256(new Uint8Array([1, 2, 3])))).toBe(nodeSha(new Uint8Array([1, 2, 3])));
    expect(calls).toEqual([3]);
  });
});

describe('rememberSha256 (a digest a browser computed with Web Crypto before a synchronous decode)', () => {
  it('sha256 of the same view returns the remembered digest; any other view of the buffer is hashed', () => {
    const buf = new Uint8Array(100).map((_, i) => i);
    const body = buf.subarray(44);
    const fake = new Uint8Array(32).fill(7);
    rememberSha256(body, fake);
    expect(hex(sha256(buf.subarray(44)))).toBe(hex(fake)); // same buffer, offset and length
    expect(hex(sha256(buf.subarray(45)))).toBe(nodeSha(buf.subarray(45)));
    expect(hex(sha256(buf.subarray(44, 99)))).toBe(nodeSha(buf.subarray(44, 99)));
    expect(hex(sha256(buf.slice(44)))).toBe(nodeSha(buf.slice(44))); // same bytes, another buffer
    // a copy is returned: changing it does not change what is remembered
    sha256(buf.subarray(44)).fill(0);
    expect(hex(sha256(buf.subarray(44)))).toBe(hex(fake));
  });

  it('ignores a digest of the wrong length', () => {
    const b = new Uint8Array([1, 2, 3]);
    rememberSha256(b, new Uint8Array(5));
    expect(hex(sha256(b))).toBe(nodeSha(b));
  });
});
