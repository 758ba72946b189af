import { build, type Plugin } from "esbuild";
import { Project, ts } from "ts-morph";

/** Source files of one entry point, by path relative to its `src/` folder. */
export type Sources = ReadonlyMap<string, string>;

const normalize = (path: string) => path.split("/").reduce<string[]>((parts, part) => (part === ".." ? parts.slice(0, -1) : part === "." || part === "" ? parts : [...parts, part]), []).join("/");

/** Lets esbuild read the sources from memory: `./runtime/parse.js` resolves to `runtime/parse.ts` or the `.js` file itself. */
function fromMemory(sources: Sources): Plugin {
  return {
    name: "coursehooks-memory",
    setup(esbuild) {
      esbuild.onResolve({ filter: /.*/ }, (args) => {
        const base = args.importer ? args.importer.split("/").slice(0, -1).join("/") : "";
        const path = normalize(`${base}/${args.path}`);
        const found = [path.replace(/\.js$/, ".ts"), path].find((candidate) => sources.has(candidate));
        if (!found) return { errors: [{ text: `${args.path} is not among the generated sources` }] };
        return { path: found, namespace: "memory" };
      });
      esbuild.onLoad({ filter: /.*/, namespace: "memory" }, (args) => ({ contents: sources.get(args.path)!, loader: args.path.endsWith(".ts") ? "ts" : "js" }));
    },
  };
}

async function bundle(sources: Sources, format: "esm" | "cjs"): Promise<string> {
  const result = await build({
    entryPoints: ["index.ts"],
    plugins: [fromMemory(sources)],
    bundle: true,
    format,
    platform: "neutral",
    target: "es2022",
    write: false,
    legalComments: "none",
    logLevel: "silent",
    outfile: format === "esm" ? "index.js" : "index.cjs",
  });
  return result.outputFiles[0]!.text;
}

/** Declarations of every TypeScript source; `.d.ts` files given as sources are passed through. */
function declarations(sources: Sources): Map<string, string> {
  const project = new Project({
    useInMemoryFileSystem: true,
    compilerOptions: { declaration: true, emitDeclarationOnly: true, strict: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, outDir: "/dist", rootDir: "/src", skipLibCheck: true, types: [] },
  });
  for (const [path, text] of sources) if (path.endsWith(".ts")) project.createSourceFile(`/src/${path}`, text);
  const problems = project.getPreEmitDiagnostics();
  if (problems.length) throw new Error(`The generated package sources do not compile:\n${project.formatDiagnosticsWithColorAndContext(problems)}`);
  const output = new Map<string, string>();
  for (const file of project.emitToMemory({ emitOnlyDtsFiles: true }).getFiles()) output.set(file.filePath.replace(/^\/dist\//, ""), file.text);
  for (const [path, text] of sources) if (path.endsWith(".d.ts")) output.set(path, text);
  return output;
}

/** CommonJS twins of ES module declarations: `.d.cts` files whose relative imports name `.cjs` files. */
function commonJsTwins(dts: ReadonlyMap<string, string>): Map<string, string> {
  return new Map(
    [...dts].map(([path, text]) => [path.replace(/\.d\.ts$/, ".d.cts"), text.replace(/((?:from\s+|import\(\s*)["']\.{1,2}\/[^"']+)\.js(["'])/g, "$1.cjs$2")]),
  );
}

/**
 * The `dist/` of one entry point: an ES module and a CommonJS build, each one self-contained file,
 * with declarations for both.
 */
export async function buildEntry(sources: Sources): Promise<Map<string, string>> {
  const dts = declarations(sources);
  return new Map([["index.js", await bundle(sources, "esm")], ["index.cjs", await bundle(sources, "cjs")], ...dts, ...commonJsTwins(dts)]);
}
