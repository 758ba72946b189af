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
  /** Reads the value of the first sub-type const (written out by the generator, as `has`). */
  subType?: (value: unknown) => unknown;
  /**
   * Where other schemas carry the same consts: whether the value has the fields this one requires that not all of
   * them do. A value without them is tried against the others first.
   */
  has?: (value: unknown) => boolean;
  check: Check;
}

/** The fields of a JSON object, as the generated readers see them. */
export type Fields = { readonly [key: string]: unknown };

/** Whether a value is an object whose fields can be read (arrays included, as JSON Pointers reach into them). */
export const isObject = (value: unknown): value is Fields => value !== null && typeof value === "object";

/** What the generated entry module says of a catalogue. */
export interface CatalogueInit {
  /** The envelope property that carries the event type. */
  typeProperty: string;
  envelope: Check;
  events: readonly EventEntry[];
}

/** The schemas of one event type, and where all are selected by one sub-type const at one path, by its value. */
interface TypeDispatch {
  type: string;
  entries: readonly EventEntry[];
  bySubType?: { read: (value: unknown) => unknown; entries: ReadonlyMap<string, readonly EventEntry[]> };
}

/** What parse needs to know of a catalogue: its description, and its schemas by event type. */
export interface CatalogueRuntime extends CatalogueInit {
  byType: ReadonlyMap<string, TypeDispatch>;
}

const samePath = (a: ReadonlyArray<string>, b: ReadonlyArray<string>) =>
  a.length === b.length && a.every((key, i) => key === b[i]);

function typeDispatch(type: string, entries: readonly EventEntry[]): TypeDispatch {
  const path = entries[0]!.when[0]?.[0];
  if (!path || !entries.every((entry) => entry.when.length === 1 && samePath(entry.when[0]![0], path)))
    return { type, entries };
  const bySubType = new Map<string, EventEntry[]>();
  for (const entry of entries) {
    const value = entry.when[0]![1];
    bySubType.set(value, [...(bySubType.get(value) ?? []), entry]);
  }
  const read = entries[0]!.subType ?? ((value: unknown) => readAt(value, path));
  return { type, entries, bySubType: { read, entries: bySubType } };
}

/** The catalogue with its lookup from event type (and sub-type) to schemas, built once when the package loads. */
export function catalogueRuntime(init: CatalogueInit): CatalogueRuntime {
  const byType = new Map<string, EventEntry[]>();
  for (const entry of init.events) byType.set(entry.type, [...(byType.get(entry.type) ?? []), entry]);
  return { ...init, byType: new Map([...byType].map(([type, entries]) => [type, typeDispatch(type, entries)])) };
}

/** `valueAt` without its closure: the success path of `parse` allocates nothing but its result. */
function readAt(root: unknown, path: ReadonlyArray<string>): unknown {
  let node = root;
  for (let i = 0; i < path.length; i++) {
    if (!isObject(node)) return undefined;
    node = node[path[i]!];
  }
  return node;
}

function selects(entry: EventEntry, value: unknown): boolean {
  const when = entry.when;
  for (let i = 0; i < when.length; i++) if (readAt(value, when[i]![0]) !== when[i]![1]) return false;
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
const hasNeeds = (entry: EventEntry, value: unknown): boolean => entry.has === undefined || entry.has(value);

/**
 * Runs the validators of the schemas the sub-type consts select, in catalogue order, until one passes: first those
 * whose distinguishing fields the value has, then the others. If none passes, `rejected` says what is wrong.
 */
function validateDispatched<E>(dispatch: TypeDispatch, type: string, value: unknown): ParseResult<E> {
  const { bySubType } = dispatch;
  const pool = bySubType ? (bySubType.entries.get(bySubType.read(value) as string) ?? none) : dispatch.entries;
  // Every schema found by the sub-type's value carries that value: only a pool by type needs selecting.
  const selected = bySubType !== undefined;
  for (let i = 0; i < pool.length; i++) {
    const entry = pool[i]!;
    if ((selected || selects(entry, value)) && hasNeeds(entry, value) && entry.check(value))
      return { ok: true, event: value as E };
  }
  // Only a schema with distinguishing fields the value lacks is left to try.
  for (let i = 0; i < pool.length; i++) {
    const entry = pool[i]!;
    if (hasNeeds(entry, value) || !(selected || selects(entry, value))) continue;
    if (entry.check(value)) return { ok: true, event: value as E };
  }
  return rejected(dispatch, pool, selected, type, value);
}

/** Why no schema of the pool passes: the one with the fewest errors says, and of as few, the first in the catalogue. */
function rejected(
  dispatch: TypeDispatch,
  pool: readonly EventEntry[],
  selected: boolean,
  type: string,
  value: unknown,
): { ok: false; error: ParseError } {
  let best: EventEntry | undefined;
  let bestErrors: ValidatorError[] = [];
  for (const entry of pool) {
    if (!selected && !selects(entry, value)) continue;
    // A lone schema's errors are still those of the call that just failed; of several, each is asked again.
    if (pool.length > 1) entry.check(value);
    const errors = entry.check.errors ?? [];
    if (best === undefined || errors.length < bestErrors.length) {
      best = entry;
      bestErrors = errors;
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

/** The schemas of a value's event type, where it is an object whose type property names one. */
function dispatchOf(catalogue: CatalogueRuntime, value: unknown): TypeDispatch | undefined {
  if (!isObject(value)) return undefined;
  const type = value[catalogue.typeProperty];
  return typeof type === "string" ? catalogue.byType.get(type) : undefined;
}

function parseDecoded<E>(catalogue: CatalogueRuntime, input: Body): ParseResult<E> {
  // A value a framework already parsed is used as it is, with nothing allocated to carry it (bytes have no event
  // type to find, and are decoded below).
  const parsed = dispatchOf(catalogue, input);
  if (parsed !== undefined) return validateDispatched(parsed, parsed.type, input);
  let value = input;
  if (typeof input === "string" || input instanceof Uint8Array) {
    const decoded = decodeBody(input);
    if (!decoded.ok) return { ok: false, error: { code: "invalid_json", message: decoded.message } };
    value = decoded.value;
  }
  const dispatch = dispatchOf(catalogue, value);
  if (dispatch !== undefined) return validateDispatched(dispatch, dispatch.type, value);
  const type = isObject(value) ? value[catalogue.typeProperty] : undefined;
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
