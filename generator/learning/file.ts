import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv, type ErrorObject } from "ajv";
import type { Problem } from "../problem.js";
import { activityTypes, kinds } from "./kinds.js";

/** A JSON Pointer into the event, or several tried in order. */
export type SourceJson = string | string[];

/** One event's mapping as written in `learning.json`. */
export interface MappingJson {
  kind: (typeof kinds)[number];
  $comment?: string;
  occurredAt?: SourceJson;
  learner?: { id: SourceJson; email?: SourceJson; name?: SourceJson };
  course?: { id: SourceJson; title?: SourceJson };
  courses?: { each: string; id: SourceJson; title?: SourceJson };
  activity?: { type: (typeof activityTypes)[number]; id?: SourceJson; title?: SourceJson };
  score?: SourceJson;
  passed?: SourceJson;
}

/** A catalogue's `learning.json`: the mapping of each event with a learning meaning, and why others have none. */
export interface LearningJson {
  $comment?: string;
  events: Record<string, MappingJson>;
  unmapped?: Record<string, string>;
}

const pointer = { type: "string", pattern: "^(/[^/]*)+$" };
/** A pointer, or a list of them: `pattern` applies to a string, `items` to a list, so each mistake is said once. */
const source = { type: ["string", "array"], pattern: pointer.pattern, minItems: 1, items: pointer };
const object = (required: string[], properties: Record<string, unknown>) => ({
  type: "object",
  additionalProperties: false,
  required,
  properties: { $comment: { type: "string" }, ...properties },
});

/** The shape of `learning.json`; what the pointers reach is checked against the schemas afterwards. */
const learningSchema = object(["events"], {
  events: {
    type: "object",
    additionalProperties: object(["kind"], {
      kind: { enum: kinds },
      occurredAt: source,
      learner: object(["id"], { id: source, email: source, name: source }),
      course: object(["id"], { id: source, title: source }),
      courses: object(["each", "id"], { each: pointer, id: source, title: source }),
      activity: object(["type"], { type: { enum: activityTypes }, id: source, title: source }),
      score: source,
      passed: source,
    }),
  },
  unmapped: { type: "object", additionalProperties: { type: "string", minLength: 1 } },
});

/** AJV's message, with the key or the values it is about. */
function said(error: ErrorObject): string {
  const params = error.params as { additionalProperty?: string; allowedValues?: unknown[] };
  if (params.additionalProperty !== undefined) return `no such key "${params.additionalProperty}"`;
  if (params.allowedValues) return `${error.message} (${params.allowedValues.join(", ")})`;
  return String(error.message);
}

/**
 * Reads `schemas/<catalogue>/learning.json` if there is one; an unparsable or ill-shaped file is a problem,
 * located by its JSON Pointer.
 */
export function loadLearning(schemasDir: string, catalogue: string): { learning?: LearningJson; problems: Problem[] } {
  const file = `${catalogue}/learning.json`;
  const path = join(schemasDir, file);
  if (!existsSync(path)) return { problems: [] };
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    return { problems: [{ file, pointer: "", message: `Not valid JSON: ${(error as Error).message}` }] };
  }
  // `source` is a union of two types on purpose: allowed, so that strict mode has nothing to print.
  const validate = new Ajv({ allErrors: true, allowUnionTypes: true }).compile(learningSchema);
  if (validate(json)) return { learning: json as unknown as LearningJson, problems: [] };
  return {
    problems: (validate.errors ?? []).map((e) => ({
      file,
      pointer: e.instancePath,
      message: `learning.json: ${said(e)}`,
    })),
  };
}
