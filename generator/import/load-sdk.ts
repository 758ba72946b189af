import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Project } from "ts-morph";
import type { SdkPackage } from "./evidence.js";
import type { SdkTypes } from "./model.js";
import { readSdk } from "./sdk-types.js";

/** The declaration file of @whop/sdk that holds the webhook event union. */
export const whopWebhooks = "resources/webhooks.d.ts";

/** Reads an installed SDK package (`node_modules/@whop/sdk`): its name and version, and its webhook events. */
export function loadSdk(packageDir: string, entry = whopWebhooks): { sdk: SdkTypes; package: SdkPackage } {
  const json = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8")) as { name: string; version: string };
  const project = new Project({
    skipAddingFilesFromTsConfig: true,
    compilerOptions: { skipLibCheck: true, types: [] },
  });
  const file = project.addSourceFileAtPath(join(packageDir, entry));
  project.resolveSourceFileDependencies();
  return { sdk: readSdk(file, packageDir), package: { name: json.name, version: json.version } };
}

/** Reads SDK declarations given as text (file name → text), as a trimmed copy of an SDK in a test fixture. */
export function sdkFromTexts(files: ReadonlyMap<string, string>, entry: string): SdkTypes {
  const project = new Project({ useInMemoryFileSystem: true, compilerOptions: { noLib: true, types: [] } });
  for (const [name, text] of files) project.createSourceFile(`/sdk/${name}`, text);
  return readSdk(project.getSourceFileOrThrow(`/sdk/${entry}`), "/sdk");
}
