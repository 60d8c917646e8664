/**
 * The `dabir` command line. `main(argv, io)` parses the arguments, runs the command and returns the exit code:
 * 0 ok, 1 runtime error (I/O, resources), 2 usage error (unknown command or option, bad option value).
 * Errors go to stderr as `dabir: E_CODE: message`. Nothing here calls process.exit, so it runs in-process in tests.
 */
import { readFileSync, statSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import {
  availableComponents,
  createPipeline,
  createFenceTracker,
  createSentenceStream,
  PIPELINE_SCHEME_CHOICES,
  type PipelineScheme,
  readConllu,
  badConlluLine,
  badConlluError,
  Doc,
  type Sentence,
  createNormalizer,
  DabirError,
  DEFAULT_OPTIONS,
  getNormalizer,
  getFormalizer,
  normalizeFormalize,
  normalizeFormalizeAligned,
  OPTION_VALUES,
  resolveOptions,
  type NormalizeOptions,
  type Normalizer,
  type ResolvedOptions,
  getSpellChecker,
  evaluate,
  formatScores,
  SPELL_KINDS,
  SPELL_REGISTERS,
  type SpellKind,
  type SpellOptions,
  type SpellRegister,
  convertNumbers,
  findNumbers,
  searchTermsPieces,
  keywords,
  phrasesPieces,
  PHRASE_TYPES,
  findIdentifiers,
  redactIdentifiers,
  IDENTIFIER_TYPES,
  type Phrase,
  findDates,
  formatJalali,
  gregorianToJalali,
  jalaliToGregorian,
  numberToWords,
  CONVERT_DIGITS,
  CONVERT_TO,
  DECIMAL_STYLES,
  NUMBER_FORMS,
} from '../node/index.js';
import { csvRowCandidate } from '../core/normalize/protect.js';
import { formatSentence, FORMATS, SentenceWriter, type Format, type Mode } from './format.js';
import { ThreadedAnalyzer, type WorkerInit } from './threads.js';
import { MAX_BODY_LIMIT, MAX_TIMEOUT_MS } from '../server/limits.js';

/** A readable byte (or text) stream: process.stdin, a fs ReadStream, `Readable.from([...])`, an async generator. */
export type CliInput = AsyncIterable<Uint8Array | string>;

/** The part of a Writable the CLI uses; `on`/`off` are optional so plain objects work as fakes in tests. */
export interface CliOutput {
  write(chunk: string): boolean;
  on?(event: 'drain' | 'error' | 'close', listener: (err?: unknown) => void): unknown;
  off?(event: 'drain' | 'error' | 'close', listener: (err?: unknown) => void): unknown;
}

export interface CliIO {
  stdin: CliInput;
  stdout: CliOutput;
  stderr: CliOutput;
}

/** `dabir analyze` on raw text analyses and formats the input read in pieces of about this many UTF-16 units */
const ANALYSE_PIECE = 1 << 14;

const UTF8_WARNING = 'dabir: warning: input is not valid UTF-8; invalid bytes were replaced with U+FFFD\n';
/** the note when standard input is a terminal (no FILE given): what the command waits for */
export const TTY_NOTE = 'dabir: reading standard input: type or paste text, then Ctrl-D (Windows: Ctrl-Z, Enter); or give a FILE\n';
/** the note for an input that opens with a UTF-16 byte-order mark (Windows Notepad's "Unicode"), read as UTF-16 */
const utf16Note = (enc: string): string => `dabir: warning: input is ${enc.toUpperCase()} (it starts with a byte-order mark); it was read as ${enc.toUpperCase()}, output is UTF-8\n`;

/**
 * The encoding of an input that opens with a UTF-16 byte-order mark: FF FE (little-endian) or FE FF (big-endian).
 * Neither byte occurs in UTF-8, so no UTF-8 text is taken for UTF-16.
 */
export function utf16Encoding(head: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (head.length < 2) return undefined;
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** Exit codes. */
export const EXIT_OK = 0;
export const EXIT_ERROR = 1;
export const EXIT_USAGE = 2;

/**
 * The codes of a command line that cannot run as given (exit 2): a bad option or value, and a --components list
 * naming a component that does not exist or leaving out one another needs (those were exit 1, a runtime error).
 */
const USAGE_CODES: ReadonlySet<string> = new Set(['E_USAGE', 'E_BAD_OPTION', 'E_BAD_NUMBER', 'E_BAD_DATE', 'E_UNKNOWN_COMPONENT', 'E_REQUIREMENT_UNMET']);

function defaultIO(): CliIO {
  return { stdin: process.stdin, stdout: process.stdout as CliOutput, stderr: process.stderr as CliOutput };
}

export async function main(argv: readonly string[], io: CliIO = defaultIO()): Promise<number> {
  // A write error is an 'error' event on stdout, emitted a tick after the write; with no listener Node throws it with a
  // stack trace. processLines listens while it streams; this listener covers every other write too (help, --version,
  // dates --convert, numbers --say, keywords, the closing ] of analyze --format json, --score): a closed pipe
  // (`| head`) stops quietly, another error (a full disk) is E_IO, exit 1.
  let outError: unknown;
  const onOutError = (err?: unknown): void => {
    outError ??= err ?? new Error('stdout error');
  };
  io.stdout.on?.('error', onOutError);
  let code: number;
  try {
    code = await runReporting(argv, io);
    if (io.stdout.on) await new Promise((resolve) => setImmediate(resolve)); // the last write's error, if any
  } finally {
    io.stdout.off?.('error', onOutError);
  }
  if (outError !== undefined && code === EXIT_OK && (outError as NodeJS.ErrnoException).code !== 'EPIPE') {
    io.stderr.write(`dabir: ${ioError('cannot write standard output', outError).message}\n`);
    return EXIT_ERROR;
  }
  return code;
}

async function runReporting(argv: readonly string[], io: CliIO): Promise<number> {
  try {
    return await run([...argv], io);
  } catch (err) {
    if (err instanceof DabirError) {
      io.stderr.write(`dabir: ${err.message}\n`);
      return USAGE_CODES.has(err.code) ? EXIT_USAGE : EXIT_ERROR;
    }
    const e = err as Error;
    io.stderr.write(`dabir: internal error: ${e?.stack ?? String(err)}\n`);
    return EXIT_ERROR;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// commands and help

interface Command {
  summary: string;
  help(): string;
  run(args: string[], io: CliIO): Promise<number>;
}

const COMMANDS: Record<string, Command> = {
  normalize: {
    summary: 'correct Persian text: letters, digits, punctuation, spacing and half-spaces (ZWNJ)',
    help: normalizeHelp,
    run: runNormalize,
  },
  analyze: {
    summary: 'sentences, tokens, words, lemmas (and tags and trees when those models ship) as CoNLL-U, JSON or text',
    help: analyzeHelp,
    run: (args, io) => runAnalyze(args, io, 'analyze'),
  },
  tokenize: {
    summary: 'one sentence per line, tokens separated by spaces',
    help: () => analyzeHelp('tokenize'),
    run: (args, io) => runAnalyze(args, io, 'tokenize'),
  },
  lemma: {
    summary: 'one sentence per line, every word replaced by its lemma',
    help: () => analyzeHelp('lemma'),
    run: (args, io) => runAnalyze(args, io, 'lemma'),
  },
  ner: {
    summary: 'named entities (PER, LOC, ORG, NAT, EVE, POG), one per line: type, start, end, text',
    help: () => analyzeHelp('ner'),
    run: (args, io) => runAnalyze(args, io, 'ner'),
  },
  formalize: {
    summary: 'colloquial Persian in the formal written register (یه کتاب میخوام → یک کتاب می‌خواهم), line by line',
    help: formalizeHelp,
    run: runFormalize,
  },
  terms: {
    summary: 'search terms, line by line: folded lemmas without stopwords (کتاب‌هایشان را میخواهند → کتاب خواست)',
    help: termsHelp,
    run: runTerms,
  },
  keywords: {
    summary: 'the keywords of a text (nouns, names and short noun phrases), ranked by TF-IDF',
    help: keywordsHelp,
    run: runKeywords,
  },
  phrases: {
    summary: 'noun phrases and verb groups (chunks), line by line: [NP کتاب‌های جدید] را [VP خواهم خرید], with compound-verb lemmas',
    help: phrasesHelp,
    run: runPhrases,
  },
  identifiers: {
    summary: 'mobile and phone numbers, card numbers, IBANs, national ids, postal codes, e-mails, URLs (checked), or --redact them',
    help: identifiersHelp,
    run: runIdentifiers,
  },
  dates: {
    summary: 'date expressions (۱۵ فروردین ۱۴۰۲, ۱۴۰۲/۰۱/۱۵, ۲۰ مارس ۲۰۲۴) as JSON lines, with both calendars; --convert Y/M/D',
    help: datesHelp,
    run: runDates,
  },
  numbers: {
    summary: 'number phrases in words as digits (سه هزار و پانصد → ۳۵۰۰) or digits as words, line by line; --say N spells one number',
    help: numbersHelp,
    run: runNumbers,
  },
  spell: {
    summary: 'spelling issues (non-word, real-word, style) with ranked suggestions, or --fix to correct',
    help: spellHelp,
    run: runSpell,
  },
  serve: {
    summary: 'HTTP service: JSON API (/v1/normalize, /v1/analyze, /v1/spell, /v1/formalize, /v1/numbers, ...) and the web editor',
    help: serveHelp,
    run: runServe,
  },
};

/**
 * The options each command's parser takes (the names parseArgs is given), for test/cli-help.test.ts: it checks that
 * each command's help lists exactly the options the command works with (tokenize, lemma and ner share analyze's
 * parser and refuse its other options themselves).
 */
export function commandOptions(): Record<string, ArgSpec> {
  const analyze = ANALYZE_ARGS;
  return { normalize: NORMALIZE_ARGS, analyze, tokenize: analyze, lemma: analyze, ner: analyze, formalize: FORMALIZE_ARGS, terms: TERMS_ARGS, keywords: KEYWORDS_ARGS, phrases: PHRASES_ARGS, identifiers: IDENTIFIERS_ARGS, dates: DATES_ARGS, numbers: NUMBERS_ARGS, spell: SPELL_ARGS, serve: SERVE_ARGS };
}

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

function globalHelp(): string {
  const cmds = Object.entries(COMMANDS)
    .map(([name, c]) => `  ${name.padEnd(12)}${c.summary}`)
    .join('\n');
  return `Usage: dabir <command> [options] [FILE]

dabir is a Persian (Farsi) text toolkit.

Commands:
${cmds}

Global options:
  -h, --help         show this help (or "dabir <command> --help" for a command)
  -V, -v, --version  print the version

Exit status: 0 ok, 1 runtime error (e.g. E_IO: file not found), 2 usage error.
`;
}

const usageHint = (cmd?: string): string => (cmd ? `run "dabir ${cmd} --help" for usage` : 'run "dabir --help" for usage');

async function run(argv: string[], io: CliIO): Promise<number> {
  const first = argv[0];
  if (first === undefined) {
    io.stderr.write(globalHelp());
    throw new DabirError('E_USAGE', 'missing command', usageHint());
  }
  if (first === 'help') {
    const topic = argv[1];
    if (topic === undefined) return print(io, globalHelp());
    const cmd = COMMANDS[topic];
    if (!cmd) throw unknownCommand(topic);
    return print(io, cmd.help());
  }
  // dabir --help normalize, as dabir help normalize (it was E_USAGE: unexpected argument 'normalize')
  if ((first === '--help' || first === '-h') && argv.length === 2 && Object.hasOwn(COMMANDS, argv[1]!)) return print(io, COMMANDS[argv[1]!]!.help());
  // -v as node -v and npm -v (it was E_USAGE: unknown option '-v'); no command has a -v of its own
  if (first === '-v' && argv.length === 1) return print(io, `${version()}\n`);
  if (first.startsWith('-')) {
    const { values } = parseOrUsage(argv, {
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'V' },
    });
    if (values.help) return print(io, globalHelp());
    if (values.version) return print(io, `${version()}\n`);
    throw new DabirError('E_USAGE', `expected a command before ${JSON.stringify(first)}`, usageHint());
  }
  const cmd = Object.hasOwn(COMMANDS, first) ? COMMANDS[first] : undefined;
  if (!cmd) throw unknownCommand(first);
  return cmd.run(argv.slice(1), io);
}

function unknownCommand(name: string): DabirError {
  const version = name === 'version' ? '; dabir --version prints the version' : '';
  return new DabirError('E_USAGE', `unknown command ${JSON.stringify(name)}`, `commands: ${Object.keys(COMMANDS).join(', ')}${version}`);
}

function print(io: CliIO, text: string): number {
  io.stdout.write(text);
  return EXIT_OK;
}

export type ArgSpec = Record<string, { type: 'string' | 'boolean'; short?: string }>;

function parseOrUsage(args: string[], options: ArgSpec, cmd?: string, allowPositionals = false) {
  // an option of one letter is typed with one hyphen, as the help writes it (-n): parseArgs also took --n, which no
  // help lists
  for (const a of args) {
    if (a === '--') break;
    const one = /^--([a-zA-Z])(?:=|$)/.exec(a);
    if (one && Object.hasOwn(options, one[1]!)) throw new DabirError('E_USAGE', `unknown option '${a.replace(/=.*/s, '')}'`, `${usageHint(cmd)}; the option is -${one[1]}`);
  }
  // a value that starts with a minus sign and a digit is the option's value, not an option: --say -5 (numbers take a
  // sign), -n -3, --beam -1 (then the option's own check names what it takes); parseArgs called them "ambiguous"
  const longOf = new Map<string, string>();
  for (const [name, o] of Object.entries(options)) {
    if (o.type !== 'string') continue;
    longOf.set(`--${name}`, name);
    if (o.short) longOf.set(`-${o.short}`, name);
  }
  const joined: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const name = longOf.get(args[i]!);
    const next = args[i + 1];
    if (name !== undefined && next !== undefined && /^-[\p{Nd}.٫]/u.test(next)) {
      joined.push(`--${name}=${next}`);
      i++;
    } else joined.push(args[i]!);
    if (args[i] === '--') {
      joined.push(...args.slice(i + 1));
      break;
    }
  }
  args = joined;
  try {
    return parseArgs({ args, options, strict: true, allowPositionals });
  } catch (err) {
    const e = err as Error & { code?: string };
    if (typeof e.code === 'string' && e.code.startsWith('ERR_PARSE_ARGS')) {
      // "Option '--digits <value>' argument missing" → name the allowed values when we know them
      const m = /'(?:--)?([a-z-]+)/.exec(e.message);
      const key = m ? CLI_TO_KEY[m[1]!] : undefined;
      if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && key) {
        throw new DabirError('E_BAD_OPTION', `--${m![1]} needs a value`, `use one of: ${OPTION_VALUES[key].join(', ')}`);
      }
      const msg = e.message.replace(/\.?\s*To specify a positional argument.*$/s, '').replace(/^[A-Z]/, (c) => c.toLowerCase());
      throw new DabirError('E_USAGE', msg, usageHint(cmd));
    }
    throw err;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// normalize

/** CLI option name → NormalizeOptions key. */
const CLI_TO_KEY: Record<string, keyof ResolvedOptions> = {
  letters: 'letters',
  kashida: 'kashida',
  diacritics: 'diacritics',
  digits: 'digits',
  punctuation: 'punctuation',
  spacing: 'spacing',
  'half-space': 'halfSpace',
  style: 'style',
  keyboard: 'keyboard',
};

const OPTION_HELP: Record<keyof ResolvedOptions, string> = {
  letters: 'Arabic letters and presentation forms to Persian (ي → ی, ك → ک)',
  kashida: 'kashida (tatweel ـ) between letters',
  diacritics: 'Arabic diacritics (harakat, tanwin, shadda)',
  digits: 'digits in Persian text: fa → ۰-۹, latin → 0-9 (never in URLs, code, Latin words)',
  punctuation: 'Persian punctuation (، ؛ ؟ « ») in Persian context, repeated marks',
  spacing: 'spaces: runs, around punctuation and brackets, digits/letters',
  halfSpace: 'half-space (ZWNJ) repair: run-together, spaced and stray ZWNJs',
  style: 'half-space convention: corpus (treebank) or academy (آن‌ها, بزرگ‌تر)',
  keyboard: 'Persian typed on the English layout (sghl o,fd → سلام خوبی): fix rewrites it',
};

function normalizeHelp(): string {
  const rows: string[] = [];
  for (const [cli, key] of Object.entries(CLI_TO_KEY)) {
    const flag = `--${cli} ${OPTION_VALUES[key].join('|')}`;
    rows.push(`  ${flag.padEnd(32)}${OPTION_HELP[key]} [default: ${DEFAULT_OPTIONS[key]}]`);
  }
  rows.push(`  ${'--no-half-space'.padEnd(32)}same as --half-space keep (also skips loading the model)`);
  rows.push(`  ${'--changes'.padEnd(32)}print the changes as JSON lines instead of the text:`);
  rows.push(`  ${''.padEnd(32)}{"line","start","end","before","after","kind"}; line is 1-based,`);
  rows.push(`  ${''.padEnd(32)}start/end are UTF-16 offsets into the input line`);
  rows.push(`  ${'-h, --help'.padEnd(32)}show this help`);
  return `Usage: dabir normalize [options] [FILE]

Corrects Persian text line by line: characters, digits, punctuation, spacing and half-spaces (ZWNJ).
Reads FILE (standard input when FILE is missing or "-") as UTF-8 and writes standard output: exactly one output
line per input line, keeping \\n or \\r\\n line endings and a missing final newline. Invalid UTF-8 bytes are replaced
with U+FFFD (with one warning on stderr); an input that starts with a UTF-16 byte-order mark (Windows "Unicode") is
read as UTF-16 (with a note on stderr).

Options:
${rows.join('\n')}

Examples:
  dabir normalize news.txt > news.fixed.txt
  echo 'میخواهم 12 کتاب بخرم' | dabir normalize --digits latin
  dabir normalize --changes news.txt
`;
}

const NORMALIZE_ARGS: ArgSpec = {
  ...Object.fromEntries(Object.keys(CLI_TO_KEY).map((k) => [k, { type: 'string' as const }])),
  'no-half-space': { type: 'boolean' },
  changes: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
};

/** Parses the options of `dabir normalize` into NormalizeOptions (exported for tests). */
export function parseNormalizeArgs(args: string[]): { options: NormalizeOptions; file: string | undefined; changes: boolean; help: boolean } {
  const { values, positionals } = parseOrUsage(args, NORMALIZE_ARGS, 'normalize', true);
  const v = values as Record<string, string | boolean | undefined>;
  const options: Record<string, string> = {};
  for (const [cli, key] of Object.entries(CLI_TO_KEY)) {
    const value = v[cli];
    if (typeof value !== 'string') continue;
    const allowed = OPTION_VALUES[key];
    if (!allowed.includes(value)) {
      throw new DabirError('E_BAD_OPTION', `--${cli} cannot be ${JSON.stringify(value)}`, `use one of: ${allowed.join(', ')}`);
    }
    options[key] = value;
  }
  if (v['no-half-space']) {
    if (options.halfSpace === 'fix') throw new DabirError('E_USAGE', '--no-half-space conflicts with --half-space fix', usageHint('normalize'));
    options.halfSpace = 'keep';
  }
  if (positionals.length > 1) {
    throw new DabirError('E_USAGE', `expected at most one FILE, got ${positionals.length}`, usageHint('normalize'));
  }
  const file = positionals[0] === '-' ? undefined : positionals[0];
  return { options: options as NormalizeOptions, file, changes: v.changes === true, help: v.help === true };
}

/** FILE (streamed in 64 KiB chunks) or standard input when FILE is undefined; E_IO when FILE cannot be opened. */
async function openInput(file: string | undefined, io: CliIO): Promise<{ input: CliInput; fh: FileHandle | undefined }> {
  if (file === undefined) {
    // a terminal: the command waits for typed text, which looked like a hang (`dabir normalize` with no FILE)
    if ((io.stdin as { isTTY?: boolean }).isTTY === true) io.stderr.write(TTY_NOTE);
    return { input: io.stdin, fh: undefined };
  }
  let fh: FileHandle;
  try {
    fh = await open(file, 'r');
  } catch (err) {
    throw ioError(`cannot read ${JSON.stringify(file)}`, err);
  }
  return { input: fh.createReadStream({ highWaterMark: 1 << 16, autoClose: true }), fh };
}

/** The whole input as one string (FILE or standard input; malformed UTF-8 replaced, with the usual warning). */
/** --format text|json (default text) */
function textOrJson(x: string | boolean | undefined): 'text' | 'json' {
  const format = x ?? 'text';
  if (format !== 'text' && format !== 'json') throw new DabirError('E_BAD_OPTION', `--format cannot be ${JSON.stringify(format)}`, 'use one of: text, json');
  return format;
}

/** A comma-separated --NAME list of allowed values (each through `fold` first), or undefined when not given. */
function listOption<T extends string>(x: string | boolean | undefined, name: string, allowed: readonly T[], fold: (s: string) => string = (s) => s): T[] | undefined {
  if (typeof x !== 'string') return undefined;
  // empty items are skipped, as --kinds and --components skip them (NP,VP, or a trailing comma); none at all is an error
  const list = x.split(',').map((t) => fold(t.trim())).filter((t) => t !== '');
  if (list.length === 0) throw new DabirError('E_BAD_OPTION', `--${name} cannot be ${JSON.stringify(x)}`, `use some of: ${allowed.join(', ')}`);
  const bad = list.find((t) => !(allowed as readonly string[]).includes(t));
  if (bad !== undefined) throw new DabirError('E_BAD_OPTION', `--${name} cannot include ${JSON.stringify(bad)}`, `use some of: ${allowed.join(', ')}`);
  return list as T[];
}

async function readAllText(file: string | undefined, io: CliIO): Promise<string> {
  const parts: string[] = [];
  await eachLine(file, io, (line, eol) => void parts.push(line, eol));
  return parts.join('');
}

/** Runs `handle` over every line of FILE (standard input when undefined) as processLines does; the file is closed however it ends. */
async function eachLine(file: string | undefined, io: CliIO, handle: LineHandler, maxLine?: LineLimit): Promise<void> {
  const { input, fh } = await openInput(file, io);
  try {
    await processLines(input, io, handle, file, undefined, undefined, undefined, maxLine);
  } finally {
    await fh?.close().catch(() => undefined);
  }
}

async function runNormalize(args: string[], io: CliIO): Promise<number> {
  const parsed = parseNormalizeArgs(args);
  if (parsed.help) return print(io, normalizeHelp());
  const options = resolveOptions(parsed.options);
  // the defaults object is the library's fast path (no per-call option validation)
  const callOptions = Object.keys(parsed.options).length === 0 ? undefined : options;

  const file = parsed.file;
  const { input, fh } = await openInput(file, io);
  try {
    const normalizer = loadNormalizer(options);
    // The lines of an input chunk outside fenced code are normalized together, as the library normalizes a whole text:
    // every step works within a line, save the rows of a comma-separated table, which only the lines around a row
    // show to be one (a row alone would have had its commas made «، » and its numbers Persian digits). So that a table
    // cut by a chunk's end reads as it does whole, each line is normalized with both its neighbours: a last line that
    // could be a row (csvRowCandidate) is normalized as the context of the line before it and written with the next
    // chunk's lines, after its own line before it, normalized again as their context (a row needs only its
    // neighbours: csvRows reads runs of adjacent rows). The output of a context line is dropped.
    let pending: string[] = []; // the lines waiting, with their ends of line
    let firstLine = 0; // the number of the first of them
    let context = ''; // the line before them, with its end of line, when it could be a row; else ''
    const flush = (out: string[], atChunkEnd: boolean): void => {
      const n = pending.length;
      const hold = atChunkEnd && n >= 2 && csvRowCandidate(pending[n - 2]!);
      if (hold && n === 2) return; // the held line alone: it waits, with the same context
      if (n > 0) {
        const text = context + pending.join('');
        const end = hold ? text.length - pending[n - 2]!.length - pending[n - 1]!.length : text.length;
        writeNormalized(text, context.length, end, out);
        const last = hold ? n - 4 : n - 2; // the last line written
        context = csvRowCandidate(pending[last]!) ? pending[last]! + pending[last + 1]! : '';
        firstLine += last / 2 + 1;
      }
      pending = hold ? pending.slice(n - 2) : [];
    };
    /** Writes the output of the lines of `text` in [from, to) (whole lines; the rest is their context). */
    const writeNormalized = (text: string, from: number, to: number, out: string[]): void => {
      if (!parsed.changes) {
        const o = normalizer.normalize(text, callOptions);
        if (from === 0 && to === text.length) {
          out.push(o);
          return;
        }
        // a line's output is one line (no step crosses a line break): count line breaks to find the lines written
        let s = 0;
        for (let i = text.indexOf('\n'); i >= 0 && i < from; i = text.indexOf('\n', i + 1)) s = o.indexOf('\n', s) + 1;
        let e = s;
        for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) e = o.indexOf('\n', e) + 1;
        out.push(to === text.length ? o.slice(s) : o.slice(s, e));
        return;
      }
      // each change with its line and its offsets in the line (a change never crosses a line break)
      let lineNo = firstLine - (from > 0 ? 1 : 0);
      let lineStart = 0;
      for (const c of normalizer.normalizeAligned(text, callOptions).changes()) {
        if (c.start >= to) break;
        for (let nl = text.indexOf('\n', lineStart); nl >= 0 && nl < c.start; nl = text.indexOf('\n', lineStart)) {
          lineNo++;
          lineStart = nl + 1;
        }
        if (c.start < from) continue; // the context line's, written with its own batch
        out.push(JSON.stringify({ line: lineNo, start: c.start - lineStart, end: c.end - lineStart, before: c.before, after: c.after, kind: c.kind }), '\n');
      }
    };
    const inFence = createFenceTracker();
    const handle: LineHandler = (line, eol, lineNo, out) => {
      if (inFence(line)) {
        flush(out, false);
        context = '';
        firstLine = lineNo + 1;
        if (!parsed.changes) out.push(line, eol);
        return;
      }
      if (pending.length === 0) firstLine = lineNo;
      pending.push(line, eol);
    };
    await processLines(input, io, handle, file, (out) => flush(out, true), (out) => flush(out, false), undefined, lineLimit('normalize'));
    return EXIT_OK;
  } finally {
    await fh?.close().catch(() => undefined);
  }
}

/** The half-space step is the only one that needs a resource; skip loading the model when it is off. */
function loadNormalizer(options: ResolvedOptions): Normalizer {
  if (options.halfSpace === 'keep') return createNormalizer();
  try {
    return getNormalizer();
  } catch (err) {
    if (err instanceof DabirError) throw err;
    throw new DabirError('E_RESOURCE_MISSING', `cannot load the half-space model: ${describe(err)}`, 'reinstall dabir, or use --no-half-space');
  }
}

function ioError(what: string, err: unknown, hint = ioHint(err)): DabirError {
  return new DabirError('E_IO', `${what}: ${describe(err)}`, hint);
}

/** how to fix an I/O error, by its errno code ('' when there is nothing to say) */
function ioHint(err: unknown): string {
  switch ((err as NodeJS.ErrnoException)?.code) {
    case 'ENOENT':
      return 'check the path; without FILE (or with -) the command reads standard input';
    case 'EISDIR':
      return 'give a file; for the files of a folder: cat DIR/*.txt | dabir ...';
    case 'EACCES':
    case 'EPERM':
      return 'check the permissions of the file';
    case 'ENOSPC':
    case 'EDQUOT':
      return 'the disk is full: free some space';
    default:
      return '';
  }
}

function describe(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  switch (e?.code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    default:
      return e?.message ?? String(err);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// streaming lines

/** the longest line a command that holds one line at a time takes, in UTF-16 units, and the command's name */
interface LineLimit {
  units: number;
  cmd: string;
}

/**
 * The longest line of the commands that hold a whole line (they see one line at a time; `analyze`, `tokenize`, `lemma`
 * and `ner` cut a long line themselves, and are not limited). A line without a break costs memory in its length: one
 * 50 MiB line of news text (29.0 M units, 1.8 bytes of UTF-8 each) peaked at 457 MB RSS in normalize, 475 MB in formalize, 515 MB in numbers
 * and 1,769 MB in spell (bench/long-line.ts, MB=50); a line of 2^29 units, V8's longest string, was "dabir: internal
 * error: RangeError: Invalid string length" with a stack trace. A line is E_LINE_TOO_LONG as soon as it has grown past
 * the limit: 2^27 units (128 Mi: about 240 MB of Persian UTF-8, 128 MB of ASCII; about 2.1 GB RSS at normalize's rate),
 * 2^25 for spell (32 Mi units: about 2.0 GB RSS at spell's rate). The output of the lines before it is written.
 */
export const LINE_LIMITS = {
  normalize: 2 ** 27,
  formalize: 2 ** 27,
  numbers: 2 ** 27,
  identifiers: 2 ** 27,
  dates: 2 ** 27,
  terms: 2 ** 27,
  phrases: 2 ** 27,
  spell: 2 ** 25,
  // (CoNLL-U is read a line at a time too: a line this long is no word line, but it was held whole before it was told)
  'analyze --input conllu': 2 ** 27,
} as const;

const lineLimit = (cmd: keyof typeof LINE_LIMITS): LineLimit => ({ units: LINE_LIMITS[cmd], cmd });

function lineTooLong(limit: LineLimit, lineNo: number): DabirError {
  const mib = limit.units / 2 ** 20;
  return new DabirError(
    'E_LINE_TOO_LONG',
    `line ${lineNo} is longer than ${mib} Mi characters (UTF-16 units: about ${Math.round(mib * 1.8)} MB of Persian text, ${mib} MB of ASCII) and has no line break: dabir ${limit.cmd} holds one line at a time`,
    limit.cmd === 'analyze --input conllu'
      ? 'a line of CoNLL-U is one word or one comment: check that the input is CoNLL-U (plain text is read with --input text, the default)'
      : `break the text into lines (a line break after each paragraph or sentence, e.g. sed 's/\\. /.\\n/g'); dabir analyze, tokenize, lemma and ner cut long lines themselves`,
    { line: lineNo, limit: limit.units },
  );
}

/** Appends the output for one input line (without its end of line `eol`, which is '\n', '\r\n' or '' at EOF). */
type LineHandler = (line: string, eol: string, lineNo: number, out: string[]) => void;

/** the line as it is: what a text-writing command does with a line of a fenced code block */
const AS_IS: LineHandler = (line, eol, _n, out) => void out.push(line, eol);
/** nothing: what a reporting command (changes, issues, found spans) says about a line of a fenced code block */
const NOTHING: LineHandler = () => undefined;

/**
 * `handle` for the lines outside fenced code blocks (``` or ~~~), `code` for the lines of one: code passes through
 * unchanged, as it does when the library normalizes the whole text at once (a line alone cannot show it is code).
 */
function outsideFences(handle: LineHandler, code: LineHandler): LineHandler {
  const inFence = createFenceTracker();
  return (line, eol, lineNo, out) => (inFence(line) ? code : handle)(line, eol, lineNo, out);
}

class StdoutClosed extends Error {}

/**
 * Streams `input` as UTF-8 (as UTF-16 when it opens with that encoding's byte-order mark), splits it into lines, calls `handle` for every line, and writes what the handlers append
 * to `out` after every input chunk, waiting for 'drain' when stdout pushes back, so memory stays flat however long
 * the input is. `afterChunk` runs after the lines of each chunk, before the output is written: a handler that batches
 * lines flushes there, so output still follows input piece by piece (interactive use keeps working). `atEnd` runs
 * after the last line, whether or not it ended with a line break. Both may append to `out` and may be async.
 * `partial`, when given, receives the text of an unfinished line at the end of every chunk (a handler that needs no
 * whole lines: the text of a line without a line break then arrives in pieces instead of all at once at its end).
 * `maxLine`, for a command that holds a whole line (no `partial`): a line that grows longer is E_LINE_TOO_LONG, before
 * it is held whole (see LINE_LIMITS).
 */
async function processLines(
  input: CliInput,
  io: CliIO,
  handle: LineHandler,
  file: string | undefined,
  afterChunk?: (out: string[]) => void | Promise<void>,
  atEnd?: (out: string[]) => void | Promise<void>,
  partial?: (text: string) => void,
  maxLine: LineLimit | undefined = undefined,
): Promise<void> {
  const { stdout } = io;
  let decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  const check = new Utf8Check();
  let warned = false;
  // the input's first bytes, held until there are two: a UTF-16 byte-order mark there switches the decoder (it was
  // read as UTF-8, every other byte a NUL and the mark two U+FFFD); null once decided
  let head: Uint8Array | null = new Uint8Array(0);
  let utf16 = false;
  const decode = (chunk: Uint8Array, stream: boolean): string => {
    let bytes = chunk;
    if (head !== null) {
      bytes = head.length === 0 ? chunk : Uint8Array.of(...head, ...chunk);
      if (bytes.length < 2 && stream) {
        head = bytes;
        return '';
      }
      head = null;
      const enc = utf16Encoding(bytes);
      if (enc) {
        decoder = new TextDecoder(enc, { ignoreBOM: true }); // the mark stays U+FEFF, as a UTF-8 one does
        utf16 = true;
        io.stderr.write(utf16Note(enc));
      }
    }
    const text = decoder.decode(bytes, { stream });
    if (!utf16) {
      check.update(bytes, text);
      warnIfBad();
    }
    return text;
  };
  let carry = '';
  let lineNo = 0;
  let out: string[] = [];
  let outError: unknown;
  const onError = (err?: unknown): void => {
    outError ??= err ?? new Error('stdout error');
  };
  stdout.on?.('error', onError);

  const feed = (text: string): void => {
    let start = 0;
    for (;;) {
      const nl = text.indexOf('\n', start);
      if (nl < 0) break;
      let line = text.slice(start, nl);
      if (carry.length > 0) {
        line = carry + line;
        carry = '';
      }
      let eol = '\n';
      if (line.charCodeAt(line.length - 1) === 13) {
        line = line.slice(0, -1);
        eol = '\r\n';
      }
      handle(line, eol, ++lineNo, out);
      start = nl + 1;
    }
    if (start < text.length) carry += start === 0 ? text : text.slice(start);
    if (maxLine !== undefined && carry.length > maxLine.units) throw lineTooLong(maxLine, lineNo + 1);
    if (partial && carry.length > 0) {
      partial(carry);
      carry = '';
    }
  };
  const warnIfBad = (): void => {
    if (!warned && check.invalid) {
      warned = true;
      io.stderr.write(UTF8_WARNING);
    }
  };
  const flush = async (): Promise<void> => {
    if (out.length === 0) return;
    const s = out.join('');
    out = [];
    if (outError) throw new StdoutClosed();
    const ok = stdout.write(s);
    if (!ok) await waitDrain(stdout);
    if (outError) throw new StdoutClosed();
  };

  try {
    const it = input[Symbol.asyncIterator]();
    try {
      for (;;) {
        let r: IteratorResult<Uint8Array | string>;
        try {
          r = await it.next();
        } catch (err) {
          throw ioError(file === undefined ? 'cannot read standard input' : `cannot read ${JSON.stringify(file)}`, err);
        }
        if (r.done) break;
        const chunk = r.value;
        let text: string;
        if (typeof chunk === 'string') text = chunk;
        else text = decode(chunk, true);
        feed(text);
        await afterChunk?.(out);
        await flush();
      }
    } catch (err) {
      await it.return?.()?.catch(() => undefined); // stop (and close) the input when we stop early
      throw err;
    }
    feed(decode(new Uint8Array(0), false));
    if (carry.length > 0) {
      const line = carry;
      carry = '';
      handle(line, '', ++lineNo, out);
    }
    await atEnd?.(out);
    await flush();
  } catch (err) {
    if (!(err instanceof StdoutClosed)) throw err;
    // a closed pipe (`dabir normalize big.txt | head`) is a normal way to stop; other write errors are failures
    if ((outError as NodeJS.ErrnoException)?.code !== 'EPIPE') throw ioError('cannot write standard output', outError);
  } finally {
    stdout.off?.('error', onError);
  }
}

function waitDrain(stream: CliOutput): Promise<void> {
  if (!stream.on) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      stream.off?.('drain', done);
      stream.off?.('error', done);
      stream.off?.('close', done);
      resolve();
    };
    stream.on!('drain', done);
    stream.on!('error', done);
    stream.on!('close', done);
  });
}

/**
 * Detects replaced bytes of a non-fatal streaming UTF-8 decode: every U+FFFD in the output is either a literal
 * EF BF BD in the input (counted where its last byte arrives, which is also the chunk whose output holds it) or a
 * replacement. The input was invalid as soon as there are more U+FFFDs out than literal ones in.
 */
export class Utf8Check {
  private b1 = -1; // last two bytes seen (b2 is the last)
  private b2 = -1;
  private literal = 0;
  private replaced = 0;

  get invalid(): boolean {
    return this.replaced > this.literal;
  }

  update(bytes: Uint8Array, decoded: string): void {
    let i = decoded.indexOf('\uFFFD');
    if (i >= 0) {
      for (; i >= 0; i = decoded.indexOf('\uFFFD', i + 1)) this.replaced++;
      // literal EF BF BD sequences ending in this chunk (they may start in the last two bytes of the previous one)
      const at = (k: number): number => (k >= 0 ? bytes[k]! : k === -1 ? this.b2 : this.b1);
      for (let k = 0; k < bytes.length; k++) {
        if (bytes[k] === 0xbd && at(k - 1) === 0xbf && at(k - 2) === 0xef) this.literal++;
      }
    }
    const n = bytes.length;
    if (n >= 2) {
      this.b1 = bytes[n - 2]!;
      this.b2 = bytes[n - 1]!;
    } else if (n === 1) {
      this.b1 = this.b2;
      this.b2 = bytes[0]!;
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// analyze, tokenize, lemma

function analyzeHelp(cmd: 'analyze' | 'tokenize' | 'lemma' | 'ner' = 'analyze'): string {
  const what =
    cmd === 'analyze'
      ? `Analyses raw Persian text: normalization, sentences, tokens, syntactic words (clitics split as in UD),
lemmas, and part-of-speech tags and dependency trees when those components are installed. Offsets in the output
(TokenRange=start:end in CoNLL-U, start/end in JSON) are UTF-16 offsets into the input.`
      : cmd === 'tokenize'
        ? `Splits raw Persian text into sentences (one per output line) and tokens (separated by spaces). Tokens are
printed in their corrected spelling; --original prints them as written.`
        : cmd === 'ner'
          ? `Finds named entities: PER (person), LOC (place), ORG (organization), NAT (nationality), EVE (event), POG
(political or other group). Prints one line per entity: TYPE, start, end (UTF-16 offsets into the input) and the
entity as written, separated by tabs. The model is trained on Persian tweets (ParsTwiNER).`
          : `Prints every sentence on one line with each syntactic word replaced by its lemma.`;
  return `Usage: dabir ${cmd} [options] [FILE]

${what}
Reads FILE (standard input when FILE is missing or "-") as UTF-8 and streams the result to standard output.

Options:
${
  cmd === 'analyze'
    ? `  --format conllu|json|jsonl|text   output format [default: conllu]; json is one array of sentences, jsonl one
                                    sentence per line, text one line per sentence of form/lemma/UPOS
  --input text|conllu               text: raw text [default]; conllu: already tokenized CoNLL-U whose sentences,
                                    tokens and words are kept exactly while the other columns are filled in
  --components LIST                 comma-separated components [default: ${availableComponents().join(',')}]
  --score                           with --input conllu: blank the annotation columns, annotate, and print the
                                    CoNLL 2018 scores (UPOS, XPOS, UFeats, Lemmas, UAS, LAS, ...) against the input
                                    instead of the output
`
    : cmd === 'tokenize'
      ? `  --original                        print tokens as written in the input instead of corrected
`
      : ''
}  --scheme auto|perdt|seraji|iperudt
                                    treebank conventions to follow [default: auto]: auto reads each paragraph (line)
                                    by its register: iperudt's words, tags and lemmas where it is colloquial (یه,
                                    میکنه, ...), perdt's elsewhere, verb lemmas as past stems throughout; perdt,
                                    seraji (its tags and lemmas) or iperudt (informal: clitic splits خونمون = خون +
                                    مون, tags, past#present lemmas) for one treebank's conventions everywhere
  --no-normalize                    analyse the text as it is, without the normalizer
  --threads N|auto                  analyse raw text on N worker threads (auto: one per core) [default: 1]; the
                                    output is the same, in the same order; each thread loads its own models
${
  cmd === 'analyze'
    ? `  --beam K                          the parser's beam width: 1 parses greedily [default]; 4 is 0.4 (PerDT) to 0.8
                                    (iPerUDT) LAS more accurate on validation with predicted tags, and about half as fast
`
    : ''
}  -h, --help                        show this help
`;
}

const ANALYZE_ARGS: ArgSpec = {
  format: { type: 'string' },
  input: { type: 'string' },
  components: { type: 'string' },
  scheme: { type: 'string' },
  original: { type: 'boolean' },
  'no-normalize': { type: 'boolean' },
  score: { type: 'boolean' },
  threads: { type: 'string' },
  beam: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
};

/** --threads: a whole number of worker threads, or "auto" (one per core the process may use) */
function parseThreads(value: string | undefined): number {
  if (value === undefined) return 1;
  if (value === 'auto') return Math.max(1, availableParallelism());
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new DabirError('E_BAD_OPTION', `--threads cannot be ${JSON.stringify(value)}`, 'use a whole number from 1 to 64, or auto');
  return n;
}

/** CoNLL-U blocks annotated together (`--input conllu`) */
const CONLLU_BATCH = 64;

async function runAnalyze(args: string[], io: CliIO, cmd: 'analyze' | 'tokenize' | 'lemma' | 'ner'): Promise<number> {
  const { values, positionals } = parseOrUsage(args, ANALYZE_ARGS, cmd, true);
  const v = values as Record<string, string | boolean | undefined>;
  if (v.help) return print(io, analyzeHelp(cmd));
  if (cmd !== 'analyze') {
    // (--beam was in the help of tokenize, lemma and ner, which never run the parser: always an error)
    // (--score said it "needs dabir analyze --input conllu", where the others said whose option they are)
    for (const k of ['format', 'input', 'components', 'beam', 'score']) {
      if (v[k] !== undefined) throw new DabirError('E_USAGE', `--${k} is an option of "dabir analyze"`, usageHint(cmd));
    }
  }
  if (cmd !== 'tokenize' && v.original) throw new DabirError('E_USAGE', '--original is an option of "dabir tokenize"', usageHint(cmd));
  const format = (v.format ?? 'conllu') as Format;
  if (!FORMATS.includes(format)) throw new DabirError('E_BAD_OPTION', `--format cannot be ${JSON.stringify(v.format)}`, `use one of: ${FORMATS.join(', ')}`);
  const inputKind = v.input ?? 'text';
  if (inputKind !== 'text' && inputKind !== 'conllu') throw new DabirError('E_BAD_OPTION', `--input cannot be ${JSON.stringify(inputKind)}`, 'use one of: text, conllu');
  if (v.score && (cmd !== 'analyze' || inputKind !== 'conllu')) throw new DabirError('E_USAGE', '--score needs "dabir analyze --input conllu" (gold CoNLL-U to score against)', usageHint(cmd));
  // (--format was ignored: the scores are a table whatever it says)
  if (v.score && v.format !== undefined) throw new DabirError('E_USAGE', '--score prints the scores as a table: --format does not apply', usageHint(cmd));
  if (positionals.length > 1) throw new DabirError('E_USAGE', `expected at most one FILE, got ${positionals.length}`, usageHint(cmd));
  const file = positionals[0] === '-' ? undefined : positionals[0];

  let components: string[];
  if (typeof v.components === 'string') components = v.components.split(',').map((c) => c.trim()).filter(Boolean);
  else if (cmd === 'tokenize') components = ['normalizer', 'tokenizer'];
  else if (cmd === 'ner') components = ['normalizer', 'tokenizer', 'ner'];
  // lemmas read the tags, not the tree or the entities: the parser and the recognizer would run for nothing
  else if (cmd === 'lemma') components = availableComponents().filter((c) => c !== 'parser' && c !== 'ner');
  else components = availableComponents();
  if (components.includes('spell')) {
    // its issues belong to the text, not to a sentence: the per-sentence outputs have no place for them
    throw new DabirError('E_USAGE', `the spell component has no output in "dabir ${cmd}"`, 'use "dabir spell" (it reads chat lines in the colloquial register by itself: --register auto)');
  }
  if (v['no-normalize'] || inputKind === 'conllu') components = components.filter((c) => c !== 'normalizer');
  if (cmd === 'lemma' && !components.includes('lemmatizer')) components.push('lemmatizer');
  const scheme = (typeof v.scheme === 'string' ? v.scheme : 'auto') as PipelineScheme | 'auto';
  if (!(PIPELINE_SCHEME_CHOICES as readonly string[]).includes(scheme)) {
    throw new DabirError('E_BAD_OPTION', `--scheme cannot be ${JSON.stringify(scheme)}`, `use one of: ${PIPELINE_SCHEME_CHOICES.join(', ')}`);
  }
  const threads = parseThreads(typeof v.threads === 'string' ? v.threads : undefined);
  let beam: number | undefined;
  if (v.beam !== undefined) {
    if (typeof v.beam !== 'string' || !/^\d+$/.test(v.beam) || Number(v.beam) < 1 || Number(v.beam) > 64) throw new DabirError('E_BAD_OPTION', `--beam cannot be ${JSON.stringify(v.beam)}`, 'give a whole number from 1 (greedy) to 64, e.g. --beam 4');
    // (as the library's createPipeline and the HTTP service say it: E_BAD_OPTION naming the component; exit 2)
    if (!components.includes('parser')) throw new DabirError('E_BAD_OPTION', `--beam is an option of the parser, which is not in the pipeline (components: ${components.join(', ')})`, 'add "parser" to --components, or leave --beam out');
    beam = Number(v.beam);
  }
  const options = beam !== undefined ? { parser: { beam } } : undefined;
  const mode: Mode = cmd === 'analyze' ? format : cmd;
  const original = v.original === true;
  // raw text on several threads: the pipeline is built in each worker (src/cli/threads.ts)
  if (threads > 1 && inputKind === 'text') return analyzeInThreads(io, file, threads, { components, scheme, mode, original, ...(options ? { options } : {}) });
  const pipeline = createPipeline({ components, scheme, ...(options ? { options } : {}) });

  const { input, fh } = await openInput(file, io);
  const writer = new SentenceWriter(mode);
  const emit = (sentences: Sentence[], out: string[]): void => {
    for (const s of sentences) writer.push(formatSentence(s, mode, original), out);
  };
  try {
    if (inputKind === 'conllu') {
      // CoNLL-U: one sentence block at a time (blank line terminated)
      let block: string[] = [];
      // --score: the gold blocks and the annotated sentences are kept to be scored at the end
      const gold: string[] = [];
      const system: Sentence[] = [];
      // blocks are annotated CONLLU_BATCH at a time, as one document: scheme auto reads the register of the batch
      // (a chat text dense with colloquial markers is colloquial in every sentence); a block without "# sent_id" is
      // numbered in input order
      let batch: string[] = [];
      let seq = 0;
      const flushBatch = (out: string[]): void => {
        if (batch.length === 0) return;
        const sentences: Sentence[] = [];
        for (const text of batch) {
          const named = /^#\s*sent_id\s*=/m.test(text);
          for (const s of readConllu(text).sentences) {
            seq++;
            if (!named) s.id = String(seq);
            sentences.push(s);
          }
        }
        const doc = new Doc('', sentences);
        if (v.score) {
          for (const w of doc.words) w.lemma = w.upos = w.xpos = w.feats = w.head = w.deprel = w.deps = undefined;
          pipeline.annotate(doc);
          gold.push(...batch);
          system.push(...doc.sentences);
        } else {
          pipeline.annotate(doc);
          emit(doc.sentences, out);
        }
        batch = [];
      };
      const flushBlock = (out: string[]): void => {
        if (block.some((l) => l.trim() !== '')) batch.push(block.join('\n') + '\n');
        block = [];
        if (batch.length >= CONLLU_BATCH) flushBatch(out);
      };
      // the end of the input ends the last block, blank line or not
      await processLines(input, io, (line, _eol, n, out) => {
        if (line.trim() === '') flushBlock(out);
        else {
          // a line that is neither a comment nor a word line is an error, not a word silently lost
          if (badConlluLine(line) > 0) throw badConlluError(n, line);
          block.push(line);
        }
      }, file, undefined, (out) => {
        flushBlock(out);
        flushBatch(out);
      }, undefined, lineLimit('analyze --input conllu'));
      if (v.score) {
        const scores = evaluate(gold.join('\n'), new Doc('', system), { strict: false });
        if (!scores.ok) throw new DabirError('E_BAD_INPUT', `cannot score: ${scores.error}`, 'give gold CoNLL-U with every column the components fill');
        io.stdout.write(`${formatScores(scores)}\n`);
        return EXIT_OK;
      }
    } else {
      // the lines of each piece of input read are analysed together (one pipeline call, not one per line: same
      // sentences, offsets and ids, since the stream cuts at line breaks anyway)
      const stream = createSentenceStream(pipeline);
      let pending: string[] = []; // lines and their ends, alternately
      const push = (out: string[]): void => {
        // in pieces of about ANALYSE_PIECE units ending at a line end, each analysed and formatted before the next:
        // fewer objects alive at a time, so V8's young-generation collections copy less (a 64 KB read at once holds
        // ~1,000 sentences); the output is the same, since the stream cuts at line breaks anyway
        let from = 0;
        let size = 0;
        for (let i = 0; i < pending.length; i++) {
          const part = pending[i]!;
          if (part.length > ANALYSE_PIECE) {
            // a line longer than a piece goes in slices (the stream takes any chunks, and cuts over-long lines itself)
            if (from < i) emit(stream.push(pending.slice(from, i).join('')), out);
            for (let a = 0; a < part.length; a += ANALYSE_PIECE) emit(stream.push(part.slice(a, a + ANALYSE_PIECE)), out);
            from = i + 1;
            size = 0;
            continue;
          }
          size += part.length;
          if (size >= ANALYSE_PIECE && i & 1 && pending[i] !== '') {
            emit(stream.push(pending.slice(from, i + 1).join('')), out);
            from = i + 1;
            size = 0;
          }
        }
        if (from < pending.length) emit(stream.push(pending.slice(from).join('')), out);
        pending = [];
      };
      // the end of the input ends the stream (also when the last line has its line break: an unclosed ``` fence
      // holds its text back until then)
      // (an unfinished line goes to the stream at the end of each chunk too: a long text without line breaks is
      // analysed and written piece by piece, in bounded memory, not held until its end)
      await processLines(
        input,
        io,
        (line, eol, _n, out) => pending.push(line, eol),
        file,
        push,
        (out) => {
          push(out);
          emit(stream.end(), out);
        },
        (text) => pending.push(text, ''),
      );
    }
    const end = writer.end();
    if (end) io.stdout.write(end);
    return EXIT_OK;
  } finally {
    await fh?.close().catch(() => undefined);
  }
}

/** `dabir analyze --threads N` on raw text: same output as one thread (see src/cli/threads.ts). */
async function analyzeInThreads(io: CliIO, file: string | undefined, threads: number, init: WorkerInit): Promise<number> {
  const analyzer = new ThreadedAnalyzer(threads, init);
  try {
    // the models load in the workers while the input is opened; an unknown component or option fails here
    const { input, fh } = await openInput(file, io);
    try {
      await analyzer.ready;
      const pending: string[] = [];
      const take = (): string => {
        const t = pending.join('');
        pending.length = 0;
        return t;
      };
      // (an unfinished line goes too: see analyze on one thread)
      await processLines(
        input,
        io,
        (line, eol) => pending.push(line, eol),
        file,
        (out) => analyzer.push(take(), out),
        async (out) => {
          await analyzer.push(take(), out);
          await analyzer.end(out);
        },
        (text) => pending.push(text),
      );
      return EXIT_OK;
    } finally {
      await fh?.close().catch(() => undefined);
    }
  } finally {
    await analyzer.close();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// spell

function spellHelp(): string {
  return `Usage: dabir spell [options] [FILE]

Checks the spelling of Persian text line by line: non-words (کطاب → کتاب), real-word errors found from context
(برخواست/برخاست) and style variants (تاکید → تأکید). Latin words, numbers, URLs and code are never flagged, nor
is an unknown word written twice in the document without a strong correction (a name, a term): a FILE is counted
first, standard input as it is read (such a word is then flagged at most on its first line).
Reads FILE (standard input when FILE is missing or "-") as UTF-8 and streams the result to standard output.

Options:
  --format text|json   text: one issue per line, "LINE:START-END KIND WORD → SUGGESTIONS" [default]
                       json: one JSON object per issue and line: {"line","start","end","text","kind",
                       "suggestions":[{"text","score"}],"confidence"}; start/end are UTF-16 offsets into the line
  --fix                print the text with the confident corrections applied, one output line per input line
  --kinds LIST         comma-separated kinds to report: non-word,real-word,style [default: all]
  --dict FILE          user dictionary: one word per line (never flagged, offered as corrections)
  --register auto|formal|informal
                       informal: colloquial spellings of known words are not flagged (کنه, می‌شن, چیزا,
                       خودتون, قراره); formal: they are; auto: informal on the lines that read as
                       colloquial (یه, میکنه, ...), formal on the others [default: auto]
  -h, --help           show this help

Examples:
  dabir spell essay.txt
  dabir spell --register formal essay.txt
  echo 'او از جایش برخواست' | dabir spell --format json
  dabir spell --fix --dict names.txt essay.txt > essay.fixed.txt
`;
}

const SPELL_ARGS: ArgSpec = {
  format: { type: 'string' },
  fix: { type: 'boolean' },
  kinds: { type: 'string' },
  dict: { type: 'string' },
  register: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
};

function formalizeHelp(): string {
  return `Usage: dabir formalize [options] [FILE]

Rewrites colloquial Persian (chat, blogs, subtitles) in the formal written register, word by word: verbs (میخوام →
می‌خواهم, میشه → می‌شود, بذار → بگذار), clitics and chat plurals (خونمون → خانه‌مان, چیزا → چیزها), the object marker
(رو → را, کتابو → کتاب را), the copula at the end of a clause (خوبه. → خوب است.) and common words (یه → یک,
اون → آن). Wording and word order are kept. The text is normalized first (letters, digits, spacing, half-spaces).
Reads FILE (standard input when FILE is missing or "-") and writes exactly one output line per input line.

Options:
  --register informal|auto   informal: rewrite every line [default]; auto: only the lines that read as colloquial
                             (formal paragraphs of a mixed text stay exactly as written)
  --no-normalize             do not normalize first
  --changes                  print the rewritten words as JSON lines (line, start, end, before, after) instead
  -h, --help                 show this help
`;
}

const FORMALIZE_ARGS: ArgSpec = {
  register: { type: 'string' },
  'no-normalize': { type: 'boolean' },
  changes: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
};

async function runFormalize(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseOrUsage(args, FORMALIZE_ARGS, 'formalize', true);
  const v = values as Record<string, string | boolean | undefined>;
  if (v.help) return print(io, formalizeHelp());
  const register = v.register ?? 'informal';
  if (register !== 'informal' && register !== 'auto') throw new DabirError('E_BAD_OPTION', `--register cannot be ${JSON.stringify(register)}`, 'use one of: informal, auto');
  if (positionals.length > 1) throw new DabirError('E_USAGE', `expected at most one FILE, got ${positionals.length}`, usageHint('formalize'));
  const file = positionals[0] === '-' ? undefined : positionals[0];
  const { input, fh } = await openInput(file, io);
  try {
    const normalizer = v['no-normalize'] ? undefined : loadNormalizer(resolveOptions(undefined));
    const formalizer = getFormalizer();
    const o = { register } as const;
    const handle: LineHandler = outsideFences((line, eol, lineNo, out) => {
      if (!v.changes) {
        out.push(normalizer ? normalizeFormalize(formalizer, normalizer, line, { formalize: o }) : formalizer.formalize(line, o), eol);
        return;
      }
      const a = normalizer ? normalizeFormalizeAligned(formalizer, normalizer, line, { formalize: o }) : formalizer.formalizeAligned(line, o);
      for (const c of a.changes()) {
        if (c.kinds.includes('register')) out.push(JSON.stringify({ line: lineNo, start: c.start, end: c.end, before: c.before, after: c.after }), '\n');
      }
    }, v.changes ? NOTHING : AS_IS);
    await processLines(input, io, handle, file, undefined, undefined, undefined, lineLimit('formalize'));
    return EXIT_OK;
  } finally {
    await fh?.close().catch(() => undefined);
  }
}

function termsHelp(): string {
  return `Usage: dabir terms [options] [FILE]

The search terms of each line, separated by spaces, exactly one output line per input line: what a search index
should store for Persian text, and what a query should become, so that spellings and inflections of one word meet
(کتاب‌هایشان, كتابهايشان and کتاب all give کتاب; می‌خواهند and نمی‌خواستم give خواست). A term is the lemma of a word,
folded (Persian letters, hamza seats and alef madda folded, no diacritics or ZWNJ, ASCII digits, lower-case Latin);
stopwords, punctuation and clitics give none. Reads FILE (standard input when FILE is missing or "-").

Options:
  --keep-stopwords   keep the stopwords (از, به, که, است, ...)
  --forms            the folded word forms instead of their lemmas
  -h, --help         show this help
`;
}

const TERMS_ARGS: ArgSpec = {
  'keep-stopwords': { type: 'boolean' },
  forms: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
};

async function runTerms(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseOrUsage(args, TERMS_ARGS, 'terms', true);
  const v = values as Record<string, string | boolean | undefined>;
  if (v.help) return print(io, termsHelp());
  if (positionals.length > 1) throw new DabirError('E_USAGE', `expected at most one FILE, got ${positionals.length}`, usageHint('terms'));
  const file = positionals[0] === '-' ? undefined : positionals[0];
  const o = { stopwords: !v['keep-stopwords'], lemmas: !v.forms };
  await eachLine(file, io, (line, eol, _lineNo, out) => {
    // a piece of the line at a time (a line of millions of characters is never analysed, nor its terms held, whole)
    let sep = '';
    for (const terms of searchTermsPieces(line, o)) {
      if (terms.length === 0) continue;
      out.push(sep, terms.map((t) => t.term).join(' '));
      sep = ' ';
    }
    out.push(eol);
  }, lineLimit('terms'));
  return EXIT_OK;
}

function keywordsHelp(): string {
  return `Usage: dabir keywords [options] [FILE]

The keywords of the whole input, best first, one per line: score (1 for the best), occurrences, and the keyword in
its base form (its words' lemmas, correctly written: نرم‌افزار for نرم افزارهای). Candidates are nouns, names and
adjectives and the noun phrases they make (بانک مرکزی, سازمان ملل متحد; up to --max-words words), keyed by their
lemmas (نرخ‌های ارز and نرخ ارز are one) and ranked by occurrences × IDF against the sentences of the treebank text.
Reads FILE (standard input when FILE is missing or "-").

Options:
  -n N               how many [default: 10]
  --max-words N      the longest phrase [default: 3]
  --format text|json text: score, count, base form, tab-separated [default]; json: one JSON line each (phrase:
                     the first occurrence as written, form: as corrected, lemma: the base form, key, score,
                     count, spans: offsets into the input)
  -h, --help         show this help
`;
}

const KEYWORDS_ARGS: ArgSpec = {
  n: { type: 'string', short: 'n' },
  'max-words': { type: 'string' },
  format: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
};

async function runKeywords(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseOrUsage(args, KEYWORDS_ARGS, 'keywords', true);
  const v = values as Record<string, string | boolean | undefined>;
  if (v.help) return print(io, keywordsHelp());
  const whole = (name: string, x: string | boolean | undefined, fallback: number, min: number): number => {
    if (x === undefined) return fallback;
    if (typeof x !== 'string' || !/^\d+$/.test(x) || Number(x) < min) throw new DabirError('E_BAD_OPTION', `${name.length === 1 ? '-' : '--'}${name} cannot be ${JSON.stringify(x)}`, `give a whole number of ${min} or more`);
    return Number(x);
  };
  const n = whole('n', v.n, 10, 0);
  const maxWords = whole('max-words', v['max-words'], 3, 1);
  const format = textOrJson(v.format);
  if (positionals.length > 1) throw new DabirError('E_USAGE', `expected at most one FILE, got ${positionals.length}`, usageHint('keywords'));
  const file = positionals[0] === '-' ? undefined : positionals[0];
  const text = await readAllText(file, io);
  const out: string[] = [];
  for (const k of keywords(text, { n, maxWords })) out.push(format === 'json' ? JSON.stringify(k) : `${k.score}\t${k.count}\t${k.lemma.replace(/[\t\n\r]+/g, ' ')}`);
  return print(io, out.length ? out.join('\n') + '\n' : '');
}

function phrasesHelp(): string {
  return `Usage: dabir phrases [options] [FILE]

The phrases of each line, read off its dependency parse: base noun phrases (NP: a noun, name, pronoun or number with
its adjectives, ezafe and possessive modifiers, determiners and numbers; not its preposition or را) and verb groups
(VP: a verb with its auxiliaries and the non-verbal part of a light verb, استفاده کرده بودند; a copula with its
auxiliaries). Reads FILE (standard input when FILE is missing or "-").

Options:
  --types NP,VP            which kinds [default: both]
  --format text|json       text: each line with its phrases in brackets, [NP ...] and [VP ...] (a verb group whose
                           words are apart is bracketed piece by piece) [default]; json: one JSON line per phrase
                           (line, type, start, end: offsets into the line, text, pieces, words, head, lemma: for a VP the
                           compound verb's, استفاده کرد)
  -h, --help               show this help

Example:
  echo 'دانشجویان دانشگاه تهران از این روش استفاده کرده بودند.' | dabir phrases
`;
}

const PHRASES_ARGS: ArgSpec = {
  types: { type: 'string' },
  format: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
};

/**
 * Appends `line` with its phrases in brackets to `out`; a verb group's words that are apart are bracketed piece by
 * piece. `pieces`: the phrases of consecutive pieces of the line, in order (phrasesPieces), each bracketed as it comes.
 */
function bracketPhrases(line: string, pieces: Iterable<Phrase[]>, out: string[]): void {
  // the text between the places a bracket goes, copied a slice at a time (a string built a character at a time held
  // a rope of one node per character until it was written: hundreds of MB for a line of millions)
  let from = 0;
  for (const found of pieces) {
    const opens = new Map<number, string[]>();
    const closes = new Map<number, number>();
    for (const p of found) {
      for (const { start: a, end: b } of p.pieces) {
        const o = opens.get(a) ?? [];
        o.push(p.type);
        opens.set(a, o);
        closes.set(b, (closes.get(b) ?? 0) + 1);
      }
    }
    // (a piece's phrases lie after the previous piece's: a place both close and open is closed by the one, opened by
    // the next, in that order, as when the line is bracketed whole)
    const places = [...new Set([...opens.keys(), ...closes.keys()])].filter((i) => i >= from && i <= line.length).sort((a, b) => a - b);
    for (const i of places) {
      out.push(line.slice(from, i));
      from = i;
      const c = closes.get(i);
      if (c) out.push(']'.repeat(c));
      const o = opens.get(i);
      if (o) for (const t of o) out.push(`[${t} `);
    }
  }
  out.push(line.slice(from));
}

async function runPhrases(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseOrUsage(args, PHRASES_ARGS, 'phrases', true);
  const v = values as Record<string, string | boolean | undefined>;
  if (v.help) return print(io, phrasesHelp());
  const format = textOrJson(v.format);
  const types = listOption(v.types, 'types', PHRASE_TYPES, (t) => t.toUpperCase());
  if (positionals.length > 1) throw new DabirError('E_USAGE', `expected at most one FILE, got ${positionals.length}`, usageHint('phrases'));
  const file = positionals[0] === '-' ? undefined : positionals[0];
  await eachLine(file, io, (line, eol, lineNo, out) => {
    // a piece of the line at a time (a line of millions of characters is never analysed, nor its phrases held, whole)
    const found = phrasesPieces(line, types ? { types } : {});
    if (format === 'json') {
      for (const part of found) {
        for (const p of part) out.push(JSON.stringify({ line: lineNo, type: p.type, start: p.start, end: p.end, text: p.text, pieces: p.pieces, words: p.words, head: p.head, lemma: p.lemma }), '\n');
      }
      return;
    }
    bracketPhrases(line, found, out);
    out.push(eol);
  }, lineLimit('phrases'));
  return EXIT_OK;
}

function identifiersHelp(): string {
  return `Usage: dabir identifiers [options] [FILE]

Prints the identifiers of each line as JSON lines (line, type, start, end: offsets into the line, text, value: the
canonical form in Latin digits, valid: its checksum holds, bank, operator): Iranian mobile numbers (۰۹۱۲ ۱۲۳ ۴۵۶۷,
+98 912 ...) with the operator, landlines with a province code (۰۲۱-۸۸۷۷۶۶۵۵), bank card numbers (Luhn) and IBANs
(شبا, IR + 24 digits, mod 97) with the bank, national ids (کد ملی, check digit), postal codes (after «کد پستی»),
e-mail addresses and URLs. Digits of any script; groups apart by spaces or hyphens. With --redact, prints each line
with its identifiers masked instead. Reads FILE (standard input when FILE is missing or "-").

Options:
  --types LIST           which kinds, comma-separated: ${IDENTIFIER_TYPES.join(', ')} [default: all]
  --redact               print the text with the identifiers masked (• for each letter and digit, length kept)
  --with mask|type       with --redact: mask them, or write [type] instead [default: mask]
  --keep-last N          with --redact: leave the last N digits of each number visible [default: 0]
  -h, --help             show this help

Examples:
  echo 'شماره من ۰۹۱۲۱۲۳۴۵۶۷ است' | dabir identifiers
  dabir identifiers --redact --keep-last 4 support-tickets.txt
`;
}

const IDENTIFIERS_ARGS: ArgSpec = {
  types: { type: 'string' },
  redact: { type: 'boolean' },
  with: { type: 'string' },
  'keep-last': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
};

async function runIdentifiers(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseOrUsage(args, IDENTIFIERS_ARGS, 'identifiers', true);
  const v = values as Record<string, string | boolean | undefined>;
  if (v.help) return print(io, identifiersHelp());
  const types = listOption(v.types, 'types', IDENTIFIER_TYPES);
  const how = v.with ?? 'mask';
  if (how !== 'mask' && how !== 'type') throw new DabirError('E_BAD_OPTION', `--with cannot be ${JSON.stringify(how)}`, 'use one of: mask, type');
  const keepLast = v['keep-last'];
  if (keepLast !== undefined && (typeof keepLast !== 'string' || !/^\d+$/.test(keepLast))) throw new DabirError('E_BAD_OPTION', `--keep-last cannot be ${JSON.stringify(keepLast)}`, 'give a whole number of 0 or more');
  if (!v.redact && (v.with !== undefined || keepLast !== undefined)) throw new DabirError('E_USAGE', '--with and --keep-last go with --redact', usageHint('identifiers'));
  if (positionals.length > 1) throw new DabirError('E_USAGE', `expected at most one FILE, got ${positionals.length}`, usageHint('identifiers'));
  const file = positionals[0] === '-' ? undefined : positionals[0];
  const o = types ? { types } : {};
  await eachLine(file, io, (line, eol, lineNo, out) => {
    if (v.redact) {
      out.push(redactIdentifiers(line, { ...o, with: how, keepLast: Number(keepLast ?? 0) }), eol);
      return;
    }
    for (const id of findIdentifiers(line, o)) out.push(JSON.stringify({ line: lineNo, ...id }), '\n');
  }, lineLimit('identifiers'));
  return EXIT_OK;
}

function datesHelp(): string {
  return `Usage: dabir dates [FILE]
       dabir dates --convert Y/M/D [--from jalali|gregorian]

Prints the date expressions of each line as JSON lines (line, start, end, text, calendar, year, month, day, weekday,
jalali, iso): a month name with a day before it and/or a year after it, in digits or words («۱۵ فروردین ۱۴۰۲»,
«پانزدهم خرداد ماه ۱۴۰۲ هجری شمسی», «اسفند ۱۴۰۱», «۲۰ مارس ۲۰۲۴», «۱۰ محرم»), and numeric dates with a four-digit
year (۱۴۰۲/۰۱/۱۵, 2024-03-20). A full Jalali or Gregorian date gets both calendars' dates (iso: the Gregorian one).
Reads FILE (standard input when FILE is missing or "-").

Options:
  --convert Y/M/D            print the date in the other calendar and exit (digits of any script; / - or . between)
  --from jalali|gregorian    the calendar of --convert's date [default: jalali when the year is below 1600]
  -h, --help                 show this help

Examples:
  echo 'جلسه روز سه‌شنبه ۲۲ بهمن ۱۴۰۲ برگزار شد' | dabir dates
  dabir dates --convert 1403/1/1
`;
}

const DATES_ARGS: ArgSpec = {
  convert: { type: 'string' },
  from: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
};

async function runDates(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseOrUsage(args, DATES_ARGS, 'dates', true);
  const v = values as Record<string, string | boolean | undefined>;
  if (v.help) return print(io, datesHelp());
  if (typeof v.convert === 'string') {
    if (positionals.length > 0) throw new DabirError('E_USAGE', '--convert takes no FILE', usageHint('dates'));
    const parts = v.convert.replace(/[\u06f0-\u06f9]/g, (c) => String(c.charCodeAt(0) - 0x06f0)).replace(/[\u0660-\u0669]/g, (c) => String(c.charCodeAt(0) - 0x0660)).split(/[/.-]/);
    if (parts.length !== 3 || parts.some((p) => !/^\d{1,4}$/.test(p))) throw new DabirError('E_USAGE', `--convert cannot read ${JSON.stringify(v.convert)}`, 'write the date as year/month/day, e.g. 1403/1/1 or 2024-03-20');
    const [y, m, d] = parts.map(Number) as [number, number, number];
    const from = v.from ?? (y < 1600 ? 'jalali' : 'gregorian');
    if (from !== 'jalali' && from !== 'gregorian') throw new DabirError('E_BAD_OPTION', `--from cannot be ${JSON.stringify(from)}`, 'use one of: jalali, gregorian');
    if (from === 'jalali') {
      const g = jalaliToGregorian(y, m, d);
      return print(io, `${g.year}-${String(g.month).padStart(2, '0')}-${String(g.day).padStart(2, '0')}\n`);
    }
    const j = gregorianToJalali(y, m, d);
    return print(io, `${formatJalali(j, { style: 'numeric', digits: 'latin' })}\t${formatJalali(j, { weekday: true })}\n`);
  }
  if (v.from !== undefined) throw new DabirError('E_USAGE', '--from goes with --convert', usageHint('dates'));
  if (positionals.length > 1) throw new DabirError('E_USAGE', `expected at most one FILE, got ${positionals.length}`, usageHint('dates'));
  const file = positionals[0] === '-' ? undefined : positionals[0];
  // (not the lines of a fenced code block, where findDates on the whole text finds none: as dabir numbers --list)
  await eachLine(
    file,
    io,
    outsideFences((line, _eol, lineNo, out) => {
      for (const d of findDates(line)) out.push(JSON.stringify({ line: lineNo, ...d }), '\n');
    }, NOTHING),
    lineLimit('dates'),
  );
  return EXIT_OK;
}

function numbersHelp(): string {
  return `Usage: dabir numbers [options] [FILE]
       dabir numbers --say NUMBER [--form cardinal|ordinal|ordinal-attributive] [--decimal fraction|point]

Rewrites the numbers of Persian text, everything else unchanged. Reads FILE (standard input when FILE is missing or
"-") and writes exactly one output line per input line.
  --to digits   number phrases in words become digits: سه هزار و پانصد تومان → ۳۵۰۰ تومان, دو و نیم میلیون → ۲۵۰۰۰۰۰
                (a lone یک/یه/یکی, usually "a" or "one of", approximate ranges such as دو سه روز and ranges with
                one scale word, ۲۰ تا ۳۰ میلیون, stay as written)
  --to words    digit strings that stand alone as quantities become words: ۲۵ نفر → بیست و پنج نفر, ۱۲٪ → دوازده
                درصد (dates, times, versions, phone numbers, codes of 13 digits or more and numbers in or after
                Latin words stay as written)

Options:
  --to digits|words          [default: digits]
  --digits fa|latin          the digits --to digits writes [default: fa]
  --ordinals                 --to digits also writes ordinals as digits (بیست و یکم → ۲۱م, سومین → ۳مین)
  --list                     print every number phrase as a JSON line (line, start, end, text, digits, form) instead
  --say NUMBER               print NUMBER in words and exit (digits of any script, sign, separators, decimal point)
  --form cardinal|ordinal|ordinal-attributive   with --say: سه / سوم / سومین [default: cardinal]
  --decimal fraction|point   with --say: ۳٫۲۵ as سه و بیست و پنج صدم or سه ممیز بیست و پنج [default: fraction]
  -h, --help                 show this help

Examples:
  echo 'حدود سه هزار و پانصد نفر آمدند' | dabir numbers
  dabir numbers --say 1402 --form ordinal-attributive
`;
}

const NUMBERS_ARGS: ArgSpec = {
  to: { type: 'string' },
  digits: { type: 'string' },
  ordinals: { type: 'boolean' },
  list: { type: 'boolean' },
  say: { type: 'string' },
  form: { type: 'string' },
  decimal: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
};

async function runNumbers(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseOrUsage(args, NUMBERS_ARGS, 'numbers', true);
  const v = values as Record<string, string | boolean | undefined>;
  if (v.help) return print(io, numbersHelp());
  const choice = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const x = v[name];
    if (x === undefined) return fallback;
    if (typeof x !== 'string' || !allowed.includes(x as T)) throw new DabirError('E_BAD_OPTION', `--${name} cannot be ${JSON.stringify(x)}`, `use one of: ${allowed.join(', ')}`);
    return x as T;
  };
  const to = choice('to', CONVERT_TO, 'digits');
  const digits = choice('digits', CONVERT_DIGITS, 'fa');
  const form = choice('form', NUMBER_FORMS, 'cardinal');
  const decimal = choice('decimal', DECIMAL_STYLES, 'fraction');
  if (typeof v.say === 'string') {
    if (positionals.length > 0 || v.list || v.to !== undefined || v.digits !== undefined || v.ordinals) throw new DabirError('E_USAGE', '--say takes no FILE, --to, --digits, --ordinals or --list', usageHint('numbers'));
    return print(io, numberToWords(v.say, { form, decimal }) + '\n');
  }
  if (v.form !== undefined || v.decimal !== undefined) throw new DabirError('E_USAGE', '--form and --decimal go with --say', usageHint('numbers'));
  // (these were ignored: --list prints the phrases as they are; --to words writes words, in no digits, ordinals as they are)
  if (v.list && (v.to !== undefined || v.digits !== undefined || v.ordinals)) throw new DabirError('E_USAGE', '--list prints the number phrases as found: --to, --digits and --ordinals do not apply', usageHint('numbers'));
  if (to === 'words' && (v.digits !== undefined || v.ordinals)) throw new DabirError('E_USAGE', '--digits and --ordinals go with --to digits', usageHint('numbers'));
  if (positionals.length > 1) throw new DabirError('E_USAGE', `expected at most one FILE, got ${positionals.length}`, usageHint('numbers'));
  const file = positionals[0] === '-' ? undefined : positionals[0];
  const o = { to, digits, ordinals: !!v.ordinals };
  await eachLine(
    file,
    io,
    outsideFences((line, eol, lineNo, out) => {
      if (!v.list) {
        out.push(convertNumbers(line, o), eol);
        return;
      }
      for (const s of findNumbers(line)) out.push(JSON.stringify({ line: lineNo, start: s.start, end: s.end, text: s.text, digits: s.digits, form: s.form }), '\n');
    }, v.list ? NOTHING : AS_IS),
    lineLimit('numbers'),
  );
  return EXIT_OK;
}

/** `dabir spell` counts the words of a FILE up to this size before checking it (SpellOptions.documentCounts) */
const DOC_COUNT_MAX = 64 * 1024 * 1024;

async function runSpell(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseOrUsage(args, SPELL_ARGS, 'spell', true);
  const v = values as Record<string, string | boolean | undefined>;
  if (v.help) return print(io, spellHelp());
  const format = textOrJson(v.format);
  if (v.fix && v.format !== undefined) throw new DabirError('E_USAGE', '--fix conflicts with --format', usageHint('spell'));
  const options: SpellOptions = {};
  if (typeof v.kinds === 'string') {
    const kinds = v.kinds.split(',').map((k) => k.trim()).filter(Boolean);
    const bad = kinds.find((k) => !SPELL_KINDS.includes(k as SpellKind));
    if (bad !== undefined || kinds.length === 0) throw new DabirError('E_BAD_OPTION', `--kinds cannot be ${JSON.stringify(v.kinds)}`, `use a comma-separated list of: ${SPELL_KINDS.join(', ')}`);
    options.kinds = kinds as SpellKind[];
  }
  if (v.register !== undefined) {
    if (!(SPELL_REGISTERS as readonly unknown[]).includes(v.register)) throw new DabirError('E_BAD_OPTION', `--register cannot be ${JSON.stringify(v.register)}`, `use one of: ${SPELL_REGISTERS.join(', ')}`);
    options.register = v.register as SpellRegister;
  } else options.register = 'auto';
  if (positionals.length > 1) throw new DabirError('E_USAGE', `expected at most one FILE, got ${positionals.length}`, usageHint('spell'));
  const file = positionals[0] === '-' ? undefined : positionals[0];
  let dictWords: string[] = [];
  if (typeof v.dict === 'string') {
    try {
      // UTF-8, or UTF-16 with its byte-order mark as Notepad saves "Unicode" (read as UTF-8, every word was garbage and
      // the dictionary silently useless); the mark is dropped
      const bytes = readFileSync(v.dict);
      const text = new TextDecoder(utf16Encoding(bytes) ?? 'utf-8').decode(bytes);
      dictWords = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
    } catch (err) {
      // (the folder hint pipes files into the command, and the missing-file hint speaks of FILE and standard input: not
      // for --dict, which takes one file of its own)
      const code = (err as NodeJS.ErrnoException)?.code;
      throw ioError(`cannot read ${JSON.stringify(v.dict)}`, err, code === 'EISDIR' ? '--dict takes one file: one word per line' : code === 'ENOENT' ? 'check the path given to --dict (a file of one word per line)' : undefined);
    }
  }
  const checker = getSpellChecker();
  if (dictWords.length) checker.addWords(dictWords);
  // an unknown word written twice in the document is a name or a term, not a typo, whichever lines it is on: a FILE
  // (up to DOC_COUNT_MAX bytes) is counted first; standard input as it is read (the lines so far)
  const counts = new Map<string, number>();
  let running = true;
  if (file !== undefined) {
    let size = Infinity;
    try {
      size = statSync(file).size;
    } catch {
      // (openInput reports a file it cannot read)
    }
    if (size <= DOC_COUNT_MAX) {
      try {
        checker.countWords(readFileSync(file, 'utf8'), counts);
        running = false;
      } catch {
        // (counted as read, like standard input)
      }
    }
  }
  options.documentCounts = counts;
  const count = (line: string): void => {
    if (running) checker.countWords(line, counts);
  };
  const { input, fh } = await openInput(file, io);
  try {
    const handle: LineHandler = v.fix
      ? outsideFences((line, eol, _n, out) => {
          count(line);
          out.push(line.length === 0 ? line : checker.fix(line, options), eol);
        }, AS_IS)
      : outsideFences((line, _eol, lineNo, out) => {
          if (line.length === 0) return;
          count(line);
          for (const is of checker.check(line, options)) {
            if (format === 'json') {
              out.push(JSON.stringify({ line: lineNo, start: is.start, end: is.end, text: is.text, kind: is.kind, suggestions: is.suggestions, confidence: is.confidence }), '\n');
            } else {
              const sugg = is.suggestions.map((x) => x.text).join('، ');
              out.push(`${lineNo}:${is.start}-${is.end} ${is.kind} ${is.text}${sugg ? ` → ${sugg}` : ''}\n`);
            }
          }
        }, NOTHING);
    await processLines(input, io, handle, file, undefined, undefined, undefined, lineLimit('spell'));
    return EXIT_OK;
  } finally {
    await fh?.close().catch(() => undefined);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// serve

function serveHelp(): string {
  return `Usage: dabir serve [options]

Starts the HTTP service: the JSON API and, at /, the web editor (dist/web/ once it is built).

  POST /v1/normalize   {"text", "options"?}  → {"text", "changes": [{start, end, before, after, kind}]}
  POST /v1/analyze     {"text", "format"?: "json"|"conllu", "components"?, "options"?, "scheme"?, "beam"?} → the document
  POST /v1/tokenize    {"text", "options"?, "scheme"?}  → {"sentences": [{start, end, text, tokens: [...]}]}
  POST /v1/spell       {"text", "kinds"?, "register"?, "fix"?} → {"issues"} or {"text"}
  POST /v1/formalize   {"text", "register"?, "normalize"?} → {"text", "changes"}
  POST /v1/numbers     {"text", "to"?, "digits"?, "ordinals"?} → {"text", "numbers"}
  POST /v1/dates       {"text"} → {"dates"}
  POST /v1/terms       {"text", "stopwords"?, "lemmas"?} → {"terms"}
  POST /v1/keywords    {"text", "n"?, "maxWords"?} → {"keywords"}
  POST /v1/phrases     {"text", "types"?: ["NP", "VP"]} → {"phrases"}
  POST /v1/identifiers {"text", "types"?, "redact"?, "with"?, "keepLast"?} → {"identifiers"} or {"text"}
  GET  /v1/info, /v1/openapi.json (every route, with schemas), /healthz
  With Content-Type: application/x-ndjson the POST routes take one request per line and stream one result per line.

Options:
  -p, --port N          TCP port [default: 8080; 0: any free port]
  --host ADDR           address to listen on [default: 127.0.0.1, this machine only]
  --max-body SIZE       largest request body, e.g. 1mb, 512kb, 100000 (bytes) [default: 1mb, at most 256mb];
                        larger: 413
  --timeout TIME        time budget of a request, e.g. 10s, 500ms, 10 (seconds) [default: 10s]; over: 408/503
  --workers N           worker threads doing the work [default: CPUs - 1, at least 1, at most 4]; 64 requests
                        per worker may wait, more get 503 E_BUSY
  --cors-origin ORIGIN  Access-Control-Allow-Origin of the API [default: *]
  --no-cors             no CORS headers
  -h, --help            show this help

Errors are JSON: {"error": {"code": "E_...", "message": "..."}}. SIGTERM or SIGINT (Ctrl-C) stops the server
gracefully: it stops accepting connections, finishes the requests in flight and exits with status 0.
`;
}

const SERVE_ARGS: ArgSpec = {
  port: { type: 'string', short: 'p' },
  host: { type: 'string' },
  'max-body': { type: 'string' },
  timeout: { type: 'string' },
  workers: { type: 'string' },
  'cors-origin': { type: 'string' },
  'no-cors': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
};

async function runServe(args: string[], io: CliIO): Promise<number> {
  const { values } = parseOrUsage(args, SERVE_ARGS, 'serve');
  const v = values as Record<string, string | boolean | undefined>;
  if (v.help) return print(io, serveHelp());
  const str = (k: string): string | undefined => (typeof v[k] === 'string' ? (v[k] as string).trim() : undefined);
  const bad = (flag: string, value: string, use: string): DabirError => new DabirError('E_BAD_OPTION', `--${flag} cannot be ${JSON.stringify(value)}`, use);

  let port = 8080;
  const p = str('port');
  if (p !== undefined) {
    if (!/^\d{1,5}$/.test(p) || Number(p) > 65535) throw bad('port', p, 'use a port number from 0 to 65535');
    port = Number(p);
  }
  const host = str('host') ?? '127.0.0.1';
  if (host === '') throw bad('host', host, 'use an address such as 127.0.0.1 or ::1');

  let maxBody: number | undefined;
  const mb = str('max-body');
  if (mb !== undefined) {
    const m = /^(\d+(?:\.\d+)?)\s*(b|k|kb|kib|m|mb|mib)?$/i.exec(mb);
    const unit = (m?.[2] ?? 'b').toLowerCase();
    maxBody = m ? Math.floor(Number(m[1]) * (unit.startsWith('k') ? 1024 : unit.startsWith('m') ? 1 << 20 : 1)) : NaN;
    if (!(maxBody >= 1)) throw bad('max-body', mb, 'use a size such as 1mb, 512kb or 100000 (bytes)');
    // (any size was taken: 2000mb started, and a 560 MiB body, longer than V8's longest string, was answered 400
    // "the body is not valid UTF-8")
    if (maxBody > MAX_BODY_LIMIT) throw bad('max-body', mb, `use a size of at most ${MAX_BODY_LIMIT >> 20}mb; send larger texts in several requests, or as NDJSON lines`);
  }
  let timeout: number | undefined;
  const t = str('timeout');
  if (t !== undefined) {
    const m = /^(\d+(?:\.\d+)?)\s*(ms|s)?$/i.exec(t);
    timeout = m ? Math.round(Number(m[1]) * (m[2]?.toLowerCase() === 'ms' ? 1 : 1000)) : NaN;
    if (!(timeout >= 1)) throw bad('timeout', t, 'use a time such as 10s, 500ms or 10 (seconds)');
    // a timer longer than 2^31 - 1 ms fires at once (Node: TimeoutOverflowWarning): every request was E_TIMEOUT
    if (timeout > MAX_TIMEOUT_MS) throw bad('timeout', t, `use a time of at most ${Math.floor(MAX_TIMEOUT_MS / 1000)}s (24 days)`);
  }
  let workers: number | undefined;
  const w = str('workers');
  if (w !== undefined) {
    if (!/^\d{1,3}$/.test(w) || Number(w) < 1) throw bad('workers', w, 'use a number of threads from 1 to 999');
    workers = Number(w);
  }
  if (v['no-cors'] && v['cors-origin'] !== undefined) throw new DabirError('E_USAGE', '--no-cors conflicts with --cors-origin', usageHint('serve'));
  const cors = v['no-cors'] ? false : (str('cors-origin') ?? '*');

  const { createServer } = await import('../server/index.js');
  const server = createServer({
    ...(maxBody !== undefined ? { maxBody } : {}),
    ...(timeout !== undefined ? { timeout } : {}),
    ...(workers !== undefined ? { workers } : {}),
    cors,
    log: (line) => void io.stderr.write(`${line}\n`),
  });
  // stop on SIGTERM/SIGINT (a second signal cuts the connections still open); listen from the start, so a signal
  // that arrives while the models load also stops the server
  let signals = 0;
  let stop!: () => void;
  const stopped = new Promise<void>((resolve) => (stop = resolve));
  const onSignal = (sig: NodeJS.Signals): void => {
    if (++signals === 1) {
      io.stderr.write(`dabir: ${sig}: finishing the requests in flight, then stopping\n`);
      void server.close().then(stop, stop);
    } else {
      io.stderr.write(`dabir: ${sig} again: closing all connections now\n`);
      server.http.closeAllConnections();
    }
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  try {
    let where: Awaited<ReturnType<typeof server.listen>>;
    try {
      where = await server.listen(port, host);
    } catch (err) {
      await server.close().catch(() => undefined);
      throw err;
    }
    if (signals > 0) {
      await stopped;
      return EXIT_OK;
    }
    const o = server.options;
    io.stderr.write(`dabir: serving on ${where.url} (workers: ${o.workers}, max body: ${o.maxBody} bytes, timeout: ${o.timeout} ms)\n`);
    if (!['127.0.0.1', '::1', 'localhost'].includes(host)) {
      io.stderr.write('dabir: note: this address can be reached from other machines; the API has no authentication\n');
    }
    await stopped;
    io.stderr.write('dabir: stopped\n');
    return EXIT_OK;
  } finally {
    process.off('SIGTERM', onSignal);
    process.off('SIGINT', onSignal);
  }
}
