/**
 * AlignedText: a normalized string that never loses the original.
 *
 * Every UTF-16 unit of `text` carries the range of `original` it came from (`srcStart[i]`, `srcEnd[i]`); a unit that
 * was inserted (e.g. a ZWNJ) has an empty range at the place it was inserted. The ranges are monotone: a later output
 * unit never points before an earlier one. Steps propose `Edit`s in the coordinates of the current text and
 * `applyEdits` composes them, so any number of steps still map straight back to the input.
 */
import { DabirError, showValue, kindOf, listArgument } from './errors.js';
import { transientBytes } from './scratch.js';

export type ChangeKind = 'half-space' | 'character' | 'digit' | 'spacing' | 'punctuation' | 'diacritic' | 'register' | 'keyboard';

/** An edit proposed by a normalization step, in the coordinates of the text it was computed on. */
export interface Edit {
  start: number;
  end: number;
  text: string;
  kind: ChangeKind;
}

/** A change, in the coordinates of the original input: `original.slice(start, end)` became `after`. */
export interface Change {
  start: number;
  end: number;
  before: string;
  after: string;
  kind: ChangeKind;
  /** every kind of step that touched this range, most important first */
  kinds: ChangeKind[];
}

/**
 * What a normalization step reads: the current text and which of its units are protected. An AlignedText is one;
 * `normalize()`, which returns only the string, passes a plain one and skips the alignment arrays.
 */
export interface StepText {
  readonly text: string;
  readonly protect: Uint8Array;
}

const EMPTY = new Int32Array(0);

interface RawChange {
  start: number;
  end: number;
  kind: ChangeKind;
}

export class AlignedText {
  readonly original: string;
  readonly text: string;
  /** 1 where the unit belongs to a protected span (URL, email, code, markup ...) that no step may touch */
  readonly protect: Uint8Array;
  /** @internal raw changes in original coordinates, in the order steps made them */
  readonly raw: RawChange[];
  // (null for the identity alignment of `from` until someone reads it: the tokenizer alone never does)
  private s: Int32Array | null;
  private e: Int32Array | null;

  constructor(
    original: string,
    text: string,
    srcStart: Int32Array,
    srcEnd: Int32Array,
    protect: Uint8Array,
    raw: RawChange[],
  ) {
    this.original = original;
    this.text = text;
    this.s = srcStart;
    this.e = srcEnd;
    this.protect = protect;
    this.raw = raw;
  }

  /** The text unchanged: unit i comes from unit i of the original. The alignment arrays are made on first use. */
  static from(original: string, protect?: Uint8Array): AlignedText {
    const a = new AlignedText(original, original, EMPTY, EMPTY, protect ?? new Uint8Array(original.length), []);
    a.s = null;
    a.e = null;
    return a;
  }

  /** The original offset where output unit i starts (an inserted unit: an empty range at its place). */
  get srcStart(): Int32Array {
    return this.s ?? this.identityArrays()[0];
  }

  /** The original offset where output unit i ends. */
  get srcEnd(): Int32Array {
    return this.e ?? this.identityArrays()[1];
  }

  /** Whether the text is the original unit for unit (made by `from`, no step applied): srcStart[i] = i, srcEnd[i] = i + 1. */
  get isIdentity(): boolean {
    return this.s === null;
  }

