import { decodeBody, type Body } from "./decode.js";
import { describeThrown, show, toIssues, valueAt, type ValidatorError } from "./issues.js";
import type { Issue, ParseError, ParseResult } from "./result.js";

/** A generated validator. */
export interface Check {
  (value: unknown): boolean;
  errors?: ValidatorError[] | null;
}

/** One schema of a catalogue: its event type, the sub-type consts that select it, and its validator. */
export interface EventEntry {
  type: string;
  /** Sub-type consts: JSON Pointer tokens to the value, and the value. */
  when: ReadonlyArray<readonly [ReadonlyArray<string>, string]>;
  /** The schema's name, `course.updated.title.changed`. */
  name: string;
  /**
   * Where other schemas carry the same consts: the fields this one requires that not all of them do, by the path
   * of the object that holds them. A value without them is tried against the others first.
   */
  needs?: ReadonlyArray<readonly [ReadonlyArray<string>, ReadonlyArray<string>]>;
  check: Check;
}

/** What the generated entry module says of a catalogue. */
export interface CatalogueInit {
  /** The envelope property that carries the event type. */
  typeProperty: string;
  envelope: Check;
  events: readonly EventEntry[];
}

/** The schemas of one event type, and where all are selected by one sub-type const at one path, by its value. */
interface TypeDispatch {
  entries: readonly EventEntry[];
  bySubType?: { path: ReadonlyArray<string>; entries: ReadonlyMap<string, readonly EventEntry[]> };
}

/** What parse needs to know of a catalogue: its description, and its schemas by event type. */
export interface CatalogueRuntime extends CatalogueInit {
  byType: ReadonlyMap<string, TypeDispatch>;
}

const samePath = (a: ReadonlyArray<string>, b: ReadonlyArray<string>) =>
  a.length === b.length && a.every((key, i) => key === b[i]);

function typeDispatch(entries: readonly EventEntry[]): TypeDispatch {
  const path = entries[0]!.when[0]?.[0];
  if (!path || !entries.every((entry) => entry.when.length === 1 && samePath(entry.when[0]![0], path)))
    return { entries };
  const bySubType = new Map<string, EventEntry[]>();
  for (const entry of entries) {
    const value = entry.when[0]![1];
    bySubType.set(value, [...(bySubType.get(value) ?? []), entry]);
  }
  return { entries, bySubType: { path, entries: bySubType } };
}

/** The catalogue with its lookup from event type (and sub-type) to schemas, built once when the package loads. */
export function catalogueRuntime(init: CatalogueInit): CatalogueRuntime {
  const byType = new Map<string, EventEntry[]>();
  for (const entry of init.events) byType.set(entry.type, [...(byType.get(entry.type) ?? []), entry]);
  return { ...init, byType: new Map([...byType].map(([type, entries]) => [type, typeDispatch(entries)])) };
}

/** `valueAt` without its closure: the success path of `parse` allocates nothing but its result. */
function readAt(root: unknown, path: ReadonlyArray<string>): unknown {
  let node = root;
  for (let i = 0; i < path.length; i++) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[path[i]!];
  }
  return node;
}

function selects(entry: EventEntry, value: unknown): boolean {
  for (let i = 0; i < entry.when.length; i++) {
    const [path, expected] = entry.when[i]!;
    if (readAt(value, path) !== expected) return false;
  }
  return true;
}

const none: readonly EventEntry[] = [];

function invalid(value: unknown, errors: readonly ValidatorError[], what: string): { ok: false; error: ParseError } {
  const { issues, truncated } = toIssues(value, errors);
  const more = issues.length > 1 ? ` (and ${issues.length - 1}${truncated ? "+" : ""} more)` : "";
  return {
    ok: false,
    error: {
      code: "invalid_payload",
      message: `Invalid ${what}: ${issues[0]?.message ?? "it does not match its schema"}${more}`,
      issues,
      truncated,
    },
  };
}

function wrongSubType(value: unknown, type: string, entries: readonly EventEntry[]): { ok: false; error: ParseError } {
  const [path] = entries[0]!.when[0]!;
  const allowed = [...new Set(entries.map((entry) => entry.when[0]![1]))];
  const expected = `one of ${allowed.map((v) => JSON.stringify(v)).join(", ")}`;
  const received = show(valueAt(value, path));
  const issue: Issue = {
    path: [...path],
    pointer: `/${path.join("/")}`,
    message: `${path.join(".")}: expected ${expected}, received ${received}`,
    expected,
    received,
  };
  return {
    ok: false,
    error: {
      code: "invalid_payload",
      message: `Invalid ${type} payload: ${issue.message}`,
      issues: [issue],
      truncated: false,
    },
  };
}

/** Only a value with throwing getters or proxies makes validation throw: parsed JSON cannot. */
function unreadable(thrown: unknown): { ok: false; error: ParseError } {
  return {
    ok: false,
    error: {
      code: "invalid_payload",
      message: `The value could not be read: ${describeThrown(thrown)}`,
      issues: [],
      truncated: false,
    },
  };
}

