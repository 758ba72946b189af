// Reading a request body under a size limit and a time limit, from a Node stream or a Fetch Request.
// Neither reader rejects: whatever the client does (abort, stall, flood, send garbage), the result is
// the bytes or the reason there are none.

/** Why a body could not be read. */
export type BodyFailure = "payload_too_large" | "body_timeout" | "body_unreadable" | "raw_body_unavailable";

/** The body's bytes (or text a framework read), or why there are none. */
export type BodyRead = Uint8Array | string | { failure: BodyFailure };

export interface BodyLimits {
  maxBytes: number;
  timeoutMs: number;
}

/** A Node `http` / Express request: its method and headers, and its body as a stream (or already read). */
export interface NodeRequest {
  method?: string | undefined;
  headers: Readonly<Record<string, string | readonly string[] | undefined>>;
  /** The body a framework already read: bytes or text from a raw-body parser, or a parsed value. */
  body?: unknown;
  /** True once the stream has been read to its end, by this handler or by something before it. */
  readableEnded?: boolean;
  /** True once the stream was destroyed (the client went away before the handler began to read). */
  destroyed?: boolean;
  /** False while the body has not been received in full (Node's IncomingMessage). */
  complete?: boolean;
  socket?: { end(): unknown; destroy(): unknown } | null;
  on(event: string, listener: (...args: never[]) => void): unknown;
  removeListener(event: string, listener: (...args: never[]) => void): unknown;
}

const ignore = () => {};

/** The declared `content-length`, when there is a well-formed one. */
export function declaredLength(value: string | readonly string[] | null | undefined): number | undefined {
  return typeof value === "string" && /^\s*\d+\s*$/.test(value) ? Number(value) : undefined;
}

export function concat(chunks: readonly Uint8Array[], size: number): Uint8Array {
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.length;
  }
  return body;
}

const chunkBytes = (chunk: unknown): Uint8Array | undefined =>
  typeof chunk === "string" ? new TextEncoder().encode(chunk) : chunk instanceof Uint8Array ? chunk : undefined;

/** The raw body of a Node request: bytes a raw-body parser already read, or the stream read within the limits. */
export function readNodeBody(request: NodeRequest, limits: BodyLimits): Promise<BodyRead> {
  const given = request.body;
  if (given instanceof Uint8Array || typeof given === "string") {
    return Promise.resolve(chunkBytes(given)!.length > limits.maxBytes ? { failure: "payload_too_large" } : given);
  }
  // A body parser read the stream (the parsed value may be on `body`, or nowhere, as in Fastify).
  if (given !== undefined || request.readableEnded) return Promise.resolve({ failure: "raw_body_unavailable" });
  if (request.destroyed) return Promise.resolve({ failure: "body_unreadable" });
  return new Promise((resolve) => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    const finish = (result: Uint8Array | BodyFailure) => {
      clearTimeout(timer);
      request.removeListener("data", onData);
      request.removeListener("end", onEnd);
      request.removeListener("error", onFailure);
      request.removeListener("close", onFailure);
      resolve(typeof result === "string" ? { failure: result } : result);
    };
    const onData = (chunk: unknown) => {
      const bytes = chunkBytes(chunk);
      if (!bytes) return finish("body_unreadable");
      size += bytes.length;
      if (size > limits.maxBytes) return finish("payload_too_large");
      chunks.push(bytes);
    };
    const onEnd = () => finish(concat(chunks, size));
    const onFailure = () => finish("body_unreadable"); // an error, or the connection closed before the end
    const timer = setTimeout(() => finish("body_timeout"), limits.timeoutMs);
    request.on("error", ignore); // stays: an error after the answer must not become an uncaught exception
    request.on("error", onFailure);
    request.on("close", onFailure);
    request.on("end", onEnd);
    request.on("data", onData);
  });
}

/** The body of a Fetch request, read chunk by chunk within the limits; the rest is cancelled, never buffered. */
export async function readFetchBody(request: Request, limits: BodyLimits): Promise<BodyRead> {
  if (request.bodyUsed) return { failure: "raw_body_unavailable" };
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), limits.timeoutMs);
  });
  const stop = (failure: BodyFailure) => {
    reader.cancel().catch(ignore);
    return { failure };
  };
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const next = await Promise.race([reader.read(), timeout]);
      if (next === "timeout") return stop("body_timeout");
      if (next.done) return concat(chunks, size);
      const bytes = chunkBytes(next.value);
      if (!bytes) return stop("body_unreadable");
      size += bytes.length;
      if (size > limits.maxBytes) return stop("payload_too_large");
      chunks.push(bytes);
    }
  } catch {
    return stop("body_unreadable");
  } finally {
    clearTimeout(timer);
  }
}
