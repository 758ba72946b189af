import { isBoolean, isDateTime, isObject, isString, numberOrNull, optional, stringOrNull } from "./shared.js";

/**
 * Teachfloor's course.join checked by hand, with the constraints of schemas/teachfloor/course.join.schema.json:
 * required fields, types, nullable fields, consts and date-times; unknown fields pass.
 */
export function isTeachfloorCourseJoin(value: unknown): boolean {
  if (!isObject(value)) return false;
  return (
    isString(value.id) &&
    value.type === "course.join" &&
    isDateTime(value.created_at) &&
    optional(value.installation_id, isString) &&
    courseMember(value.data)
  );
}

function courseMember(data: unknown): boolean {
  if (!isObject(data)) return false;
  return (
    isString(data.id) &&
    data.object === "course_member" &&
    optional(data.joined_at, isDateTime) &&
    member(data.member) &&
    course(data.course) &&
    optional(data.custom_fields, isObject)
  );
}

function member(m: unknown): boolean {
  if (!isObject(m)) return false;
  return (
    isString(m.id) &&
    m.object === "member" &&
    optional(m.first_name, isString) &&
    optional(m.last_name, isString) &&
    optional(m.full_name, isString) &&
    optional(m.avatar, isString) &&
    optional(m.email, isString) &&
    optional(m.is_email_verified, isBoolean) &&
    optional(m.last_seen, isDateTime)
  );
}

function course(c: unknown): boolean {
  if (!isObject(c)) return false;
  return (
    isString(c.id) &&
    c.object === "course" &&
    isDateTime(c.created_at) &&
    isString(c.name) &&
    optional(c.status, isString) &&
    stringOrNull(c.cover) &&
    isString(c.availability) &&
    isString(c.visibility) &&
    optional(c.start_date, stringOrNull) &&
    optional(c.end_date, stringOrNull) &&
    isString(c.currency) &&
    numberOrNull(c.price) &&
    optional(c.free_label, stringOrNull) &&
    optional(c.url, isString) &&
    optional(c.public_url, isString) &&
    optional(c.join_url, isString) &&
    isObject(c.metadata) &&
    optional(c.custom_fields, isObject)
  );
}
