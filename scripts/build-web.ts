/**
 * Builds the web editor into dist/web/ (or --out DIR): the page (index.html, styles.css, main.js), the Web Worker
 * (worker.js, a module worker: the dabir core from src/core, never src/node; the page's fallback loads it as a module
 * script where no worker starts), the service worker (sw.js), the Vazirmatn font (woff2)
 * and the data files the worker's components read (data/*.bin, data/*.json, with a manifest of what was copied).
 *
 * Deterministic: same sources, same bytes (no timestamps; file names carry a content hash only in their ?v= query).
 * Usage: tsx scripts/build-web.ts [--out DIR] [--quiet]
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, transform, type Plugin } from 'esbuild';
import { resourceName } from '../src/web/resources.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const WEB = join(ROOT, 'src/web');
const CORE = join(ROOT, 'src/core');
const FONT_DIR = join(ROOT, 'node_modules/@fontsource/vazirmatn');

const args = process.argv.slice(2);
const outArg = args.indexOf('--out');
const OUT = resolve(ROOT, outArg >= 0 ? args[outArg + 1] ?? 'dist/web' : 'dist/web');
const quiet = args.includes('--quiet');

const sha = (b: Uint8Array | string): string => createHash('sha256').update(b).digest('hex');
const short = (b: Uint8Array | string): string => sha(b).slice(0, 12);

/** Every src/core module (not tests) that registers a pipeline component. */
function componentModules(): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.ts') && !name.endsWith('.test.ts') && p !== join(CORE, 'pipeline.ts')) {
        if (/\bdefineComponent\(/.test(readFileSync(p, 'utf8'))) out.push(p);
      }
    }
  };
  walk(CORE);
  return out;
}

/** Adds the discovered component modules to src/web/components.ts, so new components need no edit here. */
function componentsPlugin(mods: string[]): Plugin {
  return {
    name: 'dabir-components',
    setup(b) {
      b.onLoad({ filter: /[\\/]src[\\/]web[\\/]components\.ts$/ }, (a) => ({
        contents: readFileSync(a.path, 'utf8') + mods.map((m) => `import ${JSON.stringify(m)};\n`).join(''),
        loader: 'ts',
        resolveDir: dirname(a.path),
      }));
    },
  };
}

/** The browser bundles may import src/core and src/web only. */
const browserOnly: Plugin = {
  name: 'dabir-browser-only',
  setup(b) {
    b.onResolve({ filter: /^node:|[\\/]node[\\/]/ }, (a) => {
      const p = a.path.startsWith('node:') ? a.path : resolve(a.resolveDir, a.path);
      if (a.path.startsWith('node:') || p.startsWith(join(ROOT, 'src/node'))) {
        return { errors: [{ text: `${relative(ROOT, a.importer)} imports ${a.path}: the web build may use src/core only` }] };
      }
      return undefined;
    });
  },
};

async function bundle(entry: string, define: Record<string, string>, plugins: Plugin[], format: 'iife' | 'esm' = 'iife'): Promise<{ code: Uint8Array; inputs: string[] }> {
  const r = await build({
    entryPoints: [join(WEB, entry)],
    bundle: true,
    write: false,
    format,
    platform: 'browser',
    target: ['es2022', 'chrome100', 'firefox100', 'safari15'],
    minify: true,
    charset: 'utf8',
    legalComments: 'none',
    // component modules register themselves when loaded: keep them although package.json says "sideEffects": false
    ignoreAnnotations: true,
    metafile: true,
    logLevel: 'warning',
    define,
    plugins: [browserOnly, ...plugins],
  });
  const inputs = Object.keys(r.metafile!.inputs).sort();
  const bad = inputs.filter((p) => p.startsWith('src/node/') || p.startsWith('node:'));
  if (bad.length) throw new Error(`${entry} pulls in Node code: ${bad.join(', ')}`);
  return { code: r.outputFiles[0]!.contents, inputs };
}

interface Written {
  file: string;
  bytes: number;
  gzip: number;
}
const written: Written[] = [];

function put(rel: string, data: Uint8Array | string): void {
  const p = join(OUT, rel);
  mkdirSync(dirname(p), { recursive: true });
  writeFileSync(p, data);
  const b = typeof data === 'string' ? Buffer.from(data) : data;
  written.push({ file: rel, bytes: b.length, gzip: gzipSync(b, { level: 9 }).length });
}

