/**
 * Experiment: a first-order graph-based parser (arc-factored averaged perceptron, maximum spanning tree decoding) as
 * a diverse voter next to the transition parsers, on the --tune tails of scripts/train-parser.ts (never validation).
 *
 *   npx tsx scripts/exp-graph-parser.ts [--epochs=N] [--tagger=FILE] [--voters=l2r.bin:l,r2l.bin:r] [--alpha=A,...]
 *
 * Needs the word classes and the voters of --tune runs of train-parser (figures in its header):
 *   npx tsx scripts/train-parser.ts --tune --beam=1 --tagger=.tmp/tagger-dev.bin --cluster-cache=.tmp/pc/clusters.json --out=.tmp/pc/l2r.bin
 *   (the same with --reverse and --out=.tmp/pc/r2l.bin); .tmp/tagger-dev.bin from TAGGER_DEV=1 TAGGER_OUT=... train:tagger.
 * Prints UAS/LAS of the graph parser alone and of the combination for each weight α of the voters' arcs (α=1000: the
 * voters alone). Not part of the product.
 */
import { readFileSync } from 'node:fs';
import type { Doc } from '../src/core/doc.js';
import { readConllu } from '../src/core/formats/conllu.js';
import { featForm, ParserModel } from '../src/core/parse/index.js';
import { hashString, mix, fmix } from '../src/core/parse/hash.js';
import { mulberry32, shuffleInPlace } from '../src/core/prng.js';
import { evaluate } from '../src/core/eval/ud-metrics.js';
import { readShared, ROOT } from './lib/corpus.js';
import { maxArborescence, parseDir } from './lib/mst.js';
import { conlluBlocks, selectBlocks, SPLITS } from './lib/splits.js';

const args = new Map<string, string>();
for (const a of process.argv.slice(2)) {
  const m = /^--([^=]+)(?:=(.*))?$/.exec(a);
  if (m) args.set(m[1]!, m[2] ?? '1');
}
const t0 = performance.now();
const log = (s: string): void => console.log(`[${((performance.now() - t0) / 1000).toFixed(0)}s] ${s}`);

const TUNE_TAIL: Record<string, number> = { perdt: 250, seraji: 120, iperudtTrain: 300 };
const SCHEME: Record<string, number> = { perdt: 1, seraji: 2, iperudtTrain: 3 };
function blocks(name: string): { train: string[]; tail: string[] } {
  const b = selectBlocks(conlluBlocks(readShared(SPLITS[name]!.file).replace(/\r\n?/g, '\n')), SPLITS[name]!.train);
  return { train: b.slice(0, b.length - TUNE_TAIL[name]!), tail: b.slice(b.length - TUNE_TAIL[name]!) };
}

const clusters = new Map<string, number>(JSON.parse(readFileSync(`${ROOT}.tmp/pc/clusters.json`, 'utf8')) as [string, number][]);

interface Sent {
  scheme: number;
  words: { form: string; upos?: string; xpos?: string; lemma?: string; feats?: string }[];
  heads: number[];
}

// ---- word attributes ----
interface Enc {
  n: number;
  f: Int32Array;
  u: Int32Array;
  x: Int32Array;
  l: Int32Array;
  c: Int32Array;
  s3: Int32Array;
  ft: Int32Array;
  /** prefix counts of verbs / punctuation / conjunctions (index i = count in words 1..i) */
  verbs: Int32Array;
  puncts: Int32Array;
  conjs: Int32Array;
  scheme: number;
}
const H = (s: string | undefined): number => hashString(s ?? '_');
function encode(s: Sent): Enc {
  const n = s.words.length;
  const mk = (): Int32Array => new Int32Array(n + 2);
  const e: Enc = { n, f: mk(), u: mk(), x: mk(), l: mk(), c: mk(), s3: mk(), ft: mk(), verbs: mk(), puncts: mk(), conjs: mk(), scheme: s.scheme };
  // position 0 = root, n+1 = end
  for (const arr of [e.f, e.u, e.x, e.l, e.c, e.s3, e.ft]) {
    arr[0] = 11;
    arr[n + 1] = 13;
  }
  for (let i = 1; i <= n; i++) {
    const w = s.words[i - 1]!;
    const f = featForm(w.form);
    e.f[i] = hashString(f);
    e.u[i] = H(w.upos);
    e.x[i] = H(w.xpos);
    e.l[i] = H(w.lemma ? featForm(w.lemma) : f);
    e.c[i] = clusters.get(f) ?? -1;
    e.s3[i] = hashString(f.slice(-3));
    e.ft[i] = H(w.feats);
    e.verbs[i] = e.verbs[i - 1]! + (w.upos === 'VERB' || w.upos === 'AUX' ? 1 : 0);
    e.puncts[i] = e.puncts[i - 1]! + (w.upos === 'PUNCT' ? 1 : 0);
    e.conjs[i] = e.conjs[i - 1]! + (w.upos === 'CCONJ' || w.upos === 'SCONJ' ? 1 : 0);
  }
  return e;
}

