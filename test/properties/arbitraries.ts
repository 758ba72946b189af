// Shared by the property tests: arbitrary and hostile bodies, values, headers, secrets and options, and the
// genuine material (secret, signed examples) that lets some of them through verification.

import fc from "fast-check";
import { deliveryHeaders, messageId, secretFor, sentAt, type Provider } from "../delivery/deliveries.js";
import { pollutionBodies, type Json } from "./shape.js";

export type Path = Array<string | number>;

const encoder = new TextEncoder();
const utf8 = (text: string): Uint8Array => encoder.encode(text);
const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

// ---- built lazily: hostile values are made inside the property, where only the code under test touches them ----

/**
 * A value built when the property runs. fast-check inspects and prints what it generates (`in`, getters), which
 * a throwing proxy or getter would break; it only sees this wrapper, printed as `label`.
 */
export interface Lazy<T = unknown> {
  build(): T;
}

/** A value built by `build`, printed as `label` (a function: only computed when a counterexample is printed). */
export const lazy = <T>(label: string | (() => string), build: () => T): Lazy<T> =>
  ({ build, [fc.toStringMethod]: typeof label === "string" ? () => label : label }) as Lazy<T>;
const just = <T>(value: T): Lazy<T> =>
  lazy(
    () => fc.stringify(value),
    () => value,
  );

/** A function that fast-check prints as `label`. */
const named = <F extends (...args: never[]) => unknown>(label: string, f: F): F =>
  Object.assign(f, { [fc.toStringMethod]: () => label });

const revoked = (): object => {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
};

/** What hostile code throws, by name: errors, and values that cannot even be described. */
const thrownValues: Record<string, () => unknown> = {
  error: () => new Error("boom"),
  typeError: () => new TypeError("getter"),
  string: () => "a string",
  undefined: () => undefined,
  null: () => null,
  number: () => 42,
  symbol: () => Symbol("thrown"),
  unprintable: () => ({
    toString: () => {
      throw new Error("toString");
    },
  }),
  revokedProxy: revoked,
};
export type Thrown = keyof typeof thrownValues;
const thrownValue: fc.Arbitrary<Thrown> = fc.constantFrom(...Object.keys(thrownValues));

/** A function that throws the value named `thrown`. */
const thrower = (thrown: Thrown) => (): never => {
  throw thrownValues[thrown]!();
};

const traps = ["get", "ownKeys", "getOwnPropertyDescriptor", "has", "getPrototypeOf", "set", "defineProperty"] as const;
export type Trap = (typeof traps)[number];
const trap: fc.Arbitrary<Trap> = fc.constantFrom(...traps);

/** A proxy of `target` whose `trap` throws. */
const throwingProxy = (target: object, which: Trap, thrown: Thrown): object =>
  new Proxy(target, { [which]: thrower(thrown) });

/** Defines an own, enumerable property (so `__proto__` is a key like any other, as JSON.parse makes it). */
function define(target: object, key: string, value: unknown): void {
  if (key === "__proto__")
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else (target as Json)[key] = value;
}

// ---- text and bytes ----------------------------------------------------------------------------------------

/** Any code point but a surrogate (fast-check's "binary" unit builds a table of all of them). */
const codePoint = fc
  .integer({ min: 0, max: 0x10ffff - 0x800 })
  .map((c) => String.fromCodePoint(c < 0xd800 ? c : c + 0x800));
/** Single UTF-16 code units, lone surrogates included. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
/** Pieces of JSON, and of what breaks it. */
const jsonPiece = fc.constantFrom(
  "{",
  "}",
  "[",
  "]",
  '"',
  ":",
  ",",
  "\\",
  "\\u",
  "\\ud800",
  "\uFEFF",
  "null",
  "true",
  "-",
  "0",
  "1e999",
  "__proto__",
  '"type"',
  " ",
  "\n",
);

/** Any text: code units (lone surrogates too), near-JSON, JSON, JSON after a BOM, bodies that would pollute. */
export const anyText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: fc.oneof(codeUnit, jsonPiece), maxLength: 24 }),
  fc.string({ unit: codePoint, maxLength: 24 }),
  fc.json({ maxDepth: 2 }),
  fc.json({ maxDepth: 2 }).map((text) => `\uFEFF${text}`),
  fc.constantFrom(...pollutionBodies),
);

