import {
  declaredLength,
  readFetchBody,
  readNodeBody,
  type BodyFailure,
  type BodyLimits,
  type BodyRead,
  type NodeRequest,
} from "./body.js";
import { decodeBody } from "./decode.js";
import { eventDrift } from "./drift.js";
import { describeThrown } from "./issues.js";
import type { HeadersLike } from "./headers.js";
import { checkHandlerOptions, defaults, type HandlerOptions, type Log } from "./handler-options.js";
import type { CatalogueRuntime } from "./parse.js";
import { receiveDelivery, type DeliveryConfig, type DeliveryError } from "./receive.js";
import type { DeliveryStore } from "./store.js";
import type { RawBody } from "./verify.js";

/** What a handler is told besides the event. */
export interface DeliveryContext {
  /** The idempotency key (duplicates are filtered before handlers run, unless `deduplicate` is false). */
  deliveryId: string;
  /** Aborted when the handler's time limit (`timeoutMs`) passes: stop the work, the delivery is answered 503. */
  signal: AbortSignal;
}

/** What `onInvalid` is told: a genuine delivery whose payload does not match its schema. */
export interface InvalidContext extends DeliveryContext {
  /** The body exactly as received, to store and replay once the schema is fixed. */
  rawBody: RawBody;
}

/** What `onError` is told besides the error: what failed, the answer given, and the delivery id once known. */
export interface Failure {
  code: FailureCode;
  status: number;
  deliveryId?: string;
}

export type FailureCode =
  | DeliveryError["code"]
  | BodyFailure
  | "handler_failed"
  | "handler_timeout"
  | "store_failed"
  | "internal_error";

/** The answer to a delivery: a status, a short JSON body and any extra headers. */
export interface HandlerResponse {
  status: number;
  body: Record<string, unknown>;
  headers?: Record<string, string>;
}

/** A Node `http` / Express response. */
export interface NodeResponse {
  statusCode: number;
  setHeader(name: string, value: string): unknown;
  end(body: string): unknown;
  headersSent?: boolean;
  once?(event: "finish", listener: () => void): unknown;
}

/** A function that handles events of the types `T`. */
export type EventHandler<M, T extends keyof M> = (event: M[T], context: DeliveryContext) => unknown;

export interface WebhookHandler<M = Record<string, unknown>> {
  /** Verifies, parses and dispatches one delivery (`body` exactly as received). Never throws. */
  handle(body: RawBody, headers: HeadersLike): Promise<HandlerResponse>;
  /**
   * For Fetch-style runtimes: Next.js route handlers, Workers, Deno, and Hono as `(c) => webhooks.fetch(c.req.raw)`.
   * Always resolves.
   */
  fetch(request: Request): Promise<Response>;
  /** For Node `http` and Express: reads the raw body itself (mount it before any JSON body parser). Never rejects. */
  node(request: NodeRequest, response: NodeResponse): Promise<void>;
  /** Adds a handler for one event type or several; handlers of a type run in the order they were added. */
  on<T extends keyof M & string>(types: T | readonly T[], handler: EventHandler<M, T>): WebhookHandler<M>;
}

const answer = (status: number, error: string, message: string, headers?: Record<string, string>): HandlerResponse => ({
  status,
  body: { error, message },
  ...(headers && { headers }),
});

const bodyAnswers: Record<BodyFailure, (limits: BodyLimits) => HandlerResponse> = {
  payload_too_large: ({ maxBytes }) => answer(413, "payload_too_large", `The body is larger than ${maxBytes} bytes.`),
  body_timeout: ({ timeoutMs }) => answer(408, "body_timeout", `The body did not arrive within ${timeoutMs} ms.`),
  body_unreadable: () => answer(400, "body_unreadable", "The body could not be read: the connection failed."),
  raw_body_unavailable: () =>
    answer(
      500,
      "raw_body_unavailable",
      "A body parser read the body before the webhook handler, so its raw bytes are gone. Express: mount the handler " +
        'before express.json(), or use express.raw({ type: "*/*", limit: "1mb" }). Fastify: add a content-type ' +
        'parser with { parseAs: "buffer" } and pass request.body to handle(). Fetch runtimes: do not read the ' +
        "request first.",
    ),
};
// Marked pure so that a bundle using only a guard or `parse` leaves the handler's answers out.
const notPost = /* @__PURE__ */ answer(405, "method_not_allowed", "Webhook deliveries are POST requests.", {
  allow: "POST",
});
const internal = /* @__PURE__ */ answer(
  500,
  "internal_error",
  "The delivery could not be handled; the provider may retry.",
);

