/**
 * Long texts are normalized in pieces cut after line breaks (src/core/normalize/index.ts). The pieces must give
 * exactly the result of one pass: same text, same alignment map, same changes. Checked with tiny pieces so that
 * every line break becomes a cut. `normalize()` takes a path without the alignment map (applyEditsPlain): its string
 * must be the aligned path's text, whole or in pieces.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HalfSpaceModel } from './halfspace-model.js';
import { createNormalizer } from './index.js';
import type { NormalizeOptions } from './options.js';

const model = HalfSpaceModel.fromBytes(readFileSync(new URL('../../../data/halfspace.bin', import.meta.url)));
const whole = createNormalizer({ halfSpace: model }, { chunkSize: 1e9 });
const tiny = createNormalizer({ halfSpace: model }, { chunkSize: 3 });

function same(text: string, o?: NormalizeOptions): void {
  const a = whole.normalizeAligned(text, o);
  const b = tiny.normalizeAligned(text, o);
  expect(b.text).toBe(a.text);
  expect(Array.from(b.srcStart)).toEqual(Array.from(a.srcStart));
  expect(Array.from(b.srcEnd)).toEqual(Array.from(a.srcEnd));
  expect(Array.from(b.protect)).toEqual(Array.from(a.protect));
  expect(b.changes()).toEqual(a.changes());
  expect(whole.normalize(text, o)).toBe(a.text);
  expect(tiny.normalize(text, o)).toBe(a.text);
}

const UNITS = [
  ...'اآبپتثجچحخدذرزسشصطعغفقکگلمنوهیكي', '\u200c', ' ', ' ', '\n', '\n', '\r\n', '\u2028', ...'0123۴٥.,،:؟!«»"()',
  'می', 'ها', 'ای', 'https://x.ir/a', 'a@b.co', '```', '`', '<b>', 'abc', '\ud800', '\ufeff',
];

describe('normalizing long texts in pieces', () => {
  it('gives the same result as one pass on the example files', () => {
    for (const f of ['../../../examples/news.txt']) {
      const text = readFileSync(new URL(f, import.meta.url), 'utf8');
      same(text);
      same(text.replaceAll('\u200c', ''), { digits: 'latin' });
      same(text.replaceAll('\u200c', ' ').replaceAll('\n', '\r\n'));
    }
  });

  it('gives the same result as one pass on any text (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...UNITS), maxLength: 80 }), (t) => same(t)),
      { numRuns: 400 },
    );
  });

  it('normalize() (no alignment map) gives the aligned text, with every option set (property)', () => {
    const opts: NormalizeOptions[] = [{}, { digits: 'latin', diacritics: 'remove' }, { spacing: 'keep' }, { halfSpace: 'keep', punctuation: 'keep' }, { style: 'academy' }];
    const anyUnit = fc.oneof(fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), fc.constantFrom(...UNITS));
    fc.assert(
      fc.property(fc.string({ unit: anyUnit, maxLength: 80 }), fc.constantFrom(...opts), (t, o) => {
        const a = whole.normalizeAligned(t, o).text;
        return whole.normalize(t, o) === a && tiny.normalize(t, o) === a;
      }),
      { numRuns: 600 },
    );
  });

  it('a U+FEFF starting a later piece is dropped as in one pass (only the text\'s first unit is a file\'s BOM, kept)', () => {
    // (each piece kept a U+FEFF at its start: the output of a long text depended on where its pieces were cut)
    same('\ufeffسلام\n\ufeffدنیا\n\ufeffکتاب\n');
    expect(tiny.normalize('\ufeffسلام\n\ufeffدنیا')).toBe('\ufeffسلام\nدنیا');
  });

  it('a text cut from a longer string (a view into it, which normalize copies flat first) gives what the same text alone gives', () => {
    const long = 'کتاب ها را میخوانم.\nاین متن درست نوشته شده است.\nhttps://x.ir/a میشود\nسلام\n' + 'می شود '.repeat(20);
    const rows: [string, string][] = [
      [long.split('\n')[0]!, 'a line of split, with edits (half-spaces)'],
      [long.split('\n')[1]!, 'a line no step edits: the copy is what comes back'],
      [long.split('\n')[2]!, 'a line with a protected span'],
      [long.split('\n')[3]!, 'shorter than 13 units: a slice is already a copy'],
      [long.slice(3, 40), 'a slice across a line break, starting inside a word'],
      [long.slice(long.length - 100), 'a slice of the repeated tail'],
    ];
    for (const [cut, reason] of rows) {
      const alone = JSON.parse(JSON.stringify(cut)) as string; // a string of its own with the same units
      expect(whole.normalize(cut), reason).toBe(whole.normalize(alone));
      expect(whole.normalizeAligned(cut).changes(), reason).toEqual(whole.normalizeAligned(alone).changes());
    }
  });

  it('never cuts inside a protected span (a code fence over several lines)', () => {
    same('متن\n```\nمیشود x\nکتاب ها\n```\nمیشود کتاب ها\n');
  });
});
