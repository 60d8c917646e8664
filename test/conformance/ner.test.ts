/**
 * Conformance: the named-entity recognizer scored on ParsTwiNER dev (our validation split, never trained on), from
 * gold tokens and from raw text, compared with the stored baseline. A drop of more than 0.5 point F1 fails.
 * Without ../shared/data it prints one SKIP line.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { haveShared } from '../../scripts/lib/corpus.js';

const baseline = JSON.parse(readFileSync(new URL('./baselines.json', import.meta.url), 'utf8')).ner as Record<string, { f1: number }>;

// (a guard, not describe.runIf: vitest runs the body of a skipped describe to collect its tests, and the
// evaluation it starts would fail without the data)
if (haveShared()) describe('named-entity conformance (ParsTwiNER dev)', () => {
  const out = execFileSync('npx', ['tsx', 'scripts/eval-ner.ts'], {
    cwd: new URL('../../', import.meta.url),
    encoding: 'utf8',
    env: { ...process.env, EVAL_OUT: '-' },
  });
  const results = JSON.parse(out.slice(out.indexOf('JSON:') + 5)) as Record<string, { f1: number }>;
  for (const [input, base] of Object.entries(baseline)) {
    it(`${input}: entity F1 >= baseline ${(100 * base.f1).toFixed(2)} - 0.5`, () => {
      expect(results[input]!.f1).toBeGreaterThanOrEqual(base.f1 - 0.005);
    });
  }
});

if (!haveShared()) {
  it('named-entity conformance', () => {
    console.log('SKIP named-entity conformance: ../shared/data not found (set DABIR_SHARED to run it)');
  });
}
