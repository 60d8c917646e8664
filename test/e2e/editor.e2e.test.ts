/**
 * End-to-end tests of the web editor (dist/web) in a real headless Chromium (Debian's /usr/bin/chromium, driven by
 * playwright-core). The page is built into .tmp/e2e-web and served by a tiny static server on 127.0.0.1:0.
 * Screenshots go to .tmp/e2e-screenshots/. Skipped, with one printed line, when /usr/bin/chromium is missing.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSpelling, formalize, normalize, normalizeAligned } from '../../src/node/index.js';
import { applyDecisions, segmentChanges } from '../../src/web/changes.js';
import { serveStatic, type StaticServer } from './static-server.js';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const CHROMIUM = '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
const OUT = join(ROOT, '.tmp/e2e-web');
const SHOTS = join(ROOT, '.tmp/e2e-screenshots');

if (!HAVE_CHROMIUM) console.log(`editor e2e: SKIPPED (${CHROMIUM} not found; apt-get install -y chromium)`);

// defects: Arabic ي, a spaced and run-together half-spaces, a space before the comma, Latin digits, a missing space
/** expect.poll with a timeout for a loaded 2-core machine */
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 30_000, interval: 50 });

const TEXT = 'سياست های جدید را دانشآموزان میخواهند ، اما 12 کتاب بیشتر نمیخواهیم.اختیارش را به من داد.';
const aligned = normalizeAligned(TEXT);
const CHANGES = aligned.changes();
const CORRECTED = aligned.text;
const SEGMENTS = segmentChanges(TEXT, CHANGES);

/** A stand-in worker whose analysis has lemmas, POS and a tree, to test drawing before the parser ships. */
const FAKE_WORKER = `
const W = (id, form, lemma, upos, feats, head, deprel) => ({ id, form, lemma, upos, feats, head, deprel });
const S = { id: '1', start: 0, end: 21, text: 'اختیارش را به من داد.', tokens: [
  { start: 0, end: 7, text: 'اختیارش', form: 'اختیارش', words: [W(1, 'اختیار', 'اختیار', 'NOUN', 'Number=Sing', 6, 'obj'), W(2, 'ش', 'او', 'PRON', 'Number=Sing|Person=3|PronType=Prs', 1, 'nmod:poss')] },
  { start: 8, end: 10, text: 'را', form: 'را', words: [W(3, 'را', 'را', 'ADP', undefined, 1, 'case')] },
  { start: 11, end: 13, text: 'به', form: 'به', words: [W(4, 'به', 'به', 'ADP', undefined, 5, 'case')] },
  { start: 14, end: 16, text: 'من', form: 'من', words: [W(5, 'من', 'من', 'PRON', 'Number=Sing|Person=1|PronType=Prs', 6, 'obl:arg')] },
  { start: 17, end: 20, text: 'داد', form: 'داد', spaceAfter: false, words: [W(6, 'داد', 'داد#ده', 'VERB', 'Mood=Ind|Number=Sing|Person=3|Tense=Past|VerbForm=Fin', 0, 'root')] },
  { start: 20, end: 21, text: '.', form: '.', words: [W(7, '.', '.', 'PUNCT', undefined, 6, 'punct')] } ] };
const C = ['normalizer', 'tokenizer', 'tagger', 'lemmatizer', 'parser'];
self.postMessage({ type: 'ready', components: C, resources: [], missing: [], ms: 0 });
self.onmessage = (e) => {
  const m = e.data;
  if ('normalize' in m) self.postMessage({ type: 'normalized', id: m.id, input: m.normalize, text: m.normalize, changes: [], ms: 0 });
  else self.postMessage({ type: 'analyzed', id: m.id, input: m.analyze, components: C, sentences: m.analyze ? [S] : [], ms: 0 });
};
`;

