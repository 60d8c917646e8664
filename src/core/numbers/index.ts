/**
 * Persian numbers in words and back: `numberToWords(2500)` → «دو هزار و پانصد», `parseNumber('سه و نیم میلیون')` →
 * 3,500,000, `findNumbers(text)` → every number phrase of a text with its offsets and value, `convertNumbers(text)`
 * → the text with its number phrases in digits (for search and indexing) or its numbers in words (for speech).
 *
 * Pure and data-free (the words are a closed class): no I/O, synchronous. Values are exact: the integer part and the
 * fraction are kept as decimal strings (`digits`), and `value` is the nearest JS number.
 *
 * Conventions (those of Persian newspapers and the Academy's grammar):
 * - components are joined with «و»: ۱۲۵ = «صد و بیست و پنج», ۱۰۰۱ = «هزار و یک»;
 * - 100 and 1000 are «صد» and «هزار» (not «یک صد», «یک هزار»), 10⁶ is «یک میلیون»;
 * - the short scale of Iran: هزار 10³, میلیون 10⁶, میلیارد 10⁹, تریلیون 10¹², کوادریلیون 10¹⁵, کوینتیلیون 10¹⁸;
 * - decimals as a fraction (۳٫۲۵ = «سه و بیست و پنج صدم») or after «ممیز» (`decimal: 'point'`: «سه ممیز بیست و پنج»);
 * - ordinals: «سوم», «بیست و یکم», «سی‌ام», «صدم» (`form: 'ordinal'`) and «سومین», «سی‌امین» (`'ordinal-attributive'`);
 *   1 is «یکم» / «یکمین» (the Academy's form; «اول» and «نخستین» are read too).
 * Reading accepts what writers also use: «یکصد», «یک‌صد», «دو صد» (Dari), colloquial «یه», «چار», «شیش», «پونزده»,
 * «هیجده», «پونصد», digits of any script with a scale («۲٫۵ میلیارد»), «نیم» («سه و نیم»), «منفی», fractions that end as
 * decimals («سه چهارم», «دو پنجم», «یک دوم»; ½ ¾ ⅛; not «دو سوم» nor ⅓, which have no exact digits).
 */
import { findIdentifiers } from '../identifiers/index.js';
import { anyProtected, protectedLetters } from '../normalize/protect.js';
import { digitOrdinalEnd, digitValue, isBidiMark, ordinalIsAttributive, isLatinLetter, isScriptDigit, letterKey, toPersianDigits } from '../chars.js';
import { badOption, booleanOption, DabirError, knownOptions, textArgument } from '../errors.js';

const ZWNJ = '\u200c';

const ONES = ['صفر', 'یک', 'دو', 'سه', 'چهار', 'پنج', 'شش', 'هفت', 'هشت', 'نه'];
const TEENS = ['ده', 'یازده', 'دوازده', 'سیزده', 'چهارده', 'پانزده', 'شانزده', 'هفده', 'هجده', 'نوزده'];
const TENS = ['', '', 'بیست', 'سی', 'چهل', 'پنجاه', 'شصت', 'هفتاد', 'هشتاد', 'نود'];
const HUNDREDS = ['', 'صد', 'دویست', 'سیصد', 'چهارصد', 'پانصد', 'ششصد', 'هفتصد', 'هشتصد', 'نهصد'];
/** names of 10^(3k) */
const SCALES = ['', 'هزار', 'میلیون', 'میلیارد', 'تریلیون', 'کوادریلیون', 'کوینتیلیون'];
/** the largest number of integer digits numberToWords reads (below 10^21) */
const MAX_INT_DIGITS = 3 * SCALES.length;
/** the longest fraction it reads (the smallest denominator name: ده‌کوینتیلیونم... is 10^20) */
const MAX_FRAC_DIGITS = 20;

export type NumberForm = 'cardinal' | 'ordinal' | 'ordinal-attributive';
export const NUMBER_FORMS: readonly NumberForm[] = ['cardinal', 'ordinal', 'ordinal-attributive'];
export const DECIMAL_STYLES = ['fraction', 'point'] as const;
export type DecimalStyle = (typeof DECIMAL_STYLES)[number];

export interface NumberToWordsOptions {
  /** `cardinal` «سه» [default], `ordinal` «سوم», `ordinal-attributive` «سومین» (whole numbers only) */
  form?: NumberForm;
  /** how a fraction is read: `fraction` «سه و بیست و پنج صدم» [default] or `point` «سه ممیز بیست و پنج» */
  decimal?: DecimalStyle;
}

/** An exact decimal: sign, integer digits (no leading zeros; '0' for zero), fraction digits (no trailing zeros). */
interface Decimal {
  neg: boolean;
  int: string;
  frac: string;
}

const badNumber = (value: unknown, why: string, hint: string): DabirError =>
  new DabirError('E_BAD_NUMBER', `${describe(value)} ${why}`, hint, { value: typeof value === 'bigint' ? value.toString() : value });

function describe(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  if (typeof v === 'bigint') return `${v}n`;
  if (typeof v === 'number') return String(v);
  return v === null ? 'null' : typeof v;
}


const trimZeros = (int: string, frac: string): [string, string] => {
  let a = 0;
  while (a < int.length - 1 && int.charCodeAt(a) === 0x30) a++;
  let b = frac.length;
  while (b > 0 && frac.charCodeAt(b - 1) === 0x30) b--;
  return [int.slice(a) || '0', frac.slice(0, b)];
};

/**
 * The digits of a written number: optional sign (+ - −), digits of one or several scripts, thousands separators (, ٬)
 * in groups of three, one decimal separator (. ٫). undefined when it is not one.
 */
function decimalOfString(s: string): Decimal | undefined {
  let i = 0;
  let neg = false;
  const c0 = s.charCodeAt(0);
  if (c0 === 0x2d || c0 === 0x2212 || c0 === 0x2b) {
    neg = c0 !== 0x2b;
    i = 1;
  }
  let int = '';
  let frac = '';
  let group = -1; // digits since the last thousands separator (-1: none seen)
  let seenPoint = false;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const d = digitValue(c);
    if (d >= 0) {
      if (seenPoint) frac += d;
      else {
        int += d;
        if (group >= 0) group++;
      }
      continue;
    }
    // (a narrow no-break or thin space between groups of three is the SI's thousands separator: ۱۲ ۵۰۰ = 12500)
    if ((c === 0x2c || c === 0x066c || c === 0x202f || c === 0x2009) && !seenPoint && int.length > 0 && (group === -1 ? int.length <= 3 : group === 3)) {
      group = 0;
      continue;
    }
    if ((c === 0x2e || c === 0x066b) && !seenPoint && int.length > 0) {
      seenPoint = true;
      continue;
    }
    return undefined;
  }
  if (int.length === 0 || (group >= 0 && group !== 3) || (seenPoint && frac.length === 0)) return undefined;
  const [a, b] = trimZeros(int, frac);
  return { neg: neg && (a !== '0' || b !== ''), int: a, frac: b };
}

/** A JS number's exact shortest decimal (String() may use an exponent: 1e21, 1.5e-7). */
function decimalOfNumber(n: number): Decimal {
  const neg = n < 0;
  const s = String(Math.abs(n));
  const e = s.indexOf('e');
  let int: string;
  let frac: string;
  if (e < 0) {
    const p = s.indexOf('.');
    int = p < 0 ? s : s.slice(0, p);
    frac = p < 0 ? '' : s.slice(p + 1);
  } else {
    const mant = s.slice(0, e).replace('.', '');
    const point = (s.indexOf('.') < 0 || s.indexOf('.') > e ? e : s.indexOf('.')) + Number(s.slice(e + 1));
    if (point <= 0) {
      int = '0';
      frac = '0'.repeat(-point) + mant;
    } else if (point >= mant.length) {
      int = mant + '0'.repeat(point - mant.length);
      frac = '';
    } else {
      int = mant.slice(0, point);
      frac = mant.slice(point);
    }
  }
  const [a, b] = trimZeros(int, frac);
  return { neg: neg && (a !== '0' || b !== ''), int: a, frac: b };
}

function toDecimal(value: unknown): Decimal {
  if (typeof value === 'bigint') {
    const neg = value < 0n;
    return { neg, int: (neg ? -value : value).toString(), frac: '' };
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw badNumber(value, 'is not a finite number', 'give a finite number, a bigint or a string of digits');
    return decimalOfNumber(value);
  }
  if (typeof value === 'string') {
    const d = decimalOfString(value.trim());
    if (!d) throw badNumber(value, 'is not a number', 'write digits (Latin, Persian or Arabic), an optional sign, thousands separators in groups of three and one decimal point: "1,250.5", "۱٬۲۵۰٫۵"');
    return d;
  }
  throw badNumber(value, 'is not a number', 'give a number, a bigint or a string of digits');
}

