import { canonicalJson } from "../../domain/canonicalJson";
import { ChangeSchema, changeValueProblem, type Change } from "../../domain/change";
import type { PushResponse } from "../../domain/protocol";
import type { ServerUser } from "../auth/ServerUser";
import { sha256Hex } from "../auth/sha256Hex";
import { USER_COLUMNS, userFromRow } from "../auth/userFromRow";
import { getEpoch } from "../getEpoch";
import type { Queryable, Storage } from "../Storage";
import { jsonIsStorable } from "./jsonIsStorable";
import { newRowScope } from "./newRowScope";
import { NeedsGlobalOrder, takePushOrder } from "./pushOrder";
import { recomputeRows, type RowKey } from "./recomputeRows";
import { referencedRows, resultKeyProblem } from "./referencedRows";
import type { KnownRow } from "./RowScope";
import { writeProblem } from "./writeProblem";

type Checked =
  | { id: string; change: Change; problem: null; hash: string }
  | { id: string; change: Change | null; problem: string; raw: unknown; hash: string };

/**
 * How the changes arrive. `push`: from the tablet that made them, so their author is the authenticated user and
 * their device the one the token is bound to. `bundle`: a file carried from other tablets, whose changes keep
 * their authors (known accounts only) and are recorded with the carrier (`pushed_by`).
 */
export type PushVia = { via: "push"; device: string } | { via: "bundle" };

