import { PassThrough } from "node:stream";
import { describe, expect, it, vi } from "vitest";
import { body, recorder, secret, signed, teachfloor } from "./setup.js";

// Both adapters against clients that misbehave, without a server: every call settles with an answer.

const limits = { maxBodyBytes: 1024, readTimeoutMs: 50 };
const handler = teachfloor.createHandler({ secret, ...limits, deduplicate: false });
const chunk = new Uint8Array(256).fill(0x20);

/** A body stream that counts what was pulled from it and whether it was cancelled. */
function source(chunks: number, options: { stall?: boolean; fail?: boolean } = {}) {
  const seen = { pulled: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (seen.pulled === chunks) {
        if (options.fail) controller.error(new Error("connection reset"));
        else if (!options.stall) controller.close();
        return options.stall ? new Promise(() => {}) : undefined;
      }
      seen.pulled++;
      controller.enqueue(chunk);
      return undefined;
    },
    cancel() {
      seen.cancelled = true;
    },
  });
  return { stream, seen };
}

const post = (stream: ReadableStream<Uint8Array> | string, headers: Record<string, string> = {}) =>
  new Request("http://localhost/webhooks", { method: "POST", body: stream, headers, duplex: "half" } as RequestInit);

describe("the Fetch adapter", () => {
  it("answers 405 with Allow: POST to other methods", async () => {
    const response = await handler.fetch(new Request("http://localhost/webhooks"));
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST");
  });

  it("answers 413 from content-length without reading the body", async () => {
    const { stream, seen } = source(100);
    const response = await handler.fetch(post(stream, { "content-length": "25600" }));
    expect(response.status).toBe(413);
    expect(seen.pulled).toBeLessThanOrEqual(1); // a stream may be primed with one chunk, never read on
  });

  it("stops reading a chunked body once it passes maxBodyBytes, and cancels the rest", async () => {
    const { stream, seen } = source(100_000); // 25 MB offered
    const response = await handler.fetch(post(stream));
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: "payload_too_large" });
    expect(seen.pulled).toBeLessThanOrEqual(limits.maxBodyBytes / chunk.length + 3);
    expect(seen.cancelled).toBe(true);
  });

  it("resolves to 400 when the body stream fails, and to 408 when it stalls", async () => {
    const failed = await handler.fetch(post(source(2, { fail: true }).stream));
    expect(failed.status).toBe(400);
    expect(await failed.json()).toMatchObject({ error: "body_unreadable" });
    const stalled = source(1, { stall: true });
    const started = Date.now();
    const response = await handler.fetch(post(stalled.stream));
    expect(response.status).toBe(408);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(stalled.seen.cancelled).toBe(true);
  });

  it(
    "answers 500 raw_body_unavailable when the body was read before, " + "and resolves even for a non-Request",
    async () => {
      const request = post(body, await signed());
      await request.text();
      const response = await handler.fetch(request);
      expect(response.status).toBe(500);
      expect(await response.json()).toMatchObject({ error: "raw_body_unavailable" });
      const garbage = await handler.fetch({} as Request);
      expect(garbage).toBeInstanceOf(Response);
      expect(garbage.status).toBe(500);
    },
  );

  it("still answers a genuine delivery 200", async () => {
    expect((await handler.fetch(post(body, await signed()))).status).toBe(200);
  });
});

describe("the Node adapter", () => {
  const nodeRequest = async (method = "POST", headers: Record<string, string> = {}) =>
    Object.assign(new PassThrough(), { method, headers: { ...(await signed()), ...headers } });

  it("answers 405 with Allow: POST to other methods", async () => {
    const { written, response } = recorder();
    await handler.node(await nodeRequest("GET"), response);
    expect(written.statusCode).toBe(405);
    expect(written.headers.allow).toBe("POST");
  });

  it(
    "answers 413 from content-length without reading, then " +
      "ends the connection: a FIN once answered, a reset later",
    async () => {
      const socket = { end: vi.fn(), destroy: vi.fn() };
      const request = Object.assign(await nodeRequest("POST", { "content-length": "999999" }), {
        complete: false,
        socket,
      });
      const { written, response } = recorder();
      const finished = new PassThrough();
      const once = (event: "finish", listener: () => void) => finished.once(event, listener);
      await handler.node(request, Object.assign(response, { once }));
      expect(written.statusCode).toBe(413);
      expect(request.readableFlowing).not.toBe(true);
      expect(socket.end).not.toHaveBeenCalled(); // not before the answer has gone out
      finished.end();
      await new Promise((resolve) => finished.on("finish", resolve));
      expect(socket.end).toHaveBeenCalledTimes(1);
      expect(socket.destroy).not.toHaveBeenCalled();
      await new Promise((resolve) => setTimeout(resolve, 600));
      expect(socket.destroy).toHaveBeenCalledTimes(1);
    },
  );

  it("stops reading a streamed body over maxBodyBytes", async () => {
    const request = await nodeRequest();
    const { written, response } = recorder();
    const done = handler.node(request, response);
    for (let i = 0; i < 8; i++) request.write(chunk);
    await done;
    expect(written.statusCode).toBe(413);
    request.destroy();
  });

  it("settles when the client aborts mid-body, when the stream errors, and when it stalls", async () => {
    const aborted = await nodeRequest();
    const first = recorder();
    const abortedDone = handler.node(aborted, first.response);
    aborted.write(chunk);
    aborted.destroy();
    await abortedDone;
    expect(first.written.statusCode).toBe(400);

    const failing = await nodeRequest();
    const second = recorder();
    const failingDone = handler.node(failing, second.response);
    failing.destroy(new Error("aborted"));
    await failingDone;
    expect(second.written.statusCode).toBe(400);
    failing.emit("error", new Error("again, after the answer")); // must not be an uncaught exception

    const stalled = await nodeRequest();
    const third = recorder();
    await handler.node(stalled, third.response);
    expect(third.written.statusCode).toBe(408);

    const gone = Object.assign(await nodeRequest(), { destroyed: true });
    const fourth = recorder();
    const started = Date.now();
    await handler.node(gone, fourth.response); // the client left before reading began: no wait for the time limit
    expect(fourth.written.statusCode).toBe(400);
    expect(Date.now() - started).toBeLessThan(limits.readTimeoutMs);
  });

  it("explains a stream a body parser already consumed (Fastify) instead of a false 401", async () => {
    const consumed = await nodeRequest();
    consumed.end(body);
    consumed.resume();
    await new Promise((resolve) => consumed.on("end", resolve));
    const { written, response } = recorder();
    await handler.node(consumed, response);
    expect(written.statusCode).toBe(500);
    expect(JSON.parse(written.body)).toMatchObject({
      error: "raw_body_unavailable",
      message: expect.stringContaining("Fastify"),
    });
  });

  it("resolves when writing the answer fails (the connection is gone)", async () => {
    const request = await nodeRequest();
    request.end(body);
    const response = {
      statusCode: 0,
      setHeader: () => undefined,
      end: () => {
        throw new Error("socket hang up");
      },
    };
    await expect(handler.node(request, response)).resolves.toBeUndefined();
  });
});
