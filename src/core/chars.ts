/** Code-point classes for Persian text. Pure tables, no I/O. */

export const ZWNJ = 0x200c;
export const ZWJ = 0x200d;
export const KASHIDA = 0x0640;
export const ZWNJ_CHAR = '\u200c';
/** no word is longer (UTF-16 units): a longer run of letters is text without spaces, which the word-level analyses
 * (lemmas, spelling) leave as written */
export const MAX_WORD = 64;

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** a string with a letter or digit of any script: a word, not only punctuation, symbols or emoji (the parser's leaf
 * words, the phrase chunker's members and the search terms share this test) */
export function hasLetterOrDigit(s: string): boolean {
  return LETTER_OR_DIGIT.test(s);
}

const LETTER = /\p{L}/u;
/** a string with a letter of any script (a hashtag's word, a keyword, a lemma worth keeping: not digits or signs alone) */
export function hasLetter(s: string): boolean {
  return LETTER.test(s);
}

/** Arabic-script letters (base block, supplement, extended-A), excluding digits, punctuation and marks. */
export function isArabicLetter(c: number): boolean {
  return (
    (c >= 0x0621 && c <= 0x063a) ||
    (c >= 0x0641 && c <= 0x064a) ||
    (c >= 0x066e && c <= 0x066f) ||
    (c >= 0x0671 && c <= 0x06d3) ||
    c === 0x06d5 ||
    (c >= 0x06ee && c <= 0x06ef) ||
    (c >= 0x06fa && c <= 0x06fc) ||
    c === 0x06ff ||
    (c >= 0x0750 && c <= 0x077f) ||
    (c >= 0x08a0 && c <= 0x08c9)
  );
}

/** Arabic presentation forms (they are normalized to base letters). */
export function isPresentationForm(c: number): boolean {
  return (c >= 0xfb50 && c <= 0xfdff) || (c >= 0xfe70 && c <= 0xfefc);
}

/** Combining marks of Arabic script (harakat, tanwin, shadda, sukun, superscript alef, Quranic marks). */
export function isArabicMark(c: number): boolean {
  return (
    (c >= 0x064b && c <= 0x065f) ||
    c === 0x0670 ||
    (c >= 0x0610 && c <= 0x061a) ||
    (c >= 0x06d6 && c <= 0x06dc) ||
    (c >= 0x06df && c <= 0x06e4) ||
    (c >= 0x06e7 && c <= 0x06e8) ||
    (c >= 0x06ea && c <= 0x06ed) ||
    (c >= 0x08ca && c <= 0x08ff)
  );
}

const NON_JOINING = new Set<number>([
  0x0621, 0x0622, 0x0623, 0x0624, 0x0625, 0x0627, 0x0629, 0x062f, 0x0630, 0x0631, 0x0632, 0x0648, 0x0671,
  0x0672, 0x0673, 0x0675, 0x0676, 0x0677, 0x0698, 0x06c0, 0x06c3, 0x06c4, 0x06c5, 0x06c6, 0x06c7, 0x06c8,
  0x06c9, 0x06ca, 0x06cb, 0x06cd, 0x06cf, 0x06d2, 0x06d3, 0x06d5, 0x06ee, 0x06ef,
]);
for (let c = 0x0688; c <= 0x0699; c++) NON_JOINING.add(c);

/**
 * True when the letter does not join the following letter (ا د ذ ر ز ژ و ۀ ء ...): a ZWNJ after it changes nothing
 * on screen. Hamza (ء) joins neither side.
 */
export function isNonJoiner(c: number): boolean {
  return NON_JOINING.has(c);
}

/** A letter that connects to the next letter, so a ZWNJ after it is visible. */
export function isJoiner(c: number): boolean {
  return isArabicLetter(c) && !NON_JOINING.has(c);
}

export function isPersianDigit(c: number): boolean {
  return c >= 0x06f0 && c <= 0x06f9;
}
export function isArabicIndicDigit(c: number): boolean {
  return c >= 0x0660 && c <= 0x0669;
}
export function isAsciiDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}
export function isAnyDigit(c: number): boolean {
  return isAsciiDigit(c) || isPersianDigit(c) || isArabicIndicDigit(c);
}
/** Value 0-9 of a digit in any of the three systems, or -1. */
export function digitValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x06f0 && c <= 0x06f9) return c - 0x06f0;
  if (c >= 0x0660 && c <= 0x0669) return c - 0x0660;
  return -1;
}

