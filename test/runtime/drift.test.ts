import { describe, expect, it, vi } from "vitest";
import * as edume from "@coursehooks/edume";
import { undocumentedFields } from "../../generator/runtime/drift.js";
import { example } from "../helpers/examples.js";
import { body, event, secret, signed, teachfloor } from "../handler/setup.js";

// Drift: the fields an accepted event carries that its schema does not document, without rejecting it.

const schema = {
  type: "object",
  allOf: [{ properties: { id: { type: "string" } } }],
  properties: {
    data: {
      type: "object",
      properties: {
        plans: { type: "array", items: { type: "object", properties: { amount: { type: "integer" } } } },
        metadata: { type: "object", additionalProperties: true },
        extra: { description: "documented as any" },
        owner: { anyOf: [{ type: "null" }, { type: "object", properties: { name: { type: "string" } } }] },
      },
    },
  },
};

describe("undocumentedFields", () => {
  it.each([
    ["a payload with documented fields only", { id: "x", data: { plans: [{ amount: 1 }], owner: null } }, []],
    ["a new top-level field", { id: "x", version: 2, data: {} }, ["version"]],
    ["a field beside the envelope's (allOf) and in data", { id: "x", data: { tax: 1 } }, ["data.tax"]],
    [
      "a new field in array items, once for every index",
      { data: { plans: [{ amount: 1, tax: 1 }, { tax: 2 }] } },
      ["data.plans[].tax"],
    ],
    ["anything in an open map or an untyped field", { data: { metadata: { a: 1 }, extra: { b: { c: 1 } } } }, []],
    [
      "a new field in one branch of a nullable object",
      { data: { owner: { name: "n", email: "e" } } },
      ["data.owner.email"],
    ],
  ])("reports %s", (_, value, want) => {
    expect(undocumentedFields(schema, value)).toEqual({ fields: want });
  });

  it("reports at most 100 fields, however many there are", () => {
    const value = { data: Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`f${i}`, i])) };
    expect(undocumentedFields(schema, value).fields).toHaveLength(100);
  });
});

describe("drift and onDrift in the packages", () => {
  it("drift(event) finds a field the provider added, and nothing in the documented example", () => {
    const documented = event as unknown as teachfloor.TeachfloorCourseJoinEvent;
    expect(teachfloor.drift(documented)).toEqual({ fields: [] });
    const added = { ...documented, data: { ...documented.data, cohort: "spring" } } as teachfloor.Event;
    expect(teachfloor.drift(added)).toEqual({ fields: ["data.cohort"] });
  });

  it("checks each eduMe sub-type against its own schema", () => {
    const value = example("edume", "learner.course.completed.json5") as edume.Event;
    expect(edume.drift(value)).toEqual({ fields: [] });
  });

  it(
    "tells onDrift of an accepted delivery's undocumented fields and still handles it; " + "never for documented ones",
    async () => {
      const onDrift = vi.fn();
      const join = vi.fn();
      const handler = teachfloor.createHandler({ secret, onDrift, on: { "course.join": join } });
      expect((await handler.handle(body, await signed())).status).toBe(200);
      expect(onDrift).not.toHaveBeenCalled();
      const text = JSON.stringify({ ...event, id: "evt_drift", extra_field: true });
      expect((await handler.handle(text, await signed(text))).status).toBe(200);
      expect(onDrift).toHaveBeenCalledWith(
        JSON.parse(text),
        { fields: ["extra_field"] },
        expect.objectContaining({ deliveryId: "evt_drift" }),
      );
      expect(join).toHaveBeenCalledTimes(2);
    },
  );

  it("answers 200 even when onDrift throws, and logs it", async () => {
    const log = { warn: vi.fn() };
    const handler = teachfloor.createHandler({ secret, log, onDrift: () => Promise.reject(new Error("no sink")) });
    const text = JSON.stringify({ ...event, id: "evt_drift2", extra_field: true });
    expect((await handler.handle(text, await signed(text))).status).toBe(200);
    expect(log.warn).toHaveBeenCalledWith("webhook onDrift failed", expect.objectContaining({ error: "no sink" }));
  });
});