/** `text` with a few characters cut and others inserted at one place. */
export const editedText = (text: string): fc.Arbitrary<string> =>
  fc
    .tuple(
      fc.nat({ max: text.length }),
      fc.nat({ max: 6 }),
      fc.string({ unit: fc.oneof(codeUnit, jsonPiece), maxLength: 4 }),
    )
    .map(([at, cut, insert]) => text.slice(0, at) + insert + text.slice(at + cut));

/** Bytes that are not UTF-8 on their own. */
const junk = fc.uint8Array({ min: 0x80, max: 0xff, minLength: 1, maxLength: 3 });

function splice(bytes: Uint8Array, at: number, inserted: Uint8Array): Uint8Array {
  const i = at % (bytes.length + 1);
  return Uint8Array.of(...bytes.subarray(0, i), ...inserted, ...bytes.subarray(i));
}

/** Any bytes: random, JSON with bytes that are not UTF-8 spliced in, UTF-8 text, JSON after a byte-order mark. */
export const anyBytes: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc.uint8Array({ maxLength: 32 }),
  fc.tuple(fc.json({ maxDepth: 2 }), fc.nat(), junk).map(([text, at, inserted]) => splice(utf8(text), at, inserted)),
  fc.json({ maxDepth: 2 }).map((text) => utf8(`\uFEFF${text}`)),
  fc.string({ unit: codePoint, maxLength: 16 }).map(utf8),
);

/** `bytes` with bytes that are not UTF-8 spliced in, or one byte changed. */
export const editedBytes = (bytes: Uint8Array): fc.Arbitrary<Uint8Array> =>
  fc.oneof(
    fc.tuple(fc.nat(), junk).map(([at, inserted]) => splice(bytes, at, inserted)),
    fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })).map(([at, byte]) => {
      const copy = Uint8Array.from(bytes);
      if (copy.length > 0) copy[at % copy.length] = byte;
      return copy;
    }),
  );

const lenient = new TextDecoder("utf-8", { ignoreBOM: true });
const strict = new TextDecoder("utf-8", { fatal: true });

/** Text that every signer encodes alike: a string without lone surrogates, or bytes that are UTF-8. */
export function wellFormed(body: string | Uint8Array): boolean {
  try {
    if (typeof body === "string") return lenient.decode(utf8(body)) === body;
    strict.decode(body);
    return true;
  } catch {
    return false;
  }
}

/** Whether a raw body is JSON, as documented: UTF-8 (bytes are decoded strictly), a leading byte-order mark skipped. */
export function isJsonBody(body: string | Uint8Array): boolean {
  try {
    const text = typeof body === "string" ? body : strict.decode(body);
    JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    return true;
  } catch {
    return false;
  }
}

// ---- documented examples with fields replaced, deleted or added ------------------------------------------

/** Every place in a value: the root, and the path of each member and element below it. */
function pathsOf(value: unknown, path: Path = []): Path[] {
  const below = Array.isArray(value)
    ? value.flatMap((item, i) => pathsOf(item, [...path, i]))
    : isObject(value)
      ? Object.entries(value).flatMap(([key, item]) => pathsOf(item, [...path, key]))
      : [];
  return [path, ...below];
}

const at = (root: unknown, path: Path): unknown =>
  path.reduce<unknown>(
    (node, key) =>
      typeof node === "object" && node !== null && Object.hasOwn(node, key) ? (node as Json)[key] : undefined,
    root,
  );

export type Mutation =
  | { kind: "set"; path: Path; value: unknown }
  | { kind: "delete"; path: Path }
  | { kind: "add"; path: Path; key: string; value: unknown };

/** Applies a mutation in place (or returns the replacement of the root); a place that is gone is skipped. */
function apply(root: unknown, mutation: Mutation): unknown {
  const { path } = mutation;
  // Replacements are copied: the same generated value may be placed twice, and later mutations change it.
  if (mutation.kind === "set" && path.length === 0) return structuredClone(mutation.value);
  if (mutation.kind === "add") {
    const target = at(root, path);
    if (isObject(target)) define(target, mutation.key, structuredClone(mutation.value));
    return root;
  }
  const parent = at(root, path.slice(0, -1));
  const key = path[path.length - 1];
  if (key === undefined || typeof parent !== "object" || parent === null || !Object.hasOwn(parent, key)) return root;
  if (mutation.kind === "set") define(parent, String(key), structuredClone(mutation.value));
  else if (Array.isArray(parent) && typeof key === "number") parent.splice(key, 1);
  else delete (parent as Json)[key];
  return root;
}

