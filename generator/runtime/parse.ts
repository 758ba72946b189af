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
  check: Check;
}

/** What parse needs to know of a catalogue. */
export interface CatalogueRuntime {
  /** The envelope property that carries the event type. */
  typeProperty: string;
  envelope: Check;
  events: readonly EventEntry[];
}

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
  const entries = catalogue.events.filter((entry) => entry.type === type);
  if (entries.length === 0)
    return {
      ok: false,
      error: { code: "unknown_event", type, message: `"${type}" is not an event type of this catalogue.` },
    };
  const candidates = entries.filter((entry) =>
    entry.when.every(([path, expected]) => valueAt(value, path) === expected),
  );
  if (candidates.length === 0) {
    const [path] = entries[0]!.when[0]!;
    // Where the sub-type cannot even be read (its object is missing), the schema says best what is wrong.
    const holder = valueAt(value, path.slice(0, -1));
    if (holder === null || typeof holder !== "object") {
      entries[0]!.check(value);
      return invalid(value, entries[0]!.check.errors ?? [], `${type} payload`);
    }
    return wrongSubType(value, type, entries);
  }
  let best: { entry: EventEntry; errors: ValidatorError[] } | undefined;
  for (const entry of candidates) {
    if (entry.check(value)) return { ok: true, event: value as E };
    const errors = entry.check.errors ?? [];
    if (!best || errors.length < best.errors.length) best = { entry, errors };
  }
  return invalid(
    value,
    best!.errors,
    best!.entry.name === type ? `${type} payload` : `${type} payload (${best!.entry.name})`,
  );
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
  const decoded = decodeBody(input);
  if (!decoded.ok) return { ok: false, error: { code: "invalid_json", message: decoded.message } };
  const value = decoded.value;
  const type = valueAt(value, [catalogue.typeProperty]);
  if (typeof type === "string" && catalogue.events.some((entry) => entry.type === type))
    return validateAs(catalogue, type, value);
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
