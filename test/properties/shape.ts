// Shared by the property tests: what a well-formed result of each API is, checked exactly, as a list of
// problems (empty when the result is well-formed); and the prototypes, to tell that nothing was polluted.

import { expect } from "vitest";
import { pointerOf } from "../runtime/packages.js";

export const parseCodes: readonly string[] = ["invalid_json", "unknown_event", "invalid_payload"];
export const verifyCodes: readonly string[] = [
  "missing_signature",
  "malformed_signature",
  "signature_mismatch",
  "timestamp_out_of_range",
  "invalid_secret",
  "invalid_options",
];

/** The `error` of each non-2xx answer, by status (405, 408 and 413 come from the adapters only, but are documented). */
export const errorsByStatus: Readonly<Record<number, readonly string[]>> = {
  400: ["invalid_json", "invalid_payload", "body_unreadable"],
  401: ["missing_signature", "malformed_signature", "signature_mismatch", "timestamp_out_of_range"],
  405: ["method_not_allowed"],
  408: ["body_timeout"],
  409: ["delivery_in_progress"],
  413: ["payload_too_large"],
  500: ["invalid_secret", "invalid_options", "handler_failed", "internal_error", "raw_body_unavailable"],
  503: ["handler_timeout"],
};

/** The documented statuses of an answer. */
export const statuses: readonly number[] = [200, 202, ...Object.keys(errorsByStatus).map(Number)];

export type Json = Record<string, unknown>;

