/**
 * Keywords: the words and short phrases that say what a text is about, ranked by TF-IDF.
 *
 * Candidates are runs of content words (nouns, names, adjectives; no function-word stopword, number or punctuation, and
 * not the nominal part of a light-verb construction: استفاده in استفاده کرد) of one sentence, each word linked to the
 * one before it by the parse inside a noun phrase (amod, nmod, flat, compound, fixed: بانک مرکزی, سازمان ملل متحد; not
 * the subject and the adverbial of پرورش روز دوشنبه); every stretch of 1 to `maxWords` of them with a noun or a name in
 * it (adjectives alone, تازه, are none: adjectivesOnly). A candidate is keyed by its
 * words' search terms (folded lemmas, as searchTerms: نرخ‌های ارز and نرخ ارز are one key) and scored
 *   score = occurrences × Σ idf(term) / √words,   idf(t) = ln((N + 1) / (df(t) + 1)) + 1
 * (the square root: a phrase weighs more than one of its words, but a phrase seen once less than a word repeated)
 * with df counted over the N sentences of the reference text (data/idf.json). The best candidates are taken in order,
 * leaving out any that shares a term with one already taken (بانک after بانک مرکزی). Scores are divided by the best.
 *
 * Pure: it reads a Doc a pipeline tagged and parsed (normalizer, tokenizer, lemmatizer, tagger, parser; without a
 * parse every adjacent pair of content words is taken as linked), the IDF table and the stopwords.
 */
import { docsOf, type Doc, type Sentence, type Token, type Word } from '../doc.js';
import { DabirError, kindOf, knownOptions, showValue } from '../errors.js';
import { searchFold } from '../search/index.js';
import { hasLetter, isArabicLetter, letterKey } from '../chars.js';
import { ARABIC_FUNCTION_WORDS } from '../arabic-words.js';
import { CURRENCIES, LATIN_UNITS, SCIENCE_AND_DATA, WEIGHTS_AND_MEASURES } from '../units.js';
import { parseNumber } from '../numbers/index.js';
import { protectedLetters } from '../normalize/protect.js';
import type { Stopwords } from '../stopwords.js';
import { WIKI_NAMESPACES, wikiNamespaced } from '../wiki.js';

export interface IdfData {
  meta: { format: number; documents: number; license?: string; source?: string };
  /** term (searchFold of a lemma) → the number of documents (sentences) it occurs in; terms seen once are left out */
  df: Record<string, number>;
}

export interface Idf {
  /** ln((N + 1) / (df + 1)) + 1 */
  idf(term: string): number;
  readonly documents: number;
}

export function createIdf(data: IdfData): Idf {
  if (!data || data.meta?.format !== 1 || typeof data.df !== 'object' || !(data.meta.documents > 0)) {
    throw new DabirError('E_RESOURCE_CORRUPT', 'idf data: not an idf.json of this version', 'rebuild it with `npm run build:idf` or reinstall dabir');
  }
  const df = new Map(Object.entries(data.df));
  const n = data.meta.documents;
  // a term missing from the table was seen at most once
  return { idf: (t) => Math.log((n + 1) / ((df.get(t) ?? 1) + 1)) + 1, documents: n };
}

export interface KeywordOptions {
  /** how many keywords [default 10] */
  n?: number;
  /** the longest phrase, in words [default 3] */
  maxWords?: number;
}

export interface Keyword {
  /** the text of its first occurrence, as written */
  phrase: string;
  /** the same as the normalizer corrected it (نرم افزارهای → نرم‌افزارهای); `phrase` when the text needed nothing */
  form: string;
  /** its words' lemmas, space-separated: the keyword's base form (نرم‌افزار, دانش‌آموز, بانک مرکزی) */
  lemma: string;
  /** its search terms joined by a space: the same for every spelling and inflection */
  key: string;
  /** relative score, 1 for the best */
  score: number;
  /** occurrences in the text */
  count: number;
  /** UTF-16 offsets of every occurrence into the original text */
  spans: { start: number; end: number }[];
}

const CONTENT = new Set(['NOUN', 'PROPN', 'ADJ']);
/** a tab, or two spaces or more in a row */
const LAYOUT_GAP = /\t| {2}|\u00a0 | \u00a0/;

/** relations that hold a noun phrase together (the dependent follows or precedes its head directly) */
const NP_LINKS = new Set(['amod', 'nmod', 'nmod:poss', 'flat', 'flat:name', 'compound', 'fixed']);
/** a colour's hex code, no hashtag: #fff, #ff0000, #ff000080 */
const HEX_COLOUR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$/i;
const ARABIC_SCRIPT = /[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]/;
/**
 * an identifier's shape: an underscore (get_value, snake_case). (Not a capital inside or a digit: iPhone, YouTube,
 * S400, GOT7, ps5 are names; fooBar and getValue are found by the code around them.)
 */
const IDENTIFIER = /_/;
/** characters of code and data around a word ("name": , {key}, f(x), a = b, `x`, <tag>) */
const CODE_MARKS = new Set([...'`{}[]=;<>$#@/\\|']);

/**
 * A token inside code: a protected span (scanProtected) that goes on across the space or line break before or after it
 * — only code holds a space (a fenced block, `npm install dabir`; URLs, names and hashtags hold none). (Tags' attributes
 * do too, but they are markup, no content word.)
 */
