/**
 * Errors of the HTTP service. Every error response has the body `{"error": {"code", "message", ...}}` with a fixed
 * code, never a stack trace. The library's own DabirError codes keep their names (E_BAD_OPTION, E_BAD_INPUT, ...);
 * the codes below are the ones only HTTP can produce.
 */
import { DabirError } from '../node/index.js';

export const SERVER_CODES = {
  E_BAD_JSON: 'The body is not valid JSON (or not UTF-8).',
  E_BAD_REQUEST: 'The request line or headers cannot be understood.',
  E_NOT_FOUND: 'No such route or file.',
  E_METHOD_NOT_ALLOWED: 'The route exists but not for this method (see the Allow header).',
  E_REQUEST_TIMEOUT: 'The body did not arrive within the time budget.',
  E_TOO_LARGE: 'The body is larger than the limit (--max-body).',
  E_HEADERS_TOO_LARGE: 'The request headers are too large.',
  E_UNSUPPORTED_MEDIA_TYPE: 'The Content-Type is not application/json or application/x-ndjson (UTF-8), or the body is compressed.',
  E_TIMEOUT: 'The work did not finish within the time budget (--timeout).',
  E_BUSY: 'Too many requests are waiting; retry later.',
  E_SHUTTING_DOWN: 'The server is shutting down.',
  E_INTERNAL: 'Something failed inside the server.',
} as const;

export type ServerErrorCode = keyof typeof SERVER_CODES;

/** The body of an error response. */
export interface ErrorBody {
  error: {
    code: string;
    message: string;
    hint?: string;
    /** for E_BAD_OPTION: the option (or body field) and its allowed values */
    option?: string;
    allowed?: readonly unknown[];
    /** for NDJSON batches: the 1-based line of the request the error is about */
    line?: number;
  };
}

/** An error that becomes an HTTP response with `status`. */
export class HttpError extends Error {
  readonly status: number;
  readonly code: string;
  readonly hint: string | undefined;
  readonly extra: Record<string, unknown>;
  readonly headers: Record<string, string>;
  constructor(status: number, code: ServerErrorCode | DabirError['code'], message: string, extra: { hint?: string; option?: string; allowed?: readonly unknown[]; headers?: Record<string, string> } = {}) {
    super(message);
    this.name = 'HttpError';
    this.status = status;
    this.code = code;
    this.hint = extra.hint;
    const { headers, hint: _hint, ...rest } = extra;
    this.extra = rest;
    this.headers = headers ?? {};
  }

  body(line?: number): ErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.hint ? { hint: this.hint } : {}),
        ...this.extra,
        ...(line !== undefined ? { line } : {}),
      },
    };
  }
}

/** HTTP status of a library error code: the caller's fault (4xx) or ours (5xx). */
const DABIR_STATUS: Record<DabirError['code'], number> = {
  E_BAD_OPTION: 400,
  E_BAD_INPUT: 400,
  E_UNKNOWN_COMPONENT: 400,
  E_REQUIREMENT_UNMET: 400,
  E_USAGE: 400,
  E_BAD_NUMBER: 400,
  E_BAD_DATE: 400,
  E_BAD_CONLLU: 400,
  E_LINE_TOO_LONG: 400,
  E_RESOURCE_MISSING: 500,
  E_RESOURCE_CORRUPT: 500,
  E_RESOURCE_VERSION: 500,
  E_IO: 500,
};

/**
 * Any thrown value as an HttpError. DabirErrors keep their code, message and hint (their message carries
 * "CODE: ... (hint)", which is taken apart again); anything else is an internal error whose details stay in the log.
 */
export function toHttpError(err: unknown): HttpError {
  if (err instanceof HttpError) return err;
  if (err instanceof DabirError) {
    let message = err.message;
    if (message.startsWith(`${err.code}: `)) message = message.slice(err.code.length + 2);
    if (err.hint && message.endsWith(` (${err.hint})`)) message = message.slice(0, -(err.hint.length + 3));
    const d = err.details;
    return new HttpError(DABIR_STATUS[err.code] ?? 500, err.code, message, {
      ...(err.hint ? { hint: err.hint } : {}),
      ...(d && typeof d.option === 'string' ? { option: d.option } : {}),
      ...(d && Array.isArray(d.allowed) ? { allowed: d.allowed } : {}),
    });
  }
  return new HttpError(500, 'E_INTERNAL', 'internal error', { hint: 'the details are in the server log; retry, and report it if it happens again' });
}

/** Library errors that say something about the server, not the request: worth a line in the log. */
export function isServerFault(e: HttpError): boolean {
  return e.status >= 500 && e.code !== 'E_TIMEOUT' && e.code !== 'E_BUSY' && e.code !== 'E_SHUTTING_DOWN';
}
