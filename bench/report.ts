import { valueCheckers } from "./competitors/index.js";
import { coldStarters } from "./cold-start.js";
import { goals } from "./goals.js";
import type { BenchResults } from "./run.js";
import type { ThroughputRow } from "./throughput.js";
import { median } from "./timing.js";

const table = (head: readonly string[], rows: ReadonlyArray<readonly string[]>): string =>
  [
    `| ${head.join(" | ")} |`,
    `| ${head.map(() => "---").join(" | ")} |`,
    ...rows.map((r) => `| ${r.join(" | ")} |`),
  ].join("\n");

const ns = (value: number | undefined) =>
  value === undefined ? "–" : value < 10_000 ? `${Math.round(value)} ns` : `${(value / 1000).toFixed(1)} µs`;
const ratio = (of: number | undefined, to: number | undefined) =>
  of === undefined || to === undefined ? "–" : `${(of / to).toFixed(2)}x`;
const others = valueCheckers.filter((c) => c !== "guard");

function header(r: BenchResults): string {
  const m = r.machine;
  const v = Object.entries(r.versions).map(([name, version]) => `${name} ${version}`);
  return [
    "# Benchmarks",
    "",
    `Written by \`npm run bench\`${r.quick ? " --quick (tiny iteration counts: the figures mean nothing)" : ""} ` +
      `on ${r.date}; run it again to refresh every figure.`,
    "",
    `Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, ${m.os}, Node ${m.node}. Libraries: ${v.join(", ")}.`,
    "",
  ].join("\n");
}

/** The method, one bullet per line of Markdown. */
const method = (r: BenchResults) => {
  const bullets = [
    [
      `**Inputs**: the ${r.cases} documented examples of events of every catalogue (schemas/<catalogue>/examples),`,
      "as published and parsed by JSON.parse from the body as sent (as a receiver parses it), and each with one",
      "field wrong: its last string field (in document order, so a validator",
      "reaches it last) replaced by the number 42. The verdicts are also checked on each example with its last",
      "date-time made 30 February.",
    ],
    [
      "**Competitors**, all built at bench time from the shipped, dereferenced schemas (generated/<package>/schemas):",
      "the generated guard (`isXxx`), `parse(value)` and `parse(raw string)` of the built package; AJV compiling the",
      "schemas at run time (`allErrors: true` as the shipped validators, ajv-formats; and the same with the",
      "project's date-time regex); zod 4 `z.looseObject` and valibot `v.looseObject` schemas from a converter of the",
      "schema subset (bench/model.ts), date-times checked with the project's regex (zod's `z.iso.datetime` refuses",
      "the leap second and lowercase `t`/`z` that RFC 3339 allows; valibot's `isoTimestamp` accepts 30 February, a",
      "space for `T` and offsets without a colon); typia `createIs<T>()` of TypeScript types generated with tags",
      '(integers `Type<"int64">`, date-times either typia\'s `Format<"date-time">` or the project\'s regex as',
      "`Pattern`), transformed by typia's transformer through the TypeScript compiler API; hand-written checks for",
      "two events (bench/hand).",
    ],
    [
      `**Timing**: all competitors of one input in one process, side by side: each warmed up (${r.timing.warmupMs} ms`,
      `of calls), calibrated to batches of about ${r.timing.batchMs} ms, then ${r.timing.rounds} rounds that`,
      "visit every competitor in turn (in a rotating order); the figure is the median nanoseconds per",
      "call over the rounds. Ratios are the competitor's time over the guard's: above 1, the guard is faster.",
    ],
    [
      `**Cold start**: fresh \`node\` processes (${r.coldRuns} of each, in turn, median): import the built package`,
      "and check one example, against importing AJV and ajv-formats, compiling the package's shipped schemas (every",
      "event, or only the example's) and checking the same example. Time from the first import to the verdict,",
      "inside the process; the whole process, Node's own start included, beside it.",
    ],
    [
      "**Bundle sizes**: esbuild bundles of an entry that re-exports one guard, or `parse`, from the built",
      "package, minified, gzipped by node:zlib (level 9). 1 KB = 1,024 bytes.",
    ],
    [
      "**Generation**: synthetic projects of 10, 100 and 1,000 events over 3 providers (the synthesizer of",
      "`npm run synth`), `scripts/generate.ts --root` in a fresh process timed by /usr/bin/time: a cold run, then",
      "runs with nothing changed. Wall and CPU time; the machine is shared, so the CPU time is the steadier figure.",
    ],
  ];
  return ["## Method", "", ...bullets.map((b) => `- ${b.join(" ")}`), ""].join("\n");
};

