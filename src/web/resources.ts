/**
 * Resource loading for the browser: fetches data files from the same origin (data/manifest.json lists what the
 * build shipped) and decodes them into the objects the pipeline components read. Runs in the worker.
 *
 * Files are kept in Cache Storage under their sha256 (from the manifest), so the editor keeps working offline and
 * with the server down once it has loaded once.
 */
import { decodeResource as decodeCore, RESOURCE_FILES } from '../core/data-files.js';
import { precomputeChecksum, sha256Hex } from '../browser/index.js';

/** Resources every pipeline uses; fetched even when the manifest cannot be read. */
export const REQUIRED_FILES: Record<string, string> = { halfspace: 'halfspace.bin', mwt: 'mwt.json' };

export interface ManifestEntry {
  bytes?: number;
  sha256?: string;
  /** fetched only when a feature asks for it (the spelling data), not at start */
  lazy?: boolean;
}

export interface Manifest {
  files: Record<string, ManifestEntry>;
}

/** The resource name of a data file (lemma.bin → lemma; mwt-informal.json → mwtInformal), from the core's table. */
export function resourceName(file: string): string {
  return FILE_RESOURCES.get(file) ?? file.replace(/\.[^.]+$/, '');
}
const FILE_RESOURCES = new Map(Object.entries(RESOURCE_FILES).map(([name, file]) => [file, name]));

/** A data file's bytes as the components read them (the core's decodeResource). */
export function decodeResource(file: string, bytes: Uint8Array): unknown {
  return decodeCore(resourceName(file), bytes);
}

const CACHE = 'dabir-data-v1';

async function openCache(): Promise<Cache | undefined> {
  try {
    return typeof caches === 'undefined' ? undefined : await caches.open(CACHE);
  } catch {
    return undefined; // not a secure context, or storage disabled
  }
}

/** The manifest in `text`, or undefined when it is not one (an HTML page from a captive portal, a cut-off file). */
function parseManifest(text: string): Manifest | undefined {
  try {
    const m = JSON.parse(text) as Partial<Manifest> | null;
    return m !== null && typeof m === 'object' && m.files !== null && typeof m.files === 'object' && !Array.isArray(m.files) ? (m as Manifest) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Reads data/manifest.json: from the network, else from the cache; undefined when neither has it. An answer that is
 * not a manifest (a captive portal's page) is never cached over the good copy: the cached one is used instead.
 */
export async function fetchManifest(base: string): Promise<Manifest | undefined> {
  const url = new URL('data/manifest.json', base).href;
  const cache = await openCache();
  try {
    const res = await fetch(url, { cache: 'no-cache' });
    if (res.ok) {
      const text = await res.text();
      const m = parseManifest(text);
      if (m) {
        await cache?.put(url, new Response(text, { headers: { 'content-type': 'application/json' } })).catch(() => {});
        return m;
      }
    } else if (res.status === 404) return undefined;
  } catch {
    // offline or server down: fall back to the cache
  }
  const hit = await cache?.match(url).catch(() => undefined);
  return hit ? parseManifest(await hit.text()) : undefined;
}


/** Fetches one data file: from the cache when the manifest's sha256 matches, else from the network (and caches it). */
export async function fetchData(base: string, file: string, sha256?: string): Promise<Uint8Array> {
  const url = new URL(`data/${file}`, base).href;
  const key = sha256 ? `${url}?sha256=${sha256}` : undefined;
  const cache = key ? await openCache() : undefined;
  if (cache && key) {
    const hit = await cache.match(key).catch(() => undefined);
    if (hit) {
      const cached = new Uint8Array(await hit.arrayBuffer());
      await precomputeChecksum(cached);
      return cached;
    }
  }
  const res = await fetch(url);
  if (!res.ok) throw new Error(`data/${file}: HTTP ${res.status}`);
  const bytes = new Uint8Array(await res.arrayBuffer());
  if (sha256) {
    // bytes that are not the file (a captive portal's page, a cut-off download) must not be cached under its
    // checksum: every later load would take them from the cache, and the file would stay missing for good
    // (a digest that fails, as Web Crypto may outside a secure context, checks nothing)
    const h = await sha256Hex(bytes).catch(() => undefined);
    if (h !== undefined && h !== sha256) throw new Error(`data/${file}: the download does not match its checksum`);
  }
  if (cache && key) {
    try {
      // drop older versions of the same file, keep this one
      for (const req of await cache.keys()) if (req.url.startsWith(`${url}?`) && req.url !== key) await cache.delete(req);
      await cache.put(key, new Response(bytes.slice().buffer as ArrayBuffer));
    } catch {
      // quota exceeded: work without the cache
    }
  }
  await precomputeChecksum(bytes);
  return bytes;
}

export interface LoadedResources {
  resources: Record<string, unknown>;
  loaded: string[];
  missing: string[];
}

/** Loads the required resources and every optional one the manifest lists; a file that fails is reported, not fatal. */
export async function loadResources(base: string): Promise<LoadedResources> {
  const manifest = await fetchManifest(base);
  const files = new Map<string, string | undefined>();
  for (const f of Object.values(REQUIRED_FILES)) files.set(f, manifest?.files[f]?.sha256);
  for (const [f, e] of Object.entries(manifest?.files ?? {})) if (!e.lazy) files.set(f, e.sha256);
  const resources: Record<string, unknown> = {};
  const loaded: string[] = [];
  const missing: string[] = [];
  await Promise.all(
    [...files].map(async ([file, sha]) => {
      const name = resourceName(file);
      try {
        resources[name] = decodeResource(file, await fetchData(base, file, sha));
        loaded.push(name);
      } catch {
        missing.push(name);
      }
    }),
  );
  loaded.sort();
  missing.sort();
  return { resources, loaded, missing };
}
