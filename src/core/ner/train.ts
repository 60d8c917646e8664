/**
 * Training of the named-entity recognizer (pure: the caller reads the data). Averaged perceptron over the features
 * of ./features.ts, greedy decoding with the predicted label history, deterministic for a seed (the sentence order is
 * shuffled by a seeded PRNG every epoch).
 */
import { mulberry32, shuffleInPlace } from '../prng.js';
import { bestAllowed, dynamicKeys, featForm, formKeys, history1Keys, keyOf, NER_LABELS, nerForm, pairKey, staticKeys, T_PREV_WORD, viterbi, type FormKeys, type LexLookup } from './features.js';
import type { NerData } from './model.js';
import { dataArgument, listArgument } from '../errors.js';

export interface NerTrainSentence {
  /** surface forms of the words */
  words: string[];
  /** BIO label ids (NER_LABELS) */
  labels: number[];
  /**
   * lexicon facts used for this sentence's features (jackknifing: facts learned without this sentence, so the
   * model does not learn to trust a gazetteer that always knows the answer)
   */
  lex: LexLookup;
}

export interface NerTrainOptions {
  epochs?: number;
  seed?: number;
  /** ignore static features seen fewer times than this (default 2) */
  minCount?: number;
  /** drop feature rows whose largest averaged weight is below this, relative to the largest weight (default 1e-3) */
  prune?: number;
  /** greedy left to right with two labels of history (default), or first-order Viterbi (structured perceptron) */
  decoder?: 'greedy' | 'viterbi';
  /** Viterbi: the feature of the previous label with the word (default true; without it the model simply has no
   * weights for it) */
  prevWord?: boolean;
  /** the lexicon stored in the model (what the recognizer looks words up in at run time) */
  lexicon: Map<string, number>;
  meta?: Record<string, unknown>;
  log?: (msg: string) => void;
}

