import type { Patch } from "../cases/case.js";

const tokens = (pointer: string) =>
  pointer
    .split("/")
    .slice(1)
    .map((t) => t.replace(/~1/g, "/").replace(/~0/g, "~"));

/** Applies JSON Patch operations (remove, replace, add) to a copy of `document`. */
export function applyPatch(document: unknown, patch: readonly Patch[]): unknown {
  const copy = structuredClone(document);
  for (const operation of patch) {
    const path = tokens(operation.path);
    const last = path.pop()!;
    const parent = path.reduce<any>((node, token) => node?.[token], copy);
    if (parent === undefined || parent === null) throw new Error(`${operation.path}: no such parent`);
    if (operation.op !== "add" && !(last in parent)) throw new Error(`${operation.path}: nothing to ${operation.op}`);
    if (operation.op === "remove") {
      if (Array.isArray(parent)) parent.splice(Number(last), 1);
      else delete parent[last];
    } else parent[last] = operation.value;
  }
  return copy;
}
