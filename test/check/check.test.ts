import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import JSON5 from "json5";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCommandLine } from "../../cli/src/args.js";
import { check, exitCode, readDeliveries, type CheckReport, type EventReport } from "../../cli/src/check.js";
import { optionalFields } from "../../cli/src/check-fields.js";
import { formatReport } from "../../cli/src/check-report.js";
import { UsageError } from "../../cli/src/errors.js";

const root = join(import.meta.dirname, "..", "..");
type Json = Record<string, any>;

/** A documented example (eduMe's JSON5 samples as JSON), as a fresh object to alter. */
const example = (catalogue: string, name: string): Json => {
  const file = join(root, "schemas", catalogue, "examples", name);
  return JSON5.parse(readFileSync(file, "utf8")) as Json;
};

let dir: string;
const put = (path: string, text: string): string => {
  const file = join(dir, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
};
const json = (value: unknown) => JSON.stringify(value, null, 2);

/** Fixture paths, filled in beforeAll. */
const f = {} as Record<"join" | "nickname" | "wrongType" | "lines" | "edume" | "edumeUpdated", string>;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "coursehooks-check-"));
  const join0 = example("teachfloor", "course.join.json");
  const withNickname = example("teachfloor", "course.join.json");
  withNickname.data.member.nickname = "JD";
  const wrongType = example("teachfloor", "course.join.json");
  wrongType.data.course.price = "99.00";
  const completed = example("teachfloor", "element.completed.json");
  const unknown = { ...example("teachfloor", "course.join.json"), type: "course.archived" };
  f.join = put("teachfloor/valid/a-course.join.json", json(join0));
  f.nickname = put("teachfloor/valid/b-nickname.json", json(withNickname));
  f.wrongType = put("teachfloor/invalid/wrong-type.json", json(wrongType));
  // JSON Lines: a drifted course.join, a blank line, a broken line, a valid element.completed, an unknown type.
  f.lines = put(
    "teachfloor/captured.jsonl",
    [withNickname, "", '{"id": "evt_1", "type": ', completed, unknown]
      .map((line) => (typeof line === "string" ? line : JSON.stringify(line)))
      .join("\n"),
  );

  const inCourse = example("edume", "learner.activity.finished.in-course-survey.json5");
  const standalone = example("edume", "learner.activity.finished.standalone-survey.json5");
  const identifier = { id: 1, key: "staffId", value: "S-1", createdAt: "2022-07-21T13:06:59.283Z", source: "hris" };
  standalone.payload.user.identifiers = [identifier];
  const titleChanged = example("edume", "course.updated.title.changed.json5");
  titleChanged.payload.previousTitle = "Old title";
  const teamAssigned = example("edume", "course.updated.team.assigned.json5");
  f.edume = put("edume/surveys.ndjson", `${[JSON.stringify(inCourse), JSON.stringify(standalone)].join("\n")}\n`);
  f.edumeUpdated = put("edume/updated/title.json", json(titleChanged));
  put("edume/updated/team.json", json(teamAssigned));
  put("edume/updated/notes.txt", "not a delivery: ignored inside a folder");
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const event = (report: CheckReport, type: string): EventReport => {
  const found = report.events.find((e) => e.type === type);
  if (!found) throw new Error(`no ${type} in the report`);
  return found;
};

