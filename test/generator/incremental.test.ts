import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashOf, pruneEntries, readEntry, recordedFiles, writeEntry } from "../../generator/cache/store.js";
import type { OutputFiles } from "../../generator/cache/outputs.js";
import { writeStamps } from "../../generator/cache/stamps.js";
import { generatorVersion } from "../../generator/cache/version.js";
import { generate, type Generated } from "../../generator/pipeline.js";
import { replaceFolder } from "../../generator/write.js";
import { editSchema, synthRoot } from "../helpers/synth-root.js";

type Done = Extract<Generated, { ok: true }>;
const done = (result: Generated): Done => {
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.file} ${p.pointer}: ${p.message}`).join("\n"));
  return result;
};
const sorted = (files: Map<string, string>) => [...files].sort(([a], [b]) => (a < b ? -1 : 1));

// 36 events over 2 providers: three catalogues, one of them nested (acadia/legacy).
let root: string;
let cache: { dir: string; generated: string };
let first: Done;
beforeAll(async () => {
  root = synthRoot({ events: 36, providers: 2, seed: 7 });
  cache = { dir: join(root, "cache"), generated: join(root, "generated") };
  first = done(await generate(root, { cache }));
  replaceFolder(join(root, "generated"), first.files);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("incremental generation", () => {
  it("emits every catalogue on a first run with an empty cache", () => {
    expect(first.built.sort()).toEqual(["acadia", "acadia/legacy", "brightlearn"]);
    expect(first.reused).toEqual([]);
  });

  it("emits nothing and writes nothing when nothing changed", async () => {
    const again = done(await generate(root, { cache }));
    expect(again.built).toEqual([]);
    expect(again.reused.sort()).toEqual(["acadia", "acadia/legacy", "brightlearn"]);
    const summary = replaceFolder(join(root, "generated"), again.files);
    expect(summary.written).toEqual([]);
    expect(summary.deleted).toEqual([]);
    expect(summary.unchanged).toBe(first.files.size);
  });

  it("reads back none of its files once they are stamped, and still writes nothing", async () => {
    const stamped = done(await generate(root, { cache }));
    writeStamps(cache.dir, cache.generated, stamped.hashes);
    const again = done(await generate(root, { cache }));
    const lazy = [...again.files.keys()].filter((path) => (again.files as OutputFiles).isLazy(path));
    expect(lazy).toHaveLength(first.files.size - 1); // all but the overall index, which no catalogue gives
    expect(replaceFolder(join(root, "generated"), again.files, again.verified).written).toEqual([]);
    expect(lazy.every((path) => (again.files as OutputFiles).isLazy(path))).toBe(true);
    expect(sorted(again.files)).toEqual(sorted(first.files));
  });

  let full: Done;
  it(
    "re-emits only the catalogues of changed schemas (an event, " + "a shared object), with the bytes of a full run",
    async () => {
      editSchema(root, "brightlearn/course.created.schema.json", (json) => {
        json.description = `${String(json.description)} Now with a change.`;
      });
      editSchema(root, "acadia/legacy/common/course.schema.json", (json) => {
        (json.properties as Record<string, unknown>).synthetic_extra = { description: "Added.", type: "string" };
      });
      const incremental = done(await generate(root, { cache }));
      expect(incremental.built.sort()).toEqual(["acadia/legacy", "brightlearn"]);
      const summary = replaceFolder(join(root, "generated"), incremental.files);
      for (const catalogue of ["brightlearn/", "acadia/legacy/"]) {
        expect(
          summary.written.some((path) => path.startsWith(catalogue)),
          catalogue,
        ).toBe(true);
      }
      expect(summary.written.filter((path) => !/^(brightlearn|acadia\/legacy)\/|^README\.md$/.test(path))).toEqual([]);
      full = done(await generate(root));
      expect(full.built).toHaveLength(3);
      expect(sorted(incremental.files)).toEqual(sorted(full.files));
    },
  );

  it("does not trust an entry whose files were altered, nor one written by another generator", async () => {
    const entries = readdirSync(cache.dir).filter((name) => name.endsWith(".json"));
    expect(entries).toHaveLength(3);
    const [tampered, older] = entries.map((name) => join(cache.dir, name)) as [string, string];
    const alter = (
      path: string,
      change: (entry: { files: [string, string][]; generator: string; digest: string }) => void,
    ) => {
      const entry = JSON.parse(readFileSync(path, "utf8")) as {
        files: [string, string][];
        generator: string;
        digest: string;
      };
      change(entry);
      writeFileSync(path, JSON.stringify(entry));
    };
    alter(tampered, (entry) => {
      entry.files[0]![1] = "0".repeat(64);
    });
    alter(older, (entry) => {
      entry.generator = "0".repeat(64);
      entry.digest = hashOf(entry.files);
    });
    const after = done(await generate(root, { cache }));
    expect(after.built).toHaveLength(2);
    expect(sorted(after.files)).toEqual(sorted(full.files));
  });

  it("emits a catalogue again when a file of its previous output was edited or removed", async () => {
    const generated = join(root, "generated");
    writeFileSync(join(generated, "brightlearn", "README.md"), "edited by hand\n");
    rmSync(join(generated, "acadia", "legacy", "dist", "index.js"));
    const after = done(await generate(root, { cache }));
    expect(after.built.sort()).toEqual(["acadia/legacy", "brightlearn"]);
    expect(sorted(after.files)).toEqual(sorted(full.files));
    expect(replaceFolder(generated, after.files).written).toEqual([
      "acadia/legacy/dist/index.js",
      "brightlearn/README.md",
    ]);
  });
});

describe("cache entries", () => {
  it("are read back only under their own key, by their own generator, unaltered and well formed", () => {
    const dir = join(root, "entries");
    mkdirSync(dir, { recursive: true });
    const files: [string, string][] = [["a/index.ts", "export {};\n"]];
    const write = (name: string, entry: unknown) =>
      writeFileSync(join(dir, name), typeof entry === "string" ? entry : JSON.stringify(entry));
    const good = { key: "k1", generator: "g", files, digest: hashOf(files) };
    write("k1.json", good);
    expect(readEntry(dir, "k1", "g")).toEqual(files);
    expect(readEntry(dir, "k1", "other")).toBeUndefined();
    write("k2.json", good);
    expect(readEntry(dir, "k2", "g")).toBeUndefined();
    write("k1.json", { ...good, digest: hashOf([["a/index.ts", "changed"]]) });
    expect(readEntry(dir, "k1", "g")).toBeUndefined();
    write("k1.json", "{ not json");
    expect(readEntry(dir, "k1", "g")).toBeUndefined();
    write("k1.json", { ...good, files: [["a", 1]], digest: hashOf([["a", 1]]) });
    expect(readEntry(dir, "k1", "g")).toBeUndefined();
    expect(readEntry(dir, "missing", "g")).toBeUndefined();
  });

  it("record each file's hash, vouch only for the very bytes, and are pruned to the keys a run used", () => {
    const dir = join(root, "stored");
    const output = join(root, "output");
    const files: [string, string][] = [
      ["x/README.md", "# x\n"],
      ["x/dist/index.js", "export {};\n"],
    ];
    for (const [path, content] of files) {
      mkdirSync(join(output, path, ".."), { recursive: true });
      writeFileSync(join(output, path), content);
    }
    writeEntry(dir, "a", "g", files);
    writeEntry(dir, "b", "g", files);
    const recorded = readEntry(dir, "a", "g")!;
    expect(recorded.map(([path]) => path)).toEqual(files.map(([path]) => path));
    expect(recordedFiles(output, recorded, new Map())).toEqual(files);
    writeFileSync(join(output, "x/README.md"), "# x \n");
    expect(recordedFiles(output, recorded, new Map())).toBeUndefined();
    rmSync(join(output, "x/README.md"));
    expect(recordedFiles(output, recorded, new Map())).toBeUndefined();
    pruneEntries(dir, new Set(["b"]));
    expect(readdirSync(dir)).toEqual(["b.json"]);
  });
});

describe("generator version", () => {
  it("changes when any generator source or the lock file changes", () => {
    const tool = join(root, "tool");
    mkdirSync(join(tool, "generator", "runtime"), { recursive: true });
    writeFileSync(join(tool, "generator", "pipeline.ts"), "export {};\n");
    writeFileSync(join(tool, "generator", "runtime", "parse.ts"), "export {};\n");
    writeFileSync(join(tool, "package-lock.json"), "{}\n");
    const before = generatorVersion(tool);
    expect(generatorVersion(tool)).toBe(before);
    const versions = ["generator/runtime/parse.ts", "generator/pipeline.ts", "package-lock.json"].map((path) => {
      writeFileSync(join(tool, path), "export const changed = 1;\n");
      return generatorVersion(tool);
    });
    expect(new Set([before, ...versions]).size).toBe(4);
  });
});
