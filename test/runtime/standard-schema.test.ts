// The Standard Schemas (<camelStem>Schema, eventSchema) of every built package, the JSON Schemas they
// convert to, and the JSON Schema files each package ships in schemas/.

import { readdirSync } from "node:fs";
import { join } from "node:path";
import { Ajv } from "ajv";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { standardSchemaName } from "../../generator/naming.js";
import { all, copyOf, examplesOf, pkg, projectRoot, shippedSchema, type StandardSchema } from "./packages.js";

const draft07 = "http://json-schema.org/draft-07/schema#";
const draft202012 = "https://json-schema.org/draft/2020-12/schema";

/** A fresh AJV of the kind a consumer would set up: draft-07, unknown keywords (x-docs, …) allowed, formats on. */
function freshAjv(): Ajv {
  const ajv = new Ajv({ strict: false });
  addFormats.default(ajv);
  return ajv;
}

describe.each(all.map((c) => [c.path, c] as const))("Standard Schemas of %s", (path, c) => {
  const api = pkg(path);
  const examples = examplesOf(c);
  const events = c.events.map((e) => [e.stem, standardSchemaName(e.stem), e] as const);
  const schemaOf = (name: string) => api[name] as StandardSchema<unknown>;
  const ajv2020 = new Ajv2020({ strict: false });

  it("exports exactly one <camelStem>Schema per event schema, besides eventSchema", () => {
    const exported = Object.keys(api)
      .filter((name) => /^[a-z].*Schema$/.test(name) && name !== "eventSchema")
      .sort();
    expect(exported).toEqual(events.map(([, name]) => name).sort());
  });

  describe.each(events)("%s (%s)", (stem, name, event) => {
    const mine = examples.filter((e) => e.event.stem === stem);

    it("is a Standard Schema, version 1, vendor coursehooks", () => {
      const standard = schemaOf(name)["~standard"];
      expect(standard.version).toBe(1);
      expect(standard.vendor).toBe("coursehooks");
      expect(typeof standard.validate).toBe("function");
      expect(typeof standard.jsonSchema.input).toBe("function");
      expect(typeof standard.jsonSchema.output).toBe("function");
    });

    it("returns { value } for its examples (every event whose shape is known from an example has one)", () => {
      if (mine.length === 0) expect((event.file.json["x-shape"] as { from: string }).from).not.toBe("example");
      for (const example of mine) {
        const value = copyOf(example);
        const result = schemaOf(name)["~standard"].validate(value);
        expect(result).toEqual({ value: example.value });
        expect(result.issues).toBeUndefined();
        if (!result.issues) expect(result.value).toBe(value);
      }
    });

    it("returns { issues } with a message and a path for a broken copy", () => {
      const standard = schemaOf(name)["~standard"];
      for (const example of mine) {
        const value = copyOf(example);
        value[c.typeProperty] = "no.such.event";
        expect(standard.validate(value)).toEqual({
          issues: [
            {
              message: `${c.typeProperty}: expected ${JSON.stringify(event.eventType)}, received "no.such.event"`,
              path: [c.typeProperty],
            },
          ],
        });
      }
      const empty = standard.validate({});
      expect(empty.issues?.length).toBeGreaterThan(0);
      for (const issue of empty.issues ?? []) {
        expect(issue).toEqual({
          message: expect.stringMatching(/: required field is missing$/),
          path: expect.any(Array),
        });
        expect(issue.path).toHaveLength(1);
      }
      expect(standard.validate("{}")).toEqual({
        issues: [{ message: "(root): expected object, received string", path: [] }],
      });
    });

    it("converts to draft-07 and draft 2020-12 JSON Schema with the event's $id, and to nothing else", () => {
      const { jsonSchema } = schemaOf(name)["~standard"];
      for (const convert of [jsonSchema.input, jsonSchema.output]) {
        const seven = convert({ target: "draft-07" });
        expect(seven.$schema).toBe(draft07);
        expect(seven.$id).toBe(event.id);
        const twenty = convert({ target: "draft-2020-12" });
        expect(twenty.$schema).toBe(draft202012);
        expect(twenty.$id).toBe(event.id);
        expect({ ...twenty, $schema: draft07 }).toEqual(seven);
        expect(() => convert({ target: "openapi-3.0" })).toThrow(/openapi-3\.0/);
        expect(() => convert({ target: "draft-04" })).toThrow();
      }
    });

    it("converts to a self-contained draft-07 schema that a fresh AJV compiles and that accepts its examples", () => {
      const schema = schemaOf(name)["~standard"].jsonSchema.input({ target: "draft-07" });
      expect(JSON.stringify(schema)).not.toContain('"$ref"');
      const validate = freshAjv().compile(schema);
      for (const example of mine)
        expect(validate(copyOf(example)), `${example.file}: ${JSON.stringify(validate.errors)}`).toBe(true);
      expect(validate({})).toBe(false);
      const broken = mine[0] ? { ...copyOf(mine[0]), [c.typeProperty]: "no.such.event" } : undefined;
      if (broken) expect(validate(broken)).toBe(false);
    });

    it("converts to a draft 2020-12 schema that is valid against the 2020-12 meta-schema", () => {
      const schema = schemaOf(name)["~standard"].jsonSchema.input({ target: "draft-2020-12" });
      expect(ajv2020.validateSchema(schema), JSON.stringify(ajv2020.errors?.slice(0, 3))).toBe(true);
    });

    it("is the schema the package ships in schemas/", () => {
      expect(schemaOf(name)["~standard"].jsonSchema.input({ target: "draft-07" })).toEqual(shippedSchema(path, stem));
    });
  });

  describe("eventSchema", () => {
    const standard = api.eventSchema["~standard"];

    it("is a Standard Schema, version 1, vendor coursehooks", () => {
      expect(standard.version).toBe(1);
      expect(standard.vendor).toBe("coursehooks");
    });

    it("returns { value } for every example of the catalogue", () => {
      for (const example of examples) {
        const value = copyOf(example);
        const result = standard.validate(value);
        expect(result, example.file).toEqual({ value: example.value });
        if (!result.issues) expect(result.value).toBe(value);
      }
    });

    it("rejects a raw body (string or bytes) with one issue saying it wants an event object", () => {
      for (const example of examples.filter((e) => e.json)) {
        expect(standard.validate(example.text)).toEqual({
          issues: [{ message: "expected an event object, received string" }],
        });
        expect(standard.validate(example.bytes)).toEqual({
          issues: [{ message: expect.stringMatching(/^expected an event object, received /) }],
        });
      }
      expect(standard.validate("")).toEqual({ issues: [{ message: "expected an event object, received string" }] });
    });

    it("rejects an unknown event type and a broken event with issues", () => {
      const value = copyOf(examples[0]!);
      value[c.typeProperty] = "no.such.event";
      const unknown = standard.validate(value);
      expect(unknown.issues).toHaveLength(1);
      expect(unknown.issues![0]!.message).toContain('"no.such.event"');
      const empty = standard.validate({});
      expect(empty.issues!.map((i) => i.path)).toContainEqual([c.typeProperty]);
    });

    it(
      "converts to a draft-07 oneOf of the events' schemas " +
        "that a fresh AJV compiles and that accepts every example",
      () => {
        const schema = standard.jsonSchema.input({ target: "draft-07" });
        expect(schema.$schema).toBe(draft07);
        expect((schema.oneOf as Array<{ $id: string }>).map((s) => s.$id)).toEqual(c.events.map((e) => e.id));
        const validate = freshAjv().compile(schema);
        for (const example of examples)
          expect(validate(copyOf(example)), `${example.file}: ${JSON.stringify(validate.errors?.slice(0, 3))}`).toBe(
            true,
          );
        expect(validate({})).toBe(false);
        expect(standard.jsonSchema.input({ target: "draft-2020-12" }).$schema).toBe(draft202012);
        expect(() => standard.jsonSchema.input({ target: "openapi-3.0" })).toThrow();
      },
    );
  });
});

