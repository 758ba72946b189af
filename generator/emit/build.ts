import { build, type Plugin } from "esbuild";
import { Project, ts } from "ts-morph";

/** Source files of one entry point, by path relative to its `src/` folder. */
export type Sources = ReadonlyMap<string, string>;

const normalize = (path: string) =>
  path
    .split("/")
    .reduce<string[]>((parts, part) => {
      if (part === "..") parts.pop();
      else if (part !== "." && part !== "") parts.push(part);
      return parts;
    }, [])
    .join("/");

/**
 * Lets esbuild read the sources from memory: `./runtime/parse.js` resolves to `runtime/parse.ts` or the `.js` file
 * itself.
 */
function fromMemory(sources: Sources, external?: RegExp): Plugin {
  return {
    name: "coursehooks-memory",
    setup(esbuild) {
      esbuild.onResolve({ filter: /.*/ }, (args) => {
        if (external?.test(args.path)) return { path: args.path, external: true };
        const base = args.importer ? args.importer.split("/").slice(0, -1).join("/") : "";
        const path = normalize(`${base}/${args.path}`);
        const found = [path.replace(/\.js$/, ".ts"), path].find((candidate) => sources.has(candidate));
        if (!found) return { errors: [{ text: `${args.path} is not among the generated sources` }] };
        return { path: found, namespace: "memory" };
      });
      esbuild.onLoad({ filter: /.*/, namespace: "memory" }, (args) => ({
        contents: sources.get(args.path)!,
        loader: args.path.endsWith(".ts") ? "ts" : "js",
      }));
    },
  };
}

async function bundle(sources: Sources, format: "esm" | "cjs", external?: RegExp): Promise<string> {
  const result = await build({
    entryPoints: ["index.ts"],
    plugins: [fromMemory(sources, external)],
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

/** One entry point to build: its sources, and for type-checking only, files to read in place of some of them. */
export interface Entry {
  sources: Sources;
  /**
   * Stand-ins with the same declarations and no data (`json-schemas.ts` without its megabytes of literals):
   * checked and declared instead of the real file, which is bundled as it is.
   */
  standIns?: Sources;
}

/** What entries may import besides their own sources: packages left to the consumer, and their declarations. */
export interface Libraries {
  /** Import specifiers left as they are in the bundles: `@coursehooks/teachfloor`. */
  external: RegExp;
  /** Their declaration files and package.json files, by absolute path: `/node_modules/@coursehooks/…`. */
  files: Sources;
}

const shared = "/shared";
const isRuntime = (path: string) => path.startsWith("runtime/");

/**
 * The runtime files the entries carry, checked once: a file carried by several entries must be the same in each
 * (an entry may carry only some, as the testing subpath does). Entry `i`'s own files live in `/src/i/`; `rootDirs`
 * lets their `./runtime/…` imports find `/shared/runtime/…`, while the import specifiers, and so the declarations,
 * stay exactly as written.
 */
function sharedRuntime(entries: readonly Entry[]): Map<string, string> {
  const runtime = new Map<string, string>();
  for (const [path, text] of entries.flatMap((entry) => [...entry.sources].filter(([p]) => isRuntime(p)))) {
    if (runtime.has(path) && runtime.get(path) !== text) {
      throw new Error(`Entry points built together carry the same runtime files (${path} differs).`);
    }
    runtime.set(path, text);
  }
  return runtime;
}

/** Declarations of every TypeScript source of each entry, from one program; `.d.ts` sources are passed through. */
function declarations(entries: readonly Entry[], libraries?: Libraries): Map<string, string>[] {
  const runtime = sharedRuntime(entries);
  const rootDirs = [...entries.map((_, i) => `/src/${i}`), shared];
  const project = new Project({
    useInMemoryFileSystem: true,
    compilerOptions: {
      declaration: true,
      emitDeclarationOnly: true,
      strict: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      outDir: "/dist",
      rootDir: "/",
      rootDirs,
      skipLibCheck: true,
      types: [],
    },
  });
  for (const [path, text] of libraries?.files ?? []) project.getFileSystem().writeFileSync(path, text);
  for (const [path, text] of runtime) if (path.endsWith(".ts")) project.createSourceFile(`${shared}/${path}`, text);
  entries.forEach((entry, i) => {
    for (const [path, text] of entry.sources) {
      if (path.endsWith(".ts") && !isRuntime(path))
        project.createSourceFile(`/src/${i}/${path}`, entry.standIns?.get(path) ?? text);
    }
  });
  const problems = project.getPreEmitDiagnostics();
  if (problems.length)
    throw new Error(
      `The generated package sources do not compile:\n${project.formatDiagnosticsWithColorAndContext(problems)}`,
    );
  const emitted = project.emitToMemory({ emitOnlyDtsFiles: true }).getFiles();
  const runtimeDts = emitted.filter((file) => file.filePath.startsWith(`/dist${shared}/`));
  return entries.map((entry, i) => {
    const output = new Map<string, string>();
    for (const file of runtimeDts) {
      const path = file.filePath.slice(`/dist${shared}/`.length);
      if (entry.sources.has(path.replace(/\.d\.ts$/, ".ts"))) output.set(path, file.text);
    }
    for (const file of emitted.filter((f) => f.filePath.startsWith(`/dist/src/${i}/`))) {
      if (/\/(src|shared)\//.test(file.text)) throw new Error(`${file.filePath} names a folder of the build program.`);
      output.set(file.filePath.slice(`/dist/src/${i}/`.length), file.text);
    }
    for (const [path, text] of entry.sources) if (path.endsWith(".d.ts")) output.set(path, text);
    return output;
  });
}

/** CommonJS twins of ES module declarations: `.d.cts` files whose relative imports name `.cjs` files. */
function commonJsTwins(dts: ReadonlyMap<string, string>): Map<string, string> {
  return new Map(
    [...dts].map(([path, text]) => [
      path.replace(/\.d\.ts$/, ".d.cts"),
      text.replace(/((?:from\s+|import\(\s*)["']\.{1,2}\/[^"']+)\.js(["'])/g, "$1.cjs$2"),
    ]),
  );
}

/**
 * The `dist/` of each entry point: an ES module and a CommonJS build, each one self-contained file,
 * with declarations for both. All entries are type-checked in one program.
 */
export async function buildEntries(entries: readonly Entry[], libraries?: Libraries): Promise<Map<string, string>[]> {
  if (entries.length === 0) return [];
  const dts = declarations(entries, libraries);
  return Promise.all(
    entries.map(
      async (entry, i) =>
        new Map([
          ["index.js", await bundle(entry.sources, "esm", libraries?.external)],
          ["index.cjs", await bundle(entry.sources, "cjs", libraries?.external)],
          ...dts[i]!,
          ...commonJsTwins(dts[i]!),
        ]),
    ),
  );
}
