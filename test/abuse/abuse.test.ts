import { spawn, type ChildProcess } from "node:child_process";
import { Agent, request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { connect, type Socket } from "node:net";
import { join } from "node:path";
import { createInterface } from "node:readline";
import * as teachfloor from "@coursehooks/teachfloor";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { testDelivery } from "../helpers/deliveries.js";
import { projectRoot } from "../helpers/catalogues.js";

// Clients that misbehave (short bodies, stalled bodies, floods, wrong methods, thousands at once) against both
// adapters, served by a child process (server.mjs) that must answer each of them and stay alive throughout.

const secret = "abuse-test-secret";
const host = "127.0.0.1";
const MiB = 1024 * 1024;
/** The limits server.mjs gives its handlers. */
const limits = { maxBodyBytes: 64 * 1024, readTimeoutMs: 500, timeoutMs: 300 };

interface Stats {
  handled: Record<string, number>;
  deliveryIds: Record<string, number>;
  statuses: Record<string, Record<string, number>>;
  failures: Record<string, Record<string, number>>;
  aborted: Record<string, number>;
  maxInFlight: number;
  peakRss: number;
  connections: number;
  bridgeErrors: number;
  unhandledRejections: number;
  uncaughtExceptions: number;
  problems: string[];
  pid: number;
  memory: NodeJS.MemoryUsage;
}

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Record<string, unknown>;
}

/** What a raw-socket client saw: the answer's status and JSON body if one came, how it ended, and when. */
interface RawOutcome {
  status: number | undefined;
  body: Record<string, unknown> | undefined;
  error: string | undefined;
  closedAfterMs: number;
  bodyBytesSent: number;
}

let child: ChildProcess;
let port: number;
let stderr = "";

