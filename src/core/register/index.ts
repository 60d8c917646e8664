/**
 * Register detection: is a paragraph formal written Persian (news, books, the PerDT and Seraji treebanks) or the
 * colloquial Persian of chat, blogs and social media (iPerUDT)? The analysers follow one treebank's conventions each
 * (`scheme`), and the wrong one costs much (iPerUDT dev from raw text, UPOS 91.6 with its own scheme, 81.9 with
 * PerDT's); `scheme: 'auto'` picks one per paragraph from this test.
 *
 * The test counts colloquial markers among the words (ZWNJs ignored): spoken verb endings after می/نمی (`میکنه`,
 * `میگیرن`, `نمیتونه`), and words that formal text almost never has (`یه`, `اون`, `دیگه`, `اگه`, `داره`, `باشه`). The
 * word list was chosen from the training parts of the treebanks and the raw text (scripts/lib/splits.ts): words seen
 * in at least 8 iPerUDT train sentences and in far fewer of the 32k formal ones, less the ambiguous ones (`رو` face or
 * را, `بره` lamb, `تو` you or in, `منم` "it is I", formal `کجاست`, `این‌قدر`). `رو` counts only before a verb in می/نمی
 * other than its light verbs (عکس‌ها رو میفرستم; not بهانه رو می‌کند); `یه` decides a paragraph of any length alone.
 * Pure, linear, no allocation per character.
 */
import { hasStretch } from '../chars.js';
import { textArgument, DabirError, kindOf } from '../errors.js';

const ZWNJ = 0x200c;

/** colloquial words (ZWNJ removed) */
const MARKERS = new Set(
  (
    'یه اون اونا اینا اونجا دیگه اگه خب واسه همون همینه اینه چیه کیه مگه بازم قراره ممکنه ' +
    'داره دارن نداره ندارن باشه باشن نباشه بشه نشه شه کنه کنن نکنه بکنه بگم بگه بگن بدم بیاد نیاد بیام هستن نیستن ' +
    'بهم برام براش بهش بهشون براشون بهت برات منو اینو اونو تورو خودشون خودمون خودتون ' +
    'تموم خونه انقدر اونقدر همچین اینطوری اینجوری اونجوری یهو خوبه ک تهش توش الانم ' +
    'اومد اومدم اومده اومدن میخوام میخواد میخوای نمیدونم میدونم میدونی میگم میگن میگه میده میدم میره میرم میشم میشن میشه نمیشه میاد نمیاد میام'
  )
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => w.replaceAll('\u200c', '')),
);

/** FNV-1a hash of a word's units other than ZWNJ (the scan computes it as it goes: no word is sliced to test it) */
function hashOf(w: string): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < w.length; k++) if (w.charCodeAt(k) !== ZWNJ) h = Math.imul(h ^ w.charCodeAt(k), 0x01000193);
  return h;
}
const MARKER_HASHES = new Set([...MARKERS].map(hashOf));
/**
 * a filter before MARKER_HASHES: bit (h & 0xffff) is set for every marker's hash, so a word whose bit is clear is no
 * marker without the Set look-up (a hash outside V8's small integers is a heap number to hash: ~1 in 600 words pass)
 */
const MARKER_BITS = new Uint8Array(0x10000);
for (const h of MARKER_HASHES) MARKER_BITS[h & 0xffff] = 1;
/** formal words in شون (army, Samson) */
const NOT_SHUN = new Set(['قشون', 'شمشون'].map(hashOf));
/**
 * `یه` (for یک) decides a paragraph of any length alone: 210 of iPerUDT train's 1,851 lines have it, 8 of the 31k
 * formal train lines (PerDT and Seraji text), every one of them spoken dialogue (یه دقیقه صبر کن.); 18 iPerUDT train
 * lines of more than 12 words had it as their only marker (read formal: یه ADP, the object marker رو NOUN), no formal one
 */
const YEH = hashOf('یه');
/** رو, the spoken object marker (را) before a verb in می/نمی */
const RO = hashOf('رو');
const AZ_IN = 'از این ';

/** `از این ` (از این رو, hence) ends at `i`, a word of its own from `from` on */
function afterAzIn(text: string, i: number, from: number): boolean {
  const s = i - AZ_IN.length;
  return s >= from && text.startsWith(AZ_IN, s) && (s === from || !isWordUnit(text.charCodeAt(s - 1)));
}

/**
 * `w` (without ZWNJs) has a spoken verb ending after می/نمی: 3sg ه, 3pl ن (not the formal participle in ده/ته, nor
 * words in ان ون انه)
 */
