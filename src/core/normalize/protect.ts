/**
 * Finds spans that normalization must pass through byte-identical: URLs, emails, @mentions, #hashtags, Latin words
 * (`.NET`, `C++`, `C#` included), file paths (`C:\Users\a.txt`, `/etc/hosts`, `src/core/index.ts`), inline code and
 * fenced code blocks, HTML/XML tags and entities, BBCode tags (`[b]`, `[url=…]`), Markdown link targets and the ! of an
 * image, wikitext link targets and template names (`[[رده:شهرها|label]]`, `{{الگو:جعبه|…}}`), ASCII emoticons (`:)`,
 * `:(((`, `;-)`, `:D`, `:'(`, `<3`, `^_^`), LaTeX commands (`\section`, `\cite`, `\\`). Returns a mask with 1 on every
 * protected UTF-16 unit.
 *
 * One left-to-right pass over char codes. Every detector either jumps past what it matched or gives up after a bounded
 * look-ahead that stops at the next opener of its own kind, so the scan is linear on any input (no regexes).
 * Numbers (1402/05/12, 3.14, 1.2.3) are not protected here: the character and spacing steps keep their structure.
 */
import { isAnyDigit, isArabicIndicDigit, isArabicLetter, isArabicMark, isFormatControl, isHSpace, isLatinLetter, isLineBreak, isPersianDigit, isPresentationForm, isScriptDigit, forEachRelevantUnit } from '../chars.js';
import { textArgument } from '../errors.js';

// ---- tables (built once) ------------------------------------------------------------------------------------------

/** 1 = Latin letter, 2 = ASCII digit: the characters of a Latin word. */
const LATIN = new Uint8Array(65536);
/** what may start at this unit in the main loop */
const TRIG = new Uint8Array(65536);
const T_WORD = 1;
const T_BACKTICK = 2;
const T_TILDE = 3;
const T_LT = 4;
const T_AMP = 5;
const T_RBRACKET = 6;
const T_AT = 7;
const T_HASH = 8;
const T_BREAK = 9;
const T_EYES = 10;
const T_CARET = 11;
const T_BANG = 12;
const T_SLASH = 13;
const T_DOT = 14;
const T_DOLLAR = 15;
const T_PERCENT = 16;
const T_LBRACKET = 17;
const T_LBRACE = 18;
const T_BACKSLASH = 19;
/** units a URL cannot contain */
const URL_STOP = new Uint8Array(65536);
/** units trimmed from the end of a URL (sentence punctuation after the link) */
const URL_TRAIL = new Uint8Array(65536);
/** letters, digits, marks, '_' and ZWNJ of a #hashtag; 2 = a letter */
const HASHTAG = new Uint8Array(65536);

forEachRelevantUnit((c) => {
  if (isLatinLetter(c)) LATIN[c] = 1;
  // (a superscript or subscript digit goes with the word as a digit does: CO₂, mc², H₂O)
  else if ((c >= 0x30 && c <= 0x39) || isScriptDigit(c)) LATIN[c] = 2;
  if (LATIN[c]) TRIG[c] = T_WORD;
  if (isLineBreak(c)) TRIG[c] = T_BREAK;
  if (c < 0x20 || c === 0x7f || isHSpace(c) || isLineBreak(c) || isFormatControl(c)) URL_STOP[c] = 1;
  if (isLatinLetter(c) || isArabicLetter(c) || isPresentationForm(c)) HASHTAG[c] = 2;
  else if ((c >= 0x30 && c <= 0x39) || (c >= 0x6f0 && c <= 0x6f9) || (c >= 0x660 && c <= 0x669)) HASHTAG[c] = 1;
  else if (isArabicMark(c) || c === 0x5f || c === 0x200c || c === 0x640) HASHTAG[c] = 1;
});
TRIG[0x60] = T_BACKTICK;
TRIG[0x7e] = T_TILDE;
TRIG[0x3c] = T_LT;
TRIG[0x26] = T_AMP;
TRIG[0x5d] = T_RBRACKET;
TRIG[0x40] = T_AT;
TRIG[0x23] = T_HASH;
TRIG[0x3a] = T_EYES; // :
TRIG[0x3b] = T_EYES; // ;
TRIG[0x3d] = T_EYES; // =
TRIG[0x5e] = T_CARET; // ^
TRIG[0x21] = T_BANG; // ! of a Markdown image, !! of a wikitext table's header row
TRIG[0x2f] = T_SLASH; // an absolute path
TRIG[0x2e] = T_DOT; // .NET, .gitignore
TRIG[0x24] = T_DOLLAR; // $HOME
TRIG[0x25] = T_PERCENT; // %PATH%
TRIG[0x5b] = T_LBRACKET; // [^1], [[wikilink]]
TRIG[0x7b] = T_LBRACE; // {{template}}
TRIG[0x5c] = T_BACKSLASH; // \section, \cite (LaTeX commands)
for (const ch of '<>"`«»،؛') URL_STOP[ch.charCodeAt(0)] = 1;
for (const ch of '.,:;!?\'"*_~|\u200c…؟') URL_TRAIL[ch.charCodeAt(0)] = 1;

const isAsciiLetter = (c: number): boolean => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const isAsciiUpper = (c: number): boolean => c >= 0x41 && c <= 0x5a;
const isAsciiAlnum = (c: number): boolean => isAsciiLetter(c) || (c >= 0x30 && c <= 0x39);
/** characters of an email local part */
const isLocalChar = (c: number): boolean =>
  isAsciiAlnum(c) || c === 0x2e || c === 0x5f || c === 0x25 || c === 0x2b || c === 0x2d;
/** a unit that makes a following @ or # part of a Latin word (a@b, C#, &#) rather than a mention/hashtag */
const isWordish = (c: number): boolean => LATIN[c] === 1 || c === 0x26 || c === 0x5f;
/** the unit before i past invisible format characters the character step drops or turns (BOM, ZWSP, LRM, RLM, ALM, soft hyphen); a space at the start */
function charBeforeFormat(text: string, i: number): number {
  let k = i - 1;
  while (k >= 0) {
    const c = text.charCodeAt(k);
    if (c !== 0xfeff && c !== 0x200b && c !== 0x200e && c !== 0x200f && c !== 0x061c && c !== 0x00ad) return c;
    k--;
  }
  return 0x20;
}

/**
 * The unit before i past the invisible units the normalizer drops or turns there: charBeforeFormat's, a ZWNJ (it goes
 * next to a space, a line's edge or a sign) and the word joiner U+2060 (it goes as a BOM does); a space at the start.
 * For the tests of what may open a path: ZWNJ + ./r.sh at a line's start read as no path, and once the first pass had
 * dropped the ZWNJ the second read one (its dots and ; were spaced only then: not idempotent; found by the steps
 * property test at 30,000 runs, seeds 1 and 36; so was a BOM before /www.x.ir).
 */
function charBeforeInvisible(text: string, i: number): number {
  const k = indexBeforeInvisible(text, i);
  return k < 0 ? 0x20 : text.charCodeAt(k);
}
/** the index of charBeforeInvisible's unit, or -1 */
function indexBeforeInvisible(text: string, i: number): number {
  let k = i - 1;
  while (k >= 0) {
    const c = text.charCodeAt(k);
    if (c !== 0xfeff && c !== 0x200b && c !== 0x200e && c !== 0x200f && c !== 0x061c && c !== 0x00ad && c !== 0x200c && c !== 0x2060) return k;
    k--;
  }
  return -1;
}

function startsWithLower(text: string, i: number, lit: string): boolean {
  if (i + lit.length > text.length) return false;
  for (let k = 0; k < lit.length; k++) {
    if ((text.charCodeAt(i + k) | 0x20) !== lit.charCodeAt(k)) return false; // lit is lower case letters and '.:'
  }
  return true;
}

// ---- detectors: each returns the end of the span (exclusive) or -1 ------------------------------------------------

/**
 * A URL that involves the Latin word [i, we): the word is a scheme followed by "://" or "mailto:", or it contains
 * "www.". The URL is protected from the start of the word, so text glued in front of it cannot hide it.
 */
