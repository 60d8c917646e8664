import { describe, expect, it } from 'vitest';
import { AlignedText, applyEdits, applyEditsPlain, type Edit } from './aligned.js';
import { createNormalizer } from './normalize/index.js';

const N = createNormalizer({});
const summary = (text: string) =>
  N.normalizeAligned(text)
    .changes()
    .map((c) => ({ start: c.start, end: c.end, before: c.before, after: c.after, kind: c.kind }));

describe('AlignedText.changes()', () => {
  it.each([
    ['كتاب', [{ start: 0, end: 1, before: 'ك', after: 'ک', kind: 'character' }], 'one letter'],
    ['کـتاب', [{ start: 1, end: 2, before: 'ـ', after: '', kind: 'character' }], 'a deletion'],
    ['سلام،دوست', [{ start: 5, end: 5, before: '', after: ' ', kind: 'spacing' }], 'an insertion'],
    ['سال 1402', [{ start: 4, end: 8, before: '1402', after: '۱۴۰۲', kind: 'digit' }], 'a number'],
    ['ﻻ', [{ start: 0, end: 1, before: 'ﻻ', after: 'لا', kind: 'character' }], 'a ligature grows'],
    ['چرا???', [{ start: 3, end: 6, before: '???', after: '؟', kind: 'punctuation' }], 'repeated marks shrink'],
    ['سلام  دنیا ', [
      { start: 4, end: 6, before: '  ', after: ' ', kind: 'spacing' },
      { start: 10, end: 11, before: ' ', after: '', kind: 'spacing' },
    ], 'collapsed and trailing spaces'],
    ['عَلِيّ', [{ start: 4, end: 5, before: 'ي', after: 'ی', kind: 'character' }], 'marks around an unchanged unit'],
    ['سلام', [], 'nothing to do'],
  ])('%j', (text, expected) => {
    expect(summary(text)).toEqual(expected);
  });

  it('labels a diacritic removal', () => {
    const a = N.normalizeAligned('کِتاب', { diacritics: 'remove' });
    expect(a.text).toBe('کتاب');
    expect(a.changes().map((c) => [c.start, c.end, c.kind])).toEqual([[1, 2, 'diacritic']]);
  });

  it('maps output units back to the original', () => {
    const a = N.normalizeAligned('سال1400 ﻧﺎﻡ');
    expect(a.text).toBe('سال ۱۴۰۰ نام');
    expect(a.toOriginal(4, 8)).toEqual([3, 7]); // the digits
    expect(a.toOriginal(9, 12)).toEqual([8, 11]); // the presentation forms
  });

  // [reason, alignment, start, end, the original range]: offsets out of the text were read past the maps (undefined)
  const a = N.normalizeAligned('سال1400 ﻧﺎﻡ'); // 'سال ۱۴۰۰ نام': 12 units, from 11
  const ID = AlignedText.from('سلام'); // the identity alignment
  it.each([
    ['a start before the text is its start (was [undefined, 2])', a, -5, 2, [0, 2]],
    ['an end past the text is its end (was [0, undefined])', a, 0, 1000, [0, 11]],
    ['the gap at the end', a, 12, 12, [11, 11]],
    ['the identity alignment the same (it gave [0, 1000])', ID, 0, 1000, [0, 4]],
    ['an empty range before the text', ID, -3, -1, [0, 0]],
  ])('toOriginal out of the text: %s', (_why, al, start, end, want) => {
    expect((al as AlignedText).toOriginal(start as number, end as number)).toEqual(want);
  });
  it.each([[Number.NaN, 2], [1.5, 2.5], ['1' as unknown as number, 3], [null as unknown as number, 2]])('toOriginal(%j, %j) is E_BAD_OPTION (it gave undefined)', (start, end) => {
    expect(() => a.toOriginal(start, end)).toThrow(/E_BAD_OPTION: toOriginal expects whole offsets/);
  });
});

describe('applyEdits', () => {
  it('skips an edit on a protected unit without breaking the arrays (fixed: a skipped deletion made it throw)', () => {
    const a = AlignedText.from('abc', new Uint8Array([0, 1, 0]));
    const b = applyEdits(a, [
      { start: 1, end: 2, text: '', kind: 'character' }, // protected: dropped
      { start: 2, end: 3, text: 'C', kind: 'character' },
    ]);
    expect(b.text).toBe('abC');
    expect(Array.from(b.srcStart)).toEqual([0, 1, 2]);
    expect(Array.from(b.srcEnd)).toEqual([1, 2, 3]);
  });

  it('reports a growth whose first unit equals the original as an insertion (fixed: a backwards change)', () => {
    const b = applyEdits(AlignedText.from('xy'), [{ start: 0, end: 1, text: 'xx', kind: 'character' }]);
    expect(b.text).toBe('xxy');
    expect(b.changes().map((c) => [c.start, c.end, c.before, c.after])).toEqual([[1, 1, '', 'x']]);
  });
});

