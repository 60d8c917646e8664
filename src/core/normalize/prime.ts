/**
 * A short text that takes (nearly) every branch of the normalization steps: letters, presentation forms, kashida,
 * diacritics, digits in three systems, numbers, punctuation, quotes, BOMs, protected spans of every kind, spacing
 * around marks and brackets, ZWNJ gaps, half-space cuts and joins, careful lines, line breaks of several kinds.
 *
 * A normalizer runs it once under a few option sets after its first megabyte or so (see index.ts), and the half-space
 * step runs its words through the word analysis after the first 200 new words (primeWords in halfspace.ts). Nothing
 * is kept but V8's type feedback (and a few words in the half-space memo, which caches pure results): without it, optimized code
 * built on text of one kind (e.g. news without digits) is thrown away at the first unit of another kind and rebuilt,
 * several times per step, which cost more than the steps themselves on the first megabyte of new text.
 */
export const PRIME_TEXT = [
  'به گزارش خبرگزاري، دانشآموزان ميخواهند از نرم افزارهای تازهای برای پیشبینی نتایج استفاده كنند.',
  'وزیر روز دوشنبه گفت:امروز بیش از 1200 مدرسه ( در سراسر کشور ) به اینترنت وصل شده اند ؛اما 3.14 و 1,000 و ۱۴۰۲/۰۵/۱۲ و ٢٣ و 1.2.3 و mp3 و v.2 و 12:30',
  '"سلام" گفت و رفت ... ، ، ؟؟ ! ! ه.ق. ۲۰ام ۳مین ۵امین :) ;) ۲۰کیلو کیلو۲۰ (متن)بعد «نقل»قول [یک] {دو} “سه” ! ؟',
  'نشانی https://example.com/a_(b), و www.test.ir. و a.b@mail.com و x%www.a.b@c.d و @user و #تگ_خوب و #تگv1.2 و C# و `code` و ``a`b`` <b>متن</b> &amp; &#123; &#x1F; [پیوند](http://x.y/(z))',
  'ﻧﺎﻡ ﷲ ﹰ ﹱ ﻻ ﺑﹷ کتـــاب ـها سلامٌ کتابِ aَ کتاب‌‌ها خانهٔ من آن‌ها بزرگ‌تر می‌شود کتاب‌ ها ‌کتاب \ufeffسلام سل\ufeffام a\ufeffb ،\ufeffکه',
  '\tتب   فاصله\u00a0ها  😀\u200cسلام ک\u200d\u200cی Hello, world! e.g. don\'t COVID-19 U.S. "quote" ۳abc abc۳ ٣,٤ 10,000,000 ١٢٣',
  '```',
  'x = 1;',
  '```',
  'برنمیگردد بیکار کتابها بزرگترین خانهای میروند نمیشود دانشگاهها آنها بهتر پیشبینیها کتاب های خوب می شود نمی خواهد خانه ای است رفته اند',
  'این کتاب‌ها را می خواهند و دانش آموزان ، کتابخانه‌ای دارند .\r\nسطر\u2028دیگر\rسوم\u000bچهارم ۱۲۳ ‌ ‌ ‌',
  '  تورفتگی و ‌ پایان ‌',
  '۱۲ کتاب و 12 book و ۱۲-ب و ب-۱۲ و 12.ما و "(نقل) قول" و "۱۲سلام" او رفت.سپس آمد و آبرسان وبگاه فرضهای پیش بینیها ۱۲\u200cکتاب او\u200cرفت',
  'کتاب‌ها را میرفتند و نمیخواهد و برمیگردد و میرم و آب‌بند',
  // (a word with a diacritic before other letters; unknown long words with the Arabic article glued; strong compound
  // heads; words that begin like a pronoun + ها)
  'مُعلّمان عرفاتالعاشقین دارالفنونی بیتالمقدسی عبدالکریمی نایبالسلطنه هاشم بانی الله آنچه اینکه آنهایی آنهاست حرفهام',
].join('\n');
