import type { SdkTypes, TypeModel } from "./model.js";

/** The names of the named objects a type refers to, directly or through other named objects. */
function refsOf(model: TypeModel, sdk: SdkTypes, seen: Set<string>): Set<string> {
  switch (model.kind) {
    case "union":
      for (const t of model.of) refsOf(t, sdk, seen);
      break;
    case "array":
      refsOf(model.items, sdk, seen);
      break;
    case "object":
      for (const m of model.members) refsOf(m.type, sdk, seen);
      break;
    case "ref":
      if (!seen.has(model.name)) {
        seen.add(model.name);
        const named = sdk.named.get(model.name);
        if (named) refsOf(named.model, sdk, seen);
      }
      break;
    default:
  }
  return seen;
}

/** For each named object, the event types that carry it, in event order. */
export function usersOf(sdk: SdkTypes): Map<string, string[]> {
  const users = new Map<string, string[]>();
  for (const event of sdk.events) {
    for (const name of refsOf(event.model, sdk, new Set())) users.set(name, [...(users.get(name) ?? []), event.type]);
  }
  return users;
}

/** The named objects that get a file in `common/`: those carried by more than one event; sorted by name. */
export function sharedObjects(sdk: SdkTypes): string[] {
  return [...usersOf(sdk)]
    .filter(([, events]) => events.length > 1)
    .map(([name]) => name)
    .sort();
}

/** `ResolutionCenterCase` → `resolution-center-case`: the file stem of a shared object. */
export const kebab = (name: string): string => name.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase();

/** `ResolutionCenterCase` → `resolution center case`. */
export const words = (name: string): string => kebab(name).replace(/-/g, " ");
