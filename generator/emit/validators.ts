import { Ajv } from "ajv";
import standaloneCode from "ajv/dist/standalone/index.js";
import addFormats from "ajv-formats";
import { build } from "esbuild";
import { banner, catalogueSources } from "../banner.js";
import type { Catalogue } from "../catalogue.js";
import { formats } from "../formats.js";
import { idOf, stemOf } from "../ids.js";
import { typeName, validatorName } from "../naming.js";
import { ownKeywords } from "../lint/keywords.js";
import type { SchemaFile } from "../load.js";
import { type JsonObject, walkSchema } from "../schema-walk.js";
import { appendErrorsInPlace } from "./append-errors.js";
import { commentSafe } from "./entry.js";

/** Keywords that only annotate a schema: they change no verdict, so the validators' code leaves them out. */
const annotates = (keyword: string) =>
  keyword.startsWith("x-") ||
  ["title", "description", "$comment", "examples", "default", "readOnly", "writeOnly"].includes(keyword);

/** A copy of a schema file without its annotations, at every level (never a property that has such a name). */
function withoutAnnotations(schema: JsonObject): JsonObject {
  const copy = structuredClone(schema);
  walkSchema(copy, (node) => {
    for (const keyword of Object.keys(node)) if (annotates(keyword)) delete node[keyword];
  });
  return copy;
}

/**
 * A referenced schema of at most this many keywords that refers to no other is copied into each schema that refers
 * to it; any other is one function, called from each. Copying every shared object made Whop's validators 2.4 MB;
 * calling every one, the envelopes included, made validation 15–80% slower on the documented examples.
 */
const inlinedKeywords = 20;

/** An AJV instance holding a catalogue's schemas, set up to emit standalone ES module code. */
function catalogueAjv(files: readonly SchemaFile[]): Ajv {
  const ajv = new Ajv({
    strict: true,
    allErrors: true,
    messages: false,
    inlineRefs: inlinedKeywords,
    code: { source: true, esm: true, lines: true },
  });
  ajv.addVocabulary([...ownKeywords]);
  addFormats.default(ajv);
  for (const [name, pattern] of Object.entries(formats)) ajv.addFormat(name, pattern);
  for (const file of files) ajv.addSchema(withoutAnnotations(file.json), idOf(file.path));
  return ajv;
}

/** Standalone validators bundled into one self-contained ES module: no `require`, no `eval` at run time. */
export async function emitValidators(
  catalogue: Catalogue,
  files: readonly SchemaFile[],
  resolveDir: string,
): Promise<string> {
  const ajv = catalogueAjv(files);
  const exports: Record<string, string> = {};
  for (const entry of validated(catalogue)) exports[entry.validatorName] = entry.id;
  // The CommonJS module is the function, and carries itself as `.default`, which is what its types describe.
  const code = appendErrorsInPlace(standaloneCode.default(ajv, exports));
  const bundled = await build({
    stdin: { contents: code, resolveDir, loader: "js" },
    bundle: true,
    format: "esm",
    platform: "neutral",
    write: false,
    legalComments: "none",
    logLevel: "silent",
  });
  const text = bundled.outputFiles[0]!.text;
  if (/\brequire\(|new Function|\beval\(/.test(text))
    throw new Error(`Validators of ${catalogue.path} still need require or eval at run time.`);
  return banner(catalogueSources(catalogue.path), "ts") + text;
}

/** Every schema of a catalogue that gets a validator: the events, then the shared objects. */
function validated(
  catalogue: Catalogue,
): Array<{ id: string; stem: string; typeName: string; validatorName: string; what: string }> {
  return [
    ...catalogue.events.map((event) => ({ ...event, what: `a ${event.eventType} payload (${event.stem})` })),
    ...catalogue.commons.map((file) => {
      const stem = stemOf(file.path);
      return {
        id: idOf(file.path),
        stem,
        typeName: typeName(file.path),
        validatorName: validatorName(stem),
        what: `a shared object: ${file.json.title}`,
      };
    }),
  ];
}

/** Declarations for the validators: each narrows `unknown` to its schema's type. */
export function emitValidatorTypes(catalogue: Catalogue): string {
  const entries = validated(catalogue);
  const imports = entries.map((entry) => entry.typeName).sort();
  return [
    banner(catalogueSources(catalogue.path), "ts"),
    `import type { ${imports.join(", ")} } from "./types.js";`,
    "",
    "/** One reason a value failed validation, as AJV reports it, without a message (`parse` words each). */",
    "export interface ValidationError {",
    "  /** JSON Pointer of the value that failed (for `required`, of the object missing the property). */",
    "  instancePath: string;",
    "  schemaPath: string;",
    "  keyword: string;",
    "  params: Record<string, unknown>;",
    "  message?: string;",
    "}",
    "",
    "/** Checks a parsed payload; on failure `errors` says why. */",
    "export interface Validator<T> {",
    "  (value: unknown): value is T;",
    "  errors?: ValidationError[] | null;",
    "}",
    "",
    ...entries.map((entry) => {
      const declaration = `export declare const ${entry.validatorName}: Validator<${entry.typeName}>;`;
      return `/** Validates ${commentSafe(entry.what)}. */\n${declaration}`;
    }),
    "",
  ].join("\n");
}
