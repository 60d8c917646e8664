/**
 * Component `lemmatizer`: a lemma for every word (PerDT/Seraji convention: verbs → past stem). Uses UPOS when a
 * tagger ran before it. Option `scheme: 'perdt' | 'seraji' | 'iperudt'` (default perdt); `verbLemma: 'past' | 'pair'`
 * (default: the scheme's; see LemmatizerOptions).
 */
import { badOption } from '../errors.js';
import { defineComponent } from '../pipeline.js';
import { createLemmatizer, type LemmaData } from './index.js';
import { hasLetter } from '../chars.js';

defineComponent({
  name: 'lemmatizer',
  stage: 'annotate',
  requires: ['words'],
  provides: ['lemma'],
  resources: ['lemma'],
  options: ['scheme', 'verbLemma'],
  create(res, options) {
    const scheme = (options.scheme ?? 'perdt') as string;
    if (scheme !== 'perdt' && scheme !== 'seraji' && scheme !== 'iperudt') throw badOption('lemmatizer.scheme', scheme, ['perdt', 'seraji', 'iperudt']);
    const verbLemma = options.verbLemma as string | undefined;
    if (verbLemma !== undefined && verbLemma !== 'past' && verbLemma !== 'pair') throw badOption('lemmatizer.verbLemma', verbLemma, ['past', 'pair']);
    const lem = createLemmatizer(res.lemma as LemmaData | Uint8Array, { scheme, ...(verbLemma ? { verbLemma } : {}) });
    return {
      annotate(doc) {
        for (const s of doc.sentences) {
          const words = s.words;
          const lemmas = lem.lemmatizeSentence(words);
          for (let i = 0; i < words.length; i++) {
            const w = words[i]!;
            const l = lemmas[i]!;
            // punctuation, numbers, symbols (a token of one word without letters) are their own lemma as written, as in
            // UD (LEMMA = FORM): the normalizer's digits and marks (20 → ۲۰, " → «) are a spelling, no lemma (no test
            // needed when the lemma is the form already, as for most words)
            const t = w.token!;
            w.lemma = l !== t.text && t.words.length === 1 && !hasLetter(w.form) && !hasLetter(t.text) ? t.text : l;
          }
        }
      },
    };
  },
});
