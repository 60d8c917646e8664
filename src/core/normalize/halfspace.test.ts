import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createNormalizer } from './index.js';
import { decodeHalfSpace, encodeHalfSpace, HalfSpaceModel, numberCompoundRest } from './halfspace-model.js';
import { DabirError } from '../errors.js';

const bytes = readFileSync(new URL('../../../data/halfspace.bin', import.meta.url));
const model = HalfSpaceModel.fromBytes(bytes);
const nz = createNormalizer({ halfSpace: model });
const Z = '\u200c';

// [input, expected, reason]
const CASES: [string, string, string][] = [
  ['به گزارش خبرگزاری، دانشآموزان میخواهند از نرم افزارهای تازهای برای پیشبینی نتایج استفاده کنند.',
    `به گزارش خبرگزاری، دانش${Z}آموزان می${Z}خواهند از نرم${Z}افزارهای تازه${Z}ای برای پیش${Z}بینی نتایج استفاده کنند.`,
    'the news-wire example of the issue: run-together and spaced half-spaces mixed'],
  ['میشود', `می${Z}شود`, 'verb prefix می run together'],
  ['سیاستهای', `سیاست${Z}های`, 'plural های run together'],
  ['دانشآموزان', `دانش${Z}آموزان`, 'compound run together'],
  ['تصمیمگیریها', `تصمیم${Z}گیری${Z}ها`, 'compound plus plural: two ZWNJs'],
  ['خانهای', `خانه${Z}ای`, 'indefinite ای after ه'],
  ['گلخانهمان و روزنامهتان و دغدغهمان', `گلخانه${Z}مان و روزنامه${Z}تان و دغدغه${Z}مان`, 'an established word in a silent ه + مان / تان / شان glued, a word the text never shows: the clitic takes its ZWNJ (the text writes 53 of 56 such word types so; the cut search had left them glued)'],
  ['بحثشان و کمکتان و والدینشان و غذایتان', 'بحثشان و کمکتان و والدینشان و غذایتان', 'a lexicon\'s form of a word not in ه or ی + a clitic with a ZWNJ (بحث‌شان) is not taken: the text glues these (594 word types glued, 6 with a ZWNJ), and after the glide ی of ای / وی always (were بحث‌شان, کمک‌تان, والدین‌شان, غذای‌تان)'],
  ['شخصیتان', `شخصی${Z}تان`, 'trap: after a ی that ends a word the lexicons\' form still stands (the text writes both)'],
  ['مهمان و میهمان و تنبیهمان', 'مهمان و میهمان و تنبیهمان', 'trap: not after a host of two letters (مه), an unknown one (میه) or a pronounced ه (تنبیه)'],
  ['کتابهایشان', `کتاب${Z}هایشان`, 'plural plus possessive clitic'],
  ['رسانههاست', `رسانه${Z}هاست`, 'plural plus copula'],
  ['رئیسجمهور', `رئیس${Z}جمهور`, 'compound from the brief'],
  ['همکاریهای', `همکاری${Z}های`, 'plural after ی'],
  ['انگشتشمار', `انگشت${Z}شمار`, 'a compound only the lexicons know, written with a ZWNJ in two of them'],
  ['افیونخوری و خزعبلگویی در غروبگاه', `افیون${Z}خوری و خزعبل${Z}گویی در غروب${Z}گاه`, 'compounds the text never shows that shekar and hazm write with a ZWNJ (hazm lists them without a tag, which counted for nothing before)'],
  ['امام جمعه شهر', 'امام جمعه شهر', 'trap: a pair the text writes apart with the ezafe هٔ (امام جمعهٔ, 8 times) is not joined for a single sighting with a ZWNJ'],
  ['آبدیده', 'آبدیده', 'a compound the lexicons write with a ZWNJ but hazm also lists glued stays as written'],
  ['میتوانیم', `می${Z}توانیم`, 'verb from the brief'],
  ['می شود', `می${Z}شود`, 'spaced verb prefix'],
  ['سیاست های', `سیاست${Z}های`, 'spaced plural'],
  ['نرم افزار', `نرم${Z}افزار`, 'spaced compound'],
  ['کتاب هایش', `کتاب${Z}هایش`, 'spaced plural with clitic'],
  ['برمی گردد', `برمی${Z}گردد`, 'spaced verb with preverb'],
  ['بازنمی گرداند و فرونمی خورد', `بازنمی${Z}گرداند و فرونمی${Z}خورد`, 'spaced verb after a preverb + نمی of six letters (بازنمی, فرونمی, فرانمی were not tried for a join: the pre-check allowed five)'],
  ['می توانیم', `می${Z}توانیم`, 'spaced verb from the brief'],
  ['بین المللی', `بین${Z}المللی`, 'spaced compound from the brief'],
  [`دانشآموزان می شوند`, `دانش${Z}آموزان می${Z}شوند`, 'joined and spaced in one text'],
  ['ماه می سال', 'ماه می سال', 'trap: می is the month May, not a verb prefix'],
  ['در آن زاده شده بود و درباره این داران', 'در آن زاده شده بود و درباره این داران', 'a demonstrative determines the word after it, which it was never seen joined to: no compound (were آن‌زاده, زاده being mostly after a ZWNJ in امام‌زاده, and این‌داران by the cut test)'],
  ['همین شان سازی', `همین شان${Z}سازی`, 'the same for همین (was همین‌شان‌سازی)'],
  ['آن ها و آن هایی که', `آن${Z}ها و آن${Z}هایی که`, 'trap: the plural of a demonstrative typed apart still joins'],
  ['گفت ای خدا', 'گفت ای خدا', 'trap: vocative ای is a word'],
  ['بدو گفت رستم که ای نامجوی', 'بدو گفت رستم که ای نامجوی', 'trap: the conjunction که takes no ‌ای (vocative ای after که, was که‌ای)'],
  ['هر کردار که بینی', 'هر کردار که بینی', 'trap: که heads no compound (بینی, the head of پیش‌بینی, after که)'],
  ['هر اهانتی خواستند روا داشتند', 'هر اهانتی خواستند روا داشتند', 'trap: a verb form seen after a ZWNJ mostly in می‌خواستند is a word of its own after a noun (was اهانتی‌خواستند)'],
  ['آتشی افروخت در جان', 'آتشی افروخت در جان', 'the same for افروخت (می‌افروخت)'],
  ['گذاشتم رو پس اندازم', `گذاشتم رو پس${Z}اندازم`, 'but a compound the text writes with a ZWNJ (پس‌انداز) + an ending still joins'],
  ['گفتم که نیا', 'گفتم که نیا', 'trap: نیا (do not come) is an imperative, not the surname piece of یوسف‌نیا'],
  ['گفت برو بیا', 'گفت برو بیا', 'imperatives stay words of their own'],
  ['نسل دوم انها و استخراج انهایی', 'نسل دوم انها و استخراج انهایی', 'انها, آنها typed without its madda, stays glued like آنها (was ان‌ها: two lexicons list that form)'],
  ['دستمال تر', 'دستمال تر', 'trap: تر means wet after a noun'],
  ['در بیربطترین زمان بیحالتر و نیمکتنشینتر شد', `در بی${Z}ربط${Z}ترین زمان بی${Z}حال${Z}تر و نیمکت${Z}نشین${Z}تر شد`, 'a form the text writes with a ZWNJ (بی‌ربط, بی‌حال, نیمکت‌نشین) + ترین, تر takes that form\'s ZWNJs and one before the suffix (were left glued: formWithEnding knew only ی, ان, the clitics and the plural)'],
  ['شعلهورتر شدن', `شعله${Z}ورتر شدن`, 'the same after a form ending in a letter that does not join: تر glued'],
  ['مهلکترین بیماری و مضحکترین حرف', `مهلک${Z}ترین بیماری و مضحک${Z}ترین حرف`, 'a known adjective + the superlative ترین, a word the text never shows, takes the ZWNJ (the attachment odds of ترین after ک had kept them whole)'],
  ['جالبتر و حساستر و خنکتر', `جالب${Z}تر و حساس${Z}تر و خنک${Z}تر`, 'the same for the comparative تر after an adjective the text shows as a whole word (the attachment odds of تر after ب, س, ک had kept them glued)'],
  ['لوستر و درستر و بیشتر', 'لوستر و درستر و بیشتر', 'trap: not after a stem the text never shows whole (لوس, only in لوس‌آنجلس), nor where the stem + ت is an adjective (درستر is درست‌تر typed with one ت), nor the lexicalised comparatives'],
  ['آقای غیاثآبادی و سلیمآبادی', `آقای غیاث${Z}آبادی و سلیم${Z}آبادی`, 'a word the cut search left whole in ی after a letter that does not join takes the cut of the letters before the ی (غیاثآباد → غیاث‌آباد; the odds of آبادی, a word of its own, had kept it whole)'],
  ['غافلگیری و خوشبینی', `غافلگیری و خوش${Z}بینی`, 'a form only the lexicons write with a ZWNJ (غافل‌گیری) yields to the text where it writes the stem + ی glued, four times or more and more often than with a ZWNJ (غافلگیر 4 : 0; was غافل‌گیری); خوشبین, glued only 3 times, still takes the lexicons\' form'],
  ['توضیح مفصلتری داد', `توضیح مفصل${Z}تری داد`, 'the same for the comparative + ی (مفصلتر → مفصل‌تر)'],
  ['مرکز دانشپژوهشی و لانهگزینی', `مرکز دانش${Z}پژوهشی و لانه${Z}گزینی`, 'the same after a letter that joins (not ا, ه, ی)'],
  ['آقای تهامی و بینیامی', `آقای تهامی و بی${Z}نیامی`, 'but not where the cut of the letters before the ی ends in a clitic, which no ی follows (were ته‌امی, بینی‌امی); بی + نیام (a listed word) + ی is cut after بی, the name\'s spelling in ParsTwiNER\'s tweets (بی‌نیامی; it had stayed glued)'],
  ['لوستر، درستر، ششتری و کاترین', 'لوستر، درستر، ششتری و کاترین', 'but not تر / تری, which end loanwords and nouns after a stem hazm tags as an adjective (لوس, درس, شش), nor ترین after a word that is no adjective (کا)'],
  ['آقای میرکاظمی و میردامادی', 'آقای میرکاظمی و میردامادی', 'names in میر (میر + کاظمی, میر + داماد + ی) are two words glued, not می + an unknown verb'],
  ['احساس میهنی و آقای میثمی', 'احساس میهنی و آقای میثمی', 'nor a known word + ی (میهن + ی, میثم + ی): هنی and ثمی are no verbs'],
  ['او نمیشناس است و میزمان', 'او نمیشناس است و میزمان', 'after می/نمی a known piece that is no verb form (the bare stem شناس, the noun زمان of هم‌زمان) is cut off only where the text shows it after that prefix and a ZWNJ (was نمی‌شناس)'],
  ['تو میکنی', `تو می${Z}کنی`, 'a known verb form in ی is still cut'],
  ['آقای شهبازی', 'آقای شهبازی', 'a lexicon word + ی (شهباز + ی) is a word in ی, not a compound to cut (was شه‌بازی)'],
  ['میگردیدند', `می${Z}گردیدند`, 'but می + a verb form the model does not know is still cut'],
  ['میسّر و تکبّر و مجّانی', 'میسّر و تکبّر و مجّانی', 'diacritics belong to their word: a shadda no longer cuts it (were می‌سّر, تک‌بّر, مجّان‌ی)'],
  ['میخواهَند کتابِها را', `می${Z}خواهَند کتابِ${Z}ها را`, 'a word with diacritics is repaired like the bare word; the ZWNJ goes after the marks of its letter'],
  ['می شوَد', `می${Z}شوَد`, 'and joined across a space like the bare word'],
  ['کتاب فروشان', `کتاب${Z}فروشان`, 'a compound head (فروشان: seen only after a ZWNJ, never a word alone) joins a pair never seen'],
  ['ماهی گیران', `ماهی${Z}گیران`, 'the same for گیران'],
  ['باهاش حرف زدم، موهام بلنده', 'باهاش حرف زدم، موهام بلنده', 'chat: با + هاش, مو + هام; ه after ا or و is no silent final ه to take ‌اش ‌ام (were باه‌اش, موه‌ام)'],
  ['زدهام', `زده${Z}ام`, 'a participle in ده still takes ‌ام'],
  ['بیاین، بیداره، بیاره', 'بیاین، بیداره، بیاره', 'chat: بیا + ین, بیدار + ه, بیار + ه are known words with an ending, not بی + a word (were بی‌این, بی‌داره, بی‌اره)'],
  ['بیسوادی', `بی${Z}سوادی`, 'بی + a word is still cut where بیسواد is no word the model leaves whole'],
  ['بیچشم و بیمشکل و بیداغ و بیامتیاز', `بی${Z}چشم و بی${Z}مشکل و بی${Z}داغ و بی${Z}امتیاز`, 'بی + a known word the text also shows after a ZWNJ now and then (مشکل, چشم): the compound score, which weighs how often the word follows a ZWNJ, had left them glued; بی is no word before a noun'],
  ['بیمبالات و بی مبالات', `بی${Z}مبالات و بی${Z}مبالات`, 'بی + a listed word of four letters or more the text shows fewer than three times (مبالات: seen 0 times); typed apart too, as the بی rule reads the pair glued'],
  ['خوشتون و کفشتون و بیسار', 'خوشتون و کفشتون و بیسار', 'trap: not before a clitic (chat\'s تون after خوش, کفش), and a listed word of three letters after بی is no evidence (فلان و بیسار)'],
  ['ماهم و اشتباهم در دانشگاهم', 'ماهم و اشتباهم در دانشگاهم', 'after اه the ه is a consonant: clitics are glued to it (were ماه‌م, اشتباه‌م, دانشگاه‌م)'],
  ['اللهم', 'اللهم', 'so it is in الله (was الله‌م)'],
  ['ماهها', `ماه${Z}ها`, 'the plural ها still takes its ZWNJ there'],
  ['خبرگزاری ایمنا: انما و انی', 'خبرگزاری ایمنا: انما و انی', 'after a word often followed by a ZWNJ (ان‌ها, ایمن‌سازی) no cut before a piece of one or two letters'],
  ['بیکار', 'بیکار', 'a glued word the text shows glued is kept'],
  ['درمیان مردم', 'درمیان مردم', 'در + میان written glued is no preverb درمی + ان (was درمی‌ان)'],
  ['درمیآید', `درمی${Z}آید`, 'a verb after درمی is still cut'],
  ['ایرانی نژاد', `ایرانی${Z}نژاد`, 'a strong head (نژاد follows a ZWNJ far more often than it stands alone) opens the compound test'],
  ['سربازان جبهه الله', 'سربازان جبهه الله', 'but not an Arabic word with the article: الله is a word of its own here'],
  ['رژیم ایران درپی تضعیف', 'رژیم ایران درپی تضعیف', 'a head seen in one word only (درپی, of پی‌درپی) is no compound head'],
  ['دکترها و بیمارهای', 'دکترها و بیمارهای', 'a known word in ر + the plural is whole (no ZWNJ after ر), not دک‌ترها or بی‌مارهای'],
  ['خانه ی من و کتابخانه ی ملی', `خانه${Z}ی من و کتابخانه${Z}ی ملی`, 'an ezafe ی typed as a word after a silent ه takes a ZWNJ (the treebank texts write هٔ: a rule, not the model)'],
  [`کتاب${Z}ها ی زیادی`, `کتاب${Z}های زیادی`, 'the ی of the plural های typed apart is glued back after ‌ها'],
  ['تنها ی من و بها ی کالا و دورها ی', 'تنها ی من و بها ی کالا و دورها ی', 'not after ها without a ZWNJ (دورهای would read دوره‌ای)'],
  [`کتاب${Z}ها ی.دکتر`, `کتاب${Z}ها ی.دکتر`, 'nor before a dot (the spacing step reads ی. as an abbreviation: the glued word would change again)'],
  ['راه ی و حرف ی', 'راه ی و حرف ی', 'not after a pronounced ه (راه) nor after other letters: حرف is a word (the letter ی)'],
  ['جدول ویژگ ی های نمونه', `جدول ویژگی${Z}های نمونه`, 'a lone ی after a piece that is no word while the two together are one (ویژگ + ی): the word\'s last letter cut off by a space, as PDF text has it, glued back (the plural after it then joins)'],
  ['جمعیت شناخت ی و برخوردار ی', 'جمعیت شناخت ی و برخوردار ی', 'trap: after a known word (شناخت, برخوردار) the lone ی stays: it may be the letter, as after حرف'],
  ['نشان م ی دهد\nو م ی‌دهد', `نشان می${Z}دهد\nو می${Z}دهد`, 'a lone letter and a piece that make a word while neither is one (loneLetter: م + ی → می), as OCR text cuts words: glued, and the می so made joins its verb in the same pass (the row was a trap: loneYe left a ی after a word of one letter)'],
  ['م یدهد', 'م یدهد', 'trap: a cut letter whose whole would take a ZWNJ of its own (میدهد) is left: glued, a second pass would cut it (not idempotent; found by the steps property test)'],
  ['م یدم', 'م یدم', "trap: likewise a cut letter whose whole's chat reading takes a ZWNJ (میدم, chat's می‌دم): glued, a second pass read the one-word line as colloquial and cut it (not idempotent; the steps property test's shrunk counterexample, seed 108)"],
  ['م ی ی های', `م ی ی${Z}های`, 'trap: a lone letter before one a ZWNJ cuts off (the ی of ی‌های, which the lone ی before ها becomes) is in a run of three: left, on the second pass too (it made می there; steps property test)'],
  ['هفت ماهه ی ب ین', `هفت ماهه${Z}ی ب ین`, 'trap: a lone letter after a lone ی the same pass glues (ماهه‌ی) is in a run on the second pass too: left (glued on the second pass only before; found by fuzzing)'],
  ['کتاب ها ی م ی رود', `کتاب${Z}های می${Z}رود`, 'a lone ی glued to the plural before it with the space deleted (ها ی → های) is no lone letter any more, as a second pass sees it: the lone letters after it are no run (م ی glued, then می + رود joined; the first pass left م ی, the second glued it — found by fuzzing)'],
  ['ب ین ما ک ه رفت', 'بین ما که رفت', 'a lone letter before a piece the text shows alone 64 times less often than the two together (ین: 8, بین: 796), or before another lone letter (ک ه): glued'],
  ['این کتا ب و دانشگا ه', 'این کتاب و دانشگاه', 'a lone letter after a piece that is no word (the generalization of the lone ی of ویژگ ی)'],
  ['من ب شخصه موافقم', 'من ب شخصه موافقم', "trap: chat's ب for به before a word a lexicon lists (شخصه: never alone in the text, بشخصه twice): a listed piece counts as seen once, and 2 < 64 (it was glued to بشخصه on Shekasteh dev)"],
  ['از ج ا حمایت کرد و پ ن: فردا', 'از ج ا حمایت کرد و پ ن: فردا', 'trap: two lone letters whose whole (جا, پن) is not 64 times commoner than a letter alone (ج, پ): an abbreviation typed apart, جمهوری اسلامی, پی‌نوشت (10 and 4 tweets of ParsTwiNER train were glued)'],
  ['گفت ک ک نمیاد', 'گفت ک ک نمیاد', 'trap: two lone letters, one the text never shows alone (ک: chat writes it for که), whose whole is seen fewer than 64 times (کک: 2) are two words, که که — a letter never seen alone counts as seen once (it made کک)'],
  ['رفتم ب ی نفر گفتم و گفتم ک ن', 'رفتم ب ی نفر گفتم و گفتم ک ن', "trap: chat's ب or ک (به, که) before another of its one-letter words is two words — به یه نفر, که نه —, not a cut بی, کن (they became بی‌نفر and کن; ParsTwiNER's tweets write ی 132 times alone, ک 71, ب 34, ن 28)"],
  ['تا ی ک طرف آن', 'تا یک طرف آن', 'a cut یک is still glued: chat writes no یه که (ی first), and PDF text cuts یک (18 of 8,099 tuning lines with 2% of their words cut)'],
  ['ما ک ه رفت و ب ا ما', 'ما که رفت و با ما', 'the floor keeps the common wholes of cut letters: که (25,594 times), با (13,298) are glued as before'],
  ['ا ز خانه و آ ن روز', 'از خانه و آن روز', 'two lone letters whose whole is far commoner than either letter alone: a cut word, glued'],
  ['حرف ب را و گروه ب خون و او و ما', 'حرف ب را و گروه ب خون و او و ما', 'trap: a lone letter before a word (را, خون: برا and بخون are words too) stays, and و is a word'],
  ['حروف ا ب پ ت و نام ع ل ی', 'حروف ا ب پ ت و نام ع ل ی', 'trap: a run of three lone letters or more is a word spelled out, left as written'],
  ['صفحه س ینی شما', 'صفحه س ینی شما', 'trap: a clitic\'s letter typed apart after a word in ه (chat\'s copula س, then ینی, یعنی) is no cut letter (it made سینی, on iPerUDT train)'],
  ['دانش-\nآموزان', 'دانش-\nآموزان', 'a word hyphenated across a line break (OCR) is left as written: joining it would merge two lines, and the CLI writes one output line per input line'],
  ['خیلیییی ممنون، عالیییی بود، مرسیییی', 'خیلیییی ممنون، عالیییی بود، مرسیییی', 'a stretched letter (chat emphasis) is never cut into pieces (was خیل‌یی‌یی)'],
  ['میخواااام برم دانشآمووووزان', `می${Z}خواااام برم دانش${Z}آمووووزان`, 'a word with a stretch is read as written once: the ZWNJ goes after the whole stretch'],
  ['دههها و بیرحمییی', `دهه${Z}ها و بی${Z}رحمی${Z}یی`, 'three ه or ی are no stretch: they meet across a ZWNJ in written words'],
  ['دکتر ها و دانشجو هایشان و کامپیوتر ها', 'دکترها و دانشجوهایشان و کامپیوترها', 'the plural typed apart after a letter that does not join: the space goes (a ZWNJ would be invisible)'],
  ['شد ها، برو ها، بیا ها، و های', 'شد ها، برو ها، بیا ها، و های', 'not after a verb form, an imperative (chat\'s particle ها) or a one-letter word'],
  ['دور تر و سرد ترین', 'دورتر و سردترین', 'تر / ترین typed apart after an adjective in a letter that does not join'],
  ['برو تر', 'برو تر', 'تر is also a word (wet): not after a word that is no adjective'],
  ['من نا امید نیستم، نا آرام و نا درست', 'من ناامید نیستم، ناآرام و نادرست', 'نا typed apart: the space goes when نا + the word is a listed word'],
  ['نا ندارم', 'نا ندارم', 'but not when it is none (نا is strength here)'],
  ['دور ها و گیر های', 'دورها و گیر های', 'only when the model leaves the joined word whole (گیرهای would read گیره‌ای the second time)'],
  ['نمی شه، می تونم، داره می ره', `نمی${Z}شه، می${Z}تونم، داره می${Z}ره`, 'chat verbs after می/نمی typed apart join as the same words written glued are read'],
  ['بی قرار و بی دلیل و بی تراکتور', `بی${Z}قرار و بی${Z}دلیل و بی${Z}تراکتور`, 'بی typed apart joins when بی + the word written together are read so (بی is no word by itself)'],
  ['بی آنکه بداند، بی شما و بی بی سی', 'بی آنکه بداند، بی شما و بی بی سی', 'not the preposition before a pronoun or آنکه, nor a pair the text shows apart'],
  ['ماه می امسال و می گیر ز ساقی', 'ماه می امسال و می گیر ز ساقی', 'not before a word that does not end like a verb form (a bare stem; می is wine in poetry, May in dates)'],
  ['فرستادهایم', `فرستاده${Z}ایم`, 'but where the word + ه is known too, ه‌ایم may be what is written'],
  ['انکارش و انفلات و انطلاق', 'انکارش و انفلات و انطلاق', 'a prefix is a word some lexicon lists: ان (a misspelt آن before ‌ها) is none'],
  ['من ک رفتم', 'من ک رفتم', 'a single letter is no compound head: ک is که in chat'],
  ['یعنی کیا بودن', 'یعنی کیا بودن', 'nor a lexicon word, a word of its own elsewhere (کیا: who, in chat; حاتمی‌کیا in the text)'],
  ['نه آبرویی', 'نه آبرویی', 'but not a piece seen mostly after بی/نا/هم/غیر (آبرویی of بی‌آبرویی): a derived word, no head'],
  ['اساسی ترین', `اساسی${Z}ترین`, 'ترین is never a word alone: joined after a known piece, adjective or not in the lexicons'],
  ['بین المللی ترین', `بین${Z}المللی${Z}ترین`, 'and after a compound adjective in ی (المللی is no word alone)'],
  [`بین${Z}المللی ترین`, `بین${Z}المللی${Z}ترین`, 'also in text that writes its half-spaces (careful mode)'],
  ['از امروز', 'از امروز', 'trap: two words'],
  ['بندر ها', 'بندر ها', 'trap: no ZWNJ after a non-joining letter, and no join'],
  ['اینها و آنهاست و همانها', 'اینها و آنهاست و همانها', 'the plural of آن / این / همان / همین stays glued, as PerDT writes it'],
  ['مجمعالشعرا و حبیبالله', `مجمع${Z}الشعرا و حبیب${Z}الله`, 'an Arabic compound with the article glued takes a ZWNJ before ال'],
  ['استالینی و کانالها و پرتالهای و منتالیته', `استالینی و کانال${Z}ها و پرتال${Z}های و منتالیته`, 'not after the copula, a known word + ال, nor before ی or ه (loanwords; پرتالهای takes the unseen stem\'s plural, پرتاله being no word)'],
  ['نامهای را نوشت و سفرهای که خریدیم', `نامه${Z}ای را نوشت و سفره${Z}ای که خریدیم`, 'before را, که, از, ... a plural + ezafe cannot stand: the same letters are a noun in ه + ‌ای'],
  ['عفونتهای رودهای مانند وبا و اگر حرفهای نیست و ماده واحدهای برای', `عفونت${Z}های روده${Z}ای مانند وبا و اگر حرفه${Z}ای نیست و ماده واحده${Z}ای برای`, 'so before مانند, برای, ... or a finite verb (نیست, دارد, باید): no plural + ezafe stands there (were رودهای, حرف‌های, واحدهای)'],
  ['زمینهای در آن و حرفهای.', `زمینه${Z}ای در آن و حرفه${Z}ای.`, 'so before a closing mark or the end of the line'],
  ['زمینهای\nحرفهای', `زمین${Z}های\nحرف${Z}های`, 'but a word alone on its line (a query, a label) has no phrase around it: the word is read as it reads alone'],
  ['در هیچ زمینهای نباید و هر دستهای کتاب', `در هیچ زمینه${Z}ای نباید و هر دسته${Z}ای کتاب`, 'after هیچ / هر, which take a noun in the singular, the same letters are a noun in ه + ‌ای (was زمین‌های, دست‌های)'],
  ['رقابتهای وزنهای سوم و هشتم', `رقابت${Z}های وزن${Z}های سوم و هشتم`, 'the same before an ordinal (after ‌های 32 times in the training text, after ه‌ای never; was وزنه‌ای)'],
  ['نامهای اول', `نامه${Z}ای اول`, 'trap: not for a word in ‌ای the text writes often (نامه‌ای), as for the other adjectives'],
  ['در میان تبهای مختلف و نژادهای گوناگون', `در میان تب${Z}های مختلف و نژادهای گوناگون`, 'before an adjective that qualifies plurals the letters are a plural + ezafe, not a noun in ه + ‌ای (were تبه‌ای, نژاده‌ای)'],
  ['گردنهای خود را و طعمهای خویش', `گردن${Z}های خود را و طعم${Z}های خویش`, 'so before the reflexive خود / خویش, which follows a plural + ezafe (were گردنه‌ای, طعمه‌ای)'],
  ['انرژی هستهای خود', `انرژی هسته${Z}ای خود`, 'trap: a word in ‌ای the text writes often stays (the relational adjective هسته‌ای)'],
  ['جنگهای داخلی و منطقهای فراوان', `جنگ${Z}های داخلی و منطقه${Z}ای فراوان`, 'trap: not a word in ‌ای the text writes often (a relational adjective, here in a coordination)'],
  ['مینکوهیدند', `می${Z}نکوهیدند`, 'a plural personal ending after a past form in می the text writes (می‌نکوهید): the past plural is unknown to the model (was left glued)'],
  ['هیچ کتابهای', `هیچ کتاب${Z}های`, 'trap: only where the stem + ه is a word (no کتابه): the plural stays'],
  ['زمینهای کشاورزی و سفرهای خارجی و سالهای 1390', `زمین${Z}های کشاورزی و سفرهای خارجی و سال${Z}های 1390`, 'before what it qualifies the plural + ezafe stays'],
  [`نامه${Z}ها و نامهای را`, `نامه${Z}ها و نامهای را`, 'a writer who uses ZWNJs and wrote the word glued is left alone'],
  ['این کمکها و ارزشهایی', `این کمک${Z}ها و ارزش${Z}هایی`, 'a plural the training text also shows glued still takes its ZWNJ in text written without ZWNJs'],
  ['آنها و اونهایی و تنها', 'آنها و اونهایی و تنها', 'but not after a pronoun (the treebank spelling آنها), nor in a word that only looks plural'],
  ['ایام پربهای عمر', 'ایام پربهای عمر', 'nor after a stem the model barely knows (پربها + ی, not پرب + های)'],
  [`کمک${Z}ها و کمکها`, `کمک${Z}ها و کمکها`, 'a writer who uses ZWNJs and wrote a plural glued is left alone'],
  [`و داستانهای جنجالی آفریده${Z}اند`, `و داستانهای جنجالی آفریده${Z}اند`, 'so is a plural the training text always writes with its ZWNJ, in a line that writes them (Seraji writes a third of its plurals glued)'],
  [`و داستانهای جنجالی آفریدهاند`, `و داستان${Z}های جنجالی آفریده${Z}اند`, 'trap: in a line without ZWNJs the plural takes its ZWNJ'],
  [`میشود که آفریده${Z}اند`, `می${Z}شود که آفریده${Z}اند`, 'trap: other words such a writer wrote glued still take theirs'],
  [`نزدیکترین عناصر قدرت بی${Z}مهار است`, `نزدیکترین عناصر قدرت بی${Z}مهار است`, 'so is a superlative written glued in a line that writes its ZWNJs (Seraji writes بزرگترین 19 times glued, 42 with a ZWNJ): was نزدیک‌ترین'],
  [`پیشتر نخست${Z}وزیر بود و قویتر شد`, `پیشتر نخست${Z}وزیر بود و قویتر شد`, 'and a comparative so written (were پیش‌تر, قوی‌تر)'],
  ['نزدیکترین و قویتر', `نزدیک${Z}ترین و قوی${Z}تر`, 'trap: in a line without ZWNJs the comparative and superlative take theirs'],
  ['زمان تعیین شده است', 'زمان تعیین شده است', 'a past participle before an auxiliary is the verb\'s perfect, typed apart from the word before it (was تعیین‌شده است)'],
  ['کلید گم شده بود و بازی عقب افتاده بود', 'کلید گم شده بود و بازی عقب افتاده بود', 'so before the pluperfect\'s بود (were گم‌شده, عقب‌افتاده)'],
  ['زمان تعیین شده را', `زمان تعیین${Z}شده را`, 'trap: not before an auxiliary the participle is an adjective and joins'],
  ['او می رفته است', `او می${Z}رفته است`, 'trap: می before the participle still joins'],
  ['هم اکنون و هم در آینده', 'هم اکنون و هم در آینده', 'هم followed in its clause by «و هم» is the correlative "both", a word of its own (was هم‌اکنون)'],
  ['گیرم که هم صدا و سیما و هم آن روزنامه', 'گیرم که هم صدا و سیما و هم آن روزنامه', 'so a few words before «و هم»'],
  ['هم اکنون در آینده', `هم${Z}اکنون در آینده`, 'trap: without «و هم» in the clause هم is the prefix and joins'],
  ['هم اکنون. و هم', `هم${Z}اکنون. و هم`, 'trap: nor is a «و هم» after the clause ends'],
  ['کمتر', 'کمتر', 'trap: written joined by convention'],
  ['همچنان', 'همچنان', 'trap: written joined'],
  ['میز', 'میز', 'trap: starts with می but is a noun'],
  ['میهن', 'میهن', 'trap: starts with می but is a noun'],
  ['خواستیم', 'خواستیم', 'trap: verb ending is written joined'],
  ['ما بیداریم و همه بیدارند', 'ما بیداریم و همه بیدارند', 'trap: بی, نا, غیر, هم never head a finite verb form (بیدار + یم, not بی + داریم)'],
  ['بیکاریم', 'بیکاریم', 'and بی + a noun stays as the text writes it'],
  ['پیمانند و آهکش', 'پیمانند و آهکش', 'trap: a listed word + a personal ending or clitic (پیمان + ند, آهک + ش) is not cut into a verb form (پی‌مانند, آه‌کش)'],
  ['ناسالمیم و تحریکند', 'ناسالمیم و تحریکند', 'trap: nor into an Arabic article (ناس‌المیم) or کند (تحری‌کند)'],
  ['میدانند و میگیم', `می${Z}دانند و می${Z}گیم`, 'but می + a verb form is still cut, formal or chat (میدان + ند, میگ + یم are words too)'],
  [`می${Z}خواهم`, `می${Z}خواهم`, 'already correct: unchanged'],
  ['ایران', 'ایران', 'common word unchanged'],
  ['به پیروزی رسد', 'به پیروزی رسد', 'trap: a verb form that mostly follows می (می‌رسد) is a word of its own after a noun'],
  ['از دنبال آید', 'از دنبال آید', 'trap: the same for آید'],
  ['برمی زند', `برمی${Z}زند`, 'a verb form after می with a preverb is still joined'],
  ['خاموش توان', 'خاموش توان', 'trap: توان follows a ZWNJ mostly in می‌توان, so it is not joined to another word'],
  ['نمی توان', `نمی${Z}توان`, 'but after نمی it is'],
  ['زعمای', 'زعمای', 'trap: ‌ای takes a ZWNJ only after ه or ی (زعم + ای is not a cut)'],
  ['دینفروشان', `دین${Z}فروشان`, 'an unseen compound: a known word + a stem that heads compounds (فروش) + ان'],
  ['اسلامستیزانی', `اسلام${Z}ستیزانی`, 'the same with ستیز + انی'],
  ['آهنگران', 'آهنگران', 'trap: آهنگر + ان, a known word with its plural, not آه + نگران'],
  ['دکتراش', 'دکتراش', 'trap: a head of two letters (دک) is too short to start such a compound'],
  ['تخمه شکنان', `تخمه${Z}شکنان`, 'spaced: such a stem + ending that never stands alone joins the word before'],
  ['از سواران', 'از سواران', 'trap: سواران stands alone (horsemen), and از is no head'],
  ['امکان سنجی و سپاس گزاری', `امکان${Z}سنجی و سپاس${Z}گزاری`, 'spaced: a compound head in ی that is also a verb form (سنجی, گزاری: you weigh, you perform) but was never seen alone heads a compound (PARAMS.verbYeHead; verb forms were never heads)'],
  ['هر چه خواهی', 'هر چه خواهی', 'trap: a verb form in ی the text shows alone is no head'],
  ['سهام دار و مهمان نواز', `سهام${Z}دار و مهمان${Z}نواز`, 'spaced: a pair the text never shows that two lexicons write with a ZWNJ joins when its second word is a head as much as a word (دار, نواز: seen after a ZWNJ at least a fifth as often as alone; PARAMS.lexJoin)'],
  ['برچسب زنی و رضایت نامه و سوزن کاری', `برچسب${Z}زنی و رضایت${Z}نامه و سوزن${Z}کاری`, 'spaced: the same when the second word is a word of its own as often as a head, seen after a ZWNJ at least a fifth as often as alone (زنی, نامه, کاری; PARAMS.lexJoinShare 0.2, was 1: on the held-out train text spaced F1 95.17 → 95.58 PerDT, 89.10 → 89.28 Seraji)'],
  ['باج ستانی و سخت کوشی و کین توزی', `باج${Z}ستانی و سخت${Z}کوشی و کین${Z}توزی`, 'spaced: the same when the second word is in no sentence of the training text, only in the lexicons (ستانی, کوشی, توزی: PARAMS.lexJoinUnseen)'],
  ['گریپ فروت و جبل الطارق و متفق القول', `گریپ${Z}فروت و جبل${Z}الطارق و متفق${Z}القول`, 'spaced: the lexicon join when the second word is no piece of the model at all, a word in ال too (فروت, الطارق, القول: the Arabic-article rules need the word seen; PARAMS.lexJoinUnknown)'],
  ['پیونگ یانگ', `پیونگ${Z}یانگ`, 'spaced: the same for a piece only the lexicons know that the join rules did not read (یانگ: no verb form, never seen after a ZWNJ)'],
  ['سان فرانسیسکو', 'سان فرانسیسکو', 'trap: a second word the text never shows joins only where the cut search reads the two written together so too (it writes سانفرانسیسکو whole; the training text types the name apart)'],
  ['اتاق خواب و طب سنتی و هر کاری', 'اتاق خواب و طب سنتی و هر کاری', 'trap: a second word seen after a ZWNJ less than a fifth as often as alone (خواب 3 of 201, سنتی 1 of 76) or a pair the text shows apart (هر کاری) stays apart'],
  ['سرویس دهی و کتاب شناختی', `سرویس${Z}دهی و کتاب${Z}شناختی`, 'spaced: the same when the second word is a verb form in ی that is a head more than a word (دهی, شناختی: you give, you knew; PARAMS.lexJoinVerbYe, as verbYeHead)'],
  ['اگر کار کنی', 'اگر کار کنی', 'trap: not a verb form in ی seen alone more often than after a ZWNJ (کنی)'],
  ['اتاق خواب و طب سنتی', 'اتاق خواب و طب سنتی', 'trap: lexicon compounds whose second word mostly stands alone (خواب, سنتی) stay apart'],
  ['آلن پو و هم نژاد پرست', 'آلن پو و هم نژاد پرست', 'trap: no lexicon join for a second word of two letters (a name, پو) nor after a function word (هم, also)'],
  ['هفت ماهه و هشت ماهه و هفت گانه', `هفت ماهه و هشت ماهه و هفت${Z}گانه`, 'trap: no lexicon join after a number word for a second word the training text types apart after numbers as often as it joins it (ماهه: شش ماهه, 2 ماهه against سه‌ماهه; PARAMS.lexJoinNumber, FLAG_NUM_APART); گانه, never typed apart, joins'],
  ['رابین هود و مک دونالد و نظامی گنجوی', 'رابین هود و مک دونالد و نظامی گنجوی', 'trap: no lexicon join for a second word that is part of a person\'s name (هود, دونالد, گنجوی: tagged a person in ParsTwiNER\'s train tweets at least as often as not, never seen after a ZWNJ; FLAG_NAME, PARAMS.lexJoinName), though two lexicons write رابین‌هود, مک‌دونالد, نظامی‌گنجوی'],
  ['ساده دلان نجف آبادی', `ساده${Z}دلان نجف${Z}آبادی`, 'spaced: a word typed apart from a form the text writes with a ZWNJ (ساده‌دل, نجف‌آباد) + ان / ی joins it (PARAMS.formEndingJoin)'],
  ['برای ساده لوحان و پست مدرنی', `برای ساده${Z}لوحان و پست${Z}مدرنی`, 'spaced: the same for a second word the text never shows (لوحان, مدرنی: no piece of the model), and then from a form only two lexicons write (ساده‌لوح, پست‌مدرن; PARAMS.formEndingUnseen)'],
  ['عرض حالی نوشت. توی ایران ایرانی ها', `عرض حالی نوشت. توی ایران ایرانی${Z}ها`, 'trap: not for a second word the text shows (حالی, ایرانی: the lexicons\' عرض‌حال, ایران‌ایر say nothing of it)'],
  ['مشکل داری. گریه کنی', 'مشکل داری. گریه کنی', 'trap: a verb form read after می or seen alone (داری, کنی: you have, you cry) is no ending on a form (مشکل‌دار, گریه‌کن)'],
  ['تاج الدین', `تاج${Z}الدین`, 'spaced: the Arabic article + a word the text writes only after a ZWNJ joins the word before'],
  ['حجت الاسلام', `حجت${Z}الاسلام`, 'spaced: a pair the text writes joined more often than apart'],
  ['گفت من المال و من الناس', 'گفت من المال و من الناس', 'trap: not after a host the text types apart before words in ال at least as often as it joins it to one (من: 0 joined, 3 apart, من البته; PARAMS.articleHostApart), though المال is written only after a ZWNJ (بیت‌المال): an Arabic phrase (من‌المال was made)'],
  ['حتی الامکان و بیت المال', `حتی${Z}الامکان و بیت${Z}المال`, 'while a host the text joins to words in ال (حتی: 4 joined, 0 apart) still takes them'],
  ['سید همام الدین حسینی', `سید همام${Z}الدین حسینی`, 'spaced: a host seen only a few times (همام, in no lexicon) takes a word in ال the text writes only after a ZWNJ ten times or more (الدین; PARAMS.articleWeakHost)'],
  ['کمل الدین', 'کمل الدین', 'trap: not a host the text never shows (a piece of an Arabic quotation)'],
  ['کارشان قابل مقایسه نیست و روان پزشک', `کارشان قابل${Z}مقایسه نیست و روان${Z}پزشک`, 'spaced: a compound the text shows once with its ZWNJ, never apart or glued, and two lexicons or more write so joins (joinFormLex; it needed two sightings)'],
  ['استفاده شده و به ندرت', 'استفاده شده و به ندرت', 'trap: not a pair the text also shows apart (استفاده‌شده once, apart five times)'],
  ['ولی الان', 'ولی الان', 'trap: الان stands alone (now)'],
  ['دولت الکترونیک', 'دولت الکترونیک', 'trap: a word in ال that is no article compound'],
  ['این الگو', 'این الگو', 'trap: no compound after a function word, nor with a word that stands alone'],
  [`تاج${Z}محل و تاج الدین`, `تاج${Z}محل و تاج الدین`, 'trap: a writer who uses ZWNJs and typed a space is left alone'],
  ['ارتدنتیستها', `ارتدنتیست${Z}ها`, 'a plural glued to a stem the model never saw (a loanword)'],
  ['توییتهایی', `توییت${Z}هایی`, 'the same with هایی'],
  ['هشتگهای داغ و ادمینهای کانال', `هشتگ${Z}های داغ و ادمین${Z}های کانال`, 'the same with های where the stem + ه is no piece of the model nor a chat word, so that no ه + ‌ای reading is there to choose (was left glued)'],
  ['توییتهایشان', `توییت${Z}هایشان`, 'the same before the plural\'s clitics (هایش, هایشان ...), which read as no ه + a clitic (was left glued)'],
  ['سلبریتیهای وطن فروش و کژتابیهای هدفمند', `سلبریتی${Z}های وطن فروش و کژتابی${Z}های هدفمند`, 'after an unseen stem in ی, whose + ه is no known word, any plural ending (the text writes ی‌های in 214 word types, یه‌ای in 28, nearly all known words)'],
  ['حاشیهای و بیانیهای', `حاشیه${Z}ای و بیانیه${Z}ای`, 'trap: a known word in یه + ‌ای stays so'],
  ['مدتهاست', `مدت${Z}هاست`, 'the plural + the copula (ست) glued to a known noun'],
  ['نمی ناامیدهای', 'نمی ناامیدهای', 'trap: an unknown word in های after نمی is no verb form (a property test found نمی نا امید های → نمی ناامیدهای → نمی‌ناامیدهای)'],
  ['نامهاست', 'نامهاست', 'trap: the stem + ه is a word (نامه + است): left alone'],
  ['بهونهای', 'بهونهای', 'trap: an unseen stem + های may be ه + ‌ای (بهونه‌ای): left alone'],
  ['گرانبها', 'گرانبها', 'trap: بها (price) ends compounds: not گرانب + ها'],
  ['کولهباری', `کوله${Z}باری`, 'a form the model writes with a ZWNJ (کوله‌بار) + an ending (ی)'],
  ['بینظیرش', `بی${Z}نظیرش`, 'the same with a clitic (ش) after a prefixed word'],
  ['رابطهاش', `رابطه${Z}اش`, 'trap: not the plural form رابط‌ها + ش'],
  ['وحشیترین', `وحشی${Z}ترین`, 'ترین is only ever the superlative: after a known word not listed as an adjective too'],
  ['بیشترین', 'بیشترین', 'trap: a word + ترین that is itself a known word stays glued'],
  ['میگیرن', `می${Z}گیرن`, 'chat: می + a present stem + the informal 3rd plural ن'],
  ['نمیتونی', `نمی${Z}تونی`, 'chat: نمی + an informal stem (تون of توان)'],
  ['میدادن', `می${Z}دادن`, 'chat: می + a past stem + ن (not the infinitive دادن alone)'],
  ['میسوزونه', `می${Z}سوزونه`, 'chat: the spoken ان → ون of a causative stem (سوزان) + ه'],
  ['نمی شناسن', `نمی${Z}شناسن`, 'chat, spaced: نمی joins an informal verb form'],
  ['میاد', 'میاد', 'trap: chat writes آمدن glued after می with آ as ا (میاد, میام): no ZWNJ'],
  ['باران میاید و آنها نمیایند و برمیاید', 'باران میاید و آنها نمیایند و برمیاید', "trap: the same forms in ید / یند stay glued though lexicons list them with a ZWNJ (DadmaTools, Parsivar: می‌اید, نمی‌ایند, built from the glued spellings; lexGluedAfterMi): the text writes them glued (FrequencyWords میاید 89; with a ZWNJ one tweet), and میاید, میایند had become می‌اید, می‌ایند"],
  ['البته بینی او در عمل بینی آسیب دید و جهان بینی و پیش بینی', 'البته بینی او در عمل بینی آسیب دید و جهان‌بینی و پیش‌بینی', "a bound piece in ی that the text also shows as a word of its own five times or more (بینی, the nose: 13 times alone in the train text) joins only on pair evidence, as the bound-suffix rule's other verb forms do (PARAMS.boundYeWord): البته بینی, عمل بینی had become البته‌بینی, عمل‌بینی, and the clean train line's داخل بینی داخل‌بینی; the compounds the text shows joined still join"],
  ['باران می اید و من نمی ام و تو می ای و ما برمی ایم', 'باران میاید و من نمیام و تو میای و ما برمیایم', "می/نمی typed apart before ام ای ایم اید (آمدن with آ written ا) is glued as the text writes these forms (میام 21, میای 14, میایم 8 in the chat data; apart never, with a ZWNJ once): the bound-suffix rule read the piece as the copula and made می‌اید, a spelling no text uses (miGluesApart)"],
  ['آنها می ان و کتاب‌ها را می اید', 'آنها می ان و کتاب‌ها را می اید', "trap: other GLUED_AFTER_MI forms apart stay apart (می ان is no میان); in a line that writes its half-spaces (careful) the space stays, as the bound-suffix rule left it there"],
  ['ما از پس رتبه بر نمیاییم و تو میایی', 'ما از پس رتبه بر نمیاییم و تو میایی', "trap: آمدن's formal endings on آ written ا after می (نمیاییم: Shekasteh; میایی: iPerUDT) stay glued as chat writes them, as میام, میاد do (they became نمی‌اییم, می‌ایی: spellings no text has)"],
  ['میاندازد و میایستد', `می${Z}اندازد و می${Z}ایستد`, 'verbs whose stems begin with ا (انداز, ایست) still take the ZWNJ after می'],
  ['عملیات مینزدایی', `عملیات مین${Z}زدایی`, 'a negative verb form (ن + زدایی) cannot follow می: مین + زدایی, not می‌نزدایی'],
  ['مینشستیم', `می${Z}نشستیم`, 'but a form of a stem in ن (نشست, whose negative ننشستیم is a form too) still follows می'],
  ['دلم برای دنیاش تنگ شده', 'دلم برای دنیاش تنگ شده', 'دنیا + ش: a clitic in ا is not cut off where the stem + ا is the commoner word (was دنی‌اش)'],
  ['دریاش', 'دریاش', 'the same: دریا + ش, not دری + ‌اش'],
  ['رهایم کن', 'رهایم کن', 'رها + یم, not ره + ‌ایم'],
  ['کارهاش رو کرد', 'کارهاش رو کرد', 'chat کارها + ش (his works), not کاره + ‌اش: کارها is commoner than کاره'],
  ['صندلیاش', `صندلی${Z}اش`, 'a word in ی + ‌اش is still cut where the stem + ا is no word'],
  ['ابهتهایم و ادبیاتهایم و برگشتهایم', `ابهت${Z}هایم و ادبیات${Z}هایم و برگشته${Z}ایم`, 'a noun in ت + هایم is the noun + the plural + م (were ابهته‌ایم, ادبیاته‌ایم: letters in ته counted as a participle); after a past stem (برگشت) the participle + ‌ایم stays'],
  ['آسفالتهایش و حکمهایشان، آسفالتهای', `آسفالت${Z}هایش و حکم${Z}هایشان، آسفالته${Z}ای`, 'a stem whose + ه is a word too (آسفالته, حکمه) keeps its plural glued only before های / هایی / هایم / هاست, which read as ه + a clitic in ا; هایش, هایشان have no such reading (were left glued)'],
  ['آبرنگها و الیاسهای و زندانیهایی', `آبرنگ${Z}ها و الیاس${Z}های و زندانی${Z}هایی`, 'a known word the model writes whole, in a joining letter, + the plural is that word + ‌ها..., not cut inside (were آب‌رنگ‌ها, الی‌اس‌های, زن‌دانی‌هایی)'],
  ['اونهایی که', 'اونهایی که', 'but chat\'s pronoun اون keeps its plural glued, like آنها'],
  ['آمارهایم و حکمهایم و بخشهایم و فرستادهایم', `آمارهایم و حکم${Z}هایم و بخش${Z}هایم و فرستاده${Z}ایم`, 'before هایم a word + ه that is no participle and rarer than the word is not read as ه + ‌ایم ("we are", far rarer after a noun than the plural + "my": were آماره‌ایم, حکمه‌ایم, بخشه‌ایم); a participle still is (فرستاده‌ایم)'],
  ['راهزنند و ماهیگیریم', 'راهزنند و ماهیگیریم', 'a listed word of four letters or more the model writes whole + a personal ending stays one word though the text never shows it (were راه‌زنند, ماهی‌گیریم)'],
  ['من کیام', `من کی${Z}ام`, 'but not a shorter one: chat\'s کی‌ام ("who am I") is not کیا + م'],
  ['رونالدوها و پشمالوهایشان', 'رونالدوها و پشمالوهایشان', 'a listed word with ال inside + the plural is not cut before an Arabic article (were رون‌الدوها, پشم‌الوهایشان)'],
  ['راهزنتر و آبرنگترین', `راهزن${Z}تر و آبرنگ${Z}ترین`, 'a listed adjective the model writes whole + تر / ترین is that adjective + ‌تر, not cut inside (were راه‌زن‌تر, آب‌رنگ‌ترین)'],
  ['سرگرمیهام', 'سرگرمیهام', 'سرگرمی + chat هام (my hobbies): an unknown سرگرمیه + ‌ام is no reading when the letters before the ه are a known word'],
  ['همکلاسیهاش', 'همکلاسیهاش', 'the same after a word the model writes with a ZWNJ (هم‌کلاسی): not همکلاسیه‌اش'],
  ['خونهاش', `خونه${Z}اش`, 'but a chat word in ه (خونه) + ‌اش is still cut, though خون is a word'],
  ['بهاندازهای', `به${Z}اندازه${Z}ای`, 'a form written with a ZWNJ (به‌اندازه) + ‌ای after its silent ه: both ZWNJs (was left glued)'],
  ['بیمزهای', `بی${Z}مزه${Z}ای`, 'the same for بی‌مزه + ‌ای'],
  ['بهخصوصیات', 'بهخصوصیات', 'not through a known word + an established word: به + خصوصیات, not به‌خصوصی‌ات'],
  ['رویدادهاست', 'رویدادهاست', 'not where the ه begins the plural after an established word: رویداد + هاست, not روی‌داده‌است'],
  ['میگهای روسی', `میگ${Z}های روسی`, 'nor after a verb form: MiGs, not می‌گه‌ای'],
  ['اون چیزایی که میگی', `اون چیزایی که می${Z}گی`, 'colloquial line, chat plural: چیز + ا + یی, not a compound چی + زایی cut through the known word چیز'],
  ['بازیگرا اومدن', 'بازیگرا اومدن', 'the same: بازیگر + chat plural ا (actors), not بازی + گرا'],
  ['مکتب حسگرایی در هنر', `مکتب حس${Z}گرایی در هنر`, 'formal text has no chat plural: حس‌گرایی, not حسگر + ایی'],
  ['تصمیمگیریها', `تصمیم${Z}گیری${Z}ها`, 'a word in ی + the plural ها is no chat plural in ا: its cuts stay'],
  ['اون موقع میومد خونه', 'اون موقع میومد خونه', 'chat اومد with its ا dropped after می (میومد): written glued, never می‌ومد'],
  ['نمیومدن', 'نمیومدن', 'the same after نمی, with the past ending ن'],
  ['یهو میوفتم زمین', 'یهو میوفتم زمین', 'chat اوفت (افت) with its ا dropped after می: glued (was می‌وفتم)'],
  ['باد میوزد', `باد می${Z}وزد`, 'a verb that itself starts with و (وزیدن) still takes the ZWNJ'],
  ['میفته', `می${Z}فته`, 'chat: the initial ا of افت dropped after می, + ه'],
  ['مینداختم', `می${Z}نداختم`, 'chat: the initial ا of the past stem انداخت dropped'],
  ['میندازمش', `می${Z}ندازمش`, 'chat: a verb form + an object clitic (ش)'],
  ['نمیخوندمش', `نمی${Z}خوندمش`, 'chat: a spoken past form (خوند) + م + ش'],
  ['میدانش', 'میدانش', 'trap: a known noun + ش (a bare stem دان + ش is no verb form)'],
  ['میدونش', 'میدونش', 'trap: chat میدون (square) + ش, not می + دون + ش'],
  ['میبرتت', `می${Z}برتت`, 'chat: the 3sg ه turned ت before a clitic (بره + ت)'],
  ['میشینه', `می${Z}شینه`, 'chat: the spoken stem شین of نشستن'],
  ['آیندهمون', `آینده${Z}مون`, 'chat: a word in نده + مون (the verb form ندهی, "you do not give", is no sign of a pronounced ه)'],
  ['سرزندهی', `سرزنده${Z}ی`, 'chat: the ezafe ی after a word in نده'],
  ['میگذشته', `می${Z}گذشته`, 'a participle after می: the past progressive perfect'],
  ['نمیچرخیده', `نمی${Z}چرخیده`, 'the same after نمی'],
  ['آنها کار میکردهاند و نمیدانستهاید', `آنها کار می${Z}کرده${Z}اند و نمی${Z}دانسته${Z}اید`, 'the same with its personal ending glued: the ending is cut off too (were می‌کردهاند, نمی‌دانستهاید; the training text writes such forms with both ZWNJs 19 times, never glued)'],
  ['برمیگشتهاند', `برمی${Z}گشته${Z}اند`, 'the same after a preverb + می'],
  ['میخانهام و میوهام', `میخانه${Z}ام و میوه${Z}ام`, 'trap: a word in می + ه that is no participle keeps its only ZWNJ before the clitic'],
  ['میخانه', 'میخانه', 'trap: a known word in می + a word in ه that is no participle'],
  ['میدان', 'میدان', 'trap: a known noun in می'],
  ['کتابهامو', `کتاب${Z}هامو`, 'chat: a plural + clitic + رو glued to a known noun'],
  ['نوشتههام', `نوشته${Z}هام`, 'chat: the same after a noun in ه (not نوشته + ه‌ام)'],
  ['بچههاشون', `بچه${Z}هاشون`, 'chat: plural + شون'],
  ['کمبودهام', 'کمبودهام', 'after a letter that does not join the word stays whole (not کمبوده‌ام)'],
  ['تنهام', 'تنهام', 'trap: تنها + م, not تنه + ‌ام nor تن + هام'],
  ['رفتهام', `رفته${Z}ام`, 'trap: a past stem: رفته + ‌ام, not رفت + هام'],
  ['خونهات', 'خونهات', 'trap: خونه (chat for خانه) + ات, not خون + هات'],
  ['همهشون', `همه${Z}شون`, 'chat: a clitic after a word in a silent ه'],
  ['همیشهشون', `همیشه${Z}شون`, 'chat: the same where the formal word + شان is one the text never shows (the rule below now gives همیشه‌شان)'],
  ['خونهمون', `خونه${Z}مون`, 'chat: the same after a chat word (خونه)'],
  ['حوصلهم', `حوصله${Z}م`, 'chat: one clitic letter'],
  ['اینهم', `این${Z}هم`, 'trap: این + هم "too", not اینه + م'],
  ['توجهش', 'توجهش', 'trap: a pronounced ه takes its clitic glued'],
  ['نگهش', 'نگهش', 'trap: نگه (from نگاه) has a pronounced ه'],
  ['میاومد', `می${Z}اومد`, 'chat: an informal form in ا other than آمدن / آوردن takes the ZWNJ'],
  ['بچهی', `بچه${Z}ی`, 'chat: the ezafe ی after a silent ه'],
  ['شدهن', `شده${Z}ن`, 'chat: the copula ن after a participle'],
  ['فیروزکوهی', 'فیروزکوهی', 'trap: the compound ends in a pronounced ه (کوهی)'],
  ['اگهی', 'اگهی', 'trap: آگهی misspelt, not chat اگه + ی'],
  ['پنجرهایه', `پنجره${Z}ایه`, 'chat: the indefinite + copula ایه after a silent ه'],
  ['معجزهست', `معجزه${Z}ست`, 'chat: the copula ست after a silent ه'],
  ['محله مون', `محله${Z}مون`, 'chat, typed apart: a clitic whose formal counterpart (محله مان) would join'],
  ['همسایه هاش', `همسایه${Z}هاش`, 'chat, typed apart: plural + clitic'],
  ['خونه ش', `خونه${Z}ش`, 'chat, typed apart: a clitic letter after a silent ه'],
  ['گروه ش', 'گروه ش', 'trap: not after a pronounced ه'],
  ['علی م. رضایی', 'علی م. رضایی', 'trap: a letter elsewhere is an initial'],
  ['به شون', 'به شون', 'trap: not after a two-letter word'],
  [`خونه${Z}ی ما و کتابهامو`, `خونه${Z}ی ما و کتاب${Z}هامو`, 'chat plural + clitics also in a line that writes its ZWNJs'],
  [`خونه${Z}ی ما و اندوهم`, `خونه${Z}ی ما و اندوهم`, 'trap: but no clitic letter there (اندوه has a pronounced ه)'],
  [`درست${Z}\u064eهای`, `درست${Z}\u064eهای`, 'a word the writer cut with a ZWNJ before a diacritic stays as written (was given two more ZWNJs)'],
  ['مجریهست', `مجری${Z}هست`, 'trap: مجری + هست "is", the commoner reading, not مجریه + ست'],
  ['یه کار دارم، فردا میرم خونه', `یه کار دارم، فردا می${Z}رم خونه`, 'a colloquial line: میرم is می + رم "I go"'],
  ['اگه بیای میدم بهت', `اگه بیای می${Z}دم بهت`, 'a colloquial line: میدم "I give"'],
  ['تا نمیرم از این راه برنمی‌گردم', 'تا نمیرم از این راه برنمی‌گردم', 'trap: a formal line, نمیرم "(that) I do not die"'],
  ['یه میزان مشخص داره', 'یه میزان مشخص داره', 'trap: a colloquial line, but میزان (amount) is no chat verb form'],
  ['یه عالمه حرف داره، حرفهاش قشنگه', `یه عالمه حرف داره، حرف${Z}هاش قشنگه`, 'a colloquial line: chat plural + ش after a stem far commoner than stem + ه'],
  ['حرفهاش قشنگ است', `حرفه${Z}اش قشنگ است`, 'trap: a formal line keeps the formal reading (حرفه + ‌اش)'],
  ['دیگه نفسهام بند اومده', `دیگه نفس${Z}هام بند اومده`, 'a colloquial line: نفس‌هام'],
  ['اگه بیای بهت می دم', `اگه بیای بهت می${Z}دم`, 'a colloquial line: می typed apart from a chat verb form joins it'],
  ['دنبالکنندههام', `دنبالکننده${Z}هام`, 'a word in ه + هام where word + ه is none: the plural (was دنبالکنندهه‌ام)'],
  ['خونههاشون', `خونه${Z}هاشون`, 'the same after a chat word in ه'],
  ['شبههام', `شبهه${Z}ام`, 'trap: شبهه (doubt) is a word in هه: + ‌ام'],
  ['تا نمی رم از اینجا', 'تا نمی رم از اینجا', 'trap: the same letters in a formal line stay apart'],
  ['شکنجهگران و گشادهدستی', `شکنجه${Z}گران و گشاده${Z}دستی`, 'a word in a silent ه + a word, glued: the ه cannot join inside a word (the best cut had left them whole)'],
  ['روزهایمان', 'روزهایمان', 'trap: روز + the plural may be meant: not روزه + ایمان'],
  [`قرار${Z}بود فردا بیاید`, 'قرار بود فردا بیاید', 'a ZWNJ that cannot show, typed for a space: the corpus writes قرار بود apart (it glued them: قراربود)'],
  [`و${Z}مردم آمدند`, 'و مردم آمدند', 'the same after و'],
  [`هوا خیلی سرد${Z}بود`, 'هوا خیلی سرد بود', 'a form of بودن after an invisible ZWNJ is a word of its own'],
  [`کجا${Z}بودم`, 'کجا بودم', 'the same with a personal ending'],
  [`هوا خیلی خراب${Z}بود و من${Z}بودم`, 'هوا خیلی خراب بود و من بودم', 'a ZWNJ that shows, typed for a space before a form of بودن after a word (tweets: 106 such, all spaces; the treebank text writes a ZWNJ before بود only after می/نمی or a participle): the word before is no می/نمی and does not end in ه, and the two glued are no word the model knows (were left as written)'],
  [`کم${Z}بود و می${Z}بود و کشته${Z}بود`, `کم${Z}بود و می${Z}بود و کشته${Z}بود`, 'trap: not where the parts glued are a word (کمبود, shortage), after می, nor after ه (a past perfect bloggers write as one word: iPerUDT train کشته‌بود, one token)'],
  [`کشور${Z}ها و امضا${Z}کننده و یاد${Z}شده`, 'کشورها و امضاکننده و یادشده', 'trap: the parts written together are a known word: glued, as before'],
  [`ناروا${Z}ست`, 'نارواست', 'trap: the copula ست is no word of its own'],
  [`هر${Z}از${Z}چند${Z}گاه و تو${Z}در${Z}تو`, 'هرازچندگاه و تودرتو', 'trap: a compound of three parts or more is glued whole (هر از is written apart in the corpus)'],
  ['سهامگذاران و اتهامها', `سهام${Z}گذاران و اتهام${Z}ها`, 'a clitic or the copula is a word\'s last piece: nothing follows ‌ام (were سه‌ام‌گذاران, اته‌ام‌ها)'],
  ['سهمخواهی', `سهم${Z}خواهی`, 'nor a clitic letter: not سه + م + خواهی (was سه‌م‌خواهی)'],
  ['او را بهاتهام جاسوسی گرفتند', 'او را بهاتهام جاسوسی گرفتند', 'an unknown stem + ‌ام is no cut through a known word: به + اتهام glued (was بهاته‌ام)'],
  ['کودک هشتسالهای', `کودک هشت${Z}ساله${Z}ای`, 'trap: the indefinite ‌ای still follows an unknown compound'],
  ['آنها همه گوهرند', 'آنها همه گوهرند', 'a host in وه the text never shows is no word in a silent ه (گوه, like کوه): گوهر + ند, not گوه + رند (was گوه‌رند)'],
  ['جیوهسنج و جلوهگاه', `جیوه${Z}سنج و جلوه${Z}گاه`, 'trap: after ی + و the ه is silent (جیوه, only listed), and a host the text shows is read as before (جلوه)'],
  ['قیمت بیتکوین و کامیابیهای او', `قیمت بیت${Z}کوین و کامیابی${Z}های او`, 'a cut the text never saw yields to a lexicon that writes the word with its ZWNJ elsewhere (were بی‌تکوین, کام‌یابی‌های)'],
  ['ریخت و پاشهای بیرویه', `ریخت و پاش${Z}های بی${Z}رویه`, 'trap: not where the two differ on ه‌ای / ‌های at the end (the lexicon\'s پاشه‌ای): the line decides that'],
  ['قال رسول الله صلی الله علیه و آله: یا ایها الناس', `قال رسول${Z}الله صلی الله علیه و آله: یا ایها الناس`, 'an Arabic quotation (ایها, قال with words in ال) takes no Persian cut: ایها was ای‌ها; the article compound رسول‌الله is joined, as the treebank text writes it inside verses too'],
  ['امام فرمود: «یا ایها الذین آمنوا» و کتابها را آورد', `امام فرمود: «یا ایها الذین آمنوا» و کتاب${Z}ها را آورد`, 'the Arabic stretch ends at its quotation marks: the Persian text around it is repaired as before'],
  ['هذا من فضل ربی را روی کتابها نوشت', `هذا من فضل ربی را روی کتاب${Z}ها نوشت`, 'trap: a stretch with a Persian word (را, a letter as پ چ ژ گ) is Persian, whatever Arabic it quotes'],
  ['او هم الان کتابها را آورد', `او هم الان کتاب${Z}ها را آورد`, 'trap: weak marks only (هم, a word in ال) make no Arabic phrase'],
  ['کرهایها و هستهایاش و خانهام', `کره${Z}ای${Z}ها و هسته${Z}ای${Z}اش و خانه${Z}ام`, 'trap: the adjectival ‌ای takes more after it, and a clitic at the end is still cut'],
  ['این کار علمیای بود که ورودیای نداشت', `این کار علمی${Z}ای بود که ورودی${Z}ای نداشت`, 'a known word in ی + the indefinite ‌ای glued takes its ZWNJ, as the text writes دینی‌ای, جدی‌ای (were left glued: the cut search had no sighting of the pair)'],
  ['در دنیای امروز و دریای خزر', 'در دنیای امروز و دریای خزر', 'trap: دنیا, دریا + the ezafe ی, not دنی + ‌ای'],
  ['واسه من و خیلیای دیگه سخته', 'واسه من و خیلیای دیگه سخته', 'trap: in chat X‌یای is as often the plural ا + the ezafe (خیلیا + ی): left glued in a colloquial line'],
  ['رفتم میدون تره‌بار و تو میدون انقلاب میدونم کجاست', `رفتم میدون تره‌بار و تو میدون انقلاب می${Z}دونم کجاست`, 'a chat word the informal lexicons list (میدون, chat\'s میدان, a square) is no می + a verb form (was می‌دون: دون is chat\'s "they run"); the verb میدونم is still cut'],
  ['او پایه گذار این مکتب و بدعت گذار بود', `او پایه${Z}گذار این مکتب و بدعت${Z}گذار بود`, 'a pair typed apart that the text writes with a ZWNJ only before an ending (پایه‌گذاری, پایه‌گذاران; never apart) is one word (was left apart: the text never shows پایه‌گذار alone)'],
  ['سپاس گزار شما و عبادت گزار هستم', `سپاس${Z}گزار شما و عبادت${Z}گزار هستم`, 'a piece never seen alone whose form + ی or ان heads compounds (گزاری, گزاران) heads a compound typed apart too (گزار was seen once after a ZWNJ, too rarely to count by itself)'],
  ['مناطق زلزله زده و سیل زده', `مناطق زلزله${Z}زده و سیل${Z}زده`, 'the same for a second word in a silent ه, by its plural and abstract noun in گان, گی (the text writes زلزله‌زدگان, never زلزله‌زده alone)'],
  ['ساعت سه بعد از ظهر آمد', 'ساعت سه بعد از ظهر آمد', 'trap: a second word seen after a ZWNJ far less than alone (بعد) joins nothing, though the text writes سه‌بعدی'],
  ['باید نرخ را تعیین کنند', 'باید نرخ را تعیین کنند', 'trap: nor a verb form seen alone (کنند), though the text writes تعیین‌کنندگان'],
  ['ضربه رو زندانیای سیاسی واقعی میخورن نه امثال این فیک بازای نون تو خون مردم', `ضربه رو زندانیای سیاسی واقعی می${Z}خورن نه امثال این فیک بازای نون تو خون مردم`, 'trap: the same in a long line with a single colloquial marker (رو), too few for a colloquial line'],
  ['می\u00a0خواهم', `می${Z}خواهم`, 'a NO-BREAK SPACE (Word documents, HTML &nbsp;) where the half-space belongs is decided as a plain space: joined, the NBSP becomes the ZWNJ (was kept, می + خواهم)'],
  ['کتاب\u202fها و نرم\u2009افزار', `کتاب${Z}ها و نرم${Z}افزار`, 'the same for a NARROW NO-BREAK SPACE and a THIN SPACE'],
  ['دکتر\u00a0ها آمدند', 'دکترها آمدند', 'and where the plain-space case glues (دکتر ها → دکترها) the NBSP goes'],
  ['ماه\u00a0می\u00a0سال', 'ماه\u00a0می\u00a0سال', 'trap: no join (می is the month May), so the NBSPs stay exactly as written'],
  ['۱۰\u00a0درصد و Mr.\u00a0Smith', '۱۰\u00a0درصد و Mr.\u00a0Smith', 'NBSPs after a number or between Latin words are no Persian word gap: kept'],
  ['سفرهای\u00a0از', 'سفره\u200cای\u00a0از', 'the look at the next word (a plural + ezafe before از is a noun in ه + ‌ای) reads across an NBSP as across a space (was سفرهای, untouched)'],
  ['هیچ\u00a0زمینهای', 'هیچ\u00a0زمینه\u200cای', 'so does the look at the word before (هیچ takes a singular: زمینه‌ای)'],
];

