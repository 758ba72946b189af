import * as z from "zod";
import { dateTime } from "../../generator/date-time.js";
import type { Model } from "../model.js";

/**
 * The model as a zod 4 schema: objects are `z.looseObject` (unknown fields pass, as in the JSON Schemas), and
 * date-times are checked with the project's RFC 3339 regex, since `z.iso.datetime({ offset: true })` refuses the
 * leap second and lowercase `t`/`z` that RFC 3339 allows.
 */
export function zodSchema(model: Model): z.ZodType {
  switch (model.kind) {
    case "unknown":
      return z.unknown();
    case "null":
      return z.null();
    case "boolean":
      return z.boolean();
    case "number":
      // z.int() is limited to safe integers; JSON Schema's integer is any whole number.
      return model.integer ? z.number().refine(Number.isInteger) : z.number();
    case "string":
      return model.dateTime ? z.string().regex(dateTime) : z.string();
    case "literal":
      return z.literal(model.value);
    case "array":
      return z.array(zodSchema(model.items));
    case "union":
      return z.union(model.of.map(zodSchema));
    case "object": {
      const shape = Object.fromEntries(
        model.properties.map((p) => [p.name, p.required ? zodSchema(p.model) : zodSchema(p.model).optional()]),
      );
      const object = model.rest ? z.object(shape).catchall(zodSchema(model.rest)) : z.looseObject(shape);
      if (model.absent.length === 0) return object;
      return object.refine((value) => model.absent.every((key) => !Object.hasOwn(value, key)));
    }
  }
}

/** A zod schema as a check: whether `safeParse` succeeds. */
export const zodCheck =
  (schema: z.ZodType) =>
  (value: unknown): boolean =>
    schema.safeParse(value).success;
