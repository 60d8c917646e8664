import { describe, expect, it } from 'vitest';
import { mayHoldCode } from './characters.js';
import { createNormalizer } from './index.js';
import type { NormalizeOptions } from './options.js';

const N = createNormalizer({});
/** only the character step (spacing and ZWNJ cleanup off) unless a row says otherwise */
const CHARS: NormalizeOptions = { spacing: 'keep', halfSpace: 'keep' };

type Row = [input: string, expected: string, reason: string];

function table(name: string, rows: Row[], options: NormalizeOptions = {}): void {
  describe(name, () => {
    it.each(rows)('%j → %j (%s)', (input, expected) => {
      expect(N.normalize(input, { ...CHARS, ...options })).toBe(expected);
    });
  });
}

table('letters: persian', [
  ['كتاب', 'کتاب', 'Arabic kaf → Persian kaf'],
  ['علي', 'علی', 'Arabic yeh → Persian yeh'],
  ['مصطفى', 'مصطفی', 'alef maksura → Persian yeh'],
  ['خانە', 'خانه', 'ae (U+06D5) → heh'],
  ['مسئله', 'مسئله', 'ئ is a Persian letter: kept'],
  ['مدرسة', 'مدرسة', 'ة is kept'],
  ['خانۀ من', 'خانۀ من', 'ۀ is kept'],
  ['ﻧﺎﻡ', 'نام', 'presentation forms → base letters'],
  ['ﻻ', 'لا', 'lam-alef ligature'],
  ['ﷲ', 'الله', 'Allah ligature'],
  ['بسم اﷲ', 'بسم الله', 'the Allah ligature after an alef is the rest of الله (PDFs and old fonts write اﷲ): was االله'],
  ['ﺑﺴﻢ ﺍﷲ', 'بسم الله', 'the same after a presentation-form alef'],
  ['لﷲ', 'لالله', 'after any other letter it is read whole, as before'],
  ['ﻛﺘﺎﺏ', 'کتاب', 'presentation kaf → Persian kaf'],
  ['ﻳﻚ', 'یک', 'presentation yeh/kaf → Persian letters'],
  ['ﯾﮏ', 'یک', 'Farsi yeh / keheh presentation forms'],
  ['قیمت ﷼', 'قیمت ﷼', 'the Rial sign is a symbol: kept'],
  ['پیامبر ﷺ فرمود و خداوند ﷻ', 'پیامبر ﷺ فرمود و خداوند ﷻ', 'a ligature of several words (ﷺ, ﷻ) is kept: written out (صلی الله علیه وسلم) it was one token with spaces inside'],
  ['زه په کابل کې اوسېږم. پښتو ژبه ډېره ښکلې ده او خلک پرې خبرې کوي.', 'زه په کابل کې اوسېږم. پښتو ژبه ډېره ښکلې ده او خلک پرې خبرې کوي.', 'a Pashto sentence (letters no Persian word has, ې ښ ډ, in two words or more) is left as written: ي is a letter of its own there (کوي was کوی)'],
  ['من کوردم و لە سلێمانی دەژیم.', 'من کوردم و لە سلێمانی دەژیم.', 'a Kurdish sentence likewise: ە is a vowel there, no heh (لە was له)'],
  ['ئۇيغۇر تىلى ناھايىتى گۈزەل.', 'ئۇيغۇر تىلى ناھايىتى گۈزەل.', 'Uyghur: ى ي ە are letters of their own (تىلى was تیلی)'],
  ['سنڌي ٻولي ۾ ڳالهه ڪريو.', 'سنڌي ٻولي ۾ ڳالهه ڪريو.', 'Sindhi: ي is its yeh (سنڌي was سنڌی)'],
  ['ئەمڕۆ زۆر خۆشە. او رفت و كتاب آورد.', 'ئەمڕۆ زۆر خۆشە. او رفت و کتاب آورد.', 'the Persian sentence after a Kurdish one is mapped: the unit is the sentence'],
  ['در شهر کابل موټر زياد است.', 'در شهر کابل موټر زیاد است.', 'trap: one word with ټ (Dari\'s loanword موټر) makes no Pashto sentence: زياد is mapped'],
  ['ذهب الولد إلى المدرسة في الصباح.', 'ذهب الولد إلى المدرسة في الصباح.', 'an Arabic sentence (no letter of the Persian keyboard\'s own, two Arabic markers: إلى, في, ة) is left as written (إلى was إلی, في فی)'],
  ['بِسْمِ اللَّهِ الرَّحْمَنِ الرَّحِيمِ', 'بِسْمِ اللَّهِ الرَّحْمَنِ الرَّحِيمِ', 'Arabic with full tashkeel likewise (الرَّحِيمِ was الرَّحِیمِ)'],
  ['او گفت كه اين كتاب را ديده است.', 'او گفت که این کتاب را دیده است.', 'trap: a Persian sentence typed with Arabic letters is mapped (it has گ)'],
  ['او را ديد. هذا كتاب.', 'او را دید. هذا کتاب.', 'trap: a sentence with one Arabic marker only is mapped, as a single Arabic word in Persian text is'],
  ['ى%ى\u200fا', 'ی%ی\u200fا', 'an RLM between letters is inside the word, as the ZWNJ the half-space step makes of it: one Arabic marker (ى), not two, so the letters are mapped at once (they were kept, and mapped by a second pass over ى%ى‌ا: not idempotent)'],
  ['ىﻧى', 'ینی', 'a presentation form is the letter it stands for: one word ىنى, not ى and ى (two Arabic markers: kept, then mapped by a second pass over ىنى)'],
  ['ى۷ىـا', 'ی۷یا', 'a kashida inside a word is part of it, as the normalizer removes it: one Arabic marker (ى), not two (ى, ىـا read as ى and ا; kept, then mapped by a second pass over ى ۷ ىا: not idempotent; found by the steps property test)'],
  ['ى\u200dى', 'ی\u200dی', 'a ZWJ between letters, which the normalizer deletes, is inside the word likewise: one marker (ى and ى were two: kept, then mapped by a second pass over ىى; found by the steps property test)'],
  ['ى\ufeffة', 'یة', 'a BOM inside the text, which the normalizer deletes, is inside the word: one marker (ى and ة were two: kept, then mapped by a second pass)'],
  ['ذهب الولد إلى\u200c المدرسة في الصباح.', 'ذهب الولد إلى\u200c المدرسة في الصباح.', 'a ZWNJ after a final ى: the word still ends in ى (an Arabic marker)'],
  ['در انتخابات رأى مردم مهم است.', 'در انتخابات رأی مردم مهم است.', 'trap: ى in a Persian sentence is mapped'],
  ['سلام\ufeffدنیا', 'سلامدنیا', 'BOM inside the text goes'],
  ['\ufeffسلام', '\ufeffسلام', 'BOM at the start stays'],
  ['سلام\u200fدنیا', 'سلام\u200fدنیا', 'bidi controls are left alone'],
  ['ي https://x.com/ي', 'ی https://x.com/ي', 'URLs are protected'],
  ['#علي و علي', '#علي و علی', 'hashtags are protected'],
]);

