/**
 * `dabir serve`: the HTTP service.
 *
 * Built on `node:http`, not a framework: it adds no dependency to the package, the API is seven routes, and the limits
 * that keep a public service alive (body size counted while reading, a time budget that covers reading and work,
 * early 413 on `Expect: 100-continue`, parser errors as JSON, graceful shutdown) need the low-level control anyway.
 *
 * Routes: POST /v1/normalize, /v1/analyze, /v1/tokenize, /v1/spell, /v1/formalize, /v1/numbers, /v1/dates, /v1/terms, /v1/keywords, /v1/phrases, /v1/identifiers (JSON, or NDJSON batches); GET /v1/info, /v1/openapi.json,
 * /healthz; GET / and other paths: the web editor (dist/web/). The work runs in worker threads (src/server/pool.ts);
 * this thread reads bodies, enforces the limits and writes answers.
 */
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DabirError } from '../node/index.js';
import { availableComponents } from '../node/index.js';
import { JSON_TYPE, OPERATIONS, type Job, type Operation, type Reply } from './api.js';
import { HttpError, isServerFault, toHttpError, type ErrorBody } from './errors.js';
import { OPENAPI } from './openapi.js';
import { timeoutError, WorkerPool } from './pool.js';
import { StaticFiles } from './static.js';
import { MAX_BODY_LIMIT, MAX_TIMEOUT_MS } from './limits.js';

export { HttpError, SERVER_CODES, type ErrorBody } from './errors.js';
export { OPENAPI } from './openapi.js';

export const DEFAULT_PORT = 8080;
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_MAX_BODY = 1 << 20;
export const DEFAULT_TIMEOUT_MS = 10_000;

export interface ServerOptions {
  /** largest request body in bytes (default 1 MiB); larger bodies get 413 E_TOO_LARGE */
  maxBody?: number;
  /** time budget of a request in ms, reading the body included (default 10 000): 408 / 503 E_TIMEOUT */
  timeout?: number;
  /** worker threads (default: CPUs − 1, at least 1, at most 4) */
  workers?: number;
  /** requests that may wait for a worker (default 64 per worker); more get 503 E_BUSY */
  maxQueue?: number;
  /** V8 heap limit of each worker thread in MB (default: V8's) */
  workerMemoryMb?: number;
  /** Access-Control-Allow-Origin of /v1 responses (default "*"); false: no CORS headers */
  cors?: string | false;
  /** the web editor folder (default: the package's dist/web) */
  webRoot?: string;
  /** the model folder (default: the package's data) */
  dataDir?: string;
  /** where internal errors are reported (default: stderr) */
  log?: (line: string) => void;
}

export interface ListenInfo {
  port: number;
  host: string;
  url: string;
}

export interface DabirServer {
  /** the node http.Server (already configured; start it with `listen`) */
  readonly http: Server;
  readonly options: Readonly<Required<Omit<ServerOptions, 'workerMemoryMb' | 'log'>>>;
  /** Waits for the workers to load the models, then listens (port 0: any free port). */
  listen(port?: number, host?: string): Promise<ListenInfo>;
  /** Graceful shutdown: stop accepting, finish the requests in flight, stop the workers. */
  close(): Promise<void>;
  readonly closing: boolean;
}

const PACKAGE_ROOT = new URL('../../', import.meta.url);

const NDJSON_TYPE = 'application/x-ndjson; charset=utf-8';
/** NDJSON lines sent to a worker as one job: at most this many, and this many bytes (a longer line goes alone) */
const GROUP_LINES = 64;
const GROUP_BYTES = 16_384;

interface Route {
  methods: readonly string[];
  handle(req: IncomingMessage, res: ServerResponse, deadline: number): Promise<void> | void;
}

