/**
 * Load benchmark of `dabir serve`: starts the server in a child process on 127.0.0.1 (a free port), sends
 * POST /v1/normalize requests of one paragraph each from CONNECTIONS concurrent keep-alive connections (node's own
 * http client) for DURATION seconds, and reports requests/s, latency percentiles and the server's RSS sampled every
 * second (flat = max − min after the warm-up is small). Then stops the server with SIGTERM and checks it exits 0.
 *
 *   npm run bench:server                       # 120 s
 *   DURATION=10 npm run bench:server           # a quick run
 *   CONNECTIONS=32 WORKERS=2 DURATION=30 npm run bench:server
 *
 * Bounded: at most MAX_REQUESTS requests (default 5 000 000) and DURATION + WARMUP seconds of load; a watchdog kills
 * everything if the run takes 90 s longer than that. Writes bench/results/server.json.
 */
import { execSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync, readdirSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RESULTS = join(ROOT, 'bench/results');

const num = (name: string, dflt: number, min: number, max: number): number => {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return dflt;
  const v = Number(raw);
  if (!Number.isFinite(v) || v < min || v > max) {
    process.stderr.write(`bench:server: ${name} must be a number from ${min} to ${max}, not ${JSON.stringify(raw)}\n`);
    process.exit(2);
  }
  return v;
};
const DURATION = num('DURATION', 120, 1, 3600);
const WARMUP = num('WARMUP', Math.min(5, Math.max(1, Math.round(DURATION / 10))), 0, 60);
const CONNECTIONS = Math.floor(num('CONNECTIONS', 16, 1, 512));
const MAX_REQUESTS = Math.floor(num('MAX_REQUESTS', 5_000_000, 1, 1e8));
const WORKERS = process.env.WORKERS ? Math.floor(num('WORKERS', 1, 1, 64)) : undefined;

// a watchdog: whatever happens, the benchmark ends
const watchdog = setTimeout(() => {
  process.stderr.write('bench:server: watchdog: the run took too long, stopping\n');
  child?.kill('SIGKILL');
  process.exit(1);
}, (DURATION + WARMUP + 90) * 1000);
watchdog.unref();

// ------------------------------------------------------------------------------------------------------------
// the server, in a child process: dist/ when it is built and fresh, else src/ through tsx

const distMain = join(ROOT, 'dist/cli/main.js');
const distServer = join(ROOT, 'dist/server/index.js');
const useDist = existsSync(distMain) && existsSync(distServer) && newest(join(ROOT, 'src')) <= statSync(distServer).mtimeMs && !process.argv.includes('--src');
const entry = pathToFileURL(useDist ? distMain : join(ROOT, 'src/cli/main.ts')).href;
const serveArgs = ['serve', '--port', '0', '--host', '127.0.0.1', ...(WORKERS ? ['--workers', String(WORKERS)] : [])];
const child = spawn(
  process.execPath,
  [...(useDist ? [] : ['--import', 'tsx']), '--input-type=module', '-e', `const { main } = await import(${JSON.stringify(entry)}); process.exitCode = await main(${JSON.stringify(serveArgs)});`],
  { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] },
);
let serverLog = '';
child.stderr!.on('data', (c: Buffer) => {
  serverLog += c.toString();
  if (serverLog.length > 100_000) serverLog = serverLog.slice(-50_000);
});
const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

const url = await new Promise<URL>((resolve, reject) => {
  const t = setTimeout(() => reject(new Error(`the server did not start within 60 s:\n${serverLog}`)), 60_000);
  const check = (): void => {
    const m = /serving on (http:\/\/127\.0\.0\.1:\d+)/.exec(serverLog);
    if (m) {
      clearTimeout(t);
      child.stderr!.off('data', check);
      resolve(new URL(m[1]!));
    }
  };
  child.stderr!.on('data', check);
  void exited.then((code) => reject(new Error(`the server exited (${code}) before listening:\n${serverLog}`)));
});
const port = Number(url.port);
const workersLine = /workers: (\d+)/.exec(serverLog)?.[1];

// ------------------------------------------------------------------------------------------------------------
// requests: paragraphs of 2–4 sentences recombined from examples/news.txt with fresh numbers (seeded)

