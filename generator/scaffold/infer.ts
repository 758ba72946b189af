import { formats } from "../formats.js";
import type { JsonObject } from "../schema-walk.js";
import { mergeAll } from "./merge.js";

/**
 * A JSON Schema inferred from values. While inferring, an object's `required` lists the keys present in every
 * value seen (null or not); `applyPolicy` later keeps only what one payload may require.
 */
export type Inferred = JsonObject;

/**
 * The format a string shows, checked as the generated validators check it: RFC 3339 `date-time`, an `email`, or
 * a `uri` (only http and https addresses are taken for one: other strings with a colon are rarely meant as URIs).
 */
export function formatOf(text: string): string | undefined {
  if (formats["date-time"].test(text)) return "date-time";
  if (/^https?:\/\/[^\s/]/i.test(text) && formats.uri.test(text)) return "uri";
  if (formats.email.test(text)) return "email";
  return undefined;
}

/** The schema of one JSON value: its type, a string's format, an object's keys, an array's items merged. */
export function infer(value: unknown): Inferred {
  if (value === null) return { type: "null" };
  if (typeof value === "boolean") return { type: "boolean" };
  if (typeof value === "number") return { type: Number.isInteger(value) ? "integer" : "number" };
  if (typeof value === "string") {
    const format = formatOf(value);
    return format ? { type: "string", format } : { type: "string" };
  }
  if (Array.isArray(value)) {
    return value.length ? { type: "array", items: mergeAll(value.map(infer)) } : { type: "array" };
  }
  if (typeof value === "object") {
    const entries = Object.entries(value as JsonObject);
    return {
      type: "object",
      required: entries.map(([key]) => key),
      properties: Object.fromEntries(entries.map(([k, v]) => [k, infer(v)])),
    };
  }
  throw new Error(`Not a JSON value: ${typeof value}.`);
}
