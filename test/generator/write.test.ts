import { spawn } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { replaceFolder, temporaryFolders } from "../../generator/write.js";

const repoRoot = join(import.meta.dirname, "..", "..");

/** Every entry under `dir` (files with their content, folders as `null`), paths with `/`. */
const tree = (dir: string): Map<string, string | null> =>
  new Map(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .map((entry) => {
        const path = relative(dir, join(entry.parentPath, entry.name)).split(sep).join("/");
        return [path, entry.isFile() ? readFileSync(join(dir, path), "utf8") : null] as [string, string | null];
      })
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  );
const filesOf = (dir: string): Map<string, string> =>
  new Map([...tree(dir)].filter((entry): entry is [string, string] => entry[1] !== null));
const put = (dir: string, files: Record<string, string>): void => {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
};
const sorted = (files: Map<string, string>): [string, string][] => [...files].sort(([a], [b]) => (a < b ? -1 : 1));

let parent: string;
let dir: string;
beforeEach(() => {
  parent = mkdtempSync(join(tmpdir(), "coursehooks-write-"));
  dir = join(parent, "generated");
});
afterEach(() => rmSync(parent, { recursive: true, force: true }));

describe("replaceFolder", () => {
  const cases: { name: string; given: Record<string, string> | null; want: Record<string, string> }[] = [
    { name: "creates a missing folder", given: null, want: { "a.txt": "A", "p/src/b.ts": "B" } },
    { name: "writes new files", given: { "a.txt": "A" }, want: { "a.txt": "A", "new/deep/c.txt": "C" } },
    {
      name: "replaces changed files",
      given: { "a.txt": "A", "p/b.txt": "B" },
      want: { "a.txt": "A2", "p/b.txt": "B" },
    },
    {
      name: "deletes stale files and the folders they leave empty",
      given: { "a.txt": "A", "old/x/y.txt": "Y", "p/gone.txt": "G", "p/kept.txt": "K" },
      want: { "a.txt": "A", "p/kept.txt": "K" },
    },
    { name: "replaces a file by a folder", given: { a: "file" }, want: { "a/b.txt": "B" } },
    { name: "replaces a folder by a file", given: { "a/b.txt": "B", "a/c/d.txt": "D" }, want: { a: "file" } },
    { name: "empties the folder when nothing is produced", given: { "a/b.txt": "B" }, want: {} },
  ];
  for (const { name, given, want } of cases) {
    it(name, () => {
      if (given) put(dir, given);
      replaceFolder(dir, new Map(Object.entries(want)));
      expect(sorted(filesOf(dir))).toEqual(sorted(new Map(Object.entries(want))));
      expect(
        [...tree(dir).keys()]
          .filter((path) => tree(dir).get(path) === null)
          .every((folder) => Object.keys(want).some((path) => path.startsWith(`${folder}/`))),
      ).toBe(true);
      for (const leftover of temporaryFolders(dir)) expect(existsSync(leftover), leftover).toBe(false);
    });
  }

  it("leaves files whose bytes are unchanged untouched, and a no-change run writes nothing", async () => {
    put(dir, { "same.txt": "S", "p/same.ts": "T", "changed.txt": "old" });
    const before = new Map(["same.txt", "p/same.ts", "changed.txt"].map((p) => [p, statSync(join(dir, p))]));
    await new Promise((resolve) => setTimeout(resolve, 20));
    const files = new Map([
      ["same.txt", "S"],
      ["p/same.ts", "T"],
      ["changed.txt", "new"],
    ]);
    expect(replaceFolder(dir, files)).toEqual({ written: ["changed.txt"], deleted: [], unchanged: 2 });
    for (const path of ["same.txt", "p/same.ts"]) {
      const after = statSync(join(dir, path));
      expect(after.ino, path).toBe(before.get(path)!.ino);
      expect(after.mtimeMs, path).toBe(before.get(path)!.mtimeMs);
    }
    expect(statSync(join(dir, "changed.txt")).ino).not.toBe(before.get("changed.txt")!.ino);
    const again = new Map([...filesOf(dir)].map(([path]) => [path, statSync(join(dir, path)).mtimeMs]));
    expect(replaceFolder(dir, files)).toEqual({ written: [], deleted: [], unchanged: 3 });
    expect(new Map([...filesOf(dir)].map(([path]) => [path, statSync(join(dir, path)).mtimeMs]))).toEqual(again);
  });

  it("takes the caller's word for the files it verified, and still compares the others", () => {
    // The bytes on disk differ from the wanted ones: a file the caller verified is not read, so it is left alone.
    put(dir, { "verified.txt": "bytes the caller read back", "other.txt": "old" });
    const files = new Map([
      ["verified.txt", "wanted"],
      ["other.txt", "new"],
    ]);
    const summary = replaceFolder(dir, files, new Set(["verified.txt"]));
    expect(summary).toEqual({ written: ["other.txt"], deleted: [], unchanged: 1 });
    expect(readFileSync(join(dir, "verified.txt"), "utf8")).toBe("bytes the caller read back");
    expect(replaceFolder(dir, files).written).toEqual(["verified.txt"]);
  });

  it("removes the temporary folders an earlier killed run left behind", () => {
    put(dir, { "a.txt": "A" });
    put(`${dir}.next`, { "a.txt": "half", "x/y.txt": "Y" });
    put(`${dir}.previous`, { "a.txt": "older" });
    expect(temporaryFolders(dir).sort()).toEqual([`${dir}.next`, `${dir}.previous`]);
    replaceFolder(
      dir,
      new Map([
        ["a.txt", "A"],
        ["b.txt", "B"],
      ]),
    );
    expect(sorted(filesOf(dir))).toEqual([
      ["a.txt", "A"],
      ["b.txt", "B"],
    ]);
    expect(readdirSync(parent)).toEqual(["generated"]);
  });

  it("recovers when an earlier run of the old swap scheme was killed with the folder renamed away", () => {
    put(`${dir}.previous`, { "a.txt": "A" });
    put(`${dir}.next`, { "a.txt": "A2" });
    replaceFolder(dir, new Map([["a.txt", "A3"]]));
    expect(sorted(filesOf(dir))).toEqual([["a.txt", "A3"]]);
    expect(readdirSync(parent)).toEqual(["generated"]);
  });
});