/** Values that would pollute `Object.prototype` if merged. */
const pollutingValue = fc.constantFrom<unknown>({ polluted: 1 }, { prototype: { polluted: 1 } }, [{ polluted: 1 }]);
/** Keys that are dangerous, or special to the envelope. */
const specialKey = fc.constantFrom(
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "hasOwnProperty",
  "valueOf",
  "type",
  "event",
  "id",
  "data",
  "",
);

/** A documented example with up to four fields replaced, deleted or added (fresh for every run). */
export function mutatedExample(
  value: unknown,
  eventTypes: readonly string[],
): fc.Arbitrary<{ value: unknown; mutations: Mutation[] }> {
  const paths = pathsOf(value);
  const place = fc.constantFrom(...paths);
  const containers = paths.filter((path) => isObject(at(value, path)));
  const replacement = fc.oneof(
    fc.jsonValue({ maxDepth: 2 }),
    fc.constantFrom(...eventTypes),
    fc.constantFrom<unknown>(
      null,
      "",
      0,
      -1,
      1.5,
      1e21,
      true,
      [],
      {},
      "2025-13-45T99:99:99Z",
      "2025-01-01",
      "x".repeat(300),
    ),
    pollutingValue,
  );
  const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    fc.record({ kind: fc.constant("set" as const), path: place, value: replacement }),
    fc.record({ kind: fc.constant("delete" as const), path: place }),
    fc.record({
      kind: fc.constant("add" as const),
      path: fc.constantFrom(...containers),
      key: fc.oneof(specialKey, fc.string({ maxLength: 8 })),
      value: fc.oneof(replacement, pollutingValue),
    }),
  );
  return fc
    .array(mutation, { maxLength: 4 })
    .map((mutations) => ({ value: mutations.reduce(apply, structuredClone(value)), mutations }));
}

/** Values no JSON text gives: throwing getters anywhere in an example, proxies that throw, and non-JSON values. */
export function hostileValue(example: unknown): fc.Arbitrary<Lazy> {
  const paths = pathsOf(example);
  const containers = paths.filter((path) => typeof at(example, path) === "object" && at(example, path) !== null);
  const planted = fc.tuple(fc.constantFrom(...paths), thrownValue).map(([path, thrown]) =>
    lazy(`the example with a getter throwing ${thrown} at ${JSON.stringify(path)}`, () => {
      const copy = structuredClone(example);
      const parent = at(copy, path.slice(0, -1));
      const key = path[path.length - 1];
      if (key === undefined || typeof parent !== "object" || parent === null)
        return Object.defineProperty({}, "type", { get: thrower(thrown), enumerable: true });
      Object.defineProperty(parent, key, { get: thrower(thrown), enumerable: true, configurable: true });
      return copy;
    }),
  );
  const proxied = fc.tuple(fc.constantFrom(...containers), trap, thrownValue).map(([path, which, thrown]) =>
    lazy(`the example with a proxy whose ${which} throws ${thrown} at ${JSON.stringify(path)}`, () => {
      const copy = structuredClone(example);
      if (path.length === 0) return throwingProxy(copy as object, which, thrown);
      const parent = at(copy, path.slice(0, -1)) as Json;
      define(parent, String(path[path.length - 1]), throwingProxy(at(copy, path) as object, which, thrown));
      return copy;
    }),
  );
  const odd: Record<string, () => unknown> = {
    undefined: () => undefined,
    symbol: () => Symbol("value"),
    bigint: () => 10n,
    NaN: () => NaN,
    "-Infinity": () => -Infinity,
    function: () => () => example,
    date: () => new Date(0),
    map: () => new Map([["type", "x"]]),
    "null-prototype object": () => Object.create(null),
    "the example without a prototype": () => Object.assign(Object.create(null), structuredClone(example)),
    "a revoked proxy": revoked,
    "a Uint16Array": () => new Uint16Array(4),
    "an ArrayBuffer": () => new ArrayBuffer(4),
    "the example in an array": () => [structuredClone(example)],
  };
  return fc.oneof(
    planted,
    proxied,
    fc.constantFrom(...Object.keys(odd)).map((name) => lazy(name, odd[name]!)),
  );
}

