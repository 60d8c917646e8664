/**
 * The document model, as in Universal Dependencies: Doc > Sentence > Token > Word.
 *
 * - A Token is a surface span of the ORIGINAL input: `doc.text.slice(token.start, token.end) === token.text`.
 *   `token.form` is its normalized spelling (what the analysis components read).
 * - A Word is a syntactic word. Most tokens have one word; a multi-word token (UD MWT) such as `اختیارش` has two
 *   (`اختیار` + `ش`). Word ids are 1-based within the sentence, as in CoNLL-U; `head` 0 is the root.
 * - `doc.text === input` always.
 */
import { DabirError, kindOf } from './errors.js';
import { writeConllu } from './formats/conllu.js';
import type { SpellIssue } from './spell/checker.js';

/** A named entity: a span of whole tokens of one sentence. */
export interface Entity {
  /** PER (person), LOC (place), ORG (organization), NAT (nationality), EVE (event), POG (political or other group) */
  type: string;
  /** offsets into the original input: text.slice(start, end) is the entity as written */
  start: number;
  end: number;
  text: string;
  /** index of the sentence in doc.sentences */
  sentence: number;
  /** the tokens of the sentence it spans: [first, last + 1) */
  tokens: [number, number];
}

export interface WordFields {
  /**
   * the word's form (normalized text; for a part of a multi-word token, the part — in the iperudt scheme cut from the
   * token as written where the normalizer changed only its ZWNJs, as iPerUDT writes its words: برمیگرده = بر + میگرده)
   */
  form: string;
  lemma?: string | undefined;
  upos?: string | undefined;
  xpos?: string | undefined;
  feats?: string | undefined;
  head?: number | undefined;
  deprel?: string | undefined;
  deps?: string | undefined;
  misc?: string | undefined;
}

/**
 * The JSON of a Doc (`doc.toJSON()`, `dabir analyze --format json`, the service's /v1/analyze): the fields a component
 * did not set are left out.
 */
export interface WordJSON {
  id: number;
  form: string;
  lemma?: string;
  upos?: string;
  xpos?: string;
  feats?: string;
  head?: number;
  deprel?: string;
  deps?: string;
  misc?: string;
}
export interface TokenJSON {
  /** UTF-16 offsets into the input */
  start: number;
  end: number;
  /** the token as written */
  text: string;
  /** as normalized */
  form: string;
  /** only when false: no space follows */
  spaceAfter?: false;
  /** only when the token is part of a named entity: B-PER, I-LOC, ... */
  ner?: string;
  words: WordJSON[];
}
export interface SentenceJSON {
  id: string;
  start: number;
  end: number;
  text: string;
  tokens: TokenJSON[];
}
export interface DocJSON {
  text: string;
  sentences: SentenceJSON[];
  /** when the ner component ran */
  entities?: Entity[];
  /** when the spell component ran */
  spelling?: SpellIssue[];
}

export class Word implements WordFields {
  /** 1-based position in the sentence */
  id: number;
  form: string;
  lemma: string | undefined;
  upos: string | undefined;
  xpos: string | undefined;
  feats: string | undefined;
  head: number | undefined;
  deprel: string | undefined;
  deps: string | undefined;
  misc: string | undefined;
  /** the token this word belongs to */
  token!: Token;

  constructor(id: number, f: WordFields) {
    if (f === null || typeof f !== 'object') throw badPart('new Word', 'its fields ({ form, lemma?, upos?, … })', f); // (was "Cannot read properties of null (reading 'form')")
    this.id = id;
    this.form = f.form;
    this.lemma = f.lemma;
    this.upos = f.upos;
    this.xpos = f.xpos;
    this.feats = f.feats;
    this.head = f.head;
    this.deprel = f.deprel;
    this.deps = f.deps;
    this.misc = f.misc;
  }

  /** A word with only its form (the tokenizer's fast path). */
  static of(id: number, form: string): Word {
    return new Word(id, { form });
  }

