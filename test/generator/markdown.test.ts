import { describe, expect, it } from "vitest";
import { buildCatalogues } from "../../generator/catalogue.js";
import { eventPage } from "../../generator/emit/docs.js";
import { cell, linkTarget, prose } from "../../generator/emit/markdown.js";
import type { SchemaFile } from "../../generator/load.js";

describe("schema prose in Markdown", () => {
  const cases: Array<[string, { given: string; want: string }]> = [
    ["plain text", { given: "A learner joined a course.", want: "A learner joined a course." }],
    ["an HTML tag", { given: "<img src=x onerror=alert(1)>", want: "&lt;img src=x onerror=alert(1)&gt;" }],
    ["an ampersand", { given: "Q&A", want: "Q&amp;A" }],
    [
      "a code span, kept as written",
      { given: "`Array<{ id: number }>` & more", want: "`Array<{ id: number }>` &amp; more" },
    ],
    ["a link", { given: "[click](javascript:alert(1))", want: "\\[click\\](javascript:alert(1))" }],
    ["a comment terminator", { given: "--> <!--", want: "--&gt; &lt;!--" }],
    ["line breaks", { given: "one\n\n# two", want: "one # two" }],
    ["a leading heading mark", { given: "# Title", want: "\\# Title" }],
  ];
  it.each(cases)("prose: %s", (_name, { given, want }) => expect(prose(given)).toBe(want));

  it("escapes the cell separator, inside code spans too", () => {
    expect(cell("a | b `c|d`")).toBe("a \\| b `c\\|d`");
  });

  it("keeps a link target in one piece", () => {
    expect(linkTarget("https://acme.example/a_(b)")).toBe("https://acme.example/a_%28b%29");
  });
});

describe("an event page of a schema written to inject HTML", () => {
  const payload = "<script>alert(1)</script> --> <img src=x onerror=alert(2)> [x](javascript:alert(3))";
  const json: SchemaFile["json"] = {
    $schema: "http://json-schema.org/draft-07/schema#",
    $id: "https://coursehooks.dev/schemas/acme/thing.done.schema.json",
    title: "Acme thing.done",
    description: payload,
    $comment: payload,
    "x-docs": "https://acme.example/docs",
    "x-shape": { from: "example", source: payload },
    "x-evidence": [{ source: payload, shows: payload, url: "https://acme.example/docs" }],
    type: "object",
    required: ["type"],
    properties: {
      type: { const: "thing.done" },
      data: { type: "object", properties: { note: { type: "string", description: payload, $comment: payload } } },
    },
  };
  const file: SchemaFile = { path: "acme/thing.done.schema.json", text: JSON.stringify(json), json };
  const catalogue = buildCatalogues([file]).catalogues[0]!;
  const page = eventPage(catalogue, catalogue.events[0]!, json);

  it("shows the text and lets no tag, comment end or link through", () => {
    expect(page).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(page).not.toMatch(/<script|<img|(?<!\\)\]\(javascript:/);
    expect(page.split("\n").filter((line) => line.includes("-->"))).toEqual([page.split("\n")[0]]);
  });
});
