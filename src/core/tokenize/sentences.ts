/**
 * Sentence boundaries over scanned tokens: after terminal punctuation (. ! ? ؟ … and runs of them) plus any closing
 * quotes or brackets glued to it, and at every line break. A dot after a single letter (دکتر م. رضایی), a Latin initial
 * spelled in Persian letters between words (جان اف. کندی) or a Latin title
 * (Dr. Smith), a Latin initial before a Latin word (E. coli), inside a dotted abbreviation or a number, or after a list
 * item's number at a line's start (۱. مورد) is not a boundary; nor is it after the number of an item of a list inside a
 * line (… ۱. پرسپولیس ۵۴ امتیاز ۲. استقلال), where the sentence breaks before each item's number after the first;
 * references glued after the mark ([۱][۲]) end the sentence with it.
 */
import type { RawTokens } from './scan.js';
import { isTerminalChar } from './scan.js';
import { digitValue, isArabicMark, isAsciiCapital, isHSpace, isLatinLetter } from '../chars.js';


const CLOSERS = new Set(['»', '"', "'", ')', ']', '}', '”', '’', '›']);
/** what an item's text may open with after its number: a bracket or a quote */
const OPENERS = new Set(['(', '[', '«', '"', '“']);
/** marks that go on a sentence, never begin one */
const CONTINUERS = new Set([',', '،', ';', '؛']);
const isDigitChar = (c: number): boolean => digitValue(c) >= 0;

/**
 * Latin titles and abbreviations a name or a word follows (Dr. Smith, Mr. Brown, Prof. Rahimi, A vs. B): their dot,
 * glued to them, ends no sentence. Kept to forms that hardly ever end one (not etc., No., Inc.). INT. and EXT. head a
 * screenplay's scene (INT. خانه - شب).
 */
const LATIN_TITLES = new Set(['Mr', 'Mrs', 'Ms', 'Dr', 'Prof', 'Sr', 'Jr', 'St', 'Mt', 'Gen', 'Col', 'Lt', 'Capt', 'Sgt', 'Rev', 'Hon', 'vs', 'cf', 'approx', 'INT', 'EXT']);

/**
 * words no sentence begins with after a Latin initial: a conjunction that joins it to the next name or word, or a word
 * that only ever follows what it belongs to — the copula است and the object marker را (ویتامین B. است, ویتامین C. را)
 */
const INITIAL_JOINERS = new Set(['و', 'یا', '&', 'است', 'را']);

/**
 * Persian spellings of Latin letter names, written as an initial (جان اف. کندی, جرج دبلیو. بوش): those that are no
 * Persian word a sentence could end with. Left out: زد (hit), دی (a month), کی (when), ای and ام (you are, I am, written
 * apart), اس (است, spoken), سی (thirty), وی (he), پی (after), وای (oh): the treebanks' train parts end 17 sentences with
 * زد. and none has a letter name and a dot inside a sentence.
 */
const LETTER_INITIALS = new Set(['اف', 'بی', 'جی', 'اچ', 'کیو', 'اکس', 'دبلیو', 'آر', 'تی', 'ال', 'ان', 'یو', 'آی']);

/**
 * words that open a sentence and never go on a name: pronouns, conjunctions, question words and sentence adverbs, the
 * commonest first words of the PerDT and Seraji train text (text/*-train.txt: اگر 971, این 965, من 642, ما 512, او 425,
 * وقتی 284, شما 280, آیا 269, ... of 31k lines) but for the prepositions, یک and وی (also the letter V: اچ.آی.وی, which
 * the normalizer spaces to اچ. آی. وی, split there on the train text). A spelled initial goes on with a name
 * (جان اف. کندی); before one of these its dot ends the sentence (گفت جی. بعد رفت.). The train text has no letter name
 * with a dot at a sentence end, nor an initial before such a word: the rule reads the word after, not counts.
 */
const SENTENCE_OPENERS = new Set(['اگر', 'این', 'آن', 'من', 'ما', 'او', 'آنها', 'آن\u200cها', 'شما', 'تو', 'آیا', 'وقتی', 'پس', 'اما', 'ولی', 'بعد', 'سپس', 'چرا', 'شاید', 'همچنین']);

