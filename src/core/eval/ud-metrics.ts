/**
 * CoNLL 2018 shared-task evaluation (a TypeScript port of the logic of the official `conll18_ud_eval.py`).
 *
 * - Gold and system are CoNLL-U strings or Docs. Whitespace (Unicode category Zs) is removed from token forms and
 *   the remaining characters of all tokens, concatenated, must be identical on both sides; otherwise the result is an
 *   error (`ok: false`) rather than a thrown exception. Unlike the official script, the invisible format controls
 *   a token's span leaves out at its edges (BOM, LRM, RLM, ALM, bidi embeddings and isolates, zero-width space) are removed as
 *   whitespace is: treebank forms keep them (iPerUDT's `مردم\u202a`), dabir's tokens do not, and the words are the same.
 * - Tokens and Sentences are scored as character spans; words are aligned by span, and inside a "multi-word span"
 *   (any stretch touching a multi-word token on either side) by the LCS of the lowercased word forms.
 * - UFeats keeps universal features only; LAS, CLAS, MLAS and BLEX compare the universal part of DEPREL (subtypes
 *   after ':' removed), exactly as the official script. `LASfull` (not in the official script) compares full
 *   subtyped deprels.
 * - A gold lemma `_` counts as correct whatever the system lemma is (as in the script).
 *
 * Strictness: by default the checks of the official script are made (integer HEADs inside the sentence, one root,
 * no cycles, consecutive word ids) and a failure is returned as an error. With `{ strict: false }` a missing or
 * invalid HEAD only makes that word's attachment count as wrong, and extra roots and cycles are tolerated (each
 * relaxation is listed in `warnings`), so partially annotated system output can still be scored.
 *
 * Pure: no Node imports.
 */
import type { Doc } from '../doc.js';
import { readConllu } from '../formats/conllu.js';
import { isEdgeControl } from '../chars.js';
import { booleanOption, DabirError, kindOf, knownOptions } from '../errors.js';

export const CONTENT_DEPRELS: ReadonlySet<string> = new Set([
  'nsubj', 'obj', 'iobj', 'csubj', 'ccomp', 'xcomp', 'obl', 'vocative', 'expl', 'dislocated', 'advcl', 'advmod',
  'discourse', 'nmod', 'appos', 'nummod', 'acl', 'amod', 'conj', 'fixed', 'flat', 'compound', 'list', 'parataxis',
  'orphan', 'goeswith', 'reparandum', 'root', 'dep',
]);

export const FUNCTIONAL_DEPRELS: ReadonlySet<string> = new Set(['aux', 'cop', 'mark', 'det', 'clf', 'case', 'cc']);

export const UNIVERSAL_FEATURES: ReadonlySet<string> = new Set([
  'PronType', 'NumType', 'Poss', 'Reflex', 'Foreign', 'Abbr', 'Gender', 'Animacy', 'Number', 'Case', 'Definite',
  'Degree', 'VerbForm', 'Mood', 'Tense', 'Aspect', 'Voice', 'Evident', 'Polarity', 'Person', 'Polite',
]);

/** The metrics in the order of the official table, then `LASfull`. */
export const UD_METRICS = [
  'Tokens', 'Sentences', 'Words', 'UPOS', 'XPOS', 'UFeats', 'AllTags', 'Lemmas', 'UAS', 'LAS', 'CLAS', 'MLAS', 'BLEX',
  'LASfull',
] as const;
export type UdMetric = (typeof UD_METRICS)[number];

export interface UdScore {
  correct: number;
  goldTotal: number;
  systemTotal: number;
  /** number of aligned words the metric was computed on; null for Tokens, Sentences and Words */
  alignedTotal: number | null;
  /** fractions in [0, 1] */
  precision: number;
  recall: number;
  f1: number;
  /** correct / alignedTotal; null when alignedTotal is null */
  alignedAccuracy: number | null;
}

export interface UdScoresOk {
  ok: true;
  metrics: Record<UdMetric, UdScore>;
  /** relaxations applied in non-strict mode, one summary line per kind, e.g. "system: 12 words without a HEAD" */
  warnings: string[];
}

export interface UdScoresError {
  ok: false;
  error: string;
}

export type UdScores = UdScoresOk | UdScoresError;

export interface EvaluateOptions {
  /** the checks of the official script (default true); see the module comment */
  strict?: boolean;
}

class UDError extends Error {}