/** Validates `value` as an event of `type`: picks the sub-type by its consts, then runs its validator. Never throws. */
export function validateEvent<E>(catalogue: CatalogueRuntime, type: string, value: unknown): ParseResult<E> {
  try {
    return validateAs<E>(catalogue, type, value);
  } catch (thrown) {
    return unreadable(thrown);
  }
}

function validateAs<E>(catalogue: CatalogueRuntime, type: string, value: unknown): ParseResult<E> {
  const dispatch = catalogue.byType.get(type);
  if (dispatch === undefined)
    return {
      ok: false,
      error: { code: "unknown_event", type, message: `"${type}" is not an event type of this catalogue.` },
    };
  return validateDispatched(dispatch, type, value);
}

/** Whether `value` has every field `entry` needs (those that tell it from schemas with the same consts). */
function hasNeeds(entry: EventEntry, value: unknown): boolean {
  const needs = entry.needs;
  if (needs === undefined) return true;
  for (let i = 0; i < needs.length; i++) {
    const [path, names] = needs[i]!;
    const holder = readAt(value, path);
    if (holder === null || typeof holder !== "object") return false;
    for (let j = 0; j < names.length; j++)
      if ((holder as Record<string, unknown>)[names[j]!] === undefined) return false;
  }
  return true;
}

/**
 * Runs the validators of the schemas the sub-type consts select, in catalogue order, until one passes: first those
 * whose distinguishing fields the value has, then the others. If none passes, the one with the fewest errors says
 * what is wrong.
 */
function validateDispatched<E>(dispatch: TypeDispatch, type: string, value: unknown): ParseResult<E> {
  const { bySubType } = dispatch;
  const pool = bySubType ? (bySubType.entries.get(readAt(value, bySubType.path) as string) ?? none) : dispatch.entries;
  let best: EventEntry | undefined;
  let bestErrors: ValidatorError[] = [];
  let bestIndex = 0;
  let skipped = false;
  // Round 0: the schemas whose distinguishing fields the value has; round 1, if any was passed over: the others.
  for (let round = 0; round < 2; round++) {
    if (round === 1 && !skipped) break;
    for (let i = 0; i < pool.length; i++) {
      const entry = pool[i]!;
      // Every schema found by the sub-type's value carries that value: only a pool by type needs selecting.
      if (bySubType === undefined && !selects(entry, value)) continue;
      if ((hasNeeds(entry, value) ? 0 : 1) !== round) {
        if (round === 0) skipped = true;
        continue;
      }
      if (entry.check(value)) return { ok: true, event: value as E };
      const errors = entry.check.errors ?? [];
      // The fewest errors, and of as few, the schema first in the catalogue, whatever the round.
      const fewer = errors.length < bestErrors.length || (errors.length === bestErrors.length && i < bestIndex);
      if (best === undefined || fewer) {
        best = entry;
        bestErrors = errors;
        bestIndex = i;
      }
    }
  }
  if (best !== undefined)
    return invalid(value, bestErrors, best.name === type ? `${type} payload` : `${type} payload (${best.name})`);
  const { entries } = dispatch;
  const [path] = entries[0]!.when[0]!;
  // Where the sub-type cannot even be read (its object is missing), the schema says best what is wrong.
  const holder = valueAt(value, path.slice(0, -1));
  if (holder === null || typeof holder !== "object") {
    entries[0]!.check(value);
    return invalid(value, entries[0]!.check.errors ?? [], `${type} payload`);
  }
  return wrongSubType(value, type, entries);
}

/**
 * Turns a body into an event: decodes and parses raw bodies, reads the envelope's type, and validates
 * the payload against that event's schema. Never throws.
 */
export function parseEvent<E>(catalogue: CatalogueRuntime, input: Body): ParseResult<E> {
  try {
    return parseDecoded(catalogue, input);
  } catch (thrown) {
    return unreadable(thrown);
  }
}

function parseDecoded<E>(catalogue: CatalogueRuntime, input: Body): ParseResult<E> {
  let value = input;
  // A value a framework already parsed is used as it is, with nothing allocated to carry it.
  if (typeof input === "string" || input instanceof Uint8Array) {
    const decoded = decodeBody(input);
    if (!decoded.ok) return { ok: false, error: { code: "invalid_json", message: decoded.message } };
    value = decoded.value;
  }
  const type =
    value !== null && typeof value === "object"
      ? (value as Record<string, unknown>)[catalogue.typeProperty]
      : undefined;
  const dispatch = typeof type === "string" ? catalogue.byType.get(type) : undefined;
  if (dispatch !== undefined) return validateDispatched(dispatch, type as string, value);
  if (!catalogue.envelope(value)) return invalid(value, catalogue.envelope.errors ?? [], "envelope");
  return {
    ok: false,
    error: {
      code: "unknown_event",
      type: String(type),
      message:
        `Unknown event type ${JSON.stringify(type)}: the envelope is well-formed, so acknowledge the ` +
        `delivery and ignore it.`,
    },
  };
}
