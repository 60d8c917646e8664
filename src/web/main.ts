/**
 * The dabir web editor (served at /): type or paste Persian text, see every correction highlighted, accept or reject
 * each one, copy the result, and look at the analysis (sentences, tokens, lemmas, POS, dependency tree). All the work
 * is done by the dabir core in a module Web Worker (worker.ts, host.ts) on data fetched from the same origin; no server
 * API is used. A new text cancels the older one's requests that have not started, and ends a job of it that has run
 * long with its worker (protocol.ts: takeNext, shouldRestart); where no worker starts, the same engine runs in the page.
 */
import type { Change } from '../core/aligned.js';
import type { NormalizeOptions } from '../core/normalize/options.js';
import { applyDecisions, changeKeys, contextOf, faNum, kindLabel, reason, segmentChanges, segmentText, visible, wrapPoints, type Segment } from './changes.js';
import { shouldRestart, type AnalyzedReply, type NormalizedReply, type SentenceJSON, type SpellingReply, type WorkerReply, type WorkerRequest } from './protocol.js';
import type { InlineStart } from './worker.js';
import { hasTree, renderTree, type TreeWord } from './tree.js';

declare const WORKER_URL: string;
declare const SW_URL: string;

const $ = <T extends HTMLElement = HTMLElement>(id: string): T => {
  const e = document.getElementById(id);
  if (!e) throw new Error(`#${id} missing`);
  return e as T;
};

const input = $<HTMLTextAreaElement>('input');
const result = $('result');
const changesList = $<HTMLOListElement>('changes');
const counts = $('counts');
const live = $('live');
const engineStatus = $('engine');
const tip = $('tip');
const acceptAll = $<HTMLButtonElement>('accept-all');
const rejectAll = $<HTMLButtonElement>('reject-all');
const copyBtn = $<HTMLButtonElement>('copy');
const useResult = $<HTMLButtonElement>('use-result');
const copyStatus = $('copy-status');
const storeNote = $('store-note');
const sentenceSel = $<HTMLSelectElement>('sentence');
const tokensBody = $<HTMLTableSectionElement>('tokens-body');
const analysisSummary = $('analysis-summary');
const sentenceText = $('sentence-text');
const treeBox = $('tree');
const treeNote = $('tree-note');
const optionSelects = Array.from(document.querySelectorAll<HTMLSelectElement>('select[data-option]'));
const spellBtn = $<HTMLButtonElement>('spell-check');
const spellInformal = $<HTMLInputElement>('spell-informal');
/** the register of the result: as written, or colloquial words rewritten in the formal register */
const registerSel = $<HTMLSelectElement>('register');
const spellStatus = $('spelling-status');
const spellList = $<HTMLOListElement>('spelling');

const SAMPLE =
  'به گزارش خبرگزاري ، دانشآموزان میخواهند از نرم افزارهای تازهای برای پیشبینی 12 نتیجه استفاده کنند.اختیارش را به من داد.';
const STORE = 'dabir.editor.v1';

// ---- state ----
let original = '';
let changes: Change[] = [];
let accepted: boolean[] = [];
let keys: string[] = [];
let segs: Segment[] = [];
let segOfChange: number[] = [];
let sentences: SentenceJSON[] = [];
let components: string[] = [];
let current = 0; // the mark that is in the tab order
let marks: HTMLElement[] = [];
let rows: HTMLElement[] = [];

const fmt = (n: number): string => faNum(n);

function announce(msg: string): void {
  // re-set so the same message is announced again
  live.textContent = '';
  window.setTimeout(() => (live.textContent = msg), 30);
}

function options(): NormalizeOptions {
  const o: Record<string, string> = {};
  for (const s of optionSelects) if (s.value !== s.dataset['default']) o[s.dataset['option']!] = s.value;
  return o as NormalizeOptions;
}

function resultText(): string {
  return applyDecisions(original, changes, accepted);
}

// ---- worker ----
/** the engine's end the page talks to: the Web Worker, or the engine run in the page where no worker starts */
interface Engine {
  postMessage(m: WorkerRequest): void;
  terminate(): void;
  /** whether a job can be stopped by ending it (a worker; not the engine in the page) */
  restartable: boolean;
}
let worker: Engine | undefined;
let seq = 0;
let timer = 0;
/** the requests of the texts sent that wait for their answer: id → when it was sent (performance.now()) */
const waiting = new Map<number, number>();
/** how many answers the current text (seq) still waits for */
let pendingNow = 0;
/** whether a ready reply has come from the engine now running */
let engineReady = false;

function engineState(text: string, state: 'error' | 'warn' | 'ready' | 'loading'): void {
  engineStatus.textContent = text;
  engineStatus.dataset['state'] = state;
}