function insideCode(t: Token, text: string, prot: Uint8Array): boolean {
  if (prot.length === 0) return false;
  const space = (k: number): boolean => k >= 0 && k < text.length && prot[k] === 1 && /\s/.test(text[k]!);
  return space(t.start - 1) || space(t.end);
}

/** more letters in Arabic script than in others (looked at in the first 100,000 units) */
function isPersianText(text: string): boolean {
  let arabic = 0;
  let other = 0;
  const n = Math.min(text.length, 100_000);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x41) continue;
    if (isArabicLetter(c)) arabic++;
    else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f)) other++;
  }
  return arabic > other;
}

/**
 * A token in another script that reads as code or data, not as a word of Persian prose: shaped as an identifier
 * (fooBar, get_value), beside the marks of code or data ({x}, a = b, getValue(), "name":, : "dabir"), or inside a code
 * span (an odd number of backticks before it on its line: `npm install dabir`).
 */
function codeLike(t: Token, text: string): boolean {
  if (IDENTIFIER.test(t.text)) return true;
  const before = t.start > 0 ? text[t.start - 1]! : ' ';
  const after = t.end < text.length ? text[t.end]! : ' ';
  if (after === '(') return true;
  // the nearest mark on either side, past spaces (fooBar = 1, x + y;)
  let a = t.end;
  while (a < text.length && (text[a] === ' ' || text[a] === '\t')) a++;
  let b = t.start - 1;
  while (b >= 0 && (text[b] === ' ' || text[b] === '\t')) b--;
  if ((a < text.length && CODE_MARKS.has(text[a]!)) || (b >= 0 && CODE_MARKS.has(text[b]!))) return true;
  // quoted in data: a JSON key ("name":) or a value or list item ("dabir", after : [ { , or =); a name in quotes or
  // brackets in prose ("Apple", (AI)) is none
  if (after === '"' || after === "'") {
    let k = t.end + 1;
    while (k < text.length && text[k] === ' ') k++;
    if (k < text.length && ':,}]'.includes(text[k]!)) return true;
  }
  if (before === '"' || before === "'") {
    let k = t.start - 2;
    while (k >= 0 && text[k] === ' ') k--;
    if (k >= 0 && ':{[,(='.includes(text[k]!)) return true;
  }
  let ticks = 0;
  for (let k = t.start - 1; k >= 0 && k >= t.start - 1000; k--) {
    const c = text.charCodeAt(k);
    if (c === 0x0a) break;
    if (c === 0x60) ticks++;
  }
  return (ticks & 1) === 1;
}

/**
 * The tokens of a sentence that may give keywords in a text of mostly Persian words: every token in Arabic script; one
 * in another script only where it reads as a word of the prose (Google, Pixel as names): not in a sentence with two or
 * more such tokens and no more Persian ones (a line of code, an English sentence; a name alone, و Ps4, stays), not
 * code-like, nor beside a code-like one (const before fooBar).
 */
function proseTokens(s: Sentence, text: string): boolean[] {
  const toks = s.tokens;
  const ok = new Array<boolean>(toks.length).fill(true);
  const foreign: number[] = [];
  let persian = 0;
  for (let i = 0; i < toks.length; i++) {
    const f = toks[i]!.form ?? toks[i]!.text;
    if (ARABIC_SCRIPT.test(f)) persian++;
    else if (hasLetter(f)) foreign.push(i);
  }
  if (foreign.length === 0) return ok;
  if (foreign.length >= 2 && foreign.length >= persian) {
    for (const i of foreign) ok[i] = false;
    return ok;
  }
  const code = foreign.map((i) => codeLike(toks[i]!, text));
  for (let k = 0; k < foreign.length; k++) {
    const i = foreign[k]!;
    const prevCode = k > 0 && foreign[k - 1] === i - 1 && code[k - 1];
    const nextCode = k + 1 < foreign.length && foreign[k + 1] === i + 1 && code[k + 1];
    ok[i] = !code[k] && !prevCode && !nextCode;
  }
  return ok;
}

/** Arabic function words beyond the shared list (ARABIC_FUNCTION_WORDS), none a Persian word: مع, صلی (صلی الله علیه) */
const ARABIC_MORE = new Set(['مع', 'صلی', 'ان', 'اذا', 'عنه', 'فیه']);
/**
 * Arabic function words that are Persian content words too — قد "height", کان "mine", لم "lounging", کما "coma" (NOUN in
 * the train ranges) — and بن, which joins the parts of a name (علی بن ابیطالب, PROPN): left to the tagger
 * unless an Arabic passage holds them (another Arabic function word within ARABIC_NEAR words), بن always.
 */
const ARABIC_HOMOGRAPHS = new Set(['قد', 'کان', 'لم', 'کما']);
const ARABIC_NEAR = 8;

/**
 * Per token of a sentence, whether it is an Arabic function word (عن, فی, هذا, قال, الی, مع ...): 2 always, 1 one that
 * is also a Persian word (ARABIC_HOMOGRAPHS); then the homographs with an Arabic function word near them made 2.
 */
