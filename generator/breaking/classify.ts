import { isObject, type JsonObject } from "../schema-walk.js";
import type { Change, ChangeKind, Effect } from "./change.js";
import { flatten } from "./flatten.js";

/** Which event a schema belongs to, to label its changes. */
export interface Where {
  package: string;
  event: string;
}

type Push = (path: string, kind: ChangeKind, effect: Effect, change: string) => void;

const show = (value: unknown): string => JSON.stringify(value);
const same = (x: unknown, y: unknown): boolean => show(x) === show(y);
const at = (path: string, name: string): string => (path ? `${path}.${name}` : name);
const list = (values: readonly unknown[]): string => values.map(show).join(", ");

/** The types a schema allows, or undefined when it names none (any). */
function typesOf(schema: JsonObject): string[] | undefined {
  if (typeof schema.type === "string") return [schema.type];
  if (Array.isArray(schema.type)) return schema.type.filter((t) => typeof t === "string");
  return undefined;
}

const covers = (types: readonly string[], t: string): boolean =>
  types.includes(t) || (t === "integer" && types.includes("number"));

function compareTypes(b: JsonObject, a: JsonObject, path: string, push: Push): void {
  const before = typesOf(b);
  const after = typesOf(a);
  if (!before && !after) return;
  if (!before) {
    push(path, "type-narrowed", "stricter", `type narrowed from any to ${after!.join(" | ")}`);
    return;
  }
  if (!after) {
    push(path, "type-changed", "breaking", `type changed from ${before.join(" | ")} to any`);
    return;
  }
  const wasNull = before.includes("null");
  const isNull = after.includes("null");
  if (!wasNull && isNull) push(path, "made-nullable", "breaking", "field made nullable");
  if (wasNull && !isNull) push(path, "no-longer-nullable", "stricter", "null no longer accepted");
  const b0 = before.filter((t) => t !== "null");
  const a0 = after.filter((t) => t !== "null");
  if (!b0.length || !a0.length) return;
  const from = b0.join(" | ");
  const to = a0.join(" | ");
  if (a0.some((t) => !covers(b0, t))) push(path, "type-changed", "breaking", `type changed from ${from} to ${to}`);
  else if (b0.some((t) => !covers(a0, t))) {
    push(path, "type-narrowed", "stricter", `type narrowed from ${from} to ${to}`);
  }
}

/** The values a schema allows (`const` or `enum`), or undefined when it lists none. */
const valuesOf = (schema: JsonObject): unknown[] | undefined =>
  "const" in schema ? [schema.const] : Array.isArray(schema.enum) ? schema.enum : undefined;

function compareValues(b: JsonObject, a: JsonObject, path: string, push: Push): void {
  const before = valuesOf(b);
  const after = valuesOf(a);
  if (!before && !after) return;
  if (!before) {
    push(path, "values-restricted", "stricter", `values restricted to ${list(after!)}`);
    return;
  }
  if (!after) {
    push(path, "values-unrestricted", "breaking", `values no longer restricted (were ${list(before)})`);
    return;
  }
  if ("const" in b && "const" in a) {
    const text = `const changed from ${show(b.const)} to ${show(a.const)}`;
    if (!same(b.const, a.const)) push(path, "const-changed", "breaking", text);
    return;
  }
  const added = after.filter((v) => !before.some((w) => same(v, w)));
  const removed = before.filter((v) => !after.some((w) => same(v, w)));
  if (added.length) push(path, "value-added", "breaking", `enum value added: ${list(added)}`);
  if (removed.length) push(path, "value-removed", "stricter", `enum value removed: ${list(removed)}`);
}

function compareString(keyword: "format" | "pattern", b: JsonObject, a: JsonObject, path: string, push: Push): void {
  const before = b[keyword];
  const after = a[keyword];
  if (same(before, after)) return;
  if (before === undefined) push(path, `${keyword}-added`, "stricter", `${keyword} added: ${show(after)}`);
  else if (after === undefined) push(path, `${keyword}-removed`, "compatible", `${keyword} removed: ${show(before)}`);
  else push(path, `${keyword}-changed`, "stricter", `${keyword} changed from ${show(before)} to ${show(after)}`);
}

