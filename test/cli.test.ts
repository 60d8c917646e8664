/**
 * The `dabir` CLI: in-process through main(argv, io) with fake streams, and once as a real process (bin/dabir.js).
 * Half-space decisions of the model are being tuned, so only unambiguous cases (میشود, می شود → می‌شود) are pinned;
 * everything else is checked against the library's own output for the same options.
 */
import { spawnSync } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { LINE_LIMITS, main, TTY_NOTE } from '../src/cli/main.js';
import { chunks, cli, enc, sink } from './helpers/cli.js';
import { findDates, normalize, normalizeAligned, type NormalizeOptions } from '../src/node/index.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const NEWS = join(ROOT, 'examples/news.txt');
const ZWNJ = '\u200c';
const UTF8_WARNING = 'dabir: warning: input is not valid UTF-8; invalid bytes were replaced with U+FFFD\n';

/** What the CLI must print: the library applied to every line, line endings kept. */
function expected(input: string, options?: NormalizeOptions): string {
  return input.replace(/[^\r\n]+/g, (line) => normalize(line, options));
}

/** The line-ending skeleton of a text: one entry per line ('\n', '\r\n' or '' for a last line without newline). */
function endings(text: string): string[] {
  const parts = text.split('\n');
  const out: string[] = parts.slice(0, -1).map((p) => (p.endsWith('\r') ? '\r\n' : '\n'));
  if (parts[parts.length - 1] !== '') out.push('');
  return out;
}

