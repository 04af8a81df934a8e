import { ChangeSchema, changeValueProblem, type Change } from "../../domain/change";
import type { PushResponse } from "../../domain/protocol";
import type { ServerUser } from "../auth/ServerUser";
import { USER_COLUMNS, userFromRow } from "../auth/userFromRow";
import { getEpoch } from "../getEpoch";
import type { Queryable, Storage } from "../Storage";
import { jsonIsStorable } from "./jsonIsStorable";
import { newRowScope } from "./newRowScope";
import { recomputeRows, type RowKey } from "./recomputeRows";
import { referencedRows, resultKeyProblem } from "./referencedRows";
import type { KnownRow } from "./RowScope";
import { writeProblem } from "./writeProblem";

/** Every push holds this advisory lock until it commits, so change sequence order is commit order. */
export const PUSH_LOCK = 4242;

type Checked = { id: string; change: Change; problem: null } | { id: string; change: null; problem: string; raw: unknown };

function check(item: unknown, id: string): Checked {
  if (!jsonIsStorable(item)) return { id, change: null, problem: "Thay đổi chứa ký tự không hợp lệ (NUL hoặc mã Unicode lẻ).", raw: null };
  const parsed = ChangeSchema.safeParse(item);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join(".")}: ` : "";
    return { id, change: null, problem: `Thay đổi không hợp lệ (${where}${issue?.message ?? "sai định dạng"}).`, raw: item };
  }
  const problem = changeValueProblem(parsed.data);
  return problem ? { id, change: null, problem, raw: item } : { id, change: parsed.data, problem: null };
}

/**
 * Stores and applies a push: each change once (a repeated accepted id is accepted again; a rejected one is checked
 * again and, when it now passes, its rejected record is replaced by the accepted change), each checked on its
 * own, rejected ones recorded with their reason, all in one transaction with the current-state update.
 * `items` must already have passed pushItemIds. `alsoInTx` runs last in the same transaction, knowing the answers
 * (a bundle stores the photos of accepted attachments; `already` = ids accepted before this push); throwing from it
 * rolls the whole push back.
 */
export async function pushChanges(
  storage: Storage,
  user: ServerUser,
  items: readonly unknown[],
  ids: readonly string[],
  alsoInTx?: (tx: Queryable, answer: Omit<PushResponse, "epoch"> & { already: ReadonlySet<string> }) => Promise<void>,
): Promise<PushResponse> {
  const checked = items.map((item, i) => check(item, ids[i]!));
  const keyOf = (c: { entity: string; rowId: string }) => `${c.entity}\u0000${c.rowId}`;
  return storage.transaction(async (tx) => {
    await tx.query(`select pg_advisory_xact_lock(${PUSH_LOCK})`);
    const answers = new Map<string, string | null>();
    const old = await tx.query<{ id: string; status: string; reason: string | null }>(
      "select id, status, reason from changes where id in (select jsonb_array_elements_text($1::jsonb))",
      [JSON.stringify([...new Set(ids)])],
    );
    // An accepted id keeps its answer. A rejected one is checked again: whether a change may be written can depend
    // on who sends it (a bundle imported in the wrong place must not lock its author out for good).
    const retried = new Set<string>();
    const already = new Set<string>();
    for (const r of old.rows) {
      if (r.status === "accepted") {
        answers.set(r.id, null);
        already.add(r.id);
      }
      else retried.add(r.id);
    }

    const fresh = checked.filter((c) => !answers.has(c.id));
    const valid = fresh.flatMap((c) => (c.change ? [c.change] : []));
    const known = new Map<string, KnownRow>();
    if (valid.length > 0) {
      // the rows the changes write, and the inspections and findings they point to
      const keys = valid.flatMap((c) => [{ entity: c.entity, row_id: c.rowId }, ...referencedRows(c).map((r) => ({ entity: r.entity, row_id: r.rowId }))]);
      const rows = await tx.query<{ entity: string; row_id: string; province: string | null; team: string | null; data: Record<string, unknown> }>(
        `select r.entity, r.row_id, r.province, r.team, r.data from rows r
         join (select distinct entity, row_id from jsonb_to_recordset($1::jsonb) as k(entity text, row_id text)) k
           on r.entity = k.entity and r.row_id = k.row_id`,
        [JSON.stringify(keys)],
      );
      for (const r of rows.rows) known.set(keyOf({ entity: r.entity, rowId: r.row_id }), { province: r.province, team: r.team, data: r.data });
    }
    const authors = new Map<string, ServerUser>();
    const names = [...new Set(valid.map((c) => c.user))].filter((n) => n !== user.username);
    if (names.length > 0) {
      const r = await tx.query(`select ${USER_COLUMNS} from users u where u.username in (select jsonb_array_elements_text($1::jsonb))`, [JSON.stringify(names)]);
      for (const row of r.rows) authors.set(String(row.username), userFromRow(row));
    }
    authors.set(user.username, user);

    const newRows: { entity: string; row_id: string; province: string | null; team: string | null }[] = [];
    const stored: Record<string, unknown>[] = [];
    const touched: RowKey[] = [];
    for (const c of fresh) {
      if (answers.has(c.id)) continue; // the same id twice in one push: stored once, answered alike
      let reason = c.problem;
      const ch = c.change;
      if (ch) {
        const key = keyOf(ch);
        const row = known.get(key) ?? null;
        const author = authors.get(ch.user) ?? null;
        const refs = referencedRows(ch).flatMap((r) => known.get(keyOf(r)) ?? []);
        // DOST or admin writing into an inspection (not carrying a team's change) file the row under it
        const own = !author || author.id === user.id;
        const scope = row ?? ((user.role === "dost" || user.role === "admin") && own && refs[0] ? refs[0] : newRowScope(user, author, ch));
        reason = resultKeyProblem(ch) ?? writeProblem(user, ch, row, scope, author);
        if (!reason && refs.some((r) => r.province !== scope.province || r.team !== scope.team)) {
          reason = "Cuộc kiểm tra hoặc phát hiện được tham chiếu thuộc đoàn khác hoặc tỉnh khác; không được ghi vào đó.";
        }
        if (!reason) {
          if (!row) {
            known.set(key, { province: scope.province, team: scope.team, data: {} });
            newRows.push({ entity: ch.entity, row_id: ch.rowId, province: scope.province, team: scope.team });
          }
          const now = known.get(key)!;
          if (ch.field === "document" || ch.field === "needsReview") now.data[ch.field] ??= ch.value;
          touched.push({ entity: ch.entity, rowId: ch.rowId, field: ch.field });
          stored.push({
            id: ch.id, entity: ch.entity, row_id: ch.rowId, field: ch.field, value: ch.value ?? null, hlc: ch.hlc,
            prev_hlc: ch.prevHlc, device: ch.device, user: ch.user, merges: ch.merges ?? null, reopen: ch.reopen === true,
            province: scope.province, team: scope.team, status: "accepted", reason: null, pushed_by: user.id, raw: null,
          });
        }
      }
      if (reason && !retried.has(c.id)) {
        const raw = "raw" in c ? c.raw : null;
        stored.push({
          id: c.id, entity: null, row_id: null, field: null, value: null, hlc: null, prev_hlc: null, device: null, user: null,
          merges: null, reopen: false, province: user.province, team: user.team, status: "rejected", reason, pushed_by: user.id, raw,
        });
      }
      answers.set(c.id, reason); // a retried change still refused keeps its first record
    }
    if (newRows.length > 0) {
      await tx.query(
        `insert into rows (entity, row_id, province, team)
         select entity, row_id, province, team from jsonb_to_recordset($1::jsonb) as x(entity text, row_id text, province text, team text)
         on conflict (entity, row_id) do nothing`,
        [JSON.stringify(newRows)],
      );
    }
    const revived = stored.filter((x) => retried.has(String(x.id))).map((x) => x.id);
    if (revived.length > 0) {
      await tx.query("delete from changes where status = 'rejected' and id in (select jsonb_array_elements_text($1::jsonb))", [JSON.stringify(revived)]);
    }
    if (stored.length > 0) {
      const ins = await tx.query<{ seq: string }>(
        `insert into changes (id, entity, row_id, field, value, hlc, prev_hlc, device, "user", merges, reopen, province, team, status, reason, pushed_by, raw)
         select id, entity, row_id, field, value, hlc, prev_hlc, device, "user", merges, reopen, province, team, status, reason, pushed_by, raw
         from jsonb_to_recordset($1::jsonb) as x(id text, entity text, row_id text, field text, value jsonb, hlc text,
           prev_hlc text, device text, "user" text, merges jsonb, reopen boolean, province text, team text, status text, reason text,
           pushed_by text, raw jsonb, ord integer)
         order by ord
         returning seq::text`,
        [JSON.stringify(stored.map((s, ord) => ({ ...s, ord })))],
      );
      const maxSeq = Math.max(...ins.rows.map((r) => Number(r.seq)));
      if (touched.length > 0) await recomputeRows(tx, touched, maxSeq);
    }
    const accepted: string[] = [];
    const rejected: { id: string; reason: string }[] = [];
    for (const id of ids) {
      const reason = answers.get(id);
      if (reason) rejected.push({ id, reason });
      else accepted.push(id);
    }
    if (alsoInTx) await alsoInTx(tx, { accepted, rejected, already });
    return { accepted, rejected, epoch: await getEpoch(tx) };
  });
}
