/**
 * Golden files: test/golden/<component>/<name>.txt is the input, <name>.expected.* the output. After a deliberate
 * change, regenerate with `UPDATE_GOLDEN=1 npm test` and review the diff.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { convertNumbers, createPipeline, findDates, findIdentifiers, findNumbers, formalize, normalize, phrases, searchTerms } from '../src/node/index.js';

const root = new URL('./golden/', import.meta.url);
const update = process.env.UPDATE_GOLDEN === '1';

function golden(dir: string, ext: string, produce: (input: string) => string): void {
  describe(`golden ${dir}`, () => {
    for (const f of readdirSync(new URL(`${dir}/`, root)).filter((f) => f.endsWith('.txt') && !f.includes('.expected.'))) {
      it(f, () => {
        const input = readFileSync(new URL(`${dir}/${f}`, root), 'utf8');
        const out = produce(input);
        const path = new URL(`${dir}/${f.replace(/\.txt$/, `.expected.${ext}`)}`, root);
        if (update || !existsSync(path)) writeFileSync(path, out);
        expect(out).toBe(readFileSync(path, 'utf8'));
      });
    }
  });
}

golden('normalize', 'txt', (input) => input.split('\n').map((l) => normalize(l)).join('\n'));
const nlp = createPipeline();
golden('analyze', 'conllu', (input) => nlp.process(input).toConllu());
// the formalizer (normalizing first, as formalize() does), line by line; formal lines and protected spans unchanged
golden('formalize', 'txt', (input) => input.split('\n').map((l) => formalize(l)).join('\n'));
// numbers, dates, search terms, identifiers and phrases of each line (text tools): one block per line
golden('extract', 'txt', (input) =>
  input
    .split('\n')
    .filter((l) => l.trim())
    .map((l) =>
      [
        `> ${l}`,
        `numbers: ${findNumbers(l).map((n) => `${n.text} = ${n.digits} (${n.form})`).join(' | ')}`,
        `digits:  ${convertNumbers(l)}`,
        `words:   ${convertNumbers(l, { to: 'words' })}`,
        `dates:   ${findDates(l).map((d) => `${d.text} = ${d.calendar} ${d.year ?? '-'}/${d.month}/${d.day ?? '-'}${d.iso ? ` (${d.iso})` : ''}`).join(' | ')}`,
        `terms:   ${searchTerms(l).map((t) => t.term).join(' ')}`,
        `ids:     ${findIdentifiers(l).map((x) => `${x.type} ${x.text} = ${x.value}${x.valid ? '' : ' (invalid)'}${x.bank ? ` ${x.bank}` : ''}${x.operator ? ` ${x.operator}` : ''}`).join(' | ')}`,
        `phrases: ${phrases(l).map((p) => `[${p.type} ${p.pieces.map((q) => l.slice(q.start, q.end)).join(' … ')}${p.type === 'VP' ? ` = ${p.lemma}` : ''}]`).join(' ')}`,
      ].join('\n'),
    )
    .join('\n\n') + '\n',
);
