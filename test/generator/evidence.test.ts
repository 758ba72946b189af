import { describe, expect, it } from "vitest";
import { confidenceOf, evidence, evidenceSection } from "../../generator/emit/evidence.js";

// The evidence an event page shows: its own sources (the confidence), then those of the objects it carries.

const docs = { source: "acme docs, thing.done", shows: "one example", url: "https://acme.example/docs" };
const sdk = { source: "acme SDK, Thing", shows: "a type: name is optional" };
const member = [{ source: "acme member reference", shows: "a field table" }];
const envelope = [{ source: "acme envelope reference", shows: "id and type" }];
const dereferenced = {
  "x-evidence": [docs, sdk],
  type: "object",
  allOf: [{ title: "Acme envelope", "x-evidence": envelope, type: "object" }],
  properties: {
    data: { type: "object", properties: { member: { title: "Acme member", "x-evidence": member, type: "object" } } },
    other: { type: "object", properties: { member: { "x-evidence": member, type: "object" } } },
  },
};

describe("evidence", () => {
  it("counts the event's own sources as its confidence", () => {
    expect(confidenceOf(dereferenced)).toBe(2);
    expect(confidenceOf({ type: "object" })).toBe(0);
  });

  it("lists shared objects' sources once, at the first field that carries them", () => {
    expect(evidence(dereferenced)).toEqual({
      own: [docs, sdk],
      shared: [
        { object: "Acme envelope", evidence: envelope },
        { object: "Acme member (`data.member`)", evidence: member },
      ],
    });
  });

  it.each([
    [
      "an event with sources",
      dereferenced,
      [
        "### Evidence",
        "",
        "Confidence: 2 independent sources for this event's shape.",
        "",
        "- [acme docs, thing.done](https://acme.example/docs): one example",
        "- acme SDK, Thing: a type: name is optional",
        "- Acme envelope:",
        "  - acme envelope reference: id and type",
        "- Acme member (`data.member`):",
        "  - acme member reference: a field table",
        "",
      ],
    ],
    ["an event without any", { type: "object" }, []],
  ])("renders %s", (_, given, want) => {
    expect(evidenceSection(given, "###")).toEqual(want);
  });
});

describe("an event whose shape is as inferred from one payload", () => {
  const note = "The shape was inferred from one payload by `npm run new-event` and is not yet reviewed";
  it.each([
    ["inferred: true", { ...dereferenced, "x-shape": { from: "example", source: "s", inferred: true } }, true],
    ["no marker", { ...dereferenced, "x-shape": { from: "example", source: "s" } }, false],
  ])("says so in its Evidence section only when marked (%s)", (_, given, want) => {
    expect(evidenceSection(given, "###").some((line) => line.startsWith(note))).toBe(want);
  });
});
