/**
 * Formalizer: colloquial Persian (chat, blogs, subtitles) rewritten in the formal written register, word by word —
 * `یه کتاب خوب میخوام` → `یک کتاب خوب می‌خواهم`, `چیزا رو میذاریم` → `چیزها را می‌گذاریم`, `خونمون` → `خانه‌مان`.
 * It changes spellings and inflections, not wording or word order (that is a rewrite, not a normalization).
 *
 * Rules, tried in order for each Persian word (ZWNJs ignored when reading it):
 *   1. the word table (data/formal.json: hazm and shekar lists of colloquial words, scripts/build-formal.ts);
 *   2. verbs: [preverb] می/نمی/ب/ن + a present stem (colloquial stems too: ر → رو, گ → گوی, د → ده, تون → توان,
 *      ذار → گذار) + a colloquial ending (ه → د, ن → ند, ین → ید), or می/نمی + a past stem + ن / ین;
 *   3. nominals: ون for ان (خونه, زمونه → زمانه, where the ان spelling is a known word), and a known host + chat's
 *      suffix chains: the plural ا (چیزا → چیزها, کتابام → کتاب‌هایم), the clitics مون/تون/شون (→ مان/تان/شان), the
 *      object marker و / رو (آدامسو → آدامس را), the copula ه before the end of a clause (برجامه. → برجام است.),
 *      inside one after one of the treebanks' adjectives or a clitic (خوبه الان → خوب است الان, یادمه وقتی → یادم است);
 *   4. only in a line with another colloquial word (a marker of detectRegister, or another word rewritten): the word
 *      رو between two words is the object marker را (رو به at the start of a clause is facing: kept), a past stem + ن ending a clause
 *      is the 3rd person plural (کردن. → کردند; elsewhere it is the infinitive), توی is در, and a word the lexicon
 *      knows is read as a colloquial verb of a common verb (بره → برود, برم → بروم; never a common word: بدون, میان).
 * A form formal text writes so is left alone (می‌آید is آی + د, not آ + ید; سالهای, صدای, بده, می‌شد), and so is a run
 * of letters longer than any word. Everything else — Latin, numbers, URLs, mentions, hashtags, code — passes through
 * unchanged.
 * Pure and synchronous; the data (formal.json, lemma.bin's verbs, lexicon and word frequencies) is handed in.
 */
import { AlignedText, applyEdits, applyEditsPlain, type Edit } from '../aligned.js';
import { clauseEndsAt, unstretch } from '../chars.js';
import { badOption, badText, DabirError, knownOptions, modelArgument } from '../errors.js';
import { decodeLemmaData, POS_ADJ, POS_GOLD, POS_NOUN, POS_OTHER, POS_PRON, type LemmaData } from '../lemmatize/data.js';
import { formalVariants, stretchReaderOf } from '../lemmatize/index.js';
import { colloquialPasts } from '../lemmatize/verb.js';
import { wordsToNumber } from '../numbers/index.js';
import { decodedOnce } from '../resource.js';
import type { Normalizer, NormalizeOptions } from '../normalize/index.js';
import { scanProtected } from '../normalize/protect.js';
import { foreignSentences, inCode } from '../normalize/characters.js';
import { registerCount, registerOf } from '../register/index.js';

export const FORMAL_FORMAT_VERSION = 1;

/** data/formal.json */
export interface FormalData {
  meta: { format: number; license?: string; sources?: string };
  /**
   * colloquial word → formal spelling (may be two words: اینو → این را); a word given as itself is left as written, no
   * rule tried (فالو, follow, is no فال را)
   */
  words: [string, string][];
  /** colloquial present stem → formal present stem (ر → رو, تون → توان) */
  stems: [string, string][];
  /**
   * words the treebanks tag as adjectives most of the time (خوب, سخت, جالب; not ایران, پسر, which the lexicon lists as
   * adjectives too): a word of these + ه inside a clause is the adjective + the copula (خوبه الان → خوب است الان),
   * where after a noun the ه is chat's definite article or ezafe (پسره گفت, ایرانه شما). Absent in older data: no such
   * reading
   */
  adjectives?: string[];
}

export interface FormalizeOptions {
  /**
   * Which lines to rewrite: `informal` (default) every line; `auto` only the lines that read as colloquial
   * (detectRegister's test, or the same rule over the words this formalizer reads as colloquial), so formal paragraphs
   * of a mixed text stay exactly as written.
   */
  register?: 'informal' | 'auto';
}
export const FORMAL_REGISTERS = ['informal', 'auto'] as const;

export interface Formalizer {
  /** The text in the formal register. Never throws on a string. */
  formalize(text: string, options?: FormalizeOptions): string;
  /** The same with the alignment map back to the input (`changes()` lists the rewritten words, kind `register`). */
  formalizeAligned(text: string | AlignedText, options?: FormalizeOptions): AlignedText;
  /** The formal spelling of one word, or undefined when it has none (formal already, or unknown). */
  word(form: string): string | undefined;
  /**
   * The same from the word table and the verb rules only (میخوام → می‌خواهم, یه → یک): the readings a typo seldom
   * makes by accident, unlike a chat plural or object marker (ایمنا, محسنو). What the spelling checker uses.
   * With `clauseEnd` (the word ends a clause: a mark or the line's end follows it), also chat's copula ه on a word the
   * lexicon lacks, the reading `formalize` gives it there (چطوره؟ → چطور است؟, گرونه. → گران است.): a typo seldom
   * adds an ه to a known word right before a clause's end.
   */
  colloquialWord(form: string, clauseEnd?: boolean): string | undefined;
}

export interface FormalResources {
  formal: FormalData;
  /** the lemmatizer's data (data/lemma.bin), decoded or as its bytes */
  lemma: LemmaData | Uint8Array;
}

const decodeLemma = decodedOnce(decodeLemmaData);

const Z = '\u200c';
/** letters that join the next one (a ZWNJ goes between them and a suffix written apart: کتاب‌ها) */
const NON_JOINING = new Set([...'اآأإدذرزژوؤۀةء']);
const joins = (s: string): boolean => s.length > 0 && !NON_JOINING.has(s[s.length - 1]!);

/** Arabic-script letters and marks that make up a Persian word (ZWNJ included) */
function isWordUnit(c: number): boolean {
  return (c >= 0x0621 && c <= 0x065f) || (c >= 0x0670 && c <= 0x06d3) || c === 0x06d5 || c === 0x200c || c === 0x06cc || c === 0x06a9 || c === 0x06af;
}
const isPersianLetter = (c: number): boolean => isWordUnit(c) && c !== 0x200c && !(c >= 0x064b && c <= 0x065f);

/** colloquial verb endings → formal */
const PRESENT_ENDINGS: [string, string][] = [
  ['یم', 'یم'],
  ['ین', 'ید'],
  ['ید', 'ید'],
  ['ند', 'ند'],
  ['ن', 'ند'],
  ['م', 'م'],
  ['ی', 'ی'],
  ['ه', 'د'],
  ['د', 'د'],
];
/** the endings only chat writes (→ formal) */
const CHAT_ENDINGS = PRESENT_ENDINGS.filter(([c, f]) => c !== f);
const FORMAL_PAST_ENDINGS = ['', 'م', 'ی', 'یم', 'ید', 'ند', 'ه'];
const PAST_ENDINGS: [string, string][] = [
  ['ین', 'ید'],
  ['ن', 'ند'],
];
/** a formal plural ها and what may follow it, at the end of a word */
const FORMAL_PLURAL = /ها(?:ی|یی|یم|یت|یش|یمان|یتان|یشان|ست|یند|یید)?$/;
/** a formal suffix after a silent ه (خانه‌ای, خانه‌ام) */
const FORMAL_AFTER_H = /(?<=ه)(?:ای|ام|ات|اش|ایم|اید|اند|ی)$/;
/**
 * the frequency class (log2 of the count in shekar's vocabulary) a host needs before a glued object marker or copula
 * is read (خوبه. → خوب است.): names and rare words in ه are left alone (موسه)
 */
const MIN_HOST_FREQ = 22;
/** how much more frequent (in bits) than a known word in ه its host must be to read the ه as the copula */
const COPULA_BITS = 2;
/**
 * how much more frequent (in bits) a known word in ه must be than a known host as written to read a clitic chain as
 * the ه chat drops (مدرسمون → مدرسه‌مان; دورمون stays دور + مون, دوره being only one class commoner)
 */
const DROPPED_H_BITS = 2;
/** the frequency class from which a word in ا is a word of its own (مانگا, لیدیا), no chat plural of a host ... */
const OWN_WORD = 15;
/** ... at most this many classes more frequent than it (روزا is روزها: روز is six classes commoner) */
const OWN_WORD_BITS = 5;
/** after these تو is you (به تو), and before these (تو هم, تو را, تو خیلی) */
const TO_YOU_PREV = new Set(['به', 'از', 'با', 'بر', 'برای', 'برا', 'واسه', 'مثل', 'مانند', 'پشت', 'مقابل', 'جلوی', 'کنار', 'بدون', 'جز', 'و', 'مال']);
const TO_YOU_NEXT = new Set(['هم', 'را', 'رو', 'که', 'و', 'در', 'تو', 'باید', 'برای', 'خیلی', 'فقط', 'همچین', 'هیچی', 'هیچ', 'چرا', 'اصلا', 'دیگه', 'دیگر', 'الان', 'حالا', 'هنوز', 'همیشه', 'هرگز', 'هیچوقت', 'اگه', 'اگر', 'خودت', 'خودتو', 'خودتم', 'چی', 'چه', 'کی', 'کجا', 'چطور', 'چطوری', 'چقدر', 'چقد', 'میدونی', 'نمیدونی', 'یه', 'یک', 'ولی', 'اما', 'بودی', 'هستی', 'نیستی', 'داری', 'نداری', 'کردی', 'شدی', 'بری', 'بیا', 'برو', 'نرو', 'بگو', 'نگو']);
/**
 * a finite verb of saying, asking or knowing (گفتم, میگی, پرسیدم, میدونی, فهمیدم): a clause, with its own subject,
 * follows. A past stem is a form of its own too (گفت, پرسید, فهمید: the 3rd person singular has no ending), and گفتن's
 * present stem گ is one only after می / ب / ن (میگم, بگی, نگم; not گم, lost, nor گه, گی)
 */
const SAY_KNOW = /^(?:(?:ن?می\u200c?|ب|ن)گ|(?:ن?می\u200c?|ب|ن)?(?:پرس|دون|دان|فهم))(?:م|ی|ه|د|یم|ید|ین|ن|ند)$|^(?:ن?می\u200c?|ب|ن)?(?:گفت|پرسید|دونست|دانست|فهمید)(?:م|ی|ه|د|یم|ید|ین|ن|ند)?$/;
/** chat's object clitics on a verb, the longest first (دیدمتون, دیدمت, دیدمش; not م, a verb's own 1st person ending) */
const OBJECT_CLITICS = ['تون', 'شون', 'مون', 'تان', 'شان', 'مان', 'ت', 'ش'];
/** after پاشو these make it پا شو, get up (پاشو بیا, پاشو بریم); before other words it is پایش را (پاشو گذاشته) */
const GET_UP_NEXT = new Set(['بیا', 'بیاین', 'بیایید', 'برو', 'بریم', 'برین', 'بدو', 'ببین', 'بشین', 'خب', 'دیگه', 'دیگر', 'زود', 'زودباش']);
/** a finite form of داشتن or بودن (and نیست, هست): no verb comes right before one */
const HAVE_BE = /^(?:ن?(?:دار|باش)(?:م|ی|د|ه|یم|ید|ین|ن|ند)|ن?(?:داشت|بود)(?:|م|ی|ه|یم|ید|ین|ن|ند)|(?:نیست|هست)(?:|م|ی|یم|ید|ین|ن|ند))$/;
/**
 * a finite form of شدن or کردن with می / نمی or in the past (می‌شه, کردن, شد): a known word right before one is its
 * non-verbal part (برداشت بدی می‌شه, بهم بدی کردن: بدی, bad, badness), not a verb
 */
