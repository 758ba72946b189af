#!/usr/bin/env node
// The `coursehooks` command of this repository (`npx coursehooks send …`): runs scripts/coursehooks.ts.
import { tsImport } from "tsx/esm/api";

await tsImport("./coursehooks.ts", import.meta.url);
