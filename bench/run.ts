/**
 * Benchmark of the normalizer: throughput, cold start, peak memory, pathological inputs and resource sizes.
 *
 *   npm run bench                 # measures dist/ if it is built, else src/ (through tsx)
 *   npm run bench -- --src        # force src/
 *   npm run bench -- --no-half-space   # without the half-space model (the other steps only)
 *
 * Prints a markdown table and writes bench/results/latest.json. Corpora are written to bench/results/*.tmp.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

type Lib = typeof import('../src/node/index.js');
type Opts = Parameters<Lib['normalize']>[1];

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RESULTS = join(ROOT, 'bench/results');
const CHILD = join(ROOT, 'bench/child.mjs');
const PERDT = join(ROOT, '../shared/data/text/perdt-train.txt');
const MB = 1 << 20;
const SENTENCE = 'به گزارش خبرگزاری، دانشآموزان میخواهند از نرم افزارهای تازهای برای پیشبینی نتایج استفاده کنند.';

const args = new Set(process.argv.slice(2));
const distEntry = join(ROOT, 'dist/node/index.js');
const useDist = existsSync(distEntry) && !args.has('--src');
const entry = useDist ? distEntry : join(ROOT, 'src/node/index.ts');
const entryUrl = pathToFileURL(entry).href;
const nodeArgs = useDist ? [] : ['--import', 'tsx'];
const keep = args.has('--no-half-space');
const opts: Opts = keep ? { halfSpace: 'keep' } : undefined;
const keepArg = keep ? ['keep'] : [];

const notes: string[] = [];
if (useDist) {
  const newestSrc = newest(join(ROOT, 'src'));
  if (newestSrc > statSync(distEntry).mtimeMs) notes.push('dist/ is older than src/ (run `npm run build` to measure the current code)');
}

mkdirSync(RESULTS, { recursive: true });
const lib = (await import(entryUrl)) as Lib;
/** the package's normalize(); with --no-half-space a normalizer without the model (the default one always loads it) */
const normalize: Lib['normalize'] = keep ? lib.createNormalizer().normalize : lib.normalize;

// ------------------------------------------------------------------------------------------------------------
// corpora

/** ~1 MB (UTF-8) derived from examples/news.txt: its lines recombined with a seeded PRNG and fresh numbers. */
function newsCorpus(bytes: number): string {
  const lines = readFileSync(join(ROOT, 'examples/news.txt'), 'utf8').split('\n').filter(Boolean);
  const clauses = lines.flatMap((l) => l.split(/(?<=[،,؛.])\s*/)).filter((c) => c.length > 3);
  let seed = 42;
  const rand = (n: number): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return (seed >>> 8) % n;
  };
  const out: string[] = [];
  let size = 0;
  while (size < bytes) {
    const line =
      rand(3) === 0
        ? lines[rand(lines.length)]!
        : Array.from({ length: 1 + rand(3) }, () => clauses[rand(clauses.length)]!).join(' ');
    const l = line.replace(/https?:\/\/\S+|[0-9]+/g, (m) => (m.startsWith('http') ? m : String(rand(10 ** m.length))));
    out.push(l);
    size += Buffer.byteLength(l) + 1;
  }
  return out.join('\n') + '\n';
}

/** ~1 MB of the PerDT training text from `from` with every ZWNJ deleted: realistic broken input. */
function perdtCorpus(bytes: number, from = 0): string | undefined {
  if (!existsSync(PERDT)) return undefined;
  const all = readFileSync(PERDT);
  const start = from === 0 ? 0 : all.indexOf(0x0a, from) + 1;
  const buf = all.subarray(start, start + bytes);
  return buf.subarray(0, buf.lastIndexOf(0x0a) + 1).toString('utf8').replaceAll('\u200c', '');
}

/** Text to warm a process on, different from the measured corpora: PerDT train from 2 MB on, else news text. */
function warmCorpus(bytes: number): string {
  return perdtCorpus(bytes, 2 * MB) ?? newsCorpus(bytes).split('\n').reverse().join('\n');
}

const corpora: { name: string; text: string; file: string }[] = [];
for (const [name, text] of [
  ['news (examples/news.txt derived)', newsCorpus(MB)],
  ['PerDT train, ZWNJs deleted', perdtCorpus(MB)],
] as const) {
  if (text === undefined) {
    notes.push('../shared/data/text/perdt-train.txt not found: PerDT corpus skipped');
    continue;
  }
  const file = join(RESULTS, `corpus-${corpora.length}.tmp`);
  writeFileSync(file, text);
  corpora.push({ name, text, file });
}

