/**
 * Character step: Arabic letter variants and presentation forms, kashida, diacritics, digits and punctuation marks.
 *
 * One pass over the char codes with a flag table built at module load. Decisions that need context use the nearest
 * letter on the left in the same line (or, when there is none, the nearest on the right), which the pass tracks as it
 * goes, so the step is linear. Protected units are never changed.
 *
 * Deliberately left alone (conservative): ئ, ة, ۀ, ۍ/ې and other letters of other languages, and the letters of a
 * sentence in another language (foreignSentences); the Rial sign ﷼ and the
 * ornamental ﷽; bidi controls (LRM, RLM, ALM, embeddings): only a U+FEFF (BOM / zero width no-break space) inside Persian
 * text (not at the start, next to an Arabic letter or mark) is removed, since it is never meaningful there; hamza above/below and maddah (they are part of
 * letters such as خانهٔ and آ), ٪ ٫ ٬ and the punctuation inside numbers.
 */
import type { ChangeKind, Edit, StepText } from '../aligned.js';
import {
  isArabicIndicDigit,
  isArabicLetter,
  isArabicMark,
  isAsciiDigit,
  isHSpace,
  isJoiner,
  isLatinLetter,
  isLineBreak,
  isPersianDigit,
  isPresentationForm,
  KASHIDA,
  ZWNJ, forEachRelevantUnit } from '../chars.js';
import { ARABIC_FUNCTION_WORDS } from '../arabic-words.js';
import type { ResolvedOptions } from './options.js';

// ---- tables --------------------------------------------------------------------------------------------------------

const F_ALETTER = 1; // Arabic-script letter (incl. presentation forms): Persian context
const F_LLETTER = 2; // Latin letter, or a letter of another alphabet that is not the Arabic script
const F_BREAK = 4; // line break
const F_SPECIAL = 8; // has an action below
const F_LETTERISH = 16; // Arabic letter, presentation form or mark: a kashida after it is decoration
const F_ZWNJ = 32;
const F_DIGIT = 64;

const FLAGS = new Uint8Array(65536);
const ACT = new Uint8Array(65536);
const A_LETTER = 1;
const A_FORM = 2;
const A_KASHIDA = 3;
const A_MARK = 4;
const A_DIGIT = 5;
const A_MARK_PUNCT = 6; // , ; ? ! ، ؛ ؟
const A_DOT = 7;
const A_QUOTE = 8;
const A_BOM = 9;
const A_INWORD_MARK = 10; // LRM RLM ALM soft hyphen, zero-width space, ¬, word joiner: inside a word, a half-space typed wrong
const A_ZWJ = 11; // ZWJ: between a letter that joins the next one and a letter, it changes nothing on screen

/** Arabic letter variants mapped under letters:'persian' */
const LETTER_MAP: Record<number, string> = {
  0x064a: '\u06cc', // ي → ی
  0x0649: '\u06cc', // ى → ی
  0x0643: '\u06a9', // ك → ک
  0x06d5: '\u0647', // ە → ه
};

/** Harakat, tanwin, shadda, sukun, their variants and superscript alef (not maddah/hamza above/below: they are letters). */
export function isRemovableDiacritic(c: number): boolean {
  return (c >= 0x064b && c <= 0x0652) || (c >= 0x0656 && c <= 0x065e) || c === 0x0670;
}

const mapLetters = (s: string): string => {
  let out = '';
  for (let k = 0; k < s.length; k++) out += LETTER_MAP[s.charCodeAt(k)] ?? s[k];
  return out;
};

/** alef, also as its presentation forms (ﺍ ﺎ): before the ligature ﷲ */
const ALEFS = new Set([0x0627, 0xfe8d, 0xfe8e]);

const FORM_BASE = 0xfb50;
/** presentation form → base letters (NFKC, then the letter map); mark forms lose their carrier space/tatweel */
const FORMS: (string | undefined)[] = new Array(0xfefd - FORM_BASE);
/** true when FORMS[c] contains a mark or a tatweel (needs filtering under diacritics/kashida removal) */
const FORM_HAS_MARK = new Uint8Array(0xfefd - FORM_BASE);
/** 1 for the spacing/isolated forms of harakat (ﹰ ﹲ ...): they map to marks, not letters */
const FORM_MARKS_ONLY = new Uint8Array(0xfefd - FORM_BASE);
/** a presentation form's letter before the letter map (its NFKC form when that is one unit; 0: a ligature of several,
 * or a mark form), for foreignSentences */
const PRESENTATION_LETTER = new Uint16Array(0xfefd - FORM_BASE);
/** A presentation form that stands for combining marks only (ﹰ → ً): a mark, not a letter. */
export function isPresentationMark(c: number): boolean {
  return c >= FORM_BASE && c < 0xfefd && FORM_MARKS_ONLY[c - FORM_BASE] === 1;
}

forEachRelevantUnit((c) => {
  if (isArabicLetter(c) || isPresentationForm(c)) FLAGS[c] |= F_ALETTER | F_LETTERISH;
  if (isArabicMark(c)) FLAGS[c] |= F_LETTERISH;
  if (isLatinLetter(c)) FLAGS[c] |= F_LLETTER;
  if (isLineBreak(c)) FLAGS[c] |= F_BREAK;
  if (isAsciiDigit(c) || isPersianDigit(c) || isArabicIndicDigit(c)) {
    FLAGS[c] |= F_DIGIT | F_SPECIAL;
    ACT[c] = A_DIGIT;
  }
  if (isRemovableDiacritic(c)) {
    FLAGS[c] |= F_SPECIAL;
    ACT[c] = A_MARK;
  }
  if (isPresentationForm(c) && c !== 0xfdfc && c !== 0xfdfd) {
    const s = String.fromCharCode(c);
    const d = s.normalize('NFKC');
    if (d.length === 1) PRESENTATION_LETTER[c - FORM_BASE] = d.charCodeAt(0);
    // (a ligature of several words — ﷺ صلى الله عليه وسلم, ﷻ جل جلاله — stays a sign: written out it would be one token
    // with spaces inside, as the alignment keeps a unit's replacement whole)
    if (d !== s && !/\S \S/.test(d)) {
      let out = mapLetters(d);
      if (out.length >= 2 && (out.charCodeAt(0) === 0x20 || out.charCodeAt(0) === KASHIDA)) {
        let marks = true;
        for (let k = 1; k < out.length; k++) if (!isArabicMark(out.charCodeAt(k))) marks = false;
        if (marks) out = out.slice(1);
      }
      FORMS[c - FORM_BASE] = out;
      let marksOnly = true;
      for (let k = 0; k < out.length; k++) if (!isArabicMark(out.charCodeAt(k))) marksOnly = false;
      if (marksOnly) FORM_MARKS_ONLY[c - FORM_BASE] = 1;
      for (let k = 0; k < out.length; k++) {
        const x = out.charCodeAt(k);
        if (isRemovableDiacritic(x) || x === KASHIDA) FORM_HAS_MARK[c - FORM_BASE] = 1;
      }
      FLAGS[c] |= F_SPECIAL;
      ACT[c] = A_FORM;
    }
  }
});
// the letters of other alphabets (Greek, Cyrillic, Armenian, Hebrew, Indic, Georgian, kana, CJK, Hangul) are no Persian
// context either: digits and marks after Tajik words (Ман 25 сола) were made Persian by a Persian word earlier in the line
const OTHER_ALPHABET = /[\p{L}\p{M}]/u;
for (const [a, b] of [[0x0370, 0x0600], [0x0900, 0x0e00], [0x10a0, 0x1100], [0x3040, 0x3100]] as const) {
  for (let c = a; c < b; c++) if ((FLAGS[c]! & F_ALETTER) === 0 && OTHER_ALPHABET.test(String.fromCharCode(c))) FLAGS[c] |= F_LLETTER;
}
for (const [a, b] of [[0x4e00, 0xa000], [0xac00, 0xd7a4]] as const) for (let c = a; c < b; c++) FLAGS[c] |= F_LLETTER;
for (const k of Object.keys(LETTER_MAP)) {
  FLAGS[+k] |= F_SPECIAL;
  ACT[+k] = A_LETTER;
}
for (let c = FORM_BASE; c < 0xfefd; c++) if (FORM_MARKS_ONLY[c - FORM_BASE]) FLAGS[c] &= ~F_ALETTER;
FLAGS[KASHIDA] |= F_SPECIAL;
ACT[KASHIDA] = A_KASHIDA;
FLAGS[ZWNJ] |= F_ZWNJ;
for (const ch of ',;?!،؛؟') {
  FLAGS[ch.charCodeAt(0)] |= F_SPECIAL;
  ACT[ch.charCodeAt(0)] = A_MARK_PUNCT;
}
FLAGS[0x2e] |= F_SPECIAL;
ACT[0x2e] = A_DOT;
FLAGS[0x22] |= F_SPECIAL;
ACT[0x22] = A_QUOTE;
FLAGS[0xfeff] |= F_SPECIAL;
ACT[0xfeff] = A_BOM;
FLAGS[0x200d] |= F_SPECIAL;
ACT[0x200d] = A_ZWJ;
// (also ¬, U+00AC, which an old Windows Persian keyboard typed for the half-space — می¬خواهم —, and the word joiner
// U+2060, the BOM's successor, which goes as a BOM or a soft hyphen does; both only between two Arabic letters: ¬p of
// logic, a¬b, stay)
for (const c of [0x200e, 0x200f, 0x061c, 0x00ad, 0x200b, 0x00ac, 0x2060]) {
  FLAGS[c] |= F_SPECIAL;
  ACT[c] = A_INWORD_MARK;
}

