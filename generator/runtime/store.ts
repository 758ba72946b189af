/** What a store knows of a delivery id when it is claimed. */
export type ClaimResult = "claimed" | "in_progress" | "done";

/**
 * Where delivery ids are remembered so that a delivery sent twice is handled once. Every provider delivers
 * at least once; give several instances one shared store (Redis, SQL: see the README) to deduplicate
 * across them. Methods may return promises.
 */
export interface DeliveryStore {
  /** Claims `id` for `leaseSeconds` unless it is already claimed ("in_progress") or handled ("done"). */
  claim(id: string, leaseSeconds: number): ClaimResult | Promise<ClaimResult>;
  /** Records `id` as handled, to be remembered for `keepSeconds`. */
  complete(id: string, keepSeconds: number): unknown;
  /** Forgets the claim on `id` after a failure, so the provider's retry is handled. */
  release(id: string): unknown;
}

export interface MemoryStoreOptions {
  /** The most ids remembered at once (default 10,000); the oldest are forgotten first. */
  maxEntries?: number;
  /** The clock in milliseconds (default `Date.now`). */
  now?: () => number;
}

/** A store in this process's memory: bounded in size, each id kept until its lease or keep time ends. */
export function memoryStore(options: MemoryStoreOptions = {}): DeliveryStore {
  const maxEntries = Math.max(1, Math.floor(options.maxEntries ?? 10_000));
  const now = options.now ?? Date.now;
  const entries = new Map<string, { done: boolean; until: number }>();
  const remember = (id: string, done: boolean, seconds: number) => {
    entries.delete(id); // re-inserted at the end: the map stays in the order ids were last touched
    entries.set(id, { done, until: now() + seconds * 1000 });
    for (const [oldest, entry] of entries) {
      if (entries.size <= maxEntries && entry.until > now()) break;
      entries.delete(oldest);
    }
  };
  return {
    claim(id, leaseSeconds) {
      const entry = entries.get(id);
      if (entry && entry.until > now()) return entry.done ? "done" : "in_progress";
      remember(id, false, leaseSeconds);
      return "claimed";
    },
    complete: (id, keepSeconds) => remember(id, true, keepSeconds),
    release: (id) => entries.delete(id),
  };
}
