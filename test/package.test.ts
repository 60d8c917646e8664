/**
 * The package as a user gets it: `npm pack` of this checkout (dist/ as built by `npm ci`), installed offline into an
 * empty project, then used the ways the README says — the library (every README example, run against the installed
 * dist/), the pure core entry point, the CLI, and the HTTP service with the web editor. This catches what the other
 * tests cannot: a file left out of `files`, an export missing from the bundle, a path that only works from a clone.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileBlock, readmeAsTypeScript, readmeBlocks, readmeImports } from './helpers/readme.js';

const ROOT = new URL('..', import.meta.url).pathname;
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const built = existsSync(join(ROOT, 'dist/node/index.js')) && existsSync(join(ROOT, 'dist/web/index.html'));

interface PackFile {
  path: string;
  size: number;
}

let dir = '';
let app = '';
let files: PackFile[] = [];
let unpackedSize = 0;

/** Runs node in the installed project. */
function nodeIn(args: string[], input?: string): string {
  return execFileSync(process.execPath, args, { cwd: app, input, encoding: 'utf8', maxBuffer: 64 << 20 });
}

describe.skipIf(!built)('the packed package, installed into an empty project', () => {
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'dabir-pack-'));
    // --ignore-scripts: pack what `npm ci` built (the "prepare" script would rebuild it)
    const out = execFileSync(npm, ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], { cwd: ROOT, encoding: 'utf8' });
    const info = (JSON.parse(out) as { filename: string; files: PackFile[]; unpackedSize: number }[])[0]!;
    files = info.files;
    unpackedSize = info.unpackedSize;
    app = join(dir, 'app');
    mkdirSync(app);
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', version: '1.0.0', private: true, type: 'module' }));
    // the package has no run-time dependencies, so this needs no network
    execFileSync(npm, ['install', '--offline', '--ignore-scripts', '--no-audit', '--no-fund', join(dir, info.filename)], { cwd: app, encoding: 'utf8' });
  }, 120_000);
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('holds the built code, every data file of the manifest and the licences, and nothing of the workshop', () => {
    const paths = new Set(files.map((f) => f.path));
    const manifest = JSON.parse(readFileSync(join(ROOT, 'data/manifest.json'), 'utf8')) as { files: Record<string, { bytes: number }> };
    for (const [name, entry] of Object.entries(manifest.files)) {
      expect(paths.has(`data/${name}`), `data/${name}`).toBe(true);
      expect(files.find((f) => f.path === `data/${name}`)!.size, `data/${name} size as in the manifest`).toBe(entry.bytes);
    }
    for (const p of ['bin/dabir.js', 'dist/node/index.js', 'dist/node/core.js', 'dist/node/browser.js', 'dist/index.js', 'dist/index.d.ts', 'dist/web/index.html', 'dist/web/worker.js', 'dist/web/data/manifest.json', 'data/manifest.json', 'DATA-LICENSES.md', 'LICENSE', 'README.md']) {
      expect(paths.has(p), p).toBe(true);
    }
    expect(files.some((f) => f.path.startsWith('licenses/')), 'licences of the data sources').toBe(true);
    for (const p of paths) expect(p, 'sources, tests, scripts and scratch stay out of the package').not.toMatch(/^(src|test|scripts|bench|\.tmp|node_modules)\//);
    // the editor's model files are served from data/ (the server's fallback), not shipped twice: its JSON data
    // (formal.json, mwt*.json, 266 KB) too, as its .bin files; only its manifest, which differs from data/'s
    expect([...paths].filter((p) => p.startsWith('dist/web/data/'))).toEqual(['dist/web/data/manifest.json']);
    // [what, paths, reason]: files no user of the package reads
    const UNNEEDED: [string, string[], string][] = [
      ['source maps', [...paths].filter((p) => p.endsWith('.map')), 'dist/node/index.js.map (2.5 MB, 5% of the package) mapped to src/, which is not shipped; the bundle is not minified'],
      ['declarations of the CLI and the server', [...paths].filter((p) => /^dist\/(cli|server)\/.*\.d\.ts$/.test(p)), 'no entry point exports them (openapi.d.ts alone was 115 KB)'],
      ['tsc\'s modules of the editor', [...paths].filter((p) => /^dist\/web\/[^/]+\.(d\.ts|js)$/.test(p) && !/^dist\/web\/(main|worker|sw)\.js$/.test(p)), 'tsc -p tsconfig.build.json wrote src/web into dist/web (changes.js, tree.d.ts, …): build-web replaced them, but a tsc run after it (test/cli.test.ts\'s beforeAll, after an edit in src/) left main.js an ES module the page loads as a classic script ("Cannot use import statement outside a module": the editor never loaded); src/web is now out of tsconfig.build.json'],
    ];
    for (const [what, found, why] of UNNEEDED) expect(found, `${what}: ${why}`).toEqual([]);
    expect(readFileSync(join(ROOT, 'dist/node/index.js'), 'utf8'), 'no link to a map that is not shipped (bundlers warn of it)').not.toMatch(/sourceMappingURL/);
    expect(readFileSync(join(ROOT, 'dist/web/main.js'), 'utf8'), 'the page script is the bundle, a classic script (index.html loads it without type=module)').not.toMatch(/^import /m);
    expect(unpackedSize, 'unpacked size (budget 60 MB)').toBeLessThan(60e6);
  });

  // [module, moduleResolution, reason]: the entry points' types, as a TypeScript project of each kind resolves them
  const RESOLUTIONS: [string, string, string][] = [
    ['nodenext', 'nodenext', 'exports map, its "types" conditions'],
    ['esnext', 'bundler', 'the same, as bundlers resolve'],
    ['commonjs', 'node10', 'no exports map (the default of module commonjs): dabir/core and dabir/browser were "Cannot find module" before typesVersions'],
  ];
  it.each(RESOLUTIONS)('its types resolve for module %s, moduleResolution %s (%s)', (module, resolution, _why) => {
    const src = [
      "import { normalize, type NormalizeOptions } from 'dabir';",
      "import { createPipeline, createNormalizer } from 'dabir/core';",
      "import { createBrowserPipeline, loadNormalizer } from 'dabir/browser';",
      "const o: NormalizeOptions = { digits: 'latin' };",
      'export const s: string = normalize("x", o);',
      'export const f = [createPipeline, createNormalizer, createBrowserPipeline, loadNormalizer].map((g) => typeof g);',
    ].join('\n');
    writeFileSync(join(app, `types-${resolution}.ts`), src);
    const config = { compilerOptions: { target: 'es2022', module, moduleResolution: resolution, strict: true, noEmit: true, lib: ['es2022', 'dom'], types: [] }, files: [`types-${resolution}.ts`] };
    writeFileSync(join(app, `tsconfig-${resolution}.json`), JSON.stringify(config));
    const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', `tsconfig-${resolution}.json`], { cwd: app, encoding: 'utf8' });
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  }, 60_000);

  // [module, moduleResolution, reason]: the README's examples, pasted into a strict TypeScript project, compile
  // against the package's emitted types (the js examples ran, but `ner.process(…).entities.map(…)` was TS2532 there:
  // entities is undefined when no ner component ran)
  const EXAMPLE_RESOLUTIONS: [string, string, string][] = [
    ['nodenext', 'nodenext', 'a Node project'],
    ['esnext', 'bundler', 'a bundler project (Vite, esbuild)'],
  ];
  it.each(EXAMPLE_RESOLUTIONS)("the README's examples type-check under strict, module %s, moduleResolution %s (%s)", (module, resolution, _why) => {
    writeFileSync(join(app, `readme-${resolution}.ts`), readmeAsTypeScript());
    const config = { compilerOptions: { target: 'es2022', module, moduleResolution: resolution, strict: true, noEmit: true, lib: ['es2022', 'dom'], types: [] }, files: [`readme-${resolution}.ts`] };
    writeFileSync(join(app, `tsconfig-readme-${resolution}.json`), JSON.stringify(config));
    const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', `tsconfig-readme-${resolution}.json`], { cwd: app, encoding: 'utf8' });
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  }, 60_000);

  it('runs every README example against the installed dist/ and gives the documented values', () => {
    const names = readmeImports();
    expect(names.length).toBeGreaterThan(10);
    const script = [
      "import * as dabir from 'dabir';",
      "import { isDeepStrictEqual } from 'node:util';",
      'const result = { missing: [], failures: [], checks: 0 };',
      `for (const n of ${JSON.stringify(names)}) if (!(n in dabir)) result.missing.push(n);`,
      'const check = (got, want, what) => { result.checks++; const g = JSON.parse(JSON.stringify(got)); if (!isDeepStrictEqual(g, want)) result.failures.push({ what, got: g, want }); };',
      ...readmeBlocks.map((b, k) => `try { (() => {\n${compileBlock(b)}\n})(); } catch (e) { result.failures.push({ what: 'block ${k + 1} threw', got: String(e) }); }`),
      'console.log(JSON.stringify(result));',
    ].join('\n');
    writeFileSync(join(app, 'readme-examples.mjs'), script);
    const result = JSON.parse(nodeIn(['readme-examples.mjs'])) as { missing: string[]; failures: unknown[]; checks: number };
    expect(result.missing, 'names the README imports from dabir').toEqual([]);
    expect(result.failures).toEqual([]);
    expect(result.checks).toBeGreaterThan(20);
  });

  // the files an entry loads: its own and those it imports by a relative path (dist/node/core.js imports the core from
  // a module it shares with dist/node/index.js), so no node:* import hides in a module the entry loads
  const FILES_LOADED = [
    "import { dirname, resolve } from 'node:path';",
    'const filesLoaded = (file, seen = new Set()) => { if (seen.has(file)) return [...seen]; seen.add(file);',
    '  for (const m of readFileSync(file, "utf8").matchAll(/(?:from|import)\\s*["\'](\\.{1,2}\\/[^"\']+)["\']/g)) filesLoaded(resolve(dirname(file), m[1]), seen);',
    '  return [...seen]; };',
  ].join('\n');

  it("exposes the fetch loader at 'dabir/browser' (and in the default entry), with no Node module", () => {
    writeFileSync(
      join(app, 'browser.mjs'),
      [
        "import * as b from 'dabir/browser';",
        "import { readFileSync } from 'node:fs';",
        "import { createRequire } from 'node:module';",
        FILES_LOADED,
        'const src = filesLoaded(createRequire(import.meta.url).resolve("dabir/browser")).map((f) => readFileSync(f, "utf8")).join("\\n");',
        'console.log(JSON.stringify({ names: ["loadResources", "createBrowserPipeline", "loadNormalizer"].filter((n) => typeof b[n] === "function"), nodeImports: /from\\s*["\']node:/.test(src) }));',
      ].join('\n'),
    );
    const r = JSON.parse(nodeIn(['browser.mjs'])) as { names: string[]; nodeImports: boolean };
    expect(r.names).toEqual(['loadResources', 'createBrowserPipeline', 'loadNormalizer']);
    expect(r.nodeImports).toBe(false);
  });

  it("exposes the pure core at 'dabir/core', which loads no Node module", () => {
    writeFileSync(
      join(app, 'core.mjs'),
      [
        "import * as core from 'dabir/core';",
        "import { readFileSync } from 'node:fs';",
        "import { createRequire } from 'node:module';",
        FILES_LOADED,
        'const src = filesLoaded(createRequire(import.meta.url).resolve("dabir/core")).map((f) => readFileSync(f, "utf8")).join("\\n");',
        'console.log(JSON.stringify({ names: ["createNormalizer", "createPipeline", "HalfSpaceModel", "numberToWords"].filter((n) => typeof core[n] === "function"), nodeImports: /from\\s*["\']node:|require\\(["\']node:/.test(src), words: core.numberToWords(2500) }));',
      ].join('\n'),
    );
    const r = JSON.parse(nodeIn(['core.mjs'])) as { names: string[]; nodeImports: boolean; words: string };
    expect(r.names).toEqual(['createNormalizer', 'createPipeline', 'HalfSpaceModel', 'numberToWords']);
    expect(r.nodeImports).toBe(false);
    expect(r.words).toBe('دو هزار و پانصد');
  });

  // [thrower's entry, catcher's entry, reason]: when each entry had its own copy of the classes (dabir was one bundle),
  // an error thrown by dabir's normalize was no instance of dabir/core's DabirError; the entries share the core now
  // (OBJECT_ENTRIES below), and DabirError's Symbol.hasInstance keeps this true where a program holds two copies
  const ERROR_ENTRIES: [string, string, string][] = [
    ['dabir', 'dabir/core', 'Node code that catches with the DabirError of the core it shares with the browser'],
    ['dabir/core', 'dabir', 'the other way round'],
    ['dabir', 'dabir', 'the same entry (as always)'],
  ];
  it.each(ERROR_ENTRIES)('an error thrown by %s is instanceof the DabirError of %s (%s)', (from, catcher, _why) => {
    writeFileSync(
      join(app, 'errors.mjs'),
      [
        `import * as a from '${from}';`,
        `import * as b from '${catcher}';`,
        'let e; try { a.tokenize(5); } catch (x) { e = x; }',
        'console.log(JSON.stringify([e instanceof b.DabirError, e.code, new Error("x") instanceof b.DabirError]));',
      ].join('\n'),
    );
    expect(JSON.parse(nodeIn(['errors.mjs']))).toEqual([true, 'E_BAD_INPUT', false]);
  });

  // [maker's entry, user's entry, the object (a: the maker's module), its use (b: the user's), the result, reason]: under Node, dabir/core and dabir/browser import the
  // core from the module dist/node/index.js imports (package.json's "node" conditions), so there is one copy of every
  // class: before, dabir was a bundle of its own, and every instanceof here was false (applyEdits threw E_BAD_INPUT
  // "applyEdits expects an AlignedText, got an instance of AlignedText" both ways)
  const OBJECT_ENTRIES: [string, string, string, string, unknown, string][] = [
    ['dabir', 'dabir/core', "a.normalizeAligned('میخواهم')", "[x instanceof b.AlignedText, b.applyEdits(x, [{ start: 0, end: 0, text: '«', kind: 'punctuation' }]).text]", [true, '«می‌خواهم'], 'normalizeAligned of dabir, then applyEdits of dabir/core'],
    ['dabir/core', 'dabir', "a.createNormalizer().normalizeAligned('میخواهم')", "[x instanceof b.AlignedText, b.applyEdits(x, [{ start: 0, end: 0, text: '«', kind: 'punctuation' }]).text]", [true, '«میخواهم'], 'the other way round (a core normalizer has no model: no half-space)'],
    ['dabir', 'dabir/core', "a.analyze('کتاب را خواندم.')", '[x instanceof b.Doc, x.sentences[0].words[0] instanceof b.Word]', [true, true], 'a Doc of dabir, checked with the classes of dabir/core, as code shared with the browser does'],
    ['dabir', 'dabir/core', 'a.loadHalfSpaceModel()', "[x instanceof b.HalfSpaceModel, b.createNormalizer({ halfSpace: x }).normalize('میخواهم')]", [true, 'می‌خواهم'], "the model dabir loads, given to dabir/core's createNormalizer"],
    ['dabir/browser', 'dabir', "(await a.createBrowserPipeline(PKG, { fetch: FETCH })).process('کتاب را خواندم.')", '[x instanceof b.Doc, x.sentences[0].words[0] instanceof b.Word]', [true, true], "a Doc of dabir/browser's pipeline (data read with a fetch of files), instanceof dabir's Doc"],
  ];
  it.each(OBJECT_ENTRIES)('an object made by %s is used by %s: %s', (from, user, make, use, want, why) => {
    writeFileSync(
      join(app, 'objects.mjs'),
      [
        `import * as a from '${from}';`,
        `import * as b from '${user}';`,
        "import { readFileSync } from 'node:fs';",
        "import { pathToFileURL } from 'node:url';",
        "const PKG = pathToFileURL(process.cwd() + '/node_modules/dabir/');",
        'const FETCH = async (u) => new Response(readFileSync(new URL(u)));',
        `const x = ${make};`,
        `console.log(JSON.stringify(${use}));`,
      ].join('\n'),
    );
    expect(JSON.parse(nodeIn(['objects.mjs'])), why).toEqual(want);
  });

  it('can be required from CommonJS on Node >= 20.19 (require of an ES module), with the same results', () => {
    const [major, minor] = process.versions.node.split('.').map(Number) as [number, number];
    if (major === 20 && minor < 19) return; // older Node 20: CommonJS code uses import('dabir') (README)
    writeFileSync(join(app, 'cjs.cjs'), "const d = require('dabir'); console.log(JSON.stringify([d.normalize('میخواهم 12 کتاب بخرم'), typeof d.createPipeline]));");
    expect(JSON.parse(nodeIn(['cjs.cjs']))).toEqual(['می‌خواهم ۱۲ کتاب بخرم', 'function']);
  });

  it('installs the dabir command: normalize and analyze (with the shipped tagger and parser) work from the package', () => {
    const bin = join(app, 'node_modules/.bin/dabir');
    expect(nodeIn([bin, 'normalize'], 'ما میتوانیم بین المللی باشیم\n')).toBe('ما می‌توانیم بین‌المللی باشیم\n');
    const conllu = nodeIn([bin, 'analyze', '--format', 'conllu'], 'کتاب را خواندم.\n');
    const rows = conllu.split('\n').filter((l) => /^\d+\t/.test(l)).map((l) => l.split('\t'));
    expect(rows.map((r) => r[1])).toEqual(['کتاب', 'را', 'خواندم', '.']);
    expect(rows.map((r) => r[3]), 'UPOS from the shipped tagger').toEqual(['NOUN', 'ADP', 'VERB', 'PUNCT']);
    expect(rows.filter((r) => r[6] === '0').length, 'one root from the shipped parser').toBe(1);
  });

  // [the installed files' times, reason]: the installed command runs the CLI's bundle, dist/cli/main.cjs, with its code
  // cache whatever the order npm wrote the files in (it writes them with the install's times): dist/cli/main.js is
  // replaced by a module that fails, so the command works only from the bundle
  const installedTimes: [string, string][] = [
    ['dist/cli/main.js written after main.cjs', 'the launcher took main.js as rebuilt by tsc and ran it, never the bundle (npm wrote main.js 80 ms after main.cjs here)'],
  ];
  it.each(installedTimes)('the installed command runs dist/cli/main.cjs: %s (%s)', (_, reason) => {
    const esm = join(app, 'node_modules/dabir/dist/cli/main.js');
    const kept = readFileSync(esm);
    writeFileSync(esm, "throw new Error('the ES modules ran');\n");
    try {
      expect(nodeIn([join(app, 'node_modules/.bin/dabir'), '--version']).trim(), reason).toMatch(/\d+\.\d+\.\d+/);
    } finally {
      writeFileSync(esm, kept);
    }
  });

  it('serves the API and the web editor from the package, the model files from its data/', async () => {
    const child = spawn(process.execPath, [join(app, 'node_modules/.bin/dabir'), 'serve', '--port', '0'], { cwd: app, stdio: ['ignore', 'ignore', 'pipe'] });
    try {
      const base = await new Promise<string>((resolve, reject) => {
        let err = '';
        child.stderr.on('data', (c: Buffer) => {
          err += c.toString();
          const m = /serving on (http:\/\/\S+)/.exec(err);
          if (m) resolve(m[1]!);
        });
        child.on('exit', (code) => reject(new Error(`dabir serve exited (${code}): ${err}`)));
      });
      const page = await fetch(`${base}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<html');
      const manifest = (await (await fetch(`${base}/data/manifest.json`)).json()) as { files: Record<string, { bytes: number }> };
      for (const [name, entry] of Object.entries(manifest.files)) {
        const r = await fetch(`${base}/data/${name}`);
        expect(r.status, `/data/${name}`).toBe(200);
        expect((await r.arrayBuffer()).byteLength, `/data/${name}`).toBe(entry.bytes);
      }
      const res = await fetch(`${base}/v1/normalize`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'میتوانیم' }) });
      expect(((await res.json()) as { text: string }).text).toBe('می‌توانیم');
    } finally {
      child.kill('SIGTERM');
    }
  });
});

describe.skipIf(built)('the packed package', () => {
  it('SKIP: dist/ is not built (npm ci builds it)', () => {
    console.log('SKIP package test: dist/ is not built (run npm ci or npm run build)');
  });
});

describe('the build that the "prepare" script runs', () => {
  // npm pack --json and npm publish --json run "prepare" (npm run build) with its stdout in theirs: the build's report
  // on stdout made their JSON invalid ("bundled dist/node/index.js in 319 ms" before the "[")
  it('reports on stderr, never stdout', () => {
    const out = mkdtempSync(join(tmpdir(), 'dabir-web-'));
    try {
      const r = execFileSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'scripts/build-web.ts'), '--out', out], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      expect(r).toBe('');
      expect(existsSync(join(out, 'index.html'))).toBe(true);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
    // (the Node bundle writes dist/ itself, which other tests read: its source is checked instead)
    for (const script of ['scripts/bundle-node.ts', 'scripts/build-web.ts']) expect(readFileSync(join(ROOT, script), 'utf8'), script).not.toMatch(/console\.log\(/);
  }, 60_000);
});