// ---- genuine material ----------------------------------------------------------------------------------------

/** The bearer token eduMe may send instead of a signature. */
export const bearerToken = "property-bearer-token-77";

export interface Genuine {
  secret: string;
  /** The header names a provider sends (signature, Standard Webhooks, Authorization). */
  names: string[];
  /** The documented examples, each with the headers the provider would send. */
  signed: Array<{ body: string; headers: Record<string, string> }>;
}

/** The provider's secret and its documented examples, signed (Standard Webhooks: with `messageId` at `sentAt`). */
export function genuine(provider: Provider): Genuine {
  const secret = secretFor(provider, "property");
  const signed = provider.examples.map(({ body }) => ({ body, headers: deliveryHeaders(provider, body, secret) }));
  const names = [...new Set([...signed.flatMap((s) => Object.keys(s.headers)), "authorization"])];
  return { secret, names, signed };
}

export interface DeliveryCase {
  body: string | Uint8Array;
  /** The headers the provider would send, or none. */
  base: Record<string, string>;
  /** How `base` makes the delivery genuine: signed with the secret, a bearer token, or not at all. */
  how: "signed" | "bearer" | "unsigned";
}

/** A body, and the headers the provider would send with it (signed here, with node:crypto) or none. */
function deliveryOf(provider: Provider, material: Genuine): fc.Arbitrary<DeliveryCase> {
  const example = fc.constantFrom(...material.signed);
  const eventTypes = provider.catalogue.events.map((e) => e.eventType);
  const bodies: fc.Arbitrary<string | Uint8Array> = fc.oneof(
    anyText,
    anyBytes,
    fc.constantFrom(...material.signed).chain(({ body }) => fc.oneof(editedText(body), editedBytes(utf8(body)))),
    ...provider.examples.map((e) =>
      mutatedExample(e.value, eventTypes).map(({ value }) => JSON.stringify(value) ?? "null"),
    ),
    // An event type this package does not know, in a well-formed envelope.
    fc
      .tuple(fc.constantFrom(...provider.examples), fc.oneof(fc.string({ maxLength: 12 }), specialKey))
      .map(([e, type]) => JSON.stringify({ ...(e.value as Json), [provider.catalogue.typeProperty]: type })),
  );
  const signed = fc
    .tuple(bodies, fc.boolean())
    .map(
      ([body, sign]): DeliveryCase =>
        sign
          ? { body, base: deliveryHeaders(provider, body, material.secret), how: "signed" }
          : { body, base: {}, how: "unsigned" },
    );
  const bearer = provider.config.signature.scheme === "hmac-sha256-hex" && provider.config.signature.bearer;
  const byBearer = example.map(
    ({ body }): DeliveryCase => ({
      body,
      base: { Authorization: `Bearer ${bearerToken}` },
      how: "bearer",
    }),
  );
  const asSigned = example.map(({ body, headers }): DeliveryCase => ({ body, base: headers, how: "signed" }));
  return fc.oneof({ arbitrary: asSigned, weight: 3 }, { arbitrary: signed, weight: 3 }, ...(bearer ? [byBearer] : []));
}

// ---- headers ---------------------------------------------------------------------------------------------------

export interface HeadersCase {
  headers: Lazy;
  /** The genuine headers as they are, in a well-behaved container: a genuine delivery must pass with them. */
  pristine: boolean;
}

const headerTokens = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const headerText = /^[\x21-\x7e](?:[\t\x20-\x7e]*[\x21-\x7e])?$/;

/** A `Headers` of the entries it can hold (valid names, text values). */
function fetchHeaders(entries: ReadonlyArray<readonly [string, unknown]>): Headers {
  const headers = new Headers();
  for (const [name, value] of entries) {
    if (headerTokens.test(name) && typeof value === "string" && headerText.test(value)) headers.append(name, value);
  }
  return headers;
}

