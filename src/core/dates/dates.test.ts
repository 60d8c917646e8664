import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findDates, formatJalali, gregorianToJalali, isJalaliLeapYear, jalaliMonthLength, jalaliToGregorian } from './index.js';

describe('Jalali ⇄ Gregorian', () => {
  const rows: [[number, number, number], [number, number, number], string][] = [
    [[1403, 1, 1], [2024, 3, 20], 'Nowruz 1403'],
    [[1402, 1, 1], [2023, 3, 21], 'Nowruz 1402'],
    [[1357, 11, 22], [1979, 2, 11], '22 Bahman 1357'],
    [[1403, 12, 30], [2025, 3, 20], '30 Esfand of a leap year'],
    [[1399, 12, 30], [2021, 3, 20], 'another leap year'],
    [[1, 1, 1], [622, 3, 22], 'the epoch'],
  ];
  for (const [j, g, why] of rows) {
    it(`${j.join('/')} ⇄ ${g.join('-')} (${why})`, () => {
      expect(jalaliToGregorian(...j)).toEqual({ year: g[0], month: g[1], day: g[2] });
      expect(gregorianToJalali(...g)).toEqual({ year: j[0], month: j[1], day: j[2] });
    });
  }
  // (Node's official builds and browsers carry full ICU; a build without the persian calendar skips this check)
  const f = new Intl.DateTimeFormat('en-u-ca-persian-nu-latn', { year: 'numeric', month: 'numeric', day: 'numeric', timeZone: 'UTC' });
  it.skipIf(f.resolvedOptions().calendar !== 'persian')('agrees with the persian calendar of Intl (ICU) on every day from 1900 to 2100', () => {
    let bad = 0;
    for (let t = Date.UTC(1900, 0, 1); t <= Date.UTC(2100, 11, 31); t += 86_400_000) {
      const d = new Date(t);
      const parts = Object.fromEntries(f.formatToParts(d).map((p) => [p.type, p.value]));
      const j = gregorianToJalali(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
      if (j.year !== Number(parts.year) || j.month !== Number(parts.month) || j.day !== Number(parts.day)) bad++;
    }
    expect(bad).toBe(0);
  });
  it('round-trips every Jalali date of years 1 to 3000', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3000 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (y, m, d) => {
        if (d > jalaliMonthLength(y, m)) return;
        const g = jalaliToGregorian(y, m, d);
        expect(gregorianToJalali(g.year, g.month, g.day)).toEqual({ year: y, month: m, day: d });
      }),
      { numRuns: 5000 },
    );
  });
  it('leap years and month lengths', () => {
    expect([1399, 1400, 1401, 1402, 1403, 1404].map(isJalaliLeapYear)).toEqual([true, false, false, false, true, false]);
    expect([1, 6, 7, 11].map((m) => jalaliMonthLength(1402, m))).toEqual([31, 31, 30, 30]);
    expect(jalaliMonthLength(1402, 12)).toBe(29);
  });
  it('dates that do not exist throw E_BAD_DATE', () => {
    for (const args of [[1402, 12, 30], [1402, 7, 31], [1402, 13, 1], [1402, 0, 1], [1402.5, 1, 1], [5000, 1, 1]] as [number, number, number][]) {
      expect(() => jalaliToGregorian(...args)).toThrowError(expect.objectContaining({ code: 'E_BAD_DATE' }) as Error);
    }
    expect(() => gregorianToJalali(2023, 2, 29)).toThrowError(expect.objectContaining({ code: 'E_BAD_DATE' }) as Error);
  });
  // [reason, call, the error's message]: a part that is no whole number is named as such, and a bad option rejected
  const badCalls: [string, () => unknown, RegExp][] = [
    ['a year given as a string was "outside -61..3177"', () => jalaliToGregorian('1403' as unknown as number, 1, 1), /^E_BAD_DATE: the Jalali year must be a whole number, not the string "1403"/],
    ['a month given as a string: "month 1 does not exist"', () => jalaliToGregorian(1403, '1' as unknown as number, 1), /^E_BAD_DATE: the month must be a whole number, not the string "1"/],
    ['a fraction of a day', () => jalaliToGregorian(1403, 1, 1.5), /^E_BAD_DATE: the day must be a whole number, not 1.5/],
    ['a fraction of a year was "outside -61..3177"', () => jalaliToGregorian(1403.5, 1, 1), /^E_BAD_DATE: the Jalali year must be a whole number, not 1403.5/],
    ['NaN', () => isJalaliLeapYear(NaN), /^E_BAD_DATE: the Jalali year must be a whole number, not NaN/],
    ['no date: "the Jalali year undefined is outside"', () => formatJalali(undefined as unknown as { year: number; month: number; day: number }), /^E_BAD_DATE: the Jalali year must be a whole number, not undefined/],
    ['a Gregorian year as a string: "2024-3-20 is no Gregorian date"', () => gregorianToJalali('2024' as unknown as number, 3, 20), /^E_BAD_DATE: the year must be a whole number, not the string "2024"/],
    ['a whole month out of range keeps its message', () => jalaliToGregorian(1403, 13, 1), /^E_BAD_DATE: month 13 does not exist/],
    ['a misspelt style gave the long form', () => formatJalali({ year: 1402, month: 1, day: 5 }, { style: 'numberic' as 'numeric' }), /^E_BAD_OPTION: option "style" cannot be "numberic"/],
    ['an unknown digits value gave Persian digits', () => formatJalali({ year: 1402, month: 1, day: 5 }, { digits: 'persian' as 'fa' }), /^E_BAD_OPTION: option "digits" cannot be "persian"/],
  ];
  it.each(badCalls)('%s: a clear error', (_why, call, message) => {
    expect(call).toThrowError(message);
  });
  it('formatJalali', () => {
    expect(formatJalali({ year: 1402, month: 1, day: 15 })).toBe('۱۵ فروردین ۱۴۰۲');
    expect(formatJalali({ year: 1402, month: 1, day: 15 }, { weekday: true })).toBe('سه‌شنبه ۱۵ فروردین ۱۴۰۲');
    expect(formatJalali({ year: 1402, month: 1, day: 5 }, { style: 'numeric', digits: 'latin' })).toBe('1402/01/05');
    expect(formatJalali({ year: 1402, month: 1, day: 5 }, { style: 'numeric' })).toBe('۱۴۰۲/۰۱/۰۵');
  });
});

