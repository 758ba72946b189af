import { describe, expect, it } from "vitest";
import type { Change, ChangeKind, Effect } from "../../generator/breaking/change.js";
import { checkVersion, neededBump, type Bump } from "../../generator/breaking/semver.js";

const change = (kind: ChangeKind, effect: Effect): Change => ({
  package: "p",
  event: "e",
  path: "",
  change: "",
  effect,
  kind,
});

describe("neededBump", () => {
  const cases: [string, Change[], Bump][] = [
    ["nothing changed", [], "none"],
    ["description only", [change("description-changed", "compatible")], "patch"],
    ["format removed (looser)", [change("format-removed", "compatible")], "patch"],
    ["optional field added", [change("field-added", "compatible"), change("title-changed", "compatible")], "minor"],
    ["event added", [change("event-added", "compatible")], "minor"],
    ["stricter", [change("event-added", "compatible"), change("pattern-added", "stricter")], "major"],
    ["breaking", [change("field-removed", "breaking")], "major"],
  ];
  it.each(cases)("%s", (_name, changes, want) => expect(neededBump(changes)).toBe(want));
});

describe("checkVersion", () => {
  const cases: [needed: Bump, base: string | undefined, now: string | undefined, ok: boolean, required: Bump][] = [
    ["none", "0.1.0", "0.1.0", true, "none"],
    ["major", "0.1.0", "0.1.0", false, "minor"],
    ["major", "0.1.0", "0.1.1", false, "minor"],
    ["major", "0.1.0", "0.2.0", true, "minor"],
    ["major", "0.1.0", "1.0.0", true, "minor"],
    ["major", "1.2.3", "1.3.0", false, "major"],
    ["major", "1.2.3", "2.0.0", true, "major"],
    ["minor", "1.2.3", "1.2.3", true, "minor"],
    ["minor", "0.1.0", "0.1.0", true, "patch"],
    ["major", undefined, "0.1.0", true, "major"],
  ];
  it.each(cases)("%s change, %s → %s: ok %s", (needed, base, now, ok, required) => {
    const check = checkVersion(needed, base, now);
    expect([check.ok, check.required]).toEqual([ok, required]);
  });

  it("says when the 0.x convention applies", () => {
    expect(checkVersion("major", "0.1.0", "0.1.0").message).toMatch(/0\.x: a breaking change needs a minor bump/);
  });
});
