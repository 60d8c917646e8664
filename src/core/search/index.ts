/**
 * Search terms: what a search index (MiniSearch, Lunr, FlexSearch, Elasticsearch, a database column) should store for
 * Persian text, and what a query should be turned into, so that the spellings and inflections of one word meet:
 * کتاب‌هایشان, كتابهايشان and کتاب all give the term کتاب; می‌خواهند, نمی‌خواستم and خواست give خواست.
 *
 * A term is the lemma of a syntactic word (the lemmatizer's, without tags: verbs by their past stem — with the preverb
 * the treebanks' lemma leaves out, برگشتیم → برگشت, not گشت —, nouns and
 * adjectives without plural, clitic, comparative or ezafe endings, broken plurals by their singular) folded to a
 * search key: Persian letters (ي ى → ی, ك → ک, ة ۀ هٔ → ه, أ إ آ ٱ → ا, ؤ → و, ئ → ی), no diacritics, kashida or ZWNJ,
 * ASCII digits, lower-case Latin. Stopwords that are function words (از, که, خیلی, می‌شود; Stopwords.isFunctionWord:
 * not the content words the lists also hold, بزرگ, جدید) and punctuation give no term; the clitics of a multi-word
 * token (the ش of اختیارش, the را of کتابو) neither. A number written in words is one term, its value in ASCII digits
 * (سه هزار و پانصد → 3500, as ۳۵۰۰ → 3500), so that numbers meet whichever way they are written.
 *
 * Pure: it reads a Doc that a pipeline with normalizer, tokenizer and lemmatizer made, and a stopword list.
 */
import { badText, booleanOption, DabirError, kindOf, knownOptions } from '../errors.js';
import { hasLetterOrDigit, unstretch } from '../chars.js';
import { docsOf, type Doc } from '../doc.js';
import { PREVERB_PARTS } from '../lemmatize/index.js';
import { findNumbers, type NumberSpan } from '../numbers/index.js';
import type { Stopwords } from '../stopwords.js';
import { isMarkupToken } from '../normalize/protect.js';

export interface SearchTerm {
  /** the folded lemma (or the folded form, with `lemmas: false`) */
  term: string;
  /** UTF-16 offsets of the token into the original text */
  start: number;
  end: number;
}

export interface SearchTermsOptions {
  /** index lemmas (کتاب‌هایشان → کتاب) [default true]; false: the folded surface form of each token (کتابهایشان) */
  lemmas?: boolean;
  /** leave out the stopwords that are function words (از, به, که, است, خیلی, ...) [default true] */
  stopwords?: boolean;
}

/** The search key of a string: letter variants and hamza seats folded, no marks or ZWNJ, ASCII digits, lower case. */
export function searchFold(s: string): string {
  if (typeof s !== 'string') throw badText(s, 'searchFold');
  let out = '';
  let plain = true; // nothing to change so far: return s itself
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let r: string | undefined;
    if (c === 0x064a || c === 0x0649 || c === 0x0626) r = 'ی';
    else if (c === 0x0643) r = 'ک';
    else if (c === 0x0629 || c === 0x06c0) r = 'ه';
    else if (c === 0x0622 || c === 0x0623 || c === 0x0625 || c === 0x0671) r = 'ا';
    else if (c === 0x0624) r = 'و';
    else if (c === 0x200c || c === 0x200d || c === 0x0640 || c === 0x0654 || c === 0x0655 || (c >= 0x064b && c <= 0x065f) || c === 0x0670) r = '';
    else if (c >= 0x06f0 && c <= 0x06f9) r = String.fromCharCode(c - 0x06f0 + 0x30);
    else if (c >= 0x0660 && c <= 0x0669) r = String.fromCharCode(c - 0x0660 + 0x30);
    else if (c >= 0x41 && c <= 0x5a) r = String.fromCharCode(c + 32);
    else if (c > 0x7f && c < 0x0600) {
      const l = s[i]!.toLowerCase();
      if (l !== s[i]) r = l;
    }
    if (r === undefined) {
      if (!plain) out += s[i];
      continue;
    }
    if (plain) {
      out = s.slice(0, i);
      plain = false;
    }
    out += r;
  }
  return plain ? s : out;
}

const LONE_ONE = new Set(['یک', 'یه', 'یکی']);

/** the prefixes that may stand between a preverb and the stem (برنمی‌گشتیم, برمی‌گردد, برنگشت) */
const AFTER_PREVERB = ['نمی', 'می', 'ن', 'ب', ''];

/**
 * The lemma with the preverb the form begins with, when the lemmatizer left it out (the treebanks' convention: the
 * lemma of برگشتیم is گشت): a search must not meet گشتن, wander, for برگشتن, return. Only when, after the preverb and
 * a negation or aspect prefix, the form goes on with the lemma's first letter (برمی‌گردیم, گشت); else the lemma.
 */
function withPreverb(form: string, lemma: string): string {
  const f = form.replaceAll('\u200c', '');
  // (no preverb begins another: the first that fits is the one)
  for (const p of PREVERB_PARTS) {
    if (!f.startsWith(p) || lemma.startsWith(p) || f.length < p.length + 2) continue;
    const rest = f.slice(p.length);
    for (const q of AFTER_PREVERB) {
      if (rest.startsWith(q) && rest.length > q.length && rest[q.length] === lemma[0]) return p + lemma;
    }
    return lemma;
  }
  return lemma;
}

