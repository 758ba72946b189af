import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { hashOf } from "./cache/store.js";
import type { Catalogue } from "./catalogue.js";
import { type Links, linksOf } from "./emit/links.js";
import type { DeliveryJson } from "./lint/delivery.js";
import type { SchemaFile } from "./load.js";

/** What every package takes from the project itself, read once per run. */
export interface ProjectInputs {
  /** The project folder: the testing subpath reads each catalogue's examples from it. */
  root: string;
  version: string;
  /** Where the repository lives, for the packages' npm metadata and README links. */
  links: Links;
  license: string;
  /** Each provider's `schemas/<provider>/CHANGELOG.md`, where it has one (written by `npm run breaking`). */
  changelogs: Map<string, string>;
}

/** The project's version, links, license and changelogs, read from `root`. */
export function projectInputs(root: string, catalogues: readonly Catalogue[]): ProjectInputs {
  const rootPackage = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
    version: string;
    repository?: unknown;
  };
  return {
    root,
    version: rootPackage.version,
    links: linksOf(rootPackage.repository),
    license: readFileSync(join(root, "LICENSE"), "utf8"),
    changelogs: new Map(
      catalogues
        .filter(isProvider)
        .map((c) => [c.path, join(root, "schemas", c.path, "CHANGELOG.md")] as const)
        .filter(([, file]) => existsSync(file))
        .map(([path, file]) => [path, readFileSync(file, "utf8")]),
    ),
  };
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
  examples: readonly (readonly [string, string])[],
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
    examples,
    links: project.links,
    delivery,
    nested,
    ...provider,
  });
}

/** The files of a catalogue's `examples/` folder with their text, in name order: the testing subpath ships them. */
export function exampleTexts(root: string, catalogue: string): [string, string][] {
  const dir = join(root, "schemas", catalogue, "examples");
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .map((name) => [name, readFileSync(join(dir, name), "utf8")]);
}

/** Each catalogue with its schema files (its own and its shared objects, in path order), delivery.json and key. */
export function catalogueUnits(
  catalogues: readonly Catalogue[],
  deliveries: readonly DeliveryJson[],
  generator: string,
  project: ProjectInputs,
): CatalogueUnit[] {
  return catalogues.map((catalogue, i) => {
    const mine = [...catalogue.commons, ...catalogue.events.map((e) => e.file)].sort((a, b) =>
      a.path < b.path ? -1 : 1,
    );
    const delivery = deliveries[i]!;
    const examples = exampleTexts(project.root, catalogue.path);
    const key = catalogueKey(generator, catalogue, delivery, mine, examples, catalogues, project);
    return { catalogue, delivery, files: mine, key };
  });
}
