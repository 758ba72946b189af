import { compile } from "json-schema-to-typescript";
import { Project, StructureKind, ts, VariableDeclarationKind, type StatementStructures } from "ts-morph";
import { banner, catalogueSources } from "../banner.js";
import type { Catalogue } from "../catalogue.js";
import { dereference } from "../dereference.js";
import { idBase, idOf } from "../ids.js";
import type { SchemaFile } from "../load.js";
import { typeName } from "../naming.js";
import { commentSafe } from "./entry.js";
import { isObject, walkSchema, type JsonObject } from "../schema-walk.js";

const rootName = (catalogue: Catalogue) => `${catalogue.prefix}Event`;

/** Keywords that give a schema a shape; a field with none of them (documented as `any`) is `unknown`. */
const shaping = [
  "type",
  "const",
  "enum",
  "$ref",
  "properties",
  "items",
  "allOf",
  "anyOf",
  "oneOf",
  "not",
  "if",
  "tsType",
];

/**
 * Types untyped fields as `unknown`: json-schema-to-typescript makes `{ [k: string]: unknown }` of any schema
 * that is not empty (a description is enough), which would refuse the `null` such a field is documented with.
 */
function untypedAsUnknown(schema: JsonObject): JsonObject {
  walkSchema(schema, (node) => {
    const fields = [...(isObject(node.properties) ? Object.values(node.properties) : []), node.items];
    for (const field of fields) {
      if (isObject(field) && !shaping.some((keyword) => keyword in field)) field.tsType = "unknown";
    }
    for (const keyword of ["title", "description"]) {
      if (typeof node[keyword] === "string") node[keyword] = commentSafe(node[keyword]);
    }
  });
  return schema;
}

/** Emits the union, the event-type list, the type-to-event map and the catalogue list. */
function catalogueStatements(catalogue: Catalogue): StatementStructures[] {
  const types = [...new Set(catalogue.events.map((event) => event.eventType))].sort();
  const byType = (type: string) =>
    catalogue.events
      .filter((e) => e.eventType === type)
      .map((e) => e.typeName)
      .join(" | ");
  return [
    {
      kind: StructureKind.TypeAlias,
      isExported: true,
      name: `${catalogue.prefix}EventType`,
      type: types.map((t) => JSON.stringify(t)).join(" | "),
      docs: [`Every event type of the catalogue, as sent in the envelope's \`${catalogue.typeProperty}\`.`],
    },
    {
      kind: StructureKind.Interface,
      isExported: true,
      name: `${catalogue.prefix}EventMap`,
      docs: ["The event interface (or union of sub-type interfaces) for each event type."],
      properties: types.map((t) => ({ name: JSON.stringify(t), type: byType(t) })),
    },
    {
      kind: StructureKind.VariableStatement,
      isExported: true,
      declarationKind: VariableDeclarationKind.Const,
      docs: ["Every event type of the catalogue, sorted."],
      declarations: [
        {
          name: "eventTypes",
          initializer:
            `[${types.map((t) => JSON.stringify(t)).join(", ")}] as const satisfies readonly ` +
            `${catalogue.prefix}EventType[]`,
        },
      ],
    },
  ];
}

/** The TypeScript types of one catalogue, as the text of `types.ts`. */
export async function emitTypes(catalogue: Catalogue, files: readonly SchemaFile[]): Promise<string> {
  const id = `${idBase}${catalogue.path}/`;
  const names = new Map<string, string>([[id, rootName(catalogue)]]);
  for (const file of files) names.set(idOf(file.path), typeName(file.path));
  const root = {
    $id: id,
    title: rootName(catalogue),
    description: `Any ${catalogue.prefix} event.`,
    oneOf: catalogue.events.map((event) => ({ $ref: event.id })),
  };
  const schema = untypedAsUnknown(await dereference(id, root, files));
  const text = await compile(schema as never, rootName(catalogue), {
    additionalProperties: false,
    bannerComment: "",
    format: false,
    declareExternallyReferenced: true,
    unknownAny: true,
    strictIndexSignatures: true,
    customName: (node) => (typeof node.$id === "string" ? names.get(node.$id) : undefined),
    $refOptions: { resolve: { http: false, file: false } } as never,
  });
  const project = new Project({ useInMemoryFileSystem: true });
  const source = project.createSourceFile("types.ts", text);
  const declared = [...source.getInterfaces(), ...source.getTypeAliases()].map((d) => d.getName());
  const unexpected = declared.filter((name) => ![...names.values()].includes(name));
  if (unexpected.length) throw new Error(`Type names not derived from a schema path: ${unexpected.join(", ")}`);
  source.addStatements(catalogueStatements(catalogue));
  source.insertStatements(0, banner(catalogueSources(catalogue.path), "ts"));
  source.formatText({ indentSize: 2, convertTabsToSpaces: true, semicolons: ts.SemicolonPreference.Insert });
  return source.getFullText();
}