/**
 * The look-up key of a word: Persian letters (ي ى → ی, ك → ک), no kashida or Arabic marks (U+064B–065F, U+0670), and no
 * ZWNJ when `dropZwnj`. Stopwords, number words and month names are found by it.
 */
export function letterKey(s: string, dropZwnj: boolean): string {
  // the runs that need no change are copied whole (`s` itself when nothing changes): a string built a character at a
  // time is a rope of one node per character, hundreds of MB for a word of millions (findNumbers on text without a space)
  const parts: string[] = [];
  let from = 0; // s[from, i) is still to copy
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let r: string;
    if (c === 0x064a || c === 0x0649) r = 'ی';
    else if (c === 0x0643) r = 'ک';
    else if ((dropZwnj && c === 0x200c) || c === 0x0640 || (c >= 0x064b && c <= 0x065f) || c === 0x0670) r = '';
    else continue;
    if (from < i) parts.push(s.slice(from, i));
    if (r) parts.push(r);
    from = i + 1;
  }
  if (from === 0) return s;
  if (from < s.length) parts.push(s.slice(from));
  return parts.join('');
}

const PERSIAN_DIGITS = '۰۱۲۳۴۵۶۷۸۹';
/** The ASCII digits of `s` written as Persian digits (۰–۹); everything else unchanged. */
export function toPersianDigits(s: string): string {
  return s.replace(/[0-9]/g, (c) => PERSIAN_DIGITS[c.charCodeAt(0) - 48]!);
}

/** A superscript or subscript digit (² ³ ¹ ⁰-⁹ ₀-₉: CO₂, m², 10⁸). */
export function isScriptDigit(c: number): boolean {
  return c === 0xb2 || c === 0xb3 || c === 0xb9 || c === 0x2070 || (c >= 0x2074 && c <= 0x2079) || (c >= 0x2080 && c <= 0x2089);
}

/** A vulgar fraction (¼ ½ ¾ ⅐-⅞). */
export function isVulgarFraction(c: number): boolean {
  return (c >= 0xbc && c <= 0xbe) || (c >= 0x2150 && c <= 0x215e);
}

/** A Greek letter (α, Δ, Ω: a symbol of science, ΔG, β-کاروتن). */
export function isGreekLetter(c: number): boolean {
  return (c >= 0x0391 && c <= 0x03a9 && c !== 0x03a2) || (c >= 0x03b1 && c <= 0x03c9);
}

/** A–Z */
export function isAsciiCapital(c: number): boolean {
  return c >= 0x41 && c <= 0x5a;
}

export function isLatinLetter(c: number): boolean {
  return (
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x61 && c <= 0x7a) ||
    (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) ||
    (c >= 0x1e00 && c <= 0x1eff)
  );
}

