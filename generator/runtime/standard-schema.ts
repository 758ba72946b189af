import type { CatalogueRuntime, Check } from "./parse.js";
import { describeThrown, kindOf, toIssues } from "./issues.js";
import { parseEvent } from "./parse.js";
import type { ParseResult } from "./result.js";

// The Standard Schema and Standard JSON Schema interfaces (standardschema.dev, spec 1.x), which the
// spec asks libraries to copy rather than depend on.

/** A Standard Schema that also converts to JSON Schema. */
export interface StandardSchema<Output> {
  readonly "~standard": {
    readonly version: 1;
    readonly vendor: string;
    readonly types?: { readonly input: unknown; readonly output: Output } | undefined;
    readonly validate: (value: unknown) => StandardResult<Output>;
    readonly jsonSchema: {
      readonly input: (options: { readonly target: string }) => Record<string, unknown>;
      readonly output: (options: { readonly target: string }) => Record<string, unknown>;
    };
  };
}

export type StandardResult<Output> =
  | { readonly value: Output; readonly issues?: undefined }
  | {
      readonly issues: ReadonlyArray<{
        readonly message: string;
        readonly path?: ReadonlyArray<PropertyKey> | undefined;
      }>;
    };

const draft07 = "http://json-schema.org/draft-07/schema#";
const draft202012 = "https://json-schema.org/draft/2020-12/schema";

/**
 * The schema for a JSON Schema target. The shipped schemas are self-contained and use only keywords
 * that mean the same in draft-07 and draft 2020-12, so both targets get them; others are refused.
 */
function converter(schema: Record<string, unknown>) {
  const convert = ({ target }: { readonly target: string }): Record<string, unknown> => {
    if (target === "draft-07") return { ...schema, $schema: draft07 };
    if (target === "draft-2020-12") return { ...schema, $schema: draft202012 };
    throw new Error(`coursehooks schemas convert to draft-07 and draft-2020-12, not ${target}.`);
  };
  return { input: convert, output: convert };
}

function fromResult<Output>(result: ParseResult<Output>): StandardResult<Output> {
  if (result.ok) return { value: result.event };
  const issues = result.error.code === "invalid_payload" ? result.error.issues : [];
  return {
    issues: issues.length
      ? issues.map(({ message, path }) => ({ message, path }))
      : [{ message: result.error.message }],
  };
}

/** One event's schema as a Standard Schema. */
export function standardSchema<Output>(check: Check, schema: Record<string, unknown>): StandardSchema<Output> {
  return {
    "~standard": {
      version: 1,
      vendor: "coursehooks",
      validate: (value) => {
        try {
          return check(value)
            ? { value: value as Output }
            : { issues: toIssues(value, check.errors ?? []).issues.map(({ message, path }) => ({ message, path })) };
        } catch (thrown) {
          return { issues: [{ message: `The value could not be read: ${describeThrown(thrown)}` }] };
        }
      },
      jsonSchema: converter(schema),
    },
  };
}

/** Any event of a catalogue as a Standard Schema: the value is dispatched on its type, as `parse` does. */
export function standardUnion<Output>(
  catalogue: CatalogueRuntime,
  schema: Record<string, unknown>,
): StandardSchema<Output> {
  return {
    "~standard": {
      version: 1,
      vendor: "coursehooks",
      // A Standard Schema validates values: raw bodies go through `parse`, not here.
      validate: (value) =>
        typeof value === "string" || value instanceof Uint8Array
          ? { issues: [{ message: `expected an event object, received ${kindOf(value)}` }] }
          : fromResult(parseEvent<Output>(catalogue, value)),
      jsonSchema: converter(schema),
    },
  };
}
