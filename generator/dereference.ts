import $RefParser from "@apidevtools/json-schema-ref-parser";
import { idBase, idOf } from "./ids.js";
import type { SchemaFile } from "./load.js";
import type { JsonObject } from "./schema-walk.js";

/**
 * Dereferences `schema` (whose `$id` is `id`) against the loaded files only: `$id`s are URLs, but
 * nothing is fetched and nothing is read from disk again.
 */
export async function dereference(id: string, schema: JsonObject, files: readonly SchemaFile[]): Promise<JsonObject> {
  const texts = new Map(files.map((file) => [idOf(file.path), file.text]));
  const loaded = {
    order: 1,
    canRead: (file: { url: string }) => file.url.startsWith(idBase),
    read: (file: { url: string }) => {
      const text = texts.get(file.url);
      if (text === undefined) throw new Error(`no schema file has $id ${file.url}`);
      return text;
    },
  };
  const options = { resolve: { loaded, http: false, file: false }, dereference: { circular: false } };
  return (await $RefParser.dereference(id, structuredClone(schema), options as never)) as unknown as JsonObject;
}
