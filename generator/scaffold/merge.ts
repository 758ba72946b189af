import { isObject, type JsonObject } from "../schema-walk.js";
import type { Inferred } from "./infer.js";

/** Types in the order schemas list them: `["string", "null"]`. */
const typeOrder = ["string", "integer", "number", "boolean", "object", "array", "null"];

export const typesOf = (schema: JsonObject): string[] =>
  Array.isArray(schema.type) ? schema.type.map(String) : typeof schema.type === "string" ? [schema.type] : [];

/** The union of two type lists; integer and number together are number. */
function unionTypes(a: string[], b: string[]): string[] {
  const all = new Set([...a, ...b]);
  if (all.has("number")) all.delete("integer");
  return typeOrder.filter((t) => all.has(t));
}

/** A string format both sides agree on (a side without strings does not disagree). */
function mergedFormat(a: Inferred, b: Inferred): string | undefined {
  const strings = [a, b].filter((s) => typesOf(s).includes("string"));
  const formats = new Set(strings.map((s) => s.format));
  return formats.size === 1 ? ([...formats][0] as string | undefined) : undefined;
}

function mergedProperties(a: Inferred, b: Inferred): Record<string, Inferred> {
  const left = isObject(a.properties) ? (a.properties as Record<string, Inferred>) : {};
  const right = isObject(b.properties) ? (b.properties as Record<string, Inferred>) : {};
  const merged: Record<string, Inferred> = { ...left };
  for (const [key, schema] of Object.entries(right)) merged[key] = key in left ? merge(left[key]!, schema) : schema;
  return merged;
}

/** Keys present in every object seen on both sides: a key missing from some object is not present everywhere. */
function mergedRequired(a: Inferred, b: Inferred): string[] {
  const sides = [a, b]
    .filter((s) => typesOf(s).includes("object"))
    .map((s) => (Array.isArray(s.required) ? s.required.map(String) : []));
  return sides.reduce((kept, side) => kept.filter((key) => side.includes(key)));
}

/**
 * Two inferred schemas as one that accepts what either does: types unioned (null makes it nullable), formats kept
 * where they agree, object keys unioned with presence intersected, array items merged.
 */
export function merge(a: Inferred, b: Inferred): Inferred {
  const types = unionTypes(typesOf(a), typesOf(b));
  const merged: Inferred = { type: types.length === 1 ? types[0]! : types };
  const format = mergedFormat(a, b);
  if (format !== undefined) merged.format = format;
  if (types.includes("object")) {
    merged.required = mergedRequired(a, b);
    merged.properties = mergedProperties(a, b);
  }
  const items = [a.items, b.items].filter(isObject);
  if (items.length) merged.items = items.length === 2 ? merge(items[0]!, items[1]!) : items[0]!;
  return merged;
}

/** Several inferred schemas (an array's elements) merged into one. */
export function mergeAll(schemas: readonly Inferred[]): Inferred {
  if (schemas.length === 0) throw new Error("Nothing to merge.");
  return schemas.slice(1).reduce(merge, schemas[0]!);
}
