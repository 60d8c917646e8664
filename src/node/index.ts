/**
 * Node entry: the core wired to resources read from the package's data/ folder with `fs` (synchronously, once each,
 * on first use).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AlignedText } from '../core/aligned.js';
import { badOption, DabirError, knownOptions, textArgument, kindOf } from '../core/errors.js';
import { UD_UPOS } from '../core/tag/train.js';
import { decodeResource, RESOURCE_FILES as CORE_RESOURCE_FILES } from '../core/data-files.js';
import { searchTermsOfPieces, searchTermsOptions, type SearchTerm, type SearchTermsOptions } from '../core/search/index.js';
import { keywordsOf, type Idf, type Keyword, type KeywordOptions } from '../core/keywords/index.js';
import { phraseOptions, phrasesOfPieces, type Phrase, type PhraseOptions } from '../core/phrases/index.js';
import type { Doc } from '../core/doc.js';
import { createHashtagVerbTest, createLemmatizer, type Lemmatizer } from '../core/lemmatize/index.js';
import type { LemmaData } from '../core/lemmatize/data.js';
import { colloquialWordTest, createFormalizer, createNormalizer, normalizeFormalize, normalizeFormalizeAligned, type Stopwords, type HalfSpaceModel, type FormalData, type Formalizer, type FormalizeOptions, spellCheckerOf, type NormalizeOptions, type Normalizer, type SpellChecker, type SpellIssue, type SpellOptions, type SpellSuggestion } from '../core/index.js';
import { useNativeSha256 } from '../core/sha256.js';
import { checkPipelineOptions, createPipeline as createCorePipeline, getComponent, PIPELINE_OPTIONS, pipelineOptionSets, resourcesFor, type Pipeline, type PipelineScheme, type Resources } from '../core/pipeline.js';

export * from '../core/index.js';

const DATA_DIR = new URL('../../data/', import.meta.url);

// The models' checksums are checked with Node's native SHA-256 (same digest as the core's pure one, 10x faster).
// node:crypto is loaded on the first check, not at import: it adds about 20 ms to the import of the package.
let createHash: typeof import('node:crypto').createHash | undefined;
useNativeSha256((data) => {
  createHash ??= (createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto')).createHash;
  return new Uint8Array(createHash('sha256').update(data).digest());
});

/** Reads a resource file from the package's data folder. */
export function readResource(name: string): Uint8Array {
  if (typeof name !== 'string') throw new DabirError('E_BAD_INPUT', `readResource expects a file name, got ${kindOf(name)}`, `pass the name of a file in data/: ${Object.values(CORE_RESOURCE_FILES).join(', ')}`);
  try {
    return readFileSync(new URL(name, DATA_DIR));
  } catch (e) {
    throw new DabirError('E_RESOURCE_MISSING', `cannot read data/${name}: ${(e as Error).message}`, 'reinstall dabir, or rebuild the data with the npm run train:* scripts');
  }
}

/** How each named resource is read from data/ (Node): its file (RESOURCE_FILES) decoded by the core's decodeResource. */
const LOADERS: Record<string, () => unknown> = Object.fromEntries(
  Object.entries(CORE_RESOURCE_FILES).map(([name, file]) => [name, () => decodeResource(name, readResource(file))]),
);
// the checker with the formalizer's spellings of colloquial words for formal lines (read on the first such word)
LOADERS['spell'] = () => decodeResource('spell', readResource('spell.bin'), {
  formal: (w, end) => getFormalizer().colloquialWord(w, end),
  informal: (w) => getFormalizer().word(w),
});

/** Registers how to load a resource (used by components that ship their own data). */
export function registerLoader(name: string, load: () => unknown): void {
  // (a loader that is no function was kept, and loadResource failed later with "load is not a function")
  if (typeof name !== 'string' || typeof load !== 'function') throw new DabirError('E_BAD_INPUT', `registerLoader expects a resource name and a function, got ${kindOf(typeof name !== 'string' ? name : load)}`, "pass registerLoader('name', () => the resource)");
  LOADERS[name] = load;
}

