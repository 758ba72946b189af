import { join } from "node:path";
import { parseArgs } from "node:util";
import { check, exitCode, formatReport, parseCheckArgs, UsageError } from "./check.js";
import { testDelivery } from "./deliveries.js";

const usage = `Usage: coursehooks send <provider> <event> --to <url> --secret <secret> [--file payload.json]

Sends <event>'s documented example (or the payload in --file), signed exactly as <provider> signs it,
and prints the response's status and body. <provider> is teachfloor, teachfloor/early, teachify, edume
or whop; <event> is an event type, or a schema name where the type has sub-types
(course.updated.title.changed).

       coursehooks check <provider> <file-or-folder>... [--json]

Checks captured deliveries (.json: one each; .jsonl/.ndjson: one a line; folders recursively) against
<provider>'s package: valid, invalid and unknown per event type, undocumented fields, optional fields never seen.
Exits 1 when a delivery is invalid or unreadable.`;

const checkUsage = "usage: coursehooks check <provider> <file-or-folder>... [--json]";

const root = join(import.meta.dirname, "..");
const argv = process.argv.slice(2);
if (argv[0] === "check") {
  if (argv.includes("--help") || argv.includes("-h")) {
    console.log(usage);
    process.exit(0);
  }
  try {
    const args = parseCheckArgs(argv.slice(1));
    const report = await check(root, args.provider, args.paths);
    const text = args.json ? JSON.stringify(report, null, 2) : formatReport(report);
    // Written out in full before exiting, however large, whatever stdout is.
    await new Promise((resolve) => process.stdout.write(`${text}\n`, resolve));
    process.exit(exitCode(report));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`coursehooks check: ${error.message} (${checkUsage})`);
    process.exit(2);
  }
}
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
