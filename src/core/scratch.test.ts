import { describe, expect, it } from 'vitest';
import { transientBytes, transientInt32 } from './scratch.js';

describe('transientBytes', () => {
  it.each([
    [0, 'empty'],
    [80, 'a line: a view of the slab'],
    [1 << 11, 'the longest view'],
    [(1 << 11) + 1, 'longer: an array of its own'],
    [1 << 15, 'a piece of a long text'],
  ])('%i units (%s): zeroed, of that length', (n) => {
    const a = transientBytes(n);
    expect(a.length).toBe(n);
    expect(a.every((x) => x === 0)).toBe(true);
  });

  it('never hands out the same bytes twice, across slabs (every view starts zeroed, however the last was written)', () => {
    const seen: Uint8Array[] = [];
    for (let k = 0; k < 100; k++) {
      const a = transientBytes(500); // 100 × 500 bytes: three slabs of 16 KB
      expect(a.every((x) => x === 0)).toBe(true);
      a.fill(1);
      seen.push(a);
    }
    expect(seen.every((a) => a.every((x) => x === 1))).toBe(true);
  });
});

describe('transientInt32', () => {
  it.each([
    [0, 'empty'],
    [41, 'the offsets of a sentence of ~100 units'],
    [512, 'the longest view'],
    [513, 'longer: an array of its own'],
  ])('%i integers (%s): zeroed, of that length, after an odd number of bytes (aligned)', (n) => {
    transientBytes(3);
    const a = transientInt32(n);
    expect(a.length).toBe(n);
    expect(a.every((x) => x === 0)).toBe(true);
  });

  it('never shares bytes with the byte arrays handed out around it', () => {
    const b1 = transientBytes(5);
    const a = transientInt32(10);
    const b2 = transientBytes(5);
    a.fill(-1);
    expect([...b1, ...b2].every((x) => x === 0)).toBe(true);
  });
});