const cache = new Map<string, unknown>();

/** Loads (once) and returns a named resource. */
export function loadResource(name: string): unknown {
  if (typeof name !== 'string') throw new DabirError('E_BAD_INPUT', `loadResource expects a resource name, got ${kindOf(name)}`, `known resources: ${Object.keys(LOADERS).join(', ')}`);
  if (!cache.has(name)) {
    const load = LOADERS[name];
    if (!load) throw new DabirError('E_RESOURCE_MISSING', `no loader for resource "${name}"`, `known resources: ${Object.keys(LOADERS).join(', ')}`);
    cache.set(name, load());
  }
  return cache.get(name);
}

/** Loads the half-space model shipped with the package. */
export function loadHalfSpaceModel(): HalfSpaceModel {
  return loadResource('halfspace') as HalfSpaceModel;
}

let normalizer: Normalizer | undefined;

/** The default normalizer with every shipped resource (loaded lazily on first call). */
export function getNormalizer(): Normalizer {
  normalizer ??= createNormalizer({ halfSpace: loadHalfSpaceModel() });
  return normalizer;
}

/** Corrects Persian text: characters, digits, punctuation, spacing and half-spaces. Never throws on any string. */
export function normalize(text: string, options?: NormalizeOptions): string {
  return getNormalizer().normalize(text, options);
}

/** Like `normalize`, with the alignment map and the list of changes. */
export function normalizeAligned(text: string, options?: NormalizeOptions): AlignedText {
  return getNormalizer().normalizeAligned(text, options);
}

/** The smallest pipeline, normalizer and tokenizer (not createPipeline's default, which is availableComponents()). */
export const DEFAULT_COMPONENTS = ['normalizer', 'tokenizer'];

/** Components that are registered and whose required resources ship in data/ (the default for analysis). */
export function availableComponents(): string[] {
  // spell is opt-in (components: [..., 'spell'] or `dabir spell`): its data is the largest to load
  const order = ['normalizer', 'tokenizer', 'tagger', 'lemmatizer', 'parser', 'ner'];
  const out: string[] = [];
  for (const name of order) {
    const c = getComponent(name);
    if (!c) continue;
    if (c.resources.every((r) => LOADERS[r] !== undefined && resourceExists(r))) out.push(name);
  }
  return out;
}

const RESOURCE_FILES: Record<string, string> = { ...CORE_RESOURCE_FILES };

/** Registers the data file of a resource, so availability can be checked without loading it. */
export function registerResourceFile(name: string, file: string): void {
  // (a file that is no string was kept: 5 looked for as data/5, a symbol a TypeError inside new URL)
  if (typeof name !== 'string' || typeof file !== 'string') throw new DabirError('E_BAD_INPUT', `registerResourceFile expects a resource name and a file name, got ${kindOf(typeof name !== 'string' ? name : file)}`, "pass registerResourceFile('name', 'file in data/')");
  RESOURCE_FILES[name] = file;
}

function resourceExists(name: string): boolean {
  const f = RESOURCE_FILES[name];
  return f === undefined || existsSync(new URL(f, DATA_DIR));
}

export interface NodePipelineOptions {
  /** component names; default: everything that ships (normalizer, tokenizer, and the analysers) */
  components?: string[];
  /** per-component options, e.g. { normalizer: { digits: 'keep' } } */
  options?: Record<string, Record<string, unknown>>;
  /** extra or replacement resources */
  resources?: Resources;
  /** treebank conventions: perdt (the components' default), seraji, iperudt, or auto (by paragraph register) */
  scheme?: PipelineScheme | 'auto';
  /**
   * scheme 'auto': the second test of colloquial words, besides detectRegister's markers (default: the formalizer's
   * strong readings; false: markers only, as before; see PipelineOptions)
   */
  colloquial?: ((word: string) => boolean) | false;
}

