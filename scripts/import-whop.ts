import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { applyPlan, readCatalogue } from "../generator/import/apply.js";
import { curatedDifferences } from "../generator/import/curated.js";
import { loadSdk } from "../generator/import/load-sdk.js";
import { planImport } from "../generator/import/whop.js";

const usage = "Usage: npm run import:whop -- [--check] [--dir <schemas/whop folder>] [--sdk <@whop/sdk folder>]";

/**
 * Imports every webhook event of the installed @whop/sdk into schemas/whop: files carrying the import's marker are
 * rewritten or removed, hand-curated files are left alone and their differences from the SDK are printed. With
 * `--check` nothing is written and the exit code is 1 when the import would change a file.
 */
export async function main(argv: readonly string[], root: string, print: (text: string) => void): Promise<number> {
  const value = (flag: string): string | undefined => (argv.includes(flag) ? argv[argv.indexOf(flag) + 1] : undefined);
  const dir = value("--dir") ?? join(root, "schemas", "whop");
  const sdkDir = value("--sdk") ?? join(root, "node_modules", "@whop", "sdk");
  if ((argv.includes("--dir") && !value("--dir")) || (argv.includes("--sdk") && !value("--sdk"))) {
    print(usage);
    return 2;
  }
  try {
    const { sdk, package: pkg } = loadSdk(sdkDir);
    const existing = readCatalogue(dir);
    const plan = planImport({ sdk, package: pkg, existing });
    print(`${pkg.name}@${pkg.version}: ${plan.events.length} webhook events.`);
    for (const { path, changes } of await curatedDifferences(plan, existing)) {
      print(`${path} is curated by hand and left as it is; the SDK alone would give:`);
      for (const c of changes) print(`  ${c.path || "(event)"}: ${c.change}`);
      if (!changes.length) print("  the same shape");
    }
    const stale = [...plan.write].filter(([path, text]) => existing.get(path) !== text).map(([path]) => path);
    if (argv.includes("--check")) {
      for (const path of [...stale, ...plan.remove]) print(`out of date: schemas/whop/${path}`);
      if (stale.length || plan.remove.length) print("Run `npm run import:whop`, then `npm run generate`.");
      return stale.length || plan.remove.length ? 1 : 0;
    }
    const { written, removed } = applyPlan(dir, plan);
    print(`wrote ${written.length} files, removed ${removed.length}, ${plan.write.size - written.length} unchanged.`);
    return 0;
  } catch (error) {
    print(`import:whop: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exit(await main(process.argv.slice(2), join(import.meta.dirname, ".."), (text) => console.log(text)));
}
