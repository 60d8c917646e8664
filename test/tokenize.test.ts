import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { availableComponents, checkSpelling, createPipeline, createSentenceStream, forcedCuts, getSpellChecker, MAX_SEGMENT, tokenize } from '../src/node/index.js';
import { growth, MAX_RATIO } from './helpers/linear.js';

const nlp = createPipeline({ components: ['normalizer', 'tokenizer'] });
const Z = '\u200c';

// [input, expected tokens (forms, '|' between sentences), reason]
const TOKENS: [string, string, string][] = [
  ['سلام، دنیا!', 'سلام ، دنیا !', 'Persian comma and exclamation are tokens'],
  ['کتاب‌ها را خواندم.', `کتاب${Z}ها را خواندم .`, 'a ZWNJ compound stays one token'],
  ['قیمت 3.14 و ۱۲٬۵۰۰ و ۱۴۰۲/۰۵/۱۲ است.', 'قیمت ۳.۱۴ و ۱۲٬۵۰۰ و ۱۴۰۲/۰۵/۱۲ است .', 'numbers with separators stay whole (digits made Persian)'],
  ['ببینید https://example.com/a?b=1 را.', 'ببینید https://example.com/a?b=1 را .', 'a URL is one token'],
  ['ایمیل ali@example.com است', 'ایمیل ali@example.com است', 'an email is one token'],
  ['کد abc٤٥٦ و کاغذ A۴ است', 'کد abc٤٥٦ و کاغذ A۴ است', 'Persian or Arabic-Indic digits glued to a Latin word are part of it: one token, as written (abc | ٤٥٦ and A | ۴ were two)'],
  ['#ایران و @dabir', '#ایران و @dabir', 'hashtags and mentions are tokens'],
  ['سلام @مریم‌کریمی و @مریم_کریمی!', 'سلام @مریم‌کریمی و @مریم_کریمی !', 'a mention in the Arabic script is one token through its ZWNJ and underscore (was @ | مریم‌کریمی, and @ | مریم | _ | کریمی)'],
  ['من Node.js دارم', 'من Node.js دارم', 'Latin words pass through'],
  ['خوبم 😀👍🏽 ممنون', 'خوبم 😀 👍🏽 ممنون', 'emoji (with skin tone) are tokens'],
  ['پرچم 🇮🇷🇺🇸 و ✌🏾 و ©️ بود', 'پرچم 🇮🇷 🇺🇸 و ✌🏾 و ©️ بود', 'a flag (two regional indicators) is one token (🇮🇷 was 🇮 🇷); a sign below U+2100 with VS16 keeps it (©️ was © and a lone U+FE0F)'],
  ['گزینه 1️⃣ و #️⃣ و 2 تا', 'گزینه 1️⃣ و #️⃣ و ۲ تا', 'a keycap emoji is one token and keeps its ASCII digit (1️⃣ was ۱ and ️⃣, the emoji broken by the digit step)'],
  ['خوب بود:) ممنون :))) نه :-( <3', 'خوب بود :) ممنون :))) نه :-( <3', 'ASCII emoticons are one token each, never split into marks'],
  ['خوب بود:)ممنون', 'خوب بود :) ممنون', 'a smile glued to the next word: the normalizer writes a space after it, the emoticon is one token'],
  ['گفت:(با خنده) رفت.', 'گفت : ( با خنده ) رفت .', 'a colon and an opening parenthesis are no frown'],
  ['[۱۴۰۳/۰۸/۱۲, ۱۰:۲۳:۴۵] علی: <Media omitted>', '[ ۱۴۰۳/۰۸/۱۲ , ۱۰:۲۳:۴۵ ] علی : < Media omitted >', "a WhatsApp export's line: the date and the time stay whole tokens, the comma between them stays a comma (no Persian punctuation between two numbers of a timestamp; it was ،), the sender's name before its colon, and the placeholder in angle brackets is no HTML tag (it was one markup token)"],
  ['بنی آدم اعضای یکدیگرند      که در آفرینش ز یک گوهرند', `بنی${Z}آدم اعضای یکدیگرند که در آفرینش ز یک گوهرند`, "a verse's two hemistichs on one line, their gap kept by the normalizer: one sentence, the gap only a token boundary"],
  ['او رفت. من ماندم.', 'او رفت .|من ماندم .', 'two sentences'],
  ['آیا رفت؟ بله!', 'آیا رفت ؟|بله !', 'Persian question mark ends a sentence'],
  ['دکتر م. رضایی آمد.', 'دکتر م. رضایی آمد .', 'an initial (a letter, a dot, a name) is one token, as PerDT writes م.; no sentence break'],
  ['او گفت و. بعد', 'او گفت و . بعد', 'و is a word, never an initial'],
  ['مورد دوم: [متن پیوند](https://x.ir/a?b=1) را ببینید.', 'مورد دوم : [ متن پیوند ] ( https://x.ir/a?b=1 ) را ببینید .', 'the ( and ) around a Markdown link target are marks of their own, as around any URL (the target was one token with them)'],
  ['![عکس](img/a_(1).png) و [متن](https://x.com/a b)', '! [ عکس ] ( img/a_(1).png ) و [ متن ] ( https://x.com/a b )', 'an image target keeps its inner parentheses; a target with a space still ends in its own )'],
  ['با `npm install dabir` نصب کنید', 'با ` npm install dabir ` نصب کنید', 'the backticks of a code span are marks of their own (they were glued: `npm, dabir`), the code\'s words tokens as between spaces'],
  ['فایل ~/.bashrc و ./src/index.ts و ../lib/a.js را ببینید.', 'فایل ~/.bashrc و ./src/index.ts و ../lib/a.js را ببینید .', 'a relative path (./ ../ ~/) is one token and its dots end no sentence (./src/index.ts had ended one at its dot)'],
  ['متغیر $HOME و ${USER} و %PATH% را ببین', 'متغیر $HOME و ${USER} و %PATH% را ببین', 'a shell or Windows variable is one token, passed through (they were $ HOME, % PATH %)'],
  ['پورت :8080 و localhost:3000 را باز کن', 'پورت :8080 و localhost:3000 را باز کن', 'a port after a space or a host is passed through (:8080 was : ۸۰۸۰) and localhost:3000 is one token'],
  ['متن[^1] را ببین.\n[^1]: توضیح', 'متن [^1] را ببین .|[^1] : توضیح', 'a Markdown footnote is one token (it was [ ^ ۱ ], and the normalizer wrote a space before it)'],
  ['ببین <https://x.ir> و <a@b.ir> را', 'ببین < https://x.ir > و < a@b.ir > را', 'a Markdown autolink is no tag: the URL or address one token, < and > apart (<https://x.ir> was one token)'],
  ['[x](y)z و [a](b) c', '[ x ] ( y ) z و [ a ] ( b ) c', 'a Latin word right after a link target is a token of its own (y)z was one)'],
  ['شرکت AT&T و بخش R&D آن', 'شرکت AT&T و بخش R&D آن', 'a name with an ampersand between capitals is one token (AT&T was AT & T)'],
  ['تست&nbsp;متن و &lt;b&gt; و &amp;&amp;', 'تست &nbsp; متن و &lt; b &gt; و &amp; &amp;', 'a character reference is a token of its own, also glued to a Latin word or another one (&lt;b&gt; was one token, a NOUN)'],
  ['[b]متن[/b] و [url=https://x.ir]پیوند[/url] و [img]https://x.ir/a.png[/img] و [list][*]یک[/list]', '[b] متن [/b] و [url=https://x.ir] پیوند [/url] و [img] https://x.ir/a.png [/img] و [list][*] یک [/list]', 'a BBCode tag is a token of its own, as an HTML tag, and the normalizer writes no space inside it (it was [ b ] متن [ / b ], [b] متن [/b] normalized); tags glued to each other stay one token'],
  ['سرعت ۱۲۰km/h و ۱۰MB/s بود', 'سرعت ۱۲۰km/h و ۱۰MB/s بود', 'a unit of Latin pieces glued to Persian digits is one token, as after ASCII digits (it was ۱۲۰km and /h)'],
  ['<b>bold</b> و <p>a b</p>', '<b> bold </b> و <p> a b </p>', 'a tag and the Latin word inside it are tokens of their own, as around a Persian word (<b>bold</b> was one token)'],
  ['۱\n00:00:01,000 --> 00:00:04,200\nسلام', '۱|00:00:01,000 --> 00:00:04,200|سلام', 'a subtitle\'s timing line: the arrow --> is one token (it was -- >), and so are -> and =>'],
  ["'''تهران''' پایتخت ''ایران'' است.", "''' تهران ''' پایتخت '' ایران '' است .", "wikitext's '''bold''' and ''italic'': a run of apostrophes is one token (it was ' ' ')"],
  ["او گفت 'سلام' و رفت.", "او گفت ' سلام ' و رفت .", 'a single apostrophe stays a token of its own'],
  ['| نام | مقدار |\n|---|:---:|', '| نام | مقدار ||| --- | : --- : |', "a Markdown table: a run of dashes is one token (was - - -) and the alignment row's :| is no emoticon"],
  ['**متن** و ## عنوان و خط === و ——', '** متن ** و ## عنوان و خط === و ——', 'a run of one emphasis, heading, rule or dash mark is one token'],
  ['<a href="x">لینک</a>', '<a href="x"> لینک </a>', 'markup passes through; a tag is a token of its own'],
  ['Dr. Smith and Mr. Brown came. دکتر آمد.', 'Dr . Smith and Mr . Brown came .|دکتر آمد .', 'a Latin title (Dr., Mr.) ends no sentence; its dot stays a token of its own'],
  ['۱. مورد اول\n12. item two', '۱ . مورد اول|12 . item two', 'a list item\'s number at a line\'s start: its dot ends no sentence'],
  ['رده‌بندی: ۱. پرسپولیس ۵۴ امتیاز ۲. استقلال ۵۰ امتیاز', 'رده‌بندی : ۱ . پرسپولیس ۵۴ امتیاز|۲ . استقلال ۵۰ امتیاز', 'a list inside a line (1. … 2. …): the sentence breaks before an item\'s number, not after it (it was …امتیاز ۲ .|استقلال)'],
  ['کتاب (اِ.) ۱. نوشته. ۲. (مج.) دانش.', 'کتاب ( اِ . ) ۱ . نوشته .|۲ . ( مج . ) دانش .', 'a dictionary entry: one letter with its vowel sign before a dot is an abbreviation as one without is (اِ. ended the sentence), a short word glued to a dot alone in brackets is a label ((مج.) ended it), and an item\'s text may open with a bracket (۲. (مج.) was no list item: the sentence broke after ۱.)'],
  ['رفتن (مص. ل.) [ع. - فا.] آمد. او (تمام شد.) رفت', 'رفتن ( مص . ل . ) [ ع . - فا . ] آمد .|او ( تمام شد . )|رفت', 'several labels in one pair of brackets, a dash between them (the sentence broke after مص. and after فا.]); trap: a sentence in brackets, words without a dot, still ends at its mark'],
  ['فایل گزارش.pdf و /home/ali/اسناد/نهایی.docx را بفرست. باشه', 'فایل گزارش . pdf و /home/ali/اسناد/نهایی.docx را بفرست .|باشه', 'a file extension glued after a dot (گزارش.pdf: the sentence broke before pdf) ends no sentence; an absolute path with Persian names is one token'],
  ['او رفت.Then بعد.', 'او رفت .|Then بعد .', 'trap: a capitalized Latin word glued after the dot is no extension: the sentence still ends'],
  ['مراحل: 1. آرد را الک کنید. 2. شکر را بریزید.', 'مراحل : ۱ . آرد را الک کنید .|۲ . شکر را بریزید .', 'items that end with a full stop: no break after the next number\'s dot'],
  ['او ۲. رفت و قیمت ۲.۵ شد.', 'او ۲ .|رفت و قیمت ۲.۵ شد .', 'a number and a dot with no item before or after it on the line is no list item: left as it was (a boundary)'],
  ['در سال ۱۴۰۲. بعد رفت.', 'در سال ۱۴۰۲ .|بعد رفت .', 'a number ending a sentence inside the line still does'],
  ['Real Madrid vs. Barcelona شد.', 'Real Madrid vs . Barcelona شد .', 'nor vs.'],
  ['این روش (Smith et al., 2020) خوب است.', 'این روش ( Smith et al . , 2020 ) خوب است .', 'no sentence begins with a comma: the dot before one ends an abbreviation (et al., in a citation), not a sentence (it was …et al .|, 2020…)'],
  ['Smith, J.; Doe, A.، گفتند.', 'Smith , J . ; Doe , A . ، گفتند .', 'nor with a semicolon or a Persian comma (a reference list\'s initials)'],
  ['مرجع doi:10.1038/nature14539 است.', 'مرجع doi:10 . 1038 / nature14539 است .', 'a dot glued between digits (a DOI) is inside a code, no end (the DOI had been two sentences)'],
  ['او رفت. ۲۰ نفر ماندند.', 'او رفت .|۲۰ نفر ماندند .', 'trap: a dot with a space before the next number still ends the sentence'],
  ['او به Dr.\nرفت', 'او به Dr .|رفت', 'a line break still ends the sentence'],
  ['در سال ۲۰۲۳ م.، مقاله نوشت.', 'در سال ۲۰۲۳ م. ، مقاله نوشت .', 'an era after a year (م. ق. ش. ه.) is one token, before punctuation too, as PerDT writes م.'],
  ['او در سال ۱۹۵۰ م. درگذشت.', 'او در سال ۱۹۵۰ م. درگذشت .', 'and no sentence break'],
  ['این کتاب م.، است.', 'این کتاب م . ، است .', 'a lone letter and a dot after a word (no year) before punctuation stay apart'],
  ['در سال ۱۳۵۷ ه.ش. انقلاب شد.', 'در سال ۱۳۵۷ ه.ش. انقلاب شد .', 'dotted abbreviation is one token and no boundary'],
  ['عدد ۳.۵ است.', 'عدد ۳.۵ است .', 'a decimal point is not a boundary'],
  ['او گفت: «بیا.» من رفتم.', 'او گفت : « بیا . »|من رفتم .', 'closing quote after the terminal stays with its sentence'],
  ['گفت: «بیا.». رفتم.', 'گفت : « بیا . » .|رفتم .', 'a terminal right after the closing quote too (».)'],
  ['صبر کن... الان می‌آیم.', `صبر کن … الان می${Z}آیم .`, 'an ellipsis inside a line continues the sentence (and becomes …)'],
  ['خط اول\nخط دوم', 'خط اول|خط دوم', 'a line without terminal punctuation is a sentence'],
  ['تهران - ایرنا: خبر آمد.', 'تهران - ایرنا :|خبر آمد .', 'a news dateline is its own sentence'],
  ['خبر تمام شد. رم - ایرنا: خبر دیگر.', 'خبر تمام شد .|رم - ایرنا :|خبر دیگر .', 'also after the previous sentence when paragraphs run together'],
  ['- مورد دوم: متن را ببینید.', '- مورد دوم : متن را ببینید .', 'a dash that begins the line is a list\'s bullet, no dateline: the colon ends no sentence (it did)'],
  ['- تهران - ایرنا: خبر آمد.', '- تهران - ایرنا :|خبر آمد .', 'a dateline after a bullet still is one'],
  ['واقعاً؟! بله.', 'واقعاً ؟ !|بله .', 'different terminal marks are tokens of their own (as in the treebanks), one sentence end'],
  ['عجب!! بله.', 'عجب !|بله .', 'the normalizer makes a repeated mark one (the tokenizer alone keeps the run as one token, below)'],
  ['گفت… ؟ نه.', 'گفت … ؟|نه .', 'an ellipsis then a question mark'],
  ['تهران پایتخت است.[۱] این شهر بزرگ است.[۲][۳]', 'تهران پایتخت است . [ ۱ ]|این شهر بزرگ است . [ ۲ ] [ ۳ ]', 'a reference glued after the full stop ends the sentence it follows (it began the next one)'],
  ['تهران را پایتخت کرد.[نیازمند منبع] بعد رفت.', 'تهران را پایتخت کرد . [ نیازمند منبع ]|بعد رفت .', 'a reference of words likewise'],
  ['تهران پایتخت است.[^2] بعد', 'تهران پایتخت است . [^2]|بعد', 'a Markdown footnote glued after the full stop likewise (it was a sentence of its own)'],
  ['او رفت. [۱] را ببین.', 'او رفت .|[ ۱ ] را ببین .', 'a bracket after a space begins the next sentence as before'],
  ['<i>سلام، حالت چطوره؟</i>\n<i>خوبم.</i> تو چطوری؟', '<i> سلام ، حالت چطوره ؟ </i>|<i> خوبم. </i>|تو چطوری ؟', 'a closing tag after the terminal mark (a subtitle\'s italics) stays with its sentence (</i> was a sentence of its own at the line\'s end, and began the next one inside a line)'],
  ['گفت: [b]بیا.[/b] رفتم.', 'گفت : [b] بیا . [/b]|رفتم .', 'a BBCode closing tag likewise'],
  ['تهران پایتخت است.<ref name="آمار">{{پک|رضایی|۱۳۹۸}}</ref> جمعیت زیاد است.<ref name="آمار" /> بعد', 'تهران پایتخت است . <ref name="آمار"> { { پک | رضایی | ۱۳۹۸ } } </ref>|جمعیت زیاد است . <ref name="آمار" />|بعد', 'a wikitext reference glued after the full stop (<ref>…</ref>, <ref … />) ends the sentence it follows, as [۱] does (it began the next one)'],
  ['id,نام,قیمت\n1,کتاب ها,"125000"', 'id , نام , قیمت|1 , کتاب‌ها , " 125000 "', 'the rows of a comma-separated table: commas, quotes and numbers are tokens as anywhere (the normalizer keeps them, it does not glue them to a word)'],
  ['این موضوع<ref>منبع: کتاب ک. ص. ۱۲. چاپ دوم.</ref> مهم است. جمله دوم.', 'این موضوع <ref> منبع : کتاب ک. ص . ۱۲ . چاپ دوم . </ref> مهم است .|جمله دوم .', 'a wikitext reference inside a sentence: the full stops of its citation end no sentence (it was cut at ص. ۱۲. and چاپ دوم.)'],
  ['این موضوع<ref>منبع. ادامه\nخط بعد.</ref> مهم است.', 'این موضوع <ref> منبع .|ادامه|خط بعد . </ref>|مهم است .', 'trap: a <ref> not closed on its line is read as before'],
  ['{\\an8}سلام دنیا.\n{\\i1}خوبی؟{\\i0} بله.', '{\\an8} سلام دنیا .|{\\i1} خوبی ؟ {\\i0}|بله .', 'an ASS/SSA subtitle\'s override block ({\\an8}, {\\i1}) is one markup token, the text beside it kept as it is (it was { \\ an8 } in pieces); one glued after the sentence\'s mark ({\\i0}, italics off) stays with it, as </i> does'],
  ['سلام.{\\i1}خوبی؟{\\i0} بله.', 'سلام .|{\\i1} خوبی ؟ {\\i0}|بله .', 'trap: an override block glued after the mark and to the next word ({\\i1}, italics on) opens the next sentence: it begins it (it stayed with سلام.)'],
  ['او رفت.<ref>منبعی که بسته نشد بعد آمد.', 'او رفت .|<ref> منبعی که بسته نشد بعد آمد .', 'trap: a <ref> not closed on its line begins the next sentence as before'],
  ['در سال ۱۲۰۰ ه\u200d.ق تهران پایتخت شد.', 'در سال ۱۲۰۰ ه\u200d.ق تهران پایتخت شد .', 'a dotted abbreviation with a ZWJ after its letter (ه‍.ق) is one token and no boundary (it was ه . | ق)'],
  ['باکتری E. coli در روده است.', 'باکتری E . coli در روده است .', 'a Latin capital and its dot before a Latin word is an initial, no boundary (E. coli)'],
  ['ویتامین C. سپس رفتیم.', 'ویتامین C .|سپس رفتیم .', 'before a Persian word the dot still ends the sentence'],
  ['نوشتهٔ A. و B. بود', 'نوشتهٔ A . و B .|بود', 'before و (or یا, &) the Latin initial goes on: no sentence begins with the conjunction (A. و was a boundary); B. before another Persian word still ends one'],
  ['طبق بند B. است که باید رعایت شود.', 'طبق بند B . است که باید رعایت شود .', 'no sentence begins with the copula است: after a Latin initial it goes on (B. | است was a boundary)'],
  ['ویتامین C. را بخورید.', 'ویتامین C . را بخورید .', 'nor with the object marker را (C. | را was a boundary)'],
  ['Doe, A. (2020). Title.', 'Doe , A . ( 2020 ) .|Title .', 'before a bracketed year the initial goes on (a reference list: A. | (2020) was a boundary)'],
  ['ویتامین C. (۲) سپس', 'ویتامین C .|( ۲ ) سپس', 'trap: a bracketed number that is no year (four digits) begins a sentence as before'],
  ['INT. خانه - شب. علی می‌آید.', 'INT . خانه - شب .|علی می‌آید .', 'a screenplay\'s scene heading INT. (EXT.) ends no sentence (INT. | خانه was a boundary)'],
  ['وفات: 2020-03-15 و ۱۳۹۸-۱۴۰۰ و ۱۰-۱۵ دقیقه', 'وفات : ۲۰۲۰-۰۳-۱۵ و ۱۳۹۸ - ۱۴۰۰ و ۱۰ - ۱۵ دقیقه', 'an ISO date (year-month-day with hyphens) is one number as a date with slashes is (it was five tokens); a range stays three'],
  ['فرمول CO₂ و H₂O و mc² است.', 'فرمول CO₂ و H₂O و mc² است .', 'a subscript or superscript digit is part of its word (CO₂ was CO + ₂, the ₂ an ADJ and the root)'],
  ['انرژی ΔG و زاویهٔ α است.', 'انرژی ΔG و زاویهٔ α است .', 'Greek letters make a word of their own script (ΔG was Δ + G, the Δ a PRON)'],
  ['پاکستان ایک خوبصورت ملک ہے۔ میں اردو بولتا ہوں۔', 'پاکستان ایک خوبصورت ملک ہے ۔|میں اردو بولتا ہوں ۔', 'Urdu\'s full stop ۔ ends a sentence as . does (an Urdu paragraph was one sentence)'],
  ['Салом, шумо чӣ хел? Ман аз Душанбе ҳастам.', 'Салом , шумо чӣ хел ?|Ман аз Душанбе ҳастам .', 'a word of another alphabet (Tajik in Cyrillic) is one token, as a Latin word is (it was a token per letter: С а л о м)'],
  ['واژهٔ Ελληνικά و שלום و नमस्ते و 你好 است', 'واژهٔ Ελληνικά و שלום و नमस्ते و 你好 است', 'Greek with accents, Hebrew, Devanagari with its vowel signs, CJK: a word each (Ελληνικ + ά, ש ל ו ם, न म स ् …)'],
  ['در دمای ۲۵°C و ۳۵۰ °F و ۹۰° زاویه', 'در دمای ۲۵ °C و ۳۵۰ °F و ۹۰ ° زاویه', 'a degree of temperature is one unit, °C (it was ° + C, C an nsubj); a degree alone stays a sign'],
  ['می\u200bخواهم بروم \u200b.', `می${Z}خواهم بروم .`, 'a zero-width space (text out of PDFs and web pages) where the half-space goes is one (it was a token of its own between می and خواهم, a PROPN); alone it is no token'],
  ['۲۱ام مهر و ۳اُم آبان، ۳مین بار و ۱۲م اسفند؛ ۲۰ساله و ۵مرد و ۲۰امید', '۲۱ام مهر و ۳اُم آبان ، ۳مین بار و ۱۲م اسفند ؛ ۲۰ ساله و ۵ مرد و ۲۰ امید', 'digits with an ordinal suffix glued (ام, اُم, م, مین) are one token, as the normalizer keeps them glued (۲۱ام was ۲۱ and the pronoun ام, ۳مین ۳ and a name); a word after digits still is a token of its own'],
  ['سال ۲۰۲۴م و ۳۰۰م و ۳امين بار', 'سال ۲۰۲۴ م و ۳۰۰م و ۳امین بار', 'a bare م after a year of four digits is its era, a token of its own as the treebanks write it (1917 م.) and as ۱۴۰۳ش is split; after three digits the ordinal; امين with the Arabic ي is an ordinal as امین is (the shared chars.ts digitOrdinalEnd)'],
  ['قیمت ۱۲\u202f۵۰۰ و ۱\u2009۲۵۰\u2009۰۰۰ تومان و ۱۲\u202f۵۰ و ۱۲\u00a0۵۰۰', 'قیمت ۱۲\u202f۵۰۰ و ۱\u2009۲۵۰\u2009۰۰۰ تومان و ۱۲ ۵۰ و ۱۲ ۵۰۰', 'a narrow no-break or thin space before three digits (and no fourth) separates thousands: one number token holding it, as ۱۲,۵۰۰ is one and as findNumbers reads one number (it was two tokens, ۱۲ and ۵۰۰); before two digits, or a no-break space, two numbers as before. CoNLL-U prints the space inside FORM (allowed there, as for a markup token) and reads it back'],
  ['۲½ لیوان و ½ پیمانه و ۱۰⁸ متر', '۲½ لیوان و ½ پیمانه و ۱۰⁸ متر', 'a fraction or a power glued to digits is part of the number (۲½ was ۲ + ½); a fraction alone is a number'],
  ['دکتر جان اف. کندی آمد. جرج دبلیو. بوش رفت.', 'دکتر جان اف . کندی آمد .|جرج دبلیو . بوش رفت .', 'a Latin initial spelled in Persian letters (اف., دبلیو.) between two words is no sentence end, as م. is not (it broke after اف.)'],
  ['اف. بی. آی. گزارش داد.', 'اف . بی . آی . گزارش داد .', 'a run of spelled initials is one name (it was four sentences)'],
  ['گفت جی. بعد رفت. جان اف. کندی آمد.', 'گفت جی .|بعد رفت .|جان اف . کندی آمد .', 'a spelled initial before a word that opens sentences and never goes on a name (بعد, اما, او, ...) ends the sentence (it was one); before a name it goes on'],
  ['بیماران اچ.آی.وی مثبت بودند.', 'بیماران اچ . آی . وی مثبت بودند .', 'trap: وی is the pronoun that opens sentences but also the letter V (اچ.آی.وی, PerDT train): no opener ends a run of initials'],
  ['تهران: نشر نی، ج. ۱، ص. ۲۵.', 'تهران : نشر نی ، ج . ۱ ، ص . ۲۵ .', 'a volume or page abbreviation in a reference (ج. ۱، ص. ۲۵: a letter and its dot before a number) ends no sentence'],
  ['مجموعه آثار، ج. ۱. تهران: نشر نی.', 'مجموعه آثار ، ج . ۱ .|تهران : نشر نی .', 'the dot after the volume\'s number does end it'],
  ['او را زد. بعد رفت. تولدش ۱۷ دی. بعد آمد.', 'او را زد .|بعد رفت .|تولدش ۱۷ دی .|بعد آمد .', 'trap: a letter name that is also a Persian word a sentence ends with (زد, the month دی) still ends it'],
  ['در Cafe\u0301 و Mu\u0308nchen بودیم', 'در Cafe\u0301 و Mu\u0308nchen بودیم', 'a Latin word written with combining accents (NFD) is one token, its text unchanged (it was Cafe + \u0301, Mu + \u0308nchen)'],
];

