import { describe, expect, it } from 'vitest';
import { createNormalizer } from './index.js';
import type { NormalizeOptions } from './options.js';

const N = createNormalizer({});
const Z = '\u200c';

type Row = [input: string, expected: string, reason: string];

function table(name: string, rows: Row[], options: NormalizeOptions = {}): void {
  describe(name, () => {
    it.each(rows)('%j → %j (%s)', (input, expected) => {
      expect(N.normalize(input, options)).toBe(expected);
    });
  });
}

table('spaces', [
  ['سلام  دنیا', 'سلام دنیا', 'a run of spaces → one'],
  ['سلام \u00a0 دنیا', 'سلام دنیا', 'NBSP in a run'],
  ['بنی آدم اعضای یکدیگرند      که در آفرینش ز یک گوهرند', 'بنی آدم اعضای یکدیگرند که در آفرینش ز یک گوهرند', "a run of any length between two Persian words is one space, as the spacing step promises (crawled text pads words with runs of spaces); a verse's hemistich gap is not told from padding, and a tab between them is kept (see the tab rows)"],
  ['سلام\u00a0دنیا', 'سلام\u00a0دنیا', 'a single NBSP is kept'],
  ['سلام دنیا   ', 'سلام دنیا', 'trailing spaces'],
  ['سلام  \nدنیا  \n', 'سلام\nدنیا\n', 'trailing spaces on every line, newlines kept'],
  ['سلام\r\nدنیا  \r\n', 'سلام\r\nدنیا\r\n', 'CRLF kept'],
  ['    سلام  دنیا', '    سلام دنیا', 'leading indentation is kept'],
  ['\tسلام', '\tسلام', 'leading tab is kept'],
  ['نام\tسن\t\tشهر', 'نام\tسن\t\tشهر', 'tabs between words are kept'],
  ['نام\tسن\tشهر\t\nعلی\t.\tتهران  \nنام\t،\tشهر', 'نام\tسن\tشهر\t\nعلی\t.\tتهران\nنام\t،\tشهر', 'a tab at a line\'s end or before a mark is kept: it separates a table\'s columns (a trailing tab, an empty last cell, was dropped and «علی\t.» became «علی.»); trailing spaces still go'],
  ['سلام\n\n\nدنیا', 'سلام\n\n\nدنیا', 'empty lines are kept'],
  ['Hello   world  ', 'Hello   world  ', 'a line without Persian is untouched'],
  ['کد `a   b` است', 'کد `a   b` است', 'spaces in code'],
  ['<a  href="x">متن</a>', '<a  href="x">متن</a>', 'spaces in a tag'],
  ['دکتر َ\u200c و', 'دکترَ و', 'a ZWNJ after the lone sign, which a later step drops there, does not hide that it stands alone (the property test found دکتر َ‌ glued only on a second pass)'],
  ['ا َ\u200cّ و', 'اَّ و', 'nor does a ZWNJ between two lone signs (glued only on a second pass, once the ZWNJ was gone: the steps property test\'s shrunk counterexample, fast-check seed 203; also دکتر َ‌َ, seed 201)'],
  ['کتاب ِ من و بزرگ َ این', 'کتابِ من و بزرگَ این', 'a vowel sign cut off from its letter by a space (OCR, a typist\'s slip) is glued back: after a space it shows on nothing'],
  ['کتاب ِ.', 'کتابِ.', 'a lone mark before a sentence\'s end'],
  ['کتاب َ(من) و ب ِ[۱]', 'کتابَ (من) و بِ [۱]', 'a lone mark before an opening bracket, which gets a space before it: glued at once (it was glued only on a second pass, after that space; the fuzz of the idempotence found ب َ{)'],
  ['کتاب ِ{\\an8}', 'کتاب ِ{\\an8}', 'trap: before a protected subtitle block no space is put, so the mark is not alone: left as written'],
  ['کتاب ِمن', 'کتاب ِمن', 'trap: a mark glued to the next word is not alone: left as written'],
  ['abc َ', 'abc َ', 'trap: after a Latin word the mark stays'],
  ['const s = "سلام";  // پیام', 'const s = "سلام";  // پیام', 'a line of code (a string after =): the spaces that align its comment are the code\'s (they became one)'],
  ["if (x > 3) { y = 'زیاد'; }", "if (x > 3) { y = 'زیاد'; }", 'a line of code with a string in single quotes: the space before } is kept (it was taken out)'],
  ['    return name.strip()  # حذف', '    return name.strip()  # حذف', 'a call before a # comment: a line of Python, the spaces before its comment stay'],
  ["دستور print('سلام دنیا') را اجرا کنید ، سپس نتیجه را ببینید .", "دستور print('سلام دنیا') را اجرا کنید، سپس نتیجه را ببینید.", 'trap: a Persian sentence that names a call with a string is prose, not a line of code: its spaces are fixed (they were left as typed)'],
  ['$ sudo apt install vlc  # نصب', '$ sudo apt install vlc  # نصب', "a command after a shell's prompt with no flag: a line of code, the spaces before its comment stay (they became one)"],
  ['سلام دنیا  # خوش آمدید', 'سلام دنیا # خوش آمدید', 'trap: a # after Persian words, no call or = on the line: prose, its spaces are fixed'],
  ['سلام  دنیا;', 'سلام دنیا؛', 'trap: a ; at the end of a Persian line, no call or = on it: prose, its spaces are fixed'],
]);

