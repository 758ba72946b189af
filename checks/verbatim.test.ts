import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { catalogues, projectRoot } from "../test/helpers/catalogues.js";
import { exampleManifest, exampleText } from "../test/helpers/examples.js";

// Every stored example is the published text, verbatim: a substring of its source document in ../shared/seeds.
// The documents sit beside the project, not in it, so this runs as its own script (`npm run test:sources`, in CI).

const seeds = join(projectRoot, "..", "shared", "seeds");

describe.each(catalogues().map((c) => [c.path] as const))("examples of %s", (path) => {
  it.each(Object.entries(exampleManifest(path)))("%s is the published text, verbatim", (file, source) => {
    const document = join(seeds, source.document);
    expect(existsSync(document), `source document ${source.document} is beside the project in shared/seeds`).toBe(true);
    expect(readFileSync(document, "utf8")).toContain(exampleText(path, file));
  });
});
