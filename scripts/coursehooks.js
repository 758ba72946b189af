#!/usr/bin/env node
// The `coursehooks` command of this repository (`npx coursehooks …`): the same bundle that @coursehooks/cli
// publishes, built from cli/src by `npm run build:cli`.
import "../cli/dist/coursehooks.js";
