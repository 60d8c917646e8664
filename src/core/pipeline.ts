/**
 * Components and pipelines. A component is named, declares what it needs (`requires`), what it adds (`provides`)
 * and which loaded resources it reads; `createPipeline` checks all of that up front and reports every problem at once.
 *
 * Stages: the normalizer turns text into aligned text; the tokenizer turns aligned text into a Doc; every other
 * component annotates the Doc in place. `process(text)` runs all of them; `annotate(doc)` runs only the annotators
 * (for already tokenized input such as CoNLL-U).
 */
import { AlignedText } from './aligned.js';
import { Doc, type Sentence } from './doc.js';
import { registerCount, registerWith, type Register } from './register/index.js';
import { createTextCutter, forcedCuts, MAX_SEGMENT, shiftSentence } from './stream.js';
import { badOption, badText, DabirError, kindOf, knownOptions, optionsObject, showValue } from './errors.js';
import type { HalfSpaceModel } from './normalize/halfspace-model.js';
import { createNormalizer } from './normalize/index.js';
import { scanProtected } from './normalize/protect.js';
import { OPTION_VALUES, type NormalizeOptions } from './normalize/options.js';
import { FLAG_LEX, FLAG_PARTICIPLE, FLAG_VERB } from './normalize/halfspace-model.js';
import { decoderFor } from './normalize/halfspace.js';
import { MwtSplitter, type MwtData } from './tokenize/mwt.js';
import { tokenizeAligned } from './tokenize/index.js';

/** Everything a component may read, loaded by a loader (fs in Node, fetch in browsers). */
export interface Resources {
  halfspace?: HalfSpaceModel;
  mwt?: MwtData;
  /** multi-word-token splits of informal text (tokenizer scheme 'iperudt') */
  mwtInformal?: MwtData;
  [name: string]: unknown;
}

export type Stage = 'normalize' | 'tokenize' | 'annotate';

/** annotate(doc) is given a Doc (with its sentences), else E_BAD_INPUT (it threw a TypeError on null) */
function checkDoc(doc: unknown): void {
  if (doc === null || typeof doc !== 'object' || !Array.isArray((doc as Doc).sentences) || typeof (doc as Doc).text !== 'string') {
    throw new DabirError('E_BAD_INPUT', `annotate expects a Doc, got ${kindOf(doc)}`, 'pass a Doc from process(), readConllu() or tokenize()');
  }
}

export interface ComponentInstance {
  normalize?(text: string): AlignedText;
  tokenize?(a: AlignedText): Doc;
  annotate?(doc: Doc): void;
}

export interface ComponentSpec {
  name: string;
  stage: Stage;
  requires: string[];
  provides: string[];
  /** resources that must be loaded */
  resources: string[];
  /** resources used when present */
  optionalResources?: string[];
  /**
   * an annotator that reads the whole document at once, not each sentence alone (spell: a word's count in the
   * document): `processPieces` of a pipeline with it does not cut the text
   */
  documentLevel?: boolean;
  /** resources that must be loaded for these options only (e.g. the informal MWT data for the tokenizer scheme 'iperudt') */
  resourcesForOptions?(options: Record<string, unknown>): string[];
  /**
   * options that, when not given, take another component's value in the same pipeline: option → [component, its
   * option] (the parser follows the tagger's scheme)
   */
  optionsFrom?: Record<string, [string, string]>;
  /**
   * the names of the options the component takes: createPipeline refuses any other name with E_BAD_OPTION naming the
   * component and these (left out, a component sees every option given and checks them itself)
   */
  options?: readonly string[];
  create(resources: Resources, options: Record<string, unknown>): ComponentInstance;
}

const registry = new Map<string, ComponentSpec>();

/** Registers a component (replacing one of the same name). */
export function defineComponent(spec: ComponentSpec): ComponentSpec {
  // (a spec without its name, stage, lists or create was registered as it was, and failed later, in createPipeline)
  const s = optionsObject(spec as ComponentSpec | undefined, 'component spec') as unknown as Record<string, unknown>;
  const bad = (field: string, want: string): DabirError =>
    new DabirError('E_BAD_OPTION', `component spec field "${field}" cannot be ${showValue(s[field])}`, `give ${want}`, { option: field, value: s[field] });
  if (typeof s['name'] !== 'string' || s['name'] === '') throw bad('name', 'a non-empty string');
  if (!(['normalize', 'tokenize', 'annotate'] as unknown[]).includes(s['stage'])) throw bad('stage', 'one of "normalize", "tokenize", "annotate"');
  for (const f of ['requires', 'provides', 'resources']) if (!Array.isArray(s[f]) || !(s[f] as unknown[]).every((x) => typeof x === 'string')) throw bad(f, 'a list of strings');
  if (typeof s['create'] !== 'function') throw bad('create', 'a function (resources, options) => component');
  if (s['options'] !== undefined && (!Array.isArray(s['options']) || !(s['options'] as unknown[]).every((x) => typeof x === 'string'))) throw bad('options', 'a list of option names');
  registry.set(spec.name, spec);
  return spec;
}

