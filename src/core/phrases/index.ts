/**
 * Phrases (chunks): the base noun phrases and verb groups of a parsed document, read off its dependency trees — what
 * hazm's chunker gives (NP, VP), with offsets into the original text, and the lemma of a compound verb
 * (`مورد استفاده قرار گرفت` → `قرار گرفت`, `استفاده کرده بودند` → `استفاده کرد`).
 *
 * - NP: a noun, name, pronoun or number and everything that hangs from it inside the noun phrase — adjectives
 *   (amod), ezafe and possessive modifiers (nmod, nmod:poss), determiners (det), numbers (nummod) and a number's own parts (flat:num: `سه هزار و پانصد`), name and foreign parts (flat, flat:name, flat:foreign),
 *   compounds and fixed expressions — followed down the tree. Left out: its prepositions and را (case: the phrase is
 *   the noun phrase, not the prepositional phrase), a modifier that has a preposition of its own (a PP attached to the
 *   noun, `سفر به ایران` is two NPs), conjuncts (`کتاب و قلم` are two), relative clauses, appositions and punctuation.
 *   The phrase is the unbroken stretch of those words around the head: a clause inside it cuts it there (a noun
 *   cut off so heads a phrase of its own). A noun inside another NP is not a phrase of its own (phrases do not nest
 *   or overlap).
 * - VP: a verb with its auxiliaries (aux, aux:pass), the non-verbal part of a light-verb construction (compound:lvc)
 *   (a noun or adjective before its verb) and verb particles (compound:prt); a nominal predicate's copula and auxiliaries (`خوب خواهد بود` → `خواهد بود`);
 *   an infinitive with a light-verb part (`قرار گرفتن`). Its words need not be adjacent (`کمک زیادی کرد`: `کمک کرد`).
 *   `lemma`: the light-verb parts' lemmas (as written, in order) and the verb's lemma — `استفاده کرد` — the form to
 *   look a Persian compound verb up by.
 *
 * Pure: it reads a Doc that a pipeline parsed (head and deprel on every word); a word without a head throws
 * E_REQUIREMENT_UNMET. Words are in the sentence's order; offsets are the tokens' (a word inside a multi-word token
 * spans its token).
 */
import { docArgument, docsOf, type Doc, type Sentence, type Word } from '../doc.js';
import { DabirError, knownOptions, showValue, dataArgument, kindOf } from '../errors.js';
import { hasLetter, hasLetterOrDigit } from '../chars.js';

export type PhraseType = 'NP' | 'VP';
export const PHRASE_TYPES: readonly PhraseType[] = ['NP', 'VP'];

export interface Phrase {
  type: PhraseType;
  /**
   * offsets into the original text: from the first word's token to the last word's token (in a multi-word token
   * written as its words one after another, from or to the word itself: خوشحال[VP ند].)
   */
  start: number;
  end: number;
  /** the original text of [start, end) */
  text: string;
  /** index of the sentence in doc.sentences */
  sentence: number;
  /** the stretches of adjacent words it is made of (one, unless a verb group's words are apart: کمک زیادی کرد) */
  pieces: { start: number; end: number }[];
  /** ids (1-based, as in CoNLL-U) of its words in the sentence, ascending */
  words: number[];
  /** id of its head word */
  head: number;
  /** NP: the head's lemma; VP: the light-verb parts' lemmas and the verb's lemma, space-separated */
  lemma: string;
}

export interface PhraseOptions {
  /** which kinds [default both] */
  types?: readonly PhraseType[];
}

const NOMINAL = new Set(['NOUN', 'PROPN', 'PRON', 'NUM']);
/** relations that keep a dependent inside its head's noun phrase */
/** a digit of any script */
const DIGIT = /\p{Nd}/u;
/** an ordinal in letters (یکم, سوم, بیستمین) */
const ORDINAL_WORD = /^\p{L}+م(?:ین)?$/u;
const NP_INSIDE = new Set(['amod', 'nmod', 'nmod:poss', 'det', 'det:predet', 'nummod', 'flat', 'flat:name', 'flat:num', 'flat:foreign', 'compound', 'fixed']);
/** relations that put a dependent in its head's verb group */
const VP_INSIDE = new Set(['aux', 'aux:pass', 'compound:lvc', 'compound:prt']);

