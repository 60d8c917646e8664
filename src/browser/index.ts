/**
 * Loading dabir's data in a browser (or any runtime with `fetch`): the `fetch` counterpart of the Node package's
 * `fs` loader. Serve the package's `data/` folder (or let `dabir serve` do it) and:
 *
 *   import { createBrowserPipeline } from 'dabir/browser';
 *   const nlp = await createBrowserPipeline('/dabir/', { components: ['normalizer', 'tokenizer', 'tagger', 'lemmatizer', 'parser'] });
 *   nlp.process('میخواهم به خانه بروم').words.map((w) => w.lemma);
 *
 * `loadResources` fetches `data/manifest.json` and the files the components need (nothing more: the 17 MB spelling
 * data only for 'spell'), checks each file's size against the manifest (and its SHA-256 when Web Crypto is there; the
 * model files also carry their own checksum, checked when decoded), and decodes them into the objects the core's
 * components read. After that, everything is synchronous, as in Node. Errors are DabirErrors with fixed codes:
 * E_RESOURCE_MISSING (a file could not be fetched), E_RESOURCE_CORRUPT (its size or checksum is wrong).
 */
import { decodeResource, RESOURCE_FILES } from '../core/data-files.js';
import type { HalfSpaceModel } from '../core/normalize/halfspace-model.js';
import { createNormalizer, type Normalizer } from '../core/normalize/index.js';
import { colloquialWordTest, createFormalizer, type FormalData, type Formalizer } from '../core/formal/index.js';
import type { LemmaData } from '../core/lemmatize/data.js';
import { checkPipelineOptions, createPipeline, pipelineOptionSets, resourcesFor, type Pipeline, type PipelineScheme, type Resources } from '../core/pipeline.js';
import { badOption, booleanOption, DabirError, knownOptions, kindOf } from '../core/errors.js';
import { rememberSha256, toHex } from '../core/sha256.js';
import '../core/index.js'; // registers every component

const BROWSER_LOAD_OPTIONS = ['components', 'options', 'scheme', 'colloquial', 'optional', 'fetch', 'verify'];

export interface BrowserLoadOptions {
  /** the components the resources are for [default: normalizer, tokenizer] */
  components?: string[];
  /** per-component options (some choose their resources: the iPerUDT scheme reads mwt-informal.json) */
  options?: Record<string, Record<string, unknown>>;
  /** treebank conventions, as for createPipeline (auto loads the informal data too) */
  scheme?: PipelineScheme | 'auto';
  /**
   * scheme 'auto': the second test of colloquial words, besides detectRegister's markers, as in Node (default: the
   * formalizer's strong readings, which loads data/formal.json and data/lemma.bin too where the manifest lists them; false:
   * markers only)
   */
  colloquial?: ((word: string) => boolean) | false;
  /** also load the components' optional resources [default true] */
  optional?: boolean;
  /** the fetch to use [default: globalThis.fetch] */
  fetch?: (url: string) => Promise<Response>;
  /** check every file's SHA-256 against the manifest when Web Crypto is available [default true] */
  verify?: boolean;
}

interface ManifestEntry {
  bytes?: number;
  sha256?: string;
}

/** The SHA-256 of `bytes` in hex with Web Crypto; undefined where it is missing (not a secure context). */
export async function sha256Hex(bytes: Uint8Array): Promise<string | undefined> {
  // (null was Web Crypto's TypeError "2nd argument is not instance of ArrayBuffer")
  if (!(bytes instanceof Uint8Array)) throw new DabirError('E_BAD_INPUT', `sha256Hex expects bytes, got ${kindOf(bytes)}`, 'pass a Uint8Array');
  const subtle = (globalThis as { crypto?: { subtle?: SubtleCrypto } }).crypto?.subtle;
  if (!subtle) return undefined;
  return toHex(new Uint8Array(await subtle.digest('SHA-256', bytes as unknown as ArrayBuffer)));
}

/** the magic numbers of the formats that carry a SHA-256 of bytes 44 to the end */
const CHECKSUMMED = new Set(['DBTG', 'DBPR', 'DBNE', 'DBSP']);

