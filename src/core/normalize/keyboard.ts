/**
 * Persian typed with the keyboard left on English: `sghl ,ro o,fd` is `سلام وقت خوبی` typed on the keys of a Persian
 * keyboard while the system layout was US English. This step finds such runs of Latin "words" and gives back the
 * Persian letters of the same keys (one unit for one unit, so offsets do not move).
 *
 * A run is a stretch of tokens made only of the keys of Persian letters (a-z, ; ' , [ ] \ and C H for ژ آ), apart by
 * spaces, numbers, brackets, quotes or commas, within one sentence (. ! ? : end it) of one line. It is converted when its tokens, read on the Persian layout, are words
 * the half-space model knows (frequency in its corpus, or its lexicon flag): at least one that no common English word
 * gives (`an` → `شد`, `do` → `یخ` are no evidence), and three in four of those of two letters or more. A token with
 * another upper-case letter or a digit, or inside a URL, an e-mail address, code or markup, ends the run unconverted:
 * English prose and code give almost no Persian words this way (measured in the README: `npm run eval:keyboard`).
 * The `m` key is `پ` on the standard layout (ISIRI 9147) and `ئ` on the old Windows one: the one that makes a word wins.
 * A web address typed the other way, on the Persian layout (`صصص.لخخلمث.زخپ` → `www.google.com`), is turned back too.
 */
import type { Edit, StepText } from '../aligned.js';
import { isAsciiCapital, isAsciiDigit, isPersianDigit, MAX_WORD } from '../chars.js';
import { FLAG_LEX, type HalfSpaceModel } from './halfspace-model.js';

/** US key → Persian letter on the same key (standard layout; `m` see M_OLD) */
const KEY = new Uint16Array(128);
for (const [k, v] of Object.entries({
  q: 'ض', w: 'ص', e: 'ث', r: 'ق', t: 'ف', y: 'غ', u: 'ع', i: 'ه', o: 'خ', p: 'ح', '[': 'ج', ']': 'چ', '\\': 'پ',
  a: 'ش', s: 'س', d: 'ی', f: 'ب', g: 'ل', h: 'ا', j: 'ت', k: 'ن', l: 'م', ';': 'ک', "'": 'گ',
  z: 'ظ', x: 'ط', c: 'ز', v: 'ر', b: 'ذ', n: 'د', m: 'پ', ',': 'و', C: 'ژ', H: 'آ',
})) KEY[k.charCodeAt(0)] = v.charCodeAt(0);
/** `m` on the old Windows Persian layout */
const M_OLD = 'ئ'.charCodeAt(0);
/** marks that may end a token without being a letter (a comma or semicolon after a word, a closing quote) */
const TRAILING = new Set([0x2c, 0x3b, 0x27]);

/**
 * Common English words whose keys spell a Persian word (an → شد, and → شدی, do → یخ, of → خب, in → هد, all → شمم):
 * in a run they are no evidence either way. The hundred commonest English words and a few more.
 */
const ENGLISH = new Set(
  `the be to of and a in that have i it for not on with he as you do at this but his by from they we say her she or an will my one all would there their what so up out if about who get which go me when make can like time no just him know take people into year your good some could them see other than then now look only come its over think also back after use two how our work first well way even new want because any these give day most us is are was were been has had did does am said made may much many more such very own same here where why each few both those lot let yes ok via per etc`.split(' '),
);

/** the share of a run's words (two letters or more) that must read as Persian words */
const RATIO = [3, 4] as const; // (2/3 and 3/5 measured alike on the development set)

/** separators a run may hold between its tokens */
const isGap = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0xa0 || c === 0x2d || c === 0x22 || c === 0x28 || c === 0x29 || c === 0x060c || c === 0x061b || c === 0xab || c === 0xbb;
/** marks that end a sentence, and with it a run (each sentence is judged on its own) */
const isStop = (c: number): boolean => c === 0x2e || c === 0x21 || c === 0x3f || c === 0x061f || c === 0x3a;
/** units that make a Latin token part of something else (a path, an address, code, markup, a number) */
const isGlue = (c: number): boolean => isAsciiDigit(c) || c === 0x40 || c === 0x23 || c === 0x3c || c === 0x3e || c === 0x60 || c === 0x2f || c === 0x3d || c === 0x5f || c === 0x26 || c === 0x7b || c === 0x7d || c === 0x24 || c === 0x25 || c === 0x2b || c === 0x2a || c === 0x7c || c === 0x7e || c === 0x5e;

interface Token {
  start: number;
  /** end of the letters (trailing , ; ' left out when the word needs them not) */
  end: number;
  /** the Persian letters of [start, end) */
  fa: string;
  /** 0: not a word; 1: a word an English word also gives; 2: a word */
  known: number;
  /** its letters a-z (punctuation keys not counted) */
  letters: number;
  /** of them a e i o u */
  vowels: number;
  /** the word's frequency (see frequency()) */
  freq: number;
}

