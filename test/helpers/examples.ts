import { readFileSync } from "node:fs";
import { join } from "node:path";
import JSON5 from "json5";
import type { Catalogue, EventSchema } from "../../generator/catalogue.js";

export const schemasDir = join(import.meta.dirname, "..", "..", "schemas");

/**
 * Where a stored example comes from. `document` names its source document among the seed documents (checked verbatim
 * against it by `npm run test:sources`); an example published elsewhere (a provider's docs page or SDK, a captured
 * delivery) has no `document` but says when it was `retrieved` from `published`.
 */
export interface ExampleSource {
  schema: string;
  section: string;
  published: string;
  document?: string;
  retrieved?: string;
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

/** A documented example of an event (not of a shared object), in every form the tests feed it. */
export interface EventExample {
  catalogue: string;
  file: string;
  event: EventSchema;
  /** The file as stored. */
  bytes: Uint8Array;
  text: string;
  /** Whether the file is JSON (`.json`) rather than JSON5 (`.json5`). */
  json: boolean;
  /** The payload, parsed with json5 (which every published sample parses with). */
  value: unknown;
  /** The body as the provider sends it (see `asSent`). */
  body: string;
}

/** The catalogue's examples of event schemas, in manifest order. */
export function eventExamples(c: Catalogue): EventExample[] {
  return Object.entries(exampleManifest(c.path)).flatMap(([file, source]): EventExample[] => {
    const event = c.events.find((e) => e.stem === source.schema);
    if (!event) return [];
    const bytes = new Uint8Array(readFileSync(join(schemasDir, c.path, "examples", file)));
    const text = new TextDecoder().decode(bytes);
    return [
      {
        catalogue: c.path,
        file,
        event,
        bytes,
        text,
        json: file.endsWith(".json"),
        value: JSON5.parse(text),
        body: asSent(file, text),
      },
    ];
  });
}

/**
 * A stored example as the provider sends it: JSON as published, a sample that is not JSON (eduMe's) as compact JSON.
 */
export const asSent = (file: string, text: string): string =>
  file.endsWith(".json") ? text : JSON.stringify(JSON5.parse(text));
