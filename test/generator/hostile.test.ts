import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { buildCatalogues } from "../../generator/catalogue.js";
import { bundledSchema } from "../../generator/emit/bundled-schema.js";
import { entrySources } from "../../generator/emit/sources.js";
import type { SchemaFile } from "../../generator/load.js";
import { generate } from "../../generator/pipeline.js";
import { formatProblem } from "../../generator/problem.js";
import { projectRoot } from "../helpers/catalogues.js";

describe("hostile schema files", () => {
  it("are refused before anything is emitted, each problem as <file> <pointer>: <rule sentence>", async () => {
    const result = await generate(join(import.meta.dirname, "..", "fixtures", "hostile"));
    expect(result.ok).toBe(false);
    const lines = result.ok ? [] : result.problems.map(formatProblem);
    const expected: Array<[string, string, string]> = [
      ["unsafe-type", "/properties/type/const", "An event type and every sub-type const is 1 to 100 characters"],
      ["unsafe-sub-type", "/properties/data/properties/kind/const", "An event type and every sub-type const"],
      ["twice.second", "/properties/type/const", "Two event schemas never claim the same event type and sub-type"],
      ["backtracking", "/properties/code/pattern", "A pattern is a valid regular expression"],
      ["cycle", "/definitions/node/$ref", "A $ref never leads back to itself"],
      ["unreadable-ref", "/properties/data/$ref", "Every $ref points at a schema file that exists"],
    ];
    for (const [stem, pointer, sentence] of expected) {
      const start = `schemas/acme/${stem}.schema.json ${pointer}: ${sentence}`;
      expect(
        lines.some((line) => line.startsWith(start)),
        `a line starting ${start}:\n${lines.join("\n")}`,
      ).toBe(true);
    }
    expect(lines.filter((line) => line.includes("twice.first"))).toEqual([expect.stringContaining("twice.second")]);
  });
});

const envelope: SchemaFile["json"] = {
  $schema: "http://json-schema.org/draft-07/schema#",
  $id: "https://coursehooks.dev/schemas/acme/common/envelope.schema.json",
  title: "Acme envelope",
  description: "The fields every Acme delivery has.",
  type: "object",
  required: ["type"],
  properties: { type: { type: "string" } },
};
const event = (stem: string, type: string, data: Record<string, unknown> = {}): SchemaFile["json"] => ({
  $schema: "http://json-schema.org/draft-07/schema#",
  $id: `https://coursehooks.dev/schemas/acme/${stem}.schema.json`,
  title: `Acme ${stem}`,
  description: "An event.",
  type: "object",
  allOf: [{ $ref: "common/envelope.schema.json" }],
  required: ["type", "data"],
  properties: { type: { const: type }, data: { type: "object", properties: data } },
});
const file = (json: SchemaFile["json"]): SchemaFile => {
  const path = String(json.$id).replace("https://coursehooks.dev/schemas/", "");
  return { path, text: JSON.stringify(json), json };
};

describe("two event schemas claiming the same event type and sub-type", () => {
  it("are a problem at the second file's type const", () => {
    const files = [file(envelope), file(event("a", "thing.done")), file(event("b", "thing.done"))];
    const { problems } = buildCatalogues(files);
    expect(problems.map(formatProblem)).toEqual([
      "schemas/acme/b.schema.json /properties/type/const: " +
        "Two event schemas never claim the same event type and sub-type with the same required fields " +
        "(also claimed by schemas/acme/a.schema.json).",
    ]);
  });

  it("are not when their sub-types differ", () => {
    const sub = (value: string) => ({ kind: { const: value } });
    const files = [file(envelope), file(event("a", "thing.done", sub("x"))), file(event("b", "thing.done", sub("y")))];
    expect(buildCatalogues(files).problems).toEqual([]);
  });
});

/** Comment and string terminators, each followed by a statement that must never become code. */
const payload = [
  "*/ globalThis.pwned = 1; /*",
  '" ; globalThis.pwned = 1; "',
  "' ; globalThis.pwned = 1; '",
  "` ; globalThis.pwned = 1; `",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template terminator is what this string injects
  "${globalThis.pwned = 1}",
  "\n globalThis.pwned = 1;\n",
  "</script><script>globalThis.pwned = 1</script>",
].join(" ");

/** Every place in `code` where `pwned` is code rather than text in a string or comment. */
function injected(name: string, code: string): string[] {
  const source = ts.createSourceFile(name, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && node.text === "pwned") found.push(`${name}: ${node.parent.getText(source)}`);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe("schema text in generated code", () => {
  it("the check finds a statement injected into code", () => {
    expect(injected("x.ts", `/** a */ globalThis.pwned = 1;`)).toHaveLength(1);
    expect(injected("x.ts", `const a = \`\${globalThis.pwned = 1}\`;`)).toHaveLength(1);
  });

  it("stays inside its strings and comments: title, description, $comment, x-docs, event type, sub-type", async () => {
    const hostile = event("thing.done", `thing.done ${payload}`, {
      kind: { const: `sub ${payload}`, description: payload, $comment: payload },
      note: { type: "string", description: payload, $comment: payload, examples: [payload], default: payload },
      [payload]: { type: "string", description: payload },
    });
    Object.assign(hostile, { title: `Acme ${payload}`, description: payload, $comment: payload, "x-docs": payload });
    const files = [file({ ...envelope, title: `Acme ${payload}`, description: payload }), file(hostile)];
    const { catalogues } = buildCatalogues(files);
    const catalogue = catalogues[0]!;
    const bundled = catalogue.events.map(async (e) => [e.stem, await bundledSchema(e, files)] as const);
    const schemas = new Map(await Promise.all(bundled));
    const delivery = {
      provider: "Acme",
      signature: { scheme: "hmac-sha256-hex", headers: ["Acme-Signature"], signs: "raw-body", bearer: false },
      deliveryId: { from: "body-hash" },
    };
    const sources = await entrySources(catalogue, delivery, files, schemas, [], projectRoot);
    const names = ["index.ts", "json-schemas.ts", "types.ts", "validators.d.ts", "validators.js"];
    expect([...sources.keys()].sort()).toEqual(names);
    for (const text of sources.values()) expect(text).toContain("pwned");
    expect([...sources].flatMap(([name, text]) => injected(name, text))).toEqual([]);
  });
});
