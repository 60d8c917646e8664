/**
 * Evaluates the spelling checker (data/spell.bin, or SPELL_BIN=path) and writes bench/results/spell-eval.json.
 *
 * 1. Non-word errors. The clean text is the `# text` of our UD validation ranges (scripts/lib/splits.ts: PerDT dev
 *    1020-1456, Seraji dev 420-599), never used to build the lexicon or the context model. Errors are injected
 *    with a seeded PRNG (seed 6; SPELL_SEED=n for another draw, e.g. to average tuning runs) into 10% of the Persian words (at least 2 letters, never two neighbours):
 *      homophone letter 25%, keyboard neighbour 20%, dropped letter 15%, doubled letter 8%, extra neighbour key 7%,
 *      swapped neighbours 8%, missing space (joined to the next word) 7%, extra space inside the word 5%,
 *      hamza/seat variant 5% (ی→ئ, ا→أ, و→ؤ, ئ→ی, آ→ا)
 *    An injection that gives a real word (every piece is a word of the raw train text) is a real-word error, not
 *    a non-word one: it is left out of this part and counted. Detection: an issue overlapping the injected span.
 *    Correction: the sentence with the suggestion applied (other injections reverted) equals the clean sentence.
 *    False alarms: issues on the clean validation text, per 1,000 words.
 * 2. Real-word errors. PerSpellData validation split (0-based line % 10 == 9 of every file, never trained on).
 *    Gold = word-aligned differences whose corrected side is spellable known text (diffs whose "correct" side is
 *    not valid Persian, e.g. سیأسی for سیاسی, are noise in the data set: their spans are not scored either way).
 *    Detection: an issue overlapping a gold span; correction: its top suggestion equals the correct side.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createSpellChecker, isSpellable, spellKey, type SpellIssue } from '../src/core/spell/checker.js';
import { createFormalizer } from '../src/core/formal/index.js';
import { alignTokens, isSpellValidationLine, spaceTokens, spellTuneFold } from '../src/core/spell/align.js';
import { homophones, neighbours } from '../src/core/spell/edit.js';
import { canon, haveShared, readShared, ROOT, sharedPath } from './lib/corpus.js';
import { conlluBlocks, selectBlocks, SPLITS } from './lib/splits.js';

if (!haveShared()) {
  console.log('SKIP eval:spell: ../shared/data not found (set DABIR_SHARED)');
  process.exit(0);
}

/**
 * Fitting the real-word model (RW_WEIGHTS in src/core/spell/checker.ts) on the tuning folds:
 *   SPELL_TUNE=k SPELL_BIN=<fold-k build> SPELL_RW_DUMP=.tmp/rw-k.json npx tsx scripts/eval-spell.ts   (k = 1, 2, 3)
 *   SPELL_RW_FIT=.tmp/rw-1.json,.tmp/rw-2.json,.tmp/rw-3.json npx tsx scripts/eval-spell.ts
 * The dump holds every real-word decision of the fold (features of each correction, the gold correction or none);
 * the fit is a logistic regression of "this correction is the gold one" over all of them, the decisions on the
 * fold's clean text counting as negatives. A fold's figures are measured with the weights fitted on the two others
 * (SPELL_RW_W=w1,w2,...), the shipped weights are fitted on all three (SPELL_RW_W=legacy: the older model, a prior
 * plus capped bigram evidence). SPELL_RW_CW weighs the clean-text decisions in the fit [default 1].
 */
