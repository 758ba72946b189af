import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLearningHandler, type LearningContext, type LearningEvent } from "@coursehooks/learning";
import * as teachfloor from "@coursehooks/teachfloor";
import { memoryStore } from "@coursehooks/teachfloor";
import { testDelivery } from "../helpers/deliveries.js";

// createLearningHandler over loopback: real signed deliveries of every provider, routed by path.

const secret = "learning-test-secret";
const received: Array<{ event: LearningEvent; context: LearningContext }> = [];
const others: Array<{ provider: string; type: unknown }> = [];

const learning = createLearningHandler({
  providers: {
    teachfloor: { secret },
    "teachfloor/early": { secret },
    teachify: { secret },
    edume: { secret: { signatureSecret: secret, bearerToken: secret } },
    whop: { secret, path: "/hooks/whop" },
  },
  onAny: (event, context) => void received.push({ event, context }),
  onOther: (event, context) =>
    void others.push({ provider: context.provider, type: (event as { type?: unknown }).type }),
});

const listen = (server: Server) =>
  new Promise<string>((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
  );
const post = async (url: string, body: string, headers: Record<string, string>) => {
  const response = await fetch(url, { method: "POST", body, headers });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

/** One genuine delivery of each provider, the path it is sent to, and the learning event it must give. */
const deliveries = [
  ["teachfloor", "/teachfloor", "course.join", "learner.enrolled", "usr_123"],
  ["teachfloor", "/teachfloor", "element.completed", "activity.completed", "usr_123"],
  ["teachfloor/early", "/teachfloor/early", "member.joined", "learner.enrolled", "mem_abc123"],
  ["teachify", "/teachify", "course.student_enroll", "learner.enrolled", "user_345678"],
  ["edume", "/edume", "learner.activity.finished.lesson", "activity.completed", "10215"],
  ["edume", "/edume", "learner.course.completed", "course.completed", "5398399"],
  ["whop", "/hooks/whop", "course_lesson_interaction.completed", "activity.completed", "user_xxxxxxxxxxxxx"],
] as const;

describe("createLearningHandler on Node http", () => {
  const server = createServer((request, response) => void learning.node(request, response));
  let base: string;
  beforeAll(async () => {
    base = await listen(server);
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it.each(deliveries)(
    "routes a genuine %s delivery at %s (%s) to the %s handlers",
    async (provider, path, event, kind, learner) => {
      const delivery = await testDelivery(provider, event, secret);
      const headers =
        provider === "edume" ? { ...delivery.headers, authorization: `Bearer ${secret}` } : delivery.headers;
      const before = received.length;
      expect((await post(`${base}${path}`, delivery.body, headers)).status).toBe(200);
      expect(received).toHaveLength(before + 1);
      const { event: got, context } = received.at(-1)!;
      expect(got).toMatchObject({ kind, provider, learner: { id: learner } });
      expect(context.provider).toBe(provider);
      expect(got.deliveryId).toBe(context.deliveryId);
      expect(context.deliveryId).not.toBe("");
    },
  );

  it("passes a genuine event with no learning meaning to onOther, answered 200", async () => {
    const delivery = await testDelivery("teachify", "membership_plan.created", secret);
    expect((await post(`${base}/teachify`, delivery.body, delivery.headers)).status).toBe(200);
    expect(others.at(-1)).toEqual({ provider: "teachify", type: "membership_plan.created" });
  });

  it("refuses a delivery signed for another provider's path with 401, and handles nothing", async () => {
    const delivery = await testDelivery("teachfloor", "course.join", "another-secret");
    const before = received.length;
    expect(await post(`${base}/teachfloor`, delivery.body, delivery.headers)).toMatchObject({
      status: 401,
      body: { error: "signature_mismatch" },
    });
    expect(received).toHaveLength(before);
  });

  it("answers 404 on a path no provider is at, naming it", async () => {
    const delivery = await testDelivery("whop", "course_lesson_interaction.completed", secret);
    expect(await post(`${base}/whop`, delivery.body, delivery.headers)).toEqual({
      status: 404,
      body: { error: "not_found", message: "No provider receives deliveries at /whop." },
    });
  });

  it("handles a delivery sent twice once (each provider's deduplication)", async () => {
    const delivery = await testDelivery("teachfloor", "element.completed", secret);
    const body = JSON.stringify({ ...JSON.parse(delivery.body), id: "evt_twice" });
    const headers = { "content-type": "application/json", ...(await teachfloor.sign(body, secret)) };
    const before = received.length;
    expect((await post(`${base}/teachfloor`, body, headers)).status).toBe(200);
    expect((await post(`${base}/teachfloor`, body, headers)).status).toBe(200);
    expect(received).toHaveLength(before + 1);
  });
});

describe("createLearningHandler on Fetch", () => {
  it("routes by the request URL's path and calls the kind's handlers, in order", async () => {
    const calls: string[] = [];
    const handler = createLearningHandler({
      providers: { teachfloor: { secret } },
      on: { "learner.enrolled": (event) => void calls.push(`on ${event.learner.id}`) },
    }).on("learner.enrolled", (event) => void calls.push(`added ${event.courses.length}`));
    const delivery = await testDelivery("teachfloor", "course.join", secret);
    const request = (path: string) =>
      new Request(`https://example.com${path}?source=test`, {
        method: "POST",
        body: delivery.body,
        headers: delivery.headers,
      });
    expect((await handler.fetch(request("/teachfloor/"))).status).toBe(200);
    expect(calls).toEqual(["on usr_123", "added 1"]);
    const missing = await handler.fetch(request("/teachify"));
    expect(missing.status).toBe(404);
  });

  it("keeps each provider's ids apart in a shared store", async () => {
    const store = memoryStore();
    const claimed: string[] = [];
    const spy = {
      ...store,
      claim: (id: string, lease: number) => {
        claimed.push(id);
        return store.claim(id, lease);
      },
    };
    const handler = createLearningHandler({ providers: { teachfloor: { secret } }, deduplicate: { store: spy } });
    const delivery = await testDelivery("teachfloor", "course.join", secret);
    const answer = await handler.handle("/teachfloor", delivery.body, delivery.headers);
    expect(answer.status).toBe(200);
    expect(claimed).toEqual([`teachfloor:${JSON.parse(delivery.body).id}`]);
  });
});

describe("createLearningHandler's options", () => {
  it("throws at start-up, naming every problem", () => {
    const bad = {
      providers: { teachfloor: { secret, path: "whop" }, moodle: { secret } },
      on: { "course.finished": () => undefined, "course.completed": "no" },
      onAny: 1,
    };
    expect(() => createLearningHandler(bad as never)).toThrow(
      new TypeError(
        'createLearningHandler: providers.teachfloor.path must be a string starting with "/". ' +
          "providers.moodle: no such provider (edume, teachfloor, teachfloor/early, teachify, whop). " +
          'on["course.finished"]: no such learning kind (learner.enrolled, learner.activated, activity.started, ' +
          "activity.completed, course.completed, course.created, course.updated, course.published, " +
          'course.unpublished, course.deleted). on["course.completed"] must be a function. onAny must be a function.',
      ),
    );
  });

  it("needs at least one provider, and says which provider's own options are wrong", () => {
    expect(() => createLearningHandler({ providers: {} })).toThrow(/providers must name at least one of edume/);
    expect(() => createLearningHandler({ providers: { teachfloor: { secret: "" } } })).toThrow(
      /^createLearningHandler: providers\.teachfloor: createHandler: /,
    );
  });

  it("refuses two providers at one path", () => {
    expect(() =>
      createLearningHandler({ providers: { teachfloor: { secret }, teachify: { secret, path: "/teachfloor/" } } }),
    ).toThrow("providers.teachify.path /teachfloor/ is also the path of teachfloor.");
  });
});