  /** UD name of the field; kept for readers who think in CoNLL-U */
  get text(): string {
    return this.form;
  }

  toJSON(): WordJSON {
    const o: Record<string, unknown> = { id: this.id, form: this.form };
    for (const k of ['lemma', 'upos', 'xpos', 'feats', 'head', 'deprel', 'deps', 'misc'] as const) {
      if (this[k] !== undefined) o[k] = this[k];
    }
    return o as unknown as WordJSON;
  }
}

export class Token {
  /** offset of the first UTF-16 unit in the original input */
  start: number;
  /** offset after the last UTF-16 unit in the original input */
  end: number;
  /** the original text of the token: input.slice(start, end) */
  text: string;
  /** the normalized spelling */
  form: string;
  /** false when the next token follows without a space (CoNLL-U SpaceAfter=No) */
  spaceAfter: boolean;
  misc: string | undefined;
  /** the named-entity label (BIO: 'O', 'B-PER', 'I-PER', ...), set by the `ner` component */
  ner: string | undefined;
  /** the words, or null for a one-word token whose Word is made when first read (ids: `wid`) */
  private w: Word[] | null;
  private wid: number;

  constructor(start: number, end: number, text: string, form: string, words: Word[] | null, spaceAfter: boolean, wordId = 1) {
    if (words !== null && !Array.isArray(words)) throw badPart('new Token', 'its words as a list of Word, or null', words); // (was "words is not iterable")
    this.start = start;
    this.end = end;
    this.text = text;
    this.form = form;
    this.spaceAfter = spaceAfter;
    this.misc = undefined;
    this.ner = undefined;
    this.w = words;
    this.wid = wordId;
    if (words !== null) for (const w of words) w.token = this;
  }

  /**
   * The syntactic words: one for most tokens, several for a multi-word token. The tokenizer makes the Word of a
   * one-word token only when it is first read (tokenizing alone then allocates half as many objects).
   */
  get words(): Word[] {
    if (this.w === null) {
      const w = Word.of(this.wid, this.form);
      w.token = this;
      this.w = [w];
    }
    return this.w;
  }

  set words(words: Word[]) {
    this.w = words;
    for (const w of words) w.token = this;
  }

  get isMultiWord(): boolean {
    return this.w !== null && this.w.length > 1;
  }

  toJSON(): TokenJSON {
    return {
      start: this.start,
      end: this.end,
      text: this.text,
      form: this.form,
      ...(this.spaceAfter ? {} : { spaceAfter: false }),
      ...(this.ner !== undefined && this.ner !== 'O' ? { ner: this.ner } : {}),
      words: this.words.map((w) => w.toJSON()),
    };
  }
}

export class Sentence {
  start: number;
  end: number;
  text: string;
  tokens: Token[];
  id: string;
  /** extra comment lines for CoNLL-U (without "# ") */
  comments: string[] = [];

  constructor(start: number, end: number, text: string, tokens: Token[], id: string) {
    if (!Array.isArray(tokens)) throw badPart('new Sentence', 'its tokens as a list of Token', tokens); // (was accepted: "this.tokens is not iterable" when read)
    this.start = start;
    this.end = end;
    this.text = text;
    this.tokens = tokens;
    this.id = id;
  }

  /** the syntactic words of the sentence, in order (ids 1..n) */
  get words(): Word[] {
    const out: Word[] = [];
    for (const t of this.tokens) for (const w of t.words) out.push(w);
    return out;
  }

  toJSON(): SentenceJSON {
    return { id: this.id, start: this.start, end: this.end, text: this.text, tokens: this.tokens.map((t) => t.toJSON()) };
  }
}