/** whether token k is one of LETTER_INITIALS with a dot glued after it */
function spelledInitial(t: string, tk: RawTokens, k: number): boolean {
  return k >= 0 && k + 1 < tk.length && tk.kind[k] === 'word' && tk.start[k + 1] === tk.end[k] && t.charCodeAt(tk.start[k + 1]!) === 0x2e && tk.end[k + 1]! - tk.start[k + 1]! === 1 && LETTER_INITIALS.has(t.slice(tk.start[k]!, tk.end[k]!));
}

/** whether token j, after a single Latin capital and its dot, goes on with it: a joining conjunction (A. و B., J. & K.),
 * the copula or را (B. است), or a bracketed year, four digits (Doe, A. (2020).) */
function initialGoesOn(t: string, tk: RawTokens, j: number): boolean {
  const w = t.slice(tk.start[j]!, tk.end[j]!);
  if (INITIAL_JOINERS.has(w)) return true;
  return w === '(' && j + 1 < tk.length && tk.start[j + 1] === tk.end[j] && tk.kind[j + 1] === 'number' && tk.end[j + 1]! - tk.start[j + 1]! === 4;
}

/** how far (in tokens) the </ref> of a wikitext reference is looked for on its line */
const REF_WINDOW = 200;

/**
 * whether the token [s, e) begins a tag <ref (any case): <ref>, <ref/>, a tag with attributes (<ref name="x">, one
 * token: scan's tagSpanEnd), or <ref cut at the space before its attributes (by a caller's own protection mask)
 */
function refTagStart(t: string, s: number, e: number): boolean {
  if (e - s < 4 || t.charCodeAt(s) !== 0x3c || (t.charCodeAt(s + 1) | 0x20) !== 0x72 || (t.charCodeAt(s + 2) | 0x20) !== 0x65 || (t.charCodeAt(s + 3) | 0x20) !== 0x66) return false;
  const c = t.charCodeAt(s + 4);
  return e - s === 4 || c === 0x3e || c === 0x2f || isHSpace(c);
}

/**
 * Whether [s, e) is a closing tag: </i>, </font>, [/b] (of the given name, any case, when `name` is given) — markup
 * that closes what the sentence's text began, never begins a sentence.
 */
function isClosingTag(t: string, s: number, e: number, name?: string): boolean {
  const o = t.charCodeAt(s);
  if (e - s < 4 || t.charCodeAt(s + 1) !== 0x2f || !((o === 0x3c && t.charCodeAt(e - 1) === 0x3e) || (o === 0x5b && t.charCodeAt(e - 1) === 0x5d))) return false;
  if (name === undefined) return isLatinLetter(t.charCodeAt(s + 2));
  return e - s === name.length + 3 && t.slice(s + 2, e - 1).toLowerCase() === name;
}

/** whether [s, e) is an override block of an ASS/SSA subtitle, {\i0} (one protected token) */
function isOverrideBlock(t: string, s: number, e: number): boolean {
  return e - s >= 4 && t.charCodeAt(s) === 0x7b && t.charCodeAt(s + 1) === 0x5c && t.charCodeAt(e - 1) === 0x7d;
}

/**
 * Token j begins a wikitext reference, <ref>…</ref> closed on its line or <ref name="…" /> (one token, or pieces cut
 * at its spaces up to the one that ends in >): the index after it; -1 when j begins a <ref that is not closed so;
 * j when j is no <ref.
 */
function refEnd(t: string, tk: RawTokens, j: number): number {
  const n = tk.length;
  if (tk.kind[j] !== 'protected' || !refTagStart(t, tk.start[j]!, tk.end[j]!)) return j;
  let k = j;
  while (k < n && k - j <= REF_WINDOW && tk.kind[k] === 'protected' && (k === j || !tk.lineBefore[k]) && t.charCodeAt(tk.end[k]! - 1) !== 0x3e) k++;
  if (k >= n || k - j > REF_WINDOW || tk.kind[k] !== 'protected' || tk.lineBefore[k] && k > j || t.charCodeAt(tk.end[k]! - 1) !== 0x3e) return -1;
  if (t.charCodeAt(tk.end[k]! - 2) === 0x2f) return k + 1;
  k++;
  while (k < n && k - j <= REF_WINDOW && !tk.lineBefore[k] && !(tk.kind[k] === 'protected' && isClosingTag(t, tk.start[k]!, tk.end[k]!, 'ref'))) k++;
  if (k >= n || k - j > REF_WINDOW || tk.lineBefore[k]) return -1;
  return k + 1;
}

