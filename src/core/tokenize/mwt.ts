/**
 * Multi-word tokens, the way the UD Persian treebanks split them: a clitic pronoun, copula or object marker written
 * together with its host (`اختیارش` = `اختیار` + `ش`, `انسانی‌اند` = `انسانی‌` + `اند`, `مرا` = `م` + `را`).
 * Learned from the treebanks' MWT lines (scripts/train-tokenizer.ts): exact forms first, then the learned clitics
 * after a host that the lexicon or the treebanks know, for forms the lexicon does not. The parts concatenate back to
 * the token, except for the ZWNJ between host and clitic, which the Seraji and iPerUDT schemes leave out of the words
 * in places (`options.hostZwnj`).
 */
import { badText, DabirError, optionsObject } from '../errors.js';
import { parseNumber } from '../numbers/index.js';
import { hasStretch, stretchedRun, unstretchRuns } from '../chars.js';

const PLURALS = ['های', 'ها', 'ان', 'ات'];

/** harakat, tanwin, shadda, sukun and the superscript alef: the vowel signs of a word written with its vowels */
function isVowelMark(c: number): boolean {
  return (c >= 0x064b && c <= 0x0652) || c === 0x0670;
}

function withoutVowelMarks(form: string): string {
  let k = 0;
  while (k < form.length && !isVowelMark(form.charCodeAt(k))) k++;
  if (k === form.length) return form;
  let out = form.slice(0, k);
  for (; k < form.length; k++) if (!isVowelMark(form.charCodeAt(k))) out += form[k];
  return out;
}

/**
 * A word written with its vowels (کِتاب‌هایَش) is split as it is without them (کتاب‌های + ش): the parts of the bare form
 * cut from the form as written, each letter with the marks after it (کِتاب‌های + َش); a ZWNJ the scheme leaves out of a
 * part is left out. Null when the parts are no such cut (a letter the scheme adds): the word stays whole, as before.
 */
function withMarks(form: string, parts: string[] | null): string[] | null {
  if (parts === null) return null;
  const n = form.length;
  const out: string[] = [];
  let o = 0;
  for (const part of parts) {
    let s = '';
    for (let k = 0; k < part.length; k++) {
      while (o < n && isVowelMark(form.charCodeAt(o))) s += form[o++];
      if (o < n && form.charCodeAt(o) === 0x200c && part.charCodeAt(k) !== 0x200c) o++;
      if (o >= n || form.charCodeAt(o) !== part.charCodeAt(k)) return null;
      s += form[o++];
      while (o < n && isVowelMark(form.charCodeAt(o))) s += form[o++];
    }
    out.push(s);
  }
  return o === n && out.every((x) => x.length > 0) ? out : null;
}
const GLIDE_CLITICS = ['یمان', 'یتان', 'یشان', 'یم', 'یت', 'یش'];
/** before these formal possessives iPerUDT keeps the ZWNJ on the host (گوشی‌ + اش: 42 of 47), before the others not */
const ZWNJ_STAYS = new Set(['اش', 'ش', 'مان', 'تان', 'شان']);
/** the person endings of the copula and the perfect (ام also a possessive) */
const PERSON_ENDINGS = new Set(['ام', 'ای', 'ایم', 'اید', 'اند']);
/** informal text (iPerUDT): a participle + person ending, and the object clitics a verb takes */
const PERFECT = new RegExp(`^(.+ه\u200c?)(${[...PERSON_ENDINGS].join('|')})$`);
const OBJECT_CLITICS = ['شون', 'شان', 'تون', 'تان', 'مون', 'مان', 'ش'];
/** possessives split after a nominal host of the treebanks whatever the verb lexicon says (not مان: مرد + ان) */
const NOMINAL_POSSESSIVES = ['شان', 'تان', 'ش', 'ت', 'م'];
/** possessives split after a host in ی made of a known word (not م: آزادیم is also آزاد + یم) */
const AFTER_Y = new Set(['ش', 'ت', 'شان', 'تان', 'مان']);
/** clitics that may follow a pronoun clitic (informal را, است, هم) and the pronoun clitics they follow */
const CHAIN_OUTER = new Set(['و', 'رو', 'ه', 'م']);
/** informal: after a host with an exact split also the copula ن, "they are" (خودشونن = خود + شون + ن) */
const EXACT_CHAIN_OUTER = [...CHAIN_OUTER, 'ن'];
const PRONOUN_CLITICS = new Set(['م', 'ت', 'ش', 'مان', 'تان', 'شان', 'مون', 'تون', 'شون']);
/**
 * informal text (iPerUDT): a determiner written with a ZWNJ before a noun is a word of its own (همین‌جا = همین + جا,
 * هیچ‌وقت, این‌طوری, آن‌جایی‌ست = آن + جایی + ست: all 33 such tokens of iPerUDT train), but not before the plural, قدر,
 * چه, که or a clitic (این‌ها, آن‌قدر, آن‌چه, آن‌که stay whole). Not یک (یک‌بار, یک‌شبه: 5 split, 3 whole). Also فلان (فلان‌جا,
 * فلان‌حرف: 2 of 2 in the last 20%, absent from the first 80%).
 */
