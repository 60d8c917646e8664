import { existsSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Doc, Sentence, Token, Word } from '../doc.js';
import { DabirError } from '../errors.js';
import { writeConllu } from '../formats/conllu.js';
import { sha256, toHex } from '../sha256.js';
import { allowed } from './features.js';
import { confirmHomographs, dropCraftNames, dropDataSpecs, dropMarkets, dropGodAttributes, dropPredicateFirst, dropHonorifics, dropProducts, joinInvertedNames, retypeSpans, trimEdges } from './model.js';
import { LEX_BEGIN } from './features.js';
import { decodeNer, encodeNer, NER_LABELS, nerDoc, nerModelOf, spansOf, trainNer, type NerTrainSentence } from './index.js';

const SHIPPED = new URL('../../../data/ner.bin', import.meta.url);
const L = (s: string): number => NER_LABELS.indexOf(s);

// a tiny hand-made training set (ours): names, places and an organization in short sentences
const TINY: [string[], string[]][] = [
  [['علی', 'به', 'تهران', 'رفت'], ['B-PER', 'O', 'B-LOC', 'O']],
  [['مریم', 'در', 'شیراز', 'است'], ['B-PER', 'O', 'B-LOC', 'O']],
  [['سازمان', 'ملل', 'بیانیه', 'داد'], ['B-ORG', 'I-ORG', 'O', 'O']],
  [['حسن', 'روحانی', 'به', 'پاریس', 'رفت'], ['B-PER', 'I-PER', 'O', 'B-LOC', 'O']],
  [['مردم', 'ایرانی', 'آمدند'], ['O', 'B-NAT', 'O']],
];

function trainTiny(seed = 3, decoder: 'greedy' | 'viterbi' = 'greedy'): Uint8Array {
  const lex = new Map<string, number>();
  const sentences: NerTrainSentence[] = TINY.map(([words, labels]) => ({ words, labels: labels.map(L), lex: () => 0 }));
  return encodeNer(trainNer(sentences, { seed, epochs: 10, minCount: 1, lexicon: lex, decoder }));
}

/** A post-rule's table, [words, labels, labels after the rule, reason]: one test a row. */
function postRuleRows(rule: (labels: string[], forms: string[]) => void, rows: readonly (readonly [string, string, string, string])[]): void {
  for (const [text, labels, want, why] of rows) {
    it(`${text}: ${labels} → ${want} (${why})`, () => {
      const l = labels.split(' ');
      rule(l, text.split(' '));
      expect(l.join(' ')).toBe(want);
    });
  }
}

describe('trimEdges (an entity of two words or more does not begin or end with a function word)', () => {
  const rows: [string, string, string, string][] = [
    ['فرزام به‌عنوان مدیر', 'B-PER I-PER O', 'B-PER O O', 'a preposition after a name (found on PerSpellData text)'],
    ['و محمد رضایی', 'B-PER I-PER I-PER', 'O B-PER I-PER', 'a conjunction before a name: the next word begins it'],
    ['از', 'B-LOC', 'B-LOC', 'an entity of one word is left as it is'],
    ['بانک ملی و', 'B-ORG I-ORG I-ORG', 'B-ORG I-ORG O', 'the edge only, the inside kept'],
    ['دانشگاه علم و صنعت', 'B-ORG I-ORG I-ORG I-ORG', 'B-ORG I-ORG I-ORG I-ORG', 'a function word inside a name stays'],
    ['حسن زاده', 'B-PER I-PER', 'B-PER I-PER', 'name parts that are words (زاده) are no function words'],
  ];
  postRuleRows(trimEdges, rows);
});

