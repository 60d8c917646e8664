/**
 * Dates in Persian text: the Jalali (Solar Hijri) calendar and its conversion to and from the Gregorian one, and
 * `findDates(text)`, which finds the date expressions of a text — «۱۵ فروردین ۱۴۰۲», «پانزدهم خرداد ماه ۱۴۰۲ هجری
 * شمسی», «سه‌شنبه ۲۲ بهمن», «۱۴۰۲/۰۱/۱۵», «۲۰ مارس ۲۰۲۴», «۱۰ محرم ۱۴۴۵» — with offsets, their parts and, for a full
 * Jalali or Gregorian date, both calendars' dates.
 *
 * The calendar arithmetic is the 33-year-cycle algorithm of Kazimierz Borkowski as jalaali-js writes it (valid for the
 * Jalali years -61 to 3177): it agrees with the official calendar of Iran in every year of modern use. Pure, no data.
 */
import { digitValue, isAsciiCapital, letterKey, toPersianDigits } from '../chars.js';
import { badOption, booleanOption, DabirError, knownOptions } from '../errors.js';
import { findNumbers, type NumberSpan } from '../numbers/index.js';
import { anyProtected, protectedLetters } from '../normalize/protect.js';

export interface CalendarDate {
  year: number;
  /** 1-12 */
  month: number;
  /** 1-31 */
  day: number;
}

const BREAKS = [-61, 9, 38, 199, 426, 686, 756, 818, 1111, 1181, 1210, 1635, 2060, 2097, 2192, 2262, 2324, 2394, 2456, 3178];
const div = (a: number, b: number): number => Math.trunc(a / b);
const mod = (a: number, b: number): number => a - Math.trunc(a / b) * b;

const badDate = (what: string, hint: string): DabirError => new DabirError('E_BAD_DATE', what, hint);

/** the Gregorian year of 1 Farvardin, its day of March, and the year's place in the leap cycle (0: leap) */
function jalCal(jy: number): { gy: number; march: number; leap: number } {
  const gy = jy + 621;
  let leapJ = -14;
  let jp = BREAKS[0]!;
  let jump = 0;
  for (let i = 1; i < BREAKS.length; i++) {
    const jm = BREAKS[i]!;
    jump = jm - jp;
    if (jy < jm) break;
    leapJ += div(jump, 33) * 8 + div(mod(jump, 33), 4);
    jp = jm;
  }
  let n = jy - jp;
  leapJ += div(n, 33) * 8 + div(mod(n, 33) + 3, 4);
  if (mod(jump, 33) === 4 && jump - n === 4) leapJ += 1;
  const leapG = div(gy, 4) - div((div(gy, 100) + 1) * 3, 4) - 150;
  const march = 20 + leapJ - leapG;
  if (jump - n < 6) n = n - jump + div(jump + 4, 33) * 33;
  let leap = mod(mod(n + 1, 33) - 1, 4);
  if (leap === -1) leap = 4;
  return { gy, march, leap };
}

/** Julian day number of a Gregorian date */
function g2d(gy: number, gm: number, gd: number): number {
  let d = div((gy + div(gm - 8, 6) + 100100) * 1461, 4) + div(153 * mod(gm + 9, 12) + 2, 5) + gd - 34840408;
  d = d - div(div(gy + 100100 + div(gm - 8, 6), 100) * 3, 4) + 752;
  return d;
}

/** Gregorian date of a Julian day number */
function d2g(jdn: number): CalendarDate {
  let j = 4 * jdn + 139361631;
  j = j + div(div(4 * jdn + 183187720, 146097) * 3, 4) * 4 - 3908;
  const i = div(mod(j, 1461), 4) * 5 + 308;
  const day = div(mod(i, 153), 5) + 1;
  const month = mod(div(i, 153), 12) + 1;
  const year = div(j, 1461) - 100100 + div(8 - month, 6);
  return { year, month, day };
}

const MIN_JY = -61;
const MAX_JY = 3177;
const isInt = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x);

/**
 * A part of a date that is no whole number (the string "1403", 1403.5, NaN, undefined) is named as such: it is not
 * reported as a year outside the range or a month that does not exist.
 */
function wholeNumber(v: unknown, what: string, hint: string): void {
  if (isInt(v)) return;
  const shown = typeof v === 'string' ? `the string ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}` : typeof v === 'number' || v === null || v === undefined ? String(v) : `a ${typeof v}`;
  throw badDate(`${what} must be a whole number, not ${shown}`, hint);
}

/** Whether a Jalali year has 366 days (30 Esfand). */
export function isJalaliLeapYear(year: number): boolean {
  wholeNumber(year, 'the Jalali year', `give a whole year from ${MIN_JY} to ${MAX_JY}`);
  if (year < MIN_JY || year > MAX_JY) throw badDate(`the Jalali year ${String(year)} is outside ${MIN_JY}..${MAX_JY}`, 'give a whole year in that range');
  return jalCal(year).leap === 0;
}

