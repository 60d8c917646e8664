/**
 * Conformance: the formalizer scored on the validation half of Shekasteh (scripts/eval-formal.ts: CER and WER against
 * the formal rewrites, after the normalizer) and its false changes on formal text (our PerDT and Seraji validation
 * splits), compared with the stored baseline. Error rates may rise by at most 0.3 point, false changes by at most 0.5
 * per 1,000 words. Without ../shared/data it prints one SKIP line.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { haveShared } from '../../scripts/lib/corpus.js';

interface Baseline {
  cer: number;
  wer: number;
  formalChangesPer1000: Record<string, number>;
}
const baseline = JSON.parse(readFileSync(new URL('./baselines.json', import.meta.url), 'utf8')).formal as Baseline;

// (a guard, not describe.runIf: vitest runs the body of a skipped describe to collect its tests, and the
// evaluation it starts would fail without the data)
if (haveShared()) describe('formalizer conformance (Shekasteh validation half, formal validation text)', () => {
  const out = execFileSync('npx', ['tsx', 'scripts/eval-formal.ts'], { cwd: new URL('../../', import.meta.url), encoding: 'utf8', env: { ...process.env, EVAL_OUT: '-' } });
  const r = JSON.parse(out.slice(out.indexOf('JSON:') + 5)) as {
    shekasteh: Record<string, { cer: number; wer: number }>;
    formalText: Record<string, { words: number; changed: number; changedAuto: number }>;
    notIdempotent: number;
  };
  it('idempotent on the validation sentences: formalizing an output again changes nothing', () => {
    expect(r.notIdempotent).toBe(0);
  });
  const fz = r.shekasteh['normalize + formalize']!;
  it(`CER <= ${(100 * baseline.cer).toFixed(2)} + 0.3, WER <= ${(100 * baseline.wer).toFixed(2)} + 0.3, and both far below the input's`, () => {
    expect(fz.cer).toBeLessThanOrEqual(baseline.cer + 0.003);
    expect(fz.wer).toBeLessThanOrEqual(baseline.wer + 0.003);
    expect(fz.cer).toBeLessThan(r.shekasteh['input as written']!.cer * 0.6);
  });
  for (const [name, base] of Object.entries(baseline.formalChangesPer1000)) {
    it(`${name} validation text: false changes <= ${base} + 0.5 per 1,000 words, none with register auto`, () => {
      const f = r.formalText[name]!;
      expect((1000 * f.changed) / f.words).toBeLessThanOrEqual(base + 0.5);
      expect(f.changedAuto).toBe(0);
    });
  }
});

if (!haveShared()) {
  it('formalizer conformance', () => {
    console.log('SKIP formalizer conformance: ../shared/data not found (set DABIR_SHARED to run it)');
  });
}
