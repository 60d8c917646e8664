/**
 * The named-entity model (data/ner.bin): a linear model over hashed features (./features.ts) with one weight per
 * (feature, label), quantized to 16 bits, and a word lexicon (word facts keyed by the hash of the feature form).
 * Greedy left-to-right decoding over BIO labels; an I-T label only follows B-T or I-T.
 *
 * Binary format (little endian; src/core/container.ts): "DBNE", u16 format version, u16 0, u32 total length, 32-byte SHA-256 of everything
 * from byte 44 on, u32 header length, the JSON header (labels, scale, meta, sections), padded to 4 bytes, then the
 * sections: lex.k (u32 keys), lex.v (u32 facts), w.k (u32 feature keys), w.v (i16, labels per key).
 */
import { isArabicLetter } from '../chars.js';
import { foreignSpans } from '../normalize/characters.js';
import { encodeContainer, openContainer, type ContainerFormat } from '../container.js';
import { bestAllowed, BOUNDARY_KEYS, LEX_BEGIN, contextKeys, formKeys, history1Keys, historyKeys, keyOf, NER_LABELS, nerForm, pairKey, T_PREV_WORD, viterbi } from './features.js';
import { dataArgument, listArgument, textArgument } from '../errors.js';

export const NER_FORMAT_VERSION = 1;

export interface NerHeader {
  labels: string[];
  /** weight = stored i16 × scale */
  scale: number;
  /** greedy (two labels of history) or first-order viterbi; absent = greedy */
  decoder?: 'greedy' | 'viterbi';
  meta: Record<string, unknown>;
}

export interface NerData {
  header: NerHeader;
  lexKeys: Uint32Array;
  lexVals: Uint32Array;
  wKeys: Uint32Array;
  /** wKeys.length × labels.length */
  w: Int16Array;
}

/** What one spelling contributes to the scores (see NerModel.vecOf). */
interface FormVec {
  h: number;
  /** first-order decoding: the weight row of (previous label, this word) for each previous label (-1..L-1), or -1 */
  pw: Int32Array | null;
  shs: string;
  /**
   * The weight sums, label count apart: of the word's own features, then of those it gives the word after it (left1),
   * before it (right1), two after (left2) and two before (right2). One array, not five: the memo holds up to 50,000
   * spellings, and every typed array is an object of its own.
   */
  v: Float32Array;
}

/** Open-addressing table from 32-bit keys to row numbers; key and row side by side, so a probe reads one line. */
class KeyTable {
  private readonly tab: Int32Array;
  private readonly mask: number;
  constructor(keys: Uint32Array) {
    let size = 16;
    while (size < keys.length * 2) size *= 2;
    this.tab = new Int32Array(size * 2).fill(-1);
    this.mask = size - 1;
    for (let r = 0; r < keys.length; r++) {
      let s = keys[r]! & this.mask;
      while (this.tab[2 * s + 1] !== -1) s = (s + 1) & this.mask;
      this.tab[2 * s] = keys[r]! | 0;
      this.tab[2 * s + 1] = r;
    }
  }
  row(k: number): number {
    const key = k | 0;
    const tab = this.tab;
    for (let s = key & this.mask; ; s = (s + 1) & this.mask) {
      const r = tab[2 * s + 1]!;
      if (r === -1 || tab[2 * s] === key) return r;
    }
  }
}

export class NerModel {
  readonly labels: string[];
  readonly meta: Record<string, unknown>;
  private readonly lex: KeyTable;
  private readonly lexVals: Uint32Array;
  private readonly wt: KeyTable;
  private readonly w: Int16Array;
  private readonly L: number;

  constructor(d: NerData) {
    nerDataArgument(d, 'new NerModel');
    this.labels = d.header.labels;
    this.meta = d.header.meta;
    this.L = this.labels.length;
    this.lex = new KeyTable(d.lexKeys);
    this.lexVals = d.lexVals;
    this.wt = new KeyTable(d.wKeys);
    this.w = d.w;
    this.scores = new Float64Array(this.L);
    // the weights of the two label-history features (t-1, t-2 t-1) for every pair of previous labels
    this.viterbiMode = d.header.decoder === 'viterbi';
    this.history1 = [];
    for (let a = -1; a < this.L; a++) this.history1.push(this.sum(history1Keys(a)));
    this.history = [];
    for (let a = -1; a < this.L; a++) for (let b = -1; b < this.L; b++) this.history.push(this.sum(historyKeys(a, b)));
    this.boundary = this.sums([[], [BOUNDARY_KEYS.bos1], [BOUNDARY_KEYS.eos1], [BOUNDARY_KEYS.bos2], [BOUNDARY_KEYS.eos2]]);
  }

  /** The lexicon facts of a feature form. */
  readonly facts = (form: string): number => {
    if (typeof form !== 'string') textArgument(form, 'NerModel.facts');
    const r = this.lex.row(keyOf(form));
    return r < 0 ? 0 : this.lexVals[r]!;
  };

  private add(scores: Float64Array, key: number): void {
    const r = this.wt.row(key);
    if (r < 0) return;
    const L = this.L;
    const o = r * L;
    for (let l = 0; l < L; l++) scores[l]! += this.w[o + l]!;
  }

  /**
   * What each spelling contributes to the scores, summed once per spelling (bounded memo): the weights of its own
   * features and of the features it gives the words around it. The sums are exact (16-bit weights, a few dozen
   * features), so the labels are those of scoring every feature one by one, as in training.
   */
  private readonly memo = new Map<string, FormVec>();
  private readonly buf: number[] = [];
  private readonly scores: Float64Array;
  private readonly history: Float32Array[];
  private readonly history1: Float32Array[];
  private readonly viterbiMode: boolean;
  /** the sentence boundary's sums laid out as FormVec.v: bos1, eos1, bos2, eos2 where left1, right1, left2, right2 are */
  private readonly boundary: Float32Array;

  private sum(keys: readonly number[]): Float32Array {
    return this.sums([keys]);
  }

