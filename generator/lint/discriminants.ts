import { pointerToken } from "../problem.js";
import { isObject, type JsonObject } from "../schema-walk.js";

/** A string `const` on the way down from the root through `properties`: the event type or a sub-type. */
export interface InlineConst {
  /** JSON Pointer into the payload: `/type`, `/payload/type`. */
  pointer: string;
  /** JSON Pointer to the `const` in the schema file: `/properties/type/const`. */
  at: string;
  value: string;
}

/** Every inline string `const` below `schema`'s `properties`, by property name, parents first. */
export function inlineConsts(schema: JsonObject, pointer = "", at = ""): InlineConst[] {
  const properties = isObject(schema.properties) ? schema.properties : {};
  return Object.keys(properties)
    .sort()
    .flatMap((name) => {
      const property = properties[name];
      if (!isObject(property)) return [];
      const where = `${at}/properties/${pointerToken(name)}`;
      const value = property.const;
      const here = typeof value === "string" ? [{ pointer: `${pointer}/${name}`, at: `${where}/const`, value }] : [];
      return [...here, ...inlineConsts(property, `${pointer}/${name}`, where)];
    });
}
