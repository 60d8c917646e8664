/**
 * Spacing step: collapse spaces, spacing around punctuation and brackets, between digits and letters, and removal of
 * meaningless ZWNJs.
 *
 * Works line by line (line breaks are never touched, so the output has exactly the lines of the input) in one pass
 * over the char codes. A "gap" is a maximal run of unprotected horizontal spaces (and ZWNJs under halfSpace:'fix');
 * each gap becomes at most one edit, and a missing space between two units becomes one insertion.
 *
 * Conservative by design:
 * - spacing rules run only on lines that hold an unprotected Arabic-script unit; other lines (English, code, tables)
 *   pass through byte-identical, except for meaningless ZWNJs; so do the lines of code that hold Persian strings or
 *   comments (codeLines in characters.ts: x = 'سلام';  // توضیح);
 * - leading indentation is kept, and a run of spaces that holds a tab is kept (it may align or separate columns), at a
 *   line's end and before a mark too;
 * - a single NBSP/thin space between words is kept (the half-space step may still join the words across it, as across
 *   a plain space: می\u00a0خواهم → می‌خواهم); runs of two or more spaces become one ASCII space;
 * - rules about punctuation need Persian context on the relevant side, so Latin fragments keep their own spacing;
 * - nothing is inserted inside numbers (3.14, 1,000, 12:30, 1402/05/12): only letters trigger a space after a mark;
 * - `.` after a single letter (ه.ق.) or before a single letter that is followed by a dot is an abbreviation dot;
 * - a vowel sign standing alone after a space is glued to the letter before it (کتاب ِ من → کتابِ من), unless
 *   diacritics are removed;
 * - `:` and `;` keep a space before them unless a space follows them, so emoticons like `:)` survive;
 * - digits + ordinal suffix (۲۰ام، ۱۲م، ۳مین، ۳امین) stay glued;
 * - spaces are never removed next to a protected span (a mark glued to a URL could become part of it).
 *
 * ZWNJ cleanup (halfSpace:'fix', kind 'half-space', on every line): a ZWNJ next to a space or a line edge goes (a
 * space+ZWNJ run becomes its spaces); between two units it goes when it cannot show (after a non-joining letter, or
 * next to a digit, punctuation or Latin with Arabic script on the other side), and a doubled one is reduced to one.
 * It is left when it touches a protected span, when neither side is Arabic script, or next to ZWJ, bidi controls or
 * surrogates (emoji sequences): removing it there would glue units and could change what they are.
 */
import type { Edit, StepText } from '../aligned.js';
import {
  digitOrdinalEnd,
  isAnyDigit,
  isArabicIndicDigit,
  isArabicLetter,
  isArabicMark,
  isFormatControl,
  isHSpace,
  isLatinLetter,
  isLineBreak,
  isNonJoiner,
  isPersianDigit,
  isPresentationForm,
  KASHIDA,
  ZWJ,
  ZWNJ, forEachRelevantUnit } from '../chars.js';
import { codeLines, inCode, isPresentationMark, mayHoldCode, pushEdit } from './characters.js';
import type { ResolvedOptions } from './options.js';

const S_H = 1; // horizontal space
const S_Z = 2; // ZWNJ
const S_BR = 4; // line break
const S_AL = 8; // Arabic-script letter (incl. presentation forms)
const S_LL = 16; // Latin letter
const S_DIG = 32; // any digit
const S_CLOSE = 64; // . ، ؛ : ! ؟ ? ) » ] } ” , ;  (no space before, a space after)
const S_OPEN = 128; // ( « [ { “  (no space after, a space before)
const S_MARK = 256; // Arabic combining mark
const S_AS = 512; // Arabic-script unit: makes a line Persian
const S_ODD = 1024; // ZWJ, format controls, variation selectors, surrogates: a ZWNJ next to them is left alone
const S_NJ = 2048; // non-joining letter
const S_KASH = 4096; // kashida
const S_PCLOSE = 8192; // ، ؛ ؟ ) ] } » ”: may be followed by a space before a Latin word too
const S_BRCLOSE = 16384; // ) ] } » ”: may end a Persian word before another closing mark
const S_ADIG = 32768; // Persian or Arabic-Indic digit

