import { idBase, idOf, isCommon } from "../ids.js";
import type { SchemaFile } from "../load.js";
import { pointerToken } from "../problem.js";
import { isObject, resolvePointer, walkSchema, type JsonObject } from "../schema-walk.js";
import { inlineConsts } from "./discriminants.js";
import { refCycles, refTarget } from "./refs.js";
import { patternProblem } from "./patterns.js";
import { draft07, draft07Keywords, ownKeywords, shapeOrigins } from "./keywords.js";

/** A rule finds the places in one file that break it, as JSON Pointers with an optional detail. */
export type Finding = { pointer: string; detail?: string };
export type Rule = (file: SchemaFile, all: ReadonlyMap<string, SchemaFile>) => Finding[];

const everyNode = (file: SchemaFile, check: (node: JsonObject, pointer: string) => Finding | undefined): Finding[] => {
  const findings: Finding[] = [];
  walkSchema(file.json, (node, pointer) => {
    const finding = check(node, pointer);
    if (finding) findings.push(finding);
  });
  return findings;
};

/** The characters an event type or sub-type may have: they end up in generated code, docs and log lines. */
export const safeConst = /^[A-Za-z0-9_.:-]{1,100}$/;

const known = new Set<string>([...draft07Keywords, ...ownKeywords]);

/** The top-level property that carries the event type: the one with a string `const`. */
export function typeProperties(schema: JsonObject): string[] {
  const properties = isObject(schema.properties) ? schema.properties : {};
  return Object.keys(properties).filter((name) => {
    const property = properties[name];
    return isObject(property) && typeof property.const === "string";
  });
}

