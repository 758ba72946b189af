import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { deliveryHeaders, providers, type Provider, type Secret, type VerifyOptions } from "../delivery/deliveries.js";
import { pkg } from "../runtime/packages.js";
import {
  badOptions,
  bearerToken,
  clockAccepts,
  deliveryClock,
  genuine,
  goodOptions,
  hostileDeliveries,
  lazy,
  refusedOptions,
  wellFormed,
} from "./arbitraries.js";
import {
  answerProblems,
  check,
  checkUnpolluted,
  expectUnpolluted,
  expectWellFormed,
  pollutionBodies,
  prototypes,
  verifyCodes,
  type Json,
} from "./shape.js";
import { runs } from "../helpers/property-runs.js";

// createHandler(options).handle, for every package: with valid options (createHandler refuses bad ones at
// construction) and any body and headers, it resolves to a documented status with a plain JSON body, lets genuine
// deliveries through verification, calls the handlers of the event's type, and reports non-2xx answers to onError.

const before = prototypes();

interface Answer {
  status: number;
  body: Json;
  headers?: Record<string, string>;
}
interface Handler {
  handle(body: unknown, headers: unknown): Promise<Answer>;
}
type CreateHandler = (options: Record<string, unknown>) => Handler;

const createHandlerOf = (p: Provider) => pkg(p.path).createHandler as CreateHandler;

/** What a user's handler does: return, resolve, throw or reject (errors and odd values), or never settle. */
const behaviours = ["return", "resolve", "throw", "reject", "throw undefined", "throw unprintable", "hang"] as const;
type Behaviour = (typeof behaviours)[number];
const behaviour: fc.Arbitrary<Behaviour> = fc.oneof(
  { arbitrary: fc.constantFrom<Behaviour>("return", "resolve"), weight: 24 },
  { arbitrary: fc.constantFrom<Behaviour>("throw", "reject", "throw undefined", "throw unprintable"), weight: 12 },
  // Rare: each costs the time limit (1 ms).
  { arbitrary: fc.constant<Behaviour>("hang"), weight: 1 },
);

// Made once: an error's stack costs more than the rest of a run.
const failed = new Error("handler failed");
const unprintable = {
  toString: (): never => {
    throw failed;
  },
};

function act(what: Behaviour): unknown {
  switch (what) {
    case "return":
      return undefined;
    case "resolve":
      return Promise.resolve("done");
    case "throw":
      throw failed;
    case "reject":
      return Promise.reject(failed);
    case "throw undefined":
      throw undefined;
    case "throw unprintable":
      throw unprintable;
    case "hang":
      return new Promise(() => {});
  }
}

/** The handler options, as data: built into functions that record their calls when the property runs. */
interface OptionsPlan {
  secret: "genuine" | "rotated" | "with a bearer token";
  on: Array<[string, Behaviour]>;
  onAny: Behaviour | undefined;
  onUnknown: Behaviour | undefined;
  onInvalid: Behaviour | undefined;
  onError: "record" | "record, then throw" | "record, then reject";
  log: "none" | "silent" | "throw";
  verify: VerifyOptions | undefined;
  deduplicate: "default" | "off" | "memory store" | "short keep";
  maxBodyBytes: number | undefined;
  readTimeoutMs: number | undefined;
}

function optionsPlan(p: Provider): fc.Arbitrary<OptionsPlan> {
  const bearer = p.config.signature.scheme === "hmac-sha256-hex" && p.config.signature.bearer;
  const types = p.catalogue.events.map((e) => e.eventType);
  const verify = fc.oneof({ arbitrary: fc.constant<VerifyOptions>({ now: deliveryClock }), weight: 3 }, goodOptions);
  return fc.record({
    secret: fc.oneof(
      { arbitrary: fc.constant<OptionsPlan["secret"]>("genuine"), weight: 3 },
      fc.constantFrom<OptionsPlan["secret"]>("rotated", ...(bearer ? (["with a bearer token"] as const) : [])),
    ),
    on: fc.array(fc.tuple(fc.constantFrom(...types), behaviour), { maxLength: 3 }),
    onAny: fc.option(behaviour, { nil: undefined }),
    onUnknown: fc.option(behaviour, { nil: undefined }),
    onInvalid: fc.option(behaviour, { nil: undefined }),
    onError: fc.constantFrom<OptionsPlan["onError"]>("record", "record, then throw", "record, then reject"),
    log: fc.constantFrom<OptionsPlan["log"]>("none", "silent", "throw"),
    verify,
    deduplicate: fc.constantFrom<OptionsPlan["deduplicate"]>("default", "off", "memory store", "short keep"),
    maxBodyBytes: fc.option(fc.integer({ min: 1, max: 1 << 20 }), { nil: undefined }),
    readTimeoutMs: fc.option(fc.integer({ min: 1, max: 10_000 }), { nil: undefined }),
  });
}

