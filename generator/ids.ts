/** Every schema's `$id` is this base followed by its path below `schemas/`. */
export const idBase = "https://coursehooks.dev/schemas/";

export const idOf = (path: string): string => idBase + path;

/** The catalogue a schema file belongs to: its folder, or the folder above `common/`. */
export function catalogueOf(path: string): string {
  const folder = path.split("/").slice(0, -1);
  if (folder.at(-1) === "common") folder.pop();
  return folder.join("/");
}

/** The file's path inside its catalogue, without `.schema.json`: `course.join`, `common/member`. */
export function stemOf(path: string): string {
  return path.slice(catalogueOf(path).length + 1).replace(/\.schema\.json$/, "");
}

export const isCommon = (path: string): boolean => stemOf(path).startsWith("common/");

/** Splits a `$ref` found in `fromId` into the target file's `$id` and the pointer inside it. */
export function resolveRef(fromId: string, ref: string): { id: string; pointer: string } {
  const url = new URL(ref, fromId);
  const pointer = decodeURIComponent(url.hash.replace(/^#/, ""));
  url.hash = "";
  return { id: url.href, pointer };
}
