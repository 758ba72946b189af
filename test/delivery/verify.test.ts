// verify() and sign() of every built package, driven by each catalogue's delivery.json. Expected signatures
// come from the Standard Webhooks specification's published vector, the `standardwebhooks` package, or
// node:crypto in deliveries.ts — never from the code under test.

import { createHmac } from "node:crypto";
import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import {
  atSend,
  clockAt,
  deliveryHeaders,
  failure,
  hexProviders,
  hexSignature,
  messageId,
  providers,
  secretFor,
  sentAt,
  signatureHeader,
  standardWebhooksProviders,
  standardWebhooksSignature,
  type HeadersLike,
  type HexScheme,
  type Provider,
  type Secret,
  type VerifyOptions,
} from "./deliveries.js";

const bytes = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, "utf8"));
/** Lower case, upper case, and mixed case (`wEbHoOk-sIgNaTuRe`). */
const caseVariants = (name: string): [string, string, string] => [
  name.toLowerCase(),
  name.toUpperCase(),
  [...name.toLowerCase()].map((c, i) => (i % 2 ? c.toUpperCase() : c)).join(""),
];
const hexOf = (p: Provider): HexScheme => {
  if (p.config.signature.scheme !== "hmac-sha256-hex") throw new Error(`${p.path} is not an HMAC-hex provider`);
  return p.config.signature;
};
const errorCodes = [
  "missing_signature",
  "malformed_signature",
  "signature_mismatch",
  "timestamp_out_of_range",
  "invalid_secret",
  "invalid_options",
];

describe("the catalogues' delivery.json", () => {
  it("cover every signing variant these tests drive (so no loop below is empty)", () => {
    expect(providers.map((p) => p.path).sort()).toEqual([
      "edume",
      "teachfloor",
      "teachfloor/early",
      "teachify",
      "whop",
    ]);
    const hex = hexProviders.map((p) => p.config.signature);
    expect(hex.some((s) => s.signs === "raw-body")).toBe(true);
    expect(hex.some((s) => s.signs === "compact-json")).toBe(true);
    expect(hex.some((s) => s.bearer)).toBe(true);
    expect(hex.some((s) => !s.bearer)).toBe(true);
    expect(hex.some((s) => s.headers.length > 1)).toBe(true);
    expect(standardWebhooksProviders.map((p) => p.path)).toEqual(["whop"]);
  });

  it("say what the providers document: header names, what is signed, bearer", () => {
    const byPath = Object.fromEntries(providers.map((p) => [p.path, p.config.signature]));
    expect(byPath).toEqual({
      teachfloor: { scheme: "hmac-sha256-hex", headers: ["Teachfloor-Signature"], signs: "raw-body", bearer: false },
      "teachfloor/early": {
        scheme: "hmac-sha256-hex",
        headers: ["Teachfloor-Signature"],
        signs: "raw-body",
        bearer: false,
      },
      teachify: {
        scheme: "hmac-sha256-hex",
        headers: ["Teachify-Webhook-Signature", "Loopwise-Webhook-Signature"],
        signs: "raw-body",
        bearer: false,
      },
      edume: { scheme: "hmac-sha256-hex", headers: ["x-edume-signature"], signs: "compact-json", bearer: true },
      whop: { scheme: "standard-webhooks" },
    });
  });
});

// ---- Standard Webhooks (Whop) -------------------------------------------------------------------------