export class Doc {
  /** the input, unchanged */
  readonly text: string;
  sentences: Sentence[];
  /** the normalized text the analysis read (same as text when no normalizer ran) */
  normalized: string;
  /** spelling issues (offsets into `text`), set by the `spell` component; undefined when it did not run */
  spelling: SpellIssue[] | undefined = undefined;
  /** named entities (offsets into `text`), set by the `ner` component; undefined when it did not run */
  entities: Entity[] | undefined = undefined;

  constructor(text: string, sentences: Sentence[] = [], normalized?: string) {
    // (were accepted: a Doc of the text 5, whose CoNLL-U was empty)
    if (typeof text !== 'string') throw badPart('new Doc', 'its text as a string', text);
    if (!Array.isArray(sentences)) throw badPart('new Doc', 'its sentences as a list of Sentence', sentences);
    this.text = text;
    this.sentences = sentences;
    this.normalized = normalized ?? text;
  }

  get tokens(): Token[] {
    const out: Token[] = [];
    for (const s of this.sentences) for (const t of s.tokens) out.push(t);
    return out;
  }

  get words(): Word[] {
    const out: Word[] = [];
    for (const s of this.sentences) for (const t of s.tokens) for (const w of t.words) out.push(w);
    return out;
  }

  toJSON(): DocJSON {
    return {
      text: this.text,
      sentences: this.sentences.map((s) => s.toJSON()),
      ...(this.entities ? { entities: this.entities } : {}),
      ...(this.spelling ? { spelling: this.spelling } : {}),
    };
  }

  /** The document in CoNLL-U (FORM as written, CorrectForm in MISC when normalized, TokenRange offsets). */
  toConllu(): string {
    return writeConllu(this);
  }
}

/**
 * A Doc as a list of one piece, or the pieces of one as given (`pipeline.processPieces(text)`), for the readers of both
 * (`fn`, named in the error). Anything else — a string, null, an object that is no Doc — is E_BAD_INPUT now, and a piece
 * that is no Doc when it is read: they were TypeErrors from inside ("d.sentences is not iterable").
 */
export function docsOf(doc: Doc | Iterable<Doc>, fn: string): Iterable<Doc> {
  if (isDocLike(doc)) return [doc];
  if (doc === null || typeof doc !== 'object' || typeof (doc as Iterable<Doc>)[Symbol.iterator] !== 'function') throw notADoc(doc, fn);
  return checkedDocs(doc, fn);
}

/**
 * The Doc argument of a function that annotates one (`fn`: tagDoc, parseDoc, nerDoc, checkDoc): a Doc, else
 * E_BAD_INPUT naming the function (null or a string had been a TypeError from inside: "doc.sentences is not iterable").
 */
export function docArgument(doc: unknown, fn: string): void {
  if (!isDocLike(doc)) throw new DabirError('E_BAD_INPUT', `${fn} expects a Doc, got ${kindOf(doc)}`, "pass what a pipeline's process() returned");
}

/** E_BAD_INPUT for a part of a Doc given to its class's constructor (`fn`) that is not what it expects (`what`) */
function badPart(fn: string, what: string, got: unknown): DabirError {
  return new DabirError('E_BAD_INPUT', `${fn} expects ${what}, got ${kindOf(got)}`, 'a Doc and its parts are made by tokenize(), readConllu() or a pipeline');
}

function isDocLike(d: unknown): d is Doc {
  return d !== null && typeof d === 'object' && Array.isArray((d as Doc).sentences);
}

/** `inIt`: ' in it' for a piece that is no Doc (as listArgument says of a bad item: the list itself was of the right kind) */
function notADoc(d: unknown, fn: string, inIt = ''): DabirError {
  return new DabirError('E_BAD_INPUT', `${fn} expects a Doc or pieces of one, got ${kindOf(d)}${inIt}`, "pass what a pipeline's process() or processPieces() returned");
}

function* checkedDocs(docs: Iterable<Doc>, fn: string): Generator<Doc> {
  for (const d of docs) {
    if (!isDocLike(d)) throw notADoc(d, fn, ' in it');
    yield d;
  }
}