export function getComponent(name: string): ComponentSpec | undefined {
  return registry.get(name);
}

export function listComponents(): ComponentSpec[] {
  return [...registry.values()];
}

/** The resources a list of components needs (required and optional) with these per-component options, for loaders. */
export function resourcesFor(names: string[], options: Record<string, Record<string, unknown>> = {}): { required: string[]; optional: string[] } {
  // (a name that is no component was skipped, and a string read letter by letter: loadResources({ components:
  // ['tagger', 'parsr'] }) fetched no parser data, without a word)
  if (!Array.isArray(names)) {
    throw new DabirError('E_BAD_OPTION', `option "components" cannot be ${showValue(names)}`, `give a list of components: ${[...registry.keys()].join(', ')}`, { option: 'components', value: names, allowed: [...registry.keys()] });
  }
  options = optionsObject(options, 'per-component'); // (null was "Cannot read properties of null (reading 'tokenizer')")
  const unknown = names.filter((n) => !registry.has(n));
  if (unknown.length) {
    throw new DabirError('E_UNKNOWN_COMPONENT', unknown.map((n) => `unknown component ${JSON.stringify(n)}`).join('; '), `known components: ${[...registry.keys()].join(', ')}`);
  }
  const req = new Set<string>();
  const opt = new Set<string>();
  for (const n of names) {
    const c = registry.get(n);
    if (!c) continue;
    c.resources.forEach((r) => req.add(r));
    c.resourcesForOptions?.(options[n] ?? {}).forEach((r) => req.add(r));
    (c.optionalResources ?? []).forEach((r) => opt.add(r));
  }
  return { required: [...req], optional: [...opt].filter((r) => !req.has(r)) };
}

/**
 * How each treebank writes multi-word tokens, beyond its MWT data: where the ZWNJ between host and clitic goes
 * (MwtSplitter `hostZwnj`), whether verbs take clitics (iPerUDT: نشسته + ام, ندیدم + شون), and whether a glued mark
 * is the token's last word (PerDT: امید + م + ،), whether a run of ! or ؟ is one token, and whether the words of a
 * token are cut from it as written where the normalizer changed only its ZWNJs (iPerUDT: برمیگرده = بر + میگرده).
 */
const TOKENIZER_SCHEMES: Record<PipelineScheme, { hostZwnj: 'keep' | 'seraji' | 'informal'; verbClitics: boolean; punctInMwt: boolean; quoted: 'ends' | 'continues'; markRuns: 'one' | 'each'; wordsAsWritten: boolean }> = {
  perdt: { hostZwnj: 'keep', verbClitics: false, punctInMwt: true, quoted: 'ends', markRuns: 'one', wordsAsWritten: false },
  seraji: { hostZwnj: 'seraji', verbClitics: false, punctInMwt: false, quoted: 'ends', markRuns: 'one', wordsAsWritten: false },
  iperudt: { hostZwnj: 'informal', verbClitics: true, punctInMwt: false, quoted: 'continues', markRuns: 'each', wordsAsWritten: true },
};

/** Treebank conventions a pipeline can follow (PerDT is the default of every component). */
export const PIPELINE_SCHEMES = ['perdt', 'seraji', 'iperudt'] as const;
export type PipelineScheme = (typeof PIPELINE_SCHEMES)[number];

const SCHEME_OPTIONS: Record<PipelineScheme, Record<string, Record<string, unknown>>> = {
  // (the parser is told the scheme too: left to 'auto' it reads it from the tags, and iPerUDT's tags are Seraji's, so an
  // informal sentence without a PROPN was parsed with Seraji's weights)
  perdt: { parser: { scheme: 'perdt' } },
  // Seraji's tags and lemmas; its clitic splits are the formal ones (tokenizer 'seraji' = 'perdt')
  seraji: { tokenizer: { scheme: 'seraji' }, tagger: { scheme: 'seraji' }, lemmatizer: { scheme: 'seraji' }, parser: { scheme: 'seraji' } },
  // informal text: iPerUDT's clitic splits, tags, lemmas (verbs as past#present: کرد#کن) and trees; colloquial
  // spellings are no spelling errors
  iperudt: { tokenizer: { scheme: 'iperudt' }, tagger: { scheme: 'iperudt' }, lemmatizer: { scheme: 'iperudt' }, parser: { scheme: 'iperudt' }, spell: { register: 'informal' } },
};

