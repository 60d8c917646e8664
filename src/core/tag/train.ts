/**
 * Training of the tagger (pure: the caller reads the treebanks and lexicons). Averaged perceptron, greedy decoding
 * with predicted tag history, deterministic for a seed (sentence order is shuffled by a seeded PRNG each epoch).
 *
 * Gold labels may be sets (partial labels, e.g. a converted treebank that does not separate NOUN from PROPN): when
 * the prediction is outside the set, the update goes towards the best-scoring member of the set. A stage 2 label of
 * null means unknown (no update).
 *
 * Ensembles (options ensemble / ensemble2): several perceptrons of a stage are trained on different sentence orders
 * and their averaged weights are summed into one linear model (same decoder, same format; the model grows by the
 * features only some of the runs kept). This lowers the variance of the shuffled training.
 */
import type { Doc } from '../doc.js';
import { bigramKey, boundaryInfo, BOUNDARY, featForm, SentenceFeatures, stage1Dynamic, stage2Dynamic, wordInfo, type WordInfo } from './features.js';
import { shuffleInPlace } from '../prng.js';
import { groupK1, groupK2, hashRange, mulberry32, SEED_A, SEED_B } from './hash.js';
import { Lexicon, REST_BOUNDARY, type LexiconData, type TableData, type TaggerData, type TaggerHeader } from './model.js';
import { dataArgument, listArgument, optionsObject } from '../errors.js';

export interface TrainSentence {
  /** scheme (treebank) id */
  tb: number;
  forms: string[];
  /** 0 single-word token, 1 first, 2 middle, 3 last part of a multi-word token */
  mwt: number[];
  /** form of the multi-word token each part belongs to ('' otherwise) */
  tokForms: string[];
  /** gold UPOS id set per word */
  upos: number[][];
  /** gold stage 2 label id set per word (global ids), or null when unknown */
  rest: (number[] | null)[];
  /** train stage 1 only on this sentence (e.g. automatically tagged text) */
  stage1Only?: boolean;
  /** per word: nerCode of the named-entity recognizer's label of its token (when TrainInput.nerTypes is set) */
  ner?: number[];
}

export interface LexiconInput {
  words: string[];
  hazm: number[];
  lilak: number[];
  c1: number[];
  c2: number[];
  ner: number[];
  auto: number[];
  /** optional: class of each word pair; such rows have words "w1 w2" (one space) */
  big?: number[];
}

export interface TrainInput {
  schemes: string[];
  upos: string[];
  /** stage 2 labels "XPOS\tFEATS" */
  rest: string[];
  /** UPOS id of each stage 2 label */
  restGroup: number[];
  sentences: TrainSentence[];
  lexicon: LexiconInput;
  /**
   * [scheme] → pairs [from, to] of UPOS ids: the scheme does not use `from` (e.g. Seraji has no PROPN): the decoder
   * may still choose it (gold `to` is read as {to, from}) and outputs `to`.
   */
  uposAlias?: [number, number][][];
  meta?: Record<string, unknown>;
  /** the entity types of the sentences' `ner` codes: the model reads them as features (TaggerHeader.nerTypes) */
  nerTypes?: string[];
}

export interface TrainOptions {
  seed?: number;
  epochs1?: number;
  epochs2?: number;
  /** drop averaged weights with |w| below this */
  minWeight?: number;
  /** ignore static features seen fewer times than this in the training data (default 2) */
  minCount?: number;
  /** number of stage 1 models (different sentence orders) whose averaged weights are summed (default 1) */
  ensemble?: number;
  /** the same for stage 2 (default 1) */
  ensemble2?: number;
  log?: (msg: string) => void;
}

