import { isTeachfloorCourseJoin } from "./teachfloor-course-join.js";
import { isTeachifyCourseCreated } from "./teachify-course-created.js";

/** The hand-written checks, by catalogue and event schema stem. */
export const handWritten: Record<string, (value: unknown) => boolean> = {
  "teachfloor course.join": isTeachfloorCourseJoin,
  "teachify course.created": isTeachifyCourseCreated,
};