export function createServer(opts: ServerOptions = {}): DabirServer {
  const maxBody = positiveInt(opts.maxBody, DEFAULT_MAX_BODY, 'maxBody');
  if (maxBody > MAX_BODY_LIMIT) throw new DabirError('E_BAD_OPTION', `maxBody cannot be ${maxBody} bytes`, `use at most ${MAX_BODY_LIMIT} bytes (256 MiB): a body is decoded into one string`, { option: 'maxBody', value: maxBody });
  const timeout = positiveInt(opts.timeout, DEFAULT_TIMEOUT_MS, 'timeout');
  // a Node timer longer than 2^31 - 1 ms fires at once: every request was E_TIMEOUT (TimeoutOverflowWarning)
  if (timeout > MAX_TIMEOUT_MS) throw new DabirError('E_BAD_OPTION', `timeout cannot be ${timeout} ms`, 'use at most 2147483647 ms (about 24 days)', { option: 'timeout', value: timeout });
  const workers = positiveInt(opts.workers, Math.min(4, Math.max(1, availableParallelism() - 1)), 'workers');
  const maxQueue = positiveInt(opts.maxQueue, 64 * workers, 'maxQueue');
  const cors = opts.cors === undefined ? '*' : opts.cors;
  const webRoot = opts.webRoot ?? fileURLToPath(new URL('dist/web/', PACKAGE_ROOT));
  const dataDir = opts.dataDir ?? fileURLToPath(new URL('data/', PACKAGE_ROOT));
  const log = opts.log ?? ((line: string) => void process.stderr.write(`${line}\n`));
  /** bodies up to this size are read (and dropped) before the 413, so the client sees the answer; larger: cut off */
  const drainLimit = Math.max(4 * maxBody, 4 << 20);

  const pool = new WorkerPool({ size: workers, maxQueue, resourceLimits: opts.workerMemoryMb ? { maxOldGenerationSizeMb: opts.workerMemoryMb } : undefined });
  const files = new StaticFiles({ webRoot, dataDir });
  const info = JSON.stringify({
    name: 'dabir',
    version: readJson(new URL('package.json', PACKAGE_ROOT))?.version ?? '0.0.0',
    components: availableComponents(),
    models: readJson(pathToFileURL(join(dataDir, 'manifest.json'))) ?? {},
    limits: { maxBodyBytes: maxBody, timeoutMs: timeout, workers },
  });
  const openapi = JSON.stringify(OPENAPI);

  let closing = false;
  let inFlight = 0;
  let closed: Promise<void> | undefined;
  let idleWaiters: (() => void)[] = [];

  // ---- responses

  const sendJson = (res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}, type = JSON_TYPE): void => {
    if (res.headersSent || res.destroyed) return;
    if (closing) res.setHeader('Connection', 'close');
    res.writeHead(status, { ...headers, 'Content-Type': type, 'Content-Length': Buffer.byteLength(body), 'Cache-Control': 'no-store' });
    res.end(body);
  };
  const sendError = (res: ServerResponse, err: unknown): void => {
    const e = toHttpError(err);
    if (!(err instanceof HttpError) && !(err instanceof DabirError)) log(`dabir serve: internal error: ${(err as Error)?.stack ?? String(err)}`);
    else if (isServerFault(e)) log(`dabir serve: ${e.code}: ${e.message}`);
    if (res.headersSent) {
      res.destroy(); // a streamed answer cannot turn into an error any more: cut it, so it is not taken as complete
      return;
    }
    sendJson(res, e.status, JSON.stringify(e.body()), e.headers);
  };
  const sendReply = (res: ServerResponse, r: Reply): void => sendJson(res, r.status, r.body, r.headers, r.type);

  // ---- request bodies

  const readBody = (req: IncomingMessage, deadline: number): Promise<Buffer | undefined> =>
    new Promise((resolve, reject) => {
      const declared = Number(req.headers['content-length'] ?? NaN);
      if (declared > drainLimit) return reject(tooLarge(true));
      const chunks: Buffer[] = [];
      let size = 0;
      let over = declared > maxBody;
      const done = (): void => {
        clearTimeout(timer);
        req.off('data', onData);
        req.off('end', onEnd);
        req.off('error', onAbort);
        req.off('aborted', onAbort);
      };
      const onData = (c: Buffer): void => {
        size += c.length;
        if (size > drainLimit) {
          done();
          reject(tooLarge(true));
        } else if (size > maxBody) {
          over = true;
          chunks.length = 0;
        } else if (!over) chunks.push(c);
      };
      const onEnd = (): void => {
        done();
        if (over) reject(tooLarge(false));
        else resolve(Buffer.concat(chunks, size));
      };
      const onAbort = (): void => {
        done();
        resolve(undefined); // the client went away: nobody to answer
      };
      const timer = setTimeout(() => {
        done();
        reject(over ? tooLarge(true) : new HttpError(408, 'E_REQUEST_TIMEOUT', `the body did not arrive within ${timeout} ms`, { hint: 'send the whole body at once, with a correct Content-Length', headers: { Connection: 'close' } }));
      }, Math.max(0, deadline - Date.now()));
      req.on('data', onData);
      req.on('end', onEnd);
      req.on('error', onAbort);
      req.on('aborted', onAbort);
    });

  const tooLarge = (cut: boolean): HttpError =>
    new HttpError(413, 'E_TOO_LARGE', `the body is larger than ${maxBody} bytes`, {
      hint: 'send less text per request (NDJSON batches count as one body), or start the server with a larger --max-body',
      ...(cut ? { headers: { Connection: 'close' } } : {}),
    });

  // ---- API

  const mediaType = (req: IncomingMessage): 'json' | 'ndjson' => {
    // a compressed body would otherwise be reported as "not valid UTF-8" (RFC 9110 §15.5.16: 415 for a content coding)
    const coding = String(req.headers['content-encoding'] ?? '').trim().toLowerCase();
    if (coding !== '' && coding !== 'identity') {
      throw new HttpError(415, 'E_UNSUPPORTED_MEDIA_TYPE', `Content-Encoding ${JSON.stringify(coding.slice(0, 100))} is not supported`, { hint: 'send the body uncompressed (no Content-Encoding)' });
    }
    const raw = req.headers['content-type'];
    if (raw === undefined || raw.trim() === '') return 'json';
    const [type, ...params] = raw.split(';').map((s) => s.trim().toLowerCase());
    for (const p of params) {
      const [k, v] = p.split('=').map((s) => s.trim().replace(/^"|"$/g, ''));
      if (k === 'charset' && v !== 'utf-8' && v !== 'utf8') {
        throw new HttpError(415, 'E_UNSUPPORTED_MEDIA_TYPE', `charset ${JSON.stringify(v)} is not supported`, { hint: 'send UTF-8' });
      }
    }
    if (type === 'application/json') return 'json';
    if (type === 'application/x-ndjson' || type === 'application/ndjson' || type === 'application/jsonl') return 'ndjson';
    throw new HttpError(415, 'E_UNSUPPORTED_MEDIA_TYPE', `Content-Type ${JSON.stringify(raw.slice(0, 100))} is not supported`, {
      hint:
        type === 'application/x-www-form-urlencoded'
          ? // what `curl -d` sends unless told otherwise: the most common way to get here
            "use Content-Type: application/json (curl -d sends application/x-www-form-urlencoded: add -H 'Content-Type: application/json')"
          : type === 'text/plain'
            ? // what fetch() and XMLHttpRequest send with a string body and no Content-Type of its own (a JSON.stringify body)
              "use Content-Type: application/json (fetch() sends a string body as text/plain;charset=UTF-8: add headers: { 'Content-Type': 'application/json' })"
            : 'use Content-Type: application/json, or application/x-ndjson for a batch of one request per line',
    });
  };

  const wantsPlainText = (req: IncomingMessage): boolean => {
    const accept = String(req.headers.accept ?? '');
    return /\btext\/plain\b/.test(accept) && !/\bapplication\/json\b/.test(accept);
  };

  const operation = (op: Operation): Route => ({
    methods: ['POST'],
    async handle(req, res, deadline) {
      const kind = mediaType(req);
      const body = await readBody(req, deadline);
      if (body === undefined) return;
      if (kind === 'json') {
        sendReply(res, await pool.run({ op, bytes: body, plainConllu: op === 'analyze' && wantsPlainText(req) }, deadline));
        return;
      }
      await batch(op, body, res, deadline);
    },
  });

  /** An NDJSON batch: the results are written in order as they come, up to `window` lines run at once. */
  const batch = async (op: Operation, body: Buffer, res: ServerResponse, deadline: number): Promise<void> => {
    const lines = splitLines(body);
    if (closing) res.setHeader('Connection', 'close');
    res.writeHead(200, { 'Content-Type': NDJSON_TYPE, 'Cache-Control': 'no-store' });
    let gone = false;
    res.once('close', () => {
      gone = true;
    });
    const window = Math.max(2, pool.size * 2);
    // consecutive lines go to a worker together, up to GROUP_LINES lines or GROUP_BYTES bytes: one round trip for many
    // short requests (one per line cost more in messages than in work); a group that runs out of time answers
    // E_TIMEOUT on each of its lines
    const pending: { nos: number[]; reply: Promise<Reply> }[] = [];
    const write = async (nos: number[], r: Reply): Promise<void> => {
      for (let k = 0; k < nos.length; k++) {
        if (gone) return;
        const one = r.multi ? r.multi[k]! : r;
        let out = one.body;
        if (one.status !== 200) {
          const e = JSON.parse(one.body) as ErrorBody;
          e.error.line = nos[k];
          out = JSON.stringify(e);
        }
        if (!res.write(`${out}\n`)) await drained(res);
      }
    };
    const timedOut = JSON.stringify(timeoutError().body());
    for (let i = 0; i < lines.length && !gone; ) {
      const group: typeof lines = [];
      let bytes = 0;
      while (i < lines.length && group.length < GROUP_LINES && (group.length === 0 || bytes + lines[i]!.bytes.length <= GROUP_BYTES)) {
        bytes += lines[i]!.bytes.length;
        group.push(lines[i++]!);
      }
      const job: Job = group.length === 1 ? { op, bytes: group[0]!.bytes, plainConllu: false } : { op, bytes: new Uint8Array(0), plainConllu: false, lines: group.map((l) => l.bytes) };
      const reply = Date.now() >= deadline ? Promise.resolve<Reply>({ status: 503, type: JSON_TYPE, body: timedOut }) : pool.run(job, deadline);
      pending.push({ nos: group.map((l) => l.no), reply });
      if (pending.length >= window) {
        const p = pending.shift()!;
        await write(p.nos, await p.reply);
      }
    }
    for (const p of pending) await write(p.nos, await p.reply);
    if (!gone) res.end();
  };

  const routes: Record<string, Route> = {
    '/healthz': {
      methods: ['GET', 'HEAD'],
      handle(_req, res) {
        if (closing) sendError(res, new HttpError(503, 'E_SHUTTING_DOWN', 'the server is shutting down', { hint: 'retry on another instance, or once the server is back' }));
        else sendJson(res, 200, '{"ok":true}');
      },
    },
    '/v1/info': { methods: ['GET', 'HEAD'], handle: (_req, res) => sendJson(res, 200, info) },
    '/v1/openapi.json': { methods: ['GET', 'HEAD'], handle: (_req, res) => sendJson(res, 200, openapi) },
  };
  for (const op of OPERATIONS) routes[`/v1/${op}`] = operation(op);
  /**
   * The route a path that is none most likely means: with a final slash (/v1/normalize/), in capitals (/v1/Normalize)
   * or without /v1 (/normalize); undefined for any other (the 404 said only "see GET /v1/openapi.json")
   */
  const nearRoute = (path: string): string | undefined => {
    if (path.length > 64) return undefined;
    const p = path.replace(/\/+$/, '').toLowerCase();
    for (const c of [p, `/v1${p}`]) if (c !== path && Object.hasOwn(routes, c)) return c;
    return undefined;
  };

  // ---- dispatch

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const deadline = Date.now() + timeout;
    inFlight++;
    res.once('close', () => {
      inFlight--;
      if (closing) {
        setImmediate(() => http.closeIdleConnections());
        if (inFlight === 0) for (const w of idleWaiters.splice(0)) w();
      }
    });
    try {
      const target = req.url ?? '/';
      if (!target.startsWith('/')) throw new HttpError(400, 'E_BAD_REQUEST', 'the request target must be a path', { hint: 'request e.g. POST /v1/normalize', headers: { Connection: 'close' } });
      // HTTP/1.1 requires Host (RFC 9112 §3.2); node's own check would answer with an empty body, not a JSON error
      if (req.headers.host === undefined && req.httpVersionMajor === 1 && req.httpVersionMinor >= 1) {
        throw new HttpError(400, 'E_BAD_REQUEST', 'the request has no Host header', { hint: 'HTTP/1.1 requests need a Host header, e.g. Host: 127.0.0.1:8080', headers: { Connection: 'close' } });
      }
      const path = target.replace(/[?#].*$/s, '');
      const method = req.method ?? 'GET';
      const api = path === '/v1' || path.startsWith('/v1/');
      if (api && cors) {
        res.setHeader('Access-Control-Allow-Origin', cors);
        // (a page on another origin reads when to retry an E_BUSY / E_TIMEOUT)
        res.setHeader('Access-Control-Expose-Headers', 'Retry-After');
        if (cors !== '*') res.setHeader('Vary', 'Origin');
      }
      const route = Object.hasOwn(routes, path) ? routes[path] : undefined;
      if (route) {
        if (method === 'OPTIONS' && api) return preflight(req, res, route);
        if (!route.methods.includes(method)) {
          const allow = [...route.methods, ...(api ? ['OPTIONS'] : [])].join(', ');
          throw new HttpError(405, 'E_METHOD_NOT_ALLOWED', `${method} is not allowed on ${path}`, { hint: `use ${allow}`, headers: { Allow: allow } });
        }
        await route.handle(req, res, deadline);
        return;
      }
      if (!api && (method === 'GET' || method === 'HEAD')) {
        if (files.serve(req, res, path)) return;
      } else if (!api && (path === '/' || path === '/index.html')) {
        throw new HttpError(405, 'E_METHOD_NOT_ALLOWED', `${method} is not allowed on ${path}`, { hint: 'use GET', headers: { Allow: 'GET, HEAD' } });
      }
      const near = nearRoute(path);
      throw new HttpError(404, 'E_NOT_FOUND', `no route ${method} ${path.slice(0, 200)}`, { hint: near ? `the route is ${near} (see GET /v1/openapi.json for the API)` : 'see GET /v1/openapi.json for the API' });
    } catch (err) {
      sendError(res, err);
    }
  };

  const preflight = (req: IncomingMessage, res: ServerResponse, route: Route): void => {
    const requested = String(req.headers['access-control-request-headers'] ?? '');
    const headers: Record<string, string> = {
      'Access-Control-Allow-Methods': [...route.methods, 'OPTIONS'].join(', '),
      'Access-Control-Allow-Headers': /^[\w\s,-]{1,500}$/.test(requested) ? requested : 'Content-Type, Accept',
      'Access-Control-Max-Age': '600',
      Allow: [...route.methods, 'OPTIONS'].join(', '),
    };
    if (closing) headers.Connection = 'close';
    res.writeHead(204, headers);
    res.end();
  };

  const http = createHttpServer({
    // a request without Host gets a JSON 400 from handle(), not node's bare one
    requireHostHeader: false,
    // our own budget answers first (408 / 503); these are backstops against clients that never finish a request
    requestTimeout: timeout + 5000,
    headersTimeout: Math.min(timeout + 5000, 30_000),
    keepAliveTimeout: 5000,
    connectionsCheckingInterval: 1000,
  });
  http.on('request', (req: IncomingMessage, res: ServerResponse) => void handle(req, res));
  // `Expect: 100-continue`: refuse an announced oversized body before the client sends it
  http.on('checkContinue', (req: IncomingMessage, res: ServerResponse) => {
    // (a request no route takes is answered 404 / 405 without its body, whatever its size, as without the Expect)
    const path = (req.url ?? '/').replace(/[?#].*$/s, '');
    const route = Object.hasOwn(routes, path) ? routes[path] : undefined;
    if (!route || !route.methods.includes(req.method ?? '')) {
      res.setHeader('Connection', 'close');
      void handle(req, res);
      return;
    }
    if (Number(req.headers['content-length'] ?? 0) > maxBody) {
      res.setHeader('Connection', 'close');
      if (cors && req.url?.startsWith('/v1')) res.setHeader('Access-Control-Allow-Origin', cors);
      sendError(res, tooLarge(true));
      return;
    }
    res.writeContinue();
    void handle(req, res);
  });
  // an Expect other than 100-continue: 417 (RFC 9110 §10.1.1) as a JSON error, not node's empty one
  http.on('checkExpectation', (req: IncomingMessage, res: ServerResponse) => {
    res.setHeader('Connection', 'close');
    if (cors && req.url?.startsWith('/v1')) res.setHeader('Access-Control-Allow-Origin', cors);
    const expect = String(req.headers.expect ?? '').slice(0, 100);
    sendError(res, new HttpError(417, 'E_BAD_REQUEST', `cannot meet the expectation ${JSON.stringify(expect)}`, { hint: 'send no Expect header, or Expect: 100-continue' }));
  });
  // malformed requests (the parser's errors) get a JSON error as well, not node's bare "400 Bad Request"
  http.on('clientError', (err: NodeJS.ErrnoException, socket: Socket) => {
    if (err.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const [status, code, message, hint] =
      err.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'E_HEADERS_TOO_LARGE', 'the request headers are too large', 'send the text in the body, not in the URL or the headers']
        : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? [408, 'E_REQUEST_TIMEOUT', 'the request did not arrive in time', 'send the whole request at once']
          : [400, 'E_BAD_REQUEST', 'the request cannot be parsed as HTTP/1.1', 'send an HTTP/1.1 request, e.g. POST /v1/normalize with a JSON body'];
    const body = JSON.stringify({ error: { code, message, hint } });
    socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: ${JSON_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
  });

  const server: DabirServer = {
    http,
    options: { maxBody, timeout, workers, maxQueue, cors, webRoot, dataDir },
    get closing() {
      return closing;
    },
    async listen(port = DEFAULT_PORT, host = DEFAULT_HOST): Promise<ListenInfo> {
      try {
        await pool.ready;
      } catch (err) {
        await pool.destroy();
        throw new DabirError('E_RESOURCE_MISSING', (err as Error).message, 'reinstall dabir, or rebuild it with npm run build');
      }
      await new Promise<void>((resolve, reject) => {
        const onError = (err: NodeJS.ErrnoException): void => {
          http.off('listening', onListening);
          const [why, hint] = LISTEN_ERRORS[err.code ?? ''] ?? [err.message, ''];
          reject(new DabirError('E_IO', `cannot listen on ${host}:${port}: ${why}`, hint));
        };
        const onListening = (): void => {
          http.off('error', onError);
          resolve();
        };
        http.once('error', onError);
        http.once('listening', onListening);
        http.listen(port, host);
      });
      const a = http.address() as AddressInfo;
      const shown = a.family === 'IPv6' ? `[${a.address}]` : a.address;
      return { port: a.port, host: a.address, url: `http://${shown}:${a.port}` };
    },
    close(): Promise<void> {
      closed ??= (async () => {
        closing = true;
        const stopped = new Promise<void>((resolve) => {
          if (!http.listening) return resolve();
          http.close(() => resolve());
        });
        http.closeIdleConnections();
        // every request has a time budget, so the requests in flight end; past it (and a grace period), cut them
        const force = setTimeout(() => http.closeAllConnections(), timeout + 2000);
        if (inFlight > 0) await new Promise<void>((resolve) => idleWaiters.push(resolve));
        http.closeIdleConnections();
        await stopped;
        clearTimeout(force);
        await pool.destroy();
        idleWaiters = [];
      })();
      return closed;
    },
  };
  return server;
}

/** why listen failed, and how to fix it, by the error's code (others: the system's message, no hint) */
const HOST_HINT = '--host must name this machine: 127.0.0.1 (this machine only, the default) or 0.0.0.0 (every interface)';
const LISTEN_ERRORS: Record<string, [string, string]> = {
  EADDRINUSE: ['the address is in use', 'choose another --port'],
  EACCES: ['permission denied', 'ports below 1024 need privileges: choose a --port of 1024 or more'],
  EADDRNOTAVAIL: ['no interface of this machine has that address', HOST_HINT],
  ENOTFOUND: ['no such host', HOST_HINT],
};

function positiveInt(v: number | undefined, dflt: number, name: string): number {
  if (v === undefined) return dflt;
  if (!Number.isFinite(v) || v <= 0) throw new DabirError('E_BAD_OPTION', `${name} must be a positive number, not ${JSON.stringify(v)}`, 'use a number above 0');
  return Math.floor(v);
}

function readJson(url: URL): Record<string, unknown> | undefined {
  try {
    return JSON.parse(readFileSync(url, 'utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

/** The lines of an NDJSON body (1-based numbers), without CR and without blank lines. */
function splitLines(body: Buffer): { no: number; bytes: Uint8Array }[] {
  const out: { no: number; bytes: Uint8Array }[] = [];
  let start = 0;
  let no = 0;
  while (start <= body.length) {
    let nl = body.indexOf(10, start);
    if (nl < 0) nl = body.length;
    no++;
    let end = nl;
    if (end > start && body[end - 1] === 13) end--;
    let blank = true;
    for (let i = start; i < end; i++) {
      const b = body[i]!;
      if (b !== 32 && b !== 9 && b !== 13) {
        blank = false;
        break;
      }
    }
    if (!blank) out.push({ no, bytes: body.subarray(start, end) });
    start = nl + 1;
  }
  return out;
}

function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}