describe('half-space repair', () => {
  for (const [input, expected, reason] of CASES) {
    it(`${reason}: ${input}`, () => {
      expect(nz.normalize(input, { digits: 'keep' })).toBe(expected);
    });
  }

  // found by fuzzing: a line the first pass gave a ZWNJ is read with care by the second, which must agree with the
  // first on a word in می that is itself a verb form (میرید) or that the decoder keeps whole (میرندین)
  it.each([
    ['میرید میشودهستهای بدوزد', 'a glued word that is itself a verb form'],
    ['لانههای میرندین ', 'a chat verb form the decoder keeps whole'],
    ['یه میرید میشودهستهای', 'the same in a colloquial line'],
    ['مینوسیم آیتالله', 'می + a listed verb form (نوسیم) that the decoder keeps whole: a train tweet, cut only by the second pass once آیت‌الله had its ZWNJ'],
    ['سلام \u200cکتاب\u200cبود و کتاب\u200cبود\u200c', 'a ZWNJ that shows before بود, next to an edge ZWNJ the first pass removes: the parts are read as the second pass reads them (found by fuzzing)'],
    ['نمیاید\u200cکم\u200cبود', 'nor where the first pass glues the part before to its neighbour (نمیایدکم, which the model never saw: left)'],
  ])('idempotent: %s (%s)', (s) => {
    const once = nz.normalize(s);
    expect(nz.normalize(once)).toBe(once);
  });

  it('style "academy" separates ها and تر from known stems, not lexicalised words', () => {
    expect(nz.normalize('آنها', { style: 'academy' })).toBe(`آن${Z}ها`);
    expect(nz.normalize('آنها')).toBe('آنها'); // corpus convention
    expect(nz.normalize('کمتر', { style: 'academy' })).toBe('کمتر');
  });

  it('with diacritics removed, a word that begins with a vowel sign after a space is not joined (idempotence)', () => {
    const rows: [string, string, string][] = [
      ['هفت \u064eها', 'هفت \u064eها', 'the character step keeps a sign with no letter before it; joined (هفت‌َها) a second pass dropped it (هفت‌ها): left as written, stable (found by a fuzz of normalize twice)'],
      ['کتاب ها', `کتاب${Z}ها`, 'without the sign the plural joins as before'],
    ];
    for (const [input, expected, why] of rows) {
      const once = nz.normalize(input, { diacritics: 'remove' });
      expect(once, why).toBe(expected);
      expect(nz.normalize(once, { diacritics: 'remove' }), why).toBe(once);
    }
    expect(nz.normalize('هفت \u064eها'), 'the signs kept (default): the join stands as before').toBe(`هفت${Z}\u064eها`);
  });
  it('halfSpace "keep" leaves run-together words alone', () => {
    expect(nz.normalize('میشود', { halfSpace: 'keep' })).toBe('میشود');
  });

  it('reports each inserted ZWNJ as a half-space change at the right offset', () => {
    const a = nz.normalizeAligned('سیاستهای جدید');
    const ch = a.changes();
    expect(ch).toEqual([{ start: 5, end: 5, before: '', after: Z, kind: 'half-space', kinds: ['half-space'] }]);
  });

  it('reports a plural glued across a space as a deleted space at the right offset', () => {
    const a = nz.normalizeAligned('دکتر ها آمدند');
    expect(a.text).toBe('دکترها آمدند');
    expect(a.changes()).toEqual([{ start: 4, end: 5, before: ' ', after: '', kind: 'half-space', kinds: ['half-space'] }]);
  });

  it('reports a join and a glue across a no-break space like those across a space', () => {
    const a = nz.normalizeAligned('می\u00a0خواهم و دکتر\u202fها');
    expect(a.text).toBe(`می${Z}خواهم و دکترها`);
    expect(a.changes()).toEqual([
      { start: 2, end: 3, before: '\u00a0', after: Z, kind: 'half-space', kinds: ['half-space'] },
      { start: 15, end: 16, before: '\u202f', after: '', kind: 'half-space', kinds: ['half-space'] },
    ]);
  });

  it('a writer who already uses ZWNJs is trusted: glued words that may be deliberate stay', () => {
    // this line has a ZWNJ, so the unknown glued word is not split on weak evidence
    expect(nz.normalize(`می${Z}روند و کتابهایی`)).toBe(`می${Z}روند و کتابهایی`);
    // without any ZWNJ in the line the same word is repaired
    expect(nz.normalize('میروند و کتابهایی')).toBe(`می${Z}روند و کتاب${Z}هایی`);
  });
});

