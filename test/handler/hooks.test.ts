import { describe, expect, it, vi } from "vitest";
import { body, deferred, event, secret, signed, teachfloor, withId } from "./setup.js";

// The time limit, onInvalid, onAny, onError for every refusal, the log sink, and handlers for several types.

const broken = JSON.stringify({ ...event, data: {} });

describe("the handlers' time limit", () => {
  it(
    "answers 503 when handlers overrun timeoutMs, " + "aborts their signal, tells onError, and handles the retry",
    async () => {
      const onError = vi.fn();
      const signals: AbortSignal[] = [];
      let attempt = 0;
      const handler = teachfloor.createHandler({
        secret,
        timeoutMs: 50,
        onError,
        on: {
          "course.join": (_, { signal }) => {
            signals.push(signal);
            return attempt++ === 0 ? new Promise(() => {}) : undefined; // the first never settles
          },
        },
      });
      const headers = await signed();
      const answer = await handler.handle(body, headers);
      expect(answer).toMatchObject({ status: 503, body: { error: "handler_timeout" } });
      expect(signals[0]!.aborted).toBe(true);
      expect(onError).toHaveBeenCalledWith(expect.any(Error), event, {
        code: "handler_timeout",
        status: 503,
        deliveryId: event.id,
      });
      expect(await handler.handle(body, headers)).toEqual({ status: 200, body: { received: true, handled: true } });
      expect(signals[1]!.aborted).toBe(false);
    },
  );

  it("leaves no unhandled rejection when a handler rejects after its time ran out", async () => {
    const late = deferred();
    const unhandled = vi.fn();
    process.on("unhandledRejection", unhandled);
    try {
      const handler = teachfloor.createHandler({ secret, timeoutMs: 10, on: { "course.join": () => late.promise } });
      expect((await handler.handle(body, await signed())).status).toBe(503);
      late.reject(new Error("too late"));
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off("unhandledRejection", unhandled);
    }
  });
});

describe("onInvalid: no genuine delivery lost", () => {
  it("hands a genuine delivery that fails validation to onInvalid with its raw body, and answers 202", async () => {
    const onInvalid = vi.fn();
    const handler = teachfloor.createHandler({ secret, onInvalid });
    const headers = await signed(broken);
    expect(await handler.handle(broken, headers)).toEqual({
      status: 202,
      body: { received: true, invalid: "invalid_payload" },
    });
    expect(onInvalid).toHaveBeenCalledWith(
      JSON.parse(broken),
      expect.objectContaining({ code: "invalid_payload", issues: expect.any(Array) }),
      { deliveryId: event.id, signal: expect.any(AbortSignal), rawBody: broken },
    );
    // A copy is a duplicate: it was kept once already.
    expect(await handler.handle(broken, headers)).toEqual({ status: 200, body: { received: true, duplicate: true } });
    expect(onInvalid).toHaveBeenCalledTimes(1);
  });

  it("hands a genuine body that is not JSON to onInvalid as text", async () => {
    const onInvalid = vi.fn();
    const handler = teachfloor.createHandler({ secret, onInvalid });
    expect((await handler.handle("{nope", await signed("{nope"))).status).toBe(202);
    expect(onInvalid).toHaveBeenCalledWith(
      "{nope",
      expect.objectContaining({ code: "invalid_json" }),
      expect.anything(),
    );
  });

  it(
    "answers 500 when onInvalid fails, so the provider retries; " + "400 without onInvalid; never for a forgery",
    async () => {
      const failing = teachfloor.createHandler({ secret, onInvalid: () => Promise.reject(new Error("disk full")) });
      expect((await failing.handle(broken, await signed(broken))).status).toBe(500);
      const plain = teachfloor.createHandler({ secret });
      expect((await plain.handle(broken, await signed(broken))).status).toBe(400);
      const onInvalid = vi.fn();
      const guarded = teachfloor.createHandler({ secret, onInvalid });
      expect((await guarded.handle(broken, { "Teachfloor-Signature": "ab".repeat(32) })).status).toBe(401);
      expect(onInvalid).not.toHaveBeenCalled();
    },
  );
});