function arabicFunctionTokens(s: Sentence): Uint8Array | undefined {
  const toks = s.tokens;
  let mark: Uint8Array | undefined;
  for (let i = 0; i < toks.length; i++) {
    const f = toks[i]!.form ?? toks[i]!.text;
    if (f.length > 4) continue;
    const k = letterKey(f, true);
    const v = ARABIC_HOMOGRAPHS.has(k) ? 1 : k !== 'بن' && (ARABIC_FUNCTION_WORDS.has(k) || ARABIC_MORE.has(k)) ? 2 : 0;
    if (v === 0) continue;
    (mark ??= new Uint8Array(toks.length))[i] = v;
  }
  if (mark === undefined) return undefined;
  const m = mark;
  const out = Uint8Array.from(m, (v, i) => {
    if (v !== 1) return v;
    for (let j = Math.max(0, i - ARABIC_NEAR); j <= Math.min(m.length - 1, i + ARABIC_NEAR); j++) if (m[j] === 2) return 2;
    return 0;
  });
  return out;
}

/**
 * A number word of a hundred or more (صد, هزار, میلیون, میلیارد): part of a number, no keyword, though the tagger may
 * write it NOUN after digits as the early PerDT slice does (۳ میلیون تومان gave the keyword میلیون تومان).
 */
function scaleWord(form: string): boolean {
  if (form.length < 2 || form.length > 8) return false;
  const p = parseNumber(form);
  return p !== undefined && p.form === 'cardinal' && p.value >= 100 && !/\p{Nd}/u.test(form);
}

/**
 * Units of money and measure: after a number they are part of a quantity (۱۲٬۵۰۰ تومان, ۵۰۰ میلی‌گرم, ۳۰ درصد), no
 * keyword; elsewhere (قیمت دلار, the dollar's price) they are words like any other.
 */
const UNITS: ReadonlySet<string> = new Set([...CURRENCIES, ...WEIGHTS_AND_MEASURES, ...SCIENCE_AND_DATA, ...LATIN_UNITS]);
/**
 * a unit (UNITS), or its adjective in ی / یی / ‌ای after a number (۲۰ درصدی, ۱۰ کیلویی, ۱۰۰ دلاری: a quantity as an
 * adjective; ۲۰ درصدی was the keyword درصدی)
 */
function unitWord(form: string): boolean {
  const f = form.toLowerCase();
  if (UNITS.has(f)) return true;
  if (f.length < 3) return false;
  if (f.endsWith('\u200cای')) return UNITS.has(f.slice(0, -3));
  if (f.endsWith('یی')) return UNITS.has(f.slice(0, -2)) || UNITS.has(f.slice(0, -1));
  return f.endsWith('ی') && UNITS.has(f.slice(0, -1));
}
/** a word that counts the one after it: a number (NUM), digits, or a number word of a hundred or more */
function countsIt(w: Word): boolean {
  return w.upos === 'NUM' || /^[\p{Nd}.,٫٬/]+$/u.test(w.form) || scaleWord(w.form);
}

/**
 * A verb's form that is also a noun of a present stem + ی (نوردی, خوانی, تکانی, نویسی, شناسی: the doing of it), as
 * the second half of a compound after a noun: three letters or more before the ی, no prefix می / نمی / ب (#کتاب_بخوانی,
 * #می‌خوانی stay verbs), not a light verb's 2nd person (#زندگی_کنی, #دوست_داری: a compound verb)
 */
const LIGHT_2SG = new Set(['کنی', 'کردی', 'شی', 'شوی', 'شدی', 'دهی', 'دادی', 'زنی', 'زدی', 'داری', 'داشتی', 'بودی', 'هستی', 'باشی']);
function stemNoun(form: string): boolean {
  return form.length >= 4 && form.endsWith('ی') && !LIGHT_2SG.has(form) && !/^(?:ن?می|ب)/.test(form);
}

/** an element of keywordsOf's run of content words (name: see there) */
interface RunWord {
  terms: string[];
  start: number;
  end: number;
  form: string;
  lemma: string;
  stop: boolean;
  name?: 'latin' | 'number';
  /** the words of the element, where a parse gave them (not a hashtag's): a phrase is a connected piece of the tree */
  words?: Word[];
}

/**
 * Every word of `part` an adjective (تازه, خوشحال, جدید و مهم): an attribute with nothing it describes, no topic. A
 * keyword names a thing — a noun or a name, alone or with its adjectives (خبر تازه, بانک مرکزی) — as the noun-phrase
 * patterns of keyphrase extractors do. (A hashtag's elements carry no words: kept.)
 */
function adjectivesOnly(part: RunWord[]): boolean {
  for (const p of part) {
    if (p.words === undefined || p.words.length === 0) return false;
    for (const w of p.words) if (w.upos !== 'ADJ') return false;
  }
  return true;
}

/**
 * The elements `part` (of a run) make one piece of the parse: linked through the heads of their words, each element one
 * unit (a Latin name or a name with its number is one whatever the parse). A run holds a phrase whose words hang on an
 * earlier one (linkedToRun: نیروهای نظامی نخبهٔ سوریه, نظامی and نخبهٔ and سوریه on نیروهای), and a stretch of it may be
 * no phrase (نظامی نخبهٔ سوریه). Without a parse, any.
 */