function goalSection(r: BenchResults): string {
  const rows = goals(r).map((g) => [
    g.goal,
    g.met === undefined ? "not measured" : g.met ? "met" : "**not met**",
    g.figure,
  ]);
  return ["## Goals", "", table(["Goal", "Status", "Figure"], rows), ""].join("\n");
}

function perCatalogue(rows: readonly ThroughputRow[], input: string): string {
  const list = rows.filter((row) => row.input === input);
  const cats = [...new Set(list.map((row) => row.catalogue))];
  const body = cats.map((cat) => {
    const mine = list.filter((row) => row.catalogue === cat);
    const cell = (name: string) => {
      const values = mine.flatMap((row) =>
        row.ns[name as never] === undefined ? [] : [row.ns[name as never]! / row.ns.guard!],
      );
      return values.length ? `${median(values).toFixed(2)}x` : "–";
    };
    const raw = median(mine.map((row) => row.ns["parse(raw)"]! / row.ns["JSON.parse"]!));
    return [
      cat,
      String(mine.length),
      ns(median(mine.map((row) => row.ns.guard!))),
      ...others.map(cell),
      `${raw.toFixed(2)}x`,
    ];
  });
  return table(["Package", "Examples", "Guard", ...others, "parse(raw) / JSON.parse"], body);
}

/** The competitors faster than the guard on the median over all examples, valid and invalid: worth a look. */
function fasterThanGuard(rows: readonly ThroughputRow[]): string {
  const faster = others.flatMap((name) => {
    const values = rows.flatMap((row) => (row.ns[name] === undefined ? [] : [row.ns[name]! / row.ns.guard!]));
    const mid = median(values);
    return values.length && mid < 1 ? [`${name} (median ${mid.toFixed(2)}x over all ${values.length} inputs)`] : [];
  });
  return faster.length
    ? `Faster than the guard on the median: ${faster.join(", ")}.`
    : "No competitor is faster than the guard on the median over all inputs.";
}

function throughputSection(r: BenchResults): string {
  const rows = r.throughput;
  if (!rows) return "";
  const perEvent = (input: string) =>
    table(
      ["Example", "Guard", ...others, "JSON.parse", "parse(raw) / JSON.parse"],
      rows
        .filter((row) => row.input === input)
        .map((row) => [
          row.label,
          ns(row.ns.guard),
          ...others.map((name) => ratio(row.ns[name], row.ns.guard)),
          ns(row.ns["JSON.parse"]),
          ratio(row.ns["parse(raw)"], row.ns["JSON.parse"]),
        ]),
    );
  return [
    "## Validation, side by side",
    "",
    "Median per package of each competitor's time over the guard's, on the valid examples:",
    "",
    perCatalogue(rows, "valid"),
    "",
    fasterThanGuard(rows),
    "",
    "On the examples with one field wrong:",
    "",
    perCatalogue(rows, "invalid"),
    "",
    "The last column: `parse(raw string)` over `JSON.parse` of the same string alone.",
    "",
    "### Every example, valid",
    "",
    perEvent("valid"),
    "",
    "### Every example, one field wrong",
    "",
    perEvent("invalid"),
    "",
  ].join("\n");
}

function verdictSection(r: BenchResults): string {
  const list = r.disagreements;
  const counts = new Map<string, number>();
  for (const d of list) counts.set(`${d.checker} on ${d.input}`, (counts.get(`${d.checker} on ${d.input}`) ?? 0) + 1);
  return [
    "## Verdicts",
    "",
    "Every competitor judged every input (valid, one string field wrong, one date-time made 30 February) against the",
    "generated validator's verdict.",
    list.length === 0 ? "All agree." : `${list.length} disagreements:`,
    "",
    ...(list.length
      ? [
          table(
            ["Competitor and input", "Examples", "First"],
            [...counts].map(([key, n]) => {
              const first = list.find((d) => `${d.checker} on ${d.input}` === key)!;
              return [key, String(n), `${first.label} ${first.pointer}: ${first.got ? "accepted" : "refused"}`];
            }),
          ),
          "",
          'typia\'s `Format<"date-time">` checks the shape of the date only (any day 01–31 in any month): it cannot',
          "say the same constraint, hence the `Pattern` variant with the project's regex, which the goals use.",
          "",
        ]
      : []),
  ].join("\n");
}

