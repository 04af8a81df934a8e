import { randomUUID } from "node:crypto";
import type { Queryable } from "./Storage";

/** The server epoch: devices that see it change push their retained changes again (the server was restored). */
export async function getEpoch(db: Queryable): Promise<string> {
  const r = await db.query<{ value: string }>("select value from server_meta where key = 'epoch'");
  if (r.rows[0]) return r.rows[0].value;
  const fresh = randomUUID();
  await db.query("insert into server_meta (key, value) values ('epoch', $1) on conflict (key) do nothing", [fresh]);
  const again = await db.query<{ value: string }>("select value from server_meta where key = 'epoch'");
  return again.rows[0]!.value;
}