function connected(part: readonly RunWord[]): boolean {
  const n = part.length;
  if (n < 2) return true;
  for (const p of part) if (p.words === undefined) return true;
  // (grown from the first element: an element joins when a word of it hangs on the grown piece, or one of the piece on it)
  const inPiece = new Array<boolean>(n).fill(false);
  inPiece[0] = true;
  let size = 1;
  for (let grew = true; grew && size < n; ) {
    grew = false;
    for (let i = 0; i < n; i++) {
      if (inPiece[i]) continue;
      for (let j = 0; j < n && !inPiece[i]; j++) {
        if (!inPiece[j]) continue;
        if (part[i]!.words!.some((a) => part[j]!.words!.some((b) => a.head === b.id || b.head === a.id))) {
          inPiece[i] = true;
          size++;
          grew = true;
        }
      }
    }
  }
  return size === n;
}

/** token `t` goes on the run's element `last` (a Latin name's next word, a model number): still one element */
function extendRun(last: RunWord, t: Token, text: string, term: string, lemma: string): void {
  last.terms = [...last.terms, term];
  last.end = tokenEnd(t, text);
  last.form += ' ' + tokenForm(t);
  last.lemma += ' ' + lemma;
}

/**
 * A token without the mark the PerDT scheme glues to it as its last word (نیازمندیم. = نیازمند + یم + .): its end in the
 * text and its corrected form (the keyword's phrase was نیازمندیم. with the full stop)
 */
function tokenEnd(t: Token, text: string): number {
  if (t.words.length < 2 || t.words[t.words.length - 1]!.upos !== 'PUNCT') return t.end;
  let e = t.end;
  while (e > t.start + 1 && !NOT_MARK.test(text[e - 1]!)) e--;
  return e;
}
function tokenForm(t: Token): string {
  const f = t.form ?? t.text;
  if (t.words.length < 2 || t.words[t.words.length - 1]!.upos !== 'PUNCT') return f;
  let e = f.length;
  while (e > 1 && !NOT_MARK.test(f[e - 1]!)) e--;
  return f.slice(0, e);
}
/** a letter, digit or mark of a word (and a ZWNJ): no punctuation */
const NOT_MARK = /[\p{L}\p{N}\p{M}\u200c]/u;

/**
 * an adjective of a number of years, months, people ... (۲۰ ساله, ۳ ماهه, ۵ نفره, ۲ روزه, ۱۰ دقیقه‌ای, ۳ تایی): the number
 * before it counts it, no model number (علی ۲۰ ساله است gave the keyword علی ۲۰, مسی ۳۶ ساله شد مسی ۳۶)
 */
const COUNTED_ADJECTIVE = /^(?:سال|ماه|روز|هفته|ساعت|دقیقه|ثانیه|نفر|قرن|دهه|طبقه|تا|بار|جلد|قسمت|مرحله|ستاره)(?:ه|ی|یی|\u200cای|ای|\u200cه)$/;

/** digits alone, a whole number (12, ۲۰۶, 2024): no decimal, no separator */
const MODEL_DIGITS = /^\p{Nd}{1,6}$/u;

/**
 * w (digits) is the model number of the name before it (a PROPN or a Latin word: Note 12, پژو ۲۰۶, Windows 11) — not
 * a number that counts what follows it (علی ۲۰ سال, Galaxy S23 128 GB: a noun, a name, a number or a unit next), nor a
 * score or a ratio (ایران ۲ - ۱ ژاپن). The parser reads such a number as nummod of the word after it (پژو ۲۰۶ گران
 * شد) or as a NOUN of its own, and the keywords split the name at it (Redmi, Note and Pro apart).
 */
function modelNumber(name: Word, w: Word, next: Word | undefined, after: Word | undefined): boolean {
  if (!MODEL_DIGITS.test(w.form)) return false;
  if (name.upos !== 'PROPN' && !LATIN_WORD.test(name.form)) return false;
  if (next === undefined) return true;
  if (UNITS.has(next.form.toLowerCase()) || COUNTED_ADJECTIVE.test(next.form)) return false;
  // (a score or a ratio with a word between: ایران ۳ بر ۱, ۲ به ۱)
  if (after !== undefined && next.upos === 'ADP' && /^\p{Nd}+$/u.test(after.form)) return false;
  if (LATIN_WORD.test(next.form)) return true;
  if (next.upos === 'PUNCT') return !/^[-–—:/]$/.test(next.form);
  return next.upos !== 'NOUN' && next.upos !== 'PROPN' && next.upos !== 'NUM' && !MODEL_DIGITS.test(next.form);
}

/**
 * A wiki page's name with its namespace — رده:ورزش, الگو:جعبه اطلاعات, پرونده:تهران.jpg, as wiki text and articles
 * copied with their links show them — from token k: the index of the first token after it, or k when there is none.
 * The name ends at the first space, or inside [[ ]] or {{ }} at the closing brackets or a | (its other words: رده:ورزش
 * ایران). Such a name is markup, no words of the text; its words were keywords (رده:ورزش ایران, الگو:جعبه اطلاعات; and
 * written without brackets, where the tokenizer splits the colon off, الگو and جعبه apart).
 */