const DETERMINERS = new Set(['این', 'آن', 'اون', 'همین', 'همان', 'همون', 'هیچ', 'هر', 'فلان']);
const NOT_AFTER_DETERMINER = /^(?:ها|قدر|چه$|که$|ی$|ای$|اش$|ام$|ات$)/;
/**
 * informal text (iPerUDT): a preverb is a word of its own in a verb (برمی‌گرده = بر + می‌گرده; iPerUDT train splits 45
 * of its preverb verbs, keeps about 4 whole)
 */
const PREVERBS = ['بر', 'در', 'باز', 'فرو', 'وا'];
/** the longest form the informal determiner and preverb rules read (longer tokens are no such words) */
const MAX_INFORMAL_FORM = 40;
/**
 * The clitics that are bound forms (pronouns, the copula and person endings, the object marker). A learned clitic not
 * among them is a word of its own that the informal treebank writes glued to a few hosts (چند + تا, این + طور, به + خاطر,
 * این + که): see MwtSplitter.freeHostOk.
 */
const BOUND_CLITICS = new Set([...PRONOUN_CLITICS, ...PERSON_ENDINGS, ...GLIDE_CLITICS, 'اش', 'ات', 'ست', 'ند', 'رو', 'را', 'ین']);
/** possessives that exist only with the glide (یم is also the copula "we are", after any host: بالغ‌تر + یم) */
const GLIDE_ONLY = new Set(['یمان', 'یتان', 'یشان', 'یت', 'یش']);

/**
 * Position of the ZWNJ before a clitic set off by it (X‌اش, X‌ات; Xی‌ام, Xی‌اند, Xی‌ایم, Xی‌اید), or -1. The host has
 * two letters at least and is not the number سی (سی‌ام = thirtieth).
 */
function zwnjClitic(form: string): number {
  const z = form.lastIndexOf('\u200c');
  if (z < 2 || z === form.length - 1) return -1;
  const c = form.slice(z + 1);
  if (c === 'اش' || c === 'ات') return form.charCodeAt(z - 1) === 0x200c ? -1 : z;
  if (c !== 'ام' && c !== 'اند' && c !== 'ایم' && c !== 'اید') return -1;
  if (form.charCodeAt(z - 1) !== 0x06cc) return -1;
  const host = form.slice(0, z);
  if (host === 'سی' || host.endsWith('\u200cسی')) return -1;
  return z;
}

/**
 * informal (iPerUDT): the glide ی after a host in ا or و belongs to the host, not to the clitic (صدای + ش, غذای + شان,
 * جلوی + ت: 14 of the 17 such splits of the first 80% of its train part; PerDT and Seraji write صدا + یش)
 */
function glideOnHost(r: string[]): string[] {
  for (let k = 1; k < r.length; k++) {
    const h = r[k - 1]!;
    if (GLIDE_ONLY.has(r[k]!) && /[او]$/.test(h)) return [...r.slice(0, k - 1), h + 'ی', r[k]!.slice(1), ...r.slice(k + 1)];
  }
  return r;
}