const lines = readFileSync(join(ROOT, 'examples/news.txt'), 'utf8').split('\n').filter(Boolean);
let seed = 7;
const rand = (n: number): number => {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return (seed >>> 8) % n;
};
const bodies: Buffer[] = [];
for (let i = 0; i < 256; i++) {
  const k = 2 + rand(3);
  const parts: string[] = [];
  for (let j = 0; j < k; j++) parts.push(lines[rand(lines.length)]!.replace(/\d+/g, () => String(1 + rand(2000))));
  bodies.push(Buffer.from(JSON.stringify({ text: parts.join(' ') })));
}
const avgChars = Math.round(bodies.reduce((s, b) => s + (JSON.parse(b.toString()) as { text: string }).text.length, 0) / bodies.length);

const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });

function send(body: Buffer): Promise<number> {
  return new Promise((resolve) => {
    const req = request(
      { host: '127.0.0.1', port, method: 'POST', path: '/v1/normalize', agent, headers: { 'Content-Type': 'application/json', 'Content-Length': body.length } },
      (res) => {
        res.on('data', () => undefined);
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', () => resolve(-1));
      },
    );
    req.on('error', () => resolve(-1));
    req.end(body);
  });
}

// check one answer before measuring
{
  const r = await new Promise<string>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/v1/normalize', agent, headers: { 'Content-Type': 'application/json' } }, (res) => {
      let s = '';
      res.on('data', (c: Buffer) => (s += c.toString()));
      res.on('end', () => resolve(s));
    });
    req.on('error', reject);
    req.end(JSON.stringify({ text: 'میخواهم 12 کتاب بخرم' }));
  });
  if ((JSON.parse(r) as { text?: string }).text !== 'می\u200cخواهم ۱۲ کتاب بخرم') throw new Error(`unexpected answer: ${r}`);
}

// ------------------------------------------------------------------------------------------------------------
// RSS of the server every second (Linux /proc; ps elsewhere)

function rssMB(pid: number): number | undefined {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    if (m) return Number(m[1]) / 1024;
  } catch {
    // not Linux
  }
  try {
    return Number(execSync(`ps -o rss= -p ${pid}`, { encoding: 'utf8' }).trim()) / 1024;
  } catch {
    return undefined;
  }
}

/** user + system CPU seconds of a process, all threads (Linux /proc; undefined elsewhere) */
function cpuSeconds(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100 on Linux)
  } catch {
    return undefined;
  }
}

const rss: { t: number; mb: number }[] = [];
const t0 = Date.now();
const sampler = setInterval(() => {
  const mb = rssMB(child.pid!);
  if (mb !== undefined) rss.push({ t: Math.round((Date.now() - t0) / 1000), mb: Math.round(mb * 10) / 10 });
}, 1000);

// ------------------------------------------------------------------------------------------------------------
// load

let latencies = new Float64Array(1 << 16);
let count = 0;
const statuses: Record<string, number> = {};
let total = 0;

async function loop(until: number, measure: boolean, offset: number): Promise<void> {
  let i = offset;
  while (Date.now() < until && total < MAX_REQUESTS) {
    const body = bodies[i++ % bodies.length]!;
    const start = performance.now();
    const status = await send(body);
    const ms = performance.now() - start;
    if (!measure) continue;
    total++;
    statuses[status] = (statuses[status] ?? 0) + 1;
    if (count === latencies.length) {
      const grown = new Float64Array(latencies.length * 2);
      grown.set(latencies);
      latencies = grown;
    }
    latencies[count++] = ms;
  }
}

process.stderr.write(`bench:server: ${useDist ? 'dist' : 'src (tsx)'}, ${workersLine ?? '?'} worker(s), ${CONNECTIONS} connections, paragraphs of ~${avgChars} chars; warm-up ${WARMUP} s, then ${DURATION} s\n`);
if (WARMUP > 0) {
  const until = Date.now() + WARMUP * 1000;
  await Promise.all(Array.from({ length: CONNECTIONS }, (_, c) => loop(until, false, c * 7)));
}
const rssWarm = rss.length;
const cpu0 = { server: cpuSeconds(child.pid!), client: process.cpuUsage() };
const start = performance.now();
const until = Date.now() + DURATION * 1000;
await Promise.all(Array.from({ length: CONNECTIONS }, (_, c) => loop(until, true, c * 13)));
const seconds = (performance.now() - start) / 1000;
const serverCpu = cpu0.server === undefined ? undefined : (cpuSeconds(child.pid!) ?? NaN) - cpu0.server;
const clientCpu = process.cpuUsage(cpu0.client);
clearInterval(sampler);
agent.destroy();

