import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Biome } from "@biomejs/js-api/nodejs";
import { toolRoot } from "../cache/version.js";

/** Formats a generated source file as the repository's formatter would; data modules are returned as they are. */
export type Format = (path: string, text: string) => string;

/**
 * Generated modules that hold data rather than code (the schemas as literals, the examples) are written compactly
 * and left out of the repository's formatter and linter, like the bundles and AJV's standalone code.
 */
export const unformatted = /(^|\/)(json-schemas\.ts|examples\.ts|validators\.js)$/;

/** A formatter with the repository's Biome configuration (the same pinned version as `npm run lint`). */
export function biomeFormatter(): Format {
  const biome = new Biome();
  const { projectKey } = biome.openProject(toolRoot);
  biome.applyConfiguration(projectKey, JSON.parse(readFileSync(join(toolRoot, "biome.json"), "utf8")));
  return (path, text) => {
    // The runtime is copied from generator/runtime/, which the repository's formatter already keeps formatted.
    if (!path.endsWith(".ts") || unformatted.test(path) || path.startsWith("runtime/")) return text;
    const result = biome.formatContent(projectKey, text, { filePath: path });
    const errors = result.diagnostics.filter((d) => d.severity === "error" || d.severity === "fatal");
    if (errors.length)
      throw new Error(`${path} could not be formatted: ${errors.map((d) => d.description).join("; ")}`);
    return result.content;
  };
}

/** Every source of an entry, formatted. */
export const formatAll = (format: Format, sources: ReadonlyMap<string, string>): Map<string, string> =>
  new Map([...sources].map(([path, text]) => [path, format(path, text)]));
