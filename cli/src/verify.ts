// `coursehooks verify`: does a captured delivery's signature hold, and if not, why not.
import { readFileSync } from "node:fs";
import { UsageError, UserError } from "./errors.js";
import { loadPackage, loadTesting, providerPath } from "./providers.js";
import { diagnose } from "./diagnose.js";

export interface VerifyArgs {
  bodyFile: string;
  headers: readonly string[];
  secret: string;
  provider?: string;
}

export interface Verified {
  provider: string;
  holds: boolean;
  /** What the package's `verify` answered. */
  code?: string;
  message: string;
  /** The likely reason it does not hold. */
  reason?: string;
}

/** `name: value` lines → an object; a UsageError for a line without a colon. */
export function headerObject(lines: readonly string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(":");
    if (colon < 1) throw new UsageError(`verify: --header "${line}" is not 'name: value'`);
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return headers;
}

/** Which provider signed it, from its signature header. */
export function providerFromHeaders(headers: Record<string, string>): string {
  const has = (name: string) => headers[name] !== undefined;
  if (has("teachfloor-signature")) return "teachfloor";
  if (has("teachify-webhook-signature") || has("loopwise-webhook-signature")) return "teachify";
  if (has("x-edume-signature") || has("authorization")) return "edume";
  if (has("webhook-signature")) return "whop";
  throw new UsageError("verify: no signature header among the --header lines; name the provider with --provider");
}

export async function verifyCapture(args: VerifyArgs): Promise<Verified> {
  const headers = headerObject(args.headers);
  const path = providerPath(args.provider ?? providerFromHeaders(headers));
  let body: Uint8Array;
  try {
    body = new Uint8Array(readFileSync(args.bodyFile));
  } catch (error) {
    throw new UserError(
      `cannot read ${args.bodyFile}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
  const pkg = await loadPackage(path);
  const result = await pkg.verify(body, headers, args.secret);
  if (result.ok) return { provider: path, holds: true, message: "the signature holds" };
  const { signature } = await loadTesting(path);
  const reason = await diagnose({ pkg, signature, body, headers, secret: args.secret, error: result.error });
  return { provider: path, holds: false, code: result.error.code, message: result.error.message, reason };
}
