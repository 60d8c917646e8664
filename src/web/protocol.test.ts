/**
 * The editor's message protocol as pure functions (the worker's queue, takeNext; the page's choice to end a long job,
 * shouldRestart): what a browser test cannot pin down, the order of jobs and what is dropped, table-driven.
 */
import { describe, expect, it } from 'vitest';
import { growth, MAX_RATIO } from '../../test/helpers/linear.js';
import { requestKind, shouldRestart, takeNext } from './protocol.js';

const n = (id?: number): object => ({ ...(id !== undefined ? { id } : {}), normalize: `text ${id}` });
const a = (id?: number): object => ({ ...(id !== undefined ? { id } : {}), analyze: `text ${id}` });
const s = (id: number): object => ({ id, spell: 'x' });
const c = (id: number): object => ({ cancel: id });

describe('takeNext: the job the worker runs next, and the requests it drops', () => {
  // [queue, the job (its kind and id), the ids dropped, the kinds and ids left, reason]
  const rows: [unknown[], string | undefined, (number | undefined)[], string[], string][] = [
    [[], undefined, [], [], 'nothing waits: nothing to run'],
    [[n(1), a(1)], 'normalize 1', [], ['analyze 1'], 'one text: its normalize, then its analysis, in the order they came'],
    [[a(1), c(1), n(2), a(2)], 'normalize 2', [1], ['analyze 2'], 'the page typed on while text 1 was normalized: its analysis, not started, is dropped by the cancel'],
    [[n(1), a(1), n(2), a(2)], 'normalize 2', [1, 1], ['analyze 2'], 'a later request of the same kind drops an earlier one, cancel or not (its answer would be of a text the page no longer shows)'],
    [[n(1), a(1), n(2), a(2), n(3), a(3)], 'normalize 3', [1, 1, 2, 2], ['analyze 3'], 'three texts typed during one long job: only the last runs'],
    [[a(3), c(2)], 'analyze 3', [], [], 'a cancel drops only the texts up to its id: a later text runs (and the cancel is used up)'],
    [[c(1)], undefined, [], [], 'a cancel alone: nothing to run, nothing kept'],
    [[s(-1), n(1), c(1), a(2)], 'spell -1', [1], ['analyze 2'], 'a spelling request is never dropped by a cancel (its own ids are below zero)'],
    [[n(), c(5)], undefined, [undefined], [], 'a request without an id is dropped by any cancel behind it (answered without an id)'],
    [[{ bogus: 1 }, n(1)], 'unknown', [], ['normalize 1'], 'a message of no known kind is kept: it runs in its turn and is answered E_BAD_INPUT'],
    [[null, 5, n(1)], 'unknown', [], ['unknown', 'normalize 1'], 'null or a number never crashes the queue'],
  ];
  const label = (m: unknown): string => {
    const k = requestKind(m) ?? 'unknown';
    const id = (m as { id?: number } | null)?.id;
    return k === 'unknown' || id === undefined ? k : `${k} ${id}`;
  };
  it.each(rows)('%#: %j', (queue, job, dropped, rest, _why) => {
    const r = takeNext(queue);
    expect(r.job === undefined ? undefined : label(r.job)).toBe(job);
    expect(r.dropped).toEqual(dropped);
    expect(r.rest.map(label)).toEqual(rest);
  });
  it('takes a queue of thousands of texts in linear time (CPU time of 4× the queue: ratio bounded), and keeps the last text only', () => {
    const queueOf = (k: number): object[] => {
      const q: object[] = [];
      for (let i = 1; i <= k; i++) q.push(n(i), a(i));
      return q;
    };
    const big = takeNext(queueOf(20_000));
    expect(label(big.job)).toBe('normalize 20000');
    expect(big.dropped).toHaveLength(39_998);
    expect(big.rest.map(label)).toEqual(['analyze 20000']);
    // (the queues made beforehand: their allocation and its garbage collection, timed with takeNext, made the ratio
    // noise, 15.5 → 153.8 ms once in the full suite)
    const queues = new Map([20_000, 80_000].map((k) => [k, queueOf(k)]));
    const g = growth((k) => takeNext(queues.get(k)!), 20_000, 5);
    expect(g.ratio, `CPU ms ${g.small.toFixed(1)} → ${g.large.toFixed(1)}`).toBeLessThan(MAX_RATIO);
  });
});

describe('shouldRestart: the page ends a long job of an older text', () => {
  // [when the waiting requests were sent, now, whether to restart, reason]
  const rows: [number[], number, boolean, string][] = [
    [[], 10_000, false, 'nothing waits: post the text'],
    [[9_500], 10_000, false, 'a request sent half a second ago: post behind it (the worker drops it if not started)'],
    [[7_000], 10_000, true, 'one that has waited 3 s (over RESTART_AFTER_MS, 2 s): a long job runs; a new worker costs less than the rest of it'],
    [[7_000, 9_900], 10_000, true, 'any long wait counts'],
    [[8_000], 10_000, false, 'exactly 2 s: not over'],
  ];
  it.each(rows)('%#: %j at %i → %s', (since, now, want, _why) => {
    expect(shouldRestart(since, now)).toBe(want);
  });
});
