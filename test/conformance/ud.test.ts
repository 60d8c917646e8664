/**
 * Conformance: the default pipeline scored with the CoNLL 2018 metrics on our validation splits (scripts/eval-ud.ts),
 * compared with test/conformance/baselines.json ("ud"). A drop of more than 0.5 point fails; a deliberate change
 * updates the baseline in the same commit. Without ../shared/data it prints one SKIP line.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { haveShared } from '../../scripts/lib/corpus.js';

type Metrics = Record<string, { f1: number }>;
const baseline = JSON.parse(readFileSync(new URL('./baselines.json', import.meta.url), 'utf8')).ud as Record<string, Record<string, Record<string, number>>>;

// (a guard, not describe.runIf: vitest runs the body of a skipped describe to collect its tests, and the
// evaluation it starts would fail without the data)
if (haveShared()) describe('UD conformance (validation splits)', () => {
  const out = join(tmpdir(), `dabir-ud-eval-${process.pid}.json`);
  execFileSync('npx', ['tsx', 'scripts/eval-ud.ts'], {
    cwd: new URL('../../', import.meta.url),
    env: { ...process.env, EVAL_JSON: out },
    stdio: 'ignore',
  });
  const results = JSON.parse(readFileSync(out, 'utf8')).results as Record<string, Record<string, { scores: { ok: boolean; metrics: Metrics } }>>;
  for (const [split, modes] of Object.entries(baseline)) {
    for (const [mode, metrics] of Object.entries(modes)) {
      for (const [metric, base] of Object.entries(metrics)) {
        it(`${split} ${mode} ${metric} F1 >= ${base.toFixed(2)} - 0.5`, () => {
          const r = results[split]![mode]!.scores;
          expect(r.ok).toBe(true);
          expect(100 * r.metrics[metric]!.f1).toBeGreaterThanOrEqual(base - 0.5);
        });
      }
    }
  }
});

if (!haveShared()) {
  it('UD conformance', () => {
    console.log('SKIP UD conformance: ../shared/data not found (set DABIR_SHARED to run it)');
  });
}
