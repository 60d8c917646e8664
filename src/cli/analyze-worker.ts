/**
 * A worker thread of `dabir analyze --threads N` (src/cli/threads.ts): builds the pipeline once, then analyses the
 * pieces of text it is sent — each a run of whole lines, with its offset in the input — and replies with the
 * sentences formatted for output, ids left empty (the main thread numbers them in input order).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createPipeline, DabirError, shiftSentence, type Pipeline } from '../node/index.js';
import { formatSentence } from './format.js';
import type { WorkerInit, WorkerError, WorkerReply, WorkerJob } from './threads.js';

const port = parentPort;
if (!port) throw new Error('src/cli/analyze-worker.ts runs only as a worker thread');
const init = workerData as WorkerInit;

/** A DabirError's parts (its message without the `CODE: ` prefix and ` (hint)` suffix), or another error's stack. */
function errorOf(e: unknown): WorkerError {
  if (!(e instanceof DabirError)) return { message: (e as Error)?.stack ?? String(e) };
  let m = e.message;
  if (m.startsWith(`${e.code}: `)) m = m.slice(e.code.length + 2);
  if (e.hint && m.endsWith(` (${e.hint})`)) m = m.slice(0, -(e.hint.length + 3));
  return { code: e.code, message: m, hint: e.hint };
}

let pipeline: Pipeline | undefined;
try {
  pipeline = createPipeline({ components: init.components, scheme: init.scheme, ...(init.options ? { options: init.options } : {}) });
  port.postMessage({ type: 'ready' } satisfies WorkerReply);
} catch (e) {
  port.postMessage({ type: 'failed', error: errorOf(e) } satisfies WorkerReply);
}

port.on('message', (job: WorkerJob) => {
  let reply: WorkerReply;
  try {
    const doc = pipeline!.process(job.text);
    const blocks: string[] = new Array(doc.sentences.length);
    for (let i = 0; i < blocks.length; i++) {
      const s = doc.sentences[i]!;
      shiftSentence(s, job.base);
      s.id = '';
      blocks[i] = formatSentence(s, init.mode, init.original);
    }
    reply = { type: 'result', seq: job.seq, blocks };
  } catch (e) {
    reply = { type: 'result', seq: job.seq, error: errorOf(e) };
  }
  port.postMessage(reply);
});