function startWorker(): void {
  engineReady = false;
  let w: Worker;
  try {
    if (typeof Worker === 'undefined') throw new Error('Web Workers are not available');
    w = new Worker(WORKER_URL, { type: 'module' });
  } catch {
    startInline();
    return;
  }
  const engine: Engine = { postMessage: (m) => w.postMessage(m), terminate: () => w.terminate(), restartable: true };
  worker = engine;
  w.addEventListener('message', (e: MessageEvent<WorkerReply>) => {
    if (worker === engine) onReply(e.data);
  });
  w.addEventListener('error', (e) => {
    if (worker !== engine) return;
    if (!engineReady) {
      // the worker did not start (its script refused, e.g. by the page's policy): run the engine in the page
      w.terminate();
      startInline(true);
      return;
    }
    engineState(`خطا در پردازشگر: ${e.message || 'ناشناخته'}`, 'error');
  });
}

/**
 * The fallback where no Web Worker starts: worker.js loaded as a module script runs the same engine in the page (the
 * page then waits while a job runs). The requests posted so far are posted again to it.
 */
function startInline(resend = false): void {
  const queued: WorkerRequest[] = [];
  let take: ((m: unknown) => void) | undefined;
  const engine: Engine = {
    postMessage: (m) => (take ? window.setTimeout(() => take!(m), 0) : queued.push(m)),
    terminate: () => undefined,
    restartable: false,
  };
  worker = engine;
  engineState('پردازشگر پس‌زمینه (Web Worker) در دسترس نیست: پردازش در خود صفحه انجام می‌شود و صفحه در این مدت پاسخ نمی‌دهد.', 'loading');
  const script = document.createElement('script');
  script.type = 'module';
  script.src = WORKER_URL;
  script.addEventListener('load', () => {
    const start = (globalThis as { dabirInline?: InlineStart }).dabirInline;
    if (!start) return script.dispatchEvent(new Event('error'));
    // answers in a task of their own, as from a worker
    take = start((r) => window.setTimeout(() => worker === engine && onReply(r), 0));
    for (const m of queued.splice(0)) engine.postMessage(m);
  });
  script.addEventListener('error', () => engineState('خطا: پردازشگر نه در Web Worker راه افتاد و نه در صفحه.', 'error'));
  document.head.append(script);
  if (resend) send();
}

function send(): void {
  window.clearTimeout(timer);
  if (!worker) return;
  const text = input.value;
  if (spellList.childElementCount) {
    // the issues were of another text
    spellList.textContent = '';
    spellStatus.textContent = 'متن تغییر کرد: دوباره بررسی کنید.';
  }
  // a job of an older text that has run long is ended with its worker (a new one loads the models from the cache);
  // others not started yet are dropped by the worker when it sees the cancel
  if (worker.restartable && shouldRestart([...waiting.values()], performance.now())) {
    worker.terminate();
    waiting.clear();
    answered.clear();
    if (spellBtn.disabled) {
      spellBtn.disabled = false;
      spellStatus.textContent = 'متن تغییر کرد: دوباره بررسی کنید.';
    }
    startWorker();
    if (!worker) return;
  } else if (seq > 0) worker.postMessage({ cancel: seq });
  const id = ++seq;
  const o = options();
  pendingNow = 2;
  result.setAttribute('aria-busy', 'true');
  const now = performance.now();
  waiting.set(id, now);
  const post = (m: WorkerRequest): void => worker!.postMessage(m);
  post({ id, normalize: text, options: o, ...(registerSel.value === 'formal' ? { formal: true } : {}) });
  post({ id, analyze: text, options: o });
  save(text, o);
}

/** whether the last save of the text failed for its size (#store-note says so until a save works again) */
let unsaved = false;
/**
 * Keeps the text and the options in localStorage for the next visit. A text over the browser's quota (about 5 MB) is
 * not kept: the stored copy of an older text is dropped (it would come back in place of this one) and a note under
 * the input says so; storage may also be disabled altogether.
 */
function save(text: string, o: NormalizeOptions): void {
  try {
    localStorage.setItem(STORE, JSON.stringify({ text, options: o, register: registerSel.value }));
    unsaved = false;
  } catch {
    let disabled = false;
    try {
      localStorage.setItem(STORE, JSON.stringify({ options: o, register: registerSel.value }));
    } catch {
      disabled = true; // storage disabled: nothing was kept before either, nothing to say
    }
    unsaved = !disabled;
  }
  storeNote.hidden = !unsaved;
}

function schedule(delay = 180): void {
  window.clearTimeout(timer);
  result.setAttribute('aria-busy', 'true');
  timer = window.setTimeout(send, delay);
}

