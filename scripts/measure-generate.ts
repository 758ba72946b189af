import { join, resolve } from "node:path";
import { type GenerateRun, type GenerationRow, measureGeneration } from "../bench/generation.js";

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

const cell = (r: GenerateRun) =>
  `${r.wall.toFixed(1)} s (CPU ${r.cpu.toFixed(1)} s), ${r.written} written, ${r.emitted} emitted`;
const line = (row: GenerationRow) =>
  `| ${row.events} | ${row.cold.files} | ${cell(row.cold)} | ${cell(row.noops[0]!)} | ${cell(row.one!)} |`;
const rows = measureGeneration({
  sizes,
  providers: Number(providers),
  base,
  tool,
  repo,
  onRow: (row) => console.error(line(row)),
});
console.log(
  [
    `${tool}, ${providers} providers: wall time of the whole process (CPU time), files written, catalogues emitted.`,
    "",
    "| Events | Files | Cold run | Nothing changed | One schema changed |",
    "| --- | --- | --- | --- | --- |",
    ...rows.map(line),
  ].join("\n"),
);