/** Builds a pipeline whose resources are read from the package's data/ folder. */
export function createPipeline(opts: NodePipelineOptions = {}): Pipeline {
  checkPipelineOptions(opts, 'pipeline', PIPELINE_OPTIONS, true);
  const components = opts.components ?? availableComponents();
  const resources: Resources = { ...opts.resources };
  for (const options of pipelineOptionSets({ components, options: opts.options, scheme: opts.scheme })) {
    const { required, optional } = resourcesFor(components, options);
    for (const r of required) if (resources[r] === undefined && LOADERS[r]) resources[r] = loadResource(r);
    for (const r of optional) if (resources[r] === undefined && LOADERS[r]) resources[r] = loadResource(r);
  }
  // scheme 'auto': the formalizer's strong readings tell a short chat line without a marker (دنیاش قشنگه.), read on the
  // first such line (formal text rarely asks)
  const colloquial = opts.colloquial === false ? undefined : (opts.colloquial ?? (opts.scheme === 'auto' ? colloquialWordTest(getFormalizer) : undefined));
  return createCorePipeline({ components, resources, ...(opts.options ? { options: opts.options } : {}), ...(opts.scheme !== undefined ? { scheme: opts.scheme } : {}), ...(colloquial ? { colloquial } : {}) });
}

/** The spelling checker with the shipped data (loaded on first use; the suggestion index is built on first suggest). */
export function getSpellChecker(): SpellChecker {
  return spellCheckerOf(loadResource('spell'));
}

/** Spelling issues of a text (offsets into it), as data. Never throws on any string. */
export function checkSpelling(text: string, options?: SpellOptions): SpellIssue[] {
  return getSpellChecker().check(text, options);
}

/** Ranked corrections of one word (empty when the word is known). */
export function suggest(word: string, n = 5): SpellSuggestion[] {
  return getSpellChecker().suggest(word, n);
}

/** The text with the confident spelling corrections applied. */
export function fixSpelling(text: string, options?: SpellOptions): string {
  // a text comes back: a value that is no string is E_BAD_INPUT (it gave '')
  return getSpellChecker().fix(textArgument(text, 'fixSpelling'), options);
}

let formalizer: Formalizer | undefined;

/** The formalizer with the shipped data (data/formal.json and the lemmatizer's verbs and lexicon; loaded on first use). */
export function getFormalizer(): Formalizer {
  formalizer ??= createFormalizer({ formal: loadResource('formal') as FormalData, lemma: loadResource('lemma') as import('../core/lemmatize/data.js').LemmaData });
  return formalizer;
}

export interface NodeFormalizeOptions extends FormalizeOptions {
  /** normalize the text first (default true: the rules read normalized letters and half-spaces); or the normalizer's options */
  normalize?: boolean | NormalizeOptions;
}

/**
 * Colloquial Persian in the formal written register, word by word (یه کتاب میخوام → یک کتاب می‌خواهم): verbs,
 * clitics, plurals, the object marker, common words. Normalizes first unless told not to. Never throws on a string.
 */
export function formalize(text: string, options: NodeFormalizeOptions = {}): string {
  const { normalize: n, formalize: o } = formalizeOptions(options);
  return n === false ? getFormalizer().formalize(text, o) : normalizeFormalize(getFormalizer(), getNormalizer(), text, { normalize: n, formalize: o });
}

/** The Node options split into the normalizer's (false: do not normalize) and the formalizer's. */
function formalizeOptions(options: NodeFormalizeOptions): { normalize: NormalizeOptions | undefined | false; formalize: FormalizeOptions } {
  const { normalize: n = true, ...o } = knownOptions(options, 'formalize', ['register', 'normalize']);
  return { normalize: n === true ? undefined : n, formalize: o };
}

/** Like `formalize`, with the alignment map to the input and the list of changes (kind `register` for rewritten words). */
export function formalizeAligned(text: string, options: NodeFormalizeOptions = {}): AlignedText {
  const { normalize: n, formalize: o } = formalizeOptions(options);
  return n === false ? getFormalizer().formalizeAligned(text, o) : normalizeFormalizeAligned(getFormalizer(), getNormalizer(), text, { normalize: n, formalize: o });
}