export interface MwtData {
  /** token form → its parts (learned from treebank MWT lines) */
  split: Record<string, string[]>;
  /** forms seen in the treebanks as one word although they end like a clitic */
  keep: string[];
  /** clitics that may be split from an unknown form, longest first, with the host's required final letters */
  clitics: { clitic: string; count: number }[];
  /**
   * nominal hosts: words a clitic may follow beyond the lexicon, and after which a possessive is split even where the
   * form also reads as a verb (formal: the treebanks' nouns and adjectives, کار in کارم; informal adds جون, خونه)
   */
  hosts?: string[];
  /** hosts after which a person ending set off by a ZWNJ is the copula (آماده‌ایم): the nominal hosts but participles of the treebanks' verbs */
  copulaHosts?: string[];
}

export interface Lexicon {
  /** true when the form is a known word (lemma-level lexicon), e.g. کتاب, آرامش */
  isWord(form: string): boolean;
  /** true when the form is a verb form or a past participle (ساختند, بمانیم, گفته): its ending is not a clitic */
  isVerb?(form: string): boolean;
  /** how often the form is written as a word of its own in correct text (0 when unknown) */
  count?(form: string): number;
}

export class MwtSplitter {
  private readonly split: Map<string, string[]>;
  private readonly keep: Set<string>;
  private readonly clitics: string[];
  private readonly lex: Lexicon | undefined;
  private readonly memo = new Map<string, string[] | null>();
  /** the informal scheme's determiner and preverb splits of a form (null: neither applies) */
  private readonly informalMemo = new Map<string, string[] | null>();

  /** clitics before which the ZWNJ ending a host is dropped (empty: always kept) */
  private readonly dropBefore: (clitic: string) => boolean;
  /** the host always keeps its ZWNJ (PerDT): the parts are returned as they are, without a copy */
  private readonly keepZwnj: boolean;

  /**
   * `options.verbClitics` (iPerUDT): a perfect verb is participle + person ending (نشسته‌ام = نشسته + ام) and a verb
   * takes object clitics (گرفتش = گرفت + ش, ندیدمشون = ندیدم + شون); PerDT and Seraji keep both whole.
   * `options.hostZwnj`: where the ZWNJ between host and clitic goes. 'keep' (PerDT: `انسانی‌` + `اند`, the words
   * concatenate back to the token); 'informal' (iPerUDT: `همه` + `شون` for `همه‌شون`, the ZWNJ belongs to no word,
   * except before the formal possessives اش ش مان تان شان: `گوشی‌` + `اش`); 'seraji' (dropped before ات only:
   * `خاطره` + `ات`, 7 of 7 in Seraji's train range).
   */
  private readonly verbClitics: boolean;
  private readonly hosts: Set<string>;
  private readonly copulaHosts: Set<string>;
  /** per clitic that is a word of its own (not in BOUND_CLITICS): the hosts the split table shows before it */
  private readonly freeHosts = new Map<string, Set<string>>();

  constructor(data: MwtData, lex?: Lexicon, options: { hostZwnj?: 'keep' | 'informal' | 'seraji'; verbClitics?: boolean } = {}) {
    options = optionsObject(options, 'multi-word token'); // (null was "Cannot read properties of null (reading 'hostZwnj')")
    const hz = options.hostZwnj ?? 'keep';
    this.keepZwnj = hz === 'keep';
    this.dropBefore = hz === 'informal' ? (c) => !ZWNJ_STAYS.has(c) : hz === 'seraji' ? (c) => c === 'ات' : () => false;
    this.verbClitics = options.verbClitics === true;
    const d = data as Partial<MwtData> | null;
    if (d === null || typeof d !== 'object' || d.split === null || typeof d.split !== 'object' || !Array.isArray(d.keep) || !Array.isArray(d.clitics)) {
      throw new DabirError('E_RESOURCE_CORRUPT', 'multi-word token data: not an mwt.json of this version (split, keep, clitics)', 'rebuild it with `npm run train:tokenizer` or reinstall dabir');
    }
    this.split = new Map(Object.entries(data.split));
    this.hosts = new Set(data.hosts ?? []);
    this.copulaHosts = new Set(data.copulaHosts ?? []);
    this.keep = new Set(data.keep);
    this.clitics = data.clitics.map((c) => c.clitic).sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
    this.lex = lex;
    for (const c of this.clitics) this.cliticLast.add(c.charCodeAt(c.length - 1));
    for (const k of this.split.keys()) this.exactLast.add(k.charCodeAt(k.length - 1));
    for (const c of this.clitics) if (c.length >= 2 && !BOUND_CLITICS.has(c)) this.freeHosts.set(c, new Set());
    for (const [form, parts] of this.split) {
      const hs = this.freeHosts.get(parts[parts.length - 1]!);
      if (hs === undefined || parts.length !== 2) continue;
      const h = parts[0]!.endsWith('\u200c') ? parts[0]!.slice(0, -1) : parts[0]!;
      if (form.startsWith(h)) hs.add(h);
    }
  }

