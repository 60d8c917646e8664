/**
 * Dependency tree of one sentence as SVG arcs, laid out right to left (the first word at the right). `layoutTree`
 * is pure (unit-tested); `renderTree` builds the SVG element.
 */

export interface TreeWord {
  id: number;
  form: string;
  upos?: string | undefined;
  head?: number | undefined;
  deprel?: string | undefined;
}

export interface ArcLayout {
  head: number;
  dep: number;
  label: string;
  /** nesting level, 1 = lowest */
  level: number;
}

export interface TreeLayout {
  width: number;
  height: number;
  /** x of each word's centre, by word index */
  x: number[];
  arcs: ArcLayout[];
  root: number[];
  baseline: number;
  levelHeight: number;
}

export function hasTree(words: readonly TreeWord[]): boolean {
  return words.length > 0 && words.some((w) => typeof w.head === 'number');
}

/** Positions words right to left and stacks arcs so that an arc is above every arc it spans. */
export function layoutTree(words: readonly TreeWord[], widthOf: (w: TreeWord) => number, opts = { gap: 16, levelHeight: 28, pad: 12 }): TreeLayout {
  const widths = words.map((w) => Math.max(56, widthOf(w)));
  const width = widths.reduce((a, b) => a + b + opts.gap, opts.pad * 2 - opts.gap);
  const x: number[] = [];
  let right = width - opts.pad;
  for (const w of widths) {
    x.push(right - w / 2);
    right -= w + opts.gap;
  }
  const index = new Map(words.map((w, i) => [w.id, i]));
  const arcs: (ArcLayout & { lo: number; hi: number })[] = [];
  const root: number[] = [];
  words.forEach((w, i) => {
    if (typeof w.head !== 'number') return;
    if (w.head === 0) {
      root.push(i);
      return;
    }
    const h = index.get(w.head);
    if (h === undefined || h === i) return;
    arcs.push({ head: h, dep: i, label: w.deprel ?? '', level: 1, lo: Math.min(h, i), hi: Math.max(h, i) });
  });
  arcs.sort((a, b) => a.hi - a.lo - (b.hi - b.lo) || a.lo - b.lo);
  for (let k = 0; k < arcs.length; k++) {
    const a = arcs[k]!;
    let level = 1;
    for (let j = 0; j < k; j++) {
      const b = arcs[j]!;
      if (b.lo >= a.lo && b.hi <= a.hi) level = Math.max(level, b.level + 1);
    }
    a.level = level;
  }
  const maxLevel = arcs.reduce((m, a) => Math.max(m, a.level), root.length ? 1 : 0);
  const top = (maxLevel + 1) * opts.levelHeight + 8;
  const baseline = top + 10;
  return {
    width: Math.ceil(width),
    height: Math.ceil(baseline + 44),
    x,
    arcs: arcs.map(({ head, dep, label, level }) => ({ head, dep, label, level })),
    root,
    baseline,
    levelHeight: opts.levelHeight,
  };
}

const SVG = 'http://www.w3.org/2000/svg';

function el<K extends keyof SVGElementTagNameMap>(name: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const e = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

let measureCtx: CanvasRenderingContext2D | null | undefined;

function measure(text: string, font: string): number {
  if (measureCtx === undefined) measureCtx = document.createElement('canvas').getContext('2d');
  if (!measureCtx) return text.length * 9;
  measureCtx.font = font;
  return measureCtx.measureText(text).width;
}

/** Builds the SVG of the tree; `title` names it for assistive technology. */
export function renderTree(words: readonly TreeWord[], title: string, family: string): SVGSVGElement {
  const L = layoutTree(words, (w) => Math.max(measure(w.form, `16px ${family}`), measure(w.upos ?? '', `12px ${family}`)) + 20);
  const svg = el('svg', { width: L.width, height: L.height, viewBox: `0 0 ${L.width} ${L.height}`, role: 'img', class: 'tree-svg' });
  const t = el('title', {}, title);
  svg.append(t);
  const defs = el('defs', {});
  const marker = el('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 5, refY: 9, markerWidth: 7, markerHeight: 7, orient: 'auto' });
  marker.append(el('path', { d: 'M0,0 L10,0 L5,10 z', class: 'arrowhead' }));
  defs.append(marker);
  svg.append(defs);
  const y0 = L.baseline - 18;
  const arcs = el('g', { class: 'arcs' });
  const labels = el('g', { class: 'labels' });
  for (const a of L.arcs) {
    const xh = L.x[a.head]!;
    const xd = L.x[a.dep]!;
    const dir = xd > xh ? 1 : -1;
    const x1 = xh + dir * 6;
    const x2 = xd - dir * 6;
    const y = y0 - a.level * L.levelHeight;
    const r = Math.min(10, Math.abs(x2 - x1) / 2);
    const d = `M${x1},${y0} L${x1},${y + r} Q${x1},${y} ${x1 + dir * r},${y} L${x2 - dir * r},${y} Q${x2},${y} ${x2},${y + r} L${x2},${y0 - 2}`;
    const path = el('path', { d, class: 'arc', 'marker-end': 'url(#arrow)' });
    path.append(el('title', {}, `${words[a.head]!.form} → ${words[a.dep]!.form} (${a.label})`));
    arcs.append(path);
    if (a.label) labels.append(el('text', { x: (x1 + x2) / 2, y: y - 4, class: 'deprel', 'text-anchor': 'middle', direction: 'ltr' }, a.label));
  }
  for (const i of L.root) {
    const x = L.x[i]!;
    arcs.append(el('path', { d: `M${x},${8} L${x},${y0 - 2}`, class: 'arc root', 'marker-end': 'url(#arrow)' }));
    labels.append(el('text', { x: x - 4, y: 18, class: 'deprel', 'text-anchor': 'end', direction: 'ltr' }, 'root'));
  }
  svg.append(arcs, labels);
  const wordsG = el('g', { class: 'words' });
  words.forEach((w, i) => {
    const x = L.x[i]!;
    wordsG.append(el('text', { x, y: L.baseline + 6, class: 'form', 'text-anchor': 'middle' }, w.form));
    if (w.upos) wordsG.append(el('text', { x, y: L.baseline + 26, class: 'upos', 'text-anchor': 'middle', direction: 'ltr' }, w.upos));
  });
  svg.append(wordsG);
  return svg;
}
