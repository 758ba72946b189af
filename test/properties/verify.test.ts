import fc from "fast-check";
import { describe, it } from "vitest";
import {
  deliveryHeaders,
  providers,
  type HeadersLike,
  type Provider,
  type RawBody,
  type Secret,
  type VerifyOptions,
} from "../delivery/deliveries.js";
import { pkg } from "../runtime/packages.js";
import {
  anyOptions,
  anySecret,
  badOptions,
  badTolerance,
  bearerToken,
  clockAccepts,
  deliveryClock,
  genuine,
  hostileDeliveries,
  hostileOptions,
  longAgoOrFarAhead,
  messageId,
  refusedOptions,
  secretStrings,
  wellFormed,
  withClock,
} from "./arbitraries.js";
import {
  answerProblems,
  check,
  checkUnpolluted,
  expectUnpolluted,
  expectWellFormed,
  pollutionBodies,
  prototypes,
  verifyResultProblems,
  type Json,
} from "./shape.js";
import { runs } from "../helpers/property-runs.js";

// verify, for every package: whatever the body, headers, secret and options, it resolves to a well-formed
// result; only the genuine secret can make it answer ok, and options that are refused are always refused.

const before = prototypes();

const standardWebhooks = (p: Provider) => p.config.signature.scheme === "standard-webhooks";

describe.each(providers.map((p) => [p.path, p] as const))("%s", (_, p) => {
  const material = genuine(p);
  const deliveries = hostileDeliveries(p, material);
  const allowed = [material.secret, bearerToken];

  it("verify: any body, hostile headers, any secret and options: ok only with the secret", async () => {
    await fc.assert(
      fc.asyncProperty(deliveries, anySecret(material.secret), anyOptions, async (delivery, secretCase, options) => {
        const secret = secretCase.build();
        const result = await p.pkg.verify(
          delivery.body,
          delivery.headers.build() as HeadersLike,
          secret as Secret,
          options as VerifyOptions,
        );
        expectWellFormed(verifyResultProblems(result), "verify");
        const refused = refusedOptions(options);
        if (refused)
          check(
            !result.ok && result.error.code === "invalid_options",
            `options that must be refused gave ${JSON.stringify(result)}`,
          );
        if (result.ok) {
          check(
            secretStrings(secret).some((s) => allowed.includes(s)),
            "ok without the genuine secret or token",
          );
          check(!standardWebhooks(p) || clockAccepts(options), "ok with a clock that does not accept the delivery");
        }
        // The genuine headers as sent, with the genuine secret and good options: accepted.
        const acceptable =
          delivery.pristine &&
          delivery.how === "signed" &&
          secret === material.secret &&
          !refused &&
          wellFormed(delivery.body);
        if (acceptable && (!standardWebhooks(p) || clockAccepts(options)))
          check(result.ok, `a genuine delivery was refused: ${JSON.stringify(result)}`);
        checkUnpolluted(before);
      }),
      runs,
    );
  });

  it("verify: bad options (tolerance, `now`, not an object) are refused, even for a genuine delivery", async () => {
    const signed = material.signed[0]!;
    await fc.assert(
      fc.asyncProperty(badOptions, fc.constantFrom(...material.signed), async (options, { body, headers }) => {
        const result = await p.pkg.verify(body, headers, material.secret, options as VerifyOptions);
        expectWellFormed(verifyResultProblems(result), "verify");
        if (refusedOptions(options))
          check(
            !result.ok && result.error.code === "invalid_options",
            `refused options gave ${JSON.stringify(result)}`,
          );
        // A clock that cannot be read: Standard Webhooks needs it; the HMAC-hex schemes have no timestamp to check.
        else
          check(
            (!result.ok && result.error.code === "invalid_options") || (!standardWebhooks(p) && result.ok),
            `a broken clock gave ${JSON.stringify(result)}`,
          );
      }),
      runs,
    );
    // The delivery is genuine: with good options it passes.
    check(
      (await p.pkg.verify(signed.body, signed.headers, material.secret, { now: deliveryClock })).ok,
      "the genuine delivery is refused",
    );
  });

  it("verify: options that cannot be read (throwing getters, proxies) are refused, never thrown", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...material.signed),
        hostileOptions,
        async ({ body, headers }, { options, unreadable }) => {
          const result = await p.pkg.verify(body, headers, material.secret, options.build() as VerifyOptions);
          expectWellFormed(verifyResultProblems(result), "verify");
          if (unreadable)
            check(
              !result.ok && result.error.code === "invalid_options",
              `options that cannot be read gave ${JSON.stringify(result)}`,
            );
        },
      ),
      runs,
    );
  });

  it("verify: genuine bodies that would pollute Object.prototype are accepted and pollute nothing", async () => {
    for (const body of pollutionBodies) {
      const result = await p.pkg.verify(body, deliveryHeaders(p, body, material.secret), material.secret, {
        now: deliveryClock,
      });
      expectWellFormed(verifyResultProblems(result), "verify", body);
      check(result.ok, `a genuine delivery of ${body} was refused`);
    }
    expectUnpolluted(before);
  });
});

