/** Choosing the analysis pipeline from what is registered and loaded (used by the worker). */
import { getComponent, listComponents } from '../core/index.js';

/** Analysis components in the order they run; others registered later are appended. */
const ORDER = ['tagger', 'lemmatizer', 'parser'];

/** The annotators whose resources are loaded and whose requirements are met, in a working order. */
export function chooseComponents(resources: Record<string, unknown>): string[] {
  const have = new Set<string>();
  const chosen = ['normalizer', 'tokenizer'];
  for (const n of chosen) getComponent(n)?.provides.forEach((p) => have.add(p));
  const names = [...ORDER, ...listComponents().map((c) => c.name).filter((n) => !ORDER.includes(n))];
  const pending = names.filter((n) => {
    const c = getComponent(n);
    return c !== undefined && c.stage === 'annotate' && c.resources.every((r) => resources[r] !== undefined);
  });
  for (let changed = true; changed; ) {
    changed = false;
    for (const n of pending) {
      if (chosen.includes(n)) continue;
      const c = getComponent(n)!;
      if (c.requires.every((r) => have.has(r))) {
        chosen.push(n);
        c.provides.forEach((p) => have.add(p));
        changed = true;
      }
    }
  }
  return chosen;
}

