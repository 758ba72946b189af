import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { publint } from "publint";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "../helpers/catalogues.js";

// `npx coursehooks` outside this repository: the provider packages and the CLI packed, installed offline into an
// empty folder, sending to a receiver that uses the installed @coursehooks/teachfloor.

const packed = ["generated/edume", "generated/teachfloor", "generated/teachify", "generated/whop", "cli"];
const receiverScript = `
import { createServer } from "node:http";
import { createHandler } from "@coursehooks/teachfloor";
const webhooks = createHandler({
  secret: "s",
  on: { "course.join": (_e, { deliveryId }) => console.log("handled " + deliveryId) },
});
const server = createServer((req, res) => void webhooks.node(req, res));
server.listen(0, "127.0.0.1", () => console.log("listening " + server.address().port));
`;

let project: string;
let receiver: ChildProcess;
const lines: string[] = [];
let url: string;

beforeAll(async () => {
  const root = mkdtempSync(join(tmpdir(), "coursehooks-cli-"));
  const packs = join(root, "packs");
  mkdirSync(packs);
  const tarballs = packed.map((dir) => {
    const out = execFileSync("npm", ["pack", "--json", "--pack-destination", packs], {
      cwd: join(projectRoot, dir),
      encoding: "utf8",
    });
    return join(packs, (JSON.parse(out) as Array<{ filename: string }>)[0]!.filename);
  });
  project = join(root, "project");
  mkdirSync(project);
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "project", private: true, type: "module" }));
  execFileSync("npm", ["install", "--offline", "--no-audit", "--no-fund", "--ignore-scripts", ...tarballs], {
    cwd: project,
    encoding: "utf8",
  });
  writeFileSync(join(project, "receiver.mjs"), receiverScript);
  receiver = spawn(process.execPath, ["receiver.mjs"], { cwd: project, stdio: ["ignore", "pipe", "inherit"] });
  const port = await new Promise<string>((resolve) => {
    createInterface({ input: receiver.stdout! }).on("line", (line) => {
      lines.push(line);
      if (line.startsWith("listening ")) resolve(line.slice("listening ".length));
    });
  });
  url = `http://127.0.0.1:${port}/webhooks`;
}, 90_000);
afterAll(() => void receiver?.kill());

const npx = (...args: string[]) =>
  new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn("npx", ["--no", "coursehooks", ...args], { cwd: project });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });

describe("npx coursehooks, installed from the packed tarballs", () => {
  it("sends two deliveries with different ids, both handled by a receiver using the installed package", async () => {
    const first = await npx("send", "teachfloor", "course.join", "--to", url, "--secret", "s");
    const second = await npx("send", "teachfloor", "course.join", "--to", url, "--secret", "s");
    expect(first.stdout, first.stderr).toMatch(
      /^Sent teachfloor course\.join evt_[0-9a-f]{24} to .*: HTTP 200 in \d+ ms/,
    );
    expect([first.status, second.status]).toEqual([0, 0]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const handled = lines.filter((line) => line.startsWith("handled ")).map((line) => line.slice("handled ".length));
    expect(handled).toHaveLength(2);
    expect(handled[0]).not.toBe(handled[1]);
    expect(first.stdout).toContain(handled[0]!);
    expect(second.stdout).toContain(handled[1]!);
  });

  it("lists events and prints its version from the installed packages", async () => {
    const [events, version] = await Promise.all([npx("events", "edume"), npx("--version")]);
    expect(events.stdout).toContain("course.updated:team.removed");
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe("the @coursehooks/cli package", () => {
  it("has no publint problems, suggestions included", async () => {
    const { messages } = await publint({
      pkgDir: join(projectRoot, "cli"),
      level: "suggestion",
      strict: true,
      pack: "npm",
    });
    expect(messages).toEqual([]);
  });
});
