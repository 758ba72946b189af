/**
 * Code shown in the READMEs. The fetch-style handler is also compiled and run by the consumer tests
 * against the installed packages, so the README shows code that works.
 */

/** A fetch-style receiver (Hono, Next.js route handlers, Cloudflare Workers, Deno). */
export const fetchHandler = (packageName: string): string[] => [
  `import { parse } from "${packageName}";`,
  "",
  "export async function POST(request: Request): Promise<Response> {",
  "  const result = parse(new Uint8Array(await request.arrayBuffer()));",
  "  if (!result.ok) {",
  '    if (result.error.code === "unknown_event") ' +
    "return Response.json({ ignored: result.error.type }, { status: 202 });",
  "    return Response.json({ error: result.error.code, message: result.error.message }, { status: 400 });",
  "  }",
  "  // handle result.event, narrowed by its type",
  "  return new Response(null, { status: 204 });",
  "}",
];

/** An Express receiver with its own answers: the raw body verified and parsed by `receive`, then trusted. */
export const expressHandler = (packageName: string, secretVariable: string): string[] => [
  'import express from "express";',
  `import { receive } from "${packageName}";`,
  "",
  "export const app = express();",
  'app.post("/webhooks", express.raw({ type: "*/*" }), async (req, res) => {',
  `  const result = await receive(req.body, req.headers, process.env.${secretVariable} ?? "");`,
  "  if (!result.ok) {",
  "    const error = { error: result.error.code, message: result.error.message };",
  "    if (result.deliveryId === undefined) return res.status(401).json(error); // not signed with the secret",
  '    if (result.error.code === "unknown_event") return res.status(202).json({ ignored: result.error.type });',
  "    return res.status(400).json(error);",
  "  }",
  "  // handle result.event, narrowed by its type; result.deliveryId is the idempotency key",
  "  return res.status(204).end();",
  "});",
];

/** The one-call receiver: verify, parse, and dispatch by event type, served by either adapter. */
export const handlerSnippet = (packageName: string, eventType: string, secretVariable: string): string[] => [
  `import { createHandler } from "${packageName}";`,
  "",
  "export const webhooks = createHandler({",
  `  secret: process.env.${secretVariable} ?? "",`,
  "  on: {",
  `    ${JSON.stringify(eventType)}: async (event, { deliveryId }) => {`,
  "      // event is exactly this event's type; deliveryId is the idempotency key",
  "    },",
  "  },",
  "});",
  "",
  "// Next.js route handlers, Workers, Deno: export const POST = webhooks.fetch;",
  '// Hono: app.post("/webhooks", (c) => webhooks.fetch(c.req.raw));',
  '// Express, node:http: app.post("/webhooks", webhooks.node); before any JSON body parser',
];

/**
 * How to mount the handler in a framework: `webhooks` is the one `handlerSnippet` creates, imported from
 * `./webhooks.js`. Each recipe is the file `examples/frameworks/<file>.ts`, which test/frameworks runs against
 * the real framework.
 */
export interface FrameworkRecipe {
  framework: string;
  /** What to know, shown before the code. */
  note: string;
  file: string;
  code: string[];
}

const importWebhooks = 'import { webhooks } from "./webhooks.js";';

export const frameworkRecipes: readonly FrameworkRecipe[] = [
  {
    framework: "Express",
    note: "mount the handler before `express.json()`, which would read the body first.",
    file: "express",
    code: [
      'import express from "express";',
      importWebhooks,
      "",
      "export const app = express();",
      'app.post("/webhooks", webhooks.node);',
      "app.use(express.json()); // the rest of the app",
    ],
  },
  {
    framework: "Express, with a body parser on the route",
    note:
      '`express.raw({ type: "*/*" })` on the route keeps the bytes and the handler takes the Buffer (its own ' +
      "`limit`, 100 kB by default, applies first); behind `express.json()` the handler answers 500 " +
      "`raw_body_unavailable`, as a signature cannot be checked on a parsed object.",
    file: "express-raw",
    code: [
      'import express from "express";',
      importWebhooks,
      "",
      "export const app = express();",
      'app.post("/webhooks", express.raw({ type: "*/*" }), webhooks.node);',
    ],
  },
  {
    framework: "Fastify",
    note:
      "Fastify parses JSON before the route runs, so `webhooks.node(request.raw, reply.raw)` answers 500 " +
      "`raw_body_unavailable`; keep the bytes with a content-type parser in the webhook plugin only, and pass them " +
      "to `handle`.",
    file: "fastify",
    code: [
      'import Fastify from "fastify";',
      importWebhooks,
      "",
      "export const app = Fastify();",
      "await app.register(async (scope) => {",
      "  // In this plugin only: every body as raw bytes, whatever its content type.",
      "  scope.removeAllContentTypeParsers();",
      '  scope.addContentTypeParser("*", { parseAs: "buffer" }, (_request, body, done) => done(null, body));',
      '  scope.post<{ Body: Buffer }>("/webhooks", async (request, reply) => {',
      "    const answer = await webhooks.handle(request.body, request.headers);",
      "    return reply",
      "      .code(answer.status)",
      "      .headers(answer.headers ?? {})",
      "      .send(answer.body);",
      "  });",
      "});",
    ],
  },
  {
    framework: "Hono",
    note:
      "`c.req.raw` is the request as it arrived, unless a middleware read the body first (`c.req.json()`, a " +
      "validator); on Node, serve the app with `@hono/node-server`.",
    file: "hono",
    code: [
      'import { Hono } from "hono";',
      importWebhooks,
      "",
      "export const app = new Hono();",
      'app.post("/webhooks", (c) => webhooks.fetch(c.req.raw));',
    ],
  },
  {
    framework: "Next.js App Router",
    note: "a route handler, `app/webhooks/route.ts`, that type-checks as `next build` checks routes.",
    file: "next-route",
    code: [importWebhooks, "", "export const POST = webhooks.fetch;"],
  },
  {
    framework: "node:http",
    note: "the handler reads the body itself, within `maxBodyBytes` and `readTimeoutMs`.",
    file: "node-http",
    code: [
      'import { createServer } from "node:http";',
      importWebhooks,
      "",
      "export const server = createServer((req, res) => void webhooks.node(req, res));",
    ],
  },
];
