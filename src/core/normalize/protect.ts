/**
 * Finds spans that normalization must pass through byte-identical: URLs, emails, @mentions, #hashtags, Latin words,
 * inline code, HTML/Markdown markup. Returns a mask with 1 on every protected UTF-16 unit.
 * (Numbers are handled by the character and spacing steps, which keep their structure.)
 */
export function scanProtected(text: string): Uint8Array {
  return new Uint8Array(text.length); // TODO: implemented by the characters/spacing work
}
