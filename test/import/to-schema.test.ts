import { describe, expect, it } from "vitest";
import { sdkFromTexts } from "../../generator/import/load-sdk.js";
import { sdkOnly, toSchema } from "../../generator/import/to-schema.js";

/** The schema of `given` as the type of a member (with JSDoc `doc`), beside the declarations `context`. */
function convert(given: string, options: { doc?: string; context?: string; shared?: string[] } = {}) {
  const text = [
    options.context ?? "",
    "export interface E {",
    options.doc ? `  /** ${options.doc} */` : "",
    `  given: ${given};`,
    "}",
    "export type UnwrapWebhookEvent = E;",
  ].join("\n");
  const sdk = sdkFromTexts(
    new Map([["types.d.ts", text.replace("export interface E {", "export interface E {\n  type: 'e';")]]),
    "types.d.ts",
  );
  const member = sdk.events[0]!.model.members.find((m) => m.name === "given")!;
  const shared = new Set(options.shared ?? []);
  const refOf = (name: string) => (shared.has(name) ? `common/${name.toLowerCase()}.schema.json` : undefined);
  return toSchema(member.type, { refOf, named: sdk.named, requires: sdkOnly }, member.doc);
}

const thing = "export interface Thing {\n  id: string;\n  name: string | null;\n  note?: string;\n}";
const nested = [
  "export interface Outer {\n  inner: Outer.Inner | null;\n}",
  "export declare namespace Outer {\n  interface Inner {\n    id: string;\n    kind: 'inner';\n  }\n}",
].join("\n");

const table: Array<[string, { given: string; doc?: string; context?: string; shared?: string[]; want: unknown }]> = [
  ["string", { given: "string", want: { type: "string" } }],
  ["number", { given: "number", want: { type: "number" } }],
  ["boolean", { given: "boolean", want: { type: "boolean" } }],
  ["unknown: any value, no type", { given: "unknown", want: {} }],
  ["unknown | null: still any value", { given: "unknown | null", want: {} }],
  ["one string literal: a const", { given: "'v1'", want: { type: "string", const: "v1" } }],
  ["literal union: an enum in SDK order", { given: "'b' | 'a'", want: { type: "string", enum: ["b", "a"] } }],
  [
    "nullable literal union: null in type and enum",
    { given: "'b' | 'a' | null", want: { type: ["string", "null"], enum: ["b", "a", null] } },
  ],
  ["nullable string", { given: "string | null", want: { type: ["string", "null"] } }],
  ["parenthesised", { given: "(number) | null", want: { type: ["number", "null"] } }],
  ["Array<T>", { given: "Array<string>", want: { type: "array", items: { type: "string" } } }],
  ["T[]", { given: "number[]", want: { type: "array", items: { type: "number" } } }],
  ["nullable array", { given: "Array<string> | null", want: { type: ["array", "null"], items: { type: "string" } } }],
  [
    "date-time only where the JSDoc says so",
    {
      given: "string",
      doc: "The datetime the entry was created.",
      want: { description: "The datetime the entry was created.", type: "string", format: "date-time" },
    },
  ],
  [
    "a Unix timestamp typed as string gets no format",
    { given: "string", doc: "As a Unix timestamp.", want: { description: "As a Unix timestamp.", type: "string" } },
  ],
  [
    "nested object: id required, other fields typed and optional",
    {
      given: "{ id: string; count: number; label?: string | null }",
      want: {
        type: "object",
        required: ["id"],
        properties: { id: { type: "string" }, count: { type: "number" }, label: { type: ["string", "null"] } },
      },
    },
  ],
  [
    "a string-literal member is a discriminator: required",
    {
      given: "{ object: 'payment'; amount: number }",
      want: {
        type: "object",
        required: ["object"],
        properties: { object: { type: "string", const: "payment" }, amount: { type: "number" } },
      },
    },
  ],
  [
    "index signature: an open object",
    { given: "{ [key: string]: unknown }", want: { type: "object", additionalProperties: true } },
  ],
  [
    "Record: an open object",
    { given: "Record<string, unknown>", want: { type: "object", additionalProperties: true } },
  ],
  [
    "a shared type: a $ref to its file",
    { given: "Thing", context: thing, shared: ["Thing"], want: { $ref: "common/thing.schema.json" } },
  ],
  [
    "a nullable shared type: $ref or null",
    {
      given: "Thing | null",
      context: thing,
      shared: ["Thing"],
      want: { anyOf: [{ $ref: "common/thing.schema.json" }, { type: "null" }] },
    },
  ],
  [
    "a named type without a file of its own: written in place",
    {
      given: "Thing",
      context: thing,
      want: {
        type: "object",
        required: ["id"],
        properties: { id: { type: "string" }, name: { type: ["string", "null"] }, note: { type: "string" } },
      },
    },
  ],
  [
    "an interface in a namespace: written in place, nullable",
    {
      given: "Outer",
      context: nested,
      want: {
        type: "object",
        required: [],
        properties: {
          inner: {
            type: ["object", "null"],
            required: ["id", "kind"],
            properties: { id: { type: "string" }, kind: { type: "string", const: "inner" } },
          },
        },
      },
    },
  ],
  [
    "a type alias of a literal union: an enum in place",
    {
      given: "Status",
      context: "export type Status = 'open' | 'closed';",
      want: { type: "string", enum: ["open", "closed"] },
    },
  ],
  [
    "a union of two object types: anyOf",
    {
      given: "{ a: string } | { b: number }",
      want: {
        anyOf: [
          { type: "object", required: [], properties: { a: { type: "string" } } },
          { type: "object", required: [], properties: { b: { type: "number" } } },
        ],
      },
    },
  ],
];

describe("TypeScript type → JSON Schema", () => {
  it.each(table)("%s", (_name, { want, ...given }) => {
    expect(convert(given.given, given)).toEqual(want);
  });

  it("refuses types it cannot express instead of guessing", () => {
    expect(() => convert("() => void")).toThrow(/unsupported type/);
  });
});
