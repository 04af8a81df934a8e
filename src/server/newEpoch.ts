import { randomUUID } from "node:crypto";
import type { Queryable } from "./Storage";

/** Starts a new epoch (after restoring a backup), so every device pushes its retained changes again. */
export async function newEpoch(db: Queryable): Promise<string> {
  const fresh = randomUUID();
  await db.query("insert into server_meta (key, value) values ('epoch', $1) on conflict (key) do update set value = excluded.value", [fresh]);
  return fresh;
}