const rel = (w: Word): string => w.deprel ?? '';
/** the parts of speech of a light verb's non-verbal part (NOUN, ADJ, ADV, PROPN: 99.7% of the 3,215 compound:lvc of the train parts) */
const LVC_UPOS = new Set(['NOUN', 'ADJ', 'ADV', 'PROPN']);
/** percent and per-mille signs (ASCII, Arabic) */
const PERCENT = new Set(['%', '٪', '‰', '؉']);
const DIGIT_END = /\p{Nd}$/u;
/** a tab, or two spaces or more in a row */
const LAYOUT_GAP = /\t| {2}|\u00a0 | \u00a0/;
const lemmaOf = (w: Word): string => (w.lemma && w.lemma !== '_' ? w.lemma : w.form);

/** The phrases of one sentence (its index given for the result), in order of their first word. */
export function sentencePhrases(doc: Doc, s: Sentence, index: number, options: PhraseOptions = {}): Phrase[] {
  // (a Doc or a Sentence of the wrong kind was "Cannot read properties of null (reading 'words')" from inside, null
  // options "Cannot read properties of null (reading 'types')")
  docArgument(doc, 'sentencePhrases');
  dataArgument(s, 'sentencePhrases', 'a Sentence of the Doc', ['tokens'], 'pass one of doc.sentences');
  if (typeof index !== 'number') throw new DabirError('E_BAD_INPUT', `sentencePhrases expects the sentence's index, got ${kindOf(index)}`, 'pass its index in doc.sentences (phrases name their sentence by it)');
  const types = phraseOptions(options).types ?? PHRASE_TYPES;
  const words = s.words;
  const n = words.length;
  const children: number[][] = Array.from({ length: n + 1 }, () => []);
  for (const w of words) {
    if (w.head === undefined || w.deprel === undefined) {
      throw new DabirError('E_REQUIREMENT_UNMET', `phrases need a dependency parse: word ${w.id} of sentence ${index + 1} has no head`, 'analyze the text with a pipeline that includes the parser (as phrases() does)');
    }
    if (w.head >= 1 && w.head <= n && w.head !== w.id) children[w.head]!.push(w.id);
  }
  const wordAt = (id: number): Word => words[id - 1]!;
  /**
   * The offsets of a word: its token's, or, in a multi-word token written as its words' forms one after another
   * (یکدیگرند = یکدیگر + ند, خوشحالند. = خوشحال + ند + . in PerDT's scheme, whose glued mark is the token's last word),
   * the word's own part of it: a phrase ends before a clitic or a mark of its last token that it does not hold, and
   * starts after those of its first (the VP of خوشحالند. was «خوشحالند.» with the full stop; the NP of بنی آدم اعضای
   * یکدیگرند held the token's copula, the VP after it, and overlapped it)
   */
  const wordOffsets = (id: number): [number, number] => {
    const w = wordAt(id);
    const t = w.token;
    if (!t.isMultiWord) return [t.start, t.end];
    let at = 0;
    let mine = -1;
    for (const x of t.words) {
      if (x === w) mine = at;
      if (t.text.startsWith(x.form, at)) at += x.form.length;
      else return [t.start, t.end];
    }
    return at === t.text.length && mine >= 0 ? [t.start + mine, t.start + mine + w.form.length] : [t.start, t.end];
  };
  const wordStart = (id: number): number => wordOffsets(id)[0];
  const wordEnd = (id: number): number => wordOffsets(id)[1];
  const hasCase = (id: number): boolean => children[id]!.some((c) => rel(wordAt(c)) === 'case');
  /**
   * `id` belongs to its head's verb group: an auxiliary or particle, or a light verb's non-verbal part that is a noun or
   * adjective before its verb (99.6% of the train parts' compound:lvc come before it; a parse that gives the label to a number (even one tagged NOUN)
   * or to a word after the verb is not followed)
   */
  const inGroup = (id: number): boolean => {
    const w = wordAt(id);
    const r = rel(w);
    if (!VP_INSIDE.has(r)) return false;
    return r !== 'compound:lvc' || (LVC_UPOS.has(w.upos ?? '') && id < w.head! && hasLetter(w.form));
  };
  const hasLvc = (id: number): boolean => children[id]!.some((c) => rel(wordAt(c)) === 'compound:lvc' && inGroup(c));
  const out: Phrase[] = [];
  const make = (type: PhraseType, head: number, ids: number[], lemma: string): Phrase => {
    ids.sort((a, b) => a - b);
    const start = wordStart(ids[0]!);
    const end = wordEnd(ids[ids.length - 1]!);
    const pieces: { start: number; end: number }[] = [];
    for (let i = 0; i < ids.length; i++) {
      let j = i;
      while (j + 1 < ids.length && ids[j + 1] === ids[j]! + 1) j++;
      pieces.push({ start: wordStart(ids[i]!), end: wordEnd(ids[j]!) });
      i = j;
    }
    return { type, start, end, text: doc.text.slice(start, end), pieces, sentence: index, words: ids, head, lemma };
  };

  if (types.includes('NP')) {
    // heads nearer the root first, so a noun inside another's phrase is taken by it (phrases do not nest or overlap);
    // a noun cut off from its head's phrase (by a clause between them) heads a phrase of its own
    // distance to the root, each word's computed once (a long chain stays linear; a cycle counts as n deep)
    const depths = new Int32Array(n + 1).fill(-1);
    const path: number[] = [];
    const depth = (id: number): number => {
      path.length = 0;
      let h = id;
      while (h >= 1 && h <= n && depths[h] < 0 && path.length <= n) {
        path.push(h);
        h = wordAt(h).head!;
      }
      let d = h >= 1 && h <= n ? (path.length > n ? n : depths[h]!) : -1;
      for (let i = path.length - 1; i >= 0; i--) depths[path[i]!] = d = Math.min(n, d + 1);
      return depths[id]!;
    };
    const heads = words
      // the non-verbal part of a light verb (رخ in رخ داد) belongs to the verb group
      .filter((w) => NOMINAL.has(w.upos ?? '') && !hasLvc(w.id) && !inGroup(w.id))
      .map((w) => ({ id: w.id, d: depth(w.id) }))
      .sort((x, y) => x.d - y.d || x.id - y.id);
    const taken = new Uint8Array(n + 2);
    // (a word with no letter or digit, an emoji or a sign such as | hung from a noun, is no part of its phrase)
    // (the و inside a number, cc of its part: سه هزار و پانصد, دو و نیم, is part of it too)
    // (the conjunct right after its و of a number in letters — a number, or an ordinal in letters — is the number's own
    // part too: بیست و یکم خرداد, دو و نیم, دو هزار و ۵۰۰; the treebanks make یکم a conj of بیست, iPerUDT's بیست و یکم
    // فروردین; the date was cut into [NP بیست] [NP خرداد]. Not after a number in digits, مواد ۴۲۱ و ۵۲۱, سال‌های ۷۶ و
    // ۷۷: two numbers; nor a conjunct of a noun, کتاب و قلم)
    const numberPart = (c: number): boolean => {
      const w = wordAt(c);
      const h = w.head!;
      if (rel(w) !== 'conj' || h < 1 || h !== c - 2 || wordAt(h).upos !== 'NUM' || DIGIT.test(wordAt(h).form)) return false;
      const and = wordAt(c - 1);
      if (and.form !== 'و' || rel(and) !== 'cc' || and.head !== c) return false;
      return w.upos === 'NUM' || (w.upos === 'ADJ' && ORDINAL_WORD.test(w.form));
    };
    const npInside = (c: number): boolean => {
      const w = wordAt(c);
      const r = rel(w);
      if (NP_INSIDE.has(r) || numberPart(c)) return true;
      return r === 'cc' && w.head! >= 1 && w.head! <= n && (rel(wordAt(w.head!)) === 'flat:num' || numberPart(w.head!));
    };
    const member = insideTest(n, words, children, (c) => npInside(c) && !hasCase(c) && hasLetterOrDigit(wordAt(c).form), taken);
    // a tab or a run of spaces between two words is layout (a poem's two hemistichs, a table's cells): no phrase
    // crosses it (به نام خداوند جان و خرد <tab> کزین برتر ... had the phrase خرد کزین برتر)
    const layoutGap = (i: number): boolean => {
      const gap = doc.text.slice(wordAt(i).token.end, wordAt(i + 1).token.start);
      return LAYOUT_GAP.test(gap);
    };
    for (const { id } of heads) {
      if (taken[id]) continue;
      const inside = member(id);
      // the unbroken stretch around the head
      let a = id;
      let b = id;
      while (a > 1 && inside(a - 1) && !layoutGap(a - 1)) a--;
      // (a percent sign right after a number of the phrase is part of it: ۲۵٪ آن; the treebanks tag % PUNCT)
      while (b < n && !layoutGap(b) && (inside(b + 1) || (PERCENT.has(wordAt(b + 1).form) && DIGIT_END.test(wordAt(b).form) && !taken[b + 1]))) b++;
      const ids: number[] = [];
      for (let i = a; i <= b; i++) {
        ids.push(i);
        taken[i] = 1;
        inside.take(i);
      }
      out.push(make('NP', id, ids, lemmaOf(wordAt(id))));
    }
  }

  if (types.includes('VP')) {
    for (const w of words) {
      const verb = w.upos === 'VERB' || hasLvc(w.id);
      const copular = !verb && children[w.id]!.some((c) => rel(wordAt(c)) === 'cop');
      if (!verb && !copular) continue;
      if (verb && (rel(w) === 'aux' || rel(w) === 'aux:pass' || rel(w) === 'cop')) continue;
      const ids: number[] = verb ? [w.id] : [];
      const lvc: Word[] = [];
      for (const c of children[w.id]!) {
        const r = rel(wordAt(c));
        if (inGroup(c) || (copular && r === 'cop')) {
          ids.push(c);
          if (verb && (r === 'compound:lvc' || r === 'compound:prt')) lvc.push(wordAt(c));
        }
      }
      if (!ids.length) continue;
      const core = verb ? w : wordAt(children[w.id]!.find((c) => rel(wordAt(c)) === 'cop')!);
      lvc.sort((x, y) => x.id - y.id);
      const lemma = [...lvc.map(lemmaOf), lemmaOf(core)].join(' ');
      out.push(make('VP', core.id, ids, lemma));
    }
  }
  out.sort((x, y) => x.words[0]! - y.words[0]! || (x.type < y.type ? -1 : 1));
  return out;
}

