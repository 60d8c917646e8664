/**
 * Component `spell`: spelling issues of the document in `doc.spelling` (offsets into the original text). Uses the
 * normalized token forms, so what the normalizer already repaired (ي/ك, half-spaces) is not reported again; words
 * tagged PROPN (when the tagger ran earlier) are never flagged. Options: `kinds`, `realWordThreshold`,
 * `maxSuggestions`, `maxCost`, `words` (user dictionary: an array of words).
 */
import { badOption, modelArgument, optionsObject } from '../errors.js';
import { defineComponent } from '../pipeline.js';
import { anyProtected, protectedLetters } from '../normalize/protect.js';
import { foreignSpans, inSpans } from '../normalize/characters.js';
import { checkSpellOptions, countKeys, createSpellChecker, tokenKey, type SpellChecker, type SpellIssue, type SpellOptions, type SpellToken } from './checker.js';
import { docArgument, type Doc } from '../doc.js';

const cache = new WeakMap<object, SpellChecker>();

/** The (cached) checker of a `spell` resource: the bytes of data/spell.bin, decoded SpellData, or a checker. */
export function spellCheckerOf(res: unknown): SpellChecker {
  if (res && typeof res === 'object' && 'checkTokens' in res) return res as SpellChecker;
  let c = cache.get(res as object);
  if (!c) {
    c = createSpellChecker(res as Uint8Array);
    cache.set(res as object, c);
  }
  return c;
}

const OPTION_NAMES = ['kinds', 'realWordThreshold', 'maxSuggestions', 'maxCost', 'contextCap', 'fixThreshold', 'words', 'register'];

/** Checks every sentence of a Doc and stores the issues in `doc.spelling` (also returned). */
export function checkDoc(checker: SpellChecker, doc: Doc, options: SpellOptions = {}): SpellIssue[] {
  modelArgument(checker, 'checkTokens', 'checkDoc', 'spellCheckerOf');
  docArgument(doc, 'checkDoc');
  options = optionsObject(options, 'spelling'); // (null was "Cannot read properties of null (reading 'documentCounts')")
  const out: SpellIssue[] = [];
  // code, mentions, hashtags, URLs and markup are never checked, nor sentences of another language in the Arabic
  // script (as checker.check leaves them)
  const prot = protectedLetters(doc.text);
  const foreign = foreignSpans(doc.text);
  const fc = { at: 0 };
  const sentences = doc.sentences.map((s) =>
    s.tokens.filter((t) => !anyProtected(prot, t.start, t.end) && !inSpans(foreign, fc, t.start, t.end)).map((t): SpellToken => ({
      start: t.start,
      end: t.end,
      text: t.text,
      form: t.form,
      upos: t.words.some((w) => w.upos === 'PROPN') ? 'PROPN' : t.words.length === 1 ? t.words[0]!.upos : undefined,
    })),
  );
  // the document's words counted, not each sentence's alone (an unknown word written twice in it, without a strong
  // correction, is a name or a term: SpellOptions.documentCounts)
  let o = options;
  if (o.documentCounts === undefined && sentences.length > 1) o = { ...options, documentCounts: countKeys(sentences.flat().map(tokenKey)) };
  for (const toks of sentences) out.push(...checker.checkTokens(toks, doc.text, o));
  doc.spelling = out;
  return out;
}

defineComponent({
  name: 'spell',
  stage: 'annotate',
  requires: ['words'],
  provides: ['spelling'],
  resources: ['spell'],
  // (a word's count in the whole document matters: processPieces does not cut it)
  documentLevel: true,
  options: OPTION_NAMES,
  create(res, options) {
    for (const k of Object.keys(options)) if (!OPTION_NAMES.includes(k)) throw badOption(k, options[k], OPTION_NAMES);
    const words = options.words;
    if (words !== undefined && (!Array.isArray(words) || words.some((w) => typeof w !== 'string'))) throw badOption('spell.words', words, ['an array of words']);
    const o: SpellOptions = {};
    for (const k of ['kinds', 'realWordThreshold', 'maxSuggestions', 'maxCost', 'contextCap', 'fixThreshold', 'register'] as const) {
      if (options[k] !== undefined) (o as Record<string, unknown>)[k] = options[k];
    }
    // (the checker's own test of its options, as check() runs it, here at the pipeline's creation)
    checkSpellOptions(o, 'spell.');
    const checker = spellCheckerOf(res.spell);
    if (words) checker.addWords(words as string[]);
    return { annotate: (doc) => void checkDoc(checker, doc, o) };
  },
});