/**
 * For a model file with its own checksum (tagger, parser, recognizer, spelling data: formats that hash bytes 44 to the
 * end), computes that digest with Web Crypto now and records it (`rememberSha256`), so
 * the synchronous decode does not hash the same bytes again in TypeScript (~10 ms per MB). Does nothing where Web
 * Crypto is missing or fails: the decode then checks the bytes itself, as before.
 */
export async function precomputeChecksum(bytes: Uint8Array): Promise<void> {
  // (null was "Cannot read properties of null (reading 'length')")
  if (!(bytes instanceof Uint8Array)) throw new DabirError('E_BAD_INPUT', `precomputeChecksum expects the bytes of a data file, got ${kindOf(bytes)}`, 'pass the Uint8Array of the file, as fetched');
  if (bytes.length <= 44 || !CHECKSUMMED.has(String.fromCharCode(bytes[0]!, bytes[1]!, bytes[2]!, bytes[3]!))) return;
  const subtle = (globalThis as { crypto?: { subtle?: SubtleCrypto } }).crypto?.subtle;
  if (!subtle) return;
  const body = bytes.subarray(44);
  try {
    rememberSha256(body, new Uint8Array(await subtle.digest('SHA-256', body as unknown as ArrayBuffer)));
  } catch {
    // (the decode checks the bytes itself)
  }
}

/**
 * data/manifest.json as an object. A server that answers every path with its HTML page (a single-page-app fallback)
 * or a truncated file gave a bare SyntaxError here; it is E_RESOURCE_CORRUPT like any other bad data file.
 */
function parseManifest(bytes: Uint8Array, where: string): { files?: Record<string, ManifestEntry> } {
  let m: unknown;
  try {
    m = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    m = undefined;
  }
  if (m === null || typeof m !== 'object' || Array.isArray(m)) {
    const start = new TextDecoder().decode(bytes.subarray(0, 40)).replace(/\s+/g, ' ');
    throw new DabirError('E_RESOURCE_CORRUPT', `data/manifest.json is not a JSON object (it starts with ${JSON.stringify(start)})`, `${where}, with its files as they are`);
  }
  // its entries' sizes and checksums as the loader reads them (a size written as a string gave "has 4955664 bytes, the
  // manifest says 4955664")
  const files = (m as { files?: unknown }).files;
  if (files !== undefined && (files === null || typeof files !== 'object' || Array.isArray(files))) {
    throw new DabirError('E_RESOURCE_CORRUPT', 'data/manifest.json: "files" is not an object', `${where}, with its files as they are`);
  }
  for (const [name, e] of Object.entries((files ?? {}) as Record<string, unknown>)) {
    const entry = e as { bytes?: unknown; sha256?: unknown } | null;
    const bad =
      entry === null || typeof entry !== 'object' ? 'is not an object'
      : entry.bytes !== undefined && !(typeof entry.bytes === 'number' && Number.isInteger(entry.bytes) && entry.bytes >= 0) ? `has bytes ${JSON.stringify(entry.bytes)}, not a whole number`
      : entry.sha256 !== undefined && typeof entry.sha256 !== 'string' ? 'has a sha256 that is not a string'
      : '';
    if (bad) throw new DabirError('E_RESOURCE_CORRUPT', `data/manifest.json: the entry of ${name} ${bad}`, `${where}, with its files as they are`);
  }
  return m as { files?: Record<string, ManifestEntry> };
}

/** Fetches and decodes the resources the components need from `base` (the folder that holds data/). */
export async function loadResources(base: string | URL, opts: BrowserLoadOptions = {}): Promise<Resources> {
  opts = knownOptions(opts, 'loadResources', BROWSER_LOAD_OPTIONS);
  const components = opts.components ?? ['normalizer', 'tokenizer'];
  resourcesFor(components); // (the names checked before anything is fetched)
  return (await resourceLoader(base, opts)).load(components);
}

/** a path whose last segment is a file's name: an extension of a letter and up to 7 letters or digits (.html, .js, .mjs) */
const FILE_SEGMENT = /\.[A-Za-z][A-Za-z0-9]{0,7}$/;

