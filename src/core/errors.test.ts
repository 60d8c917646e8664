import { describe, expect, it } from 'vitest';
import { CODES, DabirError, kindOf } from './errors.js';

/** a second copy of the class, as another entry's bundle holds one (the same source, another class object) */
class CopyOfDabirError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(`${code}: ${message}`);
    this.name = 'DabirError';
    this.code = code;
  }
}

describe('instanceof DabirError', () => {
  // [value, instanceof, reason]
  const ROWS: [unknown, boolean, string][] = [
    [new DabirError('E_IO', 'x'), true, 'this copy'],
    [new CopyOfDabirError('E_BAD_INPUT', 'x'), true, "another copy's error (dabir's bundle, caught with dabir/core's class): was false"],
    [new CopyOfDabirError('E_NO_SUCH_CODE', 'x'), false, 'a code that is not in CODES'],
    [Object.assign(new Error('x'), { code: 'E_IO' }), false, 'an Error with a code of CODES but another name (a Node error has codes too)'],
    [{ name: 'DabirError', code: 'E_IO', message: 'x' }, false, 'no Error at all'],
    [new Error('E_IO: x'), false, 'a plain Error'],
    [null, false, 'null'],
    ['E_IO', false, 'a string'],
  ];
  it.each(ROWS)('%s → %s (%s)', (value, want, _why) => {
    expect(value instanceof DabirError).toBe(want);
  });
  it('every code of CODES is an own key (the check reads no inherited name: "toString" is no code)', () => {
    expect(new CopyOfDabirError('toString', 'x') instanceof DabirError).toBe(false);
    for (const c of Object.keys(CODES)) expect(new CopyOfDabirError(c, 'x') instanceof DabirError).toBe(true);
  });
});

describe('kindOf: what was given, in the words of every error', () => {
  const _Bundled = class _Bundled {};
  class Plain {}
  // [value, words, reason]
  const ROWS: [unknown, string, string][] = [
    [null, 'null', 'null'],
    [undefined, 'undefined', 'undefined'],
    [5, 'number', 'a number'],
    [[], 'an array', 'a list'],
    [{}, 'an object of other fields', 'a plain object'],
    [Object.create(null), 'an object of other fields', 'an object without a prototype'],
    [new Uint8Array(2), 'an instance of Uint8Array', 'bytes where a text was expected'],
    [new Plain(), 'an instance of Plain', 'an instance of a class'],
    [new _Bundled(), 'an instance of Bundled', "the Node bundle's class names (esbuild's _AlignedText): was \"an instance of _AlignedText\""],
  ];
  it.each(ROWS)('%s → %s (%s)', (value, want, _why) => {
    expect(kindOf(value)).toBe(want);
  });
});
