/**
 * Conformance: phrasesOf on the trees the pipeline builds (gold tokens, predicted tags and parse) against the phrases
 * the same rules read off the gold trees, on the validation splits (scripts/eval-phrases.ts), compared with the stored
 * baseline: exact-match F1 of NPs and of VPs may fall by at most one point. Without ../shared/data it prints one
 * SKIP line.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { haveShared } from '../../scripts/lib/corpus.js';

const baseline = JSON.parse(readFileSync(new URL('./baselines.json', import.meta.url), 'utf8')).phrases as { f1: Record<string, { NP: number; VP: number }> };

// (a guard, not describe.runIf: vitest runs the body of a skipped describe to collect its tests)
if (haveShared()) describe('phrases conformance (NP and VP read off predicted vs gold trees, validation splits)', () => {
  const out = execFileSync('npx', ['tsx', 'scripts/eval-phrases.ts'], { cwd: new URL('../../', import.meta.url), encoding: 'utf8', env: { ...process.env, EVAL_OUT: '-' } });
  const r = JSON.parse(out.slice(out.indexOf('JSON:') + 5)) as Record<string, { NP: number; VP: number }>;
  for (const [name, base] of Object.entries(baseline.f1)) {
    it(`${name}: NP F1 >= ${base.NP} - 1, VP F1 >= ${base.VP} - 1`, () => {
      expect(r[name]!.NP).toBeGreaterThanOrEqual(base.NP - 1);
      expect(r[name]!.VP).toBeGreaterThanOrEqual(base.VP - 1);
    });
  }
});

if (!haveShared()) {
  it('phrases conformance', () => {
    console.log('SKIP phrases conformance: ../shared/data not found (set DABIR_SHARED to run it)');
  });
}
