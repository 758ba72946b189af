import { describe, expect, it } from "vitest";
import { appendErrorsInPlace } from "../../generator/emit/append-errors.js";

const copying = "vErrors = vErrors === null ? validate12.errors : vErrors.concat(validate12.errors);";
const appending =
  "if (vErrors === null) vErrors = validate12.errors; else for (const error of validate12.errors) vErrors.push(error);";

const cases: Array<[string, { given: string; want: string }]> = [
  ["the errors of a called validator, appended in place", { given: copying, want: appending }],
  ["every such statement", { given: `${copying}\n${copying}`, want: `${appending}\n${appending}` }],
  ["code that copies no errors, unchanged", { given: "vErrors.push(err0);", want: "vErrors.push(err0);" }],
];

describe("appendErrorsInPlace", () => {
  it.each(cases)("%s", (_, { given, want }) => {
    expect(appendErrorsInPlace(given)).toBe(want);
  });

  it("appends to the errors so far, keeping their order", () => {
    const run = new Function(
      "validate12",
      `let vErrors = ["a"]; ${appendErrorsInPlace(copying)} return vErrors;`,
    ) as (v: { errors: string[] }) => string[];
    expect(run({ errors: ["b", "c"] })).toEqual(["a", "b", "c"]);
  });

  it("refuses code that copies errors some other way", () => {
    expect(() => appendErrorsInPlace("vErrors = vErrors.concat(validate12.errors);")).toThrow(/appendErrorsInPlace/);
  });
});
