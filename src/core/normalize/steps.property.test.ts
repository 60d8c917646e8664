import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AlignedText } from '../aligned.js';
import { HalfSpaceModel } from './halfspace-model.js';
import { createNormalizer } from './index.js';
import type { NormalizeOptions } from './options.js';
import { scanProtected } from './protect.js';

const N = createNormalizer({});

/** Persian-heavy alphabet: letters (incl. Arabic variants and presentation forms), ZWNJ, spaces, digits, marks, Latin */
const PERSIAN_UNITS = [
  ...'اآبپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیئ',
  ...'كيىەة',
  ...'ﻧﺎﻡﻻﷲ',
  '\u200c', '\u200c', '\u200c', '\u200d', '\u0640', '\u064e', '\u0650', '\u0651', '\u0654', '\ufeff', '\u200f',
  ' ', ' ', ' ', ' ', '\u00a0', '\t', '\n', '\r\n',
  ...'0123456789', ...'۰۱۲۳۴۵۶۷۸۹', ...'٠١٢',
  ...'.,،;؛:!?؟()«»[]{}"…-/@#`<>&_\'%',
  ...'abvxAZé',
  // multi-unit tokens that exercise the rules
  'https://x.com/a', 'www.x.ir', 'a@b.co', 'v1.2', '1.2.3', 'e.g.', 'ه.ق.', 'می', 'ها', 'ام', '...', '```', '<b>', '&amp;',
  '](u)', '\ud800', '\udc00',
  // the half-space's look-alikes (¬ of an old keyboard, the word joiner), a chat export's timestamp pieces, lone letters
  '\u00ac', '\u2060', '۱۴:۲۳, ', '1402/12/01, ', 'ک ', ' ب',
  // chat's lone letters, آمدن's ا forms after می, Arabic-Indic digits glued to Latin, command-line openings
  ' ی ', ' ن', 'نمیاییم', 'abc٤٥', 'v٢', 'PS C:\\x> ', 'A=b ', './r.sh ', ' --f ',
  // a word in ال after من, آمدن's ید forms after می, a bare shell prompt + a command word, a ZWNJ before بود
  'من ', 'المال', 'میاید', '$ sudo ', ' #', '\u200cبود',
  // ة (a sentence's Arabic marker), a ligature written with a Persian ی (ﱃ → لی), a path opener after a ZWNJ, ordinals
  'ة', 'ﱃ', ' ]', '/usr/bin', '۲۰۲۴م', '۳امين', 'می اید',
];
const persianText = fc.string({ unit: fc.constantFrom(...PERSIAN_UNITS), maxLength: 40 });
/** any UTF-16 units (lone surrogates and controls too), mixed with Persian units */
const anyText = fc.string({
  unit: fc.oneof(fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), fc.constantFrom(...PERSIAN_UNITS)),
  maxLength: 60,
});
const latinText = fc.string({
  unit: fc.constantFrom(...'abcdefxyzABCXYZ0123456789 .,;:!?\'"()[]{}-_/@#`<>&*+=%\n\t'.split(''), 'http://a.b', '1.2.3', '...', '  '),
  maxLength: 60,
});

const OPTION_SETS: NormalizeOptions[] = [
  {},
  { digits: 'latin', diacritics: 'remove' },
  { spacing: 'keep' },
  { halfSpace: 'keep', punctuation: 'keep', digits: 'keep', kashida: 'keep' },
];

const LINE_BREAKS = /[\n\r\u2028\u2029\u000b\u000c\u0085]/g;
const breaks = (s: string): string => (s.match(LINE_BREAKS) ?? []).join('');

/** Returns '' when the alignment of `a` is sound, else a description of the first problem. */
function alignmentProblem(a: AlignedText): string {
  const { original, text, srcStart, srcEnd } = a;
  if (srcStart.length !== text.length || srcEnd.length !== text.length) return 'map length';
  for (let i = 0; i < text.length; i++) {
    if (srcStart[i]! > srcEnd[i]! || srcEnd[i]! > original.length) return `bad range at ${i}`;
    if (i > 0 && (srcStart[i]! < srcStart[i - 1]! || srcEnd[i]! < srcEnd[i - 1]!)) return `not monotone at ${i}`;
  }
  // changes are sorted, disjoint, real, and rebuild the text from the original
  let rebuilt = '';
  let at = 0;
  const changed = new Uint8Array(original.length);
  for (const c of a.changes()) {
    if (c.start < at || c.end < c.start) return `change out of order at ${c.start}`;
    if (c.before !== original.slice(c.start, c.end)) return `change.before at ${c.start}`;
    if (c.before === c.after) return `empty change at ${c.start}`;
    rebuilt += original.slice(at, c.start) + c.after;
    at = c.end;
    changed.fill(1, c.start, c.end);
  }
  rebuilt += original.slice(at);
  if (rebuilt !== text) return 'changes do not rebuild the text';
  // every unit outside the changes maps to one identical original unit
  for (let i = 0; i < text.length; i++) {
    if (srcEnd[i]! > srcStart[i]! && changed[srcStart[i]!] === 0) {
      if (srcEnd[i]! - srcStart[i]! !== 1 || text.charCodeAt(i) !== original.charCodeAt(srcStart[i]!)) {
        return `unchanged unit ${i} does not map to an identical unit`;
      }
    }
  }
  return '';
}

