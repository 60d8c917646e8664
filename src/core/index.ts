export { AlignedText, applyEdits, type Change, type ChangeKind, type Edit } from './aligned.js';
export { CODES, DabirError, type ErrorCode } from './errors.js';
export { createNormalizer, type Normalizer, type NormalizerResources } from './normalize/index.js';
export { DEFAULT_OPTIONS, OPTION_VALUES, resolveOptions, type NormalizeOptions, type ResolvedOptions } from './normalize/options.js';
export { HalfSpaceModel } from './normalize/halfspace-model.js';
export { Doc, Sentence, Token, Word, type WordFields } from './doc.js';
export { readConllu, writeConllu, type ReadOptions, type WriteOptions } from './formats/conllu.js';
export { createPipeline, defineComponent, getComponent, listComponents, resourcesFor, type ComponentSpec, type Pipeline, type PipelineOptions, type Resources } from './pipeline.js';
export { tokenize, tokenizeAligned, scanTokens, MwtSplitter, type MwtData, type TokenizeOptions } from './tokenize/index.js';
