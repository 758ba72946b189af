import { banner } from "../banner.js";
import { camelCase, guardName, pascalCase } from "../naming.js";
import { kinds } from "./kinds.js";
import type { LearningCatalogue, Mapped } from "./model.js";

export const learningSources = "schemas/**/learning.json";

/** The name a provider package is imported as: `teachfloor/early` → `teachfloorEarly`. */
export const namespaceOf = (path: string): string => camelCase(path);

/** The model's type of a kind: `activity.completed` → `ActivityCompleted`, the course changes → `CourseChanged<K>`. */
function kindType(kind: string, provider: string, source: string): string {
  const args = `${JSON.stringify(provider)}, ${source}`;
  if (kind === "course.completed" || !kind.startsWith("course.")) return `${pascalCase(kind)}<${args}>`;
  return `CourseChanged<${JSON.stringify(kind)}, ${args}>`;
}

/** `EdumeLearnerAddedLearning`: the learning event type of one mapped schema. */
const learningName = (mapped: Mapped) => mapped.event.typeName.replace(/Event$/, "Learning");

function learningType(path: string, mapped: Mapped): string {
  const source = `${namespaceOf(path)}.${mapped.event.typeName}`;
  const base = kindType(mapped.json.kind, path, source);
  const present = mapped.always.map((f) => JSON.stringify(f)).join(" | ");
  const withPresent = mapped.always.length ? `With<${base}, ${present}>` : base;
  // The activity's type is the mapping's constant, so the type says which.
  const activity = mapped.json.activity
    ? ` & { activity: { type: ${JSON.stringify(mapped.json.activity.type)} } }`
    : "";
  const what = `${path} ${mapped.event.stem} as a ${mapped.json.kind} learning event`;
  const lack = mapped.mayLack ? " (or undefined when it lacks the ids)" : "";
  return `/** ${what}${lack}. */\nexport type ${learningName(mapped)} = ${withPresent}${activity};`;
}

/** The conditional type from a provider's events to their learning events. */
function providerLearning(path: string, mapped: readonly Mapped[]): string {
  const branches = mapped.map((m) => {
    const result = m.mayLack ? `${learningName(m)} | undefined` : learningName(m);
    return `E extends ${namespaceOf(path)}.${m.event.typeName} ? ${result} :`;
  });
  return `type ${pascalCase(path)}Learning<E> = ${[...branches, "undefined"].join("\n  ")};`;
}

function mappingEntry(path: string, mapped: Mapped): string {
  const when = mapped.event.discriminants.map((d) => [d.pointer.split("/").slice(1), d.value]);
  return (
    `{ name: ${JSON.stringify(mapped.event.stem)}, when: ${JSON.stringify(when)}, ` +
    `check: ${namespaceOf(path)}.${guardName(mapped.event.stem)}, mapping: ${JSON.stringify(mapped.mapping)} }`
  );
}

