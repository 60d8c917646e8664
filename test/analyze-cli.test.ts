/**
 * `dabir analyze`, `tokenize` and `lemma` in-process through main(argv, io): output formats, --input conllu keeping the
 * gold segmentation, --score against gold CoNLL-U, and usage errors.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cli } from './helpers/cli.js';
import { createPipeline, readConllu } from '../src/node/index.js';

const MINI = new URL('./fixtures/mini.conllu', import.meta.url);

describe('dabir analyze', () => {
  it('prints valid CoNLL-U: the same analysis as the library, sentence by sentence', async () => {
    const text = 'من کتاب‌هایم را به دوستم دادم. او آن‌ها را خواند.\n';
    const r = await cli(['analyze'], text);
    expect(r.code).toBe(0);
    const doc = readConllu(r.out);
    const lib = createPipeline().process(text);
    expect(doc.sentences.map((s) => s.words.map((w) => [w.form, w.upos, w.head, w.deprel]))).toEqual(
      lib.sentences.map((s) => s.words.map((w) => [w.form, w.upos, w.head, w.deprel])),
    );
  });

  it('gives exactly the CoNLL-U of the whole text analysed at once, however the input arrives in pieces', async () => {
    // the lines of each piece read are analysed together; ids and offsets must still run over the whole input
    const text = 'او رفت. من ماندم.\nکتابهایشان را آوردند\r\n\nمیشود؟ بله!\nخط آخر بی پایان';
    const components = 'normalizer,tokenizer,lemmatizer';
    const whole = createPipeline({ components: components.split(',') }).process(text).toConllu();
    for (const parts of [[text], [text.slice(0, 5), text.slice(5, 30), text.slice(30)], text.split(/(?<=\n)/), [...text]]) {
      const r = await cli(['analyze', '--components', components], parts);
      expect(r.code).toBe(0);
      expect(r.out).toBe(whole);
    }
  });

  it('--input conllu keeps the gold sentences, tokens and words exactly', async () => {
    const gold = readFileSync(MINI, 'utf8');
    const r = await cli(['analyze', '--input', 'conllu'], gold);
    expect(r.code).toBe(0);
    const g = readConllu(gold);
    const s = readConllu(r.out);
    expect(s.sentences.map((x) => x.tokens.map((t) => t.words.map((w) => w.form)))).toEqual(g.sentences.map((x) => x.tokens.map((t) => t.words.map((w) => w.form))));
  });

  it('--score prints the CoNLL 2018 table against the gold input (segmentation is gold: Words 100)', async () => {
    const r = await cli(['analyze', '--input', 'conllu', '--score'], readFileSync(MINI, 'utf8'));
    expect(r.code).toBe(0);
    for (const m of ['Tokens', 'Words', 'UPOS', 'XPOS', 'UFeats', 'Lemmas', 'UAS', 'LAS']) expect(r.out).toMatch(new RegExp(`^\\| ${m} \\|`, 'm'));
    expect(r.out).toMatch(/^\| Words \| 100\.00 \| 100\.00 \| 100\.00 \|/m);
    const upos = Number(/^\| UPOS \|[^|]+\|[^|]+\| ([\d.]+) \|/m.exec(r.out)![1]);
    expect(upos).toBeGreaterThan(50); // a real tagger, not blanks
  });

  it('--scheme iperudt splits informal clitics', async () => {
    const informal = await cli(['analyze', '--scheme', 'iperudt', '--components', 'normalizer,tokenizer', '--format', 'text'], 'خونمون');
    expect(informal.out.trim()).toBe('خون مون');
    const formal = await cli(['analyze', '--components', 'normalizer,tokenizer', '--format', 'text'], 'خونمون');
    expect(formal.out.trim()).toBe('خونمون');
  });

  it('--scheme iperudt gives iPerUDT lemmas: verbs as past#present', async () => {
    const informal = await cli(['analyze', '--scheme', 'iperudt', '--components', 'normalizer,tokenizer,tagger,lemmatizer', '--format', 'text'], 'کتاب خوندیم');
    expect(informal.out).toMatch(/خوندیم\/خواند#خوان\//);
    const formal = await cli(['analyze', '--components', 'normalizer,tokenizer,tagger,lemmatizer', '--format', 'text'], 'کتاب خوندیم');
    expect(formal.out).toMatch(/خوندیم\/خواند\//);
  });

  it('usage errors exit 2: --score without --input conllu, unknown format, unknown scheme', async () => {
    for (const argv of [['analyze', '--score'], ['tokenize', '--score'], ['analyze', '--format', 'xml'], ['analyze', '--scheme', 'x']]) {
      const r = await cli(argv, 'سلام');
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.out).toBe('');
    }
  });
});
