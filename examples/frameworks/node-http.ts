// Node http: the handler reads the body itself.
import { createServer } from "node:http";
import { webhooks } from "./webhooks.js";

export const server = createServer((req, res) => void webhooks.node(req, res));
