import { readdirSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { expect, it } from "vitest";
import { projectRoot } from "./helpers/catalogues.js";
import { strictConsumer } from "./helpers/typescript.js";

const generatedTypeScript = () =>
  readdirSync(join(projectRoot, "generated"), { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".ts") && name.split("/").includes("src"))
    .map((name) => join(projectRoot, "generated", name));

it("generated package sources and the type-level tests compile under strict and exactOptionalPropertyTypes", () => {
  const typeTests = readdirSync(join(import.meta.dirname, "types")).map((name) =>
    join(import.meta.dirname, "types", name),
  );
  const program = ts.createProgram([...generatedTypeScript(), ...typeTests], strictConsumer);
  const diagnostics = ts.getPreEmitDiagnostics(program).map((d) =>
    ts.formatDiagnostic(d, {
      getCanonicalFileName: (f) => f,
      getCurrentDirectory: () => projectRoot,
      getNewLine: () => "\n",
    }),
  );
  expect(diagnostics).toEqual([]);
});