describe("check (report data)", () => {
  it("counts per event type, with issues, drift, never-seen fields and unreadable lines", async () => {
    const report = await check("teachfloor", [join(dir, "teachfloor")]);
    expect(report.provider).toBe("teachfloor");
    expect(report.files).toBe(4);
    expect(report.totals).toEqual({ deliveries: 6, valid: 4, invalid: 1, unknown: 1, unreadable: 1 });
    expect(report.unreadable).toEqual([{ file: f.lines, line: 3, message: expect.stringMatching(/^not valid JSON/) }]);

    const courseJoin = event(report, "course.join");
    expect([courseJoin.valid, courseJoin.invalid, courseJoin.unknown]).toEqual([3, 1, 0]);
    expect(courseJoin.invalidDeliveries).toHaveLength(1);
    expect(courseJoin.invalidDeliveries[0]!.file).toBe(f.wrongType);
    expect(courseJoin.invalidDeliveries[0]!.line).toBeUndefined();
    expect(courseJoin.invalidDeliveries[0]!.issues.map((i) => i.path)).toEqual(["data.course.price"]);
    expect(courseJoin.invalidDeliveries[0]!.issues[0]!.message).toMatch(/^data\.course\.price: .*number/);

    expect(courseJoin.schemas).toHaveLength(1);
    const [schema] = courseJoin.schemas;
    expect(schema!.schema).toBe("course.join");
    expect(schema!.valid).toBe(3);
    // Folder order is sorted: captured.jsonl line 1 is read before valid/b-nickname.json.
    expect(schema!.undocumented).toEqual([
      { path: "data.member.nickname", count: 2, example: { file: f.lines, line: 1 } },
    ]);
    expect(schema!.neverSeen).toEqual(["installation_id"]);

    const completed = event(report, "element.completed");
    expect([completed.valid, completed.invalid, completed.unknown]).toEqual([1, 0, 0]);
    expect(completed.schemas[0]!.undocumented).toEqual([]);
    // data.members and data.meta are optional and absent from the example; nothing below them is listed.
    expect(completed.schemas[0]!.neverSeen).toEqual(["data.members", "data.meta", "installation_id"]);

    const archived = event(report, "course.archived");
    expect([archived.valid, archived.invalid, archived.unknown]).toEqual([0, 0, 1]);
    expect(archived.example).toEqual({ file: f.lines, line: 5 });
    expect(exitCode(report)).toBe(1);
  });

  it("is 0 when every delivery is valid, with the file named explicitly", async () => {
    const report = await check("teachfloor", [f.join]);
    expect(report.totals).toEqual({ deliveries: 1, valid: 1, invalid: 0, unknown: 0, unreadable: 0 });
    expect(exitCode(report)).toBe(0);
  });

  it("tells eduMe sub-types apart, the two survey schemas included, and walks arrays as []", async () => {
    const report = await check("edume", [f.edume, join(dir, "edume", "updated")]);
    expect(report.files).toBe(3); // notes.txt inside the folder is not read
    expect(report.totals).toMatchObject({ valid: 4, invalid: 0, unknown: 0, unreadable: 0 });

    const finished = event(report, "learner.activity.finished");
    expect(finished.valid).toBe(2);
    expect(finished.schemas.map((s) => [s.schema, s.valid])).toEqual([
      ["learner.activity.finished.in-course-survey", 1],
      ["learner.activity.finished.standalone-survey", 1],
    ]);
    const standalone = finished.schemas[1]!;
    expect(standalone.undocumented).toEqual([
      { path: "payload.user.identifiers[].source", count: 1, example: { file: f.edume, line: 2 } },
    ]);
    expect(finished.schemas[0]!.undocumented).toEqual([]);

    const updated = event(report, "course.updated");
    expect(updated.schemas.map((s) => s.schema)).toEqual([
      "course.updated.team.assigned",
      "course.updated.title.changed",
    ]);
    expect(updated.schemas[1]!.undocumented).toEqual([
      { path: "payload.previousTitle", count: 1, example: { file: f.edumeUpdated } },
    ]);
  });

  it("finds every documented example valid in every package (teachfloor/early's type is `event`)", async () => {
    for (const catalogue of ["teachfloor", "teachfloor/early", "teachify", "edume", "whop"]) {
      const examples = join(root, "schemas", catalogue, "examples");
      const manifest = JSON.parse(readFileSync(join(examples, "examples.json"), "utf8")) as Record<string, Json>;
      const events = Object.keys(manifest).filter((name) => !String(manifest[name]!.schema).startsWith("common/"));
      const lines = events.map((name) => JSON.stringify(example(catalogue, name))).join("\n");
      const file = put(`examples/${catalogue.replace("/", "-")}.jsonl`, lines);
      const report = await check(catalogue, [file]);
      expect(report.provider).toBe(catalogue);
      const n = events.length;
      expect(report.totals, catalogue).toEqual({ deliveries: n, valid: n, invalid: 0, unknown: 0, unreadable: 0 });
      const matched = report.events.flatMap((e) => e.schemas.map((s) => s.schema)).sort();
      expect(matched, catalogue).toEqual([...new Set(events.map((name) => String(manifest[name]!.schema)))].sort());
    }
  });

  it("lists a schema's optional fields through allOf, anyOf/oneOf and items", () => {
    const schema = {
      allOf: [
        { type: "object", required: ["id"], properties: { id: { type: "string" }, note: { type: "string" } } },
        {
          type: "object",
          required: ["data"],
          properties: {
            data: {
              type: "object",
              required: ["plans"],
              properties: {
                plans: { type: "array", items: { type: "object", required: ["id"], properties: { id: {}, tax: {} } } },
              },
              oneOf: [{ required: ["a"], properties: { a: {} } }, { properties: { b: {} } }],
            },
          },
        },
      ],
    };
    expect(optionalFields(schema)).toEqual(["data.b", "data.plans[].tax", "note"]);
    const file = join(root, "generated", "teachfloor", "schemas", "course.join.json");
    const bundled = JSON.parse(readFileSync(file, "utf8")) as Json;
    const optional = optionalFields(bundled);
    expect(optional).toEqual(expect.arrayContaining(["installation_id", "data.joined_at", "data.member.email"]));
    expect(optional).not.toContain("data.course.id");
    expect(optional).not.toContain("data");
  });

  it("reports files that cannot be read, with their location", () => {
    const missing = join(dir, "nowhere.json");
    const broken = put("broken.json", "{ not json");
    const read = readDeliveries([missing, broken]);
    expect(read.files).toBe(1);
    expect(read.deliveries).toEqual([]);
    expect(read.unreadable.map((u) => [u.file, u.line, u.message.split(":")[0]])).toEqual([
      [missing, undefined, "cannot read"],
      [broken, undefined, "not valid JSON"],
    ]);
  });

  it("formats a compact text report", async () => {
    const text = formatReport(await check("teachfloor", [join(dir, "teachfloor")]));
    const lines = text.split("\n");
    expect(lines[0]).toBe(
      "coursehooks check teachfloor: 4 files, 6 deliveries (4 valid, 1 invalid, 1 unknown, 1 unreadable)",
    );
    expect(text).toContain("course.join: 3 valid, 1 invalid\n");
    expect(text).toContain(`  invalid ${f.wrongType}\n    data.course.price: `);
    expect(text).toContain(`  undocumented fields:\n    data.member.nickname ×2 (e.g. ${f.lines}:1)`);
    expect(text).toContain("  optional fields never seen:\n    installation_id");
    expect(text).toContain(`course.archived: unknown event type, 1 (e.g. ${f.lines}:5)`);
    expect(text).toContain(`unreadable:\n  ${f.lines}:3: not valid JSON`);
  });

  it("parses its arguments, and refuses wrong ones as usage errors", async () => {
    expect(parseCommandLine(["check", "teachfloor/early", "a.json", "dir", "--json"])).toEqual({
      kind: "command",
      command: "check",
      positionals: ["teachfloor/early", "a.json", "dir"],
      values: { json: true },
    });
    expect(() => parseCommandLine(["check", "teachfloor"])).toThrow(UsageError);
    expect(() => parseCommandLine(["check"])).toThrow(UsageError);
    expect(() => parseCommandLine(["check", "teachfloor", "a.json", "--yaml"])).toThrow(/unknown option --yaml/);
    await expect(check("thinkific", [f.join])).rejects.toThrow(
      /unknown provider "thinkific": one of edume, teachfloor, teachfloor\/early, teachify, whop/,
    );
  });
});

