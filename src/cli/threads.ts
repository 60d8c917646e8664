/**
 * `dabir analyze --threads N`: the input is cut into pieces of whole lines (createTextCutter: the cuts the sentence
 * stream makes, so the sentences are the same) and the pieces are analysed by N worker threads, each with its own
 * copy of the pipeline. The main thread only reads, cuts, numbers the sentences and writes, in input order: the output
 * is byte for byte the one-thread output. At most DEPTH pieces wait per worker, so memory stays bounded on a stream
 * of any length. Workers start as pieces need them, up to N: a short input is analysed by one (each worker loads its
 * own models: --threads 8 on one line had started eight, 10.7 s and 589 MB RSS where one thread took 1.8 s and 117 MB).
 */
import type { Worker } from 'node:worker_threads';
import { createTextCutter, DabirError, MAX_SEGMENT, type ErrorCode, type PipelineScheme } from '../node/index.js';
import { spawnWorker } from '../server/spawn.js';
import { SentenceWriter, withSentenceId, type Mode } from './format.js';

export interface WorkerInit {
  components: string[];
  /** the pipeline's scheme (createPipeline's option: perdt, seraji, iperudt, auto) */
  scheme: PipelineScheme | 'auto';
  mode: Mode;
  original: boolean;
  /** per-component options (the parser's beam) */
  options?: Record<string, Record<string, unknown>>;
}
export interface WorkerJob {
  seq: number;
  /** whole lines */
  text: string;
  /** offset of text[0] in the input (UTF-16 units) */
  base: number;
}
export interface WorkerError {
  code?: ErrorCode;
  message: string;
  hint?: string;
}
export type WorkerReply =
  | { type: 'ready' }
  | { type: 'failed'; error: WorkerError }
  | { type: 'result'; seq: number; blocks?: string[]; error?: WorkerError };

/** pieces a worker holds at once (one running, one waiting in its message queue) */
const DEPTH = 2;

const toError = (e: WorkerError): Error => (e.code ? new DabirError(e.code, e.message, e.hint ?? '') : new Error(`a worker thread failed: ${e.message}`));

interface Job {
  seq: number;
  resolve: (blocks: string[]) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  /** jobs sent and not answered, in order */
  jobs: Job[];
}

export class ThreadedAnalyzer {
  private readonly slots: Slot[] = [];
  private readonly cutter = createTextCutter();
  /** results not yet written, in input order */
  private readonly pending: Promise<string[]>[] = [];
  private base = 0;
  private seq = 0;
  private nextId = 1;
  private readonly writer: SentenceWriter;
  private failure: Error | undefined;
  /** the first worker started (its models loaded): a component that cannot load fails here, before any output */
  readonly ready: Promise<void>;

  constructor(
    private readonly threads: number,
    private readonly init: WorkerInit,
  ) {
    this.writer = new SentenceWriter(init.mode);
    this.ready = this.start();
    this.ready.catch(() => undefined);
  }

  /** the workers started so far */
  get workers(): number {
    return this.slots.length;
  }

  /** Starts a worker: its slot, and a promise of its start (rejected when it fails to load its models). */
  private start(): Promise<void> {
    const worker = spawnWorker(import.meta.url, 'analyze-worker', { workerData: this.init });
    const slot: Slot = { worker, jobs: [] };
    this.slots.push(slot);
    const started = new Promise<void>((resolve, reject) => {
      worker.on('message', (m: WorkerReply) => {
        if (m.type === 'ready') resolve();
        else if (m.type === 'failed') reject(toError(m.error));
        else {
          // a worker answers its pieces in the order it got them
          const job = slot.jobs.shift();
          if (!job) return;
          if (job.seq !== m.seq) {
            const e = new Error(`a worker thread answered piece ${m.seq} for piece ${job.seq}`);
            this.failure ??= e;
            job.reject(e);
            for (const j of slot.jobs.splice(0)) j.reject(e);
            return;
          }
          if (m.error) job.reject(toError(m.error));
          else job.resolve(m.blocks ?? []);
        }
      });
      worker.on('error', (err) => {
        const e = new Error(`a worker thread stopped: ${err?.message ?? String(err)}`);
        this.failure ??= e;
        reject(e);
        for (const j of slot.jobs.splice(0)) j.reject(e);
      });
      worker.on('exit', () => {
        const e = this.failure ?? new Error('a worker thread stopped');
        reject(e);
        for (const j of slot.jobs.splice(0)) j.reject(e);
      });
    });
    // (a later worker that fails to start fails the pieces sent to it, and so the run)
    started.catch((e: Error) => {
      this.failure ??= e;
      for (const j of slot.jobs.splice(0)) j.reject(e);
    });
    return started;
  }

  /** Adds text; writes (to `out`) the output of the pieces that are done, in order, waiting while too many are out. */
  async push(text: string, out: string[]): Promise<void> {
    // (a long text in slices: the cutter cuts over-long lines, so no piece sent grows past about two slices)
    for (let a = 0; a < text.length; a += MAX_SEGMENT) {
      this.send(this.cutter.push(text.slice(a, a + MAX_SEGMENT)));
      // keep every worker busy (N of them once there are pieces for N), and no more than DEPTH pieces each
      while (this.pending.length > this.threads * DEPTH) this.write(await this.pending.shift()!, out);
    }
  }

  /** The rest of the input: waits for every piece and writes its output. */
  async end(out: string[]): Promise<void> {
    this.send(this.cutter.end());
    while (this.pending.length) this.write(await this.pending.shift()!, out);
    out.push(this.writer.end());
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private send(text: string): void {
    if (text.length === 0) return;
    const seq = ++this.seq;
    // the worker with the fewest pieces; a new one when every worker has one and fewer than N run
    let slot = this.slots[0]!;
    for (const s of this.slots) if (s.jobs.length < slot.jobs.length) slot = s;
    if (slot.jobs.length > 0 && this.slots.length < this.threads) {
      void this.start();
      slot = this.slots[this.slots.length - 1]!;
    }
    const p = new Promise<string[]>((resolve, reject) => {
      slot.jobs.push({ seq, resolve, reject });
    });
    p.catch(() => undefined);
    this.pending.push(p);
    slot.worker.postMessage({ seq, text, base: this.base } satisfies WorkerJob);
    this.base += text.length;
  }

  private write(blocks: string[], out: string[]): void {
    for (const b of blocks) this.writer.push(withSentenceId(b, this.init.mode, String(this.nextId++)), out);
  }
}
