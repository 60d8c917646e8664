/**
 * Persian lemmatizer. Lemma convention of UD Persian-PerDT / Seraji: verbs → past stem (می‌خواهند → خواست,
 * نرفته‌ایم → رفت), nouns → singular without clitics (کتاب‌هایشان → کتاب, افراد → فرد), adjectives → positive degree
 * (بزرگ‌ترین → بزرگ), clitic pronouns → the free pronoun (ش → او).
 *
 * Order of decision for a (form, UPOS):
 *   1. exceptions learned from the training treebanks ((form, UPOS) → lemma, only where the rules below are wrong;
 *      for a pronoun also (form, PRON, PronType));
 *   2. VERB/AUX (or no UPOS and a verb shape): verb analysis with the stem lexicon (./verb.ts);
 *   3. other words: suffix-chain analysis validated against the lemma lexicon, ranked by learned statistics
 *      (./nominal.ts);
 *   4. otherwise the form itself.
 * An adjective that is an ordinal + the indefinite ی (پنجمی) loses the ی; a noun that is a compound written with a ZWNJ
 * keeps its final ی, the abstract noun's (دروازه‌بانی). With a whole sentence (`lemmatizeSentence`), a noun right
 * before the relative که loses its indefinite ی (کتابی که → کتاب), an adjective right before punctuation keeps its ی
 * (بعدی،).
 * Results are memoized per (form, UPOS). Pure: the data is handed in (see decodeLemmaData).
 */
import { doubledStretches, hasLetter, hasStretch, oneStretchedLetter, MAX_WORD, readZwnjEntities, unstretch } from '../chars.js';
import { decodeLemmaData, GOLD_UPOS_SHIFT, POS_GOLD, POS_NOUN, POS_NUM, POS_PROPN, type LemmaData } from './data.js';
import { decodedOnce } from '../resource.js';
import { badOption, DabirError, kindOf, listArgument, optionsObject, textArgument } from '../errors.js';

const decodeLemmaOnce = decodedOnce(decodeLemmaData);
import { createNominalChooser, posMask } from './nominal.js';
import { analyzeVerb, analyzeVerbForm, analyzeWithoutClitic, buildVerbStems, primeVerbAnalysis, TENSE_ANY, TENSE_PAST, TENSE_PRES, type VerbReading, type VerbStems } from './verb.js';

export { decodeLemmaData, encodeLemmaData, LEMMA_FORMAT_VERSION, type LemmaData } from './data.js';
export { stem } from './stem.js';

export interface LemmatizerOptions {
  /**
   * Treebank convention for the few points where the treebanks disagree: Seraji gives forms of شدن the lemma کرد
   * and keeps some final ی; iPerUDT (informal) writes a verb lemma as past#present stems (می‌کنه → کرد#کن) and has
   * its own lemmas for some informal words. Default "perdt".
   */
  scheme?: 'perdt' | 'seraji' | 'iperudt';
  /**
   * How a verb's lemma is written: 'past' (the past stem, PerDT and Seraji) or 'pair' (past#present, iPerUDT).
   * Default: the scheme's. Scheme iperudt with 'past' keeps iPerUDT's knowledge of colloquial words (نون → نان)
   * in PerDT's convention (see `pastStemLemma`).
   */
  verbLemma?: 'past' | 'pair';
  /** memo size (distinct (form, UPOS) pairs kept); default 200000 */
  cacheSize?: number;
}

/** the preverb parts of iPerUDT's preverb#past#present lemmas */
export const PREVERB_PARTS = new Set(['بر', 'در', 'فرو', 'فرا', 'باز', 'وا', 'ور']);

/**
 * A lemma in PerDT's convention: past#present → the past stem (the present when there is no past: #است → است),
 * preverb#past#present → the past stem; any other lemma unchanged.
 */
export function pastStemLemma(l: string): string {
  if (!l.includes('#')) return l;
  const parts = l.split('#');
  if (parts.length > 2 || (PREVERB_PARTS.has(parts[0]!) && parts[1])) parts.shift();
  return parts[0] || parts[1] || l;
}

/** A word of a sentence, as handed to `lemmatizeSentence`. */
export interface LemmaInput {
  form: string;
  upos?: string | undefined;
  feats?: string | undefined;
  /** the treebank tag, when known: PerDT's reflexive خود with person features is خودش only as PR_UCREFX */
  xpos?: string | undefined;
  /**
   * the token the word belongs to (a Doc's Word has it): a word of a multi-word token may be a piece that is no word
   * alone (Seraji's دان of بدان = به + آن), whose lemma without a UPOS the training data gives for such a piece only
   */
  token?: { readonly words: { readonly length: number } } | undefined;
}

export interface Lemmatizer {
  /** The lemma of a word. `upos` (UD tag) sharpens the choice; `feats` (UD features) decide a few cases. */
  lemma(form: string, upos?: string, feats?: string): string;
  /** The lemmas of the words of one sentence, in order; the neighbouring words decide a few context cases. */
  lemmatizeSentence(words: readonly LemmaInput[]): string[];
}

/** Canonical spelling used to look words up: Persian ی ک ه, no kashida or diacritics (hamza above kept), ۀ → هٔ. */
/**
 * chat's plural + clitics and clitics at the end of a word (the PerDT scheme keeps such a token whole): ‌هامو, هاشون,
 * ‌شونو, مون; one regular expression anchored at the end, no backtracking beyond the ZWNJ and the fixed alternatives
 */
const CHAT_CHAINS = /\u200c?(?:ها(?:شون|تون|مون|ش|ت|م)?(?:و|رو)?|(?:شون|تون|مون)(?:و|رو)?)$/;

/**
 * a clitic pronoun of the plural persons at the end of a name, formal or chat, maybe + the object marker:
 * ایرانشون, کرمانشان, تهرانمونو (group 1: the clitic's vowel letter, و in chat)
 */
const NAME_CLITIC = /\u200c?(?:ش|ت|م)(و|ا)ن(?:و|رو)?$/;
/**
 * the copula's person endings written as words of their own (split from a host: آماده + ایم, انسانی + اند), with their
 * person and number (VERB_PERSON_SHIFT's codes: 2 1sg, 3 1pl, 4 2sg, 5 2pl, 7 3pl)
 */
const COPULA_PN = new Map([['ام', 2], ['ای', 4], ['ایم', 3], ['یم', 3], ['اید', 5], ['ید', 5], ['اند', 7], ['ند', 7]]);

export function lemmaKey(s: string): string {
  let out = '';
  let changed = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x064a || c === 0x0649) {
      out += 'ی';
      changed = true;
    } else if (c === 0x0643) {
      out += 'ک';
      changed = true;
    } else if (c === 0x06d5) {
      out += 'ه';
      changed = true;
    } else if (c === 0x06c0) {
      out += 'هٔ';
      changed = true;
    } else if (c >= 0xfb50 && c <= 0xfefc) {
      // Arabic presentation forms (ﺟﻮﻥ): their compatibility letter
      out += s[i]!.normalize('NFKC');
      changed = true;
    } else if (c === 0x0640 || (c >= 0x064b && c <= 0x0652) || c === 0x0670) {
      changed = true;
    } else if (c === 0x200c && (i === 0 || i === s.length - 1 || s.charCodeAt(i + 1) === 0x200c)) {
      changed = true;
    } else out += s[i];
  }
  return changed ? out : s;
}

const VOWEL_MARK = /[\u064c-\u0652\u0670]/g;
/**
 * s without fatha, damma, kasra, shadda, sukun (U+064E-U+0652) and the superscript alef (U+0670, a long ā written as a
 * vowel sign: الرَّحْمَٰنِ, لِلّٰهِ kept it in their lemmas, الرحمٰن), and without the tanwin of a case ending, ٌ and ٍ
 * (U+064C, U+064D: فَریضَةٌ kept it, فریضةٌ; no lemma of PerDT's or iPerUDT's train part has one, save a slip); the
 * adverbs' tanwin ً (کاملاً) and the hamza stay
 */
function withoutVowelMarks(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0x064c && c <= 0x0652) || c === 0x0670) {
      const r = s.replace(VOWEL_MARK, '');
      return r.length > 0 ? r : s;
    }
  }
  return s;
}

