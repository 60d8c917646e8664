/**
 * SHA-256 (FIPS 180-4) over bytes, pure TypeScript (the core may not import node:crypto). Used to check the models
 * (tagger, parser, spelling data) when they are loaded.
 *
 * A loader that has a native SHA-256 (Node's `crypto`) installs it with `useNativeSha256`: the pure version takes
 * about 10 ms per MB, a third of the load time of the tagger and parser, the native one about 1 ms per MB. Both give
 * the same digest (tested); the pure one stays the default, so the core works alone in any runtime.
 */
const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01,
  0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc,
  0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
  0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08,
  0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

let native: ((data: Uint8Array) => Uint8Array) | null = null;

/** Installs a native SHA-256 (it must return the 32-byte digest); `null` goes back to the pure one. */
export function useNativeSha256(impl: ((data: Uint8Array) => Uint8Array) | null): void {
  native = impl;
}

/** digests computed elsewhere, by buffer: [byteOffset, byteLength, digest] */
const remembered = new WeakMap<ArrayBufferLike, [number, number, Uint8Array][]>();

/**
 * Records the SHA-256 of `data` computed by other means — a browser's Web Crypto, which is asynchronous, before the
 * synchronous decode that checks the same bytes: `sha256` of the same view (same buffer, offset and length) then
 * returns it instead of hashing again in TypeScript (~10 ms per MB: ~350 ms for the models a browser loads).
 */
export function rememberSha256(data: Uint8Array, digest: Uint8Array): void {
  if (digest.length !== 32) return;
  const list = remembered.get(data.buffer) ?? [];
  list.push([data.byteOffset, data.byteLength, digest.slice()]);
  remembered.set(data.buffer, list);
}

/** SHA-256 digest of `data` (32 bytes). */
export function sha256(data: Uint8Array): Uint8Array {
  const list = remembered.get(data.buffer);
  if (list) for (const [o, n, d] of list) if (o === data.byteOffset && n === data.byteLength) return d.slice();
  return native !== null ? native(data) : sha256Pure(data);
}

/** SHA-256 in TypeScript (no native code). */
export function sha256Pure(data: Uint8Array): Uint8Array {
  const H = new Int32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
  const w = new Int32Array(64);
  const n = data.length;
  const full = n - (n % 64);
  // in chunks: short calls get optimized by the JIT sooner than one long loop
  for (let off = 0; off < full; off += 4096) compress(H, w, data, off, Math.min(full, off + 4096));
  const restLen = n - full;
  const tail = new Uint8Array(restLen + 9 > 64 ? 128 : 64);
  tail.set(data.subarray(full));
  tail[restLen] = 0x80;
  const bits = n * 8;
  const hi = Math.floor(bits / 0x100000000);
  const lo = bits >>> 0;
  const L = tail.length;
  tail[L - 8] = hi >>> 24;
  tail[L - 7] = (hi >>> 16) & 255;
  tail[L - 6] = (hi >>> 8) & 255;
  tail[L - 5] = hi & 255;
  tail[L - 4] = lo >>> 24;
  tail[L - 3] = (lo >>> 16) & 255;
  tail[L - 2] = (lo >>> 8) & 255;
  tail[L - 1] = lo & 255;
  compress(H, w, tail, 0, L);
  const out = new Uint8Array(32);
  for (let i = 0; i < 8; i++) {
    const v = H[i]!;
    out[i * 4] = v >>> 24;
    out[i * 4 + 1] = (v >>> 16) & 255;
    out[i * 4 + 2] = (v >>> 8) & 255;
    out[i * 4 + 3] = v & 255;
  }
  return out;
}

function compress(H: Int32Array, w: Int32Array, buf: Uint8Array, from: number, to: number): void {
  let h0 = H[0]!, h1 = H[1]!, h2 = H[2]!, h3 = H[3]!, h4 = H[4]!, h5 = H[5]!, h6 = H[6]!, h7 = H[7]!;
  for (let off = from; off < to; off += 64) {
    for (let i = 0; i < 16; i++) {
      const j = off + i * 4;
      w[i] = (buf[j]! << 24) | (buf[j + 1]! << 16) | (buf[j + 2]! << 8) | buf[j + 3]!;
    }
    for (let i = 16; i < 64; i++) {
      const x = w[i - 15]!;
      const y = w[i - 2]!;
      const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
      const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
      w[i] = (w[i - 16]! + s0 + w[i - 7]! + s1) | 0;
    }
    let a = h0, b = h1, c = h2, d = h3, e = h4, f = h5, g = h6, hh = h7;
    for (let i = 0; i < 64; i++) {
      const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      const ch = (e & f) ^ (~e & g);
      const t1 = (hh + S1 + ch + K[i]! + w[i]!) | 0;
      const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const maj = (a & b) ^ (a & c) ^ (b & c);
      const t2 = (S0 + maj) | 0;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) | 0;
    }
    h0 = (h0 + a) | 0;
    h1 = (h1 + b) | 0;
    h2 = (h2 + c) | 0;
    h3 = (h3 + d) | 0;
    h4 = (h4 + e) | 0;
    h5 = (h5 + f) | 0;
    h6 = (h6 + g) | 0;
    h7 = (h7 + hh) | 0;
  }
  H[0] = h0; H[1] = h1; H[2] = h2; H[3] = h3; H[4] = h4; H[5] = h5; H[6] = h6; H[7] = h7;
}

export function toHex(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += bytes[i]!.toString(16).padStart(2, '0');
  return s;
}
