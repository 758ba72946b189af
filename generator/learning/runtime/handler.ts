import type { NormalizeContext } from "./normalize.js";

/** What a handler is told besides the event (as in each provider's package), and which provider sent it. */
export interface LearningContext {
  deliveryId: string;
  signal: AbortSignal;
  provider: string;
}

/** The part of a provider package's handler the learning handler uses. */
export interface ProviderHandler {
  handle(body: never, headers: never): Promise<{ status: number; body: Record<string, unknown>; headers?: object }>;
  fetch(request: Request): Promise<Response>;
  node(request: never, response: never): Promise<void>;
}

/** A provider package's `createHandler`. */
export type HandlerFactory = (options: never) => ProviderHandler;

/** One provider's part: its secret, and optionally its path and signature options. */
export interface ProviderOptions<S = unknown, V = unknown> {
  /** As for the provider's own `createHandler`. */
  secret: S;
  /** The path its deliveries arrive at (default `/<provider>`: `/teachfloor`, `/teachfloor/early`). */
  path?: string;
  /** As for the provider's own `createHandler`. */
  verify?: V;
}

/** One function per learning kind, each receiving exactly its learning event. */
export type LearningHandlers<M> = { [K in keyof M]?: (event: M[K], context: LearningContext) => unknown };

export interface LearningHandlerOptions<M, Providers> {
  /** The providers to receive from, each with its secret (at least one). */
  providers: Providers;
  /** The handler for each learning kind (more with `on(kinds, handler)`). */
  on?: LearningHandlers<M>;
  /** Called for every learning event, after its kind's handlers. */
  onAny?: (event: M[keyof M], context: LearningContext) => unknown;
  /** Called for a genuine, valid provider event that has no learning meaning (a payment, an app installed…). */
  onOther?: (event: unknown, context: LearningContext) => unknown;
  /** As for each provider's `createHandler`; called with the provider's name added. */
  onUnknown?: (type: string, context: LearningContext) => unknown;
  onInvalid?: (value: unknown, error: unknown, context: LearningContext & { rawBody: unknown }) => unknown;
  onError?: (error: unknown, event: unknown, failure: { code: string; status: number; provider: string }) => unknown;
  /** As for each provider's `createHandler`: the provider's event and the fields its schema does not document. */
  onDrift?: (event: unknown, drift: { fields: string[] }, context: LearningContext) => unknown;
  /** As for each provider's `createHandler`: passed to every provider's handler. */
  log?: unknown;
  maxBodyBytes?: number;
  readTimeoutMs?: number;
  timeoutMs?: number;
  /** As for each provider's `createHandler`; a shared store holds ids as `<provider>:<id>`, never colliding. */
  deduplicate?: false | { store?: DeliveryStoreLike; keepSeconds?: number };
}

interface DeliveryStoreLike {
  claim(id: string, leaseSeconds: number): unknown;
  complete(id: string, keepSeconds: number): unknown;
  release(id: string): unknown;
}

export interface LearningHandler<M> {
  /** Verifies, parses, normalizes and dispatches one delivery that arrived at `path`. Never throws. */
  handle(
    path: string,
    body: string | Uint8Array,
    headers: unknown,
  ): Promise<{ status: number; body: Record<string, unknown>; headers?: object }>;
  /** For Fetch-style runtimes: routes by the request URL's path. Always resolves. */
  fetch(request: Request): Promise<Response>;
  /** For Node `http` and Express: routes by `request.url`. Never rejects. */
  node(request: NodeRequestLike, response: NodeResponseLike): Promise<void>;
  /** Adds a handler for one learning kind or several; handlers of a kind run in the order they were added. */
  on<K extends keyof M & string>(
    kinds: K | readonly K[],
    handler: (event: M[K], context: LearningContext) => unknown,
  ): LearningHandler<M>;
}

/** What the router reads of a Node `http` / Express request (the provider's handler reads the rest). */
export interface NodeRequestLike {
  url?: string | undefined;
  complete?: boolean;
  socket?: { end(): unknown; destroy(): unknown } | null;
}

/** A Node `http` / Express response, as each provider's handler writes it. */
export interface NodeResponseLike {
  statusCode: number;
  setHeader(name: string, value: string): unknown;
  end(body: string): unknown;
  once?(event: "finish", listener: () => void): unknown;
}

/**
 * The body of a request to no provider is never read: once the answer is written, the connection is ended, and
 * reset after a grace time, rather than taking in whatever the client goes on sending.
 */
function closeSoon(request: NodeRequestLike, response: NodeResponseLike): void {
  const socket = request.socket;
  if (!socket) return;
  const close = () => {
    socket.end();
    (setTimeout(() => socket.destroy(), 500) as { unref?: () => unknown }).unref?.();
  };
  if (typeof response.once === "function") response.once("finish", close);
  else close();
}

const notFound = (path: string) => ({
  status: 404,
  body: { error: "not_found", message: `No provider receives deliveries at ${path}.` },
});

const trimmed = (path: string) => (path.length > 1 && path.endsWith("/") ? path.slice(0, -1) : path);

