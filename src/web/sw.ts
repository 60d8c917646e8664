/**
 * Service worker of the editor: keeps a copy of the page (HTML, scripts, styles, fonts) so it opens offline and when
 * the server is down. Network first, cache as the fallback, so a running server always serves the current page.
 * The data files are cached by the Web Worker itself (resources.ts), keyed by their sha256.
 */
declare const SHELL: string[];
declare const VERSION: string;

interface ExtendableEvent extends Event {
  waitUntil(p: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  request: Request;
  respondWith(r: Promise<Response> | Response): void;
}
interface SWScope {
  location: { href: string };
  registration: { scope: string };
  clients: { claim(): Promise<void> };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', l: (e: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', l: (e: FetchEvent) => void): void;
}
const sw = self as unknown as SWScope;
const CACHE = `dabir-shell-${VERSION}`;
const root = sw.registration.scope;
/** index.html and the folder itself are the same page */
const canon = (href: string): string => (href === `${root}index.html` ? root : href);
const urls = new Set(SHELL.map((u) => canon(new URL(u, root).href)));

sw.addEventListener('install', (e) => {
  e.waitUntil(
    caches
      .open(CACHE)
      .then((c) => c.addAll([...urls]))
      .then(() => sw.skipWaiting()),
  );
});

sw.addEventListener('activate', (e) => {
  e.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((n) => n.startsWith('dabir-shell-') && n !== CACHE).map((n) => caches.delete(n))))
      .then(() => sw.clients.claim()),
  );
});

sw.addEventListener('fetch', (e) => {
  const req = e.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  url.hash = '';
  const key = canon(url.href);
  if (!urls.has(key)) return;
  e.respondWith(
    fetch(req).then(
      (res) => {
        if (res.ok) {
          const copy = res.clone();
          void caches.open(CACHE).then((c) => c.put(key, copy));
        }
        return res;
      },
      async () => (await caches.match(key, { cacheName: CACHE })) ?? Response.error(),
    ),
  );
});