describe("npx coursehooks check (child process)", () => {
  const run = (...args: string[]) =>
    new Promise<{ status: number; stdout: string; stderr: string }>((resolve) =>
      execFile(
        process.execPath,
        [join(root, "scripts", "coursehooks.js"), "check", ...args],
        { cwd: root, encoding: "utf8" },
        (error, stdout, stderr) => resolve({ status: error ? Number(error.code) : 0, stdout, stderr }),
      ),
    );

  it("exits 0 when all are valid, 1 with an invalid one, 2 on bad usage; --json parses", async () => {
    const [valid, invalid, json, usage, provider] = await Promise.all([
      run("teachfloor", join(dir, "teachfloor", "valid")),
      run("teachfloor", f.join, f.wrongType),
      run("teachfloor", join(dir, "teachfloor"), "--json"),
      run("teachfloor"),
      run("thinkific", f.join),
    ]);
    expect(valid.status).toBe(0);
    const header = "coursehooks check teachfloor: 2 files, 2 deliveries (2 valid, 0 invalid, 0 unknown)\n";
    expect(valid.stdout.startsWith(header)).toBe(true);
    expect(invalid.status).toBe(1);
    expect(invalid.stdout).toContain("data.course.price");
    expect(json.status).toBe(1);
    const parsed = JSON.parse(json.stdout) as CheckReport;
    expect(parsed.totals).toEqual({ deliveries: 6, valid: 4, invalid: 1, unknown: 1, unreadable: 1 });
    expect(usage.status).toBe(2);
    expect(usage.stderr.split("\n")[0]).toBe("coursehooks: check: missing <file-or-folder>");
    expect(usage.stderr).toContain("Usage: coursehooks <command>");
    expect(provider.status).toBe(2);
    const names = /unknown provider "thinkific": one of edume, teachfloor, teachfloor\/early, teachify, whop/;
    expect(provider.stderr).toMatch(names);
  });
});
