/**
 * A small JSON Schema checker for the subset docs/openapi.json uses ($ref, type, enum, const, oneOf, anyOf,
 * required, properties, additionalProperties, items, minItems, maxItems, minimum, maximum, pattern), strict by one
 * rule of its own: an object property that a schema with `properties` does not list (and whose
 * additionalProperties says nothing) is reported as undocumented. Used by test/server.test.ts on live answers.
 */
export type Schema = Record<string, unknown>;

const typeOf = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : Number.isInteger(v) ? 'integer' : typeof v);

/** The problems of `value` against `schema` (refs resolved in `doc`), as "$.path: what" strings; [] when it conforms. */
export function schemaErrors(doc: Schema, schema: Schema, value: unknown, path = '$'): string[] {
  const errors: string[] = [];
  const resolve = (s: Schema): Schema => {
    let r = s;
    for (let n = 0; typeof r['$ref'] === 'string' && n < 32; n++) {
      r = (r['$ref'] as string).split('/').slice(1).reduce<Record<string, unknown>>((o, k) => o[k] as Record<string, unknown>, doc);
    }
    return r;
  };
  const walk = (raw: Schema, v: unknown, p: string): void => {
    const s = resolve(raw);
    for (const key of ['oneOf', 'anyOf'] as const) {
      const alts = s[key] as Schema[] | undefined;
      if (!alts) continue;
      const fits = alts.filter((alt) => schemaErrors(doc, alt, v, p).length === 0).length;
      if (key === 'oneOf' ? fits !== 1 : fits === 0) errors.push(`${p}: ${key} matched ${fits} of ${alts.length}`);
      return;
    }
    if ('const' in s && v !== s['const']) errors.push(`${p}: not ${JSON.stringify(s['const'])}: ${JSON.stringify(v)}`);
    if (Array.isArray(s['enum']) && !(s['enum'] as unknown[]).includes(v)) errors.push(`${p}: ${JSON.stringify(v)} not in ${JSON.stringify(s['enum'])}`);
    if (s['type'] !== undefined) {
      const types = ([] as unknown[]).concat(s['type']);
      const t = typeOf(v);
      if (!types.includes(t) && !(t === 'integer' && types.includes('number'))) {
        errors.push(`${p}: a ${t}, not ${types.join(' or ')}`);
        return;
      }
    }
    if (typeof v === 'number') {
      if (typeof s['minimum'] === 'number' && v < s['minimum']) errors.push(`${p}: ${v} below ${s['minimum']}`);
      if (typeof s['maximum'] === 'number' && v > s['maximum']) errors.push(`${p}: ${v} above ${s['maximum']}`);
    }
    if (typeof v === 'string' && typeof s['pattern'] === 'string' && !new RegExp(s['pattern'], 'u').test(v)) errors.push(`${p}: ${JSON.stringify(v)} does not match ${s['pattern']}`);
    if (Array.isArray(v)) {
      if (typeof s['minItems'] === 'number' && v.length < s['minItems']) errors.push(`${p}: fewer than ${s['minItems']} items`);
      if (typeof s['maxItems'] === 'number' && v.length > s['maxItems']) errors.push(`${p}: more than ${s['maxItems']} items`);
      if (s['items']) v.forEach((x, i) => walk(s['items'] as Schema, x, `${p}[${i}]`));
    }
    if (typeOf(v) === 'object') {
      const o = v as Record<string, unknown>;
      for (const r of (s['required'] as string[] | undefined) ?? []) if (!(r in o)) errors.push(`${p}: no ${r}`);
      const props = s['properties'] as Record<string, Schema> | undefined;
      const extra = s['additionalProperties'];
      for (const [k, x] of Object.entries(o)) {
        if (props?.[k]) walk(props[k], x, `${p}.${k}`);
        else if (extra === false) errors.push(`${p}: ${k} is not allowed`);
        else if (extra && typeof extra === 'object') walk(extra as Schema, x, `${p}.${k}`);
        else if (props) errors.push(`${p}: ${k} is not documented`);
      }
    }
  };
  walk(schema, value, path);
  return errors;
}
