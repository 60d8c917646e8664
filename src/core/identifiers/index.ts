/**
 * Identifiers in text: Iranian mobile and landline numbers, bank card numbers, IBANs (شبا), national ids (کد ملی),
 * postal codes, e-mail addresses and URLs — found with offsets into the original text, checked (card: Luhn; IBAN:
 * ISO 7064 mod 97; national id: its check digit), given in a canonical form (Latin digits, a mobile as 09xxxxxxxxx),
 * with the bank of a card or IBAN and the operator of a mobile number; and redacted.
 *
 * Digits of any script (۰۹۱۲, ٠٩١٢, 0912), groups apart by a space, a hyphen or a no-break space (۰۹۱۲ ۱۲۳ ۴۵۶۷,
 * 6037-9975-9955-1234, IR06 0120 ...). A run of digit groups is tried from each group on, longest first, so a number
 * beside another one is still found; a number inside a longer one, a decimal (0912.5), a date (1402/05/12) or a
 * Latin word is not. Kinds without a checksum are read by their shape: a mobile is 09 + 9 digits (or +98 / 0098 / 98
 * / nothing before the 9); a landline 0 + a province code + 8 digits. Ten digits are a postal code after `کد پستی`, a
 * national id after `کد ملی` / `شماره ملی` (then reported even when its check digit is wrong: valid false), and
 * otherwise a national id only when the check digit is right. Sixteen digits are a card when the Luhn check passes, or
 * after `کارت` (valid false). Either, followed by a unit or currency (ریال, تومان, نفر, ...) with nothing said before
 * it, is an amount, not an identifier. An IBAN needs its `IR`.
 *
 * Pure; linear on any input (the groups tried from one start stop at 26 digits). Tables: ./tables.ts (persian-tools).
 */
import { digitValue, isAnyDigit, isFormatControl } from '../chars.js';
import { DabirError, knownOptions, showValue, textArgument } from '../errors.js';
import { findLinks } from '../normalize/protect.js';
import { CARD_BANKS, IBAN_BANKS, MOBILE_OPERATORS } from './tables.js';

export type IdentifierType = 'mobile' | 'phone' | 'card' | 'iban' | 'nationalId' | 'postalCode' | 'email' | 'url';
export const IDENTIFIER_TYPES: readonly IdentifierType[] = ['mobile', 'phone', 'card', 'iban', 'nationalId', 'postalCode', 'email', 'url'];

export interface Identifier {
  type: IdentifierType;
  /** offsets into the original text: text.slice(start, end) is the identifier as written */
  start: number;
  end: number;
  text: string;
  /**
   * canonical form: Latin digits without separators (a mobile as 09xxxxxxxxx, a landline as 0 + code + number, an IBAN
   * as IR + 24 digits); an e-mail address or URL as written
   */
  value: string;
  /** its checksum holds (card, IBAN, national id); true for the kinds that have none */
  valid: boolean;
  /** card, IBAN: the bank, when its prefix is known */
  bank?: string;
  /** mobile: the operator, when its prefix is known */
  operator?: string;
}

export interface IdentifierOptions {
  /** which kinds [default: all] */
  types?: readonly IdentifierType[];
}

export interface RedactOptions extends IdentifierOptions {
  /** 'mask': every letter and digit becomes • (separators and length kept) [default]; 'type': the span becomes [type] */
  with?: 'mask' | 'type';
  /** digits left visible at the end of each masked identifier, as on a receipt (**** 1234) [default 0] */
  keepLast?: number;
}

// ---- checks -------------------------------------------------------------------------------------------------------

/** Latin digits of a string of digits of any script with separators (space, hyphen, no-break space, invisible controls: isSep); '' if other characters. */
function digitsOf(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const v = digitValue(c);
    if (v >= 0) out += String.fromCharCode(0x30 + v);
    else if (!isSep(c)) return '';
  }
  return out;
}

/** Luhn (card numbers). */
function luhn(d: string): boolean {
  let sum = 0;
  for (let i = 0; i < d.length; i++) {
    let v = d.charCodeAt(d.length - 1 - i) - 0x30;
    if (i % 2 === 1) {
      v *= 2;
      if (v > 9) v -= 9;
    }
    sum += v;
  }
  return sum % 10 === 0;
}

