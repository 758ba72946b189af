import { NextRequest } from "next/server.js";
import { expect, it } from "vitest";
import { delivery, forged, forgedAnswer, handled, setSecretEnv, type Delivery } from "./helpers.js";

setSecretEnv();
const { joined } = await import("../../examples/frameworks/webhooks.js");
const { POST } = await import("../../examples/frameworks/next-route.js");

const init = (d: Delivery) => ({ method: "POST", headers: d.headers, body: d.body });
const answer = async (response: Response) => ({ status: response.status, body: await response.json() });

it("Next.js route handler: the exported POST answers a signed delivery 200, as a Request or NextRequest", async () => {
  const d = await delivery();
  expect(await answer(await POST(new Request("http://localhost/webhooks", init(d))))).toEqual(handled);
  expect(joined).toContainEqual({ deliveryId: d.id, email: "john@example.com" });
  const next = new NextRequest("http://localhost/webhooks", init(await delivery()));
  expect(await answer(await POST(next))).toEqual(handled);
  const bad = await POST(new Request("http://localhost/webhooks", init(forged(await delivery()))));
  expect(await answer(bad)).toMatchObject(forgedAnswer);
});
