import { additions, type Change } from "./change.js";

export type Bump = "major" | "minor" | "patch" | "none";

/** The release a list of changes needs: major when anything breaks or is stricter, minor for additions. */
export function neededBump(changes: readonly Change[]): Bump {
  if (changes.some((c) => c.effect !== "compatible")) return "major";
  if (changes.some((c) => additions.has(c.kind))) return "minor";
  return changes.length ? "patch" : "none";
}

type Version = [major: number, minor: number, patch: number];

export function parseVersion(text: string): Version | undefined {
  const match = /^(\d+)\.(\d+)\.(\d+)(?:[-+].*)?$/.exec(text.trim());
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : undefined;
}

/** The bump from one version to another as semver reads it; "none" when it did not go up. */
export function actualBump(from: Version, to: Version): Bump {
  if (to[0] !== from[0]) return to[0] > from[0] ? "major" : "none";
  if (to[1] !== from[1]) return to[1] > from[1] ? "minor" : "none";
  return to[2] > from[2] ? "patch" : "none";
}

const rank: Record<Bump, number> = { none: 0, patch: 1, minor: 2, major: 3 };

export interface VersionCheck {
  /** False only when a breaking (or stricter) change is not reflected in the version: the check fails. */
  ok: boolean;
  /** The bump that counts as enough: `minor` for a breaking change before 1.0.0. */
  required: Bump;
  message: string;
}

/**
 * Whether the version moved far enough for the changes. Before 1.0.0, semver's convention is that the minor
 * number is the breaking one: a breaking change in 0.x needs 0.(x+1).0 (or 1.0.0).
 */
export function checkVersion(needed: Bump, base: string | undefined, now: string | undefined): VersionCheck {
  if (needed === "none") return { ok: true, required: "none", message: "no change, no release needed" };
  if (base === undefined) return { ok: true, required: needed, message: "new package (no version at the base)" };
  if (now === undefined) return { ok: needed !== "major", required: needed, message: "no package.json version now" };
  const from = parseVersion(base);
  const to = parseVersion(now);
  if (!from || !to) return { ok: needed !== "major", required: needed, message: `cannot read ${base} → ${now}` };
  const zero = from[0] === 0;
  const required: Bump = zero && needed === "major" ? "minor" : zero && needed === "minor" ? "patch" : needed;
  const moved = actualBump(from, to);
  const enough = rank[moved] >= rank[required];
  const note =
    zero && needed !== "patch"
      ? ` (0.x: a ${needed === "major" ? "breaking" : "minor"} change needs a ` + `${required} bump)`
      : "";
  const verdict = `${base} → ${now}: ${enough ? "reflects" : "does not reflect"} a ${needed} change${note}`;
  const message = enough || needed === "major" ? verdict : `${verdict} (a warning only)`;
  return { ok: enough || needed !== "major", required, message };
}
