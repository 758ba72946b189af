// How cli/dist/coursehooks.js is built from cli/src: one ES module for Node 20+, the provider packages left to
// be imported from where they are installed. `npm run build:cli` writes it; a test fails when it is stale.
import { join } from "node:path";
import { build } from "esbuild";

export const cliDir = import.meta.dirname;
export const cliBundle = join(cliDir, "dist", "coursehooks.js");
export const rebuildCommand = "npm run build:cli";

/** The bundle's text, built in memory. */
export async function buildCli(): Promise<string> {
  const result = await build({
    entryPoints: [join(cliDir, "src", "bin.ts")],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    external: ["@coursehooks/*"],
    banner: { js: `// Built from cli/src by \`${rebuildCommand}\`. Do not edit.` },
    legalComments: "none",
    write: false,
    logLevel: "silent",
    outfile: cliBundle,
    absWorkingDir: join(cliDir, ".."),
  });
  return result.outputFiles[0]!.text;
}