function onReply(r: WorkerReply): void {
  if (r.type === 'spelling' || (r.type === 'error' && r.id !== undefined && r.id < 0)) {
    // answers to the spelling button (ids below zero) never touch the normalize / analyze round
    showSpelling(r);
    return;
  }
  if (r.type === 'ready') {
    engineReady = true;
    const missing = r.missing.length ? ` — بارگذاری نشد: ${r.missing.join('، ')}` : '';
    const inPage = worker?.restartable === false ? ' (در خود صفحه، بی Web Worker)' : '';
    engineState(`آماده${inPage}. اجزای تحلیل: ${r.components.join('، ')}${missing}`, r.missing.includes('halfspace') || inPage ? 'warn' : 'ready');
    return;
  }
  if (r.id !== undefined) settle(r.id);
  if (r.id !== undefined && r.id !== seq) return; // an answer to an older text (or its cancel)
  if (r.type === 'normalized') showChanges(r);
  else if (r.type === 'analyzed') showAnalysis(r);
  else if (r.type === 'error') {
    counts.textContent = `خطا: ${r.message}`;
    announce(`خطا: ${r.message}`);
  }
}

/** one answer of the text `id` came (each text gets two: normalized and analyzed, or cancelled, or an error) */
function settle(id: number): void {
  if (id === seq) {
    pendingNow = Math.max(0, pendingNow - 1);
    if (pendingNow === 0) {
      result.removeAttribute('aria-busy');
      waiting.delete(id);
    }
  } else if (answered.has(id)) {
    answered.delete(id);
    waiting.delete(id);
  } else answered.add(id);
}
/** older texts that have had one of their two answers */
const answered = new Set<number>();

// ---- spelling (on demand: the data is fetched on the first check) ----
let spellSeq = 0;

function checkSpellingNow(): void {
  if (!worker) return;
  const text = resultText();
  spellBtn.disabled = true;
  spellStatus.textContent = 'در حال بررسی املا…';
  worker.postMessage({ id: --spellSeq, spell: text, register: spellInformal.checked ? 'informal' : 'formal' });
}

function showSpelling(r: SpellingReply | { type: 'error'; id?: number; message: string }): void {
  if (r.id !== spellSeq) return; // an answer to an older check
  spellBtn.disabled = false;
  spellList.textContent = '';
  if (r.type === 'error') {
    spellStatus.textContent = `خطا: ${r.message}`;
    announce(spellStatus.textContent);
    return;
  }
  const kinds: Record<string, string> = { 'non-word': 'واژهٔ نادرست', 'real-word': 'واژهٔ نابه‌جا', style: 'شیوهٔ نگارش' };
  for (const i of r.issues) {
    const li = document.createElement('li');
    li.className = 'spell-issue';
    const word = document.createElement('span');
    word.className = 'spell-word';
    word.textContent = i.text;
    const kind = document.createElement('span');
    kind.className = 'spell-kind';
    kind.textContent = ` (${kinds[i.kind] ?? i.kind}) → `;
    const sugg = document.createElement('span');
    sugg.className = 'spell-suggestions';
    sugg.textContent = i.suggestions.map((x) => x.text).join('، ') || '—';
    li.append(word, kind, sugg);
    spellList.append(li);
  }
  spellStatus.textContent = r.issues.length ? `${fmt(r.issues.length)} مورد در متن اصلاح‌شده.` : 'غلط املایی پیدا نشد.';
  announce(spellStatus.textContent);
}

spellBtn.addEventListener('click', checkSpellingNow);

// ---- the corrected text ----
function showChanges(r: NormalizedReply): void {
  const prev = new Map<string, boolean>();
  keys.forEach((k, i) => prev.set(k, accepted[i]!));
  original = r.input;
  changes = r.changes;
  keys = changeKeys(changes);
  accepted = keys.map((k) => prev.get(k) ?? true);
  segs = segmentChanges(original, changes);
  segOfChange = new Array<number>(changes.length);
  segs.forEach((s, si) => s.changes.forEach((i) => (segOfChange[i] = si)));
  current = Math.min(current, Math.max(0, segs.length - 1));
  const hadFocus = result.contains(document.activeElement);
  hideTip();
  renderResult();
  if (hadFocus) focusMark(current);
  renderList();
  updateCounts(true);
}

function kindsOf(seg: Segment): string {
  const seen = new Set<string>();
  for (const i of seg.changes) seen.add(changes[i]!.kind);
  return [...seen].map((k) => kindLabel(k).fa).join('، ');
}

