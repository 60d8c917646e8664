/**
 * Scores the normalizer's `keyboard: 'fix'` (Persian typed with the keyboard on the English layout) both ways:
 *
 * 1. Recovery. Persian sentences are "typed on the English layout": every Persian letter becomes the US key it sits on
 *    (standard layout; ژ → C, آ → H), a ZWNJ becomes a space (shift+space types one there), Persian digits Latin ones,
 *    ؟ a ?; other marks stay (the sentences are first made typable: ؤ → و, أ → ا, no ٔ ً or other harakat, no lone ء).
 *    normalize(typed, { keyboard: 'fix' }) is compared with normalize(that sentence): the share of
 *    sentences restored exactly, and of words (whitespace tokens, aligned by position when the counts agree).
 *    Validation: the `# text` of our UD validation splits (PerDT and Seraji dev tails), which the half-space model never
 *    saw. SET=dev: 2,000 lines of PerDT train text (the model's own corpus) — where the rule was chosen.
 * 2. False rewrites. English prose and code: the READMEs of the packages in node_modules (pinned by package-lock) and
 *    TypeScript's lib.dom.d.ts (comments and identifiers); and real Persian text with its Latin words as they are (the
 *    validation sentences untyped; the ParsTwiNER dev tweets, our NER validation set). Counted: Latin words rewritten per 1,000 Latin words.
 *    SET=dev uses the READMEs of packages whose name starts with a-m, validation n-z and lib.dom.d.ts.
 *
 *   npm run eval:keyboard            # writes bench/results/keyboard-eval.json
 *   SET=dev npm run eval:keyboard
 *   EVAL_OUT=- ...                   # print the figures as one JSON line too, write nothing (conformance test)
 *   SHOW=1 ...                       # print the failures and the false rewrites
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalize } from '../src/node/index.js';
import { haveShared, readShared, ROOT } from './lib/corpus.js';
import { conlluBlocks, selectBlocks, SPLITS } from './lib/splits.js';

if (!haveShared()) {
  console.log('SKIP eval:keyboard: ../shared/data not found (set DABIR_SHARED)');
  process.exit(0);
}
const dev = process.env.SET === 'dev';
const SHOW = !!process.env.SHOW;

const LAYOUT: Record<string, string> = {
  ض: 'q', ص: 'w', ث: 'e', ق: 'r', ف: 't', غ: 'y', ع: 'u', ه: 'i', خ: 'o', ح: 'p', ج: '[', چ: ']',
  ش: 'a', س: 's', ی: 'd', ب: 'f', ل: 'g', ا: 'h', ت: 'j', ن: 'k', م: 'l', ک: ';', گ: "'",
  ظ: 'z', ط: 'x', ز: 'c', ر: 'v', ذ: 'b', د: 'n', پ: 'm', و: ',', ژ: 'C', آ: 'H', ئ: 'm', '\u200c': ' ', '؟': '?',
};
/** letters and marks off the keys the layout map covers are typed as their base letter (ؤ → و, أ → ا) or not at all (ٔ ً) */
const typable = (s: string): string => s.replace(/[ؤ]/g, 'و').replace(/[أإ]/g, 'ا').replace(/[\u064b-\u065f\u0670]/g, '').replace(/ة/g, 'ه').replace(/ء/g, '');
const typed = (s: string): string => [...s].map((c) => LAYOUT[c] ?? (c >= '۰' && c <= '۹' ? String(c.charCodeAt(0) - 0x06f0) : c)).join('');

const textOf = (block: string): string => {
  const line = block.split('\n').find((l) => l.startsWith('# text = '));
  return line ? line.slice(9).replace(/[ \t]+$/, '') : '';
};

// ---- 1. recovery --------------------------------------------------------------------------------------------------
const persian: string[] = dev
  ? readShared('text/perdt-train.txt').split('\n').filter(Boolean).slice(0, 2000)
  : ['perdt', 'seraji'].flatMap((name) => selectBlocks(conlluBlocks(readShared(SPLITS[name]!.file).replace(/\r\n?/g, '\n')), SPLITS[name]!.validation).map(textOf)).filter(Boolean);