  /** the weight sums of each list of keys, one after the other in one array */
  private sums(lists: readonly (readonly number[])[]): Float32Array {
    const L = this.L;
    const v = new Float32Array(lists.length * L);
    lists.forEach((keys, j) => {
      for (const k of keys) {
        const r = this.wt.row(k);
        if (r < 0) continue;
        for (let l = 0, o = r * L; l < L; l++) v[j * L + l]! += this.w[o + l]!;
      }
    });
    return v;
  }

  private vecOf(word: string): FormVec {
    let v = this.memo.get(word);
    if (v === undefined) {
      const f = nerForm(word);
      const k = formKeys(f, this.facts(f));
      let pw: Int32Array | null = null;
      if (this.viterbiMode) {
        pw = new Int32Array(this.L + 1);
        for (let p = 0; p <= this.L; p++) pw[p] = this.wt.row(pairKey(T_PREV_WORD, p, k.h));
      }
      v = { h: k.h, pw, shs: k.shs, v: this.sums([k.own, k.left1, k.right1, [k.left2], [k.right2]]) };
      if (this.memo.size >= 50_000) this.memo.clear();
      this.memo.set(word, v);
    }
    return v;
  }

  /** BIO label ids for the words of one sentence (surface forms; they are put in feature form here). */
  labelIds(words: readonly string[]): Int32Array {
    listArgument(words, 'NerModel.labelIds', 'a list of word forms', 'pass the forms of one sentence, e.g. ["علی", "به", "تهران", "رفت"]', 'string');
    return this.viterbiMode ? this.labelIdsViterbi(words) : this.labelIdsGreedy(words);
  }

  private labelIdsViterbi(words: readonly string[]): Int32Array {
    const n = words.length;
    if (n === 0) return new Int32Array(0);
    const vs = words.map((w) => this.vecOf(w));
    const L = this.L;
    const b = this.boundary;
    const st = vs.map((v, i) => {
      const s = new Float64Array(L);
      const own = v.v;
      const l1 = i > 0 ? vs[i - 1]!.v : b;
      const r1 = i + 1 < n ? vs[i + 1]!.v : b;
      const l2 = i > 1 ? vs[i - 2]!.v : b;
      const r2 = i + 2 < n ? vs[i + 2]!.v : b;
      for (let l = 0; l < L; l++) s[l] = own[l]! + l1[L + l]! + r1[2 * L + l]! + l2[3 * L + l]! + r2[4 * L + l]!;
      for (const k of contextKeys(vs, i, [])) this.add(s, k);
      return s;
    });
    const w = this.w;
    return viterbi(n, L, (i, prev, out, at) => {
      const s = st[i]!;
      const h = this.history1[prev + 1]!;
      const r = vs[i]!.pw![prev + 1]!;
      if (r < 0) for (let l = 0; l < L; l++) out[at + l] = s[l]! + h[l]!;
      else for (let l = 0, o = r * L; l < L; l++) out[at + l] = s[l]! + h[l]! + w[o + l]!;
    });
  }

  private labelIdsGreedy(words: readonly string[]): Int32Array {
    const n = words.length;
    const out = new Int32Array(n);
    if (n === 0) return out;
    const vs = words.map((w) => this.vecOf(w));
    const scores = this.scores;
    const L = this.L;
    const b = this.boundary;
    let p2 = -1;
    let p1 = -1;
    for (let i = 0; i < n; i++) {
      const own = vs[i]!.v;
      const l1 = i > 0 ? vs[i - 1]!.v : b;
      const r1 = i + 1 < n ? vs[i + 1]!.v : b;
      const l2 = i > 1 ? vs[i - 2]!.v : b;
      const r2 = i + 2 < n ? vs[i + 2]!.v : b;
      for (let l = 0; l < L; l++) scores[l] = own[l]! + l1[L + l]! + r1[2 * L + l]! + l2[3 * L + l]! + r2[4 * L + l]!;
      const hist = this.history[(p2 + 1) * (L + 1) + p1 + 1]!;
      for (let l = 0; l < L; l++) scores[l]! += hist[l]!;
      const keys = contextKeys(vs, i, this.buf);
      keys.push(pairKey(T_PREV_WORD, p1 + 1, vs[i]!.h));
      for (const k of keys) this.add(scores, k);
      const best = bestAllowed(scores, p1);
      out[i] = best;
      p2 = p1;
      p1 = best;
      this.buf.length = 0;
    }
    return out;
  }

  /**
   * BIO labels ('O', 'B-PER', 'I-PER', ...) for the words of one sentence. An entity of two words or more does not
   * begin or end with a function word (EDGE_WORDS): `فرزام به‌عنوان`, `و محمد` are `فرزام`, `محمد`. A sentence with
   * no letter of the Arabic script (Finglish `salam chetori`, English, Tajik in Cyrillic) is no Persian text the model
   * knows — every one of ParsTwiNER's 6,417 train sentences has such a letter — and gets no entity (Finglish
   * `salam chetori?` was a PER, `ba Ali` another). Nor is a sentence of another language in the Arabic script (Arabic,
   * Urdu, Pashto, Kurdish: foreignSentences): its words get no entity (`ذهب الطالب إلى المدرسة في الصباح`: `في الصباح`
   * was a PER). The rule finds no sentence in ParsTwiNER's train part nor in the treebanks' train parts (no gold entity
   * lost).
   */
  label(words: readonly string[]): string[] {
    listArgument(words, 'NerModel.label', 'a list of word forms', 'pass the forms of one sentence, e.g. ["علی", "به", "تهران", "رفت"]', 'string');
    if (!words.some(hasArabicLetter)) return words.map(() => 'O');
    const out = Array.from(this.labelIds(words), (l) => this.labels[l]!);
    trimEdges(out, words);
    retypeSpans(out, words);
    joinInvertedNames(out, words);
    dropHonorifics(out, words);
    dropForeign(out, words);
    dropVowelled(out, words);
    confirmHomographs(out, words);
    dropProducts(out, words);
    dropMarkets(out, words);
    dropGodAttributes(out, words, this.facts);
    dropPredicateFirst(out, words, this.facts);
    dropDataSpecs(out, words);
    dropCraftNames(out, words);
    return out;
  }
}