const CLS = new Uint16Array(65536);
forEachRelevantUnit((c) => {
  let f = 0;
  if (isHSpace(c)) f |= S_H;
  if (isLineBreak(c)) f |= S_BR;
  if (isArabicLetter(c) || (isPresentationForm(c) && !isPresentationMark(c))) f |= S_AL;
  if (isPresentationMark(c)) f |= S_MARK;
  if (isLatinLetter(c)) f |= S_LL;
  if (isAnyDigit(c)) f |= S_DIG;
  if (isPersianDigit(c) || isArabicIndicDigit(c)) f |= S_ADIG;
  if (isArabicMark(c)) f |= S_MARK;
  if (isNonJoiner(c)) f |= S_NJ;
  if ((c >= 0x0600 && c <= 0x06ff) || (c >= 0x0750 && c <= 0x077f) || (c >= 0x08a0 && c <= 0x08ff) || isPresentationForm(c)) {
    f |= S_AS;
  }
  if (c === ZWJ || isFormatControl(c) || (c >= 0xfe00 && c <= 0xfe0f) || (c >= 0xd800 && c <= 0xdfff)) f |= S_ODD;
  CLS[c] = f;
});
CLS[ZWNJ] = S_Z;
CLS[KASHIDA] = S_KASH | S_AS;
for (const ch of '.،؛:!؟?)»]}”,;') CLS[ch.charCodeAt(0)] |= S_CLOSE;
for (const ch of '،؛؟)»]}”') CLS[ch.charCodeAt(0)] |= S_PCLOSE;
for (const ch of ')»]}”') CLS[ch.charCodeAt(0)] |= S_BRCLOSE;
for (const ch of '(«[{“') CLS[ch.charCodeAt(0)] |= S_OPEN;

const OTHER_BREAKS = /[\r\u000b\u000c\u0085\u2028\u2029]/;

const NONE = 0;
const ARABIC = 1;
const LATIN = 2;
const LETTER = S_AL | S_LL;

/**
 * Asked about a ZWNJ that cannot show (after a non-joining letter) between the only two parts of a word,
 * `text.slice(a0, a1)` and `text.slice(b0, b1)`: true when the writer meant a space (قرار‌بود, و‌مردم: keyboards put the
 * ZWNJ next to the space bar), false to glue the parts (کشور‌ها, امضا‌کننده). See invisibleZwnjSpace (halfspace.ts).
 * `visible`: the ZWNJ shows (after a joining letter, خراب‌بود), and only a narrower test applies.
 */
export type ZwnjSpaceTest = (text: string, a0: number, a1: number, b0: number, b1: number, visible?: boolean) => boolean;
/** the longest part the ZwnjSpaceTest is asked about (a word's length) */
const ZWNJ_PART_MAX = 40;

export function spacingEdits(a: StepText, o: ResolvedOptions, zwnjSpace?: ZwnjSpaceTest): Edit[] {
  const sp = o.spacing === 'fix';
  const hs = o.halfSpace === 'fix';
  const out: Edit[] = [];
  if (!sp && !hs) return out;
  const text = a.text;
  const p = a.protect;
  const n = text.length;
  const gapMask = S_H | (hs ? S_Z : 0);

  // when "\n" is the only kind of line break, line ends are found with indexOf
  const onlyLf = !OTHER_BREAKS.test(text);
  // the lines of code (codeLines: a string after =, a call, a statement's ;): their spaces are the code's (aligned
  // comments, { y = 1; }), left as written; their meaningless ZWNJs still go
  const code = sp && mayHoldCode(text) ? codeLines(text, p) : null;
  const cq = { at: 0 };
  const glueMarks = o.diacritics !== 'remove';
  let ls = 0;
  for (;;) {
    let le = ls;
    let persian = false;
    while (le < n) {
      const f = CLS[text.charCodeAt(le)]!;
      if (f & S_BR) break;
      if (f & S_AS && p[le] === 0) {
        persian = true;
        if (onlyLf) {
          le = text.indexOf('\n', le);
          if (le < 0) le = n;
        } else while (le < n && (CLS[text.charCodeAt(le)]! & S_BR) === 0) le++;
        break;
      }
      le++;
    }
    if (le > ls) line(text, p, out, ls, le, sp && persian && (code === null || !inCode(code, cq, ls)), hs, gapMask, hs ? zwnjSpace : undefined, glueMarks);
    if (le >= n) break;
    ls = le + 1;
  }
  return out;
}

