// The `testing` subpath of each entry point (`@coursehooks/teachfloor/testing`): the documented examples and
// `testDelivery`, built apart from the main entry so that importing the package never pulls the examples in.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import JSON5 from "json5";
import { banner, catalogueSources } from "../banner.js";
import type { Catalogue } from "../catalogue.js";
import type { DeliveryJson } from "../lint/delivery.js";
import { guardName } from "../naming.js";
import { subTypeOf, wireNames } from "../wire-names.js";
import type { Sources } from "./build.js";
import { type Format, formatAll } from "./format.js";
import { commentSafe } from "./entry.js";
import { subpathPackageJson } from "./package-json.js";
import { withBanner } from "./sources.js";

interface Example {
  file: string;
  published: string;
  value: unknown;
}

/** The first documented example of each event schema, parsed (eduMe's JSON5 samples too), by schema name. */
export function readExamples(root: string, catalogue: Catalogue): Map<string, Example> {
  const dir = join(root, "schemas", catalogue.path, "examples");
  const manifestFile = join(dir, "examples.json");
  if (!existsSync(manifestFile)) return new Map();
  const manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as Record<
    string,
    { schema: string; published: string }
  >;
  const examples = new Map<string, Example>();
  for (const [file, entry] of Object.entries(manifest)) {
    if (examples.has(entry.schema) || !catalogue.events.some((e) => e.stem === entry.schema)) continue;
    const value: unknown = JSON5.parse(readFileSync(join(dir, file), "utf8"));
    examples.set(entry.schema, {
      file: `schemas/${catalogue.path}/examples/${file}`,
      published: entry.published,
      value,
    });
  }
  return examples;
}

/** `src/examples.ts`: the examples as typed values, by wire name. */
function examplesModule(catalogue: Catalogue, examples: ReadonlyMap<string, Example>): string {
  const names = wireNames(catalogue);
  const withExample = catalogue.events.filter((e) => examples.has(e.stem));
  const types = withExample.map((e) => e.typeName);
  return [
    banner(`${catalogueSources(catalogue.path)} and their examples`, "ts"),
    ...(types.length ? [`import type { ${[...types].sort().join(", ")} } from "./types.js";`, ""] : []),
    `/** The provider's documented example of each event that has one, by name (\`type:sub-type\` for sub-types). */`,
    `export interface Examples {`,
    ...withExample.flatMap((e) => [
      `  /** ${commentSafe(examples.get(e.stem)!.file)}, ` +
        `published at ${commentSafe(examples.get(e.stem)!.published)}. */`,
      `  readonly ${JSON.stringify(names.get(e.stem))}: ${e.typeName};`,
    ]),
    `}`,
    "",
    `export const examples: Examples = {`,
    ...withExample.map(
      (e) => `  ${JSON.stringify(names.get(e.stem))}: ${JSON.stringify(examples.get(e.stem)!.value)} as ${e.typeName},`,
    ),
    `};`,
    "",
  ].join("\n");
}

