// The issues of invalid_payload: where they point, what they say was wanted and found, and how many.

import { isDeepStrictEqual } from "node:util";
import { describe, expect, it } from "vitest";
import { standardSchemaName } from "../../generator/naming.js";
import {
  all,
  breakages,
  catalogue,
  copyOf,
  examplesOf,
  payloadError,
  payloadMessage,
  pkg,
  setAt,
  shippedSchema,
  type Issue,
  type StandardSchema,
} from "./packages.js";

describe.each(all.map((c) => [c.path, c] as const))("issues of %s", (path, c) => {
  const { parse } = pkg(path);

  describe.each(examplesOf(c).map((e) => [e.file, e] as const))("example %s broken at one field", (_, example) => {
    const cases = breakages(c, example, shippedSchema(path, example.event.stem));

    it("can be broken in some way", () => {
      expect(cases.length).toBeGreaterThan(0);
      expect(cases.some((b) => b.issue.expected === "a value")).toBe(true);
    });

    it("yields exactly the one issue of each breakage, and an error message naming the event type", () => {
      const wrong: Array<{ case: string; got: unknown }> = [];
      for (const breakage of cases) {
        const result = parse(breakage.value);
        const got = result.ok ? { ok: true } : result.error;
        const want = {
          code: "invalid_payload",
          message: payloadMessage(example.event, breakage.issue),
          issues: [breakage.issue],
          truncated: false,
        };
        if (!isDeepStrictEqual(got, want)) wrong.push({ case: breakage.name, got });
      }
      expect(wrong).toEqual([]);
    });
  });
});

/** Where a const or an enum is wanted, a BigInt and a function in its place. */
const oddCases = (c: (typeof all)[number]) =>
  examplesOf(c).flatMap((example) =>
    breakages(c, example, shippedSchema(c.path, example.event.stem))
      .filter((b) => b.issue.expected.startsWith('"') || b.issue.expected.startsWith("one of "))
      .flatMap((b) => [10n, () => "x"].map((odd) => ({ example, breakage: b, odd }))),
  );

// (teachfloor/early's examples have no string const or enum field, so it has no such cases.)
describe.each(all.filter((c) => oddCases(c).length > 0).map((c) => [c.path, c] as const))(
  "issues of %s for values JSON cannot carry",
  (path, c) => {
    // validate() and the Standard Schemas take values a framework parsed, which may hold a BigInt (from a
    // big-number-aware JSON parser) or a function; where a const or an enum is wanted, that is one issue
    // (issues are one per place: the first thing wrong there, which may be its type).
    const api = pkg(path);
    const cases = oddCases(c);

    it("one issue at the place, from parse, validate and the Standard Schema, none of which throws", () => {
      const wrong: string[] = [];
      const attempt = (what: string, run: () => unknown, check: (result: any) => boolean) => {
        try {
          const result = run();
          if (!check(result))
            wrong.push(
              `${what}: ` +
                `${JSON.stringify(result, (_, v: unknown) => (typeof v === "bigint" ? `${v}n` : v)).slice(0, 300)}`,
            );
        } catch (error) {
          wrong.push(`${what}: threw ${String(error)}`);
        }
      };
      for (const { example, breakage, odd } of cases) {
        const value = copyOf(example);
        setAt(value, breakage.issue.path, odd);
        const where = `${example.file} ${breakage.issue.pointer} = ${typeof odd}`;
        const located = (result: any) =>
          result?.ok === false &&
          result.error.code === "invalid_payload" &&
          result.error.issues.length === 1 &&
          result.error.issues[0].pointer === breakage.issue.pointer;
        attempt(`parse ${where}`, () => api.parse(value), located);
        attempt(`validate ${where}`, () => api.validate(example.event.eventType, value), located);
        const schema = api[standardSchemaName(example.event.stem)] as StandardSchema<unknown>;
        attempt(
          `${standardSchemaName(example.event.stem)} ${where}`,
          () => schema["~standard"].validate(value),
          (result) =>
            isDeepStrictEqual(
              result?.issues?.map((i: any) => i.path),
              [breakage.issue.path],
            ),
        );
      }
      expect(wrong).toEqual([]);
    });
  },
);