/**
 * How to fix a data file that is missing or bad: serve data/ in the folder it was looked for in (`folder`, from
 * baseUrl); when `base` was read as a file's URL (its last segment has an extension), how to name a folder of that name.
 */
function serveHint(base: string | URL, folder: string): string {
  const dir = new URL('.', folder).href;
  const asFile = new URL(folder).pathname !== new URL(dir).pathname;
  return `serve the package's data/ folder under ${dir}${asFile ? ` (${JSON.stringify(String(base))} ends in a file's name, so its folder is meant; for a folder of that name, end the URL with "/")` : ''}`;
}

/**
 * `base` as an absolute URL: a relative one ('/static/dabir/', as the README writes it) is read against the page
 * (document.baseURI, or the worker's location), as fetch reads a relative URL; `new URL('data/…', '/static/dabir/')`
 * alone threw "Invalid base URL" in every browser. Outside a page an absolute URL is needed: E_BAD_OPTION otherwise.
 */
function baseUrl(base: string | URL): string {
  const g = globalThis as { document?: { baseURI?: string }; location?: { href?: string } };
  const page = g.document?.baseURI ?? g.location?.href;
  try {
    const url = page === undefined ? new URL(String(base)) : new URL(String(base), page);
    // a folder: 'https://example.com/static/dabir' is the folder dabir, as '…/dabir/' is (without the slash, data/ was
    // looked for beside it, in /static/data/, and the 404 said to serve data/ where it was served); '' stays the page's.
    // A file's URL (a last segment with an extension: location.href of …/index.html, import.meta.url of …/main.js)
    // names the folder it is in, as before that change: it had become …/index.html/data/manifest.json, a 404
    if (String(base) !== '' && !url.pathname.endsWith('/') && !FILE_SEGMENT.test(url.pathname)) url.pathname += '/';
    return url.href;
  } catch {
    throw new DabirError('E_BAD_OPTION', `the data folder ${JSON.stringify(String(base))} is no URL${page === undefined ? ' (outside a page it must be absolute)' : ''}`, 'give the URL of the folder that holds data/, e.g. "https://example.com/static/dabir/" (in a page also "/static/dabir/")', { option: 'base', value: String(base) });
  }
}

/** the manifest read once, and a function that fetches and decodes the resources of some components (and named ones its manifest lists) */
async function resourceLoader(base: string | URL, opts: BrowserLoadOptions): Promise<{ load(components: string[], optionalNamed?: string[]): Promise<Resources> }> {
  // (a fetch that is no function was called anyway: "cannot fetch …/manifest.json: get is not a function", an
  // E_RESOURCE_MISSING that blamed the server; verify: 'no' and optional: 'no' were read as true)
  if (opts.fetch !== undefined && typeof opts.fetch !== 'function') throw badOption('fetch', opts.fetch, ['a function (url) => Promise<Response>, such as fetch']);
  booleanOption('verify', opts.verify);
  booleanOption('optional', opts.optional);
  const get = opts.fetch ?? ((url: string) => fetch(url));
  const folder = baseUrl(base);
  const dataUrl = (file: string): string => new URL(`data/${file}`, folder).href;
  // the folder data/ is looked for in, as resolved (the hint named the base as given: for …/dabir.v2, read as a file's
  // URL, it said to serve data/ under …/dabir.v2 where …/static/data/ had been fetched)
  const where = serveHint(base, folder);
  const fetchBytes = async (file: string): Promise<Uint8Array> => {
    let res: Response;
    try {
      res = await get(dataUrl(file));
    } catch (e) {
      throw new DabirError('E_RESOURCE_MISSING', `cannot fetch ${dataUrl(file)}: ${(e as Error).message}`, where);
    }
    if (!res?.ok) throw new DabirError('E_RESOURCE_MISSING', `cannot fetch ${dataUrl(file)}: HTTP ${res?.status}`, where);
    // the body may fail after the headers (a connection dropped during a large download): a bare TypeError before
    try {
      return new Uint8Array(await res.arrayBuffer());
    } catch (e) {
      throw new DabirError('E_RESOURCE_MISSING', `cannot fetch ${dataUrl(file)}: the body failed (${(e as Error)?.message ?? String(e)})`, where);
    }
  };
  const manifest = parseManifest(await fetchBytes('manifest.json'), where);
  /** `optionalNamed`: resources fetched besides the components', when the manifest lists their files (as optional ones) */
  /** the manifest lists resource r's file */
  const listed = (r: string): boolean => manifest.files?.[RESOURCE_FILES[r] ?? ''] !== undefined;
  const load = async (components: string[], optionalNamed: string[] = []): Promise<Resources> => {
    const names = new Set<string>(optionalNamed.filter(listed));
    for (const o of pipelineOptionSets({ components, ...(opts.options ? { options: opts.options } : {}), ...(opts.scheme !== undefined ? { scheme: opts.scheme } : {}) })) {
      const { required, optional } = resourcesFor(components, o);
      required.forEach((r) => names.add(r));
      if (opts.optional !== false) optional.filter(listed).forEach((r) => names.add(r));
    }
    const resources: Resources = {};
    await Promise.all(
      [...names].map(async (name) => {
        const file = RESOURCE_FILES[name];
        if (!file) return; // a resource without a data file (registered by the application)
        const bytes = await fetchBytes(file);
        const entry = manifest.files?.[file];
        if (entry?.bytes !== undefined && entry.bytes !== bytes.length) {
          throw new DabirError('E_RESOURCE_CORRUPT', `data/${file} has ${bytes.length} bytes, the manifest says ${entry.bytes}`, 'serve the data/ folder and the manifest of one dabir version');
        }
        if (opts.verify !== false && entry?.sha256) {
          const h = await sha256Hex(bytes);
          if (h !== undefined && h !== entry.sha256) throw new DabirError('E_RESOURCE_CORRUPT', `data/${file} fails its SHA-256 check`, 'serve the data/ folder and the manifest of one dabir version');
        }
        await precomputeChecksum(bytes);
        resources[name] = decodeResource(name, bytes);
      }),
    );
    return resources;
  };
  return { load };
}

/** Loads the resources and builds the pipeline of `opts.components` (as createPipeline in Node). */
export async function createBrowserPipeline(base: string | URL, opts: BrowserLoadOptions = {}): Promise<Pipeline> {
  checkPipelineOptions(opts, 'createBrowserPipeline', BROWSER_LOAD_OPTIONS, true);
  const components = opts.components ?? ['normalizer', 'tokenizer'];
  // scheme auto: the formalizer's strong readings tell a short chat line without a marker (دنیاش قشنگه.), as in Node
  const wordTest = opts.scheme === 'auto' && opts.colloquial === undefined;
  const loader = await resourceLoader(base, opts);
  const resources = await loader.load(components, wordTest ? ['formal', 'lemma'] : []);
  let colloquial = opts.colloquial === false ? undefined : opts.colloquial;
  if (wordTest) {
    const formal = resources['formal'] as FormalData;
    const lemma = resources['lemma'] as LemmaData;
    // (a data folder without them: no word is colloquial by this test, as in Node when the formalizer has no data)
    let f: Formalizer | undefined;
    if (formal !== undefined && lemma !== undefined) colloquial = colloquialWordTest(() => (f ??= createFormalizer({ formal, lemma })));
  }
  return createPipeline({ components, resources, ...(opts.options ? { options: opts.options } : {}), ...(opts.scheme !== undefined ? { scheme: opts.scheme } : {}), ...(colloquial ? { colloquial } : {}) });
}

/** Loads the half-space model and builds the normalizer (as `normalize` in Node). */
export async function loadNormalizer(base: string | URL, opts: Pick<BrowserLoadOptions, 'fetch' | 'verify'> = {}): Promise<Normalizer> {
  opts = knownOptions(opts, 'loadNormalizer', ['fetch', 'verify']);
  const r = await loadResources(base, { ...opts, components: ['normalizer'] });
  return createNormalizer({ halfSpace: r['halfspace'] as HalfSpaceModel });
}