describe('retypeSpans (the words of an entity fix its type)', () => {
  const rows: [string, string, string, string][] = [
    ['رشته‌کوه البرز', 'B-ORG I-ORG', 'B-LOC I-LOC', 'an entity that begins with a landform noun is a place (the model wrote ORG)'],
    ['خلیج فارس', 'B-POG I-POG', 'B-LOC I-LOC', 'a water likewise'],
    ['رود گولیت', 'B-PER I-PER', 'B-PER I-PER', 'trap: a PER stays (رود is also a first name: ParsTwiNER\'s one such PER)'],
    ['کوه', 'B-ORG', 'B-ORG', 'an entity of one word is left as it is'],
    ['Escherichia coli', 'B-PER I-PER', 'O O', 'a Latin binomial (capitalized genus, lower-case species) is no person (the model wrote PER)'],
    ['Homo sapiens sapiens', 'B-PER I-PER I-PER', 'O O O', 'a trinomial too'],
    ['John Smith', 'B-PER I-PER', 'B-PER I-PER', 'trap: a name ends with a capitalized surname'],
    ['ronne colman', 'B-PER I-PER', 'B-PER I-PER', 'trap: a name typed all lower-case, as tweets do, stays'],
    ['ولسوالی پغمان', 'B-PER I-PER', 'B-LOC I-LOC', 'an entity that begins with a division\'s noun (Dari ولسوالی, a district) is a place (the model wrote PER)'],
    ['استان خراسان شمالی', 'B-EVE I-EVE I-EVE', 'B-LOC I-LOC I-LOC', 'a province likewise'],
    ['شهرستان سازی', 'B-ORG I-ORG', 'B-ORG I-ORG', 'trap: an ORG stays (a company may bear such a name)'],
    ['ولسوال پغمان', 'B-PER I-PER', 'O B-LOC', 'a governor\'s title and a place: the title is outside the entity, as ParsTwiNER\'s فرماندار (the model wrote PER, after one slip in train)'],
    ['ولسوال محمد رحیمی', 'B-PER I-PER I-PER', 'B-PER I-PER I-PER', 'trap: a PER of three words is left to the model'],
  ];
  postRuleRows(retypeSpans, rows);
});

describe('spansOf (BIO labels → entity spans)', () => {
  // [labels, spans, reason]
  const CASES: [string[], [string, number, number][], string][] = [
    [[], [], 'no words, no entities'],
    [['O', 'O'], [], 'all outside'],
    [['B-PER', 'I-PER', 'O'], [['PER', 0, 2]], 'a two-word entity'],
    [['B-PER', 'B-PER'], [['PER', 0, 1], ['PER', 1, 2]], 'B starts a new entity even after the same type'],
    [['I-LOC', 'I-LOC'], [['LOC', 0, 2]], 'an I without a B before it starts an entity'],
    [['B-PER', 'I-LOC'], [['PER', 0, 1], ['LOC', 1, 2]], 'an I of another type starts a new entity'],
    [['O', 'B-ORG', 'I-ORG', 'I-ORG'], [['ORG', 1, 4]], 'an entity that ends the sentence'],
  ];
  for (const [labels, spans, reason] of CASES) it(reason, () => expect(spansOf(labels)).toEqual(spans));
});

describe('BIO constraint', () => {
  // [from, to, allowed, reason]
  const CASES: [string, string, boolean, string][] = [
    ['O', 'I-PER', false, 'I after O'],
    ['B-PER', 'I-PER', true, 'I after its B'],
    ['I-PER', 'I-PER', true, 'I after its I'],
    ['B-LOC', 'I-PER', false, 'I after a B of another type'],
    ['O', 'B-ORG', true, 'B anywhere'],
    ['I-ORG', 'O', true, 'O anywhere'],
  ];
  for (const [from, to, ok, reason] of CASES) it(reason, () => expect(allowed(L(from), L(to))).toBe(ok));
  it('I at the start of a sentence is not allowed', () => expect(allowed(-1, L('I-PER'))).toBe(false));
});

describe('ner training and model file', () => {
  it('is deterministic for a seed (identical bytes)', () => {
    const a = trainTiny();
    expect(toHex(sha256(a))).toBe(toHex(sha256(trainTiny())));
  });

  it('round-trips: save, load, save gives the same bytes; learns the fixture', () => {
    const bytes = trainTiny();
    const m = decodeNer(bytes);
    for (const [words, labels] of TINY) expect(m.label(words)).toEqual(labels);
    // a copy at an odd offset of a larger buffer reads the same
    const big = new Uint8Array(bytes.length + 3);
    big.set(bytes, 3);
    const m2 = decodeNer(big.subarray(3));
    for (const [words] of TINY) expect(m2.label(words)).toEqual(m.label(words));
  });

  it('the structured (Viterbi) training is deterministic too, and its model decodes the fixture', () => {
    const a = trainTiny(3, 'viterbi');
    expect(toHex(sha256(a))).toBe(toHex(sha256(trainTiny(3, 'viterbi'))));
    const m = decodeNer(a);
    for (const [words, labels] of TINY) expect(m.label(words)).toEqual(labels);
  });

  it('rejects damaged or foreign bytes with typed errors', () => {
    const bytes = trainTiny();
    const bad = bytes.slice();
    bad[bad.length - 1]! ^= 0xff;
    expect(() => decodeNer(bad)).toThrowError(expect.objectContaining({ code: 'E_RESOURCE_CORRUPT' }) as Error);
    const ver = bytes.slice();
    ver[4] = 99;
    expect(() => decodeNer(ver)).toThrowError(expect.objectContaining({ code: 'E_RESOURCE_VERSION' }) as Error);
    expect(() => decodeNer(new Uint8Array(10))).toThrow(DabirError);
    expect(() => nerModelOf({})).toThrow(DabirError);
  });
});

