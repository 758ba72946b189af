import { valueAt } from "./issues.js";
import { isRecord as isSchema } from "./options.js";
import type { CatalogueRuntime } from "./parse.js";

/** What an accepted event carries that its schema does not document. */
export interface Drift {
  /** Paths of undocumented fields, each once whatever the array index: `data.member.nickname`, `data.plans[].tax`. */
  fields: string[];
}

type Schema = Record<string, unknown>;

/** The most paths one event reports: a payload full of new fields says so in the first ones. */
const maxFields = 100;

/** A schema and the branches of its allOf, anyOf and oneOf: everything that may describe one value. */
function branches(schema: unknown): Schema[] {
  if (!isSchema(schema)) return [];
  const nested = ["allOf", "anyOf", "oneOf"].flatMap((k) => (Array.isArray(schema[k]) ? schema[k] : []));
  return [schema, ...nested.flatMap(branches)];
}

/** The schemas of each documented property, and whether the object is open (a map, or nothing documented). */
function documented(schemas: readonly Schema[]): { open: boolean; keys: Map<string, Schema[]> } {
  const keys = new Map<string, Schema[]>();
  let described = false;
  let open = false;
  for (const schema of schemas) {
    if (schema.additionalProperties === true || isSchema(schema.patternProperties)) open = true;
    if (!isSchema(schema.properties)) continue;
    described = true;
    for (const [key, property] of Object.entries(schema.properties)) {
      keys.set(key, [...(keys.get(key) ?? []), ...branches(property)]);
    }
  }
  return { open: open || !described, keys };
}

function walk(schemas: readonly Schema[], value: unknown, path: string, found: Set<string>): void {
  if (found.size >= maxFields || value === null || typeof value !== "object") return;
  if (Array.isArray(value)) {
    const items = schemas.flatMap((schema) => branches(schema.items));
    if (items.length > 0) for (const item of value) walk(items, item, `${path}[]`, found);
    return;
  }
  const { open, keys } = documented(schemas);
  for (const [key, child] of Object.entries(value)) {
    const at = path ? `${path}.${key}` : key;
    const known = keys.get(key);
    if (known) walk(known, child, at, found);
    else if (!open && found.size < maxFields) found.add(at);
  }
}

/** The fields of `value` that `schema` does not document (open maps and untyped fields excepted). */
export function undocumentedFields(schema: Schema, value: unknown): Drift {
  const found = new Set<string>();
  walk(branches(schema), value, "", found);
  return { fields: [...found] };
}

/** The drift of an accepted event, against the schema of its type and sub-type. */
export function eventDrift(
  catalogue: CatalogueRuntime,
  schemas: Readonly<Record<string, Schema>>,
  event: unknown,
): Drift {
  const type = valueAt(event, [catalogue.typeProperty]);
  const entries = catalogue.events.filter(
    (entry) => entry.type === type && entry.when.every(([path, expected]) => valueAt(event, path) === expected),
  );
  const entry = entries.length > 1 ? (entries.find((candidate) => candidate.check(event)) ?? entries[0]) : entries[0];
  const schema = entry ? schemas[entry.name] : undefined;
  return schema ? undocumentedFields(schema, event) : { fields: [] };
}
