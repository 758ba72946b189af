import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { expressHandler, fetchHandler, handlerSnippet } from "../generator/emit/snippets.js";
import { projectRoot } from "./helpers/catalogues.js";

const readme = readFileSync(join(projectRoot, "README.md"), "utf8");

it("the README's quick start is the install-and-generate command and the test command", () => {
  expect(readme).toContain("npm ci && npm run generate");
  expect(readme).toContain("npm test");
});

it("the README shows the fetch-style handler the consumer tests run, and the Express one the package READMEs show", () => {
  expect(readme).toContain(fetchHandler("@coursehooks/teachfloor").join("\n"));
  expect(readme).toContain(expressHandler("@coursehooks/teachfloor").join("\n"));
});

it("the README's createHandler example is the one the package READMEs show", () => {
  expect(readme).toContain(handlerSnippet("@coursehooks/teachfloor", "course.join", "TEACHFLOOR_WEBHOOK_SECRET").join("\n"));
});

it.each(["redis.ts", "sql.ts"])("the README shows the delivery store recipe examples/stores/%s that the store tests run", (file) => {
  const code = readFileSync(join(projectRoot, "examples", "stores", file), "utf8").replace(/^(\/\/.*\n)+/, "").trim();
  expect(readme).toContain(code);
});
