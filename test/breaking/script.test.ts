import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../scripts/breaking.js";

const base = "https://coursehooks.dev/schemas/demo/";
const draft07 = "http://json-schema.org/draft-07/schema#";

const envelope = {
  $schema: draft07,
  $id: `${base}common/envelope.schema.json`,
  type: "object",
  required: ["type", "data"],
  properties: { type: { type: "string" }, data: { type: "object" } },
};
const course = (extra: Record<string, unknown> = {}) => ({
  $schema: draft07,
  $id: `${base}common/course.schema.json`,
  type: "object",
  required: ["id"],
  properties: { id: { type: "string" }, name: { type: "string" }, ...extra },
});
const event = {
  $schema: draft07,
  $id: `${base}course.created.schema.json`,
  type: "object",
  allOf: [{ $ref: "common/envelope.schema.json" }],
  required: ["type", "data"],
  properties: { type: { const: "course.created" }, data: { $ref: "common/course.schema.json" } },
};

let dir: string;
const write = (path: string, json: unknown): void => {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), `${JSON.stringify(json, null, 2)}\n`);
};
const git = (...args: string[]): string =>
  execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false", ...args], {
    cwd: dir,
    encoding: "utf8",
  });
const run = async (args: string[], root = dir): Promise<{ code: number; text: string }> => {
  const out: string[] = [];
  const code = await main(args, root, (text) => out.push(text));
  return { code, text: out.join("\n") };
};
const reset = (): void => void git("checkout", "--", ".");

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "breaking-"));
  git("init", "--quiet");
  write("schemas/demo/common/envelope.schema.json", envelope);
  write("schemas/demo/common/course.schema.json", course());
  write("schemas/demo/course.created.schema.json", event);
  write("generated/demo/package.json", { name: "@coursehooks/demo", version: "0.1.0" });
  git("add", ".");
  git("commit", "--quiet", "-m", "fixture");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("npm run breaking -- --base HEAD", () => {
  it("exits 0 and needs no release when nothing changed", async () => {
    const { code, text } = await run(["--base", "HEAD"]);
    expect(code).toBe(0);
    expect(text).toContain("@coursehooks/demo: needs no release");
  });

  it("exits 1 and lists the removal when a field is removed without a version bump", async () => {
    const { properties } = course();
    write("schemas/demo/common/course.schema.json", { ...course(), properties: { id: properties.id } });
    const { code, text } = await run(["--base", "HEAD"]);
    reset();
    expect(code).toBe(1);
    expect(text).toMatch(/BREAKING +course\.created data\.name: field removed/);
    expect(text).toContain("0.x: a breaking change needs a minor bump");
    expect(text).toContain("Version not bumped for a breaking change: demo.");
  });

  it("exits 0 when the version reflects the breaking change (0.1.0 → 0.2.0)", async () => {
    const { properties } = course();
    write("schemas/demo/common/course.schema.json", { ...course(), properties: { id: properties.id } });
    write("generated/demo/package.json", { name: "@coursehooks/demo", version: "0.2.0" });
    const { code, text } = await run(["--base", "HEAD"]);
    reset();
    expect(code).toBe(0);
    expect(text).toContain("0.1.0 → 0.2.0: reflects a major change");
  });

  it("exits 0 and needs a minor bump when an optional field is added", async () => {
    write("schemas/demo/common/course.schema.json", course({ slug: { type: "string" } }));
    const { code, text } = await run(["--base", "HEAD", "--changelog"]);
    reset();
    expect(code).toBe(0);
    expect(text).toContain("@coursehooks/demo: needs a minor bump");
    expect(text).toMatch(/compatible +course\.created data\.slug: optional field added/);
    expect(text).toContain("### Added\n\n- `course.created data.slug`: optional field added");
  });

  it("exits 1 for a stricter change (a format added), and says why", async () => {
    write("schemas/demo/common/course.schema.json", course({ name: { type: "string", format: "uri" } }));
    const { code, text } = await run(["--base", "HEAD"]);
    reset();
    expect(code).toBe(1);
    expect(text).toMatch(/stricter +course\.created data\.name: format added: "uri"/);
  });

  it("exits 2 for a ref that is not a commit, and without --base", async () => {
    expect((await run(["--base", "no-such-ref"])).code).toBe(2);
    expect((await run([])).code).toBe(2);
  });

  it("on this repository, HEAD against itself: every package needs no release, exit 0", async () => {
    const { code, text } = await run(["--base", "HEAD", "--head", "HEAD"], join(import.meta.dirname, "..", ".."));
    expect(code).toBe(0);
    expect(text).toContain("@coursehooks/teachfloor: needs no release");
    expect(text).not.toMatch(/BREAKING|stricter +\S/);
  });
});
