/**
 * Nominal analysis (nouns, adjectives, pronouns, ...): a form → candidate lemmas by stripping a suffix chain
 *   [تر | ترین]? [plural: ها ان ات ات→ه ات→ت ین یان ون گان→ه یات→ه جات]? [ی یی ای ٔ | clitic م ت ش مان تان شان (ی-/ا- glides)]?
 * where the stem must be a known lemma (a lexicon word or a broken plural). Which candidate wins is learned: for
 * every chain the training counted how often stripping it was right, separately by UPOS, by whether the whole form
 * is itself a lexicon lemma, and by whether the stem's lexicon POS fits the UPOS.
 */
import { GOLD_UPOS_SHIFT, POS_ADJ, POS_ADV, POS_GOLD, POS_NOUN, POS_NUM, POS_OTHER, POS_PRON, POS_PROPN } from './data.js';

const CMP = ['', 'تر', 'ترین'];
/** [plural suffix, what the stem gets back] */
const PL: [string, string][] = [
  ['', ''],
  ['ها', ''],
  ['ان', ''],
  ['ات', ''],
  ['ات', 'ه'],
  // Arabic feminine nouns in ت take ات in place of it: عادت → عادات, روایت → روایات
  ['ات', 'ت'],
  ['یات', 'ه'],
  ['ین', ''],
  ['یان', ''],
  ['ون', ''],
  ['گان', 'ه'],
  ['جات', ''],
];
const END = ['', 'ی', 'یی', 'ای', 'ٔ', 'م', 'ت', 'ش', 'مان', 'تان', 'شان', 'یم', 'یت', 'یش', 'یمان', 'یتان', 'یشان', 'ام', 'ات', 'اش'];

/** rest (ZWNJ-free suffix string) → list of "add" strings (what the stem gets back) */
export const CHAINS = new Map<string, string[]>();
/** the chains ("rest" or "rest>add") that some reading without a plural part gives (ات is also the clitic ت after ا) */
const SINGULAR_CHAINS = new Set<string>();
/** the plural parts after which a stem in م (an Arabic participle: مدافع, متحد) is counted apart (see participle) */
const PARTICIPLE_PL = new Set(['ین']);
/** the chains ("rest" or "rest>add") with such a plural part */
const PARTICIPLE_CHAINS = new Set<string>();
/**
 * the chains whose only reading has the plural ون: the Arabic sound plural, which Persian takes after the nisba ی
 * only (روحانیون, انقلابیون, وهابیون: every such word of the train ranges; فنون is a broken plural): after another
 * letter no strip (درونشان is درون + شان, not در + ون + شان; کیتون, شنون are no plurals), nor after a stem of two
 * letters, no nisba (شیون is no شی + ون)
 */
const UN_CHAINS = new Set<string>();
const NOT_UN = new Set<string>();
/**
 * the clitics with the glide ی (جایمان, دانشجویش, کتاب‌هایت): after a vowel letter only, a stem's (checked where the
 * chain is met: پشیمان is no پش + یمان, پریشان no پر + یشان) or a plural's (هایمان; no انیمان, تریش); not یم, also
 * the copula's 1st plural after any letter (حاضریم)
 */
const GLIDE_END = new Set(['یت', 'یش', 'یمان', 'یتان', 'یشان']);
const VOWEL_LAST = /[اوآ]$/;
export let MAX_CHAIN = 0;
for (const c of CMP) {
  for (const [p, add] of PL) {
    if (c && p) continue;
    for (const e of END) {
      const rest = c + p + e;
      if (!rest) continue;
      if (GLIDE_END.has(e) && (c || p) && !VOWEL_LAST.test(c + p)) continue;
      // the clitics' forms with ا (ای, ام, ات, اش) follow a vowel (خانه‌ای, خانه‌ام), never a plural in ن or ت: تمرینای,
      // ماشینای are chat's plural ای on تمرین, ماشین, not تمر, ماش + ین + ای
      if (p && (e === 'ای' || e === 'ام' || e === 'ات' || e === 'اش') && /[نت]$/.test(p)) continue;
      (p === 'ون' ? UN_CHAINS : NOT_UN).add(rest);
      const l = CHAINS.get(rest) ?? [];
      if (!l.includes(add)) l.push(add);
      CHAINS.set(rest, l);
      if (!p) SINGULAR_CHAINS.add(add ? `${rest}>${add}` : rest);
      if (PARTICIPLE_PL.has(p)) PARTICIPLE_CHAINS.add(add ? `${rest}>${add}` : rest);
      if (rest.length > MAX_CHAIN) MAX_CHAIN = rest.length;
    }
  }
}
for (const r of NOT_UN) UN_CHAINS.delete(r);

