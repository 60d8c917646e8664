/**
 * Streaming analysis: text arrives in chunks of any size; sentences come out as soon as they are certain, with
 * offsets into the WHOLE stream and the same ids, tokens and annotation as `pipeline.process(wholeText)` gives.
 *
 * A line break is always a sentence boundary and nothing in the analysis looks across one, so the stream cuts the
 * buffered text after its last line break (but never inside an open ``` code fence) and analyses what is before it.
 */
import { badText, DabirError, dataArgument, kindOf, showValue } from './errors.js';
import { isHSpace, isLineBreak } from './chars.js';
import type { Sentence } from './doc.js';
import type { Pipeline } from './pipeline.js';

export interface SentenceStream {
  /** Adds text; returns the sentences that are complete. */
  push(chunk: string): Sentence[];
  /** Flushes the rest; returns the last sentences. */
  end(): Sentence[];
}

/**
 * Cuts text arriving in chunks into pieces that can be analysed on their own: each piece ends just after a line break
 * that is outside a ``` code fence (the last one in the text so far), or at a forced cut of an over-long line (see
 * `forcedCuts`). Linear time: a long line arriving in many chunks is scanned once. Used by createSentenceStream, and
 * by the CLI to hand pieces to worker threads.
 */
export interface TextCutter {
  /** Adds text; returns the text up to the last safe cut, or '' when there is none yet. */
  push(chunk: string): string;
  /** The rest. */
  end(): string;
  /**
   * The forced cuts (see MAX_SEGMENT) inside the text the last push or end returned, as offsets into it: a piece may
   * hold an over-long line cut by force and the line breaks after it. (`process` cuts there anew; a reader of the
   * pieces that analyses them itself, `pipeline.processPieces`, must cut there too.)
   */
  forcedCuts(): number[];
}

/**
 * A line (or what is left of it after a forced cut) longer than this many UTF-16 units, outside a code block and with
 * no backtick among them, is cut before analysis, so that text without line breaks (a minified page, a log line, a
 * paragraph of a million marks) is analysed in bounded pieces: the cut goes after the last sentence end (a terminal
 * mark and a space) in the second half of the window, else after its last space, else between two marks, never inside
 * a word (see forcedCutAt). Pipelines (`process`) and streams cut at the same places, so streamed output still equals
 * whole-text output.
 */
export const MAX_SEGMENT = 1 << 16;

const TERMINALS = new Set([0x2e, 0x21, 0x3f, 0x061f, 0x2026]);

/**
 * Where to cut `w`, the first MAX_SEGMENT units of a line (see MAX_SEGMENT): a position in `w`, or -1 for no cut in
 * this window.
 */
function forcedCutAt(w: string): number {
  const e = w.length;
  const lo = e >> 1;
  let space = -1;
  for (let p = e; p > lo; p--) {
    const c = w.charCodeAt(p - 1);
    if (c !== 0x20 && c !== 0x09) continue;
    // (not where the text after the cut would read as a code fence: a piece is analysed from its first unit as from a
    // line start, and a fence there that the whole line does not have changes how the rest is cut and protected)
    if (fenceAfter(w, p)) continue;
    if (space < 0) space = p;
    const t = w.charCodeAt(p - 2);
    // (a dot after one letter or inside a dotted abbreviation — دکتر م. رضایی, ه.ق. — ends no sentence)
    if (TERMINALS.has(t) && (t !== 0x2e || (isWordUnit(w.charCodeAt(p - 3)) && isWordUnit(w.charCodeAt(p - 4))))) return p;
  }
  if (space >= 0) return space;
  // no space: at the last place that is not inside a word (between marks, «««, x😀x😀), never between the halves of a
  // surrogate pair; a window inside one long word (letters, digits, marks, ZWNJ) is not cut at all: the word is one
  // token however long. (Only units inside the window are read: a stream may not have the next one yet.)
  for (let p = e - 1; p > lo; p--) {
    const a = w.charCodeAt(p - 1);
    const b = w.charCodeAt(p);
    if (a >= 0xd800 && a <= 0xdbff && b >= 0xdc00 && b <= 0xdfff) continue;
    if (!isWordUnit(a) || !isWordUnit(b)) return p;
  }
  return -1;
}

/**
 * Whether `w` from `p` on (after at most 3 spaces) may begin a code fence: a run of three ~ or ` — or the window ends
 * before that can be told (only units inside the window are read).
 */
function fenceAfter(w: string, p: number): boolean {
  let q = p;
  while (q < w.length && q - p < 3 && w.charCodeAt(q) === 0x20) q++;
  if (q + 3 > w.length) return true;
  const c = w.charCodeAt(q);
  return (c === 0x7e || c === 0x60) && w.charCodeAt(q + 1) === c && w.charCodeAt(q + 2) === c;
}

