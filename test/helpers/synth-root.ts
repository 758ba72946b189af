import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { synthProject, type SynthOptions } from "../../generator/synth/project.js";

/** A synthetic project root in a new temporary folder. */
export function synthRoot(options: SynthOptions): string {
  const root = mkdtempSync(join(tmpdir(), "coursehooks-synth-"));
  for (const [path, text] of synthProject(options)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

/** Rewrites one schema file of `root` through `change`. */
export function editSchema(root: string, path: string, change: (json: Record<string, unknown>) => void): void {
  const file = join(root, "schemas", path);
  const json = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
  change(json);
  writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
}
