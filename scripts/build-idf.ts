/**
 * Builds data/idf.json, the document frequencies the keyword extractor weighs terms by: every sentence of the PerDT
 * and Seraji train text (../shared/data/text/*.txt, 31k sentences; it does not overlap the UD dev files) is a
 * document, read into search terms (searchTerms: folded lemmas, stopwords kept), and each term counted once per
 * sentence it occurs in. Terms seen in one sentence only are left out (the extractor reads a missing term as df 1).
 * Deterministic: same inputs and lemmatizer, same bytes.
 *
 *   npm run build:idf
 */
import { writeFileSync } from 'node:fs';
import { searchTerms } from '../src/node/index.js';
import { haveShared, readShared, ROOT } from './lib/corpus.js';
import { updateManifest } from './lib/manifest.js';

if (!haveShared()) {
  console.log('SKIP build:idf: ../shared/data not found (set DABIR_SHARED)');
  process.exit(0);
}
const df = new Map<string, number>();
let documents = 0;
for (const f of ['text/perdt-train.txt', 'text/seraji-train.txt']) {
  for (const line of readShared(f).split('\n')) {
    if (!line.trim()) continue;
    documents++;
    for (const t of new Set(searchTerms(line, { stopwords: false }).map((x) => x.term))) df.set(t, (df.get(t) ?? 0) + 1);
  }
}
const kept = [...df].filter(([, c]) => c >= 2).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
const license = 'CC BY-SA 4.0 (UD Persian-PerDT and Persian-Seraji text)';
const data = { meta: { format: 1, documents, license, source: 'sentences of text/perdt-train.txt and text/seraji-train.txt, as search terms' }, df: Object.fromEntries(kept) };
const bytes = new TextEncoder().encode(JSON.stringify(data) + '\n');
writeFileSync(`${ROOT}data/idf.json`, bytes);
updateManifest('idf.json', bytes, license);
console.log(`data/idf.json: ${documents} sentences, ${kept.length} terms (of ${df.size}), ${bytes.length} bytes`);
