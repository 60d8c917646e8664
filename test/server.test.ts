/**
 * `dabir serve`: every route and status code, NDJSON batches, CORS, limits (body size, time budget), static files,
 * graceful shutdown, the CLI command, and a seeded fuzz test. Loopback only (127.0.0.1, port 0).
 *
 * Servers: A has the default limits (1 MiB body, 10 s budget) and a temporary web folder; B has a 40 ms budget (to
 * make the time budget testable with a big input) and no web build; the CLI test starts one as a child process.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request, type IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { availableComponents, checkSpelling, createPipeline, fixSpelling, formalize, normalize, normalizeAligned } from '../src/node/index.js';
import { createServer, OPENAPI, type DabirServer } from '../src/server/index.js';
import { WorkerPool } from '../src/server/pool.js';
import { SERVER_CODES } from '../src/server/errors.js';
import { OPERATIONS } from '../src/server/api.js';
import { schemaErrors, type Schema } from './helpers/openapi.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const NEWS = readFileSync(join(ROOT, 'examples/news.txt'), 'utf8');
const KINDS = ['half-space', 'character', 'digit', 'spacing', 'punctuation', 'diacritic'];
const JSON_CT = 'application/json';

interface Res {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

function call(port: number, method: string, path: string, body?: string | Uint8Array, headers: Record<string, string> = {}): Promise<Res> {
  return new Promise((resolve, reject) => {
    const data = body === undefined ? undefined : typeof body === 'string' ? Buffer.from(body) : Buffer.from(body);
    const req = request(
      { host: '127.0.0.1', port, method, path, agent: false, headers: { ...(data ? { 'Content-Length': String(data.length) } : {}), ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

const post = (port: number, path: string, body: unknown, headers: Record<string, string> = {}): Promise<Res> =>
  call(port, 'POST', path, typeof body === 'string' ? body : JSON.stringify(body), { 'Content-Type': JSON_CT, ...headers });

/** Writes raw bytes to the server and returns everything it answers until it closes (or `waitMs` passes). */
function raw(port: number, data: string | Buffer, waitMs = 5000): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const s = connect(port, '127.0.0.1', () => s.write(data));
    const timer = setTimeout(() => s.destroy(), waitMs);
    s.on('data', (c: Buffer) => chunks.push(c));
    s.on('error', () => undefined);
    s.on('close', () => {
      clearTimeout(timer);
      resolve(Buffer.concat(chunks).toString('utf8'));
    });
    s.on('timeout', () => reject(new Error('timeout')));
  });
}

function expectError(r: Res, status: number, code: string): Record<string, unknown> {
  expect(r.status, r.body).toBe(status);
  expect(r.headers['content-type']).toMatch(/^application\/json/);
  const e = (JSON.parse(r.body) as { error: Record<string, unknown> }).error;
  expect(e.code).toBe(code);
  expect(typeof e.message).toBe('string');
  return e;
}

/** A big input: the example news text repeated (~`bytes` of UTF-8). */
function bigText(bytes: number): string {
  const unit = NEWS.replace(/\n/g, ' ');
  return unit.repeat(Math.ceil(bytes / Buffer.byteLength(unit))).slice(0, Math.floor(bytes / 1.8));
}

let A: DabirServer;
let B: DabirServer;
let a = 0;
let b = 0;
let web: string;

beforeAll(async () => {
  web = mkdtempSync(join(tmpdir(), 'dabir-web-'));
  mkdirSync(join(web, 'assets'));
  writeFileSync(join(web, 'index.html'), '<!doctype html><title>editor</title><p>dabir editor</p>');
  writeFileSync(join(web, 'assets', 'app.js'), `console.log(${JSON.stringify('x'.repeat(5000))});\n`);
  A = createServer({ workers: 2, webRoot: web, log: () => undefined });
  B = createServer({ workers: 1, timeout: 40, webRoot: join(web, 'missing'), log: () => undefined });
  [a, b] = (await Promise.all([A.listen(0, '127.0.0.1'), B.listen(0, '127.0.0.1')])).map((x) => x.port) as [number, number];
}, 60_000);

afterAll(async () => {
  await Promise.all([A?.close(), B?.close()]);
  rmSync(web, { recursive: true, force: true });
});

describe('GET routes', () => {
  it('/healthz → 200 {ok: true}', async () => {
    const r = await call(a, 'GET', '/healthz');
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(r.body)).toEqual({ ok: true });
    expect((await call(a, 'HEAD', '/healthz')).status).toBe(200);
  });

  it('/v1/info → name, version, components, models (data/manifest.json), limits', async () => {
    const r = await call(a, 'GET', '/v1/info');
    expect(r.status).toBe(200);
    const info = JSON.parse(r.body);
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(info.name).toBe('dabir');
    expect(info.version).toBe(pkg.version);
    expect(info.components).toEqual(availableComponents());
    expect(info.models).toEqual(JSON.parse(readFileSync(join(ROOT, 'data/manifest.json'), 'utf8')));
    expect(info.models.files['halfspace.bin'].sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(info.limits).toEqual({ maxBodyBytes: 1 << 20, timeoutMs: 10_000, workers: 2 });
  });

  it('/v1/openapi.json is the OpenAPI 3.1 document, equal to docs/openapi.json, and lists every route', async () => {
    const r = await call(a, 'GET', '/v1/openapi.json');
    expect(r.status).toBe(200);
    const doc = JSON.parse(r.body);
    expect(doc).toEqual(JSON.parse(JSON.stringify(OPENAPI)));
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).sort()).toEqual(['/healthz', '/v1/analyze', '/v1/dates', '/v1/formalize', '/v1/identifiers', '/v1/info', '/v1/keywords', '/v1/normalize', '/v1/numbers', '/v1/openapi.json', '/v1/phrases', '/v1/spell', '/v1/terms', '/v1/tokenize']);
    const file = readFileSync(join(ROOT, 'docs/openapi.json'), 'utf8');
    expect(file, 'docs/openapi.json is stale: npx tsx src/server/openapi.ts > docs/openapi.json').toBe(`${JSON.stringify(OPENAPI, null, 2)}\n`);
    // every code only HTTP produces is among the error schema's codes (E_BAD_REQUEST was missing)
    const codes = doc.components.schemas.Error.properties.error.properties.code.examples as string[];
    for (const c of Object.keys(SERVER_CODES)) expect(codes, c).toContain(c);
  });
});

