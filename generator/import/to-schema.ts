import type { JsonObject } from "../schema-walk.js";
import type { Member, ObjectModel, TypeModel } from "./model.js";

/** What turning a type into a schema needs to know beyond the type itself. */
export interface SchemaOptions {
  /** The `$ref` of a named object that has a file of its own; undefined writes the object in place. */
  refOf: (name: string) => string | undefined;
  /** The named objects, to write in place those without a file. */
  named: ReadonlyMap<string, { model: ObjectModel }>;
  /** Whether a member is required in the schema (the SDK's `?` alone does not decide it: see CONTRIBUTING). */
  requires: (member: Member) => boolean;
}

/** A member whose type is one string literal (`object: "payment"`, `type: "payment.succeeded"`): a discriminator. */
export const isDiscriminator = (member: Member): boolean =>
  member.type.kind === "literal" && typeof member.type.value === "string";

/**
 * The required policy for a type known from the SDK alone: of the members the SDK does not mark optional, only
 * the discriminators and an object's `id` are required, since a second independent source is needed for the rest.
 */
export const sdkOnly = (member: Member): boolean =>
  !member.optional && (member.name === "id" || isDiscriminator(member));

/** The SDK's JSDoc says the string is a date and time (`The datetime …`, `… in ISO 8601 format`). */
const saysDateTime = (doc: string | undefined): boolean => doc !== undefined && /\b(date-?time|ISO 8601)\b/i.test(doc);

const primitive = { string: "string", number: "number", boolean: "boolean", null: "null" } as const;

function literalUnion(values: Array<string | number | boolean>, nullable: boolean): JsonObject | undefined {
  const types = [...new Set(values.map((v) => typeof v))];
  if (types.length !== 1) return undefined;
  const type = nullable ? [types[0], "null"] : types[0];
  if (values.length === 1 && !nullable) return { type, const: values[0] };
  return { type, enum: nullable ? [...values, null] : values };
}

/** The same schema, also accepting null. */
function withNull(schema: JsonObject): JsonObject {
  if ("$ref" in schema) return { anyOf: [schema, { type: "null" }] };
  if (schema.type === undefined) return schema;
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  const out: JsonObject = { ...schema, type: [...types, "null"] };
  if (Array.isArray(schema.enum)) out.enum = [...schema.enum, null];
  return out;
}

function unionSchema(of: TypeModel[], options: SchemaOptions, doc: string | undefined): JsonObject {
  if (of.some((t) => t.kind === "unknown")) return {};
  const nullable = of.some((t) => t.kind === "null");
  const rest = of.filter((t) => t.kind !== "null");
  const literals = rest.flatMap((t) => (t.kind === "literal" ? [t.value] : []));
  if (literals.length === rest.length && literals.length) {
    const schema = literalUnion(literals, nullable);
    if (schema) return schema;
  }
  if (rest.length === 1) {
    const schema = typeSchema(rest[0]!, options, doc);
    return nullable ? withNull(schema) : schema;
  }
  const variants = rest.map((t) => typeSchema(t, options, doc));
  return { anyOf: nullable ? [...variants, { type: "null" }] : variants };
}

/** The schema of an object type: its members in SDK order, open to unknown fields as every schema here is. */
export function objectSchema(model: ObjectModel, options: SchemaOptions): JsonObject {
  const out: JsonObject = { type: "object" };
  if (model.members.length) {
    out.required = model.members.filter(options.requires).map((m) => m.name);
    out.properties = Object.fromEntries(model.members.map((m) => [m.name, memberSchema(m, options)]));
  }
  if (model.open) out.additionalProperties = true;
  return out;
}

function typeSchema(model: TypeModel, options: SchemaOptions, doc: string | undefined): JsonObject {
  switch (model.kind) {
    case "unknown":
      return {};
    case "string":
      return saysDateTime(doc) ? { type: "string", format: "date-time" } : { type: "string" };
    case "number":
    case "boolean":
    case "null":
      return { type: primitive[model.kind] };
    case "literal":
      return literalUnion([model.value], false)!;
    case "union":
      return unionSchema(model.of, options, doc);
    case "array":
      return { type: "array", items: typeSchema(model.items, options, undefined) };
    case "object":
      return objectSchema(model, options);
    case "ref": {
      const ref = options.refOf(model.name);
      if (ref) return { $ref: ref };
      const named = options.named.get(model.name);
      if (!named) throw new Error(`No object type named ${model.name} was read.`);
      return objectSchema(named.model, options);
    }
  }
}

/** The schema of a type, with `doc` as its description where a description may stand (never beside `$ref`). */
export function toSchema(model: TypeModel, options: SchemaOptions, doc?: string): JsonObject {
  const schema = typeSchema(model, options, doc);
  if (doc === undefined || "$ref" in schema) return schema;
  return { description: doc, ...schema };
}

const memberSchema = (member: Member, options: SchemaOptions): JsonObject => toSchema(member.type, options, member.doc);
