// Shared by the delivery tests: each catalogue's built package, its delivery.json, its documented event
// examples as bodies, and an independent signer written with node:crypto (never the code under test).

import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";
import type { Catalogue, EventSchema } from "../../generator/catalogue.js";
import type { HeadersLike } from "../../generator/runtime/headers.js";
import type { DeliveryConfig, ReceiveResult } from "../../generator/runtime/receive.js";
import type { RawBody, Secret, SignOptions, VerifyOptions, VerifyResult } from "../../generator/runtime/verify.js";
import { builtPackage, catalogues, projectRoot } from "../helpers/catalogues.js";
import { eventExamples } from "../helpers/examples.js";

export type { DeliveryConfig, HeadersLike, RawBody, ReceiveResult, Secret, VerifyOptions, VerifyResult };
export type HexScheme = Extract<DeliveryConfig["signature"], { scheme: "hmac-sha256-hex" }>;

/** What a built package exports, as far as these tests use it. */
export interface DeliveryPackage {
  verify(rawBody: RawBody, headers: HeadersLike, secret: Secret, options?: VerifyOptions): Promise<VerifyResult>;
  sign(rawBody: RawBody, secret: string, options?: SignOptions): Promise<Record<string, string>>;
  receive(
    rawBody: RawBody,
    headers: HeadersLike,
    secret: Secret,
    options?: VerifyOptions,
  ): Promise<ReceiveResult<unknown>>;
}

/** A documented event example, as the body a provider would send. */
export interface ExampleBody {
  file: string;
  event: EventSchema;
  /** The body as sent: the stored JSON text, or for a JSON5 sample the compact JSON of its value. */
  body: string;
  value: unknown;
}

export interface Provider {
  path: string;
  catalogue: Catalogue;
  config: DeliveryConfig;
  pkg: DeliveryPackage;
  examples: ExampleBody[];
}

/** The schemes these tests know how to sign; a new one must get tests before it gets through here. */
const knownSchemes = new Set(["hmac-sha256-hex", "standard-webhooks"]);

export const providers: Provider[] = await Promise.all(
  catalogues().map(async (catalogue): Promise<Provider> => {
    const config = JSON.parse(
      readFileSync(join(projectRoot, "schemas", catalogue.path, "delivery.json"), "utf8"),
    ) as DeliveryConfig;
    if (!knownSchemes.has(config.signature.scheme))
      throw new Error(`${catalogue.path}: unknown signature scheme ${config.signature.scheme}`);
    const pkg = await builtPackage<DeliveryPackage>(catalogue.path);
    const examples = eventExamples(catalogue).map(({ file, event, body, value }) => ({ file, event, body, value }));
    if (examples.length === 0) throw new Error(`${catalogue.path}: no documented event example`);
    return { path: catalogue.path, catalogue, config, pkg, examples };
  }),
);

export const hexProviders = providers.filter(
  (p): p is Provider & { config: { signature: HexScheme } } => p.config.signature.scheme === "hmac-sha256-hex",
);
export const standardWebhooksProviders = providers.filter((p) => p.config.signature.scheme === "standard-webhooks");

// ---- the independent signer ---------------------------------------------------------------------------

/** Hex HMAC-SHA256 of what the scheme signs: the raw body, or its compact JSON. */
export function hexSignature(scheme: HexScheme, body: string | Uint8Array, secret: string): string {
  return createHmac("sha256", secret)
    .update(scheme.signs === "compact-json" ? compact(body) : body)
    .digest("hex");
}

/**
 * The compact single-line JSON of a body's payload (a leading byte-order mark is no part of it); a body that is not
 * JSON has no other form than itself.
 */
function compact(body: string | Uint8Array): string {
  const text = Buffer.from(body).toString("utf8");
  try {
    return JSON.stringify(JSON.parse(text.replace(/^\uFEFF/, "")));
  } catch {
    return text;
  }
}

/** The Standard Webhooks key: `whsec_` + base64 decoded, any other string as its UTF-8 bytes. */
export const standardWebhooksKey = (secret: string): Buffer =>
  secret.startsWith("whsec_") ? Buffer.from(secret.slice("whsec_".length), "base64") : Buffer.from(secret, "utf8");

/** The base64 signature (without `v1,`) over `<id>.<timestamp>.<body>`. */
export function standardWebhooksSignature(
  secret: string,
  id: string,
  timestamp: number | string,
  body: string | Uint8Array,
): string {
  return createHmac("sha256", standardWebhooksKey(secret))
    .update(Buffer.concat([Buffer.from(`${id}.${timestamp}.`, "utf8"), Buffer.from(body)]))
    .digest("base64");
}

/** The Standard Webhooks delivery time the tests use, and the clock that matches it. */
export const sentAt = 1_700_000_000;
export const clockAt = (seconds: number): VerifyOptions => ({ now: () => seconds * 1000 });
export const atSend = clockAt(sentAt);
export const messageId = "msg_2bXo2ZcD2ne9YmG7LkQkNNwKx1F";

/** The headers the provider would send with `body`, signed here with node:crypto. */
export function deliveryHeaders(
  provider: Provider,
  body: string | Uint8Array,
  secret: string,
  id = messageId,
  timestamp = sentAt,
): Record<string, string> {
  const signature = provider.config.signature;
  if (signature.scheme === "hmac-sha256-hex") return { [signature.headers[0]!]: hexSignature(signature, body, secret) };
  return {
    "webhook-id": id,
    "webhook-timestamp": String(timestamp),
    "webhook-signature": `v1,${standardWebhooksSignature(secret, id, timestamp, body)}`,
  };
}

/** The name of the header that carries the signature itself. */
export const signatureHeader = (provider: Provider): string =>
  provider.config.signature.scheme === "hmac-sha256-hex" ? provider.config.signature.headers[0]! : "webhook-signature";

/** A secret in the form the provider issues: any string for HMAC-hex, `whsec_` + base64 for Standard Webhooks. */
export function secretFor(provider: Provider, seed: string): string {
  return provider.config.signature.scheme === "standard-webhooks"
    ? `whsec_${Buffer.from(`${seed}-key-material-0123456789`).toString("base64")}`
    : `${seed}_signing_secret_4f1c`;
}

/** `{ ok: false, error: { code } }` of a failed result, with any message. */
export const failure = (code: string) => ({ ok: false, error: { code, message: expect.any(String) } });
