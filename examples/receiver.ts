// A webhook receiver on plain Node `http` (Express mounts `webhooks.node` the same way), one path per
// provider. Run it: `npx tsx examples/receiver.ts`, then send it a signed test delivery:
// `npx coursehooks send teachfloor course.join --to http://127.0.0.1:3000/teachfloor --secret dev-secret`.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import * as edume from "@coursehooks/edume";
import * as teachfloor from "@coursehooks/teachfloor";
import * as teachify from "@coursehooks/teachify";
import * as whop from "@coursehooks/whop";

/** What the receiver has handled: provider, event type and delivery id, in order of arrival. */
export type Log = Array<{ provider: string; type: string; deliveryId: string }>;

export function createReceiver(secret: string, log: Log = []): Server {
  const handlers = {
    "/teachfloor": teachfloor.createHandler({
      secret,
      on: {
        "course.join": (event, { deliveryId }) =>
          void log.push({ provider: "teachfloor", type: event.type, deliveryId }),
        "element.completed": (event, { deliveryId }) =>
          void log.push({ provider: "teachfloor", type: event.type, deliveryId }),
      },
    }),
    "/teachify": teachify.createHandler({
      secret,
      on: {
        "course.student_enroll": (event, { deliveryId }) =>
          void log.push({ provider: "teachify", type: event.type, deliveryId }),
      },
    }),
    "/edume": edume.createHandler({
      secret: { signatureSecret: secret, bearerToken: secret },
      on: {
        "course.completed": (event, { deliveryId }) =>
          void log.push({ provider: "edume", type: event.type, deliveryId }),
      },
    }),
    "/whop": whop.createHandler({
      secret,
      on: {
        "course_lesson_interaction.completed": (event, { deliveryId }) =>
          void log.push({ provider: "whop", type: event.type, deliveryId }),
      },
    }),
  };
  return createServer((request, response) => {
    const handler = handlers[(request.url ?? "").split("?")[0] as keyof typeof handlers];
    if (!handler) {
      response.statusCode = 404;
      response.end();
      return;
    }
    void handler.node(request, response); // never rejects: answers 405, 408, 413… itself
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const server = createReceiver(process.env.WEBHOOK_SECRET ?? "dev-secret");
  server.listen(Number(process.env.PORT ?? 3000), "127.0.0.1", () => {
    const { port } = server.address() as AddressInfo;
    console.log(`Receiving webhooks on http://127.0.0.1:${port}/{teachfloor,teachify,edume,whop}`);
  });
}
