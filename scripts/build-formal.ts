/**
 * Builds data/formal.json, the word tables of the formalizer (src/core/formal): colloquial → formal spellings.
 * Deterministic: same inputs, same bytes.
 *
 *   npm run build:formal
 *
 * Sources: hazm `iwords.dat` (informal word → formal) and `iverbs.dat` (informal present stems), shekar
 * `informal_words.csv`, and a short hand table (HAND, below: copulas and pronouns + the object marker, which the lists
 * lack). An entry is left out when its colloquial side is itself common in formal text — seen 10 times or more in the
 * PerDT and Seraji train text (`text/*.txt`), e.g. hazm's `تو → در` (تو is "you"), `اینه → آینه`: formal text must
 * come through unchanged. The verbs' other stems come from data/lemma.bin at run time (see the formalizer).
 */
import { writeFileSync } from 'node:fs';
import { haveShared, readShared, ROOT } from './lib/corpus.js';
import { splitBlocks, SPLITS } from './lib/splits.js';
import { updateManifest } from './lib/manifest.js';

if (!haveShared()) {
  console.log('SKIP build:formal: ../shared/data not found (set DABIR_SHARED)');
  process.exit(0);
}

export const FORMAL_FORMAT_VERSION = 1;

/**
 * Hand entries: colloquial forms the lists lack (present copula and pronoun + object marker), and words the
 * formalizer's rules misread, given as themselves (left as written).
 */
