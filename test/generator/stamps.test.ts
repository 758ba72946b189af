import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { OutputFiles } from "../../generator/cache/outputs.js";
import { readStamps, stampedHash, writeStamps } from "../../generator/cache/stamps.js";
import { fileHashes, recordedFiles } from "../../generator/cache/store.js";

let root: string;
let cache: string;
let folder: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "coursehooks-stamps-"));
  cache = join(root, "cache");
  folder = join(root, "generated");
  mkdirSync(join(folder, "p"), { recursive: true });
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const put = (path: string, text: string) => writeFileSync(join(folder, path), text);

describe("stamps of written files", () => {
  it("give the recorded hash while a file keeps its size and time, and none once either changes", () => {
    put("p/a.ts", "export const a = 1;\n");
    put("p/b.ts", "export const b = 2;\n");
    const hashes = new Map(
      fileHashes([
        ["p/a.ts", "export const a = 1;\n"],
        ["p/b.ts", "export const b = 2;\n"],
      ]),
    );
    writeStamps(cache, folder, hashes);
    const stamps = readStamps(cache);
    expect(stampedHash(stamps, folder, "p/a.ts")).toBe(hashes.get("p/a.ts"));
    put("p/a.ts", "export const a = 9;\n");
    utimesSync(join(folder, "p/a.ts"), new Date(2001, 0, 1), new Date(2001, 0, 1));
    expect(stampedHash(stamps, folder, "p/a.ts")).toBeUndefined();
    put("p/b.ts", "export const b = 2; // longer\n");
    expect(stampedHash(stamps, folder, "p/b.ts")).toBeUndefined();
    expect(stampedHash(stamps, folder, "p/missing.ts")).toBeUndefined();
  });

  it("are none when the stamp file is missing or not what it should be", () => {
    expect(readStamps(cache).size).toBe(0);
    mkdirSync(cache, { recursive: true });
    writeFileSync(join(cache, "generated.stamps"), "{ not json");
    expect(readStamps(cache).size).toBe(0);
    writeFileSync(
      join(cache, "generated.stamps"),
      JSON.stringify([
        ["p/a.ts", "1", 2, "h"],
        ["p/b.ts", 1, 2, "h"],
      ]),
    );
    expect([...readStamps(cache).keys()]).toEqual(["p/b.ts"]);
  });
});

describe("recorded files with stamps", () => {
  it("are not read while stamped unchanged: their text is loaded, and checked, only when asked for", () => {
    put("p/a.ts", "A\n");
    put("p/b.ts", "B\n");
    const recorded = fileHashes([
      ["p/a.ts", "A\n"],
      ["p/b.ts", "B\n"],
    ]);
    writeStamps(cache, folder, new Map(recorded.slice(0, 1)));
    const files = recordedFiles(folder, recorded, readStamps(cache))!;
    expect(typeof files[0]![1]).toBe("function");
    expect(files[1]).toEqual(["p/b.ts", "B\n"]);
    expect((files[0]![1] as () => string)()).toBe("A\n");
    put("p/a.ts", "Z\n");
    expect(() => (files[0]![1] as () => string)()).toThrow(/changed while it was being generated/);
  });

  it("are not trusted when a file changed since it was stamped", () => {
    put("p/a.ts", "A\n");
    const recorded = fileHashes([["p/a.ts", "A\n"]]);
    writeStamps(cache, folder, new Map(recorded));
    put("p/a.ts", "edited\n");
    expect(recordedFiles(folder, recorded, readStamps(cache))).toBeUndefined();
  });
});

describe("output files", () => {
  it("read a lazy file once, when its text is asked for, and show it in every way of listing", () => {
    let reads = 0;
    const files = new OutputFiles()
      .lazy("a", () => {
        reads++;
        return "A";
      })
      .set("b", "B");
    expect(files.size).toBe(2);
    expect(files.has("a") && files.isLazy("a")).toBe(true);
    expect(reads).toBe(0);
    expect([...files]).toEqual([
      ["a", "A"],
      ["b", "B"],
    ]);
    expect([...files.values()]).toEqual(["A", "B"]);
    expect(files.get("a")).toBe("A");
    expect(reads).toBe(1);
    expect(files.isLazy("a")).toBe(false);
  });
});
