import { lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";

/** What {@link replaceFolder} did: paths relative to the folder, sorted. */
export interface WriteSummary {
  /** Files that were new or whose bytes changed. */
  readonly written: readonly string[];
  /** Files (or other entries) that are no longer produced and were removed. */
  readonly deleted: readonly string[];
  /** How many files already had exactly the wanted bytes and were not touched. */
  readonly unchanged: number;
}

/**
 * The temporary folders beside `dir` that writing may leave behind when killed: the staging folder
 * this module uses, and the two folders of the earlier swap-by-rename scheme. All are removed at the start of a run.
 */
export function temporaryFolders(dir: string): string[] {
  return [`${dir}.next`, `${dir}.previous`];
}

/**
 * Makes `dir` hold exactly `files` (relative path with `/` → content), safely against being killed at any moment.
 *
 * 1. Leftovers of an earlier killed run (see {@link temporaryFolders}) are removed, and `dir` is created if missing.
 * 2. Every new or changed file is written into the staging folder `<dir>.next` beside `dir`; `dir` is not touched yet.
 * 3. Entries of `dir` that are not produced (or are in the way, e.g. a folder where a file is wanted) are removed.
 * 4. Each staged file is renamed over its place in `dir` — one atomic rename per file, on the same file system.
 * 5. Folders left empty and the staging folder are removed.
 *
 * So `dir` always exists, never holds a temporary or partly written file, and every file in it is, at any moment,
 * either its complete old or its complete new version. A kill during steps 3–5 can leave a mix of old and new files
 * (some stale ones gone, some new ones not yet there, an empty folder); the next run repairs that, since it compares
 * bytes. Files whose bytes are already right are never rewritten, so a run that changes nothing writes nothing.
 * (No fsync: this guards against the process being killed, not against the machine losing power.)
 * `verified` names files the caller knows to hold exactly the wanted bytes (the generation cache does): they are
 * not read again, and their content is not asked for.
 */
export function replaceFolder(
  dir: string,
  files: ReadonlyMap<string, string>,
  verified: ReadonlySet<string> = new Set(),
): WriteSummary {
  const staging = temporaryFolders(dir)[0]!;
  for (const leftover of temporaryFolders(dir)) rmSync(leftover, { recursive: true, force: true });
  if (kind(dir) !== "dir") {
    rmSync(dir, { force: true });
    mkdirSync(dir, { recursive: true });
  }

  const wantedFolders = new Set<string>();
  for (const path of files.keys()) {
    for (let parent = dirname(path); parent !== "."; parent = dirname(parent)) wantedFolders.add(parent);
  }

  // Step 2: stage what differs.
  const written: string[] = [];
  let unchanged = 0;
  for (const path of [...files.keys()].sort()) {
    const target = join(dir, path);
    // A verified file is neither read from disk nor asked for its content, which may be read lazily.
    if (verified.has(path) && kind(target) === "file") {
      unchanged++;
      continue;
    }
    const bytes = Buffer.from(files.get(path)!);
    if (kind(target) === "file" && readFileSync(target).equals(bytes)) {
      unchanged++;
      continue;
    }
    mkdirSync(dirname(join(staging, path)), { recursive: true });
    writeFileSync(join(staging, path), bytes);
    written.push(path);
  }

  // Step 3: remove what is not produced, or is in the way.
  const deleted: string[] = [];
  const prune = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = join(folder, entry.name);
      const path = relative(dir, full).split(sep).join("/");
      if (entry.isDirectory() && wantedFolders.has(path)) prune(full);
      else if (!(entry.isFile() && files.has(path))) {
        rmSync(full, { recursive: true, force: true });
        deleted.push(path);
      }
    }
  };
  prune(dir);

  // Step 4: move the staged files in, one atomic rename each.
  for (const path of written) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    renameSync(join(staging, path), join(dir, path));
  }

  // Step 5: tidy up.
  removeEmptyFolders(dir, true);
  rmSync(staging, { recursive: true, force: true });
  return { written, deleted: deleted.sort(), unchanged };
}

function kind(path: string): "file" | "dir" | "other" | "missing" {
  try {
    const stat = lstatSync(path);
    return stat.isFile() ? "file" : stat.isDirectory() ? "dir" : "other";
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return "missing";
    throw error;
  }
}

/** Removes empty folders under `folder` (and `folder` itself unless `keep`); says whether `folder` is now gone. */
function removeEmptyFolders(folder: string, keep: boolean): boolean {
  let empty = true;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (!(entry.isDirectory() && removeEmptyFolders(join(folder, entry.name), false))) empty = false;
  }
  if (!empty || keep) return false;
  rmdirSync(folder);
  return true;
}
