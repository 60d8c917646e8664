/**
 * The committed data files are what their scripts build (scripts/check-artifacts.ts: the fast builds rerun in a copy
 * of the repository, compared byte for byte). Without ../shared/data it prints one SKIP line.
 */
import { describe, expect, it } from 'vitest';
import { checkArtifacts, FAST_BUILDS } from '../../scripts/check-artifacts.js';
import { haveShared } from '../../scripts/lib/corpus.js';

if (haveShared()) {
  describe('data artifacts', () => {
    it(`rebuild byte for byte (${FAST_BUILDS.map(([s]) => s).join(', ')})`, () => {
      expect(checkArtifacts()).toEqual([]);
    }, 600_000);
  });
} else {
  it('data artifacts', () => {
    console.log('SKIP data artifacts rebuild check: ../shared/data not found (set DABIR_SHARED to run it)');
  });
}
