/**
 * Features of the named-entity recognizer. A feature is a string (template name + value) hashed to a 32-bit key
 * (Murmur3-style, src/core/tag/hash.ts); the model maps keys to weight rows. Static features depend on the words
 * only and are computed once per sentence; dynamic ones read the labels already chosen to the left.
 *
 * Word facts come from the model's lexicon, keyed by the hash of the word's feature form:
 *   bits 0-5   the word was part of an entity of type t (PER LOC ORG NAT EVE POG) in the training data
 *   bit 6      it began an entity more often than not; bit 7: it was inside an entity more often than outside
 *   bits 8-11  frequency class in the raw text (1 + floor(log2 count), capped at 15; 0 = unseen)
 *   bits 12-15 hazm word class (N, AJ, ADV, other listed; 0 = not in hazm's tagged list)
 *   bits 16-24 1 + the word's class (word clusters learned from raw text and the training tweets; 0 = none)
 */
import { hashRange, SEED_A } from '../tag/hash.js';
import { MAX_WORD } from '../chars.js';
import { featForm } from '../tag/features.js';

export { featForm };

export const NER_TYPES = ['PER', 'LOC', 'ORG', 'NAT', 'EVE', 'POG'] as const;
export type NerType = (typeof NER_TYPES)[number];
/** O, then B-T and I-T for every type, in NER_TYPES order */
export const NER_LABELS: string[] = ['O', ...NER_TYPES.flatMap((t) => ['B-' + t, 'I-' + t])];

export const LEX_BEGIN = 1 << 6;
export const LEX_INSIDE = 1 << 7;
export const freqClass = (v: number): number => (v >>> 8) & 15;
export const hazmClass = (v: number): number => (v >>> 12) & 15;
export const wordClass = (v: number): number => (v >>> 16) & 511;

/**
 * The spelling features read: featForm (letters unified, digits as 0-9, Latin lower case); a form longer than
 * MAX_WORD (a run of text without spaces) is one placeholder, so features never copy it.
 */
export function nerForm(w: string): string {
  return w.length > MAX_WORD ? '<long>' : featForm(w);
}

export function keyOf(s: string): number {
  return hashRange(s, 0, s.length, SEED_A);
}

/** Word-lexicon look-up: the facts of a feature form (0 when unknown). */
export type LexLookup = (form: string) => number;

function shape(f: string): string {
  let out = '';
  let last = '';
  for (let i = 0; i < f.length && out.length < 8; i++) {
    const c = f.charCodeAt(i);
    const k =
      c === 0x200c ? 'z' : c >= 48 && c <= 57 ? 'd' : (c >= 97 && c <= 122) || (c >= 65 && c <= 90) ? 'l' : c >= 0x0600 && c <= 0x06ff ? 'a' : c === 0x40 ? '@' : c === 0x23 ? '#' : c < 0x80 ? 'p' : 'o';
    if (k !== last) out += k;
    last = k;
  }
  return out;
}

function lexFeats(out: string[], p: string, v: number): void {
  for (let t = 0; t < NER_TYPES.length; t++) if (v & (1 << t)) out.push(p + 'gz=' + NER_TYPES[t]);
  if (v & LEX_BEGIN) out.push(p + 'gzB');
  if (v & LEX_INSIDE) out.push(p + 'gzI');
  out.push(p + 'fq=' + freqClass(v));
  out.push(p + 'hz=' + hazmClass(v));
  if (wordClass(v)) out.push(p + 'cl=' + wordClass(v));
}

/**
 * The static feature keys of every word of a sentence (`forms` are feature forms, see featForm): keys[i] is the
 * array for word i. `lex` gives each form's lexicon facts.
 */
export function staticKeys(forms: string[], lex: LexLookup): number[][] {
  const n = forms.length;
  const facts = forms.map((f) => lex(f));
  const at = (i: number): string => (i < 0 ? '<s>' : i >= n ? '</s>' : forms[i]!);
  const out: number[][] = [];
  const fs: string[] = [];
  for (let i = 0; i < n; i++) {
    fs.length = 0;
    const f = forms[i]!;
    fs.push('b', 'w=' + f, 'w-1=' + at(i - 1), 'w+1=' + at(i + 1), 'w-2=' + at(i - 2), 'w+2=' + at(i + 2));
    fs.push('w-1w=' + at(i - 1) + ' ' + f, 'ww+1=' + f + ' ' + at(i + 1));
    for (let k = 1; k <= 4 && k < f.length; k++) fs.push('s' + k + '=' + f.slice(-k));
    for (let k = 1; k <= 3 && k < f.length; k++) fs.push('p' + k + '=' + f.slice(0, k));
    fs.push('sh=' + shape(f), 'len=' + Math.min(f.length, 10));
    const z = f.indexOf('\u200c');
    if (z > 0) fs.push('zf=' + f.slice(0, z), 'zl=' + f.slice(f.lastIndexOf('\u200c') + 1));
    lexFeats(fs, '', facts[i]!);
    if (i > 0) lexFeats(fs, '-', facts[i - 1]!);
    if (i + 1 < n) lexFeats(fs, '+', facts[i + 1]!);
    if (i > 0 && i + 1 < n) fs.push('sh3=' + shape(forms[i - 1]!) + shape(f) + shape(forms[i + 1]!));
    out.push(fs.map(keyOf));
  }
  return out;
}

/** The dynamic feature keys of word i, given the labels chosen for words i-2 and i-1 (-1 = before the sentence). */
export function dynamicKeys(forms: string[], i: number, prev2: number, prev1: number, out: number[]): number[] {
  out.length = 0;
  const f = forms[i]!;
  out.push(keyOf('t-1=' + prev1), keyOf('t-2t-1=' + prev2 + ' ' + prev1), keyOf('t-1w=' + prev1 + ' ' + f));
  return out;
}

/** May label `to` follow label `from` (-1 = sentence start)? I-T only after B-T or I-T. */
export function allowed(from: number, to: number): boolean {
  if (to === 0 || (to & 1) === 1) return true; // O or B-T
  return from === to || from === to - 1;
}