function wikiNameEnd(tokens: readonly Token[], k: number, text: string): number {
  const t = tokens[k]!;
  let end = k + 1;
  if (!wikiNamespaced(t.text)) {
    // the namespace, the colon and the name as three tokens, glued
    const colon = tokens[k + 1];
    const name = tokens[k + 2];
    if (colon === undefined || name === undefined || colon.text !== ':' || colon.start !== t.end || name.start !== colon.end || !hasLetter(name.text)) return k;
    if (!WIKI_NAMESPACES.has(t.text.toLowerCase())) return k;
    end = k + 3;
  }
  // (the rest of the name up to a space: پرونده:تهران.jpg)
  while (end < tokens.length && tokens[end]!.start === tokens[end - 1]!.end && tokens[end]!.text !== ']' && tokens[end]!.text !== '}' && tokens[end]!.text !== '|') end++;
  // inside [[ ]] or {{ }}: on to the closing brackets or a |
  const open = k >= 1 ? tokens[k - 1]!.text : '';
  const glued = k >= 1 && tokens[k - 1]!.end === t.start;
  if (glued && (open === '[' || open === '{' || open === '[[' || open === '{{' || text.slice(Math.max(0, t.start - 2), t.start) === '[[' || text.slice(Math.max(0, t.start - 2), t.start) === '{{')) {
    const close = open.startsWith('[') || text[t.start - 1] === '[' ? ']' : '}';
    let j = end;
    while (j < tokens.length && j < end + 12 && tokens[j]!.text !== close && tokens[j]!.text !== close + close && tokens[j]!.text !== '|') j++;
    if (j < tokens.length && j < end + 12) end = j;
  }
  return end;
}

/** the two words after word k of token ti of a sentence (undefined past its end) */
function wordsAfter(s: Sentence, ti: number, k: number): [Word | undefined, Word | undefined] {
  const out: Word[] = [];
  for (let t = ti, j = k + 1; t < s.tokens.length && out.length < 2; t++, j = 0) {
    const ws = s.tokens[t]!.words;
    for (; j < ws.length && out.length < 2; j++) out.push(ws[j]!);
  }
  return [out[0], out[1]];
}

/** a relation without its subtype, except those kept whole (nmod:poss, flat:name, compound:lvc) */
const baseRel = (r: string | undefined): string => (r === undefined ? '' : r === 'nmod:poss' || r === 'flat:name' || r === 'compound:lvc' ? r : r.split(':')[0]!);

/** a word with a Latin letter (Galaxy, S23, WH-1000XM5) */
const LATIN_WORD = /\p{Script=Latin}/u;

/**
 * a and b (adjacent content words) are one phrase: one heads the other inside a noun phrase, or no parse says. In
 * Persian text (`latinNames`) two Latin words side by side are one name whatever the parse (a brand and its model,
 * Galaxy S23 Ultra; a person, Elon Musk): the treebanks' train parts have few Latin words, and the parser had split
 * such names (Galaxy S23 | Ultra, the keyword Ultra alone: Ultra the object of the verb after it).
 */
function linked(a: Word, b: Word, latinNames: boolean): boolean {
  if (latinNames && LATIN_WORD.test(a.form) && LATIN_WORD.test(b.form)) return true;
  if (a.head === undefined || b.head === undefined) return true;
  if (b.head === a.id) return NP_LINKS.has(baseRel(b.deprel));
  if (a.head === b.id) return NP_LINKS.has(baseRel(a.deprel));
  return false;
}

/**
 * w goes on a run of content words whose words are linked one to the next (`run`): a word of the run heads it inside a
 * noun phrase, or it heads one — not only the word right before it. An ezafe chain hangs its words on the first
 * (دیوان عالی کشور: عالی flat and کشور nmod, both of دیوان), and the run was cut before کشور: the keywords دیوان عالی
 * and کشور, each a fragment.
 */
function linkedToRun(run: readonly Word[], w: Word): boolean {
  if (w.head === undefined) return false;
  for (const r of run) {
    if (w.head === r.id && NP_LINKS.has(baseRel(w.deprel))) return true;
    if (r.head === w.id && NP_LINKS.has(baseRel(r.deprel))) return true;
  }
  return false;
}

/**
 * `and` (و) joins two words inside one name: a name of two words or more before it (the run's, the last a PROPN), and
 * after it one PROPN with no dependent of its own, a conj of an earlier word of the run than the one before و (وزارت
 * آموزش و پرورش: پرورش conj of وزارت, the parse reading آموزش as part of the name). The run was cut at و, and the
 * keywords were the fragments پرورش and آموزش. Not two names (علی و حسن: one word before و; سازمان ملل و اتحادیه
 * اروپا: اتحادیه heads اروپا; میدان نقش جهان و سی‌وسه‌پل, کلان‌شهرهای ایران و مرکز استان: the conj hangs on the word
 * before و, which the 400-line sample of raw text showed three times as often wrong, اسرائیل و آمریکا, هندوستان و
 * چین), nor common nouns (کتاب و قلم).
 */