table('letters: keep', [['كتاب ﻧﺎﻡ', 'كتاب ﻧﺎﻡ', 'letters:keep changes nothing']], { letters: 'keep' });

table('kashida', [
  ['کـتـاب', 'کتاب', 'kashida between letters goes'],
  ['سلامـــ', 'سلام', 'a run after a letter goes'],
  ['پسوند ـها', 'پسوند ـها', 'a kashida that starts a word (suffix label) stays'],
  ['ـــ', 'ـــ', 'a line of kashidas stays'],
  ['بَـ', 'بَ', 'after a diacritic'],
  ['`کـتـاب`', '`کـتـاب`', 'inline code is protected'],
]);
table('kashida: keep', [['کـتـاب', 'کـتـاب', 'kashida:keep']], { kashida: 'keep' });

table('diacritics: keep (default)', [['عَلِيٌّ', 'عَلِیٌّ', 'marks stay, letters still mapped']]);
table(
  'diacritics: remove',
  [
    ['عَلِيٌّ', 'علی', 'harakat, tanwin, shadda'],
    ['کِتابْ', 'کتاب', 'kasra and sukun'],
    ['رحمٰن', 'رحمن', 'superscript alef'],
    ['خانهٔ من', 'خانهٔ من', 'hamza above (ezafe) is not a diacritic'],
    ['آب', 'آب', 'precomposed alef madda'],
    ['کتابﹰ', 'کتاب', 'isolated tanwin presentation form on a letter'],
    ['a\u064e', 'a\u064e', 'a stray mark after Latin is left (removing it would glue units)'],
    ['بِسْمِ اللَّهِ الرَّحْمَنِ الرَّحِيمِ. او رَفت.', 'بِسْمِ اللَّهِ الرَّحْمَنِ الرَّحِيمِ. او رفت.', 'a sentence of another language keeps its marks as written, as it keeps its letters (stripped of its tashkeel it read as Persian on a second pass, and its ي was mapped: not idempotent); the Persian sentence after it loses them'],
  ],
  { diacritics: 'remove' },
);

