/**
 * Model resources handed over as bytes (data/*.bin): decoded, and checksum-verified, once per bytes object.
 */

/** A decoder that remembers its result for each bytes object (weakly: the bytes can still be collected). */
export function decodedOnce<M extends object>(decode: (bytes: Uint8Array) => M): (bytes: Uint8Array) => M {
  const cache = new WeakMap<Uint8Array, M>();
  return (bytes) => {
    let m = cache.get(bytes);
    if (!m) {
      m = decode(bytes);
      cache.set(bytes, m);
    }
    return m;
  };
}

/**
 * The model of a resource handed to a component: the model object itself, or the bytes of its file (decoded and
 * checked once per bytes object); anything else goes to `decode`, which throws its typed error.
 */
export function modelOf<M extends object>(isModel: (r: unknown) => r is M, decode: (bytes: Uint8Array) => M): (res: unknown) => M {
  const once = decodedOnce(decode);
  return (res) => (isModel(res) ? res : res instanceof Uint8Array ? once(res) : decode(res as Uint8Array));
}

/** Defines `key` on `o` as computed by `make` on its first read, then kept (read-only; enumerable unless `enumerable` is false). */
export function lazyField<T extends object, K extends keyof T>(o: T, key: K, make: () => T[K], enumerable = true): void {
  let v: T[K] | undefined;
  let done = false;
  Object.defineProperty(o, key, {
    enumerable,
    get: () => {
      if (!done) {
        v = make();
        done = true;
      }
      return v;
    },
  });
}
