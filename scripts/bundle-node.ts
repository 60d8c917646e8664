/**
 * Bundles the Node entry (src/node/index.ts and everything it imports) into an ES module at dist/node/index.js,
 * replacing tsc's many small files there (tsc still writes the .d.ts files and the other entries), with the core in a
 * module it shares with dist/node/core.js and browser.js (`dabir/core` and `dabir/browser` under Node, below). A few
 * files instead of tsc's hundreds halve the import time (about 60 ms instead of 110 ms on this machine), which is most
 * of the cold start. The server imports
 * the library only through dist/node/index.js, so there is a single copy of every class and of the component registry;
 * the CLI's own bundle (below) holds the library, the CLI and the server together, one copy in its process too. Run by
 * `npm run build` after tsc.
 */
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const t0 = performance.now();
// Three entries split from one build, so the code they share is one module (dist/node/shared-<hash>.js, the core;
// a second, smaller one holds the fetch loader that core.js and browser.js share): `dabir/core` and `dabir/browser`
// under Node's "node" condition (package.json's exports) load dist/node/core.js and browser.js, which import the same
// module as index.js, so a Doc or an AlignedText made by `dabir` is an instance of the class of `dabir/core` (its
// applyEdits refused one when `dabir` was a bundle of its own, with its own copy of every class and of the component
// registry). Only index.js loads node:* modules; core.js, browser.js and the shared modules none (test/package.test.ts).
// Importing `dabir` takes as long as with one file (median of 20 runs, this machine: 105 ms split, 112 ms one file).
// The shared modules of an older build (their names follow their content) are removed first, so none is packed.
for (const f of existsSync(`${ROOT}dist/node`) ? readdirSync(`${ROOT}dist/node`) : []) if (/^shared-.*\.js$/.test(f)) rmSync(`${ROOT}dist/node/${f}`);
await build({
  entryPoints: { index: `${ROOT}src/node/index.ts`, core: `${ROOT}src/index.ts`, browser: `${ROOT}src/browser/index.ts` },
  outdir: `${ROOT}dist/node`,
  splitting: true,
  chunkNames: 'shared-[hash]',
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  // No source map: the bundle is not minified (esbuild keeps the code as written, each module under a
  // "// src/core/…" comment), so a stack trace's line is readable as it is; the map (2.5 MB, 5% of the package) pointed
  // at src/, which the package does not ship, and Node reads maps only under --enable-source-maps. A map left by an
  // older build is removed, so it is not packed (package.json's files leave *.map out too).
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
  allowOverwrite: true,
});
rmSync(`${ROOT}dist/node/index.js.map`, { force: true });
// (to stderr: stdout stays clean for `npm pack --json`, whose "prepare" runs the build)
console.error(`bundled dist/node/index.js, core.js and browser.js in ${(performance.now() - t0).toFixed(0)} ms`);

// The CLI as one CommonJS script, dist/cli/main.cjs (the CLI and the library bundled together, as dist/node/index.js
// bundles the library), and a V8 code cache of it, main.cjs.cache: bin/dabir.js compiles the script with the cache
// (node:vm), so a one-off run does not parse and compile to bytecode, on its main thread, the functions the cache holds
// (those a light `dabir analyze` calls). An ES module cannot take a code cache in Node 20. `import.meta.url` in each
// file becomes the URL of that file's place in dist/ (data/, package.json and the worker scripts are found as from
// dist/node, dist/cli and dist/server). The cache is written by one run of the CLI itself on examples/news.txt
// (DABIR_BUILD_CODE_CACHE=1), with the V8 flags bin/dabir.js sets, which the cache must match; a Node whose V8 differs
// rejects it and compiles as without it. Without the two files (or with a main.cjs older than tsc's main.js) the CLI
// runs dist/cli/main.js as before.
const CLI = `${ROOT}dist/cli/main.cjs`;
rmSync(`${CLI}.cache`, { force: true });
const t1 = performance.now();
await build({
  entryPoints: [`${ROOT}src/cli/main.ts`],
  outfile: CLI,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  legalComments: 'none',
  logLevel: 'warning',
  allowOverwrite: true,
  // ("use strict" first: esbuild's own directive, after the banner, would be a plain statement, and the bundle would run
  // in sloppy mode, where ES modules are strict)
  banner: { js: "\"use strict\";\nconst __dabirUrl = (p) => require('node:url').pathToFileURL(require('node:path').join(__dirname, '..', p)).href;" },
  plugins: [
    {
      name: 'import-meta-url',
      setup(b) {
        b.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, (args) => {
          const rel = relative(`${ROOT}src`, args.path).split(sep).join('/').replace(/\.ts$/, '.js');
          const contents = readFileSync(args.path, 'utf8').replace(/\bimport\.meta\.url\b/g, `__dabirUrl(${JSON.stringify(rel)})`);
          return { contents, loader: 'ts' };
        });
      },
    },
  ],
});
const cache = spawnSync(process.execPath, [`${ROOT}bin/dabir.js`, 'analyze', '--components', 'normalizer,tokenizer,lemmatizer', `${ROOT}examples/news.txt`], {
  cwd: ROOT,
  env: { ...process.env, DABIR_BUILD_CODE_CACHE: '1' },
  stdio: ['ignore', 'ignore', 'pipe'],
  timeout: 120_000,
});
if (cache.status !== 0 || !existsSync(`${CLI}.cache`)) {
  rmSync(`${CLI}.cache`, { force: true });
  console.error(`dist/cli/main.cjs: no code cache written (the CLI runs without it): ${String(cache.stderr ?? cache.error).trim().split('\n')[0]}`);
} else {
  console.error(`bundled dist/cli/main.cjs and its code cache (${(statSync(`${CLI}.cache`).size / 1024).toFixed(0)} KB) in ${(performance.now() - t1).toFixed(0)} ms`);
}
