/**
 * Builds the lemmatizer data (data/lemma.bin + its manifest entry) from the TRAIN ranges of the treebanks
 * (scripts/lib/splits.ts) and the lexicons in ../shared/data, then evaluates on the VALIDATION ranges.
 * Deterministic: same inputs, same bytes.
 *
 *   npm run train:lemmatizer             # build data/lemma.bin, then print the validation table
 *   EVAL_ONLY=1 npm run train:lemmatizer # evaluate the committed data/lemma.bin only
 *   TUNE=1 npm run train:lemmatizer      # development: hold out the last 20% of the PerDT/Seraji train ranges,
 *                                        # evaluate there (validation untouched), write .tmp/lemma-tune.bin and
 *                                        # the errors to .tmp/lemma-errors.tsv
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { readConllu } from '../src/core/formats/conllu.js';
import { createLemmatizer, createRuleLemmatizer, type Lemmatizer } from '../src/core/lemmatize/index.js';
import {
  decodeLemmaData,
  encodeLemmaData,
  type LemmaData,
  POS_ADJ,
  POS_ADV,
  POS_GOLD,
  POS_NOUN,
  POS_NUM,
  POS_OTHER,
  POS_PRON,
  POS_PROPN,
} from '../src/core/lemmatize/data.js';
import { chooseNominal, nominalCandidates } from '../src/core/lemmatize/nominal.js';
import { lemmaKey } from '../src/core/lemmatize/index.js';
import { readShared, ROOT } from './lib/corpus.js';
import { updateManifest } from './lib/manifest.js';
import { conlluBlocks, selectBlocks, SPLITS } from './lib/splits.js';

const TUNE = process.env.TUNE === '1';
const EVAL_ONLY = process.env.EVAL_ONLY === '1';
const LICENSE =
  'CC BY-SA 4.0 (UD Persian-PerDT, UD Persian-Seraji); CC0 1.0 (iPerUDT); MIT (hazm, shekar, Parsivar); Apache-2.0 (lilak)';

interface Tok {
  form: string;
  upos: string;
  lemma: string;
  /** past#present pair when the source gives one */
  pair?: [string, string];
}

const EARLY_UPOS: Record<string, string> = { PREM: 'DET', IDEN: 'NOUN', PSUS: 'INTJ', PART: 'PART' };

/** past#present → past stem (or the present when the past is empty: #است → است) */
function mapLemma(l: string): string {
  const i = l.indexOf('#');
  if (i < 0) return l;
  const past = l.slice(0, i);
  return past || l.slice(i + 1);
}

function tokens(name: string, part: 'train' | 'validation', slice?: 'head' | 'tail'): Tok[] {
  const sp = SPLITS[name]!;
  let blocks = selectBlocks(conlluBlocks(readShared(sp.file)), sp[part]);
  if (slice) {
    const cut = Math.floor(blocks.length * 0.8);
    blocks = slice === 'head' ? blocks.slice(0, cut) : blocks.slice(cut);
  }
  const out: Tok[] = [];
  for (const w of readConllu(blocks.join('\n\n')).words) {
    if (w.lemma === undefined || w.upos === undefined) continue;
    let upos = w.upos;
    if (name === 'perdtEarly') upos = EARLY_UPOS[upos] ?? upos;
    const raw = w.lemma;
    let pair: [string, string] | undefined;
    const orig = /(?:^|\|)OrigLemma=([^|]*)/.exec(w.misc ?? '')?.[1];
    const pl = raw.includes('#') ? raw : orig && orig.includes('#') ? orig : undefined;
    if (pl) {
      const [a, b] = pl.split('#') as [string, string];
      pair = [a.replace(/\u200c/g, ''), b.replace(/\u200c/g, '')];
    }
    let lemma = mapLemma(raw).replace(/^\u200c+|\u200c+$/g, '');
    // the early conversion gives passive شدن the lemma of the active verb; current PerDT keeps شد
    if (name === 'perdtEarly' && lemma === 'کرد' && /شد|شو|ش$/.test(w.form)) lemma = 'شد';
    out.push({ form: w.form, upos, lemma, ...(pair ? { pair } : {}) });
  }
  return out;
}

const WEIGHT: Record<string, number> = { perdt: 3, seraji: 3, iperudtTrain: 1, perdtEarly: 1 };

