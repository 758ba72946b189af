// Shared by the runtime tests: the built packages (generated/<catalogue>/dist/index.js), their documented
// examples, and a walk over an example and its shipped JSON Schema that yields one broken copy per field.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";
import type { Catalogue, EventSchema } from "../../generator/catalogue.js";
import type { Issue, ParseError, ParseResult } from "../../generator/runtime/result.js";
import type { StandardSchema } from "../../generator/runtime/standard-schema.js";
import { builtPackage, catalogues, projectRoot } from "../helpers/catalogues.js";
import { eventExamples, type EventExample } from "../helpers/examples.js";

export type { Issue, ParseError, ParseResult, StandardSchema };
export { projectRoot };

/** What a built package exports, as far as these tests use it. */
export interface Package {
  parse(input: unknown): ParseResult<unknown>;
  validate(type: string, value: unknown): ParseResult<unknown>;
  eventTypes: readonly string[];
  eventSchema: StandardSchema<unknown>;
  [name: string]: unknown;
}

export type Guard = (value: unknown) => boolean;

/** The catalogues, as the generator sees them. */
export const all: Catalogue[] = catalogues();

const loaded = new Map<string, Package>(
  await Promise.all(all.map(async (c) => [c.path, await builtPackage<Package>(c.path)] as const)),
);

/** The built package of a catalogue. */
export function pkg(catalogue: string): Package {
  const found = loaded.get(catalogue);
  if (!found) throw new Error(`no package for ${catalogue}`);
  return found;
}

/** The catalogue `teachfloor/early`, … */
export function catalogue(path: string): Catalogue {
  const found = all.find((c) => c.path === path);
  if (!found) throw new Error(`no catalogue ${path}`);
  return found;
}

/** One documented example of an event schema. */
export type Example = EventExample;

/** The catalogue's examples of event schemas (examples of `common/` objects are not events), in manifest order. */
export const examplesOf = eventExamples;

/** A fresh copy of an example's payload, as a record to edit. */
export function copyOf(example: Example): Record<string, unknown> {
  return structuredClone(example.value) as Record<string, unknown>;
}

/** The events of `c` that share their event type with another event: sub-types, told apart by a const. */
export function subTyped(c: Catalogue): EventSchema[] {
  return c.events.filter((e) => c.events.some((other) => other !== e && other.eventType === e.eventType));
}

/** The pointer of the const that tells the sub-types of `eventType` apart (`/payload/type`). */
export function dispatchPointer(c: Catalogue, eventType: string): string {
  const siblings = c.events.filter((e) => e.eventType === eventType);
  const [first, ...rest] = siblings;
  const shared = first!.discriminants
    .map((d) => d.pointer)
    .filter(
      (pointer) =>
        pointer !== `/${c.typeProperty}` &&
        rest.every((other) => other.discriminants.some((d) => d.pointer === pointer)),
    )
    .filter(
      (pointer) => new Set(siblings.map((e) => e.discriminants.find((d) => d.pointer === pointer)!.value)).size > 1,
    );
  expect(shared, `one const tells the sub-types of ${eventType} apart`).toHaveLength(1);
  return shared[0]!;
}

/** The shipped JSON Schema of an event (`generated/<catalogue>/schemas/<stem>.json`). */
export function shippedSchema(catalogue: string, stem: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(projectRoot, "generated", catalogue, "schemas", `${stem}.json`), "utf8"));
}

// ---- results ---------------------------------------------------------------------------------------

/** The error of a failed result (fails the test if it succeeded). */
export function errorOf(result: ParseResult<unknown>): ParseError {
  expect(result.ok, `expected a failure, got ${JSON.stringify(result).slice(0, 300)}`).toBe(false);
  if (result.ok) throw new Error("unreachable");
  return result.error;
}

/** The error of an `invalid_payload` result. */
export function payloadError(result: ParseResult<unknown>): Extract<ParseError, { code: "invalid_payload" }> {
  const error = errorOf(result);
  expect(error.code, error.message).toBe("invalid_payload");
  if (error.code !== "invalid_payload") throw new Error("unreachable");
  return error;
}

// ---- locations ------------------------------------------------------------------------------------

export type Path = Array<string | number>;

export const pointerOf = (path: Path): string =>
  path.map((key) => `/${String(key).replace(/~/g, "~0").replace(/\//g, "~1")}`).join("");

/** `data.plans[1].amount`, as issue messages start. */
export const dotted = (path: Path): string =>
  path.length === 0
    ? "(root)"
    : path.map((key, i) => (typeof key === "number" ? `[${key}]` : i === 0 ? key : `.${key}`)).join("");

/** Sets (or with `undefined`, removes) the value at `path` in `root`, in place. */
export function setAt(root: unknown, path: Path, value: unknown): void {
  const parent = path.slice(0, -1).reduce<any>((node, key) => node[key], root);
  const last = path[path.length - 1]!;
  if (value === undefined) delete parent[last];
  else parent[last] = value;
}

// ---- broken copies ---------------------------------------------------------------------------------

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The schema and the schemas it requires through `allOf`: together they constrain one place. */
const fragments = (schema: Json): Json[] => [
  schema,
  ...(Array.isArray(schema.allOf) ? schema.allOf.filter(isObject).flatMap(fragments) : []),
];