/** the Persian mark a punctuation mark stands for (0 = none): , ، → ،  ; ؛ → ؛  ? ؟ → ؟  ! → ! */
const MARK_TARGET = new Uint16Array(65536);
MARK_TARGET[0x2c] = MARK_TARGET[0x060c] = 0x060c;
MARK_TARGET[0x3b] = MARK_TARGET[0x061b] = 0x061b;
MARK_TARGET[0x3f] = MARK_TARGET[0x061f] = 0x061f;
MARK_TARGET[0x21] = 0x21;

/** separators that may sit between two digits inside one number: . , : / - ٫ ٬ */
const NUM_SEP = new Uint8Array(65536);
for (const ch of '.,:/-\u066b\u066c') NUM_SEP[ch.charCodeAt(0)] = 1;

const FA_DIGITS = '۰۱۲۳۴۵۶۷۸۹';

const NONE = 0;
const ARABIC = 1;
const LATIN = 2;

/** Appends an edit, merging it into the previous one when they touch, have the same kind and the same length type. */
export function pushEdit(out: Edit[], start: number, end: number, text: string, kind: ChangeKind): void {
  const last = out.length > 0 ? out[out.length - 1]! : undefined;
  if (
    last !== undefined &&
    last.end === start &&
    last.kind === kind &&
    (last.end - last.start === last.text.length) === (end - start === text.length)
  ) {
    last.end = end;
    last.text += text;
    return;
  }
  out.push({ start, end, text, kind });
}

/**
 * The character step's edits of `a`. `atStart`: `a` begins the text (false for a later piece of a long text, which
 * starts after a line break): only a U+FEFF at the very start of the text is a file's BOM, kept.
 */