/**
 * Nouns of landforms and waters (کوه, رشته‌کوه, رود, دریاچه, خلیج, دشت ...): an entity of two words or more that
 * begins with one is a place. In ParsTwiNER's train part 96 such entities are LOC, one PER (رود گولیت, a footballer),
 * none ORG, EVE or POG; the model had written ORG for رشته‌کوه البرز (a word it had never seen).
 */
const LANDFORMS = new Set(['کوه', 'کوه‌های', 'کوههای', 'رشته‌کوه', 'رشته‌کوه‌های', 'رشته‌کوههای', 'قله', 'قله‌ی', 'رود', 'رودخانه', 'رودخانه‌ی',
  'دریاچه', 'دریاچه‌ی', 'دریا', 'دریای', 'اقیانوس', 'خلیج', 'تنگه', 'تنگه‌ی', 'جزیره', 'جزیره‌ی', 'جزایر', 'شبه‌جزیره', 'دشت', 'کویر', 'صحرای', 'بیابان',
  'دره', 'دره‌ی', 'آبشار', 'تالاب', 'غار', 'جنگل', 'جنگل‌های', 'سد']);
/**
 * Nouns of administrative divisions, Iran's (استان, شهرستان, بخش, دهستان, روستای, شهرک) and Afghanistan's (ولایت,
 * ولسوالی: a district, قریه: a village), and ایالت: an entity of two words or more that begins with one is a place. In
 * ParsTwiNER's train part 30 such entities are LOC, one PER (روستای, an annotator's slip), none ORG, EVE or POG (شهر,
 * منطقه and ناحیه begin an ORG there too, and are left out); the model had written PER for ولسوالی پغمان.
 */
const DIVISIONS = new Set(['استان', 'شهرستان', 'بخش', 'دهستان', 'روستای', 'روستا', 'شهرک', 'ولایت', 'ولسوالی', 'قریه', 'ایالت']);
/**
 * Titles of the governor of a division (استاندار, فرماندار, شهردار, بخشدار, دهدار; Afghanistan's والی and ولسوال): in
 * ParsTwiNER's train part the title is outside the entity (فرماندار O, the place after it B-LOC: 20 of 20 for the Iranian
 * ones); one ولسوال + place was labeled PER whole, and the model followed it (ولسوال پغمان, PER). A PER of two words
 * that begins with one is the title and a place.
 */
const GOVERNORS = new Set(['استاندار', 'فرماندار', 'شهردار', 'بخشدار', 'دهدار', 'والی', 'ولسوال']);
/**
 * Sets 'O' on the words inside a sentence of another language (foreignSentences of the words joined by spaces), in
 * place; an entity cut by it begins again with B- after it.
 */
function dropForeign(labels: string[], words: readonly string[]): void {
  const text = words.join(' ');
  const spans = foreignSpans(text);
  if (!spans) return;
  let at = 0;
  let q = 0;
  for (let k = 0; k < words.length; k++) {
    while (q < spans.length && spans[q + 1]! <= at) q += 2;
    if (q < spans.length && at >= spans[q]!) labels[k] = 'O';
    else if (labels[k]!.startsWith('I-') && (k === 0 || labels[k - 1] === 'O')) labels[k] = 'B-' + labels[k]!.slice(2);
    at += words[k]!.length + 1;
  }
}

/**
 * a word with a short vowel, tanwin or sukun mark (U+064B-U+0650, U+0652; not the shadda alone: اوّل), and not only
 * the kasra of the ezafe at its end (دانشگاهِ علومِ پزشکیِ تهران: Persian text marks the ezafe on word after word)
 */
function hasVowelMark(w: string): boolean {
  let e = w.length;
  while (e > 0 && w.charCodeAt(e - 1) === 0x200c) e--;
  if (e > 0 && w.charCodeAt(e - 1) === 0x0650) e--;
  for (let k = 0; k < e; k++) {
    const c = w.charCodeAt(k);
    if ((c >= 0x064b && c <= 0x0650) || c === 0x0652) return true;
  }
  return false;
}

/**
 * Sets 'O' on the words of a vowelled Arabic quotation — a run of three words or more in a row that each carry a
 * vowel mark (وَ اذْکُرْ فِی الْکِتَابِ مَرْیَمَ, a verse typed with Persian ی and ک, which foreignSentences reads as
 * Persian) — as on a sentence of another language (dropForeign); an entity cut by it begins again with B- after it.
 * Persian text marks a vowel on a word here and there, not on every word: `فِی الْکِتَابِ` and `عَلَى الْکُفَّارِ` were
 * PER, `لُقْمَانُ` LOC. ParsTwiNER's train part has 7 words with two marks or more and no entity in such a run (one in
 * a run of one: الْمْومنین, kept).
 */
function dropVowelled(labels: string[], words: readonly string[]): void {
  const n = words.length;
  for (let a = 0; a < n; ) {
    if (!hasVowelMark(words[a]!)) {
      a++;
      continue;
    }
    let b = a + 1;
    while (b < n && hasVowelMark(words[b]!)) b++;
    if (b - a >= 3 && !persianRun(words, a, b)) {
      for (let k = a; k < b; k++) labels[k] = 'O';
      if (b < n && labels[b]!.startsWith('I-')) labels[b] = 'B-' + labels[b]!.slice(2);
    }
    a = b;
  }
}

/**
 * Persian words that Arabic does not write so (its prepositions, the object marker, the copula; not و, من, ما, او, هم,
 * این, which an Arabic word also gives: and, from, what, or, they, where)
 */