describe('tokenizer and sentence splitter', () => {
  it('without the normalizer, a run of the same terminal mark is one token and mixed marks are split', () => {
    const doc = tokenize('عجب!! واقعاً؟! نه...');
    expect(doc.sentences.map((s) => s.tokens.map((t) => t.form).join(' ')).join('|')).toBe('عجب !!|واقعاً ؟ !|نه ...');
  });
  it('without the normalizer, a zero-width space separates tokens as the bidi marks do (it was a token of its own)', () => {
    const doc = tokenize('می\u200bخواهم \u200bبروم');
    expect(doc.tokens.map((t) => t.form)).toEqual(['می', 'خواهم', 'بروم']);
  });
  for (const [input, expected, reason] of TOKENS) {
    it(`${reason}: ${input}`, () => {
      const doc = nlp.process(input);
      expect(doc.sentences.map((s) => s.tokens.map((t) => t.form).join(' ')).join('|')).toBe(expected);
    });
  }
});

// [input, expected tokens ('|' between: a tag's token holds spaces), reason]
const MARKUP_TOKENS: [string, string, string][] = [
  ['اگر \\(x^2 + 1\\) و \\[ a = 2, b \\]، باشد', 'اگر|\\(x^2 + 1\\)|و|\\[ a = 2, b \\]|،|باشد', 'LaTeX inline math is one markup token with its spaces (\\(x^2 + 1\\) was \\(x, ^, ۲… and \\[ … \\] its pieces)'],
  ['<a href="https://x.ir" class="link">پیوند</a> و <img src="a.png" alt="تصویر من"> و <p style="color: red">', '<a href="https://x.ir" class="link">|پیوند|</a>|و|<img src="a.png" alt="تصویر من">|و|<p style="color: red">', 'a tag with attributes is one markup token with its spaces (they cut it into <a, href=… and class="link">, and a quoted value into pieces)'],
  ['<a href="x"><img src="y" alt="z w"></a> <!DOCTYPE html>', '<a href="x"><img src="y" alt="z w"></a>|<!DOCTYPE html>', 'tags glued to each other stay one token, a space inside a later one too; a declaration is one token'],
  ['<!-- یک یادداشت --> x < y > z', '<!--|یک|یادداشت|-->|x|<|y|>|z', 'trap: the words of a comment are text, and a < with no tag name after it is a mark'],
  ['من می&zwnj;خواهم و نمی&#8204;دانم و کتاب&#x200C;ها', 'من|می&zwnj;خواهم|و|نمی&#8204;دانم|و|کتاب&#x200C;ها', 'a ZWNJ written as a character reference between two letters is the word\'s half-space: one token (it was می, &zwnj;, خواهم)'],
  ['سلام&nbsp;دنیا و کتاب&zwnj; و &zwnj;ها', 'سلام|&nbsp;|دنیا|و|کتاب|&zwnj;|و|&zwnj;|ها', 'trap: &nbsp; separates two words (a token of its own, as any character reference), and a &zwnj; with no letter on one side joins nothing'],
];

