/**
 * Persian verb analysis: a finite verb, participle or imperative → its lemma, the past stem (PerDT/Seraji
 * convention: می‌خواهند → خواست, نرفته‌ایم → رفت, برمی‌گردد → گشت).
 *
 * A form is read as  [preverb] [ن | نمی | می | ب] stem [ending]  with the ending matched to the stem's kind
 * (present: م ی د یم ید ند, informal ه ن ین; past: م ی یم ید ند; participle: ه + ام ای است ایم اید اند). After ب/ن a
 * stem's initial آ is written یا and its initial ا is written ی (بیاید, نیفتاد). A vowel-final present stem may take a
 * glide ی before the ending (گوید, بگوییم). Preverbs (بر در فرو فرا باز وا ور) are not part of the lemma.
 * Competing analyses are ranked by how often their lemma was a gold verb lemma in training.
 */

const PREVERBS = ['', 'بر', 'در', 'فرو', 'فرا', 'باز', 'وا', 'ور'];
/** [prefix, may precede a present stem, may precede a past stem] */
const PREFIXES: [string, boolean, boolean][] = [
  ['', true, true],
  ['می', true, true],
  ['نمی', true, true],
  ['ن', true, true],
  ['ب', true, true],
  ['همی', true, true],
  ['م', true, false],
  // (chat's نمی + یا for آ: نمیام, نمیای = نم + یام; only before یا, below)
  ['نم', true, false],
];
const PRES_ENDINGS = ['', 'م', 'ی', 'د', 'یم', 'ید', 'ند', 'ه', 'ن', 'ین'];
const PAST_ENDINGS = ['', 'م', 'ی', 'یم', 'ید', 'ند', 'ه', 'هام', 'های', 'هاست', 'هایم', 'هاید', 'هاند', 'هایی', 'ن', 'ین'];
// a participle written together with its auxiliary: رفته‌بودیم, دیده‌باشد, گفته‌شد
for (const aux of ['بود', 'باش', 'شد', 'شو']) {
  for (const e of ['', 'م', 'ی', 'د', 'یم', 'ید', 'ند']) {
    if (aux === 'بود' && e === 'د') continue;
    if ((aux === 'باش' || aux === 'شو') && e === '') continue;
    if (aux === 'شد' && e === 'د') continue;
    PAST_ENDINGS.push('ه' + aux + e);
  }
}

export interface VerbStems {
  /** present stem → [past stem, log(1 + weight)] */
  present: Map<string, [string, number]>;
  /** past stem → log(1 + weight) */
  past: Map<string, number>;
  /** a colloquial past stem → the formal one it spells (موند → ماند): the lemma of an analysis through it */
  alias: Map<string, string>;
  /**
   * the formal present stems in ا (نما, فرما, گشا): before an ending that begins with a consonant they take the glide
   * ی (نماید, نمایند), so نما + ند is no reading of نماند; chat's stems in ا take none (میخواد, خوا of خواستن)
   */
  glide: Set<string>;
}

/** Endings grouped by their last letter ("" under ""), so a form is only tried with endings it can have. */
function byLast(endings: readonly string[]): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const e of endings) {
    const k = e ? e[e.length - 1]! : '';
    const l = m.get(k) ?? [];
    l.push(e);
    m.set(k, l);
  }
  return m;
}

/** The colloquial past stems of a verb table ("=past" items, see LemmaData.verbs: تونست → توانست). */
export function colloquialPasts(verbs: readonly (readonly [string, number, ...string[]])[]): Map<string, string> {
  const alias = new Map<string, string>();
  for (const v of verbs) for (let i = 2; i < v.length; i++) if (v[0] && (v[i] as string).startsWith('=')) alias.set(v[0], (v[i] as string).slice(1));
  return alias;
}

