// Type-level tests of createHandler: compiled (never run) by test/types.test.ts.
import { expectTypeOf } from "vitest";
import type {
  EdumeCourseUpdatedTeamRemovedEvent,
  EdumeCourseUpdatedTitleChangedEvent,
  EdumeCourseUpdatedTeamAssignedEvent,
} from "../../generated/edume/src/types.js";
import { createHandler as edumeHandler } from "../../generated/edume/src/index.js";
import type {
  TeachfloorCourseJoinEvent,
  TeachfloorElementCompletedEvent,
} from "../../generated/teachfloor/src/types.js";
import {
  createHandler,
  receive,
  type ReceiveResult,
  type TeachfloorEvent,
} from "../../generated/teachfloor/src/index.js";

// Each handler receives exactly its event.
createHandler({
  secret: "s",
  on: {
    "course.join": (event, context) => {
      expectTypeOf(event).toEqualTypeOf<TeachfloorCourseJoinEvent>();
      expectTypeOf(context.deliveryId).toEqualTypeOf<string>();
    },
    "element.completed": async (event) => {
      expectTypeOf(event).toEqualTypeOf<TeachfloorElementCompletedEvent>();
    },
  },
});

// An event type with sub-types gets the union of its sub-types.
edumeHandler({
  secret: { signatureSecret: "s", bearerToken: "t" },
  on: {
    "course.updated": (event) => {
      expectTypeOf(event).toEqualTypeOf<
        EdumeCourseUpdatedTitleChangedEvent | EdumeCourseUpdatedTeamAssignedEvent | EdumeCourseUpdatedTeamRemovedEvent
      >();
    },
  },
});

createHandler({
  secret: "s",
  on: {
    // @ts-expect-error "course.joined" is not a Teachfloor event type.
    "course.joined": () => undefined,
  },
});

// receive resolves to the package's event union with its delivery id.
declare const headers: Headers;
expectTypeOf(receive("{}", headers, "s")).resolves.toEqualTypeOf<ReceiveResult<TeachfloorEvent>>();

// A handler registered for several event types receives the union of their events; its context has the signal.
createHandler({ secret: "s" }).on(["course.join", "element.completed"], (event, context) => {
  expectTypeOf(event).toEqualTypeOf<TeachfloorCourseJoinEvent | TeachfloorElementCompletedEvent>();
  expectTypeOf(context.signal).toEqualTypeOf<AbortSignal>();
});
// @ts-expect-error "course.joined" is not a Teachfloor event type.
createHandler({ secret: "s" }).on(["course.join", "course.joined"], () => undefined);

// onAny gets any event; onInvalid the raw body; onError what failed.
createHandler({
  secret: "s",
  onAny: (event) => expectTypeOf(event).toEqualTypeOf<TeachfloorEvent>(),
  onInvalid: (_value, error, context) => {
    expectTypeOf(error.code).toEqualTypeOf<"invalid_json" | "invalid_payload">();
    expectTypeOf(context.rawBody).toEqualTypeOf<string | Uint8Array>();
  },
  onError: (_error, event, failure) => {
    expectTypeOf(event).toEqualTypeOf<TeachfloorEvent | undefined>();
    expectTypeOf(failure.status).toEqualTypeOf<number>();
  },
});

// A failed receive is either a verification failure (no id) or a parse failure of a genuine delivery (with its id).
declare const received: ReceiveResult<TeachfloorEvent>;
if (!received.ok && received.deliveryId !== undefined)
  expectTypeOf(received.error.code).toEqualTypeOf<"invalid_json" | "unknown_event" | "invalid_payload">();
