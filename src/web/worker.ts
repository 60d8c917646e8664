/**
 * The editor's engine (host.ts) where it runs: in the Web Worker (a module worker, `new Worker(url, { type: 'module'
 * })`; the bundle has no import or export, so a browser that loads it as a classic worker runs it too), or, where no
 * worker can start (Worker missing, or refused by the page's policy), in the page itself: main.ts then loads this same
 * file as a module script, and it sets `globalThis.dabirInline(post)`, which starts the engine and gives the function
 * that takes the requests. The page then blocks while a job runs (no worker to run it beside the page).
 */
import { startHost } from './host.js';
import type { WorkerReply } from './protocol.js';

/** what the page calls to start the engine in the page (set only there) */
export type InlineStart = (post: (reply: WorkerReply) => void) => (msg: unknown) => void;

interface WorkerLike {
  location: { href: string };
  postMessage(message: WorkerReply): void;
  addEventListener(type: 'message', listener: (e: MessageEvent<unknown>) => void): void;
}

const g = globalThis as unknown as { document?: unknown; dabirInline?: InlineStart } & WorkerLike;
if (g.document === undefined) {
  // in a worker
  const take = startHost({ href: g.location.href, post: (m) => g.postMessage(m) });
  g.addEventListener('message', (e) => take(e.data));
} else {
  // in the page: the data is fetched relative to the page, whose folder is the worker's (dist/web/); not
  // import.meta.url, which a classic worker could not parse
  g.dabirInline = (post) => startHost({ href: g.location.href, post });
}