export function buildVerbStems(verbs: readonly (readonly [string, number, ...string[]])[]): VerbStems {
  const present = new Map<string, [string, number]>();
  const past = new Map<string, number>();
  // present stem → [past, pair evidence, past weight] of the best pairing so far
  const best = new Map<string, [string, number, number]>();
  const informal = new Map<string, [string, number, number]>();
  for (const v of verbs) {
    const [p, w] = v;
    if (p && (past.get(p) ?? -1) < w) past.set(p, w);
    for (let i = 2; i < v.length; i++) {
      const item = v[i] as string;
      if (item.startsWith('=')) continue; // (colloquialPasts)
      const c = item.lastIndexOf(':');
      let s = c > 0 ? item.slice(0, c) : item;
      const pe = c > 0 ? Number(item.slice(c + 1)) : 0;
      if (!s) continue;
      // "~stem": an informal present stem (میخوام, میشه): used where no formal stem is spelled alike, as weaker evidence
      const table = s.startsWith('~') ? informal : best;
      if (s.startsWith('~')) s = s.slice(1);
      const cur = table.get(s);
      if (!cur || pe > cur[1] || (pe === cur[1] && (w > cur[2] || (w === cur[2] && (p || s) < cur[0])))) table.set(s, [p || s, pe, w]);
    }
  }
  for (const [s, e] of best) present.set(s, [e[0], Math.log(1 + e[2])]);
  // an informal stem counts a twentieth of its verb's weight; it also takes a stem spelled like a formal one whose verb
  // weighs less still (chat's خا of خواستن over خاییدن, to chew; مون of ماندن; زار, chat's spelling of ذار, of گذاشتن
  // over زاریدن, to weep: the three such stems of data/lemma.bin)
  for (const [s, e] of informal) {
    const w = Math.log(1 + e[2] / 20);
    const f = present.get(s);
    if (!f || w > f[1]) present.set(s, [e[0], w]);
  }
  for (const [s, w] of past) past.set(s, Math.log(1 + w));
  const glide = new Set<string>();
  for (const [s, e] of best) if (s.length >= 2 && s.endsWith('ا') && present.get(s)?.[0] === e[0]) glide.add(s);
  return { present, past, alias: colloquialPasts(verbs), glide };
}

const stripZ = (s: string): string => {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c !== 0x200c && c !== 0x20) out += s[i];
  }
  return out;
};

const PRES_BY_LAST = byLast(PRES_ENDINGS);
const PAST_BY_LAST = byLast(PAST_ENDINGS);
const NONE: string[] = [];

/** Removes a preverb from a lemma when the rest is itself a known past stem (برگشت → گشت). */
export function dropPreverb(lemma: string, stems: VerbStems): string {
  const past = stems.past;
  for (let k = 1; k < PREVERBS.length; k++) {
    const pv = PREVERBS[k]!;
    if (lemma.length > pv.length + 1 && lemma.startsWith(pv)) {
      const rest = lemma.slice(pv.length);
      if (past.has(rest)) return rest;
    }
  }
  return lemma;
}

/** A string's first three UTF-16 units as a number, when all are in the Arabic block (U+0600-U+06FF); else -1. */
function headKey(s: string): number {
  const a = s.charCodeAt(0) - 0x600;
  const b = s.charCodeAt(1) - 0x600;
  const c = s.charCodeAt(2) - 0x600;
  return a >= 0 && a < 256 && b >= 0 && b < 256 && c >= 0 && c < 256 ? (a << 16) | (b << 8) | c : -1;
}

/** headKey of every stem of three or more units: a form whose first three units are not among them has no such stem */
const heads = new WeakMap<ReadonlyMap<string, unknown>, Set<number>>();
function headsOf(m: ReadonlyMap<string, unknown>): Set<number> {
  let h = heads.get(m);
  if (!h) {
    h = new Set();
    for (const s of m.keys()) if (s.length >= 3) h.add(headKey(s));
    heads.set(m, h);
  }
  return h;
}

const PRE = PREFIXES.map((p) => p[0]);
const PRE_PRES = PREFIXES.map((p) => p[1]);
const PRE_PAST = PREFIXES.map((p) => p[2]);
const PRES_NONE = PRES_BY_LAST.get('') ?? NONE;
const PAST_NONE = PAST_BY_LAST.get('') ?? NONE;

