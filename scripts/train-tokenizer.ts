/**
 * Learns the multi-word-token splits (clitics) from the treebanks' MWT lines, on the TRAIN ranges only
 * (scripts/lib/splits.ts), and writes data/mwt.json (formal text) and data/mwt-informal.json (the tokenizer scheme
 * "iperudt"). Deterministic.
 *   npm run train:tokenizer
 *   TUNE=1 npm run train:tokenizer   # development: learn from the first 70% of the PerDT/Seraji train ranges only and
 *                                    # write .tmp/mwt-tune.json; score on the other 30% with scripts/tune-tokenizer.ts
 *                                    # (the informal data from the first 80% of iPerUDT train: .tmp/mwt-informal-tune.json)
 *   FOLD=1|2|3 npm run train:tokenizer  # development: learn without the k-th third of the PerDT/Seraji train ranges,
 *                                       # write .tmp/mwt-fold<k>.json (a 3-fold check of the rules; writes no data)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { readConllu } from '../src/core/formats/conllu.js';
import type { MwtData } from '../src/core/tokenize/mwt.js';
import { canon, readShared, ROOT } from './lib/corpus.js';
import { updateManifest } from './lib/manifest.js';
import { conlluBlocks, selectBlocks, SPLITS } from './lib/splits.js';

const inc = (m: Map<string, number>, k: string): void => void m.set(k, (m.get(k) ?? 0) + 1);

const TUNE = process.env.TUNE === '1';
/** with TUNE, the informal data learns from the first 80% of iPerUDT train (the rest: scripts/tune-tokenizer.ts) */
const INFORMAL_TUNE_END = Math.floor(conlluBlocks(readShared(SPLITS.iperudtTrain!.file)).length * 0.8);
/** the train range, or with TUNE its first 70% for PerDT and Seraji (the rest is the tuning set of tune-tokenizer.ts) */
function trainRange(key: string): [number, number] {
  const r = SPLITS[key]!.train!;
  if (TUNE && key === 'iperudtTrain') return [1, INFORMAL_TUNE_END];
  return TUNE && (key === 'perdt' || key === 'seraji') ? [r[0], r[0] + Math.floor((r[1] - r[0] + 1) * 0.7) - 1] : r;
}
/** the train blocks of a source; with FOLD=k (1-3, development) without the k-th third of the PerDT/Seraji train range */
function trainBlocks(key: string): string[] {
  const blocks = selectBlocks(conlluBlocks(readShared(SPLITS[key]!.file)), trainRange(key));
  const fold = Number(process.env.FOLD ?? 0);
  if (!fold || (key !== 'perdt' && key !== 'seraji')) return blocks;
  const a = Math.floor((blocks.length * (fold - 1)) / 3);
  const b = Math.floor((blocks.length * fold) / 3);
  return [...blocks.slice(0, a), ...blocks.slice(b)];
}

/**
 * Learns the splits from the MWT lines of the train ranges of `sources`: exact forms (split more often than not),
 * the clitics seen at least `minClitic` times (for unseen forms), and the forms seen whole that end like a clitic.
 */