/**
 * The per-component options that make a pipeline of `components` follow one treebank's conventions (for
 * `createPipeline({ components, options })`). Throws E_BAD_OPTION for an unknown scheme.
 */
export function schemeOptions(scheme: string, components: readonly string[]): Record<string, Record<string, unknown>> {
  if (!(PIPELINE_SCHEMES as readonly string[]).includes(scheme)) {
    throw badOption('scheme', scheme, PIPELINE_SCHEMES);
  }
  // (null or a number was "components.includes is not a function")
  if (!Array.isArray(components)) throw new DabirError('E_BAD_OPTION', `option "components" cannot be ${showValue(components)}`, 'give a list of components', { option: 'components', value: components });
  return Object.fromEntries(Object.entries(SCHEME_OPTIONS[scheme as PipelineScheme]).filter(([c]) => components.includes(c)));
}

export interface PipelineOptions {
  components: string[];
  resources?: Resources;
  /** per-component options, e.g. { normalizer: { digits: 'keep' } } (they override the scheme's) */
  options?: Record<string, Record<string, unknown>>;
  /**
   * the treebank conventions to follow (see schemeOptions); 'auto' follows PerDT's in formal paragraphs and
   * iPerUDT's words, tags and lemmas in colloquial ones (chat, blogs), paragraph by paragraph (detectRegister), verb
   * lemmas as PerDT writes them (past stems) throughout. Default: each component's own default (PerDT's).
   */
  scheme?: PipelineScheme | 'auto';
  /**
   * scheme 'auto': a second test of colloquial words besides detectRegister's markers (the Node entry passes the
   * formalizer's strong readings: `دنیاش قشنگه.` has no marker but is chat), asked only where one word can decide a
   * paragraph's or sentence's register (up to 12 words, or one marker); see registerWith
   */
  colloquial?: (word: string) => boolean;
}

/** The schemes a pipeline takes: the treebanks' and 'auto'. */
export const PIPELINE_SCHEME_CHOICES = [...PIPELINE_SCHEMES, 'auto'] as const;

/** `over` on top of `base`, component by component */
export function mergeOptions(base: Record<string, Record<string, unknown>>, over: Record<string, Record<string, unknown>> = {}): Record<string, Record<string, unknown>> {
  // (null for over was "Cannot convert undefined or null to object"; null or a string for base was spread as nothing)
  base = optionsObject(base, 'per-component');
  over = optionsObject(over, 'per-component');
  const out: Record<string, Record<string, unknown>> = { ...base };
  for (const [c, o] of Object.entries(over)) out[c] = { ...base[c], ...o };
  return out;
}

/**
 * The per-component option sets a pipeline of `opts` runs with: one, or for scheme 'auto' two (formal, informal).
 * Throws E_BAD_OPTION for an unknown scheme.
 */
export function pipelineOptionSets(opts: Pick<PipelineOptions, 'components' | 'options' | 'scheme'>): Record<string, Record<string, unknown>>[] {
  opts = optionsObject(opts, 'pipeline'); // null was "Cannot destructure property 'scheme' of 'opts' as it is null"
  const { scheme } = opts;
  if (scheme === undefined) return [opts.options ?? {}];
  if (!(PIPELINE_SCHEME_CHOICES as readonly unknown[]).includes(scheme)) throw badOption('scheme', scheme, PIPELINE_SCHEME_CHOICES);
  if (scheme !== 'auto') return [mergeOptions(schemeOptions(scheme, opts.components), opts.options)];
  // auto: colloquial paragraphs are cut into words, tagged and lemmatized as in iPerUDT, but verb lemmas follow PerDT's
  // convention (the past stem, not past#present), so that one document has one kind of lemma. (iPerUDT's lemmas so
  // written beat PerDT's lemmatizer on colloquial text: held-out tail of iPerUDT train 97.46% against 96.99%.)
  const informal = schemeOptions('iperudt', opts.components);
  if (informal['lemmatizer']) informal['lemmatizer'] = { ...informal['lemmatizer'], verbLemma: 'past' };
  return [mergeOptions(schemeOptions('perdt', opts.components), opts.options), mergeOptions(informal, opts.options)];
}