const LIGHT_VERB = /^(?:(?:ن?می)(?:ش|شو|کن)(?:م|ی|د|ه|یم|ید|ین|ن|ند)|ن?(?:شد|کرد)(?:|م|ی|ه|یم|ید|ین|ن|ند))$/;
/** prepositions: the word after one is no verb (not تا, until, nor در, also a preverb: از دستم در بره) */
const AFTER_PREPOSITION = new Set(['از', 'به', 'با', 'برای', 'برا', 'واسه', 'بی', 'بدون']);
/**
 * a number right before a word (digits, or a number word from two up: not یک / یه, the article, nor نه, no): an
 * adjective in ه follows it (۲ خوابه, سه نفره), not the copula
 */
const AFTER_NUMBER = /(?:\p{Nd}|(?:^|[^\p{L}\p{M}\u200c])(?:دو|سه|چهار|پنج|شش|شیش|هفت|هشت|ده|یازده|دوازده|سیزده|چهارده|پانزده|پونزده|شانزده|شونزده|هفده|هجده|هیجده|نوزده|بیست|سی|چهل|پنجاه|شصت|هفتاد|هشتاد|نود|صد|دویست|سیصد|چهارصد|پانصد|پونصد|ششصد|هفتصد|هشتصد|نهصد|هزار|چند))[ \u00a0]+$/u;
/** after a word in ه these make its ه chat's definite article, not the copula (بزرگه رو بده) */
const NOT_AFTER_COPULA = new Set(['را', 'رو', 'هم', 'ی']);
/** words that begin a new clause: a past stem + ن before them is the 3rd person plural (بودن و, کردن ولی); chat's ک is که */
const CLAUSE_NEXT = new Set(['که', 'ک', 'و', 'ولی', 'اما']);
/** how much commoner a verb read from a colloquial stem must be than a formal imperative of the same letters (بدم) */
const IMPERATIVE_RATIO = 10;
/** a form of آمدن: بدم before one is بد + م, I dislike (بدم میاد, بدم اومد), not بدهم */
const COME_VERB = /^(?:ن?می\u200c?(?:آ|ا|یا|اومد)|ن?(?:اومد|آمد|یومد))/;

/** ways to pay beside an IBAN (شبا): a card (کارت به کارت), an account, Iran's interbank transfers پایا and ساتنا */
const IBAN_PEERS = new Set(['کارت', 'حساب', 'پایا', 'ساتنا']);
/**
 * Whether شبا, with `nextWord` after it (ending at `nz`) and `prev`, `prev2` before it, is joined by یا or و to one of
 * IBAN_PEERS: کارت به کارت یا شبا, شبا یا کارت.
 */
function ibanPeer(text: string, nz: number, nextWord: string, prev: string, prev2: string): boolean {
  if ((prev === 'یا' || prev === 'و') && IBAN_PEERS.has(prev2)) return true;
  if (nextWord !== 'یا' && nextWord !== 'و') return false;
  const after = /^[ \u200c]*([^\s\u200c.,،؛;:!?؟«»()]+)/.exec(text.slice(nz, nz + 12));
  return after !== null && IBAN_PEERS.has(after[1]!);
}
/** longer runs of letters are no words (every reading test is then linear in the text) */
const MAX_WORD = 48;
const MEMO_SIZE = 100_000;
/** a run of Persian letters (and ZWNJs) */
const WORD_RUN = /[\u0621-\u065f\u0670-\u06d3\u06cc\u06a9\u06af\u200c]+/g;
/** the frequency class of a common word (بدون, میان): never read as a colloquial verb */
const COMMON_WORD = 25;
/** a verb seen this often as a gold lemma in training is common enough to read a known word as one of its forms */
const COMMON_VERB = 20;
/** the same for a noun before a glued object marker */
const MIN_OBJECT_HOST_FREQ = 20;
/**
 * a verb seen this often as a gold lemma (کردن, بودن, داشتن, شدن, گفتن, دادن) is the verb when a formal form of it
 * has a glued و: chat's conjunction, not the object marker (کردمو → کردم و; مردم, مرد + م of مردن, is a noun)
 */
const GLUED_AND_VERB = 1000;
/** the numbers a compound numeral continues with و (بیست و, صد و, هزار و) */
const COMPOUND_NUMBER = /(?:هزار|میلیون|میلیارد|صد|بیست|چهل|پنجاه|شصت|هفتاد|هشتاد|نود)$/;
/** the personal endings of a formal present form */
const FORMAL_PRESENT_ENDINGS = [...new Set(PRESENT_ENDINGS.map(([, f]) => f))];
const PREVERBS = ['بر', 'در', 'ور', 'وا', 'فرو', 'باز', 'فرا'];
/** each preverb with the می and نمی after it (verb's first test, asked of every word it reads: built once, not per word) */
const PREVERB_MI = PREVERBS.map((p) => ({ p, withMi: p + 'می', withNmi: p + 'نمی' }));
/** verbs read without a prefix (light verbs after a noun, داشتن, بودن's subjunctive): کنه → کند, داره → دارد */
const BARE_STEMS = new Set(['کن', 'دار', 'باش', 'شو']);
/** words rewritten only in a colloquial line: formal text uses them too (توی in quotes and dialogue, ب the letter) */
const HELD_WORDS = new Map([
  ['توی', 'در'],
  ['ک', 'که'],
  ['ب', 'به'],
  // chat's اگ for اگر (اگ بیای); hazm lists it with no count, the subtitles 76 times
  ['اگ', 'اگر'],
  // (به هم, each other; بهت, astonishment)
  ['بهم', 'به من'],
  ['بهت', 'به تو'],
  // chat's نیس, هس for نیست, هست (مهم نیس, چند ماهی هس): نیس is also the town Nice (از لوهاور تا نیس)
  ['نیس', 'نیست'],
  ['هس', 'هست'],
  // chat's برا (برای) + a clitic, برام, برات: the lexicon lists both as nouns (برات, a bill of exchange)
  ['برام', 'برایم'],
  ['برات', 'برایت'],
]);

/** held words that are also colloquial markers (registerCount's): alone they make no line colloquial */
const SELF_MARKERS = new Set(['بهم', 'بهت', 'برام', 'برات']);

/** a verb form of ریختن, خوردن, پیوستن or چسبیدن (prefixes and chat's endings allowed), after which بهم is به هم */
const EACH_OTHER_VERB = /^(?:ن?می|ب|ن)?(?:ریخت|ریز|خورد|خور|پیوست|پیوند|چسب)/;

/**
 * chat's suffix chains on a noun → formal; `P` marks chat's plural ا (ها in formal text, written apart after a
 * joiner), `H` a formal plural ها that carries a chat clitic
 */
const CHAINS: [string, string][] = [
  ['هاشون', 'Hیشان'],
  ['هامون', 'Hیمان'],
  ['هاتون', 'Hیتان'],
  ['هارو', 'H را'],
  ['هام', 'Hیم'],
  ['هات', 'Hیت'],
  ['هاش', 'Hیش'],
  ['هاو', 'H را'],
  ['اشون', 'P‌هایشان'],
  ['امون', 'P‌هایمان'],
  ['اتون', 'P‌هایتان'],
  // (not ات alone: the Arabic plural of formal text, تأخیرات)
  ['ایی', 'P‌هایی'],
  ['ارو', 'P‌ها را'],
  ['ایو', 'P‌ها را'],
  ['شون', 'شان'],
  ['مون', 'مان'],
  ['تون', 'تان'],
  // (a clitic letter only after a host in ا / و, which formal text writes with a glide: صداش → صدایش)
  ['ش', 'Vش'],
  ['م', 'Vم'],
  ['ت', 'Vت'],
  ['ام', 'P‌هایم'],
  ['اش', 'P‌هایش'],
  ['ای', 'P‌های'],
  ['او', 'P‌ها را'],
  ['ا', 'P‌ها'],
];

/**
 * The word test of scheme 'auto' (PipelineOptions.colloquial): whether the formalizer reads a word as colloquial (a
 * strong reading: خونمون, میتونم), memoized (at most 100,000 words kept). `formalizer` is asked on the first word, so
 * formal text that never asks never builds it; when it gives undefined (its data missing) no word is colloquial.
 */
export function colloquialWordTest(formalizer: () => Formalizer | undefined): (word: string) => boolean {
  const memo = new Map<string, boolean>();
  return (w) => {
    let r = memo.get(w);
    if (r === undefined) {
      r = formalizer()?.colloquialWord(w) !== undefined;
      if (memo.size >= 100_000) memo.clear();
      memo.set(w, r);
    }
    return r;
  };
}

