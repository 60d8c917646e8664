/** Spelling: non-word, real-word and style issues with ranked suggestions (see checker.ts). */
export { createSpellChecker, isSpellable, spellKey, SPELL_KINDS, SPELL_REGISTERS, type SpellChecker, type SpellRegister, type SpellIssue, type SpellKind, type SpellOptions, type SpellSuggestion, type SpellToken } from './checker.js';
export { decodeSpellData, encodeSpellData, SPELL_FORMAT_VERSION, type Confusion, type SpellData } from './data.js';
export { checkDoc, spellCheckerOf } from './component.js';
