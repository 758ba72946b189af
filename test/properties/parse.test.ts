import fc from "fast-check";
import { describe, it } from "vitest";
import { all, examplesOf, pkg } from "../runtime/packages.js";
import { anyBytes, anyText, editedBytes, editedText, hostileValue, isJsonBody, mutatedExample } from "./arbitraries.js";
import {
  check,
  checkUnpolluted,
  expectUnpolluted,
  expectWellFormed,
  parseResultProblems,
  pollutionBodies,
  prototypes,
  type Json,
} from "./shape.js";
import { runs } from "../helpers/property-runs.js";

// parse and validate, for every package: whatever they are given (text, bytes, JSON values, documented examples
// with fields replaced, deleted or added, hostile values), they return a well-formed result and never throw.

const before = prototypes();
const decoder = new TextDecoder();

const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const stripBom = (text: string) => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
const decode = (body: string | Uint8Array) => (typeof body === "string" ? body : decoder.decode(body));

describe.each(all.map((c) => [c.path, c] as const))("%s", (_, c) => {
  const p = pkg(c.path);
  const examples = examplesOf(c);
  const types = p.eventTypes;
  const typeOf = (value: unknown) => (isObject(value) ? value[c.typeProperty] : undefined);

  /** Problems beyond the form: an event is of a known type and validates as such, an unknown type is unknown. */
  function meaningProblems(result: unknown): string[] {
    const r = result as { ok: boolean; event?: unknown; error?: { code: string; type?: string } };
    if (r.ok) {
      const type = typeOf(r.event);
      if (typeof type !== "string" || !types.includes(type)) return [`an event of no known type: ${String(type)}`];
      const again = p.validate(type, r.event);
      return again.ok && again.event === r.event ? [] : [`the event does not validate as ${type}`];
    }
    if (r.error?.code === "unknown_event" && types.includes(r.error.type!))
      return [`unknown_event for the known type ${r.error.type}`];
    return [];
  }

  /** Checks parse of a raw body: well-formed, invalid_json exactly when it is not UTF-8 JSON, else its JSON. */
  function checkRaw(body: string | Uint8Array): ReturnType<typeof p.parse> {
    const result = p.parse(body);
    const problems = [...parseResultProblems(result), ...meaningProblems(result)];
    const json = isJsonBody(body);
    const invalidJson = !result.ok && result.error.code === "invalid_json";
    if (json === invalidJson)
      problems.push(
        json
          ? "a JSON body was refused as invalid_json"
          : "a body that is not UTF-8 JSON was not refused as invalid_json",
      );
    if (result.ok && JSON.stringify(result.event) !== JSON.stringify(JSON.parse(stripBom(decode(body)))))
      problems.push("the event is not the body's JSON");
    expectWellFormed(problems, "parse", body);
    checkUnpolluted(before);
    return result;
  }

  /** Checks parse of a value that is not raw: well-formed, never invalid_json, the event is the value itself. */
  function checkValue(value: unknown): ReturnType<typeof p.parse> {
    const result = p.parse(value);
    const problems = [...parseResultProblems(result), ...meaningProblems(result)];
    if (!result.ok && result.error.code === "invalid_json") problems.push("a parsed value was refused as invalid_json");
    if (result.ok && result.event !== value) problems.push("the event is not the value given");
    expectWellFormed(problems, "parse", value);
    return result;
  }

  /** Checks validate: well-formed; unknown_event exactly for a type outside the catalogue; the event is the value. */
  function checkValidate(type: string, value: unknown): void {
    const result = p.validate(type, value);
    const problems = parseResultProblems(result);
    const unknown = !result.ok && result.error.code === "unknown_event";
    if (unknown !== !types.includes(type))
      problems.push(`unknown_event is ${unknown} for the type ${JSON.stringify(type)}`);
    if (unknown && !result.ok && result.error.code === "unknown_event" && result.error.type !== type)
      problems.push("unknown_event names another type");
    if (!result.ok && result.error.code === "invalid_json") problems.push("validate answered invalid_json");
    if (result.ok && result.event !== value) problems.push("the event is not the value given");
    expectWellFormed(problems, `validate(${JSON.stringify(type)})`, value);
  }

  it("parse: arbitrary text, and documented examples with characters cut and inserted", () => {
    fc.assert(
      fc.property(fc.oneof(anyText, ...examples.map((e) => editedText(e.body))), (body) => void checkRaw(body)),
      runs,
    );
  });

  it("parse: arbitrary bytes, invalid UTF-8 included, and documented examples with bytes changed", () => {
    fc.assert(
      fc.property(fc.oneof(anyBytes, ...examples.map((e) => editedBytes(e.bytes))), (body) => void checkRaw(body)),
      runs,
    );
  });

  it("parse: arbitrary JSON values, as values and as text, give the same result", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 3 }), (value) => {
        const fromText = checkRaw(JSON.stringify(value));
        if (typeof value === "string") return void checkRaw(value);
        check(
          JSON.stringify(fromText) === JSON.stringify(checkValue(value)),
          "the value and its text parse differently",
        );
      }),
      runs,
    );
  });

  it("parse and validate: documented examples with fields replaced, deleted, added (__proto__, constructor…)", () => {
    const mutated = fc.oneof(
      ...examples.map((e) => mutatedExample(e.value, types).map((m) => ({ ...m, type: e.event.eventType }))),
    );
    fc.assert(
      fc.property(mutated, ({ value, mutations, type: exampleType }) => {
        // A string is raw text to parse, not a parsed value.
        const result = typeof value === "string" ? checkRaw(value) : checkValue(value);
        if (typeof value !== "string") {
          const fromText = checkRaw(JSON.stringify(value));
          check(JSON.stringify(fromText) === JSON.stringify(result), "the value and its text parse differently");
        }
        checkValidate(exampleType, value);
        const type = typeOf(value);
        if (typeof type === "string") checkValidate(type, value);
        // Untouched, a documented example is a valid event of its type.
        if (mutations.length === 0) check(result.ok && result.event === value, "an untouched example is not valid");
        checkUnpolluted(before);
      }),
      runs,
    );
  });

  it("parse and validate: hostile values (throwing getters, throwing proxies, values JSON cannot hold)", () => {
    const hostile = fc.oneof(...examples.map((e) => hostileValue(e.value)));
    fc.assert(
      fc.property(hostile, fc.constantFrom(...types), (hostileValue, type) => {
        const value = hostileValue.build();
        const result = p.parse(value);
        expectWellFormed(parseResultProblems(result), "parse", value);
        check(result.ok || result.error.code !== "invalid_json", "a parsed value was refused as invalid_json");
        checkValidate(type, hostileValue.build());
        checkUnpolluted(before);
      }),
      runs,
    );
  });

  it("validate: arbitrary type names (__proto__, constructor, toString…) and values", () => {
    const typeName = fc.oneof(
      fc.constantFrom(...types),
      fc.constantFrom("__proto__", "constructor", "toString", "hasOwnProperty", "", " "),
      fc.string({ maxLength: 12 }),
    );
    const value = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.constantFrom(...examples.map((e) => e.value)));
    fc.assert(
      fc.property(typeName, value, (type, v) => checkValidate(type, v)),
      runs,
    );
  });

  it("bodies that would pollute Object.prototype pollute nothing", () => {
    for (const body of pollutionBodies) {
      checkRaw(body);
      checkValue(JSON.parse(body));
      for (const type of types) checkValidate(type, JSON.parse(body));
    }
    expectUnpolluted(before);
  });
});

it("leaves Object.prototype, Array.prototype and Function.prototype as they were", () => {
  expectUnpolluted(before);
});