const PERSIAN_ONLY_WORDS = new Set(['به', 'را', 'از', 'که', 'است', 'بود', 'با', 'برای', 'تا', 'آن', 'آنها', 'شما', 'ایشان', 'یک', 'هست', 'نیست', 'شد', 'کرد']);
/** a letter Arabic does not write (پ چ ژ گ) or a ZWNJ: a sign of Persian (persianRun) */
const PERSIAN_SIGN = /[پچژگ\u200c]/;
/** a word without its vowel marks, shadda, superscript alef and kashida */
const unvowelled = (w: string): string => w.replace(/[\u064b-\u0652\u0670\u0640]/g, '');
/** a word whose last unit is a vowel mark, tanwin or sukun (U+064B-U+0652) */
function endsMarked(v: string): boolean {
  const c = v.charCodeAt(v.length - 1);
  return c >= 0x064b && c <= 0x0652;
}
/**
 * Whether a vowelled word begins with the Arabic article as vowelled Arabic writes it: ا (or ٱ) with no vowel of its own
 * or a fatha, then ل with a sukun (الْکِتَابِ, اَلْحَمْدُ) or before a letter with a shadda (الرَّحْمَن, اللَّه: a sun
 * letter), or ا and ل both bare (الکِتاب). Persian words in ال vowel the ا itself and neither mark ل nor double the next
 * letter (اَلبُرز, اِلناز, اَلان: they had made a fully vowelled Persian run an Arabic quotation).
 */
function arabicArticle(v: string): boolean {
  const c0 = v.charCodeAt(0);
  if (c0 !== 0x0627 && c0 !== 0x0671) return false;
  let i = 1;
  const alefMark = v.charCodeAt(i) === 0x064e; // a fatha on the ا (اَلْحَمْدُ at a sentence's start)
  if (alefMark) i++;
  else if (v.charCodeAt(i) >= 0x064b && v.charCodeAt(i) <= 0x0652) return false; // kasra, damma, ...: Persian
  if (v.charCodeAt(i) !== 0x0644) return false;
  i++;
  if (v.charCodeAt(i) === 0x0652) return true; // ل with a sukun
  // the next letter doubled (a sun letter), its shadda before or after its vowel mark
  const m1 = v.charCodeAt(i + 1);
  if (i + 1 < v.length && (m1 === 0x0651 || (m1 >= 0x064b && m1 <= 0x0650 && v.charCodeAt(i + 2) === 0x0651))) return true;
  return !alefMark && !(v.charCodeAt(i) >= 0x064b && v.charCodeAt(i) <= 0x0652);
}
/**
 * A run of vowelled words [a, b) that is Persian written with all its vowels (a children's book, a reading primer: عَلی
 * بِه تِهران رَفت), not an Arabic quotation: a word of it has a ZWNJ or a letter Arabic lacks (پ چ ژ گ), or is a
 * Persian-only word (PERSIAN_ONLY_WORDS) with no vowel mark on its last letter (Arabic marks its case endings: بِهِ, with
 * it, is Arabic; بِه, to, Persian), and none begins with the Arabic article (arabicArticle: الْکِتَابِ, الْکُفَّارِ; not
 * Persian اَلبُرز). Such a run keeps its entities (they had all been dropped: عَلی and تِهران of the example).
 */
function persianRun(words: readonly string[], a: number, b: number): boolean {
  let persian = false;
  for (let k = a; k < b; k++) {
    const v = words[k]!;
    const w = unvowelled(v);
    if (w.length > 3 && w.startsWith('ال') && arabicArticle(v)) return false;
    if (!persian && (PERSIAN_SIGN.test(w) || (PERSIAN_ONLY_WORDS.has(w) && !endsMarked(v)))) persian = true;
  }
  return persian;
}

/** a word with a letter of the Arabic script */
function hasArabicLetter(w: string): boolean {
  for (let k = 0; k < w.length; k++) if (isArabicLetter(w.charCodeAt(k))) return true;
  return false;
}

