import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { classifyPackage } from "../../generator/breaking/classify.js";
import { dereferencedEvents } from "../../generator/breaking/revision.js";
import { neededBump } from "../../generator/breaking/semver.js";
import { sdkFromTexts } from "../../generator/import/load-sdk.js";
import { planImport } from "../../generator/import/whop.js";

const fixture = join(import.meta.dirname, "..", "fixtures", "whop-sdk");
const envelope = "common/envelope.schema.json";
const envelopeText = readFileSync(join(import.meta.dirname, "..", "..", "schemas", "whop", envelope), "utf8");
const original = new Map(
  ["webhooks.d.ts", "shared.d.ts"].map((name) => [name, readFileSync(join(fixture, name), "utf8")]),
);

/** Imports a (trimmed) SDK given as its declaration texts, and dereferences its events as the breaking guard does. */
async function imported(files: ReadonlyMap<string, string>) {
  const sdk = sdkFromTexts(files, "webhooks.d.ts");
  const plan = planImport({
    sdk,
    package: { name: "@whop/sdk", version: "0.0.0-fixture" },
    existing: new Map([[envelope, envelopeText]]),
  });
  const schemaFiles = [...plan.write, [envelope, envelopeText] as const].map(([path, text]) => ({
    path: `whop/${path}`,
    text,
    json: JSON.parse(text),
  }));
  return (await dereferencedEvents(schemaFiles)).get("whop")!;
}

/** The fixture with one text replaced in one of its files. */
function edited(name: string, from: string | RegExp, to: string): Map<string, string> {
  const text = original.get(name)!;
  if (!text.match(from)) throw new Error(`the fixture ${name} has no ${from}`);
  return new Map([...original, [name, text.replace(from, to)]]);
}

describe("the breaking-change guard classifies a new SDK release imported from a fixture", () => {
  it("imports the three events of the fixture's union", async () => {
    const events = await imported(original);
    expect([...events.keys()].sort()).toEqual(["chat.message.created", "entry.created", "entry.deleted"]);
  });

  it("a field the SDK drops from a shared object is a breaking change in every event that carries it", async () => {
    const before = await imported(original);
    const after = await imported(
      edited("shared.d.ts", / {4}\/\*\*\n {5}\* The current status[^/]*\/\n {4}status: EntryStatus;\n/, ""),
    );
    const changes = classifyPackage("whop", before, after);
    expect(changes.map((c) => [c.event, c.path, c.kind, c.effect])).toEqual([
      ["entry.created", "data.status", "field-removed", "breaking"],
      ["entry.deleted", "data.status", "field-removed", "breaking"],
    ]);
    expect(neededBump(changes)).toBe("major");
  });

  it("a new event in the SDK's union is an addition: a minor release", async () => {
    const before = await imported(original);
    const withEvent = edited(
      "webhooks.d.ts",
      "export type UnwrapWebhookEvent = ",
      "export type UnwrapWebhookEvent = EntryApprovedWebhookEvent | ",
    );
    const entryApproved = original
      .get("webhooks.d.ts")!
      .split("export interface EntryCreatedWebhookEvent")[1]!
      .split("export interface")[0]!
      .replace("'entry.created'", "'entry.approved'");
    withEvent.set(
      "webhooks.d.ts",
      `${withEvent.get("webhooks.d.ts")}\nexport interface EntryApprovedWebhookEvent${entryApproved}`,
    );
    const changes = classifyPackage("whop", before, await imported(withEvent));
    expect(changes.map((c) => [c.event, c.kind, c.effect])).toEqual([["entry.approved", "event-added", "compatible"]]);
    expect(neededBump(changes)).toBe("minor");
  });

  it("a field the SDK makes nullable is breaking for consumers' types", async () => {
    const before = await imported(original);
    const after = await imported(edited("webhooks.d.ts", "        reason: string;", "        reason: string | null;"));
    const changes = classifyPackage("whop", before, after);
    expect(changes.map((c) => [c.event, c.path, c.kind])).toEqual([
      ["chat.message.created", "data.reason", "made-nullable"],
    ]);
  });
});
