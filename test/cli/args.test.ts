import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildCli, cliBundle, rebuildCommand } from "../../cli/build.js";
import { catalogues, projectRoot } from "../helpers/catalogues.js";
import { exampleManifest } from "../helpers/examples.js";
import { coursehooks } from "./run.js";

const version = (JSON.parse(readFileSync(join(projectRoot, "package.json"), "utf8")) as { version: string }).version;

describe("coursehooks command line", () => {
  it.each([
    [["bogus"], 'coursehooks: unknown command "bogus"'],
    [
      ["send", "teachfloor", "course.join", "--to", "http://127.0.0.1:1/", "--secret", "s", "--colour"],
      "coursehooks: send: unknown option --colour",
    ],
    [["send", "teachfloor", "course.join", "--secret", "s"], "coursehooks: send: missing --to"],
    [["send", "teachfloor"], "coursehooks: send: missing <event>"],
    [["check", "teachfloor", "a.json", "--json=yes"], "coursehooks: check: --json takes no value"],
    [["events", "teachfloor", "extra"], 'coursehooks: events: unexpected argument "extra"'],
    [
      ["events", "thinkific"],
      'coursehooks: unknown provider "thinkific": one of edume, teachfloor, teachfloor/early, teachify, whop',
    ],
    [[], "coursehooks: missing command"],
  ])("%j: one line saying what is wrong, then the usage, exit 2", async (args, line) => {
    const result = await coursehooks(...args);
    expect(result.status).toBe(2);
    const [first, blank, usage] = result.stderr.split("\n");
    expect([first, blank, usage]).toEqual([line, "", "Usage: coursehooks <command> [options]"]);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stdout).toBe("");
  });

  it("--version prints the version; --help prints the usage and exits 0", async () => {
    const [v, help] = await Promise.all([coursehooks("--version"), coursehooks("send", "--help")]);
    expect(v).toEqual({ status: 0, stdout: `${version}\n`, stderr: "" });
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage: coursehooks <command>/);
    expect(help.stdout).toContain("verify <body-file> --header 'name: value'... --secret <secret>");
  });

  it("events lists wire names, sub-types as type:sub-type, and which have examples", async () => {
    const [edume, teachfloor] = await Promise.all([
      coursehooks("events", "edume"),
      coursehooks("events", "teachfloor"),
    ]);
    expect(edume.status).toBe(0);
    expect(edume.stdout).toMatch(
      /^ {2}course\.updated:team\.removed +example, schema course\.updated\.team\.removed$/m,
    );
    expect(edume.stdout).toMatch(/^ {2}learner\.activity\.finished:standalone-survey +example/m);
    expect(edume.stdout).toMatch(/^ {2}course\.completed +example, schema learner\.course\.completed$/m);
    expect(teachfloor.stdout).toMatch(/^ {2}course\.join +example$/m);
    expect(teachfloor.stdout).toMatch(/^ {2}module\.created +no example$/m);
    const catalogue = catalogues().find((c) => c.path === "teachfloor")!;
    const shown = new Set(Object.values(exampleManifest("teachfloor")).map((source) => source.schema));
    const withExamples = catalogue.events.filter((e) => shown.has(e.stem)).length;
    expect(teachfloor.stdout.split("\n")[0]).toBe(
      `teachfloor (@coursehooks/teachfloor): ${catalogue.events.length} events, ${withExamples} with examples`,
    );
  });
});

describe("cli/dist/coursehooks.js", () => {
  it(`is built from cli/src as it is now (else run \`${rebuildCommand}\`)`, async () => {
    const built = await buildCli();
    expect(
      readFileSync(cliBundle, "utf8") === built,
      `cli/dist/coursehooks.js is stale: run \`${rebuildCommand}\``,
    ).toBe(true);
  });

  it("is @coursehooks/cli's bin, at the root's version, depending on the provider packages at that version", () => {
    const cli = JSON.parse(readFileSync(join(projectRoot, "cli", "package.json"), "utf8")) as Record<string, any>;
    expect(cli.name).toBe("@coursehooks/cli");
    expect(cli.version).toBe(version);
    expect(cli.bin).toEqual({ coursehooks: "dist/coursehooks.js" });
    const providers = ["edume", "teachfloor", "teachify", "whop"];
    expect(cli.dependencies).toEqual(Object.fromEntries(providers.map((p) => [`@coursehooks/${p}`, version])));
  });
});