function segState(seg: Segment): 'true' | 'false' | 'mixed' {
  const a = seg.changes.filter((i) => accepted[i]).length;
  return a === seg.changes.length ? 'true' : a === 0 ? 'false' : 'mixed';
}

function markLabel(seg: Segment): string {
  const st = segState(seg);
  const state = st === 'true' ? 'پذیرفته' : st === 'false' ? 'ردشده' : 'بخشی پذیرفته';
  const before = original.slice(seg.start, seg.end);
  const after = segmentText(original, seg, changes, seg.changes.map(() => true));
  return `${kindsOf(seg)}: «${before}» ← «${after}»، ${state}`;
}

/** `text` to show, with a <wbr> where wrapPoints says (a word of thousands of letters), else the string itself */
function breakable(text: string): string | DocumentFragment {
  const at = wrapPoints(text);
  if (at.length === 0) return text;
  const f = document.createDocumentFragment();
  let from = 0;
  for (const p of at) {
    f.append(text.slice(from, p), document.createElement('wbr'));
    from = p;
  }
  f.append(text.slice(from));
  return f;
}

function updateMark(m: HTMLElement, si: number): void {
  const seg = segs[si]!;
  const st = segState(seg);
  m.replaceChildren(breakable(segmentText(original, seg, changes, accepted)));
  m.className = `chg k-${changes[seg.changes[0]!]!.kind} ${st === 'true' ? 'acc' : st === 'false' ? 'rej' : 'mix'}`;
  m.setAttribute('aria-pressed', st);
  m.setAttribute('aria-label', markLabel(seg));
  m.classList.toggle('empty', m.textContent === '');
}

function renderResult(): void {
  const frag = document.createDocumentFragment();
  let pos = 0;
  marks = [];
  segs.forEach((seg, si) => {
    if (seg.start > pos) frag.append(breakable(original.slice(pos, seg.start)));
    const m = document.createElement('mark');
    m.dataset['seg'] = String(si);
    m.setAttribute('role', 'button');
    m.tabIndex = si === current ? 0 : -1;
    updateMark(m, si);
    marks.push(m);
    frag.append(m);
    pos = seg.end;
  });
  if (pos < original.length) frag.append(breakable(original.slice(pos)));
  result.replaceChildren(frag);
}

function markOf(si: number): HTMLElement | null {
  return marks[si] ?? null;
}

/**
 * Rows of the change list and sentences of the selector drawn at most: a long text (a pasted book, chat logs) has tens
 * of thousands of changes, and a row for each froze the page for many seconds (a 3M-character paste crashed the tab).
 * Every change stays a mark in the result, where it can be decided.
 */
const MAX_ROWS = 1000;
const MAX_SENTENCES = 1000;

function renderList(): void {
  const frag = document.createDocumentFragment();
  rows = [];
  changes.forEach((c, i) => {
    if (i >= MAX_ROWS) return;
    const li = document.createElement('li');
    li.dataset['change'] = String(i);
    const seg = segs[segOfChange[i]!]!;
    const ctx = contextOf(original, seg, changes, i);
    const k = kindLabel(c.kind);
    const why = reason(c);
    const head = document.createElement('div');
    head.className = 'row-head';
    const badge = document.createElement('span');
    badge.className = `badge k-${c.kind}`;
    badge.append(`${k.fa} `, Object.assign(document.createElement('span'), { lang: 'en', dir: 'ltr', textContent: k.en, className: 'en' }));
    const num = Object.assign(document.createElement('span'), { className: 'num', textContent: `${fmt(i + 1)}.` });
    head.append(num, badge);
    const diff = document.createElement('p');
    diff.className = 'diff';
    diff.append(
      Object.assign(document.createElement('del'), { textContent: ctx.before }),
      Object.assign(document.createElement('span'), { className: 'arrow', textContent: ' ← ', ariaHidden: 'true' }),
      Object.assign(document.createElement('ins'), { textContent: ctx.after }),
    );
    const raw = document.createElement('div');
    raw.className = 'raw';
    const rawFa = document.createElement('p');
    rawFa.append(
      Object.assign(document.createElement('code'), { textContent: visible(c.before), dir: 'auto' }),
      ' ← ',
      Object.assign(document.createElement('code'), { textContent: visible(c.after), dir: 'auto' }),
      ` · ${why.fa}`,
    );
    raw.append(rawFa, Object.assign(document.createElement('p'), { lang: 'en', dir: 'ltr', className: 'en-line', textContent: why.en }));
    const actions = document.createElement('div');
    actions.className = 'actions';
    const desc = `تغییر ${fmt(i + 1)}، ${k.fa}: «${ctx.before}» ← «${ctx.after}»`;
    const acc = Object.assign(document.createElement('button'), { type: 'button', className: 'acc-btn', textContent: 'پذیرفتن' });
    acc.setAttribute('aria-label', `پذیرفتن ${desc}`);
    acc.dataset['act'] = 'accept';
    const rej = Object.assign(document.createElement('button'), { type: 'button', className: 'rej-btn', textContent: 'رد' });
    rej.setAttribute('aria-label', `رد ${desc}`);
    rej.dataset['act'] = 'reject';
    actions.append(acc, rej);
    li.append(head, diff, raw, actions);
    updateRow(li, i);
    rows.push(li);
    frag.append(li);
  });
  if (changes.length > MAX_ROWS) {
    frag.append(Object.assign(document.createElement('li'), { className: 'more', textContent: `و ${fmt(changes.length - MAX_ROWS)} تغییر دیگر: در متن نتیجه، با کلیک روی هر کدام پذیرفتنی یا ردکردنی است.` }));
  }
  changesList.replaceChildren(frag);
  $('changes-empty').hidden = changes.length > 0 || original === '';
}

