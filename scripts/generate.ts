import { join } from "node:path";
import { generate } from "../generator/pipeline.js";
import { formatProblem } from "../generator/problem.js";
import { writeStamps } from "../generator/cache/stamps.js";
import { replaceFolder } from "../generator/write.js";

/** The project folder: this repository, or the one named by `--root <dir>`. */
const rootFlag = process.argv.indexOf("--root");
const root = rootFlag > 0 && process.argv[rootFlag + 1] ? process.argv[rootFlag + 1]! : join(import.meta.dirname, "..");
/** Unchanged catalogues come from the cache (gitignored, below node_modules/), unless `--full` or `--no-cache`. */
const full = process.argv.includes("--full") || process.argv.includes("--no-cache");
const cache = full
  ? undefined
  : { dir: join(root, "node_modules", ".cache", "coursehooks"), generated: join(root, "generated") };
const started = performance.now();
const result = await generate(root, { cache }).catch((error: unknown) => {
  // A failure while emitting (after the schemas passed their checks): say what, write nothing.
  const message = error instanceof Error ? error.message : String(error);
  console.error(`${message}\n\nGeneration failed; generated/ was left as it was.`);
  process.exit(1);
});
if (!result.ok) {
  for (const problem of result.problems) console.error(formatProblem(problem));
  console.error(`\n${result.problems.length} problem(s); generated/ was left as it was.`);
  process.exit(1);
}
const summary = replaceFolder(join(root, "generated"), result.files, result.verified);
// What each file is now, so the next run need not read back the files it vouches for.
if (cache !== undefined) writeStamps(cache.dir, cache.generated, result.hashes);
const providers = new Set(result.catalogues.map((c) => c.path.split("/")[0]));
const events = result.catalogues.reduce((n, c) => n + c.events.length, 0);
const ms = Math.round(performance.now() - started);
console.log(
  `Generated ${providers.size} providers (${result.catalogues.length} catalogues), ${events} events, ` +
    `${result.files.size} files into generated/ (${summary.written.length} written, ` +
    `${summary.deleted.length} deleted, ${summary.unchanged} unchanged) in ${ms} ms; ` +
    `${result.built.length} catalogue(s) emitted, ${result.reused.length} from the cache.`,
);