function record(entries: ReadonlyArray<readonly [string, unknown]>, nullPrototype: boolean): Json {
  const target: Json = nullPrototype ? (Object.create(null) as Json) : {};
  for (const [name, value] of entries) define(target, name, value);
  return target;
}

const spellings = {
  "as sent": (n: string) => n,
  lowercase: (n: string) => n.toLowerCase(),
  uppercase: (n: string) => n.toUpperCase(),
};

/** Stands for the value of a genuine header in a plan; resolved once the headers of a delivery are known. */
interface GenuineValue {
  genuine: string;
}
const isGenuineValue = (value: unknown): value is GenuineValue =>
  isObject(value) && typeof value.genuine === "string" && Object.keys(value).length === 1;

/** How to build a headers object around the genuine headers of a delivery (generated once, independent of them). */
export interface HeadersPlan {
  kind: "plain" | "null-prototype" | "Headers" | "throwing getter" | "throwing proxy" | "get method" | "not an object";
  keep: boolean;
  spelling: keyof typeof spellings;
  extra: Array<[string, unknown]>;
  extraFirst: boolean;
  key: string;
  trap: Trap;
  thrown: Thrown | undefined;
  notObject: string;
}

const notObjects: Record<string, (base: Record<string, string>) => unknown> = {
  null: () => null,
  undefined: () => undefined,
  "0": () => 0,
  "a string": () => "webhook-id: x",
  true: () => true,
  "a symbol": () => Symbol("headers"),
  "[]": () => [],
  "an array of entries": (base) => Object.entries(base),
  "a revoked proxy": revoked,
  "a function": (base) => () => base,
};

/**
 * Plans for headers objects of every kind: plain and null-prototype objects with arbitrary keys and values
 * (arrays, numbers, undefined, `__proto__`, `constructor`), a `Headers`, objects with a throwing getter, proxies
 * that throw, objects with a `get` method, and values that are no object; with or without the genuine headers.
 */
function headersPlan(names: readonly string[]): fc.Arbitrary<HeadersPlan> {
  const known = [
    ...new Set([
      ...names,
      "webhook-id",
      "webhook-timestamp",
      "webhook-signature",
      "Teachfloor-Signature",
      "x-edume-signature",
      "authorization",
    ]),
  ];
  const name = fc.oneof(
    fc.constantFrom(...known),
    fc.mixedCase(fc.constantFrom(...known)),
    fc.constantFrom("__proto__", "constructor", "prototype", "get", "toString", "hasOwnProperty", "content-length"),
    fc.string({ maxLength: 10 }),
  );
  const text = fc.oneof(
    fc.constantFrom(...known).map((n): GenuineValue => ({ genuine: n })),
    fc.string({ maxLength: 16 }),
    fc.uint8Array({ minLength: 32, maxLength: 32 }).map((b) => Buffer.from(b).toString("hex")),
    fc.uint8Array({ maxLength: 33 }).map((b) => `v1,${Buffer.from(b).toString("base64")}`),
    fc.constantFrom(
      "Bearer",
      "Bearer ",
      "bearer x",
      `Bearer ${bearerToken}`,
      `bearer  ${bearerToken} `,
      "v1,",
      "v1,=",
      " ",
      "-1",
      "1e3",
    ),
    fc.nat().map(String),
  );
  const value = fc.oneof(
    { arbitrary: text, weight: 4 },
    fc.array(text, { maxLength: 3 }),
    fc.constantFrom<unknown>(undefined, null, 0, 1, NaN, true, false, {}, [], [undefined], [1]),
    fc.jsonValue({ maxDepth: 1 }),
  );
  const kinds: Array<{ arbitrary: fc.Arbitrary<HeadersPlan["kind"]>; weight: number }> = [
    { arbitrary: fc.constant("plain"), weight: 3 },
    { arbitrary: fc.constant("null-prototype"), weight: 1 },
    { arbitrary: fc.constant("Headers"), weight: 2 },
    { arbitrary: fc.constantFrom("throwing getter", "throwing proxy", "get method", "not an object"), weight: 4 },
  ];
  return fc.record({
    kind: fc.oneof(...kinds),
    keep: fc.boolean(),
    spelling: fc.constantFrom(...(Object.keys(spellings) as Array<keyof typeof spellings>)),
    extra: fc.oneof(
      fc.constant([] as Array<[string, unknown]>),
      fc.array(fc.tuple(name, value), { minLength: 1, maxLength: 4 }),
    ),
    extraFirst: fc.boolean(),
    key: fc.oneof(fc.constantFrom(...known), name),
    trap,
    thrown: fc.option(thrownValue, { nil: undefined, freq: 4 }),
    notObject: fc.constantFrom(...Object.keys(notObjects)),
  });
}

