import * as edume from "@coursehooks/edume";
import * as whop from "@coursehooks/whop";
import { describe, expect, it, vi } from "vitest";
import { memoryStore, type ClaimResult, type DeliveryStore } from "@coursehooks/teachfloor";
import { example } from "../helpers/examples.js";
import { body, deferred, secret, signed, teachfloor, withId } from "./setup.js";

// Every provider delivers at least once: createHandler handles each delivery id once.

const handled = { status: 200, body: { received: true, handled: true } };
const duplicate = { status: 200, body: { received: true, duplicate: true } };

describe("deduplication", () => {
  it("runs the handler once for a delivery sent twice, acknowledging the copy with 200", async () => {
    const join = vi.fn();
    const handler = teachfloor.createHandler({ secret, on: { "course.join": join } });
    const headers = await signed();
    expect(await handler.handle(body, headers)).toEqual(handled);
    expect(await handler.handle(body, headers)).toEqual(duplicate);
    expect(join).toHaveBeenCalledTimes(1);
    expect(await handler.handle(withId("evt_other"), await signed(withId("evt_other")))).toEqual(handled);
    expect(join).toHaveBeenCalledTimes(2);
  });

  it("runs a Whop delivery replayed inside the tolerance window once", async () => {
    const run = vi.fn();
    const handler = whop.createHandler({ secret, on: { "course_lesson_interaction.completed": run } });
    const text = JSON.stringify(example("whop", "course_lesson_interaction.completed.json"));
    const headers = await whop.sign(text, secret, { id: "msg_replayed" });
    expect(await handler.handle(text, headers)).toEqual(handled);
    expect(await handler.handle(text, headers)).toEqual(duplicate);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it("treats reformatted copies of one eduMe delivery (each genuine) as one delivery", async () => {
    const run = vi.fn();
    const handler = edume.createHandler({ secret, on: { "course.completed": run } });
    const value = example("edume", "learner.course.completed.json5");
    const compact = JSON.stringify(value);
    const headers = await edume.sign(compact, secret);
    expect(await handler.handle(compact, headers)).toEqual(handled);
    expect(await handler.handle(JSON.stringify(value, null, 2), headers)).toEqual(duplicate);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it("releases the id of a failed delivery, so the provider's retry is handled", async () => {
    let attempts = 0;
    const handler = teachfloor.createHandler({
      secret,
      on: {
        "course.join": () => {
          attempts++;
          if (attempts === 1) throw new Error("database down");
        },
      },
    });
    const headers = await signed();
    expect((await handler.handle(body, headers)).status).toBe(500);
    expect(await handler.handle(body, headers)).toEqual(handled);
    expect(await handler.handle(body, headers)).toEqual(duplicate);
    expect(attempts).toBe(2);
  });

  it("answers a copy that arrives while the first is being handled 409, and handles neither twice", async () => {
    const gate = deferred();
    const join = vi.fn(() => gate.promise);
    const handler = teachfloor.createHandler({ secret, on: { "course.join": join } });
    const headers = await signed();
    const first = handler.handle(body, headers);
    await vi.waitFor(() => expect(join).toHaveBeenCalledTimes(1)); // the first has claimed the id and is running
    const second = await handler.handle(body, headers);
    expect(second).toMatchObject({
      status: 409,
      body: { error: "delivery_in_progress" },
      headers: { "retry-after": "10" },
    });
    gate.resolve();
    expect(await first).toEqual(handled);
    expect(join).toHaveBeenCalledTimes(1);
  });

  it("handles every copy with deduplicate: false", async () => {
    const join = vi.fn();
    const handler = teachfloor.createHandler({ secret, on: { "course.join": join }, deduplicate: false });
    const headers = await signed();
    await handler.handle(body, headers);
    await handler.handle(body, headers);
    expect(join).toHaveBeenCalledTimes(2);
  });

  it("uses the store it is given, keyed by catalogue and id, with a lease and a keep time", async () => {
    const calls: string[] = [];
    const states = new Map<string, ClaimResult>();
    const store: DeliveryStore = {
      claim: async (id, lease) => {
        calls.push(`claim ${id} ${lease}`);
        const state = states.get(id);
        if (state) return state;
        states.set(id, "in_progress");
        return "claimed";
      },
      complete: async (id, keep) => {
        calls.push(`complete ${id} ${keep}`);
        states.set(id, "done");
      },
      release: async (id) => {
        calls.push(`release ${id}`);
        states.delete(id);
      },
    };
    const handler = teachfloor.createHandler({ secret, timeoutMs: 3000, deduplicate: { store, keepSeconds: 600 } });
    const headers = await signed();
    await handler.handle(body, headers);
    expect(await handler.handle(body, headers)).toEqual(duplicate);
    expect(calls).toEqual([
      "claim teachfloor:evt_abc123 8",
      "complete teachfloor:evt_abc123 600",
      "claim teachfloor:evt_abc123 8",
    ]);
  });

  it("handles the delivery when the store fails (a duplicate is better than a loss), and tells onError", async () => {
    const onError = vi.fn();
    const join = vi.fn();
    const broken: DeliveryStore = {
      claim: () => Promise.reject(new Error("redis down")),
      complete: () => undefined,
      release: () => undefined,
    };
    const log = { info: vi.fn(), error: vi.fn() };
    const handler = teachfloor.createHandler({
      secret,
      on: { "course.join": join },
      onError,
      log,
      deduplicate: { store: broken },
    });
    expect(await handler.handle(body, await signed())).toEqual(handled);
    expect(join).toHaveBeenCalledTimes(1);
    const failure = { code: "store_failed", status: 200, deliveryId: "evt_abc123" };
    expect(onError).toHaveBeenCalledWith(new Error("redis down"), undefined, failure);
    expect(log.error).toHaveBeenCalledWith(
      "webhook store failed",
      expect.objectContaining({ ...failure, error: "redis down" }),
    );
  });

  it("does not let a forged copy of a handled delivery through, nor mark it", async () => {
    const handler = teachfloor.createHandler({ secret, on: {} });
    expect((await handler.handle(body, await signed())).status).toBe(200);
    expect((await handler.handle(body, { "Teachfloor-Signature": "00".repeat(32) })).status).toBe(401);
  });
});

describe("memoryStore", () => {
  it("claims an id once, reports it in progress until completed or released, then done until it expires", () => {
    let now = 0;
    const store = memoryStore({ now: () => now });
    expect(store.claim("a", 10)).toBe("claimed");
    expect(store.claim("a", 10)).toBe("in_progress");
    store.release("a");
    expect(store.claim("a", 10)).toBe("claimed");
    store.complete("a", 60);
    expect(store.claim("a", 10)).toBe("done");
    now = 59_999;
    expect(store.claim("a", 10)).toBe("done");
    now = 60_000;
    expect(store.claim("a", 10)).toBe("claimed");
    now = 70_000; // the lease of an instance that died ran out
    expect(store.claim("a", 10)).toBe("claimed");
  });

  it("holds at most maxEntries ids, forgetting the least recently touched first", () => {
    const store = memoryStore({ maxEntries: 3 });
    for (const id of ["a", "b", "c"]) store.complete(id, 60);
    store.complete("a", 60); // touched again: now the newest
    store.complete("d", 60);
    expect(["a", "c", "d"].map((id) => store.claim(id, 1))).toEqual(["done", "done", "done"]);
    expect(store.claim("b", 1)).toBe("claimed");
  });

  it("stays bounded under a flood of distinct ids: the newest maxEntries are kept, every older one forgotten", () => {
    const store = memoryStore({ maxEntries: 100 });
    for (let i = 0; i < 10_000; i++) store.complete(`id-${i}`, 60);
    // Claiming a handled id changes nothing, so the newest 100 can be checked without disturbing the store.
    const newest = Array.from({ length: 100 }, (_, i) => store.claim(`id-${9_900 + i}`, 1));
    expect(new Set(newest)).toEqual(new Set(["done"]));
    expect(store.claim("id-9899", 1)).toBe("claimed");
    expect(store.claim("id-0", 1)).toBe("claimed");
  });
});