function trainTokens(): Record<string, Tok[]> {
  return {
    perdt: tokens('perdt', 'train', TUNE ? 'head' : undefined),
    seraji: tokens('seraji', 'train', TUNE ? 'head' : undefined),
    iperudtTrain: tokens('iperudtTrain', 'train'),
    perdtEarly: tokens('perdtEarly', 'train'),
  };
}

// ---------------------------------------------------------------- lexicons
function readVerbs(train: Record<string, Tok[]>): LemmaData['verbs'] {
  // past → present stems (ordered, deduped)
  const pres = new Map<string, string[]>();
  const add = (past: string, present: string): void => {
    past = past.trim().replace(/\u200c/g, '');
    present = present.trim().replace(/\u200c/g, '');
    // a stem listed both formally and informally is formal
    if (present.startsWith('~') && (pres.get(past || present)?.includes(present.slice(1)) ?? false)) return;
    if (!present.startsWith('~')) {
      const l0 = pres.get(past || present);
      const j = l0?.indexOf('~' + present) ?? -1;
      if (l0 && j >= 0) l0.splice(j, 1);
    }
    if (!past && !present) return;
    const key = past || present;
    const l = pres.get(key) ?? [];
    if (present && !l.includes(present)) l.push(present);
    pres.set(key, l);
  };
  for (const line of readShared('lexicon/hazm/verbs.dat').split('\n')) {
    if (!line.trim()) continue;
    const [p, s] = line.trim().split('#') as [string, string];
    add(p, s ?? '');
  }
  for (const line of readShared('lexicon/hazm/iverbs.dat').split('\n')) {
    const f = line.trim().split(/\s+/);
    if (f.length < 2) continue;
    const [p, s] = f[0]!.split('#') as [string, string];
    add(p, s ?? '');
    if (f[1] !== s) add(p, '~' + f[1]!);
  }
  for (const line of readShared('lexicon/shekar/verbs.csv').split('\n')) {
    const f = line.trim().split(',');
    if (f.length < 2 || !f[1]) continue;
    add(f[1], f[0] ?? '');
    if (f[2] && f[2] !== f[0]) add(f[1], '~' + f[2]);
  }
  for (const line of readShared('lexicon/parsivar/verb_tense.txt').split('\n')) {
    const f = line.trim().split(/\t/);
    if (f.length >= 2) add(f[0]!, f[1]!);
  }
  const lilak = readShared('lexicon/lilak/verbs.htm');
  for (const m of lilak.matchAll(/<td bgcolor="#eeeeee">[^<]*<\/td><td>([^<]*)<\/td><td>([^<]*)<\/td>/g)) {
    if (m[1]) add(m[1], m[2] ?? '');
  }
  const weight = new Map<string, number>();
  for (const [src, toks] of Object.entries(train)) {
    for (const t of toks) {
      if (t.pair) add(t.pair[0], t.pair[1]);
      if (t.upos === 'VERB' || t.upos === 'AUX') {
        weight.set(t.lemma, (weight.get(t.lemma) ?? 0) + WEIGHT[src]!);
        if (!t.pair && t.lemma && /^[\u0600-\u06ff\u200c]+$/.test(t.lemma) && !pres.has(t.lemma)) add(t.lemma, '');
      }
    }
  }
  const out: LemmaData['verbs'] = [];
  for (const [past, list] of pres) {
    if (/[^\u0600-\u06ff]/.test(past) || list.some((s) => /[^\u0600-\u06ff~]/.test(s))) continue;
    out.push([past, weight.get(past) ?? 0, ...list]);
  }
  return out;
}

