/**
 * Half-space (ZWNJ) repair.
 *
 * The text is cut into Persian words (runs of Arabic-script letters, ZWNJ and hamza-above). For each word written
 * without ZWNJ we choose how to cut it into pieces (`segment`), and for each single space between two Persian words
 * (a plain, no-break, narrow no-break or thin space: `typedGap`) we choose whether the two belong to one word
 * (`shouldJoin`). Both decisions use the learned statistics in `HalfSpaceModel`: how each letter sequence is written
 * in correct text, how often a piece starts a word or follows a ZWNJ, how often two pieces meet across a ZWNJ or
 * across a space, and lexicon flags (verb forms, adjectives, participles). Words already containing a ZWNJ are
 * trusted. A ZWNJ is never put after a non-joining letter.
 */
import type { Edit, StepText } from '../aligned.js';
import { hasStretch, isArabicLetter, isArabicMark, isJoiner, forEachRelevantUnit, unstretchRuns } from '../chars.js';
import { FLAG_ADJ, FLAG_HEAD_STEM, FLAG_LEX, FLAG_NAME, FLAG_NUM_APART, FLAG_PARTICIPLE, FLAG_VERB, FNV_OFFSET, FNV_PRIME, HEAD_STEM_ENDINGS, NUMBER_WORDS, type HalfSpaceModel } from './halfspace-model.js';
import type { ResolvedOptions } from './options.js';
import { PRIME_TEXT } from './prime.js';
import { registerCount, registerOf } from '../register/index.js';

const Z = '\u200c';
/** the endings ه‌ای and ی‌ای, made once (the half-space step's loop concatenated them per word) */
const HEH_ZWNJ_AI = 'ه' + Z + 'ای';
const YE_ZWNJ_AI = 'ی' + Z + 'ای';

const P_PREFIX_SHARE = 2;
/** می and نمی, alone or after a preverb (برمی‌گردد، درنمی‌آید، فرومی‌ریزد ...), longest first */
const MI_PREFIXES = ['برنمی', 'درنمی', 'فرونمی', 'فرانمی', 'وانمی', 'بازنمی', 'ورنمی', 'برمی', 'درمی', 'فرومی', 'فرامی', 'وامی', 'بازمی', 'ورمی', 'نمی', 'می'];
const MI_SET = new Set(MI_PREFIXES);
function isMiPrefix(p: string): boolean {
  return MI_SET.has(p);
}
/** the plural ها and what follows it in one word */
const PLURAL_ENDINGS = ['هایشان', 'هایتان', 'هایمان', 'هایش', 'هایت', 'هایم', 'هایی', 'های', 'ها'];
const ACADEMY_SUFFIXES = [...PLURAL_ENDINGS, 'ترین', 'تر'];
/**
 * the endings pluralApart cuts before: the plural and its clitics, and the plural + the copula (مدتهاست, ارزشهاست: the
 * training text writes مدت‌هاست 3 times, مدتهاست 3, so the model kept it whole); longest first
 */
const PLURAL_APART_ENDINGS = [...PLURAL_ENDINGS, 'هاست'].sort((a, b) => b.length - a.length);
/**
 * the plural endings whose letters also read as a word in ه + a clitic in ا (نامهای: نامه‌ای, نامهایم: نامه‌ایم,
 * نامهایی, نامهاست); هایش, هایشان, هایت ... have no such reading (no clitic ‌ایش, ‌ایشان)
 */
const H_ALEF_READS = new Set(['های', 'هایی', 'هایم', 'هاست']);
/** the demonstratives, which determine the word after them (shouldJoin, PARAMS.demonstrativeApart) */
const DEMONSTRATIVES = new Set(['آن', 'این', 'همان', 'همین']);
/** the copula heads no compound (استالینی is no است + الینی) */
const COPULAS = new Set(['است', 'هست', 'نیست']);
/** function words in a joining letter that take no Arabic article compound (HalfSpaceDecoder.articleJoins) */
const ARTICLE_HOSTS_NOT = new Set(['که', 'به', 'این', 'آن', 'چه', 'نه', 'هم', 'همه', 'یک', 'بی', 'می', 'همین', 'همان', 'چنین', 'چنان', 'بلکه', 'اینکه', 'آنکه', 'چون', 'بین', 'میان']);
/** آنها, اینها, همانها, همینها and their forms with clitics (آنهایشان, آنهاست): PRONOUN_PLURAL_STEMS + a plural chain */
function pronounPlural(w: string): boolean {
  // (every stem starts with ه, آ or ا: most words are out at their first letter)
  const c0 = w.charCodeAt(0);
  if (c0 !== 0x0647 && c0 !== 0x0622 && c0 !== 0x0627) return false;
  for (const p of PRONOUN_PLURAL_STEMS) {
    if (w.length > p.length + 1 && w.startsWith(p) && w.charCodeAt(p.length) === 0x0647 && w.charCodeAt(p.length + 1) === 0x0627) {
      const rest = w.slice(p.length);
      return PLURAL_ENDINGS.includes(rest) || rest === 'هاست';
    }
  }
  return false;
}
// (and ان, آن typed without its madda, as informal text often does: انها stays glued like آنها, was ان‌ها — two lexicons
// list ان‌ها, the text never shows it)
const PRONOUN_PLURAL_STEMS = ['همان', 'همین', 'آن', 'این', 'ان'];
/** pronouns whose plural the treebank text writes glued (آنها, اینها; chat's اونها, madda-less انها), and بدان (= به آن: بدانها) */
const PRONOUN_STEMS = new Set(['آن', 'این', 'همان', 'همین', 'اون', 'همون', 'چنان', 'چنین', 'بدان', 'ان']);
/**
 * chat's forms of آمدن and آوردن after می, written glued with آ as ا (میام, میاد, میارم, میاره): می‌اد is no spelling.
 * Likewise chat's اومد / اوفت (آمد, افت) with the ا dropped after می, the و left (میومد, نمیومدن, میوفتم, میوفته):
 * glued wherever written (the treebank, tweet and PerSpellData text: 31 times, never with a ZWNJ), as the ا-less form
 * cannot take one (می‌ومد). (Other informal forms in ا take the ZWNJ: می‌اومد, می‌افته.)
 */
export const GLUED_AFTER_MI = new Set([
  ...['ام', 'ای', 'اد', 'ایم', 'این', 'ان', 'اید', 'ارم', 'اری', 'اره', 'اریم', 'ارین', 'ارن', 'ارید', 'ارد'],
  // (and the formal endings on آ written ا: میایی, نمیاییم, میایید, میایند — chat writes them glued, Shekasteh's
  // نمیاییم; a ZWNJ made می‌اییم, a spelling no text has)
  ...['ایی', 'اییم', 'ایید', 'ایند'],
  // past stems ومد, وفتاد + the past endings and the participle's ه; present stem وفت + the present endings
  ...['ومد', 'وفتاد'].flatMap((s) => ['', 'م', 'ی', 'یم', 'ین', 'ید', 'ن', 'ند', 'ه'].map((e) => s + e)),
  ...['م', 'ی', 'ه', 'د', 'یم', 'ین', 'ید', 'ن', 'ند'].map((e) => 'وفت' + e),
]);
/**
 * A lexicon's form that is می/نمی (after a preverb, too) + ZWNJ + a GLUED_AFTER_MI form in ا or و (می‌اید, نمی‌ایند,
 * برمی‌اید: DadmaTools' and Parsivar's ZWNJ lists, made from the glued spellings): the text writes these forms glued
 * (FrequencyWords: میاید 89, میایی 57, میاییم 51; tweets, Shekasteh, iPerUDT: میایم 8, میای 10, نمیاییم 2; with the
 * ZWNJ once, one tweet's می‌اید), and the ZWNJ form is a spelling of آمدن neither formal (می‌آید) nor chat (میاد) text
 * uses, so the lexicons' form is not taken.
 */
function lexGluedAfterMi(lex: string): boolean {
  const z = lex.indexOf(Z);
  if (z < 2 || lex.indexOf(Z, z + 1) >= 0 || !isMiPrefix(lex.slice(0, z))) return false;
  const c = lex.charCodeAt(z + 1);
  return (c === 0x0627 || c === 0x0648) && GLUED_AFTER_MI.has(lex.slice(z + 1));
}
/** chat's clitics and plural + clitics written as words, with their formal counterparts (شون → شان, هامو → هایم) */
const INFORMAL_SUFFIXES = new Map([
  ['شون', 'شان'], ['مون', 'مان'], ['تون', 'تان'], ['شونو', 'شان'], ['مونو', 'مان'], ['تونو', 'تان'],
  ['هاش', 'هایش'], ['هام', 'هایم'], ['هات', 'هایت'], ['هاشون', 'هایشان'], ['هامون', 'هایمان'], ['هاتون', 'هایتان'],
  ['هاشو', 'هایش'], ['هامو', 'هایم'], ['هاتو', 'هایت'], ['هاشونو', 'هایشان'], ['هامونو', 'هایمان'], ['هاتونو', 'هایتان'], ['هارو', 'ها'],
]);
/** chat's plural ها + a clitic and / or رو (را), glued: کتاب‌هامو, بچه‌هاشون, کار‌هارو (longest first) */
const INFORMAL_PLURAL_TAILS = [...[...INFORMAL_SUFFIXES.keys()].filter((k) => k.startsWith('ها')), 'هاشونم'].sort((a, b) => b.length - a.length);
/** chat words in ه that take no ezafe (اگه, مگه: اگهی is آگهی misspelt) */
const NO_EZAFE = new Set(['اگه', 'مگه', 'آخه', 'یه', 'چیه', 'دیگه', 'همدیگه', 'چقده']);
/** words in a pronounced ه that the text never shows with a glued ی or clitic (نگه, from نگاه: نگهش) */
const PRONOUNCED_H = new Set(['نگه']);
/** chat's clitics after a word in ه, with the formal clitic the model is asked about (longest first) */
const INFORMAL_CLITICS: [string, string][] = [
  ['شونو', 'شان'], ['تونو', 'تان'], ['مونو', 'مان'], ['شون', 'شان'], ['تون', 'تان'], ['مون', 'مان'],
  // the copula ست / س, the indefinite + copula ایه, the definite هه (جمعهست, بامزهس, پنجرهایه, مدرسههه): the model
  // knows no formal counterpart glued, so the host alone decides ('')
  ['ایه', ''], ['ست', ''], ['هه', ''], ['س', ''],
  ['شو', 'اش'], ['تو', 'ات'], ['مو', 'ام'], ['ش', 'اش'], ['ت', 'ات'], ['م', 'ام'],
  // the ezafe ی (بچهی → بچه‌ی, as chat writes what the treebanks write بچهٔ) and the copula ن after a participle (شدهن)
  ['ی', 'ای'], ['ن', 'اند'],
];
/** the clitic letters written as words after a silent ه (خونه ش), with their formal counterparts */
const LETTER_CLITICS = new Map(INFORMAL_CLITICS.filter(([t]) => t === 'م' || t === 'ت' || t === 'ش'));
const LEXICALISED = new Set(['بیشتر', 'کمتر', 'بهتر', 'مهتر', 'کهتر', 'بیشترین', 'کمترین', 'بهترین', 'تنها', 'بیشتری', 'کمتری', 'بهتری']);
/** prefixes after which a piece seen only after a ZWNJ is a derived word (بی‌آبرویی), not a compound head */
const HEAD_PREFIXES = ['بی', 'نا', 'هم', 'غیر'];
/** personal endings and possessive clitics written glued after a word not in ه or ی, longest first */
const PERSON_ENDINGS = ['شان', 'تان', 'مان', 'یم', 'ید', 'ند', 'م', 'ت', 'ش'];
/** words after which بی is the preposition "without", written apart: pronouns, آن, آنکه, این, هیچ */
const BI_APART = new Set(['من', 'تو', 'او', 'ما', 'شما', 'آنها', 'آن‌ها', 'ایشان', 'وی', 'آن', 'آنکه', 'آن‌که', 'این', 'اینکه', 'این‌که', 'هیچ', 'یک', 'چون']);
/** person clitics and endings, glued after a consonantal ه (ماهم, ماهت, ماهش, راهی) */
const CLITICS_AFTER_H = new Set(['م', 'ت', 'ش', 'مان', 'تان', 'شان', 'ی', 'یم', 'ید', 'ند', 'ه']);
/** chat's plural ا and what follows it in one word (چیزا, چیزایی, آدمامون), longest first: see chatPluralAcross */
const CHAT_PLURAL_ENDS = ['اشون', 'اتون', 'امون', 'ارو', 'ایی', 'ای', 'ام', 'ات', 'اش', 'او', 'ا'];
/** endings after which a known word stays one word (see segmentUncached) */
const WORD_ENDINGS = ['ه', 'ین', 'ی'];
/** endings after which a stem the text writes glued keeps its spelling against the lexicons' form (textGluesStem) */
const STEM_GLUE_ENDINGS = ['یی', 'ی'];
/** the personal endings of the perfect after a participle (رفته‌ام ... رفته‌اند; not the copula است, mostly typed apart) */
const PERFECT_ENDINGS = new Set(['ام', 'ای', 'ایم', 'اید', 'اند']);
const VERB_END = /(?:م|ی|د|یم|ید|ند)$/;
/** the plural + ezafe or ی (کتابهای, کتابهایی): an ending no verb form has */
const PLURAL_YE_END = /هایی?$/;

/** Scoring constants of the cut search (tuned on held-out train text, see scripts/eval-halfspace.ts). */
export const PARAMS = {
  unk: 0,
  unkStem: -1,
  knownStem: 0.05,
  lex: 0.2,
  cut: 1.5,
  pairW: 5,
  zBase: 0.1,
  minX: 3,
  minAttach: 2,
  minBound: 0.6,
  wb: 1,
  wz: 0.25,
  verb: 2,
  carefulMin: 3,
  formRatio: 1.01,
  spaceMinX: 1,
  spaceRatio: 0.5,
  headMin: 2,
  strongHeadMin: 10,
  strongHeadRatio: 1.5,
  minAttachTotal: 10,
  backoff: 1,
  minStem: 3,
  wc: 1,
  compound: -1,
  prefix: 1,
  lexMin: 2,
  joinFormMin: 2,
  joinRatio: 5,
  joinPairMin: 2,
  /**
   * a pair typed apart joins when the joined letters are a ZWNJ form the text writes with the cut at that space (once
   * is enough), never apart nor glued, and this many lexicons list that form (joinFormMin asks two sightings without
   * lexicon support): انسان دوست → انسان‌دوست; 0 off
   */
  joinFormLex: 2,
  /**
   * the bound-suffix rule's forms in ی (noun suffixes of compounds, نویسی, گرایی, joined after any word): one the text
   * also shows as a word of its own at least this many times (بینی, the nose: عمل بینی, البته بینی had become
   * عمل‌بینی, البته‌بینی) joins only on pair evidence, as the rule's other verb forms do; 0 off
   */
  boundYeWord: 5,
  headStem: 2,
  headStemSpaced: 1,
  unseenPlural: 4,
  unseenPluralYe: 1,
  unseenPluralClitic: 1,
  formEnding: 1,
  formEndingLex: 1,
  tarinAny: 1,
  /** the two rules above also in a line that writes its ZWNJs: 1 on, 0 off */
  informalCareful: 1,
  /** chat's clitics and plural + clitics typed apart (محله مون → محله‌مون): 1 on, 0 off */
  informalJoin: 1,
  /** chat's clitics after a word in ه (همهشون → همه‌شون): 1 on, 0 off */
  informalClitic: 1,
  /** chat's plural + clitics glued to a known noun (کتابهامو → کتاب‌هامو): 1 on, 0 off */
  informalPlural: 1,
  /** informal verb forms (the model's iverbs table) after می/نمی: 1 on, 0 off */
  iverb: 1,
  /** a verb form + an object clitic after می/نمی (میبینمت, میندازمش, نمیخوندمش): 1 on, 0 off */
  verbClitic: 1,
  /** a verb form that mostly follows می is not joined to a word by the cut search (اهانتی خواستند): 1 on, 0 off */
  verbApart: 1,
  /** no negative verb form (ن + a verb form) read after می: 1 on, 0 off */
  negAfterMi: 1,
  /** formWithEnding also for a clitic in ا after a form in a silent ه or ی (بهاندازهای → به‌اندازه‌ای): 1 on, 0 off */
  formAlef: 1,
  /** the word که never joins the word after it: 1 on, 0 off */
  keApart: 1,
  /** a cut inside a known word + chat's plural ا is not made (چیزایی was چی‌زایی): 1 on, 0 off */
  chatPluralAcross: 1,
  /** after an unknown stem in ه whose letters before the ه are a known word, no clitic in ا is cut off (سرگرمیهام): 1 on, 0 off */
  pluralOverH: 1,
  /**
   * in pluralOverH, letters in ده / ته count as a participle only when the letters before the ه are a verb form (a past
   * stem: برگشت + ه), not a noun (ابهت, ادبیات: ابهتهایم is ابهت + هایم, not ابهته + ‌ایم): 1 on, 0 off
   */
  participleStem: 1,
  /**
   * pluralApart keeps a plural glued for a stem + ه that is a word only where the ending also reads as ه + a clitic in
   * ا (های, هایی, هایم, هاست), not هایش, هایشان (آسفالتهایش is آسفالت‌هایش though آسفالته is a word): 1 on, 0 off
   */
  hAlefOnly: 1,
  /**
   * a known word the model writes whole, ending in a joining letter, + the plural is that word + ‌ها..., not a cut
   * inside it (آبرنگها was آب‌رنگ‌ها, الیاسها الی‌اس‌ها): 1 on, 0 off
   */
  wholeStemPlural: 1,
  /** hAlefReading: before هایم, stem + ه is read only as a participle or a word commoner than the stem: 1 on, 0 off */
  hImOnlyCommon: 1,
  /**
   * in a line that writes its ZWNJs, a comparative or superlative written glued (نزدیکترین, پیشتر) is the writer's
   * spelling, like a glued plural there, not a slip: 1 on, 0 off
   */
  carefulComparative: 1,
  /** a past participle before an auxiliary (آسیب دیده است) is not joined to the word before it: 1 on, 0 off */
  perfectApart: 1,
  /** هم followed within its clause by «و هم» is the correlative "both" and joins no word (correlativeAhead): 1 on, 0 off */
  correlativeHam: 1,
  /** articleApart makes no cut before ال inside a listed word + the plural (رونالدوها was رون‌الدوها): 1 on, 0 off */
  articlePlural: 1,
  /**
   * articleJoins: a host the model is not sure of (seen, but fewer than five times and in no lexicon: همام of همام‌الدین)
   * takes a word in ال the text writes only after a ZWNJ this many times or more (الدین 28 times); 0 off
   */
  articleWeakHost: 10,
  /**
   * articleJoins, for a pair the text never shows: not after a host the text types apart before words in ال at least as
   * often as it joins it to one (the pairs table, summed over the host's pairs with a word in ال: من 0 joined / 3
   * apart, من البته; حتی 4 / 0, تحت 4 / 0, علیه 100 / 9): من المال (an Arabic phrase, "of the wealth") had become
   * من‌المال, as المال is written only after a ZWNJ (بیت‌المال). 1 on, 0 off
   */
  articleHostApart: 1,
  /** a listed adjective in a joining letter the model writes whole + تر / ترین is not cut inside (راهزنتر was راه‌زن‌تر): 1 on, 0 off */
  wholeStemTar: 1,
  /** a clitic in ا is not cut off where the stem + ا is a commoner word (دنیاش is دنیا + ش, not دنی + ‌اش): 1 on, 0 off */
  alefWord: 1,
  /** a participle after می/نمی is a verb form (می‌گذشته, نمی‌داده): 1 on, 0 off */
  participleAfterMi: 1,
  /** می/نمی + a participle + a glued personal ending in ا is cut before the ending too (میرفتهاند → می‌رفته‌اند): 1 on, 0 off */
  miPerfect: 1,
  /**
   * in a line that reads as colloquial (detectRegister), می/نمی + a chat verb form is a verb even where formal text
   * knows the letters as a word (میرم, میریم: literary "that I die", chat "I go"; میدم): 1 on, 0 off
   */
  chatLines: 1,
  /** chatPlural in a colloquial line: 1 on, 0 off; the stem must be chatPluralRatio times as frequent as stem + ه */
  chatPlural: 1,
  chatPluralRatio: 4,
  /** silentH: a verb form (ندهی) is no evidence of a pronounced ه (آینده): 1 on, 0 off */
  silentHNoVerbs: 1,
  /** informalPlural: a stem in ه + هام, stem + ه no word, reads as a plural (دنبالکننده‌هام): 1 on, 0 off */
  hehPlural: 1,
  /** the ه + ‌ای reading of a plural + ezafe after هیچ / هر (SINGULAR_QUANTIFIERS: هیچ زمینهای → زمینه‌ای): 1 on, 0 off */
  quantifierIndef: 1,
  /** the plural + ezafe reading of a noun in ه + ‌ای before an adjective of PLURAL_QUALIFIERS (تبهای مختلف): 1 on, 0 off */
  pluralQualifier: 1,
  /** a lone letter and a piece cut from one word by a space, as OCR and PDF text has them, glued back (loneLetter: ب ین → بین): 1 on, 0 off */
  loneLetter: 1,
  /** cutLetters: a piece a lexicon lists counts as seen once at least (ب شخصه stays: chat's به): 1 on, 0 off */
  cutLexFloor: 1,
  /** loneLetter: two lone letters are glued only when the whole is 64 times commoner than either letter alone (ا ز → از; not ج ا, پ ن: abbreviations): 1 on, 0 off */
  lonePairRatio: 1,
  /** lonePairRatio: a letter the text never shows alone counts as seen once (ک ک stays: chat's که که, not کک, 2 times in the text): 1 on, 0 off */
  loneUnseenOnce: 1,
  /** loneLetter: chat's ب or ک (به, که) before another of its one-letter words (CHAT_LETTER_WORDS) is never glued (ب ی نفر, not بی‌نفر; ک ن, not کن): 1 on, 0 off */
  loneChatPair: 1,
  /** the ordinals (سوم, اول, آخر) among the adjectives of pluralQualifier (وزنهای سوم → وزن‌های سوم, was وزنه‌ای): 1 on, 0 off */
  ordinalQualifier: 1,
  /** a demonstrative (آن, این, همان, همین) joins no word it was never seen joined to by the head and cut tests: 1 on, 0 off */
  demonstrativeApart: 1,
  /** a bound piece in ال (الله) joins no function word (ARTICLE_HOSTS_NOT: به الله) by the bound-suffix rule: 1 on, 0 off */
  boundArticle: 1,
  /** formWithEnding for the comparative and superlative: a ZWNJ form + ترین (1), + ترین, تر, تری (2): بیربطترین → بی‌ربط‌ترین; 0 off */
  formTarin: 2,
  /** an established word in a silent ه + مان / تان / شان glued takes the ZWNJ before the clitic (hPluralClitic): 1 on, 0 off */
  hPluralClitic: 1,
  /** a lexicon's form word + ‌clitic after a letter other than ه, ی (پای‌تان) is not taken (lexCliticForm): 1 on, 0 off */
  lexClitic: 1,
  /** formTarin also after a form only the lexicons write: 1 on, 0 off */
  formTarinLex: 0,
  /** a plural personal ending after a past form in می/نمی the text writes (میگردیدند → می‌گردیدند): 1 on, 0 off */
  pastEnding: 1,
  /** no cut inside an established word before a glued personal ending or clitic (بیداریم, پیمانند; stemBeforeEnding): 1 on, 0 off */
  stemEnding: 1,
  /** how often that word must be seen glued (as a word or a word's start) */
  stemEndingMin: 1,
  /**
   * a listed word of this many letters or more counts for stemBeforeEnding though the text never shows it (راهزنند,
   * ماهیگیریم were راه‌زنند, ماهی‌گیریم; not shorter ones: کیام is chat's کی‌ام, "who am I", not کیا + م); 0 off
   */
  stemEndingLexLen: 4,
  /**
   * a known piece that is no verb form is cut off after می/نمی only when the text shows it after that prefix and a
   * ZWNJ (می‌توان): میزمان is میز + مان, not می + زمان; نمیشناس, a bare stem, no verb form: 1 on, 0 off
   */
  miNonVerbPair: 1,
  /** a known adjective + ترین the cut search left whole takes the ZWNJ (مهلکترین → مهلک‌ترین): 1 on, 0 off */
  superlative: 1,
  /** a word left whole in ی (not after ا, ه, ی) takes the cut of the letters before the ی (غیاثآبادی → غیاث‌آبادی): 1 on, 0 off */
  cutBeforeYe: 1,
  /** a lexicon-only form yields to the text's glued stem + an ending (textGluesStem): the fewest glued sightings, 0 = off */
  gluedStemOverLex: 4,
  /**
   * a verb form in ی that is a compound head (seen only after a ZWNJ, never alone: گیری, گذاری, سنجی, نگری, خوری) heads
   * a compound typed apart like any other head (امکان سنجی → امکان‌سنجی; verb forms were never heads): 1 on, 0 off
   */
  verbYeHead: 1,
  /**
   * lexJoins: a pair typed apart that the text never shows (apart, joined or glued) joins when this many lexicons write
   * it with a ZWNJ at that space and its second word is seen after a ZWNJ at least lexJoinShare times as often as
   * alone or at a word's start (سهام دار, مهمان نواز, خراج گزار → سهام‌دار ...; at 0.2 also کاری, گویی, بازی, نامه: سیاسی
   * کاری, یاوه گویی, طناب بازی, درس نامه; it was 1): 0 off
   */
  lexJoin: 2,
  lexJoinShare: 0.2,
  /**
   * lexJoins' second word may be one the text never shows at all, only the lexicons (برف روبی, آتش افروزی, سنگ نوردی:
   * روبی, افروزی, نوردی are in no sentence of the training text; پیونگ یانگ): 1 on, 0 off. (The lexicon join is tried
   * for any second word, not only those the other join rules read, WordInfo.joinable, whatever these two switches say.)
   */
  lexJoinUnseen: 1,
  /**
   * lexJoins' second word may be no piece of the model at all, in ال too (عرفات العاشقین, مشترک المنافع, وال استریت, بک
   * آپ): 1 on, 0 off
   */
  lexJoinUnknown: 1,
  /** lexJoins' second word may be a verb form in ی that is a head more than a word (دست بوسی, of بوسیدن: بوسی), like verbYeHead: 1 on, 0 off */
  lexJoinVerbYe: 1,
  /**
   * lexJoins after a cardinal number word (NUMBER_WORDS): not for a second word the training text types apart after a
   * number at least as often as it joins it to one (FLAG_NUM_APART: ماهه 9 times apart, هفت ماههٔ, شش ماهه, 2 ماهه,
   * against 3 with a ZWNJ, سه‌ماهه; ساله 90 against 9), though two lexicons write هفت‌ماهه, هشت‌ماهه; گانه, never
   * apart, still joins (هفت گانه → هفت‌گانه): 1 on, 0 off
   */
  lexJoinNumber: 1,
  /**
   * lexJoins: not when the second word is part of a person's name (FLAG_NAME: هود, دونالد, گنجوی of رابین هود, مک
   * دونالد, نظامی گنجوی, which lexicons write with a ZWNJ): 1 on, 0 off. The same test on the first word, for a second
   * word the text never shows, also took ماری‌جوانا, فی‌الواقع and, on the PerDT 30% set, عرفات‌العاشقین apart (4 ZWNJs lost)
   */
  lexJoinName: 1,
  /**
   * formEndingJoins also for a second word the text never shows (پاک دلان, نیک نهادان: دلان, نهادان are no pieces of
   * the model, so no other join rule reads them), and then a‌y may be a form only the lexicons write, this many of them
   * (پاک‌دل, نیک‌نهاد); 0 off
   */
  formEndingUnseen: 2,
  /**
   * formEndingJoins: a word typed apart from a form the text writes with a ZWNJ + an ending ی / ان / انی joins it
   * (ساده دلان → ساده‌دلان, as ساده‌دل): 1 on, 0 off
   */
  formEndingJoin: 1,
  /** a known word in ی + ای glued takes the ZWNJ before ای (علمیای → علمی‌ای, yeAi): 1 on, 0 off */
  yeAi: 1,
  /** a chat word the informal lexicons list that starts like می is no می + verb (میدون, chat's میدان): 1 on, 0 off */
  chatWordWhole: 1,
  /** a piece never seen alone whose form + ی or ان is a compound head heads compounds too (headByEnding): 1 on, 0 off */
  headByEnding: 1,
  /**
   * stemFormJoins: a pair typed apart joins when the text writes it with a ZWNJ there, before an ending, this many times
   * (پایه گذار → پایه‌گذار, as پایه‌گذاری): 0 off; the second word must be seen after a ZWNJ stemFormShare times as
   * often as alone
   */
  stemFormJoin: 1,
  stemFormShare: 0.02,
  /**
   * the cut after a prefix word (boundPrefix: بی) is tried also before a piece the text shows after a ZWNJ too rarely
   * for the compound score (بیدندان: دندان once after a ZWNJ, 59 times alone, was left glued): 1 on, 0 off
   */
  prefixSeenTail: 1,
  /** that cut's second piece may be one a lexicon lists though the text shows it fewer than minStem times (بیکاشانه, بینکاح): 1 on, 0 off */
  prefixLexTail: 1,
  /** superlativeCut also for the comparative: a known adjective + تر the cut search left whole (جالبتر → جالب‌تر): 1 on, 0 off */
  comparative: 1,
  /** pluralApart: an unseen stem takes the ZWNJ before های, هایم, هاست too where stem + ه is unknown: 1 on, 0 off */
  unseenPluralHai: 1,
};
/** object clitics after a conjugated verb (میبینمت = می + بینم + ت) */
const VERB_CLITICS = ['شون', 'تون', 'مون', 'ش', 'ت', 'م'];
/** the personal endings of the plural after a past stem (رفت + ند, یم, ید): formWithEnding, PARAMS.pastEnding */
const PAST_PLURAL_ENDINGS = ['ند', 'یم', 'ید'];
/** endings after a known ZWNJ form (longest first): FORM_ENDINGS in formWithEnding */
const FORM_ENDINGS = ['هایشان', 'هایتان', 'هایمان', 'هایی', 'های', 'ها', 'انی', 'شان', 'تان', 'مان', 'ان', 'ی', 'ش', 'م', 'ت'];