describe('joinInvertedNames (a reference\'s surname ، first name is one person)', () => {
  const rows: [string, string, string, string][] = [
    ['احمدی ، محمد ( ۱۳۹۰ ) .', 'B-PER O B-PER O O O O', 'B-PER I-PER I-PER O O O O', 'surname, first name, (year) at the sentence\'s start: one PER, the comma inside (were two PERs)'],
    ['کریمی ، علی و رضایی ، حسن رضا ( ۱۳۸۵ )', 'B-PER O B-PER O B-PER O B-PER I-PER O O O', 'B-PER I-PER I-PER O B-PER I-PER I-PER I-PER O O O', 'each pair of authors joined by و, a first name of two words'],
    ['علی ، حسن و حسین آمدند .', 'B-PER O B-PER O B-PER O O', 'B-PER O B-PER O B-PER O O', 'trap: a list of names with no (year) after it is left as it is'],
    ['و ترامپ ، ابوبکر البغدادی ( ۹۸ )', 'O B-PER O B-PER I-PER O O O', 'O B-PER O B-PER I-PER O O O', 'trap: not at the sentence\'s start (ParsTwiNER\'s one near case: two persons)'],
    ['احمدی ، محمد ( نویسنده )', 'B-PER O B-PER O O O', 'B-PER O B-PER O O O', 'trap: no number after the parenthesis'],
    ['علی ، رضا ( ۱۰ ساله ) و مریم آمدند .', 'B-PER O B-PER O O O O O B-PER O O', 'B-PER O B-PER O O O O O B-PER O O', 'trap: a number in the parenthesis that is no year (an age: four digits it must have) — two persons (they were one)'],
    ['احمدی ، محمد ( ۱۳۹۰الف ) .', 'B-PER O B-PER O O O O', 'B-PER I-PER I-PER O O O O', 'a year with the letter of a second work the same year is a year'],
  ];
  postRuleRows(joinInvertedNames, rows);
});

describe('dropHonorifics (a religious honorific after a name is no part of it)', () => {
  const rows: [string, string, string, string][] = [
    ['ابوبکر رضی الله عنه گفت', 'B-PER I-PER I-PER O O', 'B-PER O O O O', 'رضی الله (عنه), may God be pleased with him, is O, as all 60 honorifics after a name in ParsTwiNER\'s train part (was in the PER)'],
    ['ابوبکر رضی الله عنه گفت', 'B-PER I-PER I-PER I-PER O', 'B-PER O O O O', 'the whole formula inside the entity'],
    ['عمر ر ض گفت', 'B-PER I-PER I-PER O', 'B-PER O O O', 'its abbreviation typed as two letters'],
    ['حسن مجتبی علیه السلام فرمود', 'B-PER I-PER I-PER I-PER O', 'B-PER I-PER O O O', 'علیه السلام after a name of two words'],
    ['امام حسین ع فرمود', 'B-PER I-PER I-PER O', 'B-PER I-PER O O', 'the one-letter ع'],
    ['سید رضی گفت', 'B-PER I-PER O', 'B-PER I-PER O', 'trap: رضی alone is a first name (سید رضی), kept'],
    ['رضی الله گفت', 'B-PER I-PER O', 'B-PER I-PER O', 'trap: nothing before it to honour: the entity begins with it, left as it is'],
    ['علی رفت', 'B-LOC I-LOC', 'B-LOC I-LOC', 'trap: PER only'],
  ];
  postRuleRows(dropHonorifics, rows);
});