const hasZOrSpace = (s: string): boolean => s.indexOf('\u200c') >= 0 || s.indexOf(' ') >= 0;

/** What analyzeVerb found besides the lemma (filled in when it returns one). */
export interface VerbReading {
  /** the best reading is negative: its prefix is ن or نمی (نرفت, نمی‌کنم; not نوشت, a stem in ن) */
  negative: boolean;
  /** some reading uses a past stem (رفتم, می‌کرد, نکرده) */
  past: boolean;
  /** some reading uses a present stem (می‌روم, نکن, بکند) */
  present: boolean;
  /**
   * the person and number every reading's ending gives, as person × 2 + (plural ? 1 : 0) (م 2, ند 7); 0 when a
   * reading's ending gives none (a participle, an infinitive) or two readings disagree
   */
  personNumber: number;
  /** the best reading is a stem + a person ending alone: no preverb, no prefix, no participle (بسم as بس + م) */
  bare?: boolean;
}

/** person × 2 + (plural ? 1 : 0) of a present stem's ending (the bare stem: the imperative 2nd singular) */
const PRES_PN = new Map<string, number>([['', 4], ['م', 2], ['ی', 4], ['د', 6], ['یم', 3], ['ید', 5], ['ند', 7], ['ه', 6], ['ن', 7], ['ین', 5]]);
/** the same of a past stem's ending (the bare stem: the 3rd singular; the participle ه and the infinitive ن: none) */
const PAST_PN = new Map<string, number>([['', 6], ['م', 2], ['ی', 4], ['یم', 3], ['ید', 5], ['ند', 7], ['ین', 5], ['هام', 2], ['های', 4], ['هاست', 6], ['هایم', 3], ['هاید', 5], ['هاند', 7]]);
/** a participle + a written-together auxiliary (رفته‌بودیم): the auxiliary's ending */
function pastPN(e: string): number {
  const pn = PAST_PN.get(e);
  if (pn !== undefined) return pn;
  for (const aux of ['بود', 'باش', 'شد', 'شو']) {
    if (e.length > aux.length && e.startsWith('ه' + aux)) {
      const rest = e.slice(1 + aux.length);
      return (aux === 'باش' || aux === 'شو' ? PRES_PN.get(rest) : PAST_PN.get(rest)) ?? 0;
    }
  }
  return 0;
}

/** analyzeVerb's tense hint (the tagger's or treebank's Tense feature): any reading, or a past / present one preferred */
export const TENSE_ANY = 0;
export const TENSE_PAST = 1;
export const TENSE_PRES = 2;
/** what a reading that contradicts the tense hint loses (more than the weight gap between two stems of one verb) */
const TENSE_PENALTY = 3;
/** what a formal present stem in ا loses before an ending that begins with a consonant, without its glide ی */
const GLIDE_PENALTY = 3;

/**
 * Analyses a verb form. Returns the lemma, or undefined when no reading uses a known stem; `out`, when given, gets
 * what else the best reading says.
 */