type Outcome = { ok: true } | { ok: false; code: "handler_failed" | "handler_timeout"; thrown: unknown };

/** Runs `work` with an abort signal and a time limit; a late rejection is caught, never left unhandled. */
async function withTimeLimit(work: (signal: AbortSignal) => Promise<unknown>, timeoutMs: number): Promise<Outcome> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<Outcome>((resolve) => {
    timer = setTimeout(() => {
      const thrown = new Error(`The handler did not settle within ${timeoutMs} ms.`);
      controller.abort(thrown);
      resolve({ ok: false, code: "handler_timeout", thrown });
    }, timeoutMs);
  });
  const run = work(controller.signal).then<Outcome, Outcome>(
    () => ({ ok: true }),
    (thrown) => ({ ok: false, code: "handler_failed", thrown }),
  );
  try {
    return await Promise.race([run, limit]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Ends a connection whose body was left unread (413, 408): the answer, then a FIN, then a reset after a grace
 * time. Closing at once would reset the connection under a client that is still sending, and lose the answer.
 */
function closeSoon(request: NodeRequest, response: NodeResponse): void {
  const socket = request.socket;
  if (request.complete !== false || !socket) return;
  const close = () => {
    socket.end();
    const timer: unknown = setTimeout(() => socket.destroy(), 500);
    (timer as { unref?: () => unknown }).unref?.(); // Node: the timer does not hold the process open
  };
  if (typeof response.once === "function") response.once("finish", close);
  else close();
}

/**
 * Calls one of the user's log functions, by the answer's status (`error` for 5xx, `warn` for 4xx, `info` for the
 * rest) unless a level is given; a failing log never changes the answer.
 */
function write(log: Log | undefined, status: number, message: string, fields: object, level?: keyof Log): void {
  level ??= status >= 500 ? "error" : status >= 400 ? "warn" : "info";
  try {
    log?.[level]?.(message, { status, ...fields });
  } catch {
    // the log sink failed: nothing else to tell
  }
}

/** Verify, parse, deduplicate, and call the handlers of the event's type within a time limit. */
export function createDeliveryHandler<M>(
  config: DeliveryConfig,
  catalogue: CatalogueRuntime,
  options: HandlerOptions<M>,
  schemas: Readonly<Record<string, Record<string, unknown>>> = {},
): WebhookHandler<M> {
  checkHandlerOptions(config.signature, options);
  const settings = defaults(options);
  const limits: BodyLimits = { maxBytes: settings.maxBodyBytes, timeoutMs: settings.readTimeoutMs };
  const handlers = new Map<string, Array<EventHandler<M, keyof M>>>();
  for (const [type, run] of Object.entries(options.on ?? {})) {
    if (run) handlers.set(type, [run as EventHandler<M, keyof M>]);
  }

  /** Tells the log and onError of a failure; resolves to the answer given. */
  const tell = async (thrown: unknown, event: M[keyof M] | undefined, failure: Failure, message: string) => {
    const level = failure.code === "store_failed" ? "error" : undefined;
    write(options.log, failure.status, message, { ...failure, error: describeThrown(thrown) }, level);
    try {
      await options.onError?.(thrown, event, failure);
    } catch {
      // onError itself failed: the answer is the same
    }
  };
  const report = async (
    thrown: unknown,
    event: M[keyof M] | undefined,
    failure: Failure,
    response: HandlerResponse,
  ): Promise<HandlerResponse> => {
    await tell(thrown, event, failure, `webhook delivery answered ${response.status} ${failure.code}`);
    return response;
  };

  /** Runs `work` once per delivery id: a handled id is acknowledged, one being handled is answered 409. */
  const once = async (deliveryId: string, work: () => Promise<HandlerResponse>): Promise<HandlerResponse> => {
    const dedupe = settings.deduplicate;
    if (!dedupe) return work();
    const key = `${config.scope}:${deliveryId}`;
    const store: DeliveryStore = dedupe.store;
    let claim: unknown;
    try {
      claim = await store.claim(key, Math.ceil(settings.timeoutMs / 1000) + 5);
    } catch (thrown) {
      // Without the store, a duplicate may be handled twice; that is better than losing a delivery.
      const response = await work();
      await tell(
        thrown,
        undefined,
        { code: "store_failed", status: response.status, deliveryId },
        "webhook store failed",
      );
      return response;
    }
    if (claim === "done") {
      write(options.log, 200, "webhook delivery already handled", { deliveryId, duplicate: true });
      return { status: 200, body: { received: true, duplicate: true } };
    }
    if (claim === "in_progress") {
      write(options.log, 409, "webhook delivery being handled", { deliveryId, duplicate: true }, "info");
      return answer(409, "delivery_in_progress", "This delivery is being handled; the provider may retry.", {
        "retry-after": "10",
      });
    }
    const response = await work();
    try {
      await (response.status < 300 ? store.complete(key, dedupe.keepSeconds) : store.release(key));
    } catch (thrown) {
      await tell(
        thrown,
        undefined,
        { code: "store_failed", status: response.status, deliveryId },
        "webhook store failed",
      );
    }
    return response;
  };

  /** Runs the user's code for a delivery within the time limit: 500 if it throws, 503 if it overruns. */
  const run = async (
    deliveryId: string,
    event: M[keyof M] | undefined,
    what: string,
    done: HandlerResponse,
    work: (signal: AbortSignal) => Promise<unknown>,
  ): Promise<HandlerResponse> => {
    const outcome = await withTimeLimit(work, settings.timeoutMs);
    if (outcome.ok) {
      write(options.log, done.status, `webhook delivery ${what}`, { deliveryId });
      return done;
    }
    const response =
      outcome.code === "handler_timeout"
        ? answer(503, "handler_timeout", `The ${what} handler did not finish in time; the provider may retry.`)
        : answer(500, "handler_failed", `The ${what} handler failed; the provider may retry.`);
    return report(outcome.thrown, event, { code: outcome.code, status: response.status, deliveryId }, response);
  };

  /** Tells onDrift of the undocumented fields an accepted event carries; its failure is logged, never answered. */
  const reportDrift = async (event: M[keyof M], context: DeliveryContext) => {
    const onDrift = options.onDrift;
    if (!onDrift) return;
    try {
      const drift = eventDrift(catalogue, schemas, event);
      if (drift.fields.length > 0) await onDrift(event, drift, context);
    } catch (thrown) {
      const fields = { deliveryId: context.deliveryId, error: describeThrown(thrown) };
      write(options.log, 200, "webhook onDrift failed", fields, "warn");
    }
  };

  const handleDelivery = async (body: RawBody, headers: HeadersLike): Promise<HandlerResponse> => {
    if (typeof body !== "string" && !(body instanceof Uint8Array)) {
      const response = bodyAnswers.raw_body_unavailable(limits);
      return report(response.body.message, undefined, { code: "raw_body_unavailable", status: 500 }, response);
    }
    const { secret, verify } = options;
    const received = await receiveDelivery<M[keyof M]>(config, catalogue, body, headers, secret, verify);
    if (received.ok) {
      const { event, deliveryId } = received;
      const type = String((event as Record<string, unknown>)[catalogue.typeProperty]);
      const typed = handlers.get(type) ?? [];
      const handled = typed.length > 0;
      return once(deliveryId, () =>
        run(deliveryId, event, type, { status: 200, body: { received: true, handled } }, async (signal) => {
          await reportDrift(event, { deliveryId, signal });
          for (const handler of typed) await handler(event, { deliveryId, signal });
          await options.onAny?.(event, { deliveryId, signal });
        }),
      );
    }
    if (received.deliveryId === undefined) {
      const { error } = received;
      // Not genuine (401), or the server is misconfigured (500: the provider retries once it is fixed).
      const status = error.code === "invalid_secret" || error.code === "invalid_options" ? 500 : 401;
      return report(error, undefined, { code: error.code, status }, answer(status, error.code, error.message));
    }
    const { error, deliveryId } = received;
    if (error.code === "unknown_event") {
      const ignored = { status: 202, body: { received: true, ignored: error.type } };
      return once(deliveryId, () =>
        run(deliveryId, undefined, "onUnknown", ignored, async (signal) => {
          await options.onUnknown?.(error.type, { deliveryId, signal });
        }),
      );
    }
    const onInvalid = options.onInvalid;
    if (!onInvalid) {
      const refused = answer(400, error.code, error.message);
      return report(error, undefined, { code: error.code, status: 400, deliveryId }, refused);
    }
    // Genuine but invalid: the user keeps it (to replay once the schema is fixed) and the provider stops retrying.
    const kept = { status: 202, body: { received: true, invalid: error.code } };
    return once(deliveryId, () =>
      run(deliveryId, undefined, "onInvalid", kept, async (signal) => {
        const decoded = decodeBody(body);
        const value = decoded.ok ? decoded.value : body;
        await onInvalid(value, error, { deliveryId, signal, rawBody: body });
      }),
    );
  };

  const handle = async (body: RawBody, headers: HeadersLike): Promise<HandlerResponse> => {
    try {
      return await handleDelivery(body, headers);
    } catch (thrown) {
      return report(thrown, undefined, { code: "internal_error", status: 500 }, internal);
    }
  };

  /** The answer to a request: 405 unless POST, 413 by content-length before reading, then the body within limits. */
  const answerRequest = async (
    method: string | undefined,
    length: number | undefined,
    read: () => Promise<BodyRead>,
    headers: HeadersLike,
  ): Promise<HandlerResponse> => {
    if (method !== undefined && method.toUpperCase() !== "POST") {
      write(options.log, 405, `webhook endpoint asked ${method}`, { method }, "debug");
      return notPost;
    }
    const declaredTooLarge = length !== undefined && length > limits.maxBytes;
    const raw: BodyRead = declaredTooLarge ? { failure: "payload_too_large" } : await read();
    if (typeof raw === "string" || raw instanceof Uint8Array) return handle(raw, headers);
    const response = bodyAnswers[raw.failure](limits);
    return report(response.body.message, undefined, { code: raw.failure, status: response.status }, response);
  };

  const webhooks: WebhookHandler<M> = {
    handle,
    async fetch(request) {
      let response = internal;
      try {
        const length = declaredLength(request.headers.get("content-length"));
        response = await answerRequest(request.method, length, () => readFetchBody(request, limits), request.headers);
      } catch (thrown) {
        await report(thrown, undefined, { code: "internal_error", status: 500 }, internal);
      }
      return Response.json(response.body, { status: response.status, headers: response.headers ?? {} });
    },
    async node(request, response) {
      let reply = internal;
      try {
        const length = declaredLength(request.headers["content-length"]);
        reply = await answerRequest(request.method, length, () => readNodeBody(request, limits), request.headers);
      } catch (thrown) {
        await report(thrown, undefined, { code: "internal_error", status: 500 }, internal);
      }
      try {
        if (response.headersSent) return;
        response.statusCode = reply.status;
        response.setHeader("content-type", "application/json");
        for (const [name, value] of Object.entries(reply.headers ?? {})) response.setHeader(name, value);
        closeSoon(request, response);
        response.end(JSON.stringify(reply.body));
      } catch {
        // the connection is gone: there is no one to answer
      }
    },
    on(types, handler) {
      for (const type of typeof types === "string" ? [types] : types) {
        handlers.set(type, [...(handlers.get(type) ?? []), handler as EventHandler<M, keyof M>]);
      }
      return webhooks;
    },
  };
  return webhooks;
}