function copy(src: string, rel: string): void {
  const p = join(OUT, rel);
  mkdirSync(dirname(p), { recursive: true });
  copyFileSync(src, p);
  const b = readFileSync(src);
  written.push({ file: rel, bytes: b.length, gzip: gzipSync(b, { level: 6 }).length });
}

/**
 * Components whose data the worker does not load at start: the spelling data (17 MB, 3.6 MB gzipped) is fetched only
 * when the page asks for a spelling check (LAZY_FILES, marked `lazy` in the page's manifest).
 */
const WEB_EXCLUDE = new Set(['spell']);
const LAZY_FILES = ['spell.bin'];

/** The data files the worker's components use: required and optional resources, as listed in data/manifest.json. */
async function dataFiles(mods: string[]): Promise<{ files: string[]; skipped: string[] }> {
  for (const m of mods) await import(pathToFileURL(m).href);
  const core = await import(pathToFileURL(join(CORE, 'index.ts')).href);
  const names = (core.listComponents() as { name: string }[]).map((c) => c.name).filter((n) => !WEB_EXCLUDE.has(n));
  const { required, optional } = core.resourcesFor(names) as { required: string[]; optional: string[] };
  // and what the informal conventions need, for the worker's scheme 'auto' (data/mwt-informal.json)
  const informal = core.resourcesFor(names, core.schemeOptions('iperudt', names)) as { required: string[] };
  // (and the formalizer's table, read with the lemmatizer's data when the page asks for the formal register)
  const wanted = new Set([...required, ...optional, ...informal.required, 'halfspace', 'mwt', 'formal']);
  const manifest = JSON.parse(readFileSync(join(ROOT, 'data/manifest.json'), 'utf8')) as { files: Record<string, unknown> };
  const candidates = new Set([...Object.keys(manifest.files), 'halfspace.bin', 'mwt.json']);
  const files: string[] = [];
  const skipped: string[] = [];
  for (const f of [...candidates].sort()) {
    const resource = resourceName(f);
    if (LAZY_FILES.includes(f)) continue; // copied apart, loaded on demand
    if (!wanted.has(resource)) skipped.push(`${f} (no component reads it)`);
    else if (!existsSync(join(ROOT, 'data', f))) skipped.push(`${f} (listed but not built)`);
    else files.push(f);
  }
  for (const r of wanted) {
    if (!files.some((f) => resourceName(f) === r) && !['halfspace', 'mwt'].includes(r)) skipped.push(`resource "${r}" (no data file)`);
  }
  if (!files.includes('halfspace.bin') || !files.includes('mwt.json')) throw new Error('data/halfspace.bin and data/mwt.json are required');
  return { files, skipped };
}

