import type { Catalogue, EventSchema } from "./catalogue.js";

/**
 * Each event's name as it is told apart on the wire: its event type (`course.join`), followed for sub-types by
 * `:` and the sub-type (`course.updated:team.removed`). Where two schemas share both (eduMe's surveys finished in a
 * course or standalone), each takes the rest of its schema name instead (`learner.activity.finished:in-course-survey`).
 */
export function wireNames(catalogue: Catalogue): Map<string, string> {
  const plain = (e: EventSchema) => [e.eventType, ...e.discriminants.slice(1).map((d) => d.value)].join(":");
  const counts = new Map<string, number>();
  for (const e of catalogue.events) counts.set(plain(e), (counts.get(plain(e)) ?? 0) + 1);
  return new Map(
    catalogue.events.map((e) => {
      if (counts.get(plain(e)) === 1) return [e.stem, plain(e)];
      const rest = e.stem.startsWith(`${e.eventType}.`) ? e.stem.slice(e.eventType.length + 1) : e.stem;
      return [e.stem, `${e.eventType}:${rest}`];
    }),
  );
}

/** The sub-type of an event (`team.removed`), levels joined by `:`; undefined when it has none. */
export const subTypeOf = (e: EventSchema): string | undefined =>
  e.discriminants.length > 1
    ? e.discriminants
        .slice(1)
        .map((d) => d.value)
        .join(":")
    : undefined;
