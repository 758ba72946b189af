import { banner, catalogueSources } from "../banner.js";
import { toolRoot } from "../cache/version.js";
import type { Catalogue } from "../catalogue.js";
import { isProvider, nestedIn, type CatalogueUnit, type ProjectInputs } from "../inputs.js";
import { bundledSchema, shippedSchema } from "./bundled-schema.js";
import { buildEntries, type Sources } from "./build.js";
import { eventPage } from "./docs.js";
import { packageJson, subpathPackageJson } from "./package-json.js";
import { biomeFormatter, type Format, formatAll } from "./format.js";
import { readme } from "./readme.js";
import { testingEntry, testingFiles } from "./testing.js";
import { entrySources, entryStandIns, readRuntime, withBanner } from "./sources.js";

/** One catalogue's entry point before its build: sources, shipped schemas, and the files beside them. */
async function prepareCatalogue(
  unit: CatalogueUnit,
  all: readonly Catalogue[],
  project: ProjectInputs,
  runtime: [string, string][],
  format: Format,
) {
  const { catalogue, delivery, files } = unit;
  const at = (name: string) => `${catalogue.path}/${name}`;
  const schemas = new Map(
    await Promise.all(catalogue.events.map(async (e) => [e.stem, await bundledSchema(e, files)] as const)),
  );
  const shipped = new Map([...schemas].map(([stem, schema]) => [stem, shippedSchema(schema)]));
  // The validators' AJV helpers are the generator's own dependencies, found from its folder whatever the root.
  const sources = formatAll(format, await entrySources(catalogue, delivery, files, shipped, runtime, toolRoot));
  const changelog = project.changelogs.get(catalogue.path);
  const pages = catalogue.events.map(
    (e) => [at(`docs/${e.stem}.md`), eventPage(catalogue, e, schemas.get(e.stem)!)] as [string, string],
  );
  const beside: [string, string][] = [
    ...[...shipped].map(
      ([stem, schema]) => [at(`schemas/${stem}.json`), `${JSON.stringify(schema, null, 2)}\n`] as [string, string],
    ),
    ...pages,
    [at("README.md"), readme(catalogue, delivery, nestedIn(catalogue, all), project.links)],
    ...((isProvider(catalogue)
      ? [
          [
            at("package.json"),
            packageJson(
              catalogue,
              String(delivery.provider),
              nestedIn(catalogue, all),
              project,
              changelog !== undefined,
            ),
          ],
          [at("LICENSE"), project.license],
          ...(changelog === undefined
            ? []
            : [[at("CHANGELOG.md"), banner(`schemas/${at("CHANGELOG.md")}`, "md") + changelog]]),
        ]
      : [[at("package.json"), subpathPackageJson()]]) as [string, string][]),
  ];
  const testing = testingEntry(catalogue, delivery, sources, project.root, format);
  return { catalogue, sources, standIns: entryStandIns(catalogue), beside, testing };
}

type Prepared = Awaited<ReturnType<typeof prepareCatalogue>>;

/** Each catalogue's files: sources, build (all catalogues type-checked in one program), schemas, docs, README. */
export async function emitCatalogues(
  units: readonly CatalogueUnit[],
  all: readonly Catalogue[],
  project: ProjectInputs,
): Promise<[string, string][][]> {
  const runtime = readRuntime();
  const prepared: Prepared[] = [];
  const format = biomeFormatter();
  for (const unit of units) prepared.push(await prepareCatalogue(unit, all, project, runtime, format));
  // Every entry and its testing subpath are type-checked together, in one program.
  const standInsOf = (p: Prepared): Sources => new Map([...p.standIns].filter(([path]) => p.testing.sources.has(path)));
  const dists = await buildEntries([
    ...prepared,
    ...prepared.map((p) => ({ sources: p.testing.sources, standIns: standInsOf(p) })),
  ]);
  return prepared.map(({ catalogue, sources, beside, testing }, i) => [
    ...[...sources].map(([path, text]) => [`${catalogue.path}/src/${path}`, text] as [string, string]),
    ...[...dists[i]!].map(
      ([path, text]) =>
        [`${catalogue.path}/dist/${path}`, withBanner(catalogueSources(catalogue.path), text)] as [string, string],
    ),
    ...beside,
    ...testingFiles(catalogue, testing, dists[prepared.length + i]!),
  ]);
}
