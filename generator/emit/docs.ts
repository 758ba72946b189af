import { kindMatrix, type LearningDocsInput } from "../learning/docs.js";
import { banner } from "../banner.js";
import type { Catalogue, EventSchema } from "../catalogue.js";
import { walkSchema, type JsonObject } from "../schema-walk.js";
import { guardName } from "../naming.js";
import { confidenceOf, evidenceSection, fidelityPolicy, inferred } from "./evidence.js";
import { fieldPath, fields } from "./fields.js";
import { cell, linkTarget, prose } from "./markdown.js";
import { wireNames } from "../wire-names.js";

const yesNo = (value: boolean) => (value ? "yes" : "no");
const shapeWords: Record<string, string> = {
  example: "a documented example",
  "object-reference": "the provider's object reference (no example published)",
  undocumented: "nothing: the provider publishes no shape, so the data is kept open",
};

const shapeOf = (event: EventSchema) => event.file.json["x-shape"] as { from: string; source: string };
/** The shape's origin for the event tables: `example`, or `example (inferred)` while as inferred from one payload. */
const shapeLabel = (event: EventSchema) => `${shapeOf(event).from}${inferred(event.file.json) ? " (inferred)" : ""}`;
const docsOf = (event: EventSchema) => event.file.json["x-docs"] as string;
const subTypeValues = (event: EventSchema) =>
  event.discriminants
    .slice(1)
    .map((d) => `\`${d.value}\``)
    .join(", ");
export const row = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;
const subTypes = (event: EventSchema) =>
  event.discriminants
    .slice(1)
    .map((d) => `\`${d.pointer}\` = \`${d.value}\``)
    .join(", ");

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
    prose(String(event.file.json.description)),
    "",
    `- Type: \`${event.typeName}\`; guard: \`${guardName(event.stem)}\`; validator: \`${event.validatorName}\``,
    `- Event type: \`${catalogue.typeProperty}\` = ` +
      `\`${event.eventType}\`${subTypes(event) ? `; sub-type ${subTypes(event)}` : ""}` +
      (subTypes(event)
        ? `; named \`${wireNames(catalogue).get(event.stem)}\` by \`coursehooks send\` and \`testDelivery\``
        : ""),
    `- Provider docs: <${linkTarget(docsOf(event))}>`,
    `- Shape known from: ${shapeWords[shape.from]}${inferred(event.file.json) ? ", inferred from one payload" : ""}` +
      ` — ${prose(shape.source)}`,
    "",
  ];
  const recorded = decisions(schema);
  const decisionLines = recorded.length
    ? [`${heading} Decisions`, "", ...recorded.map((d) => `- ${d.field ? `\`${d.field}\`: ` : ""}${prose(d.text)}`), ""]
    : [];
  const table = [
    `${heading} Fields`,
    "",
    "| Path | Type | Required | Nullable | Description |",
    "| --- | --- | --- | --- | --- |",
    ...fields(schema).map(
      (f) =>
        `| \`${f.path}\` | ${cell(f.type)} | ${yesNo(f.required)} | ${yesNo(f.nullable)} | ${cell(f.description)} |`,
    ),
    "",
  ];
  return [...facts, ...evidenceSection(schema, heading), ...decisionLines, ...table];
}

/** The Markdown page of one event: what triggers it, where its shape comes from, decisions, and its fields. */
export function eventPage(catalogue: Catalogue, event: EventSchema, schema: JsonObject): string {
  return [
    banner(`schemas/${event.file.path}`, "md"),
    `# ${event.stem}`,
    "",
    ...eventSection(catalogue, event, schema, 1),
  ].join("\n");
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
        shapeLabel(event),
        String(confidenceOf(event.file.json)),
        `[docs](${linkTarget(docsOf(event))})`,
        `[${event.stem}](${link(event)})`,
      ]),
    ),
    "",
  ];
}

/** The index across every catalogue. */
export function overallIndex(catalogues: readonly Catalogue[], learning: LearningDocsInput = []): string {
  const rows = catalogues.flatMap((catalogue) =>
    catalogue.events.map((event) =>
      row([
        catalogue.path,
        `\`${event.eventType}\``,
        subTypeValues(event),
        shapeLabel(event),
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
    ...(learning.length
      ? [
          "",
          "## Learning events across providers",
          "",
          "[@coursehooks/learning](learning/README.md) maps these events to one model. Which events feed each kind:",
          "",
          ...kindMatrix(learning),
        ]
      : []),
  ].join("\n");
}