/** words of 1..999 */
function groupWords(n: number): string[] {
  const out: string[] = [];
  const h = Math.floor(n / 100);
  const r = n % 100;
  if (h) out.push(HUNDREDS[h]!);
  if (r >= 10 && r < 20) out.push(TEENS[r - 10]!);
  else {
    if (r >= 20) out.push(TENS[Math.floor(r / 10)]!);
    if (r % 10) out.push(ONES[r % 10]!);
  }
  return out;
}

/** words of a whole number given as digits (no leading zeros, at most MAX_INT_DIGITS) */
function integerWords(digits: string): string {
  if (digits === '0') return ONES[0]!;
  const parts: string[] = [];
  const groups = Math.ceil(digits.length / 3);
  for (let g = groups - 1; g >= 0; g--) {
    const end = digits.length - 3 * g;
    const v = Number(digits.slice(Math.max(0, end - 3), end));
    if (v === 0) continue;
    if (g === 0) parts.push(...groupWords(v));
    else if (g === 1 && v === 1) parts.push(SCALES[1]!); // هزار, not یک هزار
    else parts.push(`${groupWords(v).join(' و ')} ${SCALES[g]}`);
  }
  return parts.join(' و ');
}

/** the name of 10^k as a denominator: دهم, صدم, هزارم, ده‌هزارم, صدهزارم, میلیونم, ... */
function denominator(k: number): string {
  const s = Math.floor(k / 3);
  const r = k % 3;
  const head = r === 0 ? '' : r === 1 ? 'ده' : 'صد';
  if (s === 0) return `${head}م`;
  return `${head ? head + (r === 1 ? ZWNJ : '') : ''}${SCALES[s]}م`;
}

/** the ordinal of the last word of a cardinal: سه → سوم, سی → سی‌ام, یک → یکم; attributive adds ین */
function ordinalOf(cardinal: string, attributive: boolean): string {
  const sp = cardinal.lastIndexOf(' ');
  const head = cardinal.slice(0, sp + 1);
  const last = cardinal.slice(sp + 1);
  const ord = last === 'سه' ? 'سوم' : last.endsWith('ی') ? `${last}${ZWNJ}ام` : `${last}م`;
  return head + ord + (attributive ? 'ین' : '');
}

/**
 * A number in Persian words. `value` is a number, a bigint or a string of digits (any script, sign, thousands
 * separators, decimal point); whole numbers up to 21 digits, fractions up to 20 digits.
 * Throws DabirError E_BAD_NUMBER for anything else (NaN, Infinity, "12a", an ordinal of a fraction or a negative
 * number) and E_BAD_OPTION for a bad option.
 */
export function numberToWords(value: number | bigint | string, options: NumberToWordsOptions = {}): string {
  options = knownOptions(options, 'number', ['form', 'decimal']);
  const form = options.form ?? 'cardinal';
  const decimal = options.decimal ?? 'fraction';
  if (!NUMBER_FORMS.includes(form)) throw badOption('form', form, NUMBER_FORMS);
  if (!DECIMAL_STYLES.includes(decimal)) throw badOption('decimal', decimal, DECIMAL_STYLES);
  const d = toDecimal(value);
  if (d.int.length > MAX_INT_DIGITS) throw badNumber(value, `has ${d.int.length} integer digits`, `numbers below 10^${MAX_INT_DIGITS} (${SCALES[SCALES.length - 1]}s) are read; read longer digit strings one by one`);
  if (d.frac.length > MAX_FRAC_DIGITS) throw badNumber(value, `has ${d.frac.length} decimal digits`, `fractions of up to ${MAX_FRAC_DIGITS} digits are read; round the number first`);
  if (form !== 'cardinal' && (d.frac || d.neg)) throw badNumber(value, 'has no ordinal', 'ordinals are read for whole numbers of 0 or more');
  const int = integerWords(d.int);
  let words: string;
  if (!d.frac) words = form === 'cardinal' ? int : ordinalOf(int, form === 'ordinal-attributive');
  else if (decimal === 'point') {
    const lead = /^0*/.exec(d.frac)![0].length;
    const rest = d.frac.slice(lead);
    words = `${int} ممیز ${[...Array<string>(lead).fill(ONES[0]!), rest ? integerWords(rest) : ''].filter(Boolean).join(' ')}`;
  } else {
    // a half is «نیم» (دو و نیم); other fractions are a numerator and a denominator (سه و بیست و پنج صدم)
    const fr = d.frac === '5' ? 'نیم' : `${integerWords(d.frac.replace(/^0+/, ''))} ${denominator(d.frac.length)}`;
    words = d.int === '0' ? fr : `${int} و ${fr}`;
    // a fraction that reads back as another number (20.01 = بیست و یک صدم, which is 0.21) is read with ممیز
    if (parseNumber(words)?.digits !== `${d.int}.${d.frac}`.replace(/^0\./, '0.')) return numberToWords(value, { ...options, decimal: 'point' });
  }
  return d.neg ? `منفی ${words}` : words;
}

// ---------------------------------------------------------------------------------------------------------------
// Reading

/** an exact value n / 10^s */
interface Exact {
  n: bigint;
  s: number;
}
const ZERO: Exact = { n: 0n, s: 0 };
const align = (a: Exact, b: Exact): [bigint, bigint, number] => {
  const s = Math.max(a.s, b.s);
  return [a.n * 10n ** BigInt(s - a.s), b.n * 10n ** BigInt(s - b.s), s];
};
const add = (a: Exact, b: Exact): Exact => {
  const [x, y, s] = align(a, b);
  return { n: x + y, s };
};
const times10 = (a: Exact, k: number): Exact => (a.s >= k ? { n: a.n, s: a.s - k } : { n: a.n * 10n ** BigInt(k - a.s), s: 0 });
const isZero = (a: Exact): boolean => a.n === 0n;
function exactDigits(a: Exact, neg: boolean): string {
  let s = a.n.toString();
  if (a.s > 0) {
    s = s.padStart(a.s + 1, '0');
    s = `${s.slice(0, s.length - a.s)}.${s.slice(s.length - a.s)}`.replace(/\.?0+$/, '');
  }
  return neg && a.n !== 0n ? `-${s}` : s;
}

/** rank of a number word within a group of three digits: a hundreds word (3), a tens or teens word (2), a unit (1) */
interface NumWord {
  v: number;
  rank: number;
}
const WORDS = new Map<string, NumWord>();
ONES.forEach((w, i) => WORDS.set(w, { v: i, rank: 1 }));
TEENS.forEach((w, i) => WORDS.set(w, { v: 10 + i, rank: 2 }));
TENS.forEach((w, i) => w && WORDS.set(w, { v: 10 * i, rank: 2 }));
HUNDREDS.forEach((w, i) => w && WORDS.set(w, { v: 100 * i, rank: 3 }));
// spellings writers use besides the standard ones (colloquial, older, Dari)
for (const [w, v] of [
  ['یه', 1],
  ['چار', 4],
  ['شیش', 6],
  ['پونزده', 15],
  ['شونزده', 16],
  ['شانزه', 16],
  ['هیفده', 17],
  ['هیجده', 18],
  ['هژده', 18],
  ['یکصد', 100],
  ['یکی', 1], // «one (of)»: UD tags it NUM more often than not
  ['پونصد', 500],
  ['شیشصد', 600],
  ['دوصد', 200],
] as const) {
  WORDS.set(w, { v, rank: v >= 100 ? 3 : v >= 10 ? 2 : 1 });
}
/** scale word → power of ten */
const SCALE_OF = new Map<string, number>(SCALES.slice(1).map((w, i) => [w, 3 * (i + 1)]));
SCALE_OF.set('ملیون', 6).set('ملیارد', 9);

/** ordinal words (their stem, with the base number): سوم, دهم, سی‌ام, هزارم; and the two words of «first» */
interface OrdWord {
  base: string;
  attributive: boolean;
}
function ordinalWord(w: string): OrdWord | undefined {
  if (w === 'اول') return { base: 'یک', attributive: false };
  if (w === 'نخستین' || w === 'اولین') return { base: 'یک', attributive: true };
  let attributive = false;
  let s = w;
  if (s.endsWith('مین')) {
    attributive = true;
    s = s.slice(0, -2); // keep the م
  }
  if (!s.endsWith('م') || s.length < 2) return undefined;
  s = s.slice(0, -1);
  if (s === 'سه') return undefined; // سهم is a share, not «third»
  // سیم is a wire and سیمین silvery or a name, not «thirtieth»: a number in ی takes ‌ام (سی‌ام, سی‌امین)
  if (s === 'سی') return undefined;
  if (s === 'سیا') s = 'سی'; // سی‌ام (the atoms drop the ZWNJ)
  else if (s === 'سو') s = 'سه';
  if (WORDS.has(s) || SCALE_OF.has(s)) return { base: s, attributive };
  return undefined;
}
/** a number word, scale word or ordinal word (the key of an atom) */
function numberKey(k: string): boolean {
  return WORDS.has(k) || SCALE_OF.has(k) || ordinalWord(k) !== undefined;
}
/** denominators of fractions (پنج دهم = 0.5): the power of ten */
const DENOMS = new Map<string, number>();
for (let k = 1; k <= MAX_FRAC_DIGITS; k++) DENOMS.set(denominator(k).replaceAll(ZWNJ, ''), k);
/**
 * denominators whose fractions end as decimals (یک دوم 0.5, سه چهارم 0.75, دو پنجم 0.4, سه هشتم 0.375): the
 * denominator and the power of ten that makes it a whole multiple. A proper fraction only (سه دوم stays 3 and «2nd»).
 */
