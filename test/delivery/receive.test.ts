// receive() of every built package: verify, then parse, as one discriminated result with the delivery's
// idempotency key. Deliveries are signed with node:crypto (deliveries.ts), never with the code under test.

import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  atSend,
  clockAt,
  deliveryHeaders,
  failure,
  providers,
  secretFor,
  sentAt,
  signatureHeader,
  type Provider,
} from "./deliveries.js";

/** Where each catalogue's idempotency key comes from, as the providers document it. */
const documentedSource: Record<string, string> = {
  teachfloor: "envelope",
  "teachfloor/early": "body-hash",
  teachify: "body-hash",
  edume: "body-hash",
  whop: "header",
};

const sha256Hex = (body: string | Uint8Array): string => createHash("sha256").update(body).digest("hex");
const bytes = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, "utf8"));

/** A webhook-id that differs from the body's id, so that the header is seen to be the source. */
const headerId = "msg_1a2B3c4D5e6F7g8H9i0JkLmN";

/** Whether the provider signs the payload's compact JSON rather than the raw body (eduMe). */
const signsCompactJson = (p: Provider) =>
  p.config.signature.scheme === "hmac-sha256-hex" && p.config.signature.signs === "compact-json";

/** The idempotency key the delivery should get, computed here from delivery.json: body hashes cover what is signed. */
function expectedDeliveryId(
  p: Provider,
  body: string | Uint8Array,
  headers: Record<string, string>,
  value: unknown,
): string {
  const source = p.config.deliveryId;
  if (source.from === "header") return headers[source.name]!;
  if (source.from === "envelope") {
    const id = (value as Record<string, unknown> | null)?.[source.property];
    if (typeof id === "string" && id !== "") return id;
  }
  return sha256Hex(signsCompactJson(p) && value !== undefined ? JSON.stringify(value) : body);
}

describe("the catalogues' delivery ids", () => {
  it("come from where the providers document them", () => {
    expect(Object.fromEntries(providers.map((p) => [p.path, p.config.deliveryId.from]))).toEqual(documentedSource);
    const whop = providers.find((p) => p.path === "whop")!;
    expect(whop.config.deliveryId).toEqual({ from: "header", name: "webhook-id" });
    expect(providers.find((p) => p.path === "teachfloor")!.config.deliveryId).toEqual({
      from: "envelope",
      property: "id",
    });
  });
});

