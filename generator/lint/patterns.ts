import safeRegex from "safe-regex2";

/** Why `pattern` must not be used (not a regular expression, or one that can backtrack catastrophically), if so. */
export function patternProblem(pattern: string): string | undefined {
  try {
    new RegExp(pattern, "u");
  } catch {
    return "not a valid regular expression";
  }
  return safeRegex(pattern) ? undefined : `${JSON.stringify(pattern.slice(0, 60))} can backtrack catastrophically`;
}