function check(item: unknown, id: string): Checked {
  const rawHash = () => sha256Hex(canonicalJson(item));
  if (!jsonIsStorable(item)) return { id, change: null, problem: "Thay đổi chứa ký tự không hợp lệ (NUL hoặc mã Unicode lẻ).", raw: null, hash: rawHash() };
  const parsed = ChangeSchema.safeParse(item);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join(".")}: ` : "";
    return { id, change: null, problem: `Thay đổi không hợp lệ (${where}${issue?.message ?? "sai định dạng"}).`, raw: item, hash: rawHash() };
  }
  // A change whose value this server refuses keeps its parsed form, so it is hashed as it will be once accepted
  // (after a server update, the same change sent again is the same change, not a taken id).
  const problem = changeValueProblem(parsed.data);
  return problem ? { id, change: parsed.data, problem, raw: item, hash: "" } : { id, change: parsed.data, problem: null, hash: "" };
}

/** What identifies a change's content: two sends of one change id must hash alike, or the id is taken. */
function contentHash(c: Pick<Change, "entity" | "rowId" | "field" | "value" | "hlc" | "prevHlc" | "device" | "user" | "merges" | "reopen">): string {
  return sha256Hex(canonicalJson({
    entity: c.entity, rowId: c.rowId, field: c.field, value: c.value ?? null, hlc: c.hlc, prevHlc: c.prevHlc ?? null,
    device: c.device, user: c.user, merges: c.merges ?? null, reopen: c.reopen === true,
  }));
}

/** The answer to a change id already used for other content (by anyone): never accepted, never stored over it. */
export function takenIdReason(id: string): string {
  return `Mã thay đổi "${id}" đã được dùng cho một thay đổi khác (mã trùng); thay đổi này không được ghi.`;
}

/**
 * The author of a change as the server records it, or why it cannot be recorded. On push the author is the
 * authenticated user: a change naming another account is refused (carrying it would write in their name; their
 * own tablet or a bundle delivers it), any other name (no such account: "local" on a tablet not yet logged in) is
 * replaced by the pusher's. In a bundle a known author is kept (the carrier is recorded beside it), except admin,
 * or DOST carried by a team member; an unknown name becomes the carrier.
 */
function authorship(user: ServerUser, ch: Change, author: ServerUser | null, via: PushVia): { change: Change; author: ServerUser; problem: string | null } {
  // a name that is no account is the sender's: the server records only who it can vouch for
  const own = author ? ch : { ...ch, user: user.username };
  const ok = (problem: string | null = null) => ({ change: own, author: author ?? user, problem });
  if (via.via === "push") {
    if (author && author.id !== user.id) return ok(`Thay đổi do "${author.username}" tạo; chỉ chính người đó gửi được, hoặc nhập bằng gói đồng bộ.`);
    // DEVICE BINDING: `via.device` is the push body's device until tokens are bound to a device (then the token's)
    if (ch.device !== via.device) return ok(`Thay đổi của thiết bị "${ch.device}", không phải thiết bị đang gửi ("${via.device}"); hãy nhập bằng gói đồng bộ.`);
    return ok();
  }
  if (!author || author.id === user.id) return ok();
  if (author.role === "admin" && user.role !== "admin") return ok(`Không được mang thay đổi nhân danh quản trị viên "${author.username}".`);
  if (author.role === "dost" && (user.role === "lead" || user.role === "inspector")) return ok(`Đoàn kiểm tra không được mang thay đổi nhân danh Sở KH&CN ("${author.username}").`);
  return ok();
}

/**
 * Stores and applies a push: each change once, each checked on its own, rejected ones recorded with their
 * reason, all in one transaction with the current-state update. A change id is bound to its content (a hash):
 * sent again with the same content it is answered as before (an accepted one accepted again, a rejected one
 * checked again, since whether a change may be written can depend on who sends it); with other content, by
 * anyone, it is refused as a taken id and the stored change stays. `items` must already have passed pushItemIds.
 * `alsoInTx` runs last in the same transaction, knowing the answers (a bundle stores the photos of accepted
 * attachments; `already` = ids accepted before this push); throwing from it rolls the whole push back.
 */
export async function pushChanges(
  storage: Storage,
  user: ServerUser,
  items: readonly unknown[],
  ids: readonly string[],
  via: PushVia,
  alsoInTx?: (tx: Queryable, answer: Omit<PushResponse, "epoch"> & { already: ReadonlySet<string> }) => Promise<void>,
): Promise<PushResponse> {
  // A push of one province is ordered only against that province's pushes; admin (or an account without a
  // province) may write anywhere, and so may a push that finds it must: those take the global order.
  const province = user.role === "admin" || user.province === null ? null : user.province;
  if (province !== null) {
    try {
      return await pushInOrder(storage, user, items, ids, via, province, alsoInTx);
    } catch (e) {
      if (!(e instanceof NeedsGlobalOrder)) throw e;
    }
  }
  return pushInOrder(storage, user, items, ids, via, null, alsoInTx);
}

/** One attempt of pushChanges, ordered within `province` (null: against every push). */
async function pushInOrder(
  storage: Storage,
  user: ServerUser,
  items: readonly unknown[],
  ids: readonly string[],
  via: PushVia,
  province: string | null,
  alsoInTx?: (tx: Queryable, answer: Omit<PushResponse, "epoch"> & { already: ReadonlySet<string> }) => Promise<void>,
): Promise<PushResponse> {
  const keyOf = (c: { entity: string; rowId: string }) => `${c.entity}\u0000${c.rowId}`;
  return storage.transaction(async (tx) => {
    await takePushOrder(tx, province);
    const parsed = items.map((item, i) => check(item, ids[i]!));
    const authors = new Map<string, ServerUser>();
    const names = [...new Set(parsed.flatMap((c) => (c.change ? [c.change.user] : [])))].filter((n) => n !== user.username);
    if (names.length > 0) {
      const r = await tx.query(`select ${USER_COLUMNS} from users u where u.username in (select jsonb_array_elements_text($1::jsonb))`, [JSON.stringify(names)]);
      for (const row of r.rows) authors.set(String(row.username), userFromRow(row));
    }
    authors.set(user.username, user);
    // the author as recorded, then the content hash of the change as it would be stored
    const checked: Checked[] = parsed.map((c) => {
      if (!c.change) return c;
      const who = authorship(user, c.change, authors.get(c.change.user) ?? null, via);
      if (c.problem) return { ...c, change: who.change, hash: contentHash(who.change) };
      if (who.problem) return { id: c.id, change: who.change, problem: who.problem, raw: null, hash: contentHash(who.change) };
      return { id: c.id, change: who.change, problem: null, hash: contentHash(who.change) };
    });
    const hashOf = new Map(checked.map((c) => [c.id, c.hash]));

    const answers = new Map<string, string | null>();
    const old = await tx.query<{
      id: string; status: string; pushed_by: string | null; content_hash: string | null; entity: Change["entity"] | null; row_id: string | null;
      field: string | null; value: unknown; hlc: string | null; prev_hlc: string | null; device: string | null; user: string | null;
      merges: string[] | null; reopen: boolean;
    }>(
      `select id, status, pushed_by, content_hash, entity, row_id, field, value, hlc, prev_hlc, device, "user", merges, reopen
       from changes where id in (select jsonb_array_elements_text($1::jsonb))`,
      [JSON.stringify([...new Set(ids)])],
    );
    const retried = new Set<string>();
    const already = new Set<string>();
    for (const r of old.rows) {
      // changes stored before hashes were kept: an accepted one hashes from its columns; a rejected one only its pusher may retry
      const stored = r.content_hash ?? (r.status === "accepted"
        ? contentHash({ entity: r.entity!, rowId: r.row_id!, field: r.field!, value: r.value, hlc: r.hlc!, prevHlc: r.prev_hlc, device: r.device!, user: r.user!, merges: r.merges ?? undefined, reopen: r.reopen })
        : null);
      const same = stored === null ? r.pushed_by === user.id : stored === hashOf.get(r.id);
      if (!same) answers.set(r.id, takenIdReason(r.id));
      else if (r.status === "accepted") {
        answers.set(r.id, null);
        already.add(r.id);
      } else retried.add(r.id);
    }

    const fresh = checked.filter((c) => !answers.has(c.id));
    const valid = fresh.flatMap((c) => (c.change && !c.problem ? [c.change] : []));
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

    // DOST or admin creating an inspection for a team: the team it names is its scope, so that team receives it
    const namedTeam = new Map(valid.filter((c) => c.entity === "inspection" && c.field === "teamId" && typeof c.value === "string").map((c) => [c.rowId, String(c.value)]));
    const newRows: { entity: string; row_id: string; province: string | null; team: string | null }[] = [];
    const stored: Record<string, unknown>[] = [];
    const touched: RowKey[] = [];
    for (const c of fresh) {
      if (answers.has(c.id)) continue; // the same id twice in one push: stored once, answered alike
      let reason = c.problem;
      const ch = c.problem ? null : c.change;
      if (ch) {
        const key = keyOf(ch);
        const row = known.get(key) ?? null;
        const author = authors.get(ch.user) ?? null;
        const refs = referencedRows(ch).flatMap((r) => known.get(keyOf(r)) ?? []);
        // DOST or admin writing into an inspection (not carrying a team's change) file the row under it
        const own = !author || author.id === user.id;
        const office = (user.role === "dost" || user.role === "admin") && own;
        const team = office && ch.entity === "inspection" ? namedTeam.get(ch.rowId) : undefined;
        const scope = row ?? (office && refs[0] ? refs[0] : team ? { ...newRowScope(user, author, ch), team } : newRowScope(user, author, ch));
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
            province: scope.province, team: scope.team, status: "accepted", reason: null, pushed_by: user.id, raw: null, content_hash: c.hash,
          });
        }
      }
      if (reason && !retried.has(c.id)) {
        const raw = "raw" in c ? c.raw : null;
        stored.push({
          id: c.id, entity: null, row_id: null, field: null, value: null, hlc: null, prev_hlc: null, device: null, user: null,
          merges: null, reopen: false, province: user.province, team: user.team, status: "rejected", reason, pushed_by: user.id, raw, content_hash: c.hash,
        });
      }
      answers.set(c.id, reason); // a retried change still refused keeps its first record
    }
    if (province !== null && stored.some((x) => x.province !== province)) throw new NeedsGlobalOrder("a change filed outside the province");
    if (newRows.length > 0) {
      const made = await tx.query(
        `insert into rows (entity, row_id, province, team)
         select entity, row_id, province, team from jsonb_to_recordset($1::jsonb) as x(entity text, row_id text, province text, team text)
         on conflict (entity, row_id) do nothing
         returning 1`,
        [JSON.stringify(newRows)],
      );
      // another province's push created one of these rows meanwhile: judged again after it, the change may be refused
      if (province !== null && made.rows.length !== newRows.length) throw new NeedsGlobalOrder("a row created meanwhile");
    }
    const revived = stored.filter((x) => retried.has(String(x.id))).map((x) => x.id);
    if (revived.length > 0) {
      await tx.query("delete from changes where status = 'rejected' and id in (select jsonb_array_elements_text($1::jsonb))", [JSON.stringify(revived)]);
    }
    if (stored.length > 0) {
      const ins = await tx.query<{ seq: string }>(
        `insert into changes (id, entity, row_id, field, value, hlc, prev_hlc, device, "user", merges, reopen, province, team, status, reason, pushed_by, raw, content_hash)
         select id, entity, row_id, field, value, hlc, prev_hlc, device, "user", merges, reopen, province, team, status, reason, pushed_by, raw, content_hash
         from jsonb_to_recordset($1::jsonb) as x(id text, entity text, row_id text, field text, value jsonb, hlc text,
           prev_hlc text, device text, "user" text, merges jsonb, reopen boolean, province text, team text, status text, reason text,
           pushed_by text, raw jsonb, content_hash text, ord integer)
         order by ord
         on conflict (id) do nothing
         returning seq::text`,
        [JSON.stringify(stored.map((s, ord) => ({ ...s, ord })))],
      );
      // an id another province's push stored meanwhile: answered after it (the same change, or a taken id)
      if (ins.rows.length !== stored.length) {
        if (province !== null) throw new NeedsGlobalOrder("a change id stored meanwhile");
        throw new Error("a change id was stored twice under the global order");
      }
      const maxSeq = Math.max(...ins.rows.map((r) => Number(r.seq)));
      if (touched.length > 0) await recomputeRows(tx, touched, maxSeq, province);
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