export function characterEdits(a: StepText, o: ResolvedOptions, atStart = true): Edit[] {
  const letters = o.letters === 'persian';
  const kashida = o.kashida === 'remove';
  const diacritics = o.diacritics === 'remove';
  const digits = o.digits;
  const punct = o.punctuation === 'fa';
  const hsFix = o.halfSpace === 'fix';
  const out: Edit[] = [];
  if (!letters && !kashida && !diacritics && digits === 'keep' && !punct) return out;

  const text = a.text;
  const p = a.protect;
  const n = text.length;
  const quotes = punct && text.indexOf('"') >= 0 ? pairQuotes(text, p) : null;
  let q = 0;
  // the lines of code or JSON (codeLines): their quotes, marks and digits are the code's, left as written
  const code = mayHoldCode(text) ? codeLines(text, p) : null;
  const cq = { at: 0 };
  // the sentences in another language written in the Arabic script (foreignSentences), whose letters, marks and digits
  // are left as written: found before the loop when a step may change one (a table scan first: null for most text)
  const foreign = letters || diacritics || digits !== 'keep' ? foreignSpans(text) : null;
  const fq = { at: 0 };

  let last = NONE; // nearest letter on the left in this line
  let letterish = false; // the nearest unit on the left that is not ZWNJ/kashida is an Arabic letter or mark
  let bomEnd = -1; // end of the last run of BOMs and the unit its backward scan stopped at
  let bomPrev = -1;

  // right-context cache (see rightContext)
  const rc: RightContext = { pos: -1, kind: NONE };

  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const f = FLAGS[c]!;
    if ((f & F_SPECIAL) === 0 || p[i] === 1) {
      if (f & F_ALETTER) last = ARABIC;
      else if (f & F_LLETTER) last = LATIN;
      else if (f & F_BREAK) last = NONE;
      if ((f & F_ZWNJ) === 0 && c !== KASHIDA) letterish = (f & F_LETTERISH) !== 0;
      i++;
      continue;
    }
    switch (ACT[c]) {
      case A_LETTER:
        last = ARABIC;
        letterish = true;
        if (letters && (foreign === null || !inCode(foreign, fq, i))) pushEdit(out, i, i + 1, LETTER_MAP[c]!, 'character');
        i++;
        break;

      case A_FORM: {
        const markForm = FORM_MARKS_ONLY[c - FORM_BASE] === 1;
        if (!markForm) last = ARABIC;
        if (letters) {
          let rep = FORMS[c - FORM_BASE]!;
          // (the ligature ﷲ right after an alef is the rest of الله: PDFs and old fonts write اﷲ, the ligature drawn as لله;
          // its full reading الله there made االله)
          if (c === 0xfdf2 && i > 0 && ALEFS.has(text.charCodeAt(i - 1))) rep = rep.slice(1);
          if (FORM_HAS_MARK[c - FORM_BASE] && (diacritics || kashida)) {
            // as for A_MARK: a mark form not on an Arabic letter keeps its mark
            // (and not in a sentence of another language, which keeps its marks: see A_MARK)
            const dropMarks = diacritics && (letterish || !markForm) && (foreign === null || !inCode(foreign, fq, i));
            let r = '';
            for (let k = 0; k < rep.length; k++) {
              const x = rep.charCodeAt(k);
              if ((dropMarks && isRemovableDiacritic(x)) || (kashida && x === KASHIDA)) continue;
              r += rep[k];
            }
            rep = r;
          }
          pushEdit(out, i, i + 1, rep, 'character');
        }
        if (!markForm || !diacritics) letterish = true;
        i++;
        break;
      }

      case A_KASHIDA: {
        // only decoration after a letter; a kashida that starts a word (ـها as a suffix label) is kept
        if (!kashida || !letterish) {
          i++;
          break;
        }
        let j = i + 1;
        while (j < n && text.charCodeAt(j) === KASHIDA && p[j] === 0) j++;
        pushEdit(out, i, j, '', 'character');
        i = j;
        break;
      }

      case A_MARK: {
        // only marks on Arabic letters: a stray mark after Latin or punctuation is left (removing it would glue them)
        if (!diacritics || !letterish) {
          if (!diacritics) letterish = true;
          i++;
          break;
        }
        let j = i + 1;
        while (j < n && p[j] === 0 && isRemovableDiacritic(text.charCodeAt(j))) j++;
        // (nor in a sentence of another language, left as written: بِسْمِ اللَّهِ الرَّحْمَنِ الرَّحِيمِ keeps its tashkeel, which
        // makes it Arabic; stripped, a second pass read it as Persian and mapped its ي)
        if (foreign === null || !inCode(foreign, fq, i)) pushEdit(out, i, j, '', 'diacritic');
        // letterish stays true
        i = j;
        break;
      }

      case A_DIGIT: {
        letterish = false;
        // the whole number: digits with single separators between digits (1,000  3.14  12:30  1402/05/12  1.2.3)
        let j = i + 1;
        let dots = 0;
        while (j < n) {
          const d = text.charCodeAt(j);
          if (FLAGS[d]! & F_DIGIT) {
            if (p[j] === 1) break;
            j++;
          } else if (NUM_SEP[d] && j + 1 < n && FLAGS[text.charCodeAt(j + 1)]! & F_DIGIT && p[j] === 0 && p[j + 1] === 0) {
            if (d === 0x2e) dots++;
            j += 2;
          } else break;
        }
        // (a keycap emoji, 1️⃣: its digit is part of the emoji, an ASCII one; a number glued by a separator to a Latin
        // word with digits, 5:30pm, v1.2beta: it is part of that word, which is left as written)
        const keycap = j === i + 1 && j < n && (text.charCodeAt(j) === 0xfe0f || text.charCodeAt(j) === 0x20e3);
        const gluedLatin = j + 1 < n && NUM_SEP[text.charCodeAt(j)] && p[j] === 0 && p[j + 1] === 1 && (FLAGS[text.charCodeAt(j + 1)]! & F_DIGIT) !== 0;
        // (nor in a sentence of another language: Arabic في عام ٢٠٢٤, Kurdish ساڵی ٢٠٢٤ keep their digits)
        // (nor the ASCII number of a Markdown ordered list's marker, 1. or 1) at a line's start: CommonMark reads only
        // ASCII digits as one, and ۱. made the list a paragraph)
        if (digits !== 'keep' && !keycap && !gluedLatin && !listMarker(text, p, n, i, j) && !(code !== null && inCode(code, cq, i)) && (foreign === null || !inCode(foreign, fq, i))) convertNumber(out, text, p, n, i, j, dots, digits, last, rc);
        i = j;
        break;
      }

      case A_MARK_PUNCT: {
        letterish = false;
        if (!punct) {
          i++;
          break;
        }
        if (code !== null && inCode(code, cq, i)) {
          i++;
          break;
        }
        const target = MARK_TARGET[c]!;
        // never between two digits (1,000 even when a part of it is protected), only in Persian context
        const between =
          i > 0 && i + 1 < n && FLAGS[text.charCodeAt(i - 1)]! & F_DIGIT && FLAGS[text.charCodeAt(i + 1)]! & F_DIGIT;
        if (between || (c === 0x2c && stampComma(text, n, i)) || (last !== NONE ? last : rightContext(text, n, i, rc)) !== ARABIC) {
          i++;
          break;
        }
        // collapse a run of the same mark (under halfSpace:fix, ZWNJs between the marks go with them)
        let j = i + 1;
        while (j < n && p[j] === 0) {
          const d = text.charCodeAt(j);
          if (MARK_TARGET[d] === target) j++;
          else if (d === ZWNJ && hsFix) {
            let k = j;
            while (k < n && text.charCodeAt(k) === ZWNJ && p[k] === 0) k++;
            if (k < n && p[k] === 0 && MARK_TARGET[text.charCodeAt(k)] === target) j = k + 1;
            else break;
          } else break;
        }
        if (j - i > 1 || c !== target) pushEdit(out, i, j, String.fromCharCode(target), 'punctuation');
        i = j;
        break;
      }

      case A_DOT: {
        letterish = false;
        if (!punct) {
          i++;
          break;
        }
        let j = i + 1;
        let count = 1;
        let end = j; // after the last dot
        while (j < n && p[j] === 0) {
          const d = text.charCodeAt(j);
          if (d === 0x2e) {
            count++;
            end = ++j;
          } else if (d === ZWNJ && hsFix) j++;
          else break;
        }
        // four dots or more standing alone between spaces (or a line's edges) are a blank to fill in, as in a form or an
        // exam (نام: ................, دمای ..... درجه), no ellipsis: kept as written (they became «…», the blank lost)
        const blank = count >= 4 && (i === 0 || isBlankEdge(text.charCodeAt(i - 1))) && (end === n || isBlankEdge(text.charCodeAt(end)));
        if (count >= 3 && !blank && (last !== NONE ? last : rightContext(text, n, i, rc)) === ARABIC) pushEdit(out, i, end, '…', 'punctuation');
        i = end;
        break;
      }

      case A_QUOTE: {
        letterish = false;
        if (quotes !== null && !(code !== null && inCode(code, cq, i))) {
          while (q < quotes.length && quotes[q]! < i) q += 2;
          if (q < quotes.length && quotes[q] === i) pushEdit(out, i, i + 1, quotes[q + 1] === 1 ? '«' : '»', 'punctuation');
        }
        i++;
        break;
      }

      case A_INWORD_MARK: {
        // a bidi mark (LRM, RLM, ALM) between two Arabic letters, where a half-space goes (می‏خواهم, کتاب‏ها: some
        // keyboards and editors type RLM for it; text out of PDFs and web pages has a zero-width space there, which cuts the
        // letters' joining as a ZWNJ does): a ZWNJ, which the half-space step then reads as typed. The tokenizer
        // had cut such a word in two (می + خواهم). Elsewhere (at a word's edge, around Latin) it is kept.
        // (BOMs around the marks, which go after a letter, are read through: the result is the same on a second pass)
        // (the run takes the BOMs, kashidas, ZWNJs and ZWJs among the marks; the letters around are found through the diacritics,
        // ZWNJs and other such marks beside it, which other steps may remove: the result is the same on a second pass)
        let j = i + 1;
        while (j < n && p[j] === 0 && (ACT[text.charCodeAt(j)] === A_INWORD_MARK || text.charCodeAt(j) === 0xfeff || text.charCodeAt(j) === KASHIDA || text.charCodeAt(j) === ZWNJ || text.charCodeAt(j) === 0x200d)) j++;
        let b = i - 1;
        while (b >= 0 && p[b] === 0 && inWordFiller(text.charCodeAt(b))) b--;
        let a = j;
        while (a < n && p[a] === 0 && inWordFiller(text.charCodeAt(a))) a++;
        if (hsFix && b >= 0 && p[b] === 0 && (FLAGS[text.charCodeAt(b)]! & F_ALETTER) !== 0 && a < n && p[a] === 0 && (FLAGS[text.charCodeAt(a)]! & F_ALETTER) !== 0) {
          // (soft hyphens alone are a hyphenation point, anywhere in a word: they go, and the word is read as typed; a
          // bidi mark or a ZWNJ in the run makes it one ZWNJ)
          let shy = true;
          for (let k = i; k < j && shy; k++) {
            const x = text.charCodeAt(k);
            shy = x === 0x00ad || x === 0xfeff || x === 0x2060 || x === KASHIDA || x === 0x200d;
          }
          pushEdit(out, i, j, shy ? '' : '\u200c', shy ? 'character' : 'half-space');
        } else if (text.slice(i, j).includes('\u200d')) letterish = false; // (a ZWJ kept: as A_ZWJ)
        i = j;
        break;
      }

      case A_ZWJ: {
        // a ZWJ between a letter that joins the next one and another Arabic letter changes nothing on screen (the two
        // join anyway): typed for a half-space (کتاب‍ها) it stayed inside the word and its lemma (کتاب‍). It goes, and the
        // half-space step reads the word as it shows (کتابها → کتاب‌ها). Elsewhere it is kept: after ا د ر و (it makes the
        // next letter show its joining form), at a word's edge (ه‍.ق), in emoji sequences.
        // (the letters around are found through the marks, kashidas, ZWNJs, BOMs and bidi marks beside it, which other steps
        // may remove, and read as the letter step writes them: the result is the same on a second pass)
        let b = i - 1;
        while (b >= 0 && p[b] === 0 && zwjFiller(text.charCodeAt(b))) b--;
        let a = i + 1;
        while (a < n && p[a] === 0 && zwjFiller(text.charCodeAt(a))) a++;
        const before = b >= 0 && p[b] === 0 ? text.charCodeAt(b) : 0;
        const shown = !letters ? before : before >= FORM_BASE && before < 0xfefd ? (FORMS[before - FORM_BASE] ?? '').charCodeAt((FORMS[before - FORM_BASE] ?? '').length - 1) : (LETTER_MAP[before]?.charCodeAt(0) ?? before);
        // (right beside a ZWNJ it does show: ب‌‍ک, the ک in its joining form after a break; the steps leave that pair alone)
        const besideZwnj = text.charCodeAt(i - 1) === ZWNJ || (i + 1 < n && text.charCodeAt(i + 1) === ZWNJ);
        if (hsFix && !besideZwnj && isJoiner(shown) && a < n && p[a] === 0 && (FLAGS[text.charCodeAt(a)]! & F_ALETTER) !== 0) {
          pushEdit(out, i, i + 1, '', 'character');
        } else letterish = false;
        i++;
        break;
      }

      case A_BOM: {
        // BOMs inside Persian text (not at the start of the text) are noise; elsewhere kept
        let j = i + 1;
        while (j < n && text.charCodeAt(j) === 0xfeff && p[j] === 0) j++;
        // (removing it glues its neighbours: only after an Arabic letter, or between a space and an Arabic letter, so
        // that no protected span such as #tag or a URL can start or end differently afterwards)
        let b = i - 1;
        for (; b >= 0; b--) {
          if (b < bomEnd) {
            b = bomPrev; // the rest was scanned for the previous run of BOMs (keeps this linear)
            break;
          }
          const x = text.charCodeAt(b); // ZWNJs, ZWJs, kashidas and BOMs before it may go too
          if (x !== ZWNJ && x !== 0x200d && x !== KASHIDA && x !== 0xfeff) break;
        }
        bomEnd = j;
        bomPrev = b;
        const bc = b >= 0 ? text.charCodeAt(b) : 0x20;
        const afterLetter = b >= 0 && p[b] === 0 && (FLAGS[bc]! & F_LETTERISH) !== 0;
        const afterSpace = isHSpace(bc) || isLineBreak(bc);
        if (letters && (afterLetter || (afterSpace && j < n && FLAGS[text.charCodeAt(j)]! & F_LETTERISH))) {
          const keep = atStart ? 1 : 0; // (the text's first unit, a file's BOM, is kept)
          if (j > Math.max(i, keep)) pushEdit(out, Math.max(i, keep), j, '', 'character');
          if (i < keep) letterish = false;
        } else letterish = false;
        i = j;
        break;
      }

      default:
        i++;
    }
  }
  return out;
}

/** Cache of the right context of one characterEdits call: the first letter (or line end) at or after the last query. */
interface RightContext {
  pos: number;
  kind: number;
}

/**
 * Persian context at i when there is no letter on the left in the line: the nearest letter on the right in the line.
 * (Module-level functions rather than closures inside characterEdits: a closure is a new function on every call, and
 * V8 throws away optimized code that called the previous one.)
 */
function rightContext(text: string, n: number, i: number, rc: RightContext): number {
  if (i > rc.pos) {
    let k = i;
    let kind = NONE;
    while (k < n) {
      const f = FLAGS[text.charCodeAt(k)]!;
      if (f & F_ALETTER) {
        kind = ARABIC;
        break;
      }
      if (f & F_LLETTER) {
        kind = LATIN;
        break;
      }
      if (f & F_BREAK) break;
      k++;
    }
    rc.pos = k;
    rc.kind = kind;
  }
  return rc.kind;
}

/**
 * Whether the number at [s, e) is the marker of a Markdown ordered list: one to nine ASCII digits (CommonMark's limit),
 * then . or ) and a space or tab, at the start of a line after its indentation, any blockquote marks (> 1. item) and
 * bullets (- 1. item, * 2) item, a list nested in a bullet item; nested ordered lists are indented:   2. دوم).
 */
