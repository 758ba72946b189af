import { readFileSync } from "node:fs";
import { join } from "node:path";
import JSON5 from "json5";

export const schemasDir = join(import.meta.dirname, "..", "..", "schemas");

export interface ExampleSource {
  schema: string;
  document: string;
  section: string;
  published: string;
}

/** The examples manifest of a catalogue (`teachfloor`, `teachfloor/early`, …). */
export function exampleManifest(catalogue: string): Record<string, ExampleSource> {
  return JSON.parse(readFileSync(join(schemasDir, catalogue, "examples", "examples.json"), "utf8"));
}

/** The verbatim text of a stored example. */
export function exampleText(catalogue: string, file: string): string {
  return readFileSync(join(schemasDir, catalogue, "examples", file), "utf8");
}

/** A stored example parsed with json5 (every published sample parses that way, JSON or not). */
export function example(catalogue: string, file: string): unknown {
  return JSON5.parse(exampleText(catalogue, file));
}