/** the index of the first letter where two strings differ (the shorter one's length when one starts the other) */
function firstDiff(a: string, b: string): number {
  const k = Math.min(a.length, b.length);
  let i = 0;
  while (i < k && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

function trimZwnj(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && s.charCodeAt(a) === 0x200c) a++;
  while (b > a && s.charCodeAt(b - 1) === 0x200c) b--;
  return a === 0 && b === s.length ? s : s.slice(a, b);
}

/** a #hashtag (as the tagger reads one: # then a letter, digit or _) */
const HASHTAG = /^#[\p{L}\p{N}_]/u;
/** a word of Persian letters (and ZWNJs) only */
const LETTERS_ONLY = /^[\u0621-\u064a\u067e\u0686\u0698\u06a9\u06af\u06cc\u200c]+$/;

const GOESWITH_HOST = new Set(['NOUN', 'ADJ', 'ADV', 'PROPN', 'INTJ']);
const SPLIT_SUFFIX = new Set(['و', 'ها', 'های', 'هایی', 'ی', 'ای', 'ایی', 'ان', 'ات', 'تر', 'ترین']);
/** a word ending in a letter that does not join the next (کمر, فاسد): its compounds are written without a ZWNJ */
const NON_JOINING = /[اآدذرزژو]$/;

/** an adverb that may be Arabic with its tanwin left out: a final ا after a consonant letter, not ها (بارها) */
const ARABIC_ADVERB = /^[^\u200c]{2,}[^اآوی\u200cه]ا$/;

/** an initial آ before ن / م as chat writes it when spoken u (اونجا, اومده) */
const INITIAL_OO = /^او[نم]./;

const RARE_VERB = Math.log(1 + 2.5);
/** Arabic vowel signs: tanwin, fatha, damma, kasra, shadda, sukun */
const VOWEL_SIGN = /[\u064b-\u0652]/;

/**
 * Whether the part of `form` after its first `k` letters in lemmaKey's spelling (a suffix the analysis strips), with the
 * signs of the letter before it, carries Arabic vocalization that Persian suffixes do not take: a sign other than a
 * final short vowel (the ezafe: کتاب‌هایِ; a clitic's vowel: دوستانَ of دوستانَش). اَیُّهَا (shadda on ی, fatha on ه),
 * ناوِلْها (sukun before ها) are Arabic: ها is no plural there. A suffix after a ZWNJ is Persian (Arabic writes none):
 * کِتاب‌هایَ (of کِتاب‌هایَش) is کتاب.
 */
function vocalizedSuffix(form: string, k: number): boolean {
  let i = 0;
  let letters = 0;
  for (; i < form.length && letters < k; i++) if (!VOWEL_SIGN.test(form[i]!) && form.charCodeAt(i) !== 0x0640 && form.charCodeAt(i) !== 0x0670) letters++;
  if (form.indexOf('\u200c', i > 0 ? i - 1 : 0) >= 0) return false;
  let end = form.length;
  // (a final fatha, damma or kasra is Persian too: the ezafe, کتاب‌هایِ, or the vowel of a clitic split off after it,
  // دوستانَ of دوستانَش; it was taken as Arabic, دوستان)
  const last = form.charCodeAt(end - 1);
  if (last === 0x064e || last === 0x064f || last === 0x0650) end--;
  return VOWEL_SIGN.test(form.slice(i, end));
}

/** tags a chat verb form is mistaken for (see compute) */
const VERB_TAG_SLIP = new Set(['NOUN', 'ADJ', 'ADV', 'X']);
/** a preposition's written ezafe (see compute): ٔ, ‌ی after ه, a ZWNJ left at the end; the preposition without it */
function adpWithoutEzafe(n: string): string {
  if (n.length < 3) return n;
  if (n.endsWith('\u0654') || n.endsWith('\u200c')) return n.slice(0, -1);
  if (n.endsWith('ه\u200cی') && n.length >= 5) return n.slice(0, -2);
  return n;
}

/** a person ending or pronoun clitic written after a ZWNJ (not ‌ای: the adjectival ‌ای of هسته‌ای, ویژه‌ای) */
const PERSON_CLITICS = new Set(['ام', 'ایم', 'اید', 'اند', 'اش', 'ات', 'مان', 'تان', 'شان']);
/** the tags whose words written host + ZWNJ + a person ending or clitic take the host's lemma (personCliticHost) */
const CLITIC_HOST_UPOS = new Set(['NOUN', 'ADJ', 'PRON']);
/** the host of a word written host + ZWNJ + a person ending or clitic (خسته‌ام → خسته), or undefined */
function personCliticHost(n: string): string | undefined {
  const z = n.lastIndexOf('\u200c');
  if (z < 3 || !PERSON_CLITICS.has(n.slice(z + 1))) return undefined;
  // (the host's last piece has three letters or more: a spelled acronym is no host + ام, پی‌ام, بی‌دی‌اس‌ام)
  const zh = n.lastIndexOf('\u200c', z - 1);
  return z - zh - 1 >= 3 ? n.slice(0, z) : undefined;
}

const NOMINAL_SKIP = new Set(['PUNCT', 'SYM', 'X', 'CCONJ', 'SCONJ', 'PART', 'INTJ']);

function isVerbShaped(n: string): boolean {
  return n.startsWith('می') || n.startsWith('نمی');
}

const REFLEXIVE: Record<string, string> = {
  '1Sing': 'خودم',
  '2Sing': 'خودت',
  '3Sing': 'خودش',
  '1Plur': 'خودمان',
  '2Plur': 'خودتان',
  '3Plur': 'خودشان',
};

function reflexive(feats: string): string | undefined {
  if (feats.includes('Reflex=Yes') || feats.includes('PronType')) return undefined;
  const p = /Person=([123])/.exec(feats)?.[1];
  const n = /Number=(Sing|Plur)/.exec(feats)?.[1];
  return p && n ? REFLEXIVE[p + n] : undefined;
}

/**
 * Formal spellings of a colloquial form: spoken Persian turns ā before n or m into u (دون ← دان, زبون ← زبان,
 * کدوم ← کدام), so each و before ن/م may stand for ا, and (`vaan`, the default) وn for وان (خوندم ← خواندم).
 * Shared with the formalizer, which reads only the first kind.
 */
export function formalVariants(n: string, options: { vaan?: boolean } = {}): string[] {
  const vaan = options.vaan !== false;
  const out: string[] = [];
  for (let i = 1; i + 1 < n.length; i++) {
    if (n.charCodeAt(i) !== 0x0648) continue;
    const next = n.charCodeAt(i + 1);
    if (next !== 0x0646 && next !== 0x0645) continue;
    out.push(n.slice(0, i) + 'ا' + n.slice(i + 1));
    if (vaan && next === 0x0646) out.push(n.slice(0, i + 1) + 'ا' + n.slice(i + 1));
  }
  return out;
}

/** The "form\tUPOS" entries of an exception table as UPOS → form → lemma (other keys are left out). */
function byUpos(m: ReadonlyMap<string, string>): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  for (const [k, v] of m) {
    const t = k.indexOf('\t');
    if (t <= 0 || k.indexOf('\t', t + 1) >= 0) continue;
    const u = k.slice(t + 1);
    let x = out.get(u);
    if (!x) out.set(u, (x = new Map()));
    x.set(k.slice(0, t), v);
  }
  return out;
}

/** A form or lemma without ZWNJs and spaces, in canonical letters: what a compound's parts spell together. */
const bare = (s: string): string => lemmaKey(s).replace(/[\u200c ]/g, '');

/**
 * A lemma that spells the form and more (سوراخ → سوراخ‌شدگی, ضد → ضدآفتاب, صدا → صداوسیما): the lemma iPerUDT
 * gives every part of a compound written apart. Not a verb's or pronoun's lemma, nor a past#present pair.
 */
function isCompoundLemma(form: string, lemma: string, upos: string): boolean {
  if (upos === 'VERB' || upos === 'AUX' || upos === 'PRON' || lemma.includes('#')) return false;
  const f = bare(form);
  const l = bare(lemma);
  return f.length > 0 && l.length >= f.length + 2 && l.includes(f);
}

/**
 * Moves the compound lemmas out of an exception table (UPOS → form → lemma) into form → UPOS → lemma: such a
 * lemma holds only where the neighbouring words spell the rest of the compound (see spelledAround).
 */
function takeCompounds(by: Map<string, Map<string, string>>, into: Map<string, Map<string, string>>): void {
  for (const [u, m] of by) {
    for (const [f, l] of m) {
      if (!isCompoundLemma(f, l, u)) continue;
      m.delete(f);
      let x = into.get(f);
      if (!x) into.set(f, (x = new Map()));
      if (!x.has(u)) x.set(u, l);
    }
  }
}

/** Whether words[i] with some neighbours (up to 4 on either side) spell the compound lemma `l` together. */
function spelledAround(words: readonly LemmaInput[], i: number, l: string): boolean {
  const target = bare(l);
  for (let a = Math.max(0, i - 4); a <= i; a++) {
    let c = '';
    for (let b = a; b < words.length && b <= i + 4; b++) {
      c += bare(words[b]!.form);
      if (c.length >= target.length) {
        if (b >= i && b > a && c === target) return true;
        break;
      }
      if (!target.startsWith(c)) break;
    }
  }
  return false;
}

/**
 * Whether a noun is a compound written with a ZWNJ (دروازه‌بان, بی‌باک) + the ی of an abstract noun, and `stem` that
 * compound without it (the ی after a consonant letter, یی after a vowel letter: بی‌اعتنایی); not a plural + the
 * indefinite ی (بیماری‌هایی)
 */