function listMarker(text: string, p: Uint8Array, n: number, s: number, e: number): boolean {
  if (e - s > 9 || e + 1 >= n || p[e] === 1) return false;
  const m = text.charCodeAt(e);
  const sp = text.charCodeAt(e + 1);
  if ((m !== 0x2e && m !== 0x29) || (sp !== 0x20 && sp !== 0x09)) return false;
  for (let k = s; k < e; k++) if (!isAsciiDigit(text.charCodeAt(k))) return false;
  let b = s - 1;
  while (b >= 0) {
    const c = text.charCodeAt(b);
    if (c === 0x0a || c === 0x0d) break;
    // (a bullet's - * + before a space: an ordered list nested in a bullet item, - 1. item, is CommonMark's list too)
    if (c !== 0x20 && c !== 0x09 && c !== 0x3e && !((c === 0x2d || c === 0x2a || c === 0x2b) && (text.charCodeAt(b + 1) === 0x20 || text.charCodeAt(b + 1) === 0x09))) return false;
    b--;
  }
  return true;
}

/**
 * the kind of the number run [s, e) of a chat export's timestamp: 1 a time (14:23), 2 a date (1402/12/01, 12.01.24), 0
 * neither. Digit groups joined by single separators: the separators after the last digit are not the number's (۸... is
 * ۸ + an ellipsis, which the punctuation step makes …: read as a date, it kept the comma of ۱۴:۲۳, ۸... on a first pass
 * and not on a second — found by the steps property test), nor is a number with two separators in a row a stamp's.
 */
function stampPart(text: string, s: number, e: number): number {
  let colon = false;
  let dateSep = false;
  while (e > s && !(FLAGS[text.charCodeAt(e - 1)]! & F_DIGIT)) e--;
  for (let k = s; k < e; k++) {
    const c = text.charCodeAt(k);
    if (FLAGS[c]! & F_DIGIT) continue;
    if (k === s || !(FLAGS[text.charCodeAt(k - 1)]! & F_DIGIT)) return 0;
    if (c === 0x3a) colon = true;
    else if (c === 0x2f || c === 0x2e || c === 0x2d) dateSep = true;
    else return 0;
  }
  return colon === dateSep ? 0 : colon ? 1 : 2;
}

/**
 * Whether the comma at i separates the date and the time of a chat export's line-initial timestamp
 * (`[۱۴:۲۳, ۱۴۰۲/۱۲/۰۱] علی: …`, `1/12/24, 2:23 PM - Ali: …`): a comma between two numbers, not Persian punctuation.
 * The number before it opens the line (after an optional `[`), the one after it follows one space, and one of them is a
 * time and the other a date. A comma between other numbers in Persian prose is a list's (سال‌های 1369، 1371: PerDT's
 * train text writes ، there, 6 lines, never ,) and is converted as before.
 */
function stampComma(text: string, n: number, i: number): boolean {
  if (i + 2 >= n || text.charCodeAt(i + 1) !== 0x20 || !(FLAGS[text.charCodeAt(i + 2)]! & F_DIGIT) || !(FLAGS[text.charCodeAt(i - 1)]! & F_DIGIT)) return false;
  let b = i - 1;
  while (b > 0 && stampUnit(text.charCodeAt(b - 1))) b--;
  let open = b - 1;
  if (open >= 0 && text.charCodeAt(open) === 0x5b) open--;
  // (after the line's indentation and the invisible marks exports put first: WhatsApp's LRM, an RLM, a BOM — the
  // comma of ‎[۱۴:۲۳, ۱۴۰۲/۱۲/۰۱] had become ، — at most STAMP_LEAD units)
  const lead = open;
  while (open >= 0 && lead - open < STAMP_LEAD && stampLead(text.charCodeAt(open))) open--;
  if (open >= 0 && !isLineBreak(text.charCodeAt(open))) return false;
  let e = i + 3;
  while (e < n && stampUnit(text.charCodeAt(e))) e++;
  const l = stampPart(text, b, i);
  const r = stampPart(text, i + 2, e);
  return l !== 0 && r !== 0 && l !== r;
}

/** what may stand before a chat export's timestamp on its line: spaces, a tab, LRM, RLM, ALM, a BOM */
const stampLead = (c: number): boolean => isHSpace(c) || c === 0x200e || c === 0x200f || c === 0x061c || c === 0xfeff;
const STAMP_LEAD = 8;
const stampUnit = (c: number): boolean => (FLAGS[c]! & F_DIGIT) !== 0 || c === 0x3a || c === 0x2f || c === 0x2e || c === 0x2d;

/** Unit k (next to a number) is protected or Latin, directly or through a word joiner (v.۲ → v.2 is one word). */
function latinSide(text: string, p: Uint8Array, n: number, k: number, dir: number): boolean {
  if (k < 0 || k >= n) return false;
  if (p[k] === 1 || FLAGS[text.charCodeAt(k)]! & F_LLETTER) return true;
  const c = text.charCodeAt(k);
  if (c !== 0x2e && c !== 0x2d && c !== 0x5f && c !== 0x27 && c !== 0x2019) return false;
  const j = k + dir;
  if (j < 0 || j >= n) return false;
  // (a dot after an Arabic-script letter, a hashtag's or a mention's too, is a sentence's end that the spacing step
  // spaces — #کتاب.۲ → #کتاب. ۲ —, no word joiner: the number is converted as one standing apart, as a second pass
  // would see it; under digits 'latin' it was left on a first pass and converted on a second — found by the steps
  // property test at other seeds)
  if (c === 0x2e && dir < 0 && (FLAGS[text.charCodeAt(j)]! & F_ALETTER) !== 0) return false;
  return p[j] === 1 || (FLAGS[text.charCodeAt(j)]! & F_LLETTER) !== 0;
}

function convertNumber(
  out: Edit[],
  text: string,
  p: Uint8Array,
  n: number,
  s: number,
  e: number,
  dots: number,
  digits: ResolvedOptions['digits'],
  last: number,
  rc: RightContext,
): void {
  // a number glued to a Latin letter or a protected span (mp3, ۶https://…) is part of it, a word the toolkit does not
  // read: left as written in every mode, its Arabic-Indic digits too (abc٤٥٦, v٢ had become abc۴۵۶, v۲ under 'fa')
  if (latinSide(text, p, n, s - 1, -1) || latinSide(text, p, n, e, 1)) return;
  // 'fa': not a version/IP (1.2.3), and Persian context
  const toFa = digits === 'fa' && dots < 2 && (last !== NONE ? last : rightContext(text, n, s, rc)) === ARABIC;
  const toLatin = digits === 'latin';
  let changed = false;
  for (let k = s; k < e; k++) {
    const d = text.charCodeAt(k);
    if (toLatin ? isPersianDigit(d) || isArabicIndicDigit(d) : isArabicIndicDigit(d) || (toFa && isAsciiDigit(d))) {
      changed = true;
      break;
    }
  }
  if (!changed) return;
  let r = '';
  for (let k = s; k < e; k++) {
    const d = text.charCodeAt(k);
    let v = -1;
    if (isAsciiDigit(d)) v = d - 0x30;
    else if (isPersianDigit(d)) v = d - 0x6f0;
    else if (isArabicIndicDigit(d)) v = d - 0x660;
    if (v < 0) r += text[k];
    else if (toLatin) r += String.fromCharCode(0x30 + v);
    else if (isAsciiDigit(d) && !toFa) r += text[k];
    else r += FA_DIGITS[v];
  }
  pushEdit(out, s, e, r, 'digit');
}

function isWordUnit(text: string, k: number): boolean {
  return (FLAGS[text.charCodeAt(k)]! & (F_ALETTER | F_LLETTER | F_DIGIT)) !== 0;
}

/** 1 for ", 2 for a line break (what pairQuotes looks for) */
const QUOTE_OR_BREAK = new Uint8Array(65536);
forEachRelevantUnit((c) => {
  if (isLineBreak(c)) QUOTE_OR_BREAK[c] = 2;
});
QUOTE_OR_BREAK[0x22] = 1;

/** a unit read through around a mark inside a word: a BOM, a kashida, an Arabic mark (harakat), a ZWNJ, another such mark */
/** what may stand between a ZWJ and the letters it sits between: marks (also as presentation forms), kashidas, ZWNJs, BOMs, the
 * marks a half-space is typed as (RLM, soft hyphen, ...) */
function zwjFiller(c: number): boolean {
  return inWordFiller(c);
}

function inWordFiller(c: number): boolean {
  return c === 0xfeff || c === KASHIDA || c === ZWNJ || c === 0x200d || isArabicMark(c) || isPresentationMark(c) || ACT[c] === A_INWORD_MARK;
}

/** k lies in one of the [start, end) ranges (ascending); queried at ascending k, `cur.at` remembers the place */
/** Whether k lies in one of the [start, end) pairs of `code` (in order); `cur` keeps the place for calls with k rising. */
export function inCode(code: number[], cur: { at: number }, k: number): boolean {
  let c = cur.at;
  while (c < code.length && code[c + 1]! <= k) c += 2;
  cur.at = c;
  return c < code.length && code[c]! <= k;
}

