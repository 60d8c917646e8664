/**
 * Sentence splitting and word tokenization of (normalized) text into a Doc whose tokens point into the ORIGINAL input.
 */
import { AlignedText } from '../aligned.js';
import { isEdgeControl, isHSpace, isJoiner, isLineBreak } from '../chars.js';
import { Doc, Sentence, Token, Word } from '../doc.js';
import { badOption, DabirError, kindOf, knownOptions, showValue, textArgument } from '../errors.js';
import type { MwtSplitter } from './mwt.js';
import { scanProtected } from '../normalize/protect.js';
import { scanTokensTransient, type RawTokens } from './scan.js';
import { transientInt32 } from '../scratch.js';
import { sentenceStarts } from './sentences.js';

export { scanTokens, type RawTokens, type TokenKind } from './scan.js';
export { MwtSplitter, type Lexicon, type MwtData } from './mwt.js';
export { sentenceStarts } from './sentences.js';

export interface TokenizeOptions {
  /** splits clitics into syntactic words (UD multi-word tokens); without it every token is one word */
  mwt?: MwtSplitter | undefined;
  /**
   * PerDT's convention: a mark glued to a multi-word token belongs to it (`امیدم،` = `امید` + `م` + `،`, one token).
   * Seraji and iPerUDT keep the mark a token of its own.
   */
  punctInMwt?: boolean;
  /**
   * a terminal mark inside closing quotes or brackets followed by more words on its line: the end of the sentence
   * ('ends', default; PerDT, Seraji) or only of the quotation ('continues'; iPerUDT's convention)
   */
  quoted?: 'ends' | 'continues';
  /**
   * a run of the same ! ? or ؟ (one mark after the normalizer) is one token ('one', default: PerDT, Seraji) or a token
   * per mark as written ('each': iPerUDT writes every !! and ؟؟ of its train part mark by mark)
   */
  markRuns?: 'one' | 'each';
  /**
   * the words of a multi-word token whose ZWNJs (only) the normalizer changed are cut from the token as written
   * (`برمیگرده` = `بر` + `میگرده`, iPerUDT's convention: the bloggers' spelling), not from its normalized form
   */
  wordsAsWritten?: boolean;
}

/** the marks PerDT puts inside a multi-word token when they are glued to it: . ، ؟ ! ؛ : */
function isMwtMark(t: string, s: number, e: number): boolean {
  if (e !== s + 1) return false;
  const c = t.charCodeAt(s);
  return c === 0x2e || c === 0x060c || c === 0x061f || c === 0x21 || c === 0x061b || c === 0x3a;
}

/**
 * Tokens of the normalized text that come from one unit of the original are one token: a presentation form that the
 * normalizer turned into two marks (ﳲ → َّ) cannot be cut, since a token is a span of the original. Nearly always
 * there is nothing to merge, and the scan is returned as it is.
 */
function mergeShared(tk: RawTokens, a: AlignedText): RawTokens {
  // (text that no step changed: every unit is its own)
  if (a.isIdentity) return tk;
  const { srcStart, srcEnd } = a;
  /** token [s, e) begins inside the input unit where the token ending at pe ended (both non-empty) */
  const shares = (ps: number, pe: number, s: number, e: number): boolean => pe > ps && e > s && srcStart[s]! < srcEnd[pe - 1]!;
  const n = tk.length;
  let i = 1;
  while (i < n && !shares(tk.start[i - 1]!, tk.end[i - 1]!, tk.start[i]!, tk.end[i]!)) i++;
  if (i >= n) return tk;
  // merged in place over copies: token m-1 absorbs every later token that shares its last unit
  const start = tk.start.slice();
  const end = tk.end.slice();
  const kind = tk.kind.slice();
  const lineBefore = tk.lineBefore.slice();
  let m = i;
  for (; i < n; i++) {
    if (shares(start[m - 1]!, end[m - 1]!, tk.start[i]!, tk.end[i]!)) {
      end[m - 1] = tk.end[i]!;
      if (tk.kind[i] === 'word') kind[m - 1] = 'word';
      continue;
    }
    start[m] = tk.start[i]!;
    end[m] = tk.end[i]!;
    kind[m] = tk.kind[i]!;
    lineBefore[m] = tk.lineBefore[i]!;
    m++;
  }
  return { length: m, start: start.subarray(0, m), end: end.subarray(0, m), kind: kind.slice(0, m), lineBefore: lineBefore.subarray(0, m) };
}

