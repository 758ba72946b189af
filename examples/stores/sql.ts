// A delivery store on PostgreSQL, for `pg` (a Pool or a Client) or anything with the same `query`.
import type { DeliveryStore } from "@coursehooks/teachfloor";

export interface Sql {
  query(text: string, params: unknown[]): Promise<{ rows: Array<Record<string, unknown>> }>;
}

export const createTable = `
  create table if not exists webhook_deliveries (
    id text primary key,
    state text not null,
    expires_at timestamptz not null
  )`;

export function sqlStore(db: Sql): DeliveryStore {
  return {
    async claim(id, leaseSeconds) {
      // Insert the claim, or take over one whose lease or keep time has run out; anything else is taken.
      const claimed = await db.query(
        `insert into webhook_deliveries (id, state, expires_at)
         values ($1, 'in_progress', now() + make_interval(secs => $2))
         on conflict (id) do update set state = 'in_progress', expires_at = excluded.expires_at
           where webhook_deliveries.expires_at <= now()
         returning id`,
        [id, leaseSeconds],
      );
      if (claimed.rows.length > 0) return "claimed";
      const { rows } = await db.query("select state from webhook_deliveries where id = $1", [id]);
      return rows[0]?.state === "done" ? "done" : "in_progress";
    },
    complete: (id, keepSeconds) =>
      db.query(
        "update webhook_deliveries set state = 'done', expires_at = now() + make_interval(secs => $2) where id = $1",
        [id, keepSeconds],
      ),
    release: (id) => db.query("delete from webhook_deliveries where id = $1", [id]),
  };
}
