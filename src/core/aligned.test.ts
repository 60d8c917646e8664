import { describe, expect, it } from 'vitest';
import { AlignedText, applyEdits } from './aligned.js';
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