  /**
   * A clitic that is a word of its own (the classifier تا, طور, جوری, خاطر, که) splits off only after a host the split
   * table shows before it (چند, این, به), a determiner (اون + طوری) or a number (سه + تا): after any known word it cut
   * chat plurals of words in ت (قیمتا, دستا = قیمت, دست + ا) into قیم + تا, دس + تا. True for the bound clitics.
   */
  private freeHostOk(c: string, host: string): boolean {
    const hs = this.freeHosts.get(c);
    if (hs === undefined) return true;
    return hs.has(host) || DETERMINERS.has(host) || parseNumber(host)?.form === 'cardinal';
  }

  /** last letters of the learned clitics: a form ending otherwise can only be split by an exact entry */
  private readonly cliticLast = new Set<number>();
  private readonly exactLast = new Set<number>();

  /** The parts of a word token, or null when it is one syntactic word. */
  parts(form: string): string[] | null {
    if (typeof form !== 'string') throw badText(form, 'parts', 'the word'); // (null was "Cannot read properties of null (reading 'length')")
    // a clitic stretched for emphasis at the word's end (ممنونممممم, کتابشششش): split as the form with it typed once
    // (ممنونم = ممنون + م), the stretch kept on the clitic so the parts still make the token (it stayed whole, and its
    // lemma was ممنونم where ممنونم's host is ممنون)
    const n = form.length;
    if (n >= 5 && form.charCodeAt(n - 1) === form.charCodeAt(n - 2) && form.charCodeAt(n - 2) === form.charCodeAt(n - 3) && !this.split.has(form)) {
      const c = form.charCodeAt(n - 1);
      let k = n - 3;
      while (k > 0 && form.charCodeAt(k - 1) === c) k--;
      if (k > 0 && stretchedRun(c, n - k, true)) {
        const p = this.parts(form.slice(0, k + 1));
        const lastPart = p?.[p.length - 1];
        if (p && p.length >= 2 && lastPart !== undefined && lastPart.charCodeAt(lastPart.length - 1) === c) return [...p.slice(0, -1), lastPart + form.slice(k + 1)];
      }
    }
    // (the two informal rules only for forms of a word's length: a determiner compound is split recursively, and a
    // token of "همین‌" a hundred thousand times over must not recurse that deep)
    if (this.verbClitics && form.length <= MAX_INFORMAL_FORM && !this.split.has(form)) {
      let d = this.informalMemo.get(form);
      if (d === undefined) {
        d = this.determinerCompound(form) ?? this.preverbVerb(form) ?? this.infinitiveCompound(form);
        if (this.informalMemo.size > 100_000) this.informalMemo.clear();
        this.informalMemo.set(form, d);
      }
      if (d !== null) return d;
    }
    const last = form.charCodeAt(form.length - 1);
    if (!this.cliticLast.has(last) && !isVowelMark(last)) {
      if (!this.exactLast.has(last)) return null;
      const exact = this.split.get(form);
      if (exact !== undefined) return this.dropped(exact);
      // (a word of the exact table written with its vowels, as a textbook writes it: مَرا as مرا, م + را; it stayed
      // one word, tagged ADP)
      const bare = withoutVowelMarks(form);
      return bare === form ? null : withMarks(form, this.dropped(this.split.get(bare) ?? null));
    }
    const hit = this.memo.get(form);
    if (hit !== undefined) return hit;
    const bare = withoutVowelMarks(form);
    const r = bare !== form ? (bare.length > 0 ? withMarks(form, this.parts(bare)) : null) : (this.dropped(this.compute(form)) ?? this.stretchedParts(form));
    if (this.memo.size > 100_000) this.memo.clear();
    this.memo.set(form, r);
    return r;
  }

