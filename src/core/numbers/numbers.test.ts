import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convertNumbers, findNumbers, numberToWords, parseNumber, wordsToNumber } from './index.js';

const Z = '\u200c';

describe('numberToWords', () => {
  const rows: [number | bigint | string, string, string][] = [
    [0, 'صفر', 'zero'],
    [7, 'هفت', 'a unit'],
    [13, 'سیزده', 'teens are one word'],
    [21, 'بیست و یک', 'tens and units joined with و'],
    [100, 'صد', '100 is صد, not یک صد'],
    [105, 'صد و پنج', 'hundreds and units'],
    [999, 'نهصد و نود و نه', 'every slot of a group'],
    [1000, 'هزار', '1000 is هزار, not یک هزار'],
    [1001, 'هزار و یک', 'و after a scale'],
    [2500, 'دو هزار و پانصد', 'a multiplier before هزار'],
    [100000, 'صد هزار', 'a hundred thousand'],
    [1000000, 'یک میلیون', 'یک before میلیون'],
    [1200000, 'یک میلیون و دویست هزار', 'empty groups are skipped'],
    [2500000000, 'دو میلیارد و پانصد میلیون', 'میلیارد is 10^9 (short scale)'],
    [1e12, 'یک تریلیون', 'تریلیون is 10^12'],
    [999999999999999999999n, 'نهصد و نود و نه کوینتیلیون و نهصد و نود و نه کوادریلیون و نهصد و نود و نه تریلیون و نهصد و نود و نه میلیارد و نهصد و نود و نه میلیون و نهصد و نود و نه هزار و نهصد و نود و نه', 'the largest number read (21 digits), as a bigint'],
    [-7, 'منفی هفت', 'negative'],
    [0.5, 'نیم', 'a half is نیم'],
    [2.5, 'دو و نیم', 'and with a whole part'],
    ['3.25', 'سه و بیست و پنج صدم', 'a fraction over its denominator'],
    ['0.004', 'چهار هزارم', 'thousandths'],
    [1e-7, `یک ده${Z}میلیونم`, 'exponent notation is expanded; ده‌میلیونم with a half-space'],
    ['۱۲٬۳۴۵', 'دوازده هزار و سیصد و چهل و پنج', 'Persian digits and thousands separator'],
    ['١٢٫٥', 'دوازده و نیم', 'Arabic-Indic digits and decimal separator'],
    ['1,250.75', 'هزار و دویست و پنجاه و هفتاد و پنج صدم', 'Latin separators'],
    ['-0', 'صفر', 'no negative zero'],
    ['007', 'هفت', 'leading zeros are dropped'],
  ];
  for (const [n, words, why] of rows) it(`${String(n)} → ${words} (${why})`, () => expect(numberToWords(n)).toBe(words));

  const ordinals: [number, string, string, string][] = [
    [1, 'یکم', 'یکمین', 'یکم (the Academy form)'],
    [2, 'دوم', 'دومین', 'م after a vowel-final word'],
    [3, 'سوم', 'سومین', 'سه → سوم'],
    [30, `سی${Z}ام`, `سی${Z}امین`, 'ام after final ی, with a half-space'],
    [21, 'بیست و یکم', 'بیست و یکمین', 'only the last word changes'],
    [100, 'صدم', 'صدمین', 'hundredth'],
    [1402, 'هزار و چهارصد و دوم', 'هزار و چهارصد و دومین', 'a year'],
  ];
  for (const [n, ord, attr, why] of ordinals) {
    it(`${n} → ${ord} / ${attr} (${why})`, () => {
      expect(numberToWords(n, { form: 'ordinal' })).toBe(ord);
      expect(numberToWords(n, { form: 'ordinal-attributive' })).toBe(attr);
    });
  }
  it("decimal: 'point' reads the fraction's digits as a number after ممیز, leading zeros one by one", () => {
    expect(numberToWords('3.25', { decimal: 'point' })).toBe('سه ممیز بیست و پنج');
    expect(numberToWords('3.05', { decimal: 'point' })).toBe('سه ممیز صفر پنج');
  });
  it('bad values throw E_BAD_NUMBER with a hint; bad options E_BAD_OPTION', () => {
    for (const bad of [NaN, Infinity, '12a', '', '1,23', '1.2.3', '--1', 10n ** 21n, '0.' + '1'.repeat(21)]) {
      expect(() => numberToWords(bad as never)).toThrowError(expect.objectContaining({ code: 'E_BAD_NUMBER' }) as Error);
    }
    expect(() => numberToWords(2.5, { form: 'ordinal' })).toThrowError(expect.objectContaining({ code: 'E_BAD_NUMBER' }) as Error);
    expect(() => numberToWords(-2, { form: 'ordinal' })).toThrowError(expect.objectContaining({ code: 'E_BAD_NUMBER' }) as Error);
    expect(() => numberToWords(2, { form: 'x' as never })).toThrowError(expect.objectContaining({ code: 'E_BAD_OPTION' }) as Error);
    expect(() => numberToWords(null as never)).toThrowError(expect.objectContaining({ code: 'E_BAD_NUMBER' }) as Error);
  });
});

