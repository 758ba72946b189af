import type { HeadersLike } from "./headers.js";
import type { CatalogueRuntime } from "./parse.js";
import { receiveDelivery, type DeliveryConfig } from "./receive.js";
import type { RawBody, Secret, VerifyOptions } from "./verify.js";

/** What a handler is told besides the event. */
export interface DeliveryContext {
  /** The idempotency key: skip the event if you have handled this id before. */
  deliveryId: string;
}

/** One function per event type, each receiving exactly its event; names outside the catalogue are type errors. */
export type EventHandlers<M> = { [T in keyof M]?: (event: M[T], context: DeliveryContext) => unknown };

export interface HandlerOptions<M> {
  secret: Secret;
  on: EventHandlers<M>;
  /** Called for a genuine delivery of an event type this package does not know (it is acknowledged). */
  onUnknown?: (type: string, context: DeliveryContext) => unknown;
  /** Called when a handler (or `onUnknown`) throws, with the event where there is one; the delivery is answered 500, so the provider retries it. */
  onError?: (error: unknown, event: M[keyof M] | undefined) => unknown;
  verify?: VerifyOptions;
  /** The largest body the adapters read, in bytes (default 1 MiB); a larger one is answered 413. */
  maxBodyBytes?: number;
}

/** The answer to a delivery: a status and a short JSON body. */
export interface HandlerResponse {
  status: number;
  body: Record<string, unknown>;
}

/** A Node `http` / Express request: its headers, and its body as a stream (or already read as bytes). */
export interface NodeRequest extends AsyncIterable<unknown> {
  headers: Readonly<Record<string, string | readonly string[] | undefined>>;
  body?: unknown;
}

/** A Node `http` / Express response. */
export interface NodeResponse {
  statusCode: number;
  setHeader(name: string, value: string): unknown;
  end(body: string): unknown;
}

export interface WebhookHandler {
  /** Verifies, parses and dispatches one delivery. Never throws. */
  handle(body: RawBody, headers: HeadersLike): Promise<HandlerResponse>;
  /** For Fetch-style runtimes: Hono, Next.js route handlers, Cloudflare Workers, Deno. */
  fetch(request: Request): Promise<Response>;
  /** For Node `http` and Express; reads the raw body itself (mount it before any JSON body parser). */
  node(request: NodeRequest, response: NodeResponse): Promise<void>;
}

const isBytes = (value: unknown): value is Uint8Array => value instanceof Uint8Array;
const defaultMaxBodyBytes = 1024 * 1024;
const tooLarge = (limit: number): HandlerResponse => ({ status: 413, body: { error: "payload_too_large", message: `The body is larger than ${limit} bytes.` } });
const handlerFailed = (type: string): HandlerResponse => ({ status: 500, body: { error: "handler_failed", message: `The ${type} handler failed; the provider may retry.` } });

/** The raw body of a Node request: bytes a raw-body parser already read, or the stream read up to `limit`. */
async function rawBodyOf(request: NodeRequest, limit: number): Promise<RawBody | "unavailable" | "too-large"> {
  if (isBytes(request.body) || typeof request.body === "string") return request.body;
  if (request.body !== undefined) return "unavailable"; // a body parser has consumed the raw bytes
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of request) {
    const bytes = typeof chunk === "string" ? new TextEncoder().encode(chunk) : (chunk as Uint8Array);
    size += bytes.length;
    if (size > limit) return "too-large";
    chunks.push(bytes);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.length;
  }
  return body;
}

/** Verify, parse, and call the handler for the event's type. */
export function createDeliveryHandler<M>(config: DeliveryConfig, catalogue: CatalogueRuntime, options: HandlerOptions<M>): WebhookHandler {
  const limit = options.maxBodyBytes ?? defaultMaxBodyBytes;
  const report = async (thrown: unknown, event: M[keyof M] | undefined) => {
    try {
      await options.onError?.(thrown, event);
    } catch {
      // onError itself failed: the answer is the same
    }
  };
  const handle = async (body: RawBody, headers: HeadersLike): Promise<HandlerResponse> => {
    const received = await receiveDelivery<M[keyof M]>(config, catalogue, body, headers, options.secret, options.verify);
    if (!received.ok) {
      const { error } = received;
      if (error.code === "unknown_event") {
        try {
          await options.onUnknown?.(error.type, { deliveryId: received.deliveryId ?? "" });
        } catch (thrown) {
          await report(thrown, undefined);
          return handlerFailed("onUnknown");
        }
        return { status: 202, body: { received: true, ignored: error.type } };
      }
      const status = error.code === "invalid_json" || error.code === "invalid_payload" ? 400 : 401;
      return { status, body: { error: error.code, message: error.message } };
    }
    const type = (received.event as Record<string, unknown>)[catalogue.typeProperty] as keyof M;
    const run = options.on[type];
    if (!run) return { status: 200, body: { received: true, handled: false } };
    try {
      await run(received.event as M[typeof type], { deliveryId: received.deliveryId });
    } catch (thrown) {
      await report(thrown, received.event);
      return handlerFailed(String(type));
    }
    return { status: 200, body: { received: true, handled: true } };
  };
  return {
    handle,
    async fetch(request) {
      const declared = Number(request.headers.get("content-length") ?? 0);
      const raw = declared > limit ? undefined : new Uint8Array(await request.arrayBuffer());
      const { status, body } = raw === undefined || raw.length > limit ? tooLarge(limit) : await handle(raw, request.headers);
      return Response.json(body, { status });
    },
    async node(request, response) {
      const raw = await rawBodyOf(request, limit);
      const { status, body } =
        raw === "unavailable"
          ? { status: 500, body: { error: "raw_body_unavailable", message: "The body was parsed before the webhook handler: mount it before express.json(), or use express.raw()." } }
          : raw === "too-large"
            ? tooLarge(limit)
            : await handle(raw, request.headers);
      response.statusCode = status;
      response.setHeader("content-type", "application/json");
      response.end(JSON.stringify(body));
    },
  };
}
