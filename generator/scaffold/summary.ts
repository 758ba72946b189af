import { isObject } from "../schema-walk.js";
import type { Inferred } from "./infer.js";
import { typesOf } from "./merge.js";

const propertiesOf = (schema: Inferred): Record<string, Inferred> =>
  (isObject(schema.properties) ? schema.properties : {}) as Record<string, Inferred>;

/** The keys of an inferred object, nested ones in braces: `id, lesson {id, chapter {id}}, plans[] {id}`. */
export function keyList(schema: Inferred): string {
  return Object.entries(propertiesOf(schema))
    .map(([key, property]) => {
      const items = isObject(property.items) ? property.items : undefined;
      if (items && Object.keys(propertiesOf(items)).length) return `${key}[] {${keyList(items)}}`;
      return Object.keys(propertiesOf(property)).length ? `${key} {${keyList(property)}}` : key;
    })
    .join(", ");
}

/** The paths of the fields seen as null (`data.course.start_at`, `data.plans[].price`). */
export function nullPaths(schema: Inferred, path: string): string[] {
  const own = typesOf(schema).includes("null") ? [path] : [];
  const items = isObject(schema.items) ? nullPaths(schema.items, `${path}[]`) : [];
  const nested = Object.entries(propertiesOf(schema)).flatMap(([key, property]) =>
    nullPaths(property, `${path}.${key}`),
  );
  return [...own, ...nested, ...items];
}

/** What one payload shows, for its x-evidence entry: the data's keys and the fields that were null. */
export function shows(data: Inferred, dataKey: string, json5: boolean): string {
  const nulls = nullPaths(data, dataKey);
  return [
    `one payload${json5 ? " (JSON5, not valid JSON)" : ""}: ${dataKey} {${keyList(data)}}`,
    nulls.length ? `null: ${nulls.join(", ")}` : "no null values",
  ].join("; ");
}
