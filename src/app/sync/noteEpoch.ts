import { META } from "../db/META";
import type { AppDb } from "../db/AppDb";

/**
 * Compare the server's epoch with the one this tablet last saw. A different epoch means the server was restored
 * from a backup and may have lost recent changes: queue every change this tablet made for push again (the server
 * stores each id once, so repeats are harmless) and pull again from the start. Returns true when that happened.
 */
export async function noteEpoch(db: AppDb, epoch: string | undefined, nowMs: number): Promise<boolean> {
  if (!epoch) return false;
  return db.transaction("rw", db.meta, db.changes, db.outbox, async () => {
    const seen = (await db.meta.get(META.epoch))?.value;
    if (seen === epoch) return false;
    await db.meta.put({ key: META.epoch, value: epoch });
    if (seen === undefined) return false;
    const device = (await db.meta.get(META.deviceId))?.value;
    const own = await db.changes.where("device").equals(String(device)).toArray();
    await db.outbox.bulkPut(own.map((c) => ({ id: c.id, hlc: c.hlc, queuedAt: nowMs })));
    await db.meta.put({ key: META.pullCursor, value: "0" });
    return true;
  });
}