describe('parseNumber / wordsToNumber', () => {
  const rows: [string, string | undefined, string][] = [
    ['دو هزار و پانصد', '2500', 'the standard spelling'],
    ['صد و بیست و پنج', '125', 'every slot of a group'],
    ['یک میلیون و دویست هزار', '1200000', 'a smaller scale after a larger one adds'],
    ['دو هزار و پانصد میلیارد', '2500000000000', 'a larger scale after a smaller one multiplies all before it'],
    ['هزار میلیارد', '1000000000000', 'هزار میلیارد, as Iranian papers write 10^12'],
    ['یکصد', '100', 'یکصد written as one word'],
    [`یک${Z}صد`, '100', 'and with a half-space'],
    ['دو صد', '200', 'a unit times صد (Dari)'],
    ['یکهزار و ۷۰۰', '1700', 'یکهزار, then digits after و'],
    ['۲٫۵ میلیارد', '2500000000', 'digits with a scale'],
    ['سه و نیم میلیون', '3500000', 'a half, then a scale'],
    ['پنج دهم', '0.5', 'a fraction alone'],
    ['پنج صدم', '0.05', 'a numerator + a denominator is a fraction, not «500th»'],
    ['سه و بیست و پنج صدم', '3.25', 'a whole part and a fraction'],
    ['سه ممیز صفر پنج', '3.05', 'ممیز'],
    ['منفی هفت', '-7', 'negative'],
    ['هیجده', '18', 'a colloquial spelling'],
    ['يك', '1', 'Arabic letters'],
    ['1,250', '1250', 'a digit string'],
    ['دو سه', undefined, 'two numbers side by side are not one'],
    ['بیست سی', undefined, 'no و between two tens'],
    ['بیست و سی', undefined, 'a tens word cannot follow a tens word'],
    ['سه کتاب', undefined, 'a number and a word'],
    ['سهم', undefined, 'a share, not «third»'],
    ['سیم', undefined, 'a wire, not «thirtieth» (سی takes ‌ام: سی‌ام)'],
    ['سیمین', undefined, 'silvery, or a name (سیمین بهبهانی), not «thirtieth»'],
    ['سیام', '30', 'سی‌ام with its ZWNJ dropped'],
    [`بیست${Z}ونهم`, '29', 'و run into the next number word after a ZWNJ (بیست‌ونهم), as بیست‌و‌نهم (was no number)'],
    [`بیست${Z}وپنجمین`, '25', 'the same, an attributive ordinal'],
    [`صد${Z}وبیست`, '120', 'a hundreds word, و and a tens word'],
    [`کتاب${Z}ونه`, undefined, 'و + a number word after a word that is no number: no split'],
    [`دو${Z}وسه`, undefined, 'two units joined by و are no number (دو و سه)'],
    ['', undefined, 'empty'],
  ];
  for (const [text, digits, why] of rows) it(`${text || '(empty)'} → ${digits} (${why})`, () => expect(parseNumber(text)?.digits).toBe(digits));
  it('ordinals carry their form', () => {
    expect(parseNumber('بیست و یکم')).toEqual({ value: 21, digits: '21', form: 'ordinal' });
    expect(parseNumber(`سی${Z}امین`)).toEqual({ value: 30, digits: '30', form: 'ordinal-attributive' });
    expect(parseNumber('سوم')?.digits).toBe('3');
    expect(parseNumber('نخستین')?.form).toBe('ordinal-attributive');
  });
  it('wordsToNumber is the value', () => {
    expect(wordsToNumber('سیصد و شصت و پنج')).toBe(365);
    expect(wordsToNumber('hello')).toBeUndefined();
  });
});

