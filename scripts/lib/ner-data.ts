/**
 * ParsTwiNER (../shared/data/ner/parstwiner, MIT): tweets, one token and its IOB label per line, sentences separated
 * by blank lines. Splits (fixed; never train on validation):
 *   train.txt                  → training; NER_DEV=1 holds out its last 10% of sentences to decide on designs
 *   dev.txt (446 sentences)    → OUR validation split (the project's test set is held back)
 * and the lexicon facts the recognizer looks words up in (src/core/ner/features.ts).
 */
import { featForm, LEX_BEGIN, LEX_INSIDE, NER_LABELS, NER_TYPES } from '../../src/core/ner/features.js';
import { readShared } from './corpus.js';

export interface NerSentence {
  words: string[];
  labels: string[];
}

export function readParsTwiNer(file: 'train' | 'dev'): NerSentence[] {
  const out: NerSentence[] = [];
  let cur: NerSentence = { words: [], labels: [] };
  for (const raw of readShared(`ner/parstwiner/${file}.txt`).replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trim();
    if (!line) {
      if (cur.words.length) out.push(cur);
      cur = { words: [], labels: [] };
      continue;
    }
    const tab = line.lastIndexOf('\t');
    const word = tab > 0 ? line.slice(0, tab).trim() : line;
    let label = tab > 0 ? line.slice(tab + 1).trim() : 'O';
    if (!NER_LABELS.includes(label)) label = 'O';
    cur.words.push(word);
    cur.labels.push(label);
  }
  if (cur.words.length) out.push(cur);
  return out;
}

/** Gazetteer bits of every word seen in these sentences (features.ts: type bits, LEX_BEGIN, LEX_INSIDE). */
export function gazetteer(sentences: NerSentence[]): Map<string, number> {
  const stats = new Map<string, { types: number; b: number; i: number; n: number }>();
  for (const s of sentences) {
    s.words.forEach((w0, k) => {
      const w = featForm(w0);
      let e = stats.get(w);
      if (!e) stats.set(w, (e = { types: 0, b: 0, i: 0, n: 0 }));
      e.n++;
      const l = s.labels[k]!;
      if (l === 'O') return;
      const t = NER_TYPES.indexOf(l.slice(2) as (typeof NER_TYPES)[number]);
      if (t >= 0) e.types |= 1 << t;
      if (l.startsWith('B-')) e.b++;
      else e.i++;
    });
  }
  const out = new Map<string, number>();
  for (const [w, e] of stats) {
    let v = e.types;
    if (e.b > e.i) v |= LEX_BEGIN;
    if (2 * (e.b + e.i) > e.n) v |= LEX_INSIDE;
    if (v) out.set(w, v);
  }
  return out;
}

/** Frequency class (1 + floor(log2 count), max 15) of the words of the raw text, and hazm's word class. */
export function backgroundLexicon(): Map<string, number> {
  const out = new Map<string, number>();
  const counts = new Map<string, number>();
  for (const f of ['text/perdt-train.txt', 'text/seraji-train.txt']) {
    for (const line of readShared(f).split('\n')) {
      for (const tok of line.split(/[\s.,،؛:!?؟«»()[\]"'…]+/)) {
        if (!tok) continue;
        const w = featForm(tok);
        counts.set(w, (counts.get(w) ?? 0) + 1);
      }
    }
  }
  for (const [w, c] of counts) out.set(w, Math.min(15, 1 + Math.floor(Math.log2(c))) << 8);
  const HAZM: Record<string, number> = { N: 1, AJ: 2, ADV: 3, NUM: 4 };
  for (const line of readShared('lexicon/hazm/words.dat').split('\n')) {
    const [w0, , pos] = line.split('\t');
    if (!w0 || !pos || pos === '0') continue;
    const w = featForm(w0.trim());
    const cls = HAZM[pos.split(',')[0]!] ?? 5;
    out.set(w, (out.get(w) ?? 0) | (cls << 12));
  }
  return out;
}

/** Entity-level scores (exact span and type), overall and per type. */
export interface NerScores {
  precision: number;
  recall: number;
  f1: number;
  gold: number;
  predicted: number;
  correct: number;
  byType: Record<string, { precision: number; recall: number; f1: number; gold: number }>;
}

export function scoreSpans(gold: [string, number, number][][], pred: [string, number, number][][]): NerScores {
  const per = new Map<string, { g: number; p: number; c: number }>();
  const get = (t: string) => {
    let e = per.get(t);
    if (!e) per.set(t, (e = { g: 0, p: 0, c: 0 }));
    return e;
  };
  let g = 0;
  let p = 0;
  let c = 0;
  gold.forEach((gs, i) => {
    const ps = pred[i] ?? [];
    const key = (x: [string, number, number]): string => x.join(' ');
    const gk = new Set(gs.map(key));
    for (const x of gs) get(x[0]).g++;
    for (const x of ps) {
      get(x[0]).p++;
      if (gk.has(key(x))) {
        get(x[0]).c++;
        c++;
      }
    }
    g += gs.length;
    p += ps.length;
  });
  const prf = (cc: number, pp: number, gg: number) => {
    const precision = pp ? cc / pp : 0;
    const recall = gg ? cc / gg : 0;
    return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
  };
  const byType: NerScores['byType'] = {};
  for (const t of NER_TYPES) {
    const e = per.get(t) ?? { g: 0, p: 0, c: 0 };
    byType[t] = { ...prf(e.c, e.p, e.g), gold: e.g };
  }
  return { ...prf(c, p, g), gold: g, predicted: p, correct: c, byType };
}
