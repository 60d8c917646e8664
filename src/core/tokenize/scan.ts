/**
 * Token scanner: one pass over the (normalized) text, cutting it into surface tokens. Linear time, no regexes on
 * unbounded input. Kinds: word (Persian/Arabic script, ZWNJ compounds stay one token), latin, number (any digit
 * system, with decimal/thousands/date/time separators inside), punct, protected (URL, email, @mention, #hashtag,
 * code — from the protection mask), symbol (emoji and other signs, with their modifiers), abbr (ه.ق. د.ک.).
 */
import { transientBytes, transientInt32 } from '../scratch.js';
import { digitOrdinalEnd, isAnyDigit, isArabicLetter, isArabicMark, isFormatControl, isGreekLetter, isHSpace, isLatinLetter, isLineBreak, isScriptDigit, isVulgarFraction, zwnjEntityEnd } from '../chars.js';
import { textArgument } from '../errors.js';
import { bbcodeEnd, emoticonAt, latexMathEnd, linkTargetEnd } from '../normalize/protect.js';

export type TokenKind = 'word' | 'latin' | 'number' | 'punct' | 'protected' | 'symbol' | 'abbr';

export interface RawTokens {
  /** number of tokens */
  length: number;
  start: Int32Array;
  end: Int32Array;
  kind: TokenKind[];
  /** 1 when a line break lies between this token and the previous one */
  lineBefore: Uint8Array;
}

/** marks whose run is one token: - = * _ ~ # + – — and ' (wikitext's ''italic'' and '''bold''') */
const RUN_MARKS = new Set([0x2d, 0x3d, 0x2a, 0x5f, 0x7e, 0x23, 0x2b, 0x2013, 0x2014, 0x27]);
const TERMINAL = new Set([0x2e, 0x21, 0x3f, 0x061f, 0x2026, 0x06d4]); // . ! ? ؟ … and Urdu's full stop ۔
/** the letters of an era written after a year: م (میلادی), ق (قمری), ش (شمسی), ه (هجری) */
const ERA_LETTERS = new Set([0x0645, 0x0642, 0x0634, 0x0647]);

export function isTerminalChar(c: number): boolean {
  return TERMINAL.has(c);
}

function isWordUnit(c: number): boolean {
  return isArabicLetter(c) || isArabicMark(c) || c === 0x200c || c === 0x0640 || c === 0x200d;
}

const OTHER_LETTER = /^[\p{L}\p{M}]$/u;

/**
 * A letter or combining mark (of its code point at i) of an alphabet the scanner has no branch of its own for:
 * Latin combining accents (NFD café), Cyrillic, Greek beyond the basic letters, Armenian, Hebrew, Georgian, Indic, Thai, CJK, Hangul. Not the Arabic
 * script, Latin or a symbol.
 */
function isOtherLetter(t: string, i: number): boolean {
  const c = t.charCodeAt(i);
  if (c < 0x300 || (c >= 0x0600 && c <= 0x08ff) || (c >= 0xfb50 && c <= 0xfeff) || c === 0x200c || c === 0x200d) return false;
  const cp = t.codePointAt(i)!;
  return OTHER_LETTER.test(String.fromCodePoint(cp)) && !isArabicLetter(c) && !isArabicMark(c) && !isLatinLetter(c);
}

function isNumSep(c: number): boolean {
  // . , ٫ ٬ / : -  (inside numbers only, checked by the caller: a digit must follow)
  return c === 0x2e || c === 0x2c || c === 0x066b || c === 0x066c || c === 0x2f || c === 0x3a;
}

function isEmojiModifier(c: number): boolean {
  return (c >= 0xfe00 && c <= 0xfe0f) || (c >= 0x1f3fb && c <= 0x1f3ff) || c === 0x200d || c === 0x20e3 || (c >= 0xe0020 && c <= 0xe007f);
}

/**
 * True when the protected span ending at j (exclusive) is a Markdown link's target: it starts with ( right after a ]
 * that is not protected itself (protect.ts masks the target from its ( on). Walks the span once, at its end.
 */
function linkTargetAt(t: string, protect: Uint8Array, j: number): boolean {
  let s = j - 1;
  while (s > 0 && protect[s - 1] === 1) s--;
  return t.charCodeAt(s) === 0x28 && s > 0 && t.charCodeAt(s - 1) === 0x5d;
}

