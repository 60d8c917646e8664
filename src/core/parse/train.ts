/**
 * Training of the parser: greedy arc-hybrid transitions learned with an averaged perceptron and the dynamic oracle
 * of Goldberg & Nivre (2013) (after `exploreFrom` epochs the trainer follows its own predictions with probability
 * `exploreP`, and is taught the best action from wherever it is), plus an averaged-perceptron labeller trained on
 * every correct arc. Non-projective trees are projectivized first (./projective.ts); partial trees (unknown heads
 * or labels, e.g. from a treebank converted only in part) are allowed: unknown arcs cost nothing in the oracle.
 * Every feature is also copied with the sentence's scheme (treebank convention); see ./model.ts for how the copies
 * are merged for parsing. With `ensemble` > 1, several models are trained over different sentence orders and their
 * averaged weights summed before pruning (one model of the same form: no cost at parse time). With `beam` > 1, each run
 * then trains a second set of transition weights for beam search (globalPhase: structured perceptron over whole
 * transition sequences, max-violation updates), stored beside the greedy ones, which it does not change.
 *
 * Deterministic: the only randomness is a PRNG seeded by `seed`. Pure (no I/O); the Node script reads the
 * treebanks and writes the bytes.
 */
import {
  apply,
  arcOf,
  encodeSentence,
  labelFeatures,
  legal,
  legalCount,
  topK,
  MAX_LABEL_FEATURES,
  MAX_TRANSITION_FEATURES,
  N_ACTIONS,
  SHIFT,
  LEFT,
  RIGHT,
  State,
  transitionFeatures,
  lastBaseCount,
  type EncodedSentence,
  type ParseWord,
} from './features.js';
import { shuffleInPlace } from '../prng.js';
import { GrowTable, hashString, mulberry32 } from './hash.js';
import { ParserModel, type ParserModelData } from './model.js';
import { baseLabel, isProjective, LIFT, projectivize } from './projective.js';
import { listArgument, optionsObject } from '../errors.js';

export interface TrainSentence {
  words: ParseWord[];
  /** 1-based heads, 0 = root, -1 unknown (partial trees are allowed: unknown arcs are not taught) */
  heads: number[];
  /** undefined = unknown label */
  deprels: (string | undefined)[];
  /** treebank convention: 1 + index in SCHEMES (default: read from the tags) */
  scheme?: number;
}

export interface TrainOptions {
  epochs?: number;
  seed?: number;
  /** first epoch (0-based) in which the trainer explores its own mistakes */
  exploreFrom?: number;
  /**
   * probability of following the model's own prediction when exploring (default 0.7: on the tuning tails, 4 models,
   * two seeds, LAS with predicted tags +0.2 / +0.3 / +0.1 on PerDT / Seraji / iPerUDT over 0.9)
   */
  exploreP?: number;
  /** lifted labels (dep↑head) seen fewer times are trained as plain labels */
  minLift?: number;
  /** drop transition rows whose largest |weight| is below this fraction of the largest weight */
  prune?: number;
  /** drop labeller entries below this fraction of the largest weight */
  prunel?: number;
  /** passive-aggressive step (capped at this value) instead of perceptron steps of 1; 0 = perceptron */
  pa?: number;
  /**
   * models trained over different sentence orders (seeds seed, seed+1, ...) whose averaged weights are summed into
   * one model before pruning (default 1)
   */
  ensemble?: number;
  /**
   * Beam width of a global fine-tuning phase after the greedy epochs of each run (0 or 1 = none): starting from the
   * averaged greedy weights, the transition weights are trained as a structured perceptron over whole transition
   * sequences with beam search and max-violation updates (Huang et al. 2012), averaged over this phase; the labeller
   * stays the greedy one. Only sentences with complete trees take part (partial trees were used by the greedy epochs).
   */
  beam?: number;
  /** epochs of the global phase (default 4) */
  beamEpochs?: number;
  /** the global phase starts from zero transition weights instead of the greedy ones (the labeller stays greedy) */
  beamScratch?: boolean;
  /** word classes (see ./clusters.ts), keyed by the feature spelling of words (featForm) */
  clusters?: Map<string, number>;
  /** progress messages */
  log?: (msg: string) => void;
  /** called once at the end with a function that builds the model at other pruning levels (for tuning) */
  onFinish?: (rebuild: (prune: number, prunel: number) => ParserModel) => void;
  /** called after each epoch with the averaged model so far (for learning curves) */
  onEpoch?: (epoch: number, model: ParserModel) => void;
  meta?: Record<string, unknown>;
}