interface Span {
  start: number;
  end: number;
}

const ROOT = -1;
const NOT_ALIGNED = -2;
const SYSTEM_HEAD_MISSING = -3;
const GOLD_HEAD_MISSING = -4;

interface UDWord {
  /** span of the word, or of its whole multi-word token */
  span: Span;
  isMultiword: boolean;
  form: string;
  lemma: string;
  upos: string;
  xpos: string;
  /** universal features only, sorted, joined by '|' */
  feats: string;
  /** universal part of the deprel */
  deprel: string;
  deprelFull: string;
  /** index of the parent in the word list, ROOT, or *_HEAD_MISSING */
  parent: number;
  functionalChildren: number[];
  isContent: boolean;
  isFunctional: boolean;
}

interface UDRepresentation {
  characters: string[];
  tokens: Span[];
  words: UDWord[];
  sentences: Span[];
}

const col = (v: string | number | undefined): string => (v === undefined || v === '' ? '_' : String(v));

function universalFeats(feats: string): string {
  return feats
    .split('|')
    .filter((f) => UNIVERSAL_FEATURES.has(f.split('=', 1)[0]!))
    .sort()
    .join('|');
}

function stripZs(s: string): string {
  const t = s.replace(/\p{Zs}/gu, '');
  // the controls a token's span leaves out at its edges (chars.isEdgeControl, the tokenizer's own test: a copy of the
  // list had missed the zero-width space); a form of such controls alone keeps them
  let u = '';
  for (let i = 0; i < t.length; i++) if (!isEdgeControl(t.charCodeAt(i))) u += t[i];
  return u === '' ? t : u;
}

function load(doc: Doc, side: 'gold' | 'system', strict: boolean, warnings: string[]): UDRepresentation {
  const ud: UDRepresentation = { characters: [], tokens: [], words: [], sentences: [] };
  const missing = side === 'gold' ? GOLD_HEAD_MISSING : SYSTEM_HEAD_MISSING;
  let index = 0;
  const relaxed = { empty: 0, missingHead: 0, outsideHead: 0, roots: 0 };
  for (const sentence of doc.sentences) {
    const sentenceStart = ud.words.length;
    const spanStart = index;
    const heads: (number | undefined)[] = [];
    for (const token of sentence.tokens) {
      if (token.words.length === 0) continue;
      const form = stripZs(token.text !== '' ? token.text : token.form);
      if (!form) throw new UDError(`There is an empty FORM in the ${side} data (sentence ${sentence.id})`);
      const chars = Array.from(form);
      for (const c of chars) ud.characters.push(c);
      const span: Span = { start: index, end: index + chars.length };
      ud.tokens.push(span);
      index += chars.length;
      const isMultiword = token.words.length > 1;
      for (const w of token.words) {
        if (strict && w.id !== ud.words.length - sentenceStart + 1) {
          throw new UDError(`Incorrect word ID '${w.id}' in the ${side} data (sentence ${sentence.id})`);
        }
        const deprelFull = col(w.deprel);
        const deprel = deprelFull.split(':')[0]!;
        ud.words.push({
          span,
          isMultiword,
          form: isMultiword ? w.form : form,
          lemma: col(w.lemma),
          upos: col(w.upos),
          xpos: col(w.xpos),
          feats: universalFeats(col(w.feats)),
          deprel,
          deprelFull,
          parent: missing,
          functionalChildren: [],
          isContent: CONTENT_DEPRELS.has(deprel),
          isFunctional: FUNCTIONAL_DEPRELS.has(deprel),
        });
        heads.push(w.head);
      }
    }
    const n = ud.words.length - sentenceStart;
    if (n === 0) {
      if (strict) throw new UDError(`There are multiple roots in a sentence (empty sentence ${sentence.id} in the ${side} data)`);
      relaxed.empty++;
      continue;
    }
    ud.sentences.push({ start: spanStart, end: index });
    // parents
    for (let i = 0; i < n; i++) {
      const h = heads[i];
      const word = ud.words[sentenceStart + i]!;
      if (h === undefined || !Number.isInteger(h)) {
        if (strict) throw new UDError(`Cannot parse HEAD '${col(h)}' in the ${side} data (sentence ${sentence.id})`);
        relaxed.missingHead++;
        continue;
      }
      if (h < 0 || h > n) {
        if (strict) throw new UDError(`HEAD '${h}' points outside of the sentence (${side}, sentence ${sentence.id})`);
        relaxed.outsideHead++;
        continue;
      }
      word.parent = h === 0 ? ROOT : sentenceStart + h - 1;
    }
    if (strict) {
      // cycles: follow the parents of every word; a walk longer than the sentence loops
      for (let i = 0; i < n; i++) {
        let p = ud.words[sentenceStart + i]!.parent;
        let steps = 0;
        while (p >= 0) {
          if (++steps > n) throw new UDError(`There is a cycle in a sentence (${side}, sentence ${sentence.id})`);
          p = ud.words[p]!.parent;
        }
      }
    }
    for (let i = sentenceStart; i < ud.words.length; i++) {
      const w = ud.words[i]!;
      if (w.parent >= 0 && w.isFunctional) ud.words[w.parent]!.functionalChildren.push(i);
    }
    let roots = 0;
    for (let i = sentenceStart; i < ud.words.length; i++) if (ud.words[i]!.parent === ROOT) roots++;
    if (roots !== 1) {
      if (strict) throw new UDError(`There are multiple roots in a sentence (${side}, sentence ${sentence.id})`);
      relaxed.roots++;
    }
  }
  if (relaxed.empty) warnings.push(`${side}: ${relaxed.empty} empty sentences ignored`);
  if (relaxed.missingHead) warnings.push(`${side}: ${relaxed.missingHead} words without a HEAD`);
  if (relaxed.outsideHead) warnings.push(`${side}: ${relaxed.outsideHead} words with a HEAD outside their sentence`);
  if (relaxed.roots) warnings.push(`${side}: ${relaxed.roots} sentences without exactly one root`);
  return ud;
}

