/**
 * README examples run as tests: every ```js block of README.md is executed against the library; a statement followed
 * by a `// → value` comment (continued on `//    ` lines) must produce that value.
 */
import { describe, expect, it } from 'vitest';
import * as browser from '../src/browser/index.js';
import * as dabir from '../src/node/index.js';
import { compileBlock as compile, readme, readmeBlocks as blocks } from './helpers/readme.js';
import { SERVER_CODES } from '../src/server/errors.js';

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

describe('every export is in the README', () => {
  // [entry, its exports, reason]: the API table checks that what it names is exported; nothing checked the other way,
  // so an export added without a word in the README went unnoticed. A name counts where the README writes it as a
  // word; the format versions count through the table's `*_FORMAT_VERSION` pattern.
  const ENTRIES: [string, string[], string][] = [
    ['dabir (Node)', Object.keys(dabir), 'the package entry, core included'],
    ['dabir/browser', Object.keys(browser), 'the fetch loader'],
  ];
  it.each(ENTRIES)('%s (%s)', (_entry, names, _why) => {
    const missing = names.filter((n) => !(/_FORMAT_VERSION$/.test(n) && readme.includes('`*_FORMAT_VERSION`')) && !new RegExp(`(?<![\\w$])${n.replace(/\$/g, '\\$')}(?![\\w$])`).test(readme));
    expect(names.length).toBeGreaterThan(0);
    expect(missing).toEqual([]);
  });
});

describe("README's error codes", () => {
  // [paragraph's opening words, reason]: the codes a paragraph lists, against the code's tables. Nothing compared them:
  // a code added to src/core/errors.ts or src/server/errors.ts, or renamed, left the README stale unnoticed.
  const paragraph = (start: string): string => {
    const at = readme.indexOf(start);
    return at < 0 ? '' : readme.slice(at, readme.indexOf('\n\n', at));
  };
  const codesIn = (text: string): string[] => [...new Set([...text.matchAll(/`(E_[A-Z_]+)`/g)].map((m) => m[1]!))].sort();
  const ROWS: [string, string[], string[], string][] = [
    ['Errors have fixed codes (`src/core/errors.ts`', Object.keys(dabir.CODES).sort(), Object.keys(dabir.CODES), "the Layout section's list is CODES exactly"],
    ['Errors are JSON `{error: {code, message}}`', Object.keys(SERVER_CODES).sort(), [...Object.keys(SERVER_CODES), ...Object.keys(dabir.CODES)], "the service's list names every code of SERVER_CODES, and no code that exists nowhere"],
  ];
  it.each(ROWS)('%s …: the codes listed (%s)', (start, mustHave, known, _why) => {
    const listed = codesIn(paragraph(start));
    expect(listed.length, `the paragraph "${start}" is in README.md`).toBeGreaterThan(0);
    expect(mustHave.filter((c) => !listed.includes(c)), 'codes the README leaves out').toEqual([]);
    expect(listed.filter((c) => !known.includes(c)), 'codes the README names that do not exist').toEqual([]);
  });
});

describe("README's examples outside the js blocks", () => {
  // The opening in/out block and the examples the introduction writes in prose (`a` → `b`) were not run: only the
  // ```js blocks were. The in/out block is read from the README; each prose row must stand in the README as written
  // (both sides in backticks), so a reworded claim fails here until its row follows.
  it('the opening block: normalize(in) is out', () => {
    const m = /```\nin : (.*)\nout: (.*)\n```/.exec(readme);
    expect(m, 'the in/out block at the top of README.md').not.toBeNull();
    expect(dabir.normalize(m![1]!)).toBe(m![2]!);
  });
  // [function, input, output, reason]
  const PROSE: ['normalize' | 'formalize', string, string, string][] = [
    ['normalize', 'قرار\u200cبود', 'قرار بود', 'a ZWNJ typed for the space beside it is a space again'],
    ['normalize', 'میگیرن', 'می‌گیرن', "chat's glued verbs get their half-spaces"],
    ['normalize', 'کتابهامو', 'کتاب‌هامو', "chat's plurals and clitics"],
    ['normalize', 'همهشون', 'همه‌شون', 'the same'],
    ['normalize', 'بچهی', 'بچه‌ی', 'the same'],
    ['normalize', 'م ی دهد', 'می‌دهد', 'words OCR cut apart by a space are glued back'],
    ['normalize', 'ب ین', 'بین', 'the same'],
    ['normalize', 'ک ه', 'که', 'the same'],
    ['normalize', 'ویژگ ی', 'ویژگی', 'the same'],
    ['normalize', 'حرف ب را', 'حرف ب را', 'a letter before a word stays'],
    ['normalize', 'می&zwnj;خواهم', 'می&zwnj;خواهم', 'a ZWNJ written as a character reference passes through unchanged'],
    ['formalize', 'یه کتاب میخوام', 'یک کتاب\n  می‌خواهم', 'formalize rewrites colloquial text (the README breaks the line inside the backticks)'],
  ];
  it.each(PROSE)('%s(%j) is %j, as the README says (%s)', (fn, input, output, _why) => {
    expect(readme, 'the input as the README writes it').toContain(`\`${input}\``);
    expect(readme, 'the output as the README writes it').toContain(`\`${output}\``);
    expect(dabir[fn](input)).toBe(output.replace(/\n\s*/g, ' '));
  });
});
