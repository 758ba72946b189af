import type { ActivityType, LearningKind } from "./runtime/model.js";

/** What each learning kind carries: the rules a catalogue's `learning.json` is checked against, and the docs. */
export interface KindRule {
  /** A learner: required, or never. */
  learner: boolean;
  /** `course`: a single course, required or optional; `enrolment`: `course` or `courses`; `none`: neither. */
  course: "required" | "optional" | "enrolment" | "none";
  activity: boolean;
  /** `score` and `passed` may be mapped. */
  result: boolean;
  /** One line for the docs. */
  what: string;
}

const lifecycle = (what: string): KindRule => ({
  learner: false,
  course: "required",
  activity: false,
  result: false,
  what,
});

export const kindRules = {
  "learner.enrolled": {
    learner: true,
    course: "enrolment",
    activity: false,
    result: false,
    what: "A learner got access to one or more courses.",
  },
  "learner.activated": {
    learner: true,
    course: "none",
    activity: false,
    result: false,
    what: "A learner's account became active.",
  },
  "activity.started": {
    learner: true,
    course: "optional",
    activity: true,
    result: false,
    what: "A learner started a lesson, assessment, survey, element or course.",
  },
  "activity.completed": {
    learner: true,
    course: "optional",
    activity: true,
    result: true,
    what: "A learner completed a lesson, assessment, survey, element or course.",
  },
  "course.completed": {
    learner: true,
    course: "required",
    activity: false,
    result: true,
    what: "A learner completed a whole course.",
  },
  "course.created": lifecycle("A course was created."),
  "course.updated": lifecycle("A course was changed."),
  "course.published": lifecycle("A course was published."),
  "course.unpublished": lifecycle("A course was unpublished."),
  "course.deleted": lifecycle("A course was deleted."),
} as const satisfies Record<LearningKind, KindRule>;

export type Kind = keyof typeof kindRules;
export const kinds = Object.keys(kindRules) as Kind[];
export const activityTypes = ["lesson", "assessment", "survey", "element", "course"] satisfies ActivityType[];