function urlEnd(text: string, i: number, we: number, n: number): number {
  if (we < n && text.charCodeAt(we) === 0x3a && LATIN[text.charCodeAt(we - 1)] === 1) {
    if (we + 2 < n && text.charCodeAt(we + 1) === 0x2f && text.charCodeAt(we + 2) === 0x2f) return urlBody(text, we + 3, n);
    if (we - i >= 6 && startsWithLower(text, we - 6, 'mailto')) return urlBody(text, we + 1, n);
  }
  // (the dot of "www." may be the word's end: a Persian domain, www.دانشگاه.ir, whose Latin word is www alone)
  for (let k = i; k + 3 <= we; k++) {
    if ((text.charCodeAt(k) | 0x20) === 0x77 && startsWithLower(text, k, 'www.')) return urlBody(text, k + 4, n);
  }
  return -1;
}

/** ASCII letters, digits and what a file path holds between them (no space): the body of a POSIX path */
const isPathChar = (c: number): boolean =>
  isAsciiAlnum(c) || c === 0x2f || c === 0x2e || c === 0x2d || c === 0x5f || c === 0x7e || c === 0x2b || c === 0x40 || c === 0x25 || c === 0x3d;

/**
 * A path of ASCII units from `start` (see isPathChar), trailing sentence marks left out; with how many '/' it holds.
 * `named`: a piece after a slash may also be a name in the Arabic script (/home/ali/اسناد/گزارش.pdf: letters, ZWNJs,
 * digits of any script), as an absolute path's folders and files are named in Persian.
 */
function posixPath(text: string, start: number, n: number, named = false): [end: number, slashes: number, dotLast: boolean] {
  let j = start;
  let slashes = 0;
  let dotLast = false;
  while (j < n) {
    const c = text.charCodeAt(j);
    // (a letter in a presentation form too, as the URL a path may hold reads it: /www.x.irﺎ had its ﺎ left out and
    // made ا, while www.x.irﺎ — the same after a ZWNJ the character step drops — kept it, not idempotent; found by the
    // steps property test at other seeds)
    if (!isPathChar(c) && !(named && slashes > 0 && (isArabicLetter(c) || isPresentationForm(c) || c === 0x200c || isAnyDigit(c)))) break;
    if (c === 0x2f) {
      slashes++;
      dotLast = false;
    } else if (c === 0x2e) dotLast = true;
    j++;
  }
  while (j > start && URL_TRAIL[text.charCodeAt(j - 1)]) j--;
  return [j, slashes, dotLast];
}

/** what may stand before a path: a space, a line start, an opening bracket or quote */
const pathOpener = (prev: number): boolean => isHSpace(prev) || isLineBreak(prev) || prev === 0x28 || prev === 0x22 || prev === 0x27 || prev === 0xab || prev === 0x5b;

/** The end of a path that starts at i with ./ ../ or ~/ and holds a letter after its prefix, or -1. */
function relativePathEnd(text: string, i: number, n: number): number {
  const [e] = posixPath(text, i, n);
  for (let k = i; k < e; k++) if (isAsciiLetter(text.charCodeAt(k))) return e;
  return -1;
}

/**
 * A file path that starts with the Latin word [i, we): a drive (`C:\Users\…`, `D:/x`; up to a space) or a relative
 * path of Latin pieces (`src/core/index.ts`, `km/h`, `TCP/IP`). -1 if none.
 */
function pathEnd(text: string, i: number, we: number, n: number): number {
  if (we + 1 >= n) return -1;
  const c = text.charCodeAt(we);
  const d = text.charCodeAt(we + 1);
  if (c === 0x3a && we - i === 1 && isAsciiLetter(text.charCodeAt(i)) && (d === 0x5c || d === 0x2f)) {
    if (i > 0 && isWordish(text.charCodeAt(i - 1))) return -1;
    return urlBody(text, we + 1, n);
  }
  if (c === 0x2f && LATIN[d] === 1) {
    const [end] = posixPath(text, we, n);
    return end > we + 1 ? end : -1;
  }
  return -1;
}

/**
 * A mention, email or hashtag [i, end) that holds the start of a URL (@_www.a.com/…, #تگhttp://…) is extended to the
 * end of that URL, so that text glued in front of a URL can never cut it.
 */
function withUrl(text: string, i: number, end: number, n: number): number {
  for (let k = i; k <= end && k < n; k++) {
    const c = text.charCodeAt(k);
    if (k < end && (c | 0x20) === 0x77 && startsWithLower(text, k, 'www.')) return Math.max(end, urlBody(text, k + 4, n));
    if (c === 0x3a && k + 2 < n && text.charCodeAt(k + 1) === 0x2f && text.charCodeAt(k + 2) === 0x2f) {
      return Math.max(end, urlBody(text, k + 3, n));
    }
    if (c === 0x3a && k - 6 >= i && startsWithLower(text, k - 6, 'mailto')) return Math.max(end, urlBody(text, k + 1, n));
  }
  return end;
}

/** The rest of a URL from `start`: up to a space or a unit a URL cannot hold, minus trailing punctuation. */
function urlBody(text: string, start: number, n: number): number {
  let j = start;
  let open = 0;
  let close = 0;
  // (a ] that closes no [ of the URL closes a bracket around it, [https://x.ir], or a BBCode tag, [url=https://x.ir]متن:
  // the URL ends there; an IPv6 host, http://[::1]:8080, opens its own)
  let square = 0;
  // (and a } that closes no { of the URL closes a template or an object around it, {{یادکرد|نشانی=https://x.ir}}; a
  // URI template, https://x.ir/users/{id}, opens its own. A | before a wikitext parameter — a name and =, or a word in
  // the Arabic script — separates the template's parameters: نشانی=https://x.ir|عنوان=…; a | inside a query value,
  // ?family=Roboto|Open+Sans, is the URL's)
  let curly = 0;
  while (j < n) {
    const c = text.charCodeAt(j);
    if (URL_STOP[c]) break;
    if (c === 0x28) open++;
    else if (c === 0x29) close++;
    else if (c === 0x5b) square++;
    else if (c === 0x5d && square-- === 0) break;
    else if (c === 0x7b) curly++;
    else if (c === 0x7d && curly-- === 0) break;
    else if (c === 0x7c && wikiParameterAt(text, j + 1, n)) break;
    j++;
  }
  while (j > start) {
    const c = text.charCodeAt(j - 1);
    if (URL_TRAIL[c]) j--;
    else if (c === 0x29 && close > open) {
      close--;
      j--;
    } else break;
  }
  return j > start ? j : -1;
}

/**
 * Whether a wikitext template's parameter begins at `k` (after a |): a word in the Arabic script, or a name of letters,
 * digits, _ - and spaces (at most 40 units) and then = (|title=, |تاریخ دسترسی=). Bounded look-ahead.
 */
function wikiParameterAt(text: string, k: number, n: number): boolean {
  if (k >= n) return false;
  if (isArabicLetter(text.charCodeAt(k))) return true;
  const e = Math.min(n, k + 40);
  for (let j = k; j < e; j++) {
    const c = text.charCodeAt(j);
    if (c === 0x3d) return j > k;
    if (!(isAsciiAlnum(c) || c === 0x5f || c === 0x2d || c === 0x20)) return false;
  }
  return false;
}

/**
 * local@domain.tld starting at i. Returns the end, or -(k + 1) where k is where the local part stopped: every start in
 * [i, k) would stop at the same place and fail the same way, which keeps the scan linear.
 */
function emailEnd(text: string, i: number, n: number): number {
  let k = i;
  let www = false; // a local part holding "www." is a URL glued to something (x%www.a.b@c.d), not an email
  while (k < n) {
    const c = text.charCodeAt(k);
    if (!isLocalChar(c)) break;
    if (c === 0x2e && k - i >= 3 && (text.charCodeAt(k - 1) | 0x20) === 0x77 && startsWithLower(text, k - 3, 'www.')) www = true;
    k++;
  }
  if (www || k >= n || text.charCodeAt(k) !== 0x40 || text.charCodeAt(k - 1) === 0x2e) return -(k + 1);
  let d = k + 1;
  let labelStart = d;
  let dots = 0;
  while (d < n) {
    const c = text.charCodeAt(d);
    if (isAsciiAlnum(c) || c === 0x2d) d++;
    else if (c === 0x2e && d > labelStart && d + 1 < n && isAsciiAlnum(text.charCodeAt(d + 1))) {
      if (d - labelStart === 3 && startsWithLower(text, labelStart, 'www.')) return -(k + 1); // a URL after @
      dots++;
      d++;
      labelStart = d;
    } else break;
  }
  if (dots === 0) return -(k + 1);
  return d;
}

