/** The widest line a schema file gets where a value is put on one line. */
const width = 120;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const scalar = (value: Json): value is null | boolean | number | string => value === null || typeof value !== "object";
const flat = (value: Json): boolean =>
  scalar(value) ||
  (Array.isArray(value)
    ? value.every(scalar)
    : Object.values(value).every((v) => scalar(v) || (Array.isArray(v) && v.every(scalar))));
/** Short objects of plain values (and lists of them: `allOf: [{ "$ref": … }]`) go on one line, as hand-written. */
const oneLiner = (value: Json): boolean => (Array.isArray(value) ? value.every(flat) : flat(value));

function inline(value: Json): string {
  if (scalar(value)) return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(inline).join(", ")}]`;
  const entries = Object.entries(value);
  return entries.length ? `{ ${entries.map(([k, v]) => `${JSON.stringify(k)}: ${inline(v)}`).join(", ")} }` : "{}";
}

function format(value: Json, indent: string, used: number): string {
  const one = inline(value);
  if (scalar(value) || one === "{}" || one === "[]" || (oneLiner(value) && used + one.length + 1 <= width)) return one;
  const inner = `${indent}  `;
  const lines = Array.isArray(value)
    ? value.map((v) => inner + format(v, inner, inner.length))
    : Object.entries(value).map(([k, v]) => {
        const key = `${inner}${JSON.stringify(k)}: `;
        return key + format(v, inner, key.length);
      });
  const [open, close] = Array.isArray(value) ? ["[", "]"] : ["{", "}"];
  return `${open}\n${lines.join(",\n")}\n${indent}${close}`;
}

/** A schema file's text: 2-space JSON with short plain values on one line, and a trailing newline. */
export function schemaText(value: unknown): string {
  return `${format(value as Json, "", 0)}\n`;
}
