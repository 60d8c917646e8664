import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bankOf, findIdentifiers, isValidCardNumber, isValidIban, isValidNationalId, redactIdentifiers } from './index.js';

/** [type, text as written, canonical value, valid] of every identifier found */
const found = (s: string): [string, string, string, boolean][] => findIdentifiers(s).map((x) => [x.type, x.text, x.value, x.valid]);

// Card numbers below pass the Luhn check (built for the test, not real cards); 0499370899 and 0790419904 are
// national ids with a right check digit, IR820540102680020817909002 an IBAN whose mod-97 check holds.
const ROWS: [string, [string, string, string, boolean][], string][] = [
  ['شماره من ۰۹۱۲۱۲۳۴۵۶۷ است', [['mobile', '۰۹۱۲۱۲۳۴۵۶۷', '09121234567', true]], 'a mobile in Persian digits'],
  ['تماس: ۰۹۱۲ ۱۲۳ ۴۵۶۷', [['mobile', '۰۹۱۲ ۱۲۳ ۴۵۶۷', '09121234567', true]], 'grouped with spaces'],
  ['تماس: ۰۹۱۲\u200b۱۲۳۴۵۶۷', [['mobile', '۰۹۱۲\u200b۱۲۳۴۵۶۷', '09121234567', true]], 'a zero-width space between the groups (PDFs, web pages, or typed to hide it): was no identifier, and --redact left it'],
  ['تماس: ۰۹۱۲\u200e۱۲۳\u200e۴۵۶۷', [['mobile', '۰۹۱۲\u200e۱۲۳\u200e۴۵۶۷', '09121234567', true]], 'LRMs between the groups'],
  ['تماس: ۰۹۱۲\u200e\u200e۱۲۳۴۵۶۷', [], 'two controls in a row separate no groups (as two spaces do not)'],
  ['call +98 935 123 4567 now', [['mobile', '+98 935 123 4567', '09351234567', true]], 'with the country code after +'],
  ['٠٩٣٥١٢٣٤٥٦٧', [['mobile', '٠٩٣٥١٢٣٤٥٦٧', '09351234567', true]], 'Arabic-Indic digits'],
  ['۰۰۹۸۹۱۲۱۲۳۴۵۶۷', [['mobile', '۰۰۹۸۹۱۲۱۲۳۴۵۶۷', '09121234567', true]], '0098 before the number'],
  ['تلفن ۰۲۱-۸۸۷۷۶۶۵۵', [['phone', '۰۲۱-۸۸۷۷۶۶۵۵', '02188776655', true]], 'a Tehran landline with its code'],
  ['کارت ۶۰۳۷-۹۹۷۵-۹۹۵۵-۱۲۳۴', [['card', '۶۰۳۷-۹۹۷۵-۹۹۵۵-۱۲۳۴', '6037997599551234', false]], 'after کارت a card whose Luhn check fails is reported, not valid'],
  ['6037991234567893', [['card', '6037991234567893', '6037991234567893', true]], 'sixteen digits that pass Luhn are a card'],
  ['6037991234567890', [], 'sixteen digits that fail Luhn, with no کارت before them, are not'],
  ['شبا: IR820540102680020817909002', [['iban', 'IR820540102680020817909002', 'IR820540102680020817909002', true]], 'an IBAN with IR'],
  ['IR82 0540 1026 8002 0817 9090 02', [['iban', 'IR82 0540 1026 8002 0817 9090 02', 'IR820540102680020817909002', true]], 'an IBAN in groups of four'],
  ['IR820540102680020817909003', [['iban', 'IR820540102680020817909003', 'IR820540102680020817909003', false]], 'a wrong IBAN check is reported (IR makes it one), not valid'],
  ['۰۴۹۹۳۷۰۸۹۹', [['nationalId', '۰۴۹۹۳۷۰۸۹۹', '0499370899', true]], 'ten digits with a right national-id check digit'],
  ['۰۴۹۹۳۷۰۸۹۸', [], 'ten digits with a wrong check digit and nothing said are no identifier'],
  ['کد ملی: ۰۴۹۹۳۷۰۸۹۸', [['nationalId', '۰۴۹۹۳۷۰۸۹۸', '0499370898', false]], 'after کد ملی they are one, not valid'],
  ['كدملي ۰۷۹-۰۴۱۹۹۰-۴', [['nationalId', '۰۷۹-۰۴۱۹۹۰-۴', '0790419904', true]], 'Arabic letters and no space in کد ملی; the 3-6-1 grouping'],
  ['کد پستی ۱۳۱۸۷-۴۵۶۷۸', [['postalCode', '۱۳۱۸۷-۴۵۶۷۸', '1318745678', true]], 'after کد پستی ten digits are a postal code'],
  ['ایمیل ali.rezaei@example.com و سایت https://dabir.ir/docs', [['email', 'ali.rezaei@example.com', 'ali.rezaei@example.com', true], ['url', 'https://dabir.ir/docs', 'https://dabir.ir/docs', true]], 'e-mail addresses and URLs'],
  ['در تاریخ ۱۴۰۲/۰۵/۱۲ ساعت ۱۲:۳۰', [], 'dates and times are no identifiers'],
  ['0912.5 v09121234567 09121234567x 1.09121234567', [], 'a decimal, a Latin word, a longer number'],
  ['جمعیت ۸۵۰۰۰۰۰۰ نفر و ۱۲۳۴۵۶۷۸۹۰۱۲ ریال', [], 'plain numbers'],
  ['https://x.ir/u/09121234567', [['url', 'https://x.ir/u/09121234567', 'https://x.ir/u/09121234567', true]], 'digits inside a URL belong to the URL'],
  ['سال ۱۴۰۲ ۰۹۱۲۱۲۳۴۵۶۷', [['mobile', '۰۹۱۲۱۲۳۴۵۶۷', '09121234567', true]], 'a number beside another one is still found'],
  ['مبلغ ۰۴۹۹۳۷۰۸۹۹ ریال و ۶۰۳۷۹۹۱۲۳۴۵۶۷۸۹۳ تومان', [], 'ten or sixteen digits before a currency are an amount, though their checksum holds'],
  ['کد ملی ۰۴۹۹۳۷۰۸۹۹ نفر', [['nationalId', '۰۴۹۹۳۷۰۸۹۹', '0499370899', true]], 'unless the text said what they are'],
  ['شابک ۹۷۸-۹۶۴-۳۱۲-۳۴۵-۶ و ISBN: 978-964-312-345-6', [], 'a run of digit groups joined by hyphens is one code: no identifier starts or ends inside it (the ISBN\'s last ten digits had been a valid national id)'],
  ['کد ملی ۰۴۹۹۳۷۰۸۹۹-۱۲۳', [], 'nor ends inside it: ten digits followed by -۱۲۳ are part of a longer code'],
  ['تلفن ۰۲۱-۸۸۷۷۶۶۵۰-۹', [['phone', '۰۲۱-۸۸۷۷۶۶۵۰', '02188776650', true]], 'but a last group of one or two digits may follow (a switchboard\'s lines 50 to 59, an extension), as before'],
  ['تلفن (۰۲۱) ۸۸۷۷۶۶۵۵ و (021)88776655', [['phone', '(۰۲۱) ۸۸۷۷۶۶۵۵', '02188776655', true], ['phone', '(021)88776655', '02188776655', true]], 'an area code in parentheses is part of the landline (it was missed, and --redact left it)'],
  ['عدد (۰۲۱) ۸۸ و (۱۲۳) ۴۵۶۷۸۹۰۱۲۳', [], 'trap: parentheses join only an area code (a 0 first) to a number it completes'],
  ['شماره: +۹۸ (۹۱۲) ۱۲۳-۴۵۶۷ و 0098 (21) 8877 6655', [['mobile', '+۹۸ (۹۱۲) ۱۲۳-۴۵۶۷', '09121234567', true], ['phone', '0098 (21) 8877 6655', '02188776655', true]], 'the code in parentheses after the country code, as international cards write it, is part of the number (both were missed)'],
  ['تلفن ۸۸۷۷۶۶۵۵-۰۲۱ و همراه 0912.123.4567', [['phone', '۸۸۷۷۶۶۵۵-۰۲۱', '02188776655', true], ['mobile', '0912.123.4567', '09121234567', true]], 'a landline with its area code last, as typed in right-to-left text, and a mobile number with dots between its groups are found (both were missed; PerDT and Seraji train text and ParsTwiNER find the same identifiers before and after: 1 URL; 6 mobiles, 2 phones, 1 card)'],
  ['نسخه 0912.123.4567.8 و ۸۸۷۷۶۶۵۵-۰۹۹ و ۸۸۷۷۶۶۵۵-۰۲۱-۵ و 1.0912.123.4567', [], 'trap: a fourth dotted group (a version), a code that is no province\'s, another group after the code, or a group glued before: no phone'],
  ['+98 (912) و ۹۸ (۹۱۲) ۱۲۳ ۴۵۶۷ و سال 1398 (912 نفر)', [], 'trap: no number after the parentheses, 98 without its +, a year before a count in parentheses: none'],
  ['تلفن ۰۲۱-۸۸۷۷۶۶۵۵ و ۰۹۱۲۱۲۳۴۵۶۷', [['phone', '۰۲۱-۸۸۷۷۶۶۵۵', '02188776655', true], ['mobile', '۰۹۱۲۱۲۳۴۵۶۷', '09121234567', true]], 'a whole hyphened run is still read'],
];