/** The headers a plan builds around `base`, the genuine headers of a delivery (or none). */
function headersFor(plan: HeadersPlan, base: Record<string, string>): HeadersCase {
  const genuineValue = (n: string) =>
    Object.entries(base).find(([k]) => k.toLowerCase() === n.toLowerCase())?.[1] ?? "";
  const resolve = (v: unknown): unknown =>
    isGenuineValue(v) ? genuineValue(v.genuine) : Array.isArray(v) ? v.map(resolve) : v;
  const kept = plan.keep
    ? Object.entries(base).map(([n, v]): [string, unknown] => [spellings[plan.spelling](n), v])
    : [];
  const extra = plan.extra.map(([n, v]): [string, unknown] => [n, resolve(v)]);
  const entries = plan.extraFirst ? [...extra, ...kept] : [...kept, ...extra];
  const clean = plan.keep && extra.length === 0;
  const shown = () => fc.stringify(Object.fromEntries(entries));
  const thrown = plan.thrown ?? "error";
  switch (plan.kind) {
    case "plain":
    case "null-prototype":
      return {
        headers: lazy(
          () => `${plan.kind} ${shown()}`,
          () => record(entries, plan.kind === "null-prototype"),
        ),
        pristine: clean,
      };
    case "Headers":
      return {
        headers: lazy(
          () => `new Headers(${fc.stringify(entries)})`,
          () => fetchHeaders(entries),
        ),
        pristine: clean,
      };
    case "throwing getter":
      return {
        headers: lazy(
          () => `${shown()} with a getter ${JSON.stringify(plan.key)} throwing ${thrown}`,
          () => {
            const headers = record(entries, false);
            Object.defineProperty(headers, plan.key, { get: thrower(thrown), enumerable: true, configurable: true });
            return headers;
          },
        ),
        pristine: false,
      };
    case "throwing proxy":
      return {
        headers: lazy(
          () => `a proxy of ${shown()} whose ${plan.trap} throws ${thrown}`,
          () => throwingProxy(record(entries, false), plan.trap, thrown),
        ),
        pristine: false,
      };
    case "get method":
      // A `get` that answers strings, null or undefined as a Fetch `Headers` would, or throws.
      return {
        headers: lazy(
          () => `{ get } answering from ${shown()}${plan.thrown ? `, throwing ${plan.thrown}` : ""}`,
          () => ({
            get: (wanted: string): string | null | undefined => {
              if (plan.thrown) thrower(plan.thrown)();
              const v = entries.find(([n]) => n.toLowerCase() === wanted.toLowerCase())?.[1];
              return typeof v === "string" || v === null || v === undefined ? v : String(v);
            },
          }),
        ),
        pristine: clean && !plan.thrown,
      };
    case "not an object":
      return { headers: lazy(plan.notObject, () => notObjects[plan.notObject]!(base)), pristine: false };
  }
}

/** Deliveries (see `deliveryOf`) with headers objects of every kind built around their genuine headers. */
export const hostileDeliveries = (provider: Provider, material: Genuine): fc.Arbitrary<DeliveryCase & HeadersCase> =>
  fc
    .tuple(deliveryOf(provider, material), headersPlan(material.names))
    .map(([delivery, plan]) => ({ ...delivery, ...headersFor(plan, delivery.base) }));

// ---- secrets ---------------------------------------------------------------------------------------------------

