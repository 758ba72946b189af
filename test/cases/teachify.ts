import type { EventCases } from "./case.js";

/** A payment assembled from the payment tables' fields (no payment payload is published). */
const payment = {
  id: "pay_1",
  trade_no: "T20231204001",
  currency: "TWD",
  amount: 1500,
  original_amount: 1500,
  refunded_amount: null,
  paid_at: "2023-12-04T18:45:44+08:00",
  created_at: "2023-12-04T10:45:44Z",
  refunded_at: null,
  payment_state: "paid",
  payment_type: "credit",
  affiliate_code: null,
  remark: null,
  user: {
    id: "u_1",
    email: "student@example.com",
    name: "Student",
    phone_number: "0912345678",
    third_party_id: "ext-1",
  },
  payment_method_details: { last_four: "4242", brand: "visa" },
  lineitems: [{ name: "Premium Monthly Membership", quantity: 1, amount: 1500, refunded_amount: 0 }],
};
const PAYMENT = "every field of the payment.paid tables, with the documented nulls";

export const cases: EventCases[] = [
  {
    schema: "course.created",
    base: { example: "course.created.json" },
    broken: [
      {
        name: "the course type is not Course",
        patch: [{ op: "replace", path: "/data/type", value: "Program" }],
        pointer: "/data/type",
      },
      {
        name: "a plan amount is fractional",
        patch: [{ op: "replace", path: "/data/plans/0/amount", value: 50.5 }],
        pointer: "/data/plans/0/amount",
      },
      {
        name: "a plan's created_at is not RFC 3339",
        patch: [{ op: "replace", path: "/data/plans/1/created_at", value: "2023-05-15 14:36:00" }],
        pointer: "/data/plans/1/created_at",
      },
      { name: "the course has no slug", patch: [{ op: "remove", path: "/data/slug" }], pointer: "/data/slug" },
      {
        name: "the event type is course.updated",
        patch: [{ op: "replace", path: "/type", value: "course.updated" }],
        pointer: "/type",
      },
    ],
  },
  {
    schema: "course.updated",
    base: { example: "course.updated.json" },
    broken: [
      {
        name: "plans is not an array",
        patch: [{ op: "replace", path: "/data/plans", value: { id: "plan_123" } }],
        pointer: "/data/plans",
      },
      {
        name: "a plan has no currency",
        patch: [{ op: "remove", path: "/data/plans/1/currency" }],
        pointer: "/data/plans/1/currency",
      },
      {
        name: "a plan amount is a string",
        patch: [{ op: "replace", path: "/data/plans/0/amount", value: "7500" }],
        pointer: "/data/plans/0/amount",
      },
      {
        name: "updated_at is not RFC 3339",
        patch: [{ op: "replace", path: "/data/updated_at", value: "2023/06/01 10:15" }],
        pointer: "/data/updated_at",
      },
    ],
  },
  {
    schema: "course.student_enroll",
    base: { example: "course.student_enroll.json" },
    broken: [
      {
        name: "the user's email is null",
        patch: [{ op: "replace", path: "/data/user/email", value: null }],
        pointer: "/data/user/email",
      },
      { name: "the user has no id", patch: [{ op: "remove", path: "/data/user/id" }], pointer: "/data/user/id" },
      {
        name: "the course is an id string",
        patch: [{ op: "replace", path: "/data/course", value: "course_789012" }],
        pointer: "/data/course",
      },
      {
        name: "created_at is not RFC 3339",
        patch: [{ op: "replace", path: "/data/created_at", value: "15 May 2023" }],
        pointer: "/data/created_at",
      },
      {
        name: "the event type is course.enroll",
        patch: [{ op: "replace", path: "/type", value: "course.enroll" }],
        pointer: "/type",
      },
    ],
  },
  {
    schema: "membership_plan.created",
    base: { example: "membership_plan.created.json" },
    broken: [
      { name: "the plan has no slug", patch: [{ op: "remove", path: "/data/slug" }], pointer: "/data/slug" },
      {
        name: "the amount is a string",
        patch: [{ op: "replace", path: "/data/amount", value: "1500" }],
        pointer: "/data/amount",
      },
      {
        name: "quantity is fractional",
        patch: [{ op: "replace", path: "/data/quantity", value: 1.5 }],
        pointer: "/data/quantity",
      },
      {
        name: "ended_at is not RFC 3339",
        patch: [{ op: "replace", path: "/data/ended_at", value: "2024-01-01" }],
        pointer: "/data/ended_at",
      },
      {
        name: "the event type is membership_plan.updated",
        patch: [{ op: "replace", path: "/type", value: "membership_plan.updated" }],
        pointer: "/type",
      },
    ],
  },
  {
    schema: "membership_plan.updated",
    base: { example: "membership_plan.updated.json" },
    broken: [
      { name: "the plan has no id", patch: [{ op: "remove", path: "/data/id" }], pointer: "/data/id" },
      {
        name: "visible is a string",
        patch: [{ op: "replace", path: "/data/visible", value: "true" }],
        pointer: "/data/visible",
      },
      {
        name: "updated_at is not RFC 3339",
        patch: [{ op: "replace", path: "/data/updated_at", value: "2023/05/16" }],
        pointer: "/data/updated_at",
      },
    ],
  },
  {
    schema: "payment.paid",
    base: { assembled: { type: "payment.paid", data: payment }, from: PAYMENT },
    broken: [
      { name: "the payment has no id", patch: [{ op: "remove", path: "/data/id" }], pointer: "/data/id" },
      {
        name: "the amount is fractional",
        patch: [{ op: "replace", path: "/data/amount", value: 10.5 }],
        pointer: "/data/amount",
      },
      {
        name: "paid_at is not RFC 3339",
        patch: [{ op: "replace", path: "/data/paid_at", value: "2023-12-04 18:45:44 +0800" }],
        pointer: "/data/paid_at",
      },
      { name: "the user has no id", patch: [{ op: "remove", path: "/data/user/id" }], pointer: "/data/user/id" },
      {
        name: "line items are an object",
        patch: [{ op: "replace", path: "/data/lineitems", value: { name: "x" } }],
        pointer: "/data/lineitems",
      },
    ],
  },
  {
    schema: "payment.refund",
    base: {
      assembled: {
        type: "payment.refund",
        data: {
          ...payment,
          payment_state: "refunded",
          refunded_amount: 1500,
          refunded_at: "2023-12-05T10:00:00+08:00",
          refund_history: [{ amount: 1500, refunded_at: "2023-12-05 10:00:00 +0800", reason: "requested" }],
        },
      },
      from: `${PAYMENT}, refunded, with one refund_history entry in the documented YYYY-MM-DD HH:MM:SS +HHMM form`,
    },
    broken: [
      {
        name: "refund_history is an object",
        patch: [{ op: "replace", path: "/data/refund_history", value: { amount: 1 } }],
        pointer: "/data/refund_history",
      },
      {
        name: "a refund amount is a string",
        patch: [{ op: "replace", path: "/data/refund_history/0/amount", value: "1500" }],
        pointer: "/data/refund_history/0/amount",
      },
      { name: "the payment has no id", patch: [{ op: "remove", path: "/data/id" }], pointer: "/data/id" },
    ],
  },
];
