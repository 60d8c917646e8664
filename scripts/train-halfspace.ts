/**
 * Trains the half-space model from correctly written text and lexicons in ../shared/data and writes
 * data/halfspace.bin (+ its manifest entry). Deterministic: same inputs, same bytes.
 *
 *   npm run train:halfspace            # train on all of text/*.txt
 *   HOLDOUT=1 npm run train:halfspace  # keep the last 5% of each text file out (for tuning), write .tmp/halfspace-tune.bin
 *   HOLDOUT=1 SERAJI_HOLDOUT=0.3 npm run train:halfspace  # keep the last 30% of the Seraji text out instead (a bigger
 *                                      # Seraji-like tuning set), write .tmp/halfspace-tune-seraji0.3.bin
 *   HOLDOUT=1 PERDT_HOLDOUT=0.3 npm run train:halfspace   # the same for the PerDT text: .tmp/halfspace-tune-perdt0.3.bin
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { isJoiner, isNonJoiner } from '../src/core/chars.js';
import {
  encodeHalfSpace,
  FLAG_ADJ,
  FLAG_HEAD_STEM,
  FLAG_NAME,
  FLAG_NUM_APART,
  FLAG_LEX,
  FLAG_PARTICIPLE,
  FLAG_VERB,
  HEAD_STEM_ENDINGS,
  NUMBER_WORDS,
  numberCompoundRest,
  type HalfSpaceData,
} from '../src/core/normalize/halfspace-model.js';
import { canon, isWordUnit, readShared, ROOT } from './lib/corpus.js';
import { updateManifest } from './lib/manifest.js';
import { prefixed } from './lib/verbs.js';

const Z = '\u200c';
const HOLDOUT = process.env.HOLDOUT === '1';

type Piece = [number, number, number, number, number];
const pieces = new Map<string, Piece>();
const forms = new Map<string, [number, number]>(); // ZWNJ form → [count, lexicon count]
const gluedWord = new Map<string, number>();
const pairZ = new Map<string, number>();
const pairS = new Map<string, number>();

const piece = (p: string): Piece => {
  let e = pieces.get(p);
  if (!e) pieces.set(p, (e = [0, 0, 0, 0, 0]));
  return e;
};
const inc = (m: Map<string, number>, k: string, by = 1): void => {
  m.set(k, (m.get(k) ?? 0) + by);
};

// ---------- 1. text ----------
/** the share of a text file held out for tuning: 5%, or SERAJI_HOLDOUT of the Seraji text, PERDT_HOLDOUT of the PerDT text */
function holdoutShare(f: string): number {
  const v = f.includes('seraji') ? process.env.SERAJI_HOLDOUT : process.env.PERDT_HOLDOUT;
  return v ? Number(v) : 0.05;
}
export function trainingLines(holdout: boolean): { train: string[]; tune: string[] } {
  const train: string[] = [];
  const tune: string[] = [];
  for (const f of ['text/perdt-train.txt', 'text/seraji-train.txt']) {
    const lines = readShared(f).split('\n').filter((l) => l.trim());
    const cut = holdout ? Math.floor(lines.length * (1 - holdoutShare(f))) : lines.length;
    train.push(...lines.slice(0, cut));
    tune.push(...lines.slice(cut));
  }
  return { train, tune };
}

