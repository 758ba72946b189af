import { banner, catalogueSources } from "../banner.js";
import type { Catalogue, EventSchema } from "../catalogue.js";
import { guardName, standardSchemaName } from "../naming.js";
import type { DeliveryJson } from "../lint/delivery.js";
import { eventTable } from "./docs.js";
import { fidelityPolicy, inferred } from "./evidence.js";
import { fileUrl, type Links } from "./links.js";
import { prose } from "./markdown.js";
import { importName } from "./package-json.js";
import { expressHandler, fetchHandler, frameworkRecipes, handlerSnippet } from "./snippets.js";

const code = (language: string, lines: readonly string[]) => [`\`\`\`${language}`, ...lines, "```", ""];

/** The environment variable the snippets read the secret from: TEACHFLOOR_WEBHOOK_SECRET. */
const secretVariableOf = (catalogue: Catalogue) => `${catalogue.path.split("/")[0]!.toUpperCase()}_WEBHOOK_SECRET`;

/** How to mount the handler in each framework: the same section in the root README and every package README. */
export function frameworks(): string[] {
  return [
    "### Frameworks",
    "",
    "Each recipe mounts `webhooks`, the handler above, exported from `./webhooks.ts`; coursehooks' tests run each " +
      "one in the real framework and send it a signed delivery. The handler needs the body exactly as it was sent: " +
      "after a body parser has read it, the handler answers 500 `raw_body_unavailable`, naming the setting to change.",
    "",
    ...frameworkRecipes.flatMap((recipe) => [`${recipe.framework}: ${recipe.note}`, "", ...code("ts", recipe.code)]),
  ];
}

/** What the provider signs and the pitfalls of checking it, from the catalogue's delivery.json. */
function verification(catalogue: Catalogue, delivery: DeliveryJson, first: EventSchema): string[] {
  const name = importName(catalogue);
  const signature = delivery.signature as { scheme: string; headers?: string[]; signs?: string; bearer?: boolean };
  const secretVariable = secretVariableOf(catalogue);
  const pitfalls =
    signature.scheme === "standard-webhooks"
      ? [
          "- Pass the raw body exactly as received: the signature covers `<webhook-id>.<webhook-timestamp>.<body>` " +
            "byte for byte.",
          "- A `whsec_…` secret is base64 and is decoded; any other secret string (what the provider's dashboard " +
            "shows) is used as it is.",
          "- Deliveries whose `webhook-timestamp` is more than 5 minutes from now are refused " +
            "(`timestamp_out_of_range`; change with `{ toleranceSeconds }`, inject the clock with `{ now }`).",
          "- `webhook-signature` may carry several space-separated `v1,<base64>` entries (key rotation): any one " +
            "matching is enough.",
        ]
      : [
          `- The signature is in \`${signature.headers!.join("` or `")}\`: lowercase hex HMAC-SHA256, no prefix, no ` +
            `timestamp (so no replay window: deduplicate on the delivery id).`,
          signature.signs === "compact-json"
            ? "- What is signed is the payload as compact single-line JSON: a compact raw body is checked as it is, " +
              "otherwise its compact re-serialisation (key order kept), so a pretty-printed body still verifies."
            : "- Pass the raw body exactly as received (a `string` or bytes), never `JSON.stringify` of a parsed " +
              "object: re-serialising changes the bytes and the signature no longer matches.",
          ...(signature.bearer
            ? [
                "- The provider can send a bearer token in `Authorization: Bearer …` instead: " +
                  "pass `{ signatureSecret, bearerToken }` as the secret to accept either.",
              ]
            : []),
        ];
  return [
    "## Receiving deliveries",
    "",
    prose(String(delivery.$comment ?? "")),
    "",
    ...code("ts", handlerSnippet(name, first.eventType, secretVariable)),
    "Each handler receives exactly its event's type; a name outside the catalogue is a type error; " +
      "`webhooks.on(types, handler)` adds one for several types. Answers, each with a short JSON body: 200 after " +
      "handling (and for a copy of a delivery already handled: `duplicate: true`), 202 for an event type this " +
      "package does not know (so the provider stops retrying) or a genuine invalid delivery kept by `onInvalid`, 400 " +
      "for a bad payload, 401 for a bad signature, 405 for other methods, 408 for a body slower than `readTimeoutMs` " +
      "(5 s), 409 for a copy of a delivery being handled, 413 for a body over `maxBodyBytes` (1 MiB), 500 if a " +
      "handler throws, 503 if handlers run past `timeoutMs` (8 s; `context.signal` is aborted).",
    "",
    "Each delivery id is handled once (in memory by default; give `deduplicate: { store }` a shared Redis or SQL " +
      "store when several instances receive). `onInvalid(value, error, { rawBody })` keeps a genuine delivery that " +
      "fails validation, to replay once the schema is fixed; `onDrift` the fields an event carries that its schema " +
      "does not document (`drift(event)` on request); `onAny`, `onError` (every refusal, with its `code`) and `log` " +
      "report what happens. The adapters never reject, whatever a client sends; `createHandler` throws at start-up " +
      "when an option is wrong (an empty secret, a tolerance that is not a finite number).",
    "",
    "`verify(rawBody, headers, secret, options?)` alone resolves to `{ ok: true }` or " +
      "`{ ok: false, error: { code, message } }` with `code` one of `missing_signature`, `malformed_signature`, " +
      "`signature_mismatch`, `timestamp_out_of_range`, `invalid_secret`, `invalid_options` (a tolerance that is " +
      "not a finite number >= 0, or a clock `now` that does not return finite milliseconds: never a pass); it never " +
      "throws and compares in constant time. `receive(rawBody, headers, secret)` verifies then parses, and gives " +
      "the delivery id. `sign(rawBody, secret)` returns the headers the provider would send, for test deliveries. " +
      "`secret` may be a list: any one matching is enough (rotation).",
    "",
    "Pitfalls:",
    "",
    ...pitfalls,
    "",
  ];
}