describe('POST /v1/normalize', () => {
  it('returns the library output and the changes with offsets into the input', async () => {
    const text = 'سياستهای جدید: میخواهم 12 کتاب بخرم ،  آنها   نمی دانند';
    const r = await post(a, '/v1/normalize', { text });
    expect(r.status).toBe(200);
    const out = JSON.parse(r.body);
    expect(out.text).toBe(normalize(text));
    const expected = normalizeAligned(text).changes().map(({ start, end, before, after, kind }) => ({ start, end, before, after, kind }));
    expect(out.changes).toEqual(expected);
    expect(out.changes.length).toBeGreaterThan(3);
    for (const c of out.changes) {
      expect(Object.keys(c).sort()).toEqual(['after', 'before', 'end', 'kind', 'start']);
      expect(text.slice(c.start, c.end)).toBe(c.before);
      expect(KINDS).toContain(c.kind);
    }
  });

  // [route, body, reason]: every change kind answered is one the OpenAPI document's Change schema lists
  const CHANGE_KINDS: [string, Record<string, unknown>, string][] = [
    ['/v1/normalize', { text: 'lk hlv,c fi lnvsi vtjl', options: { keyboard: 'fix' } }, 'keyboard: Persian typed on the English layout; the enum lacked "keyboard", a validating client rejected the answer'],
    ['/v1/normalize', { text: 'سياستهای جدید: میخواهم 12 کتاب ،  آنها' }, 'the usual kinds'],
    ['/v1/formalize', { text: 'میخوام یه کتابو بخونم' }, 'register'],
  ];
  it.each(CHANGE_KINDS)('%s %j: the change kinds are in the Change schema (%s)', async (path, body, _why) => {
    const enumKinds = (OPENAPI as unknown as { components: { schemas: { Change: { properties: { kind: { enum: string[] } } } } } }).components.schemas.Change.properties.kind.enum;
    const out = JSON.parse((await post(a, path, body)).body) as { changes: { kind: string }[] };
    expect(out.changes.length).toBeGreaterThan(0);
    for (const c of out.changes) expect(enumKinds).toContain(c.kind);
  });

  it('applies options, and works without a Content-Type (JSON is assumed) and with any string', async () => {
    const text = 'میخواهم 12 کتاب';
    const r = await post(a, '/v1/normalize', { text, options: { digits: 'latin', halfSpace: 'keep' } });
    expect(JSON.parse(r.body).text).toBe(normalize(text, { digits: 'latin', halfSpace: 'keep' }));
    const noType = await call(a, 'POST', '/v1/normalize', JSON.stringify({ text }));
    expect(JSON.parse(noType.body).text).toBe(normalize(text));
    const odd = '\ud800a\u0000b\uffff' + 'ی'.repeat(3);
    const r2 = await post(a, '/v1/normalize', { text: odd });
    expect(r2.status).toBe(200);
    expect(JSON.parse(r2.body).text).toBe(normalize(odd));
  });

  it('400 E_BAD_OPTION names the option and the allowed values', async () => {
    let e = expectError(await post(a, '/v1/normalize', { text: 'x', options: { digits: 'roman' } }), 400, 'E_BAD_OPTION');
    expect(e.option).toBe('digits');
    expect(e.allowed).toEqual(['fa', 'latin', 'keep']);
    e = expectError(await post(a, '/v1/normalize', { text: 'x', options: { colour: 'red' } }), 400, 'E_BAD_OPTION');
    expect(e.allowed).toContain('halfSpace');
    e = expectError(await post(a, '/v1/normalize', { text: 'x', options: 'digits=fa' }), 400, 'E_BAD_OPTION');
    e = expectError(await post(a, '/v1/normalize', { text: 'x', txet: 'y' }), 400, 'E_BAD_OPTION');
    expect(e.allowed).toEqual(['text', 'options']);
  });

  it('400 E_BAD_JSON for bad JSON or bad UTF-8, E_BAD_INPUT for a body without a string "text"', async () => {
    expectError(await post(a, '/v1/normalize', '{"text": "x"'), 400, 'E_BAD_JSON');
    expectError(await post(a, '/v1/normalize', ''), 400, 'E_BAD_JSON');
    expectError(await call(a, 'POST', '/v1/normalize', Buffer.from([0x7b, 0x22, 0x74, 0xff, 0xfe, 0x7d]), { 'Content-Type': JSON_CT }), 400, 'E_BAD_JSON');
    expectError(await post(a, '/v1/normalize', {}), 400, 'E_BAD_INPUT');
    expectError(await post(a, '/v1/normalize', { text: 42 }), 400, 'E_BAD_INPUT');
    expectError(await post(a, '/v1/normalize', '["text"]'), 400, 'E_BAD_INPUT');
    expectError(await post(a, '/v1/normalize', 'null'), 400, 'E_BAD_INPUT');
  });

  it('415 for other content types and charsets', async () => {
    // [Content-Type, hint, reason]: the client's commonest ways to send JSON under another type get a hint of their own
    const HINTS: [string, RegExp, string][] = [
      ['text/plain;charset=UTF-8', /fetch\(\) sends a string body as text\/plain;charset=UTF-8: add headers: \{ 'Content-Type': 'application\/json' \}/, "fetch(url, { method: 'POST', body: JSON.stringify({ text }) }) sends this: the hint was the general one"],
      ['text/plain', /fetch\(\) sends a string body/, 'the same type without a charset'],
      ['application/x-www-form-urlencoded', /curl -d .*-H 'Content-Type: application\/json'/, 'what curl -d sends by default: the hint says how to fix the command'],
      ['application/xml', /^use Content-Type: application\/json, or application\/x-ndjson for a batch/, 'any other type: the general hint'],
    ];
    for (const [type, hint, why] of HINTS) expect(expectError(await call(a, 'POST', '/v1/normalize', '{"text":"x"}', { 'Content-Type': type }), 415, 'E_UNSUPPORTED_MEDIA_TYPE').hint, why).toMatch(hint);
    expectError(await call(a, 'POST', '/v1/normalize', '{"text":"x"}', { 'Content-Type': 'application/json; charset=latin1' }), 415, 'E_UNSUPPORTED_MEDIA_TYPE');
    expect((await call(a, 'POST', '/v1/normalize', '{"text":"x"}', { 'Content-Type': 'application/json; charset=UTF-8' })).status).toBe(200);
  });
});

