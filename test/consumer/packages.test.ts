import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";
import { publint } from "publint";
import { beforeAll, describe, expect, it } from "vitest";
import { fetchHandler } from "../../generator/emit/snippets.js";
import { catalogues, projectRoot } from "../helpers/catalogues.js";
import { eventExamples } from "../helpers/examples.js";

// Proof from outside: every generated package is packed, installed into a fresh project, compiled
// there with two TypeScript versions and two module resolutions, and run under Node ESM and CJS.

const providers = ["edume", "teachfloor", "teachify", "whop"];
/** The packages packed and installed: each provider's, and the learning model that depends on them. */
const packages = [...providers, "learning"];
const entries = catalogues().map((c) => c.path); // teachfloor/early is the subpath @coursehooks/teachfloor/early
const compilers = {
  "typescript 6": join(projectRoot, "node_modules", "typescript", "bin", "tsc"),
  "typescript 5": join(projectRoot, "node_modules", "typescript5", "bin", "tsc"),
};
const run = (command: string, args: string[], cwd: string) => spawnSync(command, args, { cwd, encoding: "utf8" });

let consumer: string;
const tarballs = new Map<string, string>();

/** Every documented event example of an entry point, as the body the provider sends. */
const bodies = (catalogue: string) => eventExamples(catalogues().find((c) => c.path === catalogue)!).map((e) => e.body);

const esmConsumer = () => `
import * as teachfloor from "@coursehooks/teachfloor";
import * as early from "@coursehooks/teachfloor/early";
import * as teachify from "@coursehooks/teachify";
import * as edume from "@coursehooks/edume";
import * as whop from "@coursehooks/whop";
import { POST } from "./fetch-handler.js";
import { createLearningHandler, normalize } from "@coursehooks/learning";

const packages = { teachfloor, "teachfloor/early": early, teachify, edume, whop };
const bodies: Record<string, string[]> = ${JSON.stringify(Object.fromEntries(entries.map((c) => [c, bodies(c)])))};
const report: Record<string, unknown> = {};
for (const [name, list] of Object.entries(bodies)) {
  const parse = packages[name as keyof typeof packages].parse;
  report[name] = list.map((body) => { const r = parse(body); return r.ok ? "ok" : r.error.message; });
}

const joined = teachfloor.parse(bodies["teachfloor"]!.find((b) => b.includes('"course.join"'))!);
if (joined.ok && joined.event.type === "course.join") {
  const email: string | undefined = joined.event.data.member.email; // optional: one source shows it
  // @ts-expect-error course.join carries no element context
  void joined.event.data.context;
  report["narrowed"] = email;
}
const updated = edume.parse(bodies["edume"]!.find((b) => b.includes('"team.removed"'))!);
if (updated.ok && updated.event.type === "course.updated" && updated.event.payload.type === "team.removed") {
  const teamId: number = updated.event.payload.teams[0]!.teamId;
  report["subType"] = teamId;
}
const broken = whop.parse(
  '{"id":"msg_1","api_version":"v1","timestamp":"yesterday","type":"course_lesson_interaction.completed","data":{}}',
);
report["broken"] = broken.ok
  ? "ok"
  : broken.error.code === "invalid_payload"
    ? broken.error.issues.map((i) => i.pointer)
    : broken.error.code;
const eventType: teachfloor.EventType = "course.join";
// @ts-expect-error not a Teachfloor event type
const notAType: teachfloor.EventType = "course.joined";
void notAType;
report["eventTypes"] = teachfloor.eventTypes.includes(eventType);
report["standardSchema"] = "value" in whop.eventSchema["~standard"].validate(JSON.parse(bodies["whop"]![0]!));
const handled: string[] = [];
const receiver = whop.createHandler({
  secret: "consumer-secret",
  on: { "course_lesson_interaction.completed": (event) => void handled.push(event.data.lesson.title) },
});
const signedHeaders = await whop.sign(bodies["whop"]![0]!, "consumer-secret");
report["createHandler"] = [
  (await receiver.handle(bodies["whop"]![0]!, signedHeaders)).status,
  (await receiver.handle(bodies["whop"]![0]!, {})).status,
  handled,
];
const post = (body: string) => POST(new Request("http://localhost/webhooks", { method: "POST", body }));
report["fetchHandler"] = [
  (await post(bodies["whop"]![0]!)).status,
  (await post(bodies["whop"]![0]!.replace("course_lesson_interaction.completed", "payment.not_an_event"))).status,
  (await post("{}")).status,
];
if (joined.ok) {
  const learning = normalize("teachfloor", joined.event);
  const enrolment = learning?.kind === "learner.enrolled" ? learning : undefined;
  report["normalize"] = [enrolment?.kind, enrolment?.learner.id, enrolment?.courses.map((c) => c.id)];
}
const enrolled: string[] = [];
const learningHandler = createLearningHandler({
  providers: { whop: { secret: "consumer-secret" } },
  on: { "activity.completed": (event) => void enrolled.push(\`\${event.provider} \${event.activity.type}\`) },
});
report["createLearningHandler"] = [
  (await learningHandler.handle("/whop", bodies["whop"]![0]!, signedHeaders)).status,
  (await learningHandler.handle("/teachify", bodies["whop"]![0]!, signedHeaders)).status,
  enrolled,
];
console.log(JSON.stringify(report));
`;

