import { join } from "node:path";
import { buildCatalogues, type Catalogue } from "./catalogue.js";
import { dereference } from "./dereference.js";
import { catalogueOf } from "./ids.js";
import { catalogueIndex, eventPage, overallIndex } from "./emit/docs.js";
import { emitTypes } from "./emit/types.js";
import { emitValidators, emitValidatorTypes } from "./emit/validators.js";
import { lint } from "./lint/index.js";
import { loadSchemas, type SchemaFile } from "./load.js";
import type { Problem } from "./problem.js";

export type Generated =
  | { ok: true; catalogues: Catalogue[]; files: Map<string, string> }
  | { ok: false; problems: Problem[] };

/** The files of one catalogue's output folder, keyed by path below `generated/`. */
async function emitCatalogue(catalogue: Catalogue, all: readonly SchemaFile[], root: string): Promise<[string, string][]> {
  const files = all.filter((file) => catalogueOf(file.path) === catalogue.path);
  const at = (name: string) => `${catalogue.path}/${name}`;
  const pages = await Promise.all(
    catalogue.events.map(async (event) => [at(`docs/${event.stem}.md`), eventPage(catalogue, event, await dereference(event.id, event.file.json, files))] as [string, string]),
  );
  return [
    [at("types.ts"), await emitTypes(catalogue, files)],
    [at("validators.js"), await emitValidators(catalogue, files, root)],
    [at("validators.d.ts"), emitValidatorTypes(catalogue)],
    [at("README.md"), catalogueIndex(catalogue, `${catalogue.prefix} events`)],
    ...pages,
  ];
}

/** Load → lint → catalogue → emit. Returns every problem, or every output file; writes nothing. */
export async function generate(root: string): Promise<Generated> {
  const { files, problems: loadProblems } = loadSchemas(join(root, "schemas"));
  const lintProblems = lint(files);
  const { catalogues, problems: catalogueProblems } = buildCatalogues(files);
  const problems = [...loadProblems, ...lintProblems, ...catalogueProblems];
  if (problems.length) return { ok: false, problems };
  const output = new Map<string, string>();
  for (const catalogue of catalogues) {
    for (const [path, content] of await emitCatalogue(catalogue, files, root)) output.set(path, content);
  }
  output.set("README.md", overallIndex(catalogues));
  return { ok: true, catalogues, files: output };
}
