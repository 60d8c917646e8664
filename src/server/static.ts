/**
 * Static files: the web editor (the build output in dist/web/: index.html, worker.js, assets, fonts) at `/`, and the
 * package's model files at /data/NAME as a fallback (for a browser build that loads them from its origin).
 * When dist/web/index.html does not exist, `/` is a small page saying that the editor is not built.
 *
 * Files are looked up on every request (the editor can be rebuilt while the server runs), validated against path
 * traversal, revalidated with ETags (Cache-Control: no-cache) and gzip-compressed once per version when the client
 * accepts it.
 */
import { createReadStream, existsSync, readFileSync, statSync, type Stats } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.bin': 'application/octet-stream',
};

const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.map', '.webmanifest', '.txt', '.svg', '.bin', '.ttf', '.wasm', '.ico']);
const MAX_GZIP_FILE = 32 << 20;
const MAX_GZIP_CACHE = 64 << 20;

export interface StaticOptions {
  /** the folder of the web editor build (dist/web) */
  webRoot: string;
  /** the package's data folder; files named in its manifest.json are served at /data/NAME */
  dataDir: string;
}

const NOT_BUILT = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>dabir</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40em; margin: 3em auto; line-height: 1.5">
<h1>dabir</h1>
<p>The web editor is not built yet: its build writes the folder <code>dist/web/</code>, which this server shows here
once it exists.</p>
<p>The HTTP API works: <a href="/v1/info">/v1/info</a>, <a href="/v1/openapi.json">/v1/openapi.json</a>
(POST /v1/normalize, /v1/analyze, /v1/tokenize, /v1/spell, /v1/formalize, /v1/numbers, /v1/dates, /v1/terms, /v1/keywords, /v1/phrases, /v1/identifiers).</p>
</body>
</html>
`;

export class StaticFiles {
  private readonly root: string;
  private readonly dataDir: string;
  private readonly gzipCache = new Map<string, Buffer>();
  private gzipBytes = 0;
  private dataNames: Set<string> | undefined;

  constructor(opts: StaticOptions) {
    this.root = resolve(opts.webRoot);
    this.dataDir = resolve(opts.dataDir);
  }

  /** Answers a GET or HEAD for `pathname`; false when there is no such file (the caller sends 404). */
  serve(req: IncomingMessage, res: ServerResponse, pathname: string): boolean {
    let rel: string;
    try {
      rel = decodeURIComponent(pathname);
    } catch {
      return false;
    }
    if (rel.includes('\0') || rel.includes('\\') || rel.split('/').some((seg) => seg === '..')) return false;
    // a file's path with a slash after it is no file (resolve() dropped the slash: /index.html/ was the page, whose
    // relative links then pointed under /index.html/ and failed)
    if (rel.length > 1 && rel.endsWith('/')) return false;
    if (rel === '/' || rel === '/index.html') {
      const index = join(this.root, 'index.html');
      const st = statFile(index);
      if (st) return this.send(req, res, index, st);
      res.writeHead(200, { 'Content-Type': TYPES['.html']!, 'Content-Length': Buffer.byteLength(NOT_BUILT), 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff' });
      res.end(NOT_BUILT);
      return true;
    }
    const file = resolve(this.root, `.${rel}`);
    if (file.startsWith(this.root + sep)) {
      const st = statFile(file);
      if (st) return this.send(req, res, file, st);
    }
    const m = /^\/data\/([A-Za-z0-9._-]+)$/.exec(rel);
    if (m && this.isDataFile(m[1]!)) {
      const f = join(this.dataDir, m[1]!);
      const st = statFile(f);
      if (st) return this.send(req, res, f, st);
    }
    return false;
  }

  private isDataFile(name: string): boolean {
    if (!this.dataNames) {
      this.dataNames = new Set(['manifest.json']);
      try {
        const manifest = JSON.parse(readFileSync(join(this.dataDir, 'manifest.json'), 'utf8')) as { files?: Record<string, unknown> };
        for (const f of Object.keys(manifest.files ?? {})) this.dataNames.add(f);
      } catch {
        // no manifest: only manifest.json itself (which then does not exist either)
      }
    }
    return this.dataNames.has(name);
  }

  private send(req: IncomingMessage, res: ServerResponse, file: string, st: Stats): boolean {
    const ext = extname(file).toLowerCase();
    const etag = `W/"${st.size.toString(16)}-${Math.floor(st.mtimeMs).toString(16)}"`;
    const headers: Record<string, string | number> = {
      'Content-Type': TYPES[ext] ?? 'application/octet-stream',
      'Cache-Control': 'no-cache',
      ETag: etag,
      'X-Content-Type-Options': 'nosniff',
    };
    const compressible = COMPRESSIBLE.has(ext) && st.size > 1024 && st.size <= MAX_GZIP_FILE;
    if (compressible) headers.Vary = 'Accept-Encoding';
    const inm = req.headers['if-none-match'];
    if (inm && inm.split(',').some((t) => t.trim() === etag)) {
      res.writeHead(304, headers);
      res.end();
      return true;
    }
    if (compressible && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
      const gz = this.gzip(file, etag);
      if (gz) {
        res.writeHead(200, { ...headers, 'Content-Encoding': 'gzip', 'Content-Length': gz.length });
        res.end(req.method === 'HEAD' ? undefined : gz);
        return true;
      }
    }
    res.writeHead(200, { ...headers, 'Content-Length': st.size });
    if (req.method === 'HEAD') {
      res.end();
      return true;
    }
    const stream = createReadStream(file);
    stream.on('error', () => res.destroy());
    stream.pipe(res);
    return true;
  }

  private gzip(file: string, etag: string): Buffer | undefined {
    const key = `${file}\0${etag}`;
    let gz = this.gzipCache.get(key);
    if (gz) return gz;
    try {
      gz = gzipSync(readFileSync(file), { level: 6 });
    } catch {
      return undefined;
    }
    while (this.gzipBytes + gz.length > MAX_GZIP_CACHE && this.gzipCache.size > 0) {
      const [k, v] = this.gzipCache.entries().next().value!;
      this.gzipCache.delete(k);
      this.gzipBytes -= v.length;
    }
    this.gzipCache.set(key, gz);
    this.gzipBytes += gz.length;
    return gz;
  }
}

function statFile(file: string): Stats | undefined {
  try {
    const st = statSync(file);
    return st.isFile() ? st : undefined;
  } catch {
    return undefined;
  }
}

export const webBuilt = (webRoot: string): boolean => existsSync(join(webRoot, 'index.html'));
