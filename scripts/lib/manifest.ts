import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { ROOT } from './corpus.js';

/** Records a built artifact in data/manifest.json: bytes, gzipped bytes, sha256, licence. */
export function updateManifest(name: string, bytes: Uint8Array, license: string): void {
  const path = `${ROOT}data/manifest.json`;
  const m = existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : { files: {} };
  m.files[name] = {
    bytes: bytes.length,
    gzipBytes: gzipSync(bytes, { level: 9 }).length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    license,
  };
  const sorted = Object.fromEntries(Object.entries(m.files).sort(([a], [b]) => (a < b ? -1 : 1)));
  writeFileSync(path, JSON.stringify({ files: sorted }, null, 2) + '\n');
}
