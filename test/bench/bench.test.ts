import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { benchCases, benchCatalogues } from "../../bench/cases.js";
import { coldStart } from "../../bench/cold-start.js";
import { valueCheckers } from "../../bench/competitors/index.js";
import { goals } from "../../bench/goals.js";
import { wrongType } from "../../bench/invalid.js";
import { toModel } from "../../bench/model.js";
import { report } from "../../bench/report.js";
import { bundleSizes } from "../../bench/sizes.js";
import { type BenchResults, defaultOptions, runBench } from "../../bench/run.js";
import { projectRoot } from "../helpers/catalogues.js";

const scratch = join(projectRoot, "tmp", "bench-test");

describe("the bench's schema converter", () => {
  it("refuses a keyword it does not know, naming it", () => {
    expect(() => toModel({ type: "string", minLength: 1 })).toThrow('"minLength"');
  });

  it("folds allOf, keeps nullable types and optional properties", () => {
    const model = toModel({
      type: "object",
      allOf: [{ type: "object", required: ["id"], properties: { id: { type: "string" }, type: { type: "string" } } }],
      required: ["type"],
      properties: { type: { const: "a.b" }, at: { type: ["string", "null"], format: "date-time" } },
    });
    expect(model).toEqual({
      kind: "object",
      rest: undefined,
      absent: [],
      properties: [
        { name: "id", required: true, model: { kind: "string", dateTime: false } },
        { name: "type", required: true, model: { kind: "literal", value: "a.b" } },
        {
          name: "at",
          required: false,
          model: { kind: "union", of: [{ kind: "string", dateTime: true }, { kind: "null" }] },
        },
      ],
    });
  });

  it("breaks an example at its last string field", () => {
    const model = toModel({
      type: "object",
      properties: { a: { type: "string" }, list: { type: "array", items: { type: "string" } } },
    });
    expect(wrongType(model, { a: "x", list: ["y", "z"] })).toMatchObject({
      pointer: "/list/1",
      value: { a: "x", list: ["y", 42] },
    });
  });
});

describe("npm run bench, with tiny iteration counts", () => {
  let results: BenchResults;
  beforeAll(async () => {
    // Every catalogue for the verdicts and the timing; one small package for the sections that spawn and bundle.
    results = await runBench({ ...defaultOptions(true), only: ["throughput"], scratch });
    const early = benchCatalogues(["teachfloor/early"]);
    results.coldStart = coldStart(benchCases(early), 1);
    results.sizes = await bundleSizes(early);
  }, 60_000);

  it("finds every competitor judging every input as the generated validator, except typia's date-time format", () => {
    expect(results.cases).toBeGreaterThan(30);
    // typia's Format<"date-time"> accepts 30 February: it cannot state the constraint, which the report says.
    const expected = results.disagreements.filter(
      (d) => d.checker === "typia (format tag)" && d.input === "bad date-time",
    );
    expect(results.disagreements.filter((d) => !expected.includes(d))).toEqual([]);
    expect(expected.length).toBeGreaterThan(0);
  });

  it("times every competitor on every example, valid and invalid", () => {
    const rows = results.throughput!;
    expect(rows).toHaveLength(results.cases * 2);
    for (const row of rows) {
      const expected = valueCheckers.filter((c) => c !== "hand-written");
      for (const name of [...expected, "JSON.parse", "parse(raw)"] as const) expect(row.ns[name]).toBeGreaterThan(0);
    }
    expect(rows.filter((row) => row.ns["hand-written"] !== undefined).map((row) => row.label)).toEqual([
      "teachfloor course.join",
      "teachfloor course.join",
      "teachify course.created",
      "teachify course.created",
    ]);
  });

  it("measures cold starts and bundle sizes per package", () => {
    expect(results.coldStart!.map((row) => row.catalogue)).toEqual(["teachfloor/early"]);
    expect(results.sizes!.map((s) => s.entry)).toEqual([
      "isCourseUpdated",
      "isElementCompleted",
      "isMemberJoined",
      "isTestEvent",
      "parse",
    ]);
    for (const size of results.sizes!) expect(size.gzipped).toBeLessThan(size.minified);
  });

  it("writes every measured section and marks each goal met, not met or not measured", () => {
    const text = report(results);
    for (const heading of [
      "# Benchmarks",
      "## Goals",
      "## Validation, side by side",
      "## Cold start",
      "## Bundle sizes",
    ])
      expect(text).toContain(`${heading}\n`);
    expect(text).not.toContain("## Generation\n");
    const list = goals(results);
    expect(list).toHaveLength(10);
    expect(list.filter((g) => g.met === undefined).map((g) => g.goal)).toEqual([
      "Generation of 1,000 events in 30 s or less (wall time of a cold run)",
      "Generation linear in the number of events",
      "A no-op run about a second (at most 1.5 s)",
    ]);
    expect(text).toContain("| teachfloor course.join | ");
    expect(text).toContain("| whop membership.activated | ");
  });
});
