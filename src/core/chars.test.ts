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

describe('stretched letters (chat emphasis)', () => {
  const rows: [string, string, string][] = [
    ['خیلیییی', 'خیلی', 'ی four times at the end'],
    ['خیییلی', 'خیلی', 'ی three times inside a word'],
    ['چرااا', 'چرا', 'any other letter three times'],
    ['پوووول', 'پول', 'a stretch inside the word'],
    ['متنفررررررر', 'متنفر', 'a long stretch'],
    ['دههها', 'دههها', 'ه three times: دهه + ها written glued, no stretch'],
    ['بیرحمییی', 'بیرحمییی', 'ی three times at the end: ی + یی, no stretch'],
    ['ممنون', 'ممنون', 'a doubled letter is a spelling'],
    ['۲۰۰۰', '۲۰۰۰', 'digits are no letters'],
    ['aaa', 'aaa', 'Latin letters are left alone'],
    ['', '', 'empty'],
    ['ببببببببببببببببببببب', 'ببببببببببببببببببببب', 'a run of one letter is no stretched word: typed once it was ب, read as به (chat\'s ب) by the lemmatizer and search'],
    ['ممممم', 'ممممم', 'the same: was م, read as من'],
    ['ههههه', 'ههههه', 'laughter stays laughter (was ه)'],
  ];
  // (a run of one letter still has a stretch for hasStretch: the spell checker leaves such a word alone as stretched)
  const oneRun = (w: string): boolean => /^[\u0600-\u06ff]{3,}$/.test(w) && [...w].every((c) => c === w[0]);
  it.each(rows)('unstretch(%s) = %s: %s', (w, out) => {
    expect(chars.unstretch(w)).toBe(out);
    expect(chars.hasStretch(w)).toBe(out !== w || oneRun(w));
  });
});

describe('doubledStretches (the readings with one stretch typed twice)', () => {
  const rows: [string, string[], string][] = [
    ['ببببین', ['ببین'], 'the stretched run typed twice: a word with a doubled letter (ببین) is one reading'],
    ['خیییللللی', ['خییلی', 'خیللی'], 'one reading per stretch, the others typed once'],
    ['ممنون', [], 'no stretch: no reading'],
    ['ممممم', [], 'a run of one letter, which unstretch leaves: none'],
    ['', [], 'empty'],
    ['بببااا'.repeat(20), [], 'a form longer than MAX_WORD has none (its readings were quadratic in its length: an 18,000-letter token took a minute to analyse)'],
  ];
  it.each(rows)('doubledStretches(%s) = %j: %s', (w, out) => {
    expect(chars.doubledStretches(w).map((r) => r.text)).toEqual(out);
  });
});

describe('letterKey', () => {
  // [word, dropZwnj, key, why]
  const rows: [string, boolean, string, string][] = [
    ['كتابي', false, 'کتابی', 'Arabic kaf and yeh become Persian'],
    ['ى', false, 'ی', 'alef maksura is yeh'],
    ['کتاب', false, 'کتاب', 'nothing to change'],
    ['', true, '', 'the empty string'],
    ['مـــیز', false, 'میز', 'kashida dropped'],
    ['كِتابٌ', false, 'کتاب', 'diacritics dropped, the first and last units changed'],
    ['هزار\u200cتا', false, 'هزار\u200cتا', 'ZWNJ kept'],
    ['هزار\u200cتا', true, 'هزارتا', 'ZWNJ dropped'],
    ['\u200c\u200c', true, '', 'only units that are dropped'],
    ['رحمٰن', false, 'رحمن', 'superscript alef dropped'],
    ['ab\u0643cd', false, 'abکcd', 'other letters copied around a change'],
  ];
  it.each(rows)('%s (%s) → %s: %s', (word, drop, key) => {
    expect(chars.letterKey(word, drop)).toBe(key);
  });
  it('a word of millions of units is its own key when nothing changes, and keyed whole when something does', () => {
    const long = 'کتاب'.repeat(1_000_000);
    expect(chars.letterKey(long, true)).toBe(long);
    expect(chars.letterKey('ك' + long + 'ي', true)).toBe('ک' + long + 'ی');
  });
});

describe('hasLetterOrDigit (one definition for the parser, the phrase chunker and the search terms)', () => {
  const rows: [string, boolean, string][] = [
    ['کتاب', true, 'a Persian word'],
    ['۱۲', true, 'Persian digits'],
    ['C#', true, 'a Latin letter beside a sign'],
    ['.', false, 'punctuation'],
    ['«', false, 'a quotation mark'],
    ['😀', false, 'an emoji'],
    ['|', false, 'a table bar'],
    ['\u064e', false, 'a lone diacritic is a mark, no letter'],
    ['', false, 'empty'],
  ];
  it.each(rows)('hasLetterOrDigit(%j) = %s: %s', (s, out) => {
    expect(chars.hasLetterOrDigit(s)).toBe(out);
  });
});