if (process.env.SPELL_RW_FIT) {
  const rows: { f: number[]; y: number; w: number }[] = [];
  /** weight of the decisions on clean text (all negatives) against those on PerSpellData sentences */
  const cw = Number(process.env.SPELL_RW_CW ?? 1);
  for (const path of process.env.SPELL_RW_FIT.split(',')) {
    for (const x of JSON.parse(readFileSync(path, 'utf8')) as { cat: string; gold: string | null; noisy: boolean; cands: { text: string; features: number[] }[] }[]) {
      if (x.noisy && !x.gold) continue; // a span of an unscored (noisy) difference
      for (const c of x.cands) rows.push({ f: c.features, y: x.gold === c.text ? 1 : 0, w: x.cat === 'clean' ? cw : 1 });
    }
  }
  const d = rows[0]!.f.length;
  const w = new Array<number>(d).fill(0);
  const g2 = new Array<number>(d).fill(1e-8);
  for (let it = 0; it < 800; it++) {
    const g = new Array<number>(d).fill(0);
    for (const { f, y, w: rw } of rows) {
      let z = 0;
      for (let j = 0; j < d; j++) z += w[j]! * f[j]!;
      const e = (1 / (1 + Math.exp(-z)) - y) * rw;
      for (let j = 0; j < d; j++) g[j]! += e * f[j]!;
    }
    for (let j = 0; j < d; j++) {
      g[j] = g[j]! / rows.length + (j ? 0.001 * w[j]! : 0);
      g2[j]! += g[j]! * g[j]!;
      w[j]! -= (0.5 * g[j]!) / Math.sqrt(g2[j]!);
    }
  }
  console.log(w.map((x) => Math.round(x * 1000) / 1000).join(','));
  process.exit(0);
}
if (process.env.SPELL_RW_DUMP && !process.env.SPELL_TUNE) {
  console.error('eval-spell: SPELL_RW_DUMP needs SPELL_TUNE=1|2|3 (never fit on the validation split)');
  process.exit(1);
}
/** SPELL_RW_DUMP: the real-word decisions of this run (see above) */
const rwDump: { cat: string; gold: string | null; noisy: boolean; cands: { text: string; features: number[] }[] }[] = [];
let rwTrace: { start: number; end: number; cands: { text: string; features: number[] }[] }[] = [];

const binPath = process.env.SPELL_BIN ?? `${ROOT}data/spell.bin`;
/** examples kept in the JSON (EVAL_EXAMPLES=n for more when tuning; EVAL_CTX=1: each false alarm with its context) */
const MAXEX = Number(process.env.EVAL_EXAMPLES ?? 400);
let t = performance.now();
const env = (k: string): number | undefined => (process.env[k] ? Number(process.env[k]) : undefined);
const checker = createSpellChecker(new Uint8Array(readFileSync(binPath)), {
  ...(env('SPELL_RW_T') !== undefined ? { realWordThreshold: env('SPELL_RW_T')! } : {}),
  ...(env('SPELL_CAP') !== undefined ? { contextCap: env('SPELL_CAP')! } : {}),
  ...(env('SPELL_MAXCOST') !== undefined ? { maxCost: env('SPELL_MAXCOST')! } : {}),
  ...(process.env.SPELL_KINDS ? { kinds: process.env.SPELL_KINDS.split(',') as SpellIssue['kind'][] } : {}),
  ...(process.env.SPELL_RW_W ? { realWordWeights: process.env.SPELL_RW_W === 'legacy' ? [] : process.env.SPELL_RW_W.split(',').map(Number) } : {}),
  ...(process.env.SPELL_RW_DUMP ? { realWordTrace: (start: number, end: number, cands: { text: string; features: number[] }[]) => void rwTrace.push({ start, end, cands }) } : {}),
  ...(process.env.SPELL_W ? { weights: Object.fromEntries(process.env.SPELL_W.split(',').map((x, i) => [['cost', 'freq', 'context'][i], Number(x)])) } : {}),
  // as the package ships it: colloquial words in formal lines get their formal spelling as a style issue
  // (SPELL_FORMAL=0: without)
  // and in informal lines any formal reading of a word makes it no error (SPELL_FORMAL=0: neither)
  ...(process.env.SPELL_FORMAL === '0' ? {} : formalizerHooks()),
});