interface Recorded {
  /** Calls of onError: the failure of each. */
  failures: Array<{ code: unknown; status: unknown; deliveryId?: unknown }>;
  /** Calls of the typed handlers, by event type. */
  handled: string[];
  problems: string[];
}

/** The options a plan describes, and what their functions record. */
function build(
  plan: OptionsPlan,
  secret: string,
  typeProperty: string,
  memoryStore: () => unknown,
): { options: Record<string, unknown>; recorded: Recorded } {
  const recorded: Recorded = { failures: [], handled: [], problems: [] };
  const context = (ctx: unknown, what: string) => {
    const c = ctx as { deliveryId?: unknown; signal?: unknown };
    if (typeof c?.deliveryId !== "string" || c.deliveryId === "" || !(c.signal instanceof AbortSignal))
      recorded.problems.push(`${what} got the context ${String(c?.deliveryId)}`);
  };
  const on: Record<string, (event: unknown, ctx: unknown) => unknown> = {};
  for (const [type, what] of plan.on) {
    on[type] = (event, ctx) => {
      context(ctx, type);
      recorded.handled.push(type);
      if ((event as Json | undefined)?.[typeProperty] !== type)
        recorded.problems.push(`the ${type} handler got another event`);
      return act(what);
    };
  }
  const hook = (what: Behaviour | undefined, name: string) =>
    what && {
      [name]: (...args: unknown[]) => {
        context(args[name === "onInvalid" ? 2 : 1], name);
        return act(what);
      },
    };
  const onError = (
    _error: unknown,
    _event: unknown,
    failure: { code: unknown; status: unknown; deliveryId?: unknown },
  ) => {
    recorded.failures.push(failure);
    if (plan.onError === "record, then throw") throw failed;
    if (plan.onError === "record, then reject") return Promise.reject(failed);
    return undefined;
  };
  const line =
    plan.log === "throw"
      ? () => {
          throw failed;
        }
      : () => undefined;
  const log = plan.log === "none" ? undefined : { debug: line, info: line, warn: line, error: line };
  const hangs = [...plan.on.map(([, what]) => what), plan.onAny, plan.onUnknown, plan.onInvalid].includes("hang");
  const secrets: Record<OptionsPlan["secret"], Secret> = {
    genuine: secret,
    rotated: ["an-older-signing-secret", secret],
    "with a bearer token": { signatureSecret: secret, bearerToken },
  };
  const deduplicate = {
    default: undefined,
    off: false,
    "memory store": { store: memoryStore() },
    "short keep": { keepSeconds: 1 },
  }[plan.deduplicate];
  const options: Record<string, unknown> = {
    secret: secrets[plan.secret],
    on,
    ...hook(plan.onAny, "onAny"),
    ...hook(plan.onUnknown, "onUnknown"),
    ...hook(plan.onInvalid, "onInvalid"),
    onError,
    ...(log && { log }),
    ...(plan.verify !== undefined && { verify: plan.verify }),
    ...(deduplicate !== undefined && { deduplicate }),
    ...(plan.maxBodyBytes !== undefined && { maxBodyBytes: plan.maxBodyBytes }),
    ...(plan.readTimeoutMs !== undefined && { readTimeoutMs: plan.readTimeoutMs }),
    ...(hangs && { timeoutMs: 1 }),
  };
  return { options, recorded };
}

/** Bodies that are not raw (a body parser got there first): answered 500 raw_body_unavailable. */
const notRaw: Record<string, () => unknown> = {
  "a parsed object": () => ({ type: "x" }),
  null: () => null,
  undefined: () => undefined,
  "a number": () => 42,
  "an array": () => [],
  "a Uint16Array": () => new Uint16Array(2),
  "an ArrayBuffer": () => new ArrayBuffer(2),
};

