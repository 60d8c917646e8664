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

/**
 * Drops the normalize and analyze requests of texts up to `cancel` (their ids) that have not started yet: each is
 * answered `{ type: 'cancelled', id }`. A request that is running is not stopped by it (the page ends a long one by
 * terminating the worker, see shouldRestart).
 */
export interface CancelRequest {
  cancel: number;
}

export type WorkerRequest = NormalizeRequest | AnalyzeRequest | SpellRequest | CancelRequest;

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

/** A request dropped before it started: a later request of the same kind came, or a cancel named its id. */
export interface CancelledReply {
  type: 'cancelled';
  id?: number;
}

export type WorkerReply = ReadyReply | NormalizedReply | AnalyzedReply | SpellingReply | ErrorReply | CancelledReply;

/** the kind of a request: the name of its text field ('cancel' for a cancel; undefined for what is none of these) */
export function requestKind(m: unknown): 'normalize' | 'analyze' | 'spell' | 'cancel' | undefined {
  if (m === null || typeof m !== 'object') return undefined;
  for (const k of ['normalize', 'analyze', 'spell', 'cancel'] as const) if (k in m) return k;
  return undefined;
}

/**
 * The worker's queue, as a pure function (the worker calls it before each job; tested in Node): the job to run next
 * and the ids of the requests dropped. Requests wait in `queue` in the order they came. A normalize or analyze
 * request is dropped when a later one of the same kind waits behind it (its answer would be of a text the page no
 * longer shows), or when a cancel waiting behind it names its id or a later one. Cancels are used up here. Other
 * messages (spell, anything unknown) are never dropped: they run in their turn.
 */
export function takeNext(queue: readonly unknown[]): { job: unknown; dropped: (number | undefined)[]; rest: unknown[] } {
  // from the end: what waits behind each request (linear in the queue)
  const later = { normalize: false, analyze: false };
  let cancelBehind = false;
  let maxCancel = -Infinity;
  const keep: unknown[] = [];
  const dropped: (number | undefined)[] = [];
  for (let i = queue.length - 1; i >= 0; i--) {
    const m = queue[i];
    const kind = requestKind(m);
    if (kind === 'cancel') {
      cancelBehind = true;
      const c = (m as { cancel?: unknown }).cancel;
      if (typeof c === 'number' && c > maxCancel) maxCancel = c;
      continue;
    }
    if (kind === 'normalize' || kind === 'analyze') {
      const id = (m as { id?: unknown }).id;
      const num = typeof id === 'number' ? id : undefined;
      const stale = later[kind] || (cancelBehind && (num === undefined || num <= maxCancel));
      later[kind] = true;
      if (stale) {
        dropped.push(num);
        continue;
      }
    }
    keep.push(m);
  }
  keep.reverse();
  dropped.reverse();
  return { job: keep[0], dropped, rest: keep.slice(1) };
}

/**
 * Whether the page should end the worker (terminate it and start a new one) to run a new text rather than post it
 * behind the running job: when a request of an older text has waited for its answer longer than `after` ms (a
 * running job cannot be stopped from outside; a new worker costs a model load, from the browser's cache).
 */
export function shouldRestart(waitingSince: readonly number[], now: number, after = RESTART_AFTER_MS): boolean {
  return waitingSince.some((t) => now - t > after);
}

/** see shouldRestart */
export const RESTART_AFTER_MS = 2000;