function compoundAbstract(n: string, stem: string): boolean {
  const k = n.length;
  if (stem.length < 3 || !n.startsWith(stem) || n.charCodeAt(k - 1) !== 0x06cc) return false;
  const d = k - stem.length;
  const last = stem.charCodeAt(stem.length - 1);
  const vowel = last === 0x0627 || last === 0x0648 || last === 0x0622;
  if (!(d === 1 ? !vowel && last !== 0x06cc && last !== 0x0647 && last !== 0x200c : d === 2 && vowel && n.charCodeAt(k - 2) === 0x06cc)) return false;
  const z = stem.lastIndexOf('\u200c');
  if (z <= 0 || z >= stem.length - 1) return false;
  const piece = stem.slice(z + 1);
  return piece !== 'ها' && piece !== 'های';
}

/** the broken-plural table without chat's plurals in ا (a plural of its lemma + ا, or of a lemma in ه with ا for it) */
function withoutChatPlurals(plurals: ReadonlyMap<string, string>): ReadonlyMap<string, string> {
  const out = new Map<string, string>();
  for (const [pl, sg] of plurals) if (!(pl.endsWith('ا') && (pl === sg + 'ا' || (sg.endsWith('ه') && pl === sg.slice(0, -1) + 'ا')))) out.set(pl, sg);
  return out;
}

/**
 * A compound written with a ZWNJ + the plural ان, maybe + the indefinite ی (مستعمره‌نشینان, صاحب‌نظرانی,
 * شبه‌نظامیان): the compound without them, گان read as the participle's ه + ان after د or ن (ستم‌دیدگان →
 * ستم‌دیده, شرکت‌کنندگان → شرکت‌کننده), یان after a vowel letter as the glide + ان (ترانه‌سرایان → ترانه‌سرا);
 * undefined for another form. The piece after the last ZWNJ keeps two letters
 * or more and is no plural ها.
 */
function compoundPlural(n: string): string | undefined {
  let k = n.length;
  if (k > 4 && n.charCodeAt(k - 1) === 0x06cc && n.charCodeAt(k - 2) === 0x0646) k--;
  if (n.charCodeAt(k - 1) !== 0x0646 || n.charCodeAt(k - 2) !== 0x0627) return undefined;
  const z = n.lastIndexOf('\u200c', k - 3);
  if (z <= 0) return undefined;
  let stem = n.slice(0, k - 2);
  if (/[دن]گ$/.test(stem)) stem = stem.slice(0, -1) + 'ه';
  // (یان after a vowel letter is the glide ی + ان: ترانه‌سرایان → ترانه‌سرا, not the nisba's ی of شبه‌نظامیان)
  else if (/[اوآ]ی$/.test(stem)) stem = stem.slice(0, -1);
  const piece = stem.slice(z + 1);
  if (piece.length < 2 || piece === 'ها' || piece === 'های') return undefined;
  return stem;
}

/** a stem ending after which a final ی is a glide or follows a ZWNJ (جای, خانه‌ای), not the ی after a consonant */
const NO_NISBA_BEFORE = /[اوآیه\u200c]$/;
/** a word of punctuation only */
const PUNCT_ONLY = /^\p{P}+$/u;

/** determiners after which a final ی is the indefinite one */
const INDEF_BEFORE = new Set(['هیچ', 'چنین', 'چنان']);

/** The form without a final indefinite ی (کتابی, خانه‌ای, کتاب‌هایی, جایی), or undefined when it has none. */
function indefiniteStem(n: string): string | undefined {
  const k = n.length;
  if (k < 3 || n.charCodeAt(k - 1) !== 0x06cc) return undefined;
  const prev = n[k - 2]!;
  if (prev === 'ی') return k > 3 && (n[k - 3] === 'ا' || n[k - 3] === 'و') ? n.slice(0, -2) : undefined; // کتاب‌هایی, جایی
  if (prev === 'ا') return n[k - 3] === '\u200c' ? n.slice(0, -3) : n[k - 3] === 'ه' ? n.slice(0, -2) : undefined; // خانه‌ای
  if (prev === '\u200c' || prev === 'و') return undefined;
  return n.slice(0, -1);
}

/** (form, UPOS) pairs that take the branches of compute: verbs, nouns, informal spellings, ordinals, numbers, ... */
const PRIMING: [string, string][] = [
  ['می‌روند', 'VERB'],
  ['كتاب', 'NOUN'],
  ['می‌روند', ''],
  ['كتابها', ''],
  ['کتاب', 'VERB'],
  ['xyz', 'VERB'],
  ['می‌دونستیم', 'VERB'],
  ['رفته‌اند', 'AUX'],
  ['کتاب‌هایشان', ''],
  ['برگشتند', ''],
  ['تهرانی', ''],
  ['کتابهای', 'NOUN'],
  ['زبونش', 'NOUN'],
  ['درسا', 'NOUN'],
  ['بچرخه', 'NOUN'],
  ['بزرگ‌ترین', 'ADJ'],
  ['پنجمی', 'ADJ'],
  ['ادم', 'NOUN'],
  ['۱۲', 'NUM'],
  ['دوازده', 'NUM'],
  ['.', 'PUNCT'],
  ['آنها', 'PRON'],
  ['آرشام', 'PROPN'],
  ['ایرانشون', 'PROPN'],
  ['سریعاً', 'ADV'],
  ['برای', 'ADP'],
  ['هر', 'DET'],
  ['و', 'CCONJ'],
  ['xyz', 'X'],
];

/**
 * The lemma data argument of `fn`: the bytes of data/lemma.bin or their decoded data; null or undefined is
 * E_RESOURCE_MISSING, anything else E_RESOURCE_CORRUPT (null was "Cannot read properties of null (reading 'verbs')",
 * an object of other fields 'verbs is not iterable').
 */
function lemmaDataArgument(data: unknown, fn: string): void {
  if (data === undefined || data === null) throw new DabirError('E_RESOURCE_MISSING', `${fn} needs the lemma data`, 'pass the bytes of data/lemma.bin (or decodeLemmaData of them)');
  const d = data as Partial<LemmaData>;
  if (!(data instanceof Uint8Array) && (typeof data !== 'object' || !Array.isArray(d.verbs) || typeof d.lexicon?.get !== 'function')) {
    throw new DabirError('E_RESOURCE_CORRUPT', `lemma data: neither the bytes of data/lemma.bin nor their decoded data (got ${kindOf(data)})`, 'pass the bytes of data/lemma.bin (or decodeLemmaData of them)');
  }
}

