import { badOption, DabirError, optionsObject } from '../errors.js';

/**
 * Options of `normalize`. Every step can be switched by name; omitted fields take the defaults below.
 */
export interface NormalizeOptions {
  /** Arabic and presentation-form letters to Persian (ي ى → ی, ك → ک, ە → ه, ﻧﺎﻡ → نام; ة, ۀ and the hamza forms أ إ ؤ ئ are kept). Default 'persian'. */
  letters?: 'persian' | 'keep';
  /** Kashida (tatweel, ـ) between letters. Default 'remove'. */
  kashida?: 'remove' | 'keep';
  /** Arabic diacritics (harakat, tanwin, shadda, ...). Default 'keep'. */
  diacritics?: 'keep' | 'remove';
  /** Digits policy: 'fa' turns digits in Persian runs into ۰-۹ (never in Latin words, URLs, versions or code). Default 'fa'. */
  digits?: 'fa' | 'latin' | 'keep';
  /** Persian punctuation (، ؛ ؟ « ») in Persian context, ellipsis, collapsed repeated marks. Default 'fa'. */
  punctuation?: 'fa' | 'keep';
  /** Spaces: collapse runs, spacing around punctuation and brackets, between digits and letters. Default 'fix'. */
  spacing?: 'fix' | 'keep';
  /** Half-space (ZWNJ) repair: run-together, spaced and meaningless ZWNJs. Default 'fix'. */
  halfSpace?: 'fix' | 'keep';
  /**
   * Half-space convention. 'corpus' (default): the convention of the PerDT/Seraji treebank text the model learned
   * (e.g. آنها, بیشتر, but کتاب‌ها). 'academy': the Academy of Persian Language style, which always separates the
   * plural ها and the comparative تر/ترین with a ZWNJ (آن‌ها, بزرگ‌تر) except in lexicalised words (بیشتر, بهتر).
   */
  style?: 'corpus' | 'academy';
  /**
   * Persian typed with the keyboard on the English layout (`sghl o,fd` → `سلام خوبی`): 'fix' rewrites runs of Latin
   * words whose keys spell Persian words the half-space model knows (English prose, names and code are left alone);
   * default 'keep', as Latin text passes through unchanged.
   */
  keyboard?: 'keep' | 'fix';
}

export type ResolvedOptions = Required<NormalizeOptions>;

export const DEFAULT_OPTIONS: ResolvedOptions = Object.freeze({
  letters: 'persian',
  kashida: 'remove',
  diacritics: 'keep',
  digits: 'fa',
  punctuation: 'fa',
  spacing: 'fix',
  halfSpace: 'fix',
  style: 'corpus',
  keyboard: 'keep',
});

const ALLOWED: { [K in keyof ResolvedOptions]: readonly ResolvedOptions[K][] } = {
  letters: ['persian', 'keep'],
  kashida: ['remove', 'keep'],
  diacritics: ['keep', 'remove'],
  digits: ['fa', 'latin', 'keep'],
  punctuation: ['fa', 'keep'],
  spacing: ['fix', 'keep'],
  halfSpace: ['fix', 'keep'],
  style: ['corpus', 'academy'],
  keyboard: ['keep', 'fix'],
};

export const OPTION_VALUES = ALLOWED as { readonly [K in keyof ResolvedOptions]: readonly string[] };

/** Validates options (throws DabirError E_BAD_OPTION with the allowed values) and fills defaults. */
export function resolveOptions(options: NormalizeOptions | undefined): ResolvedOptions {
  if (options === undefined) return DEFAULT_OPTIONS;
  // (null and an array are no options object: E_BAD_OPTION, as everywhere else)
  const out = { ...DEFAULT_OPTIONS } as Record<string, string>;
  for (const [k, v] of Object.entries(optionsObject(options, 'normalizer'))) {
    if (v === undefined) continue;
    const allowed = (ALLOWED as Record<string, readonly string[]>)[k];
    if (!allowed) {
      throw new DabirError('E_BAD_OPTION', `unknown option "${k}"`, `known options: ${Object.keys(ALLOWED).join(', ')}`);
    }
    if (!allowed.includes(v as string)) throw badOption(k, v, allowed);
    out[k] = v as string;
  }
  return out as unknown as ResolvedOptions;
}
