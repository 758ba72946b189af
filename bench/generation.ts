import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** One run of the generator in a fresh process. */
export interface GenerateRun {
  /** Seconds of wall time. */
  wall: number;
  /** Seconds of CPU time (user + system). */
  cpu: number;
  files: number;
  written: number;
  /** Catalogues emitted (`?` when the generator does not say). */
  emitted: string;
}

/** A size of synthetic project, with the generator's cold run, a run with nothing changed and one after a change. */
export interface GenerationRow {
  events: number;
  cold: GenerateRun;
  /** Runs with nothing changed (the median is the no-op figure). */
  noops: GenerateRun[];
  /** The run after one schema changed, when asked for. */
  one?: GenerateRun;
}

export interface GenerationOptions {
  sizes: readonly number[];
  providers: number;
  /** Where the synthetic projects are written (one folder per size). */
  base: string;
  /** The repository whose generator runs. */
  tool: string;
  /** The repository whose synthesizer writes the projects. */
  repo: string;
  /** How many runs with nothing changed (default 1). */
  noopRuns?: number;
  /** Whether to time a run after one event schema changed (default true). */
  oneChanged?: boolean;
  /** Called with each row as soon as it is measured. */
  onRow?: (row: GenerationRow) => void;
}

const summary = /(\d+) files into generated\/ \((\d+) written.* in (\d+) ms(?:; (\d+) catalogue)?/;

/** Runs `scripts/generate.ts --root <root>` of `tool` in a fresh process, timed by /usr/bin/time. */
export function generateRun(tool: string, root: string): GenerateRun {
  const script = join(tool, "scripts", "generate.ts");
  const child = spawnSync(
    "/usr/bin/time",
    ["-f", "time %e %U %S", process.execPath, "--import", "tsx", script, "--root", root],
    { cwd: tool, encoding: "utf8" },
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
export function changeOneSchema(root: string): void {
  const events = execFileSync(
    "find",
    [join(root, "schemas"), "-name", "*.schema.json", "-not", "-path", "*/common/*"],
    { encoding: "utf8" },
  );
  const file = events.split("\n").filter(Boolean).sort()[0]!;
  const json = JSON.parse(readFileSync(file, "utf8")) as { description: string };
  writeFileSync(file, `${JSON.stringify({ ...json, description: `${json.description} Changed.` }, null, 2)}\n`);
}

/** Writes a synthetic project of `events` events with the synthesizer (`scripts/synth.ts`). */
export function synthesize(repo: string, events: number, root: string, providers: number): void {
  rmSync(root, { recursive: true, force: true });
  execFileSync(
    process.execPath,
    ["--import", "tsx", join(repo, "scripts", "synth.ts"), String(events), root, "--providers", String(providers)],
    { cwd: repo },
  );
}

/** For each size: a synthetic project, then the generator's cold run, no-op runs, and a run after one change. */
export function measureGeneration(options: GenerationOptions): GenerationRow[] {
  return options.sizes.map((events) => {
    const root = join(options.base, String(events));
    synthesize(options.repo, events, root, options.providers);
    const cold = generateRun(options.tool, root);
    const noops = Array.from({ length: options.noopRuns ?? 1 }, () => generateRun(options.tool, root));
    const row: GenerationRow = { events, cold, noops };
    if (options.oneChanged ?? true) {
      changeOneSchema(root);
      row.one = generateRun(options.tool, root);
    }
    options.onRow?.(row);
    return row;
  });
}