table('a vowel sign alone, with diacritics removed', [
  ['کتاب ِ من', 'کتاب ِ من', 'not glued when diacritics are removed: glued, the mark would go on a second pass (the property test found ا ِ → اِ → ا); a mark alone is kept as written'],
], { diacritics: 'remove' });

table('punctuation spacing', [
  ['گفت:امروز', 'گفت: امروز', 'space after colon'],
  ['سلام،دوست', 'سلام، دوست', 'space after Persian comma'],
  ['سلام ،دوست', 'سلام، دوست', 'space moves to after the comma'],
  ['سلام ، دوست', 'سلام، دوست', 'no space before comma'],
  ['سال ۲۰۲۳ م. ، مقاله', 'سال ۲۰۲۳ م.، مقاله', 'nor between an abbreviation\'s dot and a Persian comma'],
  ['e.g. , test', 'e.g. , test', 'a Latin comma after a Latin abbreviation is left alone'],
  ['طبق گزارش (بانک مرکزی ) .', 'طبق گزارش (بانک مرکزی).', 'no space before a mark after a closing parenthesis'],
  ['رفت (گزارش) ، و', 'رفت (گزارش)، و', 'nor before a Persian comma after it'],
  ['ببین (https://x.com/a) .', 'ببین (https://x.com/a) .', 'but a parenthesis after a URL keeps the space (it may be the URL\'s own)'],
  ['A (b) .', 'A (b) .', 'nor after Latin text'],
  ['چرا ؟', 'چرا؟', 'no space before ؟'],
  ['تمام شد .', 'تمام شد.', 'no space before the final dot'],
  ['عجب !', 'عجب!', 'no space before !'],
  ['سلام.خوبی؟', 'سلام. خوبی؟', 'space after a sentence dot'],
  ['بیا.۱۰ تومن بیار و قیمت:۱۲۰۰۰ و کجایی؟۱۰ بار و آره،۱۰ تا', 'بیا. ۱۰ تومن بیار و قیمت: ۱۲۰۰۰ و کجایی؟ ۱۰ بار و آره، ۱۰ تا', 'a mark glued after a word and before a number (SMS, forms) gets its space as before a letter (they stayed glued)'],
  ['ساعت:۱۰:۳۰ و عدد ۳.۱۴ و ص.۲۵ و ش.ش.۱۲۳ و (الف)۱۲ و مرسی:۳', 'ساعت: ۱۰:۳۰ و عدد ۳.۱۴ و ص.۲۵ و ش.ش.۱۲۳ و (الف)۱۲ و مرسی:۳', 'trap: a number\'s own separator (a digit before the mark), an abbreviation\'s dot after one letter, a bracket, a colon before one digit alone (an emoticon, :3) stay glued'],
  ['ساعت : ۱۲', 'ساعت: ۱۲', 'no space before colon'],
  [`ا:۰${Z}1`, 'ا: ۰۱', 'a colon before two digits with a ZWNJ between them, which the output drops, is spaced as before two digits (it stayed glued, ا:۰۱, and was spaced on a second pass: the idempotence property found it)'],
  [`مرسی:3${Z}ب`, `مرسی:۳ ب`, 'one digit alone after the colon stays glued (an emoticon), a ZWNJ after it no second digit'],
  ['سلام؛خداحافظ', 'سلام؛ خداحافظ', 'semicolon'],
  ['گفت:«سلام»', 'گفت: «سلام»', 'colon before a quote'],
  ['«سلام»رفت', '«سلام» رفت', 'space after closing guillemet'],
  ['« سلام »', '«سلام»', 'no space inside guillemets'],
  ['خانه » اخبار » ورزشی و پاسخ توسط مریم » ۱۲ خرداد', 'خانه » اخبار » ورزشی و پاسخ توسط مریم » ۱۲ خرداد', 'a » that closes no « is a separator (a breadcrumb, a forum header): its space stays (it was glued, خانه» اخبار»)'],
  ['«الف» و «ب »', '«الف» و «ب»', 'a » that closes a « after another quote still is glued'],
  ['او گفت «سلام. » و رفت', 'او گفت «سلام.» و رفت', 'no space between a Persian sentence\'s mark and the closing quote (it was kept)'],
  ['(رجوع کنید ! )', '(رجوع کنید!)', 'the same before a closing bracket'],
  ['گفت «نه … »', 'گفت «نه …»', 'the same after an ellipsis'],
  ['He said "Hello. " ok', 'He said "Hello. " ok', 'trap: a Latin sentence is left alone'],
  ['( سلام )', '(سلام)', 'no space inside parentheses'],
  ['سازمان ملل ( UN ) گفت', 'سازمان ملل (UN) گفت', 'nor around a Latin aside opened after a Persian word'],
  ['فایل ( report.pdf ) را ببین', 'فایل (report.pdf) را ببین', 'a file name too'],
  ['see ( UN ) here', 'see ( UN ) here', 'a Latin line is left as written'],
  ['سایت ( https://un.org ) را ببین', 'سایت ( https://un.org ) را ببین', 'a URL inside keeps its spaces (it may take the bracket)'],
  ['سازمان ( UN است ) گفت', 'سازمان ( UN است) گفت', 'an aside that is not all Latin: only the Persian side'],
  ['متن(توضیح)ادامه', 'متن (توضیح) ادامه', 'spaces around parentheses'],
  ['متن[۱]', 'متن [۱]', 'space before bracket'],
  ['عدد ۳.۱۴ است', 'عدد ۳.۱۴ است', 'decimal point'],
  ['عدد ۱,۰۰۰ و ۱،۵', 'عدد ۱,۰۰۰ و ۱،۵', 'separators in numbers'],
  ['ساعت ۱۲:۳۰', 'ساعت ۱۲:۳۰', 'time'],
  ['تاریخ ۱۴۰۲/۰۵/۱۲', 'تاریخ ۱۴۰۲/۰۵/۱۲', 'date'],
  ['سال ۱۳۵۷ ه.ش. بود', 'سال ۱۳۵۷ ه.ش. بود', 'abbreviation dots'],
  ['سال ۱۲۰۰ ه\u200d.ق بود', 'سال ۱۲۰۰ ه\u200d.ق بود', 'the same with a ZWJ that shows the letter\'s joining form, as encyclopedias write ه‍.ق (a space went after the dot, and the sentence ended there)'],
  ['کتاب\u200d.بعد', 'کتاب\u200d. بعد', 'a word before the ZWJ is no single letter: the space after the dot is added'],
  ['ق.م', 'ق.م', 'dot between single letters'],
  ['صبر کن…بعد', 'صبر کن…بعد', 'ellipsis is left alone'],
  ['فایل .txt را', 'فایل .txt را', 'a dot that starts a word'],
  ['سلام :)', 'سلام :)', 'emoticon'],
  ['سایت https://x.com/a,b را', 'سایت https://x.com/a,b را', 'URL'],
  ['ایمیل: a.b@c.com', 'ایمیل: a.b@c.com', 'email'],
  ['Hello,world in متن', 'Hello,world in متن', 'Latin fragment in a Persian line'],
  ['He said: ok. و رفت', 'He said: ok. و رفت', 'Latin punctuation spacing untouched'],
  ['[متن ](https://x.com)', '[متن](https://x.com)', 'link text spacing fixed, target untouched'],
]);