export function createLemmatizer(data: LemmaData | Uint8Array, options: LemmatizerOptions = {}): Lemmatizer {
  lemmaDataArgument(data, 'createLemmatizer');
  options = optionsObject(options, 'lemmatizer');
  // (decoded once per bytes object: the two sides of scheme auto, or several pipelines, share the tables)
  const d = data instanceof Uint8Array ? decodeLemmaOnce(data) : data;
  const stems: VerbStems = buildVerbStems(d.verbs);
  primeVerbAnalysis(stems);
  const scheme = options.scheme && options.scheme !== 'perdt' ? d.schemes[options.scheme] : undefined;
  const limit = options.cacheSize ?? 200000;
  const exact = d.exact;
  const lexicon = d.lexicon;
  const plurals = d.plurals;
  const stats = d.stats;
  const seraji = options.scheme === 'seraji';
  /** iPerUDT's conventions: its chat plurals, Arabic adverbs, بی and goeswith parts (below) */
  const chat = options.scheme === 'iperudt';
  /** the build-time lemmas of frequent forms (no UPOS, PerDT's conventions): valid only for this lemmatizer's defaults */
  const cache = !options.scheme || options.scheme === 'perdt' ? d.cache : undefined;
  const lemmaMap = new Map<string, string>();
  /** a verb's past stem as the convention writes its lemma (iPerUDT کرد → کرد#کن; the stem itself elsewhere) */
  const conventionLemma = (v: string): string => (lemmaMap.size ? lemmaMap.get(v) ?? v : v);
  if (scheme) for (const [k, v] of scheme) if (k.startsWith('\tlemma\t')) lemmaMap.set(k.slice(7), v);
  // the lemmas, without a UPOS, of the forms the treebanks show only as a piece of a multi-word token ("form\t\tpiece")
  const pieces = new Map<string, string>();
  for (const [k, v] of exact) if (k.endsWith('\t\tpiece')) pieces.set(k.slice(0, -7), v);

  // a convention with its own decision counts in the stats (keys "<scheme>|D|...") uses them
  const sp = options.scheme && options.scheme !== 'perdt' && stats.has(options.scheme + '|D|') ? options.scheme + '|D|' : undefined;
  const nominalAny = createNominalChooser(lexicon, plurals, d.freq, stats, sp);
  // a name keeps a final ا (شبا, درسا, سازگارا), as informalNominal keeps its endings, and so does any word in Seraji's
  // convention (formal text, which tags names NOUN and reads no chat): the broken-plural table holds chat's plurals in
  // ا too, learned from iPerUDT (شبا → شب, بچا → بچه), which gave the name شبا the lemma شب
  // (made at its first use: building a chooser costs tens of milliseconds, and a formal lemmatizer may never meet a name)
  let nominalFormal: ReturnType<typeof createNominalChooser> | undefined;
  const nominal = (n: string, upos: string, singular?: boolean): string =>
    upos === 'PROPN' || seraji ? (nominalFormal ??= createNominalChooser(lexicon, withoutChatPlurals(plurals), d.freq, stats, sp))(n, upos, singular) : nominalAny(n, upos, singular);

  // (keyed by the resource as given: a pipeline's tagger and formalizer share the reader)
  const readStretch = (form: string): string => (hasStretch(form) ? stretchReaderOf(data)(form) : form);

  /** An ordinal: a cardinal number word (NUM in the lexicon) + م (پنجم, دهم; سوم from سه) */
  const isOrdinal = (w: string): boolean => {
    if (w.length < 3 || !w.endsWith('م')) return false;
    const c = w === 'سوم' ? 'سه' : w.slice(0, -1);
    return ((lexicon.get(c) ?? 0) & POS_NUM) !== 0;
  };

  /** the formal spelling is the commoner one in written text (خانی is not, next to خونی) */
  const freq = d.freq;
  const moreFrequent = (v: string, n: string): boolean => (freq.get(v) ?? 0) > (freq.get(n) ?? 0);
  /** A colloquial verb whose formal spelling has a known stem (نمی‌دونستیم → دانست) */
  const informalVerb = (n: string, known: boolean): string | undefined => {
    if (known) return undefined;
    for (const v of formalVariants(n)) {
      if (moreFrequent(n, v)) continue;
      const l = analyzeVerb(v, stems);
      if (l !== undefined) return l;
    }
    return undefined;
  };
  /**
   * A name + a clitic pronoun of the plural persons, a form no lexicon lists (ایرانشون, تهرانمونو → ایران, تهران;
   * tagged PROPN also the formal clitic: کرمانشان → کرمان): the name, when it is a treebank name commoner than the
   * form. Without it the ن of the name is read as a plural ان (ایرانشان → ایر + انشان).
   */
  const nameHost = (n: string, upos: string): string | undefined => {
    const m = NAME_CLITIC.exec(n);
    if (!m || m.index < 2 || (m[1] === 'ا' && upos !== 'PROPN')) return undefined;
    const host = n.slice(0, m.index);
    return ((lexicon.get(host) ?? 0) & POS_PROPN) !== 0 && moreFrequent(host, n) ? host : undefined;
  };
  /**
   * An unknown word read as colloquial: its formal spelling is a known word or analyses to one (زبون → زبان,
   * میدونش → میدان, ادم → آدم with the madda), or it carries a colloquial ending on a known noun: the plural ا / ای
   * (درسا → درس, بچا → بچه, ادمای → آدم) or the definite ه (جوابه → جواب, خداهه → خدا). Only a stem that is commoner
   * in written text than the form and fits the UPOS counts.
   */
  const informalNominal = (n: string, upos: string): string | undefined => {
    if (upos === 'PROPN' || upos === 'NOUN' || upos === '') {
      const h = nameHost(n, upos);
      if (h !== undefined) return h;
    }
    const mask = posMask(upos);
    const fits = (w: string): boolean => ((lexicon.get(w) ?? 0) & mask) !== 0 && moreFrequent(w, n);
    const bases = n.charCodeAt(0) === 0x0627 ? [n, 'آ' + n.slice(1)] : [n];
    // (and an initial آ before ن / م spoken u is written او: اونجا → آنجا, اومده → آمده)
    if (INITIAL_OO.test(n)) bases.push('آ' + n.slice(2));
    const spellings = [...bases];
    for (const b of bases) spellings.push(...formalVariants(b));
    for (const v of spellings) {
      if (v === n) continue;
      if (fits(v)) return v;
      const l = nominal(v, upos);
      // (a spoken u read as ā is no plural ان: a strip right before the respelled letter is no reading of the form —
      // کیتون is not کیتان → کیت, nor شنون شن, نخونی (a verb tagged NOUN) نخ; but after ی, the Arabic plural ون of a
      // nisba, منطقیون → منطقی; chat's plural یون, آقایون → آقا, and clitics, پولاشون → پول, cut before it)
      // (nor a plural گان: فیروزه‌گون, turquoise-like, is no فیروزه‌گان → فیروزه, گ + the respelled letter cut off)
      const d = firstDiff(v, n);
      const cut = l.length === d || (v.charCodeAt(d - 1) === 0x06af && d - l.length <= 2);
      if (l !== v && fits(l) && (!cut || l.endsWith('ی'))) return l;
    }
    // the endings only on common nouns, adjectives and adverbs (names keep theirs: سازگارا, هسا)
    if (upos !== 'NOUN' && upos !== 'ADJ' && upos !== 'ADV') return undefined;
    for (const v of spellings) {
      const k = v.length;
      if (k < 4) continue;
      // chat's plural + clitics and clitics on a known noun (کتاب‌هامو, کتابهاشون → کتاب; خونه‌شون → خانه)
      const chain = CHAT_CHAINS.exec(v);
      if (chain && chain.index >= 2) {
        const host = v.slice(0, chain.index).replace(/\u200c$/, '');
        // a clitic without ها after a ZWNJ or a vowel only (خونه‌شون, صداشون; not کارتون, cartoon)
        const bare = !chain[0].replace('\u200c', '').startsWith('ها');
        if (host.length >= 2 && (!bare || chain[0].charCodeAt(0) === 0x200c || /[اوی]$/.test(host))) {
          if (fits(host)) return host;
          const l = informalNominal(host, upos);
          if (l !== undefined) return l;
        }
      }
      const last = v[k - 1];
      const cands: string[] = [];
      if (last === 'ا') cands.push(v.slice(0, -1), v.slice(0, -1) + 'ه');
      else if (last === 'ی' && v[k - 2] === 'ا' && k > 3) cands.push(v.slice(0, -2), v.slice(0, -2) + 'ه');
      else if (last === 'ه') cands.push(v.slice(0, -1), ...(v[k - 2] === 'ه' ? [v.slice(0, -2)] : []));
      for (const c of cands) if (c.length >= 3 && fits(c)) return c;
    }
    return undefined;
  };

  // the "form\tUPOS" exceptions by UPOS, then form: a look-up hashes the form alone instead of building a key
  const exactBy = byUpos(exact);
  const schemeBy = scheme ? byUpos(scheme) : undefined;
  // the compound lemmas of the tables apply in a sentence whose words spell the compound, never to a word alone
  const compounds = new Map<string, Map<string, string>>();
  if (schemeBy) takeCompounds(schemeBy, compounds);
  takeCompounds(exactBy, compounds);
  // a filter on (length, first letter), so a sentence's other words cost no look-up
  const compoundSlot = (f: string): number => ((f.length << 6) | (f.charCodeAt(0) & 63)) & 4095;
  const compoundMay = new Uint8Array(4096);
  for (const f of compounds.keys()) compoundMay[compoundSlot(f)] = 1;
  const lookup = (f: string, upos: string): string | undefined => {
    const s = schemeBy?.get(upos)?.get(f);
    if (s !== undefined) return s;
    const e = exactBy.get(upos)?.get(f);
    // a verb exception is a past stem: the convention's map of whole lemmas applies (iPerUDT کرد → کرد#کن)
    return e !== undefined && (upos === 'VERB' || upos === 'AUX') ? conventionLemma(e) : e;
  };

  // (before compute, which reads chatPlural for a word tagged VERB, and runs on the priming words below)
  const pluralMemo = new Map<string, string | null>();
  /**
   * Chat's plural ا (درسا, بچا → بچه) on a noun tagged plural that is also a word of its own (درسا, a name) or of three
   * letters (بچا): the stem, or stem + ه, when it is a known noun commoner in written text than the form, and the form
   * is no treebank lemma (بابا, فردا stay). Only in the informal convention: formal text's plurals in ا are Arabic
   * (علما, وزرا), whose stem is no singular.
   */
  const chatPlural = (form: string): string | undefined => {
    let r = pluralMemo.get(form);
    if (r === undefined) {
      r = null;
      const n = lemmaKey(form);
      if (n.length >= 3 && n.length <= MAX_WORD && !n.endsWith('ها') && ((lexicon.get(n) ?? 0) & POS_GOLD) === 0) {
        const base = n.slice(0, -1);
        for (const c of [base, base + 'ه']) {
          if (c.length >= 2 && ((lexicon.get(c) ?? 0) & POS_NOUN) !== 0 && moreFrequent(c, n)) {
            r = c;
            break;
          }
        }
      }
      if (pluralMemo.size >= limit) pluralMemo.clear();
      pluralMemo.set(form, r);
    }
    return r ?? undefined;
  };
  const reading: VerbReading = { negative: false, past: false, present: false, personNumber: 0, bare: false };
  /** a privative compound + ان (بی‌پروایان, بی‌کاران) no lexicon lists: the compound, when a lexicon lists it; else undefined */
  const privativePlural = (n: string): string | undefined => {
    if (n.length < 7 || !n.startsWith('بی\u200c') || !n.endsWith('ان') || lexicon.has(n)) return undefined;
    const s = compoundPlural(n);
    return s !== undefined && s.lastIndexOf('\u200c') === 2 && lexicon.has(s) ? s : undefined;
  };
  const compute = (form: string, upos: string, tense: number = TENSE_ANY, singular = false, plural = false): string => {
    // no word is this long (a run of text without spaces): left as written, not cut up into candidate stems
    if (form.length > MAX_WORD) return form;
    let hit = lookup(form, upos);
    if (hit !== undefined) return hit;
    const n = lemmaKey(form);
    if (n !== form) {
      hit = lookup(n, upos);
      if (hit !== undefined) return hit;
    }
    if (n.length === 0) return form;
    // a preposition with its ezafe written is the preposition (PerDT and Seraji: دربارهٔ ADP, lemma درباره): the ezafe
    // as ٔ, as ‌ی after ه (درباره‌ی, which the tables do not list: its lemma was درباره‌ی) or as a kasra after a ZWNJ,
    // whose ZWNJ lemmaKey keeps (برای‌ِ, بدون‌ِ: lemmas برای‌ and بدون‌ with the ZWNJ)
    if (upos === 'ADP') {
      const b = adpWithoutEzafe(n);
      if (b !== n) return compute(b, upos, tense, singular, plural);
    }
    // (looked up once: the branches below ask up to three times)
    const known = lexicon.has(n);
    let out: string;
    let host: string | undefined;
    /** out is a verb analysis's lemma */
    let verbal = upos === 'VERB' || upos === 'AUX';
    if ((upos === 'VERB' || upos === 'AUX') && COPULA_PN.has(n)) {
      // a person ending split from its host as a word of its own (آماده + ایم): the copula, هست (as the treebanks)
      out = 'هست';
    } else if (upos === 'VERB' || upos === 'AUX') {
      // (a verb that carries an object clitic unsplit, نخوندمش: the verb without it)
      const v = analyzeVerb(n, stems, undefined, tense) ?? informalVerb(n, known) ?? analyzeWithoutClitic(n, stems);
      out = v ?? nominal(n, upos);
      // a chat word tagged VERB (a tagging slip) that no lexicon lists, with no verb reading or only one of a verb the
      // data barely knows (weight 2 or less, RARE_VERB), but whose formal spelling is a known noun or adjective
      // commoner in written text: that word (کوچیک, بزرگه, بچا → کوچک, بزرگ, بچه; were کوچیک, بزرگه, چایید). Not in
      // the Seraji convention (formal text)
      // (nor a form in a person ending after a ZWNJ, a participle's, نهفته‌اید → نهفت, not the host نهفته: personCliticHost)
      if (upos === 'VERB' && !seraji && !known && n.length >= 3 && (v === undefined || (stems.past.get(v) ?? Infinity) < RARE_VERB) && personCliticHost(n) === undefined) {
        let w: string | undefined;
        for (const u of ['NOUN', 'ADJ']) {
          const l = compute(n, u);
          if (l !== n && ((lexicon.get(l) ?? 0) & posMask(u)) !== 0 && moreFrequent(l, n)) {
            w = l;
            break;
          }
        }
        if (w === undefined && chat) w = chatPlural(n);
        if (w !== undefined) {
          out = w;
          verbal = false;
        }
      }
    } else if (upos === '') {
      // (no verb in one letter: د, Pashto's particle, was داد from chat's stem د). analyzeVerb leaves `reading` as it was
      // when it finds nothing: reset, or a reading informalVerb found would be judged by the word looked at before
      reading.bare = false;
      let v = n.length >= 2 && (isVerbShaped(n) || !known) ? analyzeVerb(n, stems, reading) ?? informalVerb(n, known) : undefined;
      if (v !== undefined && reading.bare && (stems.past.get(v) ?? Infinity) < RARE_VERB) v = undefined;
      out = v !== undefined ? conventionLemma(v) : nominal(n, upos);
      verbal = v !== undefined;
      if (out === n) out = privativePlural(n) ?? out;
    } else if (NOMINAL_SKIP.has(upos) || (upos === 'NUM' && !/[^\d۰-۹٠-٩.,/٫٬]/.test(n))) {
      out = n;
    } else if (upos === 'ADJ' && n.endsWith('ی') && isOrdinal(n.slice(0, -1))) {
      // an ordinal with the indefinite ی (پنجمی → پنجم)
      out = n.slice(0, -1);
    } else if (CLITIC_HOST_UPOS.has(upos) && (host = personCliticHost(n)) !== undefined && ((lexicon.get(host) ?? 0) & POS_NUM) === 0) {
      // a word + ZWNJ + a person ending or a pronoun clitic the tokenizer left on it (chat's خسته‌ام, بچه‌ام,
      // خونه‌شون): the lemma of the word. The treebanks split every such token into host + clitic (train ranges: 118
      // with a host no verb, 80 NOUN, 31 ADJ); none of a noun, adjective or pronoun is kept whole but the ordinal
      // سی‌ام (twice), whose host is a number word. The statistics, learned on split words, had no counts for such
      // forms and kept them whole (خسته‌ام, خانه‌ام were their own lemmas). Only a NOUN, ADJ or PRON (CLITIC_HOST_UPOS):
      // not a name (تاتنه‌ام, Tottenham; the train ranges split one name so), nor an adverb or another closed class,
      // where such a form is lexicalized (همه‌اش, "all the time": iPerUDT's ADV همه‌ش keeps its ش, 6 times)
      out = compute(host, upos, tense, singular, plural);
    } else {
      out = nominal(n, upos, singular);
      // a compound noun written with a ZWNJ + ی is the abstract noun, not the compound + the indefinite ی
      // (دروازه‌بانی, بی‌باکی, خط‌کشی, بی‌اعتنایی: in the train ranges PerDT / Seraji / iPerUDT keep such a ی 83 / 48 /
      // 37 times, strip it 0 / 0 / 1)
      if (upos === 'NOUN' && out !== n && compoundAbstract(n, out)) out = n;
      // a noun tagged plural that is a compound written with a ZWNJ + the plural ان (گان after the participle's ه),
      // maybe + the indefinite ی, that the analysis keeps whole (its stem is in no lexicon: مستعمره‌نشینان,
      // ستم‌دیدگان, صاحب‌نظرانی): the compound without it (in the train ranges 21 of the 22 such nouns tagged
      // Number=Plur are lemmatized so)
      // (or strips the ی only: صاحب‌نظرانی was صاحب‌نظران)
      // Not for a word the lexicons list as a lemma whose stripped stem they do not list: هم‌زبان, بی‌پایان, فارسی‌زبان
      // are no plurals of هم‌زب, بی‌پای, فارسی‌زب (هم‌زبانی که, tagged plural, was هم‌زب); جنگ‌زدگان, listed, still
      // gives جنگ‌زده, listed too
      if (plural && upos === 'NOUN' && (out === n || n === out + 'ی')) {
        const s = compoundPlural(n);
        if (s !== undefined && (lexicon.has(s) || !lexicon.has(n.endsWith('ی') ? n.slice(0, -1) : n))) out = s;
      }
      // ... and without the feature, a privative compound (بی‌ + a word) + ان that no lexicon lists, whose stem they
      // do: an adjective of people made a plural noun (بی‌پروایان → بی‌پروا, بی‌نوایان → بی‌نوا; the statistics of یان
      // after a stem in ا, learned on two words, kept them whole)
      if (out === n && upos === 'NOUN') out = privativePlural(n) ?? out;
    }
    // a stem the analysis strips down to (ادمای → ادم, همون‌هایی → همون) takes the spelling the tables give that stem
    // with the same UPOS (ادم → آدم, همون → همان), a respelling only: not a lemma that extends or shortens the stem
    // (ایرانی → ایران would make ایرانیان ایران)
    if (out !== n && upos !== 'VERB' && upos !== 'AUX' && upos !== '' && !NOMINAL_SKIP.has(upos)) {
      const h = lookup(out, upos);
      if (h !== undefined && !h.startsWith(out) && !out.startsWith(h)) out = h;
    }
    // (not in the Seraji convention: formal text that tags names NOUN, آنه)
    if (out === n && !seraji && !known && upos !== 'VERB' && upos !== 'AUX' && !NOMINAL_SKIP.has(upos)) {
      out = informalNominal(n, upos) ?? out;
    }
    // an Arabic plural written with its final hamza (فقهاء, اعضاء, انبیاء), a spelling the tables seldom list: the lemma
    // of the plural without it (فقها → فقیه), when that is no identity
    if (out === n && n.length > 3 && n.endsWith('اء') && upos !== 'VERB' && upos !== 'AUX' && !NOMINAL_SKIP.has(upos)) {
      const b = n.slice(0, -1);
      const l = compute(b, upos);
      if (l !== b) out = l;
    }
    // a word tagged as a noun, adjective or adverb (a tagging slip) that no lexicon lists, no nominal reading explains
    // and written text never shows, but that reads as a verb with its prefix (می, نمی, ب, ن + a known stem): the verb
    // (chat's بچرخه, نیارم, میشوی tagged NOUN → چرخید, آورد, شد); not a word of the frequency list (the names برسام,
    // مید), nor one without such a prefix (infinitives used as nouns: فرو‌رفتن)
    if (out === n && !known && VERB_TAG_SLIP.has(upos) && !freq.has(n) && (isVerbShaped(n) || n.charCodeAt(0) === 0x0628 || n.charCodeAt(0) === 0x0646)) {
      const v = analyzeVerb(n, stems) ?? informalVerb(n, known);
      if (v !== undefined) {
        out = conventionLemma(v);
        verbal = true;
      }
    }
    // iPerUDT writes the tanwin of an Arabic adverb the text leaves out (طبیعتا → طبیعتاً: 41 of the 52 adverb types in
    // ا of its train part whose lemma is the form or the form + tanwin): a word in ا after a consonant whose stem is a
    // lexicon word (طبیعت, مجدد); the tables keep the Persian ones (حالا, فردا)
    if (chat && upos === 'ADV' && out === n && ARABIC_ADVERB.test(n) && lexicon.has(n.slice(0, -1))) out = n + '\u064b';
    if (upos === 'VERB' || upos === 'AUX') out = conventionLemma(out);
    // a word written with Arabic vocalization on the suffix stripped (اَیُّهَا, ناوِلْها) is Arabic: taken as written
    // (was ای, ناول, from the plural ها)
    if (!verbal && out !== n && out.length < n.length && n.startsWith(out) && VOWEL_SIGN.test(form) && vocalizedSuffix(form, out.length)) out = n;
    // identity: keep the caller's spelling, only without stray ZWNJs at the edges and without the short vowels, shadda
    // and sukun (شِکایت → شکایت: the treebanks' lemmas have none, and a lemma found through the tables has none
    // either); the tanwin stays, as the treebanks write adverbs (کاملاً)
    return out === n ? withoutVowelMarks(trimZwnj(form)) : out;
  };

  // Run every branch once on a few words before real input, so V8 optimizes compute and the nominal chooser with
  // type feedback for all of them (a branch first met in optimized code throws that code away; the rebuild of these
  // large functions costs far more CPU than these calls). Pure calls: nothing is memoized.
  // (twice: V8 records type feedback only from a function's first few calls on)
  for (let r = 0; r < 2; r++) for (const [f, u] of PRIMING) compute(f, u);

  const memo = new Map<string, Map<string, string>>();
  /** the lemma of a word + its goeswith part as one word (see lemmatizeSentence), or undefined where they are no compound */
  const goesWith = (form: string, next: string, upos: string): string | undefined => {
    if (!LETTERS_ONLY.test(next) || !LETTERS_ONLY.test(form) || SPLIT_SUFFIX.has(next) || form.length + next.length > MAX_WORD) return undefined;
    const host = trimZwnj(form);
    if (api.lemma(form, upos) !== host) return undefined;
    const part = trimZwnj(next);
    const joined = NON_JOINING.test(host) ? host + part : host + '\u200c' + part;
    if (lexicon.has(lemmaKey(part)) && !lexicon.has(lemmaKey(host + part)) && !lexicon.has(lemmaKey(host + '\u200c' + part))) return undefined;
    return api.lemma(joined, upos);
  };
  /**
   * A noun right before the relative که carries the indefinite ی (کتابی که, خانه‌ای که, کتاب‌هایی که): the lemma
   * of the form without it, when that is a known word; undefined otherwise.
   */
  const indefMemo = new Map<string, string | null>();
  const indefinite = (form: string, upos: string, feats: string | undefined): string | undefined => {
    if (form.length > MAX_WORD) return undefined;
    // (a noun's Number=Plur reaches the stem: صاحب‌نظرانی که → صاحب‌نظران → صاحب‌نظر, see compoundPlural)
    const plural = upos === 'NOUN' && feats !== undefined && feats.includes('Number=Plur');
    const key = plural ? form + '\tplur' : form;
    let r = indefMemo.get(key);
    if (r === undefined) {
      r = null;
      const n = lemmaKey(form);
      const stem = indefiniteStem(n);
      if (stem !== undefined) {
        const l = api.lemma(stem, upos, plural ? 'Number=Plur' : undefined);
        if (l !== stem || lexicon.has(stem)) r = l;
      }
      if (indefMemo.size >= limit) indefMemo.clear();
      indefMemo.set(key, r);
    }
    return r ?? undefined;
  };

  /**
   * # + the lemma of each word of a hashtag's body (parts without a letter as written) joined by _: its NOUN lemma, or
   * its ADJ lemma where that is the word's untagged reading (ارزان, cheap; اینترنتی: #خرید_اینترنتی_ارزان had the
   * lemma #خرید_اینترنت_ارز, ارزان read as the plural of ارز, currency), as the same adjectives in prose, tagged ADJ
   */
  const hashtagLemma = (form: string): string => {
    const parts = form.slice(1).split('_');
    for (let j = 0; j < parts.length; j++) {
      const p = parts[j]!;
      if (!hasLetter(p)) continue;
      const adj = api.lemma(p, 'ADJ');
      parts[j] = adj === p && api.lemma(p) === adj ? adj : api.lemma(p, 'NOUN');
    }
    return '#' + parts.join('_');
  };

  const api: Lemmatizer = {
    lemmatizeSentence(words: readonly LemmaInput[]): string[] {
      const out: string[] = new Array<string>(words.length);
      for (let i = 0; i < words.length; i++) {
        const w = words[i]!;
        // the indefinite ی also follows هیچ, چنین, چنان (هیچ فرهنگی, چنین کاری): in the train ranges 14 of 15 such
        // nouns and adjectives in ی are lemmatized without it
        if (
          (w.upos === 'NOUN' && i + 1 < words.length && words[i + 1]!.form === 'که') ||
          ((w.upos === 'NOUN' || w.upos === 'ADJ') && i > 0 && INDEF_BEFORE.has(words[i - 1]!.form))
        ) {
          const l = indefinite(w.form, w.upos, w.feats);
          if (l !== undefined) {
            out[i] = l;
            continue;
          }
        }
        // iPerUDT: the privative بی written apart, not the preposition (ADP: بدون), is the compound it begins with
        // (بی معنی → بی‌معنی, بی ربطی → بی‌ربط: 16 of 16 such words of its train part)
        if (chat && w.form === 'بی' && w.upos !== undefined && w.upos !== 'ADP' && w.upos !== '' && i + 1 < words.length) {
          const next = words[i + 1]!.form;
          if (LETTERS_ONLY.test(next)) {
            // (the lemma of the compound they spell, when its analysis finds one: بی ربطی → بی‌ربط, where ربطی alone
            // keeps its ی; else بی‌ + the next word's lemma)
            const joined = 'بی\u200c' + next;
            const j = api.lemma(joined, w.upos);
            out[i] = j !== joined ? j : 'بی\u200c' + api.lemma(next, w.upos);
            continue;
          }
        }
        // iPerUDT: a word + a part of it written apart (a goeswith word, tagged X) is the compound they spell (ترک خورده
        // → ترک‌خورده, کمر درد → کمردرد: 158 of the 172 nominal words before such a part in its train part); not a
        // plural, ezafe or و split off (همسایه ها), nor after an inflected word (لبخندها), and a part that is a word of
        // its own only where the compound is a lexicon word too (the tagger's X is wrong about a third of the time)
        if (chat && GOESWITH_HOST.has(w.upos ?? '') && i + 1 < words.length && words[i + 1]!.upos === 'X') {
          const c = goesWith(w.form, words[i + 1]!.form, w.upos!);
          if (c !== undefined) {
            out[i] = c;
            continue;
          }
        }
        if (compoundMay[compoundSlot(w.form)] === 1) {
          const c = compounds.get(w.form)?.get(w.upos ?? '');
          if (c !== undefined && spelledAround(words, i, c)) {
            out[i] = c;
            continue;
          }
        }
        if (!w.upos && pieces.size && w.token !== undefined && w.token.words.length > 1) {
          const p = pieces.get(w.form);
          if (p !== undefined) {
            out[i] = p;
            continue;
          }
        }
        // a #hashtag is # + the lemmas of the words of its body, each read as a noun or an adjective (an underscore parts
        // them and stays): #کتاب‌ها → #کتاب, #کتاب‌های_خوب → #کتاب_خوب, so that keywords and search meet the same words
        // in prose
        if (w.form.length > 1 && w.form.charCodeAt(0) === 0x23 && HASHTAG.test(w.form)) {
          out[i] = hashtagLemma(w.form);
          continue;
        }
        // (PerDT: خود tagged PR_CREFX is خود whatever its features; lemma() reads person features as خودش, PR_UCREFX)
        // iPerUDT: a word tagged X is most often a part of the word before it (goeswith, no lemma of its own); where the
        // tag is wrong it is a word, read as untagged (سالی → سال)
        if (chat && w.upos === 'X' && LETTERS_ONLY.test(w.form)) {
          out[i] = api.lemma(w.form);
          continue;
        }
        out[i] = w.xpos === 'PR_CREFX' && w.form === 'خود' ? 'خود' : api.lemma(w.form, w.upos, w.feats);
        // Seraji: شدن as an auxiliary is کرد after a participle (the passive, ساخته شد) but شد as the copula after an
        // adjective or noun (آماده شده‌ایم): its train part gives AUX شدن after a VERB کرد 16 of 16 times, after
        // another word شد 5 of 5 (a VERB شدن, the light verb, is کرد always)
        if (seraji && w.upos === 'AUX' && out[i] === 'کرد' && i > 0 && words[i - 1]!.upos !== 'VERB' && words[i - 1]!.upos !== undefined) out[i] = 'شد';
        // an adjective's ی (after a consonant letter) right before punctuation is its own, the nisba, not the
        // indefinite one (بعدی، ملی.): in the train ranges PerDT / Seraji / iPerUDT / early PerDT slice kept 28 / 26 /
        // 21 / 39 times, stripped 0 / 1 / 0 / 1 (چهارمی، an ordinal, کمی، a little). Not read: before و (kept 27 / 39 /
        // 27 / 68, stripped 0 / 3 / 1 / 1, but Seraji's کمی و lost in cross-validation), nor a noun's ی (before
        // punctuation kept 12 / 27 / 31 / 42, stripped 2 / 1 / 15 / 2)
        if (w.upos === 'ADJ' && i + 1 < words.length) {
          if (words[i + 1]!.upos === 'PUNCT' || PUNCT_ONLY.test(words[i + 1]!.form)) {
            const l = out[i]!;
            const n = lemmaKey(w.form);
            if (n.length >= 3 && l.length === n.length - 1 && n.startsWith(l) && n.charCodeAt(n.length - 1) === 0x06cc && !NO_NISBA_BEFORE.test(l) && !isOrdinal(l)) {
              out[i] = withoutVowelMarks(trimZwnj(w.form));
            }
          }
        }
      }
      return out;
    },
    lemma(form: string, upos?: string, feats?: string): string {
      // a ZWNJ written as a character reference (می&zwnj;خواهم, one word of HTML text the normalizer passed through) is read as the ZWNJ
      if (form.indexOf('&') >= 0) {
        const z = readZwnjEntities(form);
        if (z !== form) return api.lemma(z, upos, feats);
      }
      const u = upos ?? '';
      // PerDT lemmatizes a reflexive خود that carries person features as خود + clitic (خودش, خودشان)
      if (feats && form === 'خود' && u === 'PRON' && !scheme) {
        const r = reflexive(feats);
        if (r) return r;
      }
      // a pronoun's lemma may depend on its PronType (iPerUDT: ش is او as a personal pronoun, آن as a demonstrative)
      if (feats && u === 'PRON' && (exact.size || scheme)) {
        const i = feats.indexOf('PronType=');
        if (i >= 0) {
          let j = feats.indexOf('|', i);
          if (j < 0) j = feats.length;
          const k = form + '\tPRON\t' + feats.slice(i + 9, j);
          const hit = (scheme && scheme.get(k)) ?? exact.get(k);
          if (hit !== undefined) return hit;
        }
      }
      // a name in the plural (Number=Plur: ایرانیان, مستضعفین, حسودان, a people or group) is a plural: read as a noun,
      // where a name is never cut to a stem (ایرانشان is not ایر + انشان); a name the tables list keeps their lemma
      // (not a name + a plural person's clitic: کرمانشان)
      if (u === 'PROPN' && feats && feats.includes('Number=Plur') && lookup(form, u) === undefined && lookup(lemmaKey(form), u) === undefined && !NAME_CLITIC.test(lemmaKey(form))) {
        return api.lemma(form, 'NOUN', feats);
      }
      // a verb's Tense feature weighs against a reading of the other tense (می‌گردانید: the past stem گردانید, 3rd
      // singular, or the present stem گردان + ید, 2nd plural → گرداند), by a little more than what tells two stems of
      // one verb apart (not what tells a rare verb from a common one: کند, dug, stays کرد with Tense=Past)
      const tense =
        feats && (u === 'VERB' || u === 'AUX') ? (feats.includes('Tense=Past') ? TENSE_PAST : feats.includes('Tense=Pres') ? TENSE_PRES : TENSE_ANY) : TENSE_ANY;
      // a noun or name with Number=Sing carries no plural suffix (ملاقات, کمین, گرگان: not ملاقه, کم, گره)
      const singular = feats !== undefined && (u === 'NOUN' || u === 'PROPN') && feats.includes('Number=Sing');
      const plural = feats !== undefined && u === 'NOUN' && feats.includes('Number=Plur');
      const mk = tense !== TENSE_ANY ? u + (tense === TENSE_PAST ? '\tpast' : '\tpres') : singular ? u + '\tsing' : plural ? u + '\tplur' : u;
      let m = memo.get(mk);
      if (!m) memo.set(mk, (m = new Map()));
      let r = m.get(form);
      if (r === undefined) {
        // a word stretched for emphasis is the word (مرسیییی → مرسی, as iPerUDT lemmatizes it)
        // (a run of one letter, ببببب or ممممم, is no word: left as written, not read as a stem and a clitic)
        // (ممممنون, ببببین: a doubled letter stretched is the word with it, createStretchReader)
        // (but a pronoun that is one run of one letter is a clitic stretched, split off its host: ممممم of ممنونممممم,
        // ممم of عزیزممم, which iPerUDT's train part lemmatizes من: read typed once; so is the copula's clitic, which the
        // tagger reads as the clitic typed once, the مممم of خوبمممم: هست as خوبم's م, not the run as written)
        const run = (u === 'PRON' || u === 'VERB' || u === 'AUX') && oneStretchedLetter(form);
        const f = run ? form[0]! : readStretch(form);
        const c = u === '' && cache !== undefined ? cache.get(f) : undefined;
        r = f === form && hasStretch(form) ? form : c === undefined ? compute(f, u, tense, singular, plural) : c === '' ? f : c;
        if (m.size >= limit) m.clear();
        m.set(form, r);
      }
      if (chat && feats && u === 'NOUN' && r === form && form.endsWith('ا') && feats.includes('Number=Plur')) return chatPlural(form) ?? r;
      return r;
    },
  };
  if ((options.verbLemma ?? (options.scheme === 'iperudt' ? 'pair' : 'past')) === 'past' && options.scheme === 'iperudt') {
    // iPerUDT's lemmas with the verbs' written as PerDT writes them
    return checkedLemmatizer({
      lemma: (form, upos, feats) => pastStemLemma(api.lemma(form, upos, feats)),
      lemmatizeSentence: (words) => api.lemmatizeSentence(words).map(pastStemLemma),
    });
  }
  return checkedLemmatizer(api);
}

