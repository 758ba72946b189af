import * as edume from "@coursehooks/edume";
import * as whop from "@coursehooks/whop";
import { describe, expect, it } from "vitest";
import { memoryStore } from "@coursehooks/teachfloor";
import { secret, teachfloor } from "./setup.js";

// createHandler refuses wrong options at construction, naming each one, rather than failing on a delivery.

type Options = Parameters<typeof teachfloor.createHandler>[0];
const make = (options: Record<string, unknown>) => () => teachfloor.createHandler(options as unknown as Options);

describe("createHandler options", () => {
  it.each([
    ["an empty secret (an unset environment variable)", { secret: "" }, "secret"],
    ["an undefined secret", { secret: undefined }, "secret"],
    ["a list holding an empty secret", { secret: [secret, ""] }, "secret"],
    ["a bearer token for a provider that sends none", { secret: { bearerToken: "t" } }, "bearer"],
    ["handlers that are not an object", { secret, on: "course.join" }, "on must be"],
    ["a handler that is not a function", { secret, on: { "course.join": 42 } }, 'on["course.join"]'],
    ["an onError that is not a function", { secret, onError: {} }, "onError"],
    ["an onInvalid that is not a function", { secret, onInvalid: "store" }, "onInvalid"],
    ["a NaN tolerance", { secret, verify: { toleranceSeconds: Number.NaN } }, "toleranceSeconds"],
    ["an infinite tolerance", { secret, verify: { toleranceSeconds: Number.POSITIVE_INFINITY } }, "toleranceSeconds"],
    ["a negative tolerance", { secret, verify: { toleranceSeconds: -5 } }, "toleranceSeconds"],
    ["a clock that is not a function", { secret, verify: { now: Date.now() } }, "now"],
    ["a zero maxBodyBytes", { secret, maxBodyBytes: 0 }, "maxBodyBytes"],
    ["a NaN timeoutMs", { secret, timeoutMs: Number.NaN }, "timeoutMs"],
    ["a negative readTimeoutMs", { secret, readTimeoutMs: -1 }, "readTimeoutMs"],
    ["a store without release", { secret, deduplicate: { store: { claim() {}, complete() {} } } }, "deduplicate.store"],
    ["deduplicate: true", { secret, deduplicate: true }, "deduplicate"],
    ["a log that is not a logger", { secret, log: { info: "yes" } }, "log"],
  ])("throws a TypeError for %s, naming it", (_, options, named) => {
    expect(make(options)).toThrow(TypeError);
    expect(make(options)).toThrow(named);
  });

  it("names every problem at once", () => {
    expect(make({ secret: "", timeoutMs: 0, maxBodyBytes: -1 })).toThrow(/secret.*maxBodyBytes.*timeoutMs/);
  });

  it("refuses options that are not an object", () => {
    expect(make(null as unknown as Record<string, unknown>)).toThrow(TypeError);
  });

  it("accepts every documented option", () => {
    const handler = teachfloor.createHandler({
      secret: [secret, "previous-secret"],
      on: { "course.join": () => undefined },
      onAny: () => undefined,
      onUnknown: () => undefined,
      onInvalid: () => undefined,
      onError: () => undefined,
      log: console,
      verify: { toleranceSeconds: 0, now: () => 0 },
      maxBodyBytes: 1,
      readTimeoutMs: 1,
      timeoutMs: 1,
      deduplicate: { store: memoryStore({ maxEntries: 1 }), keepSeconds: 1 },
    });
    expect(typeof handler.fetch).toBe("function");
    expect(() => teachfloor.createHandler({ secret, deduplicate: false })).not.toThrow();
  });

  it("takes a bearer token alone for eduMe, and refuses a whsec_ secret that is not base64 for Whop", () => {
    expect(() => edume.createHandler({ secret: { bearerToken: "token" } })).not.toThrow();
    expect(() => edume.createHandler({ secret: { bearerToken: "" } })).toThrow("secret");
    expect(() => whop.createHandler({ secret: "whsec_not*base64" })).toThrow("whsec_");
    expect(() => whop.createHandler({ secret: "whsec_c2VjcmV0" })).not.toThrow();
  });
});