const cjsConsumer = () => `
import whop = require("@coursehooks/whop");
import early = require("@coursehooks/teachfloor/early");
import schema = require("@coursehooks/whop/schemas/course_lesson_interaction.completed.json");
import learning = require("@coursehooks/learning");
const report = {
  learning: learning.learningKinds.length,
  whop: whop.parse(${JSON.stringify(bodies("whop")[0])}).ok,
  early: early.eventTypes.length,
  schemaId: (schema as { $id: string }).$id,
};
console.log(JSON.stringify(report));
`;

const tsconfig = (module: "node16" | "bundler", outDir: string) =>
  JSON.stringify({
    compilerOptions: {
      target: "ES2022",
      module: module === "node16" ? "Node16" : "ESNext",
      moduleResolution: module === "node16" ? "Node16" : "Bundler",
      strict: true,
      exactOptionalPropertyTypes: true,
      noUncheckedIndexedAccess: true,
      resolveJsonModule: true,
      lib: ["ES2022", "DOM"],
      types: [],
      outDir,
      ...(module === "bundler" ? { noEmit: true } : {}),
    },
    files:
      module === "node16"
        ? ["consumer.ts", "consumer-cjs.cts", "fetch-handler.ts"]
        : ["consumer.ts", "fetch-handler.ts"],
  });