/** Days in a Jalali month: 31 (Farvardin-Shahrivar), 30 (Mehr-Bahman), 29 or 30 (Esfand). */
export function jalaliMonthLength(year: number, month: number): number {
  const leap = isJalaliLeapYear(year); // (checks the year: a null year gave 31 for the first 11 months)
  wholeNumber(month, 'the month', 'months are 1 (Farvardin) to 12 (Esfand)');
  if (month < 1 || month > 12) throw badDate(`month ${String(month)} does not exist`, 'months are 1 (Farvardin) to 12 (Esfand)');
  if (month <= 6) return 31;
  if (month <= 11) return 30;
  return leap ? 30 : 29;
}

function checkJalali(y: number, m: number, d: number): void {
  wholeNumber(y, 'the Jalali year', `give a whole year from ${MIN_JY} to ${MAX_JY}`);
  if (y < MIN_JY || y > MAX_JY) throw badDate(`the Jalali year ${String(y)} is outside ${MIN_JY}..${MAX_JY}`, 'give a whole year in that range');
  const len = jalaliMonthLength(y, m);
  wholeNumber(d, 'the day', `month ${m} of ${y} has ${len} days`);
  if (d < 1 || d > len) throw badDate(`${String(y)}/${m}/${String(d)} is no Jalali date`, `month ${m} of ${y} has ${len} days`);
}

/** The Gregorian date of a Jalali date: jalaliToGregorian(1403, 1, 1) → { year: 2024, month: 3, day: 20 }. */
export function jalaliToGregorian(year: number, month: number, day: number): CalendarDate {
  checkJalali(year, month, day);
  const r = jalCal(year);
  return d2g(g2d(r.gy, 3, r.march) + (month - 1) * 31 - div(month, 7) * (month - 7) + day - 1);
}

/** The Jalali date of a Gregorian date (proleptic Gregorian): gregorianToJalali(2024, 3, 20) → { year: 1403, month: 1, day: 1 }. */
export function gregorianToJalali(year: number, month: number, day: number): CalendarDate {
  wholeNumber(year, 'the year', `give a whole year from ${MIN_JY + 621} to ${MAX_JY + 621}`);
  wholeNumber(month, 'the month', 'months are 1 to 12');
  wholeNumber(day, 'the day', 'give the day of the month as a number');
  if (month < 1 || month > 12 || day < 1 || day > gregorianMonthLength(year, month)) {
    throw badDate(`${String(year)}-${String(month)}-${String(day)} is no Gregorian date`, 'give whole numbers: a month 1-12 and a day that the month has');
  }
  if (year < MIN_JY + 621 || year > MAX_JY + 621) throw badDate(`the year ${year} is outside ${MIN_JY + 621}..${MAX_JY + 621}`, 'give a year in that range');
  const jdn = g2d(year, month, day);
  const gy = d2g(jdn).year;
  let jy = gy - 621;
  const r = jalCal(jy);
  let k = jdn - g2d(gy, 3, r.march);
  if (k >= 0) {
    if (k <= 185) return { year: jy, month: 1 + div(k, 31), day: mod(k, 31) + 1 };
    k -= 186;
  } else {
    jy -= 1;
    k += 179;
    if (r.leap === 1) k += 1;
  }
  return { year: jy, month: 7 + div(k, 30), day: mod(k, 30) + 1 };
}

function gregorianMonthLength(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(m) ? 30 : 31;
}

export const JALALI_MONTHS = ['فروردین', 'اردیبهشت', 'خرداد', 'تیر', 'مرداد', 'شهریور', 'مهر', 'آبان', 'آذر', 'دی', 'بهمن', 'اسفند'] as const;
export const WEEKDAYS = ['یکشنبه', 'دوشنبه', 'سه‌شنبه', 'چهارشنبه', 'پنجشنبه', 'جمعه', 'شنبه'] as const; // Sunday first, as Date.getUTCDay()

const fa = (n: number): string => toPersianDigits(String(n));
const FORMAT_STYLES: readonly string[] = ['long', 'numeric'];
const FORMAT_DIGITS: readonly string[] = ['fa', 'latin'];

