/** Limits of `dabir serve` that the CLI checks before it loads the server, and the server checks again. */

/**
 * The largest --max-body: 256 MiB. A body is decoded into one string, and V8's longest string is 2^29 - 24 UTF-16
 * units (512 MiB of ASCII): a 560 MiB JSON body of ASCII under --max-body 2000mb was answered 400 "the body is not
 * valid UTF-8". Half of that leaves room for the JSON's own copies and the worker's.
 */
export const MAX_BODY_LIMIT = 256 << 20;

/** The longest --timeout: a Node timer longer than 2^31 - 1 ms fires at once (TimeoutOverflowWarning). */
export const MAX_TIMEOUT_MS = 2 ** 31 - 1;
