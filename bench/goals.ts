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

/** For each row that has both, `of / to`; the worst (by `worse`) and the median. */
function ratios(rows: readonly ThroughputRow[], of: string, to: string) {
  const list = rows.flatMap((r) => {
    const a = r.ns[of as never];
    const b = r.ns[to as never];
    return a === undefined || b === undefined ? [] : [{ row: r, ratio: a / b }];
  });
  return { list, median: median(list.map((r) => r.ratio)) };
}

function ratioGoal(goal: string, rows: readonly ThroughputRow[], of: string, to: string, ok: (r: number) => boolean) {
  const { list, median: mid } = ratios(rows, of, to);
  if (list.length === 0) return notMeasured(goal);
  const failing = list.filter((r) => !ok(r.ratio));
  const extreme = failing.length
    ? failing
        .map((f) => `${x(f.ratio)} ${f.row.label} (${f.row.input})`)
        .slice(0, 4)
        .join("; ")
    : `all ${list.length} within`;
  const more = failing.length > 4 ? "; …" : "";
  return {
    goal,
    met: failing.length === 0,
    figure: `${of} / ${to}: median ${x(mid)}; ${failing.length} of ${list.length} outside: ${extreme}${more}`,
  };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB (${bytes} bytes)`;

/** Every goal, from whatever sections the run measured. */
export function goals(results: BenchResults): Goal[] {
  const rows = results.throughput ?? [];
  const valid = rows.filter((r) => r.input === "valid");
  const out: Goal[] = [];
  const guardVsTypia =
    "Guards at least as fast as typia checking the same constraints (our date-time as a Pattern tag)";
  out.push(
    rows.length
      ? ratioGoal(guardVsTypia, rows, "typia (our date-time)", "guard", (r) => r >= 1)
      : notMeasured(guardVsTypia),
  );
  const parseGuard = "`parse(value)` within 1.15x of the guard (valid examples)";
  out.push(
    valid.length ? ratioGoal(parseGuard, valid, "parse(value)", "guard", (r) => r <= 1.15) : notMeasured(parseGuard),
  );
  const parseHand = "`parse(value)` within 1.3x of the hand-written checks (valid examples)";
  out.push(
    valid.length
      ? ratioGoal(parseHand, valid, "parse(value)", "hand-written", (r) => r <= 1.3)
      : notMeasured(parseHand),
  );
  const zod = "At least 5x zod 4 on every event (valid and invalid)";
  out.push(rows.length ? ratioGoal(zod, rows, "zod 4", "guard", (r) => r >= 5) : notMeasured(zod));
  out.push(coldGoal(results));
  out.push(...sizeGoals(results));
  out.push(...generationGoals(results));
  return out;
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
