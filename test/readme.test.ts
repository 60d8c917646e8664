/**
 * README examples run as tests: every ```js block of README.md is executed against the library; a statement followed
 * by a `// → value` comment (continued on `//    ` lines) must produce that value.
 */
import { describe, expect, it } from 'vitest';
import * as browser from '../src/browser/index.js';
import * as dabir from '../src/node/index.js';
import { compileBlock as compile, readme, readmeBlocks as blocks } from './helpers/readme.js';

describe('README examples', () => {
  it('has js examples', () => expect(blocks.length).toBeGreaterThan(0));
  blocks.forEach((block, k) => {
    it(`block ${k + 1} runs and gives the documented values`, () => {
      let checks = 0;
      const check = (got: unknown, want: unknown, what: string): void => {
        checks++;
        expect(JSON.parse(JSON.stringify(got)), what).toEqual(want);
      };
      new Function('dabir', 'check', compile(block))(dabir, check);
      expect(checks).toBeGreaterThan(0);
    });
  });
});

describe("README's API table", () => {
  // The rows of the table under *Use (library)*: every name its Node column writes in code (a call `name(…)`, a
  // constant, a class; not a method `.name(…)` nor the `*_FORMAT_VERSION` pattern) is an export of 'dabir' (Node;
  // it re-exports the core) or of 'dabir/browser'. Reason: the table is what a user reads first, and an audit found
  // exports it did not name and options it did not list; a name renamed or dropped in the code must fail here.
  const start = readme.indexOf('| task | Node (`dabir`) | what you get |');
  const rows = readme.slice(start, readme.indexOf('\n\n', start)).split('\n').slice(2);
  const exported = new Set([...Object.keys(dabir), ...Object.keys(browser)]);
  it('has its rows', () => expect(rows.length).toBeGreaterThan(20));
  for (const row of rows) {
    const [, task, node] = row.match(/^\| (.*?) \| (.*?) \| /) ?? [];
    it(`row "${task}": every name is exported`, () => {
      const names = [...(node ?? '').matchAll(/`([A-Za-z_$][\w$]*)(?:\(|`)/g)].map((m) => m[1]!).filter((n) => n !== 'false');
      expect(names.length, row).toBeGreaterThan(0);
      expect(names.filter((n) => !exported.has(n)), row).toEqual([]);
    });
  }
});