function score(goldTotal: number, systemTotal: number, correct: number, alignedTotal: number | null = null): UdScore {
  return {
    correct,
    goldTotal,
    systemTotal,
    alignedTotal,
    precision: systemTotal ? correct / systemTotal : 0,
    recall: goldTotal ? correct / goldTotal : 0,
    f1: systemTotal + goldTotal ? (2 * correct) / (systemTotal + goldTotal) : 0,
    alignedAccuracy: alignedTotal === null ? null : alignedTotal ? correct / alignedTotal : 0,
  };
}

function spansScore(gold: Span[], system: Span[]): UdScore {
  let correct = 0;
  let gi = 0;
  let si = 0;
  while (gi < gold.length && si < system.length) {
    if (system[si]!.start < gold[gi]!.start) si++;
    else if (gold[gi]!.start < system[si]!.start) gi++;
    else {
      if (gold[gi]!.end === system[si]!.end) correct++;
      si++;
      gi++;
    }
  }
  return score(gold.length, system.length, correct);
}

interface Alignment {
  gold: UDWord[];
  system: UDWord[];
  /** pairs of (gold index, system index) */
  matched: [number, number][];
  /** system index -> gold index */
  map: Map<number, number>;
}

function beyondEnd(words: UDWord[], i: number, end: number): boolean {
  if (i >= words.length) return true;
  const w = words[i]!;
  if (w.isMultiword) return w.span.start >= end;
  return w.span.end > end;
}

function extendEnd(w: UDWord, end: number): number {
  return w.isMultiword && w.span.end > end ? w.span.end : end;
}

function findMultiwordSpan(g: UDWord[], s: UDWord[], gi: number, si: number): [number, number, number, number] {
  let end: number;
  if (g[gi]!.isMultiword) {
    end = g[gi]!.span.end;
    if (!s[si]!.isMultiword && s[si]!.span.start < g[gi]!.span.start) si++;
  } else {
    end = s[si]!.span.end;
    if (!g[gi]!.isMultiword && g[gi]!.span.start < s[si]!.span.start) gi++;
  }
  const gs = gi;
  const ss = si;
  while (!beyondEnd(g, gi, end) || !beyondEnd(s, si, end)) {
    if (gi < g.length && (si >= s.length || g[gi]!.span.start <= s[si]!.span.start)) {
      end = extendEnd(g[gi]!, end);
      gi++;
    } else {
      end = extendEnd(s[si]!, end);
      si++;
    }
  }
  return [gs, ss, gi, si];
}

