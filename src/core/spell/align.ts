/**
 * Helpers for learning and scoring from parallel wrong/correct sentences (PerSpellData): token alignment and the
 * "style" key. Pure.
 */

export interface TokenDiff {
  /** token index range in the wrong sentence */
  wi: number;
  wj: number;
  wrong: string[];
  correct: string[];
}

/** Splits on white space; tokens keep their offsets. */
export function spaceTokens(s: string): { text: string; start: number; end: number }[] {
  const out: { text: string; start: number; end: number }[] = [];
  const re = /\S+/g;
  for (let m = re.exec(s); m; m = re.exec(s)) out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

/** The differing segments of two token sequences (LCS alignment). */
export function alignTokens(wrong: string, correct: string): TokenDiff[] {
  const a = spaceTokens(wrong).map((t) => t.text);
  const b = spaceTokens(correct).map((t) => t.text);
  const n = a.length;
  const m = b.length;
  if (n * m > 250000) return [];
  const L = Array.from({ length: n + 1 }, () => new Int32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) L[i]![j] = a[i] === b[j] ? L[i + 1]![j + 1]! + 1 : Math.max(L[i + 1]![j]!, L[i]![j + 1]!);
  const out: TokenDiff[] = [];
  let i = 0;
  let j = 0;
  let si = -1;
  let sj = -1;
  const close = (): void => {
    if (si >= 0) out.push({ wi: si, wj: i, wrong: a.slice(si, i), correct: b.slice(sj, j) });
    si = -1;
  };
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      close();
      i++;
      j++;
    } else {
      if (si < 0) {
        si = i;
        sj = j;
      }
      if (j >= m || (i < n && L[i + 1]![j]! >= L[i]![j + 1]!)) i++;
      else j++;
    }
  }
  close();
  return out;
}

/** Letters only, hamza seats and half-spaces folded: two spellings with the same key differ in style only. */
export function styleKey(s: string): string {
  return s
    .replace(/[\u200c\s\u0621\u0654]/g, '')
    .replace(/[أإآ]/g, 'ا')
    .replace(/ئ/g, 'ی')
    .replace(/ؤ/g, 'و')
    .replace(/ة/g, 'ه');
}

/** The fixed validation split of PerSpellData: 0-based line numbers 9, 19, 29, ... of every file. */
export function isSpellValidationLine(i: number): boolean {
  return i % 10 === 9;
}

/**
 * Tuning folds carved from the non-validation data (SPELL_TUNE=k for scripts/build-spell.ts and scripts/eval-spell.ts):
 * fold k holds out a block of sentences of the UD dev train parts and the PerSpellData lines with 0-based number
 * % 10 == 9 - k. Fold 1: PerDT 1-300, Seraji 1-100, lines % 10 == 8; fold 2: PerDT 301-650, Seraji 101-250, % 10 == 7;
 * fold 3: PerDT 651-1019, Seraji 251-419, % 10 == 6.
 */
export interface SpellTuneFold {
  perdt: [number, number];
  seraji: [number, number];
  /** PerSpellData lines of this fold */
  line: (i: number) => boolean;
}

export function spellTuneFold(k: number): SpellTuneFold | undefined {
  const folds: [[number, number], [number, number]][] = [
    [[1, 300], [1, 100]],
    [[301, 650], [101, 250]],
    [[651, 1019], [251, 419]],
  ];
  const f = folds[k - 1];
  return f ? { perdt: f[0], seraji: f[1], line: (i) => i % 10 === 9 - k } : undefined;
}
