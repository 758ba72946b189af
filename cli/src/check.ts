// `coursehooks check`: validates captured deliveries against an installed package and reports drift per event type.
// Plain functions that return data; only the CLI's main prints and exits.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathText } from "../../generator/runtime/issues.js";
import { isObject } from "../../generator/schema-walk.js";
import { optionalFields, presentFields, under } from "./check-fields.js";
import { loadPackage, loadTesting, providerPath } from "./providers.js";

/** Where a delivery was read: the file, and the line in a JSON Lines file. */
export interface Location {
  file: string;
  line?: number;
}

export interface Delivery {
  location: Location;
  value: unknown;
}

/** What the files held. */
export interface Read {
  /** Files read (a file that cannot be read is not counted). */
  files: number;
  deliveries: Delivery[];
  unreadable: Unreadable[];
}

/** A file or line that could not be read or is not JSON. */
export interface Unreadable extends Location {
  message: string;
}

export interface IssueReport {
  /** `data.course.price`, `data.items[0].id`, `(root)`. */
  path: string;
  message: string;
}

export interface InvalidDelivery extends Location {
  issues: IssueReport[];
}

export interface UndocumentedField {
  path: string;
  /** How many valid deliveries carry it. */
  count: number;
  example: Location;
}

/** What the valid deliveries of one schema carried. */
export interface SchemaReport {
  schema: string;
  valid: number;
  undocumented: UndocumentedField[];
  /** Documented optional fields present in no valid delivery (not those below another one listed). */
  neverSeen: string[];
}

export interface EventReport {
  type: string;
  valid: number;
  invalid: number;
  unknown: number;
  /** The first delivery of an unknown type. */
  example?: Location;
  invalidDeliveries: InvalidDelivery[];
  schemas: SchemaReport[];
}

export interface CheckReport {
  provider: string;
  files: number;
  totals: { deliveries: number; valid: number; invalid: number; unknown: number; unreadable: number };
  events: EventReport[];
  unreadable: Unreadable[];
}

type Json = Record<string, unknown>;
type Issue = { path: Array<string | number>; message: string };
type ParseResult =
  | { ok: true; event: unknown }
  | { ok: false; error: { code: string; type?: string; issues?: Issue[] } };

/** What check needs of a generated package. */
export interface CheckedPackage {
  parse(input: unknown): ParseResult;
  drift(event: never): { fields: string[] };
}

/** One schema of the catalogue: its event type, its guard and its bundled JSON Schema. */
export interface SchemaEntry {
  name: string;
  eventType: string;
  accepts(value: unknown): boolean;
  jsonSchema: Json;
}

export interface Checker {
  provider: string;
  /** The envelope property that carries the event type (`type`, `event`). */
  typeProperty: string;
  pkg: CheckedPackage;
  schemas: SchemaEntry[];
}

const require = createRequire(import.meta.url);

/** Imports the provider's installed package by name and pairs each schema with its guard and shipped JSON Schema. */
export async function loadChecker(provider: string): Promise<Checker> {
  const path = providerPath(provider);
  const [pkg, testing] = await Promise.all([loadPackage(path), loadTesting(path)]);
  const schemas = testing.events.map((event): SchemaEntry => {
    const guard = pkg[event.guard];
    if (typeof guard !== "function") throw new Error(`@coursehooks/${path} exports no ${event.guard}`);
    const file = require.resolve(`@coursehooks/${path}/schemas/${event.schema}.json`);
    const jsonSchema = JSON.parse(readFileSync(file, "utf8")) as Json;
    return { name: event.schema, eventType: event.type, accepts: (value) => guard(value) === true, jsonSchema };
  });
  return { provider: path, typeProperty: testing.typeProperty, pkg: pkg as CheckedPackage, schemas };
}

const deliveryFile = /\.(json|jsonl|ndjson)$/i;
const linesFile = /\.(jsonl|ndjson)$/i;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return filesUnder(path);
      return entry.isFile() && deliveryFile.test(entry.name) ? [path] : [];
    });
}

function parseJson(text: string, location: Location): Delivery | Unreadable {
  try {
    return { location, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ...location, message: `not valid JSON: ${(error as Error).message}` };
  }
}

/**
 * Reads deliveries: a `.json` file is one delivery, a `.jsonl`/`.ndjson` file one per non-blank line, a folder
 * every such file below it. A file named explicitly is read whatever its extension (as one JSON delivery).
 */