/** ISO 7064 mod 97-10 of IR + 24 digits: the check digits and country code moved to the end (I = 18, R = 27). */
function ibanOk(d: string): boolean {
  const s = d.slice(2) + '1827' + d.slice(0, 2);
  let r = 0;
  for (let i = 0; i < s.length; i++) r = (r * 10 + (s.charCodeAt(i) - 0x30)) % 97;
  return r === 1;
}

/** The check digit of a national id (کد ملی): 10 digits, not all alike. */
function nationalIdOk(d: string): boolean {
  if (d.length !== 10 || /^(\d)\1{9}$/.test(d)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += (d.charCodeAt(i) - 0x30) * (10 - i);
  const r = sum % 11;
  const check = d.charCodeAt(9) - 0x30;
  return r < 2 ? check === r : check === 11 - r;
}

/** Is this a valid Iranian national id (کد ملی)? Digits of any script; separators (space, hyphen) allowed. */
export function isValidNationalId(s: string): boolean {
  return typeof s === 'string' && nationalIdOk(digitsOf(s));
}
/** Is this a bank card number (16 digits) whose Luhn check holds? */
export function isValidCardNumber(s: string): boolean {
  const d = typeof s === 'string' ? digitsOf(s) : '';
  return d.length === 16 && luhn(d);
}
/** Is this an Iranian IBAN (شبا: IR + 24 digits) whose mod-97 check holds? `IR` may be left out. */
export function isValidIban(s: string): boolean {
  if (typeof s !== 'string') return false;
  const t = s.trim().replace(/^(IR|ir|Ir|iR)/, '');
  const d = digitsOf(t);
  return d.length === 24 && ibanOk(d);
}
/** The bank of a card number (first six digits) or IBAN (IR + 24 digits), or undefined. */
export function bankOf(s: string): string | undefined {
  if (typeof s !== 'string') return undefined;
  const t = s.trim();
  if (/^(IR|ir)/.test(t)) {
    const d = digitsOf(t.slice(2));
    return d.length === 24 ? IBAN_BANKS[d.slice(2, 5)] : undefined;
  }
  const d = digitsOf(t);
  return d.length >= 6 ? CARD_BANKS[d.slice(0, 6)] : undefined;
}

// ---- scanning -----------------------------------------------------------------------------------------------------

/**
 * separators inside a grouped number: space, hyphen, no-break spaces, and an invisible format control (a zero-width
 * space, a bidi mark, ZWNJ or ZWJ: text out of PDFs and web pages has them between digit groups, and one typed on
 * purpose hid a number from --redact: ۰۹۱۲​۱۲۳۴۵۶۷ was no mobile)
 */
const isSep = (c: number): boolean => c === 0x20 || c === 0x2d || c === 0xa0 || c === 0x202f || c === 0x2009 || isFormatControl(c) || c === 0x200c || c === 0x200d;
const isAsciiLetter = (c: number): boolean => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
/** units that glue a number to what is beside it: a digit, a Latin letter, _ */
const glues = (c: number): boolean => isAnyDigit(c) || isAsciiLetter(c) || c === 0x5f;
/** number punctuation: a decimal point, a date or version separator, a time, a thousands or decimal mark */
const isNumPunct = (c: number): boolean => c === 0x2e || c === 0x2f || c === 0x3a || c === 0x2c || c === 0x66b || c === 0x66c || c === 0x60c;

/** landline province codes (the two digits after the 0) */
const AREA = new Set(['11', '13', '17', '21', '23', '24', '25', '26', '28', '31', '34', '35', '38', '41', '44', '45', '51', '54', '56', '58', '61', '66', '71', '74', '76', '77', '81', '83', '84', '86', '87']);

/** the digit counts an identifier can have (national id / postal code / mobile without 0, mobile or landline, +98 ..., 0098 ..., card, IBAN) */
const LENGTHS = new Set([10, 11, 12, 14, 16, 24]);

interface Group {
  start: number;
  end: number;
  digits: string;
}

const CONTEXT_NATIONAL = ['کدملی', 'شمارهملی', 'کدملّی'];
const CONTEXT_POSTAL = ['کدپستی'];
const CONTEXT_CARD = ['کارت'];

/**
 * The 30 units before `start` as a look-up key: Arabic letter variants folded (ي → ی, ك → ک), spaces, ZWNJs and
 * punctuation dropped. Computed once per place (a lazy cell), it is where `کد ملی`, `کد پستی` or `کارت` is looked for.
 */
class Before {
  private key: string | undefined;
  constructor(
    private readonly text: string,
    private readonly start: number,
  ) {}
  says(words: readonly string[]): boolean {
    if (this.key === undefined) {
      let k = '';
      for (let i = Math.max(0, this.start - 30); i < this.start; i++) {
        const c = this.text.charCodeAt(i);
        if (c === 0x64a || c === 0x649) k += 'ی';
        else if (c === 0x643) k += 'ک';
        else if ((c >= 0x620 && c <= 0x64a) || (c >= 0x671 && c <= 0x6d3) || c === 0x651) k += this.text[i];
      }
      this.key = k;
    }
    return words.some((w) => this.key!.includes(w));
  }
}

/** units and currencies after a number that make it an amount */
const UNITS = new Set(['ریال', 'تومان', 'دلار', 'یورو', 'درهم', 'پوند', 'نفر', 'تن', 'کیلو', 'کیلوگرم', 'متر', 'لیتر', 'بشکه', 'سهم', 'واحد', 'عدد', 'بار']);
/** the word after `end` (past spaces) is a unit */
function unitAfter(text: string, end: number): boolean {
  let i = end;
  while (i < text.length && (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0xa0)) i++;
  let j = i;
  while (j < text.length && ((text.charCodeAt(j) >= 0x0620 && text.charCodeAt(j) <= 0x06d3) || text.charCodeAt(j) === 0x06cc || text.charCodeAt(j) === 0x06a9 || text.charCodeAt(j) === 0x06af)) j++;
  const w = text.slice(i, j).replace(/ي/g, 'ی').replace(/ك/g, 'ک');
  return j > i && UNITS.has(w);
}

interface Match {
  type: IdentifierType;
  value: string;
  valid: boolean;
  bank?: string;
  operator?: string;
}

/** What the digits d (from groups written as `shape`) are, or undefined. `plus`: a + before them; `ir`: an IR before them. */
function classify(before: Before, d: string, plus: boolean, ir: boolean): Match | undefined {
  if (ir) {
    if (d.length !== 24) return undefined;
    const bank = IBAN_BANKS[d.slice(2, 5)];
    return { type: 'iban', value: 'IR' + d, valid: ibanOk(d), ...(bank ? { bank } : {}) };
  }
  if (d.length === 16) {
    const valid = luhn(d);
    if (!valid && !before.says(CONTEXT_CARD)) return undefined;
    const bank = CARD_BANKS[d.slice(0, 6)];
    return { type: 'card', value: d, valid, ...(bank ? { bank } : {}) };
  }
  // mobile: (+98 | 0098 | 98 | 0 | nothing) 9xx xxx xxxx
  let local: string | undefined;
  if (d.length === 11 && d.startsWith('09')) local = d;
  else if (d.length === 12 && d.startsWith('989')) local = '0' + d.slice(2);
  else if (d.length === 14 && d.startsWith('00989')) local = '0' + d.slice(4);
  else if (d.length === 10 && d.startsWith('9') && !plus && !before.says(CONTEXT_NATIONAL) && !before.says(CONTEXT_POSTAL) && MOBILE_OPERATORS[d.slice(0, 3)]) local = '0' + d;
  // after a +, only the country code 98 (+98 912 ...)
  if (local !== undefined && (!plus || d.startsWith('98'))) {
    const operator = MOBILE_OPERATORS[local.slice(1, 4)];
    return { type: 'mobile', value: local, valid: true, ...(operator ? { operator } : {}) };
  }
  // landline: (+98 | 0098 | 0) code xxxxxxxx
  let phone: string | undefined;
  if (d.length === 11 && d[0] === '0' && AREA.has(d.slice(1, 3))) phone = d;
  else if (d.length === 12 && d.startsWith('98') && AREA.has(d.slice(2, 4))) phone = '0' + d.slice(2);
  else if (d.length === 14 && d.startsWith('0098') && AREA.has(d.slice(4, 6))) phone = '0' + d.slice(4);
  if (phone !== undefined && (!plus || d.startsWith('98'))) return { type: 'phone', value: phone, valid: true };
  if (d.length === 10 && !plus) {
    if (before.says(CONTEXT_POSTAL)) return { type: 'postalCode', value: d, valid: true };
    const valid = nationalIdOk(d);
    if (valid || before.says(CONTEXT_NATIONAL)) return { type: 'nationalId', value: d, valid };
  }
  return undefined;
}

/** `len` digits from i, as ASCII, or undefined */
function digitsAt(text: string, i: number, len: number, n: number): string | undefined {
  if (i + len > n) return undefined;
  let d = '';
  for (let k = i; k < i + len; k++) {
    const c = text.charCodeAt(k);
    if (!isAnyDigit(c)) return undefined;
    d += String.fromCharCode(0x30 + digitValue(c));
  }
  return d;
}

/**
 * A phone number in a shape the group reader does not take, at i: eight digits, a hyphen and the area code (0 + a
 * province code; ۸۸۷۷۶۶۵۵-۰۲۱, typed so in right-to-left text), or a mobile number 09xx.xxx.xxxx with dots. Nothing
 * may be glued after it (a digit, a letter, or a mark and a digit).
 */
function shapedPhone(text: string, i: number, n: number): { type: IdentifierType; end: number; value: string; operator?: string } | undefined {
  let r: { type: IdentifierType; end: number; value: string; operator?: string } | undefined;
  const a = digitsAt(text, i, 8, n);
  if (a !== undefined && text.charCodeAt(i + 8) === 0x2d) {
    const code = digitsAt(text, i + 9, 3, n);
    if (code !== undefined && code[0] === '0' && AREA.has(code.slice(1))) r = { type: 'phone', end: i + 12, value: code + a };
  } else {
    const m = digitsAt(text, i, 4, n);
    if (m !== undefined && m.startsWith('09') && text.charCodeAt(i + 4) === 0x2e && text.charCodeAt(i + 8) === 0x2e) {
      const b = digitsAt(text, i + 5, 3, n);
      const c = digitsAt(text, i + 9, 4, n);
      if (b !== undefined && c !== undefined) {
        const operator = MOBILE_OPERATORS[m.slice(1, 4)];
        r = { type: 'mobile', end: i + 13, value: m + b + c, ...(operator ? { operator } : {}) };
      }
    }
  }
  if (r === undefined) return undefined;
  const next = r.end < n ? text.charCodeAt(r.end) : 0x20;
  if (glues(next) || next === 0x2d || (isNumPunct(next) && r.end + 1 < n && isAnyDigit(text.charCodeAt(r.end + 1)))) return undefined;
  return r;
}

/** The identifiers of a text, in order. Never throws on a string; an unknown type in `types` is E_BAD_OPTION. */
export function findIdentifiers(text: string, options: IdentifierOptions = {}): Identifier[] {
  const types = knownOptions(options, 'identifier', ['types']).types ?? IDENTIFIER_TYPES;
  if (!Array.isArray(types)) throw new DabirError('E_BAD_OPTION', `option "types" cannot be ${showValue(types)}`, `give a list of some of: ${IDENTIFIER_TYPES.join(', ')}`, { option: 'types', value: types, allowed: IDENTIFIER_TYPES });
  for (const t of types) {
    if (!IDENTIFIER_TYPES.includes(t)) throw new DabirError('E_BAD_OPTION', `identifier type ${JSON.stringify(t)} is not known`, `use some of: ${IDENTIFIER_TYPES.join(', ')}`, { option: 'types', value: t, allowed: IDENTIFIER_TYPES });
  }
  if (typeof text !== 'string' || text.length === 0) return [];
  const want = new Set(types);
  const out: Identifier[] = [];
  if (want.has('url') || want.has('email')) {
    for (const l of findLinks(text)) if (want.has(l.type)) out.push({ type: l.type, start: l.start, end: l.end, text: text.slice(l.start, l.end), value: text.slice(l.start, l.end), valid: true });
  }
  // (the links in order, passed with a pointer: the scan stays linear)
  const links = want.has('url') || want.has('email') ? out.slice() : findLinks(text);
  let li = 0;
  const inLink = (i: number): boolean => {
    while (li < links.length && links[li]!.end <= i) li++;
    return li < links.length && links[li]!.start <= i;
  };
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isAnyDigit(text.charCodeAt(i))) {
      i++;
      continue;
    }
    // a landline with its area code last, as typed in right-to-left text (۸۸۷۷۶۶۵۵-۰۲۱), or a mobile number with dots
    // between its groups (0912.123.4567): read as written, whole (neither was found: the dots made a version's digits)
    const sp = i > 0 && (glues(text.charCodeAt(i - 1)) || isNumPunct(text.charCodeAt(i - 1)) || text.charCodeAt(i - 1) === 0x2d) ? undefined : shapedPhone(text, i, n);
    if (sp !== undefined && want.has(sp.type) && !inLink(i)) {
      out.push({ type: sp.type, start: i, end: sp.end, text: text.slice(i, sp.end), value: sp.value, valid: true, ...(sp.operator ? { operator: sp.operator } : {}) });
      i = sp.end;
      continue;
    }
    // a run of digit groups [i, j)
    const groups: Group[] = [];
    let j = i;
    // an area code in parentheses, (۰۲۱) ۸۸۷۷۶۶۵۵: its ) and a space after it join it to the number (the landline was
    // missed, and its eight digits read as a quantity)
    const paren = i > 0 && text.charCodeAt(i - 1) === 0x28;
    // (and the code in parentheses after the country code, as international cards write it: +98 (912) 123 4567,
    // 0098 (21) 8877 6655; the number had been missed)
    let innerParen = false;
    for (;;) {
      const gs = j;
      let digits = '';
      while (j < n && isAnyDigit(text.charCodeAt(j))) digits += String.fromCharCode(0x30 + digitValue(text.charCodeAt(j++)));
      groups.push({ start: gs, end: j, digits });
      if (j + 1 < n && isSep(text.charCodeAt(j)) && isAnyDigit(text.charCodeAt(j + 1)) && groups.length < 64) j++;
      else if (paren && groups.length === 1 && digits.length >= 3 && digits.length <= 4 && digits[0] === '0' && text.charCodeAt(j) === 0x29) {
        const k = j + 1 < n && isSep(text.charCodeAt(j + 1)) ? j + 2 : j + 1;
        if (k < n && isAnyDigit(text.charCodeAt(k))) j = k;
        else break;
      } else if (groups.length === 1 && ((digits === '98' && i > 0 && text.charCodeAt(i - 1) === 0x2b) || digits === '0098') && j + 2 < n && isSep(text.charCodeAt(j)) && text.charCodeAt(j + 1) === 0x28 && isAnyDigit(text.charCodeAt(j + 2))) {
        innerParen = true;
        j += 2;
      } else if (innerParen && groups.length === 2 && digits.length >= 2 && digits.length <= 3 && text.charCodeAt(j) === 0x29) {
        innerParen = false;
        const k = j + 1 < n && isSep(text.charCodeAt(j + 1)) ? j + 2 : j + 1;
        if (k < n && isAnyDigit(text.charCodeAt(k))) j = k;
        else break;
      } else break;
    }
    const areaParen = paren && groups.length > 1 && text.charCodeAt(groups[0]!.end) === 0x29;
    const runStart = i;
    const runEnd = j;
    i = j;
    const prev = runStart > 0 ? text.charCodeAt(runStart - 1) : 0x20;
    const next = runEnd < n ? text.charCodeAt(runEnd) : 0x20;
    // glued to a Latin word or inside a decimal, date, time or version: not an identifier
    const plus = prev === 0x2b;
    let ir = false;
    if (runStart >= 2 && (text.charCodeAt(runStart - 1) | 0x20) === 0x72 && (text.charCodeAt(runStart - 2) | 0x20) === 0x69 && (runStart < 3 || !glues(text.charCodeAt(runStart - 3)))) ir = true;
    if ((!ir && glues(prev)) || (isNumPunct(prev) && runStart >= 2 && isAnyDigit(text.charCodeAt(runStart - 2)))) continue;
    if (glues(next) || (isNumPunct(next) && runEnd + 1 < n && isAnyDigit(text.charCodeAt(runEnd + 1)))) continue;
    if (inLink(runStart)) continue;
    // groups k and k + 1 joined by a hyphen alone are one code (۹۷۸-۹۶۴-۳۱۲-۳۴۵-۶, an ISBN): an identifier neither
    // starts nor ends inside it (the ISBN's last ten digits had been a national id)
    const hyphened = (k: number): boolean => k >= 0 && k + 1 < groups.length && groups[k + 1]!.start - groups[k]!.end === 1 && text.charCodeAt(groups[k]!.end) === 0x2d;
    // from each group on, the longest stretch of groups that is an identifier
    let g = 0;
    while (g < groups.length) {
      if (hyphened(g - 1)) {
        g++;
        continue;
      }
      let found: { m: Match; end: number } | undefined;
      let d = '';
      const ends: { e: number; d: string }[] = [];
      for (let e = g; e < groups.length; e++) {
        d += groups[e]!.digits;
        if (d.length > 26) break;
        ends.push({ e, d });
      }
      const before = new Before(text, groups[g]!.start);
      for (let k = ends.length - 1; k >= 0 && !found; k--) {
        const { e, d: dd } = ends[k]!;
        // (but a last group of one or two digits after a hyphen may follow it: the last lines of a switchboard,
        // ۰۲۱-۸۸۷۷۶۶۵۰-۹ for …50 to …59, or an extension)
        if (!LENGTHS.has(dd.length) || (hyphened(e) && !(e + 2 === groups.length && groups[e + 1]!.digits.length <= 2))) continue;
        const m = classify(before, dd, g === 0 && plus, g === 0 && ir);
        if (m && want.has(m.type)) found = { m, end: e };
      }
      // an amount is no identifier: ten or sixteen digits before a unit (۲۵۰۰۰۰۰۰۰۱ ریال) are read as a quantity unless
      // the text said what they are (کد ملی, کارت)
      if (found && (found.m.type === 'nationalId' || found.m.type === 'card') && found.m.valid && unitAfter(text, groups[found.end]!.end)) {
        const b = new Before(text, groups[g]!.start);
        if (!b.says(found.m.type === 'card' ? CONTEXT_CARD : CONTEXT_NATIONAL)) found = undefined;
      }
      if (!found) {
        g++;
        continue;
      }
      let start = groups[g]!.start;
      if (found.m.type === 'iban') start -= 2;
      else if (g === 0 && (plus || areaParen)) start -= 1;
      const end = groups[found.end]!.end;
      out.push({ type: found.m.type, start, end, text: text.slice(start, end), value: found.m.value, valid: found.m.valid, ...(found.m.bank ? { bank: found.m.bank } : {}), ...(found.m.operator ? { operator: found.m.operator } : {}) });
      g = found.end + 1;
    }
  }
  out.sort((a, b) => a.start - b.start);
  return out;
}

