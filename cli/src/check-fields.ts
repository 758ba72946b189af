// The fields of JSON Schemas and of values, as paths (`data.member.nickname`, `data.plans[].tax`), for check.
import { isObject } from "../../generator/schema-walk.js";

type Json = Record<string, unknown>;

/** The names a schema requires of its object, with those its allOf branches (which all apply) require. */
function requiredNames(schema: Json): string[] {
  const own = Array.isArray(schema.required) ? schema.required.map(String) : [];
  const allOf = Array.isArray(schema.allOf) ? schema.allOf.filter(isObject) : [];
  return [...own, ...allOf.flatMap(requiredNames)];
}

/** A schema and its allOf, anyOf and oneOf branches, each with the names required of the object it describes. */
function objectViews(schema: unknown, inherited: ReadonlySet<string>): Array<{ schema: Json; required: Set<string> }> {
  if (!isObject(schema)) return [];
  const required = new Set([...inherited, ...requiredNames(schema)]);
  const nested = ["allOf", "anyOf", "oneOf"].flatMap((k) => (Array.isArray(schema[k]) ? (schema[k] as unknown[]) : []));
  return [{ schema, required }, ...nested.flatMap((branch) => objectViews(branch, required))];
}

function collectOptional(schema: unknown, path: string, optional: Set<string>): void {
  for (const view of objectViews(schema, new Set())) {
    const properties = isObject(view.schema.properties) ? view.schema.properties : {};
    for (const [name, property] of Object.entries(properties)) {
      const at = path ? `${path}.${name}` : name;
      if (!view.required.has(name)) optional.add(at);
      collectOptional(property, at, optional);
    }
    const items = view.schema.items;
    for (const item of Array.isArray(items) ? items : [items]) collectOptional(item, `${path}[]`, optional);
  }
}

/**
 * The documented optional fields of a JSON Schema, as paths (`data.member.nickname`, `data.plans[].tax`): properties
 * walked through allOf/anyOf/oneOf and `items`; a property its object does not require is optional. A property
 * required by one branch and optional in another counts as optional.
 */
export function optionalFields(schema: Json): string[] {
  const optional = new Set<string>();
  collectOptional(schema, "", optional);
  return [...optional].sort();
}

/** Every field path present in a value (`null` values included), arrays as `[]`. */
export function presentFields(value: unknown, path = "", found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) presentFields(item, `${path}[]`, found);
  else if (isObject(value)) {
    for (const [key, child] of Object.entries(value)) {
      const at = path ? `${path}.${key}` : key;
      found.add(at);
      presentFields(child, at, found);
    }
  }
  return found;
}

export const under = (path: string, parent: string): boolean =>
  path.startsWith(`${parent}.`) || path.startsWith(`${parent}[]`);
