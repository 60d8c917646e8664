/**
 * Scores a system with the CoNLL 2018 UD metrics (src/core/eval/ud-metrics.ts) on OUR validation splits
 * (scripts/lib/splits.ts: PerDT and Seraji dev tails, iPerUDT dev) — never on training text.
 *
 *   raw   the system reads the raw text and returns a Doc: tokenization, sentences and annotation are all scored.
 *         The `# text` lines of the validation sentences are joined with a space into paragraphs of 10 sentences
 *         (paragraphs separated by '\n'), so the sentence splitter must find 9 of every 10 boundaries itself.
 *         RAW_JOIN=line joins every sentence with '\n' instead (boundaries given).
 *   gold  the system gets the gold-tokenized Doc with every annotation column blanked and fills it in.
 *
 * The system is `createPipeline` from src/node/index.ts when it exists (components from $COMPONENTS, a comma list,
 * else the package's own default list if it exports one), otherwise a whitespace-tokenizer baseline defined here.
 *
 *   npm run eval:ud        # prints a markdown table, writes bench/results/ud-eval.json
 *   SHOW=1 npm run eval:ud # also prints the full official-style table of every run
 *   SYSTEM=baseline npm run eval:ud   # score the whitespace baseline even when createPipeline exists
 *   SCHEME=auto EVAL_JSON=.tmp/ud-auto.json npm run eval:ud   # one scheme for every split (auto: by paragraph register)
 *   BEAM=4 EVAL_JSON=.tmp/ud-beam4.json npm run eval:ud       # the parser's beam search (option beam) instead of greedy
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { Doc, Sentence, Token, Word } from '../src/core/doc.js';
import { evaluate, formatScores, type UdMetric, type UdScores } from '../src/core/eval/ud-metrics.js';
import { readConllu } from '../src/core/formats/conllu.js';
import { haveShared, readShared, ROOT } from './lib/corpus.js';
import { conlluBlocks, selectBlocks, SPLITS } from './lib/splits.js';

if (!haveShared()) {
  console.log('SKIP eval:ud: ../shared/data not found (set DABIR_SHARED)');
  process.exit(0);
}

interface UdSystem {
  name: string;
  process(text: string): Doc;
  annotate(doc: Doc): Doc;
}

/**
 * Sentences = lines, tokens = runs of characters other than space separators (Zs) and ASCII controls — not JS `\S`,
 * which also splits at U+FEFF, a character the gold forms keep — one word per token, no annotation.
 */
function whitespaceBaseline(): UdSystem {
  return {
    name: 'baseline: whitespace tokenizer, one sentence per line, no annotation (createPipeline not exported)',
    process(text: string): Doc {
      const sentences: Sentence[] = [];
      let lineStart = 0;
      for (const line of text.split('\n')) {
        const tokens: Token[] = [];
        for (const m of line.matchAll(/[^\p{Zs}\t\r\f\v]+/gu)) {
          const start = lineStart + m.index;
          const end = start + m[0].length;
          const spaceAfter = end >= text.length || /[\p{Zs}\t\n\r\f\v]/u.test(text[end]!);
          tokens.push(new Token(start, end, m[0], m[0], [new Word(1, { form: m[0] })], spaceAfter));
        }
        tokens.forEach((t, i) => (t.words[0]!.id = i + 1));
        if (tokens.length) {
          sentences.push(new Sentence(lineStart, lineStart + line.length, line, tokens, String(sentences.length + 1)));
        }
        lineStart += line.length + 1;
      }
      return new Doc(text, sentences);
    },
    annotate: (doc) => doc,
  };
}

type CreatePipeline = (o: { components: string[]; options?: Record<string, Record<string, unknown>>; scheme?: string }) => {
  process(text: string): Doc;
  annotate(doc: Doc): Doc;
};

/** The treebank conventions each split is scored in (tokenizer MWT splits, tagger and lemmatizer labels). */
const SPLIT_SCHEME: Record<string, string> = { perdt: 'perdt', seraji: 'seraji', iperudtDev: 'iperudt' };

