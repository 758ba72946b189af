// validate(type, value), the is<Stem> guards and eventTypes of every built package.

import { describe, expect, it } from "vitest";
import { guardName } from "../../generator/naming.js";
import {
  all,
  copyOf,
  dispatchPointer,
  errorOf,
  examplesOf,
  payloadError,
  pkg,
  subTyped,
  type Guard,
} from "./packages.js";

describe.each(all.map((c) => [c.path, c] as const))("%s", (path, c) => {
  const api = pkg(path);
  const examples = examplesOf(c);

  describe("validate", () => {
    it.each(examples.map((e) => [e.file, e] as const))(
      "accepts %s as its own event type, returning the value",
      (_, example) => {
        const value = copyOf(example);
        const result = api.validate(example.event.eventType, value);
        expect(result, JSON.stringify(result).slice(0, 500)).toEqual({ ok: true, event: example.value });
        if (result.ok) expect(result.event).toBe(value);
      },
    );

    it("reports a type that is not in the catalogue as unknown_event, whatever the value", () => {
      for (const type of ["no.such.event", "", "constructor", "__proto__", c.events[0]!.eventType.toUpperCase()]) {
        for (const value of [...examples.map(copyOf), {}, null]) {
          const error = errorOf(api.validate(type, value));
          expect(error).toEqual({
            code: "unknown_event",
            type,
            message: `${JSON.stringify(type)} is not an event type of this catalogue.`,
          });
        }
      }
    });

    it("does not accept a stem of a sub-type, or a type of another catalogue, as an event type", () => {
      const foreign = all
        .flatMap((other) => other.events.map((e) => e.eventType))
        .filter((t) => !c.events.some((e) => e.eventType === t));
      const stems = c.events.map((e) => e.stem).filter((stem) => !c.events.some((e) => e.eventType === stem));
      for (const type of [...foreign, ...stems]) expect(errorOf(api.validate(type, {})).code).toBe("unknown_event");
    });

    const pairs = examples.flatMap((example) =>
      examples
        .filter((other) => other.event.eventType !== example.event.eventType)
        .map((other) => [example, other] as const),
    );

    it.runIf(pairs.length > 0).each(pairs.map(([a, b]) => [a.event.eventType, b.file, a, b] as const))(
      "rejects, as %s, the example %s of another event type",
      (type, _, own, other) => {
        const error = payloadError(api.validate(type, copyOf(other)));
        expect(error.issues.length).toBeGreaterThan(0);
        const subTypes = subTyped(c).filter((e) => e.eventType === type);
        const pointer = subTypes.length ? dispatchPointer(c, type) : undefined;
        const dispatched =
          pointer === undefined ||
          subTypes.some((e) =>
            e.discriminants.some((d) => d.pointer === pointer && d.value === readPointer(other.value, pointer)),
          );
        if (dispatched) {
          // A schema of the type was tried: its const at the type property is the first complaint.
          expect(error.issues).toContainEqual({
            path: [c.typeProperty],
            pointer: `/${c.typeProperty}`,
            message:
              `${c.typeProperty}: expected ${JSON.stringify(type)}, received ` +
              `${JSON.stringify(other.event.eventType)}`,
            expected: JSON.stringify(type),
            received: JSON.stringify(other.event.eventType),
          });
        } else {
          // No sub-type of the type has the example's sub-type const.
          expect(error.issues).toHaveLength(1);
          expect(error.issues[0]!.pointer).toBe(pointer);
        }
        expect(error.message.startsWith(`Invalid ${type} payload`)).toBe(true);
        expect(own.event.eventType).toBe(type);
      },
    );

    it("never throws, even on a value whose fields throw when read", () => {
      const type = c.events[0]!.eventType;
      const throwing = new Proxy(
        {},
        {
          get() {
            throw new Error("boom");
          },
        },
      );
      const getter = {
        ...copyOf(examples[0]!),
        get data() {
          throw new Error("boom");
        },
        get payload() {
          throw new Error("boom");
        },
      };
      for (const value of [throwing, getter]) {
        let result: ReturnType<typeof api.validate> | undefined;
        expect(() => (result = api.validate(type, value))).not.toThrow();
        expect(errorOf(result!).code).toBe("invalid_payload");
      }
    });
  });

  describe("guards", () => {
    const guards = c.events.map((e) => [e.stem, guardName(e.stem), e] as const);

    it("exports exactly one is<Stem> guard per event schema", () => {
      const exported = Object.keys(api)
        .filter((name) => /^is[A-Z]/.test(name) && typeof api[name] === "function")
        .sort();
      expect(exported).toEqual(guards.map(([, name]) => name).sort());
    });

    it.each(guards)("%s: %s accepts its examples and rejects {} and non-objects", (stem, name) => {
      const guard = api[name] as Guard;
      expect(typeof guard).toBe("function");
      for (const example of examples.filter((e) => e.event.stem === stem))
        expect(guard(copyOf(example)), example.file).toBe(true);
      for (const value of [{}, [], null, undefined, "", 0]) expect(guard(value)).toBe(false);
    });

    it.each(guards)("%s: %s rejects the examples of every other schema", (stem, name) => {
      const guard = api[name] as Guard;
      for (const example of examples.filter((e) => e.event.stem !== stem))
        expect(guard(copyOf(example)), example.file).toBe(false);
    });
  });

  describe("eventTypes", () => {
    it("is the sorted distinct event types of the catalogue's events", () => {
      const expected = [...new Set(c.events.map((e) => e.eventType))].sort();
      expect([...api.eventTypes]).toEqual(expected);
      expect(api.eventTypes).toHaveLength(expected.length);
    });

    it("is exactly what parse and validate know", () => {
      for (const type of api.eventTypes) expect(errorOf(api.validate(type, {})).code).not.toBe("unknown_event");
    });
  });
});

function readPointer(root: unknown, pointer: string): unknown {
  return pointer
    .split("/")
    .slice(1)
    .reduce<unknown>(
      (node, key) => (node !== null && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined),
      root,
    );
}