function computeLcs(g: UDWord[], s: UDWord[], gi: number, si: number, gs: number, ss: number): number[][] {
  const G = gi - gs;
  const S = si - ss;
  const lcs: number[][] = Array.from({ length: G }, () => new Array<number>(S).fill(0));
  for (let a = G - 1; a >= 0; a--) {
    for (let b = S - 1; b >= 0; b--) {
      if (g[gs + a]!.form.toLowerCase() === s[ss + b]!.form.toLowerCase()) {
        lcs[a]![b] = 1 + (a + 1 < G && b + 1 < S ? lcs[a + 1]![b + 1]! : 0);
      }
      lcs[a]![b] = Math.max(lcs[a]![b]!, a + 1 < G ? lcs[a + 1]![b]! : 0);
      lcs[a]![b] = Math.max(lcs[a]![b]!, b + 1 < S ? lcs[a]![b + 1]! : 0);
    }
  }
  return lcs;
}

function alignWords(g: UDWord[], s: UDWord[]): Alignment {
  const al: Alignment = { gold: g, system: s, matched: [], map: new Map() };
  const add = (a: number, b: number): void => {
    al.matched.push([a, b]);
    al.map.set(b, a);
  };
  let gi = 0;
  let si = 0;
  while (gi < g.length && si < s.length) {
    if (g[gi]!.isMultiword || s[si]!.isMultiword) {
      let gs: number;
      let ss: number;
      [gs, ss, gi, si] = findMultiwordSpan(g, s, gi, si);
      if (si > ss && gi > gs) {
        const lcs = computeLcs(g, s, gi, si, gs, ss);
        let a = 0;
        let b = 0;
        while (a < gi - gs && b < si - ss) {
          if (g[gs + a]!.form.toLowerCase() === s[ss + b]!.form.toLowerCase()) {
            add(gs + a, ss + b);
            a++;
            b++;
          } else if (lcs[a]![b] === (a + 1 < gi - gs ? lcs[a + 1]![b] : 0)) a++;
          else b++;
        }
      }
    } else {
      const gw = g[gi]!;
      const sw = s[si]!;
      if (gw.span.start === sw.span.start && gw.span.end === sw.span.end) {
        add(gi, si);
        gi++;
        si++;
      } else if (gw.span.start <= sw.span.start) gi++;
      else si++;
    }
  }
  return al;
}

/** Maps a word index to the gold word it stands for: itself for gold, its aligned gold word for system. */
type GoldAligned = (index: number) => number;
type KeyFn = (w: UDWord, ga: GoldAligned, words: UDWord[]) => string;

function alignmentScore(al: Alignment, key?: KeyFn, filter?: (w: UDWord) => boolean): UdScore {
  let gold: number;
  let system: number;
  let aligned: number;
  if (filter) {
    gold = al.gold.filter(filter).length;
    system = al.system.filter(filter).length;
    aligned = al.matched.filter(([a]) => filter(al.gold[a]!)).length;
  } else {
    gold = al.gold.length;
    system = al.system.length;
    aligned = al.matched.length;
  }
  if (!key) return score(gold, system, aligned);
  const gaGold: GoldAligned = (i) => i;
  const gaSystem: GoldAligned = (i) => (i < 0 ? i : (al.map.get(i) ?? NOT_ALIGNED));
  let correct = 0;
  for (const [a, b] of al.matched) {
    const gw = al.gold[a]!;
    if (filter && !filter(gw)) continue;
    if (key(gw, gaGold, al.gold) === key(al.system[b]!, gaSystem, al.system)) correct++;
  }
  return score(gold, system, correct, aligned);
}

function asDoc(x: string | Doc): Doc {
  return typeof x === 'string' ? readConllu(x) : x;
}

const tuple = (...xs: unknown[]): string => JSON.stringify(xs);

/**
 * Scores `system` against `gold` with the CoNLL 2018 metrics. Never throws: data errors (different underlying
 * characters, and in strict mode invalid trees) come back as `{ ok: false, error }`.
 */
