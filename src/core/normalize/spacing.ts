import type { AlignedText, Edit } from '../aligned.js';
import type { ResolvedOptions } from './options.js';

/** Spacing step: collapse spaces, punctuation and bracket spacing, digits/letters, meaningless ZWNJs. */
export function spacingEdits(a: AlignedText, o: ResolvedOptions): Edit[] {
  void a;
  void o;
  return []; // TODO
}
