import type { Catalogue, EventSchema } from "../catalogue.js";
import type { SchemaFile } from "../load.js";
import { pointerToken, type Problem } from "../problem.js";
import type { LearningJson, MappingJson, SourceJson } from "./file.js";
import { kindRules } from "./kinds.js";
import { reach } from "./resolve.js";

/** The types a mapped field may reach, and the format a time must have. */
const expected = {
  id: ["string", "integer", "number"],
  text: ["string"],
  time: ["string"],
  score: ["number", "integer"],
  passed: ["boolean"],
  list: ["array"],
} as const;

type Expect = keyof typeof expected;

/** Every field of a mapping that names pointers, with its JSON Pointer in the file and what it must reach. */
export function mappedFields(mapping: MappingJson): Array<{ at: string; source: SourceJson; expect: Expect }> {
  const fields: Array<{ at: string; source: SourceJson | undefined; expect: Expect }> = [
    { at: "/occurredAt", source: mapping.occurredAt, expect: "time" },
    { at: "/learner/id", source: mapping.learner?.id, expect: "id" },
    { at: "/learner/email", source: mapping.learner?.email, expect: "text" },
    { at: "/learner/name", source: mapping.learner?.name, expect: "text" },
    { at: "/course/id", source: mapping.course?.id, expect: "id" },
    { at: "/course/title", source: mapping.course?.title, expect: "text" },
    { at: "/courses/each", source: mapping.courses?.each, expect: "list" },
    { at: "/activity/id", source: mapping.activity?.id, expect: "id" },
    { at: "/activity/title", source: mapping.activity?.title, expect: "text" },
    { at: "/score", source: mapping.score, expect: "score" },
    { at: "/passed", source: mapping.passed, expect: "passed" },
  ];
  const each = mapping.courses?.each;
  const inItems = (source: SourceJson | undefined) =>
    source === undefined ? undefined : [source].flat().map((pointer) => `${each}/0${pointer}`);
  if (each !== undefined) {
    fields.push({ at: "/courses/id", source: inItems(mapping.courses?.id), expect: "id" });
    fields.push({ at: "/courses/title", source: inItems(mapping.courses?.title), expect: "text" });
  }
  return fields.filter((f): f is { at: string; source: SourceJson; expect: Expect } => f.source !== undefined);
}

/** What the mapping's kind requires or forbids, as messages by field. */
function kindProblems(mapping: MappingJson): Array<[string, string]> {
  const rule = kindRules[mapping.kind];
  const problems: Array<[string, string]> = [];
  const has = (field: keyof MappingJson) => mapping[field] !== undefined;
  if (rule.learner && !has("learner")) problems.push(["", `A ${mapping.kind} event names its learner.`]);
  if (!rule.learner && has("learner")) problems.push(["/learner", `A ${mapping.kind} event has no learner.`]);
  if (rule.activity && !has("activity")) problems.push(["", `A ${mapping.kind} event names its activity.`]);
  if (!rule.activity && has("activity")) problems.push(["/activity", `A ${mapping.kind} event has no activity.`]);
  if (!rule.result && has("score")) problems.push(["/score", `A ${mapping.kind} event has no score.`]);
  if (!rule.result && has("passed")) problems.push(["/passed", `A ${mapping.kind} event has no passed.`]);
  if (rule.course === "required" && !has("course")) problems.push(["", `A ${mapping.kind} event names its course.`]);
  if (rule.course === "none" && has("course")) problems.push(["/course", `A ${mapping.kind} event has no course.`]);
  if (rule.course === "enrolment" && has("course") === has("courses"))
    problems.push(["", "A learner.enrolled event names its course, or its courses (not both)."]);
  if (rule.course !== "enrolment" && has("courses"))
    problems.push(["/courses", `Only a learner.enrolled event names several courses (use course).`]);
  return problems;
}

/** Problems with one event's mapping: its kind's rules, then every pointer against the event's schema. */
function mappingProblems(
  event: EventSchema,
  mapping: MappingJson,
  files: readonly SchemaFile[],
): Array<[string, string]> {
  const problems = kindProblems(mapping);
  for (const { at, source, expect } of mappedFields(mapping)) {
    [source].flat().forEach((pointer, i) => {
      const where = Array.isArray(source) ? `${at}/${i}` : at;
      const reached = reach(event.file, pointer, files);
      if (!reached) {
        problems.push([where, `${pointer} is not a field of schemas/${event.file.path}.`]);
        return;
      }
      const allowed: readonly string[] = expected[expect];
      const types = reached.types.filter((t) => t !== "null");
      if (types.length === 0 || !types.every((t) => allowed.includes(t)))
        problems.push([
          where,
          `${pointer} is ${types.join(" or ") || "of no declared type"}; expected ${allowed.join(" or ")}.`,
        ]);
      else if (expect === "time" && reached.format !== "date-time")
        problems.push([where, `${pointer} is not a date-time (RFC 3339) field, so it cannot be occurredAt.`]);
    });
  }
  return problems;
}

/** Problems with a catalogue's `learning.json`: unknown events, kinds' rules, pointers that reach nothing fit. */
export function learningProblems(
  catalogue: Catalogue,
  learning: LearningJson,
  files: readonly SchemaFile[],
): Problem[] {
  const file = `${catalogue.path}/learning.json`;
  const byStem = new Map(catalogue.events.map((event) => [event.stem, event]));
  const problems: Problem[] = [];
  const unknown = (section: string, stem: string) =>
    problems.push({
      file,
      pointer: `/${section}/${pointerToken(stem)}`,
      message: `${catalogue.path} has no event schema ${stem} (schemas/${catalogue.path}/${stem}.schema.json).`,
    });
  for (const [stem, mapping] of Object.entries(learning.events)) {
    const event = byStem.get(stem);
    if (!event) unknown("events", stem);
    else
      for (const [at, message] of mappingProblems(event, mapping, files))
        problems.push({ file, pointer: `/events/${pointerToken(stem)}${at}`, message });
  }
  for (const stem of Object.keys(learning.unmapped ?? {})) {
    if (!byStem.has(stem)) unknown("unmapped", stem);
    else if (stem in learning.events)
      problems.push({
        file,
        pointer: `/unmapped/${pointerToken(stem)}`,
        message: `${stem} is mapped in events and cannot also be listed as unmapped.`,
      });
  }
  return problems;
}
