import { banner } from "../banner.js";
import { row } from "../emit/docs.js";
import { cell, prose } from "../emit/markdown.js";
import { fileUrl, type Links } from "../emit/links.js";
import type { SchemaFile } from "../load.js";
import type { MappingJson } from "./file.js";
import { mappedFields } from "./check.js";
import { type Kind, kindRules, kinds } from "./kinds.js";
import type { LearningCatalogue, Mapped } from "./model.js";
import { reach } from "./resolve.js";
import { learningSources } from "./entry.js";

export type LearningDocsInput = ReadonlyArray<LearningCatalogue & { mapped: Mapped[] }>;

const code = (text: string) => `\`${text}\``;

/** Kinds against providers: which events feed each kind. */
export function kindMatrix(entries: LearningDocsInput): string[] {
  const paths = entries.map((e) => e.catalogue.path);
  return [
    row(["Kind", ...paths]),
    row(["---", ...paths.map(() => "---")]),
    ...kinds.map((kind) =>
      row([
        code(kind),
        ...entries.map(({ mapped }) => {
          const feeding = mapped.filter((m) => m.json.kind === kind).map((m) => code(m.event.stem));
          return feeding.length ? feeding.join(", ") : "—";
        }),
      ]),
    ),
  ];
}

/** The learning fields a kind carries, each with the mapping field that feeds it. */
function fieldsOf(kind: Kind): string[] {
  const rule = kindRules[kind];
  return [
    "occurredAt",
    ...(rule.learner ? ["learner.id", "learner.email", "learner.name"] : []),
    ...(rule.course === "none" ? [] : ["course.id", "course.title"]),
    ...(rule.activity ? ["activity.id", "activity.title"] : []),
    ...(rule.result ? ["score", "passed"] : []),
  ];
}

/** The pointers feeding `field`, and whether every valid event has a value there. */
function feeds(mapped: Mapped, field: string, files: readonly SchemaFile[]): string {
  const json: MappingJson = mapped.json;
  const each = json.courses && field.startsWith("course.") ? json.courses.each : undefined;
  const at = `/${field.replace(".", "/")}`;
  const sources = each
    ? [field === "course.id" ? json.courses!.id : json.courses!.title]
    : mappedFields(json)
        .filter((f) => f.at === at)
        .map((f) => f.source);
  const pointers = sources.flatMap((source) => (source === undefined ? [] : [source].flat()));
  if (pointers.length === 0) return field === "occurredAt" ? "time received" : "not sent";
  const full = (pointer: string) => (each ? `${each}/0${pointer}` : pointer);
  const always = pointers.some((p) => reach(mapped.event.file, full(p), files)?.always);
  const shown = pointers.map((p) => code(each ? `${each}/*${p}` : p)).join(", then ");
  return `${shown}${always ? "" : " (when sent)"}`;
}

/** For each kind, field by field, where each provider event's value comes from, and what it lacks. */
export function fieldMatrices(entries: LearningDocsInput, files: readonly SchemaFile[]): string[] {
  return kinds.flatMap((kind) => {
    const columns = entries.flatMap(({ catalogue, mapped }) =>
      mapped.filter((m) => m.json.kind === kind).map((m) => ({ path: catalogue.path, mapped: m })),
    );
    if (columns.length === 0) return [`### \`${kind}\``, "", `${kindRules[kind].what} No provider sends it.`, ""];
    return [
      `### \`${kind}\``,
      "",
      kindRules[kind].what,
      "",
      row(["Field", ...columns.map((c) => `${c.path} ${code(c.mapped.event.stem)}`)]),
      row(["---", ...columns.map(() => "---")]),
      ...fieldsOf(kind).map((field) => row([code(field), ...columns.map((c) => cell(feeds(c.mapped, field, files)))])),
      "",
    ];
  });
}

/** The events of each provider that have no learning event, with the reason where the mapping gives one. */
export function unmappedList(entries: LearningDocsInput): string[] {
  return entries.flatMap(({ catalogue, learning, mapped }) => {
    const done = new Set(mapped.map((m) => m.event.stem));
    const rest = catalogue.events.filter((e) => !done.has(e.stem));
    if (rest.length === 0) return [];
    const reasons = learning.unmapped ?? {};
    return [
      `- **${catalogue.path}**: ${rest
        .map((e) => {
          const reason = reasons[e.stem];
          return reason ? `${code(e.stem)} (${prose(reason)})` : code(e.stem);
        })
        .join(", ")}`,
    ];
  });
}

