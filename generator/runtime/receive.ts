import { sha256, toHex, utf8 } from "./crypto.js";
import { decodeBody } from "./decode.js";
import { header, type HeadersLike } from "./headers.js";
import { parseEvent, type CatalogueRuntime } from "./parse.js";
import type { ParseError } from "./result.js";
import { verifyDelivery, type RawBody, type Secret, type SignatureScheme, type VerifyError, type VerifyOptions } from "./verify.js";

/** Where a delivery's idempotency key comes from. */
export type DeliveryIdSource = { from: "envelope"; property: string } | { from: "header"; name: string } | { from: "body-hash" };

/** How a catalogue's deliveries arrive (its `delivery.json`). */
export interface DeliveryConfig {
  signature: SignatureScheme;
  deliveryId: DeliveryIdSource;
}

/** Why a delivery was not accepted: it is not genuine, or it is not a valid event. */
export type DeliveryError = VerifyError | ParseError;

/** The delivery's event and idempotency key, or why it was not accepted (with its key once it is known to be genuine). */
export type ReceiveResult<E> = { ok: true; event: E; deliveryId: string } | { ok: false; error: DeliveryError; deliveryId?: string };

const readJson = (body: RawBody): unknown => {
  const decoded = decodeBody(body);
  return decoded.ok ? decoded.value : undefined;
};

/** The provider's idempotency key where it has one, else the SHA-256 of the raw body (hex). */
async function deliveryIdOf(source: DeliveryIdSource, body: RawBody, headers: HeadersLike, event: unknown): Promise<string> {
  if (source.from === "header") {
    const value = header(headers, source.name);
    if (value) return value;
  }
  if (source.from === "envelope") {
    const value = event !== null && typeof event === "object" ? (event as Record<string, unknown>)[source.property] : undefined;
    if (typeof value === "string" && value) return value;
  }
  return toHex(await sha256(utf8(body)));
}

/** Verifies, then parses: one result for both. Never throws. */
export async function receiveDelivery<E>(config: DeliveryConfig, catalogue: CatalogueRuntime, body: RawBody, headers: HeadersLike, secret: Secret, options: VerifyOptions = {}): Promise<ReceiveResult<E>> {
  const verified = await verifyDelivery(config.signature, body, headers, secret, options);
  if (!verified.ok) return verified;
  const parsed = parseEvent<E>(catalogue, body);
  if (!parsed.ok) return { ...parsed, deliveryId: await deliveryIdOf(config.deliveryId, body, headers, readJson(body)) };
  return { ok: true, event: parsed.event, deliveryId: await deliveryIdOf(config.deliveryId, body, headers, parsed.event) };
}