describe('confirmHomographs (a place name that is also a common noun needs a sign of a place)', () => {
  const rows: [string, string, string, string][] = [
    ['نان و کره خوردم', 'O O B-LOC O', 'O O O O', 'کره, butter, coordinated with a common noun: no sign of a place (the model wrote LOC)'],
    ['۲ قاشق کره', 'O O B-LOC', 'O O O', 'after a measure noun likewise'],
    ['کره بادام زمینی', 'B-LOC O O', 'O O O', 'peanut butter: at the sentence\'s start, nothing around it'],
    ['شام خوردیم', 'B-LOC O', 'O O', 'شام, dinner, likewise'],
    ['ژاپن ، کره و آلمان', 'B-LOC O B-LOC O B-LOC', 'B-LOC O B-LOC O B-LOC', 'trap: in a list of places, kept'],
    ['برزیل آرژانتین پرو', 'B-LOC B-LOC B-LOC', 'B-LOC B-LOC B-LOC', 'trap: next to a place, kept'],
    ['کشوری مثل کره', 'O O B-LOC', 'O O B-LOC', 'trap: after مثل or کشور, kept'],
    ['نان با کره خوردم', 'O O B-LOC O', 'O O O O', 'a preposition is no sign: a food takes one as often (نان با کره, butter, was kept LOC)'],
    ['از کره استفاده کنید', 'O B-LOC O O', 'O O O O', 'likewise از in a recipe'],
    ['بعد از شام', 'O O B-LOC', 'O O O', 'and a meal: after dinner'],
    ['تیم به کره رفت', 'O O B-LOC O', 'O O B-LOC O', 'trap: a verb of going after it makes it a place (MOTION)'],
    ['میخوام برم کره', 'O O B-LOC', 'O O B-LOC', 'trap: and before it (ParsTwiNER train: برم کره, LOC)'],
    ['کره جنوبی', 'B-LOC I-LOC', 'B-LOC I-LOC', 'trap: an entity of two words is left as it is'],
    ['نان و تهران', 'O O B-LOC', 'O O B-LOC', 'trap: only the homographs'],
    ['تیم ملی در کره بازی کرد', 'B-ORG I-ORG O B-LOC O O', 'B-ORG I-ORG O B-LOC O O', 'trap: در + a homograph + a word of a game makes it a place (it was O)'],
    ['در شام مسابقه داد', 'O B-LOC O O', 'O B-LOC O O', 'trap: likewise شام, the Levant'],
    ['در کره سرخ کنید', 'O B-LOC O O', 'O O O O', 'در alone is no sign (fry in butter)'],
    ['نان و کره نرم خوردم', 'O O B-LOC O O', 'O O O O O', 'نرم, soft, is no verb of going (the negative نرم, I do not go, was read so: LOC kept)'],
    ['کره نره', 'B-LOC O', 'O O', 'nor نره'],
    ['اگه برم کره', 'O O B-LOC', 'O O B-LOC', 'trap: برم, I go, still is one'],
    ['بعد از شام بازی کردیم', 'O O B-LOC O O', 'O O O O O', 'nor a game after از: after dinner'],
  ];
  postRuleRows(confirmHomographs, rows);
});

describe('dropProducts (a device\'s brand and model name is no person or place)', () => {
  const rows: [string, string, string, string][] = [
    ['هدفون Redmi Buds 4', 'B-PER I-PER O O', 'O O O O', 'a device noun began the PER, and the Latin name after it is the product (the model wrote PER)'],
    ['Galaxy Buds را خریدم', 'B-PER I-PER O O', 'O O O O', 'a model word (Buds) after the brand: a product (ParsTwiNER labels products O)'],
    ['Redmi خوب است', 'B-PER O O', 'B-PER O O', 'trap: a Latin word alone, no device noun nor model word: left to the model'],
    ['گوشی Xiaomi Redmi Note', 'O B-LOC I-LOC O', 'O O O O', 'after a device noun, and a model word right after it'],
    ['Max Planck گفت', 'B-PER I-PER O', 'B-PER I-PER O', 'trap: a model word first is a first name'],
    ['Redmi Buds خوب است', 'B-ORG I-ORG O O', 'B-ORG I-ORG O O', 'trap: an ORG is left as it is (a brand is one)'],
    ['گوشی علی رضایی', 'B-PER I-PER I-PER', 'O B-PER I-PER', 'a device noun at the start is cut off; Persian words after it stay a name (Ali Rezaei\'s phone)'],
    ['مدل Kate Moss', 'O B-PER I-PER', 'O B-PER I-PER', 'trap: مدل is also a fashion model, a person: no device noun'],
  ];
  postRuleRows(dropProducts, rows);
});