/** How well the model knows a word: its count as a whole word, or 1 when only its lexicon lists it; 0 if unknown. */
function frequency(model: HalfSpaceModel, w: string): number {
  const r = model.form(w);
  if (r >= 0 && model.formCount[r]! > 0) return model.formCount[r]!;
  const p = model.piece(w);
  if (p < 0) return 0;
  const f = model.glued[p]! + model.first[p]!;
  return f > 0 ? f : (model.flags[p]! & FLAG_LEX) !== 0 ? 1 : 0;
}

function spell(text: string, start: number, end: number, mOld: boolean): string {
  let s = '';
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    s += String.fromCharCode(c === 0x6d && mOld ? M_OLD : KEY[c]!);
  }
  return s;
}

/** The reading of the token [start, end) that makes a word, with and without its trailing marks. */
function readToken(model: HalfSpaceModel, text: string, start: number, end: number): Token {
  let letters = 0;
  let vowels = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i) | 0x20;
    if (c >= 0x61 && c <= 0x7a) {
      letters++;
      if (c === 0x61 || c === 0x65 || c === 0x69 || c === 0x6f || c === 0x75) vowels++;
    }
  }
  for (let e = end; e > start; e--) {
    if (e < end && !TRAILING.has(text.charCodeAt(e))) break;
    // no word is longer than MAX_WORD: a longer reading is not spelled and looked up (a run of thousands of ' , ;
    // would be, once for each mark it may end at)
    if (e - start > MAX_WORD) continue;
    const hasM = text.slice(start, e).includes('m');
    for (const mOld of hasM ? [false, true] : [false]) {
      const fa = spell(text, start, e, mOld);
      const f = e - start >= 2 ? frequency(model, fa) : 0;
      if (f >= 2 || (f >= 1 && e - start >= 4)) {
        const latin = text.slice(start, e).toLowerCase();
        return { start, end: e, fa, known: ENGLISH.has(latin) ? 1 : 2, letters, vowels, freq: f };
      }
    }
  }
  return { start, end, fa: spell(text, start, end, false), known: 0, letters, vowels, freq: 0 };
}

/**
 * The edits that turn each run of Persian typed on the English layout into Persian letters. Unprotected units only
 * are read for the gaps; the tokens themselves are Latin words, which the protection mask covers, so the caller
 * passes the spans of links, code and markup in `hard` (1 = never touch).
 */
export function keyboardEdits(a: StepText, model: HalfSpaceModel, hard: Uint8Array): Edit[] {
  const { text } = a;
  const n = text.length;
  const out: Edit[] = [];
  let run: Token[] = [];
  /** the runs of the current line that read as Persian: ok, or held back only for being short */
  let lineRuns: { run: Token[]; ok: boolean }[] = [];
  const endLine = (): void => {
    const any = lineRuns.some((r) => r.ok);
    for (const { run: r, ok } of lineRuns) {
      if (!ok && !any) continue;
      for (const t of r) {
        // marks alone stay marks (] , \), but for a comma alone: و
        if (t.letters === 0 && !(t.end - t.start === 1 && text.charCodeAt(t.start) === 0x2c)) continue;
        out.push({ start: t.start, end: t.end, text: t.letters === 1 && t.known === 0 ? spell(text, t.start, t.end, false) : t.fa, kind: 'keyboard' });
      }
    }
    lineRuns = [];
  };
  /** the current line holds Arabic-script letters (computed when the line starts) */
  let persianLine = false;
  let lineEnd = -1;
  const startLine = (i: number): void => {
    flush();
    endLine();
    let j = i;
    persianLine = false;
    while (j < n && text.charCodeAt(j) !== 0x0a) {
      const c = text.charCodeAt(j);
      if (c >= 0x0620 && c <= 0x06d3) persianLine = true;
      j++;
    }
    lineEnd = j;
  };
  const flush = (): void => {
    if (run.length) {
      // a word typed with a ZWNJ comes as two tokens (shift+space is a space on the English layout): می + خواهم
      for (let k = 0; k + 1 < run.length; k++) {
        const x = run[k]!;
        const y = run[k + 1]!;
        if (x.known && y.known) continue;
        if (x.letters + y.letters >= 4 && frequency(model, x.fa + y.fa) >= 2) {
          if (!x.known) x.known = 2;
          if (!y.known) y.known = 2;
        }
      }
      let counted = 0;
      let known = 0;
      let sure = 0;
      for (const t of run) {
        if (t.letters < 2) continue;
        counted++;
        if (t.known) known++;
        if (t.known === 2) sure++;
      }
      // one word alone is weak evidence: in Persian text it is enough; on a line with no Persian letters it must be
      // four letters or more, have few English vowels and be a frequent word (cold → زخمی, cd → زی stay)
      const main = sure >= 1 && known * RATIO[1] >= counted * RATIO[0];
      let ok = main;
      if (ok && counted === 1) {
        const t = run.find((x) => x.letters >= 2)!;
        ok = t.letters >= 3 && (persianLine || (t.letters >= 4 && t.vowels * 5 <= t.letters && t.freq >= 20));
      } else if (ok && counted === 2 && !persianLine) ok = sure === 2;
      // a short run that only the rules for lone words held back goes with the rest of its line (sghl! hk[hl an.)
      if (ok || main) lineRuns.push({ run, ok });
    }
    run = [];
  };
  let i = 0;
  while (i < n) {
    if (i > lineEnd) startLine(i);
    const c = text.charCodeAt(i);
    if (isAsciiDigit(c) || isPersianDigit(c)) {
      // a number between the words of a run is part of it (در سال 1380, 15 jh 20), unless glued to a letter
      let j = i + 1;
      for (; j < n; j++) {
        const d = text.charCodeAt(j);
        if (isAsciiDigit(d) || isPersianDigit(d)) continue;
        // a decimal point, thousands separator, date or time mark between digits
        if ((d === 0x2e || d === 0x2c || d === 0x2f || d === 0x3a) && j + 1 < n && isAsciiDigit(text.charCodeAt(j + 1))) continue;
        break;
      }
      const before = i > 0 ? text.charCodeAt(i - 1) : 0x20;
      const after = j < n ? text.charCodeAt(j) : 0x20;
      if ((before < 128 && (KEY[before] || isAsciiCapital(before))) || (after < 128 && (KEY[after] || isAsciiCapital(after) || isGlue(after)))) flush();
      i = j;
      continue;
    }
    if (c < 128 && (KEY[c] || isAsciiCapital(c) || isGlue(c))) {
      // a token: the longest stretch of key units, upper-case letters and glue
      let j = i;
      let ok = !hard[i];
      while (j < n) {
        const d = text.charCodeAt(j);
        if (d >= 128) break;
        if (KEY[d]) {
          if (hard[j]) ok = false;
        } else if (isAsciiCapital(d) || isGlue(d)) ok = false;
        else break;
        j++;
      }
      // a dot or colon inside a Latin word (file.txt, a:b) glues it too
      if (j + 1 < n && (text.charCodeAt(j) === 0x2e || text.charCodeAt(j) === 0x3a) && text.charCodeAt(j + 1) < 128 && KEY[text.charCodeAt(j + 1)]) ok = false;
      if (i > 0 && (text.charCodeAt(i - 1) === 0x2e || text.charCodeAt(i - 1) === 0x3a) && i > 1 && text.charCodeAt(i - 2) < 128 && KEY[text.charCodeAt(i - 2)]) ok = false;
      if (!ok) {
        flush();
        i = j;
        continue;
      }
      run.push(readToken(model, text, i, j));
      i = j;
      continue;
    }
    if (!isGap(c) || isStop(c)) flush();
    i++;
  }
  flush();
  endLine();
  if (out.length === 0 || !text.includes('.')) return out.length ? out : domainEdits(text, hard);
  // (both kinds: merge in order; a domain never overlaps a Latin run, it is made of Persian letters)
  return [...out, ...domainEdits(text, hard)].sort((x, y) => x.start - y.start);
}