describe.each(providers.filter(standardWebhooks).map((p) => [p.path, p] as const))("%s: replay protection", (_, p) => {
  const material = genuine(p);
  const createHandler = pkg(p.path).createHandler as (options: unknown) => {
    handle(body: RawBody, headers: unknown): Promise<{ status: number; body: Json }>;
  };

  /** Documented examples signed with `sign` in 1970 or far ahead (signed once: each is an asynchronous HMAC). */
  const signedLongAgo = async () =>
    Promise.all(
      fc
        .sample(fc.tuple(fc.constantFrom(...material.signed), longAgoOrFarAhead), { numRuns: 200, seed: 1970 })
        .map(async ([{ body }, timestamp]) => {
          const headers = await p.pkg.sign(body, material.secret, { id: messageId, timestamp });
          // Genuine: the headers the independent signer gives (itself checked against the published test vector).
          check(
            JSON.stringify(headers) === JSON.stringify(deliveryHeaders(p, body, material.secret, messageId, timestamp)),
            "sign gave other headers",
          );
          return { body, timestamp, headers };
        }),
    );

  it("verify, receive, handle never accept a delivery from 1970 or far ahead with bad tolerance or clock", async () => {
    const signed = await signedLongAgo();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...signed), badOptions, async ({ body, timestamp, headers }, generated) => {
        const options = withClock(generated, timestamp) as VerifyOptions;
        const verified = await p.pkg.verify(body, headers, material.secret, options);
        expectWellFormed(verifyResultProblems(verified), "verify");
        check(!verified.ok && verified.error.code === "invalid_options", `verify answered ${JSON.stringify(verified)}`);
        const received = await p.pkg.receive(body, headers, material.secret, options);
        check(
          !received.ok && received.error.code === "invalid_options" && received.deliveryId === undefined,
          `receive answered ${JSON.stringify(received)}`,
        );
        // createHandler refuses options refused at once; a clock that cannot be read is found out per delivery: 500.
        let handler: ReturnType<typeof createHandler> | undefined;
        try {
          handler = createHandler({ secret: material.secret, verify: options, deduplicate: false });
        } catch (thrown) {
          check(
            refusedOptions(options) && thrown instanceof TypeError && thrown.message.startsWith("createHandler: "),
            `createHandler threw ${String(thrown)}`,
          );
        }
        check(
          (handler === undefined) === refusedOptions(options),
          "createHandler accepted options that must be refused",
        );
        if (handler) {
          const answer = await handler.handle(body, headers);
          expectWellFormed(answerProblems(answer), "handle");
          check(
            answer.status === 500 && answer.body.error === "invalid_options",
            `handle answered ${JSON.stringify(answer)}`,
          );
        }
      }),
      runs,
    );
  });

  it("verify reads options once: a tolerance getter answering good, then bad, never lets 1970 in", async () => {
    const small = fc.double({ min: 0, max: 1e6, noNaN: true });
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...(await signedLongAgo())),
        small,
        badTolerance,
        async ({ body, timestamp, headers }, good, bad) => {
          let reads = 0;
          const options = {
            get toleranceSeconds() {
              return reads++ === 0 ? good : bad;
            },
          } as VerifyOptions;
          const verified = await p.pkg.verify(body, headers, material.secret, options);
          expectWellFormed(verifyResultProblems(verified), "verify");
          check(
            !verified.ok,
            `verify accepted a delivery from ${timestamp} s (tolerance ${good}, then ${String(bad)})`,
          );
        },
      ),
      runs,
    );
  });
});

it("leaves Object.prototype, Array.prototype and Function.prototype as they were", () => {
  expectUnpolluted(before);
});
