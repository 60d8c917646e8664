import type { AlignedText, Edit } from '../aligned.js';
import type { ResolvedOptions } from './options.js';

/** Character step: letters, presentation forms, kashida, diacritics, digits, punctuation marks. */
export function characterEdits(a: AlignedText, o: ResolvedOptions): Edit[] {
  void a;
  void o;
  return []; // TODO
}
