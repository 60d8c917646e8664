/**
 * Messages between the page (main.ts) and the Web Worker (worker.ts). Plain JSON-able objects only.
 *
 * Requests: `{ normalize: text, options? }` and `{ analyze: text, options? }`, each with an optional `id` that the
 * answer echoes. Requests sent before the models are loaded wait for them.
 */
import type { Change } from '../core/aligned.js';
import type { NormalizeOptions } from '../core/normalize/options.js';

export interface NormalizeRequest {
  id?: number;
  normalize: string;
  options?: NormalizeOptions;
  /** also rewrite colloquial words in the formal register (formalize; changes of kind 'register') */
  formal?: boolean;
}

export interface AnalyzeRequest {
  id?: number;
  analyze: string;
  options?: NormalizeOptions;
}

/** The spelling issues of a text (the spelling data is fetched on the first such request). */
export interface SpellRequest {
  id?: number;
  spell: string;
  register?: 'formal' | 'informal';
}

export type WorkerRequest = NormalizeRequest | AnalyzeRequest | SpellRequest;

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
  start: number;
  end: number;
  text: string;
  form: string;
  spaceAfter?: boolean;
  /** named-entity label (B-PER, I-LOC, ...) when the token is part of an entity */
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

export interface ReadyReply {
  type: 'ready';
  /** the components of the analysis pipeline, in order */
  components: string[];
  /** resources that were loaded */
  resources: string[];
  /** resources that could not be loaded (the page still works without them) */
  missing: string[];
  ms: number;
}

export interface NormalizedReply {
  type: 'normalized';
  id?: number;
  /** the input, echoed */
  input: string;
  /** the corrected text (all changes applied) */
  text: string;
  changes: Change[];
  ms: number;
}

export interface AnalyzedReply {
  type: 'analyzed';
  id?: number;
  input: string;
  components: string[];
  sentences: SentenceJSON[];
  /** set when an analysis component failed on this text and was left out */
  warning?: string;
  ms: number;
}

export interface ErrorReply {
  type: 'error';
  id?: number;
  code: string;
  message: string;
}

export interface SpellIssueJSON {
  start: number;
  end: number;
  text: string;
  kind: 'non-word' | 'real-word' | 'style';
  suggestions: { text: string; score: number }[];
}

export interface SpellingReply {
  type: 'spelling';
  id?: number;
  /** the text checked, echoed */
  input: string;
  issues: SpellIssueJSON[];
  ms: number;
}

export type WorkerReply = ReadyReply | NormalizedReply | AnalyzedReply | SpellingReply | ErrorReply;
