/**
 * Builds data/stopwords.json: Persian function words and very common words, for search, keyword extraction and
 * counting (isStopword / stopwords in the package). Deterministic: same inputs, same bytes.
 *
 *   npm run build:stopwords
 *
 * Sources: hazm `stopwords.dat` and shekar `stopwords.csv` (the union; both MIT). Arabic letter variants are written
 * in Persian letters and surrounding space trimmed, hazm's verb phrases glued with _ (آمده_است) are listed as their words; the lists' spellings (with their ZWNJs) are kept, and matching
 * ignores ZWNJs and diacritics (src/core/stopwords.ts).
 */
import { writeFileSync } from 'node:fs';
import { haveShared, readShared, ROOT } from './lib/corpus.js';
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
const license = 'MIT (hazm stopwords.dat; shekar stopwords.csv)';
const data = {
  meta: { format: 1, license, sources: 'hazm stopwords.dat, shekar stopwords.csv (union)' },
  words: [...words].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
};
const bytes = new TextEncoder().encode(JSON.stringify(data) + '\n');
writeFileSync(`${ROOT}data/stopwords.json`, bytes);
updateManifest('stopwords.json', bytes, license);
console.log(`data/stopwords.json: ${data.words.length} words, ${bytes.length} bytes`);