interface Prepared {
  enc: EncodedSentence;
  /** gold head per word 0..n-1 in state numbering (root = n), -1 unknown */
  gh: Int32Array;
  /** gold label index per word, -1 unknown */
  gl: Int32Array;
}

/**
 * Averaged perceptron rows of K classes in growable arrays. A row is a shared feature, or the scheme copy of one
 * (`base` = row of the shared feature, `sch` = scheme).
 */
class Perceptron {
  readonly K: number;
  readonly table = new GrowTable(1 << 16);
  w: Float32Array;
  u: Float64Array;
  base: Int32Array;
  sch: Uint8Array;
  c = 1;

  constructor(K: number) {
    this.K = K;
    this.w = new Float32Array(K * 4096);
    this.u = new Float64Array(K * 4096);
    this.base = new Int32Array(4096).fill(-1);
    this.sch = new Uint8Array(4096);
  }

  score(keys: Int32Array, nf: number, out: Float64Array): void {
    out.fill(0);
    const K = this.K;
    for (let i = 0; i < nf; i++) {
      const r = this.table.get(keys[i]!);
      if (r < 0) continue;
      const o = r * K;
      for (let k = 0; k < K; k++) out[k] += this.w[o + k]!;
    }
  }

  /** keys[nBase + j] is the scheme copy of keys[j] */
  update(keys: Int32Array, nf: number, nBase: number, scheme: number, good: number, bad: number, step = 1): void {
    const K = this.K;
    const c = this.c * step;
    const rows = this.rows;
    for (let i = 0; i < nf; i++) {
      const r = this.table.add(keys[i]!);
      if (r >= this.base.length) this.grow();
      rows[i] = r;
      if (i >= nBase && this.base[r] === -1 && rows[i - nBase] !== r) {
        this.base[r] = rows[i - nBase]!;
        this.sch[r] = scheme;
      }
      const o = r * K;
      this.w[o + good] += step;
      this.u[o + good] += c;
      this.w[o + bad] -= step;
      this.u[o + bad] -= c;
    }
  }
  private rows = new Int32Array(1024);

  /** Adds `step` to class `cls` of every key (structured updates); keys[nBase + j] is the scheme copy of keys[j]. */
  add(keys: Int32Array, nf: number, nBase: number, scheme: number, cls: number, step: number): void {
    const K = this.K;
    const c = this.c * step;
    const rows = this.rows;
    for (let i = 0; i < nf; i++) {
      const r = this.table.add(keys[i]!);
      if (r >= this.base.length) this.grow();
      rows[i] = r;
      if (i >= nBase && this.base[r] === -1 && rows[i - nBase] !== r) {
        this.base[r] = rows[i - nBase]!;
        this.sch[r] = scheme;
      }
      const o = r * K + cls;
      this.w[o] += step;
      this.u[o] += c;
    }
  }

  /** A new perceptron whose current weights are the averaged weights of `o` (same rows, nothing accumulated yet). */
  static fromAveraged(o: Perceptron): Perceptron {
    const p = new Perceptron(o.K);
    const keys = o.table.keys();
    for (let r = 0; r < o.table.size; r++) p.table.add(keys[r]!);
    while (p.base.length < o.table.size) p.grow();
    p.w.set(o.averaged());
    p.base.set(o.base.subarray(0, o.table.size));
    p.sch.set(o.sch.subarray(0, o.table.size));
    return p;
  }

  tick(): void {
    this.c++;
  }

  grow(): void {
    const w = new Float32Array(this.w.length * 2);
    w.set(this.w);
    this.w = w;
    const u = new Float64Array(this.u.length * 2);
    u.set(this.u);
    this.u = u;
    const b = new Int32Array(this.base.length * 2).fill(-1);
    b.set(this.base);
    this.base = b;
    const sc = new Uint8Array(this.sch.length * 2);
    sc.set(this.sch);
    this.sch = sc;
  }

