/**
 * Do the committed data files match what their scripts build? Copies the tracked files of this repository to a
 * temporary directory, runs the fast build scripts there (from ../shared/data, as `npm run ...` would), and compares
 * every data file they write with the committed one, byte for byte (sha256). Catches a change of the code a build
 * reads (a lookup key, a tokenizer rule) that was not followed by a rebuild: the committed file would then no longer
 * be what `npm run build:*` / `train:*` gives.
 *
 *   npm run check:artifacts            # ~1.5 min; exit 1 and the list of files that differ
 *
 * The two slow trainings (train:tagger ~3 min, train:parser ~18 min) are left out: run them by hand and compare
 * data/manifest.json. Prints one SKIP line without ../shared/data.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { haveShared, ROOT, SHARED } from './lib/corpus.js';

/** build step → the data files it writes */
export const FAST_BUILDS: [string, string[]][] = [
  ['train:tokenizer', ['data/mwt.json', 'data/mwt-informal.json']],
  ['train:lemmatizer', ['data/lemma.bin']],
  ['build:formal', ['data/formal.json']],
  ['build:stopwords', ['data/stopwords.json']],
  ['build:idf', ['data/idf.json']],
  ['train:halfspace', ['data/halfspace.bin']],
  ['train:ner', ['data/ner.bin']],
  ['build:spell', ['data/spell.bin']],
];

const sha = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

/** Runs the fast builds in a copy of the repository; returns the data files whose bytes differ from the committed ones. */
export function checkArtifacts(log: (line: string) => void = () => undefined): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'dabir-artifacts-'));
  try {
    const files = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);
    for (const f of files) {
      mkdirSync(dirname(join(dir, f)), { recursive: true });
      copyFileSync(join(ROOT, f), join(dir, f));
    }
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
    const differ: string[] = [];
    for (const [script, outputs] of FAST_BUILDS) {
      const t = performance.now();
      execFileSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), `scripts/${script.replace(':', '-')}.ts`], {
        cwd: dir,
        env: { ...process.env, DABIR_SHARED: SHARED },
        stdio: 'ignore',
      });
      for (const o of outputs) if (sha(join(dir, o)) !== sha(join(ROOT, o))) differ.push(o);
      log(`${script}: ${((performance.now() - t) / 1000).toFixed(1)} s`);
    }
    return differ;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (!haveShared()) {
    console.log('SKIP check:artifacts: ../shared/data not found (set DABIR_SHARED)');
    process.exit(0);
  }
  const differ = checkArtifacts((l) => console.log(l));
  if (differ.length) {
    console.log(`differ from what their scripts build: ${differ.join(', ')} (rebuild them and commit)`);
    process.exit(1);
  }
  console.log('every checked data file is what its script builds');
}
