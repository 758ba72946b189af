// `coursehooks check`: validates captured deliveries against a package and reports drift per event type.
// Plain functions that return data; only scripts/coursehooks.ts prints and exits.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { buildCatalogues, type Catalogue } from "../generator/catalogue.js";
import { loadSchemas } from "../generator/load.js";
import { pathText } from "../generator/runtime/issues.js";
import { isObject } from "../generator/schema-walk.js";
import { findCatalogue, UsageError } from "./deliveries.js";

export { UsageError };

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

/** `teachfloor`, `teachfloor/early` (or `teachfloor-early`) → its catalogue; anything else is a UsageError. */
const catalogueOf = (root: string, provider: string): Catalogue =>
  findCatalogue(buildCatalogues(loadSchemas(join(root, "schemas")).files).catalogues, provider);

/** Imports the provider's package by name and pairs each schema with its guard and bundled JSON Schema. */
export async function loadChecker(root: string, provider: string): Promise<Checker> {
  const catalogue = catalogueOf(root, provider);
  const pkg = (await import(`@coursehooks/${catalogue.path}`)) as CheckedPackage & Record<string, unknown>;
  const schemas = catalogue.events.map((event): SchemaEntry => {
    const guard = pkg[event.validatorName];
    if (typeof guard !== "function") {
      throw new Error(`@coursehooks/${catalogue.path} exports no ${event.validatorName}`);
    }
    const file = join(root, "generated", catalogue.path, "schemas", `${event.stem}.json`);
    const jsonSchema = JSON.parse(readFileSync(file, "utf8")) as Json;
    return { name: event.stem, eventType: event.eventType, accepts: (value) => guard(value) === true, jsonSchema };
  });
  return { provider: catalogue.path, typeProperty: catalogue.typeProperty, pkg, schemas };
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

/** The names a schema requires of its object, with those its allOf branches (which all apply) require. */
function requiredNames(schema: Json): string[] {
  const own = Array.isArray(schema.required) ? schema.required.map(String) : [];
  const allOf = Array.isArray(schema.allOf) ? schema.allOf.filter(isObject) : [];
  return [...own, ...allOf.flatMap(requiredNames)];
}

/** A schema and its allOf, anyOf and oneOf branches, each with the names required of the object it describes. */
function objectViews(schema: unknown, inherited: ReadonlySet<string>): Array<{ schema: Json; required: Set<string> }> {
  if (!isObject(schema)) return [];
  const required = new Set([...inherited, ...requiredNames(schema)]);
  const nested = ["allOf", "anyOf", "oneOf"].flatMap((k) => (Array.isArray(schema[k]) ? (schema[k] as unknown[]) : []));
  return [{ schema, required }, ...nested.flatMap((branch) => objectViews(branch, required))];
}

function collectOptional(schema: unknown, path: string, optional: Set<string>): void {
  for (const view of objectViews(schema, new Set())) {
    const properties = isObject(view.schema.properties) ? view.schema.properties : {};
    for (const [name, property] of Object.entries(properties)) {
      const at = path ? `${path}.${name}` : name;
      if (!view.required.has(name)) optional.add(at);
      collectOptional(property, at, optional);
    }
    const items = view.schema.items;
    for (const item of Array.isArray(items) ? items : [items]) collectOptional(item, `${path}[]`, optional);
  }
}

/**
 * The documented optional fields of a JSON Schema, as paths (`data.member.nickname`, `data.plans[].tax`): properties
 * walked through allOf/anyOf/oneOf and `items`; a property its object does not require is optional. A property
 * required by one branch and optional in another counts as optional.
 */
export function optionalFields(schema: Json): string[] {
  const optional = new Set<string>();
  collectOptional(schema, "", optional);
  return [...optional].sort();
}

/** Every field path present in a value (`null` values included), arrays as `[]`. */
export function presentFields(value: unknown, path = "", found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) presentFields(item, `${path}[]`, found);
  else if (isObject(value)) {
    for (const [key, child] of Object.entries(value)) {
      const at = path ? `${path}.${key}` : key;
      found.add(at);
      presentFields(child, at, found);
    }
  }
  return found;
}

