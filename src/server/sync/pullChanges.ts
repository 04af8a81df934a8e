import type { Change } from "../../domain/change";
import type { PullResponse } from "../../domain/protocol";
import type { ServerUser } from "../auth/ServerUser";
import { getEpoch } from "../getEpoch";
import type { Queryable } from "../Storage";
import { readScopeSql } from "./readScopeSql";

export const PULL_MAX_LIMIT = 5000;

/**
 * Accepted changes the user may read with a sequence number after `after`, in sequence order. The cursor is the
 * last sequence number returned (or `after` when none): pushes commit in sequence order (see PUSH_LOCK), so no
 * change with a smaller number can commit later and be skipped.
 */
export async function pullChanges(db: Queryable, user: ServerUser, after: bigint, limit: number): Promise<PullResponse> {
  const scope = readScopeSql(user, "c", 3);
  const r = await db.query<{
    seq: string; id: string; entity: Change["entity"]; row_id: string; field: string; value: unknown; hlc: string;
    prev_hlc: string | null; device: string; user: string; merges: string[] | null; reopen: boolean;
  }>(
    `select c.seq::text as seq, c.id, c.entity, c.row_id, c.field, c.value, c.hlc, c.prev_hlc, c.device, c."user", c.merges, c.reopen
     from changes c where c.seq > $1::bigint and c.status = 'accepted' and ${scope.sql}
     order by c.seq limit $2`,
    [after.toString(), limit + 1, ...scope.params],
  );
  const more = r.rows.length > limit;
  const page = more ? r.rows.slice(0, limit) : r.rows;
  const changes: Change[] = page.map((c) => ({
    id: c.id, entity: c.entity, rowId: c.row_id, field: c.field, value: c.value ?? null, hlc: c.hlc, prevHlc: c.prev_hlc,
    device: c.device, user: c.user, ...(c.merges ? { merges: c.merges } : {}), ...(c.reopen ? { reopen: true } : {}),
  }));
  const cursor = page.length > 0 ? page[page.length - 1]!.seq : after.toString();
  return { changes, cursor, more, epoch: await getEpoch(db) };
}