function updateRow(li: HTMLElement, i: number): void {
  li.classList.toggle('is-rej', !accepted[i]);
  li.classList.toggle('is-acc', !!accepted[i]);
  const acc = li.querySelector('button.acc-btn');
  const rej = li.querySelector('button.rej-btn');
  acc!.setAttribute('aria-pressed', String(!!accepted[i]));
  rej!.setAttribute('aria-pressed', String(!accepted[i]));
}

function updateCounts(newText: boolean): void {
  const n = changes.length;
  const a = accepted.filter(Boolean).length;
  let msg: string;
  if (original.trim() === '') msg = '';
  else if (n === 0) msg = 'بدون تغییر: متن نیازی به اصلاح ندارد.';
  else msg = `${fmt(n)} تغییر: ${fmt(a)} پذیرفته، ${fmt(n - a)} رد`;
  counts.textContent = msg;
  acceptAll.disabled = rejectAll.disabled = n === 0;
  copyBtn.disabled = useResult.disabled = original === '';
  if (newText && msg) announce(msg);
}

/** Sets decisions and updates only the marks and rows involved. */
function decide(indices: number[], value: boolean, say?: string): void {
  const touched = new Set<number>();
  for (const i of indices) {
    accepted[i] = value;
    touched.add(segOfChange[i]!);
    const li = rows[i];
    if (li) updateRow(li, i);
  }
  for (const si of touched) {
    const m = markOf(si);
    if (m) updateMark(m, si);
  }
  if (tipFor !== undefined && touched.has(tipFor)) showTip(markOf(tipFor)!, tipFor);
  updateCounts(false);
  const n = changes.length;
  const a = accepted.filter(Boolean).length;
  announce(`${say ? `${say} ` : ''}${fmt(a)} از ${fmt(n)} تغییر پذیرفته است.`);
}

function toggleSegment(si: number): void {
  const seg = segs[si]!;
  const st = segState(seg);
  const value = st !== 'true';
  decide(seg.changes, value, value ? 'پذیرفته شد.' : 'رد شد.');
}

// ---- tooltip ----
let tipFor: number | undefined;

function showTip(m: HTMLElement, si: number): void {
  const seg = segs[si];
  if (!seg) return;
  tipFor = si;
  const frag = document.createDocumentFragment();
  for (const i of seg.changes.slice(0, 5)) {
    const c = changes[i]!;
    const k = kindLabel(c.kind);
    const ctx = contextOf(original, seg, changes, i);
    const why = reason(c);
    const box = document.createElement('div');
    box.className = 'tip-item';
    const title = document.createElement('p');
    title.className = 'tip-kind';
    title.append(
      Object.assign(document.createElement('span'), { className: `badge k-${c.kind}`, textContent: k.fa }),
      ' ',
      Object.assign(document.createElement('span'), { lang: 'en', dir: 'ltr', className: 'en', textContent: k.en }),
      ` — ${accepted[i] ? 'پذیرفته' : 'ردشده'}`,
    );
    const diff = document.createElement('p');
    diff.className = 'diff';
    diff.append(
      Object.assign(document.createElement('del'), { textContent: ctx.before }),
      ' ← ',
      Object.assign(document.createElement('ins'), { textContent: ctx.after }),
    );
    const raw = document.createElement('p');
    raw.className = 'raw';
    raw.append(
      Object.assign(document.createElement('code'), { textContent: visible(c.before), dir: 'auto' }),
      ' ← ',
      Object.assign(document.createElement('code'), { textContent: visible(c.after), dir: 'auto' }),
    );
    const w = document.createElement('p');
    w.className = 'why';
    w.append(why.fa);
    const wEn = Object.assign(document.createElement('p'), { lang: 'en', dir: 'ltr', className: 'en-line', textContent: why.en });
    box.append(title, diff, raw, w, wEn);
    frag.append(box);
  }
  if (seg.changes.length > 5) frag.append(Object.assign(document.createElement('p'), { textContent: `و ${fmt(seg.changes.length - 5)} تغییر دیگر…` }));
  frag.append(Object.assign(document.createElement('p'), { className: 'tip-help', textContent: 'کلیک، Enter یا فاصله: پذیرفتن/رد' }));
  tip.replaceChildren(frag);
  tip.hidden = false;
  placeTip(m);
  m.setAttribute('aria-describedby', 'tip');
}