/** endings after a pair typed apart that the text writes with a ZWNJ only so (stemFormJoinsAfter) */
const STEM_FORM_ENDINGS = ['ی', 'ان', 'انی', 'ها', 'های', 'هایی', 'ی‌ها', 'ی‌های'];
/** endings of a word typed apart after a ZWNJ form's first part (formEndingJoins) */
const SPACED_FORM_ENDINGS = ['انی', 'ان', 'ی'];

/** suffixes in ا that take a ZWNJ only after a stem ending in ه or ی */
const ALEF_CLITICS = new Set(['ای', 'ام', 'ایم', 'اید', 'اند', 'است', 'اش', 'ات', 'اشان', 'اتان', 'امان', 'ایی']);
/** the same, longest first */
const ALEF_BY_LENGTH = [...ALEF_CLITICS].sort((a, b) => b.length - a.length);
/**
 * pieces that end a word when cut off: the person clitics and the copula (‌ام ‌اش ‌است, م ت ش ...). Only the
 * adjectival ‌ای takes more after it (حرفه‌ای‌ها, نقره‌ای‌رنگ); the training text shows no other piece after these but in
 * spelt-out letters (اس‌ام‌اس)
 */
const FINAL_PIECES = new Set([...ALEF_CLITICS].filter((c) => c !== 'ای').concat(['م', 'ت', 'ش', 'مان', 'تان', 'شان']));
/** their first letters (ا م ت ش), a quick test before the look-up */
const FINAL_FIRST = new Set([0x0627, 0x0645, 0x062a, 0x0634]);
function isHehOrYeh(c: number): boolean {
  return c === 0x0647 || c === 0x06cc;
}

/** w[0, j) ends in a pronounced ه: after ا (راه, ماه, دانشگاه) or in لله (الله) */
function endsInConsonantH(w: string, j: number): boolean {
  if (j < 2 || w.charCodeAt(j - 1) !== 0x0647) return false;
  const c = w.charCodeAt(j - 2);
  return c === 0x0627 || (j >= 3 && c === 0x0644 && w.charCodeAt(j - 3) === 0x0644);
}

/** One of the last `k` units of `w` is `c` (a quick test before the tail look-ups of the chat rules: every one needs an ه there). */
function hasNearEnd(w: string, c: number, k: number): boolean {
  for (let i = w.length - 1, stop = Math.max(0, w.length - k); i >= stop; i--) if (w.charCodeAt(i) === c) return true;
  return false;
}

/** w[0, j) ends like a past participle: ده or ته */
function isParticipleEnd(w: string, j: number): boolean {
  const c = w.charCodeAt(j - 2);
  return j >= 3 && w.charCodeAt(j - 1) === 0x0647 && (c === 0x062f || c === 0x062a);
}

/** w[j, k) is تر or ترین */
function isTarPiece(w: string, j: number, k: number): boolean {
  const n = k - j;
  if (n !== 2 && n !== 4) return false;
  if (w.charCodeAt(j) !== 0x062a || w.charCodeAt(j + 1) !== 0x0631) return false;
  return n === 2 || (w.charCodeAt(j + 2) === 0x06cc && w.charCodeAt(j + 3) === 0x0646);
}

/** Decisions bound to one model, with a bounded memo of word segmentations. */
export class HalfSpaceDecoder {
  readonly m: HalfSpaceModel;
  /** bound morphemes: pieces that mostly follow a ZWNJ (ها, های, ترین, ...) */
  private readonly boundSuffix: Uint8Array;
  /** bound prefixes: pieces that are mostly followed by a ZWNJ and rarely stand alone (می, نمی, ...) */
  private readonly boundPrefix: Uint8Array;
  /** per piece row: its attachment counts as a suffix, summed over all stem-final letters */
  private readonly attachTotalZ: Float64Array;
  private readonly attachTotalG: Float64Array;