/** «۱۵ فروردین ۱۴۰۲» (`long`, with `weekday`: «سه‌شنبه ۱۵ فروردین ۱۴۰۲») or «۱۴۰۲/۰۱/۱۵» (`numeric`); Latin digits with `digits: 'latin'`. */
export function formatJalali(date: CalendarDate, options: { style?: 'long' | 'numeric'; digits?: 'fa' | 'latin'; weekday?: boolean } = {}): string {
  const { year, month, day } = date ?? ({} as CalendarDate);
  checkJalali(year, month, day);
  options = knownOptions(options, 'formatJalali', ['style', 'digits', 'weekday']);
  booleanOption('weekday', options.weekday);
  // (a misspelt value is an error, not the default: { style: 'numberic' } gave the long form)
  if (options.style !== undefined && !FORMAT_STYLES.includes(options.style)) throw badOption('style', options.style, FORMAT_STYLES);
  if (options.digits !== undefined && !FORMAT_DIGITS.includes(options.digits)) throw badOption('digits', options.digits, FORMAT_DIGITS);
  const d = options.digits === 'latin' ? String : fa;
  const two = (n: number): string => d(n).padStart(2, options.digits === 'latin' ? '0' : '۰');
  if (options.style === 'numeric') return `${d(year)}/${two(month)}/${two(day)}`;
  let s = `${d(day)} ${JALALI_MONTHS[month - 1]} ${d(year)}`;
  if (options.weekday) {
    const g = jalaliToGregorian(year, month, day);
    s = `${WEEKDAYS[new Date(Date.UTC(g.year, g.month - 1, g.day)).getUTCDay()]} ${s}`;
  }
  return s;
}

// ---------------------------------------------------------------------------------------------------------------
// Finding dates in text

export type Calendar = 'jalali' | 'gregorian' | 'hijri';

export interface DateSpan {
  start: number;
  end: number;
  text: string;
  calendar: Calendar;
  /** the parts the text gives (a year alone is no date: «سال ۱۴۰۲» is not reported) */
  year?: number;
  month: number;
  day?: number;
  /** the weekday written with it (شنبه ... جمعه), as written */
  weekday?: string;
  /** with a weekday and a full Jalali or Gregorian date: whether the date falls on that weekday (a check on the text) */
  weekdayAgrees?: boolean;
  /** a full Jalali or Gregorian date: the Jalali date, and the Gregorian one as ISO 8601 (YYYY-MM-DD) */
  jalali?: CalendarDate;
  iso?: string;
}

/** month names → [calendar, month]; `loose` names are also common words (تیر arrow, دی, مهر seal, می, صفر zero) */
interface MonthName {
  calendar: Calendar;
  month: number;
  loose: boolean;
}
const MONTHS = new Map<string, MonthName>();
JALALI_MONTHS.forEach((w, i) => MONTHS.set(w, { calendar: 'jalali', month: i + 1, loose: ['تیر', 'دی', 'مهر', 'آبان', 'آذر', 'بهمن', 'خرداد'].includes(w) }));
MONTHS.set('امرداد', { calendar: 'jalali', month: 5, loose: false });
for (const [w, m, loose] of [
  ['ژانویه', 1, false], ['ژانویهٔ', 1, false], ['فوریه', 2, false], ['فوریهٔ', 2, false], ['مارس', 3, false], ['مارچ', 3, false], ['آوریل', 4, false], ['اپریل', 4, false],
  ['مه', 5, true], ['می', 5, true], ['ژوئن', 6, false], ['جون', 6, true], ['ژوئیه', 7, false], ['ژوئیهٔ', 7, false], ['جولای', 7, false], ['اوت', 8, false],
  ['آگوست', 8, false], ['اگوست', 8, false], ['سپتامبر', 9, false], ['اکتبر', 10, false], ['نوامبر', 11, false], ['دسامبر', 12, false],
] as const) MONTHS.set(w, { calendar: 'gregorian', month: m, loose });
for (const [w, m, loose] of [
  ['محرم', 1, true], ['صفر', 2, true], ['ربیع‌الاول', 3, false], ['ربیع‌الثانی', 4, false], ['ربیع‌الآخر', 4, false], ['جمادی‌الاول', 5, false], ['جمادی‌الاولی', 5, false],
  ['جمادی‌الثانی', 6, false], ['جمادی‌الآخر', 6, false], ['رجب', 7, true], ['شعبان', 8, true], ['رمضان', 9, true], ['شوال', 10, true], ['ذی‌القعده', 11, false],
  ['ذی‌الحجه', 12, false], ['ذیقعده', 11, false], ['ذیحجه', 12, false],
] as const) MONTHS.set(w, { calendar: 'hijri', month: m, loose });

/** month names by their key (no ZWNJ, Persian letters) */
const MONTH_KEYS = new Map<string, MonthName>();
for (const [w, v] of MONTHS) MONTH_KEYS.set(keyOf(w), v);

function keyOf(s: string): string {
  return letterKey(s, true);
}

const NEEDS_YEAR = new Set(['می', 'مه', 'جون']);
/** the word before a date's day that may be its weekday: one word, or a number word, a space and شنبه (سه شنبه) */
const WEEKDAY_BEFORE = /(?:(?<![\u0621-\u06ff\u200c])(?:یک|دو|سه|چهار|پنج)[ \u00a0]+(?=شنبه$))?[\u0621-\u06ff\u200c]+$/;
/** a weekday's key: keyOf, spaces dropped (سه شنبه as سه‌شنبه) */
const weekdayKey = (s: string): string => keyOf(s.replace(/[ \u00a0]+/g, ''));
const WEEKDAY_KEYS = new Set(['شنبه', 'یکشنبه', 'دوشنبه', 'سهشنبه', 'چهارشنبه', 'پنجشنبه', 'جمعه']);

