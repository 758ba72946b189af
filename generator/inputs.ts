import { hashOf } from "./cache/store.js";
import type { Catalogue } from "./catalogue.js";
import type { DeliveryJson } from "./lint/delivery.js";
import type { SchemaFile } from "./load.js";

/** What every package takes from the project itself, read once per run. */
export interface ProjectInputs {
  version: string;
  license: string;
  /** Each provider's `schemas/<provider>/CHANGELOG.md`, where it has one (written by `npm run breaking`). */
  changelogs: Map<string, string>;
}

/** A catalogue with what it is made from: its delivery.json, its schema files, and the cache key of all that. */
export interface CatalogueUnit {
  catalogue: Catalogue;
  delivery: DeliveryJson;
  files: SchemaFile[];
  key: string;
}

export const isProvider = (catalogue: Catalogue): boolean => !catalogue.path.includes("/");
export const nestedIn = (provider: Catalogue, all: readonly Catalogue[]): Catalogue[] =>
  all.filter((c) => c.path.startsWith(`${provider.path}/`));

/**
 * The cache key of a catalogue's files: a hash of everything they are made from. The generator version
 * (its sources, runtime and locked dependencies), the catalogue's path, the text of each of its schema files
 * (the emitters read no other: a `$ref` is resolved among them), its delivery.json, the paths of the catalogues
 * nested in it, and for a provider's package the project version, license and changelog.
 */
export function catalogueKey(
  generator: string,
  catalogue: Catalogue,
  delivery: DeliveryJson,
  files: readonly SchemaFile[],
  all: readonly Catalogue[],
  project: ProjectInputs,
): string {
  const provider = isProvider(catalogue)
    ? { version: project.version, license: project.license, changelog: project.changelogs.get(catalogue.path) ?? null }
    : {};
  const nested = nestedIn(catalogue, all).map((c) => c.path);
  return hashOf({
    generator,
    path: catalogue.path,
    files: files.map((file) => [file.path, file.text]),
    delivery,
    nested,
    ...provider,
  });
}
