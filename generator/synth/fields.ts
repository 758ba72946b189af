import type { JsonObject } from "../schema-walk.js";
import { between, pick, some, type Random } from "./random.js";
import { fieldNames, sentences, statuses } from "./words.js";

const described = (text: string, schema: JsonObject): JsonObject => ({ description: text, ...schema });

/** One field of a synthetic object: a scalar, a date-time, an enum, a nullable value, an array or a nested object. */
export function field(random: Random, name: string): JsonObject {
  const text = `The ${name.replace(/_/g, " ")}. ${pick(random, sentences)}`;
  switch (between(random, 0, 8)) {
    case 0:
      return described(text, { type: "string" });
    case 1:
      return described(text, { type: ["string", "null"] });
    case 2:
      return described(text, { type: "integer", minimum: 0 });
    case 3:
      return described(text, { type: ["number", "null"] });
    case 4:
      return described(text, { type: "string", format: "date-time" });
    case 5:
      return described(text, { enum: some(random, statuses, between(random, 2, 4)) });
    case 6:
      return described(text, { type: "array", items: { type: "string" } });
    case 7:
      return described(text, {
        type: "array",
        items: {
          type: "object",
          required: ["id"],
          properties: {
            id: { description: "The item's id.", type: "string" },
            kind: { description: "What the item is.", enum: some(random, statuses, 3) },
            at: { description: "When it happened.", type: ["string", "null"], format: "date-time" },
          },
        },
      });
    default:
      return described(text, {
        type: "object",
        properties: {
          enabled: { description: "Whether it is on.", type: "boolean" },
          value: { description: "Its value, if any.", type: ["string", "null"] },
          updated_at: { description: "When it last changed.", type: "string", format: "date-time" },
        },
      });
  }
}

/** A few fields with different names, chosen by `random`. */
export function someFields(random: Random, count: number): Record<string, JsonObject> {
  return Object.fromEntries(some(random, fieldNames, count).map((name) => [name, field(random, name)]));
}
