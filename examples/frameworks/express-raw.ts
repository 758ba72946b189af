// Express: express.raw on the webhook route keeps the bytes; the handler takes the Buffer.
import express from "express";
import { webhooks } from "./webhooks.js";

export const app = express();
app.post("/webhooks", express.raw({ type: "*/*" }), webhooks.node);