/**
 * One line [ls, le). (This and the functions below are module-level functions rather than closures inside
 * spacingEdits: a closure is a new function on every call, and V8 throws away optimized code that called the previous
 * one.)
 */
function line(text: string, p: Uint8Array, out: Edit[], ls: number, le: number, on: boolean, hs: boolean, gapMask: number, zwnjSpace: ZwnjSpaceTest | undefined, glueMarks: boolean): void {
  let i = ls;
  while (i < le && CLS[text.charCodeAt(i)]! & gapMask && p[i] === 0) i++;
  // leading indentation is kept; a ZWNJ in it (or at the start of the first word) means nothing
  if (hs && i > ls) {
    for (let k = ls; k < i; k++) if (text.charCodeAt(k) === ZWNJ) pushEdit(out, k, k + 1, '', 'half-space');
  }
  if (i >= le) return;

  let lastL = NONE; // nearest letter on the left (up to the current unit)
  let base = -1; // nearest non-mark unit on the left in this word, for the joining test
  let pred = -1; // code of the output unit just before the current one, -1 at line start
  let predLetter = false; // `pred` is a letter
  let pred2Letter = false; // the output unit before `pred` is a letter adjacent to it

  let c = text.charCodeAt(i);
  let f = CLS[c]!;
  for (;;) {
    if (f & S_AL) lastL = ARABIC;
    else if (f & S_LL) lastL = LATIN;
    if ((f & S_MARK) === 0) base = c;
    const k = i + 1;
    if (k >= le) return;
    const d = text.charCodeAt(k);
    const g = CLS[d]!;

    if ((g & gapMask) === 0 || p[k] === 1) {
      // adjacent units: maybe a missing space
      if (
        on &&
        (f & S_CLOSE || g & S_OPEN || (f & S_DIG && g & S_AL) || (f & S_AL && g & S_DIG)) &&
        wantSpace(text, p, i, k, pred, pred2Letter, lastL, le)
      ) {
        pushEdit(out, k, k, ' ', 'spacing');
        pred2Letter = (f & LETTER) !== 0;
        predLetter = false;
        pred = 0x20;
      } else if (c !== 0x200d) {
        // (a ZWJ that shows a letter's joining form is no unit of its own here: ه‍.ق is the single letter ه + a dot)
        pred2Letter = predLetter;
        predLetter = (f & LETTER) !== 0;
        pred = c;
      }
      i = k;
      c = d;
      f = g;
      continue;
    }

    // a gap [k, e)
    let e = k;
    let hCount = 0;
    let zCount = 0;
    let tab = false;
    while (e < le) {
      const x = text.charCodeAt(e);
      const gx = CLS[x]!;
      if ((gx & gapMask) === 0 || p[e] === 1) break;
      if (gx & S_Z) zCount++;
      else {
        hCount++;
        if (x === 0x09) tab = true;
      }
      e++;
    }
    const R = e < le ? e : -1;
    const cR = R >= 0 ? text.charCodeAt(R) : -1;
    const fR = R >= 0 ? CLS[cR]! : 0;
    // what stays between L and R in the output: -1 = nothing, else the code of the unit just before R
    let keep = 0x20;

    if (zCount > 0 && hCount === 0) {
      if (f & S_ODD || fR & S_ODD || (R >= 0 && (p[i] === 1 || p[R] === 1 || ((f | fR) & S_AS) === 0))) {
        // next to ZWJ, bidi controls or emoji, or between a protected span and a unit, or between two units that
        // are not Arabic script: removing it would glue them and could change what they are (x‌www.a.com/…, <‌b>)
        keep = ZWNJ;
      } else if (R >= 0 && zwnjMeaningful(f, fR, c, base)) {
        // (a visible ZWNJ before a form of بودن, which starts with ب or نب, may be a typed space: خراب‌بود, spaceMeant)
        if (zwnjSpace !== undefined && f & S_AL && fR & S_AL && (cR === 0x0628 || (cR === 0x0646 && text.charCodeAt(R + 1) === 0x0628)) && spaceMeant(text, p, i, R, le, zwnjSpace, true)) pushEdit(out, k, e, ' ', 'half-space');
        else {
          if (e - k > 1) pushEdit(out, k + 1, e, '', 'half-space');
          keep = ZWNJ;
        }
      } else if (R >= 0 && on && wantSpace(text, p, i, R, pred, pred2Letter, lastL, le)) {
        pushEdit(out, k, e, ' ', 'half-space');
      } else if (R >= 0 && zwnjSpace !== undefined && f & S_NJ && fR & S_AL && spaceMeant(text, p, i, R, le, zwnjSpace)) {
        pushEdit(out, k, e, ' ', 'half-space');
      } else {
        pushEdit(out, k, e, '', 'half-space');
        keep = -1;
      }
    } else {
      let target: string | null = null; // null: the spaces stay as they are
      // (a gap that holds a tab is kept whole, at a line's end or before a mark too: it separates the columns of a
      // table pasted from a spreadsheet, «نام\tسن\tشهر\t» ends in an empty cell; removing it had merged or dropped cells)
      if (on && !tab) {
        if (R < 0 || noSpace(text, p, i, R, f, fR, cR, lastL, le, pred, glueMarks)) target = '';
        else if (hCount >= 2) target = ' ';
      }
      if (zCount > 0) {
        if (target === null) {
          target = '';
          for (let x = k; x < e; x++) if (text.charCodeAt(x) !== ZWNJ) target += text[x];
        }
        pushEdit(out, k, e, target, 'half-space');
      } else if (target !== null) pushEdit(out, k, e, target, 'spacing');
      if (target === '') keep = -1;
    }
    if (R < 0) return;
    if (keep === -1) {
      pred2Letter = predLetter;
      predLetter = (f & LETTER) !== 0;
      pred = c;
    } else {
      pred2Letter = (f & LETTER) !== 0;
      predLetter = false;
      pred = keep;
      base = -1;
    }
    i = R;
    c = cR;
    f = fR;
  }
}

