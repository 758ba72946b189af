import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { OutputFiles } from "./cache/outputs.js";
import { readStamps } from "./cache/stamps.js";
import { pruneEntries, readEntry, recordedFiles, writeEntry } from "./cache/store.js";
import { generatorVersion } from "./cache/version.js";
import { buildCatalogues, type Catalogue } from "./catalogue.js";
import { overallIndex } from "./emit/docs.js";
import { linksOf } from "./emit/links.js";
import { catalogueKey, exampleTexts, isProvider, type CatalogueUnit, type ProjectInputs } from "./inputs.js";
import { loadDelivery } from "./lint/delivery.js";
import { lint } from "./lint/index.js";
import { loadSchemas } from "./load.js";
import type { Problem } from "./problem.js";
import { learningFolder, learningKey, loadLearnings } from "./learning/unit.js";

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
 * Load → lint → catalogue (with its delivery.json) → emit. Returns every problem, or every output file; writes
 * nothing but the cache. With a cache, a catalogue whose inputs (see {@link catalogueKey}) are unchanged is not
 * emitted again: its files are read from the previous output, if they still have the bytes it was given.
 */
export async function generate(root: string, options: GenerateOptions = {}): Promise<Generated> {
  const { files, problems: loadProblems } = loadSchemas(join(root, "schemas"));
  const lintProblems = lint(files);
  const { catalogues, problems: catalogueProblems } = buildCatalogues(files);
  const deliveries = catalogues.map((catalogue) => loadDelivery(join(root, "schemas"), catalogue.path));
  const learning = loadLearnings(join(root, "schemas"), catalogues, files);
  const problems = [
    ...loadProblems,
    ...lintProblems,
    ...catalogueProblems,
    ...deliveries.flatMap((d) => d.problems),
    ...learning.problems,
  ];
  if (problems.length) return { ok: false, problems };
  const rootPackage = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
    version: string;
    repository?: unknown;
  };
  const project: ProjectInputs = {
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
  const generator = options.cache === undefined ? "" : generatorVersion();
  const units = catalogues.map((catalogue, i): CatalogueUnit => {
    const mine = [...catalogue.commons, ...catalogue.events.map((e) => e.file)].sort((a, b) =>
      a.path < b.path ? -1 : 1,
    );
    const delivery = deliveries[i]!.delivery!;
    const examples = exampleTexts(root, catalogue.path);
    const key = catalogueKey(generator, catalogue, delivery, mine, examples, catalogues, project);
    return { catalogue, delivery, files: mine, key };
  });
  const { cache } = options;
  const stamps = cache === undefined ? new Map() : readStamps(cache.dir);
  /** The hash of every output file the cache knows, so the script can stamp them once written. */
  const hashes = new Map<string, string>();
  /** The files under a cache key, read back from the previous output if the cache vouches for them. */
  const fromCache = (key: string) => {
    const recorded = cache === undefined ? undefined : readEntry(cache.dir, key, generator);
    const found = recorded === undefined ? undefined : recordedFiles(cache!.generated, recorded, stamps);
    if (found) for (const [path, hash] of recorded!) hashes.set(path, hash);
    return found;
  };
  const remember = (key: string, files: [string, string][]) => {
    if (cache !== undefined)
      for (const [path, hash] of writeEntry(cache.dir, key, generator, files)) hashes.set(path, hash);
  };
  const cached = new Map<string, [string, string | (() => string)][]>(
    units.flatMap((unit) => {
      const found = fromCache(unit.key);
      return found ? [[unit.key, found] as const] : [];
    }),
  );
  const fresh = units.filter((unit) => !cached.has(unit.key));
  const reusedKeys = units.filter((unit) => cached.has(unit.key)).map((unit) => unit.key);
  // The emitters (TypeScript, AJV, esbuild…) are loaded only when there is something to emit.
  const emitted = fresh.length
    ? await (await import("./emit/catalogues.js")).emitCatalogues(fresh, catalogues, project)
    : [];
  fresh.forEach((unit, i) => {
    remember(unit.key, emitted[i]!);
    cached.set(unit.key, emitted[i]!);
  });
  const built = fresh.map((unit) => unit.catalogue.path);
  const keys = units.map((unit) => unit.key);
  if (learning.entries.length) {
    const key = learningKey(generator, learning.entries, keys, project);
    keys.push(key);
    const found = fromCache(key);
    if (found) {
      cached.set(key, found);
      reusedKeys.push(key);
    } else {
      const providerFiles = new Map(
        units.flatMap((unit) => cached.get(unit.key)!).filter(([path]) => /(\.d\.ts|\/package\.json)$/.test(path)),
      );
      const texts = new Map([...providerFiles].map(([path, text]) => [path, typeof text === "string" ? text : text()]));
      const { emitLearning } = await import("./learning/emit.js");
      const made = await emitLearning(learning.entries, files, project, texts);
      remember(key, made);
      cached.set(key, made);
      built.push(learningFolder);
    }
  }
  if (cache !== undefined) pruneEntries(cache.dir, new Set(keys));
  const output = new OutputFiles();
  for (const [path, text] of keys.flatMap((key) => cached.get(key)!)) {
    if (typeof text === "string") output.set(path, text);
    else output.lazy(path, text);
  }
  output.set("README.md", overallIndex(catalogues, learning.entries));
  const reused = [...catalogues.map((c) => c.path), ...(learning.entries.length ? [learningFolder] : [])].filter(
    (path) => !built.includes(path),
  );
  const verified = new Set(reusedKeys.flatMap((key) => cached.get(key)!.map(([path]) => path)));
  return { ok: true, catalogues, files: output, built, reused, verified, hashes };
}