// ---- features ----
const BITS = 23;
const MASK = (1 << BITS) - 1;
const MAXF = 140;
function distBucket(d: number): number {
  return d <= 5 ? d : d <= 7 ? 6 : d <= 10 ? 7 : d <= 15 ? 8 : 9;
}
const b3 = (k: number): number => (k >= 2 ? 2 : k);
/** feature indices of the arc h → d into out; returns the count */
function arcFeatures(e: Enc, h: number, d: number, out: Int32Array): number {
  const dir = h === 0 ? 3 : h < d ? 1 : 2;
  const dist = h === 0 ? 0 : distBucket(Math.abs(h - d));
  const lo = Math.min(h, d);
  const hi = Math.max(h, d);
  const between = h === 0 ? 0 : b3(e.verbs[hi - 1]! - e.verbs[lo]!) * 9 + b3(e.puncts[hi - 1]! - e.puncts[lo]!) * 3 + b3(e.conjs[hi - 1]! - e.conjs[lo]!);
  const hf = e.f[h]!, hu = e.u[h]!, hx = e.x[h]!, hl = e.l[h]!, hc = e.c[h]!, hs = e.s3[h]!;
  const df = e.f[d]!, du = e.u[d]!, dx = e.x[d]!, dl = e.l[d]!, dc = e.c[d]!, ds = e.s3[d]!, dft = e.ft[d]!;
  const hu1 = e.u[h + 1] ?? 13, hum = h > 0 ? e.u[h - 1]! : 17, du1 = e.u[d + 1] ?? 13, dum = e.u[d - 1]!;
  const sch = e.scheme;
  let k = 0;
  const base = [
    [1, hf, hu],
    [2, hu],
    [3, hf],
    [4, df, du],
    [5, du],
    [6, df],
    [7, hf, hu, df, du],
    [8, hu, df, du],
    [9, hf, df, du],
    [10, hf, hu, du],
    [11, hf, hu, df],
    [12, hf, df],
    [13, hu, du],
    [14, hl, dl],
    [15, hc, dc],
    [16, hu, dc],
    [17, hc, du],
    [18, hx, dx],
    [19, hu, hu1, dum, du],
    [20, hum, hu, dum, du],
    [21, hu, hu1, du, du1],
    [22, hum, hu, du, du1],
    [23, hu, du, between],
    [24, hx, dx, between],
    [25, hs, du, hu],
    [26, hu, ds, du],
    [27, hu, dft],
    [28, hl, du],
    [29, hu, dl],
    [30, hx, dft, dx],
    [31, hf, du, dist],
    [32, hu, df, dist],
    [33, hl, dl, du],
    [34, hc, hu, dc, du],
    [35, hx, e.x[h + 1] ?? 13, e.x[d - 1]!, dx],
    [36, hx, e.x[d + 1] ?? 13, dx],
    [37, h > 0 ? e.x[h - 1]! : 17, hx, dx],
    [38, hu, du, d > 1 ? e.f[d - 1]! : 19],
    [39, hu, du, e.f[d + 1] ?? 13],
  ] as const;
  for (const t of base) {
    let a = 0x9747b28c;
    for (const v of t) a = mix(a, v);
    const withDir = mix(a, dir);
    out[k++] = fmix(mix(withDir, dist)) & MASK;
    out[k++] = fmix(withDir) & MASK;
    if (t[0] <= 13 || t[0] === 23) out[k++] = fmix(mix(mix(withDir, dist), sch * 7919)) & MASK;
  }
  return k;
}