describe.each(providers.map((p) => [p.path, p] as const))("%s: receive", (_, p) => {
  const secret = secretFor(p, p.path);
  const example = p.examples[0]!;
  const typeProperty = p.catalogue.typeProperty;
  const sign = (body: string | Uint8Array) => deliveryHeaders(p, body, secret, headerId);
  const receive = (body: string | Uint8Array, headers: Record<string, string> | Headers) =>
    p.pkg.receive(body, headers, secret, atSend);

  describe("a genuine delivery of a valid event", () => {
    it(`gives { ok, event, deliveryId } for the first documented example (${example.file})`, async () => {
      const headers = sign(example.body);
      const deliveryId = expectedDeliveryId(p, example.body, headers, example.value);
      expect(await receive(example.body, headers)).toEqual({ ok: true, event: example.value, deliveryId });
    });

    it(
      "gives the deliveryId the provider documents: " + "envelope id, webhook-id header, or SHA-256 of the raw body",
      async () => {
        const headers = sign(example.body);
        const result = await receive(example.body, headers);
        expect(result.ok).toBe(true);
        const source = documentedSource[p.path];
        if (source === "envelope") expect(result.deliveryId).toBe((example.value as { id: string }).id);
        else if (source === "header") {
          expect(result.deliveryId).toBe(headerId);
          expect(result.deliveryId).not.toBe((example.value as { id?: string }).id);
        } else
          expect(result.deliveryId).toBe(createHash("sha256").update(Buffer.from(example.body, "utf8")).digest("hex"));
        expect(result.deliveryId).toMatch(source === "body-hash" ? /^[0-9a-f]{64}$/ : /^(evt|msg)_/);
      },
    );

    it("gives the same result for the body as bytes and the headers as a Fetch Headers object", async () => {
      const headers = sign(example.body);
      const expected = {
        ok: true,
        event: example.value,
        deliveryId: expectedDeliveryId(p, example.body, headers, example.value),
      };
      expect(await receive(bytes(example.body), headers)).toEqual(expected);
      expect(await receive(example.body, new Headers(headers))).toEqual(expected);
      expect(await receive(bytes(example.body), new Headers(headers))).toEqual(expected);
    });

    it.each(p.examples.map((e) => [e.file, e] as const))("accepts every documented example: %s", async (_, e) => {
      const headers = sign(e.body);
      const result = await receive(e.body, headers);
      expect(result).toEqual({ ok: true, event: e.value, deliveryId: expectedDeliveryId(p, e.body, headers, e.value) });
      if (result.ok) expect((result.event as Record<string, unknown>)[typeProperty]).toBe(e.event.eventType);
    });

    if (p.config.deliveryId.from === "body-hash" && !signsCompactJson(p))
      it("gives a body-derived deliveryId of the raw bytes, which differs between bodies", async () => {
        const pretty = JSON.stringify(example.value, null, 2);
        const other = pretty === example.body ? JSON.stringify(example.value) : pretty;
        expect(other).not.toBe(example.body);
        const first = await receive(example.body, sign(example.body));
        const second = await receive(other, sign(other));
        expect(first).toMatchObject({ ok: true, deliveryId: sha256Hex(example.body) });
        expect(second).toEqual({ ok: true, event: example.value, deliveryId: sha256Hex(other) });
        expect(first.deliveryId).not.toBe(second.deliveryId);
      });

    if (signsCompactJson(p))
      it(
        "gives reformatted copies of one delivery (all genuine: " + "the signature covers compact JSON) one deliveryId",
        async () => {
          const compact = JSON.stringify(example.value);
          const copies = [
            example.body,
            compact,
            JSON.stringify(example.value, null, 2),
            JSON.stringify(example.value, null, "\t"),
          ];
          const signature = sign(compact);
          const ids = new Set<string>();
          for (const copy of copies) {
            const result = await receive(copy, signature);
            expect(result).toEqual({ ok: true, event: example.value, deliveryId: sha256Hex(compact) });
            ids.add(result.deliveryId!);
          }
          expect(ids.size).toBe(1);
          const other = await receive(
            compact.replace(/\d(?=\D*$)/, (d) => String((Number(d) + 1) % 10)),
            signature,
          );
          expect(other.ok).toBe(false);
        },
      );
  });

  describe("a genuine body with a leading byte-order mark (which parsing skips)", () => {
    const text = `\uFEFF${example.body}`;
    it.each([
      ["text", text],
      ["bytes", bytes(text)],
    ] as const)("is received as %s, keyed like any other body", async (_, body) => {
      expect(Buffer.from(body).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
      const headers = sign(body);
      expect(await receive(body, headers)).toEqual({
        ok: true,
        event: example.value,
        deliveryId: expectedDeliveryId(p, bytes(text), headers, example.value),
      });
    });
  });

  describe("a delivery that is not genuine: the verification error, no event, no deliveryId", () => {
    const tampered = example.body.replace(/\d(?=\D*$)/, (d) => String((Number(d) + 1) % 10));

    it("reports a forged body as signature_mismatch", async () => {
      expect(tampered).not.toBe(example.body);
      expect(await receive(tampered, sign(example.body))).toEqual(failure("signature_mismatch"));
    });

    it("reports a wrong secret as signature_mismatch, an empty one as invalid_secret", async () => {
      const headers = sign(example.body);
      expect(await p.pkg.receive(example.body, headers, secretFor(p, "someone-else"), atSend)).toEqual(
        failure("signature_mismatch"),
      );
      expect(await p.pkg.receive(example.body, headers, "", atSend)).toEqual(failure("invalid_secret"));
    });

    it("reports a missing signature as missing_signature, a malformed one as malformed_signature", async () => {
      const headers = sign(example.body);
      expect(
        await receive(
          example.body,
          Object.fromEntries(Object.entries(headers).filter(([k]) => k !== signatureHeader(p))),
        ),
      ).toEqual(failure("missing_signature"));
      expect(await receive(example.body, { ...headers, [signatureHeader(p)]: "not a signature" })).toEqual(
        failure("malformed_signature"),
      );
    });

    it(
      "verifies before parsing: " + "a forged body that is not even JSON is a signature error, not invalid_json",
      async () => {
        expect(await receive("{not json", sign(example.body))).toEqual(failure("signature_mismatch"));
      },
    );

    if (p.config.signature.scheme === "standard-webhooks")
      it("passes the options on: a stale Standard Webhooks delivery is timestamp_out_of_range", async () => {
        const headers = sign(example.body);
        expect(await p.pkg.receive(example.body, headers, secret, clockAt(sentAt + 301))).toEqual(
          failure("timestamp_out_of_range"),
        );
        expect(
          await p.pkg.receive(example.body, headers, secret, { ...clockAt(sentAt + 11), toleranceSeconds: 10 }),
        ).toEqual(failure("timestamp_out_of_range"));
      });
  });

  describe("a genuine delivery that is not a valid event: the parse error, with its deliveryId", () => {
    it("reports a body of the event type without its data as invalid_payload", async () => {
      const keep = new Set([
        typeProperty,
        ...(p.config.deliveryId.from === "envelope" ? [p.config.deliveryId.property] : []),
      ]);
      const value = Object.fromEntries(
        Object.entries(example.value as Record<string, unknown>).filter(([key]) => keep.has(key)),
      );
      const body = JSON.stringify(value);
      const headers = sign(body);
      const result = await receive(body, headers);
      expect(result).toEqual({
        ok: false,
        error: {
          code: "invalid_payload",
          message: expect.stringMatching(/^Invalid /),
          issues: expect.any(Array),
          truncated: expect.any(Boolean),
        },
        deliveryId: expectedDeliveryId(p, body, headers, value),
      });
      if (!result.ok && result.error.code === "invalid_payload") expect(result.error.issues.length).toBeGreaterThan(0);
    });

    it("reports a wrongly typed field as invalid_payload", async () => {
      const value = { ...(example.value as Record<string, unknown>) };
      const dataKey = Object.keys(value).find(
        (key) => key !== typeProperty && typeof value[key] === "object" && value[key] !== null,
      )!;
      value[dataKey] = "not an object";
      const body = JSON.stringify(value);
      const headers = sign(body);
      expect(await receive(body, headers)).toMatchObject({
        ok: false,
        error: { code: "invalid_payload" },
        deliveryId: expectedDeliveryId(p, body, headers, value),
      });
    });

    it("reports an unknown event type in a well-formed envelope as unknown_event", async () => {
      const value = { ...(example.value as Record<string, unknown>), [typeProperty]: "no.such.event" };
      const body = JSON.stringify(value);
      const headers = sign(body);
      expect(await receive(body, headers)).toEqual({
        ok: false,
        error: { code: "unknown_event", type: "no.such.event", message: expect.any(String) },
        deliveryId: expectedDeliveryId(p, body, headers, value),
      });
    });

    it("reports a body that is not JSON as invalid_json", async () => {
      const body = "{not json";
      const headers = sign(body);
      expect(await receive(body, headers)).toEqual({
        ok: false,
        error: { code: "invalid_json", message: expect.any(String) },
        deliveryId: expectedDeliveryId(p, body, headers, undefined),
      });
    });

    it("keys a genuine envelope without its id by the SHA-256 of the body", async () => {
      const value = Object.fromEntries(
        Object.entries(example.value as Record<string, unknown>).filter(([key]) => key !== "id"),
      );
      const body = JSON.stringify(value);
      const headers = sign(body);
      const result = await receive(body, headers);
      expect(result.deliveryId).toBe(p.config.deliveryId.from === "header" ? headerId : sha256Hex(body));
    });
  });

  it("never throws, whatever it is given", async () => {
    for (const [body, headers, key] of [
      [example.body, null, secret],
      [undefined, sign(example.body), secret],
      [example.body, sign(example.body), undefined],
      [new Uint8Array([0xff, 0xfe, 0x00]), {}, secret],
    ] as Array<[unknown, unknown, unknown]>) {
      let promise: Promise<unknown> | undefined;
      expect(() => (promise = p.pkg.receive(body as string, headers as Headers, key as string, atSend))).not.toThrow();
      expect(await promise).toMatchObject({
        ok: false,
        error: { code: expect.any(String), message: expect.any(String) },
      });
    }
  });
});