/** letters that no Persian word has: Urdu ٹ ڈ ڑ ں ہ ۃ ے ۓ, Pashto ټ ډ ړ ږ ښ ګ ڼ ۍ ې ځ څ, Kurdish ڵ ڕ ۆ ێ ڤ, Sindhi ٻ ڀ ڃ ڄ ڇ ڊ ڌ ڍ ڎ ڏ ڙ ڦ ڱ ڳ ڻ, Uyghur ۇ ۈ ۋ */
const OTHER_LANGUAGE_LETTERS = 'ٹڈڑںہۃےۓټډړږښګڼۍېځڅڵڕۆێڤٻڀڃڄڇڊڌڍڎڏڙڦڱڳڻۇۈۋ';
const OTHER_LANGUAGE = new Uint8Array(65536);
for (const ch of OTHER_LANGUAGE_LETTERS) OTHER_LANGUAGE[ch.charCodeAt(0)] = 1;
/** the letters of the Persian keyboard that Arabic has not: پ چ ژ گ ی ک */
const PERSIAN_OWN_LETTERS = 'پچژگیک';
const PERSIAN_OWN = new Uint8Array(65536);
for (const ch of PERSIAN_OWN_LETTERS) PERSIAN_OWN[ch.charCodeAt(0)] = 1;
/** a letter that may make a sentence one of another language: OTHER_LANGUAGE, and the letters the letter map rewrites
 * (ي ى ك of Arabic, ە) — so a text with a letter to map always has its foreign sentences looked for (characterEdits) */
const FOREIGN_TRIGGER = new Uint8Array(65536);
for (const ch of OTHER_LANGUAGE_LETTERS) FOREIGN_TRIGGER[ch.charCodeAt(0)] = 1;
for (const c of Object.keys(LETTER_MAP)) FOREIGN_TRIGGER[Number(c)] = 1;
/** whether the text has a letter that may make a sentence one of another language (a table scan: a regex took 20 times longer) */
function mayBeForeign(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (FOREIGN_TRIGGER[text.charCodeAt(i)] === 1) return true;
  return false;
}
/** the marks the letter map turns into a ZWNJ inside a word (RLM, LRM, ALM, soft hyphen, zero-width space), and the BOM
 * it deletes there */
const IN_WORD_JOINER = new Uint8Array(65536);
forEachRelevantUnit((c) => {
  if (ACT[c] === A_INWORD_MARK || c === 0xfeff) IN_WORD_JOINER[c] = 1;
});
/** foreignSentences' first look: 1 a sentence's end (SENTENCE_END, a line break), 2 a letter no Persian word has, 4 a
 * letter of the Persian keyboard's own (presentation forms as their letters) */
const QUICK = new Uint8Array(65536);
/** the ends of a sentence for foreignSentences: . ! ? ؟ ۔ (Urdu's full stop) */
const SENTENCE_END = new Uint8Array(65536);
// (and the ellipsis …, which the punctuation step makes of ... : a sentence ended at ... and went on past …, so that
// ی...ى٠ة had ى٠ة read as an Arabic sentence of its own, left, and the second pass read ی…ى ٠ ة as one Persian one and
// mapped ى and ٠ — found by the steps property test at other seeds, fast-check seed 301)
for (const ch of '.!?؟۔…') SENTENCE_END[ch.charCodeAt(0)] = 1;
forEachRelevantUnit((c) => {
  QUICK[c] = (SENTENCE_END[c] === 1 || (FLAGS[c]! & F_BREAK) !== 0 ? 1 : 0) | (OTHER_LANGUAGE[c] === 1 ? 2 : 0) | (PERSIAN_OWN[c] === 1 ? 4 : 0);
});
for (let c = FORM_BASE; c < 0xfefd; c++) {
  const l = PRESENTATION_LETTER[c - FORM_BASE]!;
  if (l !== 0) QUICK[c] = QUICK[l]! & 6;
}

/**
 * A word that marks an Arabic sentence: an Arabic function word that is no Persian word (ARABIC_FUNCTION_WORDS: في, إلى,
 * قال, إنما, هذا …, read with Persian letters and without marks or hamza), a word with ة or ending in ى, or a word with
 * two harakat or more (full tashkeel: بِسْمِ).
 */
function arabicMarked(w: string): boolean {
  let key = '';
  let harakat = 0;
  let last = 0;
  for (let k = 0; k < w.length; k++) {
    const c0 = w.charCodeAt(k);
    // (a presentation form read as its letters, as the letter map writes it: ىﻧى is the word ىنى the first pass makes;
    // and as the character step writes it, FORMS, Persian letters: ﱃ is لی, no word ending in ى — read as لى, NFKC,
    // ﱃZى had been an Arabic sentence whose ى was left, and the second pass read لیZى as Persian and mapped it)
    const units = isPresentationForm(c0) ? FORMS[c0 - FORM_BASE] ?? String.fromCharCode(c0).normalize('NFKC') : undefined;
    for (let u = 0; u < (units === undefined ? 1 : units.length); u++) {
      const c = units === undefined ? c0 : units.charCodeAt(u);
      if (c === 0x0629) return true;
      if (isRemovableDiacritic(c)) {
        harakat++;
        continue;
      }
      // (a ZWNJ, a mark the normalizer makes one, a kashida or a space of a ligature is no letter of the word: ى‌ and
      // ىـ end in ى as ى does)
      if (c === ZWNJ || IN_WORD_JOINER[c] === 1 || c === KASHIDA || c === 0x200d || c === 0x20) continue;
      last = c;
      key += c === 0x0623 || c === 0x0625 || c === 0x0622 ? 'ا' : LETTER_MAP[c] ?? String.fromCharCode(c);
    }
  }
  if (harakat >= 2 || last === 0x0649) return true;
  return ARABIC_FUNCTION_WORDS.has(key) || (key.length > 1 && key[0] === 'و' && ARABIC_FUNCTION_WORDS.has(key.slice(1)));
}

/**
 * The sentences of another language written in the Arabic script, as [start, end) pairs in order (null: none): the
 * letter map leaves them as written, as text the normalizer does not understand (ي is a letter of its own in Pashto,
 * Sindhi and Uyghur, ە a vowel in Kurdish, ى ي ك are Arabic's). A sentence (up to a line break or . ! ? ؟ ۔) is of
 * another language when a letter no Persian word has is in it (Urdu ے ں, Pashto ښ ې, Kurdish ێ ۆ, Sindhi ڳ, Uyghur ۇ)
 * and two words or more have such a letter or ە (Dari's loanword موټر alone makes no Pashto sentence), or when it has none of the Persian keyboard's own letters (پ چ ژ گ ی ک) and two words or more that mark Arabic
 * (arabicMarked). A single Arabic word in a Persian sentence (كتاب, رأى) is still mapped.
 */
export function foreignSentences(text: string): number[] | null {
  const n = text.length;
  let res: number[] | null = null;
  let s = 0;
  while (s < n) {
    // (a first look, one table read a unit: a sentence with a letter of the Persian keyboard's own and none that no
    // Persian word has, most sentences, is Persian — skipped without reading its words)
    let q = s;
    let seen = 0;
    for (; q < n; q++) {
      const f = QUICK[text.charCodeAt(q)]!;
      if (f & 1) break;
      seen |= f;
    }
    if ((seen & 6) === 4) {
      s = Math.min(q + 1, n);
      continue;
    }
    let e = s;
    let other = false; // a letter no Persian word has
    let otherWords = 0; // words with one, or with Kurdish and Uyghur ە
    let wordOther = false;
    let persian = false;
    let marked = 0;
    let ws = -1; // start of the current word
    // a letter of mayBeForeign's (FOREIGN_TRIGGER): a sentence without one is Persian, whatever the rest of the text
    // has — the filter then is exact, and a sentence's reading does not depend on another's letters, which the first
    // pass maps (ة2ة.ى: the ى of the second sentence made the first one's ة ة an Arabic sentence whose 2 was left; the
    // second pass, ى mapped to ی, found no such letter, read the text as Persian and converted 2 → ۲. Found by the
    // steps property test at 30,000 runs)
    let trigger = false;
    for (; e <= n; e++) {
      let c = e < n ? text.charCodeAt(e) : 0x0a;
      if (FOREIGN_TRIGGER[c] === 1) trigger = true;
      // (a presentation form is the letter it stands for, as the letter map makes it: ىﻧى had been two words, and the
      // same text normalized, ىنى, one, so that the second pass mapped the letters the first had left)
      // (and a form the character step writes with a Persian letter of the keyboard's own, ﱃ → لی, ﻯ → ی, makes the
      // sentence Persian, as the second pass reads it)
      let formPersian = false;
      if (isPresentationForm(c)) {
        const f = FORMS[c - FORM_BASE];
        if (f !== undefined) for (let k = 0; k < f.length; k++) if (PERSIAN_OWN[f.charCodeAt(k)] === 1) formPersian = true;
        c = PRESENTATION_LETTER[c - FORM_BASE] || 0x0621;
      }
      // (the marks the normalizer turns into a ZWNJ between letters, RLM, LRM, ALM, soft hyphen, ZWSP, are inside the
      // word as a ZWNJ is: ى‏ا, one word, had been two, and ى‌ا one)
      // (a kashida or a ZWJ inside a word is part of it, as the normalizer removes it: ىـا had been two words that
      // each end in ى or ا, and the same text normalized, ىا, one)
      if (isArabicLetter(c) || isArabicMark(c) || c === ZWNJ || ((IN_WORD_JOINER[c] === 1 || c === KASHIDA || c === 0x200d) && ws >= 0)) {
        if (ws < 0) ws = e;
        if (OTHER_LANGUAGE[c]) other = wordOther = true;
        else if (c === 0x06d5) wordOther = true;
        else if (PERSIAN_OWN[c] || formPersian) persian = true;
        continue;
      }
      if (ws >= 0) {
        if (wordOther) otherWords++;
        wordOther = false;
        if (!persian && marked < 2 && arabicMarked(text.slice(ws, e))) marked++;
        ws = -1;
      }
      if (isLineBreak(c) || SENTENCE_END[c] || e === n) break;
    }
    const end = Math.min(e + 1, n);
    if (trigger && ((other && otherWords >= 2) || (!persian && marked >= 2))) (res ??= []).push(s, end);
    s = end;
  }
  return res;
}