describe.each(all.map((c) => [c.path, c] as const))("JSON Schema files shipped by %s", (path, c) => {
  const dir = join(projectRoot, "generated", path, "schemas");
  const examples = examplesOf(c);

  it("are one file per event schema, named by its stem", () => {
    expect(readdirSync(dir).sort()).toEqual(c.events.map((e) => `${e.stem}.json`).sort());
  });

  it("load together into one AJV without clashing ids, and each validates its examples", () => {
    const ajv = freshAjv();
    for (const event of c.events) {
      const schema = shippedSchema(path, event.stem);
      expect(schema.$schema).toBe(draft07);
      expect(schema.$id).toBe(event.id);
      expect(() => ajv.addSchema(schema)).not.toThrow();
    }
    for (const event of c.events) {
      const validate = ajv.getSchema(event.id);
      expect(validate, event.id).toBeDefined();
      for (const example of examples.filter((e) => e.event === event))
        expect(validate!(copyOf(example)), `${example.file}: ${JSON.stringify(validate!.errors?.slice(0, 3))}`).toBe(
          true,
        );
      for (const example of examples.filter((e) => e.event !== event))
        expect(validate!(copyOf(example)), `${event.stem} accepts ${example.file}`).toBe(false);
      expect(validate!({})).toBe(false);
    }
  });
});
