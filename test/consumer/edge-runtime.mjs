// Loads a package's ES module build in a bare V8 context with only the Web APIs an edge runtime has
// (no require, no process) and code generation from strings switched off (so `eval` and
// `new Function` throw), then parses one payload there and verifies a delivery of it.
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
context.pkg = module.namespace;
const probe = new vm.Script(`(async () => ({
  hasRequire: typeof require !== "undefined",
  hasProcess: typeof process !== "undefined",
  functionConstructorBlocked: (() => { try { new Function("return 1"); return false; } catch { return true; } })(),
  result: (() => { const r = pkg.parse(payload); return r.ok ? "ok" : r.error.code; })(),
  received: await (async () => {
    const r = await pkg.receive(payload, await pkg.sign(payload, "edge-secret"), "edge-secret");
    return r.ok ? "ok" : r.error.code;
  })(),
  forged: await (async () => {
    const forgedPayload = payload.replace(/\\d/, (d) => (d === "1" ? "2" : "1"));
    const r = await pkg.verify(forgedPayload, await pkg.sign(payload, "edge-secret"), "edge-secret");
    return r.ok ? "ok" : r.error.code;
  })(),
}))()`);
console.log(JSON.stringify(await probe.runInContext(context)));