/**
 * foreignSentences of a text, after a table scan for a letter that may make a sentence foreign (most Persian text has
 * none: null at once); for callers that read whole texts (the spelling checker leaves those sentences unchecked)
 */
export function foreignSpans(text: string): number[] | null {
  return mayBeForeign(text) ? foreignSentences(text) : null;
}

/**
 * Whether [a, b) overlaps one of the [start, end) pairs of `spans` (foreignSentences), for spans asked about in order of
 * `a` (`cur`: where the last question left off, as inCode keeps it — a token at a time, not the whole list each time)
 */
export function inSpans(spans: number[] | null, cur: { at: number }, a: number, b: number): boolean {
  if (spans === null) return false;
  let c = cur.at;
  while (c < spans.length && spans[c + 1]! <= a) c += 2;
  cur.at = c;
  return c < spans.length && spans[c]! < b;
}

const isIdent = (c: number): boolean => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c === 0x24;

/** Whether the line from `ls` is a YAML key ending at the colon `b`: spaces, an optional '- ', an identifier (a-z 0-9 _ - .). */
function yamlKeyEnds(text: string, ls: number, b: number): boolean {
  let k = ls;
  while (k < b && text.charCodeAt(k) === 0x20) k++;
  if (k + 1 < b && text.charCodeAt(k) === 0x2d && text.charCodeAt(k + 1) === 0x20) k += 2;
  if (k >= b || !isIdent(text.charCodeAt(k))) return false;
  for (; k < b; k++) {
    const d = text.charCodeAt(k);
    if (!(isIdent(d) || d === 0x2d || d === 0x2e)) return false;
  }
  return true;
}

/**
 * The next straight quote (" or '), semicolon or comment after a space (# or //) at or after `from` (what may make a line
 * one of code), -1 when none; `at` keeps the next place of each, so that each is searched for once over the text (a new
 * indexOf of a unit the text lacks from every line would read the rest of the text at every line)
 */
function nextCodeSign(text: string, from: number, at: number[]): number {
  let r = -1;
  for (let k = 0; k < CODE_SIGNS.length; k++) {
    let x = at[k]!;
    if (x >= 0 && x < from) at[k] = x = text.indexOf(CODE_SIGNS[k]!, from);
    if (x >= 0 && (r < 0 || x < r)) r = x;
  }
  return r;
}
const CODE_SIGNS = ['"', "'", ';', ' #', ' //'];

/** Whether the text holds a unit that may make a line one of code (nextCodeSign): codeLines is asked only then. */
export function mayHoldCode(text: string): boolean {
  // (one pass for the five signs: five indexOf calls cost more than the loop on a line, and this runs twice a call)
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x3b) continue; // (letters: one comparison)
    if (c === 0x22 || c === 0x27 || c === 0x3b) return true; // " ' ;
    if (c === 0x20 && i + 1 < n) {
      const d = text.charCodeAt(i + 1);
      if (d === 0x23 || (d === 0x2f && i + 2 < n && text.charCodeAt(i + 2) === 0x2f)) return true; // ' #', ' //'
    }
  }
  return false;
}

/**
 * The lines of code or JSON among those that hold a straight quote or a semicolon, as [start, end) pairs in order: a
 * line with a JSON key ("name": — an identifier in quotes, then a colon), a string (in " or ') after = or after a
 * function's name (x = "سلام", print('سلام'), also after the brackets of a list, x = ['یک', 'دو'], and with a Python
 * prefix, print(f"سلام {name}")), a YAML value in quotes (name: "سلام", after the key that opens the line), or a
 * statement: a ; that ends the line (or comes before its // comment) after a ) ] quote or ASCII word, on a line with
 * a call (name() or an = (alert(s + ' تومان');), or a command or SQL statement that opens with an ASCII letter, holds a
 * string and ends in a ; (commandLine: echo 'سلام';), or a command with no ; that opens with a command word (git commit
 * -m "…", $ echo "…"). Their quotes, commas, semicolons and digits are the code's: turned into « » ، ؛ and Persian
 * digits they broke it ({"name": "علی", "age": 30} had become {"name": «علی»، ...}), and the
 * spacing step leaves the line's spaces as written. A quoted word after a colon in prose (گفت: "سلام") is no sign, nor a
 * ; after a word in prose (then the line has no call or =), and a line with an Arabic-script letter outside its strings
 * and before its first ; or comment is prose whatever its signs (proseOutsideStrings: دستور print('سلام') را اجرا کنید).
 */
export function codeLines(text: string, p: Uint8Array): number[] | null {
  const n = text.length;
  let res: number[] | null = null;
  const at = CODE_SIGNS.map((c) => text.indexOf(c));
  let q = nextCodeSign(text, 0, at);
  while (q >= 0) {
    // the line [ls, le) of q, read once: whether it holds what each sign of code needs (LINE_UNIT 3: an =; 4: a ( or :
    // that must come after an ASCII name or a quote, see codeHint); most Persian lines with a ; or a quote have none
    let hint = false;
    // (no unit is read outside the text: a read at -1 or n, which the loops made at the edges of every line-by-line
    // call, is out of bounds, and V8 threw its optimized code away at the first one and built it again)
    let ls = q;
    for (; ls > 0; ls--) {
      const u = LINE_UNIT[text.charCodeAt(ls - 1)]!;
      if (u === 2) break;
      if (u > 2 && !hint) hint = codeHint(text, ls - 1, u);
    }
    let le = q;
    for (; le < n; le++) {
      const u = LINE_UNIT[text.charCodeAt(le)]!;
      if (u === 2) break;
      if (u > 2 && !hint) hint = codeHint(text, le, u);
    }
    const code = ((hint && (quotedCode(text, p, ls, le, 0x22) || quotedCode(text, p, ls, le, 0x27) || statementLine(text, p, ls, le))) || commandLine(text, p, ls, le)) && !proseOutsideStrings(text, p, ls, le);
    if (code) (res ??= []).push(ls, le);
    q = le < n ? nextCodeSign(text, le + 1, at) : -1;
  }
  return res;
}

/**
 * Whether the line [ls, le) holds an Arabic-script letter outside its strings (' or " pairs, a backslash escaping the
 * next unit inside one) and before its first statement's ; or its comment (a # or // after a space; what follows a
 * statement is read as before, x = "سلام"; میخواهم stays code): a Persian sentence that names a call (دستور
 * print('سلام') را اجرا کنید ، سپس …), not a line of code, whose Persian is in its strings and comments only. An unclosed
 * string runs to the line's end.
 */
function proseOutsideStrings(text: string, p: Uint8Array, ls: number, le: number): boolean {
  for (let i = ls; i < le; i++) {
    const c = text.charCodeAt(i);
    if (p[i] === 1) continue;
    if (c === 0x22 || c === 0x27) {
      i = closingQuote(text, i, le);
      if (i < 0) return false;
    } else if (c === 0x3b || ((c === 0x23 || (c === 0x2f && i + 1 < le && text.charCodeAt(i + 1) === 0x2f)) && i > ls && isHSpace(text.charCodeAt(i - 1)))) return false;
    else if (FLAGS[c]! & F_ALETTER) return true;
  }
  return false;
}

/** LINE_UNIT: 2 for a line break (as QUOTE_OR_BREAK), 3 for =, 4 for ( and : (what every sign of code in codeLines needs) */
const LINE_UNIT = new Uint8Array(65536);
forEachRelevantUnit((c) => {
  if (isLineBreak(c)) LINE_UNIT[c] = 2;
});
LINE_UNIT[0x3d] = 3;
LINE_UNIT[0x28] = 4;
LINE_UNIT[0x3a] = 4;

/**
 * For the = ( or : at i (LINE_UNIT u): an = is a sign; a ( or : is one after an ASCII name or a quote, " or ' (spaces
 * between: a key in single quotes, {'name': 'علی'}, as quotedCode reads one)
 */
function codeHint(text: string, i: number, u: number): boolean {
  if (u === 3) return true;
  let b = i - 1;
  while (b >= 0 && isHSpace(text.charCodeAt(b))) b--;
  if (b < 0) return false;
  const pc = text.charCodeAt(b);
  return isIdent(pc) || pc === 0x22 || pc === 0x27;
}

/** Whether an object literal's key, an ASCII identifier after a { or a , (spaces between), ends at the colon `b` ({ name: 'علی' }). */
function objectKeyEnds(text: string, ls: number, b: number): boolean {
  let k = b - 1;
  while (k >= ls && isHSpace(text.charCodeAt(k))) k--;
  const e = k;
  while (k >= ls && isIdent(text.charCodeAt(k))) k--;
  if (k === e) return false;
  while (k >= ls && isHSpace(text.charCodeAt(k))) k--;
  return k >= ls && (text.charCodeAt(k) === 0x7b || text.charCodeAt(k) === 0x2c);
}