describe('dropMarkets (بازار and a kind of market is the economy\'s market, no place)', () => {
  const rows: [string, string, string, string][] = [
    ['در بازار آزاد تهران', 'O B-LOC I-LOC I-LOC', 'O O O B-LOC', 'the open market of Tehran: تهران alone is the place (the model wrote LOC for all three)'],
    ['بازار ارز', 'B-ORG I-ORG', 'O O', 'the currency market is no organization'],
    ['بازار بزرگ تبریز', 'B-LOC I-LOC I-LOC', 'B-LOC I-LOC I-LOC', 'trap: a bazaar named by its town is a place, as ParsTwiNER labels it'],
    ['بازار', 'B-LOC', 'B-LOC', 'trap: بازار alone is left to the model'],
    ['سازمان بورس و بازار سرمایه', 'B-ORG I-ORG I-ORG I-ORG I-ORG', 'B-ORG I-ORG I-ORG I-ORG I-ORG', 'trap: inside a name that begins otherwise'],
  ];
  postRuleRows(dropMarkets, rows);
});

describe('dropGodAttributes (the word after God in the ezafe is His attribute, unless a name)', () => {
  // the facts of the lexicon: ابراهیم begins names, توانا does not (seen once inside a name)
  const facts = (w: string): number => (w === 'ابراهیم' ? LEX_BEGIN | 1 : w === 'توانا' ? 1 : 0);
  const rows: [string, string, string, string][] = [
    ['خدای توانا را شکر', 'O B-PER O O', 'O O O O', 'توانا, mighty, after خدای: an adjective, never the beginning of a name (the model wrote PER)'],
    ['خداوند متعال', 'O B-PER', 'O O', 'an unknown word likewise'],
    ['خدای ابراهیم', 'O B-PER', 'O B-PER', 'trap: a word that begins names stays (the God of Abraham)'],
    ['خدای علی رضایی', 'O B-PER I-PER', 'O B-PER I-PER', 'trap: a name of two words is left as it is'],
    ['آقای توانا', 'O B-PER', 'O B-PER', 'trap: only after God'],
  ];
  postRuleRows((l, forms) => dropGodAttributes(l, forms, facts), rows);
});

describe('dropPredicateFirst (a predicate put first before the copula is no name, unless a word that begins names)', () => {
  // the facts of the lexicon: علی begins names, توانا does not (seen once inside a name)
  const facts = (w: string): number => (w === 'علی' ? LEX_BEGIN | 1 : w === 'توانا' ? 1 : 0);
  const rows: [string, string, string, string][] = [
    ['توانا بود هر که دانا بود', 'B-PER O O O O O', 'O O O O O O', 'verse: توانا, mighty, the predicate put first (the model wrote PER)'],
    ['علی بود که در را باز کرد', 'B-PER O O O O O O', 'B-PER O O O O O O', 'trap: a word that begins names stays'],
    ['توانا رفت', 'B-PER O', 'B-PER O', 'trap: no copula after it'],
    ['آقای توانا بود', 'O B-PER O', 'O B-PER O', 'trap: not the first word'],
    ['فتوسنتز فرایندی است', 'B-PER I-PER O', 'O O O', 'a definition: its subject and predicate before the copula (the model wrote PER for both)'],
    ['علی رضایی بود', 'B-PER I-PER O', 'B-PER I-PER O', 'trap: a name of two words whose first word begins names stays'],
  ];
  postRuleRows((l, forms) => dropPredicateFirst(l, forms, facts), rows);
});