describe("issues, one by one (Teachify course.created)", () => {
  const teachify = catalogue("teachify");
  const { parse } = pkg("teachify");
  const example = examplesOf(teachify).find((e) => e.event.stem === "course.created")!;
  const event = example.event;
  const plans = () => {
    const value = copyOf(example) as { data: { plans: Array<Record<string, unknown>>; [key: string]: unknown } };
    expect(value.data.plans.length).toBeGreaterThanOrEqual(2);
    return value;
  };

  it("locates a wrong type inside an array with a numeric index", () => {
    const value = plans();
    value.data.plans[1]!.amount = "5000";
    const error = payloadError(parse(value));
    const issue: Issue = {
      path: ["data", "plans", 1, "amount"],
      pointer: "/data/plans/1/amount",
      message: "data.plans[1].amount: expected integer, received string",
      expected: "integer",
      received: "string",
    };
    expect(error).toEqual({
      code: "invalid_payload",
      message: "Invalid course.created payload: data.plans[1].amount: expected integer, received string",
      issues: [issue],
      truncated: false,
    });
    expect(typeof error.issues[0]!.path[2]).toBe("number");
  });

  it("locates a missing required field at the field itself, not at its parent", () => {
    const value = plans();
    delete value.data.plans[0]!.currency;
    expect(payloadError(parse(value)).issues).toEqual([
      {
        path: ["data", "plans", 0, "currency"],
        pointer: "/data/plans/0/currency",
        message: "data.plans[0].currency: required field is missing",
        expected: "a value",
        received: "nothing",
      },
    ]);
  });

  it("says what a date-time is and what it got instead", () => {
    const value = plans();
    value.data.created_at = "2023-05-15 14:30";
    const [issue] = payloadError(parse(value)).issues;
    expect(issue).toEqual({
      path: ["data", "created_at"],
      pointer: "/data/created_at",
      message:
        "data.created_at: expected an RFC 3339 date-time such as 2025-10-07T15:30:00Z or 2023-12-04T18:45:44+08:00, " +
        'received "2023-05-15 14:30"',
      expected: "an RFC 3339 date-time such as 2025-10-07T15:30:00Z or 2023-12-04T18:45:44+08:00",
      received: '"2023-05-15 14:30"',
    });
  });

  it("shortens a long received value", () => {
    const value = plans();
    value.data.updated_at = "x".repeat(100);
    const [issue] = payloadError(parse(value)).issues;
    expect(issue!.received).toBe(`"${"x".repeat(56)}…`);
    expect(issue!.received).toHaveLength(58);
  });

  it("names the type that was expected at the envelope's type property when validate is given another event", () => {
    const value = plans();
    const error = payloadError(pkg("teachify").validate("course.updated", value));
    expect(error.issues).toEqual([
      {
        path: ["type"],
        pointer: "/type",
        message: 'type: expected "course.updated", received "course.created"',
        expected: '"course.updated"',
        received: '"course.created"',
      },
    ]);
    expect(error.message).toBe(
      'Invalid course.updated payload: type: expected "course.updated", received "course.created"',
    );
  });

  it("reports two problems as exactly two issues, in document order, not truncated", () => {
    const value = plans();
    delete value.data.name;
    value.data.created_at = "yesterday";
    const error = payloadError(parse(value));
    expect(error.issues.map((i) => i.pointer)).toEqual(["/data/name", "/data/created_at"]);
    expect(error.truncated).toBe(false);
    expect(error.message).toBe(payloadMessage(event, error.issues[0]!, 2));
    expect(error.message).toBe("Invalid course.created payload: data.name: required field is missing (and 1 more)");
  });

  describe("the cap of 20 issues", () => {
    const withBadAmounts = (count: number) => {
      const value = plans();
      const template = value.data.plans[0]!;
      value.data.plans = Array.from({ length: count }, (_, i) => ({ ...template, id: `plan_${i}`, amount: "free" }));
      return value;
    };

    it("reports 20 problems as 20 issues, not truncated", () => {
      const error = payloadError(parse(withBadAmounts(20)));
      expect(error.issues).toHaveLength(20);
      expect(error.issues.map((i) => i.pointer)).toEqual(
        Array.from({ length: 20 }, (_, i) => `/data/plans/${i}/amount`),
      );
      expect(error.truncated).toBe(false);
      expect(error.message).toBe(
        "Invalid course.created payload: data.plans[0].amount: expected integer, received string (and 19 more)",
      );
    });

    it("reports 21 problems as the first 20 issues, truncated", () => {
      const error = payloadError(parse(withBadAmounts(21)));
      expect(error.issues).toHaveLength(20);
      expect(error.issues.at(-1)!.pointer).toBe("/data/plans/19/amount");
      expect(error.truncated).toBe(true);
      expect(error.message).toBe(
        "Invalid course.created payload: data.plans[0].amount: expected integer, received string (and 19+ more)",
      );
    });

    // One hostile body, parsed once, for the two tests below.
    const hostile = plans();
    hostile.data.plans = Array.from({ length: 10_000 }, () => ({}));
    const started = performance.now();
    const result = parse(hostile);
    const elapsed = performance.now() - started;

    it("reports a hostile body (10 000 plans, each missing every field) as 20 issues, truncated", () => {
      const error = payloadError(result);
      expect(error.issues).toHaveLength(20);
      expect(error.truncated).toBe(true);
      // Each plan misses all seven of its fields: the first 20 issues are plans 0, 1 and the start of 2.
      const fields = ["id", "name", "description", "currency", "amount", "created_at", "updated_at"];
      expect(error.issues.map((i) => i.pointer)).toEqual(
        [0, 1, 2].flatMap((i) => fields.map((f) => `/data/plans/${i}/${f}`)).slice(0, 20),
      );
      expect(error.message).toMatch(
        /^Invalid course\.created payload: data\.plans\[0\]\.id: required field is missing \(and 19\+ more\)$/,
      );
    });

    it("rejects that hostile body in linear time (well under half a second)", () => {
      // 10 000 plans x 7 missing fields is 70 000 validator errors; collecting them should take a few
      // milliseconds. The generated validators append the errors of each plan to the array of all errors
      // so far by copying it (vErrors.concat), which is quadratic: seconds for a 30 KB body.
      expect(elapsed).toBeLessThan(500);
    });
  });
});
