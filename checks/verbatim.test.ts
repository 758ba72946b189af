import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { catalogues, projectRoot } from "../test/helpers/catalogues.js";
import { exampleManifest, exampleText } from "../test/helpers/examples.js";

// Every stored example taken from a source document in ../shared/seeds is that document's text, verbatim.
// The documents sit beside the project, not in it, so this runs as its own script (`npm run test:sources`, in CI).
// Examples published elsewhere name their page and the day it was read instead; they are listed here too.

const seeds = join(projectRoot, "..", "shared", "seeds");

describe.each(catalogues().map((c) => [c.path] as const))("examples of %s", (path) => {
  const entries = Object.entries(exampleManifest(path));
  const fromSeeds = entries.filter(([, source]) => source.document !== undefined);
  const elsewhere = entries.filter(([, source]) => source.document === undefined);

  it.runIf(fromSeeds.length).each(fromSeeds)("%s is the published text, verbatim", (file, source) => {
    const document = join(seeds, source.document!);
    expect(existsSync(document), `source document ${source.document} is beside the project in shared/seeds`).toBe(true);
    expect(readFileSync(document, "utf8")).toContain(exampleText(path, file));
  });

  it.runIf(elsewhere.length).each(elsewhere)(
    "%s names the page it was published on and when it was read",
    (_file, source) => {
      expect(source.published).toMatch(/^https:\/\/\S+$/);
      expect(source.retrieved).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    },
  );
});