/**
 * Inside a run of protected units from i, a markup tag's edge at j: after the > of a tag the run began with, before a
 * word (<b>bold</b>, <p>a b</p>: the tags are tokens of their own, as around a Persian word); before the < of a tag
 * after a word (bold</b>). Tags glued to each other (</b><i>) stay one token; character references likewise (&lt;b&gt;).
 * BBCode tags likewise: after the ] of a tag the run began with ([img]https://x.ir/a.png[/img], [code]x[/code]),
 * before the [ of a tag after a word.
 */
function tagBoundary(t: string, i: number, j: number, n: number): boolean {
  const c = t.charCodeAt(j);
  const b = t.charCodeAt(j - 1);
  if (b === 0x3e) return t.charCodeAt(i) === 0x3c && c !== 0x3c;
  if (b === 0x5d && t.charCodeAt(i) === 0x5b) return c !== 0x5b;
  if (c === 0x5b) return b !== 0x5d && bbcodeEnd(t, j, n) > 0;
  // a character reference is a token of its own (&lt;b&gt; is &lt; b &gt;, &amp;&amp; two): after the one the run
  // began with, before one that follows
  if (b === 0x3b && t.charCodeAt(i) === 0x26 && entityEnd(t, i, n) === j) return true;
  if (c === 0x26) return entityEnd(t, j, n) > 0;
  if (c !== 0x3c || j + 1 >= n) return false;
  const d = t.charCodeAt(j + 1);
  return b !== 0x3e && (isLatinLetter(d) || d === 0x2f);
}

/**
 * The end of LaTeX inline math at i, \( … \) or \[ … \] (latexMathEnd), every unit protected, or i + 1: one markup
 * token with its spaces (\[ x^2 + 1 \] had been \[, x, ^, 2, +, 1 and \]).
 */
function mathSpanEnd(t: string, protect: Uint8Array, i: number, n: number): number {
  const e = latexMathEnd(t, i, n);
  if (e < 0) return i + 1;
  for (let k = i; k < e; k++) if (protect[k] !== 1) return i + 1;
  return e;
}

/**
 * The end of the HTML or XML tag at i (a protected <, then an ASCII letter, or / ! ? and one: <a, </a, <!DOCTYPE, <?xml)
 * up to its > on the line, every unit protected (the normalizer's tagEnd marked it whole), or i + 1 when there is none:
 * a tag with attributes is one markup token with its spaces (<a href="x" class="y">, <img alt="تصویر من">; the spaces
 * had cut it into <a, href="x" and class="y"> and a quoted value into pieces). A comment (<!--) is not read so: its
 * words are text. Stops at the next <, so a run of tags is read once.
 */
function tagSpanEnd(t: string, protect: Uint8Array, i: number, n: number): number {
  let k = i + 1;
  const d = k < n ? t.charCodeAt(k) : 0;
  if (d === 0x2f || d === 0x21 || d === 0x3f) k++;
  const e = k < n ? t.charCodeAt(k) : 0;
  if (!((e >= 0x41 && e <= 0x5a) || (e >= 0x61 && e <= 0x7a))) return i + 1;
  const lim = Math.min(n, i + 1000);
  for (; k < lim && protect[k] === 1; k++) {
    const c = t.charCodeAt(k);
    if (c === 0x3e) return k + 1;
    if (c === 0x3c || isLineBreak(c)) break;
  }
  return i + 1;
}

/** the end of the character reference (&name; &#123; &#x1F;) at i, or -1 */
function entityEnd(t: string, i: number, n: number): number {
  let j = i + 1;
  const lim = Math.min(n, i + 34);
  if (j < lim && t.charCodeAt(j) === 0x23) j++;
  const s = j;
  while (j < lim && (isLatinLetter(t.charCodeAt(j)) || (t.charCodeAt(j) >= 0x30 && t.charCodeAt(j) <= 0x39))) j++;
  return j > s && j < n && t.charCodeAt(j) === 0x3b ? j + 1 : -1;
}

/** a regional indicator symbol (🇦-🇿: two make a flag) */
function isRegionalIndicator(cp: number): boolean {
  return cp >= 0x1f1e6 && cp <= 0x1f1ff;
}

