/**
 * The work behind POST /v1/normalize, /v1/analyze, /v1/tokenize, /v1/spell, /v1/formalize, /v1/numbers, /v1/dates, /v1/terms, /v1/keywords, /v1/phrases and /v1/identifiers: decode and parse one JSON request, validate it,
 * run the library and serialize the answer. This runs inside the worker threads (src/server/worker.ts), so parsing
 * and serializing big bodies never blocks the thread that accepts connections.
 */
import { DEFAULT_OPTIONS, OPTION_VALUES, type ResolvedOptions } from '../node/index.js';
import { convertNumbers, CONVERT_DIGITS, CONVERT_TO, findDates, findIdentifiers, findNumbers, IDENTIFIER_TYPES, keywords, phrases, PHRASE_TYPES, redactIdentifiers, searchTerms, type IdentifierType, type PhraseType } from '../node/index.js';
import { availableComponents, createPipeline, DabirError, formalizeAligned, getNormalizer, getSpellChecker, PIPELINE_SCHEME_CHOICES, SPELL_KINDS, SPELL_REGISTERS, type Pipeline, type PipelineScheme, type SpellKind, type SpellOptions } from '../node/index.js';
import { HttpError, toHttpError } from './errors.js';

export type Operation = 'normalize' | 'analyze' | 'tokenize' | 'spell' | 'formalize' | 'numbers' | 'dates' | 'terms' | 'keywords' | 'phrases' | 'identifiers';
export const OPERATIONS: readonly Operation[] = ['normalize', 'analyze', 'tokenize', 'spell', 'formalize', 'numbers', 'dates', 'terms', 'keywords', 'phrases', 'identifiers'];

/** One unit of work: the raw bytes of one JSON request (a whole body, or one line of an NDJSON batch). */
export interface Job {
  op: Operation;
  bytes: Uint8Array;
  /** analyze with format "conllu": answer text/plain instead of {"conllu": ...} (never for NDJSON lines) */
  plainConllu: boolean;
  /** NDJSON: several request lines run as one job (`bytes` unused), answered in `Reply.multi`, one reply each */
  lines?: Uint8Array[];
}

/** What the worker sends back: a finished response body. */
export interface Reply {
  status: number;
  type: string;
  body: string;
  /** extra response headers (Retry-After) */
  headers?: Record<string, string>;
  /** the replies of a job of several lines (Job.lines), in order */
  multi?: Reply[];
}

export const JSON_TYPE = 'application/json; charset=utf-8';
export const TEXT_TYPE = 'text/plain; charset=utf-8';

const FIELDS: Record<Operation, readonly string[]> = {
  normalize: ['text', 'options'],
  analyze: ['text', 'format', 'components', 'options', 'scheme', 'beam'],
  tokenize: ['text', 'options', 'scheme'],
  spell: ['text', 'kinds', 'register', 'fix'],
  formalize: ['text', 'register', 'normalize'],
  numbers: ['text', 'to', 'digits', 'ordinals'],
  dates: ['text'],
  terms: ['text', 'stopwords', 'lemmas'],
  keywords: ['text', 'n', 'maxWords'],
  phrases: ['text', 'types'],
  identifiers: ['text', 'types', 'redact', 'with', 'keepLast'],
};

export const FORMAL_REGISTERS = ['informal', 'auto'] as const;

export const ANALYZE_FORMATS = ['json', 'conllu'] as const;

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Runs one job; every failure becomes an error reply (this function does not throw). */
export function runJob(job: Job): Reply {
  if (job.lines) return { status: 200, type: JSON_TYPE, body: '', multi: job.lines.map((bytes) => runJob({ op: job.op, bytes, plainConllu: false })) };
  try {
    const body = parseBody(job.bytes);
    const result = run(job.op, body);
    if (typeof result === 'string') {
      if (job.plainConllu) return { status: 200, type: TEXT_TYPE, body: result };
      return { status: 200, type: JSON_TYPE, body: JSON.stringify({ conllu: result }) };
    }
    return { status: 200, type: JSON_TYPE, body: JSON.stringify(result) };
  } catch (err) {
    if (!(err instanceof HttpError) && !(err instanceof DabirError)) logInternal(err);
    const e = toHttpError(err);
    return { status: e.status, type: JSON_TYPE, body: JSON.stringify(e.body()) };
  }
}

/** A bug, not a bad request: the client gets E_INTERNAL, the details go to the server's log (stderr). */
function logInternal(err: unknown): void {
  const e = err as Error;
  process.stderr.write(`dabir serve: internal error: ${e?.stack ?? String(err)}\n`);
}

