import { idOf, resolveRef } from "../ids.js";
import type { SchemaFile } from "../load.js";
import { pointerTokens } from "../problem.js";
import { isObject, type JsonObject, resolvePointer } from "../schema-walk.js";

/** What a JSON Pointer into an event reaches in its schema. */
export interface Reached {
  /** The types the value may have (`string`, `integer`, `null`…); empty when the schema does not say. */
  types: string[];
  format?: string;
  /** Whether every valid event has a value there that is not null: required all the way, never nullable. */
  always: boolean;
}

interface Located {
  node: JsonObject;
  id: string;
}

/** The schema and the `$ref` targets and `allOf` members it stands for, each with the `$id` its refs resolve in. */
function views(at: Located, schemas: ReadonlyMap<string, JsonObject>, seen = new Set<JsonObject>()): Located[] {
  if (seen.has(at.node)) return [];
  seen.add(at.node);
  const found: Located[] = [at];
  if (typeof at.node.$ref === "string") {
    const { id, pointer } = resolveRef(at.id, at.node.$ref);
    const target = resolvePointer(schemas.get(id), pointer);
    if (isObject(target)) found.push(...views({ node: target, id }, schemas, seen));
  }
  for (const member of Array.isArray(at.node.allOf) ? at.node.allOf : []) {
    if (isObject(member)) found.push(...views({ node: member, id: at.id }, schemas, seen));
  }
  return found;
}

const typesOf = (node: JsonObject): string[] =>
  typeof node.type === "string" ? [node.type] : Array.isArray(node.type) ? node.type.map(String) : [];

const nullable = (all: readonly Located[]) =>
  all.some(({ node }) => typesOf(node).includes("null") || (Array.isArray(node.enum) && node.enum.includes(null)));

/** The schemas that may hold `token` below the views: properties, or array items for an index. */
function children(
  all: readonly Located[],
  token: string,
  schemas: ReadonlyMap<string, JsonObject>,
): { next: Located[]; required: boolean } {
  const next: Located[] = [];
  let required = false;
  for (const { node, id } of all) {
    const property = isObject(node.properties) ? node.properties[token] : undefined;
    if (isObject(property)) next.push({ node: property, id });
    if (Array.isArray(node.required) && node.required.includes(token)) required = true;
    // An item of an array counts as there: what is asked is whether each item has the rest of the path.
    if (/^(0|[1-9]\d*)$/.test(token) && isObject(node.items)) {
      next.push({ node: node.items, id });
      required = true;
    }
    for (const keyword of ["anyOf", "oneOf"]) {
      for (const branch of Array.isArray(node[keyword]) ? node[keyword] : []) {
        if (!isObject(branch)) continue;
        next.push(...children(views({ node: branch, id }, schemas), token, schemas).next);
      }
    }
  }
  return { next, required: required && next.length > 0 };
}

/**
 * What `pointer` reaches in the event schema `file` (following `$ref` and `allOf` through the loaded files), or
 * undefined when no schema there describes such a field.
 */
export function reach(file: SchemaFile, pointer: string, files: readonly SchemaFile[]): Reached | undefined {
  const schemas = new Map(files.map((f) => [idOf(f.path), f.json]));
  let all = views({ node: file.json, id: idOf(file.path) }, schemas);
  let always = true;
  for (const token of pointerTokens(pointer)) {
    if (nullable(all)) always = false;
    const { next, required } = children(all, token, schemas);
    if (next.length === 0) return undefined;
    always &&= required;
    all = next.flatMap((located) => views(located, schemas));
  }
  const types = [...new Set(all.flatMap(({ node }) => typesOf(node)))].sort();
  const format = all.map(({ node }) => node.format).find((f) => typeof f === "string") as string | undefined;
  return { types, ...(format && { format }), always: always && !nullable(all) };
}
