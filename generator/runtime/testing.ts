// Test deliveries for users' tests (the `testing` subpath): a documented example or a given payload, with a fresh
// delivery id and timestamp where the provider's envelope carries them, signed exactly as the provider signs.
import { toHex } from "./crypto.js";
import { signDelivery, type SignatureScheme } from "./verify.js";

/** Where the provider's envelope carries its delivery id and time of sending (the catalogue's `delivery.json`). */
export interface FreshFields {
  /** The envelope property of the id, the prefix of the ids the provider makes, the header that repeats it. */
  id?: { property: string; prefix: string; header?: string };
  timestamp?: { property: string };
}

/** One event of a catalogue as named on the wire: `course.join`, or with its sub-type `course.updated:team.removed`. */
export interface EventInfo {
  name: string;
  /** The envelope's event type. */
  type: string;
  /** The sub-type (eduMe's `payload.type`), for events that have one. */
  subType?: string;
  /** The schema's name: `course.updated.team.removed` (its docs page and `schemas/<schema>.json`). */
  schema: string;
  /** The package's type guard of the schema: `isCourseUpdatedTeamRemoved`. */
  guard: string;
  /** Whether the provider documents an example (then `testDelivery` needs no payload). */
  example: boolean;
}

export interface TestingConfig {
  /** The envelope property that carries the event type (`type`, `event`). */
  typeProperty: string;
  signature: SignatureScheme;
  fresh: FreshFields;
  events: readonly EventInfo[];
}

export interface TestDeliveryOptions {
  /** The signing secret, as the receiver is given it. */
  secret: string;
  /** The event to send instead of the documented example; its id and timestamp are replaced by fresh ones. */
  payload?: unknown;
  /** Exactly these bytes, signed as they are, nothing replaced: for payloads that are broken on purpose. */
  rawBody?: string;
  /** The delivery id to send instead of a fresh one: a replay of a delivery sent before. */
  id?: string;
  /** The time of sending (default: now). */
  timestamp?: Date;
}

/** What the provider would POST: the body, and the headers with its signature. */
export interface TestDelivery {
  body: string;
  headers: Record<string, string>;
  /** The delivery id in the envelope (Teachfloor, Whop); providers without one are identified by the body's hash. */
  id?: string;
}

/** The event that a name (or a schema name) stands for; an Error listing the names when there is none. */
export function findEvent(config: TestingConfig, name: string): EventInfo {
  const found = config.events.find((e) => e.name === name) ?? config.events.find((e) => e.schema === name);
  if (found) return found;
  const names = config.events.map((e) => e.name);
  const subTypes = names.filter((n) => n.startsWith(`${name}:`));
  const hint =
    subTypes.length > 0 ? `it has sub-types, name one: ${subTypes.join(", ")}` : `one of ${names.join(", ")}`;
  throw new Error(`Unknown event "${name}": ${hint}.`);
}

/** `prefix` + 24 random hex digits, like the provider's own ids. */
export const freshId = (prefix: string): string => prefix + toHex(crypto.getRandomValues(new Uint8Array(12)));

/**
 * ISO 8601 in UTC with as many fractional digits as `like` has (Teachfloor writes microseconds), and at least
 * milliseconds: where the timestamp is all that tells two deliveries apart, two in one second must differ.
 */
export function isoTime(date: Date, like: unknown): string {
  const found = typeof like === "string" ? (/\.(\d+)(?:Z|[+-]\d\d:?\d\d)$/i.exec(like)?.[1]?.length ?? 0) : 0;
  const [seconds, millis] = date.toISOString().slice(0, -1).split(".");
  return `${seconds}.${millis!.padEnd(Math.max(found, 3), "0")}Z`;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The id a raw body carries, when it is JSON with a string there. */
function idIn(body: string, property: string): string | undefined {
  try {
    const value: unknown = JSON.parse(body);
    return isRecord(value) && typeof value[property] === "string" ? value[property] : undefined;
  } catch {
    return undefined;
  }
}

/** Builds a signed delivery of `name`: its documented example or `options.payload`, with fresh id and timestamp. */
export async function buildTestDelivery(
  config: TestingConfig,
  examples: object,
  name: string,
  options: TestDeliveryOptions,
): Promise<TestDelivery> {
  const event = findEvent(config, name);
  if (typeof options.secret !== "string" || options.secret === "") throw new Error("testDelivery needs a secret.");
  const date = options.timestamp ?? new Date();
  if (Number.isNaN(date.getTime())) throw new Error("timestamp is not a valid Date.");
  const { id: idField, timestamp: timeField } = config.fresh;
  if (options.id !== undefined && !idField) {
    throw new Error(
      "This provider's deliveries carry no id (they are identified by the body's SHA-256): id does not apply.",
    );
  }
  const given =
    options.id ?? (options.rawBody !== undefined && idField ? idIn(options.rawBody, idField.property) : undefined);
  const id = idField ? (given ?? freshId(idField.prefix)) : undefined;
  let body: string;
  if (options.rawBody !== undefined) body = options.rawBody;
  else {
    const source = options.payload !== undefined ? options.payload : (examples as Record<string, unknown>)[event.name];
    if (source === undefined) throw new Error(`${event.name} has no documented example: give a payload.`);
    const payload: unknown = structuredClone(source);
    if (isRecord(payload) && idField) payload[idField.property] = id;
    if (isRecord(payload) && timeField) payload[timeField.property] = isoTime(date, payload[timeField.property]);
    body = JSON.stringify(payload);
  }
  const signOptions = { timestamp: Math.floor(date.getTime() / 1000), ...(id === undefined ? {} : { id }) };
  const signed = await signDelivery(config.signature, body, options.secret, signOptions);
  const headers: Record<string, string> = { "content-type": "application/json", ...signed };
  if (idField?.header && id !== undefined) headers[idField.header] = id;
  return id === undefined ? { body, headers } : { body, headers, id };
}
