import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { compareRevisions } from "../generator/breaking/compare.js";
import { formatChangelog, formatReport, withRelease } from "../generator/breaking/report.js";
import { checkRef } from "../generator/breaking/revision.js";

const usage =
  "Usage: npm run breaking -- --base <git-ref> [--head <git-ref>] [--changelog] [--write-changelog] [--root <dir>]";

/**
 * Compares the schemas at `--base` with the work tree (or `--head`), prints every change per package and returns
 * the exit code: 1 when a package's version does not reflect a breaking change, 2 on a usage or schema error.
 */
export async function main(argv: readonly string[], root: string, print: (text: string) => void): Promise<number> {
  const value = (flag: string): string | undefined => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const base = value("--base");
  const head = value("--head");
  const dir = value("--root") ?? root;
  if (!base || base.startsWith("--") || (argv.includes("--head") && !head)) {
    print(usage);
    return 2;
  }
  try {
    checkRef(dir, base);
    if (head !== undefined) checkRef(dir, head);
    const reports = await compareRevisions(dir, base, head);
    print(formatReport(reports, base, head ?? "the work tree"));
    if (argv.includes("--changelog")) print(`\n${formatChangelog(reports)}`);
    if (argv.includes("--write-changelog")) {
      // schemas/<package>/CHANGELOG.md is the source; `npm run generate` ships it in the package.
      for (const report of reports.filter((r) => r.changes.length)) {
        const file = join(dir, "schemas", report.package, "CHANGELOG.md");
        writeFileSync(file, withRelease(existsSync(file) ? readFileSync(file, "utf8") : undefined, report));
        print(`wrote ${join("schemas", report.package, "CHANGELOG.md")}`);
      }
    }
    return reports.every((r) => r.check.ok) ? 0 : 1;
  } catch (error) {
    print(`breaking: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exit(await main(process.argv.slice(2), join(import.meta.dirname, ".."), (text) => console.log(text)));
}