/**
 * The invisible ZWNJ(s) between the letters at i and r: a word's only two parts (letters alone, no mark, no other ZWNJ,
 * nothing protected, each at most ZWNJ_PART_MAX long) that the test says the writer meant apart.
 */
function spaceMeant(text: string, p: Uint8Array, i: number, r: number, le: number, test: ZwnjSpaceTest, visible = false): boolean {
  let a0 = i;
  while (a0 > 0 && i - a0 < ZWNJ_PART_MAX && CLS[text.charCodeAt(a0 - 1)]! & S_AL && p[a0 - 1] === 0) a0--;
  if (i - a0 >= ZWNJ_PART_MAX || (a0 > 0 && !partEdge(text.charCodeAt(a0 - 1)) && !(visible && edgeZwnjs(text, a0 - 1, -1, le)))) return false;
  let b1 = r + 1;
  while (b1 < le && b1 - r < ZWNJ_PART_MAX && CLS[text.charCodeAt(b1)]! & S_AL && p[b1] === 0) b1++;
  if (b1 - r >= ZWNJ_PART_MAX || (b1 < le && !partEdge(text.charCodeAt(b1)) && !(visible && edgeZwnjs(text, b1, 1, le)))) return false;
  return test(text, a0, i + 1, r, b1, visible);
}
/**
 * The unit at k starts a run of ZWNJs (going in direction `dir`) that ends at a word's edge — the line's start or end, or
 * a unit partEdge accepts — so this step removes it (‌کتاب‌بود): for a visible ZWNJ, the parts are read as the next pass
 * reads them.
 */
