import type { Change } from "../../domain/change";
import type { PullResponse } from "../../domain/protocol";
import type { ServerUser } from "../auth/ServerUser";
import { getEpoch } from "../getEpoch";
import type { Queryable, Storage } from "../Storage";
import { PUSH_LOCK } from "./pushOrder";
import { readScopeSql } from "./readScopeSql";

export const PULL_MAX_LIMIT = 5000;

/**
 * Accepted changes the user may read with a sequence number after `after`, in sequence order, and the cursor to
 * send next: the last number returned, or on the last page a number up to which nothing of the reader's can still
 * commit (docs/sync-protocol.md, "Why the pull cursor never skips a committed change"):
 * - a reader of one province (dost, lead, inspector): that province's newest number (read in the same statement as
 *   the page, so the same snapshot): pushes of one province commit in sequence order
 *   (pushOrder.ts), and the reader's scope never reaches into another province;
 * - every reader, when no push is open at that moment (the global order is free): the newest number of all;
 * - a reader of every province (admin): it waits for the global order, reads the newest number while no push is
 *   open, lets pushes go on, and reads only up to that number.
 */
export async function pullChanges(storage: Storage, user: ServerUser, after: bigint, limit: number): Promise<PullResponse> {
  const everywhere = user.role === "admin" || user.province === null;
  const settled = await settledTop(storage, everywhere);
  if (everywhere) return pullPage(storage, user, after, limit, settled!, "select $3::bigint as top", [settled!.toString()]);
  const head = "select greatest(coalesce((select max(seq) from changes where province = $4), 0), $3::bigint) as top";
  return pullPage(storage, user, after, limit, null, head, [(settled ?? 0n).toString(), user.province]);
}

/**
 * The newest sequence number at a moment when no push was open: every change up to it is committed (or rolled
 * back) and visible to any later statement. `wait`: wait for that moment; otherwise null when a push is open.
 * The global order is held only for this one read, so pushes wait for it at most that long.
 */
async function settledTop(storage: Storage, wait: boolean): Promise<bigint | null> {
  return storage.transaction(async (tx) => {
    if (wait) await tx.query(`select pg_advisory_xact_lock(${PUSH_LOCK})`);
    else if (!(await tx.query<{ free: boolean }>(`select pg_try_advisory_xact_lock(${PUSH_LOCK}) as free`)).rows[0]!.free) return null;
    const r = await tx.query<{ top: string }>("select coalesce(max(seq), 0)::text as top from changes");
    return BigInt(r.rows[0]!.top);
  });
}

/** One page after `after` (up to `bound` when given); `newest` is the statement of the cursor's jump target, with `newestParams` from $3. */
async function pullPage(
  db: Queryable,
  user: ServerUser,
  after: bigint,
  limit: number,
  bound: bigint | null,
  newest: string,
  newestParams: unknown[],
): Promise<PullResponse> {
  const scope = readScopeSql(user, "c", 3 + newestParams.length);
  const params = [after.toString(), limit + 1, ...newestParams, ...scope.params];
  const boundSql = bound === null ? "" : ` and c.seq <= ${BigInt(bound).toString()}`;
  const r = await db.query<{
    seq: string; id: string; entity: Change["entity"]; row_id: string; field: string; value: unknown; hlc: string;
    prev_hlc: string | null; device: string; user: string; merges: string[] | null; reopen: boolean; top: string;
  }>(
    // `top` comes from the same statement, so the same snapshot as the page.
    `with page as (
       select c.seq, c.id, c.entity, c.row_id, c.field, c.value, c.hlc, c.prev_hlc, c.device, c."user", c.merges, c.reopen
       from changes c where c.seq > $1::bigint and c.status = 'accepted' and ${scope.sql}${boundSql}
       order by c.seq limit $2),
     newest as (${newest})
     select p.seq::text as seq, p.id, p.entity, p.row_id, p.field, p.value, p.hlc, p.prev_hlc, p.device, p."user", p.merges, p.reopen,
       n.top::text as top
     from newest n left join page p on true
     order by p.seq nulls last`,
    params,
  );
  const top = BigInt(r.rows[r.rows.length - 1]!.top);
  const found = r.rows.filter((x) => x.seq !== null);
  const more = found.length > limit;
  const page = more ? found.slice(0, limit) : found;
  const changes: Change[] = page.map((c) => ({
    id: c.id, entity: c.entity, rowId: c.row_id, field: c.field, value: c.value ?? null, hlc: c.hlc, prevHlc: c.prev_hlc,
    device: c.device, user: c.user, ...(c.merges ? { merges: c.merges } : {}), ...(c.reopen ? { reopen: true } : {}),
  }));
  // With nothing more to read, jump to the newest number that is safe for this reader: the rest are not the reader's.
  const last = page.length > 0 ? BigInt(page[page.length - 1]!.seq) : after;
  const cursor = (!more && top > last ? top : last).toString();
  return { changes, cursor, more, epoch: await getEpoch(db) };
}