function formalizerHooks(): { formal: (w: string, end?: boolean) => string | undefined; informal: (w: string) => string | undefined } {
  const fz = createFormalizer({ formal: JSON.parse(readFileSync(`${ROOT}data/formal.json`, 'utf8')), lemma: new Uint8Array(readFileSync(`${ROOT}data/lemma.bin`)) });
  return { formal: (w, end) => fz.colloquialWord(w, process.env.SPELL_COPULA === '0' ? false : end), informal: (w) => (process.env.SPELL_INFORMAL === '0' ? undefined : fz.word(w)) };
}
const loadMs = performance.now() - t;
/**
 * SPELL_TAGGER=1 scores the pipeline path instead: tokenizer + tagger + spell, where words the tagger calls PROPN are
 * never flagged (what `createPipeline({ components: [..., 'tagger', 'spell'] })` does).
 */
const TAGGED = process.env.SPELL_TAGGER === '1';
if (process.env.SPELL_DBG) (globalThis as any).__spellDbg = new Map();
const pipe = TAGGED ? (await import('../src/node/index.js')).createPipeline({ components: ['tokenizer', 'tagger', 'spell'], resources: { spell: checker } }) : undefined;
// SPELL_REGISTER=informal: score the checker with the colloquial register (what it costs on formal text);
// SPELL_REGISTER=auto: the colloquial register on the lines that read as colloquial (detectRegister)
const register = process.env.SPELL_REGISTER === 'informal' || process.env.SPELL_REGISTER === 'auto' ? process.env.SPELL_REGISTER : undefined;
/**
 * SPELL_DOC=1: the clean text, and the same text with the injected errors, are each checked as one document, as
 * `dabir spell FILE` checks a file: an unknown word written twice anywhere in it is meant (SpellOptions.documentCounts).
 * Default: each sentence alone (the figures of the README).
 */
const DOC = process.env.SPELL_DOC === '1';
const check = (text: string, documentCounts?: ReadonlyMap<string, number>): SpellIssue[] =>
  pipe ? (pipe.process(text).spelling ?? []) : checker.check(text, { ...(register ? { register } : {}), ...(documentCounts ? { documentCounts } : {}) });
t = performance.now();
checker.suggest('کطاب');
const indexMs = performance.now() - t;

// ---- clean validation text ----
// SPELL_TUNE=k: measure on tuning fold k (1-3), which a SPELL_TUNE=k build leaves out (see scripts/build-spell.ts)
const FOLD = spellTuneFold(Number(process.env.SPELL_TUNE ?? 0));
const isEvalLine = (i: number): boolean => (FOLD ? FOLD.line(i) : isSpellValidationLine(i));
const clean: string[] = [];
for (const key of ['perdt', 'seraji'] as const) {
  const s = SPLITS[key]!;
  const range: [number, number] = FOLD ? FOLD[key] : s.validation!;
  for (const b of selectBlocks(conlluBlocks(readShared(s.file)), range)) {
    const m = /^# text = (.*)$/m.exec(b);
    if (m) clean.push(m[1]!.trim());
  }
}
// reference vocabulary for "the injection made a real word": the raw train text
const refVocab = new Set<string>();
for (const f of ['text/perdt-train.txt', 'text/seraji-train.txt']) for (const w of readShared(f).split(/\s+/)) refVocab.add(spellKey(w.replace(/^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu, '')));

let seed = Number(process.env.SPELL_SEED ?? 6);
const rand = (): number => {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return (seed >>> 8) / 16777216;
};
const pick = <T>(a: readonly T[]): T => a[Math.floor(rand() * a.length)]!;
const LETTER = /[\u0621-\u064a\u067e\u0686\u0698\u06a9\u06af\u06cc]/;

type Op = 'homophone' | 'neighbour' | 'drop' | 'double' | 'extra-key' | 'swap' | 'join' | 'split' | 'hamza';
const OPS: [Op, number][] = [['homophone', 25], ['neighbour', 20], ['drop', 15], ['double', 8], ['extra-key', 7], ['swap', 8], ['join', 7], ['split', 5], ['hamza', 5]];
const HAMZA: Record<string, string> = { 'ی': 'ئ', 'ا': 'أ', 'و': 'ؤ', 'ئ': 'ی', 'آ': 'ا' };