  /**
   * Adds the averaged weights of another perceptron (same K) row by row, matched by key; scheme copies keep their
   * shared row and scheme. Used to sum the models of an ensemble (then w holds the sum and u stays 0).
   */
  addAveraged(o: Perceptron): void {
    const K = this.K;
    const ow = o.averaged();
    const keys = o.table.keys();
    const map = new Int32Array(o.table.size);
    for (let r = 0; r < o.table.size; r++) {
      const x = this.table.add(keys[r]!);
      while (x >= this.base.length) this.grow();
      map[r] = x;
    }
    for (let r = 0; r < o.table.size; r++) {
      const x = map[r]!;
      const b = o.base[r]!;
      if (b >= 0 && this.base[x] === -1 && map[b] !== x) {
        this.base[x] = map[b]!;
        this.sch[x] = o.sch[r]!;
      }
      const a = x * K;
      const c = r * K;
      for (let k = 0; k < K; k++) this.w[a + k] += ow[c + k]!;
    }
  }

  /** averaged weights, row-major */
  averaged(): Float32Array {
    const n = this.table.size * this.K;
    const out = new Float32Array(n);
    for (let i = 0; i < n; i++) out[i] = this.w[i]! - this.u[i]! / this.c;
    return out;
  }
}

function prepare(s: TrainSentence, labelIndex: Map<string, number>, classOf?: (w: number) => number): Prepared {
  const n = s.words.length;
  const gh = new Int32Array(n);
  const gl = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const h = s.heads[i]!;
    gh[i] = h < 0 ? -1 : h === 0 ? n : h - 1;
    const l = s.deprels[i];
    gl[i] = l === undefined ? -1 : (labelIndex.get(l) ?? labelIndex.get(baseLabel(l)) ?? -1);
  }
  return { enc: encodeSentence(s.words, s.scheme, classOf), gh, gl };
}

/** Dynamic-oracle costs of the three actions (Goldberg & Nivre 2013, arc-hybrid). */
export function actionCosts(st: State, gh: Int32Array, out: Int32Array): void {
  const n = st.n;
  const s0 = st.s(0);
  const s1 = st.s(1);
  const b0 = st.b0();
  const b = st.b;
  // gold dependents of s0 still in the buffer (words b..n-1)
  let s0kids = 0;
  if (st.sp > 0) for (let d = b; d < n; d++) if (gh[d] === s0) s0kids++;
  if (legal(st, LEFT)) {
    const h = gh[s0]!;
    out[LEFT] = (h >= 0 && h !== b0 && (h === s1 || h >= b) ? 1 : 0) + s0kids;
  } else out[LEFT] = 1 << 20;
  if (legal(st, RIGHT)) {
    const h = gh[s0]!;
    out[RIGHT] = (h >= b ? 1 : 0) + s0kids;
  } else out[RIGHT] = 1 << 20;
  if (legal(st, SHIFT)) {
    let c = 0;
    const h = gh[b0]!;
    for (let i = 0; i < st.sp; i++) {
      const x = st.stack[i]!;
      if (gh[x] === b0) c++;
      if (i < st.sp - 1 && h === x) c++;
    }
    out[SHIFT] = c;
  } else out[SHIFT] = 1 << 20;
}