function edgeZwnjs(text: string, k: number, dir: number, le: number): boolean {
  let j = k;
  while (j >= 0 && j < le && text.charCodeAt(j) === ZWNJ) j += dir;
  return j !== k && (j < 0 || j >= le || partEdge(text.charCodeAt(j)));
}
/** what may end a word's two parts for spaceMeant: anything but a letter, a mark, a ZWNJ, ZWJ or kashida */
function partEdge(c: number): boolean {
  return (CLS[c]! & (S_AL | S_MARK | S_KASH | S_Z | S_ODD)) === 0;
}

/** A ZWNJ between L and R shows: both are Arabic letters (or marks) and the letter before it joins to the left. */
function zwnjMeaningful(fL: number, fR: number, cL: number, base: number): boolean {
  const letterish = S_AL | S_MARK | S_KASH;
  if ((fL & letterish) === 0 || (fR & letterish) === 0) return false;
  const b = fL & S_MARK ? base : cL;
  if (b < 0) return false;
  const fb = CLS[b]!;
  return (fb & (S_AL | S_KASH)) !== 0 && (fb & S_NJ) === 0;
}

/** Should the space(s) between L and R go? (pred: the output unit just before L, -1 at line start) */
function noSpace(text: string, p: Uint8Array, L: number, R: number, fL: number, fR: number, cR: number, lastL: number, le: number, pred: number, glueMarks: boolean): boolean {
  const cL = text.charCodeAt(L);
  // ( UN ) in Persian text: a bracket opened after a Persian word around a Latin word or number (no URL: its : / @ are
  // not among the units looked at) takes no space inside
  if (cR === 0x29 && p[R] === 0 && fL & (S_LL | S_DIG) && openedAfterPersian(text, L)) return true;
  if (cL === 0x28 && p[L] === 0 && fR & (S_LL | S_DIG) && lastL === ARABIC && closesLatin(text, R, le)) return true;
  // (never glue a mark to a protected span: https://a.b/c ) must not become part of the URL)
  if (fR & S_CLOSE && p[R] === 0 && p[L] === 0) {
    // the word before: Arabic script, or a digit/closing bracket after Persian text (a ")" only when what it closes
    // does not end in a protected span: after a URL it may be the URL's own trailing parenthesis, and gluing to it
    // would let the URL grow)
    // (or the dot of an abbreviation before a Persian comma or semicolon: ۲۰۲۳ م. ، → ۲۰۲۳ م.،)
    const okL =
      (fL & (S_AL | S_MARK | S_ADIG)) !== 0 ||
      ((fL & (S_DIG | S_BRCLOSE)) !== 0 && (cL !== 0x29 || !afterProtected(text, p, L)) && lastL === ARABIC) ||
      (cL === 0x2e && (cR === 0x060c || cR === 0x061b) && pred > 0 && (CLS[pred]! & S_AL) !== 0) ||
      // (or a mark that ends a Persian sentence or clause before a closing quote or bracket: «سلام. » → «سلام.»)
      ((fR & S_BRCLOSE) !== 0 && ((fL & (S_CLOSE | S_BRCLOSE)) === S_CLOSE || cL === 0x2026) && cL !== 0x3a && cL !== 0x3b && lastL === ARABIC);
    if (!okL) return false;
    // (a » that closes no « — a breadcrumb's or a forum header's separator, خانه » اخبار, مریم » ۱۲ خرداد — keeps its space)
    if (cR === 0xbb && !guillemetOpen(text, L)) return false;
    const nx = R + 1 < le ? text.charCodeAt(R + 1) : -1;
    const fx = nx >= 0 ? CLS[nx]! : S_H;
    if (cR === 0x2e) return (fx & (S_H | S_Z)) !== 0 || ((fx & S_CLOSE) !== 0 && nx !== 0x2e);
    if (cR === 0x3a || cR === 0x3b) return (fx & (S_H | S_Z)) !== 0;
    return true;
  }
  if (fL & S_OPEN && p[L] === 0 && p[R] === 0 && fR & (S_AL | S_MARK | S_ADIG)) return true;
  // a vowel sign cut off from its letter by a space, standing alone (OCR, a typist's slip: کتاب ِ من, بزرگ َ این): a
  // combining mark after a space shows on nothing, it belongs to the letter before (کتابِ من); not when diacritics are
  // removed: glued, the mark would go on a second pass (not idempotent), and a mark alone is kept as written
  if (glueMarks && fR & S_MARK && fL & S_AL && p[L] === 0 && p[R] === 0 && loneMarks(text, p, R, le)) return true;
  return false;
}