  constructor(m: HalfSpaceModel) {
    this.m = m;
    const n = m.first.length;
    this.boundSuffix = new Uint8Array(n);
    this.boundPrefix = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const x = m.next[i]!;
      const f = m.first[i]!;
      if (x >= 20 && x > 4 * f) this.boundSuffix[i] = 1;
      // (a prefix is a word some lexicon lists, بی هم پیش: ان, only a misspelt آن followed by ‌ها, cut انفلات, انطلاق)
      if (f >= 20 && m.zAfter[i]! * P_PREFIX_SHARE >= f + x && (m.flags[i]! & FLAG_LEX) !== 0) this.boundPrefix[i] = 1;
    }
    // (a suffix that is not a piece is never looked up: the cut search only scores known pieces)
    this.attachTotalZ = new Float64Array(n);
    this.attachTotalG = new Float64Array(n);
    // (attach keys are "letter TAB piece")
    const rows = m.attachT.rowsAfter(0x09, m.pieces);
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      if (row < 0) continue;
      this.attachTotalZ[row] += m.attachZ[i]!;
      this.attachTotalG[row] += m.attachG[i]!;
    }
  }

  private idx(p: string): number {
    return this.m.piece(p);
  }

  /**
   * `w.slice(j, k)` (after می/نمی) is a conjugated verb + an object clitic: میبینمت, میندازمش, نمیخوندمش. The verb is
   * a chat form of the iverbs table, or a known verb form of three letters at least ending in a person ending م / د
   * / ی (so a bare stem + ش is not one: میدانش is میدان + ش).
   */
  verbWithClitic(w: string, j: number, k: number): boolean {
    if (!PARAMS.verbClitic) return false;
    for (const c of VERB_CLITICS) {
      const e = k - c.length;
      if (e - j < 2 || !w.endsWith(c, k)) continue;
      const v = w.slice(j, e);
      // (not a form in ون / ان: میدونش is میدون + ش, a square, not می + دون + ش)
      if (this.m.isInformalVerb(v) && !GLUED_AFTER_MI.has(v) && !(v.endsWith('ون') || v.endsWith('ان'))) return true;
      // chat's 3sg ه turns ت before a clitic: میبرتت = می + برت (بره) + ت, میرسونتش
      if (v.length >= 3 && v.charCodeAt(v.length - 1) === 0x062a && this.m.isInformalVerb(v.slice(0, -1) + 'ه')) return true;
      const vi = this.idx(v);
      const last = v.charCodeAt(v.length - 1);
      if (vi >= 0 && (this.m.flags[vi]! & FLAG_VERB) !== 0 && v.length >= 3 && (last === 0x0645 || last === 0x062f || last === 0x06cc)) return true;
    }
    return false;
  }

  isBoundSuffix(row: number): boolean {
    return this.boundSuffix[row] === 1;
  }

  /**
   * The piece follows a ZWNJ far more often than it stands alone (نژاد of ایرانی‌نژاد: 41 times after a ZWNJ, 24
   * alone): a space before it may be a lost ZWNJ, which the compound test of shouldJoin decides. Not an Arabic word
   * with the article (الله: جبهه الله, الی الله are two words).
   */
  isStrongHead(row: number, piece: string): boolean {
    const m = this.m;
    const x = m.next[row]!;
    if (x < PARAMS.strongHeadMin || x < PARAMS.strongHeadRatio * (m.first[row]! + m.glued[row]!)) return false;
    return !(piece.charCodeAt(0) === 0x0627 && piece.charCodeAt(1) === 0x0644);
  }

  /**
   * The piece was seen only after a ZWNJ (at least PARAMS.headMin times, in at least two words): never a word alone nor
   * a word's start, and no lexicon lists it.
   */
  isCompoundHead(row: number, piece: string): boolean {
    const m = this.m;
    if (PARAMS.headByEnding && this.headByEnding(row, piece)) return true;
    // (not a single letter: ک for که in chat, من ک; nor a lexicon word, a word of its own elsewhere: کیا in یعنی کیا)
    if (piece.length < 2 || (m.flags[row]! & FLAG_LEX) !== 0) return false;
    // (and in two words at least: درپی is only ever seen in پی‌درپی, so ایران درپی stays apart)
    return m.first[row] === 0 && m.glued[row] === 0 && m.next[row]! >= PARAMS.headMin && this.attachTotalZ[row]! >= 2;
  }

  /**
   * The piece was never seen as a word alone nor at a word's start, no lexicon lists it, and it + ی or ان is a compound
   * head (isCompoundHead): a head too, seen too rarely to count by itself (گزار, once after a ZWNJ: گزاری, گزاران are
   * heads; سپاس گزار → سپاس‌گزار).
   */
  private headByEnding(row: number, piece: string): boolean {
    const m = this.m;
    if (piece.length < 3 || m.first[row]! !== 0 || m.glued[row]! !== 0 || m.next[row]! === 0 || (m.flags[row]! & (FLAG_LEX | FLAG_VERB)) !== 0) return false;
    for (const e of ['ی', 'ان']) {
      const r = this.idx(piece + e);
      if (r >= 0 && (m.flags[r]! & FLAG_LEX) === 0 && m.first[r] === 0 && m.glued[r] === 0 && m.next[r]! >= PARAMS.headMin && this.attachTotalZ[r]! >= 2) return true;
    }
    return false;
  }

  /**
   * Returns the word with ZWNJs inserted (or the word itself). `w` has no ZWNJ. `careful` is set for text whose
   * writer already uses ZWNJs: a word they wrote glued is then changed only on strong evidence. Not memoized here:
   * the half-space step keeps every word's analysis in its own memo.
   */
  segment(w: string, careful = false): string {
    // a letter stretched for emphasis (chars.stretchedRun: خیلیییی, میخواااام) is in no written word: the word is read
    // with each stretch as one letter, and its ZWNJs go after the whole stretch (می‌خواااام; never inside: خیل‌یی‌یی)
    if (hasStretch(w)) return this.segmentStretched(w, careful);
    // a chat word the informal lexicons list (hazm's iwords, shekar's informal words) is no می + a verb form: میدون is
    // chat's میدان (a square), not می + دون (chat's "they run")
    if (PARAMS.chatWordWhole && w.length > 1 && w.charCodeAt(0) === 0x0645 && w.charCodeAt(1) === 0x06cc && this.m.isInformalWord(w)) return w;
    // (chat's plurals and clitics after a known word are strong evidence: also in a line that writes its ZWNJs)
    if (careful) return (PARAMS.informalCareful ? this.informalPlural(w) ?? this.informalClitic(w, true) : null) ?? this.segmentCareful(w);
    return this.informalPlural(w) ?? this.informalClitic(w) ?? this.pluralApart(this.articleApart(this.segmentUncached(w)));
  }

  /** `segment` of a word with stretched letters (hasStretch): segmented with every stretch typed once. */
  private segmentStretched(w: string, careful: boolean): string {
    const { text: short, ends } = unstretchRuns(w);
    const seg = this.segment(short, careful);
    if (seg === short) return w;
    let out = '';
    let from = 0;
    let q = 0;
    for (let k = 0; k < seg.length; k++) {
      if (seg.charCodeAt(k) !== 0x200c) {
        q++;
        continue;
      }
      const at = ends[q - 1]!;
      out += w.slice(from, at) + '\u200c';
      from = at;
    }
    return out + w.slice(from);
  }

  /**
   * The final ه of a word is silent (نامه, همه; a chat word in ه, خونه), not pronounced: a pronounced ه takes ی and
   * clitics glued, and the text shows them so (گروهی, گروهش; فقهی, وجهی) — also on a compound's last word (فیروزکوه as
   * کوهی, متوجه as توجهی). Not after ا or in الله (راه, الله), nor نگه.
   */
  silentH(host: string): boolean {
    const n = host.length;
    if (n < 2 || host.charCodeAt(n - 1) !== 0x0647 || endsInConsonantH(host, n) || PRONOUNCED_H.has(host)) return false;
    if (this.m.isInformalWord(host)) return true;
    // ه after و is as often pronounced (کوه, گروه, اندوه, شکوه, گوه) as silent (جلوه, قهوه): a host the text never
    // shows (only listed) says nothing either way, and is not taken as silent — unless the و follows ی or ا, where it is
    // a consonant and the ه silent (جیوه, گیوه, ماهیتاوه)
    const v = n >= 3 ? host.charCodeAt(n - 3) : 0;
    if (host.charCodeAt(n - 2) === 0x0648 && v !== 0x06cc && v !== 0x0627) {
      const r = this.idx(host);
      if (r < 0 || this.m.first[r]! + this.m.glued[r]! + this.m.next[r]! + this.m.zAfter[r]! === 0) return false;
    }
    if (this.wordCount(host + 'ش') > 0 || this.wordCount(host + 'م') > 0) return false;
    // (a verb form is no word + ی: ندهی, "you do not give", says nothing of آینده, گنده, خواننده)
    for (let k = n; k >= 3; k--) if (this.wordCount(host.slice(n - k) + 'ی', true) > 0) return false;
    return true;
  }

  /**
   * A lexicon's form that is a known word in a letter other than ه or ی + a clitic or personal ending after a ZWNJ
   * (میان‌شان, کودک‌مان, مشکل‌تان: lexicon entries): the text glues these (594 word types of such a word + مان / تان /
   * شان glued, 6 with a ZWNJ), so the lexicons' form is not taken (PARAMS.lexClitic).
   */
  private lexCliticForm(lex: string): boolean {
    if (!PARAMS.lexClitic) return false;
    const z = lex.lastIndexOf(Z);
    if (z < 2 || !PERSON_ENDINGS.includes(lex.slice(z + 1))) return false;
    // (after ی only where it is the glide after ا or و: پای‌تان, as برایشان, پایتان: 72 such word types glued, none
    // with a ZWNJ)
    const before = lex.charCodeAt(z - 1);
    if (before === 0x0647 || (before === 0x06cc && lex.charCodeAt(z - 2) !== 0x0627 && lex.charCodeAt(z - 2) !== 0x0648)) return false;
    return this.known(this.idx(lex.slice(lex.lastIndexOf(Z, z - 1) + 1, z)));
  }

  /**
   * An established word in a silent ه + the clitic of the plural, مان / تان / شان, glued (آیندهمان, گلخانهمان,
   * روزنامهتان): the clitic takes a ZWNJ, as the training text writes 53 of the 56 such word types (the rest after a
   * pronounced ه: تنبیهمان, نگهشان); the cut search, which weighs the clitic's odds after any ه, left unseen ones glued.
   */
  private hPluralClitic(w: string): string | null {
    for (const cl of ['مان', 'تان', 'شان']) {
      if (w.length < cl.length + 3 || !w.endsWith(cl) || w.charCodeAt(w.length - cl.length - 1) !== 0x0647) continue;
      const stem = w.slice(0, w.length - cl.length);
      if (!this.established(this.idx(stem)) || !this.silentH(stem)) return null;
      return this.segmentUncached(stem) + Z + cl;
    }
    return null;
  }

  /**
   * Whether `w` + ی is a word the text shows while `w` is none: the word's last letter cut off by a space (loneYe,
   * text copied from a PDF: ویژگ ی → ویژگی). A known `w` keeps a lone ی after it (حرف ی, the letter's name).
   */
  cutYe(w: string): boolean {
    return this.wordCount(w) === 0 && this.wordCount(w + 'ی') > 0;
  }

  /**
   * Whether `a` + `b` written together is a word the text shows while the piece that is not a lone letter is none:
   * the letters of a word cut apart by spaces, as OCR or PDF text has them (ب ین → بین, کتا ب → کتاب; loneLetter). A
   * lone letter other than و is no word by itself; a piece of two letters or more must be none either, or one the text
   * shows alone at least 64 times less often than the whole (ین: 8 times, بین 796; ب + را, برا, stays: را is a word).
   * A piece a lexicon lists counts as seen once at least: the text's silence is no sign that a listed word is none, and
   * chat's lone ب is به before such a word (ب شخصه, 0 times alone in the text, بشخصه 2: no longer glued).
   */
  cutLetters(a: string, b: string): boolean {
    const w = this.wordCount(a + b);
    return w > 0 && !(a.length > 1 && this.pieceSeen(a) * 64 >= w) && !(b.length > 1 && this.pieceSeen(b) * 64 >= w);
  }

  /** Times the text shows `p` as a word, 1 at least when a lexicon lists it (cutLetters). */
  pieceSeen(p: string): number {
    const r = this.idx(p);
    if (r < 0) return 0;
    return Math.max(this.m.first[r]! + this.m.glued[r]!, PARAMS.cutLexFloor !== 0 && (this.m.flags[r]! & FLAG_LEX) !== 0 ? 1 : 0);
  }

  /** Times the text shows `p` as a word (alone or first in a word); 0 for a verb form when `noVerbs`. */
  private wordCount(p: string, noVerbs = false): number {
    const r = this.idx(p);
    if (r < 0 || (noVerbs && PARAMS.silentHNoVerbs !== 0 && (this.m.flags[r]! & FLAG_VERB) !== 0)) return 0;
    return this.m.first[r]! + this.m.glued[r]!;
  }

  /**
   * Chat's clitics after a word in a silent ه (همهشون, خونهمون, نامهشو, حوصلهم; also the ezafe ی, بچهی, ن after a
   * participle, شدهن, the copula ست / س, ایه and the definite هه): the ZWNJ goes after the ه where the model puts one
   * before the formal clitic (همه‌شان, نامه‌اش, حوصله‌ام; for the copulas and هه the host alone decides), or after a chat
   * word in ه (خونه). Not after a pronounced ه (silentH: توجهش, نگهش; راهم, نگاهش), a host of two letters (بهش, تهش)
   * or a word the model knows whole (درهم).
   */
  private informalClitic(w: string, careful = false): string | null {
    if (!PARAMS.informalClitic || w.length < 4 || !hasNearEnd(w, 0x0647, 5)) return null;
    let tail = '';
    let formal = '';
    for (const [t, f] of INFORMAL_CLITICS) {
      if (w.length > t.length + 2 && w.endsWith(t)) {
        tail = t;
        formal = f;
        break;
      }
    }
    // (in a line that writes its ZWNJs, only a clitic of three letters or more: شون, مون, تون, ایه; a letter may end a
    // word whose ه is pronounced, اندوهم)
    if (!tail || (careful && tail.length < 3)) return null;
    const host = w.slice(0, w.length - tail.length);
    if (host.length < 3 || host.charCodeAt(host.length - 1) !== 0x0647 || endsInConsonantH(host, host.length)) return null;
    const m = this.m;
    const wi = this.idx(w);
    if (wi >= 0 && (m.glued[wi]! > 0 || m.first[wi]! > 0 || (m.flags[wi]! & (FLAG_LEX | FLAG_VERB)) !== 0)) return null;
    // م also reads as هم "too" glued to a word (آنهم, اینهم), ست and س as هست / هس "is" (مجریهست): only when the host
    // is the commoner word (بچهم, خستهم)
    if ((tail === 'م' || tail === 'مو' || tail === 'ست' || tail === 'س') && this.wordCount(host.slice(0, -1)) >= Math.max(1, this.wordCount(host))) return null;
    if (m.isInformalWord(host) && !PRONOUNCED_H.has(host)) return (tail === 'ی' || tail === 'ن') && NO_EZAFE.has(host) ? null : host + Z + tail;
    if (!this.established(this.idx(host)) || !this.silentH(host)) return null;
    if (formal === '' || this.segmentUncached(host + formal) === host + Z + formal) return host + Z + tail;
    // (the plural clitics: the model knows ‌شان best, نامه‌شان for نامهتون)
    if (formal.length === 3 && formal !== 'شان' && this.segmentUncached(host + 'شان') === host + Z + 'شان') return host + Z + tail;
    return null;
  }

  /**
   * In a colloquial line: chat's plural + one clitic letter (حرفهام, کارهاش) after a stem far more frequent than the
   * stem + ه (حرف against حرفه), which informalPlural leaves alone anywhere (حرفه‌ام "I am a profession" is a formal
   * reading); null for any other word.
   */
  chatPlural(w: string): string | null {
    if (!PARAMS.chatPlural) return null;
    const r = this.informalPlural(w, true);
    return r !== null && r !== w && r.indexOf(Z) >= 0 ? r : null;
  }

  /**
   * Chat's plural + clitics glued to a known noun (کتابهامو, نوشتههام, بچههاشون, کارهاتو): stem‌ها + the rest, where the
   * model alone read کتابه + ‌ام (the informal definite ه + a clitic) or left the word whole. Not when the word without
   * its clitics is a word of its own (تنها + م, با + هاش), nor when the stem + ه is a word at least as common as the
   * stem (حرفه: حرفهام may be حرفه‌ام) — before one clitic letter, when the stem + ه is any known word (خونهات may be
   * خونه‌ات) — nor after a verb's past stem or before a participle (رفتهام is رفته‌ام). The stem must be listed or
   * seen alone twice; after a letter that does not join the word stays whole (کمبودهام, not کمبوده‌ام). `chat`: a
   * colloquial line (chatPlural), where one clitic letter after a stem far commoner than stem + ه reads as the plural.
   */
  private informalPlural(w: string, chat = false): string | null {
    if (!PARAMS.informalPlural || w.length < 5 || !hasNearEnd(w, 0x0647, 7)) return null;
    let t = -1;
    for (const tail of INFORMAL_PLURAL_TAILS) {
      if (w.length > tail.length + 1 && w.endsWith(tail)) {
        t = w.length - tail.length;
        break;
      }
    }
    if (t < 2) return null;
    const m = this.m;
    const wi = this.idx(w);
    if (wi >= 0 && (m.glued[wi]! > 0 || (m.flags[wi]! & (FLAG_LEX | FLAG_VERB)) !== 0)) return null;
    const stem = w.slice(0, t);
    const plural = stem + 'ها';
    // a listed word in ها + a clitic (تنها + م, گرانبها + ش), not تنه + ‌ام
    const pw = this.idx(plural);
    const whole = pw >= 0 && (m.flags[pw]! & FLAG_LEX) !== 0 && this.segmentUncached(plural) === plural && this.pluralApart(plural) === plural;
    if (LEXICALISED.has(plural) || whole) return w;
    if (PRONOUN_STEMS.has(stem)) return null;
    const si = this.idx(stem);
    const hi = this.idx(stem + 'ه');
    // a verb's past stem: رفتهام is رفته‌ام, not رفت + هام
    if ((si >= 0 && (m.flags[si]! & FLAG_VERB) !== 0) || (hi >= 0 && (m.flags[hi]! & FLAG_PARTICIPLE) !== 0)) return null;
    // a chat word in ه + a clitic: خونهات, خونهامون are خونه‌ات, خونه‌امون
    if (m.isInformalWord(stem + 'ه')) return null;
    // a stem in ه + ه + clitic, where stem + ه is no word (دنبالکنندههام): only the plural reading is left (the
    // decoder would make دنبالکنندهه‌ام)
    if (PARAMS.hehPlural && hi < 0 && stem.length >= 3 && stem.charCodeAt(t - 1) === 0x0647) return stem + Z + w.slice(t);
    const hCount = hi < 0 ? 0 : m.first[hi]! + m.glued[hi]! + ((m.flags[hi]! & FLAG_LEX) !== 0 ? 2 : 0);
    const sCount = si < 0 ? 0 : m.first[si]! + m.glued[si]!;
    // one clitic letter (هام, هاتو) also reads as stem + ه + ‌ام / ‌ات / ‌اش (خونه‌ات, دسته‌اش): only when stem + ه is no word
    const short = w.length - t <= 4 && !w.endsWith('رو') && !/(?:مون|تون|شون)و?$/.test(w);
    if (short ? hCount > 0 && !(chat && sCount >= PARAMS.chatPluralRatio * hCount) : hCount >= sCount) return null;
    // (also for stems the model never saw, چوبخطهام, دیالوگهات: on iPerUDT train 3 more right, 2 more wrong, کتابخونهاش)
    if (!this.established(si) || sCount < 2) return null;
    const joins = isJoiner(stem.charCodeAt(t - 1));
    // after a letter that does not join, no ZWNJ: the word stays whole (کمبودهام, not کمبوده‌ام)
    if (!joins) return w;
    // the word without its clitics must read as stem‌ها
    if (this.pluralApart(plural) === plural && this.segmentUncached(plural) === plural) return null;
    return stem + Z + w.slice(t);
  }

  /** a past participle the model knows (دیده, شده, گرفته), written as one word */
  isParticiple(form: string): boolean {
    if (form.indexOf(Z) >= 0 || form.length < 3 || !isParticipleEnd(form, form.length)) return false;
    const i = this.idx(form);
    return i >= 0 && (this.m.flags[i]! & FLAG_PARTICIPLE) !== 0;
  }

  private segmentCareful(w: string): string {
    const m = this.m;
    const f = m.form(w);
    if (f >= 0 && m.formCount[f]! >= PARAMS.carefulMin && m.formGlued[f]! === 0) {
      const r = m.formOf(w, f);
      // a plural written glued (داستانهای, ارزشها) by a writer who uses ZWNJs is their spelling, not a slip: Seraji's
      // text writes a third of its plurals so (the Academy's style, option style, separates them all)
      const z = r.indexOf(Z);
      if (z > 0 && z === r.lastIndexOf(Z) && r.startsWith('ها', z + 1)) return w;
      // so is a comparative or superlative written glued (نزدیکترین, پیشتر: Seraji's text writes بزرگترین 19 times
      // glued, 42 with a ZWNJ)
      if (PARAMS.carefulComparative && z > 0 && z === r.lastIndexOf(Z) && (r.endsWith(Z + 'تر') || r.endsWith(Z + 'ترین'))) return w;
      return r;
    }
    const r = this.prefixVerb(w);
    return r ?? w;
  }

  /**
   * In a colloquial line: می/نمی (after a preverb, too) + a form of the chat verb table, with the ZWNJ (میرم →
   * می‌رم, نمیریم → نمی‌ریم), whatever else the letters may be in formal text; null for any other word, and for
   * forms in ان / ون (میزان, میدون: the decoder decides those).
   */
  chatVerb(w: string): string | null {
    const at = w.indexOf('می');
    if (at < 0 || at > 4) return null; // (the longest prefix before می: فرون, بازن)
    for (const pre of MI_PREFIXES) {
      if (w.length >= pre.length + 2 && w.startsWith(pre)) {
        const rest = w.slice(pre.length);
        // (not a form in ان / ون, which are as often nouns: میزان, میدون, میمون)
        if (rest.charCodeAt(0) === 0x200c || GLUED_AFTER_MI.has(rest) || rest.endsWith('ان') || rest.endsWith('ون')) return null;
        return this.m.isInformalVerb(rest) || this.verbWithClitic(rest, 0, rest.length) ? pre + Z + rest : null;
      }
    }
    return null;
  }

  /** می/نمی + a known verb form written glued. */
  private prefixVerb(w: string): string | null {
    for (const pre of MI_PREFIXES) {
      if (w.length > pre.length + 1 && w.startsWith(pre)) {
        const wi = this.idx(w);
        if (wi >= 0 && this.m.glued[wi]! > 0) return null;
        const rest = w.slice(pre.length);
        const ri = this.idx(rest);
        // not when the whole is itself a verb form or a lexicon word (میرید "you die", نمیرم: the decoder keeps those
        // whole in a line without ZWNJs, and a second pass, now careful, must agree; a colloquial line splits them:
        // chatVerb)
        if (wi >= 0 && (this.m.flags[wi]! & (FLAG_VERB | FLAG_LEX)) !== 0) return null;
        // (the decoder must cut there too: a rare verb form it keeps whole in a line without ZWNJs, as مینوسیم, was
        // cut by a second pass once the first had put a ZWNJ elsewhere in the line, and normalize was not idempotent)
        if (ri >= 0 && (this.m.flags[ri]! & FLAG_VERB) !== 0) return this.segmentUncached(w).startsWith(pre + Z) ? pre + Z + rest : null;
        // a chat verb form where the decoder reads one too (میرندین it keeps whole: a second pass must agree)
        if (PARAMS.iverb && !GLUED_AFTER_MI.has(rest) && (this.m.isInformalVerb(rest) || this.verbWithClitic(rest, 0, rest.length))) {
          return this.segmentUncached(w).startsWith(pre + Z) ? pre + Z + rest : null;
        }
        return null;
      }
    }
    return null;
  }

  private segmentUncached(w: string): string {
    const m = this.m;
    // the plural of آن / این / همان / همین stays glued, as PerDT writes it (آنها 1,076 / آن‌ها 64, اینها 47 / این‌ها 8
    // in its train text; Seraji writes both with a ZWNJ): the academy style separates them (d.academy)
    if (pronounPlural(w)) return w;
    const f = m.form(w);
    const wi = this.idx(w);
    const glued = wi >= 0 ? m.glued[wi]! : 0;
    if (f >= 0) {
      const c = m.formCount[f]!;
      if (c > 0 && c >= PARAMS.formRatio * glued) return m.formOf(w, f);
      // a form only the lexicons write with a ZWNJ, unless a lexicon also lists the word glued (راستگویی)
      if (c === 0 && glued === 0 && m.formLex[f]! >= PARAMS.lexMin && !(wi >= 0 && (m.flags[wi]! & FLAG_LEX) !== 0)) {
        const lex = m.formOf(w, f);
        if ((!PARAMS.gluedStemOverLex || !this.textGluesStem(w, lex)) && !this.lexCliticForm(lex) && !lexGluedAfterMi(lex)) return lex;
      }
    }
    if (glued > 0) return w;
    if (wi >= 0 && (m.flags[wi]! & (FLAG_LEX | FLAG_VERB)) !== 0) return w;
    if (w.length < 3 || w.length > 40) return w;
    // a known word (seen as a word or at a word's start, or listed) that the model leaves whole, + ی, ه or ین, is that
    // word with an ending, not a compound to cut: an adjective, noun or name in ی (شهباز + ی, راهدار + ی), chat's
    // endings (بیدار + ه, بیا + ین, بیار + ه); were شه‌بازی, راه‌داری, بی‌داره, بی‌این, بی‌اره
    if (w.length >= 4) {
      for (const end of WORD_ENDINGS) {
        if (!w.endsWith(end)) continue;
        const stem = w.slice(0, -end.length);
        if (this.known(this.idx(stem), FLAG_LEX | FLAG_VERB) && this.segmentUncached(stem) === stem) return w;
      }
    }
    // a known word ending in a letter that does not join (دکتر, بیمار) + the plural: the word is whole (no ZWNJ can
    // stand after ر), not a cut elsewhere (دکترها was دک‌ترها, بیمارهای was بی‌مارهای); unless the word + ه is known
    // too, for then ه‌ای ه‌ایم may be what is written (فرستادهایم is فرستاده‌ایم). Likewise a known word the model writes
    // whole ending in a letter that joins takes the plural after a ZWNJ (PARAMS.wholeStemPlural: آبرنگها was
    // آب‌رنگ‌ها, الیاسها الی‌اس‌ها, زندانیهایی زن‌دانی‌هایی), where the word + ه is known only before an ending that
    // reads as ه + a clitic in ا (H_ALEF_READS: آستانهای may be آستانه‌ای, the line decides)
    for (const suf of PLURAL_ENDINGS) {
      if (w.length < suf.length + 2 || !w.endsWith(suf)) continue;
      const stem = w.slice(0, -suf.length);
      const joins = isJoiner(stem.charCodeAt(stem.length - 1));
      // (not the pronouns, whose plural the text writes glued: آنها, chat's اونها)
      if (joins && (!PARAMS.wholeStemPlural || PRONOUN_STEMS.has(stem))) continue;
      if (!this.known(this.idx(stem)) || ((!joins || H_ALEF_READS.has(suf)) && this.hAlefReading(stem, suf))) continue;
      if (this.segmentUncached(stem) === stem) return joins ? stem + Z + suf : w;
    }
    // the cut search's answer, made once where a rule below asks for it
    let cutOnce: string | null | undefined;
    const bestCut = (): string | null => (cutOnce === undefined ? (cutOnce = this.bestCut(w)) : cutOnce);
    // the same for an adjective + تر / ترین that the cut search cuts inside (PARAMS.wholeStemTar: راهزنتر was
    // راه‌زن‌تر, آبرنگترین آب‌رنگ‌ترین)
    if (PARAMS.wholeStemTar && !LEXICALISED.has(w)) {
      for (const suf of ['ترین', 'تر']) {
        if (w.length < suf.length + 3 || !w.endsWith(suf)) continue;
        const stem = w.slice(0, -suf.length);
        const si = this.idx(stem);
        if (si < 0 || (this.m.flags[si]! & (FLAG_ADJ | FLAG_LEX)) !== (FLAG_ADJ | FLAG_LEX) || (this.m.flags[si]! & FLAG_VERB) !== 0) continue;
        if (this.segmentUncached(stem) !== stem || !isJoiner(stem.charCodeAt(stem.length - 1))) continue;
        // (only where the cut search would cut inside the adjective: a glued لوستر, درستر are words of their own)
        const cut = bestCut();
        if (cut !== null && cut.indexOf(Z) < stem.length) return stem + Z + suf;
      }
    }
    // a listed word not in ه or ی + a personal ending or possessive clitic glued (بیدار + یم, پیمان + ند, آهک + ش, تحریک
    // + ند) is that word with its ending, not a compound to cut (پی‌مانند, آه‌کش, تحری‌کند read the ending as part of a
    // verb form); but می/نمی + a verb form is still cut (میدانند is می‌دانند, not میدان + ند)
    if (PARAMS.stemEnding && this.stemBeforeEnding(w) > 0 && !this.miVerbForm(w)) return w;
    if (PARAMS.formEnding) {
      const r = this.formWithEnding(w);
      if (r !== null) return r;
    }
    if (PARAMS.hPluralClitic) {
      const r = this.hPluralClitic(w);
      if (r !== null) return r;
    }
    const cut = bestCut() ?? (PARAMS.superlative ? this.superlativeCut(w) : null);
    // a cut the text has never seen, where a lexicon writes the word with its ZWNJ elsewhere (one lexicon: two take the
    // form above), is the lexicon's: بیتکوین is بیت‌کوین, not بی‌تکوین. Not where the two end differently in ای (ماسه‌ای
    // or ماس‌های, دیه‌ای or دی‌های: the line decides that, indefiniteReading; پس‌ماندهای leaves ه + ای glued)
    if (cut !== null && f >= 0 && m.formCount[f] === 0 && glued === 0 && m.formLex[f]! >= 1 && !this.lexCliticForm(m.formOf(w, f))) {
      const lex = m.formOf(w, f);
      if (!w.endsWith('ای') || lex.slice(lex.lastIndexOf(Z) + 1) === cut.slice(cut.lastIndexOf(Z) + 1)) return lex;
    }
    // a word the cut search leaves whole that ends in ی: the ی (of relation, the indefinite, the comparative تری) is
    // glued to a word whose own ZWNJs it does not move, so the word takes the cut of the letters before the ی
    // (غیاثآبادی → غیاث‌آبادی as غیاثآباد → غیاث‌آباد, مفصلتری → مفصل‌تری, دانشپژوهشی → دانش‌پژوهشی: the odds of the longer
    // tail, آبادی a word of its own, had kept them whole). Not after ا: chat's plural ا + ی (بازیگرای), and های, which
    // may be ه + ‌ای (the line decides that); not after ه or ی (ه‌ی, ی‌ی take a ZWNJ of their own); nor where that cut
    // ends in a clitic, which no ی follows (تهامی is no ته‌ام + ی)
    if (cut === null && PARAMS.cutBeforeYe && w.length >= 5 && w.charCodeAt(w.length - 1) === 0x06cc) {
      const c = w.charCodeAt(w.length - 2);
      if (c !== 0x0627 && c !== 0x0647 && c !== 0x06cc) {
        const stem = w.slice(0, -1);
        const sc = this.segmentUncached(stem);
        const tail = sc.slice(sc.lastIndexOf(Z) + 1);
        if (sc !== stem && sc.replaceAll(Z, '') === stem && !FINAL_PIECES.has(tail) && !ALEF_CLITICS.has(tail)) return sc + 'ی';
      }
    }
    return cut ?? this.silentHCut(w) ?? (PARAMS.yeAi ? this.yeAi(w) : null) ?? w;
  }

  /**
   * In a colloquial line: `w` is an established word of three letters or more, not in ه, + chat's plural ا (+ ی, یی or
   * a clitic: چیزایی, آدمامون) and every ZWNJ of `cut` falls inside that word: the cut reads letters of a known word as
   * a compound (چی + زایی), where the word with its chat plural is the plain reading; the word is left whole (chatInfo).
   * Not in formal text, which has no such plural: حسگرایی there is حس‌گرایی, not حسگر + ایی.
   */
  chatPluralAcross(w: string, cut: string): boolean {
    if (!PARAMS.chatPluralAcross) return false;
    // (not a form the model knows with its ZWNJ: زندایی is زن‌دایی, not زند + ایی)
    const f = this.m.form(w);
    if (f >= 0 && this.m.formCount[f]! + this.m.formLex[f]! > 0) return false;
    // (not a cut after a prefix, می / نمی or بی ...: میخای is chat's می‌خوای, not میخ + ای; بیدام is بی‌دام)
    const z0 = cut.indexOf(Z);
    const p0 = z0 > 0 ? this.idx(cut.slice(0, z0)) : -1;
    if (z0 > 0 && (isMiPrefix(cut.slice(0, z0)) || (p0 >= 0 && this.boundPrefix[p0] === 1))) return false;
    for (const e of CHAT_PLURAL_ENDS) {
      const n = w.length - e.length;
      if (n < 3 || !w.endsWith(e)) continue;
      const stem = w.slice(0, n);
      // (not a stem in ه: ه + ا... is the plural ها or ه + a clitic in ا, ترکیه‌ای; the cut search and the line decide those)
      if (stem.charCodeAt(n - 1) === 0x0647 || !this.established(this.idx(stem))) continue;
      // (letter positions of the ZWNJs: each one's index in `cut` less the ZWNJs before it)
      let zs = 0;
      let inside = true;
      for (let q = 0; q < cut.length; q++) {
        if (cut.charCodeAt(q) !== 0x200c) continue;
        if (q - zs >= stem.length) inside = false;
        zs++;
      }
      if (inside && zs > 0) return true;
    }
    return false;
  }

  /**
   * A word the best cut leaves whole that is an established word in a silent ه + an established word of three letters
   * or more: the ه cannot join a letter inside a word, so the ZWNJ goes after it (شکنجهگران → شکنجه‌گران, گشادهدستی,
   * تازهمسلمانی; also two words run together, اینکهقیمت → اینکه‌قیمت, which the ZWNJ at least keeps apart on screen). Not
   * where the ه may begin the plural after an established word (روزهایمان: not روزه‌ایمان; نامهاست). The first cut
   * from the left is taken.
   */
  private silentHCut(w: string): string | null {
    const n = w.length;
    for (let j = 3; j <= n - 3; j++) {
      if (w.charCodeAt(j - 1) !== 0x0647) continue;
      const left = w.slice(0, j);
      if (!this.established(this.idx(left)) || !this.silentH(left)) continue;
      if (!this.established(this.idx(w.slice(j)))) continue;
      if (PLURAL_APART_ENDINGS.includes(w.slice(j - 1)) && this.established(this.idx(w.slice(0, j - 1)))) continue;
      return left + Z + w.slice(j);
    }
    return null;
  }

  /**
   * A word the model writes with a ZWNJ (a compound or prefixed word of the text: کوله‌بار, بی‌نظیر, گشاده‌دست) + an
   * ending (ی, ان, the clitics, the plural) is that form with the ending: کولهباری → کوله‌باری, بینظیرش → بی‌نظیرش,
   * پیکنیکهای → پیک‌نیک‌های. The form must be what the model writes for those letters (seen so more often than glued).
   */
  private formWithEnding(w: string): string | null {
    const m = this.m;
    for (const e of FORM_ENDINGS) {
      if (w.length - e.length < 4 || !w.endsWith(e)) continue;
      const stem = w.slice(0, w.length - e.length);
      const f = m.form(stem);
      if (f < 0) continue;
      const c = m.formCount[f]!;
      const lexOnly = PARAMS.formEndingLex && c === 0 && m.formGlued[f]! === 0 && m.formLex[f]! >= PARAMS.lexMin;
      if (!lexOnly && (c < PARAMS.formEnding || c < PARAMS.formRatio * m.formGlued[f]!)) continue;
      const sf = m.formOf(stem, f);
      // (not after a form that ends in the plural or a clitic: رابطهاش is رابطه + اش, not رابط‌ها + ش)
      const last = sf.slice(sf.lastIndexOf(Z) + 1);
      if (PLURAL_ENDINGS.includes(last) || ALEF_CLITICS.has(last)) continue;
      const plural = e.startsWith('ها');
      return plural && isJoiner(stem.charCodeAt(stem.length - 1)) ? sf + Z + e : sf + e;
    }
    // the comparative and superlative after such a form (one the text writes so: a form only the lexicons write, as
    // خون‌گرم, may be a writer's glued stem, خونگرم‌ترین) take their ZWNJ too: بیربطترین → بی‌ربط‌ترین, بیحالتر →
    // بی‌حال‌تر, شعلهورتر → شعله‌ورتر (PARAMS.formTarin: 1 ترین only, 2 also تر and تری)
    if (PARAMS.formTarin) {
      for (const e of PARAMS.formTarin > 1 ? ['ترین', 'تری', 'تر'] : ['ترین']) {
        if (w.length - e.length < 4 || !w.endsWith(e)) continue;
        const stem = w.slice(0, w.length - e.length);
        const f = m.form(stem);
        if (f < 0) continue;
        const c = m.formCount[f]!;
        const lexOnly = PARAMS.formTarinLex && PARAMS.formEndingLex && c === 0 && m.formGlued[f]! === 0 && m.formLex[f]! >= PARAMS.lexMin;
        if (!lexOnly && (c < PARAMS.formEnding || c < PARAMS.formRatio * m.formGlued[f]!)) continue;
        const sf = m.formOf(stem, f);
        const last = sf.slice(sf.lastIndexOf(Z) + 1);
        if (PLURAL_ENDINGS.includes(last) || ALEF_CLITICS.has(last) || ACADEMY_SUFFIXES.includes(last)) continue;
        return isJoiner(stem.charCodeAt(stem.length - 1)) ? sf + Z + e : sf + e;
      }
    }
    // a personal ending of the plural after a past form in می/نمی the text writes (می‌گردید + ند → می‌گردیدند, می‌رفت +
    // یم): the verb's own ending, as م ی after it above; for a verb the lexicons do not list, the past plural may be
    // unknown where the singular is written (PARAMS.pastEnding)
    if (PARAMS.pastEnding) {
      for (const e of PAST_PLURAL_ENDINGS) {
        if (w.length - e.length < 5 || !w.endsWith(e)) continue;
        const stem = w.slice(0, w.length - e.length);
        // (a past stem: in ت, ید, اد or ود; a present form in د takes no such ending: می‌دهد, می‌لرزد)
        if (!/(?:ت|ید|اد|ود)$/.test(stem)) continue;
        const f = m.form(stem);
        if (f < 0 || m.formCount[f]! < PARAMS.formEnding || m.formCount[f]! < PARAMS.formRatio * m.formGlued[f]!) continue;
        const sf = m.formOf(stem, f);
        const z0 = sf.indexOf(Z);
        if (z0 > 0 && z0 === sf.lastIndexOf(Z) && isMiPrefix(sf.slice(0, z0))) return sf + e;
      }
    }
    // a clitic in ا (‌ای, ‌اش, ‌اند ...) after such a form in a silent ه or ی takes its ZWNJ too: بهاندازهای →
    // به‌اندازه‌ای, بهگونهایی → به‌گونه‌ایی (were left glued, or cut بهگون‌هایی)
    if (PARAMS.formAlef) {
      for (const e of ALEF_BY_LENGTH) {
        if (w.length - e.length < 4 || !w.endsWith(e)) continue;
        const stem = w.slice(0, w.length - e.length);
        const n = stem.length;
        if (!isHehOrYeh(stem.charCodeAt(n - 1)) || endsInConsonantH(stem, n)) continue;
        const f = m.form(stem);
        if (f < 0) continue;
        const c = m.formCount[f]!;
        const lexOnly = PARAMS.formEndingLex && c === 0 && m.formGlued[f]! === 0 && m.formLex[f]! >= PARAMS.lexMin;
        if (!lexOnly && (c < PARAMS.formEnding || c < PARAMS.formRatio * m.formGlued[f]!)) continue;
        // (not through a known word + an established word: بهخصوصیات is به + خصوصیات, not به‌خصوصی + ‌ات; nor where
        // the ه may begin the plural after an established word: رویدادهاست is رویداد + هاست, not روی‌داده + ‌است)
        if (this.twoWordsAcross(w, n)) continue;
        if (PLURAL_APART_ENDINGS.includes(w.slice(n - 1)) && this.established(this.idx(w.slice(0, n - 1)))) continue;
        const sf = m.formOf(stem, f);
        // (nor after a verb form: میگهای are MiGs, not می‌گه + ‌ای; میریام is a name)
        const z0 = sf.indexOf(Z);
        if (z0 > 0 && isMiPrefix(sf.slice(0, z0))) continue;
        const last = sf.slice(sf.lastIndexOf(Z) + 1);
        if (PLURAL_ENDINGS.includes(last) || ALEF_CLITICS.has(last)) continue;
        return sf + Z + e;
      }
    }
    return null;
  }

  /**
   * w[0, j) ends like a participle (ده, ته: isParticipleEnd), and — with PARAMS.participleStem — the letters before its
   * ه are a verb form the model knows (a past stem: برگشت, فرستاد), not only a noun (ابهت, ادبیات, آخرت)
   */
  private participleOver(w: string, j: number): boolean {
    if (!isParticipleEnd(w, j)) return false;
    if (!PARAMS.participleStem) return true;
    const r = this.m.pieceRange(w, 0, j - 1);
    return r >= 0 && (this.m.flags[r]! & FLAG_VERB) !== 0;
  }

  /**
   * stem + `suf` (a plural ending) may also read as the word stem + ه + a clitic in ا (نامهای: نامه‌ای): stem + ه is a
   * known word or participle. With PARAMS.hImOnlyCommon, before هایم only a participle (فرستاده‌ایم, "we have sent"),
   * the ه‌form of a verb's past stem, or a word in ه the text shows more often than the stem: ‌ایم after a noun is "we
   * are" (آماره‌ایم, امروزه‌ایم), far rarer than the plural + "my" (آمارهایم, امروزهایم)
   */
  private hAlefReading(stem: string, suf: string): boolean {
    const hi = this.idx(stem + 'ه');
    if (!this.known(hi, FLAG_LEX | FLAG_PARTICIPLE)) return false;
    if (!PARAMS.hImOnlyCommon || suf !== 'هایم') return true;
    const si = this.idx(stem);
    if ((this.m.flags[hi]! & (FLAG_PARTICIPLE | FLAG_VERB)) !== 0 || (si >= 0 && (this.m.flags[si]! & FLAG_VERB) !== 0)) return true;
    return this.wordCount(stem + 'ه') > this.wordCount(stem);
  }

  /** A known word: the piece was seen as a word or at a word's start, or carries one of `flags` (default: listed). */
  /**
   * `lex`, the lexicons' spelling of `w`, puts its ZWNJs inside a stem that `w` ends with an ending after (ی, یی, ان,
   * یان: سیاستمداری = سیاستمدار + ی), and the text writes that stem glued more often than with a ZWNJ (سیاستمدار 4 times
   * glued, once سیاست‌مدار; راستگو): the text's spelling of the stem wins over the lexicons' of the inflected word,
   * which the text never shows (PARAMS.gluedStemOverLex)
   */
  private textGluesStem(w: string, lex: string): boolean {
    const m = this.m;
    for (const end of STEM_GLUE_ENDINGS) {
      if (w.length < end.length + 4 || !w.endsWith(end)) continue;
      const stem = w.slice(0, -end.length);
      // (every ZWNJ of the lexicons' form inside the stem, none before the ending)
      if (lex.slice(0, lex.length - end.length).replaceAll(Z, '') !== stem || lex.endsWith(Z + end)) continue;
      const si = this.idx(stem);
      if (si < 0 || m.glued[si]! < PARAMS.gluedStemOverLex) continue;
      const sf = m.form(stem);
      if (m.glued[si]! > (sf >= 0 ? m.formCount[sf]! : 0)) return true;
    }
    return false;
  }

  /**
   * A known word in ی (the vowel) + the indefinite or relative ‌ای glued (علمیای, ورودیای → علمی‌ای, ورودی‌ای: the
   * text writes دینی‌ای, جدی‌ای, فداکاری‌ای, never glued): the ZWNJ goes before ای. The word must be four letters or
   * more, no verb form, and the letters before the last ی no word (دنیای, دریای, آسیای are دنیا, دریا + the ezafe; بیای,
   * میای are chat verbs).
   */
  yeAi(w: string): string | null {
    const n = w.length;
    if (n < 6 || w.charCodeAt(n - 1) !== 0x06cc || w.charCodeAt(n - 2) !== 0x0627 || w.charCodeAt(n - 3) !== 0x06cc) return null;
    const stem = w.slice(0, n - 2);
    const si = this.idx(stem);
    if (!this.known(si) || (this.m.flags[si]! & FLAG_VERB) !== 0) return null;
    if (this.knownOrForm(w.slice(0, n - 1)) || this.m.form(w) >= 0) return null;
    // (only a word the cut search and the silent-ه cut leave whole)
    if (this.bestCut(w) !== null || this.silentHCut(w) !== null) return null;
    return this.segmentUncached(stem) + Z + 'ای';
  }

  private known(row: number, flags = FLAG_LEX): boolean {
    return row >= 0 && (this.m.first[row]! > 0 || (this.m.flags[row]! & flags) !== 0);
  }

  /** `a` + `b`, or `a` + `b` less one of FORM_ENDINGS, is a form the text writes with a ZWNJ */
  private knownCompound(a: string, b: string): boolean {
    for (const e of ['', ...FORM_ENDINGS]) {
      if (b.length - e.length < 2 || !b.endsWith(e)) continue;
      const f = this.m.form(a + b.slice(0, b.length - e.length));
      if (f >= 0 && this.m.formCount[f]! > 0) return true;
    }
    return false;
  }

  /** A known word (see known), or letters the model writes as a form with a ZWNJ (همکلاسی: هم‌کلاسی). */
  private knownOrForm(p: string): boolean {
    if (this.known(this.idx(p))) return true;
    const f = this.m.form(p);
    return f >= 0 && this.m.formCount[f]! > 0;
  }

  /**
   * The length of the word before a glued personal ending or possessive clitic of `w` (شان تان مان یم ید ند م ت ش) when
   * that word is listed (FLAG_LEX), seen glued at least `stemEndingMin` times (or of `stemEndingLexLen` letters), no
   * verb form, three letters at least, not in ه or ی (whose endings take a ZWNJ or an ا), and written whole by the model
   * (not روانشناس: روان‌شناسم); else 0.
   */
  private stemBeforeEnding(w: string): number {
    for (const e of PERSON_ENDINGS) {
      const k = w.length - e.length;
      if (k < 3 || !w.endsWith(e)) continue;
      const last = w.charCodeAt(k - 1);
      if (last === 0x0647 || last === 0x06cc || last === 0x200c) continue;
      const r = this.m.pieceRange(w, 0, k);
      if (r < 0 || (this.m.flags[r]! & (FLAG_LEX | FLAG_VERB)) !== FLAG_LEX) continue;
      if (this.m.glued[r]! < PARAMS.stemEndingMin && !(PARAMS.stemEndingLexLen > 0 && k >= PARAMS.stemEndingLexLen)) continue;
      const stem = w.slice(0, k);
      if (this.segmentUncached(stem) === stem) return k;
    }
    return 0;
  }

  /** `w` is می or نمی (after a preverb, too: برمی) + a verb form the model knows */
  private miVerbForm(w: string): boolean {
    for (let j = 2; j <= Math.min(6, w.length - 2); j++) {
      if (!isMiPrefix(w.slice(0, j))) continue;
      const r = this.m.pieceRange(w, j, w.length);
      if ((r >= 0 && (this.m.flags[r]! & FLAG_VERB) !== 0) || (PARAMS.iverb !== 0 && this.m.isInformalVerb(w.slice(j)))) return true;
    }
    return false;
  }

  /** A word the model is sure of: listed in a lexicon, or seen as a word or at a word's start five times. */
  private established(row: number): boolean {
    return row >= 0 && ((this.m.flags[row]! & FLAG_LEX) !== 0 || this.m.first[row]! >= 5);
  }

  /**
   * The word is two known words written glued — a name such as میر + کاظمی, میر + دامادی, مینا + وند — or a known word
   * + ی (میهن + ی, میثم + ی), rather than می + a verb form the model does not know (رکاظمی, هنی are no verbs). Known:
   * seen as a word or at a word's start, or in a lexicon; the second word may also be a known word + ی (دامادی).
   */
  private gluedWords(w: string): boolean {
    const known = (a: number, b: number): boolean => this.known(this.idx(w.slice(a, b)));
    const n = w.length;
    // a known word + ی (میهن + ی, میثم + ی)
    if (w.charCodeAt(n - 1) === 0x06cc && known(0, n - 1)) return true;
    for (let k = 3; k <= n - 2; k++) {
      if (!known(0, k)) continue;
      if (known(k, n) || (n - k >= 3 && w.charCodeAt(n - 1) === 0x06cc && known(k, n - 1))) return true;
    }
    return false;
  }

  /**
   * `w` is a known word + an established word of four letters or more that starts at least two letters before `j`
   * (به + اتهام for a cut at بهاته|ام): a cut at `j` would go through that word.
   */
  private twoWordsAcross(w: string, j: number): boolean {
    for (let p = 1; p <= j - 2 && w.length - p >= 4; p++) {
      if (this.established(this.idx(w.slice(p))) && this.known(this.idx(w.slice(0, p)))) return true;
    }
    return false;
  }

  /**
   * w[f0, j] (the piece before j + the ا at j) is an established word, seen as a word at least as often as w[f0, j)
   * (دنیا against دنی, تنها against تنه): the ا belongs to it, not to a clitic cut off after w[f0, j).
   */
  private alefWordOver(w: string, f0: number, j: number): boolean {
    if (!PARAMS.alefWord) return false;
    const r = this.m.pieceRange(w, f0, j + 1);
    if (!this.established(r)) return false;
    return this.wordCount(w.slice(f0, j + 1)) >= Math.max(1, this.wordCount(w.slice(f0, j)));
  }

  /** Best cut of an unknown word into pieces, or null to leave it whole. */
  bestCut(w: string): string | null {
    const n = w.length;
    const m = this.m;
    const P = PARAMS;
    // best[k]: best score of w[0..k) cut into pieces; from[k]: start of the last piece (-1 = none, -2 = unknown stem)
    const best = new Float64Array(n + 1).fill(-Infinity);
    const from = new Int32Array(n + 1).fill(-1);
    const unknownStem = new Uint8Array(n + 1);
    let h0 = Math.imul(Math.imul(FNV_OFFSET ^ w.charCodeAt(0), FNV_PRIME) ^ w.charCodeAt(1), FNV_PRIME);
    for (let i = 2; i < n; i++) {
      // h0: hash of w[0, i), extended a letter at a time
      if (i > 2) h0 = Math.imul(h0 ^ w.charCodeAt(i - 1), FNV_PRIME);
      const pi = m.pieceRangeHashed(w, 0, i, h0);
      if (pi >= 0 && (m.first[pi]! > 0 || (m.flags[pi]! & FLAG_LEX) !== 0)) {
        best[i] = P.knownStem * Math.log(1 + m.first[pi]! + m.glued[pi]!) + ((m.flags[pi]! & FLAG_LEX) !== 0 ? P.lex : 0);
        from[i] = 0;
      } else if (i >= 3) {
        best[i] = P.unkStem;
        from[i] = 0;
        unknownStem[i] = 1;
      }
    }
    for (let j = 2; j < n; j++) {
      if (best[j] === -Infinity) continue;
      const left = w.slice(from[j]!, j);
      const li = this.idx(left);
      const zBoundary = isJoiner(w.charCodeAt(j - 1));
      const f0 = from[j]!;
      const verbPrefix = zBoundary && f0 === 0 && !unknownStem[j] && isMiPrefix(left);
      // hashes of the keys looked up for w[j, k), extended a letter at a time as k grows: the piece, the pair
      // "left ZWNJ piece" and the attachment "last letter of left TAB piece"
      let hp = FNV_OFFSET;
      let hz = 0;
      let ha = 0;
      if (zBoundary) {
        hz = FNV_OFFSET;
        for (let q = f0; q < j; q++) hz = Math.imul(hz ^ w.charCodeAt(q), FNV_PRIME);
        hz = Math.imul(hz ^ 0x200c, FNV_PRIME);
        ha = Math.imul(Math.imul(FNV_OFFSET ^ w.charCodeAt(j - 1), FNV_PRIME) ^ 0x09, FNV_PRIME);
      }
      for (let k = j + 1; k <= n; k++) {
        const c = w.charCodeAt(k - 1);
        hp = Math.imul(hp ^ c, FNV_PRIME);
        hz = Math.imul(hz ^ c, FNV_PRIME);
        ha = Math.imul(ha ^ c, FNV_PRIME);
        // the piece w[j, k) is looked up in place; the substring is made only where a rule needs it
        const pi = m.pieceRangeHashed(w, j, k, hp);
        let s: number;
        // بی, نا, غیر, هم never head a finite verb form: بیداریم is بیدار + یم, not بی + داریم; unless the form is also a
        // listed word (داد)
        if (f0 === 0 && !verbPrefix && pi >= 0 && (m.flags[pi]! & (FLAG_VERB | FLAG_LEX)) === FLAG_VERB && HEAD_PREFIXES.includes(left)) continue;
        if (verbPrefix) {
          // می/نمی (also after a preverb: برمی، درمی ...) + a verb form: a known one, or an unknown one ending like a verb
          // (a piece that is no verb form, seen after ZWNJs, is allowed from three letters: می‌توان, but not درمی + ان)
          // chat's informal verb forms (میگیرن, نمیتونی, میدادن) count as known ones; not those in ا, which chat writes
          // glued (میام, میاره: آ written ا after می) — nor, read as a formal or unknown form, آمدن's formal endings so
          // written (نمیاییم, میایی: had become نمی‌اییم; a copula ایم / اید never follows می)
          if (k !== n) {
            // the past progressive perfect with its personal ending glued: می + a participle + ‌ام ‌ای ‌ایم ‌اید ‌اند
            // (میرفتهاند → می‌رفته‌اند, never written glued in the training text; the ending is cut off after it)
            // (the whole word is decided here, as a form read after می: the ending's own odds after a ZWNJ do not count)
            if (!P.miPerfect || pi < 0 || (m.flags[pi]! & FLAG_PARTICIPLE) === 0 || !PERFECT_ENDINGS.has(w.slice(k))) continue;
            const t = best[j]! + P.verb;
            if (t > best[k]!) {
              best[k] = t;
              from[k] = j;
              if (t > best[n]!) {
                best[n] = t;
                from[n] = k;
              }
            }
            continue;
          } else {
          const informal = P.iverb !== 0 && (pi < 0 || (m.flags[pi]! & FLAG_VERB) === 0) && (m.isInformalVerbHashed(w, j, k, hp) || this.verbWithClitic(w, j, k));
          if ((w.charCodeAt(j) === 0x0648 || w.charCodeAt(j) === 0x0627) && GLUED_AFTER_MI.has(w.slice(j, k))) continue;
          // (a participle counts as a verb form: the past progressive perfect می‌گذشته, نمی‌داده, می‌چرخیده)
          const verbFlags = P.participleAfterMi ? FLAG_VERB | FLAG_PARTICIPLE : FLAG_VERB;
          // (an unknown piece in های / هایی ends like a verb but is a plural + ezafe or ی: no verb form ends so —
          // نمی + ناامیدهای stays apart, which also keeps the step idempotent after نا امید های is glued)
          if (!informal && (pi >= 0 ? (m.flags[pi]! & verbFlags) === 0 && (m.next[pi]! < P.minX || k - j < 3) : !VERB_END.test(w.slice(j, k)) || PLURAL_YE_END.test(w.slice(j, k)) || this.gluedWords(w))) continue;
          // (and a known piece that is no verb form only where the text shows it after this prefix and a ZWNJ: میزمان
          // is میز + مان, not می + زمان, though زمان follows a ZWNJ in هم‌زمان)
          if (P.miNonVerbPair && !informal && pi >= 0 && (m.flags[pi]! & verbFlags) === 0 && this.pairCount(left, w.slice(j, k), 'z') === 0) continue;
          // a negative form, ن + a verb form, does not follow می (the negative is نمی): مینزدایی is مین + زدایی, not
          // می + نزدایی. Unless the text shows the piece after a ZWNJ, or the piece is itself a form of a stem in ن, whose
          // negative is a verb form too (نشستیم: ننشستیم, نوازند: ننوازند; no ننزدایی)
          if (PARAMS.negAfterMi && !informal && pi >= 0 && m.next[pi]! === 0 && w.charCodeAt(j) === 0x0646 && k - j >= 3) {
            const v = m.pieceRange(w, j + 1, k);
            const nn = this.idx('ن' + w.slice(j, k));
            if (v >= 0 && (m.flags[v]! & FLAG_VERB) !== 0 && !(nn >= 0 && (m.flags[nn]! & FLAG_VERB) !== 0)) continue;
          }
          s = pi >= 0 || informal ? P.verb : P.verb - 1;
          }
        } else if (pi >= 0 && m.next[pi]! >= 1) {
          const x = m.next[pi]!;
          // a clitic or the copula is the word's last piece: سهامگذاران is no سه + ‌ام + گذاران, وپیامها no وپی + ‌ام + ‌ها
          if (k < n && k - j <= 4 && FINAL_FIRST.has(w.charCodeAt(j)) && FINAL_PIECES.has(w.slice(j, k))) continue;
          if (unknownStem[j] && !this.boundSuffix[pi]) continue;
          const pzRow = zBoundary ? m.pairRangeHashed(w, f0, j, j, k, hz) : -1;
          const pairz = pzRow >= 0 ? m.pairZ[pzRow]! : 0;
          // (ترین is only ever the superlative: after any established word, listed as an adjective or not: وحشی‌ترین;
          // unless the word + ترین is itself a known word, as بهترین, بیشترین are)
          if (pairz === 0 && li >= 0 && (m.flags[li]! & FLAG_ADJ) === 0 && isTarPiece(w, j, k) && !(PARAMS.tarinAny && k - j === 4 && f0 === 0 && this.established(li) && !this.known(m.pieceRange(w, 0, k)))) continue;
          // ‌ای ‌ام ‌اند ‌است ‌اش ...: after ه or ی only (خانه‌ای، صندلی‌ای; فضلای، زعمای are one word)
          if (pairz === 0 && zBoundary && w.charCodeAt(j) === 0x0627 && !isHehOrYeh(w.charCodeAt(j - 1)) && ALEF_CLITICS.has(w.slice(j, k))) continue;
          // nor where the stem + that ا is a word of its own at least as common as the stem, which takes the rest glued
          // (after ا no ZWNJ): دنیاش, دریاش, رعایاش are دنیا, دریا, رعایا + ش, not دنی, دری, رعای + ‌اش; تنهایم is تنها + یم
          if (pairz === 0 && zBoundary && w.charCodeAt(j) === 0x0627 && ALEF_CLITICS.has(w.slice(j, k)) && this.alefWordOver(w, f0, j)) continue;
          // after a stem the model does not know, ه is a silent final ه (خانه‌ام) only after a joining letter or in a
          // participle (زده‌ام); after ا or و it is the h of the informal plural: باهاش, موهام are با + هاش, مو + هام
          if (unknownStem[j] && w.charCodeAt(j) === 0x0627 && w.charCodeAt(j - 1) === 0x0647 && j >= 2 && !isJoiner(w.charCodeAt(j - 2)) && !isParticipleEnd(w, j) && ALEF_CLITICS.has(w.slice(j, k))) continue;
          // and not where the letters before that ه are a known word (or one the model writes with a ZWNJ): the ه then
          // begins the plural + a clitic (سرگرمیهام, همکلاسیهاش are سرگرمی, هم‌کلاسی + هام / هاش, not سرگرمیه + ‌ام);
          // unless the letters up to the ه are a chat word (خونهاش is خونه + اش) or a participle whose past stem the model
          // knows (participleOver: برگشتهایم may be برگشته‌ایم; ابهتهایم, ادبیاتهایم are ابهت, ادبیات + هایم)
          if (PARAMS.pluralOverH && unknownStem[j] && w.charCodeAt(j) === 0x0627 && w.charCodeAt(j - 1) === 0x0647 && j >= 4 && !this.participleOver(w, j) && ALEF_CLITICS.has(w.slice(j, k)) && !this.m.isInformalWord(w.slice(0, j)) && this.knownOrForm(w.slice(0, j - 1))) continue;
          // after اه, and in الله, the ه is a consonant (راه, ماه, اشتباه, دانشگاه): clitics are glued to it (ماهم,
          // اشتباهم, اللهم)
          // nor after a stem the model does not know when the letters are a known word + a known word that the cut goes
          // through (بهاتهام is به + اتهام, not بهاته + ‌ام); not the indefinite ‌ای, which follows any compound (هشت‌ساله‌ای)
          if (unknownStem[j] && k === n && w.charCodeAt(j) === 0x0627 && w.charCodeAt(j + 1) !== 0x06cc && ALEF_CLITICS.has(w.slice(j, k)) && this.twoWordsAcross(w, j)) continue;
          if (endsInConsonantH(w, j) && (CLITICS_AFTER_H.has(w.slice(j, k)) || ALEF_CLITICS.has(w.slice(j, k)))) continue;
          if (zBoundary) {
            const at = m.attachRangeHashed(w, j - 1, j, k, ha);
            let az = at >= 0 ? m.attachZ[at]! : 0;
            let ag = at >= 0 ? m.attachG[at]! : 0;
            if (az < P.minAttach && this.attachTotalZ[pi]! >= P.minAttachTotal) {
              az = this.attachTotalZ[pi]! * P.backoff;
              ag = this.attachTotalG[pi]! * P.backoff;
            }
            if (pairz > 0 || az >= P.minAttach * P.backoff) {
              // log-odds that b follows a ZWNJ after a stem ending in this letter (word types), plus pair evidence
              s = Math.log((az + P.pairW * pairz + 0.5) / (ag + 0.5)) - P.cut;
            } else if (li >= 0 && !unknownStem[j] && m.first[li]! + m.glued[li]! >= P.minStem && x >= P.minX) {
              // compound of two known words: how much more often b follows a ZWNJ than it stands alone
              s = P.wc * Math.log((x + 1) / (m.first[pi]! + m.glued[pi]! + 1)) + P.compound - P.cut;
            } else if (k === n && li >= 0 && !unknownStem[j] && this.headStemTail(w, j, j - f0)) {
              s = P.headStem - P.cut;
            } else if (P.prefixSeenTail && this.prefixTail(w, li, pi, j, k, f0, unknownStem[j]!)) {
              s = P.prefix; // بی + a known word the text shows after a ZWNJ once or twice (بیدندان)
            } else continue;
            if (li >= 0 && !unknownStem[j]) {
              const occ = m.first[li]! + m.next[li]!;
              const r = Math.log((m.zAfter[li]! + 1) / (occ + 2)) - Math.log(P.zBase);
              s += P.wz * Math.min(1, Math.max(-3, r));
            }
          } else {
            const bnd = x / (x + m.first[pi]! + m.glued[pi]!);
            if (x < P.minX || bnd < P.minBound) continue;
            s = P.wb * Math.log(bnd) - P.cut;
          }
        } else if (k === n && zBoundary && li >= 0 && !unknownStem[j] && this.headStemTail(w, j, j - f0)) {
          // an unseen tail: a compound-heading stem + an ending (دین + فروشان, پاک + دلان)
          s = P.headStem - P.cut;
        } else if (zBoundary && this.prefixTail(w, li, pi, j, k, f0, unknownStem[j]!)) {
          // (a word of three letters at least: a word often followed by a ZWNJ is not a prefix before ی, ا, ما, تم —
          // ان‌ها and ایمن‌سازی made ان and ایمن count as prefixes: انی, انما, ایمنا were cut)
          s = P.prefix; // بی + known word, ...
        } else continue;
        const total = best[j]! + s;
        if (total > best[k]!) {
          best[k] = total;
          from[k] = j;
        }
      }
    }
    if (best[n]! <= P.unk || from[n]! <= 0) return null;
    const cuts: number[] = [];
    for (let k = n; k > 0 && from[k]! > 0; k = from[k]!) cuts.push(from[k]!);
    cuts.reverse();
    let out = '';
    let last = 0;
    for (const c of cuts) {
      out += w.slice(last, c);
      if (isJoiner(w.charCodeAt(c - 1))) out += Z;
      last = c;
    }
    out += w.slice(last);
    return out === w ? null : out;
  }

  /**
   * w[j, k) ends the word and follows a prefix word at its start (boundPrefix: بی + a known word), a piece of three
   * letters or more the text shows as a word minStem times, or (PARAMS.prefixLexTail) a lexicon lists
   */
  private prefixTail(w: string, li: number, pi: number, j: number, k: number, f0: number, unknownStem: number): boolean {
    if (k !== w.length || li < 0 || !this.boundPrefix[li] || f0 !== 0 || unknownStem || pi < 0 || k - j < 3) return false;
    const m = this.m;
    if (m.first[pi]! + m.glued[pi]! >= PARAMS.minStem && m.next[pi]! === 0) return true;
    // (the two widenings are for بی only, which is never a word before a noun or adjective; and not before a clitic:
    // خوشتون, کفشتون are خوش, کفش + chat's تون. برگسون, نرمالیزه had been برگ‌سون, نرم‌الیزه with any prefix word)
    if (j !== 2 || w.charCodeAt(0) !== 0x0628 || w.charCodeAt(1) !== 0x06cc || FINAL_PIECES.has(w.slice(j)) || INFORMAL_SUFFIXES.has(w.slice(j))) return false;
    if (m.first[pi]! + m.glued[pi]! >= PARAMS.minStem) return PARAMS.prefixSeenTail !== 0;
    // (a listed word of four letters or more, as for stemEndingLexLen: بیسار, بیسان are no بی + سار, سان)
    return PARAMS.prefixLexTail !== 0 && k - j >= 4 && (m.flags[pi]! & FLAG_LEX) !== 0;
  }

  /**
   * w[j, end) is a stem flagged FLAG_HEAD_STEM + one of HEAD_STEM_ENDINGS (فروشان, ستیز, خوری), after a head of three
   * letters at least (آه + نگران, دک + تراش are آهنگران, دکتراش), and w without the ending is no known word (آهنگر + ان)
   */
  private headStemTail(w: string, j: number, head: number): boolean {
    if (head < 3) return false;
    const e = this.headStemEnding(w, j);
    return e === 0 || (e > 0 && !this.known(this.m.pieceRange(w, 0, w.length - e), FLAG_LEX | FLAG_VERB));
  }

  /** The length of the ending when w[from, end) is a FLAG_HEAD_STEM stem of 3+ letters + one of HEAD_STEM_ENDINGS; else -1. */
  private headStemEnding(w: string, from: number): number {
    for (const e of HEAD_STEM_ENDINGS) {
      if (w.length - from - e.length < 3 || !w.endsWith(e)) continue;
      const r = this.m.pieceRange(w, from, w.length - e.length);
      if (r >= 0 && (this.m.flags[r]! & FLAG_HEAD_STEM) !== 0) return e.length;
    }
    return -1;
  }

  /**
   * `b` (no ZWNJ) is a compound-heading stem + an ending and was never seen as a word or a word's start, nor is it a
   * listed word or verb form (نشینان, نهادان, خوری; not ستیز, گویی, سواران, which stand alone too)
   */
  isHeadStemWord(b: string): boolean {
    if (b.length < 3 || !PARAMS.headStemSpaced) return false;
    const bi = this.idx(b);
    if (bi >= 0 && (this.m.first[bi]! + this.m.glued[bi]! > 0 || (this.m.flags[bi]! & (FLAG_LEX | FLAG_VERB)) !== 0)) return false;
    return this.headStemEnding(b, 0) >= 0;
  }

  /** times the pieces a and b were seen joined by a ZWNJ ('z') or separated by a space ('s') */
  private pairCount(a: string, b: string, how: 'z' | 's'): number {
    const r = this.m.pair(a + Z + b);
    return r < 0 ? 0 : how === 'z' ? this.m.pairZ[r]! : this.m.pairS[r]!;
  }

  private shouldJoinCareful(a: string, b: string): boolean {
    // ترین is never a word alone: a space before it is a slip even in text that writes its half-spaces
    if (b === 'ترین') return this.joinsTarin(a);
    if (isMiPrefix(a) && b.indexOf(Z) < 0) {
      const bi = this.idx(b);
      return bi >= 0 && (this.m.flags[bi]! & FLAG_VERB) !== 0 && this.m.glued[bi]! === 0;
    }
    const m = this.m;
    const key = (a + b).replaceAll(Z, '');
    const f = m.form(key);
    if (f < 0 || m.formGlued[f]! > 0 || m.formCount[f]! < PARAMS.carefulMin) return false;
    const form = m.formOf(key, f);
    const la = a.replaceAll(Z, '').length;
    if (form.charCodeAt(la + countZ(form, la)) !== 0x200c) return false;
    const pair = m.pair(a.slice(a.lastIndexOf(Z) + 1) + Z + (b.indexOf(Z) < 0 ? b : b.slice(0, b.indexOf(Z))));
    return pair < 0 || m.pairS[pair] === 0;
  }

  /**
   * Academy of Persian Language style: the plural ها and comparative تر/ترین are always separated by a ZWNJ from a
   * known stem ending in a joining letter, except in lexicalised words.
   */
  academy(form: string): string {
    const lastZ = form.lastIndexOf(Z);
    const tail = form.slice(lastZ + 1);
    for (const suf of ACADEMY_SUFFIXES) {
      if (tail.length > suf.length + 1 && tail.endsWith(suf) && !LEXICALISED.has(tail)) {
        const stem = tail.slice(0, tail.length - suf.length);
        if (!isJoiner(stem.charCodeAt(stem.length - 1))) return form;
        const si = this.idx(stem);
        if (si < 0 || this.m.first[si]! + this.m.glued[si]! < 2) return form;
        if ((suf.startsWith('تر')) && (this.m.flags[si]! & FLAG_ADJ) === 0) return form;
        return form.slice(0, lastZ + 1) + stem + Z + suf;
      }
    }
    return form;
  }

  /**
   * An Arabic compound with the article left glued (عرفاتالعاشقین, مجمعالشعرا, حبیبالله): a known word in a joining
   * letter + ال + three letters or more, where the whole is no word the model knows and the known word + ال is none
   * either (کانال, اشکال), takes a ZWNJ before ال, as the training text writes such compounds (420 times, against a
   * handful of glued words that only look like them). Not after a verb form or the copula (استالینی), nor before ی or
   * ه (loanwords in -الیسم, -الیته; پرتالهای), nor for a piece the model knows. Only for text written without ZWNJs.
   */
  private articleApart(form: string): string {
    if (form.indexOf(Z) >= 0 || form.length < 8) return form;
    if (this.known(this.idx(form), FLAG_LEX | FLAG_VERB)) return form;
    // (nor a listed word + a personal ending: ناسالمیم is ناسالم + یم, not ناس + المیم)
    if (PARAMS.stemEnding && this.stemBeforeEnding(form) > 0) return form;
    // (nor a listed word + the plural: رونالدوها, پشمالوها are رونالدو, پشمالو + ها, not رون, پشم + الوها)
    if (PARAMS.articlePlural) {
      for (const suf of PLURAL_APART_ENDINGS) {
        if (form.length - suf.length >= 5 && form.endsWith(suf) && this.known(this.idx(form.slice(0, form.length - suf.length)), FLAG_LEX)) return form;
      }
    }
    for (let p = 3; p <= form.length - 5; p++) {
      if (form.charCodeAt(p) !== 0x0627 || form.charCodeAt(p + 1) !== 0x0644 || !isJoiner(form.charCodeAt(p - 1))) continue;
      const next = form.charCodeAt(p + 2);
      if (next === 0x06cc || next === 0x0647) continue;
      const a = form.slice(0, p);
      const ai = this.idx(a);
      if (!this.established(ai) || (this.m.flags[ai]! & FLAG_VERB) !== 0 || COPULAS.has(a)) continue;
      if (this.known(this.idx(form.slice(0, p + 2)))) continue;
      return a + Z + form.slice(p);
    }
    return form;
  }

  /**
   * A host the model is not sure of (seen as a word or a word's start, but fewer than five times and in no lexicon:
   * همام of همام‌الدین) before a word in ال that the text writes only after a ZWNJ, PARAMS.articleWeakHost times or
   * more (الدین 28 times): the article word vouches for the compound.
   */
  private weakArticleHost(ai: number, b: string): boolean {
    if (PARAMS.articleWeakHost <= 0 || ai < 0 || this.m.first[ai]! + this.m.glued[ai]! === 0) return false;
    const bi = this.idx(b);
    return bi >= 0 && this.m.first[bi]! === 0 && this.m.glued[bi]! === 0 && this.m.next[bi]! >= PARAMS.articleWeakHost;
  }

  /**
   * The Arabic article typed apart after a word (تاج الدین, نهج البلاغه, حجت الاسلام): a word in ال + three letters or
   * more takes a ZWNJ before it when the training text writes the two joined more often than apart, or, for a pair it
   * never shows, when it writes that word only after a ZWNJ (الدین, البلاغه, العاده: never alone, never glued). The word
   * before must be one the model is sure of (or, before such a word seen ten times, one it has seen: weakArticleHost), no
   * verb form, the copula or a function word, and end in a joining letter; the article word not ال + ی or ه (الهی, الهام,
   * names as الیاس), as in articleApart. Only for text written without ZWNJs (the caller's condition): a writer who uses
   * them and typed a space is left alone.
   */
  articleJoins(a: string, b: string): boolean {
    if (b.length < 5 || b.charCodeAt(0) !== 0x0627 || b.charCodeAt(1) !== 0x0644 || b.indexOf(Z) >= 0) return false;
    const next = b.charCodeAt(2);
    if (next === 0x06cc || next === 0x0647 || !isJoiner(a.charCodeAt(a.length - 1))) return false;
    const lastA = a.slice(a.lastIndexOf(Z) + 1);
    const ai = this.idx(lastA);
    if ((!this.established(ai) && !this.weakArticleHost(ai, b)) || (this.m.flags[ai]! & FLAG_VERB) !== 0 || COPULAS.has(lastA) || ARTICLE_HOSTS_NOT.has(lastA)) return false;
    const bi = this.idx(b);
    if (bi < 0) return false;
    const pz = this.pairCount(lastA, b, 'z');
    const ps = this.pairCount(lastA, b, 's');
    if (pz + ps > 0) return pz > ps;
    return this.m.first[bi]! === 0 && this.m.glued[bi]! === 0 && this.m.next[bi]! >= 2 && !(PARAMS.articleHostApart && this.hostApartBeforeArticle(lastA));
  }

  /** host → [times joined by a ZWNJ, times typed apart] before a word in ال of five letters or more, from the pairs table (made at first use) */
  private articleHosts: Map<string, [number, number]> | undefined;

  /** The text types `a` apart before words in ال at least as often as it joins it to one (PARAMS.articleHostApart). */
  private hostApartBeforeArticle(a: string): boolean {
    let hosts = this.articleHosts;
    if (!hosts) {
      hosts = this.articleHosts = new Map();
      const m = this.m;
      for (let i = 0, n = m.pairRows; i < n; i++) {
        const k = m.pairKey(i);
        const z = k.indexOf(Z);
        if (k.length - z - 1 < 5 || k.charCodeAt(z + 1) !== 0x0627 || k.charCodeAt(z + 2) !== 0x0644) continue;
        const host = k.slice(0, z);
        const e = hosts.get(host);
        if (e) {
          e[0] += m.pairZ[i]!;
          e[1] += m.pairS[i]!;
        } else hosts.set(host, [m.pairZ[i]!, m.pairS[i]!]);
      }
    }
    const e = hosts.get(a);
    return e !== undefined && e[1] > 0 && e[1] >= e[0];
  }

  /**
   * A plural left glued to a known noun ending in a joining letter (کمکها, ارزشهای, پژوهشهایی) takes its ZWNJ, as the
   * treebank text writes nearly every plural (PerDT: 7,497 with a ZWNJ, and besides آنها / اینها and words that only
   * look plural, تنها, انتهای, about 20 without). The training text also holds the glued spellings of some writers
   * (Seraji's text writes a third of its plurals glued), which made the model keep those words whole. Not after the
   * pronouns (آنها is the treebank's spelling), nor for a word a lexicon lists glued, nor when the stem + ه is a word
   * (نامهای may be نامه‌ای); the stem must be a listed word or seen alone five times (پربهای is پربها + ی). Only for
   * text written without ZWNJs: a writer who uses them and wrote a plural glued is left alone.
   * A stem the model has never seen (a loanword or a chat spelling: ارتدنتیستها, توییتهایی, خیابونها) of
   * PARAMS.unseenPlural letters or more takes the ZWNJ before ها and هایی too — not before های..., which may be
   * ه + ‌ای (بهونهای), nor after ب (گرانبها) or in Arabic spellings with ة (تذکرةالفقها).
   */
  private pluralApart(form: string): string {
    if (form.indexOf(Z) >= 0) return form;
    for (const suf of PLURAL_APART_ENDINGS) {
      if (form.length <= suf.length + 1 || !form.endsWith(suf)) continue;
      if (LEXICALISED.has(form)) return form;
      const stem = form.slice(0, form.length - suf.length);
      if (!isJoiner(stem.charCodeAt(stem.length - 1)) || PRONOUN_STEMS.has(stem)) return form;
      const wi = this.idx(form);
      if (wi >= 0 && (this.m.flags[wi]! & (FLAG_LEX | FLAG_VERB)) !== 0) return form;
      const si = this.idx(stem);
      // (and, PARAMS.unseenPluralYe, before any plural ending after a stem in ی whose + ه is no known word: استقلالیهای,
      // عیاشیهای; the text writes ی‌های 214 word types, یه‌ای 28, nearly all of them known words, حاشیه‌ای, بیانیه‌ای)
      // (PARAMS.unseenPluralClitic: before the plural's clitics too, هایش, هایشان ..., which read as no ه + a clitic)
      // (PARAMS.unseenPluralHai: before های, هایم, هاست too where the stem + ه is no piece of the model nor a chat word,
      // so that no ه + ‌ای reading is there to choose: میتینگهای, دپارتمانهای; بهونهای stays, بهونه being chat's بهانه)
      const endOk = suf === 'ها' || suf === 'هایی' || (PARAMS.unseenPluralClitic > 0 && !H_ALEF_READS.has(suf)) || (PARAMS.unseenPluralYe > 0 && stem.endsWith('ی') && !this.known(this.idx(stem + 'ه'), FLAG_LEX | FLAG_PARTICIPLE)) || (PARAMS.unseenPluralHai > 0 && this.idx(stem + 'ه') < 0 && !this.m.isInformalWord(stem + 'ه') && this.m.form(stem + 'ه') < 0);
      const unseen = PARAMS.unseenPlural > 0 && endOk && stem.length >= PARAMS.unseenPlural && !stem.endsWith('ب') && !stem.includes('ة') && (si < 0 || (this.m.first[si]! + this.m.glued[si]! + this.m.next[si]! === 0 && (this.m.flags[si]! & FLAG_LEX) === 0));
      if (!unseen && (!this.established(si) || this.m.first[si]! + this.m.glued[si]! < 2)) return form;
      if ((PARAMS.hAlefOnly ? H_ALEF_READS.has(suf) : suf.startsWith('های') || suf === 'هاست') && this.known(this.idx(stem + 'ه'), FLAG_LEX | FLAG_PARTICIPLE)) return form;
      return stem + Z + suf;
    }
    return form;
  }

  /**
   * The form read as a noun in ه + ‌ای (سفره‌ای, حرفه‌ای, زمینه‌ای) when the model read the same letters as a plural +
   * ezafe (سفرهای, حرف‌های, زمین‌های) and the noun in ه is a known word; else null. Same letters, another ZWNJ.
   */
  indefiniteReading(form: string): string | null {
    if (!form.endsWith('های') || form.length < 6) return null;
    const zwnj = form.charCodeAt(form.length - 4) === 0x200c;
    const stem = form.slice(0, form.length - (zwnj ? 4 : 3));
    // glued, the plural stands only after a letter that does not join (سفرهای); after one that joins it has a ZWNJ
    if (!zwnj && isJoiner(stem.charCodeAt(stem.length - 1))) return null;
    const lastZ = stem.lastIndexOf(Z);
    if (stem.length - lastZ - 1 < 2) return null;
    const noun = stem.slice(lastZ + 1) + 'ه';
    return this.known(this.idx(noun), FLAG_LEX | FLAG_PARTICIPLE) ? stem + 'ه' + Z + 'ای' : null;
  }

  /**
   * The form read as a plural + ezafe (تب‌های, دورهای) when the model read the same letters as a noun in ه + ‌ای
   * (تبه‌ای, نژاده‌ای) and the stem is a known word; else null. indefiniteReading the other way round.
   */
  pluralReading(form: string): string | null {
    if (form.length < 6 || !form.endsWith('ه' + Z + 'ای')) return null;
    const stem = form.slice(0, form.length - 4);
    const lastZ = stem.lastIndexOf(Z);
    const piece = stem.slice(lastZ + 1);
    if (piece.length < 2) return null;
    const row = this.idx(piece);
    if (!this.known(row) || (this.m.flags[row]! & FLAG_VERB) !== 0) return null;
    // not a word in ‌ای the text writes often, mostly a relational adjective, which also stands before these
    // adjectives in a coordination (جنگ‌های داخلی و منطقه‌ای فراوان)
    const f = this.m.form(form.replaceAll(Z, ''));
    if (f >= 0 && this.m.formCount[f]! >= 2 && this.m.formText(f) === form) return null;
    return stem + (isJoiner(stem.charCodeAt(stem.length - 1)) ? Z : '') + 'های';
  }

  /**
   * `a ترین` → `a‌ترین`: after a known piece (اساسی ترین), or a compound adjective in ی whose last piece is no word
   * alone (بین‌المللی ترین); never for a pair seen written apart.
   */
  private joinsTarin(a: string): boolean {
    const lastA = a.slice(a.lastIndexOf(Z) + 1);
    const pair = this.m.pair(lastA + Z + 'ترین');
    if (pair >= 0 && this.m.pairS[pair]! > 0) return false;
    return this.idx(lastA) >= 0 || (a.indexOf(Z) > 0 && lastA.endsWith('ی'));
  }

  /**
   * The plural typed as a word after a word ending in a letter that does not join (دکتر ها, دانشجو ها, آقا ها), or تر
   * / ترین after such an adjective (دور تر): the space goes (دکترها, دورتر; a ZWNJ would be invisible there). Only
   * after a word of two letters or more that a lexicon lists or the text shows alone ten times, and that is no verb
   * form: chat's particle ها follows verbs (شد ها, برو ها, بیا ها; و های).
   */
  gluesSuffix(a: string, b: string): boolean {
    const tar = b === 'تر' || b === 'ترین';
    if (!tar && !PLURAL_ENDINGS.includes(b)) return false;
    const n = a.length;
    if (n < 2 || isJoiner(a.charCodeAt(n - 1)) || !isArabicLetter(a.charCodeAt(n - 1))) return false;
    const last = a.slice(a.lastIndexOf(Z) + 1);
    if (last.length < 2) return false;
    const row = this.idx(last);
    if (row < 0) return false;
    // the joined word must be one the model leaves whole, so that a second pass reads it the same way (دورهای is
    // دوره‌ای to the model: not joined)
    const whole = last + b;
    if (this.segment(whole) !== whole) return false;
    // تر (also a word: wet) only after an adjective (دور تر, سرد تر); ترین, never a word, also after a known word below
    if (tar && (this.m.flags[row]! & FLAG_ADJ) !== 0) return true;
    if (b === 'تر' || (this.m.flags[row]! & FLAG_VERB) !== 0) return false;
    if ((this.m.flags[row]! & FLAG_LEX) === 0 && this.m.first[row]! < 10) return false;
    // nor an imperative or negative form: ب/ن + a present stem (برو: رود is a verb form; بگو, بخور are listed nowhere)
    const c0 = last.charCodeAt(0);
    if ((c0 === 0x0628 || c0 === 0x0646) && last.length >= 3) {
      const v = this.idx(last.slice(1) + 'د');
      if (v >= 0 && (this.m.flags[v]! & FLAG_VERB) !== 0) return false;
      // بیا, بیاور: ب + ی + a stem in آ (آید, آورد)
      if (last.charCodeAt(1) === 0x06cc && last.charCodeAt(2) === 0x0627) {
        const va = this.idx('آ' + last.slice(3) + (last.length === 3 ? 'ید' : 'د'));
        if (va >= 0 && (this.m.flags[va]! & FLAG_VERB) !== 0) return false;
      }
    }
    return true;
  }

  /**
   * A word that بی typed apart before it may join (بی قرار, بی دلیل): بی is no word by itself, so the space is a lost
   * ZWNJ when, besides this, the two written together read as بی + that word (readsAsPrefix). Not a pronoun or
   * آن/آنکه (بی تو, بی آنکه: the preposition), a verb form, nor a pair the text shows apart (بی بی).
   */
  mayFollowBi(b: string): boolean {
    if (b.length < 2 || b.indexOf(Z) >= 0 || BI_APART.has(b)) return false;
    const row = this.idx(b);
    if (row >= 0 && (this.m.flags[row]! & FLAG_VERB) !== 0) return false;
    return this.pairCount('بی', b, 's') === 0;
  }

  /**
   * The prefix نا typed apart (نا امید, نا آرام): a word by itself only in نا ندارم (strength), so the space goes when
   * نا + the word is a listed word the model leaves whole (ناامید), and the text never shows the two apart.
   */
  gluesNa(b: string): boolean {
    if (b.length < 2 || b.indexOf(Z) >= 0) return false;
    const whole = 'نا' + b;
    const row = this.idx(whole);
    if (row < 0 || (this.m.flags[row]! & FLAG_LEX) === 0 || (this.m.flags[row]! & FLAG_VERB) !== 0) return false;
    return this.pairCount('نا', b, 's') === 0 && this.segment(whole) === whole;
  }

  /**
   * A known adjective in a joining letter + the superlative ترین, a word the text never shows and the cut search left
   * whole (مهلکترین, مضحکترین, قشنگترین: the attachment odds of ترین after ک or گ were too low): ترین is never a word of
   * its own, and after such a stem the text writes it with a ZWNJ 296 times, glued 46 (بزرگترین, مهمترین, which it also
   * writes with one). Not تر / تری, which also end loanwords and nouns after a stem hazm tags as an adjective
   * (لوستر, درستر, ششتری); the whole word is no listed word (the caller's test), the stem seen twice and left whole.
   */
  private superlativeCut(w: string): string | null {
    // (PARAMS.comparative: the comparative تر too, حساستر, جالبتر; a glued word the text or a lexicon knows, لوستر,
    // never gets here)
    const suf = w.endsWith('ترین') ? 4 : PARAMS.comparative && w.endsWith('تر') ? 2 : 0;
    if (suf === 0 || w.length < (suf === 4 ? 6 : 5)) return null;
    const stem = w.slice(0, w.length - suf);
    if (!isJoiner(stem.charCodeAt(stem.length - 1))) return null;
    const si = this.idx(stem);
    if (si < 0 || (this.m.flags[si]! & FLAG_ADJ) === 0 || this.m.first[si]! + this.m.glued[si]! < 2) return null;
    // (تر: only after a stem the text shows as a whole word twice — لوس is only ever seen in لوس‌آنجلس, and لوستر is a
    // word —, and not where the stem + ت is an adjective too: درستر is درست‌تر typed with one ت, not درس + تر)
    if (suf === 2) {
      if (this.m.glued[si]! < 2) return null;
      const st = this.idx(stem + 'ت');
      if (st >= 0 && (this.m.flags[st]! & FLAG_ADJ) !== 0) return null;
    }
    return this.segmentUncached(stem) === stem ? stem + Z + w.slice(stem.length) : null;
  }

  /**
   * Two words typed apart (`a`, `b`, as corrected, no ZWNJ in either) that the training text never shows — apart,
   * with a ZWNJ or glued — make one compound when two lexicons (PARAMS.lexJoin) write them with a ZWNJ at that space
   * and `b` is a compound's head as much as a word: seen after a ZWNJ at least PARAMS.lexJoinShare (a fifth) as often
   * as alone or at a word's start (دار, گزار, نواز, طلبانه, کاری, نامه; not خواب, سنتی: اتاق خواب, طب سنتی stay apart),
   * or never seen by the text at all (PARAMS.lexJoinUnseen, lexJoinUnknown: روبی, فروت, المنافع; then the cut search
   * must read a + b so too). Not after a function word (هم نژاد: هم is "also" as often), nor a second word of two
   * letters (آلن پو, a name), nor a known word in ال (بسم الله: the Arabic-article rules decide those), nor a verb
   * form, nor in a line whose writer types ZWNJs (a space there is meant), nor after a number word for a second word
   * the text types apart after numbers (هفت ماهه: PARAMS.lexJoinNumber), nor for a second word that is part of a
   * person's name (رابین هود, مک دونالد: PARAMS.lexJoinName). Without the head test, wrong joins on the
   * held-out text 4 → 6 (5% set) and 54 → 98 (PerDT 30% set).
   */
  lexJoins(a: string, b: string): boolean {
    return this.lexJoinHead(b) && this.lexJoinsAfter(a, b);
  }

  /** lexJoins' test of the second word alone (a word's analysis keeps it: WordInfo.lexHead) */
  lexJoinHead(b: string): boolean {
    if (b.length < 3 || b.indexOf(Z) >= 0) return false;
    const m = this.m;
    const bi = this.idx(b);
    // a word that is no piece of the model at all (استریت, العاشقین, المنافع): only the lexicons speak for the pair, in
    // ال too (the Arabic-article rules need the word seen: articleJoins)
    if (bi < 0) return PARAMS.lexJoinUnknown > 0;
    if (b.startsWith('ال')) return false;
    if (((m.flags[bi]! & FLAG_VERB) !== 0 && !(PARAMS.lexJoinVerbYe && b.endsWith('ی')))) return false;
    const seen = m.first[bi]! + m.glued[bi]!;
    // a word the text never shows, only the lexicons (روبی, افروزی, نوردی: verb nouns in ی): the lexicons alone speak for it
    if (PARAMS.lexJoinUnseen && seen + m.next[bi]! === 0) return true;
    return m.next[bi]! >= 1 && m.next[bi]! >= PARAMS.lexJoinShare * seen;
  }

  /** the rest of lexJoins, for a second word `b` that passes lexJoinHead */
  lexJoinsAfter(a: string, b: string): boolean {
    if (a.indexOf(Z) >= 0 || ARTICLE_HOSTS_NOT.has(a) || isMiPrefix(a)) return false;
    const m = this.m;
    // (a number word + a word the text types apart after numbers: هفت ماهه, PARAMS.lexJoinNumber)
    if (PARAMS.lexJoinNumber && NUMBER_WORDS.has(a)) {
      const bi = this.idx(b);
      if (bi >= 0 && (m.flags[bi]! & FLAG_NUM_APART) !== 0) return false;
    }
    // (a second word that is part of a person's name: رابین هود, مک دونالد, نظامی گنجوی, PARAMS.lexJoinName)
    if (PARAMS.lexJoinName) {
      const bi = this.idx(b);
      if (bi >= 0 && (m.flags[bi]! & FLAG_NAME) !== 0) return false;
    }
    const key = a + b;
    const f = m.form(key);
    if (f < 0 || m.formCount[f]! !== 0 || m.formGlued[f]! !== 0 || m.formLex[f]! < PARAMS.lexJoin) return false;
    const form = m.formOf(key, f);
    if (form.charCodeAt(a.length) !== 0x200c) return false;
    // a second word the text never shows: the cut search must read the two written together so too (سان فرانسیسکو,
    // which the model writes glued, stays apart)
    const bi = this.idx(b);
    if ((bi < 0 || m.first[bi]! + m.next[bi]! + m.glued[bi]! === 0) && this.segment(key) !== form) return false;
    return this.pairCount(a, b, 's') === 0;
  }

  /**
   * Two words typed apart, `a` and `b` = y + ی / ان / انی, where a‌y is a form the text writes with its ZWNJ there (more
   * often than glued) and never apart, and the text never shows a and b apart: one word, a‌b — the spaced twin of
   * formWithEnding (ساده دلان → ساده‌دلان, نجف آبادی → نجف‌آبادی, سیاه رنگی → سیاه‌رنگی, as ساده‌دل, نجف‌آباد,
   * سیاه‌رنگ). Not when `b` is a verb form read after می/نمی or, unlisted, seen alone (مشکل داری, گریه کنی: you have,
   * you cry), nor after a function word, nor where the letters of a + b are a form the model writes otherwise. Forms
   * only the lexicons write are not enough (عرض حالی was joined).
   */
  formEndingJoins(a: string, b: string): boolean {
    return this.formEndingTail(b) && this.formEndingJoinsAfter(a, b);
  }

  /**
   * formEndingJoins' test of the second word alone (a word's analysis keeps it: WordInfo.endingTail): no ZWNJ, one of
   * the endings after two letters at least, and no verb form that reads as one
   */
  formEndingTail(b: string): boolean {
    if (b.indexOf(Z) >= 0 || !SPACED_FORM_ENDINGS.some((e) => b.length - e.length >= 2 && b.endsWith(e))) return false;
    const m = this.m;
    const bi = this.idx(b);
    return !(bi >= 0 && (m.flags[bi]! & FLAG_VERB) !== 0 && (2 * (this.pairCount('می', b, 'z') + this.pairCount('نمی', b, 'z')) >= m.next[bi]! || ((m.flags[bi]! & FLAG_LEX) === 0 && m.first[bi]! > 0)));
  }

  /**
   * formEndingTail for a word the text never shows (not even as a piece: دلان, نهادان), which the join rules that read
   * the word's pieces cannot take (PARAMS.formEndingUnseen)
   */
  unseenEndingTail(b: string): boolean {
    return this.idx(b) < 0 && this.formEndingTail(b);
  }

  /**
   * the rest of formEndingJoins, for a second word `b` that passes formEndingTail; `unseen`: `b` passes
   * unseenEndingTail, and a‌y may be a form only the lexicons write (PARAMS.formEndingUnseen of them)
   */
  formEndingJoinsAfter(a: string, b: string, unseen = false): boolean {
    if (a.length < 2 || a.indexOf(Z) >= 0 || ARTICLE_HOSTS_NOT.has(a) || isMiPrefix(a)) return false;
    const m = this.m;
    for (const e of SPACED_FORM_ENDINGS) {
      if (b.length - e.length < 2 || !b.endsWith(e)) continue;
      const y = b.slice(0, b.length - e.length);
      const key = a + y;
      const f = m.form(key);
      if (f < 0) continue;
      const c = m.formCount[f]!;
      const lexOnly = unseen && c === 0 && m.formGlued[f]! === 0 && m.formLex[f]! >= PARAMS.formEndingUnseen;
      if (!lexOnly && (c < PARAMS.formEnding || c < PARAMS.formRatio * m.formGlued[f]!)) continue;
      const sf = m.formOf(key, f);
      if (sf !== a + Z + y) continue;
      if (this.pairCount(a, y, 's') > 0 || this.pairCount(a, b, 's') > 0) return false;
      // the whole a + b must not be a form the model writes otherwise
      const fw = m.form(a + b);
      if (fw >= 0 && m.formOf(a + b, fw) !== a + Z + b) return false;
      return true;
    }
    return false;
  }

  /**
   * Two words typed apart that the text never shows apart, where the text writes them with a ZWNJ at that space only
   * with an ending after them (پایه‌گذاری, پایه‌گذاران 13 times, never پایه‌گذار alone: پایه گذار → پایه‌گذار; بدعت
   * گذار, سپرده گذار, بمب گذار, مجسمه ساز; زلزله زده, as زلزله‌زدگان): one word, a‌b — the twin of formEndingJoins the
   * other way round. `b` passes
   * stemFormHead; the letters of a + b are no word or form the model writes otherwise, and no form with an ending is
   * written glued.
   */
  stemFormJoinsAfter(a: string, b: string): boolean {
    if (a.length < 2 || a.indexOf(Z) >= 0 || ARTICLE_HOSTS_NOT.has(a) || isMiPrefix(a) || !isJoiner(a.charCodeAt(a.length - 1))) return false;
    const m = this.m;
    if (this.pairCount(a, b, 's') > 0) return false;
    const fw = m.form(a + b);
    if (fw >= 0 && m.formOf(a + b, fw) !== a + Z + b) return false;
    const wi = this.idx(a + b);
    if (wi >= 0 && m.glued[wi]! > 0) return false;
    let c = 0;
    const ne = STEM_FORM_ENDINGS.length;
    // (a second word in a silent ه: also its plural and abstract noun in گان, گی, زلزله‌زدگان of زلزله زده)
    const inH = b.length >= 3 && b.charCodeAt(b.length - 1) === 0x0647;
    for (let q = 0; q < (inH ? ne + 2 : ne); q++) {
      const key = q < ne ? a + b + STEM_FORM_ENDINGS[q]! : a + b.slice(0, -1) + (q === ne ? 'گان' : 'گی');
      const f = m.form(key);
      if (f < 0 || m.formOf(key, f).charCodeAt(a.length) !== 0x200c) continue;
      if (m.formGlued[f]! > 0) return false;
      c += m.formCount[f]!;
    }
    return c >= PARAMS.stemFormJoin;
  }

  /**
   * stemFormJoinsAfter's test of the second word alone (a word's analysis keeps it: WordInfo.stemHead): no ZWNJ, two
   * letters at least, no verb form seen as a word of its own (تعیین کنند: the text's تعیین‌کنندگان says nothing of the
   * verb), and, if known, seen after a ZWNJ at least PARAMS.stemFormShare times as often as alone (not بعد: ساعت سه بعد
   * از stays apart though the text writes سه‌بعدی)
   */
  stemFormHead(b: string): boolean {
    if (PARAMS.stemFormJoin <= 0 || b.length < 2 || b.indexOf(Z) >= 0) return false;
    const m = this.m;
    const bi = this.idx(b);
    if (bi < 0) return true;
    if ((m.flags[bi]! & FLAG_VERB) !== 0 && m.first[bi]! > 0) return false;
    return m.next[bi]! >= PARAMS.stemFormShare * (m.first[bi]! + m.glued[bi]!);
  }

  /** Should the space between word `a` (as corrected) and word `b` (as corrected) be a ZWNJ? */
  shouldJoin(a: string, b: string, careful = false): boolean {
    const ca = a.charCodeAt(a.length - 1);
    if (!isJoiner(ca)) return false;
    // the conjunction که heads no compound and takes no clitic (the training text never writes که + ZWNJ): که ای
    // نامجوی (vocative), هر کردار که بینی stay apart (were که‌ای, که‌بینی)
    if (PARAMS.keApart && a === 'که') return false;
    if (careful) return this.shouldJoinCareful(a, b);
    const m = this.m;
    const zb = b.indexOf(Z);
    const firstB = zb < 0 ? b : b.slice(0, zb);
    // a compound-heading stem + ending that never stands alone, after a known word of three letters or more
    // (بادیه نشینان, شکنجه گران): unless the two were seen apart
    if (zb < 0 && this.isHeadStemWord(b)) {
      const lastA = a.slice(a.lastIndexOf(Z) + 1);
      if (lastA.length >= 3 && this.known(this.idx(lastA)) && this.pairCount(lastA, b, 's') === 0 && this.segment(lastA + b) !== lastA + b) return true;
    }
    // fast exit: every rule below needs b's first piece to be known, and all but the verb-prefix rule need it to
    // have been seen after a ZWNJ
    const bi0 = this.idx(firstB);
    if (bi0 < 0) return false;
    if (m.next[bi0] === 0) return zb < 0 && isMiPrefix(a) && (m.flags[bi0]! & FLAG_VERB) !== 0 && this.pairCount(a, firstB, 's') === 0;
    const lastA = a.slice(a.lastIndexOf(Z) + 1);
    // whole-word evidence: the joined letters are a known ZWNJ form with the cut exactly here
    const key = (a + b).replaceAll(Z, '');
    const f = m.form(key);
    const pair = m.pair(lastA + Z + firstB);
    const pz = pair >= 0 ? m.pairZ[pair]! : 0;
    const ps = pair >= 0 ? m.pairS[pair]! : 0;
    if (f >= 0) {
      const form = m.formOf(key, f);
      const la = a.replaceAll(Z, '').length;
      const c = m.formCount[f]!;
      if (form.charCodeAt(la + countZ(form, la)) === 0x200c && c >= PARAMS.joinFormMin && c > PARAMS.joinRatio * ps && c > m.formGlued[f]!) return true;
      // a compound the text shows once or more with the ZWNJ here and never apart or glued, and that lexicons write so
      // too (PARAMS.joinFormLex of them: انسان دوست, کم درآمد, قابل مقایسه, seen once each in the training text); apart
      // with the ezafe written هٔ counts as apart (امام جمعهٔ, 8 times, against امام‌جمعه once)
      if (PARAMS.joinFormLex > 0 && form.charCodeAt(la + countZ(form, la)) === 0x200c && c >= 1 && ps === 0 && m.formGlued[f]! === 0 && m.formLex[f]! >= PARAMS.joinFormLex && !(firstB.endsWith('ه') && this.pairCount(lastA, firstB + '\u0654', 's') > 0)) return true;
    }
    if (pz > 0 && pz >= PARAMS.joinRatio * ps + PARAMS.joinPairMin) return true;
    // a demonstrative before a word it was never seen joined to is the word's determiner, no compound's first part (در
    // آن زاده شده was آن‌زاده: زاده, mostly after a ZWNJ in امام‌زاده, شاه‌زاده, counts as bound); the compounds it makes
    // (آن‌جا, این‌گونه) are pairs the text shows, decided above, and its plural (آن‌ها) joins below
    // (PARAMS.demonstrativeApart)
    if (PARAMS.demonstrativeApart && pz === 0 && DEMONSTRATIVES.has(a) && !firstB.startsWith('ها')) return false;
    const bi = this.idx(firstB);
    const ai = this.idx(lastA);
    if (bi >= 0 && this.boundSuffix[bi] && ps === 0) {
      // تر is also a word (wet), so only after an adjective; ترین is only ever a suffix (joinsTarin)
      if (firstB === 'تر') return ai >= 0 && (m.flags[ai]! & FLAG_ADJ) !== 0;
      if (firstB === 'ترین') return this.joinsTarin(a);
      // a verb form is "bound" because it mostly follows می/نمی (می‌رسد): after another word it is a word of its
      // own (به پیروزی رسد), joined only on pair evidence (tested above). Not for forms in ی, which are mostly the
      // noun suffixes of compounds (تذکره‌نویسی، ماده‌گرایی), nor ‌ام ‌اند ... (below)
      if (!isMiPrefix(a) && !firstB.startsWith('ا') && (!firstB.endsWith('ی') || (PARAMS.boundYeWord > 0 && m.first[bi]! >= PARAMS.boundYeWord))) {
        if ((m.flags[bi]! & FLAG_VERB) !== 0) return false;
        // the same for a piece seen after a ZWNJ mostly in می‌X / نمی‌X (توان in می‌توان): خاموش توان stays apart
        const mi = this.pairCount('می', firstB, 'z') + this.pairCount('نمی', firstB, 'z');
        if (2 * mi >= m.next[bi]!) return false;
      }
      // ‌ای ‌ام ‌اند ...: only after a word ending in ه or ی; but a word in ال (الله, bound after its compounds' ZWNJ)
      // joins no function word, as in the Arabic-article rules (به الله was به‌الله; PARAMS.boundArticle)
      if (PARAMS.boundArticle && firstB.startsWith('ال') && ARTICLE_HOSTS_NOT.has(lastA)) return false;
      // (not after می/نمی: no copula follows the verb prefix; ام ای ایم اید there are آمدن's forms, which the text writes
      // glued, میام — the step glues them, miGluesApart; a ZWNJ made می‌اید, a spelling no text has)
      if (isMiPrefix(a) && GLUED_AFTER_MI.has(firstB)) return false;
      if (firstB.startsWith('ا')) return /[هی]$/.test(lastA) && (ai < 0 || (m.flags[ai]! & (FLAG_PARTICIPLE | FLAG_ADJ | FLAG_LEX)) !== 0 || m.first[ai]! > 0);
      return true;
    }
    if (ps === 0 && zb < 0 && isMiPrefix(a)) {
      if (bi >= 0 && (m.flags[bi]! & FLAG_VERB) !== 0) return true;
    }
    // a compound head: a piece seen only after a ZWNJ, never as a word of its own nor at a word's start (فروشان of
    // آجیل‌فروشان, شناسان, گرایان): a space before it is a lost ZWNJ. Not a verb form but one in ی (گیری, سنجی, the
    // noun suffix of a compound, PARAMS.verbYeHead), not a piece in ا (the rules above), nor a piece seen mostly after می/نمی or after the prefixes بی نا هم غیر (آبرویی, of بی‌آبرویی: نه آبرویی)
    if (ps === 0 && bi >= 0 && this.isCompoundHead(bi, firstB) && !firstB.startsWith('ا') && ((m.flags[bi]! & FLAG_VERB) === 0 || (PARAMS.verbYeHead && firstB.endsWith('ی'))) && !isMiPrefix(a)) {
      let after = this.pairCount('می', firstB, 'z') + this.pairCount('نمی', firstB, 'z');
      for (const p of HEAD_PREFIXES) after += this.pairCount(p, firstB, 'z');
      if (2 * after < m.next[bi]!) return true;
    }
    // a compound the cut search would make of the two words written together (never for a pair seen spaced)
    if (ps === 0 && bi >= 0 && a.indexOf(Z) < 0 && zb < 0 && a.length + b.length <= 40) {
      const x = m.next[bi]!;
      if (x < PARAMS.spaceMinX || x < PARAMS.spaceRatio * (m.first[bi]! + m.glued[bi]!)) return false;
      // (nor a verb form seen after a ZWNJ mostly in می‌X / نمی‌X: هر اهانتی خواستند is no اهانتی‌خواستند; unless the
      // two, without an ending of the second, are a compound the text writes with a ZWNJ: پس اندازم → پس‌اندازم)
      if (PARAMS.verbApart && (m.flags[bi]! & FLAG_VERB) !== 0 && !isMiPrefix(a) && 2 * (this.pairCount('می', firstB, 'z') + this.pairCount('نمی', firstB, 'z')) >= x && !this.knownCompound(a, b)) return false;
      const joined = this.bestCut(a + b);
      return joined !== null && joined.charCodeAt(a.length) === 0x200c;
    }
    return false;
  }
}