/** The decisions written in the mappings (`$comment`), by provider and event. */
function decisions(entries: LearningDocsInput): string[] {
  return entries.flatMap(({ catalogue, learning, mapped }) => [
    ...(learning.$comment ? [`- **${catalogue.path}**: ${prose(learning.$comment)}`] : []),
    ...mapped
      .filter((m) => m.json.$comment)
      .map((m) => `- **${catalogue.path}** ${code(m.event.stem)}: ${prose(m.json.$comment!)}`),
  ]);
}

/** The receiver the README shows, as examples/learning-receiver.ts runs it (after `const app = express();`). */
export const learningReceiver = (): string[] => [
  "const learning = createLearningHandler({",
  "  providers: {",
  "    teachfloor: { secret: process.env.TEACHFLOOR_WEBHOOK_SECRET! },",
  "    whop: { secret: process.env.WHOP_WEBHOOK_SECRET! },",
  "  },",
  "  on: {",
  '    "activity.completed": (event, context) => saveProgress(event.learner.id, event.activity, context.provider),',
  '    "course.completed": (event) => issueCertificate(event.learner.id, event.course.id),',
  "  },",
  "});",
  'app.use("/webhooks", learning.node); // before express.json(): /webhooks/teachfloor, /webhooks/whop',
];

const usage = () => [
  "```ts",
  'import { parse } from "@coursehooks/teachfloor";',
  'import { normalize } from "@coursehooks/learning";',
  "",
  "const result = parse(rawBody);",
  "if (result.ok) {",
  '  const learning = normalize("teachfloor", result.event);',
  '  if (learning?.kind === "learner.enrolled") console.log(learning.learner.id, learning.courses);',
  "}",
  "```",
  "",
  "One receiver for several providers, each at its own path (`/teachfloor`, `/whop`…, or the `path` you give):",
  "",
  "```ts",
  'import express from "express";',
  'import { createLearningHandler } from "@coursehooks/learning";',
  "",
  "const app = express();",
  ...learningReceiver(),
  "```",
  "",
];

/** The package README: what the model is, how to use it, and the matrix. */
export function learningReadme(entries: LearningDocsInput, files: readonly SchemaFile[], links: Links): string {
  return [
    banner(learningSources, "md"),
    "# @coursehooks/learning",
    "",
    "One model for learning events across course platforms: enrolments, activations, activities started and",
    "completed, courses completed, and course changes, whichever provider sent them. `normalize(provider, event)`",
    "turns a parsed event of a coursehooks provider package into a learning event (or `undefined` when it has no",
    "learning meaning); `createLearningHandler` receives deliveries of several providers and calls your handlers by",
    "learning kind, with each provider's own verification, limits and deduplication.",
    "",
    "Every learning event carries `kind`, `provider`, `occurredAt` (RFC 3339) with `occurredAtFrom` (`payload`,",
    "`envelope`, or `received` when the event has no time), `deliveryId` when known, and `source`, the provider's",
    "event, typed. Learner events carry `learner` (`id` as a string, `email` and `name` where sent); events about a",
    "course carry `course` (`id` as a string, `title` where sent); activities carry `activity` (`type`, `id`,",
    "`title`); completions carry `score` and `passed` where the provider sends them. `learner.enrolled` lists",
    "`courses` (some providers enrol in several at once) and sets `course` when there is exactly one.",
    "",
    "```sh",
    "npm install @coursehooks/learning",
    "```",
    "",
    ...usage(),
    "## Kinds by provider",
    "",
    ...kindMatrix(entries),
    "",
    "## Field by field",
    "",
    "Where each field comes from in each provider's event (JSON Pointers; the first that holds a value is used).",
    '"When sent" marks fields a valid event may lack; "not sent" what the provider does not send at all.',
    "",
    ...fieldMatrices(entries, files),
    "## Events without a learning meaning",
    "",
    "`normalize` returns `undefined` for these; `createLearningHandler` passes them to `onOther`.",
    "",
    ...unmappedList(entries),
    "",
    "## Decisions",
    "",
    ...decisions(entries),
    "",
    "The mappings are data, one `learning.json` beside each provider's schemas:",
    `[Learning events](${fileUrl(links, "CONTRIBUTING.md")}#learning-events) in CONTRIBUTING.md says how to map`,
    "an event.",
    "",
  ].join("\n");
}
