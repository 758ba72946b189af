import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { testDelivery as teachfloorDelivery } from "@coursehooks/teachfloor/testing";
import { testDelivery as whopDelivery } from "@coursehooks/whop/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { coursehooks } from "./run.js";

// `coursehooks verify` on captured deliveries: genuine ones hold; broken ones get the likely reason.

const secret = "verify-test-secret";
const whopKey = Buffer.from("whop-verify-key-0123").toString("base64");
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "coursehooks-verify-"));
});

/** Writes the body and runs verify with the capture's headers. */
const verify = async (name: string, body: string, headers: Record<string, string>, key: string, ...extra: string[]) => {
  const file = join(dir, name);
  writeFileSync(file, body);
  const lines = Object.entries(headers).flatMap(([header, value]) => ["--header", `${header}: ${value}`]);
  return coursehooks("verify", file, ...lines, "--secret", key, ...extra);
};

describe("coursehooks verify", () => {
  it("says a genuine capture holds (exit 0)", async () => {
    const d = await teachfloorDelivery("course.join", { secret });
    const whop = await whopDelivery("course_lesson_interaction.completed", { secret: `whsec_${whopKey}` });
    const [a, b] = await Promise.all([
      verify("genuine.json", d.body, d.headers, secret),
      verify("genuine-whop.json", whop.body, whop.headers, `whsec_${whopKey}`),
    ]);
    expect(a).toEqual({ status: 0, stdout: "teachfloor: the signature holds\n", stderr: "" });
    expect(b).toEqual({ status: 0, stdout: "whop: the signature holds\n", stderr: "" });
  });

  it("finds a re-serialised body: pretty-printed, or compacted", async () => {
    const d = await teachfloorDelivery("course.join", { secret });
    const pretty = await verify("pretty.json", JSON.stringify(JSON.parse(d.body), null, 2), d.headers, secret);
    expect(pretty.status).toBe(1);
    expect(pretty.stdout).toMatch(
      new RegExp(
        "^teachfloor: the signature does not hold \\(signature_mismatch\\): " +
          "re-serialised body: the signature holds for the body compact",
      ),
    );
    const whop = await whopDelivery("course_lesson_interaction.completed", {
      secret: `whsec_${whopKey}`,
      rawBody: JSON.stringify({ a: 1, b: [1, 2] }, null, 2),
    });
    const compacted = await verify("compact.json", '{"a":1,"b":[1,2]}', whop.headers, `whsec_${whopKey}`);
    expect(compacted.stdout).toContain(
      "re-serialised body: the signature holds for the body pretty-printed with 2 spaces",
    );
  });

  it(
    "finds a secret in the wrong encoding: whsec_ base64 given without its prefix, or a raw secret given as whsec_ " +
      "base64",
    async () => {
      const whop = await whopDelivery("course_lesson_interaction.completed", { secret: `whsec_${whopKey}` });
      const bare = await verify("whop.json", whop.body, whop.headers, whopKey);
      expect(bare.status).toBe(1);
      expect(bare.stdout).toContain(
        "wrong secret encoding: the signature holds with the secret base64-decoded (give it as whsec_<secret>)",
      );
      const raw = await teachfloorDelivery("course.join", { secret: "dashboard-secret" });
      const prefixed = await verify("teachfloor-raw.json", raw.body, raw.headers, "whsec_ZGFzaGJvYXJkLXNlY3JldA==");
      expect(prefixed.stdout).toContain(
        "wrong secret encoding: the signature holds with the secret base64-decoded after whsec_",
      );
    },
  );

  it("finds a stale timestamp: the signature holds, but outside the window", async () => {
    const old = new Date(Date.now() - 3600_000);
    const whop = await whopDelivery("course_lesson_interaction.completed", {
      secret: `whsec_${whopKey}`,
      timestamp: old,
    });
    const stale = await verify("stale.json", whop.body, whop.headers, `whsec_${whopKey}`);
    expect(stale.status).toBe(1);
    expect(stale.stdout).toMatch(
      /\(timestamp_out_of_range\): stale timestamp: the signature holds, but webhook-timestamp is 36\d\d s from now/,
    );
  });

  it("says when no guess makes it hold: a wrong secret", async () => {
    const d = await teachfloorDelivery("course.join", { secret });
    const wrong = await verify("wrong.json", d.body, d.headers, "another-secret");
    expect(wrong.status).toBe(1);
    expect(wrong.stdout).toContain("(signature_mismatch): wrong secret, or a body changed beyond re-serialising");
  });

  it(
    "refuses headers that are not 'name: value', " + "and captures without a signature header, as usage errors",
    async () => {
      const file = join(dir, "any.json");
      writeFileSync(file, "{}");
      const [colonless, unsigned] = await Promise.all([
        coursehooks("verify", file, "--header", "Teachfloor-Signature", "--secret", "s"),
        coursehooks("verify", file, "--header", "content-type: application/json", "--secret", "s"),
      ]);
      expect(colonless.status).toBe(2);
      expect(colonless.stderr.split("\n")[0]).toBe(
        `coursehooks: verify: --header "Teachfloor-Signature" is not 'name: value'`,
      );
      expect(unsigned.stderr.split("\n")[0]).toBe(
        "coursehooks: verify: no signature header among the --header lines; name the provider with --provider",
      );
    },
  );
});
