/**
 * `dabir numbers`, `terms`, `dates`, `keywords`, `phrases` and `identifiers` in-process through main(argv, io).
 */
import { describe, expect, it } from 'vitest';
import { cli } from './helpers/cli.js';

describe('dabir numbers', () => {
  it('--help', async () => {
    const r = await cli(['numbers', '--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Usage: dabir numbers');
  });
  it('one output line per input line (line ends kept): number phrases in words become Persian digits', async () => {
    const r = await cli(['numbers'], 'حدود سه هزار و پانصد نفر آمدند\n\nدو و نیم میلیون تومان\r\nیک روز خوب');
    expect(r.code).toBe(0);
    expect(r.out).toBe('حدود ۳۵۰۰ نفر آمدند\n\n۲۵۰۰۰۰۰ تومان\r\nیک روز خوب');
  });
  it('--digits latin, --ordinals', async () => {
    expect((await cli(['numbers', '--digits', 'latin', '--ordinals'], 'بیست و یکمین دوره با سیصد نفر\n')).out).toBe('21مین دوره با 300 نفر\n');
  });
  it('--to words: digit strings become words; dates and times stay', async () => {
    expect((await cli(['numbers', '--to', 'words'], '۲۵ نفر در ۱۴۰۲/۰۱/۱۵ ساعت ۱۲:۳۰، ۱۲٪ رشد\n')).out).toBe('بیست و پنج نفر در ۱۴۰۲/۰۱/۱۵ ساعت ۱۲:۳۰، دوازده درصد رشد\n');
  });
  it('--list: JSON lines with offsets into the input line', async () => {
    const line = 'سه هزار نفر و بیست و یکمین دوره';
    const r = await cli(['numbers', '--list'], line + '\n');
    const found = r.out.trim().split('\n').map((l) => JSON.parse(l));
    expect(found.map((f) => [f.text, f.digits, f.form])).toEqual([
      ['سه هزار', '3000', 'cardinal'],
      ['بیست و یکمین', '21', 'ordinal-attributive'],
    ]);
    for (const f of found) expect(line.slice(f.start, f.end)).toBe(f.text);
  });
  it('--say spells one number', async () => {
    expect((await cli(['numbers', '--say', '۲٬۵۰۰'])).out).toBe('دو هزار و پانصد\n');
    expect((await cli(['numbers', '--say', '1402', '--form', 'ordinal-attributive'])).out).toBe('هزار و چهارصد و دومین\n');
    expect((await cli(['numbers', '--say', '3.25', '--decimal', 'point'])).out).toBe('سه ممیز بیست و پنج\n');
  });
  it('usage errors and bad numbers exit 2 with the code on stderr', async () => {
    const bad = await cli(['numbers', '--say', '12a']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('E_BAD_NUMBER');
    expect((await cli(['numbers', '--to', 'roman'], 'x')).code).toBe(2);
    expect((await cli(['numbers', '--form', 'ordinal'], 'x')).code).toBe(2);
    expect((await cli(['numbers', 'a', 'b'], 'x')).code).toBe(2);
  });
  // [argv, message, reason]: options that do not apply were ignored without a word
  const IGNORED: [string[], RegExp, string][] = [
    [['numbers', '--list', '--to', 'words'], /^dabir: E_USAGE: --list prints the number phrases as found: --to, --digits and --ordinals do not apply/, 'the list was printed, --to ignored'],
    [['numbers', '--list', '--ordinals'], /^dabir: E_USAGE: --list prints/, 'the same'],
    [['numbers', '--to', 'words', '--digits', 'latin'], /^dabir: E_USAGE: --digits and --ordinals go with --to digits/, 'words have no digits'],
    [['numbers', '--to', 'words', '--ordinals'], /^dabir: E_USAGE: --digits and --ordinals go with --to digits/, 'ordinals stay words with --to words'],
    [['numbers', '--say', '12', '--digits', 'latin'], /^dabir: E_USAGE: --say takes no FILE, --to, --digits, --ordinals or --list/, '--say writes words'],
  ];
  it.each(IGNORED)('%j exits 2 (%s)', async (argv, want, _why) => {
    const r = await cli(argv, 'سوم ۳\n');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(want);
    expect(r.out).toBe('');
  });
});

describe('dabir terms', () => {
  it('one line of search terms per input line', async () => {
    const r = await cli(['terms'], 'کتاب‌هایشان را نمی‌خواستند، ولی در سال ۱۴۰۲ iPhone خریدند!\n\nدرختان بزرگ\r\n');
    expect(r.code).toBe(0);
    expect(r.out).toBe('کتاب خواست سال 1402 iphone خرید\n\nدرخت بزرگ\r\n');
  });
  it('--forms --keep-stopwords; usage errors exit 2', async () => {
    expect((await cli(['terms', '--forms', '--keep-stopwords'], 'کتاب‌ها را خواندم\n')).out).toBe('کتابها را خواندم\n');
    expect((await cli(['terms', '--frob'], 'x')).code).toBe(2);
    expect((await cli(['terms', 'a', 'b'], 'x')).code).toBe(2);
  });
});

describe('dabir dates', () => {
  it('JSON lines of the date expressions, offsets into the line', async () => {
    const line = 'جلسه روز سه‌شنبه ۱۵ فروردین ۱۴۰۲ و ۲۰ مارس ۲۰۲۴ برگزار شد';
    const r = await cli(['dates'], `${line}\nبی‌تاریخ\n`);
    expect(r.code).toBe(0);
    const found = r.out.trim().split('\n').map((l) => JSON.parse(l));
    expect(found.map((d) => [d.line, d.text, d.iso])).toEqual([
      [1, 'سه‌شنبه ۱۵ فروردین ۱۴۰۲', '2023-04-04'],
      [1, '۲۰ مارس ۲۰۲۴', '2024-03-20'],
    ]);
    for (const d of found) expect(line.slice(d.start, d.end)).toBe(d.text);
  });
  it('--convert', async () => {
    expect((await cli(['dates', '--convert', '1403/1/1'])).out).toBe('2024-03-20\n');
    expect((await cli(['dates', '--convert', '۲۰۲۴-۰۳-۲۰'])).out).toBe('1403/01/01\tچهارشنبه ۱ فروردین ۱۴۰۳\n');
    expect((await cli(['dates', '--convert', '622/3/22', '--from', 'gregorian'])).out).toBe('1/01/01\tجمعه ۱ فروردین ۱\n');
  });
  it('a date that does not exist or a bad command line exits 2', async () => {
    const r = await cli(['dates', '--convert', '1402/12/30']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('E_BAD_DATE');
    expect((await cli(['dates', '--convert', 'tomorrow'])).code).toBe(2);
    expect((await cli(['dates', '--from', 'jalali'], 'x')).code).toBe(2);
  });
});

describe('dabir keywords', () => {
  const text = 'بانک مرکزی نرخ ارز را اعلام کرد.\nنرخ‌های ارز در بانک مرکزی ثابت ماند و بانک مرکزی گزارش داد.\n';
  it('score, count and phrase per line; -n; --format json with spans into the whole input', async () => {
    const r = await cli(['keywords', '-n', '2'], text);
    expect(r.code).toBe(0);
    const lines = r.out.trim().split('\n').map((l) => l.split('\t'));
    expect(lines.length).toBe(2);
    expect(lines[0]![0]).toBe('1');
    expect(lines.map((l) => l[2]).sort()).toEqual(['بانک مرکزی', 'نرخ ارز']);
    const j = (await cli(['keywords', '--format', 'json', '-n', '1'], text)).out.trim().split('\n').map((l) => JSON.parse(l));
    for (const sp of j[0].spans) expect(text.slice(sp.start, sp.end).length).toBeGreaterThan(0);
  });
  it('usage errors exit 2', async () => {
    expect((await cli(['keywords', '-n', 'x'], text)).code).toBe(2);
    expect((await cli(['keywords', '--format', 'xml'], text)).code).toBe(2);
    expect((await cli(['keywords', '--max-words', '0'], text)).code).toBe(2);
  });
});

describe('dabir phrases', () => {
  const text = 'دانشجویان دانشگاه تهران از این روش استفاده کرده بودند.\n\nکتاب‌های جدید را خواهم خرید';
  it('each line with its phrases in brackets, line ends kept', async () => {
    const r = await cli(['phrases'], text);
    expect(r.code).toBe(0);
    expect(r.out).toBe('[NP دانشجویان دانشگاه تهران] از [NP این روش] [VP استفاده کرده بودند].\n\n[NP کتاب‌های جدید] را [VP خواهم خرید]');
  });
  it('--format json: one line per phrase with offsets into its line and the compound lemma; --types', async () => {
    const j = (await cli(['phrases', '--format', 'json', '--types', 'VP'], text)).out.trim().split('\n').map((l) => JSON.parse(l));
    expect(j.map((p) => [p.line, p.type, p.text, p.lemma])).toEqual([
      [1, 'VP', 'استفاده کرده بودند', 'استفاده کرد'],
      [3, 'VP', 'خواهم خرید', 'خرید'],
    ]);
    const lines = text.split('\n');
    for (const p of j) expect(lines[p.line - 1]!.slice(p.start, p.end)).toBe(p.text);
  });
  it('usage errors exit 2', async () => {
    expect((await cli(['phrases', '--types', 'PP'], text)).code).toBe(2);
    expect((await cli(['phrases', '--format', 'xml'], text)).code).toBe(2);
    expect((await cli(['phrases', 'a', 'b'], text)).code).toBe(2);
  });
  // [argv, exit, stdout or stderr pattern, reason]: an empty item of a list (a trailing comma) was E_BAD_OPTION 'cannot
  // include ""' here, though --kinds (spell) and --components (analyze) skip it
  const LISTS: [string[], number, RegExp, string][] = [
    [['phrases', '--types', 'VP,'], 0, /^دانشجویان از این روش \[VP استفاده کرده بودند\]\.$/m, 'a trailing comma'],
    [['phrases', '--types', 'NP,,VP'], 0, /\[NP این روش\] \[VP استفاده کرده بودند\]/, 'an empty item between two'],
    [['phrases', '--types', ','], 2, /^dabir: E_BAD_OPTION: --types cannot be "," \(use some of: NP, VP\)\n$/, 'no item at all is still an error'],
    [['identifiers', '--types', 'mobile,'], 0, /"type":"mobile"/, 'the same in dabir identifiers'],
    [['identifiers', '--types', ''], 2, /^dabir: E_BAD_OPTION: --types cannot be "" \(use some of: mobile, /, 'an empty list'],
  ];
  it.each(LISTS)('%j exits %i (%s)', async (argv, exit, want, _why) => {
    const input = argv[0] === 'phrases' ? 'دانشجویان از این روش استفاده کرده بودند.' : 'شماره من ۰۹۱۲ ۱۲۳ ۴۵۶۷ است';
    const r = await cli(argv, input);
    expect(r.code).toBe(exit);
    expect(exit === 0 ? r.out : r.err).toMatch(want);
  });
});

describe('dabir identifiers', () => {
  const text = 'شماره من ۰۹۱۲ ۱۲۳ ۴۵۶۷ است\nکارت ۶۰۳۷-۹۹۱۲-۳۴۵۶-۷۸۹۳ و ایمیل a@b.ir\n';
  it('JSON lines with line, offsets into the line, value, check and bank or operator', async () => {
    const r = await cli(['identifiers'], text);
    expect(r.code).toBe(0);
    const j = r.out.trim().split('\n').map((l) => JSON.parse(l));
    expect(j.map((x) => [x.line, x.type, x.value, x.valid])).toEqual([
      [1, 'mobile', '09121234567', true],
      [2, 'card', '6037991234567893', true],
      [2, 'email', 'a@b.ir', true],
    ]);
    const lines = text.split('\n');
    for (const x of j) expect(lines[x.line - 1]!.slice(x.start, x.end)).toBe(x.text);
  });
  it('--redact masks them line by line (line ends kept); --with type; --keep-last; --types', async () => {
    expect((await cli(['identifiers', '--redact'], text)).out).toBe('شماره من •••• ••• •••• است\nکارت ••••-••••-••••-•••• و ایمیل •@•.••\n');
    expect((await cli(['identifiers', '--redact', '--with', 'type', '--types', 'card,email'], text)).out).toBe('شماره من ۰۹۱۲ ۱۲۳ ۴۵۶۷ است\nکارت [card] و ایمیل [email]\n');
    expect((await cli(['identifiers', '--redact', '--keep-last', '4', '--types', 'mobile'], text)).out.split('\n')[0]).toBe('شماره من •••• ••• ۴۵۶۷ است');
  });
  it('usage errors exit 2', async () => {
    expect((await cli(['identifiers', '--types', 'ssn'], text)).code).toBe(2);
    expect((await cli(['identifiers', '--keep-last', '4'], text)).code).toBe(2);
    expect((await cli(['identifiers', '--redact', '--with', 'stars'], text)).code).toBe(2);
    expect((await cli(['identifiers', '--redact', '--keep-last', 'x'], text)).code).toBe(2);
  });
});
