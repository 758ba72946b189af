import { describe, expect, it } from "vitest";
import { lint } from "../../generator/lint/index.js";
import { rules } from "../../generator/lint/rules.js";
import type { SchemaFile } from "../../generator/load.js";
import { formatProblem } from "../../generator/problem.js";

const sentence = (start: string) => {
  const found = Object.keys(rules).find((s) => s.startsWith(start));
  if (!found) throw new Error(`no rule starts with "${start}"`);
  return found;
};

/** A valid event schema of a made-up provider, to break one way at a time. */
const event = (): Record<string, unknown> => ({
  $schema: "http://json-schema.org/draft-07/schema#",
  $id: "https://coursehooks.dev/schemas/acme/thing.done.schema.json",
  title: "Acme thing.done",
  description: "A thing was done.",
  "x-docs": "https://acme.example/docs",
  "x-shape": { from: "example", source: "acme docs" },
  "x-evidence": [{ source: "acme docs, thing.done", shows: "one example" }],
  type: "object",
  required: ["type"],
  properties: { type: { const: "thing.done" }, data: { type: "object", properties: { id: { type: "string" } } } },
});
const file = (json: Record<string, unknown>, path = "acme/thing.done.schema.json"): SchemaFile => ({
  path,
  text: JSON.stringify(json),
  json,
});

const cases: Array<[string, { given: Record<string, unknown>; want: { pointer: string; rule: string } }]> = [
  [
    "draft 2020-12",
    {
      given: { ...event(), $schema: "https://json-schema.org/draft/2020-12/schema" },
      want: { pointer: "/$schema", rule: sentence("A schema declares draft-07") },
    },
  ],
  [
    "a missing $id",
    { given: { ...event(), $id: undefined }, want: { pointer: "/$id", rule: sentence("A schema's $id") } },
  ],
  [
    "an $id of another path",
    {
      given: { ...event(), $id: "https://coursehooks.dev/schemas/acme/other.schema.json" },
      want: { pointer: "/$id", rule: sentence("A schema's $id") },
    },
  ],
  [
    "no description",
    {
      given: { ...event(), description: undefined },
      want: { pointer: "/description", rule: sentence("A schema has a title") },
    },
  ],
  [
    "a nested title",
    {
      given: { ...event(), properties: { type: { const: "thing.done" }, data: { title: "Data", type: "object" } } },
      want: { pointer: "/properties/data/title", rule: sentence("Only the top level") },
    },
  ],
  [
    "an unknown keyword",
    {
      given: { ...event(), properties: { type: { const: "thing.done" }, data: { type: "object", nullable: true } } },
      want: { pointer: "/properties/data/nullable", rule: sentence("Every keyword") },
    },
  ],
  [
    "a $ref to no file",
    {
      given: { ...event(), allOf: [{ $ref: "common/envelope.schema.json" }] },
      want: { pointer: "/allOf/0/$ref", rule: sentence("Every $ref") },
    },
  ],
  [
    "a $ref to no place in the file",
    {
      given: { ...event(), allOf: [{ $ref: "#/definitions/missing" }] },
      want: { pointer: "/allOf/0/$ref", rule: sentence("Every $ref") },
    },
  ],
  [
    "a description beside $ref",
    {
      given: {
        ...event(),
        definitions: { a: { type: "string" } },
        properties: { type: { const: "thing.done" }, data: { $ref: "#/definitions/a", description: "x" } },
      },
      want: { pointer: "/properties/data/description", rule: sentence("A $ref stands alone") },
    },
  ],
  [
    "closed additional properties",
    {
      given: { ...event(), additionalProperties: false },
      want: { pointer: "/additionalProperties", rule: sentence("An object never forbids") },
    },
  ],
  [
    "no docs link",
    {
      given: { ...event(), "x-docs": undefined },
      want: { pointer: "/x-docs", rule: sentence("An event schema links") },
    },
  ],
  [
    "a docs link that breaks out of its link",
    {
      given: { ...event(), "x-docs": 'https://acme.example/"><script>' },
      want: { pointer: "/x-docs", rule: sentence("An event schema links") },
    },
  ],
  [
    "an evidence link with a space",
    {
      given: {
        ...event(),
        "x-evidence": [{ source: "acme docs", shows: "one example", url: "https://acme.example/a b" }],
      },
      want: { pointer: "/x-evidence/0", rule: sentence("A schema lists the sources") },
    },
  ],
  [
    "an unknown shape origin",
    {
      given: { ...event(), "x-shape": { from: "guess", source: "-" } },
      want: { pointer: "/x-shape", rule: sentence("An event schema says in x-shape") },
    },
  ],
  [
    "no x-evidence",
    {
      given: { ...event(), "x-evidence": undefined },
      want: { pointer: "/x-evidence", rule: sentence("A schema lists the sources") },
    },
  ],
  [
    "an empty x-evidence",
    {
      given: { ...event(), "x-evidence": [] },
      want: { pointer: "/x-evidence", rule: sentence("A schema lists the sources") },
    },
  ],
  [
    "a source that does not say what it shows",
    {
      given: { ...event(), "x-evidence": [{ source: "acme docs", shows: "one example" }, { source: "acme SDK" }] },
      want: { pointer: "/x-evidence/1", rule: sentence("A schema lists the sources") },
    },
  ],
  [
    "a source with a link that is not https",
    {
      given: { ...event(), "x-evidence": [{ source: "acme docs", shows: "one example", url: "ftp://acme" }] },
      want: { pointer: "/x-evidence/0", rule: sentence("A schema lists the sources") },
    },
  ],
  [
    "no event type const",
    {
      given: { ...event(), properties: { type: { type: "string" } } },
      want: { pointer: "/properties", rule: sentence("An event schema fixes") },
    },
  ],
  [
    "an event type that is not required",
    { given: { ...event(), required: [] }, want: { pointer: "/required", rule: sentence("An event schema fixes") } },
  ],
  [
    "an event type that closes a comment",
    {
      given: { ...event(), properties: { type: { const: "thing.done*/ x" } } },
      want: { pointer: "/properties/type/const", rule: sentence("An event type and every sub-type") },
    },
  ],
  [
    "a sub-type with a quote",
    {
      given: {
        ...event(),
        properties: { type: { const: "thing.done" }, data: { properties: { kind: { const: '"' } } } },
      },
      want: { pointer: "/properties/data/properties/kind/const", rule: sentence("An event type and every sub-type") },
    },
  ],
  [
    "an event type of 101 characters",
    {
      given: { ...event(), properties: { type: { const: "a".repeat(101) } } },
      want: { pointer: "/properties/type/const", rule: sentence("An event type and every sub-type") },
    },
  ],
  [
    "a $ref to itself",
    {
      given: { ...event(), definitions: { a: { $ref: "#/definitions/a" } } },
      want: { pointer: "/definitions/a/$ref", rule: sentence("A $ref never leads back") },
    },
  ],
  [
    "a $ref to the schema it is in",
    {
      given: { ...event(), properties: { type: { const: "thing.done" }, data: { $ref: "#" } } },
      want: { pointer: "/properties/data/$ref", rule: sentence("A $ref never leads back") },
    },
  ],
  [
    "an unreadable $ref",
    {
      given: { ...event(), properties: { type: { const: "thing.done" }, data: { $ref: "http://[bad" } } },
      want: { pointer: "/properties/data/$ref", rule: sentence("Every $ref") },
    },
  ],
  [
    "a pattern with nested quantifiers",
    {
      given: {
        ...event(),
        properties: { type: { const: "thing.done" }, data: { type: "string", pattern: "^(a+)+$" } },
      },
      want: { pointer: "/properties/data/pattern", rule: sentence("A pattern is a valid regular expression") },
    },
  ],
  [
    "a patternProperties key with nested quantifiers",
    {
      given: { ...event(), patternProperties: { "^(a+)*/x$": { type: "string" } } },
      want: { pointer: "/patternProperties/^(a+)*~1x$", rule: sentence("A pattern is a valid regular expression") },
    },
  ],
  [
    "a pattern that is not a regular expression",
    {
      given: { ...event(), properties: { type: { const: "thing.done" }, data: { type: "string", pattern: "(" } } },
      want: { pointer: "/properties/data/pattern", rule: sentence("A pattern is a valid regular expression") },
    },
  ],
];