/** A combining mark of the Latin script's blocks (U+0300–036F, U+1AB0–1AFF, U+1DC0–1DFF, U+20D0–20FF, U+FE20–FE2F). */
function isLatinMark(c: number): boolean {
  return (c >= 0x300 && c <= 0x36f) || (c >= 0x1ab0 && c <= 0x1aff) || (c >= 0x1dc0 && c <= 0x1dff) || (c >= 0x20d0 && c <= 0x20ff) || (c >= 0xfe20 && c <= 0xfe2f);
}

/**
 * A Latin word: letters/digits with internal . - _ ' ’ (and , between digits), e.g. v1.2.3, COVID-19, don't, e.g.
 * Returns [end, hasLetter] packed as end * 2 + hasLetter.
 */
function latinWord(text: string, i: number, n: number): number {
  let j = i;
  let hasLetter = 0;
  let hasDot = false;
  for (;;) {
    while (j < n) {
      const t = LATIN[text.charCodeAt(j)]!;
      if (t === 0) {
        // a combining accent after a letter belongs to it (Cafe\u0301, Mu\u0308nchen: text in NFD), was cut at the mark
        if (j > i && isLatinMark(text.charCodeAt(j)) && (LATIN[text.charCodeAt(j - 1)] === 1 || isLatinMark(text.charCodeAt(j - 1)))) {
          j++;
          continue;
        }
        // so do Persian or Arabic-Indic digits glued to the word's letters or digits (abc٤٥٦, v٢, A۴): the word is one,
        // left as written (the digits were cut off as a number of their own)
        if (j > i && (isPersianDigit(text.charCodeAt(j)) || isArabicIndicDigit(text.charCodeAt(j)))) {
          j++;
          continue;
        }
        break;
      }
      if (t === 1) hasLetter = 1;
      j++;
    }
    if (j + 1 >= n) break;
    const c = text.charCodeAt(j);
    const next = LATIN[text.charCodeAt(j + 1)]!;
    if (next === 0) break;
    if (c === 0x2e || c === 0x2d || c === 0x5f || c === 0x27 || c === 0x2019) {
      if (c === 0x2e) hasDot = true;
      j++;
    } else if (c === 0x2c && next === 2 && LATIN[text.charCodeAt(j - 1)] === 2) j++;
    // an ampersand between capitals: a name (AT&T, R&D, Q&A, H&M), not code (a&b) nor an entity (&amp;)
    else if (c === 0x26 && isAsciiUpper(text.charCodeAt(j - 1)) && isAsciiUpper(text.charCodeAt(j + 1))) j++;
    else break;
  }
  // abbreviation dot: e.g. / U.S.
  if (hasLetter && hasDot && j < n && j - 2 >= i && text.charCodeAt(j) === 0x2e && text.charCodeAt(j - 2) === 0x2e && LATIN[text.charCodeAt(j - 1)] === 1) {
    j++;
  }
  return j * 2 + hasLetter;
}

/** The end of a Latin word at `we` with the `++` or `#` of a name glued to it (C++, C#, Notepad++), when a word does not go on after it. */
function suffixEnd(text: string, we: number, n: number): number {
  if (we >= n || LATIN[text.charCodeAt(we - 1)] !== 1) return we;
  const c = text.charCodeAt(we);
  let e = we;
  if (c === 0x23) e = we + 1;
  else if (c === 0x2b && we + 1 < n && text.charCodeAt(we + 1) === 0x2b) e = we + 2;
  else return we;
  return e < n && (LATIN[text.charCodeAt(e)] || HASHTAG[text.charCodeAt(e)] || text.charCodeAt(e) === 0x2b || text.charCodeAt(e) === 0x23) ? we : e;
}

/** the end of an ASCII identifier ([A-Za-z_][A-Za-z0-9_]*) at i, or i when none starts there */
function identifierEnd(text: string, i: number, n: number): number {
  if (i >= n) return i;
  const c = text.charCodeAt(i);
  if (!isAsciiLetter(c) && c !== 0x5f) return i;
  let j = i + 1;
  while (j < n && j - i < 256 && (isAsciiAlnum(text.charCodeAt(j)) || text.charCodeAt(j) === 0x5f)) j++;
  return j;
}

/**
 * A shell variable ($HOME, $PATH, ${HOME}) or a Windows one (%PATH%, %APPDATA%) at `i` ($ or %), not glued to a Latin
 * word or digit before it (US$5, 50%): its end, or -1.
 */
function variableEnd(text: string, i: number, n: number): number {
  const prev = i > 0 ? text.charCodeAt(i - 1) : 0x20;
  if (isAsciiAlnum(prev) || prev === 0x5f || prev === 0x24 || prev === 0x25) return -1;
  const c = text.charCodeAt(i);
  if (c === 0x24 && i + 1 < n && text.charCodeAt(i + 1) === 0x7b) {
    const e = identifierEnd(text, i + 2, n);
    return e > i + 2 && e < n && text.charCodeAt(e) === 0x7d ? e + 1 : -1;
  }
  const e = identifierEnd(text, i + 1, n);
  if (e === i + 1) return -1;
  if (c === 0x24) return e;
  return e < n && text.charCodeAt(e) === 0x25 ? e + 1 : -1;
}

/** the units of a LaTeX control symbol after its backslash: \\ \{ \} \[ \] \( \) \% \$ \& \# \_ \, \; \! */
const CONTROL_SYMBOL = new Uint8Array(128);
for (const ch of '\\{}[]()%$&#_,;!') CONTROL_SYMBOL[ch.charCodeAt(0)] = 1;

/**
 * A LaTeX command at `i` (a backslash): a control word, \ and ASCII letters (\section, \cite, \lr), or a control symbol
 * (\\, \{, \[, \(, \%), glued to what comes before it or not (2\times 3, x\}); its end, or -1. (A Windows path's
 * separators are read with the path, from its drive.) The letters of a command are no text: a tokenizer read \section as
 * the mark \ and a noun section.
 */
function latexCommandEnd(text: string, i: number, n: number): number {
  let j = i + 1;
  while (j < n && isAsciiLetter(text.charCodeAt(j))) j++;
  if (j > i + 1) return j;
  const d = i + 1 < n ? text.charCodeAt(i + 1) : 0;
  return d < 128 && CONTROL_SYMBOL[d] === 1 ? i + 2 : -1;
}

/**
 * LaTeX inline math at `i` (a backslash), \( … \) or \[ … \] closed on the same line within 1000 units, not inside
 * another (a \( or \[ before the closer gives up): its end after the closer, or -1. Math is no text: its letters,
 * digits, commas and spaces are the formula's (\(a = 2, b\) had its pieces read as words and marks, and a Persian
 * \text{…} in it normalized), and the tokenizer keeps it one token (scan's mathSpanEnd). Display math over several
 * lines is left to the commands \[ and \] of its delimiters; $…$ is not read as math ($HOME is a variable, $5 a price).
 */
export function latexMathEnd(text: string, i: number, n: number): number {
  const o = i + 1 < n ? text.charCodeAt(i + 1) : 0;
  if (o !== 0x28 && o !== 0x5b) return -1;
  const close = o === 0x28 ? 0x29 : 0x5d;
  const lim = Math.min(n, i + 1000);
  for (let k = i + 2; k + 1 < lim; k++) {
    const c = text.charCodeAt(k);
    if (isLineBreak(c)) return -1;
    if (c !== 0x5c) continue;
    const d = text.charCodeAt(k + 1);
    if (d === close) return k > i + 2 ? k + 2 : -1;
    if (d === 0x28 || d === 0x5b) return -1;
    k++; // an escaped unit (\, \{) is no closer
  }
  return -1;
}

/**
 * The target of a wikitext link or the name of a template at `i`, after its opening `[[` or `{{` (`close` the code of
 * ] or }): its end, before the | that starts the label or the parameters or before the closing ]] or }}; -1 when there
 * is none on the line within 256 units, or the name is empty.
 */
export function wikiTargetEnd(text: string, i: number, n: number, close: number): number {
  const lim = Math.min(n, i + 256);
  for (let j = i; j < lim; j++) {
    const c = text.charCodeAt(j);
    if (c === 0x7c || (c === close && j + 1 < n && text.charCodeAt(j + 1) === close)) return j > i ? j : -1;
    if (c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d || isLineBreak(c)) return -1;
  }
  return -1;
}