export function trainParser(sentences: readonly TrainSentence[], options: TrainOptions = {}): ParserModel {
  // (null was "sentences is not iterable", a string "Cannot read properties of undefined (reading 'length')")
  listArgument(sentences, 'trainParser', 'a list of training sentences ({ words, heads, deprels })', 'see scripts/train-parser.ts', 'object');
  options = optionsObject(options, 'parser training');
  const epochs = options.epochs ?? 15;
  const seed = options.seed ?? 1;
  const exploreFrom = options.exploreFrom ?? 1;
  const exploreP = options.exploreP ?? 0.7;
  const minLift = options.minLift ?? 3;
  const pa = options.pa ?? 0;
  const log = options.log ?? (() => {});
  const nRuns = Math.max(1, options.ensemble ?? 1);

  // 1. projectivize, collect labels
  const proj: TrainSentence[] = [];
  const counts = new Map<string, number>();
  let nonProj = 0;
  let lifted = 0;
  for (const s of sentences) {
    const n = s.words.length;
    if (n === 0) continue;
    const roots = s.heads.filter((h) => h === 0).length;
    const complete = s.heads.every((h) => h >= 0 && h <= n);
    if (complete && roots !== 1) continue;
    let heads = s.heads.slice();
    let labels = s.deprels.slice();
    if (complete && !isProjective(heads)) {
      nonProj++;
      const p = projectivize(heads, labels);
      heads = p.heads;
      labels = p.labels;
      lifted += p.lifted;
    }
    // the root word is always labelled root
    labels = labels.map((l, i) => (heads[i] === 0 ? 'root' : l === 'root' ? 'dep' : l));
    for (const l of labels) if (l !== undefined) counts.set(l, (counts.get(l) ?? 0) + 1);
    proj.push({ words: s.words, heads, deprels: labels, ...(s.scheme !== undefined ? { scheme: s.scheme } : {}) });
  }
  for (const s of proj) {
    s.deprels = s.deprels.map((l) => (l !== undefined && l.includes(LIFT) && (counts.get(l) ?? 0) < minLift ? baseLabel(l) : l));
  }
  const labelSet = new Set<string>(['root']);
  for (const s of proj) for (const l of s.deprels) if (l !== undefined) labelSet.add(l);
  const labels = [...labelSet].sort();
  if (labels.length > 255) throw new Error(`too many labels (${labels.length})`);
  const labelIndex = new Map(labels.map((l, i) => [l, i]));
  const rootIdx = labelIndex.get('root')!;
  log(`parser: ${proj.length} sentences, ${nonProj} non-projective (${lifted} arcs lifted), ${labels.length} labels`);

  // word classes: form code → class (1-based)
  const classes = new Map<number, number>();
  for (const [w, c] of options.clusters ?? []) classes.set(hashString(w), c + 1);
  const classOf = classes.size ? (w: number): number => classes.get(w) ?? 0 : undefined;
  const data = proj.map((s) => prepare(s, labelIndex, classOf));
  const tbuf = new Int32Array(MAX_TRANSITION_FEATURES);
  const lbuf = new Int32Array(MAX_LABEL_FEATURES);
  const tsc = new Float64Array(N_ACTIONS);
  const lsc = new Float64Array(labels.length);
  const costs = new Int32Array(N_ACTIONS);
  let sumT: Perceptron | undefined;
  let sumL: Perceptron | undefined;
  let sumG: Perceptron | undefined;
  for (let run = 0; run < nRuns; run++) {
    const rand = mulberry32(seed + run);
    const order = data.map((_, i) => i);
    const T = new Perceptron(N_ACTIONS);
    const Lb = new Perceptron(labels.length);
    const build = (): ParserModel => new ParserModel(finish(T, Lb, undefined, labels, options, sentences.length, classes));

    for (let ep = 0; ep < epochs; ep++) {
      shuffleInPlace(order, rand);
      let tErr = 0;
      let tTot = 0;
      let lErr = 0;
      let lTot = 0;
      const explore = ep >= exploreFrom;
      for (const idx of order) {
        const { enc, gh, gl } = data[idx]!;
        const st = new State(enc.n);
        while (!st.terminal) {
          const nf = transitionFeatures(enc, st, tbuf, true);
          const nbT = lastBaseCount();
          T.score(tbuf, nf, tsc);
          actionCosts(st, gh, costs);
          let pred = -1;
          let minCost = Infinity;
          for (let a = 0; a < N_ACTIONS; a++) {
            if (!legal(st, a)) continue;
            if (pred < 0 || tsc[a]! > tsc[pred]!) pred = a;
            if (costs[a]! < minCost) minCost = costs[a]!;
          }
          let gold = -1;
          for (let a = 0; a < N_ACTIONS; a++) {
            if (legal(st, a) && costs[a] === minCost && (gold < 0 || tsc[a]! > tsc[gold]!)) gold = a;
          }
          tTot++;
          if (costs[pred] !== minCost) {
            tErr++;
            T.update(tbuf, nf, nbT, enc.scheme, gold, pred, pa > 0 ? Math.min(pa, (tsc[pred]! - tsc[gold]! + 1) / (2 * nf)) : 1);
          }
          T.tick();
          const act = explore && rand() < exploreP ? pred : gold;
          let lab = -1;
          if (act !== SHIFT) {
            const [d, h] = arcOf(st, act);
            if (h === enc.n) lab = rootIdx;
            else {
              const nl = labelFeatures(enc, st, h, d, lbuf, true);
              const nbL = lastBaseCount();
              Lb.score(lbuf, nl, lsc);
              let lp = -1;
              for (let l = 0; l < labels.length; l++) if (l !== rootIdx && (lp < 0 || lsc[l]! > lsc[lp]!)) lp = l;
              const g = gh[d] === h ? gl[d]! : -1;
              if (g >= 0 && g !== rootIdx) {
                lTot++;
                if (lp !== g) {
                  lErr++;
                  Lb.update(lbuf, nl, nbL, enc.scheme, g, lp, pa > 0 ? Math.min(pa, (lsc[lp]! - lsc[g]! + 1) / (2 * nl)) : 1);
                }
                Lb.tick();
              }
              lab = explore || g < 0 ? lp : g;
            }
          }
          apply(st, act, lab);
        }
      }
      log(`${nRuns > 1 ? `run ${run + 1}/${nRuns} ` : ''}epoch ${ep + 1}/${epochs}: transition errors ${((100 * tErr) / tTot).toFixed(2)}%, label errors ${((100 * lErr) / Math.max(1, lTot)).toFixed(2)}%, ${T.table.size} + ${Lb.table.size} features`);
      if (options.onEpoch && nRuns === 1) options.onEpoch(ep, build());
    }
    // the global phase: a second set of transition weights, for beam search (the greedy ones stay for greedy decoding)
    let G: Perceptron | undefined;
    if ((options.beam ?? 0) > 1) {
      G = options.beamScratch ? new Perceptron(N_ACTIONS) : Perceptron.fromAveraged(T);
      globalPhase(G, Perceptron.fromAveraged(Lb), data, order, rand, options.beam!, options.beamEpochs ?? 4, rootIdx, labels.length, (m) => log(`${nRuns > 1 ? `run ${run + 1}/${nRuns} ` : ''}${m}`));
    }
    if (nRuns === 1) {
      options.onFinish?.((p, pl) => new ParserModel(finish(T, Lb, G, labels, { ...options, prune: p, prunel: pl }, sentences.length, classes)));
      return new ParserModel(finish(T, Lb, G, labels, options, sentences.length, classes));
    }
    sumT ??= new Perceptron(N_ACTIONS);
    sumL ??= new Perceptron(labels.length);
    sumT.addAveraged(T);
    sumL.addAveraged(Lb);
    if (G) {
      sumG ??= new Perceptron(N_ACTIONS);
      sumG.addAveraged(G);
    }
  }
  options.onFinish?.((p, pl) => new ParserModel(finish(sumT!, sumL!, sumG, labels, { ...options, prune: p, prunel: pl }, sentences.length, classes)));
  return new ParserModel(finish(sumT!, sumL!, sumG, labels, options, sentences.length, classes));
}