function parseBody(bytes: Uint8Array): Record<string, unknown> {
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    throw new HttpError(400, 'E_BAD_JSON', 'the body is not valid UTF-8', { hint: 'send JSON encoded as UTF-8' });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    const detail = err instanceof SyntaxError ? err.message : 'cannot parse';
    throw new HttpError(400, 'E_BAD_JSON', `the body is not valid JSON: ${detail}`, { hint: 'send e.g. {"text": "..."}' });
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new HttpError(400, 'E_BAD_INPUT', `the body must be a JSON object, not ${describeJson(value)}`, { hint: 'send e.g. {"text": "..."}' });
  }
  return value as Record<string, unknown>;
}

/**
 * A value of the request as shown in an error message: its JSON, cut to a short preview. Never throws: a value
 * nested too deeply for JSON.stringify (which overflows the stack) is described by its type, and a number that JSON
 * cannot write (1e400 parses as Infinity) is written as such.
 */
function show(v: unknown): string {
  if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
  let s: string | undefined;
  try {
    s = JSON.stringify(v);
  } catch {
    s = undefined;
  }
  return s === undefined ? describeJson(v) : clip(s);
}

/** A string from the request cut to PREVIEW characters for an error message (never splitting a surrogate pair). */
function clip(s: string): string {
  if (s.length <= PREVIEW) return s;
  let end = PREVIEW - 1;
  const c = s.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end--;
  return `${s.slice(0, end)}…`;
}

const PREVIEW = 100;

function describeJson(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return `a ${typeof v}`;
}

