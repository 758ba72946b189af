import { pointerToken, pointerTokens } from "./problem.js";

export type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Draft-07 keywords whose value is a schema. */
const schemaKeywords = [
  "additionalItems",
  "contains",
  "additionalProperties",
  "propertyNames",
  "if",
  "then",
  "else",
  "not",
];
/** Draft-07 keywords whose value is an array of schemas. */
const schemaArrayKeywords = ["allOf", "anyOf", "oneOf"];
/** Draft-07 keywords whose value maps names to schemas. */
const schemaMapKeywords = ["definitions", "properties", "patternProperties", "dependencies"];

/** Calls `visit` for the schema and every subschema in it, with its JSON Pointer, parents first. */
export function walkSchema(schema: unknown, visit: (node: JsonObject, pointer: string) => void, pointer = ""): void {
  if (!isObject(schema)) return;
  visit(schema, pointer);
  for (const keyword of schemaKeywords) walkSchema(schema[keyword], visit, `${pointer}/${keyword}`);
  for (const keyword of schemaArrayKeywords) {
    const list = schema[keyword];
    if (Array.isArray(list))
      for (const [i, item] of list.entries()) walkSchema(item, visit, `${pointer}/${keyword}/${i}`);
  }
  for (const keyword of schemaMapKeywords) {
    const map = schema[keyword];
    if (isObject(map)) {
      for (const [name, item] of Object.entries(map))
        walkSchema(item, visit, `${pointer}/${keyword}/${pointerToken(name)}`);
    }
  }
  const items = schema.items;
  if (Array.isArray(items)) for (const [i, item] of items.entries()) walkSchema(item, visit, `${pointer}/items/${i}`);
  else walkSchema(items, visit, `${pointer}/items`);
}

/** The value at a JSON Pointer, or undefined. */
export function resolvePointer(document: unknown, pointer: string): unknown {
  let node: unknown = document;
  for (const token of pointerTokens(pointer)) {
    if (!isObject(node) && !Array.isArray(node)) return undefined;
    node = (node as Record<string, unknown>)[token];
    if (node === undefined) return undefined;
  }
  return node;
}

export { isObject };