/**
 * Whether the !! at `i`, on a line that opens with ! at `lineStart`, separates two cells of a wikitext table's header
 * row: the line opens with one ! (not a run), the !! is not part of a longer run, and a cell follows it on the line.
 */
function headerCellSeparator(text: string, i: number, n: number, lineStart: number): boolean {
  if (lineStart + 1 < n && text.charCodeAt(lineStart + 1) === 0x21) return false;
  if (text.charCodeAt(i - 1) === 0x21 || (i + 2 < n && text.charCodeAt(i + 2) === 0x21)) return false;
  for (let k = i + 2; k < n; k++) {
    const c = text.charCodeAt(k);
    if (isLineBreak(c)) return false;
    if (!isHSpace(c)) return true;
  }
  return false;
}

/** A Markdown footnote reference or label at `i` ([^1], [^note]): its end after the ], or -1. */
function footnoteEnd(text: string, i: number, n: number): number {
  if (i + 2 >= n || text.charCodeAt(i + 1) !== 0x5e) return -1;
  let j = i + 2;
  while (j < n && j - i < 100) {
    const c = text.charCodeAt(j);
    if (isAsciiAlnum(c) || c === 0x5f || c === 0x2d || isAnyDigit(c)) j++;
    else break;
  }
  return j > i + 2 && j < n && text.charCodeAt(j) === 0x5d ? j + 1 : -1;
}

/** the tag names of BBCode that a tag [b], [/b], [url=…] may have (a closed list: a bracket is no tag of itself) */
const BBCODE_TAGS = new Set(['b', 'i', 'u', 's', 'url', 'img', 'quote', 'code', 'color', 'size', 'list', '*']);

/**
 * A BBCode tag at `i` — [b], [/b], [*], [quote=علی], [url=https://x.ir] of a tag name of BBCODE_TAGS, any case; a value
 * after = for an opening tag, of at most 256 units on one line — its end after the ], or -1. An opening tag without a
 * value glued after a Latin letter, digit or _ is an index (a[i]), no tag.
 */
export function bbcodeEnd(text: string, i: number, n: number): number {
  let j = i + 1;
  const closing = j < n && text.charCodeAt(j) === 0x2f;
  if (closing) j++;
  const s = j;
  while (j < n && j - s < 5 && (isAsciiLetter(text.charCodeAt(j)) || text.charCodeAt(j) === 0x2a)) j++;
  if (j === s || j >= n || !BBCODE_TAGS.has(text.slice(s, j).toLowerCase())) return -1;
  const c = text.charCodeAt(j);
  if (c === 0x5d) {
    const prev = i > 0 ? text.charCodeAt(i - 1) : 0x20;
    return !closing && (isAsciiAlnum(prev) || prev === 0x5f) ? -1 : j + 1;
  }
  if (c !== 0x3d || closing) return -1;
  const lim = Math.min(n, j + 258);
  for (let k = j + 1; k < lim; k++) {
    const d = text.charCodeAt(k);
    if (d === 0x5d) return k > j + 1 ? k + 1 : -1;
    if (d === 0x5b || isLineBreak(d)) return -1;
  }
  return -1;
}

/**
 * A port after a colon (`:3000`, `:8080`) where no digit stands before the colon (10:30 is a time) and a space, the line's
 * start, a Latin letter (localhost:3000) or a bracket does: its end, or -1.
 */
function portEnd(text: string, i: number, n: number): number {
  const prev = i > 0 ? text.charCodeAt(i - 1) : 0x20;
  if (!(isHSpace(prev) || isLineBreak(prev) || isAsciiLetter(prev) || prev === 0x29 || prev === 0x5d || prev === 0x28)) return -1;
  let j = i + 1;
  while (j < n && j - i <= 6 && text.charCodeAt(j) >= 0x30 && text.charCodeAt(j) <= 0x39) j++;
  if (j - i < 3 || j - i > 6) return -1;
  const d = j < n ? text.charCodeAt(j) : 0x20;
  return isAnyDigit(d) || d === 0x3a || isLatinLetter(d) ? -1 : j;
}

/** <tag ...>, </tag>, <!...>, <?...?> of at most 1000 units on one line; not an autolink (<https://x.ir>, <a@b.ir>). */
function tagEnd(text: string, i: number, n: number): number {
  const d = i + 1 < n ? text.charCodeAt(i + 1) : 0;
  if (!(isAsciiLetter(d) || d === 0x21 || d === 0x3f || (d === 0x2f && i + 2 < n && isAsciiLetter(text.charCodeAt(i + 2))))) return -1;
  if (isAsciiLetter(d)) {
    // a Markdown autolink: the < and > are marks of their own, the URL or address inside is found as any other
    const we = latinWord(text, i + 1, n) >>> 1;
    if (urlEnd(text, i + 1, we, n) > 0 || emailEnd(text, i + 1, n) > 0) return -1;
  }
  const lim = Math.min(n, i + 1000);
  let space = -1; // the first space inside, after the name
  let attr = false; // an = or a quote inside, or a / before the > (an attribute's value, a self-closing tag)
  let wide = false; // a unit past ASCII after the space (no attribute's name: <p و q> is prose)
  for (let j = i + 1; j < lim; j++) {
    const c = text.charCodeAt(j);
    if (c === 0x3e) return space < 0 || attr || !isAsciiLetter(d) || text.charCodeAt(j - 1) === 0x2f || (!wide && HTML_NAMES.has(text.slice(i + 1, space).toLowerCase())) ? j + 1 : -1;
    if (c === 0x3c || isLineBreak(c)) return -1;
    if (space < 0 && isHSpace(c)) space = j;
    else if (c === 0x3d || c === 0x22 || c === 0x27) attr = true;
    else if (c >= 0x80 && space >= 0) wide = true;
  }
  return -1;
}

/**
 * The names of the HTML elements an attribute with no value is written in (<input disabled>, <td nowrap>, <video
 * controls>, <option selected>): an opening "tag" with a space inside and no =, quote or / (words in angle brackets)
 * is one only with such a name and ASCII words after it (HTML's attribute names: <p و q>, <b ي c> in prose are text).
 * Chat exports' placeholders (<Media omitted>, <This message was edited>) and words in angle brackets in prose (<y و
 * z>) are text, not tags (they had been protected whole: one token, the Persian inside left unnormalized). A JSX
 * component with a bare prop is read as text too (<Modal open>), unless its name is an HTML element's in any case
 * (<Button disabled> is a tag: names are matched lower-cased, as HTML's are case-insensitive).
 */
const HTML_NAMES = new Set(
  ('a abbr audio b body br button canvas col colgroup details dialog div dl embed fieldset form frame head hr html i ' +
    'iframe img input keygen li link menu meta object ol optgroup option p param pre progress script select source ' +
    'span style table tbody td template textarea tfoot th thead tr track ul video').split(' '),
);

/** &name; &#123; &#x1F; */
function entityEnd(text: string, i: number, n: number): number {
  let j = i + 1;
  if (j < n && text.charCodeAt(j) === 0x23) {
    j++;
    let hex = false;
    if (j < n && (text.charCodeAt(j) | 0x20) === 0x78) {
      hex = true;
      j++;
    }
    const s = j;
    while (j < n && j - s < 8) {
      const c = text.charCodeAt(j);
      if ((c >= 0x30 && c <= 0x39) || (hex && (c | 0x20) >= 0x61 && (c | 0x20) <= 0x66)) j++;
      else break;
    }
    if (j === s) return -1;
  } else {
    if (j >= n || !isAsciiLetter(text.charCodeAt(j))) return -1;
    const s = j;
    while (j < n && j - s < 32 && isAsciiAlnum(text.charCodeAt(j))) j++;
  }
  return j < n && text.charCodeAt(j) === 0x3b ? j + 1 : -1;
}

/** ](target) of a Markdown link or image: the end of the matching ), on one line, at most 2000 units. */
export function linkTargetEnd(text: string, i: number, n: number): number {
  if (i + 1 >= n || text.charCodeAt(i + 1) !== 0x28) return -1;
  const lim = Math.min(n, i + 2000);
  let depth = 0;
  for (let j = i + 2; j < lim; j++) {
    const c = text.charCodeAt(j);
    if (c === 0x29) {
      if (depth === 0) return j + 1;
      depth--;
    } else if (c === 0x28) depth++;
    else if (c === 0x5d || isLineBreak(c)) return -1;
  }
  return -1;
}

