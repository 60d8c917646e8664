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