const lowerBounds = ["minLength", "minimum", "exclusiveMinimum", "minItems", "minProperties"];
const upperBounds = ["maxLength", "maximum", "exclusiveMaximum", "maxItems", "maxProperties"];

function compareBounds(b: JsonObject, a: JsonObject, path: string, push: Push): void {
  for (const keyword of [...lowerBounds, ...upperBounds, "multipleOf", "uniqueItems"]) {
    const before = b[keyword];
    const after = a[keyword];
    if (same(before, after)) continue;
    const text = `${keyword} changed from ${show(before) ?? "none"} to ${show(after) ?? "none"}`;
    let tighter: boolean;
    if (after === undefined || after === false) tighter = false;
    else if (before === undefined || before === false) tighter = true;
    else if (lowerBounds.includes(keyword)) tighter = Number(after) > Number(before);
    else if (upperBounds.includes(keyword)) tighter = Number(after) < Number(before);
    else tighter = true;
    push(path, tighter ? "bound-tightened" : "bound-loosened", tighter ? "stricter" : "compatible", text);
  }
}

const asSchema = (value: unknown): JsonObject => (isObject(value) ? value : {});
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v) => typeof v === "string") : []);
const propertiesOf = (schema: JsonObject): JsonObject => (isObject(schema.properties) ? schema.properties : {});

function compareProperties(b: JsonObject, a: JsonObject, path: string, push: Push): void {
  const bp = propertiesOf(b);
  const ap = propertiesOf(a);
  const breq = new Set(strings(b.required));
  const areq = new Set(strings(a.required));
  const names = [...new Set([...Object.keys(bp), ...breq, ...Object.keys(ap), ...areq])].sort();
  for (const name of names) {
    const here = at(path, name);
    const wasThere = name in bp || breq.has(name);
    const isThere = name in ap || areq.has(name);
    if (wasThere && !isThere) push(here, "field-removed", "breaking", "field removed");
    else if (!wasThere && isThere) {
      if (areq.has(name)) push(here, "field-added-required", "stricter", "required field added");
      else push(here, "field-added", "compatible", "optional field added");
    } else {
      if (breq.has(name) && !areq.has(name)) push(here, "made-optional", "breaking", "field made optional");
      if (!breq.has(name) && areq.has(name)) push(here, "made-required", "stricter", "field made required");
      compareNode(asSchema(bp[name]), asSchema(ap[name]), here, push);
    }
  }
}

function compareAdditional(b: JsonObject, a: JsonObject, path: string, push: Push): void {
  const before = b.additionalProperties;
  const after = a.additionalProperties;
  if (before !== false && after === false) {
    push(path, "additional-closed", "stricter", "undocumented fields now rejected");
  } else if (before === false && after !== false) {
    push(path, "additional-opened", "compatible", "undocumented fields now accepted");
  } else if (isObject(before) && isObject(after)) compareNode(before, after, `${path}{*}`, push);
  else if (!same(before, after)) push(path, "keyword-changed", "stricter", "additionalProperties changed");
}

function compareItems(b: JsonObject, a: JsonObject, path: string, push: Push): void {
  const before = b.items;
  const after = a.items;
  if (same(before, after)) return;
  if (isObject(before) && isObject(after)) {
    compareNode(before, after, `${path}[]`, push);
    return;
  }
  if (Array.isArray(before) && Array.isArray(after) && before.length === after.length) {
    before.forEach((item, i) => {
      compareNode(asSchema(item), asSchema(after[i]), `${path}[${i}]`, push);
    });
    return;
  }
  if (before === undefined) push(path, "items-changed", "stricter", "items constrained");
  else push(path, "items-changed", "breaking", "item type changed");
}

const isNullOnly = (schema: unknown): boolean => isObject(schema) && same(typesOf(schema), ["null"]);