/**
 * The lemmatizer a user gets: its methods check their arguments, then call the unchecked ones (which call each other
 * without the checks). A word that is no string is E_BAD_INPUT, as for stem and lemmatize (lemma(5) was "form.indexOf
 * is not a function", lemma(null) "Cannot read properties of null"); a tag or features that are no string are
 * E_BAD_OPTION; a sentence that is no list of { form } is E_BAD_INPUT (null was "Cannot read properties of null
 * (reading 'length')", [{}] the same deeper in).
 */
function checkedLemmatizer(inner: Lemmatizer): Lemmatizer {
  const tagArgument = (name: string, v: unknown): void => {
    if (v !== undefined && typeof v !== 'string') throw badOption(name, v, name === 'upos' ? ['a UD tag such as "NOUN" or "VERB", or undefined'] : ['UD features such as "Number=Plur", or undefined']);
  };
  return {
    lemma(form: string, upos?: string, feats?: string): string {
      textArgument(form, 'lemma');
      tagArgument('upos', upos);
      tagArgument('feats', feats);
      return inner.lemma(form, upos, feats);
    },
    lemmatizeSentence(words: readonly LemmaInput[]): string[] {
      const hint = 'pass a list of words { form, upos?, feats? }, e.g. the words of a sentence of a Doc';
      listArgument(words, 'lemmatizeSentence', 'a list of words', hint, 'object');
      for (const w of words) {
        if (typeof w.form !== 'string') throw new DabirError('E_BAD_INPUT', `lemmatizeSentence expects a list of words, got a word whose form is ${kindOf(w.form)}`, hint);
        // (null as undefined: a word's field read from JSON; the unchecked lemmatizer read both as no tag)
        if (w.upos !== null) tagArgument('upos', w.upos);
        if (w.feats !== null) tagArgument('feats', w.feats);
        if (w.xpos !== null && w.xpos !== undefined && typeof w.xpos !== 'string') throw badOption('xpos', w.xpos, ['a tag of the treebank, or undefined']);
      }
      return inner.lemmatizeSentence(words);
    },
  };
}

