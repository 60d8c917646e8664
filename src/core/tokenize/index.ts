/**
 * Sentence splitting and word tokenization of (normalized) text into a Doc whose tokens point into the ORIGINAL input.
 */
import { AlignedText } from '../aligned.js';
import { isHSpace, isLineBreak } from '../chars.js';
import { Doc, Sentence, Token, Word } from '../doc.js';
import type { MwtSplitter } from './mwt.js';
import { scanTokens } from './scan.js';
import { sentenceStarts } from './sentences.js';

export { scanTokens, type RawTokens, type TokenKind } from './scan.js';
export { MwtSplitter, type Lexicon, type MwtData } from './mwt.js';
export { sentenceStarts } from './sentences.js';

export interface TokenizeOptions {
  /** splits clitics into syntactic words (UD multi-word tokens); without it every token is one word */
  mwt?: MwtSplitter | undefined;
}

/** Tokenizes aligned (normalized) text; offsets of the result are into `a.original`. */
export function tokenizeAligned(a: AlignedText, options: TokenizeOptions = {}): Doc {
  const t = a.text;
  const tk = scanTokens(t, a.protect);
  const starts = sentenceStarts(t, tk);
  const sentences: Sentence[] = [];
  const n = tk.start.length;
  const orig = a.original;
  const os = new Int32Array(n);
  const oe = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const [s, e] = a.toOriginal(tk.start[i]!, tk.end[i]!);
    os[i] = s;
    oe[i] = e;
  }
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
  for (let si = 0; si < starts.length; si++) {
    const from = starts[si]!;
    const to = si + 1 < starts.length ? starts[si + 1]! : n;
    const tokens: Token[] = [];
    let wid = 1;
    for (let i = from; i < to; i++) {
      const form = t.slice(tk.start[i]!, tk.end[i]!);
      const spaceAfter = oe[i]! >= orig.length || isSpaceChar(orig.charCodeAt(oe[i]!));
      let parts: string[] | null = null;
      if (tk.kind[i] === 'word' && options.mwt) parts = options.mwt.parts(form);
      const words = (parts ?? [form]).map((p) => new Word(wid++, { form: p }));
      tokens.push(new Token(os[i]!, oe[i]!, orig.slice(os[i]!, oe[i]!), form, words, spaceAfter));
    }
    const s0 = tokens[0]!.start;
    const s1 = tokens[tokens.length - 1]!.end;
    sentences.push(new Sentence(s0, s1, orig.slice(s0, s1), tokens, String(si + 1)));
  }
  return new Doc(orig, sentences, t);
}

function isSpaceChar(c: number): boolean {
  return isHSpace(c) || isLineBreak(c);
}

/** Tokenizes text as it is (no normalization). */
export function tokenize(text: string, options: TokenizeOptions = {}): Doc {
  return tokenizeAligned(AlignedText.from(String(text)), options);
}
