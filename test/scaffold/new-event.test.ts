import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCatalogues } from "../../generator/catalogue.js";
import { loadSchemas } from "../../generator/load.js";
import { generate } from "../../generator/pipeline.js";
import { planNewEvent, writePlan, type NewEvent } from "../../generator/scaffold/files.js";
import { replaceFolder } from "../../generator/write.js";
import { asSent } from "../helpers/examples.js";
import { projectRoot } from "../helpers/catalogues.js";

// End to end: scaffold events from payloads into a copy of the project, generate it, and use the packages.

const docs = "https://acme.example/docs/course-archived";
let root: string;
let files: Map<string, string>;
const read = (path: string) => readFileSync(join(root, path), "utf8");

/** `npm run new-event -- …` on the copy, as a person runs it. */
const newEvent = (...args: string[]) =>
  spawnSync(
    process.execPath,
    ["--import", "tsx", join(projectRoot, "scripts", "new-event.ts"), ...args, "--root", root],
    {
      cwd: projectRoot,
      encoding: "utf8",
    },
  );

/** The same in-process, for a catalogue of the copy. */
function scaffold(path: string, request: Omit<NewEvent, "catalogue" | "retrieved">) {
  const catalogue = buildCatalogues(loadSchemas(join(root, "schemas")).files).catalogues.find((c) => c.path === path)!;
  writePlan(root, planNewEvent(root, { catalogue, retrieved: "2026-01-02", ...request }));
}

const teachfloorBody = (): string => {
  const body = JSON.parse(readFileSync(join(projectRoot, "schemas/teachfloor/examples/course.join.json"), "utf8"));
  body.type = "course.archived";
  body.data = {
    id: "crs_9",
    title: "Intro",
    url: "https://acme.example/c/9",
    archived_at: "2025-10-07T10:00:00.5Z",
    note: null,
    tags: ["a"],
  };
  return `${JSON.stringify(body, null, 2)}\n`;
};
const edumeBody = () =>
  read("schemas/edume/examples/course.updated.team.removed.json5")
    .replace('"team.removed"', '"team.renamed"')
    .replace("team.removed", "team.renamed");