/** Pairs equal branches first, then the rest in order; what is left over was added or removed. */
function compareVariants(keyword: "anyOf" | "oneOf", b: JsonObject, a: JsonObject, path: string, push: Push): void {
  const before = Array.isArray(b[keyword]) ? (b[keyword] as unknown[]) : undefined;
  const after = Array.isArray(a[keyword]) ? (a[keyword] as unknown[]) : undefined;
  if (!before && !after) return;
  if (!before) {
    push(path, "keyword-changed", "stricter", `${keyword} added: values must match its schemas`);
    return;
  }
  if (!after) {
    push(path, "keyword-changed", "breaking", `${keyword} removed: values no longer limited by it`);
    return;
  }
  const restB = before.filter((x) => !after.some((y) => same(x, y)));
  const restA = after.filter((y) => !before.some((x) => same(x, y)));
  const realB = restB.filter((x) => !isNullOnly(x));
  const realA = restA.filter((y) => !isNullOnly(y));
  const pairs = Math.min(realB.length, realA.length);
  for (let i = 0; i < pairs; i++) {
    const x = realB[i];
    const y = realA[i];
    compareNode(asSchema(x), asSchema(y), `${path}<${keyword} ${after.indexOf(y) + 1}>`, push);
  }
  if (restA.some(isNullOnly)) push(path, "made-nullable", "breaking", "field made nullable");
  if (restB.some(isNullOnly)) push(path, "no-longer-nullable", "stricter", "null no longer accepted");
  for (const y of realA.slice(pairs)) push(path, "variant-added", "breaking", `${keyword} variant added: ${show(y)}`);
  for (const x of realB.slice(pairs)) {
    push(path, "variant-removed", "stricter", `${keyword} variant removed: ${show(x)}`);
  }
}

/** Keywords this classifier does not understand in detail: any change is taken as stricter. */
const opaque = [
  "not",
  "if",
  "then",
  "else",
  "dependencies",
  "patternProperties",
  "propertyNames",
  "contains",
  "additionalItems",
];

function compareNode(before: JsonObject, after: JsonObject, path: string, push: Push): void {
  const b = flatten(before);
  const a = flatten(after);
  if (b.title !== a.title) push(path, "title-changed", "compatible", "title changed");
  if (b.description !== a.description) push(path, "description-changed", "compatible", "description changed");
  compareTypes(b, a, path, push);
  compareValues(b, a, path, push);
  compareString("format", b, a, path, push);
  compareString("pattern", b, a, path, push);
  compareBounds(b, a, path, push);
  compareProperties(b, a, path, push);
  compareAdditional(b, a, path, push);
  compareItems(b, a, path, push);
  compareVariants("anyOf", b, a, path, push);
  compareVariants("oneOf", b, a, path, push);
  for (const keyword of opaque) {
    if (!same(b[keyword], a[keyword])) push(path, "keyword-changed", "stricter", `${keyword} changed (not analysed)`);
  }
}

/** Every change between two dereferenced schemas of one event, with its effect on consumers. */
export function classify(before: JsonObject, after: JsonObject, where: Where): Change[] {
  const changes: Change[] = [];
  compareNode(before, after, "", (path, kind, effect, change) => {
    changes.push({ ...where, path, change, effect, kind });
  });
  return changes;
}

/** Every change between two versions of a package's events (event name → dereferenced schema). */
export function classifyPackage(
  name: string,
  before: ReadonlyMap<string, JsonObject>,
  after: ReadonlyMap<string, JsonObject>,
): Change[] {
  const events = [...new Set([...before.keys(), ...after.keys()])].sort();
  return events.flatMap((event): Change[] => {
    const b = before.get(event);
    const a = after.get(event);
    const where = { package: name, event };
    if (!a) return [{ ...where, path: "", change: "event removed", effect: "breaking", kind: "event-removed" }];
    if (!b) return [{ ...where, path: "", change: "event added", effect: "compatible", kind: "event-added" }];
    return classify(b, a, where);
  });
}
