/**
 * Fixed validation splits for every model trained on treebanks (lemmatizer, tagger, parser, tokenizer rules).
 *
 * The gold treebanks here are dev files of their projects; the official test sets are held back by the project's
 * scorers. We carve a contiguous tail of each file as OUR validation split (contiguous, so documents do not leak
 * across the split) and never train, build lexicons, or tune on it:
 *
 *   PerDT  ud/fa_perdt-ud-dev.conllu   sentences 1-1019 → train part, 1020-1456 (437, last 30%) → validation
 *   Seraji ud/fa_seraji-ud-dev.conllu  sentences 1-419  → train part, 420-599  (180, last 30%) → validation
 *   iPerUDT ud/iPerUDT_train.conllu → train;  ud/iPerUDT_dev.conllu → validation (informal register)
 *   PerDT early slice ud/fa_perdt-train-slice-early.conllu → train only (mapped to current labels first)
 *
 * Sentence numbers are 1-based positions in the file (not sent_id strings).
 */
import { readShared } from './corpus.js';

export interface Split {
  file: string;
  /** 1-based inclusive ranges of sentence positions */
  train: [number, number] | null;
  validation: [number, number] | null;
}

export const SPLITS: Record<string, Split> = {
  perdt: { file: 'ud/fa_perdt-ud-dev.conllu', train: [1, 1019], validation: [1020, 1456] },
  seraji: { file: 'ud/fa_seraji-ud-dev.conllu', train: [1, 419], validation: [420, 599] },
  iperudtTrain: { file: 'ud/iPerUDT_train.conllu', train: [1, Infinity], validation: null },
  iperudtDev: { file: 'ud/iPerUDT_dev.conllu', train: null, validation: [1, Infinity] },
  perdtEarly: { file: 'ud/fa_perdt-train-slice-early.conllu', train: [1, Infinity], validation: null },
};

/**
 * The spelling checker's held-out block of raw train text, for reading false alarms on more clean text than the tuning
 * folds hold (tuning data, never validation): each file's 0-based lines from this number on are left out of a
 * `SPELL_HOLD=1` build (scripts/build-spell.ts) and checked by scripts/spell-hold.ts.
 */
export const SPELL_HOLD_FROM: Readonly<Record<string, number>> = { 'text/perdt-train.txt': 24000, 'text/seraji-train.txt': 4300 };

/** Splits CoNLL-U text into sentence blocks (comments + token lines), in file order. */
export function conlluBlocks(text: string): string[] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\n\s*\n/)
    .map((b) => b.trim())
    .filter((b) => b.length > 0);
}

/** The blocks of a file that fall in a range of 1-based positions. */
export function selectBlocks(blocks: string[], range: [number, number] | null): string[] {
  if (!range) return [];
  return blocks.slice(range[0] - 1, Math.min(blocks.length, range[1]));
}

/** The CoNLL-U blocks of split `name` (see SPLITS) in `range` (CR LF read as LF). */
export function splitBlocks(name: string, range: [number, number] | null): string[] {
  return selectBlocks(conlluBlocks(readShared(SPLITS[name]!.file).replace(/\r\n?/g, '\n')), range);
}
