import type { EventMapping, MappedEvent, Source } from "./mapping.js";
import type { Activity, Course, Learner, TimeSource } from "./model.js";

/** What `normalize` may be told of the delivery besides the event. */
export interface NormalizeContext {
  /** The delivery's idempotency key (the handlers' `context.deliveryId`). */
  deliveryId?: string;
}

function readAt(root: unknown, path: ReadonlyArray<string>): unknown {
  let node = root;
  for (let i = 0; i < path.length; i++) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[path[i]!];
  }
  return node;
}

function first(root: unknown, source: Source | undefined): unknown {
  for (const path of source ?? []) {
    const value = readAt(root, path);
    if (value !== undefined && value !== null) return value;
  }
  return undefined;
}

const text = (value: unknown): string | undefined =>
  typeof value === "string" ? value : typeof value === "number" && Number.isFinite(value) ? String(value) : undefined;

const optional = <K extends string, V>(key: K, value: V | undefined): { [F in K]?: V } =>
  (value === undefined ? {} : { [key]: value }) as { [F in K]?: V };

function learnerOf(root: unknown, mapping: NonNullable<EventMapping["learner"]>): Learner | undefined {
  const id = text(first(root, mapping.id));
  if (id === undefined) return undefined;
  const email = first(root, mapping.email);
  const name = first(root, mapping.name);
  return { id, ...optional("email", text(email)), ...optional("name", text(name)) };
}

function courseOf(root: unknown, mapping: { id: Source; title?: Source }): Course | undefined {
  const id = text(first(root, mapping.id));
  return id === undefined ? undefined : { id, ...optional("title", text(first(root, mapping.title))) };
}

function coursesOf(root: unknown, mapping: EventMapping): Course[] | undefined {
  if (mapping.course) {
    const course = courseOf(root, mapping.course);
    return course && [course];
  }
  if (!mapping.courses) return undefined;
  const items = readAt(root, mapping.courses.each);
  if (!Array.isArray(items)) return [];
  return items.map((item) => courseOf(item, mapping.courses!)).filter((c): c is Course => c !== undefined);
}

function activityOf(root: unknown, mapping: NonNullable<EventMapping["activity"]>): Activity {
  return {
    type: mapping.type,
    ...optional("id", text(first(root, mapping.id))),
    ...optional("title", text(first(root, mapping.title))),
  };
}

function timeOf(root: unknown, mapping: EventMapping): { occurredAt: string; occurredAtFrom: TimeSource } {
  for (const [path, from] of mapping.occurredAt) {
    const value = readAt(root, path);
    if (typeof value === "string") return { occurredAt: value, occurredAtFrom: from };
  }
  return { occurredAt: new Date().toISOString(), occurredAtFrom: "received" };
}

/** The learning event of `event` by its mapping, or undefined when a field the kind needs is missing. */
function apply(provider: string, event: unknown, mapping: EventMapping, context: NormalizeContext | undefined) {
  const learner = mapping.learner && learnerOf(event, mapping.learner);
  if (mapping.learner && !learner) return undefined;
  const courses = coursesOf(event, mapping);
  // A course event, or a course completed, without its course is no such event.
  if (mapping.kind.startsWith("course.") && !courses?.length) return undefined;
  const score = first(event, mapping.score);
  const passed = first(event, mapping.passed);
  return {
    kind: mapping.kind,
    provider,
    ...timeOf(event, mapping),
    ...optional("deliveryId", context?.deliveryId),
    ...optional("learner", learner),
    ...optional("course", courses?.length === 1 ? courses[0] : undefined),
    ...optional("courses", mapping.kind === "learner.enrolled" ? (courses ?? []) : undefined),
    ...optional("activity", mapping.activity && activityOf(event, mapping.activity)),
    ...optional("score", typeof score === "number" ? score : undefined),
    ...optional("passed", typeof passed === "boolean" ? passed : undefined),
    source: event,
  };
}

function selects(entry: MappedEvent, event: unknown): boolean {
  for (const [path, value] of entry.when) if (readAt(event, path) !== value) return false;
  return true;
}

/**
 * The learning event of a provider event: the mapped schema whose consts the event carries (of several, the
 * first whose guard accepts it), applied. Undefined when no mapped schema selects it. Never throws.
 */
export function normalizeWith(
  provider: string,
  entries: readonly MappedEvent[],
  event: unknown,
  context?: NormalizeContext,
): unknown {
  const candidates = entries.filter((entry) => selects(entry, event));
  const entry = candidates.length > 1 ? candidates.find((c) => c.check(event)) : candidates[0];
  return entry && apply(provider, event, entry.mapping, context);
}