describe('findIdentifiers', () => {
  for (const [text, want, why] of ROWS) it(`${why}: ${text}`, () => expect(found(text)).toEqual(want));

  it('banks and operators from the prefix tables', () => {
    const [card] = findIdentifiers('6037991234567893');
    expect(card!.bank).toBe('بانک ملی ایران');
    const [iban] = findIdentifiers('IR820540102680020817909002');
    expect(iban!.bank).toBe('بانک پارسیان');
    const [mobile] = findIdentifiers('09351234567');
    expect(mobile!.operator).toBe('ایرانسل');
    expect(bankOf('۶۱۰۴-۳۳۷۷-۰۰۰۰-۰۰۰۰')).toBe('بانک ملت');
    expect(bankOf('IR820540102680020817909002')).toBe('بانک پارسیان');
    expect(bankOf('1234')).toBeUndefined();
  });

  it('types: only the kinds asked for; an unknown kind is E_BAD_OPTION', () => {
    const s = 'ایمیل a@b.ir و ۰۹۱۲۱۲۳۴۵۶۷';
    expect(findIdentifiers(s, { types: ['mobile'] }).map((x) => x.type)).toEqual(['mobile']);
    expect(findIdentifiers(s, { types: ['email'] }).map((x) => x.type)).toEqual(['email']);
    expect(() => findIdentifiers(s, { types: ['ssn' as 'card'] })).toThrow(/E_BAD_OPTION/);
  });
});

