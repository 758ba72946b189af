import { type Contest, type RawChecker, rawCheckers, type ValueChecker } from "./competitors/index.js";
import { type TimingOptions, timeSideBySide } from "./timing.js";

export type Input = "valid" | "invalid";

/** The median nanoseconds per call of every competitor on one input of one example. */
export interface ThroughputRow {
  label: string;
  catalogue: string;
  file: string;
  input: Input;
  ns: Partial<Record<ValueChecker | RawChecker, number>>;
}

function row(contest: Contest, input: Input, options: TimingOptions): ThroughputRow {
  const c = contest.case;
  const value = input === "valid" ? c.value : c.invalid.value;
  const raw = input === "valid" ? c.raw : c.invalid.raw;
  const fns: Record<string, () => boolean> = {};
  for (const [name, check] of Object.entries(contest.value)) fns[name] = () => check(value);
  for (const name of rawCheckers) fns[name] = () => contest.raw[name](raw);
  const { times } = timeSideBySide(fns, options);
  const ns = Object.fromEntries(Object.entries(times).map(([name, t]) => [name, t.ns]));
  return { label: c.label, catalogue: c.catalogue, file: c.file, input, ns };
}

/** Every competitor timed on every example, valid and with one field wrong. */
export function throughput(list: readonly Contest[], options: TimingOptions): ThroughputRow[] {
  return list.flatMap((contest) => [row(contest, "valid", options), row(contest, "invalid", options)]);
}
