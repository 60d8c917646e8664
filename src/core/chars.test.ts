import { describe, expect, it } from 'vitest';
import * as chars from './chars.js';
import { RELEVANT_RANGES } from './chars.js';

describe('RELEVANT_RANGES', () => {
  it('no character predicate is true outside the ranges the step tables are built over', () => {
    const preds = Object.entries(chars).filter(([k, v]) => typeof v === 'function' && /^is/.test(k)) as [string, (c: number) => boolean][];
    expect(preds.length).toBeGreaterThan(10);
    const inside = (c: number): boolean => RELEVANT_RANGES.some(([a, b]) => c >= a && c < b);
    const missed: string[] = [];
    for (let c = 0; c < 65536; c++) {
      if (inside(c)) continue;
      for (const [name, p] of preds) if (p(c)) missed.push(`${name}(U+${c.toString(16)})`);
    }
    expect(missed).toEqual([]);
  });
});
