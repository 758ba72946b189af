import { fromBase64, fromHex, hmacSha256, sameBytes, sameSecret, toBase64, toHex, utf8 } from "./crypto.js";
import { header, type HeadersLike } from "./headers.js";
import { decodeBody, nestingWithin } from "./decode.js";
import { describeThrown, valueAt } from "./issues.js";
import { readVerifyOptions } from "./options.js";

/** How a provider signs its deliveries (from the catalogue's `delivery.json`). */
export type SignatureScheme =
  | {
      /** Hex HMAC-SHA256, in the first of `headers` that is present. */
      scheme: "hmac-sha256-hex";
      headers: readonly string[];
      /** What is signed: the raw body, or the payload as compact single-line JSON. */
      signs: "raw-body" | "compact-json";
      /** Whether `Authorization: Bearer <token>` is accepted instead of a signature. */
      bearer: boolean;
    }
  | { scheme: "standard-webhooks" };

/** A body exactly as received: text or bytes. */
export type RawBody = string | Uint8Array;

/** One secret, several (any may match, for rotation), or for providers that allow it a bearer token too. */
export type Secret =
  | string
  | readonly string[]
  | { signatureSecret?: string | readonly string[]; bearerToken?: string | readonly string[] };

export interface VerifyOptions {
  /** Standard Webhooks: how far the timestamp may be from now, in seconds: a finite number >= 0 (default 300). */
  toleranceSeconds?: number;
  /** The clock, in **milliseconds** since the epoch, like `Date.now` (the default); must return a finite number. */
  now?: () => number;
}

export type VerifyError = {
  code:
    | "missing_signature"
    | "malformed_signature"
    | "signature_mismatch"
    | "timestamp_out_of_range"
    | "invalid_secret"
    | "invalid_options";
  message: string;
};

export type VerifyResult = { ok: true } | { ok: false; error: VerifyError };

const fail = (code: VerifyError["code"], message: string): VerifyResult => ({ ok: false, error: { code, message } });
/**
 * The secrets given; anything that is not a non-empty string (an unset environment variable) is kept as "" so it is
 * refused.
 */
const list = (value: unknown): string[] =>
  value === undefined
    ? []
    : (typeof value === "string" ? [value] : Array.isArray(value) ? value : [value]).map((s) =>
        typeof s === "string" ? s : "",
      );
const isSecretObject = (secret: unknown): secret is { signatureSecret?: unknown; bearerToken?: unknown } =>
  typeof secret === "object" && secret !== null && !Array.isArray(secret);
const signatureSecrets = (secret: Secret): string[] =>
  isSecretObject(secret) ? list(secret.signatureSecret) : secret === undefined || secret === null ? [""] : list(secret);
const bearerTokens = (secret: Secret): string[] => (isSecretObject(secret) ? list(secret.bearerToken) : []);

/** The body's text, with a leading byte-order mark kept as it is (so text and bytes sign alike). */
const textOf = (body: RawBody): string =>
  typeof body === "string" ? body : new TextDecoder("utf-8", { ignoreBOM: true }).decode(body);

/**
 * The body as eduMe signs it: compact JSON (a leading byte-order mark dropped), or the raw text when it cannot be
 * parsed.
 */
export function compactJson(body: RawBody): string {
  const decoded = decodeBody(body);
  return decoded.ok ? JSON.stringify(decoded.value) : textOf(body);
}

/** Bodies re-serialised to compact JSON for a signature check: at most this large and this deeply nested. */
const compactLimits = { bytes: 1_048_576, depth: 64 }; // a literal, which bundlers drop when unused

/** Whether a body is small and shallow enough to be parsed for its compact JSON; checked without parsing. */
const compactable = (body: RawBody): boolean =>
  utf8(body).length <= compactLimits.bytes && nestingWithin(textOf(body), compactLimits.depth);

/** Standard Webhooks keys: `whsec_` + base64 is decoded; any other string is the key's bytes as they are. */
export function standardWebhooksKey(secret: string): Uint8Array | undefined {
  return secret.startsWith("whsec_") ? fromBase64(secret.slice("whsec_".length)) : utf8(secret);
}

