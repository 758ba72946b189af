import { transformSync } from "esbuild";
import { describe, expect, it } from "vitest";
import { hasCode, readerCode } from "../../generator/emit/readers.js";
import { isObject } from "../../generator/runtime/parse.js";

const readers: Array<[string, { given: string[]; want: string }]> = [
  [
    "a nested field",
    {
      given: ["payload", "type"],
      want: "(v: unknown) => (isObject(v) && isObject(v.payload) ? v.payload.type : undefined)",
    },
  ],
  ["a top-level field", { given: ["kind"], want: "(v: unknown) => (isObject(v) ? v.kind : undefined)" }],
  [
    "a key that is no identifier",
    { given: ["sub-type"], want: '(v: unknown) => (isObject(v) ? v["sub-type"] : undefined)' },
  ],
];

const has: Array<[string, { given: Array<[string[], string[]]>; want: string }]> = [
  [
    "two fields of a nested object",
    {
      given: [[["payload"], ["course", "module"]]],
      want:
        "(v: unknown) => isObject(v) && isObject(v.payload) && v.payload.course !== undefined && " +
        "v.payload.module !== undefined",
    },
  ],
  ["a top-level field", { given: [[[], ["course"]]], want: "(v: unknown) => isObject(v) && v.course !== undefined" }],
];

/** The generated code as a function, run the way the entry module runs it. */
const compiled = (code: string) =>
  new Function("isObject", `return ${transformSync(code, { loader: "ts" }).code}`)(isObject) as (v: unknown) => unknown;

describe("readerCode", () => {
  it.each(readers)("writes %s as property accesses", (_, { given, want }) => {
    expect(readerCode(given)).toBe(want);
  });

  it("reads as the runtime's readAt: undefined past anything but an object", () => {
    const read = compiled(readerCode(["payload", "type"]));
    expect(read({ payload: { type: "survey" } })).toBe("survey");
    for (const value of [null, "payload", 7, { payload: null }, { payload: "type" }, {}])
      expect(read(value)).toBe(undefined);
    expect(compiled(readerCode(["items", "0"]))({ items: ["first"] })).toBe("first");
  });

  it("keeps hostile keys as data: the code reads them and does nothing else", () => {
    const keys = ['"]; throw new Error("ran"); ["', "a\u2028b", "__proto__", "constructor", "\\", "a key"];
    for (const key of keys) {
      const read = compiled(readerCode(["payload", key]));
      const payload = JSON.parse(`{${JSON.stringify(key)}: "value"}`);
      expect(read({ payload })).toBe("value");
    }
  });
});

describe("hasCode", () => {
  it.each(has)("checks %s", (_, { given, want }) => {
    expect(hasCode(given)).toBe(want);
  });

  it("is true only where every field is there", () => {
    const check = compiled(hasCode([[["payload"], ["course", "module"]]]));
    expect(check({ payload: { course: 1, module: null } })).toBe(true);
    expect(check({ payload: { course: 1 } })).toBe(false);
    expect(check({ payload: "course" })).toBe(false);
    expect(check(null)).toBe(false);
  });
});