// ------------------------------------------------------------------------------------------------------------
// measurements

const rows: [string, string, string][] = [];
let analysisCorpusName = 'examples/news.txt sentences';
const results: Record<string, unknown> = {};

// model load (in this process, first call)
{
  const t = performance.now();
  normalize('می شود', opts);
  results.firstCallMs = performance.now() - t;
}

// (a) throughput, one core. The normalizer memoizes the analysis of each distinct word, so the same text twice is
// much faster than new text: every figure here is for text the process has not seen before, except the "again" row.
// Each measurement runs in a fresh process; "warm" means the process first normalized a different 1 MB of text three
// times (the JIT has settled and the word memo holds that text's words, as in a server that has been running), "cold"
// means nothing was warmed (a one-off CLI run).
const warmText = warmCorpus(MB);
const warmFile = join(RESULTS, 'corpus-warm.tmp');
writeFileSync(warmFile, warmText);
results.throughput = corpora.map(({ name, text, file }) => {
  // CPU time of the process (user + system: includes V8's GC and compiler threads); wall time in the details
  const wall: Record<string, number> = {};
  const m = (mode: 'whole' | 'lines', warm: boolean) => {
    const runs = Array.from({ length: 3 }, () => child(['fresh', file, warm ? warmFile : '-', mode, ...keepArg]) as { firstMs: number; firstWallMs: number });
    wall[`${mode}${warm}`] = median(runs.map((x) => x.firstWallMs));
    return median(runs.map((x) => x.firstMs));
  };
  const again = child(['fresh', file, warmFile, 'whole', ...keepArg]) as { firstMs: number; againMs: number };
  const r = {
    corpus: name,
    chars: text.length,
    bytes: Buffer.byteLength(text),
    lines: text.split('\n').length - 1,
    warmWholeMs: m('whole', true),
    warmLinesMs: m('lines', true),
    coldWholeMs: m('whole', false),
    againWholeMs: again.againMs,
    wallMs: wall,
  };
  const rate = (ms: number) => `${fmtRate(r.chars / (ms / 1000))} chars/s`;
  rows.push([`normalize new text, warm process, one string: ${name}`, rate(r.warmWholeMs), `${fmtInt(r.chars)} chars (${fmtMB(r.bytes)}), median of 3: ${fmtMs(r.warmWholeMs)} CPU, ${fmtMs(wall.wholetrue!)} wall (${rate(wall.wholetrue!)})`]);
  rows.push([`normalize new text, warm process, line by line: ${name}`, rate(r.warmLinesMs), `${fmtInt(r.lines)} lines, median of 3: ${fmtMs(r.warmLinesMs)} CPU, ${fmtMs(wall.linestrue!)} wall (${rate(wall.linestrue!)})`]);
  rows.push([`normalize new text, fresh process (cold JIT, empty memo), one string: ${name}`, rate(r.coldWholeMs), `median of 3: ${fmtMs(r.coldWholeMs)} CPU, ${fmtMs(wall.wholefalse!)} wall (${rate(wall.wholefalse!)})`]);
  rows.push([`normalize the same text again (every word memoized): ${name}`, rate(r.againWholeMs), fmtMs(r.againWholeMs)]);
  return r;
});

// (b) cold start: fresh node, import the package entry, normalize one sentence
{
  const spawns = Array.from({ length: 5 }, () => {
    const t = process.hrtime.bigint();
    const r = child(['cold', SENTENCE, ...keepArg]);
    return { ...r, wallMs: Number(process.hrtime.bigint() - t) / 1e6 } as { importMs: number; firstResultMs: number; maxRssKB: number; wallMs: number };
  });
  const cold = {
    firstResultMs: median(spawns.map((s) => s.firstResultMs)),
    importMs: median(spawns.map((s) => s.importMs)),
    wallMs: median(spawns.map((s) => s.wallMs)),
    maxRssKB: median(spawns.map((s) => s.maxRssKB)),
    runs: spawns,
  };
  const bare = median(Array.from({ length: 5 }, () => (child(['bare']) as { firstResultMs: number }).firstResultMs));
  results.coldStart = { ...cold, bareNodeMs: bare };
  rows.push(['cold start: process start → first result', fmtMs(cold.firstResultMs), `median of 5; import done at ${fmtMs(cold.importMs)}; spawn→exit ${fmtMs(cold.wallMs)}; bare node ${fmtMs(bare)}`]);
  rows.push(['RSS after loading + one sentence', fmtKB(cold.maxRssKB), 'process.resourceUsage().maxRSS']);
}

