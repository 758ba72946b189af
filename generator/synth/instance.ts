import { isObject, type JsonObject } from "../schema-walk.js";

/**
 * A value that the schema accepts, built from its first choices: every described property is present
 * (a nullable one as null), $refs are followed through `byId`, and `allOf` members are merged in.
 */
export function instance(schema: JsonObject, byId: ReadonlyMap<string, JsonObject>, base: string): unknown {
  if (typeof schema.$ref === "string") {
    const url = new URL(schema.$ref, base).href;
    return instance(byId.get(url)!, byId, url);
  }
  if ("const" in schema) return schema.const;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  if (types.includes("null")) return null;
  if (types.includes("object") || isObject(schema.properties) || Array.isArray(schema.allOf)) {
    const value: Record<string, unknown> = {};
    for (const member of Array.isArray(schema.allOf) ? schema.allOf : [])
      Object.assign(value, instance(member as JsonObject, byId, base));
    for (const [name, property] of Object.entries(isObject(schema.properties) ? schema.properties : {})) {
      value[name] = instance(property as JsonObject, byId, base);
    }
    return value;
  }
  if (types.includes("array")) return isObject(schema.items) ? [instance(schema.items, byId, base)] : [];
  if (types.includes("integer") || types.includes("number")) return 3;
  if (types.includes("boolean")) return true;
  if (schema.format === "date-time") return "2025-10-01T12:00:00.000Z";
  return "text";
}
