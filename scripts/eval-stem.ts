/**
 * Scores the keys a search index would store for Persian words — stem() (the light, data-free stemmer) and searchKey()
 * (the folded lemma, see src/core/search) — against the treebanks' lemmas, on our validation splits (PerDT and Seraji
 * dev tails, iPerUDT dev; see scripts/lib/splits.ts):
 *   - conflation: of the nouns, adjectives, names and verbs whose form differs from their lemma (after folding), the
 *     share whose key equals the key of the lemma (کتاب‌هایشان and کتاب meet) — recall of a search;
 *   - damage: of those whose form is their lemma, the share whose key is not the folded form (ایران → ایر, a mangled
 *     word);
 *   - merged: of the distinct keys of the word types, the share that brings together two or more different lemmas
 *     (over-stemming: one key for گفتمان and گفتم) — precision of a search.
 * With "fold only" (searchFold of the form, no stemming) as the baseline.
 * Broken text (second table): each sentence's searchTerms with its ZWNJs deleted / typed as spaces, as the share of the
 * terms of the sentence written right that they keep (a document indexed from web text), and of the words written with
 * a ZWNJ, the share that typed without it gets the same key (a query); beside the same without the half-space repair
 * (the searchTerms of earlier versions).
 *
 *   npm run eval:stem            # validation; writes bench/results/stem-eval.json
 *   SET=dev npm run eval:stem    # the train parts (the lemmatizer learned from them: for development only)
 *   EVAL_OUT=- ...               # print the figures as one JSON line too, write nothing (conformance test)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createPipeline, loadResource, searchFold, searchKey, searchTerms, stem } from '../src/node/index.js';
import { searchTermsOf } from '../src/core/search/index.js';
import type { Stopwords } from '../src/core/stopwords.js';
import { readConllu } from '../src/core/formats/conllu.js';
import { haveShared, readShared, ROOT } from './lib/corpus.js';
import { conlluBlocks, selectBlocks, SPLITS } from './lib/splits.js';

if (!haveShared()) {
  console.log('SKIP eval:stem: ../shared/data not found (set DABIR_SHARED)');
  process.exit(0);
}
const dev = process.env.SET === 'dev';
const sets: [string, string, [number, number] | null][] = dev
  ? [
      ['PerDT (train part)', SPLITS.perdt!.file, SPLITS.perdt!.train],
      ['Seraji (train part)', SPLITS.seraji!.file, SPLITS.seraji!.train],
    ]
  : [
      ['PerDT validation', SPLITS.perdt!.file, SPLITS.perdt!.validation],
      ['Seraji validation', SPLITS.seraji!.file, SPLITS.seraji!.validation],
      ['iPerUDT dev', SPLITS.iperudtDev!.file, SPLITS.iperudtDev!.validation],
    ];
const KINDS = new Set(['NOUN', 'ADJ', 'PROPN', 'VERB']);
const systems: [string, (w: string) => string][] = [
  ['fold only', (w) => searchFold(w)],
  ['stem()', (w) => searchFold(stem(w))],
  ['searchKey()', (w) => searchKey(w)],
];
const results: Record<string, Record<string, { conflation: number; conflationNominal: number; conflationVerb: number; damage: number; merged: number }>> = {};
const rows: string[] = [];
for (const [name, file, range] of sets) {
  const words: { form: string; lemma: string; verb: boolean }[] = [];
  for (const b of selectBlocks(conlluBlocks(readShared(file)), range)) {
    for (const w of readConllu(b).sentences.flatMap((s) => s.words)) {
      if (!KINDS.has(w.upos ?? '') || !w.lemma || w.lemma === '_') continue;
      // iPerUDT writes verb lemmas as past#present: the past stem
      const lemma = w.lemma.includes('#') ? w.lemma.split('#').filter(Boolean)[w.lemma.split('#').length > 2 ? 1 : 0] ?? w.lemma : w.lemma;
      words.push({ form: w.form, lemma, verb: w.upos === 'VERB' });
    }
  }
  results[name] = {};
  for (const [sys, key] of systems) {
    const memo = new Map<string, string>();
    const k = (w: string): string => {
      let v = memo.get(w);
      if (v === undefined) memo.set(w, (v = key(w)));
      return v;
    };
    let infl = 0;
    let conflated = 0;
    const byKind = { nominal: [0, 0], verb: [0, 0] };
    let plain = 0;
    let damaged = 0;
    const lemmasOfKey = new Map<string, Set<string>>();
    for (const { form, lemma, verb } of words) {
      const f = searchFold(form);
      const l = searchFold(lemma);
      if (f !== l) {
        infl++;
        const c = byKind[verb ? 'verb' : 'nominal'];
        c[0]++;
        if (k(form) === k(lemma)) {
          conflated++;
          c[1]++;
        }
      } else {
        plain++;
        if (k(form) !== f && k(form) !== l) damaged++;
      }
      const kf = k(form);
      let set = lemmasOfKey.get(kf);
      if (!set) lemmasOfKey.set(kf, (set = new Set()));
      set.add(l);
    }
    let merged = 0;
    for (const s of lemmasOfKey.values()) if (s.size > 1) merged++;
    const r = { conflation: conflated / Math.max(1, infl), conflationNominal: byKind.nominal[1]! / Math.max(1, byKind.nominal[0]!), conflationVerb: byKind.verb[1]! / Math.max(1, byKind.verb[0]!), damage: damaged / Math.max(1, plain), merged: merged / Math.max(1, lemmasOfKey.size) };
    results[name][sys] = r;
    rows.push(`| ${name} | ${sys} | ${(100 * r.conflation).toFixed(1)} (${conflated} / ${infl}) | ${(100 * r.conflationNominal).toFixed(1)} / ${(100 * r.conflationVerb).toFixed(1)} | ${(100 * r.damage).toFixed(2)} (${damaged} / ${plain}) | ${(100 * r.merged).toFixed(2)} (${merged} / ${lemmasOfKey.size}) |`);
  }
}
// ---- broken text: ZWNJs deleted or typed as spaces ----
const stopwords = loadResource('stopwords') as Stopwords;
const noRepair = createPipeline({ components: ['normalizer', 'tokenizer', 'lemmatizer'], scheme: 'auto', options: { normalizer: { halfSpace: 'keep' } } });
const broken: Record<string, Record<string, { deleted: number; spaced: number; query: number }>> = {};
const brokenRows: string[] = [];
const Z = /\u200c/g;
for (const [name, file, range] of sets) {
  const texts = selectBlocks(conlluBlocks(readShared(file)), range)
    .map((b) => /^# text = (.*)$/m.exec(b)?.[1] ?? '')
    .filter(Boolean);
  broken[name] = {};
  for (const [sys, terms, key] of [
    ['searchTerms()', (t: string) => searchTerms(t).map((x) => x.term), (w: string) => searchKey(w)],
    ['without half-space repair', (t: string) => searchTermsOf(noRepair.process(t), stopwords).map((x) => x.term), (w: string) => searchTermsOf(noRepair.process(w), stopwords, { stopwords: false }).map((x) => x.term).join(' ')],
  ] as const) {
    const kept = [0, 0];
    let total = 0;
    let words = 0;
    let same = 0;
    for (const t of texts) {
      const right = terms(t);
      total += right.length;
      [t.replace(Z, ''), t.replace(Z, ' ')].forEach((bad, i) => {
        const bag = new Map<string, number>();
        for (const x of terms(bad)) bag.set(x, (bag.get(x) ?? 0) + 1);
        for (const x of right) {
          const c = bag.get(x) ?? 0;
          if (c > 0) {
            kept[i]!++;
            bag.set(x, c - 1);
          }
        }
      });
      for (const w of t.split(/\s+/)) {
        if (!w.includes('\u200c') || !/^[\u0600-\u06ff\u200c]+$/.test(w)) continue;
        words++;
        if (key(w) === key(w.replace(Z, ''))) same++;
      }
    }
    const r = { deleted: kept[0]! / Math.max(1, total), spaced: kept[1]! / Math.max(1, total), query: same / Math.max(1, words) };
    broken[name][sys] = r;
    brokenRows.push(`| ${name} | ${sys} | ${(100 * r.deleted).toFixed(2)} / ${(100 * r.spaced).toFixed(2)} (${total} terms) | ${(100 * r.query).toFixed(2)} (${same} / ${words}) |`);
  }
}

console.log('| set | key | conflation % (inflected forms meeting their lemma) | of nouns, adjectives, names / of verbs | damage % (lemma forms changed) | merged % (keys of 2+ lemmas) |');
console.log('|---|---|---|---|---|---|');
for (const r of rows) console.log(r);
console.log('\n| set | terms | terms of the sentence written right kept with its ZWNJs deleted / typed as spaces % | words written with a ZWNJ: same key typed without it % |');
console.log('|---|---|---|---|');
for (const r of brokenRows) console.log(r);
if (process.env.EVAL_OUT === '-') console.log(`JSON:${JSON.stringify({ results, broken })}`);
else if (!dev) {
  mkdirSync(`${ROOT}bench/results`, { recursive: true });
  writeFileSync(`${ROOT}bench/results/stem-eval.json`, JSON.stringify({ date: new Date().toISOString().slice(0, 10), results, broken }, null, 1) + '\n');
}
