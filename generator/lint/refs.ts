import { idBase, idOf, resolveRef } from "../ids.js";
import type { SchemaFile } from "../load.js";
import { walkSchema } from "../schema-walk.js";

/** A `$ref` found in the file at `path`, as the target file's path and pointer; undefined if unreadable. */
export function refTarget(path: string, ref: string): { id: string; pointer: string } | undefined {
  try {
    return resolveRef(idOf(path), ref);
  } catch {
    return undefined;
  }
}

type Place = { path: string; pointer: string };

/** The `$ref`s at or below `pointer` in the file at `path`, with where each leads. */
function refsUnder(all: ReadonlyMap<string, SchemaFile>, place: Place): Array<{ at: Place; to: Place }> {
  const file = all.get(place.path);
  if (!file) return [];
  const found: Array<{ at: Place; to: Place }> = [];
  walkSchema(file.json, (node, pointer) => {
    if (typeof node.$ref !== "string") return;
    if (pointer !== place.pointer && !pointer.startsWith(`${place.pointer}/`)) return;
    const target = refTarget(file.path, node.$ref);
    if (!target?.id.startsWith(idBase)) return;
    const to = { path: target.id.slice(idBase.length), pointer: target.pointer };
    found.push({ at: { path: file.path, pointer }, to });
  });
  return found;
}

/** The pointers of the `$ref`s in `file` that lead, through any number of `$ref`s, back into themselves. */
export function refCycles(file: SchemaFile, all: ReadonlyMap<string, SchemaFile>): string[] {
  const key = (place: Place) => `${place.path}#${place.pointer}`;
  return refsUnder(all, { path: file.path, pointer: "" })
    .filter(({ at, to }) => {
      const seen = new Set<string>();
      const queue = [to];
      while (queue.length) {
        const place = queue.pop()!;
        if (seen.has(key(place))) continue;
        seen.add(key(place));
        for (const next of refsUnder(all, place)) {
          if (key(next.at) === key(at)) return true;
          queue.push(next.to);
        }
      }
      return false;
    })
    .map(({ at }) => at.pointer);
}
