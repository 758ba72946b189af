import { PGlite } from "@electric-sql/pglite";
import ioredisMock from "ioredis-mock";
import { afterAll, describe, expect, it, vi } from "vitest";
import type { DeliveryStore } from "@coursehooks/teachfloor";
import { redisStore } from "../examples/stores/redis.js";
import { createTable, sqlStore } from "../examples/stores/sql.js";
import { body, secret, signed, teachfloor } from "./handler/setup.js";

// The README's shared delivery stores, run against PostgreSQL (PGlite, Postgres compiled to WebAssembly) and a
// Redis stand-in: two receiving instances that share a store handle a delivery once.

// ioredis-mock is CommonJS whose types declare only a default export: under NodeNext that is `.default`.
const RedisMock = ioredisMock.default;
const postgres = new PGlite();
await postgres.exec(createTable);
afterAll(() => postgres.close());

const stores: Array<[string, () => DeliveryStore]> = [
  ["PostgreSQL", () => sqlStore(postgres)],
  ["Redis", () => redisStore(new RedisMock())],
];

describe.each(stores)("the %s store", (_, make) => {
  it("claims an id once, reports it in progress, released, done", async () => {
    const store = make();
    const id = `id-${Math.random()}`;
    expect(await store.claim(id, 60)).toBe("claimed");
    expect(await store.claim(id, 60)).toBe("in_progress");
    await store.release(id);
    expect(await store.claim(id, 60)).toBe("claimed");
    await store.complete(id, 60);
    expect(await store.claim(id, 60)).toBe("done");
  });

  it("lets the next claim take an id whose lease ran out", async () => {
    const store = make();
    const id = `lease-${Math.random()}`;
    expect(await store.claim(id, 1)).toBe("claimed");
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(await store.claim(id, 60)).toBe("claimed");
  });

  it("makes two instances sharing it handle a delivery once", async () => {
    const store = make();
    const join = vi.fn();
    const first = teachfloor.createHandler({ secret, on: { "course.join": join }, deduplicate: { store } });
    const second = teachfloor.createHandler({ secret, on: { "course.join": join }, deduplicate: { store } });
    const text = body.replace('"evt_abc123"', `"evt_${Math.random().toString(36).slice(2)}"`);
    const headers = await signed(text);
    expect((await first.handle(text, headers)).status).toBe(200);
    expect(await second.handle(text, headers)).toEqual({ status: 200, body: { received: true, duplicate: true } });
    expect(join).toHaveBeenCalledTimes(1);
  });
});