table('digits: fa (default)', [
  ['ساعت 5:30pm و نسخه 1.2rc1', 'ساعت 5:30pm و نسخه 1.2rc1', 'a number glued by a separator to a Latin word with digits is part of it (5:30pm had become ۵:30pm)'],
  ['گزینه 1️⃣ و 2⃣ و 3', 'گزینه 1️⃣ و 2⃣ و ۳', 'the digit of a keycap emoji (1️⃣, with or without VS16) stays ASCII: ۱️⃣ is no emoji'],
  ['سال 1402', 'سال ۱۴۰۲', 'Persian context on the left'],
  ['في عام ٢٠٢٤ ذهب الولد إلى المدرسة.', 'في عام ٢٠٢٤ ذهب الولد إلى المدرسة.', 'the digits of a sentence of another language (Arabic here, as the letter map finds it) are left as written (٢٠٢٤ was ۲۰۲۴)'],
  ['ساڵی 2024 لە سلێمانی.', 'ساڵی 2024 لە سلێمانی.', 'Kurdish likewise (2024 was ۲۰۲۴)'],
  ['در سال ٢٠٢٤ رفتم.', 'در سال ۲۰۲۴ رفتم.', 'trap: Arabic-Indic digits in a Persian sentence are made Persian'],
  ['من 25 سال دارم و Ман 25 сола ҳастам', 'من ۲۵ سال دارم و Ман 25 сола ҳастам', 'a letter of another alphabet (Tajik in Cyrillic) is no Persian context, as a Latin one is not: its 25 was made ۲۵ by the Persian words before'],
  ['کلمه Ελληνικά 3 و 한국어 4', 'کلمه Ελληνικά 3 و 한국어 4', 'Greek with accents and Hangul likewise'],
  ['1402 سال', '۱۴۰۲ سال', 'no letter on the left: the right decides'],
  ['تست ١٢٣', 'تست ۱۲۳', 'Arabic-Indic → Persian'],
  ['١٢٣ abc', '۱۲۳ abc', 'Arabic-Indic → Persian even near Latin'],
  ['قیمت 1,000 تومان', 'قیمت ۱,۰۰۰ تومان', 'thousands separator is kept'],
  ['عدد 3.14 است', 'عدد ۳.۱۴ است', 'decimal point is kept'],
  ['ساعت 12:30', 'ساعت ۱۲:۳۰', 'time'],
  ['تاریخ 1402/05/12', 'تاریخ ۱۴۰۲/۰۵/۱۲', 'date'],
  ['تلفن 0912-123-4567', 'تلفن ۰۹۱۲-۱۲۳-۴۵۶۷', 'phone number, hyphens kept'],
  ['نسخه 1.2.3 آمد', 'نسخه 1.2.3 آمد', 'version number stays'],
  ['آی‌پی 192.168.1.1 است', 'آی‌پی 192.168.1.1 است', 'IP address stays'],
  ['نسخه v2.0 آمد', 'نسخه v2.0 آمد', 'v2.0 is a Latin word'],
  ['فایل mp3 و 4G', 'فایل mp3 و 4G', 'digits inside Latin words'],
  ['بیماری COVID-19 آمد', 'بیماری COVID-19 آمد', 'COVID-19'],
  ['Windows 10 را نصب کردم', 'Windows 10 را نصب کردم', 'nearest letter on the left is Latin'],
  ['Hello 2024', 'Hello 2024', 'Latin line'],
  ['2024', '2024', 'no letter on the line'],
  ['سایت https://x.com/2024 را', 'سایت https://x.com/2024 را', 'URL'],
  ['ایمیل ali2000@x.com است', 'ایمیل ali2000@x.com است', 'email'],
  ['کد `a = 12` است', 'کد `a = 12` است', 'inline code'],
  ['<td width="12">۵</td>', '<td width="12">۵</td>', 'HTML attributes'],
  ['کاربر @user12 و #تگ12', 'کاربر @user12 و #تگ12', 'mention and hashtag'],
  ['وزن 12kg', 'وزن 12kg', 'number touching a Latin unit'],
  ['خط 1\nLine 2', 'خط ۱\nLine 2', 'context is per line'],
  ['1. اول\n2. دوم', '1. اول\n2. دوم', 'the marker of a Markdown ordered list at a line\'s start keeps its ASCII digits: CommonMark reads only 0-9 as one (۱. اول was no list any more)'],
  ['متن\n12) دوازده', 'متن\n12) دوازده', 'likewise the marker N) of a later line'],
  ['  3.\tسوم\n> 4. چهارم', '  3.\tسوم\n> 4. چهارم', 'likewise after indentation, before a tab, and in a blockquote'],
  ['- 1. مورد\n  * 2) دوم', '- 1. مورد\n  * 2) دوم', 'an ordered list nested in a bullet item (a - * or + and a space before the marker) is a list too: its marker keeps its ASCII digits (- ۱. مورد was no list any more)'],
  ['1. اول\n   2. دوم\n\t3. سوم', '1. اول\n   2. دوم\n\t3. سوم', 'the markers of nested ordered lists, indented with spaces or a tab, keep their ASCII digits'],
  ['-1. اول\nسال 1401 - 2. دوم', '-۱. اول\nسال ۱۴۰۱ - ۲. دوم', 'trap: a dash glued to the number (a minus) or after words is no bullet: the numbers are made Persian'],
  ['سال 1. اول', 'سال ۱. اول', 'trap: a number before . inside a line is no list marker: made Persian'],
  ['1.اول و 1402 سال', '۱.اول و ۱۴۰۲ سال', 'trap: no space after the dot (nor a dot after 1402) is no marker: made Persian'],
  ['1234567890. ده', '۱۲۳۴۵۶۷۸۹۰. ده', 'trap: ten digits are more than CommonMark\'s marker takes: made Persian'],
  ['۱. اول', '۱. اول', 'a marker typed in Persian digits is left as typed'],
]);
table(
  'digits: latin',
  [
    ['سال ۱۴۰۲', 'سال 1402', 'Persian → ASCII'],
    ['تست ١٢٣', 'تست 123', 'Arabic-Indic → ASCII'],
    ['۳٫۱۴ و ۱۲:۳۰', '3٫14 و 12:30', 'separators kept'],
    ['`۱۲` و https://x.com/۱۲', '`۱۲` و https://x.com/۱۲', 'protected spans'],
  ],
  { digits: 'latin' },
);
table('digits: keep', [['سال 1402 و ۱۴۰۲ و ١٤٠٢', 'سال 1402 و ۱۴۰۲ و ١٤٠٢', 'nothing changes']], { digits: 'keep' });

