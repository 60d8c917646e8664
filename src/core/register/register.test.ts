import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { colloquialCount, detectRegister, registerCount, registerWith } from './index.js';

const Z = '\u200c';

describe('detectRegister', () => {
  const rows: [string, 'formal' | 'informal', string][] = [
    ['رئیس‌جمهور در سفر به استان‌های جنوبی گفت که دولت به مردم خدمت می‌کند.', 'formal', 'news prose: no colloquial marker'],
    ['کتاب‌های جدید را دیدم و خیلی خوشم آمد.', 'formal', 'a personal sentence, written formally'],
    ['این کتاب خوب است؟ بله، کجاست؟', 'formal', 'formal کجاست (کجا + است) is no marker'],
    ['یه کتاب خوب خریدم.', 'informal', 'یه for یک: one marker in a short message'],
    ['اونا میخوان بیان خونمون ولی ما خونه نیستیم.', 'informal', 'اونا and the spoken verb میخوان'],
    [`نمی${Z}دونم چی بگم، دیگه خسته شدم.`, 'informal', 'نمیدونم with its ZWNJ (ignored), and دیگه'],
    ['بچه‌ها میگن فردا تعطیله.', 'informal', 'the spoken 3pl ending: میگن'],
    ['میوه و میله و میخانه و میکرده و میلیون و میزان را شمردیم.', 'formal', 'words in می that are no spoken verbs (میوه, میله, participles, ان/ون words)'],
    [
      'در این گزارش که به بررسی وضعیت اقتصادی کشور در سال گذشته می‌پردازد آمده است که نرخ تورم افزایش یافته و دولت دیگه برنامه تازه دارد.',
      'formal',
      'one ordinary marker (دیگه) in a long paragraph is not enough',
    ],
    [
      'سلام به همه دوستان، من یه سوال داشتم در مورد این گوشی که هفته پیش خریدم و هنوز راهنمای آن را کامل نخوانده‌ام',
      'informal',
      'یه decides alone at any length: 8 of the 31k formal train lines have it, all spoken dialogue (a forum paragraph with one یه was formal)',
    ],
    ['همه روزهای زندگی ما در این شهر کوچک و دور از همه جا گذشت و ما اگه وقت بود عکس‌ها رو میفرستیم', 'informal', 'رو before a verb in می is the spoken object marker: with اگه two markers'],
    ['از این رو می‌توان گفت که این روش در بیشتر موارد بهتر است و نتیجه آن را همه دیدند و کسی دیگه نگفت', 'formal', 'trap: از این رو (hence) before a verb is no object marker (دیگه alone in a long line)'],
    ['با تداوم جنبش سبز اختلافات بار دیگر رو می‌آید.', 'formal', 'trap: رو آمدن, the noun رو with its light verb (also رو کردن, رو شدن)'],
    ['آمریکا به جای سند بهانه رو می‌کند.', 'formal', 'trap: رو کردن (a formal train line)'],
    ['کتاب را رو میز گذاشتم و رفتم', 'formal', 'رو before میز (a noun in می) is no verb: not counted'],
    ['خودشون گفتن.', 'informal', 'a word in the chat clitic شون (and the spoken 3pl گفتن is no marker alone)'],
    ['پادشاه عصبانی شد و امر کرد که قشون آماده شود.', 'formal', 'trap: قشون (army) is a formal word in شون'],
    ['خوووبه', 'informal', 'a letter stretched for emphasis is chat\'s (none in the 31k formal training lines): one marker in a short message (it was formal, its words kept whole)'],
    ['امروز هوا خیلییییی سرد بود و ما در خانه ماندیم و چای خوردیم و کتاب خواندیم تا شب شد و همه خوابیدند ههههه', 'informal', 'two stretched words (the second laughter) in a long line'],
    ['در سال ۲۰۰۰ و دهه‌ها و ممنون و تشدید مدد', 'formal', 'trap: digits and doubled letters are no stretch'],
    ['', 'formal', 'empty text'],
    ['Hello world, this is English. 123', 'formal', 'no Persian words'],
  ];
  it.each(rows)('%s → %s (%s)', (text, register) => {
    expect(detectRegister(text)).toBe(register);
  });

  it('counts Persian words and markers', () => {
    expect(registerCount('یه کتاب و اون قلم')).toEqual({ words: 5, markers: 2, strong: 1 });
    expect(registerCount('hello یه')).toEqual({ words: 1, markers: 1, strong: 1 });
    expect(registerCount('عکس‌ها رو میفرستم')).toEqual({ words: 3, markers: 1, strong: 0 });
  });

  it('any string gives a result (never throws)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        const c = registerCount(s);
        expect(c.markers).toBeLessThanOrEqual(c.words);
        expect(['formal', 'informal']).toContain(detectRegister(s));
      }),
      { numRuns: 2000 },
    );
  });

  it('a range counts as the same slice would', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('یه', 'اون', 'میکنه', 'کتاب', 'خودشون', 'رو', 'از', 'این', 'میرم', ' ', '\n', 'a', '\u200c'), { maxLength: 20 }), fc.nat(), fc.nat(), (parts, a, b) => {
        const s = parts.join('');
        const from = a % (s.length + 1);
        const to = from + (b % (s.length - from + 1));
        expect(registerCount(s, from, to)).toEqual(registerCount(s.slice(from, to)));
      }),
      { numRuns: 1000 },
    );
  });

  // [text, markers, reason]: every marker passes the hash filter before the exact look-up
  const filtered: [string, number, string][] = [
    ['یه اون اونا اینا اونجا دیگه اگه خب واسه همون', 10, 'listed markers (their hash bits are set)'],
    ['خانه\u200cای و کتاب و اگر و دیگر', 0, 'formal words next to markers\' letters'],
    ['بهم\u200cبرام', 0, 'two markers joined by a ZWNJ are one word, no marker'],
  ];
  it.each(filtered)('registerCount(%s).markers = %d: %s', (text, want) => expect(registerCount(text).markers).toBe(want));

  it('a word longer than any marker is counted but not looked up (a 1 MB run of letters)', () => {
    expect(registerCount('ب'.repeat(1 << 20))).toEqual({ words: 1, markers: 0, strong: 0 });
  });
});