// ---- model: averaged perceptron ----
const W = new Float32Array(1 << BITS);
const U = new Float32Array(1 << BITS); // sum of step * update
let step = 1;
const fbuf = new Int32Array(MAXF);

function scores(e: Enc, avg: boolean): Float64Array[] {
  const n = e.n;
  const sc = Array.from({ length: n + 1 }, () => new Float64Array(n + 1));
  for (let h = 0; h <= n; h++) {
    sc[h]![0] = -Infinity;
    for (let d = 1; d <= n; d++) {
      if (h === d) {
        sc[h]![d] = -Infinity;
        continue;
      }
      const k = arcFeatures(e, h, d, fbuf);
      let s = 0;
      if (avg) for (let i = 0; i < k; i++) s += W[fbuf[i]!]! - U[fbuf[i]!]! / step;
      else for (let i = 0; i < k; i++) s += W[fbuf[i]!]!;
      sc[h]![d] = s;
    }
  }
  return sc;
}
function decode(sc: Float64Array[], n: number): Int32Array {
  for (let d = 1; d <= n; d++) sc[0]![d]! -= 1e6;
  const head = maxArborescence(sc, n);
  for (let d = 1; d <= n; d++) sc[0]![d]! += 1e6;
  return head;
}
function update(e: Enc, h: number, d: number, v: number): void {
  const k = arcFeatures(e, h, d, fbuf);
  for (let i = 0; i < k; i++) {
    W[fbuf[i]!]! += v;
    U[fbuf[i]!]! += v * step;
  }
}

// ---- data ----
function toSent(block: string, scheme: number): Sent | undefined {
  const doc = readConllu(block);
  const s = doc.sentences[0];
  if (!s || s.words.some((w) => w.head === undefined)) return undefined;
  return { scheme, words: s.words.map((w) => ({ form: w.form, upos: w.upos, xpos: w.xpos, lemma: w.lemma, feats: w.feats })), heads: s.words.map((w) => w.head!) };
}
const train: Sent[] = [];
const tails: Record<string, string[]> = {};
for (const name of ['perdt', 'seraji', 'iperudtTrain']) {
  const b = blocks(name);
  for (const x of b.train) {
    const s = toSent(x, SCHEME[name]!);
    if (s) train.push(s);
  }
  tails[name] = b.tail;
}
log(`train ${train.length} sentences`);
const encTrain = train.map(encode);

const EPOCHS = Number(args.get('epochs') ?? 10);
const rnd = mulberry32(Number(args.get('seed') ?? 1));
const order = train.map((_, i) => i);
for (let ep = 0; ep < EPOCHS; ep++) {
  shuffleInPlace(order, rnd);
  let errs = 0;
  let tot = 0;
  for (const i of order) {
    const e = encTrain[i]!;
    const s = train[i]!;
    const sc = scores(e, false);
    // cost-augmented: +1 on wrong arcs (margin)
    for (let d = 1; d <= e.n; d++) for (let h = 0; h <= e.n; h++) if (h !== d && h !== s.heads[d - 1]) sc[h]![d]! += 1;
    const pred = decode(sc, e.n);
    for (let d = 1; d <= e.n; d++) {
      tot++;
      const g = s.heads[d - 1]!;
      if (pred[d] !== g) {
        errs++;
        update(e, g, d, 1);
        update(e, pred[d]!, d, -1);
      }
    }
    step++;
  }
  log(`epoch ${ep + 1}: train arc errors ${((100 * errs) / tot).toFixed(2)}%`);
}

