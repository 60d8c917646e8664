/**
 * The held-out block of clean train text for the spelling checker's tuning scripts (scripts/spell-hold.ts,
 * scripts/spell-glue.ts): the checker of a build without the block (`SPELL_HOLD=1 SPELL_OUT=.tmp/spell-hold.bin npm run
 * build:spell`) with the formalizer hooks on, as the package ships them, and the block's lines (SPELL_HOLD_FROM in
 * scripts/lib/splits.ts; tuning data, never validation).
 */
import { readFileSync } from 'node:fs';
import { createSpellChecker, type SpellChecker } from '../../src/core/spell/checker.js';
import { createFormalizer } from '../../src/core/formal/index.js';
import { canon, readShared, ROOT } from './corpus.js';
import { SPELL_HOLD_FROM } from './splits.js';

/** The checker of spell data `bin` with the formalizer hooks read from data/formal.json and data/lemma.bin. */
export function holdChecker(bin: string): SpellChecker {
  const fz = createFormalizer({ formal: JSON.parse(readFileSync(`${ROOT}data/formal.json`, 'utf8')), lemma: new Uint8Array(readFileSync(`${ROOT}data/lemma.bin`)) });
  return createSpellChecker(new Uint8Array(readFileSync(bin)), { formal: (w, end) => fz.colloquialWord(w, end), informal: (w) => fz.word(w) });
}

/** Every non-empty line of the held-out block, trimmed and in canonical characters, with its file and line number. */
export function* holdLines(): Generator<{ file: string; line: number; text: string }> {
  for (const [file, from] of Object.entries(SPELL_HOLD_FROM)) {
    const lines = readShared(file).split('\n');
    for (let i = from; i < lines.length; i++) {
      const text = canon(lines[i]!.trim());
      if (text) yield { file, line: i, text };
    }
  }
}