const pathOf = (url: string | undefined): string => {
  const path = (url ?? "/").split("?")[0]!;
  return trimmed(path.startsWith("/") ? path : new URL(path, "http://localhost").pathname);
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function optionProblems(options: unknown, known: readonly string[], kinds: readonly string[]): string[] {
  if (!isRecord(options)) return ["the options must be an object."];
  const providers = options.providers;
  if (!isRecord(providers) || Object.keys(providers).length === 0)
    return [`providers must name at least one of ${known.join(", ")}, each with its secret.`];
  const problems: string[] = [];
  const paths = new Map<string, string>();
  for (const [name, given] of Object.entries(providers)) {
    if (!known.includes(name)) problems.push(`providers.${name}: no such provider (${known.join(", ")}).`);
    else if (!isRecord(given)) problems.push(`providers.${name} must be an object with its secret.`);
    else {
      const path = given.path ?? `/${name}`;
      if (typeof path !== "string" || !path.startsWith("/"))
        problems.push(`providers.${name}.path must be a string starting with "/".`);
      else if (paths.has(trimmed(path)))
        problems.push(`providers.${name}.path ${path} is also the path of ${paths.get(trimmed(path))}.`);
      else paths.set(trimmed(path), name);
    }
  }
  const on = options.on;
  if (on !== undefined && !isRecord(on)) problems.push("on must be an object of handlers by learning kind.");
  for (const [kind, run] of Object.entries(isRecord(on) ? on : {})) {
    if (!kinds.includes(kind)) problems.push(`on["${kind}"]: no such learning kind (${kinds.join(", ")}).`);
    else if (typeof run !== "function") problems.push(`on["${kind}"] must be a function.`);
  }
  for (const hook of ["onAny", "onOther", "onUnknown", "onInvalid", "onError", "onDrift"]) {
    if (options[hook] !== undefined && typeof options[hook] !== "function")
      problems.push(`${hook} must be a function.`);
  }
  return problems;
}

/**
 * One receiver for several providers: each provider's own handler (verification, limits, deduplication, hooks)
 * at its path, each valid event normalized and dispatched by learning kind. Throws at start-up on bad options.
 */
export function learningHandler<M>(
  factories: Readonly<Record<string, HandlerFactory>>,
  kinds: readonly string[],
  normalize: (provider: string, event: unknown, context: NormalizeContext) => unknown,
  options: LearningHandlerOptions<M, object>,
): LearningHandler<M> {
  const problems = optionProblems(options, Object.keys(factories), kinds);
  if (problems.length > 0) throw new TypeError(`createLearningHandler: ${problems.join(" ")}`);
  const handlers = new Map<string, Array<(event: never, context: LearningContext) => unknown>>();
  const add = (kind: string, run: (event: never, context: LearningContext) => unknown) =>
    handlers.set(kind, [...(handlers.get(kind) ?? []), run]);
  for (const [kind, run] of Object.entries(options.on ?? {})) add(kind, run as never);
  const routes = new Map<string, ProviderHandler>();
  for (const [provider, given] of Object.entries(options.providers) as [string, ProviderOptions][]) {
    const context = <C extends object>(c: C) => ({ ...c, provider });
    const shared = {
      log: options.log,
      maxBodyBytes: options.maxBodyBytes,
      readTimeoutMs: options.readTimeoutMs,
      timeoutMs: options.timeoutMs,
      deduplicate: options.deduplicate,
    };
    const hooks = {
      onUnknown: options.onUnknown && ((type: string, c: object) => options.onUnknown!(type, context(c) as never)),
      onInvalid:
        options.onInvalid &&
        ((value: unknown, error: unknown, c: object) => options.onInvalid!(value, error, context(c) as never)),
      onError:
        options.onError &&
        ((error: unknown, event: unknown, failure: object) =>
          options.onError!(error, event, context(failure) as never)),
      onDrift:
        options.onDrift &&
        ((event: unknown, drift: { fields: string[] }, c: object) =>
          options.onDrift!(event, drift, context(c) as never)),
    };
    const onAny = async (event: unknown, c: { deliveryId: string; signal: AbortSignal }) => {
      const learning = normalize(provider, event, { deliveryId: c.deliveryId }) as { kind: string } | undefined;
      const full = context(c);
      if (learning === undefined) return options.onOther?.(event, full);
      for (const run of handlers.get(learning.kind) ?? []) await run(learning as never, full);
      await options.onAny?.(learning as never, full);
    };
    const defined = Object.fromEntries(Object.entries({ ...shared, ...hooks }).filter(([, v]) => v !== undefined));
    const create = factories[provider]!;
    try {
      routes.set(
        trimmed(given.path ?? `/${provider}`),
        create({ ...defined, secret: given.secret, verify: given.verify, onAny } as never),
      );
    } catch (error) {
      throw new TypeError(`createLearningHandler: providers.${provider}: ${(error as Error).message}`);
    }
  }
  const self: LearningHandler<M> = {
    async handle(path, body, headers) {
      const route = routes.get(pathOf(path));
      return route ? route.handle(body as never, headers as never) : notFound(pathOf(path));
    },
    async fetch(request) {
      const path = pathOf(request.url);
      const route = routes.get(path);
      if (route) return route.fetch(request);
      const answer = notFound(path);
      return new Response(JSON.stringify(answer.body), {
        status: answer.status,
        headers: { "content-type": "application/json" },
      });
    },
    async node(request, response) {
      const path = pathOf(request.url);
      const route = routes.get(path);
      if (route) return route.node(request as never, response as never);
      const answer = notFound(path);
      response.statusCode = answer.status;
      response.setHeader("content-type", "application/json");
      response.end(JSON.stringify(answer.body));
      if (request.complete === false) closeSoon(request, response);
    },
    on(kinds, handler) {
      for (const kind of typeof kinds === "string" ? [kinds] : kinds) add(kind, handler as never);
      return self;
    },
  };
  return self;
}