describe('the identity alignment of AlignedText.from (made lazily)', () => {
  /** the same text with its alignment arrays written out: what `from` made before it was lazy */
  const eager = (t: string): AlignedText => {
    const s = new Int32Array(t.length).map((_, i) => i);
    const e = new Int32Array(t.length).map((_, i) => i + 1);
    return new AlignedText(t, t, s, e, new Uint8Array(t.length), []);
  };
  it.each([
    ['', 'empty text'],
    ['a', 'one unit'],
    ['سلام دنیا', 'Persian with a space'],
    ['x\u200cy 😀 z', 'a ZWNJ and a surrogate pair'],
  ])('%j (%s): every mapping equals the written-out arrays', (t) => {
    const lazy = AlignedText.from(t);
    const full = eager(t);
    expect(lazy.isIdentity).toBe(true);
    for (let i = 0; i <= t.length + 1; i++) expect([i, lazy.gapToOriginal(i)]).toEqual([i, full.gapToOriginal(i)]);
    for (let a = 0; a <= t.length; a++) {
      for (let b = a; b <= t.length; b++) expect([a, b, lazy.toOriginal(a, b)]).toEqual([a, b, full.toOriginal(a, b)]);
    }
    for (let o = -1; o <= t.length + 1; o++) expect([o, lazy.fromOriginal(o)]).toEqual([o, full.fromOriginal(o)]);
    expect(lazy.changes()).toEqual([]);
    // reading the arrays writes them out, once
    expect([...lazy.srcStart]).toEqual([...full.srcStart]);
    expect([...lazy.srcEnd]).toEqual([...full.srcEnd]);
    expect(lazy.isIdentity).toBe(false);
    expect(lazy.srcStart).toBe(lazy.srcStart);
  });

  it('applyEdits gives the same alignment from the lazy and the written-out identity', () => {
    const t = 'كتاب  من،دوست';
    const edits = [
      { start: 0, end: 1, text: 'ک', kind: 'character' as const },
      { start: 4, end: 6, text: ' ', kind: 'spacing' as const },
      { start: 9, end: 9, text: ' ', kind: 'spacing' as const },
    ];
    const a = applyEdits(AlignedText.from(t), edits);
    const b = applyEdits(eager(t), edits);
    expect(a.text).toBe(b.text);
    expect([...a.srcStart]).toEqual([...b.srcStart]);
    expect([...a.srcEnd]).toEqual([...b.srcEnd]);
    expect(a.changes()).toEqual(b.changes());
  });
});

describe('applyEditsPlain: the protection flags it passes to the next step', () => {
  type Row = [text: string, protect: number[], edits: Edit[], text2: string, protect2: number[], reason: string];
  const half = (start: number, end: number, text: string): Edit => ({ start, end, text, kind: 'half-space' });
  it.each<Row>([
    ['ab cd', [0, 0, 0, 0, 0], [half(2, 3, '\u200c')], 'ab\u200ccd', [0, 0, 0, 0, 0], 'nothing protected: the new flags are all zero (no copying)'],
    ['ab cd', [1, 1, 0, 0, 0], [half(2, 3, '')], 'abcd', [1, 1, 0, 0], 'a protected unit before an edit keeps its flag'],
    ['ab cd', [0, 0, 0, 1, 1], [half(2, 2, 'x')], 'abx cd', [0, 0, 0, 0, 1, 1], 'and after one, shifted by the insertion'],
    ['ab cd', [0, 1, 0, 0, 0], [half(1, 3, '')], 'ab cd', [0, 1, 0, 0, 0], 'an edit touching a protected unit is skipped'],
  ])('%j %j', (text, protect, edits, text2, protect2) => {
    const out = applyEditsPlain({ text, protect: Uint8Array.from(protect) }, edits);
    expect(out.text).toBe(text2);
    expect([...out.protect]).toEqual(protect2);
    expect(out.text).toBe(applyEdits(AlignedText.from(text, Uint8Array.from(protect)), edits).text);
  });
});
