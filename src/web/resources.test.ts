/**
 * The editor's data loading (resources.ts) against a network that answers with something else than the file (a
 * captive portal's HTML page, a cut-off download): nothing of it may be cached as the file, or the editor would keep
 * failing (or stop working offline) after the network is fine again.
 */
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchData, fetchManifest } from './resources.js';

const BASE = 'https://editor.example/';
const GOOD = new TextEncoder().encode('the real data file');
const SHA = createHash('sha256').update(GOOD).digest('hex');
const PORTAL = '<!doctype html><title>Wi-Fi login</title>';

/** an in-memory Cache Storage with one cache */
function memoryCaches(): Map<string, Uint8Array> {
  const store = new Map<string, Uint8Array>();
  const cache = {
    match: async (key: string) => (store.has(key) ? new Response(store.get(key)!.slice()) : undefined),
    put: async (key: string, res: Response) => void store.set(key, new Uint8Array(await res.arrayBuffer())),
    keys: async () => [...store.keys()].map((url) => ({ url })),
    delete: async (req: { url: string }) => store.delete(req.url),
  };
  vi.stubGlobal('caches', { open: async () => cache });
  return store;
}

/** fetch answering every URL with `body` (status 200) */
const answer = (body: string | Uint8Array): void => void vi.stubGlobal('fetch', async () => new Response(typeof body === 'string' ? body : body.slice()));

afterEach(() => vi.unstubAllGlobals());

describe('editor data loading behind a network that lies', () => {
  // [what the network answers for data/manifest.json, why]
  const notManifests: [string, string][] = [
    [PORTAL, "a captive portal's page (was a SyntaxError that stopped the editor, after caching the page)"],
    ['{"files": {"halfspace.bin": {', 'a cut-off download'],
    ['{"nothing": 1}', 'JSON without "files"'],
  ];
  it.each(notManifests)('a manifest answer that is not one is not cached; the cached manifest is used: %s (%s)', async (body) => {
    const store = memoryCaches();
    answer('{"files": {"x.bin": {"sha256": "ab"}}}');
    expect(await fetchManifest(BASE)).toEqual({ files: { 'x.bin': { sha256: 'ab' } } });
    answer(body);
    expect(await fetchManifest(BASE)).toEqual({ files: { 'x.bin': { sha256: 'ab' } } });
    expect(new TextDecoder().decode(store.get(`${BASE}data/manifest.json`))).toContain('x.bin');
  });

  it('without a cached copy, a manifest answer that is not one is no manifest (not an exception)', async () => {
    memoryCaches();
    answer(PORTAL);
    expect(await fetchManifest(BASE)).toBeUndefined();
  });

  it('a data file whose bytes do not match the checksum is an error and is not cached under it; the real one is', async () => {
    const store = memoryCaches();
    answer(PORTAL);
    await expect(fetchData(BASE, 'x.bin', SHA)).rejects.toThrow(/does not match its checksum/);
    expect(store.size).toBe(0);
    answer(GOOD);
    expect(await fetchData(BASE, 'x.bin', SHA)).toEqual(GOOD);
    expect(store.get(`${BASE}data/x.bin?sha256=${SHA}`)).toEqual(GOOD);
  });
});
