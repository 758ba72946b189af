import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { buildCatalogues } from "../catalogue.js";
import { dereference } from "../dereference.js";
import { loadSchemas, type SchemaFile } from "../load.js";
import { isObject, type JsonObject } from "../schema-walk.js";

/** A revision of the project: a git ref, or the work tree when undefined. */
export type Revision = string | undefined;

const git = (root: string, args: string[]): string =>
  execFileSync("git", args, {
    cwd: root,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    stdio: ["ignore", "pipe", "pipe"],
  });

/** Throws a readable error when `ref` names no commit. */
export function checkRef(root: string, ref: string): void {
  try {
    git(root, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]);
  } catch {
    throw new Error(`"${ref}" is not a commit in ${root}.`);
  }
}

function parseFile(path: string, text: string): SchemaFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`schemas/${path} is not valid JSON: ${(error as Error).message}`);
  }
  if (!isObject(json)) throw new Error(`schemas/${path} does not hold one JSON object.`);
  return { path, text, json };
}

/** The `*.schema.json` files below `schemas/` at a revision, as the generator loads them. */
export function schemaFiles(root: string, revision: Revision): SchemaFile[] {
  if (revision === undefined) {
    const { files, problems } = loadSchemas(join(root, "schemas"));
    if (problems[0]) throw new Error(`schemas/${problems[0].file}: ${problems[0].message}`);
    return files;
  }
  const paths = git(root, ["ls-tree", "-r", "-z", "--name-only", revision, "--", "schemas"])
    .split("\0")
    .filter((path) => path.startsWith("schemas/") && path.endsWith(".schema.json"))
    .sort();
  return paths.map((path) => parseFile(path.slice("schemas/".length), git(root, ["show", `${revision}:./${path}`])));
}

/** The `version` in `generated/<name>/package.json` at a revision, or undefined when there is none. */
export function packageVersion(root: string, revision: Revision, name: string): string | undefined {
  const path = `generated/${name}/package.json`;
  let text: string;
  try {
    if (revision !== undefined) text = git(root, ["show", `${revision}:./${path}`]);
    else if (existsSync(join(root, path))) text = readFileSync(join(root, path), "utf8");
    else return undefined;
  } catch {
    return undefined;
  }
  const json: unknown = JSON.parse(text);
  return isObject(json) && typeof json.version === "string" ? json.version : undefined;
}

/** The package a catalogue is published in: `teachfloor/early` is part of `teachfloor`. */
export const packageOf = (catalogue: string): string => catalogue.split("/")[0]!;

/**
 * Every event of every package, dereferenced against the files of the same revision: package → event (its path
 * inside the package, `early/member.joined`) → schema.
 */
export async function dereferencedEvents(files: readonly SchemaFile[]): Promise<Map<string, Map<string, JsonObject>>> {
  const { catalogues } = buildCatalogues(files);
  const packages = new Map<string, Map<string, JsonObject>>();
  for (const catalogue of catalogues) {
    const name = packageOf(catalogue.path);
    const events = packages.get(name) ?? new Map<string, JsonObject>();
    packages.set(name, events);
    const inside = catalogue.path.slice(name.length + 1);
    for (const event of catalogue.events) {
      const schema = await dereference(event.id, event.file.json, files).catch((error: unknown) => {
        throw new Error(`schemas/${event.file.path}: ${error instanceof Error ? error.message : String(error)}`);
      });
      events.set(inside ? `${inside}/${event.stem}` : event.stem, schema);
    }
  }
  return packages;
}
