import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createHandler } from "@coursehooks/teachfloor";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { coursehooks } from "./run.js";

// `coursehooks send` against a receiver built with the generated package, on a loopback port.

const secret = "send-test-secret";
const handled: string[] = [];
const bodies: string[] = [];
const webhooks = createHandler({
  secret,
  on: { "course.join": (_event, { deliveryId }) => void handled.push(deliveryId) },
});
const server: Server = createServer((req, res) => {
  let text = "";
  req.on("data", (chunk: Buffer) => (text += chunk.toString()));
  req.on("end", () => {
    bodies.push(text);
    void webhooks
      .handle(text, req.headers)
      .then((answer) =>
        res.writeHead(answer.status, { "content-type": "application/json" }).end(JSON.stringify(answer.body)),
      );
  });
});
let url: string;
let dir: string;

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks`;
  dir = mkdtempSync(join(tmpdir(), "coursehooks-send-"));
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

const send = (...args: string[]) =>
  coursehooks("send", "teachfloor", "course.join", "--to", url, "--secret", secret, ...args);
const lastId = () => (JSON.parse(bodies.at(-1)!) as { id: string }).id;

describe("coursehooks send", () => {
  it(
    "sends two deliveries with different ids, both handled; " + "--replay-id resends one, answered as a duplicate",
    async () => {
      const first = await send();
      const firstId = lastId();
      const second = await send();
      const secondId = lastId();
      expect([first.status, second.status]).toEqual([0, 0]);
      expect(first.stdout).toMatch(
        new RegExp(`^Sent teachfloor course\\.join ${firstId} to ${url}: HTTP 200 in \\d+ ms\\n`),
      );
      expect(firstId).toMatch(/^evt_[0-9a-f]{24}$/);
      expect(secondId).not.toBe(firstId);
      expect(handled.slice(-2)).toEqual([firstId, secondId]);
      const replay = await send("--replay-id", firstId);
      expect(replay.status).toBe(0);
      expect(lastId()).toBe(firstId);
      expect(JSON.parse(replay.stdout.split("\n")[1]!)).toEqual({ received: true, duplicate: true });
      expect(handled).toHaveLength(2);
    },
  );

  it(
    "refuses a --file that is not JSON with its line and column, " + "sending nothing; --no-validate sends it",
    async () => {
      const file = join(dir, "broken.json");
      writeFileSync(file, '{\n  "id": "evt_1",\n  "type": "course.join",\n}\n');
      const before = bodies.length;
      const refused = await send("--file", file);
      expect(refused.status).toBe(1);
      expect(refused.stderr).toBe(
        `coursehooks: ${file}:4:1: not valid JSON: expected a property name in double quotes, found "}"\n`,
      );
      expect(bodies.length).toBe(before);
      const sent = await send("--file", file, "--no-validate");
      expect(bodies.at(-1)).toBe('{\n  "id": "evt_1",\n  "type": "course.join",\n}\n');
      expect(sent.stdout).toContain("HTTP 400");
      expect(sent.status).toBe(1);
    },
  );

  it("refuses a --file that is JSON but not a valid event, naming the field", async () => {
    const file = join(dir, "invalid.json");
    writeFileSync(
      file,
      JSON.stringify({ id: "evt_1", type: "course.join", created_at: "2025-10-07T15:30:00Z", data: {} }),
    );
    const refused = await send("--file", file);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(`coursehooks: ${file}: not a valid teachfloor course.join event`);
    expect(refused.stderr).toContain("\n  data.member: ");
  });

  it("names the cause when nothing listens: ECONNREFUSED host:port", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const result = await coursehooks(
      "send",
      "teachfloor",
      "course.join",
      "--to",
      `http://127.0.0.1:${port}/`,
      "--secret",
      "s",
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      `coursehooks: cannot send to http://127.0.0.1:${port}/: ECONNREFUSED 127.0.0.1:${port}\n`,
    );
  });

  it("names sub-types as type:sub-type, and says which to choose for a type that has several", async () => {
    const [ambiguous, unknown] = await Promise.all([
      coursehooks("send", "edume", "course.updated", "--to", url, "--secret", "s"),
      coursehooks("send", "edume", "course.joined", "--to", url, "--secret", "s"),
    ]);
    expect(ambiguous.stderr.split("\n")[0]).toBe(
      "coursehooks: edume course.updated has sub-types: name one of course.updated:team.assigned, " +
        "course.updated:team.removed, course.updated:title.changed",
    );
    expect(unknown.stderr.split("\n")[0]).toBe(
      'coursehooks: unknown event "course.joined" for edume: see coursehooks events edume',
    );
  });
});
