import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

/**
 * `npx tsx scripts/measure-generate.ts [sizes] [--providers K] [--dir D] [--tool T]`: for each size (default
 * 10,100,1000) synthesizes a project (scripts/synth.ts), then runs `scripts/generate.ts --root` of the generator in
 * T (default: this repository) in a fresh process, timed by /usr/bin/time: a cold run (empty cache), a run with
 * nothing changed, and a run after one event schema changed. Prints a Markdown table. On a busy machine the wall
 * times vary a lot; the CPU time (user + system) varies less.
 */
const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? args.splice(at, 2)[1]! : fallback;
};
const providers = option("--providers", "3");
const base = resolve(option("--dir", "tmp/measure"));
const repo = join(import.meta.dirname, "..");
const tool = resolve(option("--tool", repo));
const sizes = (args[0] ?? "10,100,1000").split(",").map(Number);

interface Run {
  wall: number;
  cpu: number;
  written: number;
  files: number;
  emitted: string;
}
const summary = /(\d+) files into generated\/ \((\d+) written.* in (\d+) ms(?:; (\d+) catalogue)?/;

function run(root: string): Run {
  const script = join(tool, "scripts", "generate.ts");
  const child = spawnSync(
    "/usr/bin/time",
    ["-f", "time %e %U %S", process.execPath, "--import", "tsx", script, "--root", root],
    {
      cwd: tool,
      encoding: "utf8",
    },
  );
  const found = summary.exec(child.stdout);
  const times = /time ([\d.]+) ([\d.]+) ([\d.]+)/.exec(child.stderr);
  if (!found || !times) throw new Error(`Unexpected output of generate:\n${child.stdout}\n${child.stderr}`);
  return {
    wall: Number(times[1]),
    cpu: Number(times[2]) + Number(times[3]),
    files: Number(found[1]),
    written: Number(found[2]),
    emitted: found[4] ?? "?",
  };
}

/** Changes the description of the first event schema (by path) of the root. */
function changeOneSchema(root: string): void {
  const events = execFileSync(
    "find",
    [join(root, "schemas"), "-name", "*.schema.json", "-not", "-path", "*/common/*"],
    { encoding: "utf8" },
  );
  const file = events.split("\n").filter(Boolean).sort()[0]!;
  const json = JSON.parse(readFileSync(file, "utf8")) as { description: string };
  writeFileSync(file, `${JSON.stringify({ ...json, description: `${json.description} Changed.` }, null, 2)}\n`);
}

const cell = (r: Run) =>
  `${r.wall.toFixed(1)} s (CPU ${r.cpu.toFixed(1)} s), ${r.written} written, ${r.emitted} emitted`;
const rows: string[] = [];
for (const size of sizes) {
  const root = join(base, String(size));
  rmSync(root, { recursive: true, force: true });
  execFileSync(
    process.execPath,
    ["--import", "tsx", join(repo, "scripts", "synth.ts"), String(size), root, "--providers", providers],
    { cwd: repo },
  );
  const cold = run(root);
  const noop = run(root);
  changeOneSchema(root);
  const one = run(root);
  rows.push(`| ${size} | ${cold.files} | ${cell(cold)} | ${cell(noop)} | ${cell(one)} |`);
  console.error(rows.at(-1));
}
console.log(
  [
    `${tool}, ${providers} providers: wall time of the whole process (CPU time), files written, catalogues emitted.`,
    "",
    "| Events | Files | Cold run | Nothing changed | One schema changed |",
    "| --- | --- | --- | --- | --- |",
    ...rows,
  ].join("\n"),
);