export function createFormalizer(res: FormalResources): Formalizer {
  // (no argument, or no lemma data, was "Cannot read properties of undefined", lemma data of the wrong kind a
  // TypeError from inside)
  res = knownOptions(res, 'formalizer resource', ['formal', 'lemma']);
  const missing = (['formal', 'lemma'] as const).filter((k) => res[k] === undefined);
  if (missing.length) {
    throw new DabirError('E_RESOURCE_MISSING', `createFormalizer needs ${missing.map((k) => `resource "${k}"`).join(' and ')}`, 'pass { formal: the data of data/formal.json, lemma: the bytes of data/lemma.bin }');
  }
  const data = res.formal;
  if (!data || !Array.isArray(data.words) || !Array.isArray(data.stems) || data.meta?.format !== FORMAL_FORMAT_VERSION) {
    throw new DabirError('E_RESOURCE_CORRUPT', 'formal data: not a formal.json of this version', 'rebuild it with `npm run build:formal` or reinstall dabir');
  }
  const lemma = res.lemma instanceof Uint8Array ? decodeLemma(res.lemma) : res.lemma;
  if (lemma === null || typeof lemma !== 'object' || typeof lemma.lexicon?.get !== 'function' || typeof lemma.freq?.get !== 'function' || !Array.isArray(lemma.verbs)) {
    throw new DabirError('E_RESOURCE_CORRUPT', 'lemma data: neither the bytes of data/lemma.bin nor their decoded data', 'pass the bytes of data/lemma.bin (or decodeLemmaData of them)');
  }
  const words = new Map(data.words);
  const adjectives = new Set(data.adjectives ?? []);
  const lexicon = lemma.lexicon;
  const freq = lemma.freq;
  const f = (w: string): number => freq.get(w) ?? 0;
  /**
   * a word formal text knows. The lexicon also holds a few colloquial plurals the informal treebank gives as lemmas
   * (حرفا): a word in ا whose letters before it make a common noun, with no count of its own, is not one of them
   */
  const known = (w: string): boolean => {
    const p = lexicon.get(w);
    return p !== undefined && !(w.endsWith('ا') && (p & POS_GOLD) !== 0 && f(w) === 0 && w.length >= 4 && ((lexicon.get(w.slice(0, -1)) ?? 0) & POS_NOUN) !== 0 && f(w.slice(0, -1)) >= 20);
  };

  // present stems: every formal stem as itself; colloquial ones (the lemma data's ~stems, the list's) → formal
  const present = new Map<string, string>();
  const past = new Set<string>();
  /** how often a formal present stem's verb was a gold lemma in training (a rare verb is no reading of a known word) */
  const weight = new Map<string, number>();
  /** the same for a past stem */
  const pastWeight = new Map<string, number>();
  /** the same for every formal present stem of a verb, not its main one only (گوی of گفتن, whose main stem is گو) */
  const stemWeight = new Map<string, number>();
  for (const v of lemma.verbs) {
    const formal: [string, number][] = [];
    const informal: string[] = [];
    for (let i = 2; i < v.length; i++) {
      const item = v[i] as string;
      if (item.startsWith('=')) continue; // (colloquialPasts, below)
      const c = item.lastIndexOf(':');
      const s = c > 0 ? item.slice(0, c) : item;
      if (!s) continue;
      if (s.startsWith('~')) informal.push(s.slice(1));
      else formal.push([s, c > 0 ? Number(item.slice(c + 1)) : 0]);
    }
    if (v[0]) {
      past.add(v[0]);
      pastWeight.set(v[0], Math.max(pastWeight.get(v[0]) ?? 0, v[1]));
    }
    if (formal.length === 0) continue;
    formal.sort((a, b) => b[1] - a[1]);
    let main = formal[0]![0];
    // a stem in a vowel whose glide form is listed conjugates with it (آ → آی: می‌آیم)
    // (not in و: رو, شو conjugate as they are, می‌روم)
    if (/[اآ]$/.test(main) && formal.some(([s]) => s === main + 'ی')) main = main + 'ی';
    const glide = main !== formal[0]![0];
    for (const [s] of formal) if (!present.has(s)) present.set(s, glide && s === formal[0]![0] ? main : s);
    weight.set(main, Math.max(weight.get(main) ?? 0, v[1]));
    for (const [st] of formal) stemWeight.set(st, Math.max(stemWeight.get(st) ?? 0, v[1]));
    for (const s of informal) if (!present.has(s)) present.set(s, main);
  }
  for (const [a, b] of data.stems) present.set(a, b);
  // the treebanks' colloquial past stems (iPerUDT's اومد, تونست) are no formal forms: they map to the formal stem
  // (first those the lemma data spells formally, its "=past" items: تونست → توانست)
  const pastTo = colloquialPasts(lemma.verbs);
  // chat's ذاشت / زاشت for گذاشت, as its present ذار / زار for گذار (میذاشتم → می‌گذاشتم, نذاشتن → نگذاشتند)
  for (const p of ['ذاشت', 'زاشت']) if (past.has('گذاشت') && !past.has(p)) pastTo.set(p, 'گذاشت');
  for (const p of past) {
    if (pastTo.has(p)) continue;
    const t = words.get(p);
    const q = t !== undefined && past.has(t) ? t : p.includes('و') ? firstVariant(p, (v) => (v !== p && past.has(v) ? v : undefined)) : undefined;
    if (q !== undefined) pastTo.set(p, q);
  }
  for (const p of pastTo.keys()) past.delete(p);

  /** a formal present stem for a (possibly colloquial) stem: listed, or its ون spelled ان (رسون → رسان) */
  const presentStem = (s: string): string | undefined => present.get(s) ?? (s.includes('و') ? firstVariant(s, (v) => (present.get(v) === v ? v : undefined)) : undefined);
  const pastStem = (s: string): string | undefined =>
    past.has(s) ? s : (pastTo.get(s) ?? (s.includes('و') ? firstVariant(s, (v) => (past.has(v) ? v : undefined)) : undefined));

  /** prefix + stem, with ب/ن before آ written بیا/نیا and می/نمی followed by a ZWNJ */
  const join = (prefix: string, stem: string): string => {
    if (prefix.endsWith('می')) return prefix + Z + stem;
    if ((prefix.endsWith('ب') || prefix.endsWith('ن')) && stem.startsWith('آ')) return prefix + 'یا' + stem.slice(1);
    return prefix + stem;
  };

  /** the formal present stem of verb()'s last present-tense reading ('' for a past-tense one) */
  let lastStem = '';
  /** verb()'s last reading was the infinitive of a colloquially spelled past stem (اومدن → آمدن) */
  let lastInfinitive = false;
  /**
   * `k` is a stem + the ending `e` where the stem is one of the treebanks' adjectives and only a rare verb's past stem
   * (سخت of سختن, to weigh): سخته is سخت + the copula, not that verb's participle
   */
  const rareAdjective = (k: string, e: string): boolean => {
    const st = k.slice(0, k.length - e.length);
    return e !== '' && adjectives.has(st) && (pastWeight.get(st) ?? 0) < COMMON_VERB;
  };
  /**
   * `rest` (a formal present stem, an imperative after ب / ن) read as a colloquial stem + a personal ending whose verb is
   * IMPERATIVE_RATIO times as common as the imperative's (دم, blow, is د + م of دادن: بدم → بدهم)
   */
  const commonerReading = (rest: string): boolean => {
    const w = weight.get(rest) ?? 0;
    for (const [e] of PRESENT_ENDINGS) {
      if (!rest.endsWith(e) || rest.length === e.length) continue;
      const s = rest.slice(0, rest.length - e.length);
      const fs = present.get(s);
      if (fs !== undefined && fs !== s && (weight.get(fs) ?? 0) >= IMPERATIVE_RATIO * w) return true;
    }
    return false;
  };
  /**
   * the formal form of a colloquial verb; null for a verb form formal text writes so (stop there); undefined: no verb
   * (its loops are indexed, not for-of with destructuring: in a one-off `dabir analyze` the register test runs this on
   * thousands of new words before V8 optimizes it, and unoptimized, for-of allocates an iterator and result objects per
   * step — 8.5 MB for a megabyte of text)
   */
  const verb = (k: string): string | null | undefined => {
    lastStem = '';
    lastInfinitive = false;
    // [preverb] می / نمی, or ب / ن, or nothing (light verbs: کنه, داره, باشه)
    let pre = '';
    for (let i = 0; i < PREVERB_MI.length; i++) {
      const { p, withMi, withNmi } = PREVERB_MI[i]!;
      if (k.startsWith(withMi) || k.startsWith(withNmi)) {
        pre = p;
        break;
      }
    }
    const body = k.slice(pre.length);
    // a present stem by itself is an imperative as formal text writes it (باش, کن)
    if (present.get(k) === k) return null;
    const prefixes: string[] = [];
    if (body.startsWith('نمی')) prefixes.push('نمی');
    else if (body.startsWith('می')) prefixes.push('می');
    else if (pre === '' && (body.startsWith('ب') || body.startsWith('ن'))) prefixes.push(body[0]!, '');
    else if (pre === '') prefixes.push('');
    // a formal past form or participle as a whole (بارید, شده): nothing to do
    // (but not a rare verb's form whose stem is one of the treebanks' adjectives: سخته is سخت + the copula, not the
    // participle of سختن, to weigh)
    for (let i = 0; i < FORMAL_PAST_ENDINGS.length; i++) {
      const e = FORMAL_PAST_ENDINGS[i]!;
      if (k.endsWith(e) && past.has(k.slice(0, k.length - e.length)) && !rareAdjective(k, e)) return null;
    }
    let first: string | undefined;
    let firstRare = false;
    for (let pi = 0; pi < prefixes.length; pi++) {
      const prefix = prefixes[pi]!;
      const rest = body.slice(prefix.length);
      const mi = prefix.endsWith('می');
      if (rest.length === 0) continue;
      // a formal past form or participle after the prefix (می‌شد, نمی‌خواستم, می‌شده): nothing to do — the 3sg د of a
      // present stem must not take it (ب + a past stem is archaic at best: بدید is بدهید, not ب + دید)
      if (prefix !== 'ب') {
        // (after ن a stem in آ is written یا: نیامدم)
        const r = prefix === 'ن' && rest.startsWith('یا') ? 'آ' + rest.slice(2) : rest;
        // (nor a rare verb's past stem after می that is a common verb's present stem: می‌افته is افتادن's present, افت +
        // the chat ending ه, not the participle of the rare افتیدن)
        for (let i = 0; i < FORMAL_PAST_ENDINGS.length; i++) {
          const e = FORMAL_PAST_ENDINGS[i]!;
          if (!r.endsWith(e)) continue;
          const st = r.slice(0, r.length - e.length);
          if (past.has(st) && !(prefix === '' && rareAdjective(r, e)) && !(mi && e === 'ه' && (pastWeight.get(st) ?? 0) < COMMON_VERB && (weight.get(st) ?? 0) >= COMMON_VERB)) return null;
        }
      }
      // a formal imperative (بخوان, بیا, بگیر)
      // (of a common verb: بره is no imperative of رهیدن)
      // (unless the letters read as a far commoner verb's colloquial stem + an ending: بدم is chat's بدهم, ده + م, far
      // more often than دمیدن's imperative)
      if ((prefix === 'ب' || prefix === 'ن') && ((present.get(rest) === rest && (weight.get(rest) ?? 0) >= COMMON_VERB && !commonerReading(rest)) || rest === 'یا')) return null;
      // every reading; a word one of them spells exactly is formal already (می‌آید is آی + د, not آ + ید)
      for (let i = 0; i < PRESENT_ENDINGS.length; i++) {
        const e = PRESENT_ENDINGS[i]![0];
        const fe = PRESENT_ENDINGS[i]![1];
        if (!rest.endsWith(e)) continue;
        let s = rest.slice(0, rest.length - e.length);
        // chat drops the آ of آمدن / آوردن after می (میام, میارم) and writes it یا / یار after ب / ن (بیام, بیار)
        if (mi && (s === 'ا' || s === 'ار')) s = s === 'ا' ? 'آی' : 'آور';
        // and the ا of افت (میفته, نمیفتم → می‌افتد, نمی‌افتم)
        if (mi && s === 'فت') s = 'افت';
        if (!mi && prefix !== '' && (s === 'یا' || s === 'یای' || s === 'یار' || s === 'یاور')) s = s === 'یا' || s === 'یای' ? 'آی' : 'آور';
        // (and a stem in ا is written after ب / ن as بی / نی in chat too, بیاره, بیفته: باره, باری, بارم are no verbs)
        else if (!mi && prefix !== '' && s.startsWith('ا')) continue;
        if (s.length === 0) continue;
        const fs = presentStem(s);
        // (a formal stem in ا takes its endings with a glide, گرایند: the letters after one are no chat ending, نگران is
        // worried, not نگراند)
        if (fs === undefined || fs.endsWith('ا')) continue;
        if (prefix === '' && !BARE_STEMS.has(fs)) continue;
        // ب / ن + a stem in ه + nothing is the imperative as formal text writes it (بده, نده): left alone
        if ((prefix === 'ب' || prefix === 'ن') && e === 'ه' && prefix + fs === k) return null;
        const out = pre + join(prefix, fs) + fe;
        if (out.replaceAll(Z, '') === k) return null;
        // (a rare verb after ب / ن is no reading of a common word + a chat ending: بلنده is بلند + the copula, not بلندد
        // of لندیدن; نیازه is نیاز است, not نیازد of یازیدن)
        const rare = (prefix === 'ب' || prefix === 'ن') && (weight.get(fs) ?? 0) < COMMON_VERB;
        const bare = k.slice(0, k.length - e.length);
        if (rare && f(bare) >= MIN_HOST_FREQ && known(bare)) continue;
        if (first === undefined) {
          first = out;
          lastStem = fs;
          firstRare = rare;
        }
      }
      if (first !== undefined) {
        // (nor, when the letters after ب / ن are the colloquial stem of a common verb: بمون is the imperative بمان, not ب
        // + مو + the 3pl ن, بموند)
        if (firstRare && pre === '' && !known(k)) {
          const fs = presentStem(rest);
          if (fs !== undefined && fs !== rest && (weight.get(fs) ?? 0) >= COMMON_VERB) {
            lastStem = fs;
            return join(prefix, fs);
          }
        }
        return first;
      }
      // an imperative: ب / ن + a colloquial stem (بذار → بگذار, بخون → بخوان)
      if ((prefix === 'ب' || prefix === 'ن') && pre === '' && rest.length >= 2 && !known(k)) {
        const fs = presentStem(rest === 'یار' ? 'آور' : rest);
        if (fs !== undefined && fs !== rest) {
          lastStem = fs;
          return join(prefix, fs);
        }
      }
      // a past stem: colloquial endings (میکردن → می‌کردند, رفتین → رفتید; a past stem + ن without می is also the
      // infinitive: left alone) or a colloquial stem (نمیتونست → نمی‌توانست, اومدم → آمدم)
      // (a stem in آ with its آ dropped or written ا after می, میومد → می‌آمد, میاوردی → می‌آوردی, or written ی after ن,
      // نیومده → نیامده)
      const aStem = (written: string): string | undefined => {
        const a = mi && written.startsWith('و') ? 'ا' + written : mi && written.startsWith('ا') ? 'آ' + written.slice(1) : prefix === 'ن' && written.startsWith('ی') ? 'ا' + written.slice(1) : '';
        const pa = a ? pastStem(a) : undefined;
        return pa !== undefined && pa.startsWith('آ') ? pa : undefined;
      };
      // the infinitive of a colloquially spelled past stem, spelled formally (اومدن → آمدن, تونستن → توانستن; the rule
      // for a clause's end then reads it as the 3rd person plural, اومدن. → آمدند)
      if (prefix === '' && pre === '' && rest.endsWith('ن') && pastTo.has(rest.slice(0, -1))) {
        lastInfinitive = true;
        return pastTo.get(rest.slice(0, -1))! + 'ن';
      }
      for (let i = 0; i < PAST_ENDINGS.length; i++) {
        const e = PAST_ENDINGS[i]![0];
        const fe = PAST_ENDINGS[i]![1];
        if (!rest.endsWith(e) || (e === 'ن' && !mi) || (prefix !== '' && !mi && prefix !== 'ن')) continue;
        const written = rest.slice(0, rest.length - e.length);
        const ps = pastStem(written);
        if (ps !== undefined) return pre + (prefix ? prefix + (mi ? Z : '') : '') + ps + fe;
        const pa = aStem(written);
        if (pa !== undefined) return pre + join(prefix, pa) + fe;
      }
      for (let i = 0; i < FORMAL_PAST_ENDINGS.length; i++) {
        const e = FORMAL_PAST_ENDINGS[i]!;
        if (!rest.endsWith(e)) continue;
        const written = rest.slice(0, rest.length - e.length);
        // (the participle too: اومده → آمده, خونده → خوانده)
        const ps = pastStem(written);
        // (without a prefix, not a stem spelled ون for ان whose letters as written are a word at least as common: روندی is
        // روند, process, + ی, not راندی; the participle رونده is still رانده)
        if (ps !== undefined && ps !== written && prefix === '' && e !== '' && e !== 'ه' && known(written) && f(written) >= f(ps)) continue;
        if (ps !== undefined && ps !== written) return pre + (prefix ? prefix + (mi ? Z : '') : '') + ps + e;
        const pa = aStem(written);
        if (pa !== undefined) return pre + join(prefix, pa) + e;
      }
    }
    // a preverb + [ن] + a present stem + a chat ending, with no می nor ب (the subjunctive of a compound verb takes none:
    // برگرده → برگردد, برنگرده → برنگردد; it was read as برگرد + the copula, برگرد است): the compound listed (برگرد),
    // its simple verb common, and the compound no word the treebanks have (درگیره is درگیر است)
    if (pre === '') {
      for (let i = 0; i < PREVERBS.length; i++) {
        const p = PREVERBS[i]!;
        if (!k.startsWith(p)) continue;
        for (let ni = 0; ni < 2; ni++) {
          const neg = ni === 0 ? '' : 'ن';
          const r = k.slice(p.length);
          if (!r.startsWith(neg)) continue;
          for (let ci = 0; ci < CHAT_ENDINGS.length; ci++) {
            const e = CHAT_ENDINGS[ci]![0];
            const fe = CHAT_ENDINGS[ci]![1];
            // (a stem of three letters or more: وارن, a name, is no وا + رو + ند, nor بازاره بازآورد)
            if (!r.endsWith(e) || r.length - e.length - neg.length < 3) continue;
            const fs = presentStem(r.slice(neg.length, r.length - e.length));
            if (fs === undefined || (weight.get(fs) ?? 0) < COMMON_VERB || !present.has(p + fs) || ((lexicon.get(p + fs) ?? 0) & POS_GOLD) !== 0) continue;
            lastStem = fs;
            return p + neg + fs + fe;
          }
        }
      }
    }
    return undefined;
  };

  /** a known host word, or its formal spelling (حیوون → حیوان) */
  const host1 = (h: string, multi = false): string | undefined => {
    if (h.length < 2) return undefined;
    // the word table first: a colloquial host the lexicon also lists (همون, ادم) is written formally, so that a second
    // pass changes nothing (اینکارو → این کار را, not اینکار را and then این کار)
    const w = words.get(h);
    if (w !== undefined && (multi || !w.includes(' '))) return w;
    if (known(h)) return h;
    // a formal plural in ان of a known noun (همکاران + تون → همکارانتان)
    if (h.endsWith('ان') && h.length >= 5 && isNoun(h.slice(0, -2))) return h;
    return h.includes('و') ? firstVariant(h, (v) => (known(v) ? v : undefined)) : undefined;
  };
  /**
   * The host of a suffix chain: the letters before it, or those + a silent ه that chat drops before a clitic
   * (خونمون = خونه + مون → خانه‌مان, not خون + مان), whichever formal word is commoner
   */
  const host = (h: string): string | undefined => {
    const a = host1(h);
    // (a formal plural in ان is the host: همکارانتون is همکاران + تون, not همکارانه + تون)
    if (a !== undefined && a.endsWith('ان') && !known(a)) return a;
    const b = h.endsWith('ه') ? undefined : host1(h + 'ه');
    // (a host formal text writes as it stands keeps its clitic unless the word in ه is clearly commoner: دورمون is
    // دور + مون, around us, not دوره‌مان; خونمون is still خونه + مون, chat's spelling of خانه)
    const margin = a === h && b === h + 'ه' ? DROPPED_H_BITS : 1;
    return b !== undefined && (a === undefined || f(b) - f(a) >= margin) ? b : a;
  };
  const isNoun = (h: string): boolean => ((lexicon.get(h) ?? 0) & POS_NOUN) !== 0;
  /** `w` is better read as the noun `stem` + chat's plural ا: the noun is OWN_WORD_BITS commoner than `w` as written */
  const commonerNoun = (stem: string, w: string): boolean => isNoun(stem) && f(stem) - f(w) >= OWN_WORD_BITS;
  /**
   * a word in ا that is before a clitic chat's plural of a noun OWN_WORD_BITS commoner than it: کارا (efficient) in
   * کاراشون, کارامو is کار + ا (کارهایشان, کارهایم را; they were کارایشان, کارایم را); صدا, بالا are words of their own
   */
  const chatPlural = (h: string): boolean => h.length >= 4 && h.endsWith('ا') && commonerNoun(h.slice(0, -1), h);

  /** `cut`: where the writer put a ZWNJ inside the word (a clitic set off: عمه‌ام is عمه + ام, never a plural) */
  /**
   * A form of formal text: a known word + a plural ها and what follows it (سالهای, غربی‌ها), a word in ا/و + ی / یی
   * (صدای, آقایی), a word in ه + ای / ام / ات / اش (خانه‌ای): no colloquial reading is tried.
   */
  const looksFormal = (k: string): boolean => {
    const m = FORMAL_PLURAL.exec(k);
    if (m && m.index >= 2 && known(k.slice(0, m.index))) return true;
    if (k.endsWith('یی') && /[او]$/.test(k.slice(0, -2)) && known(k.slice(0, -2))) return true;
    if (k.endsWith('ی') && /[او]$/.test(k.slice(0, -1)) && known(k.slice(0, -1))) return true;
    const h = FORMAL_AFTER_H.exec(k);
    return h !== null && h.index >= 2 && known(k.slice(0, h.index));
  };

  /**
   * a formal form of a common verb (GLUED_AND_VERB), as formal text writes it (with the ZWNJ after می): کردم, دارم,
   * می‌کنم, نبود; else undefined
   */
  const commonVerbForm = (r: string): string | undefined => {
    if (r.length < 3 || verb(r) !== null) return undefined;
    for (const p of ['نمی', 'می', 'ن', 'ب', '']) {
      if (!r.startsWith(p)) continue;
      const s = r.slice(p.length);
      const out = p.endsWith('می') ? p + Z + s : r;
      for (const e of FORMAL_PAST_ENDINGS) if (s.endsWith(e) && (pastWeight.get(s.slice(0, s.length - e.length)) ?? 0) >= GLUED_AND_VERB) return out;
      for (const e of FORMAL_PRESENT_ENDINGS) {
        if (!s.endsWith(e)) continue;
        const st = s.slice(0, s.length - e.length);
        if (present.get(st) === st && (weight.get(st) ?? 0) >= GLUED_AND_VERB && (p !== '' || BARE_STEMS.has(st))) return out;
      }
    }
    return undefined;
  };

  /**
   * chat's copula س / ست glued to its host, in a word the vocabulary lacks (سروس, Soros, is no سروست): س after a
   * host in ا or و (دنیاس → دنیاست, کجاس → کجاست), ست after a host whose silent ه chat drops (دقیقست → دقیقه است, خونست → خانه
   * است, گستردست → گسترده است). Not after ی (جاریست, علیست are جاری, علی + ست: formal text writes them so), nor where
   * the letters before ست are a word at least as common as the one in ه (آنست, گنجست; chat glues ست after a consonant
   * seldom: دقیقست is دقیقه است, دقیقه one class commoner than دقیق); and س / ست after a word in ه (ساده‌س → ساده است)
   */
  const copulaS = (k: string): string | undefined => {
    if (k.length < 4 || known(k) || f(k) > 0) return undefined;
    if (k.endsWith('س') && /[او]$/.test(k.slice(0, -1))) {
      const h = host1(k.slice(0, -1));
      if (h !== undefined && /[او]$/.test(h) && f(h) >= MIN_HOST_FREQ) return h + 'ست';
    }
    // (after a word in ه, written glued or set off: ساده‌س, هفته‌س, معجزه‌ست → ساده است, هفته است, معجزه است; ‌ست in a
    // colloquial line only: novels write it so in dialogue, احمد روزه‌ست)
    const hs = /ه(?:س|ست)$/.exec(k);
    if (hs !== null && hs.index >= 2) {
      const h = host1(k.slice(0, hs.index + 1));
      if (h !== undefined && h.endsWith('ه') && ((lexicon.get(h) ?? 0) & (POS_NOUN | POS_ADJ)) !== 0 && f(h) >= 20) {
        if (k.endsWith('ست')) heldReading = true;
        return h + ' است';
      }
    }
    if (k.endsWith('ست') && k.length >= 5 && !/[اوهی]$/.test(k.slice(0, -2))) {
      const h0 = k.slice(0, -2);
      const hh = host1(h0 + 'ه');
      if (hh !== undefined && hh.endsWith('ه') && ((lexicon.get(hh) ?? 0) & (POS_NOUN | POS_ADJ)) !== 0 && f(hh) >= 20 && (!known(h0) || f(hh) > f(h0))) return hh + ' است';
    }
    return undefined;
  };

  /**
   * a present or past stem, also after a preverb (خور, خون, نگهداشت, درامد): a word + ن on it may be a verb form or an
   * infinitive (خونن is chat's خوانند; a stem's نیشن was a typo of نمیشن), no clear word + the copula
   */
  const verbStem = (s: string): boolean => {
    const stem = (x: string): boolean => present.has(x) || pastStem(x) !== undefined || (x.startsWith('ا') && pastStem('آ' + x.slice(1)) !== undefined);
    if (stem(s)) return true;
    for (const p of [...PREVERBS, 'نگه']) if (s.startsWith(p) && s.length - p.length >= 2 && stem(s.slice(p.length))) return true;
    return false;
  };

  const nominal = (k: string, clauseEnd: boolean, cut: number, object = true): string | undefined => {
    // a common verb + a glued و is the verb + chat's conjunction (کردمو → کردم و, خواهد دادو → داد و; was کردم را)
    // and so is a number that a compound numeral continues with و (هزارو ۵۰۰ → هزار و ۵۰۰; was هزار را; not an ordinal
    // or یکی: اولو, یکیو keep the object marker)
    if (object && k.endsWith('و')) {
      const r = k.slice(0, -1);
      let v = commonVerbForm(r) ?? (COMPOUND_NUMBER.test(r) && wordsToNumber(r) !== undefined ? r : undefined);
      // (and a colloquial verb form that is no listed word: میزننو → می‌زنند و, بدونمو → بدانم و; they were left as
      // written or read as the form + را, which a second formalize then rewrote: بدونم را → بدانم را)
      if (v === undefined && !known(r) && !words.has(r)) {
        const cv = verb(r);
        if (typeof cv === 'string') v = cv;
      }
      if (v !== undefined) return v + ' و';
    }
    if (looksFormal(k)) return undefined;
    const cop = copulaS(k);
    if (cop !== undefined) return cop;
    // ون for ان (خونه → خانه, زمونه → زمانه)
    if (k.includes('و')) {
      // (not when the word is a treebank word at least as common as the reading + a clitic letter: خونم is خون + م, my
      // blood, not خانم; جونم is still جانم, جون being no treebank word)
      const cl = /[مشت]$/.test(k) && ((lexicon.get(k.slice(0, -1)) ?? 0) & POS_GOLD) !== 0 ? f(k.slice(0, -1)) : -1;
      const v = firstVariant(k, (x) => (known(x) && f(x) > f(k) && f(x) > cl ? x : undefined));
      if (v !== undefined) return v;
    }
    // every reading of the word as a known host + a suffix chain; the longest host wins (صداشون = صدا + شون, not صد
    // + اشون; اینکارو = اینکار + و, not اینک + ارو)
    let best: string | undefined;
    let bestLen = 0;
    let heldY = -1;
    const take = (hostLen: number, out: string): void => {
      if (hostLen > bestLen) {
        best = out;
        bestLen = hostLen;
      }
    };
    for (const [c, out] of CHAINS) {
      if (!k.endsWith(c) || k.length < c.length + 2) continue;
      const h0 = k.slice(0, k.length - c.length);
      const plural = out.startsWith('P');
      // a ZWNJ the writer put in the word marks where the suffixes start: a chat plural never starts there (عمه‌ام
      // is عمه + ام), any other chain must (سال‌هاش, not ساله + اش)
      if (cut >= 0 && (plural ? cut === h0.length : cut !== h0.length)) continue;
      // (a chat plural needs a host of three letters or more, not in ا: خوام is no plural of خو, habit, nor ارضاا of ارضا;
      // nor in و, after which chat writes ها too, پتوها: جاشوا, Joshua, بدوام were جاشوها, بدوهایم)
      // (nor of a number: هفتا is هفت تا, seven of them, not هفت‌ها)
      if (plural && (h0.length < 3 || h0.endsWith('ا') || h0.endsWith('و') || wordsToNumber(h0) !== undefined)) continue;
      // (nor a host in ه whose ه + ا is the plural ها of a noun at least as common: کارهارو is کار + هارو, کارها را,
      // not کاره + ارو; دستهارو دست‌ها را, not دسته‌ها را)
      if (plural && h0.endsWith('ه')) {
        const hs = host1(h0.slice(0, -1));
        const hl = host1(h0);
        if (hs !== undefined && isNoun(hs) && (hl === undefined || f(hs) >= f(hl))) continue;
      }
      if (out.startsWith('H')) {
        // a plural in ها + a chat clitic (بچه‌هامون → بچه‌هایمان): the stem before ها must be a noun
        const hs = h0.length >= 2 ? host1(h0) : undefined;
        if (hs !== undefined && isNoun(hs)) take(h0.length, hs + (joins(hs) ? Z : '') + 'ها' + out.slice(1));
        continue;
      }
      if (out.startsWith('V')) {
        const hv = /[او]$/.test(h0) ? host1(h0) : undefined;
        if (hv !== undefined && /[او]$/.test(hv) && isNoun(hv) && !chatPlural(hv)) take(h0.length, hv + 'ی' + out.slice(1));
        // after a host in ی formal text writes the clitic ‌اش, ‌ام, ‌ات (باتریش → باتری‌اش, زندگیم → زندگی‌ام)
        // — in a colloquial line only: formal text writes them glued too (آزادیش)
        else if (h0.length >= 3 && h0.endsWith('ی')) {
          const hy = host1(h0);
          // (not the glide formal text writes after a word in ا or و: جایم, جایش are جا + ی + the clitic)
          // (the word before ی a noun as common as the word in ی, or common in its own right: آبرویش, which the first pass
          // writes for آبروش, is آبرو + یش though آبروی, its ezafe form, is commoner)
          const glide = /[او]ی$/.test(h0) && isNoun(h0.slice(0, -1)) && (f(h0.slice(0, -1)) >= f(h0) || f(h0.slice(0, -1)) >= 20);
          // (nor a common verb's 1st person plural یم: نیستیم, دهیم, گوییم were نیستی‌ام, دهی‌ام, گویی‌ام)
          const stem = h0.slice(0, -1);
          if (out === 'Vم' && ((weight.get(present.get(stem) ?? '') ?? 0) >= COMMON_VERB || (stemWeight.get(stem) ?? 0) >= COMMON_VERB || (pastWeight.get(stem) ?? 0) >= COMMON_VERB || stem === 'نیست' || stem === 'هست')) continue;
          if (hy !== undefined && !glide && hy.endsWith('ی') && isNoun(hy) && f(hy) >= 20 && h0.length > bestLen) {
            take(h0.length, hy + Z + 'ا' + out.slice(1));
            heldY = h0.length;
          }
        }
        // after a word in ه the writer set the clitic off with a ZWNJ: formal text writes ‌اش, ‌ام, ‌ات (حوصله‌م →
        // حوصله‌ام, اندازه‌ش → اندازه‌اش)
        // (in a colloquial line: Seraji's novels write بچه‌م, مدرسه‌م in dialogue)
        else if (h0.endsWith('ه') && cut === h0.length && h0.length >= 3 && known(h0)) {
          take(h0.length, h0 + Z + 'ا' + out.slice(1));
          heldY = h0.length;
        }
        // or after the silent ه chat drops (خانوادت → خانواده‌ات)
        // (not after a common verb's past stem: گفتش, گذاشتش are chat's گفت, گذاشت + ش, said it, put it; they were read as
        // the participle, گفته‌اش, گذاشته‌اش)
        else if (h0.length >= 3 && !/[اوه]$/.test(h0) && !known(h0) && (pastWeight.get(h0) ?? 0) < COMMON_VERB) {
          const hh = host1(h0 + 'ه');
          // (unless the letters before the clitic are the chat spelling, ون for ان, of a word as common that ends in a
          // consonant: گمونم is گمان + م, I think, not گمانه‌ام; نشونم بده → نشانم; the clitic is then glued, as formal
          // text writes it)
          const ha = h0.includes('و') ? firstVariant(h0, (v) => (known(v) ? v : undefined)) : undefined;
          // (nor before م when the word in ه is a common verb's participle: وایسادم is chat's past ایستادم, I stood, the
          // ه no silent one; it was ایستاده‌ام, the table's وایساده + م)
          const participle = hh !== undefined && out === 'Vم' && (pastWeight.get(hh.slice(0, -1)) ?? 0) >= COMMON_VERB;
          if (hh !== undefined && hh.endsWith('ه') && isNoun(hh) && f(hh) >= 20 && !participle) {
            if (ha !== undefined && !/[اوهی]$/.test(ha) && f(ha) >= f(hh)) take(h0.length, ha + out.slice(1));
            else take(h0.length, hh + Z + 'ا' + out.slice(1));
          }
        }
        continue;
      }
      if (!plural && !h0.endsWith('ه') && host1(h0) === undefined && verb(h0) === null) {
        // a chat clitic on a verb form (ندیدشون → ندیدشان, not ندیده + شان): no host to look for
        take(h0.length, h0 + out);
        continue;
      }
      const h = plural ? host1(h0) : host(h0);
      if (h === undefined || (plural && !isNoun(h))) continue;
      // (nor a word the vocabulary has in its own right, about as often as its host, or at all when the host ends in ی:
      // a name, مانگا, کوکا, لیدیا, بریا, not مانگ‌ها; chat's plurals are rare there, روزا is six classes rarer than روز)
      if (plural && f(k) >= OWN_WORD && (f(k) >= f(h) - OWN_WORD_BITS || h.endsWith('ی'))) continue;
      if (plural) take(h0.length, h + (joins(h) ? Z : '') + out.slice(2));
      // (a host in ا that is a far commoner noun + chat's plural ا takes no glide: the plural + the clitic reads)
      else if (chatPlural(h)) continue;
      // after a vowel the clitics take a glide ی (صداشون → صدایشان), after a silent ه a ZWNJ (خانه‌مان)
      else take(h0.length, h + (h.endsWith('ا') || h.endsWith('و') ? 'ی' : h.endsWith('ه') ? Z : '') + out);
    }
    // the object marker glued to a known word (آدامسو, اینکارو) or to a chain (کتاباشونو): و after a consonant, رو
    // after a vowel
    // (not a word whose آ was typed ا: ارزو is آرزو, wish, not ارز را)
    if (object && k.length >= 4 && k.endsWith('و') && !(k.charCodeAt(0) === 0x0627 && known('آ' + k.slice(1)))) {
      for (const rest of /[اوی]رو$/.test(k) ? [k.slice(0, -1), k.slice(0, -2)] : [k.slice(0, -1)]) {
        const a = host1(rest, true);
        // (not a word in ار whose letters before ار are a noun OWN_WORD_BITS commoner: بازیارو is بازی + ا + رو, chat's
        // plural + the object marker, not بازیار, a falconer, + و)
        const plural = !words.has(rest) && rest.endsWith('ار') && rest.length >= 5 && commonerNoun(rest.slice(0, -2), rest);
        if (a !== undefined && !plural && (words.has(rest) || (isNoun(a) && f(a) >= MIN_OBJECT_HOST_FREQ))) take(rest.length, a + ' را');
        else {
          // (a rarer word the lexicon lists that is a host + a clitic, کارش, which the lexicon has from a treebank as a
          // noun, is read so too: کارشو → کارش را; it was left as written)
          const r = known(rest) ? undefined : nominal(rest, false, cut, false);
          if (r !== undefined) take(rest.length - 1, r + ' را');
          else {
            // a known word + a formal clitic (الانمو → الانم را, کتابشو → کتابش را)
            const cl = /(?:مان|تان|شان|م|ت|ش)$/.exec(rest);
            // (with the ZWNJ the writer put before the clitic: ممکنه‌تو → ممکنه‌ت را, as the normalizer would write it)
            if (cl && cl.index >= 2 && known(rest.slice(0, cl.index)) && f(rest.slice(0, cl.index)) >= MIN_OBJECT_HOST_FREQ) take(cl.index, (cut === cl.index ? rest.slice(0, cut) + Z + rest.slice(cut) : rest) + ' را');
          }
        }
      }
    }
    // a formal plural, or a suffix after a silent ه, on a colloquially spelled host (ازمونهای → آزمون‌های, زمونه‌ای →
    // زمانه‌ای)
    const fh = FORMAL_AFTER_H.exec(k);
    if (fh && fh.index >= 3 && !(cut >= 0 && cut !== fh.index)) {
      const h0 = k.slice(0, fh.index);
      const hh = known(h0) ? undefined : host1(h0);
      if (hh !== undefined && hh !== h0 && hh.endsWith('ه')) take(h0.length, hh + Z + fh[0]);
    }
    const fp = FORMAL_PLURAL.exec(k);
    if (fp && fp.index >= 2 && !(cut >= 0 && cut !== fp.index)) {
      const h0 = k.slice(0, fp.index);
      const hh = known(h0) ? undefined : host1(h0);
      if (hh !== undefined && hh !== h0) take(h0.length, hh + (joins(hh) ? Z : '') + fp[0]);
    }
    // chat's 2nd person plural copula ین after one of the treebanks' adjectives, in a word the lexicon lacks (شما خوبین →
    // خوبید, آماده‌این → آماده‌اید); not after تر, where ین makes the superlative (قشنگترین)
    if (k.length >= 5 && k.endsWith('ین') && !known(k) && (cut < 0 || cut === k.length - 2)) {
      const h0 = k.slice(0, -2);
      const h = host1(h0);
      if (h !== undefined && adjectives.has(h) && !/[اوی]$/.test(h) && !h.endsWith('تر') && !known(h + 'ین')) take(h0.length, h.endsWith('ه') ? h + Z + 'اید' : h + 'ید');
    }
    // chat's 3rd person plural copula ن after an adjective (حاضرن → حاضرند, مهربونن → مهربانند); not the plural ان
    // nor the 2nd person ین
    if (k.length >= 4 && k.endsWith('ن') && !/[اوی]ن$/.test(k) && cut < 0) {
      const h0 = k.slice(0, -1);
      const h = host(h0);
      const p = h === undefined ? 0 : (lexicon.get(h) ?? 0);
      // (not after a ه the reading adds: ویژن, a name, was ویژهند)
      // (and after a noun or a rarer adjective the treebanks have, چرتن, نعمتن, معافن, spelled as written or as the
      // word table gives it, in a word the vocabulary lacks (منشن, mention, پلن, plan, are words), whose letters before
      // ن are no verb stem (خونن is chat's خوانند, a verb, not خون + ن; خوابن is left as written); names, آرمن, کونن, are no
      // treebank words, and کونتن is no کانت + ن)
      const noun = (p & (POS_NOUN | POS_ADJ)) !== 0 && (p & POS_PRON) === 0 && (p & POS_GOLD) !== 0 && (h === h0 || words.get(h0) === h);
      if (h !== undefined && !(h.endsWith('ه') && !h0.endsWith('ه')) && (((p & POS_ADJ) !== 0 && f(h) >= MIN_HOST_FREQ) || (noun && f(k) < OWN_WORD && f(h) >= 20 && !verbStem(h0)))) {
        // (written ‌اند where the glued form is a word of its own, مستن is مست‌اند, not مستند, a documentary; and after a
        // silent ه, not one after a vowel letter, سپاه, کوه: شدهن is شده‌اند, was شدهند)
        take(h0.length, known(h + 'ند') || /[^اوی]ه$/.test(h) ? h + Z + 'اند' : h + 'ند');
      }
    }
    // the same after a word in a silent ه, set off with a ZWNJ or glued (افسرده‌ن → افسرده‌اند, شده‌ن → شده‌اند): an
    // adjective, a noun or a past participle
    if (k.length >= 4 && k.endsWith('هن') && (cut < 0 || cut === k.length - 1)) {
      const h0 = k.slice(0, -1);
      const h = host1(h0);
      const pos = h === undefined ? 0 : (lexicon.get(h) ?? 0);
      if (h !== undefined && /[^اوی]ه$/.test(h) && (((pos & (POS_NOUN | POS_ADJ)) !== 0 && f(h) >= 20) || pastStem(h.slice(0, -1)) !== undefined)) take(h0.length, h + Z + 'اند');
    }
    if (best !== undefined) {
      if (heldY === bestLen) heldReading = true;
      return best;
    }
    // a noun + a clitic letter + the copula ه, anywhere in a clause (یادمه وقتی → یادم است وقتی, حقشه, دستته): chat's
    // definite ه never follows a clitic. Not where the letters before ه are a word (خانمه is خانم + ه), nor after a
    // past stem (کردمه, chat's کرده‌ام)
    if (k.length >= 5 && /[^اویه][مشت]ه$/.test(k) && cut < 0) {
      const x = k.slice(0, -2);
      if (known(x) && isNoun(x) && f(x) >= 20 && !known(k.slice(0, -1)) && (pastWeight.get(x) ?? 0) < COMMON_VERB && !pastTo.has(x)) {
        heldReading = true;
        // (the host spelled formally: خیابونشه → خیابانش است)
        return (host1(x) ?? x) + k.slice(-2, -1) + ' است';
      }
    }
    // the copula ه at the end of a clause or before که (برجامه. → برجام است.; اولشه که → اولش است که)
    if (clauseEnd && k.length >= 4 && k.endsWith('ه')) {
      const hh = host(k.slice(0, -1));
      if (hh !== undefined && f(hh) >= MIN_HOST_FREQ) return hh + ' است';
      // (or a comparative of one of the treebanks' adjectives, which the lexicon may lack: بالاتره, کوچیکتره → بالاتر
      // است, کوچکتر است)
      const cmp = comparative(k.slice(0, -1));
      if (cmp !== undefined) return cmp + ' است';
      // (or a noun + the indefinite ی, which the lexicon lacks: جاییه که, چیزیه که → جایی است که, چیزی است که)
      const ind = /(?<=[او])یی$|(?<=[^اوهی])ی$/.exec(k.slice(0, -1));
      // (not a word the vocabulary has in its own right: the place names in یه, قائمیه)
      if (ind !== null && ind.index >= 2 && f(k) < OWN_WORD) {
        const n = host1(k.slice(0, ind.index));
        if (n !== undefined && !n.includes(' ') && isNoun(n) && f(n) >= MIN_HOST_FREQ && /[او]$/.test(n) === (ind[0] === 'یی')) return n + ind[0] + ' است';
      }
    }
    return undefined;
  };

  /** a comparative in تر of one of the treebanks' adjectives, spelled formally (بالاتر, کوچیکتر → کوچک‌تر), or undefined */
  const comparative = (h: string): string | undefined => {
    if (adjectives.has(h) && h.endsWith('تر')) return h;
    if (!h.endsWith('تر') || h.length < 4) return undefined;
    const b = host1(h.slice(0, -2));
    // (set off with a ZWNJ after a joining letter, as formal text writes it: جذاب‌تر)
    return b !== undefined && adjectives.has(b) ? b + (joins(b) ? Z : '') + 'تر' : undefined;
  };

  /**
   * a word read as a verb: a verb form formal text writes (می‌رفت) or a colloquial one that is the word's reading (میرم);
   * not میدون, unknown, which the verb rules would read but whose reading is the noun میدان
   */
  const readsVerb = (w: string): boolean => {
    const v = verb(w);
    if (v === undefined || v === null) return v === null;
    // (a known word with a verb reading counts as a verb: تو نگاه می‌کنی, you look, not در نگاه)
    if (known(w)) return true;
    return peekWord(w, false) === v;
  };

  /**
   * the word after تو (at `at` its end) is a predicate with chat's 2nd person copula ی: one of the treebanks' adjectives
   * (or its comparative) + ی that ends its clause (مرسی تو خوبی؟, تو مهربونی و ...), so تو is you, the subject; not
   * after a verb, where تو is in and the word a noun in ی (نشستم تو تاریکی, sat in the dark), but a verb of saying,
   * asking or knowing, which a clause follows (گفتم تو خوبی؟, SAY_KNOW). Not widened to every verb (دیدم تو ناراحتی, I saw
   * you are sad?): after a verb, تو + a word in ی is in 3 times of 3 in iPerUDT train (دویدم تو پذیرایی, خوش بگذرونید
   * تو دورهمی, and after a verb of saying, میگه تو آشنایی چیزی), and Shekasteh's development half has no verb + تو +
   * predicate; an adjective + ی is as often the noun of its quality (تاریکی, ناراحتی, خوشحالی).
   */
  const toPredicate = (text: string, w: string, at: number, prev: string): boolean => {
    // (a verb with an object clitic is a verb as well: دیدمت, دیدمش, گفتمش as دیدم, گفتم; دیدمت تو خوشحالی had تو, you,
    // where دیدم تو خوشحالی had در)
    const pv = prev === '' || readsVerb(prev) ? prev : objectCliticVerb(prev);
    if (w.length < 4 || !w.endsWith('ی') || (pv !== '' && !SAY_KNOW.test(pv) && readsVerb(pv))) return false;
    const h = w.slice(0, -1);
    const a = adjectives.has(h) ? h : host1(h);
    if (a === undefined || !(adjectives.has(a) || comparative(a) !== undefined)) return false;
    let q = at;
    while (q < text.length && (text.charCodeAt(q) === 0x20 || text.charCodeAt(q) === 0x200c)) q++;
    if (clauseEndsAt(text, q)) return true;
    let e = q;
    while (e < text.length && isWordUnit(text.charCodeAt(e))) e++;
    return CLAUSE_NEXT.has(text.slice(q, e));
  };

  /** a verb + chat's object clitic (دیدمت, دیدمش, دیدمتون): the verb (دیدم); else the word as it is */
  const objectCliticVerb = (w: string): string => {
    for (const c of OBJECT_CLITICS) {
      if (w.length > c.length + 2 && w.endsWith(c) && readsVerb(w.slice(0, -c.length))) return w.slice(0, -c.length);
    }
    return w;
  };

  /** a word whose formal reading (inside a clause or at its end) begins with a known word (داروخونه, تحریمه) */
  const readsKnown = (w: string): boolean =>
    [false, true].some((end) => {
      const x = peekWord(w, end);
      return x !== undefined && known(x.split(' ')[0]!.replaceAll(Z, ''));
    });

  /** formalWord's reading of a word next to the one being read, leaving heldReading as it was */
  const peekWord = (w: string, clauseEnd: boolean): string | undefined => {
    const held = heldReading;
    const r = formalWord(w, clauseEnd);
    heldReading = held;
    return r;
  };

  /**
   * a word in ه read as an adjective + the copula (خوبه → خوب است): the reading formalWord gives it at a clause's end,
   * when that is one of the treebanks' adjectives (FormalData.adjectives) + است; not a word the lexicon lists as a noun
   */
  const adjectiveCopula = (w: string): string | undefined => {
    if (!w.endsWith("ه") || w.includes(Z) || (known(w) && ((lexicon.get(w) ?? 0) & POS_NOUN) !== 0)) return undefined;
    const r = formalWord(w, true);
    if (r === undefined || !r.endsWith(' است')) return undefined;
    const h = r.slice(0, -4);
    return adjectives.has(h) || comparative(h) !== undefined ? r : undefined;
  };

  /** a run of exactly three of one letter inside `w` after a known word of three letters or more ending in two of them */
  const tripleAfterWord = (w: string): boolean => {
    for (let i = 0; i + 3 < w.length; ) {
      const c = w.charCodeAt(i);
      let j = i + 1;
      while (j < w.length && w.charCodeAt(j) === c) j++;
      if (j - i === 3 && j < w.length && j - 1 >= 3 && known(w.slice(0, j - 1))) return true;
      i = j;
    }
    return false;
  };
  /** set by formalWord: its reading holds only in a colloquial line */
  let heldReading = false;
  // formalWord is pure: its answers are kept (up to MEMO_SIZE words, then forgotten all at once)
  const unstretched = (w: string): string => (unstretch(w) === w ? w : stretchReaderOf(lemma)(w));
  const memo = [new Map<string, string | undefined>(), new Map<string, string | undefined>()];
  const memoHeld = [new Set<string>(), new Set<string>()];
  const formalWord = (w: string, clauseEnd: boolean): string | undefined => {
    const k = clauseEnd ? 1 : 0;
    const m = memo[k]!;
    const hit = m.get(w);
    if (hit !== undefined || m.has(w)) {
      heldReading = memoHeld[k]!.has(w);
      return hit;
    }
    // a letter stretched for emphasis (خیلیییی, عالیییی) is typed once in the formal register, then read
    // (in a word stretched elsewhere, a final ی typed three times is stretched too, ی + یی being no reading there:
    // خیییلییی → خیلی, was خیلی‌یی)
    // (on a word of MAX_WORD letters or fewer: no longer one is read, and the anchored pattern stays linear)
    // (not a run of three letters whose first two end a known word and whose third starts what follows: کوشش + شان
    // written glued, کوشششان, was کوشان)
    // (a doubled letter stretched keeps two when that is the word: ببببین → ببین, ممممنون → ممنون; createStretchReader)
    const u0 = w.length <= MAX_WORD && tripleAfterWord(w) ? w : unstretched(w);
    const u = u0 === w || u0.length > MAX_WORD ? u0 : u0.replace(/ی(?:\u200c?ی)+$/, 'ی');
    const r = u === w ? readWord(w, clauseEnd) : (readWord(u, clauseEnd) ?? u);
    if (m.size >= MEMO_SIZE) {
      m.clear();
      memoHeld[k]!.clear();
    }
    m.set(w, r);
    if (heldReading) memoHeld[k]!.add(w);
    return r;
  };
  /** the formal spelling of a word (bare: no ZWNJ, no diacritics), or undefined */
  const readWord = (w: string, clauseEnd: boolean): string | undefined => {
    heldReading = false;
    // no word is this long (a run of letters without spaces): left as written, not searched for readings
    if (w.length > MAX_WORD) return undefined;
    const t = words.get(w);
    if (t !== undefined) return t === w ? undefined : t;
    const k = w.replaceAll(Z, '');
    const h = HELD_WORDS.get(k);
    if (h !== undefined) {
      heldReading = true;
      return h;
    }
    if (k.length < 2) return undefined;
    const t2 = words.get(k);
    if (t2 !== undefined) return t2 === k ? undefined : t2;
    // a word written with a ZWNJ that the lexicon lists so, ZWNJ and all, is a formal compound, not a host + chat's
    // suffixes split elsewhere (بی‌نام, nameless, was بین‌هایم; قلم‌مو, اصلاح‌گرا, بی‌وزن were قلم‌م را, اصلاحگرها, بیوزند);
    // (not after a verb's می / نمی: the lexicon lists a few colloquial verb forms, می‌شماره)
    if (w !== k && known(w) && !/^ن?می\u200c/.test(w)) return undefined;
    const v = verb(k);
    if (v === null) return undefined;
    if (v !== undefined) {
      // (a verb whose می is set off by a ZWNJ, می‌ری, is no lexicon word: میری, a name, is read so only when glued)
      if (known(k) && !(w !== k && /^ن?می\u200c/.test(w))) {
        // a word the lexicon knows (بره lamb, برم, شن sand) is read as a colloquial verb only in a colloquial line,
        // and only as a verb form that is attested (not نگاه → نگاید); a common word never (بدون, میان), except the
        // light verbs without a prefix (کنه, داره)
        const bare = BARE_STEMS.has(k.slice(0, -1)) || BARE_STEMS.has(k.slice(0, -2));
        // (or the infinitive of a colloquially spelled past stem: the lexicons list اومدن as a noun)
        if (!lastInfinitive && ((f(k) >= COMMON_WORD && !bare) || (weight.get(lastStem) ?? 0) < COMMON_VERB)) return undefined;
        heldReading = true;
      }
      return v;
    }
    if (known(k)) {
      // a known word in ه at a clause's end that no treebank has and that is COPULA_BITS rarer than its host: the
      // copula, in a colloquial line (سخته. → سخت است., عالیه ولی → عالی است ولی; سخته, a stroke, and عالیه, high, are
      // words too; زمانه and روزه, which the treebanks have, are left alone)
      if (clauseEnd && k.length >= 4 && k.endsWith('ه') && !w.includes(Z)) {
        const hh = host(k.slice(0, -1));
        if (hh !== undefined && ((lexicon.get(k) ?? 0) & POS_GOLD) === 0 && f(hh) >= MIN_HOST_FREQ && f(hh) - f(k) >= COPULA_BITS) {
          heldReading = true;
          return hh + ' است';
        }
      }
      return undefined;
    }
    // chat's م for هم (also) after a plural clitic (دانشمنداشونم → دانشمندهایشان هم, خودشونم → خودشان هم): the word
    // before it read as a chain that ends in مان / تان / شان (a verb, میتونم, was read above), not as a word of its own
    // other than a pronoun (مهمونم is مهمان + م, my guest, not مهمان هم; خودشان is a pronoun)
    if (k.length >= 6 && /[متش]ونم$/.test(k)) {
      const r = readWord(w.slice(0, -1), false);
      const p = r === undefined ? undefined : lexicon.get(r.replaceAll(Z, ''));
      if (r !== undefined && /[متش]ان$/.test(r) && (p === undefined || (p & POS_PRON) !== 0)) return r + ' هم';
      heldReading = false;
    }
    return nominal(k, clauseEnd, w.indexOf(Z));
  };

  /** the formal spelling of a word (no marks) from the word table and the verb rules only (memoized) */
  const strongMemo = new Map<string, string | undefined>();
  const strongReading = (w: string): string | undefined => {
    if (!w || w.length > MAX_WORD) return undefined;
    if (strongMemo.has(w)) return strongMemo.get(w);
    if (strongMemo.size >= MEMO_SIZE) strongMemo.clear();
    const r = readStrong(w);
    strongMemo.set(w, r);
    return r;
  };
  const readStrong = (w: string): string | undefined => {
    const k = w.replaceAll(Z, '');
    const t = words.get(w) ?? (k === w ? undefined : words.get(k));
    if (t !== undefined) return t === w || t === k ? undefined : t;
    if (k.length < 2 || known(k)) return undefined;
    const v = verb(k);
    if (v !== undefined) return v === null || v === k ? undefined : v;
    // chat's plural clitics مون / تون / شون on a known host (کتابمون → کتابمان, خونمون → خانه‌مان): a typo seldom makes
    // them, ا and و being no neighbours on the keyboard (not in a word with a ZWNJ, which a typo may have split)
    // (the reading a host + the clitic, or chat's plural + the clitic; the host a noun or an adjective, not a function
    // word, راتون, یاتون were رایتان, یایتان, and not a rare one, پنتون was پن + تان)
    if (k === w && k.length >= 5 && /[متش]ون$/.test(k)) {
      heldReading = false;
      const r = nominal(k, false, -1, false);
      const cl = k[k.length - 3] + 'ان';
      if (r === undefined || heldReading || !r.endsWith(cl)) return undefined;
      const before = r.slice(0, -3);
      if (/ا[متش]ون$/.test(k) && /های$/.test(before)) return r;
      const h = host(k.slice(0, -3));
      const p = h === undefined ? 0 : (lexicon.get(h) ?? 0);
      if (h !== undefined && (before === h || before === h + 'ی' || before === h + Z) && (p & (POS_NOUN | POS_ADJ)) !== 0 && !(h.length <= 2 && (p & POS_OTHER) !== 0) && f(h) >= MIN_HOST_FREQ) return r;
    }
    return undefined;
  };

  /**
   * chat's copula ه on an unknown word at a clause's end (چطوره → چطور است, گرونه → گران است): formalWord's clause-end
   * reading when it is a host + است that holds in any line (not a held one: a known word's, یادمه's)
   */
  const copulaAtEnd = (w: string): string | undefined => {
    if (w.length < 4 || w.length > MAX_WORD || !w.endsWith('ه') || w.includes(Z) || known(w)) return undefined;
    const r = formalWord(w, true);
    return r !== undefined && !heldReading && r.endsWith(' است') ? r : undefined;
  };

  /**
   * Register 'auto': whether the line [from, to) reads as colloquial — detectRegister's test, or the same rule (two,
   * or one in up to 12 words) over the words this formalizer reads as colloquial from its table and verb rules
   * (بتونیم, میذاریم, چیزا: not in detectRegister's list)
   */
  const colloquialLine = (text: string, from: number, to: number, rc: { words: number; markers: number }): boolean => {
    if (registerOf(rc) === 'informal') return true;
    let strong = 0;
    for (const m of text.slice(from, to).matchAll(WORD_RUN)) {
      if (strongReading(stripMarks(m[0])) !== undefined && ++strong >= 2) break;
    }
    return registerOf(rc, strong) === 'informal';
  };

  /**
   * how many of the line [from, to)'s words are بهم, بهت, برام or برات (each both a colloquial marker and a formal word). A scan of
   * the line only (an indexOf would look past it, through every later line, each time: quadratic in the text)
   */
  const selfMarkers = (text: string, from: number, to: number): number => {
    let k = 0;
    for (let p = from; p + 3 <= to; p++) {
      if (text.charCodeAt(p) !== 0x0628 || (p > from && isWordUnit(text.charCodeAt(p - 1)))) continue;
      for (const n of [3, 4]) {
        if (p + n <= to && SELF_MARKERS.has(text.slice(p, p + n)) && (p + n === to || !isWordUnit(text.charCodeAt(p + n)))) k++;
      }
    }
    return k;
  };

  const edits = (text: string, protect: Uint8Array, o: FormalizeOptions | undefined): Edit[] => {
    // (a value it does not know is an error, not every line rewritten: { register: 'formal' } did that; a name it does
    // not know, { registr: 'auto' }, is one too)
    if (o !== undefined && o !== null) knownOptions(o, 'formalize', ['register']);
    if (o?.register !== undefined && !(FORMAL_REGISTERS as readonly string[]).includes(o.register)) throw badOption('register', o.register, FORMAL_REGISTERS);
    const auto = o?.register === 'auto';
    const out: Edit[] = [];
    const n = text.length;
    let lineEnd = -1;
    let lineOn = true;
    let ruOn = false;
    // edits that hold only in a colloquial line (رو → را; a past stem + ن at a clause's end → ند): kept back until the
    // line is known to be one — a colloquial marker in it, or another word rewritten
    let held: Edit[] = [];
    let lineEdits = 0;
    const endLine = (): void => {
      if (held.length > 0 && (ruOn || lineEdits > 0)) {
        out.push(...held);
        out.sort((x, y) => x.start - y.start);
      }
      held = [];
      lineEdits = 0;
    };
    // the sentences of another language in the Arabic script (Kurdish, Pashto, Urdu, Arabic: foreignSentences, as the
    // normalizer's letter map leaves them) are no Persian: their words are left as written (Kurdish کەشوهەوا was read as
    // ک + شوه + وا and written کهەشودەوا)
    const foreign = foreignSentences(text);
    const fq = { at: 0 };
    let prevWord = false; // the last thing before this word (spaces aside) was a Persian word
    let prevOther = false; // or a word in another script, digits or a protected token (PDF, ۱۲, a URL, a hashtag)
    let prevText = ''; // that word
    let prevText2 = ''; // and the one before it
    let i = 0;
    while (i < n) {
      if (i > lineEnd) {
        endLine();
        lineEnd = text.indexOf('\n', i);
        if (lineEnd < 0) lineEnd = n;
        const rc = registerCount(text, i, lineEnd);
        lineOn = !auto || colloquialLine(text, i, lineEnd, rc);
        // (بهم and بهت are markers and held words at once: alone they do not make the line colloquial)
        ruOn = rc.markers > 0 && rc.markers > selfMarkers(text, i, lineEnd);
        prevWord = false;
      }
      const c = text.charCodeAt(i);
      if (!isPersianLetter(c) || protect[i] === 1 || (foreign !== null && inCode(foreign, fq, i))) {
        if (c !== 0x20 && c !== 0x200c) {
          prevWord = false;
          prevOther = protect[i] === 1 || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0x06f0 && c <= 0x06f9);
        }
        i++;
        continue;
      }
      let j = i + 1;
      while (j < n && isWordUnit(text.charCodeAt(j)) && protect[j] !== 1) j++;
      let e = j;
      while (e > i && text.charCodeAt(e - 1) === 0x200c) e--;
      // (a word right after @ or # is a mention or a hashtag: a name, kept as written)
      const tagged = i > 0 && (text.charCodeAt(i - 1) === 0x40 || text.charCodeAt(i - 1) === 0x23);
      // (a run of letters longer than any word is left as it is, unread)
      if (lineOn && !tagged && e - i <= 2 * MAX_WORD) {
        const w = stripMarks(text.slice(i, e));
        // what follows: the next word, or the end of a clause (a mark or the line's end)
        let q = j;
        while (q < n && (text.charCodeAt(q) === 0x20 || text.charCodeAt(q) === 0x200c)) q++;
        const nc = q < n ? text.charCodeAt(q) : 0x0a;
        const clauseEnd = clauseEndsAt(text, q);
        let nz = q;
        while (nz < n && isWordUnit(text.charCodeAt(nz))) nz++;
        const nextWord = text.slice(q, nz);
        let r: string | undefined;
        let hold = false;
        if (w === 'تو') {
          // تو before a noun, a demonstrative or a number, not after a preposition: در, in (تو خونه, تو این مورد); else
          // تو, you (تو رفتی, به تو, تو هم, تو خیلی)
          const nk = stripMarks(nextWord).replaceAll(Z, '');
          // (or a word read as a noun: تو داروخونه, تو تحریمه که, which formalizing writes تو داروخانه, تو تحریم است که:
          // formalizing again made those در)
          if (nk.length >= 2 && nk.length <= MAX_WORD && !TO_YOU_NEXT.has(nk) && !TO_YOU_PREV.has(prevText) && !readsVerb(nk) && !toPredicate(text, nk, nz, prevWord ? prevText : '') && (known(nk) || strongReading(nk) !== undefined || readsKnown(nk))) r = 'در';
          hold = true;
        } else if (w === 'ی' && !/[اهوی]$/.test(prevText) && isPersianLetter(nc)) {
          // chat's ی for یه, a (میام ی چیزی), not the ezafe written apart after a vowel (رفتارها ی, خونه ی)
          r = 'یک';
          hold = true;
        } else if (w === 'فک' && /^(?:ن?می\u200c?)?(?:کن|کرد)/.test(nextWord)) {
          // فک (jaw) before کردن: chat's فکر (فک میکنم)
          r = 'فکر';
        } else if (w === 'پاشو' && (clauseEnd || GET_UP_NEXT.has(nextWord))) {
          // chat's پا شو (get up!) before an imperative or at a clause's end; elsewhere پایش را (پاشو اینجا گذاشته)
          r = 'پا شو';
        } else if (w === 'رو') {
          // را between two words, also before به: in chat, X رو به Y is X را به Y far more often than رو به, facing
          // (which begins its clause: رو به دیوار ایستاد). (After a verb it can be روی, on: گذاشتم رو میز; reading it
          // so there made the development half worse, CER 4.71 -> 4.74)
          // (after a word in Latin letters, digits or a link too, as after a Persian one: فایل PDF رو فرستادم, نسخه ۱۲ رو)
          if ((prevWord || prevOther) && isPersianLetter(nc)) r = 'را';
          hold = true;
        } else {
          // (the copula ه also before a word that begins a clause: عالیه ولی → عالی است ولی)
          r = formalWord(w, clauseEnd || CLAUSE_NEXT.has(nextWord));
          hold = heldReading;
          // (the copula ه on an adjective inside a clause too, before a word that begins the next one without a comma:
          // خیلی خوبه الان, سخته من بخوام → خوب است, سخت است; in a colloquial line, not before را / رو, where the ه is
          // chat's definite article, بزرگه رو بده)
          if (r === undefined && !clauseEnd && nextWord !== '' && !NOT_AFTER_COPULA.has(nextWord)) {
            r = adjectiveCopula(w);
            if (r !== undefined) hold = true;
          }
          // (a word in ه right after a number is an adjective in ه, not a host + the copula: ۲ خوابه, two-bedroom, سه
          // نفره, پنج ساله; ۲ خوابه had become ۲ خواب است)
          if (r !== undefined && r.endsWith(' است') && w.endsWith('ه') && AFTER_NUMBER.test(text.slice(Math.max(0, i - 12), i))) r = undefined;
          // (a letter before a dot is an initial, م. رضایی: not chat's ک or ب; nor ک before a lone ی, کی typed apart)
          if (w.length === 1 && (text.charCodeAt(j) === 0x2e || nextWord === 'ی')) r = undefined;
          // (a word before است is no verb: حس بدی است keeps بدی; nor one before a form of داشتن or بودن: تیم بدی نداشتیم,
          // اعتیاد بدی داشتم, چیز بدی نیست keep بدی, bad, where بدی was بدهی; بیاد داشته باشید is به یاد; not داشتن's own
          // forms: ط4 دارن باشه)
          // (nor one right after a preposition, which takes a noun: از بدی صدام, badness, was بدهی)
          if (hold && r !== undefined && prevWord && AFTER_PREPOSITION.has(prevText) && verb(w.replaceAll(Z, '')) === r && !lastInfinitive) r = undefined;
          if (hold && (nextWord === 'است' || (r !== undefined && (HAVE_BE.test(nextWord.replaceAll(Z, '')) || LIGHT_VERB.test(nextWord.replaceAll(Z, ''))) && verb(w.replaceAll(Z, '')) === r && !BARE_STEMS.has(lastStem)))) r = undefined;
          // (after the subject ما, or ما هم, a word in یم is the predicate + the 1st person plural copula, as formal text
          // writes it: ما خوبیم, we are good; ما هم انسانیم; not a word in ی + the clitic ‌ام, خوبی‌ام, انسانی‌ام)
          if (hold && r !== undefined && prevWord && (prevText === 'ما' || (prevText === 'هم' && prevText2 === 'ما')) && w.endsWith('یم') && r.endsWith(Z + 'ام')) r = undefined;
          // (شبا after شماره or before an IBAN is the Iranian IBAN's name, not chat's شب‌ها, nights: شماره شبا, شبا: IR…)
          // (and so is شبا joined by یا or و to another way to pay, a card or an account: کارت به کارت یا شبا؟, شبا یا
          // کارت; not شبا و روزا)
          if (w === 'شبا' && ((prevWord && prevText === 'شماره') || /^[ :]*IR\d/i.test(text.slice(j, j + 8)) || ibanPeer(text, nz, nextWord, prevWord ? prevText : '', prevText2))) r = undefined;
          // (بدم before a form of آمدن is بد + م, I dislike: بدم میاد, از خودم بدم اومد)
          if (w === 'بدم' && COME_VERB.test(nextWord)) r = undefined;
          // (بهم before ریختن, خوردن, پیوستن, چسبیدن is به هم, each other: همه چی بهم ریخت)
          if (w === 'بهم' && EACH_OTHER_VERB.test(nextWord.replaceAll(Z, ''))) r = 'به هم';
          if ((clauseEnd || CLAUSE_NEXT.has(nextWord)) && prevWord) {
            // a past stem + ن ending a clause (or before که) after another word: chat's 3rd person plural (پیدا
            // کردن. → کردند)
            const k = (r ?? w).replaceAll(Z, '');
            if (k.endsWith('ن') && past.has(k.slice(0, -1))) {
              r = k + 'د';
              hold = true;
            }
          }
        }
        if (r !== undefined && r !== text.slice(i, e)) {
          if (hold) held.push({ start: i, end: e, text: r, kind: 'register' });
          else {
            out.push({ start: i, end: e, text: r, kind: 'register' });
            lineEdits++;
          }
        }
      }
      prevWord = true;
      prevOther = false;
      prevText2 = prevWord ? prevText : '';
      prevText = text.slice(i, e);
      i = j;
    }
    endLine();
    return out;
  };

  const formalizeAligned = (input: string | AlignedText, o?: FormalizeOptions): AlignedText => {
    // (a value that is neither was "Cannot read properties of null (reading 'text')", 5 a TypeError deeper in)
    if (typeof input !== 'string' && !(input instanceof AlignedText)) throw badText(input, 'formalizeAligned', 'the text (or an AlignedText)');
    const a = typeof input === 'string' ? AlignedText.from(input, scanProtected(input)) : input;
    return applyEdits(a, edits(a.text, a.protect, o));
  };

  return {
    // (without the alignment map: the same edits, applied to the string alone)
    formalize: (text, o) => {
      const protect = scanProtected(checked(text));
      return applyEditsPlain({ text, protect }, edits(text, protect, o)).text;
    },
    formalizeAligned,
    word: (form) => {
      const w = stripMarks(String(form)).trim();
      const r = w ? formalWord(w, false) : undefined;
      return r === w ? undefined : r;
    },
    colloquialWord: (form, clauseEnd) => {
      const w = stripMarks(String(form)).trim();
      const r = strongReading(w);
      return r !== undefined || clauseEnd !== true ? r : copulaAtEnd(w);
    },
  };
}