describe.each(standardWebhooksProviders.map((p) => [p.path, p] as const))(
  "%s: Standard Webhooks known answers",
  (_, p) => {
    // The test vector published with the Standard Webhooks specification.
    const vector = {
      secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
      id: "msg_p5jXN8AQM9LWM0D4loKWxJek",
      timestamp: 1614265330,
      body: '{"test": 2432232314}',
      signature: "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
    };
    const vectorHeaders = {
      "webhook-id": vector.id,
      "webhook-timestamp": String(vector.timestamp),
      "webhook-signature": vector.signature,
    };

    it("the independent signer reproduces the published vector (so the other expectations can be trusted)", () => {
      expect(`v1,${standardWebhooksSignature(vector.secret, vector.id, vector.timestamp, vector.body)}`).toBe(
        vector.signature,
      );
    });

    it("verify accepts the published vector, as text and as bytes", async () => {
      expect(await p.pkg.verify(vector.body, vectorHeaders, vector.secret, clockAt(vector.timestamp))).toEqual({
        ok: true,
      });
      expect(await p.pkg.verify(bytes(vector.body), vectorHeaders, vector.secret, clockAt(vector.timestamp))).toEqual({
        ok: true,
      });
    });

    it("sign reproduces the published vector's headers exactly", async () => {
      expect(await p.pkg.sign(vector.body, vector.secret, { id: vector.id, timestamp: vector.timestamp })).toEqual(
        vectorHeaders,
      );
    });

    it(
      "sign takes the message id from the body's id when none is given, " + "and the timestamp from the clock",
      async () => {
        const example = p.examples[0]!;
        const bodyId = (example.value as { id: string }).id;
        const before = Math.floor(Date.now() / 1000);
        const headers = await p.pkg.sign(example.body, vector.secret);
        const after = Math.floor(Date.now() / 1000);
        const timestamp = Number(headers["webhook-timestamp"]);
        expect(timestamp).toBeGreaterThanOrEqual(before);
        expect(timestamp).toBeLessThanOrEqual(after);
        expect(headers).toEqual({
          "webhook-id": bodyId,
          "webhook-timestamp": String(timestamp),
          "webhook-signature": `v1,${standardWebhooksSignature(vector.secret, bodyId, timestamp, example.body)}`,
        });
      },
    );

    it("accepts a delivery signed by the standardwebhooks package", async () => {
      const example = p.examples[0]!;
      const signature = new Webhook(vector.secret).sign(messageId, new Date(sentAt * 1000), example.body);
      const headers = { "webhook-id": messageId, "webhook-timestamp": String(sentAt), "webhook-signature": signature };
      expect(await p.pkg.verify(example.body, headers, vector.secret, atSend)).toEqual({ ok: true });
    });

    it("signs deliveries that the standardwebhooks package accepts", async () => {
      const example = p.examples[0]!;
      const headers = await p.pkg.sign(example.body, vector.secret, {
        id: messageId,
        timestamp: Math.floor(Date.now() / 1000),
      });
      expect(new Webhook(vector.secret).verify(example.body, headers)).toEqual(example.value);
      // And the package would refuse ours were the body changed: the cross-check is not vacuous.
      expect(() => new Webhook(vector.secret).verify(`${example.body} `, headers)).toThrow(
        "No matching signature found",
      );
    });

    it.each(["whop_dashboard_secret_7Qm2", "d2hvcC1kYXNoYm9hcmQ=", "sk_ünïcode-sécret"])(
      "uses a secret without whsec_ (%s) as its UTF-8 bytes, not as base64",
      async (secret) => {
        const example = p.examples[0]!;
        const expected = createHmac("sha256", Buffer.from(secret, "utf8"))
          .update(`${messageId}.${sentAt}.${example.body}`)
          .digest("base64");
        const headers = {
          "webhook-id": messageId,
          "webhook-timestamp": String(sentAt),
          "webhook-signature": `v1,${expected}`,
        };
        expect(await p.pkg.verify(example.body, headers, secret, atSend)).toEqual({ ok: true });
        expect(await p.pkg.sign(example.body, secret, { id: messageId, timestamp: sentAt })).toEqual(headers);
        // The same string with the whsec_ prefix is a different key (base64-decoded), where it is base64 at all.
        if (/^[A-Za-z0-9+/]+={0,2}$/.test(secret) && secret.length % 4 === 0) {
          expect(await p.pkg.verify(example.body, headers, `whsec_${secret}`, atSend)).toEqual(
            failure("signature_mismatch"),
          );
        }
      },
    );

    describe("a body given as bytes with a leading byte-order mark: the raw bytes are what is signed", () => {
      const example = p.examples[0]!;
      const body = new Uint8Array(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(example.body, "utf8")]));
      const headers = {
        "webhook-id": messageId,
        "webhook-timestamp": String(sentAt),
        "webhook-signature": `v1,${standardWebhooksSignature(vector.secret, messageId, sentAt, body)}`,
      };

      it(
        "is genuine to the standardwebhooks package (given the " +
          "bytes as a Buffer), and to verify when given as text",
        async () => {
          const now = Math.floor(Date.now() / 1000);
          const fresh = {
            ...headers,
            "webhook-timestamp": String(now),
            "webhook-signature": `v1,${standardWebhooksSignature(vector.secret, messageId, now, body)}`,
          };
          expect(() =>
            new Webhook(vector.secret).verify(Buffer.from(body) as unknown as string, fresh, { jsonParse: false }),
          ).not.toThrow();
          expect(await p.pkg.verify(`\uFEFF${example.body}`, headers, vector.secret, atSend)).toEqual({ ok: true });
        },
      );

      it("verify accepts it as bytes", async () => {
        expect(await p.pkg.verify(body, headers, vector.secret, atSend)).toEqual({ ok: true });
      });

      it("sign signs the bytes as given", async () => {
        expect(await p.pkg.sign(body, vector.secret, { id: messageId, timestamp: sentAt })).toEqual(headers);
      });
    });
  },
);