/**
 * The index after the references glued one after another at token j ([۱], [۲][۳], [۱۲]، [نیازمند منبع], [note 1]: a
 * [ glued to what comes before it, at most four words or numbers on the line, and ]; a Markdown footnote, [^1]), or j
 * when none is there.
 */
function afterReferences(t: string, tk: RawTokens, j: number): number {
  const n = tk.length;
  for (;;) {
    if (j < n && !tk.lineBefore[j] && tk.start[j] === tk.end[j - 1]) {
      const e = refEnd(t, tk, j);
      if (e < 0) return j;
      if (e > j) {
        j = e;
        continue;
      }
    }
    if (j >= n || tk.lineBefore[j] || tk.start[j] !== tk.end[j - 1] || t.charCodeAt(tk.start[j]!) !== 0x5b) return j;
    // a Markdown footnote, one token ([^1])
    if (t.charCodeAt(tk.start[j]! + 1) === 0x5e && t.charCodeAt(tk.end[j]! - 1) === 0x5d) {
      j++;
      continue;
    }
    if (tk.end[j]! - tk.start[j]! !== 1) return j;
    let k = j + 1;
    while (k < n && k - j <= 4 && !tk.lineBefore[k] && tk.kind[k] !== 'punct') k++;
    if (k === j + 1 || k >= n || tk.lineBefore[k] || tk.end[k]! - tk.start[k]! !== 1 || t.charCodeAt(tk.start[k]!) !== 0x5d) return j;
    j = k + 1;
  }
}

/** whether [s, e) is one letter, maybe with its vowel signs (م, اِ, بُ): an abbreviation before a dot */
function oneVowelledLetter(t: string, s: number, e: number): boolean {
  for (let k = s + 1; k < e; k++) if (!isArabicMark(t.charCodeAt(k))) return false;
  return e > s;
}

/** how many abbreviations one pair of brackets may hold, (مص. ل.), [ع. - فا.] */
const BRACKET_ABBREVIATIONS = 4;
/** how long (letters and vowel signs) a word in such brackets may be */
const BRACKET_ABBREVIATION_LENGTH = 5;
/** what may stand between such abbreviations: [ع. - فا.], (ص.، ق.) */
const ABBREVIATION_SEPARATORS = new Set(['-', '،', ',', '/']);

/** whether [s, e) is a file extension: two to four lower-case ASCII letters and digits, a letter first (pdf, docx, mp3) */
function fileExtension(t: string, s: number, e: number): boolean {
  if (e - s < 2 || e - s > 4) return false;
  for (let k = s; k < e; k++) {
    const c = t.charCodeAt(k);
    if (!((c >= 0x61 && c <= 0x7a) || (k > s && c >= 0x30 && c <= 0x39))) return false;
  }
  return true;
}

/** whether token k is the one character c */
function oneChar(t: string, tk: RawTokens, k: number, c: number): boolean {
  return tk.end[k]! - tk.start[k]! === 1 && t.charCodeAt(tk.start[k]!) === c;
}

/** whether token k is a word of at most BRACKET_ABBREVIATION_LENGTH units with a dot glued after it */
function shortAbbreviation(t: string, tk: RawTokens, k: number): boolean {
  return k >= 0 && k + 1 < tk.length && tk.kind[k] === 'word' && tk.end[k]! - tk.start[k]! <= BRACKET_ABBREVIATION_LENGTH && tk.start[k + 1] === tk.end[k] && oneChar(t, tk, k + 1, 0x2e);
}

/** whether token k is one of ABBREVIATION_SEPARATORS */
function abbreviationSeparator(t: string, tk: RawTokens, k: number): boolean {
  return tk.kind[k] === 'punct' && tk.end[k]! - tk.start[k]! === 1 && ABBREVIATION_SEPARATORS.has(t[tk.start[k]!]!);
}

/**
 * Whether the dot token i is in brackets that hold nothing but short words each glued to its dot, as a dictionary labels
 * a sense or gives an etymology ((ص.), (مج.), (اِمر.), (مص. ل.), [ع. - فا.]): an opening bracket, one to
 * BRACKET_ABBREVIATIONS such words on the line (a dash or a comma between them), and the closing bracket glued to the
 * last dot. A sentence in brackets has more words, or words without dots.
 */
