import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type Stamps, stampedHash } from "./stamps.js";

/**
 * A cache entry: under the key of a catalogue's inputs, the files it gave, each as its path and the hash of
 * its bytes. The bytes themselves are the ones in generated/, which a later run reads and checks against the
 * hashes, so the cache stays small and a file edited by hand is noticed.
 */
interface Entry {
  key: string;
  generator: string;
  files: [string, string][];
  digest: string;
}

/** The hash of any JSON-serialisable value: the cache key of whatever went into making some files. */
export const hashOf = (value: unknown): string => createHash("sha256").update(JSON.stringify(value)).digest("hex");

const bytesHash = (content: string | Buffer) => createHash("sha256").update(content).digest("hex");

const entryPath = (dir: string, key: string) => join(dir, `${key}.json`);

/**
 * The files recorded under `key` by this `generator`, as path and hash, or undefined: missing, unreadable,
 * written by another generator, stored under another key or altered since (its digest no longer matches)
 * all count as not there.
 */
export function readEntry(dir: string, key: string, generator: string): [string, string][] | undefined {
  let entry: Entry;
  try {
    entry = JSON.parse(readFileSync(entryPath(dir, key), "utf8")) as Entry;
  } catch {
    return undefined;
  }
  const valid =
    entry !== null &&
    typeof entry === "object" &&
    Array.isArray(entry.files) &&
    entry.files.every(
      (file) => Array.isArray(file) && file.length === 2 && file.every((part) => typeof part === "string"),
    );
  if (!valid || entry.key !== key || entry.generator !== generator || entry.digest !== hashOf(entry.files))
    return undefined;
  return entry.files;
}

/** A file's text if its bytes have `hash`; undefined if it is missing or has other bytes. */
function readChecked(folder: string, path: string, hash: string): string | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(join(folder, path));
  } catch {
    return undefined;
  }
  return bytesHash(bytes) === hash ? bytes.toString("utf8") : undefined;
}

/**
 * The recorded files as they are in `folder` (path with `/` → content), or undefined as soon as one is missing or
 * its bytes do not have the recorded hash. A file whose size and time are still as stamped after the last write is
 * not read: its entry is a loader that reads it when its text is needed (and fails loudly if it changed meanwhile).
 */
export function recordedFiles(
  folder: string,
  recorded: readonly [string, string][],
  stamps: Stamps,
): [string, string | (() => string)][] | undefined {
  const files: [string, string | (() => string)][] = [];
  for (const [path, hash] of recorded) {
    if (stampedHash(stamps, folder, path) === hash) {
      files.push([
        path,
        () => {
          const text = readChecked(folder, path, hash);
          if (text === undefined) throw new Error(`generated/${path} changed while it was being generated; run again.`);
          return text;
        },
      ]);
      continue;
    }
    const text = readChecked(folder, path, hash);
    if (text === undefined) return undefined;
    files.push([path, text]);
  }
  return files;
}

/** The hash of each file's bytes, as a cache entry records it. */
export const fileHashes = (files: readonly [string, string][]): [string, string][] =>
  files.map(([path, content]) => [path, bytesHash(content)]);

/**
 * Records `files` (path → content) under `key`; written beside and renamed into place, so no reader sees half.
 * Returns the hash of each file, as recorded.
 */
export function writeEntry(
  dir: string,
  key: string,
  generator: string,
  files: readonly [string, string][],
): [string, string][] {
  mkdirSync(dir, { recursive: true });
  const recorded = fileHashes(files);
  const entry: Entry = { key, generator, files: recorded, digest: hashOf(recorded) };
  const staged = join(dir, `${key}.${process.pid}.tmp`);
  writeFileSync(staged, JSON.stringify(entry));
  renameSync(staged, entryPath(dir, key));
  return recorded;
}

/** Removes every entry of `dir` but those under `keep`, so the cache holds what the last run used. */
export function pruneEntries(dir: string, keep: ReadonlySet<string>): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (name.endsWith(".json") && !keep.has(name.slice(0, -".json".length))) rmSync(join(dir, name), { force: true });
  }
}