/** one corruption of a word (or of the word and the next one for "join"); undefined when the op does not apply */
function corrupt(w: string, next: string | undefined, op: Op): string | undefined {
  const pos = (ok: (c: string) => boolean): number[] => [...w].map((c, i) => (ok(c) ? i : -1)).filter((i) => i >= 0);
  const at = (i: number, s: string, del = 1): string => w.slice(0, i) + s + w.slice(i + del);
  switch (op) {
    case 'homophone': {
      const p = pos((c) => homophones(c).length > 0);
      if (!p.length) return undefined;
      const i = pick(p);
      return at(i, pick(homophones(w[i]!)));
    }
    case 'neighbour': {
      const p = pos((c) => neighbours(c).length > 0);
      if (!p.length) return undefined;
      const i = pick(p);
      return at(i, pick(neighbours(w[i]!)));
    }
    case 'drop': {
      const p = pos((c) => LETTER.test(c));
      if (w.length < 3 || !p.length) return undefined;
      return at(pick(p), '');
    }
    case 'double': {
      const p = pos((c) => LETTER.test(c));
      if (!p.length) return undefined;
      const i = pick(p);
      return at(i, w[i]! + w[i]!);
    }
    case 'extra-key': {
      const p = pos((c) => neighbours(c).length > 0);
      if (!p.length) return undefined;
      const i = pick(p);
      return at(i, w[i]! + pick(neighbours(w[i]!)));
    }
    case 'swap': {
      const p = pos((c) => LETTER.test(c)).filter((i) => i + 1 < w.length && LETTER.test(w[i + 1]!) && w[i] !== w[i + 1]);
      if (!p.length) return undefined;
      const i = pick(p);
      return at(i, w[i + 1]! + w[i]!, 2);
    }
    case 'join':
      return next !== undefined ? w + next : undefined;
    case 'split': {
      const p = pos((c) => LETTER.test(c)).filter((i) => i >= 2 && i <= w.length - 2 && w[i - 1] !== '\u200c' && w[i] !== '\u200c');
      if (!p.length) return undefined;
      const i = pick(p);
      return w.slice(0, i) + ' ' + w.slice(i);
    }
    case 'hamza': {
      const p = pos((c) => HAMZA[c] !== undefined).filter((i) => i > 0);
      if (!p.length) return undefined;
      const i = pick(p);
      return at(i, HAMZA[w[i]!]!);
    }
  }
}

const drawOp = (): Op => {
  let r = rand() * 100;
  for (const [op, p] of OPS) if ((r -= p) < 0) return op;
  return 'homophone';
};

interface Injection {
  /** offsets in the corrupted sentence */
  start: number;
  end: number;
  /** offsets in the clean sentence */
  cleanStart: number;
  cleanEnd: number;
  typed: string;
  intended: string;
  op: Op;
}

const isRealWord = (s: string): boolean => s.split(' ').every((p) => refVocab.has(spellKey(p)));

const sentences: { clean: string; text: string; inj: Injection[] }[] = [];
const realWordInjections: Record<string, number> = {};
const opCounts: Record<string, number> = {};
for (const sent of clean) {
  const toks = spaceTokens(sent);
  const inj: Injection[] = [];
  let out = '';
  let at = 0;
  for (let k = 0; k < toks.length; k++) {
    const tk = toks[k]!;
    const word = tk.text.replace(/[\p{P}\p{S}]+$/u, '');
    if (!isSpellable(word) || word !== tk.text || rand() >= 0.1) continue;
    const op = drawOp();
    const nx = toks[k + 1];
    const nextWord = nx && isSpellable(nx.text) && nx.start === tk.end + 1 ? nx.text : undefined;
    const typed = corrupt(word, nextWord, op);
    if (typed === undefined || typed === word) continue;
    const intended = op === 'join' ? `${word} ${nextWord}` : word;
    if (isRealWord(typed)) {
      realWordInjections[op] = (realWordInjections[op] ?? 0) + 1;
      continue;
    }
    const cleanEnd = op === 'join' ? nx!.end : tk.end;
    out += sent.slice(at, tk.start);
    const start = out.length;
    out += typed;
    inj.push({ start, end: out.length, cleanStart: tk.start, cleanEnd, typed, intended, op });
    opCounts[op] = (opCounts[op] ?? 0) + 1;
    at = cleanEnd;
    k += op === 'join' ? 2 : 1; // never two neighbours
  }
  out += sent.slice(at);
  sentences.push({ clean: sent, text: out, inj });
}

