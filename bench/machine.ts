import { readFileSync } from "node:fs";
import { cpus, totalmem, type, release } from "node:os";
import { join } from "node:path";
import { projectRoot } from "../test/helpers/catalogues.js";

/** The machine a bench ran on. */
export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
}

export function machine(): Machine {
  const list = cpus();
  return {
    cpu: list[0]?.model.trim() ?? "unknown",
    cores: list.length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    os: `${type()} ${release()}`,
    node: process.version,
  };
}

/** The libraries compared, and the tools that build the competitors. */
export const benchLibraries = ["ajv", "ajv-formats", "zod", "valibot", "typia", "typescript", "esbuild"] as const;

/** Installed versions, read from each library's package.json. */
export function versions(): Record<string, string> {
  return Object.fromEntries(
    benchLibraries.map((name) => {
      const file = join(projectRoot, "node_modules", name, "package.json");
      return [name, (JSON.parse(readFileSync(file, "utf8")) as { version: string }).version];
    }),
  );
}
