import { describe, expect, it } from "vitest";
import type { ChangeKind, Effect } from "../../generator/breaking/change.js";
import { classify, classifyPackage } from "../../generator/breaking/classify.js";
import type { JsonObject } from "../../generator/schema-walk.js";

const object = (properties: JsonObject, required: string[] = []): JsonObject => ({
  type: "object",
  required,
  properties,
});
const data = (schema: JsonObject, required = true): JsonObject => object({ data: schema }, required ? ["data"] : []);
const str: JsonObject = { type: "string" };
const envelope: JsonObject = object({ type: { type: "string" }, data: { type: "object" } }, ["type", "data"]);

type Want = [path: string, kind: ChangeKind, effect: Effect];
const cases: [name: string, before: JsonObject, after: JsonObject, want: Want[]][] = [
  ["no change", data(object({ id: str }, ["id"])), data(object({ id: str }, ["id"])), []],
  [
    "field removed",
    data(object({ id: str, name: str })),
    data(object({ id: str })),
    [["data.name", "field-removed", "breaking"]],
  ],
  [
    "required field removed",
    data(object({ id: str }, ["id"])),
    data(object({})),
    [["data.id", "field-removed", "breaking"]],
  ],
  [
    "field made optional",
    data(object({ id: str }, ["id"])),
    data(object({ id: str })),
    [["data.id", "made-optional", "breaking"]],
  ],
  [
    "field made nullable (type array)",
    data(object({ id: str })),
    data(object({ id: { type: ["string", "null"] } })),
    [["data.id", "made-nullable", "breaking"]],
  ],
  [
    "field made nullable (anyOf null branch)",
    data(object({ id: { anyOf: [str] } })),
    data(object({ id: { anyOf: [str, { type: "null" }] } })),
    [["data.id", "made-nullable", "breaking"]],
  ],
  [
    "null no longer accepted",
    data(object({ id: { type: ["string", "null"] } })),
    data(object({ id: str })),
    [["data.id", "no-longer-nullable", "stricter"]],
  ],
  [
    "type changed",
    data(object({ n: str })),
    data(object({ n: { type: "number" } })),
    [["data.n", "type-changed", "breaking"]],
  ],
  [
    "type widened integer → number",
    data(object({ n: { type: "integer" } })),
    data(object({ n: { type: "number" } })),
    [["data.n", "type-changed", "breaking"]],
  ],
  [
    "type narrowed number → integer",
    data(object({ n: { type: "number" } })),
    data(object({ n: { type: "integer" } })),
    [["data.n", "type-narrowed", "stricter"]],
  ],
  [
    "type narrowed from a union",
    data(object({ n: { type: ["string", "number"] } })),
    data(object({ n: str })),
    [["data.n", "type-narrowed", "stricter"]],
  ],
  [
    "type given where there was none",
    data(object({ n: {} })),
    data(object({ n: str })),
    [["data.n", "type-narrowed", "stricter"]],
  ],
  [
    "enum value added",
    data(object({ s: { enum: ["a", "b"] } })),
    data(object({ s: { enum: ["a", "b", "c"] } })),
    [["data.s", "value-added", "breaking"]],
  ],
  [
    "enum value removed",
    data(object({ s: { enum: ["a", "b"] } })),
    data(object({ s: { enum: ["a"] } })),
    [["data.s", "value-removed", "stricter"]],
  ],
  [
    "enum added to a free string",
    data(object({ s: str })),
    data(object({ s: { type: "string", enum: ["a"] } })),
    [["data.s", "values-restricted", "stricter"]],
  ],
  [
    "const changed",
    object({ type: { const: "a.b" } }),
    object({ type: { const: "a.c" } }),
    [["type", "const-changed", "breaking"]],
  ],
  [
    "optional field added",
    data(object({ id: str })),
    data(object({ id: str, name: str })),
    [["data.name", "field-added", "compatible"]],
  ],
  [
    "required field added",
    data(object({ id: str })),
    data(object({ id: str, name: str }, ["name"])),
    [["data.name", "field-added-required", "stricter"]],
  ],
  [
    "field made required",
    data(object({ id: str })),
    data(object({ id: str }, ["id"])),
    [["data.id", "made-required", "stricter"]],
  ],
  [
    "format added",
    data(object({ at: str })),
    data(object({ at: { type: "string", format: "date-time" } })),
    [["data.at", "format-added", "stricter"]],
  ],
  [
    "format removed",
    data(object({ at: { type: "string", format: "date-time" } })),
    data(object({ at: str })),
    [["data.at", "format-removed", "compatible"]],
  ],
  [
    "pattern added",
    data(object({ id: str })),
    data(object({ id: { type: "string", pattern: "^[0-9]+$" } })),
    [["data.id", "pattern-added", "stricter"]],
  ],
  [
    "pattern changed",
    data(object({ id: { type: "string", pattern: "^a" } })),
    data(object({ id: { type: "string", pattern: "^b" } })),
    [["data.id", "pattern-changed", "stricter"]],
  ],
  [
    "minLength raised",
    data(object({ id: { type: "string", minLength: 1 } })),
    data(object({ id: { type: "string", minLength: 2 } })),
    [["data.id", "bound-tightened", "stricter"]],
  ],
  [
    "maximum raised",
    data(object({ n: { type: "number", maximum: 1 } })),
    data(object({ n: { type: "number", maximum: 2 } })),
    [["data.n", "bound-loosened", "compatible"]],
  ],
  [
    "description changed",
    data(object({ id: { ...str, description: "x" } })),
    data(object({ id: { ...str, description: "y" } })),
    [["data.id", "description-changed", "compatible"]],
  ],
  [
    "additionalProperties closed",
    data(object({ id: str })),
    data({ ...object({ id: str }), additionalProperties: false }),
    [["data", "additional-closed", "stricter"]],
  ],
  [
    "array items: field removed",
    data(object({ xs: { type: "array", items: object({ id: str, n: str }) } })),
    data(object({ xs: { type: "array", items: object({ id: str }) } })),
    [["data.xs[].n", "field-removed", "breaking"]],
  ],
  [
    "array items: type changed",
    data(object({ xs: { type: "array", items: str } })),
    data(object({ xs: { type: "array", items: { type: "number" } } })),
    [["data.xs[]", "type-changed", "breaking"]],
  ],
  [
    "oneOf variant added",
    data(object({ v: { oneOf: [object({ a: str }, ["a"])] } })),
    data(object({ v: { oneOf: [object({ a: str }, ["a"]), object({ b: str }, ["b"])] } })),
    [["data.v", "variant-added", "breaking"]],
  ],
  [
    "anyOf variant removed",
    data(object({ v: { anyOf: [str, { type: "number" }] } })),
    data(object({ v: { anyOf: [str] } })),
    [["data.v", "variant-removed", "stricter"]],
  ],
  [
    "anyOf variant changed inside",
    data(object({ v: { anyOf: [str, object({ a: str })] } })),
    data(object({ v: { anyOf: [str, object({})] } })),
    [["data.v<anyOf 2>.a", "field-removed", "breaking"]],
  ],
  [
    "allOf: a field moved from the event into its envelope is no change",
    { allOf: [envelope], ...object({ type: { const: "x" }, data: object({ id: str }) }, ["type", "data"]) },
    {
      allOf: [object({ ...(envelope.properties as JsonObject), id: str }, ["type", "data"])],
      ...object({ type: { const: "x" }, data: object({ id: str }) }, ["type", "data"]),
    },
    [["id", "field-added", "compatible"]],
  ],
  [
    "allOf: a required field dropped from the envelope",
    { allOf: [envelope], ...object({ type: { const: "x" } }) },
    { allOf: [object({ type: str, data: { type: "object" } }, ["type"])], ...object({ type: { const: "x" } }) },
    [["data", "made-optional", "breaking"]],
  ],
];

describe("classify", () => {
  it.each(cases)("%s", (_name, before, after, want) => {
    const got = classify(before, after, { package: "p", event: "e" }).map((c) => [c.path, c.kind, c.effect]);
    expect(got).toEqual(want);
  });

  it("labels each change with its package and event and a sentence", () => {
    const where = { package: "p", event: "e" };
    const [change] = classify(data(object({ id: str, n: str })), data(object({ id: str })), where);
    expect(change).toEqual({
      package: "p",
      event: "e",
      path: "data.n",
      change: "field removed",
      effect: "breaking",
      kind: "field-removed",
    });
  });
});

describe("classifyPackage", () => {
  it("reports events removed (breaking) and added (compatible)", () => {
    const schema = data(object({}));
    const before = new Map([
      ["a.gone", schema],
      ["kept", schema],
    ]);
    const after = new Map([
      ["kept", schema],
      ["early/b.new", schema],
    ]);
    const got = classifyPackage("p", before, after).map((c) => [c.event, c.kind, c.effect]);
    expect(got).toEqual([
      ["a.gone", "event-removed", "breaking"],
      ["early/b.new", "event-added", "compatible"],
    ]);
  });
});
