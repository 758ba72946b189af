import { join } from "node:path";
import { parseArgs } from "node:util";
import { testDelivery } from "./deliveries.js";

const usage = `Usage: coursehooks send <provider> <event> --to <url> --secret <secret> [--file payload.json]

Sends <event>'s documented example (or the payload in --file), signed exactly as <provider> signs it,
and prints the response's status and body. <provider> is teachfloor, teachfloor/early, teachify, edume
or whop; <event> is an event type, or a schema name where the type has sub-types
(course.updated.title.changed).`;

const root = join(import.meta.dirname, "..");
const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { to: { type: "string" }, secret: { type: "string" }, file: { type: "string" }, help: { type: "boolean", short: "h" } },
});
const [command, provider, event] = positionals;
if (values.help || command !== "send" || !provider || !event || !values.to || values.secret === undefined) {
  console.error(usage);
  process.exit(values.help ? 0 : 2);
}
try {
  const delivery = await testDelivery(root, provider, event, values.secret, values.file);
  const response = await fetch(values.to, { method: "POST", headers: delivery.headers, body: delivery.body });
  console.log(`Sent ${delivery.catalogue} ${delivery.schema} to ${values.to}: HTTP ${response.status}`);
  console.log(await response.text());
  process.exit(response.ok ? 0 : 1);
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}
