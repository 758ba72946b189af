import { readdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { buildCatalogues, type Catalogue } from "../../generator/catalogue.js";
import { loadSchemas } from "../../generator/load.js";
import { validatorName } from "../../generator/naming.js";

export const projectRoot = join(import.meta.dirname, "..", "..");

/** The built ES module of a catalogue's entry point (`generated/<catalogue>/dist/index.js`). */
export async function builtPackage<T>(catalogue: string): Promise<T> {
  return (await import(pathToFileURL(join(projectRoot, "generated", catalogue, "dist", "index.js")).href)) as T;
}

/** The project's catalogues, as the generator sees them. */
export function catalogues(): Catalogue[] {
  return buildCatalogues(loadSchemas(join(projectRoot, "schemas")).files).catalogues;
}

export interface ShippedValidator {
  (value: unknown): boolean;
  errors?: Array<{ instancePath: string; keyword: string; params: Record<string, unknown>; message?: string }> | null;
}

/** The generated (shipped) validator of a schema, by catalogue and stem (`common/member` for shared objects). */
export async function shippedValidator(catalogue: string, stem: string): Promise<ShippedValidator> {
  const module = (await import(
    pathToFileURL(join(projectRoot, "generated", catalogue, "src", "validators.js")).href
  )) as Record<string, ShippedValidator>;
  const validate = module[validatorName(stem)];
  if (!validate) throw new Error(`generated/${catalogue}/src/validators.js has no ${validatorName(stem)}`);
  return validate;
}

/** The pointer each error points at; for a missing property, the property's own pointer. */
export function errorPointers(validate: ShippedValidator): string[] {
  return (validate.errors ?? []).map((e) =>
    e.keyword === "required" ? `${e.instancePath}/${String(e.params.missingProperty)}` : e.instancePath,
  );
}

/** The files in a catalogue's examples folder, other than the manifest. */
export function exampleFiles(catalogue: string): string[] {
  return readdirSync(join(projectRoot, "schemas", catalogue, "examples"))
    .filter((name) => name !== "examples.json")
    .sort();
}