function readLexicon(train: Record<string, Tok[]>, withGold: boolean): Map<string, number> {
  const lex = new Map<string, number>();
  const set = (w: string, bits: number): void => {
    w = lemmaKey(w.trim());
    if (!w || /[^\u0600-\u06ff\u200c]/.test(w)) return;
    lex.set(w, (lex.get(w) ?? 0) | bits);
  };
  const HAZM: Record<string, number> = {
    N: POS_NOUN, AJ: POS_ADJ, ADV: POS_ADV, PRO: POS_PRON, NUM: POS_NUM, DET: POS_OTHER, P: POS_OTHER, POSTP: POS_OTHER,
    CONJ: POS_OTHER, INT: POS_OTHER, CL: POS_OTHER, RES: POS_NOUN,
  };
  for (const line of readShared('lexicon/hazm/words.dat').split('\n')) {
    const f = line.split('\t');
    if (f.length < 3 || f[2] === '0') continue;
    let bits = 0;
    for (const p of f[2]!.trim().split(',')) bits |= HAZM[p] ?? 0;
    if (bits) set(f[0]!, bits);
  }
  const LILAK: Record<string, number> = {
    noun_singular: POS_NOUN, adjective: POS_ADJ, adverb: POS_ADV, pronoun: POS_PRON, numeral: POS_NUM,
    adposition: POS_OTHER, conjunction: POS_OTHER, interjection: POS_OTHER, determiner: POS_OTHER, classifier: POS_OTHER,
  };
  for (const line of readShared('lexicon/lilak/lexicon').split('\n')) {
    if (line.startsWith('#')) continue;
    const f = line.split(',');
    const bits = LILAK[f[1] ?? ''];
    if (bits) set(f[0]!, bits);
  }
  if (withGold) {
    const UP: Record<string, number> = {
      NOUN: POS_NOUN, PROPN: POS_PROPN, ADJ: POS_ADJ, ADV: POS_ADV, PRON: POS_PRON, NUM: POS_NUM, DET: POS_OTHER, ADP: POS_OTHER,
      CCONJ: POS_OTHER, SCONJ: POS_OTHER, PART: POS_OTHER, INTJ: POS_OTHER,
    };
    for (const toks of Object.values(train)) for (const t of toks) if (UP[t.upos]) set(t.lemma, UP[t.upos]! | POS_GOLD);
  }
  return lex;
}

function readPlurals(): Map<string, string> {
  const m = new Map<string, string>();
  for (const line of readShared('lexicon/parsivar/mokasar.txt').split('\n')) {
    const f = line.trim().split(/\t/);
    if (f.length >= 2 && f[0] && f[1]) m.set(lemmaKey(f[0].trim()), lemmaKey(f[1].trim()));
  }
  const j = JSON.parse(readShared('lexicon/parsivar/stem_irregularNounDict.pckl.json')) as Record<string, string>;
  for (const [k, v] of Object.entries(j)) if (k.trim() && v.trim() && !m.has(lemmaKey(k.trim()))) m.set(lemmaKey(k.trim()), lemmaKey(v.trim()));
  return m;
}

/**
 * Arabic broken plurals of the plural words the lexicons list (lilak noun_plural, hazm PL): each plural pattern
 * proposes singular patterns (digits are the root letters in order); a proposal counts only when the lexicon
 * lists it as a noun or adjective, and the most frequent proposal (hazm frequencies) wins.
 */
const BROKEN: [string, string[]][] = [
  ['ا12ا3', ['123', '123ه', '1ا23', '12ی3']],
  ['آ1ا2', ['ا12', 'ا12ه']],
  ['12و3', ['123', '123ه', '1ا23']],
  ['م1ا23', ['م123', 'م123ه', 'م12ا3']],
  ['م1ا2ی3', ['م12و3', 'م12ا3', 'م12ی3']],
  ['12ا3ی4', ['123ا4', '123و4', '1ا3و4', '123ی4', '1ا34']],
  ['1وا23', ['1ا23', '1ا23ه']],
  ['1وا2ی', ['1ا2یه', '1ا2ی']],
  ['12ائ3', ['12ی3', '12ی3ه', '12ی3ت', '12ا3ه', '12ا3', '123ت']],
  ['12ای3', ['12ی3', '12ی3ه', '12ی3ت', '12ا3ه', '12ا3', '123ت']],
  ['123ا', ['12ی3', '1ا23']],
  ['123اء', ['12ی3', '1ا23']],
  ['ا123ه', ['12ا3', '12ی3']],
  ['12ا3', ['123', '123ه']],
  ['ا1ا23', ['ا123']],
  ['م1ا2ی', ['م12یت', 'م12ا', 'م12ی', 'م12ی']],
];