const SMALL_DENOMS = new Map<string, [bigint, number]>([
  ['دوم', [2n, 1]],
  ['چهارم', [4n, 2]],
  ['پنجم', [5n, 1]],
  ['هشتم', [8n, 3]],
]);
/**
 * denominators whose fractions have no end as decimals (یک سوم, دو سوم, پنج ششم): no exact `digits` to give, so
 * findNumbers leaves such a fraction alone rather than read it as a number and an ordinal (دو سوم was 2 and «3rd»)
 */
const REPEATING_DENOMS = new Map<string, number>([
  ['سوم', 3],
  ['ششم', 6],
  ['هفتم', 7],
  ['نهم', 9],
]);
const isDenominator = (key: string): boolean => DENOMS.has(key) || SMALL_DENOMS.has(key);
/** a whole numerator over a denominator word (پنج دهم, سه چهارم), or undefined (not one, or not below 1) */
function fractionOf(num: bigint, key: string): Exact | undefined {
  const p = DENOMS.get(key);
  if (p !== undefined) return num < 10n ** BigInt(p) ? { n: num, s: p } : undefined;
  const sd = SMALL_DENOMS.get(key);
  if (sd === undefined || num <= 0n || num >= sd[0]) return undefined;
  return { n: (num * 10n ** BigInt(sd[1])) / sd[0], s: sd[1] };
}
/** vulgar fractions whose value ends as a decimal: ½ ¼ ¾ ⅕ ⅖ ⅗ ⅘ ⅛ ⅜ ⅝ ⅞ ⅒ (the others, ⅓ ⅔ ⅙ ..., end a phrase) */
const VULGAR: ReadonlyMap<number, string> = new Map([
  [0xbd, '5'],
  [0xbc, '25'],
  [0xbe, '75'],
  [0x2155, '2'],
  [0x2156, '4'],
  [0x2157, '6'],
  [0x2158, '8'],
  [0x215b, '125'],
  [0x215c, '375'],
  [0x215d, '625'],
  [0x215e, '875'],
  [0x2152, '1'],
]);
/** vulgar fractions with no end as a decimal: ⅓ ⅔ ⅙ ⅚ ⅐ ⅑ (no exact `digits`: the number they follow is left alone) */
const REPEATING_VULGAR = new Set([0x2153, 0x2154, 0x2159, 0x215a, 0x2150, 0x2151]);

/** Arabic letters to Persian, no diacritics or kashida: the key a number word is looked up by */
const wordKey = (s: string): string => letterKey(s, false);

/** one unit of a number phrase: a word (its key) or a digit string, with its offsets */
interface Atom {
  start: number;
  end: number;
  /** the lookup key of a word; '' for digits */
  key: string;
  digits?: Decimal;
  /** written without a space before it (a piece after a ZWNJ: سی‌ام, بیست‌و‌پنج) */
  glued: boolean;
  /** a vulgar fraction character standing alone: 1 = with exact digits (½, in `digits`), 2 = without (⅓) */
  vulgar?: 1 | 2;
  /** digits with an ordinal suffix glued to them (۲۱ام, ۳اُم, ۱۲م: ordinal; ۳مین, ۳امین: ordinal-attributive) */
  ordinal?: NumberForm;
}

export interface ParsedNumber {
  /** the nearest JS number */
  value: number;
  /** the exact value as ASCII digits: "-3.25", "2500000000000" */
  digits: string;
  form: NumberForm;
}

export interface NumberSpan extends ParsedNumber {
  start: number;
  end: number;
  /** the text of the span */
  text: string;
  /** the span is written (at least partly) in words: «سه هزار», «۲٫۵ میلیون»; false for a digit string alone */
  words: boolean;
}

/**
 * Reads the longest number phrase at atoms[i..]: returns the index after it and its value, or undefined. Strict
 * about composition (units after tens after hundreds, «و» between additive parts, scales decreasing or multiplying
 * what came before: «هزار میلیارد»), so «دو سه روز» is two numbers and «بیست سی» is none.
 */
function readPhrase(atoms: readonly Atom[], i0: number): { end: number; value: Exact; neg: boolean; form: NumberForm } | undefined {
  let i = i0;
  let neg = false;
  if (atoms[i]?.key === 'منفی' && i + 1 < atoms.length) {
    neg = true;
    i++;
  }
  let total: Exact = ZERO;
  let group: Exact = ZERO;
  /** smallest rank used in the current group (4: empty group); 0 after a digit string */
  let rank = 4;
  let lastScale = Infinity;
  let any = false; // something read
  let end = -1; // index after the last complete reading
  let endValue: Exact = ZERO;
  const value = (): Exact => add(total, group);
  const mark = (k: number): void => {
    end = k;
    endValue = value();
  };
  let k = i;
  while (k < atoms.length) {
    const a = atoms[k]!;
    const and = a.key === 'و';
    const at = and ? k + 1 : k;
    if (and && (!any || at >= atoms.length)) break;
    const b = atoms[at]!;
    if (b.key === 'و') break;
    // a digit string: starts a phrase, or follows a scale after «و» (هزار و ۲۰۰)
    if (b.digits) {
      if (!(!any || (and && rank === 4 && Number.isFinite(lastScale)))) break;
      const d = b.digits;
      // digits with an ordinal suffix, glued (۲۱ام, ۳مین) or apart (۲۱ ام): the ordinal, a phrase of its own
      const ordinal = b.ordinal ?? (spacedOrdinal(atoms, at) ? 'ordinal' : undefined);
      // (after a scale and «و» too: هزار و ۲۰ ام, the 1020th)
      if (ordinal !== undefined) {
        if (neg) break;
        group = { n: BigInt(d.int), s: 0 };
        return { end: b.ordinal ? at + 1 : at + 2, value: value(), neg: false, form: ordinal };
      }
      // a signed number (-۵) only starts a phrase, and not after «منفی»
      if (d.neg && (any || neg)) break;
      if (d.neg) neg = true;
      group = { n: BigInt(d.int + d.frac), s: d.frac.length };
      rank = 0;
      any = true;
      k = at + 1;
      mark(k);
      continue;
    }
    const w = WORDS.get(b.key);
    if (w) {
      const v: Exact = { n: BigInt(w.v), s: 0 };
      if (!any) {
        group = v;
        rank = w.rank;
      } else if (w.v === 0) break; // صفر only alone (or before ممیز)
      else if (and && ((rank < 4 && rank > 0 && w.rank < rank) || (rank === 4 && Number.isFinite(lastScale)))) {
        // صد و بیست, بیست و پنج; هزار و دویست (a new group after a scale)
        if (rank === 4) group = v;
        else group = add(group, v);
        rank = w.rank;
      } else if (!and && b.key === 'صد' && rank === 1 && isZero(total)) {
        // یک صد, دو صد (Dari): a unit times a hundred
        group = { n: group.n * 100n, s: 0 };
        rank = 3;
      } else {
        // a fraction after «و»: و + a numerator + its denominator (سه و بیست و پنج صدم); a scale may still follow
        // (دو و پنج دهم میلیون)
        const f = and && rank !== 0 ? readFraction(atoms, at) : undefined;
        if (!f) break;
        group = add(group, f.value);
        rank = 0;
        k = f.end;
        mark(k);
        continue;
      }
      if ((w.rank === 2 && w.v < 20) || w.v === 0) rank = 1; // a teen fills the units too
      any = true;
      k = at + 1;
      mark(k);
      continue;
    }
    // یکهزار: «one thousand» written as one word, at the start of a phrase
    if (b.key === 'یکهزار' && !any) {
      total = times10({ n: 1n, s: 0 }, 3);
      group = ZERO;
      rank = 4;
      lastScale = 3;
      any = true;
      k = at + 1;
      mark(k);
      continue;
    }
    const sc = SCALE_OF.get(b.key);
    if (sc !== undefined && (!and || (rank === 4 && sc < lastScale))) {
      if (rank < 4) {
        const g = group;
        if (sc < lastScale) total = add(total, times10(g, sc));
        else if (sc > lastScale && !isZero(total)) total = times10(add(total, g), sc); // دو هزار و پانصد میلیارد: (2000 + 500) × 10^9
        else break;
      } else if (!any || (and && sc < lastScale)) total = add(total, times10({ n: 1n, s: 0 }, sc)); // هزار; یک میلیون و هزار
      else if (sc > lastScale && Number.isFinite(lastScale)) total = times10(total, sc); // هزار میلیارد
      else break;
      group = ZERO;
      rank = 4;
      lastScale = sc;
      any = true;
      k = at + 1;
      mark(k);
      continue;
    }
    // «نیم» after «و»: a half (سه و نیم, دو و نیم میلیون)
    if (((and && rank > 0 && rank < 4) || !any) && b.key === 'نیم') {
      group = add(group, { n: 5n, s: 1 });
      rank = 0;
      any = true;
      k = at + 1;
      mark(k);
      continue;
    }
    // «ممیز»: the digits of the fraction read as a number (سه ممیز صفر پنج = 3.05)
    if (!and && b.key === 'ممیز' && rank !== 0) {
      const f = readPoint(atoms, at + 1);
      if (f) {
        group = add(group, f.value);
        rank = 0;
        k = f.end;
        mark(k);
        continue;
      }
      break;
    }
    // an ordinal ends the phrase: بیست و یکم, سی‌ام, صدم, دو هزارم («اول», «نخستین» only alone); after a number
    // without «و», a denominator is read as a fraction first (پنج صدم = 0.05, not 500th)
    const o = ordinalWord(b.key);
    if (o && (!any || (b.key !== 'اول' && b.key !== 'اولین' && b.key !== 'نخستین' && (and || o.attributive || !isDenominator(b.key))))) {
      const sub: Atom[] = [{ ...b, key: o.base }];
      // read the phrase so far followed by the base word, then take the ordinal form
      const probe = readPhrase([...atoms.slice(i, k), ...(and ? [atoms[k]!] : []), ...sub], 0);
      if (probe && probe.end === k - i + (and ? 1 : 0) + 1 && !probe.neg) {
        if (!neg) return { end: at + 1, value: probe.value, neg: false, form: o.attributive ? 'ordinal-attributive' : 'ordinal' };
      }
    }
    // a denominator after a number: the whole phrase so far is the numerator (پنج دهم, بیست و یک صدم), or else the
    // part after one of its «و» (هزار و پنج دهم = 1000.5; صد و بیست و پنج هزارم is 0.125, not 100.025)
    if (!and && any && rank > 0 && isDenominator(b.key)) {
      const num = value();
      // (not the name of a cup's round, یک چهارم نهایی "quarter-final", یک هشتم نهایی: a name, no quantity)
      const fr = num.s === 0 && atoms[at + 1]?.key !== 'نهایی' ? fractionOf(num.n, b.key) : undefined;
      if (fr) {
        total = ZERO;
        group = fr;
        rank = 0;
        k = at + 1;
        mark(k);
        continue;
      }
      let done = false;
      for (let j = k - 1; j > i && !done; j--) {
        if (atoms[j]!.key !== 'و') continue;
        const whole = readPhrase(atoms.slice(i, j), 0);
        const f = whole && whole.end === j - i && whole.form === 'cardinal' && !whole.neg ? readFraction(atoms, j + 1) : undefined;
        if (!f || f.end !== at + 1) continue;
        total = whole!.value;
        group = f.value;
        done = true;
      }
      if (done) {
        rank = 0;
        k = at + 1;
        mark(k);
        continue;
      }
    }
    break;
  }
  if (end < 0) return undefined;
  // (an ordinal returns from inside the loop)
  return { end, value: endValue, neg, form: 'cardinal' };
}