function words(line: string): { w: string; spaceBefore: boolean }[] {
  const out: { w: string; spaceBefore: boolean }[] = [];
  let i = 0;
  let lastEnd = -2;
  while (i < line.length) {
    if (!isWordUnit(line.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i;
    while (j < line.length && isWordUnit(line.charCodeAt(j))) j++;
    let w = line.slice(i, j);
    let s = i;
    while (w.startsWith(Z)) (w = w.slice(1)), s++;
    while (w.endsWith(Z)) w = w.slice(0, -1);
    if (w) out.push({ w, spaceBefore: lastEnd >= 0 && s === lastEnd + 1 && line[lastEnd] === ' ' });
    lastEnd = j;
    i = j;
  }
  return out;
}

const { train } = trainingLines(HOLDOUT);
let nWords = 0;
for (const raw of train) {
  const ws = words(canon(raw));
  let prevLast = '';
  for (const { w, spaceBefore } of ws) {
    nWords++;
    const ps = w.split(Z);
    if (ps.length === 1) {
      piece(w)[2]++;
      inc(gluedWord, w);
    } else {
      const e = forms.get(w) ?? [0, 0];
      e[0]++;
      forms.set(w, e);
    }
    piece(ps[0]!)[0]++;
    for (let k = 1; k < ps.length; k++) {
      piece(ps[k]!)[1]++;
      piece(ps[k - 1]!)[4]++;
      inc(pairZ, ps[k - 1] + Z + ps[k]);
    }
    if (spaceBefore && prevLast) inc(pairS, prevLast + Z + ps[0]);
    prevLast = ps[ps.length - 1]!;
  }
}

// ---------- 2. lexicons ----------
const lexForm = (w: string): void => {
  w = canon(w.trim());
  if (!w.includes(Z)) return;
  const e = forms.get(w) ?? [0, 0];
  e[1]++;
  forms.set(w, e);
};
const flag = (p: string, f: number): void => {
  if (!p) return;
  piece(p)[3] |= f;
};

// hazm words.dat: word, frequency, POS set ("0" = no POS: not used as a word, many are misspellings; but a word written
// with a ZWNJ is a spelling someone chose: such forms count as a lexicon's, افیون‌خوری, سه‌نبش, یوسف‌نیا, which with
// shekar's compound list make the two lexicons a form the text never shows needs)
for (const line of readShared('lexicon/hazm/words.dat').split('\n')) {
  const [w0, , pos] = line.split('\t');
  if (!w0 || !pos) continue;
  if (pos === '0') {
    if (w0.includes(Z)) lexForm(w0);
    continue;
  }
  const w = canon(w0);
  if (w.includes(Z)) lexForm(w);
  else flag(w, FLAG_LEX | (/\bAJ\b/.test(pos) ? FLAG_ADJ : 0));
}
for (const line of readShared('lexicon/shekar/compound_words.csv').split('\n')) lexForm(line);
for (const line of readShared('lexicon/dadmatools/nim_fasele_pairs.tsv').split('\n')) lexForm(line.split('\t')[0] ?? '');
for (const f of ['Dic1_new.txt', 'Dic2_new.txt', 'Dic3_new.txt']) {
  for (const line of readShared(`lexicon/parsivar/${f}`).split('\n')) lexForm(line.split(' ')[1] ?? '');
}

// verbs: hazm past#present + shekar present,past
const stems = new Set<string>();
for (const line of readShared('lexicon/hazm/verbs.dat').split('\n')) if (line.includes('#')) stems.add(canon(line.trim()));
for (const line of readShared('lexicon/shekar/verbs.csv').split('\n')) {
  const [pres, past] = line.split(',');
  if (pres && past) stems.add(canon(past.trim()) + '#' + canon(pres.trim()));
}
const PAST_END = ['', 'م', 'ی', 'یم', 'ید', 'ند'];
const PRES_END = ['م', 'ی', 'د', 'یم', 'ید', 'ند'];
const PERF_END = ['ام', 'ای', 'ایم', 'اید', 'اند'];
let nVerbForms = 0;
const verbPiece = (p: string): void => {
  flag(p, FLAG_VERB);
  nVerbForms++;
};
for (const st of [...stems].sort()) {
  const [past, pres] = st.split('#');
  if (past) {
    for (const e of PAST_END) {
      verbPiece(past + e);
      flag('ن' + past + e, FLAG_VERB);
    }
    const part = past + 'ه';
    flag(part, FLAG_PARTICIPLE | FLAG_LEX);
    flag('ن' + part, FLAG_PARTICIPLE | FLAG_LEX);
    for (const e of PERF_END) lexForm(part + Z + e);
  }
  if (pres) {
    // stems in ا/آ take a glide ی before the ending (گشایم); stems in و take it or not (گویم، روم): generate both
    const glides = /[اآ]$/.test(pres) ? ['ی'] : /و$/.test(pres) ? ['', 'ی'] : [''];
    for (const g of glides) {
      for (const e of PRES_END) {
        const form = pres + g + e;
        verbPiece(form);
        flag('ب' + form, FLAG_VERB);
        flag('ن' + form, FLAG_VERB);
        // a stem in آ / ا takes ی after the prefix (بیایم، نیاید، بیندازد): as written, not بآیم
        if (/^[اآ]/.test(pres)) {
          flag(prefixed('ب', form), FLAG_VERB);
          flag(prefixed('ن', form), FLAG_VERB);
        }
      }
    }
    // the imperative: prefix + bare stem (بیا، نیا، برو، نرو، بکن، نکن) — a word of its own, not a compound's head
    // (نیا of the surnames یوسف‌نیا، کوثری‌نیا made که نیا into که‌نیا)
    flag(prefixed('ب', pres), FLAG_VERB);
    flag(prefixed('ن', pres), FLAG_VERB);
  }
}

// informal verb forms after می/نمی (the iverbs table; chat and blogs: میگیرن, نمیتونی, میدادن, میشم, میکنین, میاره):
// hazm's and shekar's informal stems (تون, دون, ش, گ, د, ر, خوا, ار, خوند, ...), the spoken ان → ون of present and
// past stems (سوزان → سوزون, خواند → خوند, توانست → تونست), the initial ا of افت / انداز dropped (میفته, میندازم), the
// informal endings (3sg ه, after ا/و د; 2pl ین; 3pl ن) on every present stem, ن / ین on every past stem.
const I_PRES_END = ['م', 'ی', 'ه', 'یم', 'ین', 'ن', 'ید'];
const I_PAST_END = ['ن', 'ین'];
const iverbs: string[] = [];
{
  const iforms = new Set<string>();
  const presForms = (st: string, all: boolean): void => {
    const vowel = /[اآو]$/.test(st);
    for (const e of all ? I_PRES_END : ['ه', 'ین', 'ن']) {
      if (e === 'ه' && vowel) continue;
      iforms.add(st + e);
    }
    if (vowel) iforms.add(st + 'د');
  };
  // the spoken ان → ون (after و: وان → ون, خواند → خوند, توانست → تونست)
  const spoken = (st: string): string | null => {
    const i = st.lastIndexOf('ان');
    if (i <= 0) return null;
    return st.charCodeAt(i - 1) === 0x0648 ? st.slice(0, i) + 'ن' + st.slice(i + 2) : st.slice(0, i) + 'ون' + st.slice(i + 2);
  };
  const pastForms = (st: string, all: boolean): void => {
    for (const e of all ? [...PAST_END, ...I_PAST_END] : I_PAST_END) iforms.add(st + e);
  };
  // the initial ا of افت / انداز dropped after می, ن, ب (میفته, نیفتاد, میندازم, مینداختم)
  const dropA = (st: string): string | null => (/^ا[فن]/.test(st) && st.length >= 3 ? st.slice(1) : null);
  for (const st of [...stems].sort()) {
    const [past, pres] = st.split('#');
    // the stem with the spoken endings only; its spoken variants with every ending
    for (const [stem, forms] of [[pres, presForms], [past, pastForms]] as const) {
      if (!stem) continue;
      forms(stem, false);
      for (const v of [spoken(stem), dropA(stem)]) if (v) forms(v, true);
    }
  }
  // hazm's informal present stems (iverbs.dat: past#present informal-present) and shekar's (verbs.csv: present, past,
  // informal present, informal past)
  for (const line of readShared('lexicon/hazm/iverbs.dat').split('\n')) {
    const f = line.trim().split(/\s+/);
    if (f.length < 2 || !f[0]!.includes('#')) continue;
    const st = canon(f[1]!);
    // آمدن: آ is written ا after می (میام, میاد, میان)
    presForms(st === 'آ' ? 'ا' : st, true);
  }
  for (const line of readShared('lexicon/shekar/verbs.csv').split('\n')) {
    const f = line.split(',').map((x) => canon(x.trim()));
    if (f[2]) presForms(f[2], true);
    if (f[3]) pastForms(f[3], true);
  }
  // a spoken stem neither list has: شین of نشستن (می‌شینم, بشین)
  presForms('شین', true);
  // (forms in ا are kept for the tokenizer, which must not split میام into می + ام, but the half-space step leaves
  // them glued: chat writes آ as ا after می, میام, میاد, میاره, and می‌ام is no spelling)
  iverbs.push(...[...iforms].sort());
}

// informal spellings of words (خونه, دونه, یه), for the rule on chat's plurals + clitics (خونهات is خونه‌ات, not
// خون‌هات): hazm iwords.dat and shekar informal_words.csv, first column
const iwords = new Set<string>();
for (const line of readShared('lexicon/hazm/iwords.dat').split('\n')) {
  const w = canon(line.trim().split(/\s+/)[0] ?? '');
  if (w && !w.includes(' ')) iwords.add(w);
}
for (const line of readShared('lexicon/shekar/informal_words.csv').split('\n')) {
  const w = canon((line.split(',')[0] ?? '').trim());
  if (w && !w.includes(' ')) iwords.add(w);
}

// the copula and its negative: هستم ... ، نیستم ...
for (const e of PAST_END) {
  verbPiece('هست' + e);
  verbPiece('نیست' + e);
}

// verb stems that head compounds (FLAG_HEAD_STEM): over the word types of the text made of a known word ending in a
// joining letter + the stem (+ one of HEAD_STEM_ENDINGS), count those written with a ZWNJ at that junction and those
// written glued; a stem is flagged when at least HEAD_MIN types take the ZWNJ and they are HEAD_SHARE of all
// (فروش 23 : 1, ساز 84 : 3, گیر 40 : 4 are; دار 60 : 23, کار 35 : 25, گوی 15 : 6 are not)
const HEAD_MIN = Number(process.env.HEAD_MIN ?? 3);
const HEAD_SHARE = Number(process.env.HEAD_SHARE ?? 0.9);
let nHeadStems = 0;
{
  const stemSet = new Set<string>();
  for (const st of stems) for (const x of st.split('#')) if (x.length >= 3) stemSet.add(x);
  const knownWord = (a: string): boolean => {
    const e = pieces.get(a);
    return !!e && (e[0] + e[2] >= 2 || (e[3] & FLAG_LEX) !== 0);
  };
  const zTypes = new Map<string, number>();
  const gTypes = new Map<string, number>();
  const types = [...[...forms].filter(([, e]) => e[0] > 0).map(([f]) => f), ...gluedWord.keys()].sort();
  for (const t of types) {
    const bare = t.replaceAll(Z, '');
    if (pieces.get(bare)?.[3] && (pieces.get(bare)![3] & FLAG_LEX) !== 0) continue; // a listed word: not a compound to learn from
    // the junctions written with a ZWNJ, as positions in the bare word
    const zAt = new Set<number>();
    for (let i = 0, k = 0; i < t.length; i++) if (t.charCodeAt(i) === 0x200c) zAt.add(k);
    else k++;
    // the first (shortest) known head word followed by a stem + ending that uses up the rest
    found: for (let k = 2; k <= bare.length - 3; k++) {
      if (!isJoiner(bare.charCodeAt(k - 1)) || !knownWord(bare.slice(0, k))) continue;
      // (a ZWNJ elsewhere than at k, before k, means the head is not bare.slice(0, k))
      for (const z of zAt) if (z < k) continue found;
      const rest = bare.slice(k);
      for (const e of HEAD_STEM_ENDINGS) {
        if (!rest.endsWith(e)) continue;
        const stem = rest.slice(0, rest.length - e.length);
        if (!stemSet.has(stem)) continue;
        inc(zAt.has(k) ? zTypes : gTypes, stem);
        break found;
      }
    }
  }
  for (const [stem, z] of zTypes) {
    if (z >= HEAD_MIN && z >= HEAD_SHARE * (z + (gTypes.get(stem) ?? 0))) {
      flag(stem, FLAG_HEAD_STEM);
      nHeadStems++;
    }
  }
}

// words after a cardinal number (a number word or digits): typed apart (شش ماهه, 2 ماهه) or with a ZWNJ (سه‌ماهه);
// one typed apart at least as often is flagged FLAG_NUM_APART (the lexicon join leaves it apart after a number word)
{
  const apart = new Map<string, number>();
  const joined = new Map<string, number>();
  const DIGITS = /^[0-9\u06f0-\u06f9\u0660-\u0669]+$/;
  const LETTERS = /^[\u0621-\u064a\u067e\u0686\u0698\u06a9\u06af\u06cc\u0654\u200c]+/;
  for (const raw of train) {
    const ts = canon(raw).split(/\s+/);
    for (let i = 0; i < ts.length; i++) {
      const t = ts[i]!;
      const z = t.indexOf(Z);
      if (z > 0 && NUMBER_WORDS.has(t.slice(0, z))) {
        const m = LETTERS.exec(t.slice(z + 1));
        if (m) inc(joined, m[0].replaceAll('\u0654', '').split(Z)[0]!);
      }
      if (i + 1 < ts.length && (NUMBER_WORDS.has(t) || DIGITS.test(t))) {
        const m = LETTERS.exec(ts[i + 1]!);
        if (m) inc(apart, m[0].replaceAll('\u0654', '').split(Z)[0]!);
      }
    }
  }
  // written glued (چهارساله, صدساله): a word of the text that is a whole number word + a word that goes with numbers
  // (numberCompoundRest: not سیاست, سی + است)
  const joinedZ = new Map(joined);
  for (const [w, n] of gluedWord) {
    const b = numberCompoundRest(w, (x) => (apart.get(x) ?? 0) + (joinedZ.get(x) ?? 0), (x) => (gluedWord.get(x) ?? 0) + (joinedZ.get(x) ?? 0));
    if (b !== null) inc(joined, b, n);
  }
  for (const [b, n] of apart) if (n >= (joined.get(b) ?? 0) && pieces.has(b)) flag(b, FLAG_NUM_APART);
}

// parts of persons' names (FLAG_NAME): a word tagged PER in ParsTwiNER's train tweets or PROPN in the early PerDT train
// slice at least as often as it is tagged anything else there, and never seen after a ZWNJ in the text (not the surnames'
// heads نژاد, پور, which head compounds too); only words that are already pieces (a lexicon's or the text's) are
// flagged, so that no name adds a piece the other rules would read
{
  const name = new Map<string, number>();
  const other = new Map<string, number>();
  for (const line of readShared('ner/parstwiner/train.txt').replace(/\r\n?/g, '\n').split('\n')) {
    const [w, tag] = line.split('\t');
    if (!w || !tag) continue;
    inc(tag.trim().endsWith('PER') ? name : other, canon(w));
  }
  for (const line of readShared('ud/fa_perdt-train-slice-early.conllu').split('\n')) {
    const c = line.split('\t');
    if (c.length < 4 || !/^\d+$/.test(c[0]!)) continue;
    inc(c[3] === 'PROPN' ? name : other, canon(c[1]!));
  }
  for (const [w, n] of name) {
    const e = pieces.get(w);
    if (e && n >= (other.get(w) ?? 0) && e[1] === 0 && !w.includes(Z)) e[3] |= FLAG_NAME;
  }
}

// ---------- 3. assemble ----------
const data: HalfSpaceData = {
  meta: {
    name: 'halfspace',
    trainedOn: HOLDOUT ? 'text/*.txt minus last 5% per file' : 'text/perdt-train.txt + text/seraji-train.txt',
    lexicons: ['hazm words.dat + verbs.dat + iverbs.dat + iwords.dat', 'shekar informal_words', 'shekar compound_words + verbs', 'dadmatools nim_fasele_pairs', 'parsivar Dic1-3', 'names: ParsTwiNER train PER, early PerDT train slice PROPN'],
    sentences: train.length,
    words: nWords,
    license: 'CC BY-SA 4.0 (PerDT, Seraji text); MIT (hazm, shekar, parsivar, ParsTwiNER); Apache-2.0 (DadmaTools)',
  },
  pieces: new Map(),
  forms: new Map(),
  pairs: new Map(),
  attach: new Map(),
  iverbs,
  iwords: [...iwords],
};
// suffix attachment by word types: after which final letters does a suffix piece follow a ZWNJ, and after which is it
// written glued to a known stem?
{
  const za = new Map<string, number>();
  const ga = new Map<string, number>();
  for (const f of forms.keys()) {
    if (!(forms.get(f)![0] > 0)) continue;
    const ps = f.split(Z);
    for (let k = 1; k < ps.length; k++) inc(za, ps[k - 1]!.slice(-1) + '\t' + ps[k]);
  }
  const suffixes = new Set<string>();
  for (const [p, e] of pieces) if (e[1] >= 3) suffixes.add(p);
  const known = (stem: string): boolean => {
    const e = pieces.get(stem);
    return !!e && e[0] + e[2] >= 2;
  };
  for (const w of gluedWord.keys()) {
    for (let k = 2; k < w.length; k++) {
      if (!isJoiner(w.charCodeAt(k - 1))) continue;
      const suf = w.slice(k);
      if (suffixes.has(suf) && known(w.slice(0, k))) inc(ga, w[k - 1] + '\t' + suf);
    }
  }
  for (const k of new Set([...za.keys(), ...ga.keys()])) data.attach.set(k, [za.get(k) ?? 0, ga.get(k) ?? 0]);
}
// keep one form per key: the most frequent (text count first, then lexicon count)
const bestForm = new Map<string, [string, number, number]>();
for (const [f, [c, l]] of forms) {
  // drop forms that put a ZWNJ after a non-joiner (they cannot appear after canon) and forms of one piece
  const key = f.replaceAll(Z, '');
  const prev = bestForm.get(key);
  if (!prev || c > prev[1] || (c === prev[1] && (l > prev[2] || (l === prev[2] && f < prev[0])))) bestForm.set(key, [f, c, l]);
}
for (const [key, [f, c, l]] of bestForm) {
  const g = gluedWord.get(key) ?? 0;
  // count: text count, or 1 for a lexicon-only form; glued: how often the key is written without ZWNJ
  data.forms.set(f, [c, g, l]);
}
for (const [p, e] of pieces) {
  if (!p) continue;
  data.pieces.set(p, e);
}
for (const [k, z] of pairZ) data.pairs.set(k, [z, pairS.get(k) ?? 0]);
// space pairs that are frequent where both pieces also occur joined elsewhere are kept too, so the decoder knows
// that e.g. "به" + space + "عنوان" is the norm
for (const [k, s] of pairS) if (!pairZ.has(k) && s >= 3) data.pairs.set(k, [0, s]);

void isNonJoiner;
const bytes = encodeHalfSpace(data);
const outPath = HOLDOUT
  ? `${ROOT}.tmp/halfspace-tune${process.env.PERDT_HOLDOUT ? `-perdt${process.env.PERDT_HOLDOUT}` : ''}${process.env.SERAJI_HOLDOUT ? `-seraji${process.env.SERAJI_HOLDOUT}` : ''}.bin`
  : `${ROOT}data/halfspace.bin`;
mkdirSync(outPath.replace(/[^/]+$/, ''), { recursive: true });
writeFileSync(outPath, bytes);
if (!HOLDOUT) updateManifest('halfspace.bin', bytes, String(data.meta.license));
console.log(
  `wrote ${outPath}: ${bytes.length} bytes (${gzipSync(bytes, { level: 9 }).length} gzipped), sha256 ${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}…; ` +
    `${data.pieces.size} pieces, ${data.forms.size} forms, ${data.pairs.size} pairs, ${nWords} training words, ${nVerbForms} verb forms, ${iverbs.length} informal verb forms, ${nHeadStems} compound-heading stems`,
);
