// Loads a package's ES module build in a bare V8 context with only the Web APIs an edge runtime has
// (no require, no process) and code generation from strings switched off (so `eval` and
// `new Function` throw), then parses one payload there.
// Usage: node --experimental-vm-modules edge-runtime.mjs <dist/index.js> <payload.json>
import { readFileSync } from "node:fs";
import vm from "node:vm";

const [file, payloadFile] = process.argv.slice(2);
const web = { TextDecoder, TextEncoder, crypto, atob, btoa, Request, Response, Headers };
const context = vm.createContext({ ...web }, { codeGeneration: { strings: false, wasm: false } });
const module = new vm.SourceTextModule(readFileSync(file, "utf8"), { context, identifier: file });
await module.link(() => {
  throw new Error("the build imports another module");
});
await module.evaluate();
context.payload = readFileSync(payloadFile, "utf8");
context.parse = module.namespace.parse;
const probe = new vm.Script(`({
  hasRequire: typeof require !== "undefined",
  hasProcess: typeof process !== "undefined",
  functionConstructorBlocked: (() => { try { new Function("return 1"); return false; } catch { return true; } })(),
  result: (() => { const r = parse(payload); return r.ok ? "ok" : r.error.code; })(),
})`);
console.log(JSON.stringify(probe.runInContext(context)));
