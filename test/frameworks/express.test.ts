import { createServer } from "node:http";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { delivery, forged, forgedAnswer, handled, listen, post, setSecretEnv } from "./helpers.js";

setSecretEnv();
const { joined, webhooks } = await import("../../examples/frameworks/webhooks.js");
const recipes = {
  'app.post("/webhooks", webhooks.node) before express.json()': await import("../../examples/frameworks/express.js"),
  'express.raw({ type: "*/*" }) on the route, then webhooks.node': await import(
    "../../examples/frameworks/express-raw.js"
  ),
};

const closers: Array<() => Promise<void>> = [];
afterAll(() => Promise.all(closers.map((close) => close())));
const serve = async (app: express.Express) => {
  const { url, close } = await listen(createServer(app));
  closers.push(close);
  return `${url}/webhooks`;
};

describe.each(Object.entries(recipes))("Express: %s", (_, { app }) => {
  let url: string;
  beforeAll(async () => {
    url = await serve(app);
  });

  it("answers a signed delivery 200 and hands the event to its handler", async () => {
    const d = await delivery();
    expect(await post(url, d)).toEqual(handled);
    expect(joined).toContainEqual({ deliveryId: d.id, email: "john@example.com" });
  });

  it("answers a forged signature 401", async () => {
    expect(await post(url, forged(await delivery()))).toMatchObject(forgedAnswer);
  });
});

it("Express: the README's receive() route answers 204, 401 when forged, 202 for an unknown event type", async () => {
  const url = await serve((await import("../../examples/frameworks/express-receive.js")).app);
  expect(await post(url, await delivery())).toEqual({ status: 204, body: undefined });
  expect(await post(url, forged(await delivery()))).toMatchObject(forgedAnswer);
  const unknown = await post(url, await delivery("course.archived"));
  expect(unknown).toEqual({ status: 202, body: { ignored: "course.archived" } });
});

it("Express: behind express.json() the answer is 500 raw_body_unavailable, naming the setting to change", async () => {
  const app = express();
  app.use(express.json());
  app.post("/webhooks", webhooks.node);
  const answer = await post(await serve(app), await delivery());
  expect(answer, "not a false 401").toMatchObject({ status: 500, body: { error: "raw_body_unavailable" } });
  const { message } = answer.body as { message: string };
  expect(message).toContain("Express: mount the handler before express.json()");
  expect(message).toContain('express.raw({ type: "*/*", limit: "1mb" })');
});
