import { isObject, type JsonObject } from "../schema-walk.js";
import type { Inferred } from "./infer.js";
import { typesOf } from "./merge.js";

/** The names that hold the id of an object found at `key`: `id`, and `courseId` or `course_id` for `course`. */
export const idNames = (key: string): string[] => ["id", `${key}Id`, `${key}_id`];

const nullOnly = "Only null in the payload, so its type is not known: any value is accepted until a source says more.";
const nullable = "Null in the payload: may be null.";
const emptyObject = "Empty in the payload, so its fields are not known: kept open.";
const emptyArray = "Empty in the payload, so its items are not known.";

/**
 * What one payload may claim (CONTRIBUTING, "Required and nullable: the evidence decides"): nothing is required but
 * the id of each main object (the data and the objects reached from it through properties, not array items) where
 * the payload has one that is not null; a field seen only as null gets no type; a field seen as null is nullable.
 * `key` is the name the object is found at, `main` whether it is a main object.
 */
export function applyPolicy(schema: Inferred, key: string, main: boolean): JsonObject {
  const types = typesOf(schema);
  if (types.length === 1 && types[0] === "null") return { description: nullOnly };
  const properties = (isObject(schema.properties) ? schema.properties : {}) as Record<string, Inferred>;
  const names = Object.keys(properties);
  const emptyMap = types.includes("object") && names.length === 0;
  const emptyList = types.includes("array") && !isObject(schema.items);
  const description = types.includes("null") ? nullable : emptyMap ? emptyObject : emptyList ? emptyArray : undefined;
  const out: JsonObject = description === undefined ? {} : { description };
  out.type = schema.type;
  if (schema.format !== undefined) out.format = schema.format;
  if (emptyMap) out.additionalProperties = true;
  else if (types.includes("object")) {
    const present = Array.isArray(schema.required) ? schema.required.map(String) : [];
    const id = main
      ? idNames(key).find((name) => present.includes(name) && !typesOf(properties[name]!).includes("null"))
      : undefined;
    out.required = id === undefined ? [] : [id];
    out.properties = Object.fromEntries(names.map((name) => [name, applyPolicy(properties[name]!, name, main)]));
  }
  if (isObject(schema.items)) out.items = applyPolicy(schema.items, key, false);
  return out;
}
