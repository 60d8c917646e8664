/**
 * `dabir analyze`, `tokenize` and `lemma` in-process through main(argv, io): output formats, --input conllu keeping the
 * gold segmentation, --score against gold CoNLL-U, and usage errors.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cli, enc, sink } from './helpers/cli.js';
import { main } from '../src/cli/main.js';
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

  it('analyses a long read in pieces (of ~16k units) with the same output as the whole text, fences included', async () => {
    // a ``` fence open across the first cut and CRLF line ends: the pieces must still give the whole text's analysis
    const line = (i: number): string => `سطر ${i}: کتابهایشان را آوردند و می‌روند.`;
    const lines = Array.from({ length: 1200 }, (_, i) => (i === 380 || i === 450 ? '```' : line(i)) + (i % 7 === 0 ? '\r\n' : '\n'));
    const text = lines.join('') + 'پایان بی خط';
    expect(text.length).toBeGreaterThan(3 * 16384);
    const components = 'normalizer,tokenizer,lemmatizer';
    const whole = createPipeline({ components: components.split(',') }).process(text).toConllu();
    for (const parts of [[text], [text.slice(0, 20000), text.slice(20000)]]) {
      const r = await cli(['analyze', '--components', components], parts);
      expect(r.code).toBe(0);
      expect(r.out).toBe(whole);
    }
  });

  it('a line too long to analyse at once (marks without a space, sentences without a line break): the library output, on one thread and two', async () => {
    const text = '«'.repeat(70_000) + '\n' + 'او آمد. من رفتم، '.repeat(9_000) + '\nپایان';
    const components = 'normalizer,tokenizer,lemmatizer';
    const whole = createPipeline({ components: components.split(',') }).process(text).toConllu();
    for (const parts of [[text], [text.slice(0, 50_000), text.slice(50_000, 150_000), text.slice(150_000)]]) {
      for (const threads of [[], ['--threads', '2']]) {
        const r = await cli(['analyze', '--components', components, ...threads], parts);
        expect(r.code, r.err).toBe(0);
        expect(r.out).toBe(whole);
      }
    }
  }, 120_000);

  it('streams a text without line breaks: its first sentences are written before the rest of it is read', async () => {
    const piece = 'او آمد. من رفتم، '.repeat(5_000); // 85k units, no line break: past one forced cut (64k)
    const stdout = sink();
    const seen: number[] = [];
    async function* input(): AsyncGenerator<Uint8Array> {
      yield enc(piece);
      seen.push(stdout.text.length);
      yield enc(piece + 'پایان');
    }
    const components = 'normalizer,tokenizer,lemmatizer';
    const want = createPipeline({ components: components.split(',') }).process(piece + piece + 'پایان').toConllu();
    for (const threads of [[], ['--threads', '2']]) {
      stdout.text = '';
      seen.length = 0;
      const code = await main(['analyze', '--components', components, ...threads], { stdin: input(), stdout, stderr: sink() });
      expect(code).toBe(0);
      // (two threads write a piece's output once more pieces are out, to keep both busy: the same output, in bounded
      // pieces, but not necessarily before the next read)
      if (threads.length === 0) expect(seen[0]).toBeGreaterThan(0);
      expect(stdout.text).toBe(want);
    }
  }, 60_000);

  it('--input conllu keeps the gold sentences, tokens and words exactly', async () => {
    const gold = readFileSync(MINI, 'utf8');
    const r = await cli(['analyze', '--input', 'conllu'], gold);
    expect(r.code).toBe(0);
    const g = readConllu(gold);
    const s = readConllu(r.out);
    expect(s.sentences.map((x) => x.tokens.map((t) => t.words.map((w) => w.form)))).toEqual(g.sentences.map((x) => x.tokens.map((t) => t.words.map((w) => w.form))));
  });

  it('--input conllu: a line that is neither a comment nor a word line is an error with its line number, not a word lost', async () => {
    for (const [input, line] of [
      ['# text = سلام\n1\tسلام\n\n', 2],
      ['garbage\n', 1],
      ['1\tسلام\t_\t_\t_\t_\t_\t_\t_\t_\n\nx\ty\n', 3],
    ] as const) {
      const r = await cli(['analyze', '--input', 'conllu'], input);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(new RegExp(`E_BAD_CONLLU: line ${line} `));
    }
    // an empty node (1.1) is a valid line, skipped
    const ok = await cli(['analyze', '--input', 'conllu', '--components', 'normalizer,tokenizer'], '1\tسلام\t_\t_\t_\t_\t_\t_\t_\t_\n1.1\tx\t_\t_\t_\t_\t_\t_\t_\t_\n\n');
    expect(ok.code, ok.err).toBe(0);
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
    const formal = await cli(['analyze', '--scheme', 'perdt', '--components', 'normalizer,tokenizer', '--format', 'text'], 'خونمون');
    expect(formal.out.trim()).toBe('خونمون');
    // the default, auto: the line is one word, which the formalizer reads as chat (خانه‌مان): colloquial
    const auto = await cli(['analyze', '--components', 'normalizer,tokenizer', '--format', 'text'], 'خونمون');
    expect(auto.out.trim()).toBe('خون مون');
  });

  it('--scheme auto: each line by its register (a chat line gets the informal splits), also on two threads', async () => {
    const input = 'کتاب خانه‌اش را دید.\nخونمون\nیه خونمون دارم\n';
    for (const threads of ['1', '2']) {
      const r = await cli(['analyze', '--scheme', 'auto', '--threads', threads, '--components', 'normalizer,tokenizer', '--format', 'text'], input);
      expect(r.code).toBe(0);
      // the first line is formal (PerDT's split of the clitic ‌اش); the second, one word the formalizer reads as chat,
      // and the third, with یه, are informal
      expect(r.out).toBe('کتاب خانه\u200c اش را دید .\nخون مون\nیه خون مون دارم\n');
    }
  });

  it('--input conllu: blocks without sent_id are numbered in order; scheme auto reads the register of the whole batch', async () => {
    const block = (words: string[]): string => words.map((w, i) => `${i + 1}\t${w}\t_\t_\t_\t_\t_\t_\t_\t_`).join('\n') + '\n\n';
    const chat = block(['اونا', 'میخوان', 'یه', 'خونه', 'بگیرن', 'دیگه']);
    const plain = block(['کتاب', 'را', 'خواندم']);
    const tags = async (input: string, scheme: string): Promise<string[]> => {
      const r = await cli(['analyze', '--input', 'conllu', '--components', 'tokenizer,tagger', '--scheme', scheme], input);
      expect(r.code).toBe(0);
      return r.out.split('\n').filter((l) => /^\d+\t/.test(l)).map((l) => `${l.split('\t')[1]}/${l.split('\t')[3]}`);
    };
    const ids = (await cli(['analyze', '--input', 'conllu', '--components', 'tokenizer'], chat + plain)).out.match(/# sent_id = \d+/g);
    expect(ids).toEqual(['# sent_id = 1', '# sent_id = 2']);
    // را is ADP in PerDT's scheme, PART in iPerUDT's: after a chat block, the plain sentence is read as chat too
    expect(await tags(plain, 'auto')).toContain('را/ADP');
    expect(await tags(chat + plain, 'auto')).toContain('را/PART');
    expect(await tags(chat + plain, 'perdt')).toContain('را/ADP');
  });

  it('--scheme iperudt gives iPerUDT lemmas: verbs as past#present', async () => {
    const informal = await cli(['analyze', '--scheme', 'iperudt', '--components', 'normalizer,tokenizer,tagger,lemmatizer', '--format', 'text'], 'کتاب خوندیم');
    expect(informal.out).toMatch(/خوندیم\/خواند#خوان\//);
    const formal = await cli(['analyze', '--components', 'normalizer,tokenizer,tagger,lemmatizer', '--format', 'text'], 'کتاب خوندیم');
    expect(formal.out).toMatch(/خوندیم\/خواند\//);
  });

  it('keeps the text after an unclosed ``` fence, and a last CoNLL-U block without its blank line', async () => {
    // (both were held back until an end that never came when the input ended with a line break)
    const fenced = await cli(['analyze', '--components', 'normalizer,tokenizer', '--format', 'text'], 'سلام\n```\nکد\n');
    expect(fenced.out).toContain('کد');
    const block = await cli(['analyze', '--input', 'conllu', '--components', 'tokenizer,lemmatizer'], '1\tسلام\t_\t_\t_\t_\t_\t_\t_\t_\n');
    expect(readConllu(block.out).words.map((w) => [w.form, w.lemma])).toEqual([['سلام', 'سلام']]);
  });

  it('dabir lemma runs no parser or recognizer, and its lemmas are those of the full analysis', async () => {
    // lemmas read the tags only: the lemma command leaves out the components whose output it never prints
    const text = 'من کتاب‌هایم را به دوستم دادم. او آن‌ها را خواند.\nحسن روحانی به پاریس رفت و کتابهایشان را آوردند.\n';
    const full = readConllu((await cli(['analyze'], text)).out);
    const r = await cli(['lemma'], text);
    expect(r.code, r.err).toBe(0);
    expect(r.out.trimEnd().split('\n')).toEqual(full.sentences.map((s) => s.words.map((w) => w.lemma).join(' ')));
    const beam = await cli(['lemma', '--beam', '4'], text);
    expect(beam.code).toBe(2);
    expect(beam.err).toMatch(/--beam is an option of "dabir analyze"/);
  });

  it('--threads 2 writes byte for byte what one thread writes, in every format, however the input arrives', async () => {
    // several pieces (each chunk read is cut after its last line break), so both workers get work and the main thread
    // must number the sentences and keep the offsets over the whole input
    const lines = ['او رفت. من ماندم.', 'کتابهایشان را آوردند\r', '', 'میشود؟ بله!', '```', 'کد ها', '```', 'بعد از کد. «نقل قول', 'خط آخر بی پایان'];
    const parts = [lines.slice(0, 2).join('\n') + '\n', lines.slice(2, 5).join('\n') + '\n', lines.slice(5, 8).join('\n') + '\n', lines[8]!];
    const argv = ['--components', 'normalizer,tokenizer,lemmatizer'];
    for (const format of ['conllu', 'json', 'jsonl', 'text']) {
      const one = await cli(['analyze', ...argv, '--format', format], parts);
      const two = await cli(['analyze', ...argv, '--format', format, '--threads', '2'], parts);
      expect(one.code).toBe(0);
      expect(two.code, two.err).toBe(0);
      expect(two.out, format).toBe(one.out);
    }
    for (const cmd of ['tokenize', 'lemma']) {
      const one = await cli([cmd], parts);
      const two = await cli([cmd, '--threads', '2'], parts);
      expect(two.out, cmd).toBe(one.out);
    }
    // empty input: the same empty JSON array
    expect((await cli(['analyze', ...argv, '--format', 'json', '--threads', '2'], '')).out).toBe('[]\n');
  }, 60_000);

  // [input, the output of tokenize --original, reason]
  const asWritten: [string, string, string][] = [
    ['\uFEFFسلام دنیا', 'سلام دنیا\n', 'a byte-order mark began the line with a space (an empty token), then was glued to the first token; now it is in no token'],
    ['\u200Fحسن روحانی\u200F گفت', 'حسن روحانی گفت\n', 'RLMs at the edges of words (text copied from Telegram) are in no token (they were printed glued to حسن and روحانی)'],
    ['کتاب\uFEFFها آمد', 'کتاب\uFEFFها آمد\n', 'a zero-width no-break space inside a token was printed as a space: two tokens to the eye'],
    ['سلام\u00a0دنیا', 'سلام دنیا\n', 'a no-break space between tokens is still one space'],
  ];
  it.each(asWritten)('tokenize --original %j (%s)', async (input, want) => {
    const r = await cli(['tokenize', '--original'], input);
    expect(r.code).toBe(0);
    expect(r.out).toBe(want);
  });

  it('--threads: a bad value is a usage error; a bad component fails before any output', async () => {
    for (const t of ['0', '1.5', 'many', '65']) {
      const r = await cli(['analyze', '--threads', t], 'سلام');
      expect(r.code, t).toBe(2);
      expect(r.err).toMatch(/E_BAD_OPTION: --threads/);
    }
    // the workers build the pipeline: their error is the one-thread error, same message and exit code
    const one = await cli(['analyze', '--components', 'tokenizer,nonesuch'], 'سلام');
    const r = await cli(['analyze', '--threads', '2', '--components', 'tokenizer,nonesuch'], 'سلام');
    expect(r.out).toBe('');
    expect(r.err).toMatch(/E_UNKNOWN_COMPONENT/);
    expect([r.code, r.err]).toEqual([one.code, one.err]);
  }, 60_000);

  it('--beam K parses with beam search: the library with options.parser.beam, also on two threads; bad values exit 2', async () => {
    const text = 'او کتاب‌های جدید را که دیروز خریده بود به دوستش داد.\nدانشجویان دانشگاه تهران از این روش استفاده کرده بودند.\n';
    const r = await cli(['analyze', '--beam', '4'], text);
    expect(r.code).toBe(0);
    const lib = createPipeline({ scheme: 'auto', options: { parser: { beam: 4 } } });
    const want = text.trim().split('\n').map((l) => lib.process(l).toConllu()).join('');
    // (compare the tree columns: sentence ids aside, the library's analysis of each line)
    const cols = (c: string): string[] => c.split('\n').filter((l) => /^\d+\t/.test(l)).map((l) => l.split('\t').slice(1, 8).join('\t'));
    expect(cols(r.out)).toEqual(cols(want));
    expect((await cli(['analyze', '--beam', '4', '--threads', '2'], text)).out).toBe(r.out);
    expect((await cli(['analyze', '--beam', '0'], text)).code).toBe(2);
    expect((await cli(['analyze', '--beam', 'wide'], text)).code).toBe(2);
    expect((await cli(['tokenize', '--beam', '4'], text)).code).toBe(2);
  });

  // [argv, exit code, message, reason]: an option of a component the pipeline does not run is an error (as the library's
  // createPipeline, E_BAD_OPTION, and the HTTP service, 400)
  const notInPipeline: [string[], number, RegExp, string][] = [
    [['analyze', '--components', 'normalizer,tokenizer', '--beam', '4'], 2, /^dabir: E_BAD_OPTION: --beam is an option of the parser, which is not in the pipeline \(components: normalizer, tokenizer\) \(add "parser" to --components, or leave --beam out\)/, 'was E_USAGE "which this pipeline does not run": now the code and the words of createPipeline and /v1/analyze'],
    [['analyze', '--components', 'normalizer,tokenizer,tagger', '--beam', '1'], 2, /which is not in the pipeline \(components: normalizer, tokenizer, tagger\)/, 'a beam of 1 (the default) is still an option given for the parser'],
  ];
  it.each(notInPipeline)('%j exits %i', async (argv, code, message) => {
    const r = await cli(argv, 'سلام.\n');
    expect(r.code).toBe(code);
    expect(r.err).toMatch(message);
  });

  it('its CoNLL-U is valid on text of every kind: 10 columns, ids 1..n, ranges inside, heads in range, one root, no cycle', async () => {
    // a small checker of the output as a newcomer's tool would read it (not through readConllu, which is lenient)
    const text = [
      'به گزارش خبرگزاری، دانشآموزان میخواهند از نرم افزارهای تازهای برای پیشبینی نتایج استفاده کنند.',
      'یه کتاب میخوام که خیلی باحال باشه :))) #کتاب_خوب @ali https://example.com/a?b=1',
      'git commit -m "اصلاح باگ"',
      '',
      '```',
      'code block ; x = 1',
      '```',
      '<p>سلام <b>دنیا</b></p> &nbsp; [[رده:شهرهای ایران]] {{الگو:x|y}}',
      '۱۲۳٬۴۵۶ تومان در ۱۵ فروردین ۱۴۰۲ و 2024-03-20 ساعت ۱۰:۳۰',
      '\u200fحسن روحانی\u200f رئیس‌جمهور سابق ایران بود.',
      '.', '...', 'ـــــ', 'a', 'x\ty\ttab',
      'بدون خط پایانی',
    ].join('\n');
    for (const threads of ['1', '2']) {
      const r = await cli(['analyze', '--threads', threads], text);
      expect(r.code).toBe(0);
      const problems: string[] = [];
      const blocks = r.out.split('\n\n').filter((b) => b.trim() !== '');
      for (const [k, b] of blocks.entries()) {
        const lines = b.split('\n').filter((l) => l !== '');
        if (!lines.some((l) => l.startsWith('# sent_id = ')) || !lines.some((l) => l.startsWith('# text = '))) problems.push(`${k}: no sent_id or text`);
        const rows = lines.filter((l) => !l.startsWith('#')).map((l) => l.split('\t'));
        for (const c of rows) if (c.length !== 10 || c.some((x) => x === '')) problems.push(`${k}: ${JSON.stringify(c)}`);
        const words = rows.filter((c) => /^\d+$/.test(c[0]!));
        const n = words.length;
        if (words.some((c, i) => Number(c[0]) !== i + 1)) problems.push(`${k}: ids not 1..${n}`);
        for (const c of rows.filter((c) => c[0]!.includes('-'))) {
          const [a, z] = c[0]!.split('-').map(Number) as [number, number];
          if (!(a >= 1 && a < z && z <= n)) problems.push(`${k}: range ${c[0]}`);
        }
        const heads = words.map((c) => Number(c[6]));
        if (heads.some((h, i) => !Number.isInteger(h) || h < 0 || h > n || h === i + 1)) problems.push(`${k}: heads ${heads}`);
        if (heads.filter((h) => h === 0).length !== 1) problems.push(`${k}: ${heads.filter((h) => h === 0).length} roots`);
        if (words.some((c) => (c[6] === '0') !== (c[7] === 'root'))) problems.push(`${k}: root and head 0 disagree`);
        for (let i = 1; i <= n; i++) {
          let j = i;
          for (let steps = 0; j !== 0 && steps <= n; steps++) j = heads[j - 1]!;
          if (j !== 0) problems.push(`${k}: a cycle through word ${i}`);
        }
      }
      expect(blocks.length, `threads ${threads}`).toBeGreaterThan(10);
      expect(problems, `threads ${threads}`).toEqual([]);
    }
  });

  it('--threads N starts workers as pieces need them, up to N: a short input is analysed by one', async () => {
    const { ThreadedAnalyzer } = await import('../src/cli/threads.js');
    const line = 'او به خانه رفت. من ماندم.\n';
    // [threads, input, workers started, reason]: each worker loads its own models (--threads 8 on one line had
    // started eight: 10.7 s and 589 MB RSS, where one thread took 1.8 s and 117 MB)
    const rows: [number, string, number, string][] = [
      [8, line, 1, 'one line is one piece: one worker'],
      [3, line.repeat(20_000), 3, 'many pieces: all three'],
      [2, '', 1, 'no input: the first worker only (it tells whether the models load, before any output)'],
    ];
    const one = await cli(['analyze', '--components', 'normalizer,tokenizer', '--format', 'text'], line.repeat(20_000));
    for (const [threads, text, workers, why] of rows) {
      const a = new ThreadedAnalyzer(threads, { components: ['normalizer', 'tokenizer'], scheme: 'perdt', mode: 'text', original: false });
      const out: string[] = [];
      try {
        await a.ready;
        await a.push(text, out);
        await a.end(out);
      } finally {
        await a.close();
      }
      expect(a.workers, why).toBe(workers);
      if (text.length > line.length) expect(out.join(''), 'the same output as one thread').toBe(one.out);
    }
  });

  it('usage errors exit 2: --score without --input conllu, unknown format, unknown scheme', async () => {
    for (const argv of [['analyze', '--score'], ['tokenize', '--score'], ['analyze', '--format', 'xml'], ['analyze', '--scheme', 'x']]) {
      const r = await cli(argv, 'سلام');
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.out).toBe('');
    }
  });
});

describe('dabir ner', () => {
  it('prints one line per entity (TYPE, start, end, text) whose offsets slice back into the input, as the library finds them', async () => {
    const text = 'سلام.\nدیروز حسن روحانی به پاریس رفت. سازمان ملل متحد بیانیه داد.\n';
    const r = await cli(['ner'], text);
    expect(r.code).toBe(0);
    const lines = r.out.split('\n').filter(Boolean);
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) {
      const [type, s, e, t] = l.split('\t');
      expect(['PER', 'LOC', 'ORG', 'NAT', 'EVE', 'POG']).toContain(type);
      expect(text.slice(Number(s), Number(e))).toBe(t);
    }
    const lib = createPipeline({ components: ['normalizer', 'tokenizer', 'ner'] }).process(text);
    expect(lines).toEqual(lib.entities!.map((x) => `${x.type}\t${x.start}\t${x.end}\t${x.text}`));
  });

  it('rejects the options of analyze', async () => {
    const r = await cli(['ner', '--format', 'json'], 'x');
    expect(r.code).toBe(2);
  });
});
