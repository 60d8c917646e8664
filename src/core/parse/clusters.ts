/**
 * Word classes learned from raw text (the exchange algorithm for a class bigram model, Kneser & Ney 1993 / Martin
 * et al. 1998): every word of at least `minCount` occurrences is put in one of `classes` classes so that the
 * likelihood of the text under P(w_i | w_{i-1}) = P(c_i | c_{i-1}) P(w_i | c_i) is (locally) maximal. Words that are
 * used alike (e.g. verbs that take the same prepositions, nouns of one kind) end up together, which lets the parser
 * generalize beyond the few thousand sentences of its treebanks.
 *
 * Pure and deterministic (words are visited in frequency order, ties broken by spelling).
 */

export interface ClusterOptions {
  classes?: number;
  minCount?: number;
  iterations?: number;
  log?: (msg: string) => void;
}

const f = (x: number): number => (x > 0 ? x * Math.log(x) : 0);

/** Sentences of tokens (already in the parser's feature spelling) → class of each frequent word. */
export function trainClusters(sentences: readonly (readonly string[])[], options: ClusterOptions = {}): Map<string, number> {
  const C = options.classes ?? 256;
  const minCount = options.minCount ?? 3;
  const iterations = options.iterations ?? 6;
  const log = options.log ?? (() => {});
  // vocabulary: frequent words; id 0 = sentence boundary, id 1 = rare word
  const counts = new Map<string, number>();
  for (const s of sentences) for (const w of s) counts.set(w, (counts.get(w) ?? 0) + 1);
  const words = [...counts].filter(([, c]) => c >= minCount).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const id = new Map<string, number>(words.map(([w], i) => [w, i + 2]));
  const V = words.length + 2;
  // bigram counts per word, as sorted pair lists
  const pairs = new Map<number, number>();
  for (const s of sentences) {
    let prev = 0;
    for (const w of s) {
      const cur = id.get(w) ?? 1;
      const k = prev * V + cur;
      pairs.set(k, (pairs.get(k) ?? 0) + 1);
      prev = cur;
    }
    const k = prev * V;
    pairs.set(k, (pairs.get(k) ?? 0) + 1);
  }
  const keys = [...pairs.keys()].sort((a, b) => a - b);
  // CSR of right neighbours (by left word) and left neighbours (by right word)
  const rStart = new Int32Array(V + 1);
  const lStart = new Int32Array(V + 1);
  for (const k of keys) {
    rStart[Math.floor(k / V) + 1]!++;
    lStart[(k % V) + 1]!++;
  }
  for (let i = 0; i < V; i++) {
    rStart[i + 1] += rStart[i]!;
    lStart[i + 1] += lStart[i]!;
  }
  const rW = new Int32Array(keys.length);
  const rN = new Float64Array(keys.length);
  const lW = new Int32Array(keys.length);
  const lN = new Float64Array(keys.length);
  const rPos = rStart.slice(0, V);
  const lPos = lStart.slice(0, V);
  for (const k of keys) {
    const a = Math.floor(k / V);
    const b = k % V;
    const n = pairs.get(k)!;
    rW[rPos[a]!] = b;
    rN[rPos[a]!++] = n;
    lW[lPos[b]!] = a;
    lN[lPos[b]!++] = n;
  }
  // initial classes: by frequency rank (the boundary and rare pseudo-words too)
  const cls = new Int32Array(V);
  for (let w = 0; w < V; w++) cls[w] = w % C;
  const N = new Float64Array(C * C);
  const NL = new Float64Array(C);
  const NR = new Float64Array(C);
  for (const k of keys) {
    const a = cls[Math.floor(k / V)]!;
    const b = cls[k % V]!;
    const n = pairs.get(k)!;
    N[a * C + b] += n;
    NL[a] += n;
    NR[b] += n;
  }
  const rc = new Float64Array(C);
  const lc = new Float64Array(C);
  const touched: number[] = [];
  const mark = new Uint8Array(C);
  for (let it = 0; it < iterations; it++) {
    let moved = 0;
    for (let w = 2; w < V; w++) {
      // class counts of w's neighbours (self-bigrams apart)
      touched.length = 0;
      let self = 0;
      let nwL = 0;
      let nwR = 0;
      for (let j = rStart[w]!; j < rStart[w + 1]!; j++) {
        nwL += rN[j]!;
        if (rW[j] === w) {
          self += rN[j]!;
          continue;
        }
        const c = cls[rW[j]!]!;
        if (!mark[c]) {
          mark[c] = 1;
          touched.push(c);
        }
        rc[c] += rN[j]!;
      }
      for (let j = lStart[w]!; j < lStart[w + 1]!; j++) {
        nwR += lN[j]!;
        if (lW[j] === w) continue;
        const c = cls[lW[j]!]!;
        if (!mark[c]) {
          mark[c] = 1;
          touched.push(c);
        }
        lc[c] += lN[j]!;
      }
      const a = cls[w]!;
      const move = (b: number, sign: number): void => {
        for (const c of touched) {
          N[b * C + c] += sign * rc[c]!;
          N[c * C + b] += sign * lc[c]!;
        }
        N[b * C + b] += sign * self;
        NL[b] += sign * nwL;
        NR[b] += sign * nwR;
      };
      move(a, -1);
      const gain = (b: number): number => {
        let g = 0;
        for (const c of touched) {
          if (c === b) continue;
          if (rc[c]! > 0) g += f(N[b * C + c]! + rc[c]!) - f(N[b * C + c]!);
          if (lc[c]! > 0) g += f(N[c * C + b]! + lc[c]!) - f(N[c * C + b]!);
        }
        const bb = N[b * C + b]!;
        g += f(bb + rc[b]! + lc[b]! + self) - f(bb);
        return g - (f(NL[b]! + nwL) - f(NL[b]!) + f(NR[b]! + nwR) - f(NR[b]!));
      };
      // stay unless another class is strictly better
      let best = a;
      let bestGain = gain(a);
      for (let b = 0; b < C; b++) {
        if (b === a) continue;
        const g = gain(b);
        if (g > bestGain + 1e-9) {
          bestGain = g;
          best = b;
        }
      }
      move(best, 1);
      if (best !== a) {
        cls[w] = best;
        moved++;
      }
      for (const c of touched) {
        rc[c] = 0;
        lc[c] = 0;
        mark[c] = 0;
      }
    }
    log(`clusters: iteration ${it + 1}/${iterations}, ${moved} of ${V - 2} words moved`);
    if (moved === 0) break;
  }
  const out = new Map<string, number>();
  words.forEach(([w], i) => out.set(w, cls[i + 2]!));
  return out;
}
