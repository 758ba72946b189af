import type { EventCases } from "./case.js";

export const cases: EventCases[] = [
  {
    schema: "member.joined",
    base: { example: "member.joined.json" },
    broken: [
      {
        name: "the organisation has no id",
        patch: [{ op: "remove", path: "/data/organization/id" }],
        pointer: "/data/organization/id",
      },
      {
        name: "the member's email is a number",
        patch: [{ op: "replace", path: "/data/member/email", value: 42 }],
        pointer: "/data/member/email",
      },
      {
        name: "the event is course.join",
        patch: [{ op: "replace", path: "/event", value: "course.join" }],
        pointer: "/event",
      },
      {
        name: "the timestamp is not RFC 3339",
        patch: [{ op: "replace", path: "/timestamp", value: "2025-10-07" }],
        pointer: "/timestamp",
      },
    ],
  },
  {
    schema: "course.updated",
    base: { example: "course.updated.json" },
    broken: [
      {
        name: "a change is a string",
        patch: [{ op: "replace", path: "/data/changes/name", value: "Introduction to Development" }],
        pointer: "/data/changes/name",
      },
      {
        name: "changes is a string",
        patch: [{ op: "replace", path: "/data/changes", value: "name" }],
        pointer: "/data/changes",
      },
      {
        name: "the course's updated_at is not RFC 3339",
        patch: [{ op: "replace", path: "/data/course/updated_at", value: "now" }],
        pointer: "/data/course/updated_at",
      },
      { name: "the course has no id", patch: [{ op: "remove", path: "/data/course/id" }], pointer: "/data/course/id" },
    ],
  },
  {
    schema: "element.completed",
    base: { example: "element.completed.json" },
    broken: [
      { name: "the module has no id", patch: [{ op: "remove", path: "/data/module/id" }], pointer: "/data/module/id" },
      {
        name: "the score is a string",
        patch: [{ op: "replace", path: "/data/completion/score", value: "100" }],
        pointer: "/data/completion/score",
      },
      {
        name: "completed_at is not RFC 3339",
        patch: [{ op: "replace", path: "/data/completion/completed_at", value: "2025-10-07 15:30" }],
        pointer: "/data/completion/completed_at",
      },
      {
        name: "the event is member.joined",
        patch: [{ op: "replace", path: "/event", value: "member.joined" }],
        pointer: "/event",
      },
    ],
  },
  {
    schema: "test.event",
    base: { example: "test.event.json" },
    broken: [
      { name: "test is false", patch: [{ op: "replace", path: "/test", value: false }], pointer: "/test" },
      { name: "test is missing", patch: [{ op: "remove", path: "/test" }], pointer: "/test" },
      {
        name: "the message is a number",
        patch: [{ op: "replace", path: "/data/message", value: 42 }],
        pointer: "/data/message",
      },
      { name: "test is the string true", patch: [{ op: "replace", path: "/test", value: "true" }], pointer: "/test" },
    ],
  },
];
