import type { EventCases } from "./case.js";
import { example } from "../helpers/examples.js";

/** The published course.join payload, whose envelope the assembled payloads reuse with another type and data. */
const join = example("teachfloor", "course.join.json") as Record<string, unknown>;
const assemble = (type: string, data: unknown) => ({ ...join, type, data });
const ENVELOPE = "envelope of the course.join payload example";

export const cases: EventCases[] = [
  {
    schema: "course.created",
    base: {
      assembled: assemble("course.created", example("teachfloor", "course-object.json")),
      from: `${ENVELOPE}, data the Course object example`,
    },
    broken: [
      { name: "the course has no id", patch: [{ op: "remove", path: "/data/id" }], pointer: "/data/id" },
      {
        name: "the data's object is not course",
        patch: [{ op: "replace", path: "/data/object", value: "member" }],
        pointer: "/data/object",
      },
      {
        name: "the price is a string",
        patch: [{ op: "replace", path: "/data/price", value: "99.00" }],
        pointer: "/data/price",
      },
      {
        name: "created_at is not RFC 3339",
        patch: [{ op: "replace", path: "/created_at", value: "07/10/2025 15:30" }],
        pointer: "/created_at",
      },
    ],
  },
  {
    schema: "course.updated",
    base: {
      assembled: assemble("course.updated", example("teachfloor", "course-object.json")),
      from: `${ENVELOPE}, data the Course object example`,
    },
    broken: [
      {
        name: "the event type is course.created",
        patch: [{ op: "replace", path: "/type", value: "course.created" }],
        pointer: "/type",
      },
      {
        name: "metadata is not an object",
        patch: [{ op: "replace", path: "/data/metadata", value: "none" }],
        pointer: "/data/metadata",
      },
      {
        name: "the course's created_at is not RFC 3339",
        patch: [{ op: "replace", path: "/data/created_at", value: "2025-01-01" }],
        pointer: "/data/created_at",
      },
      { name: "the course has no name", patch: [{ op: "remove", path: "/data/name" }], pointer: "/data/name" },
    ],
  },
  {
    schema: "course.completed",
    base: {
      assembled: assemble("course.completed", {
        member: example("teachfloor", "member-object.json"),
        course: example("teachfloor", "course-object.json"),
      }),
      from: `${ENVELOPE}, data {member: the Member object example, course: the Course object example}`,
    },
    broken: [
      {
        name: "the data is not an object",
        patch: [{ op: "replace", path: "/data", value: "completed" }],
        pointer: "/data",
      },
      { name: "the member has no id", patch: [{ op: "remove", path: "/data/member/id" }], pointer: "/data/member/id" },
      {
        name: "the course's object is not course",
        patch: [{ op: "replace", path: "/data/course/object", value: "element" }],
        pointer: "/data/course/object",
      },
      {
        name: "the event type is course.join",
        patch: [{ op: "replace", path: "/type", value: "course.join" }],
        pointer: "/type",
      },
    ],
  },
  {
    schema: "course.join",
    base: { example: "course.join.json" },
    broken: [
      { name: "the member has no id", patch: [{ op: "remove", path: "/data/member/id" }], pointer: "/data/member/id" },
      {
        name: "the data's object is not course_member",
        patch: [{ op: "replace", path: "/data/object", value: "member" }],
        pointer: "/data/object",
      },
      {
        name: "the course price is a string",
        patch: [{ op: "replace", path: "/data/course/price", value: "99.00" }],
        pointer: "/data/course/price",
      },
      {
        name: "joined_at is not RFC 3339",
        patch: [{ op: "replace", path: "/data/joined_at", value: "yesterday" }],
        pointer: "/data/joined_at",
      },
      { name: "the envelope has no id", patch: [{ op: "remove", path: "/id" }], pointer: "/id" },
    ],
  },
  {
    schema: "module.created",
    base: { assembled: assemble("module.created", {}), from: `${ENVELOPE}, data {} (no module shape is published)` },
    broken: [
      {
        name: "the data is not an object",
        patch: [{ op: "replace", path: "/data", value: "mod_654" }],
        pointer: "/data",
      },
      { name: "the envelope has no id", patch: [{ op: "remove", path: "/id" }], pointer: "/id" },
      {
        name: "the event type is module.updated",
        patch: [{ op: "replace", path: "/type", value: "module.updated" }],
        pointer: "/type",
      },
    ],
  },
  {
    schema: "module.updated",
    base: { assembled: assemble("module.updated", {}), from: `${ENVELOPE}, data {} (no module shape is published)` },
    broken: [
      { name: "the data is an array", patch: [{ op: "replace", path: "/data", value: [] }], pointer: "/data" },
      { name: "the envelope has no id", patch: [{ op: "remove", path: "/id" }], pointer: "/id" },
      {
        name: "the event type is module.created",
        patch: [{ op: "replace", path: "/type", value: "module.created" }],
        pointer: "/type",
      },
    ],
  },
  {
    schema: "element.created",
    base: {
      assembled: assemble("element.created", example("teachfloor", "element-object.json")),
      from: `${ENVELOPE}, data the Element object example`,
    },
    broken: [
      {
        name: "the module id is a number",
        patch: [{ op: "replace", path: "/data/module", value: 654 }],
        pointer: "/data/module",
      },
      {
        name: "the position is a string",
        patch: [{ op: "replace", path: "/data/position", value: "1" }],
        pointer: "/data/position",
      },
      {
        name: "the data's object is not element",
        patch: [{ op: "replace", path: "/data/object", value: "activity" }],
        pointer: "/data/object",
      },
    ],
  },
  {
    schema: "element.updated",
    base: {
      assembled: assemble("element.updated", example("teachfloor", "element-object.json")),
      from: `${ENVELOPE}, data the Element object example`,
    },
    broken: [
      { name: "the element has no id", patch: [{ op: "remove", path: "/data/id" }], pointer: "/data/id" },
      {
        name: "the position is fractional",
        patch: [{ op: "replace", path: "/data/position", value: 1.5 }],
        pointer: "/data/position",
      },
      {
        name: "the element's created_at is not RFC 3339",
        patch: [{ op: "replace", path: "/data/created_at", value: "2025-01-01T00:00" }],
        pointer: "/data/created_at",
      },
    ],
  },
  {
    schema: "element.deleted",
    base: {
      assembled: assemble("element.deleted", example("teachfloor", "element-object.json")),
      from: `${ENVELOPE}, data the Element object example`,
    },
    broken: [
      {
        name: "the event type is element.updated",
        patch: [{ op: "replace", path: "/type", value: "element.updated" }],
        pointer: "/type",
      },
      {
        name: "metadata is null",
        patch: [{ op: "replace", path: "/data/metadata", value: null }],
        pointer: "/data/metadata",
      },
      {
        name: "the envelope has no created_at",
        patch: [{ op: "remove", path: "/created_at" }],
        pointer: "/created_at",
      },
    ],
  },
  {
    schema: "element.completed",
    base: { example: "element.completed.json" },
    broken: [
      {
        name: "the context element has no id",
        patch: [{ op: "remove", path: "/data/context/id" }],
        pointer: "/data/context/id",
      },
      {
        name: "the score is a string",
        patch: [{ op: "replace", path: "/data/score", value: "95" }],
        pointer: "/data/score",
      },
      {
        name: "the data's object is not activity",
        patch: [{ op: "replace", path: "/data/object", value: "element" }],
        pointer: "/data/object",
      },
      {
        name: "the activity timestamp is not RFC 3339",
        patch: [{ op: "replace", path: "/data/timestamp", value: "1728315000" }],
        pointer: "/data/timestamp",
      },
      {
        name: "passed is a string",
        patch: [{ op: "replace", path: "/data/passed", value: "true" }],
        pointer: "/data/passed",
      },
    ],
  },
  {
    schema: "member.login",
    base: {
      assembled: assemble("member.login", example("teachfloor", "member-object.json")),
      from: `${ENVELOPE}, data the Member object example`,
    },
    broken: [
      { name: "the member has no id", patch: [{ op: "remove", path: "/data/id" }], pointer: "/data/id" },
      {
        name: "is_email_verified is a string",
        patch: [{ op: "replace", path: "/data/is_email_verified", value: "yes" }],
        pointer: "/data/is_email_verified",
      },
      {
        name: "last_seen is not RFC 3339",
        patch: [{ op: "replace", path: "/data/last_seen", value: "2025-10-07 15:30:00" }],
        pointer: "/data/last_seen",
      },
      {
        name: "the data's object is not member",
        patch: [{ op: "replace", path: "/data/object", value: "user" }],
        pointer: "/data/object",
      },
    ],
  },
  {
    schema: "app.installed",
    base: { example: "app.installed.json" },
    broken: [
      {
        name: "the installer is missing",
        patch: [{ op: "remove", path: "/data/installer" }],
        pointer: "/data/installer",
      },
      {
        name: "the organization has no id",
        patch: [{ op: "remove", path: "/data/organization/id" }],
        pointer: "/data/organization/id",
      },
      {
        name: "the token expiry is not RFC 3339",
        patch: [{ op: "replace", path: "/data/credentials/expires_at", value: "2026-08-25 14:32" }],
        pointer: "/data/credentials/expires_at",
      },
      {
        name: "installation_id is a number",
        patch: [{ op: "replace", path: "/installation_id", value: 7 }],
        pointer: "/installation_id",
      },
      {
        name: "the event type is app.uninstalled",
        patch: [{ op: "replace", path: "/type", value: "app.uninstalled" }],
        pointer: "/type",
      },
    ],
  },
  {
    schema: "app.uninstalled",
    base: {
      assembled: assemble("app.uninstalled", {
        organization: { id: "acme-corp", name: "Acme Corp" },
        app: { id: "6a41091c53b30", version: "1.0.0" },
      }),
      from:
        `${ENVELOPE}, data the organization and app of the app.installed example (no app.uninstalled payload is ` +
        `published)`,
    },
    broken: [
      {
        name: "the organization is missing",
        patch: [{ op: "remove", path: "/data/organization" }],
        pointer: "/data/organization",
      },
      { name: "the app has no id", patch: [{ op: "remove", path: "/data/app/id" }], pointer: "/data/app/id" },
      {
        name: "the earlier installation_id inside data is a number",
        patch: [{ op: "add", path: "/data/installation_id", value: 7 }],
        pointer: "/data/installation_id",
      },
    ],
  },
  {
    schema: "organization.join",
    base: {
      assembled: assemble("organization.join", {}),
      from: `${ENVELOPE}, data {} (no organization.join shape is published)`,
    },
    broken: [
      { name: "the data is a string", patch: [{ op: "replace", path: "/data", value: "usr_1" }], pointer: "/data" },
      {
        name: "the envelope has no created_at",
        patch: [{ op: "remove", path: "/created_at" }],
        pointer: "/created_at",
      },
    ],
  },
];
