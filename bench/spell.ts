/**
 * Speed of the spelling checker (src/core/spell):
 *   load        decode data/spell.bin (checksum, tables) and the lazy build of the suggestion index
 *   check       words per second of checker.check() on correct text, all kinds and non-word only, and as `dabir spell`
 *               runs it: register 'auto' with the formalizer's readings of colloquial words
 *   suggest     median and p90 time of suggest() for one misspelled word (warm)
 *   size        data/spell.bin raw and gzipped
 *
 *   npm run bench:spell       writes bench/results/spell.json
 * Text: ../shared/data/text/perdt-train.txt when present (first 20,000 lines), else examples/news.txt repeated.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { createFormalizer } from '../src/core/formal/index.js';
import { createSpellChecker, type SpellOptions } from '../src/core/spell/checker.js';
import { homophones } from '../src/core/spell/edit.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const bin = new Uint8Array(readFileSync(join(ROOT, 'data/spell.bin')));
const perdt = join(ROOT, '../shared/data/text/perdt-train.txt');
const lines = existsSync(perdt)
  ? readFileSync(perdt, 'utf8').split('\n').filter(Boolean).slice(0, 20000)
  : Array.from({ length: 50 }, () => readFileSync(join(ROOT, 'examples/news.txt'), 'utf8').split('\n')).flat().filter(Boolean);
const words = lines.reduce((n, l) => n + l.split(/\s+/).filter(Boolean).length, 0);

let t = performance.now();
const checker = createSpellChecker(bin);
const loadMs = performance.now() - t;
t = performance.now();
checker.suggest('کطاب');
const indexMs = performance.now() - t;

const rate = (c = checker, o?: SpellOptions): number => {
  for (const l of lines.slice(0, 500)) c.check(l, o); // warm up
  const a = performance.now();
  for (const l of lines) c.check(l, o);
  return Math.round(words / ((performance.now() - a) / 1000));
};
const allKinds = rate();
// (a fresh checker: one that has checked the text memoizes the candidates of its unknown words, and would measure the
// same text again)
const nonWord = rate(createSpellChecker(bin), { kinds: ['non-word'] });
// as the Node package and the CLI run it (getSpellChecker: the formalizer's hooks; dabir spell: register auto)
const fz = createFormalizer({ formal: JSON.parse(readFileSync(join(ROOT, 'data/formal.json'), 'utf8')), lemma: new Uint8Array(readFileSync(join(ROOT, 'data/lemma.bin'))) });
const shipped = createSpellChecker(bin, { formal: (w) => fz.colloquialWord(w), informal: (w) => fz.word(w) });
const autoRegister = rate(shipped, { register: 'auto' });

// misspelled words: one homophone letter changed in words of the text that the checker knows
let seed = 1;
const rand = (n: number): number => {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return (seed >>> 8) % n;
};
const typos: string[] = [];
const seen = new Set<string>();
for (const l of lines) {
  for (const w of l.split(/\s+/)) {
    if (typos.length >= 2300 || w.length < 3 || !checker.isKnown(w) || !/^[\u0600-\u06ff\u200c]+$/.test(w)) continue;
    const pos = [...w].map((c, i) => (homophones(c).length ? i : -1)).filter((i) => i >= 0);
    if (!pos.length) continue;
    const i = pos[rand(pos.length)]!;
    const h = homophones(w[i]!);
    const typo = w.slice(0, i) + h[rand(h.length)] + w.slice(i + 1);
    if (!checker.isKnown(typo) && !seen.has(typo)) {
      seen.add(typo);
      typos.push(typo);
    }
  }
}
// warm-up on 300 other typos: the timed words are each suggested for the first time (the checker memoizes the
// candidates of a word; a word seen again is the row after)
for (const w of typos.slice(2000)) checker.suggest(w);
typos.length = Math.min(typos.length, 2000);
const times = typos.map((w) => {
  const a = performance.now();
  checker.suggest(w);
  return performance.now() - a;
});
times.sort((a, b) => a - b);
// the same words again (a text that repeats a typo, an editor re-checking a paragraph): the memoized candidates ranked
const again = typos.map((w) => {
  const a = performance.now();
  checker.suggest(w);
  return performance.now() - a;
});
again.sort((a, b) => a - b);
const result = {
  date: new Date().toISOString(),
  node: process.version,
  text: { lines: lines.length, words },
  loadMs: Math.round(loadMs),
  indexBuildMs: Math.round(indexMs),
  checkWordsPerSecond: { allKinds, nonWordOnly: nonWord, registerAuto: autoRegister },
  suggest: { words: typos.length, medianMs: Math.round(times[times.length >> 1]! * 1000) / 1000, p90Ms: Math.round(times[Math.floor(times.length * 0.9)]! * 1000) / 1000, againMedianMs: Math.round(again[again.length >> 1]! * 1000) / 1000 },
  size: { bytes: bin.length, gzipBytes: gzipSync(bin, { level: 9 }).length },
  memoryMB: Math.round(process.memoryUsage().rss / (1 << 20)),
};
mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
writeFileSync(join(ROOT, 'bench/results/spell.json'), JSON.stringify(result, null, 2) + '\n');
console.log(`| measure | value |
|---|---|
| load (decode + checksum) | ${result.loadMs} ms |
| suggestion index (lazy, first suggest) | ${result.indexBuildMs} ms |
| check, all kinds | ${allKinds.toLocaleString('en')} words/s |
| check, non-word only | ${nonWord.toLocaleString('en')} words/s |
| check, all kinds, register auto with the formalizer (as \`dabir spell\`) | ${autoRegister.toLocaleString('en')} words/s |
| suggest one word, median / p90 | ${result.suggest.medianMs} / ${result.suggest.p90Ms} ms |
| suggest the same word again, median | ${result.suggest.againMedianMs} ms |
| data/spell.bin | ${(bin.length / 1e6).toFixed(1)} MB, ${(result.size.gzipBytes / 1e6).toFixed(1)} MB gzipped |
| memory (RSS) | ${result.memoryMB} MB |`);
