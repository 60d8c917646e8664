/**
 * Builds the lemmatizer data (data/lemma.bin + its manifest entry) from the TRAIN ranges of the treebanks
 * (scripts/lib/splits.ts), the lexicons in ../shared/data and the formalizer's chat spellings (data/formal.json, for
 * scheme iperudt), then evaluates on the VALIDATION ranges.
 * Deterministic: same inputs, same bytes.
 *
 *   npm run train:lemmatizer             # build data/lemma.bin, then print the validation table
 *   EVAL_ONLY=1 npm run train:lemmatizer # evaluate the committed data/lemma.bin only
 *   TUNE=1 npm run train:lemmatizer      # development: hold out the last 20% of the PerDT/Seraji train ranges and
 *                                        # of iPerUDT train, evaluate there (validation untouched), write
 *                                        # .tmp/lemma-tune.bin and the errors to .tmp/lemma-errors-tune.tsv
 *   CV=5 npm run train:lemmatizer        # development: 5-fold cross-validation over the PerDT/Seraji train ranges
 *                                        # (all folds' errors go to .tmp/lemma-errors-tune.tsv)
 *   TAGGER=path TUNE=1 npm run train:lemmatizer
 *                                        # development: also the accuracy with the tags predicted by the tagger in
 *                                        # path (one that did not see the tune tails: TAGGER_DEV=1
 *                                        # TAGGER_HOLD=204,84,371 TAGGER_OUT=path npm run train:tagger holds out
 *                                        # exactly these tails; its default 200,80,300 leaves 4 / 4 / 71 of their
 *                                        # sentences in its training); its errors go to .tmp/lemma-errors-tagger.tsv
 *
 * The words are lemmatized sentence by sentence (Lemmatizer.lemmatizeSentence, as the pipeline component does).
 * Validation errors go to .tmp/lemma-errors.tsv (set, UPOS, form, gold, predicted, seen/oov in training, feats), with
 * gold UPOS, FEATS and XPOS given (as the pipeline hands them in). iPerUDT is scored twice: against its lemmas with
 * verbs mapped to the past stem (scheme perdt) and against its own past#present verb lemmas (scheme iperudt, the rows
 * marked #).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { readConllu } from '../src/core/formats/conllu.js';
import { createPipeline } from '../src/core/pipeline.js';
import '../src/core/tag/index.js';
import { createLemmatizer, createRuleLemmatizer, createVerbAnalysis, type LemmaInput, type Lemmatizer } from '../src/core/lemmatize/index.js';
import {
  decodeLemmaData,
  encodeLemmaData,
  GOLD_UPOS_SHIFT,
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
import { lemmaKey, pastStemLemma, PREVERB_PARTS } from '../src/core/lemmatize/index.js';
import { haveShared, readShared, ROOT, sharedPath } from './lib/corpus.js';
import { createPipeline as createNodePipeline } from '../src/node/index.js';
import { updateManifest } from './lib/manifest.js';
import { conlluBlocks, selectBlocks, SPLITS } from './lib/splits.js';
import { distance } from './lib/distance.js';

const CV = Number(process.env.CV ?? 0);
let cvFold = -1;
const TUNE = process.env.TUNE === '1' || CV > 0;
const EVAL_ONLY = process.env.EVAL_ONLY === '1';
const LICENSE =
  'CC BY-SA 4.0 (UD Persian-PerDT, UD Persian-Seraji); CC0 1.0 (iPerUDT); MIT (hazm, shekar, Parsivar); Apache-2.0 (lilak)';

interface Tok {
  form: string;
  upos: string;
  lemma: string;
  feats?: string;
  /** the treebank tag (the lemmatizer reads PerDT's PR_CREFX: خود) */
  xpos?: string;
  /** past#present pair when the source gives one */
  pair?: [string, string];
  /** sentence number (0-based, within the selected blocks) */
  sent: number;
  /** predicted tags (TAGGER=path with TUNE/CV: a tagger that did not see the held-out part) */
  pUpos?: string;
  pFeats?: string;
  pXpos?: string;
  /** a word of a multi-word token */
  mwt?: boolean;
  /**
   * a word of a multi-word token after a preposition fused with it (Seraji's بدان = ب + دان, lemma آن): a spelling
   * of the word only there (the copula and clitics split off a host, رفته + اند, are the same words typed apart)
   */
  piece?: boolean;
  /** a word without a gold lemma (iPerUDT's goeswith parts, lemma _): context for its neighbours, neither learned nor scored */
  skip?: boolean;
}

const EARLY_UPOS: Record<string, string> = { PREM: 'DET', IDEN: 'NOUN', PSUS: 'INTJ', PART: 'PART' };
/** hazm's verb table, past#present (to read a pair the treebanks write the other way round) */
const HAZM_VERBS = new Set(haveShared() ? readShared('lexicon/hazm/verbs.dat').split('\n').map((l) => l.trim()).filter((l) => l.includes('#')) : []);

/** past#present → past stem (or the present when the past is empty: #است → است); preverb#past#present → past */
const mapLemma = pastStemLemma;

