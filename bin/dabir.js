#!/usr/bin/env node
// Launcher for the `dabir` command; the logic lives in src/cli/main.ts (built to dist/ by `npm run build`).
import('../dist/cli/main.js').then(
  async ({ main }) => {
    process.exitCode = await main(process.argv.slice(2));
  },
  (err) => {
    process.stderr.write(`dabir: cannot load dist/cli/main.js (run "npm run build"): ${err.message}\n`);
    process.exitCode = 1;
  },
);
