/**
 * Readers of a payload's fields written out as code for the entry module, so that V8 reads each field as a known
 * property (an inline cache of its own) rather than by a key looked up at run time, which cost `parse` more than
 * a whole validator on eduMe's surveys. Keys are data: `.key` for an identifier, else a JSON string literal.
 */

const identifier = /^[A-Za-z_$][\w$]*$/;

/** `v.payload.type`: the value at `path` from `v`, each key written as a property access. */
const at = (path: readonly string[]) =>
  `v${path.map((key) => (identifier.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`)).join("")}`;

/** `isObject(v) && isObject(v.payload)`: the value at `path`, and every value on the way to it, is an object. */
const objectsAt = (path: readonly string[]) =>
  [...path.keys(), path.length].map((end) => `isObject(${at(path.slice(0, end))})`).join(" && ");

/** The value at `path`, or undefined where something on the way is not an object (as the runtime's `readAt`). */
export function readerCode(path: readonly string[]): string {
  return `(v: unknown) => (${objectsAt(path.slice(0, -1))} ? ${at(path)} : undefined)`;
}

/** Whether the object at each holder path has every one of its names (a value other than undefined). */
export function hasCode(needs: ReadonlyArray<readonly [readonly string[], readonly string[]]>): string {
  const checks = needs.map(([holder, names]) =>
    [objectsAt(holder), ...names.map((name) => `${at([...holder, name])} !== undefined`)].join(" && "),
  );
  return `(v: unknown) => ${checks.join(" && ")}`;
}