describe('isFormatControl', () => {
  // [code unit, answer, reason]: below U+200B only ALM and the soft hyphen are format controls (the fast path)
  const rows: [number, boolean, string][] = [
    [0x0628, false, 'a Persian letter takes the fast path'],
    [0x061c, true, 'ALM, below U+200B'],
    [0x00ad, true, 'the soft hyphen, below U+200B'],
    [0x200b, true, 'the zero-width space, the first above'],
    [0x200c, false, 'ZWNJ is no format control here'],
    [0x202a, true, 'an embedding'],
    [0x2069, true, 'an isolate'],
    [0xfeff, true, 'BOM'],
    [NaN, false, 'charCodeAt past the end'],
  ];
  it.each(rows)('isFormatControl(%s) = %s: %s', (c, want) => expect(chars.isFormatControl(c)).toBe(want));
});

describe('clauseEndsAt', () => {
  const rows: [string, number, boolean, string][] = [
    ['خوبه', 4, true, 'the text\'s end'],
    ['خوبه. بریم', 4, true, 'a full stop'],
    ['خوبه😍', 4, true, 'an emoji, which chat puts where a mark goes'],
    ['خوبه ❤️', 5, true, 'a BMP emoji'],
    ['خوبه بریم', 5, false, 'a word'],
    ['خوبه 5', 5, false, 'a digit'],
  ];
  it.each(rows)('clauseEndsAt(%j, %i) = %s: %s', (text, at, want) => {
    expect(chars.clauseEndsAt(text, at)).toBe(want);
  });
});

describe('digitOrdinalEnd: the ordinal suffix glued to digits (tokenizer, normalizer spacing, findNumbers and tagger share it)', () => {
  // [text, index of the first letter after the digits, zwnjEnds, expected end (-1: no suffix), attributive, reason]
  const rows: [string, number, boolean, number, boolean, string][] = [
    ['۲۱ام', 2, false, 4, false, 'ام'],
    ['۱۲م مهر', 2, false, 3, false, 'a bare م after two digits, a space after it'],
    ['۳مین', 1, false, 4, true, 'مین: the attributive ordinal'],
    ['۳امین.', 1, false, 5, true, 'امین, a full stop after it'],
    ['۳اُم', 1, false, 4, false, 'a vowel sign on the suffix (the four readers differed on which marks: now any Arabic combining mark)'],
    ['۲۱اُمِیِن', 2, false, 9, true, 'vowel signs on every letter, one between ی and ن too (the spacing step and the tokenizer allowed none there)'],
    ['۳امين', 1, false, 5, true, 'the Arabic ي (text the letter step has not mapped: the spacing step and the tagger read only ی)'],
    ['۳اۖم', 1, false, 4, false, 'a Quranic mark is a mark too (findNumbers and the tagger read only the vowel signs)'],
    ['۲۰۲۴م', 4, false, -1, false, 'a bare م after four digits is the era, میلادی (the normalizer and the tokenizer kept ۲۰۲۴م glued while they split ۱۴۰۳ش; PerDT writes 1917 م.)'],
    ['۳۰۰م', 3, false, 4, false, 'after three digits a bare م is the ordinal'],
    ['۱٬۰۰۰م', 5, false, 6, false, 'the digits counted are the ones right before the suffix: a thousands separator makes no year'],
    ['۲۰۲۴ام', 4, false, 6, false, 'ام after a year is the ordinal'],
    ['۱۴۰۰امین', 4, false, 8, true, 'and so is امین'],
    ['۵مرد', 1, false, -1, false, 'trap: م that starts a word'],
    ['۲۰امید', 2, false, -1, false, 'trap: ام that starts a word'],
    ['۵مینی', 1, false, -1, false, 'trap: a letter after مین'],
    ['۳امـ', 1, false, -1, false, 'trap: a kashida after the suffix runs it on'],
    ['۳امx', 1, false, -1, false, 'trap: a Latin letter after it'],
    ['۳ام۴', 1, false, -1, false, 'trap: a digit after it'],
    ['۳ام²', 1, false, -1, false, 'trap: a superscript digit after it'],
    ['۲۰امین\u200cسالگرد', 2, false, -1, false, 'a ZWNJ word after it: no suffix for the tokenizer and findNumbers'],
    ['۲۰امین\u200cسالگرد', 2, true, 6, true, 'zwnjEnds: the normalizer leaves an ordinal its writer joined to its noun glued'],
    ['۳امین\u200c١', 1, true, -1, false, 'zwnjEnds: a ZWNJ before a digit is looked past, as the ZWNJ cleanup drops it there (kept glued, ۳امین١ was spaced on a second pass: not idempotent; found by fuzzing)'],
    ['۵', 1, false, -1, false, 'nothing after the digits'],
    ['۵ا', 1, false, -1, false, 'ا alone'],
  ];
  it.each(rows)('%s at %i (zwnjEnds %s) → %i: %s', (t, j, z, end, attr) => {
    expect(chars.digitOrdinalEnd(t, j, t.length, z)).toBe(end);
    if (end >= 0) expect(chars.ordinalIsAttributive(t, j, end)).toBe(attr);
  });
});
