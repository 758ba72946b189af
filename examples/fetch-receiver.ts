// A Fetch-style receiver: the shape of a Cloudflare Worker, a Deno server, a Hono app or a Next.js
// route handler. `fetch` is all such a runtime needs; `serve` runs it on Node for local use and tests.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import * as teachfloor from "@coursehooks/teachfloor";
import * as whop from "@coursehooks/whop";

export function createApp(secret: string, log: string[] = []): { fetch(request: Request): Promise<Response> } {
  const routes: Record<string, (request: Request) => Promise<Response>> = {
    "/teachfloor": teachfloor.createHandler({
      secret,
      on: {
        "course.join": (event) => void log.push(`teachfloor ${event.type} ${event.data.member.email ?? "(no email)"}`),
      },
    }).fetch,
    "/whop": whop.createHandler({
      secret,
      on: {
        "course_lesson_interaction.completed": (event) =>
          void log.push(`whop ${event.type} ${event.data.user.username}`),
      },
    }).fetch,
  };
  return {
    fetch: (request) =>
      routes[new URL(request.url).pathname]?.(request) ?? Promise.resolve(new Response(null, { status: 404 })),
  };
}

/** A Fetch `Request` for a Node request, its body streamed (not read ahead). */
function toRequest(req: IncomingMessage): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  const body =
    req.method === "GET" || req.method === "HEAD" ? undefined : (Readable.toWeb(req) as unknown as ReadableStream);
  const init = { method: req.method, headers, body, duplex: "half" } as RequestInit;
  return new Request(new URL(req.url ?? "/", "http://localhost"), init);
}

/** Serves a Fetch-style app on Node's `http`; a request that cannot even be turned into a `Request` gets 400. */
export function serve(app: { fetch(request: Request): Promise<Response> }): Server {
  return createServer(async (req, res) => {
    try {
      const response = await app.fetch(toRequest(req));
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    } catch {
      if (!res.headersSent) res.writeHead(400);
      res.end();
    }
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const server = serve(createApp(process.env.WEBHOOK_SECRET ?? "dev-secret"));
  server.listen(Number(process.env.PORT ?? 3001), "127.0.0.1", () => {
    const { port } = server.address() as AddressInfo;
    console.log(`Receiving webhooks on http://127.0.0.1:${port}/{teachfloor,whop}`);
  });
}