function startServer(): Promise<number> {
  child = spawn(process.execPath, [join(import.meta.dirname, "server.mjs")], {
    cwd: projectRoot,
    env: { ...process.env, ABUSE_SECRET: secret },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stderr!.setEncoding("utf8").on("data", (text: string) => (stderr = (stderr + text).slice(-10_000)));
  const lines = createInterface({ input: child.stdout! });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server.mjs did not start within 10 s: ${stderr}`)), 10_000);
    child.once("exit", (code) => reject(new Error(`server.mjs exited (${code}) before listening: ${stderr}`)));
    lines.once("line", (line) => {
      clearTimeout(timer);
      resolve((JSON.parse(line) as { port: number }).port);
    });
  });
}

/** A request on its own connection (or on `agent`'s), within `timeoutMs`. */
function send(
  path: string,
  options: { method?: string; body?: string; headers?: Record<string, string>; agent?: Agent; timeoutMs?: number },
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      { host, port, path, method: options.method ?? "POST", headers: options.headers, agent: options.agent ?? false },
      (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (text += chunk));
        response.on("end", () => {
          const body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body });
        });
        response.on("error", reject);
      },
    );
    request.setTimeout(options.timeoutMs ?? 10_000, () => request.destroy(new Error(`${path}: no answer in time`)));
    request.on("error", reject);
    request.end(options.body);
  });
}

const getStats = async (query = ""): Promise<Stats> => (await send(`/stats${query}`, { method: "GET" })).body as never;

/** Polls /stats until `ready` holds (at most `timeoutMs`), and returns the last stats either way. */
async function statsWhen(ready: (stats: Stats) => boolean, timeoutMs = 3_000): Promise<Stats> {
  const until = Date.now() + timeoutMs;
  let stats = await getStats();
  while (!ready(stats) && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    stats = await getStats();
  }
  return stats;
}

const failures = (stats: Stats, route: string, code: string) => stats.failures[route]?.[code] ?? 0;
/** How many answers of `status` the server finished writing on `route`. */
const statusCount = (stats: Stats, route: string, status: number) => stats.statuses[route]?.[String(status)] ?? 0;

/** The status and JSON body of an HTTP/1.1 answer read off a raw socket. */
function parseAnswer(text: string): Pick<RawOutcome, "status" | "body"> {
  const status = /^HTTP\/1\.1 (\d{3})/.exec(text)?.[1];
  const end = text.indexOf("\r\n\r\n");
  let body: Record<string, unknown> | undefined;
  try {
    body = end >= 0 ? (JSON.parse(text.slice(end + 4)) as Record<string, unknown>) : undefined;
  } catch {
    body = undefined;
  }
  return { status: status === undefined ? undefined : Number(status), body };
}

/**
 * Opens a raw connection, writes `head`, then lets `drive` misbehave; resolves once the connection is closed
 * (by the server, or by `drive`), and destroys it after `limitMs` whatever happens.
 */
function rawExchange(
  head: string,
  drive: (socket: Socket, answered: () => boolean, sent: (bytes: number) => void) => Promise<void> = async () => {},
  limitMs = 5_000,
): Promise<RawOutcome> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const started = Date.now();
    let text = "";
    let error: string | undefined;
    let bodyBytesSent = 0;
    const limit = setTimeout(() => socket.destroy(), limitMs);
    socket.setEncoding("latin1");
    socket.on("data", (chunk: string) => (text += chunk));
    socket.on("error", (thrown: NodeJS.ErrnoException) => (error ??= thrown.code ?? thrown.message));
    socket.on("close", () => {
      clearTimeout(limit);
      resolve({ ...parseAnswer(text), error, closedAfterMs: Date.now() - started, bodyBytesSent });
    });
    socket.write(head);
    const answered = () => text.length > 0 || socket.destroyed;
    drive(socket, answered, (bytes) => (bodyBytesSent += bytes)).catch(() => socket.destroy());
  });
}

const requestHead = (path: string, headers: Record<string, string | number>) =>
  [`POST ${path} HTTP/1.1`, `Host: ${host}:${port}`, ...Object.entries(headers).map(([n, v]) => `${n}: ${v}`)]
    .join("\r\n")
    .concat("\r\n\r\n");

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Resolves when `socket` can take more, or is gone. */
const writable = (socket: Socket) =>
  new Promise<void>((resolve) => {
    const done = () => {
      socket.removeListener("drain", done);
      socket.removeListener("close", done);
      resolve();
    };
    socket.once("drain", done);
    socket.once("close", done);
  });

/**
 * Uploads `total` bytes in 64 KiB chunks to `path`, reading the socket while it uploads and stopping once an answer
 * (or the close) arrives.
 */
function chunkedUpload(path: string, total: number): Promise<RawOutcome> {
  const chunk = Buffer.alloc(64 * 1024, "a");
  const frame = Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from("\r\n")]);
  return rawExchange(
    requestHead(path, { "content-type": "application/json", "transfer-encoding": "chunked" }),
    async (socket, answered, sent) => {
      for (let offset = 0; offset < total && !answered(); offset += chunk.length) {
        sent(chunk.length);
        if (!socket.write(frame)) await writable(socket);
        await new Promise((resolve) => setImmediate(resolve));
      }
      if (!answered()) socket.end("0\r\n\r\n");
    },
    10_000,
  );
}

let template: Record<string, unknown>;
/** A genuine Teachfloor course.join delivery (the documented example) with its own envelope id. */
async function delivery(id: string): Promise<{ body: string; headers: Record<string, string> }> {
  const body = JSON.stringify({ ...template, id });
  return { body, headers: { "content-type": "application/json", ...(await teachfloor.sign(body, secret)) } };
}

beforeAll(async () => {
  template = JSON.parse((await testDelivery("teachfloor", "course.join", secret)).body) as never;
  port = await startServer();
});

afterAll(async () => {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill();
  const stubborn = setTimeout(() => child.kill("SIGKILL"), 2_000);
  await exited;
  clearTimeout(stubborn);
});

afterEach(() => {
  expect(child?.exitCode, `server.mjs exited: ${stderr}`).toBe(null);
});

describe.each(["node", "fetch"] as const)("webhooks.%s in a child process", (adapter) => {
  const route = `/${adapter}`;

  it("drops a body shorter than its content-length whose client then goes away, as unreadable", async () => {
    const before = await getStats();
    await rawExchange(
      requestHead(route, { "content-type": "application/json", "content-length": 4096 }),
      async (socket, _answered, sent) => {
        const part = `{"id":"evt_short","type":"course.join","data":"${"x".repeat(900)}`;
        socket.write(part);
        sent(part.length);
        await pause(100);
        socket.destroy();
      },
    );
    const unreadable = failures(before, route, "body_unreadable");
    const after = await statsWhen((s) => failures(s, route, "body_unreadable") > unreadable);
    expect(failures(after, route, "body_unreadable")).toBe(unreadable + 1);
    expect(failures(after, route, "body_timeout")).toBe(failures(before, route, "body_timeout"));
    expect(after.handled[route]).toBe(before.handled[route]);
  });

  it("answers 408 to a body that stops arriving, after readTimeoutMs, and closes the connection", async () => {
    const before = await getStats();
    const outcome = await rawExchange(
      requestHead(route, { "content-type": "application/json", "content-length": 1000 }),
      async (socket, _answered, sent) => {
        socket.write('{"id":"evt_stalled",');
        sent(20);
      },
    );
    expect(outcome).toMatchObject({ status: 408, body: { error: "body_timeout" } });
    expect(outcome.closedAfterMs).toBeGreaterThanOrEqual(limits.readTimeoutMs - 50);
    expect(outcome.closedAfterMs).toBeLessThan(limits.readTimeoutMs + 2_500);
    const timeouts = failures(before, route, "body_timeout");
    const after = await statsWhen((s) => failures(s, route, "body_timeout") > timeouts);
    expect(failures(after, route, "body_timeout")).toBe(timeouts + 1);
  });

  it("answers 413 to a content-length over the limit without waiting for the body", async () => {
    const outcome = await rawExchange(
      requestHead(route, { "content-type": "application/json", "content-length": 64 * MiB }),
    );
    expect(outcome).toMatchObject({ status: 413, body: { error: "payload_too_large" }, bodyBytesSent: 0 });
    expect(outcome.error).toBe(undefined);
    // Answered at once, not after the body's time limit.
    expect(outcome.closedAfterMs).toBeLessThan(limits.readTimeoutMs);
  });

  it("cuts a 64 MiB chunked body off with 413 after little of it, its memory growing far less than it", async () => {
    const before = await getStats("?resetPeak");
    const total = 64 * MiB;
    const outcome = await chunkedUpload(route, total);
    // The server closed the connection long before the end of the body. (Whether the client could read the 413
    // first is the next test's subject.)
    expect(outcome.bodyBytesSent).toBeLessThan(total / 4);
    expect(outcome.closedAfterMs).toBeLessThan(5_000);
    const after = await statsWhen((s) => statusCount(s, route, 413) > statusCount(before, route, 413));
    expect(statusCount(after, route, 413)).toBe(statusCount(before, route, 413) + 1);
    expect(failures(after, route, "payload_too_large")).toBe(failures(before, route, "payload_too_large") + 1);
    expect(after.peakRss - before.memory.rss).toBeLessThan(32 * MiB);
  });

  it("answers 413 to each of 10 uploads that fetch streams past the limit, rather than resetting them", async () => {
    const chunk = new Uint8Array(64 * 1024).fill(97);
    const upload = () => {
      let chunks = 0;
      return new ReadableStream<Uint8Array>({
        pull: (controller) => (chunks++ < 1024 ? controller.enqueue(chunk) : controller.close()),
      });
    };
    const outcomes: string[] = [];
    for (let i = 0; i < 10; i++) {
      try {
        const response = await fetch(`http://${host}:${port}${route}`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: upload(),
          duplex: "half",
          signal: AbortSignal.timeout(10_000),
        } as RequestInit);
        outcomes.push(`${response.status} ${String(((await response.json()) as { error?: string }).error)}`);
      } catch (thrown) {
        const cause = (thrown as { cause?: { code?: string } }).cause;
        outcomes.push(`no answer: ${cause?.code ?? String(thrown)}`);
      }
    }
    expect(outcomes).toEqual(Array(10).fill("413 payload_too_large"));
  });

  it("answers 405 with Allow: POST to a GET", async () => {
    const answer = await send(route, { method: "GET" });
    expect(answer).toMatchObject({ status: 405, body: { error: "method_not_allowed" } });
    expect(answer.headers.allow).toBe("POST");
  });

  it("answers 200 to each of 2,000 concurrent distinct genuine deliveries and handles each once", async () => {
    const before = await getStats();
    const count = 2_000;
    const deliveries = await Promise.all(
      Array.from({ length: count }, (_, i) => delivery(`evt_abuse_${adapter}_${i}`)),
    );
    const agent = new Agent({ keepAlive: true, maxSockets: count });
    try {
      const answers = await Promise.all(
        deliveries.map(({ body, headers }) => send(route, { body, headers, agent, timeoutMs: 20_000 })),
      );
      const statuses = new Map<number, number>();
      for (const { status } of answers) statuses.set(status, (statuses.get(status) ?? 0) + 1);
      expect(Object.fromEntries(statuses)).toEqual({ 200: count });
      expect(answers.every((a) => a.body.received === true && a.body.handled === true)).toBe(true);
    } finally {
      agent.destroy();
    }
    const after = await getStats();
    expect(after.handled[route]! - before.handled[route]!).toBe(count);
    expect((after.deliveryIds[route] ?? 0) - (before.deliveryIds[route] ?? 0)).toBe(count);
    // The deliveries overlapped in the handler rather than arriving one after another.
    expect(after.maxInFlight).toBeGreaterThan(10);
  });

  it("answers 500 when the handler throws, 503 when it never settles, then 200 to a genuine delivery", async () => {
    const before = await getStats();
    const throwing = await delivery(`evt_abuse_${adapter}_throws`);
    expect(await send(`${route}/throws`, throwing)).toMatchObject({ status: 500, body: { error: "handler_failed" } });

    const hanging = await delivery(`evt_abuse_${adapter}_hangs`);
    const started = Date.now();
    const timedOut = await send(`${route}/hangs`, hanging);
    expect(timedOut).toMatchObject({ status: 503, body: { error: "handler_timeout" } });
    expect(Date.now() - started).toBeGreaterThanOrEqual(limits.timeoutMs - 20);
    const aborted = await statsWhen((s) => s.aborted[`${route}/hangs`]! > before.aborted[`${route}/hangs`]!);
    expect(aborted.aborted[`${route}/hangs`]).toBe(before.aborted[`${route}/hangs`]! + 1);

    const genuine = await delivery(`evt_abuse_${adapter}_after`);
    expect(await send(route, genuine)).toEqual(
      expect.objectContaining({ status: 200, body: { received: true, handled: true } }),
    );
    const after = await getStats();
    expect(after.handled[route]).toBe(before.handled[route]! + 1);
    const failed = [
      [`${route}/throws`, "handler_failed"],
      [`${route}/hangs`, "handler_timeout"],
    ] as const;
    for (const [path, code] of failed) {
      expect(failures(after, path, code)).toBe(failures(before, path, code) + 1);
    }
  });
});

