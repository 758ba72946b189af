import { relative } from "node:path";
import {
  Node,
  SyntaxKind,
  type InterfaceDeclaration,
  type JSDocableNode,
  type SourceFile,
  type TypeAliasDeclaration,
  type TypeElementTypes,
  type TypeNode,
} from "ts-morph";
import type { Member, NamedObject, ObjectModel, SdkEvent, SdkTypes, TypeModel } from "./model.js";

/** What reading one declaration set needs: where the files are, and the named objects found so far. */
interface Context {
  root: string;
  named: Map<string, NamedObject>;
}

/** The JSDoc text of a node, its lines joined into one paragraph; undefined when it has none. */
export function docOf(node: JSDocableNode): string | undefined {
  const text = node
    .getJsDocs()
    .map((doc) => doc.getDescription())
    .join(" ")
    .replace(/\s*\n\s*/g, " ")
    .trim();
  return text || undefined;
}

const unsupported = (node: Node, why: string): Error =>
  new Error(
    `${node.getSourceFile().getBaseName()}:${node.getStartLineNumber()}: ${why}: ${node.getText().slice(0, 80)}`,
  );

/** `A | (B | null)` as one flat list of alternatives. */
function union(of: TypeModel[]): TypeModel {
  const flat = of.flatMap((t) => (t.kind === "union" ? t.of : [t]));
  return flat.length === 1 ? flat[0]! : { kind: "union", of: flat };
}

