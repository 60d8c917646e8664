import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HalfSpaceModel } from './halfspace-model.js';
import { createNormalizer } from './index.js';

const model = HalfSpaceModel.fromBytes(readFileSync(new URL('../../../data/halfspace.bin', import.meta.url)));
const { normalize, normalizeAligned } = createNormalizer({ halfSpace: model });
const fix = (s: string): string => normalize(s, { keyboard: 'fix' });

const ROWS: [string, string, string][] = [
  ['lk ldo,hil fi hdvhk fv,l.', 'من می‌خواهم به ایران بروم.', 'a sentence typed on the English layout; the half-space repair then joins می‌خواهم'],
  ['sghl! ;jhf ldo,hkd? hk[hl an.', 'سلام! کتاب می‌خوانی؟ انجام شد.', 'each sentence judged on its own; a short one goes with the rest of its line'],
  ['من گفتم sghl و رفتم', 'من گفتم سلام و رفتم', 'one word in Persian text'],
  ['sghl', 'سلام', 'one word alone: four letters, no English vowel, frequent'],
  ['lk o,fl', 'من خوبم', 'two words that are both Persian words and no English ones'],
  ['hk[hl an', 'hk[hl an', 'alone on a Latin line, two words one of which is English-like (an) stay: too little evidence'],
  ['jhvdo 15 jdv 1380', 'تاریخ ۱۵ تیر ۱۳۸۰', 'numbers stay inside a run (and become Persian digits there)'],
  ['hello world, this is a test of the system', 'hello world, this is a test of the system', 'English prose stays'],
  ['cold and', 'cold and', 'two English words that happen to spell Persian words (زخمی شدی) stay: and gives no evidence'],
  ['and do of', 'and do of', 'common English words are no evidence'],
  ['cd', 'cd', 'a short word alone on a Latin line stays'],
  ['The file config.json and https://example.com/sghl', 'The file config.json and https://example.com/sghl', 'file names and URLs stay'],
  ['`sghl` <b>sghl</b> @sghl #sghl a@sghl.ir', '`sghl` <b>sghl</b> @sghl #sghl a@sghl.ir', 'code, markup, mentions, hashtags and addresses stay'],
  ['Sghl iPhone', 'Sghl iPhone', 'a word with an upper-case letter (other than C ژ, H آ) stays'],
  ['سایت صصص.لخخلمث.زخپ را ببینید', 'سایت www.google.com را ببینید', 'the other way: a web address typed on the Persian layout'],
  ['به نشانی یشذهق.هق بروید.', 'به نشانی dabir.ir بروید.', 'a domain ending in a common top-level domain'],
  ['او گفت.من رفتم', 'او گفت. من رفتم', 'Persian words after a dot are no address (the spacing step adds the space)'],
];

describe('normalize { keyboard: "fix" }: Persian typed on the English layout', () => {
  for (const [input, want, why] of ROWS) it(`${why}: ${input}`, () => expect(fix(input)).toBe(want));

  it('is off by default: Latin text passes through unchanged', () => {
    expect(normalize('lk ldo,hil fi hdvhk fv,l.')).toBe('lk ldo,hil fi hdvhk fv,l.');
  });

  it('the m key reads پ (standard layout) or ئ (old Windows layout), whichever makes a word', () => {
    expect(fix('mnv lk')).toBe('پدر من');
    expect(fix('hvhmi ;vn')).toBe('ارائه کرد');
  });

  it('the change has kind keyboard and maps back to the Latin letters', () => {
    const a = normalizeAligned('sghl o,fd', { keyboard: 'fix' });
    expect(a.text).toBe('سلام خوبی');
    const ch = a.changes();
    expect(ch.map((c) => [c.before, c.after, c.kind])).toEqual([
      ['sghl', 'سلام', 'keyboard'],
      ['o,fd', 'خوبی', 'keyboard'],
    ]);
  });

  it('never throws, keeps what it does not rewrite, and is idempotent', () => {
    const keys = fc.constantFrom(...'sghl o,fd lk ldo,hil hdvhk and the cold 12 . ! ? ، @ # ` < > / : ; [ ] \\ C H x'.split(' '), ' ', 'سلام', '\n');
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.array(keys, { maxLength: 30 }).map((a) => a.join(' '))), (s) => {
        const once = fix(s);
        expect(fix(once)).toBe(once);
        const a = normalizeAligned(s, { keyboard: 'fix' });
        expect(a.text).toBe(once);
      }),
      { numRuns: 300 },
    );
  });

  const LONG: [string, string][] = [
    ['sghl o,fd '.repeat(20000) + 'a'.repeat(200000) + ' ;'.repeat(50000), 'words, a token of 200k letters, 50k tokens of one mark'],
    ["'".repeat(50000), "one token of 50k ' (a mark a word may end with): each reading without its last marks was spelled and looked up (24 s)"],
    [',;'.repeat(25000), 'one token of 50k , and ; (the same)'],
  ];
  for (const [s, why] of LONG) {
    it(`linear on long inputs: ${why}`, () => {
      const t0 = performance.now();
      expect(fix(s).length).toBeGreaterThan(0);
      expect(performance.now() - t0).toBeLessThan(5000);
    });
  }
});
