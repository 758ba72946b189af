import { afterAll, beforeAll, expect, it } from "vitest";
import { delivery, forged, forgedAnswer, handled, listen, post, setSecretEnv } from "./helpers.js";

setSecretEnv();
const { joined } = await import("../../examples/frameworks/webhooks.js");
const { server } = await import("../../examples/frameworks/node-http.js");

let url: string;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ url, close } = await listen(server));
  url += "/webhooks";
});
afterAll(() => close());

it("node:http: createServer((req, res) => void webhooks.node(req, res)) answers a signed delivery 200", async () => {
  const d = await delivery();
  expect(await post(url, d)).toEqual(handled);
  expect(joined).toContainEqual({ deliveryId: d.id, email: "john@example.com" });
  expect(await post(url, forged(await delivery()))).toMatchObject(forgedAnswer);
});
