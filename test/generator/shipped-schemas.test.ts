import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { shippedSchema } from "../../generator/emit/bundled-schema.js";
import { walkSchema } from "../../generator/schema-walk.js";
import { catalogues, projectRoot } from "../helpers/catalogues.js";

const ownKeywords = (schema: unknown) => {
  const found: string[] = [];
  walkSchema(schema, (node, pointer) => {
    for (const keyword of Object.keys(node)) if (keyword.startsWith("x-")) found.push(`${pointer}/${keyword}`);
  });
  return found;
};

it("ships schemas with standard keywords only, while the docs pages keep the evidence", () => {
  for (const { path, events } of catalogues()) {
    const dir = join(projectRoot, "generated", path, "schemas");
    for (const name of readdirSync(dir)) {
      const schema = JSON.parse(readFileSync(join(dir, name), "utf8"));
      expect(ownKeywords(schema), `${path}/schemas/${name}`).toEqual([]);
      expect(JSON.stringify(schema)).toContain('"description"');
    }
    for (const event of events) {
      const page = readFileSync(join(projectRoot, "generated", path, "docs", `${event.stem}.md`), "utf8");
      expect(page, `${path} ${event.stem}`).toContain("## Evidence");
    }
  }
});

it("leaves a field named like an own keyword alone: only keywords are dropped", () => {
  const schema = {
    type: "object",
    "x-evidence": [{ source: "a page" }],
    properties: { "x-request-id": { type: "string", "x-docs": "https://example.com" } },
  };
  expect(shippedSchema(schema)).toEqual({ type: "object", properties: { "x-request-id": { type: "string" } } });
});