const HAND: [string, string][] = [
  ['هستن', 'هستند'],
  ['هستین', 'هستید'],
  // (chat's هست + ش, "is": the references write هست 3 times in 4; it was read as هسته + اش, its core)
  ['هستش', 'هست'],
  // chat's همه + a clitic with the ه dropped (هممون, همشون: the references write همه‌مان, همه‌اش; هممان, همشان were output)
  ['هممون', 'همه‌مان'],
  ['همتون', 'همه‌تان'],
  ['همشون', 'همه‌شان'],
  ['همش', 'همه‌اش'],
  // (تورو: chat's تو + رو, you + the object marker, as in تورو خدا; read as تور, net, + را. بیفته, نیفته: افتادن's
  // present, which the verb rules leave)
  ['تورو', 'تو را'],
  ['بیفته', 'بیفتد'],
  ['نیفته', 'نیفتد'],
  ['نیستن', 'نیستند'],
  ['نیستین', 'نیستید'],
  ['اینو', 'این را'],
  ['اونو', 'آن را'],
  ['اینارو', 'این‌ها را'],
  ['اونارو', 'آن‌ها را'],
  ['چیو', 'چه چیزی را'],
  ['منو', 'من را'],
  ['مارو', 'ما را'],
  ['شمارو', 'شما را'],
  ['اونجوری', 'آن‌جوری'],
  ['اینجوری', 'این‌جوری'],
  ['همینجوری', 'همین‌جوری'],
  ['اینطوری', 'این‌طوری'],
  ['چجوری', 'چه‌جوری'],
  // (the lists give چکار → چیکار, a chat spelling for a chat spelling)
  ['چکار', 'چه کار'],
  // (the lists give an adjective in ی its noun: تابستونی → تابستان, آرومی → آرام; and اونقدری → آنقدر)
  ['تابستونی', 'تابستانی'],
  ['آرومی', 'آرامی'],
  ['اونقدری', 'آنقدری'],
  ['بازم', 'باز هم'],
  // (chat words the lists lack, frequent in ParsTwiNER's train tweets: هرچی, هرکی, چیکار, اونور, چنتا, یسری, شایدم,
  // اینجوریه were left as written)
  ['هرچی', 'هر چه'],
  ['هرکی', 'هر کس'],
  ['چیکار', 'چه کار'],
  ['اونور', 'آن طرف'],
  ['چنتا', 'چند تا'],
  ['یسری', 'یک سری'],
  ['شایدم', 'شاید هم'],
  ['اینجوریه', 'این‌جوری است'],
  // words the rules misread, left as written (an entry that gives the word itself): English words in و that read as a
  // host + the object marker (فالو, follow, was فال را; لایو, live, لای را), names (تیتو, اکسو, the channel منوتو),
  // گاها (گاهاً without its tanvin, was گاه‌ها, a chat plural) and روسای (رؤسای without its hamza, was روس‌های)
  ['فالو', 'فالو'],
  ['لایو', 'لایو'],
  ['تیتو', 'تیتو'],
  ['اکسو', 'اکسو'],
  ['منوتو', 'منوتو'],
  ['گاها', 'گاها'],
  ['روسای', 'روسای'],
  // Twitter's رشتو (a thread; was رشت را), names (کاستا, Costa, was کاست‌ها; بونو, آگوستو, اندرو, Andrew, were بانو,
  // آگوست را, اندر را; the party کومله was کامل است), بی‌تو (without you, was بیت را), اوهوم (uh-huh, was اوهام) and
  // بومیان (natives, was بامیان)
  ['رشتو', 'رشتو'],
  ['کاستا', 'کاستا'],
  ['بونو', 'بونو'],
  ['آگوستو', 'آگوستو'],
  ['اندرو', 'اندرو'],
  ['کومله', 'کومله'],
  ['بی\u200cتو', 'بی\u200cتو'],
  ['اوهوم', 'اوهوم'],
  ['بومیان', 'بومیان'],
  // (Macron, was مکران; رو + مون, on us, was the name رامون: the ون for ان reading of a rarer word)
  ['مکرون', 'مکرون'],
  // (names in تون, read as a host + chat's clitic تون: تورنتون, اندرتون, هستون, میدلتون were تورنتان, اندرتان, هسه‌تان,
  // میدلتان; and in ا, read as a chat plural: کورونا, کاتالونیا were کوران‌ها, کاتالونی‌ها)
  ['تورنتون', 'تورنتون'],
  ['اندرتون', 'اندرتون'],
  ['هستون', 'هستون'],
  ['میدلتون', 'میدلتون'],
  ['کورونا', 'کورونا'],
  ['کاتالونیا', 'کاتالونیا'],
  // (chat's دادا, brother, was دادها, a chat plural of داد)
  ['دادا', 'دادا'],
  ['رومون', 'رویمان'],
  // (names and foreign words in ا, read as a chat plural of their letters before ا: باربرا, سانسا, الکسا, ساکا, رشیدا,
  // ماسالا were باربرها, سانس‌ها, الکس‌ها, ساک‌ها, رشیدها, ماسال‌ها; ناموسا is ناموساً, honestly, without its tanvin, was
  // ناموس‌ها. No lexicon or frequency test parts them from chat's plurals of rare nouns, پلشتا, لوکیشنا, رزیدنتای)
  ['باربرا', 'باربرا'],
  ['سانسا', 'سانسا'],
  ['الکسا', 'الکسا'],
  ['ساکا', 'ساکا'],
  ['رشیدا', 'رشیدا'],
  ['ماسالا', 'ماسالا'],
  ['ناموسا', 'ناموسا'],
  // (English words in ت, read as a host in ا / و / ی + the clitic ت: نوت, note, بات, bot, دونات, donut, دیلیت, delete,
  // کردیت, credit, were نویت, بایت, دانایت, دیلی‌ات, کردی‌ات)
  ['نوت', 'نوت'],
  ['بات', 'بات'],
  ['دونات', 'دونات'],
  ['دیلیت', 'دیلیت'],
  ['کردیت', 'کردیت'],
  // (more names and words the rules misread: ملکه, queen, was ملک است, the copula; the town دورود was درود, as the word
  // lists give it; هیستون, Houston, was هیستان; فرومون, pheromone, was فرویمان)
  ['ملکه', 'ملکه'],
  // (formal words and a town in ه read as a word + the copula at a clause's end: قوه مجریه, the executive, هیئت رییسه,
  // the presiding board, the town آباده were مجری است, رییس است, آباد است)
  ['مجریه', 'مجریه'],
  ['رییسه', 'رییسه'],
  ['آباده', 'آباده'],
  ['دورود', 'دورود'],
  ['هیستون', 'هیستون'],
  ['فرومون', 'فرومون'],
  // (chat spellings read wrongly: دیوونه, which a lexicon lists, was left as written and at a clause's end was دیوان
  // است; همونا, those same, was همانا, indeed; خدمتون, خدمت + تون with one ت, was خدمه‌تان; لاکن is لکن, but)
  ['دیوونه', 'دیوانه'],
  ['همونا', 'همان‌ها'],
  ['خدمتون', 'خدمتتان'],
  ['لاکن', 'لکن'],
  // fixed phrases written glued (ازنو, again, was ازن را; گمشو, was گمش را)
  ['ازنو', 'از نو'],
  // (به دنیا written glued: بدنیا اومدن, was بدنی‌ها, a chat plural of بدنی)
  ['بدنیا', 'به دنیا'],
  ['گمشو', 'گم شو'],
  // chat's م for هم (also) after a pronoun or an adverb (شمام راضی باش; the chains read شمام as شما + the 1sg clitic,
  // شمایم, اونام as آن‌هایم, خیلیم as خیلی‌ام)
  ['شمام', 'شما هم'],
  ['اونام', 'آن‌ها هم'],
  ['اینام', 'این‌ها هم'],
  ['ایشونم', 'ایشان هم'],
  ['خیلیم', 'خیلی هم'],
  ['هنوزم', 'هنوز هم'],
  ['اینم', 'این هم'],
  ['منم', 'من هم'],
  ['کسایی', 'کسانی'],
  ['همینه', 'همین است'],
  ['اینه', 'این است'],
  ['اونه', 'آن است'],
  ['چیه', 'چیست'],
  ['کیه', 'کیست'],
  ['کجاس', 'کجاست'],
  ['نمیدونم', 'نمی‌دانم'],
  ['ممکنه', 'ممکن است'],
  ['بهتره', 'بهتر است'],
  ['قراره', 'قرار است'],
  ['اونهایی', 'آن‌هایی'],
  ['دیگهای', 'دیگری'],
  // (a chat plural the vocabulary lists as often as its host, which the formalizer reads as a word of its own: یه
  // جورایی, somehow)
  ['جورایی', 'جورهایی'],
  ['خودتم', 'خودت هم'],
  ['خودمم', 'خودم هم'],
  ['خودشم', 'خودش هم'],
  ['توش', 'در آن'],
  ['توشون', 'در آن‌ها'],
  // a preposition + a chat clitic is a preposition + a pronoun in formal text (بهش گفتم → به او گفتم; Shekasteh's
  // development half: به او / از او 7 times, به آن / با آن 4: ش is read as a person); read otherwise as a noun + a
  // clitic (بهشون → به‌شان, باهاش → باهایش). بهم and بهت (به هم, بهت astonishment) are formal words: the formalizer
  // rewrites those two in colloquial lines only (HELD_WORDS)
  ['بهش', 'به او'],
  ['بهشون', 'به آن‌ها'],
  ['بهتون', 'به شما'],
  ['بهمون', 'به ما'],
  ['ازش', 'از او'],
  ['ازشون', 'از آن‌ها'],
  ['ازتون', 'از شما'],
  ['ازم', 'از من'],
  ['ازت', 'از تو'],
  ['باهاش', 'با او'],
  ['باهاشون', 'با آن‌ها'],
  ['باهاتون', 'با شما'],
  ['باهامون', 'با ما'],
  ['باهام', 'با من'],
  ['باهات', 'با تو'],
  ['واسش', 'برایش'],
  ['واسشون', 'برایشان'],
  ['واستون', 'برایتان'],
  ['واسمون', 'برایمان'],
  ['واسم', 'برایم'],
  ['واست', 'برایت'],
];

