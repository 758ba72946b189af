import type { Catalogue } from "../catalogue.js";
import { safeConst } from "../lint/rules.js";
import { BadRequest } from "./errors.js";

/** Event types and sub-types the scaffold takes: they name the file, so lowercase letters, digits, `.`, `_`, `-`. */
const safeName = /^[a-z0-9][a-z0-9_.-]{0,99}$/;

/** `course.updated:team.removed` → the event type and the sub-type; a name unfit for a file name is a BadRequest. */
export function parseEventName(text: string): { event: string; subType?: string } {
  const [event = "", subType, ...rest] = text.split(":");
  for (const name of [event, ...(subType === undefined ? [] : [subType])]) {
    if (rest.length || !safeName.test(name) || !safeConst.test(name)) {
      throw new BadRequest(
        `"${text}" is not an event name: 1 to 100 lowercase letters, digits, ".", "_" and "-" ` +
          "(starting with a letter or digit), " +
          "then optionally :<sub-type> in the same characters",
      );
    }
  }
  return subType === undefined ? { event } : { event, subType };
}

/** The `--docs` page: required, and https (it becomes x-docs and the example's published page). */
export function docsUrl(docs: string | undefined): string {
  if (docs === undefined)
    throw new BadRequest("--docs <https url> is required: the provider's page of the event becomes x-docs");
  if (!/^https:\/\/\S+$/.test(docs)) throw new BadRequest(`--docs must be an https URL, not "${docs}"`);
  return docs;
}

/** `teachfloor`, `teachfloor/early` or `teachfloor-early` → the catalogue; anything else is a BadRequest. */
export function findCatalogue(catalogues: readonly Catalogue[], name: string): Catalogue {
  const found = catalogues.find((c) => c.path === name || c.path.replace(/\//g, "-") === name);
  if (!found) throw new BadRequest(`unknown provider "${name}": one of ${catalogues.map((c) => c.path).join(", ")}`);
  return found;
}
