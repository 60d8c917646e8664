import { describe, expect, it } from 'vitest';
import { KeyMemo } from './memo.js';

const keys = (...k: number[]): Int32Array => Int32Array.from(k);

describe('KeyMemo', () => {
  it('finds an entry only for the same keys (same length, every key equal), whatever the hash', () => {
    const m = new KeyMemo(2);
    const a = keys(1, 2, 3);
    const e = m.add(a, 3, 7);
    m.set(e, 0, 10);
    m.set(e, 1, -4);
    expect(m.find(keys(1, 2, 3), 3, 7)).toBe(e);
    expect(m.get(m.find(keys(1, 2, 3), 3, 7), 1)).toBe(-4);
    // reason: a colliding hash with other keys, a prefix, a different length are all misses
    expect(m.find(keys(1, 2, 4), 3, 7)).toBe(-1);
    expect(m.find(keys(1, 2, 3, 4), 4, 7)).toBe(-1);
    expect(m.find(keys(1, 2), 2, 7)).toBe(-1);
    const f = m.add(keys(1, 2, 4), 3, 7);
    expect(f).not.toBe(e);
    expect(m.find(keys(1, 2, 4), 3, 7)).toBe(f);
    expect(m.find(keys(1, 2, 3), 3, 7)).toBe(e);
    // reason: the caller's buffer may be reused (compacted in place) after add: the memo keeps its own copy
    a[0] = 99;
    expect(m.find(keys(1, 2, 3), 3, 7)).toBe(e);
  });

  it('grows past its first sizes and keeps every entry', () => {
    const m = new KeyMemo(1);
    const n = 5000;
    for (let i = 0; i < n; i++) {
      const k = keys(i, i * 3, 7, i % 13);
      m.set(m.add(k, 4, KeyMemo.hash(k, 4)), 0, i);
    }
    for (let i = 0; i < n; i++) {
      const k = keys(i, i * 3, 7, i % 13);
      expect(m.get(m.find(k, 4, KeyMemo.hash(k, 4)), 0)).toBe(i);
    }
    // reason: cleared after growing (its table made small again), it is empty and works as before
    m.clear();
    for (let i = 0; i < n; i += 97) expect(m.find(keys(i, i * 3, 7, i % 13), 4, KeyMemo.hash(keys(i, i * 3, 7, i % 13), 4))).toBe(-1);
    for (let i = 0; i < 3000; i++) m.set(m.add(keys(i, -i), 2, KeyMemo.hash(keys(i, -i), 2)), 0, i + 1);
    for (let i = 0; i < 3000; i += 7) expect(m.get(m.find(keys(i, -i), 2, KeyMemo.hash(keys(i, -i), 2)), 0)).toBe(i + 1);
  });

  it('is bounded: cleared when full, and by clear()', () => {
    const m = new KeyMemo(1, 100);
    for (let i = 0; i < 100; i++) m.add(keys(i), 1, KeyMemo.hash(keys(i), 1));
    expect(m.find(keys(5), 1, KeyMemo.hash(keys(5), 1))).toBeGreaterThanOrEqual(0);
    m.add(keys(1000), 1, KeyMemo.hash(keys(1000), 1));
    expect(m.find(keys(5), 1, KeyMemo.hash(keys(5), 1))).toBe(-1);
    expect(m.find(keys(1000), 1, KeyMemo.hash(keys(1000), 1))).toBe(0);
    m.clear();
    expect(m.find(keys(1000), 1, KeyMemo.hash(keys(1000), 1))).toBe(-1);
  });
});