beforeAll(() => {
  const root = mkdtempSync(join(tmpdir(), "coursehooks-consumer-"));
  const packs = join(root, "packs");
  mkdirSync(packs);
  for (const provider of packages) {
    const out = execFileSync("npm", ["pack", "--json", "--pack-destination", packs], {
      cwd: join(projectRoot, "generated", provider),
      encoding: "utf8",
    });
    tarballs.set(provider, join(packs, (JSON.parse(out) as Array<{ filename: string }>)[0]!.filename));
  }
  consumer = join(root, "consumer");
  mkdirSync(consumer);
  writeFileSync(join(consumer, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
  execFileSync("npm", ["install", "--offline", "--no-audit", "--no-fund", "--ignore-scripts", ...tarballs.values()], {
    cwd: consumer,
    encoding: "utf8",
  });
  writeFileSync(join(consumer, "consumer.ts"), esmConsumer());
  writeFileSync(join(consumer, "consumer-cjs.cts"), cjsConsumer());
  writeFileSync(join(consumer, "fetch-handler.ts"), fetchHandler("@coursehooks/whop").join("\n"));
  writeFileSync(join(consumer, "tsconfig.node16.json"), tsconfig("node16", "out"));
  writeFileSync(join(consumer, "tsconfig.bundler.json"), tsconfig("bundler", "out"));
  // The JavaScript the Node tests run; whether it type-checks is the compile tests' business.
  run(process.execPath, [compilers["typescript 6"], "-p", "tsconfig.node16.json", "--noCheck"], consumer);
}, 180_000);

describe.each(Object.entries(compilers))("a consumer compiled with %s", (_, tsc) => {
  it.each(["node16", "bundler"])("type-checks under strict with moduleResolution %s", (resolution) => {
    const result = run(process.execPath, [tsc, "-p", `tsconfig.${resolution}.json`, "--noEmit"], consumer);
    expect(result.stdout + result.stderr).toBe("");
    expect(result.status).toBe(0);
  });
});

describe("the installed packages, run by Node", () => {
  it("parse every documented example, narrow on type, and report a broken payload (ES modules)", () => {
    const result = run(process.execPath, ["out/consumer.js"], consumer);
    expect(result.stderr).toBe("");
    const report = JSON.parse(result.stdout) as Record<string, unknown>;
    for (const entry of entries) expect(report[entry], entry).toEqual(bodies(entry).map(() => "ok"));
    expect(report.narrowed).toBe("john@example.com");
    expect(report.subType).toBe(55526);
    expect(report.broken).toEqual([
      "/timestamp",
      "/data/id",
      "/data/completed",
      "/data/created_at",
      "/data/lesson",
      "/data/user",
      "/data/course",
    ]);
    expect(report.eventTypes).toBe(true);
    expect(report.standardSchema).toBe(true);
    expect(report.createHandler).toEqual([200, 401, ["Understanding Candlestick Patterns"]]);
    expect(
      report.fetchHandler,
      "the README's fetch handler answers 204, 202 for an unknown event, 400 for a bad one",
    ).toEqual([204, 202, 400]);
    expect(report.normalize, "@coursehooks/learning normalizes the installed package's event").toEqual([
      "learner.enrolled",
      "usr_123",
      ["crs_456"],
    ]);
    expect(report.createLearningHandler).toEqual([200, 404, ["whop lesson"]]);
  });

  it("work through require, including the subpath and a shipped JSON Schema (CommonJS)", () => {
    const result = run(process.execPath, ["out/consumer-cjs.cjs"], consumer);
    expect(result.stderr).toBe("");
    expect(JSON.parse(result.stdout)).toEqual({
      learning: 10,
      whop: true,
      early: 4,
      schemaId: "https://coursehooks.dev/schemas/whop/course_lesson_interaction.completed.schema.json",
    });
  });

  it("tree-shake: a bundle that imports one guard leaves the other events' code out", async () => {
    const bundle = async (code: string) =>
      (
        await build({
          stdin: { contents: code, resolveDir: consumer },
          bundle: true,
          format: "esm",
          minify: true,
          write: false,
          logLevel: "silent",
        })
      ).outputFiles[0]!.text;
    const one = await bundle(`import { isCourseJoin } from "@coursehooks/teachfloor"; console.log(isCourseJoin({}));`);
    const all = await bundle(`import * as t from "@coursehooks/teachfloor"; console.log(t);`);
    expect(one).toContain("course.join");
    expect(one).not.toContain("element.completed");
    expect(one.length).toBeLessThan(all.length / 3);
  });
});

describe.each(entries)("the ES module build of %s", (entry) => {
  it("parses and verifies with no require, no process and no code generation from strings", () => {
    const payload = join(consumer, `${entry.replace("/", "-")}.json`);
    writeFileSync(payload, bodies(entry)[0]!);
    const dist = join(consumer, "node_modules", "@coursehooks", entry, "dist", "index.js");
    const result = run(
      process.execPath,
      ["--experimental-vm-modules", "--no-warnings", join(import.meta.dirname, "edge-runtime.mjs"), dist, payload],
      consumer,
    );
    expect(result.stderr).toBe("");
    expect(JSON.parse(result.stdout)).toEqual({
      hasRequire: false,
      hasProcess: false,
      functionConstructorBlocked: true,
      result: "ok",
      received: "ok",
      forged: "signature_mismatch",
    });
  });
});

describe.each(packages)("the %s package", (provider) => {
  it("has no publint problems, suggestions included", async () => {
    const { messages } = await publint({
      pkgDir: join(projectRoot, "generated", provider),
      level: "suggestion",
      strict: true,
      pack: "npm",
    });
    expect(messages).toEqual([]);
  });

  it("has no problems for @arethetypeswrong/cli, in every module resolution", () => {
    const attw = join(projectRoot, "node_modules", "@arethetypeswrong", "cli", "dist", "index.js");
    const result = run(
      process.execPath,
      [attw, tarballs.get(provider)!, "--format", "ascii", "--no-emoji", "--no-color"],
      consumer,
    );
    expect(result.status, result.stdout + result.stderr).toBe(0);
  });
});
