import type { AppDb } from "./AppDb";

/**
 * Send the changes the server refused once more: back into the outbox (in stamp order), out of `rejected`. The
 * server checks a refused id again, so a change it can now validate (it was updated, or the account's team was
 * fixed) is accepted; one still refused comes back to `rejected` with the reason. Returns how many were queued.
 */
export async function requeueRejected(db: AppDb, now: number): Promise<number> {
  return db.transaction("rw", db.rejected, db.changes, db.outbox, async () => {
    const ids = (await db.rejected.toCollection().primaryKeys()) as string[];
    if (ids.length === 0) return 0;
    const found = await db.changes.bulkGet(ids);
    const queued = found.filter((c) => c !== undefined);
    await db.outbox.bulkPut(queued.map((c) => ({ id: c.id, hlc: c.hlc, queuedAt: now })));
    // A refusal whose change is gone cannot be sent again: its reason stays for the user.
    await db.rejected.bulkDelete(queued.map((c) => c.id));
    return queued.length;
  });
}