/** the Persian names of Latin letters that spell out abbreviations (سی دی, دی وی دی, ال سی دی, پی دی اف) */
const LETTER_NAMES = new Set(['ای', 'بی', 'سی', 'دی', 'اف', 'جی', 'اچ', 'آی', 'کی', 'ال', 'ام', 'ان', 'پی', 'کیو', 'آر', 'اس', 'تی', 'یو', 'وی', 'اکس', 'وای', 'زد']);
/** the word ending at `e` (after spaces), or the one starting at `s`; '' when none */
function wordBefore(text: string, e: number): string {
  let i = e;
  while (i > 0 && (text[i - 1] === ' ' || text[i - 1] === '\u00a0')) i--;
  let j = i;
  while (j > 0 && /[\u0621-\u06ff]/.test(text[j - 1]!)) j--;
  return text.slice(j, i);
}
function wordAfter(text: string, s: number): string {
  let i = s;
  while (i < text.length && (text[i] === ' ' || text[i] === '\u00a0')) i++;
  let j = i;
  while (j < text.length && /[\u0621-\u06ff]/.test(text[j]!)) j++;
  return text.slice(i, j);
}
/** a day in words [ds, de) before دی (ending at `me`) that spells letters: سی (C), a letter name before the day or
 * after دی, or an indefinite before the day (یه سی دی) */
function letterNamesAround(text: string, ds: number, de: number, me: number): boolean {
  const dayWord = text.slice(ds, de);
  if (dayWord === 'سی') return true;
  const before = wordBefore(text, ds);
  return LETTER_NAMES.has(before) || before === 'یه' || before === 'یک' || LETTER_NAMES.has(wordAfter(text, me));
}

/** a run of Arabic-script letters and ZWNJs (a word, or a compound such as ربیع‌الاول, فروردین‌ماه) */
const WORD = /[\u0621-\u064a\u0671-\u06d3\u06fa-\u06ff\u200c\u064b-\u0655\u0670\u0640]+/g;
const DIGIT = '[0-9\u06f0-\u06f9\u0660-\u0669]';
/**
 * bidi marks a writer may put around a date's separators to keep its parts in order on screen (۱۴۰۲‏/۰۵‏/۰۱, with an
 * RLM after each part; LRM, ALM): read through, as if absent (such a date had been missed)
 */
const BIDI = '[\\u200e\\u200f\\u061c]?';
/**
 * a time of day after the dash that joins it to a date, as a bank's SMS or a log stamps a moment (۱۴۰۳/۰۸/۱۲-۱۴:۲۳):
 * hours and minutes, then no more of a figure but seconds (a dot after them may end the sentence)
 */
const TIME_AFTER = `${BIDI}${DIGIT}{1,2}:${DIGIT}{2}(?![0-9\\u06f0-\\u06f9\\u0660-\\u0669/\\-]|\\.[0-9\\u06f0-\\u06f9\\u0660-\\u0669])`;
/**
 * 1402/01/15, 1402-1-15, 1402.01.15 (year first) and 15/01/1402 (year last), a time joined by a dash after it or not
 * (۱۴۰۳/۰۸/۱۲-۱۴:۲۳: the date); nothing that is part of a longer figure,
 * bidi marks read through there too (۱۴۰۲‏/۰۵‏/۰۱‏/۰۳ is no date, as ۱۴۰۲/۰۵/۰۱/۰۳ is not)
 */
const NUMERIC = new RegExp(`(?<![0-9\\u06f0-\\u06f9\\u0660-\\u0669/\\-.]${BIDI})(?<![0-9\\u06f0-\\u06f9\\u0660-\\u0669]:${BIDI})(?:(${DIGIT}{4})${BIDI}([/\\-.])${BIDI}(${DIGIT}{1,2})${BIDI}\\2${BIDI}(${DIGIT}{1,2})|(${DIGIT}{1,2})${BIDI}([/\\-.])${BIDI}(${DIGIT}{1,2})${BIDI}\\6${BIDI}(${DIGIT}{4}))(?!${BIDI}(?:[0-9\\u06f0-\\u06f9\\u0660-\\u0669/:]|-(?!${TIME_AFTER})|\\.[0-9\\u06f0-\\u06f9]))`, 'g');
/**
 * a bare era letter after a year, as forms and footnotes abbreviate it (۱۲ ربیع‌الاول ۱۴۴۵ ق, ۶ مهر ۱۴۰۲ ش, ۲۰ مارس
 * ۲۰۲۴ م): قمری, شمسی, میلادی; a letter alone, no word goes on (ق of قیمت is no era). Only after a year: after a day or a
 * month such a letter is anything else
 */
