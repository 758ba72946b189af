// `npm run build:cli`: writes cli/dist/coursehooks.js from cli/src.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { buildCli, cliBundle } from "../cli/build.js";

const text = await buildCli();
mkdirSync(dirname(cliBundle), { recursive: true });
writeFileSync(cliBundle, text, { mode: 0o755 });
console.log(`Wrote ${cliBundle} (${(text.length / 1024).toFixed(1)} KiB).`);