function derivePlurals(lexicon: Map<string, number>, plurals: Map<string, string>): void {
  const freq = new Map<string, number>();
  for (const line of readShared('lexicon/hazm/words.dat').split('\n')) {
    const f = line.split('\t');
    if (f.length >= 2) freq.set(lemmaKey(f[0]!), Number(f[1]) || 0);
  }
  const words = new Set<string>();
  for (const line of readShared('lexicon/lilak/lexicon').split('\n')) {
    const f = line.split(',');
    if (f[1] === 'noun_plural') words.add(lemmaKey(f[0]!.trim()));
  }
  for (const line of readShared('lexicon/hazm/words.dat').split('\n')) {
    const f = line.split('\t');
    if (f.length >= 3 && f[2]!.split(',').includes('PL')) words.add(lemmaKey(f[0]!.trim()));
  }
  const match = (w: string, pat: string): string[] | undefined => {
    if (w.length !== pat.length) return undefined;
    const root: string[] = [];
    for (let i = 0; i < pat.length; i++) {
      const p = pat[i]!;
      if (p >= '1' && p <= '9') root[Number(p)] = w[i]!;
      else if (p !== w[i]) return undefined;
    }
    return root;
  };
  for (const w of [...words].sort()) {
    if (plurals.has(w) || w.includes('\u200c')) continue;
    const cands: string[] = [];
    for (const [pat, sings] of BROKEN) {
      const root = match(w, pat);
      if (!root) continue;
      for (const s of sings) {
        const c = s.replace(/[1-9]/g, (d) => root[Number(d)] ?? '');
        cands.push(c);
        // geminate roots: حقوق → حق, فنون → فن
        if (c.length > 2 && c[c.length - 1] === c[c.length - 2]) cands.push(c.slice(0, -1));
      }
    }
    let best: string | undefined;
    for (const c of cands) {
      if (c === w || !((lexicon.get(c) ?? 0) & (POS_NOUN | POS_ADJ))) continue;
      if (best === undefined || (freq.get(c) ?? 0) > (freq.get(best) ?? 0)) best = c;
    }
    if (best !== undefined) plurals.set(w, best);
  }
}

// ---------------------------------------------------------------- majority tables
type Votes = Map<string, Map<string, number>>;
const vote = (m: Votes, k: string, lemma: string, w: number): void => {
  let e = m.get(k);
  if (!e) m.set(k, (e = new Map()));
  e.set(lemma, (e.get(lemma) ?? 0) + w);
};
const winner = (e: Map<string, number>): string =>
  [...e.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))[0]![0];

const NOMINAL_UPOS = new Set(['NOUN', 'PROPN', 'ADJ', 'ADV', 'PRON', 'DET', 'NUM', 'ADP']);

