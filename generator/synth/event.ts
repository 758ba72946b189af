import { draft07 } from "../lint/keywords.js";
import { idOf } from "../ids.js";
import type { JsonObject } from "../schema-walk.js";
import { someFields } from "./fields.js";
import { between, pick, some, type Random } from "./random.js";
import { evidence, type EnvelopeStyle } from "./schemas.js";
import { sentences } from "./words.js";

/** What an event is: its file stem, its event type, and its sub-type if it has one. */
export interface EventPlan {
  stem: string;
  eventType: string;
  subType?: string;
  /** The shared object the event is about, if the catalogue has one for it. */
  subject?: string;
}

const shapes = ["example", "example", "object-reference", "undocumented"] as const;

/** An event schema: the envelope, the event type (and sub-type) const, and a body of shared objects and fields. */
export function eventSchema(
  random: Random,
  catalogue: string,
  display: string,
  style: EnvelopeStyle,
  commons: readonly string[],
  plan: EventPlan,
): JsonObject {
  const from = pick(random, shapes);
  const refs = [...new Set([...(plan.subject ? [plan.subject] : []), ...some(random, commons, between(random, 0, 2))])];
  const subType =
    plan.subType === undefined
      ? {}
      : { [style.subTypeProperty]: { description: "The sub-type.", const: plan.subType } };
  const body: JsonObject = {
    description: `What the ${plan.eventType} event is about.`,
    type: "object",
    ...(from === "undocumented" ? { additionalProperties: true } : {}),
    required: [...Object.keys(subType), ...(from === "undocumented" ? [] : refs.slice(0, 1))],
    properties: {
      ...subType,
      ...Object.fromEntries(refs.map((name) => [name.replace(/-/g, "_"), { $ref: `common/${name}.schema.json` }])),
      ...someFields(random, between(random, 1, 5)),
    },
  };
  const title = `${display} ${plan.eventType}${plan.subType === undefined ? "" : ` (${plan.subType})`}`;
  return {
    $schema: draft07,
    $id: idOf(`${catalogue}/${plan.stem}.schema.json`),
    title,
    description: `Sent when ${plan.stem.replace(/[._]/g, " ")} happens. ${pick(random, sentences)}`,
    "x-docs": `https://docs.example.com/${catalogue}/webhooks#${plan.stem}`,
    "x-shape": { from, source: `${display} webhook reference › ${plan.eventType}` },
    "x-evidence": evidence(random, title),
    ...(between(random, 0, 4) === 0 ? { $comment: `Decision: ${pick(random, sentences)}` } : {}),
    type: "object",
    allOf: [{ $ref: "common/envelope.schema.json" }],
    required: [style.typeProperty, style.body],
    properties: { [style.typeProperty]: { const: plan.eventType }, [style.body]: body },
  };
}
