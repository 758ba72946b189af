import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import ts from "typescript";
import { transform } from "typia/lib/transform";
import type { Model } from "../model.js";
import { type DateTimeTag, typiaType } from "./typia-types.js";

/** One type to check with typia: a name for the export, and the model. */
export interface TypiaInput {
  name: string;
  model: Model;
}

export type TypiaChecks = Map<string, Record<DateTimeTag, (value: unknown) => boolean>>;

const tags: DateTimeTag[] = ["format", "pattern"];

function source(inputs: readonly TypiaInput[]): string {
  const lines = ['import typia, { tags } from "typia";'];
  inputs.forEach((input, i) => {
    for (const tag of tags) {
      lines.push(`type T${i}_${tag} = ${typiaType(input.model, tag)};`);
      lines.push(`export const is${i}_${tag} = typia.createIs<T${i}_${tag}>();`);
    }
  });
  return `${lines.join("\n")}\n`;
}

/**
 * `typia.createIs<T>()` for each input, with both date-time tags, transformed by typia's transformer through the
 * TypeScript compiler API and imported. The module is written below `scratch` (inside the repository, so that its
 * imports of typia resolve) and removed once loaded.
 */
export async function typiaChecks(inputs: readonly TypiaInput[], scratch: string): Promise<TypiaChecks> {
  mkdirSync(scratch, { recursive: true });
  const dir = mkdtempSync(join(scratch, "typia-"));
  try {
    const file = join(dir, "checks.ts");
    writeFileSync(file, source(inputs));
    const program = ts.createProgram([file], {
      strict: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      skipLibCheck: true,
      types: [],
      outDir: join(dir, "out"),
    });
    const problems: string[] = [];
    const extras = {
      addDiagnostic: (d: ts.Diagnostic) => problems.push(ts.flattenDiagnosticMessageText(d.messageText, "\n")),
    };
    const result = program.emit(undefined, undefined, undefined, false, {
      before: [transform(program, {}, extras as never)],
    });
    if (result.emitSkipped || problems.length > 0) throw new Error(`typia could not transform: ${problems.join("; ")}`);
    const module = (await import(pathToFileURL(join(dir, "out", "checks.js")).href)) as Record<
      string,
      (value: unknown) => boolean
    >;
    return new Map(
      inputs.map((input, i) => [input.name, { format: module[`is${i}_format`]!, pattern: module[`is${i}_pattern`]! }]),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
