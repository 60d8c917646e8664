/**
 * A fixed pool of worker threads that run jobs (src/server/api.ts) under a deadline.
 *
 * Why threads: the library is synchronous, and JavaScript cannot interrupt a running function. A request whose work
 * overruns its time budget is stopped by terminating its thread (and starting a fresh one); the main thread stays
 * free to accept connections, answer /healthz and shut down gracefully whatever a request contains.
 *
 * Jobs wait in one FIFO queue (bounded: `maxQueue`, then E_BUSY) and go to the least busy ready worker. Each worker
 * holds up to DEPTH jobs (one running, the next already in its message queue), so it never sits idle while a reply
 * travels back and the next job travels out. The time a job waits counts against its deadline: a job that expires
 * while running stops its worker (the jobs queued behind it go back to the pool); one that expires while queued in a
 * worker is skipped by it.
 */
import type { ResourceLimits, Worker } from 'node:worker_threads';
import { JSON_TYPE, type Job, type Reply } from './api.js';
import { HttpError } from './errors.js';
import { spawnWorker } from './spawn.js';

export interface PoolOptions {
  /** number of worker threads (≥ 1) */
  size: number;
  /** jobs that may wait for a worker; more get E_BUSY */
  maxQueue: number;
  /** V8 heap limits of each worker */
  resourceLimits?: ResourceLimits | undefined;
}

interface Pending {
  id: number;
  job: Job;
  deadline: number;
  resolve: (r: Reply) => void;
  timer: NodeJS.Timeout | undefined;
  slot: Slot | undefined;
  /** answered already (timed out while queued in a worker): the worker's reply is dropped */
  done: boolean;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  /** the jobs posted to the worker, in order; the first is the one running */
  jobs: Pending[];
  startedAt: number;
  /** the message of the error that stopped the worker, if any */
  error: string | undefined;
}

const errorReply = (e: HttpError): Reply => ({
  status: e.status,
  type: JSON_TYPE,
  body: JSON.stringify(e.body()),
  ...(Object.keys(e.headers).length ? { headers: e.headers } : {}),
});

/** jobs a worker holds at once */
const DEPTH = 2;

export const timeoutError = (): HttpError =>
  new HttpError(503, 'E_TIMEOUT', 'the request did not finish within the time budget', { hint: 'send less text per request, or start the server with a larger --timeout', headers: { 'Retry-After': '1' } });

/** E_BUSY: more than `maxQueue` requests wait for a worker; the hint says what a client (and an operator) can do */
const busyError = (maxQueue: number): HttpError =>
  new HttpError(503, 'E_BUSY', `too many requests are waiting (at most ${maxQueue} may wait for a worker thread)`, {
    hint: 'retry after the Retry-After seconds; send fewer requests at once, or many texts as one NDJSON batch (Content-Type: application/x-ndjson); a server started with more --workers lets more wait',
    headers: { 'Retry-After': '1' },
  });

/** How a worker thread is started: the compiled worker.js, or worker.ts through tsx when running from the sources. */
function startWorker(resourceLimits: ResourceLimits | undefined): Worker {
  return spawnWorker(import.meta.url, 'worker', resourceLimits ? { resourceLimits } : {});
}

export class WorkerPool {
  readonly size: number;
  private readonly maxQueue: number;
  private readonly resourceLimits: ResourceLimits | undefined;
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private seq = 0;
  private closed = false;
  private readyCount = 0;
  private onReady!: () => void;
  private onFail!: (e: Error) => void;
  private starting = true;
  /** resolves when every worker has loaded the models; rejects if one cannot start */
  readonly ready: Promise<void>;

  constructor(opts: PoolOptions) {
    this.size = Math.max(1, Math.floor(opts.size));
    this.maxQueue = opts.maxQueue;
    this.resourceLimits = opts.resourceLimits;
    this.ready = new Promise<void>((resolve, reject) => {
      this.onReady = resolve;
      this.onFail = reject;
    });
    this.ready.catch(() => undefined);
    for (let i = 0; i < this.size; i++) this.slots.push(this.start(i));
  }

  /** jobs waiting in the pool, and jobs held by workers */
  get load(): { queued: number; inWorkers: number } {
    return { queued: this.queue.length, inWorkers: this.slots.reduce((n, s) => n + s.jobs.filter((p) => !p.done).length, 0) };
  }

  /** Runs a job; the reply is an error reply (never a rejection) on timeout, overload or a crashed worker. */
  run(job: Job, deadline: number): Promise<Reply> {
    if (this.closed) return Promise.resolve(errorReply(shuttingDown()));
    const ms = deadline - Date.now();
    if (ms <= 0) return Promise.resolve(errorReply(timeoutError()));
    if (this.queue.length >= this.maxQueue) {
      return Promise.resolve(errorReply(busyError(this.maxQueue)));
    }
    return new Promise<Reply>((resolve) => {
      const p: Pending = { id: ++this.seq, job, deadline, resolve, timer: undefined, slot: undefined, done: false };
      p.timer = setTimeout(() => this.expire(p), ms);
      this.queue.push(p);
      this.dispatch();
    });
  }