describe("createLearningHandler's router in a child process", () => {
  const route = "/learning";
  it("answers 404 to a 64 MiB body sent to no provider's path, closing the connection before its end", async () => {
    const before = await getStats();
    const outcome = await chunkedUpload(`${route}/nowhere`, 64 * MiB);
    expect(outcome.status).toBe(404);
    expect(outcome.body).toEqual({
      error: "not_found",
      message: "No provider receives deliveries at /learning/nowhere.",
    });
    expect(outcome.bodyBytesSent).toBeLessThan(16 * MiB);
    expect(outcome.closedAfterMs).toBeLessThan(5_000);
    const after = await statsWhen((s) => statusCount(s, route, 404) > statusCount(before, route, 404));
    expect(statusCount(after, route, 404)).toBe(statusCount(before, route, 404) + 1);
  });

  it("gives each provider's path the limits it was given: 413 over maxBodyBytes, 408 for a stalled body", async () => {
    const big = await rawExchange(
      requestHead(`${route}/whop`, { "content-type": "application/json", "content-length": 64 * MiB }),
    );
    expect(big).toMatchObject({ status: 413, body: { error: "payload_too_large" }, bodyBytesSent: 0 });
    const stalled = await rawExchange(
      requestHead(`${route}/teachfloor`, { "content-type": "application/json", "content-length": 1000 }),
      async (socket, _answered, sent) => {
        socket.write('{"id":"evt_stalled",');
        sent(20);
      },
    );
    expect(stalled).toMatchObject({ status: 408, body: { error: "body_timeout" } });
  });

  it("answers 200 to each of 1,000 concurrent genuine deliveries and normalizes each once", async () => {
    const before = await getStats();
    const count = 1_000;
    const deliveries = await Promise.all(Array.from({ length: count }, (_, i) => delivery(`evt_learning_${i}`)));
    const agent = new Agent({ keepAlive: true, maxSockets: count });
    try {
      const answers = await Promise.all(
        deliveries.map(({ body, headers }) => send(`${route}/teachfloor`, { body, headers, agent, timeoutMs: 20_000 })),
      );
      expect(answers.filter((a) => a.status !== 200)).toEqual([]);
    } finally {
      agent.destroy();
    }
    const after = await getStats();
    expect(after.handled[route]! - before.handled[route]!).toBe(count);
    expect((after.deliveryIds[route] ?? 0) - (before.deliveryIds[route] ?? 0)).toBe(count);
  });
});

it("leaves the server alive, answering /stats, with no unhandled rejection or uncaught exception", async () => {
  expect(child.exitCode).toBe(null);
  expect(child.signalCode).toBe(null);
  // Only the /stats request itself may still be connected.
  const stats = await statsWhen((s) => s.connections <= 1);
  expect(stats.pid).toBe(child.pid);
  expect(stats.problems, stats.problems.join("\n")).toEqual([]);
  expect(stats).toMatchObject({ unhandledRejections: 0, uncaughtExceptions: 0, bridgeErrors: 0 });
  expect(stats.connections).toBeLessThanOrEqual(1);
  expect(child.exitCode).toBe(null);
});