describe.skipIf(!HAVE_CHROMIUM)('web editor in Chromium', () => {
  let server: StaticServer;
  let context: BrowserContext;
  let page: Page;
  let profile: string;

  const resultText = (): Promise<string> => page.locator('#result').evaluate((e) => e.textContent ?? '');
  /** waits until the page has the worker's answer for the current input */
  const settled = (p: Page = page): Promise<void> => p.locator('#result:not([aria-busy])').waitFor({ state: 'attached' });
  const shot = async (name: string, p: Page = page): Promise<void> => {
    await p.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  };
  /** a page of the built editor whose worker.js is `worker` (a stand-in), ready; `body` runs on it, then both close */
  const withStandIn = async (worker: string, body: (p: Page) => Promise<void>): Promise<void> => {
    const fake = await serveStatic(OUT, { '/worker.js': worker });
    const p = await context.newPage();
    try {
      await p.goto(fake.url);
      await p.locator('#engine[data-state="ready"]').waitFor();
      await body(p);
    } finally {
      await p.close();
      await fake.close();
    }
  };
  const noHorizontalScroll = (p: Page): Promise<{ scroll: number; client: number }> =>
    p.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));

  beforeAll(async () => {
    execFileSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'scripts/build-web.ts'), '--out', OUT, '--quiet'], {
      cwd: ROOT,
      stdio: 'inherit',
    });
    mkdirSync(SHOTS, { recursive: true });
    server = await serveStatic(OUT);
    profile = mkdtempSync(join(tmpdir(), 'dabir-e2e-profile-'));
    const { chromium } = await import('playwright-core');
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: { width: 1280, height: 900 },
      locale: 'fa-IR',
    });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url.replace(/\/$/, '') });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
    await page.goto(server.url);
    await page.locator('#engine[data-state="ready"]').waitFor({ timeout: 60_000 });
  }, 180_000);

  afterAll(async () => {
    await context?.close();
    await server?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  }, 60_000);

  it('is a right-to-left Persian page with its own font', async () => {
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['fa', 'rtl']);
    await page.evaluate(() => document.fonts.load('16px Vazirmatn', 'سلام'));
    expect(await page.evaluate(() => document.fonts.check('16px Vazirmatn', 'سلام'))).toBe(true);
    expect(server.requests).toContain('/fonts/vazirmatn-arabic-400.woff2');
    const engine = await page.locator('#engine').textContent();
    expect(engine).toContain('normalizer');
  });

  it('highlights every change of typed text; the result is the corrected text', async () => {
    await page.locator('#input').click();
    await page.keyboard.type(TEXT);
    await poll(resultText).toBe(CORRECTED);
    expect(await page.locator('#result mark.chg').count()).toBe(SEGMENTS.length);
    expect(await page.locator('#changes > li').count()).toBe(CHANGES.length);
    expect(await page.locator('#counts').textContent()).toContain('۸ تغییر');
    // the live region announces the counts
    await poll(() => page.locator('#live').textContent()).toContain('۸ تغییر');
    await shot('desktop-editor');
  });

  it('hover shows what changed and why, in Persian and English', async () => {
    const idx = CHANGES.findIndex((c) => c.kind === 'half-space' && c.before === '');
    const si = SEGMENTS.findIndex((s) => s.changes.includes(idx));
    await page.locator(`#result mark[data-seg="${si}"]`).hover();
    const tip = page.locator('#tip');
    await poll(() => tip.isVisible()).toBe(true);
    const t = (await tip.textContent()) ?? '';
    expect(t).toContain('نیم‌فاصله');
    expect(t).toContain('half-space');
    expect(t).toContain('←');
    expect(t).toContain(TEXT.slice(SEGMENTS[si]!.start, SEGMENTS[si]!.end));
    expect(t).toContain('half-space inserted');
    await shot('tooltip');
    await page.mouse.move(0, 0);
  });

  it('accepts and rejects single changes; the text has exactly the accepted ones', async () => {
    const n = CHANGES.length;
    const rej = CHANGES.findIndex((c) => c.kind === 'digit');
    const other = CHANGES.findIndex((c) => c.kind === 'spacing' && c.before === '');
    const row = (i: number) => page.locator(`#changes > li[data-change="${i}"]`);
    await row(rej).getByRole('button', { name: /^رد / }).click();
    const accepted = Array.from({ length: n }, (_, i) => i !== rej);
    await poll(resultText).toBe(applyDecisions(TEXT, CHANGES, accepted));
    expect(await resultText()).toContain('12 کتاب');
    await poll(() => page.locator('#live').textContent()).toContain(`${'۷'} از ${'۸'}`);
    // reject another, then accept it again
    await row(other).getByRole('button', { name: /^رد / }).click();
    await poll(resultText).toBe(applyDecisions(TEXT, CHANGES, accepted.map((a, i) => a && i !== other)));
    await row(other).getByRole('button', { name: /^پذیرفتن / }).click();
    await poll(resultText).toBe(applyDecisions(TEXT, CHANGES, accepted));
    expect(await row(rej).getByRole('button', { name: /^رد / }).getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('#counts').textContent()).toBe('۸ تغییر: ۷ پذیرفته، ۱ رد');
    await shot('one-rejected');
  });

  it('keyboard: tab reaches the marks, arrows move, Enter toggles, focus is visible', async () => {
    await page.locator('#use-result').focus();
    await page.keyboard.press('Tab');
    const focused = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset['seg'] ?? document.activeElement?.id ?? '');
    expect(await focused()).toMatch(/^\d+$/);
    await page.keyboard.press('Home');
    expect(await focused()).toBe('0');
    expect(await page.locator('#tip').isVisible()).toBe(true);
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).toBe('solid');
    await page.keyboard.press('ArrowLeft'); // next mark (right to left)
    expect(await focused()).toBe('1');
    const before = await resultText();
    await page.keyboard.press('Enter');
    await poll(resultText).not.toBe(before);
    await page.keyboard.press(' ');
    await poll(resultText).toBe(before);
    // accept/reject buttons are in the tab order
    await page.locator('#changes > li').first().getByRole('button', { name: /^پذیرفتن / }).focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).className)).toBe('rej-btn');
  });

  it('an empty text (the input cleared): an empty result, no changes, no analysis, no error; the page makes no request off its origin', async () => {
    const offOrigin: string[] = [];
    const watch = (r: { url(): string }): void => void (r.url().startsWith(server.url) || r.url().startsWith('data:') ? undefined : offOrigin.push(r.url()));
    page.on('request', watch);
    try {
      await page.locator('#input').fill('');
      await settled();
      await poll(resultText).toBe('');
      expect(await page.locator('#changes > li').count()).toBe(0);
      expect(await page.locator('#analysis-body').isHidden()).toBe(true);
      expect(await page.locator('#counts').textContent()).not.toMatch(/خطا/);
      await page.locator('#input').fill(TEXT);
      await poll(resultText).toBe(CORRECTED);
      // (fonts, scripts and data come from the page's own origin: no CDN, so it works offline)
      expect(offOrigin).toEqual([]);
    } finally {
      page.off('request', watch);
    }
  });

  it('reject all gives the original, accept all the corrected text', async () => {
    await page.getByRole('button', { name: 'رد همه' }).click();
    await poll(resultText).toBe(TEXT);
    await page.getByRole('button', { name: 'پذیرفتن همه' }).click();
    await poll(resultText).toBe(CORRECTED);
  });

  it('a long text: every change is a mark in the result, the list draws the first 1,000 and says how many more', async () => {
    const long = Array.from({ length: 1500 }, () => 'میشود').join(' و ');
    await page.locator('#input').fill(long);
    await poll(async () => ((await resultText()).match(/می\u200cشود/g) ?? []).length).toBe(1500);
    expect(await page.locator('#result mark.chg').count()).toBe(1500);
    expect(await page.locator('#changes > li:not(.more)').count()).toBe(1000);
    expect(await page.locator('#changes > li.more').textContent()).toContain('۵۰۰');
    await page.getByRole('button', { name: 'رد همه' }).click();
    await poll(resultText).toBe(await page.locator('#input').inputValue());
    await page.getByRole('button', { name: 'پذیرفتن همه' }).click();
    await poll(async () => ((await resultText()).match(/می\u200cشود/g) ?? []).length).toBe(1500);
    await page.locator('#input').fill(TEXT);
    await poll(resultText).toBe(CORRECTED);
  });

  it('a word of thousands of letters is shown with line-break opportunities (<wbr>), its text unchanged', async () => {
    // Chromium lays out a word it may break anywhere in time quadratic in its length: a 300,000-letter word froze the
    // page for 77 s (three elements show it: the result, the sentence and the token table), now 8-12 s, most of it the
    // input box's own layout. Here a short one: the structure, not the time
    const word = 'بسمالله'.repeat(800);
    await page.locator('#input').fill(`سلام ${word} میخواهم`);
    await poll(resultText).toBe(normalize(`سلام ${word} میخواهم`));
    // the analysis panes may be drawn after the result text: wait for them rather than read them once
    await poll(() => page.locator('#result wbr').count()).toBeGreaterThan(200);
    await poll(() => page.locator('#sentence-text wbr').count()).toBeGreaterThan(200);
    const m = await noHorizontalScroll(page);
    expect(m.scroll).toBeLessThanOrEqual(m.client);
    await page.locator('#input').fill(TEXT);
    await poll(resultText).toBe(CORRECTED);
    await poll(() => page.locator('#result wbr').count()).toBe(0); // real words get none
  });

  it('copies the result with the Clipboard API', async () => {
    const rej = CHANGES.findIndex((c) => c.kind === 'character');
    await page.locator(`#changes > li[data-change="${rej}"]`).getByRole('button', { name: /^رد / }).click();
    const expected = applyDecisions(TEXT, CHANGES, CHANGES.map((_, i) => i !== rej));
    await poll(resultText).toBe(expected);
    await page.getByRole('button', { name: 'کپی نتیجه' }).click();
    await poll(() => page.locator('#copy-status').getAttribute('data-how')).toBe('clipboard');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected);
  });

  it('copies with the fallback when there is no Clipboard API', async () => {
    await page.evaluate(() => navigator.clipboard.writeText('-'));
    const p2 = await context.newPage();
    await p2.addInitScript(() => Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined, configurable: true }));
    await p2.goto(server.url);
    await poll(() => p2.locator('#engine').getAttribute('data-state')).toBe('ready');
    await p2.locator('#input').fill('میخواهم 12 کتاب بخرم');
    await poll(() => p2.locator('#result').textContent()).toBe('می‌خواهم ۱۲ کتاب بخرم');
    await p2.getByRole('button', { name: 'کپی نتیجه' }).click();
    await poll(() => p2.locator('#copy-status').getAttribute('data-how')).toBe('fallback');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('می‌خواهم ۱۲ کتاب بخرم');
    await p2.close();
  });

  it('shows the analysis: sentences, tokens, words with the columns the pipeline provides', async () => {
    await page.locator('#input').fill(TEXT);
    await settled();
    await poll(() => page.locator('#sentence option').count()).toBe(2);
    const summary = (await page.locator('#analysis-summary').textContent()) ?? '';
    expect(summary).toContain('۲ جمله');
    // every component the worker loaded ran in the browser (none failed and was left out)
    expect(summary).not.toContain('خطای تحلیل');
    const loaded = ((await page.locator('#engine').textContent()) ?? '').split(':')[1] ?? '';
    expect(summary.split('اجزا:')[1]?.trim()).toBe(loaded.split('—')[0]!.trim());
    await page.locator('#sentence').selectOption('1');
    const rows = page.locator('#tokens-body tr');
    // اختیارش is one token of two words: اختیار + ش
    await poll(() => rows.count()).toBe(7);
    const first = await rows.first().locator('th, td').allTextContents();
    expect(first[0]).toBe('اختیارش');
    expect(first[1]).toBe('۱');
    expect(first[2]).toBe('اختیار');
    expect(await rows.nth(1).locator('td').nth(1).textContent()).toBe('ش');
    const comps = summary.split('اجزا:')[1] ?? '';
    const lemmaCell = first[3];
    if (!comps.includes('lemmatizer')) expect(lemmaCell).toBe('—');
    if (!comps.includes('tagger')) expect(first[4]).toBe('—');
    if (comps.includes('parser')) {
      await poll(() => page.locator('#tree svg path.arc').count()).toBeGreaterThan(0);
    } else {
      expect(await page.locator('#tree').isHidden()).toBe(true);
      expect(await page.locator('#tree-note').textContent()).toContain('parser');
    }
    await page.locator('#analysis').scrollIntoViewIfNeeded();
    await shot('analysis');
  });

  it('analyses a chat line in the informal conventions (scheme auto, as the CLI): خونمون = خون + مون', async () => {
    await page.locator('#input').fill('یه خونمون داریم');
    await settled();
    const rows = page.locator('#tokens-body tr');
    // یه, then خونمون: one token of two words, then داریم
    await poll(() => rows.count()).toBe(4);
    expect((await rows.nth(1).locator('th, td').allTextContents())[0]).toBe('خونمون');
    expect(await rows.nth(2).locator('td').nth(1).textContent()).toBe('مون');
  });

  it('marks the named entities of the sentence (the ner component runs in the browser)', async () => {
    await page.locator('#input').fill('حسن روحانی به پاریس رفت.');
    await settled();
    const comps = ((await page.locator('#analysis-summary').textContent()) ?? '').split('اجزا:')[1] ?? '';
    expect(comps).toContain('ner');
    const rows = page.locator('#tokens-body tr');
    await poll(() => rows.count()).toBe(6);
    // the first token of an entity shows its type; the tokens after it in the entity show …
    expect(await rows.nth(0).locator('th .ent').textContent()).toBe('PER');
    expect(await rows.nth(1).locator('th .ent').textContent()).toBe('…');
    expect(await rows.nth(2).locator('th .ent').count()).toBe(0);
    expect(await rows.nth(3).locator('th .ent').textContent()).toBe('LOC');
  });

  it('draws the dependency tree and fills every column when the pipeline gives them (stand-in worker)', async () => {
    await withStandIn(FAKE_WORKER, async (p3) => {
      await p3.locator('#input').fill('اختیارش را به من داد.');
      await poll(() => p3.locator('#tree svg path.arc').count()).toBe(7);
      expect(await p3.locator('#tree svg text.deprel').allTextContents()).toEqual(expect.arrayContaining(['obj', 'nmod:poss', 'root', 'punct']));
      expect(await p3.locator('#tree svg title').first().textContent()).toContain('درخت وابستگی');
      const row2 = await p3.locator('#tokens-body tr').nth(1).locator('td').allTextContents();
      expect(row2).toEqual(['۲', 'ش', 'او', 'PRON', 'Number=Sing|Person=3|PronType=Prs', '۱', 'nmod:poss']);
      expect(await p3.locator('#tokens-body td.missing').count()).toBe(3); // the ADP and PUNCT words have no feats
      await p3.locator('#analysis').scrollIntoViewIfNeeded();
      await shot('tree', p3);
      await p3.setViewportSize({ width: 375, height: 812 });
      const m = await noHorizontalScroll(p3);
      expect(m.scroll).toBeLessThanOrEqual(m.client);
      await p3.locator('#tree').scrollIntoViewIfNeeded();
      await p3.screenshot({ path: join(SHOTS, 'phone-375-tree.png') });
    });
  });

  it('ends a long job of an older text when the text changes: the new text is answered without waiting for it (stand-in worker)', async () => {
    // a worker that spends 20 s on the text «کند» and answers any other at once
    const slow = `self.postMessage({ type: 'ready', components: ['normalizer', 'tokenizer'], resources: [], missing: [], ms: 0 });
self.onmessage = (e) => {
  const m = e.data;
  if ('cancel' in m) return;
  const text = m.normalize ?? m.analyze;
  if (text === 'کند') { const t = Date.now(); while (Date.now() - t < 20000); }
  if ('normalize' in m) self.postMessage({ type: 'normalized', id: m.id, input: text, text, changes: [], ms: 0 });
  else self.postMessage({ type: 'analyzed', id: m.id, input: text, components: ['normalizer', 'tokenizer'], sentences: [], ms: 0 });
};`;
    await withStandIn(slow, async (p4) => {
      await p4.locator('#input').fill('کند');
      await p4.waitForTimeout(2_500); // over RESTART_AFTER_MS (2 s): the worker is busy with «کند»
      const t0 = Date.now();
      await p4.locator('#input').fill('تند');
      await poll(() => p4.locator('#result').evaluate((e) => e.textContent ?? '')).toBe('تند');
      expect(Date.now() - t0, 'answered by a new worker, not after the 20 s job').toBeLessThan(10_000);
    });
  });

  it('runs the engine in the page where no Web Worker starts (Worker missing): the same corrected text', async () => {
    const p5 = await context.newPage();
    try {
      await p5.addInitScript(() => {
        delete (window as { Worker?: unknown }).Worker;
      });
      await p5.goto(server.url);
      // (state warn: it works, and says the page waits while a job runs)
      await p5.locator('#engine[data-state="warn"]').waitFor({ timeout: 60_000 });
      expect(await p5.locator('#engine').textContent()).toContain('Web Worker');
      await p5.locator('#input').fill(TEXT);
      await poll(() => p5.locator('#result').evaluate((e) => e.textContent ?? '')).toBe(CORRECTED);
      await poll(() => p5.locator('#tokens-body tr').count()).toBeGreaterThan(0);
    } finally {
      await p5.close();
    }
  });

  it('checks the spelling of the corrected text on demand, in the formal or the colloquial register', async () => {
    const text = 'او به مدرصه رفت و این فیلم جالبه';
    await page.locator('#input').fill(text);
    await settled();
    await poll(resultText).toBe(normalize(text));
    await page.getByRole('button', { name: 'بررسی املای متن اصلاح‌شده' }).click();
    const words = (): Promise<string[]> => page.locator('#spelling .spell-word').allTextContents();
    await poll(words).toEqual(checkSpelling(normalize(text)).map((i) => i.text));
    expect(await words()).toEqual(['مدرصه', 'جالبه']);
    expect(await page.locator('#spelling li').first().textContent()).toContain('مدرسه');
    await page.locator('#spell-informal').check();
    await page.getByRole('button', { name: 'بررسی املای متن اصلاح‌شده' }).click();
    await poll(words).toEqual(['مدرصه']);
    await shot('spelling');
  });

  it('rewrites colloquial words in the formal register when asked (setting نوشتار), as formalize() does', async () => {
    const text = 'يه كتاب خوب ميخوام، چیزا رو میذاریم خونمون';
    await page.locator('#input').fill(text);
    await settled();
    await poll(resultText).toBe(normalize(text));
    await page.locator('details.settings summary').click();
    await page.locator('#register').selectOption('formal');
    await poll(resultText).toBe(formalize(text));
    expect(await resultText()).toBe('یک کتاب خوب می‌خواهم، چیزها را می‌گذاریم خانه‌مان');
    // each rewritten word is a change of its own kind, and can be rejected like any other
    expect(await page.locator('#changes > li').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('رسمی')]));
    await shot('formal-register');
    await page.locator('#register').selectOption('keep');
    await poll(resultText).toBe(normalize(text));
    await page.locator('details.settings summary').click();
  });

  it('turns Persian typed on the English layout back into Persian (on by default), a change of its own kind', async () => {
    const text = 'sghl! ;jhf ldo,hkd? and the file config.json stays';
    await page.locator('#input').fill(text);
    await settled();
    await poll(resultText).toBe(normalize(text, { keyboard: 'fix' }));
    expect(await resultText()).toBe('سلام! کتاب می‌خوانی؟ and the file config.json stays');
    expect(await page.locator('#changes > li').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('صفحه‌کلید')]));
    await page.locator('details.settings summary').click();
    await page.locator('select[data-option="keyboard"]').selectOption('keep');
    await poll(resultText).toBe(normalize(text));
    await page.locator('select[data-option="keyboard"]').selectOption('fix');
    await page.locator('details.settings summary').click();
  });

  it('keeps the text for the next visit, and says so when it is too large to keep (a full localStorage)', async () => {
    const p2 = await context.newPage();
    // a quota of 2,000 characters, as a full store would refuse a large text
    await p2.addInitScript(() => {
      const set = Storage.prototype.setItem;
      Storage.prototype.setItem = function (k: string, v: string) {
        if (v.length > 2000) throw new DOMException('quota', 'QuotaExceededError');
        return set.call(this, k, v);
      };
    });
    await p2.goto(server.url);
    await poll(() => p2.locator('#engine').getAttribute('data-state')).toBe('ready');
    const stored = (): Promise<{ text?: string } | null> => p2.evaluate(() => JSON.parse(localStorage.getItem('dabir.editor.v1') ?? 'null'));
    await p2.locator('#input').fill('میخواهم کتاب بخرم');
    await poll(async () => (await stored())?.text).toBe('میخواهم کتاب بخرم');
    await p2.locator('#input').fill('میخواهم کتاب بخرم. '.repeat(150));
    // the older text is not kept (it would come back in place of this one), and the reader is told
    await poll(async () => (await stored())?.text).toBeUndefined();
    await poll(() => p2.locator('#store-note').isVisible()).toBe(true);
    await shot('store-full', p2);
    // a text that fits is kept again, and the note goes
    await p2.locator('#input').fill('کتاب');
    await poll(async () => (await stored())?.text).toBe('کتاب');
    expect(await p2.locator('#store-note').isVisible()).toBe(false);
    await p2.close();
  });

  it('fits a 375px phone screen without horizontal scrolling', async () => {
    await page.setViewportSize({ width: 375, height: 812 });
    await page.locator('#input').fill(TEXT);
    await settled();
    await page.getByRole('button', { name: 'پذیرفتن همه' }).click(); // decisions made earlier on this text are kept
    await poll(resultText).toBe(CORRECTED);
    let m = await noHorizontalScroll(page);
    expect(m.scroll).toBeLessThanOrEqual(m.client);
    await page.locator('#result mark.chg').first().focus();
    m = await noHorizontalScroll(page);
    expect(m.scroll).toBeLessThanOrEqual(m.client);
    const tip = await page.locator('#tip').boundingBox();
    expect(tip!.x).toBeGreaterThanOrEqual(0);
    expect(tip!.x + tip!.width).toBeLessThanOrEqual(375);
    await page.screenshot({ path: join(SHOTS, 'phone-375-tooltip.png') });
    await page.locator('#result').focus();
    await shot('phone-375');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('keeps working with the server down (service worker and cached data)', async () => {
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    // one load under the service worker's control, so everything is cached
    await page.reload();
    await poll(() => page.locator('#engine').getAttribute('data-state')).toBe('ready');
    await poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
    await server.close();
    await page.reload();
    await poll(() => page.locator('#engine').getAttribute('data-state')).toBe('ready');
    await page.locator('#input').fill('میخواهم 12 کتاب بخرم');
    await poll(resultText).toBe('می‌خواهم ۱۲ کتاب بخرم');
    await shot('server-down');
  });
});
