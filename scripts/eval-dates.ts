/**
 * Lists what findDates (src/core/dates) finds in text, for checking by eye — the treebanks carry no date annotation, so
 * there is no gold to score against. For each line: every date found (text, calendar, parts, ISO date), and every
 * month name standing alone as a word that no found date covers (a possible miss, or a month name used otherwise:
 * تیر, arrow; the street سی تیر).
 *
 *   npm run eval:dates              # our validation splits (PerDT and Seraji dev tails, iPerUDT dev)
 *   SET=dev npm run eval:dates      # the train parts and the raw PerDT text (used to write the rules)
 */
import { findDates, JALALI_MONTHS } from '../src/core/dates/index.js';
import { haveShared, readShared } from './lib/corpus.js';
import { conlluBlocks, selectBlocks, SPLITS } from './lib/splits.js';

if (!haveShared()) {
  console.log('SKIP eval:dates: ../shared/data not found (set DABIR_SHARED)');
  process.exit(0);
}
const dev = process.env.SET === 'dev';
const lines: string[] = [];
for (const key of dev ? (['perdt', 'seraji', 'iperudtTrain'] as const) : (['perdt', 'seraji', 'iperudtDev'] as const)) {
  const s = SPLITS[key]!;
  for (const b of selectBlocks(conlluBlocks(readShared(s.file)), dev ? s.train : s.validation)) {
    const m = /^# text = (.*)$/m.exec(b);
    if (m) lines.push(m[1]!);
  }
}
if (dev) lines.push(...readShared('text/perdt-train.txt').split('\n'));
const names = [...JALALI_MONTHS, 'ژانویه', 'فوریه', 'مارس', 'آوریل', 'ژوئن', 'ژوئیه', 'جولای', 'اوت', 'سپتامبر', 'اکتبر', 'نوامبر', 'دسامبر', 'محرم', 'رمضان', 'شعبان', 'رجب'];
const alone = new RegExp(`(?<![\\u0621-\\u06ff\\u200c])(?:${names.join('|')})(?:\\u200c?ماه)?(?![\\u0621-\\u06ff\\u200c])`, 'g');
let found = 0;
let unmatched = 0;
for (const l of lines) {
  const ds = findDates(l);
  for (const d of ds) {
    found++;
    console.log(`found\t${d.text}\t${d.calendar} ${d.year ?? '-'}/${d.month}/${d.day ?? '-'}${d.iso ? `\t${d.iso}` : ''}`);
  }
  for (const m of l.matchAll(alone)) {
    if (ds.some((d) => d.start <= m.index! && m.index! < d.end)) continue;
    unmatched++;
    console.log(`not a date?\t${m[0]}\t…${l.slice(Math.max(0, m.index! - 30), m.index! + m[0].length + 30)}…`);
  }
}
console.log(`${lines.length} lines: ${found} dates found; ${unmatched} month names outside them`);
