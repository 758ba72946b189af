import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

/**
 * Replaces `dir` with exactly `files` (path → content): everything is written to a fresh folder
 * beside it first, then swapped in, so a failure leaves `dir` as it was.
 */
export function replaceFolder(dir: string, files: ReadonlyMap<string, string>): void {
  const next = `${dir}.next`;
  const previous = `${dir}.previous`;
  rmSync(next, { recursive: true, force: true });
  rmSync(previous, { recursive: true, force: true });
  for (const [path, content] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
    mkdirSync(dirname(join(next, path)), { recursive: true });
    writeFileSync(join(next, path), content);
  }
  if (existsSync(dir)) renameSync(dir, previous);
  renameSync(next, dir);
  rmSync(previous, { recursive: true, force: true });
}
