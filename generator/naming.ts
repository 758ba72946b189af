import { catalogueOf, stemOf } from "./ids.js";

/** `course_lesson_interaction.completed` → `CourseLessonInteractionCompleted`. */
export function pascalCase(text: string): string {
  return text
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join("");
}

/** `teachfloor/early` → `TeachfloorEarly`: the prefix of every type name in a catalogue. */
export function cataloguePrefix(catalogue: string): string {
  return pascalCase(catalogue);
}

/**
 * The type name of a schema file, from its path below `schemas/`: `teachfloor/course.join.schema.json` →
 * `TeachfloorCourseJoinEvent`.
 */
export function typeName(path: string): string {
  const prefix = cataloguePrefix(catalogueOf(path));
  const stem = stemOf(path);
  return stem.startsWith("common/")
    ? prefix + pascalCase(stem.slice("common/".length))
    : `${prefix}${pascalCase(stem)}Event`;
}

/** The name of an event's generated validator: `validateCourseJoin`. */
export function validatorName(stem: string): string {
  return `validate${pascalCase(stem)}`;
}

/** `course.join` → `courseJoin`. */
export function camelCase(text: string): string {
  const pascal = pascalCase(text);
  return pascal[0]!.toLowerCase() + pascal.slice(1);
}

/** The name of an event's type guard: `isCourseJoin`. */
export const guardName = (stem: string): string => `is${pascalCase(stem)}`;

/** The name of an event's Standard Schema: `courseJoinSchema`. */
export const standardSchemaName = (stem: string): string => `${camelCase(stem)}Schema`;

/** The name of an event's bundled JSON Schema in the package source: `courseJoinJsonSchema`. */
export const jsonSchemaName = (stem: string): string => `${camelCase(stem)}JsonSchema`;
