import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, it } from "vitest";
import {
  deliveryHeaders,
  providers,
  type HeadersLike,
  type RawBody,
  type Secret,
  type VerifyOptions,
} from "../delivery/deliveries.js";
import { pkg } from "../runtime/packages.js";
import {
  anyOptions,
  anySecret,
  deliveryClock,
  genuine,
  hostileDeliveries,
  isJsonBody,
  messageId,
  sentAt,
} from "./arbitraries.js";
import {
  check,
  checkUnpolluted,
  expectUnpolluted,
  expectWellFormed,
  pollutionBodies,
  prototypes,
  receiveResultProblems,
} from "./shape.js";
import { runs } from "../helpers/property-runs.js";

// receive, for every package: whatever the body, headers, secret and options, it resolves to a well-formed
// result that agrees with verify (same inputs) and then with parse, with the delivery id the provider's source gives.

const before = prototypes();
const decoder = new TextDecoder();

const sha256 = (data: string | Uint8Array) => createHash("sha256").update(data).digest("hex");
const jsonOf = (body: RawBody): unknown => {
  if (!isJsonBody(body)) return undefined;
  const text = typeof body === "string" ? body : decoder.decode(body);
  return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
};

describe.each(providers.map((p) => [p.path, p] as const))("%s", (_, p) => {
  const material = genuine(p);
  const { parse } = pkg(p.path);
  const deliveries = hostileDeliveries(p, material);
  const signature = p.config.signature;
  const compact = signature.scheme === "hmac-sha256-hex" && signature.signs === "compact-json";

  /** The delivery id of a genuine delivery, as documented for the provider's source. */
  function expectedId(body: RawBody): string {
    const source = p.config.deliveryId;
    if (source.from === "header") return messageId; // the only id genuine deliveries are signed with here
    const value = jsonOf(body);
    if (source.from === "envelope" && typeof value === "object" && value !== null) {
      const id = (value as Record<string, unknown>)[source.property];
      if (typeof id === "string" && id !== "") return id;
    }
    return sha256(compact && value !== undefined ? JSON.stringify(value) : body);
  }

  it("receive: any body, hostile headers, any secret and options: agrees with verify and parse", async () => {
    await fc.assert(
      fc.asyncProperty(deliveries, anySecret(material.secret), anyOptions, async (delivery, secretCase, options) => {
        const { body } = delivery;
        const received = await p.pkg.receive(
          body,
          delivery.headers.build() as HeadersLike,
          secretCase.build() as Secret,
          options as VerifyOptions,
        );
        expectWellFormed(receiveResultProblems(received), "receive");
        const verified = await p.pkg.verify(
          body,
          delivery.headers.build() as HeadersLike,
          secretCase.build() as Secret,
          options as VerifyOptions,
        );
        if (!verified.ok) {
          check(
            !received.ok && received.error.code === verified.error.code,
            `verify answered ${verified.error.code}, receive ${JSON.stringify(received)}`,
          );
        } else {
          const parsed = parse(body);
          check(
            received.ok === parsed.ok,
            `parse answered ${JSON.stringify(parsed)}, receive ${JSON.stringify(received)}`,
          );
          const same = received.ok
            ? JSON.stringify(received.event) === JSON.stringify(parsed.ok && parsed.event)
            : JSON.stringify(received.error) === JSON.stringify(!parsed.ok && parsed.error);
          check(same, `receive does not give parse's answer: ${JSON.stringify(received)}`);
          check(
            received.deliveryId === expectedId(body),
            `delivery id ${JSON.stringify(received.deliveryId)}, expected ${expectedId(body)}`,
          );
        }
        checkUnpolluted(before);
      }),
      runs,
    );
  });

  it("receive: genuine bodies that would pollute Object.prototype are answered and pollute nothing", async () => {
    for (const body of pollutionBodies) {
      const received = await p.pkg.receive(body, deliveryHeaders(p, body, material.secret), material.secret, {
        now: deliveryClock,
      });
      expectWellFormed(receiveResultProblems(received), "receive", body);
      check(!received.ok && received.deliveryId === expectedId(body), `receive answered ${JSON.stringify(received)}`);
    }
    expectUnpolluted(before);
  });
});

describe.each(providers.filter((p) => p.config.deliveryId.from === "header").map((p) => [p.path, p] as const))(
  "%s: delivery id from a header",
  (_, p) => {
    const material = genuine(p);
    const { body } = material.signed[0]!;

    it(
      "receive: the delivery id is a string even when a " +
        "Headers-like `get` answers the id header with a non-string",
      async () => {
        const idValue = fc.oneof(
          fc.integer({ min: 1 }),
          fc.constant(true),
          fc.string({ minLength: 1, maxLength: 8 }).map((s) => [s]),
        );
        await fc.assert(
          fc.asyncProperty(idValue, async (value) => {
            const signed = await p.pkg.sign(body, material.secret, { id: String(value), timestamp: sentAt });
            const headers = {
              get: (name: string) =>
                name.toLowerCase() === "webhook-id" ? value : (signed[name.toLowerCase()] ?? null),
            };
            const received = await p.pkg.receive(body, headers as unknown as HeadersLike, material.secret, {
              now: deliveryClock,
            });
            expectWellFormed(receiveResultProblems(received), "receive", value);
          }),
          runs,
        );
      },
    );
  },
);

it("leaves Object.prototype, Array.prototype and Function.prototype as they were", () => {
  expectUnpolluted(before);
});
