/**
 * The web editor's build output (scripts/build-web.ts into a scratch folder): the analysis runs in a module Web Worker
 * that the page references by its content hash, and the same file is the page's fallback where no worker starts. What a
 * browser does with them is tested by test/e2e/editor.e2e.test.ts (headless Chromium, when /usr/bin/chromium exists).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));

describe('the web editor build: worker and page', () => {
  let out = '';
  const read = (f: string): string => readFileSync(join(out, f), 'utf8');
  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), 'dabir-web-build-'));
    execFileSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'scripts/build-web.ts'), '--out', out, '--quiet'], { cwd: ROOT, stdio: 'inherit' });
  }, 120_000);
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  // [file, test, reason]
  const rows: [string, (text: string, hash: (f: string) => string) => unknown, string][] = [
    ['worker.js', (t) => expect(t).not.toMatch(/\bimport\.meta\b|^\s*(?:import|export)\b/m), 'built as an ES module (a module worker), but with no import, export or import.meta left, so a browser that loads it as a classic worker runs it too'],
    ['worker.js', (t) => expect(t).toContain('dabirInline'), 'the same file sets the fallback entry when it is loaded in the page (no worker)'],
    ['worker.js', (t) => expect(t).toMatch(/cancel/), 'the queue that drops stale requests (takeNext) is in the worker'],
    ['main.js', (t, h) => expect(t).toContain(`worker.js?v=${h('worker.js')}`), 'the page references the worker of this build (by the hash of its bytes: a cached old worker is never used with a new page)'],
    ['main.js', (t) => expect(t).toMatch(/type:"module"/), 'started as a module worker'],
    ['main.js', (t) => expect(t).toMatch(/\.terminate\(\)/), 'a long job of an older text is ended with its worker (shouldRestart)'],
    ['main.js', (t) => expect(t).not.toMatch(/^import /m), 'the page script is a classic script (index.html loads it without type=module)'],
    ['sw.js', (t, h) => expect(t).toContain(`worker.js?v=${h('worker.js')}`), 'the service worker keeps the worker for offline use'],
  ];
  it.each(rows.map(([file, check, why]) => ({ file, check, why })))('$file: $why', ({ file, check }) => {
    const hash = (f: string): string => createHash('sha256').update(readFileSync(join(out, f))).digest('hex').slice(0, 12);
    check(read(file), hash);
  });
});
