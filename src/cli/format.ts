/**
 * How `dabir analyze`, `tokenize` and `lemma` write one sentence. Shared by the single-threaded path and the worker
 * threads of `--threads`, so both give the same bytes.
 */
import { Doc, spansOf, writeConllu, type Sentence } from '../node/index.js';

export type Format = 'conllu' | 'json' | 'jsonl' | 'text';
export const FORMATS: Format[] = ['conllu', 'json', 'jsonl', 'text'];
/** an analyze format, the one-line outputs of `dabir tokenize` and `dabir lemma`, or the entity lines of `dabir ner` */
export type Mode = Format | 'tokenize' | 'lemma' | 'ner';

/**
 * Whitespace inside a form or token, which would break the one-line-per-sentence layout, read as one space; but not
 * U+FEFF, which \s counts: a byte-order mark or zero-width no-break space inside a token printed as a space made it
 * look like two («a\uFEFFb» → «a b»), and one at the start of the input began the line with an empty token.
 */
const SPACES = /[^\S\uFEFF]+/g;

/** One sentence in the output format (json: the object alone; the caller writes the brackets and commas). */
export function formatSentence(s: Sentence, mode: Mode, original = false): string {
  switch (mode) {
    case 'conllu':
      return writeConllu(new Doc('', [s]));
    case 'jsonl':
      return JSON.stringify(s) + '\n';
    case 'json':
      return JSON.stringify(s);
    case 'text':
      // (whitespace inside a form, as in a code block, would break the one-line-per-sentence layout)
      return s.words.map((w) => [w.form.replace(SPACES, ' '), w.lemma, w.upos].filter(Boolean).join('/')).join(' ') + '\n';
    case 'tokenize':
      return s.tokens.map((t) => (original ? t.text : t.form).replace(SPACES, ' ')).join(' ') + '\n';
    case 'lemma':
      return s.words.map((w) => w.lemma ?? w.form).join(' ') + '\n';
    case 'ner': {
      // one line per entity: TYPE, start and end (UTF-16 offsets into the input), the entity as written
      let out = '';
      for (const [type, a, b] of spansOf(s.tokens.map((t) => t.ner ?? 'O'))) {
        const from = s.tokens[a]!.start;
        const to = s.tokens[b - 1]!.end;
        out += type + '\t' + from + '\t' + to + '\t' + s.text.slice(from - s.start, to - s.start).replace(SPACES, ' ') + '\n';
      }
      return out;
    }
  }
}

const CONLLU_ID = '# sent_id = ';
const JSON_ID = '{"id":"';

/**
 * A sentence formatted (formatSentence) with the id '' — as a worker thread does, not knowing how many sentences the
 * pieces before its own hold — given its id. The id is the first thing in a CoNLL-U block (`# sent_id = `) and in a
 * sentence's JSON (`{"id":"`); the other modes print no id.
 */
export function withSentenceId(block: string, mode: Mode, id: string): string {
  if (mode === 'conllu') return CONLLU_ID + id + block.slice(CONLLU_ID.length);
  if (mode === 'json' || mode === 'jsonl') return JSON_ID + id + block.slice(JSON_ID.length);
  return block;
}

/**
 * Writes formatted sentences in order: for json, the array around them (`[`, the commas, `]`); the other modes are the
 * sentences one after the other. Shared by the one-thread path and the threads of --threads.
 */
export class SentenceWriter {
  private first = true;
  constructor(private readonly mode: Mode) {}

  /** Appends one sentence formatted by formatSentence. */
  push(block: string, out: string[]): void {
    if (this.mode === 'json') {
      out.push(this.first ? '[\n' : ',\n', block);
      this.first = false;
    } else out.push(block);
  }

  /** What ends the output: the closing of the json array (an empty one when no sentence came), else ''. */
  end(): string {
    return this.mode === 'json' ? (this.first ? '[]\n' : '\n]\n') : '';
  }
}