/**
 * An Arabic participle's shape, a stem of four letters or more in م (مدافع, متحد, مسلم): the sound plural ین is
 * a plural after it (مدافعین, in the train ranges 30 of 38 such words) and seldom elsewhere (زمین, آخرین: 13 of 307)
 */
const participle = (stem: string): boolean => stem.length >= 4 && stem.charCodeAt(0) === 0x0645;
/**
 * The plural گان written after the ه it stands for, behind a ZWNJ (ته‌مانده‌گان, a spelling of ته‌ماندگان): the stem
 * keeps its ه and gets none back (it was ته‌ماندهه).
 */
const heGan = (base: string, rest: string, add: string): boolean => add === 'ه' && rest.startsWith('گان') && base.endsWith('ه');

/**
 * A form that is itself a treebank lemma (the f flag KEEP_KNOWN or more: 2 with a POS that fits, 3 with another)
 * written with a ZWNJ is never cut to a stem no lexicon lists: بی‌پایان, هم‌زمان, بی‌امان are no plurals of بی‌پای,
 * هم‌زم, بی‌ام (they were, as NOUN: no count covers a known lemma with an unknown stem, and the strip of ان to a stem
 * whose last piece is a word, پای, زم, won at the chain's general rate). Tuned on the TUNE=1 tails of
 * train:lemmatizer: no word there changes (f ≥ 1 gave the same); the compute() path for Number=Plur keeps the same rule.
 */
const KEEP_KNOWN = 2;

/** a chain's statistics name for a stem: marked "^م" after a participle where its plural part is one of PARTICIPLE_PL */
const chainName = (chain: string, stem: string): string => (PARTICIPLE_CHAINS.has(chain) && participle(stem) ? chain + '^م' : chain);

/**
 * How a stem's POS fits the UPOS (the "m" flag of the statistics): 0 when no POS of it fits, 2 when it fits and is a
 * treebank lemma, 1 otherwise. For an adjective's final ی, 2 only when the treebanks give the stem itself the UPOS ADJ
 * (the gold UPOS bits, GOLD_UPOS_SHIFT): ی after an adjective is mostly the indefinite one (مشهوری, مخصوصی → مشهور,
 * مخصوص), after a noun it makes the adjective (زیارتی, تاکتیکی stay), and the lexicons list many adjectives as nouns too
 * and many nouns as adjectives
 */
function stemFit(flags: number, mask: number, chain: string): number {
  if ((flags & mask) === 0) return 0;
  if (mask === POS_ADJ && chain === 'ی' && flags >> GOLD_UPOS_SHIFT) return ((flags >> GOLD_UPOS_SHIFT) & mask) !== 0 ? 2 : 1;
  return flags & POS_GOLD ? 2 : 1;
}

const POS_ANY = POS_NOUN | POS_ADJ | POS_ADV | POS_PRON | POS_PROPN | POS_NUM | POS_OTHER;

/** Which lexicon POS bits fit a UPOS. */
export function posMask(upos: string): number {
  switch (upos) {
    case 'NOUN':
      return POS_NOUN | POS_PROPN;
    case 'PROPN':
      return POS_PROPN | POS_NOUN;
    case 'ADJ':
      return POS_ADJ;
    case 'ADV':
      return POS_ADV | POS_ADJ;
    case 'PRON':
      return POS_PRON;
    case 'NUM':
      return POS_NUM;
    case 'DET':
    case 'ADP':
    case 'CCONJ':
    case 'SCONJ':
    case 'PART':
    case 'INTJ':
      return POS_OTHER;
    default:
      return POS_ANY;
  }
}