const dateTimeWording = "an RFC 3339 date-time such as 2025-10-07T15:30:00Z or 2023-12-04T18:45:44+08:00";

/** A copy of an example broken at one place, and the one issue it must produce. */
export interface Breakage {
  name: string;
  value: unknown;
  issue: Issue;
}

function replacement(type: string): unknown {
  if (type === "string") return 12;
  if (type === "integer" || type === "number" || type === "boolean" || type === "object" || type === "array")
    return "1";
  return undefined;
}

const kindOf = (value: unknown) =>
  value === null
    ? "null"
    : Array.isArray(value)
      ? "array"
      : typeof value === "number"
        ? Number.isInteger(value)
          ? "integer"
          : "number"
        : typeof value;

/**
 * Every way to break `example` at one field that the shipped schema describes: remove a required field,
 * give a field a value of the wrong type, a non-date-time where a date-time is wanted, a value outside an
 * enum, another value than a const. Fields that choose the schema (the type property, sub-type consts)
 * (and the objects holding them) are left alone: breaking them changes which schema applies.
 */
export function breakages(c: Catalogue, example: Example, schema: Json): Breakage[] {
  const choosers = [
    `/${c.typeProperty}`,
    ...(subTyped(c).includes(example.event) ? [dispatchPointer(c, example.event.eventType)] : []),
  ];
  // A chooser, or an object holding one: without it, the sub-type's const is what is reported missing.
  const skip = {
    has: (pointer: string) => choosers.some((chooser) => chooser === pointer || chooser.startsWith(`${pointer}/`)),
  };
  const out: Breakage[] = [];
  const broken = (name: string, path: Path, value: unknown, issue: Omit<Issue, "path" | "pointer">) => {
    const copy = copyOf(example);
    setAt(copy, path, value);
    out.push({
      name: `${name} at ${pointerOf(path)}`,
      value: copy,
      issue: { path, pointer: pointerOf(path), ...issue },
    });
  };

  const walk = (node: unknown, schemas: Json[], path: Path) => {
    const parts = schemas.flatMap(fragments);
    if (parts.some((s) => "anyOf" in s || "oneOf" in s || "if" in s)) return;
    if (path.length > 0 && !skip.has(pointerOf(path))) {
      const types = parts.map((s) => s.type).find((t) => t !== undefined);
      const typeList = typeof types === "string" ? [types] : Array.isArray(types) ? (types as string[]) : [];
      const enums = parts.map((s) => s.enum).find(Array.isArray);
      const constant = parts.find((s) => "const" in s)?.const;
      const format = parts.map((s) => s.format).find((f) => typeof f === "string");
      const wrong = typeList[0] === undefined ? undefined : replacement(typeList[0]);
      if (wrong !== undefined && !enums && constant === undefined) {
        broken(`a value of type ${kindOf(wrong)} for ${typeList.join("/")}`, path, wrong, {
          message: `${dotted(path)}: expected ${typeList.join(" or ")}, received ${kindOf(wrong)}`,
          expected: typeList.join(" or "),
          received: kindOf(wrong),
        });
      }
      if (format === "date-time" && typeof node === "string") {
        broken("a date that is not a date-time", path, "yesterday", {
          message: `${dotted(path)}: expected ${dateTimeWording}, received "yesterday"`,
          expected: dateTimeWording,
          received: '"yesterday"',
        });
      }
      if (enums) {
        const expected = `one of ${enums.map((v) => JSON.stringify(v)).join(", ")}`;
        broken("a value outside the enum", path, "no.such.value", {
          message: `${dotted(path)}: expected ${expected}, received "no.such.value"`,
          expected,
          received: '"no.such.value"',
        });
      }
      if (typeof constant === "string") {
        const expected = JSON.stringify(constant);
        broken("another value than the const", path, "no.such.const", {
          message: `${dotted(path)}: expected ${expected}, received "no.such.const"`,
          expected,
          received: '"no.such.const"',
        });
      }
    }
    if (Array.isArray(node)) {
      const items = parts.map((s) => s.items).filter(isObject);
      for (const [i, item] of node.entries()) walk(item, items, [...path, i]);
    } else if (isObject(node)) {
      const required = new Set(parts.flatMap((s) => (Array.isArray(s.required) ? (s.required as string[]) : [])));
      for (const key of Object.keys(node)) {
        const child = [...path, key];
        if (required.has(key) && !skip.has(pointerOf(child))) {
          broken("a missing required field", child, undefined, {
            message: `${dotted(child)}: required field is missing`,
            expected: "a value",
            received: "nothing",
          });
        }
        const own = parts.map((s) => (isObject(s.properties) ? s.properties[key] : undefined)).filter(isObject);
        walk(node[key], own, child);
      }
    }
  };
  walk(example.value, [schema], []);
  return out;
}

/** The message of an `invalid_payload` error for `example`'s event whose first issue is `first`. */
export function payloadMessage(event: EventSchema, first: Issue, count = 1, truncated = false): string {
  const what =
    event.stem === event.eventType ? `${event.eventType} payload` : `${event.eventType} payload (${event.stem})`;
  const more = count > 1 ? ` (and ${count - 1}${truncated ? "+" : ""} more)` : "";
  return `Invalid ${what}: ${first.message}${more}`;
}
