import type { JsonObject } from "../schema-walk.js";
import { isObject, walkSchema } from "../schema-walk.js";
import { fieldPath } from "./fields.js";
import { linkTarget, prose } from "./markdown.js";

/** One source of a schema's shape, as its `x-evidence` lists it. */
export interface Evidence {
  source: string;
  shows: string;
  url?: string;
}

const evidenceOf = (node: JsonObject): Evidence[] => (Array.isArray(node["x-evidence"]) ? node["x-evidence"] : []);

/** How many independent sources back a schema's own shape. */
export const confidenceOf = (schema: JsonObject): number => evidenceOf(schema).length;

/**
 * The evidence of an event: its own sources (their number is the confidence), then those of each shared object
 * it carries, with the field that carries it; each list once.
 */
export function evidence(schema: JsonObject): {
  own: Evidence[];
  shared: Array<{ object: string; evidence: Evidence[] }>;
} {
  const shared: Array<{ object: string; evidence: Evidence[] }> = [];
  const seen = new Set<unknown>([schema["x-evidence"]]);
  walkSchema(schema, (node, pointer) => {
    if (pointer === "" || seen.has(node["x-evidence"]) || evidenceOf(node).length === 0) return;
    seen.add(node["x-evidence"]);
    shared.push({ object: objectName(node, fieldPath(pointer)), evidence: evidenceOf(node) });
  });
  return { own: evidenceOf(schema), shared };
}

/** A shared object by its title and the field that carries it (none for the envelope, which is the event itself). */
const objectName = (node: JsonObject, field: string): string => {
  const title = typeof node.title === "string" ? node.title : "";
  const at = field ? `\`${field}\`` : "";
  return title && at ? `${title} (${at})` : title || at || "the envelope";
};

const evidenceLine = (e: Evidence) =>
  `- ${e.url ? `[${prose(e.source)}](${linkTarget(e.url)})` : prose(e.source)}: ${prose(e.shows)}`;

/** Whether the event's shape is still as `npm run new-event` inferred it from one payload (`x-shape.inferred`). */
export const inferred = (schema: JsonObject): boolean =>
  isObject(schema["x-shape"]) && schema["x-shape"].inferred === true;

const inferredNote =
  "The shape was inferred from one payload by `npm run new-event` and is not yet reviewed: the types are those the " +
  "payload showed, and nothing but the envelope, the discriminators and the ids is required.";

/** The Evidence section of an event page: each source and what it showed, and the confidence they give. */
export function evidenceSection(schema: JsonObject, heading: string): string[] {
  const { own, shared } = evidence(schema);
  if (own.length === 0 && shared.length === 0) return [];
  return [
    `${heading} Evidence`,
    "",
    `Confidence: ${own.length} independent source${own.length === 1 ? "" : "s"} for this event's shape.`,
    "",
    ...(inferred(schema) ? [inferredNote, ""] : []),
    ...own.map(evidenceLine),
    ...shared.flatMap(({ object, evidence: list }) => [`- ${object}:`, ...list.map((e) => `  ${evidenceLine(e)}`)]),
    "",
  ];
}

/** How the schemas decide what is required and what may be null: the same words as CONTRIBUTING.md. */
export const fidelityPolicy = (depth: number): string[] => [
  `${"#".repeat(depth)} Required and nullable fields`,
  "",
  "A schema requires only what the evidence says is always there, because a genuine delivery that is refused is " +
    "lost after the provider's retries:",
  "",
  "- Required: the envelope, the discriminators (event type, sub-type, `object` tags) and the ids of the main " +
    "objects. Any other field only when a second independent source confirms it is always present: a second " +
    "published example, an official SDK type, or a field table that does not call it optional.",
  "- Nullable wherever any source shows `null` for the field, in that object or in the same object elsewhere.",
  "- Everything else is typed and optional, and objects accept fields they do not document.",
  "",
  "Each event lists its sources under Evidence; Sources is how many independent ones back its shape.",
  "",
];
