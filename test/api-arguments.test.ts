/**
 * Every exported function and class of the public entry points (`dabir`, `dabir/core`, `dabir/browser`), walked from
 * the modules' exports — so an export added without an argument check fails here — with arguments of the wrong kind
 * in each place: null, undefined, a number, NaN, a string, a list, an object of other fields, a symbol, a bigint.
 * Each call must either give a result (the predicates, finders and look-ups answer as for no match: their results
 * are pinned in quick-api.test.ts and the modules' own tests) or throw a DabirError with a code of CODES — never a
 * plain TypeError or RangeError from inside, and never hang. A function whose arguments are not all strings has a
 * valid call in GOOD, so that a bad value is tried in each place with good values around it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as node from '../src/node/index.js';
import * as core from '../src/core/index.js';
import * as browser from '../src/browser/index.js';
import * as dflt from '../src/index.js';

const { CODES, DabirError } = node;
import { kindOf, showValue } from '../src/core/errors.js';

/**
 * [label, bad value, what an E_BAD_INPUT's "got …" says of it]: one description of a value in every function's error
 * (errors.ts's kindOf); before, a string-taking function said "got object" for a list, where the others said
 * "got an array", and "got object" for {} where the others said "got an object of other fields"
 */
const BAD: [string, unknown, string][] = [
  ['null', null, 'null'],
  ['undefined', undefined, 'undefined'],
  ['5', 5, 'number'],
  ['-1', -1, 'number'],
  ['NaN', Number.NaN, 'number'],
  ['1e99', 1e99, 'number'],
  ["'x'", 'x', 'string'],
  ['[]', [], 'an array'],
  ['{}', {}, 'an object of other fields'],
  ["{ text: 'x' }", { text: 'x' }, 'an object of other fields'],
  ['a Map (an instance of a class)', new Map(), 'an instance of Map'],
  ['bytes (readFileSync without an encoding)', new Uint8Array([216, 179]), 'an instance of Uint8Array'],
  ['a symbol', Symbol('s'), 'symbol'],
  ['5n', 5n, 'bigint'],
  ['a function', (): number => 5, 'function'],
];

// valid calls: the fixtures, made once
const text = 'دانشجویان دانشگاه تهران از این روش استفاده کرده بودند.';
const doc = node.analyze(text);
const tokens = node.tokenize(text);
const conllu = doc.toConllu();
const stopwords = node.createStopwords(JSON.parse(new TextDecoder().decode(node.readResource('stopwords.json'))));
const idf = node.loadResource('idf') as node.Idf;
const notFound = async (): Promise<Response> => new Response('not found', { status: 404 });

