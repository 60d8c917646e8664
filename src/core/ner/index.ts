/**
 * Named-entity recognizer: PER, LOC, ORG, NAT (nationality), EVE (event), POG (political or other group) — the types
 * of ParsTwiNER, which it is trained on (scripts/train-ner.ts). An averaged perceptron over BIO labels of tokens.
 *
 * Component `ner` (stage 'annotate', requires tokens, provides entities, resource `ner` = data/ner.bin): sets each
 * token's `ner` label and `doc.entities` (offsets into the original text). An entity is a span of whole tokens, less a
 * mark the tokenizer glued into its last token as a word of its own (تهرانم. = تهران + م + .: the entity تهرانم).
 */
import { docArgument, type Doc, type Entity, type Token } from '../doc.js';
import { defineComponent } from '../pipeline.js';
import { badOption, modelArgument, listArgument } from '../errors.js';
import { modelOf } from '../resource.js';
import { decodeNer, NerModel } from './model.js';

export { decodeNer, decodeNerData, encodeNer, NER_FORMAT_VERSION, NerModel, type NerData, type NerHeader } from './model.js';
export { NER_LABELS, NER_TYPES, type NerType } from './features.js';
export { trainNer, type NerTrainOptions, type NerTrainSentence } from './train.js';

/** Spans of a BIO label sequence: [type, first, last + 1] (an I-T after anything but T starts a new span). */
export function spansOf(labels: readonly string[]): [string, number, number][] {
  listArgument(labels, 'spansOf', 'a list of BIO labels', "pass strings such as 'B-PER', 'I-PER' and 'O', one per word", 'string');
  const out: [string, number, number][] = [];
  let type = '';
  let from = -1;
  const close = (i: number): void => {
    if (from >= 0) out.push([type, from, i]);
    from = -1;
  };
  labels.forEach((l, i) => {
    const b = l.startsWith('B-');
    const inside = l.startsWith('I-');
    if (!b && !inside) return close(i);
    const t = l.slice(2);
    if (b || from < 0 || t !== type) {
      close(i);
      type = t;
      from = i;
    }
  });
  close(labels.length);
  return out;
}

/** a letter, digit or mark of a word (and a ZWNJ): no punctuation */
const WORD_CHAR = /[\p{L}\p{N}\p{M}\u200c]/u;
/**
 * The length of the mark the tokenizer glued into a multi-word token as its last word (punctInMwt: نیازمندیم. = نیازمند
 * + یم + .) at the end of its form; 0 for any other token (a one-word token ending in a mark, U.S., is one word).
 */
function gluedMark(t: Token): number {
  const f = t.form;
  if (f.length < 2 || WORD_CHAR.test(f[f.length - 1]!)) return 0;
  const ws = t.words;
  const last = ws[ws.length - 1]!.form;
  return ws.length > 1 && !WORD_CHAR.test(last) && f.endsWith(last) ? last.length : 0;
}

/** a tab in text[from, to) (the gap between two tokens) */
function tabBetween(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (text.charCodeAt(k) === 0x09) return true;
  return false;
}

/** a token of one word that the parse reads as the non-verbal part of a light verb after it (ابراز in ابراز کرد) */
function lightVerbNoun(t: Token): boolean {
  const w = t.words.length === 1 ? t.words[0]! : undefined;
  return w !== undefined && w.deprel === 'compound:lvc' && w.head !== undefined && w.head > w.id;
}

/** Labels every token of a Doc and sets doc.entities; returns the entities. */
export function nerDoc(model: NerModel, doc: Doc): Entity[] {
  modelArgument(model, 'label', 'nerDoc', 'nerModelOf');
  docArgument(doc, 'nerDoc');
  const out: Entity[] = [];
  doc.sentences.forEach((s, si) => {
    const toks = s.tokens;
    if (toks.length === 0) return;
    // (a token with a mark glued as its last word, تهرانم. = تهران + م + ., is read without it, as ParsTwiNER's tokens
    // are, and an entity ends before it: ایرانی‌ایم. was the entity with its full stop)
    const marks = toks.map(gluedMark);
    const forms = toks.map((t, i) => (marks[i] === 0 ? t.form : t.form.slice(0, t.form.length - marks[i]!)));
    // (the cells of a table pasted as tab-separated text, a tab between tokens, are labelled each alone: a cell is no
    // context of the next, and an entity never runs across a tab — «آزمایشگاه» and «هم‌نیاز», two cells of a course
    // table, were one ORG)
    let labels: string[] | undefined;
    for (let i = 1, from = 0; i <= toks.length; i++) {
      if (i < toks.length && !tabBetween(doc.text, toks[i - 1]!.end, toks[i]!.start)) continue;
      if (from === 0 && i === toks.length) labels = model.label(forms);
      else (labels ??= []).push(...model.label(forms.slice(from, i)));
      from = i;
    }
    labels ??= [];
    toks.forEach((t, i) => (t.ner = labels[i]));
    for (const [type, a, end0] of spansOf(labels)) {
      let b = end0;
      // (an entity of two tokens or more does not end in the noun of a light verb, where a parse before it reads its
      // last word so, compound:lvc of a verb after it: [لیگ برتر] ابراز رضایت کرد was the EVE لیگ برتر ابراز)
      if (b - a >= 2 && lightVerbNoun(toks[b - 1]!)) {
        toks[--b]!.ner = 'O';
      }
      const start = toks[a]!.start;
      let end = toks[b - 1]!.end;
      if (marks[b - 1]! > 0) while (end > start + 1 && !WORD_CHAR.test(doc.text[end - 1]!)) end--;
      out.push({ type, start, end, text: doc.text.slice(start, end), sentence: si, tokens: [a, b] });
    }
  });
  doc.entities = out;
  return out;
}

/** The model of a `ner` resource: a NerModel, or the bytes of data/ner.bin (decoded and checksum-verified once). */
export const nerModelOf = modelOf((r): r is NerModel => r instanceof NerModel, decodeNer);

defineComponent({
  name: 'ner',
  stage: 'annotate',
  requires: ['tokens'],
  provides: ['entities'],
  resources: ['ner'],
  options: [],
  create(res, options) {
    for (const k of Object.keys(options)) throw badOption(k, options[k], []);
    const model = nerModelOf(res['ner']);
    return { annotate: (doc) => void nerDoc(model, doc) };
  },
});
