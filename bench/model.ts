/**
 * The shipped (dereferenced) JSON Schemas in a small model that the competitors are built from: one converter for
 * the schema subset the catalogues use, and a tiny back-end per library. A keyword outside the subset is an error
 * naming it, so a new keyword in the schemas fails the bench instead of being skipped.
 */
export type Model =
  | { kind: "unknown" }
  | { kind: "null" }
  | { kind: "boolean" }
  | { kind: "number"; integer: boolean }
  | { kind: "string"; dateTime: boolean }
  | { kind: "literal"; value: string | number | boolean | null }
  | { kind: "array"; items: Model }
  | { kind: "object"; properties: Property[]; rest: Model | undefined; absent: string[] }
  | { kind: "union"; of: Model[] };

export interface Property {
  name: string;
  required: boolean;
  model: Model;
}

type Schema = Record<string, unknown>;

const annotations = new Set(["$schema", "$id", "title", "description", "$comment", "examples", "default"]);
const understood = new Set([
  "type",
  "properties",
  "required",
  "additionalProperties",
  "allOf",
  "anyOf",
  "not",
  "enum",
  "const",
  "items",
  "format",
]);

function checkKeywords(schema: Schema): void {
  for (const keyword of Object.keys(schema)) {
    if (keyword.startsWith("x-") || annotations.has(keyword) || understood.has(keyword)) continue;
    throw new Error(`The bench's schema converter does not know the keyword "${keyword}".`);
  }
}

const isSchema = (value: unknown): value is Schema =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** `allOf` folded into one schema: properties of both (a property in both is itself folded), required of both. */
export function fold(a: Schema, b: Schema): Schema {
  const out: Schema = { ...a, ...b };
  if (isSchema(a.properties) && isSchema(b.properties)) {
    const properties: Schema = { ...a.properties };
    for (const [name, schema] of Object.entries(b.properties))
      properties[name] = isSchema(properties[name]) ? fold(properties[name] as Schema, schema as Schema) : schema;
    out.properties = properties;
  }
  if (Array.isArray(a.required) || Array.isArray(b.required))
    out.required = [...new Set([...((a.required as string[]) ?? []), ...((b.required as string[]) ?? [])])];
  return out;
}

function flatten(schema: Schema): Schema {
  if (!Array.isArray(schema.allOf)) return schema;
  const { allOf, ...own } = schema;
  return (allOf as Schema[]).map(flatten).reduceRight((folded, part) => fold(part, folded), flatten(own));
}

/** Keys that `not: { anyOf: [{ required: [k] }, …] }` forbids: the only `not` the catalogues use. */
function forbidden(not: unknown): string[] {
  const parts = isSchema(not) && Array.isArray(not.anyOf) ? not.anyOf : undefined;
  const keys = parts?.map((part) => {
    const required = isSchema(part) && Array.isArray(part.required) ? part.required : [];
    if (required.length !== 1) throw new Error('The bench converts "not" only as "none of these properties".');
    return String(required[0]);
  });
  if (!keys) throw new Error('The bench converts "not" only as "none of these properties".');
  return keys;
}

function objectModel(schema: Schema): Model {
  const required = new Set((schema.required as string[] | undefined) ?? []);
  const properties = Object.entries((schema.properties as Schema | undefined) ?? {}).map(([name, property]) => ({
    name,
    required: required.has(name),
    model: toModel(property as Schema),
  }));
  const extra = schema.additionalProperties;
  const rest = isSchema(extra) ? toModel(extra) : undefined;
  return { kind: "object", properties, rest, absent: "not" in schema ? forbidden(schema.not) : [] };
}

function typed(type: string, schema: Schema): Model {
  switch (type) {
    case "object":
      return objectModel(schema);
    case "array":
      return { kind: "array", items: isSchema(schema.items) ? toModel(schema.items) : { kind: "unknown" } };
    case "string":
      if (schema.format !== undefined && schema.format !== "date-time")
        throw new Error(`The bench's schema converter does not know the format "${String(schema.format)}".`);
      return { kind: "string", dateTime: schema.format === "date-time" };
    case "integer":
    case "number":
      return { kind: "number", integer: type === "integer" };
    case "boolean":
      return { kind: "boolean" };
    case "null":
      return { kind: "null" };
    default:
      throw new Error(`The bench's schema converter does not know the type "${type}".`);
  }
}

const literal = (value: unknown): Model => {
  if (value !== null && !["string", "number", "boolean"].includes(typeof value))
    throw new Error("The bench converts only scalar const and enum values.");
  return { kind: "literal", value: value as string | number | boolean | null };
};

/** A JSON Schema node (dereferenced) as the model. */
export function toModel(input: Schema): Model {
  const schema = flatten(input);
  checkKeywords(schema);
  if ("const" in schema) return literal(schema.const);
  if (Array.isArray(schema.enum)) return { kind: "union", of: schema.enum.map(literal) };
  if (Array.isArray(schema.anyOf)) return { kind: "union", of: (schema.anyOf as Schema[]).map(toModel) };
  const types = schema.type === undefined ? [] : [schema.type].flat().map(String);
  if (types.length === 0) return schema.properties ? objectModel(schema) : { kind: "unknown" };
  if (types.length === 1) return typed(types[0]!, schema);
  return { kind: "union", of: types.map((type) => typed(type, schema)) };
}