/** Number of ZWNJs in `form` before letter position `letters` (letters counted without ZWNJ). */
function countZ(form: string, letters: number): number {
  let seen = 0;
  let z = 0;
  for (let i = 0; i < form.length && seen < letters; i++) {
    if (form.charCodeAt(i) === 0x200c) z++;
    else seen++;
  }
  return z;
}

const decoders = new WeakMap<HalfSpaceModel, HalfSpaceDecoder>();
export function decoderFor(m: HalfSpaceModel): HalfSpaceDecoder {
  let d = decoders.get(m);
  if (!d) decoders.set(m, (d = new HalfSpaceDecoder(m)));
  return d;
}

/** Per distinct word (in one mode): its corrected form and what the join test needs, computed once. */
interface WordInfo {
  word: string;
  /** the corrected letters (diacritics left out) */
  form: string;
  /** the word as written with the ZWNJs inserted (diacritics kept); `word` itself when nothing is inserted */
  out: string;
  /** the first piece of the form may follow a ZWNJ (or is a verb form that may follow می) */
  joinable: boolean;
  /**
   * the first piece is a bound suffix (ها، های، ترین ...), a compound head (شناسان) or a strong one (نژاد): it may join
   * without pair evidence
   */
  bound: boolean;
  firstPiece: string;
  lastPiece: string;
  /** FNV hash of lastPiece + ZWNJ, the start of the key of a pair with the next word's first piece */
  lastZHash: number;
  /** the form is می/نمی (alone or after a preverb) */
  mi: boolean;
  /** the reading in a colloquial line (chatInfo), null when it is the same; undefined until first asked */
  chat: WordInfo | null | undefined;
  // (the fields below are read for every word of the text: kept on the analysis, so that a word's strings are not
  // visited unless it needs them — each one is a cache miss for a word the memo has not seen lately)
  /** `out` differs from `word`: there are ZWNJs to insert */
  inserts: boolean;
  /** the form ends in های (a plural + ezafe, or a noun in ه + ‌ای) */
  hay: boolean;
  /** the form ends in ه‌ای (a noun in ه + ‌ای, or a plural + ezafe read as one) */
  hehAi: boolean;
  /** the word as written holds a ZWNJ (its writer cut it) */
  cut: boolean;
  /** the form is a past participle the model knows (HalfSpaceDecoder.isParticiple) */
  participle: boolean;
  /** the formal counterpart of the form as a chat clitic or plural + clitic typed apart (INFORMAL_SUFFIXES), if any */
  informal: string | undefined;
  /** the formal counterpart of the form as a clitic letter (LETTER_CLITICS), if any */
  letterClitic: string | undefined;
  /** the form may end a pair the lexicons join (HalfSpaceDecoder.lexJoinHead) */
  lexHead: boolean;
  /** the form may be a ZWNJ form's second part + an ending (HalfSpaceDecoder.formEndingTail) */
  endingTail: boolean;
  /** the form is such a tail and the text never shows it (HalfSpaceDecoder.unseenEndingTail) */
  unseenTail: boolean;
  /** the form may end a pair the text writes with a ZWNJ only before an ending (HalfSpaceDecoder.stemFormHead) */
  stemHead: boolean;
  /** what the word says of an Arabic phrase around it (arabicMark): 2 an Arabic function word, 1 a word in ال, -1 a Persian word, 0 none */
  arabic: number;
}

