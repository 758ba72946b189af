// The handler the framework recipes in this folder mount, created once at start-up with the secret from the
// environment (createHandler throws when it is empty). Its course.join handler records what it was given.
import { createHandler } from "@coursehooks/teachfloor";

/** One entry per handled course.join delivery. */
export const joined: Array<{ deliveryId: string; email: string }> = [];

export const webhooks = createHandler({
  secret: process.env.TEACHFLOOR_WEBHOOK_SECRET ?? "",
  on: {
    "course.join": (event, { deliveryId }) => void joined.push({ deliveryId, email: event.data.member.email ?? "" }),
  },
});