describe('POST /v1/analyze and /v1/tokenize', () => {
  const text = 'اختیارش را به من داد. میخواهم 12 کتاب بخرم!';

  it('analyze → doc.toJSON() of the library pipeline', async () => {
    const r = await post(a, '/v1/analyze', { text });
    expect(r.status).toBe(200);
    const doc = JSON.parse(r.body);
    expect(doc).toEqual(JSON.parse(JSON.stringify(createPipeline().process(text).toJSON())));
    expect(doc.text).toBe(text);
    expect(doc.sentences).toHaveLength(2);
  });

  it('analyze with the ner component gives the entities, with offsets into the text', async () => {
    const t = 'حسن روحانی به پاریس رفت.';
    const r = await post(a, '/v1/analyze', { text: t, components: ['normalizer', 'tokenizer', 'ner'] });
    expect(r.status).toBe(200);
    const doc = JSON.parse(r.body) as { entities: { type: string; start: number; end: number; text: string }[] };
    expect(doc.entities.map((e) => [e.type, e.text])).toEqual([['PER', 'حسن روحانی'], ['LOC', 'پاریس']]);
    for (const e of doc.entities) expect(t.slice(e.start, e.end)).toBe(e.text);
  });

  it('analyze format conllu → {conllu}, or text/plain when Accept asks for it', async () => {
    const expected = createPipeline().process(text).toConllu();
    const r = await post(a, '/v1/analyze', { text, format: 'conllu' });
    expect(JSON.parse(r.body)).toEqual({ conllu: expected });
    const t = await post(a, '/v1/analyze', { text, format: 'conllu' }, { Accept: 'text/plain' });
    expect(t.status).toBe(200);
    expect(t.headers['content-type']).toMatch(/^text\/plain; charset=utf-8/);
    expect(t.body).toBe(expected);
  });

  it('analyze with components and options; bad format or component → 400 with the allowed values', async () => {
    const r = await post(a, '/v1/analyze', { text, components: ['tokenizer'] });
    expect(JSON.parse(r.body)).toEqual(JSON.parse(JSON.stringify(createPipeline({ components: ['tokenizer'] }).process(text).toJSON())));
    const o = await post(a, '/v1/analyze', { text, components: 'normalizer,tokenizer', options: { digits: 'keep' } });
    const digits = JSON.parse(o.body).sentences[1].tokens.map((t: { form: string }) => t.form);
    expect(digits).toContain('12');
    let e = expectError(await post(a, '/v1/analyze', { text, format: 'xml' }), 400, 'E_BAD_OPTION');
    expect(e.allowed).toEqual(['json', 'conllu']);
    e = expectError(await post(a, '/v1/analyze', { text, components: ['tokenizer', 'telepathy'] }), 400, 'E_BAD_OPTION');
    expect(e.allowed).toEqual(availableComponents());
    expectError(await post(a, '/v1/analyze', { text, components: [] }), 400, 'E_BAD_OPTION');
    expectError(await post(a, '/v1/analyze', { text, components: ['normalizer'] }), 400, 'E_REQUIREMENT_UNMET');
  });

  it('"scheme" picks the treebank conventions: iperudt splits informal clitics', async () => {
    const words = async (scheme?: string): Promise<string[]> => {
      const r = await post(a, '/v1/analyze', { text: 'خونمون', components: ['normalizer', 'tokenizer'], ...(scheme ? { scheme } : {}) });
      expect(r.status).toBe(200);
      return JSON.parse(r.body).sentences[0].tokens[0].words.map((w: { form: string }) => w.form);
    };
    expect(await words('perdt')).toEqual(['خونمون']);
    expect(await words('iperudt')).toEqual(['خون', 'مون']);
    // auto (the default): a one-word line with no colloquial marker, but a word the formalizer reads as chat
    // (خانه‌مان): colloquial
    expect(await words('auto')).toEqual(['خون', 'مون']);
    expect(await words()).toEqual(['خون', 'مون']);
    const e = expectError(await post(a, '/v1/tokenize', { text, scheme: 'klingon' }), 400, 'E_BAD_OPTION');
    expect(e.allowed).toEqual(['perdt', 'seraji', 'iperudt', 'auto']);
  });

  it('tokenize → sentences of tokens with offsets into the input', async () => {
    const r = await post(a, '/v1/tokenize', { text });
    expect(r.status).toBe(200);
    const out = JSON.parse(r.body);
    expect(out.sentences).toHaveLength(2);
    for (const s of out.sentences) {
      expect(text.slice(s.start, s.end)).toBe(s.text);
      for (const t of s.tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    }
    expect(out.sentences[1].tokens[0]).toEqual({ start: 22, end: 29, text: 'میخواهم', form: 'می\u200cخواهم' });
    expectError(await post(a, '/v1/tokenize', { text, format: 'conllu' }), 400, 'E_BAD_OPTION');
  });
});

describe('POST /v1/spell', () => {
  it('returns the library issues with offsets into the text as written, or with fix the corrected text', async () => {
    const text = 'او به مدرصه رفت و کطاب را روی میز گزاشت.';
    const r = await post(a, '/v1/spell', { text });
    expect(r.status).toBe(200);
    const out = JSON.parse(r.body);
    expect(out.issues).toEqual(JSON.parse(JSON.stringify(checkSpelling(text))));
    for (const i of out.issues) expect(text.slice(i.start, i.end)).toBe(i.text);
    expect(out.issues.map((i: { text: string }) => i.text)).toEqual(expect.arrayContaining(['مدرصه', 'کطاب', 'گزاشت']));
    const f = await post(a, '/v1/spell', { text, fix: true });
    expect(JSON.parse(f.body)).toEqual({ text: fixSpelling(text) });
  });
  it('kinds and register are passed on; bad values are E_BAD_OPTION', async () => {
    const chat = 'این فیلم جالبه ولی کطاب بهتره';
    const informal = JSON.parse((await post(a, '/v1/spell', { text: chat, register: 'informal' })).body);
    expect(informal.issues.map((i: { text: string }) => i.text)).toEqual(['کطاب']);
    const styleOnly = JSON.parse((await post(a, '/v1/spell', { text: 'او تاکید کرد', kinds: ['style'] })).body);
    expect(styleOnly.issues.every((i: { kind: string }) => i.kind === 'style')).toBe(true);
    expectError(await post(a, '/v1/spell', { text: chat, register: 'chat' }), 400, 'E_BAD_OPTION');
    expectError(await post(a, '/v1/spell', { text: chat, kinds: ['typo'] }), 400, 'E_BAD_OPTION');
    expectError(await post(a, '/v1/spell', { text: chat, fix: 'yes' }), 400, 'E_BAD_OPTION');
    expectError(await post(a, '/v1/spell', { text: chat, options: {} }), 400, 'E_BAD_OPTION');
  });
});

describe('POST /v1/formalize', () => {
  it('returns the library result: the formal text and every change with offsets into the input', async () => {
    const text = 'يه كتاب خوب ميخوام';
    const r = await post(a, '/v1/formalize', { text });
    expect(r.status).toBe(200);
    const out = JSON.parse(r.body);
    expect(out.text).toBe(formalize(text));
    expect(out.text).toBe('یک کتاب خوب می‌خواهم');
    for (const c of out.changes) expect(text.slice(c.start, c.end)).toBe(c.before);
    expect(out.changes.some((c: { kind: string }) => c.kind === 'register')).toBe(true);
    const raw = JSON.parse((await post(a, '/v1/formalize', { text: 'یه کتاب', normalize: false })).body);
    expect(raw.text).toBe('یک کتاب');
    expectError(await post(a, '/v1/formalize', { text, register: 'formal' }), 400, 'E_BAD_OPTION');
    expectError(await post(a, '/v1/formalize', { text, normalize: 'yes' }), 400, 'E_BAD_OPTION');
    expectError(await post(a, '/v1/formalize', { text, options: {} }), 400, 'E_BAD_OPTION');
  });
});

describe('POST /v1/numbers', () => {
  it('returns the number phrases (offsets into the input, exact digits) and the converted text', async () => {
    const text = 'حدود سه هزار و پانصد نفر و ۲٫۵ میلیون تومان در ۱۴۰۲/۰۱/۱۵';
    const r = await post(a, '/v1/numbers', { text });
    expect(r.status).toBe(200);
    const out = JSON.parse(r.body);
    expect(out.text).toBe('حدود ۳۵۰۰ نفر و ۲۵۰۰۰۰۰ تومان در ۱۴۰۲/۰۱/۱۵');
    expect(out.numbers.map((n: { digits: string }) => n.digits)).toEqual(['3500', '2500000']);
    for (const n of out.numbers) expect(text.slice(n.start, n.end)).toBe(n.text);
    const words = JSON.parse((await post(a, '/v1/numbers', { text: '۲۵ نفر', to: 'words' })).body);
    expect(words.text).toBe('بیست و پنج نفر');
    expect(JSON.parse((await post(a, '/v1/numbers', { text: 'سه هزار', digits: 'latin' })).body).text).toBe('3000');
    expectError(await post(a, '/v1/numbers', { text, to: 'roman' }), 400, 'E_BAD_OPTION');
    expectError(await post(a, '/v1/numbers', { text, ordinals: 'yes' }), 400, 'E_BAD_OPTION');
    expectError(await post(a, '/v1/numbers', { text, options: {} }), 400, 'E_BAD_OPTION');
  });
});

describe('POST /v1/dates and /v1/terms', () => {
  it('dates: the date expressions with offsets and both calendars', async () => {
    const text = 'جلسه روز سه‌شنبه ۱۵ فروردین ۱۴۰۲ برگزار شد';
    const out = JSON.parse((await post(a, '/v1/dates', { text })).body);
    expect(out.dates.map((d: { text: string; iso: string }) => [d.text, d.iso])).toEqual([['سه‌شنبه ۱۵ فروردین ۱۴۰۲', '2023-04-04']]);
    expect(text.slice(out.dates[0].start, out.dates[0].end)).toBe(out.dates[0].text);
    expectError(await post(a, '/v1/dates', { text, to: 'x' }), 400, 'E_BAD_OPTION');
  });
  it('terms: folded lemmas, options as in the library', async () => {
    const text = 'کتاب‌هایشان را نمی‌خواستند';
    const out = JSON.parse((await post(a, '/v1/terms', { text })).body);
    expect(out.terms.map((t: { term: string }) => t.term)).toEqual(['کتاب', 'خواست']);
    const all = JSON.parse((await post(a, '/v1/terms', { text, stopwords: false, lemmas: false })).body);
    expect(all.terms.map((t: { term: string }) => t.term)).toEqual(['کتابهایشان', 'را', 'نمیخواستند']);
    expectError(await post(a, '/v1/terms', { text, stopwords: 'no' }), 400, 'E_BAD_OPTION');
  });
});

describe('POST /v1/keywords', () => {
  it('the keywords with their occurrences; options checked', async () => {
    const text = 'بانک مرکزی نرخ ارز را اعلام کرد. نرخ‌های ارز در بانک مرکزی ثابت ماند.';
    const out = JSON.parse((await post(a, '/v1/keywords', { text, n: 2 })).body);
    expect(out.keywords.map((k: { key: string; count: number }) => [k.key, k.count]).sort()).toEqual([
      ['بانک مرکزی', 2],
      ['نرخ ارز', 2],
    ]);
    for (const k of out.keywords) for (const sp of k.spans) expect(text.slice(sp.start, sp.end).length).toBeGreaterThan(0);
    expectError(await post(a, '/v1/keywords', { text, n: -1 }), 400, 'E_BAD_OPTION');
    expectError(await post(a, '/v1/keywords', { text, maxWords: 'x' }), 400, 'E_BAD_OPTION');
  });
});

describe('POST /v1/analyze with beam', () => {
  it("the parser's beam search as in the library; a bad beam is E_BAD_OPTION", async () => {
    const text = 'او کتاب‌های جدید را که دیروز خریده بود به دوستش داد.';
    const out = JSON.parse((await post(a, '/v1/analyze', { text, beam: 4, format: 'conllu' })).body) as { conllu: string };
    expect(out.conllu).toBe(createPipeline({ components: availableComponents(), scheme: 'auto', options: { parser: { beam: 4 } } }).process(text).toConllu());
    expectError(await post(a, '/v1/analyze', { text, beam: 0 }), 400, 'E_BAD_OPTION');
    expectError(await post(a, '/v1/analyze', { text, beam: 'wide' }), 400, 'E_BAD_OPTION');
  });
});

describe('POST /v1/phrases', () => {
  it('noun phrases and verb groups with offsets and compound-verb lemmas; types checked', async () => {
    const text = 'دانشجویان دانشگاه تهران از این روش استفاده کرده بودند.';
    const out = JSON.parse((await post(a, '/v1/phrases', { text })).body) as { phrases: { type: string; start: number; end: number; text: string; lemma: string }[] };
    expect(out.phrases.map((p) => [p.type, p.text])).toEqual([
      ['NP', 'دانشجویان دانشگاه تهران'],
      ['NP', 'این روش'],
      ['VP', 'استفاده کرده بودند'],
    ]);
    for (const p of out.phrases) expect(text.slice(p.start, p.end)).toBe(p.text);
    expect(out.phrases[2]!.lemma).toBe('استفاده کرد');
    const vp = JSON.parse((await post(a, '/v1/phrases', { text, types: ['VP'] })).body) as { phrases: { type: string }[] };
    expect(vp.phrases.map((p) => p.type)).toEqual(['VP']);
    // an empty list asks for no kind, as in the library (and as /v1/identifiers reads it)
    expect(JSON.parse((await post(a, '/v1/phrases', { text, types: [] })).body)).toEqual({ phrases: [] });
    expectError(await post(a, '/v1/phrases', { text, types: ['PP'] }), 400, 'E_BAD_OPTION');
    expectError(await post(a, '/v1/phrases', { text, types: 'NP' }), 400, 'E_BAD_OPTION');
  });
});

describe('POST /v1/identifiers', () => {
  it('identifiers with values, checks, bank and operator; or the text redacted; options checked', async () => {
    const text = 'شماره من ۰۹۱۲ ۱۲۳ ۴۵۶۷ و کارت ۶۰۳۷-۹۹۱۲-۳۴۵۶-۷۸۹۳ است';
    const out = JSON.parse((await post(a, '/v1/identifiers', { text })).body) as { identifiers: { type: string; value: string; valid: boolean; bank?: string; operator?: string; start: number; end: number; text: string }[] };
    expect(out.identifiers.map((x) => [x.type, x.value, x.valid, x.bank ?? x.operator])).toEqual([
      ['mobile', '09121234567', true, 'همراه اول'],
      ['card', '6037991234567893', true, 'بانک ملی ایران'],
    ]);
    for (const x of out.identifiers) expect(text.slice(x.start, x.end)).toBe(x.text);
    const red = JSON.parse((await post(a, '/v1/identifiers', { text, redact: true, keepLast: 4, types: ['card'] })).body) as { text: string };
    expect(red.text).toBe('شماره من ۰۹۱۲ ۱۲۳ ۴۵۶۷ و کارت ••••-••••-••••-۷۸۹۳ است');
    expectError(await post(a, '/v1/identifiers', { text, types: ['ssn'] }), 400, 'E_BAD_OPTION');
    expectError(await post(a, '/v1/identifiers', { text, redact: 'yes' }), 400, 'E_BAD_OPTION');
    expectError(await post(a, '/v1/identifiers', { text, redact: true, with: 'stars' }), 400, 'E_BAD_OPTION');
    expectError(await post(a, '/v1/identifiers', { text, redact: true, keepLast: -2 }), 400, 'E_BAD_OPTION');
  });
});

describe('NDJSON batches', () => {
  const ND = { 'Content-Type': 'application/x-ndjson' };

  it('one result per line, in order; a bad line gives an error on its line and the batch goes on', async () => {
    const texts = NEWS.split('\n').filter(Boolean);
    const lines = [
      ...texts.slice(0, 3).map((text) => JSON.stringify({ text })),
      'this is not json',
      '',
      JSON.stringify({ text: 'x', options: { digits: 'roman' } }),
      ...texts.slice(3).map((text) => JSON.stringify({ text, options: { digits: 'latin' } })),
      '[1,2]',
    ];
    const r = await call(a, 'POST', '/v1/normalize', `${lines.join('\r\n')}\n`, ND);
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toMatch(/^application\/x-ndjson/);
    const out = r.body.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(out).toHaveLength(lines.length - 1); // the blank line is skipped
    expect(out.slice(0, 3).map((o) => o.text)).toEqual(texts.slice(0, 3).map((t) => normalize(t)));
    expect(out[3].error).toMatchObject({ code: 'E_BAD_JSON', line: 4 });
    expect(out[4].error).toMatchObject({ code: 'E_BAD_OPTION', line: 6, option: 'digits' });
    expect(out.slice(5, -1).map((o) => o.text)).toEqual(texts.slice(3).map((t) => normalize(t, { digits: 'latin' })));
    expect(out.at(-1).error).toMatchObject({ code: 'E_BAD_INPUT', line: lines.length });
  });

  it('many short lines (sent to the workers in groups): every answer in order, errors on their own lines', async () => {
    const bad = new Set([1, 64, 65, 130, 200]);
    const lines = Array.from({ length: 200 }, (_, i) => (bad.has(i + 1) ? `{"text": ${i}}` : JSON.stringify({ text: `میخواهم ${i} کتاب` })));
    const r = await call(a, 'POST', '/v1/normalize', lines.join('\n'), ND);
    const out = r.body.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(out).toHaveLength(200);
    out.forEach((o, i) => {
      if (bad.has(i + 1)) expect(o.error).toMatchObject({ code: 'E_BAD_INPUT', line: i + 1 });
      else expect(o.text).toBe(normalize(`میخواهم ${i} کتاب`));
    });
  });

  it('analyze and tokenize take batches too (conllu as {conllu}); an empty batch is an empty answer', async () => {
    const body = ['{"text":"سلام."}', '{"text":"اختیارش را داد.","format":"conllu"}'].join('\n');
    const r = await call(a, 'POST', '/v1/analyze', body, ND);
    const out = r.body.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(out[0].sentences).toHaveLength(1);
    expect(out[1].conllu).toBe(createPipeline().process('اختیارش را داد.').toConllu());
    const t = await call(a, 'POST', '/v1/tokenize', body.split('\n')[0]!, ND);
    expect(JSON.parse(t.body).sentences[0].tokens).toHaveLength(2);
    const empty = await call(a, 'POST', '/v1/normalize', '\n\n', ND);
    expect(empty.status).toBe(200);
    expect(empty.body).toBe('');
  });
});

describe('routes, methods, CORS', () => {
  it('404 E_NOT_FOUND for unknown routes', async () => {
    expectError(await call(a, 'GET', '/v1/nope'), 404, 'E_NOT_FOUND');
    expectError(await post(a, '/v1/normalise', { text: 'x' }), 404, 'E_NOT_FOUND');
    expectError(await call(a, 'GET', '/nope.html'), 404, 'E_NOT_FOUND');
    expectError(await call(a, 'GET', '/v2/normalize'), 404, 'E_NOT_FOUND');
  });
  // [method, path, hint, reason]: a path near a route names it; the hint was only "see GET /v1/openapi.json"
  const NEAR: [string, string, string, string][] = [
    ['POST', '/v1/normalize/', 'the route is /v1/normalize (see GET /v1/openapi.json for the API)', 'a final slash'],
    ['POST', '/v1/Normalize', 'the route is /v1/normalize (see GET /v1/openapi.json for the API)', 'capitals'],
    ['POST', '/normalize', 'the route is /v1/normalize (see GET /v1/openapi.json for the API)', 'without /v1'],
    ['GET', '/healthz/', 'the route is /healthz (see GET /v1/openapi.json for the API)', 'a GET route with a final slash (not a file of the web editor)'],
    ['POST', '/v1/normalise', 'see GET /v1/openapi.json for the API', 'a misspelt name: no guess'],
    ['GET', '/v1/nope/', 'see GET /v1/openapi.json for the API', 'no route near'],
  ];
  it.each(NEAR)('404 for %s %s names the route near it (%s)', async (method, path, hint, _why) => {
    const r = method === 'POST' ? await post(a, path, { text: 'x' }) : await call(a, method, path);
    expect(expectError(r, 404, 'E_NOT_FOUND').hint).toBe(hint);
  });

  it('405 E_METHOD_NOT_ALLOWED with an Allow header', async () => {
    let r = await call(a, 'GET', '/v1/normalize');
    expectError(r, 405, 'E_METHOD_NOT_ALLOWED');
    expect(r.headers.allow).toBe('POST, OPTIONS');
    r = await post(a, '/healthz', {});
    expectError(r, 405, 'E_METHOD_NOT_ALLOWED');
    expect(r.headers.allow).toBe('GET, HEAD');
    expectError(await call(a, 'DELETE', '/v1/info'), 405, 'E_METHOD_NOT_ALLOWED');
    expectError(await call(a, 'PUT', '/'), 405, 'E_METHOD_NOT_ALLOWED');
  });

  it('answers CORS preflights and puts Access-Control-Allow-Origin on every /v1 response', async () => {
    const r = await call(a, 'OPTIONS', '/v1/normalize', undefined, {
      Origin: 'https://example.org',
      'Access-Control-Request-Method': 'POST',
      'Access-Control-Request-Headers': 'content-type',
    });
    expect(r.status).toBe(204);
    expect(r.headers['access-control-allow-origin']).toBe('*');
    expect(r.headers['access-control-allow-methods']).toContain('POST');
    expect(r.headers['access-control-allow-headers']).toMatch(/content-type/i);
    expect(r.body).toBe('');
    expect((await post(a, '/v1/normalize', { text: 'x' })).headers['access-control-allow-origin']).toBe('*');
    // a page on another origin may read Retry-After (E_BUSY, E_TIMEOUT)
    expect((await post(a, '/v1/normalize', { text: 'x' })).headers['access-control-expose-headers']).toBe('Retry-After');
    expect((await call(a, 'GET', '/v1/nope')).headers['access-control-allow-origin']).toBe('*');
    expect((await call(a, 'GET', '/v1/info')).headers['access-control-allow-origin']).toBe('*');
    expect((await call(a, 'OPTIONS', '/v1/nope')).status).toBe(404);
  });

  it('400 E_BAD_REQUEST (JSON) for what is not HTTP', async () => {
    const out = await raw(a, 'HELLO WORLD\r\n\r\n');
    expect(out).toMatch(/^HTTP\/1\.1 400 /);
    expect(JSON.parse(out.slice(out.indexOf('\r\n\r\n') + 4)).error.code).toBe('E_BAD_REQUEST');
  });
});

describe('hostile requests', () => {
  const deep = (n: number): string => `${'['.repeat(n)}${']'.repeat(n)}`;
  // [route, raw JSON body, why, the start of the message]: values that cannot be shown as they are in the message
  const badValues: [string, string, string, RegExp][] = [
    ['/v1/normalize', `{"text":"a","options":{"letters":${deep(200_000)}}}`, 'an option nested too deeply for JSON.stringify was E_INTERNAL', /^option "letters" cannot be an array$/],
    ['/v1/keywords', `{"text":"a","n":${deep(200_000)}}`, 'the same for a number field', /^"n" must be a whole number from 0 to 1000, not an array$/],
    ['/v1/phrases', `{"text":"a","types":${deep(200_000)}}`, 'the same for a list', /^"types" must be a list of "NP" and\/or "VP", not an array$/],
    ['/v1/analyze', '{"text":"a","scheme":"SERAJI"}', 'a wrong scheme was "cannot be a string"', /^"scheme" cannot be "SERAJI"$/],
    ['/v1/analyze', '{"text":"a","components":["normalizer","tokenizer","spell"]}', 'spell was "not available", though /v1/spell runs it (its issues have no place in the document; dabir analyze says so too)', /^the spell component has no output in \/v1\/analyze$/],
    ['/v1/analyze', '{"text":"a","beam":1e400}', 'Infinity was shown as null', /^"beam" must be a whole number from 1 to 64, not Infinity$/],
    ['/v1/spell', `{"text":"a","register":"${'x'.repeat(300_000)}"}`, 'a long value was echoed whole', /^"register" cannot be "x{90,}…$/],
    ['/v1/normalize', `{"text":"a","${'k'.repeat(300_000)}":1}`, 'a long field name was echoed whole in the message', /^unknown field "k{90,}…" in the body/],
    ['/v1/analyze', '{"text":"a","options":{"parser":{"beam":4}}}', "options per component, as createPipeline takes them, read as an unknown option with the normalizer's names: now whose options they are, and the hint says the fields scheme and beam", /^unknown normalizer option "parser"$/],
  ];
  // [route, body, why, message]: options that do not apply to the rest of the request were ignored (the CLI says so)
  const ignored: [string, Record<string, unknown>, string, RegExp][] = [
    ['/v1/analyze', { text: 'a', beam: 4, components: ['normalizer', 'tokenizer'] }, 'a beam without the parser', /^"beam" is an option of the parser, which is not in the pipeline \(components: normalizer, tokenizer\)$/],
    ['/v1/analyze', { text: 'a', options: { digits: 'latin' }, components: ['tokenizer'] }, "the normalizer's options without the normalizer (the library's createPipeline says the same)", /^"options" are the normalizer's, which is not in the pipeline \(components: tokenizer\)$/],
    ['/v1/identifiers', { text: '۰۹۱۲۱۲۳۴۵۶۷', with: 'type' }, 'the identifiers came back unmasked', /^"with" and "keepLast" go with "redact": true$/],
    ['/v1/identifiers', { text: '۰۹۱۲۱۲۳۴۵۶۷', keepLast: 4 }, 'the same', /^"with" and "keepLast" go with "redact": true$/],
    ['/v1/numbers', { text: 'سوم', to: 'words', ordinals: true }, 'ordinals stay words with to words', /^"ordinals" goes with "to": "digits"$/],
    ['/v1/numbers', { text: '۳', to: 'words', digits: 'latin' }, 'words have no digits', /^"digits" goes with "to": "digits"$/],
  ];
  it.each(ignored.map(([path, body, why, message]) => ({ path, body, why, message })))('$path: 400 E_BAD_OPTION for an option that does not apply ($why)', async ({ path, body, message }) => {
    const e = expectError(await post(a, path, body), 400, 'E_BAD_OPTION');
    expect(e.message).toMatch(message);
    expect(typeof e.hint).toBe('string');
  });
  it('the same requests without the option that does not apply (or with null, as any optional field) are answered', async () => {
    for (const [path, body] of [['/v1/analyze', { text: 'a', beam: 1, components: ['normalizer', 'tokenizer'] }], ['/v1/identifiers', { text: '۰۹۱۲۱۲۳۴۵۶۷', with: null, keepLast: null }], ['/v1/numbers', { text: 'سوم', to: 'words', ordinals: false }]] as const) {
      expect((await post(a, path, body)).status, path).toBe(200);
    }
  });

  it.each(badValues.map(([path, body, why, message]) => ({ path, body, why, message })))('$path: 400 E_BAD_OPTION with a short message ($why)', async ({ path, body, message }) => {
    const e = expectError(await post(a, path, body), 400, 'E_BAD_OPTION');
    expect(e.message).toMatch(message);
    expect(String(e.message).length).toBeLessThan(300);
    expect(typeof e.hint).toBe('string');
  });

  it('400 E_BAD_REQUEST (JSON, with a hint) for an HTTP/1.1 request without Host; HTTP/1.0 needs none', async () => {
    const out = await raw(a, 'POST /v1/normalize HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: 12\r\n\r\n{"text":"a"}');
    expect(out).toMatch(/^HTTP\/1\.1 400 /);
    const e = JSON.parse(out.slice(out.indexOf('\r\n\r\n') + 4)).error;
    expect(e.code).toBe('E_BAD_REQUEST');
    expect(e.hint).toMatch(/Host/);
    const ok = await raw(a, 'POST /v1/normalize HTTP/1.0\r\nContent-Type: application/json\r\nContent-Length: 12\r\n\r\n{"text":"a"}');
    expect(ok).toMatch(/^HTTP\/1\.1 200 /);
  });

  it('415 for a compressed body (it was "not valid UTF-8"); Content-Encoding identity is fine', async () => {
    const gz = gzipSync(Buffer.from('{"text":"سلام"}'));
    const e = expectError(await call(a, 'POST', '/v1/normalize', gz, { 'Content-Type': JSON_CT, 'Content-Encoding': 'gzip' }), 415, 'E_UNSUPPORTED_MEDIA_TYPE');
    expect(e.hint).toMatch(/uncompressed/);
    const r = await call(a, 'POST', '/v1/normalize', '{"text":"a"}', { 'Content-Type': JSON_CT, 'Content-Encoding': 'identity' });
    expect(r.status).toBe(200);
  });

  // [raw request, expected status and code]: the answers built outside the routes carry a hint as well
  const unrouted: [string, string, number, string][] = [
    ['HELLO WORLD\r\n\r\n', 'not HTTP', 400, 'E_BAD_REQUEST'],
    ['GET http://x/v1/info HTTP/1.1\r\nHost: x\r\n\r\n', 'an absolute request target', 400, 'E_BAD_REQUEST'],
    [`GET /${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`, 'a URL over the header limit', 431, 'E_HEADERS_TOO_LARGE'],
    ['POST /v1/normalize HTTP/1.1\r\nHost: x\r\nExpect: 200-ok\r\nContent-Type: application/json\r\nContent-Length: 12\r\n\r\n{"text":"a"}', 'an Expect other than 100-continue (node answered an empty 417)', 417, 'E_BAD_REQUEST'],
  ];
  it.each(unrouted.map(([request, why, status, code]) => ({ request, why, status, code })))('$why → $status JSON error with a hint', async ({ request, status, code }) => {
    const out = await raw(a, request);
    expect(out).toMatch(new RegExp(`^HTTP/1\\.1 ${status} `));
    const e = JSON.parse(out.slice(out.indexOf('\r\n\r\n') + 4)).error;
    expect(e.code).toBe(code);
    expect(typeof e.hint).toBe('string');
  });
});

describe('limits', () => {
  it('413 E_TOO_LARGE past 1 MiB, also before reading a declared or announced (100-continue) big body', async () => {
    const e = expectError(await post(a, '/v1/normalize', { text: 'ا'.repeat(600_000) }), 413, 'E_TOO_LARGE');
    expect(e.message).toContain('1048576');
    // a declared huge body is refused before it is read
    const out = await raw(a, 'POST /v1/normalize HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 999999999\r\n\r\n{"te');
    expect(out).toMatch(/^HTTP\/1\.1 413 /);
    expect(out).toContain('E_TOO_LARGE');
    // Expect: 100-continue with a big Content-Length: 413 instead of 100
    const cont = await raw(a, 'POST /v1/normalize HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nExpect: 100-continue\r\nContent-Length: 2000000\r\n\r\n');
    expect(cont).toMatch(/^HTTP\/1\.1 413 /);
    // ... but to a route that does not exist (or a method it does not take) 404 / 405, as without the Expect
    const nowhere = await raw(a, 'POST /v1/nowhere HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nExpect: 100-continue\r\nContent-Length: 2000000\r\n\r\n');
    expect(nowhere).toMatch(/^HTTP\/1\.1 404 /);
    expect(nowhere).toContain('E_NOT_FOUND');
    const wrong = await raw(a, 'PUT /v1/normalize HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nExpect: 100-continue\r\nContent-Length: 2000000\r\n\r\n');
    expect(wrong).toMatch(/^HTTP\/1\.1 405 /);
    // just under the limit is fine
    const ok = await post(a, '/v1/normalize', { text: 'ا'.repeat(500_000) });
    expect(ok.status).toBe(200);
  });

  it('503 E_TIMEOUT when the work overruns the time budget; the server goes on', async () => {
    const r = await post(b, '/v1/normalize', { text: bigText(900_000) });
    const e = expectError(r, 503, 'E_TIMEOUT');
    expect(e.hint).toContain('--timeout');
    expect(r.headers['retry-after']).toBe('1');
    // the main thread was never blocked, and a fresh worker replaces the stopped one
    expect((await call(b, 'GET', '/healthz')).status).toBe(200);
    let ok: Res | undefined;
    for (let i = 0; i < 100 && ok?.status !== 200; i++) {
      ok = await post(b, '/v1/normalize', { text: 'میخواهم' });
      if (ok.status !== 200) await new Promise((res) => setTimeout(res, 100));
    }
    expect(JSON.parse(ok!.body).text).toBe(normalize('میخواهم'));
  });

  it('NDJSON past the budget: every remaining line gets an E_TIMEOUT error line', async () => {
    const big = JSON.stringify({ text: bigText(200_000) });
    const r = await call(b, 'POST', '/v1/normalize', [big, big, big, big].join('\n'), { 'Content-Type': 'application/x-ndjson' });
    expect(r.status).toBe(200);
    const out = r.body.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(out).toHaveLength(4);
    expect(out.at(-1).error).toMatchObject({ code: 'E_TIMEOUT', line: 4 });
  });

  it('the worker pool: a job that expires queued in a worker is skipped; the job behind a stopped one runs again', async () => {
    const pool = new WorkerPool({ size: 1, maxQueue: 10 });
    await pool.ready;
    const job = (text: string) => ({ op: 'normalize' as const, bytes: Buffer.from(JSON.stringify({ text })), plainConllu: false });
    const big = bigText(300_000);
    const now = Date.now();
    // 1 runs long with a long budget; 2 waits behind it in the same worker and expires there
    const [r1, r2] = await Promise.all([pool.run(job(big), now + 30_000), pool.run(job('میخواهم'), now + 20)]);
    expect(r1.status).toBe(200);
    expect(JSON.parse(r1.body).text).toBe(normalize(big));
    expect(JSON.parse(r2.body).error.code).toBe('E_TIMEOUT');
    // 3 overruns while running (its worker is stopped); 4, queued behind it, goes to the fresh worker and succeeds
    const later = Date.now();
    const [r3, r4] = await Promise.all([pool.run(job(big), later + 30), pool.run(job('میخواهم'), later + 30_000)]);
    expect(JSON.parse(r3.body).error.code).toBe('E_TIMEOUT');
    expect(r4.status).toBe(200);
    expect(JSON.parse(r4.body).text).toBe(normalize('میخواهم'));
    expect(pool.load).toEqual({ queued: 0, inWorkers: 0 });
    await pool.destroy();
  });

  // [size, maxQueue, jobs at once, reason]: past the queue's limit a request gets 503 E_BUSY with Retry-After and a
  // hint that says what to do (it said only "retry later"; README and the help did not say how many may wait)
  const BUSY: [number, number, number, string][] = [
    [1, 2, 12, 'one worker, two may wait: most of twelve at once are turned away'],
  ];
  it.each(BUSY)('the worker pool of %i with maxQueue %i, %i jobs at once: E_BUSY says what to do (%s)', async (size, maxQueue, n, _why) => {
    const pool = new WorkerPool({ size, maxQueue });
    await pool.ready;
    const job = { op: 'normalize' as const, bytes: Buffer.from(JSON.stringify({ text: bigText(20_000) })), plainConllu: false };
    const replies = await Promise.all(Array.from({ length: n }, () => pool.run(job, Date.now() + 30_000)));
    const busy = replies.filter((r) => r.status === 503);
    expect(busy.length).toBeGreaterThan(0);
    expect(replies.filter((r) => r.status === 200).length).toBeGreaterThan(0);
    for (const r of busy) {
      expect(r.headers?.['Retry-After']).toBe('1');
      const e = JSON.parse(r.body).error as { code: string; message: string; hint: string };
      expect(e.code).toBe('E_BUSY');
      expect(e.message).toBe(`too many requests are waiting (at most ${maxQueue} may wait for a worker thread)`);
      expect(e.hint).toMatch(/Retry-After.*NDJSON.*--workers/);
    }
    await pool.destroy();
  });

  it('408 E_REQUEST_TIMEOUT when the body does not arrive within the budget', async () => {
    const out = await raw(b, 'POST /v1/normalize HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"text":');
    expect(out).toMatch(/^HTTP\/1\.1 408 /);
    expect(out).toContain('"E_REQUEST_TIMEOUT"');
  });
});

describe('web editor files', () => {
  it('serves dist/web: index.html at /, assets with types, ETags, gzip; no path traversal', async () => {
    const r = await call(a, 'GET', '/');
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(r.body).toContain('dabir editor');
    const js = await call(a, 'GET', '/assets/app.js');
    expect(js.headers['content-type']).toMatch(/^text\/javascript/);
    expect(js.body).toContain('console.log');
    const again = await call(a, 'GET', '/assets/app.js', undefined, { 'If-None-Match': String(js.headers.etag) });
    expect(again.status).toBe(304);
    const gz = await call(a, 'GET', '/assets/app.js', undefined, { 'Accept-Encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(Number(gz.headers['content-length'])).toBeLessThan(1000);
    // (a file's path with a slash after it was the file: /index.html/ the page, its relative links then broken)
    for (const p of ['/../package.json', '/%2e%2e/package.json', '/assets/..%2f..%2fpackage.json', '/assets', '/%00', '/index.html/', '/assets/app.js/', '/data/manifest.json/']) {
      expectError(await call(a, 'GET', p), 404, 'E_NOT_FOUND');
    }
    // the model files, for a browser build that loads them from the same origin
    const m = await call(a, 'GET', '/data/manifest.json');
    expect(JSON.parse(m.body)).toEqual(JSON.parse(readFileSync(join(ROOT, 'data/manifest.json'), 'utf8')));
    expect((await call(a, 'HEAD', '/data/mwt.json')).headers['content-length']).toBe(String(readFileSync(join(ROOT, 'data/mwt.json')).length));
  });

  it('without a web build, / says that the editor is not built', async () => {
    const r = await call(b, 'GET', '/');
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toMatch(/^text\/html/);
    expect(r.body).toContain('not built');
  });
});

describe('answers against the schemas of docs/openapi.json', () => {
  // Each answer: its status is one the route documents, its Content-Type one that status documents (JSON with
  // charset=utf-8), and its body conforms to the schema — strictly: a field the schema does not list is reported.
  // Checked on each route's documented example and on the variants below; the NDJSON answers line by line (a result
  // or an Error). Reason: the document is what client generators read; the other tests check values, not shapes.
  const doc = OPENAPI as unknown as Schema & { paths: Record<string, Record<string, { requestBody?: { content: Record<string, { example?: unknown }> }; responses: Record<string, { content?: Record<string, { schema: Schema }> }> }>> };
  const routes = Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => [method.toUpperCase(), path, op.requestBody?.content['application/json']?.example, {}, 'the documented example'] as [string, string, unknown, Record<string, string>, string]));
  const posts = routes.filter(([m]) => m === 'POST').map(([, p]) => p);
  const ROWS: [string, string, unknown, Record<string, string>, string][] = [
    ...routes,
    ['POST', '/v1/analyze', { text: 'کتاب را خواندم.', format: 'conllu' }, {}, '{conllu}'],
    ['POST', '/v1/analyze', { text: 'کتاب را خواندم.', format: 'conllu' }, { Accept: 'text/plain' }, 'CoNLL-U as text/plain'],
    ['POST', '/v1/analyze', { text: 'حسن روحانی به پاریس رفت.', components: ['normalizer', 'tokenizer', 'ner'] }, {}, 'entities and ner labels'],
    ['POST', '/v1/analyze', { text: 'خونمون رو دیدی؟ اونا میان', scheme: 'iperudt' }, {}, 'a multi-word token of the informal scheme'],
    ['POST', '/v1/tokenize', { text: 'میخواهم ۱۲ کتاب بخرم.\nسلام' }, {}, 'two sentences, a corrected form'],
    ['POST', '/v1/spell', { text: 'او از جایش برخواست و به مدرصه رفت. تاکید' }, {}, 'non-word, real-word and style issues'],
    ['POST', '/v1/spell', { text: 'او به مدرصه رفت.', fix: true }, {}, 'fix: {text}'],
    ['POST', '/v1/formalize', { text: 'یه کتاب میخوام', register: 'auto' }, {}, 'register auto'],
    ['POST', '/v1/numbers', { text: '۲۵٪ از ۱۲۰ نفر، سومین روز', to: 'words' }, {}, 'to words'],
    ['POST', '/v1/dates', { text: 'جلسه سه‌شنبه ۱۵ فروردین ۱۴۰۲، ۲۰ مارس ۲۰۲۴، ۱۰ محرم و مهرماه' }, {}, 'Jalali, Gregorian, Hijri and month-only dates'],
    ['POST', '/v1/identifiers', { text: 'کارت ۶۰۳۷-۹۹۱۲-۳۴۵۶-۷۸۹۳ و a@b.ir و https://x.ir و ۰۲۱-۸۸۷۷۶۶۵۵', redact: true, with: 'type' }, {}, 'redact: {text}'],
    ['POST', '/v1/identifiers', { text: 'کارت ۶۰۳۷-۹۹۱۲-۳۴۵۶-۷۸۹۳ و a@b.ir و https://x.ir و ۰۲۱-۸۸۷۷۶۶۵۵ و IR820540102680020817909002' }, {}, 'every kind with its fields'],
    ['POST', '/v1/keywords', { text: 'بانک مرکزی نرخ ارز را اعلام کرد. نرخ‌های ارز در بانک مرکزی ثابت ماند.', n: 3 }, {}, 'keywords with spans'],
    ...posts.flatMap((p): [string, string, unknown, Record<string, string>, string][] => [
      ['POST', p, '{bad', {}, 'E_BAD_JSON'],
      ['POST', p, { text: 5 }, {}, 'E_BAD_INPUT'],
      ['POST', p, { text: 'x', nonesuch: 1 }, {}, 'E_BAD_OPTION for an unknown field'],
      ['POST', p, { text: 'x' }, { 'Content-Type': 'text/plain' }, 'E_UNSUPPORTED_MEDIA_TYPE'],
      ['GET', p, undefined, {}, 'E_METHOD_NOT_ALLOWED'],
      ['POST', p, '{"text":"سلام دنیا ۱۲"}\n{"text":3}\n', { 'Content-Type': 'application/x-ndjson' }, 'an NDJSON batch: a result line and an error line'],
    ]),
  ];
  // [schema, value, a problem it must report, reason]: the checker itself finds what it is there to find
  const BAD: [string, unknown, string, string][] = [
    ['Error', { error: { code: 'E_BAD_JSON', message: 'x', stack: 'at …' } }, '$.error: stack is not documented', 'a field the schema does not list'],
    ['Error', { error: { message: 'x' } }, '$.error: no code', 'a required field missing'],
    ['Change', { start: 0, end: 1, before: 'a', after: 'b', kind: 'magic' }, '$.kind: "magic" not in', 'a value outside the enum'],
    ['Token', { start: '0', end: 1, text: 'a', form: 'a', words: [] }, '$.start: a string, not integer', 'a wrong type'],
  ];
  it.each(BAD)('the checker reports %s %j (%s)', (name, value, problem, _why) => {
    expect(schemaErrors(doc, { $ref: `#/components/schemas/${name}` }, value).join('\n')).toContain(problem);
  });

  it.each(ROWS)('%s %s %j %j: as documented (%s)', async (method, path, body, headers, _why) => {
    const r = body === undefined ? await call(a, method, path, undefined, headers) : await post(a, path, body, headers);
    const ops = doc.paths[path]!;
    const op = ops[method.toLowerCase()] ?? Object.values(ops)[0]!;
    const documented = op.responses[String(r.status)];
    expect(documented, `status ${r.status} is documented: ${r.body.slice(0, 200)}`).toBeDefined();
    const type = r.headers['content-type'] ?? '';
    const media = type.split(';')[0]!;
    const content = documented!.content?.[media];
    expect(content, `${media} is documented for ${r.status}`).toBeDefined();
    if (media === 'application/json') {
      expect(type).toMatch(/; charset=utf-8$/);
      expect(schemaErrors(doc, content!.schema, JSON.parse(r.body))).toEqual([]);
    } else if (media === 'application/x-ndjson') {
      const ok = op.responses['200']!.content!['application/json']!.schema;
      const lines = r.body.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(lines.length).toBe(2);
      for (const line of lines) expect(schemaErrors(doc, 'error' in line ? { $ref: '#/components/schemas/Error' } : ok, line)).toEqual([]);
    }
  });
});

describe('fuzz', () => {
  const paths = ['/v1/normalize', '/v1/analyze', '/v1/tokenize', '/v1/spell', '/v1/info', '/healthz', '/v1/openapi.json', '/v1/x', '/v1', '/', '/%ff', '/data/../x'];
  const methods = ['POST', 'POST', 'POST', 'GET', 'PUT', 'DELETE', 'OPTIONS', 'PATCH'];
  const types = ['application/json', 'application/json', 'application/x-ndjson', 'text/plain', '', 'application/json; charset=latin1', 'multipart/form-data; boundary=x', 'application/json;;;=', '\t'];
  /** mostly requests shaped like API calls (POST, JSON or NDJSON), the rest anything */
  const apiArb = fc.tuple(fc.constantFrom('/v1/normalize', '/v1/analyze', '/v1/tokenize', '/v1/spell'), fc.constant('POST'), fc.constantFrom('application/json', 'application/json', 'application/x-ndjson', '', 'text/plain'));
  const anyArb = fc.tuple(fc.constantFrom(...paths), fc.constantFrom(...methods), fc.constantFrom(...types));
  const optionsArb = fc.dictionary(fc.constantFrom('digits', 'letters', 'halfSpace', 'style', 'nope', '__proto__', 'constructor'), fc.oneof(fc.constantFrom('fa', 'latin', 'keep', 'fix', 'academy'), fc.jsonValue()), { maxKeys: 3 });
  const requestArb = fc.record(
    { text: fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.jsonValue()), options: optionsArb, format: fc.constantFrom('json', 'conllu', 'xml', 3), components: fc.oneof(fc.constant(['tokenizer']), fc.jsonValue()) },
    { requiredKeys: ['text'] },
  );
  const bodyArb = fc.oneof(
    { weight: 3, arbitrary: fc.uint8Array({ maxLength: 2000 }).map((u) => Buffer.from(u)) },
    { weight: 3, arbitrary: fc.jsonValue().map((v) => JSON.stringify(v) ?? '') },
    { weight: 5, arbitrary: requestArb.map((v) => JSON.stringify(v)) },
    { weight: 2, arbitrary: fc.array(fc.oneof(requestArb.map((v) => JSON.stringify(v)), fc.string({ maxLength: 30 })), { maxLength: 6 }).map((ls) => ls.join('\n')) },
    { weight: 1, arbitrary: fc.integer({ min: 1_100_000, max: 1_500_000 }).map((n) => JSON.stringify({ text: 'ب'.repeat(Math.floor(n / 2)) })) },
    { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 10_000, max: 60_000 }), fc.string({ unit: 'binary', minLength: 1, maxLength: 8 })).map(([n, u]) => JSON.stringify({ text: `${u} میخواهم`.repeat(Math.ceil(n / (u.length + 8))) })) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 5000 }) },
  );

  it('every answer is a well-formed JSON success or coded error, never E_INTERNAL or a stack trace; /healthz answers after', async () => {
    const statuses: Record<number, number> = {};
    await fc.assert(
      fc.asyncProperty(fc.oneof({ weight: 3, arbitrary: apiArb }, { weight: 1, arbitrary: anyArb }), bodyArb, async ([path, method, type], body) => {
        const r = await call(a, method, path, method === 'GET' ? undefined : body, type ? { 'Content-Type': type } : {});
        statuses[r.status] = (statuses[r.status] ?? 0) + 1;
        // 5xx only for a time budget overrun (a legitimate answer to pathological text), never E_INTERNAL
        if (r.status >= 500) expect(`${r.status} ${JSON.parse(r.body).error.code}`, `${method} ${path} ${type}`).toBe('503 E_TIMEOUT');
        expect(r.body).not.toMatch(/\n\s+at .+:\d+:\d+/);
        if (r.status === 204 || (method === 'GET' && path === '/')) return;
        const ct = String(r.headers['content-type']);
        if (r.status === 200 && ct.startsWith('application/x-ndjson')) {
          for (const line of r.body.split('\n').filter(Boolean)) {
            const o = JSON.parse(line);
            if (o.error) expect(o.error.code).toMatch(/^E_[A-Z_]+$/);
          }
          return;
        }
        expect(ct).toMatch(/^application\/json/);
        const o = JSON.parse(r.body);
        if (r.status >= 400) {
          expect(o.error.code).toMatch(/^E_[A-Z_]+$/);
          expect(typeof o.error.message).toBe('string');
        } else expect(o.error).toBeUndefined();
      }),
      { seed: 20261128, numRuns: 250 },
    );
    // every kind of answer was seen
    expect(Object.keys(statuses).sort()).toEqual(['200', '204', '400', '404', '405', '413', '415']);
    expect((await call(a, 'GET', '/healthz')).status).toBe(200);
    expect(JSON.parse((await post(a, '/v1/normalize', { text: 'میخواهم' })).body).text).toBe(normalize('میخواهم'));
  });
});