/**
 * Averages, prunes and quantizes the weights into model data: int8 with one scale per table (the argmax needs no
 * scale). Rows (transitions) and entries (labeller) whose weight is below `prune` × the table's largest are dropped;
 * a shared feature is kept when it or one of its scheme copies survives.
 */
function finish(T: Perceptron, Lb: Perceptron, G: Perceptron | undefined, labels: string[], options: TrainOptions, nSent: number, classes: Map<number, number>): ParserModelData {
  const prune = options.prune ?? 0.03;
  const prunel = options.prunel ?? 0.03;
  const q = (v: number, scale: number): number => Math.max(-127, Math.min(127, Math.round(v / scale)));

  // transitions (greedy, and the beam-search weights when trained)
  const tr = transitionRows(T, prune);
  const gr = G ? transitionRows(G, prune) : undefined;

  // labeller
  const L = labels.length;
  const lwAll = Lb.averaged();
  let lmax = 0;
  for (let i = 0; i < lwAll.length; i++) lmax = Math.max(lmax, Math.abs(lwAll[i]!));
  const lscale = lmax > 0 ? lmax / 127 : 1;
  const entriesOf = (r: number): [number[], number[]] => {
    const cls: number[] = [];
    const val: number[] = [];
    for (let k = 0; k < L; k++) {
      const v = lwAll[r * L + k]!;
      const x = q(v, lscale);
      if (x !== 0 && Math.abs(v) >= prunel * lmax) {
        cls.push(k);
        val.push(x);
      }
    }
    return [cls, val];
  };
  const gl = groupRows(Lb);
  const lkeys: number[] = [];
  const lcnt: number[] = [];
  const lcls: number[] = [];
  const lw: number[] = [];
  const lsn: number[] = [];
  const lsSch: number[] = [];
  const lsCnt: number[] = [];
  const lsCls: number[] = [];
  const lsW: number[] = [];
  for (const r of gl.shared) {
    const [c0, v0] = entriesOf(r);
    const cp = (gl.copies.get(r) ?? []).map((c) => [c, ...entriesOf(c)] as const).filter((x) => x[1].length > 0);
    if (c0.length === 0 && cp.length === 0) continue;
    lkeys.push(gl.keys[r]!);
    lcnt.push(c0.length);
    lcls.push(...c0);
    lw.push(...v0);
    lsn.push(cp.length);
    for (const [c, cls, val] of cp) {
      lsSch.push(Lb.sch[c]!);
      lsCnt.push(cls.length);
      lsCls.push(...cls);
      lsW.push(...val);
    }
  }
  return {
    meta: { ...(options.meta ?? {}), sentences: nSent, epochs: options.epochs ?? 15, seed: options.seed ?? 1, ...(options.ensemble && options.ensemble > 1 ? { ensemble: options.ensemble } : {}), ...(options.beam && options.beam > 1 ? { beam: options.beam, beamEpochs: options.beamEpochs ?? 4 } : {}) },
    labels,
    tscale: tr.scale,
    lscale,
    tkeys: tr.keys,
    tw: tr.w,
    tsn: tr.sn,
    tsSch: tr.sSch,
    tsW: tr.sW,
    lkeys: Int32Array.from(lkeys),
    lcnt: Uint8Array.from(lcnt),
    lcls: Uint8Array.from(lcls),
    lw: Int8Array.from(lw),
    lsn: Uint8Array.from(lsn),
    lsSch: Uint8Array.from(lsSch),
    lsCnt: Uint8Array.from(lsCnt),
    lsCls: Uint8Array.from(lsCls),
    lsW: Int8Array.from(lsW),
    ckeys: Int32Array.from([...classes.keys()].sort((a, b) => a - b)),
    cids: Uint16Array.from([...classes.keys()].sort((a, b) => a - b).map((k) => classes.get(k)!)),
    gscale: gr?.scale ?? 1,
    gkeys: gr?.keys ?? new Int32Array(0),
    gw: gr?.w ?? new Int8Array(0),
    gsn: gr?.sn ?? new Uint8Array(0),
    gsSch: gr?.sSch ?? new Uint8Array(0),
    gsW: gr?.sW ?? new Int8Array(0),
  };
}

