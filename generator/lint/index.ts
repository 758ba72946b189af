import { Ajv } from "ajv";
import type { SchemaFile } from "../load.js";
import type { Problem } from "../problem.js";
import { draft07 } from "./keywords.js";
import { rules } from "./rules.js";

/**
 * Checks every file against the draft-07 meta-schema (whatever its $schema says) and every rule; returns every problem
 * found.
 */
export function lint(files: readonly SchemaFile[]): Problem[] {
  const metaValidator = new Ajv({ allErrors: true, strict: false, validateSchema: false });
  const all = new Map(files.map((file) => [file.path, file]));
  const problems: Problem[] = [];
  for (const file of files) {
    if (!metaValidator.validate(draft07, file.json)) {
      for (const error of metaValidator.errors ?? []) {
        problems.push({
          file: file.path,
          pointer: error.instancePath,
          message: `Not valid draft-07 JSON Schema: ${error.message}`,
        });
      }
      continue;
    }
    for (const [sentence, rule] of Object.entries(rules)) {
      for (const finding of rule(file, all)) {
        problems.push({
          file: file.path,
          pointer: finding.pointer,
          message: finding.detail ? `${sentence} (${finding.detail})` : sentence,
        });
      }
    }
  }
  return problems;
}