function tokens(name: string, part: 'train' | 'validation', slice?: 'head' | 'tail', keepScheme = false): Tok[] {
  const sp = SPLITS[name]!;
  let blocks = selectBlocks(conlluBlocks(readShared(sp.file)), sp[part]);
  if (slice && CV > 0) {
    // cross-validation: fold cvFold (contiguous) is held out
    const a = Math.floor((blocks.length * cvFold) / CV);
    const b = Math.floor((blocks.length * (cvFold + 1)) / CV);
    blocks = slice === 'head' ? [...blocks.slice(0, a), ...blocks.slice(b)] : blocks.slice(a, b);
  } else if (slice) {
    const cut = Math.floor(blocks.length * 0.8);
    blocks = slice === 'head' ? blocks.slice(0, cut) : blocks.slice(cut);
  }
  const out: Tok[] = [];
  const doc = readConllu(blocks.join('\n\n'));
  const predicted = slice === 'tail' ? predictTags(blocks, name === 'seraji' ? 'seraji' : name.startsWith('iperudt') ? 'iperudt' : 'perdt') : undefined;
  let wi = -1;
  for (const [si, s] of doc.sentences.entries()) for (const w of s.words) {
    wi++;
    const mwt = w.token.words.length > 1;
    const piece = mwt && w.token.words.indexOf(w) > 0 && w.token.words[0]!.upos === 'ADP';
    if (w.lemma === undefined || w.upos === undefined) {
      const p = predicted?.[wi];
      out.push({ form: w.form, upos: w.upos ?? '', lemma: '', sent: si, skip: true, ...(p ? { pUpos: p[0], ...(p[1] ? { pFeats: p[1] } : {}), ...(p[2] ? { pXpos: p[2] } : {}) } : {}) });
      continue;
    }
    let upos = w.upos;
    if (name === 'perdtEarly') upos = EARLY_UPOS[upos] ?? upos;
    const raw = w.lemma;
    let pair: [string, string] | undefined;
    const orig = /(?:^|\|)OrigLemma=([^|]*)/.exec(w.misc ?? '')?.[1];
    const pl = raw.includes('#') ? raw : orig && orig.includes('#') ? orig : undefined;
    let fixed = raw;
    if (pl) {
      const parts = pl.split('#');
      if (parts.length > 2 || (PREVERB_PARTS.has(parts[0]!) && parts[1])) parts.shift();
      pair = [parts[0]!.replace(/\u200c/g, ''), (parts[1] ?? '').replace(/\u200c/g, '')];
      // a pair written present#past (iPerUDT's گرد#گشت for بگردیم, فروش#فروخت for بفروشم: 8 words), as hazm's verb
      // table has it the other way round: read past#present (the past stem is the lemma in PerDT's convention)
      if (!HAZM_VERBS.has(`${pair[0]}#${pair[1]}`) && HAZM_VERBS.has(`${pair[1]}#${pair[0]}`)) {
        pair = [pair[1], pair[0]];
        if (raw === pl) fixed = `${pair[0]}#${pair[1]}`;
      }
    }
    // iPerUDT in its own convention keeps past#present verb lemmas
    let lemma = (keepScheme && name.startsWith('iperudt') ? fixed : mapLemma(fixed)).replace(/^\u200c+|\u200c+$/g, '');
    // the early conversion gives passive شدن the lemma of the active verb; current PerDT keeps شد
    // (Seraji does the same throughout; its own convention is kept in its scheme table)
    if ((name === 'perdtEarly' || (name === 'seraji' && !keepScheme)) && lemma === 'کرد' && /شد|شو|ش$/.test(w.form)) lemma = 'شد';
    const p = predicted?.[wi];
    out.push({
      form: w.form, upos, lemma, sent: si, ...(w.feats ? { feats: w.feats } : {}), ...(w.xpos && name !== 'perdtEarly' ? { xpos: w.xpos } : {}), ...(pair ? { pair } : {}), ...(mwt ? { mwt } : {}), ...(piece ? { piece } : {}),
      ...(p ? { pUpos: p[0], ...(p[1] ? { pFeats: p[1] } : {}), ...(p[2] ? { pXpos: p[2] } : {}) } : {}),
    });
  }
  return out;
}

/**
 * Development only: UPOS, FEATS and XPOS of every word of some gold blocks as predicted by the tagger in $TAGGER (train it
 * with TAGGER_DEV=1 TAGGER_OUT=path npm run train:tagger, which holds out about the same tails), so the tune figures
 * also show the accuracy the pipeline gets with predicted tags. Undefined when $TAGGER is not set.
 */
function predictTags(blocks: string[], scheme: 'perdt' | 'seraji' | 'iperudt'): [string, string | undefined, string | undefined][] | undefined {
  const path = process.env.TAGGER;
  // (not with CV: the folds are not held out from that tagger)
  if (!path || !TUNE || CV > 0) return undefined;
  const doc = readConllu(blocks.join('\n\n') + '\n\n');
  for (const w of doc.words) w.lemma = w.upos = w.xpos = w.feats = w.deprel = w.deps = w.misc = w.head = undefined;
  const model = new Uint8Array(readFileSync(path));
  createPipeline({ components: ['tokenizer', 'tagger'], resources: { tagger: model }, options: { tagger: { scheme } } }).annotate(doc);
  return doc.words.map((w) => [w.upos ?? '', w.feats, w.xpos]);
}

const WEIGHT: Record<string, number> = { perdt: 3, seraji: 3, iperudtTrain: 1, perdtEarly: 2 };

/** A gold lemma in Latin letters for a word in Persian script is a typo of the treebank (نقاشی‌ها → نقاشd). */
const sane = (t: Tok): boolean => !t.skip && !(/[\u0600-\u06ff]/.test(t.form) && /[A-Za-z]/.test(t.lemma));

/**
 * An iPerUDT verb or copula whose lemma is no verb lemma: its past stem ends in neither د nor ت (every Persian past stem
 * does, and است, هست), an annotation slip of its train part: the form (گفتیم, کردم, داده), a present stem doubled
 * (میخوره, نخوره → خور#خور), a noun (رو → روی). 30 words; they taught the tables نخوره → خور. Not learned from.
 */
const verbSlip = (t: Tok): boolean => {
  if (t.upos !== 'VERB' && t.upos !== 'AUX') return false;
  const l = mapLemma(t.lemma);
  // (توان, the impersonal می‌توان of PerDT and Seraji, is a verb lemma without past ending; iPerUDT has none)
  return !/[دت]$/.test(l) && l !== 'توان';
};

function trainTokens(): Record<string, Tok[]> {
  return {
    perdt: tokens('perdt', 'train', TUNE ? 'head' : undefined).filter(sane),
    seraji: tokens('seraji', 'train', TUNE ? 'head' : undefined).filter(sane),
    iperudtTrain: tokens('iperudtTrain', 'train', TUNE && CV === 0 ? 'head' : undefined).filter((t) => sane(t) && !verbSlip(t)),
    perdtEarly: tokens('perdtEarly', 'train').filter(sane),
  };
}