/** Shared rows, and per shared row its scheme copies (sorted: keys ascending, copies by scheme). */
function groupRows(P: Perceptron): { shared: number[]; copies: Map<number, number[]>; keys: Int32Array } {
  const keys = P.table.keys();
  const shared: number[] = [];
  const copies = new Map<number, number[]>();
  for (let r = 0; r < P.table.size; r++) {
    const b = P.base[r]!;
    if (b < 0) shared.push(r);
    else {
      const list = copies.get(b) ?? [];
      list.push(r);
      copies.set(b, list);
    }
  }
  shared.sort((a, b) => keys[a]! - keys[b]!);
  for (const list of copies.values()) list.sort((a, b) => P.sch[a]! - P.sch[b]!);
  return { shared, copies, keys };
}

/** The transition rows of a model (averaged, pruned, quantized; see finish). */
function transitionRows(T: Perceptron, prune: number): { scale: number; keys: Int32Array; w: Int8Array; sn: Uint8Array; sSch: Uint8Array; sW: Int8Array } {
  const q = (v: number, scale: number): number => Math.max(-127, Math.min(127, Math.round(v / scale)));
  const K = N_ACTIONS;
  const tw = T.averaged();
  let tmax = 0;
  for (let i = 0; i < tw.length; i++) tmax = Math.max(tmax, Math.abs(tw[i]!));
  const tscale = tmax > 0 ? tmax / 127 : 1;
  const rowQ = (r: number): number[] | undefined => {
    let m = 0;
    for (let k = 0; k < K; k++) m = Math.max(m, Math.abs(tw[r * K + k]!));
    if (m < prune * tmax) return undefined;
    const v = Array.from({ length: K }, (_, k) => q(tw[r * K + k]!, tscale));
    return v.some((x) => x !== 0) ? v : undefined;
  };
  const gt = groupRows(T);
  const tkeys: number[] = [];
  const twq: number[] = [];
  const tsn: number[] = [];
  const tsSch: number[] = [];
  const tsW: number[] = [];
  for (const r of gt.shared) {
    const own = rowQ(r);
    const cp = (gt.copies.get(r) ?? []).map((c) => [c, rowQ(c)] as const).filter((x) => x[1] !== undefined);
    if (!own && cp.length === 0) continue;
    tkeys.push(gt.keys[r]!);
    twq.push(...(own ?? [0, 0, 0]));
    tsn.push(cp.length);
    for (const [c, v] of cp) {
      tsSch.push(T.sch[c]!);
      tsW.push(...v!);
    }
  }
  return { scale: tscale, keys: Int32Array.from(tkeys), w: Int8Array.from(twq), sn: Uint8Array.from(tsn), sSch: Uint8Array.from(tsSch), sW: Int8Array.from(tsW) };
}

