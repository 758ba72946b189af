// Type-level tests: the Standard Schema objects satisfy the specification's own interfaces
// (@standard-schema/spec), so they plug into Hono's validator, tRPC, TanStack Form and the like.
import type { StandardJSONSchemaV1, StandardSchemaV1 } from "@standard-schema/spec";
import { expectTypeOf } from "vitest";
import {
  courseJoinSchema,
  eventSchema,
  type TeachfloorCourseJoinEvent,
  type TeachfloorEvent,
} from "../../generated/teachfloor/src/index.js";
import type {
  courseUpdatedTeamRemovedSchema,
  EdumeCourseUpdatedTeamRemovedEvent,
} from "../../generated/edume/src/index.js";

const asStandard: StandardSchemaV1<unknown, TeachfloorCourseJoinEvent> = courseJoinSchema;
const asJsonSchema: StandardJSONSchemaV1<unknown, TeachfloorCourseJoinEvent> = courseJoinSchema;
const union: StandardSchemaV1<unknown, TeachfloorEvent> = eventSchema;
void asStandard;
void asJsonSchema;
void union;

expectTypeOf<StandardSchemaV1.InferOutput<typeof courseJoinSchema>>().toEqualTypeOf<TeachfloorCourseJoinEvent>();
expectTypeOf<StandardSchemaV1.InferOutput<typeof eventSchema>>().toEqualTypeOf<TeachfloorEvent>();
expectTypeOf<
  StandardSchemaV1.InferOutput<typeof courseUpdatedTeamRemovedSchema>
>().toEqualTypeOf<EdumeCourseUpdatedTeamRemovedEvent>();