async function verifyHex(
  scheme: Extract<SignatureScheme, { scheme: "hmac-sha256-hex" }>,
  body: RawBody,
  headers: HeadersLike,
  secret: Secret,
): Promise<VerifyResult> {
  const name = scheme.headers.find((h) => header(headers, h) !== undefined);
  const authorization = header(headers, "authorization");
  if (name === undefined && scheme.bearer && authorization !== undefined) {
    const token = /^Bearer (.+)$/i.exec(authorization.trim())?.[1];
    if (!token) return fail("malformed_signature", "The Authorization header is not `Bearer <token>`.");
    const tokens = bearerTokens(secret);
    // A receiver that takes signed deliveries only refuses a bearer token as not genuine (401), not as its own fault.
    if (tokens.length === 0 && signatureSecrets(secret).some((s) => s !== "")) {
      return fail("signature_mismatch", "A bearer token arrived, but this receiver takes signed deliveries only.");
    }
    if (tokens.length === 0) return fail("invalid_secret", "A bearer token arrived, but no secret is configured.");
    for (const expected of tokens) if (await sameSecret(expected, token)) return { ok: true };
    return fail("signature_mismatch", "The bearer token does not match the configured token.");
  }
  if (name === undefined)
    return fail(
      "missing_signature",
      `No ${scheme.headers.join(" or ")} header${scheme.bearer ? " (nor Authorization bearer token)" : ""}.`,
    );
  const given = fromHex(header(headers, name)!.trim());
  if (given?.length !== 32)
    return fail("malformed_signature", `The ${name} header is not 64 hex digits (an HMAC-SHA256).`);
  const secrets = signatureSecrets(secret);
  if (secrets.length === 0 && scheme.bearer && bearerTokens(secret).some((t) => t !== "")) {
    return fail("signature_mismatch", `A ${name} signature arrived, but this receiver takes bearer tokens only.`);
  }
  if (secrets.length === 0 || secrets.some((s) => s === ""))
    return fail("invalid_secret", "No signing secret is configured.");
  if (await signedBy(secrets, utf8(body), given)) return { ok: true };
  // eduMe signs compact JSON: a body that arrived reformatted is re-serialised, once it is known to be cheap to parse.
  const compact =
    scheme.signs === "compact-json" && compactable(body) && (await signedBy(secrets, utf8(compactJson(body)), given));
  return compact
    ? { ok: true }
    : fail(
        "signature_mismatch",
        `The ${name} header does not match the body: check the secret, and that the body is the raw bytes as ` +
          `received${scheme.signs === "compact-json" ? " (or their compact JSON)" : ""}.`,
      );
}

/**
 * Whether any of the secrets signs `message` as `given`; every secret is tried, so the time does not say which matched.
 */
async function signedBy(secrets: readonly string[], message: Uint8Array, given: Uint8Array): Promise<boolean> {
  let match = false;
  for (const key of secrets) match = sameBytes(await hmacSha256(utf8(key), message), given) || match;
  return match;
}

/** `<id>.<timestamp>.<body>`, with the body's bytes exactly as received. */
function signedContent(id: string, timestamp: number, body: RawBody): Uint8Array {
  const prefix = utf8(`${id}.${timestamp}.`);
  const bytes = utf8(body);
  const content = new Uint8Array(prefix.length + bytes.length);
  content.set(prefix);
  content.set(bytes, prefix.length);
  return content;
}

type Settings = Exclude<ReturnType<typeof readVerifyOptions>, string>;

async function verifyStandardWebhooks(
  body: RawBody,
  headers: HeadersLike,
  secret: Secret,
  options: Settings,
): Promise<VerifyResult> {
  const id = header(headers, "webhook-id");
  const timestamp = header(headers, "webhook-timestamp");
  const signature = header(headers, "webhook-signature");
  if (id === undefined || timestamp === undefined || signature === undefined)
    return fail(
      "missing_signature",
      "A Standard Webhooks delivery needs webhook-id, webhook-timestamp and webhook-signature headers.",
    );
  if (!/^\d+$/.test(timestamp.trim()))
    return fail("malformed_signature", "webhook-timestamp is not a whole number of seconds.");
  const seconds = Number(timestamp.trim());
  const clock = readClock(options);
  if (typeof clock === "string") return fail("invalid_options", clock);
  const now = Math.floor(clock / 1000);
  const tolerance = options.toleranceSeconds ?? 300;
  if (Math.abs(now - seconds) > tolerance)
    return fail(
      "timestamp_out_of_range",
      `webhook-timestamp is ${now - seconds} s from now; at most ${tolerance} s is accepted.`,
    );
  const candidates = signature
    .trim()
    .split(/\s+/)
    .flatMap((entry) => {
      const [version, value] = entry.split(",", 2);
      const bytes = version === "v1" && value !== undefined ? fromBase64(value) : undefined;
      return bytes && bytes.length > 0 ? [bytes] : [];
    });
  if (candidates.length === 0) return fail("malformed_signature", "webhook-signature has no `v1,<base64>` entry.");
  const keys = signatureSecrets(secret).map(standardWebhooksKey);
  if (keys.length === 0 || keys.some((key) => !key || key.length === 0))
    return fail("invalid_secret", "The secret is empty, or `whsec_` followed by something that is not base64.");
  const message = signedContent(id, seconds, body);
  let match = false;
  for (const key of keys) {
    const expected = await hmacSha256(key!, message);
    for (const candidate of candidates) match = sameBytes(expected, candidate) || match;
  }
  return match
    ? { ok: true }
    : fail(
        "signature_mismatch",
        "No webhook-signature entry matches: check the secret (a whsec_ secret is base64, any other is used as it " +
          "is) and that the body is raw.",
      );
}