  private identityArrays(): [Int32Array, Int32Array] {
    const n = this.text.length;
    const s = new Int32Array(n);
    const e = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      s[i] = i;
      e[i] = i + 1;
    }
    this.s = s;
    this.e = e;
    return [s, e];
  }

  /**
   * Joins aligned pieces of one original: piece k was made from `original.slice(starts[k], starts[k + 1])` and the
   * pieces cover the original in order.
   */
  static concat(original: string, pieces: AlignedText[], starts: number[]): AlignedText {
    let m = 0;
    for (const p of pieces) m += p.text.length;
    const s = new Int32Array(m);
    const e = new Int32Array(m);
    const prot = new Uint8Array(m);
    const raw: RawChange[] = [];
    let j = 0;
    for (let k = 0; k < pieces.length; k++) {
      const p = pieces[k]!;
      const off = starts[k]!;
      const len = p.text.length;
      for (let i = 0; i < len; i++) {
        s[j + i] = p.srcStart[i]! + off;
        e[j + i] = p.srcEnd[i]! + off;
      }
      prot.set(p.protect, j);
      for (const r of p.raw) raw.push({ start: r.start + off, end: r.end + off, kind: r.kind });
      j += len;
    }
    return new AlignedText(original, pieces.map((p) => p.text).join(''), s, e, prot, raw);
  }

  /**
   * Original offset of the gap before output unit `i` (i may equal text.length; outside the text it is taken at its
   * ends, as toOriginal does). An offset that is no whole number is E_BAD_OPTION, as for toOriginal (-1 gave
   * undefined, null 0, a symbol a TypeError).
   */
  gapToOriginal(i: number): number {
    if (!Number.isInteger(i)) throw badOffset('gapToOriginal', i, `an offset into the corrected text, 0 to ${this.text.length}`);
    if (i < 0) i = 0;
    if (this.s === null) return Math.min(i, this.text.length);
    if (i < this.text.length) return this.srcStart[i]!;
    return this.text.length > 0 ? this.srcEnd[this.text.length - 1]! : this.original.length;
  }

  /**
   * Maps an output range [start, end) to the original range it came from. Offsets outside the text are taken at its
   * ends (as fromOriginal does); offsets that are no whole numbers are E_BAD_OPTION (they gave undefined).
   */
  toOriginal(start: number, end: number): [number, number] {
    if (!Number.isInteger(start) || !Number.isInteger(end)) {
      throw new DabirError('E_BAD_OPTION', `toOriginal expects whole offsets, got ${showValue(start)} and ${showValue(end)}`, `give offsets into the corrected text, 0 to ${this.text.length}`);
    }
    // (out of range they were read past the maps: toOriginal(-5, 2) gave [undefined, 2], (0, 1000) [0, undefined])
    const n = this.text.length;
    if (start < 0) start = 0;
    else if (start > n) start = n;
    if (end < 0) end = 0;
    else if (end > n) end = n;
    if (end <= start) {
      const p = this.gapToOriginal(start);
      return [p, p];
    }
    if (this.s === null) return [start, end];
    return [this.srcStart[start]!, this.srcEnd[end - 1]!];
  }

  /**
   * Maps an original offset to the first output unit at or after it. An offset that is no whole number is
   * E_BAD_OPTION, as for toOriginal (NaN gave 0, a symbol a TypeError).
   */
  fromOriginal(offset: number): number {
    if (!Number.isInteger(offset)) throw badOffset('fromOriginal', offset, `an offset into the original text, 0 to ${this.original.length}`);
    if (this.s === null) return Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.text.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.srcEnd[mid]! <= offset && this.srcStart[mid]! < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The changes from the original to the text, merged so that they do not overlap, each with its kind. */
  changes(): Change[] {
    const out: Change[] = [];
    const { text, original, srcStart, srcEnd } = this;
    const n = text.length;
    const identity = (i: number): boolean =>
      srcEnd[i]! - srcStart[i]! === 1 && text.charCodeAt(i) === original.charCodeAt(srcStart[i]!);
    let o = 0;
    let i = 0;
    const emit = (cs: number, ce: number, os: number, oe: number): void => {
      out.push({ start: cs, end: ce, before: original.slice(cs, ce), after: text.slice(os, oe), kind: 'character', kinds: [] });
    };
    while (i < n) {
      if (identity(i) && srcStart[i] === o) {
        o++;
        i++;
        continue;
      }
      const cs = o;
      const os = i;
      let e = o;
      if (identity(i) && srcStart[i]! > o) {
        e = srcStart[i]!; // pure deletion of original [o, srcStart[i])
      } else {
        while (i < n && !(identity(i) && srcStart[i]! >= e)) {
          if (srcEnd[i]! > e) e = srcEnd[i]!;
          i++;
        }
        if (i < n && srcStart[i]! > e) e = srcStart[i]!;
      }
      emit(cs, e, os, i);
      o = e;
    }
    if (o < original.length) emit(o, original.length, n, n);
    this.labelChanges(out);
    return out;
  }

  private labelChanges(changes: Change[]): void {
    const raw = this.raw.slice().sort((a, b) => a.start - b.start || a.end - b.end);
    let r = 0;
    for (const ch of changes) {
      while (r < raw.length && raw[r]!.end < ch.start) r++;
      const kinds = new Set<ChangeKind>();
      for (let k = r; k < raw.length && raw[k]!.start <= ch.end; k++) {
        const rc = raw[k]!;
        const overlaps =
          rc.start === rc.end || ch.start === ch.end
            ? rc.start >= ch.start && rc.start <= ch.end
            : rc.start < ch.end && rc.end > ch.start;
        if (overlaps) kinds.add(rc.kind);
      }
      const ordered = KIND_ORDER.filter((k) => kinds.has(k));
      ch.kinds = ordered.length ? ordered : ['character'];
      ch.kind = ch.kinds[0]!;
    }
  }
}

const KIND_ORDER: ChangeKind[] = ['keyboard', 'register', 'half-space', 'spacing', 'punctuation', 'digit', 'character', 'diacritic'];

/**
 * Applies non-overlapping edits (sorted by start; insertions have start === end) to `a` and returns the new aligned
 * text. Edits on protected units are a programming error in a step and are dropped.
 */
