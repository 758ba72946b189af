import { idOf } from "../ids.js";
import { draft07 } from "../lint/keywords.js";
import { isObject, resolvePointer, type JsonObject } from "../schema-walk.js";
import type { Conventions } from "./conventions.js";
import { Refused } from "./errors.js";
import { infer } from "./infer.js";
import { applyPolicy } from "./policy.js";
import { shows } from "./summary.js";

/** A payload given to infer the shape from: the delivery body, parsed, and whether it was JSON5 rather than JSON. */
export interface Payload {
  value: unknown;
  json5: boolean;
  /** Its name in the catalogue's `examples/` folder. */
  example: string;
}

/** What to scaffold: the event (and sub-type), where it is documented, and optionally a payload. */
export interface EventRequest {
  catalogue: string;
  event: string;
  subType?: string | undefined;
  /** The provider's documentation page of the event (https). */
  docs: string;
  /** Where on that page the payload was published. */
  section: string;
  payload?: Payload | undefined;
}

/** The schema's path inside its catalogue without `.schema.json`: the event type, then the sub-type. */
export const stemOf = (request: EventRequest): string =>
  request.subType ? `${request.event}.${request.subType}` : request.event;

const pointerText = (pointer: string) => pointer.slice(1).replace(/\//g, ".");

/** Checks that the payload is a whole delivery of the requested event; returns its data. */
function dataOf(request: EventRequest, payload: Payload, c: Conventions): JsonObject {
  const body = payload.value;
  if (!isObject(body)) throw new Refused("The payload is not a JSON object: give the whole delivery body.");
  const type = body[c.typeProperty];
  if (type !== request.event) {
    throw new Refused(`The payload's ${c.typeProperty} is ${JSON.stringify(type)}, not "${request.event}".`);
  }
  const missing = c.envelopeRequired.filter((key) => !(key in body));
  if (missing.length)
    throw new Refused(`The payload lacks the envelope's ${missing.join(", ")}: give the whole delivery body.`);
  const data = body[c.dataKey];
  if (!isObject(data)) throw new Refused(`The payload's ${c.dataKey} is not an object.`);
  if (request.subType !== undefined) {
    const subType = resolvePointer(body, c.subTypePointer);
    if (subType !== request.subType) {
      throw new Refused(
        `The payload's ${pointerText(c.subTypePointer)} is ${JSON.stringify(subType)}, not "${request.subType}".`,
      );
    }
  }
  return data;
}

/** Fixes the sub-type with a required const at `pointer` (below the data), making the objects on the way. */
function fixSubType(root: JsonObject, pointer: string, value: string): void {
  const names = pointer
    .split("/")
    .slice(1)
    .map((t) => t.replace(/~1/g, "/").replace(/~0/g, "~"));
  let node = root;
  for (const name of names.slice(0, -1)) {
    node.properties ??= {};
    const properties = node.properties as Record<string, JsonObject>;
    properties[name] ??= { type: "object", required: [], properties: {} };
    node = properties[name];
  }
  const name = names.at(-1)!;
  const required = Array.isArray(node.required) ? node.required : [];
  node.required = required.includes(name) ? required : [...required, name];
  node.properties ??= {};
  (node.properties as Record<string, JsonObject>)[name] = { description: "The sub-type.", const: value };
}

/** The data's schema: inferred from the payload, or open and undescribed without one. */
function dataSchema(request: EventRequest, c: Conventions): { schema: JsonObject; shows?: string } {
  if (!request.payload) {
    const schema = {
      description: "Not described yet: no payload has been seen, so the data is kept open.",
      type: "object",
    };
    return { schema: { ...schema, additionalProperties: true } };
  }
  const inferred = infer(dataOf(request, request.payload, c));
  const described = {
    description: "The event's data, inferred from one payload: to describe.",
    ...applyPolicy(inferred, c.dataKey, true),
  };
  return { schema: described, shows: shows(inferred, c.dataKey, request.payload.json5) };
}

/** The event's schema file, following CONTRIBUTING.md: passes the lint as written. */
export function eventSchema(request: EventRequest, c: Conventions): JsonObject {
  const stem = stemOf(request);
  const named = request.subType ? `${request.event} (${request.subType})` : request.event;
  const data = dataSchema(request, c);
  const source = `${c.title} docs, ${request.section}`;
  const evidence = data.shows
    ? { source, shows: data.shows, url: request.docs }
    : { source, shows: "to fill in: what this page shows of the event (no payload was given)", url: request.docs };
  const shape = request.payload
    ? {
        from: "example",
        source: `${request.docs}: ${request.section} (examples/${request.payload.example})`,
        inferred: true,
      }
    : { from: "undocumented", source: `${request.docs}: no payload given` };
  const root: JsonObject = {
    $schema: draft07,
    $id: idOf(`${request.catalogue}/${stem}.schema.json`),
    title: `${c.title} ${named}`,
    description: `To fill in: what triggers ${named}, in our words, and what the ${c.dataKey} holds.`,
    "x-docs": request.docs,
    "x-shape": shape,
    "x-evidence": [evidence],
    type: "object",
    allOf: [{ $ref: "common/envelope.schema.json" }],
    required: [c.typeProperty, c.dataKey],
    properties: { [c.typeProperty]: { const: request.event }, [c.dataKey]: data.schema },
  };
  if (request.subType !== undefined) fixSubType(root, c.subTypePointer, request.subType);
  return root;
}