/** Secrets of every kind: the genuine one, other strings, empty, lists, `{ signatureSecret, bearerToken }`, others. */
export function anySecret(secret: string): fc.Arbitrary<Lazy> {
  const odd = fc.constantFrom<unknown>(
    undefined,
    null,
    0,
    42,
    NaN,
    true,
    {},
    [],
    Symbol("secret"),
    10n,
    () => secret,
    new String(secret),
  );
  const text = fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.constantFrom(
      "",
      " ",
      "whsec_",
      "whsec_!!!!",
      "whsec_a",
      `whsec_${Buffer.from("other-key").toString("base64")}`,
      secret.toUpperCase(),
      `${secret} `,
    ),
  );
  const one = fc.oneof({ arbitrary: fc.constant(secret), weight: 3 }, text, odd);
  const hostile = fc
    .tuple(fc.nat({ max: 3 }), trap, thrownValue)
    .map(
      ([kind, which, thrown]) =>
        [
          lazy(`a proxy of { signatureSecret } whose ${which} throws ${thrown}`, () =>
            throwingProxy({ signatureSecret: secret }, which, thrown),
          ),
          lazy(`a proxy of [secret] whose ${which} throws ${thrown}`, () => throwingProxy([secret], which, thrown)),
          lazy(`a getter signatureSecret throwing ${thrown}`, () =>
            Object.defineProperty({}, "signatureSecret", { get: thrower(thrown), enumerable: true }),
          ),
          lazy("a revoked proxy", revoked),
        ][kind]!,
    );
  const plain = fc.oneof(
    { arbitrary: fc.constant(secret), weight: 4 },
    text,
    odd,
    fc.array(one, { maxLength: 3 }),
    fc.record(
      {
        signatureSecret: fc.oneof(one, fc.array(one, { maxLength: 2 })),
        bearerToken: fc.oneof(fc.constant(bearerToken), one, fc.array(one, { maxLength: 2 })),
      },
      { requiredKeys: [] },
    ),
  );
  return fc.oneof({ arbitrary: plain.map(just), weight: 6 }, hostile);
}

/** The strings a secret names, as signing secrets or bearer tokens (nothing for a secret that cannot be read). */
export function secretStrings(secret: unknown): string[] {
  try {
    const strings = (value: unknown): string[] =>
      typeof value === "string"
        ? [value]
        : Array.isArray(value)
          ? value.filter((s): s is string => typeof s === "string")
          : [];
    if (isObject(secret)) return [...strings(secret.signatureSecret), ...strings(secret.bearerToken)];
    return strings(secret);
  } catch {
    return [];
  }
}

// ---- verification options --------------------------------------------------------------------------------------

/** Stands for the clock of the delivery being checked; replaced with it before use. */
export const deliveryClock = named("the delivery's clock", (): number => sentAt * 1000);

/** Tolerances that are not a finite number >= 0. */
export const badTolerance: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    NaN,
    Infinity,
    -Infinity,
    -1,
    -Number.MIN_VALUE,
    "300",
    "",
    "Infinity",
    null,
    true,
    {},
    [],
    [300],
    300n,
    new Number(300),
  ),
  fc.double({ max: -Number.MIN_VALUE, noNaN: true }),
  fc.string({ maxLength: 6 }),
);

/** Tolerances that are finite numbers >= 0. */
const goodTolerance: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, 300, Number.MAX_VALUE),
  fc.double({ min: 0, max: 1e6, noNaN: true }),
);

/** Clocks that cannot be read: they throw, or return what is not a finite number. */
const brokenClock: fc.Arbitrary<() => unknown> = fc.oneof(
  fc
    .constantFrom<unknown>(
      NaN,
      Infinity,
      -Infinity,
      undefined,
      null,
      String(sentAt * 1000),
      "",
      true,
      {},
      [],
      BigInt(sentAt * 1000),
      new Date(sentAt * 1000),
      new Number(sentAt * 1000),
    )
    .map((v) => named(`() => ${fc.stringify(v)}`, () => v)),
  fc.string({ maxLength: 6 }).map((v) => named(`() => ${fc.stringify(v)}`, () => v)),
  thrownValue.map((thrown) => named(`() => { throw ${thrown} }`, thrower(thrown))),
);

/** Values of `now` that are not functions. */
const notAClock: fc.Arbitrary<unknown> = fc.constantFrom<unknown>(
  0,
  sentAt * 1000,
  "Date.now",
  null,
  true,
  {},
  [],
  NaN,
);