export interface NominalCandidate {
  lemma: string;
  /**
   * stats keys, general to specific: for a stem no lexicon lists first "UPOS|~u" / "UPOS|~p" (+ "z" after a ZWNJ:
   * all such strips of the UPOS pooled), then "UPOS|chain", + "|" flags (form a lexicon lemma, stem's POS fits /
   * unknown), + "|" details (stem's last letter, frequency ratio, ZWNJ before the suffix)
   */
  keys: string[];
  /** prior for chains no statistics cover (a plural with a clitic is rare in treebanks, which split clitics off) */
  prior: number;
}

/** Chains with a plural part and a clitic or ezafe after it (rare in treebanks, common in text). */
const PLURAL_CHAIN = /ها|ان|ات|ین|BP/;
const longPlural = new Map<string, boolean>();
function isLongPlural(chain: string): boolean {
  let b = longPlural.get(chain);
  if (b === undefined) longPlural.set(chain, (b = chain.length > 3 && PLURAL_CHAIN.test(chain)));
  return b;
}

const cand = (lemma: string, upos: string, chain: string, flags: string, detail: string, known: boolean): NominalCandidate => {
  const top = upos + '|' + chain;
  const k1 = top + '|' + flags;
  // (a participle's mark, ^م, is no part of the chain's length)
  const prior = upos !== 'PROPN' && isLongPlural(chain.endsWith('^م') ? chain.slice(0, -2) : chain) && (known || detail.endsWith('z')) ? 0.8 : 0.3;
  const keys = [top, k1, k1 + '|' + detail];
  // a stem no lexicon lists: first the rate of such strips over all chains of the UPOS (a name is never cut to one)
  // (and whether the suffix follows a ZWNJ: مألفه‌های)
  if (!known) keys.unshift(upos + '|~' + flags[1]! + (detail.endsWith('z') ? 'z' : ''));
  return { lemma, keys, prior };
};

const trimZ = (s: string): string => {
  let a = 0;
  let b = s.length;
  while (a < b && s.charCodeAt(a) === 0x200c) a++;
  while (b > a && s.charCodeAt(b - 1) === 0x200c) b--;
  return a === 0 && b === s.length ? s : s.slice(a, b);
};

const noZ = (s: string): string => (s.indexOf('\u200c') < 0 ? s : s.split('\u200c').join(''));

/**
 * All analyses of a (normalized) form for a UPOS: the identity (chain "=") first, then suffix strips whose stem is
 * a known lemma. `upos` "" means unknown.
 */
