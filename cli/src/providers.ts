// The provider packages the CLI works with, imported from where they are installed (beside the CLI, or this
// repository's workspaces). The list is fixed: the CLI is versioned and published with these packages.
import { UsageError } from "./errors.js";

/** Every entry point: `@coursehooks/<path>` and its `@coursehooks/<path>/testing`. */
export const providerPaths = ["teachfloor", "teachfloor/early", "teachify", "edume", "whop"] as const;

export interface EventInfo {
  name: string;
  type: string;
  subType?: string;
  schema: string;
  guard: string;
  example: boolean;
}

export type SignatureScheme =
  | { scheme: "hmac-sha256-hex"; headers: readonly string[]; signs: "raw-body" | "compact-json"; bearer: boolean }
  | { scheme: "standard-webhooks" };

export interface TestDelivery {
  body: string;
  headers: Record<string, string>;
  id?: string;
}

/** What the CLI uses of a `testing` subpath. */
export interface Testing {
  events: readonly EventInfo[];
  typeProperty: string;
  signature: SignatureScheme;
  examples: object;
  testDelivery(
    name: string,
    options: { secret: string; payload?: unknown; rawBody?: string; id?: string },
  ): Promise<TestDelivery>;
}

type Issue = { path: Array<string | number>; message: string };
export type ParseResult =
  | { ok: true; event: unknown }
  | { ok: false; error: { code: string; message: string; type?: string; issues?: Issue[] } };

/** What the CLI uses of a package's main entry. */
export interface Package {
  parse(input: unknown): ParseResult;
  drift(event: never): { fields: string[] };
  verify(
    body: string | Uint8Array,
    headers: Record<string, string>,
    secret: string,
    options?: { now?: () => number },
  ): Promise<{ ok: true } | { ok: false; error: { code: string; message: string } }>;
  [name: string]: unknown;
}

/** `teachfloor`, `teachfloor/early` (or `teachfloor-early`) → its path; anything else is a UsageError. */
export function providerPath(provider: string): string {
  const found = providerPaths.find((path) => path === provider || path.replace("/", "-") === provider);
  if (!found) throw new UsageError(`unknown provider "${provider}": one of ${[...providerPaths].sort().join(", ")}`);
  return found;
}

export const loadPackage = async (path: string): Promise<Package> => (await import(`@coursehooks/${path}`)) as Package;

export const loadTesting = async (path: string): Promise<Testing> =>
  (await import(`@coursehooks/${path}/testing`)) as Testing;

/** The event a name stands for (or a schema name); a UsageError naming the choices when there is none. */
export function findEvent(path: string, testing: Testing, name: string): EventInfo {
  const found = testing.events.find((e) => e.name === name) ?? testing.events.find((e) => e.schema === name);
  if (found) return found;
  const names = testing.events.map((e) => e.name);
  const subTypes = names.filter((n) => n.startsWith(`${name}:`));
  if (subTypes.length > 0) throw new UsageError(`${path} ${name} has sub-types: name one of ${subTypes.join(", ")}`);
  throw new UsageError(`unknown event "${name}" for ${path}: see coursehooks events ${path}`);
}
