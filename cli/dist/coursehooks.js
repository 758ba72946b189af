#!/usr/bin/env node
// Built from cli/src by `npm run build:cli`. Do not edit.

// cli/src/main.ts
import { readFileSync as readFileSync4 } from "node:fs";

// cli/src/args.ts
import { parseArgs } from "node:util";

// cli/src/errors.ts
var UsageError = class extends Error {
};
var UserError = class extends Error {
};

// cli/src/args.ts
var usage = `Usage: coursehooks <command> [options]

  send <provider> <event> --to <url> --secret <secret> [--file <payload.json>] [--no-validate] [--replay-id <id>]
      POST a test delivery signed exactly as the provider signs: the event's documented example, or --file
      (checked first; --no-validate sends it exactly as written), with a fresh delivery id and timestamp.
  verify <body-file> --header 'name: value'... --secret <secret> [--provider <provider>]
      Say whether a captured delivery's signature holds and, if not, the likely reason.
  events [<provider>]
      List the event types, sub-types and which have documented examples.
  check <provider> <file-or-folder>... [--json]
      Check captured deliveries (.json, .jsonl, .ndjson, folders) against the provider's package: valid,
      invalid and unknown per event type, undocumented fields, optional fields never seen.

Providers: teachfloor, teachfloor/early, teachify, edume, whop.
Events by their name on the wire: course.join; with a sub-type, course.updated:team.removed.
Options: --help, --version.`;
var commands = {
  send: {
    positionals: ["<provider>", "<event>"],
    options: {
      to: { type: "string" },
      secret: { type: "string" },
      file: { type: "string" },
      "no-validate": { type: "boolean" },
      "replay-id": { type: "string" }
    }
  },
  verify: {
    positionals: ["<body-file>"],
    options: {
      header: { type: "string", multiple: true, short: "H" },
      secret: { type: "string" },
      provider: { type: "string" }
    }
  },
  events: { positionals: ["<provider>?"], options: {} },
  check: { positionals: ["<provider>", "<file-or-folder>..."], options: { json: { type: "boolean" } } }
};
function shortMessage(error) {
  const option = /'(-[^' ]+)/.exec(error.message)?.[1];
  if (error.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") return `unknown option ${option ?? error.message}`;
  if (error.code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
    return /argument missing/.test(error.message) ? `${option} needs a value` : `${option} takes no value`;
  }
  return error.message;
}
function checkPositionals(command, spec, positionals) {
  const required2 = spec.positionals.filter((p) => !p.endsWith("?"));
  const list = spec.positionals.some((p) => p.endsWith("..."));
  if (positionals.length < required2.length) {
    throw new UsageError(`${command}: missing ${required2[positionals.length].replace(/\.\.\.$/, "")}`);
  }
  if (!list && positionals.length > spec.positionals.length) {
    throw new UsageError(`${command}: unexpected argument "${positionals[spec.positionals.length]}"`);
  }
}
function parseCommandLine(argv) {
  if (argv.includes("--help") || argv.includes("-h")) return { kind: "help" };
  if (argv.includes("--version") || argv.includes("-v")) return { kind: "version" };
  const [command, ...rest] = argv;
  if (command === void 0) throw new UsageError("missing command");
  const spec = commands[command];
  if (!spec || command.startsWith("-")) {
    throw new UsageError(command.startsWith("-") ? `unknown option ${command}` : `unknown command "${command}"`);
  }
  let parsed;
  try {
    parsed = parseArgs({ args: [...rest], options: spec.options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(`${command}: ${shortMessage(error)}`);
  }
  checkPositionals(command, spec, parsed.positionals);
  return {
    kind: "command",
    command,
    positionals: parsed.positionals,
    values: parsed.values
  };
}
function required(command, values, name) {
  const value = values[name];
  if (typeof value !== "string") throw new UsageError(`${command}: missing --${name}`);
  return value;
}

// cli/src/check.ts
import { readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

// generator/runtime/issues.ts
var pathText = (path) => path.length === 0 ? "(root)" : path.map((key, i) => typeof key === "number" ? `[${key}]` : i === 0 ? key : `.${key}`).join("");

// generator/schema-walk.ts
var isObject = (value) => typeof value === "object" && value !== null && !Array.isArray(value);

// cli/src/check-fields.ts
function requiredNames(schema) {
  const own = Array.isArray(schema.required) ? schema.required.map(String) : [];
  const allOf = Array.isArray(schema.allOf) ? schema.allOf.filter(isObject) : [];
  return [...own, ...allOf.flatMap(requiredNames)];
}
function objectViews(schema, inherited) {
  if (!isObject(schema)) return [];
  const required2 = /* @__PURE__ */ new Set([...inherited, ...requiredNames(schema)]);
  const nested = ["allOf", "anyOf", "oneOf"].flatMap((k) => Array.isArray(schema[k]) ? schema[k] : []);
  return [{ schema, required: required2 }, ...nested.flatMap((branch) => objectViews(branch, required2))];
}
function collectOptional(schema, path, optional) {
  for (const view of objectViews(schema, /* @__PURE__ */ new Set())) {
    const properties = isObject(view.schema.properties) ? view.schema.properties : {};
    for (const [name, property] of Object.entries(properties)) {
      const at2 = path ? `${path}.${name}` : name;
      if (!view.required.has(name)) optional.add(at2);
      collectOptional(property, at2, optional);
    }
    const items = view.schema.items;
    for (const item of Array.isArray(items) ? items : [items]) collectOptional(item, `${path}[]`, optional);
  }
}
function optionalFields(schema) {
  const optional = /* @__PURE__ */ new Set();
  collectOptional(schema, "", optional);
  return [...optional].sort();
}
function presentFields(value, path = "", found = /* @__PURE__ */ new Set()) {
  if (Array.isArray(value)) for (const item of value) presentFields(item, `${path}[]`, found);
  else if (isObject(value)) {
    for (const [key, child] of Object.entries(value)) {
      const at2 = path ? `${path}.${key}` : key;
      found.add(at2);
      presentFields(child, at2, found);
    }
  }
  return found;
}
var under = (path, parent) => path.startsWith(`${parent}.`) || path.startsWith(`${parent}[]`);

// cli/src/providers.ts
var providerPaths = ["teachfloor", "teachfloor/early", "teachify", "edume", "whop"];
function providerPath(provider) {
  const found = providerPaths.find((path) => path === provider || path.replace("/", "-") === provider);
  if (!found) throw new UsageError(`unknown provider "${provider}": one of ${[...providerPaths].sort().join(", ")}`);
  return found;
}
var loadPackage = async (path) => await import(`@coursehooks/${path}`);
var loadTesting = async (path) => await import(`@coursehooks/${path}/testing`);
function findEvent(path, testing, name) {
  const found = testing.events.find((e) => e.name === name) ?? testing.events.find((e) => e.schema === name);
  if (found) return found;
  const names = testing.events.map((e) => e.name);
  const subTypes = names.filter((n) => n.startsWith(`${name}:`));
  if (subTypes.length > 0) throw new UsageError(`${path} ${name} has sub-types: name one of ${subTypes.join(", ")}`);
  throw new UsageError(`unknown event "${name}" for ${path}: see coursehooks events ${path}`);
}

// cli/src/check.ts
var require2 = createRequire(import.meta.url);
async function loadChecker(provider) {
  const path = providerPath(provider);
  const [pkg, testing] = await Promise.all([loadPackage(path), loadTesting(path)]);
  const schemas = testing.events.map((event) => {
    const guard = pkg[event.guard];
    if (typeof guard !== "function") throw new Error(`@coursehooks/${path} exports no ${event.guard}`);
    const file = require2.resolve(`@coursehooks/${path}/schemas/${event.schema}.json`);
    const jsonSchema = JSON.parse(readFileSync(file, "utf8"));
    return { name: event.schema, eventType: event.type, accepts: (value) => guard(value) === true, jsonSchema };
  });
  return { provider: path, typeProperty: testing.typeProperty, pkg, schemas };
}
var deliveryFile = /\.(json|jsonl|ndjson)$/i;
var linesFile = /\.(jsonl|ndjson)$/i;
function filesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(path);
    return entry.isFile() && deliveryFile.test(entry.name) ? [path] : [];
  });
}
function parseJson(text2, location) {
  try {
    return { location, value: JSON.parse(text2) };
  } catch (error) {
    return { ...location, message: `not valid JSON: ${error.message}` };
  }
}
function readDeliveries(paths) {
  const deliveries = [];
  const unreadable = [];
  let files = 0;
  for (const path of paths) {
    let list;
    try {
      list = statSync(path).isDirectory() ? filesUnder(path) : [path];
    } catch (error) {
      unreadable.push({ file: path, message: `cannot read: ${error.message}` });
      continue;
    }
    for (const file of list) {
      let text2;
      try {
        text2 = readFileSync(file, "utf8");
      } catch (error) {
        unreadable.push({ file, message: `cannot read: ${error.message}` });
        continue;
      }
      files++;
      if (text2.charCodeAt(0) === 65279) text2 = text2.slice(1);
      const parsed = linesFile.test(file) ? text2.split(/\r?\n/).flatMap((line, i) => line.trim() ? [parseJson(line, { file, line: i + 1 })] : []) : [parseJson(text2, { file })];
      for (const result of parsed) {
        if ("value" in result) deliveries.push(result);
        else unreadable.push(result);
      }
    }
  }
  return { files, deliveries, unreadable };
}
function matchSchema(schemas, type, value) {
  return schemas.find((entry) => entry.eventType === type && entry.accepts(value));
}
function checkDeliveries(checker, read) {
  const events = /* @__PURE__ */ new Map();
  const tallies = /* @__PURE__ */ new Map();
  const eventFor = (type) => {
    let report = events.get(type);
    if (!report) {
      report = { type, valid: 0, invalid: 0, unknown: 0, invalidDeliveries: [], schemas: [] };
      events.set(type, report);
    }
    return report;
  };
  for (const { location, value } of read.deliveries) {
    const typeValue = isObject(value) ? value[checker.typeProperty] : void 0;
    const result = checker.pkg.parse(value);
    if (!result.ok) {
      if (result.error.code === "unknown_event") {
        const report2 = eventFor(result.error.type ?? String(typeValue));
        report2.unknown++;
        report2.example ??= location;
        continue;
      }
      const report = eventFor(typeof typeValue === "string" ? typeValue : "(no event type)");
      report.invalid++;
      const issues = (result.error.issues ?? []).map((issue) => ({
        path: pathText(issue.path),
        message: issue.message
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
      tally = { entry, valid: 0, seen: /* @__PURE__ */ new Set(), undocumented: /* @__PURE__ */ new Map() };
      tallies.set(entry.name, tally);
    }
    tally.valid++;
    presentFields(value, "", tally.seen);
    for (const path of checker.pkg.drift(value).fields) {
      const field = tally.undocumented.get(path);
      if (field) field.count++;
      else tally.undocumented.set(path, { path, count: 1, example: location });
    }
  }
  for (const tally of [...tallies.values()].sort((a, b) => a.entry.name < b.entry.name ? -1 : 1)) {
    const neverSeen = [];
    for (const path of optionalFields(tally.entry.jsonSchema)) {
      if (!tally.seen.has(path) && !neverSeen.some((parent) => under(path, parent))) neverSeen.push(path);
    }
    eventFor(tally.entry.eventType).schemas.push({
      schema: tally.entry.name,
      valid: tally.valid,
      undocumented: [...tally.undocumented.values()].sort((a, b) => b.count - a.count || (a.path < b.path ? -1 : 1)),
      neverSeen
    });
  }
  const list = [...events.values()].sort((a, b) => a.type < b.type ? -1 : a.type > b.type ? 1 : 0);
  const sum = (key) => list.reduce((n, e) => n + e[key], 0);
  return {
    provider: checker.provider,
    files: read.files,
    totals: {
      deliveries: read.deliveries.length,
      valid: sum("valid"),
      invalid: sum("invalid"),
      unknown: sum("unknown"),
      unreadable: read.unreadable.length
    },
    events: list,
    unreadable: [...read.unreadable]
  };
}
async function check(provider, paths) {
  const checker = await loadChecker(provider);
  return checkDeliveries(checker, readDeliveries(paths));
}
var exitCode = (report) => report.totals.invalid > 0 || report.totals.unreadable > 0 ? 1 : 0;

// cli/src/check-report.ts
var at = (location) => location.line === void 0 ? location.file : `${location.file}:${location.line}`;
var plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
function wrap(items, indent, width = 100) {
  const lines = [];
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
var maxInvalidShown = 5;
var maxIssuesShown = 5;
function formatReport(report) {
  const { totals } = report;
  const counts = [
    `${totals.valid} valid`,
    `${totals.invalid} invalid`,
    `${totals.unknown} unknown`,
    ...totals.unreadable > 0 ? [`${totals.unreadable} unreadable`] : []
  ];
  const lines = [
    `coursehooks check ${report.provider}: ${plural(report.files, "file")}, ${totals.deliveries} ${totals.deliveries === 1 ? "delivery" : "deliveries"} (${counts.join(", ")})`
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
      if (invalid.issues.length > maxIssuesShown) lines.push(`    \u2026 ${invalid.issues.length - maxIssuesShown} more`);
    }
    if (event.invalidDeliveries.length > maxInvalidShown) {
      lines.push(`  \u2026 ${event.invalidDeliveries.length - maxInvalidShown} more invalid (--json lists them all)`);
    }
    const named = event.schemas.length > 1 || event.schemas.some((s) => s.schema !== event.type);
    for (const schema of event.schemas) {
      const indent = named ? "    " : "  ";
      if (named) lines.push(`  ${schema.schema}: ${schema.valid} valid`);
      if (schema.undocumented.length > 0) {
        lines.push(`${indent}undocumented fields:`);
        for (const field of schema.undocumented) {
          lines.push(`${indent}  ${field.path} \xD7${field.count} (e.g. ${at(field.example)})`);
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

// cli/src/events.ts
async function listEvents(provider) {
  const paths = provider === void 0 ? [...providerPaths] : [providerPath(provider)];
  const blocks = [];
  for (const path of paths) {
    const { events } = await loadTesting(path);
    const width = Math.max(...events.map((e) => e.name.length)) + 2;
    const lines = events.map((e) => {
      const notes = [e.example ? "example" : "no example", ...e.schema !== e.name ? [`schema ${e.schema}`] : []];
      return `  ${e.name.padEnd(width)}${notes.join(", ")}`;
    });
    const withExample = events.filter((e) => e.example).length;
    blocks.push(
      [`${path} (@coursehooks/${path}): ${events.length} events, ${withExample} with examples`, ...lines].join("\n")
    );
  }
  return blocks.join("\n\n");
}

// cli/src/send.ts
import { readFileSync as readFileSync2 } from "node:fs";

// cli/src/json-location.ts
var describe = (text2, at2) => at2 >= text2.length ? "the end of the text" : JSON.stringify(text2[at2]);
function jsonSyntaxError(text2) {
  let at2 = 0;
  const fail = (expected) => {
    throw Object.assign(new Error(`expected ${expected}, found ${describe(text2, at2)}`), { at: at2 });
  };
  const space = () => {
    while (at2 < text2.length && " 	\n\r".includes(text2[at2])) at2++;
  };
  const literal = (word) => {
    if (!text2.startsWith(word, at2)) fail("a value");
    at2 += word.length;
  };
  const string = () => {
    at2++;
    while (at2 < text2.length && text2[at2] !== '"') {
      const c = text2.charCodeAt(at2);
      if (c < 32) fail("a closing quote (a control character must be escaped)");
      if (text2[at2] === "\\") {
        at2++;
        if (text2[at2] === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text2.slice(at2 + 1, at2 + 5))) fail("four hex digits after \\u");
          at2 += 4;
        } else if (!'"\\/bfnrt'.includes(text2[at2] ?? "x")) fail('an escape (\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u)');
      }
      at2++;
    }
    if (at2 >= text2.length) fail("a closing quote");
    at2++;
  };
  const number = () => {
    const match = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text2.slice(at2));
    if (!match) fail("a value");
    at2 += match[0].length;
  };
  const value = () => {
    space();
    const c = text2[at2];
    if (c === "{") {
      at2++;
      space();
      if (text2[at2] === "}") return void at2++;
      for (; ; ) {
        space();
        if (text2[at2] !== '"') fail("a property name in double quotes");
        string();
        space();
        if (text2[at2] !== ":") fail("':' after a property name");
        at2++;
        value();
        space();
        if (text2[at2] === ",") at2++;
        else if (text2[at2] === "}") return void at2++;
        else fail("',' or '}' after a property value");
      }
    }
    if (c === "[") {
      at2++;
      space();
      if (text2[at2] === "]") return void at2++;
      for (; ; ) {
        value();
        space();
        if (text2[at2] === ",") at2++;
        else if (text2[at2] === "]") {
          at2++;
          return;
        } else fail("',' or ']' after an array element");
      }
    }
    if (c === '"') {
      string();
      return;
    }
    if (c === "t") {
      literal("true");
      return;
    }
    if (c === "f") {
      literal("false");
      return;
    }
    if (c === "n") {
      literal("null");
      return;
    }
    number();
  };
  try {
    value();
    space();
    if (at2 < text2.length) fail("the end of the text");
    return void 0;
  } catch (error) {
    const offset = error.at;
    if (typeof offset !== "number") return { line: 1, column: 1, message: "nested too deeply to read" };
    const before = text2.slice(0, offset).split("\n");
    return { line: before.length, column: before.at(-1).length + 1, message: error.message };
  }
}

// cli/src/send.ts
async function payloadOf(path, event, file) {
  const text2 = readText(file);
  const syntax = jsonSyntaxError(text2);
  if (syntax) throw new UserError(`${file}:${syntax.line}:${syntax.column}: not valid JSON: ${syntax.message}`);
  const value = JSON.parse(text2);
  const pkg = await loadPackage(path);
  const result = pkg.parse(value);
  if (!result.ok) {
    const issues = result.error.issues ?? [];
    const detail = issues.length ? issues.map((i) => `
  ${i.message}`).join("") : ` ${result.error.message}`;
    throw new UserError(`${file}: not a valid ${path} ${event.name} event:${detail}`);
  }
  const guard = pkg[event.guard];
  if (typeof guard === "function" && guard(value) !== true) {
    throw new UserError(`${file}: a valid ${path} event, but not ${event.name} (send it under its own name)`);
  }
  return value;
}
function readText(file) {
  try {
    return readFileSync2(file, "utf8");
  } catch (error) {
    throw new UserError(`cannot read ${file}: ${error.code ?? error.message}`);
  }
}
async function prepare(args) {
  const path = providerPath(args.provider);
  const testing = await loadTesting(path);
  const event = findEvent(path, testing, args.event);
  const options = { secret: args.secret, ...args.replayId === void 0 ? {} : { id: args.replayId } };
  if (args.file !== void 0 && !args.validate) Object.assign(options, { rawBody: readText(args.file) });
  else if (args.file !== void 0) Object.assign(options, { payload: await payloadOf(path, event, args.file) });
  else if (!event.example)
    throw new UserError(`${path} ${event.name} has no documented example: send your own with --file`);
  try {
    return { path, event, delivery: await testing.testDelivery(event.name, options) };
  } catch (error) {
    throw new UserError(error.message);
  }
}
function networkReason(error) {
  const cause = error.cause;
  if (cause?.code && cause.address) return `${cause.code} ${cause.address}${cause.port ? `:${cause.port}` : ""}`;
  if (cause?.code) return `${cause.code}${cause.message ? ` (${cause.message})` : ""}`;
  return cause?.message ?? error.message;
}
async function send(args) {
  let url;
  try {
    url = new URL(args.to);
  } catch {
    throw new UserError(`--to ${args.to} is not a URL`);
  }
  const { path, event, delivery } = await prepare(args);
  const started = performance.now();
  let response;
  try {
    response = await fetch(url, { method: "POST", headers: delivery.headers, body: delivery.body });
  } catch (error) {
    throw new UserError(`cannot send to ${url.href}: ${networkReason(error)}`);
  }
  const responseBody = await response.text();
  const milliseconds = Math.round(performance.now() - started);
  return {
    provider: path,
    to: url.href,
    event,
    delivery,
    status: response.status,
    ok: response.ok,
    responseBody,
    milliseconds
  };
}

// cli/src/verify.ts
import { readFileSync as readFileSync3 } from "node:fs";

// cli/src/diagnose.ts
import { createHmac } from "node:crypto";
var text = (bytes) => new TextDecoder().decode(bytes);
var bytesOf = (value) => new TextEncoder().encode(value);
function sortKeys(value) {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== "object") return value;
  const entries = Object.entries(value).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0);
  return Object.fromEntries(entries.map(([k, v]) => [k, sortKeys(v)]));
}
function bodyVariants(body) {
  const raw = text(body);
  const variants = [];
  const add = (value2, what) => {
    if (value2 !== raw) variants.push({ bytes: bytesOf(value2), what });
  };
  add(raw.replace(/\r\n/g, "\n"), "with CRLF line ends turned into LF");
  add(raw.replace(/\r?\n$/, ""), "without its final newline");
  add(`${raw}
`, "with a final newline");
  let value;
  try {
    value = JSON.parse(raw);
  } catch {
    return variants;
  }
  add(JSON.stringify(value), "compact (one line, no spaces)");
  add(JSON.stringify(value, null, 2), "pretty-printed with 2 spaces");
  add(JSON.stringify(value, null, 4), "pretty-printed with 4 spaces");
  add(JSON.stringify(value, null, "	"), "pretty-printed with tabs");
  add(JSON.stringify(sortKeys(value)), "compact with its keys sorted");
  add(JSON.stringify(sortKeys(value), null, 2), "pretty-printed with its keys sorted");
  return variants;
}
var isHex = (s) => /^(?:[0-9a-fA-F]{2})+$/.test(s);
var isBase64 = (s) => s.length >= 16 && /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(s);
function keyVariants(scheme, secret) {
  const whsec = secret.startsWith("whsec_") ? secret.slice("whsec_".length) : void 0;
  const others = [];
  if (scheme.scheme === "standard-webhooks") {
    if (whsec !== void 0) {
      others.push({
        bytes: bytesOf(secret),
        what: "as the raw text, whsec_ included (give the secret the dashboard shows)"
      });
      others.push({ bytes: bytesOf(whsec), what: "without whsec_, as raw text (give it without the whsec_ prefix)" });
    } else {
      if (isBase64(secret))
        others.push({ bytes: Buffer.from(secret, "base64"), what: "base64-decoded (give it as whsec_<secret>)" });
      if (isHex(secret))
        others.push({ bytes: Buffer.from(secret, "hex"), what: "hex-decoded (the provider uses the decoded bytes)" });
    }
    const used = whsec !== void 0 ? Buffer.from(whsec, "base64") : bytesOf(secret);
    return { used, others };
  }
  if (whsec !== void 0) {
    others.push({
      bytes: Buffer.from(whsec, "base64"),
      what: "base64-decoded after whsec_ (this provider's secrets are used as they are)"
    });
    others.push({ bytes: bytesOf(whsec), what: "without its whsec_ prefix" });
  }
  if (isHex(secret))
    others.push({ bytes: Buffer.from(secret, "hex"), what: "hex-decoded (this provider uses the text as it is)" });
  if (isBase64(secret))
    others.push({
      bytes: Buffer.from(secret, "base64"),
      what: "base64-decoded (this provider uses the text as it is)"
    });
  return { used: bytesOf(secret), others };
}
function signs(capture, key, body) {
  const { signature, headers } = capture;
  if (signature.scheme === "hmac-sha256-hex") {
    const name = signature.headers.find((h) => headers[h.toLowerCase()] !== void 0);
    const given = name === void 0 ? void 0 : headers[name.toLowerCase()].trim().toLowerCase();
    const message = signature.signs === "compact-json" ? compactOrRaw(body) : body;
    return given !== void 0 && createHmac("sha256", key).update(message).digest("hex") === given;
  }
  const prefix = `${headers["webhook-id"]}.${headers["webhook-timestamp"]?.trim()}.`;
  const expected = createHmac("sha256", key).update(prefix).update(body).digest("base64");
  return (headers["webhook-signature"] ?? "").split(/\s+/).some((entry) => entry === `v1,${expected}`);
}
function compactOrRaw(body) {
  try {
    return bytesOf(JSON.stringify(JSON.parse(text(body))));
  } catch {
    return body;
  }
}
async function diagnose(capture) {
  const { error, pkg, body, headers, secret, signature } = capture;
  if (error.code === "timestamp_out_of_range") {
    const sent = Number(headers["webhook-timestamp"]);
    const then = await pkg.verify(body, headers, secret, { now: () => sent * 1e3 });
    const age = Math.round(Date.now() / 1e3 - sent);
    if (then.ok) {
      return `stale timestamp: the signature holds, but webhook-timestamp is ${age} s from now, outside the 300 s window (a replayed delivery, or a capture checked too late; receivers refuse it)`;
    }
  }
  if (error.code !== "signature_mismatch" && error.code !== "timestamp_out_of_range") return error.message;
  const keys = keyVariants(signature, secret);
  for (const variant of bodyVariants(body)) {
    if (signs(capture, keys.used, variant.bytes)) {
      return `re-serialised body: the signature holds for the body ${variant.what}, so the file is not the raw bytes as sent (a body parser or an editor rewrote it); verify the bytes exactly as received`;
    }
  }
  for (const key of keys.others) {
    if (signs(capture, key.bytes, body))
      return `wrong secret encoding: the signature holds with the secret ${key.what}`;
    for (const variant of bodyVariants(body)) {
      if (signs(capture, key.bytes, variant.bytes)) {
        const both = `it holds with the secret ${key.what} and the body ${variant.what}`;
        return `wrong secret encoding and re-serialised body: ${both}`;
      }
    }
  }
  return `wrong secret, or a body changed beyond re-serialising (key order, numbers): neither a re-serialised body nor another encoding of the secret makes it hold (${error.message})`;
}

// cli/src/verify.ts
function headerObject(lines) {
  const headers = {};
  for (const line of lines) {
    const colon = line.indexOf(":");
    if (colon < 1) throw new UsageError(`verify: --header "${line}" is not 'name: value'`);
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return headers;
}
function providerFromHeaders(headers) {
  const has = (name) => headers[name] !== void 0;
  if (has("teachfloor-signature")) return "teachfloor";
  if (has("teachify-webhook-signature") || has("loopwise-webhook-signature")) return "teachify";
  if (has("x-edume-signature") || has("authorization")) return "edume";
  if (has("webhook-signature")) return "whop";
  throw new UsageError("verify: no signature header among the --header lines; name the provider with --provider");
}
async function verifyCapture(args) {
  const headers = headerObject(args.headers);
  const path = providerPath(args.provider ?? providerFromHeaders(headers));
  let body;
  try {
    body = new Uint8Array(readFileSync3(args.bodyFile));
  } catch (error) {
    throw new UserError(
      `cannot read ${args.bodyFile}: ${error.code ?? error.message}`
    );
  }
  const pkg = await loadPackage(path);
  const result = await pkg.verify(body, headers, args.secret);
  if (result.ok) return { provider: path, holds: true, message: "the signature holds" };
  const { signature } = await loadTesting(path);
  const reason = await diagnose({ pkg, signature, body, headers, secret: args.secret, error: result.error });
  return { provider: path, holds: false, code: result.error.code, message: result.error.message, reason };
}

// cli/src/main.ts
var version = () => JSON.parse(readFileSync4(new URL("../package.json", import.meta.url), "utf8")).version;
var print = (text2) => new Promise((resolve) => process.stdout.write(`${text2}
`, () => resolve()));
async function run(argv) {
  const parsed = parseCommandLine(argv);
  if (parsed.kind === "help") return print(usage).then(() => 0);
  if (parsed.kind === "version") return print(version()).then(() => 0);
  const { command, positionals, values } = parsed;
  if (command === "events") return print(await listEvents(positionals[0])).then(() => 0);
  if (command === "check") {
    const report = await check(positionals[0], positionals.slice(1));
    await print(values.json ? JSON.stringify(report, null, 2) : formatReport(report));
    return exitCode(report);
  }
  if (command === "verify") {
    const headers = values.header ?? [];
    if (headers.length === 0) throw new UsageError("verify: missing --header");
    const provider = typeof values.provider === "string" ? { provider: values.provider } : {};
    const secret = required(command, values, "secret");
    const result = await verifyCapture({ bodyFile: positionals[0], headers, secret, ...provider });
    if (result.holds) return print(`${result.provider}: the signature holds`).then(() => 0);
    await print(`${result.provider}: the signature does not hold (${result.code}): ${result.reason}`);
    return 1;
  }
  const replayId = typeof values["replay-id"] === "string" ? { replayId: values["replay-id"] } : {};
  const file = typeof values.file === "string" ? { file: values.file } : {};
  const sent = await send({
    provider: positionals[0],
    event: positionals[1],
    to: required(command, values, "to"),
    secret: required(command, values, "secret"),
    validate: values["no-validate"] !== true,
    ...file,
    ...replayId
  });
  const id = sent.delivery.id === void 0 ? "" : ` ${sent.delivery.id}`;
  await print(
    `Sent ${sent.provider} ${sent.event.name}${id} to ${sent.to}: HTTP ${sent.status} in ${sent.milliseconds} ms
` + sent.responseBody
  );
  return sent.ok ? 0 : 1;
}
async function main(argv) {
  try {
    process.exitCode = await run(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`coursehooks: ${error.message}

${usage}
`);
      process.exitCode = 2;
    } else if (error instanceof UserError) {
      process.stderr.write(`coursehooks: ${error.message}
`);
      process.exitCode = 1;
    } else throw error;
  }
}

// cli/src/bin.ts
await main(process.argv.slice(2));
