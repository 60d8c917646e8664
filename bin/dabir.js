#!/usr/bin/env node
// Launcher for the `dabir` command; the logic lives in src/cli/main.ts (built to dist/ by `npm run build`).
import { setFlagsFromString } from 'node:v8';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

// V8 tuning, set before any of dabir's code is compiled. A one-off run spends much of its time warming up: V8's
// optimizing compiler (TurboFan, on a background thread) builds the hot steps (half-space repair, tokenizer scan,
// lemmatizer) several times each, as new kinds of input invalidate the optimized code, and by default it inlines up
// to 920 bytes of bytecode into each of them, which makes every build of those large functions slow. A budget of 200
// bytes makes each build smaller and faster, so the optimized code arrives sooner and the compiler thread takes less
// of the second core. Output is unchanged (only how V8 compiles). Measured on this 2-core machine, fresh process,
// 1 MB of news text, interleaved runs (10-20 each, several sessions): `analyze --components
// normalizer,tokenizer,lemmatizer` median wall -9% to -17%, CPU -17% to -22%; `normalize` median wall -13% to -22%,
// CPU -22% to -26%; warm (steady-state) throughput unchanged within noise. (Budgets of 100 or no inlining at all
// measured about the same as 200; other tier-up, GC and compiler flags and priming the steps at start did not help.)
// (The code cache below was made with this flag: V8 accepts a cache only under the flags it was made with.)
setFlagsFromString('--max-inlined-bytecode-size-cumulative=200');
// A checksum in the code cache below, checked when it is read: without it V8 (release builds) trusts a damaged cache
// (a flipped or overwritten byte in main.cjs.cache) and dies on a fatal error while deserializing; with it, V8 rejects
// the cache and compiles the script as without one.
setFlagsFromString('--verify-snapshot-checksum');

const CJS = fileURLToPath(new URL('../dist/cli/main.cjs', import.meta.url));
const mtime = (f) => statSync(f, { throwIfNoEntry: false })?.mtimeMs ?? -1;

/**
 * dist/cli/main.cjs (the CLI in one CommonJS script, scripts/bundle-node.ts) compiled with its V8 code cache: the
 * functions the cache holds are not parsed and compiled again (a light `dabir analyze` of 1 MB: ~0.07 s of CPU less).
 * The same code as dist/cli/main.js; undefined when it is missing or older than main.js (tsc rebuilt the CLI since).
 * An installed package has no src/: nothing rebuilds its dist/ but the whole build, and npm writes the files with the
 * install's times in no set order (main.js often newer than main.cjs, the cache older), so the times are not compared.
 */
/** A checkout (with src/, which `npm run build` builds to dist/), not an installed package. */
const checkout = mtime(fileURLToPath(new URL('../src', import.meta.url))) >= 0;

function cachedCli() {
  const at = mtime(CJS);
  if (at < 0 || (checkout && at < mtime(fileURLToPath(new URL('../dist/cli/main.js', import.meta.url))))) return undefined;
  const write = process.env.DABIR_BUILD_CODE_CACHE === '1'; // the build writes the cache (scripts/bundle-node.ts)
  const cachedData = !write && mtime(CJS + '.cache') >= (checkout ? at : 0) ? readFileSync(CJS + '.cache') : undefined;
  const source = readFileSync(CJS, 'utf8');
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: CJS, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(CJS), module, CJS, dirname(CJS));
  if (!write) return module.exports.main;
  return async (args) => {
    const code = await module.exports.main(args);
    writeFileSync(CJS + '.cache', script.createCachedData());
    return code;
  };
}

Promise.resolve()
  .then(() => {
    try {
      return cachedCli();
    } catch {
      return undefined; // (a damaged main.cjs: the ES modules, as without it)
    }
  })
  .then((main) => main ?? import('../dist/cli/main.js').then((m) => m.main))
  .then(
    async (main) => {
      process.exitCode = await main(process.argv.slice(2));
    },
    (err) => {
      // (an installed package has no src/ to build: its dist/ comes only with the package)
      const fix = checkout ? 'run "npm run build" in the checkout' : 'reinstall the package: npm install dabir';
      process.stderr.write(`dabir: cannot load dist/cli/main.js (${fix}): ${err.message}\n`);
      process.exitCode = 1;
    },
  );
