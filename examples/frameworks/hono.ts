// Hono: the handler answers the request as it arrived (c.req.raw).
import { Hono } from "hono";
import { webhooks } from "./webhooks.js";

export const app = new Hono();
app.post("/webhooks", (c) => webhooks.fetch(c.req.raw));