describe('tokenize: markup with spaces, character references in words', () => {
  for (const [input, expected, reason] of MARKUP_TOKENS) {
    it(`${reason}: ${input}`, () => {
      const doc = nlp.process(input);
      expect(doc.tokens.map((t) => t.form).join('|')).toBe(expected);
      expect(doc.text).toBe(input);
    });
  }
});

// [input, words of the token ('+' between), reason]
const MWT: [string, string, string][] = [
  ['اختیارش', 'اختیار+ش', 'possessive clitic ش (the UD example)'],
  ['ممنونممممم', 'ممنون+ممممم', 'a clitic stretched for emphasis is split as typed once (ممنونم = ممنون + م), the stretch kept on it (it stayed whole, its lemma ممنونم, not ممنون)'],
  ['کتابشششش', 'کتاب+شششش', 'likewise the possessive ش stretched'],
  ['خیلیییی', 'خیلیییی', 'trap: a stretched word with no clitic stays whole'],
  ['عاااشقتم', 'عاااشق+ت+م', 'a letter stretched inside the host: split as the form typed once (عاشقتم = عاشق + ت + م), the stretch kept in the host, as iPerUDT writes عاشششق + ش + م (it stayed one word, a PROPN with the lemma عاشقتم)'],
  ['کتاااابم', 'کتااااب+م', 'likewise a possessive after a stretched noun'],
  ['چراااا', 'چراااا', 'trap: a stretched word that typed once has no clitic stays whole'],
  ['کِتاب‌هایَش', `کِتاب${Z}هایَ+ش`, 'a word written with its vowels is split as without them, each mark with its letter (کِتاب‌هایَش stayed one word: a children\'s book, a religious text)'],
  ['اختیارَش', 'اختیارَ+ش', 'likewise with a mark at the seam'],
  ['آرامِش', 'آرامِش', 'trap: a word in ش that is no host + clitic stays whole with its vowels too'],
  ['مَرا', 'مَ+را', 'a word of the exact table with its vowels is split as without them (مَرا stayed one word, tagged ADP, where مرا is م + را)'],
  ['مَرمَرا', 'مَرمَرا', 'trap: a vowelled word not in the table stays whole'],
  ['کتاب‌هایشان', `کتاب${Z}های+شان`, 'plural + clitic شان'],
  ['مرا', 'م+را', 'من + را contraction'],
  ['چیست', 'چی+ست', 'copula ست'],
  ['آرامش', 'آرامش', 'a word ending in ش that is not a clitic'],
  ['می‌روند', `می${Z}روند`, 'a verb ending is not a clitic'],
  ['ساختند', 'ساختند', 'a verb in ند is not split'],
  ['چلوند', 'چلوند', 'the copula ند glued to a host follows a consonant: after the vowel و "they are" is اند (was چلو+ند)'],
  ['معتقدند', 'معتقد+ند', 'after a consonant it is the copula, as the treebanks split it'],
  ['خانه', 'خانه', 'plain noun'],
  ['داده‌ایم', `داده${Z}ایم`, 'a perfect verb: ه‌ا before یم is not the plural ها, so nothing is split off'],
  ['رسیده‌اند', `رسیده${Z}اند`, 'a perfect verb in ‌اند stays one word'],
  ['آماده‌ایم', `آماده${Z}+ایم`, 'a person ending after a nominal host of the treebanks is the copula, though آماده also reads as a participle of آمادن'],
  ['گذشته‌اند', `گذشته${Z}اند`, 'but not after a participle of a verb the treebanks use (گذشتن): a perfect verb'],
  ['مولایمان', 'مولا+یمان', 'after a host in ا the clitic takes a glide ی'],
  ['قهرمانیش', 'قهرمانی+ش', 'after a consonant یش is not a glide possessive: ی belongs to the host'],
  ['کارم', 'کار+م', 'a possessive after a noun of the treebanks, though کارم also reads as a verb (I plant)'],
  ['عمارت', 'عمارت', 'a word written alone more often than its would-be host (the name عمار) is not host + clitic'],
  ['ترم', 'ترم', 'nor ترم (semester) as تر + م'],
  ['جرات', 'جرات', 'a clitic in ا glued to its host follows ه or ی: جرات is not جر + ات'],
  ['بابام', 'بابا+م', 'so بابام is بابا + م, not باب + ام'],
  [`بی${Z}نهایت`, `بی${Z}نهایت`, 'a plural host needs a stem piece of two letters: بی‌نهای is not بی‌ن + های (so no بی‌نهای + ت)'],
  ['دریافتم', 'دریافتم', 'but not م after a past stem: دریافتم is "I received"'],
  ['ناراحتیشان', 'ناراحتی+شان', 'a host in ی made of a known word (ناراحت + ی) takes a possessive though the lexicon lacks it'],
  [`بالغ${Z}تریم`, `بالغ${Z}تر+یم`, 'a comparative of a known adjective is a host (copula یم)'],
  ['باتریش', 'باتری+ش', 'not با + تر + یش: the stem of a comparative host has three letters at least'],
  ['توییت', 'توییت', 'tweet, not تو + یی + ت: a host in یی made of a known word needs a stem of three letters at least, as a comparative does (ParsTwiNER train has توییت 50 times, all split so)'],
  ['دانشجوییت', 'دانشجویی+ت', 'a longer stem still makes the host (دانشجو + یی)'],
  ['امیدم،', 'امید+م+،', 'PerDT scheme (the default): a mark glued to a multi-word token is its last word'],
  ['کتاب،', 'کتاب', 'a mark after a one-word token stays a token of its own'],
  [`نخست${Z}وزیری${Z}اش`, `نخست${Z}وزیری${Z}+اش`, 'a clitic ‌اش set off by a ZWNJ is split even after a host the lexicon does not know'],
  [`ایرانی${Z}ام`, `ایرانی${Z}+ام`, 'after ی a ZWNJ + ام is the copula (no verb ends in ی‌ام)'],
  [`سی${Z}ام`, `سی${Z}ام`, 'but سی‌ام is the ordinal thirtieth'],
  [`رفته${Z}اند`, `رفته${Z}اند`, 'a perfect verb in ه‌اند is not split'],
  [`ببریده${Z}اند`, `ببریده${Z}اند`, 'nor one with the archaic ب before its participle, as poetry writes it (it was ببریده‌ + اند, while نالیده‌اند stayed whole)'],
  [`بگفته${Z}ام`, `بگفته${Z}ام`, 'the same in ‌ام (whole before too, بگفته being no word of the lexicon; now whatever the lexicon lists)'],
];