/** a Python string prefix letter (f"…", r'…', b"…", u'…') */
const isStringPrefix = (c: number): boolean => (c | 0x20) === 0x66 || (c | 0x20) === 0x72 || (c | 0x20) === 0x62 || (c | 0x20) === 0x75;

/** Whether the line [ls, le) holds a string in the quote `qc` that reads as code (see codeLines). */
function quotedCode(text: string, p: Uint8Array, ls: number, le: number, qc: number): boolean {
  let open = -1; // the opening quote of the pair being read
  for (let i = ls; i < le; i++) {
    if (text.charCodeAt(i) !== qc || p[i] === 1) continue;
    if (open < 0) {
      open = i;
      let b = i - 1;
      // a Python prefix (f"…"): one or two letters glued to the quote, not the end of a longer word
      let pre = b;
      while (pre >= ls && i - pre <= 2 && isStringPrefix(text.charCodeAt(pre))) pre--;
      if (pre < b && (pre < ls || !isIdent(text.charCodeAt(pre)))) b = pre;
      // a string in a call's ( (f("..."))
      if (b > ls && text.charCodeAt(b) === 0x28 && isIdent(text.charCodeAt(b - 1))) return true;
      while (b >= ls && isHSpace(text.charCodeAt(b))) b--;
      const pc = b >= ls ? text.charCodeAt(b) : 0;
      // a YAML value: the key, an identifier, opens the line (after its indentation and a list's '- ') and its colon
      // comes right before the string (address: "خیابان ولیعصر، کوچه ۱۲")
      if (pc === 0x3a && b > ls && (yamlKeyEnds(text, ls, b) || objectKeyEnds(text, ls, b))) return true;
      // a string after = (x = "..."), also inside the brackets of a list or a call there (x = ['...'])
      while (b >= ls && (isHSpace(text.charCodeAt(b)) || text.charCodeAt(b) === 0x5b || text.charCodeAt(b) === 0x28 || text.charCodeAt(b) === 0x7b)) b--;
      if (b >= ls && text.charCodeAt(b) === 0x3d) return true;
      continue;
    }
    // a JSON key: an identifier in quotes, then a colon
    let ident = i > open + 1;
    for (let k = open + 1; k < i && ident; k++) {
      const d = text.charCodeAt(k);
      ident = isIdent(d) || d === 0x2d || d === 0x2e;
    }
    if (ident) {
      let a = i + 1;
      while (a < le && isHSpace(text.charCodeAt(a))) a++;
      if (a < le && text.charCodeAt(a) === 0x3a) return true;
    }
    open = -1;
  }
  return false;
}

/** the unit before a statement's end (a ; or a comment): a closing bracket, a quote or an ASCII word's last unit */
const endsCode = (c: number): boolean => c === 0x29 || c === 0x5d || c === 0x7d || c === 0x22 || c === 0x27 || (c !== 0x24 && isIdent(c));

/**
 * Whether the line [ls, le) is a statement of code: it ends (statementEnd) and holds a call (an ASCII name glued to its
 * '(') or an = before that end.
 */
function statementLine(text: string, p: Uint8Array, ls: number, le: number): boolean {
  const end = statementEnd(text, p, ls, le);
  for (let i = ls + 1; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x3d || (c === 0x28 && isIdent(text.charCodeAt(i - 1)))) return true;
  }
  return false;
}

/**
 * Whether the line [ls, le) is a command of a shell or a statement of SQL: it opens (after its indentation) with an
 * ASCII letter — the command or keyword: echo, printf, INSERT — holds a string in quotes, and ends in a ; (statementEnd)
 * — echo 'سلام'; and INSERT INTO t VALUES ('علی', 3); (no = and no call: the space before its ( makes none; they had
 * become 'سلام'؛ and ('علی'، ۳)؛). With no such ;, it is one when it opens with a command word of a closed list and holds
 * a flag, a string or a path (commandWordLine: git commit -m "…"), after a shell's prompt or not (promptedCommand:
 * $ echo "…"). A Persian sentence that opens with a Latin word keeps Persian outside its quotes and stays prose
 * (proseOutsideStrings, asked after this).
 */
function commandLine(text: string, p: Uint8Array, ls: number, le: number): boolean {
  let k = ls;
  while (k < le && isHSpace(text.charCodeAt(k))) k++;
  const c = text.charCodeAt(k);
  if (k >= le || !((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a))) return (c === 0x2e && commandWordLine(text, p, k, le)) || promptedCommand(text, p, k, le);
  const end = statementEnd(text, p, k, le);
  if (end < 0 || text.charCodeAt(end) !== 0x3b) return commandWordLine(text, p, k, le) || promptedCommand(text, p, k, le);
  for (let i = k; i < end; i++) {
    const d = text.charCodeAt(i);
    if ((d === 0x22 || d === 0x27) && p[i] !== 1) return true;
  }
  return commandWordLine(text, p, k, le) || promptedCommand(text, p, k, le);
}

/**
 * The command words a line of a shell opens with (a closed list: shells' own commands and file tools, package managers,
 * interpreters and compilers, version control, containers, databases' clients, this toolkit's CLI). English words that
 * often open an English sentence (make, go, find, set, test, time, open, run, watch, man, date, kill) are left out: a
 * line that opens with one of them is read as before.
 */
const COMMAND_WORDS = new Set(
  (
    'cd ls echo printf cat mkdir rmdir rm cp mv touch chmod chown ln grep egrep sed awk curl wget ssh scp rsync tar unzip ' +
    'zip gzip sudo export source alias unset pwd du df ps nano vim vi less head tail wc diff ping ' +
    'git svn hg npm npx yarn pnpm node deno bun tsc tsx vitest jest eslint prettier pip pip3 pipx python python3 py ' +
    'conda poetry uv ruby gem bundle rails php composer perl java javac mvn gradle cargo rustc rustup gcc g++ clang ' +
    'cmake dotnet docker podman kubectl helm terraform apt apt-get yum dnf pacman brew snap systemctl service psql mysql ' +
    'sqlite3 mongo mongosh redis-cli ffmpeg pandoc dabir'
  ).split(' '),
);
/** the longest command word (g++, redis-cli, systemctl) */
const COMMAND_WORD_MAX = 10;

/**
 * A shell's prompt, then a command line (commandWordLine): the prompt a run of at most PROMPT_MAX printable ASCII units
 * (no quote) that ends in '$', then a space — $ echo "سلام", and with the user, host and folder bash shows before it,
 * ~$ echo "سلام", ali@pc:~/proj$ git commit -m "…" (those had been read as prose: their quotes became « »).
 */
function promptedCommand(text: string, p: Uint8Array, k: number, le: number): boolean {
  const w = windowsPrompt(text, k, le);
  if (w > 0) return windowsCommand(text, p, w, le);
  let j = k;
  while (j < le && j - k < PROMPT_MAX) {
    const c = text.charCodeAt(j);
    if (c <= 0x20 || c >= 0x7f || c === 0x22 || c === 0x27) break;
    j++;
  }
  if (j === k || j >= le || text.charCodeAt(j - 1) !== 0x24 || !isHSpace(text.charCodeAt(j))) return false;
  const shell = shellPrompt(text, k, j - 1);
  k = j + 1;
  while (k < le && isHSpace(text.charCodeAt(k))) k++;
  return commandWordLine(text, p, k, le, shell);
}
/**
 * The prompt [k, d] (d its '$') is a shell's own: a bare $, or bash's with a ~, / , : or @ before it (~$, ali@pc:~/x$).
 * After one, a command word makes the line a command with no flag, string or path among its arguments ($ sudo apt
 * install vlc), as after a Windows prompt; after another word in $ (US$) the arguments must still say so.
 */
function shellPrompt(text: string, k: number, d: number): boolean {
  if (d === k) return true;
  for (let i = k; i < d; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x7e || c === 0x2f || c === 0x3a || c === 0x40) return true;
  }
  return false;
}
/** the longest prompt promptedCommand reads (user@host:folder$) */
const PROMPT_MAX = 64;

/**
 * Where the command after a Windows prompt at `k` starts, or -1: PowerShell's `PS C:\Users\ali> ` or cmd's
 * `C:\Users\ali>` — a drive letter, : and \ or /, then at most PROMPT_MAX printable ASCII units (no quote, no >)
 * up to a > and a space.
 */
function windowsPrompt(text: string, k: number, le: number): number {
  if (k + 2 < le && text.charCodeAt(k) === 0x50 && text.charCodeAt(k + 1) === 0x53 && text.charCodeAt(k + 2) === 0x20) k += 3;
  const d = text.charCodeAt(k) | 0x20;
  if (k + 3 >= le || d < 0x61 || d > 0x7a || text.charCodeAt(k + 1) !== 0x3a || (text.charCodeAt(k + 2) !== 0x5c && text.charCodeAt(k + 2) !== 0x2f)) return -1;
  for (let j = k + 3; j < le && j - k < PROMPT_MAX; j++) {
    const c = text.charCodeAt(j);
    if (c === 0x3e) return j + 1 < le && isHSpace(text.charCodeAt(j + 1)) ? j + 2 : -1;
    if (c < 0x20 || c >= 0x7f || c === 0x22 || c === 0x27) return -1;
  }
  return -1;
}

