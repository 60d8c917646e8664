/**
 * Messages between the page (main.ts) and the Web Worker (worker.ts). Plain JSON-able objects only.
 *
 * Requests: `{ normalize: text, options? }` and `{ analyze: text, options? }`, each with an optional `id` that the
 * answer echoes. Requests sent before the models are loaded wait for them.
 */
import type { Change } from '../core/aligned.js';
import type { SentenceJSON } from '../core/doc.js';
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

// the analysis as Doc.toJSON() gives it (the core's types, not a copy)
export type { SentenceJSON, TokenJSON, WordJSON } from '../core/doc.js';

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
