import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { projectRoot } from "../helpers/catalogues.js";

/** Copies a fixture project to a temporary folder with an earlier generated/, and runs `npm run generate` on it. */
function generateIn(fixture: string) {
  const root = mkdtempSync(join(tmpdir(), "coursehooks-broken-"));
  cpSync(join(import.meta.dirname, "..", "fixtures", fixture, "schemas"), join(root, "schemas"), { recursive: true });
  cpSync(join(projectRoot, "package.json"), join(root, "package.json"));
  cpSync(join(projectRoot, "LICENSE"), join(root, "LICENSE"));
  mkdirSync(join(root, "generated"));
  writeFileSync(join(root, "generated", "earlier.txt"), "output of an earlier run");
  const run = spawnSync(
    process.execPath,
    ["--import", "tsx", join(projectRoot, "scripts", "generate.ts"), "--root", root],
    { cwd: projectRoot, encoding: "utf8" },
  );
  return { root, run };
}

const untouched = (root: string) => {
  expect(readdirSync(join(root, "generated"))).toEqual(["earlier.txt"]);
  expect(readFileSync(join(root, "generated", "earlier.txt"), "utf8")).toBe("output of an earlier run");
};

it("stops when emitting fails after the checks pass, saying where, and leaves generated/ as it was", () => {
  const { root, run } = generateIn("emit-failure");
  expect(run.status).toBe(1);
  expect(run.stderr).toContain(
    "schemas/acme/thing.done.schema.json /: definitions means different things in draft-07 and 2020-12",
  );
  expect(run.stderr).toContain("generated/ was left as it was");
  untouched(root);
});

it("stops on broken schemas, lists every problem with file and pointer, and leaves generated/ as it was", () => {
  const { root, run } = generateIn("broken");
  expect(run.status).toBe(1);
  const lines = run.stderr.split("\n");
  const expected = [
    /^schemas\/acme\/invalid\.schema\.json \/: Not valid JSON: .* at line 5, column 1$/,
    new RegExp(
      "^schemas/acme/dangling\\.schema\\.json /properties/data/\\$ref: " +
        "Every \\$ref points at a schema file that exists" +
        ".*no schema file has \\$id https://coursehooks\\.dev/schemas/acme/common/missing\\.schema\\.json",
    ),
    new RegExp(
      "^schemas/acme/no-id\\.schema\\.json /\\$id: " +
        "A schema's \\$id is https://coursehooks\\.dev/schemas/ followed by its own path\\.",
    ),
    new RegExp(
      "^schemas/acme/unknown-keyword\\.schema\\.json /properties/data/nullable: " +
        'Every keyword is a draft-07 keyword.*unknown keyword "nullable"',
    ),
    new RegExp(
      "^schemas/acme/delivery\\.json /: " +
        "A catalogue says in delivery\\.json how its deliveries are signed and identified\\.$",
    ),
  ];
  for (const pattern of expected)
    expect(
      lines.some((line) => pattern.test(line)),
      `stderr has a line like ${pattern}:\n${run.stderr}`,
    ).toBe(true);
  untouched(root);
});
