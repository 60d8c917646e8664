/**
 * Starting a worker thread from a module next to the caller: the compiled `<name>.js` when running from dist/, or
 * `<name>.ts` through tsx when running from the sources (tests, `npx tsx`). Used by the HTTP service's pool and by
 * `dabir analyze --threads`.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/** `here`: the caller's import.meta.url; `name`: the worker module's file name without extension. */
export function spawnWorker(here: string, name: string, options: WorkerOptions = {}): Worker {
  // workers inherit node's flags; --input-type (of `node -e`) would make node refuse to start a worker from a file
  const execArgv = process.execArgv.filter((a) => !a.startsWith('--input-type'));
  const opts: WorkerOptions = { execArgv, ...options };
  if (!here.endsWith('.ts')) return new Worker(new URL(`./${name}.js`, here), opts);
  // running from src/: register tsx inside the worker before importing the TypeScript file
  const tsx = tsxApi(here);
  const file = new URL(`./${name}.ts`, here).href;
  const code = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(file)}); });`;
  return new Worker(code, { ...opts, eval: true });
}

/** The ESM entry of tsx's register API (`tsx/esm/api` under the "import" condition). */
function tsxApi(from: string): string {
  const req = createRequire(from);
  const pkgFile = req.resolve('tsx/package.json');
  const pkg = JSON.parse(readFileSync(pkgFile, 'utf8')) as { exports: Record<string, { import: { default: string } }> };
  return pathToFileURL(join(dirname(pkgFile), pkg.exports['./esm/api']!.import.default)).href;
}