  /** Stops all workers; waiting jobs get E_SHUTTING_DOWN. */
  async destroy(): Promise<void> {
    this.closed = true;
    for (const p of this.queue.splice(0)) this.finish(p, errorReply(shuttingDown()));
    await Promise.all(
      this.slots.map(async (s) => {
        for (const p of s.jobs.splice(0)) this.finish(p, errorReply(shuttingDown()));
        await s.worker.terminate();
      }),
    );
  }

  private finish(p: Pending, r: Reply): void {
    if (p.done) return;
    p.done = true;
    clearTimeout(p.timer);
    p.resolve(r);
  }

  private start(index: number): Slot {
    const slot: Slot = { worker: startWorker(this.resourceLimits), ready: false, jobs: [], startedAt: Date.now(), error: undefined };
    const w = slot.worker;
    w.on('message', (m: { type: string; id?: number; reply?: Reply }) => {
      if (this.slots[index] !== slot) return;
      if (m.type === 'ready') {
        slot.ready = true;
        if (this.starting && ++this.readyCount === this.size) {
          this.starting = false;
          this.onReady();
        }
        this.dispatch();
        return;
      }
      // replies come in the order the jobs were posted
      const i = slot.jobs.findIndex((p) => p.id === m.id);
      if (i < 0) return;
      const [p] = slot.jobs.splice(i, 1);
      if (m.reply) this.finish(p!, m.reply);
      this.dispatch();
    });
    w.on('error', (err) => {
      slot.error = err?.message ?? String(err);
    });
    w.on('exit', () => {
      if (this.closed || this.slots[index] !== slot) return;
      // an unexpected stop: out of memory, a crash in the worker. The job it was running gets the error; the jobs
      // queued behind it go back to the pool.
      const [p, ...rest] = slot.jobs.splice(0);
      if (p) {
        const oom = /memory/i.test(slot.error ?? '');
        this.finish(p, errorReply(oom ? new HttpError(503, 'E_BUSY', 'the request needed more memory than a worker may use', { hint: 'send less text per request' }) : new HttpError(500, 'E_INTERNAL', 'internal error', { hint: 'a worker thread stopped; retry, and report it if it happens again' })));
      }
      this.requeue(rest);
      if (!slot.ready) {
        if (this.starting) {
          this.starting = false;
          this.onFail(new Error(`a worker thread could not start: ${slot.error ?? 'it stopped'}`));
          return;
        }
        // it died while starting: do not spin
        setTimeout(() => this.replace(index, slot), 1000).unref();
        return;
      }
      if (slot.error) process.stderr.write(`dabir serve: a worker thread stopped (${slot.error}); starting a new one\n`);
      this.replace(index, slot);
    });
    return slot;
  }

  private replace(index: number, old: Slot): void {
    if (this.closed || this.slots[index] !== old) return;
    this.slots[index] = this.start(index);
    this.dispatch();
  }

  /** Puts jobs taken from a stopped worker back at the front of the queue, in their order. */
  private requeue(jobs: Pending[]): void {
    const live = jobs.filter((p) => !p.done);
    for (const p of live) p.slot = undefined;
    this.queue.unshift(...live);
    this.dispatch();
  }

  private expire(p: Pending): void {
    const s = p.slot;
    if (s) {
      const i = s.jobs.indexOf(p);
      if (i === 0) {
        // running: the only way to stop synchronous work is to stop its thread
        const index = this.slots.indexOf(s);
        const rest = s.jobs.splice(0).slice(1);
        if (index >= 0) {
          this.slots[index] = this.start(index);
          void s.worker.terminate();
        }
        this.finish(p, errorReply(timeoutError()));
        this.requeue(rest);
        return;
      }
      // queued in the worker: answered now; the worker skips it (its deadline has passed) and its reply is dropped
    } else {
      const i = this.queue.indexOf(p);
      if (i >= 0) this.queue.splice(i, 1);
    }
    this.finish(p, errorReply(timeoutError()));
  }

  private dispatch(): void {
    // the least busy workers first
    for (let depth = 0; depth < DEPTH && this.queue.length > 0; depth++) {
      for (const s of this.slots) {
        if (!s.ready || s.jobs.length !== depth) continue;
        const p = this.queue.shift();
        if (!p) return;
        s.jobs.push(p);
        p.slot = s;
        s.worker.postMessage({ id: p.id, job: p.job, deadline: p.deadline });
      }
    }
  }
}

const shuttingDown = (): HttpError => new HttpError(503, 'E_SHUTTING_DOWN', 'the server is shutting down', { hint: 'retry on another instance, or once the server is back' });
