// The date-time check as shipped: through generated validators, on a field checked inline (an event's own) and on
// one checked by a shared object's validator that the event's validator calls (a Teachify course's plans).

import { describe, expect, it } from "vitest";
import { errorPointers, shippedValidator } from "../helpers/catalogues.js";
import { example } from "../helpers/examples.js";
import { applyPatch } from "../helpers/patch.js";

const fields = [
  { catalogue: "teachfloor", stem: "course.join", file: "course.join.json", pointer: "/created_at" },
  { catalogue: "teachify", stem: "course.created", file: "course.created.json", pointer: "/data/plans/1/created_at" },
];

const accepted = [
  "2024-02-29T23:59:60.123456789+14:00",
  "2000-02-29t00:00:00z",
  "2025-10-07T15:30:00.000000Z",
  "2023-12-04T18:45:44-23:59",
];
const refused = [
  "2023-02-29T00:00:00Z",
  "1900-02-29T00:00:00Z",
  "2024-04-31T00:00:00Z",
  "2024-02-29T24:00:00Z",
  "2024-02-29T00:00:00.Z",
  "2024-02-29T00:00:00+24:00",
  "2024-02-29T00:00:00",
];

describe.each(fields)("date-time at $catalogue $stem $pointer", ({ catalogue, stem, file, pointer }) => {
  const withValue = (value: string) => applyPatch(example(catalogue, file), [{ op: "replace", path: pointer, value }]);

  it.each(accepted)("accepts %s", async (value) => {
    const validate = await shippedValidator(catalogue, stem);
    expect(validate(withValue(value))).toBe(true);
  });

  it.each(refused)("refuses %s, pointing at the field", async (value) => {
    const validate = await shippedValidator(catalogue, stem);
    expect(validate(withValue(value))).toBe(false);
    expect(errorPointers(validate)).toEqual([pointer]);
    expect(validate.errors?.[0]?.keyword).toBe("format");
  });
});
