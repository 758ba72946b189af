import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { projectRoot } from "../test/helpers/catalogues.js";
import type { Catalogue } from "../generator/catalogue.js";

/** Bytes of a bundle that imports one thing from a package: esbuild, minified, and gzipped by node:zlib. */
export interface BundleSize {
  catalogue: string;
  /** `isCourseJoin`, `parse`. */
  entry: string;
  minified: number;
  gzipped: number;
}

async function bundleSize(catalogue: string, name: string): Promise<BundleSize> {
  const entry = join(projectRoot, "generated", catalogue, "dist", "index.js");
  const result = await build({
    stdin: { contents: `export { ${name} } from ${JSON.stringify(entry)};`, resolveDir: projectRoot, loader: "js" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "neutral",
    write: false,
    legalComments: "none",
    logLevel: "silent",
  });
  const code = result.outputFiles[0]!.contents;
  return { catalogue, entry: name, minified: code.length, gzipped: gzipSync(code, { level: 9 }).length };
}

/** For each package, the bundle of each event's guard and of `parse`. */
export async function bundleSizes(list: readonly Catalogue[]): Promise<BundleSize[]> {
  const out: BundleSize[] = [];
  for (const c of list) {
    for (const event of c.events) out.push(await bundleSize(c.path, event.validatorName.replace(/^validate/, "is")));
    out.push(await bundleSize(c.path, "parse"));
  }
  return out;
}