/** End of the line holding unit i (index of its line break, or n). */
function lineEnd(text: string, i: number, n: number): number {
  while (i < n && !isLineBreak(text.charCodeAt(i))) i++;
  return i;
}

/**
 * A fence of `r` >= 3 backticks/tildes at i opens a code block; it ends at the end of the first later line that holds
 * (after at most 3 spaces) a run of at least `r` of the same mark and nothing else, or at the end of the text.
 */
function fenceEnd(text: string, i: number, n: number, mark: number, r: number): number {
  let j = lineEnd(text, i, n);
  while (j < n) {
    j++; // past the line break
    const ls = j;
    while (j < n && j - ls < 3 && text.charCodeAt(j) === 0x20) j++;
    const rs = j;
    while (j < n && text.charCodeAt(j) === mark) j++;
    const closing = j - rs >= r;
    while (j < n && isHSpace(text.charCodeAt(j))) j++;
    if (closing && (j >= n || isLineBreak(text.charCodeAt(j)))) return j;
    j = lineEnd(text, j, n);
  }
  return n;
}

// ---- emoticons ----------------------------------------------------------------------------------------------------

/** mouths of an emoticon after its eyes (and nose): 1 = may repeat (:))) :((( :DDD), 2 = once */
const MOUTH = new Uint8Array(128);
for (const ch of ')(D') MOUTH[ch.charCodeAt(0)] = 1;
for (const ch of 'Pp|/\\*Oo][') MOUTH[ch.charCodeAt(0)] = 2;

/** a letter of a word in the Arabic or the Latin script */
const isWordLetter = (c: number): boolean => isArabicLetter(c) || isLatinLetter(c);

/**
 * A unit that may stand right before an emoticon: not a digit (1:3, 10:30), not the mark itself (;;) ::), and not a
 * dash (a Markdown table's alignment row, |:---:|, is no :| face).
 */
function emoticonMayFollow(c: number): boolean {
  return !(isAnyDigit(c) || c === 0x3a || c === 0x3b || c === 0x3d || c === 0x5e || c === 0x3c || c === 0x2d);
}

/**
 * What may follow an emoticon: the end, a space or line break, sentence punctuation, another emoticon — not a letter or
 * digit (C:Documents, :Pattern, گفت:(با خنده)). A smile glued to the next word (خوب بود:)ممنون) is left to the spacing
 * step, which puts a space after it; the emoticon is found in the text it writes.
 */
function emoticonMayPrecede(c: number): boolean {
  if (isHSpace(c) || isLineBreak(c)) return true;
  if (c < 0x80) return '.,!?"\'*:;=<^'.indexOf(String.fromCharCode(c)) >= 0;
  return !isArabicLetter(c) && c !== 0x200c && !isLatinLetter(c) && !isPresentationForm(c);
}

/**
 * The end of the ASCII emoticon at `i` (its eyes : ; = at i), or -1: eyes, an optional nose (- or '), a mouth
 * (`)` `(` `D` may repeat), and a boundary after it (emoticonMayPrecede). Not after a digit (1:3, 10:30).
 */
function emoticonEnd(text: string, i: number, n: number): number {
  if (i > 0 && !emoticonMayFollow(text.charCodeAt(i - 1))) return -1;
  let j = i + 1;
  if (j < n && (text.charCodeAt(j) === 0x2d || text.charCodeAt(j) === 0x27)) j++;
  if (j >= n) return -1;
  const mouth = text.charCodeAt(j);
  const kind = mouth < 128 ? MOUTH[mouth]! : 0;
  if (kind === 0) return -1;
  // the eyes : or ; with an = nose are no emoticon (:=), and = needs a mouth of parentheses or D (=), =D; not a=b)
  if (text.charCodeAt(i) === 0x3d && mouth !== 0x29 && mouth !== 0x28 && mouth !== 0x44) return -1;
  // a colon glued to a word before ** closes a Markdown bold span (**نکته:**), no :* face
  if (mouth === 0x2a && j === i + 1 && j + 1 < n && text.charCodeAt(j + 1) === 0x2a && i > 0 && isWordLetter(text.charCodeAt(i - 1))) return -1;
  j++;
  if (kind === 1) while (j < n && text.charCodeAt(j) === mouth) j++;
  if (j < n && !emoticonMayPrecede(text.charCodeAt(j))) return -1;
  return j;
}

/** The end of `<3` or `^_^` / `^^` / `^.^` at `i` (< or ^), or -1; the same boundaries as the other emoticons. */
function glyphEmoticonEnd(text: string, i: number, n: number): number {
  if (i > 0 && !emoticonMayFollow(text.charCodeAt(i - 1))) return -1;
  const c = text.charCodeAt(i);
  let j = -1;
  if (c === 0x3c) {
    if (i + 1 < n && text.charCodeAt(i + 1) === 0x33) {
      j = i + 2;
      while (j < n && text.charCodeAt(j) === 0x33) j++;
    }
  } else if (i + 1 < n) {
    const d = text.charCodeAt(i + 1);
    if (d === 0x5e) j = i + 2;
    else if ((d === 0x5f || d === 0x2e) && i + 2 < n && text.charCodeAt(i + 2) === 0x5e) j = i + 3;
  }
  if (j < 0 || (j < n && !emoticonMayPrecede(text.charCodeAt(j)))) return -1;
  return j;
}

/** The end of the ASCII emoticon that starts at `i` (see emoticonEnd), or -1. */
export function emoticonAt(text: string, i: number, n: number): number {
  const c = text.charCodeAt(i);
  return c === 0x3a || c === 0x3b || c === 0x3d ? emoticonEnd(text, i, n) : c === 0x3c || c === 0x5e ? glyphEmoticonEnd(text, i, n) : -1;
}

/** A whole string that is one ASCII emoticon (`:)`, `;-)`, `:(((`, `<3`, `^_^`). */
export function isEmoticon(s: string): boolean {
  const n = s.length;
  if (n < 2 || n > 16) return false;
  return emoticonAt(s, 0, n) === n;
}

/** the start of an HTML/XML tag (<div, </p>, <!--, <?xml) */
const MARKUP_START = /^<(?:\/?[A-Za-z]|![A-Za-z-]|\?[A-Za-z])/;
/** an attribute that closes a tag (class="x">, href='y'/>), with the tags glued after it (dir="rtl"><span>) */
const MARKUP_ATTR = /^[A-Za-z_:][\w:.-]*=(?:"[^"]*"|'[^']*')(?:\/?>(?:<\/?[A-Za-z][^<>\s]*\/?>)*)?$/;
/** the tags glued after a tag's end (></b>, /><br/>) */
const MARKUP_ATTR_TAIL = /^(?:<\/?[A-Za-z][^<>\s]*\/?>)+$/;
/** an HTML character reference (&nbsp; &amp; &#1740; &#x6cc;) */
const ENTITY = /^&(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#[xX][0-9A-Fa-f]+);$/;

/** a Markdown footnote reference or label ([^1], [^note]) */
const FOOTNOTE = /^\[\^[\w\u06f0-\u06f9-]+\]$/;
/** BBCode tags ([b], [/quote], [*], [url=https://x.ir]; bbcodeEnd), with the tags glued after them ([list][*]) */
const BBCODE = /^(?:\[(?:\/?(?:[bius*]|url|img|quote|code|color|size|list)|(?:[bius*]|url|img|quote|code|color|size|list)=[^\[\]\n\r]+)\])+$/i;
/**
 * the pieces of a tag whose quoted value holds a space, which the tokenizer cuts there as anywhere (<a title="علی رضایی">,
 * [quote="علی رضایی"]): an attribute or a BBCode tag whose quote is not closed (title="علی, [quote="علی), and a piece
 * that closes the quote, with the tag's end after it (رضایی", رضایی">, رضایی"]): a " glued to a word is found only in a
 * protected span (elsewhere it is a mark of its own)
 */
const MARKUP_VALUE_OPEN = /^(?:[A-Za-z_:][\w:.-]*=(?:"[^"]*|'[^']*)|\[(?:[bius*]|url|img|quote|code|color|size|list)=(?:"[^"\]]*|'[^'\]]*))$/i;
const MARKUP_VALUE_CLOSE = /^[^"'\s<>[\]]+"(?:\/?>(?:<\/?[A-Za-z][^<>\s]*\/?>)*|\])?$/;