/**
 * The end of an ordinal suffix glued to digits that end at j (ام, م, مین, امین, a vowel sign on its letters or not:
 * ۲۱ام, ۳اُم, ۳مین), with no letter after it (۵مرد, ۲۰امید: none); else j. The rules are chars.ts digitOrdinalEnd's,
 * which the normalizer, findNumbers and the tagger share.
 */
function ordinalSuffixEnd(t: string, j: number, n: number): number {
  const k = digitOrdinalEnd(t, j, n);
  return k < 0 ? j : k;
}

/** The end of a keycap emoji whose digit, # or * ends at j (an optional U+FE0F, then U+20E3), or -1. */
export function keycapEnd(t: string, j: number, n: number): number {
  if (j < n && t.charCodeAt(j) === 0xfe0f) j++;
  return j < n && t.charCodeAt(j) === 0x20e3 ? j + 1 : -1;
}

/** The end of an ISO date whose four-digit year ends at j (-M-D or -MM-DD follow, and no other hyphen or digit), or j. */
function isoDateEnd(t: string, j: number, n: number): number {
  let k = j;
  for (let part = 0; part < 2; part++) {
    if (k >= n || t.charCodeAt(k) !== 0x2d) return j;
    let d = k + 1;
    while (d < n && d - k <= 3 && isAnyDigit(t.charCodeAt(d))) d++;
    if (d - k - 1 < 1 || d - k - 1 > 2) return j;
    k = d;
  }
  return k < n && (t.charCodeAt(k) === 0x2d || isAnyDigit(t.charCodeAt(k))) ? j : k;
}

/** the units of a protected Latin unit after digits (km/h, MB/s): letters, digits and / . - _ */
const UNIT_PATH = /[A-Za-z0-9/._-]/;

export function scanTokens(t: string, protect?: Uint8Array): RawTokens {
  return scan(t, protect, false);
}

/**
 * scanTokens for a caller that reads the result within its own call and keeps none of its arrays (tokenizeAligned):
 * they are transientBytes / transientInt32 views, not new arrays (~1 µs each for a sentence).
 */
export function scanTokensTransient(t: string, protect?: Uint8Array): RawTokens {
  return scan(t, protect, true);
}