describe.each(standardWebhooksProviders.map((p) => [p.path, p] as const))(
  "%s: Standard Webhooks rejections",
  (_, p) => {
    const secret = secretFor(p, "whop");
    const body = p.examples[0]!.body;
    const good = deliveryHeaders(p, body, secret);
    const validSignature = good["webhook-signature"]!;
    const otherValid = (seed: string) => deliveryHeaders(p, body, secretFor(p, seed))["webhook-signature"]!;

    it.each(["webhook-id", "webhook-timestamp", "webhook-signature"])(
      "reports a delivery without %s as missing_signature",
      async (name) => {
        const headers = Object.fromEntries(Object.entries(good).filter(([key]) => key !== name));
        expect(await p.pkg.verify(body, headers, secret, atSend)).toEqual(failure("missing_signature"));
      },
    );

    it.each([
      ["no v1 entry", "v2,aGVsbG8="],
      ["an empty header", ""],
      ["a v1 entry that is not base64", "v1,not*base64!"],
      ["a v1 entry without a value", "v1"],
      ["only an entry of another version with a valid signature", validSignature.replace(/^v1,/, "v1a,")],
    ])("reports %s as malformed_signature", async (_, signature) => {
      expect(await p.pkg.verify(body, { ...good, "webhook-signature": signature }, secret, atSend)).toEqual(
        failure("malformed_signature"),
      );
    });

    it.each(["1700000000a", "1.7e9", "-1700000000", "", "0x6553f100", "1700000000.5"])(
      "reports a webhook-timestamp of %j as malformed_signature",
      async (timestamp) => {
        expect(await p.pkg.verify(body, { ...good, "webhook-timestamp": timestamp }, secret, atSend)).toEqual(
          failure("malformed_signature"),
        );
      },
    );

    it.each([
      ["one byte short", 31],
      ["one byte long", 33],
      ["twice as long", 64],
      ["one byte", 1],
    ])("reports a v1 signature of the wrong length (%s) as signature_mismatch without throwing", async (_, length) => {
      const raw = Buffer.from(validSignature.slice(3), "base64");
      const resized = Buffer.concat([raw, raw]).subarray(0, length).toString("base64");
      await expect(
        p.pkg.verify(body, { ...good, "webhook-signature": `v1,${resized}` }, secret, atSend),
      ).resolves.toEqual(failure("signature_mismatch"));
    });

    it("reports a change of the webhook-id or webhook-timestamp as signature_mismatch", async () => {
      expect(await p.pkg.verify(body, { ...good, "webhook-id": `${messageId}x` }, secret, atSend)).toEqual(
        failure("signature_mismatch"),
      );
      expect(await p.pkg.verify(body, { ...good, "webhook-timestamp": String(sentAt + 1) }, secret, atSend)).toEqual(
        failure("signature_mismatch"),
      );
    });

    it.each(["whsec_", "whsec_not*base64", "whsec_abc", "whsec_YWJj=", ""])(
      "reports the secret %j as invalid_secret",
      async (bad) => {
        expect(await p.pkg.verify(body, good, bad, atSend)).toEqual(failure("invalid_secret"));
        expect(await p.pkg.verify(body, good, [secret, bad], atSend)).toEqual(failure("invalid_secret"));
      },
    );

    it("sign refuses a secret that is not a key", async () => {
      await expect(p.pkg.sign(body, "whsec_not*base64")).rejects.toThrow();
      await expect(p.pkg.sign(body, "")).rejects.toThrow();
    });

    it.each([
      [-301, "timestamp_out_of_range"],
      [301, "timestamp_out_of_range"],
      [-3600, "timestamp_out_of_range"],
      [-300, "ok"],
      [300, "ok"],
      [-299, "ok"],
      [299, "ok"],
      [0, "ok"],
    ])("with the clock %i s from the timestamp: %s (default tolerance 300 s)", async (offset, outcome) => {
      const sent = sentAt - offset;
      const headers = deliveryHeaders(p, body, secret, messageId, sent);
      expect(await p.pkg.verify(body, headers, secret, atSend)).toEqual(
        outcome === "ok" ? { ok: true } : failure(outcome),
      );
    });

    it("measures the tolerance from Date.now when no clock is given", async () => {
      const now = Math.floor(Date.now() / 1000);
      expect(await p.pkg.verify(body, deliveryHeaders(p, body, secret, messageId, now), secret)).toEqual({ ok: true });
      expect(await p.pkg.verify(body, deliveryHeaders(p, body, secret, messageId, now - 400), secret)).toEqual(
        failure("timestamp_out_of_range"),
      );
      expect(await p.pkg.verify(body, good, secret)).toEqual(failure("timestamp_out_of_range"));
    });

    it("takes toleranceSeconds: with 10, 11 s off is rejected either way and 10 s accepted", async () => {
      const options = { ...atSend, toleranceSeconds: 10 };
      for (const offset of [11, -11]) {
        expect(
          await p.pkg.verify(body, deliveryHeaders(p, body, secret, messageId, sentAt - offset), secret, options),
        ).toEqual(failure("timestamp_out_of_range"));
      }
      for (const offset of [10, -10])
        expect(
          await p.pkg.verify(body, deliveryHeaders(p, body, secret, messageId, sentAt - offset), secret, options),
        ).toEqual({ ok: true });
      expect(
        await p.pkg.verify(body, deliveryHeaders(p, body, secret, messageId, sentAt - 1), secret, {
          ...atSend,
          toleranceSeconds: 0,
        }),
      ).toEqual(failure("timestamp_out_of_range"));
    });

    it.each([
      ["a NaN tolerance", { ...atSend, toleranceSeconds: Number.NaN }],
      ["an infinite tolerance", { ...atSend, toleranceSeconds: Number.POSITIVE_INFINITY }],
      ["a negative tolerance", { ...atSend, toleranceSeconds: -1 }],
      ["a tolerance given as a string", { ...atSend, toleranceSeconds: "300" as unknown as number }],
      ["a clock returning NaN (Number of an unset variable)", { now: () => Number(undefined) }],
      ["a clock returning undefined", { now: () => undefined as unknown as number }],
      ["a clock returning Infinity", { now: () => Number.POSITIVE_INFINITY }],
      [
        "a clock that throws",
        {
          now: () => {
            throw new Error("no clock");
          },
        },
      ],
      ["a clock that is not a function", { now: 1_700_000_000_000 as unknown as () => number }],
      ["options that are not an object", "fast" as unknown as VerifyOptions],
    ] as Array<[string, VerifyOptions]>)(
      "never accepts with %s: a 1970 delivery is invalid_options",
      async (_, options) => {
        const stamped1970 = deliveryHeaders(p, body, secret, messageId, 1);
        expect(await p.pkg.verify(body, stamped1970, secret, options)).toEqual(failure("invalid_options"));
        expect(await p.pkg.receive(body, stamped1970, secret, options)).toEqual(failure("invalid_options"));
        // The same options refuse a fresh, genuine delivery too: a misconfiguration is seen at once, not on a replay.
        const fresh = deliveryHeaders(p, body, secret, messageId, Math.floor(Date.now() / 1000));
        expect(await p.pkg.verify(body, fresh, secret, options)).toEqual(failure("invalid_options"));
      },
    );

    it(
      "checks the timestamp before the signature: " + "a stale delivery with a valid signature is out of range",
      async () => {
        const headers = deliveryHeaders(p, body, secret, messageId, sentAt - 1000);
        expect(await p.pkg.verify(body, headers, secret, atSend)).toEqual(failure("timestamp_out_of_range"));
        expect(await p.pkg.verify(body, headers, secret, clockAt(sentAt - 1000))).toEqual({ ok: true });
      },
    );

    describe("several signatures in webhook-signature", () => {
      it("accepts when only the last of several space-separated entries is valid", async () => {
        const signature = `${otherValid("a")} ${otherValid("b")} ${validSignature}`;
        expect(await p.pkg.verify(body, { ...good, "webhook-signature": signature }, secret, atSend)).toEqual({
          ok: true,
        });
      });

      it("accepts when the valid entry comes first, or among malformed and other-version entries", async () => {
        for (const signature of [
          `${validSignature} ${otherValid("a")}`,
          `v1,not*base64 v2,${validSignature.slice(3)} ${validSignature}`,
          `  ${otherValid("a")}   ${validSignature}  `,
        ]) {
          expect(
            await p.pkg.verify(body, { ...good, "webhook-signature": signature }, secret, atSend),
            signature,
          ).toEqual({ ok: true });
        }
      });

      it("reports signature_mismatch when every entry is a valid-looking but wrong signature", async () => {
        const signature = `${otherValid("a")} ${otherValid("b")} ${otherValid("c")}`;
        expect(await p.pkg.verify(body, { ...good, "webhook-signature": signature }, secret, atSend)).toEqual(
          failure("signature_mismatch"),
        );
      });

      it("ignores entries of another version, even when their value is the right signature", async () => {
        const rightValueWrongVersion = validSignature.replace(/^v1,/, "v1a,");
        const signature = `${rightValueWrongVersion} ${otherValid("a")}`;
        expect(await p.pkg.verify(body, { ...good, "webhook-signature": signature }, secret, atSend)).toEqual(
          failure("signature_mismatch"),
        );
        expect(
          await p.pkg.verify(
            body,
            { ...good, "webhook-signature": `${rightValueWrongVersion} ${validSignature}` },
            secret,
            atSend,
          ),
        ).toEqual({ ok: true });
      });

      it(
        'accepts the entries as a string[] or as repeated Headers values (joined with ", "), the valid one first ' +
          "or last",
        async () => {
          for (const list of [
            [validSignature, otherValid("a")],
            [otherValid("a"), validSignature],
          ]) {
            expect(
              await p.pkg.verify(body, { ...good, "webhook-signature": list }, secret, atSend),
              list.join(" "),
            ).toEqual({ ok: true });
            const headers = new Headers({ "webhook-id": messageId, "webhook-timestamp": String(sentAt) });
            for (const entry of list) headers.append("webhook-signature", entry);
            expect(await p.pkg.verify(body, headers, secret, atSend), list.join(" ")).toEqual({ ok: true });
          }
          expect(
            await p.pkg.verify(
              body,
              { ...good, "webhook-signature": [otherValid("a"), otherValid("b")] },
              secret,
              atSend,
            ),
          ).toEqual(failure("signature_mismatch"));
        },
      );
    });
  },
);

