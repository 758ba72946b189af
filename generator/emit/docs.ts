import { banner } from "../banner.js";
import type { Catalogue, EventSchema } from "../catalogue.js";
import { walkSchema, type JsonObject } from "../schema-walk.js";
import { guardName } from "../naming.js";
import { confidenceOf, evidenceSection, fidelityPolicy } from "./evidence.js";
import { fieldPath, fields } from "./fields.js";
import { wireNames } from "../wire-names.js";

const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\n+/g, " ");
const yesNo = (value: boolean) => (value ? "yes" : "no");
const shapeWords: Record<string, string> = {
  example: "a documented example",
  "object-reference": "the provider's object reference (no example published)",
  undocumented: "nothing: the provider publishes no shape, so the data is kept open",
};

const shapeOf = (event: EventSchema) => event.file.json["x-shape"] as { from: string; source: string };
const docsOf = (event: EventSchema) => event.file.json["x-docs"] as string;
const subTypeValues = (event: EventSchema) => event.discriminants.slice(1).map((d) => `\`${d.value}\``).join(", ");
const row = (cells: string[]) => `| ${cells.join(" | ")} |`;
const subTypes = (event: EventSchema) => event.discriminants.slice(1).map((d) => `\`${d.pointer}\` = \`${d.value}\``).join(", ");

/** Every `$comment` of a dereferenced schema, with the field it sits on; each text once. */
export function decisions(schema: JsonObject): Array<{ field: string; text: string }> {
  const found = new Map<string, string>();
  walkSchema(schema, (node, pointer) => {
    if (typeof node.$comment === "string" && !found.has(node.$comment)) found.set(node.$comment, fieldPath(pointer));
  });
  return [...found].map(([text, field]) => ({ field, text }));
}

/** The body of an event's documentation below a heading of depth `depth`: facts, decisions, fields. */
export function eventSection(catalogue: Catalogue, event: EventSchema, schema: JsonObject, depth: number): string[] {
  const shape = shapeOf(event);
  const heading = "#".repeat(depth + 1);
  const facts = [
    String(event.file.json.description),
    "",
    `- Type: \`${event.typeName}\`; guard: \`${guardName(event.stem)}\`; validator: \`${event.validatorName}\``,
    `- Event type: \`${catalogue.typeProperty}\` = \`${event.eventType}\`${subTypes(event) ? `; sub-type ${subTypes(event)}` : ""}` +
      (subTypes(event) ? `; named \`${wireNames(catalogue).get(event.stem)}\` by \`coursehooks send\` and \`testDelivery\`` : ""),
    `- Provider docs: ${docsOf(event)}`,
    `- Shape known from: ${shapeWords[shape.from]} — ${shape.source}`,
    "",
  ];
  const recorded = decisions(schema);
  const decisionLines = recorded.length ? [`${heading} Decisions`, "", ...recorded.map((d) => `- ${d.field ? `\`${d.field}\`: ` : ""}${d.text}`), ""] : [];
  const table = [
    `${heading} Fields`,
    "",
    "| Path | Type | Required | Nullable | Description |",
    "| --- | --- | --- | --- | --- |",
    ...fields(schema).map((f) => `| \`${f.path}\` | ${cell(f.type)} | ${yesNo(f.required)} | ${yesNo(f.nullable)} | ${cell(f.description)} |`),
    "",
  ];
  return [...facts, ...evidenceSection(schema, heading), ...decisionLines, ...table];
}

/** The Markdown page of one event: what triggers it, where its shape comes from, decisions, and its fields. */
export function eventPage(catalogue: Catalogue, event: EventSchema, schema: JsonObject): string {
  return [banner(`schemas/${event.file.path}`, "md"), `# ${event.stem}`, "", ...eventSection(catalogue, event, schema, 1)].join("\n");
}

/** Every decision recorded in the catalogue's files, located by file and pointer. */
export function decisionList(catalogue: Catalogue, depth: number): string[] {
  const files = [...catalogue.events.map((event) => event.file), ...catalogue.commons].sort((a, b) => (a.path < b.path ? -1 : 1));
  const items = files.flatMap((file) => {
    const found: string[] = [];
    walkSchema(file.json, (node, pointer) => {
      if (typeof node.$comment === "string") found.push(`- \`schemas/${file.path}\` \`${pointer || "/"}\`: ${node.$comment}`);
    });
    return found;
  });
  const intro = "Where the provider's documents contradict each other or leave a gap, this is what the schemas decide, and why.";
  return items.length ? [`${"#".repeat(depth)} Decisions`, "", intro, "", ...items, ""] : [];
}

/** The table of a catalogue's events: type, sub-type, names, how each shape is known, docs link. */
export function eventTable(catalogue: Catalogue, link: (event: EventSchema) => string): string[] {
  return [
    `Events carry their type in \`${catalogue.typeProperty}\`.`,
    "",
    "| Event type | Sub-type | Type | Shape known from | Sources | Provider docs | Fields |",
    "| --- | --- | --- | --- | --- | --- | --- |",
    ...catalogue.events.map((event) =>
      row([
        `\`${event.eventType}\``,
        subTypeValues(event),
        `\`${event.typeName}\``,
        shapeOf(event).from,
        String(confidenceOf(event.file.json)),
        `[docs](${docsOf(event)})`,
        `[${event.stem}](${link(event)})`,
      ]),
    ),
    "",
  ];
}

/** The index across every catalogue. */
export function overallIndex(catalogues: readonly Catalogue[]): string {
  const rows = catalogues.flatMap((catalogue) =>
    catalogue.events.map((event) =>
      row([
        catalogue.path,
        `\`${event.eventType}\``,
        subTypeValues(event),
        shapeOf(event).from,
        String(confidenceOf(event.file.json)),
        `[${event.stem}](${catalogue.path}/docs/${event.stem}.md)`,
      ]),
    ),
  );
  const sources = "schemas/**/*.schema.json";
  return [
    banner(sources, "md"),
    "# Events by provider",
    "",
    ...catalogues.map((c) => `- [${c.path}](${c.path}/README.md): ${c.events.length} events`),
    "",
    "| Catalogue | Event type | Sub-type | Shape known from | Sources | Fields |",
    "| --- | --- | --- | --- | --- | --- |",
    ...rows,
    "",
    ...fidelityPolicy(2),
  ].join("\n");
}