/** `src/testing.ts`: the subpath's API. */
function testingModule(catalogue: Catalogue, delivery: DeliveryJson, examples: ReadonlyMap<string, Example>): string {
  const names = wireNames(catalogue);
  const events = catalogue.events.map((e) => {
    const subType = subTypeOf(e);
    const info = { name: names.get(e.stem), type: e.eventType, ...(subType === undefined ? {} : { subType }) };
    return { ...info, schema: e.stem, guard: guardName(e.stem), example: examples.has(e.stem) };
  });
  const config = {
    typeProperty: catalogue.typeProperty,
    signature: delivery.signature,
    fresh: delivery.testDelivery ?? {},
    events,
  };
  return [
    banner(catalogueSources(catalogue.path), "ts"),
    `import { buildTestDelivery, type EventInfo, type TestDelivery, type TestDeliveryOptions, type TestingConfig } ` +
      `from "./runtime/testing.js";`,
    `import type { SignatureScheme } from "./runtime/verify.js";`,
    `import { examples } from "./examples.js";`,
    "",
    `export { examples, type Examples } from "./examples.js";`,
    `export type { EventInfo, TestDelivery, TestDeliveryOptions } from "./runtime/testing.js";`,
    `export type { SignatureScheme } from "./runtime/verify.js";`,
    "",
    `/** Every event of this package by the name it has on the wire: its type, and \`type:sub-type\` for sub-types. */`,
    `export type EventName = ${events.map((e) => JSON.stringify(e.name)).join(" | ")};`,
    "",
    `const config: TestingConfig = ${JSON.stringify(config)};`,
    "",
    `/** Every event: its wire name, type, sub-type, schema name, type guard, and whether it has an example. */`,
    `export const events: readonly EventInfo[] = config.events;`,
    "",
    `/** The envelope property that carries the event type. */`,
    `export const typeProperty: string = config.typeProperty;`,
    "",
    `/** How the provider signs its deliveries. */`,
    `export const signature: SignatureScheme = config.signature;`,
    "",
    `/**`,
    ` * A delivery as the provider would POST it: \`{ body, headers }\` (and \`id\` where the envelope has one),`,
    ` * signed with \`options.secret\` exactly as the provider signs. The body is the event's documented example or`,
    ` * \`options.payload\`, with a fresh delivery id and timestamp where the envelope carries them (\`options.id\``,
    ` * replays one); \`options.rawBody\` is sent exactly as given. Throws an Error for an unknown name, an empty`,
    ` * secret, or an event without an example and no payload.`,
    ` */`,
    `export function testDelivery(name: EventName, options: TestDeliveryOptions): Promise<TestDelivery> {`,
    `  return buildTestDelivery(config, examples, name, options);`,
    `}`,
    "",
  ].join("\n");
}

const relativeImports = (text: string): string[] => [...text.matchAll(/from\s+"(\.\.?\/[^"]+)"/g)].map((m) => m[1]!);

/** The sources `entry` needs, following relative imports (`./runtime/verify.js` → `runtime/verify.ts`). */
function closure(sources: Sources, entry: string): Map<string, string> {
  const found = new Map<string, string>();
  const visit = (path: string) => {
    if (found.has(path) || !sources.has(path)) return;
    found.set(path, sources.get(path)!);
    const dir = path.split("/").slice(0, -1);
    for (const target of relativeImports(sources.get(path)!)) {
      const parts = [...dir];
      for (const part of target.split("/")) {
        if (part === "..") parts.pop();
        else if (part !== ".") parts.push(part);
      }
      const joined = parts.join("/");
      visit(sources.has(joined.replace(/\.js$/, ".ts")) ? joined.replace(/\.js$/, ".ts") : joined);
    }
  };
  visit(entry);
  return found;
}

/** The `testing` subpath's entry: its own source files, and everything `testing/dist/` is built from. */
export interface TestingEntry {
  own: Map<string, string>;
  sources: Sources;
}

/**
 * The `testing` subpath of a catalogue: `src/testing.ts` and `src/examples.ts` beside the entry's sources, and
 * the sources `testing/dist/` is built from: those two and what they import, nothing else.
 */
export function testingEntry(
  catalogue: Catalogue,
  delivery: DeliveryJson,
  entrySources: Sources,
  root: string,
  format: Format,
): TestingEntry {
  const examples = readExamples(root, catalogue);
  const own = formatAll(
    format,
    new Map([
      ["testing.ts", testingModule(catalogue, delivery, examples)],
      ["examples.ts", examplesModule(catalogue, examples)],
    ]),
  );
  const all = new Map([...entrySources, ...own]);
  const sources = new Map([
    ["index.ts", `${banner(catalogueSources(catalogue.path), "ts")}export * from "./testing.js";\n`],
    ...closure(all, "testing.ts"),
  ]);
  return { own, sources };
}

/**
 * The subpath's files, once `testing/dist/` is built (with a `testing/package.json` for resolvers without `exports`).
 */
export function testingFiles(
  catalogue: Catalogue,
  entry: TestingEntry,
  dist: ReadonlyMap<string, string>,
): [string, string][] {
  const at = (name: string) => `${catalogue.path}/${name}`;
  return [
    ...[...entry.own].map(([path, text]) => [at(`src/${path}`), text] as [string, string]),
    ...[...dist].map(
      ([path, text]) =>
        [at(`testing/dist/${path}`), withBanner(catalogueSources(catalogue.path), text)] as [string, string],
    ),
    [at("testing/package.json"), subpathPackageJson()],
  ];
}
