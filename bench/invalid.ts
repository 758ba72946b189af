import type { Model } from "./model.js";

type Path = Array<string | number>;

/** Where a string field of the value sits, and whether its schema asks for a date-time. */
interface StringField {
  path: Path;
  dateTime: boolean;
}

/** The member of a nullable union that is not null, if the union is one. */
function nonNull(model: Model): Model {
  if (model.kind !== "union") return model;
  const rest = model.of.filter((m) => m.kind !== "null");
  return rest.length === 1 ? rest[0]! : model;
}

/** Every string field the value carries, in document order, with the model that describes it. */
function stringFields(model: Model, value: unknown, path: Path = []): StringField[] {
  const m = nonNull(model);
  if (m.kind === "string" && typeof value === "string") return [{ path, dateTime: m.dateTime }];
  if (m.kind === "array" && Array.isArray(value))
    return value.flatMap((v, i) => stringFields(m.items, v, [...path, i]));
  if (m.kind === "object" && typeof value === "object" && value !== null && !Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    return m.properties.flatMap((p) =>
      p.name in record ? stringFields(p.model, record[p.name], [...path, p.name]) : [],
    );
  }
  return [];
}

function replaced(value: unknown, path: Path, by: unknown): unknown {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path.at(-1)!] = by;
  return copy;
}

/** An example with one field wrong: what was changed, and the value. */
export interface Broken {
  /** JSON Pointer of the changed field. */
  pointer: string;
  how: string;
  value: unknown;
}

const pointer = (path: Path) => path.map((k) => `/${String(k).replaceAll("~", "~0").replaceAll("/", "~1")}`).join("");

/**
 * The last string field of the example (the one a validator reaches last) replaced by a number: one field wrong,
 * derived from the schema without choosing by hand.
 */
export function wrongType(model: Model, value: unknown): Broken | undefined {
  const field = stringFields(model, value).at(-1);
  if (!field) return undefined;
  return { pointer: pointer(field.path), how: "a string replaced by 42", value: replaced(value, field.path, 42) };
}

/** The last date-time of the example made an impossible date (30 February), which is still date-shaped. */
export function badDateTime(model: Model, value: unknown): Broken | undefined {
  const field = stringFields(model, value)
    .filter((f) => f.dateTime)
    .at(-1);
  if (!field) return undefined;
  return {
    pointer: pointer(field.path),
    how: "a date-time made 2026-02-30T10:00:00Z",
    value: replaced(value, field.path, "2026-02-30T10:00:00Z"),
  };
}
