// Fastify: a raw-bytes content-type parser in the webhook plugin, and the bytes passed to handle().
import Fastify from "fastify";
import { webhooks } from "./webhooks.js";

export const app = Fastify();
await app.register(async (scope) => {
  // In this plugin only: every body as raw bytes, whatever its content type.
  scope.removeAllContentTypeParsers();
  scope.addContentTypeParser("*", { parseAs: "buffer" }, (_request, body, done) => done(null, body));
  scope.post<{ Body: Buffer }>("/webhooks", async (request, reply) => {
    const answer = await webhooks.handle(request.body, request.headers);
    return reply
      .code(answer.status)
      .headers(answer.headers ?? {})
      .send(answer.body);
  });
});
