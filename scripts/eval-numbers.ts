/**
 * Scores findNumbers (src/core/numbers) against the treebanks: a gold number phrase is a maximal run of tokens
 * tagged NUM, with «و» between two of them (سه هزار و پانصد); a found phrase is a cardinal findNumbers reports
 * (ordinals are ADJ in UD Persian, so they are left out of both sides). Exact span match: precision, recall, F1 —
 * over all phrases, and over the phrases written at least partly in words (digit strings alone are easy).
 * Then, for the gold phrases in words, how many parseNumber reads, and of those written all in words, how many
 * numberToWords writes back exactly as the treebank does (spaces and ZWNJs aside; chat's «یه» is written «یک»).
 *
 *   npm run eval:numbers            # validation splits (PerDT/Seraji dev tails, iPerUDT dev); writes bench/results/numbers-eval.json
 *   SET=dev npm run eval:numbers    # development part (the train ranges of scripts/lib/splits.ts), used to write the rules
 *   SHOW=1 ...                      # print every mismatch
 *   EVAL_OUT=- ...                  # print the figures as one JSON line too, write nothing (conformance test)
 *
 * No model is trained here: the rules are closed-class grammar, written while looking at the development part only.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { findNumbers, numberToWords, parseNumber } from '../src/core/numbers/index.js';
import { readConllu } from '../src/core/formats/conllu.js';
import { haveShared, readShared, ROOT } from './lib/corpus.js';
import { conlluBlocks, selectBlocks, SPLITS } from './lib/splits.js';

if (!haveShared()) {
  console.log('SKIP eval:numbers: ../shared/data not found (set DABIR_SHARED)');
  process.exit(0);
}
const dev = process.env.SET === 'dev';
const show = !!process.env.SHOW;
const sets: [string, string, [number, number] | null][] = dev
  ? [
      ['PerDT (train part)', SPLITS.perdt!.file, SPLITS.perdt!.train],
      ['Seraji (train part)', SPLITS.seraji!.file, SPLITS.seraji!.train],
      ['iPerUDT train', SPLITS.iperudtTrain!.file, SPLITS.iperudtTrain!.train],
    ]
  : [
      ['PerDT validation', SPLITS.perdt!.file, SPLITS.perdt!.validation],
      ['Seraji validation', SPLITS.seraji!.file, SPLITS.seraji!.validation],
      ['iPerUDT dev', SPLITS.iperudtDev!.file, SPLITS.iperudtDev!.validation],
    ];

const key = (s: string): string => s.replace(/[\s\u200c]+/g, ' ').trim();
interface Counts {
  gold: number;
  found: number;
  tp: number;
}
const prf = (c: Counts): { precision: number; recall: number; f1: number } => {
  const p = c.tp / Math.max(1, c.found);
  const r = c.tp / Math.max(1, c.gold);
  return { precision: p, recall: r, f1: (2 * p * r) / Math.max(1e-9, p + r) };
};
const results: Record<string, unknown> = {};
const rows: string[] = [];
for (const [name, file, range] of sets) {
  const all: Counts = { gold: 0, found: 0, tp: 0 };
  const inWords: Counts = { gold: 0, found: 0, tp: 0 };
  let readable = 0;
  let read = 0;
  let written = 0;
  let words = 0;
  let tokens = 0;
  for (const block of selectBlocks(conlluBlocks(readShared(file)), range)) {
    const doc = readConllu(block);
    const text = doc.text;
    // gold phrases: runs of NUM tokens, «و» inside a run
    const gold: [number, number][] = [];
    const toks = doc.sentences.flatMap((s) => s.tokens);
    tokens += toks.length;
    const isNum = (k: number): boolean => k < toks.length && toks[k]!.words.some((w) => w.upos === 'NUM');
    for (let k = 0; k < toks.length; k++) {
      if (!isNum(k)) continue;
      let e = k;
      while (true) {
        if (isNum(e + 1)) e++;
        else if (toks[e + 1]?.text === 'و' && isNum(e + 2)) e += 2;
        else break;
      }
      gold.push([toks[k]!.start, toks[e]!.end]);
      k = e;
    }
    const found = findNumbers(text).filter((s) => s.form === 'cardinal');
    const goldSet = new Set(gold.map(([a, b]) => `${a}:${b}`));
    const foundSet = new Set(found.map((s) => `${s.start}:${s.end}`));
    const hasWords = (a: number, b: number): boolean => /[\u0620-\u064a\u066e-\u06d5]/.test(text.slice(a, b));
    for (const [a, b] of gold) {
      const hit = foundSet.has(`${a}:${b}`);
      all.gold++;
      if (hit) all.tp++;
      if (hasWords(a, b)) {
        inWords.gold++;
        if (hit) inWords.tp++;
        const p = parseNumber(text.slice(a, b));
        readable++;
        if (p) {
          read++;
          // written back: phrases all in words only (a writer's ۵۰۰ هزار is not ours to compare)
          if (p.form === 'cardinal' && !/[0-9\u06f0-\u06f9\u0660-\u0669]/.test(text.slice(a, b))) {
            words++;
            if (key(numberToWords(p.digits)) === key(text.slice(a, b))) written++;
            else if (show) console.log(`written otherwise: ${text.slice(a, b)} → ${numberToWords(p.digits)}`);
          }
        } else if (show) console.log(`not read: ${text.slice(a, b)}`);
      }
      if (!hit && show) console.log(`missed: ${text.slice(a, b)}    | ${text.slice(Math.max(0, a - 30), b + 30)}`);
    }
    for (const s of found) {
      all.found++;
      if (s.words) inWords.found++;
      if (!goldSet.has(`${s.start}:${s.end}`) && show) console.log(`extra: ${s.text}    | ${text.slice(Math.max(0, s.start - 30), s.end + 30)}`);
    }
  }
  const a = prf(all);
  const w = prf(inWords);
  results[name] = { tokens, all: { ...all, ...a }, inWords: { ...inWords, ...w }, parsed: { phrases: readable, read, allWords: words, writtenAlike: written } };
  const pc = (x: number): string => (100 * x).toFixed(1);
  rows.push(`| ${name} | ${tokens} | ${all.gold} | ${pc(a.precision)} / ${pc(a.recall)} / **${pc(a.f1)}** | ${inWords.gold} | ${pc(w.precision)} / ${pc(w.recall)} / **${pc(w.f1)}** | ${read} / ${readable} | ${written} / ${words} |`);
}
console.log('| set | tokens | gold phrases | P / R / F1 | in words | P / R / F1 | read by parseNumber | all in words: written alike by numberToWords |');
console.log('|---|---|---|---|---|---|---|---|');
for (const r of rows) console.log(r);
if (process.env.EVAL_OUT === '-') console.log(`JSON:${JSON.stringify(results)}`);
else if (!dev) {
  mkdirSync(`${ROOT}bench/results`, { recursive: true });
  writeFileSync(`${ROOT}bench/results/numbers-eval.json`, JSON.stringify({ date: new Date().toISOString().slice(0, 10), results }, null, 1) + '\n');
}
