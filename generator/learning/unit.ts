import { hashOf } from "../cache/store.js";
import type { Catalogue } from "../catalogue.js";
import type { ProjectInputs } from "../inputs.js";
import type { SchemaFile } from "../load.js";
import type { Problem } from "../problem.js";
import { learningProblems } from "./check.js";
import { loadLearning } from "./file.js";
import { mappedEvents } from "./model.js";
import type { LearningDocsInput } from "./docs.js";

/** The folder of `@coursehooks/learning` below generated/: no catalogue may have its name. */
export const learningFolder = "learning";

/**
 * Every catalogue's `learning.json`, checked against its schemas: the mapped events of each catalogue that has one,
 * or the problems.
 */
export function loadLearnings(
  schemasDir: string,
  catalogues: readonly Catalogue[],
  files: readonly SchemaFile[],
): { entries: LearningDocsInput; problems: Problem[] } {
  const problems: Problem[] = catalogues
    .filter((c) => c.path.split("/")[0] === learningFolder)
    .map((c) => ({
      file: `${c.path}/`,
      pointer: "",
      message: `No catalogue is named ${learningFolder}: generated/${learningFolder} is the learning package.`,
    }));
  const entries = catalogues.flatMap((catalogue) => {
    const loaded = loadLearning(schemasDir, catalogue.path);
    problems.push(...loaded.problems);
    if (!loaded.learning) return [];
    const found = learningProblems(catalogue, loaded.learning, files);
    problems.push(...found);
    return found.length
      ? []
      : [
          {
            catalogue,
            learning: loaded.learning,
            mapped: mappedEvents({ catalogue, learning: loaded.learning }, files),
          },
        ];
  });
  return { entries, problems };
}

/** The cache key of the learning package: the mappings, every catalogue's key (its types), and the project. */
export const learningKey = (
  generator: string,
  entries: LearningDocsInput,
  catalogueKeys: readonly string[],
  project: ProjectInputs,
): string =>
  hashOf({
    generator,
    learning: entries.map((e) => [e.catalogue.path, e.learning]),
    catalogueKeys,
    version: project.version,
    license: project.license,
    links: project.links,
  });