const norm = (s: string): string => s.normalize('NFC').replace(/ي/g, 'ی').replace(/ك/g, 'ک').trim();

// words of formal text, to leave out colloquial entries that are formal words too
const formalCount = new Map<string, number>();
for (const f of ['text/perdt-train.txt', 'text/seraji-train.txt']) {
  for (const w of readShared(f).split(/[\s.,،؛:!?؟«»()"]+/)) if (w) formalCount.set(w, (formalCount.get(w) ?? 0) + 1);
}
/** a colloquial word of novels' dialogue shows up a few times (یه 8×, اگه 8×); one written this often is formal too (توی, رو, چی) */
const FORMAL_MIN = 10;
/**
 * list entries that are formal words or names themselves (ناهار, the name ابرام; دون, lowly, and Don Corleone's دون:
 * chat writes a grain دونه)
 */
const NOT_COLLOQUIAL = new Set(['ابرام', 'ناهار', 'بوم', 'دهن', 'سیا', 'مش', 'مشد', 'کا', 'صب', 'چن', 'اروا', 'مرتیکه', 'خب', 'مشتی', 'دون']);

const words = new Map<string, string>();
const dropped: string[] = [];
const add = (inf: string, formal: string, hand = false): void => {
  inf = norm(inf);
  // (shekar's list writes a few formal sides with a ZWNJ before them: مهمون → ‌مهمان, خانوما → ‌خانم‌ها)
  formal = norm(formal).replace(/^\u200c+|\u200c+$/g, '');
  // (the word itself only from the hand table: a word left as written)
  if (!inf || !formal || (inf === formal && !hand) || inf.length < 2 || /\s/.test(inf) || words.has(inf)) return;
  // the tanvin (واقعا → واقعاً) is a matter of style, not register
  if (formal === inf + '\u064b') return;
  if (!hand && ((formalCount.get(inf) ?? 0) >= FORMAL_MIN || NOT_COLLOQUIAL.has(inf))) {
    dropped.push(`${inf} → ${formal} (${formalCount.get(inf)}× in formal text)`);
    return;
  }
  words.set(inf, formal);
};
for (const [a, b] of HAND) add(a, b, true);
for (const line of readShared('lexicon/hazm/iwords.dat').split('\n')) {
  const [a, ...b] = line.trim().split(/\s+/);
  if (a && b.length) add(a, b.join(' '));
}
for (const line of readShared('lexicon/shekar/informal_words.csv').split('\n')) {
  const [a, b] = line.trim().split(',');
  if (a && b) add(a, b);
}

// informal present stems → formal present stems (hazm iverbs.dat: "past#present informal flag")
const stems = new Map<string, string>();
for (const line of readShared('lexicon/hazm/iverbs.dat').split('\n')) {
  const [pair, inf] = line.trim().split(/\s+/);
  if (!pair || !inf) continue;
  const present = norm(pair.split('#')[1] ?? '');
  const i = norm(inf);
  // (hazm writes the present stem of آوردن اور; a typo in تاراندن: تااران)
  if (!present || present.includes('اا') || stems.has(i)) continue;
  stems.set(i, present === 'اور' ? 'آور' : present);
}
// spoken stems the list lacks
for (const [a, b] of [
  ['شین', 'نشین'],
  ['یا', 'آی'],
  ['ذار', 'گذار'],
  ['زار', 'گذار'],
  ['گ', 'گوی'],
  ['خا', 'خواه'],
] as const) {
  if (!stems.has(a)) stems.set(a, b);
}
// chat's زار is ذار misspelt (بزار, می‌زارم: بگذار, می‌گذارم) far more often than the rare گزاردن that hazm's list
// gives it (می‌زاره was می‌گزارد)
stems.set('زار', 'گذار');

// adjectives: the word forms the treebanks' train parts tag ADJ at least ADJ_MIN times and in half their uses or more
// (خوب, سخت, جالب; ایران, پسر, which the lexicon lists as adjectives too, are nouns there). The formalizer reads such a
// word + ه inside a clause as the copula (خوبه الان → خوب است الان); after a noun the ه is chat's definite article or
// ezafe (پسره گفت, فوتبال ایرانه). Validation parts are not read
const ADJ_MIN = 2;
const adjCount = new Map<string, number>();
const formCount = new Map<string, number>();
for (const name of ['perdt', 'seraji', 'iperudtTrain', 'perdtEarly']) {
  for (const b of splitBlocks(name, SPLITS[name]!.train)) {
    for (const l of b.split('\n')) {
      const t = l.split('\t');
      if (t.length < 4 || !/^\d+$/.test(t[0]!)) continue;
      const w = norm(t[1]!);
      formCount.set(w, (formCount.get(w) ?? 0) + 1);
      if (t[3] === 'ADJ') adjCount.set(w, (adjCount.get(w) ?? 0) + 1);
    }
  }
}
const adjectives = [...adjCount]
  .filter(([w, n]) => n >= ADJ_MIN && 2 * n >= formCount.get(w)! && !/[\s\u200c]/.test(w))
  .map(([w]) => w)
  .sort();

const sorted = <V>(m: Map<string, V>): [string, V][] => [...m].sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
const license = 'MIT (hazm iwords.dat, iverbs.dat; shekar informal_words.csv)';
const data = {
  meta: {
    format: FORMAL_FORMAT_VERSION,
    license,
    sources: 'hazm iwords.dat, iverbs.dat; shekar informal_words.csv; hand table (scripts/build-formal.ts); filtered by PerDT and Seraji train text',
  },
  words: sorted(words),
  stems: sorted(stems),
  adjectives,
};
const bytes = new TextEncoder().encode(JSON.stringify(data) + '\n');
writeFileSync(`${ROOT}data/formal.json`, bytes);
updateManifest('formal.json', bytes, license);
console.log(`data/formal.json: ${words.size} words, ${stems.size} stems, ${adjectives.length} adjectives, ${bytes.length} bytes; left out as formal words: ${dropped.length}`);
if (process.env.SHOW) for (const d of dropped) console.log('  ' + d);
