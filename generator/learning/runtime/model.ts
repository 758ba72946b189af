/** What happened, the same word whatever the provider called it. */
export type LearningKind =
  | "learner.enrolled"
  | "learner.activated"
  | "activity.started"
  | "activity.completed"
  | "course.completed"
  | "course.created"
  | "course.updated"
  | "course.published"
  | "course.unpublished"
  | "course.deleted";

/** The part of a course a learner started or completed. */
export type ActivityType = "lesson" | "assessment" | "survey" | "element" | "course";

/** Where `occurredAt` came from: a field of the event's payload, its envelope, or the time it was normalized. */
export type TimeSource = "payload" | "envelope" | "received";

export interface Learner {
  /** The provider's id of the learner, as a string. */
  id: string;
  email?: string;
  name?: string;
}

export interface Course {
  /** The provider's id of the course, as a string. */
  id: string;
  title?: string;
}

export interface Activity {
  type: ActivityType;
  id?: string;
  title?: string;
}

/** What every learning event carries. */
export interface LearningBase<K extends LearningKind, P extends string, S> {
  kind: K;
  /** The catalogue the event came from: `teachfloor`, `teachfloor/early`, `teachify`, `edume`, `whop`. */
  provider: P;
  /** RFC 3339. */
  occurredAt: string;
  occurredAtFrom: TimeSource;
  /** The delivery's idempotency key, when known (always, inside `createLearningHandler`). */
  deliveryId?: string;
  /** The provider's event, as parsed. */
  source: S;
}

/** A learner got access to one or more courses. `course` is set when there is exactly one. */
export interface LearnerEnrolled<P extends string = string, S = unknown>
  extends LearningBase<"learner.enrolled", P, S> {
  learner: Learner;
  course?: Course;
  courses: Course[];
}

/** A learner's account became active. */
export interface LearnerActivated<P extends string = string, S = unknown>
  extends LearningBase<"learner.activated", P, S> {
  learner: Learner;
}

/** A learner started a lesson, assessment, survey, element or course. */
export interface ActivityStarted<P extends string = string, S = unknown>
  extends LearningBase<"activity.started", P, S> {
  learner: Learner;
  course?: Course;
  activity: Activity;
}

/** A learner completed a lesson, assessment, survey, element or course. */
export interface ActivityCompleted<P extends string = string, S = unknown>
  extends LearningBase<"activity.completed", P, S> {
  learner: Learner;
  course?: Course;
  activity: Activity;
  score?: number;
  passed?: boolean;
}

/** A learner completed a whole course. */
export interface CourseCompleted<P extends string = string, S = unknown>
  extends LearningBase<"course.completed", P, S> {
  learner: Learner;
  course: Course;
  score?: number;
  passed?: boolean;
}

/** A course was created, changed, published, unpublished or deleted. */
export interface CourseChanged<
  K extends "course.created" | "course.updated" | "course.published" | "course.unpublished" | "course.deleted",
  P extends string = string,
  S = unknown,
> extends LearningBase<K, P, S> {
  course: Course;
}

/** The learning event of each kind. */
export interface LearningKinds<P extends string = string, S = unknown> {
  "learner.enrolled": LearnerEnrolled<P, S>;
  "learner.activated": LearnerActivated<P, S>;
  "activity.started": ActivityStarted<P, S>;
  "activity.completed": ActivityCompleted<P, S>;
  "course.completed": CourseCompleted<P, S>;
  "course.created": CourseChanged<"course.created", P, S>;
  "course.updated": CourseChanged<"course.updated", P, S>;
  "course.published": CourseChanged<"course.published", P, S>;
  "course.unpublished": CourseChanged<"course.unpublished", P, S>;
  "course.deleted": CourseChanged<"course.deleted", P, S>;
}

/** `T` with the optional fields `K` always present (the provider always sends them). */
export type With<T, K extends keyof T> = T & { [F in K]-?: Exclude<T[F], undefined> };
