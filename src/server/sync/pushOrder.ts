import type { Queryable } from "../Storage";

/**
 * The ordering locks of the change log (docs/sync-protocol.md, "Why the pull cursor never skips a committed
 * change"). Every push holds the global key `PUSH_LOCK` until it commits: shared when it writes only within one
 * province (then it also holds that province's key `(PROVINCE_LOCK_CLASS, hashtext(province))` exclusively),
 * exclusive when it may write anywhere (admin, an account without a province, a push that found it must touch
 * another province's rows). So the pushes of one province commit in `seq` order, pushes of different provinces run
 * at the same time, and an exclusive holder waits for, and holds off, all of them. The single bigint key is the one
 * earlier servers took exclusively, so an older instance still excludes every push of a newer one.
 */
export const PUSH_LOCK = 4242;
export const PROVINCE_LOCK_CLASS = 4243;

/** Takes the locks of a push in `province` (null: everywhere), held until the transaction ends. */
export async function takePushOrder(tx: Queryable, province: string | null): Promise<void> {
  if (province === null) {
    await tx.query(`select pg_advisory_xact_lock(${PUSH_LOCK})`);
    return;
  }
  await tx.query(`select pg_advisory_xact_lock_shared(${PUSH_LOCK}), pg_advisory_xact_lock(${PROVINCE_LOCK_CLASS}, hashtext($1))`, [province]);
}

/**
 * Thrown inside a province-ordered push that finds it must touch what another province's push may be writing at the
 * same time (a row or change id created by another province meanwhile, a row of another province); the push is
 * rolled back and run again under the exclusive lock, which orders it against every other push.
 */
export class NeedsGlobalOrder extends Error {
  constructor(why: string) {
    super(`push needs the global order: ${why}`);
  }
}