// (c) peak RSS normalizing the corpus
results.rss = corpora.map(({ name, file }) => {
  const lines = child(['rss', file, 'lines', ...keepArg]) as { loadedKB: number; peakKB: number };
  const whole = child(['rss', file, 'whole', ...keepArg]) as { loadedKB: number; peakKB: number };
  rows.push([`peak RSS, line by line: ${name}`, fmtKB(lines.peakKB), `after load: ${fmtKB(lines.loadedKB)}`]);
  rows.push([`peak RSS, one string: ${name}`, fmtKB(whole.peakKB), `after load: ${fmtKB(whole.loadedKB)}`]);
  return { corpus: name, lines, whole };
});

// (d) pathological inputs at n and 4n (median time per call): the ratio should be ≈ 4 (linear)
const CASES: [string, string, number][] = [
  ['alef', "'ا' with no space (4n = 1 MB)", MB / 2],
  ['zwnj', 'ZWNJs in a row (4n = 100k)', 100_000],
  ['guillemets', 'unclosed « (4n = 10k)', 10_000],
  ['mixed', 'Latin/Persian/digits, no spaces (4n ≈ 1 MB)', 700_000],
];
results.pathological = CASES.map(([kind, label, big]) => {
  const small = big / 4;
  const a = child(['path', kind, String(small), ...keepArg], 120_000) as { chars: number; ms: number } | { error: string };
  const b = 'error' in a ? a : (child(['path', kind, String(big), ...keepArg], 240_000) as { chars: number; ms: number } | { error: string });
  if ('error' in a || 'error' in b) {
    const err = 'error' in a ? a.error : (b as { error: string }).error;
    rows.push([`pathological: ${label}`, 'FAILED', err]);
    return { kind, error: err };
  }
  const ratio = b.ms / a.ms;
  rows.push([`pathological: ${label}`, `time ×${ratio.toFixed(2)} for input ×4`, `n: ${fmtInt(a.chars)} chars ${fmtMs(a.ms)}; 4n: ${fmtInt(b.chars)} chars ${fmtMs(b.ms)} (${fmtRate(b.chars / (b.ms / 1000))} chars/s)`]);
  return { kind, n: a, fourN: b, ratio };
});