/** Puts the tooltip under the mark (or above it near the bottom), inside the viewport, right-aligned (RTL). */
function placeTip(m: HTMLElement): void {
  const r = m.getBoundingClientRect();
  const vw = document.documentElement.clientWidth;
  const vh = document.documentElement.clientHeight;
  const tw = Math.min(tip.offsetWidth, vw - 16);
  const th = tip.offsetHeight;
  const left = Math.max(8, Math.min(r.right - tw, vw - tw - 8));
  let top = r.bottom + 8;
  if (top + th > vh - 8 && r.top - th - 8 > 8) top = r.top - th - 8;
  tip.style.left = `${Math.round(left)}px`;
  tip.style.top = `${Math.round(top)}px`;
}

function hideTip(): void {
  if (tipFor !== undefined) markOf(tipFor)?.removeAttribute('aria-describedby');
  tipFor = undefined;
  tip.hidden = true;
}

// ---- result events (roving tabindex: one mark in the tab order, arrows move between marks) ----
function focusMark(si: number): void {
  if (!segs.length) return;
  si = Math.max(0, Math.min(segs.length - 1, si));
  const old = markOf(current);
  if (old) old.tabIndex = -1;
  current = si;
  const m = markOf(si);
  if (m) {
    m.tabIndex = 0;
    m.focus();
  }
}

const segIndex = (t: EventTarget | null): number | undefined => {
  const m = (t as HTMLElement | null)?.closest?.('mark.chg') as HTMLElement | null;
  return m ? Number(m.dataset['seg']) : undefined;
};

result.addEventListener('click', (e) => {
  const si = segIndex(e.target);
  if (si === undefined) return;
  focusMark(si);
  toggleSegment(si);
});
result.addEventListener('keydown', (e) => {
  const si = segIndex(e.target);
  if (si === undefined) return;
  const next = { ArrowLeft: si + 1, ArrowRight: si - 1, ArrowDown: si + 1, ArrowUp: si - 1, Home: 0, End: segs.length - 1 }[e.key];
  if (next !== undefined) {
    e.preventDefault();
    focusMark(next);
  } else if (e.key === 'Enter' || e.key === ' ') {
    e.preventDefault();
    toggleSegment(si);
  } else if (e.key === 'Escape') hideTip();
});
result.addEventListener('focusin', (e) => {
  const si = segIndex(e.target);
  if (si === undefined) return;
  if (si !== current) {
    const old = markOf(current);
    if (old) old.tabIndex = -1;
    current = si;
    (e.target as HTMLElement).tabIndex = 0;
  }
  showTip(e.target as HTMLElement, si);
  highlightRow(si, true);
});
result.addEventListener('focusout', (e) => {
  const si = segIndex(e.target);
  hideTip();
  if (si !== undefined) highlightRow(si, false);
});
result.addEventListener('mouseover', (e) => {
  const si = segIndex(e.target);
  if (si !== undefined && si !== tipFor) showTip((e.target as HTMLElement).closest('mark')!, si);
});
result.addEventListener('mouseleave', () => {
  if (!result.contains(document.activeElement)) hideTip();
});
// the page or the result box scrolled: keep the tooltip with its mark
window.addEventListener(
  'scroll',
  () => {
    const m = tipFor === undefined ? null : markOf(tipFor);
    if (m) placeTip(m);
  },
  { passive: true, capture: true },
);
document.addEventListener('keydown', (e) => {
  if (e.key === 'Escape') hideTip();
});

function highlightRow(si: number, on: boolean): void {
  for (const i of segs[si]?.changes ?? []) rows[i]?.classList.toggle('hl', on);
}

