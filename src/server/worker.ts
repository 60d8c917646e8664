/**
 * A worker thread of the HTTP service: loads the models once, then answers jobs (one at a time) posted by the pool
 * in src/server/pool.ts. The main thread only moves bytes; all parsing, analysis and serialization happen here, so a
 * slow request can be stopped (the pool terminates the thread) without stopping the server.
 */
import { parentPort } from 'node:worker_threads';
import { runJob, warmUp, type Job } from './api.js';

const port = parentPort;
if (!port) throw new Error('src/server/worker.ts runs only as a worker thread');

try {
  warmUp();
} catch {
  // a missing model shows up as a coded error on the requests that need it, not as a dead worker
}
port.on('message', (m: { id: number; job: Job; deadline: number }) => {
  // a job whose deadline passed while it waited here was answered already by the pool: skip it
  port.postMessage({ type: 'reply', id: m.id, reply: Date.now() >= m.deadline ? undefined : runJob(m.job) });
});
port.postMessage({ type: 'ready' });
