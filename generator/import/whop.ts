import { idOf } from "../ids.js";
import { isObject, type JsonObject } from "../schema-walk.js";
import { importMarker, isImported, sdkEvidence, showsObject, type SdkPackage } from "./evidence.js";
import type { NamedObject, ObjectModel, SdkEvent, SdkTypes } from "./model.js";
import { kebab, sharedObjects, usersOf, words } from "./shared.js";
import { objectSchema, sdkOnly, toSchema, type SchemaOptions } from "./to-schema.js";
import { docsPage } from "./whop-docs.js";

const catalogue = "whop";
const draft07 = "http://json-schema.org/draft-07/schema#";
const envelopePath = "common/envelope.schema.json";

/** What one import run reads: the SDK's types and the catalogue's files as they are (path below schemas/whop). */
export interface ImportInput {
  sdk: SdkTypes;
  package: SdkPackage;
  existing: ReadonlyMap<string, string>;
}

/** What an import run does to `schemas/whop/`; nothing is written until a script applies it. */
export interface ImportPlan {
  /** Files the import owns, with their new text. */
  write: Map<string, string>;
  /** Files the import owned that the SDK no longer has. */
  remove: string[];
  /** Events whose file is curated by hand: left alone; the schema the SDK alone would give, to compare. */
  curated: Array<{ path: string; schema: JsonObject }>;
  /** Every event type of the SDK, in SDK order. */
  events: string[];
}

const parse = (text: string | undefined): unknown => (text === undefined ? undefined : JSON.parse(text));
const text = (json: JsonObject): string => `${JSON.stringify(json, null, 2)}\n`;
const sentence = (doc: string): string => doc[0]!.toLowerCase() + doc.slice(1);
const noPage = "; docs.whop.com's API reference has no page for this event, so x-docs is the webhook guide";
const commonPath = (name: string): string => `common/${kebab(name)}.schema.json`;

function options(shared: ReadonlySet<string>, named: SdkTypes["named"], fromCommon: boolean): SchemaOptions {
  const refOf = (name: string) =>
    shared.has(name) ? `${fromCommon ? "" : "common/"}${kebab(name)}.schema.json` : undefined;
  return { refOf, named, requires: sdkOnly };
}

function commonFile(named: NamedObject, users: string[], input: ImportInput, shared: ReadonlySet<string>): JsonObject {
  const path = commonPath(named.name);
  const model = named.model;
  const required = model.members.filter(sdkOnly);
  const shows = showsObject(
    `the object type, carried by ${users.length} events (${users.join(", ")})`,
    model,
    required,
  );
  return {
    $schema: draft07,
    $id: idOf(`${catalogue}/${path}`),
    title: `Whop ${words(named.name)}`,
    description: model.doc ?? `The ${words(named.name)} object, as ${input.package.name} types it.`,
    "x-imported": importMarker(input.package),
    "x-evidence": [sdkEvidence(input.package, named.file, named.name, shows)],
    ...objectSchema(model, options(shared, input.sdk.named, true)),
  };
}

/** The object the event's `data` is, to describe it: the named object's type, or the inline one. */
function dataObject(event: SdkEvent, sdk: SdkTypes): { what: string; model: ObjectModel | undefined } {
  const data = event.model.members.find((m) => m.name === "data")?.type;
  if (data?.kind === "ref")
    return { what: `data is the object type ${data.name}`, model: sdk.named.get(data.name)?.model };
  if (data?.kind === "object") return { what: "data is an object type of its own", model: data };
  return { what: "data", model: undefined };
}

function eventFile(
  event: SdkEvent,
  input: ImportInput,
  shared: ReadonlySet<string>,
  envelope: Set<string>,
): JsonObject {
  const opts = options(shared, input.sdk.named, false);
  const dataMember = event.model.members.find((m) => m.name === "data");
  if (!dataMember) throw new Error(`${event.declaration} has no data member.`);
  const own = event.model.members.filter((m) => m.name === "type" || m.name === "data" || !envelope.has(m.name));
  const properties = Object.fromEntries(
    own.map((m) => [
      m.name,
      m.name === "type"
        ? { description: m.doc ?? "The event type.", const: event.type }
        : toSchema(m.type, opts, m.doc),
    ]),
  );
  const { what, model } = dataObject(event, input.sdk);
  const docs = docsPage(event.type);
  const sdkName = `${input.package.name}@${input.package.version}`;
  const dataDoc = dataMember.doc ?? model?.doc;
  const shows = model ? showsObject(`the event interface; ${what}`, model, model.members.filter(sdkOnly)) : what;
  return {
    $schema: draft07,
    $id: idOf(`${catalogue}/${event.type}.schema.json`),
    title: `Whop ${event.type}`,
    description: `The \`${event.type}\` webhook event.${dataDoc ? ` Its data: ${sentence(dataDoc)}` : ""}`,
    "x-imported": importMarker(input.package),
    "x-docs": docs.url,
    "x-shape": {
      from: "object-reference",
      source: `${sdkName} ${event.file}: ${event.declaration}, a member of UnwrapWebhookEvent`,
    },
    "x-evidence": [sdkEvidence(input.package, event.file, event.declaration, `${shows}${docs.ownPage ? "" : noPage}`)],
    type: "object",
    allOf: [{ $ref: envelopePath }],
    required: ["type", "data"],
    properties,
  };
}

/** The envelope's property names, from the catalogue's envelope file (kept by hand). */
function envelopeProperties(existing: ReadonlyMap<string, string>): Set<string> {
  const envelope = parse(existing.get(envelopePath));
  if (!isObject(envelope) || !isObject(envelope.properties))
    throw new Error(`schemas/whop/${envelopePath} is missing.`);
  return new Set(Object.keys(envelope.properties));
}

/** Every file the SDK gives: the shared objects in `common/`, then one file per event; path → schema. */
export function importedSchemas(input: ImportInput): Map<string, JsonObject> {
  const shared = new Set(sharedObjects(input.sdk));
  const users = usersOf(input.sdk);
  const envelope = envelopeProperties(input.existing);
  const files = new Map<string, JsonObject>();
  for (const name of shared)
    files.set(commonPath(name), commonFile(input.sdk.named.get(name)!, users.get(name)!, input, shared));
  for (const event of input.sdk.events)
    files.set(`${event.type}.schema.json`, eventFile(event, input, shared, envelope));
  return files;
}

/**
 * What importing the SDK does to the catalogue: files that carry the import's marker are rewritten (or removed when
 * the SDK no longer has them); an event file without it is curated by hand and left alone; a shared object whose
 * path holds a file without the marker is an error, since events would point at a file the import does not control.
 */
export function planImport(input: ImportInput): ImportPlan {
  const owned = (path: string) => isImported(parse(input.existing.get(path)), input.package.name);
  const plan: ImportPlan = { write: new Map(), remove: [], curated: [], events: input.sdk.events.map((e) => e.type) };
  for (const [path, schema] of [...importedSchemas(input)].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (!input.existing.has(path) || owned(path)) plan.write.set(path, text(schema));
    else if (path.startsWith("common/"))
      throw new Error(`schemas/whop/${path} is kept by hand; the import cannot own it.`);
    else plan.curated.push({ path, schema });
  }
  plan.remove = [...input.existing.keys()].filter((path) => owned(path) && !plan.write.has(path)).sort();
  return plan;
}