export function evaluate(gold: string | Doc, system: string | Doc, options: EvaluateOptions = {}): UdScores {
  // (a value that is neither was an ok: false result whose error was a TypeError's message, "Cannot read properties of null")
  for (const [x, which] of [[gold, 'gold'], [system, 'system']] as const) {
    if (typeof x !== 'string' && (x === null || typeof x !== 'object' || !Array.isArray((x as { sentences?: unknown }).sentences))) {
      throw new DabirError('E_BAD_INPUT', `evaluate expects the ${which} annotation as CoNLL-U text or a Doc, got ${kindOf(x)}`, "pass CoNLL-U text, or what readConllu() or a pipeline's process() returned");
    }
  }
  // (a misspelt name was ignored — { strct: false } checked strictly — and strict: 'no' was read as true)
  options = knownOptions(options, 'evaluate', ['strict']);
  booleanOption('strict', options.strict);
  const strict = options.strict !== false;
  const warnings: string[] = [];
  let g: UDRepresentation;
  let s: UDRepresentation;
  try {
    g = load(asDoc(gold), 'gold', strict, warnings);
    s = load(asDoc(system), 'system', strict, warnings);
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
  if (g.characters.length !== s.characters.length || g.characters.some((c, i) => c !== s.characters[i])) {
    let i = 0;
    while (i < g.characters.length && i < s.characters.length && g.characters[i] === s.characters[i]) i++;
    return {
      ok: false,
      error:
        'The concatenation of tokens in gold file and in system file differ!\n' +
        `First 20 differing characters in gold file: '${g.characters.slice(i, i + 20).join('')}' and system file: '${s.characters.slice(i, i + 20).join('')}'` +
        ` (character ${i})`,
    };
  }
  const al = alignWords(g.words, s.words);
  // ga(w) of the official lemma key needs the word's own index
  const gIndex = new Map<UDWord, number>(g.words.map((w, i) => [w, i]));
  const sIndex = new Map<UDWord, number>(s.words.map((w, i) => [w, i]));
  const lemmaKey: KeyFn = (w, ga, words) => {
    const goldIdx = ga((words === al.gold ? gIndex : sIndex).get(w)!);
    return goldIdx >= 0 && al.gold[goldIdx]!.lemma === '_' ? '_' : w.lemma;
  };
  const content = (w: UDWord): boolean => w.isContent;
  const metrics: Record<UdMetric, UdScore> = {
    Tokens: spansScore(g.tokens, s.tokens),
    Sentences: spansScore(g.sentences, s.sentences),
    Words: alignmentScore(al),
    UPOS: alignmentScore(al, (w) => w.upos),
    XPOS: alignmentScore(al, (w) => w.xpos),
    UFeats: alignmentScore(al, (w) => w.feats),
    AllTags: alignmentScore(al, (w) => tuple(w.upos, w.xpos, w.feats)),
    Lemmas: alignmentScore(al, lemmaKey),
    UAS: alignmentScore(al, (w, ga) => tuple(ga(w.parent))),
    LAS: alignmentScore(al, (w, ga) => tuple(ga(w.parent), w.deprel)),
    CLAS: alignmentScore(al, (w, ga) => tuple(ga(w.parent), w.deprel), content),
    MLAS: alignmentScore(
      al,
      (w, ga, words) =>
        tuple(
          ga(w.parent),
          w.deprel,
          w.upos,
          w.feats,
          w.functionalChildren.map((c) => [ga(c), words[c]!.deprel, words[c]!.upos, words[c]!.feats]),
        ),
      content,
    ),
    BLEX: alignmentScore(al, (w, ga, words) => tuple(ga(w.parent), w.deprel, lemmaKey(w, ga, words)), content),
    LASfull: alignmentScore(al, (w, ga) => tuple(ga(w.parent), w.deprelFull)),
  };
  return { ok: true, metrics, warnings };
}

/** A markdown table like the official verbose output (percentages). */
export function formatScores(scores: UdScores): string {
  if (scores === null || typeof scores !== 'object' || typeof (scores as { ok?: unknown }).ok !== 'boolean') {
    throw new DabirError('E_BAD_INPUT', `formatScores expects the result of evaluate(), got ${kindOf(scores)}`, 'pass what evaluate(gold, system) returned');
  }
  if (!scores.ok) return `Error: ${scores.error}`;
  const pct = (x: number): string => (100 * x).toFixed(2);
  const lines = ['| Metric | Precision | Recall | F1 Score | AligndAcc |', '|---|---:|---:|---:|---:|'];
  for (const m of UD_METRICS) {
    const s = scores.metrics[m];
    const acc = s.alignedAccuracy === null ? '' : pct(s.alignedAccuracy);
    lines.push(`| ${m} | ${pct(s.precision)} | ${pct(s.recall)} | ${pct(s.f1)} | ${acc} |`);
  }
  return lines.join('\n');
}