describe('tokenizer schemes', () => {
  it('the informal scheme (iperudt) splits colloquial clitics the formal default leaves whole', () => {
    const informal = createPipeline({ components: ['normalizer', 'tokenizer'], options: { tokenizer: { scheme: 'iperudt' } } });
    const words = (p: typeof nlp): string => p.process('خونمون').tokens[0]!.words.map((w) => w.form).join('+');
    expect(words(nlp)).toBe('خونمون');
    expect(words(informal)).toBe('خون+مون');
    // formal text keeps its formal splits under the informal scheme too
    expect(informal.process('اختیارش').tokens[0]!.words.map((w) => w.form).join('+')).toBe('اختیار+ش');
  });

  it('the iperudt scheme leaves the ZWNJ between host and clitic out of the words, as iPerUDT does', () => {
    const informal = createPipeline({ components: ['normalizer', 'tokenizer'], options: { tokenizer: { scheme: 'iperudt' } } });
    expect(informal.process(`همه${Z}شون`).tokens[0]!.words.map((w) => w.form)).toEqual(['همه', 'شون']);
    // before the formal possessives iPerUDT keeps it on the host
    expect(informal.process(`گوشی${Z}اش`).tokens[0]!.words.map((w) => w.form)).toEqual([`گوشی${Z}`, 'اش']);
    expect(nlp.process(`زندگی${Z}ام`).tokens[0]!.words.map((w) => w.form)).toEqual([`زندگی${Z}`, 'ام']);
  });

  it('the iperudt scheme splits perfect verbs, object clitics on verbs and the copula ه after ی, as iPerUDT does', () => {
    const informal = createPipeline({ components: ['normalizer', 'tokenizer'], options: { tokenizer: { scheme: 'iperudt' } } });
    const words = (p: typeof nlp, s: string): string => p.process(s).tokens.map((t) => t.words.map((w) => w.form).join('+')).join(' ');
    expect(words(informal, `نشسته${Z}ام`)).toBe('نشسته+ام');
    expect(words(informal, 'ندیدمشون')).toBe('ندیدم+شون');
    expect(words(informal, 'دنیاییه')).toBe('دنیایی+ه');
    expect(words(informal, `خانه${Z}ای`)).toBe(`خانه${Z}ای`); // the indefinite ای is not a person ending
    // a word the lexicon lists with ئی, written یی as the Academy spells it, is no host + clitic: هیات رییسه (رئیسه, the
    // presidium; ParsTwiNER) had been رییس + ه
    expect(words(informal, 'هیات رییسه')).toBe('هیات رییسه');
    expect(words(informal, 'داییش')).toBe('دایی+ش'); // trap: a host in یی with no ئی reading still takes a clitic
    // the formal schemes keep perfect verbs whole
    expect(words(nlp, `نشسته${Z}ام`)).toBe(`نشسته${Z}ام`);
  });

  it('the iperudt scheme splits a determiner written with a ZWNJ before a noun, as iPerUDT does', () => {
    const informal = createPipeline({ components: ['normalizer', 'tokenizer'], options: { tokenizer: { scheme: 'iperudt' } } });
    const words = (p: typeof nlp, s: string): string => p.process(s).tokens.map((t) => t.words.map((w) => w.form).join('+')).join(' ');
    const rows: [string, string, string][] = [
      [`همین${Z}جا`, 'همین+جا', 'determiner + noun: two words, the ZWNJ on neither'],
      [`هیچ${Z}وقت`, 'هیچ+وقت', 'هیچ + noun'],
      [`آن${Z}جایی${Z}ست`, 'آن+جایی+ست', 'the noun keeps its own clitic split'],
      [`این${Z}ها`, `این${Z}ها`, 'the plural is no noun'],
      [`آن${Z}قدر`, `آن${Z}قدر`, 'قدر stays with its determiner'],
      [`آن${Z}چه`, `آن${Z}چه`, 'nor چه'],
      [`یک${Z}شب`, `یک${Z}شب`, 'یک is left out (iPerUDT writes it both ways)'],
      [`فلان${Z}جا`, 'فلان+جا', 'فلان is a determiner like هر and هیچ'],
    ];
    for (const [input, want, reason] of rows) expect(words(informal, input), reason).toBe(want);
    // the formal schemes keep such compounds one word
    expect(words(nlp, `همین${Z}جا`)).toBe(`همین${Z}جا`);
  });

  it('the iperudt scheme ends a quotation, not the sentence, at a terminal mark inside closing quotes or brackets', () => {
    const informal = createPipeline({ components: ['normalizer', 'tokenizer'], options: { tokenizer: { scheme: 'iperudt' } } });
    const count = (p: typeof nlp, s: string): number => p.process(s).sentences.length;
    const rows: [string, number, number, string][] = [
      ['بهش گفتم «پس چرا نیومدی؟» ولی جواب نداد.', 1, 2, 'a question quoted inside a sentence'],
      ['رفتیم دریا (خیلی خوش گذشت!) و برگشتیم.', 1, 2, 'an exclamation in brackets'],
      ['گفت «نمیام». بعد رفت.', 2, 2, 'a mark after the closing quote ends the sentence in every scheme'],
      ['گفت «نمیام.»\nبعد رفت.', 2, 2, 'and so does a line break'],
    ];
    for (const [input, informalCount, formalCount, reason] of rows) {
      expect(count(informal, input), reason).toBe(informalCount);
      expect(count(nlp, input), reason + ' (PerDT)').toBe(formalCount);
    }
  });

  it('the iperudt scheme writes a preverb as a word of its own, as iPerUDT does', () => {
    const informal = createPipeline({ components: ['normalizer', 'tokenizer'], options: { tokenizer: { scheme: 'iperudt' } } });
    const words = (p: typeof nlp, s: string): string => p.process(s).tokens.map((t) => t.words.map((w) => w.form).join('+')).join(' ');
    const rows: [string, string, string][] = [
      [`برمی${Z}گرده`, `بر+می${Z}گرده`, 'preverb + a progressive verb form'],
      ['برگردی', 'بر+گردی', 'preverb + a verb form, the whole no listed word'],
      ['بردم', 'بردم', 'a verb of its own (بردن), not بر + دم: the rest has under four letters'],
      ['برداشت', 'برداشت', 'a listed word (the noun): left whole'],
      ['درباره', 'درباره', 'a preposition: the rest is no verb form'],
    ];
    for (const [input, want, reason] of rows) expect(words(informal, input), reason).toBe(want);
    expect(words(nlp, `برمی${Z}گرده`)).toBe(`برمی${Z}گرده`); // the formal schemes keep it one word
  });

  it('a chain of clitics is split into all its words (informal استادمونم = استاد + مون + م)', () => {
    const informal = createPipeline({ components: ['normalizer', 'tokenizer'], options: { tokenizer: { scheme: 'iperudt' } } });
    expect(informal.process('استادمونم').tokens[0]!.words.map((w) => w.form)).toEqual(['استاد', 'مون', 'م']);
    // only after a pronoun clitic: a verb ending is not a chain (خوندیم is not خو + ند + یم)
    expect(nlp.process('خوندیم').tokens[0]!.words.map((w) => w.form)).toEqual(['خوندیم']);
  });

  it('the iperudt scheme writes a run of ! or ؟ as a token per mark, as iPerUDT does', () => {
    const informal = createPipeline({ components: ['normalizer', 'tokenizer'], options: { tokenizer: { scheme: 'iperudt' } } });
    const toks = (p: typeof nlp, s: string): string => p.process(s).tokens.map((t) => t.text).join(' ');
    const rows: [string, string, string, string][] = [
      ['چرا؟؟ باشه', 'چرا ؟ ؟ باشه', 'چرا ؟؟ باشه', 'a run of ؟ (one ؟ after the normalizer): a token per mark as written'],
      ['آره!!!', 'آره ! ! !', 'آره !!!', 'and of !'],
      ['چی???', 'چی ? ? ?', 'چی ???', 'and of the Latin ?, each read as ؟'],
      ['خب... آره', 'خب ... آره', 'خب ... آره', 'dots stay one token (an ellipsis)'],
      ['واقعا؟!', 'واقعا ؟ !', 'واقعا ؟ !', 'different marks were tokens of their own already'],
    ];
    for (const [input, informalWant, formalWant, reason] of rows) {
      expect(toks(informal, input), reason).toBe(informalWant);
      expect(toks(nlp, input), reason + ' (PerDT: one token)').toBe(formalWant);
    }
    const doc = informal.process('چرا؟؟ باشه');
    expect(doc.sentences.length).toBe(2); // the run still ends one sentence
    expect(doc.tokens.map((t) => t.form)).toEqual(['چرا', '؟', '؟', 'باشه']);
    expect(doc.tokens[1]!.spaceAfter).toBe(false);
  });

  it('the iperudt scheme cuts the words of a multi-word token whose ZWNJs the normalizer changed from the token as written', () => {
    const informal = createPipeline({ components: ['normalizer', 'tokenizer'], options: { tokenizer: { scheme: 'iperudt' } } });
    const rows: [typeof nlp, string, string, string[], string][] = [
      [informal, 'برمیگرده', `برمی${Z}گرده`, ['بر', 'میگرده'], 'the form of the token is normalized, its words are as the blogger wrote them (iPerUDT)'],
      [informal, 'تصویرسازیهاش', `تصویرسازی${Z}هاش`, ['تصویرسازیها', 'ش'], 'a ZWNJ the normalizer put in is not in the word'],
      [informal, `پا${Z}هایش`, 'پاهایش', ['پاهای', 'ش'], 'a ZWNJ after a letter that never joins shows nothing: not in the word either'],
      [nlp, 'کتابهایش', `کتاب${Z}هایش`, [`کتاب${Z}های`, 'ش'], 'the formal schemes keep the normalized words'],
      [informal, 'کتابهایش', `کتاب${Z}هایش`, ['کتابهای', 'ش'], 'where iperudt cuts the token as written'],
      [nlp, 'كتابش', 'کتابش', ['کتاب', 'ش'], 'a letter the normalizer changed (Arabic ك): the normalized words'],
      [informal, `همه${Z}شون`, `همه${Z}شون`, ['همه', 'شون'], 'a token the normalizer left alone: the words of the scheme'],
    ];
    for (const [p, input, form, words, reason] of rows) {
      const t = p.process(input).tokens[0]!;
      expect(t.form, reason).toBe(form);
      expect(t.words.map((w) => w.form), reason).toEqual(words);
    }
  });

  it('the iperudt scheme splits chains the lexicon or a verb reading hid, clitics after the chat plural ا, the glide on the host, infinitive compounds', () => {
    const informal = createPipeline({ components: ['normalizer', 'tokenizer'], options: { tokenizer: { scheme: 'iperudt' } } });
    const words = (s: string): string => informal.process(s).tokens.map((t) => t.words.map((w) => w.form).join('+')).join(' ');
    const rows: [string, string, string][] = [
      ['خودتو', 'خود+ت+و', 'the object marker after a host iPerUDT splits (خودت), though the lexicon lists خودتو'],
      ['دلمه', 'دل+م+ه', 'the copula after a split host (دلم), though the lexicon lists دلمه (the dish)'],
      ['خوابمم', 'خواب+م+م', '"too" after a split host (خوابم), though خوابم also reads as a verb'],
      ['خودشونن', 'خود+شون+ن', 'the copula ن ("they are") after a split host (خودشون)'],
      ['شمارمو', 'شمار+م+و', 'a verb takes no object marker: شمارم before و is a noun with a clitic'],
      ['گوشیو', 'گوشی+و', 'nor before it a noun of the treebanks in ی that also reads as a verb\'s second person (گوشیو was one word; کتابو was split)'],
      ['گوشیرو', 'گوشی+رو', 'the same before رو'],
      ['رفتیو', 'رفتیو', 'a verb in ی that is no noun of the treebanks is left whole'],
      ['پستاتونو', 'پستا+تون+و', 'a pronoun clitic after the chat plural in ا (پستا, from پست)'],
      ['جادوگران', 'جادوگران', 'but not the ending ن after it: a plural in ان, one word'],
      ['خوندیم', 'خوندیم', 'still no chain in a verb ending (not خو + ند + یم)'],
      ['هوایمان', 'هوای+مان', 'the glide ی after a host in ا belongs to the host, as iPerUDT writes it (PerDT: هوا + یمان)'],
      ['گلویش', 'گلوی+ش', 'and after a host in و'],
      [`آبگوشت${Z}خوردن`, 'آبگوشت+خوردن', 'a word + ZWNJ + an infinitive: two words, as iPerUDT writes such compound verbs'],
      [`زمین${Z}خوردن${Z}ها`, `زمین+خوردن${Z}ها`, 'and + the infinitive in the plural'],
      [`می${Z}خوردن`, `می${Z}خوردن`, 'not the progressive prefix می (a verb form)'],
      ['پخت', 'پخت', 'a verb form the lexicon counts more often than its would-be host (پخ) is no host + possessive'],
      ['مردمان', 'مردمان', 'a form formal text writes is no verb + object clitic (not مرد + مان)'],
      ['ندیدمشون', 'ندیدم+شون', 'a verb + object clitic formal text never writes is still split'],
      ['گوشیم', 'گوشی+م', 'م after a nominal host that also reads as a verb, a whole formal text never writes: split'],
      ['قیمتا', 'قیمتا', 'the classifier تا, a word of its own, splits only after a host iPerUDT shows before it, a determiner or a number: قیمتا is the chat plural of قیمت (it was قیم + تا)'],
      ['دستا', 'دستا', 'nor دس + تا'],
      ['چندتا', 'چند+تا', 'a host iPerUDT shows before تا'],
      ['سه‌تا', 'سه+تا', 'a number before تا'],
      ['اونطوری', 'اون+طوری', 'a determiner before طوری'],
    ];
    for (const [input, want, reason] of rows) expect(words(input), reason).toBe(want);
    // the formal scheme keeps them whole
    expect(nlp.process('خودتو').tokens[0]!.words.map((w) => w.form)).toEqual(['خودتو']);
    expect(nlp.process('هوایمان').tokens[0]!.words.map((w) => w.form)).toEqual(['هوا', 'یمان']); // PerDT's glide
    expect(nlp.process(`آبگوشت${Z}خوردن`).tokens[0]!.words.length).toBe(1); // PerDT keeps a compound one word
  });

  it('the seraji scheme keeps a mark glued to a multi-word token a token of its own', () => {
    const seraji = createPipeline({ components: ['normalizer', 'tokenizer'], options: { tokenizer: { scheme: 'seraji' } } });
    expect(seraji.process('امیدم، ما').tokens.map((t) => t.words.map((w) => w.form).join('+'))).toEqual(['امید+م', '،', 'ما']);
    // and drops the ZWNJ before ات (خاطره‌ات = خاطره + ات), as Seraji does
    expect(seraji.process(`خاطره${Z}ات`).tokens[0]!.words.map((w) => w.form)).toEqual(['خاطره', 'ات']);
    expect(nlp.process('امیدم، ما').tokens.map((t) => t.words.map((w) => w.form).join('+'))).toEqual(['امید+م+،', 'ما']);
  });

  it('an unknown scheme is a typed error', () => {
    expect(() => createPipeline({ components: ['tokenizer'], options: { tokenizer: { scheme: 'x' } } })).toThrow(/E_BAD_OPTION/);
  });
});