// ---------------------------------------------------------------- lexicons
function readVerbs(train: Record<string, Tok[]>): LemmaData['verbs'] {
  // past → present stems (ordered, deduped)
  const pres = new Map<string, string[]>();
  const sources = new Map<string, Set<string>>();
  let source = '';
  const add = (past: string, present: string): void => {
    past = past.trim().replace(/\u200c/g, '');
    // every Persian past stem ends in د or ت
    if (past && !/[دت]$/.test(past)) return;
    if (past) {
      const ss = sources.get(past) ?? new Set();
      ss.add(source);
      sources.set(past, ss);
    }
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
    if (present) {
      const pk = key + '\t' + present.replace(/^~/, '');
      const e = pairs.get(pk) ?? { gold: 0, src: new Set<string>() };
      if (source in WEIGHT) e.gold += WEIGHT[source]!;
      else e.src.add(source);
      pairs.set(pk, e);
    }
  };
  const pairs = new Map<string, { gold: number; src: Set<string> }>();
  // colloquial past stems → the formal ones (see shekar below)
  const colloquialCandidates: [string, string][] = [];
  source = 'hazm';
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
    // chat writes the ذ of these stems as ز, its homophone (بزار, میزارم: a third of the ذار forms in the subtitles'
    // frequency list), read otherwise as زاریدن (to weep)
    if (f[1]!.includes('ذ')) add(p, '~' + f[1]!.replaceAll('ذ', 'ز'));
    // a spoken present that drops the formal one's first letter (ذار of گذار) drops it from the past stem too
    // (میذاشتم, نذاشتی: ذاشت → گذاشت)
    if (p && s && s.length === f[1]!.length + 1 && s.endsWith(f[1]!) && p[0] === s[0]) colloquialCandidates.push([p.slice(1), p]);
  }
  source = 'shekar';
  // colloquial past stems (shekar's 4th column: تونست for توانست, موند for ماند): an analysis through one gives the
  // formal lemma (an "=past" item, see LemmaData.verbs); not where the colloquial spelling is itself a formal past
  // stem in shekar's, Parsivar's or lilak's verb tables (خاست, of خاستن, is also chat's spelling of خواست; hazm's list
  // has colloquial stems too, موند), nor far from the formal one (the list pairs گداخت with رهوند)
  const formalPast = new Set<string>();
  for (const line of readShared('lexicon/shekar/verbs.csv').split('\n')) {
    const f = line.trim().split(',');
    if (f.length < 2 || !f[1]) continue;
    add(f[1], f[0] ?? '');
    if (f[2] && f[2] !== f[0]) add(f[1], '~' + f[2]);
    formalPast.add(f[1].trim());
    const cp = f[3]?.trim();
    if (cp && cp !== f[1] && /[دت]$/.test(cp) && distance(cp, f[1].trim()) <= 2) colloquialCandidates.push([cp, f[1].trim()]);
  }
  // a spoken present stem no list has: شین of نشستن (بشینم, می‌شینه), as the half-space model's chat verb table
  source = 'spoken';
  add('نشست', '~شین');
  source = 'parsivar';
  for (const line of readShared('lexicon/parsivar/verb_tense.txt').split('\n')) {
    const f = line.trim().split(/\t/);
    if (f[0]) formalPast.add(f[0]);
    if (f.length >= 2) add(f[0]!, f[1]!);
  }
  source = 'lilak';
  const lilak = readShared('lexicon/lilak/verbs.htm');
  for (const m of lilak.matchAll(/<td bgcolor="#eeeeee">[^<]*<\/td><td>([^<]*)<\/td>/g)) if (m[1]) formalPast.add(m[1].trim());
  for (const m of lilak.matchAll(/<td bgcolor="#eeeeee">[^<]*<\/td><td>([^<]*)<\/td><td>([^<]*)<\/td>/g)) {
    if (m[1]) add(m[1], m[2] ?? '');
  }
  const colloquialPast = new Map(colloquialCandidates.filter(([cp]) => !formalPast.has(cp)));
  const weight = new Map<string, number>();
  for (const [src, toks] of Object.entries(train)) {
    source = src;
    for (const t of toks) {
      if (t.pair) add(t.pair[0], t.pair[1]);
      if (t.upos === 'VERB' || t.upos === 'AUX') {
        weight.set(t.lemma, (weight.get(t.lemma) ?? 0) + WEIGHT[src]!);
        if (!t.pair && t.lemma && /^[\u0600-\u06ff\u200c]+$/.test(t.lemma) && !pres.has(t.lemma)) add(t.lemma, '');
      }
    }
  }
  for (const [cp, fp] of colloquialPast) {
    // (a gold lemma in the colloquial spelling, from iPerUDT, is no formal past either)
    weight.delete(cp);
    const l = pres.get(cp) ?? [];
    pres.set(cp, ['=' + fp, ...l.filter((x) => !x.startsWith('='))]);
    const ss = sources.get(cp) ?? new Set();
    ss.add('shekar');
    sources.set(cp, ss);
  }
  // a causative in اند (ترساند, present ترسان, of the verb whose present is ترس) also has a past stem in انید
  // (ترسانید, ترسانیده: both are written, and the treebanks lemmatize each form by the stem it spells: غلطانید,
  // گردانید); the tables list that variant for some of these verbs only, and then as a rare verb (چرخانید: weight 1
  // against چرخاند's 65). Each such variant weighs as its اند stem less a little less than the Tense penalty (a bare
  // ترسانید is the present ترسان + ید unless Tense=Past says otherwise); added where missing
  const presentStems = new Set<string>();
  for (const list of pres.values()) for (const s of list) if (!s.startsWith('~') && !s.startsWith('=')) presentStems.add(s);
  const variantWeight = new Map<string, number>();
  for (const [past, list] of pres) {
    if (!past.endsWith('اند') || past.length < 5) continue;
    const x = past.slice(0, -3);
    if (!list.includes(x + 'ان') || !presentStems.has(x)) continue;
    const w = 10 * (weight.get(past) ?? 0) + (sources.get(past)?.size ?? 0);
    variantWeight.set(x + 'انید', Math.max(0, Math.round((1 + w) / Math.E - 1)));
  }
  const out: LemmaData['verbs'] = [];
  for (const [v, w] of variantWeight) if (!pres.has(v)) out.push([v, w]);
  for (const [past, list] of pres) {
    if (/[^\u0600-\u06ff]/.test(past) || list.some((s) => /[^\u0600-\u06ff~=]/.test(s))) continue;
    // prior: 10 per weighted gold occurrence + 1 per source listing the stem
    // each present stem carries its pair's evidence: 100 per weighted gold pair + 1 per lexicon listing the pair
    const scored = list.map((st) => {
      if (st.startsWith('=')) return st;
      const e = pairs.get(past + '\t' + st.replace(/^~/, ''));
      return `${st}:${e ? 100 * e.gold + e.src.size : 0}`;
    });
    out.push([past, Math.max(variantWeight.get(past) ?? 0, 10 * (weight.get(past) ?? 0) + (sources.get(past)?.size ?? 0)), ...scored]);
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
    for (const toks of Object.values(train)) for (const t of toks) if (UP[t.upos]) set(t.lemma, UP[t.upos]! | POS_GOLD | (UP[t.upos]! << GOLD_UPOS_SHIFT));
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
 * Corrections of the broken-plural sources, each singular the dictionary one: Parsivar's mokasar.txt misspells a few
 * (فلاسفه → فلاس, موارد → موزد, خرافات → خارفه, مظاهر → مظهره), and the pattern generator below takes احادیث for the
 * plural of احداث and موازین for that of موزون. (Found by listing the plurals whose singular is rare or unlisted.)
 */
const PLURAL_FIXES: [string, string][] = [
  ['فلاسفه', 'فیلسوف'],
  ['موارد', 'مورد'],
  ['خرافات', 'خرافه'],
  ['مظاهر', 'مظهر'],
  ['احادیث', 'حدیث'],
  ['موازین', 'میزان'],
  // and where the generator's proposal is a word of the lexicon but not the singular (تواریخ → تارخ, هدایا → هدا)
  ['ابنیه', 'بنا'],
  ['تواریخ', 'تاریخ'],
  ['علایم', 'علامت'],
  ['هدایا', 'هدیه'],
  ['سجایا', 'سجیه'],
  ['غلات', 'غله'],
  ['اراضی', 'ارض'],
  ['روات', 'راوی'],
  ['ادعیه', 'دعا'],
  // (a later reading of the whole table, 759 entries: the generator's most frequent proposal is often a word of
  // another root or pattern, آفات → افت, عشایر → عشرت, قرائن → قران, قبایل → قباله, شهدا → شاهد, کسور → کسره, and
  // Parsivar gives a plural for the singular, اوامر → امور, اقالیم → اقلام)
  ['آفات', 'آفت'],
  ['آمال', 'امل'],
  ['اباطیل', 'باطل'],
  ['ابصار', 'بصر'],
  ['ازمنه', 'زمان'],
  ['اسرا', 'اسیر'],
  ['اعراف', 'عرف'],
  ['اقالیم', 'اقلیم'],
  ['اوامر', 'امر'],
  ['اوایل', 'اول'],
  ['اوراد', 'ورد'],
  ['حضار', 'حاضر'],
  ['حکام', 'حاکم'],
  ['خدام', 'خادم'],
  ['ذرات', 'ذره'],
  ['زهاد', 'زاهد'],
  ['زوار', 'زائر'],
  ['شهدا', 'شهید'],
  ['عرایض', 'عریضه'],
  ['عشاق', 'عاشق'],
  ['عشایر', 'عشیره'],
  ['عمال', 'عامل'],
  ['عهود', 'عهد'],
  ['عواید', 'عایده'],
  ['فجایع', 'فاجعه'],
  ['فواحش', 'فاحشه'],
  ['قبائل', 'قبیله'],
  ['قبایل', 'قبیله'],
  ['قرائن', 'قرینه'],
  ['قراین', 'قرینه'],
  ['کسور', 'کسر'],
  ['کفار', 'کافر'],
  ['مقادیر', 'مقدار'],
  ['مقاطع', 'مقطع'],
  ['مفاصل', 'مفصل'],
  ['مفاسد', 'مفسده'],
  ['نجوم', 'نجم'],
  ['نقوش', 'نقش'],
  ['نواب', 'نایب'],
  ['وراث', 'وارث'],
  ['وعاظ', 'واعظ'],
];

/** Words of a plural pattern that are no plurals (verbal nouns: افساد, فجور, قدوم; موات, dead land): not in the table. */
const NOT_PLURALS = ['افساد', 'فجور', 'قدوم', 'موات'];

/**
 * Arabic broken plurals of the plural words the lexicons list (lilak noun_plural, hazm PL): each plural pattern
 * proposes singular patterns (digits are the root letters in order); a proposal counts only when the lexicon
 * lists it as a noun or adjective, and the most frequent proposal (hazm frequencies) wins.
 */
const BROKEN: [string, string[]][] = [
  ['ا12ا3', ['123', '123ه', '1ا23', '12ی3']],
  ['آ1ا2', ['ا12', 'ا12ه']],
  ['12و3', ['123', '123ه', '1ا23']],
  ['م1ا23', ['م123', 'م123ه', 'م12ا3', 'م123ت']],
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
/**
 * Patterns whose proposals, when the lexicon lists one, win over the other patterns' whatever their frequency: the
 * plural فعایا of a singular in یه / یت (رعایا → رعیت, قضایا → قضیه, بقایا → بقیه, عطایا → عطیه, مزایا → مزیت); the
 * pattern 12ای3 above reads it as a singular in ا (قضا, بقا, عطا: a word of its own, commoner).
 */
const BROKEN_FIRST: [string, string[]][] = [['12ایا', ['12یه', '12یت']]];

/**
 * The lexicons write some singulars without their hamza (آرا → رای, اشیا → شی) where the treebanks write it (رأی,
 * شیء): a singular that is not a gold lemma takes the one spelling with a hamza letter that is.
 */
function treebankSpelling(lexicon: Map<string, number>, plurals: Map<string, string>): void {
  const gold = (w: string): boolean => ((lexicon.get(w) ?? 0) & POS_GOLD) !== 0;
  for (const [pl, sing] of plurals) {
    if (gold(sing)) continue;
    const found = new Set<string>();
    if (gold(sing + 'ء')) found.add(sing + 'ء');
    for (let i = 0; i < sing.length; i++) {
      const alts = sing[i] === 'ا' ? ['أ', 'ئ'] : sing[i] === 'ی' ? ['ئ'] : [];
      for (const a of alts) {
        const v = sing.slice(0, i) + a + sing.slice(i + 1);
        if (gold(v)) found.add(v);
      }
    }
    if (found.size === 1) plurals.set(pl, [...found][0]!);
  }
}

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
    const first: string[] = [];
    for (const [pat, sings] of [...BROKEN_FIRST, ...BROKEN]) {
      const root = match(w, pat);
      if (!root) continue;
      for (const s of sings) {
        const c = s.replace(/[1-9]/g, (d) => root[Number(d)] ?? '');
        cands.push(c);
        if (BROKEN_FIRST.some((b) => b[0] === pat)) first.push(c);
        // geminate roots: حقوق → حق, فنون → فن
        if (c.length > 2 && c[c.length - 1] === c[c.length - 2]) cands.push(c.slice(0, -1));
      }
    }
    // (BROKEN_FIRST's proposals in their order: بلایا → بلیه before بلیت, a ticket)
    let best = first.find((c) => c !== w && ((lexicon.get(c) ?? 0) & (POS_NOUN | POS_ADJ)) !== 0);
    if (best === undefined) {
      for (const c of cands) {
        if (c === w || !((lexicon.get(c) ?? 0) & (POS_NOUN | POS_ADJ))) continue;
        if (best === undefined || (freq.get(c) ?? 0) > (freq.get(best) ?? 0)) best = c;
      }
    }
    if (best !== undefined) plurals.set(w, best);
  }
}