/** Builds the lexicon section: keys are hashes of featForm(word); later duplicates fill missing classes. */
export function buildLexicon(lx: LexiconInput): LexiconData {
  const byKey = new Map<number, number>();
  const ka: number[] = [];
  const kb: number[] = [];
  const cols: number[][] = [[], [], [], [], [], [], []];
  for (let i = 0; i < lx.words.length; i++) {
    const f = featForm(lx.words[i]!);
    let a: number;
    let b: number;
    const sp = f.indexOf(' ');
    if (sp > 0) {
      const f1 = f.slice(0, sp);
      const f2 = f.slice(sp + 1);
      [a, b] = bigramKey(hashRange(f1, 0, f1.length, SEED_A), hashRange(f1, 0, f1.length, SEED_B), hashRange(f2, 0, f2.length, SEED_A), hashRange(f2, 0, f2.length, SEED_B));
    } else {
      a = hashRange(f, 0, f.length, SEED_A);
      b = hashRange(f, 0, f.length, SEED_B) & 0xffff;
    }
    const key = a * 65536 + b;
    let r = byKey.get(key);
    if (r === undefined) {
      r = ka.length;
      byKey.set(key, r);
      ka.push(a);
      kb.push(b);
      for (const c of cols) c.push(0);
    }
    const vals = [lx.hazm[i]!, lx.lilak[i]!, lx.c1[i]!, lx.c2[i]!, lx.ner[i]!, lx.auto[i]!, lx.big?.[i] ?? 0];
    for (let c = 0; c < 7; c++) if (cols[c]![r] === 0) cols[c]![r] = vals[c]!;
  }
  return {
    ka: Uint32Array.from(ka),
    kb: Uint16Array.from(kb),
    hazm: Uint16Array.from(cols[0]!),
    lilak: Uint16Array.from(cols[1]!),
    c1: Uint16Array.from(cols[2]!),
    c2: Uint16Array.from(cols[3]!),
    ner: Uint16Array.from(cols[4]!),
    auto: Uint16Array.from(cols[5]!),
    big: Uint16Array.from(cols[6]!),
  };
}

/** Feature key (k1, k2) → dense id. */
class FeatureIndex {
  private readonly map = new Map<number, number>();
  ka: number[] = [];
  kb: number[] = [];
  id(a: number, b: number): number {
    a >>>= 0;
    const key = a * 65536 + b;
    let id = this.map.get(key);
    if (id === undefined) {
      id = this.ka.length;
      this.map.set(key, id);
      this.ka.push(a);
      this.kb.push(b);
    }
    return id;
  }
}

/** Averaged perceptron with rows per (feature, group); each group has its own label count. */
class Perceptron {
  private readonly rows = new Map<number, number>();
  private readonly rowKeys: number[] = [];
  w = new Float64Array(1 << 16);
  u = new Float64Array(1 << 16);
  size = 0;
  c = 1;
  constructor(
    readonly nGroups: number,
    readonly groupSize: number[],
  ) {}

  private row(f: number, g: number, create: boolean): number {
    const k = f * this.nGroups + g;
    let o = this.rows.get(k);
    if (o === undefined) {
      if (!create) return -1;
      o = this.size;
      const L = this.groupSize[g]!;
      if (o + L > this.w.length) {
        const w = new Float64Array(this.w.length * 2);
        w.set(this.w);
        this.w = w;
        const u = new Float64Array(this.u.length * 2);
        u.set(this.u);
        this.u = u;
      }
      this.size += L;
      this.rows.set(k, o);
      this.rowKeys.push(k);
    }
    return o;
  }

  score(feats: Int32Array, n: number, g: number, scores: Float64Array): void {
    const L = this.groupSize[g]!;
    scores.fill(0, 0, L);
    const w = this.w;
    for (let k = 0; k < n; k++) {
      const o = this.row(feats[k]!, g, false);
      if (o < 0) continue;
      for (let j = 0; j < L; j++) scores[j] += w[o + j]!;
    }
  }

  update(feats: Int32Array, n: number, g: number, gold: number, pred: number): void {
    const c = this.c;
    for (let k = 0; k < n; k++) {
      const o = this.row(feats[k]!, g, true);
      this.w[o + gold] += 1;
      this.u[o + gold] += c;
      this.w[o + pred] -= 1;
      this.u[o + pred] -= c;
    }
  }

  /** Adds another (averaged) perceptron's weights to this one's (an ensemble of models as one linear model). */
  addFrom(o: Perceptron): void {
    for (const k of o.rowKeys) {
      const g = k % this.nGroups;
      const f = (k - g) / this.nGroups;
      const src = o.rows.get(k)!;
      const dst = this.row(f, g, true);
      const L = this.groupSize[g]!;
      for (let j = 0; j < L; j++) this.w[dst + j] += o.w[src + j]!;
    }
  }

  /** Replaces the weights by their averages (training ends). */
  average(): void {
    const c = this.c;
    for (let i = 0; i < this.size; i++) this.w[i] = this.w[i]! - this.u[i]! / c;
  }