describe('findNumbers', () => {
  const text = 'در سال ۱۴۰۲/۰۱/۱۵ حدود سه هزار و پانصد نفر، ۲٫۵ میلیون تومان، بیست و یکمین دوره، نه نفر، سه‌شنبه، صدها نفر، mp3، 12:30، ۰۹۱۲۳۴۵۶۷۸۹ و ۲۵ درصد.';
  const found = findNumbers(text);
  it('finds phrases in words, digits with scales and digit strings; offsets slice back', () => {
    expect(found.map((s) => [s.text, s.digits, s.form])).toEqual([
      ['سه هزار و پانصد', '3500', 'cardinal'],
      ['۲٫۵ میلیون', '2500000', 'cardinal'],
      ['بیست و یکمین', '21', 'ordinal-attributive'],
      ['۲۵', '25', 'cardinal'],
    ]);
    for (const s of found) expect(text.slice(s.start, s.end)).toBe(s.text);
  });
  it('leaves dates, times, phone numbers, digits in Latin words, a lone نه (no), and words built on numbers (سه‌شنبه, صدها)', () => {
    const texts = found.map((s) => s.text);
    for (const x of ['۱۴۰۲', '۰۱', '12', '3', '۰۹۱۲۳۴۵۶۷۸۹', 'نه', 'سه', 'صد']) expect(texts).not.toContain(x);
  });
  it('a phrase after a mark or a line break starts with its first word (row: text, phrases, reason)', () => {
    const rows: [string, string[], string][] = [
      ['(سه هزار)', ['سه هزار'], 'inside brackets'],
      ['«دو»', ['دو'], 'inside quotes'],
      ['سه هزار\nسه هزار', ['سه هزار', 'سه هزار'], 'at the start of a second line'],
      ['x\n۲ میلیون', ['۲ میلیون'], 'digits with a scale after a line break'],
      ['abcسه', [], 'glued to Latin letters: no number word'],
      [`${'\u200c'}سه`, [], 'after a ZWNJ: a glued piece'],
      ['۲٫۵ هزار\u200cتومان', ['۲٫۵'], 'a phrase with a piece glued after it is no number, but the digits that begin it are (as convertNumbers to words reads them)'],
      ['سه هزار\u200cتومان', [], 'words only: nothing'],
      ['قیمت ۱۲،۵۰۰ تومان، رشد ۲،۵ درصد، سال ۱۳۹۸، ۱۳۹۹', ['۱۳۹۸', '۱۳۹۹'], 'digits glued by an Arabic comma to digits (a thousands or a decimal separator, which cannot be told apart) are left alone: they were two numbers, 12 and 500; a comma and a space between numbers is a list'],
      ['```\nسه هزار\n```\nدو', ['دو'], 'not inside a fenced code block'],
      ['متن `سه هزار` و دو', ['دو'], 'nor inside inline code'],
      ['دما −۵ درجه', ['−۵'], 'a minus sign before digits at a word start is the number\'s (it was left out: ۵, the value 5)'],
      ['و -۱٫۲% تغییر', ['-۱٫۲'], 'a hyphen typed as the minus too (the digits were skipped, as part of a code)'],
      ['۲۵-۵۰ mg', [], 'trap: a hyphen after digits is a range or a code, no sign'],
      ['دمای ۳- تا ۱۲+ درجه و برداشت: ۱,۲۰۰,۰۰۰- ریال و ۱۲.۵۰۰− تومان', ['۳-', '۱۲', '۱,۲۰۰,۰۰۰-', '۱۲.۵۰۰−'], 'a minus sign glued after the digits with no figure after it, as right-to-left text writes a negative number (a temperature, a bank\'s debit): the number\'s sign (the number was dropped as part of a code); dotted thousands before a currency after it too'],
      ['صفحات ۱۰- ۲۰ و کد ۳-A و ۵-- و ۵-۳- ۲', ['۲۰', '۲'], 'trap: a range typed with a space after the hyphen, a code, a doubled hyphen, a run of ranges: no sign'],
      ['قیمت ۱۰-۲۰ هزار تومان', [], 'a scale word after a range or code of digits is their multiplier\'s, no number alone (هزار had been 1000: ۱۰-۲۰ ۱۰۰۰ تومان)'],
      ['کد ۱۲-۳۴، هزار نفر', ['هزار'], 'trap: after a mark between them it is a number again'],
      ['قیمت 1.250.000 ریال', ['1.250.000'], 'dots between groups of three before ریال or تومان separate thousands (it was no number, as a version)'],
      ['نسخه 1.250.000 است', [], 'trap: not before a currency, a version'],
      ['سرعت نور ۳×۱۰⁸ متر و ۲³ = ۸', ['۳', '۸'], 'digits with a superscript exponent are no quantity alone (۱۰⁸ was 10, ۲³ 2; to words «ده⁸»)'],
      ['در مبنای ۵₂ و ¹۲', [], 'nor with a subscript or a superscript before them'],
      ['گزینه 1️⃣ یا 3⃣', [], 'the digit of a keycap emoji, with its VS16 or without, is no quantity (it was 1 and 3)'],
      ['بارکد ۶۲۶۱۱۰۷۰۰۰۰۱۱ و IMEI 356938035643809 و کد ۱۲۳۴۵۶۷۸۹۰۱۲۳۴۵۶۷۸۹۰', [], 'thirteen digits or more without a separator are a code (a barcode was six trillion …, a 20-digit code lost its last digits as a value)'],
      ['بودجه ۱۲۳٬۴۵۶٬۷۸۹٬۰۱۲٬۳۴۵ ریال و ۱۲۳۴۵۶۷۸۹۰۱۲ تومان', ['۱۲۳٬۴۵۶٬۷۸۹٬۰۱۲٬۳۴۵', '۱۲۳۴۵۶۷۸۹۰۱۲'], 'trap: a long quantity in groups, and twelve digits bare, are still numbers'],
      ['تاریخ ۱۴۰۲\u200f/۰۵\u200f/۰۱ و \u200e۲۵\u200e نفر', ['۲۵'], 'a date with an RLM after each part is no quantity (its ۱۴۰۲ was read as one); digits an LRM wraps still are'],
    ];
    for (const [text, phrases, why] of rows) expect(findNumbers(text).map((s) => s.text), why).toEqual(phrases);
    expect(findNumbers('دما −۵ درجه و -۲ میلیون')[1]!.digits, 'the value is negative, a scale after it too').toBe('-2000000');
    expect(findNumbers('دمای ۳- تا ۱۲+ و ۱۲.۵۰۰- تومان').map((x) => x.digits), 'a sign after the digits makes the value negative').toEqual(['-3', '12', '-12500']);
  });
  it('fractions: a numerator over a denominator word, vulgar fractions (row: text, [phrase, digits]s, reason)', () => {
    const rows: [string, [string, string][], string][] = [
      ['سه چهارم راه را رفت', [['سه چهارم', '0.75']], 'a numerator over چهارم is a fraction (it was 3 and the ordinal «4th»)'],
      ['یک دوم لیوان', [['یک دوم', '0.5']], 'a half written as one over دوم'],
      [`یک${Z}دوم لیوان`, [[`یک${Z}دوم`, '0.5']], 'written with a half-space'],
      ['دو پنجم و پنج هشتم', [['دو پنجم', '0.4'], ['پنج هشتم', '0.625']], 'fifths and eighths end as decimals too'],
      ['سه و یک چهارم کیلو', [['سه و یک چهارم', '3.25']], 'a whole part, و and a fraction (it was 3, then 1 and «4th»)'],
      ['دو و سه چهارم میلیون', [['دو و سه چهارم میلیون', '2750000']], 'a scale after the fraction multiplies it'],
      ['دو سوم مردم', [], 'thirds have no end as a decimal: no exact digits, so the fraction is left alone (it was 2 and «3rd»)'],
      ['سه و یک سوم متر', [], 'with a whole part too (it was 3 alone)'],
      ['سه دوم', [['سه', '3'], ['دوم', '2']], 'trap: not below one, no fraction'],
      ['جلسهٔ دوم و فصل سوم', [['دوم', '2'], ['سوم', '3']], 'trap: an ordinal after a noun stays an ordinal'],
      ['بیست و دوم', [['بیست و دوم', '22']], 'trap: after و, the ordinal of the whole phrase'],
      ['مرحله یک چهارم نهایی', [['یک', '1'], ['چهارم', '4']], 'trap: یک چهارم نهایی names a cup\'s round (quarter-final), no quantity'],
      ['½ پیمانه شیر', [['½', '0.5']], 'a vulgar fraction is a number (it was none)'],
      ['¾ لیوان و ⅛ قاشق', [['¾', '0.75'], ['⅛', '0.125']], 'three quarters, an eighth'],
      ['۲½ کیلو', [['۲½', '2.5']], 'glued after digits, their fraction'],
      ['⅓ لیوان', [], 'trap: ⅓ has no end as a decimal, left alone'],
      ['دو ½ لیوان و ۲ ¾ کیلو', [['دو ½', '2.5'], ['۲ ¾', '2.75']], 'a whole number, a space and a vulgar fraction: one number, as ۲½ is (it was 2 and 0.5)'],
      ['دو ⅓ لیوان و ۲⅓ کیلو', [], 'a whole number before ⅓ (no exact digits): neither is read, as for دو سوم (دو and ۲ had been 2)'],
      ['دو ½ میلیون', [['دو', '2'], ['½ میلیون', '500000']], 'trap: a fraction that begins a phrase of its own (a scale after it) is read as before'],
      ['دوم ½ و نه ½', [['دوم', '2'], ['½', '0.5'], ['½', '0.5']], 'trap: an ordinal, and نه (no) alone, take no fraction'],
      ['تاریخ ۱۴۰۲/۵/۱ و ۱/۲ پیمانه', [], 'trap: digits with a slash stay alone: a date, and ۱/۲ is a half in a recipe but ۲/۵ میلیون is 2.5 million in Iranian writing'],
    ];
    for (const [text, phrases, why] of rows) expect(findNumbers(text).map((s) => [s.text, s.digits]), why).toEqual(phrases);
    expect(parseNumber('سه چهارم')?.value, 'parseNumber reads one too').toBe(0.75);
  });
  it('convertNumbers leaves code as it is, both ways', () => {
    expect(convertNumbers('متن `سه هزار` و سه هزار')).toBe('متن `سه هزار` و ۳۰۰۰');
    expect(convertNumbers('متن `۲۵` و ۲۵', { to: 'words' })).toBe('متن `۲۵` و بیست و پنج');
  });
  it('a long text is read a block of atoms at a time (cut only at a mark): every phrase found as in its own line, also one right after a cut', () => {
    // 3,000 lines of three atoms and a mark: blocks of 4,096 atoms end within the text, at some mark
    const lines = Array.from({ length: 3000 }, (_, i) => (i % 7 === 0 ? `سه هزار و پانصد و ${i % 2 ? 'یک' : 'دو'} کتاب،` : `کتاب خوب و ۱۲ قلم،`));
    const text = lines.join(' ');
    const whole = findNumbers(text).map((s) => [s.start, s.text, s.digits]);
    const byLine: (string | number)[][] = [];
    let at = 0;
    for (const l of lines) {
      for (const s of findNumbers(l)) byLine.push([at + s.start, s.text, s.digits]);
      at += l.length + 1;
    }
    expect(whole.length).toBe(3000); // one a line
    expect(whole).toEqual(byLine);
  });
  it('digits with an ordinal suffix are the ordinal (row: text, [phrase, digits, form]s, reason)', () => {
    const rows: [string, [string, string, string][], string][] = [
      ['۲۱ام مهر و ۳اُم آبان', [['۲۱ام', '21', 'ordinal'], ['۳اُم', '3', 'ordinal']], 'ام glued after the digits, a vowel sign on it or not (both were no number: digits glued to letters)'],
      ['۱۲م اسفند', [['۱۲م', '12', 'ordinal']], 'a bare م, as convertNumbers with ordinals writes it'],
      ['۳مین بار و ۳امین دوره و ۱۴۰۰امین سال', [['۳مین', '3', 'ordinal-attributive'], ['۳امین', '3', 'ordinal-attributive'], ['۱۴۰۰امین', '1400', 'ordinal-attributive']], 'مین and امین glued: the attributive ordinal'],
      ['نفر ۲۱ ام شد و هزار و ۲۰ ام', [['۲۱ ام', '21', 'ordinal'], ['هزار و ۲۰ ام', '1020', 'ordinal']], 'ام written apart after the digits (it was ۲۱ alone, «بیست و یک ام» to words), after a scale and و too'],
      ['سال ۲۰۲۴م و ۲۰ساله و ۵مینی و ۰۲ام و ۲٫۵ام و ۲۱ام‌ها', [], 'trap: a bare م after four digits is the era (میلادی); other letters, a leading zero, a fraction, a piece after a ZWNJ: no ordinal'],
      ['نفر ۱٬۰۰۰م و ۳اۖم و ۳امين', [['۱٬۰۰۰م', '1000', 'ordinal'], ['۳اۖم', '3', 'ordinal'], ['۳امين', '3', 'ordinal-attributive']], 'the rule of the era counts the digits right before the suffix (a year has no thousands separator; ۱٬۰۰۰م was no number); any Arabic combining mark on the suffix (the tokenizer read ۳اۖم as one token, findNumbers as none)'],
      ['ساعت ۵ امین آمد و ۱۲ ام‌البنین', [['۵', '5', 'cardinal'], ['۱۲', '12', 'cardinal']], 'trap: امین apart is also a name; ام with a piece glued after it is another word'],
    ];
    for (const [text, spans, why] of rows) expect(findNumbers(text).map((s) => [s.text, s.digits, s.form]), why).toEqual(spans);
  });
  it('words: false for a digit string alone', () => {
    expect(found.find((s) => s.text === '۲۵')?.words).toBe(false);
    expect(found.find((s) => s.text === '۲٫۵ میلیون')?.words).toBe(true);
  });
});

