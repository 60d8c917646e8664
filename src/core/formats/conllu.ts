/**
 * CoNLL-U reading and writing (https://universaldependencies.org/format.html).
 *
 * Writing: one block per sentence with `# sent_id`, `# text`, multi-word token ranges, `SpaceAfter=No`, white space
 * other than one space between two tokens as UD's `SpacesAfter` (escaped: `\s` space, `\t` tab, `\n`, `\r`, `\p` for
 * `|`, `\\`; e.g. `SpacesAfter=\t` between a poem's two hemistichs), and the original character range of each token in
 * MISC as `TokenRange=start:end` (offsets into Doc.text, as UDPipe does). Columns nobody filled are `_`.
 * Reading: tokens, words and sentences are kept exactly; Doc.text is rebuilt from `# text` (or the forms, SpaceAfter
 * and SpacesAfter), sentences joined by a newline, and tokens get offsets into it. Empty nodes (ids like 5.1) are
 * skipped. Written then read, a sentence keeps its `# text`.
 */
import { Doc, Sentence, Token, Word, type WordFields } from '../doc.js';
import { badText, booleanOption, DabirError, kindOf, knownOptions, showValue } from '../errors.js';

const u = (v: string | number | undefined): string => (v === undefined || v === '' ? '_' : typeof v === 'number' ? String(v) : v);

/**
 * MISC with `add` first ('|'-joined, may be ''), and the old SpaceAfter, SpacesAfter, TokenRange and CorrectForm dropped (and an
 * old NER label when `add` brings a new one)
 */
function miscWith(misc: string | undefined, add: string): string {
  if (!misc || misc === '_') return add || '_';
  const ner = /(?:^|\|)NER=/.test(add);
  const parts = misc.split('|').filter((p) => !p.startsWith('SpaceAfter=') && !p.startsWith('SpacesAfter=') && !p.startsWith('TokenRange=') && !p.startsWith('CorrectForm=') && !(ner && p.startsWith('NER=')));
  if (add) parts.unshift(add);
  return parts.length ? parts.join('|') : '_';
}

/** Sanitizes a FORM or LEMMA for CoNLL-U: no tabs or newlines inside a field. */
function field(s: string | undefined): string {
  if (s === undefined || s === '') return '_';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 9 || c === 10 || c === 13) return s.replace(/[\t\n\r]/g, ' ');
  }
  return s;
}

const join2 = (a: string, b: string): string => (a ? (b ? a + '|' + b : a) : b);

/** UD's escaping of a SpacesAfter value: \\ \s \t \n \r, and \p for the MISC separator | */
const escapeSpaces = (s: string): string =>
  s.replace(/[\\ \t\n\r|]/g, (c) => (c === '\\' ? '\\\\' : c === ' ' ? '\\s' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : c === '\r' ? '\\r' : '\\p'));

/** The white space a SpacesAfter value stands for (unknown escapes are kept as written). */
const unescapeSpaces = (s: string): string =>
  s.replace(/\\(.)/g, (m, c: string) => (c === '\\' ? '\\' : c === 's' ? ' ' : c === 't' ? '\t' : c === 'n' ? '\n' : c === 'r' ? '\r' : c === 'p' ? '|' : m));

/**
 * `SpacesAfter=…` for the white space between token `i` of `s` and the next one, as `# text` shows it, when that is
 * white space other than one space (a tab, two spaces); '' otherwise (one space, none, the last token, or a gap that
 * holds more than white space).
 */
function spacesAfter(s: Sentence, i: number): string {
  const t = s.tokens[i]!;
  const next = s.tokens[i + 1];
  if (next === undefined || next.start - t.end < 1) return '';
  if (next.start - t.end === 1 && s.text.charCodeAt(t.end - s.start) === 32) return ''; // one space: the usual case
  const gap = s.text.slice(t.end - s.start, next.start - s.start).replace(/[\n\r\u2028\u2029]+/g, ' ');
  return gap !== ' ' && /^\s+$/.test(gap) ? 'SpacesAfter=' + escapeSpaces(gap) : '';
}

export interface WriteOptions {
  /** add TokenRange=start:end in MISC (default true) */
  tokenRanges?: boolean;
}

