import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { loadSchemas } from "../../generator/load.js";
import { learningProblems, mappedFields } from "../../generator/learning/check.js";
import { type LearningJson, loadLearning, type MappingJson } from "../../generator/learning/file.js";
import { reach } from "../../generator/learning/resolve.js";
import { loadLearnings } from "../../generator/learning/unit.js";
import { catalogues, projectRoot } from "../helpers/catalogues.js";
import { schemasDir } from "../helpers/examples.js";

const files = loadSchemas(schemasDir).files;
const teachfloor = catalogues().find((c) => c.path === "teachfloor")!;
const problemsOf = (events: Record<string, unknown>, unmapped?: Record<string, string>) =>
  learningProblems(teachfloor, { events, ...(unmapped && { unmapped }) } as LearningJson, files).map(
    (p) => `${p.file} ${p.pointer}: ${p.message}`,
  );
const join_ = {
  kind: "learner.enrolled",
  occurredAt: "/created_at",
  learner: { id: "/data/member/id" },
  course: { id: "/data/course/id" },
};

describe("the project's learning.json files", () => {
  it("have no problems", () => {
    expect(loadLearnings(schemasDir, catalogues(), files).problems).toEqual([]);
  });

  it("are read without a word on the console (AJV's strict mode warns there)", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    try {
      loadLearnings(schemasDir, catalogues(), files);
      expect([...warn.mock.calls, ...log.mock.calls]).toEqual([]);
    } finally {
      warn.mockRestore();
      log.mockRestore();
    }
  });

  it("point at fields of their events' schemas, every pointer", () => {
    const { entries } = loadLearnings(schemasDir, catalogues(), files);
    expect(entries.map((e) => e.catalogue.path)).toEqual([
      "edume",
      "teachfloor",
      "teachfloor/early",
      "teachify",
      "whop",
    ]);
    const pointers = entries.flatMap(({ catalogue, learning }) =>
      Object.entries(learning.events).flatMap(([stem, mapping]) =>
        mappedFields(mapping as MappingJson).flatMap(({ source }) =>
          [source].flat().map((pointer) => ({ file: catalogue.events.find((e) => e.stem === stem)!.file, pointer })),
        ),
      ),
    );
    expect(pointers.length).toBeGreaterThan(100);
    for (const { file, pointer } of pointers)
      expect(reach(file, pointer, files), `${file.path} ${pointer}`).toBeDefined();
  });
});

describe("a mapping that does not fit its schema is a problem at its JSON Pointer", () => {
  it("accepts a mapping that fits", () => {
    expect(problemsOf({ "course.join": join_ })).toEqual([]);
  });

  it("names an event the catalogue does not have", () => {
    expect(problemsOf({ "course.joined": join_ })).toEqual([
      "teachfloor/learning.json /events/course.joined: teachfloor has no event schema course.joined " +
        "(schemas/teachfloor/course.joined.schema.json).",
    ]);
  });

  it("points at a field the schema does not have", () => {
    const mapping = { ...join_, learner: { id: "/data/member/uuid" } };
    expect(problemsOf({ "course.join": mapping })).toEqual([
      "teachfloor/learning.json /events/course.join/learner/id: " +
        "/data/member/uuid is not a field of schemas/teachfloor/course.join.schema.json.",
    ]);
  });

  it("points at a field of the wrong type, or a time that is not a date-time", () => {
    const mapping = {
      ...join_,
      occurredAt: ["/data/course/name"],
      learner: { id: "/data/member/is_email_verified", email: "/data/course/price" },
    };
    expect(problemsOf({ "course.join": mapping })).toEqual([
      "teachfloor/learning.json /events/course.join/occurredAt/0: " +
        "/data/course/name is not a date-time (RFC 3339) field, so it cannot be occurredAt.",
      "teachfloor/learning.json /events/course.join/learner/id: " +
        "/data/member/is_email_verified is boolean; expected string or integer or number.",
      "teachfloor/learning.json /events/course.join/learner/email: /data/course/price is number; expected string.",
    ]);
  });

  it("breaks its kind's rules", () => {
    const { learner: _, ...noLearner } = join_;
    const created = { ...join_, kind: "course.created", course: { id: "/data/id" } };
    expect(problemsOf({ "course.join": noLearner, "course.created": created })).toEqual([
      "teachfloor/learning.json /events/course.join: A learner.enrolled event names its learner.",
      "teachfloor/learning.json /events/course.created/learner: A course.created event has no learner.",
      "teachfloor/learning.json /events/course.created/learner/id: " +
        "/data/member/id is not a field of schemas/teachfloor/course.created.schema.json.",
    ]);
    const activity = { ...join_, kind: "activity.completed", course: { id: "/data/course/id" } };
    expect(problemsOf({ "course.join": activity })).toEqual([
      "teachfloor/learning.json /events/course.join: A activity.completed event names its activity.",
    ]);
  });

  it("lists an event as unmapped that is mapped, or that does not exist", () => {
    expect(problemsOf({ "course.join": join_ }, { "course.join": "no", "course.left": "gone" })).toEqual([
      "teachfloor/learning.json /unmapped/course.join: " +
        "course.join is mapped in events and cannot also be listed as unmapped.",
      "teachfloor/learning.json /unmapped/course.left: teachfloor has no event schema course.left " +
        "(schemas/teachfloor/course.left.schema.json).",
    ]);
  });
});

