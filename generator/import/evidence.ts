import type { Member, ObjectModel, TypeModel } from "./model.js";

/** The SDK an import reads: the npm package and its exact version. */
export interface SdkPackage {
  name: string;
  version: string;
}

/** The marker of a file the import owns: it rewrites or removes such files, and leaves every other file alone. */
export const importedKey = "x-imported";

export const importMarker = (sdk: SdkPackage) => ({ from: sdk.name, version: sdk.version });

/** Whether a schema file was written by the import of `sdkName` (it carries the marker). */
export function isImported(json: unknown, sdkName: string): boolean {
  const marker = typeof json === "object" && json !== null ? (json as Record<string, unknown>)[importedKey] : undefined;
  return typeof marker === "object" && marker !== null && (marker as { from?: unknown }).from === sdkName;
}

const nullable = (type: TypeModel): boolean =>
  type.kind === "null" || (type.kind === "union" && type.of.some((t) => t.kind === "null" || t.kind === "unknown"));

const names = (members: Member[]): string => (members.length ? members.map((m) => m.name).join(", ") : "none");

/** What the SDK type shows about an object, and what this schema makes of it: the `shows` of its evidence. */
export function showsObject(what: string, model: ObjectModel, required: Member[]): string {
  const declared = model.members.filter((m) => !m.optional);
  const optional = model.members.filter((m) => m.optional);
  return (
    `${what}: ${model.members.length} fields, ${declared.length} declared without ?, ` +
    `${model.members.filter((m) => nullable(m.type)).length} nullable (| null), optional (?): ${names(optional)}. ` +
    `Required here: ${names(required)} (only ids and discriminators: the SDK is one source, so its other fields ` +
    "stay optional until a second independent source confirms them)"
  );
}

/** The evidence entry of one SDK declaration. */
export function sdkEvidence(sdk: SdkPackage, file: string, declaration: string, shows: string) {
  return {
    source: `Whop's official TypeScript SDK ${sdk.name}@${sdk.version} (npm), ${file} › ${declaration}`,
    shows,
    url: `https://www.npmjs.com/package/${sdk.name}/v/${sdk.version}`,
  };
}