/** a name in Latin letters: letters, with an apostrophe, hyphen or dot inside */
const LATIN_NAME_WORD = /^\p{Script=Latin}[\p{Script=Latin}'’.\-]*$/u;
/**
 * Fixes the type of an entity where its words decide it (in place): one that begins with a landform noun is LOC, not
 * ORG, EVE or POG (LANDFORMS; PER stays: رود is also a first name); one that begins with a division's noun is LOC, not
 * PER, EVE or POG (DIVISIONS); a PER of two words that begins with a governor's title is the title and a place
 * (GOVERNORS: ولسوال پغمان is O + LOC); a PER of Latin words whose first is capitalized
 * and whose last is all lower-case is a binomial (Escherichia coli, Homo sapiens) — a person's name in Latin letters
 * ends with a capitalized surname (particles such as van, de come before it) — and no entity. ParsTwiNER's train part
 * has no PER ending so (its 4 lower-case PER words are tweets' all-lower-case names: ronne colman, popeye).
 */
export function retypeSpans(labels: string[], words: readonly string[]): void {
  forEachEntity(labels, (a, b, type) => {
    if (b - a < 2) return;
    if (((type === 'ORG' || type === 'EVE' || type === 'POG') && LANDFORMS.has(words[a]!)) || (type !== 'LOC' && type !== 'ORG' && DIVISIONS.has(words[a]!))) {
      labels[a] = 'B-LOC';
      for (let k = a + 1; k < b; k++) labels[k] = 'I-LOC';
    } else if (type === 'PER' && b - a === 2 && GOVERNORS.has(words[a]!)) {
      labels[a] = 'O';
      labels[a + 1] = 'B-LOC';
    } else if (type === 'PER') {
      let latin = true;
      for (let k = a; k < b && latin; k++) latin = LATIN_NAME_WORD.test(words[k]!);
      const first = words[a]!;
      const last = words[b - 1]!;
      if (latin && first[0] !== first[0]!.toLowerCase() && last === last.toLowerCase()) for (let k = a; k < b; k++) labels[k] = 'O';
    }
  });
}

/**
 * Religious honorifics written after a name, whole or abbreviated (علیه السلام, (ع), (ص), (ره), رحمه الله, رضی الله
 * عنه, رض, ر ض, قدس سره, صلی الله علیه و آله, عج): no part of the name. In ParsTwiNER's train part every one of the 60
 * honorifics after a PER is O (ع 23, علیه / علیهم السلام 21, عج 6, ص 5, the others 5); the model had taken رضی الله of
 * ابوبکر رضی الله عنه into the name (it had seen رضی once, as a first name: سید رضی). Each entry is the honorific's
 * words; رضی alone stays (a name), رضی الله is the honorific.
 */
const HONORIFICS: readonly (readonly string[])[] = [
  ['علیه', 'السلام'], ['علیها', 'السلام'], ['علیهم', 'السلام'], ['علیهما', 'السلام'], ['علیه\u200cالسلام'], ['علیها\u200cالسلام'],
  ['رضی', 'الله'], ['رضی\u200cالله'], ['رض'], ['ر', 'ض'], ['رحمه', 'الله'], ['رحمها', 'الله'], ['رحمة', 'الله'], ['قدس', 'سره'],
  ['صلی', 'الله', 'علیه'], ['سلام', 'الله', 'علیها'], ['ع'], ['ص'], ['ره'], ['عج'],
];
/** the length of the honorific (HONORIFICS) that begins at word k, or 0 */
function honorificAt(words: readonly string[], k: number): number {
  for (const h of HONORIFICS) {
    let j = 0;
    while (j < h.length && words[k + j] === h[j]) j++;
    if (j === h.length) return j;
  }
  return 0;
}
/**
 * Cuts a PER entity before an honorific inside it (in place): the words from the honorific on are O (ابوبکر رضی الله
 * عنه: ابوبکر, PER; was ابوبکر رضی الله), and so are the words of the honorific's formula right after it (عنه). Only after
 * the entity's first word: an entity that begins with one is left as it is.
 */
export function dropHonorifics(labels: string[], words: readonly string[]): void {
  forEachEntity(labels, (a, b, type) => {
    if (type !== 'PER') return;
    for (let k = a + 1; k < b; k++) {
      if (honorificAt(words, k) > 0) {
        for (let j = k; j < b; j++) labels[j] = 'O';
        return;
      }
    }
  });
}

/**
 * Place names that are as often a common noun: کره (Korea; butter, a sphere), شام (the Levant; dinner), پرو (Peru; a
 * fitting). The model reads them as places from the word alone (`نان و کره`, `۲ قاشق کره`, `کره بادام زمینی` were
 * LOC). Chosen on ParsTwiNER train: of the words that are a one-word LOC 3 times or more and O at least as often, those
 * whose places confirmHomographs keeps; رم, شهریار, شمال and مرکزی are places there with no sign around them more often
 * than not (`یا رم`, `میرین شمال`), and are left out.
 */
const PLACE_HOMOGRAPHS = new Set(['کره', 'شام', 'پرو']);
/**
 * words before a place that make a homograph a place: کشور (a country), مثل (کشوری مثل کره), سفر. Not the prepositions
 * (در, به, از, تو, با): a food or a meal takes them as often (نان با کره, از کره استفاده کنید, به کره اضافه کنید, بعد
 * از شام: LOC each), and in ParsTwiNER train no one-word LOC of the three has one before it that no other sign keeps
 * (از کره شمالی, به کره جنوبی are entities of two words)
 */
const PLACE_BEFORE = new Set(['مثل', 'کشور', 'سفر']);
/**
 * a verb of going or coming before or after a homograph makes it a place (برم کره, به کره رفت, از کره برگشت, سفر):
 * رفتن's past and present (رفت, میرم, برم, بریم), برگشتن, آمدن (اومد, آمد), سفر. The present of رفتن with the negative
 * ن alone is left out: نرم is as well "soft" and نره "male" (کره نرم شده, soft butter, was LOC)
 */
const MOTION = /^(?:ن?می\u200c?|ب|ن)?(?:رفت|برگشت|برگرد|اومد|آمد|سفر)(?:م|ی|ه|د|یم|ید|ین|ن|ند)?$|^(?:ن?می\u200c?|ب)ر(?:م|ی|ه|یم|ید|ین|ن|ند)$/;
const LIST_SEP = new Set(['و', '،', ',']);
/**
 * words of a game or a match (بازی, مسابقه, دیدار, اردو, تمرین, جام ...): after در + a homograph they make it the place
 * of a game (تیم ملی در کره بازی کرد, در کره اردو زد, در شام مسابقه داد). No food is cooked "in" a game: در کره سرخ
 * کنید stays O.
 */
const GAME = new Set(['بازی', 'بازی‌ها', 'بازیها', 'مسابقه', 'مسابقات', 'مسابقه‌ها', 'دیدار', 'اردو', 'تمرین', 'جام', 'المپیک', 'قهرمانی', 'رقابت', 'رقابت‌ها', 'رقابتها', 'میزبان', 'میزبانی']);
/** a word of a game (GAME) among the three words from k on, before a mark */
function gameAfter(words: readonly string[], k: number): boolean {
  for (let j = k; j < words.length && j < k + 3; j++) {
    const w = words[j]!;
    if (GAME.has(w)) return true;
    if (!hasArabicLetter(w)) return false;
  }
  return false;
}
/**
 * Sets 'O' on a one-word LOC that is a place homograph (PLACE_HOMOGRAPHS) with no sign of a place around it (in
 * place): an entity next to it or one word of a list (و ، ,) away (`ژاپن، کره و آلمان`, `برزیل کلمبیا آرژانتین پرو`),
 * or کشور, مثل or سفر before it (`کشوری مثل کره`), or a verb of going or coming beside it (MOTION: `برم کره`, `به کره
 * رفت`). A longer entity (`کره جنوبی`) is left as it is. On ParsTwiNER train's gold labels it keeps 10 of the 13 one-word
 * LOCs of کره, شام, پرو (`به وقت شام` twice and `ساخت پرو` are lost; with the prepositions as signs, as before, 9) and
 * leaves every O as it is.
 */
export function confirmHomographs(labels: string[], words: readonly string[]): void {
  const n = words.length;
  const ent = (j: number): boolean => j >= 0 && j < n && labels[j] !== 'O';
  for (let k = 0; k < n; k++) {
    if (labels[k] !== 'B-LOC' || labels[k + 1] === 'I-LOC' || !PLACE_HOMOGRAPHS.has(words[k]!)) continue;
    if (ent(k - 1) || ent(k + 1) || (LIST_SEP.has(words[k - 1]!) && ent(k - 2)) || (LIST_SEP.has(words[k + 1]!) && ent(k + 2))) continue;
    if (k > 0 && (PLACE_BEFORE.has(words[k - 1]!) || MOTION.test(words[k - 1]!))) continue;
    if (k + 1 < n && MOTION.test(words[k + 1]!)) continue;
    if (k > 0 && words[k - 1] === 'در' && gameAfter(words, k + 1)) continue;
    labels[k] = 'O';
  }
}

/**
 * Nouns of devices whose brand and model follow them (گوشی Xiaomi, هدفون Redmi Buds): in ParsTwiNER's train part no
 * word after one of them is a PER or LOC (a product is O there: آیفون, پراید; a maker is ORG: سامسونگ). Not مدل, which
 * is also a fashion model, a person (مدل Kate Moss).
 */
const DEVICE_NOUNS = new Set(['گوشی', 'موبایل', 'هدفون', 'هندزفری', 'ایرفون', 'لپ‌تاپ', 'لپتاپ', 'تبلت', 'تلویزیون', 'مانیتور', 'دوربین', 'کنسول', 'اسپیکر', 'پاوربانک', 'پردازنده']);
/** words of a product line's name after its brand (Galaxy Buds, Redmi Note, iPhone Pro Max), lower case */
const MODEL_WORDS = new Set(['buds', 'pods', 'pro', 'max', 'ultra', 'plus', 'lite', 'mini', 'note', 'watch', 'tab', 'pad', 'book', 'phone', 'edge', 'fold', 'flip']);
/**
 * Sets 'O' on a PER or LOC that names a product (in place; ParsTwiNER has no product type and labels products O): a
 * device noun that begins the entity is O (`هدفون Redmi`, PER, began with one), and the rest, when its words are Latin
 * (LATIN_NAME_WORD), is a product's name when a device noun is before it or a model word (MODEL_WORDS) comes after its
 * first word or right after it (`Redmi Buds`, `Galaxy Buds` were PER). A person's name in Latin letters has no such
 * word (`Max Planck`: a model word first is a first name). Of ParsTwiNER train's 93 entities with a Latin word none
 * has one; an ORG is left as it is (a brand is one: Xiaomi).
 */
export function dropProducts(labels: string[], words: readonly string[]): void {
  forEachEntity(labels, (a, b, type) => {
    if (type !== 'PER' && type !== 'LOC') return;
    let s = a;
    if (DEVICE_NOUNS.has(words[a]!)) labels[s++] = 'O';
    if (s === b) return;
    let latin = true;
    let model = b < words.length && MODEL_WORDS.has(words[b]!.toLowerCase());
    for (let k = s; k < b && latin; k++) {
      latin = LATIN_NAME_WORD.test(words[k]!);
      if (k > s && MODEL_WORDS.has(words[k]!.toLowerCase())) model = true;
    }
    if (latin && (model || (s > 0 && DEVICE_NOUNS.has(words[s - 1]!)))) for (let k = s; k < b; k++) labels[k] = 'O';
    else if (s > a) labels[s] = `B-${type}`;
  });
}

/** God in the ezafe before His attribute (خدای توانا, خداوند متعال, پروردگار عالم) */
const GOD_EZAFE = new Set(['خدای', 'خداوند', 'پروردگار', 'ایزد', 'یزدان']);
/**
 * Sets 'O' on a one-word PER right after God in the ezafe (GOD_EZAFE) whose word has never begun a name in training
 * (the lexicon's LEX_BEGIN): that is His attribute, an adjective (`خدای توانا`: توانا, seen once as a surname after a
 * first name, was PER); a name that begins names stays (`خدای ابراهیم`, the God of Abraham). In ParsTwiNER's train
 * part no word after one of them is an entity (38 times).
 */
export function dropGodAttributes(labels: string[], words: readonly string[], facts: (form: string) => number): void {
  for (let k = 1; k < words.length; k++) {
    if (labels[k] !== 'B-PER' || labels[k + 1] === 'I-PER' || !GOD_EZAFE.has(words[k - 1]!)) continue;
    if ((facts(nerForm(words[k]!)) & LEX_BEGIN) === 0) labels[k] = 'O';
  }
}

/** a quantity's number: digits, or a number word up to a thousand */
const SPEC_NUMBER = /^(?:[0-9۰-۹]+(?:[.٫/][0-9۰-۹]+)?|یک|دو|سه|چهار|پنج|شش|هفت|هشت|نه|ده|دوازده|شانزده|بیست|سی|چهل|شصت|صد|دویست|پانصد|هزار)$/;
/** a unit of data after a number (۸ گیگ, هشت گیگه, 256GB written apart: GB) */
const DATA_UNIT = /^(?:گیگ|گیگه|گیگی|گیگابایت|گیگابایتی|مگ|مگابایت|مگابایتی|ترابایت|ترابایتی|[GMT]B|[gmt]b|Gb|Mb|Tb)$/;
/**
 * Sets 'O' on a one-word entity right before a number of gigabytes or megabytes (`رم هشت گیگه`, RAM: رم, Rome, was
 * LOC): a device's part and its size, no name. In ParsTwiNER's train part no entity stands before such a quantity (5
 * times a word that is O does: `رم لپ تاب تا 32 گیگ`).
 */
export function dropDataSpecs(labels: string[], words: readonly string[]): void {
  for (let k = 0; k + 2 < words.length; k++) {
    if (labels[k] === 'O' || labels[k]!.startsWith('I-') || labels[k + 1] !== 'O') continue;
    if (SPEC_NUMBER.test(words[k + 1]!) && DATA_UNIT.test(words[k + 2]!)) labels[k] = 'O';
  }
}

/**
 * the kinds of market after بازار: the economy's markets, no place (بازار آزاد, the open market of a currency; بازار ارز,
 * سرمایه, بورس, کار, طلا ...). In ParsTwiNER's train part (its last 10% held out) بازار is O before each of آزاد (ازاد),
 * ارز, سرمایه, بورس, کار, مالی, طلا, خودرو, مصرف, لاستیک, 14 times, and begins no entity with one; مسکن, سهام and سکه
 * (housing, shares, gold coins) are added as the same kind of market. A bazaar that is a place is named by its town or
 * its builder (بازار بزرگ تبریز, بازار عیوضی‌ها: LOC there) and is left as it is.
 */
const MARKET_KINDS = new Set(['آزاد', 'ازاد', 'ارز', 'سرمایه', 'بورس', 'کار', 'مالی', 'طلا', 'خودرو', 'مصرف', 'لاستیک', 'مسکن', 'سهام', 'سکه']);
/**
 * Cuts an entity that begins with بازار and a kind of market (MARKET_KINDS) before the rest (in place): those two words
 * are O and the words after them, if any, an entity of the same type (بازار آزاد تهران, the open market of Tehran, was
 * LOC whole: تهران stays LOC). Any type: the market is no organization either.
 */
export function dropMarkets(labels: string[], words: readonly string[]): void {
  forEachEntity(labels, (a, b, type) => {
    if (b - a < 2 || words[a] !== 'بازار' || !MARKET_KINDS.has(words[a + 1]!)) return;
    labels[a] = labels[a + 1] = 'O';
    if (a + 2 < b) labels[a + 2] = `B-${type}`;
  });
}

/** the copula's forms (بود, است, هست, نیست, باشد and their plurals, نبود) */
const COPULA = new Set(['بود', 'است', 'هست', 'نیست', 'باشد', 'نبود', 'بودند', 'هستند', 'نیستند', 'باشند', 'نبودند']);
/**
 * Sets 'O' on a PER that begins the sentence with the copula right after it, when its first word has never begun a
 * name in training (LEX_BEGIN): a predicate put first, as verse does (`توانا بود هر که دانا بود`: توانا, "mighty",
 * seen once inside a name, was PER), or a definition's subject and predicate (`فتوسنتز فرایندی است`, PER). A name
 * whose first word begins names stays (`علی بود که در را باز کرد`). In ParsTwiNER's train part no PER stands so (one
 * entity of 6,417 sentences, an ORG; 30 one-word O's do), nor a PROPN in the treebanks' train parts (PerDT, its early
 * slice, iPerUDT: 0 of 26 sentences that begin with a word and the copula).
 */
export function dropPredicateFirst(labels: string[], words: readonly string[], facts: (form: string) => number): void {
  if (words.length < 2 || labels[0] !== 'B-PER') return;
  let b = 1;
  while (b < words.length && labels[b] === 'I-PER') b++;
  if (b >= words.length || !COPULA.has(words[b]!)) return;
  if ((facts(nerForm(words[0]!)) & LEX_BEGIN) === 0) for (let k = 0; k < b; k++) labels[k] = 'O';
}

/** a reference's year: four digits, a letter may follow (۱۳۹۰الف, 2020a); not an age or a count, (۱۰ ساله) */
const YEAR = /^[0-9۰-۹]{4}(?![0-9۰-۹])/;

/**
 * The names of a reference list's entry, surname first (`احمدی، محمد (۱۳۹۰). عنوان.`, APA's style in Persian): a
 * sentence that begins with PER ، PER — the first name of one or two words — then ( and a year (YEAR: four digits) is one
 * person's name, the comma inside, and so is each further pair joined to it by و or ، (`کریمی، علی و رضایی، حسن
 * (۱۳۸۵)`): two PERs, the surname and the first name, became one. Only at the sentence's start and before (year): a
 * list of names (`علی، حسن و حسین آمدند`, `ترامپ، ابوبکر البغدادی (۹۸.۸.۵)` inside a tweet) is left as it is; the
 * pattern is in none of ParsTwiNER's train sentences (no gold entity changed).
 */
export function joinInvertedNames(labels: string[], words: readonly string[]): void {
  const n = words.length;
  /** the end of the PER entity that begins at k, at most `max` words, or -1 */
  const per = (k: number, max: number): number => {
    if (k >= n || labels[k] !== 'B-PER') return -1;
    let e = k + 1;
    while (e < n && labels[e] === 'I-PER') e++;
    return e - k <= max ? e : -1;
  };
  const pairs: [number, number][] = [];
  let k = 0;
  for (;;) {
    const a = per(k, 2);
    if (a < 0 || a >= n || (words[a] !== '،' && words[a] !== ',')) break;
    const b = per(a + 1, 2);
    if (b < 0) break;
    pairs.push([k, b]);
    if (b < n && (words[b] === 'و' || words[b] === '،' || words[b] === ',' || words[b] === '؛')) k = b + 1;
    else {
      k = b;
      break;
    }
  }
  if (pairs.length === 0 || k + 1 >= n || words[k] !== '(' || !YEAR.test(words[k + 1]!)) return;
  for (const [a, b] of pairs) for (let j = a + 1; j < b; j++) labels[j] = 'I-PER';
}

/**
 * Calls `visit(a, b, type)` for each entity [a, b) of BIO labels, in order (a B- or a stray I- label begins one, its
 * I- labels of the same type continue it). `visit` may relabel words inside [a, b) only.
 */
/**
 * Nouns of craft and vehicles (a satellite, a telescope, a ship, an aircraft, a missile, a probe): the name after one is
 * the craft's, not a person's. In ParsTwiNER's train part (its tail held out) no word right after one, nor after one
 * and a relational adjective, is PER: O 67 times, a nationality 4 (ناو آمریکایی), a LOC 2, an ORG 2 (نفتکش فارست). Not
 * a noun with its ezafe written (هواپیمای بایدن, Biden's plane, was the one change away from the right labels in 37k lines
 * of the treebanks' raw text and ParsTwiNER's tweets: a name after it may be the owner's).
 */
const CRAFTS = new Set(['ماهواره', 'تلسکوپ', 'کشتی', 'ناو', 'ناوشکن', 'نفتکش', 'هواپیما', 'موشک', 'پهپاد', 'زیردریایی', 'فضاپیما', 'کاوشگر', 'مریخ‌نورد', 'ماه‌نورد']);
/** a relational adjective between the craft's noun and its name (تلسکوپ فضایی جیمز وب, ماهواره مخابراتی ...): a word in ی, not after a ZWNJ */
const CRAFT_ADJECTIVE = /[^\u200c\s]{2,}ی$/;
/**
 * Sets 'O' on a PER right after a craft's noun, or after one and a relational adjective (CRAFTS): ماهواره ناهید ۲ and
 * تلسکوپ فضایی جیمز وب had ناهید and جیمز وب as persons.
 */
export function dropCraftNames(labels: string[], words: readonly string[]): void {
  forEachEntity(labels, (a, b, type) => {
    if (type !== 'PER' || a === 0) return;
    const craft = CRAFTS.has(words[a - 1]!) || (a >= 2 && labels[a - 1] === 'O' && CRAFTS.has(words[a - 2]!) && CRAFT_ADJECTIVE.test(words[a - 1]!));
    if (craft) for (let k = a; k < b; k++) labels[k] = 'O';
  });
}

function forEachEntity(labels: string[], visit: (a: number, b: number, type: string) => void): void {
  for (let a = 0; a < labels.length; ) {
    if (labels[a] === 'O') {
      a++;
      continue;
    }
    const type = labels[a]!.slice(2);
    let b = a + 1;
    while (b < labels.length && labels[b] === `I-${type}`) b++;
    visit(a, b, type);
    a = b;
  }
}

/**
 * Prepositions, conjunctions, postpositions and the like that no entity of ParsTwiNER's begins or ends with (of its
 * 15,590 entities in train and dev, 8 of two words or more do, each once: a quoted title's `ولی`, `یا`, `تا`, or an
 * annotator's slip). Not name parts that are also words (`زاده`, `سی` of دی سی, `آقا`).
 */
const EDGE_WORDS = new Set(['و', 'از', 'در', 'به', 'با', 'برای', 'به\u200cعنوان', 'بعنوان', 'که', 'را', 'رو', 'یا', 'ولی', 'اما', 'هم', 'نیز', 'تا', 'بر', 'توسط', 'درباره', 'چون', 'اگر', 'است', 'بود', 'شد']);
/** drops the edge function words of the labels' entities (in place) */
export function trimEdges(labels: string[], words: readonly string[]): void {
  forEachEntity(labels, (a, b, type) => {
    let s = a;
    let e = b;
    while (e - s > 1 && EDGE_WORDS.has(words[s]!)) labels[s++] = 'O';
    while (e - s > 1 && EDGE_WORDS.has(words[e - 1]!)) labels[--e] = 'O';
    if (s > a) labels[s] = `B-${type}`;
  });
}

// ---- binary encoding ----

const FORMAT: ContainerFormat = { magic: [0x44, 0x42, 0x4e, 0x45] /* "DBNE" */, version: NER_FORMAT_VERSION, name: 'named-entity model', train: 'train:ner' };

/** The model data argument of `fn`, else E_BAD_INPUT (null was "Cannot read properties of null (reading 'header')"). */
function nerDataArgument(d: NerData, fn: string): void {
  dataArgument(d, fn, 'the data of a named-entity model', ['header', 'lexKeys', 'lexVals', 'wKeys', 'w'], 'pass what trainNer or decodeNerData gives; to load data/ner.bin, nerModelOf(its bytes)');
}

/** Serializes a model (deterministic bytes for the same data). */
export function encodeNer(d: NerData): Uint8Array {
  nerDataArgument(d, 'encodeNer');
  return encodeContainer(FORMAT, d.header, [
    ['lex.k', d.lexKeys],
    ['lex.v', d.lexVals],
    ['w.k', d.wKeys],
    ['w.v', d.w],
  ]);
}

/** Reads data/ner.bin. Throws DabirError E_RESOURCE_CORRUPT on bad bytes, E_RESOURCE_VERSION on another format. */
export function decodeNerData(bytes: Uint8Array): NerData {
  const c = openContainer(FORMAT, bytes);
  const header = c.header as unknown as NerHeader;
  if (!Array.isArray(header.labels) || typeof header.scale !== 'number') throw c.corrupt('bad header');
  const d: NerData = {
    header: { labels: header.labels, scale: header.scale, ...(header.decoder ? { decoder: header.decoder } : {}), meta: header.meta ?? {} },
    lexKeys: c.section<Uint32Array>('lex.k'),
    lexVals: c.section<Uint32Array>('lex.v'),
    wKeys: c.section<Uint32Array>('w.k'),
    w: c.section<Int16Array>('w.v'),
  };
  // (the types too: a section of another type is a corrupt file)
  if (!(d.lexKeys instanceof Uint32Array && d.lexVals instanceof Uint32Array && d.wKeys instanceof Uint32Array && d.w instanceof Int16Array)) throw c.corrupt('bad section types');
  if (d.lexVals.length !== d.lexKeys.length || d.w.length !== d.wKeys.length * d.header.labels.length) throw c.corrupt('section sizes disagree');
  return d;
}

export function decodeNer(bytes: Uint8Array): NerModel {
  return new NerModel(decodeNerData(bytes));
}

export { NER_LABELS };
