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
  '    if (result.error.code === "unknown_event") return Response.json({ ignored: result.error.type }, { status: 202 });',
  "    return Response.json({ error: result.error.code, message: result.error.message }, { status: 400 });",
  "  }",
  "  // handle result.event, narrowed by its type",
  "  return new Response(null, { status: 204 });",
  "}",
];

/** An Express receiver: the raw body, not express.json(), so signatures can be checked on it too. */
export const expressHandler = (packageName: string): string[] => [
  'import express from "express";',
  `import { parse } from "${packageName}";`,
  "",
  "const app = express();",
  `app.post("/webhooks", express.raw({ type: "application/json" }), (req, res) => {`,
  "  const result = parse(req.body); // the raw body, as a Buffer",
  "  if (!result.ok) {",
  '    if (result.error.code === "unknown_event") return res.status(202).json({ ignored: result.error.type });',
  "    return res.status(400).json({ error: result.error.code, message: result.error.message });",
  "  }",
  "  // handle result.event, narrowed by its type",
  "  return res.status(204).end();",
  "});",
];

/** The one-call receiver: verify, parse, and dispatch by event type, served by either adapter. */
export const handlerSnippet = (packageName: string, eventType: string, secretVariable: string): string[] => [
  `import { createHandler } from "${packageName}";`,
  "",
  "const webhooks = createHandler({",
  `  secret: process.env.${secretVariable} ?? "",`,
  "  on: {",
  `    ${JSON.stringify(eventType)}: async (event, { deliveryId }) => {`,
  "      // event is exactly this event's type; deliveryId is the idempotency key",
  "    },",
  "  },",
  "});",
  "",
  "export const POST = webhooks.fetch; // Hono, Next.js route handlers, Workers, Deno",
  "// app.post(\"/webhooks\", webhooks.node); // Express or node:http: reads the raw body itself",
];