describe('validators', () => {
  it('national id, card, IBAN: digits of any script and separators', () => {
    expect(isValidNationalId('۰۴۹۹۳۷۰۸۹۹')).toBe(true);
    expect(isValidNationalId('0499370898')).toBe(false);
    expect(isValidNationalId('1111111111')).toBe(false); // all digits alike
    expect(isValidNationalId('abc')).toBe(false);
    expect(isValidCardNumber('6037-9912-3456-7893')).toBe(true);
    expect(isValidCardNumber('6037991234567890')).toBe(false);
    expect(isValidIban('IR82 0540 1026 8002 0817 9090 02')).toBe(true);
    expect(isValidIban('820540102680020817909002')).toBe(true);
    expect(isValidIban('IR820540102680020817909003')).toBe(false);
    expect(isValidIban(undefined as never)).toBe(false);
  });
});

describe('redactIdentifiers', () => {
  const s = 'شماره ۰۹۱۲ ۱۲۳ ۴۵۶۷، کارت 6037-9912-3456-7893 و ایمیل a.b@c.ir';
  it('masks letters and digits, keeping separators and length', () => {
    const r = redactIdentifiers(s);
    expect(r).toBe('شماره •••• ••• ••••، کارت ••••-••••-••••-•••• و ایمیل •.•@•.••');
    expect(r.length).toBe(s.length);
  });
  it('an area code in parentheses is masked with its number, the parentheses kept (the landline was left)', () => {
    expect(redactIdentifiers('تلفن (۰۲۱) ۸۸۷۷۶۶۵۵ است')).toBe('تلفن (•••) •••••••• است');
  });
  it('keepLast leaves the last digits of numbers (never of an address)', () => {
    expect(redactIdentifiers(s, { keepLast: 4 })).toBe('شماره •••• ••• ۴۵۶۷، کارت ••••-••••-••••-7893 و ایمیل •.•@•.••');
  });
  it('with: type puts the kind in brackets; only the kinds asked for', () => {
    expect(redactIdentifiers(s, { with: 'type' })).toBe('شماره [mobile]، کارت [card] و ایمیل [email]');
    expect(redactIdentifiers(s, { with: 'type', types: ['card'] })).toBe('شماره ۰۹۱۲ ۱۲۳ ۴۵۶۷، کارت [card] و ایمیل a.b@c.ir');
  });
  it('bad options are E_BAD_OPTION', () => {
    expect(() => redactIdentifiers(s, { with: 'stars' as 'mask' })).toThrow(/E_BAD_OPTION/);
    expect(() => redactIdentifiers(s, { keepLast: -1 })).toThrow(/E_BAD_OPTION/);
  });
});

describe('properties', () => {
  const alphabet = fc.constantFrom('0', '9', '1', '۰', '۹', '٠', ' ', '-', '+', 'I', 'R', 'a', '@', '.', '/', 'ک', 'د', 'م', 'ل', 'ی', '\u200c', 'w', ':');
  it('never throws; spans slice back to their text, in order and apart; redaction keeps the length with mask', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 60 }), fc.array(alphabet, { maxLength: 60 }).map((a) => a.join(''))), (s) => {
        const ids = findIdentifiers(s);
        let last = 0;
        for (const id of ids) {
          expect(s.slice(id.start, id.end)).toBe(id.text);
          expect(id.start).toBeGreaterThanOrEqual(last);
          last = id.end;
        }
        expect(redactIdentifiers(s).length).toBe(s.length);
      }),
      { numRuns: 500 },
    );
  });
});