table('digits and letters', [
  ['۱۲کیلو', '۱۲ کیلو', 'digit + letter'],
  ['سال۱۴۰۰', 'سال ۱۴۰۰', 'letter + digit'],
  ['کد٤٥٦abc و abc٤٥٦کد', 'کد٤٥٦abc و abc٤٥٦کد', 'trap: digits glued to a Latin word belong to it on either side, and the word is left as written: no space after کد (it had one before ٤٥٦abc, none after abc٤٥٦)'],
  ['سال1400', 'سال ۱۴۰۰', 'ASCII digits converted, then spaced'],
  ['۲۰ام', '۲۰ام', 'ordinal ام'],
  ['۱۲م', '۱۲م', 'ordinal م'],
  ['۳مین بار', '۳مین بار', 'ordinal مین'],
  ['۲۰امین سالگرد', '۲۰امین سالگرد', 'ordinal امین'],
  ['۵مرد', '۵ مرد', 'not an ordinal: م starts a word'],
  ['۳اُم آبان و ۲۱اُمین دوره', '۳اُم آبان و ۲۱اُمین دوره', 'an ordinal suffix with a vowel sign on it stays glued too (a space split ۳ اُم while ۲۱ام stayed)'],
  ['۵اُمید', '۵ اُمید', 'trap: a word that begins with اُم is no suffix'],
  ['سال ۱۴۰۳ش و ۲۰۲۴م', 'سال ۱۴۰۳ ش و ۲۰۲۴ م', 'an era letter after a year goes apart, م as ش did (۲۰۲۴م was kept glued as an ordinal; PerDT writes 1917 م., 579 ق): a bare م after more than three digits is the era (chars.ts digitOrdinalEnd)'],
  ['۲۰امین\u200cسالگرد و ۳مِیِن بار', '۲۰امین\u200cسالگرد و ۳مِیِن بار', 'an ordinal joined to its noun by a ZWNJ stays glued; a vowel sign between ی and ن of مین is read too (it was split ۳ مِیِن)'],
  ['فایل mp3', 'فایل mp3', 'Latin'],
  ['#سال۱۴۰۰', '#سال۱۴۰۰', 'hashtag'],
]);

