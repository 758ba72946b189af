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

/** The type name of a schema file, from its path below `schemas/`. */
export function typeName(catalogue: string, pathInCatalogue: string): string {
  const stem = pathInCatalogue.replace(/\.schema\.json$/, "");
  if (stem.startsWith("common/")) return cataloguePrefix(catalogue) + pascalCase(stem.slice("common/".length));
  return `${cataloguePrefix(catalogue)}${pascalCase(stem)}Event`;
}

/** The name of an event's generated validator: `validateCourseJoin`. */
export function validatorName(stem: string): string {
  return `validate${pascalCase(stem)}`;
}
