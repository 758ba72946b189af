import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Broken, EventCases } from "./case.js";

const dir = join(import.meta.dirname, "..", "..", "schemas", "whop");
type Schema = { "x-imported"?: unknown; required?: string[]; properties?: Record<string, Schema>; $ref?: string };
const read = (path: string): Schema => JSON.parse(readFileSync(join(dir, path), "utf8")) as Schema;

/** Whether the event's data object requires an `id` (in place, or in the common/ file it refers to). */
function dataRequiresId(schema: Schema): boolean {
  const data = schema.properties?.data ?? {};
  const object = data.$ref ? read(data.$ref) : data;
  return object.required?.includes("id") ?? false;
}

/**
 * The events imported from @whop/sdk: a payload with the envelope and the data object's id (the fields every such
 * schema requires), broken at the event type, the data object and, where required, its id.
 */
const imported = readdirSync(dir)
  .filter((name) => name.endsWith(".schema.json"))
  .sort()
  .flatMap((name): EventCases[] => {
    const schema = read(name);
    if (!schema["x-imported"]) return [];
    const type = name.replace(/\.schema\.json$/, "");
    const assembled = {
      id: "msg_xxxxxxxxxxxxxxxxxxxxxxxx",
      api_version: "v1",
      timestamp: "2025-01-01T00:00:00.000Z",
      type,
      data: { id: "xxx_xxxxxxxxxxxxx" },
    };
    const broken: Broken[] = [
      {
        name: "the type is another event's",
        patch: [{ op: "replace", path: "/type", value: "other.event" }],
        pointer: "/type",
      },
      { name: "data is a string", patch: [{ op: "replace", path: "/data", value: "x" }], pointer: "/data" },
      ...(dataRequiresId(schema)
        ? [{ name: "data has no id", patch: [{ op: "remove" as const, path: "/data/id" }], pointer: "/data/id" }]
        : []),
    ];
    return [
      { schema: type, base: { assembled, from: "the envelope of @whop/sdk's event types (docs example ids)" }, broken },
    ];
  });

export const cases: EventCases[] = [
  {
    schema: "course_lesson_interaction.completed",
    base: { example: "course_lesson_interaction.completed.json" },
    broken: [
      { name: "the lesson has no id", patch: [{ op: "remove", path: "/data/lesson/id" }], pointer: "/data/lesson/id" },
      {
        name: "completed is a string",
        patch: [{ op: "replace", path: "/data/completed", value: "true" }],
        pointer: "/data/completed",
      },
      {
        name: "api_version is not v1",
        patch: [{ op: "replace", path: "/api_version", value: "v2" }],
        pointer: "/api_version",
      },
      {
        name: "the timestamp is not RFC 3339",
        patch: [{ op: "replace", path: "/timestamp", value: "2025-01-01 00:00" }],
        pointer: "/timestamp",
      },
    ],
  },
  ...imported,
];