// ---- HMAC-hex providers -------------------------------------------------------------------------------

describe.each(hexProviders.map((p) => [p.path, p] as const))("%s: HMAC-SHA256 hex known answers", (_, p) => {
  const scheme = hexOf(p);
  const secret = secretFor(p, p.path);

  it.each(p.examples.map((e) => [e.file, e] as const))(
    "accepts %s signed with node:crypto, as text and as bytes, and sign() gives exactly that header",
    async (_, example) => {
      const signed = scheme.signs === "compact-json" ? JSON.stringify(JSON.parse(example.body)) : example.body;
      const expected = createHmac("sha256", secret).update(signed).digest("hex");
      expect(expected).toBe(hexSignature(scheme, example.body, secret));
      const headers = { [scheme.headers[0]!]: expected };
      expect(await p.pkg.verify(example.body, headers, secret)).toEqual({ ok: true });
      expect(await p.pkg.verify(bytes(example.body), headers, secret)).toEqual({ ok: true });
      expect(await p.pkg.sign(example.body, secret)).toEqual(headers);
      expect(await p.pkg.sign(bytes(example.body), secret)).toEqual(headers);
    },
  );

  it.each(scheme.headers.map((name) => [name] as const))("accepts the signature in %s alone", async (name) => {
    const body = p.examples[0]!.body;
    expect(await p.pkg.verify(body, { [name]: hexSignature(scheme, body, secret) }, secret)).toEqual({ ok: true });
    expect(await p.pkg.verify(body, { [name]: hexSignature(scheme, body, `${secret}x`) }, secret)).toEqual(
      failure("signature_mismatch"),
    );
  });

  it("accepts upper-case hex, and hex with surrounding whitespace", async () => {
    const body = p.examples[0]!.body;
    const expected = hexSignature(scheme, body, secret);
    expect(expected).toMatch(/^[0-9a-f]{64}$/);
    expect(await p.pkg.verify(body, { [scheme.headers[0]!]: expected.toUpperCase() }, secret)).toEqual({ ok: true });
    expect(await p.pkg.verify(body, { [scheme.headers[0]!]: ` ${expected}\t` }, secret)).toEqual({ ok: true });
  });

  if (scheme.signs === "compact-json") {
    it.each(p.examples.map((e) => [e.file, e] as const))(
      "accepts %s pretty-printed, signed over its compact JSON; sign() signs the compact form",
      async (_, example) => {
        const pretty = JSON.stringify(example.value, null, 2);
        expect(pretty).not.toBe(example.body);
        const expected = createHmac("sha256", secret).update(JSON.stringify(example.value)).digest("hex");
        const headers = { [scheme.headers[0]!]: expected };
        expect(await p.pkg.verify(pretty, headers, secret)).toEqual({ ok: true });
        expect(await p.pkg.verify(bytes(pretty), headers, secret)).toEqual({ ok: true });
        expect(await p.pkg.sign(pretty, secret)).toEqual(headers);
        // A signature over the pretty text itself is also the signature of what was received.
        expect(
          await p.pkg.verify(
            pretty,
            { [scheme.headers[0]!]: createHmac("sha256", secret).update(pretty).digest("hex") },
            secret,
          ),
        ).toEqual({ ok: true });
      },
    );

    it("still rejects a pretty-printed body whose values differ from what was signed", async () => {
      const example = p.examples[0]!;
      const headers = {
        [scheme.headers[0]!]: createHmac("sha256", secret).update(JSON.stringify(example.value)).digest("hex"),
      };
      const changed = JSON.stringify({ ...(example.value as object), timestamp: "2000-01-01T00:00:00.000Z" }, null, 2);
      expect(await p.pkg.verify(changed, headers, secret)).toEqual(failure("signature_mismatch"));
    });
  } else {
    it("does not accept a re-serialised body: the raw bytes are what is signed", async () => {
      const example = p.examples[0]!;
      const reserialised = JSON.stringify(example.value);
      expect(reserialised).not.toBe(example.body);
      const headers = { [scheme.headers[0]!]: hexSignature(scheme, example.body, secret) };
      expect(await p.pkg.verify(reserialised, headers, secret)).toEqual(failure("signature_mismatch"));
    });
  }
});

