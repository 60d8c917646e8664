/**
 * Each command's --help is true, and README's CLI section with it: every option a command's help lists works with
 * that command (its parser takes it: whatever the value, the answer is no "unknown option" and no "is an option of"
 * another command), every option that works is in the help, and README's synopsis of the command lists the same
 * options. The options are walked from the parsers (src/cli/main.ts commandOptions), the helps and README, so an
 * option added to one of them alone fails here.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { commandOptions } from '../src/cli/main.js';
import { cli } from './helpers/cli.js';

const specs = commandOptions();
const commands = Object.keys(specs);

/** the options a text names: --long and -s, as written (not -- alone, not a negative number, not a word-with-hyphen) */
function optionsIn(text: string): Set<string> {
  return new Set([...text.matchAll(/(?<![\w-])(--[a-z][a-z-]*[a-z]|-[a-zA-Z])(?![\w-])/g)].map((m) => m[1]!));
}

/** every option a parser takes, as typed: --name, and -s for a short name */
function parsed(cmd: string): string[] {
  const out: string[] = [];
  for (const [name, o] of Object.entries(specs[cmd]!)) {
    out.push(`--${name}`);
    if (o.short) out.push(`-${o.short}`);
  }
  return out;
}

/** README's synopsis of each command: the lines of the CLI section's first block from "dabir CMD" to the next command */
function readmeSynopsis(): Map<string, string> {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const section = readme.slice(readme.indexOf('\n## CLI\n'));
  const block = /```\n([\s\S]*?)```/.exec(section)![1]!;
  const out = new Map<string, string>();
  let cmd: string | undefined;
  for (const line of block.split('\n')) {
    const m = /^dabir ([a-z]+)/.exec(line);
    if (m) cmd = m[1];
    else if (!/^\s/.test(line)) cmd = undefined; // (dabir --help | --version)
    if (cmd) out.set(cmd, (out.get(cmd) ?? '') + line.replace(/^dabir [a-z]+/, '') + '\n');
  }
  return out;
}

/** whether `dabir cmd option` is refused as an option the command does not have */
async function refused(cmd: string, option: string): Promise<{ refused: boolean; said: string }> {
  const takesValue = Object.entries(specs[cmd]!).some(([name, o]) => o.type === 'string' && (option === `--${name}` || option === `-${o.short}`));
  const argv = [cmd, option, ...(takesValue ? ['x'] : [])];
  // serve: a port that is none stops it before it listens (the option's own value does, for --port)
  if (cmd === 'serve' && option !== '--port' && option !== '-p' && option !== '-h' && option !== '--help') argv.push('--port', 'x');
  const r = await cli(argv, 'سلام\n');
  return { refused: r.code === 2 && /unknown option|is an option of "dabir /.test(r.err), said: r.err.trim() || `exit ${r.code}` };
}

describe('each command: its help, its parser and README agree', () => {
  const readme = readmeSynopsis();
  it('README has a synopsis of each command, and each command of it exists', () => {
    expect([...readme.keys()].sort()).toEqual([...commands].sort());
  });
  for (const cmd of commands) {
    it(`dabir ${cmd}`, async () => {
      const help = (await cli([cmd, '--help'])).out;
      const documented = optionsIn(help);
      // (every option the help names is one of its parser's: its text names no other command's)
      const candidates = new Set([...parsed(cmd), ...documented, ...optionsIn(readme.get(cmd) ?? '')]);
      const wrong: string[] = [];
      for (const o of candidates) {
        const r = await refused(cmd, o);
        if (documented.has(o) && r.refused) wrong.push(`${o} is in the help but refused: ${r.said}`);
        if (!documented.has(o) && !r.refused) wrong.push(`${o} works but is not in the help (${r.said})`);
      }
      expect(wrong).toEqual([]);
      // README lists the same options as the help (-h and --help: README's "dabir --help" line says it for all)
      const inReadme = [...optionsIn(readme.get(cmd) ?? '')].sort();
      const inHelp = [...documented].filter((o) => o !== '-h' && o !== '--help').sort();
      expect(inReadme, `README's synopsis of dabir ${cmd}`).toEqual(inHelp);
    });
  }
});

describe('options the walk above found working without a help line, and other option values the CLI took', () => {
  // [argv, exit, stderr, reason]
  const rows: [string[], number, RegExp, string][] = [
    [['keywords', '--n', '3'], 2, /^dabir: E_USAGE: unknown option '--n' \(run "dabir keywords --help" for usage; the option is -n\)/, 'parseArgs took the long form of the one-letter -n, which no help lists'],
    [['keywords', '--n=3'], 2, /unknown option '--n'/, 'the same, with ='],
    [['keywords', '-n', '3'], 0, /^$/, 'the option as the help writes it'],
    [['analyze', '--components', 'normalizer,tokenizer,tokenizer'], 2, /^dabir: E_BAD_OPTION: component "tokenizer" is named twice/, 'a component named twice ran (an annotator twice over every sentence): the library\'s createPipeline refuses it now'],
    [['tokenize', '--score'], 2, /^dabir: E_USAGE: --score is an option of "dabir analyze"/, 'said it "needs dabir analyze --input conllu": now as --format, --input, --components and --beam say it'],
  ];
  for (const [argv, code, err, why] of rows) {
    it(`dabir ${argv.join(' ')}: ${why}`, async () => {
      const r = await cli(argv, 'بانک مرکزی نرخ ارز را اعلام کرد.\n');
      expect(r.code).toBe(code);
      expect(r.err).toMatch(err);
    });
  }
});
