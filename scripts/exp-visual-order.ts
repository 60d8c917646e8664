/**
 * Experiment: can a line of text copied from a PDF in visual order (its words in reverse: است مهم بسیار موضوع این) be
 * told from Persian as written, cheaply and with no false alarm? Not part of the product (nothing in src uses it).
 *
 *   npx tsx scripts/exp-visual-order.ts
 *
 * Cues, all closed lists of words, scored per line (forward evidence +, reverse evidence −): a preposition (به از در
 * با برای بر تا درباره بدون روی) opening a line +1, ending it −2; را opening or ending a line −2; a sentence-final verb
 * (است بود شد شود کرد کند دارد ...) ending a line +2, opening it −2. Reversed lines are the same lines with their words
 * in reverse. Run on train text and chat only (PerDT and Seraji raw train text, ParsTwiNER train tweets, the first half
 * of Shekasteh dev), never on a validation split. "sentences" are the corpus lines as they are (one sentence each);
 * "PDF lines" are the same text cut every 8–14 words (a PDF's lines break inside sentences, so a line seldom starts
 * or ends one — the cues at the edges are weaker there). A block is 10 lines in a row, scored by the sum.
 *
 * Figures (2026-12-02): per sentence, a threshold of −3 has no false alarm on any corpus but finds 5–7% of the reversed
 * formal sentences (1–2% of chat); blocks of 10 sentences summed (≤ −3): no false alarm, 96% / 94% / 63% / 38% found.
 * But on PDF lines these edge cues fail: a line cut inside a sentence often ends in a preposition, so the same block
 * test gives 1,765 false alarms in 3,692 PerDT blocks (48%). The edges of a line say little; its inside does.
 *
 * Second cue, inside the line: ordered pairs of frequent words. Of the 150 commonest words of the first 80% of the
 * PerDT and Seraji train text, the adjacent pairs seen 20 times or more and 8 times more often in that order than in
 * the other (367 pairs: در این, را به, که در, خود را, استفاده از, شده است. ...): +1 for each in order, −1 for each
 * reversed. On PDF lines of the held-out 20% tails and of the chat text (nothing above was tuned on these): one line
 * with sum ≤ −2 has no false alarm in 7,609 PerDT, 2,373 Seraji, 18,909 tweet and 860 Shekasteh lines and finds 25% /
 * 22% / 6% / 5% of the reversed ones; 10 lines in a row with sum ≤ −3 have no false alarm in 760 / 237 / 1,890 / 86
 * blocks and find 99% / 98% / 58% / 54%. So a page of formal text copied in visual order can be told apart reliably
 * from its inside pairs; a single short line cannot.
 *
 * The other cue, letters in presentation forms (what some PDF extractors give), is exact where it exists: a word read
 * in logical order never opens with a final or medial form (ﺖﺳﺍ is است reversed: final ت first), so a word that does
 * was reversed — but text out of most extractors has plain letters.
 * What a detection would do is the open question: reversing a line's words also reverses its Latin runs and numbers,
 * which visual order keeps left to right, and the normalizer's rule is that text it does not understand passes through
 * unchanged; with no real PDF-extracted text to check on, nothing was shipped.
 */
import { readShared } from './lib/corpus.js';

const lines = (f: string): string[] => readShared(f).split('\n').filter((x) => x.trim());
const tweets = readShared('ner/parstwiner/train.txt')
  .split(/\n\s*\n/)
  .map((b) => b.split('\n').filter(Boolean).map((l) => l.split('\t')[0]).join(' '));
const shek = readShared('informal/shekasteh/dev.tsv').split('\n').filter(Boolean).map((l) => l.split('\t')[0]!);
const corpora: [string, string[]][] = [
  ['PerDT train', lines('text/perdt-train.txt')],
  ['Seraji train', lines('text/seraji-train.txt')],
  ['ParsTwiNER train', tweets],
  ['Shekasteh dev 1st half', shek.slice(0, Math.floor(shek.length / 2))],
];