describe.each(providers.map((p) => [p.path, p] as const))("%s", (_, p) => {
  const material = genuine(p);
  const createHandler = createHandlerOf(p);
  const standardWebhooks = p.config.signature.scheme === "standard-webhooks";
  const { memoryStore, parse } = pkg(p.path) as unknown as {
    memoryStore: () => unknown;
    parse: (body: unknown) => { ok: boolean; event?: Json };
  };
  const deliveries = fc.oneof(
    { arbitrary: hostileDeliveries(p, material).map((d) => ({ ...d, raw: true as const })), weight: 9 },
    fc.constantFrom(...Object.keys(notRaw)).map((name) => ({
      raw: false as const,
      body: lazy(name, notRaw[name]!),
      headers: lazy("genuine", () => material.signed[0]!.headers),
    })),
  );

  it("handle: hostile bodies and headers: documented answers, genuine ones pass, failures reported", async () => {
    await fc.assert(
      fc.asyncProperty(optionsPlan(p), fc.array(deliveries, { minLength: 1, maxLength: 2 }), async (plan, calls) => {
        const { options, recorded } = build(plan, material.secret, p.catalogue.typeProperty, memoryStore);
        const handler = createHandler(options);
        for (const call of calls) {
          const body: unknown = call.raw ? call.body : call.body.build();
          const failures = recorded.failures.length;
          const handled = recorded.handled.length;
          const answer = await handler.handle(body, call.headers.build());
          expectWellFormed(answerProblems(answer), "handle");
          const { status } = answer;
          const error = answer.body.error;
          const reported = recorded.failures.slice(failures);
          if (status >= 300 && status !== 409) {
            check(
              reported.some((f) => f.status === status && f.code === error),
              `${status} ${String(error)} was not reported to onError: ${JSON.stringify(reported)}`,
            );
          } else
            check(reported.length === 0, `a ${status} answer was reported to onError: ${JSON.stringify(reported)}`);
          if (!call.raw) {
            check(
              status === 500 && error === "raw_body_unavailable",
              `a body that is not raw was answered ${status} ${String(error)}`,
            );
            continue;
          }
          // The genuine headers as sent, with good options: verification passes, whatever comes after.
          const genuineDelivery =
            call.pristine &&
            call.how === "signed" &&
            wellFormed(call.body) &&
            (!standardWebhooks || clockAccepts(options.verify));
          if (genuineDelivery)
            check(
              typeof error !== "string" || !verifyCodes.includes(error),
              `a genuine delivery was answered ${status} ${String(error)}`,
            );
          if (status === 200 && answer.body.handled !== undefined) {
            const event = parse(body).event;
            const type = String(event?.[p.catalogue.typeProperty]);
            const typed = plan.on.some(([t]) => t === type) ? 1 : 0; // one handler per type in `on`
            check(
              answer.body.handled === typed > 0,
              `handled is ${String(answer.body.handled)} with ${typed} handlers of ${type}`,
            );
            check(
              recorded.handled.length - handled === typed,
              `${recorded.handled.length - handled} handler calls for ${typed} handlers of ${type}`,
            );
          }
        }
        check(recorded.problems.length === 0, recorded.problems.join("; "));
        checkUnpolluted(before);
      }),
      runs,
    );
  });

  it("createHandler refuses bad verify options at construction, naming them", () => {
    fc.assert(
      fc.property(badOptions.filter(refusedOptions), (verify) => {
        let thrown: unknown;
        try {
          createHandler({ secret: material.secret, verify });
        } catch (error) {
          thrown = error;
        }
        check(
          thrown instanceof TypeError && thrown.message.startsWith("createHandler: "),
          `createHandler accepted verify: ${fc.stringify(verify)}`,
        );
      }),
      runs,
    );
  });

  it("handle: genuine bodies that would pollute are answered 400 or 202, pollute nothing", async () => {
    const handler = createHandler({ secret: material.secret, verify: { now: deliveryClock } });
    for (const body of pollutionBodies) {
      const answer = await handler.handle(body, deliveryHeaders(p, body, material.secret));
      expectWellFormed(answerProblems(answer), "handle", body);
      check(answer.status === 400 || answer.status === 202, `${body} was answered ${answer.status}`);
    }
    expectUnpolluted(before);
  });

  it("handle: concurrent copies of a delivery: one is handled, the others get 409 (not to onError)", async () => {
    const { body, headers } = material.signed[0]!;
    const type = String((JSON.parse(body) as Json)[p.catalogue.typeProperty]);
    for (const copies of [2, 3]) {
      const failures: unknown[] = [];
      let release = () => {};
      const gate = new Promise<void>((resolve) => (release = resolve));
      const handler = createHandler({
        secret: material.secret,
        verify: { now: deliveryClock },
        on: { [type]: () => gate },
        onError: (_error: unknown, _event: unknown, failure: unknown) => void failures.push(failure),
      });
      // The copy that claims the delivery waits at the gate; the others are answered meanwhile.
      const pending = Array.from({ length: copies }, () => handler.handle(body, headers));
      let settled = 0;
      for (const answer of pending) void answer.then(() => settled++);
      for (let turn = 0; turn < 1000 && settled < copies - 1; turn++)
        await new Promise((resolve) => setImmediate(resolve));
      release();
      const answers = await Promise.all(pending);
      for (const answer of answers) expectWellFormed(answerProblems(answer), "handle");
      expect(answers.map((a) => a.status).sort()).toEqual([200, ...Array.from({ length: copies - 1 }, () => 409)]);
      expect(failures).toEqual([]);
      expect(await handler.handle(body, headers)).toEqual({ status: 200, body: { received: true, duplicate: true } });
    }
  });
});

it("leaves Object.prototype, Array.prototype and Function.prototype as they were", () => {
  expectUnpolluted(before);
});
