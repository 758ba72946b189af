import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readCatalogue } from "../../generator/import/apply.js";
import { isImported } from "../../generator/import/evidence.js";
import { loadSdk } from "../../generator/import/load-sdk.js";
import { planImport } from "../../generator/import/whop.js";
import { lint } from "../../generator/lint/index.js";
import { formatProblem } from "../../generator/problem.js";
import { main } from "../../scripts/import-whop.js";

const root = join(import.meta.dirname, "..", "..");
const whop = join(root, "schemas", "whop");
const curated = "course_lesson_interaction.completed.schema.json";
const temp: string[] = [];

/** A copy of schemas/whop with only the files kept by hand: what an import starts from. */
function handKeptCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), "whop-import-"));
  temp.push(dir);
  cpSync(whop, dir, { recursive: true });
  for (const [path, text] of readCatalogue(dir)) if (isImported(JSON.parse(text), "@whop/sdk")) rmSync(join(dir, path));
  return dir;
}

async function runImport(args: string[]): Promise<{ code: number; output: string[] }> {
  const output: string[] = [];
  const code = await main(args, root, (text) => output.push(text));
  return { code, output };
}

afterAll(() => {
  for (const dir of temp) rmSync(dir, { recursive: true, force: true });
});

describe("npm run import:whop", () => {
  let first: Map<string, string>;
  let dir: string;

  beforeAll(async () => {
    dir = handKeptCopy();
    const { code } = await runImport(["--dir", dir]);
    expect(code).toBe(0);
    first = readCatalogue(dir);
  });

  it("writes one file per webhook event of the SDK's union, beside the files kept by hand", () => {
    const events = [...first.keys()].filter((path) => !path.startsWith("common/"));
    expect(events.length).toBe(41);
    expect(first.has("payment.succeeded.schema.json")).toBe(true);
    expect(first.has("common/envelope.schema.json")).toBe(true);
  });

  it("is repeatable: a second import into a fresh copy gives the same bytes", async () => {
    const again = handKeptCopy();
    expect((await runImport(["--dir", again])).code).toBe(0);
    expect(readCatalogue(again)).toEqual(first);
  });

  it("changes nothing when run again over its own output", async () => {
    const { code, output } = await runImport(["--dir", dir, "--check"]);
    expect(output.filter((line) => line.startsWith("out of date"))).toEqual([]);
    expect(code).toBe(0);
  });

  it("leaves the hand-curated event as it is and reports where the SDK alone differs", async () => {
    expect(first.get(curated)).toBe(readFileSync(join(whop, curated), "utf8"));
    const { output } = await runImport(["--dir", dir, "--check"]);
    expect(output).toContain(`${curated} is curated by hand and left as it is; the SDK alone would give:`);
    expect(output).toContain("  data.lesson.title: field made optional");
  });

  it("the repository's schemas/whop are what a fresh import of the installed SDK gives", async () => {
    const { code, output } = await runImport(["--check"]);
    expect(output.filter((line) => line.startsWith("out of date"))).toEqual([]);
    expect(code).toBe(0);
  });

  it("every file it writes passes the schema lint", () => {
    const files = [...first].map(([path, text]) => ({ path: `whop/${path}`, text, json: JSON.parse(text) }));
    expect(lint(files).map(formatProblem)).toEqual([]);
  });

  it("removes a file it owns when the SDK no longer has the event, and never one kept by hand", () => {
    const stale = handKeptCopy();
    const marker = { from: "@whop/sdk", version: "0.0.1" };
    writeFileSync(join(stale, "gone.event.schema.json"), JSON.stringify({ "x-imported": marker }));
    const { sdk, package: pkg } = loadSdk(join(root, "node_modules", "@whop", "sdk"));
    const plan = planImport({ sdk, package: pkg, existing: readCatalogue(stale) });
    expect(plan.remove).toEqual(["gone.event.schema.json"]);
    expect(plan.write.has(curated)).toBe(false);
    expect(plan.curated.map((c) => c.path)).toEqual([curated]);
    const kept = new Map(readCatalogue(stale));
    kept.set("common/payment.schema.json", "{}");
    expect(() => planImport({ sdk, package: pkg, existing: kept })).toThrow(
      /common\/payment.schema.json is kept by hand/,
    );
  });
});
