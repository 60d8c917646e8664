/**
 * Errors with fixed codes. Text is data: no core function throws on any string input.
 * Throwing is reserved for programmer errors (bad options, missing or corrupt resources).
 */
export const CODES = {
  E_BAD_OPTION: 'An option has an unknown name or a value outside its allowed set.',
  E_BAD_INPUT: 'The input is not a string.',
  E_UNKNOWN_COMPONENT: 'A pipeline names a component that is not registered.',
  E_REQUIREMENT_UNMET: 'A component needs something that no earlier component provides.',
  E_RESOURCE_MISSING: 'A component needs a resource that was not loaded.',
  E_RESOURCE_CORRUPT: 'A resource failed its size or checksum check.',
  E_RESOURCE_VERSION: 'A resource was built for another format version.',
  E_USAGE: 'The command line is not valid.',
  E_IO: 'A file or stream could not be read or written.',
  E_BAD_NUMBER: 'A value given as a number is not one, or is outside the range that can be read.',
  E_BAD_DATE: 'A date that does not exist (31 Mehr, month 13) or lies outside the years the calendar covers.',
  E_BAD_CONLLU: 'A line of CoNLL-U input is neither a comment nor a word line of 10 tab-separated columns with a valid ID.',
  E_LINE_TOO_LONG: 'A line of input is longer than a CLI command that holds one line at a time takes (128 Mi UTF-16 units; spell: 32 Mi): break the text into lines.',
} as const;

export type ErrorCode = keyof typeof CODES;