describe('half-space repair with a piece bound in a smaller model', () => {
  // الله follows a ZWNJ 186 times and starts a word 48: just short of a bound suffix (more than four times as often) in
  // the shipped model; in a model trained on less text (the tuning models) it is one. The copy makes it one.
  const data = decodeHalfSpace(bytes);
  data.pieces.get('الله')![0] = 40;
  const nzBound = createNormalizer({ halfSpace: HalfSpaceModel.fromBytes(encodeHalfSpace(data)) });
  const ROWS: [string, string, string][] = [
    ['خود به الله واحد یقین بیاورید', 'خود به الله واحد یقین بیاورید', 'a bound word in ال joins no function word (به, as in the Arabic-article rules; was به‌الله: ‌ای ‌ام ‌اند join any word in ه)'],
    ['رسول الله و بقیه الله', `رسول${Z}الله و بقیه${Z}الله`, 'trap: after other words it still joins'],
  ];
  for (const [input, expected, reason] of ROWS) {
    it(`${reason}: ${input}`, () => {
      expect(nzBound.normalize(input)).toBe(expected);
    });
  }
});

describe('numberCompoundRest (the training script\'s number compounds for FLAG_NUM_APART)', () => {
  // counts of the PerDT 30% tuning model's text: [after a cardinal, apart or with a ZWNJ; seen alone or so]
  const COUNTS: Record<string, [number, number]> = { ساله: [94, 91], است: [5, 4648], مرغ: [2, 30], نان: [1, 61], باره: [13, 39] };
  const near = (b: string): number => COUNTS[b]?.[0] ?? 0;
  const seen = (b: string): number => COUNTS[b]?.[1] ?? 0;
  const ROWS: [string, string | null, string][] = [
    ['چهارساله', 'ساله', 'a whole number word + a word that goes with numbers'],
    ['صدساله', 'ساله', 'the same after صد'],
    ['سیاست', null, 'trap: starts with سی, but است follows a number in 5 of its 4,648 sightings (سیاست counted 86 joins for است)'],
    ['سیمرغ', null, 'trap: مرغ follows a number in 2 of its 30 sightings'],
    ['دوباره', 'باره', 'باره follows a number in a third of its sightings (دو باره, سه‌باره)'],
    ['دونان', null, 'trap: نان follows a number once in 61 sightings'],
    ['هشتگ', null, 'trap: starts with هشت, and the rest is under three letters'],
    ['سیاه', null, 'trap: no rest of three letters after a number word'],
  ];
  for (const [w, expected, reason] of ROWS) {
    it(`${reason}: ${w}`, () => {
      expect(numberCompoundRest(w, near, seen)).toBe(expected);
    });
  }
});

