import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { projectRoot } from "../test/helpers/catalogues.js";
import type { Case } from "./cases.js";
import { median } from "./timing.js";

/** What a fresh process does before it can check its first delivery. */
export type ColdStarter = "package" | "AJV, every event" | "AJV, one event";
export const coldStarters: readonly ColdStarter[] = ["package", "AJV, every event", "AJV, one event"];

export interface ColdStartRow {
  catalogue: string;
  /** Median milliseconds from the first import to the first verdict, measured inside the process. */
  ms: Record<ColdStarter, number>;
  /** Median milliseconds of the whole process, Node's own start included. */
  processMs: Record<ColdStarter, number>;
}

const url = (path: string) => pathToFileURL(path).href;
const schemaId = (c: Case) => `https://coursehooks.dev/schemas/${c.catalogue}/${c.event.stem}.schema.json`;

/** The module a fresh process runs: import, (compile,) check one example, print the time taken and the verdict. */
function program(starter: ColdStarter, c: Case): string {
  const example = JSON.stringify(JSON.stringify(c.value));
  const schemas = join(projectRoot, "generated", c.catalogue, "schemas");
  const measure = (body: string) =>
    `const t0 = performance.now();\n${body}\nconst ms = performance.now() - t0;\n` +
    "process.stdout.write(JSON.stringify({ ms, ok }));";
  if (starter === "package") {
    const entry = join(projectRoot, "generated", c.catalogue, "dist", "index.js");
    return measure(
      `const pkg = await import(${JSON.stringify(url(entry))});\nconst ok = pkg.${c.guard}(JSON.parse(${example}));`,
    );
  }
  const files = starter === "AJV, one event" ? [`${c.event.stem}.json`] : readdirSync(schemas).sort();
  return measure(
    [
      'const { Ajv } = await import("ajv");',
      'const { default: addFormats } = await import("ajv-formats");',
      'const { readFileSync } = await import("node:fs");',
      "const ajv = new Ajv({ allErrors: true, strict: false });",
      "addFormats(ajv);",
      `const dir = ${JSON.stringify(schemas)};`,
      `const files = ${JSON.stringify(files)};`,
      'const checks = files.map((f) => ajv.compile(JSON.parse(readFileSync(dir + "/" + f, "utf8"))));',
      `const check = ajv.getSchema(${JSON.stringify(schemaId(c))});`,
      `const ok = check(JSON.parse(${example})) && checks.length > 0;`,
    ].join("\n"),
  );
}

function spawnOnce(code: string): { ms: number; processMs: number } {
  const start = process.hrtime.bigint();
  const child = spawnSync(process.execPath, ["--input-type=module", "-e", code], {
    cwd: projectRoot,
    encoding: "utf8",
  });
  const processMs = Number(process.hrtime.bigint() - start) / 1e6;
  const out = JSON.parse(child.stdout || "null") as { ms: number; ok: boolean } | null;
  if (!out?.ok) throw new Error(`A cold start did not validate its example:\n${child.stdout}\n${child.stderr}`);
  return { ms: out.ms, processMs };
}

/**
 * For each package, fresh `node` processes (`runs` of each, taken in turn): import the built package and check one
 * documented example, against importing AJV and ajv-formats, compiling the package's shipped schemas and checking
 * the same example. Medians of the runs.
 */
export function coldStart(cases: readonly Case[], runs: number): ColdStartRow[] {
  const first = [...new Map(cases.map((c) => [c.catalogue, c])).values()];
  return first.map((c) => {
    const programs = coldStarters.map((starter) => program(starter, c));
    const samples = coldStarters.map(() => ({ ms: [] as number[], processMs: [] as number[] }));
    for (let r = 0; r < runs; r++)
      programs.forEach((code, i) => {
        const { ms, processMs } = spawnOnce(code);
        samples[i]!.ms.push(ms);
        samples[i]!.processMs.push(processMs);
      });
    const pick = (key: "ms" | "processMs") =>
      Object.fromEntries(coldStarters.map((s, i) => [s, median(samples[i]![key])])) as Record<ColdStarter, number>;
    return { catalogue: c.catalogue, ms: pick("ms"), processMs: pick("processMs") };
  });
}
