/**
 * Builds data/stopwords.json: Persian function words and very common words, for search, keyword extraction and
 * counting (isStopword / stopwords in the package). Deterministic: same inputs, same bytes.
 *
 *   npm run build:stopwords
 *
 * Sources: hazm `stopwords.dat` and shekar `stopwords.csv` (the union; both MIT). Arabic letter variants are written
 * in Persian letters and surrounding space trimmed, hazm's verb phrases glued with _ (آمده_است) are listed as their words; the lists' spellings (with their ZWNJs) are kept, and matching
 * ignores ZWNJs and diacritics (src/core/stopwords.ts).
 *
 * `content`: the listed words that the treebanks' train parts (PerDT, Seraji, iPerUDT train; never the validation
 * splits) tag NOUN, ADJ or PROPN more often than anything else (بزرگ, جدید, مهم, افراد, رشد). The lists are made for
 * keyword extraction and drop them; search keeps them (searchTerms leaves out only the other stopwords: function words,
 * adverbs, light and auxiliary verbs).
 */
import { writeFileSync } from 'node:fs';
import { readConllu } from '../src/core/formats/conllu.js';
import { stopwordKey } from '../src/core/stopwords.js';
import { haveShared, readShared, ROOT } from './lib/corpus.js';
import { conlluBlocks, selectBlocks, SPLITS } from './lib/splits.js';
import { updateManifest } from './lib/manifest.js';

if (!haveShared()) {
  console.log('SKIP build:stopwords: ../shared/data not found (set DABIR_SHARED)');
  process.exit(0);
}

const norm = (s: string): string => s.normalize('NFC').replace(/[يى]/g, 'ی').replace(/ك/g, 'ک').trim();
const words = new Set<string>();
for (const line of readShared('lexicon/hazm/stopwords.dat').split('\n')) {
  // (hazm glues the words of a verb phrase with _: آمده_است; each word is listed instead)
  for (const w of norm(line).split('_')) if (w) words.add(w);
}
for (const line of readShared('lexicon/shekar/stopwords.csv').split('\n')) {
  const w = norm(line.split(',')[0] ?? '');
  if (w && !/^(word|stopword)s?$/i.test(w)) words.add(w);
}
// UPOS counts of the listed words in the treebanks' train parts
const listed = new Map<string, string>(); // key → listed spelling
for (const w of words) listed.set(stopwordKey(w), w);
const upos = new Map<string, Map<string, number>>();
for (const key of ['perdt', 'seraji', 'iperudtTrain'] as const) {
  const sp = SPLITS[key]!;
  for (const b of selectBlocks(conlluBlocks(readShared(sp.file)), sp.train)) {
    for (const t of readConllu(b).sentences.flatMap((s) => s.tokens)) {
      // a token of one word: its form is what a text shows
      if (t.words.length !== 1) continue;
      const k = stopwordKey(t.text);
      if (!listed.has(k)) continue;
      const u = t.words[0]!.upos ?? '_';
      let m = upos.get(k);
      if (!m) upos.set(k, (m = new Map()));
      m.set(u, (m.get(u) ?? 0) + 1);
    }
  }
}
const CONTENT = new Set(['NOUN', 'ADJ', 'PROPN']);
const content: string[] = [];
for (const [k, m] of upos) {
  let best = '';
  let n = 0;
  for (const [u, c] of [...m].sort((a, b) => (a[0] < b[0] ? -1 : 1))) if (c > n) [best, n] = [u, c];
  if (CONTENT.has(best)) content.push(listed.get(k)!);
}
// `afterPreposition`: nouns that, after one simple preposition, make a compound preposition or adverb with it (به خاطر,
// به عنوان, بر اساس, از طریق, در حالی): in the raw train text (text/*.txt) the word stands right after that
// preposition in at least 55% of its 20 or more occurrences, or the pair is frequent — 100 times or more, and at least
// 20% of the noun's occurrences (در صورت 133 of صورت's 576, whose other uses are mostly صورت گرفت and به صورت; در حال
// 147 of 403, در مورد, در میان, به جای, به سوی, در کنار, به نظر, به دست, به نام, در زمان, در سال: 13 pairs). The
// treebanks cannot tell them: PerDT and Seraji write every such pair as case + NOUN, never fixed, as any preposition and
// noun. In that place such a noun is no keyword of its own (در صورت بارندگی gave the keyword صورت بارندگی).
const PREPS = new Set(['به', 'در', 'از', 'بر', 'با', 'تا']);
const wordCount = new Map<string, number>();
const afterCount = new Map<string, number>(); // 'prep word' → count
for (const file of ['text/perdt-train.txt', 'text/seraji-train.txt']) {
  for (const line of readShared(file).split('\n')) {
    const toks = line.split(/[\s.,،؛:!؟?«»()\[\]"'\-–—…]+/u).filter(Boolean).map(stopwordKey);
    for (let i = 0; i < toks.length; i++) {
      const w = toks[i]!;
      wordCount.set(w, (wordCount.get(w) ?? 0) + 1);
      if (i > 0 && PREPS.has(toks[i - 1]!)) {
        const k = `${toks[i - 1]} ${w}`;
        afterCount.set(k, (afterCount.get(k) ?? 0) + 1);
      }
    }
  }
}
const afterPreposition: string[] = [];
for (const [k, c] of afterCount) {
  const n = wordCount.get(k.slice(k.indexOf(' ') + 1))!;
  if ((n >= 20 && c / n >= 0.55) || (c >= 100 && c / n >= 0.2)) afterPreposition.push(k);
}
const license = 'MIT (hazm stopwords.dat; shekar stopwords.csv); CC BY-SA 4.0 (afterPreposition: PerDT and Seraji train text)';
const sort = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const data = {
  meta: { format: 1, license, sources: 'hazm stopwords.dat, shekar stopwords.csv (union); content: majority UPOS NOUN/ADJ/PROPN in the treebank train parts; afterPreposition: PerDT and Seraji train text' },
  words: [...words].sort(sort),
  content: content.sort(sort),
  afterPreposition: afterPreposition.sort(sort),
};
const bytes = new TextEncoder().encode(JSON.stringify(data) + '\n');
writeFileSync(`${ROOT}data/stopwords.json`, bytes);
updateManifest('stopwords.json', bytes, license);
console.log(`data/stopwords.json: ${data.words.length} words (${data.content.length} content words), ${data.afterPreposition.length} nouns after a preposition, ${bytes.length} bytes`);
