/** Whether a value is a plain options object (not null, not an array). */
export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** What is wrong with a number option, or undefined: it is absent or a finite number of at least `min`. */
export function numberProblem(name: string, value: unknown, min: number): string | undefined {
  if (value === undefined || (typeof value === "number" && Number.isFinite(value) && value >= min)) return undefined;
  return `${name} must be a finite number >= ${min}; it is ${typeof value === "number" ? value : typeof value}.`;
}

/** What is wrong with an option that must be a function when given, or undefined. */
export const functionProblem = (name: string, value: unknown): string | undefined =>
  value === undefined || typeof value === "function" ? undefined : `${name} must be a function; it is ${typeof value}.`;

import { describeThrown } from "./issues.js";

/**
 * What is wrong with verification options, or undefined. A misconfigured tolerance or clock must never
 * turn replay protection off, so verification refuses to run with one.
 */
export function verifyOptionsProblem(options: unknown): string | undefined {
  if (options === undefined) return undefined;
  if (!isRecord(options)) return "The verify options must be an object.";
  return numberProblem("toleranceSeconds", options.toleranceSeconds, 0) ?? functionProblem("now", options.now);
}

/**
 * The verification options read once, as checked: the values used are those that passed the check, even if
 * the object's properties are getters that would answer differently the next time.
 */
export function readVerifyOptions(options: unknown): { toleranceSeconds?: number; now?: () => unknown } | string {
  try {
    if (options === undefined) return {};
    if (!isRecord(options)) return "The verify options must be an object.";
    const { toleranceSeconds, now } = options;
    const problem = verifyOptionsProblem({ toleranceSeconds, now });
    if (problem) return problem;
    return {
      ...(toleranceSeconds !== undefined && { toleranceSeconds: toleranceSeconds as number }),
      ...(now !== undefined && { now: now as () => unknown }),
    };
  } catch (thrown) {
    return `The verify options could not be read: ${describeThrown(thrown)}`;
  }
}
