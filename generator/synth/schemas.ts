import { draft07 } from "../lint/keywords.js";
import { idOf } from "../ids.js";
import type { JsonObject } from "../schema-walk.js";
import { someFields } from "./fields.js";
import { between, pick, type Random } from "./random.js";
import { sentences, statuses } from "./words.js";

/** How a catalogue's deliveries look: where the event type is, where the data is, how they are signed. */
export interface EnvelopeStyle {
  typeProperty: string;
  body: string;
  /** The property of the body that carries a sub-type. */
  subTypeProperty: string;
  scheme: "raw-body" | "compact-json" | "standard-webhooks";
}

export const envelopeStyles: readonly EnvelopeStyle[] = [
  { typeProperty: "type", body: "data", subTypeProperty: "change", scheme: "raw-body" },
  { typeProperty: "event", body: "payload", subTypeProperty: "type", scheme: "compact-json" },
  { typeProperty: "type", body: "data", subTypeProperty: "kind", scheme: "standard-webhooks" },
];

export const evidence = (random: Random, what: string): JsonObject[] =>
  Array.from({ length: between(random, 1, 3) }, (_, i) => ({
    source: `Provider docs, ${what}, source ${i + 1}`,
    shows: `${what} with its fields. ${pick(random, sentences)}`,
    ...(i === 0 ? { url: `https://docs.example.com/${what.replace(/[^a-z0-9]+/gi, "-")}` } : {}),
  }));

const top = (path: string, title: string, description: string): JsonObject => ({
  $schema: draft07,
  $id: idOf(path),
  title,
  description,
});

/** The envelope every event of a catalogue shares. */
export function envelope(random: Random, catalogue: string, display: string, style: EnvelopeStyle): JsonObject {
  const time = style.typeProperty === "event" ? "timestamp" : "created_at";
  return {
    ...top(
      `${catalogue}/common/envelope.schema.json`,
      `${display} envelope`,
      `The fields every ${display} webhook body carries.`,
    ),
    "x-evidence": evidence(random, `${display} envelope`),
    type: "object",
    required: [...(style.typeProperty === "event" ? [] : ["id"]), style.typeProperty, time, style.body],
    properties: {
      ...(style.typeProperty === "event" ? {} : { id: { description: "Unique id of this delivery.", type: "string" } }),
      [style.typeProperty]: { description: "The event type.", type: "string" },
      [time]: { description: "When the event happened.", type: "string", format: "date-time" },
      [style.body]: { description: "The event's data; its shape depends on the event type.", type: "object" },
      ...(style.scheme === "standard-webhooks"
        ? { company_id: { description: "The account.", type: ["string", "null"] } }
        : {}),
    },
  };
}

/** A shared object; from the third on, each refers to an earlier one (never back, so no cycle). */
export function common(
  random: Random,
  catalogue: string,
  display: string,
  names: readonly string[],
  index: number,
): JsonObject {
  const name = names[index]!;
  const refers =
    index >= 2
      ? { [names[Math.floor(index / 2)]!.replace(/-/g, "_")]: { $ref: `${names[Math.floor(index / 2)]}.schema.json` } }
      : {};
  return {
    ...top(
      `${catalogue}/common/${name}.schema.json`,
      `${display} ${name}`,
      `A ${name} as the ${display} API describes it.`,
    ),
    ...(index % 3 === 0 ? { $comment: `Decision: only id and object are required; ${pick(random, sentences)}` } : {}),
    "x-evidence": evidence(random, `${display} ${name} object`),
    type: "object",
    required: ["id", "object"],
    properties: {
      id: { description: `The ${name}'s id.`, type: "string" },
      object: { description: `Always \`${name}\`.`, const: name },
      created_at: { description: "When it was created.", type: "string", format: "date-time" },
      updated_at: {
        description: "When it last changed; null if never.",
        type: ["string", "null"],
        format: "date-time",
      },
      status: { description: "Its state.", enum: statuses.slice(0, between(random, 2, statuses.length)) },
      metadata: { description: "Free-form data set by the account.", type: "object", additionalProperties: true },
      ...refers,
      ...someFields(random, between(random, 2, 6)),
    },
  };
}
