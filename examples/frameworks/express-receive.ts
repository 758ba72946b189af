// Express with its own answers: the raw body verified and parsed by receive() before anything is trusted.
import express from "express";
import { receive } from "@coursehooks/teachfloor";

export const app = express();
app.post("/webhooks", express.raw({ type: "*/*" }), async (req, res) => {
  const result = await receive(req.body, req.headers, process.env.TEACHFLOOR_WEBHOOK_SECRET ?? "");
  if (!result.ok) {
    const error = { error: result.error.code, message: result.error.message };
    if (result.deliveryId === undefined) return res.status(401).json(error); // not signed with the secret
    if (result.error.code === "unknown_event") return res.status(202).json({ ignored: result.error.type });
    return res.status(400).json(error);
  }
  // handle result.event, narrowed by its type; result.deliveryId is the idempotency key
  return res.status(204).end();
});
