/**
 * Conformance: search keys (searchKey, the folded lemma; stem, the light stemmer) against the treebanks' lemmas on the
 * validation splits (scripts/eval-stem.ts), compared with the stored baseline: conflation may fall by at most one
 * point; the share of lemma forms a key changes stays under its ceiling; on text with its ZWNJs typed as spaces, the
 * share of the right text's terms kept, and of words typed without their ZWNJ that keep their key, may fall by at most
 * one point. Without ../shared/data it prints one SKIP line.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { haveShared } from '../../scripts/lib/corpus.js';

const baseline = JSON.parse(readFileSync(new URL('./baselines.json', import.meta.url), 'utf8')).search as {
  searchKeyConflation: Record<string, number>;
  brokenText: Record<string, { spaced: number; query: number }>;
  searchKeyDamageMax: number;
  stemDamageMax: number;
};

// (a guard, not describe.runIf: vitest runs the body of a skipped describe to collect its tests)
if (haveShared()) describe('search keys conformance (validation splits)', () => {
  const out = execFileSync('npx', ['tsx', 'scripts/eval-stem.ts'], { cwd: new URL('../../', import.meta.url), encoding: 'utf8', env: { ...process.env, EVAL_OUT: '-' } });
  const { results: r, broken } = JSON.parse(out.slice(out.indexOf('JSON:') + 5)) as {
    results: Record<string, Record<string, { conflation: number; damage: number }>>;
    broken: Record<string, Record<string, { spaced: number; query: number }>>;
  };
  for (const [name, base] of Object.entries(baseline.searchKeyConflation)) {
    it(`${name}: searchKey conflation >= ${(100 * base).toFixed(1)} - 1, damage <= ${100 * baseline.searchKeyDamageMax}%; stem() damage <= ${100 * baseline.stemDamageMax}%`, () => {
      expect(r[name]!['searchKey()']!.conflation).toBeGreaterThanOrEqual(base - 0.01);
      expect(r[name]!['searchKey()']!.damage).toBeLessThanOrEqual(baseline.searchKeyDamageMax);
      expect(r[name]!['stem()']!.damage).toBeLessThanOrEqual(baseline.stemDamageMax);
    });
  }
  for (const [name, base] of Object.entries(baseline.brokenText)) {
    it(`${name}: ZWNJs typed as spaces, terms kept >= ${(100 * base.spaced).toFixed(1)} - 1; a word typed without its ZWNJ keeps its key >= ${(100 * base.query).toFixed(1)} - 1`, () => {
      expect(broken[name]!['searchTerms()']!.spaced).toBeGreaterThanOrEqual(base.spaced - 0.01);
      expect(broken[name]!['searchTerms()']!.query).toBeGreaterThanOrEqual(base.query - 0.01);
    });
  }
});

if (!haveShared()) {
  it('search keys conformance', () => {
    console.log('SKIP search keys conformance: ../shared/data not found (set DABIR_SHARED to run it)');
  });
}
