import type { Change, Effect } from "./change.js";
import type { PackageReport } from "./compare.js";

const label: Record<Effect, string> = { breaking: "BREAKING", stricter: "stricter", compatible: "compatible" };
const where = (c: Change): string => (c.path ? `${c.event} ${c.path}` : c.event);

/** The report `npm run breaking` prints: each package, its changes, the bump it needs and the version verdict. */
export function formatReport(reports: readonly PackageReport[], base: string, head: string): string {
  const lines = [`Schemas at ${base} compared with ${head}.`, ""];
  for (const r of reports) {
    const version = `${r.baseVersion ?? "none"} → ${r.version ?? "none"}`;
    const zero = r.check.required !== r.bump ? ` (on 0.x: a ${r.check.required} bump)` : "";
    const needs = r.bump === "none" ? "no release" : `a ${r.bump} bump${zero}`;
    lines.push(`@coursehooks/${r.package}: needs ${needs}; version ${version}`);
    for (const c of r.changes) lines.push(`  ${label[c.effect].padEnd(10)} ${where(c)}: ${c.change}`);
    if (r.changes.some((c) => c.effect === "stricter")) {
      lines.push("  (stricter: validation now rejects payloads it accepted; genuine deliveries may be refused)");
    }
    lines.push(`  ${r.check.ok ? "ok" : "FAIL"}: ${r.check.message}`, "");
  }
  const failed = reports.filter((r) => !r.check.ok).map((r) => r.package);
  lines.push(
    failed.length ? `Version not bumped for a breaking change: ${failed.join(", ")}.` : "Versions reflect the changes.",
  );
  return lines.join("\n");
}

const sections: [string, (c: Change) => boolean][] = [
  ["Breaking changes", (c) => c.effect === "breaking"],
  ["Stricter validation", (c) => c.effect === "stricter"],
  ["Added", (c) => c.effect === "compatible" && (c.kind === "event-added" || c.kind === "field-added")],
  ["Other changes", (c) => c.effect === "compatible" && c.kind !== "event-added" && c.kind !== "field-added"],
];

/** One package's changes, grouped by effect under `### <effect>` headings. */
function changeSections(r: PackageReport): string[] {
  return sections.flatMap(([title, test]) => {
    const mine = r.changes.filter(test);
    return mine.length ? [`### ${title}`, "", ...mine.map((c) => `- \`${where(c)}\`: ${c.change}`), ""] : [];
  });
}

/** The changes as CHANGELOG.md text: one section per package that changed, grouped by effect. */
export function formatChangelog(reports: readonly PackageReport[]): string {
  return reports
    .filter((r) => r.changes.length)
    .flatMap((r) => [`## @coursehooks/${r.package} ${r.version ?? ""}`.trimEnd(), "", ...changeSections(r)])
    .join("\n");
}

/**
 * A package's CHANGELOG.md with this release's changes under `## <version>`, newest first; a section of the same
 * version is replaced, so running it again for one release gives the same file.
 */
export function withRelease(existing: string | undefined, r: PackageReport): string {
  const title = "# Changelog";
  const heading = `## ${r.version ?? "unreleased"}`;
  const releases = (existing ?? "")
    .replace(title, "")
    .split(/^(?=## )/m)
    .map((part) => part.trim())
    .filter(Boolean);
  const others = releases.filter((release) => release.split("\n")[0] !== heading);
  const release = [heading, "", ...changeSections(r)].join("\n").trim();
  return `${[title, release, ...others].join("\n\n")}\n`;
}
