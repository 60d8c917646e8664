/**
 * The package's data files and how each becomes what the components read. Pure: the loaders read the bytes (Node:
 * `fs`, src/node; browsers: `fetch`, src/browser) and hand them here.
 */
import { createIdf, type IdfData } from './keywords/index.js';
import { decodeLemmaData } from './lemmatize/data.js';
import { HalfSpaceModel } from './normalize/halfspace-model.js';
import { createSpellChecker, type SpellOptions } from './spell/checker.js';
import { createStopwords, type StopwordData } from './stopwords.js';
import { DabirError } from './errors.js';

/** The data file of each resource, in the package's data/ folder. */
export const RESOURCE_FILES: Readonly<Record<string, string>> = {
  halfspace: 'halfspace.bin',
  formal: 'formal.json',
  stopwords: 'stopwords.json',
  idf: 'idf.json',
  mwt: 'mwt.json',
  mwtInformal: 'mwt-informal.json',
  lemma: 'lemma.bin',
  tagger: 'tagger.bin',
  parser: 'parser.bin',
  spell: 'spell.bin',
  ner: 'ner.bin',
};

/** a JSON data file parsed; one that is no JSON (truncated, flipped bytes, an HTML page) is E_RESOURCE_CORRUPT, not a SyntaxError */
function json(b: Uint8Array, file: string): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(b));
  } catch (e) {
    throw new DabirError('E_RESOURCE_CORRUPT', `data/${file} is not valid JSON (${(e as Error).message})`, 'reinstall dabir, or serve the data/ folder of one dabir version as it is');
  }
}

/**
 * The bytes of a resource's data file as the components want them: the half-space model, lemma data, spelling checker
 * (with `spell` options as its defaults), stopwords and IDF table decoded; the JSON files parsed; the tagger, parser
 * and NER models as bytes (their components check and decode them once).
 */
export function decodeResource(name: string, bytes: Uint8Array, spell: SpellOptions = {}): unknown {
  switch (name) {
    case 'halfspace':
      return HalfSpaceModel.fromBytes(bytes);
    case 'lemma':
      return decodeLemmaData(bytes);
    case 'spell':
      return createSpellChecker(bytes, spell);
    case 'stopwords':
      return createStopwords(json(bytes, RESOURCE_FILES[name]!) as StopwordData);
    case 'idf':
      return createIdf(json(bytes, RESOURCE_FILES[name]!) as IdfData);
    case 'mwt':
    case 'mwtInformal':
    case 'formal':
      return json(bytes, RESOURCE_FILES[name]!);
    default:
      return bytes;
  }
}
