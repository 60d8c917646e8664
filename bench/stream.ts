/**
 * Memory of a long streamed run: ~100 MB of Persian text (the PerDT train text repeated, else examples/news.txt)
 * is piped through `dabir analyze` (normalizer, tokenizer, lemmatizer by default; COMPONENTS=... to change) or
 * `dabir normalize` (CMD=normalize), and the resident memory of the CLI process is sampled every second from /proc.
 * Memory must stay flat: the caches are bounded and the CLI streams sentence by sentence (line by line). Writes
 * bench/results/stream.json (one size) or bench/results/stream-sizes.json (several, MB=20,100: the peak RSS of each
 * and the ratio of the largest's to the smallest's — flat memory gives a ratio near 1 for 5× the input).
 *
 *   npm run bench:stream                               # 100 MB (takes a few minutes)
 *   MB=20 npm run bench:stream                         # a shorter run
 *   MB=20,100 CMD=normalize npm run bench:stream       # the peak RSS of 20 MB against 100 MB, dabir normalize
 */
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SIZES = String(process.env.MB ?? 100).split(',').map(Number);
if (SIZES.some((n) => !(n > 0))) throw new Error(`MB must be a size in MB or a comma-separated list of them, not ${process.env.MB}`);
const CMD = process.env.CMD ?? 'analyze';
if (CMD !== 'analyze' && CMD !== 'normalize') throw new Error(`CMD must be analyze or normalize, not ${CMD}`);
const COMPONENTS = process.env.COMPONENTS ?? 'normalizer,tokenizer,lemmatizer';
const perdt = join(ROOT, '../shared/data/text/perdt-train.txt');
const unit = readFileSync(existsSync(perdt) ? perdt : join(ROOT, 'examples/news.txt'));
const file = join(ROOT, 'bench/results/stream-input.tmp');

async function run(mbs: number): Promise<Record<string, unknown>> {
  {
    const out = createWriteStream(file);
    let n = 0;
    while (n < mbs * 2 ** 20) {
      out.write(unit);
      n += unit.length;
    }
    await new Promise((r) => out.end(r));
  }
  const bytes = Math.ceil((mbs * 2 ** 20) / unit.length) * unit.length;
  const t0 = performance.now();
  const args =
    CMD === 'normalize'
      ? ['normalize', file]
      : ['analyze', '--components', COMPONENTS, ...(process.env.SCHEME ? ['--scheme', process.env.SCHEME] : []), '--format', 'jsonl', file];
  const child = spawn(process.execPath, [join(ROOT, 'bin/dabir.js'), ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  let outBytes = 0;
  child.stdout.on('data', (b: Buffer) => (outBytes += b.length));
  const samples: { s: number; rssMB: number }[] = [];
  let hwmMB = NaN;
  const timer = setInterval(() => {
    try {
      const st = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const kb = Number(/VmRSS:\s+(\d+)/.exec(st)?.[1] ?? NaN);
      // (VmHWM: the kernel's peak of the resident set, between the one-second samples too)
      const hwm = Number(/VmHWM:\s+(\d+)/.exec(st)?.[1] ?? NaN);
      if (hwm) hwmMB = hwm / 1024;
      if (kb) samples.push({ s: (performance.now() - t0) / 1000, rssMB: kb / 1024 });
    } catch {
      /* the process has ended */
    }
  }, 1000);
  const code: number = await new Promise((r) => child.on('close', r));
  clearInterval(timer);
  rmSync(file, { force: true });
  const secs = (performance.now() - t0) / 1000;
  const q = (f: number): number => samples[Math.min(samples.length - 1, Math.floor(f * samples.length))]?.rssMB ?? NaN;
  return {
    command: CMD,
    inputMB: bytes / 2 ** 20,
    ...(CMD === 'analyze' ? { components: COMPONENTS } : {}),
    exitCode: code,
    seconds: secs,
    MBperSec: bytes / 2 ** 20 / secs,
    outputMB: outBytes / 2 ** 20,
    rssMB: { at10: q(0.1), at50: q(0.5), at90: q(0.9), max: Math.max(...samples.map((x) => x.rssMB)), peak: hwmMB },
    samples: samples.length,
  };
}

const results: Record<string, unknown>[] = [];
for (const mb of SIZES) results.push(await run(mb));
if (results.length === 1) {
  console.log(JSON.stringify(results[0], null, 2));
  writeFileSync(join(ROOT, 'bench/results/stream.json'), JSON.stringify(results[0], null, 2) + '\n');
} else {
  const peak = (r: Record<string, unknown>): number => (r['rssMB'] as { peak: number }).peak;
  const summary = { command: CMD, runs: results, peakRatio: peak(results[results.length - 1]!) / peak(results[0]!) };
  console.log(JSON.stringify(summary, null, 2));
  writeFileSync(join(ROOT, 'bench/results/stream-sizes.json'), JSON.stringify(summary, null, 2) + '\n');
}
