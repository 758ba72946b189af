import { builtPackage } from "../../test/helpers/catalogues.js";
import { type Case, shippedSchema } from "../cases.js";
import { handWritten } from "../hand/index.js";
import { runtimeAjv } from "./ajv.js";
import { typiaChecks } from "./typia.js";
import { valibotCheck, valibotSchema } from "./valibot.js";
import { zodCheck, zodSchema } from "./zod.js";

/** The checks compared on a parsed value, in the order the report shows them. */
export const valueCheckers = [
  "guard",
  "parse(value)",
  "hand-written",
  "AJV + ajv-formats",
  "AJV + our date-time",
  "zod 4",
  "valibot",
  "typia (format tag)",
  "typia (our date-time)",
] as const;
export type ValueChecker = (typeof valueCheckers)[number];

/** The checks compared on the raw body. */
export const rawCheckers = ["JSON.parse", "parse(raw)"] as const;
export type RawChecker = (typeof rawCheckers)[number];

type Check = (value: unknown) => boolean;

/** A case with every competitor ready to run on it. */
export interface Contest {
  case: Case;
  value: Partial<Record<ValueChecker, Check>>;
  raw: Record<RawChecker, (text: string) => boolean>;
}

interface Package {
  parse: (input: unknown) => { ok: boolean };
  [guard: string]: unknown;
}

/**
 * Every competitor for every case, built from the shipped schemas: zod and valibot schemas and typia types from
 * one converter, AJV compiling the schema files at run time, the package's own guard and `parse`, and the
 * hand-written checks where there are some.
 */
export async function contests(cases: readonly Case[], scratch: string): Promise<Contest[]> {
  const ajv = { formats: runtimeAjv("ajv-formats"), ours: runtimeAjv("ours") };
  const typia = await typiaChecks(
    [...new Map(cases.map((c) => [c.label, { name: c.label, model: c.model }])).values()],
    scratch,
  );
  const packages = new Map<string, Package>();
  const compiled = new Map<string, Omit<Contest, "case" | "raw">["value"]>();
  const out: Contest[] = [];
  for (const c of cases) {
    if (!packages.has(c.catalogue)) packages.set(c.catalogue, await builtPackage<Package>(c.catalogue));
    const pkg = packages.get(c.catalogue)!;
    if (!compiled.has(c.label)) {
      const schema = shippedSchema(c.catalogue, c.event.stem);
      const { $id: _, ...anonymous } = schema;
      const checks = typia.get(c.label)!;
      compiled.set(c.label, {
        "AJV + ajv-formats": ajv.formats.compile(anonymous),
        "AJV + our date-time": ajv.ours.compile(anonymous),
        "zod 4": zodCheck(zodSchema(c.model)),
        valibot: valibotCheck(valibotSchema(c.model)),
        "typia (format tag)": checks.format,
        "typia (our date-time)": checks.pattern,
      });
    }
    const guard = pkg[c.guard] as Check | undefined;
    if (!guard) throw new Error(`generated/${c.catalogue} has no ${c.guard}`);
    const parse = pkg.parse;
    const hand = handWritten[c.label];
    out.push({
      case: c,
      value: {
        guard,
        "parse(value)": (value) => parse(value).ok,
        ...(hand ? { "hand-written": hand } : {}),
        ...compiled.get(c.label),
      },
      raw: { "JSON.parse": (text) => JSON.parse(text) !== undefined, "parse(raw)": (text) => parse(text).ok },
    });
  }
  return out;
}
