import { PassThrough } from "node:stream";
import { describe, expect, it, vi } from "vitest";
import { body, recorder, secret, signed, teachfloor } from "./setup.js";

// createHandler: dispatch by type, the answers, and both adapters without a server.

describe("createHandler", () => {
  it("calls the handler of the event's type with the event and its delivery id, and answers 200", async () => {
    const join = vi.fn();
    const other = vi.fn();
    const handler = teachfloor.createHandler({ secret, on: { "course.join": join, "element.completed": other } });
    expect(await handler.handle(body, await signed())).toEqual({
      status: 200,
      body: { received: true, handled: true },
    });
    expect(join).toHaveBeenCalledWith(JSON.parse(body), { deliveryId: "evt_abc123", signal: expect.any(AbortSignal) });
    expect(other).not.toHaveBeenCalled();
  });

  it("answers 200 (handled: false) for a known event type without a handler", async () => {
    const handler = teachfloor.createHandler({ secret, on: {} });
    expect(await handler.handle(body, await signed())).toEqual({
      status: 200,
      body: { received: true, handled: false },
    });
  });

  it("answers 500 when a handler throws, tells onError, and does not leak the error's text", async () => {
    const onError = vi.fn();
    const handler = teachfloor.createHandler({
      secret,
      on: { "course.join": () => Promise.reject(new Error("database down")) },
      onError,
    });
    const answer = await handler.handle(body, await signed());
    expect(answer).toEqual({
      status: 500,
      body: { error: "handler_failed", message: "The course.join handler failed; the provider may retry." },
    });
    expect(onError).toHaveBeenCalledWith(new Error("database down"), JSON.parse(body), {
      code: "handler_failed",
      status: 500,
      deliveryId: "evt_abc123",
    });
  });

  it("acknowledges an unknown event type with 202 and tells onUnknown", async () => {
    const onUnknown = vi.fn();
    const unknown = body.replace('"course.join"', '"course.archived"');
    const handler = teachfloor.createHandler({ secret, on: {}, onUnknown });
    expect(await handler.handle(unknown, await signed(unknown))).toEqual({
      status: 202,
      body: { received: true, ignored: "course.archived" },
    });
    expect(onUnknown).toHaveBeenCalledWith("course.archived", {
      deliveryId: "evt_abc123",
      signal: expect.any(AbortSignal),
    });
  });

  it("answers 500 when onUnknown throws, and tells onError without an event", async () => {
    const onError = vi.fn();
    const unknown = body.replace('"course.join"', '"course.archived"');
    const handler = teachfloor.createHandler({
      secret,
      on: {},
      onUnknown: () => {
        throw new Error("queue full");
      },
      onError,
    });
    expect((await handler.handle(unknown, await signed(unknown))).status).toBe(500);
    expect(onError).toHaveBeenCalledWith(new Error("queue full"), undefined, {
      code: "handler_failed",
      status: 500,
      deliveryId: "evt_abc123",
    });
  });

  it("answers 413 to a body over maxBodyBytes, from either adapter, without handling it", async () => {
    const join = vi.fn();
    const handler = teachfloor.createHandler({ secret, on: { "course.join": join }, maxBodyBytes: 100 });
    const headers = await signed();
    const response = await handler.fetch(new Request("http://localhost/webhooks", { method: "POST", body, headers }));
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: "payload_too_large" });
    const request = Object.assign(new PassThrough(), {
      headers: { "teachfloor-signature": headers["Teachfloor-Signature"]! },
    });
    request.end(Buffer.from(body));
    const { written, response: nodeResponse } = recorder();
    await handler.node(request, nodeResponse);
    expect(written.statusCode).toBe(413);
    expect(join).not.toHaveBeenCalled();
    const roomy = teachfloor.createHandler({ secret, on: { "course.join": join }, maxBodyBytes: body.length });
    expect(
      (await roomy.fetch(new Request("http://localhost/webhooks", { method: "POST", body, headers }))).status,
    ).toBe(200);
  });

  it.each([
    ["a bad signature", async () => ({ "Teachfloor-Signature": "00".repeat(32) }), body, 401, "signature_mismatch"],
    ["no signature", async () => ({}), body, 401, "missing_signature"],
    ["a body that is not JSON", async () => signed("{nope"), "{nope", 400, "invalid_json"],
    [
      "a payload that breaks its schema",
      async () => signed(body.replace('"john@example.com"', "42")),
      body.replace('"john@example.com"', "42"),
      400,
      "invalid_payload",
    ],
  ])("answers %s with %i and a short JSON body", async (_, headers, text, status, code) => {
    const handler = teachfloor.createHandler({ secret, on: {} });
    const answer = await handler.handle(text, await headers());
    expect(answer.status).toBe(status);
    expect(answer.body).toEqual({ error: code, message: expect.any(String) });
  });

  it("serves Fetch requests", async () => {
    const handler = teachfloor.createHandler({ secret, on: {} });
    const response = await handler.fetch(
      new Request("http://localhost/webhooks", { method: "POST", body, headers: await signed() }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("application/json");
    expect(await response.json()).toEqual({ received: true, handled: false });
  });

  it("serves Node requests, reading the raw body from the stream", async () => {
    const handler = teachfloor.createHandler({ secret, on: {} });
    const request = Object.assign(new PassThrough(), {
      headers: { "teachfloor-signature": (await signed())["Teachfloor-Signature"]! },
    });
    request.end(Buffer.from(body));
    const { written, response } = recorder();
    await handler.node(request, response);
    expect(written).toEqual({
      statusCode: 200,
      headers: { "content-type": "application/json" },
      body: '{"received":true,"handled":false}',
    });
  });

  it(
    "serves Express requests whose raw body express.raw() already read, " + "and explains a body parsed too early",
    async () => {
      const handler = teachfloor.createHandler({ secret, on: {} });
      const headers = { "teachfloor-signature": (await signed())["Teachfloor-Signature"]! };
      const raw = recorder();
      await handler.node(Object.assign(new PassThrough(), { headers, body: Buffer.from(body) }), raw.response);
      expect(raw.written.statusCode).toBe(200);
      const parsed = recorder();
      await handler.node(Object.assign(new PassThrough(), { headers, body: JSON.parse(body) }), parsed.response);
      expect(parsed.written.statusCode).toBe(500);
      expect(JSON.parse(parsed.written.body)).toMatchObject({ error: "raw_body_unavailable" });
    },
  );
});
