/**
 * A linear-growth check for pathological inputs, in place of a test's absolute time (its timeout), which failed on a
 * loaded machine (load 10+ on two cores) though the code was linear: the CPU time of f(n) and of f(4n) (user + system
 * of this process, so time spent waiting for a core does not count), each the least of a few interleaved runs after
 * one warm-up run. Linear code gives a ratio near 4 (2-4.4 measured on the spelling row; more where memory grows); a
 * quadratic path tends to 16 (the spelling row with its per-sentence line scan put back: 9.6 at n = 500, hence a bound
 * of 8 and sizes where the quadratic part outweighs the linear one in the small run too).
 */
export const MAX_RATIO = 8;

const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

export interface Growth {
  n: number;
  /** least CPU ms of f(n) and of f(4n) */
  small: number;
  large: number;
  ratio: number;
}

export function growth(f: (n: number) => unknown, n: number, runs = 3, factor = 4): Growth {
  f(n);
  let small = Infinity;
  let large = Infinity;
  for (let r = 0; r < runs; r++) {
    let t = cpuMs();
    f(n);
    small = Math.min(small, cpuMs() - t);
    t = cpuMs();
    f(factor * n);
    large = Math.min(large, cpuMs() - t);
  }
  // (a run under the timer's resolution counts as 1 ms: a ratio of nothing is no ratio)
  return { n, small, large, ratio: large / Math.max(small, 1) };
}