describe.each(hexProviders.map((p) => [p.path, p] as const))("%s: HMAC-SHA256 hex rejections", (_, p) => {
  const scheme = hexOf(p);
  const secret = secretFor(p, p.path);
  const name = scheme.headers[0]!;
  const body = p.examples[0]!.body;
  const expected = hexSignature(scheme, body, secret);

  it.each([
    ["text", "not a signature"],
    ["non-hex characters", "g".repeat(64)],
    ["an odd number of hex digits", expected.slice(1)],
    ["a sha256= prefix", `sha256=${expected}`],
    ["base64", Buffer.from(expected, "hex").toString("base64")],
    ["two signatures joined", `${expected}, ${expected}`],
  ])("reports %s as malformed_signature", async (_, signature) => {
    expect(await p.pkg.verify(body, { [name]: signature }, secret)).toEqual(failure("malformed_signature"));
  });

  it.each([
    ["one byte short", expected.slice(0, 62)],
    ["one byte long", `${expected}00`],
    ["twice as long", expected + expected],
    ["one byte", expected.slice(0, 2)],
  ])(
    "reports a hex signature %s as malformed_signature (an HMAC-SHA256 is 64 hex digits), without throwing",
    async (_, signature) => {
      await expect(p.pkg.verify(body, { [name]: signature }, secret)).resolves.toEqual(failure("malformed_signature"));
    },
  );

  it.each([
    ["an empty secret", ""],
    ["an empty list", []],
    ["a list holding an empty secret", [secret, ""]],
  ] as Array<[string, Secret]>)("reports %s as invalid_secret", async (_, bad) => {
    expect(await p.pkg.verify(body, { [name]: expected }, bad)).toEqual(failure("invalid_secret"));
  });

  it(
    "reports a bearer token alone as invalid_secret where " +
      "the provider sends none, signature_mismatch where it may",
    async () => {
      const code = hexOf(p).bearer ? "signature_mismatch" : "invalid_secret";
      expect(await p.pkg.verify(body, { [name]: expected }, { bearerToken: "tok" })).toEqual(failure(code));
    },
  );
});