describe('normalization steps: properties', () => {
  it('never throw on any string', () => {
    fc.assert(
      fc.property(anyText, fc.constantFrom(...OPTION_SETS), (s, o) => {
        const a = N.normalizeAligned(s, o);
        expect(typeof a.text).toBe('string');
        a.changes();
        expect(scanProtected(s).length).toBe(s.length);
      }),
      { numRuns: 1000 },
    );
  });

  it('are idempotent', () => {
    fc.assert(
      fc.property(persianText, fc.constantFrom(...OPTION_SETS), (s, o) => {
        const once = N.normalize(s, o);
        expect(N.normalize(once, o)).toBe(once);
      }),
      { numRuns: 3000 },
    );
  });

  it('are idempotent on words that the half-space rules join, cut or glue', () => {
    // whole words, so that the rules of the model fire: suffixes typed apart after letters that do not join, the ezafe
    // ی, می and بی typed apart, comparatives, chat particles
    const WORDS = ['دکتر', 'ها', 'های', 'هایشان', 'خانه', 'ی', 'بی', 'قرار', 'می', 'نمی', 'شه', 'تونم', 'دور', 'تر', 'ترین', 'سرد', 'برو', 'بیا', 'شد', 'و', 'کتاب', 'میخواهم', 'رفته', 'ام', 'گیر', 'ز', 'آقا', 'دانشجو', 'راه', 'قرارشه', 'نا', 'امید', 'درست', '،', '\u200c', '\u064e', 'نامهای', 'سفرهای', 'که', 'را', '.', 'از'];
    const words = fc.array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(' ', ' ', ' ', '', '  ')), { maxLength: 12 }).map((a) => a.map(([w, sp]) => w + sp).join(''));
    const H = createNormalizer({ halfSpace: HalfSpaceModel.fromBytes(readFileSync(new URL('../../../data/halfspace.bin', import.meta.url))) });
    fc.assert(
      fc.property(words, (s) => {
        const once = H.normalize(s);
        expect(H.normalize(once)).toBe(once);
        expect(H.normalizeAligned(s).text).toBe(once);
      }),
      { numRuns: 3000 },
    );
  });

  it('are idempotent under every option set, with the half-space model, on code, LaTeX, mentions and lone signs', () => {
    // the units of this round's rules (codeLines, LaTeX commands, subtitle blocks, Arabic-script mentions, a lone ی,
    // a lone vowel sign); a fuzz of 100,000 cases found ب َ{ (glued on a second pass) and هفت َها with diacritics removed
    const UNITS = [...'ابتسلمکیهنود', 'ویژگ', 'کتاب', 'سلام', 'ی', ' ی', 'ین', ' ه', 'کتا', 'م ی', 'دهد', 'ها', 'های', 'هفت', 'ماهه', ' ', ' ', '  ', '\n', '\u200c', '\u064e', '\u0650', '\u0651', ' \u064e',
      "'", '"', ';', '=', '(', ')', '{', '}', '[', ']', ',', ':', '،', '.', '\\', '\\section', '{\\an8}', '\\o/', 'C:\\Users', '%APPDATA%', ' #', ' //', '@', '@علی', 'f(', 'x', 'name', '1', '۲', '"""', '\ufeff', '\ud800', '\t',
      // command lines with no ; (commandWordLine): a command word, a prompt, flags, a path
      'git ', 'echo ', 'python ', '$ ', ' -m ', ' --name ', '/home/ali/', 'main.py',
      // runs of spaces between Persian words (made one space) and lone letters (loneLetter)
      '   ', '      ', 'ب ', 'ج ا', 'شخصه'];
    const H = createNormalizer({ halfSpace: HalfSpaceModel.fromBytes(readFileSync(new URL('../../../data/halfspace.bin', import.meta.url))) });
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...UNITS), maxLength: 30 }), fc.constantFrom(...OPTION_SETS), (s, o) => {
        const once = H.normalize(s, o);
        expect(H.normalize(once, o)).toBe(once);
        expect(H.normalizeAligned(s, o).text).toBe(once);
      }),
      { numRuns: 3000 },
    );
  });

  it('keep the alignment map monotone and the unchanged units identical', () => {
    fc.assert(
      fc.property(persianText, fc.constantFrom(...OPTION_SETS), (s, o) => {
        expect(alignmentProblem(N.normalizeAligned(s, o))).toBe('');
      }),
      { numRuns: 1000 },
    );
  });

  it('keep every line break', () => {
    fc.assert(
      fc.property(fc.oneof(persianText, anyText), fc.constantFrom(...OPTION_SETS), (s, o) => {
        expect(breaks(N.normalize(s, o))).toBe(breaks(s));
      }),
      { numRuns: 1000 },
    );
  });

  it('leave Latin-only text unchanged', () => {
    fc.assert(
      fc.property(latinText, fc.constantFrom(...OPTION_SETS), (s, o) => {
        expect(N.normalize(s, o)).toBe(s);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('normalization steps: pathological input', () => {
  const cases: [string, () => string][] = [
    ['1e6 alef without a space', () => 'ا'.repeat(1e6)],
    ['1e5 ZWNJs in a row', () => '\u200c'.repeat(1e5)],
    ['1e5 ZWNJs between letters', () => 'ب' + '\u200c'.repeat(1e5) + 'ب'],
    ['1e4 unclosed «', () => '«'.repeat(1e4)],
    ['1e4 unclosed « with words', () => 'سلام «'.repeat(1e4)],
    ['1e5 spaces', () => 'ب' + ' '.repeat(1e5) + 'ب'],
    ['1e5 digits and separators', () => '1,'.repeat(1e5)],
    ['1e5 kashidas', () => 'بـ'.repeat(1e5)],
    ['1e5 marks', () => '!\u200c'.repeat(1e5) + 'ب'],
    ['1e5 quotes', () => '"س'.repeat(1e5)],
    ['1e5 dots with ZWNJ', () => 'س.\u200c'.repeat(1e5)],
    ['1e5 ZWNJ + BOM', () => 'ب' + '\u200c\ufeff'.repeat(1e5)],
    ['1e5 < without >', () => '<a'.repeat(1e5)],
    ['1e5 backticks', () => '`a``'.repeat(1e5)],
    ['1e5 @ chains', () => 'a+'.repeat(1e5) + '@'],
    // the signs of a line of code (codeLines): one line with a quote after 1e5 brackets, many calls and ; on one
    // line, 1e5 short lines with a ; (each line is read once)
    ['a quote after 1e5 brackets and spaces', () => 'س = ' + '( '.repeat(1e5) + "'س'"],
    ['1e5 calls, quotes and ;', () => "f(' س ; ".repeat(1e5)],
    ['1e5 lines with a ; and a :', () => 'سلام: a ;\n'.repeat(1e5)],
    // command lines with no ; (commandWordLine): one line of 1e5 flags, 1e5 short command lines
    ['a command line of 1e5 flags and quotes', () => 'git commit' + ' -m "س'.repeat(1e5)],
    ['1e5 command lines', () => 'echo -n "س, 1"\n'.repeat(1e5)],
    // vowel signs standing alone after a space (glued to the letter before: loneMarks in spacing.ts)
    ['1e5 lone vowel signs', () => 'ب' + ' \u064e'.repeat(1e5)],
    ['a word and 1e5 marks after a space', () => 'ب ' + '\u064e'.repeat(1e5)],
  ];
  it.each(cases)('%s', (_name, make) => {
    const s = make();
    const a = N.normalizeAligned(s);
    expect(breaks(a.text)).toBe(breaks(s));
    expect(N.normalize(a.text)).toBe(a.text);
  }, 120_000);

  // with the half-space model: spaces that its rules join, repeated (a chain of joins once grew without bound and
  // made the step quadratic: 4,000 × ' ترین' took over a second, 8,000 ran out of memory)
  const H = createNormalizer({ halfSpace: HalfSpaceModel.fromBytes(readFileSync(new URL('../../../data/halfspace.bin', import.meta.url))) });
  const joins: [string, () => string][] = [
    ['1e5 × ترین after a word', () => 'کتاب' + ' ترین'.repeat(1e5)],
    ['1e5 × ها after a letter that does not join', () => 'دکتر' + ' ها'.repeat(1e5)],
    ['1e5 × بی', () => 'بی '.repeat(1e5) + 'قرار'],
    ['1e5 × می', () => 'می '.repeat(1e5) + 'شه'],
    ['1e5 × ی after ه', () => 'خانه' + ' ی'.repeat(1e5)],
    ['1e5 × a word cut before its ی', () => 'ویژگ ی '.repeat(1e5)],
    ['1e5 glued words', () => 'کتابهای'.repeat(1e5)],
    ['1e5 × a plural or noun in ه + ای before که', () => 'نامهای که '.repeat(1e5)],
    ['a plural or noun in ه + ای before 1e6 spaces', () => 'نامهای' + ' '.repeat(1e6) + 'که'],
  ];
  it.each(joins)('with the half-space model: %s', (_name, make) => {
    const s = make();
    const a = H.normalizeAligned(s);
    expect(H.normalize(s)).toBe(a.text);
    expect(H.normalize(a.text)).toBe(a.text);
  }, 120_000);

  it('specific results', () => {
    expect(N.normalize('ا'.repeat(1e6))).toBe('ا'.repeat(1e6));
    expect(N.normalize('\u200c'.repeat(1e5))).toBe('');
    expect(N.normalize('ب' + '\u200c'.repeat(1e5) + 'ب')).toBe('ب\u200cب');
    expect(N.normalize('«'.repeat(1e4))).toBe('«'.repeat(1e4));
  }, 120_000);
});
