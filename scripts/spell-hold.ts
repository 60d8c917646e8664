/**
 * False alarms of the spelling checker on the held-out block of raw train text (SPELL_HOLD_FROM in scripts/lib/splits.ts;
 * tuning data, never validation): every issue there is a false alarm, bar the text's own typos. The lines are checked
 * one by one as scripts/eval-spell.ts checks its clean text (the formalizer hooks on, as the package ships them).
 *
 *   SPELL_HOLD=1 SPELL_OUT=.tmp/spell-hold.bin npm run build:spell     (a build without the block, ~1-2 min)
 *   npx tsx scripts/spell-hold.ts [.tmp/spell-hold.bin] [out.tsv]       (~15 s; out: one issue a line, with context)
 *
 * The other artifacts the hooks read (data/formal.json, data/lemma.bin) were built with the block, which touches only
 * the colloquial readings.
 */
import { writeFileSync } from 'node:fs';
import { haveShared, ROOT } from './lib/corpus.js';
import { holdChecker, holdLines } from './lib/spell-hold.js';

if (!haveShared()) {
  console.log('SKIP spell-hold: ../shared/data not found (set DABIR_SHARED)');
  process.exit(0);
}
const bin = process.argv[2] ?? `${ROOT}.tmp/spell-hold.bin`;
const outPath = process.argv[3] ?? `${ROOT}.tmp/spell-hold.tsv`;
const checker = holdChecker(bin);
let words = 0;
const out: string[] = [];
const byKind: Record<string, number> = {};
for (const { file: f, line: i, text: t } of holdLines()) {
  words += t.split(/\s+/).length;
  for (const is of checker.check(t)) {
    byKind[is.kind] = (byKind[is.kind] ?? 0) + 1;
    out.push(`${f}:${i}\t${is.kind}\t${is.text} → ${is.suggestions.slice(0, 3).map((s) => s.text).join(' | ')}\t${t.slice(Math.max(0, is.start - 30), is.end + 30)}`);
  }
}
console.log(`${words} words, ${out.length} issues (${((out.length / words) * 1000).toFixed(2)} per 1,000 words)`, byKind);
writeFileSync(outPath, out.join('\n') + '\n');