export function analyzeVerb(form: string, stems: VerbStems, out?: VerbReading, tense: number = TENSE_ANY): string | undefined {
  const t = hasZOrSpace(form) ? stripZ(form) : form;
  // a written ZWNJ right after می marks the end of the prefix (می‌رن is می + رن, not the stem میر)
  const z = form.indexOf('\u200c');
  const head = z > 1 && form.charCodeAt(z - 2) === 0x0645 && form.charCodeAt(z - 1) === 0x06cc ? form.slice(0, z) : undefined;
  const present = stems.present;
  const past = stems.past;
  // (a stem of 3+ letters is only looked up when some stem starts like the rest of the form)
  const presHeads = headsOf(present);
  const pastHeads = headsOf(past);
  let found = false;
  let bestLemma = '';
  let bestScore = 0;
  let bestNeg = false;
  let bestBare = false;
  let anyPast = false;
  let anyPresent = false;
  /** the readings' person and number: -1 none yet, 0 disagreeing or unknown */
  let pnAll = -1;
  const tl = t.length;
  for (let a = 0; a < PREVERBS.length; a++) {
    const pv = PREVERBS[a]!;
    if (!t.startsWith(pv)) continue;
    if (tl - pv.length < 1) continue;
    for (let b = 0; b < PRE.length; b++) {
      const pre = PRE[b]!;
      if (!t.startsWith(pre, pv.length)) continue;
      const o = pv.length + pre.length;
      if (tl - o < 1) continue;
      const okPres = PRE_PRES[b]!;
      const okPast = PRE_PAST[b]!;
      const r1 = t.slice(o);
      if (pre === 'نم' && !r1.startsWith('یا')) continue;
      let v1: string | undefined;
      let v2: string | undefined;
      if (pre === 'ب' || pre === 'ن' || pre === 'م' || pre === 'نم') {
        if (r1.startsWith('یا')) {
          v1 = 'آ' + r1.slice(2);
          v2 = r1.slice(1);
        } else if (r1.startsWith('ی')) v1 = 'ا' + r1.slice(1);
      }
      // a preverb adds a little doubt; so does a negation (نگریست is a stem, not ن + گریست) and rare prefixes
      const neg = pre === 'ن' || pre === 'نمی' || pre === 'نم';
      const penalty =
        (pv ? 0.3 : 0) + (neg ? 2.5 : 0) + (pre === 'همی' || pre === 'م' || pre === 'نم' ? 2 : 0) +
        (head !== undefined && pv + pre !== head ? 3 : 0);
      for (let v = 0; v < 3; v++) {
        const r = v === 0 ? r1 : v === 1 ? v1 : v2;
        if (r === undefined) break;
        const rl = r.length;
        const last = r[rl - 1]!;
        const hk = rl >= 3 ? headKey(r) : -1;
        if (okPres) {
          const presLong = hk < 0 || presHeads.has(hk);
          for (let g = 0; g < 2; g++) {
            const list = g ? PRES_BY_LAST.get(last) ?? NONE : PRES_NONE;
            for (let k = 0; k < list.length; k++) {
              const e = list[k]!;
              const el = e.length;
              if (rl <= el || (el > 1 && !r.endsWith(e))) continue;
              // the prohibitive م takes the imperative only (مکن, مگو, مکنید), no other person (مرسی is no م + رس + ی);
              // chat's می + آ written م + یا (میاد, میام: the variants v1, v2) takes them all
              if (pre === 'م' && v === 0 && el !== 0 && e !== 'ید') continue;
              const L = rl - el;
              let hit = L < 3 || presLong ? present.get(r.slice(0, L)) : undefined;
              if (!hit && el && L > 1 && r.charCodeAt(L - 1) === 0x06cc) {
                const c = r.charCodeAt(L - 2);
                if ((c === 0x0627 || c === 0x0648 || c === 0x0622) && (L - 1 < 3 || presLong)) hit = present.get(r.slice(0, L - 1));
              }
              if (!hit) continue;
              anyPresent = true;
              const pn = PRES_PN.get(e) ?? 0;
              pnAll = pnAll === -1 || pnAll === pn ? pn : 0;
              let p = penalty;
              if (el === 0 && pre === '') p += 1.5; // bare imperative (کن) is rare
              if (e === 'ه' || e === 'ن' || e === 'ین') p += 1; // informal endings
              if (tense === TENSE_PAST) p += TENSE_PENALTY;
              if (el !== 0 && e.charCodeAt(0) !== 0x06cc && stems.glide.has(r.slice(0, L))) p += GLIDE_PENALTY;
              if (!found || hit[1] - p > bestScore) {
                found = true;
                bestLemma = hit[0];
                bestScore = hit[1] - p;
                bestNeg = neg;
                bestBare = pv === '' && pre === '' && e !== 'ه';
              }
            }
          }
        }
        if (okPast) {
          const pastLong = hk < 0 || pastHeads.has(hk);
          for (let g = 0; g < 2; g++) {
            const list = g ? PAST_BY_LAST.get(last) ?? NONE : PAST_NONE;
            for (let k = 0; k < list.length; k++) {
              const e = list[k]!;
              const el = e.length;
              if (rl <= el || (el > 1 && !r.endsWith(e))) continue;
              const L = rl - el;
              if (L >= 3 && !pastLong) continue;
              const stem = r.slice(0, L);
              const w = past.get(stem);
              if (w === undefined) continue;
              anyPast = true;
              const pn = pastPN(e);
              pnAll = pnAll === -1 || pnAll === pn ? pn : 0;
              let p = penalty;
              if (e === 'ن') p += 2; // infinitive
              else if (e === 'ین') p += 1; // chat's 2nd plural (رفتین), as the present's informal endings
              if (pre === 'ب') p += 3; // archaic ب + past (بفرستاد)
              if (tense === TENSE_PRES) p += TENSE_PENALTY;
              if (!found || w - p + 0.1 > bestScore) {
                found = true;
                bestLemma = stem;
                bestScore = w - p + 0.1;
                bestNeg = neg;
                bestBare = pv === '' && pre === '' && (e === '' || e.charCodeAt(0) !== 0x0647);
              }
            }
          }
        }
      }
    }
  }
  if (!found) return undefined;
  bestLemma = stems.alias.get(bestLemma) ?? bestLemma;
  if (out) {
    out.negative = bestNeg;
    out.past = anyPast;
    out.present = anyPresent;
    out.personNumber = pnAll < 0 ? 0 : pnAll;
    out.bare = bestBare;
  }
  return dropPreverb(bestLemma, stems);
}