describe('findDates', () => {
  const rows: [string, string[], string][] = [
    ['روز سه‌شنبه ۲۲ بهمن ۱۳۵۷ بود', ['سه‌شنبه ۲۲ بهمن ۱۳۵۷ → 1357/11/22 1979-02-11'], 'weekday, day, month, year'],
    ['پانزدهم خرداد ماه ۱۴۰۲ هجری شمسی', ['پانزدهم خرداد ماه ۱۴۰۲ هجری شمسی → 1402/3/15 2023-06-05'], 'ordinal day in words, ماه apart, era'],
    ['در ۱۵ فروردین‌ماه', ['۱۵ فروردین‌ماه → -/1/15'], 'no year: no conversion'],
    ['اسفند ۱۴۰۱ گذشت', ['اسفند ۱۴۰۱ → 1401/12/-'], 'month and year'],
    ['یازدهم سپتامبر دو هزار و یک', ['یازدهم سپتامبر دو هزار و یک → 2001/9/11 2001-09-11'], 'Gregorian, year in words'],
    ['۲۰ مارس ۲۰۲۴ میلادی', ['۲۰ مارس ۲۰۲۴ میلادی → 2024/3/20 2024-03-20'], 'Gregorian in Persian'],
    ['۱۰ محرم ۱۴۴۵ قمری', ['۱۰ محرم ۱۴۴۵ قمری → 1445/1/10'], 'Hijri: found, not converted'],
    ['جلسه ۱۵ ژانویهٔ ۲۰۲۴ بود', ['۱۵ ژانویهٔ ۲۰۲۴ → 2024/1/15 2024-01-15'], 'the ezafe hamza after a month in ه is part of the word (it ended the month there: the year was lost)'],
    ['۱۵ ژانویه‌ی ۲۰۲۴ و ۱۰ ذی‌الحجهٔ ۱۴۴۵', ['۱۵ ژانویه‌ی ۲۰۲۴ → 2024/1/15 2024-01-15', '۱۰ ذی‌الحجهٔ ۱۴۴۵ → 1445/12/10'], 'the ezafe ‌ی too (ژانویه‌ی was no month: no date), and a Hijri month in ه'],
    ['۱۵ ژانویه ی ۲۰۲۴', ['۱۵ ژانویه ی ۲۰۲۴ → 2024/1/15 2024-01-15'], 'the ezafe ی written apart, between the month and its year'],
    ['۱۵ ژانویه ی سرد', ['۱۵ ژانویه → -/1/15'], 'trap: a ی apart with no year after it is not the date\'s'],
    ['هوای مهی ۲۰۲۴', [], 'trap: مهی (foggy) is no مه (May) + ezafe'],
    ['تاریخ ۱۴۰۲/۰۱/۱۵ و 2024-03-20', ['۱۴۰۲/۰۱/۱۵ → 1402/1/15 2023-04-04', '2024-03-20 → 2024/3/20 2024-03-20'], 'numeric dates'],
    ['از نه دی آغاز شد', ['نه دی → -/10/9'], 'نه as a day'],
    ['تیر به هدف خورد و مهر مادر', [], 'month names that are common words, alone'],
    ['یه سی دی خریدم و دو دی وی دی', [], 'دی among spelled Latin letters (CD, DVD), a day in words before it: no date'],
    ['مانیتور ال سی دی و واشنگتن دی سی', [], 'LCD, DC: letter names around دی'],
    ['از هفده دی تا سی دی ماه ۱۳۹۹', ['هفده دی → -/10/17', 'سی دی ماه ۱۳۹۹ → 1399/10/30 2021-01-19'], 'a day in words before دی is a date away from letter names, and سی دی with ماه or a year'],
    ['در مهرماه و تیر ماه و ماه مارس', ['مهرماه → -/7/-', 'تیر ماه → -/4/-', 'ماه مارس → -/3/-'], 'a month marked by ماه: month only'],
    ['۲۰ می خواهند', [], 'می needs a year'],
    ['۳۱ مهر ۱۴۰۲ و ۳۰ اسفند ۱۴۰۲', [], 'dates that do not exist'],
    ['در سال ۱۴۰۲ و فروردین', [], 'a year alone, a month alone'],
    ['version 1.2.3 و ۱۲:۳۰', [], 'no date'],
    ['تاریخ:۱۴۰۲/۰۱/۱۵', ['۱۴۰۲/۰۱/۱۵ → 1402/1/15 2023-04-04'], 'a numeric date glued after a label and a colon'],
    ['ساعت ۱۰:۱۴۰۲/۰۱/۱۵', [], 'but not after digits and a colon (part of a longer figure)'],
    ['برداشت ۱۴۰۳/۰۸/۱۲-۱۴:۲۳ و 2024-03-20-09:05:30.', ['۱۴۰۳/۰۸/۱۲ → 1403/8/12 2024-11-02', '2024-03-20 → 2024/3/20 2024-03-20'], 'a time joined by a dash after the date, as a bank\'s SMS stamps a transaction (the dash made it part of a longer figure: no date); seconds and a full stop after it'],
    ['کد ۱۴۰۲/۰۵/۰۱-۱۲ و ۱۴۰۲/۰۵/۰۱-۱۲:۳۰/۴ و ۱۴۰۲/۰۵/۰۱-۱۲:۳۰.۵ و ۱۴۰۲/۰۵/۰۱-۱۲:۳', [], 'trap: after the dash no time of day (one number; a time going on as a longer figure; one minute digit): still part of a longer figure'],
    ['تاریخ ۱۴۰۲\u200f/۰۵\u200f/۰۱ بود', ['۱۴۰۲\u200f/۰۵\u200f/۰۱ → 1402/5/1 2023-07-23'], 'an RLM after each part, as writers put to keep a date in order on screen (it was no date)'],
    ['تاریخ ۱۴۰۲/\u200e۰۵/\u200e۰۱ بود', ['۱۴۰۲/\u200e۰۵/\u200e۰۱ → 1402/5/1 2023-07-23'], 'an LRM after each separator'],
    ['کد ۱۴۰۲\u200f/۰۵\u200f/۰۱\u200f/۰۳ و ۰۳/\u200e۱۴۰۲/\u200e۰۵/\u200e۰۱', [], 'trap: the marks are read through at the edges too: part of a longer figure, as ۱۴۰۲/۰۵/۰۱/۰۳ (each had been a date)'],
    ['```\n۱۵ فروردین ۱۴۰۲\n1402/05/01\n```', [], 'inside a code fence neither date (the numeric one was found while the one in words, read off findNumbers, was not)'],
    ['`1402/05/01` و c:\\logs\\1402/05/01', [], 'nor in inline code or a file path: the normalizer\'s protected spans'],
    ['تاریخ 1402/05/01 بود', ['1402/05/01 → 1402/5/1 2023-07-23'], 'a numeric date with its slashes in prose is found as before'],
    ['تاریخ ۱۴۰۲\u200f/۰۵\u200f/۰۱\u200f بود', ['۱۴۰۲\u200f/۰۵\u200f/۰۱ → 1402/5/1 2023-07-23'], 'an RLM after the last part too'],
    ['۱۵ خرداد سال ۱۴۰۲ هجری شمسی', ['۱۵ خرداد سال ۱۴۰۲ هجری شمسی → 1402/3/15 2023-06-05'], 'سال between the month and the year'],
    ['از اول مهر ماه سال ۹۹ تا اسفند سال ۱۴۰۰', ['اول مهر ماه سال ۹۹ → 1399/7/1 2020-09-22', 'اسفند سال ۱۴۰۰ → 1400/12/-'], 'a two-digit year after سال; month and year with سال'],
    ['در ۲۲ بهمن ۵۷، انقلاب و ۱۵ خرداد ۰۲.', ['۲۲ بهمن ۵۷ → 1357/11/22 1979-02-11', '۱۵ خرداد ۰۲ → 1402/3/15 2023-06-05'], 'a two-digit year ending the phrase: 1320-1419'],
    ['۲۰ مارس ۲۴ میلادی', ['۲۰ مارس ۲۴ میلادی → 2024/3/20 2024-03-20'], 'a two-digit Gregorian year before an era: 1950-2049'],
    ['در ماه نوامبر سال ۱۸۰۱ و ماه مارس', ['ماه نوامبر سال ۱۸۰۱ → 1801/11/-', 'ماه مارس → -/3/-'], 'ماه before a month and year is part of it'],
    ['هفتم دسامبر سال ۵۳۹ پیش از میلاد و دهم مارس ۳۰۰ ق.م.', ['هفتم دسامبر → -/12/7', 'دهم مارس → -/3/10'], 'a year before Christ: day and month only'],
    ['هفتم دسامبر سال ۵۰۰ و ۱۲ مارس ۹۰۰۰', ['هفتم دسامبر → -/12/7', '۱۲ مارس → -/3/12'], 'a year outside the calendar functions\' range: the date without it'],
    ['تا ۱۵ خرداد ۲۰ نفر آمدند و ۲۲ بهمن ۵۷ انقلاب', ['۱۵ خرداد → -/3/15', '۲۲ بهمن → -/11/22'], 'two digits a word follows: a count, not a year'],
    ['از ۱ تا ۳ فروردین ۱۴۰۳ تعطیل است', ['۱ → 1403/1/1 2024-03-20', '۳ فروردین ۱۴۰۳ → 1403/1/3 2024-03-22'], 'the first day of a range whose month is written once at its end: a date of that month and year (only the end was found)'],
    ['اول تا سوم مهر و ۱۰ الی ۱۲ اردیبهشت', ['اول → -/7/1', 'سوم مهر → -/7/3', '۱۰ → -/2/10', '۱۲ اردیبهشت → -/2/12'], 'the same in words, and with الی'],
    ['در 15 January 2024 و January 20, 2024 و Jan. 5th, 2024', ['15 January 2024 → 2024/1/15 2024-01-15', 'January 20, 2024 → 2024/1/20 2024-01-20', 'Jan. 5th, 2024 → 2024/1/5 2024-01-05'], 'English dates in Persian text, day first or month first (they were no dates)'],
    ['از 3rd of Sept 2023 تا March 2024', ['3rd of Sept 2023 → 2023/9/3 2023-09-03', 'March 2024 → 2024/3/-'], 'an ordinal day and of; a month and a year'],
    ['You may 2024 و 31 April 2024 و Marching 2024 و in May و 1 MARCH 2024', ['1 MARCH 2024 → 2024/3/1 2024-03-01'], 'trap: a month name not capitalized (may), a date that does not exist, a longer word, a month without a year: none; capitals are a month'],
    ['`15 January 2024` و A15 Jan 2024', [], 'trap: inside inline code, or glued to a Latin letter, no date'],
    ['تولد در ۱۲ ربیع‌الاول ۱۴۴۵ ق برابر ۶ مهر ۱۴۰۲ ش بود', ['۱۲ ربیع‌الاول ۱۴۴۵ ق → 1445/3/12', '۶ مهر ۱۴۰۲ ش → 1402/7/6 2023-09-28'], 'a bare era letter after the year (ق, ش, م), as forms abbreviate قمری, شمسی, میلادی: part of the date (it was left out)'],
    ['۱۵ خرداد ۱۴۰۲ قیمت و ۱۵ مهر ق و ۱۵ مهر ۱۴۰۲ م‌ها', ['۱۵ خرداد ۱۴۰۲ → 1402/3/15 2023-06-05', '۱۵ مهر → -/7/15', '۱۵ مهر ۱۴۰۲ → 1402/7/15 2023-10-07'], 'trap: a letter that begins a word, a letter after no year, a letter a piece is glued to: no era'],
    ['۱ فروردین ۱۴۰۳ش و ۱۲ ربیع‌الاول ۱۴۴۵ق بود', ['۱ فروردین ۱۴۰۳ش → 1403/1/1 2024-03-20', '۱۲ ربیع‌الاول ۱۴۴۵ق → 1445/3/12'], 'a year with its era letter glued (۱۴۰۳ش): the year and the era (the year was lost: no number is read glued to a letter)'],
    ['۱ فروردین ۱۴۰۳شب', ['۱ فروردین → -/1/1'], 'trap: digits glued to a word are no year'],
    ['سه شنبه ۲۱ فروردین ۱۴۰۳ و پنج شنبه ۲۳ فروردین', ['سه شنبه ۲۱ فروردین ۱۴۰۳ → 1403/1/21 2024-04-09', 'پنج شنبه ۲۳ فروردین → -/1/23'], 'a weekday written with a space (سه شنبه) is the weekday (it was شنبه alone, Saturday)'],
    ['۲۱ام مهر و ۳اُم آبان ۱۴۰۳ و نفر ۱۲ ام آذر', ['۲۱ام مهر → -/7/21', '۳اُم آبان ۱۴۰۳ → 1403/8/3 2024-10-24', '۱۲ ام آذر → -/9/12'], 'a day in digits with an ordinal suffix, glued or apart, as بیست و یکم مهر is read (they were no dates)'],
    ['۵ تا ۳ فروردین و سال ۱۴۰۰ تا ۴ تیر', ['۳ فروردین → -/1/3', '۴ تیر → -/4/4'], 'trap: a number no smaller than the last day, or no day, before تا is none'],
  ];
  for (const [text, want, why] of rows) {
    it(`${text} (${why})`, () => {
      const got = findDates(text);
      expect(got.map((d) => `${d.text} → ${d.year ?? '-'}/${d.month}/${d.day ?? '-'}${d.iso ? ` ${d.iso}` : ''}`)).toEqual(want);
      for (const d of got) expect(text.slice(d.start, d.end)).toBe(d.text);
    });
  }
  it('weekdayAgrees reads a weekday written with a space as the one written with a ZWNJ', () => {
    expect(findDates('سه شنبه ۲۱ فروردین ۱۴۰۳').map((d) => [d.weekday, d.weekdayAgrees])).toEqual([['سه شنبه', true]]);
    expect(findDates('پنج شنبه ۲۱ فروردین ۱۴۰۳').map((d) => [d.weekday, d.weekdayAgrees]), 'a wrong weekday written so').toEqual([['پنج شنبه', false]]);
  });
  it('weekdayAgrees checks the weekday written against the date', () => {
    expect(findDates('سه‌شنبه ۱۵ فروردین ۱۴۰۲')[0]!.weekdayAgrees).toBe(true);
    expect(findDates('سه‌شنبه ۲۲ بهمن ۱۴۰۲')[0]!.weekdayAgrees).toBe(false);
    expect(findDates('سه‌شنبه ۲۲ بهمن')[0]!.weekdayAgrees).toBeUndefined();
  });
  it('never throws; spans slice back, in order, without overlap', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.array(fc.constantFrom('۱۵', 'فروردین', 'ماه', '‌ماه', '۱۴۰۲', ' ', 'شنبه', '،', 'هجری', 'شمسی', 'نه', '/', '۰۱', 'سی‌ام', 'می', 'سال', '۵۷', '.'), { maxLength: 20 }).map((a) => a.join(''))), (s) => {
        let at = 0;
        for (const d of findDates(s)) {
          expect(d.start).toBeGreaterThanOrEqual(at);
          expect(s.slice(d.start, d.end)).toBe(d.text);
          at = d.end;
        }
      }),
      { numRuns: 1500 },
    );
  });
  it('pathological inputs finish', () => {
    expect(findDates('فروردین '.repeat(100_000)).length).toBe(0);
    expect(findDates('۱'.repeat(1_000_000))).toEqual([]);
    expect(findDates('۱/'.repeat(200_000)).length).toBe(0);
  });
});
