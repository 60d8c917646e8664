/**
 * Pure helpers of the editor: applying accepted changes, grouping changes into display segments, and describing a
 * change in Persian and English. No DOM here (unit-tested in changes.test.ts).
 */
import type { Change, ChangeKind } from '../core/aligned.js';

/** The text with exactly the accepted changes applied to the original, by their offsets. */
export function applyDecisions(original: string, changes: readonly Change[], accepted: ArrayLike<boolean>): string {
  let out = '';
  let pos = 0;
  for (let i = 0; i < changes.length; i++) {
    const c = changes[i]!;
    out += original.slice(pos, c.start);
    out += accepted[i] ? c.after : original.slice(c.start, c.end);
    pos = c.end;
  }
  return out + original.slice(pos);
}

/** A display segment: a range of the original (whole words) holding one or more changes. */
export interface Segment {
  start: number;
  end: number;
  /** indices into the change list */
  changes: number[];
}

const isSpace = (c: number): boolean =>
  c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x0b || c === 0x0c || c === 0xa0 || c === 0x3000 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f;

const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/**
 * Groups changes into segments that cover whole words (up to `reach` units on each side), so that a highlight never
 * cuts a word in two (which would break the joining of Persian letters) and an inserted half-space is visible.
 * Changes must be sorted and not overlap (as AlignedText.changes() gives them).
 */
export function segmentChanges(original: string, changes: readonly Change[], reach = 32): Segment[] {
  const out: Segment[] = [];
  for (let i = 0; i < changes.length; i++) {
    const c = changes[i]!;
    let s = c.start;
    while (s > 0 && c.start - s < reach && !isSpace(original.charCodeAt(s - 1))) s--;
    if (s > 0 && isLow(original.charCodeAt(s))) s--;
    let e = c.end;
    while (e < original.length && e - c.end < reach && !isSpace(original.charCodeAt(e))) e++;
    if (e < original.length && isLow(original.charCodeAt(e))) e++;
    const last = out[out.length - 1];
    if (last && s <= last.end) {
      last.end = Math.max(last.end, e);
      last.changes.push(i);
    } else out.push({ start: s, end: e, changes: [i] });
  }
  return out;
}

/** The text of a segment with the given decisions applied. */
export function segmentText(original: string, seg: Segment, changes: readonly Change[], accepted: ArrayLike<boolean>): string {
  let out = '';
  let pos = seg.start;
  for (const i of seg.changes) {
    const c = changes[i]!;
    out += original.slice(pos, c.start) + (accepted[i] ? c.after : original.slice(c.start, c.end));
    pos = c.end;
  }
  return out + original.slice(pos, seg.end);
}

export interface KindLabel {
  fa: string;
  en: string;
  whyFa: string;
  whyEn: string;
}

export const KIND_LABELS: Record<ChangeKind, KindLabel> = {
  'half-space': {
    fa: 'نیم‌فاصله',
    en: 'half-space',
    whyFa: 'جزءهای یک واژه با نیم‌فاصله جدا می‌شوند، نه با فاصله و نه چسبیده',
    whyEn: 'parts of one word are separated by a half-space (ZWNJ), not a space or nothing',
  },
  character: {
    fa: 'نویسه',
    en: 'character',
    whyFa: 'نویسهٔ عربی یا نمایشی به نویسهٔ فارسی',
    whyEn: 'Arabic or presentation-form letter to the Persian letter',
  },
  keyboard: {
    fa: 'صفحه‌کلید',
    en: 'keyboard',
    whyFa: 'فارسی که با صفحه‌کلید انگلیسی تایپ شده است (sghl → سلام)',
    whyEn: 'Persian typed with the keyboard on the English layout (sghl → سلام)',
  },
  digit: { fa: 'رقم', en: 'digit', whyFa: 'رقم‌های متن فارسی', whyEn: 'digits of Persian text' },
  spacing: {
    fa: 'فاصله‌گذاری',
    en: 'spacing',
    whyFa: 'فاصلهٔ زائد یا جاافتاده، پیرامون نشانه‌ها',
    whyEn: 'extra or missing space, around punctuation',
  },
  punctuation: {
    fa: 'نشانه‌گذاری',
    en: 'punctuation',
    whyFa: 'نشانه‌های فارسی (، ؛ ؟ « ») به جای لاتین',
    whyEn: 'Persian punctuation (، ؛ ؟ « ») instead of Latin',
  },
  diacritic: { fa: 'اعراب', en: 'diacritic', whyFa: 'اعراب یا کشیده', whyEn: 'diacritics or kashida' },
  register: { fa: 'رسمی‌سازی', en: 'formal register', whyFa: 'واژهٔ محاوره‌ای به نوشتار رسمی', whyEn: 'a colloquial word in its formal written form' },
};

