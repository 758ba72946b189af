import { describe, expect, it } from "vitest";
import { buildCatalogues, distinguishingFields } from "../../generator/catalogue.js";
import type { SchemaFile } from "../../generator/load.js";
import { catalogues } from "../helpers/catalogues.js";

const event = (path: string, type: string, extra: Record<string, unknown> = {}): SchemaFile => {
  const json = { required: ["type"], properties: { type: { const: type }, ...extra } };
  return { path, text: JSON.stringify(json), json };
};

const envelope: SchemaFile = { path: "acme/common/envelope.schema.json", text: "{}", json: {} };

describe("catalogues", () => {
  it("report a catalogue whose events have no shared envelope", () => {
    expect(buildCatalogues([event("acme/thing.done.schema.json", "thing.done")]).problems).toEqual([
      {
        file: "acme/common/envelope.schema.json",
        pointer: "",
        message: "A catalogue keeps the envelope its events share in common/envelope.schema.json.",
      },
    ]);
  });

  it("group files by folder, with shared objects under common/ and nested catalogues apart", () => {
    const { catalogues } = buildCatalogues([
      event("acme/thing.done.schema.json", "thing.done"),
      { path: "acme/common/envelope.schema.json", text: "{}", json: {} },
      event("acme/early/thing.did.schema.json", "thing.did"),
    ]);
    expect(
      catalogues.map((c) => [c.path, c.prefix, c.events.map((e) => e.typeName), c.commons.map((f) => f.path)]),
    ).toEqual([
      ["acme", "Acme", ["AcmeThingDoneEvent"], ["acme/common/envelope.schema.json"]],
      ["acme/early", "AcmeEarly", ["AcmeEarlyThingDidEvent"], []],
    ]);
  });

  it("read the event type, then sub-type consts, from the schema", () => {
    const { catalogues } = buildCatalogues([
      event("acme/thing.changed.title.schema.json", "thing.changed", {
        payload: { properties: { type: { const: "title" } } },
      }),
    ]);
    expect(catalogues[0]!.events[0]).toMatchObject({
      eventType: "thing.changed",
      discriminants: [
        { pointer: "/type", value: "thing.changed" },
        { pointer: "/payload/type", value: "title" },
      ],
    });
  });

  it("report two files that would get the same type name", () => {
    const { problems } = buildCatalogues([
      envelope,
      event("acme/thing.done.schema.json", "thing.done"),
      event("acme/thing-done.schema.json", "thing-done"),
    ]);
    expect(problems).toEqual([
      {
        file: "acme/thing-done.schema.json",
        pointer: "",
        message:
          "Two schema files never get the same type name (AcmeThingDoneEvent is also " +
          "schemas/acme/thing.done.schema.json).",
      },
    ]);
  });
});

describe("what tells apart events that carry the same consts", () => {
  const edume = catalogues().find((c) => c.path === "edume")!;
  const fields = (stem: string) => distinguishingFields(edume.events.find((e) => e.stem === stem)!, edume.events);

  it("is the fields one requires and not all the others do, by the object that holds them", () => {
    expect(fields("learner.activity.finished.in-course-survey")).toEqual([[["payload"], ["course", "module"]]]);
    expect(fields("learner.activity.finished.standalone-survey")).toEqual([]);
  });

  it("is nothing for an event no other shares its consts with", () => {
    expect(fields("learner.activity.finished.lesson")).toEqual([]);
    expect(fields("course.added")).toEqual([]);
  });
});