/** The text with its identifiers masked (•, separators and length kept) or replaced by [type]. */
export function redactIdentifiers(text: string, options: RedactOptions = {}): string {
  textArgument(text, 'redactIdentifiers'); // a text comes back: a value that is no string is E_BAD_INPUT (it came back as given)
  options = knownOptions(options, 'redact', ['types', 'with', 'keepLast']);
  const how = options.with ?? 'mask';
  if (how !== 'mask' && how !== 'type') throw new DabirError('E_BAD_OPTION', `option "with" cannot be ${showValue(how)}`, 'use one of: "mask", "type"', { option: 'with', value: how, allowed: ['mask', 'type'] });
  const keep = options.keepLast ?? 0;
  if (!Number.isInteger(keep) || keep < 0) throw new DabirError('E_BAD_OPTION', `option "keepLast" cannot be ${showValue(keep)}`, 'give a whole number of 0 or more');
  if (typeof text !== 'string') return text;
  let out = '';
  let at = 0;
  for (const id of findIdentifiers(text, { types: options.types })) {
    out += text.slice(at, id.start);
    if (how === 'type') out += `[${id.type}]`;
    else {
      // keep the last `keep` digits (never of an e-mail address or URL), mask every other letter and digit
      let left = id.type === 'email' || id.type === 'url' ? 0 : keep;
      let masked = '';
      for (let k = id.text.length - 1; k >= 0; k--) {
        const c = id.text.charCodeAt(k);
        if (isAnyDigit(c) && left > 0) {
          left--;
          masked = id.text[k] + masked;
        } else masked = (isSep(c) || c === 0x2e || c === 0x40 || c === 0x2f || c === 0x3a || c === 0x2b || c === 0x28 || c === 0x29 ? id.text[k] : '•') + masked;
      }
      out += masked;
    }
    at = id.end;
  }
  return out + text.slice(at);
}
