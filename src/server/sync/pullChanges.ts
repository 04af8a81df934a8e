import type { Change } from "../../domain/change";
import type { PullResponse } from "../../domain/protocol";
import type { ServerUser } from "../auth/ServerUser";
import { getEpoch } from "../getEpoch";
import type { Queryable } from "../Storage";
import { readScopeSql } from "./readScopeSql";

export const PULL_MAX_LIMIT = 5000;

/**
 * Accepted changes the user may read with a sequence number after `after`, in sequence order. The cursor is the
 * last sequence number returned, or when the page is the last one the greatest number committed: pushes commit in
 * sequence order (see PUSH_LOCK), so no change with a smaller number can commit later and be skipped.
 */
export async function pullChanges(db: Queryable, user: ServerUser, after: bigint, limit: number): Promise<PullResponse> {
  const scope = readScopeSql(user, "c", 3);
  const r = await db.query<{
    seq: string; id: string; entity: Change["entity"]; row_id: string; field: string; value: unknown; hlc: string;
    prev_hlc: string | null; device: string; user: string; merges: string[] | null; reopen: boolean; top: string;
  }>(
    // `top` comes from the same statement, so the same snapshot: everything up to it is committed and was seen.
    `with page as (
       select c.seq, c.id, c.entity, c.row_id, c.field, c.value, c.hlc, c.prev_hlc, c.device, c."user", c.merges, c.reopen
       from changes c where c.seq > $1::bigint and c.status = 'accepted' and ${scope.sql}
       order by c.seq limit $2),
     newest as (select coalesce(max(seq), 0) as top from changes)
     select p.seq::text as seq, p.id, p.entity, p.row_id, p.field, p.value, p.hlc, p.prev_hlc, p.device, p."user", p.merges, p.reopen,
       n.top::text as top
     from newest n left join page p on true
     order by p.seq nulls last`,
    [after.toString(), limit + 1, ...scope.params],
  );
  const top = BigInt(r.rows[r.rows.length - 1]!.top);
  const found = r.rows.filter((x) => x.seq !== null);
  const more = found.length > limit;
  const page = more ? found.slice(0, limit) : found;
  const changes: Change[] = page.map((c) => ({
    id: c.id, entity: c.entity, rowId: c.row_id, field: c.field, value: c.value ?? null, hlc: c.hlc, prevHlc: c.prev_hlc,
    device: c.device, user: c.user, ...(c.merges ? { merges: c.merges } : {}), ...(c.reopen ? { reopen: true } : {}),
  }));
  // With nothing more to read, jump to the newest change this snapshot saw: the rest are not the reader's.
  const last = page.length > 0 ? BigInt(page[page.length - 1]!.seq) : after;
  const cursor = (!more && top > last ? top : last).toString();
  return { changes, cursor, more, epoch: await getEpoch(db) };
}