  /**
   * A word with a letter stretched for emphasis inside it (عاااشقتم, متنفرررررم, دوووستت), which no split reads as
   * written: split as the form with every stretch typed once (عاشقتم = عاشق + ت + م), each stretch kept in the part
   * that holds it, so the parts still make the token (عاااشق + ت + م, as iPerUDT writes عاشششق + ش + م and
   * متنفرررر… + م). It stayed one word: a PROPN with the lemma عاشقتم. Null when there is no stretch or no split.
   */
  private stretchedParts(form: string): string[] | null {
    if (form.length > MAX_INFORMAL_FORM || !hasStretch(form)) return null;
    const u = unstretchRuns(form);
    if (u.text.length < 2 || u.text === form) return null;
    const p = this.parts(u.text);
    if (p === null || p.length < 2) return null;
    const out: string[] = [];
    let at = 0;
    for (const part of p) {
      // (a ZWNJ between host and clitic that the scheme leaves out of both words)
      if (!u.text.startsWith(part, at) && u.text.charCodeAt(at) === 0x200c) at++;
      if (part.length === 0 || !u.text.startsWith(part, at)) return null;
      out.push(form.slice(at === 0 ? 0 : u.ends[at - 1]!, u.ends[at + part.length - 1]!));
      at += part.length;
    }
    return at === u.text.length ? out : null;
  }

  /**
   * informal scheme: a determiner + ZWNJ + noun as two words (DETERMINERS), the noun split in turn; else null (forms
   * with an exact entry do not come here)
   */
  private determinerCompound(form: string): string[] | null {
    const z = form.indexOf('\u200c');
    if (z < 2 || z > 4 || !DETERMINERS.has(form.slice(0, z))) return null;
    const rest = form.slice(z + 1);
    if (rest.length < 2 || rest.charCodeAt(0) === 0x200c || NOT_AFTER_DETERMINER.test(rest)) return null;
    return this.dropped([form.slice(0, z + 1), ...(this.parts(rest) ?? [rest])]);
  }

  /**
   * informal scheme: a verb with a preverb is two words, the preverb and the verb (برمی‌گرده = بر + می‌گرده,
   * برگشتم = بر + گشتم), as iPerUDT writes it; else null
   */
  private preverbVerb(form: string): string[] | null {
    const verb = this.lex?.isVerb;
    if (!verb) return null;
    for (const p of PREVERBS) {
      if (!form.startsWith(p)) continue;
      let host = p;
      let rest = form.slice(p.length);
      if (rest.charCodeAt(0) === 0x200c) {
        host += '\u200c';
        rest = rest.slice(1);
      }
      // the rest a verb form of four letters or more (not بردم = بر + دم, برسم), and either progressive (برمی‌گرده) or
      // the whole no word of the lexicon (برگردی, but not برداشت, a noun too)
      if (rest.length < 4 || !verb(rest)) continue;
      if (!rest.startsWith('می') && !rest.startsWith('نمی') && this.lex!.isWord(form.replaceAll('\u200c', ''))) continue;
      return this.dropped([host, rest]);
    }
    return null;
  }