/** Horizontal white space other than ZWNJ/ZWJ (space, tab, NBSP, thin and other Unicode spaces). */
export function isHSpace(c: number): boolean {
  return (
    c === 0x20 ||
    c === 0x09 ||
    c === 0xa0 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

export function isLineBreak(c: number): boolean {
  return c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029 || c === 0x0b || c === 0x0c || c === 0x85;
}

/** Bidi and other invisible format controls (LRM, RLM, ALM, embeddings, isolates, BOM, soft hyphen, zero-width space). */
export function isFormatControl(c: number): boolean {
  // (below U+200B only ALM and the soft hyphen: a letter is rejected in three comparisons, not eight)
  if (c < 0x200b) return c === 0x061c || c === 0x00ad;
  return (
    c === 0x200b ||
    c === 0x200e ||
    c === 0x200f ||
    c === 0x061c ||
    (c >= 0x202a && c <= 0x202e) ||
    (c >= 0x2066 && c <= 0x2069) ||
    c === 0xfeff ||
    c === 0x00ad
  );
}

/** The directional marks LRM, RLM and ALM (writers put them beside a date's separators: ۱۴۰۲‏/۰۵‏/۰۱). */
export function isBidiMark(c: number): boolean {
  return c === 0x200e || c === 0x200f || c === 0x061c;
}

/**
 * Whether a clause ends at `at` (spaces and ZWNJs after the word already skipped): the text's end, a line break, a
 * clause mark (. ! ? ؟ ، ؛ : … ) » ") or an emoji, which chat puts where a mark goes (خیلی خوبه😍). Where the formalizer,
 * and the spelling checker asking it, read chat's copula ه.
 */
export function clauseEndsAt(text: string, at: number): boolean {
  if (at >= text.length || CLAUSE_END_MARKS.includes(text[at]!)) return true;
  const c = text.codePointAt(at)!;
  return c >= 0x2190 && EMOJI.test(String.fromCodePoint(c));
}
const EMOJI = /^\p{Extended_Pictographic}$/u;
const CLAUSE_END_MARKS = '\n\r.!?؟،؛:…)»"';

/**
 * An invisible format control that a token's span leaves out at its edges (the tokenizer) and that `evaluate` removes
 * from forms as whitespace: isFormatControl but the soft hyphen (a BOM, LRM, RLM, ALM, embeddings, isolates, ZWSP).
 */
export function isEdgeControl(c: number): boolean {
  return isFormatControl(c) && c !== 0x00ad;
}

/**
 * The UTF-16 units outside which every predicate of this file (and the step tables built from them) is false: ASCII
 * to Arabic Extended-A, Latin Extended Additional, general punctuation and spaces, superscripts and subscripts, the
 * vulgar fractions of Number Forms, surrogates, presentation forms,
 * specials. Tables are built over these ranges only (a few thousand units instead of 65,536 keeps start-up fast);
 * a test checks that nothing outside them is missed.
 */
export const RELEVANT_RANGES: readonly (readonly [number, number])[] = [
  [0x0000, 0x0900],
  [0x1e00, 0x1f00],
  [0x2000, 0x2160],
  [0x3000, 0x3001],
  [0xd800, 0xe000],
  [0xfb50, 0xff00],
];

/** Calls `fn` for every unit of RELEVANT_RANGES, in order. */
export function forEachRelevantUnit(fn: (c: number) => void): void {
  for (const [a, b] of RELEVANT_RANGES) for (let c = a; c < b; c++) fn(c);
}

/**
 * A run of `len` times the letter `c` (ending at the word's end or not) is chat's stretching for emphasis (خیلیییی,
 * چرااا): three times or more; for ه four (three meet across a half-space: دهه‌ها, chat's مدرسه‌هه) and for ی four at
 * the end of a word (بی‌رحمی‌یی), three inside it (خیییلی).
 */
export function stretchedRun(c: number, len: number, atEnd: boolean): boolean {
  if (len < 3 || !isArabicLetter(c)) return false;
  if (c === 0x0647) return len >= 4;
  if (c === 0x06cc) return len >= 4 || !atEnd;
  return true;
}

/**
 * `w` is one run of one letter stretched (stretchedRun): ممممم, شششش, ههههه — a word `unstretch` leaves as written, or
 * a clitic typed long and split off its host (the ممممم of ممنونممممم)
 */
export function oneStretchedLetter(w: string): boolean {
  const c = w.charCodeAt(0);
  for (let i = 1; i < w.length; i++) if (w.charCodeAt(i) !== c) return false;
  return stretchedRun(c, w.length, true);
}

/** A letter stretched for emphasis (stretchedRun) in the word (چرااا, خیلیییی); digits (۲۰۰۰) are no stretch. */
export function hasStretch(w: string): boolean {
  for (let i = 0; i < w.length; ) {
    const c = w.charCodeAt(i);
    let j = i + 1;
    while (j < w.length && w.charCodeAt(j) === c) j++;
    if (j - i >= 3 && stretchedRun(c, j - i, j === w.length)) return true;
    i = j;
  }
  return false;
}

/**
 * The word with every stretch (stretchedRun) typed once: خیلیییی → خیلی, پوووول → پول; anything else unchanged. A word
 * that is one run of one letter (ببببب, ممممم, ههههه: laughter, a hum) is no stretched word and stays as written: typed
 * once it would be a letter that chat writes for a word (ب for به, م for من) and be read as that word.
 */
export function unstretch(w: string): string {
  if (!hasStretch(w)) return w;
  const u = unstretchRuns(w).text;
  return u.length === 1 ? w : u;
}

/**
 * The other readings of a stretched word (hasStretch) than `unstretch`'s: for each stretch in turn, the word with that
 * run typed twice and every other once (`text`), and where the run starts in `w` (`at`). A word with a doubled letter
 * stretched (ممممنون, ببببین) is one of them: `unstretch` gives منون, بین. Empty when `unstretch` leaves `w` as written,
 * and for a form longer than MAX_WORD.
 */
export function doubledStretches(w: string): { text: string; at: number }[] {
  const out: { text: string; at: number }[] = [];
  // (no word is longer than MAX_WORD: a longer run of letters has none, and the readings stay linear in all)
  if (w.length > MAX_WORD || unstretch(w) === w) return out;
  const runs: [number, number, boolean][] = [];
  for (let i = 0; i < w.length; ) {
    const c = w.charCodeAt(i);
    let j = i + 1;
    while (j < w.length && w.charCodeAt(j) === c) j++;
    runs.push([i, j, stretchedRun(c, j - i, j === w.length)]);
    i = j;
  }
  for (let r = 0; r < runs.length; r++) {
    if (!runs[r]![2]) continue;
    let text = '';
    for (let q = 0; q < runs.length; q++) {
      const [i, j, s] = runs[q]!;
      text += !s ? w.slice(i, j) : q === r ? w.slice(i, i + 2) : w[i]!;
    }
    out.push({ text, at: runs[r]![0] });
  }
  return out;
}

/**
 * `w` with every stretch typed once (`text`), and for each unit of `text` the end in `w` of what it stands for (`ends`:
 * a stretch ends where its run ends), to map positions in `text` back to `w`.
 */
export function unstretchRuns(w: string): { text: string; ends: number[] } {
  let text = '';
  const ends: number[] = [];
  for (let i = 0; i < w.length; ) {
    const c = w.charCodeAt(i);
    let j = i + 1;
    while (j < w.length && w.charCodeAt(j) === c) j++;
    if (stretchedRun(c, j - i, j === w.length)) {
      text += w[i]!;
      ends.push(j);
    } else {
      for (let k = i; k < j; k++) ends.push(k + 1);
      text += w.slice(i, j);
    }
    i = j;
  }
  return { text, ends };
}

/**
 * The end of a character reference for a ZWNJ (&zwnj; &#8204; &#x200c;) at i, or -1: inside a word (می&zwnj;خواهم) it
 * is the word's half-space, written as HTML writes it, and does not cut the word.
 */
export function zwnjEntityEnd(t: string, i: number, n: number): number {
  if (t.startsWith('&zwnj;', i)) return i + 6;
  if (t.startsWith('&#8204;', i)) return i + 7;
  if (i + 8 <= n && t.charCodeAt(i + 1) === 0x23 && (t.charCodeAt(i + 2) | 0x20) === 0x78 && t.startsWith('200', i + 3) && (t.charCodeAt(i + 6) | 0x20) === 0x63 && t.charCodeAt(i + 7) === 0x3b) return i + 8;
  return -1;
}

/**
 * `s` with every ZWNJ written as a character reference between two Arabic-script letters (zwnjEntityEnd) read as the
 * ZWNJ: how the lemmatizer reads a word of HTML text the normalizer passed through (کتاب&zwnj;ها is کتاب‌ها, lemma
 * کتاب; it was کتاب&zwnj;). `s` itself when it holds none.
 */
export function readZwnjEntities(s: string): string {
  let k = s.indexOf('&');
  if (k < 0) return s;
  let out = '';
  let from = 0;
  while (k >= 0) {
    const e = zwnjEntityEnd(s, k, s.length);
    if (e > 0 && k > 0 && e < s.length && isArabicLetter(s.charCodeAt(k - 1)) && isArabicLetter(s.charCodeAt(e))) {
      out += s.slice(from, k) + '\u200c';
      from = e;
      k = s.indexOf('&', e);
    } else k = s.indexOf('&', k + 1);
  }
  return from === 0 ? s : out + s.slice(from);
}

/**
 * The ordinal suffix glued to digits that end at j: ام, م, مین, امین (۲۱ام, ۱۲م, ۳مین, ۳امین), with any Arabic
 * combining mark on its letters (۳اُم, ۲۱اُمین) and ی or Arabic ي in مین (text the letter step has not mapped). Its
 * end, or -1 when the letters at j are no such suffix. The one reading of the tokenizer (one token), the normalizer's
 * spacing (kept glued), findNumbers (an ordinal) and the tagger (read as سوم / سومین). Rules:
 * - the suffix ends the word: no Arabic-script letter, mark or kashida, ZWNJ, ZWJ, Latin letter or digit of any kind
 *   after it (۵مرد, ۲۰امید, ۵مینی, ۲۰ام‌ها: no suffix; a caller may test more context after the end);
 * - a bare م (no ا, no ین) after more than three digits is the era, not an ordinal (۲۰۲۴م: 2024 میلادی; the treebanks
 *   write it apart, 1917 م., as they write ۵۷۹ ق and ۱۴۰۳ ش); ۱۲م, ۳۰۰م are ordinals. The digits counted are the ones
 *   right before j, any of the three systems.
 * With zwnjEnds a ZWNJ after the suffix ends it too (the normalizer's spacing: ۲۰امین‌سالگرد, an ordinal its writer
 * joined to its noun, is left glued rather than split ۲۰ امین‌سالگرد; the tokenizer's number token takes no ZWNJ word).
 */
export function digitOrdinalEnd(t: string, j: number, n: number, zwnjEnds = false): number {
  let k = j;
  const alef = k < n && t.charCodeAt(k) === 0x0627;
  if (alef) {
    k++;
    while (k < n && isArabicMark(t.charCodeAt(k))) k++;
  }
  if (k >= n || t.charCodeAt(k) !== 0x0645) return -1;
  k++;
  while (k < n && isArabicMark(t.charCodeAt(k))) k++;
  let yeh = false;
  if (k < n && (t.charCodeAt(k) === 0x06cc || t.charCodeAt(k) === 0x064a)) {
    let m = k + 1;
    while (m < n && isArabicMark(t.charCodeAt(m))) m++;
    if (m < n && t.charCodeAt(m) === 0x0646) {
      k = m + 1;
      while (k < n && isArabicMark(t.charCodeAt(k))) k++;
      yeh = true;
    }
  }
  if (!alef && !yeh) {
    let d = 0;
    for (let b = j - 1; b >= 0 && d <= 3 && isAnyDigit(t.charCodeAt(b)); b--) d++;
    if (d > 3) return -1;
  }
  // (zwnjEnds: ZWNJs before anything but an Arabic-script letter are looked past, as the ZWNJ cleanup drops them there:
  // ۳امین‌١ is ۳امین١ on a second pass, no ordinal — kept glued on the first it was spaced on the second)
  let m = k;
  if (zwnjEnds) {
    while (m < n && t.charCodeAt(m) === ZWNJ) m++;
    if (m > k && m < n && (isArabicLetter(t.charCodeAt(m)) || isPresentationForm(t.charCodeAt(m)))) return k;
  }
  if (m < n) {
    const c = t.charCodeAt(m);
    if (isArabicLetter(c) || isArabicMark(c) || c === KASHIDA || isPresentationForm(c) || c === ZWNJ || c === ZWJ || isLatinLetter(c) || isAnyDigit(c) || isScriptDigit(c)) return -1;
  }
  return k;
}

/** Whether the ordinal suffix t[j, end) that digitOrdinalEnd found is the attributive one, مین or امین (۳مین: «third», before its noun). */
export function ordinalIsAttributive(t: string, j: number, end: number): boolean {
  for (let k = end - 1; k > j; k--) if (t.charCodeAt(k) === 0x0646) return true;
  return false;
}
