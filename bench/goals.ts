import type { BenchResults } from "./run.js";
import type { ThroughputRow } from "./throughput.js";
import { median } from "./timing.js";

/** A goal of issue 11, whether the figures meet it, and the figures. */
export interface Goal {
  goal: string;
  met: boolean | undefined;
  figure: string;
}

const x = (ratio: number) => `${ratio.toFixed(2)}x`;
const notMeasured = (goal: string): Goal => ({ goal, met: undefined, figure: "not measured in this run" });

/** A bound on a ratio: at least or at most `limit`. */
type Bound = { atLeast: number } | { atMost: number };

const within = (bound: Bound, ratio: number) => ("atLeast" in bound ? ratio >= bound.atLeast : ratio <= bound.atMost);

/**
 * `of / to` on every row that has both, against the bound: met when every row is within it; the figure gives the
 * median and the rows outside, worst first.
 */
function ratioGoal(goal: string, rows: readonly ThroughputRow[], of: string, to: string, bound: Bound): Goal {
  const list = rows.flatMap((row) => {
    const a = row.ns[of as never];
    const b = row.ns[to as never];
    return a === undefined || b === undefined ? [] : [{ row, ratio: a / b }];
  });
  if (list.length === 0) return notMeasured(goal);
  const failing = list
    .filter((r) => !within(bound, r.ratio))
    .sort((a, b) => ("atLeast" in bound ? a.ratio - b.ratio : b.ratio - a.ratio));
  const shown = failing.slice(0, 4).map((f) => `${x(f.ratio)} ${f.row.label} (${f.row.input})`);
  const outside = failing.length ? `, worst first: ${shown.join("; ")}${failing.length > 4 ? "; …" : ""}` : "";
  const mid = median(list.map((r) => r.ratio));
  return {
    goal,
    met: failing.length === 0,
    figure: `${of} / ${to}: median ${x(mid)}; ${failing.length} of ${list.length} outside${outside}`,
  };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB (${bytes} bytes)`;

/** Every goal, from whatever sections the run measured. */
export function goals(results: BenchResults): Goal[] {
  const rows = results.throughput ?? [];
  const valid = rows.filter((r) => r.input === "valid");
  return [
    ratioGoal(
      "Guards at least as fast as typia checking the same constraints (our date-time as a Pattern tag)",
      rows,
      "typia (our date-time)",
      "guard",
      { atLeast: 1 },
    ),
    ratioGoal("`parse(value)` within 1.15x of the guard (valid examples)", valid, "parse(value)", "guard", {
      atMost: 1.15,
    }),
    ratioGoal(
      "`parse(value)` within 1.3x of the hand-written checks (valid examples)",
      valid,
      "parse(value)",
      "hand-written",
      { atMost: 1.3 },
    ),
    ratioGoal("At least 5x zod 4 on every event (valid and invalid)", rows, "zod 4", "guard", { atLeast: 5 }),
    coldGoal(results),
    ...sizeGoals(results),
    ...generationGoals(results),
  ];
}

function coldGoal(results: BenchResults): Goal {
  const goal = "Cold start at least 10x faster than AJV compiling the same schemas, on every package";
  if (!results.coldStart) return notMeasured(goal);
  const list = results.coldStart.map((r) => ({ r, ratio: r.ms["AJV, every event"] / r.ms.package }));
  const failing = list.filter((l) => l.ratio < 10);
  return {
    goal,
    met: failing.length === 0,
    figure: list.map((l) => `${l.r.catalogue} ${x(l.ratio)}`).join(", "),
  };
}

function sizeGoals(results: BenchResults): Goal[] {
  const guardGoal = "One event's guard at most 2 KB (esbuild minified, gzipped)";
  const parseGoal = "`parse` of the largest package at most 6 KB (esbuild minified, gzipped)";
  if (!results.sizes) return [notMeasured(guardGoal), notMeasured(parseGoal)];
  const guards = results.sizes.filter((s) => s.entry !== "parse");
  const largest = [...guards].sort((a, b) => b.gzipped - a.gzipped)[0]!;
  const over = guards.filter((s) => s.gzipped > 2048).length;
  const counts = new Map<string, number>();
  for (const g of guards) counts.set(g.catalogue, (counts.get(g.catalogue) ?? 0) + 1);
  const biggest = [...counts].sort((a, b) => b[1] - a[1])[0]![0];
  const parse = results.sizes.find((s) => s.entry === "parse" && s.catalogue === biggest)!;
  return [
    {
      goal: guardGoal,
      met: over === 0,
      figure:
        `median ${kb(median(guards.map((g) => g.gzipped)))}; largest ${kb(largest.gzipped)} ` +
        `(${largest.catalogue} ${largest.entry}); ${over} of ${guards.length} over`,
    },
    {
      goal: parseGoal,
      met: parse.gzipped <= 6144,
      figure: `${biggest} (${counts.get(biggest)} events): ${kb(parse.gzipped)}`,
    },
  ];
}

function generationGoals(results: BenchResults): Goal[] {
  const time = "Generation of 1,000 events in 30 s or less (wall time of a cold run)";
  const linear = "Generation linear in the number of events";
  const noop = "A no-op run about a second (at most 1.5 s)";
  const rows = results.generation ?? [];
  const at = (n: number) => rows.find((r) => r.events === n);
  const thousand = at(1000);
  const out: Goal[] = [];
  out.push(
    thousand
      ? {
          goal: time,
          met: thousand.cold.wall <= 30,
          figure: `${thousand.cold.wall.toFixed(1)} s (CPU ${thousand.cold.cpu.toFixed(1)} s)`,
        }
      : notMeasured(time),
  );
  const [a, b, c] = [at(10), at(100), thousand];
  if (a && b && c) {
    const first = (b.cold.cpu - a.cold.cpu) / 90;
    const second = (c.cold.cpu - b.cold.cpu) / 900;
    out.push({
      goal: linear,
      met: second <= first * 1.5,
      figure:
        `CPU per added event: ${(first * 1000).toFixed(0)} ms from 10 to 100, ` +
        `${(second * 1000).toFixed(0)} ms from 100 to 1,000`,
    });
  } else out.push(notMeasured(linear));
  const last = rows.at(-1);
  if (last) {
    const wall = median(last.noops.map((n) => n.wall));
    out.push({
      goal: noop,
      met: wall <= 1.5,
      figure: `${wall.toFixed(2)} s with ${last.events} events (median of ${last.noops.length})`,
    });
  } else out.push(notMeasured(noop));
  return out;
}