// [the mwt resource handed to createPipeline, why]: each threw a bare TypeError ("Cannot convert undefined or null to
// object", "Cannot read properties of undefined") before; a mwt.json of the wrong shape is now E_RESOURCE_CORRUPT
const BAD_MWT: [unknown, string][] = [
  [{}, 'a JSON object without its fields'],
  [[], 'a JSON array'],
  [{ split: null, keep: [], clitics: [] }, 'split is null (a byte flipped inside a key of mwt.json leaves valid JSON)'],
  [{ split: {}, keep: {}, clitics: [] }, 'keep is no array'],
  [{ split: {}, keep: [] }, 'clitics missing'],
];

describe('a bad multi-word token resource is a typed error', () => {
  it.each(BAD_MWT)('%j (%s)', (mwt) => {
    expect(() => createPipeline({ components: ['tokenizer'], resources: { mwt: mwt as never } })).toThrowError(expect.objectContaining({ code: 'E_RESOURCE_CORRUPT' }) as Error);
  });
});

describe('multi-word tokens (UD clitic splits)', () => {
  for (const [input, expected, reason] of MWT) {
    it(`${reason}: ${input}`, () => {
      const t = nlp.process(input).tokens[0]!;
      expect(t.words.map((w) => w.form).join('+')).toBe(expected);
      expect(t.words.map((w) => w.form).join('')).toBe(t.form); // parts concatenate back to the token
    });
  }

  it('a verb written glued that the half-space model reads as می + verb is not split (chat: میگم is not میگ + م)', () => {
    // the tokenizer alone sees the glued words
    const tok = createPipeline({ components: ['tokenizer'] });
    const words = (p: typeof nlp, s: string): string[] => p.process(s).tokens.map((t) => t.words.map((w) => w.form).join('+'));
    expect(words(tok, 'میگم')).toEqual(['میگم']);
    expect(words(tok, 'میشم')).toEqual(['میشم']);
    expect(words(tok, 'میهنم')).toEqual(['میهن+م']); // a noun in می with a possessive still is
    // after the normalizer, which gives chat's verbs their ZWNJ even in a line that writes its ZWNJs
    expect(words(nlp, `کتاب${Z}ها میگم`)).toEqual([`کتاب${Z}ها`, `می${Z}گم`]);
    expect(words(nlp, `کتاب${Z}ها میهنم`)).toEqual([`کتاب${Z}ها`, 'میهن+م']);
  });
});

