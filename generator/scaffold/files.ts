import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import JSON5 from "json5";
import type { Catalogue } from "../catalogue.js";
import { typeName } from "../naming.js";
import { conventionsOf } from "./conventions.js";
import { Refused } from "./errors.js";
import { eventSchema, stemOf, type EventRequest, type Payload } from "./event.js";
import { schemaText } from "./format.js";

/** What the command asks for, checked: the catalogue, the event, its docs page, and optionally a payload file. */
export interface NewEvent {
  catalogue: Catalogue;
  event: string;
  subType?: string | undefined;
  docs: string;
  section?: string | undefined;
  /** The payload file to infer the shape from and store as the example. */
  from?: string | undefined;
  /** The day the example was read from the docs page: `2026-11-24`. */
  retrieved: string;
}

/** A file to write, by its path below the project root; `create` files must not exist yet. */
export interface FileWrite {
  path: string;
  content: string | Uint8Array;
  create: boolean;
}

export interface Plan {
  stem: string;
  writes: FileWrite[];
  /** Things the person should look at that the files cannot say. */
  notes: string[];
}

/** Reads the payload file: its exact bytes, parsed as JSON, else as JSON5. */
function readPayload(file: string): { bytes: Uint8Array; value: unknown; json5: boolean } {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(file));
  } catch (error) {
    throw new Refused(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`);
  }
  const text = new TextDecoder().decode(bytes);
  try {
    return { bytes, value: JSON.parse(text), json5: false };
  } catch {
    try {
      return { bytes, value: JSON5.parse(text), json5: true };
    } catch (error) {
      throw new Refused(`${file} is neither JSON nor JSON5: ${(error as Error).message}.`);
    }
  }
}

const refuseExisting = (root: string, paths: readonly string[]) => {
  for (const path of paths)
    if (existsSync(join(root, path))) throw new Refused(`${path} already exists: not overwritten.`);
};

/** Top-level fields of the payload that the envelope does not describe. */
const outsideEnvelope = (value: unknown, known: readonly string[]): string[] =>
  typeof value === "object" && value !== null ? Object.keys(value).filter((key) => !known.includes(key)) : [];

/** The files that scaffold the event in the project at `root`: its schema, and with a payload its example and entry. */
export function planNewEvent(root: string, request: NewEvent): Plan {
  const c = conventionsOf(request.catalogue);
  const at = `schemas/${request.catalogue.path}`;
  const base: EventRequest = {
    catalogue: request.catalogue.path,
    event: request.event,
    subType: request.subType,
    docs: request.docs,
    section:
      request.section ??
      `${request.subType ? `${request.event} › ${request.subType}` : request.event} › example payload`,
  };
  const stem = stemOf(base);
  const schemaPath = `${at}/${stem}.schema.json`;
  refuseExisting(root, [schemaPath]);
  const name = typeName(`${request.catalogue.path}/${stem}.schema.json`);
  const clash = [...request.catalogue.events.map((e) => e.file), ...request.catalogue.commons].find(
    (f) => typeName(f.path) === name,
  );
  if (clash) throw new Refused(`${schemaPath} would be named ${name}, as schemas/${clash.path} is.`);
  if (request.from === undefined)
    return { stem, writes: [{ path: schemaPath, content: schemaText(eventSchema(base, c)), create: true }], notes: [] };

  const read = readPayload(request.from);
  const example = `${stem}.${read.json5 ? "json5" : "json"}`;
  refuseExisting(root, [`${at}/examples/${stem}.json`, `${at}/examples/${stem}.json5`]);
  const payload: Payload = { value: read.value, json5: read.json5, example };
  const schema = eventSchema({ ...base, payload }, c);
  const manifestPath = `${at}/examples/examples.json`;
  const manifest = existsSync(join(root, manifestPath))
    ? (JSON.parse(readFileSync(join(root, manifestPath), "utf8")) as Record<string, unknown>)
    : {};
  if (example in manifest) throw new Refused(`${manifestPath} already lists ${example}: not overwritten.`);
  manifest[example] = { schema: stem, section: base.section, published: request.docs, retrieved: request.retrieved };
  const extra = outsideEnvelope(read.value, c.envelopeProperties);
  const notes = extra.length
    ? [
        `The payload's top level also has ${extra.join(", ")}, ` +
          `which ${at}/common/envelope.schema.json does not describe.`,
      ]
    : [];
  return {
    stem,
    writes: [
      { path: schemaPath, content: schemaText(schema), create: true },
      { path: `${at}/examples/${example}`, content: read.bytes, create: true },
      { path: manifestPath, content: `${JSON.stringify(manifest, null, 2)}\n`, create: false },
    ],
    notes,
  };
}

/** Writes a plan's files below `root`; a file to create that appeared meanwhile is not overwritten. */
export function writePlan(root: string, plan: Plan): void {
  for (const write of plan.writes) {
    const path = join(root, write.path);
    mkdirSync(dirname(path), { recursive: true });
    try {
      writeFileSync(path, write.content, { flag: write.create ? "wx" : "w" });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "EEXIST")
        throw new Refused(`${write.path} already exists: not overwritten.`);
      throw error;
    }
  }
}
