// parse(input) of every built package: documented examples in every form a body arrives in, bodies that
// are not JSON, envelopes of unknown types, values that are not envelopes, and odd inputs that must not throw.

import { describe, expect, it } from "vitest";
import { all, catalogue, copyOf, errorOf, examplesOf, payloadError, pkg } from "./packages.js";

const utf8 = new TextEncoder();
const bom = new Uint8Array([0xef, 0xbb, 0xbf]);
const concat = (a: Uint8Array, b: Uint8Array) => {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
};

describe.each(all.map((c) => [c.path, c] as const))("parse of %s", (path, c) => {
  const { parse } = pkg(path);
  const examples = examplesOf(c);
  const jsonExamples = examples.filter((e) => e.json);
  const json5Examples = examples.filter((e) => !e.json);

  it("has documented examples of events to parse", () => {
    expect(examples.length).toBeGreaterThan(0);
  });

  describe.each(jsonExamples.map((e) => [e.file, e] as const))("JSON example %s", (_, example) => {
    const expectEvent = (input: unknown) => {
      const result = parse(input);
      expect(result, JSON.stringify(result).slice(0, 500)).toEqual({ ok: true, event: example.value });
      if (!result.ok) return;
      expect((result.event as Record<string, unknown>)[c.typeProperty]).toBe(example.event.eventType);
    };

    it("parses as raw text", () => expectEvent(example.text));
    it("parses as a Uint8Array of the file's bytes", () => expectEvent(new Uint8Array(example.bytes)));
    it("parses as a Node Buffer of the file's bytes", () => expectEvent(Buffer.from(example.bytes)));
    it("parses as the parsed object, and returns that very object", () => {
      const value = copyOf(example);
      const result = parse(value);
      expect(result.ok).toBe(true);
      if (result.ok) expect(result.event).toBe(value);
      expectEvent(value);
    });
    it("parses with a UTF-8 byte-order mark, as text and as bytes", () => {
      expectEvent(`\uFEFF${example.text}`);
      expectEvent(concat(bom, example.bytes));
    });
  });

  describe.each(json5Examples.map((e) => [e.file, e] as const))("JSON5 example %s", (_, example) => {
    it("parses as the value json5 reads from it", () => {
      const result = parse(copyOf(example));
      expect(result, JSON.stringify(result).slice(0, 500)).toEqual({ ok: true, event: example.value });
      if (result.ok) expect((result.event as Record<string, unknown>)[c.typeProperty]).toBe(example.event.eventType);
    });

    it("is not JSON, so its raw text is invalid_json", () => {
      const error = errorOf(parse(example.text));
      expect(error.code).toBe("invalid_json");
      expect(error.message).toMatch(/^The body is not valid JSON: ./);
    });
  });

  it("reports text that is not JSON as invalid_json, with the parser's message", () => {
    for (const body of ["{nope", Buffer.from("{nope"), utf8.encode("{nope")]) {
      const error = errorOf(parse(body));
      expect(error).toEqual({
        code: "invalid_json",
        message: expect.stringMatching(/^The body is not valid JSON: \S/),
      });
    }
  });

  it("reports bytes that are not UTF-8 as invalid_json", () => {
    expect(errorOf(parse(new Uint8Array([0x7b, 0xff, 0x7d])))).toEqual({
      code: "invalid_json",
      message: "The body is not valid UTF-8.",
    });
    // A lone surrogate's encoding and an overlong "{" are not UTF-8 either.
    expect(errorOf(parse(new Uint8Array([0x22, 0xed, 0xa0, 0x80, 0x22]))).code).toBe("invalid_json");
    expect(errorOf(parse(new Uint8Array([0xc0, 0xbb, 0x7d]))).code).toBe("invalid_json");
  });

  it("reports a well-formed envelope of an unknown type as unknown_event, with the type", () => {
    for (const example of examples) {
      const value = copyOf(example);
      value[c.typeProperty] = "no.such.event";
      for (const body of [value, JSON.stringify(value), utf8.encode(JSON.stringify(value))]) {
        const error = errorOf(parse(body));
        expect(error.code, `${example.file}: ${error.message}`).toBe("unknown_event");
        if (error.code !== "unknown_event") continue;
        expect(error.type).toBe("no.such.event");
        expect(error.message).toContain('"no.such.event"');
      }
    }
  });

  it("does not call an envelope with an unknown type but missing fields unknown_event", () => {
    const error = payloadError(parse({ [c.typeProperty]: "no.such.event" }));
    expect(error.message).toMatch(/^Invalid envelope: /);
    expect(error.issues.length).toBeGreaterThan(0);
    expect(error.issues.map((i) => i.pointer)).not.toContain(`/${c.typeProperty}`);
  });

  it.each([
    ["42", 42, "integer"],
    ["1.5", 1.5, "number"],
    ["[]", [], "array"],
    ["null", null, "null"],
    ['"text" (a parsed string)', JSON.stringify("text"), "string"],
  ] as const)("reports %s, not an object, as invalid_payload with one issue at the root", (_, value, kind) => {
    const error = payloadError(parse(value));
    expect(error.issues).toEqual([
      {
        path: [],
        pointer: "",
        message: `(root): expected object, received ${kind}`,
        expected: "object",
        received: kind,
      },
    ]);
    expect(error.truncated).toBe(false);
    expect(error.message).toBe(`Invalid envelope: (root): expected object, received ${kind}`);
  });

  it("reports {} as invalid_payload with one issue per required envelope field", () => {
    const envelope = c.commons.find((f) => f.path === `${path}/common/envelope.schema.json`)!;
    const required = envelope.json.required as string[];
    expect(required).toContain(c.typeProperty);
    for (const body of [{}, "{}", utf8.encode("{}")]) {
      const error = payloadError(parse(body));
      expect(error.issues).toEqual(
        required.map((name) => ({
          path: [name],
          pointer: `/${name}`,
          message: `${name}: required field is missing`,
          expected: "a value",
          received: "nothing",
        })),
      );
      expect(error.truncated).toBe(false);
      const more = required.length > 1 ? ` (and ${required.length - 1} more)` : "";
      expect(error.message).toBe(`Invalid envelope: ${required[0]}: required field is missing${more}`);
    }
  });
});

