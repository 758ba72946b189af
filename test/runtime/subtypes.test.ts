// Event types with sub-types (eduMe's course.updated, learner.activity.*): parse picks the sub-type's
// schema by its const, and narrows to it.

import { describe, expect, it } from "vitest";
import { guardName } from "../../generator/naming.js";
import {
  all,
  catalogue,
  copyOf,
  dispatchPointer,
  examplesOf,
  payloadError,
  pkg,
  setAt,
  subTyped,
  type Guard,
} from "./packages.js";

const withSubTypes = all.filter((c) => subTyped(c).length > 0);

it("eduMe is a catalogue with sub-types", () => {
  expect(withSubTypes.map((c) => c.path)).toContain("edume");
});

describe.each(withSubTypes.map((c) => [c.path, c] as const))("sub-types of %s", (path, c) => {
  const { parse } = pkg(path);
  const examples = examplesOf(c);
  const eventTypes = [...new Set(subTyped(c).map((e) => e.eventType))];

  describe.each(eventTypes.map((t) => [t] as const))("%s", (eventType) => {
    const siblings = c.events.filter((e) => e.eventType === eventType);
    const pointer = dispatchPointer(c, eventType);
    const keys = pointer.split("/").slice(1);
    const values = [...new Set(siblings.map((e) => e.discriminants.find((d) => d.pointer === pointer)!.value))];
    const mine = examples.filter((e) => e.event.eventType === eventType);

    it("has an example of every sub-type", () => {
      expect(siblings.filter((e) => !mine.some((x) => x.event === e)).map((e) => e.stem)).toEqual([]);
    });

    it("reports an unknown sub-type as one issue at its const, listing the sub-types", () => {
      for (const example of mine) {
        const value = copyOf(example);
        setAt(value, keys, "no.such.subtype");
        const error = payloadError(parse(value));
        expect(error.issues).toHaveLength(1);
        const [issue] = error.issues;
        expect(issue!.pointer).toBe(pointer);
        expect(issue!.path).toEqual(keys);
        expect(issue!.received).toBe('"no.such.subtype"');
        expect(issue!.expected.startsWith("one of ")).toBe(true);
        expect(issue!.expected.slice("one of ".length).split(", ").sort()).toEqual(
          values.map((v) => JSON.stringify(v)).sort(),
        );
        expect(issue!.message).toBe(`${keys.join(".")}: expected ${issue!.expected}, received "no.such.subtype"`);
        expect(error.message).toBe(`Invalid ${eventType} payload: ${issue!.message}`);
        expect(error.truncated).toBe(false);
      }
    });

    it.each(mine.map((e) => [e.file, e] as const))(
      "narrows %s to its own schema's guard, and no sibling's",
      (_, example) => {
        const result = parse(copyOf(example));
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        const guards = Object.fromEntries(siblings.map((e) => [e.stem, pkg(path)[guardName(e.stem)] as Guard]));
        expect(
          Object.entries(guards)
            .filter(([, guard]) => guard(result.event))
            .map(([stem]) => stem),
        ).toEqual([example.event.stem]);
      },
    );
  });
});

describe("eduMe course.updated and surveys", () => {
  const edume = catalogue("edume");
  const { parse } = pkg("edume");
  const example = (stem: string) => copyOf(examplesOf(edume).find((e) => e.event.stem === stem)!);

  it("lists the three course.updated sub-types for an unknown one", () => {
    const value = example("course.updated.title.changed");
    (value.payload as Record<string, unknown>).type = "no.such.subtype";
    const error = payloadError(parse(value));
    const expected = 'one of "team.assigned", "team.removed", "title.changed"';
    expect(error.issues).toEqual([
      {
        path: ["payload", "type"],
        pointer: "/payload/type",
        message: `payload.type: expected ${expected}, received "no.such.subtype"`,
        expected,
        received: '"no.such.subtype"',
      },
    ]);
    expect(error.message).toBe(
      `Invalid course.updated payload: payload.type: expected ${expected}, received "no.such.subtype"`,
    );
  });

  it("reports a standalone survey that has a course against the in-course survey: its module is missing", () => {
    const value = example("learner.activity.finished.standalone-survey");
    (value.payload as Record<string, unknown>).course = { courseId: 9961 };
    const error = payloadError(parse(value));
    expect(error.issues).toEqual([
      {
        path: ["payload", "module"],
        pointer: "/payload/module",
        message: "payload.module: required field is missing",
        expected: "a value",
        received: "nothing",
      },
    ]);
    expect(error.message).toBe(
      "Invalid learner.activity.finished payload (learner.activity.finished.in-course-survey): payload.module: " +
        "required field is missing",
    );
    expect((pkg("edume").isLearnerActivityFinishedStandaloneSurvey as Guard)(value)).toBe(false);
    expect((pkg("edume").isLearnerActivityFinishedInCourseSurvey as Guard)(value)).toBe(false);
  });

  it("accepts a standalone survey only without course and module, and an in-course one only with both", () => {
    const inCourse = example("learner.activity.finished.in-course-survey");
    const payload = inCourse.payload as Record<string, unknown>;
    delete payload.course;
    delete payload.module;
    const result = parse(inCourse);
    expect(result.ok).toBe(true);
    if (result.ok) expect((pkg("edume").isLearnerActivityFinishedStandaloneSurvey as Guard)(result.event)).toBe(true);
  });
});
