/**
 * Named-entity recognizer: PER, LOC, ORG, NAT (nationality), EVE (event), POG (political or other group) — the types
 * of ParsTwiNER, which it is trained on (scripts/train-ner.ts). An averaged perceptron over BIO labels of tokens.
 *
 * Component `ner` (stage 'annotate', requires tokens, provides entities, resource `ner` = data/ner.bin): sets each
 * token's `ner` label and `doc.entities` (offsets into the original text). An entity is a span of whole tokens.
 */
import { docArgument, type Doc, type Entity } from '../doc.js';
import { defineComponent } from '../pipeline.js';
import { badOption, modelArgument } from '../errors.js';
import { modelOf } from '../resource.js';
import { decodeNer, NerModel } from './model.js';

export { decodeNer, decodeNerData, encodeNer, NER_FORMAT_VERSION, NerModel, type NerData, type NerHeader } from './model.js';
export { NER_LABELS, NER_TYPES, type NerType } from './features.js';
export { trainNer, type NerTrainOptions, type NerTrainSentence } from './train.js';

/** Spans of a BIO label sequence: [type, first, last + 1] (an I-T after anything but T starts a new span). */
export function spansOf(labels: readonly string[]): [string, number, number][] {
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

/** Labels every token of a Doc and sets doc.entities; returns the entities. */
export function nerDoc(model: NerModel, doc: Doc): Entity[] {
  modelArgument(model, 'label', 'nerDoc', 'nerModelOf');
  docArgument(doc, 'nerDoc');
  const out: Entity[] = [];
  doc.sentences.forEach((s, si) => {
    const toks = s.tokens;
    if (toks.length === 0) return;
    const labels = model.label(toks.map((t) => t.form));
    toks.forEach((t, i) => (t.ner = labels[i]));
    for (const [type, a, b] of spansOf(labels)) {
      const start = toks[a]!.start;
      const end = toks[b - 1]!.end;
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
  create(res, options) {
    for (const k of Object.keys(options)) throw badOption(k, options[k], []);
    const model = nerModelOf(res['ner']);
    return { annotate: (doc) => void nerDoc(model, doc) };
  },
});