/** The original range of every token through the alignment of the normalized text: [starts, ends]. */
function mapToOriginal(tk: RawTokens, a: AlignedText): [Int32Array, Int32Array] {
  const n = tk.length;
  // text that no step changed: offsets are the original's (an empty token's gap too)
  // (the arrays are changed and read within tokenizeAligned only: transientInt32)
  const os = transientInt32(n);
  const oe = transientInt32(n);
  if (a.isIdentity) {
    os.set(tk.start);
    oe.set(tk.end);
    return [os, oe];
  }
  const { srcStart, srcEnd } = a;
  for (let i = 0; i < n; i++) {
    const s = tk.start[i]!;
    const e = tk.end[i]!;
    if (e > s) {
      os[i] = srcStart[s]!;
      oe[i] = srcEnd[e - 1]!;
    } else {
      const [ps, pe] = a.toOriginal(s, e);
      os[i] = ps;
      oe[i] = pe;
    }
  }
  return [os, oe];
}

const TOKENIZE_OPTIONS = ['mwt', 'punctInMwt', 'quoted', 'markRuns', 'wordsAsWritten'] as const;

/**
 * The options of tokenize and tokenizeAligned, checked: not an object, an unknown name or a value outside its set is
 * E_BAD_OPTION (a misspelt option was ignored; null was "Cannot read properties of null").
 */
function tokenizeOptions(options: TokenizeOptions | null | undefined): TokenizeOptions {
  const o = knownOptions(options, 'tokenize', TOKENIZE_OPTIONS);
  if (o.quoted !== undefined && o.quoted !== 'ends' && o.quoted !== 'continues') throw badOption('quoted', o.quoted, ['ends', 'continues']);
  if (o.markRuns !== undefined && o.markRuns !== 'one' && o.markRuns !== 'each') throw badOption('markRuns', o.markRuns, ['one', 'each']);
  const mwt = o.mwt as unknown;
  if (mwt !== undefined && (mwt === null || typeof (mwt as { parts?: unknown }).parts !== 'function')) {
    throw new DabirError('E_BAD_OPTION', `option "mwt" cannot be ${showValue(mwt)}`, 'give an MwtSplitter (new MwtSplitter(data)) or leave it out', { option: 'mwt', value: mwt });
  }
  return o;
}

