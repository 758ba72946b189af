import { type ChildProcess, spawn } from "node:child_process";
import { connect } from "node:net";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDelivery } from "../helpers/deliveries.js";
import { projectRoot } from "../helpers/catalogues.js";

// The example receivers, started as a user starts them (`npx tsx examples/…`) in a child process, survive clients
// that promise a body and go away, or stall and go away: each is still up and answers a genuine delivery after.

const secret = "example-abuse-secret";
const examples = [
  ["receiver.ts", "course.join"],
  ["fetch-receiver.ts", "course.join"],
] as const;

/** Writes a request head promising `length` bytes, sends `sent` of them, waits, then destroys the connection. */
function abandon(port: number, length: number, sent: number, waitMs: number): Promise<void> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1", () => {
      socket.write(
        `POST /teachfloor HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\ncontent-length: ` +
          `${length}\r\n\r\n`,
      );
      socket.write("{".repeat(sent));
      setTimeout(() => socket.destroy(), waitMs);
    });
    socket.on("error", () => {});
    socket.on("close", () => resolve());
  });
}

describe.each(examples)("examples/%s in a child process", (file, event) => {
  let child: ChildProcess;
  let port = 0;
  let output = "";

  beforeAll(async () => {
    child = spawn(process.execPath, ["--import", "tsx", join(projectRoot, "examples", file)], {
      cwd: projectRoot,
      env: { ...process.env, PORT: "0", WEBHOOK_SECRET: secret },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stderr!.setEncoding("utf8").on("data", (text: string) => (output += text));
    const line = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${file} did not start: ${output}`)), 20_000);
      createInterface({ input: child.stdout! }).once("line", (text) => {
        clearTimeout(timer);
        resolve(text);
      });
    });
    port = Number(/127\.0\.0\.1:(\d+)/.exec(line)?.[1]);
  });
  afterAll(() => {
    child.kill();
  });

  it(
    "stays up after clients that abort mid-body or stall and leave, " + "and still handles a genuine delivery",
    async () => {
      await Promise.all([
        abandon(port, 10, 2, 20),
        abandon(port, 1000, 10, 200),
        abandon(port, 50, 0, 50),
        ...Array.from({ length: 20 }, (_, i) => abandon(port, 100 + i, i, 10 + i)),
      ]);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(child.exitCode).toBeNull();
      expect(output).not.toMatch(/Error|unhandled/i);
      const delivery = await testDelivery("teachfloor", event, secret);
      const response = await fetch(`http://127.0.0.1:${port}/teachfloor`, {
        method: "POST",
        body: delivery.body,
        headers: delivery.headers,
      });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ received: true, handled: true });
      expect(child.exitCode).toBeNull();
    },
  );
});
