/**
 * Part-of-speech tagger: UPOS, XPOS and FEATS for every word of a Doc (averaged perceptron, see ./model.ts).
 *
 * Component `tagger` (stage 'annotate', requires words, provides upos/xpos/feats, resource `tagger` =
 * decodeTagger(data/tagger.bin)). Option `scheme` picks the treebank convention of the labels:
 *   'perdt'    (default) UD Persian-PerDT: PROPN separated, Dadegan XPOS (N_IANM, V_ACT, PREM_DEMAJ, ...)
 *   'seraji'   UD Persian-Seraji: no PROPN, Bijankhan-style XPOS (N_SING, V_PA, DELM, ...), Degree/NumType feats
 *   'iperudt'  iPerUDT (informal): Seraji-style XPOS plus PROPN and PART
 * UPOS is UD in all three; `analyze` and the default pipeline output the PerDT scheme.
 */
import { digitOrdinalEnd, hasLetter, isArabicMark, ordinalIsAttributive, letterKey, oneStretchedLetter, unstretch } from '../chars.js';
import { docArgument, type Doc, type Token } from '../doc.js';
import { badOption, modelArgument, optionsObject, DabirError, kindOf } from '../errors.js';
import { defineComponent } from '../pipeline.js';
import { isEmoticon, isMarkupToken } from '../normalize/protect.js';
import { modelOf } from '../resource.js';
import { wikiNamespaced } from '../wiki.js';
import { decodeTagger, TaggerModel } from './model.js';
import { createNonVerbTest, stretchReaderOf, verbAnalysisOf, type LemmaData } from '../lemmatize/index.js';

export { decodeTagger, encodeTagger, TaggerModel, TAGGER_FORMAT_VERSION, type TaggedWord, type TaggerData, type TagOptions } from './model.js';
export { trainInputFromDocs, trainTagger, UD_UPOS, type TrainInput, type TrainOptions, type TrainSentence } from './train.js';

export const TAGGER_SCHEMES = ['perdt', 'seraji', 'iperudt'] as const;
export type TaggerScheme = (typeof TAGGER_SCHEMES)[number];

export interface TaggerOptions {
  scheme?: TaggerScheme;
}

/** every unit of `form` is an Arabic mark (a harakat, tanwin, shadda, ...) */
function marksOnly(form: string): boolean {
  for (let k = 0; k < form.length; k++) if (!isArabicMark(form.charCodeAt(k))) return false;
  return true;
}

/** a word made only of lone surrogates (broken UTF-16, kept as written): no character at all, UD's X (other) */
const LONE_SURROGATES = /^(?:[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff])+$/;


/** a file path the tokenizer keeps whole: a drive's (C:\Users\a.txt, D:/x), an absolute one (/etc/hosts), a relative one (./src, ../lib, ~/.bashrc) */
const FILE_PATH = /^(?:[A-Za-z]:[\\/]|\/[A-Za-z][\w.+~-]*\/|(?:\.\.?|~)\/[\w.+~-]*[A-Za-z])/;

