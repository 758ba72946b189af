// Type-level tests of @coursehooks/learning: compiled (never run) by test/types.test.ts.
import { expectTypeOf } from "vitest";
import type { EdumeEvent } from "@coursehooks/edume";
import {
  type Activity,
  type Course,
  createLearningHandler,
  type LearningEvent,
  normalize,
  type TeachfloorCourseCompletedLearning,
  type TeachfloorCourseJoinLearning,
} from "@coursehooks/learning";
import type {
  TeachfloorCourseJoinEvent,
  TeachfloorCourseCompletedEvent,
  TeachfloorEvent,
  TeachfloorMemberLoginEvent,
} from "@coursehooks/teachfloor";
import type { TeachifyPaymentPaidEvent } from "@coursehooks/teachify";

declare const join: TeachfloorCourseJoinEvent;
declare const completed: TeachfloorCourseCompletedEvent;
declare const login: TeachfloorMemberLoginEvent;
declare const paid: TeachifyPaymentPaidEvent;
declare const anyTeachfloor: TeachfloorEvent;
declare const anyEdume: EdumeEvent;

// The result follows from the event's type: a mapped event gives its learning event, typed source included.
expectTypeOf(normalize("teachfloor", join)).toEqualTypeOf<TeachfloorCourseJoinLearning>();
expectTypeOf(normalize("teachfloor", join).source).toEqualTypeOf<TeachfloorCourseJoinEvent>();
expectTypeOf(normalize("teachfloor", join).courses).toEqualTypeOf<Course[]>();
// The provider always sends course.join's course, so it is there; learner is there for every learner kind.
expectTypeOf(normalize("teachfloor", join).course).toEqualTypeOf<Course>();
expectTypeOf(normalize("teachfloor", join).learner.id).toEqualTypeOf<string>();
// course.completed's member and course are optional in its schema: the result may be undefined.
expectTypeOf(normalize("teachfloor", completed)).toEqualTypeOf<TeachfloorCourseCompletedLearning | undefined>();
// Events without a learning meaning give undefined.
expectTypeOf(normalize("teachfloor", login)).toEqualTypeOf<undefined>();
expectTypeOf(normalize("teachify", paid)).toEqualTypeOf<undefined>();
// @ts-expect-error a Teachfloor event is not a Teachify event.
normalize("teachify", join);

// A union of events gives a union narrowed by kind.
const some = normalize("teachfloor", anyTeachfloor);
if (some?.kind === "activity.completed") {
  expectTypeOf(some.activity).toExtend<Activity>();
  // Teachfloor's completions are of elements, and the type says so.
  expectTypeOf(some.activity.type).toEqualTypeOf<"element">();
  expectTypeOf(some.score).toEqualTypeOf<number | undefined>();
  expectTypeOf(some.provider).toEqualTypeOf<"teachfloor">();
}
if (some?.kind === "course.created") {
  // @ts-expect-error a course change has no learner.
  void some.learner;
}
const fromEdume = normalize("edume", anyEdume);
if (fromEdume?.kind === "learner.enrolled") expectTypeOf(fromEdume.courses).toEqualTypeOf<Course[]>();
// @ts-expect-error eduMe sends no element events.
if (fromEdume?.kind === "activity.completed") void (fromEdume.activity.type === "element");

// The handler gives each kind's handler its learning events, from every provider.
createLearningHandler({
  providers: { teachfloor: { secret: "s" }, edume: { secret: { signatureSecret: "s", bearerToken: "t" } } },
  on: {
    "course.completed": (event, context) => {
      expectTypeOf(event.course).toEqualTypeOf<Course>();
      expectTypeOf(event.provider).toEqualTypeOf<"edume" | "teachfloor">();
      expectTypeOf(context.provider).toEqualTypeOf<string>();
    },
    "activity.started": (event) => expectTypeOf(event).toExtend<LearningEvent>(),
  },
});
// @ts-expect-error no such learning kind.
createLearningHandler({ providers: { teachfloor: { secret: "s" } }, on: { "course.finished": () => undefined } });
