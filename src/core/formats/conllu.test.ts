import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Doc } from '../doc.js';
import { badConlluLine, readConllu, writeConllu } from './conllu.js';

const MINI = readFileSync(new URL('../../../test/fixtures/mini.conllu', import.meta.url), 'utf8');

/** Everything the model keeps of a document, for comparing two reads. */
function snapshot(doc: Doc): unknown {
  return {
    text: doc.text,
    sentences: doc.sentences.map((s) => ({ ...s.toJSON(), comments: s.comments })),
    tokenMisc: doc.tokens.map((t) => t.misc),
  };
}

function tokensMatchText(doc: Doc): void {
  for (const t of doc.tokens) expect(doc.text.slice(t.start, t.end)).toBe(t.text);
  for (const s of doc.sentences) expect(doc.text.slice(s.start, s.end)).toBe(s.text);
}

describe('readConllu on the mini fixture', () => {
  const doc = readConllu(MINI);

  it('reads sentences, tokens, words, the MWT, SpaceAfter=No and comments', () => {
    expect(doc.sentences.map((s) => s.id)).toEqual(['mini-1', 'mini-2']);
    expect(doc.text).toBe('دیگر من اختیارش را ندارم.\nعلی کتاب خرید و مریم دفتر.');
    const s1 = doc.sentences[0]!;
    expect(s1.comments).toEqual(['newdoc id = mini', 'note = a hand-made sentence with a multi-word token']);
    expect(s1.tokens.map((t) => t.text)).toEqual(['دیگر', 'من', 'اختیارش', 'را', 'ندارم', '.']);
    const mwt = s1.tokens[2]!;
    expect(mwt.isMultiWord).toBe(true);
    expect(mwt.words.map((w) => [w.id, w.form, w.upos])).toEqual([
      [3, 'اختیار', 'NOUN'],
      [4, 'ش', 'PRON'],
    ]);
    expect(s1.words.map((w) => w.id)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(s1.tokens[4]!.spaceAfter).toBe(false);
    expect(s1.tokens[3]!.spaceAfter).toBe(true);
  });

  it('skips the empty node', () => {
    const s2 = doc.sentences[1]!;
    expect(s2.words.map((w) => w.id)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(s2.words.map((w) => w.form)).toEqual(['علی', 'کتاب', 'خرید', 'و', 'مریم', 'دفتر', '.']);
  });

  it('token offsets index doc.text', () => tokensMatchText(doc));

  it('round-trips: read → write (no token ranges) → read keeps words, tokens and sentences', () => {
    const written = writeConllu(doc, { tokenRanges: false });
    expect(written).not.toContain('TokenRange');
    expect(written).toContain('3-4\tاختیارش');
    const again = readConllu(written);
    expect(snapshot(again)).toEqual(snapshot(doc));
    // and a second trip is byte-identical
    expect(writeConllu(again, { tokenRanges: false })).toBe(written);
  });
});

describe('property: token offsets', () => {
  // forms from Persian letters, ZWNJ, digits, punctuation and Latin; never tabs or newlines
  const letter = fc.constantFrom(...'ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی\u200c۰۱۲.،؟!abc1_-'.split(''));
  const form = fc.array(letter, { minLength: 1, maxLength: 6 }).map((a) => a.join(''));
  const token = fc.record({ form, spaceAfter: fc.boolean(), parts: fc.integer({ min: 1, max: 3 }) });
  const sentence = fc.array(token, { minLength: 1, maxLength: 8 });

  function build(sentences: { form: string; spaceAfter: boolean; parts: number }[][]): string {
    const out: string[] = [];
    sentences.forEach((toks, si) => {
      out.push(`# sent_id = s${si + 1}`);
      let id = 1;
      for (const t of toks) {
        const misc = t.spaceAfter ? '_' : 'SpaceAfter=No';
        if (t.parts > 1) {
          out.push(`${id}-${id + t.parts - 1}\t${t.form}\t_\t_\t_\t_\t_\t_\t_\t${misc}`);
          for (let k = 0; k < t.parts; k++, id++) out.push(`${id}\t${t.form}${k}\t_\tX\t_\t_\t0\tdep\t_\t_`);
        } else {
          out.push(`${id}\t${t.form}\t_\tX\t_\t_\t0\tdep\t_\t${misc}`);
          id++;
        }
      }
      out.push('');
    });
    return out.join('\n');
  }

  it('a number token holding a thousands separator (a narrow no-break space: the tokenizer keeps ۱۲ ۵۰۰ one) is one FORM, read back whole', () => {
    const doc = readConllu('# text = قیمت ۱۲\u202f۵۰۰ تومان\n1\tقیمت\t_\t_\t_\t_\t_\t_\t_\t_\n2\t۱۲\u202f۵۰۰\t_\tNUM\t_\t_\t_\t_\t_\t_\n3\tتومان\t_\t_\t_\t_\t_\t_\t_\t_\n\n');
    expect(doc.tokens.map((t) => t.text)).toEqual(['قیمت', '۱۲\u202f۵۰۰', 'تومان']);
    tokensMatchText(doc);
    expect(snapshot(readConllu(writeConllu(doc, { tokenRanges: false })))).toEqual(snapshot(doc));
  });

  it('doc.text.slice(t.start, t.end) === t.text for every token, and round-trips', () => {
    fc.assert(
      fc.property(fc.array(sentence, { minLength: 1, maxLength: 4 }), (sents) => {
        const doc = readConllu(build(sents));
        expect(doc.tokens.map((t) => t.text)).toEqual(sents.flat().map((t) => t.form));
        tokensMatchText(doc);
        const again = readConllu(writeConllu(doc, { tokenRanges: false }));
        expect(snapshot(again)).toEqual(snapshot(doc));
      }),
      { numRuns: 200 },
    );
  });
});

describe('readConllu strict', () => {
  const good = '# text = سلام\n1\tسلام\t_\t_\t_\t_\t_\t_\t_\t_\n1.1\tx\t_\t_\t_\t_\t_\t_\t_\t_\n\n';
  // [input, the line reported (0: none), reason]
  const rows: [string, number, string][] = [
    [good, 0, 'comments, word lines and an empty node are valid'],
    ['# text = سلام\n1\tسلام\n\n', 2, 'a word line with two columns'],
    ['1\tسلام\t_\t_\t_\t_\t_\t_\t_\t_\t_\n', 1, 'or eleven'],
    ['x\tسلام\t_\t_\t_\t_\t_\t_\t_\t_\n', 1, 'an ID that is no number'],
    ['0\tسلام\t_\t_\t_\t_\t_\t_\t_\t_\n', 1, 'IDs start at 1'],
    ['1\tسلام\t_\t_\t_\t_\t_\t_\t_\t_\r\n\r\nبی\r\n', 3, 'CR LF line ends are read as LF'],
  ];
  it.each(rows)('%j → line %i (%s)', (text, line) => {
    expect(badConlluLine(text)).toBe(line);
    if (line === 0) expect(readConllu(text, { strict: true }).words.map((w) => w.form)).toEqual(['سلام']);
    else {
      expect(() => readConllu(text, { strict: true })).toThrowError(new RegExp(`^E_BAD_CONLLU: line ${line} `));
      // lenient by default: the bad line is skipped
      expect(() => readConllu(text)).not.toThrow();
    }
  });

  // [input, reason]: what is not a string is a typed error, not a TypeError ("text.replace is not a function")
  const notText: [unknown, string][] = [
    [5, 'a number'],
    [null, 'null'],
    [undefined, 'nothing'],
    [Buffer.from('1\tسلام\t_\t_\t_\t_\t_\t_\t_\t_\n'), 'the bytes of a file, not decoded'],
  ];
  it.each(notText)('%j: E_BAD_INPUT (%s)', (text) => {
    expect(() => readConllu(text as string)).toThrowError(/^E_BAD_INPUT: readConllu expects a string/);
    expect(() => readConllu(text as string, { strict: true })).toThrowError(/^E_BAD_INPUT: readConllu expects a string/);
    expect(() => badConlluLine(text as string)).toThrowError(/^E_BAD_INPUT: badConlluLine expects a string/);
  });
});

describe('SpacesAfter: white space other than one space between tokens', () => {
  /** a document whose tokens are the runs of non-space in `text` (as a tokenizer would give them) */
  function docOf(text: string): Doc {
    const lines = ['# text = ' + text];
    const words = [...text.matchAll(/\S+/g)];
    words.forEach((m, i) => {
      const next = words[i + 1];
      const misc = next && next.index === m.index + m[0].length ? 'SpaceAfter=No' : '_';
      lines.push(`${i + 1}\t${m[0]}\t_\t_\t_\t_\t_\t_\t_\t${misc}`);
    });
    // read with one space between the tokens, then given the text's own gaps as a tokenizer's offsets would
    const doc = readConllu(lines.join('\n') + '\n\n');
    const s = doc.sentences[0]!;
    s.text = text;
    s.end = s.start + text.length;
    words.forEach((m, i) => {
      s.tokens[i]!.start = m.index;
      s.tokens[i]!.end = m.index + m[0].length;
    });
    return doc;
  }
  // [sentence text, the MISC of each token as written, reason]
  const rows: [string, string[], string][] = [
    ['مصراع اول\tمصراع دوم', ['_', 'SpacesAfter=\\t', '_', '_'], "a poem's two hemistichs, a tab between them"],
    ['یک  دو', ['SpacesAfter=\\s\\s', '_'], 'two spaces'],
    ['یک \t دو', ['SpacesAfter=\\s\\t\\s', '_'], 'space, tab, space'],
    ['یک\u00a0دو', ['SpacesAfter=\u00a0', '_'], 'a no-break space is kept as written (only \\s \\t \\n \\r \\p \\\\ are escaped)'],
    ['یک دو', ['_', '_'], 'one space: nothing written'],
  ];
  it.each(rows)('%j → %j (%s)', (text, miscs) => {
    const written = writeConllu(docOf(text), { tokenRanges: false });
    expect(written.split('\n').filter((l) => /^\d/.test(l)).map((l) => l.split('\t')[9])).toEqual(miscs);
    // read back: the same # text, tokens at the right offsets, written again byte for byte
    const again = readConllu(written);
    expect(again.sentences[0]!.text).toBe(text);
    tokensMatchText(again);
    expect(writeConllu(again, { tokenRanges: false })).toBe(written);
  });

  // [MISC value, the white space it stands for, reason]
  const reads: [string, string, string][] = [
    ['SpacesAfter=\\n', '\n', 'a newline'],
    ['SpacesAfter=\\\\', '\\', 'an escaped backslash'],
    ['SpacesAfter=\\p', '|', 'the MISC separator'],
    ['SpacesAfter=\\s|SpaceAfter=No', ' ', 'SpacesAfter wins over SpaceAfter=No'],
  ];
  it.each(reads)('reads %j as %j (%s)', (misc, gap) => {
    const doc = readConllu(`1\tیک\t_\t_\t_\t_\t_\t_\t_\t${misc}\n2\tدو\t_\t_\t_\t_\t_\t_\t_\t_\n\n`);
    expect(doc.text).toBe('یک' + gap + 'دو');
    tokensMatchText(doc);
  });
});