/**
 * Whether the run of Arabic marks from R stands alone: a space, a line's end or a closing mark after it — past ZWNJs
 * (after or between the marks),
 * which a later step drops there (دکتر َ‌ : glued only once the ZWNJ was gone, on a second pass) — or an unprotected
 * opening bracket, before which this step puts a space after a mark (wantSpace: ب َ{ became ب َ {, glued only on a
 * second pass).
 */
function loneMarks(text: string, p: Uint8Array, R: number, le: number): boolean {
  let j = R;
  // (ZWNJs between the marks too: ا َ‌ّ, whose ZWNJ goes, was glued only on a second pass — found by the steps property
  // test at other seeds)
  while (j < le && CLS[text.charCodeAt(j)]! & (S_MARK | S_Z) && p[j] === 0) j++;
  if (j >= le) return true;
  const g = CLS[text.charCodeAt(j)]!;
  return (g & (S_H | S_CLOSE)) !== 0 || ((g & S_OPEN) !== 0 && p[j] === 0);
}

/** how far back a « is looked for before a » (bounded: the scan stays linear) */
const QUOTE_BACK = 1000;

/**
 * Whether a « is open at L: the nearest guillemet at or before L on its line, within QUOTE_BACK units, is «. (A » first
 * means the quote, if any, is closed: nested quotes with a space before the outer » are left as they are.)
 */
function guillemetOpen(text: string, L: number): boolean {
  for (let q = L; q >= 0 && L - q <= QUOTE_BACK; q--) {
    const c = text.charCodeAt(q);
    if (c === 0xab) return true;
    if (c === 0xbb || (CLS[c]! & S_BR) !== 0) return false;
  }
  return false;
}

/** the longest bracketed Latin aside the two rules below look at (bounded: the scans stay linear) */
const LATIN_ASIDE = 64;
/** a unit of a Latin aside: a Latin letter, a digit, a space or . - , ' (not : / @, so no URL or address) */
const asideUnit = (c: number): boolean => (CLS[c]! & (S_LL | S_DIG | S_H)) !== 0 || c === 0x2e || c === 0x2d || c === 0x2c || c === 0x27;

/**
 * Whether the ( that L (a Latin letter or digit) stands in was opened right after a Persian word: back from L to a (
 * over asideUnits only, within LATIN_ASIDE units, and an Arabic-script letter before it (spaces skipped).
 */
function openedAfterPersian(text: string, L: number): boolean {
  for (let q = L; q >= 0 && L - q <= LATIN_ASIDE; q--) {
    const c = text.charCodeAt(q);
    if (c === 0x28) {
      let b = q - 1;
      while (b >= 0 && (CLS[text.charCodeAt(b)]! & S_H) !== 0) b--;
      return b >= 0 && (CLS[text.charCodeAt(b)]! & S_AL) !== 0;
    }
    if (!asideUnit(c)) return false;
  }
  return false;
}

/** Whether the Latin aside that starts at R closes with a ) within LATIN_ASIDE units on its line (the same units). */
function closesLatin(text: string, R: number, le: number): boolean {
  for (let q = R; q < le && q - R <= LATIN_ASIDE; q++) {
    const c = text.charCodeAt(q);
    if (c === 0x29) return true;
    if (!asideUnit(c)) return false;
  }
  return false;
}

