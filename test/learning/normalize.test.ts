import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type LearningEvent, normalize, type Provider } from "@coursehooks/learning";
import { builtPackage, catalogues } from "../helpers/catalogues.js";
import { eventExamples, schemasDir } from "../helpers/examples.js";

// Every documented example normalizes to the learning event its own values say, or to nothing.

interface Expected {
  kind: string;
  occurredAt: string;
  occurredAtFrom: "payload" | "envelope";
  learner?: string;
  courses?: string[];
  activity?: [string, string];
  score?: number;
  passed?: boolean;
}

const edumeActivity = (
  kind: string,
  at: string,
  user: number,
  course: number | undefined,
  activity: [string, number],
) =>
  ({
    kind,
    occurredAt: at,
    occurredAtFrom: "envelope",
    learner: String(user),
    ...(course === undefined ? {} : { courses: [String(course)] }),
    activity: [activity[0], String(activity[1])],
  }) as Expected;

/** What each example says, read off the example files. */
const expected: Record<string, Expected> = {
  "teachfloor course.join.json": {
    kind: "learner.enrolled",
    occurredAt: "2025-10-07T15:30:00.000000Z",
    occurredAtFrom: "payload",
    learner: "usr_123",
    courses: ["crs_456"],
  },
  "teachfloor element.completed.json": {
    kind: "activity.completed",
    occurredAt: "2025-10-07T15:30:00.000000Z",
    occurredAtFrom: "payload",
    learner: "usr_123",
    activity: ["element", "elm_321"],
    score: 95,
    passed: true,
  },
  "teachfloor/early member.joined.json": {
    kind: "learner.enrolled",
    occurredAt: "2025-10-07T15:30:00Z",
    occurredAtFrom: "envelope",
    learner: "mem_abc123",
    courses: ["course_xyz789"],
  },
  "teachfloor/early element.completed.json": {
    kind: "activity.completed",
    occurredAt: "2025-10-07T15:30:00Z",
    occurredAtFrom: "payload",
    learner: "mem_abc123",
    courses: ["course_xyz789"],
    activity: ["element", "elem_456"],
    score: 100,
  },
  "teachfloor/early course.updated.json": {
    kind: "course.updated",
    occurredAt: "2025-10-07T15:30:00Z",
    occurredAtFrom: "payload",
    courses: ["course_xyz789"],
  },
  "teachify course.student_enroll.json": {
    kind: "learner.enrolled",
    occurredAt: "2023-05-15T14:30:00Z",
    occurredAtFrom: "payload",
    learner: "user_345678",
    courses: ["course_789012"],
  },
  "teachify course.created.json": {
    kind: "course.created",
    occurredAt: "2023-05-15T14:30:00Z",
    occurredAtFrom: "payload",
    courses: ["550e8400-e29b-41d4-a716-446655440000"],
  },
  "teachify course.updated.json": {
    kind: "course.updated",
    occurredAt: "2023-06-01T10:15:00Z",
    occurredAtFrom: "payload",
    courses: ["550e8400-e29b-41d4-a716-446655440000"],
  },
  "edume learner.added.json5": {
    kind: "learner.enrolled",
    occurredAt: "2022-07-21T13:29:32.423Z",
    occurredAtFrom: "envelope",
    learner: "10217",
    courses: ["202", "2045", "2099"],
  },
  "edume learner.activated.json5": {
    kind: "learner.activated",
    occurredAt: "2022-07-21T13:29:32.454Z",
    occurredAtFrom: "envelope",
    learner: "10217",
  },
  "edume learner.activity.started.assessment.json5": edumeActivity(
    "activity.started",
    "2022-07-21T13:29:32.968Z",
    10217,
    9961,
    ["assessment", 29216],
  ),
  "edume learner.activity.started.course.json5": edumeActivity(
    "activity.started",
    "2022-07-21T14:16:45.111Z",
    10218,
    9961,
    ["course", 9961],
  ),
  "edume learner.activity.started.lesson.json5": edumeActivity(
    "activity.started",
    "2022-07-21T13:01:59.636Z",
    10215,
    9961,
    ["lesson", 28856],
  ),
  "edume learner.activity.finished.assessment.json5": edumeActivity(
    "activity.completed",
    "2022-07-21T13:29:32.968Z",
    10217,
    9961,
    ["assessment", 29216],
  ),
  "edume learner.activity.finished.course.json5": edumeActivity(
    "activity.completed",
    "2022-07-21T14:16:45.111Z",
    10218,
    9961,
    ["course", 9961],
  ),
  "edume learner.activity.finished.lesson.json5": edumeActivity(
    "activity.completed",
    "2022-07-21T13:01:59.636Z",
    10215,
    9961,
    ["lesson", 28856],
  ),
  "edume learner.activity.finished.in-course-survey.json5": edumeActivity(
    "activity.completed",
    "2022-07-21T13:01:58.322Z",
    10215,
    9961,
    ["survey", 2159],
  ),
  "edume learner.activity.finished.standalone-survey.json5": edumeActivity(
    "activity.completed",
    "2022-07-21T13:06:59.283Z",
    10216,
    undefined,
    ["survey", 2161],
  ),
  "edume learner.course.completed.json5": {
    kind: "course.completed",
    occurredAt: "2021-05-18T10:39:02.230Z",
    occurredAtFrom: "envelope",
    learner: "5398399",
    courses: ["17167"],
  },
  "whop course_lesson_interaction.completed.json": {
    kind: "activity.completed",
    occurredAt: "2025-01-01T00:00:00.000Z",
    occurredAtFrom: "envelope",
    learner: "user_xxxxxxxxxxxxx",
    courses: ["cors_xxxxxxxxxxxxx"],
    activity: ["lesson", "lesn_xxxxxxxxxxxxx"],
  },
};
for (const name of ["added", "deleted", "published", "unpublished"]) {
  const kind = name === "added" ? "course.created" : `course.${name}`;
  const at = "2022-07-13T12:03:54.530Z";
  expected[`edume course.${name}.json5`] = { kind, occurredAt: at, occurredAtFrom: "envelope", courses: ["22299"] };
}
for (const sub of ["team.assigned", "team.removed", "title.changed"]) {
  const at = "2022-07-13T12:03:54.530Z";
  expected[`edume course.updated.${sub}.json5`] = {
    kind: "course.updated",
    occurredAt: at,
    occurredAtFrom: "envelope",
    courses: ["22299"],
  };
}

