/**
 * Conformance: half-space restoration scored on the PerDT and Seraji dev text (never trained on), compared with the
 * stored baseline. A drop of more than 0.5 point F1, or more wrong joins than the baseline allows, fails.
 * Without ../shared/data it prints one SKIP line.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { haveShared } from '../../scripts/lib/corpus.js';

const baseline = JSON.parse(readFileSync(new URL('./baselines.json', import.meta.url), 'utf8')).halfspace as Record<
  string,
  Record<string, { f1: number; wrongJoins: number }>
>;

const informalBaseline = JSON.parse(readFileSync(new URL('./baselines.json', import.meta.url), 'utf8')).halfspaceInformal as Record<
  string,
  { verbShare: number; othersSplit: number; pluralsRight: number; nonPluralsSplit: number; hostsRight: number; nonHostsSplit: number; writtenShare: number; spacedJoined: number }
>;

// (a guard, not describe.runIf: vitest runs the body of a skipped describe to collect its tests, and the
// evaluation it starts would fail without the data)
if (haveShared()) describe('half-space conformance (dev treebank text)', () => {
  const out = execFileSync('npx', ['tsx', 'scripts/eval-halfspace.ts'], {
    cwd: new URL('../../', import.meta.url),
    encoding: 'utf8',
    env: { ...process.env, EVAL_OUT: '-' },
  });
  const all = JSON.parse(out.slice(out.indexOf('JSON:') + 5));
  const results = all as Record<string, Record<string, { f1: number; wrongJoins: number }>>;
  for (const [set, conds] of Object.entries(baseline)) {
    for (const [cond, base] of Object.entries(conds)) {
      it(`${set} ${cond}: F1 >= baseline ${(100 * base.f1).toFixed(2)} - 0.5, wrong joins <= ${base.wrongJoins} + 3`, () => {
        const r = results[set]![cond]!;
        expect(r.f1).toBeGreaterThanOrEqual(base.f1 - 0.005);
        expect(r.wrongJoins).toBeLessThanOrEqual(base.wrongJoins + 3);
      });
    }
  }
  // informal blog text (iPerUDT dev): verbs in می/نمی given their ZWNJ, other words in می given one
  for (const [set, base] of Object.entries(informalBaseline)) {
    it(`informal ${set}: verbs in می/نمی restored >= ${(100 * base.verbShare).toFixed(2)}% - 0.5, other words split <= ${base.othersSplit} + 2`, () => {
      const r = (all.informalVerbs as Record<string, { verbs: number; verbsSplit: number; othersSplit: number }>)[set]!;
      expect(r.verbsSplit / r.verbs).toBeGreaterThanOrEqual(base.verbShare - 0.005);
      expect(r.othersSplit).toBeLessThanOrEqual(base.othersSplit + 2);
    });
    it(`informal ${set}: plurals + clitics right >= ${base.pluralsRight} - 1, other words in ها + clitic split <= ${base.nonPluralsSplit} + 1`, () => {
      const r = (all.informalVerbs as Record<string, { pluralsRight: number; nonPluralsSplit: number }>)[set]!;
      expect(r.pluralsRight).toBeGreaterThanOrEqual(base.pluralsRight - 1);
      expect(r.nonPluralsSplit).toBeLessThanOrEqual(base.nonPluralsSplit + 1);
    });
    it(`informal ${set}: words in ه + clitic right >= ${base.hostsRight} - 1, other words split after ه <= ${base.nonHostsSplit} + 1`, () => {
      const r = (all.informalVerbs as Record<string, { hostsRight: number; nonHostsSplit: number }>)[set]!;
      expect(r.hostsRight).toBeGreaterThanOrEqual(base.hostsRight - 1);
      expect(r.nonHostsSplit).toBeLessThanOrEqual(base.nonHostsSplit + 1);
    });
    it(`informal ${set}: tokens the writer wrote with a ZWNJ restored >= ${(100 * base.writtenShare).toFixed(2)}% - 0.5`, () => {
      const r = (all.informalVerbs as Record<string, { written: number; writtenRestored: number }>)[set]!;
      expect(r.writtenRestored / r.written).toBeGreaterThanOrEqual(base.writtenShare - 0.005);
    });
    it(`informal ${set}: plurals + clitics and words in ه + clitic typed apart, joined >= ${base.spacedJoined} - 1`, () => {
      const r = (all.informalVerbs as Record<string, { spacedJoined: number }>)[set]!;
      expect(r.spacedJoined).toBeGreaterThanOrEqual(base.spacedJoined - 1);
    });
  }
});

if (!haveShared()) {
  it('half-space conformance', () => {
    console.log('SKIP half-space conformance: ../shared/data not found (set DABIR_SHARED to run it)');
  });
}
