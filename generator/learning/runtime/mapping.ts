import type { ActivityType, LearningKind } from "./model.js";

/** Paths into the event (JSON Pointer tokens), tried in order: the first that holds a value (not null) is used. */
export type Source = ReadonlyArray<ReadonlyArray<string>>;

/** How one provider event becomes a learning event: plain data, from the catalogue's `learning.json`. */
export interface EventMapping {
  kind: LearningKind;
  /** Candidates for the time, each with what it is: a field of the envelope or of the payload. */
  occurredAt: ReadonlyArray<readonly [ReadonlyArray<string>, "envelope" | "payload"]>;
  learner?: { id: Source; email?: Source; name?: Source };
  course?: { id: Source; title?: Source };
  /** Several courses: an array in the event, and paths inside each of its items. */
  courses?: { each: ReadonlyArray<string>; id: Source; title?: Source };
  activity?: { type: ActivityType; id?: Source; title?: Source };
  score?: Source;
  passed?: Source;
}

/** One mapped schema of a catalogue: the consts that select it, its guard, and its mapping. */
export interface MappedEvent {
  /** The schema's name: `learner.activity.finished.assessment`. */
  name: string;
  /** The event type, then any sub-type consts: paths to the value, and the value. */
  when: ReadonlyArray<readonly [ReadonlyArray<string>, string]>;
  /** Tells apart schemas selected by the same consts (the provider package's guard). */
  check: (value: unknown) => boolean;
  mapping: EventMapping;
}
