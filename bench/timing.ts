/** How long to measure: milliseconds of warm-up per function, rounds, and the target length of one timed batch. */
export interface TimingOptions {
  warmupMs: number;
  rounds: number;
  batchMs: number;
}

export const fullTiming: TimingOptions = { warmupMs: 15, rounds: 15, batchMs: 2 };
export const quickTiming: TimingOptions = { warmupMs: 0.05, rounds: 2, batchMs: 0.05 };

export interface Timed {
  /** Median nanoseconds per call over the rounds. */
  ns: number;
  /** Nanoseconds per call of each round. */
  rounds: number[];
}

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** Runs `fn` `n` times; returns the elapsed nanoseconds and how many calls returned true (so none is elided). */
function batch(fn: () => boolean, n: number): { ns: number; truths: number } {
  let truths = 0;
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) if (fn()) truths++;
  return { ns: Number(process.hrtime.bigint() - start), truths };
}

/** Calls `fn` for about `ms` milliseconds. */
function warm(fn: () => boolean, ms: number): number {
  let truths = 0;
  const end = process.hrtime.bigint() + BigInt(Math.round(ms * 1e6));
  while (process.hrtime.bigint() < end) truths += batch(fn, 64).truths;
  return truths;
}

/** Calls per batch so that one batch takes about `batchMs`. */
function calibrate(fn: () => boolean, batchMs: number): number {
  let n = 1;
  for (;;) {
    const { ns } = batch(fn, n);
    if (ns >= batchMs * 1e6 || n >= 1 << 24) return Math.max(1, Math.round((n * batchMs * 1e6) / Math.max(ns, 1)));
    n *= 2;
  }
}

/**
 * Times functions side by side in this process: each warmed up and calibrated, then timed in rounds that visit
 * every function in turn (a different order each round, so drift of the machine spreads over all), and the median
 * of the rounds kept.
 */
export function timeSideBySide<K extends string>(
  fns: Readonly<Record<K, () => boolean>>,
  options: TimingOptions,
): { times: Record<K, Timed>; truths: number } {
  const names = Object.keys(fns) as K[];
  let truths = 0;
  // Long enough for V8 to optimise the function and tier up its regular expressions before anything is timed.
  for (const name of names) truths += warm(fns[name], options.warmupMs);
  const sizes = new Map(names.map((name) => [name, calibrate(fns[name], options.batchMs)]));
  const rounds = new Map<K, number[]>(names.map((name) => [name, []]));
  for (let r = 0; r < options.rounds; r++) {
    for (let i = 0; i < names.length; i++) {
      const name = names[(i + r) % names.length]!;
      const n = sizes.get(name)!;
      const result = batch(fns[name], n);
      truths += result.truths;
      rounds.get(name)!.push(result.ns / n);
    }
  }
  const times = Object.fromEntries(
    names.map((name) => [name, { ns: median(rounds.get(name)!), rounds: rounds.get(name)! }]),
  );
  return { times: times as Record<K, Timed>, truths };
}
