/**
 * README examples run as tests: every ```js block of README.md is executed against the library; a statement followed
 * by a `// → value` comment (continued on `//    ` lines) must produce that value.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as dabir from '../src/node/index.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const blocks = [...readme.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]!);

function compile(block: string): string {
  const lines = block.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^import .* from 'dabir';$/.test(line.trim())) {
      out.push(line.replace(/^import\s*\{([^}]*)\}\s*from 'dabir';/, 'const {$1} = dabir;'));
      continue;
    }
    if (line.startsWith('// →')) {
      let expected = line.slice(4).trim();
      while (i + 1 < lines.length && /^\/\/\s{3,}/.test(lines[i + 1]!)) expected += ' ' + lines[++i]!.slice(2).trim();
      const stmt = out.pop()!.replace(/;\s*(\/\/.*)?$/, '');
      out.push(`check(${stmt}, (${expected}), ${JSON.stringify(stmt)});`);
      continue;
    }
    out.push(line);
  }
  return out.join('\n');
}

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
