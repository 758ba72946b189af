import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * What each file of generated/ was when the last run left it: size, modification time and the hash of its bytes.
 * A later run that finds a file with the same size and time takes the recorded hash without reading the file,
 * as git does with its index; a file changed since has another time, and is read and hashed again.
 */
export type Stamps = ReadonlyMap<string, readonly [size: number, mtimeMs: number, hash: string]>;

const stampsPath = (dir: string) => join(dir, "generated.stamps");

/** The stamps recorded in the cache folder `dir`; none when missing or unreadable. */
export function readStamps(dir: string): Stamps {
  try {
    const rows = JSON.parse(readFileSync(stampsPath(dir), "utf8")) as unknown;
    if (!Array.isArray(rows)) return new Map();
    const valid = rows.filter(
      (row): row is [string, number, number, string] =>
        Array.isArray(row) &&
        row.length === 4 &&
        typeof row[0] === "string" &&
        typeof row[1] === "number" &&
        typeof row[2] === "number" &&
        typeof row[3] === "string",
    );
    return new Map(valid.map(([path, size, mtimeMs, hash]) => [path, [size, mtimeMs, hash] as const]));
  } catch {
    return new Map();
  }
}

/** The recorded hash of `path` in `folder` if its size and time are still those stamped, else undefined. */
export function stampedHash(stamps: Stamps, folder: string, path: string): string | undefined {
  const stamp = stamps.get(path);
  if (stamp === undefined) return undefined;
  try {
    const stat = statSync(join(folder, path));
    return stat.isFile() && stat.size === stamp[0] && stat.mtimeMs === stamp[1] ? stamp[2] : undefined;
  } catch {
    return undefined;
  }
}

/** Stamps the files of `folder` whose hashes are given (path → hash), after they were written. */
export function writeStamps(dir: string, folder: string, hashes: ReadonlyMap<string, string>): void {
  const rows = [...hashes].flatMap(([path, hash]) => {
    try {
      const stat = statSync(join(folder, path));
      return [[path, stat.size, stat.mtimeMs, hash]];
    } catch {
      return [];
    }
  });
  mkdirSync(dir, { recursive: true });
  const staged = `${stampsPath(dir)}.${process.pid}.tmp`;
  writeFileSync(staged, JSON.stringify(rows));
  renameSync(staged, stampsPath(dir));
}