/** An https URL that stays one link in Markdown and in generated comments. */
const isLink = (url: unknown): boolean => typeof url === "string" && /^https:\/\/[^\s<>"'`]+$/.test(url);

/** One source of evidence: what it is, what it shows, and its public address if it has one. */
const evidenceEntry = (entry: unknown): boolean =>
  isObject(entry) &&
  Object.keys(entry).every((k) => ["source", "shows", "url"].includes(k)) &&
  typeof entry.source === "string" &&
  entry.source !== "" &&
  typeof entry.shows === "string" &&
  entry.shows !== "" &&
  (entry.url === undefined || isLink(entry.url));

const docsRule =
  "An event schema links its provider's documentation page in x-docs " +
  "(an https URL without spaces, quotes or angle brackets).";

const shapeRule =
  "An event schema says in x-shape where its shape is known from (example, object-reference or undocumented) " +
  "and its source, with inferred: true while the shape is as inferred from one example.";

/**
 * The schema rules, keyed by the sentence a person should read: the sentence is the documentation,
 * the test name and the error message.
 */
export const rules: Record<string, Rule> = {
  "A schema declares draft-07 in $schema.": (file) =>
    file.json.$schema === draft07 ? [] : [{ pointer: "/$schema", detail: `expected "${draft07}"` }],

  "A schema's $id is https://coursehooks.dev/schemas/ followed by its own path.": (file) =>
    file.json.$id === idOf(file.path) ? [] : [{ pointer: "/$id", detail: `expected "${idOf(file.path)}"` }],

  "A schema has a title and a description.": (file) =>
    ["title", "description"]
      .filter((k) => typeof file.json[k] !== "string" || file.json[k] === "")
      .map((k) => ({ pointer: `/${k}` })),

  "Only the top level of a file has a title: nested objects are named after their file, shared ones live in common/.": (
    file,
  ) =>
    everyNode(file, (node, pointer) =>
      pointer !== "" && "title" in node ? { pointer: `${pointer}/title` } : undefined,
    ),

  "Every keyword is a draft-07 keyword or one of x-docs, x-shape, x-evidence, x-imported.": (file) =>
    everyNode(file, (node, pointer) => {
      const unknown = Object.keys(node).filter((k) => !known.has(k));
      return unknown.length
        ? { pointer: `${pointer}/${unknown[0]}`, detail: `unknown keyword "${unknown.join('", "')}"` }
        : undefined;
    }),

  "Every $ref points at a schema file that exists, and at a place in it that exists.": (file, all) =>
    everyNode(file, (node, pointer) => {
      if (typeof node.$ref !== "string") return undefined;
      const target = refTarget(file.path, node.$ref);
      if (!target) return { pointer: `${pointer}/$ref`, detail: "not a readable URI reference" };
      const targetFile = target.id.startsWith(idBase) ? all.get(target.id.slice(idBase.length)) : undefined;
      if (!targetFile) return { pointer: `${pointer}/$ref`, detail: `no schema file has $id ${target.id}` };
      if (resolvePointer(targetFile.json, target.pointer) === undefined) {
        return { pointer: `${pointer}/$ref`, detail: `${target.pointer} does not exist in ${targetFile.path}` };
      }
      return undefined;
    }),

  "A $ref stands alone: draft-07 ignores the keywords beside it (put the description in the referenced file).": (
    file,
  ) =>
    everyNode(file, (node, pointer) => {
      const beside = Object.keys(node).filter((k) => k !== "$ref");
      return "$ref" in node && beside.length
        ? { pointer: `${pointer}/${beside[0]}`, detail: `beside $ref: ${beside.join(", ")}` }
        : undefined;
    }),

  "An object never forbids additional properties: providers add fields without notice.": (file) =>
    everyNode(file, (node, pointer) =>
      node.additionalProperties === false ? { pointer: `${pointer}/additionalProperties` } : undefined,
    ),

  [docsRule]: (file) => (isCommon(file.path) || isLink(file.json["x-docs"]) ? [] : [{ pointer: "/x-docs" }]),

  [shapeRule]: (file) => {
    if (isCommon(file.path)) return [];
    const shape = file.json["x-shape"];
    const valid =
      isObject(shape) &&
      shapeOrigins.includes(shape.from as never) &&
      typeof shape.source === "string" &&
      Object.keys(shape).every((key) => ["from", "source", "inferred"].includes(key)) &&
      (shape.inferred === undefined || (shape.inferred === true && shape.from === "example"));
    return valid ? [] : [{ pointer: "/x-shape" }];
  },

  "A schema lists the sources of its shape in x-evidence, each as { source, shows } (and a url where public).": (
    file,
  ) => {
    const evidence = file.json["x-evidence"];
    if (!Array.isArray(evidence) || evidence.length === 0) return [{ pointer: "/x-evidence" }];
    return evidence.flatMap((entry, i) => (evidenceEntry(entry) ? [] : [{ pointer: `/x-evidence/${i}` }]));
  },

  "An event schema fixes its event type with a string const on exactly one top-level property, listed in required.": (
    file,
  ) => {
    if (isCommon(file.path)) return [];
    const names = typeProperties(file.json);
    const required = Array.isArray(file.json.required) ? file.json.required : [];
    if (names.length !== 1) return [{ pointer: "/properties", detail: `found ${names.length} such properties` }];
    return required.includes(names[0]) ? [] : [{ pointer: "/required", detail: `"${names[0]}" is not required` }];
  },

  "An event type and every sub-type const is 1 to 100 characters of A-Z, a-z, 0-9, _ . : and -.": (file) =>
    isCommon(file.path)
      ? []
      : inlineConsts(file.json)
          .filter((found) => !safeConst.test(found.value))
          .map((found) => ({ pointer: found.at, detail: JSON.stringify(found.value.slice(0, 40)) })),

  "A $ref never leads back to itself: types and validators cannot be generated from a $ref cycle.": (file, all) =>
    refCycles(file, all).map((pointer) => ({ pointer: `${pointer}/$ref` })),

  "A pattern is a valid regular expression that cannot backtrack catastrophically (no nested quantifiers like (a+)+).":
    (file) => {
      const findings: Finding[] = [];
      walkSchema(file.json, (node, pointer) => {
        const own = typeof node.pattern === "string" ? patternProblem(node.pattern) : undefined;
        if (own) findings.push({ pointer: `${pointer}/pattern`, detail: own });
        const keys = isObject(node.patternProperties) ? Object.keys(node.patternProperties) : [];
        for (const key of keys) {
          const problem = patternProblem(key);
          if (problem) findings.push({ pointer: `${pointer}/patternProperties/${pointerToken(key)}`, detail: problem });
        }
      });
      return findings;
    },
};
