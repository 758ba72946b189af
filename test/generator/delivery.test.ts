import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadDelivery } from "../../generator/lint/delivery.js";

const withDelivery = (text: string) => {
  const dir = mkdtempSync(join(tmpdir(), "coursehooks-delivery-"));
  mkdirSync(join(dir, "acme"));
  writeFileSync(join(dir, "acme", "delivery.json"), text);
  return loadDelivery(dir, "acme");
};

describe("delivery.json", () => {
  it("is read when it has the documented shape", () => {
    const json = {
      provider: "Acme",
      signature: { scheme: "standard-webhooks" },
      deliveryId: { from: "header", name: "webhook-id" },
    };
    expect(withDelivery(JSON.stringify(json))).toEqual({ delivery: json, problems: [] });
  });

  it.each([
    ["not JSON", "{", ""],
    [
      "an unknown scheme",
      JSON.stringify({ provider: "Acme", signature: { scheme: "md5" }, deliveryId: { from: "body-hash" } }),
      "/signature/scheme",
    ],
    [
      "no header names",
      JSON.stringify({
        provider: "Acme",
        signature: { scheme: "hmac-sha256-hex", headers: [], signs: "raw-body", bearer: false },
        deliveryId: { from: "body-hash" },
      }),
      "/signature/headers",
    ],
    [
      "an unknown id source",
      JSON.stringify({ provider: "Acme", signature: { scheme: "standard-webhooks" }, deliveryId: { from: "guess" } }),
      "/deliveryId/from",
    ],
  ])("is a located problem when it has %s", (_, text, pointer) => {
    const { delivery, problems } = withDelivery(text);
    expect(delivery).toBeUndefined();
    expect(problems.map((p) => [p.file, p.pointer])).toContainEqual(["acme/delivery.json", pointer]);
  });
});