  /** Exports rows with non-negligible weights; stage 2 keys are mixed with the group (UPOS id + 1). */
  export(fi: FeatureIndex, mixGroup: boolean, minWeight: number): { table: TableData; scale: number } {
    let max = 0;
    for (let i = 0; i < this.size; i++) max = Math.max(max, Math.abs(this.w[i]!));
    const scale = max > 0 ? max / 32767 : 1;
    const ka: number[] = [];
    const kb: number[] = [];
    const len: number[] = [];
    const lab: number[] = [];
    const w: number[] = [];
    for (const k of this.rowKeys) {
      const o = this.rows.get(k)!;
      const g = k % this.nGroups;
      const f = (k - g) / this.nGroups;
      const L = this.groupSize[g]!;
      let cnt = 0;
      for (let j = 0; j < L; j++) {
        const v = this.w[o + j]!;
        if (Math.abs(v) < minWeight) continue;
        const q = Math.round(v / scale);
        if (q === 0) continue;
        lab.push(j);
        w.push(q);
        cnt++;
      }
      if (cnt === 0) continue;
      const a = fi.ka[f]!;
      const b = fi.kb[f]!;
      ka.push(mixGroup ? groupK1(a, g + 1) : a);
      kb.push(mixGroup ? groupK2(b, g + 1) : b);
      len.push(cnt);
    }
    return {
      table: { ka: Uint32Array.from(ka), kb: Uint16Array.from(kb), len: Uint8Array.from(len), lab: Uint8Array.from(lab), w: Int16Array.from(w) },
      scale,
    };
  }
}