describe("onAny, onError, log and handlers for several types", () => {
  it("calls onAny after the typed handlers, for handled and unhandled types alike", async () => {
    const order: string[] = [];
    const handler = teachfloor.createHandler({
      secret,
      on: { "course.join": () => void order.push("course.join") },
      onAny: (e, { deliveryId }) => void order.push(`any ${e.type} ${deliveryId}`),
    });
    await handler.handle(body, await signed());
    const completed = JSON.stringify({ ...event, id: "evt_2", type: "course.completed", data: {} });
    await handler.handle(completed, await signed(completed));
    expect(order).toEqual(["course.join", `any course.join ${event.id}`, "any course.completed evt_2"]);
  });

  it("registers one handler for several event types, after the options' handlers, in order", async () => {
    const seen: string[] = [];
    const handler = teachfloor
      .createHandler({ secret, on: { "course.join": () => void seen.push("options") } })
      .on(["course.join", "course.completed"], (e) => void seen.push(`several ${e.type}`))
      .on("course.join", (e) => void seen.push(`one ${e.type}`));
    expect((await handler.handle(body, await signed())).body).toEqual({ received: true, handled: true });
    expect(seen).toEqual(["options", "several course.join", "one course.join"]);
  });

  it.each([
    ["a bad signature", async () => ({ "Teachfloor-Signature": "00".repeat(32) }), body, 401, "signature_mismatch"],
    ["no signature", async () => ({}), body, 401, "missing_signature"],
    ["a payload that breaks its schema", () => signed(broken), broken, 400, "invalid_payload"],
  ])("tells onError and the log of %s, with its code", async (_, headers, text, status, code) => {
    const onError = vi.fn();
    const log = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
    const handler = teachfloor.createHandler({ secret, onError, log });
    expect((await handler.handle(text, await headers())).status).toBe(status);
    expect(onError).toHaveBeenCalledWith(
      expect.objectContaining({ code }),
      undefined,
      expect.objectContaining({ code, status }),
    );
    expect(log.warn).toHaveBeenCalledWith(expect.stringContaining(code), expect.objectContaining({ code, status }));
    expect(log.info).not.toHaveBeenCalled();
  });

  it("logs a duplicate as info, a copy being handled as info, and another method as debug", async () => {
    const log = { debug: vi.fn(), info: vi.fn(), warn: vi.fn() };
    const gate = deferred();
    const join = vi.fn(() => gate.promise);
    const handler = teachfloor.createHandler({ secret, log, on: { "course.join": join } });
    const headers = await signed();
    const first = handler.handle(body, headers);
    await vi.waitFor(() => expect(join).toHaveBeenCalledTimes(1)); // the first has claimed the id and is running
    expect((await handler.handle(body, headers)).status).toBe(409);
    gate.resolve();
    await first;
    expect((await handler.handle(body, headers)).status).toBe(200);
    expect((await handler.fetch(new Request("http://localhost/webhooks"))).status).toBe(405);
    expect(log.info.mock.calls.map(([, fields]) => fields.status)).toEqual([409, 200, 200]);
    expect(log.info.mock.calls.map(([, fields]) => fields.duplicate)).toEqual([true, undefined, true]);
    expect(log.debug).toHaveBeenCalledWith(expect.stringContaining("GET"), expect.objectContaining({ status: 405 }));
    expect(log.warn).not.toHaveBeenCalled();
  });

  it(
    "logs a handled delivery as info and a failed handler as error; " + "a throwing log or onError changes nothing",
    async () => {
      const log = { info: vi.fn(), error: vi.fn() };
      const handler = teachfloor.createHandler({ secret, log, on: { "course.join": () => undefined } });
      await handler.handle(body, await signed());
      expect(log.info).toHaveBeenCalledWith(
        expect.any(String),
        expect.objectContaining({ status: 200, deliveryId: event.id }),
      );
      const explode = () => {
        throw new Error("sink down");
      };
      const failing = teachfloor.createHandler({
        secret,
        log: { info: explode, warn: explode, error: explode },
        onError: explode,
        on: { "course.join": explode },
      });
      expect((await failing.handle(withId("evt_9"), await signed(withId("evt_9")))).status).toBe(500);
      expect((await failing.handle(body, {})).status).toBe(401);
    },
  );

  it("answers 500 (the provider retries) when the clock is broken at run time, never 2xx", async () => {
    const onError = vi.fn();
    const handler = teachfloor.createHandler({ secret, onError });
    expect((await handler.handle(body, await signed())).status).toBe(200);
    const whop = await import("@coursehooks/whop");
    const text = JSON.stringify({ id: "x" });
    const misclocked = whop.createHandler({ secret, verify: { now: () => Number.NaN }, onError });
    const answer = await misclocked.handle(text, await whop.sign(text, secret, { timestamp: 1 }));
    expect(answer).toMatchObject({ status: 500, body: { error: "invalid_options" } });
  });
});
