import type { EventCases } from "./case.js";

export const cases: EventCases[] = [
  {
    schema: "course.added",
    base: { example: "course.added.json5" },
    broken: [
      {
        name: "the course has no courseKey",
        patch: [{ op: "remove", path: "/payload/course/courseKey" }],
        pointer: "/payload/course/courseKey",
      },
      {
        name: "the group id is a string",
        patch: [{ op: "replace", path: "/payload/group/groupId", value: "12779" }],
        pointer: "/payload/group/groupId",
      },
      {
        name: "the type is another event's",
        patch: [{ op: "replace", path: "/type", value: "course.deleted" }],
        pointer: "/type",
      },
      {
        name: "the timestamp is not RFC 3339",
        patch: [{ op: "replace", path: "/timestamp", value: "13/07/2022 12:03" }],
        pointer: "/timestamp",
      },
      {
        name: "an activity has an unknown type",
        patch: [{ op: "add", path: "/payload/activities", value: [{ activityId: 1, type: "video", published: true }] }],
        pointer: "/payload/activities/0/type",
      },
    ],
  },
  {
    schema: "course.deleted",
    base: { example: "course.deleted.json5" },
    broken: [
      {
        name: "the payload has no teams",
        patch: [{ op: "remove", path: "/payload/teams" }],
        pointer: "/payload/teams",
      },
      {
        name: "version is 2",
        patch: [{ op: "replace", path: "/payload/version", value: 2 }],
        pointer: "/payload/version",
      },
      {
        name: "the type is another event's",
        patch: [{ op: "replace", path: "/type", value: "course.added" }],
        pointer: "/type",
      },
    ],
  },
  {
    schema: "course.published",
    base: { example: "course.published.json5" },
    broken: [
      {
        name: "the course has no courseId",
        patch: [{ op: "remove", path: "/payload/course/courseId" }],
        pointer: "/payload/course/courseId",
      },
      {
        name: "a team id is fractional",
        patch: [{ op: "replace", path: "/payload/teams/0/teamId", value: 55526.5 }],
        pointer: "/payload/teams/0/teamId",
      },
      {
        name: "the type is another event's",
        patch: [{ op: "replace", path: "/type", value: "course.unpublished" }],
        pointer: "/type",
      },
    ],
  },
  {
    schema: "course.unpublished",
    base: { example: "course.unpublished.json5" },
    broken: [
      {
        name: "the payload has no modules",
        patch: [{ op: "remove", path: "/payload/modules" }],
        pointer: "/payload/modules",
      },
      {
        name: "modules is an object",
        patch: [{ op: "replace", path: "/payload/modules", value: { moduleId: 24775 } }],
        pointer: "/payload/modules",
      },
      {
        name: "the timestamp has no time zone",
        patch: [{ op: "replace", path: "/timestamp", value: "2022-07-13T12:03:54.530" }],
        pointer: "/timestamp",
      },
    ],
  },
  {
    schema: "course.updated.title.changed",
    base: { example: "course.updated.title.changed.json5" },
    broken: [
      {
        name: "the payload has no sub-type",
        patch: [{ op: "remove", path: "/payload/type" }],
        pointer: "/payload/type",
      },
      {
        name: "the sub-type is another one",
        patch: [{ op: "replace", path: "/payload/type", value: "team.assigned" }],
        pointer: "/payload/type",
      },
      {
        name: "the course title is a number",
        patch: [{ op: "add", path: "/payload/course/title", value: 42 }],
        pointer: "/payload/course/title",
      },
    ],
  },
  {
    schema: "course.updated.team.assigned",
    base: { example: "course.updated.team.assigned.json5" },
    broken: [
      {
        name: "a team has no teamId",
        patch: [{ op: "remove", path: "/payload/teams/0/teamId" }],
        pointer: "/payload/teams/0/teamId",
      },
      {
        name: "the sub-type is another one",
        patch: [{ op: "replace", path: "/payload/type", value: "team.removed" }],
        pointer: "/payload/type",
      },
      {
        name: "the envelope type is the sub-type",
        patch: [{ op: "replace", path: "/type", value: "team.assigned" }],
        pointer: "/type",
      },
    ],
  },
  {
    schema: "course.updated.team.removed",
    base: { example: "course.updated.team.removed.json5" },
    broken: [
      {
        name: "a module id is a string",
        patch: [{ op: "replace", path: "/payload/modules/0/moduleId", value: "24775" }],
        pointer: "/payload/modules/0/moduleId",
      },
      {
        name: "the sub-type is another one",
        patch: [{ op: "replace", path: "/payload/type", value: "title.changed" }],
        pointer: "/payload/type",
      },
      { name: "the envelope has no timestamp", patch: [{ op: "remove", path: "/timestamp" }], pointer: "/timestamp" },
    ],
  },
  {
    schema: "learner.activated",
    base: { example: "learner.activated.json5" },
    broken: [
      {
        name: "the user has no eId",
        patch: [{ op: "remove", path: "/payload/user/eId" }],
        pointer: "/payload/user/eId",
      },
      {
        name: "a course id is a string",
        patch: [{ op: "replace", path: "/payload/courses/1/courseId", value: "2045" }],
        pointer: "/payload/courses/1/courseId",
      },
      {
        name: "the type is another event's",
        patch: [{ op: "replace", path: "/type", value: "learner.added" }],
        pointer: "/type",
      },
      {
        name: "an identifier's createdAt is not RFC 3339",
        patch: [
          {
            op: "add",
            path: "/payload/user/identifiers/0",
            value: { id: 1, key: "bamboo.employeeId", value: "111", createdAt: "yesterday" },
          },
        ],
        pointer: "/payload/user/identifiers/0/createdAt",
      },
    ],
  },
  {
    schema: "learner.added",
    base: { example: "learner.added.json5" },
    broken: [
      {
        name: "the payload has no courses",
        patch: [{ op: "remove", path: "/payload/courses" }],
        pointer: "/payload/courses",
      },
      {
        name: "an identifier's id is a string",
        patch: [
          {
            op: "add",
            path: "/payload/user/identifiers/0",
            value: { id: "1", key: "bamboo.employeeId", value: "111", createdAt: "2022-02-24T13:19:20.890Z" },
          },
        ],
        pointer: "/payload/user/identifiers/0/id",
      },
      {
        name: "the user id is a string",
        patch: [{ op: "replace", path: "/payload/user/userId", value: "10217" }],
        pointer: "/payload/user/userId",
      },
      {
        name: "version is 2",
        patch: [{ op: "replace", path: "/payload/version", value: 2 }],
        pointer: "/payload/version",
      },
    ],
  },
  {
    schema: "learner.activity.started.course",
    base: { example: "learner.activity.started.course.json5" },
    broken: [
      {
        name: "the payload has no course",
        patch: [{ op: "remove", path: "/payload/course" }],
        pointer: "/payload/course",
      },
      {
        name: "the sub-type is lesson",
        patch: [{ op: "replace", path: "/payload/type", value: "lesson" }],
        pointer: "/payload/type",
      },
      {
        name: "the type is finished",
        patch: [{ op: "replace", path: "/type", value: "learner.activity.finished" }],
        pointer: "/type",
      },
    ],
  },
  {
    schema: "learner.activity.started.lesson",
    base: { example: "learner.activity.started.lesson.json5" },
    broken: [
      {
        name: "the lesson has no lessonId",
        patch: [{ op: "remove", path: "/payload/lesson/lessonId" }],
        pointer: "/payload/lesson/lessonId",
      },
      {
        name: "the payload has no module",
        patch: [{ op: "remove", path: "/payload/module" }],
        pointer: "/payload/module",
      },
      {
        name: "the sub-type is course",
        patch: [{ op: "replace", path: "/payload/type", value: "course" }],
        pointer: "/payload/type",
      },
      {
        name: "the user has no identifiers",
        patch: [{ op: "remove", path: "/payload/user/identifiers" }],
        pointer: "/payload/user/identifiers",
      },
    ],
  },
  {
    schema: "learner.activity.started.assessment",
    base: { example: "learner.activity.started.assessment.json5" },
    broken: [
      {
        name: "the payload has no assessment",
        patch: [{ op: "remove", path: "/payload/assessment" }],
        pointer: "/payload/assessment",
      },
      {
        name: "the assessment id is a string",
        patch: [{ op: "replace", path: "/payload/assessment/assessmentId", value: "29216" }],
        pointer: "/payload/assessment/assessmentId",
      },
      {
        name: "the type is finished",
        patch: [{ op: "replace", path: "/type", value: "learner.activity.finished" }],
        pointer: "/type",
      },
    ],
  },
  {
    schema: "learner.activity.finished.course",
    base: { example: "learner.activity.finished.course.json5" },
    broken: [
      {
        name: "the payload has no group",
        patch: [{ op: "remove", path: "/payload/group" }],
        pointer: "/payload/group",
      },
      {
        name: "the type is started",
        patch: [{ op: "replace", path: "/type", value: "learner.activity.started" }],
        pointer: "/type",
      },
      {
        name: "the timestamp is a number",
        patch: [{ op: "replace", path: "/timestamp", value: 1658413005111 }],
        pointer: "/timestamp",
      },
    ],
  },
  {
    schema: "learner.activity.finished.lesson",
    base: { example: "learner.activity.finished.lesson.json5" },
    broken: [
      {
        name: "the payload has no lesson",
        patch: [{ op: "remove", path: "/payload/lesson" }],
        pointer: "/payload/lesson",
      },
      {
        name: "the course id is a string",
        patch: [{ op: "replace", path: "/payload/course/courseId", value: "9961" }],
        pointer: "/payload/course/courseId",
      },
      {
        name: "the sub-type is assessment",
        patch: [{ op: "replace", path: "/payload/type", value: "assessment" }],
        pointer: "/payload/type",
      },
    ],
  },
  {
    schema: "learner.activity.finished.assessment",
    base: { example: "learner.activity.finished.assessment.json5" },
    broken: [
      {
        name: "the payload has no version",
        patch: [{ op: "remove", path: "/payload/version" }],
        pointer: "/payload/version",
      },
      {
        name: "the module id is a string",
        patch: [{ op: "replace", path: "/payload/module/moduleId", value: "10658" }],
        pointer: "/payload/module/moduleId",
      },
      {
        name: "the type is started",
        patch: [{ op: "replace", path: "/type", value: "learner.activity.started" }],
        pointer: "/type",
      },
    ],
  },
  {
    schema: "learner.activity.finished.in-course-survey",
    base: { example: "learner.activity.finished.in-course-survey.json5" },
    broken: [
      {
        name: "an in-course survey without module",
        patch: [{ op: "remove", path: "/payload/module" }],
        pointer: "/payload/module",
      },
      {
        name: "an in-course survey without course",
        patch: [{ op: "remove", path: "/payload/course" }],
        pointer: "/payload/course",
      },
      {
        name: "the survey status is unknown",
        patch: [{ op: "replace", path: "/payload/survey/status", value: "skipped" }],
        pointer: "/payload/survey/status",
      },
      {
        name: "the survey type is unknown",
        patch: [{ op: "replace", path: "/payload/survey/type", value: "rating" }],
        pointer: "/payload/survey/type",
      },
    ],
  },
  {
    schema: "learner.activity.finished.standalone-survey",
    base: { example: "learner.activity.finished.standalone-survey.json5" },
    broken: [
      {
        name: "a standalone survey that carries a course",
        patch: [{ op: "add", path: "/payload/course", value: { courseId: 9961 } }],
        pointer: "/payload",
      },
      {
        name: "a standalone survey that carries a module",
        patch: [{ op: "add", path: "/payload/module", value: { moduleId: 10658 } }],
        pointer: "/payload",
      },
      {
        name: "the survey has no surveyId",
        patch: [{ op: "remove", path: "/payload/survey/surveyId" }],
        pointer: "/payload/survey/surveyId",
      },
      {
        name: "the sub-type is lesson",
        patch: [{ op: "replace", path: "/payload/type", value: "lesson" }],
        pointer: "/payload/type",
      },
    ],
  },
  {
    schema: "learner.course.completed",
    base: { example: "learner.course.completed.json5" },
    broken: [
      {
        name: "the type is the JSON schema block's course.complete",
        patch: [{ op: "replace", path: "/type", value: "course.complete" }],
        pointer: "/type",
      },
      {
        name: "the type is the listed event name",
        patch: [{ op: "replace", path: "/type", value: "learner.course.completed" }],
        pointer: "/type",
      },
      {
        name: "the user has no email",
        patch: [{ op: "remove", path: "/payload/user/email" }],
        pointer: "/payload/user/email",
      },
      {
        name: "the course is published as a string",
        patch: [{ op: "replace", path: "/payload/course/published", value: "true" }],
        pointer: "/payload/course/published",
      },
      {
        name: "the completion date is not RFC 3339",
        patch: [{ op: "replace", path: "/payload/completion/courseCompletionDate", value: "2021-05-18" }],
        pointer: "/payload/completion/courseCompletionDate",
      },
      {
        name: "a score is a string",
        patch: [{ op: "replace", path: "/payload/completion/scoresBreakdown/1/score", value: "66.67" }],
        pointer: "/payload/completion/scoresBreakdown/1/score",
      },
      {
        name: "an identifier has no key",
        patch: [{ op: "remove", path: "/payload/user/identifiers/0/key" }],
        pointer: "/payload/user/identifiers/0/key",
      },
      {
        name: "the payload has no parentGroup",
        patch: [{ op: "remove", path: "/payload/parentGroup" }],
        pointer: "/payload/parentGroup",
      },
    ],
  },
];