const ERA_LETTER = /^[ \u00a0]*[شقم](?![\u0600-\u06ff\u0750-\u077f\u200c\u200dA-Za-z0-9])/;
const ERA = /^[ \u00a0]*(?:(?:هجری[ \u00a0\u200c]*)?(?:شمسی|خورشیدی|قمری)|ه\.?[ \u00a0]?[شق]\.?|ه[ \u00a0]?[شق](?![\u0600-\u06ff])|میلادی|م\.)/;

/** English month names and their abbreviations, by month (January, Jan, Jan., Sept) */
const EN_MONTH_NUMBERS = new Map<string, number>();
['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'].forEach((m, i) => {
  EN_MONTH_NUMBERS.set(m, i + 1);
  if (m !== 'may') EN_MONTH_NUMBERS.set(m.slice(0, 3), i + 1);
});
EN_MONTH_NUMBERS.set('sept', 9);
const EN_MONTH = `(${[...EN_MONTH_NUMBERS.keys()].sort((a, b) => b.length - a.length).join('|')})`;
const EN_SP = '[ \\u00a0]{1,3}';
const EN_DAY = `(${DIGIT}{1,2})(?:st|nd|rd|th)?`;
const EN_YEAR = `(${DIGIT}{4})(?![0-9\\u06f0-\\u06f9\\u0660-\\u0669A-Za-z])`;
/**
 * Gregorian dates in English, always with a four-digit year (May is also a verb, and a month name alone is none), the
 * month's name capitalized: 15 January 2024, 15th of Jan. 2024, January 15, 2024, Jan 2024, 1 MARCH 2024
 */
const ENGLISH = new RegExp(
  `(?<![0-9A-Za-z\\u06f0-\\u06f9\\u0660-\\u0669])(?:${EN_DAY}${EN_SP}(?:of${EN_SP})?${EN_MONTH}\\.?,?${EN_SP}${EN_YEAR}|${EN_MONTH}\\.?${EN_SP}${EN_DAY},?${EN_SP}${EN_YEAR}|${EN_MONTH}\\.?,?${EN_SP}${EN_YEAR})`,
  'gi',
);

/** after a year: before Christ */
const BC = /^[ \u00a0]*(?:(?:پیش|قبل)[ \u00a0]+از[ \u00a0]+میلاد|ق\.[ \u00a0]?م\.?)/;
/** a year of four digits with an era letter glued after it and nothing more (۱۴۰۳ش, ۱۴۴۵ق, ۲۰۲۴م) */
const YEAR_ERA_GLUED = new RegExp(`^(?![0\u06f0\u0660])${DIGIT}{4}[شقم](?![\u0600-\u06ff\u0750-\u077f\u200c\u200dA-Za-z0-9])`);
/** two digits and no third (the two-digit year's test reads three units) */
const TWO_DIGITS = new RegExp(`^${DIGIT}{2}(?!${DIGIT})`);
/** the value of a string of digits of any script */
const num = (s: string): number => {
  let n = 0;
  for (let i = 0; i < s.length; i++) n = n * 10 + digitValue(s.charCodeAt(i));
  return n;
};

/** the calendar a 4-digit year belongs to when nothing else says: Jalali 1200-1599, Gregorian 1600-2199, Hijri 1300-1499 with a Hijri month */
function yearCalendar(y: number): Calendar | undefined {
  if (y >= 1200 && y <= 1599) return 'jalali';
  if (y >= 1600 && y <= 2199) return 'gregorian';
  return undefined;
}

/** Whether the calendar functions cover a year of `calendar` (Hijri years are not converted: any) */
function yearInRange(calendar: Calendar, year: number): boolean {
  if (calendar === 'jalali') return year >= MIN_JY && year <= MAX_JY;
  if (calendar === 'gregorian') return year >= MIN_JY + 621 && year <= MAX_JY + 621;
  return true;
}

