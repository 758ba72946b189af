import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { report } from "../bench/report.js";
import { defaultOptions, runBench, type Section, sections } from "../bench/run.js";

/**
 * `npm run bench [-- --quick] [--only <section>[,<section>]] [--catalogue <path>] [--out <file>]`: measures the
 * generated packages against AJV, zod, valibot, typia and hand-written checks, their cold start, bundle sizes and
 * generation time, and rewrites BENCHMARKS.md (or --out). `--quick` runs tiny iteration counts (figures meaningless).
 */
const args = process.argv.slice(2);
const option = (name: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? args.splice(at, 2)[1] : undefined;
};
const quick = args.includes("--quick");
const only = option("--only")?.split(",");
const catalogue = option("--catalogue");
const out = option("--out") ?? join(import.meta.dirname, "..", "BENCHMARKS.md");
const unknown = only?.filter((s) => !sections.includes(s as Section)) ?? [];
if (unknown.length) {
  console.error(`Unknown section ${unknown.join(", ")}: choose from ${sections.join(", ")}.`);
  process.exit(2);
}
const options = {
  ...defaultOptions(quick),
  ...(only ? { only: only as Section[] } : {}),
  ...(catalogue ? { catalogues: catalogue.split(",") } : {}),
  progress: (step: string) => console.error(`${new Date().toISOString().slice(11, 19)} ${step}`),
};
const started = performance.now();
const results = await runBench(options);
writeFileSync(out, report(results));
const seconds = ((performance.now() - started) / 1000).toFixed(0);
console.log(`Wrote ${out} in ${seconds} s; ${results.disagreements.length} verdict disagreements.`);