function run(op: Operation, body: Record<string, unknown>): unknown {
  const fields = FIELDS[op];
  for (const k of Object.keys(body)) {
    if (!fields.includes(k)) {
      throw new HttpError(400, 'E_BAD_OPTION', `unknown field "${clip(k)}" in the body of /v1/${op}`, { hint: `known fields: ${fields.join(', ')}`, option: k, allowed: fields });
    }
  }
  if (typeof body.text !== 'string') {
    throw new HttpError(400, 'E_BAD_INPUT', body.text === undefined ? 'the body has no "text"' : `"text" must be a string, not ${describeJson(body.text)}`, { hint: 'send e.g. {"text": "..."}' });
  }
  const text = body.text;
  if (op === 'spell') return spell(text, body);
  if (op === 'formalize') return formalize(text, body);
  if (op === 'numbers') return numbers(text, body);
  if (op === 'dates') return { dates: findDates(text) };
  if (op === 'terms') return terms(text, body);
  if (op === 'keywords') {
    for (const [k, min] of [['n', 0], ['maxWords', 1]] as const) {
      const v = body[k];
      if (v !== undefined && v !== null && !(Number.isInteger(v) && (v as number) >= min && (v as number) <= 1000)) {
        throw new HttpError(400, 'E_BAD_OPTION', `"${k}" must be a whole number from ${min} to 1000, not ${show(v)}`, { hint: k === 'n' ? 'e.g. "n": 10' : 'e.g. "maxWords": 3', option: k });
      }
    }
    return { keywords: keywords(text, { ...(typeof body.n === 'number' ? { n: body.n } : {}), ...(typeof body.maxWords === 'number' ? { maxWords: body.maxWords } : {}) }) };
  }
  if (op === 'phrases') {
    const types = body.types;
    if (types !== undefined && types !== null && !(Array.isArray(types) && types.every((t) => (PHRASE_TYPES as readonly unknown[]).includes(t)))) {
      throw new HttpError(400, 'E_BAD_OPTION', `"types" must be a list of "NP" and/or "VP", not ${show(types)}`, { hint: 'e.g. "types": ["NP"]', option: 'types' });
    }
    return { phrases: phrases(text, Array.isArray(types) ? { types: types as PhraseType[] } : {}) };
  }
  if (op === 'identifiers') {
    const types = body.types;
    if (types !== undefined && types !== null && !(Array.isArray(types) && types.every((t) => (IDENTIFIER_TYPES as readonly unknown[]).includes(t)))) {
      throw new HttpError(400, 'E_BAD_OPTION', `"types" must be a list of ${IDENTIFIER_TYPES.map((t) => `"${t}"`).join(', ')}, not ${show(types)}`, { hint: 'e.g. "types": ["mobile", "card"]', option: 'types' });
    }
    const redact = booleanField(body, 'redact', false, 'e.g. "redact": true for the text with the identifiers masked');
    const how = choiceField(body, 'with', ['mask', 'type'] as const, 'mask');
    const keepLast = body.keepLast;
    if (keepLast !== undefined && keepLast !== null && !(Number.isInteger(keepLast) && (keepLast as number) >= 0 && (keepLast as number) <= 100)) {
      throw new HttpError(400, 'E_BAD_OPTION', `"keepLast" must be a whole number from 0 to 100, not ${show(keepLast)}`, { hint: 'e.g. "keepLast": 4', option: 'keepLast' });
    }
    // (they were ignored without redact: the identifiers came back unmasked; the CLI says so too)
    if (!redact && ((body.with !== undefined && body.with !== null) || (keepLast !== undefined && keepLast !== null))) {
      throw new HttpError(400, 'E_BAD_OPTION', '"with" and "keepLast" go with "redact": true', { hint: 'send "redact": true for the masked text, or leave them out', option: body.with !== undefined && body.with !== null ? 'with' : 'keepLast' });
    }
    const o = Array.isArray(types) ? { types: types as IdentifierType[] } : {};
    if (redact) return { text: redactIdentifiers(text, { ...o, with: how, keepLast: typeof keepLast === 'number' ? keepLast : 0 }) };
    return { identifiers: findIdentifiers(text, o) };
  }
  const options = checkOptions(body.options);
  const scheme = checkScheme(body.scheme);
  if (op === 'normalize') {
    const aligned = getNormalizer().normalizeAligned(text, options);
    const changes = aligned.changes().map((c) => ({ start: c.start, end: c.end, before: c.before, after: c.after, kind: c.kind }));
    return { text: aligned.text, changes };
  }
  if (op === 'tokenize') {
    const doc = pipeline(['normalizer', 'tokenizer'], options, scheme).process(text);
    return {
      sentences: doc.sentences.map((s) => ({
        start: s.start,
        end: s.end,
        text: s.text,
        tokens: s.tokens.map((t) => ({ start: t.start, end: t.end, text: t.text, form: t.form })),
      })),
    };
  }
  // analyze
  const format = choiceField(body, 'format', ANALYZE_FORMATS, 'json');
  const components = checkComponents(body.components);
  const beam = body.beam;
  if (beam !== undefined && beam !== null && !(Number.isInteger(beam) && (beam as number) >= 1 && (beam as number) <= 64)) {
    throw new HttpError(400, 'E_BAD_OPTION', `"beam" must be a whole number from 1 to 64, not ${show(beam)}`, { hint: 'e.g. "beam": 4 (the parser\'s beam search; 1 = greedy)', option: 'beam' });
  }
  // (a beam for components without the parser was ignored; the CLI says so too)
  if (typeof beam === 'number' && beam > 1 && !components.includes('parser')) {
    throw new HttpError(400, 'E_BAD_OPTION', `"beam" is an option of the parser, which is not in the pipeline (components: ${components.join(', ')})`, { hint: 'add "parser" to "components", or leave "beam" out', option: 'beam' });
  }
  // (the normalizer's options without the normalizer were ignored; the library says the same: E_BAD_OPTION)
  if (options !== undefined && !components.includes('normalizer')) {
    throw new HttpError(400, 'E_BAD_OPTION', `"options" are the normalizer's, which is not in the pipeline (components: ${components.join(', ')})`, { hint: 'add "normalizer" to "components", or leave "options" out', option: 'options' });
  }
  const doc = pipeline(components, options, scheme, typeof beam === 'number' && beam > 1 ? beam : 1).process(text);
  return format === 'conllu' ? doc.toConllu() : doc.toJSON();
}


/**
 * /v1/spell: the issues of the text as written (offsets into it; no normalization first), or with `fix` the text with
 * the confident corrections applied. The spelling data loads on the first request.
 */
function spell(text: string, body: Record<string, unknown>): unknown {
  const o: SpellOptions = {};
  if (body.kinds !== undefined && body.kinds !== null) {
    const k = body.kinds;
    if (!Array.isArray(k) || k.length === 0 || !k.every((x) => (SPELL_KINDS as readonly unknown[]).includes(x))) {
      throw new HttpError(400, 'E_BAD_OPTION', `"kinds" must be a non-empty list of: ${SPELL_KINDS.join(', ')}`, { hint: 'e.g. ["non-word"]', option: 'kinds', allowed: SPELL_KINDS });
    }
    o.kinds = k as SpellKind[];
  }
  o.register = choiceField(body, 'register', SPELL_REGISTERS, 'auto');
  const fix = booleanField(body, 'fix', false, 'send "fix": true for the corrected text');
  const checker = getSpellChecker();
  if (fix) return { text: checker.fix(text, o) };
  return { issues: checker.check(text, o) };
}

