/**
 * Peak memory (maximum resident set size) and wall time of every line-reading CLI command on huge inputs:
 *   line     MB of Persian news text on ONE line (PerDT train sentences joined by spaces, no line break at all)
 *   nospace  MB of one Persian word repeated (no space, no line break)
 *   lines    the same text as `line` with a line break after every sentence, for comparison
 * Inputs are written to .tmp/long-<input>-<MB>mb.txt (reused when present); each command runs once on each input in a
 * fresh process (`node bin/dabir.js CMD FILE > /dev/null`, the built CLI: run `npm run build` first) under
 * /usr/bin/time -v. Prints a markdown table and writes .tmp/long-line.json. Runs one command at a time.
 *
 *   npx tsx bench/long-line.ts                         # all commands, all inputs, 10 MB (takes a long while)
 *   MB=1 CMDS=phrases,terms INPUTS=line npx tsx bench/long-line.ts
 *   TIMEOUT=300 ...                                    # seconds per run before it is killed [default 900]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const MB = Number(process.env.MB ?? 10);
const TIMEOUT = Number(process.env.TIMEOUT ?? 900);
const ALL_CMDS = ['normalize', 'analyze', 'tokenize', 'lemma', 'ner', 'formalize', 'terms', 'dates', 'keywords', 'phrases', 'identifiers', 'numbers', 'spell'];
const ALL_INPUTS = ['line', 'nospace', 'lines'] as const;
type Input = (typeof ALL_INPUTS)[number];
const CMDS = process.env.CMDS ? process.env.CMDS.split(',') : ALL_CMDS;
const INPUTS = (process.env.INPUTS ? process.env.INPUTS.split(',') : ALL_INPUTS) as Input[];

const TMP = join(ROOT, '.tmp');
mkdirSync(TMP, { recursive: true });
const bytes = Math.round(MB * 2 ** 20);

/** the input file of one kind, written on first use: about `bytes` bytes of UTF-8 */
function inputFile(kind: Input): string {
  const file = join(TMP, `long-${kind}-${MB}mb.txt`);
  if (existsSync(file)) return file;
  let text: string;
  if (kind === 'nospace') {
    const word = 'کتاب'; // 8 bytes of UTF-8
    text = word.repeat(Math.ceil(bytes / Buffer.byteLength(word)));
  } else {
    const perdt = join(ROOT, '../shared/data/text/perdt-train.txt');
    const sentences = readFileSync(existsSync(perdt) ? perdt : join(ROOT, 'examples/news.txt'), 'utf8')
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean);
    const parts: string[] = [];
    let n = 0;
    for (let i = 0; n < bytes; i++) {
      const s = sentences[i % sentences.length]!;
      parts.push(s);
      n += Buffer.byteLength(s) + 1;
    }
    text = parts.join(kind === 'line' ? ' ' : '\n') + (kind === 'lines' ? '\n' : '');
  }
  writeFileSync(file, text);
  return file;
}

interface Row {
  cmd: string;
  input: Input;
  seconds: number;
  maxRssMB: number;
  status: string;
}

const rows: Row[] = [];
for (const input of INPUTS) {
  const file = inputFile(input);
  for (const cmd of CMDS) {
    const r = spawnSync('/usr/bin/time', ['-v', process.execPath, join(ROOT, 'bin/dabir.js'), cmd, file], {
      stdio: ['ignore', 'ignore', 'pipe'],
      timeout: TIMEOUT * 1000,
      maxBuffer: 1 << 26,
    });
    const err = r.stderr?.toString('utf8') ?? '';
    const rss = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(err)?.[1] ?? NaN) / 1024;
    const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(err);
    const seconds = wall ? Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]) : NaN;
    const exit = /Exit status: (\d+)/.exec(err)?.[1];
    const status = r.error ? `killed (${TIMEOUT} s)` : exit === '0' ? 'ok' : `exit ${exit ?? r.status}: ${err.split('\n').find((l) => l.startsWith('dabir:')) ?? ''}`;
    const row = { cmd, input, seconds: Math.round(seconds * 10) / 10, maxRssMB: Math.round(rss), status };
    rows.push(row);
    console.error(JSON.stringify(row));
  }
}
writeFileSync(join(TMP, 'long-line.json'), JSON.stringify({ mb: MB, node: process.version, rows }, null, 1) + '\n');
const head = `| command | ${INPUTS.map((i) => `${i}: s | ${i}: MB`).join(' | ')} |`;
console.log(head);
console.log(`|---|${INPUTS.map(() => '---:|---:').join('|')}|`);
for (const cmd of CMDS) {
  const cells = INPUTS.map((i) => {
    const r = rows.find((x) => x.cmd === cmd && x.input === i)!;
    return r.status === 'ok' ? `${r.seconds} | ${r.maxRssMB}` : `${r.status} | ${r.maxRssMB}`;
  });
  console.log(`| ${cmd} | ${cells.join(' | ')} |`);
}