const UNIT = 1; // part of a word: Arabic letter, ZWNJ, hamza above
const JOINER = 2; // a letter that joins the next one
const LETTER = 4; // Arabic letter
const CLASS = new Uint8Array(65536);
forEachRelevantUnit((c) => {
  if (isArabicLetter(c)) CLASS[c] = UNIT | LETTER | (isJoiner(c) ? JOINER : 0);
});
CLASS[0x200c] = UNIT;
CLASS[0x0654] = UNIT;
// diacritics (harakat, tanwin, shadda, sukun, superscript alef) are part of the word they sit on: the word is analysed
// without them and the ZWNJs found are put back after the marks of the letter before them (میسّر, کتابِها)
const MARK = 8;
for (let c = 0x064b; c <= 0x065f; c++) if (c !== 0x0654) CLASS[c] = UNIT | MARK;
CLASS[0x0670] = UNIT | MARK;

/** `w` without its diacritics, or w itself when it has none */
function withoutMarks(w: string): string {
  for (let i = 0; i < w.length; i++) {
    if ((CLASS[w.charCodeAt(i)]! & MARK) !== 0) {
      let out = w.slice(0, i);
      for (let k = i + 1; k < w.length; k++) if ((CLASS[w.charCodeAt(k)]! & MARK) === 0) out += w[k];
      return out;
    }
  }
  return w;
}

