import type { Server } from "node:http";
import { createAdaptorServer } from "@hono/node-server";
import { afterAll, beforeAll, expect, it } from "vitest";
import { delivery, forged, forgedAnswer, handled, listen, post, setSecretEnv } from "./helpers.js";

setSecretEnv();
const { joined } = await import("../../examples/frameworks/webhooks.js");
const { app } = await import("../../examples/frameworks/hono.js");

let url: string;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ url, close } = await listen(createAdaptorServer({ fetch: app.fetch }) as Server));
  url += "/webhooks";
});
afterAll(() => close());

it("Hono on @hono/node-server: (c) => webhooks.fetch(c.req.raw) answers a signed delivery 200", async () => {
  const d = await delivery();
  expect(await post(url, d)).toEqual(handled);
  expect(joined).toContainEqual({ deliveryId: d.id, email: "john@example.com" });
  expect(await post(url, forged(await delivery()))).toMatchObject(forgedAnswer);
});
