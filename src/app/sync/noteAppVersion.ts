import type { AppDb } from "../db/AppDb";
import { META } from "../db/META";
import { requeueRejected } from "../db/requeueRejected";

/**
 * Compare the running app version with the one that last ran on this tablet. After an update (or the first run of a
 * version that records it), the changes the server refused are sent again: the update usually came with a server
 * that can now validate them. Returns how many were queued again.
 */
export async function noteAppVersion(db: AppDb, version: string, now: number): Promise<number> {
  const seen = (await db.meta.get(META.appVersion))?.value;
  if (seen === version) return 0;
  const queued = await requeueRejected(db, now);
  await db.meta.put({ key: META.appVersion, value: version });
  return queued;
}