/** a numerator below 1000 and its denominator at atoms[i..] (پنج دهم, بیست و پنج صدم) */
function readFraction(atoms: readonly Atom[], i: number): { end: number; value: Exact } | undefined {
  let n = 0;
  let rank = 4;
  let k = i;
  for (; k < atoms.length; k++) {
    const a = atoms[k]!;
    if (a.key === 'و' && k > i) {
      const w = WORDS.get(atoms[k + 1]?.key ?? '');
      if (!w || w.rank >= rank) return undefined;
      continue;
    }
    const w = WORDS.get(a.key);
    if (!w) break;
    if (k > i && atoms[k - 1]!.key !== 'و') return undefined;
    if (w.rank >= rank) return undefined;
    n += w.v;
    rank = w.rank === 2 && w.v < 20 ? 1 : w.rank;
  }
  if (k === i || k >= atoms.length) return undefined;
  const value = fractionOf(BigInt(n), atoms[k]!.key);
  return value && { end: k + 1, value };
}

/** the digits after «ممیز»: leading «صفر»s, then a whole number in words (or digits) */
function readPoint(atoms: readonly Atom[], i: number): { end: number; value: Exact } | undefined {
  let zeros = 0;
  let k = i;
  while (k < atoms.length && atoms[k]!.key === 'صفر') {
    zeros++;
    k++;
  }
  let digits = '';
  if (k < atoms.length && (WORDS.has(atoms[k]!.key) || SCALE_OF.has(atoms[k]!.key) || atoms[k]!.key === 'یکهزار' || atoms[k]!.digits)) {
    const r = readPhrase(atoms, k);
    if (r && !r.neg && r.form === 'cardinal' && r.value.s === 0) {
      digits = r.value.n.toString();
      k = r.end;
    }
  }
  if (zeros === 0 && !digits) return undefined;
  const frac = '0'.repeat(zeros) + digits;
  if (frac.length > MAX_FRAC_DIGITS) return undefined;
  return { end: k, value: { n: BigInt(digits || '0'), s: frac.length } };
}

/**
 * Whether the digits atoms[k] are followed by the ordinal suffix ام written apart (نفر ۲۱ ام, کلاس ۱۲ اُم): a whole
 * number above 0, then the word ام alone (no piece glued after it). (Not امین apart: also a name, ساعت ۵ امین آمد.)
 */
function spacedOrdinal(atoms: readonly Atom[], k: number): boolean {
  const d = atoms[k]?.digits;
  const w = atoms[k + 1];
  return d !== undefined && !d.neg && d.frac === '' && d.int !== '0' && atoms[k]!.vulgar === undefined && w !== undefined && w.key === 'ام' && !w.glued && !(atoms[k + 2]?.glued ?? false);
}

/**
 * An ordinal suffix glued to the digits that end at j (۲۱ام, ۳اُم, ۱۲م, ۳مین, ۳امین, ۱۴۰۰امین): its end and form, or
 * undefined when the letters there are no such suffix alone (۲۰ساله, ۵مینی). A bare م only after one to three digits:
 * after a year it is the era, ۲۰۲۴م (میلادی). The rules are chars.ts digitOrdinalEnd's, which the tokenizer, the
 * normalizer and the tagger share; here the suffix must not run on into an identifier's signs either (۳ام/, ۳ام_x).
 */
function ordinalSuffix(text: string, j: number, n: number): { end: number; form: NumberForm } | undefined {
  const k = digitOrdinalEnd(text, j, n);
  if (k < 0 || (k < n && isLatinOrDigitLike(text.charCodeAt(k)))) return undefined;
  return { end: k, form: ordinalIsAttributive(text, j, k) ? 'ordinal-attributive' : 'ordinal' };
}

const isLetter = (c: number): boolean => (c >= 0x0620 && c <= 0x064a) || (c >= 0x066e && c <= 0x06d3) || c === 0x06d5 || (c >= 0x06fa && c <= 0x06ff) || (c >= 0x064b && c <= 0x065f) || c === 0x0670 || c === 0x0640;
const isDigit = (c: number): boolean => digitValue(c) >= 0;
const isLatinOrDigitLike = (c: number): boolean => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f || c === 0x2f || c === 0x3a || c === 0x2d || c === 0x40 || c === 0x23 || c === 0x26 || c === 0x3d || c === 0x5c || isDigit(c);
const isSpace = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0xa0 || c === 0x202f;

/**
 * The atoms of a text: words of Arabic-script letters (split at ZWNJs, the pieces marked glued) and digit strings
 * that stand alone as numbers. Anything else ends a phrase: a barrier atom (key '\n').
 */
/** the identifiers whose digits are no quantities (a grouped phone or card number: ۰۹۱۲ ۱۲۳ ۴۵۶۷) */
const ID_TYPES = ['mobile', 'phone', 'card', 'iban', 'nationalId', 'postalCode'] as const;

function atomsOf(text: string): Atom[] {
  const out: Atom[] = [];
  atomReader(text)(out, Infinity);
  return out;
}

