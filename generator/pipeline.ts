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
  const problems = [...loadProblems, ...lintProblems, ...catalogueProblems, ...deliveries.flatMap((d) => d.problems)];
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
  const cached = new Map<string, [string, string | (() => string)][]>(
    units.flatMap((unit) => {
      const recorded = cache === undefined ? undefined : readEntry(cache.dir, unit.key, generator);
      const found =
        cache === undefined || recorded === undefined ? undefined : recordedFiles(cache.generated, recorded, stamps);
      if (found) for (const [path, hash] of recorded!) hashes.set(path, hash);
      return found ? [[unit.key, found] as const] : [];
    }),
  );
  const fresh = units.filter((unit) => !cached.has(unit.key));
  // The emitters (TypeScript, AJV, esbuild…) are loaded only when there is something to emit.
  const emitted = fresh.length
    ? await (await import("./emit/catalogues.js")).emitCatalogues(fresh, catalogues, project)
    : [];
  fresh.forEach((unit, i) => {
    if (cache !== undefined) {
      for (const [path, hash] of writeEntry(cache.dir, unit.key, generator, emitted[i]!)) hashes.set(path, hash);
    }
    cached.set(unit.key, emitted[i]!);
  });
  if (cache !== undefined) pruneEntries(cache.dir, new Set(units.map((unit) => unit.key)));
  const output = new OutputFiles();
  for (const [path, text] of units.flatMap((unit) => cached.get(unit.key)!)) {
    if (typeof text === "string") output.set(path, text);
    else output.lazy(path, text);
  }
  output.set("README.md", overallIndex(catalogues));
  const built = fresh.map((unit) => unit.catalogue.path);
  const reused = catalogues.map((c) => c.path).filter((path) => !built.includes(path));
  const fromCache = units.filter((unit) => !fresh.includes(unit));
  const verified = new Set(fromCache.flatMap((unit) => cached.get(unit.key)!.map(([path]) => path)));
  return { ok: true, catalogues, files: output, built, reused, verified, hashes };
}