export function readDeliveries(paths: readonly string[]): Read {
  const deliveries: Delivery[] = [];
  const unreadable: Unreadable[] = [];
  let files = 0;
  for (const path of paths) {
    let list: string[];
    try {
      list = statSync(path).isDirectory() ? filesUnder(path) : [path];
    } catch (error) {
      unreadable.push({ file: path, message: `cannot read: ${(error as Error).message}` });
      continue;
    }
    for (const file of list) {
      let text: string;
      try {
        text = readFileSync(file, "utf8");
      } catch (error) {
        unreadable.push({ file, message: `cannot read: ${(error as Error).message}` });
        continue;
      }
      files++;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      const parsed = linesFile.test(file)
        ? text.split(/\r?\n/).flatMap((line, i) => (line.trim() ? [parseJson(line, { file, line: i + 1 })] : []))
        : [parseJson(text, { file })];
      for (const result of parsed) {
        if ("value" in result) deliveries.push(result);
        else unreadable.push(result);
      }
    }
  }
  return { files, deliveries, unreadable };
}

/** The schema a valid event matched: the first of its type's schemas whose guard accepts it (as `drift` picks). */
export function matchSchema(schemas: readonly SchemaEntry[], type: string, value: unknown): SchemaEntry | undefined {
  return schemas.find((entry) => entry.eventType === type && entry.accepts(value));
}

interface SchemaTally {
  entry: SchemaEntry;
  valid: number;
  seen: Set<string>;
  undocumented: Map<string, UndocumentedField>;
}

/** Checks parsed deliveries with a package: counts, issues and drift per event type. */
export function checkDeliveries(checker: Checker, read: Read): CheckReport {
  const events = new Map<string, EventReport>();
  const tallies = new Map<string, SchemaTally>();
  const eventFor = (type: string): EventReport => {
    let report = events.get(type);
    if (!report) {
      report = { type, valid: 0, invalid: 0, unknown: 0, invalidDeliveries: [], schemas: [] };
      events.set(type, report);
    }
    return report;
  };
  for (const { location, value } of read.deliveries) {
    const typeValue = isObject(value) ? value[checker.typeProperty] : undefined;
    const result = checker.pkg.parse(value);
    if (!result.ok) {
      if (result.error.code === "unknown_event") {
        const report = eventFor(result.error.type ?? String(typeValue));
        report.unknown++;
        report.example ??= location;
        continue;
      }
      const report = eventFor(typeof typeValue === "string" ? typeValue : "(no event type)");
      report.invalid++;
      const issues = (result.error.issues ?? []).map((issue) => ({
        path: pathText(issue.path),
        message: issue.message,
      }));
      report.invalidDeliveries.push({ ...location, issues });
      continue;
    }
    const type = String(typeValue);
    eventFor(type).valid++;
    const entry = matchSchema(checker.schemas, type, value);
    if (!entry) continue;
    let tally = tallies.get(entry.name);
    if (!tally) {
      tally = { entry, valid: 0, seen: new Set(), undocumented: new Map() };
      tallies.set(entry.name, tally);
    }
    tally.valid++;
    presentFields(value, "", tally.seen);
    for (const path of checker.pkg.drift(value as never).fields) {
      const field = tally.undocumented.get(path);
      if (field) field.count++;
      else tally.undocumented.set(path, { path, count: 1, example: location });
    }
  }
  for (const tally of [...tallies.values()].sort((a, b) => (a.entry.name < b.entry.name ? -1 : 1))) {
    const neverSeen: string[] = [];
    for (const path of optionalFields(tally.entry.jsonSchema)) {
      if (!tally.seen.has(path) && !neverSeen.some((parent) => under(path, parent))) neverSeen.push(path);
    }
    eventFor(tally.entry.eventType).schemas.push({
      schema: tally.entry.name,
      valid: tally.valid,
      undocumented: [...tally.undocumented.values()].sort((a, b) => b.count - a.count || (a.path < b.path ? -1 : 1)),
      neverSeen,
    });
  }
  const list = [...events.values()].sort((a, b) => (a.type < b.type ? -1 : a.type > b.type ? 1 : 0));
  const sum = (key: "valid" | "invalid" | "unknown") => list.reduce((n, e) => n + e[key], 0);
  return {
    provider: checker.provider,
    files: read.files,
    totals: {
      deliveries: read.deliveries.length,
      valid: sum("valid"),
      invalid: sum("invalid"),
      unknown: sum("unknown"),
      unreadable: read.unreadable.length,
    },
    events: list,
    unreadable: [...read.unreadable],
  };
}

/** Reads `paths` and checks them against `provider`'s package. */
export async function check(provider: string, paths: readonly string[]): Promise<CheckReport> {
  const checker = await loadChecker(provider);
  return checkDeliveries(checker, readDeliveries(paths));
}

/** 1 when a delivery is invalid or a file or line could not be read, else 0. */
export const exitCode = (report: CheckReport): 0 | 1 =>
  report.totals.invalid > 0 || report.totals.unreadable > 0 ? 1 : 0;
