/**
 * Pipeline scheme 'auto': each paragraph (line) is analysed with PerDT's conventions or, when it reads as colloquial
 * (detectRegister), with iPerUDT's tokens and tags (PerDT's lemmas throughout).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPipeline as createCorePipeline } from '../src/core/pipeline.js';
import { createPipeline, createSentenceStream, DabirError } from '../src/node/index.js';

const COMPONENTS = ['normalizer', 'tokenizer', 'tagger', 'lemmatizer'];
const auto = createPipeline({ components: COMPONENTS, scheme: 'auto' });
const formal = createPipeline({ components: COMPONENTS, scheme: 'perdt' });
const informal = createPipeline({
  components: COMPONENTS,
  options: { tokenizer: { scheme: 'iperudt' }, tagger: { scheme: 'iperudt' }, lemmatizer: { scheme: 'iperudt', verbLemma: 'past' } },
});

const FORMAL = 'رئیس‌جمهور در سفر به استان‌های جنوبی گفت: «ما به مردم خدمت می‌کنیم».';
const CHAT = 'اونا میخوان بیان خونمون ولی ما خونه نیستیم.';

const words = (d: { words: { form: string; upos?: string; lemma?: string }[] }): string[] => d.words.map((w) => `${w.form}/${w.upos}/${w.lemma}`);

describe("scheme 'auto'", () => {
  it('a formal text is analysed exactly as by the PerDT pipeline', () => {
    const text = `${FORMAL}\n${FORMAL}\n`;
    expect(auto.process(text).toConllu()).toBe(formal.process(text).toConllu());
  });

  it("a colloquial text gets iPerUDT's clitic splits, tags and lemmas, verbs as past stems (PerDT's convention)", () => {
    const d = auto.process(CHAT);
    expect(d.toConllu()).toBe(informal.process(CHAT).toConllu());
    expect(d.words.map((w) => w.form)).toContain('مون'); // خونمون = خون + مون (the formal tokenizer keeps it whole)
    expect(formal.process(CHAT).words.map((w) => w.form)).toContain('خونمون');
    expect(d.words.every((w) => !w.lemma?.includes('#'))).toBe(true); // no past#present lemmas
    expect(words(d)).toContain('خون/NOUN/خانه'); // iPerUDT's lemma of the colloquial خون(ه)
  });

  it("a short chat line without a marker is colloquial by the formalizer's strong readings (option colloquial)", () => {
    const line = 'روحم رو به محصولات می‌تونم بفروشم';
    // no marker of detectRegister's (رو before به, not before a verb): with the markers alone (colloquial: false) the
    // line is formal
    const markersOnly = createPipeline({ components: COMPONENTS, scheme: 'auto', colloquial: false });
    expect(markersOnly.process(line).toConllu()).toBe(formal.process(line).toConllu());
    // the formalizer reads رو (را) and می‌تونم (می‌توانم): the line is chat
    expect(auto.process(line).toConllu()).toBe(informal.process(line).toConllu());
    // a word test of one's own
    const mine = createPipeline({ components: COMPONENTS, scheme: 'auto', colloquial: (w) => w === 'بفروشم' });
    expect(mine.process(line).toConllu()).toBe(informal.process(line).toConllu());
    // and a long formal line is not read word by word
    expect(auto.process(FORMAL).toConllu()).toBe(formal.process(FORMAL).toConllu());
  });

  it('a mixed text: each line by its register, offsets into the whole input, ids in order', () => {
    const text = `${FORMAL}\n${CHAT}\n\n${FORMAL}`;
    const d = auto.process(text);
    expect(d.text).toBe(text);
    expect(d.sentences.map((s) => s.id)).toEqual(['1', '2', '3']);
    for (const s of d.sentences) {
      expect(text.slice(s.start, s.end)).toBe(s.text);
      for (const t of s.tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    }
    expect(words({ words: d.sentences[0]!.words })).toEqual(words(formal.process(FORMAL)));
    expect(words({ words: d.sentences[1]!.words })).toEqual(words(informal.process(CHAT)));
    expect(words({ words: d.sentences[2]!.words })).toEqual(words(formal.process(FORMAL)));
  });

  it('streamed in any chunks, the same as the whole text', () => {
    const text = `${FORMAL}\n${CHAT}\n${FORMAL} ${FORMAL}\nیه سوال دارم.\n`;
    const whole = auto.process(text).sentences.map((s) => `${s.id}:${s.start}:${s.end}:${s.words.map((w) => w.form + '/' + w.upos).join(' ')}`);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: text.length }), { maxLength: 6 }), (cuts) => {
        const at = [...new Set(cuts)].sort((a, b) => a - b);
        const st = createSentenceStream(auto);
        const got = [];
        let from = 0;
        for (const c of [...at, text.length]) {
          got.push(...st.push(text.slice(from, c)));
          from = c;
        }
        got.push(...st.end());
        expect(got.map((s) => `${s.id}:${s.start}:${s.end}:${s.words.map((w) => w.form + '/' + w.upos).join(' ')}`)).toEqual(whole);
      }),
      { numRuns: 40 },
    );
  });

  it('annotate (gold tokens): sentence by sentence in a formal document, every sentence of a colloquial one', () => {
    const blank = (d: ReturnType<typeof auto.process>): typeof d => {
      for (const w of d.words) w.upos = w.lemma = w.xpos = w.feats = undefined;
      return d;
    };
    // mostly formal: the chat sentence is annotated as chat, the formal ones as PerDT
    const mixed = auto.annotate(blank(informal.process(`${FORMAL}\n${FORMAL}\n${FORMAL}\n${FORMAL}\n${CHAT}`)));
    expect(words({ words: mixed.sentences[4]!.words })).toEqual(words(informal.process(CHAT)));
    expect(words({ words: mixed.sentences[0]!.words })).toEqual(words(formal.annotate(blank(informal.process(FORMAL)))));
    expect(mixed.words.every((w) => w.upos !== undefined && w.lemma !== undefined)).toBe(true);
    // dense with colloquial markers: a sentence without any is annotated as chat too
    const plain = 'کتاب را خواندم.';
    const chat = auto.annotate(blank(informal.process(`${CHAT}\n${plain}`)));
    expect(words({ words: chat.sentences[1]!.words })).toEqual(words(informal.process(plain)));
  });

  it('entities keep offsets into the whole input and their sentence index', () => {
    const p = createPipeline({ components: ['normalizer', 'tokenizer', 'ner'], scheme: 'auto' });
    const text = `${CHAT}\nدیروز در تهران باران آمد.`;
    const d = p.process(text);
    for (const e of d.entities ?? []) {
      expect(text.slice(e.start, e.end)).toBe(e.text);
      expect(d.sentences[e.sentence]!.start).toBeLessThanOrEqual(e.start);
    }
    expect((d.entities ?? []).some((e) => e.text === 'تهران')).toBe(true);
  });

  it("a missing resource of the informal side is reported when the pipeline is built, not on the first chat line", () => {
    expect(() => createCorePipeline({ components: ['tokenizer'], resources: {}, scheme: 'auto' })).toThrow(/E_RESOURCE_MISSING.*mwtInformal/);
    expect(() => createCorePipeline({ components: ['tokenizer'], resources: {}, scheme: 'perdt' })).not.toThrow();
  });

  it('any mix of lines never throws, keeps the text, and its offsets slice back', () => {
    const piece = fc.constantFrom('یه', 'اون', 'میکنه', 'کتاب', 'خونمون', 'رفت', '.', '،', ' ', '\n', '\n\n', 'abc', '😀', '\u200c', '\ud800', '۱۲', 'https://x.ir');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        const d = auto.process(text);
        expect(d.text).toBe(text);
        let last = -1;
        for (const s of d.sentences) {
          for (const t of s.tokens) {
            expect(text.slice(t.start, t.end)).toBe(t.text);
            expect(t.start).toBeGreaterThanOrEqual(last);
            last = t.end;
          }
        }
        expect(d.sentences.map((s) => s.id)).toEqual(d.sentences.map((_, i) => String(i + 1)));
      }),
      { numRuns: 300 },
    );
  });

  it("the parser follows the pipeline's scheme, not a guess from the tags (iPerUDT's tags are Seraji's)", () => {
    // (left to 'auto', the parser read an informal sentence without a PROPN as Seraji's: iPerUDT dev LAS 66.88 with
    // gold tokens, 72.92 with the scheme passed on)
    const PARSE = [...COMPONENTS, 'parser'];
    const trees = (d: ReturnType<typeof auto.process>): string[] => d.words.map((w) => `${w.form}:${w.head}:${w.deprel}`);
    const chat = createPipeline({ components: PARSE, scheme: 'iperudt' }).process(CHAT);
    expect(chat.words.some((w) => w.upos === 'PROPN')).toBe(false); // the sentence the guess got wrong
    const base = { tokenizer: { scheme: 'iperudt' }, tagger: { scheme: 'iperudt' }, lemmatizer: { scheme: 'iperudt' } };
    const explicit = createPipeline({ components: PARSE, options: { ...base, parser: { scheme: 'iperudt' } } }).process(CHAT);
    const asSeraji = createPipeline({ components: PARSE, options: { ...base, parser: { scheme: 'seraji' } } }).process(CHAT);
    expect(trees(chat)).toEqual(trees(explicit));
    expect(trees(explicit)).not.toEqual(trees(asSeraji)); // (so the test can tell the two apart)
    // options given by hand: the parser takes the tagger's scheme unless given its own
    expect(trees(createPipeline({ components: PARSE, options: base }).process(CHAT))).toEqual(trees(explicit));
    expect(trees(createPipeline({ components: PARSE, options: { ...base, parser: { scheme: 'seraji' } } }).process(CHAT))).toEqual(trees(asSeraji));
    // scheme 'auto': a colloquial line is parsed as iPerUDT, a formal one as PerDT
    const autoParse = createPipeline({ components: PARSE, scheme: 'auto' }).process(`${FORMAL}\n${CHAT}`);
    const perdt = createPipeline({ components: PARSE, scheme: 'perdt' }).process(FORMAL);
    expect(trees({ ...autoParse, words: autoParse.sentences[0]!.words } as typeof autoParse)).toEqual(trees(perdt));
    const chatPast = createPipeline({ components: PARSE, options: { ...base, lemmatizer: { scheme: 'iperudt', verbLemma: 'past' }, parser: { scheme: 'iperudt' } } }).process(CHAT);
    expect(trees({ ...autoParse, words: autoParse.sentences[1]!.words } as typeof autoParse)).toEqual(trees(chatPast));
  });

  it('the lemmatizer checks its verbLemma option', () => {
    expect(() => createPipeline({ components: ['tokenizer', 'lemmatizer'], options: { lemmatizer: { verbLemma: 'stem' } } })).toThrow(/E_BAD_OPTION/);
  });

  it('an unknown scheme is E_BAD_OPTION', () => {
    expect(() => createPipeline({ components: COMPONENTS, scheme: 'chat' as 'auto' })).toThrow(DabirError);
    expect(() => createPipeline({ components: COMPONENTS, scheme: 'chat' as 'auto' })).toThrow(/E_BAD_OPTION/);
  });
});
