import { spawn, spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

/** Whether valgrind is installed: instruction counts are measured only then. */
export const hasValgrind = (): boolean => spawnSync("valgrind", ["--version"], { stdio: "ignore" }).status === 0;

/** Validates each value with its validator of a module, in turn, `calls` times in all; exits 3 if any fails. */
const child = `
import { readFileSync } from "node:fs";
const [module, data, n] = process.argv.slice(2);
const validators = await import(module);
const cases = JSON.parse(readFileSync(data, "utf8"));
const fns = cases.map((c) => validators[c.validator]);
let passed = 0;
for (let i = 0; i < Number(n); i++) if (fns[i % fns.length](cases[i % fns.length].value)) passed++;
if (passed !== Number(n)) process.exit(3);
`;

/** The total callgrind reports on its standard error (`==12== Collected : 1622300432`), if it does. */
export const collectedIn = (stderr: string): number | undefined => {
  const count = /^==\d+== Collected : (\d+)$/m.exec(stderr)?.[1];
  return count === undefined ? undefined : Number(count);
};

/** The instructions a whole run of the child executes, counted by callgrind. */
function collected(script: string, args: readonly string[]): Promise<number> {
  // Compiled on the main thread, so that V8 optimises at the same call each time and the count repeats.
  const flags = ["--no-concurrent-recompilation", "--no-concurrent-sparkplug"];
  const argv = ["--tool=callgrind", "--callgrind-out-file=/dev/null", process.execPath, ...flags, script, ...args];
  return new Promise((resolve, reject) => {
    const run = spawn("valgrind", argv, { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    run.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    run.on("error", reject);
    run.on("close", (code) => {
      const count = collectedIn(stderr);
      if (code !== 0 || count === undefined) reject(new Error(`callgrind on ${args[0]} failed (${code}): ${stderr}`));
      else resolve(count);
    });
  });
}

/**
 * Machine instructions per validation of `values` with the validators of `module` (file paths), counted by
 * callgrind: a run of `calls` validations and one of twice as many, whose difference leaves out Node's start-up,
 * loading and warming up. Unlike time, the count repeats whatever else the machine is doing.
 */
export async function instructionsPerCall(
  scratch: string,
  runs: ReadonlyArray<{ module: string; values: ReadonlyArray<{ validator: string; value: unknown }> }>,
  calls: number,
): Promise<number[]> {
  const script = join(scratch, "count-instructions.mjs");
  writeFileSync(script, child);
  const counts = await Promise.all(
    runs.map(async ({ module }, i) => {
      const data = join(scratch, `count-instructions-${i}.json`);
      writeFileSync(data, JSON.stringify(runs[i]!.values));
      const url = pathToFileURL(module).href;
      const once = await collected(script, [url, data, String(calls)]);
      const twice = await collected(script, [url, data, String(2 * calls)]);
      return (twice - once) / calls;
    }),
  );
  return counts;
}