/**
 * Options that must be refused: a bad tolerance (with any clock, the delivery's own among them), or a good
 * tolerance with a clock that is not a function or cannot be read, or options that are not an object.
 */
export const badOptions: fc.Arbitrary<unknown> = fc.oneof(
  fc.record(
    { toleranceSeconds: badTolerance, now: fc.oneof(fc.constant(deliveryClock), brokenClock, notAClock) },
    { requiredKeys: ["toleranceSeconds"] },
  ),
  fc.record({ toleranceSeconds: goodTolerance, now: fc.oneof(brokenClock, notAClock) }, { requiredKeys: ["now"] }),
  fc.constantFrom<unknown>(null, "options", 300, true, [], [{ toleranceSeconds: 300 }], () => ({})),
);

/** Good options: none, or a finite tolerance >= 0 and (mostly) a clock near the time Whop deliveries are signed. */
export const goodOptions: fc.Arbitrary<{ toleranceSeconds?: number; now?: () => number } | undefined> = fc.oneof(
  fc.constantFrom(undefined, {}),
  {
    arbitrary: fc.record(
      {
        toleranceSeconds: goodTolerance,
        now: fc
          .integer({ min: -400_000, max: 400_000 })
          .map((skew) => named(`sentAt ${skew} ms`, () => sentAt * 1000 + skew)),
      },
      { requiredKeys: ["now"] },
    ),
    weight: 4,
  },
);

/** Mostly good options, and some that must be refused. */
export const anyOptions: fc.Arbitrary<unknown> = fc.oneof({ arbitrary: goodOptions, weight: 3 }, badOptions);

/** Whether options are refused before anything else: not an object, a bad tolerance, a `now` that is no function. */
export function refusedOptions(options: unknown): boolean {
  if (options === undefined) return false;
  if (!isObject(options)) return true;
  const tolerance = options.toleranceSeconds;
  const badTolerance =
    tolerance !== undefined && !(typeof tolerance === "number" && Number.isFinite(tolerance) && tolerance >= 0);
  return badTolerance || (options.now !== undefined && typeof options.now !== "function");
}

/** Whether the options' clock (or the real one) can be read and is within tolerance of a delivery sent at `sentAt`. */
export function clockAccepts(options: unknown): boolean {
  if (refusedOptions(options)) return false;
  const { toleranceSeconds = 300, now = Date.now } = (options ?? {}) as {
    toleranceSeconds?: number;
    now?: () => unknown;
  };
  try {
    const ms = now();
    return (
      typeof ms === "number" && Number.isFinite(ms) && Math.abs(Math.floor(ms / 1000) - sentAt) <= toleranceSeconds
    );
  } catch {
    return false;
  }
}

/** Options that cannot be read (getters and proxies that throw on reading), and proxies that read fine. */
export const hostileOptions: fc.Arbitrary<{ options: Lazy; unreadable: boolean }> = fc.oneof(
  fc.tuple(fc.constantFrom("toleranceSeconds", "now"), thrownValue).map(([key, thrown]) => ({
    options: lazy(`a getter ${key} throwing ${thrown}`, () =>
      Object.defineProperty({}, key, { get: thrower(thrown), enumerable: true }),
    ),
    unreadable: true,
  })),
  fc.tuple(trap, thrownValue).map(([which, thrown]) => ({
    options: lazy(`a proxy of { now } whose ${which} throws ${thrown}`, () =>
      throwingProxy({ now: deliveryClock }, which, thrown),
    ),
    unreadable: which === "get",
  })),
  fc.constant({ options: lazy("a revoked proxy", revoked), unreadable: true }),
);

/** A time in 1970, or after the year 3000: only options that turn replay protection off could let it through. */
export const longAgoOrFarAhead = fc.oneof(
  fc.integer({ min: 0, max: 31_535_999 }),
  fc.integer({ min: 32_503_680_000, max: 999_999_999_999 }),
);

/** `options` with the delivery's clock (where it stands in them) set to `timestamp` seconds. */
export function withClock(options: unknown, timestamp: number): unknown {
  if (!isObject(options) || options.now !== deliveryClock) return options;
  return { ...options, now: named(`the delivery's clock (${timestamp} s)`, () => timestamp * 1000) };
}

export { messageId, sentAt };
