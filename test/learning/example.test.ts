import { readFileSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { learningReceiver } from "../../generator/learning/docs.js";
import { projectRoot } from "../helpers/catalogues.js";
import { testDelivery } from "../helpers/deliveries.js";

// The README's receiver, as examples/learning-receiver.ts runs it, sent signed deliveries over loopback.

const secrets = { teachfloor: "teachfloor-secret", whop: "whop-secret" };
let server: Server;
let base: string;
let done: string[];

beforeAll(async () => {
  process.env.TEACHFLOOR_WEBHOOK_SECRET = secrets.teachfloor;
  process.env.WHOP_WEBHOOK_SECRET = secrets.whop;
  const example = await import("../../examples/learning-receiver.js");
  done = example.done;
  server = example.app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

it("is the code the learning package's README shows", () => {
  const text = readFileSync(join(projectRoot, "examples", "learning-receiver.ts"), "utf8");
  const readme = readFileSync(join(projectRoot, "generated", "learning", "README.md"), "utf8");
  const snippet = learningReceiver().join("\n");
  expect(text).toContain(snippet);
  expect(readme).toContain(snippet);
});

it("handles each provider's completion at its path by kind, and answers 404 elsewhere", async () => {
  const post = async (path: string, delivery: { body: string; headers: Record<string, string> }) =>
    (await fetch(`${base}${path}`, { method: "POST", body: delivery.body, headers: delivery.headers })).status;
  const whop = await testDelivery("whop", "course_lesson_interaction.completed", secrets.whop);
  const teachfloor = await testDelivery("teachfloor", "element.completed", secrets.teachfloor);
  expect(await post("/webhooks/whop", whop)).toBe(200);
  expect(await post("/webhooks/teachfloor", teachfloor)).toBe(200);
  expect(await post("/webhooks/teachify", teachfloor)).toBe(404);
  expect(done).toEqual([
    "whop: user_xxxxxxxxxxxxx completed lesson lesn_xxxxxxxxxxxxx",
    "teachfloor: usr_123 completed element elm_321",
  ]);
});