table('punctuation: fa (default)', [
  ['سلام, دوست', 'سلام، دوست', 'comma in Persian context'],
  ['اول; دوم', 'اول؛ دوم', 'semicolon'],
  ['چرا?', 'چرا؟', 'question mark'],
  ['قیمت 1,000 است', 'قیمت ۱,۰۰۰ است', 'comma inside a number stays'],
  ['عدد 3.14 است', 'عدد ۳.۱۴ است', 'decimal point stays'],
  ['[۱۴:۲۳, ۱۴۰۲/۱۲/۰۱] علی: سلام', '[۱۴:۲۳, ۱۴۰۲/۱۲/۰۱] علی: سلام', 'a chat export\'s timestamp (a time, a comma, a space, a date, opening the line in [ ]): the comma separates two numbers, no Persian punctuation (it had become ،)'],
  ['۱۴۰۲/۱۲/۰۱, ۱۴:۲۳ - علی: سلام', '۱۴۰۲/۱۲/۰۱, ۱۴:۲۳ - علی: سلام', 'the same with the date first, opening the line unbracketed (WhatsApp\'s txt export)'],
  ['سلام\n[14:23, 1402/12/01] علی: خوبی', 'سلام\n[۱۴:۲۳, ۱۴۰۲/۱۲/۰۱] علی: خوبی', 'a timestamp opening a later line; its digits are converted as any Persian line\'s'],
  ['در سال‌های ۱۳۶۹, ۱۳۷۱ و ۱۳۷۳', 'در سال‌های ۱۳۶۹، ۱۳۷۱ و ۱۳۷۳', 'trap: a list of numbers in Persian prose takes ، (PerDT\'s train text writes سال‌های 1369، 1371: 6 lines with ، between numbers, none with ,)'],
  ['۱, ۲, ۳ هستند', '۱، ۲، ۳ هستند', 'trap: numbers opening a line are a list unless one is a time and the next a date'],
  ['ساعت ۱۴:۲۳, ۱۴۰۲/۱۲/۰۱ بود', 'ساعت ۱۴:۲۳، ۱۴۰۲/۱۲/۰۱ بود', 'trap: a time and a date in prose (not opening the line) are separated by Persian punctuation'],
  ['Hello, world? Yes; fine...', 'Hello, world? Yes; fine...', 'an English sentence is unchanged'],
  ['او گفت: How are you?', 'او گفت: How are you?', 'English inside a Persian line'],
  ['علی گفت "سلام" و رفت', 'علی گفت «سلام» و رفت', 'paired quotes around Persian'],
  ['"سلام" و "خداحافظ"', '«سلام» و «خداحافظ»', 'two pairs'],
  ['او گفت " سلام " و رفت', 'او گفت « سلام » و رفت', 'a pair typed with a space inside on both sides (the spacing step then takes the spaces out)'],
  ['او گفت "سلام " و رفت', 'او گفت "سلام " و رفت', 'a space inside on one side only: no sure pair, left alone'],
  ['He said "hello" ok', 'He said "hello" ok', 'quotes around English'],
  ['او "hello" گفت', 'او "hello" گفت', 'quotes around Latin in a Persian line'],
  ['قد ۵" است', 'قد ۵" است', 'a lone quote (inch mark) stays'],
  ['قد ۵" و "سلام', 'قد ۵" و "سلام', 'a quote after a digit does not open a pair'],
  ['"الف" و "ب', '"الف" و "ب', 'odd number of quotes on the line: left alone'],
  ['"سلام\nدنیا"', '"سلام\nدنیا"', 'quotes on different lines are not paired'],
  ['{"name": "علی", "city": "تهران", "n": 5}', '{"name": "علی", "city": "تهران", "n": 5}', 'a JSON line (a key in quotes before a colon): its quotes, commas and digits are the code\'s (they had become «علی»، and ۵)'],
  ['  "title": "کتاب من",', '  "title": "کتاب من",', 'a line of a JSON object'],
  ['const x = "سلام"; // توضیح', 'const x = "سلام"; // توضیح', 'a string after =: a line of code keeps its quotes and ; (it had become «سلام»؛)'],
  ['print("سلام دنیا", 12)', 'print("سلام دنیا", 12)', 'a string in a call, after the function\'s name'],
  ["f('سلام', 3);", "f('سلام', 3);", 'a string in single quotes in a call: its commas, digits and ; are the code\'s (they had become \'سلام\'، ۳)؛)'],
  ["x = ['یک', 'دو']", "x = ['یک', 'دو']", 'strings in single quotes in a list after =: the comma between them stays (it had become ،)'],
  ['print(f"سلام {name} ، خوش آمدید!!")', 'print(f"سلام {name} ، خوش آمدید!!")', 'a Python f-string in a call: the prefix letter does not hide the call (!! had become !)'],
  ["alert(s + ' تومان');", "alert(s + ' تومان');", 'a statement: a ; that ends a line with a call, after its ) (it had become ؛ after the Persian string)'],
  ["alert(s + ' تومان');  // پیام", "alert(s + ' تومان');  // پیام", 'a statement with a comment after its ;'],
  ['تابع print() را ببینید;', 'تابع print() را ببینید؛', 'trap: a ; after a Persian word ends prose, even on a line that names a call'],
  ["دستور print('سلام') را اجرا کنید, سپس f(x) = 1 است;", "دستور print('سلام') را اجرا کنید، سپس f(x) = 1 است؛", 'trap: a Persian sentence that names a call with a string in it is prose (its Persian is outside the strings): its , and ; are Persian marks (the line was taken for code and left as typed)'],
  ["x = 'سلام' # O'Brien, یک", "x = 'سلام' # O'Brien, یک", 'Persian in a comment, an apostrophe after it: still a line of code'],
  ['x = "سلام"; میخواهم, 12', 'x = "سلام"; میخواهم, 12', 'Persian words after a statement\'s ; are read as before (the line is code): only those before it make the line prose'],
  ["  'name': 'علی', 'age': 30,", "  'name': 'علی', 'age': 30,", "a Python dict's entry, its key in single quotes: a line of code, its commas and digits stay (only a key in \" opened the line's check: they had become 'علی'، ۳۰)"],
  ["کلمه 'book': کتاب, 12", "کلمه 'book': کتاب، ۱۲", 'trap: a Latin word in single quotes before a colon, Persian words outside it: prose'],
  ["او گفت 'سلام' و رفت, 12", "او گفت 'سلام' و رفت، ۱۲", 'trap: single quotes in prose make no code line'],
  ['const user = { name: \'علی\', age: 30, city: "تهران" };', 'const user = { name: \'علی\', age: 30, city: "تهران" };', 'a statement that ends in }; (an object literal): its quotes, commas and ; stay (they had become «تهران»}؛ and \'علی\'،)'],
  ["echo 'سلام';", "echo 'سلام';", "a shell command: an ASCII command opens the line, a string in quotes, a ; ends it (no = or call, so no statement: the ; had become ؛)"],
  ["INSERT INTO t VALUES ('علی', 3);", "INSERT INTO t VALUES ('علی', 3);", "an SQL statement: its ( after a space is no call; its comma, digit and ; are the statement's (they had become ('علی'، ۳)؛)"],
  ["  printf \"%s سال\\n\" 12;", "  printf \"%s سال\\n\" 12;", 'an indented shell command with a string in double quotes: no « » (they had been paired as a quotation)'],
  ["Python 'سلام' را چاپ میکند;", "Python 'سلام' را چاپ میکند؛", 'trap: a Persian sentence that opens with a Latin word and ends in ; is prose (Persian words outside its quotes)'],
  ["echo 'سلام' و 'خداحافظ', 12;", "echo 'سلام' و 'خداحافظ'، ۱۲؛", 'trap: a Persian word between the strings makes the line prose although it opens with a command'],
  ["echo 'سلام'", "echo 'سلام'", 'no ; : the line is not taken for code, and nothing in it changes anyway'],
  ['git commit -m "اصلاح باگ, 2"', 'git commit -m "اصلاح باگ, 2"', 'a command line with no ; : a command word (COMMAND_WORDS) opens it, a flag and a quoted string follow (the quotes had become « », the comma ، and the digit ۲)'],
  ['python main.py --name "علی"', 'python main.py --name "علی"', 'an interpreter with a file and a long flag: its quoted value stays in straight quotes'],
  ['$ echo "سلام, دنیا"', '$ echo "سلام, دنیا"', "a shell's prompt ($ and a space) before the command word"],
  ["  docker run -e NAME='علی' img", "  docker run -e NAME='علی' img", 'an indented command with a flag and a string glued to a name'],
  ['git یک ابزار است, 12', 'git یک ابزار است، ۱۲', 'trap: a command word that opens Persian prose: Persian words outside strings make the line prose'],
  ['echo "سلام" در کوه پیچید, 12', 'echo «سلام» در کوه پیچید، ۱۲', 'trap: a quoted word then Persian prose after a command word: prose'],
  ['Python "سلام" را چاپ میکند', 'Python «سلام» را چاپ میکند', 'trap: a capitalised English word is no command word, and Persian follows'],
  ['find "سلام, دنیا"', 'find «سلام، دنیا»', 'trap: an English word that often opens a sentence (find, make, go, …) is left out of the list'],
  ['echo "سلام, دنیا', 'echo "سلام، دنیا', 'an unclosed quote: not taken for a command line, read as prose (an odd quote is never paired)'],
  ["export default { title: 'صفحه اصلی', items: [1, 2] }", "export default { title: 'صفحه اصلی', items: [1, 2] }", "a string after an object literal's key ({ or , before the key): its comma stays (it had become ،)"],
  ["    print(to_fa(1402), 'سال')   # چاپ سال", "    print(to_fa(1402), 'سال')   # چاپ سال", 'a call before a # comment: a statement of Python, its digits and spaces stay'],
  ['    """تبدیل عدد به رقم"""', '    """تبدیل عدد به رقم"""', 'a Python docstring in """: the quotes next to other quotes are no quotation marks (it had become ""«تبدیل عدد به رقم»"")'],
  ['او گفت ""سلام"" و رفت', 'او گفت ""سلام"" و رفت', 'doubled quotes are left as written too'],
  ['سلام دنیا  # خوش آمدید, 12', 'سلام دنیا  # خوش آمدید، ۱۲', 'trap: a # after Persian words, no call or = on the line: prose'],
  ['او گفت: "سلام" و رفت، 12 بار', 'او گفت: «سلام» و رفت، ۱۲ بار', 'a quotation after a colon in prose is no code'],
  ['address: "خیابان ولیعصر، کوچه 12"', 'address: "خیابان ولیعصر، کوچه 12"', 'a YAML value in quotes after the key that opens the line: its quotes and digits are the file\'s (they had become «…» and ۱۲)'],
  ['  - title: "کتاب من"', '  - title: "کتاب من"', 'a YAML key in a list item, indented'],
  ['سوال: "سلام" را بگو', 'سوال: «سلام» را بگو', 'trap: a Persian word before the colon is prose, no YAML key'],
  ['Note: "سلام" و رفت', 'Note: «سلام» و رفت', 'Persian words after the quoted text, outside any string: prose, no YAML value (it was left as written, the price of the key rule)'],
  ['Note: "سلام"', 'Note: "سلام"', 'trap taken: a Latin word that opens the line before a colon and a quoted value alone reads as a key (left as written)'],
  ['او ("سلام") گفت, 12', 'او («سلام») گفت، ۱۲', 'nor one in parentheses after a space'],
  ['<a title="سلام">متن</a>', '<a title="سلام">متن</a>', 'quotes inside a tag'],
  ['صبر کن...', 'صبر کن…', 'three dots → ellipsis'],
  ['صبر کن.....', 'صبر کن…', 'more dots'],
  ['صبر کن..', 'صبر کن..', 'two dots stay'],
  ['فردوسی سراینده‌ی .......... است و دمای ..... درجه\nنام: ................', 'فردوسی سراینده‌ی .......... است و دمای ..... درجه\nنام: ................', 'four dots or more standing alone between spaces or a line\'s edges are a blank to fill in (an exam, a form), kept: they became «…»'],
  ['کتاب و ... خریدم، چرا ....؟ خب.... باشه', 'کتاب و … خریدم، چرا …؟ خب… باشه', 'trap: three dots alone, dots before a mark or glued to a word are still an ellipsis'],
  ['Wait...', 'Wait...', 'Latin ellipsis stays'],
  ['عجب!!!!', 'عجب!', 'repeated !'],
  ['چرا؟؟؟', 'چرا؟', 'repeated ؟'],
  ['چرا???', 'چرا؟', 'repeated ? → one ؟'],
  ['سلام،،', 'سلام،', 'repeated ،'],
  ['چرا؟!', 'چرا؟!', 'mixed marks stay'],
  ['wow!!!', 'wow!!!', 'Latin exclamations stay'],
  ['https://x.com/?a=1,2;b', 'https://x.com/?a=1,2;b', 'URL'],
  ['سلام `a, b?` دنیا', 'سلام `a, b?` دنیا', 'code'],
]);
table(
  'a bidi mark or soft hyphen inside a word (halfSpace: fix)',
  [
    ['می\u200fخواهم', 'می\u200cخواهم', 'an RLM where the half-space goes is a half-space typed wrong (the tokenizer had cut می + خواهم)'],
    ['کتاب\u200eها', 'کتاب\u200cها', 'an LRM too'],
    ['دانش\u00adگاه', 'دانشگاه', 'a soft hyphen (a hyphenation point) goes'],
    ['\u200fمتن و علامت\u200f و', '\u200fمتن و علامت\u200f و', 'at a word\'s edge a bidi mark is kept'],
    ['abc\u200fdef', 'abc\u200fdef', 'between Latin letters too'],
    ['می\u200bخواهم', 'می\u200cخواهم', 'a zero-width space (text out of PDFs and web pages) where the half-space goes: was kept, and the tokenizer made it a token (PROPN)'],
    ['abc\u200bdef \u200bمتن', 'abc\u200bdef \u200bمتن', 'a zero-width space between Latin letters or at a word\'s edge is kept'],
    ['کتاب\u200dها', 'کتابها', 'a ZWJ between a letter that joins the next one and a letter changes nothing on screen: it goes (was kept in the word and its lemma, کتاب\u200d; the half-space step then reads کتابها)'],
    ['ا\u200dب', 'ا\u200dب', 'after ا (no join) a ZWJ shows the next letter\'s joining form: kept'],
    ['ه\u200d.ق', 'ه\u200d.ق', 'at a word\'s edge (a letter\'s joining form in an abbreviation): kept'],
    ['👨\u200d👩 و', '👨\u200d👩 و', 'in an emoji sequence: kept'],
    ['نمی\u200c\u200dتوانم', 'نمی\u200c\u200dتوانم', 'right beside a ZWNJ a ZWJ shows the next letter\'s joining form: kept'],
    ['ب\u200d\u064e\u200cب', 'ب\u064e\u200cب', 'a ZWNJ past a mark does not keep it'],
    ['دانش\u00adﹰگاه', 'دانشًگاه', 'a soft hyphen before a presentation-form mark goes, as before a mark (it went on a second pass only)'],
    ['می¬خواهم و کتاب¬ها', 'می\u200cخواهم و کتاب\u200cها', 'a ¬ (U+00AC) between two Arabic letters: an old Windows Persian keyboard typed it for the half-space (was kept, and the tokenizer cut می + ¬ + خواهم)'],
    ['p ∧ ¬q و a¬b یعنی ¬ الف', 'p ∧ ¬q و a¬b یعنی ¬ الف', 'trap: ¬ in logic, between Latin letters or alone beside a Persian word is the sign: kept'],
    ['می\u2060خواهم', 'میخواهم', 'a word joiner (U+2060, the BOM\'s successor: no break here) between two Arabic letters goes, as a BOM does, and the half-space step reads the word as typed (was kept inside it)'],
    ['abc\u2060def \u2060متن', 'abc\u2060def \u2060متن', 'trap: a word joiner between Latin letters or at a word\'s edge is kept'],
  ],
  { halfSpace: 'fix' },
);
table('a bidi mark inside a word, halfSpace: keep', [
  ['می\u200fخواهم', 'می\u200fخواهم', 'left as typed'],
  ['کتاب\u200dها', 'کتاب\u200dها', 'a ZWJ too'],
]);
table('punctuation: keep', [['سلام, چرا?!! "متن"...', 'سلام, چرا?!! "متن"...', 'nothing changes']], { punctuation: 'keep' });

describe('mayHoldCode: the signs after which codeLines looks for lines of code (one pass for all five)', () => {
  it.each<[string, boolean, string]>([
    ['من به مدرسه رفتم.', false, 'prose: no sign'],
    ['', false, 'empty'],
    ['x = "سلام"', true, 'a straight double quote'],
    ["print('سلام')", true, 'a straight single quote'],
    ['a = 1; b = 2', true, 'a semicolon'],
    ['x = 1 # یادداشت', true, 'a space, then #'],
    ['#هشتگ', false, 'a # with no space before it (a hashtag)'],
    ['x = 1 // یادداشت', true, 'a space, then //'],
    ['x = 1 /', false, 'a space and one slash at the end'],
    ['x = 1 /2', false, 'a space and one slash'],
    ['http://example.com', false, '// with no space before it'],
    [' ', false, 'a space at the end'],
  ])('%j → %s (%s)', (text, expected) => {
    expect(mayHoldCode(text)).toBe(expected);
  });
});