// ------------------------------------------------------------------------------------------------------------
// stop the server gracefully

child.kill('SIGTERM');
const exitCode = await Promise.race([exited, new Promise<'hung'>((r) => setTimeout(() => r('hung'), 20_000))]);
if (exitCode === 'hung') child.kill('SIGKILL');

// ------------------------------------------------------------------------------------------------------------
// report

const lat = latencies.subarray(0, count).sort();
const pct = (p: number): number => (count === 0 ? NaN : Math.round(lat[Math.min(count - 1, Math.floor((p / 100) * count))]! * 100) / 100);
const measured = rss.slice(rssWarm).map((s) => s.mb);
const all = rss.map((s) => s.mb);
const stats = (xs: number[]) => (xs.length ? { min: Math.min(...xs), max: Math.max(...xs), first: xs[0]!, last: xs.at(-1)!, spread: Math.round((Math.max(...xs) - Math.min(...xs)) * 10) / 10 } : undefined);
const ok = statuses['200'] ?? 0;
const result = {
  env: {
    date: new Date().toISOString(),
    node: process.version,
    cpu: cpus()[0]?.model.trim(),
    cpus: cpus().length,
    target: useDist ? 'dist' : 'src (tsx)',
    commit: commit(),
  },
  config: { durationSec: DURATION, warmupSec: WARMUP, connections: CONNECTIONS, workers: workersLine ? Number(workersLine) : null, route: 'POST /v1/normalize', paragraphChars: avgChars, maxRequests: MAX_REQUESTS },
  requests: total,
  ok,
  statuses,
  seconds: Math.round(seconds * 100) / 100,
  requestsPerSec: Math.round((total / seconds) * 10) / 10,
  charsPerSec: Math.round((ok * avgChars) / seconds),
  latencyMs: { p50: pct(50), p90: pct(90), p99: pct(99), max: pct(100) },
  /** CPU time / wall time, in % of one core (the client runs on the same machine and competes for the cores) */
  cpuPercent: {
    server: serverCpu === undefined ? null : Math.round((serverCpu / seconds) * 100),
    client: Math.round(((clientCpu.user + clientCpu.system) / 1e6 / seconds) * 100),
    cores: cpus().length,
  },
  /** flat = a small spread; the second half shows whether memory still grows once the heap has settled */
  rssMB: { afterWarmup: stats(measured), secondHalf: stats(measured.slice(Math.floor(measured.length / 2))), whole: stats(all), samples: rss },
  shutdown: { signal: 'SIGTERM', exitCode },
};
mkdirSync(RESULTS, { recursive: true });
writeFileSync(join(RESULTS, 'server.json'), `${JSON.stringify(result, null, 2)}\n`);

const r = result;
const m = r.rssMB.afterWarmup;
const h = r.rssMB.secondHalf;
process.stdout.write(
  [
    `| requests | req/s | p50 ms | p90 ms | p99 ms | max ms | non-200 | RSS MB min–max (after warm-up) | CPU % server / client | exit on SIGTERM |`,
    `|---|---|---|---|---|---|---|---|---|---|`,
    `| ${r.requests} | ${r.requestsPerSec} | ${r.latencyMs.p50} | ${r.latencyMs.p90} | ${r.latencyMs.p99} | ${r.latencyMs.max} | ${r.requests - ok} | ${m ? `${m.min}–${m.max} (spread ${m.spread})` : 'n/a'} | ${r.cpuPercent.server ?? '?'} / ${r.cpuPercent.client} (${r.cpuPercent.cores} cores) | ${exitCode} |`,
    '',
    `RSS second half: ${h ? `${h.min}–${h.max} MB (spread ${h.spread})` : 'n/a'}`,
    'wrote bench/results/server.json',
    '',
  ].join('\n'),
);
clearTimeout(watchdog);
process.exitCode = ok === total && exitCode === 0 ? 0 : 1;

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

function commit(): string | undefined {
  try {
    const h = execSync('git rev-parse --short HEAD', { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const dirty = execSync('git status --porcelain', { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() !== '';
    return dirty ? `${h}+dirty` : h;
  } catch {
    return undefined;
  }
}
