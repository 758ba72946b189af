import type { EventCases } from "./case.js";

export const cases: EventCases[] = [
  {
    schema: "course.created",
    base: { example: "course.created.json" },
    broken: [
      { name: "the course type is not Course", patch: [{ op: "replace", path: "/data/type", value: "Program" }], pointer: "/data/type" },
      { name: "a plan amount is fractional", patch: [{ op: "replace", path: "/data/plans/0/amount", value: 50.5 }], pointer: "/data/plans/0/amount" },
      { name: "a plan's created_at is not RFC 3339", patch: [{ op: "replace", path: "/data/plans/1/created_at", value: "2023-05-15 14:36:00" }], pointer: "/data/plans/1/created_at" },
      { name: "the course has no slug", patch: [{ op: "remove", path: "/data/slug" }], pointer: "/data/slug" },
      { name: "the event type is course.updated", patch: [{ op: "replace", path: "/type", value: "course.updated" }], pointer: "/type" },
    ],
  },
  {
    schema: "course.updated",
    base: { example: "course.updated.json" },
    broken: [
      { name: "plans is not an array", patch: [{ op: "replace", path: "/data/plans", value: { id: "plan_123" } }], pointer: "/data/plans" },
      { name: "a plan has no currency", patch: [{ op: "remove", path: "/data/plans/1/currency" }], pointer: "/data/plans/1/currency" },
      { name: "a plan amount is a string", patch: [{ op: "replace", path: "/data/plans/0/amount", value: "7500" }], pointer: "/data/plans/0/amount" },
      { name: "updated_at is not RFC 3339", patch: [{ op: "replace", path: "/data/updated_at", value: "2023/06/01 10:15" }], pointer: "/data/updated_at" },
    ],
  },
  {
    schema: "course.student_enroll",
    base: { example: "course.student_enroll.json" },
    broken: [
      { name: "the user's email is null", patch: [{ op: "replace", path: "/data/user/email", value: null }], pointer: "/data/user/email" },
      { name: "the user has no id", patch: [{ op: "remove", path: "/data/user/id" }], pointer: "/data/user/id" },
      { name: "the course is an id string", patch: [{ op: "replace", path: "/data/course", value: "course_789012" }], pointer: "/data/course" },
      { name: "created_at is not RFC 3339", patch: [{ op: "replace", path: "/data/created_at", value: "15 May 2023" }], pointer: "/data/created_at" },
      { name: "the event type is course.enroll", patch: [{ op: "replace", path: "/type", value: "course.enroll" }], pointer: "/type" },
    ],
  },
];
