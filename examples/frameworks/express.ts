// Express: the webhook route before express.json(), so the handler reads the raw body itself.
import express from "express";
import { webhooks } from "./webhooks.js";

export const app = express();
app.post("/webhooks", webhooks.node);
app.use(express.json()); // the rest of the app