  /**
   * informal scheme: a word + ZWNJ + an infinitive (or its plural) is two words, as iPerUDT writes such compound verbs
   * (لنگ‌زدن = لنگ + زدن, عمل‌کردن, چیزی‌بودن: 3 of 3 in the first 80% of its train part; زمین‌خوردن‌ها = زمین +
   * خوردن‌ها); else null. Not a word the lexicon lists whole.
   */
  private infinitiveCompound(form: string): string[] | null {
    const lex = this.lex;
    if (!lex?.isVerb) return null;
    const z = form.indexOf('\u200c');
    if (z < 2) return null;
    const first = form.slice(0, z);
    const rest = form.slice(z + 1);
    const inf = rest.replace(/\u200c?ها$/, '');
    if (inf.length < 3 || !inf.endsWith('ن') || inf.includes('\u200c') || !lex.isVerb(inf.slice(0, -1))) return null;
    if (first === 'می' || first === 'نمی' || lex.isVerb(first) || !(lex.isWord(first) || this.hosts.has(first))) return null;
    if (lex.isWord(form) || lex.isWord(form.replaceAll('\u200c', ''))) return null;
    return this.dropped([form.slice(0, z + 1), rest]);
  }

  /** the parts with a ZWNJ at the end of a host removed, when the scheme wants it so */
  private dropped(r: string[] | null): string[] | null {
    if (r === null || this.keepZwnj) return r;
    if (this.verbClitics) r = glideOnHost(r);
    // (a loop, not r.map: the map that TurboFan inlines makes a holey array, which the tokenizer's optimized code, built
    // on the packed arrays of every other path, met as a 'wrong map' and was thrown away and rebuilt)
    const out: string[] = [];
    for (let k = 0; k < r.length; k++) {
      const p = r[k]!;
      out.push(k < r.length - 1 && p.length > 1 && p.charCodeAt(p.length - 1) === 0x200c && this.dropBefore(r[k + 1]!) ? p.slice(0, -1) : p);
    }
    return out;
  }

  /**
   * a known word, or a known noun/adjective with a plural suffix (کتاب‌های، کتابهای، درختان). The suffix must be
   * written whole, glued or after a ZWNJ: in داده‌ا (from داده‌ایم) the letters ه‌ا are not the plural ها.
   */
  private isHost(w: string, chatPlural = false): boolean {
    const lex = this.lex!;
    if (lex.isWord(w) || this.hosts.has(w)) return true;
    for (const suf of PLURALS) {
      if (w.length <= suf.length + 1 || !w.endsWith(suf)) continue;
      let stem = w.slice(0, w.length - suf.length);
      if (stem.endsWith('\u200c')) stem = stem.slice(0, -1);
      // (a stem whose last piece is one letter is no stem: بی‌نهای is not بی‌ن + های)
      if (stem.length - stem.lastIndexOf('\u200c') - 1 < 2) continue;
      if (stem.length >= 2 && lex.isWord(stem.replaceAll('\u200c', ''))) return true;
    }
    // informal, before a pronoun clitic: the chat plural in ا after a consonant (پستا + تون, from پست; not جادوگرا + ن)
    if (chatPlural && this.verbClitics && w.length >= 4 && w.endsWith('ا') && !/[اوهی\u200c]$/.test(w.slice(0, -1))) {
      const stem = w.slice(0, -1);
      if (lex.isWord(stem) || this.hosts.has(stem)) return true;
    }
    // a comparative of a known adjective (بالغ‌تر + یم, بزرگتر + ند)
    if (w.length >= 4 && w.endsWith('تر')) {
      let stem = w.slice(0, -2);
      if (stem.endsWith('\u200c')) stem = stem.slice(0, -1);
      // (a stem of three letters at least: باتریش is باتری + ش, not با + تر + یش)
      if (stem.length >= 3 && lex.isWord(stem)) return true;
    }
    return false;
  }

  /**
   * The host is written alone at least as often as the whole form (کار 800 times, کارم 10): a form that is itself the
   * commoner word (عمارت against the name عمار, ترم against تر) is a word of its own, not host + clitic.
   */
  private commonerHost(host: string, form: string): boolean {
    const count = this.lex?.count;
    if (!count) return true;
    const f = count(form);
    return f === 0 || count(host) >= f;
  }