const WORD_UNIT = /[\p{L}\p{N}\p{M}]/u;
function isWordUnit(c: number): boolean {
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a);
  if (c >= 0xd800 && c <= 0xdfff) return false;
  if (c === 0x200c || c === 0x200d) return true;
  return WORD_UNIT.test(String.fromCharCode(c));
}

/** the state of a line for code fences (as the protection step reads them: src/core/normalize/protect.ts) */
const L_INDENT = 0; // at most 3 spaces so far
const L_RUN = 1; // in a run of ` or ~ at the line start
const L_TRAIL = 2; // after a closing run: only spaces may follow
const L_NONE = 3; // nothing more to see on this line

/**
 * The scan shared by the cutter and `forcedCuts`: code fences (a line starting, after at most 3 spaces, with 3 or more
 * ` or ~ opens a block that ends after the first later line holding a run of at least as many of the same mark and
 * nothing else — the protection step's rule), line breaks outside them, and forced cuts of long lines. Positions are
 * offsets into the text being cut (the cutter's buffer). A character at a time, no look-ahead: text may arrive in
 * chunks of any size.
 */
class CutScan {
  /** inside a fenced code block */
  open = false;
  private mark = 0;
  private need = 0;
  private line = L_INDENT;
  private indent = 0;
  private runMark = 0;
  private run = 0;
  /** start of the current window of the line (after the last line break outside a fence, the last forced cut, or a
   * window inside one long word) */
  lineStart = 0;
  /** a backtick was met since lineStart (inline code or a fence): no forced cut for this line */
  tick = false;
  /** the last safe cut found (-1: none yet) */
  cut = -1;
  /** forced cuts found */
  forced: number[] = [];

  /** Scans `t`, the units from `base` on. `window(s)` gives the MAX_SEGMENT units from s. */
  scan(t: string, base: number, window: (s: number) => string): void {
    const n = base + t.length;
    for (let i = base; i < n; i++) {
      const c = t.charCodeAt(i - base);
      if (isLineBreak(c)) {
        // the line ends: a run at its start opens a block, or closes the open one
        if (this.open ? (this.line === L_RUN && this.run >= this.need) || this.line === L_TRAIL : this.line === L_RUN && this.run >= 3) {
          this.open = !this.open;
          this.mark = this.runMark;
          this.need = this.run;
        }
        this.line = L_INDENT;
        this.indent = 0;
        if (c === 0x0a && !this.open) {
          this.cut = i + 1;
          this.lineStart = i + 1;
          this.tick = false;
        }
        continue;
      }
      if (c === 0x60) this.tick = true;
      switch (this.line) {
        case L_INDENT:
          if (c === 0x20 && this.indent < 3) this.indent++;
          else if ((c === 0x60 || c === 0x7e) && (!this.open || c === this.mark)) {
            this.line = L_RUN;
            this.runMark = c;
            this.run = 1;
          } else this.line = L_NONE;
          break;
        case L_RUN:
          if (c === this.runMark) this.run++;
          else if (!this.open) {
            if (this.run >= 3) {
              this.open = true;
              this.mark = this.runMark;
              this.need = this.run;
            }
            this.line = L_NONE;
          } else this.line = this.run >= this.need && isHSpace(c) ? L_TRAIL : L_NONE;
          break;
        case L_TRAIL:
          if (!isHSpace(c)) this.line = L_NONE;
          break;
      }
      // (i + 1 - lineStart units of the line scanned, none of them a line break outside a block)
      if (i + 1 - this.lineStart >= MAX_SEGMENT && !this.open && !this.tick) {
        const f = forcedCutAt(window(this.lineStart));
        if (f < 0) {
          // one long word: the next window starts where this one ends, with no cut
          this.lineStart += MAX_SEGMENT;
        } else {
          this.forced.push(this.lineStart + f);
          this.cut = this.lineStart + f;
          this.lineStart = this.cut;
        }
      }
    }
  }

  /** The text being cut loses its first `k` units (k = cut: lineStart is at or after it). */
  shift(k: number): void {
    this.lineStart -= k;
    this.cut = -1;
    this.forced.length = 0;
  }
}

/** The forced cuts (see MAX_SEGMENT) of a whole text, in order; empty for any text with lines of normal length. */
export function forcedCuts(text: string): number[] {
  if (typeof text !== 'string') throw badText(text, 'forcedCuts');
  if (text.length < MAX_SEGMENT) return [];
  const sc = new CutScan();
  sc.scan(text, 0, (s) => text.slice(s, s + MAX_SEGMENT));
  return sc.forced;
}

