import { isDateTime, isObject, isString } from "./shared.js";

/**
 * Teachify's course.created checked by hand, with the constraints of schemas/teachify/course.created.schema.json:
 * required fields, types, nullable fields, consts, integers and date-times; unknown fields pass.
 */
export function isTeachifyCourseCreated(value: unknown): boolean {
  if (!isObject(value)) return false;
  return value.type === "course.created" && course(value.data);
}

function course(c: unknown): boolean {
  if (!isObject(c)) return false;
  return (
    isString(c.id) &&
    isString(c.name) &&
    (c.description === null || isString(c.description)) &&
    isString(c.state) &&
    c.type === "Course" &&
    isDateTime(c.created_at) &&
    isDateTime(c.updated_at) &&
    isString(c.slug) &&
    Array.isArray(c.plans) &&
    c.plans.every(plan)
  );
}

function plan(p: unknown): boolean {
  if (!isObject(p)) return false;
  return (
    isString(p.id) &&
    isString(p.name) &&
    isString(p.description) &&
    isString(p.currency) &&
    Number.isInteger(p.amount) &&
    isDateTime(p.created_at) &&
    isDateTime(p.updated_at)
  );
}