function spokenVerb(w: string): boolean {
  const n = w.length;
  let p = 0;
  if (w.charCodeAt(0) === 0x0646) p = 1; // ن
  if (w.charCodeAt(p) !== 0x0645 || w.charCodeAt(p + 1) !== 0x06cc) return false; // می
  if (n - (p + 2) < 3) return false; // a stem of two letters at least, and the ending
  const last = w.charCodeAt(n - 1);
  const prev = w.charCodeAt(n - 2);
  if (last === 0x0647) {
    // ه: not the participle (میکرده, میرفته) nor a word in انه (میخانه, میانه)
    return prev !== 0x062f && prev !== 0x062a && prev !== 0x0646;
  }
  if (last === 0x0646) {
    // ن: not ان / ون / ین words (میزان, میلیون, میهن)
    return prev !== 0x0627 && prev !== 0x0648 && prev !== 0x06cc;
  }
  return false;
}

/** 1 for a letter of the Arabic script or an Arabic mark (U+0600–U+06FF): with ZWNJ, the units of a Persian word */
const UNIT = new Uint8Array(0x700);
for (let c = 0x0600; c < 0x0700; c++) {
  UNIT[c] = (c >= 0x0620 && c <= 0x064a) || (c >= 0x066e && c <= 0x06d3) || c === 0x06d5 || (c >= 0x06fa && c <= 0x06ff) || (c >= 0x064b && c <= 0x065f) || c === 0x0670 ? 1 : 0;
}
function isWordUnit(c: number): boolean {
  return c < 0x700 ? UNIT[c] === 1 : c === ZWNJ;
}

export interface RegisterCount {
  /** Persian words in the text */
  words: number;
  /** colloquial markers among them */
  markers: number;
  /** markers among them that decide alone, in a paragraph of any length (`یه`; see registerOf) */
  strong?: number;
}

