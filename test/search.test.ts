/**
 * searchTerms / searchKey, keywords and phrases of the Node package (the shipped models, stopwords and IDF table).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPipeline, keywords, keywordsOf, loadResource, MAX_SEGMENT, phrases, phrasesOf, searchFold, searchKey, searchTerms, searchTermsOf, type Idf, type Stopwords } from '../src/node/index.js';

describe('searchKey: the spellings and inflections of one word meet', () => {
  const rows: [string[], string, string][] = [
    [['کتاب', 'کتاب‌ها', 'كتابهايشان', 'کتاب‌هایم', 'کتابی'], 'کتاب', 'plural, clitics, Arabic letters, no ZWNJ'],
    [['می‌خواهند', 'نمی‌خواستم', 'میخواهیم', 'خواست'], 'خواست', 'verbs by their past stem'],
    [['درختان', 'درخت'], 'درخت', 'the ان plural'],
    [['کوچک‌ترین', 'کوچکتر', 'کوچک‌تر', 'کوچک'], 'کوچک', 'comparative and superlative, with or without the ZWNJ'],
    [['بزرگ‌تر', 'بزرگتر'], 'بزرگتر', 'بزرگ‌تر is also a noun (an elder), its own lemma: both spellings meet there'],
    [['دانش‌آموزان', 'دانشآموزان', 'دانش‌آموز'], 'دانشاموز', 'a compound with its ZWNJ deleted meets the compound (the half-space repair)'],
    [['کارهای', 'کار'], 'کار', 'a plural + ezafe typed alone is a plural, not کاره + ای (there is no phrase around a query)'],
    [['پوووول', 'پول'], 'پول', 'a letter stretched for emphasis is typed once'],
    [['مازندران'], 'مازندران', 'a name in ان is not cut'],
    [['ایران'], 'ایران', 'nor ایران'],
    [['آمریکا', 'امریکا'], 'امریکا', 'alef madda folded'],
    [['برگشتیم', 'برنمی‌گشتیم', 'برمی‌گردد', 'برگشت'], 'برگشت', 'a verb with a preverb keeps it (the treebanks\' lemma is گشت: return would meet wander)'],
    [['گشتیم', 'می‌گشت'], 'گشت', 'and the verb without one keeps its own'],
    [['دریافتند', 'دریافت'], 'دریافت', 'در + یافت likewise'],
  ];
  for (const [forms, key, why] of rows) it(`${forms.join(', ')} → ${key} (${why})`, () => expect(forms.map(searchKey)).toEqual(forms.map(() => key)));
});

describe('searchTerms', () => {
  it('a run of one letter is no stretched word: its term is the run as written (ببببب gave به, ممممم من)', () => {
    for (const [t, term] of [['ببببببببببببببببببببب', 'ببببببببببببببببببببب'], ['ممممم', 'ممممم'], ['خیلیییی کتاب', 'کتاب']] as const) {
      expect(searchTerms(t).map((x) => x.term), t).toEqual([term]);
      expect(searchTerms(t, { lemmas: false }).map((x) => x.term), t).toEqual([term]);
    }
  });
  it('a stopword stretched for emphasis is still a stopword (خیلیییی gives no term)', () => {
    expect(searchTerms('خیلیییی خوب بود').map((t) => t.term)).toEqual(searchTerms('خیلی خوب بود').map((t) => t.term));
  });
  it('a stretched word whose lemma is no function word keeps its term (ببببین, typed once بین "between", gave none; its lemma is دید)', () => {
    expect(searchTerms('ببببین چی شده').map((t) => t.term)).toEqual(searchTerms('ببین چی شده').map((t) => t.term));
    expect(searchTerms('ممممنون').map((t) => t.term)).toEqual(['ممنون']);
  });
  it('a text with its ZWNJs deleted or typed as spaces gets the terms of the text written right', () => {
    const right = 'دانش‌آموزان از نرم‌افزارهای تازه‌ای استفاده می‌کنند';
    const terms = (t: string): string[] => searchTerms(t).map((x) => x.term);
    expect(terms(right.replace(/\u200c/g, ''))).toEqual(terms(right));
    expect(terms(right.replace(/\u200c/g, ' '))).toEqual(terms(right));
  });

  const markupRows: [string, string[], string][] = [
    ['<p class="x">سلام <b>دنیا</b></p><br/>', ['سلام', 'دنیا'], 'HTML tags and attributes give no term (they were terms: <p, class="x">, </b></p><br/>)'],
    ['متن &nbsp; &amp; بیشتر', ['متن', 'بیش'], 'nor character references'],
    ['سایت https://x.ir و #تگ', ['سایت', 'https://x.ir', '#تگ'], 'a URL and a hashtag still are'],
    ['متن[^1] اینجا', ['متن'], 'a Markdown footnote is markup: no term (it was the term [^1])'],
    ['[b]سلام[/b] [url=https://x.ir]دنیا[/url]', ['سلام', 'دنیا'], 'BBCode tags are markup: no term (they gave b, url, https://x.ir)'],
    ['<a title="علی رضایی">متن</a> [quote="مریم احمدی"]سلام[/quote]', ['متن', 'سلام'], 'nor the pieces of a tag whose quoted value holds a space (title="علی, رضایی"> and [quote="مریم, احمدی"] were terms)'],
    ['صدای نی از دور', ['صدا', 'نی', 'دور'], 'نی (reed) in formal text is the word (its term was هست, chat\'s نیست, from the informal treebank)'],
    ['اون خونه نی، اینجا نیس', ['ان', 'خانه', 'هست', 'هست'], 'in a chat line it still is the copula'],
  ];
  it.each(markupRows)('terms: %s', (text, want) => {
    expect(searchTerms(text).map((t) => t.term)).toEqual(want);
  });

  it('terms in order with token offsets; stopwords, punctuation and clitics give none', () => {
    const text = 'کتاب‌هایشان را نمی‌خواستند، ولی در سال ۱۴۰۲ iPhone خریدند!';
    const terms = searchTerms(text);
    expect(terms.map((t) => t.term)).toEqual(['کتاب', 'خواست', 'سال', '1402', 'iphone', 'خرید']);
    expect(terms.map((t) => text.slice(t.start, t.end))).toEqual(['کتاب‌هایشان', 'نمی‌خواستند', 'سال', '۱۴۰۲', 'iPhone', 'خریدند']);
  });
  it('keeps the content words the stopword lists hold (بزرگ, جدید), drops function words', () => {
    expect(searchTerms('درختان بزرگ و جدید خیلی زیبا هستند').map((t) => t.term)).toEqual(['درخت', 'بزرگ', 'جدید', 'زیبا']);
  });
  it('options: stopwords kept, surface forms instead of lemmas', () => {
    expect(searchTerms('کتاب‌ها را خواندم', { stopwords: false }).map((t) => t.term)).toEqual(['کتاب', 'را', 'خواند']);
    expect(searchTerms('کتاب‌ها را خواندم', { lemmas: false }).map((t) => t.term)).toEqual(['کتابها', 'خواندم']);
  });
  it('never throws; terms are folded and point into the text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 60 }), fc.array(fc.constantFrom('کتاب', 'ها', '\u200c', ' ', 'می', 'خواهند', '۱۲', 'a', '،', 'را'), { maxLength: 12 }).map((a) => a.join(''))), (s) => {
        for (const t of searchTerms(s)) {
          expect(searchFold(t.term)).toBe(t.term);
          expect(t.start).toBeGreaterThanOrEqual(0);
          expect(t.end).toBeLessThanOrEqual(s.length);
          expect(t.term.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
    expect(searchTerms(null as never)).toEqual([]);
  });
});

describe('numbers in search terms', () => {
  it('a number in words is one term, its value in digits, as the same number in digits', () => {
    expect(searchTerms('سه هزار و پانصد نفر').map((t) => t.term)).toEqual(['3500', 'نفر']);
    expect(searchTerms('۳۵۰۰ نفر').map((t) => t.term)).toEqual(['3500', 'نفر']);
    // a lone یک (mostly "a") is a stopword as before
    expect(searchTerms('یک روز خوب').map((t) => t.term)).toEqual(['روز', 'خوب']);
  });
});

describe('keywords (Node, shipped models and IDF table)', () => {
  const text = 'بانک مرکزی نرخ ارز را اعلام کرد. نرخ‌های ارز در بانک مرکزی ثابت ماند و بانک مرکزی گزارش داد.';
  it('noun phrases keyed by lemmas, with every occurrence pointing into the text', () => {
    const k = keywords(text, { n: 3 });
    expect(k.slice(0, 2).map((x) => x.key).sort()).toEqual(['بانک مرکزی', 'نرخ ارز']);
    expect(k[0]!.score).toBe(1);
    const rate = k.find((x) => x.key === 'نرخ ارز')!;
    expect(rate.count).toBe(2);
    expect(rate.spans.map((sp) => text.slice(sp.start, sp.end))).toEqual(['نرخ ارز', 'نرخ‌های ارز']);
  });
  it('each keyword has its base form (lemma) and its first occurrence as written and as corrected', () => {
    // broken text: half-spaces deleted or typed as spaces, Arabic ي
    const broken = 'دانشآموزان از نرم افزارهای تازه استفاده کردند. وزير گفت دانشآموزان نرم افزارهای خوبی دارند.';
    const k = keywords(broken, { n: 3 });
    const soft = k.find((x) => x.key === 'نرمافزار')!;
    expect([soft.phrase, soft.form, soft.lemma]).toEqual(['نرم افزارهای', 'نرم‌افزارهای', 'نرم‌افزار']);
    const pupil = k.find((x) => x.key === 'دانشاموز')!;
    expect([pupil.phrase, pupil.form, pupil.lemma]).toEqual(['دانشآموزان', 'دانش‌آموزان', 'دانش‌آموز']);
  });
  // [text, a word that must be a keyword's, words that must be none, reason]
  const FOREIGN: [string, string | null, string[], string][] = [
    ['{"name": "dabir", "version": "1"} این متن درباره کتابخانه پردازش زبان است. کتابخانه پردازش زبان مفید است.', 'کتابخانه', ['name', 'version', 'dabir'], 'JSON keys and values beside their quotes are no keywords of a Persian text (name, version, dabir were)'],
    ['کتابخانه پردازش زبان مفید است. const fooBar = getValue(); کتابخانه پردازش زبان خوب است.', 'کتابخانه', ['const', 'fooBar', 'getValue'], 'nor a line of code, nor identifiers (const fooBar was the second keyword)'],
    ['برای نصب `npm install dabir` را بزنید. تابع get_value مقدار را برمی‌گرداند.', 'نصب', ['install', 'npm', 'get_value'], 'nor words inside a code span or shaped as identifiers'],
    ['شرکت Google امروز گوشی Pixel را معرفی کرد. گوشی Pixel با اندروید کار می‌کند.', 'Pixel', [], 'a name in Latin letters in Persian prose still is one'],
    ['Machine learning and neural networks. Machine learning is popular.', 'machine', [], 'a text in another script keeps its words'],
    ['شرکت "Apple" امروز گوشی جدید را معرفی کرد. هوش مصنوعی (AI) آینده را تغییر می‌دهد.', 'Apple', [], 'a name in quotes or brackets in prose is no data: it stays'],
    ['هوش مصنوعی (AI) آینده را تغییر می‌دهد. هوش مصنوعی (AI) همه‌جا هست.', 'AI', [], 'the same in brackets'],
    ['نیازمند یک کفش اسپرت و آیفون و Ps4 هستم. کفش اسپرت گران است. GOT7', 'Ps4', [], 'names with digits, and a name alone as a sentence, stay (a first version took Ps4, GOT7, S400, iPhone for identifiers)'],
    ['ویدیو جدید منتشر شد. Why do you care about this? ویدیو دیدنی است.', 'ویدیو', ['why', 'care'], 'an English sentence inside a Persian text gives none (Why do you was a keyword)'],
    ['پیامبر اکرم صلی الله علیه و آله فرمود: «من کان فی قلبه مثقال ذره من کبر لم یدخل الجنه». و نیز قال رسول الله: «المؤمن مع من احب». امام فرمود: «ان هذا القلب یمل». سخن عن الحسن الی الحسین است.', 'پیامبر', ['صلی', 'کان', 'فی', 'لم', 'قال', 'مع', 'ان', 'هذا', 'عن', 'الی'], 'the function words of an Arabic passage are no keywords (لم یدخل الجنه, عن الحسن الی, فی قلبه مثقال, المؤمن مع, قال رسول, هذا, کان were)'],
    ['قیمت خودرو ۳ میلیارد تومان شد. قیمت خودرو در بازار ۲ میلیارد تومان بود. جمعیت ۸ میلیون نفر است.', 'خودرو', ['میلیارد', 'میلیون'], 'a number word of a hundred or more is part of a number, no keyword (میلیارد تومان and میلیون نفر were keywords: the tagger writes such words NOUN after digits, as the early PerDT slice does)'],
    ['خیلی خوب بود ولی قیمتش ۱۲٬۵۰۰ تومان گرونه! قیمت: ۱۲,۵۰۰ تومان (قبلاً ۱۵,۰۰۰ ریال). قرص ۵۰۰ میلی‌گرم.', 'قیمت', ['تومان', 'ریال', 'میلی‌گرم'], 'a unit of money or measure after a number is part of a quantity, no keyword (تومان was the first keyword of a product review)'],
    ['دمای هوای تهران امروز ۲۵°C است. دما بین ۱۰ تا ۱۵ °C و ۷۷°F است. سرعت باد ۲۰ km/h است.', 'دما', ['°c', '°f', 'km/h'], 'a temperature unit after a number (°C, °F) is part of the quantity, no keyword (°C was the second keyword of a weather report)'],
    ['قیمت دلار امروز بالا رفت. قیمت دلار در بازار ۶۰ هزار تومان شد. دلار گران شد.', 'دلار', [], 'trap: not after a number a currency is a topic like any word'],
    ['افزایش ۲۰ درصدی حقوق معلمان اعلام شد. حقوق معلمان با افزایش ۲۰ درصدی همراه است. یک بسته ۱۰ کیلویی برنج خرید.', 'معلم', ['درصد', 'درصدی', 'کیلو', 'کیلویی'], 'a unit\'s adjective after a number (۲۰ درصدی, ۱۰ کیلویی) is a quantity too, no keyword (درصدی was one of a news report)'],
    ['سلام @مریم و @ali_reza امروز درباره کتاب جدید صحبت کردیم. کتاب جدید را @مریم معرفی کرد.', 'کتاب', ['@مریم', 'مریم', '@ali_reza'], 'a mention is a user\'s handle, not a topic (@مریم was the second keyword of a chat line)'],
    ['درصدی از مردم آمدند. درصدی از مردم ماندند.', 'درصد', [], 'trap: not after a number it is a word like any other'],
    ['بیمار به حالت کما رفت و قد او کوتاه بود. قد و وزن بیمار را اندازه گرفتند.', 'کما', [], 'an Arabic function word that is a Persian noun too (کما "coma", قد "height") stays one outside an Arabic passage'],
    ['بیمار به حالت کما رفت و قد او کوتاه بود. قد و وزن بیمار را اندازه گرفتند.', 'قد', [], 'the same (قد)'],
    ['راهنمای نصب کتابخانه\n\n```js\nconst x = \'سلام\'; // یک رشته فارسی\n```\n\nنصب کتابخانه ساده است.', 'کتابخانه', ['const', "'سلام';", 'رشته'], "a fenced code block's words, Persian ones too, are no keywords ('سلام'; and const were the second and third)"],
  ];
  it.each(FOREIGN)('%s', (text, want, never) => {
    const lemmas = keywords(text).flatMap((k) => k.lemma.split(' ').map((w) => w.toLowerCase()));
    if (want) expect(lemmas).toContain(want.toLowerCase());
    for (const w of never) expect(lemmas).not.toContain(w.toLowerCase());
  });
  // [text, a keyword that must be there (its lemma), keywords that must be none (lemmas), reason]
  const WHOLE: [string, string | null, string[], string][] = [
    ['دیوان عالی کشور حکم را تأیید کرد و رئیس دیوان عالی کشور سخن گفت.', 'دیوان عالی کشور', ['دیوان عالی', 'کشور'], 'an ezafe chain hung on its first word is one run: کشور (nmod of دیوان) after عالی (flat of دیوان) was cut off, keywords دیوان عالی and کشور'],
    ['وزارت آموزش و پرورش برنامه جدید را اعلام کرد. وزارت آموزش و پرورش مدارس را باز کرد.', 'وزارت آموزش و پرورش', ['پرورش', 'آموزش'], 'the و inside a name goes on with it (پرورش and آموزش were the first keywords)'],
    ['علی و حسن به مدرسه رفتند و علی درس خواند.', 'علی', ['علی و حسن'], 'trap: two names joined by و stay two'],
    ['این شهر بناهای تاریخی مانند میدان نقش جهان و سی‌وسه‌پل دارد. اصفهان از کلان‌شهرهای ایران و مرکز استان است.', null, ['میدان نقش جهان و سی‌وسه‌پل', 'کلان‌شهر ایران و مرکز', 'ایران و مرکز استان'], 'trap: a name joined by و to the last word of another (the conj hangs on the word before و) is two names'],
    ['در صورت بارندگی مسابقه لغو می‌شود. در صورت بارندگی مردم در خانه می‌مانند.', 'بارندگی', ['صورت بارندگی', 'صورت'], 'the noun of a compound preposition (در صورت: 133 of صورت\'s 576 times in the raw train text) is no keyword\'s word (صورت بارندگی was the first keyword)'],
    ['کارگران در حال ساخت پل هستند. کارگران در حال ساخت پل جدید بودند.', 'ساخت', ['حال ساخت', 'حال ساخت پل', 'حال'], 'likewise در حال'],
    ['این مقاله در [[رده:ورزش ایران]] است. {{الگو:جعبه اطلاعات}} متن مقاله درباره فوتبال است.', 'فوتبال', ['رده:ورزش ایران', 'رده:ورزش', 'الگو:جعبه اطلاعات', 'ورزش', 'جعبه اطلاع'], 'a wiki page\'s name with its namespace (a category, a template) is markup, no keyword (رده:ورزش ایران and الگو:جعبه اطلاعات were the first two)'],
    ['الگو:جعبه فوتبال مقاله فوتبال است.', 'فوتبال', ['الگو', 'جعبه'], 'written without brackets, the colon split off by the tokenizer'],
    ['تصویر: نمای شهر تهران در شب', 'تصویر', [], 'trap: a namespace\'s word with a space after the colon is a word of the text (a caption)'],
  ];
  it.each(WHOLE)('%s', (text, want, never) => {
    const lemmas = keywords(text).map((k) => k.lemma);
    if (want) expect(lemmas).toContain(want);
    for (const w of never) expect(lemmas).not.toContain(w);
  });
  it('never throws on a string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (s) => {
        for (const k of keywords(s)) for (const sp of k.spans) expect(sp.end).toBeLessThanOrEqual(s.length);
      }),
      { numRuns: 200 },
    );
    expect(keywords(undefined as never)).toEqual([]);
  });
});

describe('phrases (Node, shipped tagger, lemmatizer and parser)', () => {
  it('noun phrases and verb groups of raw text, with compound-verb lemmas and offsets into the original text', () => {
    // half-spaces missing and Arabic letters: the normalizer repairs them, offsets stay on the input
    const text = 'دانشجویان دانشگاه تهران از این روش استفاده كرده بودند. كتابهای جدید را خواهم خرید.';
    const ps = phrases(text);
    expect(ps.map((p) => [p.type, p.text, p.sentence])).toEqual([
      ['NP', 'دانشجویان دانشگاه تهران', 0],
      ['NP', 'این روش', 0],
      ['VP', 'استفاده كرده بودند', 0],
      ['NP', 'كتابهای جدید', 1],
      ['VP', 'خواهم خرید', 1],
    ]);
    expect(ps[2]!.lemma).toBe('استفاده کرد');
    for (const p of ps) expect(text.slice(p.start, p.end)).toBe(p.text);
  });
  // [text, the phrases wanted among its phrases (type and text), reason]
  const parsed: [string, string[], string][] = [
    ['تا ۲۱ام فروردین ماند.', ['NP ۲۱ام فروردین'], 'a day with its ordinal suffix and its month are one NP (the parser had made the ordinal the root and the month its obl:arg: ۲۱ام was left out; parser post-rule 4)'],
    ['او ۳اُم آبان آمد.', ['NP ۳اُم آبان', 'VP آمد'], 'the vowelled suffix too; the month had gone into the verb group ([VP آبان آمد])'],
    ['او ۳ آبان آمد.', ['NP ۳ آبان', 'VP آمد'], 'a day in digits: the month is no light verb\'s part'],
  ];
  it.each(parsed)('%s: %j (%s)', (text, want) => {
    const got = phrases(text).map((p) => `${p.type} ${p.text}`);
    for (const w of want) expect(got).toContain(w);
  });
  it('never throws on a string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (s) => {
        for (const p of phrases(s)) {
          expect(s.slice(p.start, p.end)).toBe(p.text);
          for (const piece of p.pieces) expect(piece.end).toBeLessThanOrEqual(s.length);
        }
      }),
      { numRuns: 200 },
    );
    expect(phrases(undefined as never)).toEqual([]);
  });
});

describe('searchTerms, keywords and phrases of long texts: analysed in pieces, the same as of the whole Doc', () => {
  // the reference: the functions of the core run on one Doc of the whole text (what the Node functions did before they
  // read the text in pieces, pipeline.processPieces)
  const lemmas = createPipeline({ components: ['normalizer', 'tokenizer', 'lemmatizer'], scheme: 'auto' });
  const parsed = createPipeline({ components: ['normalizer', 'tokenizer', 'tagger', 'lemmatizer', 'parser'], scheme: 'auto' });
  const stop = loadResource('stopwords') as Stopwords;
  const idf = loadResource('idf') as Idf;
  const news = 'بانک مرکزی نرخ ارز را سه هزار و پانصد تومان اعلام کرد و دانشجویان دانشگاه تهران از این روش استفاده کرده بودند. ';
  // (a little over MAX_SEGMENT units, so that the long line is cut once, or the text is read in more than one piece: at
  // twice MAX_SEGMENT the first three rows took 35, 12 and 27 s alone on a loaded machine)
  const size = MAX_SEGMENT + 8_000;
  // [why, text]
  const rows: [string, string][] = [
    ['one line of MAX_SEGMENT + 8,000 units, cut after sentence ends', news.repeat(Math.ceil(size / news.length))],
    ['a number in words across the place a line without sentence ends is cut (only spaces)', ('کتاب سه هزار و پانصد ').repeat(Math.ceil(size / 21))],
    ['many lines, formal and colloquial', (news + '\nیه کتاب میخوام که خیلی خوبه و سه هزار تومنه\n').repeat(Math.ceil(size / (news.length + 45)))],
    ['one long word', 'کتاب'.repeat(MAX_SEGMENT)],
  ];
  it.each(rows)('%s', (_why, text) => {
    expect(text.length).toBeGreaterThan(MAX_SEGMENT);
    const lemmatized = lemmas.process(text);
    expect(searchTerms(text)).toEqual(searchTermsOf(lemmatized, stop));
    expect(searchTerms(text, { lemmas: false, stopwords: false })).toEqual(searchTermsOf(lemmatized, stop, { lemmas: false, stopwords: false }));
    const whole = parsed.process(text);
    expect(phrases(text)).toEqual(phrasesOf(whole));
    expect(phrases(text, { types: ['VP'] })).toEqual(phrasesOf(whole, { types: ['VP'] }));
    expect(keywords(text, { n: 30 })).toEqual(keywordsOf(whole, idf, stop, { n: 30 }));
  });
});
