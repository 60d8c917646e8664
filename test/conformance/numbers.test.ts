/**
 * Conformance: findNumbers scored against the treebanks' NUM phrases on the validation splits
 * (scripts/eval-numbers.ts), compared with the stored baseline: F1 over the phrases written in words may fall by at
 * most one point. Without ../shared/data it prints one SKIP line.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { haveShared } from '../../scripts/lib/corpus.js';

const baseline = JSON.parse(readFileSync(new URL('./baselines.json', import.meta.url), 'utf8')).numbers as { inWordsF1: Record<string, number> };

// (a guard, not describe.runIf: vitest runs the body of a skipped describe to collect its tests)
if (haveShared()) describe('numbers conformance (NUM phrases of the validation splits)', () => {
  const out = execFileSync('npx', ['tsx', 'scripts/eval-numbers.ts'], { cwd: new URL('../../', import.meta.url), encoding: 'utf8', env: { ...process.env, EVAL_OUT: '-' } });
  const r = JSON.parse(out.slice(out.indexOf('JSON:') + 5)) as Record<string, { inWords: { f1: number; gold: number }; parsed: { allWords: number; writtenAlike: number } }>;
  for (const [name, base] of Object.entries(baseline.inWordsF1)) {
    it(`${name}: F1 of number phrases in words >= ${(100 * base).toFixed(1)} - 1`, () => {
      expect(r[name]!.inWords.gold).toBeGreaterThan(50);
      expect(r[name]!.inWords.f1).toBeGreaterThanOrEqual(base - 0.01);
    });
  }
  it('PerDT: numberToWords writes every phrase of the formal text written all in words the way the treebank does', () => {
    const p = r['PerDT validation']!.parsed;
    expect(p.writtenAlike).toBe(p.allWords);
  });
});

if (!haveShared()) {
  it('numbers conformance', () => {
    console.log('SKIP numbers conformance: ../shared/data not found (set DABIR_SHARED to run it)');
  });
}
