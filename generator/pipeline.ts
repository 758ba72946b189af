import { join } from "node:path";
import { OutputFiles } from "./cache/outputs.js";
import { type CachedFiles, type CacheSession, cacheSession } from "./cache/session.js";
import { generatorVersion } from "./cache/version.js";
import { buildCatalogues, type Catalogue } from "./catalogue.js";
import { overallIndex } from "./emit/docs.js";
import { catalogueUnits, projectInputs, type ProjectInputs } from "./inputs.js";
import type { LearningDocsInput } from "./learning/docs.js";
import { learningFolder, learningKey, loadLearnings } from "./learning/unit.js";
import { loadDelivery } from "./lint/delivery.js";
import { lint } from "./lint/index.js";
import { loadSchemas, type SchemaFile } from "./load.js";
import type { Problem } from "./problem.js";

export type Generated =
  | {
      ok: true;
      catalogues: Catalogue[];
      files: Map<string, string>;
      /** Catalogue paths emitted by this run, and those whose files came from the cache. */
      built: string[];
      reused: string[];
      /** Output files the cache vouches for: read back with the recorded bytes, or stamped unchanged since written. */
      verified: Set<string>;
      /** The recorded hash of each output file of the catalogues (not the overall index), to stamp once written. */
      hashes: Map<string, string>;
    }
  | { ok: false; problems: Problem[] };

export interface GenerateOptions {
  /**
   * Without it every catalogue is emitted and no cache is read or written. With it, `dir` is the cache and
   * `generated` the folder the previous output was written to, whose files a cache entry vouches for.
   */
  cache?: { dir: string; generated: string } | undefined;
}

/**
 * Load → lint → catalogue (with its delivery.json and learning.json) → emit each catalogue, then the learning
 * package. Returns every problem, or every output file; writes nothing but the cache. With a cache, a catalogue
 * whose inputs (see {@link catalogueKey}) are unchanged is not emitted again: its files are read from the previous
 * output, if they still have the bytes it was given; likewise the learning package (see {@link learningKey}).
 */
export async function generate(root: string, options: GenerateOptions = {}): Promise<Generated> {
  const schemas = join(root, "schemas");
  const { files, problems: loadProblems } = loadSchemas(schemas);
  const lintProblems = lint(files);
  const { catalogues, problems: catalogueProblems } = buildCatalogues(files);
  const deliveries = catalogues.map((catalogue) => loadDelivery(schemas, catalogue.path));
  const learning = loadLearnings(schemas, catalogues, files);
  const problems = [
    ...loadProblems,
    ...lintProblems,
    ...catalogueProblems,
    ...deliveries.flatMap((d) => d.problems),
    ...learning.problems,
  ];
  if (problems.length) return { ok: false, problems };
  const project = projectInputs(root, catalogues);
  const generator = options.cache === undefined ? "" : generatorVersion();
  const units = catalogueUnits(
    catalogues,
    deliveries.map((d) => d.delivery!),
    generator,
    project,
  );
  const cache = cacheSession(options.cache, generator);
  const made = new Map<string, CachedFiles>(units.flatMap((unit) => cacheHit(cache, unit.key)));
  const reusedKeys = [...made.keys()];
  const fresh = units.filter((unit) => !made.has(unit.key));
  // The emitters (TypeScript, AJV, esbuild…) are loaded only when there is something to emit.
  const emitted = fresh.length
    ? await (await import("./emit/catalogues.js")).emitCatalogues(fresh, catalogues, project)
    : [];
  fresh.forEach((unit, i) => {
    cache.record(unit.key, emitted[i]!);
    made.set(unit.key, emitted[i]!);
  });
  const built = fresh.map((unit) => unit.catalogue.path);
  const keys = units.map((unit) => unit.key);
  if (learning.entries.length) {
    const key = learningKey(generator, learning.entries, keys, project);
    keys.push(key);
    const found = cache.read(key);
    if (found) reusedKeys.push(key);
    else built.push(learningFolder);
    made.set(key, found ?? (await emitLearningOnce(cache, key, learning.entries, files, project, keys, made)));
  }
  cache.keep(keys);
  const output = new OutputFiles();
  for (const [path, text] of keys.flatMap((key) => made.get(key)!)) {
    if (typeof text === "string") output.set(path, text);
    else output.lazy(path, text);
  }
  output.set("README.md", overallIndex(catalogues, learning.entries));
  const all = [...catalogues.map((c) => c.path), ...(learning.entries.length ? [learningFolder] : [])];
  const reused = all.filter((path) => !built.includes(path));
  const verified = new Set(reusedKeys.flatMap((key) => made.get(key)!.map(([path]) => path)));
  return { ok: true, catalogues, files: output, built, reused, verified, hashes: cache.hashes };
}

const cacheHit = (cache: CacheSession, key: string): [string, CachedFiles][] => {
  const found = cache.read(key);
  return found ? [[key, found]] : [];
};

/** Emits `@coursehooks/learning` against the providers' declarations (from `made`), and records it. */
async function emitLearningOnce(
  cache: CacheSession,
  key: string,
  entries: LearningDocsInput,
  files: readonly SchemaFile[],
  project: ProjectInputs,
  keys: readonly string[],
  made: ReadonlyMap<string, CachedFiles>,
): Promise<[string, string][]> {
  const declarations = keys
    .flatMap((k) => made.get(k) ?? [])
    .filter(([path]) => /(\.d\.ts|\/package\.json)$/.test(path))
    .map(([path, text]): [string, string] => [path, typeof text === "string" ? text : text()]);
  const { emitLearning } = await import("./learning/emit.js");
  const emitted = await emitLearning(entries, files, project, new Map(declarations));
  cache.record(key, emitted);
  return emitted;
}
