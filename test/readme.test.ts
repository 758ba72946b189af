import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { frameworks } from "../generator/emit/readme.js";
import { expressHandler, fetchHandler, frameworkRecipes, handlerSnippet } from "../generator/emit/snippets.js";
import { catalogues, projectRoot } from "./helpers/catalogues.js";

const readme = readFileSync(join(projectRoot, "README.md"), "utf8");
const express = expressHandler("@coursehooks/teachfloor", "TEACHFLOOR_WEBHOOK_SECRET").join("\n");
const example = (file: string) => readFileSync(join(projectRoot, "examples", "frameworks", `${file}.ts`), "utf8");

it("the README's quick start is the install-and-generate command and the test command", () => {
  expect(readme).toContain("npm ci && npm run generate");
  expect(readme).toContain("npm test");
});

it(
  "the README shows the fetch-style handler the consumer tests run, " + "and the Express one the package READMEs show",
  () => {
    expect(readme).toContain(fetchHandler("@coursehooks/teachfloor").join("\n"));
    expect(readme).toContain(express);
  },
);

it("the README's Express example is the code test/frameworks runs (examples/frameworks/express-receive.ts)", () => {
  expect(example("express-receive")).toContain(express);
});

it("the README's createHandler example is the one the package READMEs show", () => {
  expect(readme).toContain(
    handlerSnippet("@coursehooks/teachfloor", "course.join", "TEACHFLOOR_WEBHOOK_SECRET").join("\n"),
  );
});

it("the README and every package README show the framework recipes under Receive webhooks", () => {
  const section = frameworks().join("\n");
  const receive = readme.slice(readme.indexOf("## Receive webhooks"), readme.indexOf("### Test deliveries"));
  expect(receive).toContain(section);
  for (const { path } of catalogues()) {
    expect(readFileSync(join(projectRoot, "generated", path, "README.md"), "utf8"), path).toContain(section);
  }
});

it.each(frameworkRecipes.map((recipe) => [recipe.framework, recipe] as const))(
  "the %s recipe is the code test/frameworks runs (examples/frameworks/<file>.ts)",
  (_, recipe) => {
    expect(example(recipe.file)).toContain(recipe.code.join("\n"));
  },
);
