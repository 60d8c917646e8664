import { describe, expect, it } from 'vitest';
import { transientBytes } from './scratch.js';

describe('transientBytes', () => {
  it.each([
    [0, 'empty'],
    [80, 'a line: a view of the slab'],
    [1 << 10, 'the longest view'],
    [(1 << 10) + 1, 'longer: an array of its own'],
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