describe('dropDataSpecs (a word before a number of gigabytes is a device\'s part, no name)', () => {
  const rows: [string, string, string, string][] = [
    ['رم هشت گیگه', 'B-LOC O O', 'O O O', 'رم, RAM, before its size (the model wrote LOC: Rome)'],
    ['حافظه رم 16 GB دارد', 'O B-LOC O O O', 'O O O O O', 'digits and a Latin unit'],
    ['رم 3 گل زد', 'B-ORG O O O', 'B-ORG O O O', 'trap: a number of something else (a team, AS Roma)'],
    ['سفر به رم و ۸ گیگ اینترنت', 'O O B-LOC O O O O', 'O O B-LOC O O O O', 'trap: not right before the number'],
    ['علی رضایی ۸ گیگ', 'B-PER I-PER O O', 'B-PER I-PER O O', 'trap: one word only (the last of a longer entity is left)'],
  ];
  postRuleRows(dropDataSpecs, rows);
});

describe("dropCraftNames (the name after a craft's noun is the craft's, no person)", () => {
  const rows: [string, string, string, string][] = [
    ['ماهواره ناهید ۲ را فرستاد', 'O B-PER O O O', 'O O O O O', 'a satellite\'s name (the model wrote PER)'],
    ['تلسکوپ فضایی جیمز وب تصاویر را فرستاد', 'O O B-PER I-PER O O O', 'O O O O O O O', 'after the noun and a relational adjective (the model wrote PER)'],
    ['سر ماهواره مصباح نیامد', 'O O B-PER O', 'O O O O', 'a tweet of ParsTwiNER train\'s text (the model wrote PER)'],
    ['هواپیمای بایدن رسید', 'O B-PER O', 'O B-PER O', 'trap: a noun with its ezafe written, the owner may follow (Biden\'s plane)'],
    ['ناو آمریکایی رسید', 'O B-NAT O', 'O B-NAT O', 'trap: only PER is dropped'],
    ['علی کریمی آمد', 'B-PER I-PER O', 'B-PER I-PER O', 'trap: no craft before it'],
  ];
  postRuleRows(dropCraftNames, rows);
});

