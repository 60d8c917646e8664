import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { searchFold } from './index.js';

describe('searchFold', () => {
  const rows: [string, string, string][] = [
    ['كتاب', 'کتاب', 'Arabic kaf'],
    ['علي', 'علی', 'Arabic yeh'],
    ['کتاب‌ها', 'کتابها', 'ZWNJ dropped'],
    ['آمریکا', 'امریکا', 'alef madda folded'],
    ['مسأله', 'مساله', 'alef with hamza above folded'],
    ['رئیس', 'رییس', 'yeh with hamza folded'],
    ['مؤسسه', 'موسسه', 'waw with hamza folded'],
    ['خانهٔ', 'خانه', 'ezafe hamza dropped'],
    ['خانۀ', 'خانه', 'heh with yeh above folded'],
    ['کِتابْ', 'کتاب', 'diacritics dropped'],
    ['کـــتاب', 'کتاب', 'kashida dropped'],
    ['۱۴۰۲', '1402', 'Persian digits to ASCII'],
    ['٢٠', '20', 'Arabic-Indic digits to ASCII'],
    ['iPhone', 'iphone', 'Latin lower-cased'],
    ['Ünïcode', 'ünïcode', 'Latin-1 lower-cased'],
    ['کتاب', 'کتاب', 'already folded: unchanged'],
  ];
  for (const [input, output, why] of rows) it(`${input} → ${output} (${why})`, () => expect(searchFold(input)).toBe(output));
  it('is idempotent and never throws', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const once = searchFold(s);
        expect(searchFold(once)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });
});
