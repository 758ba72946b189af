// Why a captured delivery's signature does not hold: the body re-serialised, the secret in another encoding, or
// a stale timestamp. Each guess is checked by computing the signature it would give (node:crypto).
import { createHmac } from "node:crypto";
import type { Package, SignatureScheme } from "./providers.js";

export interface Capture {
  pkg: Package;
  signature: SignatureScheme;
  body: Uint8Array;
  headers: Record<string, string>;
  secret: string;
  error: { code: string; message: string };
}

type Variant = { bytes: Uint8Array; what: string };

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const bytesOf = (value: string) => new TextEncoder().encode(value);

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== "object") return value;
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries.map(([k, v]) => [k, sortKeys(v)]));
}

/** The body as other serialisers would have written it. */
function bodyVariants(body: Uint8Array): Variant[] {
  const raw = text(body);
  const variants: Variant[] = [];
  const add = (value: string, what: string) => {
    if (value !== raw) variants.push({ bytes: bytesOf(value), what });
  };
  add(raw.replace(/\r\n/g, "\n"), "with CRLF line ends turned into LF");
  add(raw.replace(/\r?\n$/, ""), "without its final newline");
  add(`${raw}\n`, "with a final newline");
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return variants;
  }
  add(JSON.stringify(value), "compact (one line, no spaces)");
  add(JSON.stringify(value, null, 2), "pretty-printed with 2 spaces");
  add(JSON.stringify(value, null, 4), "pretty-printed with 4 spaces");
  add(JSON.stringify(value, null, "\t"), "pretty-printed with tabs");
  add(JSON.stringify(sortKeys(value)), "compact with its keys sorted");
  add(JSON.stringify(sortKeys(value), null, 2), "pretty-printed with its keys sorted");
  return variants;
}

const isHex = (s: string) => /^(?:[0-9a-fA-F]{2})+$/.test(s);
const isBase64 = (s: string) =>
  s.length >= 16 && /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(s);

/** The key the package uses for this secret, and the keys the secret would give in other encodings. */
function keyVariants(scheme: SignatureScheme, secret: string): { used: Uint8Array; others: Variant[] } {
  const whsec = secret.startsWith("whsec_") ? secret.slice("whsec_".length) : undefined;
  const others: Variant[] = [];
  if (scheme.scheme === "standard-webhooks") {
    if (whsec !== undefined) {
      others.push({
        bytes: bytesOf(secret),
        what: "as the raw text, whsec_ included (give the secret the dashboard shows)",
      });
      others.push({ bytes: bytesOf(whsec), what: "without whsec_, as raw text (give it without the whsec_ prefix)" });
    } else {
      if (isBase64(secret))
        others.push({ bytes: Buffer.from(secret, "base64"), what: "base64-decoded (give it as whsec_<secret>)" });
      if (isHex(secret))
        others.push({ bytes: Buffer.from(secret, "hex"), what: "hex-decoded (the provider uses the decoded bytes)" });
    }
    const used = whsec !== undefined ? Buffer.from(whsec, "base64") : bytesOf(secret);
    return { used, others };
  }
  if (whsec !== undefined) {
    others.push({
      bytes: Buffer.from(whsec, "base64"),
      what: "base64-decoded after whsec_ (this provider's secrets are used as they are)",
    });
    others.push({ bytes: bytesOf(whsec), what: "without its whsec_ prefix" });
  }
  if (isHex(secret))
    others.push({ bytes: Buffer.from(secret, "hex"), what: "hex-decoded (this provider uses the text as it is)" });
  if (isBase64(secret))
    others.push({
      bytes: Buffer.from(secret, "base64"),
      what: "base64-decoded (this provider uses the text as it is)",
    });
  return { used: bytesOf(secret), others };
}

/** Whether `key` signs `body` as the capture's headers say. */
function signs(capture: Capture, key: Uint8Array, body: Uint8Array): boolean {
  const { signature, headers } = capture;
  if (signature.scheme === "hmac-sha256-hex") {
    const name = signature.headers.find((h) => headers[h.toLowerCase()] !== undefined);
    const given = name === undefined ? undefined : headers[name.toLowerCase()]!.trim().toLowerCase();
    const message = signature.signs === "compact-json" ? compactOrRaw(body) : body;
    return given !== undefined && createHmac("sha256", key).update(message).digest("hex") === given;
  }
  const prefix = `${headers["webhook-id"]}.${headers["webhook-timestamp"]?.trim()}.`;
  const expected = createHmac("sha256", key).update(prefix).update(body).digest("base64");
  return (headers["webhook-signature"] ?? "").split(/\s+/).some((entry) => entry === `v1,${expected}`);
}

function compactOrRaw(body: Uint8Array): Uint8Array {
  try {
    return bytesOf(JSON.stringify(JSON.parse(text(body))));
  } catch {
    return body;
  }
}

/** The likely reason, in one or two sentences. */
export async function diagnose(capture: Capture): Promise<string> {
  const { error, pkg, body, headers, secret, signature } = capture;
  if (error.code === "timestamp_out_of_range") {
    const sent = Number(headers["webhook-timestamp"]);
    const then = await pkg.verify(body, headers, secret, { now: () => sent * 1000 });
    const age = Math.round(Date.now() / 1000 - sent);
    if (then.ok) {
      return (
        `stale timestamp: the signature holds, but webhook-timestamp is ${age} s from now, outside the 300 s ` +
        "window (a replayed delivery, or a capture checked too late; receivers refuse it)"
      );
    }
  }
  if (error.code !== "signature_mismatch" && error.code !== "timestamp_out_of_range") return error.message;
  const keys = keyVariants(signature, secret);
  for (const variant of bodyVariants(body)) {
    if (signs(capture, keys.used, variant.bytes)) {
      return (
        `re-serialised body: the signature holds for the body ${variant.what}, so the file is not the raw ` +
        "bytes as sent (a body parser or an editor rewrote it); verify the bytes exactly as received"
      );
    }
  }
  for (const key of keys.others) {
    if (signs(capture, key.bytes, body))
      return `wrong secret encoding: the signature holds with the secret ${key.what}`;
    for (const variant of bodyVariants(body)) {
      if (signs(capture, key.bytes, variant.bytes)) {
        const both = `it holds with the secret ${key.what} and the body ${variant.what}`;
        return `wrong secret encoding and re-serialised body: ${both}`;
      }
    }
  }
  return (
    "wrong secret, or a body changed beyond re-serialising (key order, numbers): neither a re-serialised body " +
    `nor another encoding of the secret makes it hold (${error.message})`
  );
}