// ---- evaluation on the tails ----
type Tagger = (d: Doc, scheme: 'perdt' | 'seraji' | 'iperudt') => void;
async function findTagger(): Promise<Tagger> {
  const node = (await import('../src/node/index.js')) as unknown as Record<string, unknown>;
  const create = node['createPipeline'] as (o: { components: string[]; options?: Record<string, Record<string, unknown>>; resources?: Record<string, unknown> }) => { annotate(d: Doc): Doc };
  const taggerFile = args.get('tagger') ?? `${ROOT}.tmp/tagger-dev.bin`;
  const resources = { tagger: new Uint8Array(readFileSync(taggerFile)) };
  const pipes = new Map<string, { annotate(d: Doc): Doc }>();
  return (d, scheme) => {
    let p = pipes.get(scheme);
    if (!p) {
      p = create({ components: ['tokenizer', 'tagger', 'lemmatizer'], options: { tagger: { scheme }, lemmatizer: { scheme: scheme === 'seraji' ? 'seraji' : 'perdt' } }, resources });
      pipes.set(scheme, p);
    }
    p.annotate(d);
  };
}
const tagger = await findTagger();
const voters = (args.get('voters') ?? `${ROOT}.tmp/pc/l2r.bin:l,${ROOT}.tmp/pc/r2l.bin:r`).split(',').map((x) => {
  const [file, dir] = x.split(':') as [string, string];
  return { model: ParserModel.fromBytes(new Uint8Array(readFileSync(file))), reverse: dir === 'r' };
});
const alphas = (args.get('alpha') ?? '0,0.5,1,2,4,1000').split(',').map(Number);
for (const tags of ['gold', 'predicted'] as const) {
  for (const name of ['perdt', 'seraji', 'iperudtTrain']) {
    const gold = tails[name]!.join('\n\n') + '\n\n';
    const scheme = SCHEME[name]!;
    const docs = alphas.map(() => readConllu(gold));
    const graphDoc = readConllu(gold);
    const prepared = [graphDoc, ...docs];
    for (const doc of prepared) {
      for (const w of doc.words) {
        w.head = undefined;
        w.deprel = undefined;
        w.deps = undefined;
        if (tags === 'predicted') w.upos = w.xpos = w.feats = w.lemma = undefined;
      }
      if (tags === 'predicted') tagger(doc, scheme === 1 ? 'perdt' : scheme === 2 ? 'seraji' : 'iperudt');
    }
    for (let si = 0; si < graphDoc.sentences.length; si++) {
      const words = graphDoc.sentences[si]!.words;
      const n = words.length;
      const e = encode({ scheme, words, heads: [] });
      const sc = scores(e, true);
      // normalize the graph scores per sentence: divide by the mean gap between each word's best and second head
      const ps = voters.map((v) => parseDir(v.model, words, scheme, 1, v.reverse));
      const g = decode(sc.map((r) => Float64Array.from(r)), n);
      for (let d = 1; d <= n; d++) {
        words[d - 1]!.head = g[d];
        words[d - 1]!.deprel = ps.find((p) => p.heads[d - 1] === g[d])?.deprels[d - 1] ?? ps[0]!.deprels[d - 1]!;
      }
      let gap = 0;
      for (let d = 1; d <= n; d++) {
        let b1 = -Infinity;
        let b2 = -Infinity;
        for (let h = 0; h <= n; h++) {
          const v = sc[h]![d]!;
          if (v > b1) {
            b2 = b1;
            b1 = v;
          } else if (v > b2) b2 = v;
        }
        gap += Math.min(b1 - b2, 1e3);
      }
      const scale = n > 0 ? gap / n : 1;
      alphas.forEach((alpha, ai) => {
        const m = sc.map((r) => Float64Array.from(r, (v) => (alpha >= 1000 ? 0 : v / Math.max(scale, 1e-6))));
        ps.forEach((p, vi) => {
          for (let d = 1; d <= n; d++) m[p.heads[d - 1]!]![d]! += (alpha >= 1000 ? 1 : alpha) * (vi === 0 ? 1.01 : 1);
        });
        const hd = decode(m, n);
        const ws = docs[ai]!.sentences[si]!.words;
        for (let d = 1; d <= n; d++) {
          ws[d - 1]!.head = hd[d];
          ws[d - 1]!.deprel = ps.find((p) => p.heads[d - 1] === hd[d])?.deprels[d - 1] ?? ps[0]!.deprels[d - 1]!;
        }
      });
    }
    const f = (doc: Doc): string => {
      const r = evaluate(gold, doc, { strict: true });
      if (!r.ok) return r.error;
      return `${(100 * r.metrics.UAS.f1).toFixed(2)}/${(100 * r.metrics.LAS.f1).toFixed(2)}`;
    };
    log(`${name} ${tags}: graph ${f(graphDoc)}; combined ${alphas.map((a, i) => `α=${a} ${f(docs[i]!)}`).join(', ')}`);
  }
}
