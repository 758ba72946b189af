import type { JsonObject } from "../schema-walk.js";
import { eventSchema } from "./event.js";
import { instance } from "./instance.js";
import { common, envelope, envelopeStyles } from "./schemas.js";
import { projectPlan, type CataloguePlan } from "./plan.js";
import { seeded, type Random } from "./random.js";
import { idOf } from "../ids.js";

export interface SynthOptions {
  events: number;
  providers: number;
  seed: number;
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

function delivery(plan: CataloguePlan): JsonObject {
  const style = envelopeStyles[plan.style]!;
  const signature =
    style.scheme === "standard-webhooks"
      ? { scheme: "standard-webhooks" }
      : {
          scheme: "hmac-sha256-hex",
          headers: [`X-${plan.display.split(" ")[0]}-Signature`],
          signs: style.scheme,
          bearer: style.scheme === "compact-json",
        };
  const deliveryId =
    style.scheme === "standard-webhooks"
      ? { from: "header", name: "webhook-id" }
      : style.typeProperty === "event"
        ? { from: "body-hash" }
        : { from: "envelope", property: "id" };
  return {
    provider: plan.display,
    $comment: `How ${plan.display} signs its deliveries (synthetic).`,
    signature,
    deliveryId,
  };
}

/** Every file of one catalogue below `schemas/`: schemas, examples and their manifest, delivery.json. */
function catalogueFiles(random: Random, plan: CataloguePlan): Map<string, string> {
  const style = envelopeStyles[plan.style]!;
  const schemas = new Map<string, JsonObject>();
  schemas.set(`${plan.path}/common/envelope.schema.json`, envelope(random, plan.path, plan.display, style));
  plan.commons.forEach((_, i) => {
    schemas.set(
      `${plan.path}/common/${plan.commons[i]}.schema.json`,
      common(random, plan.path, plan.display, plan.commons, i),
    );
  });
  for (const event of plan.events)
    schemas.set(
      `${plan.path}/${event.stem}.schema.json`,
      eventSchema(random, plan.path, plan.display, style, plan.commons, event),
    );
  const byId = new Map([...schemas].map(([path, schema]) => [idOf(path), schema]));
  const examples = plan.events.filter(
    (e) => (schemas.get(`${plan.path}/${e.stem}.schema.json`)!["x-shape"] as { from: string }).from === "example",
  );
  const manifest = Object.fromEntries(
    examples.map((e) => [
      `${e.stem}.json`,
      {
        schema: e.stem,
        document: `${plan.path.replace(/\//g, "-")}-webhook-reference.txt`,
        section: `Events › ${e.eventType} › Payload example`,
        published: `https://docs.example.com/${plan.path}/webhooks#${e.stem}`,
      },
    ]),
  );
  return new Map([
    ...[...schemas].map(([path, schema]) => [path, json(schema)] as [string, string]),
    ...examples.map((e) => {
      const id = idOf(`${plan.path}/${e.stem}.schema.json`);
      return [`${plan.path}/examples/${e.stem}.json`, json(instance(byId.get(id)!, byId, id))] as [string, string];
    }),
    [`${plan.path}/examples/examples.json`, json(manifest)],
    [`${plan.path}/delivery.json`, json(delivery(plan))],
  ]);
}

/** A whole synthetic project root, by path: schemas/…, package.json, LICENSE. The same options give the same bytes. */
export function synthProject(options: SynthOptions): Map<string, string> {
  const random = seeded(options.seed);
  const files = new Map<string, string>([
    [
      "package.json",
      json({
        name: "coursehooks-synthetic",
        version: "0.0.1",
        private: true,
        type: "module",
        repository: { type: "git", url: "git+https://github.com/example/coursehooks-synthetic.git" },
      }),
    ],
    ["LICENSE", "MIT License\n\nSynthetic schemas for measuring coursehooks' generator.\n"],
  ]);
  for (const plan of projectPlan(options.events, options.providers)) {
    for (const [path, text] of catalogueFiles(random, plan)) files.set(`schemas/${path}`, text);
  }
  return files;
}