/** Whether the unit before L, spaces skipped, is protected (a URL, code, markup) or there is none. */
function afterProtected(text: string, p: Uint8Array, L: number): boolean {
  let q = L - 1;
  while (q >= 0 && (text.charCodeAt(q) === 0x20 || text.charCodeAt(q) === 0xa0)) q--;
  return q < 0 || p[q] === 1;
}

/** a digit at `k`, or after ZWNJs there (a ZWNJ between digits is dropped from the output) */
function digitAfter(text: string, k: number, le: number): boolean {
  while (k < le && text.charCodeAt(k) === 0x200c) k++;
  return k < le && (CLS[text.charCodeAt(k)]! & S_DIG) !== 0;
}

/** Is a space missing between L and R, which will be adjacent in the output? */
function wantSpace(text: string, p: Uint8Array, L: number, R: number, pred: number, pred2Letter: boolean, lastL: number, le: number): boolean {
  const cL = text.charCodeAt(L);
  const cR = text.charCodeAt(R);
  const fL = CLS[cL]!;
  const fR = CLS[cR]!;
  if (fL & S_CLOSE) {
    // a mark stuck to the word before it, followed by a letter: گفت:امروز → گفت: امروز
    if (p[L] === 1 || pred < 0 || CLS[pred]! & (S_H | S_Z)) return false;
    // or by a number, a Persian word before the mark (SMS and forms: بیا.۱۰ تومن بیار, قیمت:۱۲۰۰۰, کجایی؟۱۰ بار;
    // they stayed glued): a space after it as before a letter. Not a bracket's (a label, (الف)۱), nor a number's own
    // separator (۳.۱۴, ۱۲:۳۰: a digit before the mark), nor a colon or semicolon before one digit alone (مرسی:3, an
    // emoticon; a ZWNJ between two digits, which the output drops, is looked past: ا:۰‌1 had stayed glued and became
    // ا:۰۱, spaced the next time)
    const number = (fR & S_DIG) !== 0 && p[R] === 0 && (CLS[pred]! & S_AL) !== 0 && (fL & S_BRCLOSE) === 0 && !((cL === 0x3a || cL === 0x3b) && !digitAfter(text, R + 1, le));
    if (cL === 0x2e) {
      if (((fR & S_AL) === 0 && !number) || pred === 0x2e || pred === 0x2026) return false;
      if (CLS[pred]! & LETTER && !pred2Letter) return false; // ه.ق : a single letter before the dot
      if (R + 1 < le && text.charCodeAt(R + 1) === 0x2e) return false; // a single letter after, then a dot
      return true;
    }
    if (fR & S_AL || cR === 0xab || number) return true;
    if (fL & S_PCLOSE && fR & S_LL) return (fL & S_BRCLOSE) === 0 || lastL === ARABIC;
    return false;
  }
  if (fR & S_OPEN) return p[R] === 0 && (fL & (S_AL | S_MARK)) !== 0 && lastL === ARABIC;
  if (fL & S_DIG) return p[L] === 0 && (fR & S_AL) !== 0 && !ordinal(text, R, le);
  if (fL & S_AL) return p[R] === 0 && (fR & S_DIG) !== 0;
  return false;
}

/**
 * ام، م، مین، امین after a number (۲۰ام), a vowel sign on its letters or not (۳اُم, ۲۱اُمین: a space had split ۳ اُم):
 * chars.ts digitOrdinalEnd's rules, which the tokenizer, findNumbers and the tagger share (a bare م after a year is
 * its era, split as ۱۴۰۳ش is: ۲۰۲۴ م); a ZWNJ after the suffix ends it (۲۰امین‌سالگرد is left glued)
 */
function ordinal(text: string, R: number, le: number): boolean {
  return digitOrdinalEnd(text, R, le, true) >= 0;
}
