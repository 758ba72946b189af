#!/usr/bin/env node
// The `coursehooks` bin (bundled into cli/dist/coursehooks.js by `npm run build:cli`).
import { main } from "./main.js";

await main(process.argv.slice(2));