/** Tokenizes aligned (normalized) text; offsets of the result are into `a.original`. */
export function tokenizeAligned(a: AlignedText, options: TokenizeOptions = {}): Doc {
  const x = a as unknown as { text?: unknown; original?: unknown } | null;
  if (x === null || typeof x !== 'object' || typeof x.text !== 'string' || typeof x.original !== 'string' || typeof (x as { toOriginal?: unknown }).toOriginal !== 'function') {
    throw new DabirError('E_BAD_INPUT', `tokenizeAligned expects an AlignedText, got ${kindOf(x)}`, 'pass the result of normalizeAligned() or AlignedText.from(text), or call tokenize(text)');
  }
  options = tokenizeOptions(options);
  const t = a.text;
  const tk = mergeShared(scanTokensTransient(t, a.protect), a);
  const starts = sentenceStarts(t, tk, options.quoted);
  const sentences: Sentence[] = [];
  const n = tk.length;
  const orig = a.original;
  const [os, oe] = mapToOriginal(tk, a);
  // Never lose text: characters of the original that lie between tokens and are not white space (a ZWNJ or kashida
  // the normalizer removed, a bidi mark) belong to the nearest token on their side of the white space.
  for (let i = 0; i <= n; i++) {
    const gs = i === 0 ? 0 : oe[i - 1]!;
    const ge = i === n ? orig.length : os[i]!;
    if (ge <= gs) continue;
    let l = gs;
    while (l < ge && !isSpaceChar(orig.charCodeAt(l))) l++;
    if (l === ge) {
      // no white space at all: the whole gap joins the token before it (or the first token)
      if (i > 0) oe[i - 1] = ge;
      else if (n > 0) os[0] = gs;
      continue;
    }
    let r = ge;
    while (r > gs && !isSpaceChar(orig.charCodeAt(r - 1))) r--;
    if (i > 0) oe[i - 1] = l; // the non-space run right after the previous token joins it
    if (i < n) os[i] = r; // the non-space run right before this token joins it
  }
  // ...but invisible marks at a token's edge (a BOM, LRM, RLM, ALM, bidi embeddings and isolates, as text copied from
  // Telegram or a web page has them: ‏حسن روحانی‏) are not part of it: its text, an entity's or a phrase's, is the
  // word alone. Inside a token they stay; a token of such marks alone keeps them.
  for (let i = 0; i < n; i++) {
    let s = os[i]!;
    let e = oe[i]!;
    while (e > s + 1 && isEdgeMark(orig.charCodeAt(e - 1))) e--;
    while (e > s + 1 && isEdgeMark(orig.charCodeAt(s))) s++;
    if (e > s && !isEdgeMark(orig.charCodeAt(s))) {
      os[i] = s;
      oe[i] = e;
    }
  }
  const mwt = options.mwt;
  const punctInMwt = options.punctInMwt === true;
  const identical = t === orig;
  const eachMark = options.markRuns === 'each';
  const wordsAsWritten = options.wordsAsWritten === true;
  for (let si = 0; si < starts.length; si++) {
    const from = starts[si]!;
    const to = si + 1 < starts.length ? starts[si + 1]! : n;
    const tokens: Token[] = [];
    let wid = 1;
    for (let i = from; i < to; i++) {
      const ts = tk.start[i]!;
      const te = tk.end[i]!;
      const o0 = os[i]!;
      const o1 = oe[i]!;
      const form = t.slice(ts, te);
      // the original span is usually the same string: reuse it instead of slicing again
      const text = identical && o0 === ts && o1 === te ? form : orig.slice(o0, o1);
      const spaceAfter = spaceAt(orig, o1);
      let parts: string[] | null = null;
      if (mwt && tk.kind[i] === 'word') parts = mwt.parts(form);
      if (parts !== null && wordsAsWritten && text !== form) parts = asWritten(parts, text);
      if (parts === null) {
        if (eachMark && tk.kind[i] === 'punct' && isMarkRun(text, form)) {
          // a token per mark as written, each with the normalized mark as its form
          for (let k = 0; k < text.length; k++) tokens.push(new Token(o0 + k, o0 + k + 1, text[k]!, form, null, k === text.length - 1 && spaceAfter, wid++));
          continue;
        }
        // one word: its Word object is made when first read
        tokens.push(new Token(o0, o1, text, form, null, spaceAfter, wid++));
      } else {
        const words: Word[] = new Array<Word>(parts.length);
        for (let k = 0; k < parts.length; k++) words[k] = Word.of(wid++, parts[k]!);
        if (punctInMwt && i + 1 < to && tk.kind[i + 1] === 'punct' && os[i + 1] === o1 && tk.start[i + 1] === te && isMwtMark(t, te, tk.end[i + 1]!)) {
          // the glued mark joins the multi-word token as its last word
          i++;
          const e1 = oe[i]!;
          words.push(Word.of(wid++, t.slice(te, tk.end[i]!)));
          tokens.push(new Token(o0, e1, orig.slice(o0, e1), t.slice(ts, tk.end[i]!), words, spaceAt(orig, e1)));
        } else tokens.push(new Token(o0, o1, text, form, words, spaceAfter));
      }
    }
    const s0 = tokens[0]!.start;
    const s1 = tokens[tokens.length - 1]!.end;
    sentences.push(new Sentence(s0, s1, orig.slice(s0, s1), tokens, String(si + 1)));
  }
  return new Doc(orig, sentences, t);
}

