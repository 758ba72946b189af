import { banner, catalogueSources } from "../banner.js";
import type { Catalogue, EventSchema } from "../catalogue.js";
import { guardName, standardSchemaName } from "../naming.js";
import type { JsonObject } from "../schema-walk.js";
import { decisionList, eventSection, eventTable } from "./docs.js";
import { importName } from "./package-json.js";
import { expressHandler, fetchHandler } from "./snippets.js";

const code = (language: string, lines: string[]) => ["```" + language, ...lines, "```", ""];

function usage(catalogue: Catalogue, first: EventSchema): string[] {
  const name = importName(catalogue);
  const narrow = `result.event.${catalogue.typeProperty} === ${JSON.stringify(first.eventType)}`;
  return [
    "## Usage",
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
    `Acknowledge \`unknown_event\` (2xx): it is a well-formed delivery of an event type this version does not know, and the provider would otherwise retry it. Verify the provider's signature on the raw body before trusting any event.`,
    "",
    "### Express",
    "",
    ...code("ts", expressHandler(name)),
    "### Fetch-style handlers (Hono, Next.js route handlers, Cloudflare Workers, Deno)",
    "",
    ...code("ts", fetchHandler(name)),
    "### Other entry points",
    "",
    `- \`validate(type, value)\` checks an already parsed value as one event type and returns the same result shape.`,
    `- Type guards, one per schema: \`${guardName(first.stem)}(value)\`.`,
    `- \`eventTypes\`: every event type, as a readonly array of literals; types \`Event\`, \`EventType\`, \`EventMap\` and one interface per event.`,
    `- Standard Schema (spec 1.x, with JSON Schema conversion): \`${standardSchemaName(first.stem)}\` per event and \`eventSchema\` for any event, for Hono's validator, tRPC, TanStack Form and the like.`,
    `- The JSON Schemas themselves: \`import schema from "${name}/schemas/${first.stem}.json" with { type: "json" }\`.`,
    "",
    "Validation accepts fields the provider adds later; the types list only documented fields. Runs in Node 20+, edge runtimes and browsers: no code is generated or evaluated at run time, and there are no runtime dependencies.",
    "",
  ];
}

/** The README of a catalogue's entry point: usage first, then the events, decisions and field tables. */
export function readme(catalogue: Catalogue, schemas: ReadonlyMap<string, JsonObject>, subpaths: readonly Catalogue[]): string {
  const first = catalogue.events.find((e) => (e.file.json["x-shape"] as { from: string }).from === "example") ?? catalogue.events[0]!;
  const name = importName(catalogue);
  const install = catalogue.path.includes("/") ? [] : ["## Install", "", ...code("sh", [`npm install ${name}`])];
  const others = subpaths.length ? ["Also in this package: " + subpaths.map((s) => `\`${importName(s)}\` ([README](${s.path.slice(catalogue.path.length + 1)}/README.md))`).join(", ") + ".", ""] : [];
  return [
    banner(catalogueSources(catalogue.path), "md"),
    `# ${name}`,
    "",
    `Every documented ${catalogue.prefix} webhook event, typed and validated.`,
    "",
    ...others,
    ...install,
    ...usage(catalogue, first),
    "## Events",
    "",
    ...eventTable(catalogue, (event) => `#${event.stem.replace(/[^a-z0-9_-]/g, "")}`),
    ...decisionList(catalogue, 2),
    ...catalogue.events.flatMap((event) => [`## ${event.stem}`, "", ...eventSection(catalogue, event, schemas.get(event.stem)!, 2)]),
  ].join("\n");
}
