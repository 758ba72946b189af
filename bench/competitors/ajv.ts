import { Ajv } from "ajv";
import addFormats from "ajv-formats";
import { dateTime } from "../../generator/date-time.js";

/** Whether the date-time format is ajv-formats' own, or the project's regex. */
export type AjvDateTime = "ajv-formats" | "ours";

/**
 * AJV compiling schemas at run time as a consumer would: `allErrors` as the shipped validators, ajv-formats for the
 * formats, `strict: false` so the shipped schemas' annotations (`x-docs`, `x-evidence`) are accepted.
 */
export function runtimeAjv(dateTimeFormat: AjvDateTime): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats.default(ajv);
  if (dateTimeFormat === "ours") ajv.addFormat("date-time", dateTime);
  return ajv;
}