function bracketedAbbreviation(t: string, tk: RawTokens, i: number): boolean {
  const n = tk.length;
  let count = 0;
  // back to the opening bracket glued to the first word: pairs of word and dot, a separator between them
  let k = i - 1;
  for (;;) {
    if (!shortAbbreviation(t, tk, k) || tk.lineBefore[k + 1] || ++count > BRACKET_ABBREVIATIONS || k < 1 || tk.lineBefore[k]) return false;
    if ((oneChar(t, tk, k - 1, 0x28) || oneChar(t, tk, k - 1, 0x5b)) && tk.end[k - 1] === tk.start[k]) break;
    k -= abbreviationSeparator(t, tk, k - 1) ? 3 : 2;
    if (k < 0 || tk.lineBefore[k + 2]) return false;
  }
  // forward to the closing bracket glued to the last dot
  let j = i;
  for (;;) {
    if (j + 1 >= n || tk.lineBefore[j + 1]) return false;
    if ((oneChar(t, tk, j + 1, 0x29) || oneChar(t, tk, j + 1, 0x5d)) && tk.start[j + 1] === tk.end[j]) return true;
    if (abbreviationSeparator(t, tk, j + 1) && j + 2 < n && !tk.lineBefore[j + 2]) j++;
    if (!shortAbbreviation(t, tk, j + 1) || tk.lineBefore[j + 1] || ++count > BRACKET_ABBREVIATIONS) return false;
    j += 2;
  }
}

/**
 * The value of the number of a list item whose dot is token i (a number of one to three digits glued to the dot, a space
 * and the item's text after it on the line: ۲. استقلال), or -1.
 */
function itemNumber(t: string, tk: RawTokens, i: number): number {
  const n = tk.length;
  if (i < 1 || i + 1 >= n || tk.kind[i] !== 'punct' || tk.kind[i - 1] !== 'number') return -1;
  const s = tk.start[i]!;
  if (tk.end[i]! - s !== 1 || t.charCodeAt(s) !== 0x2e || tk.end[i - 1] !== s || tk.lineBefore[i + 1] || tk.start[i + 1]! === tk.end[i]) return -1;
  // (an item's text may open with a bracket or a quote: ۲. (مج.) دانش, a dictionary's sense with its label)
  if ((tk.kind[i + 1] === 'punct' && !OPENERS.has(t.slice(tk.start[i + 1]!, tk.end[i + 1]!))) || tk.kind[i + 1] === 'number') return -1;
  let v = 0;
  const ps = tk.start[i - 1]!;
  if (s - ps > 3) return -1;
  for (let k = ps; k < s; k++) {
    const d = digitValue(t.charCodeAt(k));
    if (d < 0) return -1;
    v = v * 10 + d;
  }
  return v;
}

/** how far (in tokens) an inline list's next or previous item number is looked for on the line */
const ITEM_WINDOW = 60;

/**
 * Whether the list item number whose dot is token i, of value v, is one of an inline enumeration: the item numbered v - 1
 * (`before`) or v + 1 (after) stands on the same line within ITEM_WINDOW tokens (رده‌بندی: ۱. پرسپولیس ۵۴ امتیاز ۲. استقلال).
 */
function enumerated(t: string, tk: RawTokens, i: number, v: number, before: boolean): boolean {
  const n = tk.length;
  if (before) {
    for (let k = i - 2; k >= 1 && i - k <= ITEM_WINDOW; k--) {
      if (tk.lineBefore[k + 1]) return false;
      if (t.charCodeAt(tk.start[k]!) === 0x2e && itemNumber(t, tk, k) === v - 1) return true;
    }
    return false;
  }
  for (let k = i + 2; k < n && k - i <= ITEM_WINDOW; k++) {
    if (tk.lineBefore[k]) return false;
    if (t.charCodeAt(tk.start[k]!) === 0x2e && itemNumber(t, tk, k) === v + 1) return true;
  }
  return false;
}

/**
 * Returns the index of the first token of each sentence. `quoted`: 'continues' reads a terminal mark inside closing
 * quotes or brackets followed by more words on the line (`«پس چرا؟» ولی یهو`, `(…خوش گذشت!) و بعد`) as the end of the
 * quotation, not of the sentence (iPerUDT: 16 of its 17 such marks in its train part are inside a sentence; PerDT 1 of
 * 3); 'ends' (default) ends the sentence there.
 */