/** A plain object: `{}` or `Object.create(null)`, not an array, a class instance or a proxy's odd prototype. */
export function isPlain(value: unknown): value is Json {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

const show = (value: unknown): string => {
  try {
    return JSON.stringify(value)?.slice(0, 200) ?? String(value);
  } catch {
    return typeof value;
  }
};

/** Whether `value` holds exactly the keys `keys` (own, enumerable), in any order. */
function keysProblem(value: Json, keys: readonly string[], where: string): string[] {
  const own = Object.keys(value);
  if (own.length === keys.length && own.every((key) => keys.includes(key))) return [];
  return [`${where} has keys [${own.sort().join(", ")}], expected [${[...keys].sort().join(", ")}]`];
}

const nonEmptyString = (value: unknown): value is string => typeof value === "string" && value.length > 0;

/** What keeps `value` from being plain JSON data (plain objects, arrays, strings, finite numbers, booleans, null). */
export function jsonProblems(value: unknown, where: string, depth = 0): string[] {
  if (depth > 50) return [`${where} is nested too deeply`];
  if (value === null || typeof value === "string" || typeof value === "boolean") return [];
  if (typeof value === "number") return Number.isFinite(value) ? [] : [`${where} is ${value}`];
  if (Array.isArray(value)) {
    if (Object.getPrototypeOf(value) !== Array.prototype) return [`${where} is an array of an odd prototype`];
    return value.flatMap((item, i) => jsonProblems(item, `${where}[${i}]`, depth + 1));
  }
  if (!isPlain(value)) return [`${where} is not plain JSON data: ${typeof value}`];
  if (Object.getOwnPropertySymbols(value).length > 0) return [`${where} has symbol keys`];
  return Object.entries(value).flatMap(([key, item]) => jsonProblems(item, `${where}.${key}`, depth + 1));
}

/** Problems with one issue of an `invalid_payload` error. */
function issueProblems(issue: unknown, where: string): string[] {
  if (!isPlain(issue)) return [`${where} is not a plain object`];
  const problems = keysProblem(issue, ["path", "pointer", "message", "expected", "received"], where);
  const { path, pointer, message, expected, received } = issue;
  if (
    !Array.isArray(path) ||
    !path.every((key) => typeof key === "string" || (typeof key === "number" && Number.isInteger(key) && key >= 0))
  ) {
    problems.push(`${where}.path is not an array of keys and indices: ${show(path)}`);
  } else if (pointer !== pointerOf(path as Array<string | number>)) {
    problems.push(`${where}.pointer ${show(pointer)} is not the pointer of its path ${show(path)}`);
  }
  if (!nonEmptyString(message)) problems.push(`${where}.message is not a non-empty string`);
  if (typeof expected !== "string") problems.push(`${where}.expected is not a string`);
  if (typeof received !== "string") problems.push(`${where}.received is not a string`);
  return problems;
}

/** Problems with a parse error: a documented code, a non-empty message, exactly the fields of its code. */
export function parseErrorProblems(error: unknown, where = "error"): string[] {
  if (!isPlain(error)) return [`${where} is not a plain object: ${show(error)}`];
  const { code, message } = error;
  if (typeof code !== "string" || !parseCodes.includes(code))
    return [`${where}.code ${show(code)} is not a parse error code`];
  const problems = nonEmptyString(message) ? [] : [`${where}.message is not a non-empty string: ${show(message)}`];
  if (code === "invalid_json") problems.push(...keysProblem(error, ["code", "message"], where));
  if (code === "unknown_event") {
    problems.push(...keysProblem(error, ["code", "message", "type"], where));
    if (typeof error.type !== "string") problems.push(`${where}.type is not a string`);
  }
  if (code === "invalid_payload") {
    problems.push(...keysProblem(error, ["code", "message", "issues", "truncated"], where));
    const { issues, truncated } = error;
    if (!Array.isArray(issues)) return [...problems, `${where}.issues is not an array`];
    if (typeof truncated !== "boolean") problems.push(`${where}.truncated is not a boolean`);
    if (issues.length > 20) problems.push(`${where} has ${issues.length} issues, more than 20`);
    if (truncated === true && issues.length !== 20) problems.push(`${where} is truncated with ${issues.length} issues`);
    for (const [i, issue] of issues.entries()) problems.push(...issueProblems(issue, `${where}.issues[${i}]`));
    const first = issues[0] as Json | undefined;
    if (typeof message === "string" && typeof first?.message === "string" && !message.includes(first.message)) {
      problems.push(`${where}.message does not tell the first issue: ${show(message)}`);
    }
  }
  problems.push(...jsonProblems(error, where));
  return problems;
}

/** Problems with a result of `parse` or `validate`. */
export function parseResultProblems(result: unknown): string[] {
  if (!isPlain(result)) return [`the result is not a plain object: ${show(result)}`];
  if (result.ok === true)
    return [
      ...keysProblem(result, ["ok", "event"], "the result"),
      ...(result.event === undefined ? ["the event is undefined"] : []),
    ];
  if (result.ok !== false) return [`result.ok is ${show(result.ok)}`];
  return [...keysProblem(result, ["ok", "error"], "the result"), ...parseErrorProblems(result.error)];
}

/** Problems with a verification error. */
export function verifyErrorProblems(error: unknown, where = "error"): string[] {
  if (!isPlain(error)) return [`${where} is not a plain object: ${show(error)}`];
  const problems = keysProblem(error, ["code", "message"], where);
  if (typeof error.code !== "string" || !verifyCodes.includes(error.code))
    problems.push(`${where}.code ${show(error.code)} is not a verification code`);
  if (!nonEmptyString(error.message))
    problems.push(`${where}.message is not a non-empty string: ${show(error.message)}`);
  return problems;
}

/** Problems with a result of `verify`: exactly `{ ok: true }`, or `{ ok: false, error: { code, message } }`. */
export function verifyResultProblems(result: unknown): string[] {
  if (!isPlain(result)) return [`the result is not a plain object: ${show(result)}`];
  if (result.ok === true) return keysProblem(result, ["ok"], "the result");
  if (result.ok !== false) return [`result.ok is ${show(result.ok)}`];
  return [...keysProblem(result, ["ok", "error"], "the result"), ...verifyErrorProblems(result.error)];
}

/**
 * Problems with a result of `receive`: the event and its delivery id; a parse error and the delivery id (the
 * delivery is genuine); or a verification error and no delivery id.
 */
export function receiveResultProblems(result: unknown): string[] {
  if (!isPlain(result)) return [`the result is not a plain object: ${show(result)}`];
  const deliveryId = nonEmptyString(result.deliveryId)
    ? []
    : [`result.deliveryId is not a non-empty string: ${show(result.deliveryId)} (${typeof result.deliveryId})`];
  if (result.ok === true) {
    const event = typeof result.event === "object" && result.event !== null ? [] : ["the event is not an object"];
    return [...keysProblem(result, ["ok", "event", "deliveryId"], "the result"), ...deliveryId, ...event];
  }
  if (result.ok !== false) return [`result.ok is ${show(result.ok)}`];
  const error = result.error as Json | undefined;
  if (typeof error?.code === "string" && parseCodes.includes(error.code)) {
    return [
      ...keysProblem(result, ["ok", "error", "deliveryId"], "the result"),
      ...deliveryId,
      ...parseErrorProblems(error),
    ];
  }
  const keys = "deliveryId" in result ? ["ok", "error", "deliveryId"] : ["ok", "error"];
  const noId = result.deliveryId === undefined ? [] : ["an unverified delivery has a delivery id"];
  return [...keysProblem(result, keys, "the result"), ...noId, ...verifyErrorProblems(error)];
}

/** Problems with an answer of `handle`: a documented status, and the body of that status as plain JSON. */
export function answerProblems(answer: unknown): string[] {
  if (!isPlain(answer)) return [`the answer is not a plain object: ${show(answer)}`];
  const problems = keysProblem(
    answer,
    "headers" in answer ? ["status", "body", "headers"] : ["status", "body"],
    "the answer",
  );
  const { status, body, headers } = answer;
  if (typeof status !== "number" || !statuses.includes(status))
    return [...problems, `status ${show(status)} is not documented`];
  if (!isPlain(body)) return [...problems, `the body is not a plain object: ${show(body)}`];
  problems.push(...jsonProblems(body, "body"));
  if (
    headers !== undefined &&
    !(isPlain(headers) && Object.values(headers).every((value) => typeof value === "string"))
  ) {
    problems.push(`the headers are not a record of strings: ${show(headers)}`);
  }
  const form = (keys: string[], ok: boolean, what: string) => [
    ...keysProblem(body, keys, "body"),
    ...(ok ? [] : [`body ${show(body)} is not ${what}`]),
  ];
  if (status === 200) {
    if ("duplicate" in body)
      problems.push(
        ...form(["received", "duplicate"], body.received === true && body.duplicate === true, "a duplicate's"),
      );
    else
      problems.push(
        ...form(
          ["received", "handled"],
          body.received === true && typeof body.handled === "boolean",
          "{ received, handled }",
        ),
      );
  } else if (status === 202) {
    if ("invalid" in body) {
      const code = body.invalid;
      problems.push(
        ...form(
          ["received", "invalid"],
          body.received === true && typeof code === "string" && parseCodes.includes(code),
          "an invalid delivery's",
        ),
      );
    } else
      problems.push(
        ...form(
          ["received", "ignored"],
          body.received === true && typeof body.ignored === "string",
          "{ received, ignored }",
        ),
      );
  } else {
    const error = body.error;
    const allowed = errorsByStatus[status] ?? [];
    problems.push(
      ...form(
        ["error", "message"],
        typeof error === "string" && allowed.includes(error) && nonEmptyString(body.message),
        `a ${status} error`,
      ),
    );
  }
  return problems;
}

/** Fails the run with `message` unless `condition` holds (cheaper than `expect`, which counts in 10,000 runs). */
export function check(condition: boolean, message: string): void {
  if (!condition) throw new Error(message);
}

/** Fails the test with every problem, and the case that made them. */
export function expectWellFormed(problems: string[], what: string, input?: unknown): void {
  if (problems.length > 0) expect(problems, `${what}${input === undefined ? "" : ` for ${show(input)}`}`).toEqual([]);
}

// ---- prototypes ------------------------------------------------------------------------------------------

export interface Prototypes {
  object: string[];
  array: string[];
  function: string[];
}

/** The own property names of the prototypes a payload could pollute. */
export const prototypes = (): Prototypes => ({
  object: Object.getOwnPropertyNames(Object.prototype).sort(),
  array: Object.getOwnPropertyNames(Array.prototype).sort(),
  function: Object.getOwnPropertyNames(Function.prototype).sort(),
});

/** For every run: no `polluted` on fresh objects, no new key on Object.prototype (the rest: at the end). */
export function unpolluted(before: Prototypes): boolean {
  return (
    ({} as Json).polluted === undefined &&
    ([] as unknown as Json).polluted === undefined &&
    Object.getOwnPropertyNames(Object.prototype).length === before.object.length
  );
}

export const checkUnpolluted = (before: Prototypes): void => check(unpolluted(before), "a prototype was polluted");

/** The full check, after the runs. */
export function expectUnpolluted(before: Prototypes): void {
  expect(({} as Json).polluted).toBeUndefined();
  expect(([] as unknown as Json).polluted).toBeUndefined();
  expect(Object.create({}).polluted).toBeUndefined();
  expect(prototypes()).toEqual(before);
}

/** Bodies that would pollute `Object.prototype` if any code merged them into an object. */
export const pollutionBodies: readonly string[] = [
  '{"__proto__":{"polluted":1}}',
  '{"constructor":{"prototype":{"polluted":1}}}',
  '[{"__proto__":{"polluted":1}}]',
  '{"type":"__proto__","__proto__":{"polluted":1},"data":{"constructor":{"prototype":{"polluted":1}}}}',
  '{"event":"constructor","constructor":{"prototype":{"polluted":1}},"__proto__":[{"polluted":1}]}',
];