describe('half-space model format', () => {
  it('round-trips: decode(encode(decode(bytes))) loses nothing and is byte-identical', () => {
    const data = decodeHalfSpace(bytes);
    const again = encodeHalfSpace(data);
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
    const data2 = decodeHalfSpace(again);
    const same = <V>(x: Map<string, V>, y: Map<string, V>): boolean =>
      x.size === y.size && [...x].every(([k, v]) => JSON.stringify(y.get(k)) === JSON.stringify(v));
    expect(same(data.pieces, data2.pieces)).toBe(true);
    expect(same(data.forms, data2.forms)).toBe(true);
    expect(same(data.pairs, data2.pairs)).toBe(true);
    expect(same(data.attach, data2.attach)).toBe(true);
    expect(data2.iverbs).toEqual(data.iverbs);
    expect(data.iverbs!.length).toBeGreaterThan(1000);
    expect(Buffer.from(model.toBytes()).equals(Buffer.from(again))).toBe(true);
  });

  it('rejects corrupt or foreign bytes with a coded error', () => {
    expect(() => HalfSpaceModel.fromBytes(new Uint8Array([1, 2, 3]))).toThrow(DabirError);
    const wrongVersion = bytes.slice();
    wrongVersion[4] = 99;
    try {
      HalfSpaceModel.fromBytes(wrongVersion);
      expect.unreachable();
    } catch (e) {
      expect((e as DabirError).code).toBe('E_RESOURCE_VERSION');
    }
  });
});