const norm = (s: string): string => spellKey(s.replace(/\s+/g, ' ').trim()).replace(/\u200c/g, '\u200c');
const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean => a.start < b.end && b.start < a.end;

/** for the `fix` figures: every detected injection (its issue's confidence, whether the top suggestion restores the
 * text) and the confidence of every issue elsewhere (an applied fix there damages correct text) */
const fixSeen: { conf: number; right: boolean }[] = [];
const fixDamage: number[] = [];
let tp = 0;
let fp = 0;
let fn = 0;
let top1 = 0;
let top5 = 0;
const perOp: Record<string, { n: number; found: number; top1: number; top5: number }> = {};
const misses: unknown[] = [];
const injectedCounts = DOC ? checker.countWords(sentences.map((s) => s.text).join('\n')) : undefined;
for (const s of sentences) {
  const issues = check(s.text, injectedCounts);
  const used = new Set<SpellIssue>();
  for (const g of s.inj) {
    const o = (perOp[g.op] ??= { n: 0, found: 0, top1: 0, top5: 0 });
    o.n++;
    const is = issues.find((x) => overlaps(x, g));
    if (!is) {
      fn++;
      if (misses.length < MAXEX) misses.push({ typed: g.typed, intended: g.intended, op: g.op, why: 'missed', dbg: (globalThis as any).__spellDbg?.get(spellKey(g.typed)) ?? (checker.isKnown(g.typed) ? 'known' : '?'), ctx: s.text.slice(Math.max(0, g.start - 25), g.end + 25) });
      continue;
    }
    used.add(is);
    tp++;
    o.found++;
    // the sentence with only this injection left, corrected by suggestion k, must equal the clean sentence
    let base = '';
    let at = 0;
    let shift = 0;
    for (const h of s.inj) {
      if (h === g) continue;
      base += s.text.slice(at, h.start) + s.clean.slice(h.cleanStart, h.cleanEnd);
      if (h.start < g.start) shift += h.cleanEnd - h.cleanStart - (h.end - h.start);
      at = h.end;
    }
    base += s.text.slice(at);
    const rank = is.suggestions.findIndex((x) => {
      const fixed = base.slice(0, is.start + shift) + x.text + base.slice(is.end + shift);
      return norm(fixed) === norm(s.clean);
    });
    fixSeen.push({ conf: is.confidence, right: rank === 0 });
    if (rank === 0) {
      top1++;
      o.top1++;
    } else if (misses.length < MAXEX / 10) misses.push({ typed: g.typed, intended: g.intended, op: g.op, rank, got: is.suggestions.slice(0, 5).map((x) => x.text) });
    if (rank >= 0 && rank < 5) {
      top5++;
      o.top5++;
    }
  }
  for (const is of issues) {
    if (!used.has(is) && !s.inj.some((g) => overlaps(is, g))) {
      fp++;
      fixDamage.push(is.confidence);
    }
  }
}
const p = tp / Math.max(1, tp + fp);
const r = tp / Math.max(1, tp + fn);