/** What the verb analysis reads in a form (createVerbAnalysis), as bits: */
export const VERB_NEGATIVE = 1;
/** some reading uses a past stem */
export const VERB_PAST_STEM = 2;
/** some reading uses a present stem */
export const VERB_PRESENT_STEM = 4;
/** bits 3-5: the person and number every reading's ending gives (person × 2 + plural: 2 = 1st singular, 7 = 3rd plural; 0 none) */
export const VERB_PERSON_SHIFT = 3;

/**
 * Whether a form is surely no verb: a word of three letters or more that the verb analysis (`analysis`, from
 * createVerbAnalysis of the same data) cannot read and that the treebanks' train parts give as the lemma of a noun,
 * adjective, adverb, pronoun, number or function word (its gold UPOS bits in the lexicon): بعد, هنوز, خیلی. Of the 11,257
 * VERB and AUX words of the train parts, one has such a form (هوا, an annotation slip); 30,521 other words have one. The
 * tagger keeps such a word from VERB and AUX (the sentence-final بعد. had been read as a verb). The lexicon is decoded
 * on the first call.
 */
export function createNonVerbTest(data: LemmaData | Uint8Array, analysis: (form: string) => number | undefined): (form: string) => boolean {
  let lexicon: ReadonlyMap<string, number> | undefined;
  return (form) => {
    const k = lemmaKey(form);
    let letters = 0;
    for (let i = 0; i < k.length && letters < 3; i++) if (k.charCodeAt(i) !== 0x200c) letters++;
    if (letters < 3 || analysis(form) !== undefined) return false;
    lexicon ??= (data instanceof Uint8Array ? decodeLemmaOnce(data) : data).lexicon;
    // (an alef with its hamza written, إ or أ, as the treebanks' lexicon writes it bare: إسلام is اسلام; it was no
    // entry, and the tagger made إسلام a VERB after دین)
    const b = lexicon.get(k) ?? (HAMZA_ALEF.test(k) ? lexicon.get(k.replace(HAMZA_ALEFS, '\u0627')) : undefined) ?? 0;
    return (b & POS_GOLD) !== 0 && b >> GOLD_UPOS_SHIFT !== 0;
  };
}