function build(): LemmaData {
  const train = trainTokens();
  const verbs = readVerbs(train);
  const lexicon = readLexicon(train, true);
  const plurals = readPlurals();
  derivePlurals(lexicon, plurals);

  // majority lemma per (form, UPOS) and per form
  const byFU: Votes = new Map();
  const byF: Votes = new Map();
  for (const [src, toks] of Object.entries(train)) {
    for (const t of toks) {
      vote(byFU, t.form + '\t' + t.upos, t.lemma, WEIGHT[src]!);
      vote(byF, t.form, t.lemma, WEIGHT[src]!);
    }
  }

  // broken plurals seen in training that no suffix chain explains (افراد → فرد)
  for (const [k, e] of byFU) {
    const [form, upos] = k.split('\t') as [string, string];
    if (upos !== 'NOUN' && upos !== 'ADJ' && upos !== 'PROPN') continue;
    const gold = winner(e);
    const n = lemmaKey(form);
    if (gold === n || plurals.has(n) || n.length < 3) continue;
    if (!nominalCandidates(n, upos, lexicon, plurals).some((c) => c.lemma === gold)) {
      // only when the form looks like a whole word, not an inflected one
      if (!/(ها|های|ان|ات|ی|ش|م|ت|ٔ)$/.test(n) || /^ا.+ا.$/.test(n)) plurals.set(n, gold);
    }
  }

  // suffix statistics over word types, cross-fitted: the gold lemmas of a type's own fold are not in the lexicon
  const stats = new Map<string, [number, number]>();
  const K = 5;
  const foldOf = (s: string): number => {
    let h = 0;
    for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) >>> 0;
    return h % K;
  };
  const baseLex = readLexicon(train, false);
  const goldLex = new Map<string, [number, number][]>(); // lemma → [fold, bits]
  {
    const UP: Record<string, number> = {
      NOUN: POS_NOUN, PROPN: POS_PROPN, ADJ: POS_ADJ, ADV: POS_ADV, PRON: POS_PRON, NUM: POS_NUM, DET: POS_OTHER, ADP: POS_OTHER,
      CCONJ: POS_OTHER, SCONJ: POS_OTHER, PART: POS_OTHER, INTJ: POS_OTHER,
    };
    for (const k of byFU.keys()) {
      const [form, upos] = k.split('\t') as [string, string];
      const gold = winner(byFU.get(k)!);
      if (!UP[upos]) continue;
      const l = goldLex.get(lemmaKey(gold)) ?? [];
      l.push([foldOf(form), UP[upos]! | POS_GOLD]);
      goldLex.set(lemmaKey(gold), l);
    }
  }
  const foldLex: Map<string, number>[] = [];
  for (let f = 0; f < K; f++) {
    const m = new Map(baseLex);
    for (const [w, l] of goldLex) for (const [fold, bits] of l) if (fold !== f) m.set(w, (m.get(w) ?? 0) | bits);
    foldLex.push(m);
  }
  const count = (key: string, right: boolean): void => {
    const s = stats.get(key) ?? [0, 0];
    s[right ? 0 : 1]++;
    stats.set(key, s);
  };
  const countType = (form: string, upos: string, gold: string): void => {
    const n = lemmaKey(form);
    const lex = foldLex[foldOf(form)]!;
    const g = lemmaKey(gold);
    for (const c of nominalCandidates(n, upos, lex, plurals)) count(c.key, c.lemma === g);
  };
  for (const [k, e] of byFU) {
    const [form, upos] = k.split('\t') as [string, string];
    if (!NOMINAL_UPOS.has(upos)) continue;
    countType(form, upos, winner(e));
  }
  for (const [form, e] of byF) countType(form, '', winner(e));
  // second pass: identity against the best strip, per context
  const decisions = new Map<string, [number, number]>();
  const countDecision = (form: string, upos: string, gold: string): void => {
    const n = lemmaKey(form);
    const ch = chooseNominal(n, upos, foldLex[foldOf(form)]!, plurals, stats);
    if (!ch.alt) return;
    const g = lemmaKey(gold);
    const idOk = g === n;
    const altOk = g === ch.alt.lemma;
    if (!idOk && !altOk) return;
    const s = decisions.get(ch.dkey) ?? [0, 0];
    s[idOk ? 0 : 1]++;
    decisions.set(ch.dkey, s);
  };
  for (const [k, e] of byFU) {
    const [form, upos] = k.split('\t') as [string, string];
    if (!NOMINAL_UPOS.has(upos)) continue;
    countDecision(form, upos, winner(e));
  }
  for (const [form, e] of byF) countDecision(form, '', winner(e));
  for (const [k, v] of decisions) stats.set(k, v);

  const data: LemmaData = {
    meta: {
      name: 'dabir-lemma',
      convention: 'UD Persian-PerDT/Seraji lemmas: verbs → past stem; nouns → singular without clitics',
      train: TUNE ? 'tune (80% of train ranges)' : 'train ranges of scripts/lib/splits.ts',
      license: LICENSE,
    },
    verbs,
    lexicon,
    plurals,
    stats,
    exact: new Map(),
    schemes: {},
  };

  // exceptions: where the rules disagree with the training majority
  const rules = createRuleLemmatizer(data);
  const exact = new Map<string, string>();
  for (const [k, e] of byFU) {
    const [form, upos] = k.split('\t') as [string, string];
    const gold = winner(e);
    if (rules.lemma(form, upos) !== gold) exact.set(k, gold);
  }
  for (const [form, e] of byF) {
    const gold = winner(e);
    if (rules.lemma(form) !== gold) exact.set(form + '\t', gold);
  }
  data.exact = exact;

  // the Seraji convention: its own majority where it differs from the default
  const def = createLemmatizer(data);
  const ser: Votes = new Map();
  for (const t of train.seraji!) vote(ser, t.form + '\t' + t.upos, t.lemma, 1);
  const scheme = new Map<string, string>([['\tlemma\tشد', 'کرد']]);
  for (const [k, e] of ser) {
    const [form, upos] = k.split('\t') as [string, string];
    const gold = winner(e);
    let got = def.lemma(form, upos);
    if ((upos === 'VERB' || upos === 'AUX') && got === 'شد') got = 'کرد';
    if (got !== gold) scheme.set(k, gold);
  }
  data.schemes = { seraji: scheme };
  return data;
}

