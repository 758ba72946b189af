import JSON5 from "json5";
import { describe, expect, it } from "vitest";
import { catalogues, errorPointers, exampleFiles, shippedValidator } from "./helpers/catalogues.js";
import { exampleManifest, exampleText } from "./helpers/examples.js";

// That each example is the published text, verbatim, is checked against the source documents beside the project
// by checks/verbatim.test.ts (`npm run test:sources`).

describe.each(catalogues().map((c) => [c.path, c] as const))("examples of %s", (path, catalogue) => {
  const manifest = exampleManifest(path);
  const entries = Object.entries(manifest);

  it("lists every stored example, and stores every listed one", () => {
    expect(Object.keys(manifest).sort()).toEqual(exampleFiles(path));
  });

  it("has an example for every event whose shape is known from one", () => {
    const shown = new Set(entries.map(([, source]) => source.schema));
    const fromExample = catalogue.events.filter((e) => (e.file.json["x-shape"] as { from: string }).from === "example");
    expect(fromExample.map((e) => e.stem).filter((stem) => !shown.has(stem))).toEqual([]);
  });

  it.each(entries)("%s is JSON exactly when stored as .json", (file) => {
    const isJson = (() => {
      try {
        JSON.parse(exampleText(path, file));
        return true;
      } catch {
        return false;
      }
    })();
    expect(isJson).toBe(file.endsWith(".json"));
  });

  it.each(entries)("%s validates with the generated validator of its schema", async (file, source) => {
    const validate = await shippedValidator(path, source.schema);
    const valid = validate(JSON5.parse(exampleText(path, file)));
    expect(errorPointers(validate)).toEqual([]);
    expect(valid).toBe(true);
  });
});
