import { join } from "node:path";
import ts from "typescript";
import { expect, it } from "vitest";
import { catalogues, projectRoot } from "./helpers/catalogues.js";
import { eventExamples } from "./helpers/examples.js";
import { strictConsumer } from "./helpers/typescript.js";

// Types accept what validation accepts: every documented example, verbatim (json5-parsed), assigned as a literal
// to its generated event type compiles under strict and exactOptionalPropertyTypes.

const virtualFile = join(projectRoot, "test", "documented-examples.ts");

/** A module that assigns each documented example, as a literal, to its event's generated type. */
function examplesModule(): { text: string; count: number } {
  const lines: string[] = [];
  let count = 0;
  for (const catalogue of catalogues()) {
    const types = join(projectRoot, "generated", catalogue.path, "src", "types.js");
    for (const { event, file, value } of eventExamples(catalogue)) {
      const name = `example${count++}`;
      lines.push(`// ${catalogue.path}/examples/${file}`);
      lines.push(
        `export const ${name}: import(${JSON.stringify(types)}).${event.typeName} = ${JSON.stringify(value, null, 2)};`,
      );
    }
  }
  return { text: lines.join("\n"), count };
}

it("every documented example compiles as its generated event type", () => {
  const { text, count } = examplesModule();
  expect(count).toBeGreaterThanOrEqual(28); // the event examples the providers published
  const options = strictConsumer;
  const host = ts.createCompilerHost(options);
  const source = ts.createSourceFile(virtualFile, text, ts.ScriptTarget.ES2022, true);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, ...rest) => (name === virtualFile ? source : getSourceFile(name, ...rest));
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => name === virtualFile || fileExists(name);
  const program = ts.createProgram([virtualFile], options, host);
  const diagnostics = ts.getPreEmitDiagnostics(program, source).map((d) => {
    const line = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line : 0;
    const example =
      text
        .split("\n")
        .slice(0, line + 1)
        .reverse()
        .find((l) => l.startsWith("// ")) ?? "";
    return `${example.slice(3)}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n").split("\n")[0]}`;
  });
  expect(diagnostics).toEqual([]);
});
