import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";

/** This generator's repository: the folder above `generator/`. */
export const toolRoot = join(import.meta.dirname, "..", "..");

/**
 * A hash of everything that makes the generator what it is: its own sources (the runtime included) and the
 * locked versions of its dependencies. Any edit to either gives another version, so no older output is reused.
 */
export function generatorVersion(tool = toolRoot): string {
  const hash = createHash("sha256");
  const sources = readdirSync(join(tool, "generator"), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(tool, join(entry.parentPath, entry.name)).split(sep).join("/"))
    .sort();
  for (const path of [...sources, "package-lock.json"]) {
    hash
      .update(`${path}\0`)
      .update(readFileSync(join(tool, path)))
      .update("\0");
  }
  return hash.digest("hex");
}
