import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv } from "ajv";
import type { Problem } from "../problem.js";

/** The shape of a catalogue's `delivery.json`: how its deliveries are signed and what identifies them. */
const deliverySchema = {
  type: "object",
  required: ["provider", "signature", "deliveryId"],
  additionalProperties: false,
  properties: {
    provider: { type: "string", minLength: 1 },
    $comment: { type: "string" },
    signature: {
      oneOf: [
        {
          type: "object",
          additionalProperties: false,
          required: ["scheme", "headers", "signs", "bearer"],
          properties: {
            scheme: { const: "hmac-sha256-hex" },
            headers: { type: "array", minItems: 1, items: { type: "string", pattern: "^[A-Za-z0-9-]+$" } },
            signs: { enum: ["raw-body", "compact-json"] },
            bearer: { type: "boolean" },
          },
        },
        {
          type: "object",
          additionalProperties: false,
          required: ["scheme"],
          properties: { scheme: { const: "standard-webhooks" } },
        },
      ],
    },
    deliveryId: {
      oneOf: [
        {
          type: "object",
          additionalProperties: false,
          required: ["from", "property"],
          properties: { from: { const: "envelope" }, property: { type: "string" } },
        },
        {
          type: "object",
          additionalProperties: false,
          required: ["from", "name"],
          properties: { from: { const: "header" }, name: { type: "string" } },
        },
        {
          type: "object",
          additionalProperties: false,
          required: ["from"],
          properties: { from: { const: "body-hash" } },
        },
      ],
    },
    testDelivery: {
      type: "object",
      additionalProperties: false,
      properties: {
        id: {
          type: "object",
          additionalProperties: false,
          required: ["property", "prefix"],
          properties: {
            property: { type: "string", minLength: 1 },
            prefix: { type: "string" },
            header: { type: "string", pattern: "^[A-Za-z0-9-]+$" },
          },
        },
        timestamp: {
          type: "object",
          additionalProperties: false,
          required: ["property"],
          properties: { property: { type: "string", minLength: 1 } },
        },
      },
    },
  },
} as const;

export type DeliveryJson = Record<string, unknown>;

/** Reads `schemas/<catalogue>/delivery.json`; a missing, unparsable or ill-shaped file is a problem. */
export function loadDelivery(schemasDir: string, catalogue: string): { delivery?: DeliveryJson; problems: Problem[] } {
  const file = `${catalogue}/delivery.json`;
  const path = join(schemasDir, file);
  if (!existsSync(path))
    return {
      problems: [
        {
          file,
          pointer: "",
          message: "A catalogue says in delivery.json how its deliveries are signed and identified.",
        },
      ],
    };
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    return { problems: [{ file, pointer: "", message: `Not valid JSON: ${(error as Error).message}` }] };
  }
  const validate = new Ajv({ allErrors: true }).compile(deliverySchema);
  if (validate(json)) return { delivery: json as unknown as DeliveryJson, problems: [] };
  return {
    problems: (validate.errors ?? []).map((e) => ({
      file,
      pointer: e.instancePath,
      message: `delivery.json: ${e.message}`,
    })),
  };
}