function complete(s: DateSpan): DateSpan | undefined {
  const { calendar, year, month, day } = s;
  if (day !== undefined && (day < 1 || day > 31)) return undefined;
  if (year === undefined || day === undefined) return s;
  if (calendar === 'jalali') {
    if (!yearInRange(calendar, year) || day > jalaliMonthLength(year, month)) return undefined;
    const g = jalaliToGregorian(year, month, day);
    return withWeekday({ ...s, jalali: { year, month, day }, iso: iso(g) }, g);
  }
  if (calendar === 'gregorian') {
    if (day > gregorianMonthLength(year, month) || !yearInRange(calendar, year)) return undefined;
    return withWeekday({ ...s, jalali: gregorianToJalali(year, month, day), iso: iso({ year, month, day }) }, { year, month, day });
  }
  return day > 30 ? undefined : s;
}
function withWeekday(s: DateSpan, g: CalendarDate): DateSpan {
  if (!s.weekday) return s;
  const wd = WEEKDAYS[new Date(Date.UTC(g.year, g.month - 1, g.day)).getUTCDay()]!;
  return { ...s, weekdayAgrees: weekdayKey(wd) === weekdayKey(s.weekday) };
}
const iso = (d: CalendarDate): string => `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;

/**
 * The date expressions of a text, in order: a month name with a day before it and/or a year after it (digits or
 * words, ordinal or cardinal: «۱۵ فروردین ۱۴۰۲», «پانزدهم خرداد ماه», «اسفند ۱۴۰۱», «۲۰ مارس ۲۰۲۴», «۱۰ محرم»; «سال»
 * may come before the year, «خرداد سال ۱۴۰۲»; a two-digit year, «۲۲ بهمن ۵۷» = 1357, «مهر سال ۹۹», after «سال» or
 * ending the phrase, is read in 1320-1419 (Jalali) or 1950-2049 (Gregorian)), with
 * a weekday before it and an era after it («هجری شمسی», «ه.ش.», «میلادی», «قمری») taken in; a month name marked by
 * ماه alone («مهرماه», «تیر ماه امسال», «ماه مارس»: month only); and numeric dates with a four-digit year
 * (۱۴۰۲/۰۱/۱۵, 2024-03-20, ۱۵/۱/۱۴۰۲); English dates with a year (15 January 2024, January 15, 2024). The first day of a range whose month is written once, at its end, is a
 * date of that month and year, its text the day alone (the ۱ of «۱ تا ۳ فروردین», with تا or الی). A month name alone is none (تیر is also an arrow, مهر a seal, بهمن a name), and
 * می, مه, جون need a year (۲۰ می خواهند is no date). Impossible dates (۳۱ مهر, ۳۰ اسفند ۱۴۰۲) are left out; a year
 * before Christ (پیش از میلاد) or beyond the calendar functions' range is left out of its date.
 * Never throws on a string.
 */
export function findDates(text: string): DateSpan[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const out: DateSpan[] = [];
  // numbers of the text (days and years in words or digits), by their end and start offsets: read at the first month
  // name (a text without one, most text, is not scanned for numbers)
  let numbersRead = false;
  const numEndingAt = new Map<number, NumberSpan>();
  const numStartingAt = new Map<number, NumberSpan>();
  /** offset after the spaces from i on (not across a line break) */
  const skipSpaces = (i: number): number => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\u00a0' || text[i] === '\t')) i++;
    return i;
  };
  const skipSpacesBack = (i: number): number => {
    while (i > 0 && (text[i - 1] === ' ' || text[i - 1] === '\u00a0' || text[i - 1] === '\t')) i--;
    return i;
  };

  // month names
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    let start = m.index;
    let end = start + m[0].length;
    let key = keyOf(m[0]);
    // ماه after the name, joined or apart (فروردین‌ماه, خرداد ماه)
    let withMah = false;
    if (key.endsWith('ماه') && MONTH_KEYS.has(key.slice(0, -3))) {
      key = key.slice(0, -3);
      withMah = true;
    }
    // the ezafe hamza or ی of a Gregorian or Hijri month in ه (ژانویهٔ, ذی‌الحجهٔ, ژانویه‌ی: the hamza, which the key
    // drops, had ended the word before it, and ‌ی had hidden the month: ۱۵ ژانویهٔ ۲۰۲۴ lost its year, ۱۵ ژانویه‌ی ۲۰۲۴
    // was no date)
    // (not مه, May, whose مهی is a fog)
    let name = MONTH_KEYS.get(key);
    if (!name && key.length >= 5 && key.endsWith('هی')) {
      name = MONTH_KEYS.get(key.slice(0, -1));
      if (name) key = key.slice(0, -1);
    }
    if (!name) continue;
    if (!numbersRead) {
      numbersRead = true;
      for (const n of findNumbers(text)) {
        numEndingAt.set(n.end, n);
        numStartingAt.set(n.start, n);
      }
    }
    let after = end;
    let mahApart = false;
    if (!withMah) {
      const a = skipSpaces(end);
      if (text.startsWith('ماه', a) && !/[\u0621-\u06ff]/.test(text[a + 3] ?? '')) {
        after = a + 3;
        withMah = true;
        mahApart = true;
      }
    }
    // the day before it: a number ending there (۱۵, پانزدهم, بیست و یکم, اول)
    let day: number | undefined;
    const b = skipSpacesBack(start);
    const dn = b < start ? numEndingAt.get(b) : undefined;
    if (dn && /^[0-9]+$/.test(dn.digits) && !dn.digits.startsWith('0')) {
      const v = Number(dn.digits);
      if (v >= 1 && v <= 31) {
        day = v;
        start = dn.start;
      }
    }
    // «نه» (nine; findNumbers leaves it alone, as «no» is the commoner reading) before a month name: نه دی
    else if (b < start && b >= 2 && text.slice(b - 2, b) === 'نه' && !/[\u0621-\u06ff\u200c]/.test(text[b - 3] ?? '')) {
      day = 9;
      start = b - 2;
    }
    // the year after it, «سال» between them or not (خرداد سال ۱۴۰۲): three or four digits, or a number in words of
    // 1000 or more (هزار و چهارصد و دو); two digits (بهمن ۵۷, مهر ماه سال ۹۹) after «سال», or ending the phrase (a mark,
    // the line's end or an era after them: not ۱۵ خرداد ۲۰ نفر)
    let year: number | undefined;
    const noYear = after;
    let ya = skipSpaces(after);
    // (the ezafe ی written apart after a month in ه, ژانویه ی ۲۰۲۴: between the month and its year)
    if (!withMah && key.endsWith('ه') && ya > after && text[ya] === 'ی' && (text[ya + 1] === ' ' || text[ya + 1] === '\u00a0') && numStartingAt.has(skipSpaces(ya + 1))) ya = skipSpaces(ya + 1);
    let sal = false;
    if (ya > after && text.startsWith('سال', ya) && !/[\u0621-\u06ff\u200c]/.test(text[ya + 3] ?? '')) {
      sal = true;
      ya = skipSpaces(ya + 3);
    }
    const yn = ya > after ? numStartingAt.get(ya) : undefined;
    if (yn && yn.form === 'cardinal' && /^[1-9][0-9]{2,3}$/.test(yn.digits) && (yn.words ? Number(yn.digits) >= 1000 : !/\s/.test(yn.text))) {
      year = Number(yn.digits);
      after = yn.end;
    } else if (ya > after && YEAR_ERA_GLUED.test(text.slice(ya, ya + 6))) {
      // (a year with its era letter glued, ۱۴۰۳ش, ۱۴۴۵ق, ۲۰۲۴م: findNumbers reads no number glued to a letter, and the
      // year was lost; the letter is read as the era below)
      year = num(text.slice(ya, ya + 4));
      after = ya + 4;
    } else if (ya > after && name.calendar !== 'hijri' && TWO_DIGITS.test(text.slice(ya, ya + 3))) {
      // (read from the text: findNumbers leaves ۰۲ alone)
      const ye = ya + 2;
      const z = skipSpaces(ye);
      const ends = z >= text.length || (z > ye ? !/[\u0621-\u06ff\u200c0-9\u06f0-\u06f9\u0660-\u0669]/.test(text[z]!) : /[.،؛:!?؟)»\n\r]/.test(text[z]!)) || ERA.test(text.slice(ye, ye + 24));
      if (sal || ends) {
        const yy = num(text.slice(ya, ye));
        // the century a two-digit year is written in: Jalali 1320-1419, Gregorian 1950-2049
        year = name.calendar === 'jalali' ? (yy >= 20 ? 1300 + yy : 1400 + yy) : yy >= 50 ? 1900 + yy : 2000 + yy;
        after = ye;
      }
    }
    // a month with neither day nor year is reported when ماه marks it as one: «مهرماه», «تیر ماه امسال», «ماه مارس»
    // (and ماه before a month and year is part of the date: «ماه نوامبر سال ۱۸۰۱»)
    if (day === undefined) {
      const b2 = skipSpacesBack(start);
      const mahBefore = b2 >= 3 && text.slice(b2 - 3, b2) === 'ماه' && b2 < start && !/[\u0621-\u06ff\u200c]/.test(text[b2 - 4] ?? '');
      if (!withMah && !mahBefore && year === undefined) continue;
      if (mahBefore) {
        start = b2 - 3;
        // (ماه رمضان ماه مهمانی است: the ماه after belongs to the next phrase)
        if (mahApart && year === undefined) after = end;
      }
    }
    // a year before Christ (هفتم دسامبر سال ۵۳۹ پیش از میلاد): the day and the month only
    if (year !== undefined && BC.test(text.slice(after, after + 24))) {
      year = undefined;
      after = noYear;
    }
    if (NEEDS_YEAR.has(key) && year === undefined) continue;
    // دی is also the letter D: a day in words before it, with neither ماه nor a year, is no date among spelled
    // letters (سی دی, CD; دو دی وی دی, two DVDs; ال سی دی, LCD) or after an indefinite (یه سی دی, a CD); and سی دی
    // alone is the CD (the 30th of دی is written ۳۰ دی or سی‌ام دی)
    if (key === 'دی' && !withMah && year === undefined && dn?.words && day !== undefined && letterNamesAround(text, dn.start, dn.end, end)) continue;
    const calendar = name.calendar;
    // an era after the year or the month (هجری شمسی, ه.ش., میلادی, قمری): part of the expression
    const era = ERA.exec(text.slice(after, after + 24)) ?? (year !== undefined ? ERA_LETTER.exec(text.slice(after, after + 8)) : null);
    if (era) after += era[0].length;
    // the weekday before the day (سه‌شنبه ۲۲ بهمن, شنبه، ۱ مهر)
    let weekday: string | undefined;
    if (day !== undefined) {
      let w = skipSpacesBack(start);
      if (w > 0 && text[w - 1] === '،') w = skipSpacesBack(w - 1);
      const before = text.slice(Math.max(0, w - 16), w);
      // (a weekday written with a space, سه شنبه, پنج شنبه, is the weekday, not شنبه alone: it had been read as
      // Saturday, and weekdayAgrees judged against it)
      const wm = WEEKDAY_BEFORE.exec(before);
      if (wm && WEEKDAY_KEYS.has(weekdayKey(wm[0])) && w < start) {
        weekday = wm[0];
        start = w - wm[0].length;
      }
    }
    const dated = (end: number, y: number | undefined): DateSpan | undefined =>
      complete({ start, end, text: text.slice(start, end), calendar, month: name.month, ...(y !== undefined ? { year: y } : {}), ...(day !== undefined ? { day } : {}), ...(weekday ? { weekday } : {}) });
    let span = dated(after, year);
    // a year the calendar functions do not cover (هفتم دسامبر سال ۵۰۰): the date without it
    if (!span && year !== undefined && !yearInRange(calendar, year) && !NEEDS_YEAR.has(key)) {
      after = noYear;
      span = dated(after, undefined);
    }
    if (span) out.push(span);
    // the first day of a range whose month is written once, at its end (۱ تا ۳ فروردین, اول تا سوم مهر ۱۴۰۲): a date
    // of the same month and year, the day alone its text; a smaller day right before تا or الی
    if (span && day !== undefined && !weekday) {
      const word = wordBefore(text, start);
      const ws = skipSpacesBack(start) - word.length;
      const d0 = (word === 'تا' || word === 'الی') && ws < start ? numEndingAt.get(skipSpacesBack(ws)) : undefined;
      if (d0 && d0.end < ws && /^[1-9][0-9]?$/.test(d0.digits) && Number(d0.digits) < day) {
        const first = complete({ start: d0.start, end: d0.end, text: d0.text, calendar, month: name.month, ...(span.year !== undefined ? { year: span.year } : {}), day: Number(d0.digits) });
        if (first && !out.some((o) => o.start < first.end && first.start < o.end)) out.push(first);
      }
    }
    WORD.lastIndex = Math.max(WORD.lastIndex, after);
  }

  // numeric dates
  let prot: Uint8Array | undefined;
  NUMERIC.lastIndex = 0;
  for (let m = NUMERIC.exec(text); m; m = NUMERIC.exec(text)) {
    const [y, mo, d] = m[1] !== undefined ? [num(m[1]), num(m[3]!), num(m[4]!)] : [num(m[8]!), num(m[7]!), num(m[5]!)];
    const calendar = yearCalendar(y);
    if (!calendar || mo < 1 || mo > 12) continue;
    const span = complete({ start: m.index, end: m.index + m[0].length, text: m[0], calendar, year: y, month: mo, day: d });
    // (not inside code, markup or a file path, as the dates in words, which are read off findNumbers, are not: the
    // normalizer's protected spans; `1402/05/01` in a code fence was a date while `۱۵ فروردین ۱۴۰۲` beside it was not)
    if (span && !out.some((o) => o.start < span.end && span.start < o.end) && !anyProtected((prot ??= protectedLetters(text)), span.start, span.end)) out.push(span);
  }
  // English dates (15 January 2024, January 15, 2024, Jan 2024), not inside code or markup either
  ENGLISH.lastIndex = 0;
  for (let m = ENGLISH.exec(text); m; m = ENGLISH.exec(text)) {
    const [d, mn, y] = m[1] !== undefined ? [m[1], m[2]!, m[3]!] : m[4] !== undefined ? [m[5], m[4], m[6]!] : [undefined, m[7]!, m[8]!];
    // (capitalized, as English writes month names: you may 2024 is none)
    const month = EN_MONTH_NUMBERS.get(mn.toLowerCase());
    if (month === undefined || !isAsciiCapital(mn.charCodeAt(0))) continue;
    const year = num(y);
    if (!yearInRange('gregorian', year)) continue;
    const span = complete({ start: m.index, end: m.index + m[0].length, text: m[0], calendar: 'gregorian', year, month, ...(d !== undefined ? { day: num(d) } : {}) });
    if (span && !out.some((o) => o.start < span.end && span.start < o.end) && !anyProtected((prot ??= protectedLetters(text)), span.start, span.end)) out.push(span);
  }
  return out.sort((a, b) => a.start - b.start);
}