// (f) analysis: tokenizing, lemmatizing, tagging and parsing (words/s, one core, warm), and model load in a fresh process
{
  const sentences = analysisSentences(3000);
  const tok = lib.createPipeline({ components: ['normalizer', 'tokenizer'] });
  const docs = sentences.map((s) => tok.process(s));
  const nWords = docs.reduce((n, d) => n + d.words.length, 0);
  const have = new Set(lib.availableComponents());
  const analysis: Record<string, unknown> = { sentences: sentences.length, words: nWords, corpus: analysisCorpusName };
  const tokMs = best(3, () => {
    for (const s of sentences) tok.process(s);
  });
  analysis.tokenizeWordsPerSec = nWords / (tokMs / 1000);
  // the tokenizer alone (sentences, tokens, MWT splits, the Doc objects) on text that needs no normalizing
  const tokOnly = lib.createPipeline({ components: ['tokenizer'] });
  const joined = sentences.join('\n');
  const nTokens = tokOnly.process(joined).tokens.length;
  const tokOnlyMs = best(5, () => tokOnly.process(joined));
  const tokOnlyLinesMs = best(5, () => {
    for (const s of sentences) tokOnly.process(s);
  });
  const spansMs = best(5, () => lib.scanTokens(joined));
  analysis.tokenizer = { tokens: nTokens, wholeTokensPerSec: nTokens / (tokOnlyMs / 1000), linesTokensPerSec: nTokens / (tokOnlyLinesMs / 1000), scanTokensPerSec: nTokens / (spansMs / 1000) };
  rows.push([`tokenizer alone → Doc (no normalizer), one string: ${analysisCorpusName}`, `${fmtRate(nTokens / (tokOnlyMs / 1000))} tokens/s`, `${fmtInt(nTokens)} tokens; sentence by sentence ${fmtRate(nTokens / (tokOnlyLinesMs / 1000))} tokens/s`]);
  rows.push(['token spans only (scanTokens: offsets and kinds, no objects)', `${fmtRate(nTokens / (spansMs / 1000))} tokens/s`, 'best of 5']);
  rows.push([`normalize + tokenize (sentences, words, MWT): ${analysisCorpusName}`, `${fmtRate(analysis.tokenizeWordsPerSec as number)} words/s`, `${fmtInt(sentences.length)} sentences, ${fmtInt(nWords)} words, best of 3: ${fmtMs(tokMs)}`]);
  const base = child(['load', '']) as { loadMs: number; firstResultMs: number };
  analysis.baseLoad = base;
  rows.push(['load normalizer + tokenizer (half-space model, MWT), fresh process', fmtMs(base.loadMs), `first sentence ${fmtMs(base.firstResultMs)}; the model loads below include this`]);
  const stages: [string, string[]][] = [
    ['lemmatizer', ['lemmatizer']],
    ['tagger', ['tagger']],
    ['tagger + parser', ['tagger', 'parser']],
    ['tagger + lemmatizer + parser', ['tagger', 'lemmatizer', 'parser']],
    ['ner', ['ner']],
  ];
  for (const [label, comps] of stages) {
    if (!comps.every((c) => have.has(c))) {
      notes.push(`${label}: model not built, skipped`);
      continue;
    }
    const p = lib.createPipeline({ components: ['tokenizer', ...comps] });
    // first pass over words never seen (caches empty), then best of 3 warm passes
    const t0 = performance.now();
    for (const d of docs) p.annotate(d);
    const firstMs = performance.now() - t0;
    const ms = best(3, () => {
      for (const d of docs) p.annotate(d);
    });
    const load = child(['load', comps.join(',')]) as { loadMs: number; firstResultMs: number };
    analysis[label] = { firstPassWordsPerSec: nWords / (firstMs / 1000), wordsPerSec: nWords / (ms / 1000), ...load };
    rows.push([`${label}: words/s on tokenized text`, `${fmtRate(nWords / (ms / 1000))} words/s`, `first pass ${fmtRate(nWords / (firstMs / 1000))} words/s; fresh process: load ${fmtMs(load.loadMs)} (${fmtMs(load.loadMs - base.loadMs)} more than normalizer + tokenizer), first sentence ${fmtMs(load.firstResultMs)}`]);
  }
  results.analysis = analysis;
}

// (h) the formalizer on colloquial text (iPerUDT dev, normalized first; words/s, one core): its first pass (every word
// read once) and again (memoized)
{
  const iper = join(ROOT, '../shared/data/ud/iPerUDT_dev.conllu');
  if (existsSync(iper) && typeof lib.getFormalizer === 'function') {
    const lines = readFileSync(iper, 'utf8').split('\n').filter((l) => l.startsWith('# text = ')).map((l) => lib.normalize(l.slice(9)));
    const nWords = lines.reduce((n, l) => n + l.split(/\s+/).filter(Boolean).length, 0);
    const fz = lib.getFormalizer(); // (loads formal.json and lemma.bin: not timed)
    const t0 = performance.now();
    for (const l of lines) fz.formalize(l);
    const firstMs = performance.now() - t0;
    const againMs = best(3, () => {
      for (const l of lines) fz.formalize(l);
    });
    results.formalize = { words: nWords, firstPassWordsPerSec: nWords / (firstMs / 1000), wordsPerSec: nWords / (againMs / 1000) };
    rows.push(['formalize colloquial text (iPerUDT dev, normalized)', `${fmtRate(nWords / (againMs / 1000))} words/s`, `${fmtInt(nWords)} words; first pass (every word read once) ${fmtRate(nWords / (firstMs / 1000))} words/s`]);
  }
}