const PREP = new Set(['به', 'از', 'در', 'با', 'برای', 'بر', 'تا', 'درباره', 'بدون', 'روی']);
const END = new Set(['است', 'بود', 'شد', 'شود', 'کرد', 'کند', 'دارد', 'داشت', 'می‌شود', 'نیست', 'هستند', 'بودند', 'کردند', 'شده‌است', 'گفت']);
const words = (l: string): string[] => l.replace(/[.،؛:!؟?«»()"]/g, ' ').split(/\s+/).filter(Boolean);

function score(w: string[]): number {
  let s = 0;
  for (let i = 0; i < w.length; i++) {
    const x = w[i]!;
    const first = i === 0;
    const last = i === w.length - 1;
    if (PREP.has(x)) s += (first ? 1 : 0) - (last ? 2 : 0);
    if (x === 'را' && (first || last)) s -= 2;
    if (END.has(x)) s += (last ? 2 : 0) - (first ? 2 : 0);
  }
  return s;
}

/** the corpus cut into PDF-like lines of 8-14 words (a fixed cycle, so the run is repeatable) */
function pdfLines(ls: string[], split: (l: string) => string[] = words): string[][] {
  const all = ls.flatMap(split);
  const out: string[][] = [];
  for (let i = 0, k = 0; i < all.length; k++) {
    const n = 8 + (k % 7);
    out.push(all.slice(i, i + n));
    i += n;
  }
  return out;
}

for (const [unit, make] of [
  ['sentences', (ls: string[]) => ls.map(words)],
  ['PDF lines', (ls: string[]) => pdfLines(ls)],
] as const) {
  console.log(`--- ${unit}`);
  for (const [name, ls] of corpora) {
    const L = make(ls).filter((w) => w.length >= 4);
    for (const th of [-1, -3]) {
      let fp = 0;
      let tp = 0;
      for (const w of L) {
        if (score(w) <= th) fp++;
        if (score([...w].reverse()) <= th) tp++;
      }
      let bfp = 0;
      let btp = 0;
      let nb = 0;
      for (let i = 0; i + 10 <= L.length; i += 10) {
        nb++;
        let f = 0;
        let r = 0;
        for (let k = i; k < i + 10; k++) {
          f += score(L[k]!);
          r += score([...L[k]!].reverse());
        }
        if (f <= th * 3) bfp++;
        if (r <= th * 3) btp++;
      }
      console.log(
        `${name}, threshold ${th}: per line ${fp} false alarms in ${L.length}, ${((100 * tp) / L.length).toFixed(1)}% of reversed found; ` +
          `blocks of 10 (sum ≤ ${th * 3}): ${bfp} false alarms in ${nb}, ${((100 * btp) / nb).toFixed(1)}% found`,
      );
    }
  }
}

// the second cue: ordered pairs of frequent words, learnt on the first 80% of the train text, tried on the tails and chat
const perdt = corpora[0]![1];
const seraji = corpora[1]![1];
const learn = [...perdt.slice(0, Math.floor(perdt.length * 0.8)), ...seraji.slice(0, Math.floor(seraji.length * 0.8))];
const plain = (l: string): string[] => l.split(/\s+/).filter(Boolean);
const freq = new Map<string, number>();
for (const l of learn) for (const w of plain(l)) freq.set(w, (freq.get(w) ?? 0) + 1);
const top = new Set([...freq].sort((a, b) => b[1] - a[1]).slice(0, 150).map(([w]) => w));
const pairCount = new Map<string, number>();
for (const l of learn) {
  const w = plain(l);
  for (let i = 0; i + 1 < w.length; i++) if (top.has(w[i]!) && top.has(w[i + 1]!)) pairCount.set(w[i] + ' ' + w[i + 1], (pairCount.get(w[i] + ' ' + w[i + 1]) ?? 0) + 1);
}
const ordered = new Map<string, number>();
for (const [k, c] of pairCount) {
  const [a, b] = k.split(' ');
  if (c >= 20 && c >= 8 * ((pairCount.get(b + ' ' + a) ?? 0) + 1)) {
    ordered.set(k, 1);
    ordered.set(b + ' ' + a, -1);
  }
}
const pairScore = (w: string[]): number => {
  let s = 0;
  for (let i = 0; i + 1 < w.length; i++) s += ordered.get(w[i] + ' ' + w[i + 1]) ?? 0;
  return s;
};
console.log(`--- ordered pairs (${ordered.size / 2}), PDF lines of held-out text`);
for (const [name, ls] of [
  ['PerDT train, last 20%', perdt.slice(Math.floor(perdt.length * 0.8))],
  ['Seraji train, last 20%', seraji.slice(Math.floor(seraji.length * 0.8))],
  corpora[2]!,
  corpora[3]!,
] as const) {
  const L = pdfLines(ls, plain);
  for (const [th, size] of [[-2, 1], [-3, 10]] as const) {
    let fp = 0;
    let tp = 0;
    let nb = 0;
    for (let i = 0; i + size <= L.length; i += size) {
      nb++;
      let f = 0;
      let r = 0;
      for (let k = i; k < i + size; k++) {
        f += pairScore(L[k]!);
        r += pairScore([...L[k]!].reverse());
      }
      if (f <= th) fp++;
      if (r <= th) tp++;
    }
    console.log(`${name}: ${size} line(s), sum ≤ ${th}: ${fp} false alarms in ${nb}, ${((100 * tp) / nb).toFixed(1)}% of reversed found`);
  }
}
