/** Helpers shared by the training and evaluation scripts (Node only). */
import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isArabicLetter, isArabicMark, isNonJoiner } from '../../src/core/chars.js';

export const SHARED = process.env.DABIR_SHARED ?? fileURLToPath(new URL('../../../shared/data/', import.meta.url));
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export function sharedPath(rel: string): string {
  return SHARED.replace(/\/?$/, '/') + rel;
}

export function haveShared(): boolean {
  return existsSync(sharedPath('README.md'));
}

export function readShared(rel: string): string {
  return readFileSync(sharedPath(rel), 'utf8').replace(/^\uFEFF/, '');
}

/** `# text = ` lines of a CoNLL-U file. */
/**
 * The raw training text (text/perdt-train.txt, text/seraji-train.txt) as sentences of tokens (runs of letters, marks,
 * digits and ZWNJ, or single other characters), each token through `norm` — for word classes and embeddings.
 */
export function rawTextSentences(norm: (token: string) => string): string[][] {
  const sents: string[][] = [];
  for (const file of ['text/perdt-train.txt', 'text/seraji-train.txt']) {
    for (const line of readShared(file).split('\n')) {
      const toks: string[] = [];
      for (const m of line.matchAll(/[\p{L}\p{M}\p{N}\u200c]+|[^\s\p{L}\p{M}\p{N}\u200c]/gu)) toks.push(norm(m[0]));
      if (toks.length) sents.push(toks);
    }
  }
  return sents;
}

export function conlluTexts(rel: string): string[] {
  const out: string[] = [];
  for (const line of readShared(rel).split('\n')) if (line.startsWith('# text = ')) out.push(line.slice(9).trim());
  return out;
}

/**
 * Canonical character form used to learn and to evaluate half-spaces: Arabic letter variants to Persian, no kashida,
 * no diacritics except hamza above (ۀ as ه + ٔ), meaningless ZWNJs removed.
 */
export function canon(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c === 0x064a || c === 0x0649) c = 0x06cc;
    else if (c === 0x0643) c = 0x06a9;
    else if (c === 0x06d5) c = 0x0647;
    else if (c === 0x0640) continue;
    else if (isArabicMark(c) && c !== 0x0654) continue;
    if (c === 0x200c) {
      const prev = out.charCodeAt(out.length - 1);
      const next = s.charCodeAt(i + 1);
      if (!isArabicLetter(prev) || isNonJoiner(prev) || !(isArabicLetter(next) || next === 0x200c)) continue;
      if (next === 0x200c) continue;
    }
    out += String.fromCharCode(c);
  }
  return out;
}

export function isWordUnit(c: number): boolean {
  return isArabicLetter(c) || c === 0x200c || c === 0x0654;
}