export class DabirError extends Error {
  readonly code: ErrorCode;
  readonly hint: string;
  readonly details: Record<string, unknown> | undefined;
  /**
   * `e instanceof DabirError` holds for a DabirError of any copy of this class. Under Node the package's entries share
   * one copy of the core (scripts/bundle-node.ts), but a program can still hold two (a tool that resolves `dabir/core`
   * without the "node" condition next to `dabir`, or a bundler that inlines the package twice), and an error thrown by
   * one copy's normalize was then no instance of the other's DabirError. An Error named DabirError with a code of CODES
   * is one.
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    if (!(value instanceof Error) || value.name !== 'DabirError') return false;
    const code = (value as { code?: unknown }).code;
    return typeof code === 'string' && Object.prototype.hasOwnProperty.call(CODES, code);
  }
  constructor(code: ErrorCode, message: string, hint = '', details?: Record<string, unknown>) {
    super(`${String(code)}: ${String(message)}${hint ? ` (${String(hint)})` : ''}`); // (String: a symbol in a template is a TypeError)
    this.name = 'DabirError';
    this.code = code;
    this.hint = hint;
    this.details = details;
  }
}

/** a value as an error message shows it: JSON, but NaN, Infinity, undefined, a bigint or a function as themselves */
export function showValue(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'bigint' || value === undefined || typeof value === 'function' || typeof value === 'symbol') return String(value);
  try {
    return JSON.stringify(value) ?? Object.prototype.toString.call(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

/** An options argument: undefined is {}; anything but an object (null, a string, an array) is E_BAD_OPTION. */
export function optionsObject<T extends object>(o: T | null | undefined, what: string): T {
  if (o === undefined) return {} as T;
  if (o === null || typeof o !== 'object' || Array.isArray(o)) throw badOption('options', o, [`an object of ${what} options`]);
  return o;
}

/**
 * An options argument with its known names: as optionsObject, and a name not in `known` (with a value other than
 * undefined, as the normalizer's options) is E_BAD_OPTION naming the known ones: a misspelt option is never ignored.
 */
export function knownOptions<T extends object>(o: T | null | undefined, what: string, known: readonly string[]): T {
  const opts = optionsObject(o, what);
  // (Object.keys, not Object.entries: this runs on every call of the tokenizer, and the pairs were 4% of it sentence by sentence)
  for (const k of Object.keys(opts)) {
    const v = (opts as Record<string, unknown>)[k];
    if (v !== undefined && !known.includes(k)) {
      // (a component without options, ner, said "known options: " with nothing after it)
      throw new DabirError('E_BAD_OPTION', `unknown ${what} option ${JSON.stringify(k)}`, known.length ? `known options: ${known.join(', ')}` : `${what} takes no options`, { option: k, value: v, allowed: known });
    }
  }
  return opts;
}

/** A boolean option: undefined, true or false; anything else is E_BAD_OPTION. */
export function booleanOption(name: string, value: unknown): boolean | undefined {
  if (value === undefined || typeof value === 'boolean') return value;
  throw new DabirError('E_BAD_OPTION', `option "${name}" cannot be ${showValue(value)}`, 'use true or false', { option: name, value, allowed: [true, false] });
}

/**
 * What a value of the wrong kind is, for the "got …" of an E_BAD_INPUT message: null, undefined, number, string,
 * boolean, symbol, bigint, function, an array, an instance of its class (Uint8Array, Map, a Doc where a string was
 * expected), or an object of other fields (a plain object). The one description of a given value: every argument
 * check says it with this, so the same bad value reads the same in every function's error.
 */
export function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value !== 'object') return typeof value;
  const proto = Object.getPrototypeOf(value) as { constructor?: { name?: unknown } } | null;
  const name = proto === null || proto === Object.prototype ? undefined : proto.constructor?.name;
  // (the Node bundle's classes are named _AlignedText, _Doc by esbuild where a class refers to itself: the class's name)
  return typeof name === 'string' && name !== '' && name !== 'Object' ? `an instance of ${name.replace(/^_(?=[A-Z])/, '')}` : 'an object of other fields';
}

/**
 * The model argument of such a function: an object with the method `method` (what `maker` returns), else E_BAD_INPUT
 * naming the function and the maker.
 */
export function modelArgument<M>(model: M, method: string, fn: string, maker: string, how = `${maker}(the bytes of its data file)`): M {
  if (model === null || typeof model !== 'object' || typeof (model as Record<string, unknown>)[method] !== 'function') {
    throw new DabirError('E_BAD_INPUT', `${fn} expects a model made by ${maker}, got ${kindOf(model)}`, `pass ${how}, or use a pipeline, which loads it`);
  }
  return model;
}

/**
 * An argument that must be an object with the fields `fields` (the decoded data of a model, what a trainer or a
 * decoder gives; a Sentence; an AlignedText): anything else (null, a number, a string, an array, an object without
 * them) is E_BAD_INPUT naming the function and what it expects, not a TypeError from inside ("Cannot read properties
 * of null (reading 'header')"). Only the fields' presence is checked: one test per call.
 */
export function dataArgument<T>(value: T, fn: string, what: string, fields: readonly string[], hint: string): T {
  const o = value as Record<string, unknown> | null;
  if (o === null || typeof o !== 'object' || Array.isArray(o) || fields.some((f) => o[f] === undefined)) {
    throw new DabirError('E_BAD_INPUT', `${fn} expects ${what}, got ${kindOf(value)}`, hint);
  }
  return value;
}

/** An argument that must be an array (of objects or of strings, with `items`): else E_BAD_INPUT naming the function. */
export function listArgument<T>(value: T, fn: string, what: string, hint: string, items?: 'object' | 'string'): T {
  if (!Array.isArray(value)) throw new DabirError('E_BAD_INPUT', `${fn} expects ${what}, got ${kindOf(value)}`, hint);
  if (items !== undefined) {
    for (const x of value as unknown[]) {
      if (items === 'string' ? typeof x !== 'string' : x === null || typeof x !== 'object') throw new DabirError('E_BAD_INPUT', `${fn} expects ${what}, got ${showValue(x)} in it`, hint);
    }
  }
  return value;
}

/**
 * A number argument of a model's method (an id, a scheme index, a beam width): a number, else E_BAD_OPTION naming the
 * method (a symbol or a bigint was "Cannot convert a Symbol value to a number" from inside). Its range is the method's:
 * a look-up answers no match for an id out of range.
 */
export function numberArgument(value: unknown, fn: string, what: string): number {
  if (typeof value !== 'number') throw new DabirError('E_BAD_OPTION', `${fn} expects ${what}, got ${value === undefined || value === null ? String(value) : kindOf(value)}`, `give ${what}`, { option: what, value });
  return value;
}

/** A text argument: a string, else E_BAD_INPUT naming the function. */
export function textArgument(text: unknown, fn: string): string {
  if (typeof text !== 'string') throw badText(text, fn);
  return text;
}

/**
 * The E_BAD_INPUT of a function that expects a text and got `value`: what was given said by kindOf, and for bytes (a
 * Buffer from readFileSync without an encoding, a Uint8Array from fetch) how to make them a string.
 */
export function badText(value: unknown, fn: string, what = 'the text'): DabirError {
  const bytes = value instanceof Uint8Array || value instanceof ArrayBuffer;
  return new DabirError('E_BAD_INPUT', `${fn} expects a string, got ${kindOf(value)}`, bytes ? `pass ${what} as a string: new TextDecoder().decode(bytes), or readFileSync(file, 'utf8')` : `pass ${what} as a string`);
}

/**
 * E_BAD_OPTION for option `name`: `allowed` its values ("use one of: "fa", "latin""), or, when every item has a space,
 * descriptions of what it takes ("give a whole number of 0 or more": it read 'use one of: "a whole number >= 0"').
 */
export function badOption(name: string, value: unknown, allowed: readonly string[]): DabirError {
  const described = allowed.length > 0 && allowed.every((a) => a.includes(' '));
  return new DabirError(
    'E_BAD_OPTION',
    `option "${name}" cannot be ${showValue(value)}`,
    described ? `give ${allowed.join(', or ')}` : `use one of: ${allowed.map((a) => JSON.stringify(a)).join(', ')}`,
    { option: name, value, allowed },
  );
}
