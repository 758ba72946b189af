import { createHmac } from "node:crypto";
import { build } from "esbuild";
import * as edume from "@coursehooks/edume/testing";
import * as teachfloor from "@coursehooks/teachfloor/testing";
import * as early from "@coursehooks/teachfloor/early/testing";
import * as teachify from "@coursehooks/teachify/testing";
import * as whop from "@coursehooks/whop/testing";
import { describe, expect, it } from "vitest";
import { catalogues, projectRoot } from "../helpers/catalogues.js";
import { eventExamples } from "../helpers/examples.js";

// The testing subpath: deliveries checked with HMACs computed here, not with the package's own sign.

const secret = "testing-secret";
const whopSecret = `whsec_${Buffer.from("whop-testing-key").toString("base64")}`;
const hex = (key: string | Buffer, message: string) => createHmac("sha256", key).update(message).digest("hex");

type Delivery = { body: string; headers: Record<string, string>; id?: string };
type Testing = {
  testDelivery(name: string, options: { secret: string }): Promise<Delivery>;
  events: readonly { name: string; example: boolean }[];
};

/** Per entry point: its testing module, the secret, whether the signature holds, where its id and time are. */
const cases: Record<
  string,
  { testing: Testing; secret: string; holds(d: Delivery): boolean; id?: string; time?: string }
> = {
  teachfloor: {
    testing: teachfloor as unknown as Testing,
    secret,
    holds: (d) =>
      d.headers["Teachfloor-Signature"] === hex(secret, d.body) && d.headers["Teachfloor-Idempotency-Key"] === d.id,
    id: "id",
    time: "created_at",
  },
  "teachfloor/early": {
    testing: early as unknown as Testing,
    secret,
    holds: (d) => d.headers["Teachfloor-Signature"] === hex(secret, d.body),
    time: "timestamp",
  },
  teachify: {
    testing: teachify as unknown as Testing,
    secret,
    holds: (d) => d.headers["Teachify-Webhook-Signature"] === hex(secret, d.body),
  },
  edume: {
    testing: edume as unknown as Testing,
    secret,
    holds: (d) => d.headers["x-edume-signature"] === hex(secret, JSON.stringify(JSON.parse(d.body))),
    time: "timestamp",
  },
  whop: {
    testing: whop as unknown as Testing,
    secret: whopSecret,
    holds: (d) => {
      const key = Buffer.from(whopSecret.slice("whsec_".length), "base64");
      const message = `${d.headers["webhook-id"]}.${d.headers["webhook-timestamp"]}.${d.body}`;
      const expected = createHmac("sha256", key).update(message).digest("base64");
      const body = JSON.parse(d.body) as { id: string; timestamp: string };
      const sameTime = Math.floor(Date.parse(body.timestamp) / 1000) === Number(d.headers["webhook-timestamp"]);
      return d.headers["webhook-signature"] === `v1,${expected}` && d.headers["webhook-id"] === body.id && sameTime;
    },
    id: "id",
    time: "timestamp",
  },
};

describe.each(Object.keys(cases))("@coursehooks/%s/testing", (path) => {
  const { testing, secret: key, holds, id, time } = cases[path]!;
  const withExamples = testing.events.filter((e) => e.example).map((e) => e.name);

  it("signs every documented example as the provider does (checked with an HMAC computed here)", async () => {
    expect(withExamples.length).toBeGreaterThan(0);
    for (const name of withExamples) expect(holds(await testing.testDelivery(name, { secret: key })), name).toBe(true);
    const forged = await testing.testDelivery(withExamples[0]!, { secret: "another-secret" });
    expect(holds(forged)).toBe(false);
  });

  it("gives each call a fresh id and timestamp where the envelope carries them", async () => {
    const before = Date.now();
    const first = await testing.testDelivery(withExamples[0]!, { secret: key });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const second = await testing.testDelivery(withExamples[0]!, { secret: key });
    const [a, b] = [JSON.parse(first.body), JSON.parse(second.body)] as Record<string, string>[];
    if (id) {
      expect(a![id]).toBe(first.id);
      expect(a![id]).not.toBe(b![id]);
    }
    if (time) {
      expect(a![time]).not.toBe(b![time]);
      expect(Date.parse(a![time]!)).toBeGreaterThanOrEqual(before - 1);
      expect(Date.parse(a![time]!)).toBeLessThanOrEqual(Date.now());
    }
    if (!id && !time) expect(first.body, "no id, no timestamp: the same example gives the same body").toBe(second.body);
  });

  it("exports the documented examples by wire name, as stored", () => {
    const catalogue = catalogues().find((c) => c.path === path)!;
    const examples = (testing as unknown as { examples: Record<string, unknown> }).examples;
    const stored = eventExamples(catalogue);
    expect(Object.keys(examples).length).toBe(new Set(stored.map((e) => e.event.stem)).size);
    for (const example of stored) {
      const name = testing.events.find((e) => (e as unknown as { schema: string }).schema === example.event.stem)!.name;
      if (examples[name] !== undefined && JSON.stringify(examples[name]) === JSON.stringify(example.value)) continue;
      // A second example of the same schema is not exported; the first one is.
      expect(
        stored.some(
          (e) => e.event.stem === example.event.stem && JSON.stringify(e.value) === JSON.stringify(examples[name]),
        ),
      ).toBe(true);
    }
  });
});

describe("testDelivery options", () => {
  it("replays an id, keeps a given time, takes a payload, and sends rawBody exactly", async () => {
    const at = new Date("2026-01-02T03:04:05.678Z");
    const replay = await teachfloor.testDelivery("course.join", { secret, id: "evt_again", timestamp: at });
    const body = JSON.parse(replay.body) as Record<string, unknown>;
    expect([body.id, body.created_at, replay.id]).toEqual(["evt_again", "2026-01-02T03:04:05.678000Z", "evt_again"]);
    const payload = {
      ...teachfloor.examples["course.join"],
      data: { ...teachfloor.examples["course.join"].data, id: "cm_mine" },
    };
    const mine = JSON.parse((await teachfloor.testDelivery("course.join", { secret, payload })).body) as {
      data: { id: string };
    };
    expect(mine.data.id).toBe("cm_mine");
    const raw = await teachfloor.testDelivery("course.join", { secret, rawBody: "{not json" });
    expect(raw.body).toBe("{not json");
    expect(raw.headers["Teachfloor-Signature"]).toBe(hex(secret, "{not json"));
    const sub = await edume.testDelivery("course.updated:team.removed", { secret });
    expect((JSON.parse(sub.body) as { payload: { type: string } }).payload.type).toBe("team.removed");
    await expect(teachfloor.testDelivery("module.created", { secret })).rejects.toThrow(
      "module.created has no documented example: give a payload.",
    );
    await expect(edume.testDelivery("course.updated:team.removed", { secret, id: "x" })).rejects.toThrow(/carry no id/);
  });
});

describe("importing a package's main entry", () => {
  it("does not pull the examples in (esbuild bundle of the main entry)", async () => {
    const bundle = async (code: string) =>
      (
        await build({
          stdin: { contents: code, resolveDir: projectRoot },
          bundle: true,
          format: "esm",
          write: false,
          logLevel: "silent",
        })
      ).outputFiles[0]!.text;
    const main = await bundle(`export * from "@coursehooks/teachfloor";`);
    const withTesting = await bundle(`export * from "@coursehooks/teachfloor/testing";`);
    for (const text of ["Introduction to Development", "john@example.com"]) {
      expect(main).not.toContain(text);
      expect(withTesting).toContain(text);
    }
  });
});
