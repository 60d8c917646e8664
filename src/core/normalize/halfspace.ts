import type { AlignedText, Edit } from '../aligned.js';
import type { HalfSpaceModel } from './halfspace-model.js';
import type { ResolvedOptions } from './options.js';

/** Half-space step: inserts ZWNJs into run-together words and turns spaces inside words into ZWNJs. */
export function halfSpaceEdits(a: AlignedText, model: HalfSpaceModel, o: ResolvedOptions): Edit[] {
  void a; void model; void o;
  return [];
}
