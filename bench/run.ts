import { join } from "node:path";
import { projectRoot } from "../test/helpers/catalogues.js";
import { benchCases, benchCatalogues } from "./cases.js";
import { type ColdStartRow, coldStart } from "./cold-start.js";
import { type DateTimeRow, dateTimeInValidators, dateTimeTimes, type InValidatorsRow } from "./date-time.js";
import { contests } from "./competitors/index.js";
import { type GenerationRow, measureGeneration } from "./generation.js";
import { type Machine, machine, versions } from "./machine.js";
import { type BundleSize, bundleSizes } from "./sizes.js";
import { type ThroughputRow, throughput } from "./throughput.js";
import { fullTiming, quickTiming, type TimingOptions } from "./timing.js";
import { type Disagreement, disagreements } from "./verdicts.js";

export const sections = ["throughput", "date-time", "cold-start", "sizes", "generation"] as const;
export type Section = (typeof sections)[number];

export interface BenchOptions {
  quick: boolean;
  only: readonly Section[];
  /** Catalogues to run on (all by default). */
  catalogues?: readonly string[];
  /** Synthetic project sizes for the generation section. */
  sizes: readonly number[];
  /** Where scratch files go (inside the repository, so that typia's output resolves its imports). */
  scratch: string;
  /** Told when each step starts. */
  progress?: (step: string) => void;
}

export interface BenchResults {
  date: string;
  quick: boolean;
  machine: Machine;
  versions: Record<string, string>;
  timing: TimingOptions;
  coldRuns: number;
  cases: number;
  disagreements: Disagreement[];
  throughput?: ThroughputRow[];
  dateTime?: DateTimeRow[];
  dateTimeInValidators?: InValidatorsRow[];
  coldStart?: ColdStartRow[];
  sizes?: BundleSize[];
  generation?: GenerationRow[];
}

export const defaultOptions = (quick: boolean): BenchOptions => ({
  quick,
  only: sections,
  sizes: quick ? [10] : [10, 100, 1000],
  scratch: join(projectRoot, "tmp", "bench"),
});

/** Runs the asked sections; every competitor's verdicts are checked whatever the sections. */
export async function runBench(options: BenchOptions): Promise<BenchResults> {
  const say = options.progress ?? (() => {});
  const timing = options.quick ? quickTiming : fullTiming;
  const coldRuns = options.quick ? 1 : 7;
  const catalogues = benchCatalogues(options.catalogues);
  const cases = benchCases(catalogues);
  say(`building competitors for ${cases.length} examples`);
  const list = await contests(cases, options.scratch);
  const results: BenchResults = {
    date: new Date().toISOString().slice(0, 10),
    quick: options.quick,
    machine: machine(),
    versions: versions(),
    timing,
    coldRuns,
    cases: cases.length,
    disagreements: disagreements(list),
  };
  if (options.only.includes("throughput")) {
    say("timing every competitor side by side");
    results.throughput = throughput(list, timing);
  }
  if (options.only.includes("date-time")) {
    say("the date-time check: regex against character codes");
    results.dateTime = dateTimeTimes(timing);
    results.dateTimeInValidators = await dateTimeInValidators(cases, join(options.scratch, "date-time"), timing);
  }
  if (options.only.includes("cold-start")) {
    say("cold starts in fresh processes");
    results.coldStart = coldStart(cases, coldRuns);
  }
  if (options.only.includes("sizes")) {
    say("bundle sizes");
    results.sizes = await bundleSizes(catalogues);
  }
  if (options.only.includes("generation")) {
    say(`generation of ${options.sizes.join(", ")} synthetic events`);
    results.generation = measureGeneration({
      sizes: options.sizes,
      providers: 3,
      base: join(options.scratch, "generation"),
      tool: projectRoot,
      repo: projectRoot,
      noopRuns: options.quick ? 1 : 3,
      oneChanged: false,
      onRow: (row) => say(`  ${row.events} events: ${row.cold.wall} s`),
    });
  }
  return results;
}