/** `w` (with diacritics) with the ZWNJs of `form` (its letters without them, ZWNJs inserted) put back */
function withZwnjs(w: string, form: string): string {
  let out = '';
  let q = 0;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    out += w[i];
    if ((CLASS[c]! & MARK) === 0) q++;
    // after a letter and its marks
    if (i + 1 < w.length && (CLASS[w.charCodeAt(i + 1)]! & MARK) !== 0) continue;
    while (q < form.length && form.charCodeAt(q) === 0x200c) {
      out += Z;
      q++;
    }
  }
  return out;
}

/**
 * An empty array for analyses whose elements kind in V8 is already the one for objects. (An empty [] starts as an
 * array of small integers and changes kind at its first push: a memo first filled after wordInfo was optimized, as the
 * careful memo of the academy style at the normalizer's priming, threw that code away, and it was rebuilt in the
 * next pass over new text.)
 */
function emptyInfos(): WordInfo[] {
  const a: (WordInfo | null)[] = [null];
  a.length = 0;
  return a as WordInfo[];
}

/**
 * Memo of word analyses keyed by the word's letters in the text (no substring is made to look a word up): an
 * open-addressing table with linear probing. Bounded: cleared when full.
 *
 * A slot is four int32s in one array — the hash, the index + 1 into `infos` (0 = empty), and where the word's units
 * are copied in `pool` and how many — so that a probe reads one cache line and a copy of the units stored together,
 * and touches the analysis object only once the word has matched: the memo holds tens of thousands of words, and with
 * the hashes, the analyses and their strings in separate places every look-up was several cache misses (most of the
 * look-up's time, in perf's view of the optimized code).
 */
class WordMemo {
  private static readonly MAX = 200_000;
  // (starts small, so that the first text already makes it grow: V8 then optimizes the callers with that path known)
  private table = new Int32Array(4 << 4);
  private mask = (1 << 4) - 1;
  private pool = new Uint16Array(1 << 10);
  private used = 0;
  private infos = emptyInfos();
  get size(): number {
    return this.infos.length;
  }
  get(t: string, s: number, e: number, h: number): WordInfo | undefined {
    const n = e - s;
    const { table, pool, mask } = this;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const b = slot << 2;
      const r = table[b + 1]!;
      if (r === 0) return undefined;
      if (table[b] !== h || table[b + 3] !== n) continue;
      const o = table[b + 2]!;
      let k = 0;
      while (k < n && pool[o + k] === t.charCodeAt(s + k)) k++;
      if (k === n) return this.infos[r - 1];
    }
  }
  /** Adds the analysis of `info.word`, whose hash is `h`. */
  add(h: number, info: WordInfo): void {
    if (this.infos.length >= WordMemo.MAX) {
      this.table.fill(0);
      this.infos = emptyInfos();
      this.used = 0;
    }
    if (2 * (this.infos.length + 1) > this.mask + 1) this.grow();
    const w = info.word;
    const n = w.length;
    if (this.used + n > this.pool.length) {
      const p = new Uint16Array(Math.max(2 * this.pool.length, this.used + n));
      p.set(this.pool.subarray(0, this.used));
      this.pool = p;
    }
    const o = this.used;
    for (let k = 0; k < n; k++) this.pool[o + k] = w.charCodeAt(k);
    this.used += n;
    this.infos.push(info);
    this.put(h, this.infos.length, o, n);
  }
  private put(h: number, r: number, o: number, n: number): void {
    const { table, mask } = this;
    let slot = h & mask;
    while (table[(slot << 2) + 1] !== 0) slot = (slot + 1) & mask;
    const b = slot << 2;
    table[b] = h;
    table[b + 1] = r;
    table[b + 2] = o;
    table[b + 3] = n;
  }
  private grow(): void {
    const old = this.table;
    this.table = new Int32Array(old.length * 2);
    this.mask = (old.length >> 1) - 1;
    for (let b = 0; b < old.length; b += 4) if (old[b + 1] !== 0) this.put(old[b]!, old[b + 1]!, old[b + 2]!, old[b + 3]!);
  }
}

/**
 * Memo of `shouldJoin` between two neighbouring words: the test (several look-ups, string building, and for a possible
 * compound a cut search over both words) is a pure function of the two forms and the mode. Bounded.
 */
class JoinMemo {
  private static readonly MAX = 100_000;
  private map = new Map<string, boolean>();
  get(key: string): boolean | undefined {
    return this.map.get(key);
  }
  set(key: string, v: boolean): void {
    if (this.map.size >= JoinMemo.MAX) this.map.clear();
    this.map.set(key, v);
  }
}
/** per decoder: the word memos (plain / careful line × corpus / academy style) and the join memo */
const memos = new WeakMap<HalfSpaceDecoder, { words: WordMemo[]; joins: JoinMemo; alts: Map<string, WordInfo> }>();

/**
 * Words after which a plural + ezafe cannot stand, so that the word before is no plural + ezafe: in the training text a
 * noun in ه + ‌ای is followed by one of them 224 times in 462, a plural + ezafe that could be read so once in 665.
 * Also the prepositions برای, مثل, مانند, درباره, نیز and finite verbs (نیست, دارد, ندارد, دارند, داشت, باید, نباید):
 * after a word in ه‌ای 82 times, after one in ‌های never (a plural + ezafe is followed by what it qualifies, no verb).
 */
