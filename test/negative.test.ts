import { readdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import type { EventCases } from "./cases/case.js";
import { catalogues, errorPointers, shippedValidator } from "./helpers/catalogues.js";
import { example } from "./helpers/examples.js";
import { applyPatch } from "./helpers/patch.js";

/** `test/cases/teachfloor-early.ts` holds the cases of catalogue `teachfloor/early`. */
const caseFiles = readdirSync(join(import.meta.dirname, "cases")).filter((name) => name !== "case.ts");
const tables = await Promise.all(
  caseFiles.map(async (name) => {
    const { cases } = (await import(pathToFileURL(join(import.meta.dirname, "cases", name)).href)) as {
      cases: EventCases[];
    };
    return { catalogue: name.replace(/\.ts$/, "").replace(/-/g, "/"), cases };
  }),
);

it("every catalogue has a case table", () => {
  expect(tables.map((t) => t.catalogue).sort()).toEqual(catalogues().map((c) => c.path));
});

describe.each(tables.map((t) => [t.catalogue, t] as const))("broken payloads of %s", (catalogue, { cases }) => {
  it("covers every event schema with at least one broken payload", () => {
    const events = catalogues()
      .find((c) => c.path === catalogue)!
      .events.map((e) => e.stem);
    const covered = cases.filter((c) => c.broken.length > 0).map((c) => c.schema);
    expect(events.filter((stem) => !covered.includes(stem))).toEqual([]);
  });

  describe.each(cases.map((c) => [c.schema, c] as const))("%s", (schema, eventCases) => {
    const base = "example" in eventCases.base ? example(catalogue, eventCases.base.example) : eventCases.base.assembled;

    it("starts from a payload that validates", async () => {
      const validate = await shippedValidator(catalogue, schema);
      validate(base);
      expect(errorPointers(validate)).toEqual([]);
    });

    it.each(eventCases.broken.map((b) => [b.name, b] as const))(
      "fails when %s, pointing at the field",
      async (_, broken) => {
        const validate = await shippedValidator(catalogue, schema);
        expect(validate(applyPatch(base, broken.patch))).toBe(false);
        expect(errorPointers(validate)).toContain(broken.pointer);
      },
    );
  });
});
