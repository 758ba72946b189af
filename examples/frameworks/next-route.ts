// Next.js App Router: a route handler (app/webhooks/route.ts).
import { webhooks } from "./webhooks.js";

export const POST = webhooks.fetch;
