import { describe, expect, it } from 'vitest';
import { hasTree, layoutTree, type TreeWord } from './tree.js';

const words: TreeWord[] = [
  { id: 1, form: 'اختیار', head: 6, deprel: 'obj' },
  { id: 2, form: 'ش', head: 1, deprel: 'nmod:poss' },
  { id: 3, form: 'را', head: 1, deprel: 'case' },
  { id: 4, form: 'به', head: 5, deprel: 'case' },
  { id: 5, form: 'من', head: 6, deprel: 'obl:arg' },
  { id: 6, form: 'داد', head: 0, deprel: 'root' },
  { id: 7, form: '.', head: 6, deprel: 'punct' },
];

describe('dependency tree layout', () => {
  const L = layoutTree(words, (w) => w.form.length * 10);

  it('lays words out right to left', () => {
    for (let i = 1; i < L.x.length; i++) expect(L.x[i]!).toBeLessThan(L.x[i - 1]!);
    expect(L.x[0]!).toBeLessThan(L.width);
    expect(L.x[L.x.length - 1]!).toBeGreaterThan(0);
  });

  it('has one arc per non-root word and the root marked', () => {
    expect(L.arcs).toHaveLength(6);
    expect(L.root).toEqual([5]);
  });

  it('puts an arc above the arcs it spans', () => {
    const obj = L.arcs.find((a) => a.label === 'obj')!;
    const inner = L.arcs.filter((a) => Math.min(a.head, a.dep) >= Math.min(obj.head, obj.dep) && Math.max(a.head, a.dep) <= Math.max(obj.head, obj.dep) && a !== obj);
    expect(inner.length).toBeGreaterThan(0);
    for (const a of inner) expect(obj.level).toBeGreaterThan(a.level);
  });

  it('knows when there is no tree', () => {
    expect(hasTree(words.map(({ id, form }) => ({ id, form })))).toBe(false);
    expect(hasTree(words)).toBe(true);
    expect(hasTree([])).toBe(false);
  });

  it('ignores heads that point outside the sentence', () => {
    const bad = layoutTree([{ id: 1, form: 'a', head: 9, deprel: 'x' }, { id: 2, form: 'b', head: 2 }], () => 10);
    expect(bad.arcs).toHaveLength(0);
  });
});
