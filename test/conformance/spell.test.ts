/**
 * Conformance of the spelling checker on our validation sets (scripts/eval-spell.ts): non-word errors injected into
 * the UD validation text, false alarms on that clean text and on colloquial text (iPerUDT dev), and the PerSpellData
 * real-word validation split. Floors
 * sit a little under the figures measured when data/spell.bin was built; a drop below them fails. Without
 * ../shared/data it prints one SKIP line.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { haveShared } from '../../scripts/lib/corpus.js';

const FLOORS = {
  nonWordF1: 0.91,
  nonWordTop1: 0.825,
  nonWordTop5: 0.885,
  falseAlarmsPer1000Max: 5,
  // issues on the colloquial iPerUDT dev sentences, register auto (measured 19.4)
  informalPer1000Max: 22,
  // measured 0.7983 / 0.9217 after spelling round thirteen refitted the real-word model (0.7813 / 0.9337 before: its
  // recall on true real-word errors went 0.576 → 0.625 for 11 false issues more, so the precision floor went 0.93 → 0.91)
  realWordF1: 0.78,
  realWordOnlyPrecision: 0.91,
};

// (a guard, not describe.runIf: vitest runs the body of a skipped describe to collect its tests, and the
// evaluation it starts would fail without the data)
if (haveShared()) describe('spelling conformance (validation splits)', () => {
  const out = join(tmpdir(), `dabir-spell-eval-${process.pid}.json`);
  execFileSync('npx', ['tsx', 'scripts/eval-spell.ts'], { cwd: new URL('../../', import.meta.url), env: { ...process.env, EVAL_JSON: out }, stdio: 'ignore' });
  const r = JSON.parse(readFileSync(out, 'utf8'));
  it(`non-word detection F1 >= ${FLOORS.nonWordF1}, top-1 >= ${FLOORS.nonWordTop1}, top-5 >= ${FLOORS.nonWordTop5}`, () => {
    expect(r.nonWord.f1).toBeGreaterThanOrEqual(FLOORS.nonWordF1);
    expect(r.nonWord.top1).toBeGreaterThanOrEqual(FLOORS.nonWordTop1);
    expect(r.nonWord.top5).toBeGreaterThanOrEqual(FLOORS.nonWordTop5);
  });
  it(`false alarms on clean text <= ${FLOORS.falseAlarmsPer1000Max} per 1,000 words`, () => {
    expect(r.falseAlarms.perThousandWords).toBeLessThanOrEqual(FLOORS.falseAlarmsPer1000Max);
  });
  it(`issues on colloquial text (register auto) <= ${FLOORS.informalPer1000Max} per 1,000 words`, () => {
    expect(r.informalText.perThousandWords).toBeLessThanOrEqual(FLOORS.informalPer1000Max);
  });
  it(`real-word F1 >= ${FLOORS.realWordF1}, real-word-only precision >= ${FLOORS.realWordOnlyPrecision}`, () => {
    expect(r.realWord.f1).toBeGreaterThanOrEqual(FLOORS.realWordF1);
    expect(r.realWord.realWordOnly.precision).toBeGreaterThanOrEqual(FLOORS.realWordOnlyPrecision);
  });
});

if (!haveShared()) {
  it('spelling conformance', () => {
    console.log('SKIP spelling conformance: ../shared/data not found (set DABIR_SHARED to run it)');
  });
}