/** formalize + normalize rounds after the first normalization, at most (one is enough for nearly every text) */
const RENORMALIZE_ROUNDS = 3;

/**
 * Normalize, formalize, and normalize again where the formalizer rewrote a word: the normalizer's half-space step read
 * the colloquial spelling (`خونه اش`, `رنگین کمون`, `تکان دهنده‌ست`), and the formal one it became takes its
 * ZWNJ only on a second look (`خانه‌اش`, `رنگین‌کمان`, `تکان‌دهنده است`) — which made formalize not idempotent (15 of
 * 6,417 tweets changed again when formalized twice). A normalization that changes the text may in turn show the
 * formalizer a word it could not read (`می ام`, kept apart beside a word with a ZWNJ, joined once that word was
 * rewritten: `می‌ام` → `می‌آیم`), so the two alternate until the normalizer changes nothing, RENORMALIZE_ROUNDS times
 * at most. A text the formalizer leaves as it is is normalized once. The alignment map and the changes go back to the
 * input through every step.
 */
export function normalizeFormalizeAligned(fz: Formalizer, nz: Normalizer, text: string, options: { normalize?: NormalizeOptions | undefined; formalize?: FormalizeOptions | undefined } = {}): AlignedText {
  modelsAndOptions(fz, nz, options, 'normalizeFormalizeAligned');
  let a = nz.normalizeAligned(text, options.normalize);
  for (let round = 0; ; round++) {
    const f = fz.formalizeAligned(a, options.formalize);
    if (f.text === a.text) return f;
    const again = nz.normalizeAligned(f.text, options.normalize);
    if (again.text === f.text) return f;
    // the second normalization's changes, in the formalized text's coordinates, as edits on it
    a = applyEdits(f, again.changes().map((c): Edit => ({ start: c.start, end: c.end, text: c.after, kind: c.kind })));
    if (round === RENORMALIZE_ROUNDS - 1) return a;
  }
}