/** [export, valid arguments, why they are needed]; an export not here is called with strings ('سلام' …) */
const GOOD: Record<string, [() => unknown[], string]> = {
  applyEdits: [() => [node.normalizeAligned('سلام'), [{ start: 0, end: 0, text: 'x', kind: 'character' }]], 'an AlignedText and its edits'],
  checkDoc: [() => [node.getSpellChecker(), node.tokenize('سلام کطاب'), {}], 'a checker, a Doc, options'],
  colloquialWordTest: [() => [node.getFormalizer()], 'a formalizer'],
  createFormalizer: [() => [{ formal: node.loadResource('formal'), lemma: node.readResource('lemma.bin') }], 'its resources'],
  createHashtagVerbTest: [() => [node.readResource('lemma.bin')], 'the lemma data'],
  createIdf: [() => [JSON.parse(new TextDecoder().decode(node.readResource('idf.json')))], 'the idf data'],
  createLemmatizer: [() => [node.readResource('lemma.bin'), {}], 'the lemma data and options'],
  createNormalizer: [() => [{ halfSpace: node.loadHalfSpaceModel() }], 'its model'],
  createPipeline: [() => [{ components: ['tokenizer'] }], 'options'],
  createSentenceStream: [() => [node.createPipeline({ components: ['tokenizer'] })], 'a pipeline'],
  createSpellChecker: [() => [node.readResource('spell.bin'), {}], 'the spelling data and defaults'],
  createStopwords: [() => [JSON.parse(new TextDecoder().decode(node.readResource('stopwords.json')))], 'the stopword data'],
  decodeLemmaData: [() => [node.readResource('lemma.bin')], 'bytes'],
  decodeNer: [() => [node.readResource('ner.bin')], 'bytes'],
  decodeResource: [() => ['stopwords', node.readResource('stopwords.json')], 'a resource name and its bytes'],
  decodeSpellData: [() => [node.readResource('spell.bin')], 'bytes'],
  decodeTagger: [() => [node.readResource('tagger.bin')], 'bytes'],
  Doc: [() => [text, doc.sentences], 'a text and its sentences'],
  evaluate: [() => [conllu, conllu, { strict: false }], 'two CoNLL-U texts'],
  formatJalali: [() => [{ year: 1403, month: 1, day: 1 }, { weekday: true }], 'a date'],
  formatScores: [() => [node.evaluate(conllu, conllu)], 'scores'],
  gregorianToJalali: [() => [2024, 3, 20], 'a date'],
  isJalaliLeapYear: [() => [1403], 'a year'],
  jalaliMonthLength: [() => [1403, 12], 'a year and a month'],
  jalaliToGregorian: [() => [1403, 1, 1], 'a date'],
  keywordsOf: [() => [doc, idf, stopwords, { n: 3 }], 'a parsed Doc, the idf and the stopwords'],
  mergeOptions: [() => [{ tagger: { scheme: 'perdt' } }, { parser: { beam: 2 } }], 'two per-component option sets'],
  nerDoc: [() => [node.nerModelOf(node.loadResource('ner') as never), node.tokenize(text)], 'a model and a Doc'],
  normalizeFormalize: [() => [node.getFormalizer(), node.getNormalizer(), 'یه کتاب', {}], 'a formalizer, a normalizer, a text'],
  normalizeFormalizeAligned: [() => [node.getFormalizer(), node.getNormalizer(), 'یه کتاب', {}], 'the same'],
  numberToWords: [() => [25, { form: 'ordinal' }], 'a number'],
  parseDoc: [() => [node.parserModelOf(node.loadResource('parser') as never), node.analyze(text), { beam: 2 }], 'a model and a tagged Doc'],
  phrasesOf: [() => [doc, { types: ['NP'] }], 'a parsed Doc'],
  phrasesOfPieces: [() => [[doc], { types: ['VP'] }], 'pieces'],
  pipelineOptionSets: [() => [{ components: ['tokenizer'] }], 'options'],
  registerCount: [() => ['یه کتاب میخوام', 0, 5], 'a text and a range'],
  resourcesFor: [() => [['tokenizer', 'tagger'], {}], 'component names'],
  schemeOptions: [() => ['perdt', ['tokenizer', 'tagger']], 'a scheme and components'],
  searchTermsOf: [() => [doc, stopwords, {}], 'a Doc and the stopwords'],
  searchTermsOfPieces: [() => [[doc], stopwords, {}], 'pieces and the stopwords'],
  Sentence: [() => [0, 4, 'سلام', tokens.sentences[0]!.tokens, 's1'], 'offsets, a text, tokens, an id'],
  sentencePhrases: [() => [doc, doc.sentences[0], 0, {}], 'a parsed Doc, one of its sentences, its index'],
  shiftSentence: [() => [node.tokenize('سلام.').sentences[0], 3], 'a sentence and an offset'],
  spansOf: [() => [['B-PER', 'I-PER', 'O']], 'BIO labels'],
  suggest: [() => ['کطاب', 3], 'a word and a count'],
  tagDoc: [() => [node.taggerModelOf(node.loadResource('tagger') as never), node.tokenize(text), {}], 'a model, a Doc, options'],
  Token: [() => [0, 4, 'سلام', 'سلام', null, false], 'offsets, text, form, words, space after'],
  tokenizeAligned: [() => [node.normalizeAligned(text), {}], 'an AlignedText'],
  Word: [() => [1, { form: 'سلام' }], 'an id and fields'],
  writeConllu: [() => [doc, {}], 'a Doc'],
  precomputeChecksum: [() => [node.readResource('ner.bin')], 'bytes'],
  sha256Hex: [() => [new Uint8Array(64)], 'bytes'],
  loadResources: [() => ['https://example.invalid/data/', { fetch: notFound }], 'a base URL, and a fetch that answers 404: no network'],
  createBrowserPipeline: [() => ['https://example.invalid/data/', { fetch: notFound }], 'the same'],
  loadNormalizer: [() => ['https://example.invalid/data/', { fetch: notFound }], 'the same'],
};

/** every function and class of the entry points, once each: [entry, name, value] */
function exportsOf(): [string, string, (...a: unknown[]) => unknown][] {
  const out: [string, string, (...a: unknown[]) => unknown][] = [];
  const seen = new Set<unknown>();
  for (const [entry, mod] of [['dabir', node], ['dabir/core', core], ['dabir/browser', browser], ['default entry', dflt]] as const) {
    for (const [name, v] of Object.entries(mod)) {
      if (typeof v !== 'function' || seen.has(v)) continue;
      seen.add(v);
      out.push([entry, name, v as (...a: unknown[]) => unknown]);
    }
  }
  return out;
}