const PHRASE_ENDERS = new Set(['از', 'که', 'را', 'در', 'به', 'است', 'و', 'بود', 'هم', 'با', 'برای', 'نیز', 'مثل', 'مانند', 'درباره', 'نیست', 'دارد', 'ندارد', 'دارند', 'داشت', 'باید', 'نباید']);

/**
 * Quantifiers that take a noun in the singular (هیچ زمینه‌ای, هر نامه‌ای), so that the word after them is no plural +
 * ezafe: in the training text هیچ / هر + a word in ه‌ای 70 times, + a word in ‌های never.
 */
const SINGULAR_QUANTIFIERS = new Set(['هیچ', 'هر']);

/**
 * Adjectives that qualify plurals: in the training text ‌های + one of them 279 times, ه‌ای + one of them 3 times
 * (مهره‌ای مختلف, قصه‌ای متفاوت, ... اخیر); and the reflexive خود / خویش, which follows a plural + ezafe 177 times and a
 * word in ه‌ای 7 times, each a word in ‌ای the text writes often (هسته‌ای خود, حرفه‌ای خود: not read otherwise). And the
 * ordinals in م, اول, نخست, آخر (وزنهای سوم, سالهای اول): after ‌های 32 times, after ه‌ای never (PARAMS.ordinalQualifier).
 */
const PLURAL_QUALIFIERS = new Set(['خود', 'خویش', 'مختلف', 'مختلفی', 'گوناگون', 'گوناگونی', 'متعدد', 'متعددی', 'متفاوت', 'متفاوتی', 'زیادی', 'فراوان', 'فراوانی', 'بسیاری', 'اخیر', 'گذشته', 'متنوع', 'متنوعی']);
const ORDINAL_QUALIFIERS = ['اول', 'نخست', 'آخر', 'دوم', 'سوم', ...['چهار', 'پنج', 'شش', 'هفت', 'هشت', 'نه', 'ده', 'یازده', 'دوازده', 'سیزده', 'چهارده', 'پانزده', 'شانزده', 'هفده', 'هجده', 'هیجده', 'نوزده', 'بیست', 'چهل', 'پنجاه', 'شصت', 'هفتاد', 'هشتاد', 'نود', 'صد'].map((n) => n + 'م')];
const PLURAL_QUALIFIERS_ORD = new Set([...PLURAL_QUALIFIERS, ...ORDINAL_QUALIFIERS]);

/** The word after the word ending at `j` (across spaces only) is one of `set`. */
/**
 * The auxiliaries of the perfect and pluperfect (آسیب دیده است, گم شده بود): a past participle before one of them is
 * the verb's, typed apart from the word before it (the training text writes X‌Yده است with a ZWNJ a handful of times,
 * apart thousands).
 */
const PERFECT_AUX = new Set(['است', 'اند', 'ام', 'ایم', 'اید', 'بود', 'بودم', 'بودی', 'بودیم', 'بودید', 'بودند', 'باشد', 'باشند', 'باشم', 'باشی', 'باشیم', 'باشید']);

/**
 * «هم X ... و هم Y»: the words after j (to the end of the clause, six at most) hold «و هم», so a هم just before is the
 * correlative "both", a word of its own, not the prefix (هم صدا و سیما و هم آن روزنامه: the training text writes such
 * a هم apart 61 times, with a ZWNJ never).
 */
function correlativeAhead(t: string, j: number, end: number): boolean {
  const words = t.slice(j, Math.min(end, j + 120)).split(/[.،؛:!؟?«»()\n]/)[0]!.split(/\s+/).filter((w) => w !== '');
  for (let k = 0; k + 1 < words.length && k < 7; k++) if (words[k] === 'و' && words[k + 1] === 'هم') return true;
  return false;
}

function nextWordIn(t: string, j: number, prot: Uint8Array, set: Set<string>): boolean {
  let k = j;
  while (k < t.length && typedGap(t.charCodeAt(k))) k++;
  if (k === j || k >= t.length || prot[k] === 1) return false;
  let m = k;
  while (m < t.length && m - k <= 8 && (CLASS[t.charCodeAt(m)]! & UNIT) !== 0) m++;
  return m - k <= 8 && (m >= t.length || (CLASS[t.charCodeAt(m)]! & UNIT) === 0) && set.has(t.slice(k, m));
}

/** `info` with its plural + ezafe reading when it has one (HalfSpaceDecoder.pluralReading), memoized per word. */
function pluralInfo(d: HalfSpaceDecoder, alts: Map<string, WordInfo>, info: WordInfo): WordInfo {
  const key = 'P' + info.word;
  let alt = alts.get(key);
  if (alt === undefined) {
    const form = d.pluralReading(info.form);
    alt = form === null ? info : infoOf(d, info.word, withoutMarks(info.word), form);
    if (alts.size >= 10000) alts.clear();
    alts.set(key, alt);
  }
  return alt;
}

/** The text after a word ending at `j` closes its phrase: the end of the line, a closing mark, or a word of PHRASE_ENDERS. */
function endsPhrase(t: string, j: number, prot: Uint8Array): boolean {
  let k = j;
  while (k < t.length && typedGap(t.charCodeAt(k))) k++;
  if (k >= t.length) return true;
  const c = t.charCodeAt(k);
  // \n . ، ؛ : ! ؟ ? ) ] » …
  if (c === 0x0a || c === 0x0d || c === 0x2e || c === 0x060c || c === 0x061b || c === 0x3a || c === 0x21 || c === 0x061f || c === 0x3f || c === 0x29 || c === 0x5d || c === 0xbb || c === 0x2026) return prot[k] !== 1;
  if (k === j || prot[k] === 1) return false;
  let m = k;
  while (m < t.length && m - k <= 5 && (CLASS[t.charCodeAt(m)]! & UNIT) !== 0) m++;
  return m - k <= 5 && (m >= t.length || (CLASS[t.charCodeAt(m)]! & UNIT) === 0) && PHRASE_ENDERS.has(t.slice(k, m));
}

/** The word ending at `j` is the only word of its line (`before`: the words of the line before it; the line ends at `lineEnd`). */
function aloneOnLine(t: string, before: number, j: number, lineEnd: number): boolean {
  if (before > 0) return false;
  for (let k = j; k < lineEnd; k++) if ((CLASS[t.charCodeAt(k)]! & LETTER) !== 0) return false;
  return true;
}

/** `info` with its ه + ‌ای reading when it has one (HalfSpaceDecoder.indefiniteReading), memoized per word. */
function indefiniteInfo(d: HalfSpaceDecoder, alts: Map<string, WordInfo>, info: WordInfo): WordInfo {
  let alt = alts.get(info.word);
  if (alt === undefined) {
    const form = d.indefiniteReading(info.form);
    alt = form === null ? info : infoOf(d, info.word, withoutMarks(info.word), form);
    if (alts.size >= 10000) alts.clear();
    alts.set(info.word, alt);
  }
  return alt;
}

/**
 * `info` with its reading in a colloquial line, or null when that is the same: a chat verb the formal reading kept
 * whole (میرم → می‌رم, HalfSpaceDecoder.chatVerb), or chat's plural + clitic it read as ه + clitic (حرفه‌ام → حرف‌هام,
 * chatPlural), or a known word + chat's plural ا it cut inside the word (چی‌زایی → چیزایی, chatPluralAcross). Kept on
 * the (memoized) analysis itself.
 */
function chatInfo(d: HalfSpaceDecoder, info: WordInfo): WordInfo | null {
  if (info.chat === undefined) {
    info.chat = null;
    if (info.form.length >= 4) {
      const bare = withoutMarks(info.word);
      const c =
        (info.form.indexOf(Z) < 0 ? d.chatVerb(info.form) : null) ??
        (bare.indexOf(Z) < 0 && info.form.length >= 5 ? d.chatPlural(bare) : null) ??
        (bare.indexOf(Z) < 0 && info.form.indexOf(Z) >= 0 && d.chatPluralAcross(bare, info.form) ? bare : null) ??
        // (in chat, X‌ی + ای is as often the plural ا + the ezafe: خیلیای دیگه, مربیای خارجی: left glued)
        (PARAMS.yeAi && bare.indexOf(Z) < 0 && info.form.endsWith('ی' + Z + 'ای') && d.yeAi(bare) === info.form ? bare : null);
      if (c !== null && c !== info.form) info.chat = infoOf(d, info.word, bare, c);
    }
  }
  return info.chat;
}

/** what a join memo key's first character says: shouldJoin plain, shouldJoin careful, articleJoins, stemFormJoinsAfter */
type JoinTest = '0' | '1' | '2' | '3';

/** `d.shouldJoin(prevForm, form, careful)` ('0' / '1'), `d.articleJoins(prevForm, form)` ('2') or `d.stemFormJoinsAfter(prevForm, form)` ('3'), memoized. */
function joinMemo(d: HalfSpaceDecoder, jm: JoinMemo, prevForm: string, form: string, test: JoinTest): boolean {
  const key = test + prevForm + '\t' + form;
  let r = jm.get(key);
  if (r === undefined) {
    r = test === '3' ? d.stemFormJoinsAfter(prevForm, form) : test === '2' ? d.articleJoins(prevForm, form) : d.shouldJoin(prevForm, form, test === '1');
    jm.set(key, r);
  }
  return r;
}

/** `d.shouldJoin(prevForm, form, careful)`, memoized. */
function shouldJoinMemo(d: HalfSpaceDecoder, jm: JoinMemo, prevForm: string, form: string, careful: boolean): boolean {
  return joinMemo(d, jm, prevForm, form, careful ? '1' : '0');
}

function wordInfo(d: HalfSpaceDecoder, memo: WordMemo, t: string, s: number, e: number, careful: boolean, academy: boolean): WordInfo {
  let h = 0x811c9dc5;
  for (let k = s; k < e; k++) h = Math.imul(h ^ t.charCodeAt(k), 0x01000193);
  const hit = memo.get(t, s, e, h);
  if (hit) return hit;
  const w = t.slice(s, e);
  const bare = withoutMarks(w);
  let form = bare;
  if (bare.indexOf(Z) < 0 && bare.indexOf('\u0654') < 0 && bare.length > 0) {
    form = d.segment(bare, careful);
    if (academy) form = d.academy(form);
  }
  const info = infoOf(d, w, bare, form);
  memo.add(h, info);
  if (wordsBeforePriming > 0 && --wordsBeforePriming === 0) primeWords(d);
  return info;
}

/** The analysis of word `w` (`bare`: without its diacritics) corrected to `form`. */
function infoOf(d: HalfSpaceDecoder, w: string, bare: string, form: string): WordInfo {
  const zb = form.indexOf(Z);
  const firstPiece = zb < 0 ? form : form.slice(0, zb);
  const first = d.m.piece(firstPiece);
  // (a compound-heading stem + ending never seen on its own, as in بادیه نشینان, joins the word before: shouldJoin)
  const stemTail = zb < 0 && d.isHeadStemWord(form);
  const joinable = stemTail || (first >= 0 && (d.m.next[first]! > 0 || (d.m.flags[first]! & FLAG_VERB) !== 0));
  const lastPiece = form.slice(form.lastIndexOf(Z) + 1);
  const bound = stemTail || (first >= 0 && (d.isBoundSuffix(first) || d.isCompoundHead(first, firstPiece) || d.isStrongHead(first, firstPiece)));
  let lastZHash = FNV_OFFSET;
  for (let k = 0; k < lastPiece.length; k++) lastZHash = Math.imul(lastZHash ^ lastPiece.charCodeAt(k), FNV_PRIME);
  lastZHash = Math.imul(lastZHash ^ 0x200c, FNV_PRIME);
  const out = form === bare ? w : bare === w ? form : withZwnjs(w, form);
  return {
    word: w,
    form,
    out,
    joinable,
    bound,
    firstPiece,
    lastPiece,
    lastZHash,
    mi: isMiPrefix(form),
    chat: undefined,
    inserts: out.length !== w.length,
    hay: form.endsWith('های'),
    hehAi: form.endsWith(HEH_ZWNJ_AI),
    cut: w.indexOf(Z) >= 0,
    participle: d.isParticiple(form),
    informal: INFORMAL_SUFFIXES.get(form),
    letterClitic: form.length === 1 ? LETTER_CLITICS.get(form) : undefined,
    lexHead: d.lexJoinHead(form),
    endingTail: d.formEndingTail(form),
    unseenTail: PARAMS.formEndingUnseen > 0 && !joinable && d.unseenEndingTail(form),
    stemHead: d.stemFormHead(form),
    arabic: arabicMark(bare),
  };
}

/**
 * Arabic function words that Persian prose does not use (قال, ایها, هذا, الذی, إنّ ...): one in a stretch of text
 * between punctuation marks, with another such word or a word in ال (الله, الناس), and no Persian word, makes the
 * stretch an Arabic phrase — a quotation, a verse, a hadith — which takes none of the Persian half-space joins and cuts
 * (یا ایها الناس stays as written; it was یا ای‌ها الناس), only the joins of the article's compounds (keepArticleJoins).
 * Both spellings of ی and ک (the character step may keep the Arabic ones).
 */
const ARABIC_FUNCTION_WORDS = new Set(
  ['قال', 'قالوا', 'قالت', 'ایها', 'أیها', 'یا‌ایها', 'هذا', 'هذه', 'ذلک', 'تلک', 'الذی', 'التی', 'الذین', 'اللهم', 'إن', 'إنّ', 'انّ', 'إنه', 'إلی', 'فی', 'عن', 'لم', 'لن', 'ثم', 'کان', 'کانوا', 'لعل', 'إذا', 'اذا', 'هو', 'هم', 'انما', 'إنما', 'الا', 'إلا'].flatMap(
    (w) => [w, w.replaceAll('ی', 'ي').replaceAll('ک', 'ك')],
  ),
);
/** the function words of ARABIC_FUNCTION_WORDS that Persian also writes (فی‌المثل, عن قریب, ثم, هم 'also', الا 'but'): they count as a word in ال, not as the Arabic sign */
const ARABIC_WEAK_WORDS = new Set(['فی', 'في', 'عن', 'ثم', 'هم', 'هو', 'الا', 'إلا', 'کان', 'كان', 'لم', 'لن']);
function arabicMark(bare: string): number {
  if (ARABIC_FUNCTION_WORDS.has(bare)) return ARABIC_WEAK_WORDS.has(bare) ? 1 : 2;
  if (PERSIAN_ONLY_WORDS.has(bare) || PERSIAN_LETTER.test(bare)) return -1;
  return bare.length >= 4 && bare.charCodeAt(0) === 0x0627 && bare.charCodeAt(1) === 0x0644 ? 1 : 0;
}
/**
 * A word no Arabic phrase holds — a letter Arabic does not write (پ چ ژ گ) or a Persian function word — makes its stretch
 * Persian, whatever Arabic words it quotes (سایر ائمه علیهم السلام هم گاهی مسالمت می کردند)
 */
const PERSIAN_LETTER = /[پچژگ]/;
const PERSIAN_ONLY_WORDS = new Set(['را', 'است', 'هست', 'نیست', 'از', 'این', 'آن', 'که', 'با', 'برای', 'تا', 'می', 'نمی', 'نیز', 'اینکه', 'شد', 'کرد', 'بود']);
/** marks that end a stretch of text for the Arabic phrase test: sentence and clause punctuation, quotes, brackets */
const PHRASE_END = new Uint8Array(65536);
for (const c of '.،,؛;:!?؟«»"()[]{}\n\u201c\u201d') PHRASE_END[c.charCodeAt(0)] = 1;

/** The pair `last + ZWNJ + first` was seen joined; `lastZHash` is the hash of `last + ZWNJ` (no key string is made). */
function pairJoined(m: HalfSpaceModel, last: string, lastZHash: number, first: string): boolean {
  let h = lastZHash;
  for (let k = 0; k < first.length; k++) h = Math.imul(h ^ first.charCodeAt(k), FNV_PRIME);
  const r = m.pairConcatHashed(last, first, h);
  return r >= 0 && m.pairZ[r]! > 0;
}

/**
 * A lone ی after a word in a silent ه: the ezafe (or indefinite) ی typed as a word of its own (خانه ی من), which is
 * never a word by itself; the space becomes a ZWNJ (خانه‌ی من). Not after a pronounced ه (راه, الله). The treebank
 * texts write this ezafe هٔ, so the model has never seen it: a rule.
 */
function isEzafeYe(prevForm: string, form: string, len: number): boolean {
  const n = prevForm.length;
  return len === 1 && form === 'ی' && n >= 2 && prevForm.charCodeAt(n - 1) === 0x0647 && !endsInConsonantH(prevForm, n);
}

/**
 * A lone ی after the plural ها written (or repaired) with its ZWNJ: the ی of های typed apart, glued back (کتاب‌ها ی
 * زیادی → کتاب‌های زیادی); ی is never a word by itself. Not after ها without one (تنها ی, دورها ی: دورهای would read
 * دوره‌ای on a second pass).
 */
function pluralYe(prevForm: string, form: string, len: number): boolean {
  const n = prevForm.length;
  return len === 1 && form === 'ی' && n >= 4 && prevForm.charCodeAt(n - 1) === 0x0627 && prevForm.charCodeAt(n - 2) === 0x0647 && prevForm.charCodeAt(n - 3) === 0x200c;
}

/**
 * A lone ی after a word that is none while the two written together are one (HalfSpaceDecoder.cutYe): a word's last
 * letter cut off by a space, as text copied from a PDF has it (ویژگ ی‌های جمعیت → ویژگی‌های); ی is never a word by
 * itself, so it is glued back. After a known word the lone ی stays (حرف ی, the letter's name; شناخت ی, برخوردار ی
 * are left as written), after ه the ezafe rules decide (isEzafeYe), after ها the plural's (pluralYe); a word of one
 * letter is left (م ی دهد would need a second pass to join می). `len` is the word's length in the text.
 */
function loneYe(d: HalfSpaceDecoder, prevForm: string, form: string, len: number): boolean {
  const n = prevForm.length;
  if (len !== 1 || form !== 'ی' || n < 2) return false;
  const last = prevForm.charCodeAt(n - 1);
  return last !== 0x0647 && last !== 0x06cc && (CLASS[last]! & LETTER) !== 0 && (CLASS[prevForm.charCodeAt(n - 2)]! & LETTER) !== 0 && d.cutYe(prevForm);
}

/** the letters of a clitic or copula chat types apart after a word in ه (خونه م, صفحه س, خونه ت, خونه ش) */
const CLITIC_LETTERS = new Set(['م', 'ت', 'ش', 'س']);

/**
 * the letters chat writes alone for a word (ب به, ک که, ن نه, ی یه and the ezafe): the lone letters of ParsTwiNER's
 * train tweets are ی 132 times, ک 71, ب 34, ن 28 (Shekasteh dev's first half: ب 11, ک 8, ی 8), of PerDT's train
 * text ی 3, ب 2, ک and ن 0. After chat's ب or ک, which open a phrase, another of them is the next word (ب ی نفر:
 * به یه نفر; گفتم ک ن: که نه), not the second half of a cut بی, کن
 */
const CHAT_LETTER_WORDS = new Set(['ب', 'ک', 'ن', 'ی']);

/**
 * whether a lone letter (oneLetterWord) or a letter cut off by a ZWNJ after it (the ی of ی‌های, which a lone ی before
 * ها becomes) stands at k: what makes a run of lone letters, the same on a second pass
 */
function runLetter(t: string, k: number): boolean {
  return oneLetterWord(t, k) || (k + 1 < t.length && t.charCodeAt(k + 1) === 0x200c && t.charCodeAt(k) !== 0x0648 && (CLASS[t.charCodeAt(k)]! & LETTER) !== 0 && (k === 0 || (CLASS[t.charCodeAt(k - 1)]! & UNIT) === 0));
}

/** what may stand on the far side of a cut letter at k: the text's edge, a space or line break, or ، ؛ ؟ */
function outerEdge(t: string, k: number): boolean {
  if (k < 0 || k >= t.length) return true;
  const c = t.charCodeAt(k);
  return typedGap(c) || c === 0x0a || c === 0x0d || c === 0x060c || c === 0x061b || c === 0x061f;
}

/** whether one Arabic letter stands at k after a ZWNJ, with no letter, mark or ZWNJ after it (the ی of ماهه‌ی) */
function zwnjLetter(t: string, k: number): boolean {
  return k >= 1 && t.charCodeAt(k - 1) === 0x200c && (CLASS[t.charCodeAt(k)]! & LETTER) !== 0 && (k + 1 >= t.length || (CLASS[t.charCodeAt(k + 1)]! & UNIT) === 0);
}

/** whether a word of one Arabic letter other than و (a word) stands at k (no letter, mark or ZWNJ on either side) */
function oneLetterWord(t: string, k: number): boolean {
  return k >= 0 && k < t.length && (CLASS[t.charCodeAt(k)]! & LETTER) !== 0 && t.charCodeAt(k) !== 0x0648 && (k === 0 || (CLASS[t.charCodeAt(k - 1)]! & UNIT) === 0) && (k + 1 >= t.length || (CLASS[t.charCodeAt(k + 1)]! & UNIT) === 0);
}

/**
 * A lone letter next to a piece, the word [s, e) after the previous one across one space, where the two written together
 * are a word and the piece is none (HalfSpaceDecoder.cutLetters): a word cut apart by spaces, as OCR and PDF text
 * has it — the lone letter first (ب ین → بین, ک ه → که, م ی + دهد → می + دهد, which then joins as می typed apart does:
 * می‌دهد; م ی‌دهد → می‌دهد, its first piece ی read), or after a piece of two letters or more (کتا ب → کتاب; a lone ی
 * there is loneYe's). A lone و is a word, never a cut letter; a run of three lone letters or more is a word spelled
 * out (ا ب پ ت, ع ل ی) and is left as written; so is a clitic's letter after a word in ه (CLITIC_LETTERS). Measured on
 * the tuning text (30% of PerDT's, 5% of Seraji's train lines, gold and with ZWNJs as spaces: no line changes) and on
 * iPerUDT train's lines (2 of 3702 inputs change, both cut words: آ ن → آن, قلا ب باف → قلاب‌باف; صفحه س ینی → سینی,
 * wrong, did before CLITIC_LETTERS).
 */
function loneLetter(d: HalfSpaceDecoder, t: string, prevForm: string, form: string, s: number, e: number, bareGlueEnd: number): boolean {
  if (prevForm.length === 1) {
    // the previous word is one letter alone, at s - 2, not after another (a run)
    // (the letter stands after a space or at the line's start: after a digit, ۱م is a unit the spacing step keeps, while
    // ۱می would be spaced on a second pass)
    // (a run: a lone letter before it, or a letter a ZWNJ cuts off, which a lone ی glued in the same pass becomes:
    // ماهه ی ب ین → ماهه‌ی ب ین, whose ب a second pass must leave too)
    // (but a lone letter this pass glued to the word before it with the space deleted, the plural's ی of ها ی → های, is
    // no longer one, as a second pass sees it: کتاب ها ی م ی رود → کتاب‌های می‌رود in one pass, not in two — found by fuzzing)
    if (prevForm === 'و' || !oneLetterWord(t, s - 2) || !outerEdge(t, s - 3) || (s >= 4 && typedGap(t.charCodeAt(s - 3)) && ((oneLetterWord(t, s - 4) && bareGlueEnd !== s - 3) || zwnjLetter(t, s - 4)))) return false;
    // (nor a clitic's letter typed apart after a word in ه, as chat writes the copula and the possessives: صفحه س ینی
    // is صفحه‌س + ینی, یعنی — not سینی)
    if (s >= 4 && typedGap(t.charCodeAt(s - 3)) && t.charCodeAt(s - 4) === 0x0647 && CLITIC_LETTERS.has(prevForm)) return false;
    const z = form.indexOf(Z);
    const fp = z < 0 ? form : form.slice(0, z);
    if (fp === 'و' || fp.length === 0) return false;
    // (two lone letters make a word of two only when it is 64 times commoner than either letter standing alone: the
    // text's lone letters are abbreviations — ع, ج —, and so are pairs typed apart on purpose, ج ا for جمهوری اسلامی,
    // پ ن for پی‌نوشت, not جا, پن; ا ز, ک ه, م ی, آ ن still make از, که, می, آن)
    // (a letter the text never shows alone counts as seen once: the formal text's silence is no sign that it is never
    // a word — chat writes ک for که, ب for به —, and a whole seen fewer than 64 times is no sure word either: ک ک is
    // chat's که که, not کک, seen twice; ن ک, ل ن likewise)
    // (nor chat's ب or ک before another of its one-letter words, CHAT_LETTER_WORDS: ب ی is به یه, ک ن که نه; a
    // cut بی or کن, rarer than یک, is left as typed. ی ک still glues: chat's یه که is no phrase, and PDF text cuts یک —
    // 18 of 8,099 tuning lines with 2% of their words cut by a space)
    if (PARAMS.loneChatPair !== 0 && fp.length === 1 && (prevForm === 'ب' || prevForm === 'ک') && CHAT_LETTER_WORDS.has(fp)) return false;
    if (PARAMS.lonePairRatio !== 0 && fp.length === 1) {
      const floor = PARAMS.loneUnseenOnce;
      const whole = d.pieceSeen(prevForm + fp);
      if (Math.max(floor, d.pieceSeen(prevForm)) * 64 >= whole || Math.max(floor, d.pieceSeen(fp)) * 64 >= whole) return false;
    }
    if (e - s === 1 && e + 1 < t.length && typedGap(t.charCodeAt(e)) && runLetter(t, e + 1)) return false;
    return d.cutLetters(prevForm, fp);
  }
  if (e - s !== 1 || form.length !== 1 || form === 'و' || form === 'ی' || prevForm.length < 2) return false;
  for (let k = 0; k < prevForm.length; k++) if ((CLASS[prevForm.charCodeAt(k)]! & LETTER) === 0) return false;
  if (!outerEdge(t, e) || (e + 1 < t.length && typedGap(t.charCodeAt(e)) && runLetter(t, e + 1))) return false;
  return d.cutLetters(prevForm, form);
}