  /**
   * informal: the object marker و/رو, copula ه or ن, or "too" م after a host with an exact split ending in a pronoun
   * clitic
   */
  private chainOnExact(form: string): string[] | null {
    for (const c of EXACT_CHAIN_OUTER) {
      if (form.length < c.length + 3 || !form.endsWith(c)) continue;
      const inner = this.split.get(form.slice(0, form.length - c.length));
      if (inner && PRONOUN_CLITICS.has(inner[inner.length - 1]!)) return [...inner, c];
    }
    return null;
  }

  private compute(form: string, depth = 0): string[] | null {
    const exact = this.split.get(form);
    if (exact) return exact;
    if (this.keep.has(form) || !this.lex || form.length < 3) return null;
    // informal: a chain on a host the treebank splits (خودت + و, دلم + ه, خوابم + م), before any other reading of the
    // whole (the lexicon lists خودتو, دلمه; خوابم is also a verb)
    if (this.verbClitics && depth === 0) {
      const chain = this.chainOnExact(form);
      if (chain) return chain;
    }
    if (this.lex.isWord(form) || this.lex.isWord(form.replaceAll('\u200c', ''))) return null;
    // (nor a word the lexicon lists with ئی, written with یی as the Academy spells it: سوییت is سوئیت, suite — not
    // سویی + ت; the lexicons write the loanwords with ئ, the Academy and chat with یی)
    if (form.includes('یی') && this.lex.isWord(form.replaceAll('یی', 'ئی'))) return null;
    const verb = this.lex.isVerb;
    // a possessive after a nominal host of the treebanks, even where the form also reads as a verb (کار + م)
    // Not after a glide form (صدای, جای: صدا + یش), nor م after a past stem (دریافتم: I received).
    for (const c of NOMINAL_POSSESSIVES) {
      if (form.length <= c.length + 1 || !form.endsWith(c)) continue;
      const host = form.slice(0, form.length - c.length);
      const bare = host.endsWith('\u200c') ? host.slice(0, -1) : host;
      // (informal: nor a verb form commoner than its host, پخت against the interjection پخ; but م after a host that
      // also reads as a verb is split where formal text never writes the whole: گوشیم, سختم, not دریافتم)
      if (!this.hosts.has(bare) || /[او]ی$/.test(bare) || (c === 'م' && verb && verb(bare) && !(this.verbClitics && (this.lex.count?.(form) ?? 0) === 0)) || (this.verbClitics && verb && verb(form) && !this.commonerHost(bare, form))) continue;
      return [host, c];
    }
    // a person ending set off with a ZWNJ after a nominal host of the treebanks (آماده‌ایم, وابسته‌اند): the copula (or
    // a possessive), though the host may also read as a participle of a verb the treebanks never use (آمادن)
    const zp = form.lastIndexOf('\u200c');
    if (!this.verbClitics && zp >= 2 && PERSON_ENDINGS.has(form.slice(zp + 1)) && this.copulaHosts.has(form.slice(0, zp))) return [form.slice(0, zp + 1), form.slice(zp + 1)];
    if (this.verbClitics && verb) {
      const perfect = PERFECT.exec(form);
      if (perfect && perfect[1]!.length >= 3 && verb(perfect[1]!.replace(/\u200c$/, ''))) return [perfect[1]!, perfect[2]!];
      // (a form formal text writes (مردمان, بوستان) is a word of its own, not a verb + an object clitic: the verbs with
      // object clitics of the first 80% of iPerUDT train never occur in it)
      const written = (this.lex.count?.(form) ?? 0) >= 3;
      for (const c of OBJECT_CLITICS) {
        if (form.length <= c.length + 2 || !form.endsWith(c)) continue;
        const host = form.slice(0, form.length - c.length);
        if (verb(host.replace(/\u200c$/, '')) && !written) return [host, c];
      }
    }
    if (verb && (verb(form) || verb(form.replaceAll('\u200c', '')))) return null;
    // after a host ending in the vowel ا or و a possessive clitic takes a glide ی (پسرعمو + یت، مولا + یمان)
    for (const c of GLIDE_CLITICS) {
      if (form.length <= c.length + 2 || !form.endsWith(c)) continue;
      const host = form.slice(0, form.length - c.length);
      const last = host.charCodeAt(host.length - 1);
      if ((last === 0x0627 || last === 0x0648) && !(verb && verb(host)) && this.lex.isWord(host)) return [host, c];
    }
    // a clitic the writer set off with a ZWNJ: ‌اش and ‌ات are never verb endings, and after ی no verb ends in ‌ام ‌اند
    // ‌ایم ‌اید (زندگی‌ام, نخست‌وزیری‌اش); the host need not be known. سی‌ام is the ordinal "thirtieth".
    const zc = zwnjClitic(form);
    if (zc > 0) return [form.slice(0, zc + 1), form.slice(zc + 1)];
    for (const c of this.clitics) {
      if (form.length <= c.length + 1 || !form.endsWith(c)) continue;
      const host = form.slice(0, form.length - c.length);
      // after the plural های the clitic is ش/م/ت/شان... (کفش‌های + ش), not یش
      if (c.charCodeAt(0) === 0x06cc && host.endsWith('ها')) continue;
      // a possessive with a glide ی follows only ا or و (the loop above): after a consonant یش is ی + ش (قهرمانی + ش)
      if (GLIDE_ONLY.has(c)) continue;
      // a clitic in ا glued to its host follows ه or ی (شانه + ام, شخصی + ام: 12 of the 13 in the treebanks' splits):
      // برجام, جرات, بابام are not برج + ام, جر + ات, باب + ام
      if (c.charCodeAt(0) === 0x0627 && !host.endsWith('\u200c') && !/[هی]$/.test(host)) continue;
      const bare = host.endsWith('\u200c') ? host.slice(0, -1) : host;
      // the copula ند glued to its host follows a consonant (معتقد + ند, گرفتار + ند: all the treebanks' splits); after
      // the vowel ا or و "they are" is written اند or یند: چلوند, داروند are not چلو + ند, دارو + ند
      if (c === 'ند' && /[او]$/.test(bare)) continue;
      if (!this.freeHostOk(c, bare)) continue;
      if (verb && verb(bare)) {
        // (informal: a verb takes no object marker, so before و/رو such a host is a noun with a clitic: شمار + م + و)
        if (!this.verbClitics || depth > 0 || (c !== 'و' && c !== 'رو') || bare.length < 3 || this.keep.has(host)) continue;
        const inner = this.compute(host, 1);
        if (inner !== null && PRONOUN_CLITICS.has(inner[inner.length - 1]!)) return [...inner, c];
        // or a noun of the treebanks in ی that also reads as a verb's second person (گوشی, چایی: گوشیو = گوشی + و)
        if (bare.endsWith('ی') && this.hosts.has(bare) && this.commonerHost(bare, form)) return [host, c];
        continue;
      }
      if (bare.length >= 2 && this.isHost(bare, PRONOUN_CLITICS.has(c)) && this.commonerHost(bare, form)) return [host, c];
      // a noun or adjective in ی the lexicon does not list, made of a known word (ناراحتی + شان, تابستانی + تان); and
      // the informal copula ه after such a word (مکانیه = مکانی + ه, دنیاییه = دنیایی + ه)
      // (a stem of three letters at least before یی, as for a comparative: توییت, سوییت — tweet, suite — are not تو + یی
      // + ت, سو + یی + ت; ParsTwiNER train has توییت 50 times, all split so)
      if ((AFTER_Y.has(c) || (this.verbClitics && c === 'ه')) && bare.length >= 4 && bare.endsWith('ی') && !(bare.endsWith('یی') && bare.length < 5) && this.isHost(bare.slice(0, bare.endsWith('یی') ? -2 : -1))) return [host, c];
      // a chain of clitics (استاد + مون + م, خود + ت + و): after a pronoun clitic, the informal object marker و/رو,
      // copula ه or "too" م; the host splits in turn (an exact entry or a known host). Never a verb ending (خوندیم).
      if (depth === 0 && CHAIN_OUTER.has(c) && bare.length >= 3 && !this.keep.has(host)) {
        const inner = this.compute(host, 1);
        if (inner !== null && PRONOUN_CLITICS.has(inner[inner.length - 1]!)) return [...inner, c];
      }
    }
    return null;
  }
}