// (i) numbers: findNumbers and convertNumbers (words → digits) over the first corpus, chars/s, one core, best of 3
{
  const first = corpora[0];
  if (first && typeof lib.findNumbers === 'function') {
    const text = first.text;
    let found = 0;
    const findMs = best(3, () => {
      found = lib.findNumbers(text).length;
    });
    const convertMs = best(3, () => {
      lib.convertNumbers(text);
    });
    results.numbers = { corpus: first.name, chars: text.length, phrases: found, findCharsPerSec: text.length / (findMs / 1000), convertCharsPerSec: text.length / (convertMs / 1000) };
    rows.push([`findNumbers / convertNumbers on ${first.name}`, `${fmtRate(text.length / (findMs / 1000))} / ${fmtRate(text.length / (convertMs / 1000))} chars/s`, `${fmtInt(found)} number phrases`]);
    let dates = 0;
    const datesMs = best(3, () => {
      dates = lib.findDates(text).length;
    });
    results.dates = { corpus: first.name, chars: text.length, dates, charsPerSec: text.length / (datesMs / 1000) };
    rows.push([`findDates on ${first.name}`, `${fmtRate(text.length / (datesMs / 1000))} chars/s`, `${fmtInt(dates)} dates`]);
    if (typeof lib.findIdentifiers === 'function') {
      let ids = 0;
      const idsMs = best(3, () => {
        ids = lib.findIdentifiers(text).length;
      });
      results.identifiers = { corpus: first.name, chars: text.length, identifiers: ids, charsPerSec: text.length / (idsMs / 1000) };
      rows.push([`findIdentifiers on ${first.name}`, `${fmtRate(text.length / (idsMs / 1000))} chars/s`, `${fmtInt(ids)} identifiers`]);
    }
    // search terms: the first pass (lemmatizer memo empty) and warm
    const lines = text.split('\n');
    let terms = 0;
    const t0 = performance.now();
    for (const l of lines) terms += lib.searchTerms(l).length;
    const firstMs = performance.now() - t0;
    const termsMs = best(3, () => {
      for (const l of lines) lib.searchTerms(l);
    });
    results.searchTerms = { corpus: first.name, chars: text.length, terms, firstPassCharsPerSec: text.length / (firstMs / 1000), charsPerSec: text.length / (termsMs / 1000) };
    rows.push([`searchTerms (normalizer, tokenizer, lemmatizer) on ${first.name}`, `${fmtRate(text.length / (termsMs / 1000))} chars/s`, `${fmtInt(terms)} terms; first pass ${fmtRate(text.length / (firstMs / 1000))} chars/s`]);
    // keywords of the whole corpus as one text (tagger and parser included; models loaded before timing)
    lib.keywords(lines.slice(0, 50).join('\n'));
    const kwMs = best(2, () => {
      lib.keywords(text);
    });
    results.keywords = { corpus: first.name, chars: text.length, charsPerSec: text.length / (kwMs / 1000) };
    rows.push([`keywords (tagger and parser included) of ${first.name} as one text`, `${fmtRate(text.length / (kwMs / 1000))} chars/s`, `${fmtMs(kwMs)} for ${fmtInt(text.length)} chars`]);
  }
}

// (g) a whole `dabir analyze` run (CoNLL-U to /dev/null) on 1 MB of new text, in a fresh process: start-up, model
// loads, JIT warm-up, the first pass over every word and the output. Wall time, best of 3.
if (useDist && corpora.length > 0) {
  const corpus = corpora[corpora.length - 1]!;
  const bin = join(ROOT, 'bin/dabir.js');
  const have = new Set(lib.availableComponents());
  const runs: Record<string, number> = {};
  const variants: [string, string, number][] = [
    ['normalizer, tokenizer, lemmatizer', 'normalizer,tokenizer,lemmatizer', 1],
    ['every model (default components)', '', 1],
  ];
  // --threads 2 (same output, two worker threads) where there are two cores to run them: each thread pays the model
  // load and the first pass over new words, so on 1 MB it does not pay on two cores (it does on larger inputs)
  if (cpus().length >= 2) variants.push(['every model, --threads 2', '', 2]);
  for (const [label, comps, threads] of variants) {
    if (comps === '' && !['tagger', 'parser'].every((c) => have.has(c))) continue;
    let b = Infinity;
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      const args = ['analyze', ...(comps ? ['--components', comps] : []), ...(threads > 1 ? ['--threads', String(threads)] : []), corpus.file];
      const r = spawnSync(process.execPath, [bin, ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], timeout: 300_000 });
      const ms = performance.now() - t;
      if (r.status !== 0) throw new Error(`dabir analyze failed: ${String(r.stderr).trim().split('\n')[0]}`);
      b = Math.min(b, ms);
    }
    runs[label] = b;
    rows.push([`\`dabir analyze\` (CoNLL-U) on 1 MB of new text, fresh process: ${label}`, fmtMs(b), `wall, best of 3, ${corpus.name}; start-up, loads and the first pass over every word included`]);
  }
  results.analyzeCli = runs;
}