/**
 * After a Windows prompt the line is a command whatever its word (dir, Get-ChildItem, type: the prompt says so), when
 * that word is ASCII — a letter, then letters, digits, - or . — followed by a space or the line's end
 * (PS C:\Users\ali> dir "پوشه, 2" had been prose: « », ، and ۲)
 */
function windowsCommand(text: string, p: Uint8Array, k: number, le: number): boolean {
  while (k < le && isHSpace(text.charCodeAt(k))) k++;
  const c = text.charCodeAt(k) | 0x20;
  if (k >= le || c < 0x61 || c > 0x7a) return false;
  let w = k + 1;
  while (w < le && w - k <= PROMPT_MAX) {
    const d = text.charCodeAt(w);
    if (!((d >= 0x61 && d <= 0x7a) || (d >= 0x41 && d <= 0x5a) || (d >= 0x30 && d <= 0x39) || d === 0x2d || d === 0x2e)) break;
    w++;
  }
  return w >= le || isHSpace(text.charCodeAt(w)) || commandWordLine(text, p, k, le);
}

/**
 * The start of the command after the environment assignments that open a shell line (NODE_ENV=production node
 * app.js, LANG=C FOO="a b" sort …): a run of NAME=value, NAME an ASCII identifier and the value unquoted ASCII or
 * one closed quoted string, each followed by a space; `k` itself when the line opens with none.
 */
function afterAssignments(text: string, k: number, le: number): number {
  for (;;) {
    let j = k;
    const c = text.charCodeAt(j);
    if (!((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f)) return k;
    while (j < le && j - k <= PROMPT_MAX && isIdent(text.charCodeAt(j))) j++;
    if (j >= le || text.charCodeAt(j) !== 0x3d) return k;
    j++;
    if (j < le && (text.charCodeAt(j) === 0x22 || text.charCodeAt(j) === 0x27)) {
      j = closingQuote(text, j, le);
      if (j < 0) return k;
      j++;
    } else {
      while (j < le && j - k <= 4 * PROMPT_MAX) {
        const d = text.charCodeAt(j);
        if (d <= 0x20 || d >= 0x7f || d === 0x22 || d === 0x27) break;
        j++;
      }
    }
    if (j >= le || !isHSpace(text.charCodeAt(j))) return k;
    while (j < le && isHSpace(text.charCodeAt(j))) j++;
    k = j;
  }
}

/**
 * Whether the line from `k` (after its indentation) to `le` is a command of a shell with no ; at its end: it opens with
 * a command word (COMMAND_WORDS: git, echo, python, ...) followed by a space, and its arguments look like a command
 * line's: one at least is a flag (-m, --name), a quoted string or a protected span (a path, a URL), and every quote is
 * closed on the line (git commit -m "اصلاح باگ", python main.py --name "علی", $ echo "سلام": their quotes had become «
 * »). A Persian word outside the strings makes the line prose (proseOutsideStrings, asked after this: git یک ابزار است,
 * echo در کوه پیچید).
 */
function commandWordLine(text: string, p: Uint8Array, k: number, le: number, prompted = false): boolean {
  k = afterAssignments(text, k, le);
  let w = k;
  if (text.charCodeAt(k) === 0x2e) {
    // a script run by its path, ./run.sh or ../bin/x: the command word of a closed list is not needed
    if (!(text.startsWith('./', k) || text.startsWith('../', k))) return false;
    while (w < le && w - k <= PROMPT_MAX && text.charCodeAt(w) > 0x20 && text.charCodeAt(w) < 0x7f && text.charCodeAt(w) !== 0x22 && text.charCodeAt(w) !== 0x27) w++;
    if (w >= le || !isHSpace(text.charCodeAt(w))) return false;
  } else {
    while (w < le && w - k <= COMMAND_WORD_MAX) {
      const c = text.charCodeAt(w);
      if (!((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39 && w > k) || ((c === 0x2d || c === 0x2b) && w > k))) break;
      w++;
    }
    if (w === k || w >= le || !isHSpace(text.charCodeAt(w)) || !COMMAND_WORDS.has(text.slice(k, w))) return false;
  }
  // (after a shell's own prompt the command word is enough; every quote must still be closed)
  let arg = prompted;
  for (let i = w; i < le; i++) {
    const c = text.charCodeAt(i);
    if (p[i] === 1) {
      // a protected span that is more than a Latin word (a path, a URL)
      if (!arg && !isIdent(c)) arg = true;
      continue;
    }
    if (c === 0x22 || c === 0x27) {
      i = closingQuote(text, i, le);
      if (i < 0) return false;
      arg = true;
    } else if (c === 0x2d && isHSpace(text.charCodeAt(i - 1)) && i + 1 < le && (isIdent(text.charCodeAt(i + 1)) || text.charCodeAt(i + 1) === 0x2d)) arg = true;
  }
  return arg;
}

/**
 * The index of the quote that closes the string opened by the quote at `i` (' or "; a backslash escapes the next unit
 * inside), or -1 when the line, which ends at `le`, leaves it open (proseOutsideStrings, commandWordLine).
 */
function closingQuote(text: string, i: number, le: number): number {
  const q = text.charCodeAt(i);
  for (let j = i + 1; j < le; j++) {
    const c = text.charCodeAt(j);
    if (c === 0x5c) j++;
    else if (c === q) return j;
  }
  return -1;
}

/**
 * Where the statement on the line [ls, le) ends, or -1: at a // or # comment after a space, or at an unprotected ;
 * followed by nothing but spaces up to the line's end or a // comment, after a ) ] } quote or ASCII word (spaces between).
 */
function statementEnd(text: string, p: Uint8Array, ls: number, le: number): number {
  let end = -1;
  for (let i = ls; i < le && end < 0; i++) {
    const c = text.charCodeAt(i);
    if (p[i] === 1) continue;
    if (c === 0x3b) {
      let a = i + 1;
      while (a < le && isHSpace(text.charCodeAt(a))) a++;
      if (!(a === le || (a + 1 < le && text.charCodeAt(a) === 0x2f && text.charCodeAt(a + 1) === 0x2f))) continue;
    } else if (!((c === 0x23 || (c === 0x2f && i + 1 < le && text.charCodeAt(i + 1) === 0x2f)) && i > ls && isHSpace(text.charCodeAt(i - 1)))) continue;
    let b = i - 1;
    while (b >= ls && isHSpace(text.charCodeAt(b))) b--;
    if (b >= ls && endsCode(text.charCodeAt(b))) end = i;
  }
  return end;
}

/**
 * Straight double quotes to « » : per line, the unprotected " are paired in order, only when their number is even; a
 * pair is converted when it is a proper pair (opening quote not after a word, closing not before one, a space just
 * inside on both sides or on neither) around text whose first letter is Arabic-script. Returns [position, 1 = « / 0 = », ...] sorted.
 */
function pairQuotes(text: string, p: Uint8Array): number[] {
  const n = text.length;
  const res: number[] = [];
  const qs: number[] = [];
  // only the lines that hold a " matter: the search jumps from one such line to the next (a pass over every unit cost
  // 4% of the normalizer's time on PerDT text, where a " is found every 70 lines)
  let q = text.indexOf('"');
  while (q >= 0) {
    // the line of q: [ls, i), where i is its line break (or n)
    let ls = q;
    while (ls > 0 && QUOTE_OR_BREAK[text.charCodeAt(ls - 1)] !== 2) ls--;
    let i = q;
    for (; i < n; i++) {
      const b = QUOTE_OR_BREAK[text.charCodeAt(i)]!;
      if (b === 2) break;
      if (b === 1 && p[i] === 0) qs.push(i);
    }
    if (qs.length >= 2 && qs.length % 2 === 0) {
      for (let k = 0; k < qs.length; k += 2) {
        const o = qs[k]!;
        const e = qs[k + 1]!;
        if (e - o < 2) continue;
        // a quote next to another straight quote (a Python docstring in """, an empty string "") is no quotation mark
        if ((o > ls && text.charCodeAt(o - 1) === 0x22) || (e + 1 < i && text.charCodeAt(e + 1) === 0x22)) continue;
        if (o > ls && isWordUnit(text, o - 1)) continue;
        if (e + 1 < i && isWordUnit(text, e + 1)) continue;
        // spaces just inside: both sides or neither (" سلام " is a pair typed with spaces; "سلام " is no sure pair)
        if (isHSpace(text.charCodeAt(o + 1)) !== isHSpace(text.charCodeAt(e - 1))) continue;
        let arabic = false;
        for (let j = o + 1; j < e; j++) {
          const f = FLAGS[text.charCodeAt(j)]!;
          if (f & F_ALETTER) {
            arabic = true;
            break;
          }
          if (f & F_LLETTER) break;
        }
        if (arabic) res.push(o, 1, e, 0);
      }
    }
    qs.length = 0;
    q = i < n ? text.indexOf('"', i + 1) : -1;
  }
  return res;
}

/** a space, a tab or a line break: what stands on each side of a blank of dots */
function isBlankEdge(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0xa0 || c === 0x202f;
}