export interface Pipeline {
  readonly components: string[];
  /** Analyses raw text. `doc.text === text` always. Never throws on any string. */
  process(text: string): Doc;
  /** Runs the annotating components on an already tokenized Doc (e.g. read from CoNLL-U). */
  annotate(doc: Doc): Doc;
  /**
   * `process(text)` in bounded memory: the analysis of the text in consecutive pieces (cut where a stream cuts it: at
   * line breaks outside code fences, and inside an over-long line where `process` cuts it, see MAX_SEGMENT), each
   * piece's Doc made and annotated when the iteration reaches it, so that only one piece's tokens and words are alive
   * at a time (a whole Doc of a 10 MB line holds millions of them). The pieces' sentences, in order, are
   * `process(text)`'s: the same offsets into `text`, ids, tokens and annotation. Each piece's Doc has `text` (the
   * whole text, not copied), its sentences, its part of `normalized` (the pieces' joined are `process(text)`'s), and
   * its entities (offsets into `text`; `sentence`, an index into the piece's sentences). A pipeline with a
   * document-level annotator (spell) gives one piece, `process(text)`. Never throws on any string.
   */
  processPieces(text: string): Iterable<Doc>;
}

/**
 * The checks of createPipeline's argument (also of the Node and browser entries', whose `colloquial` may be false): an
 * object of the known names, `options` an object, `colloquial` a function; E_BAD_OPTION otherwise.
 */
export function checkPipelineOptions(opts: unknown, what: string, known = PIPELINE_OPTIONS, colloquialFalse = false): void {
  const o = knownOptions(opts as Record<string, unknown>, what, known);
  if (o['options'] !== undefined) {
    // each entry: a registered component's name and an object (a misspelt name, { taggr: {...} }, or a value that is
    // no object, { tagger: 5 }, was ignored: the component ran with its defaults)
    for (const [name, value] of Object.entries(optionsObject(o['options'] as Record<string, unknown>, 'per-component'))) {
      if (value === undefined) continue;
      if (!registry.has(name)) {
        throw new DabirError('E_BAD_OPTION', `options are given for ${JSON.stringify(name)}, which is no component`, `name a component: ${[...registry.keys()].join(', ')}`, { option: 'options', value: name, allowed: [...registry.keys()] });
      }
      if (value === null || typeof value !== 'object' || Array.isArray(value)) throw badOption(`options.${name}`, value, [`an object of ${name} options`]);
    }
  }
  const c = o['colloquial'];
  if (c !== undefined && typeof c !== 'function' && !(colloquialFalse && c === false)) {
    throw new DabirError('E_BAD_OPTION', `option "colloquial" cannot be ${showValue(c)}`, `give a function (word) => boolean${colloquialFalse ? ', or false for the markers alone' : ''}`, { option: 'colloquial', value: c });
  }
}
export const PIPELINE_OPTIONS: readonly string[] = ['components', 'resources', 'options', 'scheme', 'colloquial'];

const BASE_PROVIDED_BY_TOKENS = ['sentences', 'tokens', 'words'];

/**
 * Options for a registered component that the pipeline does not run are E_BAD_OPTION naming it: `createPipeline({
 * components: ['normalizer', 'tokenizer'], options: { parser: { beam: 4 } } })` ran without a word, the beam ignored.
 * The CLI (`dabir analyze --components normalizer,tokenizer --beam 4`, exit 2) and the HTTP service (400) say the
 * same. An entry whose value is undefined is no option (as everywhere else).
 */
export function checkOptionsInPipeline(components: readonly string[], options: Record<string, unknown> | undefined): void {
  if (options === undefined || options === null || typeof options !== 'object') return; // (checkPipelineOptions names those)
  for (const name of Object.keys(options)) {
    if (options[name] === undefined || components.includes(name) || !registry.has(name)) continue;
    throw new DabirError('E_BAD_OPTION', `options are given for ${JSON.stringify(name)}, which is not in the pipeline (components: ${components.join(', ')})`, `add "${name}" to the components, or leave its options out`, { option: 'options', value: name, components: [...components] });
  }
}

