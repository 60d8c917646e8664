export { AlignedText, applyEdits, type Change, type ChangeKind, type Edit } from './aligned.js';
export { CODES, DabirError, type ErrorCode } from './errors.js';
export { createNormalizer, type Normalizer, type NormalizerResources } from './normalize/index.js';
export { DEFAULT_OPTIONS, OPTION_VALUES, resolveOptions, type NormalizeOptions, type ResolvedOptions } from './normalize/options.js';
export { HalfSpaceModel } from './normalize/halfspace-model.js';