/** object clitics a colloquial verb carries unsplit (نخوندمش, دیدمشون), longest first */
const OBJECT_CLITICS = ['شون', 'مون', 'تون', 'شان', 'مان', 'تان', 'ش', 'ت', 'م'];

/**
 * analyzeVerb of a form known to be a verb (tagged VERB or AUX), or of it without an object clitic when it has no
 * reading with one (نخوندمش → نخوندم + ش → خواند); undefined when neither reads.
 */
export function analyzeVerbForm(form: string, stems: VerbStems, out?: VerbReading): string | undefined {
  return analyzeVerb(form, stems, out) ?? analyzeWithoutClitic(form, stems, out);
}

/** analyzeVerb of a form without an object clitic (نخوندمش → نخوندم), the first clitic that leaves a reading */
export function analyzeWithoutClitic(form: string, stems: VerbStems, out?: VerbReading): string | undefined {
  for (const c of OBJECT_CLITICS) {
    if (form.length < c.length + 3 || !form.endsWith(c)) continue;
    let rest = form.slice(0, form.length - c.length);
    if (rest.endsWith('\u200c')) rest = rest.slice(0, -1);
    const r = analyzeVerb(rest, stems, out);
    if (r !== undefined) return r;
  }
  return undefined;
}

/**
 * Calls analyzeVerb on a few forms of the commonest stem pair that take the fractional penalties (a preverb with a
 * bare stem, an informal ending, an infinitive, ب + past), so the JIT has seen fractional scores before it optimizes
 * the function; otherwise the optimized code, built for whole numbers, is thrown away and rebuilt on the first
 * such word. No effect on any result.
 */
export function primeVerbAnalysis(stems: VerbStems): void {
  let pres = '';
  let past = '';
  let w = -1;
  for (const [s, [p, x]] of stems.present) {
    if (x > w && s.length >= 2 && p.length >= 2) {
      pres = s;
      past = p;
      w = x;
    }
  }
  if (!pres) return;
  const forms = ['بر' + pres, 'بر' + pres + 'ه', 'بر' + past + 'ن', 'برب' + past];
  // (V8 starts collecting type feedback after a function's first call or two)
  for (let r = 0; r < 2; r++) for (const f of forms) analyzeVerb(f, stems);
}