export function createPipeline(opts: PipelineOptions): Pipeline {
  checkPipelineOptions(opts, 'pipeline');
  opts ??= {} as PipelineOptions; // (then E_BAD_OPTION: no components)
  if (Array.isArray(opts.components)) checkOptionsInPipeline(opts.components, opts.options);
  if (opts.scheme !== undefined) {
    const sets = pipelineOptionSets(opts);
    const base = { components: opts.components, ...(opts.resources ? { resources: opts.resources } : {}) };
    if (sets.length === 1) return createPipeline({ ...base, options: sets[0]! });
    const formal = createPipeline({ ...base, options: sets[0]! });
    // the informal pipeline is built on the first colloquial paragraph (formal text never pays for it); what it needs
    // is checked now
    const missing = resourcesFor(opts.components, sets[1]!).required.filter((r) => opts.resources?.[r] === undefined);
    if (missing.length) {
      throw new DabirError('E_RESOURCE_MISSING', `scheme 'auto' needs resource${missing.length > 1 ? 's' : ''} ${missing.map((r) => `"${r}"`).join(', ')}`, 'load resources with the Node entry (createPipeline from "dabir") or pass them in `resources`');
    }
    let informal: Pipeline | undefined;
    return autoPipeline(formal, () => (informal ??= createPipeline({ ...base, options: sets[1]! })), opts.colloquial);
  }
  const names = opts.components;
  if (!Array.isArray(names) || names.length === 0) {
    throw new DabirError('E_BAD_OPTION', 'a pipeline needs a non-empty list of components', `known components: ${[...registry.keys()].join(', ')}`);
  }
  // (a component named twice ran twice: ['tokenizer', 'tagger', 'tagger'] tagged every sentence twice, a second
  // tokenizer or normalizer was dropped without a word; dabir analyze --components tokenizer,tokenizer the same)
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice !== undefined) throw new DabirError('E_BAD_OPTION', `component ${showValue(twice)} is named twice in the pipeline's components`, 'name each component once', { option: 'components', value: names });
  const problems: string[] = [];
  const specs: ComponentSpec[] = [];
  for (const n of names) {
    const c = registry.get(n);
    if (!c) problems.push(`unknown component "${n}"`);
    else specs.push(c);
  }
  if (problems.length) {
    throw new DabirError('E_UNKNOWN_COMPONENT', problems.join('; '), `known components: ${[...registry.keys()].join(', ')}`);
  }
  // requirements, in order
  const order: Stage[] = ['normalize', 'tokenize', 'annotate'];
  const sorted = specs.slice().sort((a, b) => order.indexOf(a.stage) - order.indexOf(b.stage));
  const have = new Set<string>();
  const fixes: string[] = [];
  for (const c of sorted) {
    for (const r of c.requires) {
      if (have.has(r)) continue;
      problems.push(`${c.name} requires "${r}", which no earlier component provides`);
      const providers = [...registry.values()].filter((x) => x.provides.includes(r)).map((x) => `"${x.name}"`);
      if (providers.length) fixes.push(`put ${providers.join(' or ')} before "${c.name}"`);
    }
    c.provides.forEach((p) => have.add(p));
  }
  if (problems.length) {
    const hint = fixes.length ? `${[...new Set(fixes)].join('; ')} in the component list` : 'add the components that provide what is missing';
    throw new DabirError('E_REQUIREMENT_UNMET', problems.join('; '), hint);
  }
  const res = opts.resources ?? {};
  /** a component's options, with the values it takes from the other components of the pipeline (ComponentSpec.optionsFrom) */
  const optionsOf = (c: ComponentSpec): Record<string, unknown> => {
    let o = opts.options?.[c.name] ?? {};
    for (const [key, [from, fromKey]] of Object.entries(c.optionsFrom ?? {})) {
      const v = opts.options?.[from]?.[fromKey];
      if (o[key] === undefined && v !== undefined && names.includes(from)) o = { ...o, [key]: v };
    }
    return o;
  };
  for (const c of sorted) {
    const needed = [...c.resources, ...(c.resourcesForOptions?.(optionsOf(c)) ?? [])];
    for (const r of needed) {
      if (res[r] === undefined) problems.push(`${c.name} needs resource "${r}"`);
    }
  }
  if (problems.length) {
    throw new DabirError('E_RESOURCE_MISSING', problems.join('; '), 'load resources with the Node entry (createPipeline from "dabir") or pass them in `resources`');
  }
  // a misspelt option of a component that names its options (the tokenizer's and the lemmatizer's, { tokenizer:
  // { schme: 'iperudt' } }, were ignored: the defaults ran; the tagger, parser and ner said 'option "schme" cannot be
  // "iperudt" (use one of: "scheme")', ner "use one of: " with nothing after it)
  for (const c of sorted) if (c.options) knownOptions(opts.options?.[c.name], c.name, c.options);
  const inst = sorted.map((c) => ({ spec: c, run: c.create(res, optionsOf(c)) }));
  const normalizer = inst.find((x) => x.spec.stage === 'normalize');
  const tokenizer = inst.find((x) => x.spec.stage === 'tokenize');
  const annotators = inst.filter((x) => x.spec.stage === 'annotate');
  const wholeDocument = annotators.some((x) => x.spec.documentLevel === true);
  if (!tokenizer) {
    throw new DabirError('E_REQUIREMENT_UNMET', 'a pipeline needs the "tokenizer" component', 'add "tokenizer" to the components');
  }
  const annotate = (doc: Doc): Doc => {
    checkDoc(doc);
    for (const a of annotators) a.run.annotate!(doc);
    return doc;
  };
  /**
   * normalized (when a normalizer runs) and tokenized: a Doc not yet annotated. Without a normalizer the protected
   * spans (URLs, e-mails, @mentions, #hashtags, code, markup) are still found, so that each stays one token.
   */
  const tokenizeText = (text: string): Doc =>
    tokenizer.run.tokenize!(normalizer ? normalizer.run.normalize!(text) : AlignedText.from(text, scanProtected(text)));
  const pipeline: Pipeline = {
    components: sorted.map((c) => c.name),
    process(text: string): Doc {
      if (typeof text !== 'string') {
        throw badText(text, 'process');
      }
      const cuts = forcedCuts(text);
      if (cuts.length === 0) return annotate(tokenizeText(text));
      // a line too long to analyse at once (MAX_SEGMENT): its pieces are normalized and tokenized one by one, as a
      // stream would cut them, then annotated as one document
      const sentences: Sentence[] = [];
      const normalized: string[] = [];
      let from = 0;
      for (const to of [...cuts, text.length]) {
        const d = tokenizeText(text.slice(from, to));
        for (const st of d.sentences) {
          shiftSentence(st, from);
          st.id = String(sentences.length + 1);
          sentences.push(st);
        }
        normalized.push(d.normalized);
        from = to;
      }
      return annotate(new Doc(text, sentences, normalized.join('')));
    },
    annotate,
    *processPieces(text: string): Generator<Doc> {
      if (typeof text !== 'string' || text.length <= PIECE || wholeDocument) {
        // (not this.process: a method taken off the pipeline, const { processPieces } = pipeline, works too)
        yield pipeline.process(text); // (E_BAD_INPUT for a non-string)
        return;
      }
      const cutter = createTextCutter();
      let base = 0;
      let id = 0;
      // a piece may hold an over-long line and the lines after it: it is tokenized in the segments between the forced
      // cuts inside it, as process() tokenizes the whole text
      const piece = (t: string, cuts: number[]): Doc => {
        const sentences: Sentence[] = [];
        const normalized: string[] = [];
        let from = 0;
        for (const to of [...cuts, t.length]) {
          const seg = cuts.length === 0 ? t : t.slice(from, to);
          // a U+FEFF starting a piece after a line break is read with that line break before it: the normalizer keeps
          // one at the start of a text (a file's BOM) and drops one after a line break, as in the whole text
          const bom = from === 0 && base > 0 && seg.charCodeAt(0) === 0xfeff && text.charCodeAt(base - 1) === 0x0a;
          const d = tokenizeText(bom ? '\n' + seg : seg);
          for (const st of d.sentences) {
            shiftSentence(st, base + from - (bom ? 1 : 0));
            st.id = String(++id);
            sentences.push(st);
          }
          normalized.push(bom && d.normalized.charCodeAt(0) === 0x0a ? d.normalized.slice(1) : d.normalized);
          from = to;
        }
        // (the sentences are in place before they are annotated: entities get offsets into `text`)
        base += t.length;
        return annotate(new Doc(text, sentences, normalized.join('')));
      };
      for (let a = 0; a < text.length; a += PIECE) {
        const t = cutter.push(text.slice(a, a + PIECE));
        if (t.length > 0) yield piece(t, cutter.forcedCuts());
      }
      const t = cutter.end();
      if (t.length > 0) yield piece(t, cutter.forcedCuts());
    },
  };
  return pipeline;
}

