import type { Change } from "./change.js";
import { classifyPackage } from "./classify.js";
import { dereferencedEvents, packageVersion, schemaFiles, type Revision } from "./revision.js";
import { checkVersion, neededBump, type Bump, type VersionCheck } from "./semver.js";

export interface PackageReport {
  package: string;
  changes: Change[];
  bump: Bump;
  baseVersion: string | undefined;
  version: string | undefined;
  check: VersionCheck;
}

/** Compares every package's events at `base` with `head` (the work tree when undefined). */
export async function compareRevisions(root: string, base: string, head: Revision): Promise<PackageReport[]> {
  const before = await dereferencedEvents(schemaFiles(root, base));
  const after = await dereferencedEvents(schemaFiles(root, head));
  const names = [...new Set([...before.keys(), ...after.keys()])].sort();
  return names.map((name): PackageReport => {
    const changes = classifyPackage(name, before.get(name) ?? new Map(), after.get(name) ?? new Map());
    const bump = neededBump(changes);
    const baseVersion = packageVersion(root, base, name);
    const version = packageVersion(root, head, name);
    return { package: name, changes, bump, baseVersion, version, check: checkVersion(bump, baseVersion, version) };
  });
}
