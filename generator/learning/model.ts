import type { Catalogue, EventSchema } from "../catalogue.js";
import type { SchemaFile } from "../load.js";
import { pointerTokens } from "../problem.js";
import type { LearningJson, MappingJson, SourceJson } from "./file.js";
import { kindRules } from "./kinds.js";
import type { EventMapping, Source } from "./runtime/mapping.js";
import { reach } from "./resolve.js";

/** A catalogue with its `learning.json`, once checked. */
export interface LearningCatalogue {
  catalogue: Catalogue;
  learning: LearningJson;
}

/** One mapped event, ready to emit: its schema, its mapping as the runtime reads it, and what it always has. */
export interface Mapped {
  event: EventSchema;
  json: MappingJson;
  mapping: EventMapping;
  /** Optional fields of the kind that every valid event has: `course`, `score`, `passed`. */
  always: string[];
  /** Whether a valid event may lack what the kind needs (its learner's or course's id), so normalizes to nothing. */
  mayLack: boolean;
}

const sourceOf = (source: SourceJson | undefined, base = ""): Source | undefined =>
  source === undefined ? undefined : [source].flat().map((pointer) => pointerTokens(base + pointer));

/** `value` without its undefined properties, as the type it then has. */
const defined = <T>(value: object): T =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;

/** The mapping as the runtime reads it: paths as tokens; each time candidate labelled envelope or payload. */
export function runtimeMapping(json: MappingJson): EventMapping {
  const times = [json.occurredAt ?? []].flat();
  return defined<EventMapping>({
    kind: json.kind,
    occurredAt: times.map((pointer) => {
      const path = pointerTokens(pointer);
      return [path, path.length === 1 ? "envelope" : "payload"] as const;
    }),
    learner:
      json.learner &&
      defined({
        id: sourceOf(json.learner.id)!,
        email: sourceOf(json.learner.email),
        name: sourceOf(json.learner.name),
      }),
    course: json.course && defined({ id: sourceOf(json.course.id)!, title: sourceOf(json.course.title) }),
    courses:
      json.courses &&
      defined({
        each: pointerTokens(json.courses.each),
        id: sourceOf(json.courses.id)!,
        title: sourceOf(json.courses.title),
      }),
    activity:
      json.activity &&
      defined({ type: json.activity.type, id: sourceOf(json.activity.id), title: sourceOf(json.activity.title) }),
    score: sourceOf(json.score),
    passed: sourceOf(json.passed),
  });
}

/** Whether some pointer of `source` reaches a value in every valid event. */
const always = (event: EventSchema, source: SourceJson | undefined, files: readonly SchemaFile[]) =>
  source !== undefined && [source].flat().some((pointer) => reach(event.file, pointer, files)?.always === true);

/** The mapped events of a catalogue, in its events' order. */
export function mappedEvents(entry: LearningCatalogue, files: readonly SchemaFile[]): Mapped[] {
  return entry.catalogue.events.flatMap((event) => {
    const json = entry.learning.events[event.stem];
    if (!json) return [];
    const rule = kindRules[json.kind];
    const present = [
      json.course && always(event, json.course.id, files) ? "course" : undefined,
      json.score !== undefined && always(event, json.score, files) ? "score" : undefined,
      json.passed !== undefined && always(event, json.passed, files) ? "passed" : undefined,
    ].filter((field): field is string => field !== undefined && !(field === "course" && rule.course === "required"));
    const lacksLearner = rule.learner && !always(event, json.learner?.id, files);
    const lacksCourse = rule.course === "required" && !always(event, json.course?.id, files);
    return [{ event, json, mapping: runtimeMapping(json), always: present, mayLack: lacksLearner || lacksCourse }];
  });
}
