/** A verb prefix (ب, ن, می) before a stem as Persian writes it: before آ it is + یا, before ا + ی (بیا، نیفتاد، بینداز). */
export function prefixed(pre: string, stem: string): string {
  if (stem.startsWith('آ')) return pre + 'یا' + stem.slice(1);
  if (stem.startsWith('ا')) return pre + 'ی' + stem;
  return pre + stem;
}
