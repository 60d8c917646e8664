/**
 * The README's ```js examples as runnable code: every `import { … } from 'dabir'` line becomes a destructuring of a
 * `dabir` object, and a statement followed by a `// → value` comment (continued on `//    ` lines) becomes
 * `check(statement, value, "statement")`. Used by test/readme.test.ts (against the source) and
 * test/package.test.ts (against the packed and installed package).
 */
import { readFileSync } from 'node:fs';

export const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

/** The bodies of the README's ```js blocks, in order. */
export const readmeBlocks: string[] = [...readme.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]!);

/** A block as the body of a function of (dabir, check). */
export function compileBlock(block: string): string {
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

/** Every name the README imports from 'dabir'. */
export function readmeImports(): string[] {
  const names = new Set<string>();
  for (const m of readme.matchAll(/^import\s*\{([^}]*)\}\s*from 'dabir';$/gm)) {
    for (const n of m[1]!.split(',')) if (n.trim()) names.add(n.trim().split(/\s+as\s+/)[0]!);
  }
  return [...names];
}

/**
 * Every ```js and ```ts block of the README as one TypeScript module, each block the body of an async function of its
 * own, its imports (from 'dabir', 'dabir/browser', ...) gathered at the top: what a TypeScript user who pastes the
 * examples gets from the compiler.
 */
export function readmeAsTypeScript(): string {
  const imports = new Map<string, Set<string>>();
  const bodies: string[] = [];
  [...readme.matchAll(/```(?:js|ts)\n([\s\S]*?)```/g)].forEach((m, k) => {
    const lines: string[] = [];
    for (const line of m[1]!.split('\n')) {
      const imp = /^import\s*\{([^}]*)\}\s*from '([^']+)';$/.exec(line.trim());
      if (!imp) {
        lines.push(line);
        continue;
      }
      const names = imports.get(imp[2]!) ?? new Set<string>();
      for (const n of imp[1]!.split(',')) if (n.trim()) names.add(n.trim());
      imports.set(imp[2]!, names);
    }
    bodies.push(`export async function block${k + 1}(): Promise<void> {\n${lines.join('\n')}\n}`);
  });
  const head = [...imports].map(([from, names]) => `import { ${[...names].join(', ')} } from '${from}';`);
  return [...head, ...bodies].join('\n');
}
