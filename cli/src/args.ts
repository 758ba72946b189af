// The command line: which command, its positionals and options. Wrong input is a UsageError, never a stack trace.
import { parseArgs, type ParseArgsConfig } from "node:util";
import { UsageError } from "./errors.js";

export const usage = `Usage: coursehooks <command> [options]

  send <provider> <event> --to <url> --secret <secret> [--file <payload.json>] [--no-validate] [--replay-id <id>]
      POST a test delivery signed exactly as the provider signs: the event's documented example, or --file
      (checked first; --no-validate sends it exactly as written), with a fresh delivery id and timestamp.
  verify <body-file> --header 'name: value'... --secret <secret> [--provider <provider>]
      Say whether a captured delivery's signature holds and, if not, the likely reason.
  events [<provider>]
      List the event types, sub-types and which have documented examples.
  check <provider> <file-or-folder>... [--json]
      Check captured deliveries (.json, .jsonl, .ndjson, folders) against the provider's package: valid,
      invalid and unknown per event type, undocumented fields, optional fields never seen.

Providers: teachfloor, teachfloor/early, teachify, edume, whop.
Events by their name on the wire: course.join; with a sub-type, course.updated:team.removed.
Options: --help, --version.`;

type Options = NonNullable<ParseArgsConfig["options"]>;

interface CommandSpec {
  options: Options;
  /** Names of the positionals, `...` marking a list; `?` an optional one. */
  positionals: string[];
}

export const commands: Record<string, CommandSpec> = {
  send: {
    positionals: ["<provider>", "<event>"],
    options: {
      to: { type: "string" },
      secret: { type: "string" },
      file: { type: "string" },
      "no-validate": { type: "boolean" },
      "replay-id": { type: "string" },
    },
  },
  verify: {
    positionals: ["<body-file>"],
    options: {
      header: { type: "string", multiple: true, short: "H" },
      secret: { type: "string" },
      provider: { type: "string" },
    },
  },
  events: { positionals: ["<provider>?"], options: {} },
  check: { positionals: ["<provider>", "<file-or-folder>..."], options: { json: { type: "boolean" } } },
};

export type Parsed =
  | { kind: "help" }
  | { kind: "version" }
  | { kind: "command"; command: string; positionals: string[]; values: Record<string, string | boolean | string[]> };

/** parseArgs' messages in one short line: `unknown option --yaml`, `--to needs a value`. */
function shortMessage(error: Error & { code?: string }): string {
  const option = /'(-[^' ]+)/.exec(error.message)?.[1];
  if (error.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") return `unknown option ${option ?? error.message}`;
  if (error.code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
    return /argument missing/.test(error.message) ? `${option} needs a value` : `${option} takes no value`;
  }
  return error.message;
}

function checkPositionals(command: string, spec: CommandSpec, positionals: string[]): void {
  const required = spec.positionals.filter((p) => !p.endsWith("?"));
  const list = spec.positionals.some((p) => p.endsWith("..."));
  if (positionals.length < required.length) {
    throw new UsageError(`${command}: missing ${required[positionals.length]!.replace(/\.\.\.$/, "")}`);
  }
  if (!list && positionals.length > spec.positionals.length) {
    throw new UsageError(`${command}: unexpected argument "${positionals[spec.positionals.length]}"`);
  }
}

/** Reads argv (without `node` and the script): --help and --version anywhere win; otherwise one command. */
export function parseCommandLine(argv: readonly string[]): Parsed {
  if (argv.includes("--help") || argv.includes("-h")) return { kind: "help" };
  if (argv.includes("--version") || argv.includes("-v")) return { kind: "version" };
  const [command, ...rest] = argv;
  if (command === undefined) throw new UsageError("missing command");
  const spec = commands[command];
  if (!spec || command.startsWith("-")) {
    throw new UsageError(command.startsWith("-") ? `unknown option ${command}` : `unknown command "${command}"`);
  }
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    parsed = parseArgs({ args: [...rest], options: spec.options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(`${command}: ${shortMessage(error as Error)}`);
  }
  checkPositionals(command, spec, parsed.positionals);
  return {
    kind: "command",
    command,
    positionals: parsed.positionals,
    values: parsed.values as Record<string, string | boolean | string[]>,
  };
}

/** A required option's value; a UsageError when it is missing. */
export function required(command: string, values: Record<string, unknown>, name: string): string {
  const value = values[name];
  if (typeof value !== "string") throw new UsageError(`${command}: missing --${name}`);
  return value;
}
