import { describe, expect, it } from 'vitest';
import { stem } from './stem.js';

/** [word, expected stem, why] */
const ROWS: [string, string, string][] = [
  ['ایران', 'ایران', 'a name ending in ان is not a plural'],
  ['علی', 'علی', 'a glued ی is never stripped'],
  ['ایرانی', 'ایرانی', 'relational ی kept'],
  ['درختان', 'درخت', 'plural ان on a long word'],
  ['کتاب‌ها', 'کتاب', 'plural after a ZWNJ'],
  ['کتاب‌هایشان', 'کتاب', 'plural + clitic after a ZWNJ'],
  ['کتابها', 'کتاب', 'glued plural'],
  ['کتابهایشان', 'کتاب', 'glued plural + clitic'],
  ['دانشجویان', 'دانشجو', 'plural یان after a vowel'],
  ['نویسندگان', 'نویسنده', 'plural گان restores ه'],
  ['بزرگ‌ترین', 'بزرگ', 'superlative after a ZWNJ'],
  ['بزرگترین', 'بزرگ', 'glued superlative'],
  ['بزرگ‌تر', 'بزرگ', 'comparative after a ZWNJ'],
  ['دختر', 'دختر', 'a glued تر is never stripped (دختر, دفتر, کامپیوتر)'],
  ['کامپیوتر', 'کامپیوتر', 'loanword ending in تر'],
  ['خانه‌ای', 'خانه', 'indefinite ‌ای'],
  ['خانهٔ', 'خانه', 'ezafe hamza'],
  ['دنیای', 'دنیا', 'ezafe ی after a final ا'],
  ['آقای', 'آقا', 'ezafe ی after a final ا'],
  ['چای', 'چای', 'a three-letter word in ای stays (tea)'],
  ['تنها', 'تنها', 'not a plural of تن'],
  ['گلها', 'گلها', 'too short to strip safely: left alone rather than mangled'],
  ['خیابان', 'خیابان', 'exception list'],
  ['داستان', 'داستان', 'ستان is not a plural'],
  ['جوانان', 'جوان', 'plural of جوان'],
  ['مردان', 'مردان', 'short: left alone'],
  ['كتاب‌ها', 'کتاب', 'Arabic kaf normalized'],
  ['', '', 'empty string'],
  ['\u200cکتاب\u200c', 'کتاب', 'stray ZWNJs trimmed'],
];

describe('stem', () => {
  it.each(ROWS)('%s → %s: %s', (w, want) => {
    expect(stem(w)).toBe(want);
  });

  it('is idempotent on the table', () => {
    for (const [w] of ROWS) expect(stem(stem(w))).toBe(stem(w));
  });
});