/**
 * /v1/formalize: the text in the formal register (normalized first unless `normalize` is false) and every change,
 * offsets into the text of the request; the rewritten words have kind `register`.
 */
function formalize(text: string, body: Record<string, unknown>): unknown {
  const register = choiceField(body, 'register', FORMAL_REGISTERS, 'informal');
  const normalize = booleanField(body, 'normalize', true, 'send "normalize": false to formalize the text as it is');
  const aligned = formalizeAligned(text, { register, normalize });
  const changes = aligned.changes().map((c) => ({ start: c.start, end: c.end, before: c.before, after: c.after, kind: c.kind }));
  return { text: aligned.text, changes };
}

/**
 * /v1/numbers: the number phrases of the text (offsets into it, exact value as digits, form) and the text with them
 * rewritten (`to`: digits [default] or words), as convertNumbers of the library.
 */
function numbers(text: string, body: Record<string, unknown>): unknown {
  const to = choiceField(body, 'to', CONVERT_TO, 'digits');
  const digits = choiceField(body, 'digits', CONVERT_DIGITS, 'fa');
  const ordinals = booleanField(body, 'ordinals', false, 'send "ordinals": true to write ordinals as digits too');
  // (they were ignored: "to": "words" writes words, in no digits, and leaves ordinals as they are)
  if (to === 'words' && (ordinals || (body.digits !== undefined && body.digits !== null))) {
    throw new HttpError(400, 'E_BAD_OPTION', `"${ordinals ? 'ordinals' : 'digits'}" goes with "to": "digits"`, { hint: '"to": "words" writes the numbers in words: leave it out', option: ordinals ? 'ordinals' : 'digits' });
  }
  return { text: convertNumbers(text, { to, digits, ordinals }), numbers: findNumbers(text) };
}

/** /v1/terms: the search terms of the text (folded lemmas without function-word stopwords), with token offsets. */
function terms(text: string, body: Record<string, unknown>): unknown {
  const stopwords = booleanField(body, 'stopwords', true, 'send "stopwords": false to keep the stopwords');
  const lemmas = booleanField(body, 'lemmas', true, 'send "lemmas": false for the folded word forms');
  return { terms: searchTerms(text, { stopwords, lemmas }) };
}

/** body[name] when it is one of `allowed`, `fallback` when it is absent or null; anything else is a 400 E_BAD_OPTION */
function choiceField<T extends string>(body: Record<string, unknown>, name: string, allowed: readonly T[], fallback: T): T {
  const v = body[name];
  if (v === undefined || v === null) return fallback;
  if (!(allowed as readonly unknown[]).includes(v)) throw new HttpError(400, 'E_BAD_OPTION', `"${name}" cannot be ${show(v)}`, { hint: `use one of: ${allowed.join(', ')}`, option: name, allowed });
  return v as T;
}

/** body[name] as a boolean, `fallback` when it is absent or null; anything else is a 400 E_BAD_OPTION with `hint` */
function booleanField(body: Record<string, unknown>, name: string, fallback: boolean, hint: string): boolean {
  const v = body[name];
  if (v === undefined || v === null) return fallback;
  if (typeof v !== 'boolean') throw new HttpError(400, 'E_BAD_OPTION', `"${name}" must be true or false, not ${describeJson(v)}`, { hint, option: name, allowed: [true, false] });
  return v;
}

