// Lists every line longer than 120 characters in the hand-written TypeScript and JavaScript that Biome checks.
// Biome formats code to 120 columns but cannot break long string literals or comments; this catches those.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

const limit = 120;
const folders = ["bench/", "generator/", "scripts/", "cli/src/", "test/", "checks/", "examples/"];
const excluded = ["test/fixtures/", "cli/dist/"];
const extensions = /\.(ts|mts|mjs|js)$/;

const files = execFileSync("git", ["ls-files", "--", ...folders], { encoding: "utf8" })
  .split("\n")
  .filter((file) => extensions.test(file) && !excluded.some((folder) => file.startsWith(folder)));

const long: string[] = [];
for (const file of files) {
  readFileSync(file, "utf8")
    .split("\n")
    .forEach((line, index) => {
      if (line.length > limit) long.push(`${file}:${index + 1}: ${line.length} characters`);
    });
}

if (long.length > 0) {
  console.error(long.join("\n"));
  console.error(`${long.length} lines longer than ${limit} characters`);
  process.exit(1);
}
console.log(`${files.length} files checked, no line longer than ${limit} characters`);
