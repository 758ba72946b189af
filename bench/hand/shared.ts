import { dateTime } from "../../generator/date-time.js";

/** The small checks hand-written validators are made of. */
export type Json = Record<string, unknown>;

export const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

export const isString = (value: unknown): value is string => typeof value === "string";

export const isBoolean = (value: unknown): value is boolean => typeof value === "boolean";

export const isDateTime = (value: unknown): boolean => typeof value === "string" && dateTime.test(value);

/** An optional property: absent, or as `check` says. */
export const optional = (value: unknown, check: (value: unknown) => boolean): boolean =>
  value === undefined || check(value);

export const stringOrNull = (value: unknown): boolean => value === null || typeof value === "string";

export const numberOrNull = (value: unknown): boolean => value === null || typeof value === "number";