export function applyEdits(a: AlignedText, edits: Edit[]): AlignedText {
  // (null, a string or a list for either was "Cannot read properties of null (reading 'length')" from inside)
  if (!(a instanceof AlignedText)) throw new DabirError('E_BAD_INPUT', `applyEdits expects an AlignedText, got ${kindOf(a)}`, 'pass the result of normalizeAligned() or of an earlier applyEdits()');
  listArgument(edits, 'applyEdits', 'a list of edits', 'pass [{ start, end, text, kind }, …] sorted by start', 'object');
  if (edits.length === 0) return a;
  const { text, protect } = a;
  // (the identity alignment of text no step changed yet is not materialized: its offsets are the units' own)
  const id = a.isIdentity;
  const srcStart = id ? undefined : a.srcStart;
  const srcEnd = id ? undefined : a.srcEnd;
  const copy = (ns: Int32Array, ne: Int32Array, from: number, to: number, j: number): void => {
    if (srcStart && srcEnd) {
      ns.set(srcStart.subarray(from, to), j);
      ne.set(srcEnd.subarray(from, to), j);
    } else {
      for (let k = from; k < to; k++) {
        ns[j] = k;
        ne[j++] = k + 1;
      }
    }
  };
  const m = sizeAfter(text, protect, edits);
  const ns = new Int32Array(m);
  const ne = new Int32Array(m);
  const np = new Uint8Array(m);
  const parts: string[] = [];
  const raw = a.raw.slice();
  let j = 0; // output cursor
  let prev = 0; // input cursor
  for (const ed of edits) {
    if (ed.start < prev || ed.end < ed.start || ed.end > text.length) continue; // overlapping or bad edit: skip
    if (touchesProtected(protect, ed.start, ed.end)) continue; // steps never change protected spans
    // copy unchanged [prev, ed.start)
    if (ed.start > prev) {
      parts.push(text.slice(prev, ed.start));
      copy(ns, ne, prev, ed.start, j);
      np.set(protect.subarray(prev, ed.start), j);
      j += ed.start - prev;
    }
    const [os, oe] = a.toOriginal(ed.start, ed.end);
    const len = ed.text.length;
    parts.push(ed.text);
    // (a same-length edit maps unit to unit, except a rewritten word, which maps as a whole: یه → یک)
    if (len === ed.end - ed.start && ed.kind !== 'register') {
      copy(ns, ne, ed.start, ed.end, j);
    } else {
      for (let k = 0; k < len; k++) {
        ns[j + k] = os;
        ne[j + k] = oe;
      }
    }
    j += len;
    raw.push({ start: os, end: oe, kind: ed.kind });
    prev = ed.end;
  }
  if (prev < text.length) {
    parts.push(text.slice(prev));
    copy(ns, ne, prev, text.length, j);
    np.set(protect.subarray(prev), j);
    j += text.length - prev;
  }
  const out = parts.join('');
  // j may be smaller than m when an edit was skipped
  const fin = j === m;
  return new AlignedText(
    a.original,
    out,
    fin ? ns : ns.slice(0, j),
    fin ? ne : ne.slice(0, j),
    fin ? np : np.slice(0, j),
    raw,
  );
}

/**
 * `applyEdits` without the alignment: the same edits are applied or skipped (same rules), and only the text and the
 * protection flags are carried. `applyEdits(a, edits).text === applyEditsPlain(a, edits).text` (tested). The flags
 * are for the next step of the same call only (transientBytes): keep the text, never the returned `protect`.
 */
export function applyEditsPlain(a: StepText, edits: Edit[]): StepText {
  if (edits.length === 0) return a;
  const { text, protect } = a;
  const m = sizeAfter(text, protect, edits);
  const np = transientBytes(m);
  // (most text has no protected unit: the new flags, all zero, need no copying then)
  const anyProtected = hasProtected(protect);
  const parts: string[] = [];
  let j = 0;
  let prev = 0;
  for (const ed of edits) {
    if (ed.start < prev || ed.end < ed.start || ed.end > text.length) continue;
    if (touchesProtected(protect, ed.start, ed.end)) continue;
    if (ed.start > prev) {
      parts.push(text.slice(prev, ed.start));
      if (anyProtected) np.set(protect.subarray(prev, ed.start), j);
      j += ed.start - prev;
    }
    parts.push(ed.text);
    j += ed.text.length;
    prev = ed.end;
  }
  if (prev < text.length) {
    parts.push(text.slice(prev));
    if (anyProtected) np.set(protect.subarray(prev), j);
    j += text.length - prev;
  }
  return { text: parts.join(''), protect: j === m ? np : np.subarray(0, j) };
}

/** Whether any unit is protected. */
function hasProtected(protect: Uint8Array): boolean {
  for (let i = 0; i < protect.length; i++) if (protect[i] !== 0) return true;
  return false;
}

/** Length of the text after the edits that will actually be applied (a skipped deletion must not shrink it). */
function sizeAfter(text: string, protect: Uint8Array, edits: Edit[]): number {
  let extra = 0;
  let last = 0;
  for (const e of edits) {
    if (e.start < last || e.end < e.start || e.end > text.length || touchesProtected(protect, e.start, e.end)) continue;
    extra += e.text.length - (e.end - e.start);
    last = e.end;
  }
  return text.length + extra;
}

function touchesProtected(p: Uint8Array, start: number, end: number): boolean {
  if (start === end) return start > 0 && start < p.length && p[start - 1] === 1 && p[start] === 1;
  for (let k = start; k < end; k++) if (p[k] === 1) return true;
  return false;
}

/** E_BAD_OPTION of gapToOriginal and fromOriginal for an offset that is no whole number (as toOriginal's) */
function badOffset(fn: string, value: unknown, what: string): DabirError {
  return new DabirError('E_BAD_OPTION', `${fn} expects a whole offset, got ${showValue(value)}`, `give ${what}`);
}