describe.runIf(existsSync(SHIPPED))('the shipped model (data/ner.bin)', () => {
  const model = nerModelOf(new Uint8Array(readFileSync(SHIPPED)));

  function docOf(text: string): Doc {
    // one sentence, tokens at the spaces (the tokenizer is tested elsewhere)
    const toks: Token[] = [];
    for (const m of text.matchAll(/\S+/g)) toks.push(new Token(m.index, m.index + m[0].length, m[0], m[0], null, true));
    return new Doc(text, [new Sentence(0, text.length, text, toks, '1')]);
  }

  it('finds well-known names, places and organizations', () => {
    const doc = docOf('علی خامنه‌ای در تهران با نمایندگان سازمان ملل متحد دیدار کرد .');
    const ents = nerDoc(model, doc).map((e) => `${e.type}:${e.text}`);
    expect(ents).toEqual(['PER:علی خامنه‌ای', 'LOC:تهران', 'ORG:سازمان ملل متحد']);
  });

  // [text, the entities wanted, reason]
  const arabicRows: [string, string[], string][] = [
    ['طلب العلم فریضة علی کل مسلم', [], 'the Arabic ة read as ه: فریضة is the known word فریضه (it was unseen, and فریضة علی was PER)'],
    ['طلب العلم فریضه علی کل مسلم', [], 'the same with the Persian ه: no entity'],
    ['رشته‌کوه البرز در شمال ایران است .', ['LOC:رشته‌کوه البرز', 'LOC:ایران'], 'a mountain range is a place (was ORG)'],
    ['باکتری Escherichia coli در روده زندگی می‌کند .', [], 'a Latin binomial is no person (was PER)'],
    ['ولسوالی پغمان در ولایت کابل است .', ['LOC:ولسوالی پغمان', 'LOC:کابل'], 'a Dari district is a place (was PER)'],
    ['salam chetori ? khubam merci , to chi ?', [], 'a sentence with no Arabic-script letter (Finglish) is no text the model knows: no entity (salam chetori and khubam merci were PER)'],
    ['man emruz ba Ali raftam Tehran', [], 'Finglish with capitalized names likewise (ba Ali was PER)'],
    ['سلام ، من با Ali رفتم .', ['PER:Ali'], 'trap: a Latin name inside a Persian sentence is still read'],
    ['ذهب الطالب إلى المدرسة في الصباح', [], 'an Arabic sentence (foreignSentences) is no text the model knows, as Finglish is not: no entity (المدرسة في was PER)'],
    ['علی به مدرسه رفت . ذهب الطالب إلى المدرسة في الصباح . محمد در تهران است .', ['PER:علی', 'PER:محمد', 'LOC:تهران'], 'only the Arabic sentence inside Persian text loses its entities (في الصباح was PER); the Persian ones around it keep theirs'],
    ['احمدی ، محمد ( ۱۳۹۰ ) . تاریخ ایران .', ['PER:احمدی ، محمد', 'LOC:ایران'], 'a reference\'s author, surname first, is one PER (احمدی and محمد were two)'],
    ['وَ اذْکُرْ فِی الْکِتَابِ مَرْیَمَ', [], 'a vowelled Arabic quotation (a verse typed with Persian ی and ک: no foreign sentence to foreignSentences), every word with a vowel mark, gets no entity, as an Arabic sentence (فِی الْکِتَابِ was PER)'],
    ['قرآن می‌فرماید : وَ إِذْ قَالَ لُقْمَانُ لِابْنِهِ . علی در تهران است .', ['PER:علی', 'LOC:تهران'], 'the same inside Persian text (لُقْمَانُ was LOC); the Persian words around keep theirs'],
    ['یا عَلِیُّ مدد', ['PER:عَلِیُّ'], 'trap: one vowelled word (a run of fewer than three) is read as before'],
    ['عَلی بِه تِهران رَفت .', ['PER:عَلی', 'LOC:تِهران'], 'Persian written with all its vowels (a children\'s book) is no Arabic quotation: بِه, a Persian-only word with no case ending, keeps the run\'s entities (both were dropped)'],
    ['مَریَم اَز شیراز آمَد .', ['PER:مَریَم', 'LOC:شیراز'], 'the same with اَز'],
    ['عَلی بِه اَلبُرز رَفت .', ['PER:عَلی', 'LOC:اَلبُرز'], 'a Persian word in ال with a vowel on its ا (اَلبُرز, اِلناز, اَلان) is no Arabic article, which leaves the ا bare and marks ل with a sukun or doubles the next letter (the run had lost both entities)'],
    ['اِلناز بِه تِهران رَفت .', ['PER:اِلناز', 'LOC:تِهران'], 'the same with a kasra on the ا of a name'],
    ['عَلی گُفت اَلْحَمْدُ لِلَّهِ', [], 'trap: the article with a sukun on ل (اَلْحَمْدُ, a fatha on its ا as at a sentence\'s start) is Arabic, a گ elsewhere notwithstanding: the run stays dropped'],
    ['مَریَم گُفت الرَّحْمَنِ الرَّحِیمِ', [], 'trap: and so is the article before a doubled sun letter (الرَّحْمَنِ)'],
    ['آمَنُوا بِهِ وَ عَمِلُوا عَلِیٌّ', [], 'trap: بِهِ with its case ending is Arabic (with it): the run stays dropped'],
    ['رئیسِ دانشگاهِ علومِ پزشکیِ تهران استعفا داد .', ['ORG:دانشگاهِ علومِ پزشکیِ تهران'], 'trap: the kasra of the ezafe at a word\'s end, marked on word after word in Persian, is no Arabic vowelling (the ORG had lost all but تهران)'],
    ['میں اردو بولتا ہوں . علی در تهران است .', ['PER:علی', 'LOC:تهران'], 'an Urdu sentence likewise, the Persian one after it read'],
    ['۴۰۵۰۱\tآزمایشگاه سیستم‌عامل\t۱\tآزمایشگاه\tهم‌نیاز : سیستم‌عامل', ['ORG:آزمایشگاه سیستم‌عامل'], 'the cells of a table pasted as tab-separated text are labelled each alone: no entity runs across a tab (آزمایشگاه and هم‌نیاز, two cells of a course table, were one ORG)'],
    ['مریم\tشیراز', ['PER:مریم', 'LOC:شیراز'], 'a name and a city in two cells are two entities'],
    ['مریم شیراز', ['PER:مریم شیراز'], 'trap: a space is no cell boundary (a surname)'],
  ];
  for (const [text, want, why] of arabicRows) {
    it(`${text} → ${JSON.stringify(want)} (${why})`, () => expect(nerDoc(model, docOf(text)).map((e) => `${e.type}:${e.text}`)).toEqual(want));
  }

  it('an entity does not end in the noun of a light verb where the parse reads it so (compound:lvc of a later verb)', () => {
    const text = 'فدراسیون از لیگ برتر ابراز رضایت کرد';
    // [form, head, deprel] of a parse that reads ابراز as the light verb's noun (کرد), as the pipeline's parser does
    const parse: [string, number, string][] = [['فدراسیون', 7, 'nsubj'], ['از', 3, 'case'], ['لیگ', 7, 'obl'], ['برتر', 3, 'amod'], ['ابراز', 7, 'compound:lvc'], ['رضایت', 5, 'nmod'], ['کرد', 0, 'root']];
    const parsed = (): Doc => {
      const toks: Token[] = [];
      let at = 0;
      parse.forEach(([form, head, deprel], i) => {
        toks.push(new Token(at, at + form.length, form, form, [new Word(i + 1, { form, head, deprel })], true));
        at += form.length + 1;
      });
      return new Doc(text, [new Sentence(0, text.length, text, toks, '1')]);
    };
    const d = parsed();
    // (the model alone labels ابراز I-EVE: the EVE was لیگ برتر ابراز)
    expect(nerDoc(model, docOf(text)).map((e) => `${e.type}:${e.text}`)).toContain('EVE:لیگ برتر ابراز');
    expect(nerDoc(model, d).map((e) => `${e.type}:${e.text}`)).toContain('EVE:لیگ برتر');
    expect(d.sentences[0]!.tokens[4]!.ner).toBe('O');
  });

  it('a mark glued into a multi-word token (تهرانم. = تهران + م + .) is read without it and left out of the entity', () => {
    // (the model read تهرانم. with its full stop, a form ParsTwiNER's tokens never have, and found nothing; an entity
    // on such a token ended with the mark: ایرانی‌ایم.)
    const text = 'من عاشق تهرانم.';
    const glued = new Token(8, 15, 'تهرانم.', 'تهرانم.', [Word.of(3, 'تهران'), Word.of(4, 'م'), Word.of(5, '.')], false);
    const doc = new Doc(text, [new Sentence(0, text.length, text, [new Token(0, 2, 'من', 'من', null, true), new Token(3, 7, 'عاشق', 'عاشق', null, true), glued], '1')]);
    const ents = nerDoc(model, doc);
    expect(ents.map((e) => [e.type, e.text, e.start, e.end, e.tokens])).toEqual([['LOC', 'تهرانم', 8, 14, [2, 3]]]);
    // trap: the same word as a token of its own and its mark apart, as ParsTwiNER writes them: the same entity
    expect(nerDoc(model, docOf('من عاشق تهرانم .')).map((e) => e.text)).toEqual(['تهرانم']);
  });

  it('entities are spans of whole tokens whose offsets slice back to the input; labels are valid BIO', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('علی', 'در', 'تهران', 'سازمان', 'ملل', 'و', 'ایرانی', 'Google', '۱۴۰۲', '@user', '#خبر', '.', 'x'), { maxLength: 12 }), (words) => {
        const text = words.join(' ');
        const doc = docOf(text);
        for (const e of nerDoc(model, doc)) {
          expect(text.slice(e.start, e.end)).toBe(e.text);
          const toks = doc.sentences[e.sentence]!.tokens;
          expect(toks[e.tokens[0]]!.start).toBe(e.start);
          expect(toks[e.tokens[1] - 1]!.end).toBe(e.end);
        }
        let prev = -1;
        for (const t of doc.sentences[0]?.tokens ?? []) {
          const l = L(t.ner!);
          expect(allowed(prev, l)).toBe(true);
          prev = l;
        }
      }),
      { numRuns: 200 },
    );
  });

  it('never throws on any string of words', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 20 }), { maxLength: 8 }), (words) => {
        expect(model.label(words)).toHaveLength(words.length);
      }),
      { numRuns: 300 },
    );
  });

  it('writes the labels to CoNLL-U MISC as NER=..., and entities to JSON', () => {
    const doc = docOf('حسن روحانی به پاریس رفت');
    nerDoc(model, doc);
    const conllu = writeConllu(doc);
    expect(conllu).toContain('NER=B-PER');
    expect(conllu).toContain('NER=I-PER');
    expect(conllu).not.toContain('NER=O');
    const json = JSON.parse(JSON.stringify(doc)) as { entities: { type: string; text: string }[] };
    expect(json.entities.map((e) => e.text)).toContain('حسن روحانی');
  });
});
