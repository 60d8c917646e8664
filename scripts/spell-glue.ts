/**
 * A function word run into the next word (وقلم, ازخانه, بکتاب: a typed space left out), made from the held-out block of
 * clean train text (SPELL_HOLD_FROM in scripts/lib/splits.ts; tuning data, never validation): every third و / به / از /
 * که / در followed by a word of two letters or more is glued to it, one at a time, up to PER (300) cases a word; the
 * checker (the held-out build, as scripts/spell-hold.ts) must flag it with the split first. The eval's injector never
 * joins a one-letter word, so this is where the و split is measured.
 *
 *   SPELL_HOLD=1 SPELL_OUT=.tmp/spell-hold.bin npm run build:spell
 *   npx tsx scripts/spell-glue.ts [.tmp/spell-hold.bin]      (FW=و,به to choose the words, V=1 lists misses)
 */
import { haveShared, ROOT } from './lib/corpus.js';
import { holdChecker, holdLines } from './lib/spell-hold.js';
if (!haveShared()) {
  console.log('SKIP spell-glue: ../shared/data not found (set DABIR_SHARED)');
  process.exit(0);
}
const checker = holdChecker(process.argv[2] ?? `${ROOT}.tmp/spell-hold.bin`);
const FW = (process.env.FW ?? 'و,به,از,که,در').split(',');
const PER = Number(process.env.PER ?? 300);
const stat: Record<string, { n: number; det: number; top1: number; top5: number; known: number }> = {};
const verbose = process.env.V === '1';
const cnt: Record<string, number> = {};
for (const { text: t } of holdLines()) {
  const toks = [...t.matchAll(/\S+/g)];
  for (let k = 0; k + 1 < toks.length; k++) {
    const fw = toks[k]![0];
    const nx = toks[k + 1]![0];
    if (!FW.includes(fw) || !/^[\u0621-\u06cc\u200c]+$/.test(nx) || nx.length < 2) continue;
    cnt[fw] = (cnt[fw] ?? 0) + 1;
    if (cnt[fw]! % 3 !== 0 || (stat[fw]?.n ?? 0) >= PER) continue;
    const a = toks[k]!.index!;
    const b = toks[k + 1]!.index! + nx.length;
    const text = t.slice(0, a) + fw + nx + t.slice(b);
    const s = (stat[fw] ??= { n: 0, det: 0, top1: 0, top5: 0, known: 0 });
    s.n++;
    if (checker.isKnown(fw + nx)) s.known++;
    const is = checker.check(text).find((x) => x.start <= a && x.end >= a + 1);
    if (!is) { if (verbose) console.log('MISS', fw + nx); continue; }
    s.det++;
    const want = text.slice(is.start, a) + fw + ' ' + nx + text.slice(a + fw.length + nx.length, is.end);
    const r = is.suggestions.findIndex((x) => x.text === want);
    if (r === 0) s.top1++;
    if (r >= 0 && r < 5) s.top5++;
    if (verbose && r !== 0) console.log('RANK', r, fw + nx, '→', is.suggestions.map((x) => x.text).join(' | '));
  }
}
const tot = { n: 0, det: 0, top1: 0, top5: 0, known: 0 };
for (const [k, s] of Object.entries(stat)) { console.log(k, JSON.stringify(s)); for (const x of Object.keys(tot) as (keyof typeof tot)[]) tot[x] += s[x]; }
console.log('all', JSON.stringify(tot));