/**
 * Which words are inside the noun phrase of a head: those reached from it down the tree through words `ok` lets in
 * (a relation that keeps a dependent inside, no preposition of its own) that no phrase has taken yet. Asked only for
 * the words around the head (the phrase is the unbroken stretch), so it answers without walking the head's subtree:
 * each word's highest ancestor it reaches through `ok` words (its top) and a count of taken words on each word's path
 * to the root (a Fenwick tree over the tree's preorder) answer in O(log n). Walking the subtree of every head was
 * quadratic where a long chain of nouns is broken into many phrases (a sentence of thousands of number words). A
 * parse with a cycle (only a hand-made Doc) is answered by that walk.
 */
function insideTest(n: number, words: readonly Word[], children: number[][], ok: (c: number) => boolean, taken: Uint8Array) {
  const tin = new Int32Array(n + 1);
  const tout = new Int32Array(n + 1);
  const depth = new Int32Array(n + 1);
  const topDepth = new Int32Array(n + 1);
  let clock = 0;
  const stack: number[] = [];
  for (const w of words) {
    const h = w.head!;
    if (h >= 1 && h <= n && h !== w.id) continue;
    // a root of the forest: preorder numbers, depth and top depth, parents before children
    depth[w.id] = 0;
    topDepth[w.id] = 0;
    tin[w.id] = clock++;
    stack.push(w.id, 0);
    while (stack.length) {
      const k = stack.pop()!;
      const id = stack.pop()!;
      const kids = children[id]!;
      if (k < kids.length) {
        stack.push(id, k + 1);
        const c = kids[k]!;
        depth[c] = depth[id]! + 1;
        topDepth[c] = ok(c) ? topDepth[id]! : depth[c]!;
        tin[c] = clock++;
        stack.push(c, 0);
      } else tout[id] = clock;
    }
  }
  const tree = clock === n;
  const fenwick = new Int32Array(n + 1);
  const add = (i: number, v: number): void => {
    for (i++; i <= n; i += i & -i) fenwick[i]! += v;
  };
  const takenAbove = (x: number): number => {
    let s = 0;
    for (let i = tin[x]! + 1; i > 0; i -= i & -i) s += fenwick[i]!;
    return s;
  };
  return (id: number): ((c: number) => boolean) & { take(t: number): void } => {
    let test: (c: number) => boolean;
    if (tree) {
      const base = takenAbove(id);
      test = (c) => c === id || (tin[id]! < tin[c]! && tin[c]! < tout[id]! && topDepth[c]! <= depth[id]! && takenAbove(c) === base);
    } else {
      const inside = new Set<number>([id]);
      const walk = [id];
      while (walk.length) {
        for (const c of children[walk.pop()!]!) {
          if (!ok(c) || inside.has(c) || taken[c]) continue;
          inside.add(c);
          walk.push(c);
        }
      }
      test = (c) => inside.has(c);
    }
    return Object.assign(test, {
      take(t: number): void {
        if (!tree) return;
        add(tin[t]!, 1);
        add(tout[t]!, -1);
      },
    });
  };
}