const under = (path: string, parent: string): boolean =>
  path.startsWith(`${parent}.`) || path.startsWith(`${parent}[]`);

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
export function checkDeliveries(
  checker: Checker,
  read: Read,
): CheckReport {
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
    if (!tally) tallies.set(entry.name, (tally = { entry, valid: 0, seen: new Set(), undocumented: new Map() }));
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
export async function check(root: string, provider: string, paths: readonly string[]): Promise<CheckReport> {
  const checker = await loadChecker(root, provider);
  return checkDeliveries(checker, readDeliveries(paths));
}

/** 1 when a delivery is invalid or a file or line could not be read, else 0. */
export const exitCode = (report: CheckReport): 0 | 1 =>
  report.totals.invalid > 0 || report.totals.unreadable > 0 ? 1 : 0;

export interface CheckArgs {
  provider: string;
  paths: string[];
  json: boolean;
}

/** `<provider> <file-or-folder>... [--json]` (the arguments after `check`); a UsageError when they are wrong. */
export function parseCheckArgs(args: readonly string[]): CheckArgs {
  const options = args.filter((arg) => arg.startsWith("-"));
  const unknown = options.find((arg) => arg !== "--json");
  if (unknown) throw new UsageError(`unknown option ${unknown}`);
  const [provider, ...paths] = args.filter((arg) => !arg.startsWith("-"));
  if (!provider) throw new UsageError("missing <provider>");
  if (paths.length === 0) throw new UsageError("missing <file-or-folder>");
  return { provider, paths, json: options.length > 0 };
}

const at = (location: Location): string =>
  location.line === undefined ? location.file : `${location.file}:${location.line}`;
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

/** Comma-separated paths, wrapped to lines of at most `width` characters after `indent`. */
function wrap(items: readonly string[], indent: string, width = 100): string[] {
  const lines: string[] = [];
  let line = "";
  for (const item of items) {
    const next = line ? `${line}, ${item}` : item;
    if (line && indent.length + next.length > width) {
      lines.push(`${indent}${line},`);
      line = item;
    } else line = next;
  }
  if (line) lines.push(`${indent}${line}`);
  return lines;
}

/** At most this many invalid deliveries are listed per event type in text (`--json` has them all). */
const maxInvalidShown = 5;
/** At most this many issues are listed per invalid delivery in text. */
const maxIssuesShown = 5;

/** The report as text to paste into a GitHub issue: a header, then one compact block per event type. */
export function formatReport(report: CheckReport): string {
  const { totals } = report;
  const counts = [
    `${totals.valid} valid`,
    `${totals.invalid} invalid`,
    `${totals.unknown} unknown`,
    ...(totals.unreadable > 0 ? [`${totals.unreadable} unreadable`] : []),
  ];
  const lines = [
    `coursehooks check ${report.provider}: ${plural(report.files, "file")}, ${totals.deliveries} ` +
      `${totals.deliveries === 1 ? "delivery" : "deliveries"} (${counts.join(", ")})`,
  ];
  for (const event of report.events) {
    lines.push("");
    if (event.valid + event.invalid === 0) {
      const example = event.example ? ` (e.g. ${at(event.example)})` : "";
      lines.push(`${event.type}: unknown event type, ${event.unknown}${example}`);
      continue;
    }
    const unknown = event.unknown ? [`${event.unknown} unknown`] : [];
    const counted = [`${event.valid} valid`, `${event.invalid} invalid`, ...unknown];
    lines.push(`${event.type}: ${counted.join(", ")}`);
    for (const invalid of event.invalidDeliveries.slice(0, maxInvalidShown)) {
      lines.push(`  invalid ${at(invalid)}`);
      for (const issue of invalid.issues.slice(0, maxIssuesShown)) {
        lines.push(`    ${issue.message.startsWith(issue.path) ? issue.message : `${issue.path}: ${issue.message}`}`);
      }
      if (invalid.issues.length > maxIssuesShown) lines.push(`    … ${invalid.issues.length - maxIssuesShown} more`);
    }
    if (event.invalidDeliveries.length > maxInvalidShown) {
      lines.push(`  … ${event.invalidDeliveries.length - maxInvalidShown} more invalid (--json lists them all)`);
    }
    const named = event.schemas.length > 1 || event.schemas.some((s) => s.schema !== event.type);
    for (const schema of event.schemas) {
      const indent = named ? "    " : "  ";
      if (named) lines.push(`  ${schema.schema}: ${schema.valid} valid`);
      if (schema.undocumented.length > 0) {
        lines.push(`${indent}undocumented fields:`);
        for (const field of schema.undocumented) {
          lines.push(`${indent}  ${field.path} ×${field.count} (e.g. ${at(field.example)})`);
        }
      }
      if (schema.neverSeen.length > 0) {
        lines.push(`${indent}optional fields never seen:`);
        lines.push(...wrap(schema.neverSeen, `${indent}  `));
      }
    }
  }
  if (report.unreadable.length > 0) {
    lines.push("", "unreadable:");
    for (const problem of report.unreadable) lines.push(`  ${at(problem)}: ${problem.message}`);
  }
  return lines.join("\n");
}