describe('convertNumbers', () => {
  const rows: [string, string, Parameters<typeof convertNumbers>[1], string][] = [
    ['حدود سه هزار و پانصد نفر آمدند', 'حدود ۳۵۰۰ نفر آمدند', {}, 'words to Persian digits'],
    ['سه و یک چهارم کیلو', '۳٫۲۵ کیلو', {}, 'a fraction in words to digits (it was ۳ و یک چهارم)'],
    ['دو سوم مردم', 'دو سوم مردم', {}, 'a fraction with no end as a decimal stays in words'],
    ['½ لیوان', 'نیم لیوان', { to: 'words' }, 'a vulgar fraction to words'],
    ['دو ½ لیوان و ۲ ¾ کیلو', 'دو و نیم لیوان و دو و هفتاد و پنج صدم کیلو', { to: 'words' }, 'a whole number, a space and a vulgar fraction are one number, as findNumbers reads them (they became «دو نیم لیوان», «دو هفتاد و پنج صدم کیلو»: two numbers)'],
    ['دو ½ میلیون', 'دو نیم میلیون', { to: 'words' }, 'trap: a fraction that begins a phrase of its own stays a number of its own, as for findNumbers'],
    ['I have 2 ½ cups', 'I have 2 ½ cups', { to: 'words' }, 'trap: in Latin text such a number stays, as digits do'],
    ['۳×۱۰⁸ متر', 'سه×۱۰⁸ متر', { to: 'words' }, 'a power of ten stays in digits (it was «ده⁸»)'],
    ['گزینه 1️⃣ یا ۲⃣ را بزن و ۳ بار', 'گزینه 1️⃣ یا ۲⃣ را بزن و سه بار', { to: 'words' }, 'the digit of a keycap emoji is part of the emoji (1️⃣ became «یک️⃣», the emoji broken)'],
    ['دو و نیم میلیون تومان', '۲۵۰۰۰۰۰ تومان', {}, 'a half and a scale'],
    ['ساعت ده و نیم صبح', 'ساعت ۱۰:۳۰ صبح', {}, 'a time of day after ساعت with a half is written as a clock writes it (it was ۱۰٫۵, ten and a half)'],
    ['ساعت ده و نیم', 'ساعت 10:30', { digits: 'latin' }, 'the same in Latin digits'],
    ['دو و نیم ساعت طول کشید', '۲٫۵ ساعت طول کشید', {}, 'a duration before ساعت stays a decimal'],
    ['سه و بیست و پنج صدم متر', '۳٫۲۵ متر', {}, 'the Persian decimal separator'],
    ['سه هزار نفر', '3000 نفر', { digits: 'latin' }, 'Latin digits'],
    ['یک روز خوب', 'یک روز خوب', {}, 'a lone یک (usually «a») stays'],
    ['پرسپولیس دو بر یک برد و یک بر صفر باخت', 'پرسپولیس ۲ بر ۱ برد و ۱ بر ۰ باخت', {}, 'یک in a score (بر between two numbers) is the number: it stayed while the other side was rewritten, ۲ بر یک'],
    ['یک بر دیگری برتری دارد', 'یک بر دیگری برتری دارد', {}, 'trap: بر before a word that is no number'],
    ['دو سه روز', 'دو سه روز', {}, 'an approximate range stays in words'],
    ['حقوق ۲۰ تا ۳۰ میلیون', 'حقوق ۲۰ تا ۳۰ میلیون', {}, 'a range whose scale is written once, at its end, stays: it was «۲۰ تا ۳۰۰۰۰۰۰۰», 20 to 30 million read as 20 to 30,000,000'],
    ['بیست تا سی میلیون تومان', 'بیست تا سی میلیون تومان', {}, 'the same in words: neither end is rewritten (it was ۲۰ تا ۳۰۰۰۰۰۰۰)'],
    ['دو یا سه هزار نفر و ۱۰–۱۲ میلیارد', 'دو یا سه هزار نفر و ۱۰–۱۲ میلیارد', {}, 'یا and a dash join such ranges too'],
    ['از ۱۰۰ هزار تا ۲ میلیون', 'از ۱۰۰۰۰۰ تا ۲۰۰۰۰۰۰', {}, 'trap: a first end with a scale of its own is read as before'],
    ['۵۰۰ تا ۳ میلیون تومان', '۵۰۰ تا ۳۰۰۰۰۰۰ تومان', {}, 'trap: a first end above the multiplier (500 > 3) is no share of the scale'],
    ['بیست و یکمین دوره', 'بیست و یکمین دوره', {}, 'ordinals stay unless asked'],
    ['بیست و یکمین دوره', '۲۱مین دوره', { ordinals: true }, 'ordinals: true'],
    ['۲۵ نفر', 'بیست و پنج نفر', { to: 'words' }, 'digits to words'],
    ['قیمت ۱۲\u202f۵۰۰ تومان و ۱\u2009۲۰۰\u2009۰۰۰ نفر', 'قیمت دوازده هزار و پانصد تومان و یک میلیون و دویست هزار نفر', { to: 'words' }, 'a narrow no-break or thin space between groups of three is a thousands separator, as the SI writes it (it was two numbers: «دوازده پانصد تومان»)'],
    ['قیمت ۱۲ ۵۰۰ تومان و عدد ۱۲\u202f۵۰', 'قیمت دوازده پانصد تومان و عدد دوازده\u202fپنجاه', { to: 'words' }, 'trap: a plain space separates two numbers, and so does a narrow one before fewer than three digits'],
    ['۲۱ام مهر، ۳مین بار، نفر ۱۲ ام', 'بیست و یکم مهر، سومین بار، نفر دوازدهم', { to: 'words' }, 'digits with an ordinal suffix, glued or apart, become the ordinal in words (the glued ones stayed, ۱۲ ام became «دوازده ام»)'],
    ['نفر ۱۲ ام', 'نفر ۱۲م', { ordinals: true }, 'with ordinals, ام apart after digits is written as convertNumbers writes ordinals'],
    ['۱. پرسپولیس ۲۵ امتیاز\n  ۲) سپاهان ۲۳ امتیاز', '۱. پرسپولیس بیست و پنج امتیاز\n  ۲) سپاهان بیست و سه امتیاز', { to: 'words' }, 'a list item\'s number at a line\'s start (a dot or a parenthesis and a space after it) is a label, no quantity: it became «یک. پرسپولیس»'],
    ['۱) تهران ۲) شیراز ۳) ۱۲ نفر (حدود ۲) آمدند', '۱) تهران ۲) شیراز ۳) دوازده نفر (حدود دو) آمدند', { to: 'words' }, 'an exam\'s options on one line: an option\'s number inside the line (a space before it, a parenthesis and a space after it, no parenthesis open on the line) is a label too (it became «دو) شیراز»); one closing a parenthesis is read'],
    ['سال ۱۴۰۲. بعد ۵ نفر', 'سال هزار و چهارصد و دو. بعد پنج نفر', { to: 'words' }, 'trap: a number before a dot inside the line is still read'],
    ['۱۲٪ رشد', 'دوازده درصد رشد', { to: 'words' }, 'a percent sign becomes درصد'],
    ['شاخص با ٪۳٫۵ افزایش بسته شد', 'شاخص با سه و نیم درصد افزایش بسته شد', { to: 'words' }, 'a percent sign typed before the number, as right-to-left typing leaves it, is read after it (it was ٪سه و نیم)'],
    ['x%۳۰ y', 'x%۳۰ y', { to: 'words' }, 'trap: after a Latin letter (Latin text, as for the normalizer) it stays'],
    ['قیمت ۱۲.۵۰۰ تومان', 'قیمت دوازده هزار و پانصد تومان', { to: 'words' }, 'a dot before three digits and تومان separates thousands, as Iranian prices write it (it was دوازده و نیم, 12.5)'],
    ['وزن ۱۲.۵۰۰ کیلو', 'وزن دوازده و نیم کیلو', { to: 'words' }, 'trap: before another word the dot is the decimal point'],
    ['سهام -۱٫۲% تغییر کرد', 'سهام منفی یک و دو دهم درصد تغییر کرد', { to: 'words' }, 'a minus sign before the digits is read (they stayed digits: -۱٫۲%)'],
    ['در ۱۴۰۲/۰۱/۱۵ ساعت ۱۲:۳۰', 'در ۱۴۰۲/۰۱/۱۵ ساعت ۱۲:۳۰', { to: 'words' }, 'dates and times stay'],
    ['ساعت ۸:۳۰ الی ۱۲ و ۸ تا ۱۲:۳۰', 'ساعت ۸:۳۰ الی ۱۲ و ۸ تا ۱۲:۳۰', { to: 'words' }, 'the other end of a range of clock times is a time too and stays (it became «۸:۳۰ الی دوازده»)'],
    ['از ساعت ۸ تا ۱۶ کار', 'از ساعت هشت تا شانزده کار', { to: 'words' }, 'trap: a range of whole hours is read as before'],
    ['کد رهگیری ۱۴۰۲۰۵۱۲۳۴ و کد: ۵۵ برای ۳ نفر', 'کد رهگیری ۱۴۰۲۰۵۱۲۳۴ و کد: ۵۵ برای سه نفر', { to: 'words' }, 'digits after کد (and a word or a colon) are a code, no quantity (the tracking code became «یک میلیارد و چهارصد و دو میلیون …»)'],
    ['کدام ۳ نفر', 'کدام سه نفر', { to: 'words' }, 'trap: کدام (which) is no کد'],
    ['شناسه ملی: ۱۰۱۰۰۱۲۳۴۵۶ و شناسه قبض ۱۲۳۴۵۶۷۸ برای ۳ نفر', 'شناسه ملی: ۱۰۱۰۰۱۲۳۴۵۶ و شناسه قبض ۱۲۳۴۵۶۷۸ برای سه نفر', { to: 'words' }, 'digits after شناسه (an id: a company\'s national id on an invoice, a bill\'s) are a code as after کد (it became «ده میلیارد و صد میلیون …»)'],
    ['به شماره شناسنامه ۱۲۳۴ و شماره حساب: ۱۲۳۴۵۶۷۸۹۰ برای ۲ نفر', 'به شماره شناسنامه ۱۲۳۴ و شماره حساب: ۱۲۳۴۵۶۷۸۹۰ برای دو نفر', { to: 'words' }, 'digits after شماره (an official letter\'s id number, an account) are a label, no quantity (it became «هزار و دویست و سی و چهار»)'],
    ['شماره‌ها ۵ تا و بی‌شماره ۳ نفر', 'شماره‌ها پنج تا و بی‌شماره سه نفر', { to: 'words' }, 'trap: a plural of شماره, and a word that ends in it, count things'],
    ['شناسه‌ها ۵ تا و کد‌ها ۳ تا', 'شناسه‌ها پنج تا و کد‌ها سه تا', { to: 'words' }, 'trap: a plural of کد or شناسه counts things'],
    ['دمای ۲۵°C و زاویهٔ ۹۰° و دمای +۲ و ±۳ درجه', 'دمای ۲۵°C و زاویهٔ ۹۰° و دمای +۲ و ±۳ درجه', { to: 'words' }, 'a degree sign glued after the number or a plus sign glued before it stays in digits (they became «بیست و پنج°C», «+دو»)'],
    ['الف) ۲+۲=۵ ب) ۳×۴=۱۲ و (۲+۳)×۴=۲۰ و ۲ + ۲ = ۴', 'الف) ۲+۲=۵ ب) ۳×۴=۱۲ و (۲+۳)×۴=۲۰ و دو + دو = چهار', { to: 'words' }, 'an equation typed without spaces stays in digits whole, as its digits glued to = do (it became «دو+۲=۵», «سه×۴=۱۲»: half read); one with spaces is read'],
    ['۲+۳ و ۳۵۰ °F و −۲ و ۲۵٪', 'دو+سه و سیصد و پنجاه °F و منفی دو و بیست و پنج درصد', { to: 'words' }, 'trap: a plus between numbers, a degree apart, a minus and a percent are read as before'],
    ['مقدار ۲ ⅓ لیوان و ۲⅓ و ۲ ½ پیمانه', 'مقدار ۲ ⅓ لیوان و ۲⅓ و دو و نیم پیمانه', { to: 'words' }, 'digits before a fraction findNumbers reads as no number (⅓) stay as written (۲ ⅓ became «دو ⅓»); ½ is read with them as before'],
    ['version 1.2.3 and mp3', 'version 1.2.3 and mp3', { to: 'words' }, 'Latin text and versions stay'],
    ['I have 12 apples and 3.5 kg.', 'I have 12 apples and 3.5 kg.', { to: 'words' }, 'numbers in Latin text stay (they became «I have دوازده apples»): the last letter before them, as for the normalizer\'s digits'],
    ['{"a": [1, 2]}', '{"a": [1, 2]}', { to: 'words' }, 'so does code with Latin names'],
    ['iPhone 15 خریدم', 'iPhone 15 خریدم', { to: 'words' }, 'a number after a Latin name stays'],
    ['25 نفر\nI have 12', 'بیست و پنج نفر\nI have 12', { to: 'words' }, 'with no letter before it on its line, the first letter after it decides'],
    ['سال 2024 in English', 'سال دو هزار و بیست و چهار in English', { to: 'words' }, 'a number after Persian words is read'],
  ];
  for (const [input, output, o, why] of rows) it(`${input} → ${output} (${why})`, () => expect(convertNumbers(input, o)).toBe(output));
  it('bad options throw E_BAD_OPTION', () => {
    expect(() => convertNumbers('x', { to: 'roman' as never })).toThrowError(expect.objectContaining({ code: 'E_BAD_OPTION' }) as Error);
  });
});

