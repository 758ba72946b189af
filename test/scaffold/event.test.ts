import { describe, expect, it } from "vitest";
import { idOf } from "../../generator/ids.js";
import { lint } from "../../generator/lint/index.js";
import { conventionsOf } from "../../generator/scaffold/conventions.js";
import { BadRequest, Refused } from "../../generator/scaffold/errors.js";
import { eventSchema, type EventRequest } from "../../generator/scaffold/event.js";
import { schemaText } from "../../generator/scaffold/format.js";
import { docsUrl, parseEventName } from "../../generator/scaffold/request.js";
import type { SchemaFile } from "../../generator/load.js";
import { catalogues } from "../helpers/catalogues.js";
import { example } from "../helpers/examples.js";

// The scaffolded event schema: the catalogue's conventions read from its files, and a file the lint accepts as written.

const catalogue = (path: string) => catalogues().find((c) => c.path === path)!;
const docs = "https://acme.example/docs/events";

/** The scaffolded file as the lint sees it, beside the catalogue's own files. */
function linted(path: string, request: EventRequest): { file: SchemaFile; problems: ReturnType<typeof lint> } {
  const c = catalogue(path);
  const text = schemaText(eventSchema(request, conventionsOf(c)));
  const stem = request.subType ? `${request.event}.${request.subType}` : request.event;
  const file: SchemaFile = { path: `${path}/${stem}.schema.json`, text, json: JSON.parse(text) };
  return { file, problems: lint([...c.commons, ...c.events.map((e) => e.file), file]) };
}

const payload = (value: unknown) => ({ value, json5: false, example: "x.json" });

describe("conventionsOf", () => {
  it.each([
    ["teachfloor", { typeProperty: "type", dataKey: "data", title: "Teachfloor", subTypePointer: "/data/type" }],
    [
      "teachfloor/early",
      { typeProperty: "event", dataKey: "data", title: "Teachfloor early", subTypePointer: "/data/type" },
    ],
    ["edume", { typeProperty: "type", dataKey: "payload", title: "eduMe", subTypePointer: "/payload/type" }],
    ["teachify", { typeProperty: "type", dataKey: "data", title: "Teachify", subTypePointer: "/data/type" }],
    ["whop", { typeProperty: "type", dataKey: "data", title: "Whop", subTypePointer: "/data/type" }],
  ])("reads %s's envelope and events", (path, want) => {
    expect(conventionsOf(catalogue(path))).toMatchObject(want);
  });
});