/**
 * The phrases of a parsed document, sentence by sentence, in order; or of the pieces of one
 * (`pipeline.processPieces(text)`, read one at a time: the same phrases, sentence indexes counted across the pieces).
 */
export function phrasesOf(doc: Doc | Iterable<Doc>, options: PhraseOptions = {}): Phrase[] {
  const out: Phrase[] = [];
  for (const part of phrasesOfDocs(docsOf(doc, 'phrasesOf'), phraseOptions(options))) for (const p of part) out.push(p);
  return out;
}

/**
 * `phrasesOf`, a piece at a time: the phrases of each Doc of `pieces` (`pipeline.processPieces(text)`) as it is read,
 * so that neither the analysis nor the phrases of a long text need to be held whole.
 */
export function phrasesOfPieces(pieces: Doc | Iterable<Doc>, options: PhraseOptions = {}): Generator<Phrase[]> {
  return phrasesOfDocs(docsOf(pieces, 'phrasesOfPieces'), phraseOptions(options)); // (the arguments checked now, not on the first piece)
}

/** PhraseOptions checked: an object whose `types` is a list of NP and/or VP (E_BAD_OPTION otherwise). */
export function phraseOptions(options: PhraseOptions | undefined): PhraseOptions {
  const o = knownOptions(options, 'phrase', ['types']);
  if (o.types !== undefined && !Array.isArray(o.types)) throw new DabirError('E_BAD_OPTION', `option "types" cannot be ${showValue(o.types)}`, 'give a list of "NP" and/or "VP"', { option: 'types', value: o.types, allowed: PHRASE_TYPES });
  for (const t of o.types ?? []) {
    if (!PHRASE_TYPES.includes(t)) throw new DabirError('E_BAD_OPTION', `phrase type ${JSON.stringify(t)} is not known`, 'use "NP" and/or "VP"', { option: 'types', value: t, allowed: PHRASE_TYPES });
  }
  return o;
}

function* phrasesOfDocs(pieces: Iterable<Doc>, options: PhraseOptions): Generator<Phrase[]> {
  let k = 0;
  for (const d of pieces) {
    const out: Phrase[] = [];
    for (const s of d.sentences) for (const p of sentencePhrases(d, s, k++, options)) out.push(p);
    yield out;
  }
}
