import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { transformSync } from "esbuild";
import { dateTime } from "../generator/date-time.js";
import { projectRoot } from "../test/helpers/catalogues.js";
import type { Case } from "./cases.js";
import { isDateTimeByCodes } from "./hand/date-time.js";
import { type TimingOptions, timeSideBySide } from "./timing.js";

/** One kind of date-time value, timed with the regex and with the check by character codes. */
export interface DateTimeRow {
  kind: string;
  example: string;
  regexNs: number;
  codesNs: number;
}

const pad = (value: number) => String(value).padStart(2, "0");

/** 1,024 distinct values of each kind (days and seconds vary), parsed from JSON as a payload's strings are. */
export function dateTimeInputs(): Record<string, string[]> {
  const values = (make: (i: number) => string) =>
    JSON.parse(JSON.stringify(Array.from({ length: 1024 }, (_, i) => make(i)))) as string[];
  const day = (i: number) => `2025-${pad((i % 12) + 1)}-${pad((i % 28) + 1)}T15:30:${pad(i % 60)}`;
  return {
    Z: values((i) => `${day(i)}Z`),
    milliseconds: values((i) => `${day(i)}.${String(i % 1000).padStart(3, "0")}Z`),
    microseconds: values((i) => `${day(i)}.${String(i).padStart(6, "0")}Z`),
    offset: values((i) => `${day(i)}+08:00`),
    "29 February": values((i) => `${2000 + 4 * (i % 25)}-02-29T00:00:${pad(i % 60)}Z`),
    "invalid (30 February)": values((i) => `2023-02-30T00:00:${pad(i % 60)}Z`),
  };
}

/** The regex against the check by character codes, side by side, on each kind of value. */
export function dateTimeTimes(timing: TimingOptions): DateTimeRow[] {
  return Object.entries(dateTimeInputs()).map(([kind, inputs]) => {
    let i = 0;
    let j = 0;
    const { times } = timeSideBySide(
      {
        regex: () => dateTime.test(inputs[i++ & 1023]!),
        codes: () => isDateTimeByCodes(inputs[j++ & 1023]!),
      },
      timing,
    );
    return { kind, example: inputs[0]!, regexNs: times.regex.ns, codesNs: times.codes.ns };
  });
}

/** A catalogue's validators, timed as shipped and with the check by character codes at every date-time field. */
export interface InValidatorsRow {
  catalogue: string;
  /** Date-time fields whose check was swapped. */
  sites: number;
  regexNs: number;
  codesNs: number;
}

type Validate = (value: unknown) => boolean;

/**
 * The shipped validators.js of each catalogue, copied to `scratch` with every call of the date-time regex replaced by
 * the check by character codes, then both timed in turn over the catalogue's valid examples.
 */
export async function dateTimeInValidators(
  cases: readonly Case[],
  scratch: string,
  timing: TimingOptions,
): Promise<InValidatorsRow[]> {
  mkdirSync(scratch, { recursive: true });
  const codes = transformSync(readFileSync(join(import.meta.dirname, "hand", "date-time.ts"), "utf8"), {
    loader: "ts",
    format: "esm",
  }).code;
  const rows: InValidatorsRow[] = [];
  for (const catalogue of [...new Set(cases.map((c) => c.catalogue))]) {
    const shipped = join(projectRoot, "generated", catalogue, "src", "validators.js");
    const text = readFileSync(shipped, "utf8");
    const holders = [...text.matchAll(/(\w+) = \/(.*?)\/;?\n/g)].filter((m) => m[2] === dateTime.source);
    let sites = 0;
    let swapped = text;
    for (const [, name] of holders) {
      swapped = swapped.replace(new RegExp(`\\b${name}\\.test\\(`, "g"), () => {
        sites++;
        return "isDateTimeByCodes(";
      });
    }
    const copy = join(scratch, `validators-${catalogue.replace("/", "-")}.mjs`);
    writeFileSync(copy, `${codes}\n${swapped}`);
    const asShipped = (await import(pathToFileURL(shipped).href)) as Record<string, Validate>;
    const withCodes = (await import(pathToFileURL(copy).href)) as Record<string, Validate>;
    const mine = cases.filter((c) => c.catalogue === catalogue);
    const pick = (module: Record<string, Validate>) => mine.map((c) => module[c.event.validatorName]!);
    const [regex, byCodes] = [pick(asShipped), pick(withCodes)];
    let i = 0;
    let j = 0;
    // Whole validator modules take V8 longer to optimise than one function: ten times the usual warm-up.
    const { times } = timeSideBySide(
      {
        regex: () => regex[i % mine.length]!(mine[i++ % mine.length]!.value),
        codes: () => byCodes[j % mine.length]!(mine[j++ % mine.length]!.value),
      },
      { ...timing, warmupMs: timing.warmupMs * 10 },
    );
    rows.push({ catalogue, sites, regexNs: times.regex.ns, codesNs: times.codes.ns });
  }
  return rows;
}