/** Counts the Persian words of `text` (of `text.slice(from, to)`, without making it) and the colloquial markers among them. */
export function registerCount(text: string, from = 0, to?: number): RegisterCount {
  textArgument(text, 'registerCount');
  // (a bigint or a symbol was "Cannot convert a BigInt value to a number")
  if (typeof from !== 'number' || (to !== undefined && typeof to !== 'number')) throw new DabirError('E_BAD_INPUT', `registerCount expects offsets as numbers, got ${kindOf(typeof from !== 'number' ? from : to)}`, 'pass from and to as UTF-16 offsets, or leave them out for the whole text');
  let words = 0;
  let markers = 0;
  let strong = 0;
  const n = Math.min(to ?? text.length, text.length);
  let i = Math.max(0, from);
  while (i < n) {
    if (!isWordUnit(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i;
    let zwnj = false;
    let h = 0x811c9dc5;
    // (a run of one letter three times or more: maybe a letter stretched for emphasis, checked below)
    let last = -1;
    let run = 0;
    let long = false;
    for (; j < n; j++) {
      const c = text.charCodeAt(j);
      if (!isWordUnit(c)) break;
      if (c === ZWNJ) zwnj = true;
      else h = Math.imul(h ^ c, 0x01000193);
      if (c === last) {
        if (++run === 3) long = true;
      } else {
        last = c;
        run = 1;
      }
    }
    words++;
    // a letter stretched for emphasis (خوووبه, مرسیییی, عاااشقتم; laughter, ههههه) is chat's: none in the 31k formal
    // lines of the PerDT and Seraji train text, 12 of iPerUDT train's 1,851 lines (a line with one and no other marker,
    // خوووبه, was read formal: its words kept whole, خوووبه a NOUN)
    if (long && j - i <= 64 && hasStretch(text.slice(i, j))) {
      markers++;
      i = j;
      continue;
    }
    const c0 = text.charCodeAt(i);
    const c1 = text.charCodeAt(i + 1);
    // only a word whose hash is a marker's or that may be a spoken verb (starts with می or نمی) is sliced
    const mi = (c0 === 0x0645 && c1 === 0x06cc) || (c0 === 0x0646 && c1 === 0x0645);
    // the chat clitic شون at the end of a word of four letters or more (خودشون, کتاباشون, بهشون; 141 in iPerUDT train):
    // formal words in شون are rare (the 31k raw training lines have only قشون and شمشون, 5 times)
    if (j - i >= 4 && text.charCodeAt(j - 1) === 0x0646 && text.charCodeAt(j - 2) === 0x0648 && text.charCodeAt(j - 3) === 0x0634 && !NOT_SHUN.has(h)) {
      markers++;
      i = j;
      continue;
    }
    if (j - i <= 24 && (mi || (MARKER_BITS[h & 0xffff] === 1 && MARKER_HASHES.has(h)))) {
      let w = text.slice(i, j);
      if (zwnj) w = w.replaceAll('\u200c', '');
      if (listedOrSpoken(w, mi)) {
        markers++;
        if (h === YEH && w === 'یه') strong++;
      }
    } else if (h === RO && j - i === 2 && roBeforeVerb(text, j, n) && !afterAzIn(text, i, Math.max(0, from))) markers++;
    i = j;
  }
  return { words, markers, strong };
}

/**
 * A verb in می/نمی of four letters or more (میرم, می‌فهمیم; not میز) follows at `j` after one space, and not one of
 * the light verbs of the noun رو (face): رو آمدن / آوردن (رو می‌آید, منطق رو می‌آورد), رو کردن (بهانه رو می‌کند,
 * خطر قحطی رو می‌کرد), رو شدن (دستشان رو می‌شود). iPerUDT train: 459 رو are the object marker (PART), 120 of them
 * before a verb; as a marker, رو before such a verb makes 13 of its train lines informal and none of the 31k formal
 * train lines (without the light-verb exception 2: رو می‌آید, بهانه رو می‌کند)
 */
function roBeforeVerb(text: string, j: number, n: number): boolean {
  // (nothing at or past `n` is read: a range counts as its slice would)
  const at = (k: number): number => (k < n ? text.charCodeAt(k) : -1);
  if (at(j) !== 0x20) return false;
  let k = j + 1;
  if (at(k) === 0x0646) k++; // ن
  if (at(k) !== 0x0645 || at(k + 1) !== 0x06cc) return false; // می
  k += 2;
  if (at(k) === ZWNJ) k++;
  const c = at(k);
  const d = at(k + 1);
  if (c === 0x0622 || (c === 0x06a9 && (d === 0x0646 || d === 0x0631)) || (c === 0x0634 && (d === 0x0648 || d === 0x062f))) return false; // آ، کن/کر، شو/شد
  // two letters of the stem at least (میرم, not میز)
  return isWordUnit(c) && c !== ZWNJ && isWordUnit(d) && d !== ZWNJ;
}

export type Register = 'formal' | 'informal';

/**
 * The register of a paragraph: informal when it has two colloquial markers, or one in a short paragraph (up to 12
 * words: a chat message).
 */
export function detectRegister(text: string): Register {
  return registerOf(registerCount(textArgument(text, 'detectRegister')));
}

/**
 * The register of a paragraph from its counts (see detectRegister). `colloquial`: how many of its words another test
 * reads as colloquial (a formalizer's word table and verb rules); the same rule applies to them on their own (two, or
 * one in up to 12 words).
 */
export function registerOf({ words, markers, strong = 0 }: RegisterCount, colloquial = 0): Register {
  const m = Math.max(markers, colloquial);
  return m >= 2 || strong > 0 || (m === 1 && words <= 12) ? 'informal' : 'formal';
}

/**
 * How many Persian words of `text.slice(from, to)` that are no marker another test reads as colloquial
 * (`isColloquial`, e.g. a formalizer's strong readings: `میدیم`, `روحم رو`, which no marker covers), counting stops at
 * `limit`. The words are passed as written (ZWNJs kept).
 */
export function colloquialCount(text: string, isColloquial: (word: string) => boolean, from = 0, to = text.length, limit = 2): number {
  let count = 0;
  const n = Math.min(to, text.length);
  let i = Math.max(0, from);
  while (i < n && count < limit) {
    if (!isWordUnit(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n && isWordUnit(text.charCodeAt(j))) j++;
    // (no word is longer: a run of thousands of letters is no colloquial word; a marker is counted by registerCount)
    if (j - i <= 24) {
      const w = text.slice(i, j);
      if (!isMarker(w) && isColloquial(w)) count++;
    }
    i = j;
  }
  return count;
}

/**
 * The register of `text.slice(from, to)` by its markers and, where one more colloquial word could decide it (a line
 * of up to 12 words, or one with a single marker), by `isColloquial` too (see registerOf). A long line without a
 * marker is not read word by word: formal text, most of it, pays nothing. `rc`: the slice's registerCount, when the
 * caller has it.
 */
export function registerWith(text: string, isColloquial: ((word: string) => boolean) | undefined, from = 0, to = text.length, rc = registerCount(text, from, to)): Register {
  // (a line the markers alone decide is not read: two markers, one in up to 12 words, none in more than 12 words;
  // else it is informal as soon as one word reads as colloquial, so the count stops at one)
  if (!isColloquial || rc.markers >= 2 || (rc.strong ?? 0) > 0 || (rc.markers === 1 && rc.words <= 12) || (rc.markers === 0 && rc.words > 12) || rc.words === 0) return registerOf(rc);
  return registerOf(rc, rc.markers + colloquialCount(text, isColloquial, from, to, 1));
}

/** a word (ZWNJs removed) in the marker list, or (`mi`: it starts with می or نم) a spoken verb form */
function listedOrSpoken(w: string, mi: boolean): boolean {
  return MARKERS.has(w) || (mi && spokenVerb(w));
}

/** whether registerCount counts the word (as written) as a marker: the clitic شون, or listedOrSpoken */
function isMarker(word: string): boolean {
  const w = word.indexOf('\u200c') >= 0 ? word.replaceAll('\u200c', '') : word;
  if (w.length >= 4 && w.endsWith('شون') && !NOT_SHUN.has(hashOf(w))) return true;
  return listedOrSpoken(w, w.startsWith('می') || w.startsWith('نم'));
}

