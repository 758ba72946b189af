/** One thing wrong with the schemas, located by file and JSON Pointer. */
export interface Problem {
  /** Path of the schema file below `schemas/`. */
  file: string;
  /** JSON Pointer into the file ("" for the whole file). */
  pointer: string;
  message: string;
}

/** `schemas/teachfloor/course.join.schema.json /properties/data: message` */
export function formatProblem(problem: Problem): string {
  return `schemas/${problem.file} ${problem.pointer || "/"}: ${problem.message}`;
}

/** A JSON Pointer token: `~` and `/` escaped. */
export function pointerToken(key: string | number): string {
  return String(key).replace(/~/g, "~0").replace(/\//g, "~1");
}

/** The tokens of a JSON Pointer, unescaped: `/a~1b/c` is `["a/b", "c"]`. */
export function pointerTokens(pointer: string): string[] {
  return pointer === ""
    ? []
    : pointer
        .split("/")
        .slice(1)
        .map((t) => t.replace(/~1/g, "/").replace(/~0/g, "~"));
}