function readMembers(elements: TypeElementTypes[], ctx: Context): Member[] {
  return elements.flatMap((element): Member[] => {
    if (Node.isIndexSignatureDeclaration(element)) return [];
    if (!Node.isPropertySignature(element))
      throw unsupported(element, "only properties are supported in an object type");
    const typeNode = element.getTypeNode();
    if (!typeNode) throw unsupported(element, "a property without a type");
    const doc = docOf(element);
    const member: Member = {
      name: element.getName().replace(/^['"]|['"]$/g, ""),
      optional: element.hasQuestionToken(),
      type: readType(typeNode, ctx),
    };
    return [doc === undefined ? member : { ...member, doc }];
  });
}

function readObject(node: InterfaceDeclaration | Node, ctx: Context): ObjectModel {
  if (Node.isInterfaceDeclaration(node) && node.getExtends().length)
    throw unsupported(node, "interfaces that extend others are not supported");
  if (!Node.isInterfaceDeclaration(node) && !Node.isTypeLiteral(node)) throw unsupported(node, "not an object type");
  const members = readMembers(node.getMembers(), ctx);
  const open = node.getMembers().some((m) => Node.isIndexSignatureDeclaration(m));
  const doc = Node.isInterfaceDeclaration(node) ? docOf(node) : undefined;
  const model: ObjectModel = { kind: "object", members, open };
  return doc === undefined ? model : { ...model, doc };
}

const isTopLevel = (node: Node): boolean => Node.isSourceFile(node.getParent());

/** A named object type declared at the top level of a file becomes a reference; everything else is read in place. */
function readDeclaration(decl: InterfaceDeclaration | TypeAliasDeclaration, ctx: Context): TypeModel {
  if (decl.getTypeParameters().length) throw unsupported(decl, "generic types are not supported");
  const body = Node.isTypeAliasDeclaration(decl) ? decl.getTypeNodeOrThrow() : decl;
  const isObject = Node.isInterfaceDeclaration(body) || Node.isTypeLiteral(body);
  if (!isObject) return readType(body as TypeNode, ctx);
  if (!isTopLevel(decl)) return readObject(body, ctx);
  const name = decl.getName();
  const file = relative(ctx.root, decl.getSourceFile().getFilePath());
  const known = ctx.named.get(name);
  if (known && known.file !== file)
    throw new Error(`Two object types are named ${name}: in ${known.file} and ${file}.`);
  if (!known) {
    const entry: NamedObject = { name, file, model: { kind: "object", members: [], open: false } };
    ctx.named.set(name, entry); // before reading, so that a type referring to itself ends here
    const model = readObject(body, ctx);
    const doc = Node.isTypeAliasDeclaration(decl) ? docOf(decl) : model.doc;
    entry.model = doc === undefined ? model : { ...model, doc };
  }
  return { kind: "ref", name };
}

function readReference(node: TypeNode, ctx: Context): TypeModel {
  if (!Node.isTypeReference(node)) throw unsupported(node, "not a type reference");
  const name = node.getTypeName().getText();
  const args = node.getTypeArguments();
  if ((name === "Array" || name === "ReadonlyArray") && args.length === 1)
    return { kind: "array", items: readType(args[0]!, ctx) };
  if (name === "Record" && args.length === 2) return { kind: "object", members: [], open: true };
  let symbol = node.getTypeName().getSymbol();
  if (symbol?.isAlias()) symbol = symbol.getAliasedSymbol() ?? symbol;
  const decl = symbol?.getDeclarations().find((d) => Node.isInterfaceDeclaration(d) || Node.isTypeAliasDeclaration(d));
  if (!decl) throw unsupported(node, "cannot find the declaration of this type");
  return readDeclaration(decl as InterfaceDeclaration | TypeAliasDeclaration, ctx);
}

function readLiteral(node: TypeNode): TypeModel {
  if (!Node.isLiteralTypeNode(node)) throw unsupported(node, "not a literal");
  const literal = node.getLiteral();
  if (literal.getKind() === SyntaxKind.NullKeyword) return { kind: "null" };
  if (literal.getKind() === SyntaxKind.TrueKeyword) return { kind: "literal", value: true };
  if (literal.getKind() === SyntaxKind.FalseKeyword) return { kind: "literal", value: false };
  if (Node.isStringLiteral(literal)) return { kind: "literal", value: literal.getLiteralValue() };
  if (Node.isNumericLiteral(literal)) return { kind: "literal", value: literal.getLiteralValue() };
  throw unsupported(node, "unsupported literal");
}

const keywords: Partial<Record<SyntaxKind, TypeModel>> = {
  [SyntaxKind.StringKeyword]: { kind: "string" },
  [SyntaxKind.NumberKeyword]: { kind: "number" },
  [SyntaxKind.BooleanKeyword]: { kind: "boolean" },
  [SyntaxKind.NullKeyword]: { kind: "null" },
  [SyntaxKind.UnknownKeyword]: { kind: "unknown" },
  [SyntaxKind.AnyKeyword]: { kind: "unknown" },
};

/** The model of a type node; named object types it refers to are added to `ctx.named`. */
export function readType(node: TypeNode, ctx: Context): TypeModel {
  const keyword = keywords[node.getKind()];
  if (keyword) return keyword;
  if (Node.isParenthesizedTypeNode(node)) return readType(node.getTypeNode(), ctx);
  if (Node.isUnionTypeNode(node)) return union(node.getTypeNodes().map((t) => readType(t, ctx)));
  if (Node.isArrayTypeNode(node)) return { kind: "array", items: readType(node.getElementTypeNode(), ctx) };
  if (Node.isLiteralTypeNode(node)) return readLiteral(node);
  if (Node.isTypeLiteral(node)) return readObject(node, ctx);
  if (Node.isTypeReference(node)) return readReference(node, ctx);
  throw unsupported(node, "unsupported type");
}

function readEvent(node: TypeNode, ctx: Context): SdkEvent {
  const decl = Node.isTypeReference(node) ? node.getTypeName().getSymbol()?.getDeclarations()[0] : undefined;
  if (!decl || !Node.isInterfaceDeclaration(decl)) throw unsupported(node, "an event of the union is not an interface");
  const model = readObject(decl, ctx);
  const type = model.members.find((m) => m.name === "type")?.type;
  if (type?.kind !== "literal" || typeof type.value !== "string")
    throw unsupported(decl, "an event without a string literal type");
  return {
    type: type.value,
    declaration: decl.getName(),
    file: relative(ctx.root, decl.getSourceFile().getFilePath()),
    model,
  };
}

/**
 * The webhook events of an SDK: the members of the union type alias `union` in `entry` (the SDK's
 * `UnwrapWebhookEvent`), each with the named object types it refers to. `root` is the package folder, so that
 * files are named as in the package (`resources/webhooks.d.ts`).
 */
export function readSdk(entry: SourceFile, root: string, union = "UnwrapWebhookEvent"): SdkTypes {
  const alias = entry.getTypeAliasOrThrow(union);
  const node = alias.getTypeNodeOrThrow();
  const members = Node.isUnionTypeNode(node) ? node.getTypeNodes() : [node];
  const ctx: Context = { root, named: new Map() };
  const events = members.map((member) => readEvent(member, ctx));
  return { events, named: ctx.named };
}
