import type { Change } from "../breaking/change.js";
import { classify } from "../breaking/classify.js";
import { dereference } from "../dereference.js";
import { idOf } from "../ids.js";
import type { SchemaFile } from "../load.js";
import type { JsonObject } from "../schema-walk.js";
import type { ImportPlan } from "./whop.js";

const schemaFile = (path: string, text: string): SchemaFile => ({ path, text, json: JSON.parse(text) as JsonObject });

/**
 * For each event the import leaves to its hand-curated file: how the schema the SDK alone would give differs from
 * it, as the breaking-change guard classifies it (before = the curated file, after = the SDK's). The curated file
 * has more evidence than the SDK, so these are for a person to read, not to apply.
 */
export async function curatedDifferences(
  plan: ImportPlan,
  existing: ReadonlyMap<string, string>,
): Promise<Array<{ path: string; changes: Change[] }>> {
  const files = [...new Map([...existing, ...plan.write])].map(([path, text]) => schemaFile(`whop/${path}`, text));
  const out: Array<{ path: string; changes: Change[] }> = [];
  for (const { path, schema } of plan.curated) {
    const id = idOf(`whop/${path}`);
    const curated = files.find((f) => f.path === `whop/${path}`)!;
    const before = await dereference(id, curated.json, files);
    const after = await dereference(id, schema, files);
    const changes = classify(before, after, { package: "whop", event: path.replace(/\.schema\.json$/, "") });
    out.push({ path, changes: changes.filter((c) => c.kind !== "description-changed" && c.kind !== "title-changed") });
  }
  return out;
}
