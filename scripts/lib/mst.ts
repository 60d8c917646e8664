import type { ParserModel } from '../../src/core/parse/index.js';

/** A parse in the sentence's order by a left-to-right model, or by a right-to-left one (`reverse`: trained and run on
 * reversed sentences), its heads mapped back. */
export function parseDir(model: ParserModel, words: readonly { form: string }[], scheme: number, beam: number, reverse: boolean): { heads: number[]; deprels: string[] } {
  if (!reverse) return model.parse(words, scheme, beam);
  const n = words.length;
  const r = model.parse([...words].reverse(), scheme, beam);
  const heads = new Array<number>(n);
  const deprels = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const h = r.heads[n - 1 - i]!;
    heads[i] = h === 0 ? 0 : n + 1 - h;
    deprels[i] = r.deprels[n - 1 - i]!;
  }
  return { heads, deprels };
}

/**
 * Maximum spanning arborescence (Chu-Liu/Edmonds) over a dense score matrix, for combining parsers' outputs.
 * score[h][d]: score of the arc h → d, nodes 0..n with 0 the root; returns head[d] for d = 1..n (head[0] = -1).
 */
export function maxArborescence(score: Float64Array[], n: number): Int32Array {
  const nodes = Array.from({ length: n + 1 }, (_, i) => i);
  return solve(score, nodes);
}

function solve(score: Float64Array[], nodes: number[]): Int32Array {
  // nodes: the node ids present (nodes[0] is the root); score indexed by node id
  const N = score.length;
  const head = new Int32Array(N).fill(-1);
  for (const d of nodes) {
    if (d === nodes[0]) continue;
    let best = -1;
    let bs = -Infinity;
    for (const h of nodes) {
      if (h === d) continue;
      const s = score[h]![d]!;
      if (s > bs) {
        bs = s;
        best = h;
      }
    }
    head[d] = best;
  }
  // find a cycle
  const color = new Int32Array(N); // 0 unvisited, 1 on the current path, 2 done
  let cycle: number[] | null = null;
  for (const start of nodes) {
    if (color[start] !== 0) continue;
    const path: number[] = [];
    let v = start;
    while (v !== -1 && color[v] === 0) {
      color[v] = 1;
      path.push(v);
      v = head[v]!;
    }
    if (v !== -1 && color[v] === 1) {
      cycle = path.slice(path.indexOf(v));
    }
    for (const p of path) color[p] = 2;
    if (cycle) break;
  }
  if (!cycle) return head;
  // contract the cycle into a new node c
  const inC = new Set(cycle);
  const c = N;
  const size = N + 1;
  const s2: Float64Array[] = Array.from({ length: size }, (_, h) => {
    const row = new Float64Array(size).fill(-Infinity);
    if (h < N) row.set(score[h]!.subarray(0, N));
    return row;
  });
  const enterFrom = new Int32Array(size).fill(-1); // u → c: which cycle node v it enters
  const leaveFrom = new Int32Array(size).fill(-1); // c → w: which cycle node it leaves from
  const rest = nodes.filter((x) => !inC.has(x));
  for (const u of rest) {
    let bs = -Infinity;
    let bv = -1;
    for (const v of cycle) {
      const s = score[u]![v]! - score[head[v]!]![v]!;
      if (s > bs) {
        bs = s;
        bv = v;
      }
    }
    s2[u]![c] = bs;
    enterFrom[u] = bv;
    let ls = -Infinity;
    let lv = -1;
    for (const v of cycle) {
      const s = score[v]![u]!;
      if (s > ls) {
        ls = s;
        lv = v;
      }
    }
    s2[c]![u] = ls;
    leaveFrom[u] = lv;
  }
  const sub = solve(s2, [...rest, c]);
  const out = new Int32Array(N).fill(-1);
  for (const d of rest) {
    if (d === nodes[0]) continue;
    const h = sub[d]!;
    out[d] = h === c ? leaveFrom[d]! : h;
  }
  // the cycle: every node keeps its cycle head except the one entered from outside
  const u = sub[c]!;
  const entered = enterFrom[u]!;
  for (const v of cycle) out[v] = v === entered ? u : head[v]!;
  return out;
}
