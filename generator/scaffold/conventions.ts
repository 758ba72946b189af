import type { Catalogue } from "../catalogue.js";
import { isObject, type JsonObject } from "../schema-walk.js";
import { Refused } from "./errors.js";

/** How a catalogue's event schemas are written, as its envelope and existing events show. */
export interface Conventions {
  /** The envelope property that carries the event type: `type`, `event`. */
  typeProperty: string;
  /** The envelope property that carries the event's data: `data`, `payload`. */
  dataKey: string;
  /** The envelope's required properties, which every delivery has. */
  envelopeRequired: string[];
  /** The envelope's own properties. */
  envelopeProperties: string[];
  /** The name shown in titles: the envelope's title without "envelope" (`Teachfloor early`). */
  title: string;
  /** Where the catalogue's sub-typed events put their sub-type, as a pointer into the payload: `/payload/type`. */
  subTypePointer: string;
}

/** The most frequent value, the first seen on a tie. */
const mostFrequent = (values: readonly string[]): string | undefined => {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
};

/**
 * Reads a catalogue's conventions from its `common/envelope.schema.json` and its events. The data key is the one
 * required object property of the envelope besides the type (or, if several, the one the events describe); the
 * sub-type's place is where existing sub-typed events put it, else `type` inside the data.
 */
export function conventionsOf(catalogue: Catalogue): Conventions {
  const envelope = catalogue.commons.find((file) => file.path === `${catalogue.path}/common/envelope.schema.json`);
  if (!envelope) throw new Refused(`schemas/${catalogue.path} has no common/envelope.schema.json to put the event in.`);
  const properties = (isObject(envelope.json.properties) ? envelope.json.properties : {}) as Record<string, JsonObject>;
  const required = Array.isArray(envelope.json.required) ? envelope.json.required.map(String) : [];
  const typeProperty = catalogue.events.length
    ? catalogue.typeProperty
    : (required.find((k) => properties[k]?.type === "string") ?? "type");
  const objects = required.filter((key) => key !== typeProperty && properties[key]?.type === "object");
  const described = catalogue.events.flatMap((e) =>
    Object.keys(isObject(e.file.json.properties) ? e.file.json.properties : {}),
  );
  const dataKey = objects.length === 1 ? objects[0] : mostFrequent(described.filter((key) => objects.includes(key)));
  if (!dataKey)
    throw new Refused(
      `schemas/${catalogue.path}/common/envelope.schema.json does not show which property holds the data.`,
    );
  const subTyped = catalogue.events.filter((e) => e.discriminants.length > 1).map((e) => e.discriminants[1]!.pointer);
  const title = typeof envelope.json.title === "string" ? envelope.json.title.replace(/\s*envelope\s*$/i, "") : "";
  return {
    typeProperty,
    dataKey,
    envelopeRequired: required,
    envelopeProperties: Object.keys(properties),
    title: title || catalogue.prefix,
    subTypePointer: mostFrequent(subTyped) ?? `/${dataKey}/type`,
  };
}