/**
 * The arguments of normalizeFormalize(Aligned) but the text (the normalizer checks it): null or a string for a model
 * was "Cannot read properties of null (reading 'normalizeAligned')" or, a string having a normalize method, a
 * RangeError "The normalization form should be one of NFC, NFD, NFKC, NFKD"; null options a TypeError.
 */
function modelsAndOptions(fz: unknown, nz: unknown, options: unknown, fn: string): void {
  modelArgument(fz, 'formalizeAligned', fn, 'createFormalizer', 'createFormalizer({ formal, lemma }) (data/formal.json, data/lemma.bin)');
  modelArgument(nz, 'normalizeAligned', fn, 'createNormalizer', 'createNormalizer({ halfSpace: HalfSpaceModel.fromBytes(the bytes of data/halfspace.bin) })');
  knownOptions(options as object, fn, ['normalize', 'formalize']);
}

/** `normalizeFormalizeAligned` without the alignment map. */
export function normalizeFormalize(fz: Formalizer, nz: Normalizer, text: string, options: { normalize?: NormalizeOptions | undefined; formalize?: FormalizeOptions | undefined } = {}): string {
  modelsAndOptions(fz, nz, options, 'normalizeFormalize');
  let a = nz.normalize(text, options.normalize);
  for (let round = 0; ; round++) {
    const f = fz.formalize(a, options.formalize);
    if (f === a) return f;
    const again = nz.normalize(f, options.normalize);
    if (again === f || round === RENORMALIZE_ROUNDS - 1) return again;
    a = again;
  }
}

function checked(text: string): string {
  if (typeof text !== 'string') {
    throw badText(text, 'formalize');
  }
  return text;
}

/** the word without diacritics (tanvin, short vowels, the hamza above of an ezafe) */
function stripMarks(w: string): string {
  let out = '';
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (!(c >= 0x064b && c <= 0x065f) && c !== 0x0670) out += w[i];
  }
  return out;
}

/**
 * The first spelling of `s` with one colloquial ون / وم read as ان / ام (the lemmatizer's formalVariants) that `ok`
 * accepts (خونه → خانه).
 */
function firstVariant(s: string, ok: (v: string) => string | undefined): string | undefined {
  for (const v of formalVariants(s, { vaan: false })) {
    const r = ok(v);
    if (r !== undefined) return r;
  }
  return undefined;
}
