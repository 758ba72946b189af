// A delivery store on Redis (ioredis), shared by every instance that receives webhooks.
import type { DeliveryStore } from "@coursehooks/teachfloor";
import type { Redis } from "ioredis";

export function redisStore(redis: Redis, prefix = "webhook:"): DeliveryStore {
  return {
    async claim(id, leaseSeconds) {
      // SET NX: only the first instance to see this id gets it; the lease expires if that instance dies.
      if ((await redis.set(prefix + id, "in_progress", "EX", leaseSeconds, "NX")) === "OK") return "claimed";
      return (await redis.get(prefix + id)) === "done" ? "done" : "in_progress";
    },
    complete: (id, keepSeconds) => redis.set(prefix + id, "done", "EX", keepSeconds),
    release: (id) => redis.del(prefix + id),
  };
}
