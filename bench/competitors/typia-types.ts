import { dateTime } from "../../generator/date-time.js";
import type { Model } from "../model.js";

/** How a typia type says date-time: typia's own format, or the project's regex as a pattern. */
export type DateTimeTag = "format" | "pattern";

const key = (name: string) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name));

const patternTag = () => `tags.Pattern<${JSON.stringify(dateTime.source)}>`;

/**
 * The model as a TypeScript type with typia tags: date-times carry `Format<"date-time">` or the project's regex,
 * integers `Type<"int64">` (any whole number a double holds; JSON Schema's integer has no range). Objects keep
 * unknown fields (typia's `is` ignores properties its type does not name); an object with `additionalProperties`
 * gets an index signature.
 */
export function typiaType(model: Model, tag: DateTimeTag): string {
  switch (model.kind) {
    case "unknown":
      return "unknown";
    case "null":
      return "null";
    case "boolean":
      return "boolean";
    case "number":
      return model.integer ? `(number & tags.Type<"int64">)` : "number";
    case "string":
      if (!model.dateTime) return "string";
      return `(string & ${tag === "format" ? `tags.Format<"date-time">` : patternTag()})`;
    case "literal":
      return JSON.stringify(model.value);
    case "array":
      return `Array<${typiaType(model.items, tag)}>`;
    case "union":
      return `(${model.of.map((m) => typiaType(m, tag)).join(" | ")})`;
    case "object": {
      const members = model.properties.map(
        (p) => `${key(p.name)}${p.required ? "" : "?"}: ${typiaType(p.model, tag)};`,
      );
      for (const name of model.absent) members.push(`${key(name)}?: undefined;`);
      if (model.rest) members.push(`[key: string]: ${typiaType(model.rest, tag)};`);
      return `{ ${members.join(" ")} }`;
    }
  }
}
