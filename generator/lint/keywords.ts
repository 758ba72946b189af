/** Every keyword of JSON Schema draft-07. */
export const draft07Keywords = new Set([
  "$schema",
  "$id",
  "$ref",
  "$comment",
  "title",
  "description",
  "default",
  "readOnly",
  "writeOnly",
  "examples",
  "multipleOf",
  "maximum",
  "exclusiveMaximum",
  "minimum",
  "exclusiveMinimum",
  "maxLength",
  "minLength",
  "pattern",
  "additionalItems",
  "items",
  "maxItems",
  "minItems",
  "uniqueItems",
  "contains",
  "maxProperties",
  "minProperties",
  "required",
  "additionalProperties",
  "definitions",
  "properties",
  "patternProperties",
  "dependencies",
  "propertyNames",
  "const",
  "enum",
  "type",
  "format",
  "contentMediaType",
  "contentEncoding",
  "if",
  "then",
  "else",
  "allOf",
  "anyOf",
  "oneOf",
  "not",
]);

/**
 * Our own keywords, read by the generator and ignored by validators. `x-imported` marks a file written by an import
 * from a provider's SDK (`npm run import:whop`): the import owns it and rewrites it; files without it are kept by hand.
 */
export const ownKeywords = ["x-docs", "x-shape", "x-evidence", "x-imported"] as const;

export const draft07 = "http://json-schema.org/draft-07/schema#";

/** Where an event's shape is known from. */
export const shapeOrigins = ["example", "object-reference", "undocumented"] as const;
