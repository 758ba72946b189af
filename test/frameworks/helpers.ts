// Shared by the framework recipe tests: signed deliveries, and a server on a free loopback port.
import { randomUUID } from "node:crypto";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { sign } from "@coursehooks/teachfloor";
import { testDelivery } from "../helpers/deliveries.js";

export const secret = "framework-recipes-secret";

/** The answer to a genuine course.join delivery: handled by the recipes' course.join handler. */
export const handled = { status: 200, body: { received: true, handled: true } };
/** The answer to a delivery whose signature does not match. */
export const forgedAnswer = { status: 401, body: { error: "signature_mismatch" } };

/** Sets the secret the recipes read from the environment; call it before importing a recipe. */
export function setSecretEnv(): void {
  process.env.TEACHFLOOR_WEBHOOK_SECRET = secret;
}

export interface Delivery {
  id: string;
  body: string;
  headers: Record<string, string>;
}

let example: Promise<string> | undefined;

/**
 * Teachfloor's documented course.join example under a fresh envelope id (so no two are duplicates), signed as
 * Teachfloor signs it; with `type`, the same delivery as another event type.
 */
export async function delivery(type = "course.join"): Promise<Delivery> {
  example ??= testDelivery("teachfloor", "course.join", secret).then((d) => d.body);
  const documented = await example;
  const id = `evt_${randomUUID()}`;
  const body = documented
    .replace('"id": "evt_abc123"', `"id": "${id}"`)
    .replace('"type": "course.join"', `"type": "${type}"`);
  if (!body.includes(id) || !body.includes(`"type": "${type}"`)) throw new Error("the course.join example has changed");
  return { id, body, headers: { "content-type": "application/json", ...(await sign(body, secret)) } };
}

/** The same delivery with the last hex digit of its signature changed. */
export function forged(d: Delivery): Delivery {
  const signature = d.headers["Teachfloor-Signature"];
  if (!signature) throw new Error("sign() no longer gives a Teachfloor-Signature header");
  const last = signature.endsWith("0") ? "1" : "0";
  return { ...d, headers: { ...d.headers, "Teachfloor-Signature": signature.slice(0, -1) + last } };
}

/** POSTs a delivery and gives the status and the JSON body of the answer (undefined when it is empty). */
export async function post(url: string, d: Delivery): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url, { method: "POST", headers: d.headers, body: d.body });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

/** Listens on 127.0.0.1 on a free port; gives the base URL and a function that closes the server. */
export async function listen(server: Server): Promise<{ url: string; close: () => Promise<void> }> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return { url: `http://127.0.0.1:${port}`, close };
}
