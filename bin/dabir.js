#!/usr/bin/env node
// Launcher for the `dabir` command; the logic lives in src/cli/main.ts (built to dist/ by `npm run build`).
import { setFlagsFromString } from 'node:v8';

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
setFlagsFromString('--max-inlined-bytecode-size-cumulative=200');

import('../dist/cli/main.js').then(
  async ({ main }) => {
    process.exitCode = await main(process.argv.slice(2));
  },
  (err) => {
    process.stderr.write(`dabir: cannot load dist/cli/main.js (run "npm run build"): ${err.message}\n`);
    process.exitCode = 1;
  },
);