/** Frequency classes (round(log2(count + 1))) of the shekar vocabulary. */
function readFreq(): Map<string, number> {
  const m = new Map<string, number>();
  for (const line of readShared('lexicon/shekar/vocab.csv').split('\n')) {
    const i = line.lastIndexOf(',');
    if (i <= 0) continue;
    const w = lemmaKey(line.slice(0, i).trim());
    const c = Number(line.slice(i + 1));
    if (!w || !Number.isFinite(c) || /[^\u0600-\u06ff\u200c]/.test(w)) continue;
    const b = Math.round(Math.log2(c + 1));
    if (b > (m.get(w) ?? 0)) m.set(w, b);
  }
  return m;
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
/**
 * Whether the rules' lemma `ruled` ties with the majority of the votes `e`: an exception is then no better than the
 * rules. Read for the verbs of iPerUDT's own table only, whose votes are single words (بودند: بود#باش and بود once each
 * in the tuning head, where the alphabetical tie-break chose بود; iPerUDT tail +2 words). For the general tables it cost
 * PerDT / Seraji 3 / 1 words in cross-validation (their weighted votes tie over a real split), for iPerUDT's votes
 * there one PerDT tail word; for iPerUDT's nouns a tie is between the word and its formal respelling (خون: خانه 2,
 * خون 2), where the table's respelling is what the scheme is for (no change on the tail)
 */
const tied = (e: Map<string, number>, ruled: string): boolean => {
  const c = e.get(ruled);
  if (c === undefined) return false;
  for (const v of e.values()) if (v > c) return false;
  return true;
};

/** "form\tPRON\tPronType" for a pronoun with a PronType, else undefined */
function pronKey(t: Tok): string | undefined {
  if (t.upos !== 'PRON' || !t.feats) return undefined;
  const m = /(?:^|\|)PronType=([^|]+)/.exec(t.feats);
  return m ? `${t.form}\tPRON\t${m[1]}` : undefined;
}

/** the tags under which iPerUDT's table takes the formalizer's chat spellings (more tags, + CCONJ PART INTJ PROPN: same) */
const FORMAL_UPOS = ['NOUN', 'ADJ', 'ADV', 'PRON', 'DET', 'NUM', 'ADP', 'SCONJ'];
const NOMINAL_UPOS = new Set(['NOUN', 'PROPN', 'ADJ', 'ADV', 'PRON', 'DET', 'NUM', 'ADP']);
/** the tags of closed word classes (Seraji's closed-class words keep their lemma under a tagging slip) */
const CLOSED_UPOS = new Set(['NUM', 'PRON', 'ADP', 'DET', 'SCONJ', 'CCONJ', 'PART']);
/** the tags the tagger gives a closed-class word by mistake */
const SLIP_UPOS = ['NOUN', 'ADJ', 'ADV', 'PRON', 'NUM', 'DET', 'ADP'];

/**
 * LemmaData.cache: the word forms of the raw train text as the light pipeline reads them (normalizer, tokenizer with
 * its multi-word splits), with the lemma this data's own lemmatizer gives them without a UPOS ('' when it is the form).
 * A look-up then replaces the analysis on a form's first sight (`dabir analyze` of new text analyses each distinct form
 * once, which was about a fifth of the run). The first MB of PerDT train text is left out: `npm run bench` measures
 * `analyze` on it, so the bench sees the cache as new text would (about two thirds of its distinct forms are listed).
 */
function buildCache(data: LemmaData): Map<string, string> {
  const light = createNodePipeline({ components: ['normalizer', 'tokenizer'] });
  const perdt = readFileSync(sharedPath('text/perdt-train.txt'));
  const benchEnd = perdt.indexOf(0x0a, 1 << 20) + 1;
  const text = perdt.subarray(benchEnd).toString('utf8') + '\n' + readShared('text/seraji-train.txt');
  const forms = new Set<string>();
  for (const line of text.split('\n')) if (line.trim()) for (const w of light.process(line).words) if (w.form.length <= 40) forms.add(w.form);
  const lemmatizer = createLemmatizer(data);
  const cache = new Map<string, string>();
  for (const f of [...forms].sort()) {
    if (f.includes('\t') || f.includes('\n')) continue;
    const l = lemmatizer.lemma(f);
    cache.set(f, l === f ? '' : l);
  }
  return cache;
}

/** the no-UPOS lemmas of chat verbs and copulas that are lexicon words as written (see build), for the iPerUDT scheme */
const informalAlone: Votes = new Map();
/** the forms with a no-UPOS lemma in the general table */
let byFAlone: ReadonlySet<string> = new Set();

function build(): LemmaData {
  const train = trainTokens();
  const verbs = readVerbs(train);
  const lexicon = readLexicon(train, true);
  const plurals = readPlurals();
  derivePlurals(lexicon, plurals);
  treebankSpelling(lexicon, plurals);
  for (const [pl, sg] of PLURAL_FIXES) plurals.set(lemmaKey(pl), lemmaKey(sg));
  for (const w of NOT_PLURALS) plurals.delete(lemmaKey(w));
  const freq = readFreq();

  // majority lemma per (form, UPOS) and per form
  const byFU: Votes = new Map();
  seenKeys = new Set();
  const byF: Votes = new Map();
  // iPerUDT maps informal words to formal lemmas (توی → در, نون → نان) where the formal treebanks keep the word:
  // its votes count only for forms the formal treebanks never saw
  const informal = 'iperudtTrain';
  // pronouns also per PronType: "form\tPRON\tDem"
  const byPron: Votes = new Map();
  // a form seen only as a word fused with a preposition in a multi-word token (Seraji's دان of بدان = به + آن) teaches
  // its lemma with its UPOS only: a word alone (no UPOS: search keys) is no such piece
  const standalone = new Set<string>();
  for (const toks of Object.values(train)) for (const t of toks) if (!t.piece) standalone.add(t.form);
  const alone = (t: Tok): boolean => !t.piece || standalone.has(t.form);
  // (their lemma without a UPOS, for such a piece: "form\t\tpiece")
  const byPiece: Votes = new Map();
  for (const [src, toks] of Object.entries(train)) {
    if (src === informal) continue;
    for (const t of toks) {
      vote(byFU, t.form + '\t' + t.upos, t.lemma, WEIGHT[src]!);
      seenKeys.add(t.form + '\t' + t.upos);
      if (alone(t)) vote(byF, t.form, t.lemma, WEIGHT[src]!);
      else vote(byPiece, t.form, t.lemma, WEIGHT[src]!);
      const pt = pronKey(t);
      if (pt) vote(byPron, pt, t.lemma, WEIGHT[src]!);
    }
  }
  if (informal) {
    informalAlone.clear();
    const verbAnalysis = createVerbAnalysis({ verbs } as LemmaData);
    const fu = new Set(byFU.keys());
    const f = new Set(byF.keys());
    const pf = new Set(byPiece.keys());
    const pk = new Set(byPron.keys());
    for (const t of train[informal]!) {
      const k = t.form + '\t' + t.upos;
      if (!fu.has(k)) vote(byFU, k, t.lemma, WEIGHT[informal]!);
      seenKeys.add(k);
      // (a chat verb or copula that is a lexicon word as written and no verb form the analysis reads — نی 'reed' for
      // نیست, شی 'object' for شوی, شم, شه — gives its lemma to the word alone in the iPerUDT scheme only, informalAlone
      // below: formal text, and a search in it, reads the word)
      if (!f.has(t.form) && alone(t) && (t.upos === 'VERB' || t.upos === 'AUX') && lexicon.has(lemmaKey(t.form)) && verbAnalysis(t.form) === undefined) vote(informalAlone, t.form, t.lemma, 1);
      else if (!f.has(t.form) && alone(t)) vote(byF, t.form, t.lemma, WEIGHT[informal]!);
      else if (!f.has(t.form) && !pf.has(t.form)) vote(byPiece, t.form, t.lemma, WEIGHT[informal]!);
      const pt = pronKey(t);
      if (pt && !pk.has(pt)) vote(byPron, pt, t.lemma, WEIGHT[informal]!);
    }
  }

  byFAlone = new Set(byF.keys());
  // broken plurals seen in training that no suffix chain explains (افراد → فرد)
  for (const [k, e] of byFU) {
    const [form, upos] = k.split('\t') as [string, string];
    if (upos !== 'NOUN' && upos !== 'ADJ' && upos !== 'PROPN') continue;
    const gold = winner(e);
    const n = lemmaKey(form);
    if (gold === n || plurals.has(n) || n.length < 3) continue;
    // a lemma that extends the form is a compound the treebank split (بچه → بچه‌دار), not a plural: as a stem it
    // would turn پاره‌ای into پاره‌سنگی (the form itself keeps its training lemma in the exception table)
    if (lemmaKey(gold).startsWith(n)) continue;
    if (!nominalCandidates(n, upos, lexicon, plurals, freq).some((c) => c.lemma === gold)) {
      // only when the form looks like a whole word, not an inflected one
      if (!/(ها|های|ان|ات|ی|ش|م|ت|ٔ)$/.test(n) || /^ا.+ا.$/.test(n)) plurals.set(n, gold);
    }
  }

  // the statistics learn from the formal treebanks (iPerUDT maps informal spellings to formal lemmas)
  const statFU: Votes = new Map();
  const statF: Votes = new Map();
  for (const [src, toks] of Object.entries(train)) {
    if (process.env.STATSRC === 'all' ? false : src === 'iperudtTrain') continue;
    for (const t of toks) {
      vote(statFU, t.form + '\t' + t.upos, t.lemma, WEIGHT[src]!);
      vote(statF, t.form, t.lemma, WEIGHT[src]!);
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
      l.push([foldOf(form), UP[upos]! | POS_GOLD | (UP[upos]! << GOLD_UPOS_SHIFT)]);
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
    for (const c of nominalCandidates(n, upos, lex, plurals, freq)) for (const k of c.keys) count(k, c.lemma === g);
  };
  for (const [k, e] of statFU) {
    const [form, upos] = k.split('\t') as [string, string];
    if (!NOMINAL_UPOS.has(upos)) continue;
    countType(form, upos, winner(e));
  }
  for (const [form, e] of statF) countType(form, '', winner(e));
  // second pass: identity against the best strip, per context
  const decisions = new Map<string, [number, number]>();
  const countDecision = (form: string, upos: string, gold: string): void => {
    const n = lemmaKey(form);
    const ch = chooseNominal(n, upos, foldLex[foldOf(form)]!, plurals, freq, stats);
    if (!ch.alt) return;
    const g = lemmaKey(gold);
    const idOk = g === n;
    const altOk = g === ch.alt.lemma;
    if (!idOk && !altOk) return;
    for (const k of ch.dkeys) {
      const s = decisions.get(k) ?? [0, 0];
      s[altOk ? 0 : 1]++;
      decisions.set(k, s);
    }
  };
  for (const [k, e] of statFU) {
    const [form, upos] = k.split('\t') as [string, string];
    if (!NOMINAL_UPOS.has(upos)) continue;
    countDecision(form, upos, winner(e));
  }
  for (const [form, e] of statF) countDecision(form, '', winner(e));
  for (const [k, v] of decisions) stats.set(k, v);
  // the decisions on a final ی counted again over Seraji alone, in its own convention, which keeps the ی more often
  // (اثری, امضای); the Seraji scheme smooths them toward the common counts
  const serTypes: Votes = new Map();
  for (const t of tokens('seraji', 'train', TUNE ? 'head' : undefined, true).filter(sane)) vote(serTypes, t.form + '\t' + t.upos, t.lemma, 1);
  {
    const sdec = new Map<string, [number, number]>();
    for (const [k, e] of serTypes) {
      const [form, upos] = k.split('\t') as [string, string];
      if (!NOMINAL_UPOS.has(upos)) continue;
      const n = lemmaKey(form);
      const ch = chooseNominal(n, upos, foldLex[foldOf(form)]!, plurals, freq, stats);
      if (!ch.alt) continue;
      // (the chain is the second part of the "UPOS|chain" key, third from the end)
      if (ch.alt.keys[ch.alt.keys.length - 3]!.split('|')[1] !== 'ی') continue;
      const g = lemmaKey(winner(e));
      const idOk = g === n;
      const altOk = g === ch.alt.lemma;
      if (!idOk && !altOk) continue;
      for (const dk of ch.dkeys) {
        const sk = 'seraji|' + dk;
        const v = sdec.get(sk) ?? [0, 0];
        v[altOk ? 0 : 1]++;
        sdec.set(sk, v);
      }
    }
    for (const [k, v] of sdec) stats.set(k, v);
    stats.set('seraji|D|', [0, 0]);
  }

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
    freq,
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
  for (const [form, e] of byPiece) {
    const gold = winner(e);
    if (rules.lemma(form) !== gold) exact.set(form + '\t\tpiece', gold);
  }
  data.exact = exact;
  // pronouns whose PronType changes the lemma
  {
    const withExact = createLemmatizer(data);
    for (const [k, e] of byPron) {
      const [form] = k.split('\t') as [string];
      const gold = winner(e);
      if (withExact.lemma(form, 'PRON') !== gold) exact.set(k, gold);
    }
  }

  // the Seraji convention: its own majority where it differs from the default
  // (against the rules in Seraji mode, which already map the lemma شد to کرد)
  const scheme = new Map<string, string>([['\tlemma\tشد', 'کرد']]);
  const def = createLemmatizer({ ...data, schemes: { seraji: new Map(scheme) } }, { scheme: 'seraji' });
  const ser: Votes = new Map();
  for (const t of tokens('seraji', 'train', TUNE ? 'head' : undefined, true).filter(sane)) vote(ser, t.form + '\t' + t.upos, t.lemma, 1);
  for (const [k, e] of ser) {
    const gold = winner(e);
    const [form, upos] = k.split('\t') as [string, string];
    if (def.lemma(form, upos) !== gold) scheme.set(k, gold);
  }
  // a word Seraji tags only with closed-class tags (NUM, PRON, ADP, DET, ...), 3 times or more and always with one
  // lemma, keeps that lemma under the tags the tagger also gives it (یکی: Seraji's NUM یک 18 of 18 times, where PerDT
  // tags it NOUN, lemma یکی; the tagger with Seraji's conventions still calls it NOUN at times). Not for a word Seraji
  // tags as a content word: a final ی's lemma depends on NOUN / ADJ (خبری)
  {
    const byForm = new Map<string, { tags: Set<string>; lemmas: Map<string, number> }>();
    for (const [k, e] of ser) {
      const [form, upos] = k.split('\t') as [string, string];
      let x = byForm.get(form);
      if (!x) byForm.set(form, (x = { tags: new Set(), lemmas: new Map() }));
      x.tags.add(upos);
      for (const [l, c] of e) x.lemmas.set(l, (x.lemmas.get(l) ?? 0) + c);
    }
    for (const [form, x] of byForm) {
      if (x.lemmas.size !== 1 || [...x.tags].some((u) => !CLOSED_UPOS.has(u))) continue;
      const [[gold, c]] = [...x.lemmas] as [[string, number]];
      if (c < 3) continue;
      for (const u of SLIP_UPOS) {
        if (x.tags.has(u)) continue;
        if (def.lemma(form, u) !== gold) scheme.set(form + '\t' + u, gold);
      }
    }
  }
  // the iPerUDT convention: verb lemmas as past#present (the pair iPerUDT uses most for that past stem, else the best
  // attested pair), then iPerUDT's own majority where it differs
  const ip = new Map<string, string>();
  {
    const ipTrain = tokens('iperudtTrain', 'train', TUNE && CV === 0 ? 'head' : undefined, true).filter((t) => sane(t) && !verbSlip(t));
    const pairVotes: Votes = new Map();
    for (const t of ipTrain) if ((t.upos === 'VERB' || t.upos === 'AUX') && t.lemma) vote(pairVotes, mapLemma(t.lemma), t.lemma, 1);
    for (const v of verbs) {
      const past = v[0];
      if (!past || !/[دت]$/.test(past)) continue;
      const seen = pairVotes.get(past);
      let lemma: string | undefined;
      if (seen) lemma = winner(seen);
      else {
        let best = -1;
        for (let i = 2; i < v.length; i++) {
          const item = String(v[i]);
          if (item.startsWith('~')) continue;
          const c = item.lastIndexOf(':');
          const sc = Number(item.slice(c + 1));
          if (sc > best) {
            best = sc;
            lemma = past + '#' + item.slice(0, c);
          }
        }
      }
      if (lemma && lemma !== past) ip.set('\tlemma\t' + past, lemma);
    }
    const defIp = createLemmatizer({ ...data, schemes: { iperudt: new Map(ip) } }, { scheme: 'iperudt' });
    const ipv: Votes = new Map();
    const ipPron: Votes = new Map();
    for (const t of ipTrain) {
      vote(ipv, t.form + '\t' + t.upos, t.lemma, 1);
      const pt = pronKey(t);
      if (pt) vote(ipPron, pt, t.lemma, 1);
    }
    for (const [k, e] of ipv) {
      const gold = winner(e);
      const [form, upos] = k.split('\t') as [string, string];
      const r = defIp.lemma(form, upos);
      if (r !== gold && !((upos === 'VERB' || upos === 'AUX') && tied(e, r))) ip.set(k, gold);
    }
    {
      // chat spellings the formalizer's word table knows (data/formal.json: hazm's iwords, shekar's informal words, a
      // hand table; تلوزیوون → تلویزیون, نیگا → نگاه, چیزا → چیزها): the lemma of the formal spelling, where iPerUDT's own
      // votes are silent and it differs from the lemma of the word as written (the rules read some: زبون → زبان)
      const withOwn = createLemmatizer({ ...data, schemes: { iperudt: new Map(ip) } }, { scheme: 'iperudt' });
      const formal = JSON.parse(readFileSync(`${ROOT}data/formal.json`, 'utf8')) as { words: [string, string][] };
      for (const [c, t] of formal.words) {
        if (c === t || t.includes(' ')) continue;
        for (const u of FORMAL_UPOS) {
          const k = c + '\t' + u;
          if (ipv.has(k)) continue;
          const l = withOwn.lemma(t, u);
          if (l !== withOwn.lemma(c, u)) ip.set(k, l);
        }
      }
    }
    const withIp = createLemmatizer({ ...data, schemes: { iperudt: new Map(ip) } }, { scheme: 'iperudt' });
    for (const [k, e] of ipPron) {
      const gold = winner(e);
      const [form, , pt] = k.split('\t') as [string, string, string];
      if (withIp.lemma(form, 'PRON', 'PronType=' + pt) !== gold) ip.set(k, gold);
    }
  }
  for (const [form, e] of informalAlone) if (!byFAlone.has(form)) ip.set(form + '\t', winner(e));
  data.schemes = { seraji: scheme, iperudt: ip };
  return data;
}

// ---------------------------------------------------------------- evaluation
const cvErrors: string[] = [];
/** the token of a word of a multi-word token, as far as the lemmatizer reads it */
const MWT = { words: { length: 2 } };
/** errors with predicted tags (TAGGER=...): set, gold UPOS, predicted UPOS, form, gold, predicted, tagonly/both */
const tagErrors: string[] = [];
/** (TUNE / CV) the words lemmatized wrongly without UPOS (search terms), to .tmp/lemma-errors-noupos.tsv */
const noupErrors: string[] = [];
let seenKeys = new Set<string>();
function evaluate(bytes: Uint8Array, tally?: Map<string, number[]>): void {
  // iperudt-past: iPerUDT's lemmas with verbs as past stems (verbLemma 'past', what scheme 'auto' uses on chat)
  type Scheme = 'perdt' | 'seraji' | 'iperudt' | 'iperudt-past';
  const sets: [string, Tok[], Scheme][] = TUNE
    ? [
        ['perdt (tune)', tokens('perdt', 'train', 'tail'), 'perdt'],
        ['seraji (tune)', tokens('seraji', 'train', 'tail', true), 'seraji'],
        ...(CV === 0
          ? ([
              ['iperudt (tune)', tokens('iperudtTrain', 'train', 'tail'), 'perdt'],
              ['iperudt (tune) #', tokens('iperudtTrain', 'train', 'tail', true), 'iperudt'],
            ] as [string, Tok[], Scheme][])
          : []),
      ]
    : [
        ['perdt', tokens('perdt', 'validation'), 'perdt'],
        ['seraji', tokens('seraji', 'validation', undefined, true), 'seraji'],
        ['iperudtDev', tokens('iperudtDev', 'validation'), 'perdt'],
        ['iperudtDev #', tokens('iperudtDev', 'validation', undefined, true), 'iperudt'],
      ];
  const errors: string[] = tally ? cvErrors : [];
  const pct = (a: number, n: number): string => ((100 * a) / n).toFixed(2).padStart(7);
  if (!tally) {
    console.log('\nlemma accuracy on gold words (% of words); scheme = the treebank convention option used');
    console.log('set                scheme    words  form=lemma  UPOS     UPOS+feats  no UPOS' + (process.env.TAGGER && TUNE ? '  tagger' : ''));
  }
  const runs: [string, Tok[], Scheme][] = [];
  for (const [name, toks, sch] of sets) {
    runs.push([name, toks, sch]);
    if (sch === 'seraji') runs.push([name, toks, 'perdt']);
    if (sch === 'perdt' && name.startsWith('iperudt')) runs.push([name, toks, 'iperudt-past']);
  }
  for (const [name, toks, sch] of runs) {
    const lem: Lemmatizer = createLemmatizer(bytes, sch === 'iperudt-past' ? { scheme: 'iperudt', verbLemma: 'past' } : { scheme: sch });
    // the words go in sentence by sentence (the lemmatizer may look at the neighbours)
    const bySent: Tok[][] = [];
    for (const t of toks) (bySent[t.sent] ??= []).push(t);
    const run = (f: (t: Tok) => LemmaInput): string[] =>
      bySent.flatMap((s) => (s ? lem.lemmatizeSentence(s.map(f)) : []));
    const aUp = run((t) => ({ form: t.form, upos: t.upos }));
    // (UPOS, FEATS and XPOS: what the pipeline hands in)
    const aUpf = run((t) => ({ form: t.form, upos: t.upos, feats: t.feats, xpos: t.xpos }));
    // (a word of a multi-word token says so, as a Doc's Word does through its token)
    const aNo = run((t) => ({ form: t.form, ...(t.mwt ? { token: MWT } : {}) }));
    const hasTagger = toks.length > 0 && toks[0]!.pUpos !== undefined;
    const aTag = hasTagger ? run((t) => ({ form: t.form, upos: t.pUpos, feats: t.pFeats, xpos: t.pXpos })) : [];
    const ordered = bySent.flatMap((s) => s ?? []);
    let base = 0;
    let up = 0;
    let upf = 0;
    let noup = 0;
    let tag = 0;
    const own = sch === sets.find((x) => x[0] === name)![2];
    ordered.forEach((t, i) => {
      if (t.skip) return;
      // (the error lists also give XPOS and the next word of the sentence: the context of a final ی)
      const nx = ordered[i + 1]?.sent === t.sent ? ordered[i + 1]!.form : '';
      if (t.form === t.lemma) base++;
      if (aUp[i] === t.lemma) up++;
      // the errors listed are those with gold UPOS, FEATS and XPOS (what the pipeline hands in)
      const a = aUpf[i]!;
      if (a !== t.lemma && own) {
        errors.push(`${name}\t${t.upos}\t${t.form}\t${t.lemma}\t${a}\t${seenKeys.has(t.form + '\t' + t.upos) ? 'seen' : 'oov'}\t${t.feats ?? ''}\t${t.xpos ?? ''}\t${nx}`);
      }
      if (aUpf[i] === t.lemma) upf++;
      if (aNo[i] === t.lemma) noup++;
      else if (own && TUNE) noupErrors.push(`${name}\t${t.upos}\t${t.form}\t${t.lemma}\t${aNo[i]}\t${t.feats ?? ''}\t${nx}`);
      if (hasTagger) {
        if (aTag[i] === t.lemma) tag++;
        else if (own) tagErrors.push(`${name}\t${t.upos}\t${t.pUpos}\t${t.form}\t${t.lemma}\t${aTag[i]}\t${aUpf[i] === t.lemma ? 'tagonly' : 'both'}\t${t.pFeats ?? ''}\t${t.pXpos ?? ''}\t${nx}`);
      }
    });
    const n = toks.filter((t) => !t.skip).length;
    if (tally) {
      const key = `${name} [${sch}]`;
      const e = tally.get(key) ?? [0, 0, 0, 0, 0, 0];
      [n, base, up, upf, noup, tag].forEach((v, i) => (e[i]! += v));
      tally.set(key, e);
      continue;
    }
    console.log(
      `${name.padEnd(18)} ${sch.padEnd(7)} ${String(n).padStart(7)}  ${pct(base, n)}    ${pct(up, n)}  ${pct(upf, n)}  ${pct(noup, n)}` +
        (hasTagger ? `  ${pct(tag, n)}` : ''),
    );
  }
  mkdirSync(`${ROOT}.tmp`, { recursive: true });
  writeFileSync(`${ROOT}.tmp/lemma-errors${TUNE ? '-tune' : ''}.tsv`, errors.join('\n') + '\n');
  if (tagErrors.length) writeFileSync(`${ROOT}.tmp/lemma-errors-tagger.tsv`, tagErrors.join('\n') + '\n');
  if (noupErrors.length) writeFileSync(`${ROOT}.tmp/lemma-errors-noupos.tsv`, noupErrors.join('\n') + '\n');
}

/** Throughput in CPU time (the machine may be shared): loading, a first pass over running text, warm passes. */
function speed(bytes: Uint8Array): void {
  const cpu = (f: () => void): number => {
    const a = process.cpuUsage();
    f();
    const b = process.cpuUsage(a);
    return (b.user + b.system) / 1000;
  };
  const words = readShared('text/perdt-train.txt').split(/[\s.,،:؛!?()«»"]+/).filter(Boolean);
  let lem = createLemmatizer(bytes);
  const loadMs = cpu(() => {
    lem = createLemmatizer(bytes);
  });
  const coldMs = cpu(() => {
    for (const w of words) lem.lemma(w);
  });
  const warmMs = cpu(() => {
    for (let r = 0; r < 3; r++) for (const w of words) lem.lemma(w);
  });
  const distinct = new Set(words).size;
  const mws = (n: number, ms: number): string => ((n / ms) * 1000 / 1e6).toFixed(2);
  console.log(
    `\nspeed (CPU time, no UPOS, PerDT train text: ${words.length} words, ${distinct} distinct): load ${loadMs.toFixed(0)} ms; ` +
      `first pass ${mws(words.length, coldMs)} M words/s; memoized ${mws(3 * words.length, warmMs)} M words/s`,
  );
}

if (CV > 0) {
  const tally = new Map<string, number[]>();
  for (cvFold = 0; cvFold < CV; cvFold++) evaluate(encodeLemmaData(build()), tally);
  console.log(`cross-validation over the train ranges (${CV} folds)`);
  console.log('set [scheme]                 words  form=lemma  UPOS     UPOS+feats  no UPOS');
  for (const [name, [n, base, up, upf, noup]] of tally) {
    const p = (a: number): string => ((100 * a) / n!).toFixed(2).padStart(7);
    console.log(`${name.padEnd(26)} ${String(n).padStart(7)}  ${p(base!)}    ${p(up!)}  ${p(upf!)}  ${p(noup!)}  errors ${n! - upf!}`);
  }
} else if (EVAL_ONLY) {
  const bytes = new Uint8Array(readFileSync(`${ROOT}data/lemma.bin`));
  evaluate(bytes);
  speed(bytes);
} else {
  const t0 = Date.now();
  const data = build();
  if (!TUNE) data.cache = buildCache(data);
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
      `${data.schemes.seraji!.size} seraji and ${data.schemes.iperudt!.size} iperudt overrides, ${data.cache?.size ?? 0} cached forms; ${((Date.now() - t0) / 1000).toFixed(1)} s`,
  );
  evaluate(bytes);
  speed(bytes);
}
