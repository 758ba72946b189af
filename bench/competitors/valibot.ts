import * as v from "valibot";
import { dateTime } from "../../generator/date-time.js";
import type { Model } from "../model.js";

type Schema = v.GenericSchema;

/**
 * The model as a valibot schema: objects are `v.looseObject`, date-times are checked with the project's RFC 3339
 * regex (valibot's `isoTimestamp` accepts 30 February, a space for `T` and offsets without a colon).
 */
export function valibotSchema(model: Model): Schema {
  switch (model.kind) {
    case "unknown":
      return v.unknown();
    case "null":
      return v.null();
    case "boolean":
      return v.boolean();
    case "number":
      return model.integer ? v.pipe(v.number(), v.integer()) : v.number();
    case "string":
      return model.dateTime ? v.pipe(v.string(), v.regex(dateTime)) : v.string();
    case "literal":
      return model.value === null ? v.null() : v.literal(model.value);
    case "array":
      return v.array(valibotSchema(model.items));
    case "union":
      return v.union(model.of.map(valibotSchema));
    case "object": {
      const entries = Object.fromEntries(
        model.properties.map((p) => [p.name, p.required ? valibotSchema(p.model) : v.optional(valibotSchema(p.model))]),
      );
      const object = model.rest ? v.objectWithRest(entries, valibotSchema(model.rest)) : v.looseObject(entries);
      if (model.absent.length === 0) return object;
      const none = (value: Record<string, unknown>) => model.absent.every((key) => !Object.hasOwn(value, key));
      return v.pipe(object, v.check(none)) as Schema;
    }
  }
}

/** A valibot schema as a check: whether `safeParse` succeeds. */
export const valibotCheck =
  (schema: Schema) =>
  (value: unknown): boolean =>
    v.safeParse(schema, value).success;
