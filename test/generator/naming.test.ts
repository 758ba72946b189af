import { describe, expect, it } from "vitest";
import { typeName, validatorName } from "../../generator/naming.js";

const typeNames: Array<[string, { given: string; want: string }]> = [
  ["an event", { given: "teachfloor/course.join.schema.json", want: "TeachfloorCourseJoinEvent" }],
  [
    "an event with underscores",
    {
      given: "whop/course_lesson_interaction.completed.schema.json",
      want: "WhopCourseLessonInteractionCompletedEvent",
    },
  ],
  [
    "a sub-type",
    { given: "edume/course.updated.title.changed.schema.json", want: "EdumeCourseUpdatedTitleChangedEvent" },
  ],
  [
    "a hyphenated sub-type",
    {
      given: "edume/learner.activity.finished.in-course-survey.schema.json",
      want: "EdumeLearnerActivityFinishedInCourseSurveyEvent",
    },
  ],
  ["a shared object", { given: "teachfloor/common/member.schema.json", want: "TeachfloorMember" }],
  [
    "an event of a nested catalogue",
    { given: "teachfloor/early/member.joined.schema.json", want: "TeachfloorEarlyMemberJoinedEvent" },
  ],
];

describe("typeName", () => {
  it.each(typeNames)("names %s from its path", (_, { given, want }) => {
    expect(typeName(given)).toBe(want);
  });
});

describe("validatorName", () => {
  it.each([
    ["course.join", "validateCourseJoin"],
    ["common/member", "validateCommonMember"],
  ])("names the validator of %s %s", (stem, want) => {
    expect(validatorName(stem)).toBe(want);
  });
});
