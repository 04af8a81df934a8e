import { ALL_TABLES } from "./ALL_TABLES";
import type { AppDb } from "./AppDb";
import { applyRemoteChanges } from "./applyRemoteChanges";
import { remoteChangeProblem } from "./remoteChangeProblem";

export interface QuarantineRetry {
  /** Quarantined changes this version of the app could apply: merged, and out of the quarantine. */
  applied: number;
  /** Changes still waiting for an update. */
  waiting: number;
}

/**
 * Check every quarantined change again with this version of the app, and apply those it now understands (after an
 * update), in one transaction with their removal from the quarantine. The others keep waiting, with today's reason.
 * Cheap when the quarantine is empty; the sync engine calls it at the start of every run and after every pull.
 */
export async function retryQuarantine(db: AppDb, opts: { now?: number } = {}): Promise<QuarantineRetry> {
  if ((await db.quarantine.count()) === 0) return { applied: 0, waiting: 0 };
  return db.transaction("rw", [...ALL_TABLES], async () => {
    const rows = await db.quarantine.toArray();
    const ready: unknown[] = [];
    const readyIds: string[] = [];
    let waiting = 0;
    for (const r of rows) {
      const checked = remoteChangeProblem(r.change);
      if (checked.problem === null) {
        ready.push(r.change);
        readyIds.push(r.id);
      } else {
        waiting++;
        if (checked.problem !== r.reason) await db.quarantine.update(r.id, { reason: checked.problem });
      }
    }
    if (ready.length > 0) {
      await applyRemoteChanges(db, ready, undefined, { now: opts.now });
      await db.quarantine.bulkDelete(readyIds);
    }
    return { applied: ready.length, waiting };
  });
}
