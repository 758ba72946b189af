import { banner, catalogueSources } from "../banner.js";
import { type Catalogue, distinguishingFields } from "../catalogue.js";
import { guardName, jsonSchemaName, standardSchemaName, validatorName } from "../naming.js";
import type { DeliveryJson } from "../lint/delivery.js";
import type { JsonObject } from "../schema-walk.js";
import { hasCode, readerCode } from "./readers.js";

const envelopeValidator = validatorName("common/envelope");

/** Schema text made safe inside a block comment: a star and slash in it would end the comment and start code. */
export const commentSafe = (text: string): string => text.replace(/\*\//g, "*\\/");

/** ` (stem)` after an event type in a comment, where the schema's name is not its event type. */
const subName = (e: Catalogue["events"][number]) => (e.stem === e.eventType ? "" : ` (${commentSafe(e.stem)})`);

/** `src/json-schemas.ts`: each event's shipped JSON Schema as a value, for the Standard JSON Schema converters. */
export function jsonSchemasModule(catalogue: Catalogue, schemas: ReadonlyMap<string, JsonObject>): string {
  return [
    banner(catalogueSources(catalogue.path), "ts"),
    ...catalogue.events.map(
      (event) =>
        `export const ${jsonSchemaName(event.stem)}: Record<string, unknown> = ` +
        `${JSON.stringify(schemas.get(event.stem))};\n`,
    ),
  ].join("\n");
}

/**
 * `src/json-schemas.ts` with empty objects for the schemas: the same declarations, for type-checking. The real
 * module is JSON text given a `Record<string, unknown>` type, which always compiles; checking megabytes of it
 * is the slowest part of building a large catalogue.
 */
export function jsonSchemasStandIn(catalogue: Catalogue): string {
  return jsonSchemasModule(catalogue, new Map(catalogue.events.map((event) => [event.stem, {}])));
}

/** `src/index.ts`: the package's API, the same names in every package. */
export function entryModule(catalogue: Catalogue, delivery: DeliveryJson): string {
  const { prefix, events } = catalogue;
  const typeNames = [`${prefix}Event`, `${prefix}EventMap`, `${prefix}EventType`, ...events.map((e) => e.typeName)];
  // `as Check` gives every entry one type: otherwise the checker compares each pair of validator types (O(n²)).
  // The sub-type and the distinguishing fields are read by code (./readers.ts), their keys written as data.
  const entries = events.map((e) => {
    const when = e.discriminants
      .slice(1)
      .map((d) => `[${JSON.stringify(d.pointer.split("/").slice(1))}, ${JSON.stringify(d.value)}]`);
    const needs = distinguishingFields(e, events);
    const first = e.discriminants[1]?.pointer.split("/").slice(1);
    return (
      `    { type: ${JSON.stringify(e.eventType)}, name: ${JSON.stringify(e.stem)}, when: ` +
      `[${when.join(", ")}], ${first ? `subType: ${readerCode(first)}, ` : ""}` +
      `${needs.length ? `has: ${hasCode(needs)}, ` : ""}check: ${e.validatorName} as Check },`
    );
  });
  const readsFields = events.some((e) => e.discriminants.length > 1 || distinguishingFields(e, events).length > 0);
  const imports = [
    banner(catalogueSources(catalogue.path), "ts"),
    `import { catalogueRuntime, ${readsFields ? "isObject, " : ""}parseEvent, validateEvent, ` +
      `type CatalogueRuntime, type Check } from "./runtime/parse.js";`,
    `import type { Body } from "./runtime/decode.js";`,
    `import type { ParseResult } from "./runtime/result.js";`,
    `import type { HeadersLike } from "./runtime/headers.js";`,
    `import { createDeliveryHandler, type WebhookHandler } from "./runtime/handler.js";`,
    `import { eventDrift, type Drift } from "./runtime/drift.js";`,
    `import type { HandlerOptions } from "./runtime/handler-options.js";`,
    `import { receiveDelivery, type DeliveryConfig, type ReceiveResult } from "./runtime/receive.js";`,
    `import { signDelivery, verifyDelivery, type RawBody, type Secret, ` +
      `type SignOptions, type VerifyOptions, type VerifyResult } from "./runtime/verify.js";`,
    `import { standardSchema, standardUnion, type StandardSchema } from "./runtime/standard-schema.js";`,
    `import { ${[...events.map((e) => e.validatorName), envelopeValidator].join(", ")} } from "./validators.js";`,
    `import { ${events.map((e) => jsonSchemaName(e.stem)).join(", ")} } from "./json-schemas.js";`,
    `import type { ${typeNames.sort().join(", ")} } from "./types.js";`,
    "",
  ];
  const reexports = [
    `export * from "./types.js";`,
    `export type { Issue, ParseError, ParseResult } from "./runtime/result.js";`,
    `export type { Body } from "./runtime/decode.js";`,
    `export type { StandardSchema, StandardResult } from "./runtime/standard-schema.js";`,
    `export type { HeadersLike } from "./runtime/headers.js";`,
    `export type { RawBody, Secret, SignOptions, VerifyError, VerifyOptions, VerifyResult } ` +
      `from "./runtime/verify.js";`,
    `export type { DeliveryError, ReceiveResult } from "./runtime/receive.js";`,
    `export type { DeliveryContext, EventHandler, Failure, FailureCode, HandlerResponse, InvalidContext, ` +
      `NodeResponse, WebhookHandler } from "./runtime/handler.js";`,
    `export type { EventHandlers, HandlerOptions, InvalidError, Log } from "./runtime/handler-options.js";`,
    `export type { NodeRequest } from "./runtime/body.js";`,
    `export type { Drift } from "./runtime/drift.js";`,
    `export { memoryStore, type ClaimResult, type DeliveryStore, type MemoryStoreOptions } from "./runtime/store.js";`,
    `export { ${[...events.map((e) => e.validatorName), envelopeValidator].join(", ")} } from "./validators.js";`,
    `export type { Validator, ValidationError } from "./validators.js";`,
    "",
    `/** Any event of this package (the same name in every coursehooks package). */`,
    `export type Event = ${prefix}Event;`,
    `/** Every event type of this package. */`,
    `export type EventType = ${prefix}EventType;`,
    `/** The event interface for each event type. */`,
    `export type EventMap = ${prefix}EventMap;`,
    "",
  ];
  const deliveryConfig = { scope: catalogue.path, signature: delivery.signature, deliveryId: delivery.deliveryId };
  const runtime = [
    `const catalogue: CatalogueRuntime = /* @__PURE__ */ catalogueRuntime({`,
    `  typeProperty: ${JSON.stringify(catalogue.typeProperty)},`,
    `  envelope: ${envelopeValidator},`,
    `  events: [`,
    ...entries,
    `  ],`,
    `});`,
    "",
    `/** Each event's JSON Schema by schema name, for drift: only createHandler and drift refer to it. */`,
    `const jsonSchemaByName: Record<string, Record<string, unknown>> = {`,
    ...events.map((e) => `  ${JSON.stringify(e.stem)}: ${jsonSchemaName(e.stem)},`),
    `};`,
    "",
    `const delivery: DeliveryConfig = ${JSON.stringify(deliveryConfig)};`,
    "",
  ];
  const api = [
    `/**`,
    ` * Turns a delivery into a typed event. \`input\` is the raw body (string or bytes) or an already parsed`,
    ` * value. Returns \`{ ok: true, event }\`, or \`{ ok: false, error }\` with \`error.code\` \`invalid_json\`,`,
    ` * \`unknown_event\` (a well-formed envelope of a type this package does not know: acknowledge it) or`,
    ` * \`invalid_payload\` (with \`error.issues\`). Never throws.`,
    ` */`,
    `export function parse(input: Body): ParseResult<${prefix}Event> {`,
    `  return parseEvent(catalogue, input);`,
    `}`,
    "",
    `/** Validates an already parsed value as an event of the given type. Never throws. */`,
    `export function validate<T extends ${prefix}EventType>(type: T, value: unknown): ` +
      `ParseResult<${prefix}EventMap[T]> {`,
    `  return validateEvent(catalogue, type, value);`,
    `}`,
    "",
    ...events.flatMap((e) => [
      `/** Whether \`value\` is a valid ${commentSafe(e.eventType)} event${subName(e)}. */`,
      `export function ${guardName(e.stem)}(value: unknown): value is ${e.typeName} {`,
      `  return ${e.validatorName}(value);`,
      `}`,
      "",
      `/** ${commentSafe(e.stem)} as a Standard Schema, with its JSON Schema. */`,
      `export const ${standardSchemaName(e.stem)}: StandardSchema<${e.typeName}> = /* @__PURE__ */ ` +
        `standardSchema(${e.validatorName}, ${jsonSchemaName(e.stem)});`,
      "",
    ]),
    `/**`,
    ` * Checks that a delivery is genuine: \`rawBody\` exactly as received, \`headers\` as a plain object (any`,
    ` * letter case) or a Fetch \`Headers\`. Resolves to \`{ ok: true }\` or \`{ ok: false, error }\`; never throws.`,
    ` */`,
    `export function verify(rawBody: RawBody, headers: HeadersLike, secret: Secret, options?: VerifyOptions): ` +
      `Promise<VerifyResult> {`,
    `  return verifyDelivery(delivery.signature, rawBody, headers, secret, options);`,
    `}`,
    "",
    `/** The headers the provider would send with \`rawBody\`: for test deliveries. */`,
    `export function sign(rawBody: RawBody, secret: string, options?: SignOptions): Promise<Record<string, string>> {`,
    `  return signDelivery(delivery.signature, rawBody, secret, options);`,
    `}`,
    "",
    `/** Verifies, then parses: \`{ ok: true, event, deliveryId }\` or \`{ ok: false, error }\`. Never throws. */`,
    `export function receive(rawBody: RawBody, headers: HeadersLike, secret: Secret, options?: VerifyOptions): ` +
      `Promise<ReceiveResult<${prefix}Event>> {`,
    `  return receiveDelivery(delivery, catalogue, rawBody, headers, secret, options);`,
    `}`,
    "",
    `/**`,
    ` * A receiver that verifies, parses, deduplicates and calls \`on[event type]\` within a time limit, ` +
      `with Fetch and`,
    ` * Node adapters that survive any client. Throws a TypeError at once when an option is wrong.`,
    ` */`,
    `export function createHandler(options: HandlerOptions<${prefix}EventMap>): WebhookHandler<${prefix}EventMap> {`,
    `  return createDeliveryHandler(delivery, catalogue, options, jsonSchemaByName);`,
    `}`,
    "",
    `/**`,
    ` * The fields an event carries that its schema does not document ` +
      `(\`data.member.nickname\`, \`data.plans[].tax\`),`,
    ` * each once: what the provider has added since the schema was written. Open maps and untyped fields excepted.`,
    ` */`,
    `export function drift(event: ${prefix}Event): Drift {`,
    `  return eventDrift(catalogue, jsonSchemaByName, event);`,
    `}`,
    "",
    `/** Any event of this package as a Standard Schema, dispatched on its type as \`parse\` does. */`,
    `export const eventSchema: StandardSchema<${prefix}Event> = /* @__PURE__ */ standardUnion(catalogue, {`,
    `  $schema: "http://json-schema.org/draft-07/schema#",`,
    `  oneOf: [${events.map((e) => jsonSchemaName(e.stem)).join(", ")}],`,
    `});`,
    "",
  ];
  return [...imports, ...reexports, ...runtime, ...api].join("\n");
}
