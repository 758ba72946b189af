import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { banner } from "../banner.js";
import type { Catalogue } from "../catalogue.js";
import type { DeliveryJson } from "../lint/delivery.js";
import type { SchemaFile } from "../load.js";
import type { JsonObject } from "../schema-walk.js";
import { entryModule, jsonSchemasModule, jsonSchemasStandIn } from "./entry.js";
import { emitTypes } from "./types.js";
import { emitValidators, emitValidatorTypes } from "./validators.js";

const runtimeDir = join(import.meta.dirname, "..", "runtime");

/**
 * The runtime every package carries (parse, issues, verify, handler…), from `generator/runtime/` or another folder
 * of the generator, bannered, by path below `src/`.
 */
export function readRuntime(dir = runtimeDir): [string, string][] {
  const folder = relative(join(import.meta.dirname, "..", ".."), dir)
    .split(sep)
    .join("/");
  return readdirSync(dir)
    .filter((name) => name.endsWith(".ts"))
    .sort()
    .map((name) => [`runtime/${name}`, banner(`${folder}/${name}`, "ts") + readFileSync(join(dir, name), "utf8")]);
}

/** The TypeScript and JavaScript sources of a catalogue's entry point, by path below its `src/`. */
export async function entrySources(
  catalogue: Catalogue,
  delivery: DeliveryJson,
  files: readonly SchemaFile[],
  schemas: ReadonlyMap<string, JsonObject>,
  runtime: readonly [string, string][],
  root: string,
): Promise<Map<string, string>> {
  return new Map([
    ["index.ts", entryModule(catalogue, delivery)],
    ["types.ts", await emitTypes(catalogue, files)],
    ["validators.js", await emitValidators(catalogue, files, root)],
    ["validators.d.ts", emitValidatorTypes(catalogue)],
    ["json-schemas.ts", jsonSchemasModule(catalogue, schemas)],
    ...runtime,
  ]);
}

/** What the type-checker reads in place of some sources: see {@link jsonSchemasStandIn}. */
export const entryStandIns = (catalogue: Catalogue): Map<string, string> =>
  new Map([["json-schemas.ts", jsonSchemasStandIn(catalogue)]]);

/** Puts the do-not-edit banner (naming `sources`) on built files that lack it. */
export const withBanner = (sources: string, text: string): string => {
  const line = banner(sources, "ts");
  return text.startsWith(line) ? text : line + text;
};