/** the size of the slices `processPieces` hands to its cutter; a text up to this long is one piece */
const PIECE = MAX_SEGMENT;

/** shifts the offsets of a Doc's sentences and of its document-level annotations by `base` */
function shiftDoc(d: Doc, base: number): void {
  for (const st of d.sentences) shiftSentence(st, base);
  if (base === 0) return;
  for (const e of d.entities ?? []) {
    e.start += base;
    e.end += base;
  }
  for (const i of d.spelling ?? []) {
    i.start += base;
    i.end += base;
  }
}

/**
 * Adds the document-level annotations of `part` (entities, spelling issues; offsets already into `doc.text`) to
 * `doc`'s, an entity's sentence index mapped by `sentenceOf`.
 */
function addDocLevel(doc: Doc, part: Doc, sentenceOf: (i: number) => number): void {
  if (part.entities) (doc.entities ??= []).push(...part.entities.map((e) => ({ ...e, sentence: sentenceOf(e.sentence) })));
  if (part.spelling) (doc.spelling ??= []).push(...part.spelling);
}

/** [start, register] of each run of lines of one register in `text` (blank lines go with the run before them) */
function registerRuns(text: string, colloquial?: (word: string) => boolean): [number, Register][] {
  const runs: [number, Register][] = [];
  for (let i = 0; i < text.length; ) {
    const j = text.indexOf('\n', i);
    const end = j < 0 ? text.length : j + 1;
    const count = registerCount(text, i, end);
    const r: Register = count.words === 0 ? (runs[runs.length - 1]?.[1] ?? 'formal') : registerWith(text, colloquial, i, end, count);
    if (runs.length === 0 || runs[runs.length - 1]![1] !== r) runs.push([i, r]);
    i = end;
  }
  return runs;
}

