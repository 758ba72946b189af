import { isObject, type JsonObject } from "../schema-walk.js";

/** One row of an event's field table. */
export interface Field {
  /** `data.member.email`, `data.plans[].id`, `data.changes.*` */
  path: string;
  type: string;
  required: boolean;
  nullable: boolean;
  description: string;
}

const types = (schema: JsonObject): string[] =>
  Array.isArray(schema.type) ? schema.type : typeof schema.type === "string" ? [schema.type] : [];

/** The schema's own properties and required names, with those of its `allOf` members merged in (own last). */
function merged(schema: JsonObject): { properties: Record<string, JsonObject>; required: string[] } {
  const members = Array.isArray(schema.allOf) ? schema.allOf.filter(isObject).map(merged) : [];
  const own = {
    properties: (isObject(schema.properties) ? schema.properties : {}) as Record<string, JsonObject>,
    required: (Array.isArray(schema.required) ? schema.required : []) as string[],
  };
  const properties: Record<string, JsonObject> = {};
  for (const part of [...members, own]) {
    for (const [name, property] of Object.entries(part.properties))
      properties[name] = { ...properties[name], ...property };
  }
  return { properties, required: [...new Set([...members, own].flatMap((part) => part.required))] };
}

/** A short human label for a schema's type: `string (date-time)`, `"course.join"`, `array of object`. */
export function typeLabel(schema: JsonObject): string {
  if ("const" in schema) return JSON.stringify(schema.const);
  if (Array.isArray(schema.enum)) return schema.enum.map((v) => JSON.stringify(v)).join(" or ");
  const named = types(schema).filter((t) => t !== "null");
  if (named.length === 0) return isObject(schema.properties) || Array.isArray(schema.allOf) ? "object" : "any";
  return named
    .map((t) => {
      if (t === "array" && isObject(schema.items)) return `array of ${typeLabel(schema.items)}`;
      if (t === "object" && (schema.additionalProperties === true || isObject(schema.additionalProperties)))
        return "object (open map)";
      return typeof schema.format === "string" ? `${t} (${schema.format})` : t;
    })
    .join(" or ");
}

/** Every field of a dereferenced schema, depth first, in document order. */
export function fields(schema: JsonObject, prefix = ""): Field[] {
  const { properties, required } = merged(schema);
  return Object.entries(properties).flatMap(([name, property]) => {
    const path = prefix ? `${prefix}.${name}` : name;
    const row: Field = {
      path,
      type: typeLabel(property),
      required: required.includes(name),
      nullable: types(property).includes("null") || (Array.isArray(property.enum) && property.enum.includes(null)),
      description: typeof property.description === "string" ? property.description : "",
    };
    const items = isObject(property.items) ? fields(property.items, `${path}[]`) : [];
    const values = isObject(property.additionalProperties) ? fields(property.additionalProperties, `${path}.*`) : [];
    return [row, ...fields(property, path), ...items, ...values];
  });
}

/** `/allOf/0/properties/data/properties/plans/items/properties/id` → `data.plans[].id` ("" for the root). */
export function fieldPath(pointer: string): string {
  const tokens = pointer.split("/").slice(1);
  let path = "";
  tokens.forEach((token, i) => {
    if (tokens[i - 1] === "properties") path += path ? `.${token}` : token;
    else if (token === "items") path += "[]";
    else if (token === "additionalProperties") path += ".*";
  });
  return path;
}
