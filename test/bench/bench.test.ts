import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { benchCases, benchCatalogues } from "../../bench/cases.js";
import { coldStart } from "../../bench/cold-start.js";
import { dateTimeInputs } from "../../bench/date-time.js";
import { isDateTimeByCodes } from "../../bench/hand/date-time.js";
import fc from "fast-check";
import { dateTime } from "../../generator/date-time.js";
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

describe("the check of date-times by character codes", () => {
  const pad = (value: number, width = 2) => String(value).padStart(width, "0");
  const agrees = (text: string) => expect(isDateTimeByCodes(text), text).toBe(dateTime.test(text));

  it("agrees with the shipped regex on every day of leap, common and century years", () => {
    for (const year of [0, 1900, 2000, 2023, 2024, 2100, 9999])
      for (let month = 0; month <= 13; month++)
        for (let day = 0; day <= 32; day++) agrees(`${pad(year, 4)}-${pad(month)}-${pad(day)}T12:00:00Z`);
  });

  it("agrees on times, fractions, offsets, and every mutation of real values", () => {
    for (let hour = 0; hour <= 24; hour++)
      for (const s of [0, 59, 60, 61]) agrees(`2024-01-01T${pad(hour)}:59:${pad(s)}Z`);
    for (let digits = 0; digits <= 12; digits++)
      for (const zone of ["Z", "z", "+00:00", "-23:59", "+24:00", "+14:60", "+1400", ""])
        agrees(`2024-02-29T23:59:60${digits ? `.${"7".repeat(digits)}` : "."}${zone}`);
    for (const seed of ["2025-10-07T15:30:00Z", "2023-12-04T18:45:44+08:00", "2025-10-07T15:30:00.000000Z"])
      for (let i = 0; i <= seed.length; i++) {
        agrees(seed.slice(0, i));
        for (const c of "09-:.TtZz+ x") agrees(seed.slice(0, i) + c + seed.slice(i + 1));
      }
    fc.assert(fc.property(fc.string({ maxLength: 32 }), (text) => isDateTimeByCodes(text) === dateTime.test(text)));
  });
});

describe("npm run bench, with tiny iteration counts", () => {
  let results: BenchResults;
  beforeAll(async () => {
    // Every catalogue for the verdicts and the timing; one small package for the sections that spawn and bundle.
    results = await runBench({ ...defaultOptions(true), only: ["throughput", "date-time"], scratch });
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

  it("times the date-time regex against the check by codes, alone and inside every package's validators", () => {
    expect(results.dateTime!.map((row) => row.kind)).toEqual(Object.keys(dateTimeInputs()));
    for (const row of results.dateTime!) expect(row.regexNs * row.codesNs).toBeGreaterThan(0);
    const inside = results.dateTimeInValidators!;
    expect(inside.map((row) => row.catalogue)).toEqual(benchCatalogues().map((c) => c.path));
    for (const row of inside) expect(row.sites, row.catalogue).toBeGreaterThan(0);
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
      "## The date-time check",
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
