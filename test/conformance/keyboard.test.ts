/**
 * Conformance: normalize { keyboard: 'fix' } on the validation sets of scripts/eval-keyboard.ts — Persian validation
 * sentences typed on the English layout must come back (words within one point of the stored baseline), and English
 * prose, code and the Latin words of real Persian text must not be rewritten (at most 0.5 per 1,000 Latin words).
 * Without ../shared/data it prints one SKIP line.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { haveShared } from '../../scripts/lib/corpus.js';

const baseline = JSON.parse(readFileSync(new URL('./baselines.json', import.meta.url), 'utf8')).keyboard as { recoveryWords: number; recoveryExactButZwnj: number };

// (a guard, not describe.runIf: vitest runs the body of a skipped describe to collect its tests)
if (haveShared()) describe('keyboard-layout conformance (validation sentences; English READMEs, lib.dom.d.ts, tweets)', () => {
  const out = execFileSync('npx', ['tsx', 'scripts/eval-keyboard.ts'], { cwd: new URL('../../', import.meta.url), encoding: 'utf8', env: { ...process.env, EVAL_OUT: '-' } });
  const r = JSON.parse(out.slice(out.indexOf('JSON:') + 5)) as { recovery: { wordsRight: number; exactButZwnj: number; sentences: number }; falseRewrites: Record<string, { words: number; changed: number; perThousand: number }> };
  it(`recovers >= ${baseline.recoveryWords} - 1 % of the words typed on the English layout`, () => {
    expect(r.recovery.sentences).toBeGreaterThan(500);
    expect(r.recovery.wordsRight).toBeGreaterThanOrEqual(baseline.recoveryWords - 1);
    expect(r.recovery.exactButZwnj).toBeGreaterThanOrEqual(baseline.recoveryExactButZwnj - 2);
  });
  it('rewrites at most 0.5 in 1,000 Latin words of English prose, code and Persian text', () => {
    expect(r.falseRewrites['TypeScript lib.dom.d.ts']!.words).toBeGreaterThan(100000);
    for (const [name, f] of Object.entries(r.falseRewrites)) expect(f.perThousand, name).toBeLessThanOrEqual(0.5);
  });
});

if (!haveShared()) {
  it('keyboard conformance', () => {
    console.log('SKIP keyboard conformance: ../shared/data not found (set DABIR_SHARED to run it)');
  });
}
