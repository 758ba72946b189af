// check's report as text to paste into a GitHub issue.
import type { CheckReport, Location } from "./check.js";

const at = (location: Location): string =>
  location.line === undefined ? location.file : `${location.file}:${location.line}`;
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

/** Comma-separated paths, wrapped to lines of at most `width` characters after `indent`. */
function wrap(items: readonly string[], indent: string, width = 100): string[] {
  const lines: string[] = [];
  let line = "";
  for (const item of items) {
    const next = line ? `${line}, ${item}` : item;
    if (line && indent.length + next.length > width) {
      lines.push(`${indent}${line},`);
      line = item;
    } else line = next;
  }
  if (line) lines.push(`${indent}${line}`);
  return lines;
}

/** At most this many invalid deliveries are listed per event type in text (`--json` has them all). */
const maxInvalidShown = 5;
/** At most this many issues are listed per invalid delivery in text. */
const maxIssuesShown = 5;

/** The report as text to paste into a GitHub issue: a header, then one compact block per event type. */
export function formatReport(report: CheckReport): string {
  const { totals } = report;
  const counts = [
    `${totals.valid} valid`,
    `${totals.invalid} invalid`,
    `${totals.unknown} unknown`,
    ...(totals.unreadable > 0 ? [`${totals.unreadable} unreadable`] : []),
  ];
  const lines = [
    `coursehooks check ${report.provider}: ${plural(report.files, "file")}, ${totals.deliveries} ` +
      `${totals.deliveries === 1 ? "delivery" : "deliveries"} (${counts.join(", ")})`,
  ];
  for (const event of report.events) {
    lines.push("");
    if (event.valid + event.invalid === 0) {
      const example = event.example ? ` (e.g. ${at(event.example)})` : "";
      lines.push(`${event.type}: unknown event type, ${event.unknown}${example}`);
      continue;
    }
    const unknown = event.unknown ? [`${event.unknown} unknown`] : [];
    const counted = [`${event.valid} valid`, `${event.invalid} invalid`, ...unknown];
    lines.push(`${event.type}: ${counted.join(", ")}`);
    for (const invalid of event.invalidDeliveries.slice(0, maxInvalidShown)) {
      lines.push(`  invalid ${at(invalid)}`);
      for (const issue of invalid.issues.slice(0, maxIssuesShown)) {
        lines.push(`    ${issue.message.startsWith(issue.path) ? issue.message : `${issue.path}: ${issue.message}`}`);
      }
      if (invalid.issues.length > maxIssuesShown) lines.push(`    … ${invalid.issues.length - maxIssuesShown} more`);
    }
    if (event.invalidDeliveries.length > maxInvalidShown) {
      lines.push(`  … ${event.invalidDeliveries.length - maxInvalidShown} more invalid (--json lists them all)`);
    }
    const named = event.schemas.length > 1 || event.schemas.some((s) => s.schema !== event.type);
    for (const schema of event.schemas) {
      const indent = named ? "    " : "  ";
      if (named) lines.push(`  ${schema.schema}: ${schema.valid} valid`);
      if (schema.undocumented.length > 0) {
        lines.push(`${indent}undocumented fields:`);
        for (const field of schema.undocumented) {
          lines.push(`${indent}  ${field.path} ×${field.count} (e.g. ${at(field.example)})`);
        }
      }
      if (schema.neverSeen.length > 0) {
        lines.push(`${indent}optional fields never seen:`);
        lines.push(...wrap(schema.neverSeen, `${indent}  `));
      }
    }
  }
  if (report.unreadable.length > 0) {
    lines.push("", "unreadable:");
    for (const problem of report.unreadable) lines.push(`  ${at(problem)}: ${problem.message}`);
  }
  return lines.join("\n");
}
