import { readFileSync, existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CountTable, LineIndex } from './count-table.js';
import { decodeSpellData } from './spell/data.js';

const parse = (text: string, count: number): CountTable => {
  const t = CountTable.parse(text, count);
  if (typeof t === 'string') throw new Error(t);
  return t;
};

describe('CountTable', () => {
  it('answers like a Map of the same lines', () => {
    const lines: [string, number][] = [['آب', 3], ['آب‌ها', -12], ['ب', 0], ['کتاب خوب', 4000000000], ['😀', 1]];
    const t = parse(lines.map(([k, v]) => `${k}\t${v}`).join('\n'), lines.length);
    for (const [k, v] of lines) expect([k, t.get(k), t.has(k)]).toEqual([k, v, true]);
    for (const k of ['آ', 'آبب', '', 'کتاب', 'کتاب خوب ', '\ud83d']) expect([k, t.get(k), t.has(k)]).toEqual([k, undefined, false]);
    expect(t.size).toBe(lines.length);
    expect([...t]).toEqual(lines);
    expect([...t.keys()]).toEqual(lines.map(([k]) => k));
  });

  it.each([
    ['a\t1\na\t2', 2, 'repeated key', 'a key twice'],
    ['a\t1\nb\t', 2, 'bad number', 'a line without its number'],
    ['a\t1\nb\tx', 2, 'bad number', 'a number that is not one'],
    ['a\t1\nb', 2, 'bad line', 'a line without a tab'],
    ['a\t1\nb\t2', 1, '1 lines expected', 'more lines than counted'],
    ['a\t1', 2, '2 lines expected', 'fewer lines than counted'],
  ])('%j (count %d): "%s" (%s), never a half-built table', (text, count, message) => {
    expect(CountTable.parse(text, count)).toBe(message);
  });

  it('an empty table', () => {
    const t = parse('', 0);
    expect([t.size, t.get('a'), [...t]]).toEqual([0, undefined, []]);
  });

  it('countByFirstWord: the keys per left word, as slicing every key would count them', () => {
    const keys = ['a b', 'a c', 'ab c', 'b a', 'b b', 'b c', 'c', 'ca x'];
    const t = parse(keys.map((k, i) => `${k}\t${i}`).join('\n'), keys.length);
    const want = new Map<string, number>();
    for (const k of keys) {
      const a = k.slice(0, k.indexOf(' '));
      want.set(a, (want.get(a) ?? 0) + 1);
    }
    expect(t.countByFirstWord()).toEqual(want);
  });

  const SPELL = new URL('../../data/spell.bin', import.meta.url);
  it.runIf(existsSync(SPELL))('the spelling data\'s bigram table: every entry and the counts per left word equal a Map built from its lines', () => {
    const d = decodeSpellData(new Uint8Array(readFileSync(SPELL)));
    const bi = d.bigrams as CountTable;
    expect(bi).toBeInstanceOf(CountTable);
    const entries = [...bi.entries()];
    const m = new Map(entries);
    expect(m.size).toBe(bi.size);
    for (const [k, v] of entries.filter((_, i) => i % 101 === 0)) expect(bi.get(k)).toBe(v);
    const want = new Map<string, number>();
    for (const k of m.keys()) {
      const a = k.slice(0, k.indexOf(' '));
      want.set(a, (want.get(a) ?? 0) + 1);
    }
    expect(bi.countByFirstWord()).toEqual(want);
  });
});

describe('LineIndex', () => {
  const index = (lines: string[]): LineIndex => {
    const ix = LineIndex.of(lines.join('\n'), lines.length);
    if (typeof ix === 'string') throw new Error(ix);
    return ix;
  };
  it('gives each line its number, like a Map filled in order (a repeated line: its last number)', () => {
    const lines = ['آب', 'آب‌ها', 'ب', 'x y', '😀', 'آب', ''];
    const ix = index(lines);
    const m = new Map(lines.map((l, i) => [l, i]));
    for (const [k, v] of m) expect([k, ix.get(k), ix.has(k)]).toEqual([k, v, true]);
    for (const k of ['آ', 'آبب', 'x', 'y', '\ud83d', 'آب\n']) expect([k, ix.get(k), ix.has(k)]).toEqual([k, undefined, false]);
    expect(ix.size).toBe(lines.length);
  });
  it.each([
    ['a\nb', 1, 'more lines than counted'],
    ['a\nb', 3, 'fewer lines than counted'],
    ['a', 0, 'lines where none are counted'],
  ])('%j with count %d: an error message (%s)', (text, count) => {
    expect(typeof LineIndex.of(text, count)).toBe('string');
  });
  it('an empty index', () => {
    const ix = LineIndex.of('', 0) as LineIndex;
    expect([ix.size, ix.get(''), ix.get('a')]).toEqual([0, undefined, undefined]);
  });
  const SPELL = new URL('../../data/spell.bin', import.meta.url);
  it.runIf(existsSync(SPELL))('the spelling lexicon: every word\'s number is its place in the list', () => {
    const d = decodeSpellData(new Uint8Array(readFileSync(SPELL)));
    const ix = d.wordIds!;
    d.words.forEach((w, i) => {
      if (i % 53 === 0) expect(ix.get(w)).toBe(i);
    });
    expect(ix.get('کتابههههه')).toBeUndefined();
  });
});