export function createTextCutter(): TextCutter {
  // the buffered text as the chunks that arrived (a long line in many chunks is never copied whole until it is cut:
  // appending to one string would copy it on every chunk)
  let parts: string[] = [];
  let starts: number[] = [];
  let len = 0;
  let sc = new CutScan();
  let forced: number[] = []; // the forced cuts inside the text last returned

  /** units [a, b) of the buffer */
  const slice = (a: number, b: number): string => {
    if (a >= b) return '';
    let k = starts.length - 1;
    while (k > 0 && starts[k]! > a) k--;
    let out = '';
    for (; k < parts.length && starts[k]! < b; k++) {
      const p = parts[k]!;
      const s = starts[k]!;
      out += a <= s && s + p.length <= b ? p : p.slice(Math.max(0, a - s), Math.min(p.length, b - s));
    }
    return out;
  };
  const reset = (rest: string): void => {
    parts = rest ? [rest] : [];
    starts = rest ? [0] : [];
    len = rest.length;
  };

  return {
    push(chunk: string): string {
      // (a number or null was buffered as its String(), "null", into the text: as the sentence stream's push)
      if (typeof chunk !== 'string') throw badText(chunk, 'push');
      const c = chunk;
      if (c.length > 0) {
        parts.push(c);
        starts.push(len);
        len += c.length;
      }
      sc.scan(c, len - c.length, (s) => slice(s, s + MAX_SEGMENT));
      const at = sc.cut;
      if (at < 0) {
        forced = [];
        return '';
      }
      // (all at or before the cut, in the buffer's offsets: the returned text starts at 0)
      forced = sc.forced.filter((f) => f < at);
      const text = slice(0, at);
      reset(slice(at, len));
      sc.shift(at);
      return text;
    },
    end(): string {
      const text = slice(0, len);
      reset('');
      sc = new CutScan();
      forced = [];
      return text;
    },
    forcedCuts(): number[] {
      return forced.slice();
    },
  };
}

export function createSentenceStream(pipeline: Pipeline): SentenceStream {
  if (pipeline === null || typeof pipeline !== 'object' || typeof (pipeline as { process?: unknown }).process !== 'function') {
    throw new DabirError('E_BAD_INPUT', `createSentenceStream expects a pipeline, got ${kindOf(pipeline)}`, 'pass what createPipeline() returned');
  }
  let base = 0; // offset of the next piece in the whole stream
  let nextId = 1;
  let ended = false;
  const cutter = createTextCutter();

  const analyse = (text: string): Sentence[] => {
    if (text.length === 0) return [];
    const doc = pipeline.process(text);
    for (const s of doc.sentences) {
      shiftSentence(s, base);
      s.id = String(nextId++);
    }
    base += text.length;
    return doc.sentences;
  };

  return {
    push(chunk: string): Sentence[] {
      // (a number or null was analysed as its String(): "null"; text pushed after end() was dropped without a word)
      if (typeof chunk !== 'string') throw badText(chunk, 'push');
      if (ended) throw new DabirError('E_BAD_INPUT', 'push after end(): the stream has ended, and the text would be lost', 'push all the text before end(), or make a new stream with createSentenceStream(pipeline)');
      return analyse(cutter.push(chunk));
    },
    end(): Sentence[] {
      if (ended) return [];
      ended = true;
      return analyse(cutter.end());
    },
  };
}

/**
 * For tools that take text a line at a time (the CLI's line commands): whether each line, given in order, belongs to a
 * fenced code block (its opening line, a line inside it, or its closing line), by the protection step's rule
 * (src/core/normalize/protect.ts): a line starting, after at most 3 spaces, with 3 or more ` or ~ opens a block that
 * the first later line holding a run of at least as many of the same mark and nothing else closes. The normalizer
 * passes such blocks through when it sees the whole text; a line alone cannot show it is inside one.
 */
export function createFenceTracker(): (line: string) => boolean {
  let open = false;
  let mark = 0;
  let need = 0;
  return (line: string): boolean => {
    let i = 0;
    while (i < 3 && i < line.length && line.charCodeAt(i) === 0x20) i++;
    const c = line.charCodeAt(i);
    let j = i;
    if (c === 0x60 || c === 0x7e) while (j < line.length && line.charCodeAt(j) === c) j++;
    const run = j - i;
    if (!open) {
      if (run < 3) return false;
      open = true;
      mark = c;
      need = run;
      return true;
    }
    if (c === mark && run >= need) {
      let k = j;
      while (k < line.length && isHSpace(line.charCodeAt(k))) k++;
      if (k === line.length) open = false;
    }
    return true;
  };
}

/** Moves a sentence analysed as a piece of a longer text to its place there: its offsets and its tokens' grow by `base`. */
export function shiftSentence(s: Sentence, base: number): void {
  // (a number for the sentence was "Cannot create property 'start' on number"; NaN for base spoilt every offset)
  dataArgument(s, 'shiftSentence', 'a Sentence', ['tokens'], 'pass a sentence of a Doc a pipeline made');
  if (!Number.isSafeInteger(base)) throw new DabirError('E_BAD_INPUT', `shiftSentence expects a whole number of UTF-16 units, got ${typeof base === 'number' ? showValue(base) : kindOf(base)}`, "pass the offset of the sentence's piece in the whole text");
  if (base === 0) return;
  s.start += base;
  s.end += base;
  for (const t of s.tokens) {
    t.start += base;
    t.end += base;
  }
}
