import type { Issue } from "./result.js";

/** An error as AJV's generated validators report it. */
export interface ValidatorError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

/** At most this many issues are reported for one payload, however broken it is. */
export const maxIssues = 20;

const unescapeToken = (token: string) => token.replace(/~1/g, "/").replace(/~0/g, "~");

/** What a value is, in the words of a schema's `type`. */
export function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

/** A short rendering of a value for a message; values JSON cannot hold are named by their kind. */
export function show(value: unknown): string {
  if (value === undefined) return "nothing";
  if (typeof value === "bigint") return `${value}n`;
  if (typeof value !== "string" && typeof value !== "number" && typeof value !== "boolean") return kindOf(value);
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** Text for anything thrown, even a value that cannot be turned into a string. */
export function describeThrown(thrown: unknown): string {
  try {
    return thrown instanceof Error ? thrown.message : String(thrown);
  } catch {
    return "an unreadable error";
  }
}

/** The path to a place in `root`, with array indices as numbers. */
function pathOf(root: unknown, pointer: string): Array<string | number> {
  const path: Array<string | number> = [];
  let node: unknown = root;
  for (const token of pointer.split("/").slice(1).map(unescapeToken)) {
    const key = Array.isArray(node) ? Number(token) : token;
    path.push(key);
    node = node === null || typeof node !== "object" ? undefined : (node as Record<string | number, unknown>)[key];
  }
  return path;
}

/** The value at a path in `root`, or undefined where the path leaves the objects. */
export function valueAt(root: unknown, path: ReadonlyArray<string | number>): unknown {
  return path.reduce<unknown>(
    (node, key) =>
      node === null || typeof node !== "object" ? undefined : (node as Record<string | number, unknown>)[key],
    root,
  );
}

/** A path as people write it: `data.plans[0].amount`, or `(root)`. */
export const pathText = (path: ReadonlyArray<string | number>): string =>
  path.length === 0
    ? "(root)"
    : path.map((key, i) => (typeof key === "number" ? `[${key}]` : i === 0 ? key : `.${key}`)).join("");

/** What the schema wanted, from an AJV error. */
function expectation(error: ValidatorError): string {
  const { params } = error;
  switch (error.keyword) {
    case "required":
      return "a value";
    case "type":
      return String(params.type).replace(/,/g, " or ");
    case "const":
      return JSON.stringify(params.allowedValue);
    case "enum":
      return `one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ")}`;
    case "format":
      return params.format === "date-time"
        ? "an RFC 3339 date-time such as 2025-10-07T15:30:00Z or 2023-12-04T18:45:44+08:00"
        : `a ${String(params.format)}`;
    default:
      return problem(error);
  }
}

const counted = (limit: unknown, what: string) => `${String(limit)} ${what}${limit === 1 ? "" : "s"}`;

/**
 * What is wrong, for the keywords other than required, type, const, enum and format. The shipped validators carry
 * no messages of their own (they would repeat in every place a keyword is checked): they are written here from
 * the keyword and its parameters.
 */
function problem(error: ValidatorError): string {
  const { params } = error;
  switch (error.keyword) {
    case "anyOf":
      return "matches none of the shapes it may have";
    case "oneOf":
      return params.passingSchemas
        ? "matches more than one of the shapes it may have"
        : "matches none of the shapes it may have";
    case "not":
      return "has a shape it must not have";
    case "false schema":
    case "additionalProperties":
      return params.additionalProperty === undefined
        ? "must not be present"
        : `has a field it must not have: ${JSON.stringify(params.additionalProperty)}`;
    case "minimum":
    case "maximum":
    case "exclusiveMinimum":
    case "exclusiveMaximum":
      return `must be ${String(params.comparison)} ${String(params.limit)}`;
    case "minLength":
      return `must have at least ${counted(params.limit, "character")}`;
    case "maxLength":
      return `must have at most ${counted(params.limit, "character")}`;
    case "minItems":
      return `must have at least ${counted(params.limit, "item")}`;
    case "maxItems":
      return `must have at most ${counted(params.limit, "item")}`;
    case "minProperties":
      return `must have at least ${counted(params.limit, "field")}`;
    case "maxProperties":
      return `must have at most ${counted(params.limit, "field")}`;
    case "pattern":
      return `must match the pattern ${String(params.pattern)}`;
    case "multipleOf":
      return `must be a multiple of ${String(params.multipleOf)}`;
    case "uniqueItems":
      return `must not repeat items (items ${String(params.j)} and ${String(params.i)} are the same)`;
    default:
      return error.message ?? `does not satisfy "${error.keyword}"`;
  }
}

/** One issue from one AJV error, read against the payload it was about. */
export function toIssue(root: unknown, error: ValidatorError): Issue {
  const pointer =
    error.keyword === "required"
      ? `${error.instancePath}/${String(error.params.missingProperty).replace(/~/g, "~0").replace(/\//g, "~1")}`
      : error.instancePath;
  const path = pathOf(root, pointer);
  const value = valueAt(root, path);
  const expected = expectation(error);
  const received = error.keyword === "required" ? "nothing" : error.keyword === "type" ? kindOf(value) : show(value);
  const message =
    error.keyword === "required"
      ? `${pathText(path)}: required field is missing`
      : ["type", "const", "enum", "format"].includes(error.keyword)
        ? `${pathText(path)}: expected ${expected}, received ${received}`
        : `${pathText(path)}: ${problem(error)}`;
  return { path, pointer, message, expected, received };
}

/** The issues of a failed validation: one per place (its first), in the validator's order, at most `maxIssues`. */
export function toIssues(root: unknown, errors: readonly ValidatorError[]): { issues: Issue[]; truncated: boolean } {
  const issues: Issue[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    const key =
      error.keyword === "required"
        ? `${error.instancePath}/${String(error.params.missingProperty)}`
        : error.instancePath;
    if (seen.has(key)) continue;
    if (issues.length === maxIssues) return { issues, truncated: true };
    seen.add(key);
    issues.push(toIssue(root, error));
  }
  return { issues, truncated: false };
}