describe('properties', () => {
  it('cardinals round-trip: parseNumber(numberToWords(n)) = n for whole numbers below 10^21', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 21n) + 1n, max: 10n ** 21n - 1n }), (n) => {
        expect(parseNumber(numberToWords(n))?.digits).toBe(n.toString());
      }),
      { numRuns: 2000 },
    );
  });
  it('fractions round-trip in both styles', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 9 }), fc.stringMatching(/^[0-9]{0,6}[1-9]$/), (i, f) => {
        const s = `${i}.${f}`;
        expect(parseNumber(numberToWords(s))?.digits).toBe(s);
        expect(parseNumber(numberToWords(s, { decimal: 'point' }))?.digits).toBe(s);
      }),
      { numRuns: 1000 },
    );
  });
  it('ordinals round-trip when the last word is no denominator (دو هزارم reads as 0.002)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 ** 12 }), (n) => {
        const attr = numberToWords(n, { form: 'ordinal-attributive' });
        expect(parseNumber(attr)).toEqual({ value: n, digits: String(n), form: 'ordinal-attributive' });
        if (n % 10 !== 0) expect(parseNumber(numberToWords(n, { form: 'ordinal' }))?.digits).toBe(String(n));
      }),
      { numRuns: 1000 },
    );
  });
  it('never throws on any string; spans slice back, in order, without overlap; convert keeps text without numbers', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.array(fc.constantFrom('سه', 'هزار', 'و', 'یکم', 'نیم', '۲٫۵', ' ', '\u200c', 'a', '1', '/', 'دهم', 'منفی', 'ممیز', 'صفر'), { maxLength: 30 }).map((a) => a.join(''))), (s) => {
        const spans = findNumbers(s);
        let at = 0;
        for (const x of spans) {
          expect(x.start).toBeGreaterThanOrEqual(at);
          expect(s.slice(x.start, x.end)).toBe(x.text);
          at = x.end;
        }
        parseNumber(s);
        const d = convertNumbers(s);
        const w = convertNumbers(s, { to: 'words' });
        if (spans.length === 0) {
          expect(d).toBe(s);
          expect(w).toBe(s);
        }
      }),
      { numRuns: 1500 },
    );
  });
  it('to digits is idempotent', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('سه', 'هزار', 'و', 'پانصد', 'نفر', 'بیست', 'یک', ' ', 'دو', 'میلیون'), { maxLength: 20 }), (a) => {
        const once = convertNumbers(a.join(' '));
        expect(convertNumbers(once)).toBe(once);
      }),
    );
  });
});

describe('pathological inputs finish', () => {
  it('a long run of number words, a 1 MB digit string, 100k «و»', () => {
    const words = Array.from({ length: 50_000 }, (_, i) => ['سه', 'هزار', 'و', 'بیست', 'میلیون', 'یکم'][i % 6]).join(' ');
    expect(findNumbers(words).length).toBeGreaterThan(0);
    expect(findNumbers('۱'.repeat(1_000_000))).toEqual([]);
    expect(findNumbers('و '.repeat(100_000))).toEqual([]);
    expect(convertNumbers('سه '.repeat(100_000)).length).toBeGreaterThan(0);
  });
});
