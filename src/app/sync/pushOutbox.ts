import { gzipSync, strToU8 } from "fflate";
import { PUSH_ANSWER_HEADER, PushCompactResponseSchema, PushResponseSchema, type PushResponse } from "../../domain/protocol";
import type { Change } from "../../domain/change";
import { META } from "../db/META";
import type { Session } from "../db/Session";
import { noteEpoch } from "./noteEpoch";
import { requestJson } from "./requestJson";
import type { SyncContext } from "./SyncContext";
import { SyncHttpError } from "./SyncHttpError";

/**
 * Drain the outbox in stamp order, a batch per request. Each answered id leaves the outbox (a refused one is kept
 * in `rejected` with the server's reason) in one transaction; a lost answer just means the batch is sent again,
 * which the server answers the same way. The server records the logged-in user and this device as the author of
 * what is pushed, so changes this tablet carries for others (imported from a bundle, or made here by another
 * user) go as a bundle, which keeps their authors and records this user as the carrier. Returns how many were
 * refused, or "epoch" when the server was restored.
 */
export async function pushOutbox(ctx: SyncContext): Promise<{ rejected: number } | "epoch"> {
  const { db } = ctx;
  const total = await db.outbox.count();
  let done = 0;
  let rejected = 0;
  if (total === 0) return { rejected };
  ctx.report({ phase: "pushing", done: 0, total });
  const device = String((await db.meta.get(META.deviceId))?.value ?? "");
  const me = ((await db.meta.get(META.session))?.value as Session | undefined)?.user.username;
  for (;;) {
    const batch = await db.outbox.orderBy("hlc").limit(ctx.pushBatch).toArray();
    if (batch.length === 0) return { rejected };
    const found = await db.changes.bulkGet(batch.map((o) => o.id));
    const changes = found.filter((c) => c !== undefined);
    const own = changes.filter((c) => c.device === device && (me === undefined || c.user === me));
    const carried = changes.filter((c) => !own.includes(c));
    let res: PushResponse = { accepted: [], rejected: [] };
    try {
      if (own.length > 0) res = await send(ctx, "push", { device: device || "unknown", changes: own });
      if (carried.length > 0) {
        const more = await send(ctx, "bundle", { format: "htqlcl-bundle/1", changes: carried, blobs: {} });
        res = { accepted: [...res.accepted, ...more.accepted], rejected: [...res.rejected, ...more.rejected], epoch: res.epoch ?? more.epoch };
      }
    } catch (e) {
      if (e instanceof SyncHttpError && e.status === 413 && ctx.pushBatch > 1) {
        ctx.pushBatch = Math.max(1, Math.floor(ctx.pushBatch / 2));
        continue;
      }
      throw e;
    }
    if (await noteEpoch(db, res.epoch, ctx.now())) return "epoch";
    const now = ctx.now();
    const missing = batch.filter((o, i) => found[i] === undefined).map((o) => o.id);
    await db.transaction("rw", db.outbox, db.rejected, async () => {
      await db.outbox.bulkDelete([...res.accepted, ...res.rejected.map((r) => r.id), ...missing]);
      await db.rejected.bulkPut(res.rejected.map((r) => ({ id: r.id, reason: r.reason, at: now })));
    });
    rejected += res.rejected.length;
    done += batch.length;
    ctx.report({ done: Math.min(done, total), pending: await db.outbox.count() });
    const answered = new Set([...res.accepted, ...res.rejected.map((r) => r.id)]);
    if (changes.some((c) => !answered.has(c.id))) throw new SyncHttpError(502, "Máy chủ chưa trả lời đủ các thay đổi. Sẽ tự thử lại.");
  }
}

/**
 * One push or bundle request; a bundle the server refused whole (422 listing the refused changes) is an answer. A
 * push asks for the compact answer (count and highest stamp of the accepted changes, plus the refusals), which is
 * expanded here to the ids it confirms after checking that it matches what was sent; a server that predates it
 * answers with every id, which is read as before.
 */
async function send(ctx: SyncContext, route: "push" | "bundle", body: { changes: readonly Change[] } & Record<string, unknown>): Promise<PushResponse> {
  const json = JSON.stringify(body);
  // Mountain links are slow: a batch of changes gzips to about an eighth.
  const gzip = json.length > 2048;
  let raw: unknown;
  try {
    raw = await requestJson(ctx.fetch, `${ctx.baseUrl}/api/sync/${route}`, {
      method: "POST",
      token: ctx.token,
      headers: {
        "Content-Type": "application/json",
        ...(gzip ? { "Content-Encoding": "gzip" } : {}),
        ...(route === "push" ? { [PUSH_ANSWER_HEADER]: "compact" } : {}),
      },
      body: gzip ? (gzipSync(strToU8(json)) as Uint8Array<ArrayBuffer>) : json,
    });
  } catch (e) {
    const refused = e instanceof SyncHttpError && e.status === 422 ? PushResponseSchema.safeParse({ accepted: [], ...(e.body as object) }) : null;
    if (refused?.success) return refused.data;
    throw e;
  }
  const parsed = PushResponseSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const compact = PushCompactResponseSchema.safeParse(raw);
  if (!compact.success) throw new SyncHttpError(502, "Máy chủ trả lời gửi dữ liệu không đúng định dạng. Sẽ tự thử lại.");
  const refused = new Set(compact.data.rejected.map((r) => r.id));
  const taken = [...new Map(body.changes.filter((c) => !refused.has(c.id)).map((c) => [c.id, c])).values()];
  const maxHlc = taken.reduce<string | null>((m, c) => (m === null || c.hlc > m ? c.hlc : m), null);
  // The confirmation must be of exactly this batch; otherwise nothing leaves the outbox and the batch goes again.
  if (taken.length !== compact.data.acceptedCount || maxHlc !== compact.data.acceptedMaxHlc) {
    throw new SyncHttpError(502, "Máy chủ chưa trả lời đủ các thay đổi. Sẽ tự thử lại.");
  }
  return { accepted: taken.map((c) => c.id), rejected: compact.data.rejected, ...(compact.data.epoch !== undefined ? { epoch: compact.data.epoch } : {}) };
}