function scan(t: string, protect: Uint8Array | undefined, transient: boolean): RawTokens {
  textArgument(t, 'scanTokens');
  const n = t.length;
  const int32 = transient ? transientInt32 : (k: number) => new Int32Array(k);
  const bytes = transient ? transientBytes : (k: number) => new Uint8Array(k);
  // a token takes at least one unit: size the arrays for about one token in five units, grow when needed
  let cap = Math.max(16, (n >> 2) + 16);
  let starts = int32(cap);
  let ends = int32(cap);
  let lines = bytes(cap);
  const kind: TokenKind[] = [];
  let count = 0;
  let i = 0;
  let line = false;
  /** the ) that closes the Markdown link target being read, or -1 (a Latin word glued after it, [x](y)z, is protected
   * too, and its run would take the ) and the word as one token) */
  let linkClose = -1;
  const push = (s: number, e: number, k: TokenKind): void => {
    if (count === cap) {
      cap = Math.min(n + 1, cap * 2);
      const ns = int32(cap);
      ns.set(starts);
      starts = ns;
      const ne = int32(cap);
      ne.set(ends);
      ends = ne;
      const nl = bytes(cap);
      nl.set(lines);
      lines = nl;
    }
    starts[count] = s;
    ends[count] = e;
    lines[count] = line ? 1 : 0;
    kind.push(k);
    count++;
    line = false;
  };
  while (i < n) {
    const c = t.charCodeAt(i);
    // (a space or line break inside a protected span — a code block's lines, an inline code span's words — separates
    // tokens as anywhere else: no token starts with one; an HTML tag is one token with the spaces between its attributes)
    if (protect && protect[i] === 1 && !isHSpace(c) && !isLineBreak(c)) {
      // the ( and ) around a Markdown link's target ([متن](https://x.ir)) are marks of their own, as around any URL
      if (c === 0x28 && i > 0 && t.charCodeAt(i - 1) === 0x5d && protect[i - 1] !== 1) {
        const e = linkTargetEnd(t, i - 1, n);
        linkClose = e > 0 && protect[e - 1] === 1 ? e - 1 : -1;
        push(i, i + 1, 'punct');
        i++;
        continue;
      }
      if (i === linkClose) {
        push(i, i + 1, 'punct');
        i++;
        linkClose = -1;
        continue;
      }
      // (an HTML or XML tag is one token with the spaces between its attributes and inside their values: tagSpanEnd)
      let j = c === 0x3c ? tagSpanEnd(t, protect, i, n) : c === 0x5c ? mathSpanEnd(t, protect, i, n) : i + 1;
      while (j < n && j !== linkClose && protect[j] === 1 && !isHSpace(t.charCodeAt(j)) && !isLineBreak(t.charCodeAt(j)) && !tagBoundary(t, i, j, n)) j = t.charCodeAt(j) === 0x3c ? tagSpanEnd(t, protect, j, n) : j + 1;
      if (j === linkClose) {
        push(i, j, 'protected');
        push(j, j + 1, 'punct');
        i = j + 1;
        linkClose = -1;
        continue;
      }
      // the backticks that open or close a code span (`npm install`) are marks of their own, not glued to its first and
      // last words (`npm, install`)
      if (c === 0x60 && (i === 0 || protect[i - 1] !== 1)) {
        let b = i + 1;
        while (b < j && t.charCodeAt(b) === 0x60) b++;
        if (b < j) {
          push(i, b, 'punct');
          i = b;
          continue;
        }
      }
      if (t.charCodeAt(j - 1) === 0x60 && (j >= n || protect[j] !== 1)) {
        let b = j - 1;
        while (b > i && t.charCodeAt(b - 1) === 0x60) b--;
        if (b > i) {
          push(i, b, 'protected');
          push(b, j, 'punct');
          i = j;
          continue;
        }
      }
      if (t.charCodeAt(j - 1) === 0x29 && (j >= n || protect[j] !== 1) && linkTargetAt(t, protect, j)) {
        if (j - 1 > i) push(i, j - 1, 'protected');
        push(j - 1, j, 'punct');
      } else push(i, j, 'protected');
      i = j;
      continue;
    }
    if (isLineBreak(c)) {
      line = true;
      i++;
      continue;
    }
    // (and the word joiner U+2060, the BOM's successor as the zero-width no-break space: it was a token of its own)
    if (isHSpace(c) || isFormatControl(c) || c === 0x200c || c === 0x200d || c === 0x2060 || (c < 0x20 && c !== 0x09)) {
      i++;
      continue;
    }
    if (isArabicLetter(c) || c === 0x0640) {
      let j = i + 1;
      for (;;) {
        while (j < n && isWordUnit(t.charCodeAt(j)) && !(protect && protect[j] === 1)) j++;
        // a ZWNJ written as a character reference between two letters of the word (می&zwnj;خواهم: one word, as with the
        // ZWNJ itself; it was می, &zwnj; and خواهم)
        if (j < n && t.charCodeAt(j) === 0x26 && isArabicLetter(t.charCodeAt(j - 1))) {
          const e = zwnjEntityEnd(t, j, n);
          if (e > 0 && e < n && isArabicLetter(t.charCodeAt(e)) && !(protect && protect[e] === 1)) {
            j = e + 1;
            continue;
          }
        }
        break;
      }
      // trailing ZWNJ/ZWJ are not part of the word
      let e = j;
      while (e > i + 1 && (t.charCodeAt(e - 1) === 0x200c || t.charCodeAt(e - 1) === 0x200d)) e--;
      // dotted abbreviation: single letters separated by dots (ه.ق. ، د.ک.), a letter maybe written with a ZWJ that shows
      // its joining form (ه‍.ق, as encyclopedias write it)
      const zwj = (k: number): number => (k < n && t.charCodeAt(k) === 0x200d ? k + 1 : k);
      if (e - i === 1 && t.charCodeAt(zwj(e)) === 0x2e && isArabicLetter(t.charCodeAt(zwj(e) + 1)) && !isArabicLetter(t.charCodeAt(zwj(zwj(e) + 2)))) {
        let k = zwj(e);
        while (k < n && t.charCodeAt(k) === 0x2e && isArabicLetter(t.charCodeAt(k + 1)) && !isArabicLetter(t.charCodeAt(zwj(k + 2)))) k = zwj(k + 2);
        if (k < n && t.charCodeAt(k) === 0x2e) k++;
        push(i, k, 'abbr');
        i = k;
        continue;
      }
      // an initial: one letter, a dot, a space and a name (دکتر م. رضایی, as PerDT writes م.); the sentence splitter
      // does not end a sentence there either. و is a word, never an initial.
      if (e - i === 1 && c !== 0x0648 && t.charCodeAt(e) === 0x2e && t.charCodeAt(e + 1) === 0x20 && isArabicLetter(t.charCodeAt(e + 2)) && !(protect && protect[e] === 1)) {
        push(i, e + 1, 'abbr');
        i = e + 1;
        continue;
      }
      // an era after a year (۱۹۵۰ م., ۹۳۶ ق., ۱۳۵۷ ش., ۱۴۰۰ ه.): one letter and its dot after a number and a space, as
      // PerDT writes م. — the sentence splitter does not end a sentence there either
      if (e - i === 1 && ERA_LETTERS.has(c) && t.charCodeAt(e) === 0x2e && !isArabicLetter(t.charCodeAt(e + 1)) && i >= 2 && t.charCodeAt(i - 1) === 0x20 && isAnyDigit(t.charCodeAt(i - 2)) && !(protect && protect[e] === 1)) {
        push(i, e + 1, 'abbr');
        i = e + 1;
        continue;
      }
      push(i, e, 'word');
      i = e;
      continue;
    }
    // a keycap emoji (1️⃣ #️⃣ *️⃣: a digit, # or *, an optional VS16 and U+20E3) is one symbol
    if ((isAnyDigit(c) || c === 0x23 || c === 0x2a) && keycapEnd(t, i + 1, n) > 0) {
      const e = keycapEnd(t, i + 1, n);
      push(i, e, 'symbol');
      i = e;
      continue;
    }
    if (isAnyDigit(c)) {
      let j = i + 1;
      for (;;) {
        while (j < n && isAnyDigit(t.charCodeAt(j))) j++;
        if (j + 1 < n && isNumSep(t.charCodeAt(j)) && isAnyDigit(t.charCodeAt(j + 1))) {
          j += 2;
          continue;
        }
        // a narrow no-break or thin space before three digits and no fourth is a thousands separator, as findNumbers
        // reads it (۱۲ ۵۰۰ تومان: one number, one token as ۱۲,۵۰۰ is; it was two). The token holds that space, as a
        // markup token holds its spaces; CoNLL-U's FORM may (only other fields may not)
        const g = t.charCodeAt(j);
        if ((g === 0x202f || g === 0x2009) && j + 3 < n && isAnyDigit(t.charCodeAt(j + 1)) && isAnyDigit(t.charCodeAt(j + 2)) && isAnyDigit(t.charCodeAt(j + 3)) && !(j + 4 < n && isAnyDigit(t.charCodeAt(j + 4)))) {
          j += 4;
          continue;
        }
        break;
      }
      // an ISO date, year-month-day with hyphens (2020-03-15), is one number as a date with slashes is (a range, ۱۰-۱۵,
      // stays three tokens)
      if (j === i + 4 && (i === 0 || t.charCodeAt(i - 1) !== 0x2d)) j = isoDateEnd(t, j, n);
      // a Latin letter glued after digits (4G, 3D, mp3 handled by latin) makes one latin token
      if (j < n && isLatinLetter(t.charCodeAt(j))) {
        while (j < n && (isLatinLetter(t.charCodeAt(j)) || isAnyDigit(t.charCodeAt(j)) || isScriptDigit(t.charCodeAt(j)))) j++;
        // a unit the protection reads as a path of Latin pieces goes on past its slash (۱۲۰km/h, ۱۰MB/s: one token, as
        // 120km/h is; it was ۱۲۰km and /h)
        if (protect && j < n && protect[j - 1] === 1) while (j < n && protect[j] === 1 && UNIT_PATH.test(t[j]!)) j++;
        push(i, j, 'latin');
      } else {
        // a power or a fraction glued to the digits is part of the number (10⁸, ۲½: two and a half)
        while (j < n && isScriptDigit(t.charCodeAt(j))) j++;
        if (j < n && isVulgarFraction(t.charCodeAt(j))) j++;
        // an ordinal suffix glued to the digits is part of them (۲۱ام, ۳اُم, ۱۲م, ۳مین, ۳امین: one ordinal, as the
        // normalizer keeps it glued; ۲۱ام was ۲۱ and the pronoun ام, «my», ۳مین ۳ and a name)
        else j = ordinalSuffixEnd(t, j, n);
        push(i, j, 'number');
      }
      i = j;
      continue;
    }
    // a degree of temperature (°C, °F: ۲۵°C, ۳۵۰°F) is one unit, as km or kg is one word
    if (c === 0xb0 && i + 1 < n && (t.charCodeAt(i + 1) === 0x43 || t.charCodeAt(i + 1) === 0x46) && !(i + 2 < n && isLatinLetter(t.charCodeAt(i + 2)))) {
      push(i, i + 2, 'latin');
      i += 2;
      continue;
    }
    // a vulgar fraction alone (½ پیمانه) is a number
    if (isVulgarFraction(c)) {
      push(i, i + 1, 'number');
      i++;
      continue;
    }
    // a Latin word; Greek letters (ΔG, α) and superscript and subscript digits (CO₂, mc², H₂O) are part of such a word;
    // so is a word of another alphabet (Tajik Салом, Ελληνικά, שלום, Հայերեն, नमस्ते: letters and their combining marks),
    // which was a token per letter
    if (isLatinLetter(c) || isGreekLetter(c) || isOtherLetter(t, i)) {
      let j = i + (t.codePointAt(i)! > 0xffff ? 2 : 1);
      for (;;) {
        while (j < n && (isLatinLetter(t.charCodeAt(j)) || isAnyDigit(t.charCodeAt(j)) || isScriptDigit(t.charCodeAt(j)) || isGreekLetter(t.charCodeAt(j)) || isOtherLetter(t, j))) j += t.codePointAt(j)! > 0xffff ? 2 : 1;
        const d = t.charCodeAt(j);
        if (j + 1 < n && (d === 0x27 || d === 0x2019 || d === 0x2d || d === 0x5f) && isLatinLetter(t.charCodeAt(j + 1))) {
          j += 2;
          continue;
        }
        break;
      }
      push(i, j, 'latin');
      i = j;
      continue;
    }
    // an ASCII emoticon (:) ;-) :((( <3 ^_^) is one symbol token, also where the normalizer's spacing made it one
    if (c === 0x3a || c === 0x3b || c === 0x3d || c === 0x3c || c === 0x5e) {
      const e = emoticonAt(t, i, n);
      if (e > 0) {
        push(i, e, 'symbol');
        i = e;
        continue;
      }
    }
    if (TERMINAL.has(c)) {
      // a run of the same terminal mark is one token ("..." "!!" "؟؟"); different marks are tokens of their own
      // ("؟!" → "؟" "!", "…؟" → "…" "؟"), as in the UD Persian treebanks
      let j = i + 1;
      while (j < n && t.charCodeAt(j) === c) j++;
      push(i, j, 'punct');
      i = j;
      continue;
    }
    const cp = t.codePointAt(i)!;
    let j = i + (cp > 0xffff ? 2 : 1);
    // (a sign below U+2100 with the emoji variation selector, ©️ ‼️, is an emoji too)
    if (cp >= 0x2100 || cp > 0xffff || (j < n && t.charCodeAt(j) === 0xfe0f)) {
      // a flag: two regional indicators (🇮🇷)
      if (isRegionalIndicator(cp) && j + 1 < n && isRegionalIndicator(t.codePointAt(j)!)) j += 2;
      // symbol/emoji with modifiers and ZWJ sequences
      for (;;) {
        if (j >= n) break;
        const d = t.codePointAt(j)!;
        if (isEmojiModifier(d)) {
          j += d > 0xffff ? 2 : 1;
          if (d === 0x200d && j < n) {
            const e2 = t.codePointAt(j)!;
            j += e2 > 0xffff ? 2 : 1;
          }
          continue;
        }
        break;
      }
      push(i, j, 'symbol');
      i = j;
      continue;
    }
    // a run of one dash, rule or emphasis mark is one token (a Markdown table's |---|, a rule ===, **bold**, ## heading)
    if (RUN_MARKS.has(c)) {
      while (j < n && t.charCodeAt(j) === c) j++;
      // ... and with a > after a run of - or =, an arrow (->, a subtitle's -->, =>), one symbol
      if ((c === 0x2d || c === 0x3d) && j < n && t.charCodeAt(j) === 0x3e) {
        push(i, j + 1, 'symbol');
        i = j + 1;
        continue;
      }
    }
    push(i, j, 'punct');
    i = j;
  }
  return { length: count, start: starts.subarray(0, count), end: ends.subarray(0, count), kind, lineBefore: lines.subarray(0, count) };
}