/**
 * The gold transition sequence of a complete projective tree (the first zero-cost action in the order LEFT, RIGHT,
 * SHIFT at each step) with the labels of its arcs, or undefined when it does not rebuild the tree.
 */
function goldSequence(p: Prepared): { acts: Int8Array; labs: Int32Array } | undefined {
  const { enc, gh, gl } = p;
  const n = enc.n;
  for (let i = 0; i < n; i++) if (gh[i]! < 0 || gl[i]! < 0) return undefined;
  const st = new State(n);
  const costs = new Int32Array(N_ACTIONS);
  const acts = new Int8Array(2 * n);
  const labs = new Int32Array(2 * n).fill(-1);
  let t = 0;
  while (!st.terminal) {
    actionCosts(st, gh, costs);
    let a = -1;
    for (const x of [LEFT, RIGHT, SHIFT]) {
      if (legal(st, x) && costs[x] === 0) {
        a = x;
        break;
      }
    }
    if (a < 0 || t >= 2 * n) return undefined;
    let lab = -1;
    if (a !== SHIFT) lab = gl[arcOf(st, a)[0]]!;
    acts[t] = a;
    labs[t] = lab;
    t++;
    apply(st, a, lab);
  }
  for (let i = 0; i < n; i++) if (st.head[i] !== gh[i]) return undefined;
  return { acts, labs };
}

/**
 * Global training of the transition weights `T` (structured perceptron, beam search, max-violation updates; Huang et
 * al. 2012): for each sentence the beam keeps the k best action sequences (summed scores; forced moves score nothing,
 * as in decoding); arcs are labelled by the fixed labeller `Lb` (gold labels on the gold sequence). Where the best
 * sequence beats the gold prefix by the most, the gold prefix's features are rewarded and the best sequence's
 * penalized. Averaged over this phase (one tick per sentence).
 */
