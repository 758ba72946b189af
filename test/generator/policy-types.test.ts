import { describe, expect, it } from "vitest";
import { buildCatalogues } from "../../generator/catalogue.js";
import { emitTypes } from "../../generator/emit/types.js";
import type { SchemaFile } from "../../generator/load.js";

// What the required/nullable policy's decisions become in the generated types, on small fixture schemas: a field
// required by the evidence is a required member, an optional one is `?`, a nullable one admits `null`, a field
// documented as `any` is `unknown`, and an object stays exact to readers while open maps get an index signature.

const id = (path: string) => `https://coursehooks.dev/schemas/${path}`;
const file = (path: string, json: Record<string, unknown>): SchemaFile => {
  const full = { $schema: "http://json-schema.org/draft-07/schema#", $id: id(path), ...json };
  return { path, text: JSON.stringify(full), json: full };
};
const envelope = file("acme/common/envelope.schema.json", {
  title: "Acme envelope",
  type: "object",
  required: ["type"],
  properties: { type: { type: "string" } },
});

/** The generated member line for `field` of a thing.done event whose data has `field` as `schema`. */
async function member(field: string, schema: Record<string, unknown>, required: boolean): Promise<string> {
  const event = file("acme/thing.done.schema.json", {
    title: "Acme thing.done",
    type: "object",
    allOf: [{ $ref: "common/envelope.schema.json" }],
    required: ["type", "data"],
    properties: {
      type: { const: "thing.done" },
      data: { type: "object", required: required ? [field] : [], properties: { [field]: schema } },
    },
  });
  const files = [envelope, event];
  const [catalogue] = buildCatalogues(files).catalogues;
  const text = await emitTypes(catalogue!, files);
  const line = text.split("\n").find((l) => l.trim().startsWith(`${field}`));
  return (line ?? "").trim();
}

describe("the policy's decisions in the generated types", () => {
  it.each([
    ["a field two sources confirm: required", "name", { type: "string" }, true, "name: string;"],
    ["a field one example shows: optional", "name", { type: "string" }, false, "name?: string;"],
    [
      "a field any source shows null: nullable",
      "cover",
      { type: ["string", "null"] },
      false,
      "cover?: (string | null);",
    ],
    ["a field documented as any: unknown", "extra", { description: "Documented as any." }, true, "extra: unknown;"],
    [
      "an open map: an index signature",
      "metadata",
      { type: "object", additionalProperties: true },
      false,
      "metadata?: {",
    ],
  ] as const)("%s", async (_, field, schema, required, want) => {
    expect(await member(field, schema, required)).toBe(want);
  });
});
