import { describe, expect, it } from 'vitest';
import { Doc, Sentence, Token, Word } from '../doc.js';
import { createStopwords } from '../stopwords.js';
import { createIdf, keywordsOf } from './index.js';

/** a one-sentence Doc from [form, lemma, upos, head, deprel] words, one token each, separated by spaces */
function docOf(words: [string, string, string, number, string][]): Doc {
  let text = '';
  const tokens: Token[] = [];
  words.forEach(([form, lemma, upos, head, deprel], i) => {
    if (i) text += ' ';
    const w = new Word(i + 1, { form, lemma, upos, head, deprel });
    tokens.push(new Token(text.length, text.length + form.length, form, form, [w], true));
    text += form;
  });
  return new Doc(text, [new Sentence(0, text.length, text, tokens, '1')]);
}

const idf = createIdf({ meta: { format: 1, documents: 1000 }, df: { بانک: 50, مرکزی: 40, نرخ: 30, ارز: 20, امروز: 400 } });
const stop = createStopwords({ meta: { format: 1 }, words: ['را', 'در', 'امروز'], content: [] });

describe('keywordsOf', () => {
  it('noun phrases held together by the parse; a function-word stopword breaks nothing it is not part of', () => {
    const d = docOf([
      ['بانک', 'بانک', 'NOUN', 5, 'nsubj'],
      ['مرکزی', 'مرکزی', 'ADJ', 1, 'amod'],
      ['نرخ', 'نرخ', 'NOUN', 5, 'obj'],
      ['ارز', 'ارز', 'NOUN', 3, 'nmod'],
      ['اعلام', 'اعلام', 'NOUN', 6, 'compound:lvc'],
      ['کرد', 'کرد', 'VERB', 0, 'root'],
    ]);
    const k = keywordsOf(d, idf, stop, { n: 5 });
    // مرکزی + نرخ are adjacent but not linked; اعلام is the nominal part of a light verb
    // (نرخ ارز first: its words are rarer in the reference text)
    expect(k.map((x) => x.key)).toEqual(['نرخ ارز', 'بانک مرکزی']);
    expect(k[0]!.score).toBe(1);
    expect(k[1]!.score).toBeLessThan(1);
    expect(k.map((x) => x.phrase)).toEqual(['نرخ ارز', 'بانک مرکزی']);
  });
  it('no keyword phrase crosses a tab or a run of spaces (a poem\'s hemistichs, a table\'s cells): بانک <tab> مرکزی are two', () => {
    // (apart, مرکزی is an adjective alone: no keyword, بانک is)
    for (const [gap, want] of [['\t', ['بانک']], ['   ', ['بانک']], [' ', ['بانک مرکزی']]] as const) {
      const text = 'بانک' + gap + 'مرکزی';
      const w1 = new Word(1, { form: 'بانک', lemma: 'بانک', upos: 'NOUN', head: 0, deprel: 'root' });
      const w2 = new Word(2, { form: 'مرکزی', lemma: 'مرکزی', upos: 'ADJ', head: 1, deprel: 'amod' });
      const s2 = 4 + gap.length;
      const d = new Doc(text, [new Sentence(0, text.length, text, [new Token(0, 4, 'بانک', 'بانک', [w1], true), new Token(s2, s2 + 5, 'مرکزی', 'مرکزی', [w2], true)], '1')]);
      expect(keywordsOf(d, idf, stop, { n: 1 }).map((x) => x.key), JSON.stringify(gap)).toEqual(want.slice(0, 1));
    }
  });
  // [words, keys that must be candidates, keys that must not, reason]
  const pieces: [[string, string, string, number, string][], string[], string[], string][] = [
    [
      [['دیوان', 'دیوان', 'PROPN', 4, 'nsubj'], ['عالی', 'عالی', 'PROPN', 1, 'flat:name'], ['کشور', 'کشور', 'NOUN', 1, 'nmod'], ['گفت', 'گفت', 'VERB', 0, 'root']],
      ['دیوان عالی کشور'], ['عالی کشور'],
      'a word hung on an earlier word of the run (کشور on دیوان, past عالی) goes on with it (the run was cut before کشور); عالی کشور is no piece of the tree',
    ],
    [
      [['نیروهای', 'نیرو', 'NOUN', 5, 'nsubj'], ['نظامی', 'نظامی', 'ADJ', 1, 'amod'], ['نخبه', 'نخبه', 'ADJ', 1, 'amod'], ['سوریه', 'سوریه', 'PROPN', 1, 'nmod'], ['رسیدند', 'رسید', 'VERB', 0, 'root']],
      ['نیرو نظامی نخبه', 'نیرو'], ['نظامی نخبه سوریه', 'نظامی نخبه'],
      'a stretch of the run that is no connected piece of the parse is no phrase (نظامی نخبهٔ سوریه was a keyword)',
    ],
    [
      [['دکتر', 'دکتر', 'PROPN', 5, 'nsubj'], ['ع.', 'ع.', 'PROPN', 1, 'flat:name'], ['ا.', 'ا.', 'PROPN', 1, 'flat:name'], ['رضایی', 'رضایی', 'PROPN', 1, 'flat:name'], ['گفت', 'گفت', 'VERB', 0, 'root']],
      ['دکتر ع. ا. رضایی'], ['دکتر ع. ا.', 'دکتر ع.', 'ع.', 'ع. ا.'],
      'an initial is part of the name after it: no phrase ends with one, and initials do not count among maxWords (the keyword was دکتر ع. ا., the surname left out)',
    ],
  ];
  it.each(pieces)('%j: %j are candidates, %j not (%s)', (words, want, never) => {
    const keys = keywordsOf(docOf(words), idf, stop, { n: 100 }).map((x) => x.key);
    const all = new Set<string>();
    // (a key taken hides the keys that share a term with it: one at a time, with n large and each on its own)
    for (const k of want) expect(keys.includes(k) || keywordsOf(docOf(words), idf, stop, { n: 100, maxWords: k.split(' ').length }).some((x) => x.key === k)).toBe(true);
    for (const m of [1, 2, 3]) for (const x of keywordsOf(docOf(words), idf, stop, { n: 100, maxWords: m })) all.add(x.key);
    for (const k of never) expect(all.has(k)).toBe(false);
  });
  it.each([
    ['an adjective alone — a predicate (کتاب تازه است) — is no keyword: تازه, خوشحال had been the first keywords of a review', [['کتاب', 'کتاب', 'NOUN', 3, 'nsubj'], ['تازه', 'تازه', 'ADJ', 0, 'root'], ['است', 'است', 'AUX', 2, 'cop']], ['کتاب']],
    ['two adjectives linked (تازه و مهم as one run) are no keyword either', [['تازه', 'تازه', 'ADJ', 0, 'root'], ['خوشحال', 'خوشحال', 'ADJ', 1, 'amod']], []],
    ['the noun with its adjective is one (خبر تازه), and the noun alone a candidate', [['خبر', 'خبر', 'NOUN', 0, 'root'], ['تازه', 'تازه', 'ADJ', 1, 'amod']], ['خبر تازه']],
    ['a name (PROPN) alone is a keyword', [['تهران', 'تهران', 'PROPN', 0, 'root']], ['تهران']],
  ] as [string, [string, string, string, number, string][], string[]][])('%s', (_why, words, want) => {
    expect(keywordsOf(docOf(words), idf, stop, { n: 5 }).map((x) => x.key)).toEqual(want);
    // (nor as a word of its own when phrases are one word at most)
    for (const k of keywordsOf(docOf(words), idf, stop, { n: 5, maxWords: 1 })) expect(['تازه', 'خوشحال']).not.toContain(k.key);
  });
  it('options: n and maxWords; bad values throw E_BAD_OPTION', () => {
    const d = docOf([
      ['بانک', 'بانک', 'NOUN', 0, 'root'],
      ['مرکزی', 'مرکزی', 'ADJ', 1, 'amod'],
    ]);
    // (one word at most: بانک; مرکزی alone is an adjective, no keyword)
    expect(keywordsOf(d, idf, stop, { maxWords: 1 }).map((x) => x.key)).toEqual(['بانک']);
    expect(keywordsOf(d, idf, stop, { n: 1 }).map((x) => x.key)).toEqual(['بانک مرکزی']);
    expect(keywordsOf(d, idf, stop, { n: 0 })).toEqual([]);
    expect(() => keywordsOf(d, idf, stop, { n: -1 })).toThrowError(expect.objectContaining({ code: 'E_BAD_OPTION' }) as Error);
    expect(() => keywordsOf(d, idf, stop, { maxWords: 0 })).toThrowError(expect.objectContaining({ code: 'E_BAD_OPTION' }) as Error);
  });
  it('a stopword the treebanks tag as content (مهم) is part of a phrase, never a keyword alone; an adjective used as an adverb (بیش از) is none', () => {
    const withContent = createStopwords({ meta: { format: 1 }, words: ['را', 'مهم', 'بیش'], content: ['مهم', 'بیش'] });
    const d = docOf([
      ['بیش', 'بیش', 'ADJ', 5, 'advmod'],
      ['از', 'از', 'ADP', 1, 'fixed'],
      ['نرخ', 'نرخ', 'NOUN', 5, 'nsubj'],
      ['مهم', 'مهم', 'ADJ', 3, 'amod'],
      ['بود', 'بود', 'AUX', 0, 'root'],
      ['مهم', 'مهم', 'ADJ', 5, 'xcomp'],
    ]);
    const keys = keywordsOf(d, idf, withContent, { n: 10 }).map((x) => x.key);
    expect(keys).toContain('نرخ مهم');
    expect(keys).not.toContain('مهم');
    expect(keys).not.toContain('بیش');
  });
  it('the noun of a compound preposition (به خاطر, به عنوان) is no keyword where it stands after its preposition, and breaks a run; elsewhere it is one', () => {
    const withAfter = createStopwords({ meta: { format: 1 }, words: ['به', 'را'], afterPreposition: ['به خاطر', 'به عنوان'] });
    const d = docOf([
      ['به', 'به', 'ADP', 2, 'case'],
      ['خاطر', 'خاطر', 'NOUN', 5, 'obl'],
      ['تورم', 'تورم', 'NOUN', 2, 'nmod'],
      ['خاطر', 'خاطر', 'NOUN', 5, 'obj'],
      ['آمد', 'آمد', 'VERB', 0, 'root'],
    ]);
    const keys = keywordsOf(d, idf, withAfter, { n: 10 }).map((x) => x.key);
    expect(keys).toContain('تورم');
    expect(keys).not.toContain('خاطر تورم');
    // the second خاطر follows تورم, not a preposition: a keyword (its count is 1, the first one not counted)
    expect(keywordsOf(d, idf, withAfter, { n: 10, maxWords: 1 }).find((x) => x.key === 'خاطر')?.count).toBe(1);
    // written as one word (بخاطر, به‌خاطر) it is no keyword either, and breaks the run
    const glued = docOf([
      ['بخاطر', 'بخاطر', 'NOUN', 2, 'obl'],
      ['تورم', 'تورم', 'NOUN', 0, 'root'],
    ]);
    expect(keywordsOf(glued, idf, withAfter, { n: 10 }).map((x) => x.key)).toEqual(['تورم']);
  });
  it('a hashtag is a keyword of its own, keyed by its words (an underscore a space) like the same words in prose', () => {
    const rows: [string, [string, string, string, number, string][], string[], string][] = [
      ['a post of hashtags alone had no keyword (the tagger writes them X)', [['#بانک_مرکزی', '#بانک_مرکزی', 'X', 0, 'root'], ['#نرخ', '#نرخ', 'X', 1, 'dep']], ['بانک مرکزی', 'نرخ'], 'بانک مرکزی|نرخ'],
      ['the hashtag and the prose word are one key: counted twice', [['نرخ', 'نرخ', 'NOUN', 0, 'root'], ['#نرخ', '#نرخ', 'X', 1, 'dep']], ['نرخ'], 'نرخ'],
      ['a one-word hashtag takes the lemma the lemmatizer gave it, without its #', [['#نرخها', '#نرخ', 'X', 0, 'root']], ['نرخ'], 'نرخ'],
      ['a hashtag of words takes the lemma of each word the lemmatizer gave it (#کتاب‌های_خوب → #کتاب_خوب): one key with prose کتاب خوب, not the raw کتابهای خوب', [['#کتاب‌های_خوب', '#کتاب_خوب', 'X', 0, 'root'], ['کتاب', 'کتاب', 'NOUN', 1, 'dep'], ['خوب', 'خوب', 'ADJ', 2, 'amod']], ['کتاب خوب'], 'کتاب خوب'],
      ['a hashtag of more words than maxWords (3) is a sentence typed as a tag, no keyword of its own: runs of its words that are no function word, at their places', [['#بانک_مرکزی_نرخ_را_در_ارز_امروز', '#بانک_مرکزی_نرخ_را_در_ارز_امروز', 'X', 0, 'root']], ['بانک مرکزی نرخ', 'ارز'], 'بانک مرکزی نرخ|ارز'],
      ['a hashtag breaks a run of content words: بانک and مرکزی are not one phrase across it (and مرکزی alone, an adjective, is no keyword)', [['بانک', 'بانک', 'NOUN', 0, 'root'], ['#ارز', '#ارز', 'X', 1, 'dep'], ['مرکزی', 'مرکزی', 'ADJ', 1, 'amod']], ['ارز', 'بانک'], 'ارز|بانک'],
      ['no letters (#۱۴۰۳), a function word (#در) or # alone: none', [['#۱۴۰۳', '#۱۴۰۳', 'X', 0, 'root'], ['#در', '#در', 'X', 1, 'dep'], ['#', '#', 'PUNCT', 1, 'punct']], [], ''],
      ['an underscore stands for a ZWNJ too: #طبیعت_گردی where the text has طبیعت‌گردی is that word, one keyword (it was listed twice)', [['طبیعت‌گردی', 'طبیعت‌گردی', 'NOUN', 0, 'root'], ['#طبیعت_گردی', '#طبیعت_گردی', 'X', 1, 'dep']], ['طبیعتگردی'], 'طبیعت‌گردی'],
      ['a colour\'s hex code (#ff0000, #fff) or a hashtag of function words alone (#در_را) is none (#fff was the keyword fff)', [['#ff0000', '#ff0000', 'X', 0, 'root'], ['#fff', '#fff', 'X', 1, 'dep'], ['#در_را', '#در_را', 'X', 1, 'dep']], [], ''],
    ];
    for (const [why, words, keys, lemmas] of rows) {
      const k = keywordsOf(docOf(words), idf, stop, { n: 5 });
      expect(k.map((x) => x.key), why).toEqual(keys);
      expect(k.map((x) => x.lemma).join('|'), why).toBe(lemmas);
    }
    const both = keywordsOf(docOf([['نرخ', 'نرخ', 'NOUN', 0, 'root'], ['#نرخ', '#نرخ', 'X', 1, 'dep']]), idf, stop);
    expect(both[0]!.count).toBe(2);
    expect(both[0]!.phrase).toBe('نرخ');
    // the words of a long hashtag keep their own places in the text (offsets of each word, not the whole tag)
    const long = keywordsOf(docOf([['#بانک_مرکزی_نرخ_را_در_ارز', '#بانک_مرکزی_نرخ_را_در_ارز', 'X', 0, 'root']]), idf, stop, { maxWords: 2 });
    // (#بانک_مرکزی_نرخ_را_در_ارز: بانک 1–5, مرکزی 6–11, نرخ 12–15, ارز 22–25; مرکزی نرخ first, its words the rarer)
    expect(long.map((x) => [x.key, x.phrase, x.form, x.spans])).toEqual([
      ['مرکزی نرخ', 'مرکزی_نرخ', 'مرکزی نرخ', [{ start: 6, end: 15 }]],
      ['ارز', 'ارز', 'ارز', [{ start: 22, end: 25 }]],
      ['بانک', 'بانک', 'بانک', [{ start: 1, end: 5 }]],
    ]);
    const zwnj = keywordsOf(docOf([['#طبیعت_گردی', '#طبیعت_گردی', 'X', 0, 'root'], ['طبیعت‌گردی', 'طبیعت‌گردی', 'NOUN', 0, 'root']]), idf, stop);
    expect([zwnj[0]!.count, zwnj[0]!.spans.map((x) => x.start)]).toEqual([2, [0, 12]]);
  });
  it('a hashtag with a verb is a sentence typed as a tag: read as prose, its verbs no keyword (isVerb)', () => {
    // (a stub of createHashtagVerbTest: these forms are verbs)
    // (the lemma data's test says so of نوردی, خوانی, کنی, بخوانی too: a present stem + ی is a verb's 2nd person)
    const isVerb = (w: string): boolean => ['برگردم', 'می‌خواهم', 'رفتم', 'بخوانید', 'نوردی', 'خوانی', 'کنی', 'بخوانی'].includes(w);
    const rows: [string, [string, string, string, number, string][], string[], string][] = [
      ['a clause of verbs alone is no keyword (#می‌خواهم_برگردم was one, lemma خواست گشت)', [['#می‌خواهم_برگردم', '#خواست_گشت', 'X', 0, 'root']], [], ''],
      ['a verb and a noun: the noun at its place (#رفتم_کوه was the keyword رفتم کوه)', [['#رفتم_ارز', '#رفتم_ارز', 'X', 0, 'root']], ['ارز'], 'ارز'],
      ['a verb breaks the run of the words around it', [['#بانک_مرکزی_بخوانید_نرخ', '#بانک_مرکزی_خواند_نرخ', 'X', 0, 'root']], ['بانک مرکزی', 'نرخ'], 'بانک مرکزی|نرخ'],
      ['trap: a hashtag of nouns stays a keyword whole', [['#بانک_مرکزی', '#بانک_مرکزی', 'X', 0, 'root']], ['بانک مرکزی'], 'بانک مرکزی'],
      ['a present stem + ی after a noun is a compound noun\'s second half, with its own lemma (#ارز_نوردی was the keyword ارز, lemma of the rest نورد)', [['#ارز_نوردی', '#ارز_نورد', 'X', 0, 'root']], ['ارز نوردی'], 'ارز نوردی'],
      ['trap: a light verb\'s 2nd person after a noun is a compound verb (#زندگی_کنی): read as a clause', [['#ارز_کنی', '#ارز_کرد', 'X', 0, 'root']], ['ارز'], 'ارز'],
      ['trap: a prefixed form is a verb (#ارز_بخوانی)', [['#ارز_بخوانی', '#ارز_خواند', 'X', 0, 'root']], ['ارز'], 'ارز'],
      ['trap: not after a verb (#رفتم_خوانی)', [['#رفتم_خوانی', '#رفت_خوان', 'X', 0, 'root']], [], ''],
    ];
    for (const [why, words, keys, lemmas] of rows) {
      const k = keywordsOf(docOf(words), idf, stop, { n: 5 }, isVerb);
      expect(k.map((x) => x.key), why).toEqual(keys);
      expect(k.map((x) => x.lemma).join('|'), why).toBe(lemmas);
    }
    // trap: without the test (keywordsOf as before) the hashtag is a keyword whole
    expect(keywordsOf(docOf([['#رفتم_ارز', '#رفتم_ارز', 'X', 0, 'root']]), idf, stop).map((x) => x.key)).toEqual(['رفتم ارز']);
  });
  it('two Latin words side by side in Persian text are one name, whatever the parse (Galaxy S23 Ultra)', () => {
    // the parser split the name: Ultra the object of the verb (the keywords were گوشی Galaxy S23 and Ultra alone)
    const split: [string, string, string, number, string][] = [
      ['گوشی', 'گوشی', 'NOUN', 6, 'obj'], ['Galaxy', 'Galaxy', 'PROPN', 1, 'nmod'], ['Ultra', 'Ultra', 'PROPN', 6, 'obj'],
      ['را', 'را', 'ADP', 3, 'case'], ['دیروز', 'دیروز', 'NOUN', 6, 'obl'], ['خریدم', 'خرید', 'VERB', 0, 'root'],
    ];
    expect(keywordsOf(docOf(split), idf, stop, { n: 5 })[0]!.key).toBe('گوشی galaxy ultra');
    // trap: in a text mostly in Latin letters (no Persian text) the parse decides, as before
    const latin: [string, string, string, number, string][] = [
      ['Galaxy', 'Galaxy', 'PROPN', 0, 'root'], ['Ultra', 'Ultra', 'PROPN', 1, 'obj'], ['خرید', 'خرید', 'VERB', 1, 'conj'],
    ];
    expect(keywordsOf(docOf(latin), idf, stop, { n: 5 }).map((x) => x.key)).toEqual(['galaxy', 'ultra']);
  });
  it('a model number goes with the name before it, and a Latin name is one element however long (Redmi Note 12 Pro, پژو ۲۰۶)', () => {
    type W = [string, string, string, number, string];
    // (Persian words enough that the text is Persian text: more letters in Arabic script than in Latin)
    const tail: W[] = [['را', 'را', 'ADP', 1, 'case'], ['از', 'از', 'ADP', 1, 'case'], ['فروشگاه', 'فروشگاه', 'NOUN', 1, 'obl'], ['خریدم', 'خرید', 'VERB', 0, 'root']];
    const rows: [string, W[], string, string[]][] = [
      ['the parser took 12 for nummod of Pro and Pro for the object: the keywords were گوشی Xiaomi Redmi, Note and Pro apart', [
        ['گوشی', 'گوشی', 'NOUN', 7, 'obj'], ['Xiaomi', 'Xiaomi', 'PROPN', 1, 'nmod'], ['Redmi', 'Redmi', 'PROPN', 2, 'flat:name'], ['Note', 'Note', 'PROPN', 2, 'flat:name'],
        ['12', '12', 'NUM', 6, 'nummod'], ['Pro', 'Pro', 'NOUN', 7, 'obj'], ...tail], 'گوشی xiaomi redmi note 12 pro', ['pro', 'note', 'note 12', 'گوشی xiaomi redmi']],
      ['a Persian name and its number (۲۰۶ read as nummod of گران): پژو ۲۰۶, not پژو', [
        ['پژو', 'پژو', 'PROPN', 4, 'nsubj'], ['۲۰۶', '۲۰۶', 'NUM', 3, 'nummod'], ['گران', 'گران', 'ADJ', 4, 'xcomp'], ['شد', 'شد', 'VERB', 0, 'root']], 'پژو 206', ['پژو']],
      ['trap: a number that counts the noun after it is no model number (علی ۲۰ سال)', [
        ['علی', 'علی', 'PROPN', 4, 'nsubj'], ['۲۰', '۲۰', 'NUM', 3, 'nummod'], ['سال', 'سال', 'NOUN', 4, 'obj'], ['دارد', 'داشت', 'VERB', 0, 'root']], 'علی', ['علی 20']],
      ['trap: nor one before a unit (Galaxy S23 128 GB: the memory, not the model)', [
        ['گوشی', 'گوشی', 'NOUN', 0, 'root'], ['Galaxy', 'Galaxy', 'PROPN', 1, 'nmod'], ['S23', 'S23', 'PROPN', 2, 'flat:name'], ['128', '128', 'NUM', 5, 'nummod'], ['GB', 'GB', 'NOUN', 1, 'nmod'], ...tail], 'گوشی galaxy s23', ['گوشی galaxy s23 128']],
      ['trap: nor one before an adjective of years (علی ۲۰ ساله است: it was the keyword علی ۲۰)', [
        ['علی', 'علی', 'PROPN', 4, 'nsubj'], ['۲۰', '۲۰', 'NUM', 3, 'nummod'], ['ساله', 'ساله', 'ADJ', 1, 'amod'], ['است', 'است', 'AUX', 0, 'root']], 'علی', ['علی 20']],
      ['trap: nor a score with a preposition inside (ایران ۳ بر ۱ برد: it was تیم ایران ۳)', [
        ['تیم', 'تیم', 'NOUN', 6, 'nsubj'], ['ایران', 'ایران', 'PROPN', 1, 'nmod'], ['۳', '۳', 'NUM', 6, 'obl'], ['بر', 'بر', 'ADP', 5, 'case'], ['۱', '۱', 'NUM', 3, 'nmod'], ['برد', 'برد', 'VERB', 0, 'root']], 'تیم ایران', ['تیم ایران 3', 'ایران 3']],
      ['trap: nor a score (ایران ۲ - ۱ ژاپن)', [
        ['تیم', 'تیم', 'NOUN', 0, 'root'], ['ایران', 'ایران', 'PROPN', 1, 'nmod'], ['۲', '۲', 'NUM', 1, 'nummod'], ['-', '-', 'PUNCT', 1, 'punct'], ['۱', '۱', 'NUM', 1, 'nummod']], 'تیم ایران', ['تیم ایران 2', 'ایران 2']],
      ['trap: a number after a common noun stays apart (ماده ۱۲: the tagger decides, as before)', [
        ['ماده', 'ماده', 'NOUN', 0, 'root'], ['۱۲', '۱۲', 'NUM', 1, 'nummod'], ['قانون', 'قانون', 'NOUN', 1, 'nmod']], 'قانون', ['ماده 12']],
    ];
    for (const [why, words, want, not] of rows) {
      const keys = keywordsOf(docOf(words), idf, stop, { n: 10 }).map((x) => x.key);
      expect(keys, why).toContain(want);
      // (nor a piece of the name cut out of it, nor a number that is none of it)
      for (const x of not) expect(keys, why).not.toContain(x);
    }
  });
  it('a mark the PerDT scheme glues into a word\'s token (نیازمندیم. = نیازمند + یم + .) is no part of the keyword\'s phrase, form or span', () => {
    // (the phrase was نیازمندیم. with the full stop)
    const text = 'ارز نیازمندیم.';
    const w1 = new Word(1, { form: 'ارز', lemma: 'ارز', upos: 'NOUN', head: 2, deprel: 'nsubj' });
    // (نیازمند tagged NOUN here, as the treebanks tag it at times: an adjective alone is no keyword)
    const parts = [new Word(2, { form: 'نیازمند', lemma: 'نیازمند', upos: 'NOUN', head: 0, deprel: 'root' }), new Word(3, { form: 'یم', lemma: 'هست', upos: 'VERB', head: 2, deprel: 'cop' }), new Word(4, { form: '.', lemma: '.', upos: 'PUNCT', head: 2, deprel: 'punct' })];
    const d = new Doc(text, [new Sentence(0, text.length, text, [new Token(0, 3, 'ارز', 'ارز', [w1], true), new Token(4, 14, 'نیازمندیم.', 'نیازمندیم.', parts, false)], '1')]);
    const k = keywordsOf(d, idf, stop, { n: 5, maxWords: 1 }).find((x) => x.lemma === 'نیازمند');
    expect([k?.phrase, k?.form, k?.spans]).toEqual(['نیازمندیم', 'نیازمندیم', [{ start: 4, end: 13 }]]);
    // trap: a token without a glued mark keeps its end
    expect(keywordsOf(d, idf, stop, { n: 5, maxWords: 1 }).find((x) => x.lemma === 'ارز')?.spans).toEqual([{ start: 0, end: 3 }]);
  });
  it('bad IDF data is E_RESOURCE_CORRUPT', () => {
    expect(() => createIdf({ meta: { format: 2, documents: 1 }, df: {} })).toThrowError(expect.objectContaining({ code: 'E_RESOURCE_CORRUPT' }) as Error);
  });
});