const persianish = fc.string({
  unit: fc.constantFrom(...'ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیيكةۀأإآء ‌‌  .،؛؟!«»()"\n0123456789۰۱۲۳abcXYZ-_:/@#😀\u0640\u064E\u200F'.split('')),
  maxLength: 120,
});
const anyString = fc.string({ unit: 'binary', maxLength: 200 });

/** doc.text is the input, and the tokens are spans of it in order, none empty, none overlapping another */
function expectTokenSpans(doc: ReturnType<typeof nlp.process>, input: string): void {
  expect(doc.text).toBe(input);
  let last = 0;
  for (const t of doc.tokens) {
    expect(input.slice(t.start, t.end)).toBe(t.text);
    expect(t.start).toBeGreaterThanOrEqual(last);
    expect(t.end).toBeGreaterThan(t.start);
    last = t.end;
    expect(t.words.length).toBeGreaterThan(0);
  }
}

describe('tokens never overlap', () => {
  // found by the property test below: the presentation form ﳲ (U+FCF2, shadda with fatha, medial) becomes two marks
  // (ـَّ without its kashida), which the scanner took for two tokens over the same unit of the input
  const rows: [string, string][] = [
    ['\ufcf2', 'a presentation form that the normalizer turns into two marks'],
    ['سلام \ufcf2 کتاب', 'the same between words'],
    ['کتاب\ufc5eها', 'a shadda ligature inside a word'],
  ];
  it.each(rows)('%s (%s)', (input) => expectTokenSpans(nlp.process(input), input));
});

describe('invisible marks at a token\'s edge are no part of it', () => {
  const withNer = createPipeline({ components: ['normalizer', 'tokenizer', 'ner'] });
  // [input, the tokens' text as [start,end] slices of the input ('|' between tokens), SpaceAfter=No tokens, reason]
  const rows: [string, string, string, string][] = [
    ['\ufeffسلام دنیا', 'سلام|دنیا', '', 'a BOM starting a file: the first token was \ufeffسلام'],
    ['\u200fحسن روحانی\u200f گفت.', 'حسن|روحانی|گفت|.', 'گفت', 'an RLM before and after words (text copied from Telegram): they were inside حسن and روحانی; روحانی still has a space after it'],
    ['گفت \u200eعلی\u200e رفت', 'گفت|علی|رفت', '', 'LRMs likewise'],
    ['\u2067علی\u2069 و \u202bرضا\u202c آمدند', 'علی|و|رضا|آمدند', '', 'bidi isolates and embeddings likewise'],
    ['من\u061c رفتم', 'من|رفتم', '', 'an ALM after a word likewise'],
    ['سلام\u200f،\u200f دنیا', 'سلام|،|دنیا', 'سلام', 'around a mark: ، has a space after it, past the RLM'],
    ['کتاب\u200cها را دید', `کتاب${Z}ها|را|دید`, '', 'inside a word nothing changes (a ZWNJ)'],
    ['می\u200fخواهم بروم', 'می\u200fخواهم|بروم', '', 'an RLM typed for a half-space inside a word (which the normalizer makes a ZWNJ) stays inside the token'],
    ['\u200f', '', '', 'marks alone are no token'],
    ['گفت \u2060 و رفت', 'گفت|و|رفت', '', 'nor is a word joiner alone (U+2060, zero-width like the BOM): it was a token of its own'],
  ];
  it.each(rows)('%j → %j (SpaceAfter=No: %j; %s)', (input, want, noSpace) => {
    for (const doc of [nlp.process(input), withNer.process(input)]) {
      expectTokenSpans(doc, input);
      expect(doc.tokens.map((t) => t.text).join('|')).toBe(want);
      expect(doc.tokens.filter((t) => !t.spaceAfter && t.end < input.length).map((t) => t.text).join('|')).toBe(noSpace);
    }
    expect(withNer.process(input).entities!.every((e) => !/[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069\ufeff]/.test(e.text))).toBe(true);
  });
  it('the same with the tokenizer alone (no normalizer), and the entity is the name alone', () => {
    expect(tokenize('\ufeff\u200fحسن روحانی\u200f گفت').tokens.map((t) => [t.text, t.start, t.end, t.spaceAfter])).toEqual([
      ['حسن', 2, 5, true],
      ['روحانی', 6, 12, true],
      ['گفت', 14, 17, true],
    ]);
    expect(withNer.process('\u200fحسن روحانی\u200f به پاریس رفت.').entities!.map((e) => [e.text, e.start, e.end])).toEqual([
      ['حسن روحانی', 1, 11],
      ['پاریس', 16, 21],
    ]);
  });
});