export function nominalCandidates(
  n: string,
  upos: string,
  lexicon: ReadonlyMap<string, number>,
  plurals: ReadonlyMap<string, string>,
  freq: ReadonlyMap<string, number>,
): NominalCandidate[] {
  const fn = freq.get(n) ?? 0;
  const mask = posMask(upos);
  const own = lexicon.get(n) ?? 0;
  const f = own & mask ? (own & POS_GOLD ? 2 : 1) : own & POS_GOLD ? 3 : 0;
  // the identity comes first; its statistics are not needed (a strip's decision counts carry them)
  const out: NominalCandidate[] = [{ lemma: n, keys: [], prior: 0.5 }];
  const bp = plurals.get(n);
  if (bp !== undefined) out.push(cand(bp, upos, 'BP', `${f}1`, '', true));
  const start = Math.max(1, n.length - MAX_CHAIN - 2);
  const lastZ = n.lastIndexOf('\u200c');
  for (let i = n.length - 1; i >= start; i--) {
    // a split never cuts a ZWNJ-joined piece: مصاحبه‌ای is مصاحبه + ‌ای, not مصاحب + های
    if (i < lastZ) break;
    // the split right after the ZWNJ covers the one right before it
    if (n.charCodeAt(i) === 0x200c) continue;
    const rest = noZ(n.slice(i));
    const adds = CHAINS.get(rest);
    if (!adds) continue;
    const base = trimZ(n.slice(0, i));
    if (base.length < 2) continue;
    if (UN_CHAINS.has(rest) && (base.length < 3 || base.charCodeAt(base.length - 1) !== 0x06cc)) continue;
    if (GLIDE_END.has(rest) && !VOWEL_LAST.test(base)) continue;
    // a stem never ends in a plural written after a ZWNJ (خانه‌ها + یمان is خانه + ‌هایمان)
    // nor in a one-letter piece (تله‌پاتی is not تله‌پ + اتی)
    const zb = base.lastIndexOf('\u200c');
    if (zb > 0) {
      const tail = base.slice(zb + 1);
      if (tail === 'ها' || tail === 'های' || tail.length < 2) continue;
    }
    for (const add of adds) {
      const stem = heGan(base, rest, add) ? base : base + add;
      const flags = lexicon.get(stem);
      // (a participle's mark only on a known stem)
      const chain = flags !== undefined ? chainName(add ? `${rest}>${add}` : rest, stem) : add ? `${rest}>${add}` : rest;
      // z: the suffix is written after a ZWNJ (کتاب‌ها), which makes a strip more certain
      const z = n.charCodeAt(i) === 0x200c || n.charCodeAt(i - 1) === 0x200c ? 'z' : '';
      const sing = plurals.get(stem);
      if (flags !== undefined) {
        // "b": the stem is itself a broken plural (وزرای → وزرا), whose lemma is usually its singular (below)
        const m = sing !== undefined && !add ? 'b' : stemFit(flags, mask, chain);
        out.push(cand(stem, upos, chain, `${f}${m}`, endClass(stem) + ratioClass(fn, freq.get(stem) ?? 0) + z, true));
      } else if (stem.length >= 3 && sing === undefined && !(f >= KEEP_KNOWN && zb > 0)) {
        // unknown stem: "p" when its last ZWNJ piece is a known word (مستعمره‌نشین), else "u"
        const zp = stem.lastIndexOf('\u200c');
        const m = zp > 0 && lexicon.has(stem.slice(zp + 1)) ? 'p' : 'u';
        out.push(cand(stem, upos, chain, `${f}${m}`, endClass(stem) + z, false));
      }
      if (sing !== undefined && !add) out.push(cand(sing, upos, 'BP+' + chain, `${f}1`, z, true));
    }
  }
  return out;
}

/** Class of a stem's last letter: a vowel letter changes which suffixes attach (جای, دانشجویان, خانه‌ای). */
function endClass(s: string): string {
  const c = s[s.length - 1];
  return c === 'ا' || c === 'آ' ? 'A' : c === 'و' ? 'U' : c === 'ه' ? 'H' : c === 'ی' ? 'Y' : 'C';
}

/**
 * How much more frequent the form is than the stem (log2 classes): lexicalized forms (بیماری) are frequent. From +1 up
 * one class: +2 was too rare to have counts, and fell back to the chain's rate (مرسی, NOUN, was مرس + ی).
 */
function ratioClass(form: number, stem: number): string {
  if (stem === 0) return "x";
  const d = Math.round((form - stem) / 3);
  return String(d < -3 ? -3 : d > 1 ? 1 : d);
}

/** weight of the more general level when a level's counts are smoothed toward it (chosen by cross-validation) */
const PSEUDO = 4;
/** Probability with back-off: each level is smoothed toward the more general one. */
export function backoff(stats: ReadonlyMap<string, [number, number]>, keys: readonly string[], prefix = '', prior = 0.3): number {
  let p = prior;
  for (const k of keys) {
    const s = stats.get(prefix + k);
    if (s) p = (s[0] + PSEUDO * p) / (s[0] + s[1] + PSEUDO);
  }
  return p;
}

/** Probability that a candidate (a suffix strip) is right. */
export function candidateScore(stats: ReadonlyMap<string, [number, number]>, c: NominalCandidate): number {
  return backoff(stats, c.keys, '', c.prior);
}

export interface NominalChoice {
  lemma: string;
  /** the best strip, if any */
  alt: NominalCandidate | undefined;
  /** decision keys: "D|" + the best strip's keys; stats hold [the strip was right, identity was right] */
  dkeys: string[];
}

/**
 * Picks the lemma: the best-scoring strip competes with the identity, and which of the two wins in this context
 * (same UPOS, chain, lexicon flags) was counted in training.
 */