/** Whether a word is a Persian stopword (از, به, که, است, می‌شود, ...), in any spelling: ZWNJs, diacritics and Arabic letter variants do not count. */
export function isStopword(word: string): boolean {
  return (loadResource('stopwords') as Stopwords).has(word);
}

/** The stopword list (data/stopwords.json: hazm's and shekar's lists), sorted. */
export function stopwords(): readonly string[] {
  return (loadResource('stopwords') as Stopwords).words;
}

let searchPipeline: Pipeline | undefined;
/**
 * The search terms of a text, in order, with the offsets of their tokens: folded lemmas without stopwords or
 * punctuation (کتاب‌هایشان را می‌خواهند → کتاب, خواست). Index documents and queries with it alike. Loads the
 * normalizer, tokenizer, lemmatizer and stopwords on first use; never throws on a string.
 */
export function searchTerms(text: string, options?: SearchTermsOptions): SearchTerm[] {
  const out: SearchTerm[] = [];
  for (const part of searchTermsPieces(text, options)) for (const t of part) out.push(t);
  return out;
}

/**
 * `searchTerms(text)` a piece of the text at a time (the pieces of pipeline.processPieces): for a long text, the
 * terms of each piece as it is analysed, in bounded memory (`dabir terms` on a line of millions of characters).
 */
export function searchTermsPieces(text: string, options?: SearchTermsOptions): Iterable<SearchTerm[]> {
  options = searchTermsOptions(options);
  if (typeof text !== 'string' || text.length === 0) return [];
  // with the half-space repair, so that a text with its ZWNJs deleted or typed as spaces gets the keys of the text
  // written right (کتابهایشان and کتاب‌هایشان, نرم افزار and نرم‌افزار meet). `npm run eval:stem`, validation, PerDT /
  // Seraji / iPerUDT: the terms of a sentence with its ZWNJs typed as spaces keep 99.1 / 98.1 / 98.7% of the right
  // sentence's terms (94.5 / 95.0 / 95.9 without the repair); a word typed without its ZWNJ keeps its key 99.4 / 95.5 /
  // 95.9% of the time (89.6 / 88.2 / 90.1); the keys of words alone meet their lemmas' a little less often (90.1 →
  // 90.0, 82.9 → 82.7, 86.5 → 86.5%: a word alone is read without the sentence around it)
  searchPipeline ??= createPipeline({ components: ['normalizer', 'tokenizer', 'lemmatizer'], scheme: 'auto' });
  return searchTermsOfPieces(searchPipeline.processPieces(text), loadResource('stopwords') as Stopwords, options);
}

/** The search key of one word (its terms joined by a space; stopwords kept): كتابهايشان → کتاب, می‌رفتیم → رفت. */
export function searchKey(word: string): string {
  // (a value that is no string was the key '', where stem and searchFold, which also give a text for a word, throw)
  return searchTerms(textArgument(word, 'searchKey'), { stopwords: false })
    .map((t) => t.term)
    .join(' ');
}

let parsedPipeline: Pipeline | undefined;
/** the pipeline of keywords() and phrases(): tags and lemmas (the lemmatizer reads the tags), then the parse */
function getParsedPipeline(): Pipeline {
  parsedPipeline ??= createPipeline({ components: ['normalizer', 'tokenizer', 'tagger', 'lemmatizer', 'parser'], scheme: 'auto' });
  return parsedPipeline;
}

/** the words of a hashtag that are surely verbs (keywords; made on the first call) */
let hashtagVerb: ((form: string) => boolean) | undefined;
/**
 * The keywords of a text, best first: nouns, names, adjectives and phrases of them up to three words (بانک مرکزی),
 * ranked by TF-IDF against the sentences of the treebank text (data/idf.json), each with its occurrences. Loads the
 * normalizer, tokenizer, lemmatizer, tagger, parser, stopwords and IDF table on first use; never throws on a string.
 */
export function keywords(text: string, options?: KeywordOptions): Keyword[] {
  options = knownOptions(options, 'keyword', ['n', 'maxWords']);
  if (typeof text !== 'string' || text.length === 0) return [];
  hashtagVerb ??= createHashtagVerbTest(loadResource('lemma') as LemmaData | Uint8Array);
  return keywordsOf(getParsedPipeline().processPieces(text), loadResource('idf') as Idf, loadResource('stopwords') as Stopwords, options, hashtagVerb);
}

