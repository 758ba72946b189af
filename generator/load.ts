import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import type { Problem } from "./problem.js";

/** A schema file as read from disk. */
export interface SchemaFile {
  /** Path below `schemas/`, with forward slashes. */
  path: string;
  text: string;
  json: Record<string, unknown>;
}

function schemaPaths(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".schema.json"))
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join("/"))
    .sort();
}

/** Where a JSON syntax error is, as `line L, column C`, from the position Node reports. */
function syntaxLocation(text: string, message: string): string {
  const position = /position (\d+)/.exec(message);
  if (!position) return message;
  const before = text.slice(0, Number(position[1]));
  const line = before.split("\n").length;
  const column = before.length - before.lastIndexOf("\n");
  return `${message.replace(/ in JSON at position \d+.*$/, "")} at line ${line}, column ${column}`;
}

/** Reads every `*.schema.json` below `dir`, in path order; a file that is not a JSON object is a problem. */
export function loadSchemas(dir: string): { files: SchemaFile[]; problems: Problem[] } {
  const files: SchemaFile[] = [];
  const problems: Problem[] = [];
  for (const path of schemaPaths(dir)) {
    const text = readFileSync(join(dir, path), "utf8");
    try {
      const json: unknown = JSON.parse(text);
      if (typeof json !== "object" || json === null || Array.isArray(json)) {
        problems.push({ file: path, pointer: "", message: "A schema file holds one JSON object." });
      } else {
        files.push({ path, text, json: json as Record<string, unknown> });
      }
    } catch (error) {
      problems.push({
        file: path,
        pointer: "",
        message: `Not valid JSON: ${syntaxLocation(text, (error as Error).message)}`,
      });
    }
  }
  return { files, problems };
}
