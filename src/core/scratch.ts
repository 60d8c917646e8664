/**
 * Zero-filled byte arrays for working data that never leaves the call that makes it: the protection flags that
 * `normalize()` (which returns only the string) passes from step to step. `new Uint8Array(n)` of more than 64 bytes
 * makes V8 allocate a backing store outside its heap and sweep it at a later collection, ~0.4–1.5 µs each, and
 * normalizing a line makes up to four: a quarter of the cost of a short line (tokenizing a sentence, five). These
 * arrays are instead views of a 16 KB slab, each handed out once (the slab's bytes are never reused, so every view
 * starts zeroed): a slab is freed by the garbage collector once none of its views is alive.
 *
 * Never for an array a caller may keep: one small view would keep its whole slab alive.
 */
const SLAB = 1 << 14;
/** longer arrays are allocated on their own (their allocation is small beside the work on them) */
const MAX_VIEW = 1 << 11;
let slab = new ArrayBuffer(SLAB);
let used = 0;

export function transientBytes(n: number): Uint8Array {
  if (n > MAX_VIEW) return new Uint8Array(n);
  const at = take(n);
  return new Uint8Array(slab, at, n);
}

/** As transientBytes, 32-bit integers (the tokenizer's token offsets within one call). */
export function transientInt32(n: number): Int32Array {
  if (n * 4 > MAX_VIEW) return new Int32Array(n);
  const at = take(n * 4, 4);
  return new Int32Array(slab, at, n);
}

/** the offset of `size` fresh bytes of the current slab, aligned to `align` (a new slab when they do not fit) */
function take(size: number, align = 1): number {
  let at = (used + align - 1) & -align;
  if (at + size > SLAB) {
    slab = new ArrayBuffer(SLAB);
    at = 0;
  }
  used = at + size;
  return at;
}