changesList.addEventListener('click', (e) => {
  const b = (e.target as HTMLElement).closest('button');
  const li = (e.target as HTMLElement).closest('li');
  if (!b || !li) return;
  const i = Number(li.dataset['change']);
  const value = b.dataset['act'] === 'accept';
  decide([i], value, `تغییر ${fmt(i + 1)} ${value ? 'پذیرفته شد.' : 'رد شد.'}`);
});
let hlMark: HTMLElement | null = null;
function highlightMark(m: HTMLElement | null): void {
  hlMark?.classList.remove('hl');
  hlMark = m;
  m?.classList.add('hl');
}
const rowMark = (t: EventTarget | null): HTMLElement | null => {
  const li = (t as HTMLElement).closest('li');
  return li ? markOf(segOfChange[Number(li.dataset['change'])]!) : null;
};
changesList.addEventListener('mouseover', (e) => highlightMark(rowMark(e.target)));
changesList.addEventListener('mouseleave', () => highlightMark(null));
changesList.addEventListener('focusin', (e) => highlightMark(rowMark(e.target)));
changesList.addEventListener('focusout', () => highlightMark(null));

acceptAll.addEventListener('click', () => decide(changes.map((_, i) => i), true, 'همهٔ تغییرها پذیرفته شد.'));
rejectAll.addEventListener('click', () => decide(changes.map((_, i) => i), false, 'همهٔ تغییرها رد شد.'));

// ---- copy ----
async function copyText(text: string): Promise<'clipboard' | 'fallback' | 'manual'> {
  if (navigator.clipboard && window.isSecureContext) {
    try {
      await navigator.clipboard.writeText(text);
      return 'clipboard';
    } catch {
      // permission denied: fall back
    }
  }
  const ta = document.createElement('textarea');
  ta.value = text;
  ta.setAttribute('readonly', '');
  ta.setAttribute('aria-hidden', 'true');
  ta.className = 'copy-buffer';
  document.body.append(ta);
  const prev = document.activeElement as HTMLElement | null;
  ta.select();
  let ok = false;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  ta.remove();
  prev?.focus();
  if (ok) return 'fallback';
  // last resort: select the result so the person can press Ctrl+C
  const range = document.createRange();
  range.selectNodeContents(result);
  const sel = window.getSelection();
  sel?.removeAllRanges();
  sel?.addRange(range);
  return 'manual';
}

copyBtn.addEventListener('click', async () => {
  const how = await copyText(resultText());
  const msg =
    how === 'manual'
      ? 'کپی خودکار ممکن نشد؛ متن انتخاب شد، Ctrl+C را بزنید.'
      : `نتیجه کپی شد${how === 'fallback' ? ' (روش جایگزین)' : ''}.`;
  copyStatus.textContent = msg;
  copyStatus.dataset['how'] = how;
  announce(msg);
});

useResult.addEventListener('click', () => {
  input.value = resultText();
  input.focus();
  announce('نتیجه به جای متن ورودی نشست.');
  send();
});

// ---- analysis ----
function showAnalysis(r: AnalyzedReply): void {
  sentences = r.sentences;
  components = r.components;
  const nTok = sentences.reduce((a, s) => a + s.tokens.length, 0);
  const nWord = sentences.reduce((a, s) => a + s.tokens.reduce((b, t) => b + t.words.length, 0), 0);
  analysisSummary.textContent = sentences.length
    ? `${fmt(sentences.length)} جمله، ${fmt(nTok)} نشانه، ${fmt(nWord)} واژه · اجزا: ${components.join('، ')}`
    : 'متنی برای تحلیل نیست.';
  if (r.warning) analysisSummary.textContent += ` — خطای تحلیل، بخشی از اجزا کنار گذاشته شد: ${r.warning}`;
  const keep = Math.min(Number(sentenceSel.value) || 0, Math.max(0, Math.min(sentences.length, MAX_SENTENCES) - 1));
  const frag = document.createDocumentFragment();
  sentences.forEach((s, i) => {
    if (i >= MAX_SENTENCES) return;
    const short = s.text.length > 48 ? `${s.text.slice(0, 46)}…` : s.text;
    frag.append(Object.assign(document.createElement('option'), { value: String(i), textContent: `${fmt(i + 1)}. ${short}` }));
  });
  if (sentences.length > MAX_SENTENCES) {
    frag.append(Object.assign(document.createElement('option'), { disabled: true, value: '', textContent: `… و ${fmt(sentences.length - MAX_SENTENCES)} جملهٔ دیگر` }));
  }
  sentenceSel.replaceChildren(frag);
  sentenceSel.disabled = sentences.length === 0;
  sentenceSel.value = String(keep);
  $('analysis-body').hidden = sentences.length === 0;
  renderSentence(keep);
}

const DASH = '—';
/** the named-entity types, in Persian (the badge's tooltip) */
const ENTITY_NAMES: Record<string, string> = { PER: 'نام شخص', LOC: 'نام مکان', ORG: 'نام سازمان', NAT: 'ملیت', EVE: 'رویداد', POG: 'گروه' };