function dateTimeSection(r: BenchResults): string {
  if (!r.dateTime) return "";
  const rows = r.dateTime.map((row) => [
    row.kind,
    `\`${row.example}\``,
    ns(row.regexNs),
    ns(row.codesNs),
    ratio(row.codesNs, row.regexNs),
  ]);
  return [
    "## The date-time check",
    "",
    "`format: date-time` is checked by one regular expression (generator/date-time.ts), inlined by AJV. Against it,",
    "a check by character codes exactly as strict (bench/hand/date-time.ts: fixed positions, digit arithmetic, real",
    "calendar dates), each called on 1,024 distinct values of a kind, side by side:",
    "",
    table(["Values", "First of them", "Regex", "Character codes", "Codes / regex"], rows),
    "",
    "Inside the validators, where it matters: each package's shipped validators, and a copy with the check by",
    "character codes at every date-time field in place of the regex, timed in turn on the package's valid examples:",
    "",
    table(
      ["Package", "Date-time fields", "Shipped (regex)", "Character codes", "Codes / regex"],
      (r.dateTimeInValidators ?? []).map((row) => [
        row.catalogue,
        String(row.sites),
        ns(row.regexNs),
        ns(row.codesNs),
        ratio(row.codesNs, row.regexNs),
      ]),
    ),
    "",
    "The validators keep the regex unless the second table shows the check by character codes faster in them.",
    "",
  ].join("\n");
}

function coldSection(r: BenchResults): string {
  if (!r.coldStart) return "";
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  const rows = r.coldStart.map((row) => [
    row.catalogue,
    ...coldStarters.map((s) => `${ms(row.ms[s])} (${ms(row.processMs[s])})`),
    `${(row.ms["AJV, every event"] / row.ms.package).toFixed(1)}x`,
  ]);
  return [
    "## Cold start",
    "",
    "Import to first verdict inside a fresh process (whole process in brackets), median:",
    "",
    table(["Package", ...coldStarters, "AJV every event / package"], rows),
    "",
  ].join("\n");
}

function sizeSection(r: BenchResults): string {
  if (!r.sizes) return "";
  const cats = [...new Set(r.sizes.map((s) => s.catalogue))];
  const rows = cats.map((cat) => {
    const guards = r.sizes!.filter((s) => s.catalogue === cat && s.entry !== "parse").map((s) => s.gzipped);
    const parse = r.sizes!.find((s) => s.catalogue === cat && s.entry === "parse")!;
    return [
      cat,
      String(guards.length),
      `${Math.min(...guards)} / ${median(guards)} / ${Math.max(...guards)}`,
      `${parse.gzipped} (${parse.minified} minified)`,
    ];
  });
  return [
    "## Bundle sizes",
    "",
    "Bytes, esbuild minified then gzipped:",
    "",
    table(["Package", "Events", "One guard: min / median / max", "`parse`"], rows),
    "",
  ].join("\n");
}

function generationSection(r: BenchResults): string {
  if (!r.generation) return "";
  const rows = r.generation.map((row, i) => {
    const before = r.generation![i - 1];
    const added = before
      ? `${(((row.cold.cpu - before.cold.cpu) / (row.events - before.events)) * 1000).toFixed(0)} ms`
      : "–";
    return [
      String(row.events),
      String(row.cold.files),
      `${row.cold.wall.toFixed(1)} s (CPU ${row.cold.cpu.toFixed(1)} s)`,
      added,
      `${median(row.noops.map((n) => n.wall)).toFixed(2)} s`,
    ];
  });
  return [
    "## Generation",
    "",
    table(["Events", "Files", "Cold run", "CPU per event added since the row above", "Nothing changed (median)"], rows),
    "",
  ].join("\n");
}

/** BENCHMARKS.md from a run's results. */
export function report(r: BenchResults): string {
  return [
    header(r),
    goalSection(r),
    throughputSection(r),
    verdictSection(r),
    dateTimeSection(r),
    coldSection(r),
    sizeSection(r),
    generationSection(r),
    method(r),
  ]
    .filter(Boolean)
    .join("\n");
}
