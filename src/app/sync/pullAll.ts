import { z } from "zod";
import { PullResponseSchema } from "../../domain/protocol";
import { applyRemoteChanges } from "../db/applyRemoteChanges";
import { META } from "../db/META";
import { noteEpoch } from "./noteEpoch";
import { requestJson } from "./requestJson";
import type { SyncContext } from "./SyncContext";
import { SyncHttpError } from "./SyncHttpError";

/** The page envelope only: each change is checked on its own, so one this app cannot read does not block the rest. */
const PullPageSchema = PullResponseSchema.extend({ changes: z.array(z.unknown()) });

/**
 * Pull every change after the stored cursor, page by page; each page and its cursor are applied in one transaction.
 * A change this version of the app cannot apply (the server runs a newer schema) is kept in the quarantine with its
 * reason, in that same transaction, never skipped: it is applied after the app is updated (see retryQuarantine).
 */
export async function pullAll(ctx: SyncContext): Promise<{ received: number; quarantined: number } | "epoch"> {
  const { db } = ctx;
  let received = 0;
  let quarantined = 0;
  ctx.report({ phase: "pulling", done: 0, total: 0 });
  for (;;) {
    const cursor = String((await db.meta.get(META.pullCursor))?.value ?? "0");
    const raw = await requestJson(ctx.fetch, `${ctx.baseUrl}/api/sync/pull?after=${encodeURIComponent(cursor)}&limit=${ctx.pullLimit}`, {
      token: ctx.token,
    });
    const parsed = PullPageSchema.safeParse(raw);
    if (!parsed.success) throw new SyncHttpError(502, "Máy chủ trả dữ liệu nhận về không đúng định dạng. Sẽ tự thử lại.");
    const page = parsed.data;
    if (await noteEpoch(db, page.epoch, ctx.now())) return "epoch";
    const report = await applyRemoteChanges(db, page.changes, page.cursor, { now: ctx.now(), quarantine: true });
    received += page.changes.length;
    quarantined += report.invalid.length;
    ctx.report({ done: received, total: received + (page.more ? ctx.pullLimit : 0) });
    if (!page.more || page.cursor === cursor) return { received, quarantined };
  }
}