describe("learning.json itself", () => {
  const load = (text: string) => {
    const dir = mkdtempSync(join(tmpdir(), "coursehooks-learning-"));
    mkdirSync(join(dir, "acme"));
    writeFileSync(join(dir, "acme", "learning.json"), text);
    return loadLearning(dir, "acme").problems.map((p) => `${p.file} ${p.pointer}: ${p.message}`);
  };

  it("is optional", () => {
    expect(loadLearning(mkdtempSync(join(tmpdir(), "coursehooks-learning-")), "acme")).toEqual({ problems: [] });
  });

  it("must be JSON", () => {
    expect(load("{ events: {} }")).toEqual([expect.stringMatching(/^acme\/learning\.json : Not valid JSON: /)]);
  });

  it("has a shape: keys, kinds, activity types and pointers are checked where they are", () => {
    const text = JSON.stringify({
      events: {
        "a.b": { kind: "learner.graduated", learner: { id: "data/id", uuid: "/x" } },
        "c.d": { kind: "activity.completed", activity: { type: "video" } },
      },
      extra: 1,
    });
    expect(load(text)).toEqual([
      'acme/learning.json : learning.json: no such key "extra"',
      "acme/learning.json /events/a.b/kind: learning.json: must be equal to one of the allowed values " +
        "(learner.enrolled, learner.activated, activity.started, activity.completed, course.completed, " +
        "course.created, course.updated, course.published, course.unpublished, course.deleted)",
      'acme/learning.json /events/a.b/learner: learning.json: no such key "uuid"',
      'acme/learning.json /events/a.b/learner/id: learning.json: must match pattern "^(/[^/]*)+$"',
      "acme/learning.json /events/c.d/activity/type: learning.json: must be equal to one of the allowed values " +
        "(lesson, assessment, survey, element, course)",
    ]);
  });
});

it("stops generation on a broken learning.json, naming file and pointer, and leaves generated/ as it was", () => {
  const root = mkdtempSync(join(tmpdir(), "coursehooks-learning-"));
  cpSync(schemasDir, join(root, "schemas"), { recursive: true });
  cpSync(join(projectRoot, "package.json"), join(root, "package.json"));
  cpSync(join(projectRoot, "LICENSE"), join(root, "LICENSE"));
  mkdirSync(join(root, "generated"));
  writeFileSync(join(root, "generated", "earlier.txt"), "output of an earlier run");
  const file = join(root, "schemas", "whop", "learning.json");
  const learning = JSON.parse(readFileSync(file, "utf8")) as LearningJson;
  learning.events["course_lesson_interaction.completed"]!.learner = { id: "/data/user/handle" };
  writeFileSync(file, JSON.stringify(learning));
  const run = spawnSync(
    process.execPath,
    ["--import", "tsx", join(projectRoot, "scripts", "generate.ts"), "--root", root],
    {
      cwd: projectRoot,
      encoding: "utf8",
    },
  );
  expect(run.status).toBe(1);
  expect(run.stderr).toContain(
    "schemas/whop/learning.json /events/course_lesson_interaction.completed/learner/id: " +
      "/data/user/handle is not a field of schemas/whop/course_lesson_interaction.completed.schema.json.",
  );
  expect(readdirSync(join(root, "generated"))).toEqual(["earlier.txt"]);
});
