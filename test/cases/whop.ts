import type { EventCases } from "./case.js";

export const cases: EventCases[] = [
  {
    schema: "course_lesson_interaction.completed",
    base: { example: "course_lesson_interaction.completed.json" },
    broken: [
      { name: "the lesson has no id", patch: [{ op: "remove", path: "/data/lesson/id" }], pointer: "/data/lesson/id" },
      { name: "completed is a string", patch: [{ op: "replace", path: "/data/completed", value: "true" }], pointer: "/data/completed" },
      { name: "api_version is not v1", patch: [{ op: "replace", path: "/api_version", value: "v2" }], pointer: "/api_version" },
      { name: "the timestamp is not RFC 3339", patch: [{ op: "replace", path: "/timestamp", value: "2025-01-01 00:00" }], pointer: "/timestamp" },
    ],
  },
];
