import Fastify, { type FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { delivery, forged, forgedAnswer, handled, post, setSecretEnv } from "./helpers.js";

setSecretEnv();
const { joined, webhooks } = await import("../../examples/frameworks/webhooks.js");
const { app } = await import("../../examples/frameworks/fastify.js");

const started: FastifyInstance[] = [];
const start = async (fastify: FastifyInstance) => {
  started.push(fastify);
  return `${await fastify.listen({ port: 0, host: "127.0.0.1" })}/webhooks`;
};
afterAll(() => Promise.all(started.map((fastify) => fastify.close())));

let url: string;
beforeAll(async () => {
  url = await start(app);
});

it("Fastify: the recipe (raw-bytes parser in the webhook plugin, then handle) answers a delivery 200", async () => {
  const d = await delivery();
  expect(await post(url, d)).toEqual(handled);
  expect(joined).toContainEqual({ deliveryId: d.id, email: "john@example.com" });
  expect(await post(url, forged(await delivery()))).toMatchObject(forgedAnswer);
});

it("Fastify: the recipe takes any content type (Fastify alone answers 415 to one it has no parser for)", async () => {
  const d = await delivery();
  const octets = { ...d, headers: { ...d.headers, "content-type": "application/octet-stream" } };
  expect(await post(url, octets)).toEqual(handled);
});

/** A delivery to a route behind Fastify's JSON parser is refused as a setup fault, never as a bad signature. */
async function expectRawBodyUnavailable(fastify: FastifyInstance) {
  const answer = await post(await start(fastify), await delivery());
  expect(answer, "not a false 401").toMatchObject({ status: 500, body: { error: "raw_body_unavailable" } });
  const { message } = answer.body as { message: string };
  expect(message).toContain('Fastify: add a content-type parser with { parseAs: "buffer" }');
}

it("Fastify: webhooks.node(request.raw, reply.raw) behind the JSON parser is 500 raw_body_unavailable", async () => {
  const fastify = Fastify();
  fastify.post("/webhooks", (request, reply) => webhooks.node(request.raw, reply.raw));
  await expectRawBodyUnavailable(fastify);
});

it("Fastify: handle(request.body) given the object the JSON parser made is 500 raw_body_unavailable", async () => {
  const fastify = Fastify();
  fastify.post("/webhooks", async (request, reply) => {
    const answer = await webhooks.handle(request.body as string, request.headers);
    return reply
      .code(answer.status)
      .headers(answer.headers ?? {})
      .send(answer.body);
  });
  await expectRawBodyUnavailable(fastify);
});