const problemsOf = (json: Record<string, unknown>) => lint([file(JSON.parse(JSON.stringify(json)))]);

describe("schema rules", () => {
  it("accept the valid event schema the cases start from, with one source of evidence or several", () => {
    expect(problemsOf(event()).map(formatProblem)).toEqual([]);
    const evidence = [
      { source: "acme docs", shows: "one example", url: "https://acme.example/docs" },
      { source: "acme SDK", shows: "a type" },
    ];
    expect(problemsOf({ ...event(), "x-evidence": evidence }).map(formatProblem)).toEqual([]);
  });

  it.each(cases)("report %s at its pointer with the rule's sentence", (_, { given, want }) => {
    const problems = problemsOf(given);
    expect(problems).toContainEqual(
      expect.objectContaining({
        file: "acme/thing.done.schema.json",
        pointer: want.pointer,
        message: expect.stringContaining(want.rule),
      }),
    );
  });

  it("have a case for every rule", () => {
    const exercised = new Set(cases.map(([, c]) => c.want.rule));
    expect(Object.keys(rules).filter((rule) => !exercised.has(rule))).toEqual([]);
  });

  it("report a schema that is not valid draft-07", () => {
    expect(problemsOf({ ...event(), required: "type" })).toContainEqual(
      expect.objectContaining({ pointer: "/required", message: expect.stringContaining("Not valid draft-07") }),
    );
  });
});
