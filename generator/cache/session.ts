import { readStamps } from "./stamps.js";
import { pruneEntries, readEntry, recordedFiles, writeEntry } from "./store.js";

/** Output files by path: text, or a loader of a file the cache vouches for without having read it. */
export type CachedFiles = [string, string | (() => string)][];

/** One run's use of the cache: what it vouches for, what it records, and the hash of every file either way. */
export interface CacheSession {
  /** The files under `key`, read back from the previous output if the cache vouches for them. */
  read(key: string): CachedFiles | undefined;
  /** Records freshly emitted files under `key`. */
  record(key: string, files: [string, string][]): void;
  /** Drops every entry but `keys`, so the cache holds what this run used. */
  keep(keys: readonly string[]): void;
  /** The hash of every output file read or recorded, for the script to stamp once written. */
  hashes: Map<string, string>;
}

/** A session over the cache in `dir` and the output in `generated`; without them, a cache that holds nothing. */
export function cacheSession(cache: { dir: string; generated: string } | undefined, generator: string): CacheSession {
  const hashes = new Map<string, string>();
  if (cache === undefined) return { read: () => undefined, record: () => {}, keep: () => {}, hashes };
  const stamps = readStamps(cache.dir);
  return {
    read(key) {
      const recorded = readEntry(cache.dir, key, generator);
      const found = recorded === undefined ? undefined : recordedFiles(cache.generated, recorded, stamps);
      if (found) for (const [path, hash] of recorded!) hashes.set(path, hash);
      return found;
    },
    record(key, files) {
      for (const [path, hash] of writeEntry(cache.dir, key, generator, files)) hashes.set(path, hash);
    },
    keep: (keys) => pruneEntries(cache.dir, new Set(keys)),
    hashes,
  };
}
