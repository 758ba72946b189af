import { banner } from "../banner.js";
import { toolRoot } from "../cache/version.js";
import type { Catalogue } from "../catalogue.js";
import { isProvider, nestedIn, type CatalogueUnit, type ProjectInputs } from "../inputs.js";
import { bundledSchema } from "./bundled-schema.js";
import { buildEntries } from "./build.js";
import { eventPage } from "./docs.js";
import { packageJson, subpathPackageJson } from "./package-json.js";
import { readme } from "./readme.js";
import { entrySources, entryStandIns, readRuntime, withBanner } from "./sources.js";

/** One catalogue's entry point before its build: sources, shipped schemas, and the files beside them. */
async function prepareCatalogue(
  unit: CatalogueUnit,
  all: readonly Catalogue[],
  project: ProjectInputs,
  runtime: [string, string][],
) {
  const { catalogue, delivery, files } = unit;
  const at = (name: string) => `${catalogue.path}/${name}`;
  const schemas = new Map(
    await Promise.all(catalogue.events.map(async (e) => [e.stem, await bundledSchema(e, files)] as const)),
  );
  // The validators' AJV helpers are the generator's own dependencies, found from its folder whatever the root.
  const sources = await entrySources(catalogue, delivery, files, schemas, runtime, toolRoot);
  const changelog = project.changelogs.get(catalogue.path);
  const pages = catalogue.events.map(
    (e) => [at(`docs/${e.stem}.md`), eventPage(catalogue, e, schemas.get(e.stem)!)] as [string, string],
  );
  const beside: [string, string][] = [
    ...[...schemas].map(
      ([stem, schema]) => [at(`schemas/${stem}.json`), `${JSON.stringify(schema, null, 2)}\n`] as [string, string],
    ),
    ...pages,
    [at("README.md"), readme(catalogue, delivery, schemas, nestedIn(catalogue, all))],
    ...((isProvider(catalogue)
      ? [
          [
            at("package.json"),
            packageJson(
              catalogue,
              String(delivery.provider),
              nestedIn(catalogue, all),
              project.version,
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
  return { catalogue, sources, standIns: entryStandIns(catalogue), beside };
}

/** Each catalogue's files: sources, build (all catalogues type-checked in one program), schemas, docs, README. */
export async function emitCatalogues(
  units: readonly CatalogueUnit[],
  all: readonly Catalogue[],
  project: ProjectInputs,
): Promise<[string, string][][]> {
  const runtime = readRuntime();
  const prepared = [];
  for (const unit of units) prepared.push(await prepareCatalogue(unit, all, project, runtime));
  const dists = await buildEntries(prepared);
  return prepared.map(({ catalogue, sources, beside }, i) => [
    ...[...sources].map(([path, text]) => [`${catalogue.path}/src/${path}`, text] as [string, string]),
    ...[...dists[i]!].map(
      ([path, text]) => [`${catalogue.path}/dist/${path}`, withBanner(catalogue, text)] as [string, string],
    ),
    ...beside,
  ]);
}