function usage(catalogue: Catalogue, first: EventSchema): string[] {
  const name = importName(catalogue);
  const narrow = `result.event.${catalogue.typeProperty} === ${JSON.stringify(first.eventType)}`;
  return [
    "## Parsing",
    "",
    "`parse` takes the raw body (a string or bytes) or an already parsed value, and never throws:",
    "",
    ...code("ts", [
      `import { parse } from "${name}";`,
      "",
      "const result = parse(rawBody);",
      "if (!result.ok) {",
      '  // result.error.code is "invalid_json", "unknown_event" or "invalid_payload";',
      "  // result.error.message says what is wrong, and for invalid_payload result.error.issues says where.",
      `} else if (${narrow}) {`,
      `  result.event; // ${first.typeName}`,
      "}",
    ]),
    `Acknowledge \`unknown_event\` (2xx): it is a well-formed delivery of an event type this version does not know, ` +
      `and the provider would otherwise retry it. ` +
      `Verify the provider's signature on the raw body before trusting any event.`,
    "",
    "### Express",
    "",
    ...code("ts", expressHandler(name, secretVariableOf(catalogue))),
    "### Fetch-style handlers (Hono, Next.js route handlers, Cloudflare Workers, Deno)",
    "",
    ...code("ts", fetchHandler(name)),
    "### Other entry points",
    "",
    `- \`validate(type, value)\` checks an already parsed value as one event type and returns the same result shape.`,
    `- Type guards, one per schema: \`${guardName(first.stem)}(value)\`.`,
    `- \`eventTypes\`: every event type, as a readonly array of literals; types \`Event\`, \`EventType\`, ` +
      `\`EventMap\` and one interface per event.`,
    `- Standard Schema (spec 1.x, with JSON Schema conversion): \`${standardSchemaName(first.stem)}\` per event and ` +
      `\`eventSchema\` for any event, for Hono's validator, tRPC, TanStack Form and the like.`,
    `- The JSON Schemas themselves: \`import schema from "${name}/schemas/${first.stem}.json" with { type: "json" }\`.`,
    `- For your tests, \`${name}/testing\`: \`examples\` (the documented examples by event name, sub-types as ` +
      "`type:sub-type`) and `testDelivery(name, { secret, payload? })`, which resolves to `{ body, headers }` signed " +
      "exactly as the provider signs, with a fresh delivery id and timestamp where the envelope carries them. " +
      "Importing the package itself never loads the examples.",
    "",
    "Validation accepts fields the provider adds later; the types list only documented fields. Runs in Node 20+, " +
      "edge runtimes and browsers: no code is generated or evaluated at run time, and there are no runtime " +
      "dependencies.",
    "",
  ];
}

/**
 * The README of a catalogue's entry point: usage, then the events, linked to their pages of fields, evidence and
 * decisions.
 */
export function readme(
  catalogue: Catalogue,
  delivery: DeliveryJson,
  subpaths: readonly Catalogue[],
  links: Links,
): string {
  const documented = (e: EventSchema) =>
    (e.file.json["x-shape"] as { from: string }).from === "example" && !inferred(e.file.json);
  const first = catalogue.events.find(documented) ?? catalogue.events[0]!;
  const name = importName(catalogue);
  const install = catalogue.path.includes("/") ? [] : ["## Install", "", ...code("sh", [`npm install ${name}`])];
  const readmeOf = (c: Catalogue) => fileUrl(links, `generated/${c.path}/README.md`);
  const others = subpaths.length
    ? [
        "Also in this package: " +
          subpaths.map((s) => `\`${importName(s)}\` ([README](${readmeOf(s)}))`).join(", ") +
          ".",
        "",
      ]
    : [];
  const page = (event: EventSchema) => fileUrl(links, `generated/${catalogue.path}/docs/${event.stem}.md`);
  return [
    banner(catalogueSources(catalogue.path), "md"),
    `# ${name}`,
    "",
    `Every documented ${String(delivery.provider)} webhook event, typed, validated and verified.`,
    "",
    ...others,
    ...install,
    ...verification(catalogue, delivery, first),
    ...frameworks(),
    ...usage(catalogue, first),
    "## Events",
    "",
    "Each event's page lists its fields, the evidence for its shape and the decisions taken where the provider's " +
      "documents disagree.",
    "",
    ...eventTable(catalogue, page),
    ...fidelityPolicy(3),
  ].join("\n");
}
