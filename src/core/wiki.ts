/**
 * Wiki page names with their namespace (رده:ورزش, الگو:جعبه اطلاعات, پرونده:تهران.jpg, Category:Football), as wiki
 * text and articles copied with their links show them: markup, no words of the prose.
 */

/** The namespaces of page names: Persian Wikipedia's and their English names (a category, a template, a file, ...). Lower case. */
export const WIKI_NAMESPACES: ReadonlySet<string> = new Set(['رده', 'الگو', 'پرونده', 'تصویر', 'ویکی‌پدیا', 'ویکیپدیا', 'راهنما', 'درگاه', 'کاربر', 'پودمان', 'مدیاویکی', 'category', 'template', 'file', 'image', 'wikipedia', 'help', 'portal', 'user', 'module', 'mediawiki']);

/** a word glued to a colon and a letter or digit (رده:ورزش) */
const NAMESPACED = /^([^\s:]{2,12}):[\p{L}\p{N}]/u;

/** `form` is one token of a namespace glued to a page's name (the tokenizer keeps [[رده:ورزش]]'s رده:ورزش whole) */
export function wikiNamespaced(form: string): boolean {
  const c = form.indexOf(':');
  if (c < 2 || c > 12) return false;
  const m = NAMESPACED.exec(form);
  return m !== null && WIKI_NAMESPACES.has(m[1]!.toLowerCase());
}