/** a LaTeX command as the tokenizer keeps it (latexCommandEnd): \section, \cite, \\, \{ */
const LATEX_COMMAND = /^\\(?:[A-Za-z]+|[\\{}[\]()%$&#_,;!])$/;

/**
 * A token of markup that the tokenizer passed through: a tag's start (<div, </div>, <br/>), an attribute that closes a
 * tag (class="x">), a character reference (&nbsp;), a Markdown footnote ([^1]) or a BBCode tag ([b], [url=…]), a LaTeX
 * command (\section, \cite), or a piece of a tag cut at a space inside its quoted value (title="علی, رضایی">). Not an
 * arrow or a comparison (->, x>y).
 */
export function isMarkupToken(s: string): boolean {
  // (each pattern has its own first character: searchTerms asks for every token, most of them Persian words)
  const c = s.charCodeAt(0);
  if (c === 0x3c) return MARKUP_START.test(s);
  if (c === 0x26) return ENTITY.test(s);
  if (c === 0x5b) return FOOTNOTE.test(s) || BBCODE.test(s) || MARKUP_VALUE_OPEN.test(s);
  // the end of a tag cut at the space before it (<br />, <ref name="x" />)
  if (c === 0x2f && s.charCodeAt(1) === 0x3e) return s.length === 2 || MARKUP_ATTR_TAIL.test(s.slice(2));
  // a LaTeX command (\section, \cite, \\, \{): latexCommandEnd; inline math, \(x^2\) or \[x + 1\]: latexMathEnd
  if (c === 0x5c) return LATEX_COMMAND.test(s) || (s.length >= 5 && latexMathEnd(s, 0, s.length) === s.length);
  const z = s.charCodeAt(s.length - 1);
  if ((z === 0x22 || z === 0x3e || z === 0x5d) && MARKUP_VALUE_CLOSE.test(s)) return true;
  return c < 0x80 && (MARKUP_ATTR.test(s) || MARKUP_VALUE_OPEN.test(s));
}

/**
 * The rows of a comma-separated table (CSV) with Persian in its cells: two or more lines in a row, each with the same
 * number (two or more) of commas outside quoted cells, none with a space beside it nor all between digits (1,000,000),
 * and a letter in the Arabic script. Their commas, the quotes of their quoted cells (an escaped "" inside too) and their cells of
 * ASCII digits are marked in `m`: the table stays a table (its commas had become «، » with a space, its quotes « »,
 * its numbers Persian digits), and the text of its cells is normalized as any text. Looks only at the lines that hold
 * a comma (indexOf jumps from one to the next); one pass over each. Whether it marked any. The normalizer's protection
 * only: the tokenizer reads the commas, quotes and numbers of a row as it reads them anywhere.
 */
export function csvRows(text: string, m: Uint8Array): boolean {
  const n = text.length;
  let runEnd = -1; // the end of the last CSV line found (its line break), to tell consecutive lines
  let runCount = -1; // its separators
  let runStart = -1; // the start of the run's first line
  let runLines = 0;
  let found = false;
  let c = text.indexOf(',');
  while (c >= 0) {
    let ls = c;
    while (ls > 0 && !isLineBreak(text.charCodeAt(ls - 1))) ls--;
    let le = c;
    while (le < n && !isLineBreak(text.charCodeAt(le))) le++;
    const k = csvSeparators(text, ls, le);
    // a line right after the last one (\r\n is one break) with as many separators goes on the run
    let next = runEnd;
    if (next >= 0 && next < n && text.charCodeAt(next) === 0x0d && text.charCodeAt(next + 1) === 0x0a) next++;
    if (k >= 2 && k === runCount && ls === next + 1) {
      runLines++;
    } else {
      if (runLines >= 2) found = markCsv(text, runStart, runEnd, m);
      runLines = k >= 2 ? 1 : 0;
      runStart = ls;
      runCount = k;
    }
    runEnd = le;
    c = le < n ? text.indexOf(',', le + 1) : -1;
  }
  if (runLines >= 2) found = markCsv(text, runStart, runEnd, m);
  return found;
}

/**
 * Whether `line` (one line, without its line break) could be a row of a comma-separated table: what csvRows asks of
 * each line, before it asks for a neighbour with as many separators. For a reader that normalizes a long text a piece
 * at a time (the CLI), which must then keep such a line's neighbours together.
 */
export function csvRowCandidate(line: string): boolean {
  return line.indexOf(',') >= 0 && csvSeparators(line, 0, line.length) >= 2;
}

/**
 * The number of separator commas on the line [ls, le) read as a CSV row, or -1 when it is no such row: a quote that
 * opens no cell or closes none, a space beside a separator, every separator between two digits, or no Arabic-script
 * letter on the line.
 */
function csvSeparators(text: string, ls: number, le: number): number {
  let k = 0;
  let cells = false; // a separator not between two digits (1,000,000 is a number)
  let i = ls;
  for (;;) {
    // a cell from i
    if (i < le && text.charCodeAt(i) === 0x22) {
      i++;
      for (;;) {
        if (i >= le) return -1;
        if (text.charCodeAt(i) === 0x22) {
          if (i + 1 < le && text.charCodeAt(i + 1) === 0x22) i += 2;
          else break;
        } else i++;
      }
      i++; // the closing quote: the cell ends here
      if (i < le && text.charCodeAt(i) !== 0x2c) return -1;
    } else {
      while (i < le && text.charCodeAt(i) !== 0x2c) {
        if (text.charCodeAt(i) === 0x22) return -1;
        i++;
      }
    }
    if (i >= le) break;
    // a separator at i
    const b = i > ls ? text.charCodeAt(i - 1) : 0x2c;
    const a = i + 1 < le ? text.charCodeAt(i + 1) : 0x2c;
    if (isHSpace(b) || isHSpace(a)) return -1;
    if (!(isAnyDigit(b) && isAnyDigit(a))) cells = true;
    k++;
    i++;
  }
  if (!cells) return -1;
  for (let j = ls; j < le; j++) if (isArabicLetter(text.charCodeAt(j))) return k;
  return -1;
}

/** Marks the separators, the quotes of quoted cells and the cells of ASCII digits of the CSV lines in [s, e). */
function markCsv(text: string, s: number, e: number, m: Uint8Array): true {
  let i = s;
  while (i <= e) {
    const c = i < e ? text.charCodeAt(i) : 0x0a;
    if (isLineBreak(c)) {
      i++;
      continue;
    }
    // a cell from i
    if (c === 0x22) {
      m[i] = 1;
      i++;
      while (i < e) {
        if (text.charCodeAt(i) === 0x22) {
          m[i] = 1;
          if (i + 1 < e && text.charCodeAt(i + 1) === 0x22) {
            m[i + 1] = 1;
            i += 2;
          } else break;
        } else i++;
      }
      i++;
    } else {
      const cs = i;
      let digits = true;
      while (i < e && text.charCodeAt(i) !== 0x2c && !isLineBreak(text.charCodeAt(i))) {
        const d = text.charCodeAt(i);
        if (!((d >= 0x30 && d <= 0x39) || ((d === 0x2e || d === 0x2d || d === 0x2b) && i > cs))) digits = false;
        i++;
      }
      if (digits && i > cs) m.fill(1, cs, i);
    }
    if (i < e && text.charCodeAt(i) === 0x2c) m[i] = 1;
    i++;
  }
  return true;
}

/** What the detectors of scanProtected carry from one span to the next. */
interface ScanState {
  /**
   * the first '@' at or after the last Latin word that looked for one (n: none), found when a word first needs it, so
   * text without Latin words is not scanned for it. (A plain loop: String#indexOf was seen to take seconds on some
   * long two-byte strings in V8.)
   */
  atPos: number;
  emailFailEnd: number;
  lineStart: number;
  /** inline code: for the current line, the end of the code span that each backtick run opens (computed once per line) */
  codeLine: number;
  codeSpans: Map<number, number> | null;
}

/** 1 on every unit of a protected span of `text`, written into `into` when given (zeroed, of the text's length). */
export function scanProtected(text: string, into?: Uint8Array): Uint8Array {
  const n = text.length;
  const m = into ?? new Uint8Array(n);
  const st: ScanState = { atPos: -1, emailFailEnd: -1, lineStart: 0, codeLine: -1, codeSpans: null };
  // (the loop is kept this small, and everything that may start a span is in spanAt, a function too large to be
  // inlined here: this function runs once per call over the whole text, so V8 optimizes it on stack replacement anew at
  // every call, and with the detectors inlined that compile took 15-40 ms, more than the scan itself on 1 MB)
  let i = 0;
  while (i < n) {
    const t = TRIG[text.charCodeAt(i)]!;
    if (t === 0) i++;
    else if (t === T_BREAK) st.lineStart = ++i;
    else i = spanAt(text, i, n, t, m, st);
  }
  return m;
}

/** At unit `i`, whose trigger is `t`: marks the protected span that starts there in `m` and returns where the scan goes on. */
function spanAt(text: string, i: number, n: number, t: number, m: Uint8Array, st: ScanState): number {
  const c = text.charCodeAt(i);
  let end = -1;
  switch (t) {
    case T_WORD: {
      const w = latinWord(text, i, n);
      const we = w >>> 1;
      end = urlEnd(text, i, we, n);
      if (end < 0 && w & 1) end = pathEnd(text, i, we, n);
      if (end < 0 && i >= st.emailFailEnd && isAsciiAlnum(c)) {
        if (st.atPos < i) {
          let atPos = i;
          while (atPos < n && text.charCodeAt(atPos) !== 0x40) atPos++;
          st.atPos = atPos;
        }
        if (st.atPos < n) {
          const e = emailEnd(text, i, n);
          if (e > 0) end = withUrl(text, i, e, n);
          else st.emailFailEnd = -e;
        }
      }
      if (end < 0) {
        if (w & 1) end = suffixEnd(text, we, n);
        else return we; // digits only: a number, left to the other steps
        // Persian or Arabic-Indic digits glued before the word are part of it, as those glued after it are (latinWord):
        // ٤٥٦abc, ۲x are one span as abc٤٥٦, x۲ are (the digits had stayed a number of their own)
        let s = i;
        while (s > 0 && (isPersianDigit(text.charCodeAt(s - 1)) || isArabicIndicDigit(text.charCodeAt(s - 1)))) s--;
        if (s < i) m.fill(1, s, i);
      }
      break;
    }
    default:
      return markSpan(text, i, n, t, m, st);
  }
  if (end > i) {
    m.fill(1, i, end);
    return end;
  }
  return i + 1;
}

/**
 * spanAt for every trigger but a Latin word or number. Kept out of spanAt: V8 inlines the detectors a function calls into
 * its optimized code and throws that code away at the first branch it had no feedback for, and these triggers (markup,
 * paths, emoticons …) meet new branches in new text far more often than a word does; one function for all made every
 * such deoptimization a rebuild of the word detectors too (100-270 ms of compile-thread time a build on a loaded machine)
 */
function markSpan(text: string, i: number, n: number, t: number, m: Uint8Array, st: ScanState): number {
  const c = text.charCodeAt(i);
  let end = -1;
  switch (t) {
    case T_BACKTICK:
    case T_TILDE: {
      // a path in the home directory (~/.bashrc, ~/src)
      if (c === 0x7e && i + 1 < n && text.charCodeAt(i + 1) === 0x2f && pathOpener(charBeforeInvisible(text, i))) {
        end = relativePathEnd(text, i, n);
        if (end > 0) break;
      }
      let j = i + 1;
      while (j < n && text.charCodeAt(j) === c) j++;
      const r = j - i;
      const lineStart = st.lineStart;
      let indent = i - lineStart <= 3;
      for (let k = lineStart; indent && k < i; k++) if (text.charCodeAt(k) !== 0x20) indent = false;
      if (r >= 3 && indent) {
        end = fenceEnd(text, i, n, c, r);
        break;
      }
      if (t === T_BACKTICK) {
        if (st.codeLine !== lineStart || st.codeSpans === null) {
          st.codeLine = lineStart;
          st.codeSpans = inlineCodeSpans(text, i, n);
        }
        const e = st.codeSpans.get(i);
        if (e !== undefined) end = e;
      }
      if (end < 0) return j; // literal backticks/tildes
      break;
    }
    case T_LT:
      end = tagEnd(text, i, n);
      if (end < 0) end = glyphEmoticonEnd(text, i, n);
      break;
    case T_EYES:
      end = emoticonEnd(text, i, n);
      if (end < 0 && c === 0x3a) end = portEnd(text, i, n);
      break;
    case T_DOLLAR:
    case T_PERCENT:
      end = variableEnd(text, i, n);
      break;
    case T_BACKSLASH:
      end = latexMathEnd(text, i, n);
      if (end < 0) end = latexCommandEnd(text, i, n);
      break;
    case T_LBRACKET:
      // [[رده:شهرهای ایران]], [[تهران|پایتخت]]: the target of a wikitext link is a page name, not text (the spacing
      // step put a space after its colon); the label after | is text, and so is a target without one and without a
      // namespace ([[جنگ جهانی دوم]], shown as written: normalized, and its words are words for keywords)
      if (i + 1 < n && text.charCodeAt(i + 1) === 0x5b) {
        const e = wikiTargetEnd(text, i + 2, n, 0x5d);
        if (e > 0 && (text.charCodeAt(e) === 0x7c || text.slice(i + 2, e).includes(':'))) {
          m.fill(1, i + 2, e);
          return e;
        }
      }
      end = footnoteEnd(text, i, n);
      if (end < 0) end = bbcodeEnd(text, i, n);
      break;
    case T_CARET:
      end = glyphEmoticonEnd(text, i, n);
      break;
    case T_LBRACE:
      // {{الگو:جعبه اطلاعات|...}}: the name of a wikitext template, likewise
      if (i + 1 < n && text.charCodeAt(i + 1) === 0x7b) {
        const e = wikiTargetEnd(text, i + 2, n, 0x7d);
        if (e > 0) {
          m.fill(1, i + 2, e);
          return e;
        }
      }
      // {\an8}, {\i1}, {\pos(400,570)\fad(200,200)}: an override block of an ASS/SSA subtitle, one markup span (its
      // marks and letters had become tokens { \ an8 } of their own): a \ after the {, then up to the } on the line, of
      // ASCII units other than braces (at most 200; no block of its: the braces are marks as before)
      if (i + 1 < n && text.charCodeAt(i + 1) === 0x5c) {
        const lim = Math.min(n, i + 202);
        for (let k = i + 2; k < lim; k++) {
          const d = text.charCodeAt(k);
          if (d === 0x7d) {
            if (k > i + 2) end = k + 1;
            break;
          }
          if (d === 0x7b || d < 0x20 || d > 0x7e) break;
        }
      }
      break;
    case T_BANG:
      // ![alt](target): the ! is markup (the spacing step would glue it to the word before), the target is protected
      // when the scan reaches its ]
      // a line that opens with ! is a header row of a wikitext table (! نام !! جمعیت): its !! between cells is markup,
      // not an exclamation repeated (it was made «نام! جمعیت»). A row opens with one ! and its !! is two marks with a
      // cell after it on the line: not a run (!!! عالی, or a line's last !!: !واقعا؟ عجب !!), which stays punctuation
      if (i + 1 < n && text.charCodeAt(i + 1) === 0x21 && text.charCodeAt(st.lineStart) === 0x21 && st.lineStart < i && headerCellSeparator(text, i, n, st.lineStart)) {
        end = i + 2;
        break;
      }
      if (i + 1 < n && text.charCodeAt(i + 1) === 0x5b) {
        const lim = Math.min(n, i + 2000);
        for (let k = i + 2; k < lim; k++) {
          const d = text.charCodeAt(k);
          if (d === 0x5d) {
            if (linkTargetEnd(text, k, n) > 0) end = i + 1;
            break;
          }
          if (d === 0x5b || isLineBreak(d)) break;
        }
      }
      break;
    case T_AMP:
      end = entityEnd(text, i, n);
      break;
    case T_DOT: {
      // a Latin word written with a leading dot after a space (.NET, .env, .pdf): the dot is part of it, not a
      // sentence's end glued to the next word
      const prev = charBeforeInvisible(text, i);
      // a relative path (./src/index.ts, ../lib): its dots are no sentence's end
      if (pathOpener(prev) && (i + 1 < n && text.charCodeAt(i + 1) === 0x2f || (i + 2 < n && text.charCodeAt(i + 1) === 0x2e && text.charCodeAt(i + 2) === 0x2f))) {
        end = relativePathEnd(text, i, n);
        break;
      }
      if (i + 1 < n && isAsciiLetter(text.charCodeAt(i + 1)) && (isHSpace(prev) || isLineBreak(prev) || prev === 0x28)) {
        const we = latinWord(text, i + 1, n) >>> 1;
        const u = urlEnd(text, i + 1, we, n);
        end = u > 0 ? u : we;
      }
      break;
    }
    case T_SLASH: {
      // an absolute path (/etc/hosts, /v1/normalize, /index.html) after a space, a line start or an opening mark
      const prev = charBeforeInvisible(text, i);
      // (a straight quote opens only when no letter or digit is glued before it: after one it closes a string, "ی"/i/x,
      // which the character step turns into », after which no path starts — the second pass read the path as text)
      const pk = indexBeforeInvisible(text, i);
      const pp = pk > 0 ? charBeforeInvisible(text, pk) : 0x20;
      // (a presentation form is the letter the character step makes of it: ﷲ"/usr/bin had the quote open a path, and
      // once ﷲ was الله the second pass read it closing one — found by fuzzing at 30,000 runs)
      const closes = (prev === 0x22 || prev === 0x27) && (LATIN[pp] !== 0 || isArabicLetter(pp) || isPresentationForm(pp) || isAnyDigit(pp));
      if (i + 1 < n && isAsciiLetter(text.charCodeAt(i + 1)) && (isHSpace(prev) || isLineBreak(prev) || prev === 0x28 || ((prev === 0x22 || prev === 0x27) && !closes) || prev === 0xab || prev === 0x5b)) {
        const [e, slashes, dotLast] = posixPath(text, i, n, true);
        if (slashes >= 2 || dotLast) end = e;
      }
      break;
    }
    case T_RBRACKET:
      end = linkTargetEnd(text, i, n);
      if (end > 0) i++; // the target from its ( on; the ] belongs to the link text
      break;
    case T_AT: {
      const prev = i > 0 ? text.charCodeAt(i - 1) : 0x20;
      const first = i + 1 < n ? text.charCodeAt(i + 1) : 0;
      if (!isWordish(prev) && (isAsciiLetter(first) || first === 0x5f)) {
        let j = i + 1;
        while (j < n) {
          const d = text.charCodeAt(j);
          if (isAsciiAlnum(d) || d === 0x5f || (d === 0x2e && j + 1 < n && isAsciiAlnum(text.charCodeAt(j + 1)))) j++;
          else break;
        }
        if (j > i + 1) end = withUrl(text, i, j, n);
      } else if (HASHTAG[charBeforeFormat(text, i)] === 0 && HASHTAG[first] === 2 && LATIN[first] !== 1) {
        // a mention typed in the Arabic script (@مریم‌کریمی, @مریم_کریمی) after no letter, digit or mark (سلام@علی is
        // none; nor ا + BOM + @: the character step drops the BOM, and the @ would be a mention on one pass only): its
        // letters, digits, marks, _ and ZWNJ, as a hashtag's (the @ had been a token of its own and the name another);
        // a ZWNJ at its end is no part of it
        let j = i + 2;
        while (j < n && HASHTAG[text.charCodeAt(j)]! !== 0 && LATIN[text.charCodeAt(j)] !== 1) j++;
        while (text.charCodeAt(j - 1) === 0x200c) j--;
        end = j;
      }
      break;
    }
    case T_HASH: {
      const prev = i > 0 ? text.charCodeAt(i - 1) : 0x20;
      if (!isWordish(prev)) {
        let j = i + 1;
        let letter = false;
        while (j < n) {
          const h = HASHTAG[text.charCodeAt(j)]!;
          if (h === 0) break;
          if (h === 2) letter = true;
          j++;
        }
        while (j > i + 1 && text.charCodeAt(j - 1) === 0x200c) j--;
        // a Latin word (or URL) at the end of the tag is taken whole (#تگv1.2), so that the tag cannot cut it
        let q = j;
        while (q > i + 1 && LATIN[text.charCodeAt(q - 1)]) q--;
        if (q < j) {
          const we = latinWord(text, q, n) >>> 1;
          const u = urlEnd(text, q, we, n);
          j = Math.max(j, u > 0 ? u : we);
        }
        if (letter) end = withUrl(text, i, j, n);
      }
      break;
    }
  }
  if (end > i) {
    m.fill(1, i, end);
    return end;
  }
  return i + 1;
}

/**
 * Code spans of one line from `from` on: a run of k backticks opens a span that ends after the next run of exactly k
 * backticks on the same line (Markdown code spans; kept to one line). Map from opening run start to span end.
 */
function inlineCodeSpans(text: string, from: number, n: number): Map<number, number> {
  const starts: number[] = [];
  const lens: number[] = [];
  let j = from;
  while (j < n) {
    const c = text.charCodeAt(j);
    if (isLineBreak(c)) break;
    if (c === 0x60) {
      const s = j;
      while (j < n && text.charCodeAt(j) === 0x60) j++;
      starts.push(s);
      lens.push(j - s);
    } else j++;
  }
  const spans = new Map<number, number>();
  // pair left to right: each opener takes the next run of equal length; runs inside a span are not openers
  const nextSame = new Int32Array(starts.length).fill(-1);
  const lastByLen = new Map<number, number>();
  for (let k = starts.length - 1; k >= 0; k--) {
    const l = lens[k]!;
    const nx = lastByLen.get(l);
    if (nx !== undefined) nextSame[k] = nx;
    lastByLen.set(l, k);
  }
  for (let k = 0; k < starts.length; k++) {
    const nx = nextSame[k]!;
    if (nx < 0) continue;
    spans.set(starts[k]!, starts[nx]! + lens[nx]!);
    k = nx; // skip the runs inside and the closer
  }
  return spans;
}

/** A URL or e-mail address found by findLinks. */
export interface LinkSpan {
  type: 'url' | 'email';
  start: number;
  end: number;
}

/**
 * The URLs and e-mail addresses of a text, with the detectors scanProtected uses (so they are exactly the spans
 * normalization passes through as links): a Latin word that is a scheme + "://", "mailto:" or holds "www.", and
 * local@domain.tld. Linear on any input.
 */
export function findLinks(text: string): LinkSpan[] {
  textArgument(text, 'findLinks');
  const n = text.length;
  const out: LinkSpan[] = [];
  let atPos = -1;
  let emailFailEnd = -1;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (!LATIN[c] || (i > 0 && (LATIN[text.charCodeAt(i - 1)] || isLocalChar(text.charCodeAt(i - 1))))) {
      i++;
      continue;
    }
    const we = latinWord(text, i, n) >>> 1;
    let end = urlEnd(text, i, we, n);
    let type: LinkSpan['type'] = 'url';
    if (end < 0 && i >= emailFailEnd && isAsciiAlnum(c)) {
      if (atPos < i) {
        atPos = i;
        while (atPos < n && text.charCodeAt(atPos) !== 0x40) atPos++;
      }
      if (atPos < n) {
        const e = emailEnd(text, i, n);
        if (e > 0) {
          end = e;
          type = 'email';
        } else emailFailEnd = -e;
      }
    }
    if (end > i) {
      out.push({ type, start: i, end });
      i = end;
    } else i = Math.max(we, i + 1);
  }
  return out;
}

/** some unit of [a, b) is protected in `prot` (scanProtected, protectedLetters): code, a mention, a hashtag, a URL, markup */
export function anyProtected(prot: Uint8Array, a: number, b: number): boolean {
  if (prot.length === 0) return false;
  for (let k = a; k < b; k++) if (prot[k] === 1) return true;
  return false;
}

/**
 * The protection mask for callers that only care about words of Arabic-script letters (the spelling checker, the
 * number finder): only code (backticks, a fence of tildes), markup, a mention or hashtag, or a URL or file path holds
 * one, so for text without any of ` ~ # @ / \ < & the scan is skipped and the mask is empty (anyProtected: nothing protected).
 */
export function protectedLetters(text: string): Uint8Array {
  return MAY_PROTECT.test(text) ? scanProtected(text) : NONE;
}
const MAY_PROTECT = /[`~#@/\\<&]/;
const NONE = new Uint8Array(0);
