import { fastFormats, fullFormats } from "ajv-formats/dist/formats.js";
import { dateTime } from "./date-time.js";

/**
 * The string formats the generated validators check, each as one regular expression so that AJV inlines it into
 * standalone code (the formats ajv-formats adds are referenced through `require` instead, which the shipped
 * validators cannot do): the project's RFC 3339 `date-time`, ajv-formats' `email`, and its lenient `uri`
 * (a scheme, then no whitespace), so that no genuine address is refused.
 */
export const formats = {
  "date-time": dateTime,
  email: fullFormats.email as RegExp,
  uri: fastFormats.uri as RegExp,
} as const;