function globalPhase(
  T: Perceptron,
  Lb: Perceptron,
  data: Prepared[],
  order: number[],
  rand: () => number,
  k: number,
  epochs: number,
  rootIdx: number,
  nLabels: number,
  log: (m: string) => void,
): void {
  const golds = data.map(goldSequence);
  const usable = order.filter((i) => golds[i] !== undefined);
  log(`global phase: beam ${k}, ${usable.length} of ${data.length} sentences with complete trees`);
  const tbuf = new Int32Array(MAX_TRANSITION_FEATURES);
  const lbuf = new Int32Array(MAX_LABEL_FEATURES);
  const tsc = new Float64Array(N_ACTIONS);
  const lsc = new Float64Array(nLabels);
  let pool: State[] = [];
  let gst = new State(0, 64);
  const score = new Float64Array(k);
  const nscore = new Float64Array(k);
  const isGold = new Uint8Array(k);
  const nGold = new Uint8Array(k);
  const cs = new Float64Array(3 * k);
  const cf = new Int32Array(3 * k);
  const ca = new Int32Array(3 * k);
  const corder = new Int32Array(3 * k);
  let bpFrom = new Int32Array(0);
  let bpAct = new Int8Array(0);
  let bpLab = new Int32Array(0);

  const label = (enc: EncodedSentence, st: State, a: number): number => {
    const [d, h] = arcOf(st, a);
    if (h === enc.n) return rootIdx;
    const nl = labelFeatures(enc, st, h, d, lbuf, true);
    Lb.score(lbuf, nl, lsc);
    let lp = -1;
    for (let l = 0; l < nLabels; l++) if (l !== rootIdx && (lp < 0 || lsc[l]! > lsc[lp]!)) lp = l;
    return lp;
  };
  /** replays a sequence of `len` actions, adding `step` to the chosen action's weights at every scored step */
  const replay = (enc: EncodedSentence, acts: ArrayLike<number>, labs: ArrayLike<number>, len: number, step: number): void => {
    gst.reset(enc.n);
    for (let t = 0; t < len; t++) {
      if (legalCount(gst) > 1) {
        const nf = transitionFeatures(enc, gst, tbuf, true);
        T.add(tbuf, nf, lastBaseCount(), enc.scheme, acts[t]!, step);
      }
      apply(gst, acts[t]!, labs[t]!);
    }
  };

  for (let ep = 0; ep < epochs; ep++) {
    shuffleInPlace(usable, rand);
    let updates = 0;
    let wrong = 0;
    let arcsWrong = 0;
    let arcs = 0;
    const t0 = Date.now();
    for (const idx of usable) {
      const { enc, gh } = data[idx]!;
      const gold = golds[idx]!;
      const n = enc.n;
      const steps = 2 * n;
      if (pool.length < 2 * k || pool[0]!.capacity < n) {
        const cap = Math.max(2 * n, 64);
        pool = Array.from({ length: 2 * k }, () => new State(0, cap));
        gst = new State(0, cap);
      }
      if (bpFrom.length < steps * k) {
        bpFrom = new Int32Array(steps * k * 2);
        bpAct = new Int8Array(steps * k * 2);
        bpLab = new Int32Array(steps * k * 2);
      }
      let cur = pool.slice(0, k);
      let next = pool.slice(k, 2 * k);
      cur[0]!.reset(n);
      score[0] = 0;
      isGold[0] = 1;
      let size = 1;
      // the gold prefix, followed alongside the beam
      const gs = new State(n);
      let goldScore = 0;
      let maxV = -Infinity;
      let maxT = -1;
      for (let t = 0; t < steps; t++) {
        let nc = 0;
        for (let i = 0; i < size; i++) {
          const st = cur[i]!;
          const nLegal = legalCount(st);
          if (nLegal > 1) T.score(tbuf, transitionFeatures(enc, st, tbuf, true), tsc);
          for (let a = 0; a < N_ACTIONS; a++) {
            if (!legal(st, a)) continue;
            cs[nc] = score[i]! + (nLegal > 1 ? tsc[a]! : 0);
            cf[nc] = i;
            ca[nc] = a;
            nc++;
          }
        }
        // gold prefix score
        {
          if (legalCount(gs) > 1) {
            T.score(tbuf, transitionFeatures(enc, gs, tbuf, true), tsc);
            goldScore += tsc[gold.acts[t]!]!;
          }
          apply(gs, gold.acts[t]!, gold.labs[t]!);
        }
        const m = topK(cs, nc, k, corder);
        for (let j = 0; j < m; j++) {
          const c = corder[j]!;
          const from = cf[c]!;
          const src = cur[from]!;
          const a = ca[c]!;
          const g = isGold[from] === 1 && a === gold.acts[t];
          const lab = a === SHIFT ? -1 : g ? gold.labs[t]! : label(enc, src, a);
          const dst = next[j]!;
          dst.copyFrom(src);
          apply(dst, a, lab);
          nscore[j] = cs[c]!;
          nGold[j] = g ? 1 : 0;
          bpFrom[t * k + j] = from;
          bpAct[t * k + j] = a;
          bpLab[t * k + j] = lab;
        }
        size = m;
        [cur, next] = [next, cur];
        score.set(nscore);
        isGold.set(nGold);
        if (isGold[0] !== 1) {
          const v = score[0]! - goldScore;
          if (v > maxV) {
            maxV = v;
            maxT = t;
          }
        }
      }
      const best = cur[0]!;
      for (let i = 0; i < n; i++) {
        arcs++;
        if (best.head[i] !== gh[i]) arcsWrong++;
      }
      if (isGold[0] !== 1) {
        wrong++;
        if (maxT >= 0 && maxV >= 0) {
          // the best sequence at maxT, by its back-pointers
          const len = maxT + 1;
          const acts = new Int8Array(len);
          const labs = new Int32Array(len);
          for (let t = maxT, j = 0; t >= 0; t--) {
            acts[t] = bpAct[t * k + j]!;
            labs[t] = bpLab[t * k + j]!;
            j = bpFrom[t * k + j]!;
          }
          replay(enc, gold.acts, gold.labs, len, 1);
          replay(enc, acts, labs, len, -1);
          updates++;
        }
      }
      T.tick();
    }
    log(`global epoch ${ep + 1}/${epochs}: ${((100 * wrong) / usable.length).toFixed(1)}% of sentences wrong, ${updates} updates, train UAS ${(100 - (100 * arcsWrong) / arcs).toFixed(2)} (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
  }
}