/**
 * The verb analysis of a form (the lemmatizer's reading: [preverb] [ن | نمی | می | ب] stem ending, over the stems of
 * the lemma data) as bits: VERB_NEGATIVE when the best reading is ن / نمی + a stem (نمی‌کنم, ننوشتند, نکرده‌اند; not
 * نوشتم or نشستند, stems in ن), VERB_PAST_STEM / VERB_PRESENT_STEM when some reading uses a past / present stem;
 * undefined when no reading uses a known stem (chat's stems are in the table: نمیخوای, نمیتونستم). Bits 3-5
 * (VERB_PERSON_SHIFT): the person and number its ending gives when every reading agrees. The tagger checks its verb
 * labels against it (TaggerModel.setVerbAnalysis). Reads the verb table only (the rest of the data is decoded on
 * its first use, see decodeLemmaData).
 */
export function createVerbAnalysis(data: LemmaData | Uint8Array): (form: string) => number | undefined {
  const d = data instanceof Uint8Array ? decodeLemmaOnce(data) : data;
  const stems = buildVerbStems(d.verbs);
  const reading: VerbReading = { negative: false, past: false, present: false, personNumber: 0 };
  const bits = (): number =>
    (reading.negative ? VERB_NEGATIVE : 0) | (reading.past ? VERB_PAST_STEM : 0) | (reading.present ? VERB_PRESENT_STEM : 0) | (reading.personNumber << VERB_PERSON_SHIFT);
  return (form) => {
    const n = lemmaKey(form).replaceAll('\u200c', '');
    // a copula ending split from its host (آماده + ایم): present, its person and number
    const cp = COPULA_PN.get(n);
    if (cp !== undefined) return VERB_PRESENT_STEM | (cp << VERB_PERSON_SHIFT);
    // (a clitic copula, ند, is no ن + a stem)
    if (n.length < 3) return undefined;
    return analyzeVerbForm(n, stems, reading) !== undefined ? bits() : undefined;
  };
}