/** Trains both stages and returns the model data (encode it with encodeTagger). */
export function trainTagger(input: TrainInput, options: TrainOptions = {}): TaggerData {
  // (null was "Cannot read properties of null (reading 'upos')", {} "(reading 'length')")
  dataArgument(input, 'trainTagger', 'a training input ({ schemes, upos, rest, restGroup, sentences, lexicon })', ['schemes', 'upos', 'rest', 'restGroup', 'sentences', 'lexicon'], 'make it with trainInputFromDocs (see scripts/train-tagger.ts)');
  listArgument(input.sentences, 'trainTagger', 'its sentences as a list', 'make it with trainInputFromDocs (see scripts/train-tagger.ts)', 'object');
  options = optionsObject(options, 'tagger training');
  const seed = options.seed ?? 1;
  const epochs1 = options.epochs1 ?? 10;
  const epochs2 = options.epochs2 ?? 10;
  const minWeight = options.minWeight ?? 0;
  const minCount = options.minCount ?? 2;
  const ensemble = options.ensemble ?? 1;
  const ensemble2 = options.ensemble2 ?? 1;
  const log = options.log ?? (() => {});
  const nU = input.upos.length;
  const nS = input.schemes.length;
  if (nU > 250) throw new Error('too many UPOS labels');

  // label inventories
  const restLocal: number[] = [];
  const groupSize = new Array<number>(nU).fill(0);
  input.restGroup.forEach((g) => restLocal.push(groupSize[g]!++));
  if (groupSize.some((s) => s > 255)) throw new Error('a UPOS group has more than 255 XPOS|FEATS labels');
  const allowedUposSet = Array.from({ length: nS }, () => new Set<number>());
  const allowedRestSet = Array.from({ length: nS }, () => Array.from({ length: nU }, () => new Set<number>()));
  const restCount = new Array<number>(input.rest.length).fill(0);
  for (const s of input.sentences) {
    for (let i = 0; i < s.forms.length; i++) {
      if (s.upos[i]!.length !== 1) continue;
      const u = s.upos[i]![0]!;
      allowedUposSet[s.tb]!.add(u);
      const r = s.rest[i];
      if (r && r.length === 1 && input.restGroup[r[0]!] === u) {
        allowedRestSet[s.tb]![u]!.add(r[0]!);
        restCount[r[0]!]!++;
      }
    }
  }
  // aliases: the decoder may choose `from` where the scheme only has `to`
  const uposAlias = input.schemes.map((_, tb) => {
    const m = input.upos.map((_, u) => u);
    for (const [from, to] of input.uposAlias?.[tb] ?? []) {
      if (allowedUposSet[tb]!.has(to) && !allowedUposSet[tb]!.has(from)) {
        m[from] = to;
        allowedUposSet[tb]!.add(from);
      }
    }
    return m;
  });
  const goldExpand = (tb: number, gold: number[]): number[] => {
    const a = uposAlias[tb]!;
    const extra: number[] = [];
    for (let u = 0; u < a.length; u++) if (a[u] !== u && gold.includes(a[u]!) && !gold.includes(u)) extra.push(u);
    return extra.length ? [...gold, ...extra] : gold;
  };
  const allowedUpos = allowedUposSet.map((s) => [...s].sort((a, b) => a - b));
  const allowedRest = allowedRestSet.map((byU) => byU.map((s) => [...s].sort((a, b) => a - b)));
  const fallbackRest = input.upos.map((_, g) => {
    let best = -1;
    input.restGroup.forEach((gg, id) => {
      if (gg === g && (best < 0 || restCount[id]! > restCount[best]!)) best = id;
    });
    return best;
  });

  const lexData = buildLexicon(input.lexicon);
  const lex = new Lexicon(lexData);
  const fi = new FeatureIndex();
  const sf = new SentenceFeatures();
  // static feature ids of every training sentence
  const infoCache = input.schemes.map(() => new Map<string, WordInfo>());
  const infos = input.sentences.map((s) =>
    s.forms.map((f) => {
      const c = infoCache[s.tb]!;
      let w = c.get(f);
      if (!w) c.set(f, (w = wordInfo(f, s.tb, lex)));
      return w;
    }),
  );
  const bounds = input.schemes.map((_, tb) => boundaryInfo(tb));
  const stat = input.sentences.map((s, si) => {
    sf.compute(infos[si]!, s.mwt, s.tokForms, s.tb, lex, input.nerTypes ? s.ner : undefined);
    const ids1: number[] = [];
    const ids2: number[] = [];
    const start1 = new Int32Array(sf.n + 1);
    const start2 = new Int32Array(sf.n + 1);
    const bd = bounds[s.tb]!;
    const n = sf.n;
    const role = (w: WordInfo, r: number): void => {
      const a = w.roleK1[r]!;
      const b = w.roleK2[r]!;
      for (let k = 0; k < a.length; k++) ids1.push(fi.id(a[k]!, b[k]!));
    };
    for (let i = 0; i < n; i++) {
      start1[i] = ids1.length;
      start2[i] = ids2.length;
      const w = sf.words[i]!;
      for (let k = 0; k < w.k1.length; k++) {
        const id = fi.id(w.k1[k]!, w.k2[k]!);
        ids1.push(id);
        ids2.push(id);
      }
      role(i > 0 ? sf.words[i - 1]! : bd, 0);
      role(i + 1 < n ? sf.words[i + 1]! : bd, 1);
      role(i > 1 ? sf.words[i - 2]! : bd, 2);
      role(i + 2 < n ? sf.words[i + 2]! : bd, 3);
      for (let k = sf.start[i]!; k < sf.aEnd[i]!; k++) {
        const id = fi.id(sf.k1[k]!, sf.k2[k]!);
        ids1.push(id);
        ids2.push(id);
      }
      for (let k = sf.aEnd[i]!; k < sf.bEnd[i]!; k++) ids2.push(fi.id(sf.k1[k]!, sf.k2[k]!));
      for (let k = sf.bEnd[i]!; k < sf.start[i + 1]!; k++) ids1.push(fi.id(sf.k1[k]!, sf.k2[k]!));
    }
    start1[n] = ids1.length;
    start2[n] = ids2.length;
    return { ids1: Int32Array.from(ids1), start1, ids2: Int32Array.from(ids2), start2 };
  });
  // drop rare static features (they mostly memorize the training sentences and bloat the model)
  if (minCount > 1) {
    const count = new Int32Array(fi.ka.length);
    for (const st of stat) for (const id of st.ids1) count[id]++;
    for (const st of stat) for (const id of st.ids2) if (count[id] === 0) count[id] = minCount; // stage-2-only keys
    const filter = (ids: Int32Array, start: Int32Array): [Int32Array<ArrayBuffer>, Int32Array<ArrayBuffer>] => {
      const out: number[] = [];
      const ns = new Int32Array(start.length);
      for (let i = 0; i + 1 < start.length; i++) {
        ns[i] = out.length;
        for (let k = start[i]!; k < start[i + 1]!; k++) if (count[ids[k]!]! >= minCount) out.push(ids[k]!);
      }
      ns[start.length - 1] = out.length;
      return [Int32Array.from(out), ns];
    };
    for (const st of stat) {
      [st.ids1, st.start1] = filter(st.ids1, st.start1);
      [st.ids2, st.start2] = filter(st.ids2, st.start2);
    }
  }
  log(`tagger: ${input.sentences.length} sentences, ${fi.ka.length} static features`);

  const rnd = mulberry32(seed);
  const order = input.sentences.map((_, i) => i);
  const shuffle = (): void => shuffleInPlace(order, rnd);
  const feats = new Int32Array(512);
  const dyn = new Uint32Array(64);
  const scores = new Float64Array(256);
  const gather = (si: number, i: number, nd: number, stage2 = false): number => {
    const st = stat[si]!;
    let n = 0;
    const ids = stage2 ? st.ids2 : st.ids1;
    const start = stage2 ? st.start2 : st.start1;
    for (let k = start[i]!; k < start[i + 1]!; k++) feats[n++] = ids[k]!;
    for (let k = 0; k < nd; k++) feats[n++] = fi.id(dyn[2 * k]!, dyn[2 * k + 1]!);
    return n;
  };
  const best = (cands: ArrayLike<number>, sc: Float64Array): number => {
    let b = cands[0]!;
    for (let j = 1; j < cands.length; j++) if (sc[cands[j]!]! > sc[b]!) b = cands[j]!;
    return b;
  };

  // ---- stage 1: UPOS ----
  const prepare = (si: number): void => {
    const s = input.sentences[si]!;
    sf.compute(infos[si]!, s.mwt, s.tokForms, s.tb, lex, input.nerTypes ? s.ner : undefined); // for dynamic features (word hashes)
  };
  /** Trains a UPOS perceptron on some sentences. */
  const trainUpos = (sents: number[], epochs: number, label: string): Perceptron => {
    const p = new Perceptron(1, [nU]);
    const ord = sents.slice();
    for (let ep = 0; ep < epochs; ep++) {
      shuffleInPlace(ord, rnd);
      let err = 0;
      let tot = 0;
      for (const si of ord) {
        const s = input.sentences[si]!;
        prepare(si);
        const allowed = allowedUpos[s.tb]!;
        const alias = uposAlias[s.tb]!;
        let h1 = BOUNDARY;
        let h2 = BOUNDARY;
        for (let i = 0; i < s.forms.length; i++) {
          const n = gather(si, i, stage1Dynamic(sf, i, h1, h2, s.tb, dyn));
          p.score(feats, n, 0, scores);
          const pred = best(allowed, scores);
          const gold = goldExpand(s.tb, s.upos[i]!);
          if (!gold.includes(pred)) {
            p.update(feats, n, 0, best(gold, scores), pred);
            err++;
          }
          tot++;
          p.c++;
          h2 = h1;
          h1 = alias[pred]!;
        }
      }
      log(`  ${label} epoch ${ep + 1}: train error ${((100 * err) / tot).toFixed(2)}%`);
    }
    p.average();
    return p;
  };
  const all = input.sentences.map((_, i) => i);
  const p1m = trainUpos(all, epochs1, 'stage 1');
  for (let e = 1; e < ensemble; e++) p1m.addFrom(trainUpos(all, epochs1, `stage 1 (ensemble ${e + 1}/${ensemble})`));

  // resolve UPOS sets with the trained stage 1 (constrained greedy decoding)
  const goldUpos: Int32Array[] = input.sentences.map((s, si) => {
    const out = new Int32Array(s.forms.length);
    if (s.upos.every((g) => g.length === 1)) {
      s.upos.forEach((g, i) => (out[i] = g[0]!));
      return out;
    }
    prepare(si);
    let h1 = BOUNDARY;
    let h2 = BOUNDARY;
    for (let i = 0; i < s.forms.length; i++) {
      const n = gather(si, i, stage1Dynamic(sf, i, h1, h2, s.tb, dyn));
      p1m.score(feats, n, 0, scores);
      out[i] = best(s.upos[i]!, scores);
      h2 = h1;
      h1 = out[i]!;
    }
    return out;
  });

  // ---- stage 2: XPOS|FEATS per UPOS group ----
  const allowedLocal = allowedRest.map((byU) => byU.map((ids) => ids.map((id) => restLocal[id]!)));
  const groupIds: number[][] = input.upos.map(() => []);
  input.restGroup.forEach((g, id) => groupIds[g]!.push(id));
  const trainRest = (label: string): Perceptron => {
    const p2m = new Perceptron(nU, groupSize);
    for (let ep = 0; ep < epochs2; ep++) {
      shuffle();
      let err = 0;
      let tot = 0;
      for (const si of order) {
        const s = input.sentences[si]!;
        if (s.stage1Only) continue;
        prepare(si);
        const u = goldUpos[si]!;
        let r1 = REST_BOUNDARY;
        for (let i = 0; i < s.forms.length; i++) {
          const g = u[i]!;
          const cands = allowedLocal[s.tb]![g]!;
          const goldSet = s.rest[i];
          const goldLocal = goldSet ? goldSet.filter((id) => input.restGroup[id] === g).map((id) => restLocal[id]!).filter((l) => cands.includes(l)) : [];
          let predId: number;
          if (cands.length === 0) predId = goldSet && goldSet.length === 1 ? goldSet[0]! : fallbackRest[g]!;
          else if (cands.length === 1) predId = groupIds[g]![cands[0]!]!;
          else {
            const n = gather(si, i, stage2Dynamic(sf, i, u, r1, dyn), true);
            p2m.score(feats, n, g, scores);
            const pred = best(cands, scores);
            if (goldLocal.length > 0 && !goldLocal.includes(pred)) {
              p2m.update(feats, n, g, best(goldLocal, scores), pred);
              err++;
            }
            if (goldLocal.length > 0) tot++;
            p2m.c++;
            predId = groupIds[g]![pred]!;
          }
          r1 = predId < 0 ? REST_BOUNDARY : predId;
        }
      }
      log(`  ${label} epoch ${ep + 1}: train error ${((100 * err) / Math.max(1, tot)).toFixed(2)}% of ambiguous`);
    }
    p2m.average();
    return p2m;
  };
  const p2m = trainRest('stage 2');
  for (let e = 1; e < ensemble2; e++) p2m.addFrom(trainRest(`stage 2 (ensemble ${e + 1}/${ensemble2})`));

  const e1 = p1m.export(fi, false, minWeight);
  void minCount;
  const e2 = p2m.export(fi, true, minWeight);
  const header: Omit<TaggerHeader, 'sections'> = {
    meta: { ...(input.meta ?? {}), seed, epochs1, epochs2, minCount, ensemble, ensemble2 },
    schemes: input.schemes,
    upos: input.upos,
    rest: input.rest,
    restGroup: input.restGroup,
    allowedUpos,
    uposAlias,
    allowedRest,
    fallbackRest,
    scale: { t1: e1.scale, t2: e2.scale },
    ...(input.nerTypes ? { nerTypes: input.nerTypes } : {}),
  };
  log(`tagger: stage 1 ${e1.table.ka.length} rows / ${e1.table.w.length} weights, stage 2 ${e2.table.ka.length} rows / ${e2.table.w.length} weights, lexicon ${lexData.ka.length}`);
  return { header, lex: lexData, t1: e1.table, t2: e2.table };
}