/**
 * The phrases of a text: base noun phrases (NP: کتاب‌های جدید دانشگاه) and verb groups (VP: with the compound verb's
 * lemma, استفاده کرده بودند → استفاده کرد), read off the dependency trees, with offsets into the text. Loads the
 * normalizer, tokenizer, tagger, lemmatizer and parser on first use; never throws on a string.
 */
export function phrases(text: string, options?: PhraseOptions): Phrase[] {
  const out: Phrase[] = [];
  for (const part of phrasesPieces(text, options)) for (const p of part) out.push(p);
  return out;
}

/**
 * `phrases(text)` a piece of the text at a time (the pieces of pipeline.processPieces): for a long text, the phrases
 * of each piece as it is analysed, in bounded memory (`dabir phrases` on a line of millions of characters).
 */
export function phrasesPieces(text: string, options?: PhraseOptions): Iterable<Phrase[]> {
  options = phraseOptions(options);
  if (typeof text !== 'string' || text.length === 0) return [];
  return phrasesOfPieces(getParsedPipeline().processPieces(text), options);
}

const analyzePipelines = new Map<string, Pipeline>();
/**
 * The whole analysis of a text in one call, with every model the package ships (normalizer, tokenizer, tagger,
 * lemmatizer, parser, ner; as `dabir analyze`): a Doc of sentences, tokens with offsets into the text, words with
 * lemma, UPOS, XPOS, FEATS, head and deprel, and entities. `scheme` as for createPipeline (default 'auto': PerDT's
 * conventions in formal paragraphs, iPerUDT's in colloquial ones). The pipeline is built on the first call and kept.
 */
export function analyze(text: string, options: { scheme?: PipelineScheme | 'auto' } = {}): Doc {
  const scheme = knownOptions(options, 'analyze', ['scheme']).scheme ?? 'auto';
  let p = analyzePipelines.get(scheme);
  if (!p) {
    p = createPipeline({ components: availableComponents(), scheme });
    analyzePipelines.set(scheme, p);
  }
  return p.process(text); // (a non-string is E_BAD_INPUT from the pipeline)
}

let sentencePipeline: Pipeline | undefined;
/**
 * The sentences of a text, with offsets into it: `text.slice(start, end)` is the sentence as written (the splitter
 * reads the normalized text, so a missing half-space or an Arabic letter does not mislead it). Never throws on a string.
 */
export function sentences(text: string): { start: number; end: number; text: string }[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  sentencePipeline ??= createPipeline({ components: ['normalizer', 'tokenizer'] });
  return sentencePipeline.process(text).sentences.map((s) => ({ start: s.start, end: s.end, text: s.text }));
}

let lemmatizerOfWords: Lemmatizer | undefined;
/**
 * The lemma of one word: `کتاب‌هایشان` → `کتاب`, `نمی‌خواستند` → `خواست` (verbs by their past stem, as PerDT). With its
 * UPOS (`'NOUN'`, `'VERB'`, ...) the choice is sharper; in a sentence, `analyze` gives every word its lemma with the
 * tags the tagger found. The word is read as written (normalize it first if it may hold Arabic letters or lack a
 * half-space). Never throws on a string; a word that is no string is E_BAD_INPUT, as for stem.
 */
export function lemmatize(word: string, upos?: string): string {
  // (a value that is no string had the lemma '', where stem, which also gives a text for a word, throws)
  textArgument(word, 'lemmatize');
  // (a tag that is none was read as a tag the lemmatizer has no rule for: lemmatize('درختان', 'noun') gave درختان)
  if (upos !== undefined && !(UD_UPOS as readonly unknown[]).includes(upos)) throw badOption('upos', upos, UD_UPOS);
  if (word.length === 0) return '';
  lemmatizerOfWords ??= createLemmatizer(loadResource('lemma') as LemmaData);
  return lemmatizerOfWords.lemma(word, upos);
}
