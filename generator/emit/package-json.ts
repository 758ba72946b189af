import type { Catalogue } from "../catalogue.js";
import { packageLinks, type Links } from "./links.js";

/** The npm name of a catalogue's entry point: `@coursehooks/teachfloor`, `@coursehooks/teachfloor/early`. */
export const importName = (catalogue: Catalogue): string => `@coursehooks/${catalogue.path}`;

const conditions = (at: string) => ({
  import: { types: `./${at}dist/index.d.ts`, default: `./${at}dist/index.js` },
  require: { types: `./${at}dist/index.d.cts`, default: `./${at}dist/index.cjs` },
});

/** The files of an entry point's `testing` subpath (`@coursehooks/teachfloor/testing`). */
const testingFiles = (at: string) => [`${at}testing/dist`, `${at}testing/package.json`];

/** The `package.json` of a provider's package; nested catalogues are subpath exports of it. */
export function packageJson(
  provider: Catalogue,
  displayName: string,
  nested: readonly Catalogue[],
  project: { version: string; links: Links },
  changelog = false,
): string {
  const sub = (catalogue: Catalogue) => `${catalogue.path.slice(provider.path.length + 1)}/`;
  const exports: Record<string, unknown> = { ".": conditions(""), "./testing": conditions("testing/") };
  for (const catalogue of nested) {
    exports[`./${sub(catalogue).slice(0, -1)}`] = conditions(sub(catalogue));
    exports[`./${sub(catalogue)}testing`] = conditions(`${sub(catalogue)}testing/`);
  }
  exports["./schemas/*.json"] = "./schemas/*.json";
  for (const catalogue of nested) exports[`./${sub(catalogue)}schemas/*.json`] = `./${sub(catalogue)}schemas/*.json`;
  exports["./package.json"] = "./package.json";
  const json = {
    name: importName(provider),
    version: project.version,
    description: `${displayName} webhooks, typed and validated: verify, parse and narrow every documented event.`,
    license: "MIT",
    ...packageLinks(project.links, provider.path),
    type: "module",
    sideEffects: false,
    engines: { node: ">=20" },
    main: "./dist/index.cjs",
    module: "./dist/index.js",
    types: "./dist/index.d.cts",
    exports,
    files: [
      "dist",
      "schemas",
      ...testingFiles(""),
      ...nested.flatMap((c) => [`${sub(c)}dist`, `${sub(c)}schemas`, `${sub(c)}package.json`, ...testingFiles(sub(c))]),
      "README.md",
      "LICENSE",
      ...(changelog ? ["CHANGELOG.md"] : []),
    ],
    keywords: [
      "webhooks",
      "webhook",
      provider.path,
      "course",
      "lms",
      "elearning",
      "json-schema",
      "typescript",
      "validation",
      "standard-schema",
    ],
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}

/** The `package.json` inside a subpath folder, for resolvers that predate `exports`. */
export function subpathPackageJson(): string {
  const json = {
    type: "module",
    main: "./dist/index.cjs",
    module: "./dist/index.js",
    types: "./dist/index.d.cts",
    sideEffects: false,
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}
