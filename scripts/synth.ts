import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { synthProject } from "../generator/synth/project.js";

/**
 * `npm run synth -- <events> <dir> [--providers K] [--seed S]`: a synthetic project root for `generate --root <dir>`.
 */
const args = process.argv.slice(2);
const flag = (name: string, fallback: number) => {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args.splice(at, 2)[1]) : fallback;
};
const providers = flag("--providers", 3);
const seed = flag("--seed", 1);
const [count, dir] = args;
const events = Number(count);
if (!dir || !Number.isInteger(events) || events < 1 || !Number.isInteger(providers) || providers < 1) {
  console.error("Usage: npm run synth -- <events> <dir> [--providers K] [--seed S]");
  process.exit(2);
}
const root = resolve(dir);
const files = synthProject({ events, providers, seed });
rmSync(join(root, "schemas"), { recursive: true, force: true });
for (const [path, text] of files) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}
console.log(`Wrote ${files.size} files (${events} events over ${providers} providers) into ${root}.`);