/** `src/index.ts` of `@coursehooks/learning`: the providers' events, their learning types, mappings and API. */
export function learningEntry(entries: ReadonlyArray<LearningCatalogue & { mapped: Mapped[] }>): string {
  const paths = entries.map((e) => e.catalogue.path);
  const key = (path: string) => JSON.stringify(path);
  return [
    banner(learningSources, "ts"),
    ...paths.map((path) => `import * as ${namespaceOf(path)} from "@coursehooks/${path}";`),
    `import { learningHandler, type LearningHandler, type LearningHandlerOptions, type ProviderOptions } ` +
      `from "./runtime/handler.js";`,
    `import type { MappedEvent } from "./runtime/mapping.js";`,
    `import type { ActivityCompleted, ActivityStarted, CourseChanged, CourseCompleted, LearnerActivated, ` +
      `LearnerEnrolled, LearningKind, With } from "./runtime/model.js";`,
    `import { normalizeWith, type NormalizeContext } from "./runtime/normalize.js";`,
    "",
    `export type * from "./runtime/model.js";`,
    "export type { LearningContext, LearningHandler, LearningHandlers, NodeRequestLike, NodeResponseLike, " +
      "ProviderOptions } " +
      `from "./runtime/handler.js";`,
    `export type { NormalizeContext } from "./runtime/normalize.js";`,
    "",
    "/** Each provider's events, by provider (the catalogue: `teachfloor`, `teachfloor/early`…). */",
    "export interface ProviderEvents {",
    ...paths.map((path) => `  ${key(path)}: ${namespaceOf(path)}.Event;`),
    "}",
    "",
    "/** A provider this package normalizes. */",
    "export type Provider = keyof ProviderEvents;",
    "",
    `/** Every learning kind. */`,
    `export const learningKinds: readonly LearningKind[] = ${JSON.stringify(kinds)};`,
    "",
    ...entries.flatMap(({ catalogue, mapped }) => mapped.map((m) => learningType(catalogue.path, m))),
    "",
    ...entries.map(({ catalogue, mapped }) => providerLearning(catalogue.path, mapped)),
    "",
    "/** The learning event of a provider's event `E`: undefined for an event with no learning meaning. */",
    "export type LearningOf<P extends Provider, E> = " +
      [...paths.map((path) => `P extends ${key(path)} ? ${pascalCase(path)}Learning<E> :`), "never"].join("\n  ") +
      ";",
    "",
    "/** Any learning event. */",
    "export type LearningEvent = { [P in Provider]: Exclude<LearningOf<P, ProviderEvents[P]>, undefined> }[Provider];",
    "",
    "/** The learning events of each kind. */",
    "export type LearningEventMap = { [K in LearningKind]: Extract<LearningEvent, { kind: K }> };",
    "",
    "const mappings: { readonly [P in Provider]: readonly MappedEvent[] } = {",
    ...entries.map(
      ({ catalogue, mapped }) =>
        `  ${key(catalogue.path)}: [\n${mapped.map((m) => `    ${mappingEntry(catalogue.path, m)},`).join("\n")}\n  ],`,
    ),
    "};",
    "",
    "/**",
    " * The learning event of a parsed provider event, or undefined when it has no learning meaning (or lacks the",
    " * ids its kind needs). Give the delivery id (the handlers' `context.deliveryId`) to have it in the result.",
    " * Never throws.",
    " */",
    "export function normalize<P extends Provider, E extends ProviderEvents[P]>(",
    "  provider: P,",
    "  event: E,",
    "  context?: NormalizeContext,",
    "): LearningOf<P, E> {",
    "  if (!Object.hasOwn(mappings, provider)) return undefined as LearningOf<P, E>;",
    "  return normalizeWith(provider, mappings[provider], event, context) as LearningOf<P, E>;",
    "}",
    "",
    "/** Each provider's options: its secret and verify options as its own package takes them, and its path. */",
    "export interface LearningProviders {",
    ...paths.map(
      (path) => `  ${key(path)}?: ProviderOptions<${namespaceOf(path)}.Secret, ${namespaceOf(path)}.VerifyOptions>;`,
    ),
    "}",
    "",
    "const factories = {",
    ...paths.map((path) => `  ${key(path)}: ${namespaceOf(path)}.createHandler,`),
    "};",
    "",
    "/**",
    " * One receiver for several providers: each delivery is routed by its path to its provider's handler (which",
    " * verifies, bounds, deduplicates and parses it), normalized, and passed to the handlers of its learning kind.",
    " * Throws a TypeError at start-up, naming every problem, when the options are wrong.",
    " */",
    "export function createLearningHandler(",
    "  options: LearningHandlerOptions<LearningEventMap, LearningProviders>,",
    "): LearningHandler<LearningEventMap> {",
    "  return learningHandler(factories as never, learningKinds, normalize as never, options);",
    "}",
    "",
  ].join("\n");
}