/**
 * The atoms of `text` a block at a time: each call fills `out` (emptied first) with the next atoms, stopping after
 * the first barrier once it holds `min` atoms (a phrase never crosses a barrier, so each block reads alone: findNumbers
 * keeps a block of atoms, not one per word of the text); false when the text is done and `out` is empty.
 */
function atomReader(text: string): (out: Atom[], min: number) => boolean {
  const n = text.length;
  // the spans of identifiers, found on the first digit (most text has none), passed with a pointer
  let ids: { start: number; end: number }[] | undefined;
  let idAt = 0;
  const inIdentifier = (at: number): boolean => {
    ids ??= findIdentifiers(text, { types: ID_TYPES });
    while (idAt < ids.length && ids[idAt]!.end <= at) idAt++;
    return idAt < ids.length && ids[idAt]!.start <= at;
  };
  let i = 0;
  let gap = true; // a space (or the start) before the next atom
  // where the last digit string that is no quantity (a range, a code: ۱۰-۲۰) ended: a scale word after it, spaces
  // between, is its multiplier's, not a number of its own (۱۰-۲۰ هزار had become ۱۰-۲۰ ۱۰۰۰)
  let codeEnd = -1;
  let out: Atom[] = [];
  const barrier = (at: number): void => {
    if (out.length && out[out.length - 1]!.key !== '\n') out.push({ start: at, end: at, key: '\n', glued: false });
  };
  return (block, min) => {
    out = block;
    out.length = 0;
    while (i < n) {
      if (out.length >= min && out[out.length - 1]!.key === '\n') return true;
      const c = text.charCodeAt(i);
      if (isSpace(c)) {
        gap = true;
        i++;
        continue;
      }
      if (isLetter(c)) {
        let j = i;
        while (j < n && isLetter(text.charCodeAt(j))) j++;
        // a word glued to Latin letters or digits (mp3, ۲۰ساله) is no number word
        const prev = i > 0 ? text.charCodeAt(i - 1) : 0x20;
        const next = j < n ? text.charCodeAt(j) : 0x20;
        const afterCode = codeEnd >= 0 && gap && /^[ \t\u00a0\u202f]+$/.test(text.slice(codeEnd, i));
        if (isLatinOrDigitLike(next) || (!gap && isLatinOrDigitLike(prev)) || (afterCode && SCALE_OF.has(wordKey(text.slice(i, j))))) barrier(i);
        else {
          const key = wordKey(text.slice(i, j));
          const before = out[out.length - 1];
          // a piece after a ZWNJ that completes the word before: سی‌ام, سی‌امین, ده‌هزارم
          if (!gap && before && before.end === i - 1 && (key === 'ام' || key === 'امین' || DENOMS.has(before.key + key))) {
            before.key += key;
            before.end = j;
          } else if (!gap && before && before.end === i - 1 && key.length > 2 && key.charCodeAt(0) === 0x0648 && WORDS.has(before.key) && numberKey(key.slice(1))) {
            // و run into the number word after a ZWNJ (بیست‌ونهم, سی‌ویکم, صد‌وبیست: as بیست‌و‌نهم, the و a piece of its own)
            out.push({ start: i, end: i + 1, key: 'و', glued: true }, { start: i + 1, end: j, key: key.slice(1), glued: true });
          } else out.push({ start: i, end: j, key, glued: !gap });
        }
        gap = false;
        i = j;
        if (i < n && text.charCodeAt(i) === 0x200c) {
          i++; // the next piece is glued
          continue;
        }
        continue;
      }
      // a vulgar fraction (½ پیمانه, ¾ لیوان): a number of its own, or the fraction of the digits it is glued to (۲½ = 2.5)
      const vf = VULGAR.get(c);
      if (vf !== undefined) {
        const before = out[out.length - 1];
        const next = i + 1 < n ? text.charCodeAt(i + 1) : 0x20;
        if (isLetter(next) || isLatinOrDigitLike(next)) barrier(i);
        else if (!gap && before?.digits && before.end === i && before.digits.frac === '') {
          before.digits = { ...before.digits, frac: vf };
          before.end = i + 1;
        } else if (!gap) barrier(i);
        else out.push({ start: i, end: i + 1, key: '', digits: { neg: false, int: '0', frac: vf }, glued: false, vulgar: 1 });
        gap = false;
        i++;
        continue;
      }
      // ⅓ ⅔ ⅙: no number of its own; an atom (no number word) that findNumbers reads as the end of the number before it
      // (دو ⅓ لیوان, ۲⅓: neither is read, as دو سوم is not; دو had been read as 2)
      if (REPEATING_VULGAR.has(c)) {
        const next = i + 1 < n ? text.charCodeAt(i + 1) : 0x20;
        if (isLetter(next) || isLatinOrDigitLike(next)) barrier(i);
        else out.push({ start: i, end: i + 1, key: text[i]!, glued: !gap, vulgar: 2 });
        gap = false;
        i++;
        continue;
      }
      // a minus sign typed right before digits at a word's start is the number's (دما −۵ درجه, و -۱٫۲%: -5, -1.2); it
      // had been dropped (−۵ read as 5) or, a hyphen, made the digits part of a code. Not after a digit or a letter: a
      // range or a code (۲۵-۵۰, A-12)
      const minus = (c === 0x2d || c === 0x2212) && gap && i + 1 < n && isDigit(text.charCodeAt(i + 1));
      if (minus || isDigit(c)) {
        let j = minus ? i + 1 : i;
        while (j < n) {
          const d = text.charCodeAt(j);
          if (isDigit(d)) j++;
          else if ((d === 0x2c || d === 0x066c || d === 0x2e || d === 0x066b) && j + 1 < n && isDigit(text.charCodeAt(j + 1))) j += 2;
          // (a narrow no-break or thin space before three digits and no fourth: a thousands separator, ۱۲ ۵۰۰ تومان,
          // which was read as two numbers, «دوازده پانصد تومان»)
          else if ((d === 0x202f || d === 0x2009) && j + 3 < n && isDigit(text.charCodeAt(j + 1)) && isDigit(text.charCodeAt(j + 2)) && isDigit(text.charCodeAt(j + 3)) && !(j + 4 < n && isDigit(text.charCodeAt(j + 4)))) j += 4;
          else break;
        }
        // (past the bidi marks a writer puts beside a date's separators: ۱۴۰۲‏/۰۵‏/۰۱ is a date, its ۱۴۰۲ no quantity)
        let pb = i;
        while (pb > 0 && isBidiMark(text.charCodeAt(pb - 1))) pb--;
        let nb = j;
        while (nb < n && isBidiMark(text.charCodeAt(nb))) nb++;
        const prev = pb > 0 ? text.charCodeAt(pb - 1) : 0x20;
        const next = nb < n ? text.charCodeAt(nb) : 0x20;
        const s = text.slice(i, j);
        // (a minus sign glued after the digits with no figure after it, as right-to-left text writes a negative number —
        // دمای ۳- تا ۱۲+ درجه, a bank's debit برداشت: ۱,۲۰۰,۰۰۰- ریال — is the number's sign: -3; the number had been
        // dropped as part of a code. Not a range or a code: ۲۵-۵۰, ۱۰- ۲۰, 3-A)
        const trailingMinus = !minus && nb === j && (next === 0x2d || next === 0x2212) && trailingSign(text, j + 1, n);
        // a digit string longer than any quantity is a code or an identifier (and BigInt of it would cost)
        let d = j - i > 64 ? undefined : decimalOfString(s);
        // dots between groups of three before تومان or ریال separate thousands, as Iranian prices write them (۱۲.۵۰۰
        // تومان is 12,500 toman, not 12.5; 1.250.000 ریال): neither currency is written with a fraction
        if (j - i <= 64 && DOTTED_THOUSANDS.test(s) && CURRENCY_AFTER.test(text.slice(trailingMinus ? j + 1 : j, j + 13))) d = decimalOfString(s.replaceAll('.', ''));
        // dates, times, versions, codes and phone numbers are not quantities: 1402/01/15, 12:30, 1.2.3, 0912..., nor the
        // groups of a phone or card number (۰۹۱۲ ۱۲۳ ۴۵۶۷)
        const u = minus ? s.slice(1) : s;
        const leadingZero = u.length > 1 && digitValue(u.charCodeAt(0)) === 0 && !(u.charCodeAt(1) === 0x2e || u.charCodeAt(1) === 0x066b);
        const mixed = /[0-9]/.test(s) && /[\u06f0-\u06f9\u0660-\u0669]/.test(s);
        // (nor thirteen digits or more without a separator: a barcode, an IMEI, a tracking or account number — a quantity
        // that long is written in groups or with a scale word; ۶۲۶۱۱۰۷۰۰۰۰۱۱ had become «شش تریلیون و …»)
        const longCode = u.length >= 13 && !/[.,\u066b\u066c]/.test(u);
        // (nor digits with a superscript or subscript digit beside them: ۱۰⁸ is 10 to the 8th, not 10; ۵₂ a base; nor the
        // digit of a keycap emoji, 1️⃣ 3⃣, whose VS16 or U+20E3 follows it: to words it had become «یک️⃣», the emoji broken)
        // (nor digits glued by an Arabic comma to more digits, ۱۲،۵۰۰: a writer's thousands separator, 12500, or decimal
        // one, ۲،۵ = 2.5, which no rule can tell apart; it had become two numbers, 12 and 500, «دوازده،پانصد» to words)
        const commaDigits = (next === 0x060c && nb + 1 < n && isDigit(text.charCodeAt(nb + 1))) || (prev === 0x060c && pb >= 2 && isDigit(text.charCodeAt(pb - 2)));
        if (trailingMinus && d) d = { ...d, neg: !d.neg };
        // (an ordinal suffix glued after a whole number, ۲۱ام مهر, ۳مین بار: the ordinal; it was a barrier, a digit
        // string glued to letters, so ۲۱ام مهر was no date and stayed in digits to words while بیست و یکم مهر was read)
        const ord = d && isLetter(next) && nb === j && !d.neg && d.frac === '' && d.int !== '0' && !leadingZero && !mixed ? ordinalSuffix(text, j, n) : undefined;
        if (!d || leadingZero || mixed || longCode || commaDigits || isLatinOrDigitLike(prev) || (isLatinOrDigitLike(next) && !trailingMinus) || (isLetter(next) && !ord) || isLetter(prev) || isScriptDigit(next) || isScriptDigit(prev) || next === 0xfe0f || next === 0x20e3 || inIdentifier(minus ? i + 1 : i)) {
          barrier(i);
          codeEnd = j;
        } else if (ord) out.push({ start: i, end: ord.end, key: '', digits: d, glued: !gap, ordinal: ord.form });
        else out.push({ start: i, end: trailingMinus ? j + 1 : j, key: '', digits: d, glued: !gap });
        gap = false;
        i = ord ? ord.end : trailingMinus ? j + 1 : j;
        continue;
      }
      barrier(i);
      // after a mark or a line break the next word starts a new one ((سه هزار), «دو», a number at a line's start); after
      // a ZWNJ or a Latin letter, digit-like symbol or digit it is glued to them (‌سه, abcسه, mp3)
      gap = c !== 0x200c && !isLatinOrDigitLike(c);
      i++;
    }
    return out.length > 0;
  };
}