/**
 * Whether a word is surely a verb, with no sentence around it to tag it (the words of a hashtag's body, which the
 * tagger reads as one X): the verb analysis (createVerbAnalysis) reads it, and the lexicon has no entry for it — the
 * lexicon lists lemmas of nouns, adjectives and the like, which a bare stem also is (خرید, a purchase; جنگ, war; مرد,
 * a man; گردی of #طبیعت_گردی). می‌خواهم, برگردم, رفتم, بخوانید, است, هستیم are verbs; شده, a lemma of the lexicon
 * (an adjective), is not. The lexicon is decoded on the first call.
 */
export function createHashtagVerbTest(data: LemmaData | Uint8Array): (form: string) => boolean {
  lemmaDataArgument(data, 'createHashtagVerbTest'); // (null was "Cannot read properties of null (reading 'verbs')")
  const analysis = verbAnalysisOf(data);
  let lexicon: ReadonlyMap<string, number> | undefined;
  return (form) => {
    if (analysis(form) === undefined) return false;
    lexicon ??= (data instanceof Uint8Array ? decodeLemmaOnce(data) : data).lexicon;
    return !lexicon.has(lemmaKey(form));
  };
}

/** one verb analysis per lemma resource (bytes or decoded data), shared by the components that read it */
const verbAnalyses = new WeakMap<object, (form: string) => number | undefined>();
/** The verb analysis of a lemma resource (createVerbAnalysis), made once per resource object. */
export function verbAnalysisOf(data: LemmaData | Uint8Array): (form: string) => number | undefined {
  let a = verbAnalyses.get(data);
  if (!a) verbAnalyses.set(data, (a = createVerbAnalysis(data)));
  return a;
}
/** an alef with its hamza written (أ إ), and every one of them (createNonVerbTest reads them as the bare ا) */
const HAMZA_ALEF = /[\u0623\u0625]/;
const HAMZA_ALEFS = /[\u0623\u0625]/g;

/** one reader of stretched words per lemma resource */
const stretchReaders = new WeakMap<object, (form: string) => string>();
/**
 * The reader of stretched words of a lemma resource (createStretchReader, with the resource's verb analysis), made once
 * per resource object: the lemmatizer, the tagger and the formalizer share it.
 */
export function stretchReaderOf(data: LemmaData | Uint8Array): (form: string) => string {
  let r = stretchReaders.get(data);
  if (!r) {
    const va = verbAnalysisOf(data);
    stretchReaders.set(data, (r = createStretchReader(data, (f) => va(f) !== undefined)));
  }
  return r;
}

/**
 * The word a stretched form (chars.hasStretch) stands for: `unstretch`'s (every stretch typed once: خیییلی → خیلی,
 * سلاااام → سلام), or a reading that keeps two letters of one stretch (chars.doubledStretches) when that is the word
 * written with a doubled letter: one commoner in the frequency list than the once-typed form (ممممنون → ممنون, not
 * منون; الللله → الله), or a verb with its prefix ب or ن on a stem that starts with the same letter, whose once-typed
 * form is the bare stem (ببببین → ببین, not بین "between"; بببخشید → ببخشید; نننوشتم → ننوشتم). A form typed once that
 * is commoner stays (دهههه → ده, not دهه; جووون → جون; تتتتو → تو). `isVerb`: the verb analysis reads the form.
 */
export function createStretchReader(data: LemmaData | Uint8Array, isVerb: (form: string) => boolean): (form: string) => string {
  let d: LemmaData | undefined;
  // the frequency class of a form; 0 for a form only the lexicon or the verb analysis knows; -1 for an unknown one
  const weight = (f: string): number => {
    const k = lemmaKey(f);
    const c = d!.freq.get(k);
    return c !== undefined ? c : d!.lexicon.has(k) || isVerb(f) ? 0 : -1;
  };
  // (the readings of the forms met last: a chat text repeats its stretched words)
  const memo = new Map<string, string>();
  return (form) => {
    const u = unstretch(form);
    if (u === form) return form;
    const doubled = doubledStretches(form);
    if (doubled.length === 0) return u;
    const hit = memo.get(form);
    if (hit !== undefined) return hit;
    if (memo.size >= 10_000) memo.clear();
    const r = readDoubled(u, doubled);
    memo.set(form, r);
    return r;
  };
  function readDoubled(u: string, doubled: { text: string; at: number }[]): string {
    d ??= data instanceof Uint8Array ? decodeLemmaOnce(data) : data;
    let best = u;
    let w = weight(u);
    for (const v of doubled) {
      const wv = weight(v.text);
      if (wv < 0) continue;
      const c = v.text.charCodeAt(0);
      const prefix = v.at === 0 && (c === 0x0628 || c === 0x0646) && v.text.charCodeAt(1) === c && isVerb(v.text) && (w < 0 || isVerb(u));
      if (prefix || wv > w) {
        best = v.text;
        w = wv;
        if (prefix) break;
      }
    }
    return best;
  }
}

/** For the training script: the rule-only analysis (no exception table), same code path as at run time. */
export function createRuleLemmatizer(data: LemmaData, options: LemmatizerOptions = {}): Lemmatizer {
  return createLemmatizer({ ...data, exact: new Map(), schemes: {} }, { ...options, scheme: 'perdt' });
}
