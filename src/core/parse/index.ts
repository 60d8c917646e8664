/**
 * Dependency parser: HEAD and DEPREL (with UD subtypes) for every word.
 *
 * Greedy arc-hybrid transition parser (root at the end of the buffer) with an averaged perceptron over hashed
 * features (forms, UPOS, XPOS, FEATS, lemmas, suffixes, half-space pieces and word classes of the stack and buffer
 * words and of the children built so far), trained with a dynamic oracle; a second averaged perceptron labels each
 * arc when it is made. Every feature has shared weights plus weights per treebank convention (PerDT, Seraji,
 * iPerUDT), chosen by the `scheme` option. Word classes come from raw text (./clusters.ts). Non-projective trees come
 * from pseudo-projective parsing (lifted arcs encoded in labels, undone after parsing). Decoding only allows actions
 * that lead to a tree: every sentence gets exactly one word attached to 0 (labelled "root"), no cycles, every head
 * in 0..n, whatever the input. Option `beam` (k > 1): beam search over the transitions with a second set of transition
 * weights trained globally for it (structured perceptron, max-violation updates; ./train.ts), when the model has them.
 *
 * The component `parser` reads UPOS (and XPOS, FEATS and lemmas when present) and writes `head` and `deprel`.
 * Resource `parser`: a ParserModel or the bytes of data/parser.bin (checked and decoded once per bytes object).
 */
import { docArgument, type Doc } from '../doc.js';
import { badOption, DabirError, modelArgument, optionsObject } from '../errors.js';
import { defineComponent } from '../pipeline.js';
import { decodedOnce } from '../resource.js';
import { SCHEMES, type Scheme } from './features.js';
import { ParserModel } from './model.js';

export { MAX_BEAM_WORDS, ParserModel, PARSER_FORMAT_VERSION, encodeParserModel, decodeParserModel, type ParserModelData, type ParseResult } from './model.js';
export { trainParser, type TrainOptions, type TrainSentence } from './train.js';
export { trainClusters, type ClusterOptions } from './clusters.js';
export { projectivize, deprojectivize, isProjective, leafMarks } from './projective.js';
export { SCHEMES, featForm, type ParseWord, type Scheme } from './features.js';

export interface ParserOptions {
  /**
   * Treebank convention of the labels and attachments: 'perdt', 'seraji' or 'iperudt' (informal), or 'auto'
   * (default): read from each sentence's XPOS tags (PerDT tags → perdt, Seraji-style tags → seraji, or iperudt when
   * the sentence has a PROPN). Use the same scheme as the tagger: in a pipeline whose tagger is given a scheme, that
   * scheme is the parser's default.
   */
  scheme?: Scheme | 'auto';
  /**
   * Beam width: 1 (default) parses greedily; k > 1 keeps the k best transition sequences at each step (slower, about
   * k times the parser's work). Integers 1..64. A sentence of more than 1,000 words (MAX_BEAM_WORDS) is parsed
   * greedily whatever the width, so that any input parses in linear time.
   */
  beam?: number;
}

function schemeNumber(scheme: Scheme | 'auto' | undefined): number | undefined {
  return scheme === undefined || scheme === 'auto' ? undefined : SCHEMES.indexOf(scheme) + 1;
}

/** Parses every sentence of a Doc in place (sets `head` and `deprel` of every word). */
export function parseDoc(model: ParserModel, doc: Doc, options: ParserOptions = {}): Doc {
  modelArgument(model, 'parse', 'parseDoc', 'parserModelOf');
  docArgument(doc, 'parseDoc');
  options = optionsObject(options, 'parser'); // (null was "Cannot read properties of null (reading 'scheme')")
  const scheme = schemeNumber(options.scheme);
  const beam = options.beam ?? 1;
  for (const s of doc.sentences) {
    const words = s.words;
    const r = model.parse(words, scheme, beam);
    for (let i = 0; i < words.length; i++) {
      words[i]!.head = r.heads[i];
      words[i]!.deprel = r.deprels[i];
    }
  }
  return doc;
}

const decodeOnce = decodedOnce((b) => ParserModel.fromBytes(b));

/** The model of a resource: a ParserModel, or its bytes (checked and decoded once per bytes object). */
export function parserModelOf(r: unknown): ParserModel {
  if (r instanceof ParserModel) return r;
  if (r instanceof Uint8Array) return decodeOnce(r);
  throw new DabirError('E_RESOURCE_CORRUPT', 'the "parser" resource is neither a ParserModel nor the bytes of data/parser.bin', 'load it with ParserModel.fromBytes');
}

defineComponent({
  name: 'parser',
  stage: 'annotate',
  requires: ['upos'],
  provides: ['head', 'deprel'],
  resources: ['parser'],
  // (left to 'auto' the parser reads the scheme from the tags, and iPerUDT's tags are Seraji's)
  optionsFrom: { scheme: ['tagger', 'scheme'] },
  options: ['scheme', 'beam'],
  create(res, options) {
    const model = parserModelOf(res['parser']);
    const scheme = options['scheme'] ?? 'auto';
    const allowed = ['auto', ...SCHEMES];
    if (typeof scheme !== 'string' || !allowed.includes(scheme)) throw badOption('scheme', scheme, allowed);
    const beam = options['beam'] ?? 1;
    if (typeof beam !== 'number' || !Number.isInteger(beam) || beam < 1 || beam > 64) throw badOption('beam', beam, ['an integer 1..64']);
    for (const k of Object.keys(options)) if (k !== 'scheme' && k !== 'beam') throw badOption(k, options[k], ['scheme', 'beam']);
    const o: ParserOptions = { scheme: scheme as Scheme | 'auto', beam };
    return { annotate: (doc: Doc): void => void parseDoc(model, doc, o) };
  },
});
