import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Catalogue, EventSchema } from "../generator/catalogue.js";
import { catalogues, projectRoot } from "../test/helpers/catalogues.js";
import { eventExamples } from "../test/helpers/examples.js";
import { type Broken, badDateTime, wrongType } from "./invalid.js";
import { type Model, toModel } from "./model.js";

/** One documented example of an event, valid as published and with one field wrong. */
export interface Case {
  catalogue: string;
  file: string;
  event: EventSchema;
  /** `teachfloor course.join`. */
  label: string;
  /** The name of the package's type guard (`isCourseJoin`). */
  guard: string;
  model: Model;
  value: unknown;
  /** The body as the provider sends it. */
  raw: string;
  /** The example with a string field replaced by a number. */
  invalid: Broken & { raw: string };
  /** The example with a date-time made impossible, where it has a date-time. */
  badDate: Broken | undefined;
}

/** The shipped (dereferenced) JSON Schema of an event: `generated/<catalogue>/schemas/<stem>.json`. */
export function shippedSchema(catalogue: string, stem: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(projectRoot, "generated", catalogue, "schemas", `${stem}.json`), "utf8"));
}

function catalogueCases(c: Catalogue): Case[] {
  const models = new Map<string, Model>();
  return eventExamples(c).map((example) => {
    const { stem, validatorName } = example.event;
    if (!models.has(stem)) models.set(stem, toModel(shippedSchema(c.path, stem)));
    const model = models.get(stem)!;
    // Parsed from the body as sent, as a receiver parses it: json5 builds its strings by concatenation, which V8
    // keeps as ropes that a JSON.parse'd payload never has and that slow reading them by character.
    const value: unknown = JSON.parse(example.body);
    const invalid = wrongType(model, value);
    if (!invalid) throw new Error(`${c.path}/examples/${example.file} has no string field to make wrong.`);
    return {
      catalogue: c.path,
      file: example.file,
      event: example.event,
      label: `${c.path} ${stem}`,
      guard: validatorName.replace(/^validate/, "is"),
      model,
      value,
      raw: example.body,
      invalid: { ...invalid, raw: JSON.stringify(invalid.value) },
      badDate: badDateTime(model, value),
    };
  });
}

/** The catalogues the bench runs on, all by default, in the generator's order. */
export function benchCatalogues(only?: readonly string[]): Catalogue[] {
  const all = catalogues();
  return only ? all.filter((c) => only.includes(c.path)) : all;
}

/** Every documented example of the catalogues' events. */
export const benchCases = (list: readonly Catalogue[]): Case[] => list.flatMap(catalogueCases);