/** the original text of a token is a run of one ! ? or ؟ that the normalizer wrote as the one mark `form` (!! → !) */
function isMarkRun(text: string, form: string): boolean {
  if (text.length < 2 || text.length > 64 || form.length !== 1) return false;
  const c = text.charCodeAt(0);
  if (c !== 0x21 && c !== 0x3f && c !== 0x061f) return false;
  for (let k = 1; k < text.length; k++) if (text.charCodeAt(k) !== c) return false;
  return true;
}

/**
 * The parts of a multi-word token cut from the token as written, where the normalizer changed only its ZWNJs
 * (`انرژیشان` → `انرژی‌شان`: `انرژی` + `شان`; `برمیگرده`: `بر` + `میگرده`): each part takes the letters of the text
 * it stands for, with the writer's ZWNJs inside it; a ZWNJ the writer put between two parts stays on the first where
 * the normalized part has it. Otherwise the parts as they are.
 */
function asWritten(parts: string[], text: string): string[] {
  const letters = (s: string): number => s.length - (s.split('\u200c').length - 1);
  let pos = 0;
  const out: string[] = [];
  for (let k = 0; k < parts.length; k++) {
    const p = parts[k]!;
    let need = letters(p);
    if (need === 0) return parts;
    while (pos < text.length && text.charCodeAt(pos) === 0x200c) pos++;
    const start = pos;
    while (pos < text.length && need > 0) {
      const c = text.charCodeAt(pos);
      if (c !== 0x200c) need--;
      pos++;
    }
    if (need > 0) return parts;
    // (without a ZWNJ after a letter that never joins the next, which shows nothing: آ‌ن, دختر‌عمه)
    let w = '';
    for (let q = start; q < pos; q++) if (text.charCodeAt(q) !== 0x200c || (q > start && isJoiner(text.charCodeAt(q - 1)))) w += text[q];
    if (k < parts.length - 1 && text.charCodeAt(pos) === 0x200c && p.charCodeAt(p.length - 1) === 0x200c) w += '\u200c';
    out.push(w);
  }
  while (pos < text.length && text.charCodeAt(pos) === 0x200c) pos++;
  if (pos !== text.length) return parts;
  for (let k = 0; k < parts.length; k++) if (out[k]!.replaceAll('\u200c', '') !== parts[k]!.replaceAll('\u200c', '')) return parts;
  return out;
}

function isSpaceChar(c: number): boolean {
  return isHSpace(c) || isLineBreak(c);
}

/** an invisible format control that a token's span leaves out at its edges (chars.isEdgeControl, shared with evaluate) */
const isEdgeMark = isEdgeControl;

/** white space (or the end of the text) follows at o, past any edge marks: a token's SpaceAfter */
function spaceAt(orig: string, o: number): boolean {
  while (o < orig.length && isEdgeMark(orig.charCodeAt(o))) o++;
  return o >= orig.length || isSpaceChar(orig.charCodeAt(o));
}

/**
 * Tokenizes text as it is (no normalization). URLs, e-mail addresses, @mentions, #hashtags, inline code and markup
 * are found as the normalizer finds them (scanProtected) and stay one token each.
 */
export function tokenize(text: string, options: TokenizeOptions = {}): Doc {
  const t = textArgument(text, 'tokenize');
  return tokenizeAligned(AlignedText.from(t, scanProtected(t)), options);
}
