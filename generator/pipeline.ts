import { existsSync, readFileSync } from "node:fs";
import { banner } from "./banner.js";
import { join } from "node:path";
import { buildCatalogues, type Catalogue } from "./catalogue.js";
import { bundledSchema } from "./emit/bundled-schema.js";
import { buildEntry } from "./emit/build.js";
import { eventPage, overallIndex } from "./emit/docs.js";
import { packageJson, subpathPackageJson } from "./emit/package-json.js";
import { readme } from "./emit/readme.js";
import { entrySources, readRuntime, withBanner } from "./emit/sources.js";
import { linksOf, type Links } from "./emit/links.js";
import { emitTesting } from "./emit/testing.js";
import { catalogueOf } from "./ids.js";
import { loadDelivery, type DeliveryJson } from "./lint/delivery.js";
import { lint } from "./lint/index.js";
import { loadSchemas, type SchemaFile } from "./load.js";
import type { Problem } from "./problem.js";

export type Generated =
  | { ok: true; catalogues: Catalogue[]; files: Map<string, string> }
  | { ok: false; problems: Problem[] };

/** What every package takes from the project itself, read once per run. */
interface ProjectInputs {
  root: string;
  version: string;
  links: Links;
  license: string;
  runtime: [string, string][];
  /** Each provider's `schemas/<provider>/CHANGELOG.md`, where it has one (written by `npm run breaking`). */
  changelogs: Map<string, string>;
}

const isProvider = (catalogue: Catalogue) => !catalogue.path.includes("/");
const nestedIn = (provider: Catalogue, all: readonly Catalogue[]) => all.filter((c) => c.path.startsWith(`${provider.path}/`));

/** One catalogue's entry point: sources, build, shipped schemas, docs pages and README. */
async function emitCatalogue(catalogue: Catalogue, delivery: DeliveryJson, all: readonly Catalogue[], schemaFiles: readonly SchemaFile[], project: ProjectInputs): Promise<[string, string][]> {
  const files = schemaFiles.filter((file) => catalogueOf(file.path) === catalogue.path);
  const at = (name: string) => `${catalogue.path}/${name}`;
  const schemas = new Map(await Promise.all(catalogue.events.map(async (e) => [e.stem, await bundledSchema(e, files)] as const)));
  const sources = await entrySources(catalogue, delivery, files, schemas, project.runtime, project.root);
  const dist = await buildEntry(sources);
  const changelog = project.changelogs.get(catalogue.path);
  const pages = catalogue.events.map((e) => [at(`docs/${e.stem}.md`), eventPage(catalogue, e, schemas.get(e.stem)!)] as [string, string]);
  return [
    ...[...sources].map(([path, text]) => [at(`src/${path}`), text] as [string, string]),
    ...[...dist].map(([path, text]) => [at(`dist/${path}`), withBanner(catalogue, text)] as [string, string]),
    ...[...schemas].map(([stem, schema]) => [at(`schemas/${stem}.json`), `${JSON.stringify(schema, null, 2)}\n`] as [string, string]),
    ...pages,
    [at("README.md"), readme(catalogue, delivery, nestedIn(catalogue, all), project.links)],
    ...(await emitTesting(catalogue, delivery, sources, project.root)),
    ...((isProvider(catalogue)
      ? [
          [at("package.json"), packageJson(catalogue, String(delivery.provider), nestedIn(catalogue, all), project, changelog !== undefined)],
          [at("LICENSE"), project.license],
          ...(changelog === undefined ? [] : [[at("CHANGELOG.md"), banner(`schemas/${at("CHANGELOG.md")}`, "md") + changelog]]),
        ]
      : [[at("package.json"), subpathPackageJson()]]) as [string, string][]),
  ];
}

/** Load → lint → catalogue (with its delivery.json) → emit. Returns every problem, or every output file; writes nothing. */
export async function generate(root: string): Promise<Generated> {
  const { files, problems: loadProblems } = loadSchemas(join(root, "schemas"));
  const lintProblems = lint(files);
  const { catalogues, problems: catalogueProblems } = buildCatalogues(files);
  const deliveries = catalogues.map((catalogue) => loadDelivery(join(root, "schemas"), catalogue.path));
  const problems = [...loadProblems, ...lintProblems, ...catalogueProblems, ...deliveries.flatMap((d) => d.problems)];
  if (problems.length) return { ok: false, problems };
  const rootPackage = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string; repository?: unknown };
  const project: ProjectInputs = {
    root,
    version: rootPackage.version,
    links: linksOf(rootPackage.repository),
    license: readFileSync(join(root, "LICENSE"), "utf8"),
    runtime: readRuntime(),
    changelogs: new Map(
      catalogues
        .filter(isProvider)
        .map((c) => [c.path, join(root, "schemas", c.path, "CHANGELOG.md")] as const)
        .filter(([, file]) => existsSync(file))
        .map(([path, file]) => [path, readFileSync(file, "utf8")]),
    ),
  };
  const output = new Map<string, string>();
  for (const [i, catalogue] of catalogues.entries()) {
    for (const [path, content] of await emitCatalogue(catalogue, deliveries[i]!.delivery!, catalogues, files, project)) output.set(path, content);
  }
  output.set("README.md", overallIndex(catalogues));
  return { ok: true, catalogues, files: output };
}