/**
 * Whether a sign that ends at k ends its number: what follows is the end, a space or a mark, not a letter, digit or code
 * character; and the next thing past spaces is no digit (۱۰- ۲۰ is a range typed with a space)
 */
function trailingSign(text: string, k: number, n: number): boolean {
  if (k >= n) return true;
  const c = text.charCodeAt(k);
  if (isLetter(c) || isLatinOrDigitLike(c) || isScriptDigit(c) || c === 0x2b || c === 0x2212 || c === 0x200c) return false;
  let m = k;
  while (m < n && m - k < 8 && (text.charCodeAt(m) === 0x20 || text.charCodeAt(m) === 0xa0)) m++;
  return m >= n || !isDigit(text.charCodeAt(m));
}

/** digits in groups of three with dots between them (۱۲.۵۰۰, 1.250.000), a minus sign before them or not */
const DOTTED_THOUSANDS = /^[-\u2212]?\p{Nd}{1,3}(?:\.\p{Nd}{3})+$/u;
/** Iran's currencies right after a number (تومان, chat's تومن, ریال; تومانی, priced at), never written with a fraction */
const CURRENCY_AFTER = /^[ \u00a0]*(?:تومان|تومن|ریال|ريال)(?:ی)?(?!\p{L})/u;

/**
 * The index after a fraction whose denominator has no end as a decimal (REPEATING_DENOMS) that the phrase `r`, which
 * ends at atoms[end], begins or is the numerator of (یک | سوم, سه | و یک سوم), else 0.
 */
function repeatingFractionEnd(atoms: readonly Atom[], end: number, r: { value: Exact; neg: boolean; form: NumberForm }): number {
  const den = (k: number, num: bigint): boolean => {
    const a = atoms[k];
    if (a === undefined || a.glued || (atoms[k + 1]?.glued ?? false)) return false;
    const d = REPEATING_DENOMS.get(a.key);
    return d !== undefined && num > 0n && num < BigInt(d);
  };
  if (r.form !== 'cardinal' || r.neg || r.value.s !== 0) return 0;
  if (!atoms[end - 1]!.digits && den(end, r.value.n)) return end + 1;
  const w = atoms[end]?.key === 'و' ? WORDS.get(atoms[end + 1]?.key ?? '') : undefined;
  if (w && w.v > 0 && !atoms[end + 1]!.glued && den(end + 2, BigInt(w.v))) return end + 3;
  return 0;
}

/** one-word phrases that are more often something else: «نه» (no), «یه»/«یک» are kept (a, one) */
const NOT_ALONE = new Set(['نه']);

/**
 * Every number phrase of a text, in order: words («سه هزار و پانصد», «بیست و یکم», «دو و نیم میلیون»), digits with
 * scales («۲٫۵ میلیارد»), and digit strings that stand alone as quantities (not dates, times, versions, phone
 * numbers, or digits inside Latin words). Offsets are UTF-16 offsets into `text`. Never throws on a string.
 */
export function findNumbers(text: string): NumberSpan[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const read = atomReader(text);
  const atoms: Atom[] = [];
  const out: NumberSpan[] = [];
  while (read(atoms, 4096)) {
    for (let i = 0; i < atoms.length; ) {
      const a = atoms[i]!;
      // a phrase starts at a word boundary (not at a piece after a ZWNJ: نیم‌رخ, صدها)
      if (a.key === '\n' || a.key === 'و' || a.glued) {
        i++;
        continue;
      }
      let r = readPhrase(atoms, i);
      if (!r) {
        i++;
        continue;
      }
      let end = r.end;
      // a phrase ends at a word boundary: a piece glued after it (هزاران, صدها, سه‌شنبه) makes it no number — but
      // digits that begin it stand alone (۲٫۵ in ۲٫۵ هزار‌تومان, as convertNumbers to words reads them)
      if (end < atoms.length && atoms[end]!.glued) {
        const one = a.digits && end > i + 1 && !atoms[i + 1]!.glued ? readPhrase([a], 0) : undefined;
        if (!one || one.end !== 1) {
          i++;
          continue;
        }
        r = one;
        end = i + 1;
      }
      // a fraction with no end as a decimal (یک سوم, دو سوم, سه و یک سوم) is no number here: the whole of it is left
      // alone (it had been read as a number and an ordinal, 2 and «3rd»)
      const rep = repeatingFractionEnd(atoms, end, r);
      if (rep > 0) {
        i = rep;
        continue;
      }
      // a whole number before a vulgar fraction, a space between them (دو ½ لیوان, ۲ ¾): one number, as ۲½ is (2.5); before
      // one with no exact digits (دو ⅓, ۲⅓) neither is read (دو had been 2)
      const vf = atoms[end];
      if (vf?.vulgar !== undefined && r.form === 'cardinal' && !r.neg && r.value.s === 0 && !(end - i === 1 && NOT_ALONE.has(a.key))) {
        if (vf.vulgar === 2) {
          i = end + 1;
          continue;
        }
        // (not when the fraction begins a phrase of its own, ½ میلیون: that is read as before)
        if (readPhrase(atoms, end)?.end === end + 1) {
          const f = vf.digits!.frac;
          r = { ...r, value: { n: r.value.n * 10n ** BigInt(f.length) + BigInt(f), s: f.length } };
          end++;
        }
      }
      // «و» is never the last atom; trailing pieces were checked
      const first = atoms[i]!;
      const last = atoms[end - 1]!;
      if (end - i === 1 && NOT_ALONE.has(first.key)) {
        i++;
        continue;
      }
      let words = false;
      for (let k = i; k < end; k++) if (!atoms[k]!.digits) words = true;
      const digits = exactDigits(r.value, r.neg);
      out.push({ start: first.start, end: last.end, text: text.slice(first.start, last.end), value: Number(digits), digits, form: r.form, words });
      i = end;
    }
  }
  if (out.length === 0) return out;
  // (not inside code, markup, URLs, mentions or hashtags: the normalizer's protected spans)
  const prot = protectedLetters(text);
  return prot.length === 0 ? out : out.filter((s) => !anyProtected(prot, s.start, s.end));
}

/**
 * The value of a text that is one number phrase and nothing else (spaces around it allowed): «دو هزار و پانصد»,
 * «سی‌ام», «۲٫۵ میلیون», «1,250». undefined when the text is not exactly one number.
 */