async function loadSystem(split: string): Promise<UdSystem> {
  const mod = (await import('../src/node/index.js')) as unknown as Record<string, unknown>;
  const create = mod['createPipeline'] as CreatePipeline | undefined;
  if (process.env.SYSTEM === 'baseline') return { ...whitespaceBaseline(), name: 'baseline: whitespace tokenizer, one sentence per line, no annotation (SYSTEM=baseline)' };
  if (typeof create !== 'function') return whitespaceBaseline();
  const fromEnv = process.env.COMPONENTS?.split(',').map((s) => s.trim()).filter(Boolean);
  const available = typeof mod['availableComponents'] === 'function' ? (mod['availableComponents'] as () => string[])() : undefined;
  const exported = available ?? (['DEFAULT_COMPONENTS', 'PIPELINE_COMPONENTS'].map((k) => mod[k]).find(Array.isArray) as string[] | undefined);
  const components = fromEnv ?? exported ?? ['tokenize', 'mwt', 'pos', 'lemma', 'depparse'];
  const schemeOptions = mod['schemeOptions'] as ((scheme: string, components: string[]) => Record<string, Record<string, unknown>>) | undefined;
  // BEAM=K: the parser's beam search of width K (option beam; 1, the default, parses greedily)
  const beam = Number(process.env.BEAM ?? 1);
  const withBeam = (o: Record<string, Record<string, unknown>>): Record<string, Record<string, unknown>> => (beam > 1 ? { ...o, parser: { ...o['parser'], beam } } : o);
  const beamName = beam > 1 ? `, options: { parser: { beam: ${beam} } }` : '';
  if (process.env.SCHEME) {
    // one scheme for every split (SCHEME=auto: by paragraph register), instead of each split's own
    const p = create({ components, scheme: process.env.SCHEME, options: withBeam({}) });
    return { name: `createPipeline({ components: [${components.join(', ')}], scheme: '${process.env.SCHEME}'${beamName} })`, process: (t) => p.process(t), annotate: (d) => p.annotate(d) };
  }
  const options = schemeOptions ? schemeOptions(SPLIT_SCHEME[split] ?? 'perdt', components) : {};
  const p = create({ components, options: withBeam(options) });
  return { name: `createPipeline({ components: [${components.join(', ')}]${beamName} })`, process: (t) => p.process(t), annotate: (d) => p.annotate(d) };
}

/** The gold-tokenized Doc of some CoNLL-U with all annotation columns blanked. */
function blanked(conllu: string): Doc {
  const doc = readConllu(conllu);
  for (const w of doc.words) {
    w.lemma = w.upos = w.xpos = w.feats = w.deprel = w.deps = w.misc = undefined;
    w.head = undefined;
  }
  return doc;
}

function rawText(blocks: string[]): string {
  return blocks
    .map((b) => {
      const line = b.split('\n').find((l) => l.startsWith('# text = '));
      // only trailing blanks are dropped: String#trim would also remove U+FEFF, which the gold forms keep
      return line !== undefined ? line.slice(9).replace(/[ \t]+$/, '') : readConllu(b).text;
    })
    .map((t, i) => (i === 0 ? '' : process.env.RAW_JOIN === 'line' || i % 10 === 0 ? '\n' : ' ') + t)
    .join('');
}

interface RunResult {
  sentences: number;
  seconds: number;
  scores: UdScores;
  /** relaxations of the tree checks (see EvaluateOptions.strict) */
  warnings: string[];
}

function run(gold: string, produce: () => Doc, sentences: number): RunResult {
  const t0 = performance.now();
  let scores: UdScores;
  try {
    const doc = produce();
    scores = evaluate(gold, doc, { strict: false });
  } catch (e) {
    scores = { ok: false, error: `system failed: ${e instanceof Error ? e.message : String(e)}` };
  }
  const seconds = (performance.now() - t0) / 1000;
  return { sentences, seconds, scores, warnings: scores.ok ? scores.warnings : [] };
}

let system = await loadSystem('perdt');
const splitNames = ['perdt', 'seraji', 'iperudtDev'] as const;
const modes = ['raw', 'gold'] as const;
const results: Record<string, Record<string, RunResult>> = {};
for (const name of splitNames) {
  system = await loadSystem(name);
  const split = SPLITS[name]!;
  const blocks = selectBlocks(conlluBlocks(readShared(split.file).replace(/\r\n?/g, '\n')), split.validation);
  const gold = blocks.join('\n\n') + '\n\n';
  results[name] = {
    raw: run(gold, () => system.process(rawText(blocks)), blocks.length),
    gold: run(gold, () => system.annotate(blanked(gold)), blocks.length),
  };
}

const COLS: UdMetric[] = ['Tokens', 'Sentences', 'Words', 'UPOS', 'XPOS', 'UFeats', 'Lemmas', 'UAS', 'LAS'];
const pct = (x: number): string => (100 * x).toFixed(2);
console.log(`System: ${system.name} (scheme per split: ${JSON.stringify(SPLIT_SCHEME)})\n`);
console.log(`| split | mode | sentences | ${COLS.join(' | ')} |`);
console.log(`|---|---|---:|${COLS.map(() => '---:').join('|')}|`);
for (const name of splitNames) {
  for (const mode of modes) {
    const r = results[name]![mode]!;
    const cells = r.scores.ok ? COLS.map((m) => pct((r.scores as Extract<UdScores, { ok: true }>).metrics[m].f1)) : [`error: ${r.scores.error.replace(/\n/g, ' ')}`];
    console.log(`| ${name} | ${mode} | ${r.sentences} | ${cells.join(' | ')} |`);
  }
}
console.log('\nF1 scores (CoNLL 2018 definitions; LAS compares universal deprels). Validation splits only (scripts/lib/splits.ts).');
for (const name of splitNames) {
  for (const mode of modes) {
    const r = results[name]![mode]!;
    if (r.warnings.length) console.log(`note: ${name}/${mode}: ${r.warnings.join('; ')}`);
    if (process.env.SHOW) console.log(`\n### ${name} / ${mode}\n\n${formatScores(r.scores)}`);
  }
}

mkdirSync(`${ROOT}bench/results`, { recursive: true });
writeFileSync(process.env.EVAL_JSON ?? `${ROOT}bench/results/ud-eval.json`, JSON.stringify({ system: system.name, results }, null, 2) + '\n');