/** a word made only of symbols and emoji (with their modifiers, joiners and variation selectors; keycaps 1️⃣ #️⃣) */
const SYMBOLIC = /^(?:[0-9#*]\ufe0f?\u20e3|[\p{S}\p{Extended_Pictographic}\u200d\ufe0e\ufe0f\u{1f3fb}-\u{1f3ff}\u{e0020}-\u{e007f}])+$/u;

/** an ASCII arrow, one token (->, a subtitle's -->, =>): a symbol, as → is */
const ARROW = /^(?:-+|=+)>$/;

/**
 * The tag of a word the treebanks never show and no guess among their tags fits: emoji, ASCII emoticons (:) <3) and
 * other symbols (+ $ © ←), and lone surrogates and vowel signs standing alone (X),
 * URLs and e-mail addresses are SYM (UD lists all three under SYM), and so are file paths; a kashida alone (ـ) is a
 * dash, PUNCT; an @mention names a user
 * (PROPN), a #hashtag is X (a social-media marker, as in Tweebank), and so is markup (a tag's start, an attribute ending
 * it and the tags glued after it, a character reference such as &nbsp;; a wiki page's name glued to its namespace, رده:ورزش). Undefined for any other word.
 */
export function fixedTag(form: string): 'SYM' | 'PROPN' | 'X' | 'PUNCT' | undefined {
  const c = form.charCodeAt(0);
  // a run of the kashida alone is a dash (تبصره ۲ـ, ماده ۱ـ: as legal texts number their articles), no word
  if (c === 0x0640 && /^\u0640+$/.test(form)) return 'PUNCT';
  if (form.length > 1 && (c === 0x40 || c === 0x23) && /^[#@][\p{L}\p{N}_]/u.test(form)) return c === 0x40 ? 'PROPN' : 'X';
  // markup the tokenizer passed through: a tag's start (<div, </div>, <br/>), an attribute that closes it, a BBCode tag
  // (a URL inside it, href="https://x.ir"> or [url=https://x.ir], makes it no link)
  if (isMarkupToken(form)) return 'X';
  // a wiki page's name glued to its namespace (رده:ورزش, الگو:جعبه: one token in [[ ]] or {{ }}) is markup too (it was NOUN)
  if (wikiNamespaced(form)) return 'X';
  if (form.includes('://') || form.startsWith('www.') || FILE_PATH.test(form)) return 'SYM';
  const at = form.indexOf('@');
  if (at > 0 && form.indexOf('.', at) > at + 1 && !/\s/.test(form)) return 'SYM';
  if (LONE_SURROGATES.test(form)) return 'X';
  // a vowel sign standing alone (OCR's stray diacritic, بزرگ َ این): no word, no letter to sit on (it was NOUN)
  if (isArabicMark(c) && marksOnly(form)) return 'X';
  return SYMBOLIC.test(form) || isEmoticon(form) || ARROW.test(form) ? 'SYM' : undefined;
}

/** ة and the hamza'd alefs, which arabicKey reads as ه and ا */
const FORMULA_LETTERS = /[ةآأإ]/;
/**
 * Arabic formulas quoted whole in Persian text — prayers, the creed and the blessings after the Prophet's name — as
 * their letters run without spaces (arabicKey): the tokenizer joins some of their words (رب‌العالمین, علیه‌وآله).
 * Only formulas of three words or more that Persian does not use as a word of its own: انشاءالله, الحمدلله,
 * سبحان‌الله are Persian adverbs and interjections (iPerUDT: انشاءالله ADV), and رسول‌الله a name (PerDT: PROPN).
 */
const ARABIC_FORMULAS = new Set(
  [
    'بسم الله الرحمن الرحیم', 'لا اله الا الله', 'لا اله الا الله محمد رسول الله', 'صلی الله علیه و آله', 'صلی الله علیه و آله و سلم',
    'صلی الله علیه و سلم', 'انا لله و انا الیه راجعون', 'اعوذ بالله من الشیطان الرجیم', 'الحمد لله رب العالمین',
    'لا حول و لا قوة الا بالله', 'لا حول و لا قوة الا بالله العلی العظیم', 'اللهم صل علی محمد و آل محمد',
    'اللهم صل علی محمد و آل محمد و عجل فرجهم',
  ].map((f) => arabicKey(f.replace(/ /g, ''))),
);
/** every beginning of a formula's key (the formulas included) */
const FORMULA_PREFIXES = new Set([...ARABIC_FORMULAS].flatMap((k) => Array.from(k, (_, j) => k.slice(0, j + 1))));
/**
 * a word as a formula's key reads it: letterKey's (no marks, ZWNJ or kashida, which a formula may carry or not: الرحمٰن,
 * صلّی; Arabic ي ى ك as Persian writes them), with ة as ه and آ أ إ as ا
 */
function arabicKey(w: string): string {
  const k = letterKey(w, true);
  return FORMULA_LETTERS.test(k) ? k.replace(/ة/g, 'ه').replace(/[آأإ]/g, 'ا') : k;
}
/**
 * The words of an Arabic formula quoted in a sentence (ARABIC_FORMULAS, the longest from each word on): X, as Seraji
 * tags the Arabic quotations in its train part (X / FW, each word flat:foreign); the model tagged them PROPN word by
 * word, a name (بسم الله الرحمن الرحیم, لا اله الا الله, صلی الله علیه و آله). Two words or more: a formula written as
 * one word is a Persian noun (به لااله‌الاالله گواهی داد). Marks each such word's index in `out`.
 */
export function arabicFormulaWords(forms: readonly string[], out: Uint8Array): void {
  const n = forms.length;
  const keys: (string | undefined)[] = [];
  for (let i = 0; i < n; ) {
    // (a ligature of a formula's words, one character — ﷺ صلی الله علیه و سلم, ﷻ جل جلاله, ﷽ the basmala — as
    // presentationFree reads it: the formula written out in one word; ﷺ was PROPN, ﷻ NOUN)
    if (LIGATURE_FORMULAS.has(forms[i]!)) {
      out[i++] = 1;
      continue;
    }
    let key = '';
    let end = -1;
    // (each word's key read once; a run stops as soon as it is no formula's beginning)
    for (let j = i; j < n; j++) {
      key += keys[j] ??= arabicKey(forms[j]!);
      if (!FORMULA_PREFIXES.has(key)) break;
      if (ARABIC_FORMULAS.has(key)) end = j + 1;
    }
    // (a formula written as one word is a Persian noun: به لااله‌الاالله گواهی داد)
    if (end < i + 2) {
      i++;
      continue;
    }
    for (let j = i; j < end; j++) out[j] = 1;
    i = end;
  }
}

/**
 * Arabic function words that Persian does not use as words of its own (a shared list's words less the homographs: کان
 * "mine", قد "height", لم, هو, هی, الی "to" of ranges, هشت الی ده, بن of names), and the formulas' صلی: one of them, and
 * one more of them or a word in ال (العلم, بالنیات), in a stretch of Arabic words make it a quotation.
 */
const ARABIC_ONLY = new Set(['عن', 'فی', 'هذا', 'هذه', 'ذلک', 'قال', 'قالت', 'لها', 'لهم', 'التی', 'الذی', 'الذین', 'انه', 'علیها', 'ثم', 'لن', 'لیس', 'انما', 'الا', 'مع', 'صلی', 'اذا', 'فاذا', 'عنه', 'فیه', 'فقد']);
/** Persian words of the ال shape: no sign of Arabic (البته, الان, الهی "divine", الماس, البرز, الیاف) */
const PERSIAN_AL = new Set(['البته', 'الان', 'الهی', 'الماس', 'البرز', 'الیاف', 'الفبا', 'الهام', 'الزام', 'الزامی', 'الکل', 'الکلی']);
/** an Arabic word with the article (العلم, الاعمال, بالنیات, والمسلمین, للفراش): five letters or more */
const ARTICLE_WORD = /^(?:ال|بال|وال|فال|لل)\p{L}{3,}$/u;
/**
 * Persian words no Arabic sentence has: a letter Arabic lacks (پ چ ژ گ), a verb in می, and the commonest function words
 * and verbs (را, است, که, از, به, در, شد, کرد ...). (Not a half-space: the normalizer writes one into Arabic phrases,
 * رسول‌الله, علیه‌السلام, whose parts are read as words here.)
 */
const PERSIAN_ONLY_LETTERS = /[پچژگ]/;
const PERSIAN_ONLY = new Set(['را', 'است', 'هست', 'نیست', 'که', 'از', 'به', 'در', 'با', 'برای', 'این', 'آن', 'تا', 'اگر', 'یا', 'هم', 'نیز', 'شد', 'کرد', 'بود', 'شده', 'کرده', 'باید', 'بر']);

/**
 * The words of an Arabic quotation beyond the closed list of formulas (arabicFormulaWords): a stretch of three words
 * or more between two marks (a colon, a comma, a quote, a bracket, the sentence's ends: the quotation after فرمود :)
 * with an Arabic function word that Persian does not use (ARABIC_ONLY) and one more of them or a word in ال, and no
 * Persian word at all (PERSIAN_ONLY, a پ چ ژ گ, a verb in می; a word joined by a half-space gives one sign at most,
 * مع‌هذا): قال رسول الله صلی الله علیه و آله, انما الاعمال بالنیات و لکل امری ما نوی. X / FW, each word, as Seraji's
 * train part tags its quotations (35 words of 2 stretches, all of them X there, none else, in the treebanks' train
 * parts; in the raw train text of PerDT and Seraji, 31k lines, 3 stretches, all Arabic). Not a formula inside a Persian clause (محمد صلی الله علیه و آله غسل داده شد: the clause's
 * Persian words), nor مفسد فی الارض or حجت الاسلام و المسلمین (no Arabic-only word or a single one). Marks `out`.
 *
 * Measured and left (an Arabic saying with no Arabic-only function word, العلم نور, الناس علی دین ملوکهم, stays read
 * as Persian, word by word): a detector by the density of Arabic signs — a stretch between marks of two words or more,
 * no Persian sign as above (nor a ZWNJ), a word in ال (ARTICLE_WORD, not PERSIAN_AL) and at least half its words
 * signed (a word in ال, a ة, a final tanwin) — flags no stretch of the tagger's held-out tails (TAGGER_DEV, 200 / 80 /
 * 300 sentences) and 19 in the raw train text of PerDT and Seraji (31k lines), of which about half are no quotation:
 * names (منصف المرزوقی, حسین الهاشمی, دیوان العرب, رسالهٔ الاعتقادات), Persian clauses (الجزیره افزود, بالأخره باران,
 * بالانس زدم) — names made X would be lost to NER and keywords. All words signed flags none, العلم نور among them (نور
 * is a Persian word too). الناس علی دین ملوکهم has one sign of four words: none is safe.
 */
export function arabicPassageWords(forms: readonly string[], out: Uint8Array): void {
  const n = forms.length;
  let a = 0;
  for (let i = 0; i <= n; i++) {
    if (i < n && hasLetter(forms[i]!)) continue;
    // [a, i): a stretch between marks
    if (i - a >= 3) {
      let only = 0;
      let article = 0;
      let persian = false;
      let last = 0; // the sign of the word before
      for (let j = a; j < i && !persian; j++) {
        const raw = forms[j]!;
        if (PERSIAN_ONLY_LETTERS.test(raw)) persian = true;
        // (one sign a word at most, the strongest of its parts: a word joined by a half-space is one word, مع‌هذا,
        // علی‌هذا, Persian adverbs, give one, as علیه‌السلام does)
        let sign = 0;
        for (const part of raw.split('\u200c')) {
          const k = letterKey(part, true);
          if (PERSIAN_ONLY.has(k) || k.startsWith('می') || k.startsWith('نمی')) persian = true;
          else if (ARABIC_ONLY.has(k)) sign = 2;
          else if (sign === 0 && ARTICLE_WORD.test(k) && !PERSIAN_AL.has(k)) sign = 1;
        }
        // (a word in ال right after an Arabic-only word makes one sign with it: a Persian adverb of Arabic words written
        // apart, مع الوصف, فی الواقع, علی الخصوص, as the normalizer joins them, مع‌الوصف; مع الوصف او رفت was X throughout)
        if (sign === 2) only++;
        else if (sign === 1 && last !== 2) article++;
        last = sign;
      }
      if (!persian && only >= 1 && only + article >= 2) out.fill(1, a, i);
    }
    a = i + 1;
  }
}

/** a URL or e-mail address as the tokenizer keeps it (fixedTag's SYM of links) */
const isLink = (f: string): boolean => f.includes('://') || f.startsWith('www.') || /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(f);

/**
 * The < or > of a Markdown autolink (<https://x.ir>, <a@b.ir>): a bracket glued to the link, PUNCT as any bracket (it
 * was SYM, the sign "less than", and took a relation of its own: obj).
 */
function autolinkBracket(tokens: readonly Token[], k: number): boolean {
  const t = tokens[k]!;
  if (t.text === '<') {
    const n = tokens[k + 1];
    return n !== undefined && n.start === t.end && isLink(n.text);
  }
  if (t.text === '>') {
    const p = tokens[k - 1];
    return p !== undefined && p.end === t.start && isLink(p.text);
  }
  return false;
}

/** an Arabic presentation form (ﺑ ﯾ ﻻ, as old PDFs and some keyboards write Persian) */
const PRESENTATION = /[\ufb50-\ufdff\ufe70-\ufefc]/g;
/** the Arabic letters of a presentation form's NFKC decomposition that Persian writes otherwise */
const ARABIC_TO_PERSIAN: Record<string, string> = { '\u0643': '\u06a9', '\u064a': '\u06cc', '\u0649': '\u06cc' };

/**
 * A word written in Arabic presentation forms (ﻣﺎ ﺑﺮﯾﻢ, the contextual glyphs of ما بریم) read as the letters they draw
 * (NFKC, with Arabic ك ي as Persian ک ی): the model, which has seen them only in one iPerUDT sentence, had tagged them
 * X (a foreign word). The pipeline's normalizer does the same for the text; this is for words tagged without it.
 */
/**
 * The ligatures of several words (U+FDF0–U+FDFF: ﷺ, ﷻ, ﷽) as presentationFree reads them — blessings and formulas after
 * a name, a sign for words the tagger marks X when written out (ARABIC_FORMULAS); the normalizer keeps them as signs
 */
const LIGATURE_FORMULAS: ReadonlySet<string> = new Set(
  Array.from({ length: 16 }, (_, k) => String.fromCharCode(0xfdf0 + k))
    .filter((c) => / /.test(c.normalize('NFKC')))
    .map((c) => presentationFree(c)),
);

export function presentationFree(form: string): string {
  if (!PRESENTATION.test(form)) return form;
  PRESENTATION.lastIndex = 0;
  return form.replace(PRESENTATION, (c) => c.normalize('NFKC').replace(/[\u0643\u064a\u0649]/g, (a) => ARABIC_TO_PERSIAN[a]!));
}

/** a word's written ezafe in a spelling the treebanks never use: ه + ‌ی or ه + space + ی (درباره‌ی, درباره ی), a kasra after a ZWNJ (برای‌ِ) */
const EZAFE_HE_YE = /^(\p{L}+ه)[\u200c ]ی$/u;
const EZAFE_ZWNJ_KASRA = /^(\p{L}+)\u200c\u0650$/u;

/**
 * A word with its ezafe written as the formal treebanks write it (PerDT and Seraji: هٔ after ه, no mark elsewhere —
 * دربارهٔ ADP, 7 + 3 times in their dev files; ه‌ی 0 times in them and in their 31k lines of raw train text; iPerUDT,
 * informal, writes همه‌ی, گوشه‌ی): درباره‌ی and درباره ی as دربارهٔ, برای‌ِ as برای (a kasra alone the features drop
 * already: زیرِ is read as زیر). The model saw the spelling ه‌ی in iPerUDT only (93 words, all nouns and همه‌ی) and had
 * tagged درباره‌ی, a preposition, NOUN. Anything else as it is.
 */
export function treebankEzafe(form: string): string {
  if (form.length < 4) return form;
  let f = form;
  if (f.charCodeAt(f.length - 1) === 0x0650) {
    // (the kasra after a ZWNJ, or after a ‌ی written too: درباره‌یِ)
    const m = EZAFE_ZWNJ_KASRA.exec(f);
    if (m) return m[1]!;
    if (f.charCodeAt(f.length - 2) !== 0x06cc) return form;
    f = f.slice(0, -1);
  }
  if (f.charCodeAt(f.length - 1) === 0x06cc) {
    const m = EZAFE_HE_YE.exec(f);
    return m ? m[1]! + '\u0654' : form;
  }
  return form;
}

/** the end of the leading digits of a form (any script's decimal digits, \p{Nd}) */
const LEADING_DIGITS = /^\p{Nd}+/u;

/**
 * The form the model tags for a word: digits with an ordinal suffix (۲۱ام, ۳مین) as an ordinal in words of the same
 * kind (سوم, سومین), which the treebanks tag ADJ — the model had never seen such a form and read ۲۱ام as a noun; any
 * other word as it is.
 */
function ordinalStandIn(form: string): string {
  const c = form.charCodeAt(0);
  if (!((c >= 0x30 && c <= 0x39) || (c >= 0x6f0 && c <= 0x6f9) || (c >= 0x660 && c <= 0x669))) return form;
  // a year of four digits with its era letter glued (۲۰۲۴م میلادی, which the normalizer and the tokenizer keep whole
  // as they keep ۲۱ام) is the year, as findNumbers reads a bare م after more than three digits: it was tagged ADJ, سوم
  if (YEAR_ERA.test(form)) return form.slice(0, 4);
  // digits with an ordinal suffix (۲۱ام, ۳اُم, ۱۲م; ۳مین, ۳امین), as the tokenizer keeps them one token: chars.ts
  // digitOrdinalEnd's rules, the tokenizer's, the normalizer's and findNumbers'
  const j = LEADING_DIGITS.exec(form)?.[0].length ?? 0;
  if (j === 0 || j === form.length || digitOrdinalEnd(form, j, form.length) !== form.length) return form;
  return ordinalIsAttributive(form, j, form.length) ? 'سومین' : 'سوم';
}

/** a year of four digits and the era letter م (میلادی) */
const YEAR_ERA = /^\p{Nd}{4}م$/u;

/** a number in any digits (۱, 12) */
const DIGITS = /^\p{Nd}{1,4}$/u;

/**
 * The number of an encyclopedia's citation, [۱] glued to the word or mark before it (تهران پایتخت است.[۱], متن[۲][۳]):
 * X, as a Markdown footnote [^1] (a marker, no word of the sentence; it was NOUN, the conj of a noun, and the full
 * stop its punct). A number in brackets after a space ([۱۲] را ببین) is left to the model.
 */
function citationMark(tokens: readonly Token[], k: number): boolean {
  const t = tokens[k]!;
  const o = tokens[k - 1];
  const c = tokens[k + 1];
  const p = tokens[k - 2];
  return o !== undefined && c !== undefined && p !== undefined && DIGITS.test(t.text) && o.text === '[' && c.text === ']' && o.end === t.start && t.end === c.start && p.end === o.start;
}

/** a run of superscript digits (¹ ² ³ ⁴ ... ⁰) */
const SUPERSCRIPT_DIGITS = /^[\u00b9\u00b2\u00b3\u2070\u2074-\u2079]+$/;

/**
 * A footnote's number in superscript digits glued to the word or mark before it (سعدی¹ گفته است, as books and PDFs
 * write them): X, as citationMark's [۱] (it was PROPN, a name). Superscripts inside a word (mc², ۱۰⁸) are part of it.
 */
function footnoteMark(tokens: readonly Token[], k: number): boolean {
  const t = tokens[k]!;
  const o = tokens[k - 1];
  return o !== undefined && o.end === t.start && SUPERSCRIPT_DIGITS.test(t.text);
}

/**
 * A clitic part of a multi-word token that is one run of one letter stretched (ممممم, شششش: the tokenizer splits
 * ممنونممممم as ممنون + ممممم) is the clitic typed once (م); unstretch leaves such a run as written, as a word of its own
 * it is laughter or a hum, no clitic. Anything else as it is.
 */
function stretchedClitic(w: string): string {
  return oneStretchedLetter(w) ? w[0]! : w;
}

/**
 * Tags every sentence of a Doc in place (UPOS, XPOS, FEATS of every word; SYM for symbols and emoji). A word stretched
 * for emphasis is tagged as the word `unstretched` gives (by default chars.unstretch; with the lemma data, its
 * createStretchReader, which keeps a doubled letter: ببببین as ببین).
 */
export function tagDoc(model: TaggerModel, doc: Doc, options: TaggerOptions = {}, unstretched: (form: string) => string = unstretch): Doc {
  modelArgument(model, 'tagIds', 'tagDoc', 'taggerModelOf');
  docArgument(doc, 'tagDoc');
  options = optionsObject(options, 'tagger'); // (null was "Cannot read properties of null (reading 'scheme')")
  if (typeof unstretched !== 'function') throw new DabirError('E_BAD_INPUT', `tagDoc expects a function of a form as its fourth argument, got ${kindOf(unstretched)}`, 'leave it out: the tagger reads words with their letters stretched (کتاااب) as unstretched by default');
  if (unstretched !== unstretch) {
    // a caller's function: its answer checked (the default's is a string; a number was "f.lastIndexOf is not a function")
    const given = unstretched;
    unstretched = (form) => {
      const u = given(form);
      if (typeof u !== 'string') throw new DabirError('E_BAD_INPUT', `tagDoc's fourth argument gave ${kindOf(u)} for the form ${JSON.stringify(form)}`, 'give a function from a form to a form (a string)');
      return u;
    };
  }
  const tb = model.schemeId(options.scheme ?? 'perdt');
  // the XPOS of a word of an Arabic quotation: Seraji's and iPerUDT's FW; PerDT has no such tag (no X, no FW in its
  // train part) and writes every foreign word as a noun, N_IANM (Latin names, مفسد فی الارض)
  const foreignXpos = (options.scheme ?? 'perdt') === 'perdt' ? 'N_IANM' : 'FW';
  let upos = new Int32Array(64);
  let rest = new Int32Array(64);
  let mwt = new Uint8Array(64);
  let arabic = new Uint8Array(64);
  for (const s of doc.sentences) {
    const forms: string[] = [];
    const toks: string[] = [];
    let n = 0;
    for (const t of s.tokens) n += t.words.length;
    if (n === 0) continue;
    if (upos.length < n) {
      upos = new Int32Array(n * 2);
      rest = new Int32Array(n * 2);
      mwt = new Uint8Array(n * 2);
    }
    let i = 0;
    for (const t of s.tokens) {
      const k = t.words.length;
      for (let j = 0; j < k; j++) {
        // a word stretched for emphasis (خیلیییی) is tagged as the word (خیلی)
        // (and a clitic typed long, the ممممم of ممنونممممم, one run of its letter: as the clitic, م)
        // (digits with an ordinal suffix, ۲۱ام, as an ordinal in words)
        const f = treebankEzafe(unstretched(presentationFree(ordinalStandIn(t.words[j]!.form))));
        forms.push(j > 0 ? stretchedClitic(f) : f);
        toks.push(k === 1 ? '' : unstretched(presentationFree(t.form)));
        mwt[i++] = k === 1 ? 0 : j === 0 ? 1 : j === k - 1 ? 3 : 2;
      }
    }
    model.tagIds(forms, mwt, toks, tb, upos, rest);
    if (arabic.length < n) arabic = new Uint8Array(n * 2);
    arabic.fill(0, 0, n);
    arabicFormulaWords(forms, arabic);
    arabicPassageWords(forms, arabic);
    i = 0;
    const tokens = s.tokens;
    for (let ti = 0; ti < tokens.length; ti++) {
      const t = tokens[ti]!;
      for (const w of t.words) {
        const fixed = autolinkBracket(tokens, ti) ? 'PUNCT' : citationMark(tokens, ti) || footnoteMark(tokens, ti) || arabic[i] === 1 ? 'X' : fixedTag(w.form);
        if (fixed !== undefined) {
          w.upos = fixed;
          // (an Arabic quotation's words: the scheme's XPOS of a foreign word, which the parser reads: postrules.ts)
          w.xpos = arabic[i] === 1 ? foreignXpos : undefined;
          w.feats = undefined;
        } else {
          w.upos = model.uposLabel(upos[i]!);
          w.xpos = model.xposOf(rest[i]!);
          w.feats = model.featsOf(rest[i]!);
        }
        i++;
      }
    }
  }
  return doc;
}

/**
 * The model of a `tagger` resource: a TaggerModel, or the bytes of data/tagger.bin (decoded and checksum-verified
 * once per bytes object).
 */
export const taggerModelOf = modelOf((r): r is TaggerModel => r instanceof TaggerModel, decodeTagger);

/** one test of words that are surely no verb per lemma resource (createNonVerbTest) */
const nonVerbTests = new WeakMap<object, (form: string) => boolean>();
function nonVerbTestOf(lemma: LemmaData | Uint8Array): (form: string) => boolean {
  let t = nonVerbTests.get(lemma);
  if (!t) nonVerbTests.set(lemma, (t = createNonVerbTest(lemma, verbAnalysisOf(lemma))));
  return t;
}
/** one test of forms the treebanks give as the lemma of a non-verb, verb readings or not, per lemma resource */
const nonVerbLemmaTests = new WeakMap<object, (form: string) => boolean>();
const noReading = (): undefined => undefined;
function nonVerbLemmaTestOf(lemma: LemmaData | Uint8Array): (form: string) => boolean {
  let t = nonVerbLemmaTests.get(lemma);
  if (!t) nonVerbLemmaTests.set(lemma, (t = createNonVerbTest(lemma, noReading)));
  return t;
}

defineComponent({
  name: 'tagger',
  stage: 'annotate',
  requires: ['words'],
  provides: ['upos', 'xpos', 'feats'],
  resources: ['tagger'],
  // (the lemmatizer's data: its verb analysis tells a negative verb from a stem in ن, a past stem from a present one)
  optionalResources: ['lemma'],
  options: ['scheme'],
  create(res, options) {
    const model = taggerModelOf(res['tagger']);
    const analysis = res['lemma'] === undefined ? undefined : verbAnalysisOf(res['lemma'] as LemmaData | Uint8Array);
    const nonVerb = res['lemma'] === undefined ? undefined : nonVerbTestOf(res['lemma'] as LemmaData | Uint8Array);
    const nonVerbLemma = res['lemma'] === undefined ? undefined : nonVerbLemmaTestOf(res['lemma'] as LemmaData | Uint8Array);
    const unstretched = res['lemma'] === undefined ? unstretch : stretchReaderOf(res['lemma'] as LemmaData | Uint8Array);
    const scheme = options['scheme'] ?? 'perdt';
    if (typeof scheme !== 'string' || !(TAGGER_SCHEMES as readonly string[]).includes(scheme) || !model.schemes.includes(scheme)) {
      throw badOption('scheme', scheme, model.schemes);
    }
    for (const k of Object.keys(options)) if (k !== 'scheme') throw badOption(k, options[k], ['scheme']);
    const o: TaggerOptions = { scheme: scheme as TaggerScheme };
    return {
      annotate: (doc) => {
        // (per call: pipelines with and without the lemma data may share the model)
        model.setVerbAnalysis(analysis, nonVerb, nonVerbLemma);
        tagDoc(model, doc, o, unstretched);
      },
    };
  },
});