const isClass = (f: unknown): boolean => /^class\b/.test(Function.prototype.toString.call(f));

/** the value of the last call that gave one (outcome's), for the rule of functions that give a text */
let lastValue: unknown;

/** the outcome of one call: 'ok', 'typed E_…', or what was wrong */
async function outcome(f: (...a: unknown[]) => unknown, args: unknown[]): Promise<string> {
  try {
    let r = isClass(f) ? new (f as unknown as new (...a: unknown[]) => unknown)(...args) : f(...args);
    if (r instanceof Promise) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      r = await Promise.race([r, new Promise((resolve) => (timer = setTimeout(() => resolve('HANG'), 5000)))]);
      clearTimeout(timer);
      if (r === 'HANG') return 'no answer in 5 s';
    }
    // a generator or an iterator fails when it is read: read it
    if (r !== null && typeof r === 'object' && !Array.isArray(r) && typeof (r as { next?: unknown }).next === 'function') for (const _ of r as Iterable<unknown>);
    lastValue = r;
    return 'ok';
  } catch (e) {
    if (e instanceof DabirError && e.code in CODES) return `typed ${e.code}: ${e.message}`;
    return `${(e as Error)?.name ?? typeof e}: ${(e as Error)?.message ?? String(e)}`;
  }
}

describe('every exported function with arguments of the wrong kind', () => {
  const all = exportsOf();
  it('walks the exports (a renamed or removed module would walk nothing)', () => {
    expect(all.length).toBeGreaterThan(120);
    for (const name of Object.keys(GOOD)) expect(all.map(([, n]) => n), `GOOD names an export that is gone: ${name}`).toContain(name);
  });
  for (const [entry, name, f] of all) {
    it(`${entry}: ${name}`, async () => {
      let good = GOOD[name]?.[0]() ?? ['سلام دنیا.', 'سلام', 'سلام'];
      // the valid call itself runs (or is a typed error: strings for a function of numbers)
      lastValue = undefined;
      let base = await outcome(f, good);
      // strings where a function takes options or a tag (normalize(text, options), lemmatize(word, upos)) made the
      // valid call an E_BAD_OPTION, and every bad value was tried beside it: the text alone then
      if (!GOOD[name] && base !== 'ok' && (await outcome(f, ['سلام دنیا.'])) === 'ok') [good, base] = [['سلام دنیا.'], 'ok'];
      const baseValue = base === 'ok' ? lastValue : undefined;
      expect(base, `${name}(valid arguments)`).toMatch(/^(ok|typed )/);
      const places = Math.max(good.length, f.length) + 1; // (the first optional argument after the valid ones too)
      const wrong: string[] = [];
      const unlike: string[] = [];
      const noText: string[] = [];
      for (let i = 0; i < places; i++) {
        for (const [label, bad, kind] of BAD) {
          const args = [...good];
          while (args.length < i) args.push(undefined);
          args[i] = bad;
          lastValue = undefined;
          const got = await outcome(f, args);
          if (!got.startsWith('ok') && !got.startsWith('typed ')) wrong.push(`${name}, argument ${i + 1} ${label}: ${got}`);
          // a function that gives a text for the text it takes (stem, searchFold, lemmatize, the *Key functions) throws
          // E_BAD_INPUT for a value that is no string there; lemmatize(5) and searchKey, spellKey, stopwordKey gave ''
          // where stem(5) threw (predicates, finders and look-ups of a record answer as for no match: README)
          if (i < f.length && typeof good[i] === 'string' && typeof bad !== 'string' && typeof baseValue === 'string' && got === 'ok') noText.push(`${name}, argument ${i + 1} ${label}: a result, not E_BAD_INPUT`);
          // "… expects X, got Y (hint)": Y is the table's word for the bad value, unless the error is about another
          // argument (a good one, or one left out); a value inside a list is shown as itself ("got 5 in it")
          const said = /^typed E_BAD_INPUT: .*?, got (.+?)(?: \(|$)/.exec(got)?.[1];
          const others = args.filter((_, j) => j !== i).map(kindOf).concat(args.length < places ? ['undefined'] : []);
          // (a number of the right kind out of its range is shown as itself: "got NaN", "got -1")
          const asItself = typeof bad === 'number' && said === showValue(bad);
          if (said !== undefined && !said.endsWith(' in it') && said !== kind && !asItself && !others.includes(said)) unlike.push(`${name}, argument ${i + 1} ${label}: "got ${said}", not "got ${kind}"`);
        }
      }
      expect(wrong, 'plain errors from inside, or no answer').toEqual([]);
      expect(unlike, 'the same bad value described as every other function describes it').toEqual([]);
      expect(noText, 'a text out of no text: E_BAD_INPUT, as stem(5)').toEqual([]);
    });
  }
});

const tagger = node.taggerModelOf(node.loadResource('tagger') as never);
const parser = node.parserModelOf(node.loadResource('parser') as never);
const ner = node.nerModelOf(node.loadResource('ner') as never);
const halfSpace = node.loadHalfSpaceModel();
/**
 * The methods a class's TypeScript source declares `private` (internal arrays and states as arguments, never called
 * from outside): read from the source of each class on the object's prototype chain, found by the constructor's name
 * in src/, so a private method added to a class is left out of the walk without a hand list. (A hand list missed the
 * tagger's nounAfterNumberWord: the walk called it with n = 1e99 and the suite hung.)
 */
const SOURCES: [string, string][] = readdirSync(new URL('../src/', import.meta.url), { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.ts'))
  .sort()
  .map((f) => [`src/${f}`, readFileSync(new URL(`../src/${f}`, import.meta.url), 'utf8')]);
/** [source file, the class's body] of `class name`, or undefined when src/ declares no such class */
function classSource(name: string): [string, string] | undefined {
  const decl = new RegExp(`\\n(?:export )?(?:abstract )?class ${name}\\b`);
  for (const [file, src] of SOURCES) {
    const m = decl.exec(src);
    if (!m) continue;
    const close = src.indexOf('\n}\n', m.index + 1);
    return [file, src.slice(m.index, close < 0 ? src.length : close)];
  }
  return undefined;
}
const PRIVATE_DECL = /\n\s+private (?:static )?(?:readonly )?(?:async )?(\w+)\s*[(<:=]/g;
/** the names the classes of o's prototype chain declare private */
function privateOf(o: object): string[] {
  const out = new Set<string>();
  for (let p = Object.getPrototypeOf(o) as object | null; p !== null && p !== Object.prototype; p = Object.getPrototypeOf(p) as object | null) {
    const found = classSource((p as { constructor: { name: string } }).constructor.name);
    if (found) for (const m of found[1].matchAll(PRIVATE_DECL)) out.add(m[1]!);
  }
  return [...out];
}


/**
 * The methods of what the exports make (a normalizer, a lemmatizer, a spelling checker, a formalizer, a pipeline, a
 * Doc, an AlignedText …), walked from the objects — own function fields and class methods — so a method added without
 * an argument check fails here too, with the same rule as the exports. [what, make one (fresh for each call where a
 * call changes it), valid calls of the methods whose arguments are not all strings, public methods left out]
 * (the methods the classes' sources declare private are left out too: privateOf)
 */
const MADE: [string, () => object, Record<string, [() => unknown[], string]>, string[]][] = [
  ['getNormalizer()', () => node.getNormalizer(), {}, []],
  // (lemma(word, upos, feats): a word alone, the tags optional)
  ['createLemmatizer(lemma.bin)', () => node.createLemmatizer(node.readResource('lemma.bin')), { lemmatizeSentence: [() => [doc.sentences[0]!.words], 'the words of a sentence'] }, []],
  ["createLemmatizer(lemma.bin, { scheme: 'iperudt' })", () => node.createLemmatizer(node.readResource('lemma.bin'), { scheme: 'iperudt' }), { lemmatizeSentence: [() => [doc.sentences[0]!.words], 'the words of a sentence'] }, []],
  ['getSpellChecker()', () => node.getSpellChecker(), {
    checkTokens: [() => [[{ start: 0, end: 4, text: 'کطاب', form: 'کطاب' }], 'کطاب', {}], 'tokens, their text, options'],
    nearest: [() => ['کطاب', 1], 'a word and a cost'],
    suggest: [() => ['کطاب', 3], 'a word and a count'],
    addWords: [() => [['دبیرک']], 'a list of words'],
    countWords: [() => ['سلام سلام', new Map()], 'a text and a Map'],
  }, []],
  ['getFormalizer()', () => node.getFormalizer(), { colloquialWord: [() => ['میخوام', true], 'a word and whether a clause ends after it'] }, []],
  ['createStopwords(stopwords.json)', () => stopwords, {}, []],
  ["loadResource('idf')", () => idf, {}, []],
  ["createPipeline({ components: ['tokenizer'] })", () => node.createPipeline({ components: ['tokenizer'] }), {}, []],
  ['createSentenceStream(pipeline) (fresh: push and end change it)', () => node.createSentenceStream(node.createPipeline({ components: ['tokenizer'] })), {}, []],
  ['createTextCutter() (fresh)', () => node.createTextCutter(), {}, []],
  ["new MwtSplitter(loadResource('mwt'))", () => new node.MwtSplitter(node.loadResource('mwt') as node.MwtData), {}, []],
  ["normalizeAligned('…') (an AlignedText)", () => node.normalizeAligned('سلام  دنيا ۱۲'), {
    toOriginal: [() => [0, 3], 'a range'],
    gapToOriginal: [() => [2], 'an offset'],
    fromOriginal: [() => [2], 'an offset'],
  }, []],
  // the model classes (exported: TaggerModel, ParserModel, NerModel, HalfSpaceModel), their prototype methods; the
  // private ones that take internal arrays are left out (privateOf)
  ["taggerModelOf(tagger.bin) (a TaggerModel)", () => tagger, {
    tag: [() => [['او', 'رفت'], { scheme: 'perdt' }], 'the forms of a sentence and options'],
    tagIds: [() => [['او', 'رفت'], new Uint8Array(2), ['', ''], 0, new Int32Array(2), new Int32Array(2)], 'forms, mwt flags, token forms, a scheme id and the two arrays it fills'],
    setVerbAnalysis: [() => [undefined], 'no verb analysis (the model as loaded)'],
    schemeId: [() => ['perdt'], 'a scheme'],
    uposLabel: [() => [0], 'a tag id'],
    xposOf: [() => [0], 'a rest id'],
    featsOf: [() => [0], 'a rest id'],
  }, []],
  ['parserModelOf(parser.bin) (a ParserModel)', () => parser, {
    parse: [() => [[{ form: 'او', upos: 'PRON' }, { form: 'رفت', upos: 'VERB' }], 0, 1], 'the words of a sentence, a scheme id, a beam'],
    parseBeam: [() => [[{ form: 'او', upos: 'PRON' }, { form: 'رفت', upos: 'VERB' }], 0, 2], 'the words, a scheme id, a beam width'],
  }, []],
  ['nerModelOf(ner.bin) (a NerModel)', () => ner, {
    labelIds: [() => [['علی', 'به', 'تهران', 'رفت']], 'the forms of a sentence'],
    label: [() => [['علی', 'به', 'تهران', 'رفت']], 'the same'],
  }, []],
  // (its look-ups serve the normalizer's hot path: they took no argument check, and with numbers out of range a call
  // ran for ever, formText(NaN) overflowed the stack; checked now, at no cost measurable in normalize)
  ['loadHalfSpaceModel() (a HalfSpaceModel)', () => halfSpace, {
    isInformalVerbHashed: [() => ['میرم', 0, 4, 0], 'a string, a range of it and a hash'],
    formText: [() => [0], 'a row'],
    formOf: [() => ['سلام', 0], 'a key and a row'],
    pairKey: [() => [0], 'a pair row'],
    pieceRange: [() => ['سلام', 0, 4], 'a string and a range of it'],
    pairRange: [() => ['سلام دنیا', 0, 4, 5, 9], 'a string and two ranges of it'],
    pieceRangeHashed: [() => ['سلام', 0, 4, 0], 'a string, a range of it and a hash'],
    pairRangeHashed: [() => ['سلام دنیا', 0, 4, 5, 9, 0], 'a string, two ranges of it and a hash'],
    pairConcatHashed: [() => ['سلام', 'دنیا', 0], 'two pieces and a hash'],
    attachRangeHashed: [() => ['کتابها', 3, 4, 6, 0], 'a string, a letter of it, a range of it and a hash'],
    attachRange: [() => ['کتابها', 3, 4, 6], 'a string, a letter of it and a range of it'],
  }, []],
  ['analyze(…) (a Doc)', () => doc, {}, []],
  ['a Sentence of it', () => doc.sentences[0]!, {}, []],
  ['a Token of it', () => doc.sentences[0]!.tokens[0]!, {}, []],
  ['a Word of it', () => doc.sentences[0]!.words[0]!, {}, []],
];
const FRESH = /\(fresh/;
/** serializers of a whole model, no arguments: called once, with none (a call writes the model: up to seconds each) */
const CALL_ONCE = new Set(['toBytes', 'toData']);

describe('every exported class with methods has a row above (so a new class, or a new method of one, is walked)', () => {
  /** the methods a class's prototype defines (not Object's or Error's) */
  const ownMethods = (f: unknown): string[] => {
    const proto = (f as { prototype: object }).prototype;
    return Object.getOwnPropertyNames(proto).filter((k) => k !== 'constructor' && typeof Object.getOwnPropertyDescriptor(proto, k)!.value === 'function');
  };
  const classes = exportsOf().filter(([, , f]) => isClass(f) && ownMethods(f).length > 0);
  it.each(classes.map(([entry, name, f]) => ({ entry, name, f })))('$entry: $name', ({ name, f }) => {
    const made = MADE.filter(([, make]) => make() instanceof (f as unknown as new () => object));
    expect(made.map(([what]) => what), `${name}: no row in MADE makes one`).not.toEqual([]);
    // every method of the class's prototype is walked there, but those the types keep private
    const hidden = new Set(made.flatMap(([, make, , h]) => [...h, ...privateOf(make())]));
    const walked = new Set(made.flatMap(([, make]) => methodsOf(make())));
    for (const m of ownMethods(f)) expect(walked.has(m) || hidden.has(m), `${name}.${m}`).toBe(true);
  });
  it.each([
    ['a TaggerModel', () => tagger, ['nounAfterNumberWord', 'analysis', 'restrictOf'], ['tag', 'tagIds', 'schemeId']],
    ['a ParserModel', () => parser, ['decodeGreedy', 'decodeBeam', 'classOf'], ['parse', 'parseBeam']],
    ['a NerModel', () => ner, ['labelIdsViterbi', 'vecOf'], ['label', 'labelIds']],
    ['an MwtSplitter', () => new node.MwtSplitter(node.loadResource('mwt') as node.MwtData), ['dropped', 'chainOnExact'], ['parts']],
    ['an AlignedText', () => node.normalizeAligned('سلام'), ['labelChanges'], ['toOriginal', 'fromOriginal']],
    ['a Doc (no private methods)', () => doc, [], ['toConllu', 'toJSON']],
  ] as [string, () => object, string[], string[]][])('the private methods of %s are read from its source (some named here), its public ones are not', (_what, make, priv, pub) => {
    const found = privateOf(make());
    for (const m of priv) expect(found, m).toContain(m);
    for (const m of pub) expect(found, m).not.toContain(m);
  });
});

/** the methods of an object: its own function fields and its classes' methods (not getters, not the constructor) */
function methodsOf(o: object): string[] {
  const out = new Set<string>();
  for (let p: object | null = o; p !== null && p !== Object.prototype; p = Object.getPrototypeOf(p) as object | null) {
    for (const k of Object.getOwnPropertyNames(p)) {
      const desc = Object.getOwnPropertyDescriptor(p, k)!;
      if (k !== 'constructor' && typeof desc.value === 'function') out.add(k);
    }
  }
  return [...out];
}

describe('every method of what the exports make, with arguments of the wrong kind', () => {
  it('walks methods (an object that lost its methods would walk nothing)', () => {
    expect(MADE.reduce((n, [, make]) => n + methodsOf(make()).length, 0)).toBeGreaterThan(40);
    for (const [what, make, good, hidden] of MADE) for (const m of [...Object.keys(good), ...hidden]) expect(methodsOf(make()), `${what}: no method ${m}`).toContain(m);
  });
  for (const [what, make, good, hidden] of MADE) {
    const priv = new Set(privateOf(make()));
    for (const m of methodsOf(make())) {
      if (hidden.includes(m) || priv.has(m)) continue;
      it(`${what}.${m}`, async () => {
        const shared = FRESH.test(what) ? undefined : make();
        const method = (shared ?? make()) as Record<string, (...a: unknown[]) => unknown>;
        const arity = method[m]!.length;
        // a plain function that calls the method on the object (fresh for each call where a call changes it)
        const call = (...a: unknown[]): unknown => {
          const o = (shared ?? make()) as Record<string, (...a: unknown[]) => unknown>;
          return o[m]!.apply(o, a);
        };
        Object.defineProperty(call, 'length', { value: arity });
        let args = good[m]?.[0]() ?? ['سلام دنیا.', 'سلام', 'سلام'];
        lastValue = undefined;
        let base = await outcome(call, args);
        if (!good[m] && base !== 'ok' && (await outcome(call, ['سلام دنیا.'])) === 'ok') [args, base] = [['سلام دنیا.'], 'ok'];
        if (!good[m] && base !== 'ok' && (await outcome(call, [])) === 'ok') [args, base] = [[], 'ok'];
        const baseValue = base === 'ok' ? lastValue : undefined;
        expect(base, `${m}(valid arguments)`).toMatch(/^(ok|typed )/);
        if (CALL_ONCE.has(m) && arity === 0) return;
        const wrong: string[] = [];
        const noText: string[] = [];
        for (let i = 0; i < Math.max(args.length, arity) + 1; i++) {
          for (const [label, bad] of BAD) {
            const a = [...args];
            while (a.length < i) a.push(undefined);
            a[i] = bad;
            lastValue = undefined;
            const got = await outcome(call, a);
            if (!got.startsWith('ok') && !got.startsWith('typed ')) wrong.push(`${m}, argument ${i + 1} ${label}: ${got}`);
            // a text made of no text (a look-up that answers undefined, no match, is right; undefined after the first
            // argument is an optional one left out)
            if (i < arity && typeof args[i] === 'string' && typeof bad !== 'string' && !(bad === undefined && i > 0) && typeof baseValue === 'string' && got === 'ok' && typeof lastValue === 'string') noText.push(`${m}, argument ${i + 1} ${label}: a text, not E_BAD_INPUT`);
          }
        }
        expect(wrong, 'plain errors from inside, or no answer').toEqual([]);
        expect(noText, 'a text out of no text: E_BAD_INPUT, as stem(5)').toEqual([]);
      });
    }
  }
});

describe('the methods of what the exports make: the errors the walk above found, pinned', () => {
  // [call, code (or the answer, for a call that gives one), message, reason]
  const lem = (): node.Lemmatizer => node.createLemmatizer(node.readResource('lemma.bin'));
  const aligned = (): node.AlignedText => node.normalizeAligned('سلام  دنيا');
  const rows: [() => unknown, string | number, RegExp | null, string][] = [
    [() => lem().lemma(5 as never), 'E_BAD_INPUT', /lemma expects a string, got number/, 'was "form.indexOf is not a function" (lemmatize(5) of dabir threw E_BAD_INPUT already)'],
    [() => lem().lemma(null as never, 'NOUN'), 'E_BAD_INPUT', /lemma expects a string, got null/, "was \"Cannot read properties of null (reading 'indexOf')\""],
    [() => lem().lemma('کتاب', 5 as never), 'E_BAD_OPTION', /option "upos" cannot be 5/, 'a tag that is no string was compared as it came'],
    [() => lem().lemmatizeSentence(null as never), 'E_BAD_INPUT', /lemmatizeSentence expects a list of words, got null/, "was \"Cannot read properties of null (reading 'length')\""],
    [() => lem().lemmatizeSentence([{}] as never), 'E_BAD_INPUT', /got a word whose form is undefined/, 'a word without a form was a TypeError deeper in'],
    [() => lem().lemmatizeSentence([{ form: 'کتاب‌ها', upos: null }] as never)[0], 'کتاب', null, 'null tags (a word read from JSON) are no tags, as the unchecked lemmatizer read them'],
    [() => node.getSpellChecker().fix(5 as never), 'E_BAD_INPUT', /fix expects a string, got number/, "gave '': a text made of no text (fixSpelling(5) threw already)"],
    [() => node.getSpellChecker().check(5 as never).length, 0, null, 'a finder: no issues in no text, as checkSpelling(5)'],
    [() => node.getSpellChecker().checkTokens(null as never, 'x'), 'E_BAD_INPUT', /checkTokens expects a list of tokens, got null/, "was \"Cannot read properties of null (reading 'map')\""],
    [() => node.getSpellChecker().checkTokens([{ start: 0, end: 1 }] as never, 'x'), 'E_BAD_INPUT', /got a token without a whole start and end, a text and a form in it/, 'a token without its text was a TypeError deeper in'],
    [() => node.getSpellChecker().checkTokens([], 5 as never), 'E_BAD_INPUT', /checkTokens expects a string, got number \(pass the source text as a string\)/, 'was "tokens.map is not a function" for some, garbage offsets for others'],
    [() => node.getSpellChecker().nearest('کطاب', Symbol('c') as never), 'E_BAD_OPTION', /option "maxCost" cannot be Symbol\(c\)/, 'was "Cannot convert a Symbol value to a number"'],
    [() => node.getSpellChecker().nearest('کطاب', undefined as never), 'E_BAD_OPTION', /option "maxCost" cannot be undefined \(give a number of 0 or more/, 'found nothing, silently'],
    [() => node.getSpellChecker().countWords('سلام', {} as never), 'E_BAD_INPUT', /countWords expects a Map to count into, got an object of other fields/, 'was "into.get is not a function"'],
    [() => node.getFormalizer().formalizeAligned(null as never), 'E_BAD_INPUT', /formalizeAligned expects a string, got null \(pass the text \(or an AlignedText\) as a string\)/, "was \"Cannot read properties of null (reading 'text')\""],
    [() => node.getFormalizer().formalizeAligned(5 as never), 'E_BAD_INPUT', /got number/, 'a TypeError deeper in'],
    [() => node.getFormalizer().formalizeAligned(aligned()).text, 'سلام دنیا', null, 'an AlignedText is taken, as typed'],
    [() => aligned().gapToOriginal(Symbol('i') as never), 'E_BAD_OPTION', /gapToOriginal expects a whole offset, got Symbol\(i\)/, 'was "Cannot convert a Symbol value to a number" (toOriginal checked its offsets already)'],
    [() => aligned().gapToOriginal(null as never), 'E_BAD_OPTION', /got null/, 'gave 0, as if 0 were asked'],
    [() => aligned().gapToOriginal(-1), 0, null, 'an offset before the text is taken at its start, as toOriginal takes it (gave undefined)'],
    [() => aligned().fromOriginal(Number.NaN), 'E_BAD_OPTION', /fromOriginal expects a whole offset, got NaN/, 'gave 0'],
    [() => aligned().fromOriginal(100), 9, null, 'an offset after the text: its end, as before'],
    [() => node.createTextCutter().push(null as never), 'E_BAD_INPUT', /push expects a string, got null/, 'buffered "null" into the text (the sentence stream\'s push threw already)'],
    // the model classes' methods (the walk of their prototypes found these)
    [() => tagger.tag(null as never), 'E_BAD_INPUT', /TaggerModel.tag expects a list of word forms, got null/, "was \"Cannot read properties of null (reading 'length')\""],
    [() => tagger.tag(['او', 5] as never), 'E_BAD_INPUT', /TaggerModel.tag expects a list of word forms, got 5 in it/, 'was "f.lastIndexOf is not a function"'],
    [() => tagger.tag(['او'], null as never), 'E_BAD_OPTION', /option "options" cannot be null/, "was \"Cannot read properties of null (reading 'scheme')\""],
    [() => tagger.tagIds(['او'], new Uint8Array(1), [''], 99, new Int32Array(1), new Int32Array(1)), 'E_BAD_OPTION', /TaggerModel.tagIds expects a scheme id from 0 to \d+, got 99/, "was \"Cannot read properties of undefined (reading 'get')\""],
    [() => tagger.tagIds(['او', 'رفت'], new Uint8Array(2), ['', ''], 0, new Int32Array(1), new Int32Array(2)), 'E_BAD_INPUT', /expects upos, an Int32Array of 2 or more/, 'a short array was written past its end (typed arrays drop such writes: tags lost silently)'],
    [() => tagger.xposOf(Symbol('r') as never), 'E_BAD_OPTION', /TaggerModel.xposOf expects a label id, got symbol/, 'was "Cannot convert a Symbol value to a number"'],
    [() => tagger.xposOf(1e9), undefined as never, null, 'an id out of range is a look-up without a match'],
    [() => parser.parse(5 as never), 'E_BAD_INPUT', /ParserModel.parse expects a list of words/, 'was RangeError "Invalid array length"'],
    [() => parser.parse([{ form: 5 }] as never), 'E_BAD_INPUT', /got a word whose form is number/, 'a form that is no string was read as one deeper in'],
    [() => parser.parseBeam([{ form: 'او' }], 0, 5n as never), 'E_BAD_OPTION', /ParserModel.parseBeam expects a beam width \(k\), got bigint/, 'was "Cannot convert a BigInt value to a number"'],
    [() => ner.label('علی' as never), 'E_BAD_INPUT', /NerModel.label expects a list of word forms, got string/, 'was "words.map is not a function"'],
    [() => ner.facts(null as never), 'E_BAD_INPUT', /facts expects a string, got null/, "was \"Cannot read properties of null (reading 'length')\""],
    [() => halfSpace.pieceRange('سلام', 0, 1e99), 'E_BAD_OPTION', /HalfSpaceModel.pieceRange expects a string and a range of it, got 0, 1e\+99/, 'ran for ever (a loop over the key to its end)'],
    [() => halfSpace.formText(Number.NaN), 'E_BAD_OPTION', /HalfSpaceModel.formText expects a row of the forms \(0 to \d+\), got NaN/, 'was RangeError "Maximum call stack size exceeded"'],
    [() => halfSpace.piece(null as never), 'E_BAD_INPUT', /HalfSpaceModel.piece expects a piece \(a string\), got null/, "was \"Cannot read properties of null (reading 'length')\""],
    [() => (halfSpace.pieceRange('سلام', 0, 4) >= -1 ? 1 : 0), 1, null, 'a range inside the string is a look-up (a row or -1)'],
    [() => new node.MwtSplitter(node.loadResource('mwt') as node.MwtData).parts(null as never), 'E_BAD_INPUT', /parts expects a string, got null \(pass the word as a string\)/, "was \"Cannot read properties of null (reading 'length')\""],
  ];
  for (const [call, want, message, why] of rows) {
    it(`${String(want)}: ${why}`, () => {
      if (message === null) return expect(call()).toBe(want);
      try {
        call();
      } catch (e) {
        expect(e).toBeInstanceOf(DabirError);
        expect((e as InstanceType<typeof DabirError>).code).toBe(want);
        expect((e as Error).message).toMatch(message);
        return;
      }
      throw new Error(`no error: ${why}`);
    });
  }
});