describe("replaceFolder killed at random moments", () => {
  /** A tree of ~2,000 files; each file names its path and version and ends with a marker, so truncation shows. */
  const version = (name: "old" | "new"): Map<string, string> => {
    const files = new Map<string, string>();
    for (let i = 0; i < 2000; i++) {
      const path = `pkg${i % 7}/${i % 3 === 0 ? "src/" : ""}file${i}.ts`;
      // old: files 0..1799; new: files 200..1999. Of the shared ones, every other one changes.
      if (name === "old" ? i >= 1800 : i < 200) continue;
      const tag = name === "new" && i % 2 === 0 ? "new" : "old";
      files.set(path, `// ${path} ${tag}\n${`export const v${i} = "${tag}";\n`.repeat(60)}// end ${path}\n`);
    }
    return files;
  };
  const versions = { old: version("old"), new: version("new") };
  /** Runs the real write in a child process; SIGKILLs it `killAfter` ms after it starts writing, if given. */
  const child = (files: Map<string, string>, killAfter?: number): Promise<{ finished: boolean; ms: number }> => {
    const input = join(parent, "input.json");
    writeFileSync(input, JSON.stringify({ dir, files: [...files] }));
    const writeUrl = pathToFileURL(join(repoRoot, "generator", "write.ts")).href;
    const code = [
      `import { readFileSync } from "node:fs";`,
      `const { replaceFolder } = await import(${JSON.stringify(writeUrl)});`,
      `const { dir, files } = JSON.parse(readFileSync(${JSON.stringify(input)}, "utf8"));`,
      `const map = new Map(files);`,
      `process.stdout.write("start\\n");`,
      `replaceFolder(dir, map);`,
      `process.stdout.write("done\\n");`,
    ].join("\n");
    return new Promise((resolve, reject) => {
      const proc = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", code], {
        cwd: repoRoot,
        stdio: ["ignore", "pipe", "inherit"],
      });
      let out = "";
      let started = 0;
      let ms = 0;
      proc.stdout.on("data", (chunk: Buffer) => {
        out += chunk.toString();
        if (!started && out.includes("start\n")) {
          started = performance.now();
          if (killAfter !== undefined) setTimeout(() => proc.kill("SIGKILL"), killAfter);
        }
        if (out.includes("done\n") && !ms) ms = performance.now() - started;
      });
      proc.on("error", reject);
      proc.on("close", (exitCode, signal) => {
        const finished = out.includes("done\n");
        if (!finished && signal !== "SIGKILL") reject(new Error(`child failed: ${exitCode} ${signal}`));
        else resolve({ finished, ms });
      });
    });
  };
  it("leaves the folder present with only complete old or new files; the next run finishes the job", async () => {
    const fresh = await child(versions.old);
    expect(sorted(filesOf(dir))).toEqual(sorted(versions.old));
    const duration = Math.max(fresh.ms, 20);
    const kills = 5;
    let interrupted = 0;
    let from: "old" | "new" = "old";
    for (let k = 0; k < kills; k++) {
      const to: "old" | "new" = from === "old" ? "new" : "old";
      // Spread the kills over the whole write: the k-th lands somewhere in the k-th slice of its expected duration.
      const killAfter = ((k + Math.random()) / kills) * duration;
      const run = await child(versions[to], killAfter);
      if (!run.finished) interrupted++;

      expect(existsSync(dir), `kill ${k}: folder missing`).toBe(true);
      for (const [path, content] of tree(dir)) {
        if (content === null) continue;
        const complete = content === versions.old.get(path) || content === versions.new.get(path);
        expect(complete, `kill ${k} after ${killAfter.toFixed(0)} ms: ${path} is neither old nor new`).toBe(true);
      }

      await child(versions[to]);
      expect(sorted(filesOf(dir)), `after kill ${k}, a full run gives the ${to} tree`).toEqual(sorted(versions[to]));
      expect(readdirSync(parent).sort()).toEqual(["generated", "input.json"]);
      from = to;
    }
    expect(interrupted, "too few kills landed while writing").toBeGreaterThanOrEqual(kills / 2);
  });
});
