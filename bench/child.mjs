// Child process of bench/run.ts: one measurement in a fresh Node process, printed as one JSON line on stdout.
//   node bench/child.mjs ENTRY_URL bare
//   node bench/child.mjs ENTRY_URL cold SENTENCE [keep]
//   node bench/child.mjs ENTRY_URL rss FILE lines|whole [keep]
//   node bench/child.mjs ENTRY_URL path CASE CHARS [keep]
//   node bench/child.mjs ENTRY_URL load COMPONENT,COMPONENT...
//   node bench/child.mjs ENTRY_URL fresh FILE WARMFILE|- whole|lines [keep]
// "keep" runs with { halfSpace: 'keep' } (no model). Plain JS so that `cold` measures only the package itself.
const [entryUrl, mode, a, b, c] = process.argv.slice(2);

if (mode === 'bare') {
  emit({ firstResultMs: performance.now() }); // node itself, for reference
} else if (mode === 'cold') {
  // performance.now() counts from the process time origin, so this is process start → first result
  const m = await import(entryUrl);
  const tImport = performance.now();
  const out = b === 'keep' ? m.createNormalizer().normalize(a, { halfSpace: 'keep' }) : m.normalize(a);
  const tFirst = performance.now();
  emit({ importMs: tImport, firstResultMs: tFirst, outLength: out.length, maxRssKB: process.resourceUsage().maxRSS });
} else if (mode === 'rss') {
  const { readFileSync } = await import('node:fs');
  const m = normalizerOf(await import(entryUrl), c);
  const opts = c === 'keep' ? { halfSpace: 'keep' } : undefined;
  m.normalize('می شود', opts); // load the model
  const loadedKB = process.resourceUsage().maxRSS;
  const text = readFileSync(a, 'utf8');
  const t0 = performance.now();
  let n = 0;
  if (b === 'whole') n = m.normalize(text, opts).length;
  else for (const line of text.split('\n')) n += m.normalize(line, opts).length;
  emit({ loadedKB, peakKB: process.resourceUsage().maxRSS, ms: performance.now() - t0, outLength: n });
} else if (mode === 'path') {
  const m = normalizerOf(await import(entryUrl), c);
  const opts = c === 'keep' ? { halfSpace: 'keep' } : undefined;
  const n = Number(b);
  const input = pathological(a, n);
  m.normalize(pathological(a, Math.max(16, n >> 4)), opts); // warm up
  // calls per batch so that a batch takes >= 50 ms; median of 5 batches (3 when one call takes over a second).
  // The median, not the best: a slow path that the JIT only takes on later calls must show.
  let k = 1;
  let first = 0;
  for (;;) {
    const t = performance.now();
    for (let i = 0; i < k; i++) m.normalize(input, opts);
    first = (performance.now() - t) / k;
    if (first * k >= 50 || k >= 1 << 16) break;
    k *= 2;
  }
  const times = [];
  for (let r = 0; r < (first > 1000 ? 3 : 5); r++) {
    const t = performance.now();
    for (let i = 0; i < k; i++) m.normalize(input, opts);
    times.push((performance.now() - t) / k);
  }
  times.sort((x, y) => x - y);
  const median = times[times.length >> 1];
  emit({ chars: input.length, ms: median, min: times[0], max: times[times.length - 1] });
} else if (mode === 'fresh') {
  // normalize FILE once (timed) after warming on WARMFILE ("-": no warming), then once more (every word memoized)
  const { readFileSync } = await import('node:fs');
  const keep = process.argv[7];
  const m = normalizerOf(await import(entryUrl), keep);
  const opts = keep === 'keep' ? { halfSpace: 'keep' } : undefined;
  m.normalize('می شود', opts); // load the model
  // CPU time of the process (user + system), less disturbed than wall time when other jobs share the machine
  const run = (text) => {
    const t0 = process.cpuUsage();
    const w0 = performance.now();
    if (c === 'whole') m.normalize(text, opts);
    else for (const line of text.split('\n')) m.normalize(line, opts);
    const u = process.cpuUsage(t0);
    return [(u.user + u.system) / 1000, performance.now() - w0];
  };
  // warming: three passes over other text, so that the JIT has settled as in a process that has been running
  if (b !== '-') {
    const warm = readFileSync(b, 'utf8');
    for (let i = 0; i < 3; i++) run(warm);
  }
  const text = readFileSync(a, 'utf8');
  const [firstMs, firstWallMs] = run(text);
  const [againMs, againWallMs] = run(text);
  emit({ firstMs, againMs, firstWallMs, againWallMs });
} else if (mode === 'load') {
  // time to build a pipeline with the given analysers (reads and decodes their models) and analyse one sentence
  const m = await import(entryUrl);
  const t0 = performance.now();
  const p = m.createPipeline({ components: ['normalizer', 'tokenizer', ...(a ? a.split(',') : [])] });
  const t1 = performance.now();
  p.process('من کتاب‌هایم را به دوستم دادم.');
  emit({ loadMs: t1 - t0, firstResultMs: performance.now() - t0 });
} else {
  throw new Error(`unknown mode ${mode}`);
}

/** the package's normalize(); with "keep" a normalizer without the model (the default one always loads it) */
function normalizerOf(m, keep) {
  return { normalize: keep === 'keep' ? m.createNormalizer().normalize : m.normalize };
}

function emit(obj) {
  process.stdout.write(JSON.stringify(obj) + '\n');
}

/** Pathological inputs; `n` is the number of repeated units. */
function pathological(kind, n) {
  switch (kind) {
    case 'alef': // one huge "word": n × ا, no space
      return 'ا'.repeat(n);
    case 'zwnj': // n ZWNJs in a row inside a word
      return 'می' + '\u200c'.repeat(n) + 'شود';
    case 'guillemets': // n unclosed «
      return 'او گفت ' + '«سخن '.repeat(n);
    case 'mixed': // Latin, Persian and digits glued together, no spaces
      return 'abcسلامdef12دنیاxyz۳۴می'.repeat(Math.ceil(n / 22)).slice(0, n);
    default:
      throw new Error(`unknown case ${kind}`);
  }
}