/** The label of a kind; a kind this page does not know yet is shown by its name. */
export function kindLabel(kind: string): KindLabel {
  return (KIND_LABELS as Record<string, KindLabel>)[kind] ?? { fa: kind, en: kind, whyFa: '', whyEn: '' };
}

const ZWNJ = '\u200c';
const onlySpaces = (s: string): boolean => s.length > 0 && [...s].every((ch) => isSpace(ch.charCodeAt(0)));
const latinDigits = /[0-9]/;

/** Why this change was made, in Persian and English (specific where the before/after show it). */
export function reason(c: Change): { fa: string; en: string } {
  const { before: b, after: a } = c;
  if (a === ZWNJ && b === '') return { fa: 'نیم‌فاصله افزوده شد: دو جزء یک واژه چسبیده بودند', en: 'half-space inserted: two parts of one word were run together' };
  if (a === ZWNJ && onlySpaces(b)) return { fa: 'فاصله به نیم‌فاصله تبدیل شد: این‌ها جزءهای یک واژه‌اند', en: 'space turned into a half-space: these are parts of one word' };
  if (b.includes(ZWNJ) && !a.includes(ZWNJ) && b.replaceAll(ZWNJ, '') === a.replaceAll(ZWNJ, '')) return { fa: 'نیم‌فاصلهٔ بی‌جا حذف شد', en: 'misplaced half-space removed' };
  if (onlySpaces(b) && a === '') return { fa: 'فاصلهٔ زائد حذف شد', en: 'extra space removed' };
  if (b === '' && onlySpaces(a)) return { fa: 'فاصلهٔ جاافتاده افزوده شد', en: 'missing space added' };
  if (onlySpaces(b) && onlySpaces(a)) return { fa: 'فاصله‌های پیاپی یکی شد', en: 'run of spaces collapsed' };
  if (c.kind === 'digit' && latinDigits.test(b)) return { fa: 'رقم لاتین به رقم فارسی', en: 'Latin digits to Persian digits' };
  const k = kindLabel(c.kind);
  return { fa: k.whyFa || k.fa, en: k.whyEn || k.en };
}

const SHOW: Record<string, string> = { ' ': '␣', '\u200c': '‹ZWNJ›', '\n': '↵', '\t': '⇥', '\u00a0': '⍽', '\r': '␍', '\u0640': 'ـ' };

/** Makes invisible characters visible (space, half-space, newline ...); '' is shown as ∅. */
export function visible(s: string): string {
  if (s === '') return '∅';
  let out = '';
  for (const ch of s) out += SHOW[ch] ?? ch;
  return out;
}

/** The segment's words with only change `i` applied (the context shown for one change). */
export function contextOf(original: string, seg: Segment, changes: readonly Change[], i: number): { before: string; after: string } {
  const c = changes[i]!;
  const before = original.slice(seg.start, seg.end);
  const after = original.slice(seg.start, c.start) + c.after + original.slice(c.end, seg.end);
  return { before, after };
}

const FA_DIGITS = '۰۱۲۳۴۵۶۷۸۹';

/** An integer in Persian digits. */
export function faNum(n: number): string {
  return String(n).replace(/[0-9]/g, (d) => FA_DIGITS[Number(d)]!);
}

/** Stable keys for changes, so decisions survive edits elsewhere in the text: kind, before, after, occurrence. */
export function changeKeys(changes: readonly Change[]): string[] {
  const seen = new Map<string, number>();
  return changes.map((c) => {
    const k = `${c.kind}\u0000${c.before}\u0000${c.after}`;
    const n = seen.get(k) ?? 0;
    seen.set(k, n + 1);
    return `${k}\u0000${n}`;
  });
}

/**
 * Where a display of `text` takes a line-break opportunity (a <wbr>): every `step` units inside a run of more than
 * `run` units without white space, never inside a surrogate pair. Chromium lays out a word that it may break anywhere
 * (the page's text has overflow-wrap: anywhere, for phone widths) in time quadratic in the word's length: one word of
 * 300,000 letters froze the page for 77 s (100,000: 4.5 s per element showing it); with a <wbr> every 20 units the
 * page shows it in 8 s, most of it the input box's own layout. A short step keeps the lines nearly full (a line breaks
 * at the last <wbr> that fits). Real words are far shorter than `run`, so real text gets none.
 */
export function wrapPoints(text: string, run = 200, step = 20): number[] {
  const out: number[] = [];
  let start = 0; // the start of the current run
  const n = text.length;
  for (let i = 0; i <= n; i++) {
    if (i < n && !isSpace(text.charCodeAt(i))) continue;
    if (i - start > run) {
      for (let p = start + step; p < i; p += step) out.push(isLow(text.charCodeAt(p)) && p + 1 < i ? p + 1 : p);
    }
    start = i + 1;
  }
  return out.filter((p, k) => k === 0 || p !== out[k - 1]);
}
