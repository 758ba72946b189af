import { describe, expect, it } from "vitest";
import { buildCatalogues } from "../../generator/catalogue.js";
import type { SchemaFile } from "../../generator/load.js";

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
