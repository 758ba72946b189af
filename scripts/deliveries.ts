import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import JSON5 from "json5";
import { buildCatalogues, type Catalogue } from "../generator/catalogue.js";
import { loadSchemas } from "../generator/load.js";

/** A delivery as the provider would make it: the body and the headers, signed. */
export interface Delivery {
  catalogue: string;
  schema: string;
  body: string;
  headers: Record<string, string>;
}

interface Package {
  sign(body: string, secret: string): Promise<Record<string, string>>;
}

/** A mistake in what the user typed: the command says it in one line and exits 2. */
export class UsageError extends Error {}

/** `teachfloor`, `teachfloor/early` or `teachfloor-early` → the catalogue; anything else is a UsageError. */
export function findCatalogue(catalogues: readonly Catalogue[], provider: string): Catalogue {
  const found = catalogues.find((c) => c.path === provider || c.path.replace(/\//g, "-") === provider);
  if (!found)
    throw new UsageError(`unknown provider "${provider}": one of ${catalogues.map((c) => c.path).join(", ")}`);
  return found;
}

/**
 * The documented example of an event, by schema name (`course.updated.title.changed`) or by event type when that is
 * unambiguous.
 */
function exampleBody(root: string, catalogue: Catalogue, event: string): { schema: string; body: string } {
  const stems = catalogue.events.filter((e) => e.stem === event || e.eventType === event).map((e) => e.stem);
  if (stems.length > 1 && !stems.includes(event))
    throw new Error(`"${event}" has sub-types; name one: ${stems.join(", ")}.`);
  const schema = stems.includes(event) ? event : stems[0];
  if (!schema)
    throw new Error(
      `Unknown event "${event}" for ${catalogue.path}: one of ${catalogue.events.map((e) => e.stem).join(", ")}.`,
    );
  const dir = join(root, "schemas", catalogue.path, "examples");
  const manifest = JSON.parse(readFileSync(join(dir, "examples.json"), "utf8")) as Record<string, { schema: string }>;
  const file = Object.keys(manifest).find((name) => manifest[name]!.schema === schema);
  if (!file) throw new Error(`${catalogue.path} ${schema} has no documented example: send your own with --file.`);
  return { schema, body: asSent(file, readFileSync(join(dir, file), "utf8")) };
}

/**
 * A stored example as the provider sends it: JSON as published, a sample that is not JSON (eduMe's) as compact JSON.
 */
export const asSent = (file: string, text: string): string =>
  file.endsWith(".json") ? text : JSON.stringify(JSON5.parse(text));

/** Builds a signed test delivery of a documented example, or of `file`'s contents. */
export async function testDelivery(
  root: string,
  provider: string,
  event: string,
  secret: string,
  file?: string,
): Promise<Delivery> {
  const catalogue = findCatalogue(buildCatalogues(loadSchemas(join(root, "schemas")).files).catalogues, provider);
  const { schema, body } = file
    ? { schema: event, body: readFileSync(file, "utf8") }
    : exampleBody(root, catalogue, event);
  const pkg = (await import(
    pathToFileURL(join(root, "generated", catalogue.path, "dist", "index.js")).href
  )) as Package;
  return {
    catalogue: catalogue.path,
    schema,
    body,
    headers: { "content-type": "application/json", ...(await pkg.sign(body, secret)) },
  };
}