export function chooseNominal(
  n: string,
  upos: string,
  lexicon: ReadonlyMap<string, number>,
  plurals: ReadonlyMap<string, string>,
  freq: ReadonlyMap<string, number>,
  stats: ReadonlyMap<string, [number, number]>,
  /** a treebank convention's own decision counts ("seraji|D|..."), smoothed toward the common ones */
  schemePrefix?: string,
): NominalChoice {
  const cands = nominalCandidates(n, upos, lexicon, plurals, freq);
  let alt: NominalCandidate | undefined;
  let altScore = -1;
  for (let i = 1; i < cands.length; i++) {
    const sc = candidateScore(stats, cands[i]!);
    if (sc > altScore) {
      alt = cands[i]!;
      altScore = sc;
    }
  }
  if (!alt) return { lemma: n, alt, dkeys: [] };
  let pAlt = backoff(stats, alt.keys, 'D|', altScore);
  if (schemePrefix) pAlt = backoff(stats, alt.keys, schemePrefix, pAlt);
  const takeAlt = pAlt > 0.5;
  return { lemma: takeAlt ? alt.lemma : n, alt, dkeys: alt.keys.map((k) => 'D|' + k) };
}

/** One way a chain strips: what the stem gets back and the chain's names in the statistics. */
interface ChainAdd {
  add: string;
  /** "rest" or "rest>add" */
  chain: string;
  /** "BP+" + chain (a broken plural stem, only without add) */
  bpChain: string;
  /** isLongPlural(chain), isLongPlural(bpChain) */
  long: boolean;
  bpLong: boolean;
  /** some reading of the chain has no plural part */
  singular: boolean;
  /** chain, bpChain marked for a participle's stem (see chainName), or undefined where the chain takes no mark */
  mChain: string | undefined;
  mBpChain: string | undefined;
  /** the chain's only reading has the plural ون (UN_CHAINS): after a stem in ی only */
  un: boolean;
  /** the chain is a clitic with the glide ی on the stem (GLIDE_END): after a vowel letter only */
  glide: boolean;
  /** the chain's plural is گان that gives the stem back its ه (see heGan) */
  gan: boolean;
}
/** Reversed trie of the ZWNJ-free chains: from the last letter of a form backwards. */
interface ChainNode {
  next: Map<number, ChainNode>;
  adds: ChainAdd[] | undefined;
}
const CHAIN_TRIE: ChainNode = { next: new Map(), adds: undefined };
for (const [rest, adds] of CHAINS) {
  let node = CHAIN_TRIE;
  for (let i = rest.length - 1; i >= 0; i--) {
    const c = rest.charCodeAt(i);
    let nx = node.next.get(c);
    if (!nx) node.next.set(c, (nx = { next: new Map(), adds: undefined }));
    node = nx;
  }
  node.adds = adds.map((add) => {
    const chain = add ? `${rest}>${add}` : rest;
    const m = PARTICIPLE_CHAINS.has(chain);
    return {
      add, chain, bpChain: 'BP+' + chain, long: isLongPlural(chain), bpLong: isLongPlural('BP+' + chain), singular: SINGULAR_CHAINS.has(chain),
      mChain: m ? chain + '^م' : undefined, mBpChain: m ? 'BP+' + chain + '^م' : undefined, un: UN_CHAINS.has(rest), glide: GLIDE_END.has(rest),
      gan: add === 'ه' && rest.startsWith('گان'),
    };
  });
}

/** The flag strings `${f}${m}` (f 0-3; m 0 1 2 b p u), so no string is built per candidate. */
const FLAG_M = ['0', '1', '2', 'b', 'p', 'u'];
const FLAGS = [0, 1, 2, 3].map((f) => FLAG_M.map((m) => `${f}${m}`));
/** endClass letters, indexed by endIdx */
const END_CLASS = ['A', 'U', 'H', 'Y', 'C'];
/** ratioClass strings, indexed by ratioIdx: "x", "-3" ... "1" (ratioIdx gives "2" no more) */
const RATIO = ['x', '-3', '-2', '-1', '0', '1', '2'];
/** DETAIL_KNOWN[end][ratio][z] = endClass + ratioClass + ("z" | ""); DETAIL_UNKNOWN[end][z] = endClass + ("z" | "") */
const DETAIL_KNOWN = END_CLASS.map((e) => RATIO.map((r) => [e + r, e + r + 'z']));
const DETAIL_UNKNOWN = END_CLASS.map((e) => [e, e + 'z']);
const BP_DETAIL = ['', 'z'];