/**
 * The search terms of an analysed document, in text order; or of the pieces of one (`pipeline.processPieces(text)`,
 * read one at a time: the same terms as of `pipeline.process(text)`).
 */
export function searchTermsOf(doc: Doc | Iterable<Doc>, stopwords?: Stopwords, options: SearchTermsOptions = {}): SearchTerm[] {
  const out: SearchTerm[] = [];
  for (const part of termsOfPieces(docsOf(doc, 'searchTermsOf'), stopwordsArgument(stopwords, 'searchTermsOf'), searchTermsOptions(options))) for (const t of part) out.push(t);
  return out;
}

/**
 * `searchTermsOf`, a piece at a time: the terms of each Doc of `pieces` (`pipeline.processPieces(text)`) as it is
 * read, so that neither the analysis nor the terms of a long text need to be held whole.
 */
export function searchTermsOfPieces(pieces: Doc | Iterable<Doc>, stopwords?: Stopwords, options: SearchTermsOptions = {}): Generator<SearchTerm[]> {
  // (the arguments checked now, not on the first piece)
  return termsOfPieces(docsOf(pieces, 'searchTermsOfPieces'), stopwordsArgument(stopwords, 'searchTermsOfPieces'), searchTermsOptions(options));
}

/** stopwords as given to searchTermsOf (undefined: none dropped); anything else than a Stopwords is E_BAD_INPUT */
function stopwordsArgument(stopwords: Stopwords | undefined, fn: string): Stopwords | undefined {
  if (stopwords === undefined || typeof (stopwords as Partial<Stopwords> | null)?.isFunctionWord === 'function') return stopwords;
  throw new DabirError('E_BAD_INPUT', `${fn} expects stopwords made by createStopwords(data), got ${kindOf(stopwords)}`, 'pass createStopwords(data of data/stopwords.json), or leave it out to keep every word');
}

/** SearchTermsOptions checked: an object of the known names, each true, false or undefined (E_BAD_OPTION otherwise). */
export function searchTermsOptions(options: SearchTermsOptions | undefined): SearchTermsOptions {
  const o = knownOptions(options, 'search', ['lemmas', 'stopwords']);
  booleanOption('lemmas', o.lemmas);
  booleanOption('stopwords', o.stopwords);
  return o;
}

function* termsOfPieces(pieces: Iterable<Doc>, stopwords: Stopwords | undefined, options: SearchTermsOptions): Generator<SearchTerm[]> {
  const useLemma = options.lemmas !== false;
  const dropStop = options.stopwords !== false && stopwords !== undefined;
  let lastStart = -1; // the start of the last term given
  // numbers written in words (not a lone یک / یه / یکی, mostly "a" and "one of"): one digits term each (found in the
  // whole text, which every piece's Doc holds: a number is read whole wherever the text was cut)
  let numbers: NumberSpan[] | undefined;
  let ni = 0;
  for (const d of pieces) {
    const out: SearchTerm[] = [];
    numbers ??= useLemma ? findNumbers(d.text).filter((n) => n.words && n.form === 'cardinal' && !LONE_ONE.has(searchFold(n.text))) : [];
    const nums = numbers;
    for (const s of d.sentences) {
      for (const t of s.tokens) {
        // (nor does markup: <p, class="x">, </b>, &nbsp;)
        if (!hasLetterOrDigit(t.text) || isMarkupToken(t.text)) continue;
        while (ni < nums.length && nums[ni]!.end <= t.start) ni++;
        const n = nums[ni];
        if (n && n.start <= t.start && t.end <= n.end) {
          // the first token of the phrase carries the term; the others none
          if (lastStart < n.start) out.push({ term: n.digits, start: (lastStart = n.start), end: n.end });
          continue;
        }
        // folded forms: one term per token, as written (کتاب‌هایشان → کتابهایشان)
        // (a word stretched for emphasis, خیلیییی, is the word typed once)
        if (!useLemma) {
          const text = unstretch(t.text);
          if (dropStop && stopwords!.isFunctionWord(text)) continue;
          const term = searchFold(text);
          if (term) out.push({ term, start: (lastStart = t.start), end: t.end });
          continue;
        }
        const words = t.words;
        for (let k = 0; k < words.length; k++) {
          const w = words[k]!;
          const form = unstretch(w.form);
          // the clitics after a multi-word token's host (ش, مان, را, است): no terms of their own
          if (k > 0 && (form.length <= 3 || (dropStop && stopwords!.has(form)))) continue;
          // (a stretched word is a function word when its lemma is one: ببببین, typed once بین "between", is the verb ببین)
          if (dropStop && stopwords!.isFunctionWord(form) && (form === w.form || !w.lemma || w.lemma === '_' || stopwords!.isFunctionWord(w.lemma))) continue;
          if (!hasLetterOrDigit(w.form)) continue;
          const base = w.lemma && w.lemma !== '_' ? withPreverb(form, w.lemma) : w.form;
          const term = searchFold(base);
          if (term) out.push({ term, start: (lastStart = t.start), end: t.end });
        }
      }
    }
    yield out;
  }
}
