/**
 * Memory of a long streamed run: ~100 MB of Persian text (the PerDT train text repeated, else examples/news.txt)
 * is piped through `dabir analyze` (normalizer, tokenizer, lemmatizer by default; COMPONENTS=... to change) and the
 * resident memory of the CLI process is sampled every second from /proc. Memory must stay flat: the caches are
 * bounded and the CLI streams sentence by sentence. Writes bench/results/stream.json.
 *
 *   npm run bench:stream             # 100 MB (takes a few minutes)
 *   MB=20 npm run bench:stream       # a shorter run
 */
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const MBS = Number(process.env.MB ?? 100);
const COMPONENTS = process.env.COMPONENTS ?? 'normalizer,tokenizer,lemmatizer';
const perdt = join(ROOT, '../shared/data/text/perdt-train.txt');
const unit = readFileSync(existsSync(perdt) ? perdt : join(ROOT, 'examples/news.txt'));
const file = join(ROOT, 'bench/results/stream-input.tmp');
{
  const out = createWriteStream(file);
  let n = 0;
  while (n < MBS * 2 ** 20) {
    out.write(unit);
    n += unit.length;
  }
  await new Promise((r) => out.end(r));
}
const bytes = Math.ceil((MBS * 2 ** 20) / unit.length) * unit.length;
const t0 = performance.now();
const child = spawn(process.execPath, [join(ROOT, 'bin/dabir.js'), 'analyze', '--components', COMPONENTS, ...(process.env.SCHEME ? ['--scheme', process.env.SCHEME] : []), '--format', 'jsonl', file], { stdio: ['ignore', 'pipe', 'inherit'] });
let outBytes = 0;
child.stdout.on('data', (b: Buffer) => (outBytes += b.length));
const samples: { s: number; rssMB: number }[] = [];
const timer = setInterval(() => {
  try {
    const st = readFileSync(`/proc/${child.pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(st)?.[1] ?? NaN);
    if (kb) samples.push({ s: (performance.now() - t0) / 1000, rssMB: kb / 1024 });
  } catch {
    /* the process has ended */
  }
}, 1000);
const code: number = await new Promise((r) => child.on('close', r));
clearInterval(timer);
const secs = (performance.now() - t0) / 1000;
const q = (f: number): number => samples[Math.min(samples.length - 1, Math.floor(f * samples.length))]?.rssMB ?? NaN;
const result = {
  inputMB: bytes / 2 ** 20,
  components: COMPONENTS,
  exitCode: code,
  seconds: secs,
  MBperSec: bytes / 2 ** 20 / secs,
  outputMB: outBytes / 2 ** 20,
  rssMB: { at10: q(0.1), at50: q(0.5), at90: q(0.9), max: Math.max(...samples.map((x) => x.rssMB)) },
  samples: samples.length,
};
console.log(JSON.stringify(result, null, 2));
writeFileSync(join(ROOT, 'bench/results/stream.json'), JSON.stringify(result, null, 2) + '\n');