function endIdx(s: string): number {
  const c = s.charCodeAt(s.length - 1);
  return c === 0x0627 || c === 0x0622 ? 0 : c === 0x0648 ? 1 : c === 0x0647 ? 2 : c === 0x06cc ? 3 : 4;
}

function ratioIdx(form: number, stem: number): number {
  if (stem === 0) return 0;
  const d = Math.round((form - stem) / 3);
  return (d < -3 ? -3 : d > 1 ? 1 : d) + 4;
}

/** A statistics key with its counts under the plain, "D|" and the convention's prefix; children by the next part. */
interface StatNode {
  key: string;
  a: [number, number] | undefined;
  d: [number, number] | undefined;
  x: [number, number] | undefined;
  kids: Map<string, StatNode> | undefined;
}

/**
 * `chooseNominal(n, upos, ...).lemma` for data that no longer changes, without building the statistics keys of
 * every candidate: the chains are found with a reversed trie, and the counts of a (UPOS, chain, flags, detail) are
 * looked up once and kept. Same candidates in the same order, same arithmetic, so the same lemma.
 */
export function createNominalChooser(
  lexicon: ReadonlyMap<string, number>,
  plurals: ReadonlyMap<string, string>,
  freq: ReadonlyMap<string, number>,
  stats: ReadonlyMap<string, [number, number]>,
  schemePrefix?: string,
): (n: string, upos: string, singular?: boolean) => string {
  const node = (key: string): StatNode => ({
    key,
    a: stats.get(key),
    d: stats.get('D|' + key),
    x: schemePrefix ? stats.get(schemePrefix + key) : undefined,
    kids: undefined,
  });
  const tops = new Map<string, Map<string, StatNode>>();
  /** the pooled level of the strips to an unknown stem ("UPOS|~u", "UPOS|~p"), by UPOS */
  const pools = new Map<string, StatNode[]>();
  const pool = (upos: string, m: number, z: number): StatNode => {
    let p = pools.get(upos);
    if (!p) pools.set(upos, (p = ['~p', '~pz', '~u', '~uz'].map((x) => node(upos + '|' + x))));
    return p[2 * (m - 4) + z]!;
  };
  const top = (upos: string, chain: string): StatNode => {
    let m = tops.get(upos);
    if (!m) tops.set(upos, (m = new Map()));
    let t = m.get(chain);
    if (!t) m.set(chain, (t = node(upos + '|' + chain)));
    return t;
  };
  const kid = (p: StatNode, part: string): StatNode => {
    let m = p.kids;
    if (!m) p.kids = m = new Map();
    let k = m.get(part);
    if (!k) m.set(part, (k = node(p.key + '|' + part)));
    return k;
  };
  const step = (s: [number, number] | undefined, p: number): number => (s ? (s[0] + PSEUDO * p) / (s[0] + s[1] + PSEUDO) : p);

  // singular: the word is known to be singular (Number=Sing): no plural suffix is stripped (a broken plural is still
  // read: the table also holds spellings, جون → جان, and Seraji gives some broken plurals Number=Sing, رئوس → رأس)
  return (n: string, upos: string, singular = false): string => {
    const mask = posMask(upos);
    const own = lexicon.get(n) ?? 0;
    const f = own & mask ? (own & POS_GOLD ? 2 : 1) : own & POS_GOLD ? 3 : 0;
    const flagRow = FLAGS[f]!;
    // a name is seldom a plural: no raised prior for a plural + clitic chain (ایرانشان is not ایر + انشان)
    const longOk = upos !== 'PROPN';
    let fn = -1;
    let altLemma = '';
    let altScore = -1;
    let b0: StatNode | undefined;
    let b1: StatNode | undefined;
    let b2: StatNode | undefined;
    let b3: StatNode | undefined;
    const consider = (lemma: string, chain: string, flags: string, detail: string, prior: number, n0?: StatNode): void => {
      const n1 = top(upos, chain);
      const n2 = kid(n1, flags);
      const n3 = kid(n2, detail);
      const sc = step(n3.a, step(n2.a, step(n1.a, n0 ? step(n0.a, prior) : prior)));
      if (sc > altScore) {
        altScore = sc;
        altLemma = lemma;
        b0 = n0;
        b1 = n1;
        b2 = n2;
        b3 = n3;
      }
    };
    const bp = plurals.get(n);
    if (bp !== undefined) consider(bp, 'BP', flagRow[1]!, '', 0.3);
    const len = n.length;
    const start = Math.max(1, len - MAX_CHAIN - 2);
    const lastZ = n.lastIndexOf('\u200c');
    let tn: ChainNode | undefined = CHAIN_TRIE;
    for (let i = len - 1; i >= start; i--) {
      if (i < lastZ) break;
      const c = n.charCodeAt(i);
      if (c === 0x200c) continue;
      tn = tn.next.get(c);
      if (!tn) break;
      const adds = tn.adds;
      if (!adds) continue;
      // base = the form before i without ZWNJs at its edges
      let ba = 0;
      let bb = i;
      while (ba < bb && n.charCodeAt(ba) === 0x200c) ba++;
      while (bb > ba && n.charCodeAt(bb - 1) === 0x200c) bb--;
      if (bb - ba < 2) continue;
      const zb = n.lastIndexOf('\u200c', bb - 1);
      if (zb > ba) {
        const tl = bb - zb - 1;
        if (tl < 2) continue;
        if (n.charCodeAt(zb + 1) === 0x0647 && n.charCodeAt(zb + 2) === 0x0627 && (tl === 2 || (tl === 3 && n.charCodeAt(zb + 3) === 0x06cc))) continue;
      }
      const base = ba === 0 && bb === len ? n : n.slice(ba, bb);
      const z = n.charCodeAt(i - 1) === 0x200c ? 1 : 0;
      for (const ca of adds) {
        if (singular && !ca.singular) continue;
        if (ca.un && (bb - ba < 3 || n.charCodeAt(bb - 1) !== 0x06cc)) continue;
        if (ca.glide) {
          const c = n.charCodeAt(bb - 1);
          if (c !== 0x0627 && c !== 0x0648 && c !== 0x0622) continue;
        }
        const stem = ca.add && !(ca.gan && n.charCodeAt(bb - 1) === 0x0647) ? base + ca.add : base;
        const flags = lexicon.get(stem);
        const sing = plurals.get(stem);
        const marked = ca.mChain !== undefined && flags !== undefined && participle(stem);
        const chain = marked ? ca.mChain! : ca.chain;
        if (flags !== undefined) {
          const m = sing !== undefined && !ca.add ? 3 : stemFit(flags, mask, ca.chain);
          if (fn < 0) fn = freq.get(n) ?? 0;
          consider(stem, chain, flagRow[m]!, DETAIL_KNOWN[endIdx(stem)]![ratioIdx(fn, freq.get(stem) ?? 0)]![z]!, longOk && ca.long ? 0.8 : 0.3);
        } else if (stem.length >= 3 && sing === undefined && !(f >= KEEP_KNOWN && zb > ba)) {
          const zp = stem.lastIndexOf('\u200c');
          const m = zp > 0 && lexicon.has(stem.slice(zp + 1)) ? 4 : 5;
          consider(stem, chain, flagRow[m]!, DETAIL_UNKNOWN[endIdx(stem)]![z]!, longOk && ca.long && z ? 0.8 : 0.3, pool(upos, m, z));
        }
        // (a name known to be singular is no broken plural + a suffix: انصاری is not انصار + ی → ناصر)
        if (sing !== undefined && !ca.add && (longOk || !singular)) consider(sing, marked ? ca.mBpChain! : ca.bpChain, flagRow[1]!, BP_DETAIL[z]!, longOk && ca.bpLong ? 0.8 : 0.3);
      }
    }
    if (altScore < 0) return n;
    let pAlt = step(b3!.d, step(b2!.d, step(b1!.d, b0 ? step(b0.d, altScore) : altScore)));
    if (schemePrefix) pAlt = step(b3!.x, step(b2!.x, step(b1!.x, b0 ? step(b0.x, pAlt) : pAlt)));
    return pAlt > 0.5 ? altLemma : n;
  };
}
