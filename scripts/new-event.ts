// `npm run new-event`: scaffolds an event schema (and, from a payload, its example) for a catalogue.
import { join } from "node:path";
import { parseArgs } from "node:util";
import { buildCatalogues } from "../generator/catalogue.js";
import { loadSchemas } from "../generator/load.js";
import { BadRequest, Refused } from "../generator/scaffold/errors.js";
import { planNewEvent, writePlan } from "../generator/scaffold/files.js";
import { docsUrl, findCatalogue, parseEventName } from "../generator/scaffold/request.js";

const usage = `Usage: npm run new-event -- <provider>[/<catalogue>] <event>[:<sub-type>] --docs <https url>
         [--from payload.json] [--section "<where on the page>"] [--root <dir>]

Writes schemas/<catalogue>/<event>[.<sub-type>].schema.json. With --from (a whole delivery body, JSON or JSON5)
the data's shape is inferred from it and the file is stored, as it is, as the catalogue's example, published on
the --docs page (at --section) and read today. Nothing existing is overwritten.`;

const fail = (message: string, code: 1 | 2): never => {
  console.error(code === 2 ? `new-event: ${message}\n\n${usage}` : `new-event: ${message}`);
  process.exit(code);
};

try {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      from: { type: "string" },
      docs: { type: "string" },
      section: { type: "string" },
      root: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  const [target, name, ...extra] = positionals;
  if (!target || !name || extra.length) throw new BadRequest("give a catalogue and an event, and nothing else");
  const root = values.root ?? join(import.meta.dirname, "..");
  const { catalogues } = buildCatalogues(loadSchemas(join(root, "schemas")).files);
  const catalogue = findCatalogue(catalogues, target);
  const plan = planNewEvent(root, {
    catalogue,
    ...parseEventName(name),
    docs: docsUrl(values.docs),
    section: values.section,
    from: values.from,
    retrieved: new Date().toISOString().slice(0, 10),
  });
  writePlan(root, plan);
  for (const write of plan.writes) console.log(`${write.create ? "Wrote" : "Updated"} ${write.path}`);
  for (const note of plan.notes) console.log(`Note: ${note}`);
  console.log("Next: fill in the description, check the inferred fields, then run npm run generate.");
} catch (error) {
  if (error instanceof Refused) fail(error.message, 1);
  if (error instanceof BadRequest) fail(error.message, 2);
  // parseArgs reports unknown flags and missing values with an ERR_PARSE_ARGS_* code.
  if ((error as NodeJS.ErrnoException).code?.startsWith("ERR_PARSE_ARGS")) fail((error as Error).message, 2);
  throw error;
}
