import type { EventSchema } from "../catalogue.js";
import { dereference } from "../dereference.js";
import type { SchemaFile } from "../load.js";
import { walkSchema, type JsonObject } from "../schema-walk.js";

/** Keywords whose meaning differs between draft-07 and draft 2020-12; shipped schemas must not use them. */
const draftSpecific = ["definitions", "dependencies", "additionalItems"];

/**
 * An event's schema as shipped: self-contained (every `$ref` replaced by its target), with the `$id`
 * and `$schema` of embedded shared objects removed so that several shipped schemas can be loaded
 * into one validator without clashing ids.
 */
export async function bundledSchema(event: EventSchema, files: readonly SchemaFile[]): Promise<JsonObject> {
  const schema = structuredClone(await dereference(event.id, event.file.json, files));
  walkSchema(schema, (node, pointer) => {
    if (pointer !== "") {
      delete node.$id;
      delete node.$schema;
    }
    const found = [
      ...draftSpecific.filter((keyword) => keyword in node),
      ...(Array.isArray(node.items) ? ["items (array form)"] : []),
    ];
    if (found.length)
      throw new Error(
        `schemas/${event.file.path} ${pointer || "/"}: ${found.join(", ")} means different things in draft-07 and ` +
          `2020-12; shipped schemas do without.`,
      );
  });
  return schema;
}

/**
 * A bundled schema as packages ship it (`schemas/<event>.json` and the JSON Schema values): standard keywords
 * only. The project's own `x-` keywords (evidence, shape, decisions' sources) are for the docs pages, and would
 * more than double what every import of a package parses.
 */
export function shippedSchema(bundled: JsonObject): JsonObject {
  const schema = structuredClone(bundled);
  walkSchema(schema, (node) => {
    for (const keyword of Object.keys(node)) if (keyword.startsWith("x-")) delete node[keyword];
  });
  return schema;
}
