// Type-level tests: compiled (never run) by test/types.test.ts. A failed expectation is a compile error.
import { expectTypeOf } from "vitest";
import type {
  EdumeCourseUpdatedTeamRemovedEvent,
  EdumeEvent,
  EdumeEventMap,
  EdumeCourseUpdatedTitleChangedEvent,
  EdumeCourseUpdatedTeamAssignedEvent,
} from "../../generated/edume/src/types.js";
import type {
  TeachfloorCourseJoinEvent,
  TeachfloorElementCompletedEvent,
  TeachfloorEvent,
  TeachfloorEventMap,
  TeachfloorEventType,
} from "../../generated/teachfloor/src/types.js";
import type { eventTypes } from "../../generated/teachfloor/src/types.js";
import type {
  TeachfloorEarlyEvent,
  TeachfloorEarlyTestEventEvent,
} from "../../generated/teachfloor/early/src/types.js";
import { validateCourseJoin } from "../../generated/teachfloor/src/validators.js";
import type { TeachifyCourseStudentEnrollEvent, TeachifyEvent } from "../../generated/teachify/src/types.js";
import type { WhopCourseLessonInteractionCompletedEvent, WhopEvent } from "../../generated/whop/src/types.js";

declare const teachfloor: TeachfloorEvent;
declare const early: TeachfloorEarlyEvent;
declare const edume: EdumeEvent;
declare const teachify: TeachifyEvent;
declare const whop: WhopEvent;

// Narrowing on the envelope's type gives exactly that event's interface.
if (teachfloor.type === "course.join") {
  expectTypeOf(teachfloor).toEqualTypeOf<TeachfloorCourseJoinEvent>();
  expectTypeOf(teachfloor.data.member.email).toEqualTypeOf<string | undefined>();
  // @ts-expect-error course.join data has no element context: types are exact, not open.
  void teachfloor.data.context;
}
if (teachfloor.type === "element.completed") expectTypeOf(teachfloor).toEqualTypeOf<TeachfloorElementCompletedEvent>();
if (early.event === "test.event") expectTypeOf(early).toEqualTypeOf<TeachfloorEarlyTestEventEvent>();
if (teachify.type === "course.student_enroll") expectTypeOf(teachify).toEqualTypeOf<TeachifyCourseStudentEnrollEvent>();
if (whop.type === "course_lesson_interaction.completed")
  expectTypeOf(whop).toEqualTypeOf<WhopCourseLessonInteractionCompletedEvent>();

// eduMe sub-types: the envelope type gives the union of its sub-types, payload.type narrows the payload.
if (edume.type === "course.updated") {
  expectTypeOf(edume).toEqualTypeOf<
    EdumeCourseUpdatedTitleChangedEvent | EdumeCourseUpdatedTeamAssignedEvent | EdumeCourseUpdatedTeamRemovedEvent
  >();
  if (edume.payload.type === "team.removed")
    expectTypeOf(edume.payload).toEqualTypeOf<EdumeCourseUpdatedTeamRemovedEvent["payload"]>();
}
// @ts-expect-error "course.complete" is not an eduMe event type.
expectTypeOf<EdumeEventMap["course.complete"]>().toBeObject();

// The map and the list agree with the union.
expectTypeOf<TeachfloorEventMap["course.join"]>().toEqualTypeOf<TeachfloorCourseJoinEvent>();
expectTypeOf<(typeof eventTypes)[number]>().toEqualTypeOf<TeachfloorEventType>();
expectTypeOf<TeachfloorEvent["type"]>().toEqualTypeOf<TeachfloorEventType>();

// A generated validator narrows unknown input to its event.
declare const body: unknown;
if (validateCourseJoin(body)) expectTypeOf(body).toEqualTypeOf<TeachfloorCourseJoinEvent>();