// ---- never throws ---------------------------------------------------------------------------------

/** Deterministic bytes (a linear congruential generator), so a failure can be replayed. */
function randomBytes(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    out[i] = state >>> 24;
  }
  return out;
}

const boom = () => {
  throw new Error("boom");
};

/** Odd inputs, and the code parse must give each. */
const oddInputs: Array<[string, () => unknown, "invalid_json" | "invalid_payload"]> = [
  ["undefined", () => undefined, "invalid_payload"],
  ["null", () => null, "invalid_payload"],
  ["true", () => true, "invalid_payload"],
  ["0", () => 0, "invalid_payload"],
  ["NaN", () => NaN, "invalid_payload"],
  ["-Infinity", () => -Infinity, "invalid_payload"],
  ["a bigint", () => 10n, "invalid_payload"],
  ["a symbol", () => Symbol("body"), "invalid_payload"],
  ["a function", () => () => ({ type: "x" }), "invalid_payload"],
  ['""', () => "", "invalid_json"],
  ['" "', () => " ", "invalid_json"],
  ['"null"', () => "null", "invalid_payload"],
  ['"[]"', () => "[]", "invalid_payload"],
  ['"\\uFEFF" alone', () => "\uFEFF", "invalid_json"],
  ["an empty Uint8Array", () => new Uint8Array(0), "invalid_json"],
  ["a 1 MB string of [", () => "[".repeat(1 << 20), "invalid_json"],
  ['"[".repeat(100000)', () => "[".repeat(100_000), "invalid_json"],
  ["100000 nested arrays, closed", () => "[".repeat(100_000) + "]".repeat(100_000), "invalid_payload"],
  ["an ArrayBuffer", () => new ArrayBuffer(8), "invalid_payload"],
  ["a Proxy whose getters throw", () => new Proxy({}, { get: boom }), "invalid_payload"],
  [
    "a Proxy whose every trap throws",
    () => new Proxy({}, { get: boom, has: boom, ownKeys: boom, getOwnPropertyDescriptor: boom, getPrototypeOf: boom }),
    "invalid_payload",
  ],
  [
    "an object with a throwing type getter",
    () => ({
      get type() {
        return boom();
      },
      get event() {
        return boom();
      },
    }),
    "invalid_payload",
  ],
  ["1 KiB of random bytes", () => randomBytes(1024, 1), "invalid_json"],
  ["64 KiB of random bytes", () => randomBytes(65_536, 7), "invalid_json"],
];

describe.each(all.map((c) => [c.path] as const))("parse of %s never throws", (path) => {
  const { parse } = pkg(path);

  it.each(oddInputs)("on %s", (_, input, code) => {
    let result: ReturnType<typeof parse> | undefined;
    expect(() => (result = parse(input()))).not.toThrow();
    const error = errorOf(result!);
    expect(error.code).toBe(code);
    expect(typeof error.message).toBe("string");
    if (error.code === "invalid_payload") expect(Array.isArray(error.issues)).toBe(true);
  });

  it("on a value whose getter throws something that cannot be turned into a string", () => {
    // A getter may throw anything; parse's own fallback must not throw while describing it.
    const unprintable = Object.create(null) as object;
    const inputs = [
      {
        get [catalogue(path).typeProperty]() {
          throw unprintable;
        },
      },
      new Proxy(
        {},
        {
          get() {
            throw unprintable;
          },
        },
      ),
    ];
    for (const input of inputs) {
      let result: ReturnType<typeof parse> | undefined;
      expect(() => (result = parse(input))).not.toThrow();
      expect(errorOf(result!).code).toBe("invalid_payload");
    }
  });
});