const earlyBody = JSON.stringify({
  event: "member.left",
  timestamp: "2025-10-07T10:00:00Z",
  data: { member: { id: 4, email: "j@acme.example" } },
});

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "coursehooks-new-event-"));
  for (const name of ["schemas", "package.json", "LICENSE"])
    cpSync(join(projectRoot, name), join(root, name), { recursive: true });
  writeFileSync(join(root, "archived.json"), teachfloorBody());
  writeFileSync(join(root, "renamed.json5"), edumeBody());
  writeFileSync(join(root, "left.json"), earlyBody);
  const run = newEvent("teachfloor", "course.archived", "--from", join(root, "archived.json"), "--docs", docs);
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  scaffold("edume", { event: "course.updated", subType: "team.renamed", docs, from: join(root, "renamed.json5") });
  scaffold("teachfloor/early", { event: "member.left", docs, from: join(root, "left.json") });
  const generated = await generate(root);
  if (!generated.ok) throw new Error(generated.problems.map((p) => `${p.file} ${p.pointer}: ${p.message}`).join("\n"));
  files = generated.files;
  replaceFolder(join(root, "generated"), files);
}, 240_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe.each([
  ["teachfloor", "course.archived", "TeachfloorCourseArchivedEvent", "validateCourseArchived", "course.archived.json"],
  [
    "edume",
    "course.updated.team.renamed",
    "EdumeCourseUpdatedTeamRenamedEvent",
    "validateCourseUpdatedTeamRenamed",
    "course.updated.team.renamed.json5",
  ],
  ["teachfloor/early", "member.left", "TeachfloorEarlyMemberLeftEvent", "validateMemberLeft", "member.left.json"],
])("%s %s, scaffolded and generated", (catalogue, stem, typeName, validator, example) => {
  const type = stem === "course.updated.team.renamed" ? "course.updated" : stem;

  it("is a member of the types' union and map, and of eventTypes", () => {
    const types = files.get(`${catalogue}/src/types.ts`)!;
    expect(types).toMatch(new RegExp(`export (interface|type) ${typeName}\\b`));
    expect(types).toMatch(new RegExp(`^export type \\w+Event =[^;]*\\b${typeName}\\b`, "m"));
    expect(types).toMatch(new RegExp(`^  "${type}":[^;]*\\b${typeName}\\b`, "m"));
    expect(types).toMatch(new RegExp(`export const eventTypes = \\[[^\\]]*"${type}"`));
  });

  it("has a validator and a docs page that says the shape was inferred", () => {
    expect(files.get(`${catalogue}/src/validators.d.ts`)).toContain(`export declare const ${validator}:`);
    const page = files.get(`${catalogue}/docs/${stem}.md`)!;
    expect(page).toContain("The shape was inferred from one payload by `npm run new-event`");
    expect(files.get(`${catalogue}/README.md`)).toContain("example (inferred)");
  });

  it("stores the payload as its example, byte for byte, appended to the manifest", () => {
    const source = {
      "course.archived.json": "archived.json",
      "course.updated.team.renamed.json5": "renamed.json5",
      "member.left.json": "left.json",
    }[example]!;
    expect(readFileSync(join(root, "schemas", catalogue, "examples", example))).toEqual(
      readFileSync(join(root, source)),
    );
    const before = Object.keys(
      JSON.parse(readFileSync(join(projectRoot, "schemas", catalogue, "examples", "examples.json"), "utf8")),
    );
    const manifest = JSON.parse(read(`schemas/${catalogue}/examples/examples.json`));
    expect(Object.keys(manifest)).toEqual([...before, example]);
    expect(manifest[example]).toEqual({
      schema: stem,
      section: expect.stringContaining("example payload"),
      published: docs,
      retrieved: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
  });

  it("is parsed by the generated package", async () => {
    const pkg = (await import(pathToFileURL(join(root, "generated", catalogue, "dist", "index.js")).href)) as {
      parse(body: string): { ok: boolean; event?: Record<string, unknown>; error?: unknown };
    };
    const body = asSent(example, read(`schemas/${catalogue}/examples/${example}`));
    const result = pkg.parse(body);
    expect(result.error).toBeUndefined();
    expect(result.ok).toBe(true);
    expect(result.event).toEqual(JSON.parse(body));
  });
});

describe("the command", () => {
  const firstLine = (text: string) => text.split("\n")[0];

  it.each([
    [
      "an existing schema",
      ["teachfloor", "course.archived", "--docs", docs],
      1,
      "new-event: schemas/teachfloor/course.archived.schema.json already exists: not overwritten.",
    ],
    [
      "an existing sub-type",
      ["edume", "course.updated:team.removed", "--docs", docs],
      1,
      "new-event: schemas/edume/course.updated.team.removed.schema.json already exists: not overwritten.",
    ],
    [
      "a payload of another event",
      ["teachfloor", "course.paused", "--from", "archived.json", "--docs", docs],
      1,
      'new-event: The payload\'s type is "course.archived", not "course.paused".',
    ],
    ["an unknown catalogue", ["acme", "thing.done", "--docs", docs], 2, 'new-event: unknown provider "acme": one of'],
    ["a bad event name", ["teachfloor", "../course", "--docs", docs], 2, 'new-event: "../course" is not an event name'],
    [
      "an unknown flag",
      ["teachfloor", "course.paused", "--docs", docs, "--force"],
      2,
      "new-event: Unknown option '--force'",
    ],
    ["no --docs", ["teachfloor", "course.paused"], 2, "new-event: --docs <https url> is required"],
  ])("refuses %s in one line, without a stack trace", (_, args, status, message) => {
    const run = newEvent(...args.map((a) => (a.endsWith(".json") ? join(root, a) : a)));
    expect(run.status).toBe(status);
    expect(firstLine(run.stderr)).toContain(message);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(run.stderr.includes("Usage:")).toBe(status === 2);
    expect(existsSync(join(root, "schemas/teachfloor/course.paused.schema.json"))).toBe(false);
  });

  it("leaves an existing schema as it was", () => {
    expect(read("schemas/edume/course.updated.team.removed.schema.json")).toBe(
      readFileSync(join(projectRoot, "schemas/edume/course.updated.team.removed.schema.json"), "utf8"),
    );
  });
});