export function sentenceStarts(t: string, tk: RawTokens, quoted: 'ends' | 'continues' = 'ends'): number[] {
  const starts: number[] = [];
  const n = tk.length;
  if (n === 0) return starts;
  starts.push(0);
  for (let i = 0; i < n; i++) {
    if (i > 0 && tk.lineBefore[i] && starts[starts.length - 1] !== i) starts.push(i);
    if (tk.kind[i] === 'protected') {
      // a wikitext reference inside the sentence (…موضوع<ref>کتاب ک. ص. ۱۲.</ref> مهم است.): the full stops of its
      // citation end no sentence (they cut it in two at ۱۲.); the sentence goes on after </ref>
      const e = refEnd(t, tk, i);
      if (e > i + 1) i = e - 1;
      continue;
    }
    if (tk.kind[i] !== 'punct') continue;
    const s = tk.start[i]!;
    const e = tk.end[i]!;
    // news dateline at the start of a sentence: "تهران - ایرنا:" is a sentence of its own (at the start of a line,
    // or after the previous sentence's terminal mark when paragraphs run together)
    if (e - s === 1 && t.charCodeAt(s) === 0x3a && i + 1 < n && !tk.lineBefore[i + 1]) {
      const first = starts[starts.length - 1]!;
      if (i - first <= 6) {
        let dash = false;
        // (a dash after a word: one that begins the sentence is a list's bullet, - مورد دوم: ...; one dash between
        // words: a Markdown table's alignment row, |---|:---:|, is no dateline)
        const wordy = (k: number): boolean => tk.kind[k] === 'word' || tk.kind[k] === 'latin' || tk.kind[k] === 'abbr';
        for (let k = first + 1; k < i; k++) {
          if (tk.kind[k] === 'punct' && tk.end[k]! - tk.start[k]! === 1 && (t.charCodeAt(tk.start[k]!) === 0x2d || t.charCodeAt(tk.start[k]!) === 0x2013) && wordy(k - 1) && wordy(k + 1)) dash = true;
        }
        if (dash) {
          starts.push(i + 1);
          continue;
        }
      }
    }
    if (!isTerminalChar(t.charCodeAt(s))) continue;
    // an ellipsis alone ("…", "...") continues the sentence (as in the treebanks) unless the line ends
    let onlyDots = true;
    for (let k = s; k < e; k++) if (t.charCodeAt(k) !== 0x2e && t.charCodeAt(k) !== 0x2026) onlyDots = false;
    if (onlyDots && (e - s > 1 || t.charCodeAt(s) === 0x2026)) continue;
    if (e - s === 1 && t.charCodeAt(s) === 0x2e && i > 0) {
      // a dot glued to a single letter is an abbreviation (م. ، ق.); a single Latin capital's before a Latin word is an
      // initial (E. coli, J. K. Rowling)
      const ps = tk.start[i - 1]!;
      const pe = tk.end[i - 1]!;
      if (pe === s && tk.kind[i - 1] === 'word' && oneVowelledLetter(t, ps, pe)) continue;
      // an abbreviation in brackets, a dictionary's or a glossary's label ((ص.), (مج.), (اِمر.), (مص. ل.)): no end
      if (pe === s && bracketedAbbreviation(t, tk, i)) continue;
      if (pe === s && pe - ps === 1 && isAsciiCapital(t.charCodeAt(ps)) && i + 1 < n && !tk.lineBefore[i + 1] && isLatinLetter(t.charCodeAt(tk.start[i + 1]!))) continue;
      // a Latin initial spelled in Persian letters between two words (جان اف. کندی): a name goes on
      // (or in a run of them, اف. بی. آی. گفت)
      // (not before a word that opens a sentence and never goes on a name: گفت جی. بعد رفت. is two sentences)
      if (spelledInitial(t, tk, i - 1) && i + 1 < n && !tk.lineBefore[i + 1] && tk.kind[i + 1] === 'word' && tk.start[i + 1]! > e && !SENTENCE_OPENERS.has(t.slice(tk.start[i + 1]!, tk.end[i + 1]!))) {
        if (i >= 2 && !tk.lineBefore[i - 1] && (tk.kind[i - 2] === 'word' || (i >= 3 && spelledInitial(t, tk, i - 3)))) continue;
        if (spelledInitial(t, tk, i + 1)) continue;
      }
      // ... and before what no sentence begins with: a conjunction (A. و B.), or a year in brackets after it (Doe, A.
      // (2020). in a reference list)
      if (pe === s && pe - ps === 1 && isAsciiCapital(t.charCodeAt(ps)) && i + 1 < n && !tk.lineBefore[i + 1] && initialGoesOn(t, tk, i + 1)) continue;
      // a dot between digits with nothing between them (doi:10.1038/…, where the scanner cut the dot out of the
      // number): inside a code or a number, no end (the DOI had been two sentences)
      if (pe === s && isDigitChar(t.charCodeAt(s - 1)) && i + 1 < n && tk.start[i + 1] === e && isDigitChar(t.charCodeAt(e))) continue;
      // a file name's extension glued after the dot (گزارش.pdf, نهایی.docx): inside a name, no end (the sentence broke
      // before the extension)
      if (pe === s && i + 1 < n && tk.start[i + 1] === e && (tk.kind[i + 1] === 'latin' || tk.kind[i + 1] === 'protected') && fileExtension(t, e, tk.end[i + 1]!)) continue;
      // a Latin title or abbreviation (Dr. Smith, A vs. B)
      if (pe === s && pe - ps <= 6 && LATIN_TITLES.has(t.slice(ps, pe)) && i + 1 < n && !tk.lineBefore[i + 1]) continue;
      // the number of a list item at the start of a line (۱. مورد اول, 12. item): the item goes on
      if (pe === s && tk.kind[i - 1] === 'number' && pe - ps <= 3 && (i === 1 || tk.lineBefore[i - 1]) && i + 1 < n && !tk.lineBefore[i + 1] && tk.start[i + 1]! > e) continue;
      // the number of an item of a list inside a line (رده‌بندی: ۱. پرسپولیس ۵۴ امتیاز ۲. استقلال ۵۰ امتیاز): the item
      // goes on, and an item after the first begins a sentence at its number
      const v = itemNumber(t, tk, i);
      if (v >= 0) {
        if (v > 0 && enumerated(t, tk, i, v, true)) {
          if (starts[starts.length - 1]! < i - 1) starts.push(i - 1);
          continue;
        }
        if (enumerated(t, tk, i, v, false)) continue;
      }
    }
    let j = i + 1;
    // a reference glued after the mark ([۱], [۲][۳], [نیازمند منبع]: an encyclopedia's citations) ends the sentence
    // it follows, not begins the next
    j = afterReferences(t, tk, j);
    // whether the mark is closed by quotes or brackets with no terminal mark after them
    let closed = false;
    while (j < n && tk.kind[j] === 'punct' && !tk.lineBefore[j]) {
      const c = t.slice(tk.start[j]!, tk.end[j]!);
      // closing quotes and brackets, and a terminal mark right after them (».) stay with the sentence
      if (CLOSERS.has(c)) closed = true;
      else if (isTerminalChar(c.charCodeAt(0)) && tk.start[j] === tk.end[j - 1]) closed = false;
      else break;
      j++;
    }
    // closing tags after them (<i>سلام؟</i>, a subtitle's italics; [/b]) close what the sentence's text began: they stay
    // with it (a </i> began the next sentence, alone at a line's end)
    // (and a subtitle's override block glued after the mark with nothing glued after it, {\i0} that ends its italics,
    // likewise; one glued to the next word, سلام.{\i1}خوبی, opens the next sentence's italics: it begins that sentence)
    while (j < n && tk.kind[j] === 'protected' && !tk.lineBefore[j] && (isClosingTag(t, tk.start[j]!, tk.end[j]!) || (tk.start[j] === tk.end[j - 1] && isOverrideBlock(t, tk.start[j]!, tk.end[j]!) && !(j + 1 < n && !tk.lineBefore[j + 1] && tk.start[j + 1] === tk.end[j])))) j++;
    if (closed && quoted === 'continues') {
      i = j - 1;
      continue;
    }
    // no sentence begins with a comma or a semicolon: the mark before one ends an abbreviation (Smith et al., 2020;
    // Smith, J., & Doe: a reference list), not a sentence
    if (j < n && !tk.lineBefore[j] && !CONTINUERS.has(t.slice(tk.start[j]!, tk.end[j]!))) starts.push(j);
    i = j - 1;
  }
  return starts;
}
