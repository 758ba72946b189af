import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCatalogues } from "../../generator/catalogue.js";
import { bundledSchema } from "../../generator/emit/bundled-schema.js";
import { buildEntries, type Entry } from "../../generator/emit/build.js";
import { entrySources, entryStandIns, readRuntime } from "../../generator/emit/sources.js";
import { loadDelivery } from "../../generator/lint/delivery.js";
import { lint } from "../../generator/lint/index.js";
import { loadSchemas } from "../../generator/load.js";
import { walkSchema } from "../../generator/schema-walk.js";
import { eventPlan, projectPlan } from "../../generator/synth/plan.js";
import { synthProject } from "../../generator/synth/project.js";
import { toolRoot } from "../../generator/cache/version.js";
import { synthRoot } from "../helpers/synth-root.js";
import { join } from "node:path";

describe("synthetic projects", () => {
  it("are the same bytes for the same options, and others for another seed or size", () => {
    const once = synthProject({ events: 40, providers: 3, seed: 5 });
    expect([...synthProject({ events: 40, providers: 3, seed: 5 })]).toEqual([...once]);
    expect([...synthProject({ events: 40, providers: 3, seed: 6 })]).not.toEqual([...once]);
    expect(synthProject({ events: 41, providers: 3, seed: 5 }).size).toBeGreaterThan(once.size);
  });

  it("spread the events over the providers, with a nested catalogue once the first provider has sixteen", () => {
    for (const [events, providers] of [
      [10, 3],
      [40, 2],
      [1000, 4],
    ] as const) {
      const plan = projectPlan(events, providers);
      expect(plan.reduce((n, c) => n + c.events.length, 0)).toBe(events);
      expect(new Set(plan.map((c) => c.path.split("/")[0])).size).toBe(providers);
      expect(plan.some((c) => c.path.includes("/"))).toBe(events / providers >= 16);
      for (const catalogue of plan)
        expect(new Set(catalogue.events.map((e) => e.stem)).size).toBe(catalogue.events.length);
    }
  });

  it("never repeat an event name within a catalogue, however many events it has", () => {
    const stems = Array.from({ length: 3000 }, (_, i) => eventPlan(i, []).stem);
    expect(new Set(stems).size).toBe(stems.length);
  });

  it("pass every check of the generator, with the shapes of real schemas", () => {
    const root = synthRoot({ events: 60, providers: 3, seed: 2 });
    try {
      const { files, problems } = loadSchemas(join(root, "schemas"));
      expect(problems).toEqual([]);
      expect(lint(files)).toEqual([]);
      const { catalogues, problems: catalogueProblems } = buildCatalogues(files);
      expect(catalogueProblems).toEqual([]);
      for (const c of catalogues) expect(loadDelivery(join(root, "schemas"), c.path).problems).toEqual([]);
      const seen = new Set<string>();
      for (const file of files) {
        walkSchema(file.json, (node) => {
          if (node.format === "date-time") seen.add("date-time");
          if (Array.isArray(node.enum)) seen.add("enum");
          if (Array.isArray(node.type) && node.type.includes("null")) seen.add("nullable");
          if (typeof node.$ref === "string") seen.add("$ref");
          const items = node.items as Record<string, unknown> | undefined;
          if (node.type === "array" && items?.type === "object") seen.add("array of objects");
        });
      }
      expect([...seen].sort()).toEqual(["$ref", "array of objects", "date-time", "enum", "nullable"]);
      expect(catalogues.flatMap((c) => c.events).some((e) => e.discriminants.length > 1)).toBe(true);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe("building several entry points in one program", () => {
  let root: string;
  let entries: Entry[];
  beforeAll(async () => {
    root = synthRoot({ events: 6, providers: 2, seed: 3 });
    const { files } = loadSchemas(join(root, "schemas"));
    const { catalogues } = buildCatalogues(files);
    entries = await Promise.all(
      catalogues.map(async (catalogue) => {
        const mine = files.filter((f) => f.path.startsWith(`${catalogue.path}/`));
        const schemas = new Map(
          await Promise.all(catalogue.events.map(async (e) => [e.stem, await bundledSchema(e, mine)] as const)),
        );
        const delivery = loadDelivery(join(root, "schemas"), catalogue.path).delivery!;
        const sources = await entrySources(catalogue, delivery, mine, schemas, readRuntime(), toolRoot);
        return { sources, standIns: entryStandIns(catalogue) };
      }),
    );
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("gives each the dist/ it gets when built alone, and the same declarations as from the real sources", async () => {
    expect(entries).toHaveLength(2);
    const together = await buildEntries(entries);
    const alone = [...(await buildEntries([entries[0]!])), ...(await buildEntries([entries[1]!]))];
    expect(together.map((dist) => [...dist].sort())).toEqual(alone.map((dist) => [...dist].sort()));
    const unstubbed = await buildEntries([{ sources: entries[0]!.sources }]);
    expect([...unstubbed[0]!].sort()).toEqual([...together[0]!].sort());
    expect(together[0]!.get("runtime/parse.d.ts")).toBe(together[1]!.get("runtime/parse.d.ts"));
  });

  it("refuses entries whose runtime files differ", async () => {
    const changed = new Map(entries[1]!.sources);
    changed.set("runtime/parse.ts", `${changed.get("runtime/parse.ts")!}\nexport const extra = 1;\n`);
    await expect(buildEntries([entries[0]!, { sources: changed }])).rejects.toThrow(/same runtime/);
  });

  it("still reports a type error in any one of them", async () => {
    const broken = new Map(entries[1]!.sources);
    broken.set("index.ts", `${broken.get("index.ts")!}\nexport const wrong: number = "text";\n`);
    await expect(buildEntries([entries[0]!, { sources: broken }])).rejects.toThrow(/do not compile/);
  });
});
