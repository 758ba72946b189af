import type { EventPlan } from "./event.js";
import { actions, providerNames, resources } from "./words.js";

/** One catalogue of a synthetic project: its folder, provider, envelope style, shared objects and events. */
export interface CataloguePlan {
  path: string;
  display: string;
  style: number;
  commons: string[];
  events: EventPlan[];
}

/** The `index`-th event of a catalogue: each resource × action pair once, then again with a numbered resource. */
export function eventPlan(index: number, commons: readonly string[]): EventPlan {
  const resource = resources[index % resources.length]!;
  // Resources and actions are coprime in number plus one, so every pair comes once per round, actions mixed early.
  const action = actions[(index + Math.floor(index / resources.length)) % actions.length]!;
  const round = Math.floor(index / (resources.length * actions.length));
  const name = round === 0 ? resource : `${resource}${round + 1}`;
  const [verb, subType] = action.split(".") as [string, string | undefined];
  const subject = commons.includes(resource) ? { subject: resource } : {};
  return {
    stem: `${name}.${action}`,
    eventType: `${name}.${verb}`,
    ...(subType === undefined ? {} : { subType }),
    ...subject,
  };
}

/** How many shared objects a catalogue of `events` events has: a few, growing slowly. */
const commonCount = (events: number) => Math.min(resources.length, 4 + Math.ceil(events / 15));

/**
 * `events` events spread round-robin over `providers` providers; the first provider keeps every eighth of its
 * events in a second catalogue, `<provider>/legacy`, once it has sixteen.
 */
export function projectPlan(events: number, providers: number): CataloguePlan[] {
  const counts = Array.from(
    { length: providers },
    (_, p) => Math.floor(events / providers) + (p < events % providers ? 1 : 0),
  );
  return counts
    .flatMap((count, p) => {
      const provider =
        providerNames[p % providerNames.length]! +
        (p >= providerNames.length ? String(Math.floor(p / providerNames.length) + 1) : "");
      const display = provider[0]!.toUpperCase() + provider.slice(1);
      const legacy = p === 0 && count >= 16 ? Math.floor(count / 8) : 0;
      const catalogue = (path: string, n: number, style: number, label: string): CataloguePlan => {
        const commons = resources.slice(0, commonCount(n));
        return {
          path,
          display: label,
          style,
          commons,
          events: Array.from({ length: n }, (_, i) => eventPlan(i, commons)),
        };
      };
      const main = catalogue(provider, count - legacy, p % 3, display);
      return legacy ? [main, catalogue(`${provider}/legacy`, legacy, (p + 1) % 3, `${display} legacy`)] : [main];
    })
    .filter((c) => c.events.length > 0);
}
