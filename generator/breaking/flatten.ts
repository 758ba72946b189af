import { isObject, type JsonObject } from "../schema-walk.js";

const strings = (value: unknown): string[] =>
  typeof value === "string" ? [value] : Array.isArray(value) ? value.filter((v) => typeof v === "string") : [];

/** Types both sides allow (`integer` is inside `number`). */
function intersectTypes(x: unknown, y: unknown): string[] {
  const xs = strings(x);
  const ys = strings(y);
  const inside = (t: string, list: string[]): boolean =>
    list.includes(t) || (t === "integer" && list.includes("number"));
  return [...new Set([...xs.filter((t) => inside(t, ys)), ...ys.filter((t) => inside(t, xs))])];
}

function mergeProperties(x: JsonObject, y: JsonObject): JsonObject {
  const out: JsonObject = { ...x };
  for (const [name, schema] of Object.entries(y)) {
    const before = out[name];
    out[name] = before === undefined ? schema : { allOf: [before, schema] };
  }
  return out;
}

/** Two schemas that must both hold, as one (enough for comparing: not a general intersection). */
function merge(x: JsonObject, y: JsonObject): JsonObject {
  const out: JsonObject = { ...x };
  for (const [key, value] of Object.entries(y)) {
    const before = out[key];
    if (before === undefined) out[key] = value;
    else if (key === "properties" && isObject(before) && isObject(value)) out[key] = mergeProperties(before, value);
    else if (key === "required") out[key] = [...new Set([...strings(before), ...strings(value)])];
    else if (key === "type") out[key] = intersectTypes(before, value);
    else if (key === "enum" && Array.isArray(before) && Array.isArray(value)) {
      out[key] = before.filter((v) => value.some((w) => JSON.stringify(v) === JSON.stringify(w)));
    } else out[key] = value;
  }
  return out;
}

/**
 * The schema with its `allOf` folded in: properties from an `allOf` branch (the envelope) and the schema's own are
 * one object, so moving a field between them is no change. The schema's own keywords win over its branches'.
 */
export function flatten(schema: JsonObject): JsonObject {
  if (!Array.isArray(schema.allOf)) return schema;
  const branches = schema.allOf.filter(isObject).map(flatten);
  const own: JsonObject = { ...schema };
  delete own.allOf;
  return [...branches, own].reduce(merge, {});
}
