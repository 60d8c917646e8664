/**
 * Running the `dabir` CLI in-process for tests: main(argv, io) with fake standard streams.
 */
import { main, type CliInput, type CliOutput } from '../../src/cli/main.js';

export const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

/** Standard input delivered in the given pieces. */
export async function* chunks(parts: Uint8Array[]): AsyncGenerator<Uint8Array> {
  for (const p of parts) yield p;
}

/** A standard output that keeps what is written. */
export function sink(): CliOutput & { text: string } {
  const s = {
    text: '',
    write(c: string): boolean {
      s.text += c;
      return true;
    },
  };
  return s;
}

export interface Run {
  code: number;
  out: string;
  err: string;
}

/**
 * Runs `dabir argv` with `stdin` as standard input: a string (one piece), text pieces, bytes, byte pieces, or any
 * CliInput.
 */
export async function cli(argv: string[], stdin: string | string[] | Uint8Array | Uint8Array[] | CliInput = ''): Promise<Run> {
  const stdout = sink();
  const stderr = sink();
  let input: CliInput;
  if (typeof stdin === 'string') input = chunks([enc(stdin)]);
  else if (stdin instanceof Uint8Array) input = chunks([stdin]);
  else if (Array.isArray(stdin)) input = chunks(stdin.map((p) => (typeof p === 'string' ? enc(p) : p)));
  else input = stdin;
  const code = await main(argv, { stdin: input, stdout, stderr });
  return { code, out: stdout.text, err: stderr.text };
}
