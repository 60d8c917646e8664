/**
 * Stopwords: Persian function words and very common words (از, به, که, این, است, می‌شود, ...), for search, keyword
 * extraction and counting. The list is data (data/stopwords.json, built by scripts/build-stopwords.ts from hazm's and
 * shekar's lists); a word matches in any spelling the normalizer would unify: Arabic letter variants, diacritics,
 * kashida and ZWNJs do not count (میشود, می‌شود and مي‌شود all match). Pure; the data is handed in.
 */
import { letterKey } from './chars.js';
import { badText, DabirError } from './errors.js';

export interface StopwordData {
  meta: { format: number; license?: string; sources?: string };
  words: string[];
  /** the listed words that are content words (NOUN/ADJ/PROPN in the treebanks: بزرگ, جدید, مهم); optional */
  content?: string[];
  /**
   * nouns that make a compound preposition or adverb with the simple preposition before them, as `prep word` (به خاطر,
   * بر اساس, در واقع): where they stand after it they are no keyword of their own; optional
   */
  afterPreposition?: string[];
}

export interface Stopwords {
  /** whether `word` is a stopword (in any spelling: ZWNJs, diacritics, Arabic letter variants ignored) */
  has(word: string): boolean;
  /** the list, in the sources' spellings, sorted */
  readonly words: readonly string[];
  /**
   * whether `word` is a stopword and no content word: a function word, adverb, light or auxiliary verb (از, که, خیلی,
   * می‌شود; not بزرگ or جدید, which the lists hold for keyword extraction). What search leaves out.
   */
  isFunctionWord(word: string): boolean;
  /**
   * whether `word` after `prev` is part of a compound preposition or adverb (به خاطر, به عنوان, بر اساس, در واقع; any
   * spelling, as `has`): a noun there that is no keyword
   */
  afterPreposition(prev: string, word: string): boolean;
  /**
   * whether `word` is such a compound preposition written as one word, glued or with a ZWNJ (بخاطر, به‌خاطر, براساس,
   * درواقع): no keyword either
   */
  isPrepositionCompound(word: string): boolean;
}

/** The matching key of a word: Persian letters, no diacritics, kashida or ZWNJ. */
export function stopwordKey(word: string): string {
  // a text for a word, as stem's: a value that is no string is E_BAD_INPUT (it was "Cannot read properties of null",
  // then the key '')
  if (typeof word !== 'string') throw badText(word, 'stopwordKey', 'the word');
  return letterKey(word, true).trim();
}

export function createStopwords(data: StopwordData): Stopwords {
  if (!data || !Array.isArray(data.words) || data.meta?.format !== 1) {
    throw new DabirError('E_RESOURCE_CORRUPT', 'stopword data: not a stopwords.json of this version', 'rebuild it with `npm run build:stopwords` or reinstall dabir');
  }
  const keys = new Set(data.words.map(stopwordKey));
  const content = new Set((Array.isArray(data.content) ? data.content : []).map(stopwordKey));
  const after = new Set((Array.isArray(data.afterPreposition) ? data.afterPreposition : []).map((p) => p.split(' ').map(stopwordKey).join(' ')));
  // the same pairs as one word (به also as its glued ب: بخاطر)
  const glued = new Set<string>();
  for (const pair of after) {
    const [p, w] = pair.split(' ');
    glued.add(p! + w!);
    if (p === 'به') glued.add('ب' + w!);
  }
  const words = Object.freeze([...data.words]);
  const has = (word: string): boolean => typeof word === 'string' && word.length <= 64 && keys.has(stopwordKey(word));
  return {
    has,
    words,
    isFunctionWord: (word) => has(word) && !content.has(stopwordKey(word)),
    isPrepositionCompound: (word) => typeof word === 'string' && word.length <= 64 && glued.has(stopwordKey(word)),
    afterPreposition: (prev, word) =>
      typeof prev === 'string' && typeof word === 'string' && prev.length <= 4 && word.length <= 64 && after.has(`${stopwordKey(prev)} ${stopwordKey(word)}`),
  };
}
