import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { catalogues, projectRoot } from "./helpers/catalogues.js";

const root = JSON.parse(readFileSync(join(projectRoot, "package.json"), "utf8"));
const web = root.repository.url.replace(/^git\+/, "").replace(/\.git$/, "");
const providers = catalogues().filter((c) => !c.path.includes("/"));

const packages = [...providers.map((c) => c.path), "learning"];

describe.each(packages.map((path) => [path] as const))("the npm page of @coursehooks/%s", (path) => {
  const pkg = JSON.parse(readFileSync(join(projectRoot, "generated", path, "package.json"), "utf8"));

  it("links the repository folder, the homepage and the issue tracker", () => {
    expect(pkg.repository).toEqual({ type: "git", url: root.repository.url, directory: `generated/${path}` });
    expect(pkg.homepage).toBe(`${web}/tree/main/generated/${path}#readme`);
    expect(pkg.bugs).toEqual({ url: `${web}/issues` });
    expect(pkg.keywords).toEqual(expect.arrayContaining(["webhooks", path]));
  });
});

describe.each(catalogues().map((c) => [c.path] as const))("the README of %s", (path) => {
  const readme = readFileSync(join(projectRoot, "generated", path, "README.md"), "utf8");
  const targets = [...readme.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!);

  it("links only absolute https addresses, so every link works on the npm page", () => {
    expect(targets.length).toBeGreaterThan(0);
    expect(targets.filter((target) => !target.startsWith("https://"))).toEqual([]);
  });

  it("links each event's page of fields in the repository", () => {
    const catalogue = catalogues().find((c) => c.path === path)!;
    for (const event of catalogue.events)
      expect(targets).toContain(`${web}/blob/main/generated/${path}/docs/${event.stem}.md`);
  });

  it("cites no repository path the package does not contain", () => {
    expect(readme.split("\n").slice(1).join("\n")).not.toMatch(/`schemas\/[^`]*\.schema\.json`/);
  });

  it("stays short: usage and the events table, with the field tables on the linked pages", () => {
    expect(readme.length).toBeLessThan(24_000);
  });
});

describe("the README of @coursehooks/learning", () => {
  const readme = readFileSync(join(projectRoot, "generated", "learning", "README.md"), "utf8");
  const targets = [...readme.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!);

  it("links only absolute https addresses", () => {
    expect(targets.length).toBeGreaterThan(0);
    expect(targets.filter((target) => !target.startsWith("https://"))).toEqual([]);
  });

  it("holds the matrix of kinds against every provider, and each event without a learning meaning", () => {
    const header = readme.split("\n").find((line) => line.startsWith("| Kind |"));
    expect(header).toBe("| Kind | edume | teachfloor | teachfloor/early | teachify | whop |");
    for (const catalogue of catalogues()) {
      for (const event of catalogue.events)
        expect(readme, `${catalogue.path} ${event.stem}`).toContain(`\`${event.stem}\``);
    }
  });
});