/**
 * Scheme 'auto': each paragraph (line) is analysed by the formal pipeline (PerDT's conventions) or by the informal one
 * (iPerUDT's), as detectRegister reads it; consecutive lines of one register go together, and a text of one register
 * is analysed in one call, exactly as by that pipeline alone. Sentences never cross a line break, so the pieces
 * analyse as they would in the whole.
 */
function autoPipeline(formal: Pipeline, informal: () => Pipeline, colloquial?: (word: string) => boolean): Pipeline {
  const of = (r: Register): Pipeline => (r === 'informal' ? informal() : formal);
  return {
    components: formal.components,
    process(text: string): Doc {
      if (typeof text !== 'string') return formal.process(text); // E_BAD_INPUT
      const runs = registerRuns(text, colloquial);
      if (runs.length <= 1) return of(runs[0]?.[1] ?? 'formal').process(text);
      const sentences: Sentence[] = [];
      const normalized: string[] = [];
      const doc = new Doc(text, sentences);
      for (let k = 0; k < runs.length; k++) {
        const [from, r] = runs[k]!;
        const to = k + 1 < runs.length ? runs[k + 1]![0] : text.length;
        const d = of(r).process(text.slice(from, to));
        shiftDoc(d, from);
        const first = sentences.length;
        addDocLevel(doc, d, (i) => first + i);
        for (const st of d.sentences) {
          st.id = String(sentences.length + 1);
          sentences.push(st);
        }
        normalized.push(d.normalized);
      }
      doc.normalized = normalized.join('');
      return doc;
    },
    *processPieces(text: string): Generator<Doc> {
      if (typeof text !== 'string') {
        yield formal.process(text); // E_BAD_INPUT
        return;
      }
      const runs = registerRuns(text, colloquial);
      if (runs.length <= 1) {
        yield* of(runs[0]?.[1] ?? 'formal').processPieces(text);
        return;
      }
      // each run as process() analyses it, in its pieces
      let id = 0;
      for (let k = 0; k < runs.length; k++) {
        const [from, r] = runs[k]!;
        const to = k + 1 < runs.length ? runs[k + 1]![0] : text.length;
        for (const d of of(r).processPieces(text.slice(from, to))) {
          shiftDoc(d, from);
          for (const st of d.sentences) st.id = String(++id);
          const piece = new Doc(text, d.sentences, d.normalized);
          piece.entities = d.entities;
          piece.spelling = d.spelling;
          yield piece;
        }
      }
    },
    annotate(doc: Doc): Doc {
      checkDoc(doc);
      // sentence by sentence: the sentences of each register are annotated together, as one document. A document
      // dense with colloquial markers (one per 50 words or more: chat or a blog; formal text has about one per 6,000)
      // is colloquial in every sentence, also those that happen to have no marker
      const parts: Record<Register, Sentence[]> = { formal: [], informal: [] };
      const index = new Map<Sentence, number>();
      const counts = doc.sentences.map((st) => registerCount(st.text));
      let words = 0;
      let markers = 0;
      for (const c of counts) {
        words += c.words;
        markers += c.markers;
      }
      const dense = markers >= 2 && markers * 50 >= words;
      doc.sentences.forEach((st, i) => {
        index.set(st, i);
        parts[dense ? 'informal' : registerWith(st.text, colloquial, 0, st.text.length, counts[i]!)].push(st);
      });
      const acc = new Doc(doc.text);
      for (const r of ['formal', 'informal'] as const) {
        if (parts[r].length === 0) continue;
        const d = of(r).annotate(new Doc(doc.text, parts[r], doc.normalized));
        addDocLevel(acc, d, (i) => index.get(parts[r][i]!) ?? i);
      }
      if (acc.entities) doc.entities = acc.entities.sort((a, b) => a.start - b.start);
      if (acc.spelling) doc.spelling = acc.spelling.sort((a, b) => a.start - b.start);
      return doc;
    },
  };
}

