// The `coursehooks` command: reads the command line, runs one command, prints, and sets the exit code.
// User errors are one message (usage errors also print the usage, exit 2); only bugs show a stack trace.
import { readFileSync } from "node:fs";
import { parseCommandLine, required, usage } from "./args.js";
import { check, exitCode } from "./check.js";
import { formatReport } from "./check-report.js";
import { UsageError, UserError } from "./errors.js";
import { listEvents } from "./events.js";
import { send } from "./send.js";
import { verifyCapture } from "./verify.js";

const version = (): string =>
  (JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }).version;

/** Writes all of `text` before the process may exit, however large, whatever stdout is. */
const print = (text: string) => new Promise<void>((resolve) => process.stdout.write(`${text}\n`, () => resolve()));

async function run(argv: readonly string[]): Promise<number> {
  const parsed = parseCommandLine(argv);
  if (parsed.kind === "help") return print(usage).then(() => 0);
  if (parsed.kind === "version") return print(version()).then(() => 0);
  const { command, positionals, values } = parsed;
  if (command === "events") return print(await listEvents(positionals[0])).then(() => 0);
  if (command === "check") {
    const report = await check(positionals[0]!, positionals.slice(1));
    await print(values.json ? JSON.stringify(report, null, 2) : formatReport(report));
    return exitCode(report);
  }
  if (command === "verify") {
    const headers = (values.header as string[] | undefined) ?? [];
    if (headers.length === 0) throw new UsageError("verify: missing --header");
    const provider = typeof values.provider === "string" ? { provider: values.provider } : {};
    const secret = required(command, values, "secret");
    const result = await verifyCapture({ bodyFile: positionals[0]!, headers, secret, ...provider });
    if (result.holds) return print(`${result.provider}: the signature holds`).then(() => 0);
    await print(`${result.provider}: the signature does not hold (${result.code}): ${result.reason}`);
    return 1;
  }
  const replayId = typeof values["replay-id"] === "string" ? { replayId: values["replay-id"] } : {};
  const file = typeof values.file === "string" ? { file: values.file } : {};
  const sent = await send({
    provider: positionals[0]!,
    event: positionals[1]!,
    to: required(command, values, "to"),
    secret: required(command, values, "secret"),
    validate: values["no-validate"] !== true,
    ...file,
    ...replayId,
  });
  const id = sent.delivery.id === undefined ? "" : ` ${sent.delivery.id}`;
  await print(
    `Sent ${sent.provider} ${sent.event.name}${id} to ${sent.to}: HTTP ${sent.status} in ${sent.milliseconds} ms\n` +
      sent.responseBody,
  );
  return sent.ok ? 0 : 1;
}

export async function main(argv: readonly string[]): Promise<void> {
  try {
    process.exitCode = await run(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`coursehooks: ${error.message}\n\n${usage}\n`);
      process.exitCode = 2;
    } else if (error instanceof UserError) {
      process.stderr.write(`coursehooks: ${error.message}\n`);
      process.exitCode = 1;
    } else throw error;
  }
}