describe("a scaffolded schema", () => {
  const join = example("teachfloor", "course.join.json") as Record<string, unknown>;
  const archived = { ...join, type: "course.archived" };

  it.each([
    ["teachfloor from a payload", "teachfloor", { event: "course.archived", payload: payload(archived) }],
    ["teachfloor without a payload", "teachfloor", { event: "course.archived" }],
    [
      "teachfloor/early (event-keyed)",
      "teachfloor/early",
      {
        event: "member.left",
        payload: payload({ event: "member.left", timestamp: "2025-10-07T10:00:00Z", data: { member: { id: 1 } } }),
      },
    ],
    [
      "an eduMe sub-type",
      "edume",
      {
        event: "course.updated",
        subType: "team.renamed",
        payload: payload({
          ...(example("edume", "course.updated.team.removed.json5") as object),
          payload: { type: "team.renamed", course: { courseId: 1 } },
        }),
      },
    ],
    ["an eduMe sub-type without a payload", "edume", { event: "course.updated", subType: "team.renamed" }],
  ])("passes the lint unchanged: %s", (_, path, given) => {
    const { file, problems } = linted(path, { catalogue: path, docs, section: "Example", ...given });
    expect(problems).toEqual([]);
    expect(file.json.$id).toBe(idOf(file.path));
    expect(file.text.endsWith("}\n")).toBe(true);
  });

  it("fixes the event type on the catalogue's type property and requires it with the data", () => {
    const c = conventionsOf(catalogue("teachfloor/early"));
    const request = { catalogue: "teachfloor/early", event: "member.left", docs, section: "Example" };
    const schema = eventSchema(
      { ...request, payload: payload({ event: "member.left", timestamp: "2025-10-07T10:00:00Z", data: { id: 1 } }) },
      c,
    );
    expect(schema.required).toEqual(["event", "data"]);
    expect((schema.properties as Record<string, unknown>).event).toEqual({ const: "member.left" });
    expect(schema.allOf).toEqual([{ $ref: "common/envelope.schema.json" }]);
    expect(schema["x-shape"]).toMatchObject({ from: "example", inferred: true });
    expect(schema["x-evidence"]).toEqual([
      expect.objectContaining({ url: docs, shows: "one payload: data {id}; no null values" }),
    ]);
  });

  it("puts the sub-type const where the catalogue's sub-typed events put it, and requires it", () => {
    const c = conventionsOf(catalogue("edume"));
    const body = {
      type: "course.updated",
      timestamp: "2025-10-07T10:00:00Z",
      payload: { type: "team.renamed", course: { courseId: 1 } },
    };
    const request = {
      catalogue: "edume",
      event: "course.updated",
      subType: "team.renamed",
      docs,
      section: "Example",
      payload: payload(body),
    };
    const data = (eventSchema(request, c).properties as Record<string, Record<string, unknown>>).payload!;
    expect(data.required).toEqual(["type"]);
    expect((data.properties as Record<string, unknown>).type).toEqual({
      description: "The sub-type.",
      const: "team.renamed",
    });
    expect((data.properties as Record<string, Record<string, unknown>>).course!.required).toEqual(["courseId"]);
  });

  it.each([
    [
      "another event type",
      { type: "course.join", data: {} },
      'The payload\'s type is "course.join", not "course.archived".',
    ],
    ["no event type", { data: {} }, 'The payload\'s type is undefined, not "course.archived".'],
    ["not an object", [1], "The payload is not a JSON object: give the whole delivery body."],
    [
      "only the data",
      { type: "course.archived", id: "c" },
      "The payload lacks the envelope's data: give the whole delivery body.",
    ],
  ])("refuses a payload with %s", (_, body, message) => {
    const request = {
      catalogue: "teachfloor",
      event: "course.archived",
      docs,
      section: "Example",
      payload: payload({ id: "evt", created_at: "x", ...body }),
    };
    if (Array.isArray(body)) request.payload = payload(body);
    expect(() => eventSchema(request, conventionsOf(catalogue("teachfloor")))).toThrow(new Refused(message));
  });

  it("refuses a payload of another sub-type", () => {
    const body = { type: "course.updated", timestamp: "2025-10-07T10:00:00Z", payload: { type: "team.assigned" } };
    const request = {
      catalogue: "edume",
      event: "course.updated",
      subType: "team.renamed",
      docs,
      section: "Example",
      payload: payload(body),
    };
    expect(() => eventSchema(request, conventionsOf(catalogue("edume")))).toThrow(
      new Refused('The payload\'s payload.type is "team.assigned", not "team.renamed".'),
    );
  });
});

describe("the command's names", () => {
  it.each([
    ["course.archived", { event: "course.archived" }],
    ["course_lesson_interaction.completed", { event: "course_lesson_interaction.completed" }],
    ["course.updated:team.removed", { event: "course.updated", subType: "team.removed" }],
  ])("%s is an event name", (given, want) => {
    expect(parseEventName(given)).toEqual(want);
  });

  it.each(["Course.Archived", "../escape", "a/b", "", "a:b:c", "course.updated:", ".hidden", "a b", "x".repeat(101)])(
    "%j is not",
    (given) => {
      expect(() => parseEventName(given)).toThrow(BadRequest);
    },
  );

  it.each([
    [undefined, "--docs <https url> is required"],
    ["http://acme.example", "--docs must be an https URL"],
  ])("--docs %s is refused", (given, message) => {
    expect(() => docsUrl(given)).toThrow(message);
  });
});

describe("the x-shape inferred marker", () => {
  const c = catalogue("teachfloor");
  const base = linted("teachfloor", {
    catalogue: "teachfloor",
    event: "course.archived",
    docs,
    section: "Example",
  }).file;
  it.each([
    ["inferred: true on an example shape", { from: "example", source: "s", inferred: true }, []],
    ["inferred: false", { from: "example", source: "s", inferred: false }, ["/x-shape"]],
    ["inferred on an undocumented shape", { from: "undocumented", source: "s", inferred: true }, ["/x-shape"]],
    ["an unknown key", { from: "example", source: "s", guessed: true }, ["/x-shape"]],
  ])("%s", (_, shape, want) => {
    const json = { ...base.json, "x-shape": shape };
    const file = { ...base, json, text: JSON.stringify(json) };
    expect(lint([...c.commons, file]).map((p) => p.pointer)).toEqual(want);
  });
});