let exact = 0;
let folded = 0;
/** the text with ZWNJs as spaces: the half-space repair of text that lost its ZWNJs is scored by \`npm run eval\`, not here */
const fold = (s: string): string => s.replace(/\u200c/g, ' ');
let words = 0;
let wordsRight = 0;
for (const sentence of persian) {
  const s = typable(sentence);
  const want = normalize(s);
  const got = normalize(typed(s), { keyboard: 'fix' });
  if (got === want) exact++;
  if (fold(got) === fold(want)) folded++;
  else if (SHOW) console.log(`MISS\t${want}\n\t${got}`);
  const w = fold(want).split(/\s+/);
  const g = fold(got).split(/\s+/);
  words += w.length;
  if (w.length === g.length) for (let i = 0; i < w.length; i++) if (w[i] === g[i]) wordsRight++;
}

// ---- 2. false rewrites --------------------------------------------------------------------------------------------
const latinWords = (s: string): number => (s.match(/[A-Za-z][A-Za-z';,[\]\\]*/g) ?? []).length;
/** Latin words that the fix rewrote: normalize with and without it differ there */
function rewrites(text: string): { words: number; changed: number; examples: string[] } {
  let changed = 0;
  const examples: string[] = [];
  let wordsN = 0;
  for (const line of text.split('\n')) {
    wordsN += latinWords(line);
    const a = normalize(line);
    const b = normalize(line, { keyboard: 'fix' });
    if (a === b) continue;
    const aw = a.split(/\s+/);
    const bw = b.split(/\s+/);
    for (let i = 0; i < Math.max(aw.length, bw.length); i++) {
      if (aw[i] !== bw[i]) {
        changed++;
        if (examples.length < 50) examples.push(`${aw[i]} → ${bw[i]}`);
      }
    }
  }
  return { words: wordsN, changed, examples };
}
const nm = join(ROOT, 'node_modules');
const readmes: string[] = [];
for (const name of readdirSync(nm).sort()) {
  const dirs = name.startsWith('@') ? readdirSync(join(nm, name)).map((d) => join(name, d)) : [name];
  for (const d of dirs) {
    const f = ['README.md', 'readme.md', 'Readme.md'].map((r) => join(nm, d, r)).find(existsSync);
    const base = d.replace(/^@[^/]+\//, '');
    if (f && (dev ? base < 'n' : base >= 'n')) readmes.push(readFileSync(f, 'utf8'));
  }
}
const english: Record<string, string> = { 'English READMEs': readmes.join('\n') };
if (!dev) english['TypeScript lib.dom.d.ts'] = readFileSync(join(nm, 'typescript/lib/lib.dom.d.ts'), 'utf8');
if (!dev) english['Persian validation text, as written'] = persian.join('\n');
if (!dev) english['ParsTwiNER dev tweets (as written)'] = readShared('ner/parstwiner/dev.txt').split(/\n\s*\n/).map((b) => b.split('\n').map((l) => l.split(/\s+/)[0]).join(' ')).join('\n');
const fa: Record<string, { words: number; changed: number; perThousand: number }> = {};
for (const [name, text] of Object.entries(english)) {
  const r = rewrites(text);
  fa[name] = { words: r.words, changed: r.changed, perThousand: Math.round((r.changed / Math.max(1, r.words)) * 1e5) / 100 };
  if (SHOW) for (const e of r.examples) console.log(`REWRITE\t${name}\t${e}`);
}

const result = {
  recovery: { sentences: persian.length, exact: Math.round((exact / persian.length) * 1e4) / 100, exactButZwnj: Math.round((folded / persian.length) * 1e4) / 100, words, wordsRight: Math.round((wordsRight / words) * 1e4) / 100 },
  falseRewrites: fa,
};
console.log(`Keyboard layout fix${dev ? ' (development sets)' : ' (validation sets)'}\n`);
console.log(`Recovery: ${persian.length} sentences typed on the English layout: ${result.recovery.exact}% restored exactly (${result.recovery.exactButZwnj}% but for ZWNJs), ${result.recovery.wordsRight}% of ${words} words (ZWNJ read as space)`);
console.log('\n| text | Latin words | rewritten | per 1,000 |\n|---|---|---|---|');
for (const [name, r] of Object.entries(fa)) console.log(`| ${name} | ${r.words} | ${r.changed} | ${r.perThousand} |`);
if (process.env.EVAL_OUT === '-') console.log('JSON:' + JSON.stringify(result));
else if (!dev) {
  mkdirSync(`${ROOT}bench/results`, { recursive: true });
  writeFileSync(`${ROOT}bench/results/keyboard-eval.json`, JSON.stringify(result, null, 2) + '\n');
}