table('ZWNJ cleanup', [
  [`کتاب${Z}ها`, `کتاب${Z}ها`, 'a meaningful ZWNJ stays'],
  [`می${Z}روم`, `می${Z}روم`, 'after می'],
  [`می${Z}${Z}روم`, `می${Z}روم`, 'doubled → one'],
  [`${Z}سلام`, 'سلام', 'at the start of the line'],
  [`سلام${Z}`, 'سلام', 'at the end'],
  [`سلام${Z} دنیا`, 'سلام دنیا', 'ZWNJ + space'],
  [`سلام ${Z}دنیا`, 'سلام دنیا', 'space + ZWNJ'],
  [`سلام ${Z} ${Z} دنیا`, 'سلام دنیا', 'mixed run'],
  [`دار${Z}ها`, 'دارها', 'after a non-joiner'],
  [`خانه${Z}ها`, `خانه${Z}ها`, 'ه joins: kept'],
  [`ب${Z}!`, 'ب!', 'before punctuation'],
  [`سلام${Z}، دوست`, 'سلام، دوست', 'before Persian comma'],
  [`سلام،${Z}دوست`, 'سلام، دوست', 'after comma, a space is due instead'],
  [`۱۲${Z}کیلو`, '۱۲ کیلو', 'after a digit, a space is due instead'],
  [`۲۰${Z}ام`, '۲۰ام', 'ordinal after a digit'],
  [`abc${Z} و`, 'abc و', 'after Latin, next to a space'],
  [`ب${Z}abc`, `ب${Z}abc`, 'glued to a protected Latin word: left'],
  [`ب${Z}(`, 'ب (', 'before a bracket: a space is due instead'],
  [`abc${Z}def`, `abc${Z}def`, 'between two non-Arabic units: left (removing it would glue them)'],
  [`<${Z}b>`, `<${Z}b>`, 'would glue markup'],
  [`ب${Z}\u200dک`, `ب${Z}\u200dک`, 'next to ZWJ: left alone'],
  [`  ${Z}سلام`, '  سلام', 'in the indentation'],
  [`#کتاب${Z}ها`, `#کتاب${Z}ها`, 'inside a hashtag'],
  [`\`a${Z}\``, `\`a${Z}\``, 'inside code'],
]);

table('spacing: keep', [
  ['سلام  دنیا ،دوست', 'سلام  دنیا ،دوست', 'spacing untouched'],
  [`سلام${Z} دنیا`, 'سلام دنیا', 'ZWNJ cleanup still runs under halfSpace:fix'],
], { spacing: 'keep' });

table('halfSpace: keep', [
  [`سلام${Z} دنیا${Z}`, `سلام${Z} دنیا${Z}`, 'ZWNJs untouched'],
  ['سلام  دنیا', 'سلام دنیا', 'spacing still runs'],
], { halfSpace: 'keep' });

describe('markup stays byte-identical', () => {
  it.each([
    ['<p class="a,b">ي</p>', '<p class="a,b">ی</p>'],
    ['<img src="x.png" alt="1.2"/> متن', '<img src="x.png" alt="1.2"/> متن'],
    ['&nbsp;&amp;&#1234;&#x6cc; ي', '&nbsp;&amp;&#1234;&#x6cc; ی'],
    ['![تصویر](img/a  b.png) ي', '![تصویر](img/a  b.png) ی'],
    ['```\nكد  ,  1\n```\nي', '```\nكد  ,  1\n```\nی'],
    ['  ```js\n  const a = "ي";\n  ```', '  ```js\n  const a = "ي";\n  ```'],
    ['<!-- نظر,ي -->', '<!-- نظر,ي -->'],
  ])('%j', (input, expected) => {
    expect(N.normalize(input)).toBe(expected);
  });
});

describe('kinds of changes', () => {
  it('labels spacing and half-space changes', () => {
    const a = N.normalizeAligned(`سلام  دنیا${Z} و`);
    expect(a.changes().map((c) => [c.before, c.after, c.kind])).toEqual([
      ['  ', ' ', 'spacing'],
      [`${Z} `, ' ', 'half-space'],
    ]);
  });
});