describe('shutdown and the CLI', () => {
  it('close() lets the request in flight finish, then refuses connections', async () => {
    const s = createServer({ workers: 1, log: () => undefined });
    const { port } = await s.listen(0, '127.0.0.1');
    const text = bigText(400_000);
    const inFlight = post(port, '/v1/normalize', { text });
    await new Promise((res) => setTimeout(res, 30));
    const closing = s.close();
    const r = await inFlight;
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body).text).toBe(normalize(text));
    await closing;
    await expect(call(port, 'GET', '/healthz')).rejects.toThrow(/ECONNREFUSED/);
  });

  // [host, port (undefined: server A's, in use), message, hint, reason]: a port or host it cannot listen on is E_IO
  // with a hint (only "in use" had one; an address of no interface said "listen EADDRNOTAVAIL: address not available")
  const LISTEN: [string, number | undefined, RegExp, RegExp, string][] = [
    ['127.0.0.1', undefined, /: the address is in use$/, /^choose another --port$/, 'another server has the port'],
    ['192.0.2.1', 0, /^cannot listen on 192\.0\.2\.1:0: no interface of this machine has that address$/, /^--host must name this machine: 127\.0\.0\.1 .* or 0\.0\.0\.0/, 'an address of another machine (TEST-NET-1)'],
  ];
  it.each(LISTEN)('listen on %s:%s fails with E_IO and a hint (%s)', async (host, port, message, hint, _why) => {
    const s = createServer({ workers: 1, log: () => undefined });
    try {
      const err = await s.listen(port ?? a, host).then(() => undefined, (e: unknown) => e as { code: string; message: string; hint: string });
      expect(err?.code).toBe('E_IO');
      expect(err!.message.replace(/^E_IO: /, '').replace(/ \(.*\)$/, '')).toMatch(message);
      expect(err!.hint).toMatch(hint);
    } finally {
      await s.close();
    }
  }, 30_000);

  it('dabir serve: usage errors exit 2; help lists the routes', async () => {
    const run = async (argv: string[]) => {
      let out = '';
      let err = '';
      const code = await main(argv, { stdin: (async function* () {})(), stdout: { write: (c: string) => ((out += c), true) }, stderr: { write: (c: string) => ((err += c), true) } });
      return { code, out, err };
    };
    expect((await run(['serve', '--port', 'http'])).err).toMatch(/^dabir: E_BAD_OPTION: --port cannot be "http"/);
    expect((await run(['serve', '--port', '70000'])).code).toBe(2);
    expect((await run(['serve', '--timeout', 'soon'])).code).toBe(2);
    expect((await run(['serve', '--max-body', '-1'])).code).toBe(2);
    expect((await run(['serve', '--bogus'])).code).toBe(2);
    // [argv, stderr, reason]: a --timeout past what a Node timer takes (2^31 - 1 ms) fired at once: the server started
    // and answered every request E_TIMEOUT, with the hint to start it with a larger --timeout
    const TIMEOUTS: [string[], RegExp, string][] = [
      [['serve', '--timeout', '3000000s'], /^dabir: E_BAD_OPTION: --timeout cannot be "3000000s" \(use a time of at most 2147483s \(24 days\)\)\n$/, '3e9 ms: TimeoutOverflowWarning, every request E_TIMEOUT'],
      [['serve', '--timeout', '2147484'], /^dabir: E_BAD_OPTION: --timeout cannot be "2147484"/, 'one second past the limit, in plain seconds'],
    ];
    // --max-body: a size from 1 byte to 256mb; any larger one was taken (2000mb started, and a 560 MiB body, longer
    // than V8's longest string, was answered 400 "the body is not valid UTF-8")
    const MAX_BODY = 'use a size such as 1mb, 512kb or 100000 \\(bytes\\)';
    TIMEOUTS.push(
      [['serve', '--max-body', '257mb'], /^dabir: E_BAD_OPTION: --max-body cannot be "257mb" \(use a size of at most 256mb; send larger texts in several requests, or as NDJSON lines\)\n$/, 'over the maximum: was accepted'],
      [['serve', '--max-body', '268435457'], /^dabir: E_BAD_OPTION: --max-body cannot be "268435457" \(use a size of at most 256mb/, 'one byte over, in plain bytes'],
      [['serve', '--max-body', '99999999999999999999mb'], /^dabir: E_BAD_OPTION: --max-body cannot be "99999999999999999999mb" \(use a size of at most 256mb/, 'a max body of 1.05e26 bytes was accepted'],
      [['serve', '--max-body', '0'], new RegExp(`^dabir: E_BAD_OPTION: --max-body cannot be "0" \\(${MAX_BODY}\\)`), 'no body at all'],
      [['serve', '--max-body', '0.5'], /^dabir: E_BAD_OPTION: --max-body cannot be "0.5"/, 'half a byte rounds down to none'],
      [['serve', '--max-body', '1e99'], /^dabir: E_BAD_OPTION: --max-body cannot be "1e99"/, 'no exponents: a size is digits and a unit'],
      [['serve', '--max-body', 'abc'], /^dabir: E_BAD_OPTION: --max-body cannot be "abc"/, 'not a size'],
      [['serve', '--max-body', ''], /^dabir: E_BAD_OPTION: --max-body cannot be ""/, 'empty'],
    );
    for (const [argv, err, why] of TIMEOUTS) {
      const r = await run(argv);
      expect(r.code, why).toBe(2);
      expect(r.err, why).toMatch(err);
    }
    expect(() => createServer({ timeout: 2 ** 31, log: () => undefined }), 'the library refuses it too').toThrow(/E_BAD_OPTION: timeout cannot be 2147483648 ms \(use at most 2147483647 ms/);
    expect(() => createServer({ maxBody: 2 ** 30, log: () => undefined }), 'and a max body over 256 MiB').toThrow(/E_BAD_OPTION: maxBody cannot be 1073741824 bytes \(use at most 268435456 bytes \(256 MiB\)/);
    const help = await run(['serve', '--help']);
    expect(help.code).toBe(0);
    for (const op of OPERATIONS) expect(help.out, `help lists /v1/${op}`).toContain(`POST /v1/${op} `);
    expect((await run(['--help'])).out).toMatch(/\n {2}serve {7}/);
  });

  it('dabir serve as a process: serves, and exits 0 on SIGTERM after finishing the request in flight', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', `const { main } = await import(${JSON.stringify(join(ROOT, 'src/cli/main.ts'))}); process.exitCode = await main(['serve', '--port', '0', '--workers', '1']);`],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const exited = new Promise<number | null>((res) => child.on('exit', (code) => res(code)));
    const url = await new Promise<string>((res, rej) => {
      const t = setTimeout(() => rej(new Error(`no "serving on" line: ${err}`)), 30_000);
      child.stderr.on('data', () => {
        const m = /serving on (http:\/\/\S+)/.exec(err);
        if (m) {
          clearTimeout(t);
          res(m[1]!);
        }
      });
    });
    const port = Number(new URL(url).port);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(JSON.parse((await call(port, 'GET', '/healthz')).body)).toEqual({ ok: true });
    const text = bigText(300_000);
    const inFlight = post(port, '/v1/normalize', { text });
    await new Promise((res) => setTimeout(res, 30));
    child.kill('SIGTERM');
    const r = await inFlight;
    expect(r.status).toBe(200);
    expect(await exited).toBe(0);
    expect(err).toContain('SIGTERM');
    expect(err).toContain('dabir: stopped');
  });
});
