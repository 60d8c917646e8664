/**
 * README examples run as tests: every ```js block of README.md is executed against the library; a statement followed
 * by a `// → value` comment (continued on `//    ` lines) must produce that value.
 */
import { describe, expect, it } from 'vitest';
import * as dabir from '../src/node/index.js';
import { compileBlock as compile, readmeBlocks as blocks } from './helpers/readme.js';

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