// (e) sizes of the shipped data
const dataDir = join(ROOT, 'data');
results.data = readdirSync(dataDir)
  .filter((f) => statSync(join(dataDir, f)).isFile())
  .sort()
  .map((f) => {
    const raw = readFileSync(join(dataDir, f));
    const gz = gzipSync(raw, { level: 9 }).length;
    rows.push([`data/${f}`, fmtBytes(raw.length), `gzip -9: ${fmtBytes(gz)}`]);
    return { file: f, bytes: raw.length, gzipBytes: gz };
  });

// ------------------------------------------------------------------------------------------------------------
// report

const env = {
  date: new Date().toISOString(),
  node: process.version,
  cpu: cpus()[0]?.model ?? 'unknown',
  target: useDist ? 'dist' : 'src (tsx)',
  halfSpace: keep ? 'keep (no model)' : 'fix',
  commit: git(['rev-parse', '--short', 'HEAD']) + (git(['status', '--porcelain', '--untracked-files=no']) ? '+dirty' : ''),
};
const table = [
  `Benchmark (${env.target}, half-space ${env.halfSpace}; Node ${env.node}, ${env.cpu}, ${env.commit}, ${env.date})`,
  '',
  '| measure | value | details |',
  '| --- | --- | --- |',
  ...rows.map((r) => `| ${r.map((c) => c.replaceAll('|', '\\|')).join(' | ')} |`),
  ...(notes.length ? ['', ...notes.map((n) => `Note: ${n}`)] : []),
].join('\n');
console.log(table);
writeFileSync(join(RESULTS, 'latest.json'), JSON.stringify({ env, notes, ...results }, null, 2) + '\n');
console.log(`\nwrote ${join('bench/results/latest.json')}`);

// ------------------------------------------------------------------------------------------------------------
// helpers

/** Correctly written sentences for the analysers: PerDT train text (after the first 1 MB used above), else the example. */
function analysisSentences(n: number): string[] {
  if (existsSync(PERDT)) {
    analysisCorpusName = 'PerDT train text';
    return readFileSync(PERDT, 'utf8').split('\n').filter(Boolean).slice(-n);
  }
  const lines = readFileSync(join(ROOT, 'examples/news.txt'), 'utf8').split('\n').filter(Boolean);
  return Array.from({ length: n }, (_, i) => lines[i % lines.length]!);
}

function best(n: number, fn: () => void): number {
  fn(); // warm
  let b = Infinity;
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    fn();
    b = Math.min(b, performance.now() - t);
  }
  return b;
}

function child(childArgs: string[], timeout = 120_000): Record<string, unknown> {
  const r = spawnSync(process.execPath, [...nodeArgs, CHILD, entryUrl, ...childArgs], { cwd: ROOT, encoding: 'utf8', timeout });
  if (r.error || r.status !== 0) {
    const why = r.error?.message.includes('ETIMEDOUT') ? `timed out after ${timeout / 1000} s` : (r.stderr || r.error?.message || `exit ${r.status}`).trim().split('\n')[0]!;
    if (childArgs[0] === 'path') return { error: why };
    throw new Error(`bench child ${childArgs[0]} failed: ${why}`);
  }
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as Record<string, unknown>;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1]!;
}

function newest(dir: string): number {
  return Math.max(0, ...readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => statSync(join(dir, f)).mtimeMs));
}

function git(a: string[]): string {
  const r = spawnSync('git', a, { cwd: ROOT, encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : '';
}

function fmtMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : ms >= 10 ? `${ms.toFixed(0)} ms` : `${ms.toFixed(2)} ms`;
}
function fmtRate(x: number): string {
  return x >= 1e6 ? `${(x / 1e6).toFixed(2)} M` : `${(x / 1e3).toFixed(0)} k`;
}
function fmtInt(x: number): string {
  return x.toLocaleString('en-US');
}
function fmtMB(bytes: number): string {
  return `${(bytes / MB).toFixed(2)} MB`;
}
function fmtKB(kb: number): string {
  return `${(kb / 1024).toFixed(0)} MB`;
}
function fmtBytes(b: number): string {
  return b >= MB ? `${(b / MB).toFixed(2)} MB` : `${(b / 1024).toFixed(1)} KB`;
}
