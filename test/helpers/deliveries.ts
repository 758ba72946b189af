// Signed test deliveries of the documented examples, for the tests' receivers.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Catalogue } from "../../generator/catalogue.js";
import { builtPackage, catalogues } from "./catalogues.js";
import { asSent, schemasDir } from "./examples.js";

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

/**
 * The documented example of an event, by schema name (`course.updated.title.changed`) or by event type when that is
 * unambiguous.
 */
function exampleBody(catalogue: Catalogue, event: string): { schema: string; body: string } {
  const stems = catalogue.events.filter((e) => e.stem === event || e.eventType === event).map((e) => e.stem);
  if (stems.length > 1 && !stems.includes(event))
    throw new Error(`"${event}" has sub-types; name one: ${stems.join(", ")}.`);
  const schema = stems.includes(event) ? event : stems[0];
  if (!schema)
    throw new Error(
      `Unknown event "${event}" for ${catalogue.path}: one of ${catalogue.events.map((e) => e.stem).join(", ")}.`,
    );
  const dir = join(schemasDir, catalogue.path, "examples");
  const manifest = JSON.parse(readFileSync(join(dir, "examples.json"), "utf8")) as Record<string, { schema: string }>;
  const file = Object.keys(manifest).find((name) => manifest[name]!.schema === schema);
  if (!file) throw new Error(`${catalogue.path} ${schema} has no documented example: pass a file.`);
  return { schema, body: asSent(file, readFileSync(join(dir, file), "utf8")) };
}

/** A signed test delivery of a catalogue's documented example of `event`, signed by the catalogue's own package. */
export async function testDelivery(provider: string, event: string, secret: string): Promise<Delivery> {
  const catalogue = catalogues().find((c) => c.path === provider);
  if (!catalogue) throw new Error(`unknown catalogue "${provider}"`);
  const { schema, body } = exampleBody(catalogue, event);
  const pkg = await builtPackage<Package>(catalogue.path);
  return {
    catalogue: catalogue.path,
    schema,
    body,
    headers: { "content-type": "application/json", ...(await pkg.sign(body, secret)) },
  };
}