/** Now in milliseconds, or what is wrong with the clock: a clock that cannot be read never accepts. */
function readClock(options: Settings): number | string {
  let now: unknown;
  try {
    now = (options.now ?? Date.now)();
  } catch (thrown) {
    return `options.now() threw: ${describeThrown(thrown)}`;
  }
  return typeof now === "number" && Number.isFinite(now)
    ? now
    : `options.now() must return a finite number of milliseconds; it returned ${String(now)}.`;
}

/** What is wrong with a secret for this scheme, or undefined; `createHandler` refuses to start with a wrong one. */
export function secretProblem(scheme: SignatureScheme, secret: Secret): string | undefined {
  const signing = signatureSecrets(secret);
  const tokens = bearerTokens(secret);
  if ([...signing, ...tokens].some((s) => s === ""))
    return "secret: a secret is empty or not a string (is its environment variable set?).";
  const bearer = scheme.scheme === "hmac-sha256-hex" && scheme.bearer;
  if (tokens.length > 0 && !bearer)
    return "secret: this provider does not send bearer tokens; give the signing secret.";
  if (signing.length + tokens.length === 0) return "secret: no signing secret is given.";
  const keys = scheme.scheme === "standard-webhooks" ? signing.map(standardWebhooksKey) : [];
  if (keys.some((key) => !key || key.length === 0)) return "secret: a whsec_ secret must be followed by base64.";
  return undefined;
}

/** Checks that a delivery is genuine. Never throws; compares in constant time. */
export async function verifyDelivery(
  scheme: SignatureScheme,
  body: RawBody,
  headers: HeadersLike,
  secret: Secret,
  options: VerifyOptions = {},
): Promise<VerifyResult> {
  try {
    const settings = readVerifyOptions(options);
    if (typeof settings === "string") return fail("invalid_options", settings);
    return scheme.scheme === "standard-webhooks"
      ? await verifyStandardWebhooks(body, headers, secret, settings)
      : await verifyHex(scheme, body, headers, secret);
  } catch (error) {
    return fail("malformed_signature", `The delivery could not be checked: ${describeThrown(error)}`);
  }
}

export interface SignOptions {
  /** Standard Webhooks: the message id (default: the body's `id`, else a random `msg_…`). */
  id?: string;
  /** Standard Webhooks: the time of sending in seconds (default: now). */
  timestamp?: number;
}

/** The headers the provider would send with this body: for test deliveries. */
export async function signDelivery(
  scheme: SignatureScheme,
  body: RawBody,
  secret: string,
  options: SignOptions = {},
): Promise<Record<string, string>> {
  if (scheme.scheme === "hmac-sha256-hex") {
    const message = scheme.signs === "compact-json" ? compactJson(body) : body;
    return { [scheme.headers[0]!]: toHex(await hmacSha256(utf8(secret), utf8(message))) };
  }
  const key = standardWebhooksKey(secret);
  if (!key || key.length === 0)
    throw new Error("The secret is empty, or `whsec_` followed by something that is not base64.");
  const decoded = decodeBody(body);
  const bodyId = decoded.ok ? valueAt(decoded.value, ["id"]) : undefined;
  const id =
    options.id ??
    (typeof bodyId === "string" ? bodyId : undefined) ??
    `msg_${toHex(crypto.getRandomValues(new Uint8Array(12)))}`;
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const signature = toBase64(await hmacSha256(key, signedContent(id, timestamp, body)));
  return { "webhook-id": id, "webhook-timestamp": String(timestamp), "webhook-signature": `v1,${signature}` };
}