/** The 17 UD UPOS tags, in the order the shipped model uses. */
export const UD_UPOS = ['NOUN', 'PROPN', 'PRON', 'VERB', 'AUX', 'ADJ', 'ADV', 'ADP', 'DET', 'NUM', 'CCONJ', 'SCONJ', 'PART', 'INTJ', 'PUNCT', 'SYM', 'X'];

/** Training input from gold-annotated Docs (e.g. read with readConllu), one scheme id per Doc. */
export function trainInputFromDocs(parts: { doc: Doc; scheme: number }[], schemes: string[], lexicon?: LexiconInput): TrainInput {
  const uposId = new Map(UD_UPOS.map((u, i) => [u, i]));
  const rest: string[] = [];
  const restGroup: number[] = [];
  const restIndex = new Map<string, number>();
  const sentences: TrainSentence[] = [];
  for (const { doc, scheme } of parts) {
    for (const s of doc.sentences) {
      const t: TrainSentence = { tb: scheme, forms: [], mwt: [], tokForms: [], upos: [], rest: [] };
      for (const tok of s.tokens) {
        tok.words.forEach((w, j) => {
          const k = tok.words.length;
          t.forms.push(w.form);
          t.mwt.push(k === 1 ? 0 : j === 0 ? 1 : j === k - 1 ? 3 : 2);
          t.tokForms.push(k === 1 ? '' : tok.form);
          const u = uposId.get(w.upos ?? 'X') ?? uposId.get('X')!;
          const label = `${w.xpos ?? '_'}\t${w.feats ?? '_'}`;
          const key = `${u}\t${label}`;
          let id = restIndex.get(key);
          if (id === undefined) {
            id = rest.length;
            restIndex.set(key, id);
            rest.push(label);
            restGroup.push(u);
          }
          t.upos.push([u]);
          t.rest.push([id]);
        });
      }
      sentences.push(t);
    }
  }
  return { schemes, upos: UD_UPOS, rest, restGroup, sentences, lexicon: lexicon ?? { words: [], hazm: [], lilak: [], c1: [], c2: [], ner: [], auto: [] } };
}