export function trainNer(sentences: NerTrainSentence[], o: NerTrainOptions): NerData {
  // (null or a string was "Cannot read properties of undefined (reading 'epochs')", "sentences.map is not a function")
  listArgument(sentences, 'trainNer', 'a list of training sentences ({ words, labels, lex })', 'see scripts/train-ner.ts', 'object');
  dataArgument(o, 'trainNer', 'options with the lexicon', ['lexicon'], 'pass { lexicon: Map of forms to facts, epochs?, … } (see scripts/train-ner.ts)');
  const L = NER_LABELS.length;
  const epochs = o.epochs ?? 12;
  const minCount = o.minCount ?? 2;
  // what each spelling contributes to the features, per lexicon (the jackknife folds have their own)
  const memos = new Map<LexLookup, Map<string, FormKeys>>();
  const fkOf = (w: string, lex: LexLookup): FormKeys => {
    let m = memos.get(lex);
    if (!m) memos.set(lex, (m = new Map()));
    let k = m.get(w);
    if (!k) {
      const f = nerForm(w);
      m.set(w, (k = formKeys(f, lex(f))));
    }
    return k;
  };
  const fks = sentences.map((s) => s.words.map((w) => fkOf(w, s.lex)));
  const stat = fks.map((fk) => fk.map((_, i) => staticKeys(fk, i, [])));
  const counts = new Map<number, number>();
  for (const sk of stat) for (const ks of sk) for (const k of ks) counts.set(k, (counts.get(k) ?? 0) + 1);
  const rowOf = new Map<number, number>();
  let cap = 1 << 16;
  let W = new Float64Array(cap * L);
  let U = new Float64Array(cap * L);
  const row = (k: number, create: boolean): number => {
    let r = rowOf.get(k);
    if (r === undefined) {
      if (!create) return -1;
      r = rowOf.size;
      if (r >= cap) {
        cap *= 2;
        const W2 = new Float64Array(cap * L);
        W2.set(W);
        W = W2;
        const U2 = new Float64Array(cap * L);
        U2.set(U);
        U = U2;
      }
      rowOf.set(k, r);
    }
    return r;
  };
  const usable = (k: number): boolean => (counts.get(k) ?? 0) >= minCount;
  const scores = new Float64Array(L);
  const dyn: number[] = [];
  let c = 1;
  const rand = mulberry32(o.seed ?? 1);
  const order = sentences.map((_, i) => i);
  const viterbiMode = o.decoder === 'viterbi';
  const prevWord = o.prevWord !== false;
  const rowAdd = (out: Float64Array, k: number): void => {
    const r = row(k, false);
    if (r < 0) return;
    for (let l = 0; l < L; l++) out[l]! += W[r * L + l]!;
  };
  const update = (keys: readonly number[], label: number, by: number): void => {
    for (const k of keys) {
      const r = row(k, true);
      W[r * L + label]! += by;
      U[r * L + label]! += by * c;
    }
  };
  for (let ep = 0; ep < epochs; ep++) {
    shuffleInPlace(order, rand);
    let errors = 0;
    let total = 0;
    if (viterbiMode) {
      // structured perceptron: the best sequence under the current weights against the gold one
      for (const si of order) {
        const gold = sentences[si]!.labels;
        const fk = fks[si]!;
        const n = fk.length;
        const sk = stat[si]!.map((ks) => ks.filter(usable));
        const st = sk.map((ks) => {
          const v = new Float64Array(L);
          for (const k of ks) rowAdd(v, k);
          return v;
        });
        const tmp = new Float64Array(L);
        const y = viterbi(n, L, (i, prev, out, at) => {
          tmp.set(st[i]!);
          for (const k of history1Keys(prev)) rowAdd(tmp, k);
          if (prevWord) rowAdd(tmp, pairKey(T_PREV_WORD, prev + 1, fk[i]!.h));
          out.set(tmp, at);
        });
        for (let i = 0; i < n; i++) {
          total++;
          const g = gold[i]!;
          const p = y[i]!;
          if (p !== g) errors++;
          const gp = i > 0 ? gold[i - 1]! : -1;
          const pp = i > 0 ? y[i - 1]! : -1;
          if (p !== g || gp !== pp) {
            update(sk[i]!, g, 1);
            update(prevWord ? [...history1Keys(gp), pairKey(T_PREV_WORD, gp + 1, fk[i]!.h)] : history1Keys(gp), g, 1);
            update(sk[i]!, p, -1);
            update(prevWord ? [...history1Keys(pp), pairKey(T_PREV_WORD, pp + 1, fk[i]!.h)] : history1Keys(pp), p, -1);
          }
          c++;
        }
      }
      o.log?.(`epoch ${ep + 1}/${epochs}: ${errors} errors in ${total} words, ${rowOf.size} feature rows (viterbi)`);
      continue;
    }
    for (const si of order) {
      const gold = sentences[si]!.labels;
      const fk = fks[si]!;
      const sk = stat[si]!;
      let p2 = -1;
      let p1 = -1;
      for (let i = 0; i < fk.length; i++) {
        scores.fill(0);
        const keys = sk[i]!.filter(usable);
        for (const k of dynamicKeys(fk[i]!.h, p2, p1, dyn)) keys.push(k);
        for (const k of keys) {
          const r = row(k, false);
          if (r < 0) continue;
          for (let l = 0; l < L; l++) scores[l]! += W[r * L + l]!;
        }
        const best = bestAllowed(scores, p1);
        const g = gold[i]!;
        total++;
        if (best !== g) {
          errors++;
          for (const k of keys) {
            const r = row(k, true);
            W[r * L + g]! += 1;
            U[r * L + g]! += c;
            W[r * L + best]! -= 1;
            U[r * L + best]! -= c;
          }
        }
        c++;
        // the history is the prediction (as at run time), not the gold label
        p2 = p1;
        p1 = best;
      }
    }
    o.log?.(`epoch ${ep + 1}/${epochs}: ${errors} errors in ${total} words, ${rowOf.size} feature rows`);
  }
  // averaged weights, pruned and quantized
  const keys = [...rowOf.keys()].sort((a, b) => a - b);
  const avg = new Float64Array(keys.length * L);
  let maxAbs = 0;
  keys.forEach((k, i) => {
    const r = rowOf.get(k)!;
    for (let l = 0; l < L; l++) {
      const v = W[r * L + l]! - U[r * L + l]! / c;
      avg[i * L + l] = v;
      maxAbs = Math.max(maxAbs, Math.abs(v));
    }
  });
  const scale = maxAbs > 0 ? maxAbs / 32767 : 1;
  const floor = (o.prune ?? 1e-3) * maxAbs;
  const keptKeys: number[] = [];
  const kept: number[] = [];
  keys.forEach((k, i) => {
    let m = 0;
    for (let l = 0; l < L; l++) m = Math.max(m, Math.abs(avg[i * L + l]!));
    if (m < floor) return;
    keptKeys.push(k);
    for (let l = 0; l < L; l++) kept.push(Math.round(avg[i * L + l]! / scale));
  });
  const lexEntries = [...o.lexicon].filter(([, v]) => v !== 0);
  const lexByKey = new Map<number, number>();
  for (const [w, v] of lexEntries) lexByKey.set(keyOfForm(w), v);
  const lexKeys = [...lexByKey.keys()].sort((a, b) => a - b);
  return {
    header: { labels: NER_LABELS, scale, decoder: o.decoder ?? 'greedy', meta: { ...(o.meta ?? {}), epochs, seed: o.seed ?? 1, minCount, features: keptKeys.length } },
    lexKeys: Uint32Array.from(lexKeys),
    lexVals: Uint32Array.from(lexKeys.map((k) => lexByKey.get(k)!)),
    wKeys: Uint32Array.from(keptKeys),
    w: Int16Array.from(kept),
  };
}

const keyOfForm = (w: string): number => keyOf(featForm(w)) >>> 0;