function learn(sources: string[], minClitic: number, secondary: string[] = []): MwtData {
  // (secondary sources: their clitics count, but their forms are used only where no primary source shows the form)
  const splitCount = new Map<string, Map<string, number>>(); // form → "a|b" → count
  const single = new Map<string, number>();
  const cliticCount = new Map<string, number>();
  // the secondary sources decide only the forms the primary ones never show (another treebank's convention)
  const splitCount2 = new Map<string, Map<string, number>>();
  const single2 = new Map<string, number>();
  for (const key of [...sources, ...secondary]) {
    const primary = sources.includes(key);
    const blocks = trainBlocks(key);
    const doc = readConllu(blocks.join('\n\n') + '\n');
    for (const t of doc.tokens) {
      const form = canon(t.text);
      if (t.words.length > 1) {
        // drop trailing punctuation parts (PerDT sometimes puts a final "." or "،" inside the MWT)
        const raw = t.words.map((w) => w.form).filter((p) => /[\u0600-\u06FF]/.test(p) && !/^[.،؟!؛:»"]+$/.test(p));
        if (raw.length < 2) continue;
        // canonicalize the whole token (a part may end with a ZWNJ: انسانی‌ + اند), then cut it at the same places
        const whole = raw.join('');
        const cw = canon(whole);
        const parts: string[] = [];
        // the words leave out a ZWNJ the token has (iPerUDT: کم‌کم = کم + کم, شده‌اند = شده + اند; Seraji: نامه‌ات =
        // نامه + ات): cut the token itself, each ZWNJ kept at the end of the part before it (as PerDT writes its
        // words), so the entry is found under the token as written; the tokenizer's scheme drops such a ZWNJ where its
        // treebank does (MwtSplitter's hostZwnj). (Keyed only without the ZWNJ, these splits were never found for the
        // token as the treebank writes it.)
        const cut: string[] = [];
        if (form.includes('\u200c') && form.replaceAll('\u200c', '') === cw && raw.length === t.words.length) {
          let at = 0;
          for (let k = 0; k < raw.length; k++) {
            let end = at + canon(raw[k]!).length;
            while (k < raw.length - 1 && form.charCodeAt(end) === 0x200c) end++;
            cut.push(form.slice(at, end));
            at = end;
          }
        }
        const sc = primary ? splitCount : splitCount2;
        if (cut.length > 0 && cut.join('') === form && cut.every((c) => c.replaceAll('\u200c', '').length > 0)) {
          let m = sc.get(form);
          if (!m) sc.set(form, (m = new Map()));
          inc(m, cut.join('|'));
        }
        // (and, as before, under the words run together: the split of the token typed without its ZWNJ)
        if (cw.length === whole.length) {
          let at = 0;
          for (const r of raw) {
            parts.push(cw.slice(at, at + r.length));
            at += r.length;
          }
        } else parts.push(...raw);
        const joined = parts.join('');
        let m = sc.get(joined);
        if (!m) sc.set(joined, (m = new Map()));
        inc(m, parts.join('|'));
        inc(cliticCount, parts[parts.length - 1]!);
      } else {
        inc(primary ? single : single2, form);
      }
    }
  }
  for (const form of new Set([...splitCount2.keys(), ...single2.keys()])) {
    if (splitCount.has(form) || single.has(form)) continue;
    const m = splitCount2.get(form);
    if (m) splitCount.set(form, m);
    const c = single2.get(form);
    if (c) single.set(form, c);
  }
  const data: MwtData = { split: {}, keep: [], clitics: [] };
  for (const [form, m] of [...splitCount].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const [best, c] = [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]!;
    if (c > (single.get(form) ?? 0)) data.split[form] = best.split('|');
  }
  // را, ی and ین attach only in lexical forms (مرا, تویی): they are split from memory, never by generalization
  const NOT_PRODUCTIVE = new Set(['را', 'ی', 'ین']);
  const clitics = [...cliticCount].filter(([cl, c]) => c >= minClitic && !NOT_PRODUCTIVE.has(cl)).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  data.clitics = clitics.map(([clitic, count]) => ({ clitic, count }));
  // forms seen as one word that end with a learned clitic (so the generalization does not split them)
  for (const [form, c] of [...single].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (c >= 1 && !data.split[form] && clitics.some(([cl]) => form.length > cl.length + 1 && form.endsWith(cl))) data.keep.push(form);
  }
  return data;
}

// formal text (the default): PerDT, Seraji and the early PerDT slice.
// (measured with TUNE: adding iPerUDT train drops Words by about 1 point, its clitics over-split formal text)
// The early PerDT slice splits clitics far less often than the current release (74 multi-word tokens in 20k words,
// against 369 in 25k in PerDT dev: خودش is one word there, خود + ش here), so it only decides the forms that PerDT and
// Seraji never show (measured with TUNE: PerDT Words 99.68 → 99.71, Seraji unchanged).
const data = learn(['perdt', 'seraji'], 3, ['perdtEarly']);
// nominal hosts: words the treebanks tag NOUN/ADJ/PROPN/PRON at least 3 times and in 90% of their uses. A possessive
// after one is split even when the form or the host also reads as a verb (کارم: my work, not "I plant"; مردمش)
{
  const uses = new Map<string, [number, number]>(); // form → [nominal, all]
  const NOMINAL = new Set(['NOUN', 'ADJ', 'PROPN', 'PRON']);
  // (and, for the copula hosts below, how often each past stem is a VERB lemma)
  const verbLemmas = new Map<string, number>();
  for (const key of ['perdt', 'seraji']) {
    for (const t of readConllu(trainBlocks(key).join('\n\n') + '\n').tokens) {
      const w = t.words[0]!;
      const f = canon(w.form).replace(/\u200c$/, '');
      const u = uses.get(f) ?? [0, 0];
      if (NOMINAL.has(w.upos ?? '')) u[0]++;
      u[1]++;
      uses.set(f, u);
      for (const x of t.words) if (x.upos === 'VERB' && x.lemma) for (const l of x.lemma.split('#')) verbLemmas.set(l, (verbLemmas.get(l) ?? 0) + 1);
    }
  }
  data.hosts = [...uses].filter(([f, [n, all]]) => n >= 3 && n >= 0.9 * all && f.length >= 2).map(([f]) => f).sort();
  // hosts after which a person ending set off by a ZWNJ is the copula (آماده‌ایم = آماده + ایم): the nominal hosts
  // but participles of verbs the treebanks use (a past stem + ه whose stem is a VERB lemma 3 times or more: گذشته‌اند
  // is a perfect verb; آمادن and خستن never occur, so آماده‌ایم and خسته‌اند are adjective + copula)
  data.copulaHosts = data.hosts.filter((h) => !(h.endsWith('ه') && (verbLemmas.get(h.slice(0, -1)) ?? 0) >= 3));
}
const json = JSON.stringify(data);
if (process.env.FOLD) {
  mkdirSync(`${ROOT}.tmp`, { recursive: true });
  writeFileSync(`${ROOT}.tmp/mwt-fold${process.env.FOLD}.json`, json + '\n');
  console.log(`wrote .tmp/mwt-fold${process.env.FOLD}.json (FOLD)`);
  process.exit(0);
}
if (TUNE) {
  mkdirSync(`${ROOT}.tmp`, { recursive: true });
  writeFileSync(`${ROOT}.tmp/mwt-tune.json`, json + '\n');
  console.log('wrote .tmp/mwt-tune.json (TUNE)');
} else {
  writeFileSync(`${ROOT}data/mwt.json`, json + '\n');
  updateManifest('mwt.json', new TextEncoder().encode(json + '\n'), 'CC BY-SA 4.0 (derived from UD Persian PerDT and Seraji)');
  console.log(`wrote data/mwt.json: ${Object.keys(data.split).length} split forms, ${data.keep.length} kept forms, clitics: ${data.clitics.map((c) => `${c.clitic}:${c.count}`).join(' ')}`);
}

// informal text (tokenizer scheme 'iperudt'): iPerUDT train, on top of the formal exact splits. Clitics seen at least
// 10 times generalize (chosen on the last 20% of iPerUDT train held out: Words 92.96 with the formal data, 94.84
// informal with min 3, 95.65 merged with min 10; iPerUDT dev, our validation split, is never read here).
const informal = learn(['iperudtTrain'], 10);
// informal hosts the formal lexicon lacks (جون, خونه): the nouns, adjectives, pronouns and numbers of iPerUDT train
// (whole words, and the first word of its multi-word tokens) and the informal forms of hazm's and shekar's lists
const hosts = new Set<string>();
{
  const doc = readConllu(selectBlocks(conlluBlocks(readShared(SPLITS.iperudtTrain!.file)), trainRange('iperudtTrain')).join('\n\n') + '\n');
  const HOST_UPOS = new Set(['NOUN', 'ADJ', 'PROPN', 'PRON', 'NUM']);
  for (const t of doc.tokens) {
    const w = t.words[0]!;
    if (!HOST_UPOS.has(w.upos ?? '')) continue;
    if (t.words.length === 1 && informal.keep.includes(canon(t.text))) continue;
    const f = canon(w.form).replace(/\u200c$/, '');
    if (f.length >= 2 && /^[\u0600-\u06FF\u200c]+$/.test(f)) hosts.add(f);
  }
  for (const line of readShared('lexicon/hazm/iwords.dat').split('\n')) {
    const f = canon(line.split(' ')[0]?.trim() ?? '');
    if (f.length >= 2) hosts.add(f);
  }
  for (const line of readShared('lexicon/shekar/informal_words.csv').split('\n')) {
    const f = canon(line.split(',')[0]?.trim() ?? '');
    if (f.length >= 2) hosts.add(f);
  }
}
const merged: MwtData = { split: { ...data.split, ...informal.split }, keep: informal.keep, clitics: informal.clitics, hosts: [...new Set([...hosts, ...(data.hosts ?? [])])].sort() };
const ijson = JSON.stringify(merged);
if (TUNE) {
  writeFileSync(`${ROOT}.tmp/mwt-informal-tune.json`, ijson + '\n');
  console.log('wrote .tmp/mwt-informal-tune.json (TUNE)');
  process.exit(0);
}
writeFileSync(`${ROOT}data/mwt-informal.json`, ijson + '\n');
updateManifest('mwt-informal.json', new TextEncoder().encode(ijson + '\n'), 'CC0 1.0 (derived from iPerUDT); CC BY-SA 4.0 (derived from UD Persian PerDT and Seraji); MIT (hazm, shekar informal word lists)');
console.log(`wrote data/mwt-informal.json: ${Object.keys(merged.split).length} split forms, ${merged.keep.length} kept forms, clitics: ${merged.clitics.map((c) => `${c.clitic}:${c.count}`).join(' ')}`);
