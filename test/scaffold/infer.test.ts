import { describe, expect, it } from "vitest";
import { formatOf, infer } from "../../generator/scaffold/infer.js";
import { merge } from "../../generator/scaffold/merge.js";
import { applyPolicy } from "../../generator/scaffold/policy.js";

// Inferring a data schema from one payload: types, formats, nulls, merged array items, and what may be required.

/** The schema scaffolded for a payload's data. */
const dataSchema = (value: unknown) => applyPolicy(infer(value), "data", true);
const nullOnly = {
  description: "Only null in the payload, so its type is not known: any value is accepted until a source says more.",
};

describe("formatOf", () => {
  it.each([
    ["2025-10-07T10:00:00Z", "date-time"],
    ["2025-10-07T10:00:00.123456+08:00", "date-time"],
    ["2025-02-30T10:00:00Z", undefined],
    ["2025-10-07 10:00:00", undefined],
    ["https://example.com/courses/1?x=y", "uri"],
    ["http://example.com", "uri"],
    ["urn:isbn:0451450523", undefined],
    ["example.com", undefined],
    ["jane@example.com", "email"],
    ["jane at example.com", undefined],
    ["crs_123", undefined],
  ])("%s → %s", (given, want) => {
    expect(formatOf(given)).toBe(want);
  });
});

describe("infer", () => {
  it.each([
    ["an integer", 3, { type: "integer" }],
    ["a whole number written with a fraction part is still an integer in JSON", 3.0, { type: "integer" }],
    ["a number", 9.5, { type: "number" }],
    ["a boolean", false, { type: "boolean" }],
    ["a string", "Intro", { type: "string" }],
    ["a timestamp", "2025-10-07T10:00:00Z", { type: "string", format: "date-time" }],
    ["null", null, { type: "null" }],
    ["an empty array", [], { type: "array" }],
    ["integers and numbers", [1, 2.5], { type: "array", items: { type: "number" } }],
    ["strings and nulls", ["a", null], { type: "array", items: { type: ["string", "null"] } }],
    ["a timestamp and a plain string", ["2025-10-07T10:00:00Z", "soon"], { type: "array", items: { type: "string" } }],
    [
      "an object: every key present",
      { a: 1, b: null },
      { type: "object", required: ["a", "b"], properties: { a: { type: "integer" }, b: { type: "null" } } },
    ],
  ])("%s", (_, given, want) => {
    expect(infer(given)).toEqual(want);
  });

  it("merges array items: keys missing in some element are not present everywhere, types are unioned", () => {
    expect(
      infer([
        { id: 1, a: "x" },
        { id: 2, a: null, b: true },
      ]),
    ).toEqual({
      type: "array",
      items: {
        type: "object",
        required: ["id", "a"],
        properties: { id: { type: "integer" }, a: { type: ["string", "null"] }, b: { type: "boolean" } },
      },
    });
  });
});

describe("merge", () => {
  it.each([
    ["integer and number → number", { type: "integer" }, { type: "number" }, { type: "number" }],
    [
      "a format both agree on is kept",
      { type: "string", format: "uri" },
      { type: "string", format: "uri" },
      { type: "string", format: "uri" },
    ],
    [
      "formats that differ are dropped",
      { type: "string", format: "uri" },
      { type: "string", format: "email" },
      { type: "string" },
    ],
    [
      "null keeps the other side's format",
      { type: "string", format: "email" },
      { type: "null" },
      { type: ["string", "null"], format: "email" },
    ],
    [
      "an empty array takes the other's items",
      { type: "array" },
      { type: "array", items: { type: "integer" } },
      { type: "array", items: { type: "integer" } },
    ],
  ])("%s", (_, a, b, want) => {
    expect(merge(a, b)).toEqual(want);
    expect(merge(b, a)).toEqual(want);
  });
});

describe("the required and nullable policy", () => {
  it("requires the id of the data and of the objects reached through properties, nothing else", () => {
    const schema = dataSchema({
      id: "crs_1",
      name: "Intro",
      member: { id: 7, email: "a@b.co" },
      group: { groupId: 3 },
      team: { team_id: 4 },
    });
    expect(schema.required).toEqual(["id"]);
    const properties = schema.properties as Record<string, Record<string, unknown>>;
    expect(properties.member!.required).toEqual(["id"]);
    expect(properties.group!.required).toEqual(["groupId"]);
    expect(properties.team!.required).toEqual(["team_id"]);
    expect(properties.name).toEqual({ type: "string" });
  });

  it("requires nothing in array items, even ids every element has", () => {
    const schema = dataSchema({ id: 1, items: [{ id: 1 }, { id: 2 }] });
    const items = (schema.properties as Record<string, Record<string, unknown>>).items!.items as Record<
      string,
      unknown
    >;
    expect(items.required).toEqual([]);
  });

  it("does not require an id that is null", () => {
    expect(dataSchema({ id: null, name: "x" }).required).toEqual([]);
  });

  it.each([
    ["a field seen only as null accepts anything", { note: null }, { note: nullOnly }],
    [
      "a field seen as null and as a string is a nullable string",
      { notes: [{ n: "a" }, { n: null }] },
      {
        notes: {
          type: "array",
          items: {
            type: "object",
            required: [],
            properties: { n: { description: "Null in the payload: may be null.", type: ["string", "null"] } },
          },
        },
      },
    ],
    [
      "an empty object stays an open map",
      { meta: {} },
      {
        meta: {
          description: "Empty in the payload, so its fields are not known: kept open.",
          type: "object",
          additionalProperties: true,
        },
      },
    ],
    [
      "nested objects keep their shape and stay open",
      { course: { id: "c", org: { name: "o" } } },
      {
        course: {
          type: "object",
          required: ["id"],
          properties: {
            id: { type: "string" },
            org: { type: "object", required: [], properties: { name: { type: "string" } } },
          },
        },
      },
    ],
  ])("%s", (_, given, want) => {
    expect(dataSchema(given).properties).toEqual(want);
  });

  it("never closes an object", () => {
    expect(JSON.stringify(dataSchema({ a: { b: [{ c: {} }] } }))).not.toContain('"additionalProperties":false');
  });
});
