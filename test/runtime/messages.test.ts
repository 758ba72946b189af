import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { toIssue, type ValidatorError } from "../../generator/runtime/issues.js";

// The shipped validators carry no messages: every keyword's problem is worded by the runtime from its parameters.

const ajv = new Ajv({ allErrors: true, messages: false });

/** The issue messages of `value` against `schema`, through real AJV errors without messages. */
function messages(schema: object, value: unknown): string[] {
  const validate = ajv.compile(schema);
  expect(validate(value)).toBe(false);
  const errors = validate.errors as ValidatorError[];
  expect(errors.every((e) => e.message === undefined)).toBe(true);
  return errors.map((e) => toIssue(value, e).message);
}

describe("issue messages for keywords beyond type, required, const, enum and format", () => {
  it.each([
    [{ properties: { n: { minimum: 1 } } }, { n: 0 }, "n: must be >= 1"],
    [{ properties: { n: { exclusiveMaximum: 5 } } }, { n: 5 }, "n: must be < 5"],
    [{ properties: { s: { minLength: 2 } } }, { s: "a" }, "s: must have at least 2 characters"],
    [{ properties: { s: { maxLength: 1 } } }, { s: "ab" }, "s: must have at most 1 character"],
    [{ properties: { s: { pattern: "^a" } } }, { s: "b" }, "s: must match the pattern ^a"],
    [{ properties: { l: { minItems: 1 } } }, { l: [] }, "l: must have at least 1 item"],
    [
      { properties: { l: { uniqueItems: true } } },
      { l: [1, 1] },
      "l: must not repeat items (items 0 and 1 are the same)",
    ],
    [{ properties: { n: { multipleOf: 3 } } }, { n: 4 }, "n: must be a multiple of 3"],
    [{ properties: { x: { not: { type: "string" } } } }, { x: "a" }, "x: has a shape it must not have"],
    [{ properties: { x: false } }, { x: 1 }, "x: must not be present"],
    [{ additionalProperties: false }, { extra: 1 }, '(root): has a field it must not have: "extra"'],
    [{ minProperties: 2 }, { a: 1 }, "(root): must have at least 2 fields"],
  ])("%j on %j", (schema, value, message) => {
    expect(messages(schema, value)).toEqual([message]);
  });

  it("says a value matches none of an anyOf's or oneOf's shapes, after the shapes' own issues", () => {
    const anyOf = messages({ properties: { x: { anyOf: [{ type: "string" }, { type: "integer" }] } } }, { x: true });
    expect(anyOf.at(-1)).toBe("x: matches none of the shapes it may have");
    const both = messages({ properties: { x: { oneOf: [{ type: "integer" }, { type: "number" }] } } }, { x: 1 });
    expect(both).toEqual(["x: matches more than one of the shapes it may have"]);
  });
});
