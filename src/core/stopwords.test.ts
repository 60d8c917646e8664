import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DabirError } from './errors.js';
import { createStopwords, stopwordKey, type StopwordData } from './stopwords.js';

// (the shipped list, as the package reads it)
const data = JSON.parse(readFileSync(new URL('../../data/stopwords.json', import.meta.url), 'utf8')) as StopwordData;
const sw = createStopwords(data);

describe('stopwords', () => {
  const rows: [string, boolean, string][] = [
    ['از', true, 'a preposition'],
    ['که', true, 'a conjunction'],
    ['است', true, 'the copula'],
    ['می‌شود', true, 'a listed verb form, with its ZWNJ'],
    ['میشود', true, 'the same without the ZWNJ'],
    ['مي‌شود', true, 'with the Arabic ye'],
    ['اَز', true, 'with a diacritic'],
    ['کتاب', false, 'a content word'],
    ['دانشگاه', false, 'a content word'],
    ['', false, 'the empty string'],
    ['the', false, 'Latin'],
  ];
  it.each(rows)('%s → %s (%s)', (w, want) => {
    expect(sw.has(w)).toBe(want);
  });
  it('afterPreposition: nouns that make a compound preposition with the preposition before them, in any spelling, in that place only', () => {
    const rows: [string, string, boolean, string][] = [
      ['به', 'خاطر', true, 'به خاطر (because of): in the raw text خاطر follows به nearly always'],
      ['به', 'عنوان', true, 'به عنوان (as)'],
      ['بر', 'اساس', true, 'بر اساس (based on)'],
      ['در', 'واقع', true, 'در واقع (in fact)'],
      ['از', 'طريق', true, 'از طریق, written with Arabic ي'],
      ['این', 'خاطر', false, 'not after a preposition'],
      ['به', 'کتاب', false, 'a noun that follows به only sometimes'],
    ];
    for (const [p, w, want, why] of rows) expect(sw.afterPreposition(p, w), why).toBe(want);
    expect(createStopwords({ meta: data.meta, words: ['به'] }).afterPreposition('به', 'خاطر'), 'data without the list').toBe(false);
    const one: [string, boolean, string][] = [
      ['بخاطر', true, 'به خاطر glued, with به as its glued ب'],
      ['به‌خاطر', true, 'with a ZWNJ'],
      ['براساس', true, 'بر اساس glued'],
      ['درواقع', true, 'در واقع glued'],
      ['بهار', false, 'a word that only begins like one (به + ار is no pair)'],
      ['درمان', false, 'the same'],
    ];
    for (const [w, want, why] of one) expect(sw.isPrepositionCompound(w), why).toBe(want);
  });
  it('isFunctionWord: the listed function words, adverbs and light verbs, not the listed content words', () => {
    for (const w of ['از', 'که', 'خیلی', 'می‌شود', 'میشود', 'است']) expect(sw.isFunctionWord(w), w).toBe(true);
    for (const w of ['بزرگ', 'جدید', 'مهم', 'افراد', 'کتاب']) expect(sw.isFunctionWord(w), w).toBe(false);
    // data without the content list: every stopword is a function word
    expect(createStopwords({ meta: data.meta, words: ['بزرگ'] }).isFunctionWord('بزرگ')).toBe(true);
  });
  it('lists the words sorted, with no glued phrase (hazm writes آمده_است) and nothing empty', () => {
    expect(sw.words.length).toBeGreaterThan(300);
    expect([...sw.words].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))).toEqual([...sw.words]);
    expect(sw.words.some((w) => /[_\s]/.test(w) || w === '')).toBe(false);
  });
  it('key: letters only, no ZWNJ, diacritics, kashida; Arabic variants as Persian', () => {
    expect(stopwordKey('مي\u200cشَود')).toBe('میشود');
    expect(stopwordKey('كتـاب')).toBe('کتاب');
  });
  it('never throws on any string; bad data is a typed error', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (s) => typeof sw.has(s) === 'boolean'));
    expect(() => createStopwords({ meta: { format: 2 }, words: [] })).toThrow(DabirError);
  });
});