export function writeConllu(doc: Doc, options: WriteOptions = {}): string {
  if (doc === null || typeof doc !== 'object' || !Array.isArray((doc as { sentences?: unknown }).sentences)) {
    throw new DabirError('E_BAD_INPUT', `writeConllu expects a Doc, got ${kindOf(doc)}`, 'pass what a pipeline\'s process() or readConllu() returned');
  }
  options = knownOptions(options, 'writeConllu', ['tokenRanges']);
  const ranges = options.tokenRanges !== false;
  const parts: string[] = [];
  for (const s of doc.sentences) {
    // One string per sentence, built by concatenation and flattened before the join: V8 builds a concatenation as a
    // rope, cheap to make and to write out when small; joining thousands of ropes into one string is slow, joining
    // flat strings is not (one character read flattens a rope). Both faster than an array of lines per sentence.
    let b = '# sent_id = ' + s.id + '\n';
    for (const c of s.comments) b += '# ' + c + '\n';
    b += '# text = ' + s.text.replace(/[\n\r\u2028\u2029]+/g, ' ') + '\n';
    for (let i = 0; i < s.tokens.length; i++) {
      const t = s.tokens[i]!;
      const range0 = ranges ? 'TokenRange=' + t.start + ':' + t.end : '';
      // the named-entity label of the token (the `ner` component), as NER=B-PER in MISC
      const range = t.ner !== undefined && t.ner !== 'O' ? join2('NER=' + t.ner, range0) : range0;
      const spaces = spacesAfter(s, i);
      const add = spaces ? join2(spaces, range) : t.spaceAfter ? range : range ? 'SpaceAfter=No|' + range : 'SpaceAfter=No';
      const words = t.words;
      if (words.length > 1) {
        b += words[0]!.id + '-' + words[words.length - 1]!.id + '\t' + field(t.text) + '\t_\t_\t_\t_\t_\t_\t_\t' + miscWith(t.misc, add) + '\n';
        for (const w of words) b += wordLine(w, w.misc && w.misc !== '_' ? w.misc : '_', w.form);
      } else if (words.length === 1) {
        const w = words[0]!;
        // FORM is the text as written; the corrected spelling, when it differs, is UD's CorrectForm in MISC
        const correct = w.form !== t.text ? 'CorrectForm=' + field(w.form).replace(/\|/g, '%7C') : '';
        b += wordLine(w, miscWith(w.misc, join2(add, correct)), t.text);
      }
    }
    b += '\n';
    b.charCodeAt(0);
    parts.push(b);
  }
  return parts.join('');
}

/** columns UPOS to DEPS with their tabs around them; one constant string when none is filled */
function middle(w: Word): string {
  if (w.upos === undefined && w.xpos === undefined && w.feats === undefined && w.head === undefined && w.deprel === undefined && w.deps === undefined) {
    return '\t_\t_\t_\t_\t_\t_\t';
  }
  return '\t' + u(w.upos) + '\t' + u(w.xpos) + '\t' + u(w.feats) + '\t' + u(w.head) + '\t' + u(w.deprel) + '\t' + u(w.deps) + '\t';
}

/** one word line, with its line break */
function wordLine(w: Word, misc: string, form: string): string {
  return w.id + '\t' + field(form) + '\t' + field(w.lemma) + middle(w) + misc + '\n';
}

export interface ReadOptions {
  /** keep the MISC column as read (SpaceAfter is always interpreted) */
  keepMisc?: boolean;
  /**
   * throw a DabirError E_BAD_CONLLU (with the line number) on a line that is neither a comment nor a word line of 10
   * tab-separated columns with an integer, range (2-3) or empty-node (2.1) ID [default false: such lines are skipped]
   */
  strict?: boolean;
}

/**
 * The 1-based number of the first line of `text` that is neither blank, a comment, nor a word line of 10 tab-separated
 * columns with a valid ID; 0 when every line is one. What `readConllu` with `strict` checks.
 */
export function badConlluLine(text: string): number {
  checkString(text, 'badConlluLine');
  return firstBadLine(text)?.n ?? 0;
}

/** The text without a byte-order mark, with LF line ends (CR LF and CR read as LF). */
const lf = (text: string): string => text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');

/** CoNLL-U is read from a string; anything else is a programmer's error, E_BAD_INPUT (not a TypeError). */
function checkString(text: unknown, fn: string): void {
  if (typeof text !== 'string') throw badText(text, fn, 'the CoNLL-U text');
}

function firstBadLine(text: string): { n: number; line: string } | undefined {
  let n = 0;
  for (const line of lf(text).split('\n')) {
    n++;
    if (line.trim() === '' || line.startsWith('#')) continue;
    const cols = line.split('\t');
    if (cols.length !== 10 || !/^(?:[1-9]\d*(?:-[1-9]\d*)?|\d+\.[1-9]\d*)$/.test(cols[0]!)) return { n, line };
  }
  return undefined;
}

/** The E_BAD_CONLLU error for line `n` (1-based), whose text is `line`. */
export function badConlluError(n: number, line: string): DabirError {
  if (typeof line !== 'string') line = showValue(line);
  if (typeof n !== 'number') n = showValue(n) as never; // (an error to report, not one to throw: null was "Cannot read properties of null (reading 'length')")
  return new DabirError('E_BAD_CONLLU', `line ${n} is not a CoNLL-U word line: ${JSON.stringify(line.length > 80 ? line.slice(0, 80) + '…' : line)}`, 'each word line has 10 tab-separated columns: ID FORM LEMMA UPOS XPOS FEATS HEAD DEPREL DEPS MISC (_ for an empty column)', { line: n });
}