// false alarms on the clean text
let words = 0;
const fa: Record<string, number> = {};
const faExamples: string[] = [];
for (const s of clean.slice(0, 100)) check(s); // warm (the context model is parsed on first use)
t = performance.now();
const cleanCounts = DOC ? checker.countWords(clean.join('\n')) : undefined;
for (const s of clean) {
  words += spaceTokens(s).length;
  rwTrace = [];
  const found = check(s, cleanCounts);
  for (const x of rwTrace) rwDump.push({ cat: 'clean', gold: null, noisy: false, cands: x.cands });
  for (const is of found) {
    fixDamage.push(is.confidence);
    fa[is.kind] = (fa[is.kind] ?? 0) + 1;
    if (faExamples.length < MAXEX / 6) faExamples.push(`${is.kind}: ${is.text} → ${is.suggestions[0]?.text ?? ''}${process.env.EVAL_CTX ? ` | ${s.slice(Math.max(0, is.start - 40), is.end + 40)}` : ''}`);
  }
}
const checkMs = performance.now() - t;

// issues on clean colloquial text: the iPerUDT dev sentences (validation, informal register), checked with register
// 'auto' as `dabir spell` does (SPELL_REGISTER overrides). Every issue is counted: the treebank's text is taken as
// correct, though chat spelling varies more than news (its non-word issues are mostly rare colloquial forms and names).
// A tuning run (SPELL_TUNE) reads the iPerUDT train sentences instead (development text: the lexicon and the
// formalizer have seen them, so the figure is optimistic), never the validation ones
const informalSplit = FOLD ? { file: SPLITS.iperudtTrain!.file, range: SPLITS.iperudtTrain!.train! } : { file: SPLITS.iperudtDev!.file, range: SPLITS.iperudtDev!.validation! };
const informalText: string[] = [];
for (const b of selectBlocks(conlluBlocks(readShared(informalSplit.file)), informalSplit.range)) {
  const m = /^# text = (.*)$/m.exec(b);
  if (m) informalText.push(m[1]!.trim());
}
let infWords = 0;
const infFa: Record<string, number> = {};
const infExamples: string[] = [];
for (const s of informalText) {
  infWords += spaceTokens(s).length;
  for (const is of checker.check(s, { register: register ?? 'auto' })) {
    infFa[is.kind] = (infFa[is.kind] ?? 0) + 1;
    if (infExamples.length < MAXEX / 6) infExamples.push(`${is.kind}: ${is.text} → ${is.suggestions[0]?.text ?? ''}`);
  }
}

// suggestion speed: median over the injected words (warm)
const typedWords = sentences.flatMap((s) => s.inj.map((g) => g.typed.split(' ')[0]!));
for (const w of typedWords.slice(0, 200)) checker.suggest(w);
const times: number[] = [];
for (const w of typedWords) {
  const a = performance.now();
  checker.suggest(w);
  times.push(performance.now() - a);
}
times.sort((a, b) => a - b);