describe('dabir normalize (in-process)', () => {
  const news = readFileSync(NEWS, 'utf8');

  it('normalizes the example file', async () => {
    const r = await cli(['normalize', NEWS]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toBe(expected(news));
    expect(endings(r.out)).toEqual(endings(news));
    // pass-through: URL and English word; Arabic letters replaced; Latin digits only inside the URL
    expect(r.out).toContain('https://example.com/news/2025/06/report-12');
    expect(r.out).toContain('Sahand');
    expect(r.out).not.toMatch(/[يك]/);
    expect(r.out.replace('https://example.com/news/2025/06/report-12', '')).not.toMatch(/[0-9]/);
    expect(r.out).toContain('۱۲۰۰');
    expect(r.out).toContain('گفت: امروز');
    expect(r.out).toContain(`می${ZWNJ}شود`);
  });

  it('reads stdin when FILE is missing or "-"', async () => {
    const fromFile = await cli(['normalize', NEWS]);
    const a = await cli(['normalize'], news);
    const b = await cli(['normalize', '-'], news);
    expect(a.code).toBe(0);
    expect(a.out).toBe(fromFile.out);
    expect(b.out).toBe(fromFile.out);
  });

  it('keeps the rows of a comma-separated table, as the library does on the whole text (a row alone cannot show it is one)', async () => {
    const input = 'id,نام,قیمت\r\n1,کتاب ها,"125000"\r\n2,دفتر,3500\r\nمتن میخواهم\r\n';
    const r = await cli(['normalize'], input);
    expect(r.out).toBe(normalize(input));
    expect(r.out).toBe(`id,نام,قیمت\r\n1,کتاب${ZWNJ}ها,"125000"\r\n2,دفتر,3500\r\nمتن می${ZWNJ}خواهم\r\n`);
    // --changes: the same changes, each on its line with offsets in the line
    const c = await cli(['normalize', '--changes'], input);
    expect(c.out.trim().split('\n').map((l) => JSON.parse(l)).map((x) => [x.line, x.start, x.after])).toEqual([[2, 6, ZWNJ], [4, 6, ZWNJ]]);
  });

  it('keeps a table cut by the end of an input chunk a table (a row waits for its neighbour in the next chunk)', async () => {
    // (chunks are normalized as they come: a row at a chunk's end or start alone read as no row and had its commas
    // made «، » and its digits Persian)
    const input = 'متن میخواهم\nid,نام,قیمت\n1,کتاب ها,"125000"\n2,دفتر,3500\nمتن دوم, با ویرگول\na,b\nسه,چهار,5\n';
    const bytes = enc(input);
    const whole = normalize(input);
    expect(whole).toContain('1,کتاب‌ها,"125000"');
    // every cut at a line's end, and every byte a chunk of its own
    const ends = [...input.matchAll(/\n/g)].map((m) => enc(input.slice(0, m.index! + 1)).length);
    for (const cut of ends) {
      const r = await cli(['normalize'], [bytes.subarray(0, cut), bytes.subarray(cut)]);
      expect(r.out, `cut after byte ${cut}`).toBe(whole);
    }
    expect((await cli(['normalize'], Array.from(bytes, (b) => Uint8Array.of(b)))).out).toBe(whole);
    // --changes: the same changes as from one chunk, each once, on its own line
    const one = await cli(['normalize', '--changes'], input);
    for (const cut of ends) expect((await cli(['normalize', '--changes'], [bytes.subarray(0, cut), bytes.subarray(cut)])).out, `changes, cut ${cut}`).toBe(one.out);
    // a fence between rows: each side alone (as the library reads it: code is no row)
    const fenced = 'a,ب,c\n```\nx\n```\nd,ه,f\n';
    expect((await cli(['normalize'], Array.from(enc(fenced), (b) => Uint8Array.of(b)))).out).toBe(normalize(fenced));
  });

  it('passes fenced code blocks through, as the library does on the whole text (line commands see one line at a time)', async () => {
    const input = 'متن میخواهم\n```js\nconst x = "میخواهم";\n```\nx = "سلام"; میخواهم\n  ~~~~\nمیخواهم "a"\n~~~\nپایان میخواهم\n';
    const r = await cli(['normalize'], input);
    expect(r.out).toBe(normalize(input));
    expect(r.out).toContain('const x = "میخواهم";'); // code unchanged
    // text after the block normalized (its half-space), a line of code keeping its quotes and ; (x = "..." is code)
    expect(r.out).toContain(`x = "سلام"; می${ZWNJ}خواهم`);
    expect(r.out.endsWith('پایان میخواهم\n')).toBe(true); // ~~~ does not close a ~~~~ block: the rest is code
    // no changes reported inside a block; one per line outside
    const c = await cli(['normalize', '--changes'], '```\nمیخواهم\n```\nمیخواهم\n');
    expect(c.out.trim().split('\n').map((l) => JSON.parse(l).line)).toEqual([4]);
    // the other line commands that rewrite or report on text
    expect((await cli(['numbers'], '```\nسه هزار\n```\nسه هزار\n')).out).toBe('```\nسه هزار\n```\n۳۰۰۰\n');
    expect((await cli(['formalize'], '```\nمیخوام\n```\nمیخوام\n')).out).toBe(`\`\`\`\nمیخوام\n\`\`\`\nمی${ZWNJ}خواهم\n`);
    // dates: none inside a block, as findDates on the whole text (a numeric date there was reported, one in words not)
    const d = await cli(['dates'], '```\n1402/05/01\n۱۵ فروردین ۱۴۰۲\n```\n1402/05/01\n');
    expect(d.out.trim().split('\n').map((l) => JSON.parse(l).line)).toEqual([5]);
    expect(findDates('```\n1402/05/01\n۱۵ فروردین ۱۴۰۲\n```\n1402/05/01\n').map((x) => x.text)).toEqual(['1402/05/01']);
  });

  it('fixes the unambiguous half-spaces', async () => {
    const r = await cli(['normalize'], 'میشود\nمی شود\n');
    expect(r.out).toBe(`می${ZWNJ}شود\nمی${ZWNJ}شود\n`);
  });

  it('keeps one output line per input line, CRLF and a missing final newline', async () => {
    const input = 'میشود\n\n\r\n   \r\nسلام  دنیا\r\n\nآخر 12';
    const r = await cli(['normalize'], input);
    expect(r.code).toBe(0);
    expect(endings(r.out)).toEqual(endings(input));
    expect(r.out.split('\n')[0]).toBe(`می${ZWNJ}شود`);
    expect(r.out).toBe(expected(input));
    for (const s of ['', '\n', '\r\n', 'x', 'x\n', '\n\n\n', 'a\r\nb\r\n']) {
      const o = await cli(['normalize', '--no-half-space'], s);
      expect(endings(o.out)).toEqual(endings(s));
    }
  });

  it('gives the same output however the input is chunked (split characters and CR LF)', async () => {
    const input = `${news}\r\nمی شود\r\n\r\ntail`;
    const bytes = enc(input);
    const whole = await cli(['normalize'], bytes);
    const ones = await cli(['normalize'], Array.from(bytes, (b) => Uint8Array.of(b)));
    const sevens: Uint8Array[] = [];
    for (let i = 0; i < bytes.length; i += 7) sevens.push(bytes.subarray(i, i + 7));
    const bySeven = await cli(['normalize'], sevens);
    expect(ones.out).toBe(whole.out);
    expect(bySeven.out).toBe(whole.out);
    expect(ones.err).toBe('');
  });

  it('streams: a line is written before the next chunk is read', async () => {
    const stdout = sink();
    const seen: string[] = [];
    async function* input(): AsyncGenerator<Uint8Array> {
      yield enc('اول\n');
      seen.push(stdout.text);
      yield enc('دوم\n');
      seen.push(stdout.text);
    }
    const code = await main(['normalize', '--no-half-space'], { stdin: input(), stdout, stderr: sink() });
    expect(code).toBe(0);
    expect(seen).toEqual(['اول\n', 'اول\nدوم\n']);
  });

  it('waits for drain when stdout pushes back', async () => {
    let text = '';
    let drains = 0;
    const stdout = new Writable({
      highWaterMark: 8,
      decodeStrings: false,
      write(chunk: string, _enc, cb) {
        text += chunk;
        setImmediate(cb);
      },
    });
    stdout.on('drain', () => drains++);
    const lines = Array.from({ length: 200 }, (_, i) => `خط ${i}`).join('\n') + '\n';
    const parts = lines.split(/(?<=\n)/).map(enc);
    const code = await main(['normalize', '--no-half-space'], { stdin: chunks(parts), stdout, stderr: sink() });
    expect(code).toBe(0);
    expect(text).toBe(expected(lines, { halfSpace: 'keep' }));
    expect(drains).toBeGreaterThan(0);
  });

  it('stops quietly (exit 0) when stdout is a closed pipe', async () => {
    const stdout = Object.assign(new EventEmitter(), {
      writes: 0,
      write(): boolean {
        stdout.writes++;
        setImmediate(() => stdout.emit('error', Object.assign(new Error('write EPIPE'), { code: 'EPIPE' })));
        return false;
      },
    });
    async function* endless(): AsyncGenerator<Uint8Array> {
      for (;;) yield enc('سلام\n');
    }
    const stderr = sink();
    const code = await main(['normalize', '--no-half-space'], { stdin: endless(), stdout, stderr });
    expect(code).toBe(0);
    expect(stdout.writes).toBe(1);
    expect(stderr.text).toBe('');
  });

  // writes outside the line loop had no 'error' listener, so a closed pipe or a full disk was an
  // uncaught 'error' event (a stack trace): dabir dates --convert 1403/1/1 | head -0, dabir analyze --format json big.txt | head -c 100
  const AFTER_LOOP: [string[], string, string][] = [ // [argv, reason, stdin]
    [['--help'], 'the help is one write', ''],
    [['--version'], 'the version is one write', ''],
    [['dates', '--convert', '1403/1/1'], 'a --convert result is one write, no input read', ''],
    [['numbers', '--say', '12'], 'a --say result is one write', ''],
    [['keywords'], 'the keywords are written after the whole input', 'بانک مرکزی نرخ ارز را اعلام کرد.\n'],
    [['analyze', '--format', 'json', '--components', 'normalizer,tokenizer'], 'the closing ] of the JSON array follows the line loop', 'سلام.\n'],
  ];
  it.each(AFTER_LOOP)('a write error after the line loop: %j (%s)', async (argv, _reason, input) => {
    for (const [code, exit, err] of [['EPIPE', 0, /^$/], ['ENOSPC', 1, /^dabir: E_IO: cannot write standard output: /]] as const) {
      const stdout = Object.assign(new EventEmitter(), {
        write(): boolean {
          setImmediate(() => stdout.emit('error', Object.assign(new Error(`write ${code}`), { code })));
          return true;
        },
      });
      const stderr = sink();
      expect(await main(argv, { stdin: chunks([enc(input)]), stdout, stderr }), code).toBe(exit);
      expect(stderr.text, code).toMatch(err);
    }
  });

  it('--digits latin and the default digits', async () => {
    const latin = await cli(['normalize', '--digits', 'latin'], 'سال ۱۴۰۴ و 12 نفر\n');
    expect(latin.code).toBe(0);
    expect(latin.out).not.toMatch(/[۰-۹٠-٩]/);
    expect(latin.out).toContain('1404');
    expect(latin.out).toBe(expected('سال ۱۴۰۴ و 12 نفر\n', { digits: 'latin' }));
    const fa = await cli(['normalize'], 'سال 1404\n');
    expect(fa.out).toContain('۱۴۰۴');
    const eq = await cli(['normalize', '--digits=latin'], 'سال ۱۴۰۴\n');
    expect(eq.out).toBe(expected('سال ۱۴۰۴\n', { digits: 'latin' }));
  });

  it('--no-half-space and --half-space keep leave half-spaces alone', async () => {
    const input = 'میشود و می شود\n';
    const a = await cli(['normalize', '--no-half-space'], input);
    const b = await cli(['normalize', '--half-space', 'keep'], input);
    expect(a.code).toBe(0);
    expect(a.out).not.toContain(ZWNJ);
    expect(b.out).toBe(a.out);
    expect(a.out).toBe(expected(input, { halfSpace: 'keep' }));
  });

  it('passes every option through to NormalizeOptions', async () => {
    const input = `${news}كتابـها ۱۲ ، «تست»\n`;
    const argv = ['--letters', 'keep', '--kashida', 'keep', '--diacritics', 'remove', '--digits', 'keep', '--punctuation', 'keep', '--spacing', 'keep', '--style', 'academy'];
    const opts: NormalizeOptions = { letters: 'keep', kashida: 'keep', diacritics: 'remove', digits: 'keep', punctuation: 'keep', spacing: 'keep', style: 'academy' };
    const r = await cli(['normalize', ...argv], input);
    expect(r.code).toBe(0);
    expect(r.out).toBe(expected(input, opts));
  });

  it('--changes prints JSON lines that rebuild the output', async () => {
    const input = 'میشود\n\nسلام\r\nوزير گفت:امروز 12 نفر آمدند\n';
    const r = await cli(['normalize', '--changes'], input);
    expect(r.code).toBe(0);
    const changes = r.out
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { line: number; start: number; end: number; before: string; after: string; kind: string });
    for (const c of changes) expect(Object.keys(c)).toEqual(['line', 'start', 'end', 'before', 'after', 'kind']);
    expect(changes.some((c) => c.line === 1 && c.kind === 'half-space' && c.after.includes(ZWNJ))).toBe(true);
    // applying the changes of each line to the input line gives the normalized line
    const lines = input.split('\n').map((l) => l.replace(/\r$/, ''));
    lines.forEach((line, i) => {
      let rebuilt = '';
      let at = 0;
      for (const c of changes.filter((c) => c.line === i + 1)) {
        expect(line.slice(c.start, c.end)).toBe(c.before);
        rebuilt += line.slice(at, c.start) + c.after;
        at = c.end;
      }
      rebuilt += line.slice(at);
      expect(rebuilt).toBe(normalize(line));
    });
    expect(changes.length).toBe(lines.reduce((n, l) => n + (l ? normalizeAligned(l).changes().length : 0), 0));
  });

  it('--help and --version', async () => {
    // (--help normalize and -h normalize were E_USAGE: unexpected argument 'normalize')
    for (const argv of [['normalize', '--help'], ['normalize', '-h'], ['help', 'normalize'], ['--help', 'normalize'], ['-h', 'normalize']]) {
      const r = await cli(argv);
      expect(r.code).toBe(0);
      expect(r.out).toContain('Usage: dabir normalize');
      for (const o of ['--letters', '--kashida', '--diacritics', '--digits', '--punctuation', '--spacing', '--half-space', '--no-half-space', '--style', '--changes'])
        expect(r.out).toContain(o);
    }
    for (const argv of [['--help'], ['-h'], ['help']]) {
      const r = await cli(argv);
      expect(r.code).toBe(0);
      expect(r.out).toContain('Usage: dabir <command>');
      expect(r.out).toContain('normalize');
    }
    // each command's help names what the command takes (README's CLI section is checked against these)
    const helps: [string[], RegExp, string][] = [
      [['serve', '--help'], /POST \/v1\/analyze .*"scheme"\?/, 'the analyze route takes scheme (src/server/api.ts FIELDS)'],
      [['serve', '--help'], /POST \/v1\/tokenize .*"scheme"\?/, 'the tokenize route takes scheme too'],
      [['serve', '--help'], /--workers N/, 'the number of worker threads'],
      [['tokenize', '--help'], /--no-normalize/, 'tokenize, lemma and ner read text as it is with --no-normalize'],
      [['analyze', '--help'], /--beam K/, 'the parser\'s beam width'],
      [['analyze', '--help'], /0\.4 \(PerDT\) to 0\.8\s+\(iPerUDT\) LAS/, 'the beam\'s gain as bench/results and docs/quality.md give it (LAS gold tokens PerDT 75.50 → 75.94, iPerUDT dev 72.97 → 73.80); it said "about 0.5" for both, then 0.5 for PerDT (75.31 → 75.83) before the tagger\'s clitics round'],
    ];
    for (const [argv, want, why] of helps) expect((await cli(argv)).out, why).toMatch(want);
    // [command, option, reason]: what a command's help must not offer
    const notOffered: [string, RegExp, string][] = [
      ['tokenize', /--beam/, 'tokenize, lemma and ner never run the parser: their help listed --beam K, which was always E_USAGE'],
      ['lemma', /--beam/, 'the same'],
      ['ner', /--beam/, 'the same'],
    ];
    for (const [cmd, opt, why] of notOffered) expect((await cli([cmd, '--help'])).out, why).not.toMatch(opt);
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect((await cli(['--version'])).out).toBe(`${pkg.version}\n`);
    // [argv, exit, stdout or stderr, reason]: the ways a newcomer asks for the version
    const VERSION: [string[], number, RegExp, string][] = [
      [['-V'], 0, new RegExp(`^${pkg.version.replace(/\./g, '\\.')}\n$`), 'the documented short option'],
      [['-v'], 0, new RegExp(`^${pkg.version.replace(/\./g, '\\.')}\n$`), "node -v and npm -v: it was E_USAGE: unknown option '-v'"],
      [['version'], 2, /^dabir: E_USAGE: unknown command "version" \(commands: .*; dabir --version prints the version\)\n$/, 'not a command, but the hint says what is'],
      [['normalize', '-v'], 2, /^dabir: E_USAGE: unknown option '-v'/, 'a command has no -v: only alone it is the version'],
    ];
    for (const [argv, exit, want, why] of VERSION) {
      const r = await cli(argv);
      expect(r.code, why).toBe(exit);
      expect(exit === 0 ? r.out : r.err, why).toMatch(want);
    }
  });

  // [command, reason]: an option's description wraps as one paragraph — a continuation line cut short (under 70
  // columns, no closing . : or ;) before another continuation line reads as a fragment
  const WRAPPED: [string, string][] = [
    ['analyze', '--scheme had "(its tags and lemmas)" alone on a line, between "perdt, seraji" and "or iperudt (informal ..."'],
    ['tokenize', 'the same --scheme text'],
    ['lemma', 'the same'],
    ['ner', 'the same'],
    ...['normalize', 'formalize', 'terms', 'dates', 'keywords', 'phrases', 'identifiers', 'numbers', 'spell', 'serve'].map((c): [string, string] => [c, 'every other help, as written']),
  ];
  it.each(WRAPPED)('%s --help: no option description is broken by a short line (%s)', async (cmd, _why) => {
    const lines = (await cli([cmd, '--help'])).out.split('\n');
    const continuation = (l: string | undefined): boolean => /^ {20,}\S/.test(l ?? '');
    const fragments = lines.filter((l, i) => continuation(l) && continuation(lines[i + 1]) && l.length < 70 && !/[.:;]$/.test(l.trim()));
    expect(fragments).toEqual([]);
  });

  it('usage errors exit 2', async () => {
    const cases: [string[], RegExp][] = [
      [[], /^dabir: E_USAGE: missing command/m],
      [['frobnicate'], /^dabir: E_USAGE: unknown command "frobnicate" \(commands: normalize, analyze, tokenize, lemma, ner, formalize, terms, keywords, phrases, identifiers, dates, numbers, spell, serve\)\n$/],
      [['normalize', '--frob'], /^dabir: E_USAGE: unknown option '--frob'/],
      [['--frob'], /^dabir: E_USAGE: unknown option '--frob'/],
      [['normalize', 'a.txt', 'b.txt'], /^dabir: E_USAGE: expected at most one FILE/],
      [['normalize', '--changes=yes'], /^dabir: E_USAGE: /],
      [['normalize', '--half-space', 'fix', '--no-half-space'], /^dabir: E_USAGE: --no-half-space conflicts/],
      // the spell component's issues have no place in the per-sentence outputs: dabir spell prints them
      [['analyze', '--components', 'normalizer,tokenizer,spell'], /^dabir: E_USAGE: the spell component has no output in "dabir analyze" \(use "dabir spell"/],
      // a --components list the pipeline cannot be built from is the command line's fault (these exited 1, a runtime error)
      [['analyze', '--components', 'tokenizer,nonesuch'], /^dabir: E_UNKNOWN_COMPONENT: unknown component "nonesuch"/],
      [['analyze', '--components', 'normalizer,parser'], /^dabir: E_REQUIREMENT_UNMET: parser requires "upos"/],
      [['analyze', '--threads', '2', '--components', 'tokenizer,nonesuch'], /^dabir: E_UNKNOWN_COMPONENT: /],
      // --format was silently ignored: --score prints its table whatever the format
      [['analyze', '--input', 'conllu', '--score', '--format', 'json'], /^dabir: E_USAGE: --score prints the scores as a table: --format does not apply/],
      // --beam is analyze's (the help of ner listed it; the error said the pipeline does not run the parser)
      [['ner', '--beam', '4'], /^dabir: E_USAGE: --beam is an option of "dabir analyze"/],
      // the option is -n (the help's name); the message said --n
      [['keywords', '-n', '1.5'], /^dabir: E_BAD_OPTION: -n cannot be "1.5" \(give a whole number of 0 or more\)\n$/],
    ];
    for (const [argv, re] of cases) {
      const r = await cli(argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err).toMatch(re);
      expect(r.out).toBe('');
    }
  });

  // [argv, exit, stdout or stderr, reason]: a value with a minus sign and a digit was parseArgs' "argument is
  // ambiguous ... use '--say=-XYZ'" (E_USAGE), though --say takes a sign
  const NEGATIVE: [string[], number, RegExp, string][] = [
    [['numbers', '--say', '-5'], 0, /^منفی پنج\n$/, 'a signed number, as the help says'],
    [['numbers', '--say', '-۱۲٫۵'], 0, /^منفی دوازده و نیم\n$/, 'Persian digits and decimal point'],
    [['keywords', '-n', '-3'], 2, /^dabir: E_BAD_OPTION: -n cannot be "-3" \(give a whole number of 0 or more\)\n$/, "the option's own check"],
    [['analyze', '--beam', '-1'], 2, /^dabir: E_BAD_OPTION: --beam cannot be "-1"/, 'the same'],
    [['normalize', '--', '-5'], 1, /^dabir: E_IO: cannot read "-5"/, 'after -- an argument is a FILE, as before'],
  ];
  it.each(NEGATIVE)('%j exits %i (%s)', async (argv, exit, want, _why) => {
    const r = await cli(argv, 'سلام\n');
    expect(r.code).toBe(exit);
    expect(exit === 0 ? r.out : r.err).toMatch(want);
  });

  it('bad option values exit 2 and list the allowed values', async () => {
    const cases: [string[], string][] = [
      [['--digits', 'roman'], 'dabir: E_BAD_OPTION: --digits cannot be "roman" (use one of: fa, latin, keep)\n'],
      [['--style=modern'], 'dabir: E_BAD_OPTION: --style cannot be "modern" (use one of: corpus, academy)\n'],
      [['--half-space', 'yes'], 'dabir: E_BAD_OPTION: --half-space cannot be "yes" (use one of: fix, keep)\n'],
      [['--letters'], 'dabir: E_BAD_OPTION: --letters needs a value (use one of: persian, keep)\n'],
    ];
    for (const [argv, msg] of cases) {
      const r = await cli(['normalize', ...argv], 'x\n');
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err).toBe(msg);
      expect(r.out).toBe('');
    }
  });

  // [argv, stderr, reason]: a file that cannot be read exits 1 with E_IO, and the message says how to fix it (it
  // said only "no such file or directory" / "is a directory", with no hint as the other codes have)
  const UNREADABLE: [string[], RegExp, string][] = [
    [['normalize', join(ROOT, 'examples/no-such-file.txt')], /^dabir: E_IO: cannot read ".*no-such-file\.txt": no such file or directory \(check the path; without FILE \(or with -\) the command reads standard input\)\n$/, 'a missing file'],
    [['normalize', '--no-half-space', join(ROOT, 'examples')], /^dabir: E_IO: cannot read ".*examples": is a directory \(give a file; for the files of a folder: cat DIR\/\*\.txt \| dabir \.\.\.\)\n$/, 'a folder given as FILE'],
    [['tokenize', join(ROOT, 'examples')], /^dabir: E_IO: cannot read ".*examples": is a directory \(give a file;/, 'the analysis commands read through the same opening'],
    [['spell', '--dict', join(ROOT, 'examples/no-such-dict.txt')], /^dabir: E_IO: cannot read ".*no-such-dict\.txt": no such file or directory \(check the path given to --dict \(a file of one word per line\)\)\n$/, "the user dictionary of spell: its own hint (FILE's spoke of standard input)"],
    [['spell', '--dict', join(ROOT, 'examples')], /^dabir: E_IO: cannot read ".*examples": is a directory \(--dict takes one file: one word per line\)\n$/, 'a folder as --dict: no hint to pipe files'],
  ];
  it.each(UNREADABLE)('%j exits 1 with E_IO and a hint (%s)', async (argv, err, _why) => {
    const r = await cli(argv, 'سلام\n');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(err);
    expect(r.out).toBe('');
  });

  it('replaces malformed UTF-8 with U+FFFD and warns once', async () => {
    const bad = Uint8Array.from([...enc('سلام '), 0xff, 0xfe, ...enc('\nدنیا '), 0xd8, ...enc('\n'), 0xe2, 0x82]);
    const r = await cli(['normalize', '--no-half-space'], bad);
    expect(r.code).toBe(0);
    expect(r.err).toBe(UTF8_WARNING);
    expect(endings(r.out)).toEqual(['\n', '\n', '']);
    expect(r.out).toContain('\uFFFD');
    // byte by byte: still one warning
    const split = await cli(['normalize', '--no-half-space'], Array.from(bad, (b) => Uint8Array.of(b)));
    expect(split.err).toBe(UTF8_WARNING);
    expect(split.out).toBe(r.out);
    // a real U+FFFD in valid input is not a warning, even split across chunks
    const literal = enc('a\uFFFDb\n');
    const ok = await cli(['normalize', '--no-half-space'], Array.from(literal, (b) => Uint8Array.of(b)));
    expect(ok.err).toBe('');
    expect(ok.out).toBe(expected('a\uFFFDb\n', { halfSpace: 'keep' }));
    // a truncated sequence right before a real U+FFFD is still invalid
    const mixed = await cli(['normalize', '--no-half-space'], Uint8Array.from([0x61, 0xe2, 0x82, 0xef, 0xbf, 0xbd, 0x0a]));
    expect(mixed.err).toBe(UTF8_WARNING);
  });

  // [argv, standard input is a terminal, reason]: with no FILE and a terminal as standard input, the command waits for
  // typed text; it said nothing, which looked like a hang. A note on stderr says what it waits for (never on stdout,
  // never for a pipe or a file)
  const TTY: [string[], boolean, string][] = [
    [['normalize'], true, 'a terminal: the note'],
    [['tokenize', '--scheme', 'perdt'], true, 'the analysis commands open standard input the same way'],
    [['normalize'], false, 'a pipe: no note'],
    [['normalize', '-'], true, '"-" is standard input too'],
  ];
  it.each(TTY)('%j with a terminal as standard input (%s): %s', async (argv, tty, _why) => {
    const stdin = Object.assign(chunks([enc('میشود\n')]), tty ? { isTTY: true } : {});
    const stdout = sink();
    const stderr = sink();
    expect(await main(argv, { stdin, stdout, stderr })).toBe(0);
    expect(stderr.text).toBe(tty ? TTY_NOTE : '');
    expect(stdout.text).toBe((await cli(argv, 'میشود\n')).out);
  });

  // [argv, encoding, delivered byte by byte, reason]: a file Windows Notepad saves as "Unicode" is UTF-16 with a
  // byte-order mark; it was read as UTF-8 — the mark two U+FFFD, a NUL after every Arabic letter's low byte, the
  // text unusable — with only the "not valid UTF-8" warning. Now it is read as UTF-16: the output is that of the
  // same text in UTF-8 (with its mark, U+FEFF, kept as a UTF-8 mark is), and a note says so.
  const UTF16: [string[], 'utf-16le' | 'utf-16be', boolean, string][] = [
    [['normalize'], 'utf-16le', false, "Notepad's \"Unicode\": little-endian, FF FE"],
    [['normalize'], 'utf-16be', false, 'big-endian, FE FF'],
    [['normalize'], 'utf-16le', true, 'the mark split across chunks (standard input byte by byte) is still found'],
    [['tokenize', '--scheme', 'perdt'], 'utf-16le', false, 'the analysis commands read through the same decoder'],
    [['formalize'], 'utf-16be', false, 'a line command with its own handler'],
    [['identifiers'], 'utf-16le', false, 'offsets count the mark as one UTF-16 unit, as for a UTF-8 mark'],
  ];
  it.each(UTF16)('%j reads %s input (byte by byte: %s) as UTF-16 (%s)', async (argv, encoding, byByte, _why) => {
    const text = '\uFEFFمیخواهم 12 کتاب بخرم\r\nشماره من ۰۹۱۲۱۲۳۴۵۶۷ است\nیه کتاب میخوام';
    const le = Uint8Array.from(Buffer.from(text, 'utf16le'));
    const bytes = encoding === 'utf-16le' ? le : Uint8Array.from(le, (_, i) => le[i % 2 === 0 ? i + 1 : i - 1]!);
    const r = await cli(argv, byByte ? Array.from(bytes, (b) => Uint8Array.of(b)) : bytes);
    const utf8 = await cli(argv, text);
    expect(r.code).toBe(0);
    expect(r.err).toBe(`dabir: warning: input is ${encoding.toUpperCase()} (it starts with a byte-order mark); it was read as ${encoding.toUpperCase()}, output is UTF-8\n`);
    expect(r.out).toBe(utf8.out);
    expect(r.out).not.toContain('\uFFFD');
  });

  // [input bytes, stderr, reason]: what is not a UTF-16 mark is read as UTF-8, as before
  const NOT_UTF16: [number[], string, string][] = [
    [[...enc('ÿþ سلام\n')], '', '"ÿþ" typed in UTF-8 is C3 BF C3 BE, no mark'],
    [[0x61], '', 'an input of one byte (held while the first two bytes are awaited) is still written'],
    [[0xff, 0x0a], UTF8_WARNING, 'FF alone is invalid UTF-8'],
  ];
  it.each(NOT_UTF16)('%j is read as UTF-8 (%s)', async (bytes, err, _why) => {
    const r = await cli(['normalize', '--no-half-space'], Array.from(bytes, (b) => Uint8Array.of(b)));
    expect(r.code).toBe(0);
    expect(r.err).toBe(err);
    expect(r.out).toBe(expected(new TextDecoder().decode(Uint8Array.from(bytes)), { halfSpace: 'keep' }));
  });
});

describe('bin/dabir.js (real process)', () => {
  const bin = join(ROOT, 'bin/dabir.js');
  const built = join(ROOT, 'dist/cli/main.js');

  beforeAll(() => {
    const newest = (dir: string): number =>
      Math.max(0, ...readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => statSync(join(dir, f)).mtimeMs));
    if (!existsSync(built) || newest(join(ROOT, 'src')) > statSync(built).mtimeMs) {
      // type errors elsewhere still emit JS, so only the result matters
      spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'ignore' });
      // and the bundles again, as npm run build makes them: tsc alone left dist/node/index.js its own unbundled module,
      // with a copy of the core apart from dabir/core's (package.test.ts's shared-classes rows then failed: "applyEdits
      // expects an AlignedText, got an instance of AlignedText")
      spawnSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'scripts/bundle-node.ts')], { cwd: ROOT, stdio: 'ignore' });
    }
    expect(existsSync(built)).toBe(true);
  }, 120_000);

  it('normalizes a file and stdin, and reports errors with exit codes', async () => {
    const node = process.execPath;
    const file = spawnSync(node, [bin, 'normalize', NEWS], { cwd: ROOT, encoding: 'utf8' });
    expect(file.stderr).toBe('');
    expect(file.status).toBe(0);
    expect(file.stdout).toBe((await cli(['normalize', NEWS])).out);

    const input = 'میشود\r\n\r\nمی شود';
    const stdin = spawnSync(node, [bin, 'normalize'], { cwd: ROOT, input, encoding: 'utf8' });
    expect(stdin.status).toBe(0);
    expect(stdin.stdout).toBe(`می${ZWNJ}شود\r\n\r\nمی${ZWNJ}شود`);

    const bad = spawnSync(node, [bin, 'normalize', '--no-half-space'], { cwd: ROOT, input: Buffer.from([0x61, 0xff, 0x0a]), encoding: 'utf8' });
    expect(bad.status).toBe(0);
    expect(bad.stderr).toBe(UTF8_WARNING);

    const usage = spawnSync(node, [bin, 'normalize', '--bogus'], { cwd: ROOT, encoding: 'utf8' });
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/^dabir: E_USAGE: /);

    const missing = spawnSync(node, [bin, 'normalize', 'no-such-file.txt'], { cwd: ROOT, encoding: 'utf8' });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/^dabir: E_IO: /);

    const help = spawnSync(node, [bin, '--help'], { cwd: ROOT, encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: dabir');
  });

  // [arguments, stdin, reason]: with the bundle `npm run build` makes, bin/dabir.js runs dist/cli/main.cjs compiled with
  // its V8 code cache (main.cjs.cache; scripts/bundle-node.ts), not the ES modules of dist/cli/main.js: the same bytes out
  const bundled: [string[], string, string][] = [
    [['normalize'], 'ما میتوانیم بین المللی باشیم\n', 'the half-space model read from data/, found from dist/cli as from dist/node'],
    [['analyze', '--components', 'normalizer,tokenizer,lemmatizer', NEWS], '', 'the light analyze the code cache is made on'],
    [['analyze', '--format', 'json', '--threads', '2', '--components', 'normalizer,tokenizer,lemmatizer', NEWS], '', 'worker threads: analyze-worker.js found beside main.cjs'],
    [['--version'], '', 'package.json found from dist/cli'],
    [['normalize', '--bogus'], '', 'a usage error: the same message and exit code'],
  ];
  const cjs = join(ROOT, 'dist/cli/main.cjs');
  // (when tsc rebuilt the CLI after the bundle, as beforeAll does after a change in src/, bin/dabir.js runs main.js itself)
  it.skipIf(!existsSync(cjs)).each(bundled)('dist/cli/main.cjs (with its code cache) gives what dist/cli/main.js gives: dabir %j (%j): %s', (args, input, reason) => {
    const viaBin = spawnSync(process.execPath, [bin, ...args], { cwd: ROOT, input, encoding: 'utf8' });
    const esm = `const { main } = await import(${JSON.stringify(pathToFileURL(built).href)}); process.exitCode = await main(${JSON.stringify(args)});`;
    const viaEsm = spawnSync(process.execPath, ['--input-type=module', '-e', esm], { cwd: ROOT, input, encoding: 'utf8' });
    expect([viaBin.status, viaBin.stdout, viaBin.stderr], reason).toEqual([viaEsm.status, viaEsm.stdout, viaEsm.stderr]);
    expect(viaBin.stdout.length + viaBin.stderr.length, reason).toBeGreaterThan(0);
  }, 30_000);

  // [an export of the bundle, reason]: its code runs in strict mode, as the ES modules' does (a function's `caller`
  // throws only in strict code)
  const strictRows: [string, string][] = [
    ['parseNormalizeArgs', '"use strict" comes before the banner: after it, it was a plain statement and the whole bundle sloppy'],
  ];
  it.skipIf(!existsSync(cjs)).each(strictRows)('dist/cli/main.cjs runs in strict mode: %s (%s)', (name) => {
    const probe = `const m = require(${JSON.stringify(cjs)}); try { void m[${JSON.stringify(name)}].caller; console.log('sloppy'); } catch { console.log('strict'); }`;
    const r = spawnSync(process.execPath, ['-e', probe], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stdout.trim(), r.stderr).toBe('strict');
  }, 30_000);

  // [a damaged code cache, reason]: bin/dabir.js with a copy of the bundle beside it and its cache damaged gives what
  // dist/cli/main.js gives (V8 rejects the cache and compiles the script as without one)
  const damaged: [string, string, (c: Buffer) => Buffer][] = [
    ['one bit flipped', 'V8 (a release build) checks no checksum by default: the damaged cache was taken unchecked; --verify-snapshot-checksum', (c) => ((c[c.length >> 1] ^= 1), c)],
    ['100 bytes overwritten', 'unchecked, V8 died on a fatal error while deserializing it (exit 133, SIGTRAP), before the launcher set the flag', (c) => c.fill(0x5a, 5000, 5100)],
    ['cut in half', 'a short cache: rejected by its length', (c) => c.subarray(0, c.length >> 1)],
    ['empty', 'an empty file: rejected', () => Buffer.alloc(0)],
  ];
  it.skipIf(!existsSync(cjs + '.cache')).each(damaged)('a code cache %s falls back to compiling main.cjs: %s', (_, reason, damage) => {
    const dir = mkdtempSync(join(tmpdir(), 'dabir-cache-'));
    try {
      mkdirSync(join(dir, 'bin'));
      mkdirSync(join(dir, 'dist/cli'), { recursive: true });
      copyFileSync(bin, join(dir, 'bin/dabir.js'));
      copyFileSync(cjs, join(dir, 'dist/cli/main.cjs'));
      writeFileSync(join(dir, 'dist/cli/main.cjs.cache'), damage(readFileSync(cjs + '.cache')));
      symlinkSync(join(ROOT, 'data'), join(dir, 'data'), 'junction'); // (a junction: no privilege needed on Windows)
      copyFileSync(join(ROOT, 'package.json'), join(dir, 'package.json'));
      const input = 'ما میتوانیم بین المللی باشیم\n';
      const r = spawnSync(process.execPath, [join(dir, 'bin/dabir.js'), 'normalize'], { cwd: dir, input, encoding: 'utf8' });
      expect([r.status, r.stdout, r.stderr.slice(0, 200)], reason).toEqual([0, `ما می${ZWNJ}توانیم بین${ZWNJ}المللی باشیم\n`, '']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);

  // [the copy has src/, what the message says to do, reason]: bin/dabir.js with no dist/ beside it says what to do in
  // a checkout and in an installed package (which has no src/ and cannot be built)
  const unbuilt: [boolean, string, string][] = [
    [true, 'run "npm run build" in the checkout', 'a checkout: the build makes dist/'],
    [false, 'reinstall the package: npm install dabir', 'an installed package: "npm run build" was wrong there (no src/, no build script to run)'],
  ];
  it.each(unbuilt)('with no dist/ (src/: %s) the launcher says: %s (%s)', (withSrc, fix, reason) => {
    const dir = mkdtempSync(join(tmpdir(), 'dabir-nodist-'));
    try {
      mkdirSync(join(dir, 'bin'));
      if (withSrc) mkdirSync(join(dir, 'src'));
      copyFileSync(bin, join(dir, 'bin/dabir.js'));
      const r = spawnSync(process.execPath, [join(dir, 'bin/dabir.js'), '--version'], { cwd: dir, encoding: 'utf8' });
      expect([r.status, r.stdout], reason).toEqual([1, '']);
      expect(r.stderr, reason).toContain(`dabir: cannot load dist/cli/main.js (${fix}): `);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});

describe('a byte-order mark at the start of the input: one rule for every command', () => {
  // The BOM is part of the input as given: text outputs keep it, offsets count it (the first word starts at 1), as the
  // library's offsets do; token lists leave it out (it is in no token). [argv, output, reason]
  const BOM = '\uFEFF';
  const rows: [string[], string, string][] = [
    [['normalize'], `${BOM}می${ZWNJ}خوام کطاب\n`, 'normalize keeps it'],
    [['normalize', '--changes'], '{"line":1,"start":3,"end":3,"before":"","after":"\u200c","kind":"half-space"}\n', 'and its offsets count it (می is 1-3)'],
    [['formalize'], `${BOM}می${ZWNJ}خواهم کطاب\n`, 'formalize keeps it'],
    [['formalize', '--changes'], '{"line":1,"start":1,"end":7,"before":"میخوام","after":"می\u200cخواهم"}\n', 'and its offsets count it'],
    [['numbers', '--to', 'words'], `${BOM}میخوام کطاب\n`, 'numbers keeps it'],
    [['spell', '--fix'], `${BOM}میخوام کتاب\n`, 'spell --fix keeps it'],
    [['spell'], '1:8-12 non-word کطاب → کتاب، خطاب، کباب، کلاب، کابل\n', 'spell counts it: کطاب is 8-12, as in the library (checkSpelling)'],
    [['tokenize', '--original'], 'میخوام کطاب\n', 'a token list leaves it out: it is in no token'],
  ];
  it.each(rows)('dabir %j (%s)', async (argv, want) => {
    const r = await cli(argv, `${BOM}میخوام کطاب\n`);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toBe(want);
  });
  // [argv, input, output, reason]
  const found: [string[], string, string, string][] = [
    [['dates'], `${BOM}در ۱۴۰۲/۰۱/۰۱ آمد\n`, '{"line":1,"start":4,"end":14,"text":"۱۴۰۲/۰۱/۰۱","calendar":"jalali","year":1402,"month":1,"day":1,"jalali":{"year":1402,"month":1,"day":1},"iso":"2023-03-21"}\n', 'dates counts it'],
    [['identifiers', '--types', 'mobile'], `${BOM}شماره 09123456789\n`, '{"line":1,"type":"mobile","start":7,"end":18,"text":"09123456789","value":"09123456789","valid":true,"operator":"همراه اول"}\n', 'identifiers counts it'],
    [['identifiers', '--redact', '--types', 'mobile'], `${BOM}شماره 09123456789\n`, `${BOM}شماره •••••••••••\n`, 'identifiers --redact keeps it'],
    [['ner'], `${BOM}حسن روحانی آمد\n`, 'PER\t1\t11\tحسن روحانی\n', 'ner counts it'],
  ];
  it.each(found)('dabir %j on %j (%s)', async (argv, input, want) => {
    const r = await cli(argv, input);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toBe(want);
  });
});

describe('a line longer than a line command holds: E_LINE_TOO_LONG, not a heap crash', () => {
  // [argv, what the line before comes out as, reason]; the long line is the limit + 1 units of one letter, in pieces
  // of 1 Mi (strings: a rope, so the test holds no copy of it)
  const ROWS: [string[], keyof typeof LINE_LIMITS, string, string][] = [
    [['normalize'], 'normalize', 'سلام\n', 'normalize held any line whole: one 50 MiB line 457 MB RSS; one of 2^29 units was "internal error: RangeError: Invalid string length"'],
    [['formalize'], 'formalize', 'سلام\n', 'the same holding of a line'],
    [['numbers'], 'numbers', 'سلام\n', 'the same'],
    [['identifiers', '--redact'], 'identifiers', 'سلام\n', 'the same'],
    [['dates'], 'dates', '', 'the same (no date on the first line: nothing written)'],
    [['terms'], 'terms', 'سلام\n', 'the same'],
    [['phrases'], 'phrases', '[NP سلام]\n', 'the same'],
    [['spell'], 'spell', '', 'spell costs most per unit (1,769 MB RSS on a 50 MiB line): its limit is a quarter'],
    [['analyze', '--input', 'conllu'], 'analyze --input conllu', '', 'CoNLL-U is read a line at a time too (its hint: a CoNLL-U line is one word)'],
  ];
  it.each(ROWS)('%j (%s)', async (argv, cmd, first, _why) => {
    const limit = LINE_LIMITS[cmd];
    const piece = 'ب'.repeat(1 << 20);
    async function* input(): AsyncGenerator<string> {
      yield cmd === 'analyze --input conllu' ? '# سلام\n' : 'سلام\n'; // (a comment: a line of CoNLL-U)
      for (let n = 0; n <= limit; n += piece.length) yield piece;
      throw new Error('read past the limit');
    }
    const r = await cli(argv, input());
    expect(r.code).toBe(1);
    expect(r.err).toMatch(new RegExp(`^dabir: E_LINE_TOO_LONG: line 2 is longer than ${limit / 2 ** 20} Mi characters .*dabir ${cmd} holds one line at a time \\((break the text into lines|a line of CoNLL-U is one word)`));
    expect(r.out).toBe(first);
  });
  it('a line of the limit itself is taken', async () => {
    const limit = LINE_LIMITS.spell;
    async function* input(): AsyncGenerator<string> {
      for (let n = 0; n < limit; n += 1 << 20) yield ' '.repeat(1 << 20);
    }
    const r = await cli(['spell'], input());
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
  });
});