export function parseNumber(text: string): ParsedNumber | undefined {
  if (typeof text !== 'string') return undefined;
  const t = text.trim();
  if (!t || t.length > 10_000) return undefined;
  const d = decimalOfString(t);
  if (d) {
    const digits = `${d.neg ? '-' : ''}${d.int}${d.frac ? `.${d.frac}` : ''}`;
    return { value: Number(digits), digits, form: 'cardinal' };
  }
  const atoms = atomsOf(t);
  if (atoms.length === 0 || atoms.some((a) => a.key === '\n')) return undefined;
  const r = readPhrase(atoms, 0);
  if (!r || r.end !== atoms.length) return undefined;
  const digits = exactDigits(r.value, r.neg);
  return { value: Number(digits), digits, form: r.form };
}

/** The value of a number in words (see parseNumber), or undefined. */
export function wordsToNumber(text: string): number | undefined {
  return parseNumber(text)?.value;
}

export interface ConvertNumbersOptions {
  /** `digits`: number phrases in words become digits (سه هزار → ۳۰۰۰) [default]; `words`: digit strings become words */
  to?: 'digits' | 'words';
  /** the digits written by `to: 'digits'`: `fa` (۰–۹, ٫ as the decimal point) [default] or `latin` */
  digits?: 'fa' | 'latin';
  /** ordinals in words become digits + م / مین (بیست و یکم → ۲۱م) too [default false: they stay words] */
  ordinals?: boolean;
}
export const CONVERT_TO = ['digits', 'words'] as const;
export const CONVERT_DIGITS = ['fa', 'latin'] as const;

const faDigits = (s: string): string => toPersianDigits(s).replace('.', '٫');

const ARABIC = 1;
const LATIN = 2;

/**
 * The script of the text around [start, end), as the normalizer reads it for digits: the last letter before it on
 * its line, else the first after it (0 when the line has none). For spans in order, linear over the text.
 */
function letterContext(text: string): (start: number, end: number) => number {
  const n = text.length;
  let at = 0; // scanned up to here
  let last = 0; // the script of the last letter before `at` on its line
  let rightAt = -1; // the first letter after the last span looked right from (or its line's end), and its script
  let rightKind = 0;
  const kind = (c: number): number => (isLetter(c) ? ARABIC : isLatinLetter(c) ? LATIN : 0);
  return (start, end) => {
    for (; at < start; at++) {
      const c = text.charCodeAt(at);
      if (c === 0x0a || c === 0x0d) last = 0;
      else last = kind(c) || last;
    }
    if (last) return last;
    // (spans come in order: while `end` has not passed the letter found last, no other letter lies between)
    if (end > rightAt) {
      let k = end;
      rightKind = 0;
      while (k < n) {
        const c = text.charCodeAt(k);
        if (c === 0x0a || c === 0x0d) break;
        if ((rightKind = kind(c))) break;
        k++;
      }
      rightAt = k;
    }
    return rightKind;
  };
}

/**
 * The text with its numbers rewritten, everything else unchanged: `to: 'digits'` writes number phrases in words as
 * digits («سه هزار و پانصد تومان» → «۳۵۰۰ تومان»; a lone «یک»/«یه», usually the indefinite article, stays), `to: 'words'`
 * writes digit strings that stand alone as words («۲۵ نفر» → «بیست و پنج نفر»; dates, times, versions, phone
 * numbers and numbers in Latin text stay). Never throws on a string.
 */
/** the word کد, شناسه or شماره, or it and one word after it (کد رهگیری, کد ملی, شناسه ملی, شماره شناسنامه, شماره
 * حساب), and a colon or not, right before a number (not a plural: شناسه‌ها ۵ تا, شماره‌ها) */
const CODE_BEFORE = /(?:^|[^\p{L}\p{M}\u200c])(?:کد|شناسه|شماره)(?!\u200cه)(?:[ \u00a0\u200c]+[\p{L}\p{M}\u200c]+)?[ \u00a0]*:?[ \u00a0]*$/u;
/** a clock time and a range word right before a number, or right after it */
const TIME_RANGE_BEFORE = /\p{Nd}:\p{Nd}{2}[ \u00a0]*(?:تا|الی|[-\u2013])[ \u00a0]*$/u;
const TIME_RANGE_AFTER = /^[ \u00a0]*(?:تا|الی|[-\u2013])[ \u00a0]*\p{Nd}{1,2}:\p{Nd}{2}(?!\p{Nd})/u;
/** after a list item's number: a dot or a closing parenthesis, then a space */
const LIST_ITEM_AFTER = /^[.)][ \t\u00a0]/;
/** a character of an arithmetic expression written without spaces: a digit, an operator, =, a bracket, a separator */
const isExprChar = (c: number): boolean =>
  isDigit(c) || c === 0x2b || c === 0x2d || c === 0x2212 || c === 0xd7 || c === 0xf7 || c === 0x2a || c === 0x2f || c === 0x3d || c === 0x5e || c === 0x28 || c === 0x29 || c === 0x2e || c === 0x2c || c === 0x066b || c === 0x066c;
/**
 * A test of whether the digits [start, end) are glued, through operators and digits alone, to an = (an equation:
 * ۲+۲=۵). Called with spans in text order; the run of expression characters is scanned once (linear time on a long run).
 */
function gluedEquation(text: string): (start: number, end: number) => boolean {
  let runEnd = -1;
  let runEq = false;
  return (start, end) => {
    if (start >= runEnd) {
      let i = start;
      while (i > 0 && isExprChar(text.charCodeAt(i - 1))) i--;
      let j = end;
      while (j < text.length && isExprChar(text.charCodeAt(j))) j++;
      runEnd = j;
      runEq = false;
      for (let k = i; k < j; k++) if (text.charCodeAt(k) === 0x3d) runEq = true;
    }
    return runEq;
  };
}
/** whether a parenthesis opened on the line before `at` is not closed before it */
function openParenBefore(text: string, at: number): boolean {
  let depth = 0;
  for (let i = at - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x0d) break;
    if (c === 0x29) depth++;
    else if (c === 0x28) {
      if (depth === 0) return true;
      depth--;
    }
  }
  return false;
}
/** before it: the line's start, spaces or a bullet at most */
const LINE_START_BEFORE = /(?:^|\n)[ \t\u00a0\-*•]*$/;
/** an hour and a half (1.5 to 24.5) */
const CLOCK_HALF = /^(?:[1-9]|1\d|2[0-4])\.5$/;
/** the word ساعت right before a number phrase (a space, or a ZWNJ, between them) */
const CLOCK_BEFORE = /(?:^|[^\p{L}\p{M}\u200c])ساعت[ \u00a0\u200c]$/u;

/** the word between the two ends of a range: تا, الی, یا, و, a dash */
const RANGE_BETWEEN = /^[ \t\u00a0]*(?:تا|الی|یا|و|[-\u2013\u2014])[ \t\u00a0]*$/u;

/** the largest scale word of a number phrase as its power of ten (سی میلیون → 6), or 0 */
function topScale(phrase: string): number {
  let top = 0;
  for (const w of phrase.split(/[\s\u200c]+/)) top = Math.max(top, SCALE_OF.get(wordKey(w)) ?? 0);
  return top;
}

/**
 * Whether spans a and b are the ends of a range whose scale word, written once at the end, is the first end's too
 * (۲۰ تا ۳۰ میلیون, بیست تا سی میلیون, دو یا سه هزار: 20 to 30 million): a has no scale, b has one, and a is no
 * more than b's multiplier (۵۰۰ تا ۳ میلیون is 500 to 3 million). Rewriting b alone as digits made the range read
 * «۲۰ تا ۳۰۰۰۰۰۰۰», 20 to 30 million misread as 20 to 30,000,000: both stay as written.
 */
function sharedScale(text: string, a: NumberSpan | undefined, b: NumberSpan | undefined): boolean {
  if (a === undefined || b === undefined || a.form !== 'cardinal' || b.form !== 'cardinal') return false;
  if (!RANGE_BETWEEN.test(text.slice(a.end, b.start)) || topScale(a.text) > 0) return false;
  const top = topScale(b.text);
  return top > 0 && a.value > 0 && a.value <= b.value / 10 ** top;
}