describe('registerWith (markers, and a second word test where one word can decide)', () => {
  // a stand-in for the formalizer's strong readings
  const chat = new Set(['میدیم', 'قشنگه', 'تونم']);
  const test = (w: string): boolean => chat.has(w);
  const rows: [string, 'formal' | 'informal', string][] = [
    ['فیلم سیندرلا رو میدیم', 'informal', 'no marker, one colloquial word in a short line'],
    ['این کتاب خوب است.', 'formal', 'no marker, no colloquial word'],
    [`${'کتاب '.repeat(13)}میدیم`, 'formal', 'a long line without a marker is not read word by word (formal text pays nothing)'],
    [`${'کتاب '.repeat(13)}دیگه چیز میدیم`, 'informal', 'a long line with one marker: one more colloquial word decides'],
    [`${'کتاب '.repeat(13)}یه چیز`, 'informal', 'یه decides alone, at any length'],
    ['', 'formal', 'empty'],
  ];
  for (const [text, want, why] of rows) it(`${text.slice(0, 30)} → ${want} (${why})`, () => expect(registerWith(text, test)).toBe(want));
  it('without a test it is detectRegister', () => {
    for (const [text] of rows) expect(registerWith(text, undefined)).toBe(detectRegister(text));
  });
  // [text, words the test is asked, reason]: the test is asked only where its answer can change the register
  const asked: [string, string[], string][] = [
    ['یه فیلم خوب میدیم', [], 'one marker in up to 12 words: informal already, nothing asked'],
    ['دو تا فیلم خوب میدیم و قشنگه', ['دو', 'تا', 'فیلم', 'خوب', 'میدیم'], 'no marker, short line: asking stops at the first colloquial word'],
    [`${'کتاب '.repeat(13)}دیگه میدیم قشنگه`, [...Array(13).fill('کتاب'), 'میدیم'], 'one marker in a long line: one more colloquial word decides, asking stops there'],
    [`${'کتاب '.repeat(13)}یه میدیم قشنگه`, [], 'یه in a long line: informal already, nothing asked'],
    [`${'کتاب '.repeat(13)}میدیم`, [], 'no marker in a long line: nothing asked'],
  ];
  it.each(asked)('registerWith(%s) asks %j: %s', (text, want) => {
    const seen: string[] = [];
    registerWith(text, (w) => (seen.push(w), test(w)));
    expect(seen).toEqual(want);
  });
  it('colloquialCount counts words as written, stops at the limit, and skips runs longer than any word', () => {
    expect(colloquialCount('میدیم و قشنگه و تونم', test, 0, undefined, 5)).toBe(3);
    expect(colloquialCount('میدیم و قشنگه و تونم', test)).toBe(2);
    expect(colloquialCount('ب'.repeat(1 << 20), () => true)).toBe(0);
  });
});