function nameAnd(prev: Word, and: Word, next: Word, run: readonly Word[], s: Sentence): boolean {
  if (and.form !== 'و' || and.upos !== 'CCONJ' || prev.upos !== 'PROPN' || next.upos !== 'PROPN' || next.deprel !== 'conj' || run.length < 2) return false;
  if (next.head === prev.id || !run.some((r) => r.id === next.head)) return false;
  for (const t of s.tokens) for (const w of t.words) if (w.head === next.id && w.deprel !== 'punct' && w.deprel !== 'cc') return false;
  return true;
}

/** one letter and a dot: an initial of a name (ع., A.) */
const INITIAL = /^\p{L}\.$/u;
function isInitial(e: RunWord): boolean {
  return e.form.length === 2 && e.words?.length === 1 && INITIAL.test(e.form);
}

interface Cand {
  terms: string[];
  count: number;
  spans: { start: number; end: number }[];
  phrase: string;
  form: string;
  lemma: string;
}

/**
 * The keywords of an analysed (tagged) document, best first; or of the pieces of one (`pipeline.processPieces(text)`,
 * read one at a time: the same keywords). `isVerb`: whether a word of a hashtag's body is surely a verb (the tagger
 * reads a hashtag as one X; createHashtagVerbTest of the lemma data, as keywords() in Node passes): a hashtag with a
 * verb is a sentence typed as a tag (#می‌خواهم_برگردم, #رفتم_کوه), read as prose, and its verbs are no keyword. Without
 * it every hashtag of up to maxWords words is a keyword whole.
 */