describe('document invariants (property tests)', () => {
  const informal = createPipeline({ components: ['normalizer', 'tokenizer'], options: { tokenizer: { scheme: 'iperudt' } } });
  it('doc.text === input, and every token slices back to its text, in order and without overlap (both MWT schemes)', () => {
    fc.assert(
      fc.property(fc.oneof(persianish, anyString), fc.boolean(), (input, useInformal) => {
        const doc = (useInformal ? informal : nlp).process(input);
        // the syntactic words of a token concatenate back to its form
        // (iPerUDT leaves the ZWNJ between host and clitic out of the words: انرژی‌شان = انرژی + شان)
        const noZ = (x: string): string => x.replaceAll('\u200c', '');
        for (const t of doc.tokens) {
          if (t.words.length < 2) continue;
          const joined = t.words.map((w) => w.form).join('');
          if (useInformal) expect(noZ(joined)).toBe(noZ(t.form));
          else expect(joined).toBe(t.form);
        }
        expectTokenSpans(doc, input);
        for (const s of doc.sentences) expect(input.slice(s.start, s.end)).toBe(s.text);
      }),
      { numRuns: 300 },
    );
  });

  it('no token starts or ends with a space or a line break, markup and code included', () => {
    const pieces = fc.constantFrom('<a href="x y">', '</a>', '<br/>', '```', '`کد  تست`', 'const  x = 1;', 'سلام', 'کتاب‌ها', ' ', '  ', '\n', '\t', '@user', '#تگ', 'https://x.com/a b', ':)');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 25 }), (parts) => {
        const input = parts.join('');
        const doc = nlp.process(input);
        expectTokenSpans(doc, input);
        for (const t of doc.tokens) expect(/^\s|\s$/.test(t.text), JSON.stringify(t.text)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('no non-space character of the input is left outside every token', () => {
    fc.assert(
      fc.property(persianish, (input) => {
        const doc = nlp.process(input);
        const covered = new Uint8Array(input.length);
        for (const t of doc.tokens) covered.fill(1, t.start, t.end);
        for (let i = 0; i < input.length; i++) {
          if (!covered[i] && !/\s/.test(input[i]!)) {
            // only invisible marks the normalizer removed (a zero-width space among them), and bidi marks and a BOM at a
            // token's edge, are outside every token
            expect(/[\u200b\u200c\u200d\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069\ufeff\u0640]/.test(input[i]!)).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('word ids run 1..n in every sentence', () => {
    fc.assert(
      fc.property(persianish, (input) => {
        for (const s of nlp.process(input).sentences) expect(s.words.map((w) => w.id)).toEqual(s.words.map((_, i) => i + 1));
      }),
      { numRuns: 200 },
    );
  });

  it('streaming in random chunks gives exactly the sentences of the whole text', () => {
    fc.assert(
      fc.property(persianish, fc.array(fc.nat({ max: 130 }), { maxLength: 6 }), (input, cuts) => {
        const whole = nlp.process(input).sentences.map((s) => JSON.stringify(s));
        const stream = createSentenceStream(nlp);
        const got: string[] = [];
        const points = [...new Set(cuts.map((c) => Math.min(c, input.length)))].sort((a, b) => a - b);
        let prev = 0;
        for (const p of [...points, input.length]) {
          for (const s of stream.push(input.slice(prev, p))) got.push(JSON.stringify(s));
          prev = p;
        }
        for (const s of stream.end()) got.push(JSON.stringify(s));
        expect(got).toEqual(whole);
      }),
      { numRuns: 200 },
    );
  });

  it('streaming equals whole also around code fences (``` and ~~~, indented, longer closing runs, CR and U+2028 line ends)', () => {
    // the stream cuts only outside fenced blocks as the protection step reads them: ``````\n is an open block (six
    // backticks need six to close), not an opening and a closing fence
    const fenceish = fc.array(fc.constantFrom('`', '```', '````', '~~~', '~', ' ', '   ', '\n', '\r', '\r\n', '\u2028', 'ا', 'ب.', 'x '), { maxLength: 24 }).map((a) => a.join(''));
    fc.assert(
      fc.property(fenceish, fc.array(fc.nat({ max: 60 }), { maxLength: 4 }), (input, cuts) => {
        const whole = nlp.process(input).sentences.map((s) => JSON.stringify(s));
        const stream = createSentenceStream(nlp);
        const got: string[] = [];
        let prev = 0;
        for (const p of [...[...new Set(cuts.map((c) => Math.min(c, input.length)))].sort((a, b) => a - b), input.length]) {
          for (const s of stream.push(input.slice(prev, p))) got.push(JSON.stringify(s));
          prev = p;
        }
        for (const s of stream.end()) got.push(JSON.stringify(s));
        expect(got).toEqual(whole);
      }),
      { numRuns: 500, examples: [['``````\n ', [1]], ['ا```\n \n```\n`', [1]]] },
    );
  });

  it('streaming equals whole on an over-long line with ~~~ in it: no forced cut falls right before a fence-like run', () => {
    // (a piece is analysed from its first unit as from a line start: cut right before ~~~, the stream read a code fence
    // the whole line does not have, and gave 3 sentences where process() gives 4; found by the pieces property tests)
    const input = 'x ' + '~~~ کتاب :) '.repeat(20000);
    const whole = nlp.process(input).sentences.map((s) => [s.start, s.end]);
    const stream = createSentenceStream(nlp);
    const got: number[][] = [];
    for (let i = 0; i < input.length; i += 100_000) for (const s of stream.push(input.slice(i, i + 100_000))) got.push([s.start, s.end]);
    for (const s of stream.end()) got.push([s.start, s.end]);
    expect(got).toEqual(whole);
    expect(whole.length).toBe(4);
    // no forced cut leaves ~~~ at the start of a piece
    for (const c of forcedCuts(input)) expect(input.slice(c).trimStart().startsWith('~~~')).toBe(false);
  });

  it('tokenize() without a normalizer keeps forms as written', () => {
    const doc = tokenize('دانشآموزان آمدند');
    expect(doc.tokens.map((t) => t.form)).toEqual(['دانشآموزان', 'آمدند']);
  });

  it('without a normalizer, URLs, e-mails, @mentions and #hashtags are still one token each', () => {
    const text = 'ببینید https://example.com/a?b=1 و info@test.ir از @ali_reza #کتاب_خوانی';
    const want = ['ببینید', 'https://example.com/a?b=1', 'و', 'info@test.ir', 'از', '@ali_reza', '#کتاب_خوانی'];
    expect(tokenize(text).tokens.map((t) => t.form)).toEqual(want);
    expect(createPipeline({ components: ['tokenizer'] }).process(text).tokens.map((t) => t.form)).toEqual(want);
  });
});

describe('lines too long to analyse at once are cut (MAX_SEGMENT), the same way whole and streamed', () => {
  it('a line of sentences is cut after a sentence end: the sentences are those of the uncut text', () => {
    const sentence = 'من کتاب‌ها را خواندم.';
    const text = (sentence + ' ').repeat(10_000);
    expect(text.length).toBeGreaterThan(3 * MAX_SEGMENT);
    const cuts = forcedCuts(text);
    expect(cuts.length).toBeGreaterThanOrEqual(3);
    for (const c of cuts) expect(text.slice(c - 2, c)).toBe('. ');
    const doc = nlp.process(text);
    expect(doc.text).toBe(text);
    expect(doc.sentences.length).toBe(10_000);
    expect(doc.sentences.every((s, i) => s.text === sentence && s.id === String(i + 1))).toBe(true);
  });
  it('streamed in chunks of any size equals whole, for long lines of words, marks and text without a space', () => {
    // (each a little over MAX_SEGMENT, 65,536 units, so that process() cuts it by force once or twice: twice as long,
    // the row took 28.5 s alone; a chunk of 100,000 units holds a whole line)
    const texts = [
      ('کتاب را خواندم و رفتم ').repeat(4_000) + '\nسلام.',
      '«'.repeat(140_000),
      'ا'.repeat(80_000) + ' ب',
      'x\uD83D\uDE00'.repeat(30_000),
      '```\n' + 'کد '.repeat(25_000) + '\n```\n' + 'متن '.repeat(20_000),
    ];
    expect(texts.map((t) => forcedCuts(t).length)).toEqual([1, 2, 0, 1, 1]);
    for (const text of texts) {
      const whole = nlp.process(text).sentences.map((s) => JSON.stringify(s));
      for (const size of [4093, 65_536, 100_000]) {
        const stream = createSentenceStream(nlp);
        const got: string[] = [];
        for (let a = 0; a < text.length; a += size) for (const s of stream.push(text.slice(a, a + size))) got.push(JSON.stringify(s));
        for (const s of stream.end()) got.push(JSON.stringify(s));
        expect(got).toEqual(whole);
      }
    }
  });
  it('a run of marks is cut between two of them, one long word is never cut', () => {
    expect(forcedCuts('«'.repeat(200_000)).length).toBe(3);
    expect(nlp.process('«'.repeat(200_000)).tokens.length).toBe(200_000);
    expect(forcedCuts('ا'.repeat(150_000) + ' ب')).toEqual([]);
  });
  it('a 4 MB word streamed in 16k chunks is one token (the buffered chunks are not copied on every push)', () => {
    const stream = createSentenceStream(nlp);
    const word = 'کتاب'.repeat(1_000_000);
    const out: number[] = [];
    for (let a = 0; a < word.length; a += 16_384) for (const s of stream.push(word.slice(a, a + 16_384))) out.push(s.tokens.length);
    for (const s of stream.end()) out.push(s.tokens.length);
    expect(out).toEqual([1]);
  });
  it('a cut never splits a surrogate pair; text inside a ``` fence is never cut', () => {
    const emoji = '\uD83D\uDE00'.repeat(MAX_SEGMENT);
    for (const c of forcedCuts(emoji)) expect(c % 2).toBe(0);
    expect(forcedCuts('```' + 'ک'.repeat(3 * MAX_SEGMENT))).toEqual([]);
    expect(forcedCuts('ک'.repeat(MAX_SEGMENT - 1))).toEqual([]);
  });
});

describe('processPieces: the analysis of process() in bounded pieces', () => {
  const line = ('من کتاب‌ها را خواندم. ').repeat(8_000);
  const parsed = createPipeline({ components: ['normalizer', 'tokenizer', 'tagger', 'lemmatizer', 'parser'], scheme: 'auto' });
  const withNer = createPipeline({ components: ['normalizer', 'tokenizer', 'ner'] });
  // [why, pipeline, the pipeline, text, the least number of pieces]
  const rows: [string, string, ReturnType<typeof createPipeline>, string, number][] = [
    ['one line of 168k units: cut where process() cuts it (after sentence ends)', 'normalizer+tokenizer', nlp, line, 3],
    ['many short lines: cut at line breaks', 'normalizer+tokenizer', nlp, 'سلام دنیا.\n'.repeat(20_000), 3],
    ['lines starting with U+FEFF: a piece starting after a line break drops it from its normalized text, as the whole text does (only the text\'s first is kept)', 'normalizer+tokenizer', nlp, '\ufeffسلام دنیا.\n'.repeat(20_000), 3],
    ['one long word is never cut (one token)', 'normalizer+tokenizer', nlp, 'ک'.repeat(3 * MAX_SEGMENT), 1],
    ['a run of marks is cut between two of them', 'normalizer+tokenizer', nlp, '«'.repeat(200_000), 3],
    ['a piece holding a line cut by force and the lines after it is tokenized between its forced cuts, as process() tokenizes it (the cut between : and ) of two emoticons is kept)', 'normalizer+tokenizer', nlp, 'سلام\n' + ':)'.repeat(40_000) + '\nسلام', 2],
    ['text inside a code fence is not cut', 'normalizer+tokenizer', nlp, '```\n' + 'کد '.repeat(40_000) + '\n```\n' + 'متن '.repeat(40_000), 1],
    ['without a normalizer', 'tokenizer', createPipeline({ components: ['tokenizer'] }), line, 3],
    ['a formal line and a colloquial one: each analysed in its register, in pieces', 'parsed, scheme auto', parsed, line.slice(0, 100_000) + '\nیه کتاب میخوام که خیلی خوبه. ' + 'اونا رفتن خونه. '.repeat(5_000), 3],
    ['entities: offsets into the whole text, sentence indexes into the piece', 'ner', withNer, ('علی به تهران رفت. ').repeat(9_000), 3],
    ['a short text is one piece: process(text)', 'short', parsed, 'او به خانه رفت.', 1],
    ['the empty text is one empty piece', 'empty', parsed, '', 1],
  ];
  it.each(rows)('%s (%s)', (_why, _name, p, text, least) => {
    const whole = p.process(text);
    const docs = [...p.processPieces(text)];
    expect(docs.length).toBeGreaterThanOrEqual(least);
    expect(docs.every((d) => d.text === text)).toBe(true);
    expect(docs.flatMap((d) => d.sentences.map((s) => JSON.stringify(s)))).toEqual(whole.sentences.map((s) => JSON.stringify(s)));
    expect(docs.flatMap((d) => d.sentences.map((s) => s.words.map((w) => `${w.lemma}/${w.upos}/${w.head}/${w.deprel}`).join(' ')))).toEqual(whole.sentences.map((s) => s.words.map((w) => `${w.lemma}/${w.upos}/${w.head}/${w.deprel}`).join(' ')));
    expect(docs.map((d) => d.normalized).join('')).toBe(whole.normalized);
    if (whole.entities) {
      let k = 0;
      const got = docs.flatMap((d) => {
        const e = (d.entities ?? []).map((x) => ({ ...x, sentence: x.sentence + k }));
        k += d.sentences.length;
        return e;
      });
      expect(got).toEqual(whole.entities);
      expect(got.length).toBeGreaterThan(0);
    }
  });
  it('a pipeline with a document-level annotator (spell: counts over the document) is one piece', () => {
    const p = createPipeline({ components: ['normalizer', 'tokenizer', 'spell'] });
    const docs = [...p.processPieces(line)];
    expect(docs.length).toBe(1);
    expect(JSON.stringify(docs[0])).toBe(JSON.stringify(p.process(line)));
  });
  it('a method taken off the pipeline works (it read this.process: a TypeError for a short text)', () => {
    for (const p of [nlp, parsed]) {
      const { processPieces } = p;
      expect([...processPieces('او به خانه رفت.')].map((d) => d.tokens.length)).toEqual([5]);
    }
  });
  it('a non-string is E_BAD_INPUT, as for process', () => {
    expect(() => [...parsed.processPieces(null as never)]).toThrow(/E_BAD_INPUT/);
    expect(() => [...nlp.processPieces(42 as never)]).toThrow(/E_BAD_INPUT/);
  });
});

describe('pathological inputs finish (linear-time paths)', () => {
  it('1 MB without a space, 100k ZWNJs, 10k unclosed «, a 300k-line text', () => {
    expect(nlp.process('ا'.repeat(1_000_000)).tokens.length).toBe(1);
    expect(nlp.process('\u200c'.repeat(100_000)).tokens.length).toBe(0);
    expect(nlp.process('«'.repeat(10_000)).tokens.length).toBe(10_000);
    expect(nlp.process('سلام\n'.repeat(300_000)).sentences.length).toBe(300_000);
  });
  it('the iperudt scheme: a token of 100k determiners or preverbs is one word (its rules read word-length forms only)', () => {
    // (the determiner rule splits the rest of its token in turn: on "همین‌" a hundred thousand times over it overflowed
    // the stack)
    const informal = createPipeline({ components: ['normalizer', 'tokenizer'], options: { tokenizer: { scheme: 'iperudt' } } });
    for (const unit of [`همین${Z}`, 'بر', `این${Z}بر`]) {
      const doc = informal.process(unit.repeat(100_000) + 'جا');
      expect(doc.tokens.length, unit).toBe(1);
      expect(doc.words.length, unit).toBe(1);
    }
  });
  it('sentences of over 10,000 words with the beam-search parser: one tree each (beyond 1,000 words parsed greedily)', () => {
    // (beam search copies an O(n) state per item and step: a 16,000-word sentence took 5 s, one of 60,000 minutes)
    const words = ['کتاب', 'خوب', 'را', 'او', 'دید', 'و', 'به', 'خانه', 'رفت', 'که'];
    const text = Array.from({ length: 60_000 }, (_, i) => words[(i * 7) % words.length]).join(' ');
    const doc = createPipeline({ components: ['tokenizer', 'tagger', 'parser'], options: { parser: { beam: 4 } } }).process(text);
    expect(doc.words.length).toBe(60_000);
    expect(Math.max(...doc.sentences.map((s) => s.words.length))).toBeGreaterThan(10_000);
    for (const s of doc.sentences) expect(s.words.filter((w) => w.head === 0).length).toBe(1);
  });
  it('one long line of sentences through the spelling checker, alone and as a pipeline component: linear growth', () => {
    // (each unknown word's repetition count searched for the next line break once per token, and under register 'auto'
    // the pipeline, which checks sentence by sentence against the whole text, found and counted the line again for each
    // sentence: quadratic in the line's length — 500k units took 72 s as a component, 1 MB alone several seconds)
    // This row checked 600k units (20,000 sentences) against the test's timeout: 24 s alone, over 60 s at load 10+.
    // Now the growth: one unknown word, then n sentences of few tokens and many units on the same line (the quadratic
    // paths scan the line once per token or sentence; the suggestions of an unknown word, ~0.5 ms each, stay out of the
    // time), CPU time of n = 600 against 2,400 sentences (30k and 118k units): ratio 4.4, 1.2 s of CPU in all; with the
    // per-sentence line search put back (scratch, not committed) 10.2.
    const spellPipe = createPipeline({ components: ['tokenizer', 'spell'], options: { spell: { register: 'auto' } } });
    const lineOf = (n: number): string => 'این مدرصه است. ' + 'این ۱۲۳۴۵۶۷۸۹۰۱۲۳۴۵۶۷۸۹۰۱۲۳۴۵۶۷۸۹۰۱۲۳۴۵۶۷۸۹۰ است. '.repeat(n);
    const g = growth((n) => {
      const line = lineOf(n);
      expect(checkSpelling(line, { register: 'auto' }).length).toBe(1);
      expect(spellPipe.process(line).spelling!.length).toBe(1);
    }, 600);
    expect(g.ratio, `CPU ms ${g.small.toFixed(0)} → ${g.large.toFixed(0)} for 4× the line`).toBeLessThan(MAX_RATIO);
    // (both read the repetition sentence by sentence: one across sentences counts only against a weak correction, and
    // مدرصه's is strong, so every one is reported, alone and as a component alike)
    const line = 'این یک جمله است که مدرصه دارد. '.repeat(200);
    const alone = checkSpelling(line, { register: 'auto' });
    expect(alone.length).toBe(200);
    const doc = spellPipe.process(line);
    expect(doc.sentences.length).toBe(200);
    expect(doc.spelling!.map((i) => [i.start, i.end, i.suggestions[0]!.text])).toEqual(alone.map((i) => [i.start, i.end, i.suggestions[0]!.text]));
  });
  it('a 1 MB word through every model and the spelling checker: left as written, in linear time and memory', () => {
    // (each step that copied the word per candidate — lemma stems, parser feature spellings, spelling keys — made a
    // 10 MB word cost 2 GB of memory; such a word is no word, so it is left alone)
    const word = 'کتاب'.repeat(250_000);
    const all = createPipeline({ components: availableComponents().filter((c) => c !== 'spell') });
    const doc = all.process(word);
    expect(doc.words.length).toBe(1);
    expect(doc.words[0]!.lemma).toBe(word);
    expect(doc.words[0]!.head).toBe(0);
    expect(checkSpelling(`او ${word} رفت`)).toEqual([]);
    expect(getSpellChecker().isKnown(word)).toBe(false);
    expect(getSpellChecker().suggest(word)).toEqual([]);
  });
});