async function main(): Promise<void> {
  const t0 = Date.now();
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const mods = componentModules();

  // data
  const { files, skipped } = await dataFiles(mods);
  const srcManifest = JSON.parse(readFileSync(join(ROOT, 'data/manifest.json'), 'utf8')) as { files: Record<string, Record<string, unknown>> };
  const manifest: { files: Record<string, Record<string, unknown>> } = { files: {} };
  for (const f of files) {
    const bytes = readFileSync(join(ROOT, 'data', f));
    const entry = srcManifest.files[f] ?? {};
    // the worker keys its offline cache by sha256: always the one of the copied bytes
    manifest.files[f] = { ...entry, bytes: bytes.length, sha256: sha(bytes) };
    copy(join(ROOT, 'data', f), `data/${f}`);
  }
  for (const f of LAZY_FILES) {
    if (!existsSync(join(ROOT, 'data', f))) continue;
    const bytes = readFileSync(join(ROOT, 'data', f));
    manifest.files[f] = { ...(srcManifest.files[f] ?? {}), bytes: bytes.length, sha256: sha(bytes), lazy: true };
    copy(join(ROOT, 'data', f), `data/${f}`);
  }
  put('data/manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);

  // font (Vazirmatn, SIL OFL 1.1): Arabic and Latin subsets, regular and bold
  for (const subset of ['arabic', 'latin']) {
    for (const w of ['400', '700']) copy(join(FONT_DIR, `files/vazirmatn-${subset}-${w}-normal.woff2`), `fonts/vazirmatn-${subset}-${w}.woff2`);
  }
  copy(join(FONT_DIR, 'LICENSE'), 'fonts/OFL.txt');
  copy(join(WEB, 'favicon.svg'), 'favicon.svg');

  // scripts and styles
  // a module worker (main.ts: new Worker(url, { type: 'module' })), also the module script of the page's fallback where
  // no worker starts; with no import or export left in it, a browser that loads it as a classic worker runs it too
  const worker = await bundle('worker.ts', {}, [componentsPlugin(mods)], 'esm');
  const workerText = Buffer.from(worker.code).toString('utf8');
  if (/\bimport\.meta\b|^\s*(?:import|export)\b/m.test(workerText)) throw new Error('worker.js has an import, an export or import.meta: it must run as a classic worker too');
  put('worker.js', worker.code);
  // the core must run in browsers: Node globals there throw at run time (the page then leaves that component out)
  const nodeGlobals = [...new Set(Buffer.from(worker.code).toString('utf8').match(/\b(?:process\.(?:env|argv|cwd|exit)|Buffer\.(?:from|alloc)|require\()/g) ?? [])];
  if (nodeGlobals.length) console.warn(`build-web: warning: worker.js uses Node globals (${nodeGlobals.join(', ')}): find them in src/core`);
  const v = (b: Uint8Array | string): string => `?v=${short(b)}`;
  const main = await bundle('main.ts', { WORKER_URL: JSON.stringify(`worker.js${v(worker.code)}`), SW_URL: JSON.stringify('sw.js') }, []);
  put('main.js', main.code);
  const css = (await transform(readFileSync(join(WEB, 'styles.css'), 'utf8'), { loader: 'css', minify: true, charset: 'utf8', target: ['chrome100', 'firefox100', 'safari15'] })).code;
  put('styles.css', css);
  const html = readFileSync(join(WEB, 'index.html'), 'utf8')
    .replace('{{main.js}}', `main.js${v(main.code)}`)
    .replace('{{styles.css}}', `styles.css${v(css)}`);
  if (/\{\{[^}]*\}\}/.test(html)) throw new Error('index.html has an unreplaced placeholder');
  put('index.html', html);
  const shell = [
    './',
    'favicon.svg',
    `main.js${v(main.code)}`,
    `worker.js${v(worker.code)}`,
    `styles.css${v(css)}`,
    'fonts/vazirmatn-arabic-400.woff2',
    'fonts/vazirmatn-arabic-700.woff2',
    'fonts/vazirmatn-latin-400.woff2',
    'fonts/vazirmatn-latin-700.woff2',
  ];
  const sw = await bundle('sw.ts', { SHELL: JSON.stringify(shell), VERSION: JSON.stringify(short(html + shell.join('\n'))) }, []);
  put('sw.js', sw.code);

  // the report goes to stderr: stdout stays clean for `npm pack --json` / `npm publish --json`, whose "prepare" runs this
  if (quiet) return;
  const kb = (n: number): string => (n < 1024 ? `${n} B` : n < 1048576 ? `${(n / 1024).toFixed(1)} kB` : `${(n / 1048576).toFixed(2)} MB`);
  const rows = written.slice().sort((a, b) => a.file.localeCompare(b.file));
  const w = Math.max(...rows.map((r) => r.file.length));
  console.error(`web editor → ${relative(ROOT, OUT)}/`);
  for (const r of rows) console.error(`  ${r.file.padEnd(w)}  ${kb(r.bytes).padStart(9)}   gzip ${kb(r.gzip).padStart(9)}`);
  const total = (f: (r: Written) => boolean): string => {
    const sel = rows.filter(f);
    return `${kb(sel.reduce((a, r) => a + r.bytes, 0))} (gzip ${kb(sel.reduce((a, r) => a + r.gzip, 0))})`;
  };
  console.error(`  page (html+css+js+sw): ${total((r) => !r.file.includes('/'))}; fonts: ${total((r) => r.file.startsWith('fonts/'))}; data: ${total((r) => r.file.startsWith('data/'))}`);
  console.error(`  components bundled: ${mods.map((m) => relative(ROOT, m)).join(', ') || 'none besides normalizer, tokenizer'}`);
  if (skipped.length) console.error(`  data not copied: ${skipped.join('; ')}`);
  console.error(`  built in ${Date.now() - t0} ms`);
}

main().catch((e: unknown) => {
  console.error(`build-web: ${(e as Error).message ?? e}`);
  process.exit(1);
});
