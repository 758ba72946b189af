import { sha256, toHex, utf8 } from "./crypto.js";
import { decodeBody } from "./decode.js";
import { header, type HeadersLike } from "./headers.js";
import { describeThrown } from "./issues.js";
import { parseEvent, type CatalogueRuntime } from "./parse.js";
import type { ParseError } from "./result.js";
import {
  verifyDelivery,
  type RawBody,
  type Secret,
  type SignatureScheme,
  type VerifyError,
  type VerifyOptions,
} from "./verify.js";

/** Where a delivery's idempotency key comes from. */
export type DeliveryIdSource =
  | { from: "envelope"; property: string }
  | { from: "header"; name: string }
  | { from: "body-hash" };

/** How a catalogue's deliveries arrive (its `delivery.json`). */
export interface DeliveryConfig {
  /** The catalogue (`teachfloor`, `teachfloor/early`): delivery ids are kept apart per catalogue in a shared store. */
  scope: string;
  signature: SignatureScheme;
  deliveryId: DeliveryIdSource;
}

/** Why a delivery was not accepted: it is not genuine, or it is not a valid event. */
export type DeliveryError = VerifyError | ParseError;

/**
 * The delivery's event and idempotency key, or why it was not accepted (with its key once it is known to be genuine).
 */
export type ReceiveResult<E> =
  | { ok: true; event: E; deliveryId: string }
  | { ok: false; error: ParseError; deliveryId: string }
  | { ok: false; error: VerifyError; deliveryId?: undefined };

const readJson = (body: RawBody): unknown => {
  const decoded = decodeBody(body);
  return decoded.ok ? decoded.value : undefined;
};

/**
 * The provider's idempotency key where it has one, else the SHA-256 (hex) of what the provider signs: the raw
 * body, or for providers that sign compact JSON the compact JSON of the payload, so reformatted copies of one
 * delivery share an id.
 */
async function deliveryIdOf(
  config: DeliveryConfig,
  body: RawBody,
  headers: HeadersLike,
  value: unknown,
): Promise<string> {
  const source = config.deliveryId;
  if (source.from === "header") {
    const id = header(headers, source.name);
    if (id) return id;
  }
  if (source.from === "envelope") {
    const id =
      value !== null && typeof value === "object" ? (value as Record<string, unknown>)[source.property] : undefined;
    if (typeof id === "string" && id) return id;
  }
  const compact = config.signature.scheme === "hmac-sha256-hex" && config.signature.signs === "compact-json";
  return toHex(await sha256(utf8(compact && value !== undefined ? JSON.stringify(value) : body)));
}

/** Verifies, then parses: one result for both. Never throws. */
export async function receiveDelivery<E>(
  config: DeliveryConfig,
  catalogue: CatalogueRuntime,
  body: RawBody,
  headers: HeadersLike,
  secret: Secret,
  options: VerifyOptions = {},
): Promise<ReceiveResult<E>> {
  const verified = await verifyDelivery(config.signature, body, headers, secret, options);
  if (!verified.ok) return verified;
  try {
    const parsed = parseEvent<E>(catalogue, body);
    const deliveryId = await deliveryIdOf(config, body, headers, parsed.ok ? parsed.event : readJson(body));
    return parsed.ok ? { ok: true, event: parsed.event, deliveryId } : { ...parsed, deliveryId };
  } catch (thrown) {
    // Only hostile headers objects (throwing getters, proxies) get here: the body has been verified.
    return {
      ok: false,
      error: { code: "malformed_signature", message: `The delivery could not be read: ${describeThrown(thrown)}` },
    };
  }
}
