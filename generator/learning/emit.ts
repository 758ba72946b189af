import { join } from "node:path";
import { buildEntries } from "../emit/build.js";
import { biomeFormatter, formatAll } from "../emit/format.js";
import { packageLinks } from "../emit/links.js";
import { readRuntime, withBanner } from "../emit/sources.js";
import type { ProjectInputs } from "../inputs.js";
import type { SchemaFile } from "../load.js";
import { learningReadme, type LearningDocsInput } from "./docs.js";
import { learningEntry, learningSources } from "./entry.js";

function learningPackageJson(entries: LearningDocsInput, project: ProjectInputs): string {
  const providers = [...new Set(entries.map((e) => `@coursehooks/${e.catalogue.path.split("/")[0]}`))].sort();
  const json = {
    name: "@coursehooks/learning",
    version: project.version,
    description:
      "One model for learning events (enrolled, activity completed, course completed…) across course platforms.",
    license: "MIT",
    ...packageLinks(project.links, "learning"),
    type: "module",
    sideEffects: false,
    engines: { node: ">=20" },
    main: "./dist/index.cjs",
    module: "./dist/index.js",
    types: "./dist/index.d.cts",
    exports: {
      ".": {
        import: { types: "./dist/index.d.ts", default: "./dist/index.js" },
        require: { types: "./dist/index.d.cts", default: "./dist/index.cjs" },
      },
      "./package.json": "./package.json",
    },
    files: ["dist", "README.md", "LICENSE"],
    dependencies: Object.fromEntries(providers.map((name) => [name, project.version])),
    keywords: ["webhooks", "learning", "course", "lms", "elearning", "learning-events", "typescript", "normalize"],
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}

/**
 * `generated/learning/`: sources, build, package.json, README and license. `providerFiles` are the providers'
 * generated files (path below generated/ → text): their declarations are what the learning package is checked
 * against; the bundles import the provider packages, never copy them.
 */
export async function emitLearning(
  entries: LearningDocsInput,
  files: readonly SchemaFile[],
  project: ProjectInputs,
  providerFiles: ReadonlyMap<string, string>,
): Promise<[string, string][]> {
  const sources = formatAll(
    biomeFormatter(),
    new Map([["index.ts", learningEntry(entries)], ...readRuntime(join(import.meta.dirname, "runtime"))]),
  );
  const libraries = new Map(
    [...providerFiles]
      .filter(([path]) => /(\.d\.ts|package\.json)$/.test(path) && !path.startsWith("learning/"))
      .map(([path, text]) => [`/node_modules/@coursehooks/${path}`, text]),
  );
  const [dist] = await buildEntries([{ sources }], { external: /^@coursehooks\//, files: libraries });
  return [
    ...[...sources].map(([path, text]) => [`learning/src/${path}`, text] as [string, string]),
    ...[...dist!].map(
      ([path, text]) => [`learning/dist/${path}`, withBanner(learningSources, text)] as [string, string],
    ),
    ["learning/package.json", learningPackageJson(entries, project)],
    ["learning/README.md", learningReadme(entries, files, project.links)],
    ["learning/LICENSE", project.license],
  ];
}