/**
 * `p` and `b` written together are read as p + ZWNJ + b: how the model cuts the run-together word (میتونم → می‌تونم,
 * بیقرار → بی‌قرار) decides the space typed between a prefix that is no word by itself and the next word. Memoized
 * with the join tests.
 */
function readsAsPrefix(d: HalfSpaceDecoder, jm: JoinMemo, p: string, b: string, careful: boolean): boolean {
  const key = (careful ? 'P1' : 'P0') + p + '\t' + b;
  let r = jm.get(key);
  if (r === undefined) jm.set(key, (r = d.segment(p + b, careful) === p + Z + b));
  return r;
}

/** Longest chain of words (UTF-16 units, ZWNJs included) that a space is still joined to: no Persian word is longer. */
const MAX_CHAIN = 48;

/** last letters of a verb form after می: a personal ending (م ی د ه ن, تونم, شه, گن) or a past stem's ت / د (گرفت) */
const VERB_FINAL = new Set([0x0645, 0x06cc, 0x062f, 0x0647, 0x0646, 0x062a]);

/**
 * می/نمی typed apart before a word the model does not know as a verb form (chat's می تونم, نمی شه, می ره): joined when
 * the two written together are read as می + that word (readsAsPrefix: the reading of run-together chat verbs, learned
 * from the text). The word must end like a verb form: a bare stem is no verb after می, and می is wine in poetry
 * (می گیر ز ساقی).
 */
function miJoinsGlued(d: HalfSpaceDecoder, jm: JoinMemo, mi: string, form: string, careful: boolean): boolean {
  return form.indexOf(Z) < 0 && VERB_FINAL.has(form.charCodeAt(form.length - 1)) && readsAsPrefix(d, jm, mi, form, careful);
}

/**
 * می/نمی (after a preverb too) typed apart before ام ای ایم اید, آمدن's forms with آ written ا (می ام, نمی اید): glued,
 * as the text writes them (میام 21, میای 14, میایم 8 times in the tweets, Shekasteh, iPerUDT, PerSpellData and
 * FrequencyWords; with a ZWNJ one tweet's می‌اید; apart never). The bound-suffix rule had read them as the copula and
 * put a ZWNJ (می‌اید), a spelling no text uses. The other GLUED_AFTER_MI forms typed apart stay apart (می ان is no میان).
 * Not in a careful line (one that writes its half-spaces), where the bound-suffix rule did not join them either.
 */
function miGluesApart(prevMi: boolean, prevForm: string, form: string): boolean {
  return prevMi && isMiPrefix(prevForm) && MI_COPULA_PIECES.has(form);
}
const MI_COPULA_PIECES = new Set(['ام', 'ای', 'ایم', 'اید']);

/**
 * Whether the space between the previous word (its corrected form `pForm`, last piece hash, می flag) and a word
 * (`info`, `len` units in the text) becomes a ZWNJ; the other preconditions (one plain space between them, nothing
 * protected) are the caller's.
 */
function joinsWith(
  d: HalfSpaceDecoder,
  jm: JoinMemo,
  careful: boolean,
  pForm: string,
  pLast: string,
  pLastHash: number,
  pMi: boolean,
  info: WordInfo,
  len: number,
): boolean {
  return (
    isEzafeYe(pForm, info.form, len) ||
    (pMi && pForm.length <= 3 && miJoinsGlued(d, jm, pForm, info.form, careful)) ||
    (pForm === 'بی' && d.mayFollowBi(info.form) && readsAsPrefix(d, jm, 'بی', info.form, careful)) ||
    (!careful && info.form.length > 1 && info.form.charCodeAt(0) === 0x0627 && info.form.charCodeAt(1) === 0x0644 && joinMemo(d, jm, pForm, info.form, '2')) ||
    (info.joinable &&
      (CLASS[pForm.charCodeAt(pForm.length - 1)]! & JOINER) !== 0 &&
      // every joining rule needs one of: the two pieces seen joined, a bound suffix or a (strong) compound head, or
      // می/نمی before a verb (any of MI_PREFIXES: بازنمی, فرونمی have six letters)
      (((info.bound || pMi || pairJoined(d.m, pLast, pLastHash, info.firstPiece)) && shouldJoinMemo(d, jm, pForm, info.form, careful)) ||
        (PARAMS.formEndingJoin > 0 && !careful && info.endingTail && d.formEndingJoinsAfter(pForm, info.form)) ||
        (PARAMS.stemFormJoin > 0 && !careful && info.stemHead && joinMemo(d, jm, pForm, info.form, '3')))) ||
    (PARAMS.lexJoin > 0 && !careful && info.lexHead && (CLASS[pForm.charCodeAt(pForm.length - 1)]! & JOINER) !== 0 && d.lexJoinsAfter(pForm, info.form)) ||
    (PARAMS.formEndingUnseen > 0 && !careful && info.unseenTail && (CLASS[pForm.charCodeAt(pForm.length - 1)]! & JOINER) !== 0 && d.formEndingJoinsAfter(pForm, info.form, true))
  );
}

/**
 * Chat's clitics and plural + clitics typed apart (محله مون, همسایه هاش, ناتوانایی هامون): joined when their formal
 * counterparts would be (محله مان → محله‌مان, همسایه هایش → همسایه‌هایش), after a word of three letters or more that
 * ends in a joining letter (not به شون, از تون: chat writes those glued).
 */
function informalJoins(
  d: HalfSpaceDecoder,
  memo: WordMemo,
  jm: JoinMemo,
  careful: boolean,
  academy: boolean,
  pForm: string,
  pLast: string,
  pLastHash: number,
  pMi: boolean,
  info: WordInfo,
): boolean {
  if (info.informal === undefined && info.letterClitic === undefined) return false;
  if (!PARAMS.informalJoin || pForm.length < 3 || (CLASS[pForm.charCodeAt(pForm.length - 1)]! & JOINER) === 0) return false;
  let formal = info.informal;
  // one clitic letter (خونه ش, حوصله م) only after a silent ه: elsewhere م, ش, ت stand for initials and abbreviations
  if (formal === undefined && info.letterClitic !== undefined && d.silentH(pForm)) formal = info.letterClitic;
  if (formal === undefined) return false;
  const f = wordInfo(d, memo, formal, 0, formal.length, careful, academy);
  return joinsWith(d, jm, careful, pForm, pLast, pLastHash, pMi, f, formal.length);
}

/**
 * New words the process analyses before the words of PRIME_TEXT (see prime.ts) are run through the word analysis
 * (primeWords): enough for V8 to have started recording type feedback in the analysis functions, and before it first
 * optimizes them. Process-wide, as that feedback is.
 */
let wordsBeforePriming = 200;

/**
 * Runs the word analysis over the words of PRIME_TEXT, in plain and careful lines and the academy style, into
 * throwaway memos (the results are pure: nothing is kept but V8's type feedback). The analysis functions (segment,
 * infoOf, chatInfo, ...) are then optimized with every branch known from their first compile. Without it, the
 * normalizer's priming after its first megabyte took branches the text before had not, which threw their optimized
 * code away; as the text then repeated words, that code was rebuilt only on the next new text (10-30 ms of compiler
 * time in the first pass over it). Not at the first call: a one-off run over a sentence would pay for it.
 */
function primeWords(d: HalfSpaceDecoder): void {
  const t = PRIME_TEXT;
  for (const [careful, academy] of [
    [false, false],
    [true, false],
    [false, true],
  ] as const) {
    const memo = new WordMemo();
    let i = 0;
    while (i < t.length) {
      if ((CLASS[t.charCodeAt(i)]! & UNIT) === 0) {
        i++;
        continue;
      }
      let j = i + 1;
      while (j < t.length && (CLASS[t.charCodeAt(j)]! & UNIT) !== 0) j++;
      // (as the step sees words: no edge ZWNJ, no final hamza above)
      if (t.charCodeAt(i) !== 0x200c && t.charCodeAt(j - 1) !== 0x200c && t.charCodeAt(j - 1) !== 0x0654) chatInfo(d, wordInfo(d, memo, t, i, j, careful, academy));
      i = j;
    }
  }
}

/** the forms of بودن (was, been): a word of their own after a ZWNJ that cannot show (invisibleZwnjSpace) */
const BUDAN = new Set(['', 'ن'].flatMap((neg) => ['', 'م', 'ی', 'یم', 'ید', 'ند', 'ه'].map((e) => neg + 'بود' + e)));
/**
 * The spacing step's question (ZwnjSpaceTest) about a word of two parts with a ZWNJ after a non-joining letter, where
 * it cannot show: a space meant (قرار‌بود → قرار بود, خواهد‌بود, و‌مردم, زیبا‌بود), or the parts glued (کشور‌ها,
 * امضا‌کننده → امضاکننده, نارواست). A space when the parts written together are no word or form the model knows, and
 * either the text corpus writes the pair with a space more often than with a ZWNJ, or the second part is a form of بودن.
 * (In tweets ParsTwiNER's train text has 57 such words, all typed spaces; a compound of three parts or more — هر‌از‌چند‌گاه,
 * تو‌در‌تو, به‌کار‌رفته — never reaches this, and in the treebank text no word of two parts does.)
 * A ZWNJ that shows (`visible`: after a joining letter) is a typed space only before a form of بودن, after a word the
 * model has seen that is no می/نمی (می‌بود) and does not end in ه, the two glued no word or form the model knows
 * (کم‌بود: کمبود): خراب‌بود, عالی‌بود, من‌بودم → خراب بود ... The treebank text writes a ZWNJ before بود... only after
 * می/نمی or a participle (فروآورده‌بودند); ParsTwiNER's train tweets have 106 such words after a joining letter, all
 * typed spaces. After ه it is left: a past perfect that bloggers write as one word (iPerUDT train: کشته‌بود, کرده‌بود,
 * one token each).
 */
export function invisibleZwnjSpace(model: HalfSpaceModel): (text: string, a0: number, a1: number, b0: number, b1: number, visible?: boolean) => boolean {
  return (text, a0, a1, b0, b1, visible = false) => {
    const left = text.slice(a0, a1);
    const right = text.slice(b0, b1);
    const joined = left + right;
    if (model.piece(joined) >= 0 || model.form(joined) >= 0) return false;
    if (visible) {
      // (two known words: a left part the model never saw, as one a later pass may find glued to a neighbour, نمیایدکم, is left)
      const li = model.piece(left);
      return li >= 0 && model.first[li]! + model.glued[li]! > 0 && left.charCodeAt(left.length - 1) !== 0x0647 && !isMiPrefix(left) && BUDAN.has(right);
    }
    const pr = model.pair(left + Z + right);
    if (pr >= 0 && model.pairS[pr]! > model.pairZ[pr]!) return true;
    return BUDAN.has(right);
  };
}

/**
 * A single unit between two words that the join test looks across: a plain space, or a NO-BREAK SPACE U+00A0, NARROW
 * NO-BREAK SPACE U+202F or THIN SPACE U+2009, which Word documents and HTML (&nbsp;) put where a half-space belongs
 * (می\u00a0خواهم, کتاب\u202fها). They are decided as a plain space: the same words join or stay apart.
 */
function typedGap(c: number): boolean {
  return c === 0x20 || c === 0xa0 || c === 0x202f || c === 0x2009;
}

/** Half-space step: inserts ZWNJs into run-together words and turns spaces inside words into ZWNJs. */
export function halfSpaceEdits(a: StepText, model: HalfSpaceModel, o: ResolvedOptions): Edit[] {
  const d = decoderFor(model);
  let dm = memos.get(d);
  if (!dm) memos.set(d, (dm = { words: [new WordMemo(), new WordMemo(), new WordMemo(), new WordMemo()], joins: new JoinMemo(), alts: new Map() }));
  const ms = dm.words;
  const jm = dm.joins;
  const academy = o.style === 'academy';
  const marksGo = o.diacritics === 'remove';
  /** the word memo of a line written with ZWNJs (careful) or without, in this style */
  // (two values, not a closure made at every call: V8 inlined the closure of the call it optimized, and the next
  // call's new closure threw that code away, "wrong call target")
  const plainMemo = ms[academy ? 2 : 0]!;
  const carefulMemo = ms[academy ? 3 : 1]!;
  const t = a.text;
  const prot = a.protect;
  const n = t.length;
  const edits: Edit[] = [];
  let i = 0;
  // the previous word of the current run: its corrected form and where it ended
  let prevForm = '';
  let prevLast = ''; // last piece of the previous word, and the hash of it + ZWNJ
  let prevLastHash = 0;
  let prevMi = false;
  let prevEnd = -10;
  // the word before the previous one, when the previous word stood apart from it (see the glued-suffix test)
  let ppAdjacent = false;
  let ppForm = '';
  let ppLast = '';
  let ppLastHash = 0;
  let ppMi = false;
  // the end of the last word glued to the one before it with the space deleted (ها ی → های): no lone letter any more
  let bareGlueEnd = -10;
  let lineEnd = -1;
  let nextZ = -1;
  let careful = false;
  // whether the current line reads as colloquial: found when a word first needs it (most lines never do)
  let chat: boolean | undefined;
  let lineStart = 0;
  /** words of the current line seen so far */
  let lineWords = 0;
  const chatLine = (): boolean => (chat ??= registerOf(registerCount(t, lineStart, lineEnd)) === 'informal');
  // whether the current line has a colloquial marker at all (a weaker test, for yeAi's reading)
  let marked: boolean | undefined;
  const markedLine = (): boolean => (marked ??= registerCount(t, lineStart, lineEnd).markers > 0);
  let memo = ms[0]!;
  // the Arabic phrase test over the current stretch between punctuation marks (see arabicMark): where its edits
  // begin, its Arabic function words and all its marks; once it reads as Arabic, its edits are dropped and no more made
  let stretchEdits = 0;
  let stretchStrong = 0;
  let stretchMarks = 0;
  let stretchPersian = false;
  while (i < n) {
    if (i > lineEnd) {
      // a line whose writer already puts ZWNJs between letters is treated with care
      lineEnd = t.indexOf('\n', i);
      if (lineEnd < 0) lineEnd = n;
      careful = false;
      chat = marked = undefined;
      lineStart = i;
      lineWords = 0;
      // (the ZWNJs of the line are visited with indexOf; nextZ, the first one at or after i, keeps this linear)
      if (nextZ < i) {
        nextZ = t.indexOf(Z, i);
        if (nextZ < 0) nextZ = n;
      }
      while (nextZ < lineEnd) {
        if (nextZ > 0 && (CLASS[t.charCodeAt(nextZ - 1)]! & JOINER) !== 0 && (CLASS[t.charCodeAt(nextZ + 1)]! & LETTER) !== 0) {
          careful = true;
          break;
        }
        nextZ = t.indexOf(Z, nextZ + 1);
        if (nextZ < 0) nextZ = n;
      }
      memo = careful ? carefulMemo : plainMemo;
    }
    if ((CLASS[t.charCodeAt(i)]! & UNIT) === 0 || prot[i] === 1) {
      if (PHRASE_END[t.charCodeAt(i)] === 1) {
        // the stretch ends: an Arabic phrase takes back its edits
        if (stretchStrong !== 0 && stretchMarks >= 2 && !stretchPersian) keepArticleJoins(t, edits, stretchEdits);
        stretchStrong = stretchMarks = 0;
        stretchPersian = false;
        stretchEdits = edits.length;
      }
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n && (CLASS[t.charCodeAt(j)]! & UNIT) !== 0 && prot[j] !== 1) j++;
    // a word is [i, j); edge ZWNJs are not part of it
    let s = i;
    let e = j;
    while (s < e && t.charCodeAt(s) === 0x200c) s++;
    while (e > s && t.charCodeAt(e - 1) === 0x200c) e--;
    // a final hamza-above (ezafe, نقطهٔ) stays outside the segmentation
    const markAtEnd = e > s && t.charCodeAt(e - 1) === 0x0654 ? 1 : 0;
    if (e - markAtEnd <= s) {
      i = j;
      prevForm = '';
      continue;
    }
    let info = wordInfo(d, memo, t, s, e - markAtEnd, careful, academy);
    if (PARAMS.chatLines !== 0) {
      const c = chatInfo(d, info);
      // (a known word in ی + ‌ای is left glued on one marker too: chat's plural ا + the ezafe, زندانیای سیاسی)
      if (c !== null && (chatLine() || (PARAMS.yeAi !== 0 && c.form.length + 1 === info.form.length && info.form.endsWith(YE_ZWNJ_AI) && markedLine()))) info = c;
    }
    // a plural + ezafe (‌های) is followed by what it qualifies; before a word that cannot be that (از, که, را, ...), a
    // closing mark or the end of the line, the same letters are a noun in ه + ‌ای (سفرهای که → سفره‌ای که)
    // (not in a word the writer already cut with a ZWNJ: درست‌َهای, its ZWNJ before a diacritic, stays as written; nor
    // in a word alone on its line, a query or a label, with no phrase around it: کارهای stays کار‌های)
    // (so too after هیچ / هر, which take a noun in the singular: هیچ زمینهای → هیچ زمینه‌ای, not زمین‌های; PARAMS.quantifierIndef)
    if (
      !careful &&
      !markAtEnd &&
      info.hay &&
      !info.cut &&
      ((endsPhrase(t, j, prot) && !aloneOnLine(t, lineWords, j, lineEnd)) || (PARAMS.quantifierIndef !== 0 && prevEnd === s - 1 && typedGap(t.charCodeAt(s - 1)) && SINGULAR_QUANTIFIERS.has(prevForm)))
    )
      info = indefiniteInfo(d, dm.alts, info);
    // and the other way round: before an adjective that qualifies plurals (مختلف, گوناگون, زیادی, اخیر), the letters
    // read as a noun in ه + ‌ای are a plural + ezafe (تبهای مختلف → تب‌های مختلف, was تبه‌ای; PARAMS.pluralQualifier)
    else if (PARAMS.pluralQualifier !== 0 && !careful && !markAtEnd && !info.cut && info.hehAi && nextWordIn(t, j, prot, PARAMS.ordinalQualifier ? PLURAL_QUALIFIERS_ORD : PLURAL_QUALIFIERS))
      info = pluralInfo(d, dm.alts, info);
    lineWords++;
    if (info.arabic !== 0) {
      if (info.arabic < 0) stretchPersian = true;
      else {
        stretchMarks++;
        if (info.arabic === 2) stretchStrong++;
      }
    }
    const form = info.form;
    const out = info.out;
    if (info.inserts) {
      // emit the inserted ZWNJs
      let k = 0; // index in the word
      for (let q = 0; q < out.length; q++) {
        if (out.charCodeAt(q) === 0x200c) edits.push({ start: s + k, end: s + k, text: Z, kind: 'half-space' });
        else k++;
      }
    }
    // join with the previous word across one typed space (a plain one, or a no-break, narrow no-break or thin one:
    // typedGap)? The join replaces it (a ZWNJ, or nothing where a suffix glues); otherwise it stays as written.
    const prevForm0 = prevForm;
    // (a chain of joined words longer than any real word is not extended: each join test reads the whole chain, so
    // an unbounded one — ترین ترین ترین ... — would make the step quadratic)
    // (nor, when diacritics are removed, a word that begins with a vowel sign after the space: the character step keeps
    // a sign with no letter before it, and once a ZWNJ stood there a second pass would drop it — هفت َها → هفت‌َها →
    // هفت‌ها; left as written)
    const adjacent = prevEnd === s - 1 && prevForm !== '' && prevForm.length <= MAX_CHAIN && typedGap(t.charCodeAt(s - 1)) && prot[s - 1] !== 1 && !(marksGo && isArabicMark(t.charCodeAt(s)));
    let joined = false;
    let glued: WordInfo | undefined;
    let cut = false; // the glue below is loneLetter's
    if (
      adjacent &&
      !(PARAMS.perfectApart !== 0 && !prevMi && info.participle && nextWordIn(t, j, prot, PERFECT_AUX)) &&
      !(PARAMS.correlativeHam !== 0 && prevForm === 'هم' && correlativeAhead(t, j, lineEnd)) &&
      (joinsWith(d, jm, careful, prevForm, prevLast, prevLastHash, prevMi, info, e - markAtEnd - s) ||
        informalJoins(d, memo, jm, careful, academy, prevForm, prevLast, prevLastHash, prevMi, info) ||
        // می/نمی typed apart from a chat verb form, in a colloquial line (می رم, نمی دم)
        (prevMi && PARAMS.chatLines !== 0 && info.form.indexOf(Z) < 0 && d.chatVerb(prevForm + info.form) === prevForm + Z + info.form && chatLine()))
    ) {
      joined = true;
      // edits must stay sorted: the space edit comes before this word's insertions
      const sp: Edit = { start: s - 1, end: s, text: Z, kind: 'half-space' };
      let at = edits.length;
      while (at > 0 && edits[at - 1]!.start >= s) at--;
      edits.splice(at, 0, sp);
      prevForm = prevForm + Z + form;
    } else if (
      adjacent &&
      (((t.charCodeAt(s) === 0x0647 || t.charCodeAt(s) === 0x062a) && e - s <= 6 && d.gluesSuffix(prevForm, form)) ||
        (prevForm === 'نا' && d.gluesNa(form)) ||
        (!careful && miGluesApart(prevMi, prevForm, form)) ||
        // (not before a dot: the spacing step reads a lone letter before it as an abbreviation's, ی. ، and would
        // space the glued word's dot only on a second pass)
        ((pluralYe(prevForm, form, e - s) || loneYe(d, prevForm, form, e - s) || (PARAMS.loneLetter !== 0 && (cut = loneLetter(d, t, prevForm, form, s, e, bareGlueEnd)))) && t.charCodeAt(e) !== 0x2e))
    ) {
      // the glued word as a second pass will see it: the word before must not join it there either (idempotence) —
      // in either mode, since a ZWNJ this pass puts in the line makes the second pass careful
      const whole = prevForm + form;
      glued = wordInfo(d, memo, whole, 0, whole.length, careful, academy);
      const g2 = wordInfo(d, careful ? plainMemo : carefulMemo, whole, 0, whole.length, !careful, academy);
      // (a cut letter's whole that would take a ZWNJ of its own, م یدهد → میدهد, is left: a second pass would put it
      // in, می‌دهد — found by the steps property test; so is one whose chat reading takes one, م یدم → میدم, which a
      // second pass read in a colloquial line as می‌دم — found by the same test with other seeds)
      if (!(cut && (glued.inserts || g2.inserts || (PARAMS.chatLines !== 0 && (chatInfo(d, glued)?.inserts || chatInfo(d, g2)?.inserts)))) && !(ppAdjacent && (joinsWith(d, jm, careful, ppForm, ppLast, ppLastHash, ppMi, glued, whole.length) || joinsWith(d, jm, !careful, ppForm, ppLast, ppLastHash, ppMi, g2, whole.length)))) {
        // (ها, تر have no ZWNJ to insert, so this word made no edits; a cut letter's piece may have: the deletion goes
        // before them, edits stay sorted)
        let at = edits.length;
        while (at > 0 && edits[at - 1]!.start >= s) at--;
        edits.splice(at, 0, { start: s - 1, end: s, text: '', kind: 'half-space' });
        prevForm = whole;
        joined = true;
        bareGlueEnd = e;
      } else {
        glued = undefined;
        prevForm = form;
      }
    } else {
      prevForm = form;
    }
    // this word's predecessor, for the idempotence test of a glued suffix after it (only when it stood apart)
    ppAdjacent = adjacent && !joined;
    if (ppAdjacent) {
      ppForm = prevForm0;
      ppLast = prevLast;
      ppLastHash = prevLastHash;
      ppMi = prevMi;
    }
    const last = glued ?? info;
    prevLast = last.lastPiece;
    prevLastHash = last.lastZHash;
    prevMi = last.mi;
    if (markAtEnd) prevForm = ''; // ezafe ends the word: nothing joins after it
    prevEnd = e;
    i = j;
  }
  if (stretchStrong !== 0 && stretchMarks >= 2 && !stretchPersian) keepArticleJoins(t, edits, stretchEdits);
  return edits;
}

/**
 * The edits of an Arabic phrase from `from` on, less every one but the joins of a word in ال to the word before
 * (رسول الله → رسول‌الله, علیه السلام → علیه‌السلام: the treebank text writes such compounds so inside Arabic quotations
 * too, و لکم فی رسول‌الله ...); the Persian cuts and joins (ایها → ای‌ها, a plural's ها) are dropped.
 */
function keepArticleJoins(t: string, edits: Edit[], from: number): void {
  let k = from;
  for (let q = from; q < edits.length; q++) {
    const ed = edits[q]!;
    if (ed.text === Z && ed.end === ed.start + 1 && t.charCodeAt(ed.end) === 0x0627 && t.charCodeAt(ed.end + 1) === 0x0644) edits[k++] = ed;
  }
  edits.length = k;
}
