import type { Storage } from "./Storage";
import { getEpoch } from "./getEpoch";
import { newEpoch } from "./newEpoch";

/**
 * Starts a new epoch when the database was restored from a dump into another cluster or database: its identity
 * (cluster system identifier and database oid) no longer matches the one recorded in it. A file-level copy
 * put back in place keeps its identity: after such a restore run `npm run admin -- new-epoch`.
 * Returns true when a new epoch was started.
 */
export async function detectRestore(storage: Storage): Promise<boolean> {
  return storage.transaction(async (tx) => {
    await tx.query("select pg_advisory_xact_lock(4244)");
    const live = await tx.query<{ id: string }>(
      "select (select system_identifier::text from pg_control_system()) || ':' || (select oid::text from pg_database where datname = current_database()) as id",
    );
    const identity = live.rows[0]!.id;
    const stored = await tx.query<{ value: string }>("select value from server_meta where key = 'identity'");
    const before = stored.rows[0]?.value;
    if (before === identity) return false;
    await tx.query("insert into server_meta (key, value) values ('identity', $1) on conflict (key) do update set value = excluded.value", [identity]);
    if (before === undefined) {
      await getEpoch(tx);
      return false;
    }
    await newEpoch(tx);
    return true;
  });
}