function cell(text: string | number | undefined, cls?: string, ltr = false): HTMLTableCellElement {
  const td = document.createElement('td');
  if (text === undefined || text === '') {
    td.textContent = DASH;
    td.className = 'missing';
  } else {
    td.replaceChildren(typeof text === 'number' ? fmt(text) : breakable(text));
    if (cls) td.className = cls;
    if (ltr) td.dir = 'ltr';
  }
  return td;
}

function renderSentence(i: number): void {
  const s = sentences[i];
  tokensBody.replaceChildren();
  treeBox.replaceChildren();
  if (!s) return;
  sentenceText.replaceChildren(breakable(s.text));
  const frag = document.createDocumentFragment();
  for (const t of s.tokens) {
    t.words.forEach((w, k) => {
      const tr = document.createElement('tr');
      if (k === 0) {
        const th = document.createElement('th');
        th.scope = 'row';
        th.rowSpan = t.words.length;
        th.replaceChildren(breakable(t.text));
        if (t.form !== t.text) {
          const fixed = Object.assign(document.createElement('span'), { className: 'fixed' });
          fixed.append(' ← ', breakable(t.form));
          th.append(fixed);
          th.title = `اصلاح‌شده: ${t.form}`;
        }
        if (t.words.length > 1) th.classList.add('mwt');
        if (t.ner) {
          // the entity type, on the first token of the entity only
          const type = t.ner.slice(2);
          const badge = Object.assign(document.createElement('span'), { className: 'ent', textContent: t.ner.startsWith('B-') ? type : '…' });
          badge.dir = 'ltr';
          badge.title = ENTITY_NAMES[type] ?? type;
          th.append(' ', badge);
        }
        tr.append(th);
      }
      const feats = cell(w.feats, 'feats', true);
      if (w.feats) {
        feats.replaceChildren();
        w.feats.split('|').forEach((f, j) => {
          if (j) feats.append('|', document.createElement('wbr'));
          feats.append(f);
        });
      }
      tr.append(cell(w.id, 'num'), cell(w.form), cell(w.lemma), cell(w.upos, 'pos', true), feats, cell(w.head, 'num'), cell(w.deprel, 'pos', true));
      frag.append(tr);
    });
  }
  tokensBody.append(frag);
  const words: TreeWord[] = s.tokens.flatMap((t) => t.words);
  if (hasTree(words)) {
    treeNote.textContent = 'پیکان از هسته به وابسته است؛ برچسب روی پیکان نقش وابستگی است.';
    const svg = renderTree(words, `درخت وابستگی جملهٔ ${fmt(i + 1)}: ${s.text}`, 'Vazirmatn, sans-serif');
    treeBox.append(svg);
    treeBox.hidden = false;
  } else {
    treeNote.textContent = components.includes('parser')
      ? 'تجزیه‌گر برای این جمله درختی نداد.'
      : 'درخت وابستگی در دسترس نیست: تجزیه‌گر (parser) هنوز همراه این صفحه نیست.';
    treeBox.hidden = true;
  }
}

sentenceSel.addEventListener('change', () => renderSentence(Number(sentenceSel.value)));

// ---- input ----
input.addEventListener('input', () => schedule());
for (const s of optionSelects) s.addEventListener('change', () => schedule(0));
registerSel.addEventListener('change', () => schedule(0));
$('sample').addEventListener('click', () => {
  input.value = SAMPLE;
  input.focus();
  send();
});
$('clear').addEventListener('click', () => {
  input.value = '';
  input.focus();
  send();
});

function restore(): void {
  try {
    const saved = JSON.parse(localStorage.getItem(STORE) ?? 'null') as { text?: string; options?: Record<string, string>; register?: string } | null;
    if (!saved) return;
    if (typeof saved.text === 'string' && input.value === '') input.value = saved.text;
    if (saved.register === 'formal') registerSel.value = 'formal';
    for (const s of optionSelects) {
      const v = saved.options?.[s.dataset['option']!];
      if (v && Array.from(s.options).some((o) => o.value === v)) s.value = v;
    }
  } catch {
    // ignore a broken or blocked store
  }
}

// re-draw the tree once the font is there (widths are measured with it)
document.fonts?.ready.then(() => {
  if (sentences.length) renderSentence(Number(sentenceSel.value) || 0);
});

restore();
startWorker();
updateCounts(false);
send();

if ('serviceWorker' in navigator && location.protocol !== 'file:') {
  navigator.serviceWorker.register(SW_URL).catch(() => {
    // no offline copy; the page works anyway
  });
}
