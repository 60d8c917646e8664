/**
 * Pseudo-projective parsing (Nivre & Nilsson 2005, "Head" encoding): non-projective training trees are made
 * projective by lifting arcs (a word is re-attached to its head's head, shortest arcs first); a lifted word's label
 * becomes `dep↑headLabel`, the label of its original head. After parsing, `deprojectivize` moves every word with a
 * `↑` label back down: it searches the subtree of its current head, breadth-first and left to right, for a node with
 * the label after `↑` (outside the word's own subtree) and attaches the word there.
 *
 * Heads are 1-based word numbers, 0 = root, as in CoNLL-U; arrays are indexed by word number - 1.
 */

export const LIFT = '\u2191';

/** Whether word k (1-based) is dominated by h (1-based, or 0 = the root) in `heads`. */
function dominates(heads: ArrayLike<number>, h: number, k: number): boolean {
  if (h === 0) return true;
  let x = k;
  let guard = heads.length + 1;
  while (x !== 0 && guard-- > 0) {
    if (x === h) return true;
    x = heads[x - 1]!;
  }
  return false;
}

/** Whether the arc to word d (1-based) from its head is projective. */
export function isProjectiveArc(heads: ArrayLike<number>, d: number): boolean {
  const h = heads[d - 1]!;
  const lo = Math.min(h, d);
  const hi = Math.max(h, d);
  for (let k = lo + 1; k < hi; k++) if (!dominates(heads, h, k)) return false;
  return true;
}

export function isProjective(heads: ArrayLike<number>): boolean {
  for (let d = 1; d <= heads.length; d++) if (!isProjectiveArc(heads, d)) return false;
  return true;
}

/** Lifts arcs until the tree is projective. Returns new arrays; `lifted` counts the lifted words. */
export function projectivize<L extends string | undefined>(heads: ArrayLike<number>, labels: readonly L[]): { heads: number[]; labels: L[]; lifted: number } {
  const h = Array.from(heads);
  const l = labels.slice();
  const orig = labels.slice();
  const moved = new Array<boolean>(h.length).fill(false);
  let lifted = 0;
  for (let guard = 0; guard < h.length * h.length + 1; guard++) {
    let best = -1;
    let bestLen = Infinity;
    for (let d = 1; d <= h.length; d++) {
      const hd = h[d - 1]!;
      if (hd === 0) continue;
      const len = Math.abs(hd - d);
      if (len < bestLen && !isProjectiveArc(h, d)) {
        best = d;
        bestLen = len;
      }
    }
    if (best < 0) break;
    const hd = h[best - 1]!;
    if (!moved[best - 1]) {
      moved[best - 1] = true;
      lifted++;
      const dl = orig[best - 1];
      const hl = orig[hd - 1];
      // unknown labels stay unknown; a lift below an unlabelled head is not marked
      if (dl !== undefined && hl !== undefined) l[best - 1] = `${dl}${LIFT}${baseLabel(hl)}` as L;
    }
    h[best - 1] = h[hd - 1]!;
  }
  return { heads: h, labels: l, lifted };
}

/** The label without its lift mark. */
export function baseLabel(label: string): string {
  const i = label.indexOf(LIFT);
  return i < 0 ? label : label.slice(0, i);
}

/**
 * Undoes the lifting encoded in the labels (in place). Keeps the tree a tree: a word is only moved below a node
 * outside its own subtree. Every label loses its lift mark.
 */
export function deprojectivize(heads: number[], labels: string[]): void {
  const n = heads.length;
  const children: number[][] = Array.from({ length: n + 1 }, () => []);
  for (let d = 1; d <= n; d++) children[heads[d - 1]!]!.push(d);
  // top-down order (breadth-first from the root) so that lifted words higher up are lowered first
  const order: number[] = [];
  const queue = [0];
  while (queue.length) {
    const x = queue.shift()!;
    if (x > 0) order.push(x);
    for (const c of children[x]!) queue.push(c);
  }
  for (const d of order) {
    const lab = labels[d - 1]!;
    const i = lab.indexOf(LIFT);
    if (i < 0) continue;
    const base = lab.slice(0, i);
    const want = lab.slice(i + 1);
    labels[d - 1] = base;
    const h = heads[d - 1]!;
    // breadth-first search below h, skipping d's subtree
    const q: number[] = [...(children[h] ?? [])];
    let found = -1;
    while (q.length) {
      const x = q.shift()!;
      if (x === d) continue;
      if (baseLabel(labels[x - 1]!) === want) {
        found = x;
        break;
      }
      for (const c of children[x]!) q.push(c);
    }
    if (found > 0) {
      const old = children[h]!;
      old.splice(old.indexOf(d), 1);
      heads[d - 1] = found;
      const list = children[found]!;
      let p = 0;
      while (p < list.length && list[p]! < d) p++;
      list.splice(p, 0, d);
    }
  }
  for (let d = 0; d < n; d++) labels[d] = baseLabel(labels[d]!);
}

/**
 * Punctuation heads no word (UD: a mark is a leaf; so in every tree of the treebanks here). The parser sometimes
 * attaches a word to a mark (a clause after a comma to the comma); such a word moves to the mark's nearest ancestor
 * that is not a mark, its label kept. A mark at the root hands the root to the first word (in order) that only marks
 * stand above, and becomes its dependent (labelled `rootLabel(i)`, punct by default). In place, in linear time;
 * `isLeaf(i)` marks word i + 1. A sentence of marks only is left as it is.
 */
export function leafMarks(heads: number[], labels: string[], isLeaf: (i: number) => boolean, rootLabel: (i: number) => string = () => 'punct'): void {
  const n = heads.length;
  let any = false;
  for (let i = 0; i < n && !any; i++) {
    const h = heads[i]!;
    if (h > 0 && isLeaf(h - 1)) any = true;
  }
  if (!any) return;
  const leaf = new Uint8Array(n + 1);
  for (let i = 0; i < n; i++) leaf[i + 1] = isLeaf(i) ? 1 : 0;
  // up[x]: the nearest of x and its ancestors that is not a mark (0: only marks up to the root); -1 = not computed
  const up = new Int32Array(n + 1).fill(-1);
  up[0] = 0;
  const stack: number[] = [];
  const upOf = (x: number): number => {
    let y = x;
    // (a cycle, which no parse has, ends the walk after n steps at a mark: it is then its own "ancestor")
    while (up[y] === -1 && leaf[y] === 1 && stack.length <= n) {
      stack.push(y);
      y = heads[y - 1]!;
    }
    const r = up[y] !== -1 ? up[y]! : y;
    while (stack.length > 0) up[stack.pop()!] = r;
    if (leaf[x] === 0) up[x] = x;
    return r;
  };
  // a mark at the root: the first word under marks only takes the root
  const root = heads.indexOf(0) + 1;
  if (root > 0 && leaf[root] === 1) {
    let r = 0;
    for (let d = 1; d <= n && r === 0; d++) if (leaf[d] === 0 && upOf(heads[d - 1]!) === 0) r = d;
    if (r === 0) return; // only marks (or a broken tree): left as they are
    heads[r - 1] = 0;
    labels[r - 1] = 'root';
    heads[root - 1] = r;
    labels[root - 1] = rootLabel(root - 1);
    up.fill(-1);
    up[0] = 0;
  }
  // (in place: a mark moved before its dependents is already under its nearest word, which is what the walk finds)
  for (let d = 1; d <= n; d++) {
    const h = heads[d - 1]!;
    if (h > 0 && leaf[h] === 1) heads[d - 1] = upOf(h);
  }
}
