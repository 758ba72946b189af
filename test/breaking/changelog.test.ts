import { describe, expect, it } from "vitest";
import type { Change } from "../../generator/breaking/change.js";
import type { PackageReport } from "../../generator/breaking/compare.js";
import { withRelease } from "../../generator/breaking/report.js";

// A package's CHANGELOG.md: this release's changes under its version, newest first, the same file when run again.

const change = (over: Partial<Change>): Change => ({
  package: "acme",
  event: "thing.done",
  path: "data.name",
  change: "field made optional",
  effect: "breaking",
  kind: "made-optional",
  ...over,
});
const report = (version: string, changes: Change[]): PackageReport => ({
  package: "acme",
  changes,
  bump: "major",
  baseVersion: "0.1.0",
  version,
  check: { ok: true, required: "minor", message: "" },
});
const first = report("0.2.0", [
  change({}),
  change({ path: "data.tags", change: "field added", effect: "compatible", kind: "field-added" }),
]);

describe("withRelease", () => {
  it("starts a changelog with the release's changes grouped by effect", () => {
    expect(withRelease(undefined, first)).toBe(
      [
        "# Changelog",
        "",
        "## 0.2.0",
        "",
        "### Breaking changes",
        "",
        "- `thing.done data.name`: field made optional",
        "",
        "### Added",
        "",
        "- `thing.done data.tags`: field added",
        "",
      ].join("\n"),
    );
  });

  it("puts a new release first and replaces a release of the same version", () => {
    const once = withRelease(undefined, first);
    expect(withRelease(once, first)).toBe(once);
    const next = withRelease(once, report("0.3.0", [change({ path: "data.size", change: "type changed" })]));
    expect(next.indexOf("## 0.3.0")).toBeLessThan(next.indexOf("## 0.2.0"));
    expect(next).toContain("`thing.done data.size`: type changed");
    expect(next).toContain("`thing.done data.name`: field made optional");
  });
});