// ---------------------------------------------------------------- evaluation
function evaluate(bytes: Uint8Array): void {
  const sets: [string, Tok[], 'perdt' | 'seraji'][] = TUNE
    ? [
        ['perdt (tune)', tokens('perdt', 'train', 'tail'), 'perdt'],
        ['seraji (tune)', tokens('seraji', 'train', 'tail'), 'seraji'],
      ]
    : [
        ['perdt', tokens('perdt', 'validation'), 'perdt'],
        ['seraji', tokens('seraji', 'validation'), 'seraji'],
        ['iperudtDev', tokens('iperudtDev', 'validation'), 'perdt'],
      ];
  const errors: string[] = [];
  const pct = (a: number, n: number): string => ((100 * a) / n).toFixed(2).padStart(7);
  console.log('\nlemma accuracy (gold words; % of words)');
  console.log('set                  words  form=lemma  gold UPOS  no UPOS  scheme');
  for (const [name, toks, sch] of sets) {
    const withScheme: Lemmatizer = createLemmatizer(bytes, { scheme: sch });
    const plain = createLemmatizer(bytes);
    let base = 0;
    let up = 0;
    let noup = 0;
    let schemeOk = 0;
    for (const t of toks) {
      if (t.form === t.lemma) base++;
      const a = plain.lemma(t.form, t.upos);
      if (a === t.lemma) up++;
      if (plain.lemma(t.form) === t.lemma) noup++;
      const s = withScheme.lemma(t.form, t.upos);
      if (s === t.lemma) schemeOk++;
      else errors.push(`${name}\t${t.upos}\t${t.form}\t${t.lemma}\t${s}`);
    }
    const n = toks.length;
    console.log(`${name.padEnd(18)} ${String(n).padStart(7)}  ${pct(base, n)}    ${pct(up, n)}  ${pct(noup, n)}  ${sch === 'perdt' ? '      =' : pct(schemeOk, n)}`);
  }
  mkdirSync(`${ROOT}.tmp`, { recursive: true });
  writeFileSync(`${ROOT}.tmp/lemma-errors${TUNE ? '-tune' : ''}.tsv`, errors.join('\n') + '\n');
}

function speed(bytes: Uint8Array): void {
  const toks = tokens('perdt', 'train');
  const lem = createLemmatizer(bytes);
  let t0 = performance.now();
  const cold = createLemmatizer(bytes);
  for (const t of toks) cold.lemma(t.form, t.upos);
  const coldMs = performance.now() - t0;
  for (const t of toks) lem.lemma(t.form, t.upos);
  t0 = performance.now();
  let n = 0;
  for (let r = 0; r < 20; r++) for (const t of toks) (lem.lemma(t.form, t.upos), n++);
  const ms = performance.now() - t0;
  console.log(`\nspeed: ${((n / ms) * 1000 / 1e6).toFixed(2)} M words/s warm (memoized); cold first pass ${((toks.length / coldMs) * 1000 / 1e3).toFixed(0)} k words/s`);
}

if (EVAL_ONLY) {
  const bytes = new Uint8Array(readFileSync(`${ROOT}data/lemma.bin`));
  evaluate(bytes);
  speed(bytes);
} else {
  const t0 = Date.now();
  const data = build();
  const bytes = encodeLemmaData(data);
  // the format must round-trip
  const again = encodeLemmaData(decodeLemmaData(bytes));
  if (Buffer.compare(Buffer.from(bytes), Buffer.from(again)) !== 0) throw new Error('lemma data does not round-trip');
  const gz = gzipSync(bytes, { level: 9 });
  if (gunzipSync(gz).length !== bytes.length) throw new Error('gzip check failed');
  if (TUNE) {
    mkdirSync(`${ROOT}.tmp`, { recursive: true });
    writeFileSync(`${ROOT}.tmp/lemma-tune.bin`, bytes);
  } else {
    writeFileSync(`${ROOT}data/lemma.bin`, bytes);
    updateManifest('lemma.bin', bytes, LICENSE);
  }
  console.log(
    `lemma data: ${bytes.length} bytes (${gz.length} gzipped), ${data.verbs.length} verbs, ${data.lexicon.size} lexicon words, ` +
      `${data.plurals.size} plurals, ${data.stats.size} stats, ${data.exact.size} exceptions, ` +
      `${data.schemes.seraji!.size} seraji overrides; ${((Date.now() - t0) / 1000).toFixed(1)} s`,
  );
  evaluate(bytes);
  speed(bytes);
}
