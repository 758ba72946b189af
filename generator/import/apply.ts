import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import type { ImportPlan } from "./whop.js";

/** The `*.schema.json` files of a catalogue folder: path below it (with `/`) → text, in path order. */
export function readCatalogue(dir: string): Map<string, string> {
  const paths = readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".schema.json"))
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join("/"))
    .sort();
  return new Map(paths.map((path) => [path, readFileSync(join(dir, path), "utf8")]));
}

/** Writes the plan's files whose bytes differ and removes the ones it drops; returns the paths it changed. */
export function applyPlan(dir: string, plan: ImportPlan): { written: string[]; removed: string[] } {
  const written: string[] = [];
  for (const [path, text] of plan.write) {
    const file = join(dir, path);
    let before: string | undefined;
    try {
      before = readFileSync(file, "utf8");
    } catch {
      before = undefined;
    }
    if (before === text) continue;
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    written.push(path);
  }
  for (const path of plan.remove) rmSync(join(dir, path));
  return { written, removed: plan.remove };
}