export function keywordsOf(pieces: Doc | Iterable<Doc>, idf: Idf, stopwords: Stopwords, options: KeywordOptions = {}, isVerb?: (word: string) => boolean): Keyword[] {
  const docs = docsOf(pieces, 'keywordsOf');
  if (typeof (idf as Partial<Idf> | null)?.idf !== 'function') {
    throw new DabirError('E_BAD_INPUT', `keywordsOf expects an Idf made by createIdf(data), got ${kindOf(idf)}`, 'pass createIdf(data of data/idf.json)');
  }
  if (typeof (stopwords as Partial<Stopwords> | null)?.isFunctionWord !== 'function') {
    throw new DabirError('E_BAD_INPUT', `keywordsOf expects stopwords made by createStopwords(data), got ${kindOf(stopwords)}`, 'pass createStopwords(data of data/stopwords.json)');
  }
  options = knownOptions(options, 'keyword', ['n', 'maxWords']);
  const n = options.n ?? 10;
  const maxWords = options.maxWords ?? 3;
  if (!Number.isInteger(n) || n < 0) throw new DabirError('E_BAD_OPTION', `option "n" cannot be ${showValue(n)}`, 'give a whole number of 0 or more');
  if (!Number.isInteger(maxWords) || maxWords < 1) throw new DabirError('E_BAD_OPTION', `option "maxWords" cannot be ${showValue(maxWords)}`, 'give a whole number of 1 or more');
  const cands = new Map<string, Cand>();
  // the keys of the hashtags of two words or more (#طبیعت_گردی: طبیعت گردی)
  const hashtagKeys = new Set<string>();
  // a text with as many letters in another script as in Arabic script is no Persian text: its words all count (read
  // from the whole text, which every piece's Doc holds, so the pieces agree with the whole)
  let persianText: boolean | undefined;
  // code (a fenced block, an inline code span) is passed through, not read: its words are no keywords
  let prot: Uint8Array | undefined;
  for (const doc of docs) {
    persianText ??= isPersianText(doc.text);
    prot ??= protectedLetters(doc.text);
    for (const s of doc.sentences) {
      // the content words of the sentence in order, a null where a run breaks
      // (stop: a stopword the treebanks mostly tag as a content word, مهم, جدید, بیشتر: part of a phrase, never a keyword alone)
      // (name: a name the words after it may go on — 'latin', Latin words, Galaxy S23; 'number', a name and its model
      // number, Note 12, پژو ۲۰۶ — one element of the run, never cut by a phrase's edge: its terms all or none)
      const run: RunWord[] = [];
      let prev: Word | undefined; // the last content word of the run
      const runWords: Word[] = []; // the content words of the run, in order (linkedToRun)
      const add = (terms: string[], span: { start: number; end: number }, form: () => string, lemma: () => string): void => {
        const key = terms.join(' ');
        let c = cands.get(key);
        if (!c) cands.set(key, (c = { terms, count: 0, spans: [], phrase: doc.text.slice(span.start, span.end), form: form(), lemma: lemma() }));
        // one occurrence per place (a token holding two content words counts once)
        const last = c.spans[c.spans.length - 1];
        if (last && last.start === span.start && last.end === span.end) return;
        c.count++;
        c.spans.push(span);
      };
      const flush = (): void => {
        for (let i = 0; i < run.length; i++) {
          // (an initial, ع. or A., is part of the name after it: no phrase ends with one, and it does not count among
          // the maxWords words — دکتر ع. ا. رضایی was the keyword دکتر ع. ا., the surname left out)
          let size = 0;
          for (let k = 1; i + k <= run.length; k++) {
            const initial = isInitial(run[i + k - 1]!);
            if (!initial && ++size > maxWords) break;
            if (initial) continue;
            const part = run.slice(i, i + k);
            if ((k === 1 && part[0]!.stop) || !connected(part) || adjectivesOnly(part)) continue;
            add(
              part.flatMap((p) => p.terms),
              { start: part[0]!.start, end: part[k - 1]!.end },
              () => {
                // the corrected form: each token's once (a token of two content words is one form)
                const forms: string[] = [];
                for (let j = 0; j < part.length; j++) if (j === 0 || part[j]!.start !== part[j - 1]!.start) forms.push(part[j]!.form);
                return forms.join(' ');
              },
              () => part.map((p) => p.lemma).join(' '),
            );
          }
        }
        run.length = 0;
        runWords.length = 0;
        prev = undefined;
      };
      let before: Word | undefined; // the word before w in the sentence
      const prose = persianText ? proseTokens(s, doc.text) : undefined;
      // (the function words of an Arabic passage — a hadith, a quotation — are no keywords: عن, فی, قال, الی, هذا)
      const arabic = arabicFunctionTokens(s);
      for (let ti = 0; ti < s.tokens.length; ti++) {
        const t = s.tokens[ti]!;
        // (a wiki page's name after its namespace, رده:ورزش, الگو:جعبه اطلاعات: markup, no word of the prose)
        const wiki = wikiNameEnd(s.tokens, ti, doc.text);
        if (wiki > ti) {
          flush();
          before = undefined;
          ti = wiki - 1;
          continue;
        }
        const words = t.words;
        const inCode = insideCode(t, doc.text, prot);
        for (let k = 0; k < words.length; k++) {
          const w: Word = words[k]!;
          const prevWord = before;
          before = w;
          // a hashtag is a keyword of its own, whatever its words (#طبیعت_گردی, #تعطیلات): the lemmas of the words of
          // its body (the lemmatizer gives #کتاب‌های_خوب the lemma #کتاب_خوب; an underscore stands for a space here, or
          // for a ZWNJ: hashtagKeys, below), keyed like the same words in prose; it breaks a run. A hashtag of more
          // words than a phrase may have (maxWords: a sentence typed as one tag), or with a verb (isVerb: #رفتم_کوه,
          // #می‌خواهم_برگردم, a clause typed as one), is read as prose instead: runs of its words that are no function
          // word and no verb, each run's phrases of up to maxWords words, at the hashtag's place (a verb was a keyword's
          // word: #می‌خواهم_برگردم, lemma خواست گشت)
          if (words.length === 1 && w.form.length > 1 && w.form.charCodeAt(0) === 0x23 && !inCode && (prose === undefined || prose[ti]!)) {
            const all = w.form.slice(1).split('_');
            const lemmaAll = w.lemma && w.lemma !== '_' && w.lemma.startsWith('#') ? w.lemma.slice(1).split('_') : undefined;
            // (each word's place in the text, where the text's hashtag has as many words as the corrected one; else the hashtag's)
            const raw = doc.text.slice(t.start + 1, t.end).split('_');
            let at = t.start + 1;
            const both = all.map((f, j) => {
              const place = raw.length === all.length ? { start: at, end: at + raw[j]!.length } : { start: t.start, end: t.end };
              at += (raw[j]?.length ?? 0) + 1;
              return { form: f, lemma: lemmaAll?.length === all.length && hasLetter(lemmaAll[j]!) ? lemmaAll[j]! : f, ...place };
            });
            const parts = both.filter((p) => hasLetter(p.form));
            flush();
            // (not a colour, #fff or #ff0000, nor one of function words alone, #از_به)
            if (parts.length > 0 && !HEX_COLOUR.test(w.form) && !parts.every((p) => stopwords.isFunctionWord(p.form))) {
              const lemmas = parts.map((p) => p.lemma);
              const verb = isVerb === undefined ? undefined : parts.map((p) => isVerb(p.form));
              // (a present stem + ی after a noun is the second half of a compound noun, no verb, and its own lemma:
              // #کوه_نوردی, #کتاب_خوانی, #خانه_تکانی, #برنامه_نویسی were read as a clause, keywords کوه, کتاب, خانه,
              // برنامه; the lemmatizer read the word as a verb too, lemma کتاب خو)
              if (verb !== undefined) {
                for (let j = 1; j < parts.length; j++) {
                  if (verb[j] && !verb[j - 1] && !stopwords.isFunctionWord(parts[j - 1]!.form) && stemNoun(parts[j]!.form)) {
                    verb[j] = false;
                    lemmas[j] = parts[j]!.form;
                  }
                }
              }
              const terms = lemmas.map(searchFold);
              if (parts.length > maxWords || verb?.includes(true)) {
                for (let j = 0; j < parts.length; j++) {
                  if (stopwords.isFunctionWord(parts[j]!.form) || terms[j]!.length < 2 || verb?.[j]) flush();
                  else run.push({ terms: [terms[j]!], start: parts[j]!.start, end: parts[j]!.end, form: parts[j]!.form, lemma: lemmas[j]!, stop: stopwords.has(parts[j]!.form) });
                }
                flush();
              } else if (terms.every((x) => x.length > 0)) {
                add(terms, { start: t.start, end: t.end }, () => t.form ?? t.text, () => lemmas.join(' '));
                if (terms.length > 1) hashtagKeys.add(terms.join(' '));
              }
            }
            continue;
          }
          // (not an adjective used as an adverb, بیش in بیش از, nor the light verb's part, nor the noun of a compound
          // preposition, خاطر in به خاطر)
          const content =
            CONTENT.has(w.upos ?? '') &&
            hasLetter(w.form) &&
            w.form.charCodeAt(0) !== 0x40 && // (nor a mention, @مریم, @ali_reza: a user's handle, not a topic)
            !stopwords.isFunctionWord(w.form) &&
            (k === 0 || w.form.length > 3) &&
            w.deprel !== 'compound:lvc' &&
            w.deprel !== 'advmod' &&
            !(prevWord && stopwords.afterPreposition(prevWord.form, w.form)) &&
            !stopwords.isPrepositionCompound(w.form) &&
            !inCode &&
            (arabic === undefined || arabic[ti] !== 2) &&
            !scaleWord(w.form) &&
            !(prevWord && unitWord(w.form) && countsIt(prevWord)) &&
            (prose === undefined || prose[ti]!);
          const term = content ? searchFold(w.lemma && w.lemma !== '_' ? w.lemma : w.form) : '';
          if (!content || term.length < 2) {
            // a model number goes with the name before it (Redmi Note 12 Pro, پژو ۲۰۶, Windows 11): one element
            const last = run[run.length - 1];
            if (last !== undefined && prev !== undefined && last.name !== 'number' && prev === prevWord && !inCode && modelNumber(prev, w, ...wordsAfter(s, ti, k))) {
              extendRun(last, t, doc.text, searchFold(w.form), w.form);
              last.words?.push(w);
              last.name = last.name === 'latin' || LATIN_WORD.test(prev.form) ? 'latin' : 'number';
              prev = w;
              continue;
            }
            // the و inside a name goes on with it, and the name's word after it (وزارت آموزش و پرورش): one element
            const nt = s.tokens[ti + 1];
            const n = nt?.words.length === 1 ? nt.words[0]! : undefined;
            if (last !== undefined && prev !== undefined && prev === prevWord && words.length === 1 && n !== undefined && !inCode && nameAnd(prev, w, n, runWords, s)) {
              const lemma = n.lemma && n.lemma !== '_' ? n.lemma : n.form;
              const nterm = searchFold(lemma);
              if (nterm.length >= 2 && !stopwords.isFunctionWord(n.form)) {
                // (the و in the element's form and lemma, no term of its own; then the name's word, as extendRun adds one)
                last.form += ' ' + tokenForm(t);
                last.lemma += ' ' + w.form;
                extendRun(last, nt!, doc.text, nterm, lemma);
                last.words?.push(w, n);
                prev = before = n;
                runWords.push(n);
                ti++;
                continue;
              }
            }
            flush();
            continue;
          }
          // (nor across a tab or a run of spaces: layout, a poem's two hemistichs or a table's cells)
          // (a Latin word right after a Latin name, or after its model number, goes on with it whatever the parse)
          const latin = persianText === true && LATIN_WORD.test(w.form);
          const goesOn = latin && prev !== undefined && prev === prevWord && run[run.length - 1]?.name === 'latin' && run[run.length - 1]!.end <= t.start;
          if (prev && ((!goesOn && !linked(prev, w, persianText === true) && !linkedToRun(runWords, w)) || (run.length > 0 && LAYOUT_GAP.test(doc.text.slice(run[run.length - 1]!.end, t.start))))) flush();
          const lemma = w.lemma && w.lemma !== '_' ? w.lemma : w.form;
          const last = run[run.length - 1];
          if (goesOn && last !== undefined) {
            // a Latin word after a Latin name goes on with it (Xiaomi Redmi Note 12 Pro: one name, however long)
            extendRun(last, t, doc.text, term, lemma);
            last.words?.push(w);
          } else {
            run.push({ terms: [term], start: t.start, end: tokenEnd(t, doc.text), form: tokenForm(t), lemma, stop: stopwords.has(w.form), name: latin ? 'latin' : undefined, words: [w] });
          }
          prev = w;
          runWords.push(w);
        }
      }
      flush();
    }
  }
  // an underscore of a hashtag stands for a ZWNJ as well as a space: #طبیعت_گردی is the طبیعت‌گردی of the text (one
  // term, searchFold drops the ZWNJ) where the text has that word, one keyword with its count (it was listed twice)
  for (const key of hashtagKeys) {
    const c = cands.get(key);
    const into = cands.get(key.replaceAll(' ', ''));
    if (c === undefined || into === undefined) continue;
    into.count += c.count;
    into.spans.push(...c.spans);
    into.spans.sort((a, b) => a.start - b.start);
    cands.delete(key);
  }
  const scored = [...cands.entries()].map(([key, c]) => ({ key, c, score: (c.count * c.terms.reduce((a, t) => a + idf.idf(t), 0)) / Math.sqrt(c.terms.length) }));
  scored.sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const taken = new Set<string>();
  const out: Keyword[] = [];
  const best = scored[0]?.score ?? 1;
  for (const { key, c, score } of scored) {
    if (out.length >= n) break;
    if (c.terms.some((t) => taken.has(t))) continue;
    for (const t of c.terms) taken.add(t);
    out.push({ phrase: c.phrase, form: c.form, lemma: c.lemma, key, score: Math.round((score / best) * 1e4) / 1e4, count: c.count, spans: c.spans });
  }
  return out;
}