// ---- built-in components ----

defineComponent({
  name: 'normalizer',
  stage: 'normalize',
  requires: [],
  provides: ['normalized'],
  resources: [],
  optionalResources: ['halfspace'],
  options: Object.keys(OPTION_VALUES),
  create(res, options) {
    const nz = createNormalizer({ halfSpace: res.halfspace });
    const o = options as NormalizeOptions;
    nz.normalize('', o); // validates the options now, not on the first text
    return { normalize: (text) => nz.normalizeAligned(text, o) };
  },
});

defineComponent({
  name: 'tokenizer',
  stage: 'tokenize',
  requires: [],
  provides: BASE_PROVIDED_BY_TOKENS,
  resources: [],
  optionalResources: ['mwt', 'halfspace'],
  resourcesForOptions: (options) => (options['scheme'] === 'iperudt' ? ['mwtInformal'] : []),
  options: ['scheme'],
  /**
   * Option `scheme`: whose multi-word-token conventions to follow. 'perdt' (default) and 'seraji' share the formal
   * splits (data/mwt.json); with 'perdt' a mark glued to a multi-word token is its last word (`امیدم،` = `امید` + `م`
   * + `،`), as in PerDT; 'iperudt' uses the splits learned from informal text (data/mwt-informal.json: خونمون =
   * خون + مون), for chat, social media and other colloquial Persian.
   */
  create(res, options) {
    const scheme = options['scheme'] ?? 'perdt';
    if (!(PIPELINE_SCHEMES as readonly unknown[]).includes(scheme)) throw badOption('tokenizer.scheme', scheme, PIPELINE_SCHEMES);
    const data = scheme === 'iperudt' ? res.mwtInformal : res.mwt;
    const hs = res.halfspace;
    const lex = hs
      ? {
          isWord: (w: string): boolean => {
            const i = hs.piece(w);
            return i >= 0 && (hs.flags[i]! & FLAG_LEX) !== 0;
          },
          count: (w: string): number => {
            const i = hs.piece(w);
            return i < 0 ? 0 : hs.first[i]! + hs.glued[i]!;
          },
          isVerb: (w: string): boolean => {
            const i = hs.piece(w);
            if (i >= 0 && (hs.flags[i]! & (FLAG_VERB | FLAG_PARTICIPLE)) !== 0) return true;
            // the archaic ب before a past participle, as poetry and old prose write it (ببریده‌اند, بگفته‌اند: a perfect
            // verb as نالیده‌اند is, not ببریده‌ + the copula)
            if (w.length >= 5 && w.charCodeAt(0) === 0x0628) {
              const j = hs.piece(w.slice(1));
              if (j >= 0 && (hs.flags[j]! & FLAG_PARTICIPLE) !== 0) return true;
            }
            // می‌/نمی‌ + verb form
            const z = w.indexOf('\u200c');
            if (z > 0 && (w.startsWith('می\u200c') || w.startsWith('نمی\u200c'))) {
              const j = hs.piece(w.slice(z + 1));
              if (j >= 0 && (hs.flags[j]! & FLAG_VERB) !== 0) return true;
            }
            // a form the half-space model reads as می/نمی + a verb, also one written glued or not in its verb list
            // (chat's میگم, میدم, میخام: می + گم, not میگ + م)
            if (w.startsWith('می') || w.startsWith('نمی')) {
              const bare = w.replaceAll('\u200c', '');
              const seg = decoderFor(hs).segment(bare, false);
              if (seg.startsWith('می\u200c') || seg.startsWith('نمی\u200c')) return true;
              // or می/نمی + an informal verb form the step leaves glued (میام, میاره; میدم, seen so in the text)
              return hs.isInformalVerb(bare.slice(bare.startsWith('می') ? 2 : 3));
            }
            return false;
          },
        }
      : undefined;
    const conv = TOKENIZER_SCHEMES[scheme as PipelineScheme];
    const mwt = data ? new MwtSplitter(data as MwtData, lex, { hostZwnj: conv.hostZwnj, verbClitics: conv.verbClitics }) : undefined;
    return { tokenize: (a) => tokenizeAligned(a, { mwt, punctInMwt: conv.punctInMwt, quoted: conv.quoted, markRuns: conv.markRuns, wordsAsWritten: conv.wordsAsWritten }) };
  },
});