// ---- every provider -----------------------------------------------------------------------------------

describe.each(providers.map((p) => [p.path, p] as const))("%s", (_, p) => {
  const secret = secretFor(p, p.path);
  const body = p.examples[0]!.body;
  const good = deliveryHeaders(p, body, secret);
  const signatureName = signatureHeader(p);
  /** The body with its last digit changed: one byte, inside a value. */
  const tampered = body.replace(/\d(?=\D*$)/, (d) => String((Number(d) + 1) % 10));

  describe("rejections", () => {
    it("reports every 1-byte change to the body as signature_mismatch", async () => {
      const raw = Buffer.from(body, "utf8");
      const wrong: number[] = [];
      for (let i = 0; i < raw.length; i++) {
        const changed = new Uint8Array(raw);
        changed[i] = changed[i]! ^ 0x01;
        const result = await p.pkg.verify(changed, good, secret, atSend);
        if (result.ok || result.error.code !== "signature_mismatch") wrong.push(i);
      }
      expect(wrong, `positions whose change was not a signature_mismatch (of ${raw.length})`).toEqual([]);
    });

    it("reports a 1-byte change in a value of the text body as signature_mismatch", async () => {
      const differing = [...Buffer.from(tampered)].filter((byte, i) => byte !== Buffer.from(body)[i]);
      expect(differing).toHaveLength(1);
      expect(Buffer.from(tampered).length).toBe(Buffer.from(body).length);
      expect(await p.pkg.verify(tampered, good, secret, atSend)).toEqual(failure("signature_mismatch"));
      expect(await p.pkg.verify(body, good, secret, atSend)).toEqual({ ok: true });
    });

    it("reports a delivery without its signature header as missing_signature", async () => {
      expect(await p.pkg.verify(body, {}, secret, atSend)).toEqual(failure("missing_signature"));
      const others = Object.fromEntries(Object.entries(good).filter(([key]) => key !== signatureName));
      expect(
        await p.pkg.verify(
          body,
          { ...others, "content-type": "application/json", "x-signature": good[signatureName]! },
          secret,
          atSend,
        ),
      ).toEqual(failure("missing_signature"));
      expect(await p.pkg.verify(body, new Headers(others), secret, atSend)).toEqual(failure("missing_signature"));
    });

    it("reports a wrong secret as signature_mismatch", async () => {
      expect(await p.pkg.verify(body, good, secretFor(p, "someone-else"), atSend)).toEqual(
        failure("signature_mismatch"),
      );
    });

    it("reports an empty secret as invalid_secret", async () => {
      expect(await p.pkg.verify(body, good, "", atSend)).toEqual(failure("invalid_secret"));
    });
  });

  describe("header inputs", () => {
    it.each(Object.keys(good).flatMap((name) => caseVariants(name).map((variant) => [name, variant] as const)))(
      "finds %s written %s",
      async (name, variant) => {
        const headers = Object.fromEntries(
          Object.entries(good).map(([key, value]) => [key === name ? variant : key, value]),
        );
        expect(Object.keys(headers)).toContain(variant);
        expect(await p.pkg.verify(body, headers, secret, atSend)).toEqual({ ok: true });
      },
    );

    it(
      "finds every header in lower, upper and mixed case at " +
        "once, and a wrong signature is still wrong in any case",
      async () => {
        for (const pick of [0, 1, 2]) {
          const headers = Object.fromEntries(
            Object.entries(good).map(([key, value]) => [caseVariants(key)[pick]!, value]),
          );
          expect(await p.pkg.verify(body, headers, secret, atSend)).toEqual({ ok: true });
          expect(await p.pkg.verify(body, headers, secretFor(p, "other"), atSend)).toEqual(
            failure("signature_mismatch"),
          );
        }
      },
    );

    it("accepts string[] header values (as Node gives repeated headers)", async () => {
      const headers = Object.fromEntries(Object.entries(good).map(([key, value]) => [key, [value]]));
      expect(await p.pkg.verify(body, headers, secret, atSend)).toEqual({ ok: true });
      expect(await p.pkg.verify(body, { ...good, [signatureName]: [good[signatureName]!] }, secret, atSend)).toEqual({
        ok: true,
      });
    });

    it("skips header entries whose value is undefined", async () => {
      const headers: HeadersLike = { [signatureName.toUpperCase()]: undefined, ...good };
      expect(await p.pkg.verify(body, headers, secret, atSend)).toEqual({ ok: true });
      expect(await p.pkg.verify(body, { ...good, [signatureName]: undefined }, secret, atSend)).toEqual(
        failure("missing_signature"),
      );
    });

    it("accepts a Fetch Headers object", async () => {
      expect(await p.pkg.verify(body, new Headers(good), secret, atSend)).toEqual({ ok: true });
      const upper = new Headers(Object.entries(good).map(([key, value]) => [key.toUpperCase(), value]));
      expect(await p.pkg.verify(body, upper, secret, atSend)).toEqual({ ok: true });
      expect(await p.pkg.verify(tampered, new Headers(good), secret, atSend)).toEqual(failure("signature_mismatch"));
    });
  });

  describe("secret rotation", () => {
    const previous = secretFor(p, "previous");
    const current = secretFor(p, "current");
    const oldDelivery = deliveryHeaders(p, body, previous);
    const newDelivery = deliveryHeaders(p, body, current);

    it.each([
      ["an array", [previous, current]],
      ["an array, newest first", [current, previous]],
      ["signatureSecret as an array", { signatureSecret: [previous, current] }],
    ] as Array<[string, Secret]>)("accepts deliveries signed with either secret given as %s", async (_, secrets) => {
      expect(await p.pkg.verify(body, oldDelivery, secrets, atSend)).toEqual({ ok: true });
      expect(await p.pkg.verify(body, newDelivery, secrets, atSend)).toEqual({ ok: true });
    });

    it("accepts signatureSecret as a single string", async () => {
      expect(await p.pkg.verify(body, newDelivery, { signatureSecret: current }, atSend)).toEqual({ ok: true });
    });

    it("rejects a delivery signed with neither", async () => {
      const stranger = deliveryHeaders(p, body, secretFor(p, "stranger"));
      expect(await p.pkg.verify(body, stranger, [previous, current], atSend)).toEqual(failure("signature_mismatch"));
      expect(await p.pkg.verify(body, oldDelivery, [current], atSend)).toEqual(failure("signature_mismatch"));
    });
  });

  describe("Authorization", () => {
    const bearer = p.config.signature.scheme === "hmac-sha256-hex" && p.config.signature.bearer;

    if (bearer) {
      it("accepts Authorization: Bearer <token> matching bearerToken, in any header case", async () => {
        for (const headers of [
          { Authorization: "Bearer tok" },
          { authorization: "bearer tok" },
          new Headers({ AUTHORIZATION: "Bearer tok" }),
        ]) {
          expect(await p.pkg.verify(body, headers, { bearerToken: "tok" })).toEqual({ ok: true });
        }
        expect(
          await p.pkg.verify(
            body,
            { Authorization: "Bearer tok" },
            { bearerToken: ["old", "tok"], signatureSecret: secret },
          ),
        ).toEqual({ ok: true });
      });

      it("reports another token as signature_mismatch", async () => {
        expect(await p.pkg.verify(body, { Authorization: "Bearer tok" }, { bearerToken: "other" })).toEqual(
          failure("signature_mismatch"),
        );
        expect(await p.pkg.verify(body, { Authorization: "Bearer tok" }, { bearerToken: "tok2" })).toEqual(
          failure("signature_mismatch"),
        );
        expect(await p.pkg.verify(body, { Authorization: "Bearer to" }, { bearerToken: "tok" })).toEqual(
          failure("signature_mismatch"),
        );
      });

      it(
        "refuses a bearer token sent to a receiver of signed deliveries only as signature_mismatch (anyone can " +
          "send one)",
        async () => {
          for (const configured of [secret, [secret], { signatureSecret: secret }] as Secret[]) {
            expect(await p.pkg.verify(body, { Authorization: "Bearer tok" }, configured)).toEqual(
              failure("signature_mismatch"),
            );
          }
          expect(await p.pkg.verify(body, { Authorization: "Bearer tok" }, {})).toEqual(failure("invalid_secret"));
        },
      );

      it("refuses a signature sent to a receiver of bearer tokens only as signature_mismatch", async () => {
        const signature = hexSignature(hexOf(p), body, secret);
        const name = hexOf(p).headers[0]!;
        expect(await p.pkg.verify(body, { [name]: signature }, { bearerToken: "tok" })).toEqual(
          failure("signature_mismatch"),
        );
      });

      it("reports an Authorization that is not Bearer as malformed_signature", async () => {
        for (const value of [`Basic ${Buffer.from("user:tok").toString("base64")}`, "Bearer", "Bearer ", "tok"]) {
          expect(await p.pkg.verify(body, { Authorization: value }, { bearerToken: "tok" }), value).toEqual(
            failure("malformed_signature"),
          );
        }
      });

      it("checks the signature header, not the bearer token, when both are sent", async () => {
        expect(
          await p.pkg.verify(
            body,
            { ...good, Authorization: "Bearer wrong" },
            { signatureSecret: secret, bearerToken: "tok" },
          ),
        ).toEqual({ ok: true });
        expect(
          await p.pkg.verify(
            body,
            { ...deliveryHeaders(p, body, "forged"), Authorization: "Bearer tok" },
            { signatureSecret: secret, bearerToken: "tok" },
          ),
        ).toEqual(failure("signature_mismatch"));
      });
    } else {
      it("does not take an Authorization header in place of a signature: missing_signature", async () => {
        for (const value of ["Bearer tok", "Basic dXNlcjp0b2s="]) {
          expect(
            await p.pkg.verify(body, { Authorization: value }, { bearerToken: "tok", signatureSecret: secret }, atSend),
          ).toEqual(failure("missing_signature"));
          expect(await p.pkg.verify(body, { Authorization: value }, secret, atSend)).toEqual(
            failure("missing_signature"),
          );
        }
      });
    }
  });

  describe("never throws", () => {
    it("resolves odd inputs to results: headers {}, a Uint8Array body, an empty body, secret []", async () => {
      expect(await p.pkg.verify(body, {}, secret, atSend)).toEqual(failure("missing_signature"));
      expect(await p.pkg.verify(bytes(body), good, secret, atSend)).toEqual({ ok: true });
      expect(await p.pkg.verify("", deliveryHeaders(p, "", secret), secret, atSend)).toEqual({ ok: true });
      expect(await p.pkg.verify(new Uint8Array(0), deliveryHeaders(p, "", secret), secret, atSend)).toEqual({
        ok: true,
      });
      expect(await p.pkg.verify("", good, secret, atSend)).toEqual(failure("signature_mismatch"));
      expect(await p.pkg.verify(body, good, [], atSend)).toEqual(failure("invalid_secret"));
      expect(await p.pkg.verify(body, good, {}, atSend)).toEqual(failure("invalid_secret"));
    });

    it("resolves inputs outside the types to a failure instead of throwing", async () => {
      const throwingHeaders = {
        get(): string | null {
          throw new Error("boom");
        },
      };
      const cases: Array<[unknown, unknown, unknown]> = [
        [body, null, secret],
        [body, undefined, secret],
        [body, throwingHeaders, secret],
        [body, { [signatureName]: 42 }, secret],
        [undefined, good, secret],
        [null, good, secret],
        [{ not: "a body" }, good, secret],
        [body, good, undefined],
        [body, good, null],
        [body, good, 42],
        [body, good, [42]],
      ];
      for (const [rawBody, headers, key] of cases) {
        let promise: Promise<unknown> | undefined;
        expect(
          () => (promise = p.pkg.verify(rawBody as string, headers as HeadersLike, key as Secret, atSend)),
        ).not.toThrow();
        const result = (await promise) as { ok: boolean; error?: { code: string; message: string } };
        expect(result.ok, JSON.stringify([rawBody, headers, key])).toBe(false);
        expect(errorCodes).toContain(result.error?.code);
        expect(typeof result.error?.message).toBe("string");
      }
    });
  });
});