// ---- real-word: PerSpellData validation split ----
const rw = { pairs: 0, gold: 0, noisy: 0, tp: 0, fp: 0, fn: 0, correct: 0 };
/** the same restricted to true real-word errors (the wrong side is a known word) and real-word/style issues */
const rwo = { gold: 0, tp: 0, fp: 0, fn: 0, correct: 0 };
/** an issue on one word whose first suggestion only adds spaces or half-spaces (میکنم → می‌کنم) */
const addsSpacingOnly = (x: SpellIssue): boolean => {
  const bare = (t: string): string => t.replace(/[\u200c ]/g, '');
  const s = x.suggestions[0]?.text;
  return s !== undefined && !x.word.includes(' ') && s.length > x.word.length && bare(s) === bare(x.word);
};
const rwByCat: Record<string, { gold: number; tp: number; fp: number; correct: number }> = {};
const rwExamples: unknown[] = [];
const dir = 'spell/perspelldata/real-word/';
for (const cat of readdirSync(sharedPath(dir)).sort()) {
  const files = readdirSync(sharedPath(dir + cat)).sort();
  const wf = files.find((f) => f.startsWith('wrong'));
  const cf = files.find((f) => f.startsWith('correct'));
  if (!wf || !cf) continue;
  const wl = readShared(`${dir}${cat}/${wf}`).split('\n');
  const cl = readShared(`${dir}${cat}/${cf}`).split('\n');
  const c = (rwByCat[cat] ??= { gold: 0, tp: 0, fp: 0, correct: 0 });
  for (let i = 0; i < Math.min(wl.length, cl.length); i++) {
    if (!isEvalLine(i) || !wl[i]!.trim() || !cl[i]!.trim()) continue;
    rw.pairs++;
    const wrong = canon(wl[i]!.trim());
    const correct = canon(cl[i]!.trim());
    const wt = spaceTokens(wrong);
    const gold: { start: number; end: number; correct: string; real: boolean }[] = [];
    const noisy: { start: number; end: number }[] = [];
    for (const d of alignTokens(wrong, correct)) {
      const span = d.wi < d.wj ? { start: wt[d.wi]!.start, end: wt[d.wj - 1]!.end } : null;
      if (!span) continue; // a pure insertion in the correct side: nothing to flag in the wrong text
      const ok = d.wrong.length <= 2 && d.correct.length >= 1 && d.correct.length <= 3 && d.correct.every((x) => isSpellable(x) && checker.isKnown(x)) && d.wrong.every(isSpellable);
      if (ok) gold.push({ ...span, correct: d.correct.map(spellKey).join(' '), real: d.wrong.every((x) => checker.isKnown(x)) });
      else noisy.push(span);
    }
    rw.gold += gold.length;
    rw.noisy += noisy.length;
    c.gold += gold.length;
    rwTrace = [];
    const issues = check(wrong);
    for (const x of rwTrace) {
      const g = gold.find((y) => overlaps(x, y));
      rwDump.push({ cat, gold: g ? g.correct : null, noisy: noisy.some((y) => overlaps(x, y)), cands: x.cands });
    }
    for (const g of gold) {
      const is = issues.find((x) => overlaps(x, g));
      if (!is) {
        rw.fn++;
        if (rwExamples.length < MAXEX) rwExamples.push({ cat, missed: wrong.slice(g.start, g.end), correct: g.correct });
        continue;
      }
      rw.tp++;
      c.tp++;
      if (is.start === g.start && is.end === g.end && norm(is.suggestions[0]?.text ?? '') === norm(g.correct)) {
        rw.correct++;
        c.correct++;
      }
    }
    const rwIssues = issues.filter((x) => x.kind !== 'non-word');
    for (const g of gold) {
      if (!g.real) continue;
      rwo.gold++;
      const is = rwIssues.find((x) => overlaps(x, g));
      if (!is) {
        rwo.fn++;
        continue;
      }
      rwo.tp++;
      if (is.start === g.start && is.end === g.end && norm(is.suggestions[0]?.text ?? '') === norm(g.correct)) rwo.correct++;
    }
    // (not counted as wrong: a word with a half-space or space left out, میکنم → می‌کنم, which the references leave as
    // they are — a non-word issue before it was a style one)
    for (const is of rwIssues) if (!gold.some((g) => overlaps(is, g)) && !noisy.some((g) => overlaps(is, g)) && !addsSpacingOnly(is)) rwo.fp++;
    for (const is of issues) {
      if (gold.some((g) => overlaps(is, g)) || noisy.some((g) => overlaps(is, g))) continue;
      rw.fp++;
      c.fp++;
      if (rwExamples.length < MAXEX) rwExamples.push({ cat, falseAlarm: is.text, kind: is.kind, sugg: is.suggestions[0]?.text });
    }
  }
}
const rp = rw.tp / Math.max(1, rw.tp + rw.fp);
const rr = rw.tp / Math.max(1, rw.tp + rw.fn);