const mappedStems = (catalogue: string): Set<string> => {
  const file = join(schemasDir, catalogue, "learning.json");
  return new Set(Object.keys((JSON.parse(readFileSync(file, "utf8")) as { events: object }).events));
};

const examples = catalogues().flatMap((c) =>
  eventExamples(c).map((e) => ({ ...e, name: `${c.path} ${e.file}`, mapped: mappedStems(c.path).has(e.event.stem) })),
);

interface Parsed {
  parse(value: unknown): { ok: true; event: object } | { ok: false };
}

async function normalized(catalogue: string, value: unknown) {
  const parsed = (await builtPackage<Parsed>(catalogue)).parse(value);
  if (!parsed.ok) throw new Error(`${catalogue}: the example does not parse`);
  return {
    event: parsed.event,
    learning: normalize(catalogue as Provider, parsed.event as never, { deliveryId: "d-1" }),
  };
}

describe("normalize on the documented examples", () => {
  it("has an expectation for every example of a mapped event, and none for others", () => {
    expect(
      examples
        .filter((e) => e.mapped)
        .map((e) => e.name)
        .sort(),
    ).toEqual(Object.keys(expected).sort());
  });

  it.each(examples.filter((e) => e.mapped))("$name normalizes to what the example says", async (example) => {
    const { event, learning } = await normalized(example.catalogue, example.value);
    const want = expected[example.name]!;
    const got = learning as unknown as Record<string, unknown> & {
      learner?: { id: string };
      course?: { id: string };
      courses?: Array<{ id: string }>;
      activity?: { type: string; id?: string };
    };
    expect(got).toMatchObject({
      kind: want.kind,
      provider: example.catalogue,
      occurredAt: want.occurredAt,
      occurredAtFrom: want.occurredAtFrom,
      deliveryId: "d-1",
    });
    expect(got.source).toBe(event);
    expect(got.learner?.id).toBe(want.learner);
    const courses = got.courses ?? (got.course ? [got.course] : []);
    expect(courses.map((c) => c.id)).toEqual(want.courses ?? []);
    expect(got.course?.id).toBe(want.courses?.length === 1 ? want.courses[0] : undefined);
    expect(got.activity && [got.activity.type, got.activity.id]).toEqual(want.activity);
    expect(got.score).toBe(want.score);
    expect(got.passed).toBe(want.passed);
  });

  it.each(examples.filter((e) => !e.mapped))("$name has no learning meaning: undefined", async (example) => {
    expect((await normalized(example.catalogue, example.value)).learning).toBeUndefined();
  });

  it("keeps names, emails and titles where the provider sends them", async () => {
    const join = examples.find((e) => e.name === "teachfloor course.join.json")!;
    const { learning } = await normalized(join.catalogue, join.value);
    expect(learning).toMatchObject({
      learner: { id: "usr_123", email: "john@example.com", name: "John Doe" },
      course: { id: "crs_456", title: "Introduction to Development" },
    });
  });
});

describe("normalize on anything else", () => {
  it("returns undefined for an unknown provider", () => {
    expect(normalize("moodle" as Provider, { type: "course.join" } as never)).toBeUndefined();
  });

  it("never throws, whatever it is given", () => {
    const providers = ["teachfloor", "teachfloor/early", "teachify", "edume", "whop", "toString", "__proto__"];
    fc.assert(
      fc.property(fc.constantFrom(...providers), fc.anything(), (provider, value) => {
        const result = normalize(provider as Provider, value as never);
        return result === undefined || typeof result === "object";
      }),
    );
  });

  it("gives the time it ran, marked received, when the event has no time of its own", async () => {
    const enrol = examples.find((e) => e.name === "teachify course.student_enroll.json")!;
    const value = structuredClone(enrol.value) as { data: { created_at?: string } };
    delete value.data.created_at;
    const learning = normalize("teachify", value as never) as LearningEvent | undefined;
    expect(learning?.occurredAtFrom).toBe("received");
    expect(Date.now() - Date.parse(learning!.occurredAt)).toBeLessThan(60_000);
  });
});
