import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalizeAligned } from '../node/index.js';
import { applyDecisions, changeKeys, contextOf, faNum, reason, segmentChanges, segmentText, visible, wrapPoints } from './changes.js';

const TEXT = 'سياست های جدید را دانشآموزان میخواهند ، اما 12 کتاب بیشتر نمیخواهیم.اختیارش را به من داد.';

describe('applyDecisions', () => {
  const a = normalizeAligned(TEXT);
  const changes = a.changes();

  it('all accepted is the normalized text, none accepted the original', () => {
    expect(applyDecisions(TEXT, changes, changes.map(() => true))).toBe(a.text);
    expect(applyDecisions(TEXT, changes, changes.map(() => false))).toBe(TEXT);
  });

  it('applies exactly the accepted changes, by offset', () => {
    const digit = changes.findIndex((c) => c.kind === 'digit');
    const out = applyDecisions(TEXT, changes, changes.map((_, i) => i !== digit));
    expect(out).toContain('12 کتاب');
    expect(out.replace('12', '۱۲')).toBe(a.text);
  });

  it('any subset of changes gives original + those edits (property)', () => {
    const texts = ['ي ك 12 ، میخواهم', 'کتاب ها  را .دیدم', TEXT, 'سلام,دنیا ؟ 3.5 می روم'];
    fc.assert(
      fc.property(fc.constantFrom(...texts), fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }), (t, bits) => {
        const cs = normalizeAligned(t).changes();
        const acc = cs.map((_, i) => bits[i]!);
        const out = applyDecisions(t, cs, acc);
        // rebuilding from segments gives the same text
        const segs = segmentChanges(t, cs);
        let pos = 0;
        let rebuilt = '';
        for (const s of segs) {
          rebuilt += t.slice(pos, s.start) + segmentText(t, s, cs, acc);
          pos = s.end;
        }
        rebuilt += t.slice(pos);
        expect(rebuilt).toBe(out);
      }),
    );
  });
});

describe('segmentChanges', () => {
  it('covers whole words and merges changes of one word', () => {
    const cs = normalizeAligned(TEXT).changes();
    const segs = segmentChanges(TEXT, cs);
    expect(segs.length).toBeLessThan(cs.length);
    for (const s of segs) {
      expect(s.start === 0 || /\s/.test(TEXT[s.start - 1]!)).toBe(true);
      expect(s.end === TEXT.length || /\s/.test(TEXT[s.end]!)).toBe(true);
    }
    expect(TEXT.slice(segs[0]!.start, segs[0]!.end)).toBe('سياست های');
    expect(segs[0]!.changes).toEqual([0, 1]);
  });

  it('stops after `reach` units in a text without spaces and never splits a surrogate pair', () => {
    const t = `${'😀'.repeat(30)}ي${'😀'.repeat(30)}`;
    const cs = normalizeAligned(t).changes();
    const [s] = segmentChanges(t, cs, 5);
    expect(s!.end - s!.start).toBeLessThanOrEqual(5 + 5 + 1 + 2);
    expect(t.charCodeAt(s!.start)).not.toBe(0xde00);
    expect(String.fromCharCode(t.charCodeAt(s!.end - 1)).match(/[\ud800-\udbff]/)).toBeNull();
  });
});

describe('descriptions', () => {
  it('explains half-spaces and spaces specifically', () => {
    const c = { start: 0, end: 0, before: '', after: '\u200c', kind: 'half-space' as const, kinds: ['half-space' as const] };
    expect(reason(c).en).toMatch(/half-space inserted/);
    expect(reason({ ...c, end: 1, before: ' ' }).fa).toContain('نیم‌فاصله');
    expect(reason({ ...c, end: 1, before: ' ', after: '', kind: 'spacing' }).en).toBe('extra space removed');
    expect(reason({ ...c, before: '12', after: '۱۲', kind: 'digit' }).en).toMatch(/digits/);
  });

  it('makes invisible characters visible', () => {
    expect(visible('')).toBe('∅');
    expect(visible(' \u200c\n')).toBe('␣‹ZWNJ›↵');
  });

  it('shows one change in its words', () => {
    const cs = normalizeAligned('میخواهم بروم').changes();
    const segs = segmentChanges('میخواهم بروم', cs);
    expect(contextOf('میخواهم بروم', segs[0]!, cs, 0)).toEqual({ before: 'میخواهم', after: 'می\u200cخواهم' });
  });

  it('Persian digits and stable keys', () => {
    expect(faNum(1402)).toBe('۱۴۰۲');
    const cs = normalizeAligned('ي ي').changes();
    const k = changeKeys(cs);
    expect(new Set(k).size).toBe(k.length);
  });
});

describe('wrapPoints', () => {
  // [text, run, step, points, reason]: Chromium's layout of a word it may break anywhere is quadratic in its length
  // (a 300,000-letter word froze the editor for 77 s); the page puts a <wbr> at each point
  const ROWS: [string, number, number, number[], string][] = [
    ['میخواهم بروم', 200, 20, [], 'real words get none'],
    ['ب'.repeat(200), 200, 20, [], 'a run of exactly `run` units gets none'],
    ['ب'.repeat(201), 200, 20, [20, 40, 60, 80, 100, 120, 140, 160, 180, 200], 'a longer run: every `step` units, not at its end'],
    [`سلام ${'ب'.repeat(50)}`, 40, 20, [25, 45], 'points counted from the start of the run'],
    [`${'ب'.repeat(45)} ${'ب'.repeat(30)}`, 40, 20, [20, 40], 'only in the runs longer than `run`'],
    [`${'a'.repeat(19)}${'😀'.repeat(20)}`, 40, 20, [21, 41], 'never inside a surrogate pair: 20 and 40 are second halves of 😀, so 21 and 41'],
    [`${'ب'.repeat(30)}\u200c${'ب'.repeat(30)}`, 40, 20, [20, 40, 60], 'a ZWNJ is no space: the run goes on'],
    [`${'ب'.repeat(30)}\u00a0${'ب'.repeat(30)}`, 40, 20, [], 'a no-break space ends a run (the browser may not break there, but the run is short)'],
    ['', 200, 20, [], 'empty text'],
  ];
  it.each(ROWS)('%j (run %i, step %i) → %j: %s', (text, run, step, points, _why) => {
    expect(wrapPoints(text, run, step)).toEqual(points);
  });

  it('a 10 MB word: linear, every point inside, sorted', () => {
    const t = 'ب'.repeat(10_000_000);
    const p = wrapPoints(t);
    expect(p.length).toBe(499_999);
    expect(p.every((x, i) => x > 0 && x < t.length && (i === 0 || x > p[i - 1]!))).toBe(true);
  });
});
