/**
 * Every exported function and class of the public entry points (`dabir`, `dabir/core`, `dabir/browser`), walked from
 * the modules' exports — so an export added without an argument check fails here — with arguments of the wrong kind
 * in each place: null, undefined, a number, NaN, a string, a list, an object of other fields, a symbol, a bigint.
 * Each call must either give a result (the predicates, finders and look-ups answer as for no match: their results
 * are pinned in quick-api.test.ts and the modules' own tests) or throw a DabirError with a code of CODES — never a
 * plain TypeError or RangeError from inside, and never hang. A function whose arguments are not all strings has a
 * valid call in GOOD, so that a bad value is tried in each place with good values around it.
 */
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
