import type { Drift } from "./drift.js";
import type { DeliveryContext, Failure, InvalidContext } from "./handler.js";
import { functionProblem, isRecord, numberProblem, verifyOptionsProblem } from "./options.js";
import type { ParseError } from "./result.js";
import { memoryStore, type DeliveryStore } from "./store.js";
import { secretProblem, type Secret, type SignatureScheme, type VerifyOptions } from "./verify.js";

/** One function per event type, each receiving exactly its event; names outside the catalogue are type errors. */
export type EventHandlers<M> = { [T in keyof M]?: (event: M[T], context: DeliveryContext) => unknown };

/** Where the handler writes one line per answered delivery: `info` for 2xx, `warn` for 4xx, `error` for 5xx. */
export interface Log {
  debug?: (message: string, fields: Record<string, unknown>) => unknown;
  info?: (message: string, fields: Record<string, unknown>) => unknown;
  warn?: (message: string, fields: Record<string, unknown>) => unknown;
  error?: (message: string, fields: Record<string, unknown>) => unknown;
}

/** Why a genuine delivery is not an event: its body is not JSON, or not a valid event. */
export type InvalidError = Exclude<ParseError, { code: "unknown_event" }>;

export interface HandlerOptions<M> {
  /** The signing secret (several, for rotation), or for eduMe `{ signatureSecret, bearerToken }`. */
  secret: Secret;
  /** The handler for each event type (more with `webhooks.on(types, handler)`). */
  on?: EventHandlers<M>;
  /** Called for every genuine, valid event after its typed handlers. */
  onAny?: (event: M[keyof M], context: DeliveryContext) => unknown;
  /**
   * Called before the handlers for a genuine, valid event that carries fields its schema does not document
   * (`drift.fields`: `data.member.nickname`); the event is handled as usual. Nothing is computed when unset.
   */
  onDrift?: (event: M[keyof M], drift: Drift, context: DeliveryContext) => unknown;
  /** Called for a genuine delivery of an event type this package does not know; it is answered 202. */
  onUnknown?: (type: string, context: DeliveryContext) => unknown;
  /**
   * Called for a genuine delivery whose body is not a valid event (`value` is the parsed JSON, or the text when
   * it is not JSON). When set and it resolves, the delivery is answered 202: keep `context.rawBody`, fix the
   * schema, replay. Without it such a delivery is answered 400.
   */
  onInvalid?: (value: unknown, error: InvalidError, context: InvalidContext) => unknown;
  /**
   * Called for every delivery not answered 2xx (but 405 and 409) and when the store fails: with what a handler threw,
   * or the verification or parse error (`{ code, message }`), the event where there is one, and what failed.
   */
  onError?: (error: unknown, event: M[keyof M] | undefined, failure: Failure) => unknown;
  /** A logger (`console`, pino…): one line per answered delivery. */
  log?: Log;
  verify?: VerifyOptions;
  /** The largest body read, in bytes (default 1 MiB); checked from `content-length`, then while reading: 413. */
  maxBodyBytes?: number;
  /** How long the body may take to arrive, in ms (default 5,000): 408 after that. */
  readTimeoutMs?: number;
  /** How long the handlers of one delivery may run, in ms (default 8,000, under Teachfloor's 10 s): 503 after that. */
  timeoutMs?: number;
  /**
   * Handle each delivery id once (default: in this process's memory, ids kept 24 hours). A duplicate of a handled
   * delivery is answered 200 without calling handlers; a failed one releases its id so the retry is handled.
   * Give a shared `store` when several instances receive, or `false` to turn it off.
   */
  deduplicate?: false | { store?: DeliveryStore; keepSeconds?: number };
}

/** The options with every default filled in. */
export function defaults<M>(options: HandlerOptions<M>) {
  const dedupe = options.deduplicate;
  return {
    maxBodyBytes: options.maxBodyBytes ?? 1024 * 1024,
    readTimeoutMs: options.readTimeoutMs ?? 5_000,
    timeoutMs: options.timeoutMs ?? 8_000,
    deduplicate:
      dedupe === false
        ? undefined
        : { store: dedupe?.store ?? memoryStore(), keepSeconds: dedupe?.keepSeconds ?? 86_400 },
  };
}

/** Whether `value` is an object whose `methods` are functions (or, where `optional`, absent). */
const hasMethods = (value: unknown, methods: readonly string[], optional: boolean): boolean =>
  isRecord(value) && methods.every((m) => typeof value[m] === "function" || (optional && value[m] === undefined));

const storeProblem = (store: unknown): string | undefined =>
  store === undefined || hasMethods(store, ["claim", "complete", "release"], false)
    ? undefined
    : "deduplicate.store must have claim, complete and release methods.";

const logProblem = (log: unknown): string | undefined =>
  log === undefined || hasMethods(log, ["debug", "info", "warn", "error"], true)
    ? undefined
    : "log must be an object whose debug, info, warn and error are functions.";

function deduplicateProblems(dedupe: unknown): Array<string | undefined> {
  if (dedupe === undefined || dedupe === false) return [];
  if (!isRecord(dedupe)) return ["deduplicate must be false or { store?, keepSeconds? }."];
  return [storeProblem(dedupe.store), numberProblem("deduplicate.keepSeconds", dedupe.keepSeconds, 1)];
}

/** Every problem with createHandler's options. */
export function handlerOptionsProblems(scheme: SignatureScheme, options: unknown): string[] {
  if (!isRecord(options)) return ["the options must be an object."];
  const on = options.on;
  const handlers = isRecord(on) ? Object.entries(on).map(([type, run]) => functionProblem(`on["${type}"]`, run)) : [];
  return [
    secretProblem(scheme, options.secret as Secret),
    on === undefined || isRecord(on) ? undefined : "on must be an object of handlers by event type.",
    ...handlers,
    ...["onAny", "onDrift", "onUnknown", "onInvalid", "onError"].map((name) => functionProblem(name, options[name])),
    logProblem(options.log),
    verifyOptionsProblem(options.verify),
    numberProblem("maxBodyBytes", options.maxBodyBytes, 1),
    numberProblem("readTimeoutMs", options.readTimeoutMs, 1),
    numberProblem("timeoutMs", options.timeoutMs, 1),
    ...deduplicateProblems(options.deduplicate),
  ].filter((problem): problem is string => problem !== undefined);
}

/** Throws at start-up, naming every problem, rather than failing on the first delivery. */
export function checkHandlerOptions(scheme: SignatureScheme, options: unknown): void {
  const problems = handlerOptionsProblems(scheme, options);
  if (problems.length > 0) throw new TypeError(`createHandler: ${problems.join(" ")}`);
}