/** Parses CoNLL-U text. Malformed lines are skipped rather than thrown on, unless `options.strict`. */
export function readConllu(text: string, options: ReadOptions = {}): Doc {
  checkString(text, 'readConllu');
  // (null options were "Cannot read properties of null", a misspelt name ignored: { strct: true } read leniently)
  options = knownOptions(options, 'readConllu', ['keepMisc', 'strict']);
  booleanOption('keepMisc', options.keepMisc);
  booleanOption('strict', options.strict);
  if (options.strict) {
    const bad = firstBadLine(text);
    if (bad) throw badConlluError(bad.n, bad.line);
  }
  const blocks = lf(text).split(/\n[ \t]*\n/);
  const sentences: Sentence[] = [];
  let docText = '';
  let n = 0;
  for (const block of blocks) {
    const lines = block.split('\n').filter((l) => l.trim() !== '');
    if (lines.length === 0) continue;
    n++;
    let id = String(n);
    let sentText: string | undefined;
    const comments: string[] = [];
    interface Pending {
      form: string;
      misc: string;
      words: Word[];
      last: number;
    }
    const toks: Pending[] = [];
    let mwt: Pending | undefined;
    for (const line of lines) {
      if (line.startsWith('#')) {
        const m = /^#\s*([^=]+?)\s*=\s?(.*)$/.exec(line);
        if (m && m[1] === 'sent_id') id = m[2]!.trim();
        else if (m && m[1] === 'text') sentText = m[2]!;
        else comments.push(line.replace(/^#\s?/, ''));
        continue;
      }
      const cols = line.split('\t');
      if (cols.length < 10) continue;
      const idf = cols[0]!;
      if (idf.includes('.')) continue; // empty node
      const range = /^(\d+)-(\d+)$/.exec(idf);
      if (range) {
        mwt = { form: cols[1]!, misc: cols[9]!, words: [], last: Number(range[2]) };
        toks.push(mwt);
        continue;
      }
      const wid = Number(idf);
      if (!Number.isInteger(wid)) continue;
      const f: WordFields = {
        form: cols[1]!,
        lemma: cols[2] === '_' && cols[1] !== '_' ? undefined : cols[2],
        upos: cols[3] === '_' ? undefined : cols[3],
        xpos: cols[4] === '_' ? undefined : cols[4],
        feats: cols[5] === '_' ? undefined : cols[5],
        head: cols[6] === '_' ? undefined : Number(cols[6]),
        deprel: cols[7] === '_' ? undefined : cols[7],
        deps: cols[8] === '_' ? undefined : cols[8],
        misc: cols[9] === '_' ? undefined : cols[9],
      };
      const w = new Word(wid, f);
      if (mwt && wid <= mwt.last) {
        mwt.words.push(w);
        if (wid === mwt.last) mwt = undefined;
      } else {
        mwt = undefined;
        toks.push({ form: f.form, misc: cols[9]!, words: [w], last: wid });
      }
    }
    // rebuild the sentence text and offsets
    if (n > 1) docText += '\n';
    const sStart = docText.length;
    const tokens: Token[] = [];
    const built: string[] = [];
    // the white space after each token: SpacesAfter as written, else one space or none (SpaceAfter=No)
    const seps = toks.map((p) => {
      const m = /(?:^|\|)SpacesAfter=([^|]*)/.exec(p.misc);
      const spaces = m ? unescapeSpaces(m[1]!) : '';
      return spaces !== '' ? spaces : /(^|\|)SpaceAfter=No(\||$)/.test(p.misc) ? '' : ' ';
    });
    toks.forEach((p, i) => {
      built.push(p.form + (i < toks.length - 1 ? seps[i]! : ''));
    });
    const plain = built.join('');
    const useText = sentText !== undefined && sentText === plain ? sentText : plain;
    let off = 0;
    toks.forEach((p, i) => {
      // locate the token in the sentence text (forms with spaces inside are allowed)
      const at = useText.indexOf(p.form, off);
      const start = at >= 0 ? at : off;
      const end = start + p.form.length;
      const spaceAfter = seps[i] !== '';
      const t = new Token(sStart + start, sStart + end, p.form, p.form, p.words, spaceAfter);
      if (p.words.length > 1) {
        const rest = p.misc.split('|').filter((x) => x !== '_' && !x.startsWith('SpaceAfter=') && !x.startsWith('SpacesAfter='));
        t.misc = rest.length ? rest.join('|') : undefined;
      }
      tokens.push(t);
      off = end;
    });
    docText += useText;
    const s = new Sentence(sStart, sStart + useText.length, useText, tokens, id);
    s.comments = comments;
    sentences.push(s);
  }
  return new Doc(docText, sentences);
}
