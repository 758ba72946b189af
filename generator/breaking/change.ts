/** What a schema change does to the people who use a package. */
export type Effect = "breaking" | "stricter" | "compatible";

/** The kind of a change: what decides the bump beside its effect, and a stable name for tests. */
export type ChangeKind =
  | "event-removed"
  | "event-added"
  | "field-removed"
  | "field-added"
  | "field-added-required"
  | "made-optional"
  | "made-required"
  | "made-nullable"
  | "no-longer-nullable"
  | "type-changed"
  | "type-narrowed"
  | "value-added"
  | "value-removed"
  | "const-changed"
  | "values-restricted"
  | "values-unrestricted"
  | "format-added"
  | "format-changed"
  | "format-removed"
  | "pattern-added"
  | "pattern-changed"
  | "pattern-removed"
  | "bound-tightened"
  | "bound-loosened"
  | "additional-closed"
  | "additional-opened"
  | "items-changed"
  | "variant-added"
  | "variant-removed"
  | "keyword-changed"
  | "description-changed"
  | "title-changed";

/** One difference between the schema of an event at the base and now. */
export interface Change {
  /** The npm package: the first folder below `schemas/` (`teachfloor` for `teachfloor/early` too). */
  package: string;
  /** The event's path inside the package, without `.schema.json`: `course.created`, `early/member.joined`. */
  event: string;
  /** Where in the payload: `data.plans[].id`; empty for the event itself. */
  path: string;
  /** A sentence for people: `field removed`, `enum value added: "archived"`. */
  change: string;
  effect: Effect;
  kind: ChangeKind;
}

/** Kinds that add something a consumer may start to use: a minor release when nothing breaks. */
export const additions: ReadonlySet<ChangeKind> = new Set<ChangeKind>(["event-added", "field-added"]);