export function convertNumbers(text: string, options: ConvertNumbersOptions = {}): string {
  textArgument(text, 'convertNumbers'); // a text comes back: a value that is no string is E_BAD_INPUT (it gave '')
  options = knownOptions(options, 'convertNumbers', ['to', 'digits', 'ordinals']);
  booleanOption('ordinals', options.ordinals);
  const to = options.to ?? 'digits';
  const script = options.digits ?? 'fa';
  if (!CONVERT_TO.includes(to)) throw badOption('to', to, CONVERT_TO);
  if (!CONVERT_DIGITS.includes(script)) throw badOption('digits', script, CONVERT_DIGITS);
  if (typeof text !== 'string' || text.length === 0) return typeof text === 'string' ? text : '';
  let out = '';
  let at = 0;
  if (to === 'words') {
    let prot: Uint8Array | undefined;
    let equation: ((start: number, end: number) => boolean) | undefined;
    const script = letterContext(text);
    const atoms = atomsOf(text);
    /** findNumbers' spans (only when a vulgar fraction is there), and the first that may end at or after an atom */
    let spans: NumberSpan[] | undefined;
    let sp = 0;
    for (let ai = 0; ai < atoms.length; ai++) {
      const a = atoms[ai]!;
      const d = a.digits;
      if (a.start < at) continue;
      // a whole number, a space and a vulgar fraction are one number (دو ½, ۲ ¾: findNumbers' 2.5, 2.75): read whole,
      // «دو و نیم», as ۲½ is (they had become «دو نیم», «دو هفتاد و پنج صدم»: two numbers)
      const v = a.vulgar === 1 ? a : atoms[ai + 1]?.vulgar === 1 && d ? atoms[ai + 1]! : undefined;
      if (v !== undefined) {
        spans ??= findNumbers(text);
        while (sp < spans.length && spans[sp]!.end < v.end) sp++;
        const s = spans[sp];
        if (s !== undefined && s.end === v.end && s.start < v.start && s.start >= at && !anyProtected((prot ??= protectedLetters(text)), s.start, s.end) && script(s.start, s.end) !== LATIN) {
          out += text.slice(at, s.start) + numberToWords(s.digits);
          at = s.end;
          continue;
        }
      }
      // digits before a fraction with no exact digits (۲ ⅓, ۲⅓), which findNumbers reads as no number: they stay as
      // written (they became «دو ⅓»)
      if (d && atoms[ai + 1]?.vulgar === 2) continue;
      // (as findNumbers: not a piece glued after something else, nor inside code or markup; and, as the normalizer's
      // digits, not in Latin text: «I have 12 apples» stays)
      if (!d || a.glued || anyProtected((prot ??= protectedLetters(text)), a.start, a.end) || script(a.start, a.end) === LATIN) continue;
      if (d.int.length > MAX_INT_DIGITS || d.frac.length > MAX_FRAC_DIGITS) continue;
      // the other end of a range of clock times (ساعت ۸:۳۰ الی ۱۲, ۸ تا ۱۲:۳۰) is a time too: it stays in digits as the
      // time does (it became «۸:۳۰ الی دوازده»)
      if (TIME_RANGE_BEFORE.test(text.slice(Math.max(0, a.start - 16), a.start)) || TIME_RANGE_AFTER.test(text.slice(a.end, a.end + 16))) continue;
      // digits after کد, شناسه or شماره (a code, an id, a number as a label: کد رهگیری ۱۴۰۲۰۵۱۲۳۴, کد اشتراک: ۱۲۳۴,
      // شناسه ملی: ۱۰۱۰۰۱۲۳۴۵۶, شماره شناسنامه ۱۲۳۴) are no quantity (it became «یک میلیارد و …», «ده میلیارد و …»,
      // «هزار و دویست و سی و چهار»)
      if (CODE_BEFORE.test(text.slice(Math.max(0, a.start - 24), a.start))) continue;
      // a degree sign glued after the number (۲۵°C, ۹۰°) or a plus sign glued before it at a word's start (+۲, ±۳; not
      // ۲+۳): a sign no word reads, the number stays in digits (it became «بیست و پنج°C», «+دو»)
      if (/^[°℃℉]/.test(text.slice(a.end, a.end + 1)) || (a.start > 0 && /[+±]/.test(text[a.start - 1]!) && (a.start === 1 || !/[\p{L}\p{N}]/u.test(text[a.start - 2]!)))) continue;
      // the number of a list item (۱. پرسپولیس, ۲) سپاهان: at a line's start, a dot or a parenthesis and a space after
      // it) is a label, no quantity (it had become «یک. پرسپولیس»)
      if (LIST_ITEM_AFTER.test(text.slice(a.end, a.end + 2)) && LINE_START_BEFORE.test(text.slice(Math.max(0, a.start - 8), a.start))) continue;
      // so is the number of an option inside a line (an exam's «۱) تهران ۲) شیراز ۳) …»): a space before it, a closing
      // parenthesis and a space after it, and no parenthesis open before it on its line (the second became «دو)»;
      // «(حدود ۲) نفر» closes a parenthesis and is read)
      if (LIST_ITEM_AFTER.test(text.slice(a.end, a.end + 2)) && text.charCodeAt(a.end) === 0x29 && a.start > 0 && isSpace(text.charCodeAt(a.start - 1)) && !openParenBefore(text, a.start)) continue;
      // a number in an equation written without spaces (۲+۲=۵, ۳×۴=۱۲): the digits glued to = stay, so the whole
      // equation stays in digits (it became «دو+۲=۵», half read); ۲+۳ with no = is read as before
      if ((equation ??= gluedEquation(text))(a.start, a.end)) continue;
      // a percent sign typed before the number at a word's start, as right-to-left typing often leaves it (با ٪۳٫۵
      // افزایش), is read after it too (it was «٪سه و نیم»)
      // digits with an ordinal suffix (۲۱ام, ۳مین, ۲۱ ام) are the ordinal in words: بیست و یکم, سومین (the glued ones
      // stayed in digits, ۲۱ ام became «بیست و یک ام»)
      const ordinal = a.ordinal ?? (spacedOrdinal(atoms, ai) ? 'ordinal' : undefined);
      if (ordinal !== undefined) {
        out += text.slice(at, a.start) + numberToWords(d.int, { form: ordinal });
        at = a.ordinal ? a.end : atoms[ai + 1]!.end;
        continue;
      }
      const b = a.start > at ? text.charCodeAt(a.start - 1) : 0;
      const before = (b === 0x066a || b === 0x25) && (a.start - 1 === 0 || !/[\p{L}\p{N}\p{M}]/u.test(text[a.start - 2]!));
      out += text.slice(at, before ? a.start - 1 : a.start) + numberToWords(`${d.neg ? '-' : ''}${d.int}${d.frac ? `.${d.frac}` : ''}`);
      at = a.end;
      // a percent sign is read as a word: ۲۵٪ → بیست و پنج درصد
      const p = text.charCodeAt(at);
      if (p === 0x066a || p === 0x25) {
        out += ' درصد';
        at++;
      } else if (before) out += ' درصد';
    }
    return out + text.slice(at);
  }
  const spans = findNumbers(text);
  /** only spaces between spans a and b: an approximate range (دو سه روز, ده پانزده نفر) is left in words */
  const adjacent = (a: NumberSpan | undefined, b: NumberSpan | undefined): boolean => a !== undefined && b !== undefined && /^[ \t\u00a0]*$/.test(text.slice(a.end, b.start));
  /** spans a and b are the two sides of a score or ratio, بر between them (سه بر صفر, دو بر یک) */
  const score = (a: NumberSpan | undefined, b: NumberSpan | undefined): boolean => a !== undefined && b !== undefined && a.form === 'cardinal' && b.form === 'cardinal' && /^[ \t\u00a0]+بر[ \t\u00a0]+$/.test(text.slice(a.end, b.start));
  for (let i = 0; i < spans.length; i++) {
    const s = spans[i]!;
    if (!s.words || adjacent(spans[i - 1], s) || adjacent(s, spans[i + 1])) continue;
    if (sharedScale(text, spans[i - 1], s) || sharedScale(text, s, spans[i + 1])) continue;
    if (s.form !== 'cardinal' && !options.ordinals) continue;
    const k = wordKey(s.text);
    // (but یک in a score, یک بر صفر, دو بر یک, is the number: the other end was rewritten, ۲ بر یک)
    if ((k === 'یک' || k === 'یه' || k === 'یکی' || k === 'نیم') && !(k === 'یک' && (score(spans[i - 1], s) || score(s, spans[i + 1])))) continue;
    // a time of day after ساعت with a half (ساعت ده و نیم: half past ten) is written as a clock writes it, ۱۰:۳۰ (it
    // was ۱۰٫۵, ten and a half); a duration before ساعت (دو و نیم ساعت) stays ۲٫۵
    const clock = s.form === 'cardinal' && CLOCK_HALF.test(s.digits) && CLOCK_BEFORE.test(text.slice(Math.max(0, s.start - 8), s.start));
    let digits = clock ? s.digits.slice(0, -2) + ':30' : s.digits;
    if (script === 'fa') digits = clock ? toPersianDigits(digits) : faDigits(digits);
    if (s.form !== 'cardinal') digits += s.form === 'ordinal' ? 'م' : 'مین';
    out += text.slice(at, s.start) + digits;
    at = s.end;
  }
  return out + text.slice(at);
}