const r4 = (x: number): number => Math.round(x * 10000) / 10000;
const result = {
  data: { file: binPath, bytes: readFileSync(binPath).length, words: checker.size, loadMs: Math.round(loadMs), indexMs: Math.round(indexMs) },
  nonWord: {
    sentences: sentences.length,
    injected: tp + fn,
    byOp: opCounts,
    realWordInjectionsLeftOut: realWordInjections,
    precision: r4(p),
    recall: r4(r),
    f1: r4((2 * p * r) / Math.max(1e-9, p + r)),
    top1: r4(top1 / Math.max(1, tp + fn)),
    top5: r4(top5 / Math.max(1, tp + fn)),
    top1OfDetected: r4(top1 / Math.max(1, tp)),
    perOp: perOp,
  },
  falseAlarms: {
    words,
    byKind: fa,
    perThousandWords: r4((1000 * Object.values(fa).reduce((a, b) => a + b, 0)) / words),
    nonWordPerThousandWords: r4((1000 * (fa['non-word'] ?? 0)) / words),
    examples: faExamples,
  },
  // what `fix` (dabir spell --fix) does at a confidence threshold: of the injected errors, the share it restores and
  // the share it changes into another wrong word; and the changes it makes to correct words (in the injected text away
  // from the injections, and in the clean text), per 1,000 words of the two texts
  fix: Object.fromEntries(
    [0.5, 0.6, 0.7, 0.8, 0.9].map((th) => [
      String(th),
      {
        restored: r4(fixSeen.filter((x) => x.conf >= th && x.right).length / Math.max(1, tp + fn)),
        wrong: r4(fixSeen.filter((x) => x.conf >= th && !x.right).length / Math.max(1, tp + fn)),
        damagePerThousandWords: r4((1000 * fixDamage.filter((c) => c >= th).length) / Math.max(1, 2 * words)),
      },
    ]),
  ),
  informalText: {
    source: FOLD ? 'iPerUDT train (tuning run)' : 'iPerUDT dev (validation)',
    words: infWords,
    byKind: infFa,
    perThousandWords: r4((1000 * Object.values(infFa).reduce((a, b) => a + b, 0)) / Math.max(1, infWords)),
    nonWordPerThousandWords: r4((1000 * (infFa['non-word'] ?? 0)) / Math.max(1, infWords)),
    examples: infExamples,
  },
  realWord: {
    ...rw,
    precision: r4(rp),
    recall: r4(rr),
    f1: r4((2 * rp * rr) / Math.max(1e-9, rp + rr)),
    correctionAccuracy: r4(rw.correct / Math.max(1, rw.tp)),
    byCategory: rwByCat,
    realWordOnly: {
      ...rwo,
      precision: r4(rwo.tp / Math.max(1, rwo.tp + rwo.fp)),
      recall: r4(rwo.tp / Math.max(1, rwo.gold)),
      f1: r4((2 * rwo.tp) / Math.max(1, 2 * rwo.tp + rwo.fp + rwo.fn)),
      correctionAccuracy: r4(rwo.correct / Math.max(1, rwo.tp)),
    },
  },
  speed: {
    checkWordsPerSecond: Math.round(words / (checkMs / 1000)),
    suggestMedianMs: r4(times[Math.floor(times.length / 2)] ?? 0),
    suggestP90Ms: r4(times[Math.floor(times.length * 0.9)] ?? 0),
  },
  examples: { nonWord: misses, realWord: rwExamples, ...(process.env.EVAL_ALL ? { injections: sentences.flatMap((s) => s.inj.map((g) => ({ typed: g.typed, intended: g.intended, op: g.op }))) } : {}) },
};
mkdirSync(`${ROOT}bench/results`, { recursive: true });
if (process.env.SPELL_RW_DUMP) writeFileSync(process.env.SPELL_RW_DUMP, JSON.stringify(rwDump));
const outPath = process.env.EVAL_JSON ?? `${ROOT}bench/results/spell-eval.json`;
writeFileSync(outPath, JSON.stringify(result, null, 2) + '\n');
const { examples: _e, ...summary } = result;
const { examples: _f, ...fas } = summary.falseAlarms;
const { examples: _g, ...ifas } = summary.informalText;
console.log(JSON.stringify({ ...summary, falseAlarms: fas, informalText: ifas }, null, 1));