/** Validates `options` (normalizer options); undefined when they are all defaults (the library's fast path). */
function checkOptions(v: unknown): ResolvedOptions | undefined {
  if (v === undefined || v === null) return undefined;
  const names = Object.keys(OPTION_VALUES);
  if (typeof v !== 'object' || Array.isArray(v)) {
    throw new HttpError(400, 'E_BAD_OPTION', `"options" must be an object, not ${describeJson(v)}`, { hint: `known options: ${names.join(', ')}`, option: 'options', allowed: names });
  }
  const out: Record<string, string> = { ...DEFAULT_OPTIONS };
  let changed = false;
  for (const [k, value] of Object.entries(v)) {
    const allowed = Object.hasOwn(OPTION_VALUES, k) ? (OPTION_VALUES as Record<string, readonly string[]>)[k] : undefined;
    if (!allowed) {
      // ({ options: { parser: { beam: 4 } } }, as createPipeline takes them, was 'unknown option "parser"' with the
      // normalizer's names: the route's options are the normalizer's, and the others are fields of their own)
      const component = ['normalizer', 'tokenizer', 'tagger', 'lemmatizer', 'parser', 'ner', 'spell'].includes(k);
      const hint = component ? `"options" holds the normalizer's options (${names.join(', ')}); the treebank conventions are the field "scheme", the parser's beam width the field "beam"` : `known options: ${names.join(', ')}`;
      throw new HttpError(400, 'E_BAD_OPTION', `unknown normalizer option "${clip(k)}"`, { hint, option: k, allowed: names });
    }
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string' || !allowed.includes(value)) {
      throw new HttpError(400, 'E_BAD_OPTION', `option "${clip(k)}" cannot be ${show(value)}`, { hint: `use one of: ${allowed.join(', ')}`, option: k, allowed });
    }
    if (value !== out[k]) changed = true;
    out[k] = value;
  }
  return changed ? (out as unknown as ResolvedOptions) : undefined;
}

/** Validates `scheme` (the treebank conventions of tokens, tags and lemmas; default auto: by paragraph register). */
function checkScheme(v: unknown): PipelineScheme | 'auto' {
  if (v === undefined || v === null) return 'auto';
  if (typeof v !== 'string' || !(PIPELINE_SCHEME_CHOICES as readonly string[]).includes(v)) {
    throw new HttpError(400, 'E_BAD_OPTION', `"scheme" cannot be ${show(v)}`, { hint: `use one of: ${PIPELINE_SCHEME_CHOICES.join(', ')}`, option: 'scheme', allowed: PIPELINE_SCHEME_CHOICES });
  }
  return v as PipelineScheme | 'auto';
}

let available: string[] | undefined;

function checkComponents(v: unknown): string[] {
  available ??= availableComponents();
  if (v === undefined || v === null) return available;
  const list = typeof v === 'string' ? v.split(',').map((s) => s.trim()).filter(Boolean) : v;
  if (!Array.isArray(list) || list.length === 0 || !list.every((c) => typeof c === 'string')) {
    throw new HttpError(400, 'E_BAD_OPTION', '"components" must be a non-empty list of component names', { hint: `available: ${available.join(', ')}`, option: 'components', allowed: available });
  }
  for (const c of list as string[]) {
    // (it was "not available", though /v1/spell runs it; the CLI's analyze says the same as this)
    if (c === 'spell') {
      throw new HttpError(400, 'E_BAD_OPTION', 'the spell component has no output in /v1/analyze', { hint: 'use POST /v1/spell (register "auto" reads chat lines in the colloquial register)', option: 'components', allowed: available });
    }
    if (!available.includes(c)) {
      throw new HttpError(400, 'E_BAD_OPTION', `component ${show(c)} is not available`, { hint: `available: ${available.join(', ')}`, option: 'components', allowed: available });
    }
  }
  return [...new Set(list as string[])];
}

/** Pipelines are built once per (components, options) and kept (a few; the key space is small and bounded). */
const pipelines = new Map<string, Pipeline>();
const MAX_PIPELINES = 64;

function pipeline(components: string[], options: ResolvedOptions | undefined, scheme: PipelineScheme | 'auto' = 'auto', beam = 1): Pipeline {
  const key = `${components.join(',')}|${options ? JSON.stringify(options) : ''}|${scheme}|${beam}`;
  let p = pipelines.get(key);
  if (!p) {
    const perComponent: Record<string, Record<string, unknown>> = {};
    if (options && components.includes('normalizer')) perComponent['normalizer'] = { ...options };
    if (beam > 1) perComponent['parser'] = { beam };
    p = createPipeline({ components, options: perComponent, scheme });
    if (pipelines.size >= MAX_PIPELINES) pipelines.delete(pipelines.keys().next().value!);
    pipelines.set(key, p);
  }
  return p;
}

/** Loads the models and builds the default pipelines, so that the first request is as fast as the others. */
export function warmUp(): void {
  runJob({ op: 'normalize', bytes: new TextEncoder().encode('{"text":"میخواهم"}'), plainConllu: false });
  runJob({ op: 'analyze', bytes: new TextEncoder().encode('{"text":"میخواهم"}'), plainConllu: false });
  runJob({ op: 'tokenize', bytes: new TextEncoder().encode('{"text":"میخواهم"}'), plainConllu: false });
}
