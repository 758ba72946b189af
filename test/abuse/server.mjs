// A receiver for the abuse tests, run as a child process: one node:http server on 127.0.0.1 with the Teachfloor
// handler mounted twice, as `webhooks.node` (/node…) and as `webhooks.fetch` behind a node:http → Fetch bridge
// (/fetch…), and @coursehooks/learning's router for several providers (/learning/teachfloor, /learning/whop;
// any other /learning/… path is no provider's). It prints `{"port":…}` on stdout, and answers `GET /stats` with
// its memory, what it handled and every unhandled rejection or uncaught exception it saw (recorded, so the tests
// can assert there were none).
import { createServer } from "node:http";
import { Readable } from "node:stream";
import { createLearningHandler } from "@coursehooks/learning";
import * as teachfloor from "@coursehooks/teachfloor";

const secret = process.env.ABUSE_SECRET || "abuse-test-secret";
const limits = { maxBodyBytes: 64 * 1024, readTimeoutMs: 500, timeoutMs: 300 };
const adapters = ["node", "fetch"];
const behaviours = ["", "/throws", "/hangs"];

const stats = {
  limits,
  handled: {},
  deliveryIds: {},
  statuses: {},
  failures: {},
  aborted: {},
  inFlight: 0,
  maxInFlight: 0,
  peakRss: 0,
  connections: 0,
  bridgeErrors: 0,
  unhandledRejections: 0,
  uncaughtExceptions: 0,
  problems: [],
};
const seen = {};

const describe = (thrown) => (thrown instanceof Error ? thrown.stack || thrown.message : String(thrown));
const record = (kind, thrown) => {
  stats[kind] += 1;
  if (stats.problems.length < 20) stats.problems.push(`${kind}: ${describe(thrown)}`);
};
process.on("unhandledRejection", (reason) => record("unhandledRejections", reason));
process.on("uncaughtException", (error) => record("uncaughtExceptions", error));

const count = (table, route, key) => {
  table[route] ??= {};
  const counts = table[route];
  counts[key] = (counts[key] ?? 0) + 1;
};

const sampleRss = () => {
  stats.peakRss = Math.max(stats.peakRss, process.memoryUsage.rss());
};
setInterval(sampleRss, 10).unref();

/** The handler of one route: counts what it handles, or throws, or never settles (and counts the abort). */
function handlerFor(route, behaviour) {
  stats.handled[route] = 0;
  stats.aborted[route] = 0;
  seen[route] = new Set();
  const handle = async (event, { deliveryId, signal }) => {
    stats.inFlight += 1;
    stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
    try {
      if (behaviour === "/throws") throw new Error(`handler for ${route} throws`);
      if (behaviour === "/hangs") {
        signal.addEventListener("abort", () => (stats.aborted[route] += 1), { once: true });
        await new Promise(() => {});
      }
      // A little asynchronous work, so concurrent deliveries overlap in the handler.
      await new Promise((resolve) => setTimeout(resolve, 5));
      stats.handled[route] += 1;
      seen[route].add(deliveryId);
      stats.deliveryIds[route] = seen[route].size;
      return event.type;
    } finally {
      stats.inFlight -= 1;
    }
  };
  return teachfloor.createHandler({
    secret,
    ...limits,
    on: { "course.join": handle },
    onError: (_error, _event, failure) => count(stats.failures, route, failure.code),
  });
}

/**
 * After an answer given before the body was read to its end (413, 408), the connection cannot carry another
 * request: half-close it at once, so the client reads the answer and the end of the stream, and destroy it a
 * little later. (Closing it outright while the client is still sending makes the kernel reset the connection,
 * and the client may lose the answer.)
 */
function closeSoon(socket) {
  socket.end();
  const timer = setTimeout(() => socket.destroy(), 500);
  socket.once("close", () => clearTimeout(timer));
}

/** node:http → Fetch: the request body streamed as a web stream, the Response written back. */
async function serveFetch(webhooks, request, response) {
  const socket = request.socket;
  const headers = new Headers();
  const raw = request.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) headers.append(raw[i], raw[i + 1]);
  const method = request.method ?? "GET";
  const body = method === "GET" || method === "HEAD" ? {} : { body: Readable.toWeb(request), duplex: "half" };
  const answer = await webhooks.fetch(new Request(`http://127.0.0.1${request.url}`, { method, headers, ...body }));
  const bytes = Buffer.from(await answer.arrayBuffer());
  if (response.destroyed) return;
  response.statusCode = answer.status;
  // `connection` is hop-by-hop: this server decides when to close (see closeSoon).
  answer.headers.forEach((value, name) => {
    if (name !== "connection") response.setHeader(name, value);
  });
  response.once("finish", () => request.complete || closeSoon(socket));
  response.end(bytes);
}

const routes = new Map();
for (const adapter of adapters) {
  for (const behaviour of behaviours) {
    const route = `/${adapter}${behaviour}`;
    const webhooks = handlerFor(route, behaviour);
    const fetchRoute = (request, response) => serveFetch(webhooks, request, response);
    routes.set(route, adapter === "node" ? webhooks.node : fetchRoute);
  }
}

/** The learning router: each provider's handler at its path, every learning event counted once per delivery. */
function learningRouter() {
  const route = "/learning";
  stats.handled[route] = 0;
  seen[route] = new Set();
  return createLearningHandler({
    providers: { teachfloor: { secret, path: "/learning/teachfloor" }, whop: { secret, path: "/learning/whop" } },
    ...limits,
    onAny: async (_event, { deliveryId }) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      stats.handled[route] += 1;
      seen[route].add(deliveryId);
      stats.deliveryIds[route] = seen[route].size;
    },
    onError: (_error, _event, failure) => count(stats.failures, route, failure.code),
  }).node;
}
const learning = learningRouter();

function answerStats(url, response) {
  if (url.searchParams.has("resetPeak")) stats.peakRss = 0;
  sampleRss();
  response.setHeader("content-type", "application/json");
  response.setHeader("connection", "close");
  response.end(JSON.stringify({ ...stats, pid: process.pid, memory: process.memoryUsage() }));
}

const server = createServer((request, response) => {
  const url = new URL(request.url ?? "/", "http://127.0.0.1");
  if (url.pathname === "/stats" && request.method === "GET") return answerStats(url, response);
  const learned = url.pathname.startsWith("/learning/");
  const route = learned ? learning : routes.get(url.pathname);
  if (!route) {
    response.statusCode = 404;
    response.setHeader("connection", "close");
    response.end();
    return;
  }
  const counted = learned ? "/learning" : url.pathname;
  response.on("finish", () => count(stats.statuses, counted, String(response.statusCode)));
  Promise.resolve(route(request, response)).catch((thrown) => {
    record("bridgeErrors", thrown);
    if (!response.headersSent && !response.destroyed) {
      response.statusCode = 500;
      response.end();
    }
  });
});
server.on("connection", (socket) => {
  stats.connections += 1;
  socket.on("close", () => (stats.connections -= 1));
});
server.listen({ port: 0, host: "127.0.0.1", backlog: 4096 }, () => {
  process.stdout.write(`${JSON.stringify({ port: server.address().port, pid: process.pid })}\n`);
});
