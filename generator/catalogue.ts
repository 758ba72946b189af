import { catalogueOf, idOf, isCommon, stemOf } from "./ids.js";
import { inlineConsts } from "./lint/discriminants.js";
import { typeProperties } from "./lint/rules.js";
import type { SchemaFile } from "./load.js";
import { cataloguePrefix, typeName, validatorName } from "./naming.js";
import { pointerToken, type Problem } from "./problem.js";
import { isObject } from "./schema-walk.js";

/** A `const` that tells one event (or sub-type) apart, found inline in its schema. */
export interface Discriminant {
  /** JSON Pointer into the payload: `/type`, `/payload/type`. */
  pointer: string;
  value: string;
}

export interface EventSchema {
  file: SchemaFile;
  id: string;
  /** Path inside the catalogue without `.schema.json`: `course.updated.title.changed`. */
  stem: string;
  typeName: string;
  validatorName: string;
  /** The envelope's type value: `course.updated`. */
  eventType: string;
  /** Every inline const on the way down from the root, the event type first. */
  discriminants: Discriminant[];
}

export interface Catalogue {
  /** Folder below `schemas/`: `teachfloor`, `teachfloor/early`. */
  path: string;
  prefix: string;
  /** The envelope property that carries the event type (`type`, `event`). */
  typeProperty: string;
  events: EventSchema[];
  commons: SchemaFile[];
}

function eventSchema(file: SchemaFile): EventSchema {
  const stem = stemOf(file.path);
  const typeProperty = typeProperties(file.json)[0]!;
  const discriminants = inlineConsts(file.json).map(({ pointer, value }) => ({ pointer, value }));
  const own = discriminants.find((d) => d.pointer === `/${typeProperty}`)!;
  return {
    file,
    id: idOf(file.path),
    stem,
    typeName: typeName(file.path),
    validatorName: validatorName(stem),
    eventType: own.value,
    discriminants: [own, ...discriminants.filter((d) => d !== own)],
  };
}

/**
 * What an event claims: its event type and sub-types, and the fields required beside them by each object that
 * holds one. Events may share a type and sub-type when their required fields tell them apart (edume's survey
 * finished in a course or standalone); two with the same claim are one event written twice.
 */
function claim(event: EventSchema): string {
  return JSON.stringify([
    [...event.discriminants].sort((a, b) => (a.pointer < b.pointer ? -1 : 1)),
    holderRequired(event),
  ]);
}

/**
 * The fields required beside the event's consts: for each object that holds one (`""` the root, `payload`), in
 * path order, the names its schema requires, sorted.
 */
export function holderRequired(event: EventSchema): Array<[string, string[]]> {
  const holders = new Set(event.discriminants.map((d) => d.pointer.split("/").slice(1, -1).join("/")));
  return [...holders].sort().map((holder) => {
    let node: unknown = event.file.json;
    for (const name of holder ? holder.split("/") : []) {
      node = isObject(node) && isObject(node.properties) ? node.properties[name] : undefined;
    }
    return [holder, isObject(node) && Array.isArray(node.required) ? [...node.required].map(String).sort() : []];
  });
}

/**
 * What tells an event apart from the others that carry the same consts: the fields it requires (beside its
 * consts) that not all of them require, by holder path. Empty when no other event carries its consts.
 */
export function distinguishingFields(event: EventSchema, events: readonly EventSchema[]): Array<[string[], string[]]> {
  const consts = (e: EventSchema) =>
    JSON.stringify([...e.discriminants].sort((a, b) => (a.pointer < b.pointer ? -1 : 1)));
  const siblings = events.filter((e) => e !== event && consts(e) === consts(event));
  if (siblings.length === 0) return [];
  const theirs = siblings.map((e) => new Map(holderRequired(e)));
  return holderRequired(event)
    .map(([holder, names]): [string[], string[]] => [
      holder ? holder.split("/") : [],
      names.filter((name) => !theirs.every((other) => other.get(holder)?.includes(name))),
    ])
    .filter(([, names]) => names.length > 0);
}

/** Two event schemas of a catalogue that make the same claim: a problem at the second's type. */
function claimedTwice(catalogue: Catalogue): Problem[] {
  const claimed = new Map<string, string>();
  const problems: Problem[] = [];
  for (const event of catalogue.events) {
    const key = claim(event);
    const other = claimed.get(key);
    if (other === undefined) {
      claimed.set(key, event.file.path);
      continue;
    }
    const pointer = `/properties/${pointerToken(typeProperties(event.file.json)[0]!)}/const`;
    const message =
      "Two event schemas never claim the same event type and sub-type with the same required fields " +
      `(also claimed by schemas/${other}).`;
    problems.push({ file: event.file.path, pointer, message });
  }
  return problems;
}

/** Groups linted schema files into catalogues; type names that collide are problems. */
export function buildCatalogues(files: readonly SchemaFile[]): { catalogues: Catalogue[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const paths = [...new Set(files.map((file) => catalogueOf(file.path)))].sort();
  const catalogues = paths.map((path): Catalogue => {
    const mine = files.filter((file) => catalogueOf(file.path) === path);
    const events = mine.filter((file) => !isCommon(file.path)).map(eventSchema);
    const typeProperty = events[0] ? typeProperties(events[0].file.json)[0]! : "type";
    for (const event of events) {
      const property = typeProperties(event.file.json)[0];
      if (property !== typeProperty) {
        problems.push({
          file: event.file.path,
          pointer: `/properties/${property}`,
          message: `All events of a catalogue carry their type in the same property (expected "${typeProperty}").`,
        });
      }
    }
    const commons = mine.filter((file) => isCommon(file.path));
    if (events.length && !commons.some((file) => file.path === `${path}/common/envelope.schema.json`)) {
      problems.push({
        file: `${path}/common/envelope.schema.json`,
        pointer: "",
        message: "A catalogue keeps the envelope its events share in common/envelope.schema.json.",
      });
    }
    return { path, prefix: cataloguePrefix(path), typeProperty, events, commons };
  });
  for (const catalogue of catalogues) problems.push(...claimedTwice(catalogue));
  const names = new Map<string, string>();
  for (const catalogue of catalogues) {
    for (const file of [...catalogue.commons, ...catalogue.events.map((e) => e.file)]) {
      const name = typeName(file.path);
      const other = names.get(name);
      if (other)
        problems.push({
          file: file.path,
          pointer: "",
          message: `Two schema files never get the same type name (${name} is also schemas/${other}).`,
        });
      else names.set(name, file.path);
    }
  }
  return { catalogues, problems };
}
