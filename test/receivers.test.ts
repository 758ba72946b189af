import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp, serve } from "../examples/fetch-receiver.js";
import { createReceiver, type Log } from "../examples/receiver.js";
import { testDelivery } from "./helpers/deliveries.js";
import { projectRoot } from "./helpers/catalogues.js";

// The example receivers, started on loopback ports and sent genuine, tampered, stale and unsigned deliveries.

const secret = "receiver-test-secret";
const listen = (server: Server) =>
  new Promise<string>((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
  );
/** Runs `coursehooks` in a child process, without blocking this process (which serves the receiver). */
const coursehooks = (...args: string[]) =>
  new Promise<{ status: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      [join(projectRoot, "scripts", "coursehooks.js"), ...args],
      { cwd: projectRoot, encoding: "utf8" },
      (error, stdout, stderr) => resolve({ status: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
const post = async (url: string, body: string, headers: Record<string, string>) => {
  const response = await fetch(url, { method: "POST", body, headers });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};
/** The same bytes with one character changed (inside a string value, so it stays valid JSON). */
const tamper = (body: string) => body.replace(/"([a-z])/, (_, c: string) => `"${c === "a" ? "b" : "a"}`);

const deliveries = [
  ["teachfloor", "course.join"],
  ["teachfloor", "element.completed"],
  ["teachify", "course.student_enroll"],
  ["edume", "learner.course.completed"],
  ["whop", "course_lesson_interaction.completed"],
] as const;

describe("the Node http example receiver", () => {
  const log: Log = [];
  const server = createReceiver(secret, log);
  let base: string;
  beforeAll(async () => {
    base = await listen(server);
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it.each(deliveries)("accepts a genuine %s %s delivery and hands it to its handler", async (provider, event) => {
    const delivery = await testDelivery(provider, event, secret);
    const answer = await post(`${base}/${provider}`, delivery.body, delivery.headers);
    expect(answer).toEqual({ status: 200, body: { received: true, handled: true } });
    expect(log.at(-1)).toMatchObject({ provider });
    expect(log.at(-1)!.deliveryId).not.toBe("");
  });

  it.each(deliveries)("refuses a tampered %s %s delivery with 401", async (provider, event) => {
    const delivery = await testDelivery(provider, event, secret);
    const answer = await post(`${base}/${provider}`, tamper(delivery.body), delivery.headers);
    expect(answer).toMatchObject({ status: 401, body: { error: "signature_mismatch" } });
  });

  it.each(deliveries)("refuses an unsigned %s %s delivery with 401", async (provider, event) => {
    const delivery = await testDelivery(provider, event, secret);
    const answer = await post(`${base}/${provider}`, delivery.body, { "content-type": "application/json" });
    expect(answer).toMatchObject({ status: 401, body: { error: "missing_signature" } });
  });

  it("refuses a stale Whop delivery with 401", async () => {
    const delivery = await testDelivery("whop", "course_lesson_interaction.completed", secret);
    const whop = await import("@coursehooks/whop");
    const stale = await whop.sign(delivery.body, secret, { timestamp: Math.floor(Date.now() / 1000) - 600 });
    expect(await post(`${base}/whop`, delivery.body, stale)).toMatchObject({
      status: 401,
      body: { error: "timestamp_out_of_range" },
    });
  });

  it("answers 400 to a genuine delivery of a broken payload, and 202 to an unknown event type", async () => {
    const teachfloor = await import("@coursehooks/teachfloor");
    const broken = '{"id":"evt_1","type":"course.join","created_at":"2025-10-07T15:30:00Z","data":{}}';
    expect(await post(`${base}/teachfloor`, broken, await teachfloor.sign(broken, secret))).toMatchObject({
      status: 400,
      body: { error: "invalid_payload" },
    });
    const unknown = '{"id":"evt_2","type":"course.archived","created_at":"2025-10-07T15:30:00Z","data":{}}';
    expect(await post(`${base}/teachfloor`, unknown, await teachfloor.sign(unknown, secret))).toEqual({
      status: 202,
      body: { received: true, ignored: "course.archived" },
    });
  });

  it("accepts eduMe's bearer-token alternative", async () => {
    const delivery = await testDelivery("edume", "learner.course.completed", secret);
    expect(await post(`${base}/edume`, delivery.body, { authorization: `Bearer ${secret}` })).toMatchObject({
      status: 200,
    });
    expect(await post(`${base}/edume`, delivery.body, { authorization: "Bearer wrong" })).toMatchObject({
      status: 401,
      body: { error: "signature_mismatch" },
    });
  });

  it(
    "receives what `coursehooks send` delivers, for every provider: a fresh delivery each time, a replay as a " +
      "duplicate",
    async () => {
      // A receiver of its own: `send` posts the documented examples, whose ids the tests above have used already.
      const fresh = createReceiver(secret);
      const url = await listen(fresh);
      for (const [provider, event] of deliveries) {
        const sent = await coursehooks("send", provider, event, "--to", `${url}/${provider}`, "--secret", secret);
        expect(sent.stderr).toBe("");
        expect(sent.status).toBe(0);
        expect(sent.stdout).toContain("HTTP 200");
        expect(sent.stdout).toContain('{"received":true,"handled":true}');
        const again = await coursehooks("send", provider, event, "--to", `${url}/${provider}`, "--secret", secret);
        // Teachify's envelope has no id and no timestamp: the same example is the same delivery.
        const secondAnswer =
          provider === "teachify" ? '{"received":true,"duplicate":true}' : '{"received":true,"handled":true}';
        expect(again.stdout, `${provider} ${event}`).toContain(secondAnswer);
        const id = / (evt_|msg_)([0-9a-f]+) to /.exec(sent.stdout);
        if (id) {
          const replay = await coursehooks(
            "send",
            provider,
            event,
            "--to",
            `${url}/${provider}`,
            "--secret",
            secret,
            "--replay-id",
            `${id[1]}${id[2]}`,
          );
          expect(replay.stdout).toContain('{"received":true,"duplicate":true}');
        }
      }
      await new Promise((resolve) => fresh.close(resolve));
    },
  );

  it("sends your own payload with --file", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "coursehooks-send-")), "payload.json");
    writeFileSync(
      file,
      '{"type":"course.student_enroll","data":{"id":"enroll_1",' +
        '"course":{"id":"c","name":"n","slug":"s","subtitle":"t"},' +
        '"user":{"id":"u","name":"n","email":"e@example.com","phone_number":"+1"},' +
        '"created_at":"2023-12-04T18:45:44+08:00","updated_at":"2023-12-04T18:45:44+08:00","state":"pending"}}',
    );
    const before = log.length;
    const sent = await coursehooks(
      "send",
      "teachify",
      "course.student_enroll",
      "--to",
      `${base}/teachify`,
      "--secret",
      secret,
      "--file",
      file,
    );
    expect(sent.stdout).toContain("HTTP 200");
    expect(log.slice(before)).toEqual([
      { provider: "teachify", type: "course.student_enroll", deliveryId: expect.stringMatching(/^[0-9a-f]{64}$/) },
    ]);
  });

  it("shows `send`'s failure when the secret is wrong, with a non-zero exit", async () => {
    const sent = await coursehooks(
      "send",
      "whop",
      "course_lesson_interaction.completed",
      "--to",
      `${base}/whop`,
      "--secret",
      "not-the-secret",
    );
    expect(sent.status).toBe(1);
    expect(sent.stdout).toContain("HTTP 401");
    expect(sent.stdout).toContain("signature_mismatch");
  });
});

describe("the fetch-style example receiver", () => {
  const log: string[] = [];
  const server = serve(createApp(secret, log));
  let base: string;
  beforeAll(async () => {
    base = await listen(server);
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it("accepts genuine deliveries and refuses tampered, stale and unsigned ones", async () => {
    const teachfloor = await testDelivery("teachfloor", "course.join", secret);
    expect((await post(`${base}/teachfloor`, teachfloor.body, teachfloor.headers)).status).toBe(200);
    expect(log).toEqual(["teachfloor course.join john@example.com"]);
    expect((await post(`${base}/teachfloor`, tamper(teachfloor.body), teachfloor.headers)).status).toBe(401);
    expect((await post(`${base}/teachfloor`, teachfloor.body, {})).status).toBe(401);
    const whop = await testDelivery("whop", "course_lesson_interaction.completed", secret);
    expect((await post(`${base}/whop`, whop.body, whop.headers)).status).toBe(200);
    const stale = {
      ...whop.headers,
      ...(await (await import("@coursehooks/whop")).sign(whop.body, secret, { timestamp: 1_000_000_000 })),
    };
    expect(await post(`${base}/whop`, whop.body, stale)).toMatchObject({
      status: 401,
      body: { error: "timestamp_out_of_range" },
    });
    expect(log).toEqual([
      "teachfloor course.join john@example.com",
      "whop course_lesson_interaction.completed johndoe42",
    ]);
  });
});