/** US key of each Persian letter on the standard layout (the inverse of KEY; ئ on m, as the old layout has it) */
const LATIN_OF = new Map<number, string>();
for (let c = 0; c < 128; c++) if (KEY[c] && c !== 0x5c && c !== 0x43 && c !== 0x48) LATIN_OF.set(KEY[c]!, String.fromCharCode(c).toLowerCase());
LATIN_OF.set(M_OLD, 'm');
/** the endings of web addresses typed on the Persian layout are looked for (.com → .زخپ) */
const TLDS = new Set(['com', 'ir', 'org', 'net', 'io', 'co', 'info', 'edu', 'gov', 'dev', 'app', 'me', 'ai']);

/**
 * The other way round: a web address typed with the keyboard on the Persian layout (`صصص.لخخلمث.زخپ` is
 * `www.google.com`): a stretch of Persian letters with dots inside, no space, whose keys spell labels ending in a
 * common top-level domain (com, ir, org, net, ...) or starting with www. Persian prose never reads so: its words are
 * not separated by dots.
 */
function domainEdits(text: string, hard: Uint8Array): Edit[] {
  const out: Edit[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!LATIN_OF.has(text.charCodeAt(i)) || (i > 0 && (LATIN_OF.has(text.charCodeAt(i - 1)) || text.charCodeAt(i - 1) === 0x2e))) {
      i++;
      continue;
    }
    let j = i;
    let dots = 0;
    let latin = '';
    while (j < n) {
      const c = text.charCodeAt(j);
      const l = LATIN_OF.get(c);
      if (l !== undefined) latin += l;
      else if (c === 0x2e && j + 1 < n && LATIN_OF.has(text.charCodeAt(j + 1)) && j > i && text.charCodeAt(j - 1) !== 0x2e) {
        latin += '.';
        dots++;
      } else break;
      j++;
    }
    const labels = latin.split('.');
    const next = j < n ? text.charCodeAt(j) : 0x20;
    if (dots >= 1 && (TLDS.has(labels[labels.length - 1]!) || labels[0] === 'www') && labels.every((x) => x.length > 0) && !(next >= 0x0620 && next <= 0x06d3) && !hard[i]) {
      out.push({ start: i, end: j, text: latin, kind: 'keyboard' });
    }
    i = j;
  }
  return out;
}
