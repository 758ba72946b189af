// `coursehooks send`: a signed test delivery, built by the provider's `testing` subpath, POSTed to a URL.
import { readFileSync } from "node:fs";
import { UserError } from "./errors.js";
import { jsonSyntaxError } from "./json-location.js";
import { findEvent, loadPackage, loadTesting, providerPath, type EventInfo, type TestDelivery } from "./providers.js";

export interface SendArgs {
  provider: string;
  event: string;
  to: string;
  secret: string;
  file?: string;
  validate: boolean;
  replayId?: string;
}

export interface Sent {
  provider: string;
  to: string;
  event: EventInfo;
  delivery: TestDelivery;
  status: number;
  ok: boolean;
  responseBody: string;
  milliseconds: number;
}

/** The payload in `file` if it is JSON and a valid event of that name; a UserError saying where it is not. */
async function payloadOf(path: string, event: EventInfo, file: string): Promise<unknown> {
  const text = readText(file);
  const syntax = jsonSyntaxError(text);
  if (syntax) throw new UserError(`${file}:${syntax.line}:${syntax.column}: not valid JSON: ${syntax.message}`);
  const value: unknown = JSON.parse(text);
  const pkg = await loadPackage(path);
  const result = pkg.parse(value);
  if (!result.ok) {
    // Each issue's message names its field; without issues (not an event at all) the error's own message says why.
    const issues = result.error.issues ?? [];
    const detail = issues.length ? issues.map((i) => `\n  ${i.message}`).join("") : ` ${result.error.message}`;
    throw new UserError(`${file}: not a valid ${path} ${event.name} event:${detail}`);
  }
  const guard = pkg[event.guard];
  if (typeof guard === "function" && guard(value) !== true) {
    throw new UserError(`${file}: a valid ${path} event, but not ${event.name} (send it under its own name)`);
  }
  return value;
}

export function readText(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    throw new UserError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

/** The delivery `send` would POST, without sending it. */
export async function prepare(args: SendArgs): Promise<{ path: string; event: EventInfo; delivery: TestDelivery }> {
  const path = providerPath(args.provider);
  const testing = await loadTesting(path);
  const event = findEvent(path, testing, args.event);
  const options = { secret: args.secret, ...(args.replayId === undefined ? {} : { id: args.replayId }) };
  if (args.file !== undefined && !args.validate) Object.assign(options, { rawBody: readText(args.file) });
  else if (args.file !== undefined) Object.assign(options, { payload: await payloadOf(path, event, args.file) });
  else if (!event.example)
    throw new UserError(`${path} ${event.name} has no documented example: send your own with --file`);
  try {
    return { path, event, delivery: await testing.testDelivery(event.name, options) };
  } catch (error) {
    throw new UserError((error as Error).message);
  }
}

/** Why a request failed, from the error's cause: `ECONNREFUSED 127.0.0.1:3000`. */
export function networkReason(error: unknown): string {
  const cause = (error as { cause?: { code?: string; address?: string; port?: number; message?: string } }).cause;
  if (cause?.code && cause.address) return `${cause.code} ${cause.address}${cause.port ? `:${cause.port}` : ""}`;
  if (cause?.code) return `${cause.code}${cause.message ? ` (${cause.message})` : ""}`;
  return cause?.message ?? (error as Error).message;
}

/** Builds the delivery and POSTs it; a UserError naming the cause when the request cannot be made. */
export async function send(args: SendArgs): Promise<Sent> {
  let url: URL;
  try {
    url = new URL(args.to);
  } catch {
    throw new UserError(`--to ${args.to} is not a URL`);
  }
  const { path, event, delivery } = await prepare(args);
  const started = performance.now();
  let response: Response;
  try {
    response = await fetch(url, { method: "POST", headers: delivery.headers, body: delivery.body });
  } catch (error) {
    throw new UserError(`cannot send to ${url.href}: ${networkReason(error)}`);
  }
  const responseBody = await response.text();
  const milliseconds = Math.round(performance.now() - started);
  return {
    provider: path,
    to: url.href,
    event,
    delivery,
    status: response.status,
    ok: response.ok,
    responseBody,
    milliseconds,
  };
}
